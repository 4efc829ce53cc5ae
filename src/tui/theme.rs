//! Every colour and modifier the interface uses. No other file names a colour.

use ratatui::style::{Color, Modifier, Style};

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
    pub fn no_color() -> Theme {
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

    /// The theme for this environment: no colour when `no_color` is set (the `NO_COLOR`
    /// convention: any non-empty value).
    pub fn for_env(no_color: Option<&str>) -> Theme {
        match no_color {
            Some(v) if !v.is_empty() => Theme::no_color(),
            _ => Theme::calm(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_is_used_for_any_non_empty_value() {
        assert_eq!(Theme::for_env(Some("1")), Theme::no_color());
        assert_eq!(Theme::for_env(Some("")), Theme::calm());
        assert_eq!(Theme::for_env(None), Theme::calm());
    }

    #[test]
    fn the_no_color_theme_names_no_colour() {
        let t = Theme::no_color();
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
