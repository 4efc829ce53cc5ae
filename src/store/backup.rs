//! Backups: the whole data folder (entries, trash, state, the draft) and the person's own
//! settings and content, as one compressed archive (`tar` + gzip, read by any unpacking tool),
//! written atomically into a backup folder and rotated; and restoring one, into an empty folder
//! or merged into a journal (by entry id, field by field, both versions of a text kept where
//! they differ, nothing deleted: see `journal::merge`).
//!
//! An archive holds `data/…` (the data folder but its lock) and `config/…` (the config folder's
//! `config.toml`, `prompts.toml`, `strategies.toml`, when there), then `manifest.json`, written
//! last: when it was made, how many entries and days, the closer that made it, whether the
//! journal is encrypted and whether its entries could be counted, and every other file in it with
//! its size and SHA-256. (Earlier closers wrote the manifest first, without the files: such an
//! archive is still read, checked by its gzip checksum alone.)
//!
//! An archive is read whole and checked before anything of it is used: the gzip stream to its
//! end (its CRC-32 and size), every file's size against its tar header and the manifest, its
//! SHA-256 against the manifest, and the whole against what a backup of its size can hold (a
//! "gzip bomb" is refused before it fills memory or disk). Restoring works from what was read,
//! in memory: nothing of the archive is unpacked to disk, so `--dry-run` writes nothing, and a
//! restore writes only through the journal's own writes (files 0600, folders 0700, whatever the
//! umask; a full disk is said as such).
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
    {
        let gz = flate2::write::GzEncoder::new(tmp.as_file(), flate2::Compression::default());
        let mut tar = tar::Builder::new(gz);
        tar.mode(tar::HeaderMode::Deterministic);
        let mut packer = Packer {
            tar,
            sums: Vec::new(),
        };
        append_dir(&mut packer, layout.root(), Path::new("data"), layout, 0)
            .map_err(|e| io_err(&path, e))?;
        if let Some(config) = config_dir {
            for name in CONFIG_FILES {
                let file = config.join(name);
                if let Ok(bytes) = crate::files::read_regular(&file, crate::files::DATA_FILE_CAP) {
                    packer
                        .add(&format!("config/{name}"), &bytes)
                        .map_err(|e| io_err(&path, e))?;
                }
            }
        }
        // The manifest last: every file it lists is written by now, with what was written.
        let Packer { mut tar, sums } = packer;
        manifest.files = sums.len();
        manifest.sums = sums;
        let manifest_bytes =
            serde_json::to_vec_pretty(&manifest).map_err(|e| StoreError::Encode {
                path: path.clone(),
                message: e.to_string(),
            })?;
        append_bytes(&mut tar, MANIFEST, &manifest_bytes).map_err(|e| io_err(&path, e))?;
        let gz = tar.into_inner().map_err(|e| io_err(&path, e))?;
        gz.finish().map_err(|e| io_err(&path, e))?;
    }
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
    let (entries, days) = if counted {
        let scan = scan::scan(layout);
        let days: HashSet<NaiveDate> = scan.entries.iter().map(|e| e.date).collect();
        (scan.entries.len(), days.len())
    } else {
        (0, 0)
    };
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

/// An archive being written, and the size and SHA-256 of each file put into it.
struct Packer<W: Write> {
    tar: tar::Builder<W>,
    sums: Vec<FileSum>,
}

impl<W: Write> Packer<W> {
    fn add(&mut self, name: &str, bytes: &[u8]) -> io::Result<()> {
        append_bytes(&mut self.tar, name, bytes)?;
        self.sums.push(FileSum::of(name, bytes));
        Ok(())
    }
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
            tar.add(&name.to_string_lossy(), &bytes)?;
        }
    }
    Ok(())
}

/// The least an archive may unpack to before its size is questioned.
const UNPACKED_FLOOR: u64 = 64 * 1024 * 1024;
/// How many times its own size an archive may unpack to (beyond [`UNPACKED_FLOOR`]). A
/// journal's JSON compresses 5 to 30 times, encrypted files not at all; only a damaged archive,
/// or one made to fill a disk, goes far beyond (gzip's limit is about 1,000 times).
const UNPACKED_RATIO: u64 = 200;
/// The largest manifest read (its list of files included): a few hundred bytes a file.
const MANIFEST_CAP: u64 = crate::files::CONTENT_CAP;

/// An archive read whole and checked: its manifest and every file it holds, in memory. Made by
/// [`read_archive`]; what [`restore_unpacked`] and [`preview_into_new`] restore from.
#[derive(Debug)]
pub struct Unpacked {
    path: PathBuf,
    manifest: Manifest,
    files: BTreeMap<String, Vec<u8>>,
    /// How many bytes its gzip stream unpacked to.
    unpacked: u64,
}

impl Unpacked {
    /// The archive's file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Its manifest.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// The files in it but the manifest, by their path in it (`data/state.json`).
    pub fn files(&self) -> &BTreeMap<String, Vec<u8>> {
        &self.files
    }

    fn file(&self, name: &str) -> Option<&[u8]> {
        self.files.get(name).map(Vec::as_slice)
    }
}

/// Reads an archive's manifest, after reading the whole archive and checking it (see
/// [`read_archive`]); the files are not kept.
///
/// A manifest written by an earlier closer has no `counted`: one that says 0 entries may be
/// an encrypted journal's, backed up while it was locked, so the archive's files say.
///
/// # Errors
/// [`StoreError::BackupDamaged`] when the archive is damaged, [`StoreError::BackupUnusable`]
/// when it is not a closer backup, [`StoreError::Read`] when its file cannot be read.
pub fn manifest_of(archive: &Path) -> Result<Manifest, StoreError> {
    read(archive, false).map(|u| u.manifest)
}

/// Reads the archive at `archive` whole, into memory, and checks it: the gzip stream to its end
/// (its CRC-32 and size), every file against the size its tar header says and the size and
/// SHA-256 the manifest gives (an archive of an earlier closer has none: its gzip checksum is
/// all there is), and the whole against what an archive of its size can hold, refused before
/// unpacking more than that (from the sizes in the tar headers, when they say so). Read twice:
/// checked first without keeping anything, then kept. Nothing is written.
///
/// # Errors
/// [`StoreError::BackupDamaged`] when the archive is damaged (said how), or unpacks to far
/// more than a backup of its size holds; [`StoreError::BackupUnusable`] when it is not a closer
/// backup, or holds what no closer backup does (a link, a path outside its folder);
/// [`StoreError::Read`] when its file cannot be read.
pub fn read_archive(archive: &Path) -> Result<Unpacked, StoreError> {
    read(archive, true)
}

/// What went wrong beneath the tar reader, the first time: reading the archive's file,
/// decompressing it, or unpacking more than it may.
enum Fault {
    File(io::Error),
    Gzip(io::Error),
    TooLarge,
}

type Faults = Rc<RefCell<Option<Fault>>>;

fn note(faults: &Faults, fault: Fault) {
    let mut first = faults.borrow_mut();
    if first.is_none() {
        *first = Some(fault);
    }
}

fn copy_of(e: &io::Error) -> io::Error {
    io::Error::new(e.kind(), e.to_string())
}

/// The archive's file, noting a failure to read it.
struct FileReader {
    file: fs::File,
    faults: Faults,
}

impl Read for FileReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.file.read(buf).inspect_err(|e| {
            if e.kind() != io::ErrorKind::Interrupted {
                note(&self.faults, Fault::File(copy_of(e)));
            }
        })
    }
}

/// The decompressed stream, counted: it fails past `limit` bytes, and notes a failure to
/// decompress.
struct Meter<R> {
    inner: R,
    read: u64,
    limit: u64,
    faults: Faults,
}

impl<R: Read> Read for Meter<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.read > self.limit {
            return Err(io::Error::other("it unpacks to more than it may"));
        }
        // One byte past the limit is enough to know.
        let room = usize::try_from(self.limit - self.read + 1).unwrap_or(usize::MAX);
        let end = buf.len().min(room);
        match self.inner.read(&mut buf[..end]) {
            Ok(n) => {
                self.read += n as u64;
                if self.read > self.limit {
                    note(&self.faults, Fault::TooLarge);
                    return Err(io::Error::other("it unpacks to more than it may"));
                }
                Ok(n)
            }
            Err(e) => {
                if e.kind() != io::ErrorKind::Interrupted {
                    note(&self.faults, Fault::Gzip(copy_of(&e)));
                }
                Err(e)
            }
        }
    }
}

/// What is wrong with an archive, found while walking its files.
enum Bad {
    Damaged(String),
    Unusable(String),
    /// A failure of the reader: its cause is in the faults noted, or it is the tar's.
    Io(io::Error),
    /// The first file could not be read: not a tar, unless the faults say otherwise.
    NotTar,
    /// Its files are larger than it may unpack to, as the tar says their sizes.
    TooLarge,
}

/// What walking an archive found.
#[derive(Default)]
struct Found {
    manifest: Option<Vec<u8>>,
    /// Each file but the manifest, with its size and SHA-256, in order.
    sums: Vec<FileSum>,
    files: BTreeMap<String, Vec<u8>>,
}

/// The path of a file in an archive as closer names it (`data/entries/2026/…`), or `None` when
/// it would climb out of the folder it unpacks into (`..`, an absolute path).
fn inside_name(path: &Path) -> Option<String> {
    let mut parts = Vec::new();
    for c in path.components() {
        match c {
            Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
            Component::CurDir => {}
            _ => return None,
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

fn size(bytes: u64) -> String {
    match bytes {
        1 => "1 byte".to_owned(),
        0..1_000 => format!("{bytes} bytes"),
        1_000..1_000_000 => format!("{:.1} kB", bytes as f64 / 1e3),
        1_000_000..1_000_000_000 => format!("{:.1} MB", bytes as f64 / 1e6),
        _ => format!("{:.1} GB", bytes as f64 / 1e9),
    }
}

/// Reads every file of the tar `tar` (its size and SHA-256; its bytes too when `keep`), within
/// `limit` bytes in all.
fn walk<R: Read>(
    tar: &mut tar::Archive<R>,
    keep: bool,
    limit: u64,
    found: &mut Found,
) -> Result<(), Bad> {
    let mut seen: HashSet<String> = HashSet::new();
    let mut declared_total: u64 = 0;
    let mut first = true;
    for member in tar.entries().map_err(Bad::Io)? {
        let mut member = member.map_err(|e| if first { Bad::NotTar } else { Bad::Io(e) })?;
        first = false;
        let path = member.path().map_err(Bad::Io)?.into_owned();
        let name = inside_name(&path).ok_or_else(|| {
            Bad::Unusable(format!(
                "it holds {}, a path outside the folder it unpacks into, as no closer backup does",
                path.display()
            ))
        })?;
        let kind = member.header().entry_type();
        if kind.is_dir() {
            continue;
        }
        if !kind.is_file() {
            return Err(Bad::Unusable(format!(
                "it holds {name}, which is not a file (a link or a device), as no closer backup \
                 does"
            )));
        }
        if !seen.insert(name.clone()) {
            return Err(Bad::Damaged(format!("it holds {name} twice")));
        }
        // Sizes are checked as the tar says them, before a byte of the file is read.
        let declared = member.size();
        let cap = if name == MANIFEST {
            MANIFEST_CAP
        } else {
            crate::files::DATA_FILE_CAP
        };
        if declared > cap {
            return Err(Bad::Damaged(format!(
                "{name} in it would be {}, more than closer ever backs up ({} a file)",
                size(declared),
                size(cap)
            )));
        }
        declared_total = declared_total.saturating_add(declared);
        if declared_total > limit {
            return Err(Bad::TooLarge);
        }
        let sum = if keep || name == MANIFEST {
            let mut bytes = Vec::with_capacity(usize::try_from(declared.min(1 << 20)).unwrap_or(0));
            (&mut member)
                .take(declared)
                .read_to_end(&mut bytes)
                .map_err(Bad::Io)?;
            let sum = FileSum::of(&name, &bytes);
            if name == MANIFEST {
                found.manifest = Some(bytes);
            } else {
                found.files.insert(name.clone(), bytes);
            }
            sum
        } else {
            let mut hasher = Sha256::new();
            let n = io::copy(&mut (&mut member).take(declared), &mut hasher).map_err(Bad::Io)?;
            FileSum {
                path: name.clone(),
                bytes: n,
                sha256: format!("{:x}", hasher.finalize()),
            }
        };
        if sum.bytes != declared {
            return Err(Bad::Damaged(format!("{name} in it is cut short")));
        }
        if name != MANIFEST {
            found.sums.push(sum);
        }
    }
    Ok(())
}

/// Reads the rest of the stream to its end, where gzip checks its checksum and size.
fn drain(reader: &mut impl Read) -> io::Result<()> {
    let mut buf = [0u8; 8192];
    loop {
        match reader.read(&mut buf) {
            Ok(0) => return Ok(()),
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

/// What is wrong, in words, when decompressing failed with `e`.
fn gzip_reason(e: &io::Error) -> String {
    let text = e.to_string();
    if e.kind() == io::ErrorKind::UnexpectedEof {
        "it is cut short: its end is missing (a copy that did not finish?)".to_owned()
    } else if text.contains("checksum") {
        "the compressed data does not match its checksum".to_owned()
    } else if text.contains("header") {
        "the start of the compressed data is damaged".to_owned()
    } else {
        "the compressed data is damaged: it cannot be decompressed".to_owned()
    }
}

fn read(archive: &Path, keep: bool) -> Result<Unpacked, StoreError> {
    // First read through without keeping a file: a damaged archive, or one that unpacks to far
    // more than a backup does, is refused with nothing held in memory. Then, to keep its files,
    // read and checked again (the file may have changed in between), no further than the first
    // read found.
    let checked = read_once(archive, None, false)?;
    if keep {
        read_once(archive, Some(checked.unpacked), true)
    } else {
        Ok(checked)
    }
}

/// Reads and checks the archive once (see [`read_archive`]), keeping its files when `keep`;
/// no further than `limit` bytes unpacked, else what an archive of its size can hold.
fn read_once(archive: &Path, limit: Option<u64>, keep: bool) -> Result<Unpacked, StoreError> {
    let damaged = |reason: String| StoreError::BackupDamaged {
        path: archive.to_owned(),
        reason,
    };
    let unusable = |reason: String| StoreError::BackupUnusable {
        path: archive.to_owned(),
        reason,
    };
    let read_err = |e: io::Error| StoreError::read(archive, e);
    let mut file = fs::File::open(archive).map_err(read_err)?;
    let len = file.metadata().map_err(read_err)?.len();
    // A gzip stream's first two bytes say it is one.
    let mut magic = Vec::with_capacity(2);
    (&mut file)
        .take(2)
        .read_to_end(&mut magic)
        .map_err(read_err)?;
    if len == 0 {
        return Err(unusable("it is empty, not a closer backup".to_owned()));
    }
    if magic != [0x1f, 0x8b] {
        return Err(unusable(
            "it is not a closer backup (a gzipped tar archive)".to_owned(),
        ));
    }
    file.seek(io::SeekFrom::Start(0)).map_err(read_err)?;
    // The size gzip records at its end is checked when the stream is read to it; it cannot
    // bound the reading before, as a file cut short ends in other bytes.
    let bound = UNPACKED_FLOOR.max(len.saturating_mul(UNPACKED_RATIO));
    let limit = limit.unwrap_or(bound);
    let too_large = || {
        if limit < bound {
            "it unpacks to more than it did a moment ago: it changed while it was read".to_owned()
        } else {
            format!(
                "it unpacks to more than {}, far more than a backup of {} holds (a damaged \
                 file, or one made to fill the disk)",
                size(bound),
                size(len)
            )
        }
    };
    let faults: Faults = Rc::default();
    let gz = flate2::read::GzDecoder::new(FileReader {
        file,
        faults: Rc::clone(&faults),
    });
    let mut tar = tar::Archive::new(Meter {
        inner: gz,
        read: 0,
        limit,
        faults: Rc::clone(&faults),
    });
    let mut found = Found::default();
    let walked = walk(&mut tar, keep, limit, &mut found);
    // The gzip stream is read to its end, where its checksum and size are checked; also after
    // a failure above, as damaged compressed data is the likelier cause of a tar that breaks.
    let mut rest = tar.into_inner();
    let drained = drain(&mut rest);
    let unpacked = rest.read;
    if let Some(fault) = faults.borrow_mut().take() {
        return Err(match fault {
            Fault::File(e) => read_err(e),
            Fault::Gzip(e) => damaged(gzip_reason(&e)),
            Fault::TooLarge => damaged(too_large()),
        });
    }
    match walked {
        Ok(()) => {}
        Err(Bad::Damaged(reason)) => return Err(damaged(reason)),
        Err(Bad::Unusable(reason)) => return Err(unusable(reason)),
        Err(Bad::NotTar) => {
            return Err(unusable(
                "it is not a closer backup (a gzipped tar archive)".to_owned(),
            ));
        }
        Err(Bad::TooLarge) => return Err(damaged(too_large())),
        Err(Bad::Io(e)) => return Err(damaged(format!("the files in it are damaged ({e})"))),
    }
    drained.map_err(|e| damaged(format!("its end is damaged ({e})")))?;
    let Some(text) = found.manifest.take() else {
        return Err(unusable(
            "it has no manifest.json, so it is not a closer backup".to_owned(),
        ));
    };
    let stored: StoredManifest = serde_json::from_slice(&text)
        .map_err(|e| damaged(format!("its manifest cannot be read ({e})")))?;
    check_sums(&stored, &found.sums).map_err(damaged)?;
    let mut manifest = Manifest {
        made_at: stored.made_at,
        entries: stored.entries,
        days: stored.days,
        closer: stored.closer,
        encrypted: stored.encrypted.unwrap_or(false),
        counted: stored.counted.unwrap_or(true),
        day_files: stored.day_files.unwrap_or(stored.days),
        inbox: stored.inbox.unwrap_or(0),
        files: stored.files.unwrap_or(0),
        sums: stored.sums.unwrap_or_default(),
    };
    if stored.counted.is_none() && stored.entries == 0 {
        // Counted from its names.
        let (mut day_files, mut inbox) = (0, 0);
        for sum in &found.sums {
            match sum.path.split('/').collect::<Vec<_>>()[..] {
                ["data", "identity.age" | "recipient.txt"] => manifest.encrypted = true,
                ["data", "entries", _, name] if Layout::day_of_file_name(name).is_some() => {
                    day_files += 1;
                }
                ["data", "inbox", name] if is_inbox_name(name) => inbox += 1,
                _ => {}
            }
        }
        if manifest.encrypted {
            manifest.counted = false;
            manifest.day_files = day_files;
            manifest.inbox = inbox;
        }
    }
    Ok(Unpacked {
        path: archive.to_owned(),
        manifest,
        files: found.files,
        unpacked,
    })
}

/// Checks the files found in an archive against what its manifest says: how many, and each
/// one's size and SHA-256. A manifest of an earlier closer says neither.
fn check_sums(stored: &StoredManifest, found: &[FileSum]) -> Result<(), String> {
    if let Some(files) = stored.files
        && files != found.len()
    {
        let files_of = |n: usize| {
            if n == 1 {
                "1 file".to_owned()
            } else {
                format!("{n} files")
            }
        };
        return Err(format!(
            "its manifest says it holds {}, and it holds {}",
            files_of(files),
            files_of(found.len())
        ));
    }
    let Some(sums) = &stored.sums else {
        return Ok(());
    };
    let listed: HashMap<&str, &FileSum> = sums.iter().map(|s| (s.path.as_str(), s)).collect();
    if listed.len() != sums.len() {
        return Err("its manifest lists a file twice".to_owned());
    }
    for f in found {
        match listed.get(f.path.as_str()) {
            None => return Err(format!("{} is in it, and not in its manifest", f.path)),
            Some(s) if s.bytes != f.bytes => {
                return Err(format!(
                    "{} in it is {}, and its manifest says {}",
                    f.path,
                    size(f.bytes),
                    size(s.bytes)
                ));
            }
            Some(s) if s.sha256 != f.sha256 => {
                return Err(format!(
                    "{} in it does not match its checksum in the manifest",
                    f.path
                ));
            }
            Some(_) => {}
        }
    }
    if found.len() != sums.len() {
        let there: HashSet<&str> = found.iter().map(|f| f.path.as_str()).collect();
        if let Some(missing) = sums.iter().find(|s| !there.contains(s.path.as_str())) {
            return Err(format!(
                "{} is missing from it (its manifest lists it)",
                missing.path
            ));
        }
    }
    Ok(())
}

/// What restoring an archive did, or would do.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Restored {
    /// Whether the journal was empty (everything was put back as it was).
    pub into_empty: bool,
    /// Each entry added, updated, kept in two versions or left out, by day.
    pub changes: Vec<Changed>,
    /// The merged versions of the entries both had and that changed here (updated, or kept
    /// in two versions): what a restore writes for them (issue 31: merged field by field,
    /// never the backup's version over the journal's).
    pub merged: Vec<Entry>,
    /// Trash records put back.
    pub trash: usize,
    /// Files of the config folder put back (only where there was none).
    pub config: Vec<String>,
    /// Whether the settings (`state.json`) were put back.
    pub settings: bool,
    /// Whether an unfinished check-in was put back.
    pub draft: bool,
    /// Whether the backup is encrypted and this journal is not, so what it adds is written
    /// here in plain text (only when allowed: see `declined`).
    pub decrypts: bool,
    /// Whether the backup is not encrypted and this journal is: what it adds is encrypted as
    /// it is written.
    pub encrypts: bool,
    /// Whether the backup's key came with it (an encrypted backup into an empty folder): the
    /// journal is encrypted as the backup was, and opens with the passphrase it had.
    pub key: bool,
    /// Whether nothing was written because writing the backup's entries in plain text was
    /// not allowed.
    pub declined: bool,
}

/// Restores `archive` into the journal of `store` (and the config files it carries into
/// `config_dir`, where there are none): reads and checks it whole ([`read_archive`]), then
/// [`restore_unpacked`].
///
/// # Errors
/// As [`read_archive`] and [`restore_unpacked`].
pub fn restore(
    store: &Store,
    archive: &Path,
    config_dir: Option<&Path>,
    dry_run: bool,
    passphrase: Option<&SecretString>,
    decrypt: &mut dyn FnMut(&Restored) -> bool,
) -> Result<Restored, StoreError> {
    let unpacked = read_archive(archive)?;
    restore_unpacked(store, &unpacked, config_dir, dry_run, passphrase, decrypt)
}

/// Restores an archive read by [`read_archive`] into the journal of `store` (and the config
/// files it carries into `config_dir`, where there are none). Into an empty journal,
/// everything comes back as it was, settings included; into a journal with entries, the
/// archive's entries are merged by id, field by field (both versions of a text kept where they
/// differ, an entry deleted here stays deleted, nothing is removed), its trash records are
/// added, and this journal's settings are kept. With `dry_run`, nothing is written: the result says what would change.
///
/// An encrypted backup merged into a journal that is not encrypted would be written in plain
/// text: `decrypt` is asked first, with what the restore would do, and when it says no,
/// nothing is written and the result says `declined`. (Into an empty folder the backup's key
/// comes along, and into an encrypted journal what is added is encrypted with its key.)
///
/// # Errors
/// [`StoreError::Locked`] when the archive is encrypted with another key than this journal's
/// and no `passphrase` is given; the archive holds a file this closer cannot read (nothing is
/// written then); or a write fails (what was written before it stays, each file whole, and
/// the error says why: the disk is full, permission denied on a file).
pub fn restore_unpacked(
    store: &Store,
    unpacked: &Unpacked,
    config_dir: Option<&Path>,
    dry_run: bool,
    passphrase: Option<&SecretString>,
    decrypt: &mut dyn FnMut(&Restored) -> bool,
) -> Result<Restored, StoreError> {
    let opened = open(unpacked, store.layout(), passphrase)?;
    restore_opened(
        store, unpacked, &opened, config_dir, dry_run, passphrase, decrypt,
    )
}

/// [`restore_unpacked`] with the archive's journal opened already ([`open`], for the journal
/// of `store`, or for its folder before it was made). `passphrase` is the one `opened` was
/// opened with: an encrypted backup restored into an empty folder brings its key, and the
/// journal is unlocked with it.
///
/// # Errors
/// As [`restore_unpacked`].
pub fn restore_opened(
    store: &Store,
    unpacked: &Unpacked,
    opened: &Opened,
    config_dir: Option<&Path>,
    dry_run: bool,
    passphrase: Option<&SecretString>,
    decrypt: &mut dyn FnMut(&Restored) -> bool,
) -> Result<Restored, StoreError> {
    let layout = store.layout();
    let (mut out, trash_files) = plan(layout, Some(store), unpacked, opened, config_dir);
    if dry_run {
        return Ok(out);
    }
    if out.decrypts && !decrypt(&out) {
        out.declined = true;
        return Ok(out);
    }
    let from = Source {
        unpacked,
        opened,
        trash_files: &trash_files,
        config_dir,
        passphrase,
    };
    write_restore(store, &out, &from)?;
    Ok(out)
}

/// What restoring an archive read by [`read_archive`] (its journal [`open`]ed) into a data
/// folder that does not exist yet would do, without creating it or writing anything.
pub fn preview_into_new(
    data_dir: &Path,
    unpacked: &Unpacked,
    opened: &Opened,
    config_dir: Option<&Path>,
) -> Restored {
    plan(&Layout::new(data_dir), None, unpacked, opened, config_dir).0
}

/// Reads the journal in an archive read by [`read_archive`]: every file of it that holds
/// entries, trash records, settings or a draft, as a scan would. An encrypted archive is read
/// with the key of the journal at `layout` when it is the same, else with `passphrase`.
///
/// # Errors
/// [`StoreError::Locked`] when the archive is encrypted with another key than this journal's
/// and no `passphrase` is given; [`StoreError::WrongPassphrase`];
/// [`StoreError::BackupUnusable`] when a file of it cannot be read (its entries would be
/// missing), or an encrypted one has no key.
pub fn open(
    unpacked: &Unpacked,
    layout: &Layout,
    passphrase: Option<&SecretString>,
) -> Result<Opened, StoreError> {
    Opened::read(unpacked, layout, passphrase)
}

/// An archive's journal as read from memory by [`open`]: its entries and trash, decrypted with
/// its key when it is encrypted.
pub struct Opened {
    entries: Vec<Entry>,
    /// Trash records: the file's name, its path in the archive, what it holds.
    trash: Vec<(String, String, TrashBody)>,
    /// Whether the journal in it is encrypted.
    sealed: bool,
    /// Its key, when it is encrypted.
    identity: Option<age::x25519::Identity>,
}

const IDENTITY: &str = "data/identity.age";
const RECIPIENT: &str = "data/recipient.txt";
const STATE: &str = "data/state.json";
const DRAFT: &str = "data/drafts/current.json";
/// Where earlier closers and this one keep the person's own words in an encrypted journal's
/// `state.json` (as `store::journal_store` writes them).
const SEALED_WORDS: &str = "sealed_words";

impl Opened {
    /// Reads the journal in `unpacked`, every file of it that holds entries, trash records,
    /// settings or a draft, as a scan would (a file that cannot be read refuses the whole
    /// archive: its entries would be missing). An encrypted archive is read with the key of
    /// the journal at `layout` when it is the same, else with `passphrase`.
    fn read(
        unpacked: &Unpacked,
        layout: &Layout,
        passphrase: Option<&SecretString>,
    ) -> Result<Opened, StoreError> {
        let unusable = |reason: String| StoreError::BackupUnusable {
            path: unpacked.path.clone(),
            reason,
        };
        let data = || {
            unpacked
                .files
                .iter()
                .filter(|(name, _)| name.starts_with("data/"))
        };
        let sealed = [IDENTITY, RECIPIENT, "data/cache.age"]
            .iter()
            .any(|f| unpacked.file(f).is_some())
            || data().any(|(_, bytes)| crypto::is_sealed(bytes))
            || unpacked.file(STATE).is_some_and(|b| {
                memchr::memmem::find(b, b"-----BEGIN AGE ENCRYPTED FILE-----").is_some()
            });
        let mut theirs = Opened {
            entries: Vec::new(),
            trash: Vec::new(),
            sealed,
            identity: None,
        };
        if sealed {
            let Some(wrapped) = unpacked.file(IDENTITY) else {
                return Err(unusable(
                    "it is encrypted, and its key (data/identity.age) is not in it, so what it \
                     holds cannot be read"
                        .to_owned(),
                ));
            };
            let recipient = unpacked
                .file(RECIPIENT)
                .map(|b| String::from_utf8_lossy(b).trim().to_owned());
            let ours = crypto::identity_text(layout)
                .and_then(|t| t.expose_secret().parse::<age::x25519::Identity>().ok());
            let identity = match ours {
                Some(id) if recipient.as_deref() == Some(&id.to_public().to_string()) => id,
                _ => match passphrase {
                    Some(p) => unwrap_identity(&unpacked.path, wrapped, p)?,
                    None => {
                        return Err(StoreError::Locked {
                            path: unpacked.path.clone(),
                        });
                    }
                },
            };
            if recipient.is_some_and(|r| r != identity.to_public().to_string()) {
                return Err(unusable(
                    "its recipient.txt names another key than its identity.age (the backup \
                     was changed after it was made)"
                        .to_owned(),
                ));
            }
            theirs.identity = Some(identity);
        }
        let mut in_days: HashSet<EntryId> = HashSet::new();
        let mut inbox: Vec<Entry> = Vec::new();
        for (name, bytes) in data() {
            let parts: Vec<&str> = name.split('/').collect();
            match parts[..] {
                ["data", "entries", year, file] => {
                    let number = year
                        .parse::<i32>()
                        .ok()
                        .filter(|_| year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()));
                    let day = Layout::day_of_file_name(file)
                        .filter(|d| number.is_some_and(|n| d.year() == n));
                    if day.is_some() {
                        let body: scan::DayBody = theirs.decode(unpacked, name, bytes)?;
                        in_days.extend(body.entries.iter().map(|e| e.id.clone()));
                        theirs.entries.extend(body.entries);
                    }
                }
                ["data", "inbox", file] if file.ends_with(".json") => {
                    let body: InboxBody = theirs.decode(unpacked, name, bytes)?;
                    inbox.push(body.entry);
                }
                ["data", "trash", file] if file.ends_with(".json") => {
                    let body: TrashBody = theirs.decode(unpacked, name, bytes)?;
                    theirs.trash.push((file.to_owned(), name.clone(), body));
                }
                ["data", "state.json"] => {
                    theirs.decode::<Preferences>(unpacked, name, bytes)?;
                }
                ["data", "drafts", "current.json"] => {
                    theirs.decode::<DraftBody>(unpacked, name, bytes)?;
                }
                _ => {}
            }
        }
        // An entry saved while locked, not yet in its day (once, and not when its day has it).
        let mut in_inbox: HashSet<EntryId> = HashSet::new();
        for e in inbox {
            if !in_days.contains(&e.id) && in_inbox.insert(e.id.clone()) {
                theirs.entries.push(e);
            }
        }
        theirs.entries.sort_by(Entry::order);
        Ok(theirs)
    }

    /// The plaintext of the file `name` of the archive: decrypted when it is encrypted.
    fn open(&self, name: &str, bytes: &[u8]) -> Result<Vec<u8>, StoreError> {
        crypto::open_with(self.identity.as_ref(), Path::new(name), bytes.to_vec())
    }

    /// Decodes the file `name` of the archive; one that cannot be read refuses the archive.
    fn decode<T: serde::de::DeserializeOwned>(
        &self,
        unpacked: &Unpacked,
        name: &str,
        bytes: &[u8],
    ) -> Result<T, StoreError> {
        self.open(name, bytes)
            .and_then(|plain| envelope::decode(Path::new(name), &plain))
            .map_err(|e| {
                let reason = Problem::from_error(PathBuf::from(name), &e).reason();
                let mut chars = reason.chars();
                let reason = chars
                    .next()
                    .map(|c| c.to_lowercase().chain(chars).collect::<String>())
                    .unwrap_or_default();
                StoreError::BackupUnusable {
                    path: unpacked.path.clone(),
                    reason: format!(
                        "{name} in it cannot be read ({}); it was like that when the backup \
                         was made",
                        reason.trim_end_matches('.')
                    ),
                }
            })
    }
}

/// The identity in an encrypted archive's `identity.age` (`wrapped`), opened with
/// `passphrase` as `store::crypto` unlocks a journal.
fn unwrap_identity(
    archive: &Path,
    wrapped: &[u8],
    passphrase: &SecretString,
) -> Result<age::x25519::Identity, StoreError> {
    crypto::unwrap_identity(archive, wrapped, passphrase)
}

/// What restoring `theirs` into the journal at `layout` (of `store`; none when its folder does
/// not exist yet) does, and the trash records it adds (their file names and paths in the
/// archive).
fn plan(
    layout: &Layout,
    store: Option<&Store>,
    unpacked: &Unpacked,
    theirs: &Opened,
    config_dir: Option<&Path>,
) -> (Restored, Vec<(String, String)>) {
    let ours = match store {
        Some(_) => scan::scan(layout),
        None => scan::Scan::default(),
    };
    let our_trash = store.map(Store::trash).unwrap_or_default();
    // Empty: no entries, no trash, and no file it could not read (whose entries would be
    // hidden, not absent).
    let mut out = Restored {
        into_empty: ours.entries.is_empty()
            && our_trash.is_empty()
            && !ours
                .problems
                .iter()
                .any(|p| p.severity() == super::Severity::Error),
        ..Restored::default()
    };
    let deleted: HashSet<EntryId> = our_trash.iter().map(|t| t.entry.id.clone()).collect();
    let (merged, changes) = merge::merge(&ours.entries, &theirs.entries, &deleted);
    let rewritten: HashSet<&EntryId> = changes
        .iter()
        .filter(|c| matches!(c.change, merge::Change::Updated | merge::Change::KeptBoth))
        .map(|c| &c.id)
        .collect();
    out.merged = merged
        .into_iter()
        .filter(|e| rewritten.contains(&e.id))
        .collect();
    out.changes = changes;
    // Trash records the journal does not have (by entry id and time of deletion).
    let have: HashSet<(String, DateTime<FixedOffset>)> = our_trash
        .iter()
        .map(|t| (t.entry.id.to_string(), t.deleted_at))
        .collect();
    let trash_files: Vec<(String, String)> = theirs
        .trash
        .iter()
        .filter(|(_, _, body)| !have.contains(&(body.entry.id.to_string(), body.deleted_at)))
        .map(|(file, name, _)| (file.clone(), name.clone()))
        .collect();
    out.trash = trash_files.len();
    out.settings = out.into_empty && unpacked.file(STATE).is_some();
    out.draft = out.into_empty && unpacked.file(DRAFT).is_some() && !layout.draft_file().exists();
    for name in CONFIG_FILES {
        let there = unpacked.file(&format!("config/{name}")).is_some();
        if there && config_dir.is_some_and(|c| !c.join(name).exists()) {
            out.config.push(name.to_owned());
        }
    }
    let (theirs_sealed, ours_sealed) = (theirs.sealed, crypto::is_encrypted(layout));
    // What is written of the journal: entries added or updated, trash records, the draft, the
    // settings (config files are never encrypted).
    let writes = out.trash > 0
        || out.draft
        || out.settings
        || out
            .changes
            .iter()
            .any(|c| c.change != merge::Change::StaysDeleted);
    out.key = out.into_empty && theirs_sealed && !ours_sealed;
    out.decrypts = theirs_sealed && !ours_sealed && !out.key && writes;
    out.encrypts = !theirs_sealed && ours_sealed && writes;
    (out, trash_files)
}

/// The person's own words, as an encrypted journal's `state.json` seals them.
#[derive(Deserialize)]
struct Words {
    #[serde(default)]
    custom_triggers: Vec<String>,
    #[serde(default)]
    custom_feelings: Vec<String>,
}

fn union(into: &mut Vec<String>, more: Vec<String>) {
    for w in more {
        if !into.contains(&w) {
            into.push(w);
        }
    }
}

/// What a restore writes from: the archive, its journal, the trash records to add, where config
/// files go, and the passphrase the archive was opened with.
#[derive(Clone, Copy)]
struct Source<'a> {
    unpacked: &'a Unpacked,
    opened: &'a Opened,
    trash_files: &'a [(String, String)],
    config_dir: Option<&'a Path>,
    passphrase: Option<&'a SecretString>,
}

/// Writes what `out` says into the journal of `store`. The small files first (the key, the
/// settings, the draft), then the entries, the trash records and the config files: a restore
/// stopped part way (a full disk) and run again merges the rest.
fn write_restore(store: &Store, out: &Restored, from: &Source<'_>) -> Result<(), StoreError> {
    let Source {
        unpacked,
        opened: theirs,
        trash_files,
        config_dir,
        passphrase,
    } = *from;
    let layout = store.layout();
    let bytes_of = |name: &str| -> Result<&[u8], StoreError> {
        unpacked
            .file(name)
            .ok_or_else(|| StoreError::BackupUnusable {
                path: unpacked.path.clone(),
                reason: format!("{name} is not in it"),
            })
    };
    // Into an empty journal, an encrypted backup's key comes back with it, so what is written
    // next is encrypted as it was.
    if out.key {
        let (Some(identity), Some(passphrase)) = (&theirs.identity, passphrase) else {
            return Err(StoreError::Locked {
                path: unpacked.path.clone(),
            });
        };
        let to = layout.identity_file();
        atomic::write(&to, bytes_of(IDENTITY)?).map_err(|e| io_err(&to, e))?;
        let to = layout.recipient_file();
        atomic::write(&to, format!("{}\n", identity.to_public()).as_bytes())
            .map_err(|e| io_err(&to, e))?;
        crypto::unlock(layout, passphrase)?;
    }
    // Files copied as they are, but encrypted or not as this journal is.
    let recode = |name: &str, to: &Path| -> Result<Vec<u8>, StoreError> {
        let plain = theirs.open(name, bytes_of(name)?)?;
        crypto::seal(layout, to, plain)
    };
    if out.settings {
        // Read (its own words opened with the backup's key) and written as this journal keeps
        // them.
        let mut prefs: Preferences = theirs.decode(unpacked, STATE, bytes_of(STATE)?)?;
        prefs.extra.remove("schema");
        if let Some(identity) = &theirs.identity
            && let Some(serde_json::Value::Array(list)) = prefs.extra.remove(SEALED_WORDS)
        {
            for text in list.iter().filter_map(serde_json::Value::as_str) {
                let plain = zeroize::Zeroizing::new(crypto::open_with(
                    Some(identity),
                    Path::new(STATE),
                    text.as_bytes().to_vec(),
                )?);
                if let Ok(words) = serde_json::from_slice::<Words>(&plain) {
                    union(&mut prefs.custom_triggers, words.custom_triggers);
                    union(&mut prefs.custom_feelings, words.custom_feelings);
                }
            }
        }
        store.save_preferences(&prefs)?;
    }
    if out.draft {
        let to = layout.draft_file();
        let bytes = recode(DRAFT, &to)?;
        atomic::create_private_dir(&layout.drafts_dir()).map_err(|e| io_err(&to, e))?;
        atomic::write_new(&to, &bytes).map_err(|e| io_err(&to, e))?;
    }
    // Entries through the store's own writes: new ones a day file at a time, merged ones one
    // by one (there are few).
    let of_kind = |kind: merge::Change| -> HashSet<&EntryId> {
        out.changes
            .iter()
            .filter(|c| c.change == kind)
            .map(|c| &c.id)
            .collect()
    };
    let added = of_kind(merge::Change::Added);
    let new: Vec<Entry> = theirs
        .entries
        .iter()
        .filter(|e| added.contains(&e.id))
        .cloned()
        .collect();
    store.add_entries(new).map_err(|p| p.error)?;
    for e in &out.merged {
        store.save_entry(e)?;
    }
    for (file, name) in trash_files {
        let to = layout.trash_dir().join(file);
        let bytes = recode(name, &to)?;
        atomic::create_private_dir(&layout.trash_dir()).map_err(|e| io_err(&to, e))?;
        atomic::write_new(&to, &bytes).or_else(|e| {
            if e.kind() == io::ErrorKind::AlreadyExists {
                Ok(())
            } else {
                Err(io_err(&to, e))
            }
        })?;
    }
    if let Some(config) = config_dir {
        for name in &out.config {
            let bytes = bytes_of(&format!("config/{name}"))?;
            let to = config.join(name);
            atomic::create_private_dir(config).map_err(|e| io_err(config, e))?;
            atomic::write_new(&to, bytes).map_err(|e| io_err(&to, e))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
