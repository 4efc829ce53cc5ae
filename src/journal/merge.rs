//! Merging two copies of a journal's entries: a backup into the journal, another computer's
//! day into this one's, a file-sync tool's conflict copy into its day.
//!
//! The rules (DESIGN §4): entries are matched by id; an entry only one side has is kept; an
//! entry both have keeps the version saved later (`updated_at`; on a tie, ours); nothing is
//! ever deleted by a merge, but an entry this side deleted (its id is in the trash) does not
//! come back from the other side. Every change is listed, so a person can see what a merge did.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;

use super::{Entry, EntryId};

/// What a merge did to one entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Added: only the other side had it.
    Added,
    /// Replaced by the other side's later version.
    Updated,
    /// Left out: this side deleted it (it is in the trash here).
    StaysDeleted,
}

impl Change {
    /// In words, for the list a merge prints.
    pub fn label(&self) -> &'static str {
        match self {
            Change::Added => "added",
            Change::Updated => "updated to the newer version",
            Change::StaysDeleted => "left out: deleted here (it is in the trash)",
        }
    }
}

/// One change, with the entry's day and id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    /// The entry's day.
    pub date: NaiveDate,
    /// The entry.
    pub id: EntryId,
    /// What happened to it.
    pub change: Change,
}

/// Merges `theirs` into `ours` (both any order): gives the merged entries, oldest first (by
/// day, time, id), and what changed in `ours`, in the same order. `deleted` holds the ids this
/// side deleted.
pub fn merge(
    ours: &[Entry],
    theirs: &[Entry],
    deleted: &HashSet<EntryId>,
) -> (Vec<Entry>, Vec<Changed>) {
    let mut by_id: BTreeMap<&EntryId, Entry> = ours.iter().map(|e| (&e.id, e.clone())).collect();
    let mut changes = Vec::new();
    for t in theirs {
        match by_id.get_mut(&t.id) {
            Some(mine) => {
                if t.updated_at > mine.updated_at && t != mine {
                    *mine = t.clone();
                    changes.push(Changed {
                        date: t.date,
                        id: t.id.clone(),
                        change: Change::Updated,
                    });
                }
            }
            None if deleted.contains(&t.id) => changes.push(Changed {
                date: t.date,
                id: t.id.clone(),
                change: Change::StaysDeleted,
            }),
            None => {
                by_id.insert(&t.id, t.clone());
                changes.push(Changed {
                    date: t.date,
                    id: t.id.clone(),
                    change: Change::Added,
                });
            }
        }
    }
    let mut merged: Vec<Entry> = by_id.into_values().collect();
    merged.sort_by(|a, b| (a.date, a.created_at, &a.id).cmp(&(b.date, b.created_at, &b.id)));
    changes.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    (merged, changes)
}

/// A three-way merge of one day's entries, as git's merge driver does it: `base` is the day as
/// both sides last had it, `ours` and `theirs` as each side has it now. By id:
/// - on both sides: the version saved later (`updated_at`; a tie keeps ours);
/// - on one side only, and in the base: deleted on the other side. If this side did not change
///   it, it stays deleted (the deletion travels); if it did, the changed version is kept
///   (nothing written is lost; the other side's trash still has the old one);
/// - on one side only, not in the base: added there, kept.
///
/// Gives the merged entries, oldest first.
pub fn merge3(base: &[Entry], ours: &[Entry], theirs: &[Entry]) -> Vec<Entry> {
    let find = |list: &'_ [Entry], id: &EntryId| list.iter().find(|e| &e.id == id).cloned();
    let mut ids: Vec<&EntryId> = base
        .iter()
        .chain(ours)
        .chain(theirs)
        .map(|e| &e.id)
        .collect();
    ids.sort();
    ids.dedup();
    let mut out = Vec::new();
    for id in ids {
        let (b, o, t) = (find(base, id), find(ours, id), find(theirs, id));
        let keep = match (o, t) {
            (Some(o), Some(t)) => Some(if t.updated_at > o.updated_at { t } else { o }),
            (Some(one), None) | (None, Some(one)) => match &b {
                // Deleted on the other side: gone, unless changed on this one since.
                Some(b) if *b == one => None,
                _ => Some(one),
            },
            (None, None) => None,
        };
        out.extend(keep);
    }
    out.sort_by(|a, b| (a.date, a.created_at, &a.id).cmp(&(b.date, b.created_at, &b.id)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, FixedOffset};
    use proptest::prelude::*;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn entry(n: u32, day: u32, saved_minute: u32, notes: &str) -> Entry {
        let t = at(&format!("2026-11-{day:02}T12:00:00+00:00"));
        let mut e = Entry::new(EntryId::generate(t, n), t);
        e.updated_at = t + chrono::Duration::minutes(i64::from(saved_minute));
        e.notes = notes.to_owned();
        e
    }

    #[test]
    fn union_by_id_newer_wins_ties_keep_ours_and_deleted_stays_deleted() {
        let ours = vec![
            entry(1, 1, 5, "ours, newer"),
            entry(2, 1, 0, "ours, older"),
            entry(3, 2, 0, "same"),
        ];
        let theirs = vec![
            entry(1, 1, 2, "theirs, older"),
            entry(2, 1, 9, "theirs, newer"),
            entry(3, 2, 0, "tie: theirs"),
            entry(4, 3, 0, "only theirs"),
            entry(5, 3, 0, "deleted here"),
        ];
        let deleted: HashSet<EntryId> = [theirs[4].id.clone()].into_iter().collect();
        let (merged, changes) = merge(&ours, &theirs, &deleted);
        let notes: Vec<&str> = merged.iter().map(|e| e.notes.as_str()).collect();
        assert_eq!(
            notes,
            ["ours, newer", "theirs, newer", "same", "only theirs"]
        );
        let kinds: Vec<&Change> = changes.iter().map(|c| &c.change).collect();
        assert_eq!(
            kinds,
            [&Change::Updated, &Change::Added, &Change::StaysDeleted]
        );
        assert_eq!(
            merge(&merged, &theirs, &deleted)
                .1
                .iter()
                .filter(|c| c.change != Change::StaysDeleted)
                .count(),
            0,
            "merging again changes nothing"
        );
    }

    #[test]
    fn three_way_a_deletion_travels_an_edit_outlives_a_deletion_and_additions_meet() {
        let a = entry(1, 1, 0, "a");
        let b = entry(2, 1, 0, "b");
        let c = entry(3, 1, 0, "c");
        let base = vec![a.clone(), b.clone(), c.clone()];
        // Ours: deleted a, edited b. Theirs: edited a, deleted c, added d.
        let mut b2 = b.clone();
        b2.notes = "b edited here".into();
        b2.updated_at += chrono::Duration::minutes(5);
        let mut a2 = a.clone();
        a2.notes = "a edited there".into();
        a2.updated_at += chrono::Duration::minutes(3);
        let d = entry(4, 1, 0, "d");
        let ours = vec![b2.clone(), c.clone()];
        let theirs = vec![a2.clone(), b.clone(), d.clone()];
        let merged = merge3(&base, &ours, &theirs);
        let notes: Vec<&str> = merged.iter().map(|e| e.notes.as_str()).collect();
        assert_eq!(notes, ["a edited there", "b edited here", "d"]);
        // Symmetric: the same whichever side is ours.
        assert_eq!(merge3(&base, &theirs, &ours), merged);
    }

    proptest! {
        /// Against the rules read plainly: nothing of ours is lost, every id of either side is
        /// there (but those deleted here), each with the later version, and merging is
        /// idempotent and does not depend on the order of either side.
        #[test]
        fn a_merge_loses_nothing_and_is_idempotent(
            ours in proptest::collection::vec((0u32..12, 1u32..5, 0u32..4), 0..12),
            theirs in proptest::collection::vec((0u32..12, 1u32..5, 0u32..4), 0..12),
            gone in proptest::collection::vec(0u32..12, 0..3),
        ) {
            let make = |rows: &[(u32, u32, u32)], side: &str| {
                let mut seen = HashSet::new();
                rows.iter()
                    .filter(|(n, ..)| seen.insert(*n))
                    .map(|&(n, _, minute)| entry(n, 1 + n % 3, minute, &format!("{side} {n} {minute}")))
                    .collect::<Vec<_>>()
            };
            let (a, b) = (make(&ours, "ours"), make(&theirs, "theirs"));
            let deleted: HashSet<EntryId> = gone
                .iter()
                .filter_map(|g| b.iter().find(|e| e.notes.starts_with(&format!("theirs {g} "))))
                .map(|e| e.id.clone())
                .filter(|id| !a.iter().any(|e| &e.id == id))
                .collect();
            let (merged, _) = merge(&a, &b, &deleted);
            for e in &a {
                let m = merged.iter().find(|m| m.id == e.id);
                prop_assert!(m.is_some(), "ours lost");
                prop_assert!(m.unwrap().updated_at >= e.updated_at);
            }
            for e in &b {
                let m = merged.iter().find(|m| m.id == e.id);
                if deleted.contains(&e.id) {
                    prop_assert!(m.is_none(), "a deleted entry came back");
                } else {
                    prop_assert!(m.is_some(), "theirs lost");
                    prop_assert!(m.unwrap().updated_at >= e.updated_at);
                }
            }
            let (again, changes) = merge(&merged, &b, &deleted);
            prop_assert_eq!(&again, &merged);
            prop_assert!(changes.iter().all(|c| c.change == Change::StaysDeleted));
            let mut rb = b.clone();
            rb.reverse();
            prop_assert_eq!(merge(&a, &rb, &deleted).0, merged);
        }
    }
}
