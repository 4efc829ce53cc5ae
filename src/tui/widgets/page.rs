//! The frame every screen shares: a title bar, the body, a status line and the key hints.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::tui::keys::{Action, Binding};
use crate::tui::screen::ViewCx;
use crate::tui::session::Status;
use crate::tui::theme::Theme;

/// `text` in `area`, muted: what a view says when it has nothing to show.
pub fn muted_line(frame: &mut Frame, area: Rect, text: &'static str, theme: &Theme) {
    frame.render_widget(Paragraph::new(Line::styled(text, theme.muted)), area);
}

/// The regions of a page.
pub struct Regions {
    /// The title bar.
    pub header: Rect,
    /// Where the screen draws.
    pub body: Rect,
    /// The status line.
    pub status: Rect,
    /// The key hints.
    pub footer: Rect,
}

/// Splits `area` into the page's regions, with `status_lines` lines for the status.
pub fn regions(area: Rect, status_lines: u16) -> Regions {
    let [header, body, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(status_lines),
        Constraint::Length(1),
    ])
    .areas(area);
    Regions {
        header,
        body,
        status,
        footer,
    }
}

/// The status line, styled, if there is one.
fn status_paragraph(cx: &ViewCx, theme: &Theme) -> Option<Paragraph<'static>> {
    cx.status.map(|status| {
        let (text, style) = match status {
            Status::Info(t) => (t, theme.good),
            Status::Error(t) => (t, theme.error),
        };
        Paragraph::new(Line::styled(text.clone(), style)).wrap(Wrap { trim: true })
    })
}

/// The regions of a page in `area` with the status of `cx` (1 to 6 lines).
fn page_regions(cx: &ViewCx, area: Rect) -> (Regions, Option<Paragraph<'static>>) {
    let status = status_paragraph(cx, &cx.session.theme);
    let status_lines = status.as_ref().map_or(1, |p| {
        u16::try_from(p.line_count(area.width.saturating_sub(2)))
            .unwrap_or(u16::MAX)
            .clamp(1, 6)
    });
    (regions(area, status_lines), status)
}

/// The body a page in `area` has, without drawing anything (for overlays).
pub fn body(cx: &ViewCx, area: Rect) -> Rect {
    page_regions(cx, area).0.body
}

/// Draws the title bar, status line and key hints around a body, and returns the body.
pub fn draw(cx: &ViewCx, frame: &mut Frame, area: Rect, title: &str) -> Rect {
    let theme = &cx.session.theme;
    let (r, status) = page_regions(cx, area);
    let left = format!(" closer · {title}");
    let width = usize::from(r.header.width);
    // The date as long as it fits beside the title: in full, short, or not at all.
    let date = ["%A %-d %B %Y", "%a %-d %b"]
        .iter()
        .map(|f| cx.session.today.format(f).to_string())
        .find(|d| left.chars().count() + d.chars().count() + 3 <= width)
        .unwrap_or_default();
    let gap = width.saturating_sub(left.chars().count() + date.chars().count() + 1);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(left, theme.title),
            Span::raw(" ".repeat(gap)),
            Span::styled(date, theme.muted),
        ])),
        r.header,
    );
    if let Some(status) = status {
        frame.render_widget(status, inset(r.status));
    }
    frame.render_widget(
        Paragraph::new(hints(cx.keys, theme, r.footer.width)),
        r.footer,
    );
    r.body
}

/// The footer line: each hinted binding as "key hint", as many as fit in `width`; the help
/// key is always kept, so every other key can be found.
pub fn hints(bindings: &[Binding], theme: &Theme, width: u16) -> Line<'static> {
    let item = |b: &Binding| -> Option<(String, String)> {
        Some((b.keys.first()?.label(), format!(" {}  ", b.hint?)))
    };
    let help = bindings
        .iter()
        .find(|b| b.action == Action::ToggleHelp)
        .and_then(item);
    let reserve = help
        .as_ref()
        .map_or(0, |(k, h)| k.chars().count() + h.trim_end().chars().count());
    let mut room = usize::from(width).saturating_sub(1 + reserve);
    let mut spans = vec![Span::raw(" ")];
    for b in bindings.iter().filter(|b| b.action != Action::ToggleHelp) {
        let Some((key, hint)) = item(b) else {
            continue;
        };
        let len = key.chars().count() + hint.chars().count();
        if len > room {
            break;
        }
        room -= len;
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::styled(hint, theme.muted));
    }
    if let Some((key, hint)) = help {
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::styled(hint.trim_end().to_owned(), theme.muted));
    }
    Line::from(spans)
}

/// `area` without one column on each side.
pub fn inset(area: Rect) -> Rect {
    Rect {
        x: area.x.saturating_add(1),
        width: area.width.saturating_sub(2),
        ..area
    }
}

/// The widest a column of prose gets, so lines stay easy to read on wide terminals.
pub const MAX_TEXT_WIDTH: u16 = 96;

/// A column for prose inside `area`: one column of margin each side, at most
/// [`MAX_TEXT_WIDTH`] wide, centred.
pub fn column(area: Rect) -> Rect {
    let inner = inset(area);
    let width = inner.width.min(MAX_TEXT_WIDTH);
    Rect {
        x: inner.x + (inner.width - width) / 2,
        width,
        ..inner
    }
}

/// The frame of a text box: a border in `style`, and a column of room on each side so typed
/// text never touches it.
pub fn text_box(style: ratatui::style::Style) -> ratatui::widgets::Block<'static> {
    ratatui::widgets::Block::bordered()
        .border_style(style)
        .padding(ratatui::widgets::Padding::horizontal(1))
}

/// A box in the middle of `area`, `height` rows tall and at most 64 wide (dialogs, popups).
pub fn centered(area: Rect, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::horizontal([Constraint::Length(area.width.min(64))])
        .flex(Flex::Center)
        .areas(row);
    popup
}
