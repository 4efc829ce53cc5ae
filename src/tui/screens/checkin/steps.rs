//! Moving between the check-in's steps: entering one, forward and back (an answer at a time
//! on Reflect, a box at a time on Notes), and saving at the end.

use crate::journal::draft::Step;
use crate::tui::effect::Effect;
use crate::tui::screen::Cmd;
use crate::tui::session::Session;

use super::{State, episodes, predictions};

impl State {
    /// Prepares a step when it is entered.
    pub(super) fn enter(&mut self, step: Step, session: &Session) {
        self.draft.step = step;
        self.focus = 0;
        self.scroll = 0;
        match step {
            Step::Reflect => self.choose_prompts(session),
            Step::Strategies => self.choose_strategies(session),
            Step::Episodes => episodes::open(self, 0, session),
            Step::Predictions => predictions::open(self, 0),
            _ => {}
        }
    }

    /// Where in its step the check-in is (see `CheckInDraft::at`).
    pub(super) fn place(&self) -> usize {
        match self.draft.step {
            Step::Reflect => self.prompt_index,
            Step::Episodes => self.episode_at,
            Step::Predictions => self.prediction_at,
            Step::Scales | Step::Strategies | Step::Notes => self.focus,
            _ => 0,
        }
    }

    /// Goes back to where a resumed draft was in its step (as far as that place still is).
    pub(super) fn resume_place(&mut self, session: &Session) {
        let at = self.draft.at;
        match self.draft.step {
            Step::Reflect => self.prompt_index = at.min(self.answers.len().saturating_sub(1)),
            Step::Episodes => {
                let last = self.draft.episodes.len().saturating_sub(1);
                episodes::open(self, at.min(last), session);
            }
            Step::Predictions => predictions::open(self, at),
            Step::Scales => self.focus = at.min(1),
            Step::Notes => self.focus = at.min(1),
            Step::Strategies => self.focus = at.min(self.strategy_rows().saturating_sub(1)),
            _ => {}
        }
    }

    /// Saves the entry, if there is something to save.
    pub(super) fn finish(&mut self, session: &Session) -> Cmd {
        // An edit keeps answers given to its predictions since it began (from review).
        if self.draft.is_edit()
            && let Some(stored) = session.entries().iter().find(|e| e.id == self.draft.id)
        {
            crate::journal::episode::keep_outcomes(
                &mut self.draft.predictions,
                &stored.predictions,
            );
        }
        if self.draft.is_empty() {
            return Cmd::info(
                "There is nothing to save yet: pick a mood, or write something first.",
            );
        }
        Cmd::Effect(Effect::SaveCheckIn(Box::new(self.draft.clone())))
    }

    pub(super) fn go(&mut self, to: Option<Step>, session: &Session) -> Cmd {
        match to {
            Some(step) => {
                self.enter(step, session);
                self.dirty = false;
                self.save_draft()
            }
            None => Cmd::None,
        }
    }

    pub(super) fn next(&mut self, session: &Session) -> Cmd {
        match self.draft.step {
            Step::Reflect if self.prompt_index + 1 < self.answers.len() => {
                self.prompt_index += 1;
                self.dirty = false;
                self.save_draft()
            }
            Step::Notes if self.focus == 0 => {
                self.focus = 1;
                Cmd::None
            }
            Step::Summary => self.finish(session),
            step => {
                let out = self.go(step.next(), session);
                if self.draft.step == Step::Reflect {
                    self.prompt_index = 0;
                }
                out
            }
        }
    }

    pub(super) fn prev(&mut self, session: &Session) -> Cmd {
        match self.draft.step {
            Step::Reflect if self.prompt_index > 0 => {
                self.prompt_index -= 1;
                self.dirty = false;
                self.save_draft()
            }
            Step::Notes if self.focus == 1 => {
                self.focus = 0;
                Cmd::None
            }
            step => {
                let out = self.go(step.prev(), session);
                if self.draft.step == Step::Reflect {
                    self.prompt_index = self.answers.len().saturating_sub(1);
                }
                if self.draft.step == Step::Notes {
                    self.focus = 1;
                }
                out
            }
        }
    }
}
