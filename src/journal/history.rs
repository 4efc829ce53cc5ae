//! What the journal knows about each strategy: how often it was planned and tried, and how
//! helpful it was when tried.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::Entry;

/// One strategy's history in the journal.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StrategyHistory {
    /// Entries that planned it.
    pub planned: u32,
    /// Entries that say it was tried.
    pub tried: u32,
    /// Sum of the helpfulness ratings given.
    pub helpfulness_sum: u32,
    /// How many ratings were given.
    pub rated: u32,
    /// The latest day it was tried.
    pub last_tried: Option<NaiveDate>,
}

impl StrategyHistory {
    /// The average helpfulness, when it was ever rated.
    pub fn average_helpfulness(&self) -> Option<f64> {
        (self.rated > 0).then(|| f64::from(self.helpfulness_sum) / f64::from(self.rated))
    }

    /// Whether it appears in the journal at all.
    pub fn is_empty(&self) -> bool {
        self.planned == 0 && self.tried == 0
    }
}

/// Adds what `e` says of each strategy to `histories` (`sign` 1), or takes it away (`sign`
/// -1). Taking away an entry that was the latest to try a strategy leaves that strategy's
/// `last_tried` as it was: the caller looks for the one before (see
/// [`last_tried_before`]).
pub fn count_entry(histories: &mut BTreeMap<String, StrategyHistory>, e: &Entry, sign: i32) {
    let add = |n: &mut u32, by: u32| {
        *n = if sign >= 0 {
            n.saturating_add(by)
        } else {
            n.saturating_sub(by)
        };
    };
    for s in &e.strategies {
        // Looked up by the id as it is; a String is made only for a strategy met first.
        if !histories.contains_key(s.id.as_str()) {
            histories.insert(s.id.to_string(), StrategyHistory::default());
        }
        let Some(h) = histories.get_mut(s.id.as_str()) else {
            continue;
        };
        if s.planned {
            add(&mut h.planned, 1);
        }
        if s.tried == Some(true) {
            add(&mut h.tried, 1);
            if sign >= 0 {
                h.last_tried = h.last_tried.max(Some(e.date));
            }
            if let Some(rating) = s.helpfulness {
                add(&mut h.helpfulness_sum, u32::from(rating.get()));
                add(&mut h.rated, 1);
            }
        }
    }
}

/// The latest day an entry of `entries` (oldest first) says `strategy` was tried; read from
/// the newest back, so it costs as many entries as lie after that day.
pub fn last_tried_before(entries: &[Entry], strategy: &str) -> Option<NaiveDate> {
    entries.iter().rev().find_map(|e| {
        e.strategies
            .iter()
            .any(|s| s.id.as_str() == strategy && s.tried == Some(true))
            .then_some(e.date)
    })
}

/// The history of every strategy that appears in `entries`, by id.
pub fn strategy_histories<'a>(
    entries: impl IntoIterator<Item = &'a Entry>,
) -> BTreeMap<String, StrategyHistory> {
    let mut out: BTreeMap<String, StrategyHistory> = BTreeMap::new();
    for e in entries {
        count_entry(&mut out, e, 1);
    }
    // A strategy only offered (neither planned nor tried) has no history.
    out.retain(|_, h| !h.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{EntryId, Helpfulness, Name, StrategyUse};
    use chrono::DateTime;

    fn entry(day: &str, uses: &[(&str, bool, Option<bool>, Option<u8>)]) -> Entry {
        let at = DateTime::parse_from_rfc3339(&format!("{day}T20:00:00+00:00")).unwrap();
        let mut e = Entry::new(EntryId::generate(at, 0), at);
        e.strategies = uses
            .iter()
            .map(|(id, planned, tried, help)| StrategyUse {
                id: Name::try_from(*id).unwrap(),
                planned: *planned,
                tried: *tried,
                helpfulness: help.map(|h| Helpfulness::try_from(h).unwrap()),
                extra: Default::default(),
            })
            .collect();
        e
    }

    #[test]
    fn figures_by_hand() {
        let entries = vec![
            entry(
                "2026-11-01",
                &[("walk", true, None, None), ("talk", true, None, None)],
            ),
            entry("2026-11-03", &[("walk", false, Some(true), Some(4))]),
            entry("2026-11-02", &[("walk", false, Some(true), Some(5))]),
            entry(
                "2026-11-04",
                &[
                    ("walk", true, None, None),
                    ("talk", false, Some(false), None),
                ],
            ),
            entry("2026-11-05", &[("talk", false, Some(true), None)]),
        ];
        let h = strategy_histories(&entries);
        let walk = h["walk"];
        assert_eq!((walk.planned, walk.tried, walk.rated), (2, 2, 2));
        assert_eq!(walk.average_helpfulness(), Some(4.5));
        assert_eq!(
            walk.last_tried,
            Some("2026-11-03".parse().unwrap()),
            "latest by day, not by order"
        );
        let talk = h["talk"];
        assert_eq!((talk.planned, talk.tried), (1, 1));
        assert_eq!(talk.average_helpfulness(), None, "tried but never rated");
        assert!(!h.contains_key("never"));
        assert!(StrategyHistory::default().is_empty());
    }
}
