//! When (see `journal::insights::when`): mood and closeness by weekday and by time of day,
//! then the person's tags against them — the tables and lines `closer stats` and the report
//! give (`report::when`). Small numbers are said to be small: "–" and a line saying which
//! have too few days, never an average of two days.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::journal::Scale;
use crate::journal::insights::MIN_DAYS;
use crate::journal::insights::when::When;
use crate::report::{Table, capitalised, when as words};
use crate::tui::screen::LastLayout;
use crate::tui::theme::Theme;

use super::super::State;
use super::scrolled;

/// A table's lines: its header muted, each row in the text's style (muted when it has no
/// average to give), then the line saying which have too few days.
fn table(lines: &mut Vec<Line<'static>>, t: &Table, too_few: Option<String>, theme: &Theme) {
    let empty: Vec<bool> = t
        .rows
        .iter()
        .map(|r| r[1..r.len() - 1].iter().all(|c| c == "–"))
        .collect();
    for (i, line) in words::aligned(t).into_iter().enumerate() {
        let style = match i.checked_sub(1) {
            None => theme.muted,
            Some(row) if empty[row] => theme.muted,
            Some(_) => theme.text,
        };
        lines.push(Line::styled(format!("  {line}"), style));
    }
    if let Some(line) = too_few {
        lines.push(Line::styled(line, theme.muted));
    }
}

/// The view's lines for `w`.
pub fn lines(w: &When, theme: &Theme) -> Vec<Line<'static>> {
    let named = Scale::named();
    let mut lines = vec![Line::styled(
        format!("{} by weekday", capitalised(&named)),
        theme.title,
    )];
    table(
        &mut lines,
        &words::weekdays(w),
        words::weekdays_too_few(w),
        theme,
    );
    lines.push(Line::default());
    lines.push(Line::styled(
        format!(
            "{} by time of day, when you wrote the check-in",
            capitalised(&named)
        ),
        theme.title,
    ));
    table(
        &mut lines,
        &words::dayparts(w),
        words::dayparts_too_few(w),
        theme,
    );
    lines.push(Line::default());
    lines.push(Line::styled(
        format!("Your tags against {named}"),
        theme.title,
    ));
    if w.tags.is_empty() {
        lines.push(Line::styled(
            "No tags in this window. A check-in's notes step takes tags, such as work or \
             weekend.",
            theme.muted,
        ));
    }
    for (title, said) in words::tag_findings(w) {
        lines.push(Line::styled(format!("  {title}"), theme.text));
        for l in said {
            lines.push(Line::styled(format!("    {l}"), theme.text));
        }
    }
    for l in words::tags_too_few(w) {
        lines.push(Line::styled(format!("  {l}"), theme.muted));
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        format!(
            "An average is given from {MIN_DAYS} days on, and a tag is compared from \
             {MIN_DAYS} days with it and {MIN_DAYS} without. {}",
            words::NOT_A_CAUSE
        ),
        theme.muted,
    ));
    lines
}

/// Draws the view.
pub(super) fn when(
    state: &State,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    layout: &mut LastLayout,
) {
    scrolled(
        lines(state.when(), theme),
        state.scroll,
        frame,
        area,
        layout,
    );
}
