//! Figures of debriefs and thought checks in a window: how often a debrief was done and which
//! triggers it touched; which thinking traps recur, and how much belief in a hot thought
//! changed once it was checked. As honest about small numbers as the rest of insights: a
//! trigger or trap is ranked only from [`MIN_TIMES`] on, and the change in belief is given
//! only from [`MIN_TIMES`] checks that rated the belief before and after.

use serde::Serialize;

use crate::journal::{Entry, Name, TriggerRef};

/// From how many times a trigger, a trap, or a change in belief is shown as a pattern.
pub const MIN_TIMES: u32 = 3;

/// How many triggers or traps are named at most (the most seen).
pub const TOP: usize = 5;

/// Debriefs done in a window.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Debriefs {
    /// Debriefs (with anything filled in).
    pub count: u32,
    /// Of those, how many chose a repair phrase (from the toolkit or their own).
    pub with_repair: u32,
    /// The [`TOP`] triggers debriefs touched at least [`MIN_TIMES`] times, most often first.
    pub triggers: Vec<Times<TriggerRef>>,
}

/// How many times something was seen: a trigger, a thinking trap.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Times<T> {
    /// What was seen.
    pub what: T,
    /// How many times.
    pub times: u32,
}

/// Thoughts checked in a window.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Thoughts {
    /// Thought checks (with anything filled in).
    pub count: u32,
    /// The [`TOP`] thinking traps named at least [`MIN_TIMES`] times (toolkit ids), most
    /// often first.
    pub traps: Vec<Times<Name>>,
    /// Checks that rated the belief both before and after.
    pub rated: u32,
    /// The average change in belief over `rated`, in percentage points (negative: it eased);
    /// `None` below [`MIN_TIMES`] rated checks.
    pub belief_change: Option<f64>,
}

/// [`Debriefs`] and [`Thoughts`] counted an entry at a time.
#[derive(Debug, Default)]
pub struct AftermathTally {
    debriefs: Debriefs,
    thoughts: Thoughts,
    triggers: Vec<(TriggerRef, u32)>,
    traps: Vec<(Name, u32)>,
    change_sum: i64,
}

/// Adds one to `key`'s count in `counts`.
fn count<K: PartialEq + Clone>(counts: &mut Vec<(K, u32)>, key: &K) {
    match counts.iter_mut().find(|(k, _)| k == key) {
        Some((_, n)) => *n += 1,
        None => counts.push((key.clone(), 1)),
    }
}

/// The counts from `MIN_TIMES` on, most first (ties by `order`).
fn ranked<K>(mut counts: Vec<(K, u32)>, order: impl Fn(&K) -> String) -> Vec<Times<K>> {
    counts.retain(|(_, n)| *n >= MIN_TIMES);
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| order(&a.0).cmp(&order(&b.0))));
    counts
        .into_iter()
        .take(TOP)
        .map(|(what, times)| Times { what, times })
        .collect()
}

impl AftermathTally {
    /// Counts the debriefs and thought checks of `e`.
    pub fn add(&mut self, e: &Entry) {
        for d in e.debriefs.iter().filter(|d| !d.is_empty()) {
            self.debriefs.count += 1;
            if !d.repair.trim().is_empty() || d.repair_id.is_some() {
                self.debriefs.with_repair += 1;
            }
            let mut seen: Vec<&TriggerRef> = Vec::new();
            for t in d.triggers.iter() {
                if !seen.contains(&t) {
                    seen.push(t);
                    count(&mut self.triggers, t);
                }
            }
        }
        for t in e.thoughts.iter().filter(|t| !t.is_empty()) {
            self.thoughts.count += 1;
            let mut seen: Vec<&Name> = Vec::new();
            for trap in &t.traps {
                if !seen.contains(&trap) {
                    seen.push(trap);
                    count(&mut self.traps, trap);
                }
            }
            if let Some(change) = t.change() {
                self.thoughts.rated += 1;
                self.change_sum += i64::from(change);
            }
        }
    }

    /// The figures of everything counted.
    pub fn finish(self) -> (Debriefs, Thoughts) {
        let AftermathTally {
            mut debriefs,
            mut thoughts,
            triggers,
            traps,
            change_sum,
        } = self;
        debriefs.triggers = ranked(triggers, |t| format!("{t:?}"));
        thoughts.traps = ranked(traps, |t| t.to_string());
        thoughts.belief_change = (thoughts.rated >= MIN_TIMES).then(|| {
            // Sums of at most a few million changes of ±100: exact in an f64.
            #[allow(clippy::cast_precision_loss)]
            let sum = change_sum as f64;
            sum / f64::from(thoughts.rated)
        });
        (debriefs, thoughts)
    }
}

/// The debriefs and thought checks of `entries` (those of a window, already chosen).
pub fn aftermath_of<'a>(entries: impl Iterator<Item = &'a Entry>) -> (Debriefs, Thoughts) {
    let mut tally = AftermathTally::default();
    for e in entries {
        tally.add(e);
    }
    tally.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{Debrief, EntryId, Likelihood, ThoughtCheck};

    fn entry(n: u32, trap: &str, before: i64, after: i64, trigger: &str) -> Entry {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-01T09:00:00+00:00").unwrap();
        let mut e = Entry::new(EntryId::generate(now, n), now);
        e.thoughts.push(ThoughtCheck {
            thought: format!("thought {n}"),
            traps: vec![Name::try_from(trap).unwrap()],
            belief: Likelihood::try_from(before).ok(),
            belief_after: Likelihood::try_from(after).ok(),
            ..ThoughtCheck::default()
        });
        e.debriefs.push(Debrief {
            triggers: vec![TriggerRef::Id(Name::try_from(trigger).unwrap())],
            ..Debrief::default()
        });
        e
    }

    #[test]
    fn patterns_show_only_from_three_times() {
        let two: Vec<Entry> = (0..2).map(|n| entry(n, "trap-a", 80, 40, "t")).collect();
        let (d, t) = aftermath_of(two.iter());
        assert_eq!((d.count, t.count, t.rated), (2, 2, 2));
        assert!(d.triggers.is_empty() && t.traps.is_empty());
        assert_eq!(t.belief_change, None, "two rated checks are not a pattern");

        let mut three = two;
        three.push(entry(2, "trap-a", 90, -1, "t"));
        three.push(entry(3, "trap-a", 60, 30, "t"));
        let (d, t) = aftermath_of(three.iter());
        assert_eq!(d.triggers.len(), 1);
        assert_eq!(d.triggers[0].times, 4);
        assert_eq!(t.traps[0].times, 4);
        // (−40 −40 −30) / 3; the check without an "after" is not rated.
        assert_eq!(t.rated, 3);
        assert!((t.belief_change.unwrap() + 110.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn empty_records_are_not_counted() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-01T09:00:00+00:00").unwrap();
        let mut e = Entry::new(EntryId::generate(now, 1), now);
        e.thoughts.push(ThoughtCheck::default());
        e.debriefs.push(Debrief::default());
        assert_eq!(aftermath_of([&e].into_iter()), Default::default());
    }
}
