//! The guide's keys: the library, its search, a strategy's page, the Learn index, other pages.

use ratatui::crossterm::event::KeyCode;

use crate::tui::keys::{self, Action, Binding, DOWN, DOWN_ARROW, HELP_KEY_TEXT, Key, UP, UP_ARROW};

use super::{Page, State};

const LINK_NEXT: Binding = Binding::new(
    &[Key::code(KeyCode::Tab)],
    Action::Next,
    Some("next link"),
    "select the next link",
);
const LINK_PREV: Binding = Binding::new(
    &[Key::code(KeyCode::BackTab)],
    Action::Prev,
    None,
    "select the previous link",
);
const FOLLOW: Binding = Binding::new(
    keys::ENTER,
    Action::Confirm,
    Some("open"),
    "follow the selected link",
);
const FAVOURITE: Binding = Binding::new(
    &[Key::ch('f')],
    Action::Favourite,
    Some("favourite"),
    "mark or unmark as a favourite",
);
const PLAN_NEXT: Binding = Binding::new(
    &[Key::ch('p')],
    Action::PlanNext,
    Some("plan"),
    "plan it for your next check-in (offered first there)",
);

/// A reading page of the guide (a trigger, a digest, an entry's links).
pub const PAGE: &[Binding] = &[
    LINK_NEXT,
    LINK_PREV,
    FOLLOW,
    keys::SCROLL[0],
    keys::SCROLL[1],
    keys::SCROLL[2],
    keys::SCROLL[3],
    keys::SCROLL[4],
    keys::SCROLL[5],
    keys::BACK,
];

/// A strategy's page.
pub const STRATEGY: &[Binding] = &[
    FAVOURITE,
    PLAN_NEXT,
    LINK_NEXT,
    LINK_PREV,
    FOLLOW,
    keys::SCROLL[0],
    keys::SCROLL[1],
    keys::SCROLL[2],
    keys::SCROLL[3],
    keys::SCROLL[4],
    keys::SCROLL[5],
    keys::BACK,
];

/// The Learn index: a menu.
pub const LEARN: &[Binding] = &[
    Binding::new(keys::ENTER, Action::Confirm, Some("open"), "open it"),
    Binding::new(
        &[Key::ch('/')],
        Action::StartSearch,
        Some("search"),
        "find an article or a trigger",
    ),
    keys::up(UP, "previous"),
    keys::down(DOWN, "next"),
    keys::PAGE_UP_BINDING,
    keys::PAGE_DOWN_READ,
    keys::top(keys::TOP, "the first"),
    keys::bottom(keys::BOTTOM, "the last"),
    keys::BACK,
];

/// The strategy library.
pub const LIBRARY: &[Binding] = &[
    Binding::new(
        keys::ENTER,
        Action::Confirm,
        Some("open"),
        "open the strategy",
    ),
    Binding::new(
        &[Key::ch('/')],
        Action::StartSearch,
        Some("search"),
        "search titles and text",
    ),
    Binding::new(
        &[Key::ch('v')],
        Action::Group,
        Some("group"),
        "group by category, by trigger, or A to Z",
    ),
    Binding::new(
        &[Key::ch('a')],
        Action::AllPerspectives,
        None,
        "all perspectives, or only yours",
    ),
    Binding::new(
        &[Key::ch('*')],
        Action::FavouritesFirst,
        None,
        "favourites first, or not",
    ),
    FAVOURITE,
    PLAN_NEXT,
    keys::up(UP, "previous"),
    keys::down(DOWN, "next"),
    keys::PAGE_UP_BINDING,
    keys::PAGE_DOWN_BINDING,
    keys::top(keys::TOP, "to the top"),
    keys::bottom(keys::BOTTOM, "to the bottom"),
    keys::BACK,
];

/// A search being typed, in the library or the Learn index.
pub const SEARCH: &[Binding] = &[
    Binding::new(
        keys::ENTER,
        Action::Confirm,
        Some("done"),
        "keep the search; Enter again opens the selected one",
    ),
    Binding::new(keys::ESC, Action::Back, Some("clear"), "clear the search"),
    keys::up(UP_ARROW, "previous"),
    keys::down(DOWN_ARROW, "next"),
    HELP_KEY_TEXT,
];

/// Every key table of the screen, by mode (for tests over all tables).
pub const MODES: &[(&str, &[Binding])] = &[
    ("library", LIBRARY),
    ("library or learn: search", SEARCH),
    ("strategy", STRATEGY),
    ("learn", LEARN),
    ("reading page", PAGE),
];

/// The keys in force.
pub fn keys(state: &State) -> &'static [Binding] {
    match state.current().map(|o| &o.page) {
        Some(Page::Library) if state.takes_text() => SEARCH,
        Some(Page::Library) => LIBRARY,
        Some(Page::Strategy(_)) => STRATEGY,
        Some(Page::Learn) if state.takes_text() => SEARCH,
        Some(Page::Learn) => LEARN,
        _ => PAGE,
    }
}
