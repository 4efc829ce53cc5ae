//! The guide's keys: the library, its search, a strategy's page, the Learn index, other pages.

use crate::tui::keys::{self, Binding, HELP_KEY_TEXT, bind, table};

use super::{Page, State};

const LINK_NEXT: Binding = bind!([Tab] => Next, "next link", "select the next link");
const LINK_PREV: Binding = bind!([BackTab] => Prev, _, "select the previous link");
const FOLLOW: Binding = bind!([Enter] => Confirm, "open", "follow the selected link");
const FAVOURITE: Binding = bind!(['f'] => Favourite, "favourite", "mark or unmark as a favourite");
const PLAN_NEXT: Binding = bind!(['p'] => PlanNext, "plan",
    "plan it for your next check-in (offered first there)");

/// A reading page of the guide (a trigger, a digest, an entry's links).
pub const PAGE: &[Binding] = table![LINK_NEXT, LINK_PREV, FOLLOW, ..keys::SCROLL, keys::BACK];

/// A strategy's page.
pub const STRATEGY: &[Binding] = table![FAVOURITE, PLAN_NEXT, ..PAGE];

/// The Learn index: a menu.
pub const LEARN: &[Binding] = table![
    bind!([Enter] => Confirm, "open", "open it"),
    bind!(['/'] => StartSearch, "search", "find an article or a trigger"),
    ..keys::up_down("previous", "next"),
    keys::PAGE_UP_BINDING,
    keys::PAGE_DOWN_READ,
    keys::top("the first"),
    keys::bottom("the last"),
    keys::BACK,
];

/// The strategy library.
pub const LIBRARY: &[Binding] = table![
    bind!([Enter] => Confirm, "open", "open the strategy"),
    bind!(['/'] => StartSearch, "search", "search titles and text"),
    bind!(['v'] => Group, "group", "group by category, by trigger, or A to Z"),
    bind!(['a'] => AllPerspectives, _, "all perspectives, or only yours"),
    bind!(['*'] => FavouritesFirst, _, "favourites first, or not"),
    FAVOURITE,
    PLAN_NEXT,
    ..keys::moves("previous", "next", "to the top", "to the bottom"),
    keys::BACK,
];

/// A search being typed, in the library or the Learn index.
pub const SEARCH: &[Binding] = table![
    bind!([Enter] => Confirm, "done", "keep the search; Enter again opens the selected one"),
    bind!([Esc] => Back, "clear", "clear the search"),
    ..keys::up_down_arrows("previous", "next"),
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
