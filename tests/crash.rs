//! A process saving in a loop is killed with SIGKILL at random moments; afterwards every file
//! parses and every entry whose save returned is there.
//!
//! `CLOSER_TORTURE_LONG=1` runs many more rounds.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code
#![cfg(unix)]

mod common;

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// What the child prints for each save it finished. libtest writes `test NAME ... ` with no
/// newline before a test's own output, so the first line can arrive glued to that: the marker
/// is looked for anywhere in a line.
const SAVED: &str = "@@closer-saved ";

use closer::store::{Severity, Store};
use common::entry;

const CHILD_ENV: &str = "CLOSER_CRASH_CHILD_DIR";

/// Runs only as the child of `sigkill_during_saves_loses_nothing_acknowledged`.
#[test]
#[ignore = "run by the crash test as its child process"]
fn child_saves_in_a_loop() {
    let Ok(dir) = std::env::var(CHILD_ENV) else {
        return;
    };
    let store = Store::open(&dir).unwrap();
    let seed = std::process::id();
    let mut out = std::io::stdout().lock();
    for i in 0..100_000u32 {
        // A handful of days, so the same files are rewritten again and again.
        let when = format!("2026-11-{:02}T{:02}:00:00+01:00", 20 + i % 4, i % 24);
        let e = entry(&when, seed.wrapping_mul(100_003).wrapping_add(i));
        store.save_entry(&e).unwrap();
        if i % 3 == 0 {
            store
                .save_draft(&serde_json::json!({"typing": i}), e.created_at)
                .unwrap();
        }
        writeln!(out, "{SAVED}{} {}", e.date, e.id).unwrap();
        out.flush().unwrap();
    }
}

fn pseudo_random(bound: u64) -> u64 {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    u64::from(nanos.wrapping_mul(2_654_435_761)) % bound
}

#[test]
fn sigkill_during_saves_loses_nothing_acknowledged() {
    let rounds = if std::env::var_os("CLOSER_TORTURE_LONG").is_some() {
        300
    } else {
        25
    };
    let dir = tempfile::tempdir().unwrap();
    let me = std::env::current_exe().unwrap();
    let mut acknowledged: BTreeSet<String> = BTreeSet::new();
    for round in 0..rounds {
        let mut child = Command::new(&me)
            .args([
                "--exact",
                "child_saves_in_a_loop",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .filter_map(|l| l.find(SAVED).map(|at| l[at + SAVED.len()..].to_owned()))
                .collect::<Vec<_>>()
        });
        std::thread::sleep(Duration::from_millis(20 + pseudo_random(80)));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let lines = reader.join().unwrap();
        acknowledged.extend(
            lines
                .iter()
                .filter_map(|l| l.split(' ').nth(1).map(str::to_owned)),
        );

        let store = Store::open(dir.path()).unwrap();
        assert_eq!(
            store.read_only(),
            None,
            "a killed process leaves no lock behind"
        );
        let scan = store.load();
        let errors: Vec<_> = scan
            .problems
            .iter()
            .filter(|p| p.severity() == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "round {round}: {errors:?}");
        let present: BTreeSet<String> = scan.entries.iter().map(|e| e.id.to_string()).collect();
        let missing: Vec<_> = acknowledged.difference(&present).collect();
        assert!(missing.is_empty(), "round {round}: lost {missing:?}");
        // The draft, if any, is whole.
        store.load_draft::<serde_json::Value>().unwrap();
    }
    assert!(
        acknowledged.len() > rounds,
        "the child saved too little to prove anything ({} saves)",
        acknowledged.len()
    );
}
