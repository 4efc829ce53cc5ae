//! Helpers shared by the integration tests.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

pub mod needs;
#[cfg(unix)]
pub mod pty;

use closer::journal::entry::thin_vec;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};
use closer::journal::{
    Closeness, Entry, EntryId, Intensity, Mood, Name, Perspective, Response, TriggerLog, TriggerRef,
};

/// A time from RFC 3339 text.
pub fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

/// A date from `YYYY-MM-DD`.
pub fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A filled-in entry created at `when`, made distinct by `n`.
pub fn entry(when: &str, n: u32) -> Entry {
    let now = at(when);
    let mut e = Entry::new(EntryId::generate(now, n), now);
    e.perspective = Some(Perspective::IPullAway);
    e.mood = Some(Mood::try_from(i64::from(n % 5 + 1)).unwrap());
    e.closeness = Some(Closeness::try_from(i64::from((n + 2) % 5 + 1)).unwrap());
    e.emotions = thin_vec!["tired".into(), "hopeful".into()];
    e.triggers = thin_vec![TriggerLog {
        trigger: TriggerRef::Id(Name::try_from("fear-of-intimacy").unwrap()),
        intensity: Some(Intensity::try_from(3i64).unwrap()),
        note: format!("note {n}"),
        extra: Default::default(),
    }];
    e.responses = thin_vec![Response {
        prompt_id: None,
        prompt: "What felt hard today?".into(),
        answer: format!("Answer number {n}, with ünïcode ✓ and \"quotes\".\nSecond line."),
        extra: Default::default(),
    }];
    e.tags = thin_vec!["test".into()];
    e
}

/// Every file and folder under `root`, sorted.
pub fn files_under(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_owned()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p.clone());
            }
            out.push(p);
        }
    }
    out.sort();
    out
}

/// Starts the built `closer` with `args`, `--passphrase-fd 0`, and `stdin` written to its
/// standard input (a passphrase, a line each), standard output and error piped; no settings
/// file of the machine's (`env` may set more).
pub fn spawn_with_passphrase(
    args: &[&std::ffi::OsStr],
    stdin: &str,
    env: &[(&str, &str)],
) -> std::process::Child {
    use std::io::Write as _;
    use std::process::{Command, Stdio};
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_closer"));
    cmd.args(args)
        .args(["--passphrase-fd", "0"])
        .env_remove("CLOSER_DATA_DIR")
        .env_remove("CLOSER_CONFIG")
        .env("XDG_CONFIG_HOME", "/nonexistent-closer-test-config")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child
}

/// A jrnl export of `count` one-line entries, a day each from `first`, written to `path`.
pub fn jrnl_days_file(path: &Path, first: NaiveDate, count: u64) {
    let entries: Vec<_> = (0..count)
        .map(|i| {
            let date = first + chrono::Days::new(i);
            serde_json::json!({
                "title": format!("Imported note {i}."), "body": "", "date": date.to_string(),
                "time": "10:00", "tags": [], "starred": false
            })
        })
        .collect();
    std::fs::write(
        path,
        serde_json::json!({"tags": {}, "entries": entries}).to_string(),
    )
    .unwrap();
}

/// Every file under `root` with its bytes and mode, to prove nothing changed.
pub fn snapshot(root: &Path) -> Vec<(PathBuf, Vec<u8>, u32)> {
    files_under(root)
        .into_iter()
        .map(|p| {
            let bytes = if p.is_file() {
                std::fs::read(&p).unwrap()
            } else {
                Vec::new()
            };
            let mode = file_mode(&p);
            (p, bytes, mode)
        })
        .collect()
}

/// A file's permission bits (0 where there are none).
#[cfg(unix)]
pub fn file_mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode()
}
/// A file's permission bits (0 where there are none).
#[cfg(not(unix))]
pub fn file_mode(_: &Path) -> u32 {
    0
}
