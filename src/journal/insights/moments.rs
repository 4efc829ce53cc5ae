//! Figures of moments traced and predictions checked, as honest about sample size as the rest
//! of insights: by trigger only where there are at least [`MIN_DAYS`](super::MIN_DAYS)
//! answers or moments.

use serde::Serialize;

use crate::journal::vocabulary::count;
use crate::journal::{Ending, Entry, PredictionResult, TriggerRef};

use super::{MIN_DAYS, Window};

/// Predictions made in a window, and what came of them.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Predictions {
    /// Made in the window.
    pub made: u32,
    /// Still open.
    pub open: u32,
    /// Dropped without an answer.
    pub dropped: u32,
    /// Looked back on: it happened.
    pub yes: u32,
    /// Looked back on: partly.
    pub partly: u32,
    /// Looked back on: it did not happen.
    pub no: u32,
    /// Answered with both a predicted and an actual badness.
    pub rated: u32,
    /// Average predicted badness (1–5) over `rated`.
    pub predicted_badness: Option<f64>,
    /// Average actual badness (1–5) over `rated`.
    pub actual_badness: Option<f64>,
    /// By trigger of the entry that made them, for triggers with at least [`MIN_DAYS`]
    /// answered; most answered first.
    pub by_trigger: Vec<TriggerPredictions>,
}

impl Predictions {
    /// Answered (yes, partly or no).
    pub fn answered(&self) -> u32 {
        self.yes + self.partly + self.no
    }
}

/// Predictions answered for one trigger.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TriggerPredictions {
    /// The trigger.
    pub trigger: TriggerRef,
    /// Answered.
    pub answered: u32,
    /// Of those, it happened at least in part.
    pub came_true: u32,
    /// Average predicted badness where both were given.
    pub predicted_badness: Option<f64>,
    /// Average actual badness where both were given.
    pub actual_badness: Option<f64>,
}

/// Moments traced in a window.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Episodes {
    /// Moments (with anything filled in).
    pub count: u32,
    /// Of those, a repair was tried (a strategy or the person's own words).
    pub repaired: u32,
    /// How moments with a repair ended: closer, the same, further apart.
    pub ended_with_repair: [u32; 3],
    /// How moments without one ended.
    pub ended_without_repair: [u32; 3],
    /// For each trigger with at least [`MIN_DAYS`] moments, its most common urge.
    pub urges: Vec<TriggerUrge>,
}

/// The most common urge of one trigger.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TriggerUrge {
    /// The trigger.
    pub trigger: TriggerRef,
    /// Moments that named it.
    pub moments: u32,
    /// The urge felt most often (an urge id, or the person's words).
    pub urge: String,
    /// In how many of those moments.
    pub times: u32,
}

/// `part` of `whole` as a whole percentage ("40%"); "–" of nothing.
pub fn percent(part: u32, whole: u32) -> String {
    if whole == 0 {
        "–".to_owned()
    } else {
        format!("{}%", (f64::from(part) * 100.0 / f64::from(whole)).round())
    }
}

/// How moments (`label`: with a repair, say) ended, each way with its count: "With a repair
/// closer 3 · the same 1 · further apart 0  (of 4)"; not enough yet under [`MIN_DAYS`].
pub fn endings_line(label: &str, ends: [u32; 3]) -> String {
    let n: u32 = ends.iter().sum();
    if n < MIN_DAYS {
        return format!("{label}  not enough yet ({n} with an ending; {MIN_DAYS} needed)");
    }
    let parts: Vec<String> = Ending::ALL
        .iter()
        .zip(ends)
        .map(|(end, k)| format!("{} {k}", end.label()))
        .collect();
    format!("{label}  {}  (of {n})", parts.join(" · "))
}

impl Episodes {
    /// How many moments, and in how many a repair was tried: "5 moments · a repair tried in 2
    /// (40%)".
    pub fn repaired_line(&self) -> String {
        format!(
            "{} · a repair tried in {} ({})",
            count(self.count, "moment", "moments"),
            self.repaired,
            percent(self.repaired, self.count)
        )
    }
}

fn mean(sum: u32, n: u32) -> Option<f64> {
    (n > 0).then(|| f64::from(sum) / f64::from(n))
}

/// The predictions made in `window`.
pub fn predictions(entries: &[Entry], window: Window) -> Predictions {
    predictions_of(entries.iter().filter(|e| window.contains(e.date)))
}

/// The predictions of `entries` (those of a window, already chosen).
pub fn predictions_of<'a>(entries: impl Iterator<Item = &'a Entry>) -> Predictions {
    let mut tally = PredictionTally::default();
    for e in entries {
        tally.add(e);
    }
    tally.finish()
}

/// [`Predictions`] counted an entry at a time (for a journal read a day at a time).
#[derive(Debug, Default)]
pub struct PredictionTally {
    out: Predictions,
    pred_sum: u32,
    act_sum: u32,
    /// trigger → (answered, came true, predicted sum, actual sum, rated)
    per: Vec<(TriggerRef, [u32; 5])>,
}

impl PredictionTally {
    /// Counts the predictions of `e`.
    pub fn add(&mut self, e: &Entry) {
        let out = &mut self.out;
        for p in &e.predictions {
            out.made += 1;
            let Some(o) = &p.outcome else {
                out.open += 1;
                continue;
            };
            match o.result {
                PredictionResult::Dropped => {
                    out.dropped += 1;
                    continue;
                }
                PredictionResult::Yes => out.yes += 1,
                PredictionResult::Partly => out.partly += 1,
                PredictionResult::No => out.no += 1,
            }
            let rated = p.badness.zip(o.badness);
            if let Some((before, after)) = rated {
                out.rated += 1;
                self.pred_sum += u32::from(before.get());
                self.act_sum += u32::from(after.get());
            }
            let mut seen: Vec<&TriggerRef> = Vec::new();
            for t in &e.triggers {
                if seen.contains(&&t.trigger) {
                    continue;
                }
                seen.push(&t.trigger);
                let per = &mut self.per;
                let i = match per.iter().position(|(r, _)| *r == t.trigger) {
                    Some(i) => i,
                    None => {
                        per.push((t.trigger.clone(), [0; 5]));
                        per.len() - 1
                    }
                };
                let c = &mut per[i].1;
                c[0] += 1;
                if o.result != PredictionResult::No {
                    c[1] += 1;
                }
                if let Some((before, after)) = rated {
                    c[2] += u32::from(before.get());
                    c[3] += u32::from(after.get());
                    c[4] += 1;
                }
            }
        }
    }

    /// The figures of everything counted.
    pub fn finish(self) -> Predictions {
        let PredictionTally {
            mut out,
            pred_sum,
            act_sum,
            mut per,
        } = self;
        out.predicted_badness = mean(pred_sum, out.rated);
        out.actual_badness = mean(act_sum, out.rated);
        per.retain(|(_, c)| c[0] >= MIN_DAYS);
        per.sort_by(|a, b| {
            b.1[0]
                .cmp(&a.1[0])
                .then_with(|| format!("{:?}", a.0).cmp(&format!("{:?}", b.0)))
        });
        out.by_trigger = per
            .into_iter()
            .map(|(trigger, c)| TriggerPredictions {
                trigger,
                answered: c[0],
                came_true: c[1],
                predicted_badness: mean(c[2], c[4]),
                actual_badness: mean(c[3], c[4]),
            })
            .collect();
        out
    }
}

/// The moments traced in `window`.
pub fn episodes(entries: &[Entry], window: Window) -> Episodes {
    episodes_of(entries.iter().filter(|e| window.contains(e.date)))
}

/// The moments of `entries` (those of a window, already chosen).
pub fn episodes_of<'a>(entries: impl Iterator<Item = &'a Entry>) -> Episodes {
    let mut tally = EpisodeTally::default();
    for e in entries {
        tally.add(e);
    }
    tally.finish()
}

/// Urges and how often each came, for one trigger.
type UrgeCounts = Vec<(String, u32)>;

/// [`Episodes`] counted an entry at a time (for a journal read a day at a time).
#[derive(Debug, Default)]
pub struct EpisodeTally {
    out: Episodes,
    /// trigger → (moments, urge counts)
    per: Vec<(TriggerRef, u32, UrgeCounts)>,
}

impl EpisodeTally {
    /// Counts the moments of `e`.
    pub fn add(&mut self, e: &Entry) {
        let (out, per) = (&mut self.out, &mut self.per);
        for ep in e.episodes.iter().filter(|ep| !ep.is_empty()) {
            out.count += 1;
            let repaired = ep.repaired();
            if repaired {
                out.repaired += 1;
            }
            if let Some(ended) = ep.ended {
                let i = Ending::ALL.iter().position(|e| *e == ended).unwrap_or(0);
                if repaired {
                    out.ended_with_repair[i] += 1;
                } else {
                    out.ended_without_repair[i] += 1;
                }
            }
            let mut seen: Vec<&TriggerRef> = Vec::new();
            for t in &ep.triggers {
                if seen.contains(&t) {
                    continue;
                }
                seen.push(t);
                let i = match per.iter().position(|(r, ..)| r == t) {
                    Some(i) => i,
                    None => {
                        per.push((t.clone(), 0, Vec::new()));
                        per.len() - 1
                    }
                };
                per[i].1 += 1;
                let mut urges: Vec<&String> = ep.urges.iter().collect();
                urges.sort();
                urges.dedup();
                for u in urges {
                    match per[i].2.iter_mut().find(|(w, _)| w == u) {
                        Some((_, n)) => *n += 1,
                        None => per[i].2.push((u.clone(), 1)),
                    }
                }
            }
        }
    }

    /// The figures of everything counted.
    pub fn finish(self) -> Episodes {
        let EpisodeTally { mut out, mut per } = self;
        per.retain(|(_, n, urges)| *n >= MIN_DAYS && !urges.is_empty());
        per.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| format!("{:?}", a.0).cmp(&format!("{:?}", b.0)))
        });
        out.urges = per
            .into_iter()
            .filter_map(|(trigger, moments, mut urges)| {
                urges.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                let (urge, times) = urges.into_iter().next()?;
                Some(TriggerUrge {
                    trigger,
                    moments,
                    urge,
                    times,
                })
            })
            .collect();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{
        Badness, EntryId, Episode, Name, Prediction, PredictionOutcome, Repair, TriggerLog,
    };
    use chrono::{DateTime, NaiveDate};
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn trig(id: &str) -> TriggerRef {
        TriggerRef::Id(Name::try_from(id).unwrap())
    }

    /// An entry on day `day` of November with a prediction answered `result` (0 open, 1 yes,
    /// 2 partly, 3 no, 4 dropped), badness before and after (0: none), a trigger, and a moment
    /// with an urge, a repair or not, and an ending (0: none).
    #[allow(clippy::too_many_arguments)]
    fn entry(
        n: u32,
        day: u32,
        result: u8,
        before: u8,
        after: u8,
        trigger: &str,
        urge: &str,
        repaired: bool,
        ended: u8,
    ) -> Entry {
        let t = DateTime::parse_from_rfc3339(&format!("2026-11-{day:02}T12:00:00+00:00")).unwrap();
        let mut e = Entry::new(EntryId::generate(t, n), t);
        e.triggers.push(TriggerLog {
            trigger: trig(trigger),
            intensity: None,
            note: String::new(),
            extra: Default::default(),
        });
        let outcome = |r: PredictionResult| PredictionOutcome {
            on: e.date,
            result: r,
            badness: Badness::try_from(after).ok(),
            instead: String::new(),
            extra: Default::default(),
        };
        e.predictions.push(Prediction {
            step: None,
            fear: format!("fear {n}"),
            likelihood: None,
            badness: Badness::try_from(before).ok(),
            look_back: e.date,
            outcome: match result {
                1 => Some(outcome(PredictionResult::Yes)),
                2 => Some(outcome(PredictionResult::Partly)),
                3 => Some(outcome(PredictionResult::No)),
                4 => Some(outcome(PredictionResult::Dropped)),
                _ => None,
            },
            extra: Default::default(),
        });
        e.episodes.push(Episode {
            what: "x".into(),
            triggers: vec![trig(trigger)],
            urges: vec![urge.to_owned()],
            repair: repaired.then(|| Repair::Own("sorry".into())),
            ended: match ended {
                1 => Some(Ending::Closer),
                2 => Some(Ending::Same),
                3 => Some(Ending::FurtherApart),
                _ => None,
            },
            ..Episode::default()
        });
        e
    }

    fn november() -> Window {
        Window {
            from: d("2026-11-01"),
            to: d("2026-11-30"),
        }
    }

    #[test]
    fn worked_by_hand() {
        let entries = vec![
            entry(1, 1, 1, 5, 2, "anxiety", "go-quiet", true, 1),
            entry(2, 2, 3, 4, 0, "anxiety", "go-quiet", false, 3),
            entry(3, 3, 2, 3, 3, "past-hurt", "get-busy", false, 2),
            entry(4, 4, 0, 2, 0, "anxiety", "get-busy", true, 1),
            entry(5, 5, 4, 2, 0, "anxiety", "go-quiet", false, 0),
        ];
        let p = predictions(&entries, november());
        assert_eq!(
            (p.made, p.open, p.dropped, p.yes, p.partly, p.no),
            (5, 1, 1, 1, 1, 1)
        );
        assert_eq!(p.rated, 2, "only answers with both ratings");
        assert_eq!(p.predicted_badness, Some(4.0));
        assert_eq!(p.actual_badness, Some(2.5));
        assert!(
            p.by_trigger.is_empty(),
            "fewer than 5 answers for any trigger"
        );
        let e = episodes(&entries, november());
        assert_eq!((e.count, e.repaired), (5, 2));
        assert_eq!(e.ended_with_repair, [2, 0, 0]);
        assert_eq!(e.ended_without_repair, [0, 1, 1]);
        assert!(e.urges.is_empty(), "fewer than 5 moments for any trigger");

        let many: Vec<Entry> = (1..=6)
            .map(|i| {
                entry(
                    i,
                    i,
                    if i % 2 == 0 { 3 } else { 1 },
                    4,
                    2,
                    "anxiety",
                    if i < 5 { "go-quiet" } else { "get-busy" },
                    false,
                    0,
                )
            })
            .collect();
        let p = predictions(&many, november());
        assert_eq!(p.by_trigger.len(), 1);
        assert_eq!(
            (p.by_trigger[0].answered, p.by_trigger[0].came_true),
            (6, 3)
        );
        let e = episodes(&many, november());
        assert_eq!(e.urges[0].urge, "go-quiet");
        assert_eq!((e.urges[0].moments, e.urges[0].times), (6, 4));
        assert!(
            predictions(
                &many,
                Window {
                    from: d("2026-12-01"),
                    to: d("2026-12-31")
                }
            )
            .made
                == 0
        );
    }

    proptest! {
        /// Against the plainest counting: each figure as a filter and a count of its own.
        #[test]
        fn figures_match_a_naive_count(
            rows in proptest::collection::vec((1u32..=28, 0u8..=4, 0u8..=5, 0u8..=5, 0usize..3, 0usize..3, any::<bool>(), 0u8..=3), 0..60)
        ) {
            let triggers = ["anxiety", "past-hurt", "unmet-needs"];
            let urges = ["go-quiet", "get-busy", "pull-away"];
            let entries: Vec<Entry> = rows
                .iter()
                .enumerate()
                .map(|(n, &(day, result, before, after, t, u, rep, end))| {
                    entry(n as u32, day, result, before, after, triggers[t], urges[u], rep, end)
                })
                .collect();
            let p = predictions(&entries, november());
            let result = |e: &Entry| e.predictions[0].outcome.as_ref().map(|o| o.result);
            let count = |f: &dyn Fn(&Entry) -> bool| entries.iter().filter(|e| f(e)).count() as u32;
            prop_assert_eq!(p.made, entries.len() as u32);
            prop_assert_eq!(p.open, count(&|e| result(e).is_none()));
            prop_assert_eq!(p.yes, count(&|e| result(e) == Some(PredictionResult::Yes)));
            prop_assert_eq!(p.no, count(&|e| result(e) == Some(PredictionResult::No)));
            prop_assert_eq!(p.dropped, count(&|e| result(e) == Some(PredictionResult::Dropped)));
            let rated: Vec<&Entry> = entries
                .iter()
                .filter(|e| {
                    matches!(result(e), Some(PredictionResult::Yes | PredictionResult::Partly | PredictionResult::No))
                        && e.predictions[0].badness.is_some()
                        && e.predictions[0].outcome.as_ref().unwrap().badness.is_some()
                })
                .collect();
            prop_assert_eq!(p.rated, rated.len() as u32);
            for t in &p.by_trigger {
                let mine: Vec<&Entry> = entries
                    .iter()
                    .filter(|e| e.triggers[0].trigger == t.trigger)
                    .filter(|e| matches!(result(e), Some(PredictionResult::Yes | PredictionResult::Partly | PredictionResult::No)))
                    .collect();
                prop_assert_eq!(t.answered, mine.len() as u32);
                prop_assert!(t.answered >= MIN_DAYS);
                prop_assert_eq!(t.came_true, mine.iter().filter(|e| result(e) != Some(PredictionResult::No)).count() as u32);
            }
            let e = episodes(&entries, november());
            prop_assert_eq!(e.count, entries.len() as u32);
            prop_assert_eq!(e.repaired, count(&|x| x.episodes[0].repaired()));
            let ended_sum: u32 = e.ended_with_repair.iter().chain(&e.ended_without_repair).sum();
            prop_assert_eq!(ended_sum, count(&|x| x.episodes[0].ended.is_some()));
            for u in &e.urges {
                let mine: Vec<&Entry> = entries.iter().filter(|x| x.episodes[0].triggers[0] == u.trigger).collect();
                prop_assert_eq!(u.moments, mine.len() as u32);
                let times = mine.iter().filter(|x| x.episodes[0].urges[0] == u.urge).count() as u32;
                prop_assert_eq!(u.times, times);
                for other in urges {
                    prop_assert!(mine.iter().filter(|x| x.episodes[0].urges[0] == other).count() as u32 <= times);
                }
            }
        }
    }
}
