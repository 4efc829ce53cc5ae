//! Drawing insights: the tabs, the charts, the trigger and strategy lists, the calendar.

use chrono::{Datelike, NaiveDate, Weekday};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph, Wrap};

use crate::content::Catalog;
use crate::journal::insights::{self, Insights};
use crate::tui::screen::{LastLayout, ViewCx};
use crate::tui::theme::Theme;
use crate::tui::widgets::page;
use crate::tui::widgets::wrap;

use super::{State, Tab};

fn fmt(v: Option<f64>) -> String {
    v.map_or("–".to_owned(), |v| format!("{v:.1}"))
}

/// Draws insights.
pub fn view(state: &State, cx: &ViewCx, frame: &mut Frame, area: Rect, layout: &mut LastLayout) {
    let body = page::draw(cx, frame, area, "insights");
    let body = page::inset(body);
    let theme = &cx.session.theme;
    let catalog = &cx.session.catalog;
    layout.record(body, 0);
    let [tabs, body] = Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(body);
    let mut spans = Vec::new();
    for t in Tab::ALL {
        let style = if t == state.tab {
            theme.selected
        } else {
            theme.muted
        };
        spans.push(Span::styled(format!(" {} ", t.label()), style));
        spans.push(Span::raw(" "));
    }
    spans.push(Span::styled(format!("   {}", state.span), theme.key));
    frame.render_widget(Paragraph::new(Line::from(spans)), tabs);
    let i = &state.insights;
    if i.entries == 0 && state.tab != Tab::Rhythm {
        frame.render_widget(
            Paragraph::new(vec![
                Line::styled("No check-ins in this window yet.", theme.text),
                Line::styled(
                    "Patterns show up after a few check-ins. 4 shows all time; Esc, then c, to check in.",
                    theme.muted,
                ),
            ])
            .wrap(Wrap { trim: false }),
            body,
        );
        return;
    }
    match state.tab {
        Tab::OverTime => over_time(state, theme, frame, body),
        Tab::Triggers => triggers(state, catalog, theme, frame, body, layout),
        Tab::Helped => helped(state, catalog, theme, frame, body, layout),
        Tab::Rhythm => rhythm(state, cx.session.today, theme, frame, body),
    }
}

fn over_time(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let i = &state.insights;
    let [head, mood, closeness] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!(
                "{} check-ins on {} days · mood {} · closeness {} · dots: days, line: weekly",
                i.entries,
                i.days_checked_in,
                fmt(i.mood),
                fmt(i.closeness)
            ),
            theme.muted,
        )),
        head,
    );
    chart(state, "Mood", &state.mood_series, theme, frame, mood);
    chart(
        state,
        "Closeness",
        &state.closeness_series,
        theme,
        frame,
        closeness,
    );
}

/// What a chart draws: daily dots, and the weekly line in pieces that break at gaps.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Series {
    /// (day number, value).
    pub points: Vec<(f64, f64)>,
    /// Runs of weekly averages with no missing week between them.
    pub segments: Vec<Vec<(f64, f64)>>,
}

/// At most this many dots and line points per chart: more than a wide terminal can show.
const MAX_POINTS: f64 = 600.0;

/// Averages points that fall in the same one of `MAX_POINTS` slices of `0..=span`.
fn thin(points: Vec<(f64, f64)>, span: f64) -> Vec<(f64, f64)> {
    if (points.len() as f64) <= MAX_POINTS {
        return points;
    }
    let width = span / MAX_POINTS;
    let mut out: Vec<(f64, f64, u32)> = Vec::new();
    for (x, y) in points {
        let slot = (x / width).floor();
        match out.last_mut() {
            Some((sx, sy, n)) if (*sx / width).floor() == slot => {
                *sy += y;
                *n += 1;
                let _ = sx;
            }
            _ => out.push((x, y, 1)),
        }
    }
    out.into_iter()
        .map(|(x, y, n)| (x, y / f64::from(n)))
        .collect()
}

/// The chart series of one measure, thinned to what a terminal can show.
pub fn series(
    i: &Insights,
    day_value: impl Fn(&insights::Day) -> Option<f64>,
    week_value: impl Fn(&insights::Week) -> Option<f64>,
) -> Series {
    let start = i.window.from;
    let span = f64::from(i.window.days().max(2) - 1);
    let x = |d: NaiveDate| (d - start).num_days() as f64;
    let points: Vec<(f64, f64)> = i
        .days
        .iter()
        .filter_map(|d| day_value(d).map(|v| (x(d.date), v)))
        .collect();
    let mut segments: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut last: Option<NaiveDate> = None;
    for w in &i.weeks {
        let Some(v) = week_value(w) else {
            last = None;
            continue;
        };
        let point = (x(w.start).max(0.0) + 3.0, v);
        match (last, segments.last_mut()) {
            (Some(prev), Some(seg)) if (w.start - prev).num_days() <= 7 => seg.push(point),
            _ => segments.push(vec![point]),
        }
        last = Some(w.start);
    }
    Series {
        points: thin(points, span),
        segments: segments.into_iter().map(|s| thin(s, span)).collect(),
    }
}

fn chart(
    state: &State,
    title: &str,
    series: &Series,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let i = &state.insights;
    let start = i.window.from;
    let mut datasets = vec![
        Dataset::default()
            .marker(Marker::Dot)
            .graph_type(GraphType::Scatter)
            .style(theme.muted)
            .data(&series.points),
    ];
    for seg in &series.segments {
        datasets.push(
            Dataset::default()
                .marker(Marker::Braille)
                .graph_type(if seg.len() > 1 {
                    GraphType::Line
                } else {
                    GraphType::Scatter
                })
                .style(theme.key)
                .data(seg),
        );
    }
    let span = f64::from(i.window.days().max(2) - 1);
    let end = i.window.to;
    let chart = Chart::new(datasets)
        .x_axis(
            Axis::default()
                .bounds([0.0, span])
                .style(theme.muted)
                .labels(vec![
                    Span::styled(start.format("%-d %b %Y").to_string(), theme.muted),
                    Span::styled(end.format("%-d %b %Y").to_string(), theme.muted),
                ]),
        )
        .y_axis(
            Axis::default()
                .title(Span::styled(title.to_owned(), theme.title))
                .bounds([1.0, 5.0])
                .style(theme.muted)
                .labels(vec![
                    Span::styled("1", theme.muted),
                    Span::styled("3", theme.muted),
                    Span::styled("5", theme.muted),
                ]),
        )
        .hidden_legend_constraints((Constraint::Length(0), Constraint::Length(0)));
    frame.render_widget(chart, area);
}

fn triggers(
    state: &State,
    catalog: &Catalog,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    layout: &mut LastLayout,
) {
    let i = &state.insights;
    if i.triggers.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(
                "No triggers were logged in this window.",
                theme.muted,
            )),
            area,
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
        for (what, c) in [("mood", &t.mood), ("closeness", &t.closeness)] {
            let style = if c.enough() { theme.text } else { theme.muted };
            for l in wrap::indented(&c.describe(what), usize::from(list.width), "  ", "  ") {
                lines.push(Line::styled(l, style));
            }
        }
    }
    scrolled(Paragraph::new(lines), state.scroll, frame, list, layout);
}

fn helped(
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
    let width = usize::from(area.width).saturating_sub(24).max(10);
    for s in &i.strategies {
        let title = catalog
            .strategy(&s.id)
            .map_or(s.id.as_str(), |x| x.title.as_str());
        let title = crate::tui::widgets::wrap::fit(title, width);
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
    for (id, n) in i.reactions.iter().take(6) {
        let label = catalog.sign(id).map_or(id.as_str(), |s| s.label.as_str());
        let first = format!("  {n:>3}  ");
        for l in wrap::indented(label, usize::from(area.width), &first, "       ") {
            lines.push(Line::styled(l, theme.text));
        }
    }
    lines.push(Line::default());
    lines.push(Line::styled("Feelings named most often", theme.title));
    if i.emotions.is_empty() {
        lines.push(Line::styled("  None named in this window.", theme.muted));
    } else {
        let words: Vec<String> = i
            .emotions
            .iter()
            .take(12)
            .map(|(w, n)| format!("{w} {n}"))
            .collect();
        for l in wrap::indented(&words.join(" · "), usize::from(area.width), "  ", "  ") {
            lines.push(Line::styled(l, theme.text));
        }
    }
    scrolled(Paragraph::new(lines), state.scroll, frame, area, layout);
}

/// The style and mark of a day by its mood.
fn level(theme: &Theme, mood: Option<f64>) -> (Style, &'static str) {
    match mood {
        None => (theme.muted, "·"),
        Some(m) => {
            let i = (m.round() as usize).clamp(1, 5) - 1;
            (theme.levels[i], ["▁", "▃", "▅", "▇", "█"][i])
        }
    }
}

fn rhythm(state: &State, today: NaiveDate, theme: &Theme, frame: &mut Frame, area: Rect) {
    let i = &state.insights;
    let all = &state.all_days;
    let mood_of = |d: NaiveDate| -> Option<Option<f64>> {
        all.binary_search_by_key(&d, |x| x.date)
            .ok()
            .map(|k| all[k].mood)
    };
    let days = |n: u32| {
        if n == 1 {
            "day".to_owned()
        } else {
            "days".to_owned()
        }
    };
    let mut lines = vec![
        Line::from(vec![
            Span::styled("Current streak ", theme.muted),
            Span::styled(
                format!("{} {}", i.current_streak, days(i.current_streak)),
                theme.title,
            ),
            Span::styled("   Longest ", theme.muted),
            Span::styled(
                format!("{} {}", i.longest_streak, days(i.longest_streak)),
                theme.title,
            ),
        ]),
        Line::default(),
        Line::styled(
            format!("{}   [ older · ] newer", state.month.format("%B %Y")),
            theme.title,
        ),
    ];
    let order: Vec<Weekday> = (0..7)
        .map(|k| {
            let mut w = state.week_starts;
            for _ in 0..k {
                w = w.succ();
            }
            w
        })
        .collect();
    lines.push(Line::styled(
        order
            .iter()
            .map(|w| format!("{:^5}", &w.to_string()[..2]))
            .collect::<String>(),
        theme.muted,
    ));
    for week in insights::month_grid(state.month.year(), state.month.month(), state.week_starts) {
        let mut spans = Vec::new();
        for cell in week {
            match cell {
                None => spans.push(Span::raw("     ")),
                Some(d) => {
                    let (style, mark) = match mood_of(d) {
                        Some(mood) => level(theme, mood),
                        None => (theme.muted, " "),
                    };
                    // Today's number is underlined and bold, in colour or without.
                    let number = if d == today {
                        style.add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
                    } else {
                        style
                    };
                    spans.push(Span::styled(" ", style));
                    spans.push(Span::styled(format!("{:>2}", d.day()), number));
                    spans.push(Span::styled(format!("{mark} "), style));
                }
            }
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::styled(
        "A mark after a day: checked in; its height and colour follow the mood (▁ low … █ good). Today is underlined.",
        theme.muted,
    ));
    let calendar_height = u16::try_from(lines.len()).unwrap_or(12);
    // The year as a heat-map, when the terminal is wide enough for 53 weeks.
    if area.width >= 110 && area.height > calendar_height + 10 {
        lines.push(Line::default());
        lines.push(Line::styled("The last year", theme.title));
        let end = insights::week_start(today, state.week_starts);
        let first = end - chrono::Days::new(52 * 7);
        for (row, weekday) in order.iter().enumerate() {
            let mut spans = vec![Span::styled(
                format!("{:<3}", &weekday.to_string()[..2]),
                theme.muted,
            )];
            for week in 0..53u64 {
                let d = first + chrono::Days::new(week * 7 + row as u64);
                if d > today {
                    spans.push(Span::raw(" "));
                    continue;
                }
                let (style, mark) = match mood_of(d) {
                    Some(m) => level(theme, m),
                    None => (theme.muted, "·"),
                };
                spans.push(Span::styled(mark, style));
            }
            lines.push(Line::from(spans));
        }
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}

/// Draws `text` wrapped in `area`, scrolled by `scroll` but never past its last line, and
/// records how long it is for the next update.
fn scrolled(
    text: Paragraph<'_>,
    scroll: u16,
    frame: &mut Frame,
    area: Rect,
    layout: &mut LastLayout,
) {
    let text = text.wrap(Wrap { trim: false });
    layout.record(area, text.line_count(area.width));
    frame.render_widget(text.scroll((scroll.min(layout.max_scroll()), 0)), area);
}
