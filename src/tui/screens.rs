//! Every screen, each a module with its state, its keys, its update and its view (the
//! contract is in `screen.rs`). The [`screens!`] list below names them all, here and nowhere
//! else: it makes the [`Screen`] enum, [`open`], [`needs_journal`], [`key_tables`] and every
//! `match` over the screens. A screen says itself, in its module, whether it takes typed text
//! (`typing`) and whether it needs the journal read (`NEEDS_JOURNAL`).

pub mod break_back;
pub mod checkin;
pub mod confirm;
pub mod first_run;
pub mod guide;
pub mod help;
pub mod home;
pub mod insights;
pub mod ladders;
pub mod lock;
pub mod look_back;
pub mod report;
pub mod review;
pub mod save_text;
pub mod settings;
pub mod support;
pub mod week_card;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::journal::draft::CheckInDraft;

use super::keys::{self, Binding};
use super::screen::{Cmd, Ctx, LastLayout, Msg, Open, Question, Typing, ViewCx};
use super::session::Session;

// Review's entry and trash are screens of their own, kept with review (they share its code).
use review::{entry as review_entry, trash as review_trash};

/// Makes, from the list of screens, the [`Screen`] enum and everything that matches on it.
///
/// Each line: the variant and its state, `=` its module (which has `MODES`, `keys`, `typing`,
/// `update`, `view` and `NEEDS_JOURNAL`), then in braces the [`Open`]s that open it and how
/// its state is built from them (on `session`). After the braces, optionally: `overlay` (drawn
/// over the screen beneath) and `no_help` (a dialog: no `?` help added to its keys), or
/// `help:` a test of its state.
macro_rules! screens {
    (
        $session:ident;
        $(
            $(#[doc = $doc:literal])*
            $variant:ident($state:ty) = $module:ident
            { $($open:pat => $build:expr),* $(,)? }
            $(overlay $overlay:literal)?
            $(help: $help:expr)?
            ;
        )*
    ) => {
        /// Every screen there is.
        #[derive(Debug, Clone)]
        pub enum Screen {
            $( $(#[doc = $doc])* $variant($state), )*
        }

        /// Builds the screen `open` asks for, on the session.
        pub fn open(open: Open, $session: &Session) -> Screen {
            match open {
                $( $( $open => Screen::$variant($build), )* )*
            }
        }

        /// Whether the screen `open` asks for opens only once the journal is read.
        #[allow(unused_variables)]
        pub fn needs_journal(open: &Open) -> bool {
            match open {
                $( $( $open => $module::NEEDS_JOURNAL, )* )*
            }
        }

        /// The own key table of every mode of every screen, named, in the order a person
        /// meets them, with whether `?` help is added to it (dialogs that take text have
        /// none). The keys that work everywhere ([`keys::GLOBAL`]) are not repeated in them.
        /// The manual's KEYS section is made from these.
        pub fn key_tables() -> impl Iterator<Item = (&'static str, &'static [Binding], bool)> {
            let screens: &[&[(&str, &[Binding])]] = &[ $( $module::MODES, )* ];
            let dialogs = checkin::DIALOG_MODES.iter().map(|&(n, t)| (n, t, false));
            screens
                .iter()
                .flat_map(|modes| modes.iter().map(|&(n, t)| (n, t, true)))
                .chain(dialogs)
        }

        impl Screen {
            /// The screen's own key table in its current mode.
            fn table(&self) -> &'static [Binding] {
                match self {
                    $( Screen::$variant(s) => $module::keys(s), )*
                }
            }

            /// Whether `?` help is added to its keys (not on a dialog).
            fn help(&self) -> bool {
                match self {
                    $( Screen::$variant(_s) => true $( && ($help)(_s) )?, )*
                }
            }

            /// Whether, and how, unbound keys are typed.
            pub fn typing(&self) -> Typing {
                match self {
                    $( Screen::$variant(s) => $module::typing(s), )*
                }
            }

            /// Applies a message; returns what the app should do.
            pub fn update(&mut self, msg: Msg, cx: &Ctx) -> Cmd {
                match self {
                    $( Screen::$variant(s) => $module::update(s, msg, cx), )*
                }
            }

            /// Draws the screen in `area`, recording what it laid out in `layout`.
            pub fn view(&self, cx: &ViewCx, frame: &mut Frame, area: Rect, layout: &mut LastLayout) {
                match self {
                    $( Screen::$variant(s) => $module::view(s, cx, frame, area, layout), )*
                }
            }

            /// Whether it is drawn over the screen beneath (help, dialogs) rather than alone.
            pub fn is_overlay(&self) -> bool {
                match self {
                    $( Screen::$variant(_) => false $( || $overlay )?, )*
                }
            }
        }
    };
}

/// Whether the screen `open` asks for may open on the newest days of the journal while the
/// rest is read (see `Session::newest`): review's list and an entry of it, which show the
/// newest first and say the rest is being read. Every other screen that needs the journal
/// waits for the whole of it.
pub fn opens_on_newest(open: &Open) -> bool {
    matches!(open, Open::Review | Open::ReviewEntry(..))
}

// The order is the manual's: the order in which a person meets the screens' keys.
screens! {
    session;
    /// The quick hide and the passphrase prompt.
    Lock(Box<lock::State>) = lock
    { Open::Lock(lock) => Box::new(lock::State::opened(*lock)) }
    help: |_: &lock::State| false;
    /// Which perspective fits.
    FirstRun(first_run::State) = first_run { Open::FirstRun => first_run::State::default() };
    /// Home.
    Home(home::State) = home { Open::Home => home::State };
    /// Where to find support.
    Support(support::State) = support { Open::Support => support::State::default() };
    /// The check-in.
    CheckIn(Box<checkin::State>) = checkin
    { Open::CheckIn(draft) => Box::new(checkin::State::new(*draft, session)) }
    help: |s: &checkin::State| !s.writing_note();
    /// Predictions to look back on.
    LookBack(Box<look_back::State>) = look_back
    {
        Open::LookBack(entry) => Box::new(
            match entry {
                None => look_back::State::due(session),
                Some(id) => look_back::State::of_entry(session, &id),
            }
            .unwrap_or_default(),
        ),
    };
    /// After a break: did you go back to it?
    BreakBack(Box<break_back::State>) = break_back
    { Open::BreakBack => Box::new(break_back::State::due(session)) };
    /// A week on one page.
    WeekCard(Box<week_card::State>) = week_card
    { Open::WeekCard => Box::new(week_card::State::new(session)) };
    /// The journal's past.
    Review(Box<review::State>) = review
    {
        Open::Review => Box::new(review::State::new(session)),
        Open::ReviewDay(day) => Box::new(review::State::on_day(session, day)),
    };
    /// One entry of review's list in full.
    ReviewEntry(Box<review_entry::State>) = review_entry
    {
        Open::ReviewEntry(filter, results, at) => {
            Box::new(review_entry::State::new(session, *filter, results, at))
        }
    };
    /// Review's trash.
    ReviewTrash(review_trash::State) = review_trash
    { Open::Trash => review_trash::State::default() };
    /// The strategy library and Learn.
    Guide(guide::State) = guide { Open::Guide(page) => guide::State::new(page) };
    /// Patterns over time.
    Insights(Box<insights::State>) = insights
    {
        Open::Insights => Box::new(insights::State::new(
            &session.entries_arc(),
            session.today,
            session.prefs.week_start.weekday(),
        )),
        Open::Cycle => Box::new(insights::State::on_cycle(session)),
    };
    /// Ladders of small brave steps.
    Ladders(Box<ladders::State>) = ladders
    { Open::Ladders => Box::new(ladders::State::new(session)) };
    /// What goes in a report.
    Report(Box<report::State>) = report
    {
        Open::Report(window, filter) => Box::new(report::State::new(window, *filter, session)),
    };
    /// Settings.
    Settings(settings::State) = settings { Open::Settings => settings::State::default() };
    /// The `?` overlay: the keys of the screen beneath.
    Help(help::State) = help { Open::Help(keys) => help::State::new(keys) } overlay true;
    /// Where to save words that cannot be kept as a draft.
    SaveText(save_text::State) = save_text
    { Open::SaveText(text, asked) => save_text::State::new(text, asked, session) };
    /// A question, over the screen that asked it.
    Confirm(confirm::State) = confirm
    {
        Open::Ask(question, title, lines) => confirm::State::new(question, &title, &lines),
    }
    overlay true
    help: |_: &confirm::State| false;
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
            .map(|q| (format!("{q:?}"), keys::compose(confirm::asking(*q), false))),
    );
    all
}

impl Screen {
    /// The keys in force: the screen's own, `?` for help unless it is a dialog, and Ctrl-C.
    pub fn keys(&self) -> Vec<Binding> {
        keys::compose(self.table(), self.help())
    }

    /// The lock (quick hide or passphrase prompt): nothing of the journal shows under it.
    pub fn is_lock(&self) -> bool {
        matches!(self, Screen::Lock(_))
    }

    /// Whether it is the check-in.
    pub fn is_check_in(&self) -> bool {
        matches!(self, Screen::CheckIn(_))
    }

    /// Whether it is the dialog asking `question`.
    pub fn asks(&self, question: Question) -> bool {
        matches!(self, Screen::Confirm(c) if c.question == question)
    }

    /// Whether it holds words of a check-in that may not be on disk yet (a check-in, or words
    /// being saved to a file).
    pub fn holds_words(&self) -> bool {
        matches!(self, Screen::CheckIn(_) | Screen::SaveText(_))
    }

    /// Whether it is the one `open` would open, when that can be open only once at a time
    /// (help, support, the lock).
    pub fn opened_by(&self, open: &Open) -> bool {
        matches!(
            (self, open),
            (Screen::Help(_), Open::Help(_))
                | (Screen::Support(_), Open::Support)
                | (Screen::Lock(_), Open::Lock(_))
        )
    }

    /// A message for the lock on top (why it cannot be unlocked).
    pub fn lock_message(&mut self, message: String) {
        if let Screen::Lock(state) = self {
            state.message = Some(message);
        }
    }

    /// A check-in whose text is not on disk yet, brought up to date with its text fields.
    pub fn unsaved(&mut self) -> Option<&CheckInDraft> {
        if let Screen::CheckIn(s) = self {
            Some(s.flushed_draft())
        } else {
            None
        }
    }
}
