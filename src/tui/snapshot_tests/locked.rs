//! Issue "Private means private", item 5: the check-in written without unlocking.

use insta::assert_snapshot;

use crate::tui::app::App;
use crate::tui::test_support::{app_opened_locked, draw, press, typed};

/// As `closer checkin` opens on a locked journal, its check-in begun.
fn checking_in() -> App {
    let mut app = app_opened_locked();
    press(&mut app, "Ctrl-n");
    app
}

/// The feelings and triggers say why the person's own words are not there.
#[test]
fn the_lists_say_your_own_words_show_after_unlocking_80x24() {
    let mut app = checking_in();
    press(&mut app, "Tab");
    assert_drawn!("locked_feelings_80x24", &mut app, 80, 24);
    press(&mut app, "Tab");
    // Only the top: the list below is the bundled content, which changes on its own.
    let text = draw(&mut app, 80, 24).backend().to_string();
    let top: Vec<&str> = text.lines().take(5).collect();
    assert_snapshot!("locked_triggers_top_80x24", top.join("\n"));
}

/// Kept as a draft, the check-in comes back to the prompt, which says so.
#[test]
fn kept_as_a_draft_back_at_the_prompt_80x24() {
    let mut app = checking_in();
    typed(&mut app, "2");
    let out = press(&mut app, "Esc s");
    for r in out {
        if let crate::tui::effect::Effect::SaveDraft(d) = r.effect {
            app.done(r.from, crate::tui::effect::Done::DraftSaved(d));
        }
    }
    assert!(app.is_locked(), "{:?}", app.top());
    assert_snapshot!(draw(&mut app, 80, 24).backend());
}
