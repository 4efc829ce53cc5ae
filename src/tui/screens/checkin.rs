//! The daily check-in: one step a screen, every step skippable, from mood to a saved entry.
//!
//! The draft (`journal::draft::CheckInDraft`) is the single source of truth; the lists and text
//! areas here are views onto it, and every change reaches it (text at the next flush), so
//! whatever is written to the draft file is exactly what the person sees.
//!
//! Each step is a module with the screen contract one level down: its keys, whether it takes
//! typed text, its update and its view. The `match step` sites in this file, in `bindings.rs`
//! (which keys, which typing) and in `steps.rs` (moving between steps) are the only places
//! that list the steps.

mod bindings;
mod episodes;
mod leave;
mod lists;
mod notes;
mod predictions;
mod reflect;
mod scales;
mod steps;
mod strategies;
mod summary;
mod text;

use crate::journal::Perspective;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui_textarea::TextArea;

use crate::content::TriggerGroup;
use crate::journal::draft::{CheckInDraft, FollowUp, Step, pending_follow_ups};
use crate::journal::vocabulary::EMOTIONS;
use crate::journal::{Name, Response, TriggerRef};
use crate::tui::effect::{Done, Effect};
use crate::tui::keys::Action;
use crate::tui::screen::{Cmd, Ctx, LastLayout, Msg, Open, Page, ViewCx};
use crate::tui::session::Session;
use crate::tui::theme::Theme;
use crate::tui::widgets::page;
use crate::tui::widgets::pick_list::{Current, PickList, Row};

pub use lists::OWN_GROUP;
use lists::custom_key;
pub use summary::summary_lines;
pub use text::parse_tags;
use text::{area_text, normalise_newlines, text_area};

pub use bindings::{DIALOG_MODES, MODES, keys, typing};
/// Whether it opens only once the journal is read.
pub const NEEDS_JOURNAL: bool = false;
use bindings::{
    EDITOR, ENTER_PICK, LEAVE, LIST_BOTTOM, LIST_DOWN, LIST_PAGE_DOWN, LIST_PAGE_UP, LIST_TOP,
    LIST_UP, NEXT, NEXT_TAB, PICK, PREV, SAVE, TEXT_KEYS,
};

/// The check-in's state.
#[derive(Debug, Clone)]
pub struct State {
    /// The check-in so far.
    pub draft: CheckInDraft,
    /// The focused row: the scale (0 mood, 1 closeness), a strategy row, or notes (0) / tags (1).
    pub focus: usize,
    /// Emotion words.
    pub emotions: PickList,
    /// Triggers.
    pub triggers: PickList,
    /// Signs and behaviours.
    pub reactions: PickList,
    /// Which prompt of the Reflect step is shown.
    pub prompt_index: usize,
    /// One text area per prompt, in step with `draft.responses`.
    pub answers: Vec<TextArea<'static>>,
    /// Prompt ids offered so far (so "another question" does not repeat itself).
    pub offered: Vec<String>,
    /// Strategy ids suggested.
    pub suggestions: Vec<String>,
    /// Earlier plans to follow up.
    pub follow_ups: Vec<FollowUp>,
    /// The notes.
    pub notes: TextArea<'static>,
    /// The tags, comma-separated.
    pub tags: TextArea<'static>,
    /// A trigger note being written: (trigger key, text, the note before, for Esc).
    pub note: Option<(String, TextArea<'static>, String)>,
    /// How far the summary is scrolled.
    pub scroll: u16,
    /// The moment shown in the episode step.
    pub episode_at: usize,
    /// Its form.
    pub episode_form: crate::tui::widgets::form::Form,
    /// The prediction shown in the prediction step (one past the last: a new one).
    pub prediction_at: usize,
    /// Its form.
    pub prediction_form: crate::tui::widgets::form::Form,
    /// Whether the predictions due were offered to look back on (once per check-in).
    pub looked_back: bool,
    /// Typed since the draft was last written.
    pub dirty: bool,
    /// Leaving, once the draft is written.
    leaving: bool,
    /// A new check-in on a day that has entries already: how many (it will be one more).
    pub earlier_today: usize,
    /// The text areas hold text the draft does not have yet (see [`State::flush`]).
    stale: bool,
}

impl State {
    /// The check-in for `draft` (new, resumed or editing an entry).
    pub fn new(draft: CheckInDraft, session: &Session) -> State {
        let perspective = draft.perspective;
        let mut emotion_rows: Vec<Row> = EMOTIONS.iter().map(|w| Row::plain(*w, *w)).collect();
        for e in session.prefs.custom_feelings.iter().chain(&draft.emotions) {
            if !emotion_rows.iter().any(|r| &r.key == e) {
                emotion_rows.push(Row::plain(e.clone(), e.clone()));
            }
        }
        let mut trigger_rows = Vec::new();
        for group in TriggerGroup::ALL {
            for t in session.catalog.triggers_in(*group, perspective) {
                // The summary that speaks to this person: the partner's, where there is one.
                let detail = match (perspective, &t.partner_summary) {
                    (Some(Perspective::PartnerPullsAway), Some(theirs)) => theirs.clone(),
                    _ => t.summary.clone(),
                };
                trigger_rows.push(Row {
                    key: t.id.clone(),
                    label: t.name.clone(),
                    detail,
                    group: Some(group.label().to_owned()),
                });
            }
        }
        let drafted = draft.triggers.iter().filter_map(|t| match &t.trigger {
            TriggerRef::Custom(n) => Some(n.to_string()),
            TriggerRef::Id(_) => None,
        });
        let mut own: Vec<String> = session.prefs.custom_triggers.clone();
        for name in drafted {
            if !own.contains(&name) {
                own.push(name);
            }
        }
        for name in own {
            trigger_rows.push(Row {
                key: custom_key(&name),
                label: name,
                detail: String::new(),
                group: Some(OWN_GROUP.to_owned()),
            });
        }
        let reaction_rows = session
            .catalog
            .signs_for(perspective)
            .into_iter()
            .map(|s| Row::plain(s.id.clone(), s.label.clone()))
            .collect();
        let follow_ups = pending_follow_ups(
            session.entries(),
            session.today,
            draft.is_edit().then_some(&draft.id),
        )
        .into_iter()
        .filter(|f| session.catalog.strategy(f.strategy.as_str()).is_some())
        .collect();
        let answers = draft
            .responses
            .iter()
            .map(|r| text_area(&r.answer, reflect::PLACEHOLDER))
            .collect();
        let mut state = State {
            notes: text_area(&draft.notes, "Anything else you want to keep from today…"),
            tags: text_area(&draft.tags.join(", "), "e.g. work, weekend"),
            draft,
            focus: 0,
            emotions: PickList::new(emotion_rows, true),
            triggers: PickList::new(trigger_rows, true),
            reactions: PickList::new(reaction_rows, false),
            prompt_index: 0,
            answers,
            offered: Vec::new(),
            suggestions: Vec::new(),
            follow_ups,
            note: None,
            scroll: 0,
            episode_at: 0,
            episode_form: crate::tui::widgets::form::Form::default(),
            prediction_at: 0,
            prediction_form: crate::tui::widgets::form::Form::default(),
            looked_back: false,
            dirty: false,
            leaving: false,
            earlier_today: 0,
            stale: false,
        };
        state.earlier_today = if state.draft.is_edit() {
            0
        } else {
            session
                .entries()
                .iter()
                .filter(|e| e.date == state.draft.date && e.id != state.draft.id)
                .count()
        };
        state.enter(state.draft.step, session);
        state.resume_place(session);
        state
    }

    /// The step shown.
    pub fn step(&self) -> Step {
        self.draft.step
    }

    /// Whether a note on a trigger is being written (a small dialog of its own).
    pub fn writing_note(&self) -> bool {
        self.note.is_some()
    }

    /// The draft, brought up to date with the text areas.
    pub fn flushed_draft(&mut self) -> &CheckInDraft {
        self.flush();
        &self.draft
    }

    /// The list of this step, if it has one.
    fn list_mut(&mut self) -> Option<&mut PickList> {
        match self.draft.step {
            Step::Emotions => Some(&mut self.emotions),
            Step::Triggers => Some(&mut self.triggers),
            Step::Reactions => Some(&mut self.reactions),
            _ => None,
        }
    }

    /// Notes that the text areas changed; their text reaches the draft at the next
    /// [`State::flush`] (copying a long answer on every key would make typing into it slow).
    fn sync_text(&mut self) {
        self.stale = true;
        self.dirty = true;
    }

    /// Copies what the text areas hold into the draft, if they changed since the last time.
    /// Done before any command, at every pause, and after every burst of keys.
    pub fn flush(&mut self) {
        self.draft.at = self.place();
        if !self.stale {
            return;
        }
        self.stale = false;
        let step = self.draft.step;
        if step == Step::Reflect
            && let (Some(r), Some(a)) = (
                self.draft.responses.get_mut(self.prompt_index),
                self.answers.get(self.prompt_index),
            )
        {
            r.answer = area_text(a);
        }
        if step == Step::Notes {
            self.draft.notes = area_text(&self.notes);
            self.draft.tags = parse_tags(&area_text(&self.tags));
        }
        self.dirty = true;
    }

    /// Writes the draft now.
    fn save_draft(&self) -> Cmd {
        let mut draft = self.draft.clone();
        draft.at = self.place();
        Cmd::Effect(Effect::SaveDraft(Box::new(draft)))
    }

    /// The guide page for what is under the cursor: a bundled trigger, or a strategy row.
    fn learn_more(&self) -> Cmd {
        let page = match self.draft.step {
            Step::Triggers => match self.triggers.current() {
                Some(Current::Row(i)) if !self.triggers.rows[i].key.starts_with(lists::CUSTOM) => {
                    Page::Trigger(self.triggers.rows[i].key.clone())
                }
                _ => return Cmd::info("closer has nothing written about a trigger of your own."),
            },
            Step::Strategies => {
                let follow = self.follow_ups.len();
                let id = if self.focus < follow {
                    self.follow_ups
                        .get(self.focus)
                        .map(|f| f.strategy.to_string())
                } else {
                    self.suggestions.get(self.focus - follow).cloned()
                };
                match id {
                    Some(id) => Page::Strategy(id),
                    None => return Cmd::None,
                }
            }
            _ => return Cmd::None,
        };
        Cmd::Open(Open::Guide(page))
    }

    /// The text box that has the focus, if the step has one.
    fn focused_text(&mut self) -> Option<&mut TextArea<'static>> {
        match self.draft.step {
            Step::Reflect => self.answers.get_mut(self.prompt_index),
            Step::Notes if self.focus == 0 => Some(&mut self.notes),
            Step::Notes => Some(&mut self.tags),
            _ => None,
        }
    }

    /// Undo, redo, or a delete of more than a character, in the focused text box.
    fn edit_text(&mut self, action: Action) {
        let Some(area) = self.focused_text() else {
            return;
        };
        let changed = match action {
            Action::Undo => area.undo(),
            Action::Redo => area.redo(),
            Action::DeleteWord => area.delete_word(),
            Action::DeleteToLineEnd => area.delete_line_by_end(),
            _ => false,
        };
        if changed {
            self.sync_text();
        }
    }

    /// Rows of the strategy step: follow-ups first, then suggestions.
    pub fn strategy_rows(&self) -> usize {
        self.follow_ups.len() + self.suggestions.len()
    }
}

fn response_for(p: &crate::content::Prompt) -> Response {
    Response {
        prompt_id: Name::try_from(p.id.as_str()).ok(),
        prompt: p.text.as_str().into(),
        answer: String::new(),
        extra: Default::default(),
    }
}

/// Applies a message.
pub fn update(state: &mut State, msg: Msg, cx: &Ctx) -> Cmd {
    let session = cx.session;
    match msg {
        Msg::Key(action) => {
            state.flush();
            on_key(state, action, cx)
        }
        Msg::Input(input) => {
            if state.writing_note() {
                lists::input(state, input);
                return Cmd::None;
            }
            match state.step() {
                Step::Emotions | Step::Triggers | Step::Reactions => lists::input(state, input),
                Step::Reflect => reflect::input(state, input),
                Step::Notes => notes::input(state, input),
                Step::Episodes => episodes::input(state, input),
                Step::Predictions => predictions::input(state, input),
                Step::Scales | Step::Strategies | Step::Summary => {}
            }
            Cmd::None
        }
        Msg::Paste(text) => {
            let text = normalise_newlines(&text);
            if state.writing_note() {
                lists::paste(state, &text);
                return Cmd::None;
            }
            match state.step() {
                Step::Emotions | Step::Triggers | Step::Reactions => {
                    lists::paste(state, &text);
                    state.sync_text();
                }
                Step::Reflect => reflect::paste(state, &text),
                Step::Notes => notes::paste(state, &text),
                Step::Episodes => episodes::paste(state, &text),
                Step::Predictions => predictions::paste(state, &text),
                Step::Scales | Step::Strategies | Step::Summary => {}
            }
            Cmd::None
        }
        // A pause in typing: keep what was typed.
        Msg::Pause if state.dirty => {
            state.flush();
            state.dirty = false;
            state.save_draft()
        }
        Msg::Quitting | Msg::Suspending => state.keep(),
        // Predictions whose day has come are asked about first, over a new check-in: when it
        // opens, or once the journal is read if it opened before (`closer checkin`). Looked
        // for once per check-in, not after every save (it goes over the whole journal).
        Msg::Opened | Msg::JournalChanged
            if !state.looked_back && !state.draft.is_edit() && session.journal.is_some() =>
        {
            state.looked_back = true;
            if crate::journal::predictions::due(session.entries(), session.today).is_empty() {
                Cmd::None
            } else {
                Cmd::Open(Open::LookBack(None))
            }
        }
        // An edit of a saved entry is written as a draft at once, so a crash cannot lose it.
        Msg::Opened if state.draft.is_edit() => state.save_draft(),
        Msg::Answer(question, action) => state.answered(question, action),
        Msg::Done(Done::Edited(target, text)) => state.edited(target, &text),
        Msg::Done(Done::CheckInSaved(_)) => state.saved(session),
        Msg::Done(Done::DraftSaved(_)) => state.written(Ok(())),
        Msg::Done(Done::DraftFailed(_, why)) => state.written(Err(&why)),
        _ => Cmd::None,
    }
}

fn on_key(state: &mut State, action: Action, cx: &Ctx) -> Cmd {
    let session = cx.session;
    if state.writing_note() {
        lists::note_update(state, action);
        return Cmd::None;
    }
    let page = cx.layout.page();
    if lists::intercept(state, action, page) {
        return Cmd::None;
    }
    if state.step() == Step::Predictions
        && let Some(cmd) = predictions::hold(state, action)
    {
        return cmd;
    }
    let own = match state.step() {
        Step::Episodes => episodes::update(state, action, session),
        Step::Predictions => predictions::update(state, action),
        _ => false,
    };
    if own {
        return Cmd::None;
    }
    match action {
        Action::Next | Action::Confirm => return state.next(session),
        Action::Prev => return state.prev(session),
        Action::Save => return state.finish(session),
        Action::Back => return state.leave(session),
        Action::LearnMore => return state.learn_more(),
        Action::Editor => return state.editor(session),
        Action::Undo | Action::Redo | Action::DeleteWord | Action::DeleteToLineEnd => {
            state.edit_text(action);
            return Cmd::None;
        }
        _ => {}
    }
    match state.step() {
        Step::Scales => scales::update(state, action),
        Step::Emotions | Step::Triggers | Step::Reactions => lists::update(state, action, page),
        Step::Reflect => return reflect::update(state, action, session),
        Step::Strategies => strategies::update(state, action),
        Step::Summary => summary::update(state, action, cx.layout),
        Step::Notes | Step::Episodes | Step::Predictions => {}
    }
    Cmd::None
}

/// A question line.
fn question(text: &str, theme: &Theme) -> Line<'static> {
    Line::styled(text.to_owned(), theme.title)
}

/// Draws the check-in: "step N of M" in the title, the step, and a note being written.
pub fn view(state: &State, cx: &ViewCx, frame: &mut Frame, area: Rect, layout: &mut LastLayout) {
    let step = state.step();
    let verb = if state.draft.is_edit() {
        format!("editing {}", state.draft.date.format("%-d %b %Y"))
    } else {
        "check-in".to_owned()
    };
    let title = format!(
        "{verb} · step {} of {} · {}",
        step.number(),
        Step::ALL.len(),
        step.title()
    );
    let body = page::column(page::draw(cx, frame, area, &title));
    let session = cx.session;
    let theme = &session.theme;
    let catalog = &session.catalog;
    let labels = session.prefs.mood_labels;
    // Lists page by the rows the body shows; the summary records its wrapped lines.
    layout.record(body, 0);
    match step {
        Step::Scales => scales::view(state, labels, theme, frame, body),
        Step::Emotions | Step::Triggers | Step::Reactions => {
            lists::view(state, step, session.locked, theme, frame, body, layout);
        }
        Step::Reflect => reflect::view(state, theme, catalog, frame, body),
        Step::Strategies => strategies::view(state, theme, catalog, frame, body),
        Step::Notes => notes::view(state, theme, frame, body),
        Step::Episodes => episodes::view(state, theme, session, frame, body),
        Step::Predictions => predictions::view(state, theme, session, frame, body),
        Step::Summary => summary::view(state, catalog, labels, theme, frame, body, layout),
    }
    lists::note_view(state, theme, frame, body);
}

#[cfg(test)]
mod tests;
