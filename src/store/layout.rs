//! Where each file of the journal lives.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

/// The paths of one data folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    root: PathBuf,
}

impl Layout {
    /// The layout of the data folder at `root`.
    pub fn new(root: impl Into<PathBuf>) -> Layout {
        Layout { root: root.into() }
    }

    /// The data folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// `entries/`.
    pub fn entries_dir(&self) -> PathBuf {
        self.root.join("entries")
    }

    /// Whether the layout can hold an entry of `date`: years 0 to 9999 (four-digit year
    /// folders); an entry outside them would land where closer never reads.
    pub fn holds(date: NaiveDate) -> bool {
        (0..=9999).contains(&date.year())
    }

    /// `entries/YYYY/`.
    pub fn year_dir(&self, year: i32) -> PathBuf {
        self.entries_dir().join(format!("{year:04}"))
    }

    /// `entries/YYYY/YYYY-MM-DD.json`.
    pub fn day_file(&self, date: NaiveDate) -> PathBuf {
        self.year_dir(date.year())
            .join(format!("{}.json", date.format("%Y-%m-%d")))
    }

    /// `drafts/`.
    pub fn drafts_dir(&self) -> PathBuf {
        self.root.join("drafts")
    }

    /// `predictions.json`: the open predictions' days, so `closer status` can say what is due
    /// without reading the journal (a cache; the day files are the truth).
    pub fn predictions_file(&self) -> PathBuf {
        self.root.join("predictions.json")
    }

    /// `trash/sync-conflicts/`: conflict copies merged into their day, kept as they were.
    pub fn merged_conflicts_dir(&self) -> PathBuf {
        self.trash_dir().join("sync-conflicts")
    }

    /// The day a file-sync tool's conflict copy of a day file belongs to, from its name:
    /// Syncthing's `2026-11-30.sync-conflict-20261130-101500-ABCDEFG.json`, Dropbox's and
    /// Nextcloud's `2026-11-30 (conflicted copy 2026-11-30 101500).json` (or `(Sam's
    /// conflicted copy …)`), and Resilio's `2026-11-30.Conflict.json`.
    pub fn day_of_conflict_copy(name: &str) -> Option<NaiveDate> {
        Layout::day_of_file_name(&Layout::original_of_conflict_copy(name)?)
    }

    /// The name of the file a file-sync tool's conflict copy named `name` is a copy of
    /// (`current.json` for `current.sync-conflict-20261203-101010-ABCDEF1.json`, `state.json`
    /// for `state (conflicted copy 2026-12-03 101010).json`, `cache.age` for
    /// `cache.Conflict.age`); `None` when `name` is not a conflict copy's. A copy of a copy
    /// gives the first file.
    pub fn original_of_conflict_copy(name: &str) -> Option<String> {
        // Syncthing: `stem.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.ext`.
        if let Some(i) = name.find(".sync-conflict-") {
            let rest = &name[i + ".sync-conflict-".len()..];
            let ext = rest.rfind('.').map_or("", |j| &rest[j..]);
            return Some(format!("{}{ext}", &name[..i])).filter(|n| !n.is_empty());
        }
        // Dropbox and Nextcloud: `stem (conflicted copy …).ext`, `stem (Sam's conflicted
        // copy …).ext`.
        if name.contains("conflicted copy")
            && let Some(i) = name.find(" (")
            && let Some(j) = name.rfind(')').filter(|&j| j > i)
        {
            return Some(format!("{}{}", &name[..i], &name[j + 1..])).filter(|n| !n.is_empty());
        }
        // Resilio: `stem.Conflict.ext`.
        let i = name
            .find(".Conflict.")
            .or_else(|| name.strip_suffix(".Conflict").map(|stem| stem.len()))?;
        Some(format!("{}{}", &name[..i], &name[i + ".Conflict".len()..])).filter(|n| !n.is_empty())
    }

    /// Whether `name` is a check-in waiting in `drafts/` for its turn (a file-sync conflict
    /// copy of the draft that `closer doctor --merge-conflicts` kept): `waiting-….json`.
    pub fn is_waiting_draft(name: &str) -> bool {
        name.starts_with(WAITING_DRAFT_PREFIX) && name.ends_with(".json")
    }

    /// `drafts/current.json`.
    pub fn draft_file(&self) -> PathBuf {
        self.drafts_dir().join("current.json")
    }

    /// `trash/`.
    pub fn trash_dir(&self) -> PathBuf {
        self.root.join("trash")
    }

    /// `state.json`.
    pub fn state_file(&self) -> PathBuf {
        self.root.join("state.json")
    }

    /// `identity.age`: an encrypted journal's identity, encrypted with its passphrase.
    pub fn identity_file(&self) -> PathBuf {
        self.root.join("identity.age")
    }

    /// `recipient.txt`: an encrypted journal's recipient (its public key).
    pub fn recipient_file(&self) -> PathBuf {
        self.root.join("recipient.txt")
    }

    /// `cache.age`: an encrypted journal's day files, cached in one encrypted file so it opens
    /// quickly (see `store::cache`).
    pub fn cache_file(&self) -> PathBuf {
        self.root.join("cache.age")
    }

    /// `inbox/`: entries saved while an encrypted journal was locked (their day could not be
    /// read), one file each, moved into their day at the next unlock.
    pub fn inbox_dir(&self) -> PathBuf {
        self.root.join("inbox")
    }

    /// `.lock`.
    pub fn lock_file(&self) -> PathBuf {
        self.root.join(".lock")
    }

    /// The day a day file's name stands for (`2026-11-22.json`), if it is one.
    pub fn day_of_file_name(name: &str) -> Option<NaiveDate> {
        // By hand, exactly `YYYY-MM-DD`: called for each of a journal's files as it is read,
        // where chrono's format parser (the format string read again each time) showed up.
        let stem = name.strip_suffix(".json")?.as_bytes();
        let digits = |range: std::ops::Range<usize>| -> Option<u32> {
            stem.get(range)?.iter().try_fold(0u32, |n, &b| {
                b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
            })
        };
        if stem.len() != 10 || stem[4] != b'-' || stem[7] != b'-' {
            return None;
        }
        let year = i32::try_from(digits(0..4)?).ok()?;
        NaiveDate::from_ymd_opt(year, digits(5..7)?, digits(8..10)?)
    }
}

/// The config folder's name inside the data folder, where the platform gives config and data
/// one folder (macOS): see `config::folders`.
pub const CONFIG_SUBFOLDER: &str = "config";

/// Names at the top of a data folder that are never the journal's: the config folder of
/// [`CONFIG_SUBFOLDER`], and the config files an earlier closer kept beside the journal on
/// macOS (those of `backup::CONFIG_FILES`). Backups and sync leave them out: a backup carries
/// the config files once, as settings, and sync never carries them.
pub const NOT_JOURNAL: [&str; 4] = [
    CONFIG_SUBFOLDER,
    "config.toml",
    "prompts.toml",
    "strategies.toml",
];

/// The prefix of temporary files written on the way to an atomic rename.
pub const TEMP_PREFIX: &str = ".closer-tmp-";

/// The prefix of a check-in waiting in `drafts/` for its turn: a file-sync conflict copy of
/// the draft, kept by `closer doctor --merge-conflicts` while another check-in was in
/// progress, and offered once that one is saved or discarded.
pub const WAITING_DRAFT_PREFIX: &str = "waiting-";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_config_files_are_not_the_journals() {
        for name in crate::store::backup::CONFIG_FILES {
            assert!(NOT_JOURNAL.contains(&name), "{name}");
        }
    }

    #[test]
    fn day_files_live_under_their_year() {
        let l = Layout::new("/data");
        let d = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        assert_eq!(
            l.day_file(d),
            PathBuf::from("/data/entries/2026/2026-01-05.json")
        );
        assert_eq!(Layout::day_of_file_name("2026-01-05.json"), Some(d));
        assert_eq!(Layout::day_of_file_name("2026-1-5.json"), None);
        assert_eq!(Layout::day_of_file_name("2026-01-05.json.bak"), None);
        assert_eq!(Layout::day_of_file_name("notes.json"), None);
    }

    /// Issue 31: each tool's conflict copy of any file closer writes names the file it is a
    /// copy of; other names are not copies.
    #[test]
    fn conflict_copies_name_the_file_they_copy() {
        for (copy, original) in [
            (
                "current.sync-conflict-20261203-101010-ABCDEF1.json",
                "current.json",
            ),
            (
                "state.sync-conflict-20261203-101010-ABCDEF1.json",
                "state.json",
            ),
            (
                "state (conflicted copy 2026-12-03 101010).json",
                "state.json",
            ),
            (
                "state (Sam's conflicted copy 2026-12-03).json",
                "state.json",
            ),
            ("state.Conflict.json", "state.json"),
            (
                "cache.sync-conflict-20261203-101010-ABCDEF1.age",
                "cache.age",
            ),
            ("cache.Conflict.age", "cache.age"),
            (
                "recipient (conflicted copy 2026-12-03 101010).txt",
                "recipient.txt",
            ),
            (
                "2026-11-30.sync-conflict-20261130-101500-ABCDEFG.sync-conflict-20261201-090000-HIJKLMN.json",
                "2026-11-30.json",
            ),
            ("notes.Conflict", "notes"),
        ] {
            assert_eq!(
                Layout::original_of_conflict_copy(copy).as_deref(),
                Some(original),
                "{copy}"
            );
        }
        for name in [
            "current.json",
            "state.json",
            "notes (1).json",
            "waiting-20261203T101010.json",
            ".sync-conflict-20261203-101010-ABCDEF1",
        ] {
            assert_eq!(Layout::original_of_conflict_copy(name), None, "{name}");
        }
        let day = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        for copy in [
            "2026-11-30.sync-conflict-20261130-101500-ABCDEFG.json",
            "2026-11-30 (conflicted copy 2026-11-30 101500).json",
            "2026-11-30 (Sam's conflicted copy 2026-11-30).json",
            "2026-11-30.Conflict.json",
        ] {
            assert_eq!(Layout::day_of_conflict_copy(copy), Some(day), "{copy}");
        }
        assert_eq!(
            Layout::day_of_conflict_copy("current.sync-conflict-20261203-101010-ABCDEF1.json"),
            None
        );
        assert!(Layout::is_waiting_draft("waiting-20261203T101010.json"));
        assert!(!Layout::is_waiting_draft("current.json"));
    }

    proptest::proptest! {
        /// The name of every day file closer writes gives its day back; any other name that
        /// gives a day is one chrono reads as that same day (the parser this replaced).
        #[test]
        fn day_file_names_read_as_chrono_read_them(
            days in 0i64..3_652_059,
            name in "[0-9+ -]{10}",
        ) {
            let day = NaiveDate::from_ymd_opt(1, 1, 1).unwrap() + chrono::Days::new(days as u64);
            let l = Layout::new("/data");
            let file = l.day_file(day);
            let file = file.file_name().unwrap().to_str().unwrap();
            proptest::prop_assert_eq!(Layout::day_of_file_name(file), Some(day));
            if let Some(read) = Layout::day_of_file_name(&format!("{name}.json")) {
                proptest::prop_assert_eq!(
                    NaiveDate::parse_from_str(&name, "%Y-%m-%d").ok(),
                    Some(read)
                );
            }
        }
    }
}
