//! Turning toward in a report: the bids of each side and how they were met, the
//! appreciations and the breaks, week by week beside the moments traced — figures only (the
//! person's own lines go in only with `--include turning`), framed as insights frames them:
//! counts for noticing, never a score, small numbers said to be small.

use super::{Section, Table, words};
use crate::content::Catalog;
use crate::journal::insights::turning::Turning;

/// How many weeks the table shows at most (the newest).
const WEEKS: usize = 26;

/// The section, or `None` when nothing of turning toward was logged in the window.
pub fn section(t: &Turning, catalog: &Catalog) -> Option<Section> {
    if !t.any() {
        return None;
    }
    let header = [
        "Week of",
        "From them (toward/all)",
        "From you (toward/all)",
        "Appreciations",
        "Breaks",
        "Moments",
    ]
    .map(str::to_owned)
    .to_vec();
    let bids = |x: &crate::journal::insights::turning::Turns| {
        if x.total() == 0 {
            "–".to_owned()
        } else {
            format!("{}/{}", x.toward, x.total())
        }
    };
    let rows = t
        .weeks
        .iter()
        .rev()
        .filter(|w| !w.is_empty())
        .take(WEEKS)
        .map(|w| {
            vec![
                w.starts.format("%-d %B %Y").to_string(),
                bids(&w.theirs),
                bids(&w.mine),
                w.thanks.to_string(),
                w.breaks.to_string(),
                w.moments.to_string(),
            ]
        })
        .collect();
    Some(Section {
        title: "Turning toward".to_owned(),
        intro: format!(
            "Bids for connection noticed and made, appreciations, and breaks taken with a \
             time to come back, beside the moments traced (the newest {WEEKS} weeks with any). \
             {}",
            catalog.turning.bids.not_a_score.trim()
        ),
        chart: None,
        table: Table { header, rows },
        after: words::turning_lines(t),
    })
}
