//! The daily check-in: one step a screen, every step skippable, from mood to a saved entry.
//!
//! The draft (`journal::draft::CheckInDraft`) is the single source of truth; the lists and text
//! areas of the steps are views onto it, and every change reaches it (text at the next
//! flush), so whatever is written to the draft file is exactly what the person sees.
//!
//! Each step is a module that owns its state (a variant of [`StepState`]) and exports the same
//! functions: `enter`, `place`, `resume`, `keys`, `typing`, `update`, `input`, `paste`,
//! `flush`, `edited` and `view`, each given the step's state and a [`Cx`] (the draft, the
//! session) or the draft. The `impl StepState` below holds one `match` per function, with no
//! wildcard arm, so the compiler checks that every step has every function. A step's state
//! lives as long as the check-in: coming back to a step finds it as it was left.

mod bid;
mod bindings;
mod cycle_words;
mod debrief;
mod episodes;
mod ladder;
mod leave;
mod lists;
mod notes;
mod predictions;
mod record;
mod reflect;
mod scales;
mod steps;
mod strategies;
mod summary;
mod text;
mod thought;
mod time_out;
mod week_review;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui_textarea::Input;

use crate::journal::draft::{CheckInDraft, Flow, Step};
use crate::tui::effect::{Done, EditTarget, Effect};
use crate::tui::keys::{Action, Binding};
use crate::tui::screen::{Cmd, Ctx, LastLayout, Msg, Open, Typing, ViewCx};
use crate::tui::session::Session;
use crate::tui::theme::Theme;
use crate::tui::widgets::page;
use crate::tui::widgets::pick_list::PickList;

pub use lists::OWN_GROUP;
pub use summary::summary_lines;
use text::normalise_newlines;
pub use text::parse_tags;

/// Whether it opens only once the journal is read.
pub const NEEDS_JOURNAL: bool = false;
use bindings::{
    EDITOR, ENTER_PICK, LEAVE, LIST_MOVES, NEXT_TAB, PICK, PREV, SAVE, STEP, STEP_TAB, TEXT_KEYS,
};

/// The check-in's state: the draft, each step's own state, and what the whole check-in keeps.
#[derive(Debug, Clone)]
pub struct State {
    /// The check-in so far.
    pub draft: CheckInDraft,
    /// Each step's state, in the order of [`Step::EVERY`].
    steps: Vec<StepState>,
    /// Strategy ids suggested (the library's plans offered here are done with once it is saved).
    pub suggestions: Vec<String>,
    /// Whether the predictions due were offered to look back on (once per check-in).
    pub looked_back: bool,
    /// Typed since the draft was last written.
    pub dirty: bool,
    /// Leaving, once the draft is written.
    leaving: bool,
    /// The text areas hold text the draft does not have yet (see [`State::flush`]).
    stale: bool,
}

/// Every key table of the screen, by mode (for tests over all tables).
pub const MODES: &[(&str, &[Binding])] = &[
    ("check-in: scales", scales::KEYS),
    ("check-in: which day", scales::DAY_KEYS),
    ("check-in: feelings and reactions", lists::KEYS),
    (
        "check-in: feelings and reactions, typing",
        lists::KEYS_TYPING,
    ),
    ("check-in: triggers", lists::TRIGGER_KEYS),
    ("check-in: triggers, typing", lists::TRIGGER_KEYS_TYPING),
    ("check-in: a moment, traced", episodes::MOMENT_KEYS),
    ("check-in: a thought, a debrief, your cycle", record::KEYS),
    ("check-in: reflect", reflect::KEYS),
    ("check-in: strategies", strategies::KEYS),
    ("check-in: a fear, as a prediction", predictions::KEYS),
    ("a brave step, as a prediction", predictions::STEP_KEYS),
    ("check-in: notes", notes::KEYS),
    ("check-in: summary", summary::KEYS),
    ("check-in: summary, with a moment", summary::MOMENT_KEYS),
    (
        "check-in: summary, nothing to save yet",
        summary::EMPTY_KEYS,
    ),
];

/// Key tables of the check-in's own small dialogs (no `?` help there).
pub const DIALOG_MODES: &[(&str, &[Binding])] =
    &[("check-in: a note on a trigger", lists::NOTE_KEYS)];

/// The state of one step.
#[derive(Debug, Clone)]
#[allow(
    clippy::large_enum_variant,
    reason = "one of each for the life of a check-in: boxing would save nothing"
)]
enum StepState {
    /// Mood and closeness.
    Scales(scales::State),
    /// Emotion words.
    Emotions(lists::State),
    /// Triggers.
    Triggers(lists::State),
    /// Signs and behaviours.
    Reactions(lists::State),
    /// Moments traced.
    Episodes(episodes::State),
    /// Questions to reflect on.
    Reflect(reflect::State),
    /// Strategies.
    Strategies(strategies::State),
    /// Predictions.
    Predictions(predictions::State),
    /// Notes and tags.
    Notes(notes::State),
    /// A thought checked.
    Thought(thought::State),
    /// A debrief.
    Debrief(debrief::State),
    /// The cycle in the person's own words.
    Cycle(cycle_words::State),
    /// A bid or an appreciation.
    Bid(bid::State),
    /// A time-out.
    TimeOut(time_out::State),
    /// The review of a week.
    Week(week_review::State),
    /// A ladder of small brave steps.
    Ladder(ladder::State),
    /// The summary.
    Summary(summary::State),
}

/// What a step works with besides its own state.
struct Cx<'a> {
    /// The check-in so far.
    pub draft: &'a mut CheckInDraft,
    /// Strategy ids suggested in this check-in.
    pub suggestions: &'a mut Vec<String>,
    /// The session.
    pub session: &'a Session,
    /// The last frame's layout (page sizes, scrolling).
    pub layout: &'a LastLayout,
    dirty: &'a mut bool,
    stale: &'a mut bool,
}

impl Cx<'_> {
    /// The draft changed: it is written at the next pause.
    pub fn changed(&mut self) {
        *self.dirty = true;
    }

    /// A text box changed: its text reaches the draft at the next [`State::flush`] (copying
    /// a long answer on every key would make typing into it slow).
    pub fn typed(&mut self) {
        *self.stale = true;
        *self.dirty = true;
    }

    /// Writes the draft now, `at` the place in the step.
    pub fn save_draft(&mut self, at: usize) -> Cmd {
        *self.dirty = false;
        save_draft(self.draft, at)
    }

    /// The draft, `at` the place in the step, to `$EDITOR` with `text` as `target`.
    pub fn editor(&mut self, at: usize, target: EditTarget, text: String) -> Cmd {
        self.draft.at = at;
        Cmd::Effect(Effect::OpenEditor(
            Box::new(self.draft.clone()),
            target,
            text,
            self.session.prefs.editor.clone(),
        ))
    }
}

fn save_draft(draft: &CheckInDraft, at: usize) -> Cmd {
    let mut draft = draft.clone();
    draft.at = at;
    Cmd::Effect(Effect::SaveDraft(Box::new(draft)))
}

/// Calls the step module's own `f` (`scales::f`, `lists::f`…) with the step's state and
/// `args`: `on_step!(self, enter(back, cx))`. The one place a step is matched to its module.
macro_rules! on_step {
    ($state:expr, $f:ident($($arg:expr),*)) => {
        match $state {
            StepState::Scales(s) => scales::$f(s, $($arg),*),
            StepState::Emotions(s) | StepState::Triggers(s) | StepState::Reactions(s) => {
                lists::$f(s, $($arg),*)
            }
            StepState::Episodes(s) => episodes::$f(s, $($arg),*),
            StepState::Reflect(s) => reflect::$f(s, $($arg),*),
            StepState::Strategies(s) => strategies::$f(s, $($arg),*),
            StepState::Predictions(s) => predictions::$f(s, $($arg),*),
            StepState::Notes(s) => notes::$f(s, $($arg),*),
            StepState::Thought(s) => thought::$f(s, $($arg),*),
            StepState::Debrief(s) => debrief::$f(s, $($arg),*),
            StepState::Cycle(s) => cycle_words::$f(s, $($arg),*),
            StepState::Bid(s) => bid::$f(s, $($arg),*),
            StepState::TimeOut(s) => time_out::$f(s, $($arg),*),
            StepState::Week(s) => week_review::$f(s, $($arg),*),
            StepState::Ladder(s) => ladder::$f(s, $($arg),*),
            StepState::Summary(s) => summary::$f(s, $($arg),*),
        }
    };
}

impl StepState {
    /// The state of `step` as the check-in opens on `draft`.
    fn new(step: Step, draft: &CheckInDraft, session: &Session) -> StepState {
        match step {
            Step::Scales => StepState::Scales(scales::new(draft, session)),
            Step::Emotions => StepState::Emotions(lists::emotions(draft, session)),
            Step::Triggers => StepState::Triggers(lists::triggers(draft, session)),
            Step::Reactions => StepState::Reactions(lists::reactions(draft, session)),
            Step::Episodes => StepState::Episodes(episodes::new(draft, session)),
            Step::Reflect => StepState::Reflect(reflect::new(draft, session)),
            Step::Strategies => StepState::Strategies(strategies::new(draft, session)),
            Step::Predictions => StepState::Predictions(predictions::new(draft, session)),
            Step::Notes => StepState::Notes(notes::new(draft, session)),
            Step::Thought => StepState::Thought(thought::new(draft, session)),
            Step::Debrief => StepState::Debrief(debrief::new(draft, session)),
            Step::Cycle => StepState::Cycle(cycle_words::new(draft, session)),
            Step::Bid => StepState::Bid(bid::new(draft, session)),
            Step::TimeOut => StepState::TimeOut(time_out::new(draft, session)),
            Step::Week => StepState::Week(week_review::new(draft, session)),
            Step::Ladder => StepState::Ladder(ladder::new(draft, session)),
            Step::Summary => StepState::Summary(summary::new(draft, session)),
        }
    }

    /// The step is entered: forward, or `back` from the step after it.
    fn enter(&mut self, back: bool, cx: &mut Cx) {
        on_step!(self, enter(back, cx))
    }

    /// Where in the step the check-in is (see `CheckInDraft::at`).
    fn place(&self) -> usize {
        on_step!(self, place())
    }

    /// Goes back to where a resumed draft was in the step (as far as that place still is).
    fn resume(&mut self, at: usize, cx: &mut Cx) {
        on_step!(self, resume(at, cx))
    }

    /// The keys in force.
    fn keys(&self, draft: &CheckInDraft) -> &'static [Binding] {
        on_step!(self, keys(draft))
    }

    /// How the step takes typed keys: list filters and forms one at a time, answers and
    /// notes as prose.
    fn typing(&self) -> Typing {
        on_step!(self, typing())
    }

    /// Applies a key; `None` leaves it to the check-in's own keys (next, back, save, leave).
    fn update(&mut self, action: Action, cx: &mut Cx) -> Option<Cmd> {
        on_step!(self, update(action, cx))
    }

    /// Applies a typed key.
    fn input(&mut self, input: Input, cx: &mut Cx) {
        on_step!(self, input(input, cx))
    }

    /// Applies pasted text (line ends already `\n`).
    fn paste(&mut self, text: &str, cx: &mut Cx) {
        on_step!(self, paste(text, cx))
    }

    /// Copies what the step's text areas hold into the draft.
    fn flush(&self, draft: &mut CheckInDraft) {
        on_step!(self, flush(draft))
    }

    /// `$EDITOR` gave back the text of `target` (already in the draft).
    fn edited(&mut self, target: EditTarget, draft: &CheckInDraft) {
        on_step!(self, edited(target, draft))
    }

    /// Draws the step.
    fn view(&self, v: &StepView, frame: &mut Frame, area: Rect, layout: &mut LastLayout) {
        on_step!(self, view(v, Canvas(frame, area, layout)))
    }
}

/// Where a step draws: the frame, the step's area, and what the frame laid out (page sizes,
/// scrolling) for the next update.
struct Canvas<'a, 'f>(&'a mut Frame<'f>, Rect, &'a mut LastLayout);

/// What a step's view reads besides its own state.
struct StepView<'a> {
    /// The check-in so far.
    pub draft: &'a CheckInDraft,
    /// The session (theme, catalog, preferences).
    pub session: &'a Session,
    /// The theme.
    pub theme: &'a Theme,
    /// Strategy ids suggested in this check-in.
    pub suggestions: &'a [String],
}

impl State {
    /// The check-in for `draft` (new, resumed or editing an entry).
    pub fn new(draft: CheckInDraft, session: &Session) -> State {
        let steps = Step::EVERY
            .iter()
            .map(|step| StepState::new(*step, &draft, session))
            .collect();
        let mut state = State {
            draft,
            steps,
            suggestions: Vec::new(),
            looked_back: false,
            dirty: false,
            leaving: false,
            stale: false,
        };
        let layout = LastLayout::default();
        let at = state.draft.at;
        state.with_step(session, &layout, |step, cx| {
            step.enter(false, cx);
            step.resume(at, cx);
        });
        state
    }

    /// The step shown.
    pub fn step(&self) -> Step {
        self.draft.step
    }

    /// The state of the step shown.
    fn current(&self) -> &StepState {
        &self.steps[self.draft.step.number() - 1]
    }

    /// Runs `f` on the step shown, with the draft and the session.
    fn with_step<R>(
        &mut self,
        session: &Session,
        layout: &LastLayout,
        f: impl FnOnce(&mut StepState, &mut Cx) -> R,
    ) -> R {
        let step = &mut self.steps[self.draft.step.number() - 1];
        let mut cx = Cx {
            draft: &mut self.draft,
            suggestions: &mut self.suggestions,
            session,
            layout,
            dirty: &mut self.dirty,
            stale: &mut self.stale,
        };
        f(step, &mut cx)
    }

    /// Whether a note on a trigger is being written (a small dialog of its own).
    pub fn writing_note(&self) -> bool {
        let StepState::Triggers(list) = self.current() else {
            return false;
        };
        lists::writing_note(list)
    }

    /// The list of `step`, if it has one.
    pub fn list(&self, step: Step) -> Option<&PickList> {
        let (StepState::Emotions(s) | StepState::Triggers(s) | StepState::Reactions(s)) =
            &self.steps[step.number() - 1]
        else {
            return None;
        };
        Some(lists::list(s))
    }

    /// The draft, brought up to date with the text areas.
    pub fn flushed_draft(&mut self) -> &CheckInDraft {
        self.flush();
        &self.draft
    }

    /// Copies what the text areas hold into the draft, if they changed since the last time.
    /// Done before any command, at every pause, and after every burst of keys.
    pub fn flush(&mut self) {
        self.draft.at = self.current().place();
        if !self.stale {
            return;
        }
        self.stale = false;
        let step = &self.steps[self.draft.step.number() - 1];
        step.flush(&mut self.draft);
        self.dirty = true;
    }

    /// Writes the draft now.
    fn save_draft(&self) -> Cmd {
        save_draft(&self.draft, self.current().place())
    }
}

/// The keys in force.
pub fn keys(state: &State) -> &'static [Binding] {
    state.current().keys(&state.draft)
}

/// How the step takes typed keys.
pub fn typing(state: &State) -> Typing {
    state.current().typing()
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
            state.with_step(session, cx.layout, |step, cx| step.input(input, cx));
            Cmd::None
        }
        Msg::Paste(text) => {
            let text = normalise_newlines(&text);
            state.with_step(session, cx.layout, |step, cx| step.paste(&text, cx));
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
        // Only over the daily check-in: a debrief or a thought check is not interrupted.
        Msg::Opened | Msg::JournalChanged
            if !state.looked_back
                && !state.draft.is_edit()
                && state.draft.flow == Flow::CheckIn
                && session.journal.is_some() =>
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

/// A key: the step's own first, then the check-in's (next, back, save, leave).
fn on_key(state: &mut State, action: Action, cx: &Ctx) -> Cmd {
    let session = cx.session;
    if let Some(cmd) = state.with_step(session, cx.layout, |step, cx| step.update(action, cx)) {
        return cmd;
    }
    match action {
        Action::Next | Action::Confirm => state.next(session, cx.layout),
        Action::Prev => state.prev(session, cx.layout),
        Action::Save => state.finish(session),
        Action::Back => state.leave(session),
        Action::CheckThought => state.detour(Step::Thought, session, cx.layout),
        Action::StartDebrief => state.detour(Step::Debrief, session, cx.layout),
        Action::LogBid => state.detour(Step::Bid, session, cx.layout),
        _ => Cmd::None,
    }
}

/// A question line.
fn question(text: &str, theme: &Theme) -> Line<'static> {
    Line::styled(text.to_owned(), theme.title)
}

/// Draws the check-in: "step N of M" in the title, and the step.
pub fn view(state: &State, cx: &ViewCx, frame: &mut Frame, area: Rect, layout: &mut LastLayout) {
    let step = state.step();
    let flow = state.draft.flow;
    let day = state.draft.date.format("%-d %b %Y");
    let verb = match flow {
        Flow::CheckIn if state.draft.is_edit() => format!("editing {day}"),
        Flow::CheckIn if state.draft.date != state.draft.started_at.date_naive() => {
            format!("check-in for {}", state.draft.date.format("%-d %b"))
        }
        Flow::CheckIn => "check-in".to_owned(),
        Flow::Debrief => "debrief".to_owned(),
        Flow::Thought => "a thought".to_owned(),
        Flow::Cycle => "your cycle".to_owned(),
        Flow::Bid => "turning toward".to_owned(),
        Flow::TimeOut => "a break".to_owned(),
        Flow::Week => "the week".to_owned(),
        Flow::Ladder => "a ladder".to_owned(),
        Flow::BraveStep => "a brave step".to_owned(),
    };
    let (n, of) = flow.position(step);
    let title = format!("{verb} · step {n} of {of} · {}", step.title());
    let body = page::column(page::draw(cx, frame, area, &title));
    let session = cx.session;
    // Lists page by the rows the body shows; the summary records its wrapped lines.
    layout.record(body, 0);
    let v = StepView {
        draft: &state.draft,
        session,
        theme: &session.theme,
        suggestions: &state.suggestions,
    };
    state.current().view(&v, frame, body, layout);
}

#[cfg(test)]
mod tests;
