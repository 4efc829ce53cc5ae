//! The `?` overlay: every key of the screen underneath, from the same table that drives it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::tui::app::App;
use crate::tui::keymap;

/// Draws the overlay over `area`.
pub fn view(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let bindings = keymap::bindings(app.screen_mode());
    let width = bindings
        .iter()
        .map(|b| b.keys_label().chars().count())
        .max()
        .unwrap_or(0);
    let mut lines: Vec<Line> = bindings
        .iter()
        .map(|b| {
            Line::from(vec![
                Span::styled(format!(" {:>width$}", b.keys_label()), theme.key),
                Span::styled(format!("  {}", b.help), theme.text),
            ])
        })
        .collect();
    lines.push(Line::default());
    lines.push(Line::styled(" Esc, ? or F1 closes this help.", theme.muted));
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let [row] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::horizontal([Constraint::Length(area.width.saturating_sub(8).min(64))])
        .flex(Flex::Center)
        .areas(row);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            Block::bordered()
                .border_style(theme.border)
                .title(Line::styled(" Keys ", theme.title)),
        ),
        popup,
    );
}
