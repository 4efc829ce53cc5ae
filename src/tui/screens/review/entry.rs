//! Review's entry: one entry in full, ← and → to the next in the list, with edit, delete,
//! its links and its predictions. A screen of its own, over the list it was opened from; as it
//! closes, the list selects the entry it closed on.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::tui::keys::Action;
use crate::tui::screen::{
    self, Cmd, Ctx, LastLayout, Msg, Open, Page, Question, Return, Typing, ViewCx,
};
use crate::tui::session::Session;
use crate::tui::widgets::page;

use super::keys::DETAIL;

/// The entry screen: the list it moves through (review's, as it was opened), whose selected
/// entry it shows.
#[derive(Debug, Clone)]
pub struct State {
    /// The list, its selected entry the one shown (and its `scroll`).
    pub list: super::State,
}

impl State {
    /// The entry at `cursor` of the list `results` (of the session's entries, by `filter`).
    pub fn new(
        session: &Session,
        filter: crate::journal::query::Filter,
        results: Vec<usize>,
        cursor: usize,
    ) -> State {
        State {
            list: super::State::of_list(session, filter, results, cursor),
        }
    }
}

screen::one_table!("review: entry" => DETAIL, Typing::No);

/// Whether it opens only once the journal is read.
pub const NEEDS_JOURNAL: bool = true;

/// Applies a message.
pub fn update(state: &mut State, msg: Msg, cx: &Ctx) -> Cmd {
    match msg {
        Msg::Key(action) => on_action(&mut state.list, action, cx),
        // Whatever the answer, back to the list, where `u` undoes a delete: the list selects
        // this entry, then hears the answer.
        Msg::Answer(question @ Question::DeleteEntry, action) => {
            back(&state.list).and(Cmd::Answer(question, action))
        }
        Msg::JournalChanging => {
            state.list.release();
            Cmd::None
        }
        Msg::JournalChanged => {
            state.list.reload(cx.session);
            if state.list.selected().is_none() {
                return Cmd::Pop;
            }
            Cmd::None
        }
        _ => Cmd::None,
    }
}

/// Back to the list, on the entry shown.
fn back(list: &super::State) -> Cmd {
    match list.selected() {
        Some(e) => Cmd::Return(Return::Entry(e.id.clone())),
        None => Cmd::Pop,
    }
}

/// A key on one entry in full.
fn on_action(state: &mut super::State, action: Action, cx: &Ctx) -> Cmd {
    let session = cx.session;
    match action {
        Action::Up | Action::Down | Action::PageUp | Action::PageDown | Action::Top => {
            state.scroll = cx.layout.scrolled(state.scroll, action);
            Cmd::None
        }
        Action::Left | Action::Right => {
            // ← newer, → older.
            let before = state.cursor;
            let step = if action == Action::Left {
                Action::Up
            } else {
                Action::Down
            };
            state.move_cursor(step, 1);
            if state.cursor != before {
                state.scroll = 0;
            }
            Cmd::None
        }
        Action::Back => back(state),
        Action::OpenLinks => match state.selected() {
            Some(e) => Cmd::Open(Open::Guide(Page::EntryLinks(Box::new(e.clone())))),
            None => Cmd::None,
        },
        Action::LookBack => match state.selected() {
            Some(e) if e.predictions.iter().any(|p| p.is_open()) => {
                Cmd::Open(Open::LookBack(Some(e.id.clone())))
            }
            Some(_) => Cmd::info("This entry has no open predictions."),
            None => Cmd::None,
        },
        _ => super::entry_action(state, action, session),
    }
}

/// Draws the entry.
pub fn view(state: &State, cx: &ViewCx, frame: &mut Frame, area: Rect, layout: &mut LastLayout) {
    let page = page::draw(cx, frame, area, "review · entry");
    // An entry reads in a column of prose.
    let body = page::column(page);
    let session = cx.session;
    // It scrolls by its wrapped lines.
    layout.record(body, 0);
    super::view::detail(
        &state.list,
        &session.catalog,
        &session.theme,
        session.prefs.mood_labels,
        frame,
        body,
        layout,
    );
}
