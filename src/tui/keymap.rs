//! Keys: one table per screen. The same tables drive what a key does, the footer hints and the
//! `?` help, so the three never drift apart.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::Mode;

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
pub const GLOBAL: &[Binding] = &[
    Binding::new(
        &[Key::ch('?')],
        Action::ToggleHelp,
        Some("keys"),
        "show the keys of this screen",
    ),
    Binding::new(
        &[Key::ctrl('c')],
        Action::Quit,
        None,
        "quit closer",
    ),
];

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
pub const HELP: &[Binding] = &[Binding::new(
    &[Key::code(KeyCode::Esc), Key::ch('?'), Key::ch('q')],
    Action::ToggleHelp,
    Some("close"),
    "close this help",
)];

/// The table of a mode.
pub fn table(mode: Mode) -> &'static [Binding] {
    match mode {
        Mode::FirstRun => FIRST_RUN,
        Mode::Home => HOME,
        Mode::Support => SUPPORT,
        Mode::Help => HELP,
    }
}

/// The bindings in force in a mode: the screen's own, then the global ones it does not
/// override.
pub fn bindings(mode: Mode) -> Vec<Binding> {
    let own = table(mode);
    let mut all = own.to_vec();
    for global in GLOBAL {
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

    const MODES: [Mode; 4] = [Mode::FirstRun, Mode::Home, Mode::Support, Mode::Help];

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
    fn labels_read_well() {
        assert_eq!(Key::ctrl('c').label(), "Ctrl-C");
        assert_eq!(Key::code(KeyCode::Up).label(), "↑");
        assert_eq!(SUPPORT[0].keys_label(), "↑ / k");
    }
}
