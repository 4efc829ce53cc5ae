//! Backups on real folders: an archive appears whole or not at all (a killed `closer backup`
//! leaves none half-written), restore into an empty folder gives back the same journal,
//! settings included, and restore into a journal merges by id without losing anything.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use closer::journal::Preferences;
use closer::store::backup::{self, Keep};
use closer::store::{Layout, Store, read_preferences};
use common::entry;

fn closer(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_closer"));
    cmd.args(args)
        .env_remove("CLOSER_DATA_DIR")
        .env("XDG_CONFIG_HOME", "/nonexistent-closer-test-config");
    cmd
}

/// A journal of `n` entries on `n / 2` days, with favourites and own triggers in its settings.
fn journal(root: &Path, n: u32) -> Store {
    let store = Store::open(root).unwrap();
    let entries: Vec<_> = (0..n)
        .map(|i| {
            let day = 1 + i / 2 % 28;
            let month = 1 + (i / 56) % 12;
            entry(
                &format!("2025-{month:02}-{day:02}T{:02}:00:00+01:00", 8 + i % 2 * 10),
                i,
            )
        })
        .collect();
    store.add_entries(entries).unwrap();
    store
        .save_preferences(&Preferences {
            favourites: vec!["active-listening".into()],
            custom_triggers: vec!["my sister's visit".into()],
            ..Preferences::default()
        })
        .unwrap();
    store
}

/// A backup of the journal at `root` into `dir` now, with the default rotation.
fn backup_now(root: &Path, dir: &Path) -> Result<backup::Written, closer::store::StoreError> {
    backup::write(
        &Layout::new(root),
        None,
        dir,
        chrono::Local::now().fixed_offset(),
        Keep::default(),
    )
}

fn export(root: &Path) -> serde_json::Value {
    let out = closer(&[
        "export",
        "--format",
        "json",
        "--data-dir",
        root.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v.as_object_mut().unwrap().remove("exported_at");
    v
}

#[test]
fn a_backup_is_private_listed_and_restores_into_an_empty_folder_as_the_same_journal() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let store = journal(&root, 40);
    let del = closer::store::scan(&Layout::new(&root)).entries[3].clone();
    store
        .delete_entry(del.date, &del.id, del.updated_at)
        .unwrap();
    drop(store);
    let backups = dir.path().join("backups");
    let written = backup_now(&root, &backups).unwrap();
    assert_eq!(written.manifest.entries, 39);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&written.path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "only the person can read a backup");
    }
    assert_eq!(backup::list(&backups).len(), 1);
    assert_eq!(backup::manifest_of(&written.path).unwrap().entries, 39);

    // Into an empty folder: the same journal, settings and trash included.
    let copy = dir.path().join("copy");
    let out = closer(&[
        "restore",
        written.path.to_str().unwrap(),
        "--data-dir",
        copy.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("Restored the journal as it was") && text.contains("39 added"),
        "{text}"
    );
    assert_eq!(export(&copy), export(&root), "the same entries");
    assert_eq!(
        read_preferences(&Layout::new(&copy)).unwrap(),
        read_preferences(&Layout::new(&root)).unwrap(),
        "the same settings: favourites and own triggers too"
    );
    assert_eq!(
        Store::open(&copy).unwrap().trash().len(),
        1,
        "the trash came back"
    );
}

#[test]
fn restore_into_a_journal_merges_by_id_keeps_the_newer_lists_changes_and_deletes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a");
    let store = journal(&a, 10);
    let backups = dir.path().join("backups");
    let archive = backup_now(&a, &backups).unwrap().path;
    // Since the backup: one entry edited (newer here), one deleted, one added.
    let entries = closer::store::scan(&Layout::new(&a)).entries;
    let mut edited = entries[0].clone();
    edited.notes = "edited after the backup".into();
    edited.updated_at += chrono::Duration::hours(1);
    store.save_entry(&edited).unwrap();
    let gone = entries[1].clone();
    store
        .delete_entry(gone.date, &gone.id, gone.updated_at)
        .unwrap();
    store
        .save_entry(&entry("2025-12-30T10:00:00+01:00", 99))
        .unwrap();
    drop(store);

    let dry = closer(&[
        "restore",
        archive.to_str().unwrap(),
        "--dry-run",
        "--data-dir",
        a.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    let text = String::from_utf8_lossy(&dry.stdout);
    assert!(dry.status.success(), "{text}");
    assert!(
        text.contains("Would merge") && text.contains("0 added") && text.contains("1 left out"),
        "{text}"
    );
    assert!(text.contains("Nothing was written"), "{text}");
    let before = export(&a);

    let out = closer(&[
        "restore",
        archive.to_str().unwrap(),
        "--data-dir",
        a.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    assert!(out.status.success());
    let after = export(&a);
    assert_eq!(
        before, after,
        "the newer edit, the deletion and the new entry all stand"
    );
    let text = serde_json::to_string(&after).unwrap();
    assert!(text.contains("edited after the backup"));
}

#[test]
fn a_killed_backup_leaves_no_half_archive_and_the_next_one_cleans_up() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    drop(journal(&root, 2000));
    let backups = dir.path().join("backups");
    for delay_ms in [0u64, 5, 20, 60, 150] {
        let mut child = closer(&[
            "backup",
            "--to",
            backups.to_str().unwrap(),
            "--data-dir",
            root.to_str().unwrap(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        // Whatever is there under an archive's name is a whole archive.
        for a in backup::list(&backups) {
            let m = backup::manifest_of(&a.path).unwrap();
            assert_eq!(m.entries, 2000, "{}", a.path.display());
            let bytes = fs::read(&a.path).unwrap();
            let mut tar = tar::Archive::new(flate2::read::GzDecoder::new(&bytes[..]));
            assert!(tar.entries().unwrap().all(|e| e.is_ok()), "a whole archive");
        }
    }
    // The next backup removes what a killed one left (a temporary file older than ten
    // minutes; a younger one may be another backup still writing, and is left to it).
    let old = backups.join(".closer-backup-killed.tmp");
    let young = backups.join(".closer-backup-writing.tmp");
    fs::write(&old, b"half").unwrap();
    fs::write(&young, b"half").unwrap();
    let touched = Command::new("touch")
        .args(["-d", "1 hour ago"])
        .arg(&old)
        .status()
        .unwrap();
    assert!(touched.success());
    backup_now(&root, &backups).unwrap();
    assert!(!old.exists(), "a killed backup's leftover is removed");
    assert!(
        young.exists(),
        "another backup's file in progress is left alone"
    );
}

#[test]
fn an_archive_that_is_not_a_backup_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let bogus = dir.path().join("not-a-backup.tar.gz");
    fs::write(&bogus, b"hello").unwrap();
    let root = dir.path().join("journal");
    let out = closer(&[
        "restore",
        bogus.to_str().unwrap(),
        "--data-dir",
        root.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not a closer backup"), "{err}");
    let day_files = fs::read_dir(root.join("entries"))
        .map(|r| r.count())
        .unwrap_or(0);
    assert_eq!(day_files, 0);
}

/// Issue 18, item 4: conflict copies from Syncthing, Dropbox, Nextcloud and Resilio are found
/// by doctor and merged into their day by `doctor --merge-conflicts`, each kept in the trash.
#[test]
fn sync_conflict_copies_are_found_merged_by_id_and_kept_in_the_trash() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let store = Store::open(&root).unwrap();
    let a = entry("2025-03-04T08:00:00+01:00", 1);
    let b = entry("2025-03-04T09:00:00+01:00", 2);
    let gone = entry("2025-03-04T10:00:00+01:00", 3);
    for e in [&a, &b, &gone] {
        store.save_entry(e).unwrap();
    }
    store
        .delete_entry(gone.date, &gone.id, gone.updated_at)
        .unwrap();
    drop(store);
    let day_dir = root.join("entries/2025");
    let copy = |name: &str, entries: Vec<closer::journal::Entry>| {
        let body = serde_json::json!({ "schema": 1, "date": "2025-03-04", "entries": entries });
        fs::write(
            day_dir.join(name),
            serde_json::to_vec_pretty(&body).unwrap(),
        )
        .unwrap();
    };
    let mut newer_a = a.clone();
    newer_a.notes = "written on the laptop, later".into();
    newer_a.updated_at += chrono::Duration::hours(2);
    let c = entry("2025-03-04T21:00:00+01:00", 4);
    let d = entry("2025-03-04T22:00:00+01:00", 5);
    let e = entry("2025-03-04T23:00:00+01:00", 6);
    copy(
        "2025-03-04.sync-conflict-20250304-220000-ABCDEFG.json",
        vec![newer_a.clone(), gone.clone()],
    );
    copy(
        "2025-03-04 (Sam's conflicted copy 2025-03-04).json",
        vec![c.clone()],
    );
    copy(
        "2025-03-04 (conflicted copy 2025-03-04 221500).json",
        vec![d.clone()],
    );
    copy("2025-03-04.Conflict.json", vec![e.clone()]);

    let out = closer(&["doctor", "--data-dir", root.to_str().unwrap()])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success());
    assert_eq!(text.matches("file-sync tool made").count(), 4, "{text}");
    assert!(text.contains("--merge-conflicts"), "{text}");

    let out = closer(&[
        "doctor",
        "--merge-conflicts",
        "--data-dir",
        root.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert_eq!(
        text.matches("The copy is kept in the trash").count(),
        4,
        "{text}"
    );
    assert!(text.contains("All is well"), "{text}");
    let entries = closer::store::scan(&Layout::new(&root)).entries;
    let ids: Vec<_> = entries.iter().map(|x| x.id.clone()).collect();
    assert_eq!(
        ids,
        [a.id.clone(), b.id.clone(), c.id, d.id, e.id],
        "the deleted one stays deleted"
    );
    assert_eq!(
        entries[0].notes, "written on the laptop, later",
        "the newer version wins"
    );
    let kept = fs::read_dir(root.join("trash/sync-conflicts"))
        .unwrap()
        .count();
    assert_eq!(kept, 4);
    assert!(
        fs::read_dir(&day_dir).unwrap().count() == 1,
        "only the day file is left"
    );
}

/// A data folder whose `entries/` is a link elsewhere is backed up whole (reading the journal
/// follows the link, so the backup does too).
#[cfg(unix)]
#[test]
fn a_linked_entries_folder_is_backed_up_not_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = dir.path().join("elsewhere");
    let root = dir.path().join("journal");
    drop(journal(&root, 6));
    fs::rename(root.join("entries"), &elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, root.join("entries")).unwrap();
    let written = backup_now(&root, &dir.path().join("backups")).unwrap();
    assert_eq!(written.manifest.entries, 6);
    let copy = dir.path().join("copy");
    let out = closer(&[
        "restore",
        written.path.to_str().unwrap(),
        "--data-dir",
        copy.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        closer::store::scan(&Layout::new(&copy)).entries.len(),
        6,
        "the entries are in the archive"
    );
}

/// An entry of 2025-05-05 with an open prediction to look back on the next day.
fn entry_with_a_prediction() -> closer::journal::Entry {
    let mut e = entry("2025-05-05T10:00:00+01:00", 1);
    e.predictions.push(closer::journal::Prediction {
        fear: "x".into(),
        likelihood: None,
        badness: None,
        look_back: "2025-05-06".parse().unwrap(),
        outcome: None,
    });
    e
}

/// The index `closer status` reads follows a day's open predictions through every change: a
/// save of another day leaves it be, an answer takes the day out, a prediction opened again
/// puts it back, and so do a delete and a restore.
#[test]
fn the_prediction_index_follows_a_days_open_predictions() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let store = Store::open(&root).unwrap();
    let today = "2025-06-01".parse().unwrap();
    let due = || Store::predictions_due_in(&Layout::new(&root), today);
    let mut e = entry_with_a_prediction();
    store.save_entry(&e).unwrap();
    assert_eq!(due(), 1);
    store
        .save_entry(&entry("2025-05-07T10:00:00+01:00", 2))
        .unwrap();
    assert_eq!(due(), 1, "another day's save");
    e.predictions[0].outcome = Some(closer::journal::PredictionOutcome {
        on: "2025-05-06".parse().unwrap(),
        result: closer::journal::PredictionResult::No,
        badness: None,
        instead: String::new(),
    });
    store.save_entry(&e).unwrap();
    assert_eq!(due(), 0, "answered");
    e.predictions[0].outcome = None;
    store.save_entry(&e).unwrap();
    assert_eq!(due(), 1, "open again");
    let trash = store.delete_entry(e.date, &e.id, e.updated_at).unwrap();
    assert_eq!(due(), 0, "deleted");
    store.restore(&trash).unwrap();
    assert_eq!(due(), 1, "restored");
}

/// An index that went wrong (a day listed whose predictions are gone, as a failed write of
/// the index leaves it) is mended from the journal as read, as closer does once it has read
/// it; a read-only store leaves it alone.
#[test]
fn a_wrong_prediction_index_is_mended_from_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let store = Store::open(&root).unwrap();
    let today = "2025-06-01".parse().unwrap();
    let due = || Store::predictions_due_in(&Layout::new(&root), today);
    let e = entry_with_a_prediction();
    store.save_entry(&e).unwrap();
    let index = Layout::new(&root).predictions_file();
    let right = std::fs::read(&index).unwrap();
    std::fs::write(
        &index,
        r#"{"schema": 1, "days": {"2025-01-01": ["2025-01-02"], "2025-05-05": ["2025-05-06"]}}"#,
    )
    .unwrap();
    assert_eq!(due(), 2);
    // A second closer on the same journal: read-only while the first holds it.
    let reader = Store::open(&root).unwrap();
    assert!(reader.read_only().is_some());
    reader.mend_prediction_index(&reader.load().entries);
    assert_eq!(due(), 2, "a read-only store writes nothing");
    store.mend_prediction_index(&store.load().entries);
    assert_eq!(due(), 1);
    assert_eq!(std::fs::read(&index).unwrap(), right);
    // Right already: left as it is.
    let before = std::fs::metadata(&index).unwrap().modified().unwrap();
    store.mend_prediction_index(&store.load().entries);
    assert_eq!(
        std::fs::metadata(&index).unwrap().modified().unwrap(),
        before
    );
}

/// Deleting the last entry of a day with an open prediction takes it out of the index that
/// `closer status` reads.
#[test]
fn the_prediction_index_forgets_a_day_emptied_by_a_delete() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let store = Store::open(&root).unwrap();
    let e = entry_with_a_prediction();
    store.save_entry(&e).unwrap();
    let today = "2025-06-01".parse().unwrap();
    assert_eq!(Store::predictions_due_in(&Layout::new(&root), today), 1);
    store.delete_entry(e.date, &e.id, e.updated_at).unwrap();
    assert_eq!(Store::predictions_due_in(&Layout::new(&root), today), 0);
}

const PASS: &str = "a long walk by the river";

/// Runs closer with `--passphrase-fd 0` and `stdin` on it; standard output and error together.
fn with_passphrase(args: &[&str], stdin: &str) -> (bool, String) {
    let all: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
    let out = common::spawn_with_passphrase(&all, stdin, &[])
        .wait_with_output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), text)
}

/// Runs closer (no passphrase); whether it succeeded, standard output and error together.
fn run(args: &[&str]) -> (bool, String) {
    let out = closer(args).stdin(Stdio::null()).output().unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), text)
}

/// A journal of `n` entries at `root`, encrypted with [`PASS`] by `closer encrypt`.
fn encrypted_journal(root: &Path, n: u32) {
    drop(journal(root, n));
    let (ok, text) = with_passphrase(
        &["encrypt", "--data-dir", root.to_str().unwrap()],
        // Twice, as a terminal asks for a new one.
        &format!("{PASS}\n{PASS}\n"),
    );
    assert!(ok, "{text}");
}

/// Case rl-04: a backup of an encrypted journal holds its entries, so neither the message
/// after it nor the list says "0 entries": locked, it names its day files and says the count
/// needs the passphrase; with the passphrase given, it counts them.
#[test]
fn an_encrypted_backup_never_says_it_holds_0_entries() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let data = root.to_str().unwrap();
    encrypted_journal(&root, 4);

    let (ok, text) = run(&["backup", "--data-dir", data]);
    assert!(ok, "{text}");
    assert!(!text.contains("0 entries"), "{text}");
    assert!(
        text.contains("Backed up 2 day files (encrypted: the entry count needs the passphrase)"),
        "{text}"
    );
    let (ok, list) = run(&["backups", "--data-dir", data]);
    assert!(ok, "{list}");
    assert!(!list.contains("0 entries"), "{list}");
    assert!(list.contains("2 day files, encrypted"), "{list}");
    assert!(
        list.contains("--passphrase-fd"),
        "says how to count: {list}"
    );
    let archive = backup::list(&dir.path().join("closer-backups"))
        .pop()
        .unwrap();
    let m = backup::manifest_of(&archive.path).unwrap();
    assert!(m.encrypted && !m.counted && m.day_files == 2, "{m:?}");

    // Unlocked in that process: counted.
    let (ok, text) = with_passphrase(&["backup", "--data-dir", data], &format!("{PASS}\n"));
    assert!(ok, "{text}");
    assert!(
        text.contains("Backed up 4 entries on 2 days (encrypted) into"),
        "{text}"
    );
    let (ok, list) = run(&["backups", "--data-dir", data]);
    assert!(ok, "{list}");
    assert!(list.contains("4 entries, encrypted"), "{list}");
    assert!(!list.contains("0 entries"), "{list}");
}

/// Two backups made in the same second each keep their own file: the second never replaces
/// the first.
#[test]
fn two_backups_in_the_same_second_both_survive() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let store = journal(&root, 4);
    let backups = dir.path().join("backups");
    let now = chrono::Local::now().fixed_offset();
    let write = || backup::write(&Layout::new(&root), None, &backups, now, Keep::default());
    let first = write().unwrap();
    store
        .save_entry(&entry("2025-12-30T10:00:00+01:00", 99))
        .unwrap();
    let second = write().unwrap();
    assert_ne!(first.path, second.path);
    assert!(first.removed.is_empty() && second.removed.is_empty());
    let listed = backup::list(&backups);
    assert_eq!(listed.len(), 2, "{listed:?}");
    assert_eq!(listed[1].path, second.path, "the newer one last");
    assert_eq!(backup::manifest_of(&first.path).unwrap().entries, 4);
    assert_eq!(backup::manifest_of(&second.path).unwrap().entries, 5);
    let third = write().unwrap();
    assert_eq!(backup::list(&backups).len(), 3);
    assert!(![&first.path, &second.path].contains(&&third.path));
}

/// Restoring an encrypted backup into a journal that is not encrypted would write its entries
/// in plain text: without --decrypt (and no terminal to ask on) it refuses, says what to do
/// and changes nothing; with --decrypt it restores, and says so.
#[test]
fn an_encrypted_backup_goes_into_a_plain_journal_only_with_decrypt() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    encrypted_journal(&root, 4);
    let written = backup_now(&root, &dir.path().join("backups")).unwrap();
    let archive = written.path.to_str().unwrap();
    let plain = dir.path().join("plain");
    let store = Store::open(&plain).unwrap();
    store
        .save_entry(&entry("2025-12-30T10:00:00+01:00", 99))
        .unwrap();
    drop(store);
    let data = plain.to_str().unwrap();
    let snapshot = || common::snapshot(&plain);
    let before = snapshot();

    let (ok, text) = with_passphrase(
        &["restore", archive, "--data-dir", data],
        &format!("{PASS}\n"),
    );
    assert!(!ok, "{text}");
    assert!(
        text.contains("plain text") && text.contains("--decrypt"),
        "{text}"
    );
    assert!(text.contains("Nothing was restored"), "{text}");
    assert_eq!(snapshot(), before, "nothing changed");

    let (ok, text) = with_passphrase(
        &["restore", archive, "--data-dir", data, "--dry-run"],
        &format!("{PASS}\n"),
    );
    assert!(ok, "{text}");
    assert!(
        text.contains("4 added") && text.contains("plain text"),
        "{text}"
    );
    assert_eq!(snapshot(), before, "a dry run changes nothing");

    let (ok, text) = with_passphrase(
        &["restore", archive, "--data-dir", data, "--decrypt"],
        &format!("{PASS}\n"),
    );
    assert!(ok, "{text}");
    assert!(
        text.contains("4 added") && text.contains("plain text"),
        "{text}"
    );
    assert_eq!(closer::store::scan(&Layout::new(&plain)).entries.len(), 5);
    assert!(!closer::store::crypto::is_encrypted(&Layout::new(&plain)));
}

/// The other way round: a plain backup into an encrypted journal needs no flag; what it adds
/// is encrypted as it is written, and closer says so.
#[test]
fn a_plain_backup_into_an_encrypted_journal_is_encrypted_as_it_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("plain");
    drop(journal(&plain, 4));
    let written = backup_now(&plain, &dir.path().join("backups")).unwrap();
    let root = dir.path().join("journal");
    encrypted_journal(&root, 2);
    let (ok, text) = with_passphrase(
        &[
            "restore",
            written.path.to_str().unwrap(),
            "--data-dir",
            root.to_str().unwrap(),
        ],
        &format!("{PASS}\n"),
    );
    assert!(ok, "{text}");
    assert!(text.contains("encrypted as this journal is"), "{text}");
    for p in common::files_under(&root.join("entries")) {
        if p.is_file() {
            assert!(
                closer::store::crypto::is_sealed(&fs::read(&p).unwrap()),
                "{}",
                p.display()
            );
        }
    }
}
