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
        .env_remove("CLOSER_CONFIG")
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

/// The files of the folder `root` (but the lock), by their path in it, with their bytes.
fn files_under(root: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut todo = vec![root.to_owned()];
    while let Some(dir) = todo.pop() {
        for f in fs::read_dir(&dir).unwrap() {
            let path = f.unwrap().path();
            if path.is_dir() {
                todo.push(path);
            } else if path.file_name().is_some_and(|n| n != ".lock") {
                let name = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.insert(name, fs::read(&path).unwrap());
            }
        }
    }
    out
}

/// A backup compressed on every core (in blocks, many here) is still one standard `.tar.gz`:
/// the system's `tar -xzf` unpacks the data folder from it file for file, and closer's own
/// restore reads it.
#[test]
fn a_backup_is_a_standard_tar_gz_that_tar_unpacks_file_for_file() {
    let tar_there = Command::new("tar").arg("--version").output().is_ok();
    if !tar_there {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "the system's tar is needed, and CI=true requires it"
        );
        eprintln!("\n*** SKIPPED: the system's tar is missing ***\n");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let store = Store::open(&root).unwrap();
    // Notes that do not compress away, so the archive spans many of the compressor's blocks.
    let entries: Vec<_> = (0..600u32)
        .map(|i| {
            let mut e = entry(
                &format!(
                    "2025-{:02}-{:02}T09:00:00+01:00",
                    1 + i / 28 % 12,
                    1 + i % 28
                ),
                i,
            );
            e.notes = (0..200u32)
                .map(|k| format!("{:x}", (u64::from(i) * 7919 + u64::from(k)) * 2_654_435_761))
                .collect::<Vec<_>>()
                .join(" ");
            e
        })
        .collect();
    store.add_entries(entries).unwrap();
    drop(store);
    let written = backup_now(&root, &dir.path().join("backups")).unwrap();
    assert_eq!(written.manifest.entries, 600);
    let bytes: usize = files_under(&root).values().map(Vec::len).sum();
    assert!(
        bytes > 1 << 20,
        "more than a few blocks of 128 KiB: {bytes}"
    );
    let out = dir.path().join("unpacked");
    fs::create_dir(&out).unwrap();
    let status = Command::new("tar")
        .arg("-xzf")
        .arg(&written.path)
        .arg("-C")
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success(), "tar -xzf failed");
    assert_eq!(files_under(&out.join("data")), files_under(&root));
    assert!(out.join("manifest.json").is_file());
    let unpacked = backup::read_archive(&written.path).unwrap();
    assert_eq!(unpacked.manifest().entries, 600);
    // Restored into an empty folder a window of days at a time (336 days: more than one
    // window), it is the same journal, file for file.
    let copy = dir.path().join("copy");
    let (ok, text) = run(&[
        "restore",
        written.path.to_str().unwrap(),
        "--data-dir",
        copy.to_str().unwrap(),
    ]);
    assert!(ok && text.contains("600 added"), "{text}");
    assert_eq!(files_under(&copy), files_under(&root));
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
    assert!(
        entries[0].notes.contains("written on the laptop, later"),
        "the copy's words are kept: {}",
        entries[0].notes
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
        step: None,
        fear: "x".into(),
        likelihood: None,
        badness: None,
        look_back: "2025-05-06".parse().unwrap(),
        outcome: None,
        extra: Default::default(),
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
        extra: Default::default(),
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

// Issue 31, item 3: backups are verified end to end (cases bh-45 and rl-05).

/// A folder on a RAM disk when there is one: the bit-flip sweep restores many times.
fn fast_tempdir() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    if shm.is_dir()
        && let Ok(dir) = tempfile::tempdir_in(shm)
    {
        return dir;
    }
    tempfile::tempdir().unwrap()
}

/// What a journal holds: its entries, settings and how many trash records.
type Held = (Vec<closer::journal::Entry>, Preferences, usize);

fn held(root: &Path) -> Held {
    let layout = Layout::new(root);
    (
        closer::store::scan(&layout).entries,
        read_preferences(&layout).unwrap(),
        Store::open(root).unwrap().trash().len(),
    )
}

/// Restores `archive` into a new journal at `root` in this process (the library, as `closer
/// restore` does): what the journal then holds, or the error's words.
fn restore_here(archive: &Path, root: &Path) -> Result<Held, String> {
    let store = Store::open(root).unwrap();
    backup::restore(&store, archive, None, false, None, &mut |_| true)
        .map_err(|e| e.to_string())?;
    drop(store);
    Ok(held(root))
}

/// Case bh-45: one bit flipped in any byte of a small backup (a bit a byte, each bit position
/// in turn) is refused as damaged, or, where gzip keeps what the flip changed out of the
/// data (the time in its header), restores exactly the journal backed up. Never a restore
/// with changed words, and a refused one writes nothing.
#[test]
fn a_backup_with_any_one_bit_flipped_is_refused_or_restores_the_same_journal() {
    let dir = fast_tempdir();
    let root = dir.path().join("journal");
    let store = journal(&root, 3);
    let first = closer::store::scan(&Layout::new(&root)).entries[0].clone();
    store
        .delete_entry(first.date, &first.id, first.updated_at)
        .unwrap();
    drop(store);
    let written = backup_now(&root, &dir.path().join("backups")).unwrap();
    let good = fs::read(&written.path).unwrap();
    assert!(good.len() < 4000, "a small backup: {} bytes", good.len());
    let expected = restore_here(&written.path, &dir.path().join("good")).unwrap();
    assert_eq!((expected.0.len(), expected.2), (2, 1), "entries and trash");

    let flipped = dir.path().join("flipped.tar.gz");
    let (mut refused, mut changed, mut unclear) = (0, Vec::new(), Vec::new());
    for i in 0..good.len() {
        let mut bad = good.clone();
        bad[i] ^= 1 << (i % 8);
        fs::write(&flipped, &bad).unwrap();
        let target = dir.path().join(format!("flip-{i}"));
        match restore_here(&flipped, &target) {
            Ok(got) if got == expected => {}
            Ok(_) => changed.push(i),
            Err(e) => {
                refused += 1;
                if !(e.contains("is damaged: ") || e.contains("not a closer backup"))
                    || !e.contains("othing was restored")
                {
                    unclear.push((i, e));
                }
                let after = held(&target);
                assert!(
                    after.0.is_empty() && after.2 == 0,
                    "byte {i}: refused, and yet something was written"
                );
            }
        }
        fs::remove_dir_all(&target).unwrap();
    }
    assert!(
        changed.is_empty(),
        "restored with changed content after a bit flip in bytes {changed:?} (of {})",
        good.len()
    );
    assert!(
        unclear.is_empty(),
        "refused without saying why: {unclear:?}"
    );
    // Only the header's time, flags gzip ignores and the like restore: nearly all are refused.
    assert!(
        refused + 16 >= good.len(),
        "{refused} of {} refused",
        good.len()
    );
}

/// Case bh-45: a backup cut short by its last 1 to 8 bytes (gzip's checksum and size) is
/// refused, and neither restoring it nor a dry run creates the data folder.
#[test]
fn a_backup_cut_short_is_refused_and_nothing_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    drop(journal(&root, 3));
    let written = backup_now(&root, &dir.path().join("backups")).unwrap();
    let good = fs::read(&written.path).unwrap();
    let short = dir.path().join("short.tar.gz");
    for cut in 1..=8 {
        fs::write(&short, &good[..good.len() - cut]).unwrap();
        for dry_run in [false, true] {
            let target = dir.path().join(format!("cut-{cut}-{dry_run}"));
            let mut args = vec![
                "restore",
                short.to_str().unwrap(),
                "--data-dir",
                target.to_str().unwrap(),
            ];
            if dry_run {
                args.push("--dry-run");
            }
            let (ok, text) = run(&args);
            assert!(!ok, "cut by {cut}: {text}");
            assert!(
                text.contains("is damaged: it is cut short")
                    && text.contains("nothing was restored"),
                "cut by {cut}: {text}"
            );
            assert!(
                !target.exists(),
                "cut by {cut}: the data folder was created"
            );
        }
    }
    // The whole one restores.
    let target = dir.path().join("whole");
    let (ok, text) = run(&[
        "restore",
        written.path.to_str().unwrap(),
        "--data-dir",
        target.to_str().unwrap(),
    ]);
    assert!(ok && text.contains("3 added"), "{text}");
}

/// `closer backups` reads each backup to its end and checks it: a damaged one is marked, with
/// what is wrong, and the whole ones are listed as always.
#[test]
fn closer_backups_checks_each_backup_and_names_a_damaged_one() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    drop(journal(&root, 3));
    let backups = dir.path().join("closer-backups");
    let now = chrono::Local::now().fixed_offset();
    let write = |at| backup::write(&Layout::new(&root), None, &backups, at, Keep::default());
    let older = write(now - chrono::Duration::days(1)).unwrap();
    write(now).unwrap();
    // One bit of its CRC-32 flipped: `gzip -t` refuses it, and so must closer.
    let mut bytes = fs::read(&older.path).unwrap();
    let at = bytes.len() - 6;
    bytes[at] ^= 0x10;
    fs::write(&older.path, &bytes).unwrap();
    let (ok, text) = run(&["backups", "--data-dir", root.to_str().unwrap()]);
    assert!(ok, "{text}");
    let name = older.path.file_name().unwrap().to_str().unwrap();
    let row = text.lines().find(|l| l.ends_with(name)).unwrap();
    assert!(row.contains("damaged"), "{text}");
    assert!(
        text.contains(&format!(
            "{name}: the compressed data does not match its checksum."
        )),
        "{text}"
    );
    assert_eq!(text.matches("3 entries").count(), 1, "{text}");
    assert!(backup::manifest_of(&older.path).is_err());
}

/// A dry run reads and checks the archive without writing any of it to disk, and into a
/// folder that is not there, does not create it.
#[test]
fn a_dry_run_writes_nothing_and_creates_no_folder() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    drop(journal(&root, 3));
    let written = backup_now(&root, &dir.path().join("backups")).unwrap();
    let target = dir.path().join("new");
    let listing = || {
        let mut names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        names
    };
    let before = listing();
    let (ok, text) = run(&[
        "restore",
        written.path.to_str().unwrap(),
        "--data-dir",
        target.to_str().unwrap(),
        "--dry-run",
    ]);
    assert!(ok, "{text}");
    assert!(
        text.contains("Would restore the journal as it was")
            && text.contains("3 added")
            && text.contains("settings (state.json) would be put back")
            && text.contains("Nothing was written (--dry-run)"),
        "{text}"
    );
    assert!(!target.exists(), "a dry run created the data folder");
    assert_eq!(listing(), before, "a dry run wrote beside it");
}

/// An archive that looks like a backup of an earlier closer (its manifest first) and holds a
/// day file of `bytes` spaces: a "gzip bomb" of about a thousandth of its size.
fn bomb(path: &Path, bytes: u64) {
    let file = fs::File::create(path).unwrap();
    let mut tar = tar::Builder::new(flate2::write::GzEncoder::new(
        file,
        flate2::Compression::best(),
    ));
    let manifest = br#"{"made_at": "2026-11-30T09:15:00+01:00", "entries": 1, "days": 1,
                        "closer": "0.1.0"}"#;
    let mut header = tar::Header::new_gnu();
    header.set_size(manifest.len() as u64);
    header.set_mode(0o600);
    header.set_cksum();
    tar.append_data(&mut header, "manifest.json", &manifest[..])
        .unwrap();
    let mut header = tar::Header::new_gnu();
    header.set_size(bytes);
    header.set_mode(0o600);
    header.set_cksum();
    tar.append_data(
        &mut header,
        "data/entries/2026/2026-11-30.json",
        std::io::Read::take(std::io::repeat(b' '), bytes),
    )
    .unwrap();
    tar.into_inner().unwrap().finish().unwrap();
}

/// A "gzip bomb" (an archive that unpacks to far more than a backup of its size holds) is
/// refused before anything is written or the data folder created; so is one whose last bytes
/// say less than it unpacks to, as soon as it unpacks more.
#[test]
fn a_gzip_bomb_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("closer-backup-2026-11-30T091500.tar.gz");
    bomb(&archive, 80 << 20);
    let compressed = fs::metadata(&archive).unwrap().len();
    assert!(compressed < 1 << 20, "{compressed}");
    let listing = || fs::read_dir(dir.path()).unwrap().count();
    let before = listing();
    for dry_run in [true, false] {
        let started = std::time::Instant::now();
        let target = dir.path().join("journal");
        let mut args = vec![
            "restore",
            archive.to_str().unwrap(),
            "--data-dir",
            target.to_str().unwrap(),
        ];
        if dry_run {
            args.push("--dry-run");
        }
        let (ok, text) = run(&args);
        assert!(!ok, "{text}");
        assert!(
            text.contains("it unpacks to more than 67.1 MB, far more than a backup of ")
                && text.contains("nothing was restored"),
            "{text}"
        );
        assert!(!target.exists(), "the data folder was created");
        assert_eq!(listing(), before, "something was written beside it");
        // Refused from the size its tar header says, not after unpacking 80 MB.
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );
    }
    // Of many files, each of a size a day file may have: refused at the header of the first
    // one past what it may unpack to, before that one is read.
    let many = dir.path().join("many.tar.gz");
    let file = fs::File::create(&many).unwrap();
    let mut tar = tar::Builder::new(flate2::write::GzEncoder::new(
        file,
        flate2::Compression::best(),
    ));
    for day in 1..=90 {
        let mut header = tar::Header::new_gnu();
        header.set_size(1 << 20);
        header.set_mode(0o600);
        header.set_cksum();
        tar.append_data(
            &mut header,
            format!(
                "data/entries/2026/2026-{:02}-{:02}.json",
                1 + day / 28,
                1 + day % 28
            ),
            std::io::Read::take(std::io::repeat(b' '), 1 << 20),
        )
        .unwrap();
    }
    tar.into_inner().unwrap().finish().unwrap();
    let target = dir.path().join("journal");
    let (ok, text) = run(&[
        "restore",
        many.to_str().unwrap(),
        "--data-dir",
        target.to_str().unwrap(),
    ]);
    assert!(!ok, "{text}");
    assert!(
        text.contains("far more than a backup of") && text.contains("nothing was restored"),
        "{text}"
    );
    assert!(!target.exists());
}

/// Case rl-05 (a): restoring a whole backup onto a full disk says the disk is full, not that
/// the backup is damaged.
#[test]
fn a_restore_onto_a_full_disk_says_the_disk_is_full() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    drop(journal(&root, 6));
    let written = backup_now(&root, &dir.path().join("backups")).unwrap();
    let Some(disk) = common::needs::tmpfs(
        &dir.path().join("mnt"),
        "64k",
        "for a restore onto a full disk",
    ) else {
        return;
    };
    let mnt = disk.path.clone();
    disk.fill();
    for dry_run in [true, false] {
        let target = mnt.join("journal");
        let mut args = vec![
            "restore",
            written.path.to_str().unwrap(),
            "--data-dir",
            target.to_str().unwrap(),
        ];
        if dry_run {
            args.push("--dry-run");
        }
        let (ok, text) = run(&args);
        if dry_run {
            // Nothing written, so nothing to fail.
            assert!(ok && text.contains("Would restore"), "{text}");
            continue;
        }
        assert!(!ok, "{text}");
        assert!(text.contains("the disk is full"), "{text}");
        assert!(
            !text.contains("damaged"),
            "a whole backup called damaged: {text}"
        );
        assert!(text.contains("The backup is whole"), "{text}");
    }
}

fn mode_of(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Case rl-05 (b): restored under umask 0277 (as a person who is not root: root writes into a
/// folder it cannot write anyway), the journal comes back whole, files 0600 and folders 0700.
#[test]
fn a_restore_under_a_strict_umask_works_with_files_0600_and_folders_0700() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    drop(journal(&root, 6));
    let written = backup_now(&root, &dir.path().join("backups")).unwrap();
    // Where another user can read the backup and write the journal.
    let work = dir.path().join("work");
    fs::create_dir(&work).unwrap();
    for (p, mode) in [
        (dir.path(), 0o755),
        (&dir.path().join("backups"), 0o755),
        (&written.path, 0o644),
        (&work, 0o777),
    ] {
        fs::set_permissions(p, fs::Permissions::from_mode(mode)).unwrap();
    }
    let target = work.join("journal");
    let mut cmd = if rustix::process::geteuid().is_root() {
        // As nobody.
        let mut cmd = Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups", "sh"]);
        cmd
    } else {
        Command::new("sh")
    };
    let out = cmd
        .args(["-c", "umask 0277; exec \"$0\" \"$@\""])
        .arg(env!("CARGO_BIN_EXE_closer"))
        .args(["restore", written.path.to_str().unwrap(), "--data-dir"])
        .arg(&target)
        .env_remove("CLOSER_DATA_DIR")
        .env_remove("CLOSER_CONFIG")
        .env("XDG_CONFIG_HOME", "/nonexistent-closer-test-config")
        .env("HOME", &work)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("Restored the journal as it was") && text.contains("6 added"),
        "{text}"
    );
    assert!(!text.contains("damaged"), "{text}");
    assert_eq!(mode_of(&target), 0o700);
    let mut files = 0;
    for p in common::files_under(&target) {
        let want = if p.is_dir() { 0o700 } else { 0o600 };
        assert_eq!(mode_of(&p), want, "{}", p.display());
        files += usize::from(p.is_file());
    }
    assert!(files >= 4, "{files}");
    // And it is the journal backed up.
    fs::set_permissions(&work, fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(export(&target), export(&root));
}

/// A backup made by an earlier closer (its manifest first, without sizes or SHA-256) is still
/// restored, the journal as it was, once its gzip checksum is right.
#[test]
fn a_backup_of_an_earlier_closer_is_still_restored() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    drop(journal(&root, 4));
    let written = backup_now(&root, &dir.path().join("backups")).unwrap();
    // Every file of it, day files included (`files()` holds all but those).
    let mut files = Vec::new();
    let mut tar = tar::Archive::new(flate2::read::GzDecoder::new(
        fs::File::open(&written.path).unwrap(),
    ));
    for member in tar.entries().unwrap() {
        let mut member = member.unwrap();
        let name = member.path().unwrap().to_string_lossy().into_owned();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut member, &mut bytes).unwrap();
        if name != "manifest.json" {
            files.push((name, bytes));
        }
    }
    // The same files, as an earlier closer wrote them.
    let old = dir.path().join("closer-backup-2025-11-30T091500.tar.gz");
    let mut tar = tar::Builder::new(flate2::write::GzEncoder::new(
        fs::File::create(&old).unwrap(),
        flate2::Compression::default(),
    ));
    let manifest = br#"{"made_at": "2025-11-30T09:15:00+01:00", "entries": 4, "days": 2,
                        "closer": "0.1.0"}"#;
    let members = std::iter::once(("manifest.json".to_owned(), manifest.to_vec())).chain(files);
    for (name, bytes) in members {
        let mut header = tar::Header::new_gnu();
        header.set_size(bytes.len() as u64);
        header.set_mode(0o600);
        header.set_cksum();
        tar.append_data(&mut header, name, &bytes[..]).unwrap();
    }
    tar.into_inner().unwrap().finish().unwrap();
    let m = backup::manifest_of(&old).unwrap();
    assert!(m.sums.is_empty() && m.entries == 4, "{m:?}");
    let copy = dir.path().join("copy");
    let (ok, text) = run(&[
        "restore",
        old.to_str().unwrap(),
        "--data-dir",
        copy.to_str().unwrap(),
    ]);
    assert!(ok && text.contains("4 added"), "{text}");
    assert_eq!(export(&copy), export(&root));
    // One bit changed in it: refused by the gzip checksum alone.
    let mut bytes = fs::read(&old).unwrap();
    let n = bytes.len();
    bytes[n / 2] ^= 0x08;
    fs::write(&old, &bytes).unwrap();
    let (ok, text) = run(&[
        "restore",
        old.to_str().unwrap(),
        "--data-dir",
        dir.path().join("other").to_str().unwrap(),
    ]);
    assert!(!ok && text.contains("is damaged: "), "{text}");
}

/// An encrypted backup's settings, the person's own words sealed in them, come back: into an
/// empty folder with the backup's key, and into an empty encrypted journal of another key,
/// sealed again with that journal's key.
#[test]
fn an_encrypted_backups_sealed_words_come_back_with_its_settings() {
    use age::secrecy::SecretString;
    use closer::store::crypto;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    encrypted_journal(&root, 2);
    let written = backup_now(&root, &dir.path().join("backups")).unwrap();
    let state = fs::read_to_string(root.join("state.json")).unwrap();
    assert!(
        !state.contains("my sister"),
        "sealed in the journal: {state}"
    );
    let pass = SecretString::from(PASS.to_owned());

    // Into a new folder: the key comes along, and the journal opens with its passphrase.
    let new = dir.path().join("new");
    let (ok, text) = with_passphrase(
        &[
            "restore",
            written.path.to_str().unwrap(),
            "--data-dir",
            new.to_str().unwrap(),
        ],
        &format!("{PASS}\n"),
    );
    assert!(ok && text.contains("the backup's key came along"), "{text}");
    let layout = Layout::new(&new);
    crypto::unlock(&layout, &pass).unwrap();
    let prefs = read_preferences(&layout).unwrap();
    assert_eq!(prefs.custom_triggers, vec!["my sister's visit".to_owned()]);
    assert!(
        !fs::read_to_string(new.join("state.json"))
            .unwrap()
            .contains("my sister")
    );

    // Into an empty journal encrypted with another key.
    let other = dir.path().join("other");
    let store = Store::open(&other).unwrap();
    let theirs = SecretString::from("another long passphrase".to_owned());
    crypto::create(store.layout(), &theirs).unwrap();
    let done = backup::restore(&store, &written.path, None, false, Some(&pass), &mut |_| {
        false
    })
    .unwrap();
    assert!(done.into_empty && done.settings && !done.key, "{done:?}");
    let prefs = read_preferences(store.layout()).unwrap();
    assert_eq!(prefs.custom_triggers, vec!["my sister's visit".to_owned()]);
    assert!(
        !fs::read_to_string(other.join("state.json"))
            .unwrap()
            .contains("my sister")
    );
    assert_eq!(closer::store::scan(store.layout()).entries.len(), 2);
}
