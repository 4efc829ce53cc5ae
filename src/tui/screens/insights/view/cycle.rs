//! Your cycle: the loop drawn from the moments of the window (see
//! `journal::insights::cycle`), a step a line with how many times each part was seen, then
//! the loop as the person's side sees it. Too few moments: what would fill it. A safety
//! trigger in the window: no map, the safety words instead.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::content::Catalog;
use crate::journal::CycleWords;
use crate::journal::Perspective;
use crate::journal::insights::cycle::{Cycle, CycleView, MIN_MOMENTS};
use crate::journal::vocabulary::count;
use crate::report::words;
use crate::tui::screen::LastLayout;
use crate::tui::theme::Theme;

use super::super::State;
use super::scrolled;

/// The map's lines: each step under its name, with how many times each part was seen, then
/// the loop as the person's side sees it.
pub fn map_lines(
    c: &Cycle,
    catalog: &Catalog,
    perspective: Option<Perspective>,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut lines = vec![
        Line::styled(
            format!("Your cycle · {}", count(c.moments, "moment", "moments")),
            theme.title,
        ),
        Line::styled(catalog.episodes.cycle.intro.trim().to_owned(), theme.muted),
        Line::default(),
    ];
    // Each step's name over its parts (counts in brackets), which wrap under it.
    for (step, what) in words::cycle_steps(c, catalog, true) {
        lines.push(Line::styled(format!("  {step}"), theme.key));
        lines.push(Line::styled(format!("    {what}"), theme.text));
    }
    lines.push(Line::default());
    for l in words::cycle_loops(catalog, perspective) {
        lines.push(Line::styled(l.to_owned(), theme.text));
    }
    lines
}

/// The person's own words for their cycle, under the map (or the hint to write them).
fn own_lines(own: Option<&CycleWords>, catalog: &Catalog, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::default()];
    match own {
        None => lines.push(Line::styled(
            "e puts your cycle in your own words, a line for each step.",
            theme.muted,
        )),
        Some(w) => {
            lines.push(Line::styled(
                "In your words (e to change them)",
                theme.title,
            ));
            for (what, value) in words::Chain::Cycle(w).lines(catalog) {
                lines.push(Line::styled(format!("  {what}: {value}"), theme.text));
            }
        }
    }
    lines
}

/// The lines of the cycle view for what the window holds, and the person's own words for it
/// (none over a safety trigger).
pub fn lines(
    view: &CycleView,
    own: Option<&CycleWords>,
    catalog: &Catalog,
    perspective: Option<Perspective>,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let words = &catalog.episodes.cycle;
    let mut lines = match view {
        CycleView::Safety => vec![
            Line::styled("Your cycle", theme.title),
            Line::styled(words.safety.trim().to_owned(), theme.text),
        ],
        CycleView::NotEnough { moments } => vec![
            Line::styled("Your cycle", theme.title),
            Line::styled(words.not_enough.trim().to_owned(), theme.muted),
            Line::styled(
                format!(
                    "{} traced in this window; a cycle is drawn from {MIN_MOMENTS}.",
                    count(*moments, "moment", "moments")
                ),
                theme.text,
            ),
        ],
        CycleView::Drawn(c) => map_lines(c, catalog, perspective, theme),
    };
    if *view != CycleView::Safety {
        lines.extend(own_lines(own, catalog, theme));
    }
    lines
}

/// Draws the cycle view.
pub(super) fn cycle(
    state: &State,
    catalog: &Catalog,
    perspective: Option<Perspective>,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    layout: &mut LastLayout,
) {
    let view = state.cycle(catalog);
    let own = state.own_words();
    scrolled(
        lines(view, own, catalog, perspective, theme),
        state.scroll,
        frame,
        area,
        layout,
    );
}
