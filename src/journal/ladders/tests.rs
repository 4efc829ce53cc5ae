use chrono::{DateTime, Days, FixedOffset, NaiveDate};
use proptest::prelude::*;

use super::*;
use crate::journal::{Badness, EntryId, Likelihood, PredictionOutcome, predictions};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
}

fn at(d: NaiveDate, salt: u32) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(&format!("{d}T19:40:00+01:00")).unwrap()
        - chrono::Duration::seconds(i64::from(salt))
}

fn entry(d: NaiveDate, salt: u32) -> Entry {
    Entry::new(EntryId::generate(at(d, salt), salt), at(d, salt))
}

fn rung(text: &str, scary: Option<i64>) -> Rung {
    Rung {
        text: text.into(),
        scary: scary.map(|v| Likelihood::try_from(v).unwrap()),
        extra: Default::default(),
    }
}

fn ladder(id: &str, fear: &str, steps: &[(&str, Option<i64>)]) -> Ladder {
    Ladder {
        id: id.into(),
        fear: fear.into(),
        steps: steps.iter().map(|(t, s)| rung(t, *s)).collect(),
        ..Ladder::default()
    }
}

fn answered(p: &mut Prediction, on: NaiveDate, result: PredictionResult, really: Option<u8>) {
    p.outcome = Some(PredictionOutcome {
        on,
        result,
        badness: really.map(|b| Badness::try_from(b).unwrap()),
        instead: String::new(),
        extra: Default::default(),
    });
}

/// The words: a ladder step done becomes a prediction due on its date, looked back
/// on like every prediction, and the ladder then shows the step done and what came of it.
#[test]
fn a_ladder_step_done_becomes_a_prediction_due_on_its_date() {
    let l = ladder(
        "l-20261201-194000",
        "Saying how I feel",
        &[("Say I'm tired", Some(20)), ("Say I missed him", Some(60))],
    );
    let mut first = entry(day(1), 1);
    first.ladders.push(l.clone());
    // Doing the easiest step on the 7th, to look back on in three days.
    let mut done = entry(day(7), 2);
    let mut p = step_prediction(&l, &l.steps[0], day(7));
    assert_eq!(p.look_back, day(8), "tomorrow unless the person says");
    p.fear = "He will roll his eyes".into();
    p.badness = Badness::try_from(4u8).ok();
    p.look_back = LookBack::InThreeDays.day(day(7));
    done.predictions.push(p);
    let entries = vec![first, done];

    assert!(predictions::due(&entries, day(9)).is_empty(), "not yet");
    let due = predictions::due(&entries, day(10));
    assert_eq!(due.len(), 1, "due on its day");
    assert!(due[0].prediction.is_due(day(10)));
    assert_eq!(
        due[0].prediction.step.as_ref().map(|s| s.step.as_str()),
        Some("Say I'm tired")
    );
    assert_eq!(predictions::due(&entries, day(12)).len(), 1, "and after");

    let v = &ladders(&entries)[0];
    assert!(v.steps[0].is_done() && !v.steps[1].is_done());
    assert_eq!(
        v.next_step().map(|s| s.rung.text.as_str()),
        Some("Say I missed him")
    );
    assert_eq!(v.compared.answered, 0, "not looked back on yet");

    // Looked back on: it did not happen, and was not bad at all.
    let closed = predictions::close(
        &entries,
        &due[0].at,
        PredictionOutcome {
            on: day(10),
            result: PredictionResult::Partly,
            badness: Badness::try_from(2u8).ok(),
            instead: "He said thanks for telling him".into(),
            extra: Default::default(),
        },
        at(day(10), 0),
    )
    .unwrap();
    let entries = vec![entries[0].clone(), closed];
    assert!(predictions::due(&entries, day(10)).is_empty());
    let v = &ladders(&entries)[0];
    assert_eq!(
        v.compared,
        Compared {
            steps: 2,
            done: 1,
            answered: 1,
            came_true: 1,
            rated: 1,
            feared: Some(4.0),
            really: Some(2.0),
        }
    );
    assert_eq!(
        v.compared.line(),
        "1 of 2 steps done · 1 of 1 fear came true · how bad: feared 4.0, really 2.0 on average"
    );
}

#[test]
fn the_newest_version_is_the_ladder_and_put_away_ones_come_last() {
    let mut a = entry(day(1), 1);
    a.ladders.push(ladder(
        "l-a",
        "Saying how I feel",
        &[("Say I'm tired", Some(20))],
    ));
    a.ladders.push(ladder("l-b", "Asking for reassurance", &[]));
    let mut b = entry(day(3), 2);
    let mut newer = ladder(
        "l-a",
        "Saying how I feel, kindly",
        &[("Say I'm tired", Some(10))],
    );
    newer.put_away = true;
    b.ladders.push(newer);
    b.ladders.push(Ladder {
        id: "l-empty".into(),
        ..Ladder::default()
    });
    let mut c = entry(day(4), 3);
    c.ladders.push(ladder("l-c", "Staying in the room", &[]));
    let views = ladders(&[a, b, c]);
    let ids: Vec<&str> = views.iter().map(|v| v.ladder.id.as_str()).collect();
    assert_eq!(ids, ["l-c", "l-b", "l-a"], "an empty ladder is left out");
    let a = &views[2];
    assert_eq!(a.ladder.fear, "Saying how I feel, kindly");
    assert_eq!((a.begun, a.changed), (day(1), day(3)));
}

#[test]
fn steps_are_shown_easiest_first_and_matched_by_their_words() {
    let l = ladder(
        "l-1",
        "Saying how I feel",
        &[
            ("Tell him I was hurt", Some(80)),
            ("Say I'm tired", Some(20)),
            ("Text a heart", None),
            ("Say I missed him", Some(50)),
        ],
    );
    let mut e = entry(day(1), 1);
    e.ladders.push(l.clone());
    let mut d = entry(day(2), 2);
    let mut p = step_prediction(&l, &rung("  Say I missed him ", None), day(2));
    p.fear = "He won't say it back".into();
    d.predictions.push(p);
    // A step since reworded: its prediction is kept apart.
    let mut old = step_prediction(&l, &rung("Say I'm a bit tired", None), day(2));
    old.fear = "He'll think I'm complaining".into();
    answered(&mut old, day(3), PredictionResult::No, None);
    d.predictions.push(old);
    // Another ladder's step of the same words is not this one's.
    let other = ladder("l-2", "x", &[("Say I missed him", None)]);
    let mut q = step_prediction(&other, &other.steps[0], day(2));
    q.fear = "y".into();
    d.predictions.push(q);
    let views = ladders(&[e, d]);
    let v = views.iter().find(|v| v.ladder.id == "l-1").unwrap();
    let order: Vec<&str> = v.steps.iter().map(|s| s.rung.text.as_str()).collect();
    assert_eq!(
        order,
        [
            "Say I'm tired",
            "Say I missed him",
            "Tell him I was hurt",
            "Text a heart"
        ]
    );
    let done: Vec<bool> = v.steps.iter().map(StepView::is_done).collect();
    assert_eq!(done, [false, true, false, false]);
    assert_eq!(v.earlier.len(), 1);
    assert_eq!(
        (v.compared.done, v.compared.answered, v.compared.came_true),
        (1, 1, 0)
    );
    assert_eq!(
        v.compared.line(),
        "1 of 4 steps done · 0 of 1 fear came true"
    );
}

#[test]
fn a_new_ladder_gets_an_id_from_its_time_that_no_other_has() {
    let now = DateTime::parse_from_rfc3339("2026-12-07T19:40:00+01:00").unwrap();
    assert_eq!(new_id(now), "l-20261207-194000");
    assert_eq!(unique_id(now, std::iter::empty()), "l-20261207-194000");
    assert_eq!(
        unique_id(
            now,
            ["l-20261207-194000", "l-20261207-194000-2"].into_iter()
        ),
        "l-20261207-194000-3"
    );
}

/// What [`ladders`] works out, worked out the plain way: for each ladder id, the last
/// version; for each of its steps, every prediction anywhere naming that id and those words.
fn naive(entries: &[Entry], id: &str) -> Compared {
    let versions: Vec<&Ladder> = entries
        .iter()
        .flat_map(|e| &e.ladders)
        .filter(|l| l.id == id)
        .collect();
    let last = versions[versions.len() - 1];
    let preds: Vec<&Prediction> = entries
        .iter()
        .flat_map(|e| &e.predictions)
        .filter(|p| p.step.as_ref().is_some_and(|s| s.ladder == id))
        .collect();
    let mut steps: Vec<&str> = last
        .steps
        .iter()
        .map(|r| r.text.trim())
        .filter(|t| !t.is_empty())
        .collect();
    steps.sort_unstable();
    steps.dedup();
    let done = steps
        .iter()
        .filter(|r| {
            preds
                .iter()
                .any(|p| p.step.as_ref().unwrap().step.trim() == **r)
        })
        .count();
    let answered: Vec<&&Prediction> = preds.iter().filter(|p| p.result().is_some()).collect();
    let rated: Vec<(u8, u8)> = answered
        .iter()
        .filter_map(|p| Some((p.badness?.get(), p.outcome.as_ref()?.badness?.get())))
        .collect();
    let avg = |f: fn(&(u8, u8)) -> u8| {
        (!rated.is_empty())
            .then(|| rated.iter().map(|r| f64::from(f(r))).sum::<f64>() / rated.len() as f64)
    };
    Compared {
        steps: steps.len(),
        done,
        answered: answered.len(),
        came_true: answered
            .iter()
            .filter(|p| p.result() != Some(PredictionResult::No))
            .count(),
        rated: rated.len(),
        feared: avg(|r| r.0),
        really: avg(|r| r.1),
    }
}

const WORDS: [&str; 5] = [
    "Say I'm tired",
    "Ask for a hug",
    "Text a heart",
    "Say no",
    "",
];

/// A journal of a few days: each may write a version of ladder "a" or "b" (steps drawn from
/// a few words) and predictions for steps of either, some answered.
fn arb_entries() -> impl Strategy<Value = Vec<Entry>> {
    let version = (
        0usize..2,
        proptest::collection::vec((0usize..5, 0i64..11), 0..5),
    );
    let pred = (0usize..2, 0usize..5, 0u8..6, 0u8..5, 0u8..6);
    proptest::collection::vec(
        (
            proptest::option::of(version),
            proptest::collection::vec(pred, 0..3),
        ),
        1..8,
    )
    .prop_map(|days| {
        days.into_iter()
            .enumerate()
            .map(|(i, (version, preds))| {
                let d = day(1) + Days::new(i as u64);
                let mut e = entry(d, i as u32);
                if let Some((which, steps)) = version {
                    e.ladders.push(ladder(
                        ["a", "b"][which],
                        "a fear",
                        &steps
                            .iter()
                            .map(|(w, s)| (WORDS[*w], (*s < 10).then_some(s * 10)))
                            .collect::<Vec<_>>(),
                    ));
                }
                for (which, w, feared, result, really) in preds {
                    let l = ladder(["a", "b"][which], "", &[]);
                    let mut p = step_prediction(&l, &rung(WORDS[w], None), d);
                    p.fear = "f".into();
                    p.badness = Badness::try_from(feared).ok();
                    if let Some(r) = [
                        None,
                        Some(PredictionResult::Yes),
                        Some(PredictionResult::Partly),
                        Some(PredictionResult::No),
                        Some(PredictionResult::Dropped),
                    ][usize::from(result)]
                    {
                        answered(
                            &mut p,
                            d,
                            r,
                            Badness::try_from(really).ok().map(|b| b.get()),
                        );
                    }
                    e.predictions.push(p);
                }
                e
            })
            .collect()
    })
}

proptest! {
    /// The done steps and the feared-against-real figures equal those worked out plainly.
    #[test]
    fn figures_equal_a_plain_count(entries in arb_entries()) {
        let views = ladders(&entries);
        for v in &views {
            let want = naive(&entries, &v.ladder.id);
            let got = v.compared;
            prop_assert_eq!((got.steps, got.done, got.answered, got.came_true, got.rated),
                (want.steps, want.done, want.answered, want.came_true, want.rated));
            for (g, w) in [(got.feared, want.feared), (got.really, want.really)] {
                prop_assert_eq!(g.is_some(), w.is_some());
                prop_assert!((g.unwrap_or(0.0) - w.unwrap_or(0.0)).abs() < 1e-9);
            }
        }
        // Every ladder with words on it is listed once.
        let mut ids: Vec<&str> = entries.iter().flat_map(|e| &e.ladders)
            .filter(|l| !l.is_empty()).map(|l| l.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        let mut listed: Vec<&str> = views.iter().map(|v| v.ladder.id.as_str()).collect();
        listed.sort_unstable();
        prop_assert!(listed.len() <= ids.len());
        for id in listed {
            prop_assert!(ids.contains(&id));
        }
    }
}

#[test]
fn doing_a_step_is_a_brave_step_flow_kept_with_the_days_entry() {
    use crate::journal::draft::{CheckInDraft, Flow, Step};
    let l = ladder("l-1", "Saying how I feel", &[("Say I'm tired", Some(20))]);
    let now = at(day(7), 0);
    let mut today = entry(day(7), 1);
    today
        .predictions
        .push(crate::journal::test_support::prediction("x", day(9)));
    let mut d = CheckInDraft::record(Flow::BraveStep, Some(&today), now, None);
    assert_eq!((d.step, d.at), (Step::Predictions, 1));
    open_step(&mut d, &l, &l.steps[0]);
    assert_eq!(d.at, 1);
    assert!(d.is_empty(), "no fear written yet");
    assert!(d.finish(now).predictions.iter().all(|p| p.step.is_none()));
    d.predictions[1].fear = "He'll sigh".into();
    assert!(!d.is_empty());
    let saved = d.finish(now);
    assert_eq!(saved.id, today.id);
    let p = &saved.predictions[1];
    assert_eq!(
        p.step
            .as_ref()
            .map(|s| (s.ladder.as_str(), s.step.as_str())),
        Some(("l-1", "Say I'm tired"))
    );
    assert_eq!(p.look_back, day(8));
}

#[test]
fn changing_a_ladder_writes_a_new_version_and_putting_it_away_keeps_it() {
    use crate::journal::draft::{CheckInDraft, Flow};
    let l = ladder("l-1", "Saying how I feel", &[("Say I'm tired", Some(20))]);
    let now = at(day(7), 0);
    // Written on another day: today's entry gets a version of its own.
    let mut d = CheckInDraft::record(Flow::Ladder, None, now, None);
    open_change(&mut d, &l);
    assert_eq!((d.at, d.ladders.len()), (0, 1));
    // Today's entry holds it already: that version is the one changed.
    let mut today = entry(day(7), 1);
    today.ladders.push(ladder("l-0", "x", &[]));
    today.ladders.push(l.clone());
    let mut d = CheckInDraft::record(Flow::Ladder, Some(&today), now, None);
    open_change(&mut d, &l);
    assert_eq!((d.at, d.ladders.len()), (1, 2));
    // A new one opens past the others.
    let mut d = CheckInDraft::record(Flow::Ladder, Some(&today), now, None);
    open_new(&mut d, ladder("l-2", "", &[]));
    assert_eq!(d.at, 2);
    assert!(!d.is_empty(), "today's ladders are in it");
    assert_eq!(d.finish(now).ladders.len(), 2, "the empty one is not kept");

    let away = put_away(None, &l, true, now, None);
    assert!(away.ladders[0].put_away && away.ladders[0].fear == l.fear);
    let away = put_away(Some(&today), &l, true, now, None);
    assert_eq!(away.id, today.id);
    assert_eq!(away.ladders.len(), 2, "the day's version is replaced");
    let entries = vec![entry(day(1), 9), away];
    assert!(ladders(&entries).iter().any(|v| v.ladder.put_away));
    let back = put_away(entries.last(), &l, false, now, None);
    assert!(!back.ladders[1].put_away);
}
