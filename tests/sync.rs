//! `closer sync` with two data folders and a bare repository on disk, as two computers would:
//! entries added on both on the same day, an entry edited on both, one deleted on one side and
//! edited on the other, one deleted on one side only. After syncing both (twice), both exports
//! are identical and nothing written is lost.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

mod common;

use std::path::Path;
use std::process::Command;

use closer::store::{Layout, Store};
use common::entry;

fn closer(root: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_closer"))
        .args(args)
        .arg("--data-dir")
        .arg(root)
        .env_remove("CLOSER_DATA_DIR")
        .env("XDG_CONFIG_HOME", "/nonexistent-closer-test-config")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "closer {args:?}: {text}");
    text
}

fn git(args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn export(root: &Path) -> serde_json::Value {
    let mut v: serde_json::Value =
        serde_json::from_str(&closer(root, &["export", "--format", "json"])).unwrap();
    v.as_object_mut().unwrap().remove("exported_at");
    v
}

fn notes(root: &Path) -> Vec<String> {
    closer::store::scan(&Layout::new(root))
        .entries
        .into_iter()
        .map(|e| e.notes)
        .collect()
}

#[test]
fn two_computers_that_wrote_on_the_same_day_merge_without_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let bare = dir.path().join("remote.git");
    git(&["init", "-q", "--bare", bare.to_str().unwrap()]);
    let a = dir.path().join("laptop");
    let b = dir.path().join("desktop");

    // The laptop starts the journal and syncs it up.
    let store = Store::open(&a).unwrap();
    let mut shared = Vec::new();
    for (i, note) in [
        "edited on both",
        "deleted here, edited there",
        "deleted on one side only",
        "kept",
    ]
    .iter()
    .enumerate()
    {
        let mut e = entry(&format!("2025-06-01T{:02}:00:00+01:00", 8 + i), i as u32);
        e.notes = (*note).to_owned();
        store.save_entry(&e).unwrap();
        shared.push(e);
    }
    drop(store);
    let text = closer(&a, &["sync"]);
    assert!(
        text.contains("now a git repository") && text.contains("No remote yet"),
        "{text}"
    );
    git(&[
        "-C",
        a.to_str().unwrap(),
        "remote",
        "add",
        "origin",
        bare.to_str().unwrap(),
    ]);
    let text = closer(&a, &["sync"]);
    assert!(text.contains("pushed"), "{text}");

    // The desktop takes a copy.
    git(&["clone", "-q", bare.to_str().unwrap(), b.to_str().unwrap()]);
    closer(&b, &["sync"]);
    assert_eq!(export(&a), export(&b));

    // Both write on the same day.
    let sa = Store::open(&a).unwrap();
    let mut e0 = shared[0].clone();
    e0.notes = "edited on both: the laptop's, later".into();
    e0.updated_at += chrono::Duration::minutes(30);
    sa.save_entry(&e0).unwrap();
    sa.delete_entry(shared[1].date, &shared[1].id, shared[1].updated_at)
        .unwrap();
    sa.delete_entry(shared[2].date, &shared[2].id, shared[2].updated_at)
        .unwrap();
    let mut new_a = entry("2025-06-01T20:00:00+01:00", 10);
    new_a.notes = "new on the laptop".into();
    sa.save_entry(&new_a).unwrap();
    drop(sa);

    let sb = Store::open(&b).unwrap();
    let mut e0b = shared[0].clone();
    e0b.notes = "edited on both: the desktop's, earlier".into();
    e0b.updated_at += chrono::Duration::minutes(10);
    sb.save_entry(&e0b).unwrap();
    let mut e1b = shared[1].clone();
    e1b.notes = "deleted here, edited there: the desktop's edit".into();
    e1b.updated_at += chrono::Duration::minutes(5);
    sb.save_entry(&e1b).unwrap();
    let mut new_b = entry("2025-06-01T21:00:00+01:00", 11);
    new_b.notes = "new on the desktop".into();
    sb.save_entry(&new_b).unwrap();
    drop(sb);

    // Each syncs, then each again.
    for root in [&a, &b, &a, &b] {
        closer(root, &["sync"]);
    }
    assert_eq!(
        export(&a),
        export(&b),
        "both computers have the same journal"
    );
    let got = notes(&a);
    assert_eq!(
        got,
        [
            "edited on both: the laptop's, later",
            "deleted here, edited there: the desktop's edit",
            "kept",
            "new on the laptop",
            "new on the desktop"
        ],
        "the newer edit wins, an edit outlives a deletion, a plain deletion travels, both additions stay"
    );
    // Nothing was a conflict: no markers, no copies.
    let day = std::fs::read_to_string(Layout::new(&a).day_file(shared[0].date)).unwrap();
    assert!(!day.contains("<<<<<<<"), "{day}");
    // The deletion that travelled is in both trashes.
    assert!(
        Store::open(&b)
            .unwrap()
            .trash()
            .iter()
            .any(|t| t.entry.id == shared[2].id)
    );
}

/// A merge left unfinished is never committed over: sync stops and says how to finish it.
#[test]
fn an_unfinished_merge_stops_sync_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("journal");
    Store::open(&a)
        .unwrap()
        .save_entry(&entry("2025-06-01T08:00:00+01:00", 1))
        .unwrap();
    closer(&a, &["sync"]);
    let head = std::fs::read_to_string(a.join(".git/HEAD")).unwrap();
    let rev = Command::new("git")
        .args(["-C", a.to_str().unwrap(), "rev-parse", "HEAD"])
        .output()
        .unwrap();
    assert!(head.starts_with("ref:"));
    std::fs::write(a.join(".git/MERGE_HEAD"), rev.stdout).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_closer"))
        .args(["sync", "--data-dir", a.to_str().unwrap()])
        .env("XDG_CONFIG_HOME", "/nonexistent-closer-test-config")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("not finished") && err.contains("merge --abort"),
        "{err}"
    );
}

/// Issue 16: an encrypted journal syncs encrypted. The other computer unlocks it with the same
/// passphrase, a day written on both merges by entry id through the merge driver (handed the
/// key through git's environment), and the merged day is encrypted again.
#[test]
fn an_encrypted_journal_syncs_and_merges_a_day_written_on_both_encrypted() {
    use age::secrecy::SecretString;
    use closer::store::crypto;
    const PASS: &str = "the same on both computers";
    let with_pass = |root: &Path, args: &[&str]| -> String {
        let mut all: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
        all.extend([std::ffi::OsStr::new("--data-dir"), root.as_os_str()]);
        let child = common::spawn_with_passphrase(
            &all,
            &format!("{PASS}\n"),
            &[
                ("GIT_CONFIG_GLOBAL", "/dev/null"),
                ("GIT_CONFIG_NOSYSTEM", "1"),
            ],
        );
        let out = child.wait_with_output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "closer {args:?}: {text}");
        text
    };
    let dir = tempfile::tempdir().unwrap();
    let bare = dir.path().join("remote.git");
    git(&["init", "-q", "--bare", bare.to_str().unwrap()]);
    let a = dir.path().join("laptop");
    let b = dir.path().join("desktop");
    let store = Store::open(&a).unwrap();
    let mut first = entry("2025-06-01T08:00:00+01:00", 1);
    first.notes = "SECRETNOTE written first".into();
    store.save_entry(&first).unwrap();
    closer::store::convert::encrypt(&store, &SecretString::from(PASS.to_owned()), |_, _| {})
        .unwrap();
    drop(store);
    crypto::lock(&Layout::new(&a));
    with_pass(&a, &["sync"]);
    git(&[
        "-C",
        a.to_str().unwrap(),
        "remote",
        "add",
        "origin",
        bare.to_str().unwrap(),
    ]);
    with_pass(&a, &["sync"]);
    git(&["clone", "-q", bare.to_str().unwrap(), b.to_str().unwrap()]);
    with_pass(&b, &["sync"]);

    // Both write on that day, each unlocked with the passphrase.
    for (root, n, note) in [
        (&a, 2, "SECRETNOTE on the laptop"),
        (&b, 3, "SECRETNOTE on the desktop"),
    ] {
        crypto::unlock(&Layout::new(root), &SecretString::from(PASS.to_owned())).unwrap();
        let mut e = entry(&format!("2025-06-01T2{n}:00:00+01:00"), n);
        e.notes = note.into();
        Store::open(root).unwrap().save_entry(&e).unwrap();
        crypto::lock(&Layout::new(root));
    }
    for root in [&a, &b, &a, &b] {
        with_pass(root, &["sync"]);
    }
    let exported = |root: &Path| {
        let mut v: serde_json::Value = serde_json::from_str(
            &with_pass(root, &["export", "--format", "json"])
                .lines()
                .filter(|l| !l.starts_with("closer: note"))
                .collect::<Vec<_>>()
                .join("\n"),
        )
        .unwrap();
        v.as_object_mut().unwrap().remove("exported_at");
        v
    };
    let (ea, eb) = (exported(&a), exported(&b));
    assert_eq!(ea, eb, "both computers have the same journal");
    assert_eq!(ea["entries"].as_array().unwrap().len(), 3, "{ea}");
    // On disk, in both folders and in the repository, the day is encrypted.
    let day = std::fs::read(Layout::new(&a).day_file(first.date)).unwrap();
    assert!(crypto::is_sealed(&day), "the merged day is encrypted again");
    let grep = Command::new("grep")
        .args(["-r", "-l", "SECRETNOTE"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&grep.stdout).trim().is_empty(),
        "readable words in: {}",
        String::from_utf8_lossy(&grep.stdout)
    );
}
