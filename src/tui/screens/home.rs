//! Home: today, whether you checked in, your streak, and the way to every screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::tui::app::{App, HomeDialog};
use crate::tui::keymap;
use crate::tui::screens::checkin;
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
                Span::styled(s.entries.len().to_string(), theme.text),
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
    // Every place to go, in columns, from the same table the keys come from.
    lines.push(Line::default());
    const CELL: usize = 16;
    let width = usize::from(page::column(body).width);
    let per_row = (width / CELL).max(1);
    let items: Vec<(String, &str)> = keymap::HOME
        .iter()
        .filter_map(|b| Some((b.keys.first()?.label(), b.hint?)))
        .collect();
    for row in items.chunks(per_row) {
        let mut spans = Vec::new();
        for (key, hint) in row {
            spans.push(Span::styled(key.clone(), theme.key));
            let pad = CELL.saturating_sub(key.chars().count() + 1);
            spans.push(Span::styled(format!(" {hint:<pad$}"), theme.text));
        }
        lines.push(Line::from(spans));
    }
    if let Some(prompt) = &app.today_prompt {
        lines.push(Line::default());
        lines.push(Line::styled(text::TODAY_QUESTION, theme.title));
        lines.push(Line::styled(prompt.text.clone(), theme.text));
        lines.push(Line::styled(prompt.idea.clone(), theme.muted));
    }
    let column = page::column(body);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), column);
    match (app.home_dialog, &app.pending_draft) {
        (Some(HomeDialog::Resume), Some(draft)) => {
            let when = draft.started_at.format("%A %-d %B, %H:%M").to_string();
            let what = if draft.is_edit() {
                format!(
                    "You were editing the entry of {}.",
                    draft.date.format("%-d %B")
                )
            } else {
                format!("You began a check-in on {when}.")
            };
            checkin::dialog(
                frame,
                column,
                theme,
                " An unfinished check-in ",
                &[&what, "Everything you entered is kept."],
                &[
                    ("r", "resume it"),
                    ("d", "discard it"),
                    ("Esc", "decide later"),
                ],
            );
        }
        (Some(HomeDialog::ConfirmDiscard), _) => checkin::dialog(
            frame,
            column,
            theme,
            " Discard it? ",
            &[
                "The unfinished check-in and what you wrote in it",
                "will be gone for good.",
            ],
            &[("y", "yes, discard it"), ("n", "no, keep it")],
        ),
        _ => {}
    }
}
