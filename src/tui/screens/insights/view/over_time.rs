//! Each scale over time (mood, closeness): the series and the charts.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph};

use crate::journal::Scale;
use crate::journal::insights::{self, Insights};
use crate::journal::vocabulary::count;
use crate::tui::theme::Theme;
use crate::tui::widgets::wrap;

use super::super::State;
use super::fmt;

pub(super) fn over_time(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let i = &state.insights;
    let [head, charts] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let plot = Plot::new(i, charts);
    let line = if plot.monthly(&state.series.0[0]) {
        "line: monthly averages"
    } else {
        "line: weekly averages"
    };
    let dots = match plot.days_per_column() {
        n if n > 1.5 => format!("dots: {n:.0}-day averages"),
        _ => "dots: days".to_owned(),
    };
    let mut summary = format!(
        "{} on {}",
        count(i.entries, "check-in", "check-ins"),
        count(i.days_checked_in, "day", "days")
    );
    for (s, average) in i.scales.iter() {
        summary.push_str(&format!(" · {} {}", s.id(), fmt(*average)));
    }
    frame.render_widget(
        Paragraph::new(Line::styled(
            wrap::fit(&summary, usize::from(head.width)),
            theme.muted,
        )),
        head,
    );
    let areas = Layout::vertical([Constraint::Fill(1); Scale::COUNT]).split(charts);
    // The legend once, on the first chart.
    let legend = format!("{dots}, {line}");
    for ((s, series), area) in state.series.iter().zip(areas.iter()) {
        let legend = if s == Scale::ALL[0] {
            legend.as_str()
        } else {
            ""
        };
        plot.draw(s.label(), legend, series, theme, frame, *area);
    }
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
        // Clamped: `slot * step` for the last slot can come out a hair past `span` in floating
        // point, and a chart drops a point outside its bounds (the newest day's dot).
        .map(|(slot, x, y, n)| {
            let x = if snap { (slot * step).min(span) } else { x };
            (x, y / f64::from(n))
        })
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 37, item 13: the newest day's dot, snapped to the last column, stays inside the
    /// chart's bounds (a chart drops a point past them) at every width and window length.
    #[test]
    fn the_last_dot_stays_inside_the_chart() {
        for days in 2..1200u32 {
            let span = f64::from(days - 1);
            for columns in [40.0, 78.0, 118.0, 156.0, 158.0, 200.0] {
                let dots = average_slots(&[(0.0, 3.0), (span, 4.0)], span, columns, true);
                let last = dots.last().unwrap();
                assert!(
                    last.0 <= span,
                    "{days} days, {columns} columns: {} > {span}",
                    last.0
                );
            }
        }
    }
}
