//! Ladders of small brave steps as a person drives them: a ladder written from home, a step
//! done as a prediction, put away and taken back, and what a safety trigger changes.

use super::*;
use crate::journal::draft::Flow;
use crate::tui::screens::ladders;

fn shown(app: &App) -> &ladders::State {
    on_top!(app.top(), Screen::Ladders)
}

/// From home, a ladder written: a fear and two steps, each with how scary it feels.
fn with_a_ladder() -> App {
    let mut app = app_at_home();
    press(&mut app, "a");
    assert!(shown(&app).views.is_empty());
    press(&mut app, "n");
    assert_eq!(
        (checkin(&app).step(), checkin(&app).draft.flow),
        (Step::Ladder, Flow::Ladder)
    );
    // Past the starter ladders offered, to a ladder of one's own.
    press(&mut app, "Down");
    typed(&mut app, "Saying how I feel");
    press(&mut app, "Down");
    typed(&mut app, "Say I missed him");
    press(&mut app, "Down");
    typed(&mut app, "6");
    press(&mut app, "Down");
    typed(&mut app, "Say I'm tired");
    press(&mut app, "Down");
    typed(&mut app, "2");
    let out = press(&mut app, "Ctrl-s");
    let [Effect::SaveCheckIn(draft)] = effects(&out)[..] else {
        panic!("{out:?}");
    };
    assert_eq!(draft.ladders.len(), 1);
    assert_eq!(draft.ladders[0].id, "l-20261122-093000");
    settle(&mut app, out);
    app
}

#[test]
fn a_new_ladder_is_saved_with_todays_entry_and_listed_easiest_step_first() {
    let mut app = with_a_ladder();
    let s = shown(&app);
    assert_eq!(s.views.len(), 1);
    let steps: Vec<&str> = s.views[0]
        .steps
        .iter()
        .map(|s| s.rung.text.as_str())
        .collect();
    assert_eq!(steps, ["Say I'm tired", "Say I missed him"]);
    assert_eq!(s.step, 0, "the easiest step not done is chosen");
    let text = screen_text(&mut app, 80, 24);
    for t in [
        "Saying how I feel",
        "0 of 2 steps done",
        " 20   Say I'm tired",
    ] {
        assert!(text.contains(t), "{t:?}:\n{text}");
    }
    let today = app.session.entries().last().unwrap();
    assert_eq!(today.date, app.session.today);
    assert_eq!(
        today.ladders[0].steps[0].text, "Say I missed him",
        "as written"
    );
}

#[test]
fn doing_a_step_saves_a_prediction_for_it_and_the_step_shows_done() {
    let mut app = with_a_ladder();
    let before = app.session.entries().len();
    press(&mut app, "Enter");
    assert_eq!(
        (checkin(&app).step(), checkin(&app).draft.flow),
        (Step::Predictions, Flow::BraveStep)
    );
    assert!(checkin(&app).draft.is_edit(), "today's entry is added to");
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("The step: Say I'm tired"), "{text}");
    assert!(text.contains("a brave step · step 1 of 2"), "{text}");
    typed(&mut app, "He'll say I'm complaining");
    press(&mut app, "Down");
    typed(&mut app, "7");
    press(&mut app, "Down");
    typed(&mut app, "4");
    let out = press(&mut app, "Ctrl-s");
    let [Effect::SaveCheckIn(draft)] = effects(&out)[..] else {
        panic!("{out:?}");
    };
    let p = draft.predictions.last().unwrap();
    assert_eq!(p.fear, "He'll say I'm complaining");
    assert_eq!(p.likelihood.map(|l| l.get()), Some(70));
    let step = p.step.as_ref().unwrap();
    assert_eq!(
        (step.ladder.as_str(), step.step.as_str()),
        ("l-20261122-093000", "Say I'm tired")
    );
    settle(&mut app, out);
    assert_eq!(app.session.entries().len(), before, "no new entry");
    let s = shown(&app);
    assert!(s.views[0].steps[0].is_done());
    assert!(!s.views[0].steps[1].is_done());
    let text = screen_text(&mut app, 80, 24);
    for t in [
        "1 of 2 steps done",
        "✓  20   Say I'm tired",
        "feared “He'll say I'm complaining” · 70% likely · how bad 4/5",
        "to look back on Monday 23 November",
    ] {
        assert!(text.contains(t), "{t:?}:\n{text}");
    }
    // Due on its day, like every prediction.
    let due = crate::journal::predictions::due(
        app.session.entries(),
        app.session.today.succ_opt().unwrap(),
    );
    assert!(due.iter().any(|f| f.prediction.step.is_some()));
}

#[test]
fn a_ladder_is_changed_as_a_new_version_and_put_away_and_taken_back() {
    let mut app = with_a_ladder();
    press(&mut app, "e");
    assert_eq!(checkin(&app).draft.flow, Flow::Ladder);
    assert_eq!(
        checkin(&app).draft.at,
        0,
        "today's version is the one changed"
    );
    press(&mut app, "End");
    typed(&mut app, ", kindly");
    let out = press(&mut app, "Ctrl-s");
    settle(&mut app, out);
    let v = &shown(&app).views[0];
    assert_eq!(v.ladder.fear, "Saying how I feel, kindly");
    assert_eq!(shown(&app).views.len(), 1, "the same ladder");

    let out = press(&mut app, "p");
    let [Effect::SaveEntry(e)] = effects(&out)[..] else {
        panic!("{out:?}");
    };
    assert!(e.ladders[0].put_away);
    settle(&mut app, out);
    assert!(shown(&app).views[0].ladder.put_away);
    assert!(matches!(&app.status, Some(Status::Info(s)) if s.starts_with("Put away")));
    assert!(
        press(&mut app, "Enter").is_empty(),
        "a ladder put away is not climbed"
    );
    let out = press(&mut app, "p");
    settle(&mut app, out);
    assert!(!shown(&app).views[0].ladder.put_away);
}

#[test]
fn after_a_safety_trigger_no_step_is_suggested_and_the_safety_page_is_a_key_away() {
    let mut app = with_a_ladder();
    let calm = screen_text(&mut app, 80, 24);
    assert!(calm.contains("Enter: before you take this step"), "{calm}");
    press(&mut app, "Esc");
    super::aftermath::frightened(&mut app);
    press(&mut app, "a");
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("Your safety comes"), "{text}");
    assert!(!text.contains("Enter: before you take this step"), "{text}");
    press(&mut app, "s");
    assert!(matches!(app.top(), Screen::Guide(_)));
}

#[test]
fn the_empty_page_says_what_a_ladder_is_and_how_to_begin() {
    let mut app = app_at_home();
    press(&mut app, "a");
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("A ladder of small brave steps"), "{text}");
    assert!(text.contains("n begins your first ladder"), "{text}");
    assert!(
        text.contains("· Saying how I feel"),
        "a starter of this side: {text}"
    );
    // An empty ladder is not saved.
    press(&mut app, "n");
    assert!(press(&mut app, "Ctrl-s").is_empty());
}

#[test]
fn a_starter_ladder_fills_in_the_steps_and_is_not_offered_after_a_safety_trigger() {
    let mut app = app_at_home();
    press(&mut app, "a n");
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("[ ] Saying how I feel"), "{text}");
    // The first starter of this side: its fear and steps filled in, to change.
    press(&mut app, "Right Space");
    let l = &checkin(&app).draft.ladders[0];
    assert_eq!(l.fear, "Saying how I feel");
    assert_eq!(
        l.starter.as_ref().map(ToString::to_string).as_deref(),
        Some("ladder-saying-how-i-feel")
    );
    assert_eq!(l.steps.len(), 6);
    // "My own" again: what the starter filled in goes, what was written stays.
    press(&mut app, "Down Down");
    typed(&mut app, " (mine)");
    press(&mut app, "Up Up Left Space");
    let l = &checkin(&app).draft.ladders[0];
    assert_eq!((l.fear.as_str(), l.starter.clone()), ("", None));
    assert_eq!(l.steps.len(), 1);
    assert!(l.steps[0].text.ends_with("(mine)"));

    let mut app = app_at_home();
    super::aftermath::frightened(&mut app);
    press(&mut app, "a n");
    let text = screen_text(&mut app, 80, 30);
    assert!(text.contains("not offered now"), "{text}");
    assert!(!text.contains("Saying how I feel"), "{text}");
    let offered = app
        .session
        .catalog
        .turning
        .ladders_for(app.session.perspective(), true);
    assert!(offered.iter().all(|s| !s.safe_only));
    assert!(!offered.is_empty(), "some are still offered: {text}");
}
