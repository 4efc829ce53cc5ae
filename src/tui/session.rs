//! What every screen may read: the loaded journal, the person's preferences, the content, the
//! theme and facts about this run. Screens see it as `&Session`; only `App` changes it, when a
//! screen asks (`Cmd::Prefs`) or when an effect's result changes the journal.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::config::Config;
use crate::content::{self, Catalog, Prompt};
use crate::journal::draft::CheckInDraft;
use crate::journal::history::{StrategyHistory, strategy_histories};
use crate::journal::{Entry, Perspective, Preferences, streak};

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
}

impl Summary {
    /// The figures of `entries` (oldest first) on `today`.
    pub fn of(entries: Arc<Vec<Entry>>, today: NaiveDate, problem_files: usize) -> Summary {
        let days: BTreeSet<NaiveDate> = entries.iter().map(|e| e.date).collect();
        Summary {
            histories: Arc::new(strategy_histories(entries.iter())),
            checked_in_today: days.contains(&today),
            streak: streak::current(&days, today),
            problem_files,
            entries,
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
    /// The preferences in use are not the ones on disk (their write failed).
    pub prefs_unsaved: bool,
    /// The person's own preferences, as `state.json` keeps them: `prefs` less what
    /// `config.toml` sets and the person did not change on screen.
    pub stored_prefs: Preferences,
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
            prefs_unsaved: false,
            stored_prefs: Preferences::default(),
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
        let recent = content::recently_answered(self.entries(), self.today);
        self.today_prompt = self
            .catalog
            .prompt_of_the_day_avoiding(self.today, self.perspective(), &recent)
            .cloned();
    }

    /// Takes new preferences: the theme and today's question follow them.
    pub fn set_prefs(&mut self, prefs: Preferences) {
        self.prefs = prefs;
        self.theme = Theme::choose(self.prefs.theme, self.colour_forbidden);
        self.refresh_prompt();
    }

    /// Changes the entries in memory (after a save, a delete, a restore), keeping them
    /// sorted, and works the figures out again. Reading 100,000 entries again from disk would
    /// take a second; this takes milliseconds.
    pub fn change_entries(&mut self, change: impl FnOnce(&mut Vec<Entry>)) {
        let Some(summary) = self.journal.as_mut() else {
            return;
        };
        let entries = Arc::make_mut(&mut summary.entries);
        change(entries);
        entries.sort_by(|a, b| (a.date, a.created_at, &a.id).cmp(&(b.date, b.created_at, &b.id)));
        let problems = summary.problem_files;
        *summary = Summary::of(Arc::clone(&summary.entries), self.today, problems);
        self.refresh_prompt();
    }

    /// Adds an entry, or replaces the one with its id.
    pub fn upsert(&mut self, entry: Entry) {
        self.change_entries(|entries| {
            entries.retain(|e| e.id != entry.id);
            entries.push(entry);
        });
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
                self.upsert((**entry).clone());
                true
            }
            Done::Deleted(_, id) => {
                self.change_entries(|e| e.retain(|x| x.id != *id));
                true
            }
            Done::Restored(entry) => {
                self.upsert((**entry).clone());
                true
            }
            _ => false,
        }
    }
}
