//! Step 9: notes in the person's own words, and tags.

use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui_textarea::{Input, TextArea};

use crate::journal::draft::CheckInDraft;
use crate::tui::effect::EditTarget;
use crate::tui::keys::{Action, Binding, HELP_KEY_TEXT, table};
use crate::tui::screen::{Cmd, Typing};
use crate::tui::session::Session;
use crate::tui::widgets::{caret, page};

use super::text::{area_text, edit, edit_action, paste_into, text_area};
use super::{Canvas, Cx, EDITOR, STEP_TAB, StepView, TEXT_KEYS, parse_tags, question};

/// Check-in, step 9: notes and tags (text areas).
pub const KEYS: &[Binding] = table![..STEP_TAB, EDITOR, ..TEXT_KEYS, HELP_KEY_TEXT];

/// The step's state.
#[derive(Debug, Clone)]
pub(super) struct State {
    /// The box written in: 0 the notes, 1 the tags.
    pub(super) focus: usize,
    /// The notes.
    notes: TextArea<'static>,
    /// The tags, comma-separated.
    tags: TextArea<'static>,
}

/// The step's state as the check-in opens.
pub(super) fn new(draft: &CheckInDraft, _session: &Session) -> State {
    State {
        focus: 0,
        notes: text_area(&draft.notes, "Anything else you want to keep from today…"),
        tags: text_area(&draft.tags.join(", "), "e.g. work, weekend"),
    }
}

/// The step is entered: on the notes, or on the tags coming back.
pub(super) fn enter(s: &mut State, back: bool, _cx: &mut Cx) {
    s.focus = usize::from(back);
}

/// The box written in.
pub(super) fn place(s: &State) -> usize {
    s.focus
}

/// Back in the box a resumed draft was in.
pub(super) fn resume(s: &mut State, at: usize, _cx: &mut Cx) {
    s.focus = at.min(1);
}

/// The keys in force.
pub(super) fn keys(_s: &State, _draft: &CheckInDraft) -> &'static [Binding] {
    KEYS
}

/// Notes are prose.
pub(super) fn typing(_s: &State) -> Typing {
    Typing::Prose
}

/// The box focused.
fn focused(s: &mut State) -> &mut TextArea<'static> {
    if s.focus == 0 {
        &mut s.notes
    } else {
        &mut s.tags
    }
}

/// Tab and Shift-Tab move between the two boxes first; Ctrl-E opens the notes in `$EDITOR`;
/// the text box's own keys edit the box focused.
pub(super) fn update(s: &mut State, action: Action, cx: &mut Cx) -> Option<Cmd> {
    match action {
        Action::Next | Action::Confirm if s.focus == 0 => s.focus = 1,
        Action::Prev if s.focus == 1 => s.focus = 0,
        Action::Editor => {
            s.focus = 0;
            return Some(cx.editor(0, EditTarget::Notes, area_text(&s.notes)));
        }
        _ => {
            if !edit_action(focused(s), action)? {
                return Some(Cmd::None);
            }
            cx.typed();
        }
    }
    Some(Cmd::None)
}

/// Typing into the notes, or the tags (where a newline adds nothing).
pub(super) fn input(s: &mut State, input: Input, cx: &mut Cx) {
    let changed = if s.focus == 0 {
        edit(&mut s.notes, input, true)
    } else {
        edit(&mut s.tags, input, false)
    };
    if changed {
        cx.typed();
    }
}

/// Pasting into the notes, or the tags (lines become commas).
pub(super) fn paste(s: &mut State, text: &str, cx: &mut Cx) {
    if s.focus == 0 {
        paste_into(&mut s.notes, text);
    } else {
        s.tags.insert_str(text.replace('\n', ", "));
    }
    cx.typed();
}

/// Copies the notes and tags into the draft.
pub(super) fn flush(s: &State, draft: &mut CheckInDraft) {
    draft.entry.notes = area_text(&s.notes);
    draft.entry.tags = parse_tags(&area_text(&s.tags));
}

/// The notes, back from `$EDITOR`.
pub(super) fn edited(s: &mut State, target: EditTarget, draft: &CheckInDraft) {
    if target == EditTarget::Notes {
        s.notes = text_area(&draft.notes, "");
    }
}

/// Draws the step.
pub(super) fn view(state: &State, v: &StepView, c: Canvas) {
    let Canvas(frame, area, layout) = c;
    let theme = v.theme;
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
    if state.focus == 0 {
        layout.place(caret::of_text_area(&state.notes, inner));
    }
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
    if state.focus == 1 {
        layout.place(caret::of_text_area(&state.tags, inner));
    }
}
