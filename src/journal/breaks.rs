//! The time-outs of a journal's entries, found and answered: those still running, those whose
//! promised return has come ("did you go back to it?"), and answering one in the entry that
//! holds it.

use chrono::{DateTime, FixedOffset};

use super::entry::Entry;
use super::turning::{BreakOutcome, TimeOut};
use super::values::EntryId;

/// Where a time-out lives: the entry that holds it and its place in that entry's list.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BreakRef {
    /// The entry.
    pub entry: EntryId,
    /// Its index in the entry's `time_outs`.
    pub index: usize,
}

/// A time-out with where it lives.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FoundBreak<'a> {
    /// The entry that holds it.
    pub entry: &'a Entry,
    /// Its index in the entry's `time_outs`.
    pub index: usize,
    /// The time-out.
    pub time_out: &'a TimeOut,
}

impl FoundBreak<'_> {
    /// Where it lives, to answer it.
    pub fn at(&self) -> BreakRef {
        BreakRef {
            entry: self.entry.id.clone(),
            index: self.index,
        }
    }
}

/// Every time-out of `entries` for which `keep` says true, soonest return first.
fn breaks<'a>(entries: &'a [Entry], keep: impl Fn(&TimeOut) -> bool) -> Vec<FoundBreak<'a>> {
    let mut out: Vec<FoundBreak<'a>> = entries
        .iter()
        .flat_map(|entry| {
            entry
                .time_outs
                .iter()
                .enumerate()
                .map(move |(index, time_out)| FoundBreak {
                    entry,
                    index,
                    time_out,
                })
        })
        .filter(|f| keep(f.time_out))
        .collect();
    out.sort_by_key(|f| f.time_out.back_at);
    out
}

/// The breaks still running at `now` (their promised return not yet come), soonest first.
pub fn running(entries: &[Entry], now: DateTime<FixedOffset>) -> Vec<FoundBreak<'_>> {
    breaks(entries, |t| t.is_running(now))
}

/// The breaks whose promised return has come by `now` and that are not yet answered ("did you
/// go back to it?"), oldest first.
pub fn due(entries: &[Entry], now: DateTime<FixedOffset>) -> Vec<FoundBreak<'_>> {
    breaks(entries, |t| t.is_due(now))
}

/// Answers the break `at` in `entries` with `outcome` at `now`: the entry changed, to save (its
/// `updated_at` is `now`, so a merge keeps the answer), or `None` when there is no such
/// unanswered break (answered already, in another window).
pub fn answer(entries: &[Entry], at: &BreakRef, outcome: BreakOutcome) -> Option<Entry> {
    let entry = entries.iter().find(|e| e.id == at.entry)?;
    let mut changed = entry.clone();
    changed.updated_at = outcome.on.max(entry.updated_at);
    let t = changed.time_outs.get_mut(at.index)?;
    if t.back.is_some() {
        return None;
    }
    t.back = Some(outcome);
    Some(changed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{BreakSide, WentBack};
    use std::collections::BTreeMap;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    /// Issue 34: a break's promise is found while it runs and asked about once its time has
    /// come, and an answer is kept in the entry that holds it, once.
    #[test]
    fn a_break_is_running_then_due_then_answered_once() {
        let made = at("2026-12-07T19:40:00+01:00");
        let mut e = Entry::new(EntryId::generate(made, 1), made);
        e.time_outs.push(TimeOut::new(BreakSide::Mine, made, 60));
        e.time_outs.push(TimeOut::new(BreakSide::Theirs, made, 20));
        let entries = vec![e];
        let before = at("2026-12-07T19:50:00+01:00");
        let run: Vec<usize> = running(&entries, before).iter().map(|f| f.index).collect();
        assert_eq!(run, [1, 0], "soonest return first");
        assert!(due(&entries, before).is_empty());
        let later = at("2026-12-07T20:10:00+01:00");
        assert_eq!(running(&entries, later).len(), 1);
        let found = due(&entries, later);
        assert_eq!(found.len(), 1);
        let answered = answer(
            &entries,
            &found[0].at(),
            BreakOutcome {
                went: WentBack::Yes,
                on: later,
                note: "we talked".into(),
                extra: BTreeMap::new(),
            },
        )
        .unwrap();
        assert_eq!(answered.updated_at, later);
        assert_eq!(
            answered.time_outs[1].back.as_ref().unwrap().note,
            "we talked"
        );
        let entries = vec![answered];
        assert!(due(&entries, later).is_empty(), "asked once");
        let again = BreakOutcome {
            went: WentBack::No,
            on: later,
            note: String::new(),
            extra: BTreeMap::new(),
        };
        assert_eq!(answer(&entries, &found[0].at(), again), None);
    }
}
