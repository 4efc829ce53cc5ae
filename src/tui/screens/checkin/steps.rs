//! Moving between the check-in's steps: entering one, forward and back (each step may move
//! within itself first: an answer at a time on Reflect, a box at a time on Notes), and saving
//! at the end.

use crate::journal::draft::Step;
use crate::tui::effect::Effect;
use crate::tui::screen::{Cmd, LastLayout};
use crate::tui::session::Session;

use super::State;

impl State {
    /// Saves the entry, if there is something to save.
    pub(super) fn finish(&mut self, session: &Session) -> Cmd {
        // An edit keeps answers given to its predictions since it began (from review).
        if self.draft.is_edit()
            && let Some(stored) = session.entries().iter().find(|e| e.id == self.draft.id)
        {
            crate::journal::episode::keep_outcomes(
                &mut self.draft.entry.predictions,
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

    /// Goes to `to` (from the step after it when `back`), and writes the draft.
    fn go(&mut self, to: Option<Step>, back: bool, session: &Session, layout: &LastLayout) -> Cmd {
        match to {
            Some(step) => {
                self.draft.step = step;
                self.with_step(session, layout, |step, cx| step.enter(back, cx));
                self.dirty = false;
                self.save_draft()
            }
            None => Cmd::None,
        }
    }

    /// The next step; after the last, the check-in is saved.
    pub(super) fn next(&mut self, session: &Session, layout: &LastLayout) -> Cmd {
        match self.draft.flow.next(self.draft.step) {
            Some(step) => self.go(Some(step), false, session, layout),
            None => self.finish(session),
        }
    }

    /// A thought check or a debrief begun from the moment step: its step, from which Tab goes
    /// on with the check-in and Shift-Tab back to the moment (see `Flow`).
    pub(super) fn detour(&mut self, to: Step, session: &Session, layout: &LastLayout) -> Cmd {
        if self.draft.step != Step::Episodes {
            return Cmd::None;
        }
        self.go(Some(to), false, session, layout)
    }

    /// The step before.
    pub(super) fn prev(&mut self, session: &Session, layout: &LastLayout) -> Cmd {
        self.go(self.draft.flow.prev(self.draft.step), true, session, layout)
    }
}

/// The contract's functions for a step that takes no text (re-exported under the contract's
/// names by the steps it fits).
pub(super) mod no_text {
    use ratatui_textarea::Input;

    use crate::journal::draft::CheckInDraft;
    use crate::tui::effect::EditTarget;
    use crate::tui::screen::Typing;

    use super::super::Cx;

    /// The step takes no typed text.
    pub(in super::super) fn typing<S>(_s: &S) -> Typing {
        Typing::No
    }

    /// No typed text.
    pub(in super::super) fn input<S>(_s: &mut S, _input: Input, _cx: &mut Cx) {}

    /// No pasted text.
    pub(in super::super) fn paste<S>(_s: &mut S, _text: &str, _cx: &mut Cx) {}

    /// No text areas: nothing to copy into the draft.
    pub(in super::super) fn flush<S>(_s: &S, _draft: &mut CheckInDraft) {}

    /// No text for `$EDITOR`.
    pub(in super::super) fn edited<S>(_s: &mut S, _target: EditTarget, _draft: &CheckInDraft) {}
}
