//! Merging two copies of a journal's entries: another computer's day into this one's (`closer
//! sync`'s merge driver, with the day as both last had it), a file-sync tool's conflict copy
//! into its day, a backup into the journal (both without one).
//!
//! The rules: entries are matched by id; an entry only one side has is
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

use super::entry::ThinVec;
use super::{Entry, EntryId, Response, Scale, StrategyUse, TriggerLog};

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

/// An entry as both sides last had it (when known), as this side has it, as the other has it.
type Sides<'a, E = Entry> = (Option<&'a E>, &'a E, &'a E);

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

    /// A field of an entry's (or of an item's in one of its lists) that cannot hold two
    /// versions (see [`Merger::value`]).
    fn value_of<E, T: PartialEq + Clone>(
        &mut self,
        label: &str,
        (base, ours, theirs): Sides<E>,
        field: impl Fn(&E) -> &T,
        show: impl Fn(&T) -> String,
    ) -> T {
        self.value(label, base.map(&field), field(ours), field(theirs), show)
    }

    /// A text of an entry's (or of an item's in one of its lists) (see [`Merger::text`]).
    fn text_of<E>(
        &mut self,
        label: &str,
        (base, ours, theirs): Sides<E>,
        field: impl Fn(&E) -> &String,
    ) -> String {
        self.text(
            label,
            base.map(|b| field(b).as_str()),
            field(ours),
            field(theirs),
        )
    }

    /// A list changed on one side only (its order too): that side, whole.
    fn one_side<T: PartialEq + Clone>(
        &mut self,
        label: &str,
        base: Option<&[T]>,
        ours: &[T],
        theirs: &[T],
    ) -> Option<Vec<T>> {
        let b = base?;
        if b == ours {
            if theirs != ours {
                self.took(label);
            }
            return Some(theirs.to_vec());
        }
        (b == theirs).then(|| ours.to_vec())
    }

    /// A list of an entry's, merged as a set (see [`Merger::set`]).
    fn set_of<T: PartialEq + Clone>(
        &mut self,
        label: &str,
        (base, ours, theirs): Sides,
        list: impl Fn(&Entry) -> &[T],
    ) -> ThinVec<T> {
        self.set(label, base.map(&list), list(ours), list(theirs))
            .into()
    }

    /// A list of an entry's, merged by key (see [`Merger::keyed`]).
    fn keyed_of<T: PartialEq + Clone, K: PartialEq>(
        &mut self,
        label: &str,
        (base, ours, theirs): Sides,
        list: impl Fn(&Entry) -> &[T],
        key: impl Fn(&T) -> K,
        item: impl FnMut(&mut Merger, Option<&T>, &T, &T) -> T,
    ) -> ThinVec<T> {
        let base = base.map(&list);
        self.keyed(label, base, list(ours), list(theirs), key, item)
            .into()
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
        if let Some(whole) = self.one_side(label, base, ours, theirs) {
            return whole;
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
        if let Some(whole) = self.one_side(label, base, ours, theirs) {
            return whole;
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
    let sides = (b, ours, theirs);
    let mut e = ours.clone();
    e.created_at = ours.created_at.min(theirs.created_at);
    e.updated_at = ours.updated_at.max(theirs.updated_at);
    e.date = m.value_of("day", sides, |e| &e.date, |d| d.to_string());
    e.written_on = m.value_of(
        "written on",
        sides,
        |e| &e.written_on,
        |d| d.map_or("none".to_owned(), |d| d.to_string()),
    );
    e.perspective = m.value_of(
        "perspective",
        sides,
        |e| &e.perspective,
        |p| p.map_or("none".to_owned(), |p| p.label().to_owned()),
    );
    for &s in Scale::ALL {
        let base = b.map(|b| s.of(b));
        let value = m.value(s.id(), base.as_ref(), &s.of(ours), &s.of(theirs), |v| {
            v.map_or("none".to_owned(), |v| v.get().to_string())
        });
        s.set(&mut e, value);
    }
    e.emotions = m.set_of("feelings", sides, |e| &e.emotions);
    e.behaviours = m.set_of("signs", sides, |e| &e.behaviours);
    e.tags = m.set_of("tags", sides, |e| &e.tags);
    e.triggers = merge_triggers(&mut m, sides);
    e.strategies = merge_strategies(&mut m, sides);
    e.responses = merge_responses(&mut m, sides);
    e.notes = m.text_of("notes", sides, |e| &e.notes);
    e.episodes = m.set_of("moments", sides, |e| &e.episodes);
    e.predictions = m.set_of("predictions", sides, |e| &e.predictions);
    e.thoughts = m.set_of("thoughts checked", sides, |e| &e.thoughts);
    e.debriefs = m.set_of("debriefs", sides, |e| &e.debriefs);
    e.cycle_words = m.set_of("your cycle", sides, |e| &e.cycle_words);
    e.bids = m.set_of("bids and appreciations", sides, |e| &e.bids);
    e.time_outs = merge_time_outs(&mut m, sides);
    e.ladders = m.set_of("ladders", sides, |e| &e.ladders);
    e.week_reviews = m.set_of("week reviews", sides, |e| &e.week_reviews);
    note_kept_both(&mut m, base, ours, theirs, &e);
    e.extra = merge_unknown(&mut m, b, ours, theirs);
    e.two_versions = m.set_of("two versions", sides, |e| &e.two_versions);
    for both in &m.both {
        if !e.two_versions.contains(both) {
            e.two_versions.push(both.clone());
        }
    }
    m.taken.retain(|t| t != "two versions");
    let change = m.change(&e);
    (e, change)
}

/// The triggers of both sides, merged by trigger: intensity and note field by field.
fn merge_triggers(m: &mut Merger, sides: Sides) -> ThinVec<TriggerLog> {
    m.keyed_of(
        "triggers",
        sides,
        |e| &e.triggers,
        |t: &TriggerLog| t.trigger.clone(),
        |m, b, o, t| TriggerLog {
            trigger: o.trigger.clone(),
            intensity: m.value_of(
                "trigger intensity",
                (b, o, t),
                |x| &x.intensity,
                |i| i.map_or("none".to_owned(), |i| i.get().to_string()),
            ),
            note: m.text_of("a trigger's note", (b, o, t), |x| &x.note),
            extra: unknown_of_both(&o.extra, &t.extra),
        },
    )
}

/// The strategies of both sides, merged by id: planned, tried and helpfulness field by field.
fn merge_strategies(m: &mut Merger, sides: Sides) -> ThinVec<StrategyUse> {
    m.keyed_of(
        "strategies",
        sides,
        |e| &e.strategies,
        |s: &StrategyUse| s.id.clone(),
        |m, b, o, t| StrategyUse {
            id: o.id.clone(),
            planned: m.value_of(
                "strategies",
                (b, o, t),
                |x| &x.planned,
                |p| if *p { "planned" } else { "not planned" }.to_owned(),
            ),
            tried: m.value_of(
                "strategies",
                (b, o, t),
                |x| &x.tried,
                |v| {
                    match v {
                        Some(true) => "tried",
                        Some(false) => "not tried",
                        None => "not said",
                    }
                    .to_owned()
                },
            ),
            helpfulness: m.value_of(
                "strategies",
                (b, o, t),
                |x| &x.helpfulness,
                |h| h.map_or("no rating".to_owned(), |h| format!("{}/5", h.get())),
            ),
            extra: unknown_of_both(&o.extra, &t.extra),
        },
    )
}

/// The answers of both sides, merged by prompt.
fn merge_responses(m: &mut Merger, sides: Sides) -> ThinVec<Response> {
    m.keyed_of(
        "answers",
        sides,
        |e| &e.responses,
        |r: &Response| (r.prompt_id.clone(), r.prompt.clone()),
        |m, b, o, t| Response {
            prompt_id: o.prompt_id.clone(),
            prompt: o.prompt.clone(),
            answer: m.text_of(&format!("the answer to \"{}\"", o.prompt), (b, o, t), |x| {
                &x.answer
            }),
            extra: unknown_of_both(&o.extra, &t.extra),
        },
    )
}

/// The time-outs of both sides, matched by when they began: a break answered on one computer
/// ("did you go back to it?") keeps its answer, and is not asked again because the other had
/// not heard of it.
fn merge_time_outs(m: &mut Merger, sides: Sides) -> ThinVec<crate::journal::TimeOut> {
    m.keyed_of(
        "time-outs",
        sides,
        |e| &e.time_outs,
        |t| t.from,
        |m, b, o, t| crate::journal::TimeOut {
            until_then: m.text_of("what I'll do until then", (b, o, t), |x| &x.until_then),
            back: o.back.clone().or_else(|| t.back.clone()),
            extra: unknown_of_both(&o.extra, &t.extra),
            ..o.clone()
        },
    )
}

/// Notes a moment, prediction, thought check, debrief or cycle in the person's words changed
/// on both sides, and so kept in both versions, as two.
fn note_kept_both(m: &mut Merger, base: Option<&Entry>, ours: &Entry, theirs: &Entry, e: &Entry) {
    let Some(b) = base else { return };
    let lens = |x: &Entry| {
        [
            x.episodes.len(),
            x.predictions.len(),
            x.thoughts.len(),
            x.debriefs.len(),
            x.cycle_words.len(),
            x.bids.len(),
            x.ladders.len(),
        ]
    };
    let changed_here = [
        b.episodes != ours.episodes,
        b.predictions != ours.predictions,
        b.thoughts != ours.thoughts,
        b.debriefs != ours.debriefs,
        b.cycle_words != ours.cycle_words,
        b.bids != ours.bids,
        b.ladders != ours.ladders,
    ];
    let labels = [
        "moments",
        "predictions",
        "thoughts checked",
        "debriefs",
        "your cycle",
        "bids and appreciations",
        "ladders",
    ];
    let (o, t, merged) = (lens(ours), lens(theirs), lens(e));
    for i in 0..labels.len() {
        if merged[i] > o[i].max(t[i]) && changed_here[i] {
            m.both.push(format!("{}: both computers' kept", labels[i]));
        }
    }
}

/// The fields a newer closer wrote that this one does not know, merged one by one.
fn merge_unknown(
    m: &mut Merger,
    b: Option<&Entry>,
    ours: &Entry,
    theirs: &Entry,
) -> BTreeMap<String, serde_json::Value> {
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
    extra
}

impl Merger {
    /// What came of merging into `e`: both versions kept, fields taken from the other side,
    /// or nothing.
    fn change(&self, e: &Entry) -> Option<Changed> {
        if !self.both.is_empty() {
            Some(Changed {
                fields: self.both.iter().map(|b| short_label(b)).collect(),
                ..Changed::new(e, Change::KeptBoth)
            })
        } else if !self.taken.is_empty() {
            Some(Changed {
                fields: self.taken.clone(),
                ..Changed::new(e, Change::Updated)
            })
        } else {
            None
        }
    }
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
mod tests;
