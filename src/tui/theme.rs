//! Every colour and modifier the interface uses. No other file names a colour.

use ratatui::style::{Color, Modifier, Style};

use crate::journal::ThemeChoice;

/// The styles of the interface.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Ordinary text.
    pub text: Style,
    /// Quieter text: explanations, dates, hints.
    pub muted: Style,
    /// Titles and headings.
    pub title: Style,
    /// Key names in hints and help.
    pub key: Style,
    /// The focused or selected row.
    pub selected: Style,
    /// Good news: checked in today.
    pub good: Style,
    /// Something to notice: read-only, files with problems.
    pub warn: Style,
    /// Something failed.
    pub error: Style,
    /// Frames around panels.
    pub border: Style,
    /// Search matches.
    pub highlight: Style,
    /// Mood levels 1 to 5, for calendars.
    pub levels: [Style; 5],
}

impl Theme {
    /// The default theme: calm colours on the terminal's own background.
    pub fn calm() -> Theme {
        Theme {
            text: Style::new(),
            muted: Style::new().fg(Color::Gray).add_modifier(Modifier::DIM),
            title: Style::new()
                .fg(Color::LightCyan)
                .add_modifier(Modifier::BOLD),
            key: Style::new()
                .fg(Color::LightYellow)
                .add_modifier(Modifier::BOLD),
            selected: Style::new()
                .fg(Color::Black)
                .bg(Color::LightCyan)
                .add_modifier(Modifier::BOLD),
            good: Style::new().fg(Color::LightGreen),
            warn: Style::new().fg(Color::Yellow),
            error: Style::new()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::DarkGray),
            highlight: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            levels: [
                Style::new().fg(Color::LightRed),
                Style::new().fg(Color::Yellow),
                Style::new().fg(Color::Gray),
                Style::new().fg(Color::LightGreen),
                Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            ],
        }
    }

    /// No colours at all: focus and selection shown with bold, reverse and underline only
    /// (used whenever `NO_COLOR` is set).
    pub fn no_colour() -> Theme {
        Theme {
            text: Style::new(),
            muted: Style::new(),
            title: Style::new().add_modifier(Modifier::BOLD),
            key: Style::new().add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            good: Style::new().add_modifier(Modifier::BOLD),
            warn: Style::new().add_modifier(Modifier::UNDERLINED),
            error: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            border: Style::new(),
            highlight: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            levels: [
                Style::new(),
                Style::new(),
                Style::new(),
                Style::new().add_modifier(Modifier::BOLD),
                Style::new().add_modifier(Modifier::BOLD),
            ],
        }
    }

    /// Strong contrast: bright colours, bold text, nothing dim.
    pub fn high_contrast() -> Theme {
        Theme {
            text: Style::new().fg(Color::White),
            muted: Style::new().fg(Color::Gray),
            title: Style::new()
                .fg(Color::LightYellow)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            key: Style::new()
                .fg(Color::LightCyan)
                .add_modifier(Modifier::BOLD),
            selected: Style::new()
                .fg(Color::Black)
                .bg(Color::LightYellow)
                .add_modifier(Modifier::BOLD),
            good: Style::new()
                .fg(Color::LightGreen)
                .add_modifier(Modifier::BOLD),
            warn: Style::new()
                .fg(Color::LightYellow)
                .add_modifier(Modifier::BOLD),
            error: Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::White),
            highlight: Style::new()
                .fg(Color::Black)
                .bg(Color::LightCyan)
                .add_modifier(Modifier::BOLD),
            levels: [
                Style::new()
                    .fg(Color::LightRed)
                    .add_modifier(Modifier::BOLD),
                Style::new().fg(Color::LightYellow),
                Style::new().fg(Color::White),
                Style::new().fg(Color::LightGreen),
                Style::new()
                    .fg(Color::LightGreen)
                    .add_modifier(Modifier::BOLD),
            ],
        }
    }

    /// The theme of a choice.
    pub fn of(choice: ThemeChoice) -> Theme {
        match choice {
            ThemeChoice::Default => Theme::calm(),
            ThemeChoice::HighContrast => Theme::high_contrast(),
            ThemeChoice::NoColour => Theme::no_colour(),
        }
    }

    /// Whether colour must be off whatever the choice: `NO_COLOR` set to anything non-empty
    /// (the convention), `TERM=dumb`, or a terminal that reports fewer than 8 colours.
    pub fn colour_forbidden(no_colour: Option<&str>, term: Option<&str>, colours: u16) -> bool {
        no_colour.is_some_and(|v| !v.is_empty()) || term == Some("dumb") || colours < 8
    }

    /// The theme to use: no colour when it is forbidden, the person's choice otherwise.
    pub fn choose(choice: ThemeChoice, forbidden: bool) -> Theme {
        if forbidden {
            Theme::no_colour()
        } else {
            Theme::of(choice)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_is_forbidden_by_no_colour_dumb_terminals_and_few_colours() {
        assert!(Theme::colour_forbidden(Some("1"), Some("xterm"), 256));
        assert!(
            !Theme::colour_forbidden(Some(""), Some("xterm"), 256),
            "empty NO_COLOR is unset"
        );
        assert!(!Theme::colour_forbidden(None, Some("xterm-256color"), 256));
        assert!(Theme::colour_forbidden(None, Some("dumb"), 256));
        assert!(Theme::colour_forbidden(None, Some("vt100"), 2));
        assert_eq!(
            Theme::choose(ThemeChoice::HighContrast, true),
            Theme::no_colour()
        );
        assert_eq!(
            Theme::choose(ThemeChoice::HighContrast, false),
            Theme::high_contrast()
        );
    }

    #[test]
    fn the_no_colour_theme_names_no_colour() {
        let t = Theme::no_colour();
        for s in [
            t.text,
            t.muted,
            t.title,
            t.key,
            t.selected,
            t.good,
            t.warn,
            t.error,
            t.border,
            t.highlight,
            t.levels[0],
            t.levels[4],
        ] {
            assert_eq!((s.fg, s.bg), (None, None));
        }
        assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
    }
}
