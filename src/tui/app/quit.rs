//! Quitting with words that are not on disk: closer stays and asks (try again, save them to a
//! file, or quit without them after a second question).

use super::{APP, App};
use crate::tui::effect::{Effect, Request};
use crate::tui::keys::Action;
use crate::tui::screen::{Open, Question};
use crate::tui::screens;

impl App {
    /// Called once the effects of a message are carried out: a quit that was asked for happens
    /// now if every word typed is on disk; if not, closer stays and asks what to do (try
    /// again, save the words to a file, or quit without them after a second question).
    pub fn after_effects(&mut self) {
        if !std::mem::take(&mut self.quit_asked) {
            return;
        }
        if self.session.unsaved.is_none() {
            self.quit = true;
            return;
        }
        self.ask_before_quitting();
    }

    pub(super) fn ask_before_quitting(&mut self) {
        // Asked already (Ctrl-C pressed again over the question): once is enough.
        if self.top().asks(Question::QuitUnsaved) {
            return;
        }
        let open = Open::ask(
            Question::QuitUnsaved,
            "Your words are not on disk",
            &[
                "The draft could not be written, so what you typed is only",
                "in memory. Quitting now would lose it.",
            ],
        );
        let screen = screens::open(open, &self.session);
        self.push(screen);
    }

    /// The answers to the questions closer asks before it quits.
    pub(super) fn quit_answered(
        &mut self,
        question: Question,
        action: Action,
        out: &mut Vec<Request>,
    ) {
        let unsaved = self.session.unsaved.clone();
        match (question, action, unsaved) {
            (Question::QuitUnsaved, Action::TryAgain, Some(draft)) => {
                out.push(Request {
                    from: APP,
                    effect: Effect::SaveDraft(Box::new(draft)),
                });
                self.quit_asked = true;
            }
            (Question::QuitUnsaved, Action::SaveToFile, Some(draft)) => {
                self.open(Open::SaveText(draft.words(), Question::QuitUnsaved), out);
            }
            (Question::QuitUnsaved, Action::LeaveAnyway, Some(_)) => {
                let open = Open::ask(
                    Question::QuitWithout,
                    "Quit without your words?",
                    &[
                        "What you typed since the last draft was written",
                        "will be lost.",
                    ],
                );
                self.open(open, out);
            }
            // The words were written to a file, or were kept after all: nothing is lost.
            // The words were written to a file, were kept after all (a retry at a pause), or
            // the person chose to go without them: nothing more to ask.
            (Question::QuitUnsaved, Action::Confirm, _)
            | (Question::QuitWithout, Action::Yes, _)
            | (
                Question::QuitUnsaved,
                Action::TryAgain | Action::SaveToFile | Action::LeaveAnyway,
                None,
            ) => self.quit = true,
            (Question::QuitWithout, _, Some(_)) => self.ask_before_quitting(),
            _ => {}
        }
    }
}
