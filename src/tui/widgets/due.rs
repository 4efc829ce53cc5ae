//! What is due, as home says it: one calm line each, only when there is something — fears
//! whose day to look back on has come, strategies planned and not yet followed up, and a
//! break's promised return (see [`super::countdown`]).

use ratatui::text::{Line, Span};

use crate::journal::draft::pending_follow_ups;
use crate::journal::vocabulary::count;
use crate::tui::session::Session;

/// How many planned strategies are named before "and N more".
const NAMED: usize = 2;

/// The strategies planned and not yet followed up: those planned in the check-ins of the last
/// two weeks, newest first, then those marked in the library to try next; each once, by name.
fn planned(session: &Session) -> Vec<String> {
    let catalog = &session.catalog;
    let mut ids: Vec<String> = pending_follow_ups(session.recent_entries(), session.today, None)
        .into_iter()
        .map(|f| f.strategy.to_string())
        .collect();
    for id in &session.prefs.planned_next {
        if !ids.contains(id) {
            ids.push(id.clone());
        }
    }
    ids.iter()
        .map(|id| catalog.strategy(id).map_or(id.clone(), |s| s.title.clone()))
        .collect()
}

/// Home's lines of what is due (a blank line before them), or none.
pub fn lines(session: &Session) -> Vec<Line<'static>> {
    let theme = &session.theme;
    let Some(journal) = &session.journal else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let due = journal.predictions_due(session.today);
    if due > 0 {
        out.push(Line::from(vec![
            Span::styled(
                format!(
                    "{} to look back on ",
                    count(u32::try_from(due).unwrap_or(u32::MAX), "fear", "fears")
                ),
                theme.text,
            ),
            Span::styled("c", theme.key),
        ]));
    }
    let planned = planned(session);
    if !planned.is_empty() {
        let mut named = planned[..planned.len().min(NAMED)].join(", ");
        if planned.len() > NAMED {
            named.push_str(&format!(" and {} more", planned.len() - NAMED));
        }
        out.push(Line::from(vec![
            Span::styled(format!("Planned to try: {named} "), theme.text),
            Span::styled("c", theme.key),
        ]));
    }
    let breaks = super::countdown::lines(session);
    if !out.is_empty() {
        out.insert(0, Line::default());
    }
    out.extend(breaks);
    out
}
