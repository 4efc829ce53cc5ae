//! The journal in memory: its entries, oldest first, and the figures kept from them (check-ins
//! per day, the streak, each strategy's history, the search index), kept right on each save,
//! edit and delete without going over the whole journal again.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;

use super::history::{StrategyHistory, count_entry, last_tried_before, strategy_histories};
use super::query::Signature;
use super::{Entry, EntryId, streak};

/// Check-ins per day: whether a day has one, and the streak, at the cost of as many days as
/// the streak is long.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DayCounts(BTreeMap<NaiveDate, u32>);

impl DayCounts {
    /// The check-ins of `entries` per day.
    pub fn of(entries: &[Entry]) -> DayCounts {
        let mut days = BTreeMap::new();
        for e in entries {
            *days.entry(e.date).or_default() += 1;
        }
        DayCounts(days)
    }

    /// The check-ins of `entries`, which are in order (by day first), per day: counted as
    /// runs, and the map built from them in one go rather than looked up once an entry.
    fn of_ordered(entries: &[Entry]) -> DayCounts {
        let mut runs: Vec<(NaiveDate, u32)> = Vec::new();
        for e in entries {
            match runs.last_mut() {
                Some((day, n)) if *day == e.date => *n += 1,
                _ => runs.push((e.date, 1)),
            }
        }
        DayCounts(runs.into_iter().collect())
    }

    /// Days known only to have a check-in (a day file's name, say): one each.
    pub fn of_days(days: impl IntoIterator<Item = NaiveDate>) -> DayCounts {
        DayCounts(days.into_iter().map(|d| (d, 1)).collect())
    }

    /// Whether `day` has a check-in.
    pub fn checked_in(&self, day: NaiveDate) -> bool {
        self.0.contains_key(&day)
    }

    /// The current streak on `today` (see [`streak::current`]).
    pub fn streak(&self, today: NaiveDate) -> u32 {
        streak::current_by(|d| self.checked_in(d), today)
    }

    /// The longest streak there has been (see [`streak::longest_of`]).
    pub fn longest(&self) -> u32 {
        streak::longest_of(self.0.keys().copied())
    }

    /// Counts a check-in on `day`; returns whether it is the day's first.
    pub fn add(&mut self, day: NaiveDate) -> bool {
        let count = self.0.entry(day).or_default();
        *count += 1;
        *count == 1
    }

    /// Takes a check-in on `day` away (if it has one); returns whether that was its last.
    pub fn take(&mut self, day: NaiveDate) -> bool {
        let Some(c) = self.0.get_mut(&day) else {
            return false;
        };
        *c = c.saturating_sub(1);
        if *c == 0 {
            self.0.remove(&day);
            return true;
        }
        false
    }
}

/// The journal in memory: its entries and the figures kept from them (those home shows, the
/// search index), shared by whatever reads the whole journal.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Journal {
    /// Every readable entry, oldest first.
    pub entries: Arc<Vec<Entry>>,
    /// Whether there is an entry today.
    pub checked_in_today: bool,
    /// The current streak in days.
    pub streak: u32,
    /// What the journal knows of each strategy.
    pub histories: Arc<BTreeMap<String, StrategyHistory>>,
    /// Check-ins per day, kept current on each change so the streak and "checked in today"
    /// cost as many days as the streak is long; `None` until first needed (then counted from
    /// `entries` once).
    pub days: Option<DayCounts>,
    /// The search index: each entry's [`Signature`], in the order of `entries`, kept in step
    /// on each change (an index of another length is not used, and left alone).
    pub index: Arc<Vec<Signature>>,
    /// The entries are known to be in order (by day, time of writing, then id): found so when
    /// read, and kept so by every change. `false`: not known, and checked where it matters.
    pub in_order: bool,
    /// How many entries hold two versions from a merge of two computers' edits (home says so).
    pub two_versions: usize,
    /// The look-back days of the open predictions, in order, kept current on each change:
    /// how many are due on a day is a binary search (home says so on every frame).
    pub open_look_backs: Vec<NaiveDate>,
}

/// The look-back days of the open predictions of `e`.
fn look_backs(e: &Entry) -> impl Iterator<Item = NaiveDate> + '_ {
    e.predictions
        .iter()
        .filter(|p| p.is_open())
        .map(|p| p.look_back)
}

impl Journal {
    /// The journal of `entries` (oldest first) on `today`.
    pub fn of(entries: Arc<Vec<Entry>>, today: NaiveDate) -> Journal {
        let in_order = entries.is_sorted_by(|a, b| Entry::order(a, b).is_le());
        let days = if in_order {
            DayCounts::of_ordered(&entries)
        } else {
            DayCounts::of(&entries)
        };
        let mut open_look_backs: Vec<NaiveDate> = entries.iter().flat_map(look_backs).collect();
        open_look_backs.sort_unstable();
        Journal {
            open_look_backs,
            two_versions: entries
                .iter()
                .filter(|e| !e.two_versions.is_empty())
                .count(),
            histories: Arc::new(strategy_histories(entries.iter())),
            checked_in_today: days.checked_in(today),
            streak: days.streak(today),
            index: Arc::default(),
            in_order,
            entries,
            days: Some(days),
        }
    }

    /// How many open predictions are due on `today` (their look-back day has come).
    pub fn predictions_due(&self, today: NaiveDate) -> usize {
        self.open_look_backs.partition_point(|d| *d <= today)
    }

    /// Whether the search index is in step with the entries.
    pub fn indexed(&self) -> bool {
        self.index.len() == self.entries.len()
    }

    /// The entries, shared.
    pub fn entries_arc(&self) -> Arc<Vec<Entry>> {
        Arc::clone(&self.entries)
    }

    /// The search index, shared (empty when not in step with the entries).
    pub fn index_arc(&self) -> Arc<Vec<Signature>> {
        if self.indexed() {
            Arc::clone(&self.index)
        } else {
            Arc::new(Vec::new())
        }
    }

    /// Takes the search index of `entries` (built elsewhere, [`super::query::signature::index`]),
    /// if they are still this journal's: `false` when the journal has changed since (then the
    /// index is of entries that are not there any more).
    pub fn take_index(&mut self, entries: &Arc<Vec<Entry>>, index: Vec<Signature>) -> bool {
        if Arc::ptr_eq(&self.entries, entries) && index.len() == entries.len() {
            self.index = Arc::new(index);
            true
        } else {
            false
        }
    }

    /// Adds an entry, or replaces the one with its id (after a save, an edit, a restore),
    /// keeping the entries in order and the figures current on `today` without going over
    /// the journal: the entry's day is found by binary search, an edit is replaced where it
    /// is, and a new check-in (the newest) goes on the end.
    pub fn upsert(&mut self, entry: Entry, today: NaiveDate) {
        let mut index = self
            .indexed()
            .then(|| (Arc::make_mut(&mut self.index), Signature::of(&entry)));
        let entries = Arc::make_mut(&mut self.entries);
        let first = entries.partition_point(|e| e.date < entry.date);
        let end = entries.partition_point(|e| e.date <= entry.date);
        let old = match (first..end).find(|&i| entries[i].id == entry.id) {
            // The same place in the order (day, time and id do not change): in place.
            Some(i) if Entry::order(&entries[i], &entry).is_eq() => {
                if let Some((index, sig)) = index.as_mut() {
                    index[i] = *sig;
                }
                Some(std::mem::replace(&mut entries[i], entry.clone()))
            }
            Some(i) => {
                let old = entries.remove(i);
                let at = entries.partition_point(|e| Entry::order(e, &entry).is_lt());
                entries.insert(at, entry.clone());
                if let Some((index, sig)) = index.as_mut() {
                    index.remove(i);
                    index.insert(at, *sig);
                }
                Some(old)
            }
            None => {
                let at = entries.partition_point(|e| Entry::order(e, &entry).is_lt());
                entries.insert(at, entry.clone());
                if let Some((index, sig)) = index.as_mut() {
                    index.insert(at, *sig);
                }
                None
            }
        };
        self.recount(old.as_ref(), Some(&entry), today);
    }

    /// Takes out the entry `id` of `date` (after a delete), the figures kept current on
    /// `today`.
    pub fn remove(&mut self, id: &EntryId, date: NaiveDate, today: NaiveDate) {
        let entries = Arc::make_mut(&mut self.entries);
        let first = entries.partition_point(|e| e.date < date);
        let end = entries.partition_point(|e| e.date <= date);
        // Its own day first; anywhere, should the date given be another.
        let at = (first..end)
            .find(|&i| entries[i].id == *id)
            .or_else(|| entries.iter().position(|e| e.id == *id));
        if let Some(at) = at {
            let old = entries.remove(at);
            if self.index.len() == entries.len() + 1 {
                Arc::make_mut(&mut self.index).remove(at);
            }
            self.recount(Some(&old), None, today);
        }
    }

    /// Takes `old` out of the figures and puts `new` in (either may be absent), without
    /// looking at the other entries (`entries` is already changed).
    fn recount(&mut self, old: Option<&Entry>, new: Option<&Entry>, today: NaiveDate) {
        let entries = &self.entries;
        let built = self.days.is_none();
        let days = self.days.get_or_insert_with(|| {
            // Counted from the entries as they were: the changed list, less `new`, plus `old`.
            let mut days = DayCounts::of(entries);
            if let Some(n) = new {
                days.take(n.date);
            }
            if let Some(o) = old {
                days.add(o.date);
            }
            days
        });
        for day in old.into_iter().flat_map(look_backs) {
            if let Ok(at) = self.open_look_backs.binary_search(&day) {
                self.open_look_backs.remove(at);
            }
        }
        for day in new.into_iter().flat_map(look_backs) {
            let at = self.open_look_backs.partition_point(|d| *d <= day);
            self.open_look_backs.insert(at, day);
        }
        let two = |e: Option<&Entry>| e.is_some_and(|e| !e.two_versions.is_empty());
        self.two_versions =
            (self.two_versions + usize::from(two(new))).saturating_sub(usize::from(two(old)));
        let histories = Arc::make_mut(&mut self.histories);
        // Whether a day gained its first check-in or lost its last: only then can the streak
        // change, and it is counted again (as many days as it is long).
        let (mut emptied, mut filled) = (None, None);
        if let Some(o) = old {
            if days.take(o.date) {
                emptied = Some(o.date);
            }
            count_entry(histories, o, -1);
            // A strategy whose latest try was in `old` has an earlier one, or none.
            for s in &o.strategies {
                if let Some(h) = histories.get_mut(s.id.as_str())
                    && h.last_tried == Some(o.date)
                {
                    h.last_tried = last_tried_before(entries, s.id.as_str());
                }
            }
        }
        if let Some(n) = new {
            if days.add(n.date) {
                filled = Some(n.date);
            }
            count_entry(histories, n, 1);
        }
        histories.retain(|_, h| !h.is_empty());
        self.checked_in_today = days.checked_in(today);
        // A day that lost its last check-in and gained one back is where it was.
        if emptied != filled || built {
            self.streak = days.streak(today);
        }
    }
}

#[cfg(test)]
mod tests;
