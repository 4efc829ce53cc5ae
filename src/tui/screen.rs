//! The screen contract: what a screen is given (`Msg`, `Ctx`, `ViewCx`, `LastLayout`) and what
//! it answers (`Cmd`, and `Open` to open another screen). Every screen is a module in
//! `screens/` with its own state and the same four parts: its key table, whether it takes typed
//! text, `update(msg, ctx) -> Cmd` and `view(ctx, frame, area)`; `screens.rs` lists them in
//! one enum. This module names no screen, so screens depend on it and never on each other.

use chrono::NaiveDate;
use ratatui::layout::{Position, Rect};
use ratatui_textarea::Input;

use crate::journal::draft::{CheckInDraft, Flow};
use crate::journal::{Entry, Perspective, Preferences};

use super::effect::{Done, Effect};
use super::keys::{Action, Binding};
use super::session::{Session, Status};

/// Every question closer asks (the one dialog, `screens/confirm.rs`, holds their keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::VariantArray)]
pub enum Question {
    /// "Leave the check-in?"
    LeaveCheckIn,
    /// "Leave the edit?" (of a saved entry)
    LeaveEdit,
    /// "Discard this check-in?"
    DiscardCheckIn,
    /// "Discard your changes?" (to a saved entry)
    DiscardEdit,
    /// "You have an unfinished check-in."
    ResumeDraft,
    /// "Discard the unfinished check-in?"
    DiscardDraft,
    /// "Delete this entry?"
    DeleteEntry,
    /// "Empty the trash?"
    EmptyTrash,
    /// "Really empty the trash?"
    ReallyEmptyTrash,
    /// The draft could not be written as the check-in was left: try again, a file, or leave.
    LeaveUnsaved,
    /// The draft could not be written as closer was asked to quit.
    QuitUnsaved,
    /// "Quit without your words?"
    QuitWithout,
    /// "Write a report that is not encrypted?" (in an encrypted journal)
    WritePlain,
    /// "Rename it in past entries too?" (one of the person's own triggers)
    RenameInEntries,
    /// "Merge them in past entries?" asked again: a merge cannot be undone by renaming back.
    ReallyMerge,
}

impl Question {
    /// Every question, for tests of the key tables.
    pub const ALL: &'static [Question] = <Question as strum::VariantArray>::VARIANTS;
}

/// A page of the guide (the strategy library and Learn).
#[derive(Debug, Clone, PartialEq)]
pub enum Page {
    /// The strategy library.
    Library,
    /// One strategy.
    Strategy(String),
    /// The Learn index.
    Learn,
    /// One digest.
    Digest(String),
    /// One trigger.
    Trigger(String),
    /// The triggers and strategies of an entry.
    EntryLinks(Box<Entry>),
    /// Things to say and try: openers, repairs, thinking traps, questions, rituals.
    Toolkit,
    /// A card for a hard minute, by id ("I want to pull away right now", "They've gone quiet
    /// and I'm spiralling").
    Card(String),
    /// The Learn card "Bids for connection": what a bid is, turning toward, away or against,
    /// everyday examples for the person's perspective.
    Bids,
}

/// What the lock shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockKind {
    /// Nothing at all (quick hide, or auto-lock of a plain journal): any key comes back.
    Hidden,
    /// The passphrase prompt.
    Passphrase,
}

/// Why the journal is locked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockWhy {
    /// closer was just opened on an encrypted journal.
    Opening,
    /// The quick-hide key.
    Hidden,
    /// No key for the auto-lock time.
    Idle,
}

/// The lock as it opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lock {
    /// What it shows.
    pub kind: LockKind,
    /// Why.
    pub why: LockWhy,
    /// Whether the journal is encrypted (then coming back needs the passphrase).
    pub encrypted: bool,
    /// Whether a check-in may be written without unlocking.
    pub offer_check_in: bool,
    /// A message to show (why it cannot be unlocked, or why no check-in is offered).
    pub message: Option<String>,
}

/// A screen to open, as data: `screens::open` builds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Open {
    /// Which perspective fits (where closer opens the first time).
    FirstRun,
    /// Home.
    Home,
    /// Where to find support.
    Support,
    /// Settings.
    Settings,
    /// The check-in, on this draft (new, resumed, or editing an entry).
    CheckIn(Box<CheckInDraft>),
    /// Review (needs the journal read).
    Review,
    /// Review of one day's check-ins: the entry itself when there is one (needs the journal).
    ReviewDay(NaiveDate),
    /// One entry of review's list in full, with ← and → to the next: the list's filter, its
    /// results (indices into the session's entries, newest first) and the one shown.
    ReviewEntry(Box<crate::journal::query::Filter>, Vec<usize>, usize),
    /// Review's trash.
    Trash,
    /// Insights (needs the journal read).
    Insights,
    /// Insights on the cycle view (needs the journal read).
    Cycle,
    /// The ladders of small brave steps (needs the journal read).
    Ladders,
    /// The guide, at this page.
    Guide(Page),
    /// A question over the screen that asks it: which, its title, and a few lines.
    Ask(Question, String, Vec<String>),
    /// Where to save words that could not be kept as a draft: the words, and the question
    /// whose `SaveToFile` answer opened it (it answers `Confirm` to it once the file is
    /// written).
    SaveText(String, Question),
    /// Look back on predictions: those due today (`None`), or one entry's open ones.
    LookBack(Option<crate::journal::EntryId>),
    /// Say whether you went back to the talk after the breaks whose time has come.
    BreakBack,
    /// The week card, on this week (needs the journal).
    WeekCard,
    /// Make a report of these days and this filter (needs the journal).
    Report(
        crate::journal::insights::Window,
        Box<crate::journal::query::Filter>,
    ),
    /// The lock: the quick hide or the passphrase prompt.
    Lock(Box<Lock>),
    /// The `?` overlay, listing these keys (those of the screen beneath).
    Help(Vec<Binding>),
}

impl Open {
    /// A question to ask, with its title and lines.
    pub fn ask(question: Question, title: &str, lines: &[&str]) -> Open {
        Open::Ask(
            question,
            title.to_owned(),
            lines.iter().map(|l| (*l).to_owned()).collect(),
        )
    }

    /// Begins a check-in: refuses on a read-only journal, and offers an unfinished one first.
    pub fn check_in(session: &Session) -> Cmd {
        Open::check_in_as(session, session.perspective())
    }

    /// Begins a check-in from `perspective` (one just chosen, not yet in the session).
    pub fn check_in_as(session: &Session, perspective: Option<Perspective>) -> Cmd {
        if let Some(why) = &session.read_only {
            return Cmd::error(format!(
                "A check-in cannot be saved while the journal is read-only: {why}"
            ));
        }
        match &session.pending_draft {
            Some(draft) => Cmd::Open(Open::offer_draft(draft)),
            None => {
                let mut draft = CheckInDraft::new(session.now, perspective);
                // For the day `closer checkin --date` asked for (the first check-in only: the
                // app lets go of it once one opens).
                if let Some(day) = session.check_in_day {
                    draft.set_day(day);
                }
                Cmd::Open(Open::CheckIn(Box::new(draft)))
            }
        }
    }

    /// Begins a debrief or a thought check on its own (`flow`), kept with today's last entry
    /// (or a new entry when there is none): refuses on a read-only journal, offers an
    /// unfinished check-in first (there is one draft at a time), and waits for the journal to
    /// be read (it must know today's entry).
    pub fn record(session: &Session, flow: Flow) -> Cmd {
        Open::record_with(session, flow, |_| {})
    }

    /// Begins a record on its own as [`Open::record`] does, `prepare` making the draft ready
    /// (a ladder to change, a step's prediction).
    pub fn record_with(
        session: &Session,
        flow: Flow,
        prepare: impl FnOnce(&mut CheckInDraft),
    ) -> Cmd {
        if let Some(why) = &session.read_only {
            return Cmd::error(format!(
                "Nothing can be saved while the journal is read-only: {why}"
            ));
        }
        if let Some(draft) = &session.pending_draft {
            return Cmd::Open(Open::offer_draft(draft));
        }
        if session.journal.is_none() {
            return Cmd::info("The journal is still being read: try again in a moment.");
        }
        let today = session
            .entries()
            .iter()
            .rev()
            .find(|e| e.date == session.today);
        let mut draft = CheckInDraft::record(flow, today, session.now, session.perspective());
        prepare(&mut draft);
        Cmd::Open(Open::CheckIn(Box::new(draft)))
    }

    /// Begins a time-out with a promise to come back (from the card for a hard minute): as a
    /// record of today's entry, like a debrief; but after a Safety trigger, the safety page
    /// instead, with the content's words: space from someone one fears is right, and nobody
    /// owes them a time to come back.
    pub fn time_out(session: &Session) -> Cmd {
        if session
            .catalog
            .safety_logged_recently(session.recent_entries(), session.today)
        {
            let page = crate::content::validate::SAFETY_PAGE.to_owned();
            return Cmd::Open(Open::Guide(Page::Digest(page)))
                .and(Cmd::info(session.catalog.turning.time_out.safety.clone()));
        }
        Open::record(session, Flow::TimeOut)
    }

    /// Offers the unfinished check-in again, if there is one.
    pub fn offer_draft_again(session: &Session) -> Cmd {
        session
            .pending_draft
            .as_ref()
            .map_or(Cmd::None, |d| Cmd::Open(Open::offer_draft(d)))
    }

    /// The answer to [`Open::offer_draft`] (resume, discard, later) or to "Discard it?", on
    /// whichever screen offered it (home, the lock screen); `Cmd::None` for other questions.
    pub fn answer_draft(session: &Session, question: Question, action: Action) -> Cmd {
        match (question, action) {
            (Question::ResumeDraft, Action::Resume) => {
                match (&session.read_only, &session.pending_draft) {
                    (None, Some(draft)) => Cmd::Open(Open::CheckIn(Box::new(draft.clone()))),
                    _ => Open::check_in(session),
                }
            }
            // An unfinished edit is only changes: the entry itself stays as it was saved.
            (Question::ResumeDraft, Action::Discard) => match &session.pending_draft {
                Some(draft) if draft.is_edit() => Cmd::Open(Open::ask(
                    Question::DiscardDraft,
                    "Discard your changes?",
                    &[
                        &format!(
                            "The entry of {} stays as it was saved;",
                            draft.date.format("%-d %B")
                        ),
                        "only the changes you made to it go.",
                    ],
                )),
                _ => Cmd::Open(Open::ask(
                    Question::DiscardDraft,
                    "Discard it?",
                    &[
                        "The unfinished check-in and what you wrote in it",
                        "will be gone for good.",
                    ],
                )),
            },
            (Question::DiscardDraft, Action::Yes) => {
                let said = match &session.pending_draft {
                    Some(draft) if draft.is_edit() => format!(
                        "Your changes were discarded; the entry of {} is as it was.",
                        draft.date.format("%-d %B")
                    ),
                    _ => "The unfinished check-in was discarded.".to_owned(),
                };
                Cmd::Effect(Effect::DiscardDraft).and(Cmd::info(said))
            }
            (Question::DiscardDraft, _) => Open::offer_draft_again(session),
            _ => Cmd::None,
        }
    }

    /// "You have an unfinished check-in": resume, discard or decide later.
    pub fn offer_draft(draft: &CheckInDraft) -> Open {
        let what = unfinished(draft);
        Open::ask(
            Question::ResumeDraft,
            "An unfinished check-in",
            &[&what, "Everything you entered is kept."],
        )
    }
}

/// Something that happened, for a screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// A bound key was pressed.
    Key(Action),
    /// A key for a text field.
    Input(Input),
    /// Text was pasted (or typed in a burst).
    Paste(String),
    /// No key came for a moment: a pause in typing.
    Pause,
    /// A dialog this screen opened was answered with this key's action (`Action::Back` when
    /// it was closed without an answer).
    Answer(Question, Action),
    /// An effect this screen asked for is done.
    Done(Done),
    /// A screen this one opened closed, saying this.
    Returned(Return),
    /// The journal in the session is about to change (a save, a delete, a restore): a screen
    /// holding the journal's entries lets go of them, so the change need not copy the whole
    /// journal to leave the screen's copy as it was. [`Msg::JournalChanged`] always follows.
    JournalChanging,
    /// The journal in the session changed (read, saved to, deleted from).
    JournalChanged,
    /// An unfinished check-in was found at start (it is in `session.pending_draft`).
    DraftFound,
    /// The screen was just opened (the first message it gets).
    Opened,
    /// closer is about to quit: ask for whatever must be kept.
    Quitting,
    /// closer is about to be suspended (Ctrl-Z): ask for whatever must be kept.
    Suspending,
}

/// What a screen says to the one beneath as it closes (see [`Cmd::Return`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Return {
    /// Review's entry closed on this entry (← and → may have moved to another): the list
    /// selects it.
    Entry(crate::journal::EntryId),
    /// The trash was emptied: nothing deleted before can be brought back.
    TrashEmptied,
}

/// What a screen asks of the app after an update.
#[derive(Debug, Clone, Default)]
pub enum Cmd {
    /// Nothing.
    #[default]
    None,
    /// Open a screen on top of this one (one that needs the journal opens once it is read).
    Open(Open),
    /// Close this screen.
    Pop,
    /// Close this screen and open another in its place.
    Replace(Open),
    /// Close this dialog and give its answer to the screen that opened it.
    Answer(Question, Action),
    /// Close this screen and tell the screen beneath (`Msg::Returned`).
    Return(Return),
    /// Carry out this work; the result comes back to this screen as `Msg::Done`.
    Effect(Effect),
    /// Show this in the status line.
    Status(Status),
    /// Use these preferences from now on, and keep them.
    Prefs(Box<Preferences>),
    /// Leave closer.
    Quit,
    /// Several of the above, in order.
    Many(Vec<Cmd>),
}

impl Cmd {
    /// An info line for the status.
    pub fn info(text: impl Into<String>) -> Cmd {
        Cmd::Status(Status::Info(text.into()))
    }

    /// An error line for the status.
    pub fn error(text: impl Into<String>) -> Cmd {
        Cmd::Status(Status::Error(text.into()))
    }

    /// This, then `next`.
    pub fn and(self, next: Cmd) -> Cmd {
        match (self, next) {
            (Cmd::None, n) => n,
            (s, Cmd::None) => s,
            (Cmd::Many(mut v), n) => {
                v.push(n);
                Cmd::Many(v)
            }
            (s, n) => Cmd::Many(vec![s, n]),
        }
    }
}

/// What a screen's last frame laid out, for its next update to read (page sizes, how far a
/// text may scroll) instead of working the geometry out again.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LastLayout {
    /// The terminal size it was laid out for; `None` before the first frame.
    pub drawn_at: Option<(u16, u16)>,
    /// Width of the screen's scrolling region, in columns.
    pub width: u16,
    /// Height of the screen's scrolling region (rows of a list, lines of a text).
    pub height: u16,
    /// Lines of the text in that region, as wrapped at `width`.
    pub lines: usize,
    /// The line of each link or selectable item in the text, in reading order.
    pub marks: Vec<usize>,
    /// The line each section of the text begins on.
    pub anchors: Vec<usize>,
    /// Where the terminal's cursor goes once the frame is drawn: the caret of the field being
    /// typed in, or the start of a list's selected row (see `widgets::caret`). `None` hides
    /// it. Cleared before each frame: a view places it again each time.
    pub caret: Option<Position>,
}

impl LastLayout {
    /// Records a scrolling region of `area` holding `lines` wrapped lines.
    pub fn record(&mut self, area: Rect, lines: usize) {
        self.width = area.width;
        self.height = area.height;
        self.lines = lines;
    }

    /// Puts the terminal's cursor at `at` once the frame is drawn (a later call wins); `None`
    /// (the caret scrolled out of sight) leaves it as it was.
    pub fn place(&mut self, at: Option<Position>) {
        if at.is_some() {
            self.caret = at;
        }
    }

    /// The furthest the text may scroll: its last line at the bottom of the region.
    pub fn max_scroll(&self) -> u16 {
        u16::try_from(self.lines.saturating_sub(usize::from(self.height))).unwrap_or(u16::MAX)
    }

    /// How far a page moves: the region less a line of context, at least one.
    pub fn page(&self) -> usize {
        usize::from(self.height.saturating_sub(1)).max(1)
    }

    /// `scroll` moved by `action` (↑ ↓ PgUp PgDn Top Bottom), kept within the text.
    pub fn scrolled(&self, scroll: u16, action: Action) -> u16 {
        let page = u16::try_from(self.page()).unwrap_or(u16::MAX);
        let max = self.max_scroll();
        match action {
            Action::Up => scroll.saturating_sub(1),
            Action::Down => scroll.saturating_add(1),
            Action::PageUp => scroll.saturating_sub(page),
            Action::PageDown => scroll.saturating_add(page),
            Action::Top => 0,
            Action::Bottom => max,
            _ => scroll,
        }
        .min(max)
    }
}

/// What an update may read.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    /// The shared session.
    pub session: &'a Session,
    /// What this screen's last frame laid out.
    pub layout: &'a LastLayout,
}

/// What a view may read besides its own state.
#[derive(Debug, Clone, Copy)]
pub struct ViewCx<'a> {
    /// The shared session.
    pub session: &'a Session,
    /// The status line.
    pub status: Option<&'a Status>,
    /// The keys in force, for the footer.
    pub keys: &'a [Binding],
}

/// A screen's keys where one table is always in force: `MODES` (that table, named as the
/// manual names it), `keys` and `typing` (`Typing::No`, unbound keys do nothing, or
/// `Typing::Field`, they are typed into its field).
macro_rules! one_table {
    ($mode:literal => $table:expr, $typing:expr) => {
        /// Every key table of the screen, by mode (for tests over all tables).
        pub const MODES: &[(&str, &[$crate::tui::keys::Binding])] = &[($mode, $table)];

        /// The keys in force.
        pub fn keys(_: &State) -> &'static [$crate::tui::keys::Binding] {
            $table
        }

        /// Whether, and how, unbound keys are typed.
        pub fn typing(_: &State) -> $crate::tui::screen::Typing {
            $typing
        }
    };
}
pub(crate) use one_table;

/// How a screen takes typed keys that are not in its key table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Typing {
    /// It does not: unbound keys do nothing.
    No,
    /// Into a text field, one key at a time.
    Field,
    /// Into prose, where letters typed in a burst may be put in at once, as a paste is.
    Prose,
}

impl Typing {
    /// Into a field while `asking` for text; not at all otherwise.
    pub fn field_if(asking: bool) -> Typing {
        if asking { Typing::Field } else { Typing::No }
    }
}

/// What an unfinished check-in is, in a sentence ("You began a check-in on Tuesday 3 March,
/// 21:04."): said where it is offered again.
pub fn unfinished(draft: &CheckInDraft) -> String {
    let began = draft.started_at.format("%A %-d %B, %H:%M");
    if draft.flow == Flow::Debrief {
        format!("You began a debrief on {began}.")
    } else if draft.flow == Flow::Thought {
        format!("You began checking a thought on {began}.")
    } else if draft.flow == Flow::Ladder {
        format!("You began writing a ladder of brave steps on {began}.")
    } else if draft.flow == Flow::BraveStep {
        format!("You began a brave step's prediction on {began}.")
    } else if draft.is_edit() {
        format!(
            "You were editing the entry of {}.",
            draft.date.format("%-d %B")
        )
    } else {
        format!("You began a check-in on {began}.")
    }
}
