//! A report's charts as SVG, drawn with plotters' SVG back end (text as `<text>`, escaped by
//! plotters; no fonts or images to fetch). Every chart reads in black and white: the two
//! measures differ by marker and line (filled circles and a solid line for mood, triangles and
//! a dashed line for closeness), not by colour alone, and both colours pass WCAG's 3:1 for
//! graphics against white (mood #0b4f8a is 8.6:1, closeness #9c4a00 6.5:1).

use chrono::{Days, NaiveDate};
use plotters::chart::MeshStyle;
use plotters::coord::ranged1d::{SegmentValue, SegmentedCoord, ValueFormatter};
use plotters::coord::types::{RangedCoordf64, RangedCoordusize};
use plotters::prelude::*;

use crate::journal::Scale;
use crate::journal::insights::{Day, Week, Window};

/// What a chart shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    /// Mood and closeness: each day a dot, a line through the weekly averages.
    OverTime {
        /// The days on the x axis.
        window: Window,
        /// Days with a check-in.
        days: Vec<Day>,
        /// Weekly averages.
        weeks: Vec<Week>,
    },
    /// Horizontal bars, first at the top, each with a note at its end.
    Bars {
        /// What each bar is.
        labels: Vec<String>,
        /// Its length.
        values: Vec<f64>,
        /// A few words after the figure ("strength 3.2"), may be empty.
        notes: Vec<String>,
        /// What the values count, under the axis.
        axis: String,
    },
    /// For each item, average mood on days with it (filled) and without it (hollow), 1–5.
    WithWithout {
        /// What each row is.
        labels: Vec<String>,
        /// Average mood on days with it.
        with: Vec<Option<f64>>,
        /// Average mood on days without it.
        without: Vec<Option<f64>>,
    },
}

/// At most this many bars or rows are drawn; the table beside the chart has them all.
pub const MOST_ROWS: usize = 12;

/// Mood's colour (contrast 8.6:1 on white).
const MOOD: RGBColor = RGBColor(0x0b, 0x4f, 0x8a);
/// Closeness's colour (contrast 6.5:1 on white).
const CLOSENESS: RGBColor = RGBColor(0x9c, 0x4a, 0x00);

/// How each scale is drawn over time, in [`Scale::ALL`]'s order: its colour, and whether its
/// days are outlined triangles and its weekly line dashed (else filled dots and a solid line),
/// so no two scales differ by colour alone.
const STYLES: [(RGBColor, bool); Scale::COUNT] = [(MOOD, false), (CLOSENESS, true)];
/// Text and axes (contrast 15:1).
const INK: RGBColor = RGBColor(0x22, 0x22, 0x22);
/// Bars (contrast 7:1 with white, readable text beside them).
const BAR: RGBColor = RGBColor(0x4a, 0x5a, 0x6a);

const WIDTH: u32 = 760;
const FONT: &str = "sans-serif";

type Failed = Box<dyn std::error::Error>;

/// The chart as an SVG document (`<svg …>…</svg>`), `WIDTH` wide with a `viewBox`, so a page
/// can scale it to its column.
///
/// # Errors
/// Whatever plotters reports while drawing, in words.
pub fn svg(chart: &Chart) -> Result<String, String> {
    let mut out = String::new();
    let drawn = match chart {
        Chart::OverTime {
            window,
            days,
            weeks,
        } => over_time(&mut out, *window, days, weeks),
        Chart::Bars {
            labels,
            values,
            notes,
            axis,
        } => bars(&mut out, labels, values, notes, axis),
        Chart::WithWithout {
            labels,
            with,
            without,
        } => with_without(&mut out, labels, with, without),
    };
    drawn.map_err(|e| e.to_string())?;
    Ok(out)
}

/// `text` cut to `n` characters with "…".
fn short(text: &str, n: usize) -> String {
    if text.chars().count() <= n {
        text.to_owned()
    } else {
        let mut s: String = text.chars().take(n - 1).collect();
        s.push('…');
        s
    }
}

/// Runs of consecutive weeks with a value (a week missing breaks the line: a gap, not a slope).
fn runs(
    weeks: &[Week],
    value: impl Fn(&Week) -> Option<f64>,
    x: impl Fn(NaiveDate) -> f64,
) -> Vec<Vec<(f64, f64)>> {
    let mut out: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut last: Option<NaiveDate> = None;
    for w in weeks {
        match value(w) {
            Some(v) => {
                let joined = last.is_some_and(|l| (w.start - l).num_days() <= 7);
                let point = (
                    x(w.start.checked_add_days(Days::new(3)).unwrap_or(w.start)),
                    v,
                );
                match out.last_mut() {
                    Some(run) if joined => run.push(point),
                    _ => out.push(vec![point]),
                }
                last = Some(w.start);
            }
            None => last = None,
        }
    }
    out
}

fn over_time(out: &mut String, window: Window, days: &[Day], weeks: &[Week]) -> Result<(), Failed> {
    let span = f64::from(window.days().max(2) - 1);
    let x = |d: NaiveDate| ((d - window.from).num_days() as f64).clamp(0.0, span);
    let long = window.days() > 180;
    let root = SVGBackend::with_string(out, (WIDTH, 320 + LEGEND)).into_drawing_area();
    root.fill(&WHITE)?;
    let (top, bottom) = root.split_vertically(320);
    let mut chart = ChartBuilder::on(&top)
        .margin(12)
        .x_label_area_size(34)
        .y_label_area_size(46)
        .build_cartesian_2d(-0.5..span + 0.5, 0.8f64..5.2)?;
    let date_of = |v: &f64| {
        let day = window
            .from
            .checked_add_days(Days::new(v.max(0.0).round() as u64))
            .unwrap_or(window.to);
        if long {
            day.format("%b %Y").to_string()
        } else {
            day.format("%-d %b").to_string()
        }
    };
    house_style(&mut chart.configure_mesh())
        .x_labels(6)
        .y_labels(5)
        .x_label_formatter(&date_of)
        .y_label_formatter(&|v| format!("{v:.0}"))
        .y_desc("1 low – 5 high")
        .draw()?;
    for &scale in Scale::ALL {
        let (colour, outlined) = STYLES[scale as usize];
        let values = days
            .iter()
            .filter_map(|d| d.scales[scale].map(|v| (x(d.date), v)));
        if outlined {
            // An outline, not a fill: where it equals a filled dot it is drawn around it, both
            // still seen, instead of the two mixing into a mark the legend lacks.
            chart.draw_series(values.map(|p| EmptyElement::at(p) + outline_triangle(colour)))?;
        } else {
            chart.draw_series(values.map(|p| Circle::new(p, 3, colour.mix(0.55).filled())))?;
        }
    }
    for &scale in Scale::ALL {
        let (colour, dashed) = STYLES[scale as usize];
        for run in runs(weeks, |w| w.scales[scale], x) {
            if dashed {
                chart.draw_series(DashedLineSeries::new(run, 8, 5, colour.stroke_width(3)))?;
            } else {
                chart.draw_series(LineSeries::new(run, colour.stroke_width(3)))?;
            }
        }
    }
    let names: Vec<[String; 2]> = Scale::ALL
        .iter()
        .map(|s| [format!("{}, a day", s.id()), format!("{}, weekly", s.id())])
        .collect();
    let mut items = Vec::new();
    for (&scale, [day, week]) in Scale::ALL.iter().zip(&names) {
        let (colour, outlined) = STYLES[scale as usize];
        let (day_mark, line) = if outlined {
            (Mark::Triangle(colour), Mark::Dashed(colour))
        } else {
            (Mark::Dot(colour), Mark::Line(colour))
        };
        items.extend([(day_mark, day.as_str()), (line, week.as_str())]);
    }
    legend(&bottom, &items)?;
    root.present()?;
    Ok(())
}

/// A triangle drawn as an outline around its point (in pixels from it): how a closeness day
/// is marked, so a mood dot at the same place shows inside it.
fn outline_triangle(c: RGBColor) -> PathElement<(i32, i32)> {
    PathElement::new(vec![(0, -6), (6, 4), (-6, 4), (0, -6)], c.stroke_width(2))
}

/// A legend entry's mark.
#[derive(Clone, Copy)]
enum Mark {
    Dot(RGBColor),
    /// An outlined triangle, as closeness days are drawn.
    Triangle(RGBColor),
    Line(RGBColor),
    Dashed(RGBColor),
    Hollow(RGBColor),
}

/// Height of the strip under a chart that holds its legend.
const LEGEND: u32 = 34;

/// The legend in one row along the strip under a chart (inside the chart it covered points).
fn legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    items: &[(Mark, &str)],
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let font = (FONT, 14)
        .into_font()
        .color(&INK)
        .pos(plotters::style::text_anchor::Pos::new(
            plotters::style::text_anchor::HPos::Left,
            plotters::style::text_anchor::VPos::Center,
        ));
    let y = i32::try_from(LEGEND / 2).unwrap_or(16);
    let mut x = 60;
    for (mark, text) in items {
        match *mark {
            Mark::Dot(c) => area.draw(&Circle::new((x + 8, y), 4, c.filled()))?,
            Mark::Hollow(c) => area.draw(&Circle::new((x + 8, y), 5, c.stroke_width(2)))?,
            Mark::Triangle(c) => {
                area.draw(&(EmptyElement::at((x + 8, y)) + outline_triangle(c)))?
            }
            Mark::Line(c) => area.draw(&PathElement::new(
                vec![(x, y), (x + 22, y)],
                c.stroke_width(3),
            ))?,
            Mark::Dashed(c) => area.draw(&plotters::element::DashedPathElement::new(
                vec![(x, y), (x + 22, y)],
                6,
                4,
                c.stroke_width(3),
            ))?,
        }
        area.draw(&Text::new(text.to_string(), (x + 28, y), font.clone()))?;
        // The naive width of plotters' SVG text: about 0.45 em a character at 14 px, plus a gap.
        x += 28 + i32::try_from(text.chars().count() * 7).unwrap_or(100) + 24;
    }
    Ok(())
}

/// Pixels for a column of labels of up to `chars` characters at 14 px.
fn label_width(labels: &[String]) -> u32 {
    let longest = labels.iter().map(|l| l.chars().count()).max().unwrap_or(4);
    u32::try_from(longest * 8 + 16)
        .unwrap_or(300)
        .clamp(60, 300)
}

/// A chart of labelled rows (the first at the top) over `x`, with its mesh drawn: the frame
/// bars and the with/without comparison share.
type Rows = Cartesian2d<RangedCoordf64, SegmentedCoord<RangedCoordusize>>;

fn rows_chart<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, plotters::coord::Shift>,
    labels: &[String],
    x: std::ops::Range<f64>,
    x_labels: usize,
    x_desc: &str,
) -> Result<ChartContext<'a, DB, Rows>, DrawingAreaErrorKind<DB::ErrorType>> {
    let n = labels.len();
    let mut chart = ChartBuilder::on(area)
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(label_width(labels))
        .build_cartesian_2d(x, (0..n).into_segmented())?;
    house_style(&mut chart.configure_mesh())
        .disable_y_mesh()
        .x_labels(x_labels)
        .y_labels(n)
        .x_label_formatter(&|v| format!("{v:.0}"))
        .y_label_formatter(&|v| match v {
            SegmentValue::CenterOf(s) if *s < n => labels[n - 1 - *s].clone(),
            _ => String::new(),
        })
        .x_desc(x_desc)
        .draw()?;
    Ok(chart)
}

fn bars(
    out: &mut String,
    labels: &[String],
    values: &[f64],
    notes: &[String],
    axis: &str,
) -> Result<(), Failed> {
    let n = labels.len().min(values.len()).min(MOST_ROWS);
    let labels: Vec<String> = labels.iter().take(n).map(|l| short(l, 34)).collect();
    let height = 70 + 30 * u32::try_from(n).unwrap_or(1);
    let max = values.iter().take(n).copied().fold(1.0, f64::max);
    let root = SVGBackend::with_string(out, (WIDTH, height)).into_drawing_area();
    root.fill(&WHITE)?;
    let mut chart = rows_chart(&root, &labels, 0.0..max * 1.3, 6, axis)?;
    // The first row at the top: segment `n - 1 - i` holds row `i`.
    let row = |i: usize| n - 1 - i;
    chart.draw_series((0..n).map(|i| {
        let mut bar = Rectangle::new(
            [
                (0.0, SegmentValue::Exact(row(i))),
                (values[i], SegmentValue::Exact(row(i) + 1)),
            ],
            BAR.filled(),
        );
        bar.set_margin(5, 5, 0, 0);
        bar
    }))?;
    chart.draw_series((0..n).map(|i| {
        let note = notes.get(i).filter(|s| !s.is_empty());
        let text = match note {
            Some(note) => format!("{} · {note}", values[i]),
            None => format!("{}", values[i]),
        };
        Text::new(
            text,
            (values[i] + max * 0.02, SegmentValue::CenterOf(row(i))),
            (FONT, 13)
                .into_font()
                .color(&INK)
                .pos(plotters::style::text_anchor::Pos::new(
                    plotters::style::text_anchor::HPos::Left,
                    plotters::style::text_anchor::VPos::Center,
                )),
        )
    }))?;
    root.present()?;
    Ok(())
}

fn with_without(
    out: &mut String,
    labels: &[String],
    with: &[Option<f64>],
    without: &[Option<f64>],
) -> Result<(), Failed> {
    let n = labels
        .len()
        .min(with.len())
        .min(without.len())
        .min(MOST_ROWS);
    let labels: Vec<String> = labels.iter().take(n).map(|l| short(l, 34)).collect();
    let height = 70 + 30 * u32::try_from(n).unwrap_or(1);
    let root = SVGBackend::with_string(out, (WIDTH, height + LEGEND)).into_drawing_area();
    root.fill(&WHITE)?;
    let (top, bottom) = root.split_vertically(height);
    let mut chart = rows_chart(&top, &labels, 0.8..5.2, 5, "average mood, 1 low – 5 high")?;
    let row = |i: usize| n - 1 - i;
    chart.draw_series((0..n).filter_map(|i| {
        let (a, b) = (with[i]?, without[i]?);
        Some(PathElement::new(
            vec![
                (a, SegmentValue::CenterOf(row(i))),
                (b, SegmentValue::CenterOf(row(i))),
            ],
            INK.stroke_width(1),
        ))
    }))?;
    chart.draw_series((0..n).filter_map(|i| {
        with[i].map(|v| Circle::new((v, SegmentValue::CenterOf(row(i))), 6, MOOD.filled()))
    }))?;
    chart.draw_series((0..n).filter_map(|i| {
        without[i].map(|v| Circle::new((v, SegmentValue::CenterOf(row(i))), 6, WHITE.filled()))
    }))?;
    chart.draw_series((0..n).filter_map(|i| {
        without[i].map(|v| Circle::new((v, SegmentValue::CenterOf(row(i))), 6, INK.stroke_width(2)))
    }))?;
    legend(
        &bottom,
        &[
            (Mark::Dot(MOOD), "days with the trigger"),
            (Mark::Hollow(INK), "days without it"),
        ],
    )?;
    root.present()?;
    Ok(())
}

/// The report's look for a chart's grid and axes: white light lines, grey bold ones, ink
/// axes and labels.
fn house_style<'m, 'a, 'b, X, Y, XT, YT, DB>(
    mesh: &'m mut MeshStyle<'a, 'b, X, Y, DB>,
) -> &'m mut MeshStyle<'a, 'b, X, Y, DB>
where
    X: Ranged<ValueType = XT> + ValueFormatter<XT>,
    Y: Ranged<ValueType = YT> + ValueFormatter<YT>,
    DB: DrawingBackend,
{
    mesh.light_line_style(WHITE)
        .bold_line_style(RGBColor(0xdd, 0xdd, 0xdd))
        .axis_style(INK)
        .label_style((FONT, 14).into_font().color(&INK))
        .axis_desc_style((FONT, 14).into_font().color(&INK))
}
