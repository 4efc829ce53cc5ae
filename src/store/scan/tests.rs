use super::*;
use crate::journal::Preferences;
use crate::journal::entry::thin_vec;
use crate::store::Store;

/// Issue 21, item 6: the journal as read holds no room it does not use (a list read from
/// JSON has room for four items when it holds one), read on one thread or on several.
#[test]
fn a_journal_read_keeps_no_spare_room() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    // Enough days in one year for the parallel read (64 and more).
    let year: Vec<Entry> = (0..100u32)
        .map(|n| {
            let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
                + chrono::Days::new(u64::from(n));
            let at =
                chrono::DateTime::parse_from_rfc3339(&format!("{day}T20:00:00+01:00")).unwrap();
            let mut e = Entry::new(EntryId::generate(at, n), at);
            e.emotions = thin_vec!["tired".into()];
            e.tags = thin_vec!["home".into(), "work".into()];
            e.notes = format!("day {n}");
            e
        })
        .collect();
    for e in &year {
        store.save_entry(e).unwrap();
    }
    let entries = load(store.layout()).entries;
    assert_eq!(entries.len(), year.len());
    for e in &entries {
        assert_eq!(e.emotions.capacity(), e.emotions.len(), "{}", e.id);
        assert_eq!(e.triggers.capacity(), e.triggers.len(), "{}", e.id);
        assert_eq!(e.behaviours.capacity(), e.behaviours.len(), "{}", e.id);
        assert_eq!(e.strategies.capacity(), e.strategies.len(), "{}", e.id);
        assert_eq!(e.tags.capacity(), e.tags.len(), "{}", e.id);
    }
}

/// The journal read on threads (a load) finds what it read one day at a time (a check)
/// finds, in the same order: each problem, each duplicate pointing at the right file,
/// across batches read out of turn and years listed ahead of their turn.
#[test]
fn reading_on_threads_finds_what_reading_in_turn_finds() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let layout = store.layout().clone();
    let first = chrono::NaiveDate::from_ymd_opt(2023, 3, 1).unwrap();
    let mut ids = Vec::new();
    let mut twins = Vec::new();
    // More days than the listing keeps ahead, over many years.
    for n in 0..(LIST_AHEAD + 2 * READ_BATCH + 40) as u32 {
        let day = first + chrono::Days::new(u64::from(n));
        let at = chrono::DateTime::parse_from_rfc3339(&format!("{day}T20:00:00+01:00")).unwrap();
        let mut e = Entry::new(EntryId::generate(at, n), at);
        e.notes = format!("day {n}");
        store.save_entry(&e).unwrap();
        ids.push(e.id);
        // Some days hold two entries, the first three (in these tests every id shares
        // one of two hashes: two of the first day's three do).
        let more = match n {
            0 => 2,
            _ if n % 100 == 50 => 1,
            _ => 0,
        };
        for k in 0..more {
            let twin = Entry::new(EntryId::generate(at, n + 1_000_000 * (k + 1)), at);
            store.save_entry(&twin).unwrap();
            twins.push(twin.id);
        }
    }
    let day_file = |n: u64| layout.day_file(first + chrono::Days::new(n));
    // A broken day, a day copied onto another (its entry now twice, on the wrong day),
    // a stray file, a sync conflict copy, in different years and batches.
    fs::write(day_file(100), "{ \"schema\": 1, \"date\": ").unwrap();
    fs::copy(day_file(5), day_file(700)).unwrap();
    fs::copy(day_file(1200), day_file(1400)).unwrap();
    let year_2024 = day_file(400).parent().unwrap().to_owned();
    fs::write(year_2024.join("notes.txt"), "mine").unwrap();
    fs::copy(
        day_file(400),
        year_2024.join(format!(
            "{} (conflicted copy).json",
            first + chrono::Days::new(400)
        )),
    )
    .unwrap();
    // A FIFO where a day file should be: reported, never opened to wait on.
    #[cfg(unix)]
    {
        fs::remove_file(day_file(800)).unwrap();
        let made = std::process::Command::new("mkfifo")
            .arg(day_file(800))
            .status()
            .unwrap();
        assert!(made.success());
    }

    let threads = load(&layout);
    let in_turn = check(&layout);
    let said =
        |scan: &Scan| -> Vec<String> { scan.problems.iter().map(|p| format!("{p:?}")).collect() };
    assert_eq!(said(&threads), said(&in_turn));
    assert_eq!(threads.day_files, in_turn.day_files);
    assert_eq!(threads.entry_count, in_turn.entry_count);
    let kinds: Vec<&ProblemKind> = threads.problems.iter().map(|p| &p.kind).collect();
    let has = |is: &dyn Fn(&ProblemKind) -> bool| kinds.iter().any(|k| is(k));
    // The two copied days' entries, and nothing else, are duplicates.
    let duplicates = kinds
        .iter()
        .filter(|k| matches!(k, ProblemKind::DuplicateId { .. }))
        .count();
    assert_eq!(duplicates, 2, "{kinds:?}");
    for first in [5, 1200] {
        assert!(
            kinds.iter().any(|k| matches!(
                k,
                ProblemKind::DuplicateId { other, .. } if *other == day_file(first)
            )),
            "{kinds:?}"
        );
    }
    assert!(
        has(&|k| matches!(k, ProblemKind::Damaged { .. })),
        "{kinds:?}"
    );
    assert!(
        has(&|k| matches!(k, ProblemKind::WrongDay { .. })),
        "{kinds:?}"
    );
    assert!(has(&|k| matches!(k, ProblemKind::Unexpected)), "{kinds:?}");
    assert!(
        has(&|k| matches!(k, ProblemKind::SyncConflict { .. })),
        "{kinds:?}"
    );
    #[cfg(unix)]
    assert!(
        threads.problems.iter().any(|p| p.path == day_file(800)
            && matches!(&p.kind, ProblemKind::Unreadable { reason } if reason.contains("pipe"))),
        "{kinds:?}"
    );
    // Every entry read once, but those of the broken day, the day copied over and the
    // FIFO; the copied day's twice.
    let gone = [&ids[100], &ids[700], &ids[800], &ids[1400]];
    let mut read: Vec<&EntryId> = threads.entries.iter().map(|e| &e.id).collect();
    read.sort();
    let mut expected: Vec<&EntryId> = ids
        .iter()
        .filter(|id| !gone.contains(id))
        .chain(&twins)
        .collect();
    expected.push(&ids[5]);
    expected.push(&ids[1200]);
    expected.sort();
    assert!(
        read == expected,
        "{} read, {} expected",
        read.len(),
        expected.len()
    );
}

/// Issue 31, item 4: file-sync conflict copies of every file closer writes are named by
/// what they copy: the unfinished check-in's (with when it was written) and state.json's
/// need a look, a copy of the prediction index is only worth knowing; a check-in waiting
/// its turn is a note; none is "a file closer does not know".
#[test]
fn conflict_copies_of_every_file_are_named_by_what_they_copy() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let layout = store.layout().clone();
    let at = chrono::DateTime::parse_from_rfc3339("2026-12-03T10:10:10+01:00").unwrap();
    store
        .save_entry(&Entry::new(EntryId::generate(at, 1), at))
        .unwrap();
    store
        .save_draft(&serde_json::json!({"notes": "mine"}), at)
        .unwrap();
    store.save_preferences(&Preferences::default()).unwrap();
    let drafts = layout.drafts_dir();
    let copy = |from: &Path, to: PathBuf| {
        fs::copy(from, &to).unwrap();
        to
    };
    let draft = copy(
        &layout.draft_file(),
        drafts.join("current.sync-conflict-20261203-101010-ABCDEF1.json"),
    );
    let dropbox = copy(
        &layout.draft_file(),
        drafts.join("current (conflicted copy 2026-12-03 101010).json"),
    );
    let waiting = copy(
        &layout.draft_file(),
        drafts.join("waiting-20261203T101010.json"),
    );
    let state = copy(
        &layout.state_file(),
        dir.path()
            .join("state.sync-conflict-20261203-101010-ABCDEF1.json"),
    );
    let predictions = dir.path().join("predictions.Conflict.json");
    fs::write(&predictions, "{}").unwrap();
    let key = dir
        .path()
        .join("recipient.sync-conflict-20261203-101010-ABCDEF1.txt");
    fs::write(&key, "age1").unwrap();
    let unreadable =
        drafts.join("unreadable-20261203T101010.sync-conflict-20261203-101010-ABCDEF1.json");
    fs::write(&unreadable, "{").unwrap();
    let gone = Entry::new(EntryId::generate(at, 2), at);
    store.save_entry(&gone).unwrap();
    let trashed = store.delete_entry(gone.date, &gone.id, at).unwrap();
    let trash_copy = copy(
        &trashed,
        trashed.with_file_name(format!(
            "{} (conflicted copy 2026-12-03 101010).json",
            file_name(&trashed).trim_end_matches(".json")
        )),
    );
    // Not a copy: left unsaid at the top of the data folder, as before.
    fs::write(dir.path().join("notes.txt"), "mine").unwrap();

    assert_eq!(store.trash().len(), 2);
    for scan in [check(&layout), load(&layout)] {
        // The files written here by hand are readable by others: said, and not looked at.
        let problems: Vec<&Problem> = scan
            .problems
            .iter()
            .filter(|p| !matches!(p.kind, ProblemKind::Permissions { .. }))
            .collect();
        let found = |path: &Path| -> Vec<&Problem> {
            problems
                .iter()
                .copied()
                .filter(|p| p.path == path)
                .collect()
        };
        let saved = chrono::NaiveDate::from_ymd_opt(2026, 12, 3)
            .unwrap()
            .and_hms_opt(10, 10, 10);
        for path in [&draft, &dropbox] {
            let problems = found(path);
            assert_eq!(
                problems.iter().map(|p| &p.kind).collect::<Vec<_>>(),
                [&ProblemKind::DraftConflict { saved }],
                "{path:?}"
            );
            assert_eq!(problems[0].severity(), super::super::Severity::Warning);
            assert!(problems[0].reason().contains("from 2026-12-03 10:10"));
        }
        assert_eq!(found(&waiting)[0].kind, ProblemKind::WaitingDraft { saved });
        assert_eq!(found(&waiting)[0].severity(), super::super::Severity::Note);
        assert_eq!(found(&state)[0].kind, ProblemKind::StateConflict);
        assert_eq!(found(&state)[0].severity(), super::super::Severity::Warning);
        assert_eq!(
            found(&predictions)[0].kind,
            ProblemKind::OtherConflict {
                of: "predictions.json".into()
            }
        );
        assert_eq!(
            found(&predictions)[0].severity(),
            super::super::Severity::Note
        );
        assert_eq!(
            found(&key)[0].kind,
            ProblemKind::OtherConflict {
                of: "recipient.txt".into()
            }
        );
        assert_eq!(
            found(&unreadable)[0].kind,
            ProblemKind::OtherConflict {
                of: "drafts/unreadable-20261203T101010.json".into()
            }
        );
        // A copy of a trash file is named, and shows in the trash as the file it copies.
        assert_eq!(
            found(&trash_copy)[0].kind,
            ProblemKind::OtherConflict {
                of: format!("trash/{}", file_name(&trashed))
            }
        );
        assert!(
            !problems.iter().any(|p| p.kind == ProblemKind::Unexpected),
            "{problems:?}"
        );
        assert_eq!(problems.len(), 8, "{problems:?}");
    }
}

/// Days queued and not yet a full batch are sent when they are about to be taken in, and
/// come back in the order queued.
#[test]
fn readers_give_back_what_is_sent_in_the_order_queued() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let first = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let days: Vec<NaiveDate> = (0..10u64).map(|n| first + chrono::Days::new(n)).collect();
    for (n, day) in days.iter().enumerate() {
        let at = chrono::DateTime::parse_from_rfc3339(&format!("{day}T20:00:00+01:00")).unwrap();
        store
            .save_entry(&Entry::new(EntryId::generate(at, n as u32), at))
            .unwrap();
    }
    let layout = store.layout();
    std::thread::scope(|threads| {
        let mut readers = Readers::start(threads, layout, false, false);
        let mut through = 0;
        for day in &days {
            through = readers.queue(layout.day_file(*day), None, true);
        }
        assert_eq!(through, days.len());
        readers.send_through(through);
        for day in &days {
            let ((notes, body), signatures) = readers.next().expect("read by a reader");
            assert!(signatures.is_empty(), "none asked for");
            assert!(notes.is_empty(), "{notes:?}");
            assert_eq!(body.unwrap().date, *day);
        }
        readers.join();
    });
}

proptest::proptest! {
    /// Ids that share a hash (here all of them share one of two) are told apart: each id
    /// is found seen before exactly when it was, on the day it was first seen.
    #[test]
    fn ids_that_share_a_hash_are_told_apart(
        seen_in in proptest::collection::vec((0u8..12, 0u64..6), 1..60),
    ) {
        let mut first_seen = FirstSeen { mask: 1, ..FirstSeen::default() };
        let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        // The day files as they are read, and each id's first day, the plain way.
        let mut files: HashMap<NaiveDate, Vec<EntryId>> = HashMap::new();
        let mut oracle: HashMap<EntryId, NaiveDate> = HashMap::new();
        for (id, day) in seen_in {
            let id = EntryId::try_from(format!("id-{id}").as_str()).unwrap();
            let day = start + chrono::Days::new(day);
            let holds = |first: NaiveDate| {
                files.get(&first).is_some_and(|ids| ids.contains(&id))
            };
            let found = first_seen.seen_before(&id, day, holds);
            proptest::prop_assert_eq!(found, oracle.get(&id).copied());
            oracle.entry(id.clone()).or_insert(day);
            files.entry(day).or_default().push(id.clone());
            let holds = |first: NaiveDate| {
                files.get(&first).is_some_and(|ids| ids.contains(&id))
            };
            proptest::prop_assert!(first_seen.seen_in_a_day(&id, holds));
        }
    }
}
