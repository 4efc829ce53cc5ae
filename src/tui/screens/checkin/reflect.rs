//! Step 5: questions to reflect on, chosen for the triggers logged, each with a text area.

use ratatui::layout::{Constraint, Layout};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui_textarea::{Input, TextArea};

use crate::content::checkin::{Asked, note_offered, reflect_questions, response_for};
use crate::content::offer;
use crate::journal::Response;
use crate::journal::draft::CheckInDraft;
use crate::tui::effect::EditTarget;
use crate::tui::keys::{Action, Binding, HELP_KEY_TEXT, bind, table};
use crate::tui::screen::{Cmd, Typing};
use crate::tui::session::Session;
use crate::tui::widgets::wrap;
use crate::tui::widgets::{caret, page};

use super::text::{area_text, edit, edit_action, paste_into, text_area};
use super::{Canvas, Cx, EDITOR, STEP_TAB, StepView, TEXT_KEYS, question};

/// The placeholder of an empty answer.
pub const PLACEHOLDER: &str = "Write as much or as little as you like…";

/// Check-in, step 5: reflect (a text area).
pub const KEYS: &[Binding] = table![
    ..STEP_TAB,
    bind!([Ctrl 'o'] => OtherPrompt, "other question", "ask another question instead"),
    EDITOR,
    ..TEXT_KEYS,
    HELP_KEY_TEXT,
];

/// The step's state.
#[derive(Debug, Clone)]
pub(super) struct State {
    /// Which question is shown.
    pub(super) prompt_index: usize,
    /// One text area per question, in step with `draft.responses`.
    pub(super) answers: Vec<TextArea<'static>>,
    /// Prompt ids offered so far (so "another question" does not repeat itself).
    offered: Vec<String>,
}

/// The step's state as the check-in opens: the answers written so far.
pub(super) fn new(draft: &CheckInDraft, _session: &Session) -> State {
    State {
        prompt_index: 0,
        answers: draft
            .responses
            .iter()
            .map(|r| text_area(&r.answer, PLACEHOLDER))
            .collect(),
        offered: Vec::new(),
    }
}

/// The step is entered: its questions chosen again for the triggers, on the first (or,
/// coming back, the last).
pub(super) fn enter(s: &mut State, back: bool, cx: &mut Cx) {
    choose_prompts(s, cx);
    if back {
        s.prompt_index = s.answers.len().saturating_sub(1);
    }
}

/// Picks the Reflect step's prompts (see `content::checkin::reflect_questions`): answered
/// prompts always stay; unanswered ones follow the triggers.
fn choose_prompts(s: &mut State, cx: &mut Cx) {
    let asked = reflect_questions(&cx.draft.entry, &cx.session.given());
    let draft = &mut cx.draft.entry;
    let mut old: Vec<Option<(Response, TextArea<'static>)>> = draft
        .responses
        .drain(..)
        .zip(s.answers.drain(..))
        .map(Some)
        .collect();
    let kept: Vec<(Response, TextArea<'static>)> = asked
        .into_iter()
        .filter_map(|a| match a {
            Asked::Kept(i) => old.get_mut(i).and_then(Option::take),
            Asked::New(r) => Some((r, text_area("", PLACEHOLDER))),
        })
        .collect();
    let (responses, answers) = kept.into_iter().unzip();
    draft.responses = responses;
    s.answers = answers;
    note_offered(&draft.responses, &mut s.offered);
    s.prompt_index = 0;
}

/// The question shown.
pub(super) fn place(s: &State) -> usize {
    s.prompt_index
}

/// Back on the question a resumed draft was on.
pub(super) fn resume(s: &mut State, at: usize, _cx: &mut Cx) {
    s.prompt_index = at.min(s.answers.len().saturating_sub(1));
}

/// The keys in force.
pub(super) fn keys(_s: &State, _draft: &CheckInDraft) -> &'static [Binding] {
    KEYS
}

/// Answers are prose.
pub(super) fn typing(_s: &State) -> Typing {
    Typing::Prose
}

/// Typing into the answer shown.
pub(super) fn input(s: &mut State, input: Input, cx: &mut Cx) {
    if let Some(a) = s.answers.get_mut(s.prompt_index)
        && edit(a, input, true)
    {
        cx.typed();
    }
}

/// Pasting into the answer shown.
pub(super) fn paste(s: &mut State, text: &str, cx: &mut Cx) {
    if let Some(a) = s.answers.get_mut(s.prompt_index) {
        paste_into(a, text);
        cx.typed();
    }
}

/// Copies the answer shown into the draft.
pub(super) fn flush(s: &State, draft: &mut CheckInDraft) {
    if let (Some(r), Some(a)) = (
        draft.entry.responses.get_mut(s.prompt_index),
        s.answers.get(s.prompt_index),
    ) {
        r.answer = area_text(a);
    }
}

/// An answer, back from `$EDITOR`.
pub(super) fn edited(s: &mut State, target: EditTarget, draft: &CheckInDraft) {
    if let EditTarget::Answer(i) = target
        && let (Some(a), Some(r)) = (s.answers.get_mut(i), draft.responses.get(i))
    {
        *a = text_area(&r.answer, "");
    }
}

/// Applies a key of this step: Tab and Shift-Tab go from question to question first; another
/// question instead of the one shown; the answer in `$EDITOR`; the text box's own keys.
pub(super) fn update(s: &mut State, action: Action, cx: &mut Cx) -> Option<Cmd> {
    match action {
        Action::Next | Action::Confirm if s.prompt_index + 1 < s.answers.len() => {
            s.prompt_index += 1;
            Some(cx.save_draft(s.prompt_index))
        }
        Action::Prev if s.prompt_index > 0 => {
            s.prompt_index -= 1;
            Some(cx.save_draft(s.prompt_index))
        }
        Action::OtherPrompt => Some(other_prompt(s, cx)),
        Action::Editor if !s.answers.is_empty() => {
            let text = s
                .answers
                .get(s.prompt_index)
                .map(area_text)
                .unwrap_or_default();
            Some(cx.editor(s.prompt_index, EditTarget::Answer(s.prompt_index), text))
        }
        Action::Editor => Some(Cmd::None),
        _ => {
            let area = s.answers.get_mut(s.prompt_index);
            if area.and_then(|a| edit_action(a, action)) == Some(true) {
                cx.typed();
            }
            edit_action_taken(action)
        }
    }
}

/// Whether `action` is one of the text box's own keys (taken whether or not there is a box).
fn edit_action_taken(action: Action) -> Option<Cmd> {
    matches!(
        action,
        Action::Undo | Action::Redo | Action::DeleteWord | Action::DeleteToLineEnd
    )
    .then_some(Cmd::None)
}

/// Another question instead of the one shown.
fn other_prompt(s: &mut State, cx: &mut Cx) -> Cmd {
    let i = s.prompt_index;
    let draft = &mut cx.draft.entry;
    let Some(current) = draft.responses.get(i) else {
        return Cmd::None;
    };
    if !current.answer.trim().is_empty() {
        return Cmd::info("This question has an answer. Clear it first to ask another one.");
    }
    let shown: Vec<String> = draft
        .responses
        .iter()
        .filter_map(|r| r.prompt_id.as_ref().map(ToString::to_string))
        .collect();
    let triggers = offer::trigger_ids(&draft.triggers);
    let Some(next) = offer::other_prompt(
        &cx.session.catalog,
        &triggers,
        draft.perspective,
        &shown,
        &mut s.offered,
    ) else {
        return Cmd::info("There is no other question for this check-in.");
    };
    draft.responses[i] = response_for(next);
    s.answers[i] = text_area("", PLACEHOLDER);
    cx.changed();
    Cmd::None
}

/// Draws the step.
pub(super) fn view(state: &State, v: &StepView, c: Canvas) {
    let Canvas(frame, area, layout) = c;
    let (theme, catalog) = (v.theme, &v.session.catalog);
    let Some(response) = v.draft.responses.get(state.prompt_index) else {
        page::muted_line(
            frame,
            area,
            "There is no question for this check-in. Tab goes on.",
            theme,
        );
        return;
    };
    let prompt = response
        .prompt_id
        .as_ref()
        .and_then(|id| catalog.prompt(id.as_str()));
    let mut head = vec![Line::styled(
        format!(
            "Question {} of {}",
            state.prompt_index + 1,
            v.draft.responses.len()
        ),
        theme.muted,
    )];
    head.push(question(&response.prompt, theme));
    if let Some(p) = prompt {
        head.push(Line::styled(p.idea.clone(), theme.muted));
        let sources: Vec<&str> = p.sources.iter().map(|s| s.short()).collect();
        head.push(Line::styled(
            format!("From: {}", sources.join("; ")),
            theme.muted,
        ));
    }
    let head = wrap::lines(head, usize::from(area.width));
    let head_height = u16::try_from(head.len())
        .unwrap_or(u16::MAX)
        .min(area.height / 2);
    let [top, _, body] = Layout::vertical([
        Constraint::Length(head_height),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(head), top);
    if let Some(answer) = state.answers.get(state.prompt_index) {
        let block = page::text_box(theme.border);
        let inner = block.inner(body);
        frame.render_widget(block, body);
        frame.render_widget(answer, inner);
        layout.place(caret::of_text_area(answer, inner));
    }
}
