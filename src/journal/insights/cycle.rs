//! Your cycle, drawn from your own moments: the loop a couples therapist maps first with a
//! person who pulls away or who chases (the pursue–withdraw cycle of emotionally focused
//! therapy). From the moments traced in a window: the triggers that start it most often, the
//! usual urge and what was done, what was noticed (the signs logged on those check-ins), the
//! feelings named on them, and what helped when a repair was tried (the repairs of moments
//! that ended closer). Each step says how many times it was seen.
//!
//! Honest about small numbers like the rest of insights: below [`MIN_MOMENTS`] moments there
//! is no map, only how many more would draw one. And where a safety trigger was logged in the
//! window, there is no shared cycle at all: control is not a dance two people do, and a map
//! of "my part" in it would blame a frightened person. The caller says which triggers are
//! safety triggers (this module knows no content).

use serde::Serialize;

use crate::journal::{Entry, Name, Repair, TriggerRef};

use super::Window;
use super::aftermath::Times;

/// From how many moments in the window a cycle is drawn.
pub const MIN_MOMENTS: u32 = 5;

/// How many of each step are shown (the most seen first).
pub const TOP: usize = 3;

/// A cycle drawn from the moments of a window.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Cycle {
    /// Moments traced in the window (with anything filled in).
    pub moments: u32,
    /// The triggers the moments belong to, most often first.
    pub triggers: Vec<Times<TriggerRef>>,
    /// The urges felt (urge ids, or the person's words).
    pub urges: Vec<Times<String>>,
    /// What the person did (sign ids, or their words).
    pub did: Vec<Times<String>>,
    /// The signs noticed on the check-ins that traced a moment.
    pub noticed: Vec<Times<Name>>,
    /// The feelings named on those check-ins.
    pub feelings: Vec<Times<String>>,
    /// Moments with a repair tried.
    pub repaired: u32,
    /// Of those, how many ended closer.
    pub repaired_closer: u32,
    /// The repairs of moments that ended closer (strategy ids, or the person's words).
    pub helped: Vec<Times<String>>,
}

/// What the cycle page can show for a window.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum CycleView {
    /// A safety trigger was logged in the window: no shared cycle.
    Safety,
    /// Fewer than [`MIN_MOMENTS`] moments: how many there are.
    NotEnough {
        /// Moments traced in the window.
        moments: u32,
    },
    /// The cycle.
    Drawn(Cycle),
}

/// Counts of values, each seen once per moment or check-in.
#[derive(Debug)]
struct Counts<T>(Vec<(T, u32)>);

impl<T> Default for Counts<T> {
    fn default() -> Self {
        Counts(Vec::new())
    }
}

impl<T: PartialEq + Clone> Counts<T> {
    /// Counts each distinct value of `values` once.
    fn add<'a>(&mut self, values: impl IntoIterator<Item = &'a T>)
    where
        T: 'a,
    {
        let mut seen: Vec<usize> = Vec::new();
        for v in values {
            let at = match self.0.iter().position(|(k, _)| k == v) {
                Some(i) => i,
                None => {
                    self.0.push((v.clone(), 0));
                    self.0.len() - 1
                }
            };
            if !seen.contains(&at) {
                seen.push(at);
                self.0[at].1 += 1;
            }
        }
    }

    /// The [`TOP`] most seen, ties by `order`.
    fn top(mut self, order: impl Fn(&T) -> String) -> Vec<Times<T>> {
        self.0
            .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| order(&a.0).cmp(&order(&b.0))));
        self.0
            .into_iter()
            .take(TOP)
            .map(|(what, times)| Times { what, times })
            .collect()
    }
}

/// The person's cycle in their own words: the newest written with anything in it, in
/// `entries` (kept in order, oldest first).
pub fn own_words(entries: &[Entry]) -> Option<&crate::journal::CycleWords> {
    entries
        .iter()
        .rev()
        .flat_map(|e| e.cycle_words.iter().rev())
        .find(|w| !w.is_empty())
}

/// A repair in a word: its strategy id, or the person's words.
fn repair_word(r: &Repair) -> Option<String> {
    match r {
        Repair::Strategy(id) | Repair::Both(id, _) => Some(id.to_string()),
        Repair::Own(words) => Some(words.trim().to_owned()),
        Repair::NotYet => None,
    }
}

/// The cycle of the moments in `window`, or why there is none: a safety trigger logged in it
/// (`is_safety` says which are), or fewer than [`MIN_MOMENTS`] moments. `entries` in any
/// order.
pub fn cycle(
    entries: &[Entry],
    window: Window,
    is_safety: impl Fn(&TriggerRef) -> bool,
) -> CycleView {
    let inside = || entries.iter().filter(|e| window.contains(e.date));
    let safety = inside().any(|e| {
        e.triggers.iter().any(|t| is_safety(&t.trigger))
            || e.episodes
                .iter()
                .flat_map(|ep| &ep.triggers)
                .any(&is_safety)
            || e.debriefs.iter().flat_map(|d| &d.triggers).any(&is_safety)
    });
    if safety {
        return CycleView::Safety;
    }
    let mut c = Cycle::default();
    let (mut triggers, mut urges, mut did) =
        (Counts::default(), Counts::default(), Counts::default());
    let (mut noticed, mut feelings, mut helped) =
        (Counts::default(), Counts::default(), Counts::default());
    for e in inside() {
        let mut traced = false;
        for ep in e.episodes.iter().filter(|ep| !ep.is_empty()) {
            traced = true;
            c.moments += 1;
            triggers.add(&ep.triggers);
            urges.add(&ep.urges);
            did.add(&ep.did);
            if ep.repaired() {
                c.repaired += 1;
                if ep.ended == Some(crate::journal::Ending::Closer) {
                    c.repaired_closer += 1;
                    helped.add(ep.repair.as_ref().and_then(repair_word).as_ref());
                }
            }
        }
        if traced {
            noticed.add(&e.behaviours);
            feelings.add(&e.emotions);
        }
    }
    if c.moments < MIN_MOMENTS {
        return CycleView::NotEnough { moments: c.moments };
    }
    c.triggers = triggers.top(|t| format!("{t:?}"));
    c.urges = urges.top(Clone::clone);
    c.did = did.top(Clone::clone);
    c.noticed = noticed.top(ToString::to_string);
    c.feelings = feelings.top(Clone::clone);
    c.helped = helped.top(Clone::clone);
    CycleView::Drawn(c)
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use chrono::{DateTime, Days, NaiveDate};
    use proptest::prelude::*;

    use super::*;
    use crate::journal::{Ending, EntryId, Episode, TriggerLog};

    fn name(s: &str) -> Name {
        Name::try_from(s).unwrap()
    }

    /// The top of `counts` as the cycle orders it, written plainly.
    fn naive_top<T: Ord + Clone>(
        counts: BTreeMap<T, u32>,
        order: impl Fn(&T) -> String,
    ) -> Vec<(T, u32)> {
        let mut all: Vec<(T, u32)> = counts.into_iter().collect();
        all.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| order(&a.0).cmp(&order(&b.0))));
        all.truncate(TOP);
        all
    }

    /// Adds one for each distinct value.
    fn once<T: Ord + Clone>(counts: &mut BTreeMap<T, u32>, values: &[T]) {
        for v in values.iter().collect::<BTreeSet<_>>() {
            *counts.entry(v.clone()).or_default() += 1;
        }
    }

    /// The cycle, counted the obvious way (maps of counts), to check [`cycle`] against.
    fn naive(entries: &[Entry], window: Window, safety: &[&str]) -> CycleView {
        let inside: Vec<&Entry> = entries.iter().filter(|e| window.contains(e.date)).collect();
        let is_safety =
            |t: &TriggerRef| matches!(t, TriggerRef::Id(id) if safety.contains(&id.as_str()));
        for e in &inside {
            let all: Vec<&TriggerRef> = e
                .triggers
                .iter()
                .map(|t| &t.trigger)
                .chain(e.episodes.iter().flat_map(|ep| &ep.triggers))
                .chain(e.debriefs.iter().flat_map(|d| &d.triggers))
                .collect();
            if all.into_iter().any(is_safety) {
                return CycleView::Safety;
            }
        }
        let mut c = Cycle::default();
        let (mut t, mut u, mut d, mut n, mut f, mut h) = (
            BTreeMap::new(),
            BTreeMap::new(),
            BTreeMap::new(),
            BTreeMap::new(),
            BTreeMap::new(),
            BTreeMap::new(),
        );
        for e in inside {
            let moments: Vec<&Episode> = e
                .episodes
                .iter()
                .filter(|ep| **ep != Episode::default())
                .collect();
            for ep in &moments {
                c.moments += 1;
                let keys: Vec<String> = ep.triggers.iter().map(|x| format!("{x:?}")).collect();
                once(&mut t, &keys);
                once(&mut u, &ep.urges);
                once(&mut d, &ep.did);
                if ep.repaired() {
                    c.repaired += 1;
                    if ep.ended == Some(Ending::Closer) {
                        c.repaired_closer += 1;
                        once(
                            &mut h,
                            &ep.repair
                                .as_ref()
                                .and_then(repair_word)
                                .into_iter()
                                .collect::<Vec<_>>(),
                        );
                    }
                }
            }
            if !moments.is_empty() {
                let signs: Vec<String> = e.behaviours.iter().map(ToString::to_string).collect();
                once(&mut n, &signs);
                once(&mut f, &e.emotions);
            }
        }
        if c.moments < MIN_MOMENTS {
            return CycleView::NotEnough { moments: c.moments };
        }
        let times = |v: Vec<(String, u32)>| -> Vec<Times<String>> {
            v.into_iter()
                .map(|(what, times)| Times { what, times })
                .collect()
        };
        // Trigger keys are their debug text, which is also the order of ties.
        let by_key: BTreeMap<String, TriggerRef> = entries
            .iter()
            .flat_map(|e| e.episodes.iter().flat_map(|ep| &ep.triggers))
            .map(|x| (format!("{x:?}"), x.clone()))
            .collect();
        c.triggers = naive_top(t, Clone::clone)
            .into_iter()
            .map(|(k, times)| Times {
                what: by_key[&k].clone(),
                times,
            })
            .collect();
        c.urges = times(naive_top(u, Clone::clone));
        c.did = times(naive_top(d, Clone::clone));
        c.noticed = naive_top(n, Clone::clone)
            .into_iter()
            .map(|(k, times)| Times {
                what: name(&k),
                times,
            })
            .collect();
        c.feelings = times(naive_top(f, Clone::clone));
        c.helped = times(naive_top(h, Clone::clone));
        CycleView::Drawn(c)
    }

    const TRIGGERS: [&str; 4] = ["anxiety", "past-hurt", "control-or-fear", "unmet-needs"];
    const WORDS: [&str; 4] = ["go-quiet", "pull-away", "a walk", "snap"];

    prop_compose! {
        fn a_moment()(
            t in proptest::collection::vec(0usize..4, 0..3),
            u in proptest::collection::vec(0usize..4, 0..3),
            d in proptest::collection::vec(0usize..4, 0..2),
            repair in 0u8..4,
            ended in 0u8..4,
        ) -> Episode {
            Episode {
                what: String::new(),
                // The safety trigger rarely, so that most journals draw a cycle.
                triggers: t.iter().map(|&i| TriggerRef::Id(name(TRIGGERS[if i == 2 { 3 } else { i }]))).collect(),
                urges: u.iter().map(|&i| WORDS[i].to_owned()).collect(),
                did: d.iter().map(|&i| WORDS[i].to_owned()).collect(),
                repair: match repair {
                    0 => None,
                    1 => Some(Repair::NotYet),
                    2 => Some(Repair::Strategy(name("take-it-slow"))),
                    _ => Some(Repair::Own("said sorry".into())),
                },
                ended: match ended {
                    0 => None,
                    1 => Some(Ending::Closer),
                    2 => Some(Ending::Same),
                    _ => Some(Ending::FurtherApart),
                },
                ..Episode::default()
            }
        }
    }

    prop_compose! {
        fn an_entry()(
            day in 0u64..40,
            moments in proptest::collection::vec(a_moment(), 0..3),
            feelings in proptest::collection::vec(0usize..4, 0..3),
            signs in proptest::collection::vec(0usize..4, 0..3),
            safety in 0u8..30,
        ) -> Entry {
            let now = DateTime::parse_from_rfc3339("2026-10-01T09:00:00+00:00").unwrap();
            let mut e = Entry::new(EntryId::generate(now, 0), now);
            e.date = now.date_naive() + Days::new(day);
            e.episodes = moments.into();
            e.emotions = feelings.iter().map(|&i| WORDS[i].to_owned()).collect();
            e.behaviours = signs.iter().map(|&i| name(["terse-talk", "more-distance", "going-quiet", "x"][i])).collect();
            if safety == 0 {
                e.triggers.push(TriggerLog {
                    trigger: TriggerRef::Id(name("control-or-fear")),
                    intensity: None,
                    note: String::new(),
                    extra: Default::default(),
                });
            }
            e
        }
    }

    proptest! {
        #[test]
        fn the_cycle_matches_a_plain_count(
            entries in proptest::collection::vec(an_entry(), 0..60),
            from in 0u64..20,
            len in 1u64..40,
        ) {
            let start = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap() + Days::new(from);
            let window = Window { from: start, to: start + Days::new(len) };
            let is_safety = |t: &TriggerRef| matches!(t, TriggerRef::Id(id) if id.as_str() == "control-or-fear");
            let got = cycle(&entries, window, is_safety);
            prop_assert_eq!(&got, &naive(&entries, window, &["control-or-fear"]));
            // The safety rule: a window with a safety trigger never shows a shared cycle.
            let logged = entries.iter().filter(|e| window.contains(e.date)).any(|e| {
                e.triggers.iter().any(|t| is_safety(&t.trigger))
            });
            if logged {
                prop_assert_eq!(got, CycleView::Safety);
            }
        }
    }

    #[test]
    fn below_five_moments_there_is_no_map_and_a_safety_trigger_in_a_moment_hides_it() {
        let now = DateTime::parse_from_rfc3339("2026-10-01T09:00:00+00:00").unwrap();
        let window = Window::last(30, now.date_naive());
        let moment = |t: &str| Episode {
            triggers: vec![TriggerRef::Id(name(t))],
            urges: vec!["go-quiet".into()],
            ..Episode::default()
        };
        let mut e = Entry::new(EntryId::generate(now, 0), now);
        e.episodes = (0..4).map(|_| moment("anxiety")).collect();
        let none = |_: &TriggerRef| false;
        assert_eq!(
            cycle(std::slice::from_ref(&e), window, none),
            CycleView::NotEnough { moments: 4 }
        );
        e.episodes.push(moment("anxiety"));
        let CycleView::Drawn(c) = cycle(std::slice::from_ref(&e), window, none) else {
            panic!("five moments draw a cycle");
        };
        assert_eq!(c.triggers[0].times, 5);
        assert_eq!(c.urges[0].what, "go-quiet");
        e.episodes.push(moment("control-or-fear"));
        let safety =
            |t: &TriggerRef| matches!(t, TriggerRef::Id(id) if id.as_str() == "control-or-fear");
        assert_eq!(cycle(&[e], window, safety), CycleView::Safety);
    }
}
