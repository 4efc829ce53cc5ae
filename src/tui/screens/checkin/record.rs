//! What the thought-check and debrief steps share: a list of records of the entry, shown one
//! at a time as a form that writes through to the draft on every change. A record exists in
//! the draft once something is filled in; Ctrl-N starts another, PgUp/PgDn go to the one
//! before or after (a debrief or thought check done earlier that day, when the day's entry
//! is being added to).

use crate::journal::draft::{CheckInDraft, Step};
use crate::journal::{Entry, Texts};
use crate::tui::effect::EditTarget;
use crate::tui::keys::{Action, Binding, HELP_KEY_TEXT, table};
use crate::tui::screen::Cmd;
use crate::tui::session::Session;
use crate::tui::widgets::form::Form;

use super::episodes::FORM_KEYS;
pub(super) use super::episodes::{State, flush, place, typing};
use super::{Cx, EDITOR};

/// The check-in's step functions for the step of `$record` (a [`Record`]): those of this
/// module, for that record.
macro_rules! step_functions {
    ($record:ty) => {
        pub(super) use super::record::{State, flush, keys, new, place, typing};

        /// `$EDITOR` gave back one of the record's texts (already in the draft).
        pub(super) fn edited(
            s: &mut State,
            target: crate::tui::effect::EditTarget,
            draft: &crate::journal::draft::CheckInDraft,
        ) {
            super::record::edited::<$record>(s, target, draft);
        }

        /// The step is entered.
        pub(super) fn enter(s: &mut State, back: bool, cx: &mut super::Cx) {
            super::record::enter::<$record>(s, back, cx);
        }

        /// Back where a resumed draft was.
        pub(super) fn resume(s: &mut State, at: usize, cx: &mut super::Cx) {
            super::record::resume::<$record>(s, at, cx);
        }

        /// Applies a typed key.
        pub(super) fn input(s: &mut State, input: ratatui_textarea::Input, cx: &mut super::Cx) {
            super::record::input::<$record>(s, input, cx);
        }

        /// Applies a paste.
        pub(super) fn paste(s: &mut State, text: &str, cx: &mut super::Cx) {
            super::record::paste::<$record>(s, text, cx);
        }

        /// Applies a key of this step.
        pub(super) fn update(
            s: &mut State,
            action: crate::tui::keys::Action,
            cx: &mut super::Cx,
        ) -> Option<crate::tui::screen::Cmd> {
            super::record::update::<$record>(s, action, cx)
        }
    };
}
pub(super) use step_functions;

/// A kind of record an entry holds a list of, asked as a form.
pub(super) trait Record: Clone + Default + PartialEq + Sized + Texts {
    /// The entry's list of them.
    const LIST: fn(&Entry) -> &[Self];
    /// The entry's list of them, to change.
    const LIST_MUT: fn(&mut Entry) -> &mut crate::journal::entry::ThinVec<Self>;
    /// The form for `record` (none: a new one), in this check-in.
    fn form(record: Option<&Self>, draft: &CheckInDraft, session: &Session) -> Form;
    /// What the form says, in place of `shown` (whose fields this closer does not show, it
    /// keeps).
    fn read(form: &Form, shown: Option<&Self>, session: &Session) -> Self;
    /// The step it is asked on.
    const STEP: Step;

    /// The form fields that hold its texts, in the order of its `texts` (see [`Texts`]).
    const TEXT_FIELDS: &'static [usize];

    /// Brings what the form asks up to date with the draft (after every change).
    fn refresh(_form: &mut Form, _draft: &CheckInDraft, _session: &Session) {}

    /// Whether nothing is filled in.
    fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// A new record is about to join `others` (the entry's list): what must differ from
    /// theirs (an id) is made to.
    fn placed(&mut self, _others: &[Self]) {}
}

/// The step's state as the check-in opens (its form is made when the step is entered).
pub(super) fn new(_draft: &CheckInDraft, _session: &Session) -> State {
    State::default()
}

/// The step is entered: on a new record, past the last; or, `back` from the summary, on the
/// last one. (A check-in that opens on the step then resumes where its draft was.)
pub(super) fn enter<R: Record>(s: &mut State, back: bool, cx: &mut Cx) {
    let made = (R::LIST)(cx.draft).len();
    open::<R>(s, if back { made.saturating_sub(1) } else { made }, cx);
}

/// Back on the record a resumed draft was on.
pub(super) fn resume<R: Record>(s: &mut State, at: usize, cx: &mut Cx) {
    open::<R>(s, at, cx);
}

/// Opens the record `at` (a new, empty one past the last).
fn open<R: Record>(s: &mut State, at: usize, cx: &mut Cx) {
    let list = (R::LIST)(cx.draft);
    s.at = at.min(list.len());
    s.form = R::form(list.get(s.at), cx.draft, cx.session);
}

/// Takes the form into the draft: a new record is added once something is in it.
fn write_back<R: Record>(s: &State, cx: &mut Cx) {
    let list = (R::LIST_MUT)(&mut cx.draft.entry);
    let mut record = R::read(&s.form, list.get(s.at), cx.session);
    match list.get_mut(s.at) {
        Some(slot) => *slot = record,
        None if !record.is_empty() => {
            record.placed(list);
            list.push(record);
        }
        None => {}
    }
    cx.changed();
}

/// Takes a change of the form into the draft, then lets the form follow it.
fn changed<R: Record>(s: &mut State, cx: &mut Cx) {
    write_back::<R>(s, cx);
    R::refresh(&mut s.form, cx.draft, cx.session);
    // What the form filled in as it followed (a starter ladder's steps) reaches the draft.
    write_back::<R>(s, cx);
}

/// Applies a typed key.
pub(super) fn input<R: Record>(s: &mut State, input: ratatui_textarea::Input, cx: &mut Cx) {
    if s.form.input(input) {
        changed::<R>(s, cx);
    }
}

/// Applies a paste.
pub(super) fn paste<R: Record>(s: &mut State, text: &str, cx: &mut Cx) {
    if s.form.paste(text) {
        changed::<R>(s, cx);
    }
}

/// A record step's keys: a form's, and Ctrl-E to write the focused text in `$EDITOR`.
pub const KEYS: &[Binding] = table![..FORM_KEYS, EDITOR, HELP_KEY_TEXT];

/// The keys in force.
pub(super) fn keys(_s: &State, _draft: &CheckInDraft) -> &'static [Binding] {
    KEYS
}

/// `$EDITOR` gave back text `text` of record `at` (already in the draft): the form shows it.
pub(super) fn edited<R: Record>(s: &mut State, target: EditTarget, draft: &CheckInDraft) {
    let EditTarget::Record { step, at, text } = target else {
        return;
    };
    if step != R::STEP || at != s.at {
        return;
    }
    let Some(&field) = R::TEXT_FIELDS.get(text) else {
        return;
    };
    let mut record = (R::LIST)(draft).get(at).cloned().unwrap_or_default();
    if let Some(new) = record.text_mut(text) {
        s.form.set_text(field, new);
    }
}

/// Applies a key of this step; `None` when it is not the step's own (else the check-in's).
pub(super) fn update<R: Record>(s: &mut State, action: Action, cx: &mut Cx) -> Option<Cmd> {
    if action == Action::Editor {
        let focus = s.form.focus;
        return Some(match R::TEXT_FIELDS.iter().position(|f| *f == focus) {
            Some(text) => {
                let target = EditTarget::Record {
                    step: R::STEP,
                    at: s.at,
                    text,
                };
                let now = s.form.text(focus).to_owned();
                cx.editor(s.at, target, now)
            }
            None => Cmd::info("$EDITOR takes a text: move to one with ↑/↓ first."),
        });
    }
    let made = (R::LIST)(cx.draft).len();
    if let Some(done) = super::episodes::move_in(&mut s.form, action) {
        return done;
    }
    match action {
        Action::Add if s.at < made => open::<R>(s, made, cx),
        Action::PageUp if s.at > 0 => open::<R>(s, s.at - 1, cx),
        Action::PageDown if s.at < made => open::<R>(s, s.at + 1, cx),
        Action::Add | Action::PageUp | Action::PageDown => {}
        _ => return None,
    }
    Some(Cmd::None)
}

/// "Thought 2 of 3" or "A new thought check", for the line over the form.
pub(super) fn shown(at: usize, made: usize, one: &str, new: &str) -> String {
    if at < made {
        format!("{one} {} of {made}", at + 1)
    } else {
        new.to_owned()
    }
}
