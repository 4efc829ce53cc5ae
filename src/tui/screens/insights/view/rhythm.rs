//! The rhythm: streaks, the month's calendar with a chosen day, the year.

use chrono::{Datelike, NaiveDate, Weekday};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::journal::insights;
use crate::tui::theme::Theme;
use crate::tui::widgets::caret::Spot;
use crate::tui::widgets::wrap;

use super::super::State;
use super::level;

/// The rhythm; returns where the chosen day's number is.
pub(super) fn rhythm(
    state: &State,
    today: NaiveDate,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) -> Option<Position> {
    let mut lines = vec![streak_line(&state.insights, theme), Line::default()];
    let order = weekday_order(state.week_starts);
    let (month, chosen) = month_lines(state, today, theme, &order);
    let chosen = chosen.map(|c| c.below(lines.len()));
    lines.extend(month);
    let calendar_height = u16::try_from(lines.len()).unwrap_or(12);
    // The year as a heat-map, when the terminal is wide enough for 53 weeks.
    if area.width >= 110 && area.height > calendar_height + 10 {
        lines.push(Line::default());
        lines.extend(year_lines(state, today, theme, &order));
    }
    let (lines, chosen) = wrap::lines_with(lines, usize::from(area.width), chosen);
    frame.render_widget(Paragraph::new(lines), area);
    chosen.and_then(|c| c.on(area, 0))
}

/// The mood of day `d` when it has a check-in (`Some(None)`: checked in without a mood).
fn mood_of(state: &State, d: NaiveDate) -> Option<Option<f64>> {
    let all = &state.all_days;
    all.binary_search_by_key(&d, |x| x.date)
        .ok()
        .map(|k| all[k].scales[crate::journal::Scale::Mood])
}

/// The current and the longest streak.
fn streak_line(i: &insights::Insights, theme: &Theme) -> Line<'static> {
    let days = |n: u32| {
        if n == 1 {
            "day".to_owned()
        } else {
            "days".to_owned()
        }
    };
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
    ])
}

/// The days of a week in order, from the one a week starts on.
fn weekday_order(week_starts: Weekday) -> Vec<Weekday> {
    (0..7)
        .map(|k| {
            let mut w = week_starts;
            for _ in 0..k {
                w = w.succ();
            }
            w
        })
        .collect()
}

/// The month's calendar: its title, the days of the week, a row a week with each day's
/// mood, and what the marks mean; with where the chosen day's number is.
fn month_lines(
    state: &State,
    today: NaiveDate,
    theme: &Theme,
    order: &[Weekday],
) -> (Vec<Line<'static>>, Option<Spot>) {
    let mut chosen = None;
    let mut lines = vec![Line::styled(
        format!(
            "{}   [ month before · ] month after",
            state.month.format("%B %Y")
        ),
        theme.title,
    )];
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
                    if d == state.day {
                        // Past the space before the number.
                        let column = spans.iter().map(Span::width).sum::<usize>() + 1;
                        chosen = Some(Spot {
                            line: lines.len(),
                            column,
                        });
                    }
                    spans.extend(day_cell(state, today, theme, d));
                }
            }
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::styled(
        "A mark after a day: checked in; its height and colour follow the mood (▁ low … █ good). Today is underlined. Arrows choose a day, Enter opens it.",
        theme.muted,
    ));
    (lines, chosen)
}

/// Day `d` in the month's calendar: its number, and a mark when it has a check-in.
fn day_cell(state: &State, today: NaiveDate, theme: &Theme, d: NaiveDate) -> [Span<'static>; 3] {
    let (style, mark) = match mood_of(state, d) {
        Some(mood) => level(theme, mood),
        None => (theme.muted, " "),
    };
    // Today's number is underlined and bold, in colour or without; the chosen day's is
    // shown as selected.
    let mut number = if d == today {
        style.add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
    } else {
        style
    };
    if d == state.day {
        number = number.patch(theme.selected);
    }
    [
        Span::styled(" ", style),
        Span::styled(format!("{:>2}", d.day()), number),
        Span::styled(format!("{mark} "), style),
    ]
}

/// The last year as a heat-map: a row a day of the week, a column a week.
fn year_lines(
    state: &State,
    today: NaiveDate,
    theme: &Theme,
    order: &[Weekday],
) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled("The last year", theme.title)];
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
            let (style, mark) = match mood_of(state, d) {
                Some(m) => level(theme, m),
                None => (theme.muted, "·"),
            };
            spans.push(Span::styled(mark, style));
        }
        lines.push(Line::from(spans));
    }
    lines
}
