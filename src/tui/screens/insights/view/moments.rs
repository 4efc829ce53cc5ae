//! Moments traced and predictions checked: how often feared outcomes came true, predicted
//! against actual badness, the most common urge of each trigger, and how moments ended with
//! and without a repair. Each figure says how many it rests on.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::content::Catalog;
use crate::journal::insights::MIN_DAYS;
use crate::journal::insights::moments::{Episodes, Predictions};
use crate::journal::insights::moments::{endings_line, percent};
use crate::journal::vocabulary::count;
use crate::report::words;
use crate::tui::screen::LastLayout;
use crate::tui::theme::Theme;

use super::super::State;
use super::{fmt, scrolled};

/// Lines of the moments view (also what the report says, in its own words).
pub(super) fn moments(
    state: &State,
    catalog: &Catalog,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    layout: &mut LastLayout,
) {
    let i = &state.insights;
    let mut lines = prediction_lines(&i.predictions, catalog, theme);
    lines.push(Line::default());
    lines.extend(moment_lines(&i.episodes, catalog, theme));
    for (heading, said) in words::aftermath_lines(&i.debriefs, &i.thoughts, catalog) {
        lines.push(Line::default());
        lines.push(Line::styled(heading, theme.title));
        lines.extend(
            said.into_iter()
                .map(|l| Line::styled(format!("  {l}"), theme.text)),
        );
    }
    scrolled(lines, state.scroll, frame, area, layout);
}

/// The predictions made in the window and what came of them.
fn prediction_lines(p: &Predictions, catalog: &Catalog, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(
        "Fears checked against what happened",
        theme.title,
    )];
    if p.made == 0 {
        lines.push(Line::styled(
            "  No predictions in this window. The check-in's step 8 writes a fear down to look back on.",
            theme.muted,
        ));
    } else {
        let answered = p.answered();
        lines.push(Line::styled(
            format!(
                "  {} made · {} looked back on · {} open · {} dropped",
                p.made, answered, p.open, p.dropped
            ),
            theme.text,
        ));
        if answered < MIN_DAYS {
            lines.push(Line::styled(
                format!(
                    "  Not enough looked back on yet to say how often fears came true ({answered} of the {MIN_DAYS} needed)."
                ),
                theme.muted,
            ));
        } else {
            lines.push(Line::styled(
                format!(
                    "  It happened {} · partly {} · it did not {}  ({} of {answered} came true at least in part)",
                    p.yes,
                    p.partly,
                    p.no,
                    percent(p.yes + p.partly, answered)
                ),
                theme.key,
            ));
        }
        if p.rated >= MIN_DAYS {
            lines.push(Line::styled(
                format!(
                    "  How bad: feared {} on average, really {} (1–5, over {})",
                    fmt(p.predicted_badness),
                    fmt(p.actual_badness),
                    count(p.rated, "answer", "answers")
                ),
                theme.text,
            ));
        }
        for t in &p.by_trigger {
            lines.push(Line::styled(
                format!("  {}", words::trigger_predictions_line(t, catalog)),
                theme.text,
            ));
        }
    }
    lines
}

/// The moments traced in the window: how they ended, with and without a repair, and the
/// usual urge of each trigger.
fn moment_lines(e: &Episodes, catalog: &Catalog, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled("Moments traced", theme.title)];
    if e.count == 0 {
        lines.push(Line::styled(
            "  No moments traced in this window. The check-in's step 5 traces one, from what happened to how it ended.",
            theme.muted,
        ));
    } else {
        lines.push(Line::styled(format!("  {}", e.repaired_line()), theme.text));
        for (label, ends) in [
            ("With a repair   ", e.ended_with_repair),
            ("Without a repair", e.ended_without_repair),
        ] {
            lines.push(Line::styled(
                format!("  {}", endings_line(label, ends)),
                theme.text,
            ));
        }
        if e.urges.is_empty() {
            lines.push(Line::styled(
                format!("  The usual urge for a trigger shows once it has {MIN_DAYS} moments."),
                theme.muted,
            ));
        }
        for u in &e.urges {
            lines.push(Line::styled(
                format!("  {}", words::urge_line(u, catalog)),
                theme.text,
            ));
        }
    }
    lines
}
