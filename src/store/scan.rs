//! Reads a whole data folder without changing anything: every entry that can be read, and every
//! problem with its path. Used both to load the journal and by `closer doctor`.

use std::collections::{HashMap, VecDeque};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};

use chrono::{Datelike, NaiveDate};

use crate::journal::query::signature::{self, Signature};
use crate::journal::{Entry, EntryId};

use super::envelope;
use super::error::StoreError;
use super::layout::{Layout, TEMP_PREFIX};
use super::problem::{Problem, ProblemKind};
use crate::files;

pub use super::bodies::{DayBody, DraftBody, InboxBody, TrashBody};

/// What a scan found.
#[derive(Debug, Default)]
pub struct Scan {
    /// Every readable entry, by day then creation time.
    pub entries: Vec<Entry>,
    /// The search index of `entries` (each one's [`Signature`], in the same order) when the
    /// read made it ([`load_indexed`]); empty otherwise.
    pub index: Vec<Signature>,
    /// Every problem, in the order found.
    pub problems: Vec<Problem>,
    /// How many day files were read.
    pub day_files: usize,
    /// How many entries were read (also when they were not kept: [`check`]).
    pub entry_count: usize,
    /// Whether the data folder exists at all.
    pub exists: bool,
}

/// Reads one day file while scanning, opening it once: its body (or why it cannot be read),
/// and problems worth a word: others can read it, it starts with a byte-order mark, it is
/// unusually large.
fn read_day_checked(
    layout: &Layout,
    path: &Path,
    folder: Option<(&fs::File, bool)>,
    encrypted: bool,
    buffer: &mut Vec<u8>,
) -> (Vec<Problem>, Result<DayBody, StoreError>) {
    let mut notes = Vec::new();
    // Only a regular file is read, and no more than a day file may hold: a FIFO or a link to
    // a device is reported, not read (it would hang or fill memory). The buffer is the
    // caller's, kept from file to file; the file is looked up in its open year folder when
    // there is one.
    let read = match (folder, path.file_name()) {
        #[cfg(unix)]
        (Some((folder, regular)), Some(name)) => {
            files::read_regular_at(folder, name, path, regular, files::DATA_FILE_CAP, buffer)
        }
        _ => files::read_regular_into(path, files::DATA_FILE_CAP, buffer),
    };
    let meta = match read {
        Ok(meta) => meta,
        Err(e) => {
            if let Ok(meta) = fs::metadata(path)
                && meta.is_file()
            {
                notes.extend(mode_problem(path, &meta, false));
            }
            return (notes, Err(StoreError::read(path, e)));
        }
    };
    notes.extend(mode_problem(path, &meta, false));
    let sealed = super::crypto::is_sealed(buffer);
    let opened;
    let bytes: &[u8] = if sealed {
        match super::crypto::open(layout, path, std::mem::take(buffer)) {
            Ok(b) => {
                opened = b;
                &opened
            }
            Err(e) => return (notes, Err(e)),
        }
    } else {
        buffer
    };
    if !sealed && encrypted {
        notes.push(Problem {
            path: path.to_owned(),
            kind: ProblemKind::Plaintext,
        });
    }
    let body = envelope::decode(path, bytes);
    if body.is_ok() {
        if bytes.starts_with(b"\xEF\xBB\xBF") {
            notes.push(Problem {
                path: path.to_owned(),
                kind: ProblemKind::ByteOrderMark,
            });
        }
        if meta.len() > LARGE_DAY_FILE {
            notes.push(Problem {
                path: path.to_owned(),
                kind: ProblemKind::Large { bytes: meta.len() },
            });
        }
    }
    (notes, body)
}

/// What reading one day file gives: problems worth a word, and its body or why not.
type DayRead = (Vec<Problem>, Result<DayBody, StoreError>);

mod first_seen;
mod newest;
mod others;
mod readers;
use first_seen::*;
pub use newest::{Progress, load_newest};
use readers::*;

/// Whether the day file of `day` holds an entry `id`, read again (see [`FirstSeen`]).
fn day_holds(
    layout: &Layout,
    day: NaiveDate,
    id: &EntryId,
    encrypted: bool,
    buffer: &mut Vec<u8>,
) -> bool {
    let (_, read) = read_day_checked(layout, &layout.day_file(day), None, encrypted, buffer);
    read.is_ok_and(|body| body.entries.iter().any(|e| e.id == *id))
}

/// A day file larger than this is noted (a day's check-ins take a few kilobytes).
const LARGE_DAY_FILE: u64 = 10_000_000;

/// Reads the data folder at `layout` and reports what is in it. Changes nothing.
pub fn scan(layout: &Layout) -> Scan {
    scan_keeping(layout, true)
}

/// Reads every file of the data folder at `layout` and reports the problems and counts, without
/// keeping the entries (`entries` stays empty): what `closer doctor` needs, in memory flat in
/// the journal's size but for the ids it checks for duplicates.
pub fn check(layout: &Layout) -> Scan {
    scan_keeping(layout, false)
}

/// Reads the data folder at `layout` as [`scan`] does, to open the journal: an encrypted
/// journal's days come from its cache (`cache.age`) where their files are unchanged, and the
/// cache is written again when any were not. Changes nothing else.
pub fn load(layout: &Layout) -> Scan {
    scan_with(layout, true, uses_cache(layout), None)
}

/// [`load`], and the search index of the entries made as they are read (`Scan::index`; on
/// the reading threads, where each entry's text is still in the cache), the day files
/// counted first and each one taken in counted in `progress`: what the interface reads, to
/// show how far it has got and to search from the moment it is done.
pub fn load_indexed(layout: &Layout, progress: &Progress) -> Scan {
    progress.counted(newest::count_days(layout));
    scan_with(layout, true, uses_cache(layout), Some(progress))
}

/// Whether a load reads an encrypted journal's days from its cache: when it can be opened.
fn uses_cache(layout: &Layout) -> bool {
    super::crypto::is_encrypted(layout) && super::crypto::is_unlocked(layout)
}

fn scan_keeping(layout: &Layout, keep: bool) -> Scan {
    scan_with(layout, keep, false, None)
}

/// A scan: `keep` the entries, read the days from the cache (`use_cache`), and with
/// `progress`, count the days and index the entries (see [`load_indexed`]).
fn scan_with(layout: &Layout, keep: bool, use_cache: bool, progress: Option<&Progress>) -> Scan {
    let mut scanning = Scanning::start(layout, keep, use_cache);
    scanning.progress = progress;
    scanning.index = progress.map(|_| Vec::new());
    let root = layout.root();
    if !root.exists() {
        return scanning.scan;
    }
    scanning.scan.exists = true;
    check_mode(&mut scanning.scan.problems, root, true);
    scanning.read_days();
    scanning.write_cache();
    scanning.check_keys();
    scanning.check_state();
    scanning.check_top_conflicts();
    scanning.check_drafts();
    scanning.check_trash();
    scanning.read_inbox();
    scanning.finish()
}

/// A scan under way: what it found so far, and what it keeps from file to file.
struct Scanning<'a> {
    layout: &'a Layout,
    /// Whether the entries are kept (a scan), or only counted and checked (a check).
    keep: bool,
    /// Whether the journal is encrypted, looked up once a read, not once a file (two
    /// metadata calls each).
    encrypted: bool,
    /// An encrypted journal's cache of its days, when it is loaded from it.
    cache: Option<super::cache::Cache>,
    /// Whether the cache must be written again.
    cache_stale: bool,
    /// The days to write to the cache, in order, their entries in `scan.entries`.
    cache_order: Vec<super::cache::CacheDay>,
    scan: Scan,
    /// The day each id was first seen on, to notice duplicates.
    seen: FirstSeen,
    /// One read buffer for the days read on this thread.
    buffer: Vec<u8>,
    /// Where each day taken in is counted, if anywhere.
    progress: Option<&'a Progress>,
    /// The search index of the entries taken in, when it is made (see [`load_indexed`]).
    index: Option<Vec<Signature>>,
    /// Some entries were taken in without their signatures (from the cache, or read here):
    /// the index is made again whole at the end, on every core.
    unindexed: bool,
}

impl<'a> Scanning<'a> {
    fn start(layout: &'a Layout, keep: bool, use_cache: bool) -> Scanning<'a> {
        let cache = use_cache.then(|| super::cache::Cache::read(layout));
        let cache_stale = cache.as_ref().is_some_and(super::cache::Cache::is_empty);
        let mut scan = Scan::default();
        if cache.as_ref().is_some_and(super::cache::Cache::was_forged) {
            scan.problems.push(Problem {
                path: layout.cache_file(),
                kind: ProblemKind::CacheForged,
            });
        }
        let encrypted = super::crypto::is_encrypted(layout);
        // The list of entries made once at its size: grown by doubling after the cache was
        // read, each old copy freed where nothing reuses it (8 MB kept at 10,000 entries).
        if let Some(cache) = &cache {
            scan.entries.reserve_exact(cache.entries());
        }
        Scanning {
            layout,
            keep,
            encrypted,
            cache,
            cache_stale,
            cache_order: Vec::new(),
            scan,
            seen: FirstSeen::default(),
            buffer: Vec::new(),
            progress: None,
            index: None,
            unindexed: false,
        }
    }

    /// Reads `entries/YYYY/YYYY-MM-DD.json`: lists the year folders a little ahead of taking
    /// their days in, in order.
    fn read_days(&mut self) {
        let entries_dir = self.layout.entries_dir();
        if !entries_dir.exists() {
            return;
        }
        check_mode(&mut self.scan.problems, &entries_dir, true);
        let layout = self.layout;
        std::thread::scope(|threads| {
            // Days not in the cache (all of a plain journal's) are read on every core while
            // this thread lists the folders, a little ahead, and takes the days in, in
            // order: the listing and the taking in, a fifth of the time, do not leave the
            // cores idle (benches/README.md). A check reads each day here, one at a time, so
            // that its memory stays flat.
            let indexing = self.index.is_some();
            let mut readers = self
                .keep
                .then(|| Readers::start(threads, layout, self.encrypted, indexing));
            let mut year_dirs = sorted_children(&mut self.scan.problems, &entries_dir).into_iter();
            // Years listed and not yet taken in, and how many days they hold: the listing
            // keeps at most `LIST_AHEAD` days ahead of the taking in (listed all at once,
            // `closer doctor` took 234 MB at a million entries instead of 163).
            let mut years: VecDeque<Year> = VecDeque::new();
            let mut ahead = 0;
            let mut all_listed = false;
            loop {
                if !all_listed && (ahead < LIST_AHEAD || years.is_empty()) {
                    if let Some(year_dir) = year_dirs.next() {
                        let year = self.list_year(&year_dir, readers.as_mut());
                        ahead += year.weight();
                        years.push_back(year);
                    } else {
                        all_listed = true;
                        if let Some(readers) = &mut readers {
                            readers.listed();
                        }
                    }
                    continue;
                }
                // Listed far enough ahead, or all listed: the next year is taken in.
                let Some(year) = years.pop_front() else {
                    break;
                };
                ahead -= year.weight();
                self.take_in_year(year, readers.as_mut());
            }
            if let Some(readers) = readers {
                readers.join();
            }
        });
    }

    /// Lists one year folder of `entries/`: its days, each handed to the `readers` (if
    /// there are any) unless the cache holds it, and the problems with the folder and its
    /// files.
    fn list_year(&self, year_dir: &Path, mut readers: Option<&mut Readers<'_>>) -> Year {
        let root = self.layout.root();
        let mut year = Year::default();
        let name = file_name(year_dir);
        let is_year = name.len() == 4 && name.chars().all(|c| c.is_ascii_digit());
        if !is_year || !year_dir.is_dir() {
            note_stray(&mut year.problems, root, year_dir);
            return year;
        }
        check_mode(&mut year.problems, year_dir, true);
        let number: i32 = name.parse().unwrap_or(-1);
        year.folder = fs::File::open(year_dir).ok().map(Arc::new);
        for (path, regular) in sorted_children_typed(&mut year.problems, year_dir) {
            let file = path.file_name().unwrap_or_default().to_string_lossy();
            let Some(day) = Layout::day_of_file_name(&file).filter(|d| d.year() == number) else {
                match Layout::day_of_conflict_copy(&file) {
                    Some(day) => year.problems.push(Problem {
                        path: path.clone(),
                        kind: ProblemKind::SyncConflict { day },
                    }),
                    None => note_stray(&mut year.problems, root, &path),
                }
                continue;
            };
            let (stamp, cached) = self.cached_day(&path);
            if cached.is_none()
                && let Some(readers) = &mut readers
            {
                year.queued_through = readers.queue(path.clone(), year.folder.as_ref(), regular);
            }
            year.days.push(ListedDay {
                day,
                path,
                regular,
                cached,
                stamp,
            });
        }
        year
    }

    /// The stamp of the day file at `path` and, when the cache holds it as it is (an
    /// encrypted journal's days come from its cache when their files are the ones cached),
    /// the notes its file gives without reading it.
    fn cached_day(&self, path: &Path) -> (Option<super::cache::Stamp>, Option<Vec<Problem>>) {
        let meta = if self.cache.is_some() {
            fs::metadata(path).ok()
        } else {
            None
        };
        let stamp = meta.as_ref().and_then(super::cache::Stamp::of);
        let hit = self.cache.as_ref().is_some_and(|c| c.holds(path, stamp));
        let cached = meta.filter(|_| hit).map(|meta| {
            let mut notes: Vec<Problem> = mode_problem(path, &meta, false).into_iter().collect();
            if meta.len() > LARGE_DAY_FILE {
                notes.push(Problem {
                    path: path.to_owned(),
                    kind: ProblemKind::Large { bytes: meta.len() },
                });
            }
            notes
        });
        (stamp, cached)
    }

    /// Takes in the days of one year listed by [`Scanning::list_year`], in order.
    fn take_in_year(&mut self, year: Year, mut readers: Option<&mut Readers<'_>>) {
        if let Some(readers) = &mut readers {
            readers.send_through(year.queued_through);
        }
        self.scan.problems.extend(year.problems);
        for listed in year.days {
            self.take_in_day(listed, year.folder.as_deref(), &mut readers);
        }
    }

    /// Takes in one listed day: its body from the cache, the readers or its file, its notes,
    /// and its entries.
    fn take_in_day(
        &mut self,
        listed: ListedDay,
        folder: Option<&fs::File>,
        readers: &mut Option<&mut Readers<'_>>,
    ) {
        let ListedDay {
            day,
            path,
            regular,
            cached,
            stamp,
        } = listed;
        let folder = folder.map(|f| (f, regular));
        // A cached day's body is taken from the cache only now (see `Cache::holds`); any
        // other day was handed to the readers, if there are any, and comes from them in the
        // order handed.
        let (notes, read, signatures, was_cached) = match cached {
            Some(notes) => match self.cache.as_mut().and_then(|c| c.take(&path, stamp)) {
                Some(body) => (notes, Ok(body), Vec::new(), true),
                None => {
                    let (notes, read) = self.read_here(&path, folder);
                    (notes, read, Vec::new(), false)
                }
            },
            None => {
                let ((notes, read), signatures) =
                    match readers.as_deref_mut().and_then(Readers::next) {
                        Some(done) => done,
                        None => (self.read_here(&path, folder), Vec::new()),
                    };
                (notes, read, signatures, false)
            }
        };
        if self.cache.is_some() {
            self.remember_for_cache(&path, stamp, &notes, &read, was_cached);
        }
        self.scan.problems.extend(notes);
        if let Some(progress) = self.progress {
            progress.one_more();
        }
        match read {
            Ok(body) => {
                self.take_in_signatures(body.entries.len(), signatures);
                self.take_in_body(day, &path, body);
            }
            Err(err) => self.scan.problems.push(Problem::from_error(path, &err)),
        }
    }

    /// Takes in the signatures of the `count` entries of a day about to be taken in, when the
    /// index is made: as the readers made them, or, when they did not (a day from the cache, or
    /// read here), placeholders, and the index is made again at the end.
    fn take_in_signatures(&mut self, count: usize, signatures: Vec<Signature>) {
        let Some(index) = &mut self.index else {
            return;
        };
        if signatures.len() == count {
            index.extend(signatures);
        } else {
            self.unindexed = true;
            index.resize(index.len() + count, Signature::default());
        }
    }

    /// Reads a day here: a day not handed to the readers (a check reads every day here), or
    /// one whose reader failed.
    fn read_here(&mut self, path: &Path, folder: Option<(&fs::File, bool)>) -> DayRead {
        let (notes, mut read) =
            read_day_checked(self.layout, path, folder, self.encrypted, &mut self.buffer);
        if let (Ok(body), true) = (&mut read, self.keep) {
            body.entries.iter_mut().for_each(Entry::shrink_to_fit);
        }
        (notes, read)
    }

    /// Notes a day for the cache written again after the scan: its file, stamp and where its
    /// entries go in the journal's list (they are taken in next); the cache is stale when the
    /// day was read from its file.
    fn remember_for_cache(
        &mut self,
        path: &Path,
        stamp: Option<super::cache::Stamp>,
        notes: &[Problem],
        read: &Result<DayBody, StoreError>,
        was_cached: bool,
    ) {
        let Ok(body) = read else {
            return;
        };
        if !was_cached {
            self.cache_stale = true;
        }
        // A plain file in an encrypted journal is not cached: its note must show.
        let plain = notes.iter().any(|n| n.kind == ProblemKind::Plaintext);
        let file = path
            .strip_prefix(self.layout.entries_dir())
            .ok()
            .and_then(|p| p.to_str());
        if let (Some(stamp), Some(file), false) = (stamp, file, plain) {
            let start = self.scan.entries.len();
            self.cache_order.push(super::cache::CacheDay {
                file: file.to_owned(),
                stamp,
                date: body.date,
                entries: start..start + body.entries.len(),
            });
        }
    }

    /// Takes in the entries of the day file of `day` at `path`: counted, checked for their
    /// day and for ids seen before, and kept when the scan keeps them.
    fn take_in_body(&mut self, day: NaiveDate, path: &Path, body: DayBody) {
        self.scan.day_files += 1;
        for (i, entry) in body.entries.iter().enumerate() {
            if entry.date != day {
                self.scan.problems.push(Problem {
                    path: path.to_owned(),
                    kind: ProblemKind::WrongDay {
                        id: entry.id.to_string(),
                        date: entry.date,
                    },
                });
            }
            // Whether the id is in the day file first seen with its hash: this very file
            // before this entry (read again, the file would hold this entry itself), or
            // another one, read again.
            let holds = |first: NaiveDate| {
                if first == day {
                    body.entries[..i].iter().any(|e| e.id == entry.id)
                } else {
                    day_holds(
                        self.layout,
                        first,
                        &entry.id,
                        self.encrypted,
                        &mut self.buffer,
                    )
                }
            };
            if let Some(first) = self.seen.seen_before(&entry.id, day, holds) {
                self.scan.problems.push(Problem {
                    path: path.to_owned(),
                    kind: ProblemKind::DuplicateId {
                        id: entry.id.to_string(),
                        other: self.layout.day_file(first),
                    },
                });
            }
            self.scan.entry_count += 1;
        }
        // Shrunk where they were read (see `Entry::shrink_to_fit`).
        if self.keep {
            self.scan.entries.extend(body.entries);
        }
    }

    /// Writes the cache again, when a day was read from its file or a cached one is gone: the
    /// days read now, the others from the cache as it was.
    fn write_cache(&mut self) {
        let Some(left) = &self.cache else {
            return;
        };
        self.cache_stale |= left.remaining() > 0;
        if self.cache_stale {
            // From the journal's list as taken in: every day's entries are in it by now.
            super::cache::write(self.layout, &self.cache_order, &self.scan.entries);
        }
        self.cache_order = Vec::new();
    }

    /// inbox/: entries saved while the journal was locked, not yet in their day.
    fn read_inbox(&mut self) {
        let (layout, root) = (self.layout, self.layout.root());
        let mut in_inbox: std::collections::HashSet<EntryId> = std::collections::HashSet::new();
        for path in folder_children(&mut self.scan.problems, &layout.inbox_dir()) {
            if !file_name(&path).ends_with(".json") {
                note_stray(&mut self.scan.problems, root, &path);
                continue;
            }
            check_mode(&mut self.scan.problems, &path, false);
            match read_json_noting::<InboxBody>(layout, &path, self.encrypted) {
                Err(err) => self.scan.problems.push(Problem::from_error(path, &err)),
                Ok((body, plain)) => {
                    self.scan.problems.extend(plain);
                    // Already in its day (moved there, the inbox file not yet removed).
                    let id = &body.entry.id;
                    let holds = |first: NaiveDate| {
                        day_holds(layout, first, id, self.encrypted, &mut self.buffer)
                    };
                    if !self.seen.seen_in_a_day(id, holds) && in_inbox.insert(id.clone()) {
                        self.scan.entry_count += 1;
                        if self.keep {
                            self.take_in_signatures(1, Vec::new());
                            self.scan.entries.push(body.entry);
                        }
                    }
                }
            }
        }
    }

    /// The scan, its entries in order, and their index when it is made.
    fn finish(mut self) -> Scan {
        match self.index.take() {
            Some(mut index) => {
                if self.unindexed || index.len() != self.scan.entries.len() {
                    self.scan.entries.sort_by(Entry::order);
                    index = signature::index(&self.scan.entries);
                } else {
                    sort_together(&mut self.scan.entries, &mut index);
                }
                index.shrink_to_fit();
                self.scan.index = index;
            }
            None => self.scan.entries.sort_by(Entry::order),
        }
        // The list grew by doubling; give back what it does not use.
        self.scan.entries.shrink_to_fit();
        self.scan
    }
}

/// Sorts `entries` in their order ([`Entry::order`]) and `index` (as long, each entry's
/// signature) with them. They are nearly always in order already (days are read in order),
/// which is checked first.
fn sort_together(entries: &mut [Entry], index: &mut [Signature]) {
    if entries.is_sorted_by(|a, b| Entry::order(a, b).is_le()) {
        return;
    }
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by(|&a, &b| Entry::order(&entries[a], &entries[b]));
    // Place `i` takes what was at `order[i]`: what was there may have moved already, to a
    // place before `i`, followed along the swaps made.
    for i in 0..order.len() {
        let mut from = order[i];
        while from < i {
            from = order[from];
        }
        entries.swap(i, from);
        index.swap(i, from);
    }
}

/// Reads and decodes one JSON file of the store at `layout` (decrypting it if it is
/// encrypted).
pub(crate) fn read_json<T: serde::de::DeserializeOwned>(
    layout: &Layout,
    path: &Path,
) -> Result<T, StoreError> {
    read_json_noting(layout, path, false).map(|(body, _)| body)
}

/// [`read_json`], and a problem when the file is plain text in an `encrypted` journal.
fn read_json_noting<T: serde::de::DeserializeOwned>(
    layout: &Layout,
    path: &Path,
    encrypted: bool,
) -> Result<(T, Option<Problem>), StoreError> {
    let bytes =
        files::read_regular(path, files::DATA_FILE_CAP).map_err(|e| StoreError::read(path, e))?;
    let plain = (!super::crypto::is_sealed(&bytes) && encrypted).then(|| Problem {
        path: path.to_owned(),
        kind: ProblemKind::Plaintext,
    });
    let bytes = super::crypto::open(layout, path, bytes)?;
    envelope::decode(path, &bytes).map(|body| (body, plain))
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Notes a file or folder closer does not keep where it is: a leftover of its own, or a
/// file-sync tool's conflict copy of a file it writes (named by what it is a copy of, never as
/// a stranger: it may hold the other computer's words), or a stranger.
fn note_stray(problems: &mut Vec<Problem>, root: &Path, path: &Path) {
    let name = file_name(path);
    let kind = if let Some(of) = conflict_copy_of(root, path) {
        ProblemKind::OtherConflict { of }
    } else if name.starts_with(TEMP_PREFIX) {
        ProblemKind::LeftoverTemp
    } else if name.starts_with("editing-") && name.ends_with(".md") {
        ProblemKind::EditorText
    } else {
        ProblemKind::Unexpected
    };
    problems.push(Problem {
        path: path.to_owned(),
        kind,
    });
}

/// The file a file-sync tool's conflict copy at `path` is a copy of, as a path in the data
/// folder at `root` (`state.json`, `trash/<file>.json`); `None` when it is not a copy.
fn conflict_copy_of(root: &Path, path: &Path) -> Option<String> {
    let original = Layout::original_of_conflict_copy(&file_name(path))?;
    let folder = path
        .parent()
        .and_then(|p| p.strip_prefix(root).ok())
        .filter(|p| !p.as_os_str().is_empty());
    Some(match folder {
        Some(folder) => format!("{}/{original}", folder.display()),
        None => original,
    })
}

/// When a draft (or a conflict copy of one) at `path` was last written: its `saved_at`,
/// else, when it cannot be read (locked, damaged), its modification time.
fn draft_saved(layout: &Layout, path: &Path) -> Option<chrono::NaiveDateTime> {
    match read_json::<DraftBody>(layout, path) {
        Ok(body) => Some(body.saved_at.naive_local()),
        Err(_) => fs::symlink_metadata(path)
            .and_then(|m| m.modified())
            .ok()
            .map(|t| chrono::DateTime::<chrono::Local>::from(t).naive_local()),
    }
}

/// Whether a file in `drafts/` named `name` is a file-sync tool's conflict copy of a draft:
/// of `current.json`, or of a check-in waiting for its turn.
pub(crate) fn is_draft_conflict(name: &str) -> bool {
    Layout::original_of_conflict_copy(name)
        .is_some_and(|of| of == "current.json" || Layout::is_waiting_draft(&of))
}

/// The children of the folder `dir` of the data folder, sorted, the folder's mode checked;
/// none when it does not exist.
fn folder_children(problems: &mut Vec<Problem>, dir: &Path) -> Vec<PathBuf> {
    if !dir.exists() {
        return Vec::new();
    }
    check_mode(problems, dir, true);
    sorted_children(problems, dir)
}

fn sorted_children(problems: &mut Vec<Problem>, dir: &Path) -> Vec<PathBuf> {
    sorted_children_typed(problems, dir)
        .into_iter()
        .map(|(path, _)| path)
        .collect()
}

/// [`sorted_children`], each with whether the listing gave it as a regular file (not a link;
/// no metadata is read for it).
fn sorted_children_typed(problems: &mut Vec<Problem>, dir: &Path) -> Vec<(PathBuf, bool)> {
    match fs::read_dir(dir) {
        Ok(read) => {
            let mut paths: Vec<(PathBuf, bool)> = read
                .filter_map(|e| {
                    let e = e.ok()?;
                    Some((e.path(), e.file_type().is_ok_and(|t| t.is_file())))
                })
                .collect();
            // One folder's children: their names order them, without comparing whole paths
            // component by component.
            paths.sort_unstable_by(|(a, _), (b, _)| a.file_name().cmp(&b.file_name()));
            paths
        }
        Err(e) => {
            problems.push(Problem {
                path: dir.to_owned(),
                kind: ProblemKind::Unreadable {
                    reason: super::atomic::plain_reason(&e),
                },
            });
            Vec::new()
        }
    }
}

fn check_mode(problems: &mut Vec<Problem>, path: &Path, is_dir: bool) {
    if let Ok(meta) = fs::metadata(path)
        && let Some(p) = mode_problem(path, &meta, is_dir)
    {
        problems.push(p);
    }
}

/// A problem when a file or folder can be read by other users.
#[cfg(unix)]
fn mode_problem(path: &Path, meta: &fs::Metadata, is_dir: bool) -> Option<Problem> {
    use std::os::unix::fs::PermissionsExt;
    let mode = meta.permissions().mode() & 0o777;
    (mode & 0o077 != 0).then(|| Problem {
        path: path.to_owned(),
        kind: ProblemKind::Permissions {
            mode,
            expected: if is_dir {
                super::atomic::DIR_MODE
            } else {
                super::atomic::FILE_MODE
            },
        },
    })
}

#[cfg(not(unix))]
fn mode_problem(_: &Path, _: &fs::Metadata, _: bool) -> Option<Problem> {
    None
}

#[cfg(test)]
mod tests;
