//! What every screen may read: the loaded journal, the person's preferences, the content, the
//! theme and facts about this run. Screens see it as `&Session`; only `App` changes it, when a
//! screen asks (`Cmd::Prefs`) or when an effect's result changes the journal.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::config::Config;
use crate::content::{self, Catalog, Prompt};
use crate::journal::draft::CheckInDraft;
use crate::journal::history::{
    StrategyHistory, count_entry, last_tried_before, strategy_histories,
};
use crate::journal::query::Signature;
use crate::journal::{Entry, EntryId, Perspective, Preferences, streak};

use super::effect::Done;
use super::theme::Theme;

/// The smallest terminal the screens are laid out for, in columns.
pub const MIN_WIDTH: u16 = 60;
/// The smallest terminal the screens are laid out for, in rows.
pub const MIN_HEIGHT: u16 = 20;

/// The figures home shows and the entries behind them, read after the first frame.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// Every readable entry, oldest first.
    pub entries: Arc<Vec<Entry>>,
    /// Whether there is an entry today.
    pub checked_in_today: bool,
    /// The current streak in days.
    pub streak: u32,
    /// What the journal knows of each strategy.
    pub histories: Arc<BTreeMap<String, StrategyHistory>>,
    /// Files with problems worth a look (errors and warnings).
    pub problem_files: usize,
    /// Check-ins per day, kept current on each change so the streak and "checked in today"
    /// cost as many days as the streak is long; `None` until first needed (then counted from
    /// `entries` once).
    pub days: Option<BTreeMap<NaiveDate, u32>>,
    /// The search index: each entry's [`Signature`], in the order of `entries`, kept in step
    /// on each change (an index of another length is not used, and left alone).
    pub index: Arc<Vec<Signature>>,
    /// The entries are known to be in order (by day, time of writing, then id): found so when
    /// read, and kept so by every change. `false`: not known, and checked where it matters.
    pub in_order: bool,
    /// How many entries hold two versions from a merge of two computers' edits (home says so).
    pub two_versions: usize,
}

impl Summary {
    /// The figures of `entries` (oldest first) on `today`.
    pub fn of(entries: Arc<Vec<Entry>>, today: NaiveDate, problem_files: usize) -> Summary {
        let in_order = entries.is_sorted_by(|a, b| Entry::order(a, b).is_le());
        let days: BTreeMap<NaiveDate, u32> = if in_order {
            // Entries in order come a day at a time: the days counted as runs, and the map
            // built from them in one go rather than looked up once an entry.
            let mut runs: Vec<(NaiveDate, u32)> = Vec::new();
            for e in entries.iter() {
                match runs.last_mut() {
                    Some((day, n)) if *day == e.date => *n += 1,
                    _ => runs.push((e.date, 1)),
                }
            }
            runs.into_iter().collect()
        } else {
            let mut days = BTreeMap::new();
            for e in entries.iter() {
                *days.entry(e.date).or_default() += 1;
            }
            days
        };
        Summary {
            two_versions: entries
                .iter()
                .filter(|e| !e.two_versions.is_empty())
                .count(),
            histories: Arc::new(strategy_histories(entries.iter())),
            checked_in_today: days.contains_key(&today),
            streak: streak::current_by(|d| days.contains_key(&d), today),
            problem_files,
            index: Arc::default(),
            in_order,
            entries,
            days: Some(days),
        }
    }

    /// Whether the search index is in step with the entries.
    fn indexed(&self) -> bool {
        self.index.len() == self.entries.len()
    }

    /// Takes `old` out of the figures and puts `new` in (either may be absent), without
    /// looking at the other entries (`entries` is already changed).
    fn recount(&mut self, old: Option<&Entry>, new: Option<&Entry>, today: NaiveDate) {
        let entries = &self.entries;
        let built = self.days.is_none();
        let days = self.days.get_or_insert_with(|| {
            // Counted from the entries as they were: the changed list, less `new`, plus `old`.
            let mut days: BTreeMap<NaiveDate, u32> = BTreeMap::new();
            for e in entries.iter() {
                *days.entry(e.date).or_default() += 1;
            }
            if let Some(n) = new
                && let Some(c) = days.get_mut(&n.date)
            {
                *c = c.saturating_sub(1);
                if *c == 0 {
                    days.remove(&n.date);
                }
            }
            if let Some(o) = old {
                *days.entry(o.date).or_default() += 1;
            }
            days
        });
        let two = |e: Option<&Entry>| e.is_some_and(|e| !e.two_versions.is_empty());
        self.two_versions =
            (self.two_versions + usize::from(two(new))).saturating_sub(usize::from(two(old)));
        let histories = Arc::make_mut(&mut self.histories);
        // Whether a day gained its first check-in or lost its last: only then can the streak
        // change, and it is counted again (as many days as it is long).
        let (mut emptied, mut filled) = (None, None);
        if let Some(o) = old {
            if let Some(c) = days.get_mut(&o.date) {
                *c = c.saturating_sub(1);
                if *c == 0 {
                    days.remove(&o.date);
                    emptied = Some(o.date);
                }
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
            let count = days.entry(n.date).or_default();
            *count += 1;
            if *count == 1 {
                filled = Some(n.date);
            }
            count_entry(histories, n, 1);
        }
        histories.retain(|_, h| !h.is_empty());
        self.checked_in_today = days.contains_key(&today);
        // A day that lost its last check-in and gained one back is where it was.
        if emptied != filled || built {
            self.streak = streak::current_by(|d| days.contains_key(&d), today);
        }
    }
}

/// A message shown in the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Something worth knowing.
    Info(String),
    /// Something failed; says what and what to do.
    Error(String),
}

/// Facts about this run, the person's choices, the content and the journal.
#[derive(Debug, Clone)]
pub struct Session {
    /// The local time, kept current by the event loop.
    pub now: DateTime<FixedOffset>,
    /// The local date.
    pub today: NaiveDate,
    /// The data folder, shown at first run.
    pub data_dir: PathBuf,
    /// Why the journal is read-only, if it is.
    pub read_only: Option<String>,
    /// The terminal size (columns, rows).
    pub size: (u16, u16),
    /// Colour is off whatever the theme (`NO_COLOR`, or a terminal with few colours).
    pub colour_forbidden: bool,
    /// The person's choices.
    pub prefs: Preferences,
    /// The bundled content, with the person's own merged in.
    pub catalog: Arc<Catalog>,
    /// What `config.toml` sets.
    pub config: Arc<Config>,
    /// The colours.
    pub theme: Theme,
    /// The journal; `None` until it is read.
    pub journal: Option<Summary>,
    /// Today's question, kept in step with the date, the perspective and the journal.
    pub today_prompt: Option<Prompt>,
    /// The unfinished check-in in the drafts folder, as last written or found.
    pub pending_draft: Option<CheckInDraft>,
    /// A check-in whose last draft write failed: its words are in memory only.
    pub unsaved: Option<CheckInDraft>,
    /// The person's home folder, to suggest where words that cannot be kept may go.
    pub home: Option<PathBuf>,
    /// Where reports are written: the documents folder, else the home folder.
    pub reports: Option<PathBuf>,
    /// The preferences in use are not the ones on disk (their write failed).
    pub prefs_unsaved: bool,
    /// The person's own preferences, as `state.json` keeps them: `prefs` less what
    /// `config.toml` sets and the person did not change on screen.
    pub stored_prefs: Preferences,
    /// The journal is encrypted (coming back from a lock needs the passphrase).
    pub encrypted: bool,
    /// The journal is encrypted and its key is not in memory: nothing of it can be read.
    pub locked: bool,
    /// A check-in was saved while locked (the lock says so).
    pub saved_while_locked: bool,
}

impl Session {
    /// A session on `now`, its journal not read yet.
    pub fn new(
        now: DateTime<FixedOffset>,
        data_dir: PathBuf,
        prefs: Preferences,
        catalog: Arc<Catalog>,
        theme: Theme,
    ) -> Session {
        let mut session = Session {
            now,
            today: now.date_naive(),
            data_dir,
            read_only: None,
            size: (80, 24),
            colour_forbidden: false,
            prefs,
            catalog,
            config: Arc::default(),
            theme,
            journal: None,
            today_prompt: None,
            pending_draft: None,
            unsaved: None,
            home: None,
            reports: None,
            prefs_unsaved: false,
            stored_prefs: Preferences::default(),
            encrypted: false,
            locked: false,
            saved_while_locked: false,
        };
        session.stored_prefs = session.prefs.clone();
        session.refresh_prompt();
        session
    }

    /// The journal's entries, oldest first (empty until read).
    pub fn entries(&self) -> &[Entry] {
        self.journal.as_ref().map_or(&[], |s| s.entries.as_slice())
    }

    /// The journal's entries, shared (empty until read).
    pub fn entries_arc(&self) -> Arc<Vec<Entry>> {
        self.journal
            .as_ref()
            .map_or_else(|| Arc::new(Vec::new()), |s| Arc::clone(&s.entries))
    }

    /// Takes the search index of `entries` (built off the input path, [`crate::journal::query::signature::index`]),
    /// if they are still the journal's: `false` when the journal has changed since (then the
    /// index is of entries that are not there any more).
    pub fn take_index(&mut self, entries: &Arc<Vec<Entry>>, index: Vec<Signature>) -> bool {
        match self.journal.as_mut() {
            Some(s) if Arc::ptr_eq(&s.entries, entries) && index.len() == entries.len() => {
                s.index = Arc::new(index);
                true
            }
            _ => false,
        }
    }

    /// The search index of [`Session::entries_arc`] (empty until read, or when not in step).
    pub fn index_arc(&self) -> Arc<Vec<Signature>> {
        self.journal
            .as_ref()
            .filter(|s| s.indexed())
            .map_or_else(|| Arc::new(Vec::new()), |s| Arc::clone(&s.index))
    }

    /// Whether the entries are known to be in order (see [`Summary::in_order`]).
    pub fn entries_in_order(&self) -> bool {
        self.journal.as_ref().is_some_and(|s| s.in_order)
    }

    /// What the journal knows of each strategy (empty until read).
    pub fn histories(&self) -> Arc<BTreeMap<String, StrategyHistory>> {
        self.journal
            .as_ref()
            .map_or_else(|| Arc::new(BTreeMap::new()), |s| Arc::clone(&s.histories))
    }

    /// The perspective in use.
    pub fn perspective(&self) -> Option<Perspective> {
        self.prefs.perspective()
    }

    /// Whether the terminal is smaller than the screens are laid out for.
    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_WIDTH || self.size.1 < MIN_HEIGHT
    }

    /// Chooses today's question again (after the date, the perspective or the journal changed).
    pub fn refresh_prompt(&mut self) {
        // The entries are kept in order: the last month is found by binary search, so this
        // costs the month, not the journal.
        let entries = self.entries();
        let since = self
            .today
            .checked_sub_days(chrono::Days::new(content::RECENT_DAYS))
            .unwrap_or(NaiveDate::MIN);
        let month = &entries[entries.partition_point(|e| e.date < since)..];
        let recent = content::recently_answered(month, self.today);
        let safety = self.catalog.safety_logged_recently(month, self.today);
        self.today_prompt = self
            .catalog
            .prompt_of_the_day_avoiding(self.today, self.perspective(), &recent, safety)
            .cloned();
    }

    /// Takes new preferences: the theme and today's question follow them.
    pub fn set_prefs(&mut self, prefs: Preferences) {
        self.prefs = prefs;
        self.theme = Theme::choose(self.prefs.theme, self.colour_forbidden);
        self.refresh_prompt();
    }

    /// Adds an entry, or replaces the one with its id (after a save, an edit, a restore),
    /// keeping the entries in order and the figures current without going over the journal:
    /// the entry's day is found by binary search, an edit is replaced where it is, and a new
    /// check-in (the newest) goes on the end.
    pub fn upsert(&mut self, entry: Entry) {
        let today = self.today;
        let Some(summary) = self.journal.as_mut() else {
            return;
        };
        let mut index = summary
            .indexed()
            .then(|| (Arc::make_mut(&mut summary.index), Signature::of(&entry)));
        let entries = Arc::make_mut(&mut summary.entries);
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
        summary.recount(old.as_ref(), Some(&entry), today);
        self.refresh_prompt();
    }

    /// Takes out the entry `id` of `date` (after a delete).
    pub fn remove(&mut self, id: &EntryId, date: NaiveDate) {
        let today = self.today;
        let Some(summary) = self.journal.as_mut() else {
            return;
        };
        let entries = Arc::make_mut(&mut summary.entries);
        let first = entries.partition_point(|e| e.date < date);
        let end = entries.partition_point(|e| e.date <= date);
        // Its own day first; anywhere, should the date given be another.
        let at = (first..end)
            .find(|&i| entries[i].id == *id)
            .or_else(|| entries.iter().position(|e| e.id == *id));
        if let Some(at) = at {
            let old = entries.remove(at);
            if summary.index.len() == entries.len() + 1 {
                Arc::make_mut(&mut summary.index).remove(at);
            }
            summary.recount(Some(&old), None, today);
        }
        self.refresh_prompt();
    }

    /// Takes in what an effect's result changes here: the draft as it is on disk, and the
    /// entries. Returns whether the journal changed.
    pub fn take_in(&mut self, done: &Done) -> bool {
        match done {
            Done::DraftSaved(draft) => {
                self.pending_draft = Some((**draft).clone());
                self.unsaved = None;
                false
            }
            // Not on disk, but kept here: `c` offers it again, the check-in retries, and
            // closer does not quit as if it were safe.
            Done::DraftFailed(draft, _) => {
                self.pending_draft = Some((**draft).clone());
                self.unsaved = Some((**draft).clone());
                false
            }
            Done::DraftDiscarded | Done::TextWritten(_) => {
                if matches!(done, Done::DraftDiscarded) {
                    self.pending_draft = None;
                }
                self.unsaved = None;
                false
            }
            Done::CheckInSaved(entry) => {
                self.pending_draft = None;
                self.unsaved = None;
                self.saved_while_locked |= self.locked;
                self.upsert((**entry).clone());
                true
            }
            Done::Deleted(_, id, date) => {
                self.remove(id, *date);
                true
            }
            Done::Restored(entry) | Done::EntrySaved(entry) => {
                self.upsert((**entry).clone());
                true
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::journal::query::signature;
    use crate::journal::{EntryId, Helpfulness, Name, StrategyUse};
    use crate::tui::test_support::{day, session};

    /// An entry on one of the last six days (some around today, so the streak moves), at an
    /// hour, trying or planning some of three strategies.
    fn arb_entry() -> impl Strategy<Value = Entry> {
        (
            0u64..6,
            0u32..24,
            0u32..4,
            proptest::collection::vec((0usize..3, any::<bool>(), 0u8..7), 0..3),
        )
            .prop_map(|(back, hour, n, uses)| {
                let date = day() - chrono::Days::new(back);
                let at =
                    chrono::DateTime::parse_from_rfc3339(&format!("{date}T{hour:02}:00:00+01:00"))
                        .unwrap();
                let mut e = Entry::new(EntryId::generate(at, n), at);
                e.strategies = uses
                    .into_iter()
                    .map(|(s, planned, tried)| StrategyUse {
                        id: Name::try_from(["take-it-slow", "self-compassion", "meet-halfway"][s])
                            .unwrap(),
                        planned,
                        tried: (tried > 0).then_some(tried > 1),
                        helpfulness: Helpfulness::try_from(tried.saturating_sub(1)).ok(),
                        extra: Default::default(),
                    })
                    .collect();
                e
            })
    }

    #[derive(Debug, Clone)]
    enum Change {
        Upsert(Box<Entry>),
        /// Remove the entry at this index (modulo the count), if any.
        Remove(usize),
        /// Edit the entry at this index: take its strategies away.
        Edit(usize),
    }

    fn arb_change() -> impl Strategy<Value = Change> {
        prop_oneof![
            arb_entry().prop_map(|e| Change::Upsert(Box::new(e))),
            any::<usize>().prop_map(Change::Remove),
            any::<usize>().prop_map(Change::Edit),
        ]
    }

    proptest! {
        /// Saves, edits and deletes change the figures as working them out from scratch would.
        #[test]
        fn kept_figures_equal_figures_worked_out_again(
            start in proptest::collection::vec(arb_entry(), 0..12),
            changes in proptest::collection::vec(arb_change(), 1..12),
        ) {
            let mut s = session(Preferences::default());
            let mut start = start;
            start.sort_by(Entry::order);
            start.dedup_by(|a, b| a.id == b.id);
            // Half the time the day counts are built on the first change instead of up front.
            let mut first = Summary::of(Arc::new(start), s.today, 0);
            // Half the time the index comes before the changes, as when a save comes after
            // it was built; otherwise it is not kept in step (and not used).
            let index_first = !first.entries.len().is_multiple_of(3);
            if index_first {
                first.index = Arc::new(signature::index(&first.entries));
            }
            if first.entries.len().is_multiple_of(2) {
                first.days = None;
            }
            s.journal = Some(first);
            for change in changes {
                match change {
                    Change::Upsert(e) => s.upsert(*e),
                    Change::Remove(i) => {
                        if let Some(e) = s.entries().get(i % s.entries().len().max(1)).cloned() {
                            s.remove(&e.id, e.date);
                        }
                    }
                    Change::Edit(i) => {
                        if let Some(mut e) = s.entries().get(i % s.entries().len().max(1)).cloned() {
                            e.strategies.clear();
                            s.upsert(e);
                        }
                    }
                }
                let kept = s.journal.clone().unwrap();
                prop_assert!(kept.entries.is_sorted_by(|a, b| Entry::order(a, b).is_le()));
                let mut ids: Vec<&EntryId> = kept.entries.iter().map(|e| &e.id).collect();
                ids.sort();
                ids.dedup();
                prop_assert_eq!(ids.len(), kept.entries.len(), "an id twice");
                let again = Summary::of(Arc::clone(&kept.entries), s.today, 0);
                prop_assert_eq!(kept.checked_in_today, again.checked_in_today);
                prop_assert_eq!(kept.streak, again.streak);
                prop_assert_eq!(&kept.histories, &again.histories);
                // An index in step is the index of the entries; one that is not is not used.
                prop_assert!(kept.indexed() || !index_first, "the index fell out of step");
                if kept.indexed() {
                    prop_assert_eq!(&*kept.index, &signature::index(&kept.entries));
                }
                if kept.days.is_some() {
                    prop_assert_eq!(&kept.days, &again.days);
                }
            }
        }
    }
}
