//! Backups: the whole data folder (entries, trash, state, the draft) and the person's own
//! settings and content, as one compressed archive (`tar` + gzip, read by any unpacking tool),
//! written atomically into a backup folder and rotated; and restoring one, into an empty folder
//! or merged into a journal (by entry id, field by field, both versions of a text kept where
//! they differ, nothing deleted: see `journal::merge`).
//!
//! An archive holds `data/…` (the data folder but its lock, its `.git` and any config files
//! beside the journal: `layout::NOT_JOURNAL`) and `config/…` (the config folder's
//! `config.toml`, `prompts.toml`, `strategies.toml`, when there), then `manifest.json`, written
//! last: when it was made, how many entries and days, the closer that made it, whether the
//! journal is encrypted and whether its entries could be counted, and every other file in it with
//! its size and SHA-256. (Earlier closers wrote the manifest first, without the files: such an
//! archive is still read, checked by its gzip checksum alone.)
//!
//! An archive is read whole and checked before anything of it is used: the gzip stream to its
//! end (its CRC-32 and size), every file's size against its tar header and the manifest, its
//! SHA-256 against the manifest, and the whole against what a backup of its size can hold (a
//! "gzip bomb" is refused before it fills memory or disk). Restoring works from what was read:
//! the small files kept in memory, the day files (nearly all of an archive) read again from it
//! a day at a time, each checked against the size and SHA-256 read the first time, and every
//! one of them decoded before anything is written; then written a window of days at a time, so
//! a restore holds a bounded window of days, not the journal. Nothing of the archive is
//! unpacked to disk, so `--dry-run` writes nothing, and a restore writes only through the
//! journal's own writes (files 0600, folders 0700, whatever the umask; a full disk is said as
//! such).
//!
//! Archives are named by the second they were made, `closer-backup-2026-11-30T091500.tar.gz`;
//! a second one made in the same second is `…T091500-2.tar.gz`. No backup replaces another.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::io::{self, Read, Seek, Write};
use std::path::{Component, Path, PathBuf};
use std::rc::Rc;

use age::secrecy::{ExposeSecret, SecretString};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::atomic;
use super::crypto;
use super::envelope;
use super::layout::Layout;
use super::problem::Problem;
use super::scan::{self, DraftBody, InboxBody, TrashBody};
use super::{Store, StoreError};
use crate::journal::merge::{self, Changed};
use crate::journal::{Entry, EntryId, Preferences};

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

/// The manifest of an archive (its last file; the first in archives of earlier closers).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Manifest {
    /// When it was made.
    pub made_at: DateTime<FixedOffset>,
    /// Entries in it; 0 when they were not counted (see `counted`).
    pub entries: usize,
    /// Days with entries; 0 when they were not counted.
    pub days: usize,
    /// The closer that made it.
    pub closer: String,
    /// Whether the journal in it is encrypted.
    pub encrypted: bool,
    /// Whether `entries` and `days` were counted. An encrypted journal's entries can be
    /// counted only while it is unlocked; a backup made while it was locked counts its files.
    pub counted: bool,
    /// Day files in it, counted by name without reading them.
    pub day_files: usize,
    /// Entries in it saved while the journal was locked, waiting in `inbox/` for their day
    /// (a file each, counted by name).
    pub inbox: usize,
    /// How many files the archive holds besides the manifest; 0 in an archive of an earlier
    /// closer, which did not say.
    pub files: usize,
    /// Each of those files, in the order written, with its size and SHA-256; empty in an
    /// archive of an earlier closer (its gzip checksum is all there is to check it by).
    pub sums: Vec<FileSum>,
}

/// One file of an archive as its manifest lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileSum {
    /// Its path in the archive (`data/entries/2026/2026-11-30.json`).
    pub path: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// Its SHA-256, in lower-case hex.
    pub sha256: String,
}

impl FileSum {
    fn of(path: &str, bytes: &[u8]) -> FileSum {
        FileSum {
            path: path.to_owned(),
            bytes: bytes.len() as u64,
            sha256: format!("{:x}", Sha256::digest(bytes)),
        }
    }
}

/// A manifest as stored: earlier closers wrote only the first four fields, then the next four;
/// `files` and `sums` came with the manifest written last.
#[derive(Deserialize)]
struct StoredManifest {
    made_at: DateTime<FixedOffset>,
    entries: usize,
    days: usize,
    closer: String,
    encrypted: Option<bool>,
    counted: Option<bool>,
    day_files: Option<usize>,
    inbox: Option<usize>,
    files: Option<usize>,
    sums: Option<Vec<FileSum>>,
}

/// An archive in a backup folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Archive {
    /// Its file.
    pub path: PathBuf,
    /// When it was made (from its name).
    pub made: NaiveDateTime,
    /// Which of the archives made in that second it is: 1 for the first (no number in its
    /// name), 2 for `…-2.tar.gz`, and so on.
    pub seq: u32,
    /// Its size in bytes.
    pub bytes: u64,
}

const PREFIX: &str = "closer-backup-";
const SUFFIX: &str = ".tar.gz";
const NAME_TIME: &str = "%Y-%m-%dT%H%M%S";

/// The gzip level of a backup (see `write`).
const BACKUP_LEVEL: u32 = 3;
/// Files of the config folder a backup carries.
pub const CONFIG_FILES: [&str; 3] = ["config.toml", "prompts.toml", "strategies.toml"];

/// The backup folder closer uses when none is configured: `closer-backups` beside the data
/// folder (on the same disk; configure `backup_dir` for another).
pub fn default_dir(data_dir: &Path) -> PathBuf {
    let parent = data_dir.parent().filter(|p| !p.as_os_str().is_empty());
    parent.unwrap_or(Path::new(".")).join("closer-backups")
}

/// The name of the `seq`th archive made at `made` (in its second).
fn name_of(made: NaiveDateTime, seq: u32) -> String {
    let stamp = made.format(NAME_TIME);
    if seq <= 1 {
        format!("{PREFIX}{stamp}{SUFFIX}")
    } else {
        format!("{PREFIX}{stamp}-{seq}{SUFFIX}")
    }
}

/// When an archive name says it was made, and which of that second's archives it is.
fn made_of(name: &str) -> Option<(NaiveDateTime, u32)> {
    let stamp = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let (stamp, seq) = match stamp.rsplit_once('-') {
        // The time has dashes too (2026-11-30T091500): only a number after the time counts.
        Some((time, n)) if time.contains('T') && !n.is_empty() => {
            let seq: u32 = n.parse().ok().filter(|&n| n >= 2)?;
            (time, seq)
        }
        _ => (stamp, 1),
    };
    let made = NaiveDateTime::parse_from_str(stamp, NAME_TIME).ok()?;
    // Only names closer writes: `…T091500-02` or `-1` are someone else's.
    (name_of(made, seq) == name).then_some((made, seq))
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
            let (made, seq) = made_of(&name)?;
            let meta = f.metadata().ok().filter(fs::Metadata::is_file)?;
            Some(Archive {
                path: f.path(),
                made,
                seq,
                bytes: meta.len(),
            })
        })
        .collect();
    out.sort_by_key(|a| (a.made, a.seq));
    out
}

/// Which of `made` (any order) rotation keeps under `keep`: the newest of each of the last
/// `daily` days, `weekly` ISO weeks and `monthly` months that have one. Archives made in the
/// same second share a time, so they are kept, or removed, together.
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
    let manifest = manifest_now(layout, now);
    // Named once written (below); errors until then name the archive it will be.
    let path = dir.join(name_of(now.naive_local(), 1));
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
    let mut manifest = manifest;
    let packed = std::thread::scope(|scope| {
        // Compressed on every core (gzp: blocks of the tar stream deflated in parallel, one
        // standard gzip stream), while this thread reads the files and counts the entries.
        // At level 3, not the default 6: at 100,000 entries the archive is 9 % larger
        // (56.3 MB, not 51.7) and made in 2.8 s, not 3.8-4.3 (issue 38, benches/README.md).
        let gz = Parallel(Some(
            gzp::par::compress::ParCompressBuilder::<gzp::deflate::Gzip>::new()
                .compression_level(gzp::Compression::new(BACKUP_LEVEL))
                .from_borrowed_writer(tmp.as_file(), scope),
        ));
        let mut tar = tar::Builder::new(gz);
        tar.mode(tar::HeaderMode::Deterministic);
        let mut packer = Packer {
            tar,
            sums: Vec::new(),
            count: (manifest.counted && manifest.inbox == 0).then(|| Count::new(layout)),
        };
        pack(&mut packer, layout, config_dir, &path)?;
        let Packer { tar, sums, count } = packer;
        if let Some(count) = count {
            manifest.entries = count.entries;
            manifest.days = count.days.len();
        }
        // The manifest last: every file it lists is written by now, with what was written.
        manifest.files = sums.len();
        manifest.sums = sums;
        finish_archive(tar, &manifest, &path)
    });
    packed?;
    tmp.as_file().sync_all().map_err(|e| io_err(&path, e))?;
    let path = persist_new(tmp, dir, now.naive_local())?;
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

/// The manifest of a backup of the journal at `layout` made at `now`. An encrypted journal's
/// entries are counted when it is unlocked in this process; when it is locked, its day files
/// are counted (by name) instead, and the manifest says the entries were not.
fn manifest_now(layout: &Layout, now: DateTime<FixedOffset>) -> Manifest {
    let encrypted = crypto::is_encrypted(layout);
    let counted = crypto::is_unlocked(layout);
    let file_names = |dir: PathBuf| -> Vec<String> {
        fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|f| f.file_name().to_string_lossy().into_owned())
            .collect()
    };
    let mut day_files = 0;
    for year in file_names(layout.entries_dir()) {
        day_files += file_names(layout.entries_dir().join(year))
            .iter()
            .filter(|n| Layout::day_of_file_name(n).is_some())
            .count();
    }
    let inbox = file_names(layout.inbox_dir())
        .iter()
        .filter(|n| is_inbox_name(n))
        .count();
    // The entries are counted as their day files are packed (`Count`), but for entries
    // waiting in the inbox, which a scan counts only when their day does not hold them.
    let (entries, days) = if counted && inbox > 0 {
        let scan = scan::scan(layout);
        let days: HashSet<NaiveDate> = scan.entries.iter().map(|e| e.date).collect();
        (scan.entries.len(), days.len())
    } else {
        (0, 0)
    };
    Manifest {
        made_at: now,
        entries,
        days,
        closer: env!("CARGO_PKG_VERSION").to_owned(),
        encrypted,
        counted,
        day_files,
        inbox,
        files: 0,
        sums: Vec::new(),
    }
}

/// Whether a file of `inbox/` holds an entry (not a temporary file being written).
fn is_inbox_name(name: &str) -> bool {
    name.ends_with(".json") && !name.starts_with('.')
}

/// Gives the written archive `tmp` its name in `dir`: the name of `made`, or, when a backup
/// made in the same second has it, the next free `…-2`, `…-3`. Never replaces a file.
fn persist_new(
    mut tmp: tempfile::NamedTempFile,
    dir: &Path,
    made: NaiveDateTime,
) -> Result<PathBuf, StoreError> {
    for seq in 1..1000 {
        let path = dir.join(name_of(made, seq));
        if fs::symlink_metadata(&path).is_ok() {
            continue;
        }
        // The name is taken only if nothing has it, checked in the same step as the rename.
        match tmp.persist_noclobber(&path) {
            Ok(_) => return Ok(path),
            Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => tmp = e.file,
            // A file system that cannot rename without replacing, nor link (FAT on a USB
            // disk): the name was free a moment ago, so a plain rename.
            Err(e) => {
                return e
                    .file
                    .persist(&path)
                    .map(|_| path.clone())
                    .map_err(|e| io_err(&path, e.error));
            }
        }
    }
    let path = dir.join(name_of(made, 1));
    Err(io_err(
        &path,
        io::Error::new(
            io::ErrorKind::AlreadyExists,
            "it and 998 names after it are taken",
        ),
    ))
}

/// The name of the manifest in an archive.
const MANIFEST: &str = "manifest.json";

/// An archive being written, the size and SHA-256 of each file put into it, and the entries
/// of its day files counted as they go in (when they can be read).
struct Packer<W: Write> {
    tar: tar::Builder<W>,
    sums: Vec<FileSum>,
    count: Option<Count>,
}

impl<W: Write> Packer<W> {
    fn add(&mut self, name: &str, bytes: &[u8]) -> io::Result<()> {
        append_bytes(&mut self.tar, name, bytes)?;
        self.sums.push(FileSum::of(name, bytes));
        if let Some(count) = &mut self.count {
            count.add(name, bytes);
        }
        Ok(())
    }
}

/// The entries of a journal and the days they are on, counted from its day files as they are
/// packed, as a scan counts them (every entry of each day file that can be read), without
/// holding them: a scan first held the whole journal (240 MB at 100,000 entries).
struct Count {
    layout: Layout,
    entries: usize,
    days: HashSet<NaiveDate>,
}

impl Count {
    fn new(layout: &Layout) -> Count {
        Count {
            layout: layout.clone(),
            entries: 0,
            days: HashSet::new(),
        }
    }

    /// Counts the file `name` of the archive (`data/entries/2026/2026-11-30.json`), holding
    /// `bytes`, when it is a day file; a day file that cannot be read counts nothing.
    fn add(&mut self, name: &str, bytes: &[u8]) {
        let ["data", "entries", year, file] = name.split('/').collect::<Vec<_>>()[..] else {
            return;
        };
        let is_year = year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit());
        let Some(day) = Layout::day_of_file_name(file)
            .filter(|d| is_year && year.parse::<i32>().is_ok_and(|y| d.year() == y))
        else {
            return;
        };
        let path = self.layout.day_file(day);
        let body = crypto::open(&self.layout, &path, bytes.to_vec())
            .and_then(|plain| envelope::decode::<scan::DayBody>(&path, &plain));
        if let Ok(body) = body {
            self.entries += body.entries.len();
            self.days.extend(body.entries.iter().map(|e| e.date));
        }
    }
}

/// The parallel gzip writer, finished when dropped on a failure (its own drop would panic
/// on a write that failed, a full disk).
struct Parallel<'s, W: Write>(Option<gzp::par::compress::ParCompress<'s, gzp::deflate::Gzip, W>>);

impl<W: Write> Parallel<'_, W> {
    /// Writes the end of the gzip stream, and waits for every block to be written.
    fn finish(mut self) -> io::Result<()> {
        match self.0.take() {
            Some(mut gz) => gzp::ZWriter::finish(&mut gz)
                .map(drop)
                .map_err(io::Error::other),
            None => Ok(()),
        }
    }
}

impl<W: Write> Write for Parallel<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.0 {
            Some(gz) => gz.write(buf),
            None => Err(io::Error::other("the archive was finished")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.0 {
            Some(gz) => gz.flush(),
            None => Ok(()),
        }
    }
}

impl<W: Write> Drop for Parallel<'_, W> {
    fn drop(&mut self) {
        if let Some(mut gz) = self.0.take() {
            let _ = gzp::ZWriter::finish(&mut gz);
        }
    }
}

/// Puts the data folder at `layout` and the config files of `config_dir` into the archive
/// being written to `path`.
fn pack<W: Write>(
    packer: &mut Packer<W>,
    layout: &Layout,
    config_dir: Option<&Path>,
    path: &Path,
) -> Result<(), StoreError> {
    append_dir(packer, layout.root(), Path::new("data"), layout, 0).map_err(|e| io_err(path, e))?;
    if let Some(config) = config_dir {
        for name in CONFIG_FILES {
            let file = config.join(name);
            if let Ok(bytes) = crate::files::read_regular(&file, crate::files::DATA_FILE_CAP) {
                packer
                    .add(&format!("config/{name}"), &bytes)
                    .map_err(|e| io_err(path, e))?;
            }
        }
    }
    Ok(())
}

/// Adds the manifest, the end of the tar and of the gzip stream, to the archive being
/// written to `path`.
fn finish_archive<W: Write>(
    mut tar: tar::Builder<Parallel<'_, W>>,
    manifest: &Manifest,
    path: &Path,
) -> Result<(), StoreError> {
    let manifest_bytes = serde_json::to_vec_pretty(manifest).map_err(|e| StoreError::Encode {
        path: path.to_owned(),
        message: e.to_string(),
    })?;
    append_bytes(&mut tar, MANIFEST, &manifest_bytes).map_err(|e| io_err(path, e))?;
    let gz = tar.into_inner().map_err(|e| io_err(path, e))?;
    gz.finish().map_err(|e| io_err(path, e))
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
    tar: &mut Packer<W>,
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
        // A sync repository's history is not the journal (and can be large); nor are config
        // files beside it (macOS), which the archive carries once, under `config/`.
        if path.file_name().is_some_and(|n| {
            n == ".git"
                || (depth == 0
                    && super::layout::NOT_JOURNAL
                        .iter()
                        .any(|not| n == std::ffi::OsStr::new(not)))
        }) {
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
            tar.add(&name.to_string_lossy(), &bytes)?;
        }
    }
    Ok(())
}

mod read;
mod restore;
pub use read::*;
pub use restore::*;

#[cfg(test)]
mod tests;
