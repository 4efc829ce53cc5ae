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
        let mut days = Vec::new();
        let Ok(years) = fs::read_dir(layout.entries_dir()) else {
            return days;
        };
        for year in years.flatten() {
            let name = year.file_name().to_string_lossy().into_owned();
            if name.len() != 4 || !name.bytes().all(|b| b.is_ascii_digit()) {
                continue;
            }
            let Ok(files) = fs::read_dir(year.path()) else {
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
        days
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

/// The open predictions' look-back days by the day of the entry that made them.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
struct PredictionIndex {
    days: std::collections::BTreeMap<NaiveDate, Vec<NaiveDate>>,
    /// Fields beside it that this closer does not know, kept as they were.
    #[serde(flatten)]
    unknown: envelope::Unknown,
}

/// Whether any of `entries` holds an open prediction (so that its day is in the prediction
/// index).
fn holds_open_predictions(entries: &[Entry]) -> bool {
    entries
        .iter()
        .any(|e| e.predictions.iter().any(|p| p.is_open()))
}

/// The prediction index of `entries`, the whole journal.
fn prediction_index_of(entries: &[Entry]) -> PredictionIndex {
    let mut index = PredictionIndex::default();
    for e in entries {
        let open: Vec<NaiveDate> = e
            .predictions
            .iter()
            .filter(|p| p.is_open())
            .map(|p| p.look_back)
            .collect();
        if !open.is_empty() {
            index.days.entry(e.date).or_default().extend(open);
        }
    }
    index
}

/// The prediction index, or an empty one when it is missing or cannot be read.
fn read_prediction_index(layout: &Layout) -> PredictionIndex {
    let path = layout.predictions_file();
    crate::files::read_regular(&path, crate::files::DATA_FILE_CAP)
        .ok()
        .and_then(|bytes| envelope::decode(&path, &bytes).ok())
        .unwrap_or_default()
}

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

    /// Keeps `predictions.json` in step with the open predictions of the day `date` now holds
    /// (`had_open`: whether it held any before). Only a day that has or had open predictions
    /// costs a read of the index and a write: read on every save, the index of a million
    /// entries' journal (437 KB) made a save take 3 ms instead of 0.6. A failure here never
    /// fails the save: the index is a cache for `closer status`, and the check-in reads the
    /// journal.
    fn index_predictions(&self, date: NaiveDate, entries: &[Entry], had_open: bool) {
        let open: Vec<NaiveDate> = entries
            .iter()
            .flat_map(|e| e.predictions.iter().filter(|p| p.is_open()))
            .map(|p| p.look_back)
            .collect();
        if open.is_empty() && !had_open {
            return;
        }
        let path = self.layout.predictions_file();
        let mut index = read_prediction_index(&self.layout);
        let now = (!open.is_empty()).then_some(&open);
        if index.days.get(&date) == now {
            return;
        }
        match now {
            Some(days) => index.days.insert(date, days.clone()),
            None => index.days.remove(&date),
        };
        if let Ok(bytes) = envelope::encode(&path, &index) {
            let _ = atomic::write(&path, &bytes);
        }
    }

    /// Writes `predictions.json` again from every day file (after a sync brought days in).
    pub fn rebuild_prediction_index(&self) {
        let scan = super::scan(&self.layout);
        self.write_prediction_index(&prediction_index_of(&scan.entries));
    }

    /// Puts `predictions.json` right when it does not match `entries`, the whole journal as
    /// just read. A write of it that failed, or a stop between a day's write and its own,
    /// leaves it wrong, and a save mends only a day that has or had open predictions. Does
    /// nothing when it matches or this store may not write; never fails.
    pub fn mend_prediction_index(&self, entries: &[Entry]) {
        if self.writable().is_err() || Store::prediction_index_matches(&self.layout, entries) {
            return;
        }
        self.write_prediction_index(&prediction_index_of(entries));
    }

    /// Whether the prediction index of the journal at `layout` matches `entries`, the whole
    /// journal: reads, writes nothing (44 ms at a million entries, so the TUI asks on the
    /// thread that reads the journal, and mends only when it does not match).
    pub fn prediction_index_matches(layout: &Layout, entries: &[Entry]) -> bool {
        read_prediction_index(layout).days == prediction_index_of(entries).days
    }

    fn write_prediction_index(&self, index: &PredictionIndex) {
        let path = self.layout.predictions_file();
        let index = PredictionIndex {
            days: index.days.clone(),
            unknown: read_prediction_index(&self.layout).unknown,
        };
        if let Ok(bytes) = envelope::encode(&path, &index) {
            let _ = atomic::write(&path, &bytes);
        }
    }

    /// How many open predictions are due on `today` (their day has come), as the index of
    /// the journal at `layout` has them: quick on any journal. None when there is no index.
    pub fn predictions_due_in(layout: &Layout, today: NaiveDate) -> usize {
        read_prediction_index(layout)
            .days
            .values()
            .flatten()
            .filter(|d| **d <= today)
            .count()
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
                match self.day_to_temp(body, flush_each) {
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
        flush_now: bool,
    ) -> Result<(tempfile::TempPath, PathBuf, NaiveDate, Vec<NaiveDate>), StoreError> {
        let path = self.layout.day_file(body.date);
        let bytes = encode_day(&path, &mut body)?;
        let bytes = super::crypto::seal(&self.layout, &path, bytes)?;
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

    /// [`index_predictions`](Store::index_predictions) for many days at once: the index read
    /// and written once.
    fn index_predictions_of(&self, days: &[(NaiveDate, Vec<NaiveDate>)]) {
        let mut index = read_prediction_index(&self.layout);
        let mut changed = false;
        for (date, open) in days {
            let now = (!open.is_empty()).then_some(open);
            if index.days.get(date) == now {
                continue;
            }
            changed = true;
            match now {
                Some(open) => index.days.insert(*date, open.clone()),
                None => index.days.remove(date),
            };
        }
        let path = self.layout.predictions_file();
        if changed && let Ok(bytes) = envelope::encode(&path, &index) {
            let _ = atomic::write(&path, &bytes);
        }
    }

    fn holds(date: NaiveDate) -> Result<(), StoreError> {
        if Layout::holds(date) {
            Ok(())
        } else {
            Err(StoreError::OutsideYears { date })
        }
    }

    /// Merges every file-sync conflict copy of a day file into its day (entries by id, the
    /// field by field, both versions of a text kept where they differ, an entry deleted here
    /// staying deleted; see `journal::merge`), then
    /// moves the copy, unchanged, into `trash/sync-conflicts/`. The day is written before the
    /// copy moves, so a stop in between leaves the copy to merge again (which changes
    /// nothing more). A copy that cannot be read is left where it is and reported.
    ///
    /// Returns, per copy, its path, its day and what changed; a copy that failed, why.
    pub fn merge_conflict_copies(&self) -> Result<Vec<CopyMerged>, StoreError> {
        self.writable()?;
        let deleted: std::collections::HashSet<EntryId> =
            self.trash().into_iter().map(|t| t.entry.id).collect();
        let mut copies = Vec::new();
        for year in fs::read_dir(self.layout.entries_dir())
            .into_iter()
            .flatten()
            .flatten()
        {
            for f in fs::read_dir(year.path()).into_iter().flatten().flatten() {
                let name = f.file_name().to_string_lossy().into_owned();
                if let Some(day) = Layout::day_of_conflict_copy(&name) {
                    copies.push((f.path(), day));
                }
            }
        }
        copies.sort();
        let mut out = Vec::new();
        for (path, day) in copies {
            let result = self.merge_one_copy(&path, day, &deleted);
            out.push((path, day, result));
        }
        Ok(out)
    }

    fn merge_one_copy(
        &self,
        path: &Path,
        day: NaiveDate,
        deleted: &std::collections::HashSet<EntryId>,
    ) -> Result<Vec<crate::journal::merge::Changed>, StoreError> {
        let theirs: DayBody = scan::read_json(&self.layout, path)?;
        let body = self.read_day_for_write(day)?;
        let (merged, changes) =
            crate::journal::merge::merge(&body.entries, &theirs.entries, deleted);
        if changes
            .iter()
            .any(|c| c.change != crate::journal::merge::Change::StaysDeleted)
        {
            // What this closer does not know of either version is kept (this one's first).
            let mut unknown = body.unknown.clone();
            unknown.add_missing(&theirs.unknown);
            self.write_day(
                DayBody {
                    date: day,
                    entries: merged,
                    unknown,
                },
                holds_open_predictions(&body.entries),
            )?;
        }
        keep_conflict_copy(&self.layout, path)?;
        Ok(changes)
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

    /// Saves the preferences with the person's own words in plain text, even in an
    /// encrypted journal (`closer decrypt`, just before the key is removed).
    pub(crate) fn save_preferences_plain(&self, prefs: &Preferences) -> Result<(), StoreError> {
        self.writable()?;
        let path = self.layout.state_file();
        let mut prefs = prefs.clone();
        prefs.extra.remove(SEALED_WORDS);
        let bytes = envelope::encode(&path, &prefs)?;
        self.write_plain_file(&path, &bytes)
    }

    /// Writes the check-in in progress to `drafts/current.json`.
    pub fn save_draft<T: Serialize>(
        &self,
        draft: &T,
        now: DateTime<FixedOffset>,
    ) -> Result<(), StoreError> {
        self.writable()?;
        let path = self.layout.draft_file();
        let draft = serde_json::to_value(draft).map_err(|e| StoreError::Encode {
            path: path.clone(),
            message: e.to_string(),
        })?;
        // A draft with episodes or predictions, or on their steps, is one a closer before
        // schema 2 cannot read whole.
        let new_kind = ["episodes", "predictions"].iter().any(|k| {
            draft
                .get(k)
                .and_then(|v| v.as_array())
                .is_some_and(|a| !a.is_empty())
                || draft.get("step").and_then(|v| v.as_str()) == Some(k)
        });
        // A moment whose repair holds a strategy and own words needs schema 3.
        let both = draft
            .get("episodes")
            .and_then(|v| v.as_array())
            .is_some_and(|eps| {
                eps.iter().any(|ep| {
                    ep.get("repair")
                        .is_some_and(|r| r.get("strategy").is_some() && r.get("own").is_some())
                })
            });
        let schema = if both {
            3
        } else if new_kind {
            2
        } else {
            super::SCHEMA_PLAIN
        };
        // What this closer does not know beside the check-in in the draft it replaces is kept
        // (inside the check-in, the draft's own type keeps it).
        let unknown = scan::read_json::<DraftBody>(&self.layout, &path)
            .map(|old| old.unknown)
            .unwrap_or_default();
        let bytes = envelope::encode_as(
            &path,
            &DraftBody {
                saved_at: now,
                draft,
                unknown,
            },
            schema,
        )?;
        self.write_file(&path, bytes)
    }

    /// The check-in in progress, if there is one.
    pub fn load_draft<T: DeserializeOwned>(&self) -> Result<Option<T>, StoreError> {
        let path = self.layout.draft_file();
        let body: DraftBody = match scan::read_json(&self.layout, &path) {
            Ok(body) => body,
            Err(StoreError::Read { cause, .. }) if cause.kind() == io::ErrorKind::NotFound => {
                return Ok(None);
            }
            Err(e) => return Err(e),
        };
        serde_json::from_value(body.draft)
            .map(Some)
            .map_err(|e| StoreError::Malformed {
                path,
                line: 1,
                column: 1,
                message: format!("its check-in cannot be read: {e}"),
            })
    }

    /// Moves an unreadable draft aside (`drafts/unreadable-<when>.json`), so the next draft
    /// does not overwrite it. Returns where it went.
    pub fn set_aside_draft(&self, now: DateTime<FixedOffset>) -> Result<PathBuf, StoreError> {
        self.writable()?;
        let from = self.layout.draft_file();
        let to = self.layout.drafts_dir().join(format!(
            "unreadable-{}.json",
            now.format("%Y%m%dT%H%M%S%.3f")
        ));
        fs::rename(&from, &to).map_err(|e| StoreError::write(&from, e))?;
        atomic::sync_dir(&self.layout.drafts_dir()).map_err(|e| StoreError::write(&to, e))?;
        Ok(to)
    }

    /// Throws the draft away (after its entry was saved, or when the person discards it).
    pub fn discard_draft(&self) -> Result<(), StoreError> {
        self.writable()?;
        let path = self.layout.draft_file();
        match atomic::remove(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(StoreError::write(&path, e)),
        }
    }

    /// The saved preferences; defaults when there is no state file yet.
    pub fn load_preferences(&self) -> Result<Preferences, StoreError> {
        read_preferences(&self.layout)
    }

    /// Saves the preferences. Refuses when the state file exists but cannot be read, so it is
    /// never overwritten.
    pub fn save_preferences(&self, prefs: &Preferences) -> Result<(), StoreError> {
        self.writable()?;
        let path = self.layout.state_file();
        if path.exists()
            && let Err(err) = scan::read_json::<Preferences>(&self.layout, &path)
        {
            return Err(StoreError::DayBlocked {
                reason: super::problem::Problem::from_error(path.clone(), &err).reason(),
                path,
            });
        }
        let mut prefs = prefs.clone();
        seal_words(&self.layout, &mut prefs)?;
        let bytes = envelope::encode(&path, &prefs)?;
        self.write_plain_file(&path, &bytes)
    }

    /// Renames the person's own trigger `from` to `to` in every entry that names it (the same
    /// word ignoring case and surrounding spaces); an entry that names `to` already keeps one
    /// of the two, with both notes and the stronger intensity (a merge). Every day is read
    /// first and every changed day written to a temporary file beside it, then all are put in
    /// place together: a day that cannot be read, or a write that fails, changes nothing.
    /// Entries keep their `updated_at`. Returns how many entries changed.
    ///
    /// # Errors
    /// The journal is read-only or locked, a day cannot be read, or a day cannot be written
    /// (a rename that fails part way leaves each day whole, old or new).
    pub fn rename_custom_trigger(&self, from: &str, to: &str) -> Result<usize, StoreError> {
        use crate::journal::{Name, TriggerRef};
        self.writable()?;
        let same = |a: &str, b: &str| a.trim().to_lowercase() == b.trim().to_lowercase();
        let Ok(new) = Name::try_from(to.trim()) else {
            return Ok(0);
        };
        let mut changed_days = Vec::new();
        let mut changed = 0;
        for date in self.days_with_files() {
            let mut body = self.read_day_for_write(date)?;
            let mut touched = false;
            for entry in &mut body.entries {
                let names = |t: &crate::journal::TriggerLog, w: &str| matches!(&t.trigger, TriggerRef::Custom(n) if same(n.as_str(), w));
                if !entry.triggers.iter().any(|t| names(t, from)) {
                    continue;
                }
                let mut kept: Vec<crate::journal::TriggerLog> = Vec::new();
                for mut t in std::mem::take(&mut entry.triggers) {
                    if names(&t, from) || names(&t, to) {
                        t.trigger = TriggerRef::Custom(new.clone());
                        if let Some(first) = kept.iter_mut().find(|k| k.trigger == t.trigger) {
                            if !t.note.trim().is_empty() && first.note != t.note {
                                if !first.note.trim().is_empty() {
                                    first.note.push('\n');
                                }
                                first.note.push_str(&t.note);
                            }
                            first.intensity = first.intensity.max(t.intensity);
                            continue;
                        }
                    }
                    kept.push(t);
                }
                entry.triggers = kept;
                changed += 1;
                touched = true;
            }
            if touched {
                changed_days.push(body);
            }
        }
        let mut ready = Vec::new();
        for body in changed_days {
            ready.push(self.day_to_temp(body, true)?);
        }
        let mut folders = std::collections::BTreeSet::new();
        for (temp, target, ..) in ready {
            temp.persist(&target)
                .map_err(|e| StoreError::write(&target, e.error))?;
            if let Some(dir) = target.parent() {
                folders.insert(dir.to_owned());
            }
        }
        for dir in folders {
            atomic::sync_dir(&dir).map_err(|e| StoreError::write(&dir, e))?;
        }
        Ok(changed)
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

/// Where `state.json` of an encrypted journal keeps the person's own words (their trigger
/// and feeling names): a list of armored age texts, each a JSON [`Words`].
const SEALED_WORDS: &str = "sealed_words";

/// The person's own words kept in the preferences.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
struct Words {
    #[serde(default)]
    custom_triggers: Vec<String>,
    #[serde(default)]
    custom_feelings: Vec<String>,
}

/// In an encrypted journal, moves the person's own words out of `prefs` into
/// [`SEALED_WORDS`]: unlocked, every sealed text and the lists become one; locked (a check-in
/// written without unlocking), the new words are added as one more sealed text, as the old
/// ones cannot be read.
fn seal_words(layout: &Layout, prefs: &mut Preferences) -> Result<(), StoreError> {
    if !super::crypto::is_encrypted(layout) {
        return Ok(());
    }
    let mut words = Words {
        custom_triggers: std::mem::take(&mut prefs.custom_triggers),
        custom_feelings: std::mem::take(&mut prefs.custom_feelings),
    };
    let mut sealed: Vec<serde_json::Value> = match prefs.extra.remove(SEALED_WORDS) {
        Some(serde_json::Value::Array(list)) => list,
        _ => Vec::new(),
    };
    if super::crypto::is_unlocked(layout) {
        for text in sealed.drain(..) {
            if let Some(old) = open_words(layout, &text)? {
                union(&mut words.custom_triggers, old.custom_triggers);
                union(&mut words.custom_feelings, old.custom_feelings);
            }
        }
    }
    if !words.custom_triggers.is_empty() || !words.custom_feelings.is_empty() {
        let json = zeroize::Zeroizing::new(serde_json::to_vec(&words).map_err(|e| {
            StoreError::Encode {
                path: layout.state_file(),
                message: e.to_string(),
            }
        })?);
        if let Some(text) = super::crypto::seal_text(layout, &json)? {
            sealed.push(serde_json::Value::String(text));
        }
    }
    if !sealed.is_empty() {
        prefs
            .extra
            .insert(SEALED_WORDS.to_owned(), serde_json::Value::Array(sealed));
    }
    Ok(())
}

fn open_words(layout: &Layout, text: &serde_json::Value) -> Result<Option<Words>, StoreError> {
    let Some(text) = text.as_str() else {
        return Ok(None);
    };
    Ok(super::crypto::open_text(layout, text)?
        .and_then(|plain| serde_json::from_slice::<Words>(&plain).ok()))
}

fn union(into: &mut Vec<String>, more: Vec<String>) {
    for w in more {
        if !into.contains(&w) {
            into.push(w);
        }
    }
}

/// The preferences in the data folder at `layout`, without opening (or creating) it; defaults
/// when there is no state file. In an encrypted journal that is unlocked, the person's own
/// words are read from where they are sealed; locked, they stay sealed.
pub fn read_preferences(layout: &Layout) -> Result<Preferences, StoreError> {
    match scan::read_json::<Preferences>(layout, &layout.state_file()) {
        Ok(mut prefs) => {
            // The envelope's version is not a preference; it is written afresh on save.
            prefs.extra.remove("schema");
            if super::crypto::is_unlocked(layout)
                && let Some(serde_json::Value::Array(list)) = prefs.extra.remove(SEALED_WORDS)
            {
                for text in &list {
                    if let Some(words) = open_words(layout, text)? {
                        union(&mut prefs.custom_triggers, words.custom_triggers);
                        union(&mut prefs.custom_feelings, words.custom_feelings);
                    }
                }
            }
            Ok(prefs)
        }
        Err(StoreError::Read { cause, .. }) if cause.kind() == io::ErrorKind::NotFound => {
            Ok(Preferences::default())
        }
        Err(e) => Err(e),
    }
}

/// Moves a conflict copy that was taken in into `trash/sync-conflicts/` of the journal at
/// `layout`, under a name nothing there has (a copy of the same name merged before, as Resilio
/// reuses one, is never replaced); gives where it went.
///
/// # Errors
/// The folder cannot be made, or the copy cannot be moved (it stays where it was).
pub fn keep_conflict_copy(layout: &Layout, path: &Path) -> Result<std::path::PathBuf, StoreError> {
    let kept = layout.merged_conflicts_dir();
    atomic::create_private_dir(&kept).map_err(|e| StoreError::write(&kept, e))?;
    let name = path
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let mut to = kept.join(&name);
    let mut n = 2;
    while fs::symlink_metadata(&to).is_ok() {
        to = kept.join(format!("{n}-{name}"));
        n += 1;
    }
    fs::rename(path, &to).map_err(|e| StoreError::write(&to, e))?;
    let _ = atomic::sync_dir(&kept);
    if let Some(dir) = path.parent() {
        let _ = atomic::sync_dir(dir);
    }
    Ok(to)
}
