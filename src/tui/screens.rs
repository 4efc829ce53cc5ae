//! Every screen, each a module with its state, its keys, its update and its view (the
//! contract is in `screen.rs`). [`Screen`] lists them all, here and nowhere else: adding a
//! screen is its module, one variant, its `MODES` in [`all_keys`], and the [`Open`] that opens
//! it; the compiler points at each `match` below.

pub mod checkin;
pub mod confirm;
pub mod first_run;
pub mod guide;
pub mod help;
pub mod home;
pub mod insights;
pub mod lock;
pub mod look_back;
pub mod report;
pub mod review;
pub mod save_text;
pub mod settings;
pub mod support;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::journal::draft::CheckInDraft;

use super::keys::{self, Binding};
use super::screen::{Cmd, Ctx, LastLayout, Msg, Open, Question, Typing, ViewCx};
use super::session::Session;

/// Builds the screen `open` asks for, on the session.
pub fn open(open: Open, session: &Session) -> Screen {
    match open {
        Open::Home => Screen::Home(home::State),
        Open::Support => Screen::Support(support::State::default()),
        Open::Settings => Screen::Settings(settings::State::default()),
        Open::CheckIn(draft) => Screen::CheckIn(Box::new(checkin::State::new(*draft, session))),
        Open::Review => Screen::Review(Box::new(review::State::new(session))),
        Open::ReviewDay(day) => Screen::Review(Box::new(review::State::on_day(session, day))),
        Open::Insights => Screen::Insights(Box::new(insights::State::new(
            &session.entries_arc(),
            session.today,
            session.prefs.week_start.weekday(),
        ))),
        Open::Guide(page) => Screen::Guide(guide::State::new(page)),
        Open::Ask(question, title, lines) => {
            Screen::Confirm(confirm::State::new(question, &title, &lines))
        }
        Open::SaveText(text, asked) => {
            Screen::SaveText(save_text::State::new(text, asked, session))
        }
        Open::LookBack(entry) => {
            let state = match entry {
                None => look_back::State::due(session),
                Some(id) => look_back::State::of_entry(session, &id),
            };
            Screen::LookBack(Box::new(state.unwrap_or_default()))
        }
        Open::Report(window, filter) => {
            Screen::Report(Box::new(report::State::new(window, *filter, session)))
        }
    }
}

/// The own key table of every mode of every screen, named, in the order a person meets them,
/// with whether `?` help is added to it (dialogs that take text have none). The keys that work
/// everywhere ([`keys::GLOBAL`]) are not repeated in them. The manual's KEYS section is made
/// from these. A new screen adds its `MODES` here.
pub fn key_tables() -> impl Iterator<Item = (&'static str, &'static [Binding], bool)> {
    let screens: [&[(&str, &[Binding])]; 13] = [
        lock::MODES,
        first_run::MODES,
        home::MODES,
        support::MODES,
        checkin::MODES,
        look_back::MODES,
        review::MODES,
        guide::MODES,
        insights::MODES,
        report::MODES,
        settings::MODES,
        help::MODES,
        save_text::MODES,
    ];
    let dialogs = checkin::DIALOG_MODES.iter().map(|&(n, t)| (n, t, false));
    screens
        .into_iter()
        .flat_map(|modes| modes.iter().map(|&(n, t)| (n, t, true)))
        .chain(dialogs)
}

/// Every key table of every screen in every mode, composed as the app composes them, with a
/// name for each (for tests that check all key tables).
pub fn all_keys() -> Vec<(String, Vec<Binding>)> {
    let mut all: Vec<(String, Vec<Binding>)> = key_tables()
        .map(|(name, table, help)| (name.to_owned(), keys::compose(table, help)))
        .collect();
    all.extend(
        Question::ALL
            .iter()
            .map(|q| (format!("{q:?}"), keys::compose(confirm::keys(*q), false))),
    );
    all
}

/// Every screen there is.
#[derive(Debug, Clone)]
pub enum Screen {
    /// Which perspective fits.
    FirstRun(first_run::State),
    /// Home.
    Home(home::State),
    /// Where to find support.
    Support(support::State),
    /// The check-in.
    CheckIn(Box<checkin::State>),
    /// The journal's past.
    Review(Box<review::State>),
    /// The strategy library and Learn.
    Guide(guide::State),
    /// Patterns over time.
    Insights(Box<insights::State>),
    /// Settings.
    Settings(settings::State),
    /// The `?` overlay: the keys of the screen beneath.
    Help(help::State),
    /// A question, over the screen that asked it.
    Confirm(confirm::State),
    /// Where to save words that cannot be kept as a draft.
    SaveText(save_text::State),
    /// What goes in a report.
    Report(Box<report::State>),
    /// Predictions to look back on.
    LookBack(Box<look_back::State>),
    /// The quick hide and the passphrase prompt.
    Lock(Box<lock::State>),
}

impl Screen {
    /// The screen's own key table in its current mode.
    fn table(&self) -> &'static [Binding] {
        match self {
            Screen::FirstRun(_) => first_run::KEYS,
            Screen::Home(_) => home::KEYS,
            Screen::Support(s) => support::keys(s),
            Screen::CheckIn(s) => checkin::keys(s),
            Screen::Review(s) => review::keys(s),
            Screen::Guide(s) => guide::keys(s),
            Screen::Insights(s) => insights::keys(s),
            Screen::Settings(s) => settings::keys(s),
            Screen::Help(_) => help::KEYS,
            Screen::Confirm(s) => confirm::keys(s.question),
            Screen::SaveText(_) => save_text::KEYS,
            Screen::Report(_) => report::KEYS,
            Screen::LookBack(_) => look_back::KEYS,
            Screen::Lock(s) => lock::keys(s),
        }
    }

    /// The keys in force: the screen's own, `?` for help unless it is a dialog, and Ctrl-C.
    pub fn keys(&self) -> Vec<Binding> {
        let dialog = matches!(self, Screen::Confirm(_) | Screen::Lock(_))
            || matches!(self, Screen::CheckIn(s) if s.writing_note());
        keys::compose(self.table(), !dialog)
    }

    /// Whether, and how, unbound keys are typed.
    pub fn typing(&self) -> Typing {
        match self {
            Screen::CheckIn(s) => checkin::typing(s),
            Screen::Review(s) if s.mode.takes_text() => Typing::Field,
            Screen::Guide(s) if s.takes_text() => Typing::Field,
            Screen::Settings(s) if s.takes_text() => Typing::Field,
            Screen::SaveText(_) | Screen::LookBack(_) | Screen::Lock(_) => Typing::Field,
            _ => Typing::No,
        }
    }

    /// Applies a message; returns what the app should do.
    pub fn update(&mut self, msg: Msg, cx: &Ctx) -> Cmd {
        match self {
            Screen::FirstRun(s) => first_run::update(s, msg, cx),
            Screen::Home(s) => home::update(s, msg, cx),
            Screen::Support(s) => support::update(s, msg, cx),
            Screen::CheckIn(s) => checkin::update(s, msg, cx),
            Screen::Review(s) => review::update(s, msg, cx),
            Screen::Guide(s) => guide::update(s, msg, cx),
            Screen::Insights(s) => insights::update(s, msg, cx),
            Screen::Settings(s) => settings::update(s, msg, cx),
            Screen::Help(s) => help::update(s, msg, cx),
            Screen::Confirm(s) => confirm::update(s, msg, cx),
            Screen::SaveText(s) => save_text::update(s, msg, cx),
            Screen::Report(s) => report::update(s, msg, cx),
            Screen::LookBack(s) => look_back::update(s, msg, cx),
            Screen::Lock(s) => lock::update(s, msg, cx),
        }
    }

    /// Draws the screen in `area`, recording what it laid out in `layout`.
    pub fn view(&self, cx: &ViewCx, frame: &mut Frame, area: Rect, layout: &mut LastLayout) {
        match self {
            Screen::FirstRun(s) => first_run::view(s, cx, frame, area, layout),
            Screen::Home(s) => home::view(s, cx, frame, area, layout),
            Screen::Support(s) => support::view(s, cx, frame, area, layout),
            Screen::CheckIn(s) => checkin::view(s, cx, frame, area, layout),
            Screen::Review(s) => review::view(s, cx, frame, area, layout),
            Screen::Guide(s) => guide::view(s, cx, frame, area, layout),
            Screen::Insights(s) => insights::view(s, cx, frame, area, layout),
            Screen::Settings(s) => settings::view(s, cx, frame, area, layout),
            Screen::Help(s) => help::view(s, cx, frame, area, layout),
            Screen::Confirm(s) => confirm::view(s, cx, frame, area, layout),
            Screen::SaveText(s) => save_text::view(s, cx, frame, area, layout),
            Screen::Report(s) => report::view(s, cx, frame, area, layout),
            Screen::LookBack(s) => look_back::view(s, cx, frame, area, layout),
            Screen::Lock(s) => lock::view(s, cx, frame, area, layout),
        }
    }

    /// Whether it is drawn over the screen beneath (help, dialogs) rather than alone.
    pub fn is_overlay(&self) -> bool {
        matches!(self, Screen::Help(_) | Screen::Confirm(_))
    }

    /// A check-in whose text is not on disk yet, brought up to date with its text fields.
    pub fn unsaved(&mut self) -> Option<&CheckInDraft> {
        match self {
            Screen::CheckIn(s) => Some(s.flushed_draft()),
            _ => None,
        }
    }
}
