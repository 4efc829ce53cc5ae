//! The check-in's update logic: messages in, state out.

use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};
use ratatui_textarea::{CursorMove, DataCursor, Input, Key as TextKey, TextArea};

use super::text::{area_text, paste_into, text_area};
use super::*;
use crate::content::offer::{MAX_PROMPTS, MAX_SUGGESTIONS};
use crate::journal::Helpfulness;
use crate::journal::draft::FollowUp;
use crate::journal::{
    Closeness, Entry, EntryId, Intensity, Mood, Perspective, Preferences, StrategyUse,
};
use crate::journal::{Name, TriggerRef};
use crate::tui::effect::EditTarget;
use crate::tui::screen::Typing;
use crate::tui::test_support::Bench;
use crate::tui::widgets::form::Form;
use crate::tui::widgets::pick_list::Current;

/// The steps' own state, read (and the trigger list moved) as the tests need.
impl State {
    fn step_state(&self, step: Step) -> &StepState {
        &self.steps[step.number() - 1]
    }

    fn list_of(&self, step: Step) -> &PickList {
        self.list(step).unwrap()
    }

    fn emotions(&self) -> &PickList {
        self.list_of(Step::Emotions)
    }

    fn triggers(&self) -> &PickList {
        self.list_of(Step::Triggers)
    }

    fn triggers_mut(&mut self) -> &mut PickList {
        match &mut self.steps[Step::Triggers.number() - 1] {
            StepState::Triggers(l) => &mut l.list,
            other => panic!("not the triggers: {other:?}"),
        }
    }

    fn reactions(&self) -> &PickList {
        self.list_of(Step::Reactions)
    }

    fn note(&self) -> Option<&(String, TextArea<'static>, String)> {
        match self.step_state(Step::Triggers) {
            StepState::Triggers(l) => l.note.as_ref(),
            other => panic!("not the triggers: {other:?}"),
        }
    }

    /// The row (or box) focused on the step shown.
    fn focus(&self) -> usize {
        self.current().place()
    }

    fn follow_ups(&self) -> &[FollowUp] {
        match self.step_state(Step::Strategies) {
            StepState::Strategies(s) => &s.follow_ups,
            other => panic!("not the strategies: {other:?}"),
        }
    }

    fn episode_form(&self) -> &Form {
        match self.step_state(Step::Episodes) {
            StepState::Episodes(s) => &s.form,
            other => panic!("not the moments: {other:?}"),
        }
    }

    fn episode_at(&self) -> usize {
        match self.step_state(Step::Episodes) {
            StepState::Episodes(s) => episodes::place(s),
            other => panic!("not the moments: {other:?}"),
        }
    }

    fn prediction_form(&self) -> &Form {
        match self.step_state(Step::Predictions) {
            StepState::Predictions(s) => &s.form,
            other => panic!("not the predictions: {other:?}"),
        }
    }

    fn answers(&self) -> &[TextArea<'static>] {
        match self.step_state(Step::Reflect) {
            StepState::Reflect(s) => &s.answers,
            other => panic!("not Reflect: {other:?}"),
        }
    }

    fn prompt_index(&self) -> usize {
        match self.step_state(Step::Reflect) {
            StepState::Reflect(s) => s.prompt_index,
            other => panic!("not Reflect: {other:?}"),
        }
    }

    /// The draft's use of the strategy `id` (fails if it has none).
    fn used(&self, id: &str) -> &StrategyUse {
        self.draft
            .strategies
            .iter()
            .find(|u| u.id.as_str() == id)
            .unwrap()
    }
}

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-22T09:30:00+01:00").unwrap()
}

fn today() -> NaiveDate {
    now().date_naive()
}

/// What an update asked for, in short, for asserts.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    Stay,
    SaveDraft,
    Finish,
    Notice(String),
    Editor(EditTarget, String),
    Other(String),
}

fn outcome(cmd: Cmd) -> Outcome {
    match cmd {
        Cmd::None => Outcome::Stay,
        Cmd::Effect(Effect::SaveDraft(_)) => Outcome::SaveDraft,
        Cmd::Effect(Effect::SaveCheckIn(_)) => Outcome::Finish,
        Cmd::Effect(Effect::OpenEditor(_, t, text, _)) => Outcome::Editor(t, text),
        Cmd::Status(crate::tui::session::Status::Info(t)) => Outcome::Notice(t),
        other => Outcome::Other(format!("{other:?}")),
    }
}

struct Fixture {
    /// As if the last frame showed eleven rows: a page is ten.
    bench: Bench,
}

impl std::ops::Deref for Fixture {
    type Target = Bench;

    fn deref(&self) -> &Bench {
        &self.bench
    }
}

impl std::ops::DerefMut for Fixture {
    fn deref_mut(&mut self) -> &mut Bench {
        &mut self.bench
    }
}

impl Fixture {
    fn new() -> Fixture {
        let mut session = crate::tui::test_support::session(Preferences {
            perspective: Some(Perspective::IPullAway.into()),
            ..Preferences::default()
        });
        session.journal = Some(crate::journal::Journal::default());
        Fixture {
            bench: Bench::new(session, 11),
        }
    }

    /// A fixture, and a check-in walked to `step`.
    fn at(step: Step) -> (Fixture, State) {
        let f = Fixture::new();
        let mut s = f.state();
        f.to(&mut s, step);
        (f, s)
    }

    fn state(&self) -> State {
        State::new(
            CheckInDraft::new(now(), Some(Perspective::IPullAway)),
            &self.session,
        )
    }

    /// Presses the first key bound to `a` in the step's table, through the translation the
    /// app uses.
    fn act(&self, s: &mut State, a: Action) -> Outcome {
        outcome(self.press(super::keys(s), a, |msg, cx| update(s, msg, cx)))
    }

    fn send(&self, s: &mut State, msg: Msg) -> Outcome {
        outcome(update(s, msg, &self.ctx()))
    }

    /// A key sent as typed input (arrows and Space go to the focused field of a form).
    fn key(&self, s: &mut State, key: TextKey) -> Outcome {
        self.send(
            s,
            Msg::Input(Input {
                key,
                ..Input::default()
            }),
        )
    }

    fn typed(&self, s: &mut State, text: &str) {
        for c in text.chars() {
            let key = match c {
                '\n' => TextKey::Enter,
                '\u{8}' => TextKey::Backspace,
                c => TextKey::Char(c),
            };
            self.key(s, key);
        }
        // The app flushes at the first pause after a burst of keys.
        s.flush();
    }

    fn to(&self, s: &mut State, step: Step) {
        while s.step() < step {
            self.act(s, Action::Next);
        }
        while s.step() > step {
            self.act(s, Action::Prev);
        }
        assert_eq!(s.step(), step);
    }

    /// Walks to the triggers and picks the one keyed `key`.
    fn pick_trigger(&self, s: &mut State, key: &str) {
        self.to(s, Step::Triggers);
        s.triggers_mut().select_key(key);
        self.act(s, Action::Toggle);
    }
}

mod forms;
mod steps;
mod writing;
