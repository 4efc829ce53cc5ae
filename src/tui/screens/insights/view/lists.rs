//! The trigger and what-helped lists.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::content::Catalog;
use crate::journal::insights;
use crate::tui::screen::LastLayout;
use crate::tui::theme::Theme;
use crate::tui::widgets::page;
use crate::tui::widgets::wrap;

use super::super::State;
use super::{fmt, scrolled};

pub(super) fn triggers(
    state: &State,
    catalog: &Catalog,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    layout: &mut LastLayout,
) {
    let i = &state.insights;
    if i.triggers.is_empty() {
        page::muted_line(
            frame,
            area,
            "No triggers were logged in this window.",
            theme,
        );
        return;
    }
    let bars_height = u16::try_from(i.triggers.len().min(8)).unwrap_or(8) + 1;
    let [bars_area, list] =
        Layout::vertical([Constraint::Length(bars_height), Constraint::Fill(1)]).areas(area);
    // Label, bar and figures each in their own column, so a short bar is never hidden under
    // its label and the figures line up.
    let shown: Vec<_> = i.triggers.iter().take(8).collect();
    let width = usize::from(bars_area.width);
    let labels: Vec<String> = shown
        .iter()
        .map(|t| catalog.trigger_label(&t.trigger))
        .collect();
    let values: Vec<String> = shown
        .iter()
        .map(|t| format!("{} · intensity {}", t.count, fmt(t.intensity)))
        .collect();
    let longest = |v: &[String]| v.iter().map(|s| s.chars().count()).max().unwrap_or(0);
    let value_width = longest(&values);
    let label_width = longest(&labels).min(width / 3);
    let bar_width = width.saturating_sub(label_width + value_width + 4).max(1);
    let most = shown.iter().map(|t| t.count).max().unwrap_or(1).max(1);
    let rows: Vec<Line> = shown
        .iter()
        .zip(labels.iter().zip(&values))
        .map(|(t, (label, value))| {
            // At least one cell for any trigger logged at all.
            let cells = (u64::from(t.count) * bar_width as u64)
                .div_ceil(u64::from(most))
                .max(1);
            let cells = usize::try_from(cells).unwrap_or(bar_width).min(bar_width);
            Line::from(vec![
                Span::styled(
                    format!(
                        "{:<label_width$}  ",
                        crate::tui::widgets::wrap::fit(label, label_width)
                    ),
                    theme.text,
                ),
                Span::styled("█".repeat(cells), theme.key),
                Span::styled(
                    format!("{}  {value}", " ".repeat(bar_width - cells)),
                    theme.muted,
                ),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(rows), bars_area);
    let mut lines = Vec::new();
    for t in &i.triggers {
        lines.push(Line::styled(
            format!(
                "{} · logged {}",
                catalog.trigger_label(&t.trigger),
                crate::journal::vocabulary::count(t.count, "time", "times")
            ),
            theme.title,
        ));
        let style = if t.any_enough() {
            theme.text
        } else {
            theme.muted
        };
        for said in t.describe() {
            for l in wrap::indented(&said, usize::from(list.width), "  ", "  ") {
                lines.push(Line::styled(l, style));
            }
        }
    }
    scrolled(lines, state.scroll, frame, list, layout);
}

pub(super) fn helped(
    state: &State,
    catalog: &Catalog,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    layout: &mut LastLayout,
) {
    let i = &state.insights;
    let mut lines = vec![Line::styled(
        "Strategies: planned · tried · helpfulness when tried",
        theme.title,
    )];
    if i.strategies.is_empty() {
        lines.push(Line::styled(
            "  None planned or tried in this window.",
            theme.muted,
        ));
    }
    let title_of = |id: &str| -> String {
        catalog
            .strategy(id)
            .map_or(id, |x| x.title.as_str())
            .to_owned()
    };
    // The figures follow the longest name, not the far edge of a wide screen.
    let longest = i
        .strategies
        .iter()
        .map(|s| title_of(&s.id).chars().count())
        .max()
        .unwrap_or(0);
    let width = usize::from(area.width)
        .saturating_sub(24)
        .max(10)
        .min(longest.max(10));
    for s in &i.strategies {
        let title = title_of(&s.id);
        let title = crate::tui::widgets::wrap::fit(&title, width);
        lines.push(Line::from(vec![
            Span::styled(format!("  {title:<width$}"), theme.text),
            Span::styled(
                format!(
                    " {:>3} · {:>3} · {}",
                    s.planned,
                    s.tried,
                    fmt(s.helpfulness)
                ),
                theme.key,
            ),
        ]));
    }
    lines.push(Line::default());
    lines.push(Line::styled("Noticed most often", theme.title));
    if i.reactions.is_empty() {
        lines.push(Line::styled("  Nothing noted in this window.", theme.muted));
    }
    let (shown, more) = insights::first_of(&i.reactions, 6);
    for (id, n) in shown {
        let label = catalog.sign(id).map_or(id.as_str(), |s| s.label.as_str());
        let first = format!("  {n:>3}  ");
        for l in wrap::indented(label, usize::from(area.width), &first, "       ") {
            lines.push(Line::styled(l, theme.text));
        }
    }
    if let Some(more) = insights::and_more(more) {
        lines.push(Line::styled(format!("       {more}"), theme.muted));
    }
    lines.push(Line::default());
    lines.push(Line::styled("Feelings named most often", theme.title));
    if i.emotions.is_empty() {
        lines.push(Line::styled("  None named in this window.", theme.muted));
    } else {
        let (shown, more) = insights::first_of(&i.emotions, 12);
        let mut words: Vec<String> = shown.iter().map(|(w, n)| format!("{w} {n}")).collect();
        words.extend(insights::and_more(more));
        for l in wrap::indented(&words.join(" · "), usize::from(area.width), "  ", "  ") {
            lines.push(Line::styled(l, theme.text));
        }
    }
    scrolled(lines, state.scroll, frame, area, layout);
}
