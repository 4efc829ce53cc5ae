//! Turning toward as a person drives it: a bid from home and from the moment step, a break
//! from the card for a hard minute (and not after a Safety trigger), and "did you go back to
//! it?" once its time has come.

use super::*;
use crate::journal::draft::Flow;
use crate::journal::{BidKind, BreakSide, Turn};

#[test]
fn b_from_home_logs_a_bid_in_a_line_with_how_it_was_met() {
    let mut app = app_at_home();
    press(&mut app, "b");
    let c = checkin(&app);
    assert_eq!((c.step(), c.draft.flow), (Step::Bid, Flow::Bid));
    // A bid from them is picked; ↓ how it was met: → "I turned away"; ↓ the line.
    press(&mut app, "Down Right Space Down");
    typed(&mut app, "she showed me a photo");
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("[x] I turned away"), "{text}");
    let out = press(&mut app, "Ctrl-s");
    let [Effect::SaveCheckIn(draft)] = effects(&out)[..] else {
        panic!("{out:?}");
    };
    assert_eq!(draft.bids.len(), 1);
    let bid = &draft.bids[0];
    assert_eq!(
        (bid.kind, bid.turn, bid.text.as_str()),
        (BidKind::Theirs, Some(Turn::Away), "she showed me a photo")
    );
    settle(&mut app, out);
    assert!(is_home(&app));
    assert!(info(&app).is_some_and(|i| i.contains("first step of turning toward")));
}

#[test]
fn an_appreciation_is_not_asked_how_it_was_met_and_the_responses_follow_whose_bid() {
    let mut app = app_at_home();
    press(&mut app, "b");
    // "A bid I made": the responses are the partner's.
    press(&mut app, "Right Space");
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("they turned toward it"), "{text}");
    // "Something I appreciate about me": no response asked.
    press(&mut app, "Right Right Space");
    let text = screen_text(&mut app, 80, 24);
    assert!(!text.contains("How was it met?"), "{text}");
    press(&mut app, "Down");
    typed(&mut app, "I stayed at the table");
    let out = press(&mut app, "Ctrl-s");
    let [Effect::SaveCheckIn(draft)] = effects(&out)[..] else {
        panic!("{out:?}");
    };
    assert_eq!(draft.bids[0].kind, BidKind::ThankMe);
    assert_eq!(draft.bids[0].turn, None);
}

#[test]
fn ctrl_b_on_the_moment_step_logs_a_bid_then_goes_on_with_the_check_in() {
    let mut app = app_at_home();
    press(&mut app, "c");
    while checkin(&app).step() != Step::Episodes {
        press(&mut app, "Tab");
    }
    press(&mut app, "Ctrl-b");
    assert_eq!(checkin(&app).step(), Step::Bid);
    press(&mut app, "Down Space Down");
    typed(&mut app, "a hand on my shoulder");
    press(&mut app, "Tab");
    assert_eq!(
        checkin(&app).step(),
        Step::Reflect,
        "back to the check-in, after the moment step"
    );
    assert_eq!(checkin(&app).draft.bids[0].text, "a hand on my shoulder");
}

#[test]
fn a_break_from_the_card_keeps_its_promise_and_is_asked_about_once_its_time_has_come() {
    let mut app = app_at_home();
    press(&mut app, "p");
    // The card's links: the break is the first.
    press(&mut app, "Tab Enter");
    let c = checkin(&app);
    assert_eq!((c.step(), c.draft.flow), (Step::TimeOut, Flow::TimeOut));
    press(&mut app, "Down Right Space Down Space");
    let now = app.session.now;
    let out = press(&mut app, "Ctrl-s");
    let [Effect::SaveCheckIn(draft)] = effects(&out)[..] else {
        panic!("{out:?}");
    };
    let kept = draft.time_outs[0].clone();
    assert_eq!((kept.side, kept.minutes()), (BreakSide::Mine, 30));
    assert_eq!(kept.from, now);
    assert!(
        kept.said
            .contains(&kept.back_at.format("%H:%M").to_string())
    );
    settle(&mut app, out);
    // While it runs: the time left and a grounding step, on the card and home.
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("30 minutes to go"), "{text}");
    press(&mut app, "Esc");
    let text = screen_text(&mut app, 80, 24);
    assert!(
        text.contains("On a break until") && text.contains("For now:"),
        "{text}"
    );
    press(&mut app, "g");
    assert_eq!(info(&app), Some("No break is waiting for an answer."));
    // Its time comes.
    app.tick(kept.back_at);
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("Did you go back to it?"), "{text}");
    press(&mut app, "g");
    press(&mut app, "Right Space Down");
    typed(&mut app, "we set Sunday");
    let out = press(&mut app, "Enter");
    let [Effect::SaveEntry(entry)] = effects(&out)[..] else {
        panic!("{out:?}");
    };
    let back = entry.time_outs[0].back.as_ref().unwrap();
    assert_eq!(back.went, crate::journal::WentBack::Later);
    assert_eq!(back.note, "we set Sunday");
    settle(&mut app, out);
    let text = screen_text(&mut app, 80, 24);
    assert!(
        !text.contains("Did you go back to it?"),
        "asked once: {text}"
    );
}

#[test]
fn after_a_safety_trigger_the_card_offers_no_break_to_come_back_from() {
    let mut entries = twelve_entries();
    let last = entries.last_mut().unwrap();
    last.triggers.push(crate::journal::test_support::logged(
        crate::journal::test_support::catalog_trigger("control-or-fear"),
        None,
        "",
    ));
    let mut app = crate::tui::test_support::app_unread();
    crate::tui::test_support::load(&mut app, entries, true, 1);
    press(&mut app, "p");
    let text = screen_text(&mut app, 80, 24);
    assert!(!text.contains("Take a break"), "{text}");
    let cmd = crate::tui::screen::Open::time_out(&app.session);
    assert!(
        matches!(&cmd, Cmd::Many(v) if matches!(&v[0], Cmd::Open(Open::Guide(crate::tui::screen::Page::Digest(id))) if id == crate::content::validate::SAFETY_PAGE)),
        "{cmd:?}"
    );
}
