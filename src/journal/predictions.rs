//! The predictions of a journal's entries, found and answered: every one with where it lives,
//! those due on a day, those still open, and closing one with what came of it.

use chrono::NaiveDate;

use super::entry::Entry;
use super::episode::{Prediction, PredictionOutcome};
use super::values::EntryId;

/// Where a prediction lives: the entry that made it and its place in that entry's list.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PredictionRef {
    /// The entry.
    pub entry: EntryId,
    /// Its index in the entry's `predictions`.
    pub index: usize,
}

/// A prediction with where it lives and the day it was made.
#[derive(Debug, Clone, PartialEq)]
pub struct Found<'a> {
    /// Where it lives.
    pub at: PredictionRef,
    /// The day the entry that made it is on.
    pub made_on: NaiveDate,
    /// The prediction.
    pub prediction: &'a Prediction,
}

/// Every prediction in `entries`, oldest look-back day first (then in the order made).
pub fn all(entries: &[Entry]) -> Vec<Found<'_>> {
    let mut out: Vec<Found<'_>> = entries
        .iter()
        .flat_map(|e| {
            e.predictions
                .iter()
                .enumerate()
                .map(move |(index, p)| Found {
                    at: PredictionRef {
                        entry: e.id.clone(),
                        index,
                    },
                    made_on: e.date,
                    prediction: p,
                })
        })
        .collect();
    out.sort_by(|a, b| {
        (a.prediction.look_back, a.made_on).cmp(&(b.prediction.look_back, b.made_on))
    });
    out
}

/// The open predictions whose day has come by `today` (overdue ones too: a person may not
/// check in for days), oldest first. `today` is the local day, as every entry's date is: a
/// prediction looks back on a day of the calendar, not 24 hours later.
pub fn due(entries: &[Entry], today: NaiveDate) -> Vec<Found<'_>> {
    all(entries)
        .into_iter()
        .filter(|f| f.prediction.is_due(today))
        .collect()
}

/// The open predictions, due or not, oldest look-back day first.
pub fn open(entries: &[Entry]) -> Vec<Found<'_>> {
    all(entries)
        .into_iter()
        .filter(|f| f.prediction.is_open())
        .collect()
}

/// Closes the prediction `at` in `entries` with `outcome` at `now`; gives the entry changed
/// (to save; its `updated_at` is `now`, so a merge with another computer's copy keeps the
/// answer), or `None` when there is no such open prediction (answered already, e.g. in
/// another check-in the same day).
pub fn close(
    entries: &[Entry],
    at: &PredictionRef,
    outcome: PredictionOutcome,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> Option<Entry> {
    let entry = entries.iter().find(|e| e.id == at.entry)?;
    let mut changed = entry.clone();
    changed.updated_at = now.max(entry.updated_at);
    let p = changed.predictions.get_mut(at.index)?;
    if !p.is_open() {
        return None;
    }
    p.outcome = Some(outcome);
    Some(changed)
}
