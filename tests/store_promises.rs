//! Each promise of DESIGN §4, on temp folders.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

mod common;

use std::fs;
use std::path::Path;

use closer::journal::{Entry, Mood, Perspective, Preferences};
use closer::store::{ProblemKind, ReadOnlyReason, Store, StoreError};
use common::{at, day, entry, files_under};

fn bytes(path: &Path) -> Vec<u8> {
    fs::read(path).unwrap()
}

#[test]
fn a_saved_entry_reads_back_identical() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let store = Store::open(&root).unwrap();
    let e = entry("2026-11-22T08:15:00+01:00", 1);
    store.save_entry(&e).unwrap();
    assert_eq!(store.day(e.date).unwrap(), vec![e.clone()]);
    let scan = store.load();
    assert_eq!(scan.entries, vec![e.clone()]);
    assert!(scan.problems.is_empty(), "{:?}", scan.problems);
    let path = root.join("entries/2026/2026-11-22.json");
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("\"schema\": 1"), "{text}");
    assert!(text.contains("\"date\": \"2026-11-22\""), "{text}");
}

#[test]
fn a_save_rewrites_only_the_day_it_touches() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    for (i, t) in ["2026-11-20T09:00:00+01:00", "2026-11-21T09:00:00+01:00"]
        .into_iter()
        .enumerate()
    {
        store.save_entry(&entry(t, i as u32)).unwrap();
    }
    let before: Vec<_> = files_under(dir.path())
        .into_iter()
        .filter(|p| p.is_file())
        .map(|p| {
            let m = fs::metadata(&p).unwrap();
            (p.clone(), bytes(&p), m.modified().unwrap(), inode(&m))
        })
        .collect();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let mut e = entry("2026-11-22T09:00:00+01:00", 9);
    store.save_entry(&e).unwrap();
    e.notes = "edited".into();
    store.save_entry(&e).unwrap();
    for (path, old, modified, ino) in before {
        let m = fs::metadata(&path).unwrap();
        assert_eq!(bytes(&path), old, "{} changed", path.display());
        assert_eq!(
            m.modified().unwrap(),
            modified,
            "{} rewritten",
            path.display()
        );
        assert_eq!(inode(&m), ino, "{} replaced", path.display());
    }
    assert_eq!(store.day(day("2026-11-22")).unwrap(), vec![e]);
}

#[cfg(unix)]
fn inode(m: &fs::Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt;
    m.ino()
}
#[cfg(not(unix))]
fn inode(_: &fs::Metadata) -> u64 {
    0
}

#[test]
fn several_entries_a_day_are_kept_in_order_and_edits_replace_by_id() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let late = entry("2026-11-22T21:00:00+01:00", 2);
    let early = entry("2026-11-22T07:00:00+01:00", 1);
    store.save_entry(&late).unwrap();
    store.save_entry(&early).unwrap();
    let mut edited = late.clone();
    edited.mood = Some(Mood::try_from(1u8).unwrap());
    edited.updated_at = at("2026-11-22T22:00:00+01:00");
    store.save_entry(&edited).unwrap();
    assert_eq!(store.day(day("2026-11-22")).unwrap(), vec![early, edited]);
}

#[test]
fn writes_leave_no_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    for i in 0..20 {
        store
            .save_entry(&entry("2026-11-22T09:00:00+01:00", i))
            .unwrap();
    }
    store
        .save_draft(
            &serde_json::json!({"x": 1}),
            at("2026-11-22T09:00:00+01:00"),
        )
        .unwrap();
    let names: Vec<String> = files_under(dir.path())
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !n.starts_with(".closer-tmp-")),
        "{names:?}"
    );
}

#[cfg(unix)]
#[test]
fn files_are_private_0600_and_folders_0700() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let store = Store::open(&root).unwrap();
    store
        .save_entry(&entry("2026-11-22T09:00:00+01:00", 1))
        .unwrap();
    store
        .save_draft(&serde_json::json!({}), at("2026-11-22T09:00:00+01:00"))
        .unwrap();
    store.save_preferences(&Preferences::default()).unwrap();
    let e = entry("2026-11-21T09:00:00+01:00", 2);
    store.save_entry(&e).unwrap();
    store
        .delete_entry(e.date, &e.id, at("2026-11-22T10:00:00+01:00"))
        .unwrap();
    for path in files_under(&root) {
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        let want = if path.is_dir() { 0o700 } else { 0o600 };
        assert_eq!(mode, want, "{}", path.display());
    }
    assert_eq!(
        fs::metadata(&root).unwrap().permissions().mode() & 0o777,
        0o700
    );
}

#[test]
fn a_second_instance_opens_read_only_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let first = Store::open(dir.path()).unwrap();
    let second = Store::open(dir.path()).unwrap();
    assert_eq!(first.read_only(), None);
    assert_eq!(second.read_only(), Some(ReadOnlyReason::AnotherInstance));
    let e = entry("2026-11-22T09:00:00+01:00", 1);
    let err = second.save_entry(&e).unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly(_)));
    assert!(
        err.to_string()
            .contains("another closer has this journal open"),
        "{err}"
    );
    // The first one still writes, and the second one can read what it wrote.
    first.save_entry(&e).unwrap();
    assert_eq!(second.load().entries, vec![e]);
    drop(first);
    let third = Store::open(dir.path()).unwrap();
    assert_eq!(third.read_only(), None, "the lock is released on close");
}

#[test]
fn a_folder_that_cannot_be_written_opens_read_only() {
    // The lock file cannot be opened for writing (here: a folder stands in its place), which
    // is what a read-only folder or disk looks like to closer, and works even as root.
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join(".lock")).unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert!(matches!(
        store.read_only(),
        Some(ReadOnlyReason::NotWritable(_))
    ));
    let err = store
        .save_entry(&entry("2026-11-22T09:00:00+01:00", 1))
        .unwrap_err();
    assert!(err.to_string().contains("cannot be written"), "{err}");
}

#[test]
fn a_folder_that_does_not_exist_yet_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("a/b/c");
    let store = Store::open(&root).unwrap();
    assert!(root.is_dir());
    store
        .save_entry(&entry("2026-11-22T09:00:00+01:00", 1))
        .unwrap();
}

#[test]
fn a_folder_that_cannot_be_created_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-folder");
    fs::write(&file, "x").unwrap();
    let err = Store::open(file.join("journal")).unwrap_err().to_string();
    assert!(err.contains("cannot create the data folder"), "{err}");
    assert!(err.contains("--data-dir"), "{err}");
}

#[test]
fn drafts_round_trip_and_discard() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let draft = serde_json::json!({"answer": "half a thought…", "step": 5});
    store
        .save_draft(&draft, at("2026-11-22T09:00:00+01:00"))
        .unwrap();
    assert!(dir.path().join("drafts/current.json").is_file());
    assert_eq!(
        store.load_draft::<serde_json::Value>().unwrap(),
        Some(draft)
    );
    store.discard_draft().unwrap();
    assert_eq!(store.load_draft::<serde_json::Value>().unwrap(), None);
    store.discard_draft().unwrap();
}

#[test]
fn an_unreadable_draft_is_reported_and_set_aside_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    fs::create_dir_all(dir.path().join("drafts")).unwrap();
    let path = dir.path().join("drafts/current.json");
    fs::write(&path, b"{\"schema\": 1, \"saved_at\": ").unwrap();
    let err = store.load_draft::<serde_json::Value>().unwrap_err();
    assert!(err.to_string().contains("current.json"), "{err}");
    let aside = store
        .set_aside_draft(at("2026-11-22T09:00:00+01:00"))
        .unwrap();
    assert_eq!(bytes(&aside), b"{\"schema\": 1, \"saved_at\": ");
    assert_eq!(store.load_draft::<serde_json::Value>().unwrap(), None);
}

#[test]
fn delete_moves_to_trash_and_restore_gives_back_the_day_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let a = entry("2026-11-22T08:00:00+01:00", 1);
    let b = entry("2026-11-22T12:00:00+01:00", 2);
    let c = entry("2026-11-22T20:00:00+01:00", 3);
    for e in [&a, &b, &c] {
        store.save_entry(e).unwrap();
    }
    let path = dir.path().join("entries/2026/2026-11-22.json");
    let before = bytes(&path);

    let trash = store
        .delete_entry(b.date, &b.id, at("2026-11-22T21:00:00+01:00"))
        .unwrap();
    assert_eq!(store.day(b.date).unwrap(), vec![a.clone(), c.clone()]);
    let items = store.trash();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].entry, b);
    assert_eq!(items[0].path, trash);

    let restored = store.restore(&trash).unwrap();
    assert_eq!(restored, b);
    assert_eq!(bytes(&path), before);
    assert!(store.trash().is_empty());
    assert!(!trash.exists());
}

#[test]
fn deleting_the_last_entry_of_a_day_removes_the_day_file_and_restore_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let a = entry("2026-11-22T08:00:00+01:00", 1);
    store.save_entry(&a).unwrap();
    let path = dir.path().join("entries/2026/2026-11-22.json");
    let before = bytes(&path);
    let trash = store
        .delete_entry(a.date, &a.id, at("2026-11-22T09:00:00+01:00"))
        .unwrap();
    assert!(!path.exists());
    assert!(store.load().entries.is_empty());
    store.restore(&trash).unwrap();
    assert_eq!(bytes(&path), before);
}

#[test]
fn deleting_a_missing_entry_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let a = entry("2026-11-22T08:00:00+01:00", 1);
    let err = store
        .delete_entry(a.date, &a.id, at("2026-11-22T09:00:00+01:00"))
        .unwrap_err();
    assert!(matches!(err, StoreError::NotFound { .. }), "{err}");
}

#[test]
fn purging_the_trash_removes_the_item_for_good() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let a = entry("2026-11-22T08:00:00+01:00", 1);
    store.save_entry(&a).unwrap();
    let trash = store
        .delete_entry(a.date, &a.id, at("2026-11-22T09:00:00+01:00"))
        .unwrap();
    store.purge(&trash).unwrap();
    assert!(store.trash().is_empty());
}

#[test]
fn preferences_round_trip_and_keep_unknown_fields() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert!(store.load_preferences().unwrap().is_first_run());
    fs::write(
        dir.path().join("state.json"),
        br#"{"schema": 1, "perspective": "partner-pulls-away", "later": {"k": true}}"#,
    )
    .unwrap();
    let mut prefs = store.load_preferences().unwrap();
    assert_eq!(prefs.perspective(), Some(Perspective::PartnerPullsAway));
    prefs.favourites.push("active-listening".into());
    store.save_preferences(&prefs).unwrap();
    let text = fs::read_to_string(dir.path().join("state.json")).unwrap();
    assert!(text.contains("\"later\""), "{text}");
    assert_eq!(store.load_preferences().unwrap(), prefs);
}

/// Writes `content` as the day file of `date` and returns its path.
fn plant(root: &Path, date: &str, content: &[u8]) -> std::path::PathBuf {
    let path = root.join(format!("entries/{}/{date}.json", &date[..4]));
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, content).unwrap();
    path
}

#[test]
fn damaged_and_newer_files_are_reported_never_overwritten_and_the_rest_works() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let good = entry("2026-11-20T09:00:00+01:00", 1);
    store.save_entry(&good).unwrap();

    let torn = b"{\n  \"schema\": 1,\n  \"date\": \"2026-11-21\",\n  \"entries\": [\n    {\"id\": \"x\", \"crea";
    let torn_path = plant(dir.path(), "2026-11-21", torn);
    let newer = br#"{"schema": 7, "date": "2026-11-22", "entries": [], "hologram": true}"#;
    let newer_path = plant(dir.path(), "2026-11-22", newer);
    let garbage = b"\x00\xff\xfe binary \x01";
    let garbage_path = plant(dir.path(), "2026-11-23", garbage);

    let scan = store.load();
    assert_eq!(scan.entries, vec![good.clone()], "the readable day loads");
    let kinds: Vec<_> = scan
        .problems
        .iter()
        .map(|p| (p.path.clone(), p.kind.clone()))
        .collect();
    assert!(
        kinds
            .iter()
            .any(|(p, k)| p == &torn_path && matches!(k, ProblemKind::Damaged { line: 5, .. })),
        "{kinds:?}"
    );
    assert!(
        kinds
            .iter()
            .any(|(p, k)| p == &newer_path && matches!(k, ProblemKind::NewerSchema { found: 7 })),
        "{kinds:?}"
    );
    assert!(
        kinds
            .iter()
            .any(|(p, k)| p == &garbage_path && matches!(k, ProblemKind::Damaged { .. })),
        "{kinds:?}"
    );

    // Saving into those days is refused, and the files stay byte-identical.
    for (when, path, original) in [
        ("2026-11-21T10:00:00+01:00", &torn_path, &torn[..]),
        ("2026-11-22T10:00:00+01:00", &newer_path, &newer[..]),
        ("2026-11-23T10:00:00+01:00", &garbage_path, &garbage[..]),
    ] {
        let err = store.save_entry(&entry(when, 5)).unwrap_err();
        assert!(matches!(err, StoreError::DayBlocked { .. }), "{err}");
        assert!(err.to_string().contains("closer doctor"), "{err}");
        assert_eq!(bytes(path), original);
    }
    // Other days still save.
    store
        .save_entry(&entry("2026-11-24T10:00:00+01:00", 6))
        .unwrap();
    assert_eq!(store.load().entries.len(), 2);
}

#[test]
fn an_entry_with_an_out_of_range_value_makes_its_file_reported_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut v = serde_json::to_value(entry("2026-11-21T09:00:00+01:00", 1)).unwrap();
    v["mood"] = 9.into();
    let body = serde_json::json!({"schema": 1, "date": "2026-11-21", "entries": [v]});
    let path = plant(
        dir.path(),
        "2026-11-21",
        serde_json::to_string_pretty(&body).unwrap().as_bytes(),
    );
    let scan = store.load();
    let p = scan
        .problems
        .iter()
        .find(|p| p.path == path && matches!(p.kind, ProblemKind::Damaged { .. }))
        .unwrap();
    assert!(
        p.reason().contains("mood must be between 1 and 5, not 9"),
        "{}",
        p.reason()
    );
}

#[test]
fn stray_temp_files_are_ignored_when_reading() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let good = entry("2026-11-20T09:00:00+01:00", 1);
    store.save_entry(&good).unwrap();
    let stray = dir.path().join("entries/2026/.closer-tmp-abc123.tmp");
    fs::write(&stray, b"{\"schema\": 1, \"date\": \"2026-11-2").unwrap();
    let scan = store.load();
    assert_eq!(scan.entries, vec![good]);
    assert!(
        scan.problems
            .iter()
            .all(|p| p.path != stray || p.kind == ProblemKind::LeftoverTemp)
    );
}

#[test]
fn an_entry_filed_under_another_day_and_a_duplicate_id_are_noticed() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let a: Entry = entry("2026-11-20T09:00:00+01:00", 1);
    store.save_entry(&a).unwrap();
    let body = serde_json::json!({"schema": 1, "date": "2026-11-21", "entries": [a]});
    let path = plant(
        dir.path(),
        "2026-11-21",
        serde_json::to_string(&body).unwrap().as_bytes(),
    );
    let scan = store.load();
    assert!(
        scan.problems
            .iter()
            .any(|p| p.path == path && matches!(p.kind, ProblemKind::WrongDay { .. }))
    );
    assert!(
        scan.problems
            .iter()
            .any(|p| p.path == path && matches!(p.kind, ProblemKind::DuplicateId { .. }))
    );
}

/// Case r10: a delete whose day write fails leaves nothing in the trash (the entry used to be in
/// both places, listed twice); and restoring a trash copy of an entry that is still in its day
/// removes the orphan copy instead of refusing.
#[test]
fn a_failed_delete_leaves_no_copy_in_the_trash_and_an_orphan_copy_restores() {
    use closer::store::fault::{self, Kind, Plan, Step};
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let a = entry("2026-11-29T09:00:00+01:00", 1);
    let b = entry("2026-11-29T20:00:00+01:00", 2);
    store.save_entry(&a).unwrap();
    store.save_entry(&b).unwrap();
    fault::inject(Some(Plan {
        file: "day".into(),
        step: Step::Write,
        kind: Kind::Full,
        count: 1,
    }));
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-30T10:00:00+01:00").unwrap();
    let failed = store.delete_entry(a.date, &a.id, now);
    fault::inject(None);
    assert!(failed.is_err());
    assert!(store.trash().is_empty(), "no orphan in the trash");
    assert_eq!(store.load().entries.len(), 2, "nothing changed");

    // An orphan left by an older closer: restoring it keeps one entry, and empties the trash.
    let path = store.delete_entry(a.date, &a.id, now).unwrap();
    let copy = fs::read(&path).unwrap();
    store.restore(&path).unwrap();
    fs::write(&path, copy).unwrap();
    assert_eq!(store.restore(&path).unwrap(), a);
    assert!(store.trash().is_empty());
    assert_eq!(store.load().entries.len(), 2);
}

/// Case b06: a day file that is a symbolic link is written through to its target (it used to
/// be replaced by a regular file, cutting the link silently); the link stays a link.
#[test]
fn a_symlinked_day_file_is_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let a = entry("2026-11-29T09:00:00+01:00", 1);
    store.save_entry(&a).unwrap();
    let day = store.layout().day_file(a.date);
    let target = elsewhere.path().join("kept-elsewhere.json");
    fs::rename(&day, &target).unwrap();
    std::os::unix::fs::symlink(&target, &day).unwrap();
    let b = entry("2026-11-29T20:00:00+01:00", 2);
    store.save_entry(&b).unwrap();
    assert!(fs::symlink_metadata(&day).unwrap().file_type().is_symlink());
    assert_eq!(store.load().entries.len(), 2);
    assert!(fs::read_to_string(&target).unwrap().contains(b.id.as_str()));
}

/// A delete whose day file was written but whose folder could not be flushed keeps the trash
/// copy: the day no longer has the entry, so the copy is the only place it is.
#[test]
fn a_delete_that_fails_after_the_day_was_written_keeps_the_trash_copy() {
    use closer::store::fault::{self, Kind, Plan, Step};
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let a = entry("2026-11-29T09:00:00+01:00", 1);
    let b = entry("2026-11-29T20:00:00+01:00", 2);
    store.save_entry(&a).unwrap();
    store.save_entry(&b).unwrap();
    fault::inject(Some(Plan {
        file: "day".into(),
        step: Step::SyncDir,
        kind: Kind::Io,
        count: 1,
    }));
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-30T10:00:00+01:00").unwrap();
    let failed = store.delete_entry(a.date, &a.id, now);
    fault::inject(None);
    assert!(failed.is_err());
    let in_days = store.load().entries;
    let in_trash = store.trash();
    assert_eq!(
        in_days.iter().filter(|e| e.id == a.id).count() + in_trash.len(),
        1,
        "the entry is in exactly one place"
    );
}

/// Issue 21: an import reports its progress day by day (the command line draws a bar from it
/// when the import takes more than a second), ending with every day done.
#[test]
fn adding_entries_reports_progress_day_by_day() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let entries = vec![
        entry("2026-11-20T08:00:00+01:00", 1),
        entry("2026-11-20T09:00:00+01:00", 2),
        entry("2026-11-21T08:00:00+01:00", 3),
        entry("2026-11-22T08:00:00+01:00", 4),
    ];
    let mut seen = Vec::new();
    let added = store
        .add_entries_with(entries, |done, total| seen.push((done, total)))
        .unwrap();
    assert_eq!(added, 4);
    assert_eq!(seen, [(0, 3), (1, 3), (2, 3), (3, 3)]);
}

/// A value of `T` read from `text` (a file's JSON, with its `schema`) and written again as
/// closer writes it: what a rewrite of such a file keeps.
fn rewritten<T: serde::Serialize + serde::de::DeserializeOwned>(text: &str) -> String {
    let path = Path::new("/x/file.json");
    let body: T = closer::store::envelope::decode(path, text.as_bytes()).unwrap();
    String::from_utf8(closer::store::envelope::encode_as(path, &body, 2).unwrap()).unwrap()
}

/// The JSON of an entry with a field closer does not know (`"weather"`).
const ENTRY: &str = r#"{"id":"20261201-080000-aaaa0001","created_at":"2026-12-01T08:00:00Z",
    "updated_at":"2026-12-01T08:00:00Z","date":"2026-12-01","perspective":"i-pull-away",
    "mood":3,"notes":"has extra field","weather":"rain"}"#;

/// Issue 37 item 3 (case bh-33): a field closer does not know, at the top of any file it
/// reads with a body (day, trash, inbox, draft, settings), is written back as it was, once,
/// and the `schema` version only once; inside an entry too.
#[test]
fn every_file_body_keeps_the_top_level_fields_closer_does_not_know() {
    use closer::store::scan::{DayBody, DraftBody, InboxBody, TrashBody};
    type Rewrite = fn(&str) -> String;
    let kinds: [(&str, String, Rewrite); 4] = [
        (
            "day file",
            format!(r#"{{"schema":1,"date":"2026-12-01","synced_by":"phone","entries":[{ENTRY}]}}"#),
            rewritten::<DayBody>,
        ),
        (
            "trash file",
            format!(
                r#"{{"schema":1,"deleted_at":"2026-12-02T08:00:00Z","synced_by":"phone","entry":{ENTRY}}}"#
            ),
            rewritten::<TrashBody>,
        ),
        (
            "inbox file",
            format!(r#"{{"schema":1,"synced_by":"phone","entry":{ENTRY}}}"#),
            rewritten::<InboxBody>,
        ),
        (
            "draft",
            r#"{"schema":1,"saved_at":"2026-12-02T08:00:00Z","synced_by":"phone","draft":{"weather":"rain"}}"#.to_owned(),
            rewritten::<DraftBody>,
        ),
    ];
    for (kind, text, rewrite) in kinds {
        let out = rewrite(&text);
        for field in [
            "\"synced_by\": \"phone\"",
            "\"weather\": \"rain\"",
            "\"schema\"",
        ] {
            assert_eq!(out.matches(field).count(), 1, "{kind}: {field} in {out}");
        }
    } // state.json, through the store (which reads the version apart from the preferences).
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    fs::write(
        dir.path().join("state.json"),
        br#"{"schema":1,"perspective":"i-pull-away","synced_by":"phone","weather":"rain"}"#,
    )
    .unwrap();
    let prefs = store.load_preferences().unwrap();
    store.save_preferences(&prefs).unwrap();
    let out = fs::read_to_string(dir.path().join("state.json")).unwrap();
    for field in [
        "\"synced_by\": \"phone\"",
        "\"weather\": \"rain\"",
        "\"schema\"",
    ] {
        assert_eq!(
            out.matches(field).count(),
            1,
            "state.json: {field} in {out}"
        );
    }
}

/// Issue 37 item 3 (case bh-33), through the store: a day file's unknown top-level field
/// stays through a save into that day, an import into it, and a delete from it; the file
/// stays one that reads without a problem.
#[test]
fn a_day_file_keeps_its_unknown_top_level_field_through_every_write() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let path = plant(
        dir.path(),
        "2026-12-01",
        format!(
            r#"{{"schema":1,"date":"2026-12-01","synced_by":"phone-app","entries":[{ENTRY}]}}"#
        )
        .as_bytes(),
    );
    let kept = |when: &str| {
        let text = fs::read_to_string(&path).unwrap();
        assert_eq!(text.matches("\"synced_by\"").count(), 1, "{when}: {text}");
        assert_eq!(text.matches("\"weather\"").count(), 1, "{when}: {text}");
        assert_eq!(text.matches("\"schema\"").count(), 1, "{when}: {text}");
    };
    let a = entry("2026-12-01T09:00:00+00:00", 1);
    store.save_entry(&a).unwrap();
    kept("after a save");
    let b = entry("2026-12-01T10:00:00+00:00", 2);
    store.add_entries(vec![b]).unwrap();
    kept("after an import");
    store
        .delete_entry(a.date, &a.id, at("2026-12-01T11:00:00+00:00"))
        .unwrap();
    kept("after a delete");
    let scan = store.load();
    assert_eq!(scan.entries.len(), 2);
    // The planted folders are not private; nothing else is a problem.
    let problems: Vec<_> = scan
        .problems
        .iter()
        .filter(|p| !matches!(p.kind, ProblemKind::Permissions { .. }))
        .collect();
    assert!(problems.is_empty(), "{problems:?}");
}

/// Issue 37 item 3: the draft keeps what closer does not know beside the check-in and inside
/// it when it is read and written again (a check-in resumed and saved as a draft).
#[test]
fn a_draft_keeps_unknown_fields_when_resumed_and_written_again() {
    use closer::journal::draft::CheckInDraft;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut draft = CheckInDraft::new(at("2026-12-01T08:00:00+00:00"), None);
    draft.notes = "half written".into();
    store
        .save_draft(&draft, at("2026-12-01T08:01:00+00:00"))
        .unwrap();
    let path = dir.path().join("drafts/current.json");
    let mut json: serde_json::Value = serde_json::from_slice(&bytes(&path)).unwrap();
    json["synced_by"] = "phone".into();
    json["draft"]["weather"] = "rain".into();
    fs::write(&path, serde_json::to_vec(&json).unwrap()).unwrap();
    let mut resumed: CheckInDraft = store.load_draft().unwrap().unwrap();
    resumed.notes.push_str(", and more");
    store
        .save_draft(&resumed, at("2026-12-01T08:02:00+00:00"))
        .unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("\"synced_by\": \"phone\""), "{text}");
    assert!(text.contains("\"weather\": \"rain\""), "{text}");
    assert!(text.contains("half written, and more"), "{text}");
}

/// Issue 37 item 3: the prediction index keeps a field closer does not know when it is
/// written again.
#[test]
fn the_prediction_index_keeps_unknown_fields_when_mended() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let path = dir.path().join("predictions.json");
    fs::write(
        &path,
        br#"{"schema":1,"days":{"2026-11-01":["2026-11-05"]},"synced_by":"phone"}"#,
    )
    .unwrap();
    // The journal holds no open prediction: the index is wrong, and written again.
    store.mend_prediction_index(&[]);
    let text = fs::read_to_string(&path).unwrap();
    assert!(!text.contains("2026-11-05"), "mended: {text}");
    assert!(text.contains("\"synced_by\": \"phone\""), "{text}");
}

/// This closer reads every schema it writes: a repair with both a strategy and own words is
/// schema 3, a debrief or a thought check schema 4, a bid, a time-out, a ladder or a
/// prediction of a ladder's step schema 5, an entry written later for an earlier day schema
/// 6; each day file carries its entry's schema and reads back whole, and an entry without
/// those stays at the schema an older closer reads.
#[test]
fn the_highest_schema_an_entry_needs_is_one_this_closer_reads() {
    use closer::journal::{Debrief, Episode, Name, Repair, ThoughtCheck};
    let mut e = common::entry("2026-11-20T09:00:00+01:00", 1);
    e.episodes.push(Episode {
        what: "a moment".into(),
        repair: Some(Repair::Both(
            Name::try_from("active-listening").unwrap(),
            "sorry".into(),
        )),
        ..Episode::default()
    });
    let mut debriefed = common::entry("2026-11-21T09:00:00+01:00", 2);
    debriefed.debriefs.push(Debrief {
        my_side: "I needed a minute".into(),
        ..Debrief::default()
    });
    let mut checked = common::entry("2026-11-22T09:00:00+01:00", 3);
    checked.thoughts.push(ThoughtCheck {
        thought: "they are bored of me".into(),
        ..ThoughtCheck::default()
    });
    assert_eq!(checked.schema(), 4);
    let mut turned = common::entry("2026-11-23T09:00:00+01:00", 4);
    turned.bids.push(closer::journal::Bid {
        kind: closer::journal::BidKind::Theirs,
        turn: Some(closer::journal::Turn::Toward),
        text: "she showed me a photo".into(),
        ..Default::default()
    });
    let mut climbed = common::entry("2026-11-24T09:00:00+01:00", 5);
    let mut step = common::entry("2026-11-24T09:00:00+01:00", 6).predictions;
    step.push(closer::journal::Prediction {
        fear: "they will laugh".into(),
        likelihood: None,
        badness: None,
        look_back: "2026-11-25".parse().unwrap(),
        outcome: None,
        step: Some(closer::journal::StepOf {
            ladder: "l-1".into(),
            step: "say I'm tired".into(),
            extra: Default::default(),
        }),
        extra: Default::default(),
    });
    climbed.predictions = step;
    assert_eq!(turned.schema(), 5);
    assert_eq!(climbed.schema(), 5);
    let mut later = common::entry("2026-11-25T09:00:00+01:00", 7);
    later.date = "2026-11-24".parse().unwrap();
    later.written_on = Some("2026-11-25".parse().unwrap());
    assert_eq!(later.schema(), closer::store::SCHEMA);
    let dir = tempfile::tempdir().unwrap();
    let store = closer::store::Store::open(dir.path()).unwrap();
    let layout = closer::store::Layout::new(dir.path());
    for (entry, schema) in [
        (&e, 3),
        (&debriefed, 4),
        (&checked, 4),
        (&turned, 5),
        (&climbed, 5),
        (&later, 6),
    ] {
        store.save_entry(entry).unwrap();
        let day = std::fs::read_to_string(layout.day_file(entry.date)).unwrap();
        let head = format!("{{\n  \"schema\": {schema},");
        assert!(day.starts_with(&head), "{day}");
    }
    assert_eq!(
        closer::store::scan(&layout).entries,
        [e, debriefed, checked, turned, climbed, later]
    );
}

/// Issue 37 item 3, inside an entry: a field closer does not know in a trigger, an answer, a
/// strategy, a moment, a prediction and what came of it stays through a save of another entry
/// of that day, and through an edit of the entry (its draft written, read back and saved).
#[test]
fn unknown_fields_inside_an_entry_stay_through_a_save_and_an_edit() {
    use closer::journal::draft::CheckInDraft;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let inner = r#"{"id":"20261201-080000-aaaa0002","created_at":"2026-12-01T08:00:00Z",
        "updated_at":"2026-12-01T08:00:00Z","date":"2026-12-01","mood":3,
        "triggers":[{"id":"fear-of-intimacy","intensity":3,"felt_in":"trigger-x"},
                    {"custom":"the call","felt_in":"trigger-y"}],
        "responses":[{"prompt_id":"foi-1","prompt":"What felt risky?","answer":"saying it",
                      "voice_memo":"response-x"}],
        "strategies":[{"id":"active-listening","planned":true,"reminder":"strategy-x"}],
        "episodes":[{"what":"a quiet dinner","ended":"closer","where":"moment-x"}],
        "predictions":[{"fear":"they will leave","look_back":"2026-12-02","certainty":"prediction-x",
                        "outcome":{"on":"2026-12-02","result":"no","felt":"outcome-x"}}]}"#;
    let path = plant(
        dir.path(),
        "2026-12-01",
        format!(r#"{{"schema":2,"date":"2026-12-01","entries":[{inner}]}}"#).as_bytes(),
    );
    let marks = [
        "\"felt_in\": \"trigger-x\"",
        "\"felt_in\": \"trigger-y\"",
        "\"voice_memo\": \"response-x\"",
        "\"reminder\": \"strategy-x\"",
        "\"where\": \"moment-x\"",
        "\"certainty\": \"prediction-x\"",
        "\"felt\": \"outcome-x\"",
    ];
    let kept = |when: &str| {
        let text = fs::read_to_string(&path).unwrap();
        for mark in marks {
            assert_eq!(text.matches(mark).count(), 1, "{when}: {mark} in {text}");
        }
    };

    store
        .save_entry(&entry("2026-12-01T09:00:00+00:00", 1))
        .unwrap();
    kept("after a save of another entry of that day");

    let date = "2026-12-01".parse().unwrap();
    let stored = store
        .day(date)
        .unwrap()
        .into_iter()
        .find(|e| e.id.as_str() == "20261201-080000-aaaa0002")
        .unwrap();
    let mut draft = CheckInDraft::editing(&stored, at("2026-12-03T08:00:00+00:00"));
    draft.notes = "edited".into();
    store
        .save_draft(&draft, at("2026-12-03T08:01:00+00:00"))
        .unwrap();
    let resumed: CheckInDraft = store.load_draft().unwrap().unwrap();
    assert_eq!(resumed, draft, "the draft reads back as it was written");
    let edited = resumed.finish(at("2026-12-03T08:02:00+00:00"));
    store.save_entry(&edited).unwrap();
    kept("after an edit");
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("\"notes\": \"edited\""), "{text}");

    // The file still reads whole, with both entries, and without a problem.
    let scan = store.load();
    assert_eq!(scan.entries.len(), 2);
    let problems: Vec<_> = scan
        .problems
        .iter()
        .filter(|p| !matches!(p.kind, ProblemKind::Permissions { .. }))
        .collect();
    assert!(problems.is_empty(), "{problems:?}");
}

/// Issue 32: the draft holds an entry now; a `drafts/current.json` written before that (these
/// two files were written by closer as it was then) reads as the same check-in, and writing
/// it again gives the same bytes.
#[test]
fn a_draft_written_before_it_held_an_entry_reads_and_writes_the_same() {
    use closer::journal::draft::{CheckInDraft, EditTarget, Step};
    use closer::journal::{Entry, EntryId, Perspective};
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/drafts");
    let read = |name: &str| {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let original = fs::read(data.join(name)).unwrap();
        fs::create_dir_all(dir.path().join("drafts")).unwrap();
        fs::write(dir.path().join("drafts/current.json"), &original).unwrap();
        let draft: CheckInDraft = store.load_draft().unwrap().unwrap();
        store
            .save_draft(&draft, at("2026-12-01T10:00:00+01:00"))
            .unwrap();
        let again = fs::read(dir.path().join("drafts/current.json")).unwrap();
        assert_eq!(
            String::from_utf8(again).unwrap(),
            String::from_utf8(original).unwrap(),
            "{name} is written as it was"
        );
        draft
    };

    // An edit: the entry's unknown fields nested under `extra`, the draft's own beside it.
    let edit = read("edit.json");
    let created = at("2026-11-20T08:00:00+01:00");
    let mut entry = Entry::new(
        EntryId::try_from("20261120-080000-1".to_owned()).unwrap(),
        created,
    );
    entry
        .extra
        .insert("future".into(), serde_json::json!({"x": [1, 2]}));
    entry.extra.insert("voice".into(), "memo.ogg".into());
    let mut expected = CheckInDraft::editing(&entry, at("2026-12-01T09:30:00+01:00"));
    expected
        .unknown
        .insert("weather".into(), serde_json::json!("rain"));
    assert_eq!(edit, expected);
    assert!(edit.is_edit());
    assert_eq!(edit.finish(created).created_at, created);

    // A new check-in with every part, on Reflect's second question, one answer in `$EDITOR`.
    let new = read("new.json");
    assert!(!new.is_edit());
    assert_eq!(new.id.as_str(), "20261201-080000-7");
    assert_eq!(new.date, day("2026-12-01"));
    assert_eq!(new.started_at, at("2026-12-01T08:00:00+01:00"));
    assert_eq!((new.step, new.at), (Step::Reflect, 1));
    assert_eq!(new.perspective, Some(Perspective::IPullAway));
    assert_eq!(new.mood.map(Mood::get), Some(2));
    assert_eq!(new.closeness.map(|c| c.get()), Some(4));
    assert_eq!(new.emotions, ["lonely", "wistful"]);
    assert_eq!(new.triggers.len(), 2);
    assert_eq!(new.triggers[0].note, "after the call");
    assert_eq!(new.behaviours[0].as_str(), "withdrawing");
    assert_eq!(new.responses.len(), 2);
    assert_eq!(new.strategies.len(), 2);
    assert_eq!(new.notes, "ünïcödé ✓ 🌱\nline two");
    assert_eq!(new.tags, ["work", "weekend"]);
    assert_eq!(new.episodes[0].what, "a quiet dinner");
    assert_eq!(new.predictions[0].fear, "they will say no");
    assert_eq!(
        new.in_editor.as_ref().map(|e| (e.file.as_str(), e.target)),
        Some(("edit-1.txt", EditTarget::Answer(0)))
    );
    assert!(new.extra.is_empty() && new.unknown.is_empty());
    let saved = new.finish(at("2026-12-01T10:00:00+01:00"));
    assert_eq!(
        saved.responses.len(),
        1,
        "the unanswered question is not kept"
    );
    assert_eq!(saved.created_at, at("2026-12-01T10:00:00+01:00"));
}
