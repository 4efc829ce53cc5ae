//! Review's keys, one table for each of its modes.

use crate::tui::keys::{self, Binding, HELP_KEY_TEXT, bind, table};

use super::{Mode, State};

const TOP: Binding = keys::top("to the top");
const PAGE_UP: Binding = keys::PAGE_UP_BINDING;
const PAGE_DOWN: Binding = keys::PAGE_DOWN_BINDING;
const EDIT: Binding = bind!(['e'] => Edit, "edit", "edit the entry");
const DELETE: Binding = bind!(['d'] => Delete, "delete", "delete the entry (asks first)");
const BACK: Binding = keys::BACK;

/// Review: the timeline.
pub const TIMELINE: &[Binding] = table![
    bind!([Enter] => Confirm, "open", "open the entry"),
    bind!(['/'] => StartSearch, "search", "search what you wrote"),
    bind!(['f'] => OpenFilter, "filter",
        "filter by trigger, mood, closeness, dates, tag or perspective"),
    bind!(['x'] => Clear, _, "remove the last filter (or the search)"),
    bind!(['X'] => ClearAll, _, "clear every filter and the search"),
    bind!([':'] => GoTo, "go to date", "go to a date"),
    EDIT,
    DELETE,
    bind!(['u'] => Undo, _, "undo the last delete"),
    bind!(['t'] => OpenTrash, _, "show the trash"),
    bind!(['R'] => MakeReport, _,
        "make a report of what is shown, to read or to bring to a therapist"),
    ..keys::moves("newer entry", "older entry", "to the top", "to the bottom"),
    BACK,
];

/// Review: typing a search.
pub const SEARCH: &[Binding] = table![
    bind!([Enter] => Confirm, "done", "keep the search and go to the list"),
    bind!([Esc] => Back, "clear", "clear the search"),
    ..keys::up_down_arrows("newer entry", "older entry"),
    PAGE_UP,
    PAGE_DOWN,
    HELP_KEY_TEXT,
];

/// Review: typing a date.
pub const JUMP: &[Binding] = &[
    bind!([Enter] => Confirm, "go", "go to the date"),
    bind!([Esc] => Back, "cancel", "cancel"),
    HELP_KEY_TEXT,
];

/// Review: what to filter by.
pub const FILTERS: &[Binding] = table![
    bind!([Enter, ' '] => Confirm, "choose", "choose"),
    ..keys::up_down("previous", "next"),
    keys::top("the first"),
    keys::bottom("the last"),
    BACK,
];

const PICK_USE: Binding = bind!([Enter] => Confirm, "use", "filter by it");
const PICK_BACK: Binding = bind!([Esc] => Back, "back", "back");
const PICK_SPACE: Binding =
    bind!([' '] => Toggle, "pick", "use the row under the cursor (while typing: a space)");
const FIRST: Binding = bind!([Home] => Top, _, "the first");
const LAST: Binding = bind!([End] => Bottom, _, "the last");

/// Review: choosing a value to filter by, with `space` for Space.
const fn filter_pick(space: Binding) -> [Binding; 10] {
    keys::join(&[
        &[PICK_USE, PICK_BACK, space],
        &keys::up_down_arrows("previous", "next"),
        &[PAGE_UP, PAGE_DOWN, FIRST, LAST, HELP_KEY_TEXT],
    ])
}

/// Review: choosing a value to filter by.
pub const FILTER_PICK: &[Binding] = &filter_pick(PICK_SPACE);

/// Review: choosing a value to filter by, with something typed: Space types a space, so
/// the footer does not offer it as "pick".
pub const FILTER_PICK_TYPING: &[Binding] = &filter_pick(PICK_SPACE.quiet());

/// Review: an entry in full.
pub const DETAIL: &[Binding] = table![
    EDIT,
    DELETE,
    bind!(['o'] => OpenLinks, "links", "its triggers and strategies, in Learn and the library"),
    bind!(['p'] => LookBack, _,
        "look back on its open predictions: answer or drop one before its day"),
    bind!([Left, 'h'] => Left, "newer", "newer entry"),
    bind!([Right, 'l'] => Right, "older", "older entry"),
    ..keys::up_down("scroll up", "scroll down"),
    PAGE_UP,
    PAGE_DOWN,
    TOP,
    BACK,
];

/// Review: the trash.
pub const TRASH: &[Binding] = table![
    bind!(['r'] => Restore, "restore", "put the entry back"),
    bind!(['E'] => EmptyTrash, "empty trash", "empty the trash (asks twice)"),
    ..keys::moves("previous", "next", "to the top", "to the bottom"),
    BACK,
];

/// Every key table of the screen, by mode (for tests over all tables).
pub const MODES: &[(&str, &[Binding])] = &[
    ("review", TIMELINE),
    ("review: search", SEARCH),
    ("review: go to date", JUMP),
    ("review: filters", FILTERS),
    ("review: filter value", FILTER_PICK),
    ("review: filter value, typing", FILTER_PICK_TYPING),
];

/// The keys in force.
pub fn keys(state: &State) -> &'static [Binding] {
    match state.mode {
        Mode::Timeline => TIMELINE,
        Mode::Search => SEARCH,
        Mode::Jump => JUMP,
        Mode::Filters => FILTERS,
        Mode::FilterPick(_) if !state.pick.filter.is_empty() => FILTER_PICK_TYPING,
        Mode::FilterPick(_) => FILTER_PICK,
    }
}
