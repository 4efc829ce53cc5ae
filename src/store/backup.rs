//! Backups: the whole data folder (entries, trash, state, the draft) and the person's own
//! settings and content, as one compressed archive (`tar` + gzip, read by any unpacking tool),
//! written atomically into a backup folder and rotated; and restoring one, into an empty folder
//! or merged into a journal (by entry id, the newer version winning, nothing deleted).
//!
//! An archive holds `manifest.json` first (when it was made, how many entries and days, the
//! closer that made it; for an encrypted journal, that it is encrypted and whether its entries
//! could be counted), then `data/…` (the data folder but its lock) and `config/…` (the config
//! folder's `config.toml`, `prompts.toml`, `strategies.toml`, when there).
//!
//! Archives are named by the second they were made, `closer-backup-2026-11-30T091500.tar.gz`;
//! a second one made in the same second is `…T091500-2.tar.gz`. No backup replaces another.

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
}

/// A manifest as stored: earlier closers wrote only the first four fields.
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
/// A manifest written by an earlier closer has no `counted`: one that says 0 entries may be
/// an encrypted journal's, backed up while it was locked, so the archive's files say.
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
    let stored: StoredManifest = serde_json::from_slice(&text)
        .map_err(|e| bad(format!("its manifest cannot be read: {e}")))?;
    let mut manifest = Manifest {
        made_at: stored.made_at,
        entries: stored.entries,
        days: stored.days,
        closer: stored.closer,
        encrypted: stored.encrypted.unwrap_or(false),
        counted: stored.counted.unwrap_or(true),
        day_files: stored.day_files.unwrap_or(stored.days),
        inbox: stored.inbox.unwrap_or(0),
    };
    if stored.counted.is_none() && stored.entries == 0 {
        // Counted from its names; an unreadable member is left to restoring to say.
        let (mut day_files, mut inbox) = (0, 0);
        for member in entries.flatten() {
            let Ok(path) = member.path() else { continue };
            let parts: Vec<String> = path
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            match parts.iter().map(String::as_str).collect::<Vec<_>>()[..] {
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
    Ok(manifest)
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
/// An encrypted backup merged into a journal that is not encrypted would be written in plain
/// text: `decrypt` is asked first, with what the restore would do, and when it says no,
/// nothing is written and the result says `declined`. (Into an empty folder the backup's key
/// comes along, and into an encrypted journal what is added is encrypted with its key.)
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
    decrypt: &mut dyn FnMut(&Restored) -> bool,
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
    let result = restore_from(
        store, &from, &unpacked, archive, config_dir, dry_run, decrypt,
    );
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
    decrypt: &mut dyn FnMut(&Restored) -> bool,
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
    let (theirs_sealed, ours_sealed) = (crypto::is_encrypted(from), crypto::is_encrypted(layout));
    // What is written of the journal: entries added or updated, trash records, the draft, the
    // settings (config files are never encrypted).
    let writes = out.trash > 0
        || out.draft
        || out.settings
        || out
            .changes
            .iter()
            .any(|c| matches!(c.change, merge::Change::Added | merge::Change::Updated));
    out.key = out.into_empty && theirs_sealed && !ours_sealed;
    out.decrypts = theirs_sealed && !ours_sealed && !out.key && writes;
    out.encrypts = !theirs_sealed && ours_sealed && writes;
    if dry_run {
        return Ok(out);
    }
    if out.decrypts && !decrypt(&out) {
        out.declined = true;
        return Ok(out);
    }
    // Into an empty journal, an encrypted backup's key comes back with it, so what is written
    // next is encrypted as it was.
    if out.key {
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

    #[test]
    fn a_second_backup_in_the_same_second_has_a_name_of_its_own() {
        let (made, seq) = made_of("closer-backup-2026-11-30T091500.tar.gz").unwrap();
        assert_eq!(seq, 1);
        assert_eq!(
            made_of("closer-backup-2026-11-30T091500-2.tar.gz"),
            Some((made, 2))
        );
        assert_eq!(
            made_of("closer-backup-2026-11-30T091500-12.tar.gz"),
            Some((made, 12))
        );
        assert_eq!(name_of(made, 1), "closer-backup-2026-11-30T091500.tar.gz");
        assert_eq!(name_of(made, 3), "closer-backup-2026-11-30T091500-3.tar.gz");
        // Not names closer writes: left alone by listing and rotation.
        for other in [
            "closer-backup-2026-11-30T091500-1.tar.gz",
            "closer-backup-2026-11-30T091500-02.tar.gz",
            "closer-backup-2026-11-30T091500-copy.tar.gz",
            "closer-backup-2026-11-30T091500-.tar.gz",
        ] {
            assert_eq!(made_of(other), None, "{other}");
        }
    }

    /// An archive with `manifest` first and empty files at `members`.
    fn archive_of(dir: &Path, manifest: &str, members: &[&str]) -> PathBuf {
        let path = dir.join("closer-backup-2026-11-30T091500.tar.gz");
        let file = fs::File::create(&path).unwrap();
        let mut tar = tar::Builder::new(flate2::write::GzEncoder::new(
            file,
            flate2::Compression::default(),
        ));
        append_bytes(&mut tar, "manifest.json", manifest.as_bytes()).unwrap();
        for m in members {
            append_bytes(&mut tar, m, b"age-encryption.org/v1\n").unwrap();
        }
        tar.into_inner().unwrap().finish().unwrap();
        path
    }

    #[test]
    fn an_earlier_closers_backup_of_a_locked_encrypted_journal_is_not_read_as_empty() {
        let dir = tempfile::tempdir().unwrap();
        let old = r#"{"made_at": "2026-11-30T09:15:00+01:00", "entries": 0, "days": 0,
                      "closer": "0.1.0"}"#;
        let path = archive_of(
            dir.path(),
            old,
            &[
                "data/identity.age",
                "data/recipient.txt",
                "data/entries/2026/2026-11-01.json",
                "data/entries/2026/2026-11-02.json",
                "data/entries/2026/.closer-tmp-x.tmp",
                "data/inbox/20261103-090000-00000000.json",
                "data/state.json",
            ],
        );
        let m = manifest_of(&path).unwrap();
        assert!(m.encrypted && !m.counted, "{m:?}");
        assert_eq!((m.day_files, m.inbox), (2, 1));
        // One that counted, and a plain empty one, read as they say.
        let counted = r#"{"made_at": "2026-11-30T09:15:00+01:00", "entries": 3, "days": 2,
                          "closer": "0.1.0"}"#;
        let m = manifest_of(&archive_of(dir.path(), counted, &[])).unwrap();
        assert!(m.counted && !m.encrypted && m.entries == 3, "{m:?}");
        let m = manifest_of(&archive_of(dir.path(), old, &["data/state.json"])).unwrap();
        assert!(m.counted && !m.encrypted && m.entries == 0, "{m:?}");
    }
}
