//! Drawing insights: the tabs, the charts, the trigger and strategy lists, the calendar.

use chrono::{Datelike, NaiveDate, Weekday};
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph};

use crate::content::Catalog;
use crate::journal::insights::{self, Insights};
use crate::journal::vocabulary::count;
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
    frame.render_widget(
        Paragraph::new(tab_line(state, theme, usize::from(tabs.width))),
        tabs,
    );
    let i = &state.insights;
    if i.entries == 0 && !matches!(state.tab, Tab::Week | Tab::Rhythm) {
        frame.render_widget(
            Paragraph::new(wrap::lines(
                vec![
                    Line::styled("No check-ins in this window yet.", theme.text),
                    Line::styled(
                        "Patterns show up after a few check-ins. 4 shows all time; Esc, then c, to check in.",
                        theme.muted,
                    ),
                ],
                usize::from(body.width),
            )),
            body,
        );
        return;
    }
    match state.tab {
        Tab::Week => week(state, cx, frame, body),
        Tab::OverTime => over_time(state, theme, frame, body),
        Tab::Triggers => triggers(state, catalog, theme, frame, body, layout),
        Tab::Helped => helped(state, catalog, theme, frame, body, layout),
        Tab::Rhythm => rhythm(state, cx.session.today, theme, frame, body),
    }
}

/// The views as tabs, the one shown selected, and the window where it applies: full names
/// when they fit, short ones when not, and at the narrowest only the view shown ("2/5").
fn tab_line(state: &State, theme: &Theme, width: usize) -> Line<'static> {
    let span =
        (!matches!(state.tab, Tab::Week | Tab::Rhythm)).then(|| format!("   {}", state.span));
    let span_width = span.as_ref().map_or(0, |s| s.chars().count());
    for short in [false, true] {
        let name = |t: Tab| if short { t.short_label() } else { t.label() };
        let tabs_width: usize = Tab::ALL.iter().map(|t| name(*t).chars().count() + 3).sum();
        if tabs_width <= width {
            let mut spans = Vec::new();
            for t in Tab::ALL {
                let style = if t == state.tab {
                    theme.selected
                } else {
                    theme.muted
                };
                spans.push(Span::styled(format!(" {} ", name(t)), style));
                spans.push(Span::raw(" "));
            }
            if let Some(span) = span.filter(|_| tabs_width + span_width <= width) {
                spans.push(Span::styled(span, theme.key));
            }
            return Line::from(spans);
        }
    }
    let at = Tab::ALL.iter().position(|t| *t == state.tab).unwrap_or(0) + 1;
    let mut spans = vec![
        Span::styled(format!(" {} ", state.tab.label()), theme.selected),
        Span::styled(format!(" {at}/{}", Tab::ALL.len()), theme.muted),
    ];
    if let Some(span) = span {
        spans.push(Span::styled(span, theme.key));
    }
    Line::from(spans)
}

/// The last seven days, a line each: mood, closeness, triggers; the selected day opens.
fn week(state: &State, cx: &ViewCx, frame: &mut Frame, area: Rect) {
    let session = cx.session;
    let theme = &session.theme;
    let labels = session.prefs.mood_labels;
    let width = usize::from(area.width);
    let value = |v: Option<f64>| match v {
        None => "–".to_owned(),
        Some(v) if v.fract() == 0.0 => format!("{v:.0}"),
        Some(v) => format!("{v:.1}"),
    };
    // Day, mood and closeness in columns; the triggers take the rest of the line.
    let head = format!("  {:<11} {:<15} {:<10} ", "Day", "Mood", "Closeness");
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
            let (style, mark) = level(theme, g.day.mood);
            let word = g
                .day
                .mood
                .map_or("", |m| labels.label_of((m.round() as u8).clamp(1, 5)));
            let mood = format!("{mark} {} {word}", value(g.day.mood));
            spans.push(Span::styled(
                format!("{:<15} ", wrap::fit(&mood, 15)),
                style,
            ));
            spans.push(Span::styled(
                format!("{:<10} ", value(g.day.closeness)),
                theme.text,
            ));
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
}

fn over_time(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let i = &state.insights;
    let [head, charts] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let plot = Plot::new(i, charts);
    let line = if plot.monthly(&state.mood_series) {
        "line: monthly averages"
    } else {
        "line: weekly averages"
    };
    let dots = match plot.days_per_column() {
        n if n > 1.5 => format!("dots: {n:.0}-day averages"),
        _ => "dots: days".to_owned(),
    };
    frame.render_widget(
        Paragraph::new(Line::styled(
            wrap::fit(
                &format!(
                    "{} on {} · mood {} · closeness {}",
                    count(i.entries, "check-in", "check-ins"),
                    count(i.days_checked_in, "day", "days"),
                    fmt(i.mood),
                    fmt(i.closeness)
                ),
                usize::from(head.width),
            ),
            theme.muted,
        )),
        head,
    );
    let [mood, closeness] =
        Layout::vertical([Constraint::Fill(1), Constraint::Fill(1)]).areas(charts);
    let legend = format!("{dots}, {line}");
    plot.draw("Mood", &legend, &state.mood_series, theme, frame, mood);
    plot.draw(
        "Closeness",
        "",
        &state.closeness_series,
        theme,
        frame,
        closeness,
    );
}

/// What a chart draws: the days, and the weekly and monthly lines in pieces that break at gaps
/// (the view draws the weekly line when the window has room for it, else the monthly one).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Series {
    /// (day number in the window, value 1–5), thinned to at most `MAX_POINTS`.
    pub points: Vec<(f64, f64)>,
    /// Runs of weekly averages with no missing week between them (x: the week's middle).
    pub weekly: Vec<Vec<(f64, f64)>>,
    /// Runs of monthly averages with no missing month between them (x: the month's middle).
    pub monthly: Vec<Vec<(f64, f64)>>,
}

/// At most this many dots per series: more than a wide terminal has columns, so the view's
/// averaging per column costs the same for any journal.
const MAX_POINTS: f64 = 600.0;

/// Averages points that fall in the same one of `slots` equal slices of `0..=span`, each
/// placed at its slice's first point (or, with `snap`, at the slice's own x, so one slice is
/// one column of a chart whose x axis runs over `0..=span` in `slots` columns).
fn average_slots(points: &[(f64, f64)], span: f64, slots: f64, snap: bool) -> Vec<(f64, f64)> {
    let step = if slots > 1.0 {
        span / (slots - 1.0)
    } else {
        span.max(1.0)
    };
    let mut out: Vec<(f64, f64, f64, u32)> = Vec::new();
    for &(x, y) in points {
        let slot = (x / step).round();
        match out.last_mut() {
            Some((s, _, sy, n)) if *s == slot => {
                *sy += y;
                *n += 1;
            }
            _ => out.push((slot, x, y, 1)),
        }
    }
    out.into_iter()
        .map(|(slot, x, y, n)| (if snap { slot * step } else { x }, y / f64::from(n)))
        .collect()
}

/// Runs of averages (x of each: its start + `middle` days) that break where more than
/// `max_gap` days separate two starts.
fn runs(
    periods: &[insights::Week],
    value: &impl Fn(&insights::Week) -> Option<f64>,
    start: NaiveDate,
    span: f64,
    middle: f64,
    max_gap: i64,
) -> Vec<Vec<(f64, f64)>> {
    let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut last: Option<NaiveDate> = None;
    for p in periods {
        let Some(v) = value(p) else {
            last = None;
            continue;
        };
        let x = ((p.start - start).num_days() as f64 + middle).clamp(0.0, span);
        match (last, runs.last_mut()) {
            (Some(prev), Some(run)) if (p.start - prev).num_days() <= max_gap => run.push((x, v)),
            _ => runs.push(vec![(x, v)]),
        }
        last = Some(p.start);
    }
    runs
}

/// The chart series of one measure (`value` picks it from a day and from a week or month).
pub fn series(
    i: &Insights,
    day_value: impl Fn(&insights::Day) -> Option<f64>,
    value: impl Fn(&insights::Week) -> Option<f64>,
) -> Series {
    let start = i.window.from;
    let span = f64::from(i.window.days().max(2) - 1);
    let points: Vec<(f64, f64)> = i
        .days
        .iter()
        .filter_map(|d| day_value(d).map(|v| ((d.date - start).num_days() as f64, v)))
        .collect();
    let points = if points.len() as f64 > MAX_POINTS {
        average_slots(&points, span, MAX_POINTS, false)
    } else {
        points
    };
    Series {
        points,
        weekly: runs(&i.weeks, &value, start, span, 3.0, 7),
        monthly: runs(&insights::months(&i.days), &value, start, span, 14.0, 31),
    }
}

/// The shape of the two charts in the room they have: the plot's columns, and rows such that
/// the values 1 to 5 fall on rows exactly (4k + 1 rows).
struct Plot {
    /// The window's first and last day.
    from: NaiveDate,
    to: NaiveDate,
    /// Days in the window, less one (the x axis runs over `0..=span`).
    span: f64,
    /// Columns of the plot (the chart less its y labels and axis).
    columns: u16,
}

/// Rows of a chart under the plot: the x axis and its labels.
const X_AXIS_ROWS: u16 = 2;

impl Plot {
    fn new(i: &Insights, area: Rect) -> Plot {
        Plot {
            from: i.window.from,
            to: i.window.to,
            span: f64::from(i.window.days().max(2) - 1),
            // One column of y labels ("1" to "5") and one of the axis.
            columns: area.width.saturating_sub(2).max(1),
        }
    }

    /// Days each column of the plot stands for.
    fn days_per_column(&self) -> f64 {
        (self.span + 1.0) / f64::from(self.columns)
    }

    /// Whether the weekly line has too many points for the columns (two columns a point at
    /// least), so the monthly one is drawn.
    fn monthly(&self, series: &Series) -> bool {
        let weeks: usize = series.weekly.iter().map(Vec::len).sum();
        weeks * 2 > usize::from(self.columns)
    }

    /// Plot rows for `rows` of room: the most of the form 4k + 1 that fit, so 1, 2, 3, 4 and
    /// 5 each have a row of their own (fewer than 5 rows: what there is).
    fn rows(rows: u16) -> u16 {
        if rows < 5 {
            rows
        } else {
            (rows - 1) / 4 * 4 + 1
        }
    }

    fn draw(
        &self,
        title: &str,
        legend: &str,
        series: &Series,
        theme: &Theme,
        frame: &mut Frame,
        area: Rect,
    ) {
        let [title_row, rest] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        let room = usize::from(title_row.width).saturating_sub(title.chars().count() + 3);
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(title.to_owned(), theme.title),
                Span::styled(format!("   {}", wrap::fit(legend, room)), theme.muted),
            ])),
            title_row,
        );
        let plot_rows = Plot::rows(rest.height.saturating_sub(X_AXIS_ROWS));
        let [chart_area] =
            Layout::vertical([Constraint::Length(plot_rows + X_AXIS_ROWS)]).areas(rest);
        let dots = average_slots(&series.points, self.span, f64::from(self.columns), true);
        let lines = if self.monthly(series) {
            &series.monthly
        } else {
            &series.weekly
        };
        // The lines first, the dots over them: a day is never hidden under its week.
        let mut datasets: Vec<Dataset> = lines
            .iter()
            .map(|run| {
                Dataset::default()
                    .marker(Marker::Braille)
                    .graph_type(if run.len() > 1 {
                        GraphType::Line
                    } else {
                        GraphType::Scatter
                    })
                    .style(theme.key)
                    .data(run)
            })
            .collect();
        datasets.push(
            Dataset::default()
                .marker(Marker::Dot)
                .graph_type(GraphType::Scatter)
                .style(theme.text)
                .data(&dots),
        );
        let y_labels = if plot_rows >= 5 {
            ["1", "2", "3", "4", "5"].as_slice()
        } else {
            ["1", "5"].as_slice()
        };
        let chart = Chart::new(datasets)
            .x_axis(
                Axis::default()
                    .bounds([0.0, self.span])
                    .style(theme.muted)
                    .labels_alignment(Alignment::Right)
                    .labels(vec![
                        Span::styled(self.from.format("%-d %b %Y").to_string(), theme.muted),
                        Span::styled(self.to.format("%-d %b %Y").to_string(), theme.muted),
                    ]),
            )
            .y_axis(
                Axis::default()
                    .bounds([1.0, 5.0])
                    .style(theme.muted)
                    .labels(
                        y_labels
                            .iter()
                            .map(|l| Span::styled(*l, theme.muted))
                            .collect::<Vec<_>>(),
                    ),
            )
            .hidden_legend_constraints((Constraint::Length(0), Constraint::Length(0)));
        frame.render_widget(chart, chart_area);
    }
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
    scrolled(lines, state.scroll, frame, list, layout);
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
    scrolled(lines, state.scroll, frame, area, layout);
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
            format!(
                "{}   [ month before · ] month after",
                state.month.format("%B %Y")
            ),
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
                    // Today's number is underlined and bold, in colour or without; the
                    // chosen day's is shown as selected.
                    let mut number = if d == today {
                        style.add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
                    } else {
                        style
                    };
                    if d == state.day {
                        number = number.patch(theme.selected);
                    }
                    spans.push(Span::styled(" ", style));
                    spans.push(Span::styled(format!("{:>2}", d.day()), number));
                    spans.push(Span::styled(format!("{mark} "), style));
                }
            }
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::styled(
        "A mark after a day: checked in; its height and colour follow the mood (▁ low … █ good). Today is underlined. Arrows choose a day, Enter opens it.",
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
    frame.render_widget(
        Paragraph::new(wrap::lines(lines, usize::from(area.width))),
        area,
    );
}

/// Draws `text` wrapped in `area`, scrolled by `scroll` but never past its last line, and
/// records how long it is for the next update.
fn scrolled(
    lines: Vec<Line<'static>>,
    scroll: u16,
    frame: &mut Frame,
    area: Rect,
    layout: &mut LastLayout,
) {
    let lines = wrap::lines(lines, usize::from(area.width));
    layout.record(area, lines.len());
    frame.render_widget(
        Paragraph::new(lines).scroll((scroll.min(layout.max_scroll()), 0)),
        area,
    );
}
