//! Turning toward: the bid form, the break form, a break running (on home and on the card for
//! a hard minute), home asking "did you go back to it?", and the after-a-break screen.

use super::*;

/// Home, with keys `keys` pressed, then `text` typed.
fn at(keys: &str, text: &str) -> App {
    let mut app = app_at_home();
    press(&mut app, keys);
    typed(&mut app, text);
    app
}

#[test]
fn the_bid_form_empty_and_filled_at_80x24_and_160x48() {
    for (kind, keys, text) in [
        ("empty", "b", ""),
        (
            "filled",
            "b Down Space Down",
            "she held out her phone: “look at this”",
        ),
    ] {
        for (w, h) in [(80, 24), (160, 48)] {
            let mut app = at(keys, text);
            assert_drawn!(format!("bid_{kind}_{w}x{h}"), &mut app, w, h);
        }
    }
    let mut app = at("b Down Space Down", "she held out her phone");
    press(&mut app, "Tab");
    assert_drawn!("bid_summary_80x24", &mut app, 80, 24);
}

#[test]
fn the_break_form_for_each_side_at_80x24_and_160x48() {
    for (side, keys) in [
        ("mine", "p Tab Enter Down Right Right Space Down Space Down"),
        ("theirs", "p Tab Enter Right Space Down Right Space Down"),
    ] {
        for (w, h) in [(80, 24), (160, 48)] {
            let mut app = at(keys, "a walk, then tea");
            assert_drawn!(format!("break_{side}_{w}x{h}"), &mut app, w, h);
        }
    }
}

/// Home with a break of an hour begun now, saved.
fn on_a_break() -> App {
    let mut app = at(
        "p Tab Enter Down Right Right Space Down Space Down",
        "a walk",
    );
    let out = press(&mut app, "Ctrl-s");
    crate::tui::test_support::settle(&mut app, out);
    app
}

#[test]
fn a_break_running_on_the_card_and_home_then_asked_about_at_80x24_and_160x48() {
    let mut app = on_a_break();
    assert_drawn!("break_running_card_80x24", &mut app, 80, 24);
    press(&mut app, "Esc");
    assert_drawn!("break_running_home_80x24", &mut app, 80, 24);
    assert_drawn!("break_running_home_160x48", &mut app, 160, 48);
    let back_at = app.session.now + chrono::Duration::minutes(61);
    app.tick(back_at);
    assert_drawn!("break_due_home_80x24", &mut app, 80, 24);
    press(&mut app, "g");
    assert_drawn!("break_back_80x24", &mut app, 80, 24);
    press(&mut app, "Space Down");
    typed(&mut app, "we talked after dinner, calmer");
    assert_drawn!("break_back_filled_160x48", &mut app, 160, 48);
}
