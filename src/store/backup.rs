//! Backups: the whole data folder (entries, trash, state, the draft) and the person's own
//! settings and content, as one compressed archive (`tar` + gzip, read by any unpacking tool),
//! written atomically into a backup folder and rotated; and restoring one, into an empty folder
//! or merged into a journal (by entry id, the newer version winning, nothing deleted).
//!
//! An archive holds `manifest.json` first (when it was made, how many entries and days, the
//! closer that made it), then `data/…` (the data folder but its lock) and `config/…` (the
//! config folder's `config.toml`, `prompts.toml`, `strategies.toml`, when there).

use std::collections::HashSet;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::atomic;
use super::crypto;
use super::layout::Layout;
use super::scan::{self, TrashBody};
use super::{Store, StoreError};
use crate::journal::EntryId;
use crate::journal::merge::{self, Changed};

/// How many backups rotation keeps: the newest of each of the last `daily` days with a backup,
/// of the last `weekly` weeks and of the last `monthly` months (one archive may count for all
/// three).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Keep {
    /// Days.
    pub daily: u32,
    /// Weeks (ISO weeks).
    pub weekly: u32,
    /// Months.
    pub monthly: u32,
}

impl Default for Keep {
    fn default() -> Keep {
        Keep {
            daily: 7,
            weekly: 4,
            monthly: 12,
        }
    }
}

impl Keep {
    /// Reads "7 daily, 4 weekly, 12 monthly" (any order, any of the three).
    pub fn parse(text: &str) -> Option<Keep> {
        let mut keep = Keep {
            daily: 0,
            weekly: 0,
            monthly: 0,
        };
        for part in text.split(',') {
            let mut words = part.split_whitespace();
            let n: u32 = words.next()?.parse().ok()?;
            match words.next()? {
                "daily" | "day" | "days" => keep.daily = n,
                "weekly" | "week" | "weeks" => keep.weekly = n,
                "monthly" | "month" | "months" => keep.monthly = n,
                _ => return None,
            }
            if words.next().is_some() {
                return None;
            }
        }
        Some(keep)
    }
}

/// The manifest at the head of every archive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// When it was made.
    pub made_at: DateTime<FixedOffset>,
    /// Entries in it.
    pub entries: usize,
    /// Days with entries.
    pub days: usize,
    /// The closer that made it.
    pub closer: String,
}

/// An archive in a backup folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Archive {
    /// Its file.
    pub path: PathBuf,
    /// When it was made (from its name).
    pub made: NaiveDateTime,
    /// Its size in bytes.
    pub bytes: u64,
}

const PREFIX: &str = "closer-backup-";
const SUFFIX: &str = ".tar.gz";
const NAME_TIME: &str = "%Y-%m-%dT%H%M%S";
/// Files of the config folder a backup carries.
pub const CONFIG_FILES: [&str; 3] = ["config.toml", "prompts.toml", "strategies.toml"];

/// The backup folder closer uses when none is configured: `closer-backups` beside the data
/// folder (on the same disk; configure `backup_dir` for another).
pub fn default_dir(data_dir: &Path) -> PathBuf {
    let parent = data_dir.parent().filter(|p| !p.as_os_str().is_empty());
    parent.unwrap_or(Path::new(".")).join("closer-backups")
}

/// When an archive name says it was made.
fn made_of(name: &str) -> Option<NaiveDateTime> {
    let stamp = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    NaiveDateTime::parse_from_str(stamp, NAME_TIME).ok()
}

/// The archives in `dir`, oldest first (files named as closer names them; anything else is
/// left alone).
pub fn list(dir: &Path) -> Vec<Archive> {
    let mut out: Vec<Archive> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|f| {
            let name = f.file_name().to_string_lossy().into_owned();
            let made = made_of(&name)?;
            let meta = f.metadata().ok().filter(fs::Metadata::is_file)?;
            Some(Archive {
                path: f.path(),
                made,
                bytes: meta.len(),
            })
        })
        .collect();
    out.sort_by_key(|a| a.made);
    out
}

/// Which of `made` (any order) rotation keeps under `keep`: the newest of each of the last
/// `daily` days, `weekly` ISO weeks and `monthly` months that have one.
pub fn kept(made: &[NaiveDateTime], keep: Keep) -> HashSet<NaiveDateTime> {
    let mut newest_first: Vec<NaiveDateTime> = made.to_vec();
    newest_first.sort_by(|a, b| b.cmp(a));
    let mut out = HashSet::new();
    let mut pick = |n: u32, period: &dyn Fn(&NaiveDateTime) -> (i32, u32)| {
        let mut seen: Vec<(i32, u32)> = Vec::new();
        for m in &newest_first {
            let p = period(m);
            if seen.contains(&p) {
                continue;
            }
            if seen.len() as u32 >= n {
                break;
            }
            seen.push(p);
            out.insert(*m);
        }
    };
    pick(keep.daily, &|m| (m.year(), m.ordinal()));
    pick(keep.weekly, &|m| {
        let w = m.date().iso_week();
        (w.year(), w.week())
    });
    pick(keep.monthly, &|m| (m.year(), m.month()));
    out
}

/// Whether `dir` has a backup made on `day`.
pub fn has_backup_on(dir: &Path, day: NaiveDate) -> bool {
    list(dir).iter().any(|a| a.made.date() == day)
}

/// What a backup wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The archive.
    pub path: PathBuf,
    /// Its manifest.
    pub manifest: Manifest,
    /// Archives rotation removed.
    pub removed: Vec<PathBuf>,
}

fn io_err(path: &Path, e: io::Error) -> StoreError {
    StoreError::write(path, e)
}

/// Writes a backup of the journal at `layout` (and the files of `config_dir` it carries) into
/// `dir` (made if missing, private), made at `now`, then rotates the archives there by `keep`.
/// The archive appears whole or not at all: it is written to a temporary file in `dir`, synced,
/// then renamed; temporary files a killed backup left behind are removed first.
///
/// # Errors
/// The folder cannot be made or written, or a file of the journal cannot be read.
pub fn write(
    layout: &Layout,
    config_dir: Option<&Path>,
    dir: &Path,
    now: DateTime<FixedOffset>,
    keep: Keep,
) -> Result<Written, StoreError> {
    atomic::create_private_dir(dir).map_err(|e| io_err(dir, e))?;
    // Leftovers of a backup that was killed: never an archive, only its temporary file. One
    // younger than ten minutes may be another backup still writing (the daily one and
    // `closer backup` at once), so it is left to it.
    for f in fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = f.file_name().to_string_lossy().into_owned();
        let stale = f
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age.as_secs() > 600);
        if name.starts_with(".closer-backup-") && name.ends_with(".tmp") && stale {
            let _ = fs::remove_file(f.path());
        }
    }
    let scan = scan::scan(layout);
    let days: HashSet<NaiveDate> = scan.entries.iter().map(|e| e.date).collect();
    let manifest = Manifest {
        made_at: now,
        entries: scan.entries.len(),
        days: days.len(),
        closer: env!("CARGO_PKG_VERSION").to_owned(),
    };
    drop(scan);
    let name = format!("{PREFIX}{}{SUFFIX}", now.naive_local().format(NAME_TIME));
    let path = dir.join(name);
    let tmp = tempfile::Builder::new()
        .prefix(".closer-backup-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| io_err(dir, e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(fs::Permissions::from_mode(atomic::FILE_MODE))
            .map_err(|e| io_err(&path, e))?;
    }
    {
        let gz = flate2::write::GzEncoder::new(tmp.as_file(), flate2::Compression::default());
        let mut tar = tar::Builder::new(gz);
        tar.mode(tar::HeaderMode::Deterministic);
        let manifest_bytes =
            serde_json::to_vec_pretty(&manifest).map_err(|e| StoreError::Encode {
                path: path.clone(),
                message: e.to_string(),
            })?;
        append_bytes(&mut tar, "manifest.json", &manifest_bytes).map_err(|e| io_err(&path, e))?;
        append_dir(&mut tar, layout.root(), Path::new("data"), layout, 0)
            .map_err(|e| io_err(&path, e))?;
        if let Some(config) = config_dir {
            for name in CONFIG_FILES {
                let file = config.join(name);
                if let Ok(bytes) = crate::files::read_regular(&file, crate::files::DATA_FILE_CAP) {
                    append_bytes(&mut tar, &format!("config/{name}"), &bytes)
                        .map_err(|e| io_err(&path, e))?;
                }
            }
        }
        let gz = tar.into_inner().map_err(|e| io_err(&path, e))?;
        gz.finish().map_err(|e| io_err(&path, e))?;
    }
    tmp.as_file().sync_all().map_err(|e| io_err(&path, e))?;
    tmp.persist(&path).map_err(|e| io_err(&path, e.error))?;
    atomic::sync_dir(dir).map_err(|e| io_err(dir, e))?;
    let archives = list(dir);
    let keep_set = kept(&archives.iter().map(|a| a.made).collect::<Vec<_>>(), keep);
    let mut removed = Vec::new();
    for a in archives {
        if !keep_set.contains(&a.made) && a.path != path && fs::remove_file(&a.path).is_ok() {
            removed.push(a.path);
        }
    }
    Ok(Written {
        path,
        manifest,
        removed,
    })
}

fn append_bytes<W: Write>(tar: &mut tar::Builder<W>, name: &str, bytes: &[u8]) -> io::Result<()> {
    let mut header = tar::Header::new_gnu();
    header.set_size(bytes.len() as u64);
    header.set_mode(0o600);
    header.set_cksum();
    tar.append_data(&mut header, name, bytes)
}

/// How deep a data folder goes (entries/YEAR/DAY, trash/sync-conflicts/COPY): a link that loops
/// is not followed past it.
const MAX_DEPTH: usize = 4;

/// Adds the files under `dir` as `under/…`, but the lock; links are followed (as reading the
/// journal follows them), so a linked `entries/` is backed up, not left out.
fn append_dir<W: Write>(
    tar: &mut tar::Builder<W>,
    dir: &Path,
    under: &Path,
    layout: &Layout,
    depth: usize,
) -> io::Result<()> {
    let mut children: Vec<PathBuf> = fs::read_dir(dir)?.flatten().map(|f| f.path()).collect();
    children.sort();
    for path in children {
        let meta = fs::metadata(&path)?;
        let name = under.join(path.file_name().unwrap_or_default());
        // A sync repository's history is not the journal (and can be large).
        if path.file_name().is_some_and(|n| n == ".git") {
            continue;
        }
        if meta.is_dir() {
            if depth >= MAX_DEPTH {
                return Err(io::Error::other(format!(
                    "{} is nested deeper than a journal goes (a link that loops?)",
                    path.display()
                )));
            }
            append_dir(tar, &path, &name, layout, depth + 1)?;
        } else if meta.is_file() && path != layout.lock_file() {
            let bytes = crate::files::read_regular(&path, crate::files::DATA_FILE_CAP)?;
            append_bytes(tar, &name.to_string_lossy(), &bytes)?;
        }
    }
    Ok(())
}

/// Reads an archive's manifest (the first member).
///
/// # Errors
/// Not a closer backup, or unreadable.
pub fn manifest_of(archive: &Path) -> Result<Manifest, StoreError> {
    let bad = |message: String| StoreError::Malformed {
        path: archive.to_owned(),
        line: 1,
        column: 1,
        message,
    };
    let file = fs::File::open(archive).map_err(|e| StoreError::read(archive, e))?;
    let mut tar = tar::Archive::new(flate2::read::GzDecoder::new(file));
    let mut entries = tar
        .entries()
        .map_err(|e| bad(format!("it is not a closer backup (a gzipped tar): {e}")))?;
    let first = entries
        .next()
        .ok_or_else(|| bad("it is empty".to_owned()))?
        .map_err(|e| bad(format!("it is not a closer backup (a gzipped tar): {e}")))?;
    if first.path().ok().as_deref() != Some(Path::new("manifest.json")) {
        return Err(bad(
            "it has no manifest.json first: it is not a closer backup".to_owned(),
        ));
    }
    let mut text = Vec::new();
    first
        .take(1 << 20)
        .read_to_end(&mut text)
        .map_err(|e| StoreError::read(archive, e))?;
    serde_json::from_slice(&text).map_err(|e| bad(format!("its manifest cannot be read: {e}")))
}

/// What restoring an archive did, or would do.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Restored {
    /// Whether the journal was empty (everything was put back as it was).
    pub into_empty: bool,
    /// Each entry added, updated or left out, by day.
    pub changes: Vec<Changed>,
    /// Trash records put back.
    pub trash: usize,
    /// Files of the config folder put back (only where there was none).
    pub config: Vec<String>,
    /// Whether the settings (`state.json`) were put back.
    pub settings: bool,
    /// Whether an unfinished check-in was put back.
    pub draft: bool,
}

/// Unpacks `archive` into a new temporary folder beside `near` and checks every day file in
/// it can be read; gives the folder.
fn unpack(archive: &Path, near: &Path) -> Result<tempfile::TempDir, StoreError> {
    manifest_of(archive)?;
    let parent = near
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let dir = tempfile::Builder::new()
        .prefix(".closer-restore-")
        .tempdir_in(parent)
        .or_else(|_| tempfile::tempdir())
        .map_err(|e| StoreError::write(parent, e))?;
    let file = fs::File::open(archive).map_err(|e| StoreError::read(archive, e))?;
    let mut tar = tar::Archive::new(flate2::read::GzDecoder::new(file));
    // `unpack` refuses paths that climb out of the folder (`..`, absolute paths).
    tar.unpack(dir.path()).map_err(|e| StoreError::Malformed {
        path: archive.to_owned(),
        line: 1,
        column: 1,
        message: format!("it cannot be unpacked: {e}"),
    })?;
    Ok(dir)
}

/// Restores `archive` into the journal at `layout` (and the config files it carries into
/// `config_dir`, where there are none). Into an empty journal, everything comes back as it
/// was, settings included; into a journal with entries, the archive's entries are merged by
/// id (the newer version wins, an entry deleted here stays deleted, nothing is removed), its
/// trash records are added, and this journal's settings are kept. With `dry_run`, nothing is
/// written: the result says what would change.
///
/// # Errors
/// The archive is not a closer backup or holds a file this closer cannot read (nothing is
/// written then), or a write fails (what was written before it stays, each file whole).
pub fn restore(
    store: &Store,
    archive: &Path,
    config_dir: Option<&Path>,
    dry_run: bool,
    passphrase: Option<&age::secrecy::SecretString>,
) -> Result<Restored, StoreError> {
    let layout = store.layout();
    let unpacked = unpack(archive, layout.root())?;
    let from = Layout::new(unpacked.path().join("data"));
    // An encrypted backup is read with this journal's key when it is the same one, or with
    // the passphrase it was made with.
    if crypto::is_encrypted(&from) && !crypto::share_unlock(&from, layout) {
        match passphrase {
            Some(p) => crypto::unlock(&from, p)?,
            None => {
                return Err(StoreError::Locked {
                    path: archive.to_owned(),
                });
            }
        }
    }
    let result = restore_from(store, &from, &unpacked, archive, config_dir, dry_run);
    crypto::lock(&from);
    result
}

fn restore_from(
    store: &Store,
    from: &Layout,
    unpacked: &tempfile::TempDir,
    archive: &Path,
    config_dir: Option<&Path>,
    dry_run: bool,
) -> Result<Restored, StoreError> {
    let layout = store.layout();
    // Every file is read before anything is written.
    let theirs = scan::scan(from);
    if let Some(p) = theirs
        .problems
        .iter()
        .find(|p| p.severity() == super::Severity::Error)
    {
        let inside = p.path.strip_prefix(unpacked.path()).unwrap_or(&p.path);
        return Err(StoreError::Malformed {
            path: archive.to_owned(),
            line: 1,
            column: 1,
            message: format!(
                "{} in it: {} Nothing was restored.",
                inside.display(),
                p.reason()
            ),
        });
    }
    let ours = scan::scan(layout);
    // Empty: no entries, no trash, and no file it could not read (whose entries would be
    // hidden, not absent).
    let mut out = Restored {
        into_empty: ours.entries.is_empty()
            && store.trash().is_empty()
            && !ours
                .problems
                .iter()
                .any(|p| p.severity() == super::Severity::Error),
        ..Restored::default()
    };
    let deleted: HashSet<EntryId> = store.trash().into_iter().map(|t| t.entry.id).collect();
    let (_, changes) = merge::merge(&ours.entries, &theirs.entries, &deleted);
    out.changes = changes;
    // Trash records the journal does not have (by entry id and time of deletion).
    let have: HashSet<(String, DateTime<FixedOffset>)> = store
        .trash()
        .into_iter()
        .map(|t| (t.entry.id.to_string(), t.deleted_at))
        .collect();
    let mut trash_files = Vec::new();
    for f in fs::read_dir(from.trash_dir())
        .into_iter()
        .flatten()
        .flatten()
    {
        if let Ok(body) = scan::read_json::<TrashBody>(from, &f.path())
            && !have.contains(&(body.entry.id.to_string(), body.deleted_at))
        {
            trash_files.push((f.file_name(), f.path()));
        }
    }
    out.trash = trash_files.len();
    let state = from.state_file();
    out.settings = out.into_empty && state.is_file();
    let draft = from.draft_file();
    out.draft = out.into_empty && draft.is_file() && !layout.draft_file().exists();
    for name in CONFIG_FILES {
        let there = unpacked.path().join("config").join(name);
        if there.is_file() && config_dir.is_some_and(|c| !c.join(name).exists()) {
            out.config.push(name.to_owned());
        }
    }
    if dry_run {
        return Ok(out);
    }
    // Into an empty journal, an encrypted backup's key comes back with it, so what is written
    // next is encrypted as it was.
    if out.into_empty && crypto::is_encrypted(from) && !crypto::is_encrypted(layout) {
        for (src, to) in [
            (from.recipient_file(), layout.recipient_file()),
            (from.identity_file(), layout.identity_file()),
        ] {
            let bytes = fs::read(&src).map_err(|e| StoreError::read(&src, e))?;
            atomic::write(&to, &bytes).map_err(|e| io_err(&to, e))?;
        }
        crypto::share_unlock(layout, from);
    }
    // Entries through the store's own writes: new ones a day file at a time, newer versions
    // one by one (there are few).
    let of_kind = |kind: merge::Change| -> HashSet<&EntryId> {
        out.changes
            .iter()
            .filter(|c| c.change == kind)
            .map(|c| &c.id)
            .collect()
    };
    let (added, updated) = (
        of_kind(merge::Change::Added),
        of_kind(merge::Change::Updated),
    );
    let new: Vec<crate::journal::Entry> = theirs
        .entries
        .iter()
        .filter(|e| added.contains(&e.id))
        .cloned()
        .collect();
    store.add_entries(new).map_err(|p| p.error)?;
    for e in theirs.entries.iter().filter(|e| updated.contains(&e.id)) {
        store.save_entry(e)?;
    }
    // Files copied as they are, but encrypted or not as this journal is.
    let recode = |path: &Path, to: &Path| -> Result<Vec<u8>, StoreError> {
        let bytes = fs::read(path).map_err(|e| StoreError::read(path, e))?;
        let plain = crypto::open(from, path, bytes)?;
        crypto::seal(layout, to, plain)
    };
    for (name, path) in trash_files {
        let to = layout.trash_dir().join(name);
        let bytes = recode(&path, &to)?;
        atomic::create_private_dir(&layout.trash_dir()).map_err(|e| io_err(&to, e))?;
        atomic::write_new(&to, &bytes).or_else(|e| {
            if e.kind() == io::ErrorKind::AlreadyExists {
                Ok(())
            } else {
                Err(io_err(&to, e))
            }
        })?;
    }
    if out.draft {
        let to = layout.draft_file();
        let bytes = recode(&draft, &to)?;
        atomic::create_private_dir(&layout.drafts_dir()).map_err(|e| io_err(&to, e))?;
        atomic::write_new(&to, &bytes).map_err(|e| io_err(&to, e))?;
    }
    if out.settings {
        // Read (its own words opened with the backup's key) and written as this journal keeps
        // them.
        let prefs = super::read_preferences(from)?;
        store.save_preferences(&prefs)?;
    }
    if let Some(config) = config_dir {
        for name in &out.config {
            let bytes = fs::read(unpacked.path().join("config").join(name))
                .map_err(|e| StoreError::read(Path::new(name), e))?;
            atomic::create_private_dir(config).map_err(|e| io_err(config, e))?;
            atomic::write_new(&config.join(name), &bytes)
                .map_err(|e| io_err(&config.join(name), e))?;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2025, 1, 1)
            .unwrap()
            .checked_add_days(chrono::Days::new(u64::from(day)))
            .unwrap()
            .and_hms_opt(9, 30, 0)
            .unwrap()
    }

    #[test]
    fn rotation_over_400_days_keeps_exactly_the_configured_set() {
        let keep = Keep::default();
        // A backup every day for 400 days, rotated after each, as closer does.
        let mut kept_now: Vec<NaiveDateTime> = Vec::new();
        for day in 0..400 {
            kept_now.push(at(day));
            let keep_set = kept(&kept_now, keep);
            kept_now.retain(|m| keep_set.contains(m));
        }
        kept_now.sort();
        let last = at(399);
        // The last 7 days.
        for d in 393..400 {
            assert!(kept_now.contains(&at(d)), "day {d}");
        }
        // One a week for the last 4 ISO weeks, one a month for the last 12 months: the newest
        // of each, and nothing else.
        let mut expected: HashSet<NaiveDateTime> = (393..400).map(at).collect();
        let all: Vec<NaiveDateTime> = (0..400).map(at).collect();
        let newest_of = |same: &dyn Fn(&NaiveDateTime, &NaiveDateTime) -> bool, n: usize| {
            let mut picked: Vec<NaiveDateTime> = Vec::new();
            for m in all.iter().rev() {
                if picked.iter().any(|p| same(p, m)) {
                    continue;
                }
                if picked.len() == n {
                    break;
                }
                picked.push(*m);
            }
            picked
        };
        expected.extend(newest_of(
            &|a, b| a.date().iso_week() == b.date().iso_week(),
            4,
        ));
        expected.extend(newest_of(
            &|a, b| (a.year(), a.month()) == (b.year(), b.month()),
            12,
        ));
        let got: HashSet<NaiveDateTime> = kept_now.iter().copied().collect();
        assert_eq!(got, expected);
        assert!(got.len() <= 7 + 4 + 12);
        assert!(got.contains(&last));
        assert!(!got.contains(&at(0)), "older than a year is gone");
    }

    #[test]
    fn keep_reads_as_written_and_refuses_nonsense() {
        assert_eq!(
            Keep::parse("7 daily, 4 weekly, 12 monthly"),
            Some(Keep::default())
        );
        assert_eq!(
            Keep::parse("30 days"),
            Some(Keep {
                daily: 30,
                weekly: 0,
                monthly: 0
            })
        );
        assert_eq!(Keep::parse("lots"), None);
        assert_eq!(Keep::parse("3 yearly"), None);
    }

    #[test]
    fn default_folder_is_beside_the_data_folder() {
        assert_eq!(
            default_dir(Path::new("/home/you/.local/share/closer")),
            PathBuf::from("/home/you/.local/share/closer-backups")
        );
        assert!(made_of("closer-backup-2026-11-30T091500.tar.gz").is_some());
        assert!(made_of("holiday.tar.gz").is_none());
    }
}
