//! Keys: one table per screen. The same tables drive what a key does, the footer hints and the
//! `?` help, so the three never drift apart.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::Mode;
use crate::journal::draft::Step;
use crate::tui::app::GuideMode;
use crate::tui::screens::review::Mode as ReviewMode;

/// What a key asks for. Screens interpret these in their `update`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave the app (from home), or leave a screen.
    Quit,
    /// Go back one level.
    Back,
    /// Show or hide the keys of this screen.
    ToggleHelp,
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
    /// Bring back the entry deleted last.
    Undo,
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
    /// The month before.
    OlderMonth,
    /// The month after.
    NewerMonth,
    /// Open settings.
    OpenSettings,
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
#[derive(Debug, Clone, Copy)]
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
    const fn new(
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

    /// All its keys, written for help: "↑ / k".
    pub fn keys_label(&self) -> String {
        self.keys
            .iter()
            .map(Key::label)
            .collect::<Vec<_>>()
            .join(" / ")
    }
}

const UP: &[Key] = &[Key::code(KeyCode::Up), Key::ch('k')];
const DOWN: &[Key] = &[Key::code(KeyCode::Down), Key::ch('j')];

/// Keys that work on every screen.
pub const GLOBAL: &[Binding] = &[Binding::new(
    &[Key::ctrl('c')],
    Action::Quit,
    None,
    "quit closer (a check-in in progress is kept)",
)];

/// `?` (or F1) for help, on screens where typing does not go into a text field.
const HELP_KEY: Binding = Binding::new(
    &[Key::ch('?'), Key::code(KeyCode::F(1))],
    Action::ToggleHelp,
    Some("keys"),
    "show the keys of this screen",
);

/// F1 for help, where `?` is something to type.
const HELP_KEY_TEXT: Binding = Binding::new(
    &[Key::code(KeyCode::F(1))],
    Action::ToggleHelp,
    Some("keys"),
    "show the keys of this screen",
);

/// The first-run screen.
pub const FIRST_RUN: &[Binding] = &[
    Binding::new(UP, Action::Up, None, "previous choice"),
    Binding::new(DOWN, Action::Down, None, "next choice"),
    Binding::new(
        &[Key::ch('1')],
        Action::Choose(1),
        None,
        "choose \"I pull away\"",
    ),
    Binding::new(
        &[Key::ch('2')],
        Action::Choose(2),
        None,
        "choose \"My partner pulls away\"",
    ),
    Binding::new(
        &[Key::code(KeyCode::Enter)],
        Action::Confirm,
        Some("confirm"),
        "confirm and continue",
    ),
    Binding::new(
        &[Key::ch('!')],
        Action::OpenSupport,
        Some("support"),
        "where to find support",
    ),
    Binding::new(&[Key::ch('q')], Action::Quit, Some("quit"), "quit closer"),
];

/// The home screen.
pub const HOME: &[Binding] = &[
    Binding::new(
        &[Key::ch('c')],
        Action::StartCheckIn,
        Some("check in"),
        "check in: a few questions about today",
    ),
    Binding::new(
        &[Key::ch('r')],
        Action::OpenReview,
        Some("review"),
        "review past entries: search, filter, edit, delete",
    ),
    Binding::new(
        &[Key::ch('i')],
        Action::OpenInsights,
        Some("insights"),
        "insights: mood and closeness over time, triggers, what helped",
    ),
    Binding::new(
        &[Key::ch('s')],
        Action::OpenLibrary,
        Some("strategies"),
        "the strategy library: what may help",
    ),
    Binding::new(
        &[Key::ch('l')],
        Action::OpenLearn,
        Some("learn"),
        "learn: the articles in short, and each trigger",
    ),
    Binding::new(
        &[Key::ch('o'), Key::ch(',')],
        Action::OpenSettings,
        Some("settings"),
        "settings: perspective, theme, mood labels, week start, editor",
    ),
    Binding::new(
        &[Key::ch('!')],
        Action::OpenSupport,
        Some("support"),
        "where to find support",
    ),
    Binding::new(&[Key::ch('q')], Action::Quit, Some("quit"), "quit closer"),
];

/// The Support screen.
pub const SUPPORT: &[Binding] = &[
    Binding::new(UP, Action::Up, None, "scroll up"),
    Binding::new(DOWN, Action::Down, Some("scroll"), "scroll down"),
    Binding::new(
        &[Key::code(KeyCode::PageUp)],
        Action::PageUp,
        None,
        "page up",
    ),
    Binding::new(
        &[Key::code(KeyCode::PageDown), Key::ch(' ')],
        Action::PageDown,
        None,
        "page down",
    ),
    Binding::new(
        &[Key::ch('g'), Key::code(KeyCode::Home)],
        Action::Top,
        None,
        "to the top",
    ),
    Binding::new(
        &[Key::ch('G'), Key::code(KeyCode::End)],
        Action::Bottom,
        None,
        "to the bottom",
    ),
    Binding::new(
        &[Key::code(KeyCode::Esc), Key::ch('q')],
        Action::Back,
        Some("back"),
        "back",
    ),
];

/// The `?` help overlay.
pub const HELP: &[Binding] = &[
    Binding::new(UP, Action::Up, None, "scroll up"),
    Binding::new(DOWN, Action::Down, None, "scroll down"),
    Binding::new(
        &[
            Key::code(KeyCode::Esc),
            Key::ch('?'),
            Key::code(KeyCode::F(1)),
            Key::ch('q'),
        ],
        Action::ToggleHelp,
        Some("close"),
        "close this help",
    ),
];

const NEXT: Binding = Binding::new(
    &[Key::code(KeyCode::Tab), Key::code(KeyCode::Enter)],
    Action::Next,
    Some("next"),
    "next step",
);
const NEXT_TAB: Binding = Binding::new(
    &[Key::code(KeyCode::Tab)],
    Action::Next,
    Some("next"),
    "next step (or question)",
);
const PREV: Binding = Binding::new(
    &[Key::code(KeyCode::BackTab)],
    Action::Prev,
    Some("back"),
    "previous step",
);
const SAVE: Binding = Binding::new(
    &[Key::ctrl('s')],
    Action::Save,
    Some("save"),
    "save the check-in now",
);
const LEAVE: Binding = Binding::new(
    &[Key::code(KeyCode::Esc)],
    Action::Back,
    Some("leave"),
    "leave (asks first; the draft is kept)",
);
const LIST_UP: Binding = Binding::new(&[Key::code(KeyCode::Up)], Action::Up, None, "previous row");
const LIST_DOWN: Binding =
    Binding::new(&[Key::code(KeyCode::Down)], Action::Down, None, "next row");
const LIST_PAGE_UP: Binding = Binding::new(
    &[Key::code(KeyCode::PageUp)],
    Action::PageUp,
    None,
    "page up",
);
const LIST_PAGE_DOWN: Binding = Binding::new(
    &[Key::code(KeyCode::PageDown)],
    Action::PageDown,
    None,
    "page down",
);
const LIST_TOP: Binding = Binding::new(&[Key::code(KeyCode::Home)], Action::Top, None, "first row");
const LIST_BOTTOM: Binding =
    Binding::new(&[Key::code(KeyCode::End)], Action::Bottom, None, "last row");
const PICK: Binding = Binding::new(
    &[Key::ch(' ')],
    Action::Toggle,
    Some("pick"),
    "pick or unpick the row (while typing: a space)",
);
const EDITOR: Binding = Binding::new(
    &[Key::ctrl('e')],
    Action::Editor,
    Some("editor"),
    "write this in $EDITOR",
);
const DIGITS: [Binding; 5] = [
    Binding::new(&[Key::ch('1')], Action::Choose(1), None, "set 1"),
    Binding::new(&[Key::ch('2')], Action::Choose(2), None, "set 2"),
    Binding::new(&[Key::ch('3')], Action::Choose(3), None, "set 3"),
    Binding::new(&[Key::ch('4')], Action::Choose(4), None, "set 4"),
    Binding::new(&[Key::ch('5')], Action::Choose(5), None, "set 5"),
];

/// Check-in, step 1: mood and closeness.
pub const CHECKIN_SCALES: &[Binding] = &[
    NEXT,
    PREV,
    SAVE,
    LEAVE,
    Binding::new(UP, Action::Up, None, "the mood scale"),
    Binding::new(DOWN, Action::Down, None, "the closeness scale"),
    Binding::new(
        &[Key::code(KeyCode::Left), Key::ch('h')],
        Action::Left,
        None,
        "lower",
    ),
    Binding::new(
        &[Key::code(KeyCode::Right), Key::ch('l')],
        Action::Right,
        None,
        "higher",
    ),
    DIGITS[0],
    DIGITS[1],
    DIGITS[2],
    DIGITS[3],
    DIGITS[4],
    Binding::new(
        &[
            Key::ch('0'),
            Key::code(KeyCode::Backspace),
            Key::code(KeyCode::Delete),
        ],
        Action::Clear,
        None,
        "skip this scale",
    ),
    HELP_KEY,
];

const ENTER_PICK: Binding = Binding::new(
    &[Key::code(KeyCode::Enter)],
    Action::Confirm,
    None,
    "next step; after typing: pick the highlighted row, or add what you typed",
);

/// Check-in, steps 2 and 4: emotions and reactions.
pub const CHECKIN_LIST: &[Binding] = &[
    NEXT_TAB,
    ENTER_PICK,
    PREV,
    SAVE,
    LEAVE,
    PICK,
    LIST_UP,
    LIST_DOWN,
    LIST_PAGE_UP,
    LIST_PAGE_DOWN,
    LIST_TOP,
    LIST_BOTTOM,
    HELP_KEY_TEXT,
];

/// Check-in, step 3: triggers.
pub const CHECKIN_TRIGGERS: &[Binding] = &[
    NEXT_TAB,
    ENTER_PICK,
    PREV,
    SAVE,
    LEAVE,
    PICK,
    Binding::new(
        &[Key::code(KeyCode::Left)],
        Action::Left,
        None,
        "less intense",
    ),
    Binding::new(
        &[Key::code(KeyCode::Right)],
        Action::Right,
        Some("intensity"),
        "more intense",
    ),
    DIGITS[0],
    DIGITS[1],
    DIGITS[2],
    DIGITS[3],
    DIGITS[4],
    Binding::new(
        &[Key::ctrl('n')],
        Action::Note,
        Some("note"),
        "add a note to the trigger",
    ),
    Binding::new(
        &[Key::ctrl('l')],
        Action::LearnMore,
        None,
        "learn about the trigger (Esc comes back)",
    ),
    LIST_UP,
    LIST_DOWN,
    LIST_PAGE_UP,
    LIST_PAGE_DOWN,
    LIST_TOP,
    LIST_BOTTOM,
    HELP_KEY_TEXT,
];

/// Check-in, step 5: reflect (a text area).
pub const CHECKIN_REFLECT: &[Binding] = &[
    NEXT_TAB,
    PREV,
    SAVE,
    LEAVE,
    Binding::new(
        &[Key::ctrl('o')],
        Action::OtherPrompt,
        Some("other question"),
        "ask another question instead",
    ),
    EDITOR,
    HELP_KEY_TEXT,
];

/// Check-in, step 6: strategies.
pub const CHECKIN_STRATEGIES: &[Binding] = &[
    NEXT,
    PREV,
    SAVE,
    LEAVE,
    Binding::new(
        &[Key::ch('o')],
        Action::LearnMore,
        None,
        "open the strategy in the library (Esc comes back)",
    ),
    Binding::new(UP, Action::Up, None, "previous row"),
    Binding::new(DOWN, Action::Down, None, "next row"),
    Binding::new(
        &[Key::ch(' ')],
        Action::Toggle,
        Some("pick"),
        "plan it / mark it tried",
    ),
    Binding::new(&[Key::ch('y')], Action::Yes, None, "yes, I tried it"),
    Binding::new(&[Key::ch('n')], Action::No, None, "no, I did not try it"),
    DIGITS[0],
    DIGITS[1],
    DIGITS[2],
    DIGITS[3],
    DIGITS[4],
    Binding::new(&[Key::ch('0')], Action::Clear, None, "clear the answer"),
    HELP_KEY,
];

/// Check-in, step 7: notes and tags (text areas).
pub const CHECKIN_NOTES: &[Binding] = &[NEXT_TAB, PREV, SAVE, LEAVE, EDITOR, HELP_KEY_TEXT];

/// Check-in, step 8: the summary.
pub const CHECKIN_SUMMARY: &[Binding] = &[
    Binding::new(
        &[Key::code(KeyCode::Enter), Key::ctrl('s')],
        Action::Save,
        Some("save"),
        "save the check-in",
    ),
    PREV,
    LEAVE,
    Binding::new(UP, Action::Up, None, "scroll up"),
    Binding::new(DOWN, Action::Down, None, "scroll down"),
    Binding::new(
        &[Key::code(KeyCode::PageUp)],
        Action::PageUp,
        None,
        "page up",
    ),
    Binding::new(
        &[Key::code(KeyCode::PageDown)],
        Action::PageDown,
        None,
        "page down",
    ),
    Binding::new(&[Key::ch('g')], Action::Top, None, "to the top"),
    HELP_KEY,
];

/// A note on a trigger being written.
pub const CHECKIN_NOTE: &[Binding] = &[
    Binding::new(
        &[Key::code(KeyCode::Enter)],
        Action::Next,
        Some("keep"),
        "keep the note",
    ),
    Binding::new(
        &[Key::code(KeyCode::Esc)],
        Action::Back,
        Some("cancel"),
        "cancel",
    ),
];

/// "Leave the check-in?"
pub const LEAVE_DIALOG: &[Binding] = &[
    Binding::new(
        &[Key::ch('s')],
        Action::KeepAndLeave,
        Some("keep draft and leave"),
        "keep the draft and leave",
    ),
    Binding::new(
        &[Key::ch('d')],
        Action::Discard,
        Some("discard"),
        "discard this check-in",
    ),
    Binding::new(
        &[Key::code(KeyCode::Esc)],
        Action::Back,
        Some("stay"),
        "go on with the check-in",
    ),
];

/// "You have an unfinished check-in."
pub const RESUME_DIALOG: &[Binding] = &[
    Binding::new(
        &[Key::ch('r'), Key::code(KeyCode::Enter)],
        Action::Resume,
        Some("resume"),
        "resume it",
    ),
    Binding::new(
        &[Key::ch('d')],
        Action::Discard,
        Some("discard"),
        "discard it (asks again)",
    ),
    Binding::new(
        &[Key::code(KeyCode::Esc)],
        Action::Back,
        Some("later"),
        "decide later (c offers it again)",
    ),
];

/// "Discard the unfinished check-in?"
pub const DISCARD_DIALOG: &[Binding] = &[
    Binding::new(
        &[Key::ch('y')],
        Action::Yes,
        Some("yes, discard"),
        "discard it for good",
    ),
    Binding::new(
        &[Key::ch('n'), Key::code(KeyCode::Esc)],
        Action::No,
        Some("no"),
        "keep it",
    ),
];

const TOP: Binding = Binding::new(
    &[Key::ch('g'), Key::code(KeyCode::Home)],
    Action::Top,
    None,
    "to the top",
);
const BOTTOM: Binding = Binding::new(
    &[Key::ch('G'), Key::code(KeyCode::End)],
    Action::Bottom,
    None,
    "to the bottom",
);
const PAGE_UP: Binding = Binding::new(
    &[Key::code(KeyCode::PageUp)],
    Action::PageUp,
    None,
    "page up",
);
const PAGE_DOWN: Binding = Binding::new(
    &[Key::code(KeyCode::PageDown)],
    Action::PageDown,
    None,
    "page down",
);
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
const BACK: Binding = Binding::new(
    &[Key::code(KeyCode::Esc), Key::ch('q')],
    Action::Back,
    Some("back"),
    "back",
);

/// Review: the timeline.
pub const REVIEW: &[Binding] = &[
    Binding::new(
        &[Key::code(KeyCode::Enter)],
        Action::Confirm,
        Some("open"),
        "open the entry",
    ),
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
    Binding::new(UP, Action::Up, None, "newer entry"),
    Binding::new(DOWN, Action::Down, None, "older entry"),
    PAGE_UP,
    PAGE_DOWN,
    TOP,
    BOTTOM,
    BACK,
];

/// Review: typing a search.
pub const REVIEW_SEARCH: &[Binding] = &[
    Binding::new(
        &[Key::code(KeyCode::Enter)],
        Action::Confirm,
        Some("done"),
        "keep the search and go to the list",
    ),
    Binding::new(
        &[Key::code(KeyCode::Esc)],
        Action::Back,
        Some("clear"),
        "clear the search",
    ),
    Binding::new(&[Key::code(KeyCode::Up)], Action::Up, None, "newer entry"),
    Binding::new(
        &[Key::code(KeyCode::Down)],
        Action::Down,
        None,
        "older entry",
    ),
    PAGE_UP,
    PAGE_DOWN,
    HELP_KEY_TEXT,
];

/// Review: typing a date.
pub const REVIEW_JUMP: &[Binding] = &[
    Binding::new(
        &[Key::code(KeyCode::Enter)],
        Action::Confirm,
        Some("go"),
        "go to the date",
    ),
    Binding::new(
        &[Key::code(KeyCode::Esc)],
        Action::Back,
        Some("cancel"),
        "cancel",
    ),
    HELP_KEY_TEXT,
];

/// Review: what to filter by.
pub const REVIEW_FILTERS: &[Binding] = &[
    Binding::new(
        &[Key::code(KeyCode::Enter), Key::ch(' ')],
        Action::Confirm,
        Some("choose"),
        "choose",
    ),
    Binding::new(UP, Action::Up, None, "previous"),
    Binding::new(DOWN, Action::Down, None, "next"),
    BACK,
];

/// Review: choosing a value to filter by.
pub const REVIEW_FILTER_PICK: &[Binding] = &[
    Binding::new(
        &[Key::code(KeyCode::Enter)],
        Action::Confirm,
        Some("use"),
        "filter by it",
    ),
    Binding::new(
        &[Key::code(KeyCode::Esc)],
        Action::Back,
        Some("back"),
        "back",
    ),
    Binding::new(&[Key::code(KeyCode::Up)], Action::Up, None, "previous"),
    Binding::new(&[Key::code(KeyCode::Down)], Action::Down, None, "next"),
    HELP_KEY_TEXT,
];

/// Review: an entry in full.
pub const REVIEW_DETAIL: &[Binding] = &[
    EDIT,
    DELETE,
    Binding::new(
        &[Key::ch('o')],
        Action::OpenLinks,
        Some("links"),
        "its triggers and strategies, in Learn and the library",
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
    Binding::new(UP, Action::Up, None, "scroll up"),
    Binding::new(DOWN, Action::Down, None, "scroll down"),
    PAGE_UP,
    PAGE_DOWN,
    Binding::new(
        &[Key::ch('g'), Key::code(KeyCode::Home)],
        Action::Top,
        None,
        "to the top",
    ),
    BACK,
];

/// Review: the trash.
pub const REVIEW_TRASH: &[Binding] = &[
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
    Binding::new(UP, Action::Up, None, "previous"),
    Binding::new(DOWN, Action::Down, None, "next"),
    TOP,
    BOTTOM,
    BACK,
];

const READ_UP: Binding = Binding::new(UP, Action::Up, None, "scroll up");
const READ_DOWN: Binding = Binding::new(DOWN, Action::Down, None, "scroll down");
const READ_PAGE_DOWN: Binding = Binding::new(
    &[Key::code(KeyCode::PageDown), Key::ch(' ')],
    Action::PageDown,
    None,
    "page down",
);
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
    &[Key::code(KeyCode::Enter)],
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
pub const GUIDE_PAGE: &[Binding] = &[
    LINK_NEXT,
    LINK_PREV,
    FOLLOW,
    READ_UP,
    READ_DOWN,
    PAGE_UP,
    READ_PAGE_DOWN,
    TOP,
    BOTTOM,
    BACK,
];

/// A strategy's page.
pub const GUIDE_STRATEGY: &[Binding] = &[
    FAVOURITE,
    PLAN_NEXT,
    LINK_NEXT,
    LINK_PREV,
    FOLLOW,
    READ_UP,
    READ_DOWN,
    PAGE_UP,
    READ_PAGE_DOWN,
    TOP,
    BOTTOM,
    BACK,
];

/// The Learn index: a menu.
pub const GUIDE_LEARN: &[Binding] = &[
    Binding::new(
        &[Key::code(KeyCode::Enter)],
        Action::Confirm,
        Some("open"),
        "open it",
    ),
    Binding::new(UP, Action::Up, None, "previous"),
    Binding::new(DOWN, Action::Down, None, "next"),
    BACK,
];

/// The strategy library.
pub const LIBRARY: &[Binding] = &[
    Binding::new(
        &[Key::code(KeyCode::Enter)],
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
    Binding::new(UP, Action::Up, None, "previous"),
    Binding::new(DOWN, Action::Down, None, "next"),
    PAGE_UP,
    PAGE_DOWN,
    TOP,
    BOTTOM,
    BACK,
];

/// The library's search being typed.
pub const LIBRARY_SEARCH: &[Binding] = &[
    Binding::new(
        &[Key::code(KeyCode::Enter)],
        Action::Confirm,
        Some("done"),
        "keep the search",
    ),
    Binding::new(
        &[Key::code(KeyCode::Esc)],
        Action::Back,
        Some("clear"),
        "clear the search",
    ),
    Binding::new(&[Key::code(KeyCode::Up)], Action::Up, None, "previous"),
    Binding::new(&[Key::code(KeyCode::Down)], Action::Down, None, "next"),
    HELP_KEY_TEXT,
];

/// Insights.
pub const INSIGHTS: &[Binding] = &[
    Binding::new(
        &[
            Key::code(KeyCode::Tab),
            Key::code(KeyCode::Right),
            Key::ch('l'),
        ],
        Action::Next,
        Some("next view"),
        "next view: over time, triggers, what helped, rhythm",
    ),
    Binding::new(
        &[
            Key::code(KeyCode::BackTab),
            Key::code(KeyCode::Left),
            Key::ch('h'),
        ],
        Action::Prev,
        None,
        "previous view",
    ),
    Binding::new(
        &[Key::ch('w')],
        Action::Group,
        Some("window"),
        "change the window: 30, 90, 365 days, all time",
    ),
    Binding::new(&[Key::ch('1')], Action::Choose(1), None, "the last 30 days"),
    Binding::new(&[Key::ch('2')], Action::Choose(2), None, "the last 90 days"),
    Binding::new(
        &[Key::ch('3')],
        Action::Choose(3),
        None,
        "the last 365 days",
    ),
    Binding::new(&[Key::ch('4')], Action::Choose(4), None, "all time"),
    Binding::new(
        &[Key::ch('[')],
        Action::OlderMonth,
        None,
        "the calendar's month before",
    ),
    Binding::new(
        &[Key::ch(']')],
        Action::NewerMonth,
        None,
        "the calendar's month after",
    ),
    Binding::new(UP, Action::Up, None, "scroll up"),
    Binding::new(DOWN, Action::Down, None, "scroll down"),
    PAGE_UP,
    PAGE_DOWN,
    Binding::new(
        &[Key::ch('g'), Key::code(KeyCode::Home)],
        Action::Top,
        None,
        "to the top",
    ),
    BACK,
];

/// Settings.
pub const SETTINGS: &[Binding] = &[
    Binding::new(
        &[
            Key::code(KeyCode::Right),
            Key::ch('l'),
            Key::code(KeyCode::Enter),
            Key::ch(' '),
        ],
        Action::Right,
        Some("change"),
        "the next choice (Enter on the editor: type it)",
    ),
    Binding::new(
        &[Key::code(KeyCode::Left), Key::ch('h')],
        Action::Left,
        None,
        "the previous choice",
    ),
    Binding::new(UP, Action::Up, None, "previous setting"),
    Binding::new(DOWN, Action::Down, None, "next setting"),
    BACK,
];

/// Typing the editor's name in settings.
pub const SETTINGS_EDITOR: &[Binding] = &[
    Binding::new(
        &[Key::code(KeyCode::Enter)],
        Action::Confirm,
        Some("keep"),
        "keep it",
    ),
    Binding::new(
        &[Key::code(KeyCode::Esc)],
        Action::Back,
        Some("cancel"),
        "cancel",
    ),
    HELP_KEY_TEXT,
];

/// A yes/no question.
pub const YES_NO: &[Binding] = &[
    Binding::new(&[Key::ch('y')], Action::Yes, Some("yes"), "yes"),
    Binding::new(
        &[Key::ch('n'), Key::code(KeyCode::Esc)],
        Action::No,
        Some("no"),
        "no",
    ),
];

/// The table of a mode.
pub fn table(mode: Mode) -> &'static [Binding] {
    match mode {
        Mode::FirstRun => FIRST_RUN,
        Mode::Home => HOME,
        Mode::Support => SUPPORT,
        Mode::Help => HELP,
        Mode::CheckIn(step) => match step {
            Step::Scales => CHECKIN_SCALES,
            Step::Emotions | Step::Reactions => CHECKIN_LIST,
            Step::Triggers => CHECKIN_TRIGGERS,
            Step::Reflect => CHECKIN_REFLECT,
            Step::Strategies => CHECKIN_STRATEGIES,
            Step::Notes => CHECKIN_NOTES,
            Step::Summary => CHECKIN_SUMMARY,
        },
        Mode::Review(m) => match m {
            ReviewMode::Timeline => REVIEW,
            ReviewMode::Search => REVIEW_SEARCH,
            ReviewMode::Jump => REVIEW_JUMP,
            ReviewMode::Filters => REVIEW_FILTERS,
            ReviewMode::FilterPick(_) => REVIEW_FILTER_PICK,
            ReviewMode::Detail => REVIEW_DETAIL,
            ReviewMode::ConfirmDelete | ReviewMode::ConfirmEmpty(_) => YES_NO,
            ReviewMode::Trash => REVIEW_TRASH,
        },
        Mode::Guide(g) => match g {
            GuideMode::Library => LIBRARY,
            GuideMode::LibrarySearch => LIBRARY_SEARCH,
            GuideMode::Strategy => GUIDE_STRATEGY,
            GuideMode::Learn => GUIDE_LEARN,
            GuideMode::Page => GUIDE_PAGE,
        },
        Mode::Insights => INSIGHTS,
        Mode::Settings => SETTINGS,
        Mode::SettingsEditor => SETTINGS_EDITOR,
        Mode::TriggerNote => CHECKIN_NOTE,
        Mode::LeaveDialog => LEAVE_DIALOG,
        Mode::ResumeDialog => RESUME_DIALOG,
        Mode::DiscardDialog => DISCARD_DIALOG,
    }
}

/// The bindings in force in a mode: the screen's own, then the global ones it does not
/// override (and `?` for help on screens that do not say otherwise).
pub fn bindings(mode: Mode) -> Vec<Binding> {
    let own = table(mode);
    let mut all = own.to_vec();
    let has_help = own.iter().any(|b| b.action == Action::ToggleHelp);
    let dialog = matches!(
        mode,
        Mode::TriggerNote
            | Mode::LeaveDialog
            | Mode::ResumeDialog
            | Mode::DiscardDialog
            | Mode::Review(ReviewMode::ConfirmDelete | ReviewMode::ConfirmEmpty(_))
    );
    let extra: &[Binding] = if has_help || dialog { &[] } else { &[HELP_KEY] };
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

/// What a key press means in a mode, if anything.
pub fn translate(mode: Mode, event: &KeyEvent) -> Option<Action> {
    bindings(mode)
        .into_iter()
        .find(|b| b.keys.iter().any(|k| k.matches(event)))
        .map(|b| b.action)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    const MODES: [Mode; 16] = [
        Mode::FirstRun,
        Mode::Home,
        Mode::Support,
        Mode::Help,
        Mode::CheckIn(Step::Scales),
        Mode::CheckIn(Step::Emotions),
        Mode::CheckIn(Step::Triggers),
        Mode::CheckIn(Step::Reactions),
        Mode::CheckIn(Step::Reflect),
        Mode::CheckIn(Step::Strategies),
        Mode::CheckIn(Step::Notes),
        Mode::CheckIn(Step::Summary),
        Mode::TriggerNote,
        Mode::LeaveDialog,
        Mode::ResumeDialog,
        Mode::DiscardDialog,
    ];

    #[test]
    fn q_quits_from_home_and_goes_back_elsewhere() {
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(translate(Mode::Home, &q), Some(Action::Quit));
        assert_eq!(translate(Mode::Support, &q), Some(Action::Back));
        assert_eq!(translate(Mode::Help, &q), Some(Action::ToggleHelp));
    }

    #[test]
    fn shift_is_ignored_and_ctrl_is_not() {
        let g = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(translate(Mode::Support, &g), Some(Action::Bottom));
        let ctrl_q = press(KeyCode::Char('q'), KeyModifiers::CONTROL);
        assert_eq!(translate(Mode::Home, &ctrl_q), None);
        let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for mode in MODES {
            assert_eq!(translate(mode, &ctrl_c), Some(Action::Quit), "{mode:?}");
        }
    }

    #[test]
    fn arrows_and_vim_keys_both_move() {
        for (code, action) in [
            (KeyCode::Up, Action::Up),
            (KeyCode::Char('k'), Action::Up),
            (KeyCode::Down, Action::Down),
            (KeyCode::Char('j'), Action::Down),
        ] {
            for mode in [Mode::FirstRun, Mode::Support] {
                assert_eq!(
                    translate(mode, &press(code, KeyModifiers::NONE)),
                    Some(action)
                );
            }
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_one_mode() {
        for mode in MODES {
            let all = bindings(mode);
            let keys: Vec<Key> = all.iter().flat_map(|b| b.keys.iter().copied()).collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(
                    !keys[i + 1..].contains(k),
                    "{mode:?}: {} bound twice",
                    k.label()
                );
            }
        }
    }

    #[test]
    fn esc_goes_back_or_closes_everywhere_but_home_and_first_run() {
        let esc = press(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(translate(Mode::Support, &esc), Some(Action::Back));
        assert_eq!(translate(Mode::Help, &esc), Some(Action::ToggleHelp));
        assert_eq!(translate(Mode::Home, &esc), None);
    }

    #[test]
    fn typing_steps_leave_printable_keys_to_the_text() {
        for step in [
            Step::Emotions,
            Step::Triggers,
            Step::Reactions,
            Step::Reflect,
            Step::Notes,
        ] {
            for c in ['a', 'q', '?', 'j', 'k', 'G', 'é'] {
                let key = press(KeyCode::Char(c), KeyModifiers::NONE);
                assert_eq!(translate(Mode::CheckIn(step), &key), None, "{step:?} {c}");
            }
        }
        // Enter is a new line in text areas, "next" elsewhere.
        let enter = press(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(translate(Mode::CheckIn(Step::Reflect), &enter), None);
        assert_eq!(
            translate(Mode::CheckIn(Step::Scales), &enter),
            Some(Action::Next)
        );
    }

    #[test]
    fn every_check_in_step_has_next_back_save_and_leave() {
        for step in Step::ALL {
            let actions: Vec<Action> = bindings(Mode::CheckIn(step))
                .iter()
                .map(|b| b.action)
                .collect();
            for a in [
                Action::Prev,
                Action::Save,
                Action::Back,
                Action::ToggleHelp,
                Action::Quit,
            ] {
                assert!(actions.contains(&a), "{step:?} lacks {a:?}");
            }
            if step != Step::Summary {
                assert!(actions.contains(&Action::Next), "{step:?} lacks Next");
            }
        }
    }

    #[test]
    fn labels_read_well() {
        assert_eq!(Key::ctrl('c').label(), "Ctrl-C");
        assert_eq!(Key::code(KeyCode::Up).label(), "↑");
        assert_eq!(SUPPORT[0].keys_label(), "↑ / k");
    }
}
