//! The rhythm: streaks, the month's calendar with a chosen day, the year.

use chrono::{Datelike, NaiveDate, Weekday};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::journal::insights;
use crate::tui::theme::Theme;
use crate::tui::widgets::wrap;

use super::super::State;
use super::level;

pub(super) fn rhythm(
    state: &State,
    today: NaiveDate,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let i = &state.insights;
    let all = &state.all_days;
    let mood_of = |d: NaiveDate| -> Option<Option<f64>> {
        all.binary_search_by_key(&d, |x| x.date)
            .ok()
            .map(|k| all[k].scales[crate::journal::Scale::Mood])
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
