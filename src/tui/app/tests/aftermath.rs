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
    frightened(&mut app);
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
    let mut app = at_the_moment_step();
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

/// Home, then a check-in on its moment step.
fn at_the_moment_step() -> App {
    let mut app = app_at_home();
    press(&mut app, "c Tab Tab Tab Tab");
    assert_eq!(checkin(&app).step(), Step::Episodes);
    app
}

/// The check-in on top, to change.
fn checkin_mut(app: &mut App) -> &mut crate::tui::screens::checkin::State {
    match app.top_mut() {
        Screen::CheckIn(c) => c,
        other => panic!("{other:?}"),
    }
}

/// Home, to insights' cycle view.
fn to_the_cycle(app: &mut App) {
    press(app, "i");
    crate::tui::test_support::to_view(app, crate::tui::screens::insights::Tab::Cycle);
}

/// A journal whose last check-in logged being afraid of the partner.
pub(super) fn frightened(app: &mut App) {
    use crate::journal::test_support::{catalog_trigger, logged};
    let mut entries = app.session.entries().to_vec();
    let last = entries.last_mut().unwrap();
    last.triggers
        .push(logged(catalog_trigger("control-or-fear"), None, ""));
    crate::tui::test_support::load(app, entries, false, 3);
}

#[test]
fn the_cycle_in_your_own_words_is_kept_and_offered_back_on_a_day_its_trigger_is_logged() {
    let mut app = app_at_home();
    to_the_cycle(&mut app);
    assert!(screen_text(&mut app, 80, 24).contains("e puts your cycle in your own words"));
    press(&mut app, "e");
    assert_eq!(checkin(&app).step(), Step::Cycle);
    assert_eq!(checkin(&app).draft.flow, Flow::Cycle);
    // The trigger: the first offered; then when it happens, what I do, what they may do,
    // underneath, what I long for.
    press(&mut app, "Space Down");
    write(&mut app, "he is on his phone at dinner");
    press(&mut app, "Down Down Down");
    write(&mut app, "afraid I don't matter");
    press(&mut app, "Down");
    write(&mut app, "to feel chosen");
    let out = press(&mut app, "Ctrl-s");
    let [Effect::SaveCheckIn(draft)] = effects(&out)[..] else {
        panic!("{out:?}");
    };
    let words = draft.cycle_words[0].clone();
    let trigger = words.trigger.clone().expect("a trigger picked");
    assert_eq!(words.underneath, "afraid I don't matter");
    settle(&mut app, out);
    // Saved from insights, the check-in closes back onto it: the words are under the map.
    let text = screen_text(&mut app, 80, 40);
    assert!(text.contains("In your words (e to change them)"), "{text}");
    assert!(
        text.contains("Underneath, I feel: afraid I don't matter"),
        "{text}"
    );

    // A check-in that logs the trigger is asked about it in the person's words.
    press(&mut app, "Esc c");
    let draft = &mut checkin_mut(&mut app).draft;
    draft.triggers.push(crate::journal::TriggerLog {
        trigger,
        intensity: None,
        note: String::new(),
        extra: Default::default(),
    });
    press(&mut app, "Tab Tab Tab Tab Tab");
    assert_eq!(checkin(&app).step(), Step::Reflect);
    let text = screen_text(&mut app, 80, 24);
    assert!(
        text.contains("Underneath, you feel “afraid I don't matter”"),
        "{text}"
    );
    assert!(
        text.contains("What would help you step out of the loop today?"),
        "{text}"
    );
}

#[test]
fn over_a_safety_trigger_there_is_no_cycle_to_put_in_words() {
    let mut app = app_at_home();
    frightened(&mut app);
    to_the_cycle(&mut app);
    assert!(
        !app.keys().iter().any(|b| b.action == Action::Edit),
        "e is not offered"
    );
    press(&mut app, "e");
    assert!(
        !matches!(app.top(), Screen::CheckIn(_)),
        "no form over a safety trigger"
    );
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("not a cycle two people make"), "{text}");
}

#[test]
fn a_check_ins_summary_after_a_moment_links_to_the_cycle_and_the_check_in_waits() {
    let mut app = at_the_moment_step();
    write(&mut app, "He looked at his phone");
    // Tab on through the steps (the notes step has two boxes) to the summary.
    for _ in 0..8 {
        if checkin(&app).step() != Step::Summary {
            press(&mut app, "Tab");
        }
    }
    assert_eq!(checkin(&app).step(), Step::Summary);
    let text = screen_text(&mut app, 80, 40);
    assert!(text.contains("y shows your cycle"), "{text}");
    press(&mut app, "y");
    let Screen::Insights(s) = app.top() else {
        panic!("{:?}", app.top());
    };
    assert_eq!(s.tab, crate::tui::screens::insights::Tab::Cycle);
    press(&mut app, "Esc");
    assert_eq!(checkin(&app).step(), Step::Summary, "back to the check-in");
}

#[test]
fn a_debriefs_text_goes_to_editor_and_comes_back_whole_line_breaks_and_all() {
    use crate::tui::effect::{Done, EditTarget};
    let mut app = app_at_home();
    press(&mut app, "d");
    // Past the feelings and their own words, to "my side".
    press(&mut app, "Down Down");
    write(&mut app, "first words");
    let out = press(&mut app, "Ctrl-e");
    let [Effect::OpenEditor(_, target, text, _)] = effects(&out)[..] else {
        panic!("{out:?}");
    };
    let target = *target;
    assert_eq!(
        target,
        EditTarget::Record {
            step: Step::Debrief,
            at: 0,
            text: 0
        }
    );
    assert_eq!(text, "first words");
    let from = out[0].from;
    let more = app.done(
        from,
        Done::Edited(
            target,
            "He was on his phone.\nI needed him to look up.\n".into(),
        ),
    );
    settle(&mut app, more);
    let c = checkin(&app);
    assert_eq!(
        c.draft.debriefs[0].my_side,
        "He was on his phone.\nI needed him to look up."
    );
    let shown = screen_text(&mut app, 80, 24);
    assert!(
        shown.contains("He was on his phone. ↵ I needed him to look up."),
        "{shown}"
    );
    // A text field is needed: on a choice, Ctrl-E says so.
    press(&mut app, "Up Up");
    assert!(effects(&press(&mut app, "Ctrl-e")).is_empty());
    assert!(matches!(&app.status, Some(Status::Info(t)) if t.contains("$EDITOR takes a text")));
}

/// The `?` overlay says when keys are below it (the quick hide is among the last), and stops
/// saying so once they are scrolled into view.
#[test]
fn the_keys_overlay_says_more_is_below_until_it_is_scrolled_to() {
    let mut app = app_at_home();
    press(&mut app, "?");
    let text = screen_text(&mut app, 80, 20);
    assert!(text.contains("↓ more below"), "{text}");
    for _ in 0..30 {
        press(&mut app, "Down");
        screen_text(&mut app, 80, 20);
    }
    let text = screen_text(&mut app, 80, 20);
    assert!(!text.contains("↓ more below"), "{text}");
    assert!(text.contains("Ctrl-Q"), "{text}");
}

/// A debrief or a thought check is not interrupted by predictions due to look back on: only
/// the daily check-in asks about them first.
#[test]
fn a_debrief_or_thought_check_is_not_interrupted_by_predictions_due() {
    use crate::journal::test_support::prediction;
    for key in ["d", "t"] {
        let mut entries = crate::tui::test_support::twelve_entries();
        let due = entries[entries.len() - 2].date;
        entries
            .last_mut()
            .unwrap()
            .predictions
            .push(prediction("They will not call", due));
        let mut app = app_at_home();
        crate::tui::test_support::read_journal(&mut app, entries);
        press(&mut app, key);
        assert!(
            matches!(app.top(), Screen::CheckIn(_)),
            "{key}: {:?}",
            app.top()
        );
        press(&mut app, "Esc");
        press(&mut app, "c");
        assert!(
            matches!(app.top(), Screen::LookBack(_)),
            "the check-in still asks first"
        );
    }
}
