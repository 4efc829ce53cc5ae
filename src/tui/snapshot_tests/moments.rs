//! Issue 17: the look-back on a due prediction, and an entry with a moment and predictions in
//! review, at 80×24 and 120×40.

use super::*;
use crate::journal::{
    Badness, Ending, Episode, Likelihood, Name, Prediction, PredictionOutcome, PredictionResult,
    Repair, TriggerRef,
};

fn app() -> App {
    let mut entries = crate::tui::test_support::twelve_entries();
    let newest = entries.iter_mut().max_by_key(|e| e.created_at).unwrap();
    newest.episodes.push(Episode {
        what: "He scrolled his phone while I told him about my day".into(),
        triggers: vec![TriggerRef::Id(Name::try_from("anxiety").unwrap())],
        urges: vec!["go-quiet".into(), "leave the room".into()],
        did: vec!["terse-talk".into()],
        next: "We ate in silence".into(),
        repair: Some(Repair::Own("Later I said it stung, and he listened".into())),
        ended: Some(Ending::Closer),
        extra: Default::default(),
    });
    newest.predictions.push(Prediction {
        fear: "He will brush it off if I bring it up".into(),
        likelihood: Likelihood::try_from(70).ok(),
        badness: Badness::try_from(4u8).ok(),
        look_back: newest.date + chrono::Days::new(1),
        outcome: Some(PredictionOutcome {
            on: newest.date + chrono::Days::new(1),
            result: PredictionResult::No,
            badness: None,
            instead: "He put the phone away and asked about it".into(),
            extra: Default::default(),
        }),
        extra: Default::default(),
    });
    let older = entries.iter_mut().min_by_key(|e| e.created_at).unwrap();
    older.predictions.push(Prediction {
        fear: "She will cancel our weekend".into(),
        likelihood: Likelihood::try_from(50).ok(),
        badness: Badness::try_from(3u8).ok(),
        look_back: older.date + chrono::Days::new(3),
        outcome: None,
        extra: Default::default(),
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
        assert_snapshot!(format!("look_back_{w}x{h}"), draw(&mut a, w, h).backend());

        let mut a = app();
        a.update(Msg::Key(Action::OpenReview));
        press(&mut a, "Enter");
        assert_snapshot!(
            format!("entry_with_moments_{w}x{h}"),
            draw(&mut a, w, h).backend()
        );
    }
}
