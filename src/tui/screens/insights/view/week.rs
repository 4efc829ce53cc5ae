//! The last seven days, a line each.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::journal::Scale;
use crate::journal::vocabulary::count;
use crate::tui::screen::ViewCx;
use crate::tui::widgets::caret::Spot;
use crate::tui::widgets::wrap;

use super::super::State;
use super::level;

/// The last seven days, a line each: mood, closeness, triggers; the selected day opens.
/// Returns where its row starts.
pub(super) fn week(state: &State, cx: &ViewCx, frame: &mut Frame, area: Rect) -> Option<Position> {
    let session = cx.session;
    let theme = &session.theme;
    let labels = session.prefs.mood_labels;
    let width = usize::from(area.width);
    let value = |v: Option<f64>| match v {
        None => "–".to_owned(),
        Some(v) if v.fract() == 0.0 => format!("{v:.0}"),
        Some(v) => format!("{v:.1}"),
    };
    // The day and each scale in columns (the first with its mark and word); the triggers take
    // the rest of the line.
    let lead = Scale::ALL[0];
    let column = |s: Scale| {
        if s == lead {
            15
        } else {
            s.label().chars().count() + 1
        }
    };
    let mut head = format!("  {:<11} ", "Day");
    for &s in Scale::ALL {
        head.push_str(&format!("{:<w$} ", s.label(), w = column(s)));
    }
    let trigger_room = width.saturating_sub(head.chars().count());
    let mut lines = vec![Line::styled(
        format!("{head}{}", if trigger_room >= 8 { "Triggers" } else { "" }),
        theme.muted,
    )];
    for (n, g) in state.week.iter().enumerate() {
        let selected = n == state.week_cursor;
        let marker = if selected { "▸ " } else { "  " };
        let date = if g.day.date == session.today {
            "Today".to_owned()
        } else {
            g.day.date.format("%a %-d %b").to_string()
        };
        let row_style = if selected { theme.selected } else { theme.text };
        let mut spans = vec![Span::styled(format!("{marker}{date:<11} "), row_style)];
        if g.day.entries == 0 {
            spans.push(Span::styled("no check-in", theme.muted));
        } else {
            for (s, v) in g.day.scales.iter() {
                let w = column(s);
                if s == lead {
                    let (style, mark) = level(theme, *v);
                    let word = v.map_or("", |v| {
                        s.words(labels)[usize::from((v.round() as u8).clamp(1, 5) - 1)]
                    });
                    let cell = format!("{mark} {} {word}", value(*v));
                    spans.push(Span::styled(format!("{:<w$} ", wrap::fit(&cell, w)), style));
                } else {
                    spans.push(Span::styled(format!("{:<w$} ", value(*v)), theme.text));
                }
            }
            let names: Vec<String> = g
                .triggers
                .iter()
                .map(|t| session.catalog.trigger_label(t))
                .collect();
            let triggers = if names.is_empty() {
                "–".to_owned()
            } else {
                names.join(", ")
            };
            spans.push(Span::styled(wrap::fit(&triggers, trigger_room), theme.text));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::default());
    if let Some(g) = state.week.get(state.week_cursor) {
        let day = g.day.date.format("%A %-d %B").to_string();
        let said = match g.day.entries {
            0 => format!("{day}: no check-in."),
            n => format!(
                "{day}: {}. Enter opens {}.",
                count(n, "check-in", "check-ins"),
                if n == 1 { "it" } else { "them" }
            ),
        };
        lines.extend(wrap::paragraph(&said, width, theme.muted));
    }
    frame.render_widget(Paragraph::new(lines), area);
    // Under the heading line.
    (state.week_cursor < state.week.len())
        .then(|| Spot::row(1 + state.week_cursor).on(area, 0))
        .flatten()
}
