//! Due predictions, closing them, and the new fields in files.

use chrono::{DateTime, FixedOffset};

use super::*;
use crate::journal::predictions::{close, due, open};
use crate::journal::test_support::episode;
use crate::journal::{Entry, EntryId};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn at_now() -> DateTime<FixedOffset> {
    at("2026-11-22T09:00:00+01:00")
}

fn predicting(when: &str, n: u32, look_back: LookBack) -> Entry {
    let t = at(when);
    let mut e = Entry::new(EntryId::generate(t, n), t);
    e.predictions.push(Prediction {
        step: None,
        fear: format!("fear {n}"),
        likelihood: Some(Likelihood::try_from(70).unwrap()),
        badness: Some(Badness::try_from(4u8).unwrap()),
        look_back: look_back.day(e.date),
        outcome: None,
        extra: Default::default(),
    });
    e
}

fn answer(on: &str, result: PredictionResult) -> PredictionOutcome {
    PredictionOutcome {
        on: d(on),
        result,
        badness: Some(Badness::try_from(2u8).unwrap()),
        instead: "we talked".into(),
        extra: Default::default(),
    }
}

#[test]
fn a_prediction_is_due_on_its_day_and_every_day_after_until_answered() {
    let entries = vec![predicting(
        "2026-11-20T20:00:00+01:00",
        1,
        LookBack::InThreeDays,
    )];
    assert!(
        due(&entries, d("2026-11-22")).is_empty(),
        "not before its day"
    );
    assert_eq!(due(&entries, d("2026-11-23")).len(), 1, "on its day");
    // The person did not check in for a week: it waits for them.
    assert_eq!(due(&entries, d("2026-11-30")).len(), 1, "overdue stays due");
    assert_eq!(open(&entries).len(), 1);
}

#[test]
fn the_day_is_the_local_calendar_day_whatever_the_offset() {
    // Made late in the evening west of Greenwich: its day is the 20th there, and "tomorrow"
    // is the 21st, even though it is already the 21st in UTC when it is made.
    let late = predicting("2026-11-20T23:30:00-08:00", 1, LookBack::Tomorrow);
    assert_eq!(late.date, d("2026-11-20"));
    assert_eq!(late.predictions[0].look_back, d("2026-11-21"));
    // Made just after midnight east of Greenwich: the 21st there, due on the 22nd.
    let early = predicting("2026-11-21T00:10:00+09:00", 2, LookBack::Tomorrow);
    assert_eq!(early.predictions[0].look_back, d("2026-11-22"));
    let entries = vec![late, early];
    let on_21 = due(&entries, d("2026-11-21"));
    assert_eq!(on_21.len(), 1);
    assert_eq!(on_21[0].prediction.fear, "fear 1");
}

#[test]
fn answered_in_the_first_check_in_of_a_day_it_is_not_asked_again_in_the_second() {
    let mut entries = vec![predicting(
        "2026-11-20T20:00:00+01:00",
        1,
        LookBack::Tomorrow,
    )];
    let found = due(&entries, d("2026-11-21"));
    let at = found[0].at.clone();
    let changed = close(
        &entries,
        &at,
        answer("2026-11-21", PredictionResult::No),
        at_now(),
    )
    .unwrap();
    entries[0] = changed;
    assert!(
        due(&entries, d("2026-11-21")).is_empty(),
        "the second check-in asks nothing"
    );
    assert!(
        close(
            &entries,
            &at,
            answer("2026-11-21", PredictionResult::Yes),
            at_now()
        )
        .is_none(),
        "an answered prediction is not answered again"
    );
    assert_eq!(
        entries[0].predictions[0].result(),
        Some(PredictionResult::No)
    );
}

#[test]
fn a_dropped_prediction_is_closed_without_a_result() {
    let mut entries = vec![predicting(
        "2026-11-20T20:00:00+01:00",
        1,
        LookBack::InAWeek,
    )];
    let at = open(&entries)[0].at.clone();
    entries[0] = close(
        &entries,
        &at,
        answer("2026-11-22", PredictionResult::Dropped),
        at_now(),
    )
    .unwrap();
    assert!(open(&entries).is_empty());
    assert_eq!(entries[0].predictions[0].result(), None);
}

#[test]
fn look_back_days_are_counted_from_the_day_made_and_never_today_or_before() {
    let made = d("2026-11-20");
    assert_eq!(LookBack::Tomorrow.day(made), d("2026-11-21"));
    assert_eq!(LookBack::InThreeDays.day(made), d("2026-11-23"));
    assert_eq!(LookBack::InAWeek.day(made), d("2026-11-27"));
    assert_eq!(LookBack::On(d("2026-12-24")).day(made), d("2026-12-24"));
    assert_eq!(LookBack::On(d("2026-11-20")).day(made), d("2026-11-21"));
    assert_eq!(LookBack::On(d("2026-01-01")).day(made), d("2026-11-21"));
}

#[test]
fn due_predictions_come_oldest_first_across_entries() {
    let entries = vec![
        predicting("2026-11-19T08:00:00+01:00", 1, LookBack::InAWeek),
        predicting("2026-11-20T08:00:00+01:00", 2, LookBack::Tomorrow),
        predicting("2026-11-18T08:00:00+01:00", 3, LookBack::InThreeDays),
    ];
    let fears: Vec<&str> = due(&entries, d("2026-11-30"))
        .iter()
        .map(|f| f.prediction.fear.as_str())
        .collect();
    // Two due on the 21st: the one made first comes first.
    assert_eq!(fears, ["fear 3", "fear 2", "fear 1"]);
}

#[test]
fn old_entries_read_unchanged_and_new_fields_round_trip() {
    let old = r#"{"id":"e1","created_at":"2026-11-20T20:00:00+01:00","updated_at":"2026-11-20T20:00:00+01:00","date":"2026-11-20","notes":"hi"}"#;
    let e: Entry = serde_json::from_str(old).unwrap();
    assert!(e.episodes.is_empty() && e.predictions.is_empty());
    assert!(!e.needs_schema_2());
    let text = serde_json::to_string(&e).unwrap();
    assert!(
        !text.contains("episodes") && !text.contains("predictions"),
        "{text}"
    );

    let mut e = predicting("2026-11-20T20:00:00+01:00", 1, LookBack::Tomorrow);
    e.episodes.push(Episode {
        urges: vec!["go-quiet".into(), "my own urge".into()],
        did: vec!["terse-talk".into()],
        next: "We ate in silence".into(),
        repair: Some(Repair::Strategy(
            Name::try_from("active-listening").unwrap(),
        )),
        ended: Some(Ending::Same),
        ..episode("He was on his phone at dinner", "unmet-needs")
    });
    e.episodes.push(Episode {
        repair: Some(Repair::Own("I said sorry".into())),
        ..Episode::default()
    });
    e.episodes.push(Episode {
        repair: Some(Repair::NotYet),
        ..Episode::default()
    });
    e.predictions[0].outcome = Some(answer("2026-11-21", PredictionResult::Partly));
    assert!(e.needs_schema_2());
    let text = serde_json::to_string_pretty(&e).unwrap();
    let back: Entry = serde_json::from_str(&text).unwrap();
    assert_eq!(back, e);
    assert!(text.contains("\"ended\": \"same\""), "{text}");
    assert!(text.contains("\"repair\": \"not-yet\""), "{text}");
    assert!(text.contains("\"result\": \"partly\""), "{text}");
    assert!(e.episodes[0].repaired() && e.episodes[1].repaired() && !e.episodes[2].repaired());
}

#[test]
fn likelihood_is_a_percentage() {
    assert_eq!(Likelihood::try_from(0).unwrap().get(), 0);
    assert_eq!(Likelihood::try_from(100).unwrap().get(), 100);
    for bad in [-1, 101, 1000] {
        assert!(Likelihood::try_from(bad).is_err());
    }
    assert!(
        serde_json::from_str::<Prediction>(
            r#"{"fear":"x","likelihood":120,"look_back":"2026-11-21"}"#
        )
        .is_err()
    );
}

#[test]
fn an_edit_keeps_an_answer_given_since_it_began() {
    let stored = predicting("2026-11-20T20:00:00+01:00", 1, LookBack::Tomorrow);
    let mut answered = stored.predictions.clone();
    answered[0].outcome = Some(answer("2026-11-21", PredictionResult::Partly));
    // The edit's copy was taken before the answer.
    let mut drafted = stored.predictions.clone();
    drafted[0].fear = "fear 1, reworded".into();
    keep_outcomes(&mut drafted, &answered);
    assert_eq!(drafted[0].result(), Some(PredictionResult::Partly));
    assert_eq!(drafted[0].fear, "fear 1, reworded");
    // A day moved in the edit is a different prediction: nothing is carried over.
    let mut moved = stored.predictions.clone();
    moved[0].look_back = d("2026-12-01");
    keep_outcomes(&mut moved, &answered);
    assert_eq!(moved[0].outcome, None);
}

/// Issue 37, item 1: a repair keeps a picked strategy and the person's own words together;
/// the forms an older closer writes read and write as before.
#[test]
fn a_repair_keeps_a_strategy_and_own_words_together() {
    let id = || Name::try_from("active-listening").unwrap();
    for (repair, json) in [
        (Repair::NotYet, r#""not-yet""#),
        (Repair::Strategy(id()), r#"{"strategy":"active-listening"}"#),
        (Repair::Own("sorry".into()), r#"{"own":"sorry"}"#),
        (
            Repair::Both(id(), "sorry".into()),
            r#"{"strategy":"active-listening","own":"sorry"}"#,
        ),
    ] {
        assert_eq!(serde_json::to_string(&repair).unwrap(), json);
        assert_eq!(serde_json::from_str::<Repair>(json).unwrap(), repair);
    }
    for bad in [r#""later""#, "{}", "3"] {
        let err = serde_json::from_str::<Repair>(bad).unwrap_err().to_string();
        assert!(err.contains("a repair is"), "{bad}: {err}");
    }
    assert_eq!(
        Repair::of(true, Some(id()), "  sorry "),
        Some(Repair::Both(id(), "sorry".into()))
    );
    assert_eq!(Repair::of(true, None, ""), Some(Repair::NotYet));
    assert_eq!(Repair::of(false, None, " "), None);
}

/// A day holding a repair with both a strategy and own words carries schema 3, so a closer
/// from before reports it as written by a newer closer and leaves it alone, instead of calling
/// it damaged; other entries keep the schema they had.
#[test]
fn a_repair_with_both_needs_schema_3_and_nothing_else_does() {
    let t = chrono::DateTime::parse_from_rfc3339("2026-11-20T09:00:00+00:00").unwrap();
    let mut e = Entry::new(crate::journal::EntryId::generate(t, 1), t);
    assert_eq!(e.schema(), 1);
    e.episodes.push(Episode {
        what: "a moment".into(),
        repair: Some(Repair::Own("sorry".into())),
        ..Episode::default()
    });
    assert_eq!(e.schema(), 2);
    e.episodes[0].repair = Some(Repair::Both(
        Name::try_from("active-listening").unwrap(),
        "sorry".into(),
    ));
    assert_eq!(e.schema(), 3);
}
