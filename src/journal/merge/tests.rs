use super::*;
use crate::journal::entry::thin_vec;
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
    base.strategies = thin_vec![strategy("active-listening", None, None)];
    let mut ours = base.clone();
    ours.strategies = thin_vec![strategy("active-listening", Some(true), Some(5))];
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

/// Issue 36: an entry written later keeps its mark through a merge with an edit of it on the
/// other computer (the mark from one side, the edit from the other).
#[test]
fn the_mark_of_an_entry_written_later_survives_a_merge() {
    let mut base = entry(1, 14, 0, "written the next morning");
    base.written_on = Some(chrono::NaiveDate::from_ymd_opt(2026, 11, 15).unwrap());
    let mut ours = base.clone();
    ours.notes = "written the next morning, and more".into();
    ours.updated_at += chrono::Duration::minutes(1);
    let theirs = base.clone();
    for (o, t) in [(&ours, &theirs), (&theirs, &ours)] {
        let (merged, _) = merge3(
            std::slice::from_ref(&base),
            std::slice::from_ref(o),
            std::slice::from_ref(t),
        );
        assert_eq!(merged[0].written_on, base.written_on);
        assert_eq!(merged[0].notes, ours.notes);
    }
    // Without a base (the first sync of two copies), one side's mark is kept.
    let mut plain = base.clone();
    plain.written_on = None;
    plain.updated_at += chrono::Duration::minutes(1);
    let (merged, _) = merge3(
        &[],
        std::slice::from_ref(&base),
        std::slice::from_ref(&plain),
    );
    assert_eq!(merged[0].written_on, base.written_on);
    assert_eq!(
        merged[0].two_versions,
        ["written on: this computer's kept, the other had none"]
    );
}
