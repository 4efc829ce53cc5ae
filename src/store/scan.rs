//! Reads a whole data folder without changing anything: every entry that can be read, and every
//! problem with its path. Used both to load the journal and by `closer doctor`.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::journal::{Entry, EntryId, Preferences};

use super::envelope;
use super::error::StoreError;
use super::layout::{Layout, TEMP_PREFIX};
use super::problem::{Problem, ProblemKind};
use crate::files;

/// The body of a day file.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct DayBody {
    /// The day the file is for.
    pub date: NaiveDate,
    /// Its entries, oldest first.
    pub entries: Vec<Entry>,
}

/// The body of a trash file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TrashBody {
    /// When it was deleted.
    pub deleted_at: chrono::DateTime<chrono::FixedOffset>,
    /// The entry as it was.
    pub entry: Entry,
}

/// The body of a file in `inbox/`: one entry saved while the journal was locked.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct InboxBody {
    /// The entry.
    pub entry: Entry,
}

/// The body of the draft file: whatever the check-in keeps, as JSON.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DraftBody {
    /// When it was last written.
    pub saved_at: chrono::DateTime<chrono::FixedOffset>,
    /// The check-in in progress.
    pub draft: serde_json::Value,
}

/// What a scan found.
#[derive(Debug, Default)]
pub struct Scan {
    /// Every readable entry, by day then creation time.
    pub entries: Vec<Entry>,
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
    encrypted: bool,
) -> (Vec<Problem>, Result<DayBody, StoreError>) {
    let mut notes = Vec::new();
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return (notes, Err(StoreError::read(path, e))),
    };
    if meta.is_file() {
        notes.extend(mode_problem(path, &meta, false));
    }
    // Only a regular file is read, and no more than a day file may hold: a FIFO or a link to
    // a device is reported, not read (it used to hang or fill memory).
    let bytes = match files::read_regular(path, files::DATA_FILE_CAP) {
        Ok(b) => b,
        Err(e) => return (notes, Err(StoreError::read(path, e))),
    };
    let sealed = super::crypto::is_sealed(&bytes);
    let bytes = match super::crypto::open(layout, path, bytes) {
        Ok(b) => b,
        Err(e) => return (notes, Err(e)),
    };
    if !sealed && encrypted {
        notes.push(Problem {
            path: path.to_owned(),
            kind: ProblemKind::Plaintext,
        });
    }
    let body = envelope::decode(path, &bytes);
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

/// Reads the day files `days` of the journal at `layout` on the machine's cores (at most
/// 4), in contiguous runs, and gives back what [`read_day_checked`] gives for each, in order
/// (`None` for a run whose thread failed: the caller reads those days itself). Empty when
/// there are too few days (or cores) to be worth threads.
fn read_days_in_parallel(
    layout: &Layout,
    days: &[(NaiveDate, PathBuf)],
    encrypted: bool,
) -> Vec<Option<DayRead>> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    if cores < 2 || days.len() < 64 {
        return Vec::new();
    }
    let run = days.len().div_ceil(cores);
    std::thread::scope(|s| {
        let workers: Vec<_> = days
            .chunks(run)
            .map(|chunk| {
                s.spawn(move || {
                    chunk
                        .iter()
                        .map(|(_, path)| {
                            let (notes, mut body) = read_day_checked(layout, path, encrypted);
                            // Shrunk where they were made (see `Entry::shrink_to_fit`).
                            if let Ok(body) = &mut body {
                                body.entries.iter_mut().for_each(Entry::shrink_to_fit);
                            }
                            Some((notes, body))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .zip(days.chunks(run))
            .flat_map(|(w, chunk)| {
                w.join()
                    .unwrap_or_else(|_| (0..chunk.len()).map(|_| None).collect())
            })
            .collect()
    })
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
    let cached = super::crypto::is_encrypted(layout) && super::crypto::is_unlocked(layout);
    scan_with(layout, true, cached)
}

fn scan_keeping(layout: &Layout, keep: bool) -> Scan {
    scan_with(layout, keep, false)
}

fn scan_with(layout: &Layout, keep: bool, use_cache: bool) -> Scan {
    let mut cache = use_cache.then(|| super::cache::Cache::read(layout));
    let mut cache_stale = cache.as_ref().is_some_and(super::cache::Cache::is_empty);
    let mut cache_order: Vec<(PathBuf, super::cache::Stamp, Option<DayBody>)> = Vec::new();
    let mut scan = Scan::default();
    // Looked up once a read, not once a file (two metadata calls each).
    let encrypted = super::crypto::is_encrypted(layout);
    // The list of entries made once at its size: grown by doubling after the cache was read,
    // each old copy freed where nothing reuses it (8 MB kept at 10,000 entries).
    if let Some(cache) = &cache {
        scan.entries.reserve_exact(cache.entries());
    }
    let root = layout.root();
    if !root.exists() {
        return scan;
    }
    scan.exists = true;
    check_mode(&mut scan.problems, root, true);
    // Where each id was first seen (an index into `day_paths`), to notice duplicates.
    let mut seen: HashMap<EntryId, usize> = HashMap::new();
    let mut day_paths: Vec<PathBuf> = Vec::new();

    // entries/YYYY/YYYY-MM-DD.json
    let entries_dir = layout.entries_dir();
    if entries_dir.exists() {
        check_mode(&mut scan.problems, &entries_dir, true);
        for year_dir in sorted_children(&mut scan.problems, &entries_dir) {
            let name = file_name(&year_dir);
            let is_year = name.len() == 4 && name.chars().all(|c| c.is_ascii_digit());
            if !is_year || !year_dir.is_dir() {
                note_stray(&mut scan.problems, &year_dir);
                continue;
            }
            check_mode(&mut scan.problems, &year_dir, true);
            let mut days = Vec::new();
            for path in sorted_children(&mut scan.problems, &year_dir) {
                let name = file_name(&path);
                let Some(day) = Layout::day_of_file_name(&name)
                    .filter(|d| d.format("%Y").to_string() == file_name(&year_dir))
                else {
                    match Layout::day_of_conflict_copy(&name) {
                        Some(day) => scan.problems.push(Problem {
                            path: path.clone(),
                            kind: ProblemKind::SyncConflict { day },
                        }),
                        None => note_stray(&mut scan.problems, &path),
                    }
                    continue;
                };
                days.push((day, path));
            }
            // An encrypted journal's days come from its cache when their files are the
            // ones cached.
            let mut from_cache: Vec<Option<DayRead>> = Vec::with_capacity(days.len());
            let mut stamps = Vec::with_capacity(days.len());
            let mut misses = Vec::new();
            for (day, path) in &days {
                let meta = if cache.is_some() {
                    fs::metadata(path).ok()
                } else {
                    None
                };
                let stamp = meta.as_ref().and_then(super::cache::Stamp::of);
                let hit = cache.as_mut().and_then(|c| c.take(path, stamp));
                stamps.push(stamp);
                match (hit, meta) {
                    (Some(body), Some(meta)) => {
                        let mut notes: Vec<Problem> =
                            mode_problem(path, &meta, false).into_iter().collect();
                        if meta.len() > LARGE_DAY_FILE {
                            notes.push(Problem {
                                path: path.clone(),
                                kind: ProblemKind::Large { bytes: meta.len() },
                            });
                        }
                        from_cache.push(Some((notes, Ok(body))));
                    }
                    _ => {
                        from_cache.push(None);
                        misses.push((*day, path.clone()));
                    }
                }
            }
            // Days not in the cache (all of a plain journal's) are read on every core, a year
            // at a time: for an encrypted one, opening each age file is an X25519 agreement;
            // for a plain one, reading took a quarter less time. Each entry is shrunk on the
            // thread that read it, which kept the memory two threads cost to 7 %
            // (benches/README.md).
            let mut read_all = if keep {
                read_days_in_parallel(layout, &misses, encrypted)
            } else {
                Vec::new()
            }
            .into_iter();
            for (((day, path), cached), stamp) in days.into_iter().zip(from_cache).zip(stamps) {
                let was_cached = cached.is_some();
                let (notes, read) = match cached {
                    Some(done) => done,
                    None => match read_all.next().flatten() {
                        Some(done) => done,
                        None => read_day_checked(layout, &path, encrypted),
                    },
                };
                if cache.is_some() {
                    let fresh = match (&read, was_cached) {
                        (Ok(body), false) => {
                            cache_stale = true;
                            Some(body.clone())
                        }
                        _ => None,
                    };
                    // A plain file in an encrypted journal is not cached: its note must show.
                    let plain = notes.iter().any(|n| n.kind == ProblemKind::Plaintext);
                    if let Some(stamp) = stamp.filter(|_| read.is_ok() && !plain) {
                        cache_order.push((path.clone(), stamp, fresh));
                    }
                }
                scan.problems.extend(notes);
                match read {
                    Ok(body) => {
                        scan.day_files += 1;
                        let here = day_paths.len();
                        day_paths.push(path.clone());
                        for entry in body.entries {
                            if entry.date != day {
                                scan.problems.push(Problem {
                                    path: path.clone(),
                                    kind: ProblemKind::WrongDay {
                                        id: entry.id.to_string(),
                                        date: entry.date,
                                    },
                                });
                            }
                            if let Some(&other) = seen.get(&entry.id) {
                                scan.problems.push(Problem {
                                    path: path.clone(),
                                    kind: ProblemKind::DuplicateId {
                                        id: entry.id.to_string(),
                                        other: day_paths[other].clone(),
                                    },
                                });
                            } else {
                                seen.insert(entry.id.clone(), here);
                            }
                            scan.entry_count += 1;
                            if keep {
                                let mut entry = entry;
                                entry.shrink_to_fit();
                                scan.entries.push(entry);
                            }
                        }
                    }
                    Err(err) => scan.problems.push(Problem::from_error(path, &err)),
                }
            }
        }
    }

    // The cache again, when a day was read from its file or a cached one is gone: the
    // days read now, the others from the cache as it was.
    if let Some(left) = &cache {
        cache_stale |= left.remaining() > 0;
        if cache_stale {
            let mut old = super::cache::Cache::read(layout);
            let days = cache_order
                .into_iter()
                .filter_map(|(path, stamp, fresh)| {
                    let body = fresh.or_else(|| old.take(&path, Some(stamp)))?;
                    Some((path, stamp, body))
                })
                .collect();
            super::cache::write(layout, days);
        }
    }

    // state.json
    let state = layout.state_file();
    if state.exists() {
        check_mode(&mut scan.problems, &state, false);
        if let Err(err) = read_json::<Preferences>(layout, &state) {
            scan.problems.push(Problem::from_error(state, &err));
        }
    }

    // drafts/
    let drafts = layout.drafts_dir();
    if drafts.exists() {
        check_mode(&mut scan.problems, &drafts, true);
        for path in sorted_children(&mut scan.problems, &drafts) {
            if path == layout.draft_file() {
                check_mode(&mut scan.problems, &path, false);
                match read_json_noting::<DraftBody>(layout, &path, encrypted) {
                    Err(err) => scan.problems.push(Problem::from_error(path, &err)),
                    Ok((_, Some(plain))) => scan.problems.push(plain),
                    Ok(_) => {}
                }
            } else if !file_name(&path).starts_with("unreadable-") {
                note_stray(&mut scan.problems, &path);
            }
        }
    }

    // trash/
    let trash = layout.trash_dir();
    if trash.exists() {
        check_mode(&mut scan.problems, &trash, true);
        for path in sorted_children(&mut scan.problems, &trash) {
            // Conflict copies already merged into their day, kept as they were.
            if path == layout.merged_conflicts_dir() && path.is_dir() {
                continue;
            }
            if !file_name(&path).ends_with(".json") {
                note_stray(&mut scan.problems, &path);
                continue;
            }
            check_mode(&mut scan.problems, &path, false);
            match read_json_noting::<TrashBody>(layout, &path, encrypted) {
                Err(err) => scan.problems.push(Problem::from_error(path, &err)),
                Ok((_, Some(plain))) => scan.problems.push(plain),
                Ok(_) => {}
            }
        }
    }

    // inbox/: entries saved while the journal was locked, not yet in their day.
    let inbox = layout.inbox_dir();
    if inbox.exists() {
        check_mode(&mut scan.problems, &inbox, true);
        for path in sorted_children(&mut scan.problems, &inbox) {
            if !file_name(&path).ends_with(".json") {
                note_stray(&mut scan.problems, &path);
                continue;
            }
            check_mode(&mut scan.problems, &path, false);
            match read_json_noting::<InboxBody>(layout, &path, encrypted) {
                Err(err) => scan.problems.push(Problem::from_error(path, &err)),
                Ok((body, plain)) => {
                    scan.problems.extend(plain);
                    // Already in its day (moved there, the inbox file not yet removed).
                    if !seen.contains_key(&body.entry.id) {
                        seen.insert(body.entry.id.clone(), day_paths.len());
                        day_paths.push(path.clone());
                        scan.entry_count += 1;
                        if keep {
                            scan.entries.push(body.entry);
                        }
                    }
                }
            }
        }
    }

    scan.entries.sort_by(Entry::order);
    // The list grew by doubling; give back what it does not use.
    scan.entries.shrink_to_fit();
    scan
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

fn note_stray(problems: &mut Vec<Problem>, path: &Path) {
    let name = file_name(path);
    let kind = if name.starts_with(TEMP_PREFIX) {
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

fn sorted_children(problems: &mut Vec<Problem>, dir: &Path) -> Vec<PathBuf> {
    match fs::read_dir(dir) {
        Ok(read) => {
            let mut paths: Vec<PathBuf> = read.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
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
mod tests {
    use super::*;
    use crate::store::Store;

    /// Issue 21, item 6: the journal as read holds no room it does not use (a list read from
    /// JSON has room for four items when it holds one), read on one thread or on several.
    #[test]
    fn a_journal_read_keeps_no_spare_room() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        // Enough days in one year for the parallel read (64 and more).
        let year: Vec<Entry> = (0..100u32)
            .map(|n| {
                let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
                    + chrono::Days::new(u64::from(n));
                let at =
                    chrono::DateTime::parse_from_rfc3339(&format!("{day}T20:00:00+01:00")).unwrap();
                let mut e = Entry::new(EntryId::generate(at, n), at);
                e.emotions = vec!["tired".into()];
                e.tags = vec!["home".into(), "work".into()];
                e.notes = format!("day {n}");
                e
            })
            .collect();
        for e in &year {
            store.save_entry(e).unwrap();
        }
        let entries = load(store.layout()).entries;
        assert_eq!(entries.len(), year.len());
        for e in &entries {
            assert_eq!(e.emotions.capacity(), e.emotions.len(), "{}", e.id);
            assert_eq!(e.triggers.capacity(), e.triggers.len(), "{}", e.id);
            assert_eq!(e.behaviours.capacity(), e.behaviours.len(), "{}", e.id);
            assert_eq!(e.strategies.capacity(), e.strategies.len(), "{}", e.id);
            assert_eq!(e.tags.capacity(), e.tags.len(), "{}", e.id);
        }
    }
}
