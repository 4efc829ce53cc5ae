//! The open journal: saves, deletes, trash, drafts and state, under one writer's lock.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::journal::{Entry, EntryId, Preferences};

use super::atomic;
use super::envelope;
use super::error::{ReadOnlyReason, StoreError};
use super::layout::Layout;
use super::lock::{self, Lock};
use super::scan::{self, DayBody, DraftBody, Scan, TrashBody};

mod conflicts;
mod predictions;
mod settings;

pub use conflicts::keep_conflict_copy;
use predictions::*;
pub use settings::{NotSaved, read_preferences};

/// Whether this process may write.
#[derive(Debug)]
pub enum Access {
    /// This process holds the lock.
    ReadWrite(Lock),
    /// Reading only, and why.
    ReadOnly(ReadOnlyReason),
}

/// An import that stopped part way: what was written before `error`.
#[derive(Debug)]
pub struct Partial {
    /// Entries written.
    pub entries: usize,
    /// Day files written.
    pub days: usize,
    /// Why it stopped.
    pub error: StoreError,
}

/// One entry in the trash.
#[derive(Debug, Clone, PartialEq)]
pub struct TrashItem {
    /// The trash file.
    pub path: PathBuf,
    /// When it was deleted.
    pub deleted_at: DateTime<FixedOffset>,
    /// The entry as it was.
    pub entry: Entry,
}

/// A conflict copy merged (or not): its path, its day, and what changed or why it could not be.
pub type CopyMerged = (
    PathBuf,
    NaiveDate,
    Result<Vec<crate::journal::merge::Changed>, StoreError>,
);

/// An open data folder.
#[derive(Debug)]
pub struct Store {
    layout: Layout,
    /// Changes once at most: read-only to read-write when the other closer quits.
    access: std::sync::Mutex<Access>,
}

impl Store {
    /// Opens (creating if needed) the data folder at `root`. When another closer holds the
    /// journal, or the folder cannot be written, it opens read-only; `access()` says which.
    pub fn open(root: impl Into<PathBuf>) -> Result<Store, StoreError> {
        let layout = Layout::new(root);
        let root = layout.root().to_owned();
        if !root.is_dir() {
            atomic::create_private_dir(&root).map_err(|cause| StoreError::CreateDir {
                path: root.clone(),
                cause,
            })?;
        }
        let access = Store::take_lock(&layout);
        Ok(Store {
            layout,
            access: std::sync::Mutex::new(access),
        })
    }

    fn take_lock(layout: &Layout) -> Access {
        match lock::try_acquire(layout.root(), &layout.lock_file()) {
            Ok(lock::Outcome::Acquired(lock)) => Access::ReadWrite(lock),
            Ok(lock::Outcome::Held) => Access::ReadOnly(ReadOnlyReason::AnotherInstance),
            Err(e) => Access::ReadOnly(ReadOnlyReason::NotWritable(atomic::plain_reason(&e))),
        }
    }

    fn access(&self) -> std::sync::MutexGuard<'_, Access> {
        self.access
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Takes the lock if the closer that held it has quit. Returns whether this journal can
    /// be written now (a read-only instance becomes writable without a restart).
    pub fn try_to_write(&self) -> bool {
        let mut access = self.access();
        if matches!(*access, Access::ReadOnly(ReadOnlyReason::AnotherInstance))
            && let again @ Access::ReadWrite(_) = Store::take_lock(&self.layout)
        {
            *access = again;
        }
        matches!(*access, Access::ReadWrite(_))
    }

    /// The data folder's paths.
    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// Why this journal is read-only, if it is.
    pub fn read_only(&self) -> Option<ReadOnlyReason> {
        match &*self.access() {
            Access::ReadWrite(_) => None,
            Access::ReadOnly(why) => Some(why.clone()),
        }
    }

    /// Whether this process may write: an error that says why not.
    ///
    /// # Errors
    /// [`StoreError::ReadOnly`].
    pub fn check_writable(&self) -> Result<(), StoreError> {
        self.writable()
    }

    fn writable(&self) -> Result<(), StoreError> {
        match &*self.access() {
            Access::ReadWrite(_) => Ok(()),
            Access::ReadOnly(why) => Err(StoreError::ReadOnly(why.clone())),
        }
    }

    /// Reads every entry and reports every problem. Changes nothing.
    pub fn load(&self) -> Scan {
        scan::scan(&self.layout)
    }

    /// The days that have a day file, from file names alone (fast; no file is parsed).
    pub fn days_with_files(&self) -> Vec<NaiveDate> {
        Store::days_with_files_in(&self.layout)
    }

    /// The days that have a day file in the data folder at `layout`, without opening it, in
    /// order, each once. As when the journal is read, only `entries/YYYY/YYYY-MM-DD.json` counts:
    /// a copy of a day file in another folder (`2026 copy/`, or a year that is not its own) is
    /// not its day's file, and reading it as one counted that day twice.
    pub fn days_with_files_in(layout: &Layout) -> Vec<NaiveDate> {
        Self::read_days_with_files(layout, false).unwrap_or_default()
    }

    /// The days of [`Store::days_with_files_in`], or why they cannot all be known: the
    /// entries folder or a year's folder is there and cannot be listed (permissions, a loop
    /// of links, an I/O error). No entries folder is no days; a file where a folder goes is
    /// not a folder of days, and is passed by as when the journal is read.
    ///
    /// # Errors
    /// The folder that could not be listed, with the error.
    pub fn try_days_with_files_in(layout: &Layout) -> Result<Vec<NaiveDate>, StoreError> {
        Self::read_days_with_files(layout, true)
    }

    /// The days with a day file; a folder that cannot be listed is an error when `strict`,
    /// else left out.
    fn read_days_with_files(layout: &Layout, strict: bool) -> Result<Vec<NaiveDate>, StoreError> {
        let mut days = Vec::new();
        let listed = |dir: &Path| match fs::read_dir(dir) {
            Ok(list) => Ok(Some(list)),
            Err(e)
                if strict
                    && !matches!(
                        e.kind(),
                        io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
                    ) =>
            {
                Err(StoreError::read(dir, e))
            }
            Err(_) => Ok(None),
        };
        let Some(years) = listed(&layout.entries_dir())? else {
            return Ok(days);
        };
        for year in years.flatten() {
            let name = year.file_name().to_string_lossy().into_owned();
            if name.len() != 4 || !name.bytes().all(|b| b.is_ascii_digit()) {
                continue;
            }
            let Some(files) = listed(&year.path())? else {
                continue;
            };
            for file in files.flatten() {
                if let Some(day) = Layout::day_of_file_name(&file.file_name().to_string_lossy())
                    .filter(|d| d.format("%Y").to_string() == name)
                {
                    days.push(day);
                }
            }
        }
        days.sort();
        days.dedup();
        Ok(days)
    }

    /// The entries of one day, oldest first; an empty list when the day has no file.
    pub fn day(&self, date: NaiveDate) -> Result<Vec<Entry>, StoreError> {
        Ok(self.read_day_for_write(date)?.entries)
    }

    /// Reads a day before changing it. A missing file is an empty day; a file that cannot be
    /// read blocks the save, so it is never overwritten.
    fn read_day_for_write(&self, date: NaiveDate) -> Result<DayBody, StoreError> {
        read_day(&self.layout, date)
    }

    /// Checks that each of `days` can be written: its file is missing (an empty day) or can be
    /// read. What a batch written a window at a time (a restore) checks before writing any.
    ///
    /// # Errors
    /// The first day whose file cannot be read ([`StoreError::DayBlocked`], or why not).
    pub fn check_days_writable(
        &self,
        days: impl IntoIterator<Item = NaiveDate>,
    ) -> Result<(), StoreError> {
        for day in days {
            self.read_day_for_write(day)?;
        }
        Ok(())
    }

    /// The ids already in the journal on `days`, read day by day (a missing day has none):
    /// what an import needs to leave out, without reading the whole journal. A day whose file
    /// cannot be read is an error, as it would block writing there.
    pub fn ids_on_days(
        layout: &Layout,
        days: impl IntoIterator<Item = NaiveDate>,
    ) -> Result<std::collections::HashSet<String>, StoreError> {
        let mut ids = std::collections::HashSet::new();
        for date in days {
            ids.extend(
                read_day(layout, date)?
                    .entries
                    .iter()
                    .map(|e| e.id.to_string()),
            );
        }
        Ok(ids)
    }
}

/// How many days an import writes to temporary files before renaming them all into place.
const IMPORT_BATCH: usize = 256;

/// Imports of fewer days than this flush each day file as it is written; larger ones flush a
/// batch at a time with one `syncfs` (`atomic::sync_file_system`).
const FLUSH_EACH_BELOW: usize = 64;

/// A day's file as JSON, its entries sorted by time of writing, then id, with the highest
/// schema its entries need (see `Entry::schema`).
fn encode_day(path: &Path, body: &mut DayBody) -> Result<Vec<u8>, StoreError> {
    body.entries
        .sort_by(|a, b| (a.created_at, &a.id).cmp(&(b.created_at, &b.id)));
    let schema = body
        .entries
        .iter()
        .map(Entry::schema)
        .max()
        .unwrap_or(super::SCHEMA_PLAIN);
    envelope::encode_as(path, &*body, schema)
}

/// The entries of the day `date` of the journal at `layout`, oldest first, read without
/// opening the journal for writing (an export reads day by day). A missing file is an empty
/// day; one that cannot be read is an error that says why.
pub fn read_day_entries(layout: &Layout, date: NaiveDate) -> Result<Vec<Entry>, StoreError> {
    let mut entries = read_day(layout, date)?.entries;
    entries.sort_by(|a, b| (a.created_at, &a.id).cmp(&(b.created_at, &b.id)));
    Ok(entries)
}

/// Reads the day `date` of the journal in `layout`. A missing file is an empty day; a file that
/// cannot be read is an error (a save there is blocked, so it is never overwritten).
fn read_day(layout: &Layout, date: NaiveDate) -> Result<DayBody, StoreError> {
    let path = layout.day_file(date);
    match crate::files::read_regular(&path, crate::files::DATA_FILE_CAP) {
        Ok(bytes) => super::crypto::open(layout, &path, bytes)
            .and_then(|bytes| envelope::decode(&path, &bytes))
            .map_err(|err| match err {
                StoreError::Malformed { .. } | StoreError::NewerSchema { .. } => {
                    StoreError::DayBlocked {
                        path: path.clone(),
                        reason: super::problem::Problem::from_error(path.clone(), &err).reason(),
                    }
                }
                other => other,
            }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(DayBody::new(date, Vec::new())),
        Err(e) => Err(StoreError::read(&path, e)),
    }
}

impl Store {
    /// Writes a day's entries (sorted oldest first); removes the file when none are left.
    fn write_day(&self, mut body: DayBody, had_open: bool) -> Result<(), StoreError> {
        let path = self.layout.day_file(body.date);
        if body.entries.is_empty() {
            return match atomic::remove(&path) {
                Ok(()) => {
                    self.index_predictions(body.date, &[], had_open);
                    Ok(())
                }
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    self.index_predictions(body.date, &[], had_open);
                    Ok(())
                }
                Err(e) => Err(StoreError::write(&path, e)),
            };
        }
        let bytes = encode_day(&path, &mut body)?;
        self.write_file(&path, bytes)?;
        self.index_predictions(body.date, &body.entries, had_open);
        Ok(())
    }

    /// Writes a file that holds what a person wrote: encrypted when the journal is.
    fn write_file(&self, path: &Path, bytes: Vec<u8>) -> Result<(), StoreError> {
        let bytes = super::crypto::seal(&self.layout, path, bytes)?;
        self.write_plain_file(path, &bytes)
    }

    fn write_plain_file(&self, path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
        if let Some(dir) = path.parent() {
            atomic::create_private_dir(dir).map_err(|e| StoreError::write(path, e))?;
        }
        atomic::write(path, bytes).map_err(|e| StoreError::write(path, e))
    }

    /// Saves an entry into its day: adds it, or replaces the entry with the same id. Only that
    /// day's file is rewritten. When this returns `Ok`, the entry is on disk.
    pub fn save_entry(&self, entry: &Entry) -> Result<(), StoreError> {
        self.writable()?;
        Store::holds(entry.date)?;
        let mut body = match self.read_day_for_write(entry.date) {
            // An encrypted journal written while locked: its day cannot be read, so the entry
            // waits in the inbox (encrypted) until the next unlock moves it into its day.
            Err(StoreError::Locked { .. }) => return self.save_to_inbox(entry),
            other => other?,
        };
        let had_open = holds_open_predictions(&body.entries);
        match body.entries.iter_mut().find(|e| e.id == entry.id) {
            Some(slot) => *slot = entry.clone(),
            None => body.entries.push(entry.clone()),
        }
        self.write_day(body, had_open)?;
        // A copy waiting in the inbox is older than this one.
        self.drop_from_inbox(&entry.id);
        Ok(())
    }

    /// The inbox file of the entry `id`.
    fn inbox_file(&self, id: &EntryId) -> PathBuf {
        self.layout
            .inbox_dir()
            .join(format!("{}.json", file_safe(id.as_str())))
    }

    /// Removes the inbox copy of `id`, once its day holds it (or it is deleted).
    fn drop_from_inbox(&self, id: &EntryId) {
        let path = self.inbox_file(id);
        if fs::symlink_metadata(&path).is_ok() {
            let _ = atomic::remove(&path);
        }
    }

    fn save_to_inbox(&self, entry: &Entry) -> Result<(), StoreError> {
        let path = self.inbox_file(&entry.id);
        let schema = entry.schema();
        let bytes = envelope::encode_as(
            &path,
            &scan::InboxBody {
                entry: entry.clone(),
                unknown: Default::default(),
            },
            schema,
        )?;
        self.write_file(&path, bytes)
    }

    /// Moves the entries saved while the journal was locked into their days (once it is
    /// unlocked): each is written into its day, then its inbox file removed, so a stop in
    /// between leaves it in both places, which reads as one. A day that holds the entry
    /// already keeps the newer of the two (by `updated_at`). Returns how many were moved.
    ///
    /// # Errors
    /// The first inbox file or day that could not be read or written; every other one was
    /// still moved (that one waits, safe, for next time).
    pub fn settle_inbox(&self) -> Result<usize, StoreError> {
        self.writable()?;
        let mut files: Vec<PathBuf> = fs::read_dir(self.layout.inbox_dir())
            .into_iter()
            .flatten()
            .flatten()
            .map(|f| f.path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        files.sort();
        let mut moved = 0;
        let mut first_failure = None;
        for path in files {
            let result = (|| -> Result<(), StoreError> {
                let body: scan::InboxBody = scan::read_json(&self.layout, &path)?;
                let mut day = self.read_day_for_write(body.entry.date)?;
                let had_open = holds_open_predictions(&day.entries);
                match day.entries.iter_mut().find(|e| e.id == body.entry.id) {
                    Some(slot) if slot.updated_at >= body.entry.updated_at => {}
                    Some(slot) => {
                        *slot = body.entry;
                        self.write_day(day, had_open)?;
                    }
                    None => {
                        day.entries.push(body.entry);
                        self.write_day(day, had_open)?;
                    }
                }
                atomic::remove(&path).map_err(|e| StoreError::write(&path, e))
            })();
            match result {
                Ok(()) => moved += 1,
                Err(e) => {
                    first_failure.get_or_insert(e);
                }
            }
        }
        match first_failure {
            Some(e) => Err(e),
            None => Ok(moved),
        }
    }

    /// Adds many entries (an import), writing each day once. Every entry's date is checked and
    /// every day they go to is read first, so a date the journal cannot hold or a day whose
    /// file cannot be read stops the import before anything is written. Entries whose id is
    /// already in their day are left out. Returns how many were added; a write that fails part
    /// way (a full disk) says how far it got, in [`Partial`].
    pub fn add_entries(&self, entries: Vec<Entry>) -> Result<usize, Partial> {
        self.add_entries_with(entries, |_, _| {})
    }

    /// [`add_entries`](Store::add_entries), telling `progress` after each day is done how
    /// many of how many days are (for a progress bar).
    pub fn add_entries_with(
        &self,
        entries: Vec<Entry>,
        mut progress: impl FnMut(usize, usize),
    ) -> Result<usize, Partial> {
        let none = |error| Partial {
            entries: 0,
            days: 0,
            error,
        };
        self.writable().map_err(none)?;
        let mut days: BTreeMap<NaiveDate, Vec<Entry>> = BTreeMap::new();
        for e in entries {
            Store::holds(e.date).map_err(none)?;
            days.entry(e.date).or_default().push(e);
        }
        let mut bodies = Vec::new();
        for (date, new) in days {
            bodies.push((self.read_day_for_write(date).map_err(none)?, new));
        }
        let (mut added, mut added_days) = (0, 0);
        let total_days = bodies.len();
        let mut bodies = bodies.into_iter().peekable();
        let mut done = 0;
        // A few days are each flushed as they are written; more, a batch at a time with one
        // flush of the file system, which also flushes whatever else is waiting there (a
        // fixed cost that only pays for itself over many files).
        let flush_each = total_days < FLUSH_EACH_BELOW;
        // Whether the days are encrypted, and to whom, looked up once for all of them.
        let recipient = super::crypto::journal_recipient(&self.layout).map_err(none)?;
        // In batches: every day of a batch written to a temporary file and flushed, then all
        // renamed into place, then each folder flushed once. At every instant each day file
        // is the old one or the new one; a batch cut short by a failure still puts in place
        // the days written whole before it.
        while bodies.peek().is_some() {
            let mut ready = Vec::new();
            let mut failure = None;
            for (mut body, new) in bodies.by_ref().take(IMPORT_BATCH) {
                progress(done, total_days);
                done += 1;
                let before = body.entries.len();
                for e in new {
                    if !body.entries.iter().any(|x| x.id == e.id) {
                        body.entries.push(e);
                    }
                }
                let count = body.entries.len() - before;
                if count == 0 {
                    continue;
                }
                match self.day_to_temp(body, recipient.as_ref(), flush_each) {
                    Ok(day) => ready.push((day, count)),
                    Err(error) => {
                        failure = Some(error);
                        break;
                    }
                }
            }
            // The batch's files flushed at once (see `atomic::write_temp`), before any is
            // renamed: if that fails, none is put in place.
            let batch_folders: std::collections::BTreeSet<PathBuf> = if flush_each {
                Default::default()
            } else {
                ready
                    .iter()
                    .filter_map(|((_, target, ..), _)| target.parent().map(Path::to_owned))
                    .collect()
            };
            for dir in &batch_folders {
                if let Err(e) = atomic::sync_file_system(dir) {
                    failure.get_or_insert(StoreError::write(dir, e));
                    ready.clear();
                    break;
                }
            }
            let mut folders = std::collections::BTreeSet::new();
            let mut indexed = Vec::new();
            for ((temp, target, date, open), count) in ready {
                let renamed = super::fault::check(&target, super::fault::Step::Rename)
                    .and_then(|()| temp.persist(&target).map_err(|e| e.error));
                if let Err(e) = renamed {
                    // The rest stay as they were; their temporary files are removed.
                    failure = Some(StoreError::write(&target, e));
                    break;
                }
                added += count;
                added_days += 1;
                if let Some(dir) = target.parent() {
                    folders.insert(dir.to_owned());
                }
                indexed.push((date, open));
            }
            for dir in folders {
                if let Err(e) = atomic::sync_dir(&dir) {
                    failure.get_or_insert(StoreError::write(&dir, e));
                }
            }
            self.index_predictions_of(&indexed);
            if let Some(error) = failure {
                return Err(Partial {
                    entries: added,
                    days: added_days,
                    error,
                });
            }
        }
        progress(total_days, total_days);
        Ok(added)
    }

    /// A day's entries (sorted) written, encoded and encrypted as a save would, to a
    /// temporary file beside its day file: the file, its day file's target, the day, and the
    /// day's open predictions.
    fn day_to_temp(
        &self,
        mut body: DayBody,
        recipient: Option<&age::x25519::Recipient>,
        flush_now: bool,
    ) -> Result<(tempfile::TempPath, PathBuf, NaiveDate, Vec<NaiveDate>), StoreError> {
        let path = self.layout.day_file(body.date);
        let bytes = encode_day(&path, &mut body)?;
        let bytes = super::crypto::seal_with(recipient, &path, bytes)?;
        if let Some(dir) = path.parent() {
            atomic::create_private_dir(dir).map_err(|e| StoreError::write(&path, e))?;
        }
        let (temp, target) = atomic::write_temp(&path, &bytes, flush_now)
            .map_err(|e| StoreError::write(&path, e))?;
        let open = body
            .entries
            .iter()
            .flat_map(|e| e.predictions.iter().filter(|p| p.is_open()))
            .map(|p| p.look_back)
            .collect();
        Ok((temp, target, body.date, open))
    }

    fn holds(date: NaiveDate) -> Result<(), StoreError> {
        if Layout::holds(date) {
            Ok(())
        } else {
            Err(StoreError::OutsideYears { date })
        }
    }

    /// Deletes an entry: it is first written to the trash, then removed from its day, so at no
    /// instant is it nowhere. Returns the trash file's path (for undo).
    pub fn delete_entry(
        &self,
        date: NaiveDate,
        id: &EntryId,
        now: DateTime<FixedOffset>,
    ) -> Result<PathBuf, StoreError> {
        self.writable()?;
        let mut body = self.read_day_for_write(date)?;
        let had_open = holds_open_predictions(&body.entries);
        // An entry still waiting in the inbox is deleted from there (through its day).
        if !body.entries.iter().any(|e| &e.id == id)
            && let Ok(waiting) =
                scan::read_json::<scan::InboxBody>(&self.layout, &self.inbox_file(id))
            && waiting.entry.date == date
        {
            body.entries.push(waiting.entry);
        }
        let Some(pos) = body.entries.iter().position(|e| &e.id == id) else {
            return Err(StoreError::NotFound {
                id: id.to_string(),
                date,
            });
        };
        let entry = body.entries.remove(pos);
        let trash_path = self.layout.trash_dir().join(format!(
            "{}-{}.json",
            now.format("%Y%m%dT%H%M%S%.3f"),
            file_safe(entry.id.as_str())
        ));
        let schema = entry.schema();
        let bytes = envelope::encode_as(
            &trash_path,
            &TrashBody {
                deleted_at: now,
                entry,
                unknown: Default::default(),
            },
            schema,
        )?;
        self.write_file(&trash_path, bytes)?;
        if let Err(e) = self.write_day(body, had_open) {
            // If the entry is still in its day, the trash copy would list it twice: remove it.
            // If the day was written after all (only flushing the folder failed), the trash copy
            // is the only place the entry is: keep it.
            let still_there = self
                .read_day_for_write(date)
                .is_ok_and(|day| day.entries.iter().any(|x| &x.id == id));
            if still_there {
                let _ = atomic::remove(&trash_path);
            }
            return Err(e);
        }
        self.drop_from_inbox(id);
        Ok(trash_path)
    }

    /// Everything in the trash, most recently deleted first. Unreadable trash files are skipped
    /// here (and reported by `load`/`closer doctor`).
    pub fn trash(&self) -> Vec<TrashItem> {
        let mut items = Vec::new();
        let Ok(read) = fs::read_dir(self.layout.trash_dir()) else {
            return items;
        };
        for file in read.flatten() {
            let path = file.path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            if let Ok(body) = scan::read_json::<TrashBody>(&self.layout, &path) {
                items.push(TrashItem {
                    path,
                    deleted_at: body.deleted_at,
                    entry: body.entry,
                });
            }
        }
        items.sort_by(|a, b| b.deleted_at.cmp(&a.deleted_at).then(b.path.cmp(&a.path)));
        items
    }

    /// Puts a trashed entry back into its day, then removes it from the trash.
    pub fn restore(&self, trash_path: &Path) -> Result<Entry, StoreError> {
        self.writable()?;
        let body: TrashBody = scan::read_json(&self.layout, trash_path)?;
        let mut day = self.read_day_for_write(body.entry.date)?;
        let had_open = holds_open_predictions(&day.entries);
        if let Some(there) = day.entries.iter().find(|e| e.id == body.entry.id) {
            if *there != body.entry {
                return Err(StoreError::AlreadyPresent {
                    id: body.entry.id.to_string(),
                    path: self.layout.day_file(body.entry.date),
                });
            }
            // The very same entry is in its day already (a delete that failed half way left
            // this copy): the trash copy is the orphan.
            atomic::remove(trash_path).map_err(|e| StoreError::write(trash_path, e))?;
            return Ok(body.entry);
        }
        day.entries.push(body.entry.clone());
        self.write_day(day, had_open)?;
        atomic::remove(trash_path).map_err(|e| StoreError::write(trash_path, e))?;
        Ok(body.entry)
    }

    /// Removes one item from the trash for good.
    pub fn purge(&self, trash_path: &Path) -> Result<(), StoreError> {
        self.writable()?;
        atomic::remove(trash_path).map_err(|e| StoreError::write(trash_path, e))
    }
}

/// An id as a file name: letters, digits, `-` and `_` kept, anything else as `_`.
fn file_safe(id: &str) -> String {
    let safe: String = id
        .chars()
        .take(80)
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if safe.is_empty() {
        "entry".into()
    } else {
        safe
    }
}
