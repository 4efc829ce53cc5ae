//! The check-in's keys: the bindings its steps compose their tables from.

use ratatui::crossterm::event::KeyCode;

use crate::tui::keys::{self, Action, Binding, DOWN_ARROW, Key, UP_ARROW};

pub(super) const NEXT: Binding = Binding::new(
    &[Key::code(KeyCode::Tab), Key::code(KeyCode::Enter)],
    Action::Next,
    Some("next"),
    "next step",
);
pub(super) const NEXT_TAB: Binding = Binding::new(
    &[Key::code(KeyCode::Tab)],
    Action::Next,
    Some("next"),
    "next step (or question)",
);
pub(super) const PREV: Binding = Binding::new(
    &[Key::code(KeyCode::BackTab)],
    Action::Prev,
    Some("back"),
    "previous step",
);
pub(super) const SAVE: Binding = Binding::new(
    &[Key::ctrl('s')],
    Action::Save,
    Some("save"),
    "save the check-in now",
);
pub(super) const LEAVE: Binding = Binding::new(
    keys::ESC,
    Action::Back,
    Some("leave"),
    "leave (asks first; the draft is kept)",
);
pub(super) const LIST_UP: Binding = keys::up(UP_ARROW, "previous row");
pub(super) const LIST_DOWN: Binding = keys::down(DOWN_ARROW, "next row");
pub(super) const LIST_PAGE_UP: Binding = keys::PAGE_UP_BINDING;
pub(super) const LIST_PAGE_DOWN: Binding = keys::PAGE_DOWN_BINDING;
pub(super) const LIST_TOP: Binding = keys::top(&[Key::code(KeyCode::Home)], "first row");
pub(super) const LIST_BOTTOM: Binding = keys::bottom(&[Key::code(KeyCode::End)], "last row");
pub(super) const PICK: Binding = Binding::new(
    &[Key::ch(' ')],
    Action::Toggle,
    Some("pick"),
    "pick or unpick the row (while typing: a space)",
);
pub(super) const ENTER_PICK: Binding = Binding::new(
    keys::ENTER,
    Action::Confirm,
    None,
    "next step; after typing: pick the highlighted row, or add what you typed",
);
pub(super) const EDITOR: Binding = Binding::new(
    &[Key::ctrl('e')],
    Action::Editor,
    Some("editor"),
    "write this in $EDITOR",
);
/// The text box's own keys that change more than one character, each undoable.
pub(super) const TEXT_KEYS: [Binding; 4] = [
    Binding::new(
        &[Key::ctrl('u')],
        Action::Undo,
        None,
        "undo the last change to the text",
    ),
    Binding::new(
        &[Key::ctrl('r')],
        Action::Redo,
        None,
        "redo what was undone",
    ),
    Binding::new(
        &[Key::ctrl('w')],
        Action::DeleteWord,
        None,
        "delete the word before the cursor (Ctrl-U undoes it)",
    ),
    Binding::new(
        &[Key::ctrl('k')],
        Action::DeleteToLineEnd,
        None,
        "delete to the end of the line (Ctrl-U undoes it)",
    ),
];
