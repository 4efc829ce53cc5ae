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
use crate::journal::history::StrategyHistory;
use crate::journal::query::Signature;
use crate::journal::{Entry, EntryId, Journal, Perspective, Preferences};
use crate::store::Progress;

use super::effect::Done;
use super::theme::Theme;

/// The smallest terminal the screens are laid out for, in columns.
pub const MIN_WIDTH: u16 = 60;
/// The smallest terminal the screens are laid out for, in rows.
pub const MIN_HEIGHT: u16 = 20;

/// What a read of the journal brings: the journal, and how many files had problems.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// The journal as read.
    pub journal: Journal,
    /// Files with problems worth a look (errors and warnings).
    pub problem_files: usize,
}

impl Summary {
    /// The journal of `entries` (oldest first) on `today`, and the files with problems.
    pub fn of(entries: Arc<Vec<Entry>>, today: NaiveDate, problem_files: usize) -> Summary {
        Summary {
            journal: Journal::of(entries, today),
            problem_files,
        }
    }

    /// [`Summary::of`], with the search index of `entries` (see [`Journal::take_index`]; one
    /// of another length is not used).
    pub fn indexed(
        entries: Arc<Vec<Entry>>,
        index: Vec<Signature>,
        today: NaiveDate,
        problem_files: usize,
    ) -> Summary {
        let mut summary = Summary::of(Arc::clone(&entries), today, problem_files);
        summary.journal.take_index(&entries, index);
        summary
    }
}

/// A change to the journal taken in while it was being read, replayed onto what the read
/// brings (see [`Session::read_started`]).
#[derive(Debug, Clone, PartialEq)]
enum Change {
    /// An entry saved, edited or brought back.
    Saved(Box<Entry>),
    /// The entry of this id and day deleted.
    Deleted(EntryId, NaiveDate),
}

impl From<Journal> for Summary {
    fn from(journal: Journal) -> Summary {
        Summary {
            journal,
            problem_files: 0,
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
    pub journal: Option<Journal>,
    /// While the journal is read for the first time: its newest days, read first (a page or
    /// two of review), with the changes made since; `None` before they come and once the
    /// whole journal is read. Only review shows them (see [`Session::so_far`]); nothing that
    /// needs the whole journal looks here.
    pub newest: Option<Journal>,
    /// How far the read going has got (see [`Session::read_started`]); `None` when none is.
    pub reading: Option<Arc<Progress>>,
    /// The changes taken in since the read going started, replayed onto what it brings: it may
    /// have read their day files before or after they were written. `None` when no read is
    /// going.
    changed_while_reading: Option<Vec<Change>>,
    /// Files with problems worth a look (errors and warnings), found when the journal was read.
    pub problem_files: usize,
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
    /// The day `closer checkin --date` asked the check-in to be for, until a check-in opens.
    pub check_in_day: Option<NaiveDate>,
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
            newest: None,
            reading: None,
            changed_while_reading: None,
            problem_files: 0,
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
            check_in_day: None,
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
            .map_or_else(|| Arc::new(Vec::new()), Journal::entries_arc)
    }

    /// The search index of [`Session::entries_arc`] (empty until read, or when not in step).
    pub fn index_arc(&self) -> Arc<Vec<Signature>> {
        self.journal
            .as_ref()
            .map_or_else(|| Arc::new(Vec::new()), Journal::index_arc)
    }

    /// Whether the entries are known to be in order (see [`Journal::in_order`]).
    pub fn entries_in_order(&self) -> bool {
        self.journal.as_ref().is_some_and(|j| j.in_order)
    }

    /// What the journal knows of each strategy (empty until read).
    pub fn histories(&self) -> Arc<BTreeMap<String, StrategyHistory>> {
        self.journal
            .as_ref()
            .map_or_else(|| Arc::new(BTreeMap::new()), |s| Arc::clone(&s.histories))
    }

    /// What a check-in's choices are made from: the content, the preferences, the journal
    /// (once read) and the day.
    pub fn given(&self) -> content::checkin::Given<'_> {
        content::checkin::Given {
            catalog: &self.catalog,
            prefs: &self.prefs,
            journal: self.journal.as_ref(),
            today: self.today,
        }
    }

    /// The perspective in use.
    pub fn perspective(&self) -> Option<Perspective> {
        self.prefs.perspective()
    }

    /// Whether the terminal is smaller than the screens are laid out for.
    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_WIDTH || self.size.1 < MIN_HEIGHT
    }

    /// The entries of the last [`content::RECENT_DAYS`] days (and any dated later): the
    /// entries are kept in order, so this is found by binary search and costs the month, not
    /// the journal (what a frame or a key may look at).
    pub fn recent_entries(&self) -> &[Entry] {
        self.given().recent()
    }

    /// Chooses today's question again (after the date, the perspective or the journal changed).
    pub fn refresh_prompt(&mut self) {
        // The entries are kept in order: the last month is found by binary search, so this
        // costs the month, not the journal.
        let month = self.recent_entries();
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

    /// The journal as far as it is read: the whole of it once read, until then its newest
    /// days when they have come (see [`Session::newest`]). What review lists.
    pub fn so_far(&self) -> Option<&Journal> {
        self.journal.as_ref().or(self.newest.as_ref())
    }

    /// Whether only the newest days are read yet (review says so, and what needs the whole
    /// journal waits).
    pub fn only_newest(&self) -> bool {
        self.journal.is_none() && self.newest.is_some()
    }

    /// "N of M days", how far the read going has got, once its days are counted.
    pub fn days_read(&self) -> Option<String> {
        let progress = self.reading.as_ref()?;
        let days = progress.days();
        (days > 0).then(|| {
            // Plain figures, as home's and review's counts are.
            format!("{} of {days} days", progress.days_read().min(days))
        })
    }

    /// A read of the journal started, whose progress is `progress`: every change taken in
    /// from now until it is taken in is kept, and replayed onto what it brings. A change
    /// taken in before was on disk before the read started, so the read has it.
    pub fn read_started(&mut self, progress: Arc<Progress>) {
        self.reading = Some(progress);
        self.changed_while_reading = Some(Vec::new());
    }

    /// Takes in the newest days of the journal, read first (see [`Session::newest`]), with
    /// the changes made since the read started.
    pub fn loaded_newest(&mut self, summary: Summary) {
        let mut journal = summary.journal;
        self.replay(&mut journal);
        self.newest = Some(journal);
    }

    /// Takes in a read of the journal, with the changes made since it started.
    pub fn loaded(&mut self, summary: Summary) {
        let mut journal = summary.journal;
        self.replay(&mut journal);
        self.journal = Some(journal);
        self.problem_files = summary.problem_files;
        self.newest = None;
        self.reading = None;
        self.changed_while_reading = None;
    }

    /// Replays the changes taken in since the read going started onto what it read: a save
    /// is by id (already there, it is replaced; see [`Journal::upsert`]), so nothing is lost
    /// or doubled, whether the read found its file before or after.
    fn replay(&self, journal: &mut Journal) {
        for change in self.changed_while_reading.iter().flatten() {
            match change {
                Change::Saved(entry) => journal.upsert(Entry::clone(entry), self.today),
                Change::Deleted(id, date) => journal.remove(id, *date, self.today),
            }
        }
    }

    /// Adds an entry, or replaces the one with its id (after a save, an edit, a restore; see
    /// [`Journal::upsert`]), and chooses today's question again. While the journal is read,
    /// it is kept for what the read brings too.
    pub fn upsert(&mut self, entry: Entry) {
        if let Some(newest) = self.newest.as_mut() {
            newest.upsert(entry.clone(), self.today);
        }
        if let Some(changes) = self.changed_while_reading.as_mut() {
            changes.push(Change::Saved(Box::new(entry.clone())));
        }
        if let Some(journal) = self.journal.as_mut() {
            journal.upsert(entry, self.today);
            self.refresh_prompt();
        }
    }

    /// Takes out the entry `id` of `date` (after a delete); while the journal is read, from
    /// what the read brings too.
    pub fn remove(&mut self, id: &EntryId, date: NaiveDate) {
        if let Some(newest) = self.newest.as_mut() {
            newest.remove(id, date, self.today);
        }
        if let Some(changes) = self.changed_while_reading.as_mut() {
            changes.push(Change::Deleted(id.clone(), date));
        }
        if let Some(journal) = self.journal.as_mut() {
            journal.remove(id, date, self.today);
            self.refresh_prompt();
        }
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
