//! Support: what closer is not, and where to find people who can help.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::tui::app::App;
use crate::tui::keymap::Action;
use crate::tui::text;
use crate::tui::theme::Theme;
use crate::tui::widgets::{page, wrap};

/// How far the text is scrolled.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    /// Lines scrolled past.
    pub scroll: u16,
}

/// The text, styled, for a column `width` wide (list items wrap under their text).
pub fn paragraph(theme: &Theme, width: u16) -> Paragraph<'static> {
    let mut lines = Vec::new();
    for (heading, body) in text::SUPPORT {
        lines.push(Line::styled(*heading, theme.title));
        for line in *body {
            match line.strip_prefix("- ") {
                Some(item) => {
                    for l in wrap::indented(item, usize::from(width), "  • ", "    ") {
                        lines.push(Line::styled(l, theme.text));
                    }
                }
                None => lines.push(Line::styled(*line, theme.text)),
            }
        }
        lines.push(Line::default());
    }
    Paragraph::new(lines).wrap(Wrap { trim: false })
}

/// The body's height for a terminal of `size` (page chrome: title, status and hints).
pub fn body_height(size: (u16, u16)) -> u16 {
    size.1.saturating_sub(3)
}

/// Applies an action; `width`/`height` are the terminal's width and the body's height.
pub fn update(state: &mut State, action: Action, width: u16, height: u16) {
    let column = page::column(ratatui::layout::Rect::new(0, 0, width, height));
    let total = paragraph(&Theme::no_color(), column.width).line_count(column.width);
    let max = u16::try_from(total.saturating_sub(usize::from(height))).unwrap_or(u16::MAX);
    let page = height.saturating_sub(2).max(1);
    state.scroll = match action {
        Action::Up => state.scroll.saturating_sub(1),
        Action::Down => state.scroll.saturating_add(1),
        Action::PageUp => state.scroll.saturating_sub(page),
        Action::PageDown => state.scroll.saturating_add(page),
        Action::Top => 0,
        Action::Bottom => max,
        _ => state.scroll,
    }
    .min(max);
}

/// Draws the screen.
pub fn view(app: &App, frame: &mut Frame, area: Rect) {
    let body = page::column(page::draw(app, frame, area, text::SUPPORT_TITLE));
    frame.render_widget(
        paragraph(&app.theme, body.width).scroll((app.support.scroll, 0)),
        body,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolling_stays_within_the_text() {
        let mut s = State::default();
        update(&mut s, Action::Up, 80, 21);
        assert_eq!(s.scroll, 0);
        update(&mut s, Action::Bottom, 80, 21);
        let bottom = s.scroll;
        assert!(
            bottom > 0,
            "the support text is longer than one 80×24 screen"
        );
        update(&mut s, Action::Down, 80, 21);
        assert_eq!(s.scroll, bottom);
        update(&mut s, Action::Top, 80, 21);
        assert_eq!(s.scroll, 0);
        update(&mut s, Action::Bottom, 160, 45);
        assert_eq!(s.scroll, 0, "everything fits at 160×48");
    }
}
