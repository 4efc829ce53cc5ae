//! Merging two copies of a journal's entries: another computer's day into this one's (`closer
//! sync`'s merge driver, with the day as both last had it), a file-sync tool's conflict copy
//! into its day, a backup into the journal (both without one).
//!
//! The rules (DESIGN §4, issue 31): entries are matched by id; an entry only one side has is
//! kept; an entry deleted on one side and left alone on the other stays deleted, one deleted
//! on one side and changed on the other keeps the change; an entry this side deleted (its id
//! is in the trash) does not come back from a copy. An entry both sides have is merged **field
//! by field** against the version both last had: a field changed on one side only takes that
//! side; a text changed on both sides to different texts keeps both, one after the other under
//! a line that says so ([`OTHER_VERSION`]), and the entry lists it in `two_versions` until the
//! person saves it again. Clocks decide nothing: a computer whose clock is behind, or two
//! edits in the same second, lose no word. Without the version both last had (a conflict copy,
//! a backup), a text that differs is kept twice unless one holds the other whole. Lists merge
//! as sets (what one side added is kept, what one side removed and the other left alone is
//! removed); a scale changed on both sides keeps this computer's and says what the other had.
//! Every change is listed, so a person can see what a merge did.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;

use super::episode::{Episode, Prediction};
use super::{Entry, EntryId, Response, StrategyUse, TriggerLog};

/// The line between the two versions of a text that changed on two computers.
pub const OTHER_VERSION: &str = "── the other computer's version (both kept: choose, then save) ──";

/// What a merge did to one entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Change {
    /// Added: only the other side had it.
    Added,
    /// The other side's changes taken, field by field, with nothing in conflict.
    Updated,
    /// Changed on both sides: both versions of a text kept (see `two_versions`).
    KeptBoth,
    /// Left out: this side deleted it (it is in the trash here).
    StaysDeleted,
}

impl Change {
    /// In words, for the list a merge prints.
    pub fn label(&self) -> &'static str {
        match self {
            Change::Added => "added",
            Change::Updated => "changed on the other side: taken",
            Change::KeptBoth => {
                "changed on both sides: both versions kept (open it in review to choose)"
            }
            Change::StaysDeleted => "left out: deleted here (it is in the trash)",
        }
    }
}

/// One change, with the entry's day and id.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Changed {
    /// The entry's day.
    pub date: NaiveDate,
    /// The entry.
    pub id: EntryId,
    /// What happened to it.
    pub change: Change,
    /// Which fields, in words ("notes, strategies"); empty for an added or left-out entry.
    pub fields: Vec<String>,
}

impl Changed {
    fn new(e: &Entry, change: Change) -> Changed {
        Changed {
            date: e.date,
            id: e.id.clone(),
            change,
            fields: Vec::new(),
        }
    }

    /// One line for a person: "2026-11-14 20:30: notes changed on both sides: both versions
    /// kept (open it in review to choose)".
    pub fn describe(&self) -> String {
        let when = self
            .id
            .as_str()
            .get(9..13)
            .filter(|hm| hm.bytes().all(|b| b.is_ascii_digit()))
            .map_or(String::new(), |hm| format!(" {}:{}", &hm[..2], &hm[2..]));
        if self.fields.is_empty() {
            format!("{}{when} ({}): {}", self.date, self.id, self.change.label())
        } else {
            format!(
                "{}{when} ({}): {}: {}",
                self.date,
                self.id,
                self.fields.join(", "),
                self.change.label()
            )
        }
    }
}

/// How a field came out of a merge.
enum Pick<T> {
    /// The same on both sides, or changed on this side only.
    Ours(T),
    /// Changed on the other side only.
    Theirs(T),
    /// Changed on both sides, differently (or, without a base, different).
    Both(T, T),
}

fn pick<T: PartialEq + Clone>(base: Option<&T>, ours: &T, theirs: &T) -> Pick<T> {
    if ours == theirs {
        return Pick::Ours(ours.clone());
    }
    match base {
        Some(b) if b == ours => Pick::Theirs(theirs.clone()),
        Some(b) if b == theirs => Pick::Ours(ours.clone()),
        _ => Pick::Both(ours.clone(), theirs.clone()),
    }
}

/// Collects, while one entry is merged, which fields came from the other side and which hold
/// two versions.
#[derive(Default)]
struct Merger {
    taken: Vec<String>,
    both: Vec<String>,
}

impl Merger {
    fn took(&mut self, label: &str) {
        if !self.taken.iter().any(|t| t == label) {
            self.taken.push(label.to_owned());
        }
    }

    /// A text: both versions kept when both changed it, unless one holds the other whole.
    fn text(&mut self, label: &str, base: Option<&str>, ours: &str, theirs: &str) -> String {
        let owned = base.map(str::to_owned);
        match pick(owned.as_ref(), &ours.to_owned(), &theirs.to_owned()) {
            Pick::Ours(o) => o,
            Pick::Theirs(t) => {
                self.took(label);
                t
            }
            Pick::Both(o, t) => {
                if o.trim().is_empty() || t.contains(o.as_str()) {
                    self.took(label);
                    t
                } else if t.trim().is_empty() || o.contains(t.as_str()) {
                    o
                } else {
                    self.both.push(label.to_owned());
                    format!("{o}\n\n{OTHER_VERSION}\n{t}")
                }
            }
        }
    }

    /// A value that cannot hold two versions (a scale, a choice): this side's when both changed
    /// it, saying what the other side had.
    fn value<T: PartialEq + Clone>(
        &mut self,
        label: &str,
        base: Option<&T>,
        ours: &T,
        theirs: &T,
        show: impl Fn(&T) -> String,
    ) -> T {
        match pick(base, ours, theirs) {
            Pick::Ours(o) => o,
            Pick::Theirs(t) => {
                self.took(label);
                t
            }
            Pick::Both(o, t) => {
                self.both.push(format!(
                    "{label}: this computer's kept, the other had {}",
                    show(&t)
                ));
                o
            }
        }
    }

    /// A list merged as a set: what either side added is kept, what one side removed and the
    /// other kept as it was is removed.
    fn set<T: PartialEq + Clone>(
        &mut self,
        label: &str,
        base: Option<&[T]>,
        ours: &[T],
        theirs: &[T],
    ) -> Vec<T> {
        // Changed on one side only (its order too): that side, whole.
        if let Some(b) = base {
            if b == ours {
                if theirs != ours {
                    self.took(label);
                }
                return theirs.to_vec();
            }
            if b == theirs {
                return ours.to_vec();
            }
        }
        let base = base.unwrap_or(&[]);
        let mut out: Vec<T> = ours
            .iter()
            .filter(|x| theirs.contains(x) || !base.contains(x))
            .cloned()
            .collect();
        for t in theirs {
            if !out.contains(t) && !base.contains(t) {
                out.push(t.clone());
            }
        }
        if out != ours {
            self.took(label);
        }
        out
    }

    /// A list of items with a key: matched by key, each merged with `item`; an item one side
    /// removed and the other left as it was is removed.
    fn keyed<T: PartialEq + Clone, K: PartialEq>(
        &mut self,
        label: &str,
        base: Option<&[T]>,
        ours: &[T],
        theirs: &[T],
        key: impl Fn(&T) -> K,
        mut item: impl FnMut(&mut Merger, Option<&T>, &T, &T) -> T,
    ) -> Vec<T> {
        // Changed on one side only (its order too): that side, whole.
        if let Some(b) = base {
            if b == ours {
                if theirs != ours {
                    self.took(label);
                }
                return theirs.to_vec();
            }
            if b == theirs {
                return ours.to_vec();
            }
        }
        fn find<'a, T, K: PartialEq>(
            list: Option<&'a [T]>,
            k: &K,
            key: &impl Fn(&T) -> K,
        ) -> Option<&'a T> {
            list.and_then(|l| l.iter().find(|x| key(x) == *k))
        }
        let mut out = Vec::new();
        for o in ours {
            let k = key(o);
            let b = find(base, &k, &key);
            match find(Some(theirs), &k, &key) {
                Some(t) => out.push(item(self, b, o, t)),
                // Removed there, left as it was here: removed.
                None if b == Some(o) => self.took(label),
                None => out.push(o.clone()),
            }
        }
        for t in theirs {
            let k = key(t);
            if find(Some(ours), &k, &key).is_some() {
                continue;
            }
            // Removed here, left as it was there: stays removed.
            if find(base, &k, &key) != Some(t) {
                self.took(label);
                out.push(t.clone());
            }
        }
        out
    }
}

/// Merges one entry both sides have, field by field (see the module): `base` is the version
/// both last had, when known. Gives the entry and what came of it (`None`: nothing changed
/// here).
pub fn merge_entry(base: Option<&Entry>, ours: &Entry, theirs: &Entry) -> (Entry, Option<Changed>) {
    if ours == theirs {
        return (ours.clone(), None);
    }
    let mut m = Merger::default();
    let b = base;
    let mut e = ours.clone();
    e.created_at = ours.created_at.min(theirs.created_at);
    e.updated_at = ours.updated_at.max(theirs.updated_at);
    e.date = m.value("day", b.map(|b| &b.date), &ours.date, &theirs.date, |d| {
        d.to_string()
    });
    e.perspective = m.value(
        "perspective",
        b.map(|b| &b.perspective),
        &ours.perspective,
        &theirs.perspective,
        |p| p.map_or("none".to_owned(), |p| p.label().to_owned()),
    );
    e.mood = m.value("mood", b.map(|b| &b.mood), &ours.mood, &theirs.mood, |v| {
        v.map_or("none".to_owned(), |v| v.get().to_string())
    });
    e.closeness = m.value(
        "closeness",
        b.map(|b| &b.closeness),
        &ours.closeness,
        &theirs.closeness,
        |v| v.map_or("none".to_owned(), |v| v.get().to_string()),
    );
    e.emotions = m.set(
        "feelings",
        b.map(|b| b.emotions.as_slice()),
        &ours.emotions,
        &theirs.emotions,
    );
    e.behaviours = m.set(
        "signs",
        b.map(|b| b.behaviours.as_slice()),
        &ours.behaviours,
        &theirs.behaviours,
    );
    e.tags = m.set(
        "tags",
        b.map(|b| b.tags.as_slice()),
        &ours.tags,
        &theirs.tags,
    );
    e.triggers = m.keyed(
        "triggers",
        b.map(|b| b.triggers.as_slice()),
        &ours.triggers,
        &theirs.triggers,
        |t: &TriggerLog| t.trigger.clone(),
        |m, b, o, t| TriggerLog {
            trigger: o.trigger.clone(),
            intensity: m.value(
                "trigger intensity",
                b.map(|b| &b.intensity),
                &o.intensity,
                &t.intensity,
                |i| i.map_or("none".to_owned(), |i| i.get().to_string()),
            ),
            note: m.text(
                "a trigger's note",
                b.map(|b| b.note.as_str()),
                &o.note,
                &t.note,
            ),
            extra: unknown_of_both(&o.extra, &t.extra),
        },
    );
    e.strategies = m.keyed(
        "strategies",
        b.map(|b| b.strategies.as_slice()),
        &ours.strategies,
        &theirs.strategies,
        |s: &StrategyUse| s.id.clone(),
        |m, b, o, t| StrategyUse {
            id: o.id.clone(),
            planned: m.value(
                "strategies",
                b.map(|b| &b.planned),
                &o.planned,
                &t.planned,
                |p| if *p { "planned" } else { "not planned" }.to_owned(),
            ),
            tried: m.value("strategies", b.map(|b| &b.tried), &o.tried, &t.tried, |v| {
                match v {
                    Some(true) => "tried",
                    Some(false) => "not tried",
                    None => "not said",
                }
                .to_owned()
            }),
            helpfulness: m.value(
                "strategies",
                b.map(|b| &b.helpfulness),
                &o.helpfulness,
                &t.helpfulness,
                |h| h.map_or("no rating".to_owned(), |h| format!("{}/5", h.get())),
            ),
            extra: unknown_of_both(&o.extra, &t.extra),
        },
    );
    e.responses = m.keyed(
        "answers",
        b.map(|b| b.responses.as_slice()),
        &ours.responses,
        &theirs.responses,
        |r: &Response| (r.prompt_id.clone(), r.prompt.clone()),
        |m, b, o, t| Response {
            prompt_id: o.prompt_id.clone(),
            prompt: o.prompt.clone(),
            answer: m.text(
                &format!("the answer to \"{}\"", o.prompt),
                b.map(|b| b.answer.as_str()),
                &o.answer,
                &t.answer,
            ),
            extra: unknown_of_both(&o.extra, &t.extra),
        },
    );
    e.notes = m.text(
        "notes",
        b.map(|b| b.notes.as_str()),
        &ours.notes,
        &theirs.notes,
    );
    e.episodes = m.set::<Episode>(
        "moments",
        b.map(|b| b.episodes.as_slice()),
        &ours.episodes,
        &theirs.episodes,
    );
    e.predictions = m.set::<Prediction>(
        "predictions",
        b.map(|b| b.predictions.as_slice()),
        &ours.predictions,
        &theirs.predictions,
    );
    // A moment or prediction changed on both sides is kept in both versions, as two.
    for (label, ours_len, theirs_len, merged_len) in [
        (
            "moments",
            ours.episodes.len(),
            theirs.episodes.len(),
            e.episodes.len(),
        ),
        (
            "predictions",
            ours.predictions.len(),
            theirs.predictions.len(),
            e.predictions.len(),
        ),
    ] {
        if merged_len > ours_len.max(theirs_len) && base.is_some() {
            let changed_here = match label {
                "moments" => base.is_some_and(|b| b.episodes != ours.episodes),
                _ => base.is_some_and(|b| b.predictions != ours.predictions),
            };
            if changed_here {
                m.both.push(format!("{label}: both computers' kept"));
            }
        }
    }
    let mut keys: Vec<&String> = ours.extra.keys().chain(theirs.extra.keys()).collect();
    keys.sort();
    keys.dedup();
    let mut extra = BTreeMap::new();
    for k in keys {
        // The base's value when there is a base (absent there is a value too: `None`).
        let bo = b.map(|b| b.extra.get(k));
        let (o, t) = (ours.extra.get(k), theirs.extra.get(k));
        let v = match (bo, o, t) {
            // Without a base, a field only one side has is kept (a newer closer's, say).
            (None, Some(_), None) => o,
            (None, None, Some(_)) => {
                m.took(k);
                t
            }
            _ => m.value(k, bo.as_ref(), &o, &t, |v| {
                v.map_or("nothing".to_owned(), ToString::to_string)
            }),
        };
        if let Some(v) = v {
            extra.insert(k.clone(), v.clone());
        }
    }
    e.extra = extra;
    e.two_versions = m.set(
        "two versions",
        b.map(|b| b.two_versions.as_slice()),
        &ours.two_versions,
        &theirs.two_versions,
    );
    for both in &m.both {
        if !e.two_versions.contains(both) {
            e.two_versions.push(both.clone());
        }
    }
    m.taken.retain(|t| t != "two versions");
    let change = if !m.both.is_empty() {
        Some(Changed {
            fields: m.both.iter().map(|b| short_label(b)).collect(),
            ..Changed::new(&e, Change::KeptBoth)
        })
    } else if !m.taken.is_empty() {
        Some(Changed {
            fields: m.taken.clone(),
            ..Changed::new(&e, Change::Updated)
        })
    } else {
        None
    };
    (e, change)
}

/// The field a `two_versions` line names, without what follows its colon.
fn short_label(line: &str) -> String {
    line.split(':').next().unwrap_or(line).to_owned()
}

/// Merges `theirs` into `ours` (both any order) without a version both last had (a conflict
/// copy, a backup): gives the merged entries, oldest first (by day, time, id), and what
/// changed in `ours`, in the same order. `deleted` holds the ids this side deleted.
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
                let (merged, change) = merge_entry(None, mine, t);
                *mine = merged;
                changes.extend(change);
            }
            None if deleted.contains(&t.id) => changes.push(Changed::new(t, Change::StaysDeleted)),
            None => {
                by_id.insert(&t.id, t.clone());
                changes.push(Changed::new(t, Change::Added));
            }
        }
    }
    let mut merged: Vec<Entry> = by_id.into_values().collect();
    merged.sort_by(Entry::order);
    changes.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    (merged, changes)
}

/// A three-way merge of one day's entries, as git's merge driver does it: `base` is the day as
/// both sides last had it, `ours` and `theirs` as each side has it now. By id:
/// - on both sides: merged field by field against the base (see the module);
/// - on one side only, and in the base: deleted on the other side. If this side did not change
///   it, it stays deleted (the deletion travels); if it did, the changed version is kept
///   (nothing written is lost; the other side's trash still has the old one);
/// - on one side only, not in the base: added there, kept.
///
/// Gives the merged entries, oldest first, and what changed on this side.
pub fn merge3(base: &[Entry], ours: &[Entry], theirs: &[Entry]) -> (Vec<Entry>, Vec<Changed>) {
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
    let mut changes = Vec::new();
    for id in ids {
        let (b, o, t) = (find(base, id), find(ours, id), find(theirs, id));
        let keep = match (o, t) {
            (Some(o), Some(t)) => {
                let (e, change) = merge_entry(b.as_ref(), &o, &t);
                changes.extend(change);
                Some(e)
            }
            (Some(one), None) => match &b {
                // Deleted on the other side: gone, unless changed on this one since.
                Some(b) if *b == one => {
                    changes.push(Changed {
                        fields: vec!["deleted on the other side".to_owned()],
                        ..Changed::new(&one, Change::Updated)
                    });
                    None
                }
                _ => Some(one),
            },
            (None, Some(one)) => match &b {
                Some(b) if *b == one => None,
                _ => {
                    changes.push(Changed::new(&one, Change::Added));
                    Some(one)
                }
            },
            (None, None) => None,
        };
        out.extend(keep);
    }
    out.sort_by(Entry::order);
    changes.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    (out, changes)
}

/// The fields neither version knows, of a trigger, strategy or answer both have: this
/// computer's, and those only the other has (closer never removes one, so a field on one side
/// only was added there, not removed here).
fn unknown_of_both(
    ours: &BTreeMap<String, serde_json::Value>,
    theirs: &BTreeMap<String, serde_json::Value>,
) -> BTreeMap<String, serde_json::Value> {
    let mut all = ours.clone();
    for (k, v) in theirs {
        all.entry(k.clone()).or_insert_with(|| v.clone());
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{Helpfulness, Mood, Name};
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

    fn strategy(id: &str, tried: Option<bool>, help: Option<u8>) -> StrategyUse {
        StrategyUse {
            id: Name::try_from(id).unwrap(),
            planned: true,
            tried,
            helpfulness: help.and_then(|h| Helpfulness::try_from(h).ok()),
            extra: Default::default(),
        }
    }

    /// Case n01: strategy ratings on one computer, a line of notes on the other, the second
    /// saved "later" by a clock: both kept, and said.
    #[test]
    fn edits_of_different_fields_on_two_computers_are_both_kept() {
        let mut base = entry(1, 14, 0, "A quiet evening.");
        base.strategies = vec![strategy("active-listening", None, None)];
        let mut ours = base.clone();
        ours.strategies = vec![strategy("active-listening", Some(true), Some(5))];
        ours.updated_at += chrono::Duration::minutes(1);
        let mut theirs = base.clone();
        theirs.notes = "A quiet evening.\nThen we talked.".into();
        theirs.updated_at += chrono::Duration::minutes(2);
        for (o, t) in [(&ours, &theirs), (&theirs, &ours)] {
            let (merged, changes) = merge3(
                std::slice::from_ref(&base),
                std::slice::from_ref(o),
                std::slice::from_ref(t),
            );
            assert_eq!(merged.len(), 1);
            let m = &merged[0];
            assert_eq!(m.notes, "A quiet evening.\nThen we talked.");
            assert_eq!(m.strategies, ours.strategies);
            assert!(m.two_versions.is_empty());
            assert_eq!(changes.len(), 1);
            assert_eq!(changes[0].change, Change::Updated);
        }
    }

    /// The same text changed on both computers: both versions kept, whatever the clocks say,
    /// and the entry says so until it is saved again.
    #[test]
    fn a_text_changed_on_both_computers_keeps_both_whatever_the_clocks() {
        let base = entry(1, 14, 0, "first words");
        for skew in [-60i64, 0, 60] {
            let mut ours = base.clone();
            ours.notes = "first words, and mine".into();
            ours.mood = Mood::try_from(2u8).ok();
            let mut theirs = base.clone();
            theirs.notes = "their very different words".into();
            theirs.mood = Mood::try_from(4u8).ok();
            theirs.updated_at = ours.updated_at + chrono::Duration::minutes(skew);
            let (merged, changes) = merge3(
                std::slice::from_ref(&base),
                std::slice::from_ref(&ours),
                std::slice::from_ref(&theirs),
            );
            let m = &merged[0];
            assert!(m.notes.contains("first words, and mine"), "{}", m.notes);
            assert!(
                m.notes.contains("their very different words"),
                "{}",
                m.notes
            );
            assert!(m.notes.contains(OTHER_VERSION));
            assert_eq!(m.mood, ours.mood, "a scale keeps this computer's");
            assert!(
                m.two_versions.iter().any(|v| v == "notes"),
                "{:?}",
                m.two_versions
            );
            assert!(
                m.two_versions
                    .iter()
                    .any(|v| v.starts_with("mood") && v.ends_with('4')),
                "{:?}",
                m.two_versions
            );
            assert_eq!(changes[0].change, Change::KeptBoth);
            assert!(
                changes[0].describe().contains("notes"),
                "{}",
                changes[0].describe()
            );
            // Merged again with either side, nothing more happens.
            let (again, _) = merge3(
                std::slice::from_ref(&base),
                &merged,
                std::slice::from_ref(&theirs),
            );
            assert_eq!(again[0].notes, m.notes);
        }
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
        let (merged, _) = merge3(&base, &ours, &theirs);
        let notes: Vec<&str> = merged.iter().map(|e| e.notes.as_str()).collect();
        assert_eq!(notes, ["a edited there", "b edited here", "d"]);
        // Symmetric: the same whichever side is ours.
        assert_eq!(merge3(&base, &theirs, &ours).0, merged);
    }

    /// Without a base (a conflict copy, a backup): an entry only one side has is kept (unless
    /// deleted here), texts that differ are kept twice unless one holds the other.
    #[test]
    fn two_way_keeps_every_text_and_deleted_stays_deleted() {
        let ours = vec![entry(1, 1, 5, "ours"), entry(2, 1, 0, "same words")];
        let theirs = vec![
            entry(1, 1, 2, "theirs"),
            entry(2, 1, 9, "same words, and more"),
            entry(4, 3, 0, "only theirs"),
            entry(5, 3, 0, "deleted here"),
        ];
        let deleted: HashSet<EntryId> = [theirs[3].id.clone()].into_iter().collect();
        let (merged, changes) = merge(&ours, &theirs, &deleted);
        let notes: Vec<&str> = merged.iter().map(|e| e.notes.as_str()).collect();
        assert_eq!(notes.len(), 3);
        assert!(notes[0].contains("ours") && notes[0].contains("theirs"));
        assert_eq!(notes[1], "same words, and more");
        assert_eq!(notes[2], "only theirs");
        let kinds: Vec<Change> = changes.iter().map(|c| c.change).collect();
        assert_eq!(
            kinds,
            [
                Change::KeptBoth,
                Change::Updated,
                Change::Added,
                Change::StaysDeleted
            ]
        );
        let (again, changes) = merge(&merged, &theirs, &deleted);
        assert_eq!(again, merged, "merging again changes nothing");
        assert!(changes.iter().all(|c| c.change == Change::StaysDeleted));
    }

    /// Fields closer does not know: one added on one side is kept, with or without a base, and
    /// it is no conflict.
    #[test]
    fn a_field_only_one_side_has_is_kept_and_is_no_conflict() {
        let base = entry(1, 14, 0, "words");
        let mut theirs = base.clone();
        theirs
            .extra
            .insert("weather".into(), serde_json::json!("rain"));
        for b in [Some(&base), None] {
            let (m, change) = merge_entry(b, &base, &theirs);
            assert_eq!(m.extra.get("weather"), Some(&serde_json::json!("rain")));
            assert_eq!(change.map(|c| c.change), Some(Change::Updated));
            let (m, change) = merge_entry(b, &theirs, &base);
            assert_eq!(m.extra.get("weather"), Some(&serde_json::json!("rain")));
            assert!(change.is_none_or(|c| c.change != Change::KeptBoth));
        }
    }

    /// A random entry's texts and lists, from small alphabets so sides often agree.
    fn arb_entry() -> impl Strategy<Value = Entry> {
        (
            prop::sample::select(vec!["", "a", "b", "a b", "c"]),
            prop::option::of(1u8..=5),
            prop::collection::vec(prop::sample::select(vec!["x", "y", "z"]), 0..3),
            prop::collection::vec(
                (
                    prop::sample::select(vec!["active-listening", "self-compassion"]),
                    prop::option::of(1u8..=5),
                ),
                0..3,
            ),
            prop::sample::select(vec!["", "p", "q r"]),
        )
            .prop_map(|(notes, mood, tags, strategies, answer)| {
                let mut e = entry(1, 14, 0, notes);
                e.mood = mood.and_then(|m| Mood::try_from(m).ok());
                e.tags = tags.into_iter().map(str::to_owned).collect();
                e.tags.dedup();
                let mut seen = HashSet::new();
                e.strategies = strategies
                    .into_iter()
                    .filter(|(id, _)| seen.insert(*id))
                    .map(|(id, h)| strategy(id, h.map(|_| true), h))
                    .collect();
                if !answer.is_empty() {
                    e.responses.push(Response {
                        prompt_id: None,
                        prompt: "What felt hard?".into(),
                        answer: answer.to_owned(),
                        extra: Default::default(),
                    });
                }
                e
            })
    }

    /// Every piece of text of an entry (notes, answers) as a person wrote it.
    fn texts(e: &Entry) -> Vec<String> {
        let mut out = vec![e.notes.clone()];
        out.extend(e.responses.iter().map(|r| r.answer.clone()));
        out.retain(|t| !t.is_empty());
        out
    }

    proptest! {
        /// Against a naive reference: every text in ours or theirs and not in the base is in
        /// the result; a field changed on one side only equals that side; and the merge gives
        /// the same words whichever side is ours.
        #[test]
        fn the_entry_merge_loses_no_text_and_takes_one_sided_changes(
            base in arb_entry(),
            ours in arb_entry(),
            theirs in arb_entry(),
        ) {
            let (m, _) = merge_entry(Some(&base), &ours, &theirs);
            let all = texts(&m).join("\n");
            let old = texts(&base);
            for t in texts(&ours).into_iter().chain(texts(&theirs)) {
                if !old.contains(&t) {
                    prop_assert!(all.contains(&t), "{t:?} lost: {all:?}");
                }
            }
            // One side only: that side, field by field.
            if ours.notes == base.notes {
                prop_assert_eq!(&m.notes, &theirs.notes);
            }
            if theirs.notes == base.notes {
                prop_assert_eq!(&m.notes, &ours.notes);
            }
            if ours.mood == base.mood {
                prop_assert_eq!(m.mood, theirs.mood);
            }
            if theirs.mood == base.mood {
                prop_assert_eq!(m.mood, ours.mood);
            }
            if ours.strategies == base.strategies {
                prop_assert_eq!(&m.strategies, &theirs.strategies);
            }
            if theirs.tags == base.tags {
                prop_assert_eq!(&m.tags, &ours.tags);
            }
            // Without a base, every text of either side is there.
            let (m2, _) = merge_entry(None, &ours, &theirs);
            let all = texts(&m2).join("\n");
            for t in texts(&ours).into_iter().chain(texts(&theirs)) {
                prop_assert!(all.contains(&t), "{t:?} lost without a base: {all:?}");
            }
        }
    }
}
