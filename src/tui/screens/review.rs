//! Review: the journal's past as a timeline, search, filters, edit, delete with undo; an
//! entry in full (`entry`) and the trash (`trash`) are screens of their own, kept here.

pub mod entry;
mod filter;
mod keys;
pub mod trash;
mod view;

use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;
use ratatui_textarea::{Input, Key as TextKey};

use crate::journal::Entry;
use crate::journal::day_words;
use crate::journal::draft::CheckInDraft;
use crate::journal::query::{self, Condition, DateSpan, Filter, Signature};
use crate::tui::effect::{Done, Effect};
use crate::tui::keys::{Action, moved};
use crate::tui::screen::{Cmd, Ctx, Msg, Open, Question, Return, Typing};
use crate::tui::session::Session;
use crate::tui::widgets::pick_list::PickList;

pub use filter::FilterKind;
pub use keys::{MODES, keys};
pub use view::view;

/// What the review screen is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The list of entries.
    Timeline,
    /// Typing a search.
    Search,
    /// Typing a date to go to.
    Jump,
    /// Choosing what to filter by.
    Filters,
    /// Choosing a value to filter by.
    FilterPick(FilterKind),
}

impl Mode {
    /// Whether typed keys go into a text field.
    pub fn takes_text(self) -> bool {
        matches!(self, Mode::Search | Mode::Jump | Mode::FilterPick(_))
    }
}

/// The review screen's state.
#[derive(Debug, Clone)]
pub struct State {
    /// What it is doing.
    pub mode: Mode,
    /// The search and conditions.
    pub filter: Filter,
    /// The entries searched and shown (the session's, as of the last change).
    entries: Arc<Vec<Entry>>,
    /// Their search index (see [`query::apply_indexed`]).
    index: Arc<Vec<Signature>>,
    /// The entries are known to be in order (see `Journal::in_order`).
    in_order: bool,
    /// Matching entries, newest first (indices into `entries`).
    pub results: Vec<usize>,
    /// The selected result.
    pub cursor: usize,
    /// The date being typed for "go to".
    pub jump: String,
    /// The highlighted filter kind.
    pub kind_cursor: usize,
    /// Values of the filter kind being chosen.
    pub pick: PickList,
    /// How far the entry is scrolled (on review's entry screen).
    pub scroll: u16,
    /// The entry is to open over the list as it opens (a day with one).
    open_entry: bool,
    /// The trash file of the entry deleted last (for `u`).
    pub last_deleted: Option<PathBuf>,
    /// The entry that was selected when the entries were let go of (see [`State::release`]).
    held: Option<crate::journal::EntryId>,
}

impl State {
    /// The review of the session's journal.
    pub fn new(session: &Session) -> State {
        let mut state = State::of_list(session, Filter::default(), Vec::new(), 0);
        state.refresh(session.today, None);
        state
    }

    /// The list as review shows it (`filter`, `results`, the one at `cursor`), over the
    /// session's entries: what review's entry screen moves through.
    pub(super) fn of_list(
        session: &Session,
        filter: Filter,
        results: Vec<usize>,
        cursor: usize,
    ) -> State {
        let (entries, index, in_order) = listed(session);
        State {
            mode: Mode::Timeline,
            filter,
            entries,
            index,
            in_order,
            results,
            cursor,
            jump: String::new(),
            kind_cursor: 0,
            pick: PickList::default(),
            scroll: 0,
            open_entry: false,
            last_deleted: None,
            held: None,
        }
    }

    /// Opens the selected entry in full, over the list.
    fn open_selected(&self) -> Cmd {
        if self.selected().is_none() {
            return Cmd::None;
        }
        Cmd::Open(Open::ReviewEntry(
            Box::new(self.filter.clone()),
            self.results.clone(),
            self.cursor,
        ))
    }

    /// The review of one day: filtered to it, and showing the entry when there is one.
    pub fn on_day(session: &Session, day: NaiveDate) -> State {
        let mut state = State::new(session);
        state
            .filter
            .conditions
            .push(Condition::Dates(DateSpan::Day(day)));
        state.refresh(session.today, None);
        state.open_entry = state.results.len() == 1;
        state
    }

    /// The entries shown.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The selected entry.
    pub fn selected(&self) -> Option<&Entry> {
        self.results
            .get(self.cursor)
            .and_then(|&i| self.entries.get(i))
    }

    /// Lets go of the entries before the journal changes, so the session need not copy them
    /// (`Msg::JournalChanging`), remembering which one was selected; [`State::reload`] takes
    /// the changed journal.
    pub fn release(&mut self) {
        if self.held.is_none() {
            self.held = self.selected().map(|e| e.id.clone());
        }
        self.entries = Arc::default();
        self.index = Arc::default();
    }

    /// Takes in a journal that changed (after a save, a delete, a new day, the whole journal
    /// read after its newest days).
    pub fn reload(&mut self, session: &Session) {
        let (entries, index, in_order) = listed(session);
        if Arc::ptr_eq(&self.entries, &entries) {
            // The same entries, whose search index may have come: the results stay.
            self.index = index;
            return;
        }
        let selected = self
            .held
            .take()
            .or_else(|| self.selected().map(|e| e.id.clone()));
        self.entries = entries;
        self.index = index;
        self.in_order = in_order;
        self.refresh(session.today, None);
        if let Some(id) = selected
            && let Some(pos) = self
                .results
                .iter()
                .position(|&i| self.entries.get(i).is_some_and(|e| e.id == id))
        {
            self.cursor = pos;
        }
    }

    /// Selects the entry `id`, if the list shows it.
    fn select(&mut self, id: &crate::journal::EntryId) {
        if let Some(pos) = self
            .results
            .iter()
            .position(|&i| self.entries.get(i).is_some_and(|e| &e.id == id))
        {
            self.cursor = pos;
        }
    }

    /// Runs the filter again; `within` narrows an earlier result (a longer search).
    fn refresh(&mut self, today: NaiveDate, within: Option<Vec<usize>>) {
        self.results = query::apply_indexed(
            &self.entries,
            &self.index,
            self.in_order,
            &self.filter,
            today,
            within.as_deref(),
        );
        self.cursor = self.cursor.min(self.results.len().saturating_sub(1));
    }

    fn set_search(&mut self, text: String, today: NaiveDate) {
        // A search that only grows can only narrow: look within what matched before.
        let narrows = text.starts_with(&self.filter.text) && !self.filter.text.trim().is_empty();
        let within = narrows.then(|| std::mem::take(&mut self.results));
        self.filter.text = text;
        self.cursor = 0;
        self.refresh(today, within);
    }

    fn move_cursor(&mut self, action: Action, page: usize) {
        if let Some(at) = moved(self.cursor, self.results.len(), action, page) {
            self.cursor = at;
        }
    }

    /// Goes to the newest entry on or before `date` (the timeline runs newest first).
    fn jump_to(&mut self, date: NaiveDate) -> bool {
        let pos = self
            .results
            .iter()
            .position(|&i| self.entries.get(i).is_some_and(|e| e.date <= date));
        match pos {
            Some(p) => {
                self.cursor = p;
                true
            }
            None if !self.results.is_empty() => {
                self.cursor = self.results.len() - 1;
                true
            }
            None => false,
        }
    }
}

/// What review lists: the journal as far as it is read (its newest days, while the rest is
/// read), their search index, and whether they are known to be in order.
fn listed(session: &Session) -> (Arc<Vec<Entry>>, Arc<Vec<Signature>>, bool) {
    match session.so_far() {
        Some(journal) => (journal.entries_arc(), journal.index_arc(), journal.in_order),
        None => (Arc::default(), Arc::default(), false),
    }
}

/// Whether it opens only once the journal is read (its newest days are enough: see
/// `screens::opens_on_newest`).
pub const NEEDS_JOURNAL: bool = true;

/// Whether unbound keys are typed: into the search, the jump or a filter's pick.
pub fn typing(state: &State) -> Typing {
    Typing::field_if(state.mode.takes_text())
}

/// Applies a message.
pub fn update(state: &mut State, msg: Msg, cx: &Ctx) -> Cmd {
    let session = cx.session;
    match msg {
        Msg::Key(action) => on_action(state, action, cx),
        Msg::Input(input) => {
            on_text(state, input, session.today);
            Cmd::None
        }
        Msg::Paste(text) => {
            let line = text.lines().next().unwrap_or_default().to_owned();
            match state.mode {
                Mode::Search => {
                    let text = format!("{}{line}", state.filter.text);
                    state.set_search(text, session.today);
                }
                Mode::Jump => state.jump.push_str(&line),
                Mode::FilterPick(_) => state.pick.type_str(&line),
                _ => {}
            }
            Cmd::None
        }
        Msg::JournalChanging => {
            state.release();
            Cmd::None
        }
        Msg::JournalChanged => {
            state.reload(session);
            Cmd::None
        }
        Msg::Answer(question, action) => on_answer(state, question, action, session),
        Msg::Done(done) => on_done(state, done),
        Msg::Opened if std::mem::take(&mut state.open_entry) => state.open_selected(),
        Msg::Returned(Return::Entry(id)) => {
            state.select(&id);
            Cmd::None
        }
        Msg::Returned(Return::TrashEmptied) => {
            state.last_deleted = None;
            Cmd::None
        }
        _ => Cmd::None,
    }
}

/// A dialog review opened was answered.
fn on_answer(state: &mut State, question: Question, action: Action, session: &Session) -> Cmd {
    if question == Question::DeleteEntry {
        // Whatever the answer, back to the list, where `u` undoes a delete.
        state.mode = Mode::Timeline;
    }
    match (question, action) {
        (Question::DeleteEntry, Action::Yes) => {
            if let Some(why) = &session.read_only {
                return Cmd::error(format!(
                    "Entries cannot be deleted while the journal is read-only: {why}"
                ));
            }
            match state.selected() {
                Some(e) => Cmd::Effect(Effect::DeleteEntry(Box::new(e.clone()))),
                None => Cmd::None,
            }
        }
        _ => Cmd::None,
    }
}

/// Work review asked for is done.
fn on_done(state: &mut State, done: Done) -> Cmd {
    match done {
        Done::Deleted(path, ..) => {
            state.last_deleted = Some(path);
            Cmd::info("The entry is in the trash. Press u to bring it back.")
        }
        Done::Restored(_) => Cmd::info("The entry is back."),
        _ => Cmd::None,
    }
}

/// Opens `entry` in the check-in, filled in, to edit it.
pub(super) fn edit(entry: &Entry, session: &Session) -> Cmd {
    if let Some(why) = &session.read_only {
        return Cmd::error(format!(
            "Entries cannot be changed while the journal is read-only: {why}"
        ));
    }
    // Changes to this entry kept as a draft: `e` goes on with them.
    if session.unsaved.is_none()
        && let Some(draft) = &session.pending_draft
        && draft.is_edit()
        && draft.id == entry.id
    {
        return Cmd::Open(Open::CheckIn(Box::new(draft.clone())));
    }
    // There is one draft file: an unfinished check-in (or words the disk would not take)
    // would be overwritten by the edit's draft.
    match session.pending_draft.as_ref().or(session.unsaved.as_ref()) {
        Some(draft) if draft.is_edit() => {
            return Cmd::info(format!(
                "You have unfinished changes to the entry of {}. Go on with them (e on that \
                 entry, or c on home) or discard them first, then edit this one.",
                draft.date.format("%-d %B")
            ));
        }
        Some(_) => {
            return Cmd::info(
                "You have an unfinished check-in. Go on with it or discard it first (c on \
                 home), then edit this entry.",
            );
        }
        None => {}
    }
    let draft = CheckInDraft::editing(entry, session.now);
    Cmd::Open(Open::CheckIn(Box::new(draft)))
}

fn on_text(state: &mut State, input: Input, today: NaiveDate) {
    let typed = match input {
        Input {
            key: TextKey::Char(c),
            ctrl: false,
            alt: false,
            ..
        } => Some(c),
        Input {
            key: TextKey::Backspace,
            ..
        } => None,
        _ => return,
    };
    match state.mode {
        Mode::Search => {
            let mut text = state.filter.text.clone();
            match typed {
                Some(c) => text.push(c),
                None => {
                    text.pop();
                }
            }
            state.set_search(text, today);
        }
        Mode::Jump => match typed {
            Some(c) => state.jump.push(c),
            None => {
                state.jump.pop();
            }
        },
        Mode::FilterPick(_) => match typed {
            Some(c) => state.pick.type_str(&c.to_string()),
            None => state.pick.backspace(),
        },
        _ => {}
    }
}

fn on_action(state: &mut State, action: Action, cx: &Ctx) -> Cmd {
    match state.mode {
        Mode::Timeline => timeline_action(state, action, cx),
        Mode::Search => search_action(state, action, cx),
        Mode::Jump => jump_action(state, action, cx.session),
        Mode::Filters => filters_action(state, action, cx),
        Mode::FilterPick(kind) => pick_action(state, kind, action, cx),
    }
}

/// A key while a search is typed.
fn search_action(state: &mut State, action: Action, cx: &Ctx) -> Cmd {
    let today = cx.session.today;
    let page = cx.layout.page();
    match action {
        Action::Back => state.set_search(String::new(), today),
        Action::Confirm => {}
        Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
            state.move_cursor(action, page);
            return Cmd::None;
        }
        _ => return Cmd::None,
    }
    state.mode = Mode::Timeline;
    Cmd::None
}

/// A key while a date to go to is typed (as people say it: `yesterday`, `last friday`,
/// `2026-11-20`; a month or a year goes to its last day).
fn jump_action(state: &mut State, action: Action, session: &Session) -> Cmd {
    let today = session.today;
    if action == Action::Confirm {
        let text = std::mem::take(&mut state.jump);
        let said = day_words::read(&text, today);
        state.mode = Mode::Timeline;
        // While only the newest days are read, an older day is not there yet.
        let oldest_read = state.entries.first().map(|e| e.date);
        if let (Ok(said), Some(oldest)) = (&said, oldest_read)
            && session.only_newest()
            && said.last() < oldest
        {
            return Cmd::info(not_read_yet(
                &format!("{} is not read yet", said.last().format("%-d %B %Y")),
                session,
            ));
        }
        return match said {
            Ok(said) if state.jump_to(said.last()) => {
                // Say where it went when that is not the day (or month, or year) asked for.
                let d = said.last();
                let landed = state.selected().map(|e| e.date);
                match landed {
                    Some(at) if at > d => Cmd::info(format!(
                        "The journal starts on {}: that is where you are.",
                        at.format("%-d %B %Y")
                    )),
                    Some(at) if at < said.first() => Cmd::info(format!(
                        "No entry on {}; here is the nearest one before it, {}.",
                        match said {
                            day_words::Said::Day(d) => d.format("%-d %B %Y").to_string(),
                            day_words::Said::Month(m) => m.format("%B %Y").to_string(),
                            day_words::Said::Year(y) => y.format("%Y").to_string(),
                        },
                        at.format("%-d %B %Y")
                    )),
                    _ => Cmd::None,
                }
            }
            Ok(_) => Cmd::info("No entries to go to."),
            Err(e) => Cmd::info(e.sentence()),
        };
    }
    if action == Action::Back {
        state.jump.clear();
        state.mode = Mode::Timeline;
    }
    Cmd::None
}

/// A key while choosing what to filter by.
fn filters_action(state: &mut State, action: Action, cx: &Ctx) -> Cmd {
    let session = cx.session;
    match action {
        Action::Up => state.kind_cursor = state.kind_cursor.saturating_sub(1),
        Action::Down => state.kind_cursor = (state.kind_cursor + 1).min(FilterKind::ALL.len() - 1),
        Action::Top => state.kind_cursor = 0,
        Action::Bottom => state.kind_cursor = FilterKind::ALL.len() - 1,
        Action::Confirm | Action::Toggle => {
            if let Some(kind) = FilterKind::ALL.get(state.kind_cursor) {
                state.open_pick(*kind, &session.catalog);
            }
        }
        Action::Back => state.mode = Mode::Timeline,
        _ => {}
    }
    Cmd::None
}

/// A key while choosing a value to filter by.
fn pick_action(state: &mut State, kind: FilterKind, action: Action, cx: &Ctx) -> Cmd {
    let today = cx.session.today;
    match action {
        // While something is typed, Space is a space (a date range has one); otherwise it
        // uses the row under the cursor, as Enter does.
        Action::Toggle if !state.pick.filter.is_empty() => {
            state.pick.type_str(" ");
            Cmd::None
        }
        Action::Confirm | Action::Toggle => state.choose(kind, today),
        Action::PageUp | Action::PageDown => {
            let page = isize::try_from(cx.layout.page()).unwrap_or(10);
            state.pick.move_by(if action == Action::PageUp {
                -page
            } else {
                page
            });
            Cmd::None
        }
        Action::Top => {
            state.pick.top();
            Cmd::None
        }
        Action::Bottom => {
            state.pick.bottom();
            Cmd::None
        }
        Action::Back => {
            state.mode = Mode::Filters;
            Cmd::None
        }
        Action::Up => {
            state.pick.move_by(-1);
            Cmd::None
        }
        Action::Down => {
            state.pick.move_by(1);
            Cmd::None
        }
        _ => Cmd::None,
    }
}

/// Edit and Delete, on the selected entry (in the list and in full).
pub(super) fn entry_action(state: &mut State, action: Action, session: &Session) -> Cmd {
    match action {
        Action::Edit => match state.selected() {
            Some(e) => edit(e, session),
            None => Cmd::None,
        },
        Action::Delete if state.selected().is_some() => Cmd::Open(Open::ask(
            Question::DeleteEntry,
            "Delete this entry?",
            &[
                "It moves to the trash. u brings it back;",
                "t shows the trash.",
            ],
        )),
        _ => Cmd::None,
    }
}

/// `what` (a sentence's start), then that the journal is still being read, how far it has got,
/// and to try again in a moment.
fn not_read_yet(what: &str, session: &Session) -> String {
    let days = session
        .days_read()
        .map(|d| format!(" ({d})"))
        .unwrap_or_default();
    format!("{what}: your journal is still being read{days}. Try again in a moment.")
}

fn timeline_action(state: &mut State, action: Action, cx: &Ctx) -> Cmd {
    let today = cx.session.today;
    match action {
        Action::MakeReport if cx.session.only_newest() => {
            return Cmd::info(not_read_yet(
                "A report is made from the whole journal",
                cx.session,
            ));
        }
        Action::MakeReport => {
            // The days the filter's dates cover, else the whole journal.
            let span = state.filter.conditions.iter().find_map(|c| match c {
                crate::journal::query::Condition::Dates(span) => Some(*span),
                _ => None,
            });
            let window = crate::journal::insights::Window::of(
                span.unwrap_or(DateSpan::All),
                cx.session.entries(),
                today,
            );
            return Cmd::Open(Open::Report(window, Box::new(state.filter.clone())));
        }
        _ if action.scrolls() => state.move_cursor(action, cx.layout.page()),
        Action::Confirm => return state.open_selected(),
        Action::StartSearch => state.mode = Mode::Search,
        Action::OpenFilter => {
            state.kind_cursor = 0;
            state.mode = Mode::Filters;
        }
        Action::GoTo => {
            state.jump.clear();
            state.mode = Mode::Jump;
        }
        Action::Clear => {
            if state.filter.conditions.pop().is_none() && !state.filter.text.is_empty() {
                state.filter.text.clear();
            }
            state.refresh(today, None);
        }
        Action::ClearAll => {
            state.filter = Filter::default();
            state.refresh(today, None);
        }
        Action::Undo => {
            return match state.last_deleted.take() {
                Some(path) => Cmd::Effect(Effect::RestoreEntry(path)),
                None => Cmd::info("There is nothing to undo."),
            };
        }
        Action::OpenTrash => return Cmd::Open(Open::Trash),
        Action::Back => return Cmd::Pop,
        _ => return entry_action(state, action, cx.session),
    }
    Cmd::None
}

#[cfg(test)]
mod tests;
