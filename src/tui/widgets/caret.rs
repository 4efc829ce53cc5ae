//! Where the terminal's own cursor goes: at the caret of the field being typed in, or at the
//! start of a list's selected row. Screen readers, magnifiers and the windows of input methods
//! (for CJK text) follow the real cursor, not a drawn one, so every view that has a field or a
//! list says where it is ([`LastLayout::place`](crate::tui::screen::LastLayout::place)), and
//! the app puts the cursor there once the whole frame is drawn: the screen on top wins, and a
//! screen that places nothing (a page of text) leaves it hidden.
//!
//! A view knows where its caret is in the lines it builds, as a [`Spot`]: a line and a column.
//! [`Spot::on`] turns that into a cell of the screen, given the area and the scrolling the
//! lines are drawn with; [`crate::tui::widgets::wrap::lines_with`] follows a spot through
//! wrapping. Columns are terminal columns: a CJK character or an emoji takes two.

use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui_textarea::TextArea;
use unicode_width::UnicodeWidthStr;

/// The mark drawn where typed text goes in a one-line field. The real cursor sits on it.
pub const GLYPH: &str = "▏";

/// A place in lines of text: a line (counted from the first of them) and a column (terminal
/// columns from the line's start).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spot {
    /// The line, from 0.
    pub line: usize,
    /// The column, from 0, in terminal columns.
    pub column: usize,
}

impl Spot {
    /// The start of line `line` (a list's selected row: its marker is there).
    pub fn row(line: usize) -> Spot {
        Spot { line, column: 0 }
    }

    /// In line `line`, which is `text`, before its span `span` (the caret glyph, or a chosen
    /// option): the width of the spans before it.
    pub fn before_span(line: usize, text: &Line, span: usize) -> Spot {
        let column = text
            .spans
            .iter()
            .take(span)
            .map(|s| s.content.width())
            .sum();
        Spot { line, column }
    }

    /// This spot `lines` lines further down (below `lines` lines drawn above it).
    pub fn below(self, lines: usize) -> Spot {
        Spot {
            line: self.line + lines,
            ..self
        }
    }

    /// The cell of this spot in lines drawn in `area` from line `scroll` down, each line one
    /// row (the lines already wrapped): `None` when the line is scrolled out of `area`. A
    /// column past the right edge is kept on the last cell of the row.
    pub fn on(self, area: Rect, scroll: usize) -> Option<Position> {
        let row = self.line.checked_sub(scroll)?;
        if area.width == 0 || row >= usize::from(area.height) {
            return None;
        }
        let right = usize::from(area.width - 1);
        Some(Position {
            x: area.x + u16::try_from(self.column.min(right)).unwrap_or(0),
            y: area.y + u16::try_from(row).unwrap_or(0),
        })
    }
}

/// The caret of a text area drawn in `area` (with its block, if it has one), as the text area
/// itself drew it: wrapped, scrolled, wide characters two columns. Read it after drawing: the
/// text area scrolls as it is drawn.
pub fn of_text_area(text: &TextArea<'_>, area: Rect) -> Option<Position> {
    let inner = text.block().map_or(area, |b| b.inner(area));
    let at = text.screen_cursor();
    let (top, left) = text.scroll_offset();
    let (row, col) = if text.is_empty() {
        // The placeholder is drawn from the top, the caret before it.
        (0, 0)
    } else {
        (
            at.row.saturating_sub(usize::from(top)),
            at.col.saturating_sub(usize::from(left)),
        )
    };
    let gutter = if text.line_number_style().is_some() {
        usize::from(text.line_number_width())
    } else {
        0
    };
    Spot {
        line: row,
        column: col + gutter,
    }
    .on(inner, 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::text::Span;

    #[test]
    fn a_spot_is_a_cell_of_the_area_while_its_line_is_in_sight() {
        let area = Rect::new(2, 3, 10, 4);
        assert_eq!(
            Spot { line: 5, column: 3 }.on(area, 2),
            Some(Position::new(5, 6))
        );
        assert_eq!(Spot::row(1).on(area, 2), None, "scrolled above");
        assert_eq!(Spot::row(6).on(area, 2), None, "below the area");
        assert_eq!(
            Spot {
                line: 2,
                column: 40
            }
            .on(area, 2),
            Some(Position::new(11, 3)),
            "kept on the last cell"
        );
    }

    #[test]
    fn glyph_and_spans_count_terminal_columns() {
        let line = Line::from(vec![
            Span::raw("Search: "),
            Span::raw("我們 ok"),
            Span::raw(GLYPH),
            Span::raw("  3 of 9"),
        ]);
        assert_eq!(
            Spot::before_span(4, &line, 2),
            Spot {
                line: 4,
                column: 15
            }
        );
        assert_eq!(Spot::before_span(0, &line, 1).column, 8);
    }

    #[test]
    fn a_text_area_caret_follows_wrapping_and_wide_characters() {
        use ratatui::buffer::Buffer;
        use ratatui::widgets::Widget;
        use ratatui_textarea::WrapMode;
        let mut text = TextArea::new(vec!["one two three 我們今天".to_owned()]);
        text.set_wrap_mode(WrapMode::WordOrGlyph);
        text.move_cursor(ratatui_textarea::CursorMove::End);
        let area = Rect::new(1, 1, 10, 5);
        (&text).render(area, &mut Buffer::empty(Rect::new(0, 0, 20, 10)));
        // "one two " / "three 我們" / "今天": the caret after 天, on the third row.
        let at = of_text_area(&text, area).unwrap();
        assert_eq!(at.y, 1 + 2, "{at:?}");
        assert_eq!(at.x, 1 + 4, "{at:?}");
    }
}
