//! A debrief and a thought check as a person drives them: from home (kept with today's entry,
//! or a new one), and as a detour from the moment step of a check-in.

use super::*;
use crate::journal::draft::Flow;

/// Types `text` into the focused field.
fn write(app: &mut App, text: &str) {
    crate::tui::test_support::typed(app, text);
}

#[test]
fn t_from_home_checks_a_thought_kept_as_a_new_entry_for_today() {
    let mut app = app_at_home();
    press(&mut app, "t");
    assert_eq!(checkin(&app).step(), Step::Thought);
    assert_eq!(checkin(&app).draft.flow, Flow::Thought);
    assert!(
        !checkin(&app).draft.is_edit(),
        "nothing was written today yet"
    );
    write(&mut app, "They are bored of me");
    // The belief: Right raises it by tens.
    press(
        &mut app,
        "Down Right Right Right Right Right Right Right Right",
    );
    let out = press(&mut app, "Tab");
    assert!(matches!(effects(&out)[..], [Effect::SaveDraft(d)] if d.step == Step::Summary));
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("Kept as a new entry for today."), "{text}");
    assert!(
        text.contains("“They are bored of me” · believed 70%"),
        "{text}"
    );
    let out = press(&mut app, "Enter");
    let [Effect::SaveCheckIn(draft)] = effects(&out)[..] else {
        panic!("{out:?}");
    };
    assert_eq!(draft.thoughts.len(), 1);
    assert_eq!(draft.thoughts[0].belief.map(|b| b.get()), Some(70));
    let before = app.session.entries().len();
    settle(&mut app, out);
    assert!(is_home(&app));
    assert_eq!(app.session.entries().len(), before + 1);
}

#[test]
fn d_from_home_adds_a_debrief_to_todays_entry() {
    let mut app = app_at_home();
    press(&mut app, "c 4");
    let out = press(&mut app, "Ctrl-s");
    settle(&mut app, out);
    let today = app.session.entries().last().unwrap().clone();
    press(&mut app, "d");
    let c = checkin(&app);
    assert_eq!((c.step(), c.draft.flow), (Step::Debrief, Flow::Debrief));
    assert!(
        c.draft.is_edit() && c.draft.id == today.id,
        "today's entry is added to"
    );
    // Past the feelings and their own words, to my side.
    press(&mut app, "Down Down");
    write(&mut app, "I needed him to look up");
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("step 1 of 2"), "{text}");
    let out = press(&mut app, "Ctrl-s");
    let [Effect::SaveCheckIn(draft)] = effects(&out)[..] else {
        panic!("{out:?}");
    };
    assert_eq!(draft.id, today.id);
    assert_eq!(draft.mood, today.mood, "the entry keeps what it held");
    assert_eq!(draft.debriefs[0].my_side, "I needed him to look up");
    let before = app.session.entries().len();
    settle(&mut app, out);
    assert_eq!(app.session.entries().len(), before, "no new entry");
    let saved = app
        .session
        .entries()
        .iter()
        .find(|e| e.id == today.id)
        .unwrap();
    assert_eq!(saved.debriefs.len(), 1);
}

#[test]
fn an_empty_debrief_is_not_saved() {
    let mut app = app_at_home();
    press(&mut app, "d");
    assert!(press(&mut app, "Ctrl-s").is_empty());
    assert!(matches!(app.status, Some(Status::Info(_))));
}

#[test]
fn after_a_safety_trigger_the_debrief_asks_nothing_that_turns_toward_the_partner() {
    let mut app = app_at_home();
    press(&mut app, "d");
    let calm = screen_text(&mut app, 80, 40);
    assert!(calm.contains("What might their side have been?"), "{calm}");
    // The same with a safety trigger logged lately.
    let mut app = app_at_home();
    let mut entries = app.session.entries().to_vec();
    let last = entries.last_mut().unwrap();
    last.triggers.push(crate::journal::TriggerLog {
        trigger: TriggerRef::Id(crate::journal::Name::try_from("control-or-fear").unwrap()),
        intensity: None,
        note: String::new(),
        extra: Default::default(),
    });
    crate::tui::test_support::load(&mut app, entries, false, 3);
    press(&mut app, "d");
    let text = screen_text(&mut app, 80, 40);
    assert!(
        text.contains("You logged feeling afraid or controlled lately"),
        "{text}"
    );
    for asked in [
        "What might their side have been?",
        "Was any part of it yours?",
        "A repair phrase to use",
    ] {
        assert!(!text.contains(asked), "{asked} is asked:\n{text}");
    }
}

#[test]
fn ctrl_t_in_a_moment_checks_a_thought_then_goes_on_with_the_check_in() {
    let mut app = app_at_home();
    press(&mut app, "c Tab Tab Tab Tab");
    assert_eq!(checkin(&app).step(), Step::Episodes);
    press(&mut app, "Ctrl-t");
    assert_eq!(checkin(&app).step(), Step::Thought);
    assert_eq!(checkin(&app).draft.flow, Flow::CheckIn);
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("step 5 of 10 · A thought, checked"), "{text}");
    write(&mut app, "I always ruin it");
    press(&mut app, "Tab");
    assert_eq!(checkin(&app).step(), Step::Reflect, "on with the check-in");
    press(&mut app, "BackTab");
    assert_eq!(
        checkin(&app).step(),
        Step::Episodes,
        "back is the moment step"
    );
    press(&mut app, "Ctrl-d");
    assert_eq!(checkin(&app).step(), Step::Debrief);
    assert_eq!(checkin(&app).draft.thoughts[0].thought, "I always ruin it");
}
