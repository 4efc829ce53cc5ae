//! What is drawn instead of a screen when the terminal is too small for it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::tui::session::{MIN_HEIGHT, MIN_WIDTH};
use crate::tui::theme::Theme;

/// "Make the terminal larger", with the sizes.
pub struct TooSmall<'a> {
    size: Rect,
    theme: &'a Theme,
}

impl<'a> TooSmall<'a> {
    /// For a terminal of `size`.
    pub fn new(size: Rect, theme: &'a Theme) -> TooSmall<'a> {
        TooSmall { size, theme }
    }
}

impl Widget for TooSmall<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let lines = vec![
            Line::styled("Make the terminal larger", self.theme.title),
            Line::styled(
                format!(
                    "closer needs {MIN_WIDTH}×{MIN_HEIGHT}; this is {}×{}.",
                    self.size.width, self.size.height
                ),
                self.theme.text,
            ),
            Line::styled("Press Ctrl-C to quit.", self.theme.muted),
        ];
        let height = u16::try_from(lines.len()).unwrap_or(u16::MAX);
        let top = area.height.saturating_sub(height) / 2;
        let inner = Rect {
            y: area.y + top,
            height: area.height - top,
            ..area
        };
        Paragraph::new(lines)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true })
            .render(inner, buf);
    }
}
