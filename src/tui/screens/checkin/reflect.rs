//! Step 5: questions to reflect on, chosen for the triggers logged, each with a text area.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui_textarea::Input;

use crate::content::{Catalog, offer};
use crate::tui::keys::{Action, Binding, HELP_KEY_TEXT, Key};
use crate::tui::screen::Cmd;
use crate::tui::session::Session;
use crate::tui::theme::Theme;
use crate::tui::widgets::page;
use crate::tui::widgets::wrap;

use super::text::{edit, paste_into, text_area};
use crate::journal::Response;
use ratatui_textarea::TextArea;

use super::{EDITOR, LEAVE, NEXT_TAB, PREV, SAVE, State, TEXT_KEYS, question, response_for};

/// The placeholder of an empty answer.
pub const PLACEHOLDER: &str = "Write as much or as little as you like…";

/// Check-in, step 5: reflect (a text area).
pub const KEYS: &[Binding] = &[
    NEXT_TAB,
    PREV,
    SAVE,
    LEAVE,
    Binding::new(
        &[Key::ctrl('o')],
        Action::OtherPrompt,
        Some("other question"),
        "ask another question instead",
    ),
    EDITOR,
    TEXT_KEYS[0],
    TEXT_KEYS[1],
    TEXT_KEYS[2],
    TEXT_KEYS[3],
    HELP_KEY_TEXT,
];

impl State {
    /// Picks the Reflect step's prompts (see `content::offer::prompts`). Answered prompts
    /// always stay; unanswered ones follow the triggers.
    pub(super) fn choose_prompts(&mut self, session: &Session) {
        let triggers = offer::trigger_ids(&self.draft.triggers);
        let wanted = offer::prompts(
            &session.catalog,
            &triggers,
            self.draft.perspective,
            session.today,
            session.entries(),
        );
        let mut kept: Vec<(Response, TextArea<'static>)> = Vec::new();
        for (r, a) in self.draft.responses.drain(..).zip(self.answers.drain(..)) {
            let answered = !r.answer.trim().is_empty();
            let still_wanted = r
                .prompt_id
                .as_ref()
                .is_some_and(|id| wanted.iter().any(|w| w.id == id.as_str()));
            if answered || still_wanted || r.prompt_id.is_none() {
                kept.push((r, a));
            }
        }
        for p in wanted {
            if kept.len() >= offer::MAX_PROMPTS {
                break;
            }
            let present = kept
                .iter()
                .any(|(r, _)| r.prompt_id.as_ref().is_some_and(|id| id.as_str() == p.id));
            if !present {
                kept.push((response_for(p), text_area("", PLACEHOLDER)));
            }
        }
        for (r, _) in &kept {
            if let Some(id) = &r.prompt_id
                && !self.offered.iter().any(|o| o == id.as_str())
            {
                self.offered.push(id.to_string());
            }
        }
        let (responses, answers) = kept.into_iter().unzip();
        self.draft.responses = responses;
        self.answers = answers;
        self.prompt_index = self.prompt_index.min(self.answers.len().saturating_sub(1));
    }
}

/// Typing into the answer shown.
pub fn input(state: &mut State, input: Input) {
    if let Some(a) = state.answers.get_mut(state.prompt_index)
        && edit(a, input, true)
    {
        state.sync_text();
    }
}

/// Pasting into the answer shown.
pub fn paste(state: &mut State, text: &str) {
    if let Some(a) = state.answers.get_mut(state.prompt_index) {
        paste_into(a, text);
        state.sync_text();
    }
}

/// Applies a key of this step: another question instead of the one shown.
pub fn update(state: &mut State, action: Action, session: &Session) -> Cmd {
    if action != Action::OtherPrompt {
        return Cmd::None;
    }
    let i = state.prompt_index;
    let Some(current) = state.draft.responses.get(i) else {
        return Cmd::None;
    };
    if !current.answer.trim().is_empty() {
        return Cmd::info("This question has an answer. Clear it first to ask another one.");
    }
    let shown: Vec<String> = state
        .draft
        .responses
        .iter()
        .filter_map(|r| r.prompt_id.as_ref().map(ToString::to_string))
        .collect();
    let triggers = offer::trigger_ids(&state.draft.triggers);
    let perspective = state.draft.perspective;
    let Some(next) = offer::other_prompt(
        &session.catalog,
        &triggers,
        perspective,
        &shown,
        &mut state.offered,
    ) else {
        return Cmd::info("There is no other question for this check-in.");
    };
    state.draft.responses[i] = response_for(next);
    state.answers[i] = text_area("", PLACEHOLDER);
    state.dirty = true;
    Cmd::None
}

/// Draws the step.
pub fn view(state: &State, theme: &Theme, catalog: &Catalog, frame: &mut Frame, area: Rect) {
    let Some(response) = state.draft.responses.get(state.prompt_index) else {
        frame.render_widget(
            Paragraph::new(Line::styled(
                "There is no question for this check-in. Tab goes on.",
                theme.muted,
            )),
            area,
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
            state.draft.responses.len()
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
    }
}
