//! The application: which screen is open, what it knows, and how messages change it.
//!
//! `update` is pure: no files, no clock, no terminal. It returns `Effect`s, which the event loop
//! carries out against the store and answers with result messages. Time arrives as data: the
//! loop keeps `ctx.now` and `ctx.today` current.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};
use ratatui::Frame;
use ratatui_textarea::Input;

use crate::content::{self, Catalog, Prompt};
use crate::journal::draft::{CheckInDraft, Step};
use crate::journal::history::StrategyHistory;
use crate::journal::history::strategy_histories;
use crate::journal::{Entry, EntryId, Perspective, Preferences, TriggerRef, streak};

use super::keymap::{self, Action};
use super::screens::checkin::{self, EditorTarget};
use super::screens::review::{self, TrashEntry};
use super::screens::{first_run, help, home, support};
use super::screens::{guide, insights, settings};
use super::theme::Theme;
use super::widgets::too_small;
use crate::config::Config;

/// The smallest terminal the screens are laid out for.
pub const MIN_WIDTH: u16 = 60;
/// The smallest terminal the screens are laid out for.
pub const MIN_HEIGHT: u16 = 20;

/// A screen the person can be on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// The first-run questions.
    FirstRun,
    /// Home.
    Home,
    /// Where to find support.
    Support,
    /// The check-in.
    CheckIn,
    /// The journal's past.
    Review,
    /// The strategy library and Learn.
    Guide,
    /// Patterns over time.
    Insights,
    /// Settings.
    Settings,
}

/// Which key table the guide uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GuideMode {
    /// The library list.
    Library,
    /// Typing the library's search.
    LibrarySearch,
    /// A strategy's page.
    Strategy,
    /// The Learn index.
    Learn,
    /// Another reading page.
    Page,
}

/// What decides the meaning of keys: the open screen, or an overlay over it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// First-run screen.
    FirstRun,
    /// Home screen.
    Home,
    /// Support screen.
    Support,
    /// The `?` help overlay.
    Help,
    /// A step of the check-in.
    CheckIn(Step),
    /// Review, in one of its modes.
    Review(review::Mode),
    /// The guide.
    Guide(GuideMode),
    /// Insights.
    Insights,
    /// Settings.
    Settings,
    /// Typing the editor's name in settings.
    SettingsEditor,
    /// Writing a note on a trigger.
    TriggerNote,
    /// "Leave the check-in?"
    LeaveDialog,
    /// "You have an unfinished check-in."
    ResumeDialog,
    /// "Discard the unfinished check-in?"
    DiscardDialog,
}

impl Mode {
    /// Whether keys not in the table are typed into a text field.
    /// Whether letters typed in a burst may be put in at once, as a paste is: true in the
    /// check-in's answer and notes fields, where typing does nothing but insert.
    pub fn gathers_typing(self) -> bool {
        matches!(self, Mode::CheckIn(Step::Reflect | Step::Notes))
    }

    pub fn takes_text(self) -> bool {
        match self {
            Mode::Review(m) => m.takes_text(),
            Mode::Guide(g) => g == GuideMode::LibrarySearch,
            Mode::SettingsEditor => true,
            _ => matches!(
                self,
                Mode::TriggerNote
                    | Mode::CheckIn(
                        Step::Emotions
                            | Step::Triggers
                            | Step::Reactions
                            | Step::Reflect
                            | Step::Notes
                    )
            ),
        }
    }
}

/// The figures home shows and the entries behind them, read after the first frame.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// Every readable entry, by day.
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

/// A question asked over home.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HomeDialog {
    /// "You have an unfinished check-in: resume or discard?"
    Resume,
    /// "Discard it for good?"
    ConfirmDiscard,
}

/// Everything that can happen to the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// A bound key was pressed.
    Action(Action),
    /// A key for a text field.
    Input(Input),
    /// Text was pasted.
    Paste(String),
    /// The terminal has a new size.
    Resize { width: u16, height: u16 },
    /// Time passed, and no key came for a moment (a pause in typing).
    Tick {
        /// The local time now.
        now: DateTime<FixedOffset>,
    },
    /// The journal was read.
    Loaded(Summary),
    /// An unfinished check-in was found in the drafts.
    DraftFound(Box<CheckInDraft>),
    /// The preferences were saved.
    PreferencesSaved,
    /// The draft was written.
    DraftSaved,
    /// The check-in was saved as this entry.
    CheckInSaved(Box<Entry>),
    /// Text came back from `$EDITOR`.
    Edited(EditorTarget, String),
    /// An effect failed; the text says what happened and what to do.
    Failed(String),
    /// The draft could not be written; the text says why.
    DraftFailed(String),
    /// An entry went to the trash, into this file.
    Deleted(PathBuf, EntryId),
    /// A trashed entry is back in its day.
    Restored(Box<Entry>),
    /// The trash, newest first.
    TrashLoaded(Vec<TrashEntry>),
    /// This many entries were removed from the trash for good.
    TrashEmptied(usize),
}

/// Work for the event loop.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write the preferences to the store.
    SavePreferences(Preferences),
    /// Read the journal again.
    LoadJournal,
    /// Write the check-in in progress to the draft file.
    SaveDraft(Box<CheckInDraft>),
    /// Save the check-in as an entry, then clear the draft.
    SaveCheckIn(Box<CheckInDraft>),
    /// Throw the draft away.
    DiscardDraft,
    /// Let the person edit this text in their editor (the one chosen in settings, if any).
    OpenEditor(EditorTarget, String, Option<String>),
    /// Move an entry to the trash.
    DeleteEntry(Box<Entry>),
    /// Put a trashed entry back.
    RestoreEntry(PathBuf),
    /// Read the trash.
    LoadTrash,
    /// Remove trash files for good.
    PurgeTrash(Vec<PathBuf>),
}

/// Facts about this run that screens show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    /// The local time, kept current by the event loop.
    pub now: DateTime<FixedOffset>,
    /// The local date.
    pub today: NaiveDate,
    /// The data folder, shown at first run.
    pub data_dir: PathBuf,
    /// Why the journal is read-only, if it is.
    pub read_only: Option<String>,
    /// The terminal size.
    pub size: (u16, u16),
    /// Colour is off whatever the theme (`NO_COLOR`, or a terminal with few colours).
    pub colour_forbidden: bool,
}

/// The whole state of the interface.
#[derive(Debug, Clone)]
pub struct App {
    /// Facts about this run.
    pub ctx: Context,
    /// The person's choices.
    pub prefs: Preferences,
    /// The bundled content, with the person's own merged in.
    pub catalog: Arc<Catalog>,
    /// Today's question, kept in step with the date, the perspective and the journal.
    pub today_prompt: Option<Prompt>,
    /// Home's figures; `None` until the journal is read.
    pub summary: Option<Summary>,
    /// Open screens, the current one last. Never empty.
    pub routes: Vec<Route>,
    /// Whether `?` help is open.
    pub help: bool,
    /// How far the help is scrolled.
    pub help_scroll: u16,
    /// The first-run screen.
    pub first_run: first_run::State,
    /// The Support screen.
    pub support: support::State,
    /// The check-in, while one is open.
    pub checkin: Option<checkin::State>,
    /// Review, while open.
    pub review: Option<review::State>,
    /// The library and Learn, while open.
    pub guide: Option<guide::State>,
    /// Insights, while open.
    pub insights: Option<insights::State>,
    /// The settings screen.
    pub settings: settings::State,
    /// What `config.toml` sets.
    pub config: Arc<Config>,
    /// Strategies offered in the check-in being saved (to clear them from `planned_next`).
    pub offered_on_save: Vec<String>,
    /// An unfinished check-in kept in the drafts, not open.
    pub pending_draft: Option<CheckInDraft>,
    /// A question over home.
    pub home_dialog: Option<HomeDialog>,
    /// Go straight to the check-in once the first run is done (`closer checkin`).
    pub checkin_after_first_run: bool,
    /// The status line.
    pub status: Option<Status>,
    /// The colours.
    pub theme: Theme,
    /// Set when the app should end.
    pub quit: bool,
}

const NO_EFFECTS: Vec<Effect> = Vec::new();

impl App {
    /// A new app: first run when no perspective is chosen yet, home otherwise.
    pub fn new(ctx: Context, prefs: Preferences, catalog: Arc<Catalog>, theme: Theme) -> App {
        let route = if prefs.is_first_run() {
            Route::FirstRun
        } else {
            Route::Home
        };
        let mut app = App {
            ctx,
            prefs,
            catalog,
            today_prompt: None,
            summary: None,
            routes: vec![route],
            help: false,
            help_scroll: 0,
            first_run: first_run::State::default(),
            support: support::State::default(),
            checkin: None,
            review: None,
            guide: None,
            insights: None,
            settings: settings::State::default(),
            config: Arc::default(),
            offered_on_save: Vec::new(),
            pending_draft: None,
            home_dialog: None,
            checkin_after_first_run: false,
            status: None,
            theme,
            quit: false,
        };
        app.refresh_prompt();
        app
    }

    /// The journal's entries (empty until read).
    pub fn entries(&self) -> &[Entry] {
        self.summary.as_ref().map_or(&[], |s| s.entries.as_slice())
    }

    /// Chooses today's question again (after the date, the perspective or the journal changed).
    fn refresh_prompt(&mut self) {
        let recent = content::recently_answered(self.entries(), self.ctx.today);
        self.today_prompt = self
            .catalog
            .prompt_of_the_day_avoiding(self.ctx.today, self.perspective(), &recent)
            .cloned();
    }

    /// The screen on top.
    pub fn route(&self) -> Route {
        self.routes.last().copied().unwrap_or(Route::Home)
    }

    /// What keys mean right now.
    pub fn mode(&self) -> Mode {
        if self.help {
            Mode::Help
        } else {
            self.screen_mode()
        }
    }

    /// What keys mean on the screen itself, under the help overlay.
    pub fn screen_mode(&self) -> Mode {
        match self.route() {
            Route::FirstRun => Mode::FirstRun,
            Route::Home => match self.home_dialog {
                Some(HomeDialog::Resume) => Mode::ResumeDialog,
                Some(HomeDialog::ConfirmDiscard) => Mode::DiscardDialog,
                None => Mode::Home,
            },
            Route::Support => Mode::Support,
            Route::CheckIn => match &self.checkin {
                Some(c) if c.dialog == Some(checkin::Dialog::ConfirmDiscard) => Mode::DiscardDialog,
                Some(c) if c.dialog.is_some() => Mode::LeaveDialog,
                Some(c) if c.note.is_some() => Mode::TriggerNote,
                Some(c) => Mode::CheckIn(c.step()),
                None => Mode::Home,
            },
            Route::Review => match &self.review {
                Some(r) => Mode::Review(r.mode),
                None => Mode::Home,
            },
            Route::Insights => Mode::Insights,
            Route::Settings if self.settings.takes_text() => Mode::SettingsEditor,
            Route::Settings => Mode::Settings,
            Route::Guide => match self.guide.as_ref().and_then(|g| g.current()) {
                Some(open) => Mode::Guide(match &open.page {
                    guide::Page::Library
                        if self.guide.as_ref().is_some_and(guide::State::takes_text) =>
                    {
                        GuideMode::LibrarySearch
                    }
                    guide::Page::Library => GuideMode::Library,
                    guide::Page::Strategy(_) => GuideMode::Strategy,
                    guide::Page::Learn => GuideMode::Learn,
                    _ => GuideMode::Page,
                }),
                None => Mode::Home,
            },
        }
    }

    fn histories(&self) -> Arc<BTreeMap<String, StrategyHistory>> {
        self.summary
            .as_ref()
            .map_or_else(|| Arc::new(BTreeMap::new()), |s| Arc::clone(&s.histories))
    }

    fn on_settings(&mut self, msg: settings::Msg) -> Vec<Effect> {
        let config = Arc::clone(&self.config);
        match settings::update(&mut self.settings, msg, &self.prefs, &config) {
            settings::Outcome::Stay => NO_EFFECTS,
            settings::Outcome::Back => {
                self.routes = vec![Route::Home];
                NO_EFFECTS
            }
            settings::Outcome::Changed(prefs, text) => {
                self.prefs = *prefs;
                self.theme = Theme::choose(self.prefs.theme, self.ctx.colour_forbidden);
                self.refresh_prompt();
                self.status = Some(Status::Info(text));
                vec![Effect::SavePreferences(self.prefs.clone())]
            }
        }
    }

    /// Opens the guide at `page`, on top of where the person is (Esc comes back).
    pub fn open_guide(&mut self, page: guide::Page) -> Vec<Effect> {
        let in_guide = self.route() == Route::Guide;
        match self.guide.as_mut() {
            Some(g) if in_guide => g.push(page),
            _ => self.guide = Some(guide::State::new(page)),
        }
        self.open(Route::Guide);
        NO_EFFECTS
    }

    fn on_guide(&mut self, msg: guide::Msg) -> Vec<Effect> {
        let histories = self.histories();
        let catalog = Arc::clone(&self.catalog);
        let prefs = self.prefs.clone();
        let size = self.ctx.size;
        let perspective = self.perspective();
        let Some(state) = self.guide.as_mut() else {
            return NO_EFFECTS;
        };
        let ctx = guide::Ctx {
            catalog: &catalog,
            prefs: &prefs,
            perspective,
            histories: &histories,
            size,
        };
        match guide::update(state, msg, ctx) {
            guide::Outcome::Stay => NO_EFFECTS,
            guide::Outcome::Close => {
                self.guide = None;
                self.back();
                NO_EFFECTS
            }
            guide::Outcome::Notice(text) => {
                self.status = Some(Status::Info(text));
                NO_EFFECTS
            }
            guide::Outcome::SavePreferences(prefs, text) => {
                if let Some(why) = &self.ctx.read_only {
                    self.status = Some(Status::Error(format!(
                        "This cannot be kept while the journal is read-only: {why}"
                    )));
                    return NO_EFFECTS;
                }
                self.prefs = prefs;
                self.status = Some(Status::Info(text));
                vec![Effect::SavePreferences(self.prefs.clone())]
            }
        }
    }

    /// The perspective in use.
    pub fn perspective(&self) -> Option<Perspective> {
        self.prefs.perspective()
    }

    fn open(&mut self, route: Route) {
        if self.route() != route {
            self.routes.push(route);
        }
    }

    fn back(&mut self) {
        if self.routes.len() > 1 {
            self.routes.pop();
        }
    }

    fn checkin_ctx(&self) -> (Arc<Catalog>, Preferences, Arc<Vec<Entry>>) {
        let entries = self
            .summary
            .as_ref()
            .map_or_else(|| Arc::new(Vec::new()), |s| Arc::clone(&s.entries));
        (Arc::clone(&self.catalog), self.prefs.clone(), entries)
    }

    /// Opens the check-in on `draft`.
    fn open_checkin(&mut self, draft: CheckInDraft) {
        let (catalog, prefs, entries) = self.checkin_ctx();
        let ctx = checkin::Ctx {
            catalog: &catalog,
            prefs: &prefs,
            entries: &entries,
            today: self.ctx.today,
        };
        self.checkin = Some(checkin::State::new(draft, ctx));
        self.home_dialog = None;
        // A check-in opened from review returns there; one from home returns home.
        self.routes
            .retain(|r| matches!(r, Route::Home | Route::Review));
        if self.routes.is_empty() {
            self.routes.push(Route::Home);
        }
        self.routes.push(Route::CheckIn);
    }

    /// Closes the check-in and goes back to where it was opened from.
    fn close_checkin(&mut self) {
        self.checkin = None;
        self.routes.retain(|r| *r != Route::CheckIn);
        if self.routes.is_empty() {
            self.routes.push(Route::Home);
        }
    }

    fn review_ctx(&self) -> (Arc<Catalog>, Arc<Vec<Entry>>) {
        let entries = self
            .summary
            .as_ref()
            .map_or_else(|| Arc::new(Vec::new()), |s| Arc::clone(&s.entries));
        (Arc::clone(&self.catalog), entries)
    }

    fn review_page(&self) -> usize {
        usize::from(self.ctx.size.1.saturating_sub(7)).max(1)
    }

    /// Opens review (`r` on home, or `closer review`).
    pub fn open_review(&mut self) -> Vec<Effect> {
        if self.summary.is_none() {
            self.status = Some(Status::Info("Still reading your journal…".into()));
            return NO_EFFECTS;
        }
        let (catalog, entries) = self.review_ctx();
        let ctx = review::Ctx {
            entries: &entries,
            catalog: &catalog,
            today: self.ctx.today,
            page: self.review_page(),
        };
        self.review = Some(review::State::new(ctx));
        self.routes = vec![Route::Home, Route::Review];
        NO_EFFECTS
    }

    fn on_review(&mut self, msg: review::Msg) -> Vec<Effect> {
        let (catalog, entries) = self.review_ctx();
        let page = self.review_page();
        let Some(state) = self.review.as_mut() else {
            return NO_EFFECTS;
        };
        let ctx = review::Ctx {
            entries: &entries,
            catalog: &catalog,
            today: self.ctx.today,
            page,
        };
        match review::update(state, msg, ctx) {
            review::Outcome::Stay => NO_EFFECTS,
            review::Outcome::Back => {
                self.review = None;
                self.routes = vec![Route::Home];
                NO_EFFECTS
            }
            review::Outcome::Notice(text) => {
                self.status = Some(Status::Info(text));
                NO_EFFECTS
            }
            review::Outcome::Edit(entry) => self.edit_entry(&entry),
            review::Outcome::Delete(entry) => {
                if let Some(why) = &self.ctx.read_only {
                    self.status = Some(Status::Error(format!(
                        "Entries cannot be deleted while the journal is read-only: {why}"
                    )));
                    return NO_EFFECTS;
                }
                vec![Effect::DeleteEntry(entry)]
            }
            review::Outcome::Undo(path) | review::Outcome::Restore(path) => {
                vec![Effect::RestoreEntry(path)]
            }
            review::Outcome::LoadTrash => vec![Effect::LoadTrash],
            review::Outcome::OpenLinks(entry) => self.open_guide(guide::Page::EntryLinks(entry)),
            review::Outcome::EmptyTrash(paths) => vec![Effect::PurgeTrash(paths)],
        }
    }

    /// Begins a check-in: offers an unfinished one first, if there is one.
    pub fn start_checkin(&mut self) -> Vec<Effect> {
        if let Some(why) = &self.ctx.read_only {
            self.status = Some(Status::Error(format!(
                "A check-in cannot be saved while the journal is read-only: {why}"
            )));
            return NO_EFFECTS;
        }
        if self.pending_draft.is_some() {
            self.routes = vec![Route::Home];
            self.home_dialog = Some(HomeDialog::Resume);
            return NO_EFFECTS;
        }
        let draft = CheckInDraft::new(self.ctx.now, self.perspective());
        self.open_checkin(draft);
        NO_EFFECTS
    }

    /// Reopens a saved entry in the check-in, filled in (used by review to edit an entry).
    pub fn edit_entry(&mut self, entry: &Entry) -> Vec<Effect> {
        if let Some(why) = &self.ctx.read_only {
            self.status = Some(Status::Error(format!(
                "Entries cannot be changed while the journal is read-only: {why}"
            )));
            return NO_EFFECTS;
        }
        let draft = CheckInDraft::editing(entry, self.ctx.now);
        self.open_checkin(draft.clone());
        vec![Effect::SaveDraft(Box::new(draft))]
    }

    /// Brings the check-in's draft up to date with its text areas (after a burst of keys).
    pub fn flush(&mut self) {
        if let Some(c) = self.checkin.as_mut() {
            c.flush();
        }
    }

    /// Applies a message; returns the work it asks for.
    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        match msg {
            Msg::Action(action) => return self.on_action(action),
            Msg::Input(input) if !self.help => {
                return match self.route() {
                    Route::Review => self.on_review(review::Msg::Input(input)),
                    Route::Guide => self.on_guide(guide::Msg::Input(input)),
                    Route::Settings => self.on_settings(settings::Msg::Input(input)),
                    _ => self.on_checkin(checkin::Msg::Input(input)),
                };
            }
            Msg::Paste(text) if !self.help => {
                return match self.route() {
                    Route::Review => self.on_review(review::Msg::Paste(text)),
                    Route::Guide => self.on_guide(guide::Msg::Paste(text)),
                    Route::Settings => self.on_settings(settings::Msg::Paste(text)),
                    _ => self.on_checkin(checkin::Msg::Paste(text)),
                };
            }
            Msg::Input(_) | Msg::Paste(_) => {}
            Msg::Edited(target, text) => {
                return self.on_checkin(checkin::Msg::Edited(target, text));
            }
            Msg::Resize { width, height } => self.ctx.size = (width, height),
            Msg::Tick { now } => {
                self.ctx.now = now;
                let mut effects = Vec::new();
                // A pause in typing: keep what was typed.
                if let Some(c) = self.checkin.as_mut()
                    && c.dirty
                {
                    c.flush();
                    c.dirty = false;
                    effects.push(Effect::SaveDraft(Box::new(c.draft.clone())));
                }
                let today = now.date_naive();
                if today != self.ctx.today {
                    self.ctx.today = today;
                    self.refresh_prompt();
                    effects.push(Effect::LoadJournal);
                }
                return effects;
            }
            Msg::Loaded(summary) => {
                self.summary = Some(summary);
                self.after_load();
            }
            Msg::Deleted(path, id) => {
                if let Some(review) = self.review.as_mut() {
                    review.last_deleted = Some(path);
                }
                self.status = Some(Status::Info(
                    "The entry is in the trash. Press u to bring it back.".into(),
                ));
                self.change_entries(|entries| entries.retain(|e| e.id != id));
            }
            Msg::Restored(entry) => {
                self.status = Some(Status::Info("The entry is back.".into()));
                self.upsert(*entry);
                let mut effects = Vec::new();
                if self
                    .review
                    .as_ref()
                    .is_some_and(|r| r.mode == review::Mode::Trash)
                {
                    effects.push(Effect::LoadTrash);
                }
                return effects;
            }
            Msg::TrashLoaded(items) => {
                if let Some(review) = self.review.as_mut() {
                    review.trash = items;
                    review.trash_cursor = review
                        .trash_cursor
                        .min(review.trash.len().saturating_sub(1));
                }
            }
            Msg::TrashEmptied(n) => {
                let entries = if n == 1 { "entry was" } else { "entries were" };
                self.status = Some(Status::Info(format!("{n} {entries} removed for good.")));
                if let Some(review) = self.review.as_mut() {
                    review.last_deleted = None;
                }
                return vec![Effect::LoadTrash];
            }
            Msg::DraftFound(draft) => {
                self.pending_draft = Some(*draft);
                // A read-only instance cannot continue it; the one that writes will offer it.
                if self.route() == Route::Home
                    && self.checkin.is_none()
                    && self.ctx.read_only.is_none()
                {
                    self.home_dialog = Some(HomeDialog::Resume);
                }
            }
            Msg::PreferencesSaved | Msg::DraftSaved => {}
            Msg::CheckInSaved(entry) => return self.on_saved(&entry),
            Msg::Failed(text) => self.status = Some(Status::Error(text)),
            Msg::DraftFailed(text) => {
                // Try again at the next pause.
                if let Some(c) = self.checkin.as_mut() {
                    c.dirty = true;
                }
                self.status = Some(Status::Error(text));
            }
        }
        NO_EFFECTS
    }

    /// The effect that writes an open check-in's draft, if there is something to keep.
    fn keep_draft(&mut self) -> Vec<Effect> {
        if let Some(c) = self.checkin.as_mut() {
            c.flush();
        }
        match &mut self.checkin {
            Some(c) if !c.draft.is_empty() => {
                c.dirty = false;
                vec![Effect::SaveDraft(Box::new(c.draft.clone()))]
            }
            _ => NO_EFFECTS,
        }
    }

    /// Changes the entries in memory (after a save, a delete, a restore), keeping them
    /// sorted, and works the figures out again. Reading 100,000 entries again from disk would
    /// take a second; this takes milliseconds.
    fn change_entries(&mut self, change: impl FnOnce(&mut Vec<Entry>)) {
        let Some(summary) = self.summary.as_mut() else {
            return;
        };
        let entries = Arc::make_mut(&mut summary.entries);
        change(entries);
        entries.sort_by(|a, b| (a.date, a.created_at, &a.id).cmp(&(b.date, b.created_at, &b.id)));
        let problems = summary.problem_files;
        *summary = Summary::of(Arc::clone(&summary.entries), self.ctx.today, problems);
        self.after_load();
    }

    /// Adds an entry, or replaces the one with its id.
    fn upsert(&mut self, entry: Entry) {
        self.change_entries(|entries| {
            entries.retain(|e| e.id != entry.id);
            entries.push(entry);
        });
    }

    /// Brings the prompt of the day, review and insights up to date with the entries.
    fn after_load(&mut self) {
        self.refresh_prompt();
        let (catalog, entries) = self.review_ctx();
        let page = self.review_page();
        if let Some(insights) = self.insights.as_mut() {
            insights.reload(&entries, self.ctx.today);
        }
        if let Some(review) = self.review.as_mut() {
            review.reload(review::Ctx {
                entries: &entries,
                catalog: &catalog,
                today: self.ctx.today,
                page,
            });
        }
    }

    fn on_saved(&mut self, entry: &Entry) -> Vec<Effect> {
        self.close_checkin();
        self.pending_draft = None;
        self.status = Some(Status::Info("Your check-in is saved. ✓".into()));
        self.upsert(entry.clone());
        let mut effects = Vec::new();
        // Remember triggers the person named, to offer them next time.
        let mut changed = false;
        for t in &entry.triggers {
            if let TriggerRef::Custom(name) = &t.trigger
                && !self
                    .prefs
                    .custom_triggers
                    .iter()
                    .any(|c| c == name.as_str())
            {
                self.prefs.custom_triggers.push(name.to_string());
                changed = true;
            }
        }
        // Strategies planned from the library were offered in this check-in: done.
        let offered = std::mem::take(&mut self.offered_on_save);
        let before = self.prefs.planned_next.len();
        self.prefs.planned_next.retain(|id| !offered.contains(id));
        changed |= self.prefs.planned_next.len() != before;
        if changed {
            effects.push(Effect::SavePreferences(self.prefs.clone()));
        }
        effects
    }

    fn on_checkin(&mut self, msg: checkin::Msg) -> Vec<Effect> {
        let (catalog, prefs, entries) = self.checkin_ctx();
        let page = usize::from(self.ctx.size.1.saturating_sub(8)).max(1);
        let Some(state) = self.checkin.as_mut() else {
            return NO_EFFECTS;
        };
        let ctx = checkin::Ctx {
            catalog: &catalog,
            prefs: &prefs,
            entries: &entries,
            today: self.ctx.today,
        };
        match checkin::update(state, msg, ctx, page) {
            checkin::Outcome::Stay => NO_EFFECTS,
            checkin::Outcome::SaveDraft => vec![Effect::SaveDraft(Box::new(state.draft.clone()))],
            checkin::Outcome::Notice(text) => {
                self.status = Some(Status::Info(text));
                NO_EFFECTS
            }
            checkin::Outcome::Editor(target, text) => {
                vec![Effect::OpenEditor(target, text, self.prefs.editor.clone())]
            }
            checkin::Outcome::LearnTrigger(id) => self.open_guide(guide::Page::Trigger(id)),
            checkin::Outcome::LearnStrategy(id) => self.open_guide(guide::Page::Strategy(id)),
            checkin::Outcome::Finish => {
                if state.draft.is_empty() {
                    self.status = Some(Status::Info(
                        "There is nothing to save yet: pick a mood, or write something first."
                            .into(),
                    ));
                    return NO_EFFECTS;
                }
                self.offered_on_save = state.suggestions.clone();
                vec![Effect::SaveCheckIn(Box::new(state.draft.clone()))]
            }
            checkin::Outcome::Leave => {
                let draft = state.draft.clone();
                self.close_checkin();
                if draft.is_empty() {
                    self.pending_draft = None;
                    return vec![Effect::DiscardDraft];
                }
                self.status = Some(Status::Info(
                    "Your check-in is kept as a draft. Press c to go on with it.".into(),
                ));
                self.pending_draft = Some(draft.clone());
                vec![Effect::SaveDraft(Box::new(draft))]
            }
            checkin::Outcome::Discard => {
                self.close_checkin();
                self.pending_draft = None;
                self.status = Some(Status::Info("The check-in was discarded.".into()));
                vec![Effect::DiscardDraft]
            }
        }
    }

    fn on_action(&mut self, action: Action) -> Vec<Effect> {
        // Any key press clears an old message.
        self.status = None;
        match action {
            Action::ToggleHelp => {
                self.help = !self.help;
                self.help_scroll = 0;
                return NO_EFFECTS;
            }
            Action::Up if self.help => {
                self.help_scroll = self.help_scroll.saturating_sub(1);
                return NO_EFFECTS;
            }
            Action::Down if self.help => {
                let most = u16::try_from(keymap::bindings(self.screen_mode()).len()).unwrap_or(0);
                self.help_scroll = (self.help_scroll + 1).min(most);
                return NO_EFFECTS;
            }
            // Ctrl-C anywhere (or q on home) quits; a check-in in progress is kept first.
            Action::Quit
                if self.help
                    || matches!(
                        self.route(),
                        Route::Home
                            | Route::CheckIn
                            | Route::Review
                            | Route::Guide
                            | Route::Insights
                            | Route::Settings
                    ) =>
            {
                self.quit = true;
                return self.keep_draft();
            }
            _ if self.help => return NO_EFFECTS,
            _ => {}
        }
        match self.route() {
            Route::FirstRun => match first_run::update(&mut self.first_run, action) {
                first_run::Outcome::Stay => {
                    if action == Action::OpenSupport {
                        self.open(Route::Support);
                    }
                    NO_EFFECTS
                }
                first_run::Outcome::Quit => {
                    self.quit = true;
                    NO_EFFECTS
                }
                first_run::Outcome::Chosen(perspective) => {
                    self.prefs.perspective = Some(perspective.into());
                    self.refresh_prompt();
                    self.routes = vec![Route::Home];
                    let mut effects = vec![Effect::SavePreferences(self.prefs.clone())];
                    if self.checkin_after_first_run {
                        effects.extend(self.start_checkin());
                    }
                    effects
                }
            },
            Route::Home => self.on_home(action),
            Route::Support => {
                match action {
                    Action::Back => self.back(),
                    Action::Quit => {
                        self.quit = true;
                    }
                    _ => {
                        let body = support::body_height(self.ctx.size);
                        support::update(&mut self.support, action, self.ctx.size.0, body);
                    }
                }
                NO_EFFECTS
            }
            Route::CheckIn => self.on_checkin(checkin::Msg::Action(action)),
            Route::Review => self.on_review(review::Msg::Action(action)),
            Route::Guide => self.on_guide(guide::Msg::Action(action)),
            Route::Settings => self.on_settings(settings::Msg::Action(action)),
            Route::Insights => {
                let today = self.ctx.today;
                if let Some(state) = self.insights.as_mut()
                    && insights::update(state, action, today) == insights::Outcome::Back
                {
                    self.insights = None;
                    self.routes = vec![Route::Home];
                }
                NO_EFFECTS
            }
        }
    }

    fn on_home(&mut self, action: Action) -> Vec<Effect> {
        match (self.home_dialog, action) {
            (Some(HomeDialog::Resume), Action::Resume) => {
                if self.ctx.read_only.is_some() {
                    self.home_dialog = None;
                    return self.start_checkin();
                }
                if let Some(draft) = self.pending_draft.take() {
                    self.open_checkin(draft);
                }
                NO_EFFECTS
            }
            (Some(HomeDialog::Resume), Action::Discard) => {
                self.home_dialog = Some(HomeDialog::ConfirmDiscard);
                NO_EFFECTS
            }
            (Some(HomeDialog::Resume), Action::Back) => {
                self.home_dialog = None;
                NO_EFFECTS
            }
            (Some(HomeDialog::ConfirmDiscard), Action::Yes) => {
                self.home_dialog = None;
                self.pending_draft = None;
                self.status = Some(Status::Info(
                    "The unfinished check-in was discarded.".into(),
                ));
                vec![Effect::DiscardDraft]
            }
            (Some(HomeDialog::ConfirmDiscard), Action::No) => {
                self.home_dialog = Some(HomeDialog::Resume);
                NO_EFFECTS
            }
            (Some(_), Action::Quit) => {
                self.quit = true;
                NO_EFFECTS
            }
            (Some(_), _) => NO_EFFECTS,
            (None, Action::StartCheckIn) => self.start_checkin(),
            (None, Action::OpenReview) => self.open_review(),
            (None, Action::OpenSettings) => {
                self.settings = settings::State::default();
                self.routes = vec![Route::Home, Route::Settings];
                NO_EFFECTS
            }
            (None, Action::OpenInsights) => {
                if self.summary.is_none() {
                    self.status = Some(Status::Info("Still reading your journal…".into()));
                    return NO_EFFECTS;
                }
                let (_, entries) = self.review_ctx();
                self.insights = Some(insights::State::new(
                    &entries,
                    self.ctx.today,
                    self.prefs.week_start.weekday(),
                ));
                self.routes = vec![Route::Home, Route::Insights];
                NO_EFFECTS
            }
            (None, Action::OpenLibrary) => {
                self.guide = None;
                self.open_guide(guide::Page::Library)
            }
            (None, Action::OpenLearn) => {
                self.guide = None;
                self.open_guide(guide::Page::Learn)
            }
            (None, Action::OpenSupport) => {
                self.open(Route::Support);
                NO_EFFECTS
            }
            (None, Action::Quit) => {
                self.quit = true;
                NO_EFFECTS
            }
            (None, _) => NO_EFFECTS,
        }
    }

    /// Draws the app. Reads state only.
    pub fn view(&self, frame: &mut Frame) {
        let area = frame.area();
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            frame.render_widget(too_small::TooSmall::new(area, &self.theme), area);
            return;
        }
        match self.route() {
            Route::FirstRun => first_run::view(self, frame, area),
            Route::Home => home::view(self, frame, area),
            Route::Support => support::view(self, frame, area),
            Route::CheckIn => match &self.checkin {
                Some(state) => checkin::view(self, state, frame, area),
                None => home::view(self, frame, area),
            },
            Route::Review => match &self.review {
                Some(state) => review::view(self, state, frame, area),
                None => home::view(self, frame, area),
            },
            Route::Settings => settings::view(self, &self.settings, frame, area),
            Route::Insights => match &self.insights {
                Some(state) => insights::view(self, state, frame, area),
                None => home::view(self, frame, area),
            },
            Route::Guide => match &self.guide {
                Some(state) => {
                    let histories = self.histories();
                    let ctx = guide::Ctx {
                        catalog: &self.catalog,
                        prefs: &self.prefs,
                        perspective: self.perspective(),
                        histories: &histories,
                        size: self.ctx.size,
                    };
                    guide::view(self, state, frame, area, ctx);
                }
                None => home::view(self, frame, area),
            },
        }
        if self.help {
            help::view(self, frame, area);
        }
    }

    /// The keys in force, for the footer and help.
    pub fn bindings(&self) -> Vec<keymap::Binding> {
        keymap::bindings(self.mode())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::test_support::{app_at_home, app_first_run};

    #[test]
    fn first_run_choice_goes_home_and_saves() {
        let mut app = app_first_run();
        assert_eq!(app.route(), Route::FirstRun);
        app.update(Msg::Action(Action::Down));
        let effects = app.update(Msg::Action(Action::Confirm));
        assert_eq!(app.route(), Route::Home);
        assert_eq!(app.perspective(), Some(Perspective::PartnerPullsAway));
        assert_eq!(effects, vec![Effect::SavePreferences(app.prefs.clone())]);
    }

    #[test]
    fn digits_choose_directly() {
        let mut app = app_first_run();
        let effects = app.update(Msg::Action(Action::Choose(1)));
        assert_eq!(app.perspective(), Some(Perspective::IPullAway));
        assert_eq!(effects.len(), 1);
    }

    #[test]
    fn support_opens_and_esc_goes_back() {
        let mut app = app_at_home();
        app.update(Msg::Action(Action::OpenSupport));
        assert_eq!(app.route(), Route::Support);
        app.update(Msg::Action(Action::OpenSupport));
        assert_eq!(
            app.routes.len(),
            2,
            "opening the same screen twice does not stack it"
        );
        app.update(Msg::Action(Action::Back));
        assert_eq!(app.route(), Route::Home);
        app.update(Msg::Action(Action::Back));
        assert_eq!(app.route(), Route::Home, "Esc on home stays home");
        assert!(!app.quit);
    }

    #[test]
    fn q_quits_only_from_home() {
        let mut app = app_at_home();
        app.update(Msg::Action(Action::OpenSupport));
        app.update(Msg::Action(Action::Back));
        assert!(!app.quit);
        app.update(Msg::Action(Action::Quit));
        assert!(app.quit);
    }

    #[test]
    fn help_swallows_other_actions_and_closes() {
        let mut app = app_at_home();
        app.update(Msg::Action(Action::ToggleHelp));
        assert_eq!(app.mode(), Mode::Help);
        app.update(Msg::Action(Action::OpenSupport));
        assert_eq!(app.route(), Route::Home);
        app.update(Msg::Action(Action::ToggleHelp));
        assert_eq!(app.mode(), Mode::Home);
    }

    #[test]
    fn a_failure_shows_until_the_next_key() {
        let mut app = app_at_home();
        app.update(Msg::Failed("cannot save".into()));
        assert_eq!(app.status, Some(Status::Error("cannot save".into())));
        app.update(Msg::Action(Action::ToggleHelp));
        assert_eq!(app.status, None);
    }

    #[test]
    fn ticks_move_the_date() {
        let mut app = app_at_home();
        let tomorrow = app.ctx.now + chrono::Duration::days(1);
        assert_eq!(
            app.update(Msg::Tick { now: tomorrow }),
            vec![Effect::LoadJournal]
        );
        assert_eq!(app.ctx.today, tomorrow.date_naive());
        assert_eq!(app.update(Msg::Tick { now: tomorrow }), vec![]);
    }

    fn act(app: &mut App, action: Action) -> Vec<Effect> {
        app.update(Msg::Action(action))
    }

    fn typed(app: &mut App, text: &str) {
        for c in text.chars() {
            app.update(Msg::Input(Input {
                key: ratatui_textarea::Key::Char(c),
                ..Input::default()
            }));
        }
    }

    #[test]
    fn c_starts_a_check_in_and_ctrl_s_saves_it() {
        let mut app = app_at_home();
        act(&mut app, Action::StartCheckIn);
        assert_eq!(app.route(), Route::CheckIn);
        assert_eq!(app.mode(), Mode::CheckIn(Step::Scales));
        // An empty check-in is not saved.
        assert_eq!(act(&mut app, Action::Save), vec![]);
        assert!(matches!(app.status, Some(Status::Info(_))));
        act(&mut app, Action::Choose(4));
        let effects = act(&mut app, Action::Save);
        let [Effect::SaveCheckIn(draft)] = &effects[..] else {
            panic!("{effects:?}");
        };
        assert_eq!(draft.mood.map(|m| m.get()), Some(4));
        let entry = draft.finish(app.ctx.now);
        let before = app.entries().len();
        let effects = app.update(Msg::CheckInSaved(Box::new(entry.clone())));
        assert_eq!(app.route(), Route::Home);
        assert!(app.checkin.is_none());
        assert_eq!(effects, vec![], "no reading of the whole journal again");
        assert_eq!(app.entries().len(), before + 1);
        assert_eq!(app.entries().last().map(|e| &e.id), Some(&entry.id));
        let summary = app.summary.as_ref().unwrap();
        assert!(summary.checked_in_today);
        assert_eq!(summary.streak, 13, "twelve days before and today");
        // Saving the same entry again (an edit) replaces it.
        app.update(Msg::CheckInSaved(Box::new(entry)));
        assert_eq!(app.entries().len(), before + 1);
    }

    #[test]
    fn deletes_and_restores_change_the_entries_in_memory() {
        let mut app = app_at_home();
        let gone = app.entries()[5].clone();
        app.update(Msg::Deleted("/trash/x.json".into(), gone.id.clone()));
        assert!(app.entries().iter().all(|e| e.id != gone.id));
        app.update(Msg::Restored(Box::new(gone.clone())));
        assert_eq!(app.entries()[5], gone, "back in its place");
    }

    #[test]
    fn moving_between_steps_writes_the_draft() {
        let mut app = app_at_home();
        act(&mut app, Action::StartCheckIn);
        let effects = act(&mut app, Action::Next);
        assert!(matches!(&effects[..], [Effect::SaveDraft(d)] if d.step == Step::Emotions));
        let effects = act(&mut app, Action::Prev);
        assert!(matches!(&effects[..], [Effect::SaveDraft(d)] if d.step == Step::Scales));
    }

    #[test]
    fn a_pause_in_typing_writes_the_draft_once() {
        let mut app = app_at_home();
        act(&mut app, Action::StartCheckIn);
        for _ in 0..4 {
            act(&mut app, Action::Next);
        }
        assert_eq!(app.mode(), Mode::CheckIn(Step::Reflect));
        typed(&mut app, "I went quiet");
        let now = app.ctx.now;
        let effects = app.update(Msg::Tick { now });
        let [Effect::SaveDraft(d)] = &effects[..] else {
            panic!("{effects:?}");
        };
        assert_eq!(d.responses[0].answer, "I went quiet");
        assert_eq!(app.update(Msg::Tick { now }), vec![], "nothing new typed");
    }

    #[test]
    fn ctrl_c_in_a_check_in_keeps_the_draft_and_quits() {
        let mut app = app_at_home();
        act(&mut app, Action::StartCheckIn);
        act(&mut app, Action::Choose(2));
        let effects = act(&mut app, Action::Quit);
        assert!(app.quit);
        assert!(matches!(&effects[..], [Effect::SaveDraft(d)] if d.mood.is_some()));
    }

    #[test]
    fn esc_asks_then_keeps_the_draft_and_c_offers_to_resume() {
        let mut app = app_at_home();
        act(&mut app, Action::StartCheckIn);
        act(&mut app, Action::Choose(3));
        act(&mut app, Action::Back);
        assert_eq!(app.mode(), Mode::LeaveDialog);
        act(&mut app, Action::Back);
        assert_eq!(
            app.mode(),
            Mode::CheckIn(Step::Scales),
            "Esc in the dialog stays"
        );
        act(&mut app, Action::Back);
        let effects = act(&mut app, Action::KeepAndLeave);
        assert!(matches!(&effects[..], [Effect::SaveDraft(_)]));
        assert_eq!(app.route(), Route::Home);
        act(&mut app, Action::StartCheckIn);
        assert_eq!(app.mode(), Mode::ResumeDialog);
        act(&mut app, Action::Resume);
        assert_eq!(app.mode(), Mode::CheckIn(Step::Scales));
        assert_eq!(
            app.checkin.as_ref().unwrap().draft.mood.map(|m| m.get()),
            Some(3)
        );
    }

    #[test]
    fn a_found_draft_is_offered_and_discarding_asks_twice() {
        let mut app = app_at_home();
        let mut draft = CheckInDraft::new(app.ctx.now, None);
        draft.notes = "half a thought".into();
        app.update(Msg::DraftFound(Box::new(draft)));
        assert_eq!(app.mode(), Mode::ResumeDialog);
        assert_eq!(act(&mut app, Action::Discard), vec![]);
        assert_eq!(app.mode(), Mode::DiscardDialog);
        act(&mut app, Action::No);
        assert_eq!(app.mode(), Mode::ResumeDialog);
        act(&mut app, Action::Discard);
        assert_eq!(act(&mut app, Action::Yes), vec![Effect::DiscardDraft]);
        assert_eq!(app.mode(), Mode::Home);
        assert!(app.pending_draft.is_none());
    }

    #[test]
    fn discarding_from_the_leave_dialog_removes_the_draft() {
        let mut app = app_at_home();
        act(&mut app, Action::StartCheckIn);
        act(&mut app, Action::Choose(3));
        act(&mut app, Action::Back);
        assert_eq!(
            act(&mut app, Action::Discard),
            vec![],
            "discarding asks once more"
        );
        assert_eq!(app.mode(), Mode::DiscardDialog);
        act(&mut app, Action::No);
        assert_eq!(app.mode(), Mode::LeaveDialog);
        act(&mut app, Action::Discard);
        assert_eq!(act(&mut app, Action::Yes), vec![Effect::DiscardDraft]);
        assert_eq!(app.route(), Route::Home);
        assert!(app.pending_draft.is_none());
    }

    #[test]
    fn editing_an_entry_reopens_the_flow_filled_in() {
        let mut app = app_at_home();
        let mut entry = app.entries()[3].clone();
        entry.notes = "what I wrote then".into();
        let effects = app.edit_entry(&entry);
        assert_eq!(effects.len(), 1);
        let state = app.checkin.as_ref().unwrap();
        assert!(state.draft.is_edit());
        assert_eq!(state.draft.notes, "what I wrote then");
        let saved = state.draft.finish(app.ctx.now);
        assert_eq!(saved.id, entry.id);
        assert_eq!(saved.date, entry.date);
        assert_eq!(saved.created_at, entry.created_at);
        assert_ne!(saved.updated_at, entry.updated_at);
    }

    #[test]
    fn a_read_only_journal_refuses_a_check_in_and_says_why() {
        let mut app = app_at_home();
        app.ctx.read_only = Some("another closer has this journal open.".into());
        act(&mut app, Action::StartCheckIn);
        assert_eq!(app.route(), Route::Home);
        assert!(matches!(&app.status, Some(Status::Error(t)) if t.contains("read-only")));
    }

    #[test]
    fn custom_triggers_are_remembered_after_saving() {
        let mut app = app_at_home();
        let mut entry = app.entries()[0].clone();
        entry.triggers.push(crate::journal::TriggerLog {
            trigger: TriggerRef::Custom(crate::journal::Name::try_from("money talk").unwrap()),
            intensity: None,
            note: String::new(),
        });
        let effects = app.update(Msg::CheckInSaved(Box::new(entry)));
        assert!(effects.iter().any(
            |e| matches!(e, Effect::SavePreferences(p) if p.custom_triggers == ["money talk"])
        ));
    }

    #[test]
    fn the_guide_opens_from_home_check_in_and_review_and_esc_comes_back() {
        let mut app = app_at_home();
        act(&mut app, Action::OpenLibrary);
        assert_eq!(app.mode(), Mode::Guide(GuideMode::Library));
        act(&mut app, Action::Back);
        assert_eq!(app.route(), Route::Home);
        act(&mut app, Action::OpenLearn);
        assert_eq!(app.mode(), Mode::Guide(GuideMode::Learn));
        act(&mut app, Action::Back);

        // From the triggers step of a check-in, and back to it as it was.
        act(&mut app, Action::StartCheckIn);
        act(&mut app, Action::Choose(2));
        act(&mut app, Action::Next);
        act(&mut app, Action::Next);
        assert_eq!(app.mode(), Mode::CheckIn(Step::Triggers));
        act(&mut app, Action::LearnMore);
        assert_eq!(app.mode(), Mode::Guide(GuideMode::Page));
        act(&mut app, Action::Back);
        assert_eq!(app.mode(), Mode::CheckIn(Step::Triggers));
        assert_eq!(
            app.checkin.as_ref().unwrap().draft.mood.map(|m| m.get()),
            Some(2)
        );

        // From an entry in review.
        act(&mut app, Action::Quit);
        let mut app = app_at_home();
        act(&mut app, Action::OpenReview);
        act(&mut app, Action::Confirm);
        act(&mut app, Action::OpenLinks);
        assert_eq!(app.mode(), Mode::Guide(GuideMode::Page));
        act(&mut app, Action::Back);
        assert_eq!(app.mode(), Mode::Review(review::Mode::Detail));
    }

    #[test]
    fn planned_strategies_are_offered_first_then_cleared_once_offered() {
        let mut app = app_at_home();
        app.prefs.planned_next = vec!["take-it-slow".into()];
        act(&mut app, Action::StartCheckIn);
        for _ in 0..5 {
            act(&mut app, Action::Next);
        }
        assert_eq!(app.mode(), Mode::CheckIn(Step::Strategies));
        assert_eq!(app.checkin.as_ref().unwrap().suggestions[0], "take-it-slow");
        act(&mut app, Action::Toggle);
        let effects = act(&mut app, Action::Save);
        let [Effect::SaveCheckIn(draft)] = &effects[..] else {
            panic!("{effects:?}");
        };
        let entry = draft.finish(app.ctx.now);
        let effects = app.update(Msg::CheckInSaved(Box::new(entry)));
        assert!(app.prefs.planned_next.is_empty());
        assert!(
            effects
                .iter()
                .any(|e| matches!(e, Effect::SavePreferences(p) if p.planned_next.is_empty()))
        );
    }

    #[test]
    fn a_failed_save_keeps_the_check_in_open() {
        let mut app = app_at_home();
        act(&mut app, Action::StartCheckIn);
        act(&mut app, Action::Choose(4));
        act(&mut app, Action::Save);
        app.update(Msg::Failed(
            "The check-in could not be saved: the disk is full.".into(),
        ));
        assert_eq!(app.route(), Route::CheckIn);
        assert_eq!(
            app.checkin.as_ref().unwrap().draft.mood.map(|m| m.get()),
            Some(4)
        );
        assert!(matches!(app.status, Some(Status::Error(_))));
    }
}
