//! Leaving the check-in: keeping or discarding the draft (asked first), what `$EDITOR` gives
//! back, and what a saved check-in teaches about the person's choices.

use crate::content::checkin::{hard_day, learned};
use crate::tui::effect::{EditTarget, Effect};
use crate::tui::keys::Action;
use crate::tui::screen::{Cmd, Open, Question};
use crate::tui::session::Session;

use super::State;

impl State {
    /// Text back from `$EDITOR`.
    pub(super) fn edited(&mut self, target: EditTarget, text: &str) -> Cmd {
        self.draft.take_edit(target, text);
        for step in &mut self.steps {
            step.edited(target, &self.draft);
        }
        self.dirty = false;
        self.save_draft()
    }

    /// The draft written before leaving closer, if there is anything in it.
    pub(super) fn keep(&mut self) -> Cmd {
        self.flush();
        if self.draft.is_empty() {
            return Cmd::None;
        }
        self.dirty = false;
        self.save_draft()
    }

    /// Esc: an edit that changed nothing leaves without asking (there is nothing to keep or
    /// lose: its draft goes, the entry is as it was); otherwise [`State::ask_to_leave`].
    pub(super) fn leave(&mut self, session: &Session) -> Cmd {
        self.flush();
        if self.draft.is_edit() && self.unchanged(session) {
            return Cmd::Effect(Effect::DiscardDraft).and(Cmd::Pop);
        }
        self.ask_to_leave()
    }

    /// Whether an edit would save its entry as it is saved now.
    fn unchanged(&self, session: &Session) -> bool {
        let Some(stored) = session.entries().iter().find(|e| e.id == self.draft.id) else {
            return false;
        };
        let mut now = self.draft.finish(stored.updated_at);
        now.two_versions.clone_from(&stored.two_versions);
        now == *stored
    }

    /// "Leave the check-in?" (or, editing a saved entry, "Leave the edit?").
    pub(super) fn ask_to_leave(&mut self) -> Cmd {
        // Nothing entered in a new check-in: nothing to keep or lose, so nothing to ask.
        self.flush();
        if !self.draft.is_edit() && self.draft.is_empty() {
            return Cmd::Effect(Effect::DiscardDraft).and(Cmd::Pop);
        }
        let dialog = if self.draft.is_edit() {
            Open::ask(
                Question::LeaveEdit,
                "Leave the edit?",
                &[
                    "Your changes can be kept as a draft; the entry",
                    "stays as it was saved until you save again.",
                ],
            )
        } else {
            Open::ask(
                Question::LeaveCheckIn,
                "Leave the check-in?",
                &[
                    "What you have entered is kept as a draft;",
                    "closer offers it again next time you start.",
                ],
            )
        };
        Cmd::Open(dialog)
    }

    /// A dialog the check-in opened was answered.
    pub(super) fn answered(&mut self, question: Question, action: Action) -> Cmd {
        let edit = self.draft.is_edit();
        match (question, action) {
            (Question::LeaveCheckIn | Question::LeaveEdit, Action::KeepAndLeave) => {
                self.flush();
                if self.draft.is_empty() {
                    return Cmd::Effect(Effect::DiscardDraft).and(Cmd::Pop);
                }
                // It leaves once the draft is written (see `written`), not before.
                self.leaving = true;
                self.dirty = false;
                self.save_draft()
            }
            (Question::LeaveUnsaved, Action::TryAgain) => {
                self.leaving = true;
                self.save_draft()
            }
            (Question::LeaveUnsaved, Action::SaveToFile) => {
                Cmd::Open(Open::SaveText(self.draft.words(), Question::LeaveUnsaved))
            }
            // Written to a file (the file says so in the status line), or left in memory.
            (Question::LeaveUnsaved, Action::Confirm) => Cmd::Pop,
            (Question::LeaveUnsaved, Action::LeaveAnyway) => Cmd::Pop.and(Cmd::info(
                "You left the check-in; its words are only in memory (c brings them back). \
                 closer asks before it quits.",
            )),
            (Question::LeaveCheckIn, Action::Discard) => Cmd::Open(Open::ask(
                Question::DiscardCheckIn,
                "Discard this check-in?",
                &["What you entered in it will be gone for good."],
            )),
            (Question::LeaveEdit, Action::Discard) => Cmd::Open(Open::ask(
                Question::DiscardEdit,
                "Discard your changes?",
                &[
                    "The entry stays as it was saved; only the changes",
                    "made now are dropped.",
                ],
            )),
            (Question::DiscardCheckIn | Question::DiscardEdit, Action::Yes) => {
                let text = if edit {
                    "Your changes were discarded; the entry is as it was."
                } else {
                    "The check-in was discarded."
                };
                Cmd::Effect(Effect::DiscardDraft)
                    .and(Cmd::Pop)
                    .and(Cmd::info(text))
            }
            (Question::DiscardCheckIn | Question::DiscardEdit, _) => self.ask_to_leave(),
            _ => Cmd::None,
        }
    }

    /// The draft was written (`Ok`) or not (`Err`, why): a check-in being left closes, or
    /// asks what to do with words that are in memory only.
    pub(super) fn written(&mut self, result: Result<(), &str>) -> Cmd {
        if !std::mem::take(&mut self.leaving) {
            if result.is_err() {
                // Try again at the next pause.
                self.dirty = true;
            }
            return Cmd::None;
        }
        match result {
            Ok(()) => {
                let text = if self.draft.is_edit() {
                    "Your changes are kept as a draft; the entry is as it was. Press e on it (or \
                     c on home) to go on."
                } else {
                    "Your check-in is kept as a draft. Press c to go on with it."
                };
                Cmd::Pop.and(Cmd::info(text))
            }
            // The status line says why.
            Err(_) => {
                self.dirty = true;
                Cmd::Open(Open::ask(
                    Question::LeaveUnsaved,
                    "Your words are not on disk",
                    &[
                        "The draft could not be written, so your words are only",
                        "in memory. Try again, save them to a file, or leave",
                        "them in memory for now.",
                    ],
                ))
            }
        }
    }

    /// The check-in was saved: close it, and keep what it taught about the person's choices.
    pub(super) fn saved(&self, session: &Session) -> Cmd {
        let prefs = learned(&self.draft, &session.prefs, &self.suggestions);
        // After a hard day (the lowest mood or closeness, or the trigger about control or
        // fear), home says once, quietly, where help is; the status line goes with the next key.
        let hard = hard_day(&self.draft, &session.catalog);
        let said = if self.draft.flow == crate::journal::draft::Flow::Debrief {
            "Your debrief is saved with today's entry. ✓ If it still feels heavy, ! shows where \
             to find support."
                .to_owned()
        } else if self.draft.flow == crate::journal::draft::Flow::Thought {
            "Your thought check is saved with today's entry. ✓".to_owned()
        } else if self.draft.flow == crate::journal::draft::Flow::Bid {
            "Kept with today's entry. ✓ Noticing it is the first step of turning toward.".to_owned()
        } else if self.draft.flow == crate::journal::draft::Flow::TimeOut {
            "Your break is kept. ✓ closer shows the time left, then asks if you went back to it."
                .to_owned()
        } else if self.draft.flow == crate::journal::draft::Flow::Week {
            "The week's review is kept with today's entry. ✓".to_owned()
        } else if self.draft.flow == crate::journal::draft::Flow::Ladder {
            "Your ladder is saved with today's entry. ✓".to_owned()
        } else if self.draft.flow == crate::journal::draft::Flow::BraveStep {
            let day = self
                .draft
                .predictions
                .last()
                .map(|p| p.look_back.format("%A %-d %B").to_string())
                .unwrap_or_default();
            format!("Your step is saved. ✓ On {day}, closer asks what really happened.")
        } else if self.draft.is_edit() {
            format!(
                "Your changes to the entry of {} are saved. ✓",
                self.draft.date.format("%-d %B")
            )
        } else if self.draft.written_on.is_some() {
            // Written for an earlier day, as the person chose.
            let day = self.draft.date.format("%A %-d %B");
            if hard {
                format!(
                    "Your check-in for {day} is saved, marked as written later. ✓ If it was \
                     hard, ! shows where to find support."
                )
            } else {
                format!("Your check-in for {day} is saved, marked as written later. ✓")
            }
        } else if self.draft.date != session.today {
            // Begun before midnight, saved after: it went to the day it was begun on, and
            // today still has none.
            let day = self.draft.date.format("%A %-d %B");
            if hard {
                format!(
                    "Your check-in is saved to {day}, the day you began it. ✓ If it was hard, ! \
                     shows where to find support."
                )
            } else {
                format!("Your check-in is saved to {day}, the day you began it. ✓")
            }
        } else if hard {
            "Your check-in is saved. ✓ If today was hard, ! shows where to find support.".to_owned()
        } else {
            "Your check-in is saved. ✓".to_owned()
        };
        let cmd = Cmd::Pop.and(Cmd::info(said));
        match prefs {
            Some(prefs) => cmd.and(Cmd::Prefs(Box::new(prefs))),
            None => cmd,
        }
    }
}
