//! Keys: what a key press asks for (`Action`), how a key is written (`Key`), one line of a key
//! table (`Binding`), and the movement keys every table composes from. The tables themselves
//! live next to their screens; the same table drives what a key does, the footer hints and the
//! `?` help, so the three never drift apart.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key asks for. Screens interpret these in their `update`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave closer (a check-in in progress is kept first).
    Quit,
    /// Leave this screen (or this mode of it): the one name for "back", "cancel", "close".
    Back,
    /// Show or hide the keys of this screen.
    ToggleHelp,
    /// Stop closer for now, as Ctrl-Z does in a shell (`fg` brings it back).
    Suspend,
    /// Open the Support screen.
    OpenSupport,
    /// Move up one row or line.
    Up,
    /// Move down one row or line.
    Down,
    /// Move up one page.
    PageUp,
    /// Move down one page.
    PageDown,
    /// Go to the top.
    Top,
    /// Go to the bottom.
    Bottom,
    /// Pick option N (1-based) directly.
    Choose(u8),
    /// Confirm the current choice.
    Confirm,
    /// Begin a check-in.
    StartCheckIn,
    /// Begin a debrief after a hard moment.
    StartDebrief,
    /// Begin checking a thought.
    CheckThought,
    /// Show your cycle (insights' cycle view).
    OpenCycle,
    /// Log a bid for connection or an appreciation.
    LogBid,
    /// Take a break with a time to come back.
    TakeBreak,
    /// Say whether you went back to the talk after a break.
    AnswerBreak,
    /// Open the week card.
    OpenWeek,
    /// Open the ladders of small brave steps.
    OpenLadders,
    /// Do the selected step of a ladder (write it as a prediction).
    DoStep,
    /// Put the selected ladder away, or take it back.
    PutAway,
    /// Next step (or next question).
    Next,
    /// Previous step.
    Prev,
    /// Save the check-in now.
    Save,
    /// Pick or unpick the row under the cursor.
    Toggle,
    /// Lower the value under the cursor.
    Left,
    /// Raise the value under the cursor.
    Right,
    /// Clear the value under the cursor.
    Clear,
    /// Ask another question instead of this one.
    OtherPrompt,
    /// Write this text in `$EDITOR`.
    Editor,
    /// Write a note on the trigger under the cursor.
    Note,
    /// Yes.
    Yes,
    /// No.
    No,
    /// Resume the unfinished check-in.
    Resume,
    /// Throw the unfinished check-in away.
    Discard,
    /// Keep the draft and leave the check-in.
    KeepAndLeave,
    /// Try again to write what could not be written.
    TryAgain,
    /// Save words that cannot be kept as a draft to a file the person names.
    SaveToFile,
    /// Leave although what was typed is not on disk.
    LeaveAnyway,
    /// Open the journal's past.
    OpenReview,
    /// Type a search.
    StartSearch,
    /// Choose a filter.
    OpenFilter,
    /// Go to a date.
    GoTo,
    /// Remove every filter and the search.
    ClearAll,
    /// Edit the selected entry.
    Edit,
    /// Delete the selected entry (asks first).
    Delete,
    /// Bring back the entry deleted last; in a text box, undo the last change to the text.
    Undo,
    /// In a text box, redo what was undone.
    Redo,
    /// In a text box, delete from the cursor to the end of the line.
    DeleteToLineEnd,
    /// In a text box, delete the word before the cursor.
    DeleteWord,
    /// Show the trash.
    OpenTrash,
    /// Put the selected trashed entry back.
    Restore,
    /// Empty the trash (asks twice).
    EmptyTrash,
    /// Open the strategy library.
    OpenLibrary,
    /// Open Learn: article digests and triggers.
    OpenLearn,
    /// Learn about the trigger under the cursor.
    LearnMore,
    /// Open the triggers and strategies of the entry shown.
    OpenLinks,
    /// Mark or unmark as a favourite.
    Favourite,
    /// Plan or unplan for the next check-in.
    PlanNext,
    /// Change how the library groups strategies.
    Group,
    /// Show strategies for every perspective, or only yours.
    AllPerspectives,
    /// Favourites at the top, or not.
    FavouritesFirst,
    /// Open insights.
    OpenInsights,
    /// Make a report of what is shown.
    MakeReport,
    /// Look back on an entry's open predictions.
    LookBack,
    /// The month before.
    OlderMonth,
    /// The month after.
    NewerMonth,
    /// Open settings.
    OpenSettings,
    /// Add one (of the person's own words).
    Add,
    /// Open the card for a hard minute of the person's side ("I want to pull away right now",
    /// "They've gone quiet and I'm spiralling").
    OpenCard,
    /// Hide closer at once (a blank screen); pressed again, leave.
    Hide,
}

impl Action {
    /// Whether it moves by what the screen laid out (a line, a page, a link, to an end).
    pub fn moves(self) -> bool {
        self.scrolls() || matches!(self, Action::Next | Action::Prev)
    }

    /// Whether it scrolls or moves a cursor: a line, a page, or to an end.
    pub fn scrolls(self) -> bool {
        matches!(
            self,
            Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::Top
                | Action::Bottom
        )
    }
}

/// A key, as bound in a table: its code, and whether Ctrl is held. Shift is ignored, so `G`
/// matches however the terminal reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    code: KeyCode,
    ctrl: bool,
}

impl Key {
    /// A printable character.
    pub const fn ch(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: false,
        }
    }

    /// A named key (Esc, Enter, arrows…).
    pub const fn code(code: KeyCode) -> Key {
        Key { code, ctrl: false }
    }

    /// Ctrl and a character.
    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
        }
    }

    /// A key press of this key.
    pub fn event(&self) -> KeyEvent {
        let modifiers = if self.ctrl {
            KeyModifiers::CONTROL
        } else {
            KeyModifiers::NONE
        };
        KeyEvent::new(self.code, modifiers)
    }

    /// Whether a key press is this key.
    pub fn matches(&self, event: &KeyEvent) -> bool {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        self.code == event.code && self.ctrl == ctrl
    }

    /// How the key is written in hints and help.
    pub fn label(&self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Esc => "Esc".to_owned(),
            KeyCode::Enter => "Enter".to_owned(),
            KeyCode::Tab => "Tab".to_owned(),
            KeyCode::BackTab => "Shift-Tab".to_owned(),
            KeyCode::Up => "↑".to_owned(),
            KeyCode::Down => "↓".to_owned(),
            KeyCode::Left => "←".to_owned(),
            KeyCode::Right => "→".to_owned(),
            KeyCode::PageUp => "PgUp".to_owned(),
            KeyCode::PageDown => "PgDn".to_owned(),
            KeyCode::Home => "Home".to_owned(),
            KeyCode::End => "End".to_owned(),
            KeyCode::Backspace => "Backspace".to_owned(),
            KeyCode::Delete => "Del".to_owned(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("Ctrl-{}", name.to_uppercase())
        } else {
            name
        }
    }
}

/// One line of a key table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    /// The keys that do it (the first one is shown in the footer).
    pub keys: &'static [Key],
    /// What it does.
    pub action: Action,
    /// A one- or two-word footer hint; `None` to show it only in `?` help.
    pub hint: Option<&'static str>,
    /// What it does, for `?` help.
    pub help: &'static str,
}

impl Binding {
    /// A binding of `keys` to `action`, with a footer `hint` (or none) and its `help` line.
    pub const fn new(
        keys: &'static [Key],
        action: Action,
        hint: Option<&'static str>,
        help: &'static str,
    ) -> Binding {
        Binding {
            keys,
            action,
            hint,
            help,
        }
    }

    /// The same binding with no footer hint (only `?` help shows it).
    pub const fn quiet(self) -> Binding {
        Binding { hint: None, ..self }
    }

    /// All its keys, written for help: "↑ / k".
    pub fn keys_label(&self) -> String {
        self.keys
            .iter()
            .map(Key::label)
            .collect::<Vec<_>>()
            .join(" / ")
    }
}

/// One line of a key table: `bind!([keys] => Action, "hint", "help")`, the hint `_` where the
/// footer does not show it (only `?` help does). Keys are written as help shows them: `'c'` a
/// character, `Ctrl 'c'`, or a named key (`Enter`, `Esc`, `Tab`, `BackTab`, `Left`, `F(1)`…).
macro_rules! bind {
    (@hint _) => { None };
    (@hint $hint:literal) => { Some($hint) };
    // The keys, one at a time, into `[$done]`.
    (@keys [$($done:expr),*]) => { &[$($done),*] };
    (@keys [$($done:expr),*] Ctrl $c:literal $(, $($rest:tt)*)?) => {
        $crate::tui::keys::bind!(@keys [$($done,)* $crate::tui::keys::Key::ctrl($c)] $($($rest)*)?)
    };
    (@keys [$($done:expr),*] $c:literal $(, $($rest:tt)*)?) => {
        $crate::tui::keys::bind!(@keys [$($done,)* $crate::tui::keys::Key::ch($c)] $($($rest)*)?)
    };
    (@keys [$($done:expr),*] $code:ident $(($n:literal))? $(, $($rest:tt)*)?) => {
        $crate::tui::keys::bind!(@keys [
            $($done,)* $crate::tui::keys::Key::code(
                ::ratatui::crossterm::event::KeyCode::$code $(($n))?
            )
        ] $($($rest)*)?)
    };
    ([$($keys:tt)*] => $action:ident $(($n:literal))?, $hint:tt, $help:expr $(,)?) => {
        $crate::tui::keys::Binding::new(
            $crate::tui::keys::bind!(@keys [] $($keys)*),
            $crate::tui::keys::Action::$action $(($n))?,
            $crate::tui::keys::bind!(@hint $hint),
            $help,
        )
    };
}
pub(crate) use bind;

/// A key table of rows and shared groups, in order: `table![ROW, ..GROUP, ROW]`, where `..`
/// spreads a group (an array or a slice of bindings) into the table.
macro_rules! table {
    (@ [$($parts:expr),*]) => {{
        const PARTS: &[&[$crate::tui::keys::Binding]] = &[$($parts),*];
        const TABLE: [$crate::tui::keys::Binding; $crate::tui::keys::total(PARTS)] =
            $crate::tui::keys::join(PARTS);
        &TABLE
    }};
    (@ [$($parts:expr),*] .. $group:expr $(, $($rest:tt)*)?) => {
        $crate::tui::keys::table!(@ [$($parts,)* &$group] $($($rest)*)?)
    };
    (@ [$($parts:expr),*] $row:expr $(, $($rest:tt)*)?) => {
        $crate::tui::keys::table!(@ [$($parts,)* &[$row]] $($($rest)*)?)
    };
    ($($rows:tt)*) => { $crate::tui::keys::table!(@ [] $($rows)*) };
}
pub(crate) use table;

/// How many bindings `parts` hold in all (the length of a [`table!`]).
pub const fn total(parts: &[&[Binding]]) -> usize {
    let (mut n, mut p) = (0, 0);
    while p < parts.len() {
        n += parts[p].len();
        p += 1;
    }
    n
}

/// `parts` one after the other, in a table of `N`: their [`total`], or it does not compile.
pub const fn join<const N: usize>(parts: &[&[Binding]]) -> [Binding; N] {
    let mut table = [Binding::new(&[], Action::Back, None, ""); N];
    let (mut n, mut p) = (0, 0);
    while p < parts.len() {
        let mut i = 0;
        while i < parts[p].len() {
            table[n] = parts[p][i];
            n += 1;
            i += 1;
        }
        p += 1;
    }
    assert!(n == N, "a table's length is the total of its parts");
    table
}

/// ↑ and k.
const UP: &[Key] = &[Key::code(KeyCode::Up), Key::ch('k')];
/// ↓ and j.
const DOWN: &[Key] = &[Key::code(KeyCode::Down), Key::ch('j')];
/// ↑ alone, where k is something to type.
const UP_ARROW: &[Key] = &[Key::code(KeyCode::Up)];
/// ↓ alone, where j is something to type.
const DOWN_ARROW: &[Key] = &[Key::code(KeyCode::Down)];
/// g and Home.
const TOP: &[Key] = &[Key::ch('g'), Key::code(KeyCode::Home)];
/// G and End.
const BOTTOM: &[Key] = &[Key::ch('G'), Key::code(KeyCode::End)];

/// A list's cursor after `action` (↑ ↓ PgUp PgDn Top Bottom), in a list of `len` rows where
/// a page is `page` rows; `None` if `action` does not move.
pub fn moved(cursor: usize, len: usize, action: Action, page: usize) -> Option<usize> {
    let last = len.saturating_sub(1);
    let page = page.max(1);
    Some(match action {
        Action::Up => cursor.saturating_sub(1),
        Action::Down => (cursor + 1).min(last),
        Action::PageUp => cursor.saturating_sub(page),
        Action::PageDown => (cursor + page).min(last),
        Action::Top => 0,
        Action::Bottom => last,
        _ => return None,
    })
}

/// ↑/k and ↓/j: up and down one row or line, with `up` and `down` saying what is there.
pub const fn up_down(up: &'static str, down: &'static str) -> [Binding; 2] {
    [
        Binding::new(UP, Action::Up, None, up),
        Binding::new(DOWN, Action::Down, None, down),
    ]
}

/// ↑ and ↓ alone, where k and j are something to type.
pub const fn up_down_arrows(up: &'static str, down: &'static str) -> [Binding; 2] {
    [
        Binding::new(UP_ARROW, Action::Up, None, up),
        Binding::new(DOWN_ARROW, Action::Down, None, down),
    ]
}

/// Up one page.
pub const PAGE_UP_BINDING: Binding = bind!([PageUp] => PageUp, _, "page up");
/// Down one page.
pub const PAGE_DOWN_BINDING: Binding = bind!([PageDown] => PageDown, _, "page down");
/// Down one page, Space too (reading pages).
pub const PAGE_DOWN_READ: Binding = bind!([PageDown, ' '] => PageDown, _, "page down");

/// g or Home: to the top (`help` says of what).
pub const fn top(help: &'static str) -> Binding {
    Binding::new(TOP, Action::Top, None, help)
}

/// G or End: to the bottom.
pub const fn bottom(help: &'static str) -> Binding {
    Binding::new(BOTTOM, Action::Bottom, None, help)
}

/// Moving through a list: ↑/k and ↓/j (to the `previous` and `next` row), PgUp, PgDn, g/Home
/// and G/End (to the `first` and the `last`).
pub const fn moves(
    previous: &'static str,
    next: &'static str,
    first: &'static str,
    last: &'static str,
) -> [Binding; 6] {
    let [up, down] = up_down(previous, next);
    [
        up,
        down,
        PAGE_UP_BINDING,
        PAGE_DOWN_BINDING,
        top(first),
        bottom(last),
    ]
}

/// Scrolling a page of text: ↑/k, ↓/j, PgUp, PgDn/Space, g/Home, G/End (the moves of a list,
/// Space paging down too).
pub const SCROLL: [Binding; 6] = {
    let mut scroll = moves("scroll up", "scroll down", "to the top", "to the bottom");
    scroll[3] = PAGE_DOWN_READ;
    scroll
};

/// `!`: where to find support, from every screen where `!` is not something to type (F2
/// works where it is: see [`GLOBAL`]).
pub const SUPPORT: Binding = bind!(['!'] => OpenSupport, "support", "where to find support");

/// `q`: leave closer (where q types nothing and goes back nowhere).
pub const QUIT: Binding = bind!(['q'] => Quit, "quit", "quit closer");

/// Leave this screen with Esc or q.
pub const BACK: Binding = bind!([Esc, 'q'] => Back, "back", "back");

/// Keys that work on every screen.
pub const GLOBAL: &[Binding] = &[
    bind!([Ctrl 'c'] => Quit, _, "quit closer (a check-in in progress is kept)"),
    bind!([Ctrl 'z'] => Suspend, _,
        "suspend closer (a check-in is kept); fg in the shell brings it back"),
    bind!([F(2)] => OpenSupport, _,
        "where to find support (F2 works while you type; ! elsewhere)"),
    bind!([Ctrl 'q'] => Hide, _,
        "hide closer at once: a blank screen (what you were writing is kept); Ctrl-Q again \
         leaves closer"),
];

/// `?` (or F1) for help, on screens where typing does not go into a text field.
pub const HELP_KEY: Binding =
    bind!(['?', F(1)] => ToggleHelp, "keys", "show the keys of this screen");

/// F1 for help, where `?` is something to type.
pub const HELP_KEY_TEXT: Binding =
    bind!([F(1)] => ToggleHelp, "keys", "show the keys of this screen");

/// Digits 1 to 5 setting a value.
pub const DIGITS: [Binding; 5] = [
    bind!(['1'] => Choose(1), _, "set 1"),
    bind!(['2'] => Choose(2), _, "set 2"),
    bind!(['3'] => Choose(3), _, "set 3"),
    bind!(['4'] => Choose(4), _, "set 4"),
    bind!(['5'] => Choose(5), _, "set 5"),
];

/// The bindings in force on a screen whose own table is `own`: its own, then `?` for help
/// (unless the table has its own help key, or `with_help` is false, as in dialogs), `!` for
/// Support where `!` types nothing (a table with F1 alone for help is one where keys type),
/// then the global ones it does not override.
pub fn compose(own: &[Binding], with_help: bool) -> Vec<Binding> {
    let mut all = own.to_vec();
    let has_help = own.iter().any(|b| b.action == Action::ToggleHelp);
    let typing = own
        .iter()
        .any(|b| b.action == Action::ToggleHelp && !b.keys.contains(&Key::ch('?')));
    let mut extra: Vec<Binding> = Vec::new();
    if with_help && !has_help {
        extra.push(HELP_KEY);
    }
    if with_help && !typing {
        extra.push(SUPPORT);
    }
    for global in extra.iter().chain(GLOBAL) {
        let shadowed = global
            .keys
            .iter()
            .any(|k| own.iter().any(|b| b.keys.contains(k)));
        if !shadowed {
            all.push(*global);
        }
    }
    all
}

/// What a key press means among `bindings`, if anything.
pub fn translate(bindings: &[Binding], event: &KeyEvent) -> Option<Action> {
    bindings
        .iter()
        .find(|b| b.keys.iter().any(|k| k.matches(event)))
        .map(|b| b.action)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_moves_within_its_list() {
        assert_eq!(moved(0, 5, Action::Up, 3), Some(0));
        assert_eq!(moved(4, 5, Action::Down, 3), Some(4));
        assert_eq!(moved(1, 5, Action::PageDown, 3), Some(4));
        assert_eq!(
            moved(3, 5, Action::PageUp, 0),
            Some(2),
            "a page is at least a row"
        );
        assert_eq!(moved(2, 5, Action::Top, 3), Some(0));
        assert_eq!(moved(2, 5, Action::Bottom, 3), Some(4));
        assert_eq!(moved(0, 0, Action::Bottom, 3), Some(0), "an empty list");
        assert_eq!(moved(2, 5, Action::Confirm, 3), None);
    }

    #[test]
    fn shift_is_ignored_and_ctrl_is_not() {
        let table = compose(&SCROLL, true);
        let g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(translate(&table, &g), Some(Action::Bottom));
        let ctrl_g = KeyEvent::new(KeyCode::Char('g'), KeyModifiers::CONTROL);
        assert_eq!(translate(&table, &ctrl_g), None);
    }

    #[test]
    fn a_screen_key_shadows_a_global_one() {
        const OWN: &[Key] = &[Key::ctrl('c')];
        let own = [Binding::new(OWN, Action::Back, None, "x")];
        let all = compose(&own, false);
        assert_eq!(
            all.iter()
                .filter(|b| b.keys.contains(&Key::ctrl('c')))
                .count(),
            1
        );
        assert_eq!(translate(&all, &Key::ctrl('c').event()), Some(Action::Back));
    }

    #[test]
    fn labels_read_well() {
        assert_eq!(Key::ctrl('c').label(), "Ctrl-C");
        assert_eq!(Key::code(KeyCode::Up).label(), "↑");
        assert_eq!(SCROLL[0].keys_label(), "↑ / k");
    }
}
