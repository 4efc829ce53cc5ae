//! The `?` overlay: every key of the screen underneath, from the same table that drives it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::tui::app::App;
use crate::tui::keymap;
use crate::tui::widgets::wrap;

/// Draws the overlay over `area`.
pub fn view(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let bindings = keymap::bindings(app.screen_mode());
    let keys_width = bindings
        .iter()
        .map(|b| b.keys_label().chars().count())
        .max()
        .unwrap_or(0);
    let popup_width = area.width.saturating_sub(4).min(76);
    let text_width = usize::from(popup_width.saturating_sub(2));
    let indent = " ".repeat(keys_width + 3);
    let mut lines: Vec<Line> = Vec::new();
    for b in &bindings {
        let wrapped = wrap::indented(b.help, text_width, &indent, &indent);
        for (i, text) in wrapped.into_iter().enumerate() {
            let key = if i == 0 {
                format!(" {:>keys_width$}", b.keys_label())
            } else {
                " ".repeat(keys_width + 1)
            };
            let text = text.get(keys_width + 1..).unwrap_or_default().to_owned();
            lines.push(Line::from(vec![
                Span::styled(key, theme.key),
                Span::styled(text, theme.text),
            ]));
        }
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        " Esc, ? or F1 closes this help; ↑/↓ scroll.",
        theme.muted,
    ));
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height.saturating_sub(2));
    let [row] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::horizontal([Constraint::Length(popup_width)])
        .flex(Flex::Center)
        .areas(row);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).scroll((app.help_scroll, 0)).block(
            Block::bordered()
                .border_style(theme.border)
                .title(Line::styled(" Keys ", theme.title)),
        ),
        popup,
    );
}
