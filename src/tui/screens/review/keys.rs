//! Review's keys, one table for each of its modes.

use ratatui::crossterm::event::KeyCode;

use crate::tui::keys::{self, Action, Binding, DOWN, DOWN_ARROW, HELP_KEY_TEXT, Key, UP, UP_ARROW};

use super::{Mode, State};

const TOP: Binding = keys::top(keys::TOP, "to the top");
const BOTTOM: Binding = keys::bottom(keys::BOTTOM, "to the bottom");
const PAGE_UP: Binding = keys::PAGE_UP_BINDING;
const PAGE_DOWN: Binding = keys::PAGE_DOWN_BINDING;
const EDIT: Binding = Binding::new(
    &[Key::ch('e')],
    Action::Edit,
    Some("edit"),
    "edit the entry",
);
const DELETE: Binding = Binding::new(
    &[Key::ch('d')],
    Action::Delete,
    Some("delete"),
    "delete the entry (asks first)",
);
const BACK: Binding = keys::BACK;

/// Review: the timeline.
pub const TIMELINE: &[Binding] = &[
    Binding::new(keys::ENTER, Action::Confirm, Some("open"), "open the entry"),
    Binding::new(
        &[Key::ch('/')],
        Action::StartSearch,
        Some("search"),
        "search what you wrote",
    ),
    Binding::new(
        &[Key::ch('f')],
        Action::OpenFilter,
        Some("filter"),
        "filter by trigger, mood, closeness, dates, tag or perspective",
    ),
    Binding::new(
        &[Key::ch('x')],
        Action::Clear,
        None,
        "remove the last filter (or the search)",
    ),
    Binding::new(
        &[Key::ch('X')],
        Action::ClearAll,
        None,
        "clear every filter and the search",
    ),
    Binding::new(
        &[Key::ch(':')],
        Action::GoTo,
        Some("go to date"),
        "go to a date",
    ),
    EDIT,
    DELETE,
    Binding::new(&[Key::ch('u')], Action::Undo, None, "undo the last delete"),
    Binding::new(&[Key::ch('t')], Action::OpenTrash, None, "show the trash"),
    Binding::new(
        &[Key::ch('R')],
        Action::MakeReport,
        None,
        "make a report of what is shown, to read or to bring to a therapist",
    ),
    keys::up(UP, "newer entry"),
    keys::down(DOWN, "older entry"),
    PAGE_UP,
    PAGE_DOWN,
    TOP,
    BOTTOM,
    BACK,
];

/// Review: typing a search.
pub const SEARCH: &[Binding] = &[
    Binding::new(
        keys::ENTER,
        Action::Confirm,
        Some("done"),
        "keep the search and go to the list",
    ),
    Binding::new(keys::ESC, Action::Back, Some("clear"), "clear the search"),
    keys::up(UP_ARROW, "newer entry"),
    keys::down(DOWN_ARROW, "older entry"),
    PAGE_UP,
    PAGE_DOWN,
    HELP_KEY_TEXT,
];

/// Review: typing a date.
pub const JUMP: &[Binding] = &[
    Binding::new(keys::ENTER, Action::Confirm, Some("go"), "go to the date"),
    Binding::new(keys::ESC, Action::Back, Some("cancel"), "cancel"),
    HELP_KEY_TEXT,
];

/// Review: what to filter by.
pub const FILTERS: &[Binding] = &[
    Binding::new(
        &[Key::code(KeyCode::Enter), Key::ch(' ')],
        Action::Confirm,
        Some("choose"),
        "choose",
    ),
    keys::up(UP, "previous"),
    keys::down(DOWN, "next"),
    keys::top(keys::TOP, "the first"),
    keys::bottom(keys::BOTTOM, "the last"),
    BACK,
];

const PICK_USE: Binding = Binding::new(keys::ENTER, Action::Confirm, Some("use"), "filter by it");
const PICK_BACK: Binding = Binding::new(keys::ESC, Action::Back, Some("back"), "back");

const SPACE: &[Key] = &[Key::ch(' ')];
const HOME: &[Key] = &[Key::code(KeyCode::Home)];
const END: &[Key] = &[Key::code(KeyCode::End)];

/// Review: choosing a value to filter by; `space_hint` is the footer's word for Space, none
/// where Space types a space.
const fn filter_pick(space_hint: Option<&'static str>) -> [Binding; 10] {
    [
        PICK_USE,
        PICK_BACK,
        Binding::new(
            SPACE,
            Action::Toggle,
            space_hint,
            "use the row under the cursor (while typing: a space)",
        ),
        keys::up(UP_ARROW, "previous"),
        keys::down(DOWN_ARROW, "next"),
        PAGE_UP,
        PAGE_DOWN,
        keys::top(HOME, "the first"),
        keys::bottom(END, "the last"),
        HELP_KEY_TEXT,
    ]
}

/// Review: choosing a value to filter by.
pub const FILTER_PICK: &[Binding] = &filter_pick(Some("pick"));

/// Review: choosing a value to filter by, with something typed: Space types a space, so
/// the footer does not offer it as "pick".
pub const FILTER_PICK_TYPING: &[Binding] = &filter_pick(None);

/// Review: an entry in full.
pub const DETAIL: &[Binding] = &[
    EDIT,
    DELETE,
    Binding::new(
        &[Key::ch('o')],
        Action::OpenLinks,
        Some("links"),
        "its triggers and strategies, in Learn and the library",
    ),
    Binding::new(
        &[Key::ch('p')],
        Action::LookBack,
        None,
        "look back on its open predictions: answer or drop one before its day",
    ),
    Binding::new(
        &[Key::code(KeyCode::Left), Key::ch('h')],
        Action::Left,
        Some("newer"),
        "newer entry",
    ),
    Binding::new(
        &[Key::code(KeyCode::Right), Key::ch('l')],
        Action::Right,
        Some("older"),
        "older entry",
    ),
    keys::up(UP, "scroll up"),
    keys::down(DOWN, "scroll down"),
    PAGE_UP,
    PAGE_DOWN,
    TOP,
    BACK,
];

/// Review: the trash.
pub const TRASH: &[Binding] = &[
    Binding::new(
        &[Key::ch('r')],
        Action::Restore,
        Some("restore"),
        "put the entry back",
    ),
    Binding::new(
        &[Key::ch('E')],
        Action::EmptyTrash,
        Some("empty trash"),
        "empty the trash (asks twice)",
    ),
    keys::up(UP, "previous"),
    keys::down(DOWN, "next"),
    PAGE_UP,
    PAGE_DOWN,
    TOP,
    BOTTOM,
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
