//! Review's trash: the deleted entries, one in full below them, to bring back or to remove for
//! good (after two questions). A screen of its own, over the list; as it closes, the list
//! hears whether the trash was emptied (then nothing deleted before can be brought back).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::journal::vocabulary::count;
use crate::tui::effect::{Done, Effect, TrashItem};
use crate::tui::keys::{Action, moved};
use crate::tui::screen::{self, Cmd, Ctx, LastLayout, Msg, Open, Question, Return, Typing, ViewCx};
use crate::tui::widgets::caret::Spot;
use crate::tui::widgets::wrap::fit;
use crate::tui::widgets::{entry_view, page, wrap};

use super::keys::TRASH;
use super::view::written;

/// The trash.
#[derive(Debug, Clone, Default)]
pub struct State {
    /// The deleted entries, once read.
    pub trash: Vec<TrashItem>,
    /// The selected one.
    pub trash_cursor: usize,
    /// It was emptied while open.
    emptied: bool,
}

screen::one_table!("review: trash" => TRASH, Typing::No);

/// Whether it opens only once the journal is read.
pub const NEEDS_JOURNAL: bool = false;

/// Applies a message.
pub fn update(state: &mut State, msg: Msg, _cx: &Ctx) -> Cmd {
    match msg {
        Msg::Opened => Cmd::Effect(Effect::LoadTrash),
        Msg::Key(action) => on_action(state, action),
        Msg::Answer(Question::EmptyTrash, Action::Yes) => Cmd::Open(Open::ask(
            Question::ReallyEmptyTrash,
            "Are you sure?",
            &["This cannot be undone."],
        )),
        Msg::Answer(Question::ReallyEmptyTrash, Action::Yes) => Cmd::Effect(Effect::PurgeTrash(
            state.trash.iter().map(|t| t.path.clone()).collect(),
        )),
        Msg::Done(done) => on_done(state, done),
        _ => Cmd::None,
    }
}

/// Work the trash asked for is done.
fn on_done(state: &mut State, done: Done) -> Cmd {
    match done {
        Done::Restored(_) => Cmd::info("The entry is back.").and(Cmd::Effect(Effect::LoadTrash)),
        Done::TrashLoaded(items) => {
            state.trash = items;
            state.trash_cursor = state.trash_cursor.min(state.trash.len().saturating_sub(1));
            Cmd::None
        }
        Done::TrashEmptied(n) => {
            state.emptied = true;
            let what = count(n as u64, "entry was", "entries were");
            Cmd::info(format!("{what} removed for good.")).and(Cmd::Effect(Effect::LoadTrash))
        }
        _ => Cmd::None,
    }
}

/// A key in the trash.
fn on_action(state: &mut State, action: Action) -> Cmd {
    if let Some(at) = moved(state.trash_cursor, state.trash.len(), action, 10) {
        state.trash_cursor = at;
        return Cmd::None;
    }
    match action {
        Action::Restore => {
            if let Some(t) = state.trash.get(state.trash_cursor) {
                return Cmd::Effect(Effect::RestoreEntry(t.path.clone()));
            }
        }
        Action::EmptyTrash if !state.trash.is_empty() => {
            let what = match state.trash.len() {
                1 => "The entry in the trash will be gone for good.".to_owned(),
                n => format!("The {n} entries in the trash will be gone for good."),
            };
            return Cmd::Open(Open::ask(
                Question::EmptyTrash,
                "Empty the trash?",
                &[&what],
            ));
        }
        Action::Back if state.emptied => return Cmd::Return(Return::TrashEmptied),
        Action::Back => return Cmd::Pop,
        _ => {}
    }
    Cmd::None
}

/// Draws the trash.
pub fn view(state: &State, cx: &ViewCx, frame: &mut Frame, area: Rect, layout: &mut LastLayout) {
    let page = page::draw(cx, frame, area, "review · trash");
    // A list uses the whole width, so names are not cut where there is room for them.
    let body = page::inset(page);
    // Lists page by the rows they show.
    layout.record(body, 0);
    layout.place(draw(state, cx, frame, body));
}

/// The trash: the deleted entries, and below them the one under the cursor, in full; returns
/// where the cursor's row starts.
fn draw(state: &State, cx: &ViewCx, frame: &mut Frame, area: Rect) -> Option<Position> {
    let session = cx.session;
    let theme = &session.theme;
    if state.trash.is_empty() {
        page::muted_line(frame, area, "The trash is empty.", theme);
        return None;
    }
    // The list takes what it needs, up to half the room; the preview the rest.
    let wanted = u16::try_from(state.trash.len() + 2).unwrap_or(u16::MAX);
    let list_height = wanted.min((area.height / 2).max(3));
    let [area, rule, preview] = Layout::vertical([
        Constraint::Length(list_height),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    if let Some(t) = state.trash.get(state.trash_cursor) {
        let label = " deleted entry ";
        let dashes = usize::from(rule.width).saturating_sub(label.chars().count() + 2);
        frame.render_widget(
            Line::styled(format!("──{label}{}", "─".repeat(dashes)), theme.muted),
            rule,
        );
        let lines = entry_view::lines(
            &t.entry,
            &session.catalog,
            theme,
            session.prefs.mood_labels,
            entry_view::Empty::Hidden,
            usize::from(preview.width),
        );
        frame.render_widget(
            Paragraph::new(wrap::lines(lines, usize::from(preview.width))),
            preview,
        );
    }
    let mut lines = vec![
        Line::styled(
            format!(
                "{}. r puts one back where it was.",
                count(state.trash.len() as u64, "deleted entry", "deleted entries")
            ),
            theme.muted,
        ),
        Line::default(),
    ];
    for (i, t) in state.trash.iter().enumerate() {
        let selected = i == state.trash_cursor;
        let marker = if selected { "▸" } else { " " };
        let style = if selected { theme.selected } else { theme.text };
        let head = format!(
            "{marker} {} {}  deleted {}  ",
            t.entry.date.format("%-d %b %Y"),
            t.entry.created_at.format("%H:%M"),
            t.deleted_at.format("%-d %b, %H:%M")
        );
        let room = usize::from(area.width).saturating_sub(head.chars().count());
        lines.push(Line::from(vec![
            Span::styled(head, style),
            Span::styled(
                fit(&written(&t.entry), room),
                if selected { style } else { theme.muted },
            ),
        ]));
    }
    let offset = (state.trash_cursor + 2).saturating_sub(usize::from(area.height));
    let lines: Vec<Line> = lines.into_iter().skip(offset).collect();
    frame.render_widget(Paragraph::new(lines), area);
    // Two lines above the rows: the count and a blank.
    Spot::row(state.trash_cursor + 2).on(area, offset)
}
