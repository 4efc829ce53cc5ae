//! Step 7: notes in the person's own words, and tags.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui_textarea::Input;

use crate::tui::keys::{Binding, HELP_KEY_TEXT};
use crate::tui::theme::Theme;
use crate::tui::widgets::page;

use super::text::{edit, paste_into};
use super::{EDITOR, LEAVE, NEXT_TAB, PREV, SAVE, State, TEXT_KEYS, question};

/// Check-in, step 7: notes and tags (text areas).
pub const KEYS: &[Binding] = &[
    NEXT_TAB,
    PREV,
    SAVE,
    LEAVE,
    EDITOR,
    TEXT_KEYS[0],
    TEXT_KEYS[1],
    TEXT_KEYS[2],
    TEXT_KEYS[3],
    HELP_KEY_TEXT,
];

/// Typing into the notes, or the tags (where a newline adds nothing).
pub fn input(state: &mut State, input: Input) {
    let changed = if state.focus == 0 {
        edit(&mut state.notes, input, true)
    } else {
        edit(&mut state.tags, input, false)
    };
    if changed {
        state.sync_text();
    }
}

/// Pasting into the notes, or the tags (lines become commas).
pub fn paste(state: &mut State, text: &str) {
    if state.focus == 0 {
        paste_into(&mut state.notes, text);
    } else {
        state.tags.insert_str(text.replace('\n', ", "));
    }
    state.sync_text();
}

/// Draws the step.
pub fn view(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let [q, body, _, tq, tags] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(3),
    ])
    .areas(area);
    let mark = |i: usize| if state.focus == i { "▸ " } else { "  " };
    frame.render_widget(question(&format!("{}Notes", mark(0)), theme), q);
    let focused = |i: usize| {
        if state.focus == i {
            page::text_box(theme.key)
        } else {
            page::text_box(theme.border)
        }
    };
    let block = focused(0);
    let inner = block.inner(body);
    frame.render_widget(block, body);
    frame.render_widget(&state.notes, inner);
    frame.render_widget(
        Line::from(vec![
            Span::styled(format!("{}Tags", mark(1)), theme.title),
            Span::styled("  separated by commas", theme.muted),
        ]),
        tq,
    );
    let block = focused(1);
    let inner = block.inner(tags);
    frame.render_widget(block, tags);
    frame.render_widget(&state.tags, inner);
}
