//! Turning toward over the window (see `journal::insights::turning`): the bids of each side
//! and how they were met, the appreciations, the breaks and whether they led back to the
//! talk, then week by week beside the moments traced. Kindly framed, never a score: the
//! content's words say so above the counts, and small numbers are said to be small.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::content::Catalog;
use crate::journal::insights::turning::Turning;
use crate::report::words;
use crate::tui::screen::LastLayout;
use crate::tui::theme::Theme;

use super::super::State;
use super::scrolled;

/// The view's lines for `t`.
pub fn lines(t: &Turning, catalog: &Catalog, theme: &Theme) -> Vec<Line<'static>> {
    let bids = &catalog.turning.bids;
    let mut lines = vec![Line::styled("Turning toward", theme.title)];
    if !t.any() {
        lines.push(Line::styled(
            "Nothing of turning toward is logged in this window yet.",
            theme.text,
        ));
        lines.push(Line::styled(
            "b on home logs a bid for connection, or something you appreciate, in a line. A \
             break with a time to come back is on the card p opens.",
            theme.muted,
        ));
        return lines;
    }
    lines.push(Line::styled(
        bids.not_a_score.trim().to_owned(),
        theme.muted,
    ));
    lines.push(Line::default());
    let summary = words::turning_lines(t);
    let (figures, note) = match summary.split_last() {
        Some((last, rest)) if last.starts_with("Under ") => (rest, Some(last)),
        _ => (summary.as_slice(), None),
    };
    for l in figures {
        lines.push(Line::styled(format!("  {l}"), theme.text));
    }
    if let Some(note) = note {
        lines.push(Line::styled(note.clone(), theme.muted));
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        "Week by week, beside the moments you traced",
        theme.title,
    ));
    let mut rows = words::turning_weeks(t).into_iter();
    if let Some(header) = rows.next() {
        lines.push(Line::styled(format!("  {header}"), theme.muted));
    }
    for row in rows {
        lines.push(Line::styled(format!("  {row}"), theme.text));
    }
    lines
}

/// Draws the view.
pub(super) fn turning(
    state: &State,
    catalog: &Catalog,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    layout: &mut LastLayout,
) {
    scrolled(
        lines(state.turning(), catalog, theme),
        state.scroll,
        frame,
        area,
        layout,
    );
}
