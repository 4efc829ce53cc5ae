//! The application: which screen is open, what it knows, and how messages change it.
//!
//! `update` is pure: no files, no clock, no terminal. It returns `Effect`s, which the event loop
//! carries out against the store and answers with result messages.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;
use ratatui::Frame;

use crate::content::{Catalog, Prompt};
use crate::journal::{Perspective, Preferences};

use super::keymap::{self, Action};
use super::screens::{first_run, help, home, support};
use super::theme::Theme;
use super::widgets::too_small;

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
}

/// The figures home shows, read from the journal after the first frame.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Prompt ids answered in the days before today (for the prompt of the day).
    pub recently_answered: HashSet<String>,
    /// Entries in the journal.
    pub entries: usize,
    /// Whether there is an entry today.
    pub checked_in_today: bool,
    /// The current streak in days.
    pub streak: u32,
    /// Files with problems worth a look (errors and warnings).
    pub problem_files: usize,
}

/// A message shown in the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Something worth knowing.
    Info(String),
    /// Something failed; says what and what to do.
    Error(String),
}

/// Everything that can happen to the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// A bound key was pressed.
    Action(Action),
    /// The terminal has a new size.
    Resize { width: u16, height: u16 },
    /// Time passed; `today` is the local date now.
    Tick { today: NaiveDate },
    /// The journal was read.
    Loaded(Summary),
    /// The preferences were saved.
    PreferencesSaved,
    /// An effect failed; the text says what happened and what to do.
    Failed(String),
}

/// Work for the event loop.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write the preferences to the store.
    SavePreferences(Preferences),
    /// Read the journal again (a new day began).
    LoadJournal,
}

/// Facts about this run that screens show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    /// The local date.
    pub today: NaiveDate,
    /// The data folder, shown at first run.
    pub data_dir: PathBuf,
    /// Why the journal is read-only, if it is.
    pub read_only: Option<String>,
    /// The terminal size.
    pub size: (u16, u16),
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
    /// The first-run screen.
    pub first_run: first_run::State,
    /// The Support screen.
    pub support: support::State,
    /// The status line.
    pub status: Option<Status>,
    /// The colours.
    pub theme: Theme,
    /// Set when the app should end.
    pub quit: bool,
}

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
            first_run: first_run::State::default(),
            support: support::State::default(),
            status: None,
            theme,
            quit: false,
        };
        app.refresh_prompt();
        app
    }

    /// Chooses today's question again (after the date, the perspective or the journal changed).
    fn refresh_prompt(&mut self) {
        let empty = HashSet::new();
        let recent = self
            .summary
            .as_ref()
            .map_or(&empty, |s| &s.recently_answered);
        self.today_prompt = self
            .catalog
            .prompt_of_the_day_avoiding(self.ctx.today, self.perspective(), recent)
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

    /// What keys mean on the screen itself, under any overlay.
    pub fn screen_mode(&self) -> Mode {
        match self.route() {
            Route::FirstRun => Mode::FirstRun,
            Route::Home => Mode::Home,
            Route::Support => Mode::Support,
        }
    }

    /// The perspective in use.
    pub fn perspective(&self) -> Option<Perspective> {
        self.prefs.perspective
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

    /// Applies a message; returns the work it asks for.
    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        match msg {
            Msg::Action(action) => return self.on_action(action),
            Msg::Resize { width, height } => self.ctx.size = (width, height),
            Msg::Tick { today } => {
                if today != self.ctx.today {
                    self.ctx.today = today;
                    self.refresh_prompt();
                    return vec![Effect::LoadJournal];
                }
            }
            Msg::Loaded(summary) => {
                self.summary = Some(summary);
                self.refresh_prompt();
            }
            Msg::PreferencesSaved => {}
            Msg::Failed(text) => self.status = Some(Status::Error(text)),
        }
        Vec::new()
    }

    fn on_action(&mut self, action: Action) -> Vec<Effect> {
        // Any key press clears an old message.
        self.status = None;
        match action {
            Action::ToggleHelp => {
                self.help = !self.help;
                return Vec::new();
            }
            Action::Quit if self.help || self.route() == Route::Home => {
                self.quit = true;
                return Vec::new();
            }
            _ if self.help => return Vec::new(),
            Action::OpenSupport => {
                self.open(Route::Support);
                return Vec::new();
            }
            Action::Back => {
                self.back();
                return Vec::new();
            }
            _ => {}
        }
        match self.route() {
            Route::FirstRun => match first_run::update(&mut self.first_run, action) {
                first_run::Outcome::Stay => Vec::new(),
                first_run::Outcome::Quit => {
                    self.quit = true;
                    Vec::new()
                }
                first_run::Outcome::Chosen(perspective) => {
                    self.prefs.perspective = Some(perspective);
                    self.refresh_prompt();
                    self.routes = vec![Route::Home];
                    vec![Effect::SavePreferences(self.prefs.clone())]
                }
            },
            Route::Home => {
                if action == Action::Quit {
                    self.quit = true;
                }
                Vec::new()
            }
            Route::Support => {
                let body = support::body_height(self.ctx.size);
                support::update(&mut self.support, action, self.ctx.size.0, body);
                Vec::new()
            }
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
        let tomorrow = app.ctx.today.succ_opt().unwrap();
        assert_eq!(
            app.update(Msg::Tick { today: tomorrow }),
            vec![Effect::LoadJournal]
        );
        assert_eq!(app.ctx.today, tomorrow);
        assert_eq!(app.update(Msg::Tick { today: tomorrow }), vec![]);
    }
}
