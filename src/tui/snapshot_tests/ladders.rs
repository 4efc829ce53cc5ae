//! The ladders of small brave steps: the page empty, with a ladder half climbed (and after a
//! safety trigger), the ladder's form, and a step's prediction.

use super::*;
use crate::journal::draft::{CheckInDraft, Flow};
use crate::journal::ladders::{open_change, open_step};
use crate::journal::{
    Badness, Entry, Ladder, Likelihood, PredictionOutcome, PredictionResult, Rung,
};
use crate::tui::screens::checkin::State;
use crate::tui::test_support::app_opened;

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

fn ladder() -> Ladder {
    let rung = |text: &str, scary: i64| Rung {
        text: text.into(),
        scary: Likelihood::try_from(scary).ok(),
        extra: Default::default(),
    };
    Ladder {
        id: "l-20261110-200000".into(),
        fear: "Saying how I feel".into(),
        steps: vec![
            rung("Say I'm tired instead of going quiet", 20),
            rung("Tell him one thing I liked about today", 30),
            rung("Say I missed him while he was away", 50),
            rung("Ask for a hug when I need one", 70),
            rung("Tell him I felt hurt, and why", 90),
        ],
        ..Ladder::default()
    }
}

/// Twelve days of check-ins; a ladder written on the 10th, its two easiest steps done (the
/// first looked back on, the second still to be), after a safety trigger if `frightened`.
fn half_climbed(frightened: bool) -> Vec<Entry> {
    let mut entries = crate::tui::test_support::twelve_entries();
    let l = ladder();
    entries[0].ladders.push(l.clone());
    let mut first = crate::journal::ladders::step_prediction(&l, &l.steps[0], entries[2].date);
    first.fear = "He'll think I'm cold".into();
    first.likelihood = Likelihood::try_from(70).ok();
    first.badness = Badness::try_from(4u8).ok();
    first.outcome = Some(PredictionOutcome {
        on: entries[3].date,
        result: PredictionResult::No,
        badness: None,
        instead: "He made tea and sat with me".into(),
        extra: Default::default(),
    });
    entries[2].predictions.push(first);
    let mut second = crate::journal::ladders::step_prediction(&l, &l.steps[1], entries[11].date);
    second.fear = "He'll shrug it off".into();
    second.likelihood = Likelihood::try_from(50).ok();
    second.badness = Badness::try_from(2u8).ok();
    second.look_back = crate::tui::test_support::day().succ_opt().unwrap();
    entries[11].predictions.push(second);
    if frightened {
        use crate::journal::test_support::{catalog_trigger, logged};
        entries[11]
            .triggers
            .push(logged(catalog_trigger("control-or-fear"), None, ""));
    }
    entries
}

#[test]
fn the_ladders_empty_and_half_climbed_at_80x24_and_160x48() {
    for (w, h) in SIZES {
        let mut app = app_opened(Vec::new(), Action::OpenLadders);
        assert_drawn!(format!("ladders_empty_{w}x{h}"), &mut app, w, h);
        let mut app = app_opened(half_climbed(false), Action::OpenLadders);
        assert_drawn!(format!("ladders_half_climbed_{w}x{h}"), &mut app, w, h);
    }
    let mut app = app_opened(half_climbed(true), Action::OpenLadders);
    assert_drawn!("ladders_after_a_safety_trigger_80x24", &mut app, 80, 24);
}

/// The check-in on `flow` for the ladder of [`ladder`] (its form, or its third step's
/// prediction), begun from home.
fn opened(flow: Flow) -> App {
    let mut app = app_opened(half_climbed(false), Action::OpenLadders);
    let mut draft = CheckInDraft::record(flow, None, app.session.now, app.session.perspective());
    let l = ladder();
    match flow {
        Flow::Ladder => open_change(&mut draft, &l),
        _ => open_step(&mut draft, &l, &l.steps[2]),
    }
    let state = State::new(draft, &app.session);
    app.open_for_test(Screen::CheckIn(Box::new(state)));
    app
}

#[test]
fn the_ladders_form_and_a_steps_prediction_at_80x24_and_160x48() {
    for (w, h) in SIZES {
        let mut app = opened(Flow::Ladder);
        assert_drawn!(format!("ladder_form_{w}x{h}"), &mut app, w, h);
        let mut app = opened(Flow::BraveStep);
        assert_drawn!(format!("brave_step_{w}x{h}"), &mut app, w, h);
    }
    // A new ladder: one step's line, the next shown once it has words.
    let mut app = app_opened(Vec::new(), Action::OpenLadders);
    app.update(Msg::Key(Action::Add));
    assert_drawn!("ladder_form_new_80x24", &mut app, 80, 24);
}
