//! The cycle in a report (opt-in, like the person's words): the same map as insights' cycle
//! view, as a section with a table, and the same rules: too few moments, or a safety trigger
//! in the window, and the section says so instead of drawing one.

use super::{Section, Table, words};
use crate::content::Catalog;
use crate::journal::insights::cycle::{CycleView, MIN_MOMENTS};
use crate::journal::vocabulary::count;
use crate::journal::{Entry, Perspective};

/// The side `entries` were written from, when they all say the same one.
pub fn perspective_of<'a>(entries: impl Iterator<Item = &'a Entry>) -> Option<Perspective> {
    let mut sides = entries.filter_map(|e| e.perspective);
    let first = sides.next()?;
    sides.all(|p| p == first).then_some(first)
}

/// The section for `view`, the loop worded for `perspective`; repairs in the person's own
/// words quoted only when `own_words` (their moments are in the report too).
pub fn section(
    view: &CycleView,
    catalog: &Catalog,
    perspective: Option<Perspective>,
    own_words: bool,
) -> Section {
    let words_of = &catalog.episodes.cycle;
    let header = vec!["Step".to_owned(), "Seen (times)".to_owned()];
    let (intro, rows, after) = match view {
        CycleView::Safety => (words_of.safety.trim().to_owned(), Vec::new(), Vec::new()),
        CycleView::NotEnough { moments } => (
            format!(
                "{} {} traced in these days; a cycle is drawn from {MIN_MOMENTS}.",
                words_of.not_enough.trim(),
                count(*moments, "moment", "moments"),
            ),
            Vec::new(),
            Vec::new(),
        ),
        CycleView::Drawn(c) => (
            format!(
                "{} Drawn from {}.",
                words_of.intro.trim(),
                count(c.moments, "moment", "moments")
            ),
            words::cycle_steps(c, catalog, own_words)
                .into_iter()
                .map(|(step, what)| vec![step.to_owned(), words::shown(&what)])
                .collect(),
            words::cycle_loops(catalog, perspective)
                .into_iter()
                .map(str::to_owned)
                .collect(),
        ),
    };
    Section {
        title: "Their cycle".to_owned(),
        intro,
        chart: None,
        table: Table { header, rows },
        after,
    }
}
