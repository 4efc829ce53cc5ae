//! Settings: perspective, theme, mood labels, week start, and the editor for `Ctrl-E`. Each
//! change applies at once and is kept in `state.json`; a setting `config.toml` fixes says so.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui_textarea::{Input, Key as TextKey};

use crate::config::Config;
use crate::journal::{MoodLabels, PerspectiveChoice, Preferences, ThemeChoice, WeekStart};
use crate::tui::keys::{self, Action, Binding, DOWN, Key, UP};
use crate::tui::screen::{Cmd, Ctx, LastLayout, Msg, ViewCx};
use crate::tui::widgets::page;
use ratatui::crossterm::event::KeyCode;

/// Settings' keys.
pub const KEYS: &[Binding] = &[
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
    keys::up(UP, "previous setting"),
    keys::down(DOWN, "next setting"),
    keys::BACK,
];

/// Typing the editor's name.
pub const EDITOR_KEYS: &[Binding] = &[
    Binding::new(keys::ENTER, Action::Confirm, Some("keep"), "keep it"),
    Binding::new(keys::ESC, Action::Back, Some("cancel"), "cancel"),
    keys::HELP_KEY_TEXT,
];

/// Every key table of the screen, by mode (for tests over all tables).
pub const MODES: &[(&str, &[Binding])] = &[("settings", KEYS), ("settings: editor", EDITOR_KEYS)];

/// The keys in force.
pub fn keys(state: &State) -> &'static [Binding] {
    if state.takes_text() {
        EDITOR_KEYS
    } else {
        KEYS
    }
}

/// The settings, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// Whose distance.
    Perspective,
    /// The colours.
    Theme,
    /// Mood words.
    MoodLabels,
    /// First day of the week.
    WeekStart,
    /// The editor for Ctrl-E.
    Editor,
}

impl Row {
    /// Every row.
    pub const ALL: [Row; 5] = [
        Row::Perspective,
        Row::Theme,
        Row::MoodLabels,
        Row::WeekStart,
        Row::Editor,
    ];

    /// Its name.
    pub fn label(self) -> &'static str {
        match self {
            Row::Perspective => "Perspective",
            Row::Theme => "Theme",
            Row::MoodLabels => "Mood labels",
            Row::WeekStart => "Week starts on",
            Row::Editor => "Editor for Ctrl-E",
        }
    }

    /// Its key in `config.toml`.
    pub fn key(self) -> &'static str {
        match self {
            Row::Perspective => "perspective",
            Row::Theme => "theme",
            Row::MoodLabels => "mood_labels",
            Row::WeekStart => "week_start",
            Row::Editor => "editor",
        }
    }

    /// The value shown.
    pub fn value(self, prefs: &Preferences) -> String {
        match self {
            Row::Perspective => prefs.perspective.unwrap_or_default().label().to_owned(),
            Row::Theme => prefs.theme.label().to_owned(),
            Row::MoodLabels => prefs.mood_labels.label().to_owned(),
            Row::WeekStart => prefs.week_start.label().to_owned(),
            Row::Editor => prefs
                .editor
                .clone()
                .unwrap_or_else(|| "$VISUAL, then $EDITOR".to_owned()),
        }
    }
}

/// The screen's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    /// The selected row.
    pub cursor: usize,
    /// The editor's name being typed.
    pub editing: Option<String>,
}

impl State {
    /// Whether typed keys go into the editor's name.
    pub fn takes_text(&self) -> bool {
        self.editing.is_some()
    }
}

fn cycle(prefs: &Preferences, row: Row, forward: bool) -> Preferences {
    let mut p = prefs.clone();
    macro_rules! turn {
        ($v:expr) => {
            if forward { $v.next() } else { $v.prev() }
        };
    }
    match row {
        Row::Perspective => {
            let now: PerspectiveChoice = p.perspective.unwrap_or_default();
            p.perspective = Some(turn!(now));
        }
        Row::Theme => p.theme = turn!(p.theme),
        Row::MoodLabels => p.mood_labels = turn!(p.mood_labels),
        Row::WeekStart => p.week_start = turn!(p.week_start),
        Row::Editor => {}
    }
    p
}

fn changed(prefs: Preferences, row: Row, config: &Config) -> Change {
    let mut text = format!("{}: {}.", row.label(), row.value(&prefs));
    if config.sets(row.key())
        && let Some(path) = &config.path
    {
        text.push_str(&format!(
            " {} sets it too, so it comes back at the next start; change it there to keep this.",
            path.display()
        ));
    }
    Some((prefs, text))
}

/// What a message changed: the new preferences, and what to say of them.
type Change = Option<(Preferences, String)>;

/// Applies a message: a change is used at once and kept.
pub fn update(state: &mut State, msg: Msg, cx: &Ctx) -> Cmd {
    if msg == Msg::Key(Action::Back) && state.editing.is_none() {
        return Cmd::Pop;
    }
    match change(state, msg, &cx.session.prefs, &cx.session.config) {
        Some((prefs, text)) => Cmd::Prefs(Box::new(prefs)).and(Cmd::info(text)),
        None => Cmd::None,
    }
}

fn change(state: &mut State, msg: Msg, prefs: &Preferences, config: &Config) -> Change {
    let row = Row::ALL[state.cursor.min(Row::ALL.len() - 1)];
    if let Some(name) = state.editing.as_mut() {
        match msg {
            Msg::Input(Input {
                key: TextKey::Char(c),
                ctrl: false,
                alt: false,
                ..
            }) => name.push(c),
            Msg::Input(Input {
                key: TextKey::Backspace,
                ..
            }) => {
                name.pop();
            }
            Msg::Paste(text) => name.push_str(text.lines().next().unwrap_or_default()),
            Msg::Key(Action::Confirm) => {
                let name = state.editing.take().unwrap_or_default();
                let mut p = prefs.clone();
                p.editor = (!name.trim().is_empty()).then(|| name.trim().to_owned());
                return changed(p, Row::Editor, config);
            }
            Msg::Key(Action::Back) => state.editing = None,
            _ => {}
        }
        return None;
    }
    let Msg::Key(action) = msg else {
        return None;
    };
    match action {
        Action::Up => state.cursor = state.cursor.saturating_sub(1),
        Action::Down => state.cursor = (state.cursor + 1).min(Row::ALL.len() - 1),
        Action::Confirm | Action::Toggle | Action::Right if row == Row::Editor => {
            state.editing = Some(prefs.editor.clone().unwrap_or_default());
        }
        Action::Confirm | Action::Toggle | Action::Right => {
            return changed(cycle(prefs, row, true), row, config);
        }
        Action::Left if row != Row::Editor => {
            return changed(cycle(prefs, row, false), row, config);
        }
        _ => {}
    }
    None
}

/// Draws the settings.
pub fn view(state: &State, cx: &ViewCx, frame: &mut Frame, area: Rect, _layout: &mut LastLayout) {
    let session = cx.session;
    let body = page::column(page::draw(cx, frame, area, "settings"));
    let theme = &session.theme;
    let mut lines = vec![
        Line::styled(
            "Changes apply at once and are kept for next time.",
            theme.muted,
        ),
        Line::default(),
    ];
    for (i, row) in Row::ALL.iter().enumerate() {
        let selected = i == state.cursor;
        let marker = if selected { "▸" } else { " " };
        let style = if selected { theme.selected } else { theme.text };
        let value = match (&state.editing, row) {
            (Some(name), Row::Editor) if selected => format!("{name}▏"),
            _ => row.value(&session.prefs),
        };
        let mut spans = vec![
            Span::styled(format!("{marker} {:<18}", row.label()), style),
            Span::styled(
                format!(" ‹ {value} ›"),
                if selected { style } else { theme.key },
            ),
        ];
        if session.config.sets(row.key()) {
            spans.push(Span::styled("  (set in config.toml)", theme.muted));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::default());
    if session.colour_forbidden {
        lines.push(Line::styled(
            "Colours are off: NO_COLOR is set, or this terminal shows few colours. Focus and \
             selection are shown in bold and reverse.",
            theme.warn,
        ));
    }
    let hint = match Row::ALL.get(state.cursor) {
        Some(Row::Perspective) => {
            "Which prompts, signs and strategies come first: for the one who pulls away, the one \
             who feels it, or both."
        }
        Some(Row::Theme) => "Default, high contrast, or no colour at all.",
        Some(Row::MoodLabels) => "The words beside mood values in check-ins and entries.",
        Some(Row::WeekStart) => "Weeks in insights and calendars start on this day.",
        Some(Row::Editor) if state.editing.is_some() => {
            "Type a command (it may have arguments), Enter keeps it; empty means $VISUAL, then $EDITOR."
        }
        Some(Row::Editor) => "Enter to change. Ctrl-E in a check-in opens answers and notes in it.",
        None => "",
    };
    lines.push(Line::styled(hint, theme.muted));
    if let Some(path) = &session.config.path {
        lines.push(Line::default());
        lines.push(Line::styled(
            format!("Settings file: {}", path.display()),
            theme.muted,
        ));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
}

/// The labels offered for each choice (for tests and help).
pub fn choices(row: Row) -> Vec<&'static str> {
    match row {
        Row::Perspective => PerspectiveChoice::ALL.iter().map(|c| c.label()).collect(),
        Row::Theme => ThemeChoice::ALL.iter().map(|c| c.label()).collect(),
        Row::MoodLabels => MoodLabels::ALL.iter().map(|c| c.label()).collect(),
        Row::WeekStart => WeekStart::ALL.iter().map(|c| c.label()).collect(),
        Row::Editor => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn act(state: &mut State, prefs: &Preferences, action: Action) -> Change {
        change(state, Msg::Key(action), prefs, &Config::default())
    }

    #[test]
    fn every_choice_cycles_both_ways() {
        let prefs = Preferences::default();
        let mut s = State::default();
        for (i, row) in Row::ALL.iter().enumerate().take(4) {
            s.cursor = i;
            let mut p = prefs.clone();
            let mut seen = Vec::new();
            for _ in 0..choices(*row).len() {
                seen.push(row.value(&p));
                let Some((next, _)) = act(&mut s, &p, Action::Right) else {
                    panic!()
                };
                p = next;
            }
            assert_eq!(row.value(&p), row.value(&prefs), "{row:?} comes round");
            let Some((back, _)) = act(&mut s, &p, Action::Left) else {
                panic!()
            };
            assert_eq!(row.value(&back), *seen.last().unwrap());
        }
    }

    #[test]
    fn the_editor_is_typed_and_emptying_it_means_the_environment() {
        let prefs = Preferences::default();
        let mut s = State {
            cursor: 4,
            editing: None,
        };
        assert_eq!(act(&mut s, &prefs, Action::Confirm), None);
        assert!(s.takes_text());
        for c in "nano".chars() {
            change(
                &mut s,
                Msg::Input(Input {
                    key: TextKey::Char(c),
                    ..Input::default()
                }),
                &prefs,
                &Config::default(),
            );
        }
        let Some((p, text)) = act(&mut s, &prefs, Action::Confirm) else {
            panic!()
        };
        assert_eq!(p.editor.as_deref(), Some("nano"));
        assert!(text.contains("nano"));
        let mut s = State {
            cursor: 4,
            editing: Some(String::new()),
        };
        let Some((p, _)) = act(&mut s, &p, Action::Confirm) else {
            panic!()
        };
        assert_eq!(p.editor, None);
    }

    #[test]
    fn a_setting_the_config_file_fixes_says_so() {
        let config = Config {
            path: Some("/c/config.toml".into()),
            theme: Some(ThemeChoice::HighContrast),
            ..Config::default()
        };
        let mut s = State {
            cursor: 1,
            editing: None,
        };
        let out = change(
            &mut s,
            Msg::Key(Action::Right),
            &Preferences::default(),
            &config,
        );
        let Some((_, text)) = out else { panic!() };
        assert!(text.contains("/c/config.toml sets it too"), "{text}");
    }
}
