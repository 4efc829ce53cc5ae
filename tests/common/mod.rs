//! Helpers shared by the integration tests.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

#[cfg(unix)]
pub mod pty;

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
    e.emotions = vec!["tired".into(), "hopeful".into()];
    e.triggers = vec![TriggerLog {
        trigger: TriggerRef::Id(Name::try_from("fear-of-intimacy").unwrap()),
        intensity: Some(Intensity::try_from(3i64).unwrap()),
        note: format!("note {n}"),
    }];
    e.responses = vec![Response {
        prompt_id: None,
        prompt: "What felt hard today?".into(),
        answer: format!("Answer number {n}, with ünïcode ✓ and \"quotes\".\nSecond line."),
    }];
    e.tags = vec!["test".into()];
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
