//! Issue 17: the look-back on a due prediction, and an entry with a moment and predictions in
//! review, at 80×24 and 120×40.

use super::*;
use crate::journal::test_support::{episode, outcome, prediction};
use crate::journal::{Badness, Ending, Episode, Likelihood, Prediction, PredictionResult, Repair};

fn app() -> App {
    let mut entries = crate::tui::test_support::twelve_entries();
    let newest = entries.iter_mut().max_by_key(|e| e.created_at).unwrap();
    newest.episodes.push(Episode {
        urges: vec!["go-quiet".into(), "leave the room".into()],
        did: vec!["terse-talk".into()],
        next: "We ate in silence".into(),
        repair: Some(Repair::Own("Later I said it stung, and he listened".into())),
        ended: Some(Ending::Closer),
        ..episode(
            "He scrolled his phone while I told him about my day",
            "anxiety",
        )
    });
    let next_day = newest.date + chrono::Days::new(1);
    newest.predictions.push(Prediction {
        likelihood: Likelihood::try_from(70).ok(),
        badness: Badness::try_from(4u8).ok(),
        outcome: Some(outcome(
            next_day,
            PredictionResult::No,
            "He put the phone away and asked about it",
        )),
        ..prediction("He will brush it off if I bring it up", next_day)
    });
    let older = entries.iter_mut().min_by_key(|e| e.created_at).unwrap();
    older.predictions.push(Prediction {
        likelihood: Likelihood::try_from(50).ok(),
        badness: Badness::try_from(3u8).ok(),
        ..prediction(
            "She will cancel our weekend",
            older.date + chrono::Days::new(3),
        )
    });
    let mut app = app_at_home();
    crate::tui::test_support::load(&mut app, entries, false, 0);
    app
}

#[test]
fn the_look_back_and_an_entry_with_moments_at_80x24_and_120x40() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = app();
        press(&mut a, "c");
        assert!(matches!(a.top(), Screen::LookBack(_)), "{:?}", a.top());
        press(&mut a, "Space Down Right Right");
        assert_drawn!(format!("look_back_{w}x{h}"), &mut a, w, h);

        let mut a = app();
        a.update(Msg::Key(Action::OpenReview));
        press(&mut a, "Enter");
        assert_drawn!(format!("entry_with_moments_{w}x{h}"), &mut a, w, h);
    }
}
