//! Issue 37 (items 6 and 10): the check-in's note box and the look-back on a prediction.

use insta::assert_snapshot;

use crate::journal::draft::{CheckInDraft, Step};
use crate::journal::{Name, Prediction, TriggerLog, TriggerRef};
use crate::tui::keys::Action;
use crate::tui::screen::Msg;
use crate::tui::screens::Screen;
use crate::tui::screens::checkin::State;
use crate::tui::test_support::{app_at_home, draw, drawn_with, press, typed};

/// Item 10: a long note on a trigger wraps inside its box; every word of it shows.
#[test]
fn a_long_trigger_note_wraps_in_its_box_80x24() {
    let mut app = app_at_home();
    let mut d = CheckInDraft::new(app.session.now, app.session.perspective());
    d.triggers.push(TriggerLog {
        trigger: TriggerRef::Id(Name::try_from("anxiety").unwrap()),
        intensity: None,
        note: String::new(),
        extra: Default::default(),
    });
    d.step = Step::Triggers;
    let state = State::new(d, &app.session);
    app.open_for_test(Screen::CheckIn(Box::new(state)));
    app.update(Msg::Key(Action::Note));
    typed(
        &mut app,
        "It started before the call, when he said he was too tired to talk and I heard \
         it as not wanting to talk to me at all, which is the old story again",
    );
    let text = drawn_with(
        &mut app,
        80,
        24,
        &[
            "It started",
            "too tired",
            "not wanting",
            "the old story again",
        ],
    );
    assert_snapshot!("checkin_trigger_note_wrapped_80x24", text);
}

/// Item 6: after "it did not happen", how bad it really was is not asked; a digit sets
/// how bad it was otherwise.
#[test]
fn the_look_back_asks_only_what_applies_80x24() {
    let mut entries = crate::tui::test_support::twelve_entries();
    let newest = entries.iter_mut().max_by_key(|e| e.created_at).unwrap();
    newest.predictions.push(Prediction {
        step: None,
        fear: "He will brush it off if I bring it up".into(),
        likelihood: None,
        badness: None,
        look_back: newest.date,
        outcome: None,
        extra: Default::default(),
    });
    let mut app = app_at_home();
    crate::tui::test_support::load(&mut app, entries, false, 0);
    press(&mut app, "c");
    let Screen::LookBack(_) = app.top() else {
        panic!("not the look-back: {:?}", app.top())
    };
    press(&mut app, "Space Down");
    typed(&mut app, "3");
    let Screen::LookBack(s) = app.top() else {
        panic!()
    };
    assert_eq!(s.form.number(1), Some(3), "a digit sets the scale");
    press(&mut app, "Up Right Right Space");
    let text = draw(&mut app, 80, 24).backend().to_string();
    assert!(!text.contains("How bad was it really"), "{text}");
    press(&mut app, "Down");
    let Screen::LookBack(s) = app.top() else {
        panic!()
    };
    assert_eq!(s.form.focus, 2, "Down goes on to what happened instead");
    assert_snapshot!("look_back_it_did_not_happen_80x24", text);
}
