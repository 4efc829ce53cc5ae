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
        let stem = name.strip_suffix(".json")?;
        let day_part = if let Some(i) = stem.find(".sync-conflict-") {
            &stem[..i]
        } else if let Some(i) = stem.find(" (").filter(|_| stem.contains("conflicted copy")) {
            &stem[..i]
        } else {
            stem.strip_suffix(".Conflict")?
        };
        Layout::day_of_file_name(&format!("{day_part}.json"))
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

/// The prefix of temporary files written on the way to an atomic rename.
pub const TEMP_PREFIX: &str = ".closer-tmp-";

#[cfg(test)]
mod tests {
    use super::*;

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
