use proptest::prelude::*;

use super::*;
use crate::journal::query::signature;
use crate::journal::{Helpfulness, Name, StrategyUse};

/// The day the changes are made on.
fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// An entry on one of the last six days (some around today, so the streak moves), at an
/// hour, trying or planning some of three strategies.
fn arb_entry() -> impl Strategy<Value = Entry> {
    (
        0u64..6,
        0u32..24,
        0u32..4,
        proptest::collection::vec((0usize..3, any::<bool>(), 0u8..7), 0..3),
    )
        .prop_map(|(back, hour, n, uses)| {
            let date = day() - chrono::Days::new(back);
            let at = chrono::DateTime::parse_from_rfc3339(&format!("{date}T{hour:02}:00:00+01:00"))
                .unwrap();
            let mut e = Entry::new(EntryId::generate(at, n), at);
            e.strategies = uses
                .into_iter()
                .map(|(s, planned, tried)| StrategyUse {
                    id: Name::try_from(["take-it-slow", "self-compassion", "meet-halfway"][s])
                        .unwrap(),
                    planned,
                    tried: (tried > 0).then_some(tried > 1),
                    helpfulness: Helpfulness::try_from(tried.saturating_sub(1)).ok(),
                    extra: Default::default(),
                })
                .collect();
            // Some with a fear to look back on, some days on.
            for k in 0..n % 3 {
                let mut p = crate::journal::test_support::prediction(
                    "they will leave",
                    date + chrono::Days::new(u64::from(n + k)),
                );
                p.step = None;
                e.predictions.push(p);
            }
            e
        })
}

#[derive(Debug, Clone)]
enum Change {
    Upsert(Box<Entry>),
    /// Remove the entry at this index (modulo the count), if any.
    Remove(usize),
    /// Edit the entry at this index: take its strategies away, and look back on its
    /// predictions.
    Edit(usize),
}

fn arb_change() -> impl Strategy<Value = Change> {
    prop_oneof![
        arb_entry().prop_map(|e| Change::Upsert(Box::new(e))),
        any::<usize>().prop_map(Change::Remove),
        any::<usize>().prop_map(Change::Edit),
    ]
}

proptest! {
    /// Saves, edits and deletes change the figures as working them out from scratch would.
    #[test]
    fn kept_figures_equal_figures_worked_out_again(
        start in proptest::collection::vec(arb_entry(), 0..12),
        changes in proptest::collection::vec(arb_change(), 1..12),
    ) {
        let today = day();
        let mut start = start;
        start.sort_by(Entry::order);
        start.dedup_by(|a, b| a.id == b.id);
        // Half the time the day counts are built on the first change instead of up front.
        let mut kept = Journal::of(Arc::new(start), today);
        // Half the time the index comes before the changes, as when a save comes after
        // it was built; otherwise it is not kept in step (and not used).
        let index_first = !kept.entries.len().is_multiple_of(3);
        if index_first {
            kept.index = Arc::new(signature::index(&kept.entries));
        }
        if kept.entries.len().is_multiple_of(2) {
            kept.days = None;
        }
        for change in changes {
            match change {
                Change::Upsert(e) => kept.upsert(*e, today),
                Change::Remove(i) => {
                    if let Some(e) = kept.entries.get(i % kept.entries.len().max(1)).cloned() {
                        kept.remove(&e.id, e.date, today);
                    }
                }
                Change::Edit(i) => {
                    if let Some(mut e) = kept.entries.get(i % kept.entries.len().max(1)).cloned() {
                        e.strategies.clear();
                        for p in &mut e.predictions {
                            p.outcome = Some(crate::journal::test_support::outcome(
                                today,
                                crate::journal::PredictionResult::No,
                                "",
                            ));
                        }
                        kept.upsert(e, today);
                    }
                }
            }
            prop_assert!(kept.entries.is_sorted_by(|a, b| Entry::order(a, b).is_le()));
            let mut ids: Vec<&EntryId> = kept.entries.iter().map(|e| &e.id).collect();
            ids.sort();
            ids.dedup();
            prop_assert_eq!(ids.len(), kept.entries.len(), "an id twice");
            let again = Journal::of(Arc::clone(&kept.entries), today);
            prop_assert_eq!(kept.checked_in_today, again.checked_in_today);
            prop_assert_eq!(kept.streak, again.streak);
            prop_assert_eq!(&kept.histories, &again.histories);
            prop_assert_eq!(&kept.open_look_backs, &again.open_look_backs);
            prop_assert_eq!(
                kept.predictions_due(today),
                crate::journal::predictions::due(&kept.entries, today).len()
            );
            // An index in step is the index of the entries; one that is not is not used.
            prop_assert!(kept.indexed() || !index_first, "the index fell out of step");
            if kept.indexed() {
                prop_assert_eq!(&*kept.index, &signature::index(&kept.entries));
            }
            if kept.days.is_some() {
                prop_assert_eq!(&kept.days, &again.days);
            }
        }
    }

    /// Day counts built from entries in order (as runs) are those counted one entry at a time.
    #[test]
    fn day_counts_of_ordered_entries_equal_those_counted_one_by_one(
        entries in proptest::collection::vec(arb_entry(), 0..20),
    ) {
        let mut entries = entries;
        entries.sort_by(Entry::order);
        prop_assert_eq!(DayCounts::of_ordered(&entries), DayCounts::of(&entries));
    }
}

#[test]
fn days_known_by_name_give_the_streak_and_today() {
    let today = day();
    let back = |n| today - chrono::Days::new(n);
    let days = DayCounts::of_days([back(4), back(2), back(1)]);
    assert!(!days.checked_in(today));
    assert!(days.checked_in(back(1)));
    assert_eq!(days.streak(today), 2);
    assert_eq!(DayCounts::default().streak(today), 0);
}
