//! Home: today, whether you checked in, your streak, and the way to every screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::tui::app::App;
use crate::tui::text;
use crate::tui::widgets::page;

/// Draws the screen.
pub fn view(app: &App, frame: &mut Frame, area: Rect) {
    let body = page::draw(app, frame, area, "home");
    let theme = &app.theme;
    let mut lines = vec![Line::default()];
    match &app.summary {
        None => lines.push(Line::styled(text::LOADING, theme.muted)),
        Some(s) => {
            if s.checked_in_today {
                lines.push(Line::styled(format!("✓ {}", text::CHECKED_IN), theme.good));
            } else {
                lines.push(Line::styled(text::NOT_CHECKED_IN, theme.text));
            }
            lines.push(Line::default());
            let days = if s.streak == 1 { "day" } else { "days" };
            lines.push(Line::from(vec![
                Span::styled("Streak        ", theme.muted),
                Span::styled(format!("{} {days}", s.streak), theme.text),
            ]));
            lines.push(Line::from(vec![
                Span::styled("Entries       ", theme.muted),
                Span::styled(s.entries.to_string(), theme.text),
            ]));
        }
    }
    if let Some(p) = app.perspective() {
        lines.push(Line::from(vec![
            Span::styled("Perspective   ", theme.muted),
            Span::styled(p.label(), theme.text),
        ]));
    }
    if let Some(why) = &app.ctx.read_only {
        lines.push(Line::default());
        lines.push(Line::styled(format!("Read-only: {why}"), theme.warn));
    }
    if let Some(s) = &app.summary
        && s.problem_files > 0
    {
        lines.push(Line::default());
        lines.push(Line::styled(
            text::problems_line(s.problem_files),
            theme.warn,
        ));
    }
    if let Some(prompt) = &app.today_prompt {
        lines.push(Line::default());
        lines.push(Line::styled(text::TODAY_QUESTION, theme.title));
        lines.push(Line::styled(prompt.text.clone(), theme.text));
        lines.push(Line::styled(prompt.idea.clone(), theme.muted));
    }
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }),
        page::column(body),
    );
}
