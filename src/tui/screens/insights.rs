//! Insights: mood and closeness over time, trigger patterns, what helped, and the rhythm of
//! checking in. The figures come from `journal::insights`, computed when the screen opens or
//! its window changes, never per frame.

use std::sync::Arc;

use chrono::{Datelike, Months, NaiveDate, Weekday};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Bar, BarChart, Chart, Dataset, GraphType, Paragraph, Wrap};

use crate::content::Catalog;
use crate::journal::Entry;
use crate::journal::insights::{self, Insights, Window};
use crate::tui::app::App;
use crate::tui::keymap::Action;
use crate::tui::theme::Theme;
use crate::tui::widgets::page;

/// The views of insights.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// Mood and closeness over time.
    OverTime,
    /// Trigger patterns.
    Triggers,
    /// Strategies, reactions, feelings.
    Helped,
    /// Streaks and calendars.
    Rhythm,
}

impl Tab {
    /// All tabs in order.
    pub const ALL: [Tab; 4] = [Tab::OverTime, Tab::Triggers, Tab::Helped, Tab::Rhythm];

    /// Its name.
    pub fn label(self) -> &'static str {
        match self {
            Tab::OverTime => "Over time",
            Tab::Triggers => "Triggers",
            Tab::Helped => "What helped",
            Tab::Rhythm => "Rhythm",
        }
    }
}

/// How far back insights look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// The last N days.
    Days(u32),
    /// The whole journal.
    All,
}

impl Reach {
    /// The choices, in order.
    pub const ALL: [Reach; 4] = [
        Reach::Days(30),
        Reach::Days(90),
        Reach::Days(365),
        Reach::All,
    ];

    fn label(self) -> String {
        match self {
            Reach::Days(n) => format!("last {n} days"),
            Reach::All => "all time".to_owned(),
        }
    }
}

/// The screen's state.
#[derive(Debug, Clone)]
pub struct State {
    /// The tab shown.
    pub tab: Tab,
    /// The window.
    pub span: Reach,
    /// The figures for the window.
    pub insights: Arc<Insights>,
    /// The entries they were computed from.
    entries: Arc<Vec<Entry>>,
    /// The month the calendar shows.
    pub month: NaiveDate,
    /// Lines scrolled in the current tab.
    pub scroll: u16,
    /// The first day of the week.
    pub week_starts: Weekday,
    /// Every day of the journal with its averages (for the calendars), oldest first.
    all_days: Vec<insights::Day>,
    /// The mood chart.
    pub mood_series: Series,
    /// The closeness chart.
    pub closeness_series: Series,
}

fn all_days(entries: &[Entry]) -> Vec<insights::Day> {
    insights::days(
        entries,
        Window {
            from: NaiveDate::MIN,
            to: NaiveDate::MAX,
        },
    )
}

/// Computes insights for `span`.
pub fn compute(entries: &[Entry], span: Reach, today: NaiveDate, week_starts: Weekday) -> Insights {
    let window = match span {
        Reach::Days(n) => Window::last(n, today),
        Reach::All => Window::all(entries, today),
    };
    insights::compute(entries, window, today, week_starts)
}

impl State {
    /// Insights over `entries`, the last 30 days.
    pub fn new(entries: &Arc<Vec<Entry>>, today: NaiveDate, week_starts: Weekday) -> State {
        let span = Reach::Days(30);
        let mut state = State {
            tab: Tab::OverTime,
            span,
            insights: Arc::default(),
            entries: Arc::clone(entries),
            month: today.with_day(1).unwrap_or(today),
            scroll: 0,
            week_starts,
            all_days: all_days(entries),
            mood_series: Series::default(),
            closeness_series: Series::default(),
        };
        state.recompute(today);
        state
    }

    /// Works the figures and the charts out again, for the window and the entries.
    fn recompute(&mut self, today: NaiveDate) {
        let i = compute(&self.entries, self.span, today, self.week_starts);
        self.mood_series = series(&i, |d| d.mood, |w| w.mood);
        self.closeness_series = series(&i, |d| d.closeness, |w| w.closeness);
        self.insights = Arc::new(i);
    }

    /// Takes in a journal read again.
    pub fn reload(&mut self, entries: &Arc<Vec<Entry>>, today: NaiveDate) {
        if !Arc::ptr_eq(&self.entries, entries) {
            self.entries = Arc::clone(entries);
            self.all_days = all_days(entries);
            self.recompute(today);
        }
    }
}

/// What an update asks of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing more.
    Stay,
    /// Back to home.
    Back,
}

/// Applies an action.
pub fn update(state: &mut State, action: Action, today: NaiveDate) -> Outcome {
    let tab_index = Tab::ALL.iter().position(|t| *t == state.tab).unwrap_or(0);
    match action {
        Action::Next | Action::Right => {
            state.tab = Tab::ALL[(tab_index + 1) % Tab::ALL.len()];
            state.scroll = 0;
        }
        Action::Prev | Action::Left => {
            state.tab = Tab::ALL[(tab_index + Tab::ALL.len() - 1) % Tab::ALL.len()];
            state.scroll = 0;
        }
        Action::Choose(n) => {
            if let Some(span) = Reach::ALL.get(usize::from(n).saturating_sub(1)) {
                state.span = *span;
                state.recompute(today);
                state.scroll = 0;
            }
        }
        Action::Group => {
            let i = Reach::ALL
                .iter()
                .position(|s| *s == state.span)
                .unwrap_or(0);
            return update(
                state,
                Action::Choose(u8::try_from((i + 1) % 4 + 1).unwrap_or(1)),
                today,
            );
        }
        Action::Up => state.scroll = state.scroll.saturating_sub(1),
        Action::Down => state.scroll = state.scroll.saturating_add(1).min(200),
        Action::PageUp => state.scroll = state.scroll.saturating_sub(10),
        Action::PageDown => state.scroll = state.scroll.saturating_add(10).min(200),
        Action::Top => state.scroll = 0,
        Action::OlderMonth => {
            state.month = state
                .month
                .checked_sub_months(Months::new(1))
                .unwrap_or(state.month);
        }
        Action::NewerMonth => {
            let next = state
                .month
                .checked_add_months(Months::new(1))
                .unwrap_or(state.month);
            if next <= today {
                state.month = next;
            }
        }
        Action::Back => return Outcome::Back,
        _ => {}
    }
    Outcome::Stay
}

fn fmt(v: Option<f64>) -> String {
    v.map_or("–".to_owned(), |v| format!("{v:.1}"))
}

/// Draws insights.
pub fn view(app: &App, state: &State, frame: &mut Frame, area: Rect) {
    let body = page::draw(app, frame, area, "insights");
    let body = page::inset(body);
    let theme = &app.theme;
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
    spans.push(Span::styled(
        format!("   {}", state.span.label()),
        theme.key,
    ));
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
        Tab::Triggers => triggers(state, &app.catalog, theme, frame, body),
        Tab::Helped => helped(state, &app.catalog, theme, frame, body),
        Tab::Rhythm => rhythm(state, app.ctx.today, theme, frame, body),
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

fn triggers(state: &State, catalog: &Catalog, theme: &Theme, frame: &mut Frame, area: Rect) {
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
    let bars: Vec<Bar> = i
        .triggers
        .iter()
        .take(8)
        .map(|t| {
            let name = catalog.trigger_label(&t.trigger);
            let label: String = name.chars().take(26).collect();
            Bar::default()
                .value(u64::from(t.count))
                .label(Line::from(label))
                .text_value(format!("{} · intensity {}", t.count, fmt(t.intensity)))
                .style(theme.key)
                .value_style(theme.selected)
        })
        .collect();
    frame.render_widget(
        BarChart::horizontal(bars)
            .bar_width(1)
            .bar_gap(0)
            .label_style(theme.text),
        bars_area,
    );
    let mut lines = Vec::new();
    for t in &i.triggers {
        lines.push(Line::styled(
            format!(
                "{} · logged {} times",
                catalog.trigger_label(&t.trigger),
                t.count
            ),
            theme.title,
        ));
        for (what, c) in [("mood", &t.mood), ("closeness", &t.closeness)] {
            let style = if c.enough() { theme.text } else { theme.muted };
            lines.push(Line::styled(format!("  {}", c.describe(what)), style));
        }
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((state.scroll, 0)),
        list,
    );
}

fn helped(state: &State, catalog: &Catalog, theme: &Theme, frame: &mut Frame, area: Rect) {
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
        let title: String = title.chars().take(width).collect();
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
        lines.push(Line::styled(format!("  {n:>3}  {label}"), theme.text));
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
        lines.push(Line::styled(format!("  {}", words.join(" · ")), theme.text));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((state.scroll, 0)),
        area,
    );
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
                Some(d) => match mood_of(d) {
                    Some(mood) => {
                        let (style, mark) = level(theme, mood);
                        spans.push(Span::styled(format!(" {:>2}{mark} ", d.day()), style));
                    }
                    None => spans.push(Span::styled(format!(" {:>2}  ", d.day()), theme.muted)),
                },
            }
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::styled(
        "A mark after a day: checked in; its height and colour follow the mood (▁ low … █ good).",
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
