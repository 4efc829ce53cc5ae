//! The check-in's keys: the bindings its steps compose their tables from.

use crate::tui::keys::{self, Binding, bind, table};

pub(super) const NEXT: Binding = bind!([Tab, Enter] => Next, "next", "next step");
pub(super) const NEXT_TAB: Binding = bind!([Tab] => Next, "next", "next step (or question)");
pub(super) const PREV: Binding = bind!([BackTab] => Prev, "back", "previous step");
pub(super) const SAVE: Binding = bind!([Ctrl 's'] => Save, "save", "save the check-in now");
pub(super) const LEAVE: Binding =
    bind!([Esc] => Back, "leave", "leave (asks first; the draft is kept)");
/// What every step's keys begin with: the next step (Tab or Enter), back, save, leave.
pub(super) const STEP: [Binding; 4] = [NEXT, PREV, SAVE, LEAVE];
/// The same where Enter is the step's own: the next step with Tab.
pub(super) const STEP_TAB: [Binding; 4] = [NEXT_TAB, PREV, SAVE, LEAVE];
/// Moving through a list whose filter takes letters: ↑ ↓ PgUp PgDn Home End.
pub(super) const LIST_MOVES: &[Binding] = table![
    ..keys::up_down_arrows("previous row", "next row"),
    keys::PAGE_UP_BINDING,
    keys::PAGE_DOWN_BINDING,
    bind!([Home] => Top, _, "first row"),
    bind!([End] => Bottom, _, "last row"),
];
pub(super) const PICK: Binding =
    bind!([' '] => Toggle, "pick", "pick or unpick the row (while typing: a space)");
pub(super) const ENTER_PICK: Binding = bind!([Enter] => Confirm, _,
    "next step; after typing: pick the highlighted row, or add what you typed");
pub(super) const EDITOR: Binding = bind!([Ctrl 'e'] => Editor, "editor", "write this in $EDITOR");
/// The text box's own keys that change more than one character, each undoable.
pub(super) const TEXT_KEYS: [Binding; 4] = [
    bind!([Ctrl 'u'] => Undo, _, "undo the last change to the text"),
    bind!([Ctrl 'r'] => Redo, _, "redo what was undone"),
    bind!([Ctrl 'w'] => DeleteWord, _, "delete the word before the cursor (Ctrl-U undoes it)"),
    bind!([Ctrl 'k'] => DeleteToLineEnd, _, "delete to the end of the line (Ctrl-U undoes it)"),
];
