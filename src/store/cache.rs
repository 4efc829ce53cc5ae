//! A cache of an encrypted journal's day files, so that opening it costs about what opening a
//! plain one does. Each age file takes one X25519 agreement to open (about 60 µs here): 5,000
//! day files cost four times a plain read. The cache is one age file, `cache.age`, sealed to
//! the journal's own recipient like every other file, holding each day file's body with the
//! file's identity (inode, size, modification and change times). Reading the journal takes a
//! day from the cache only when its file is exactly the file cached; any other day is read
//! from its file, and the cache written again. The day files stay the truth: a missing,
//! damaged or foreign cache is no cache.
//!
//! The cache is authenticated. age has no sender authentication: anyone who can
//! write the data folder and read `recipient.txt` can make a valid `cache.age`, with a day
//! whose stamp matches the real file but whose entries are not its entries. So its last line
//! is a tag, HMAC-SHA-256 over every line before it, keyed from the journal's identity
//! ([`crypto::derived_key`]): only the identity's holder can make it. A cache without the tag,
//! or with a wrong one, is not used, is reported ([`CacheCheck::Forged`]), and is written again
//! from the day files.

use std::path::{Path, PathBuf};

use hmac::Mac as _;
use serde::{Deserialize, Serialize};

use super::bodies::DayBody;
use super::layout::Layout;
use super::{atomic, crypto};
use zeroize::{Zeroize, Zeroizing};

/// The cache's format; another is ignored (and replaced). JSON lines: a head, then a day a
/// line, each parsed from one small buffer that is zeroed as it is reused, then the tag.
const VERSION: u32 = 4;

/// What the key of the cache's tag is derived for (see [`crypto::derived_key`]).
const TAG_PURPOSE: &[u8] = b"closer cache.age tag v4";

type Tagger = hmac::Hmac<sha2::Sha256>;

/// The tagger of the journal at `layout`, while it is unlocked.
fn tagger(layout: &Layout) -> Option<Tagger> {
    let key = crypto::derived_key(layout, TAG_PURPOSE)?;
    <Tagger as hmac::Mac>::new_from_slice(key.as_ref()).ok()
}

/// The last line of the cache: the tag of every line before it, in hex.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Tail {
    tag: String,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What reading the cache found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CacheCheck {
    /// None, an older format, or one that cannot be read (rebuilt, nothing to say).
    Absent,
    /// Read, and its tag is right.
    Good,
    /// Readable, but without the right tag: not written by this journal's closer.
    Forged,
}

/// Which file a day file is, from its metadata: any write closer makes (a new file renamed
/// into place) or another program makes changes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    ino: u64,
    len: u64,
    mtime_ns: i128,
    ctime_ns: i128,
}

impl Stamp {
    /// The stamp of a file's metadata.
    #[cfg(unix)]
    pub fn of(meta: &std::fs::Metadata) -> Option<Stamp> {
        use std::os::unix::fs::MetadataExt;
        Some(Stamp {
            ino: meta.ino(),
            len: meta.len(),
            mtime_ns: i128::from(meta.mtime()) * 1_000_000_000 + i128::from(meta.mtime_nsec()),
            ctime_ns: i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec()),
        })
    }

    /// No cache where files cannot be told apart this way.
    #[cfg(not(unix))]
    pub fn of(_: &std::fs::Metadata) -> Option<Stamp> {
        None
    }
}

#[derive(Serialize, Deserialize)]
struct Day {
    /// The day file, relative to `entries/`.
    file: String,
    stamp: Stamp,
    body: DayBody,
}

/// The first line of the cache; each line after it is one [`Day`].
#[derive(Serialize, Deserialize)]
struct Head {
    version: u32,
    /// How many entries the days hold (so they are kept in one list made at its size).
    entries: usize,
}

/// A cached day: its file, the file's stamp, its date, and where its entries are in the
/// cache's one list.
struct Slot {
    file: String,
    stamp: Stamp,
    date: chrono::NaiveDate,
    start: usize,
    len: usize,
}

/// How many bytes of day lines the cache's reader hands to its parser at a time.
const BATCH: usize = 256 * 1024;

/// The days of the cache's lines as they come in `batches` (each a run of whole lines, zeroed
/// once parsed), and their entries in one list made with room for `room`; `None` at a line
/// that is not a day (the cache is then forged).
fn parse_days(
    batches: &std::sync::mpsc::Receiver<Zeroizing<Vec<u8>>>,
    room: usize,
) -> Option<(Vec<Slot>, Vec<Option<crate::journal::Entry>>)> {
    let mut days = Vec::new();
    let mut entries = Vec::with_capacity(room);
    for batch in batches {
        for line in batch.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
            let day = serde_json::from_slice::<Day>(line).ok()?;
            days.push(Slot {
                file: day.file,
                stamp: day.stamp,
                date: day.body.date,
                start: entries.len(),
                len: day.body.entries.len(),
            });
            entries.extend(day.body.entries.into_iter().map(|mut e| {
                e.shrink_to_fit();
                Some(e)
            }));
        }
    }
    Some((days, entries))
}

/// The cached days of a journal, in the order of their files (as read: sorted). Their
/// entries are in one list, one allocation, given back whole when the cache is dropped (a
/// list per day, emptied as the journal takes them, stayed in the allocator: 8 MB at 10,000
/// entries).
#[derive(Default)]
pub struct Cache {
    entries_dir: PathBuf,
    days: Vec<Slot>,
    entries: Vec<Option<crate::journal::Entry>>,
    /// Days taken.
    taken: Vec<bool>,
    /// Set when the cache read was refused for its tag.
    forged: bool,
}

impl std::fmt::Debug for Cache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Cache({} days)", self.days.len())
    }
}

impl Cache {
    /// The cache of the journal at `layout`: empty unless it is encrypted and unlocked and its
    /// cache can be read and carries the right tag.
    pub fn read(layout: &Layout) -> Cache {
        match Cache::read_checked(layout) {
            (cache, CacheCheck::Good) => cache,
            (_, CacheCheck::Forged) => Cache {
                forged: true,
                ..Cache::default()
            },
            (_, CacheCheck::Absent) => Cache::default(),
        }
    }

    /// Whether the cache read was refused for its tag (see [`CacheCheck::Forged`]).
    pub fn was_forged(&self) -> bool {
        self.forged
    }

    fn read_checked(layout: &Layout) -> (Cache, CacheCheck) {
        let absent = || (Cache::default(), CacheCheck::Absent);
        if !crypto::is_encrypted(layout) || !crypto::is_unlocked(layout) {
            return absent();
        }
        let Some(mut mac) = tagger(layout) else {
            return absent();
        };
        let path = layout.cache_file();
        // Only a regular file, decrypted and parsed as it is read: the plain text of the
        // whole journal is never in memory at once.
        if !std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
            return absent();
        }
        let Ok(reader) = crypto::open_stream(layout, &path) else {
            return absent();
        };
        let mut reader = std::io::BufReader::new(reader);
        let mut line = zeroize::Zeroizing::new(Vec::new());
        let mut next = |line: &mut Vec<u8>| -> Option<bool> {
            line.zeroize();
            line.clear();
            match std::io::BufRead::read_until(&mut reader, b'\n', line) {
                Ok(0) => Some(false),
                Ok(_) => Some(true),
                Err(_) => None,
            }
        };
        if next(&mut line) != Some(true) {
            return absent();
        }
        let head = match serde_json::from_slice::<Head>(&line) {
            Ok(head) if head.version == VERSION => head,
            _ => return absent(),
        };
        mac.update(&line);
        let forged = || (Cache::default(), CacheCheck::Forged);
        // The count is not trusted before the tag is checked: room for at most what a file of
        // this size could hold (an entry takes more than 64 bytes).
        let most =
            std::fs::metadata(&path).map_or(0, |m| usize::try_from(m.len() / 64).unwrap_or(0));
        let room = head.entries.min(most);
        // Decrypted and tagged on this thread, parsed on another as it goes: parsing on the
        // same thread made an encrypted read 1.7 times a plain one (issue 38). Lines go over
        // in batches, each zeroed once parsed.
        let (batches, parse_these) = std::sync::mpsc::sync_channel::<Zeroizing<Vec<u8>>>(4);
        let (read, parsed) = std::thread::scope(|scope| {
            let parser = scope.spawn(move || parse_days(&parse_these, room));
            let mut batch = Zeroizing::new(Vec::with_capacity(BATCH));
            let read = loop {
                match next(&mut line) {
                    Some(true) if line.starts_with(b"{\"tag\"") => {
                        let Ok(tail) = serde_json::from_slice::<Tail>(&line) else {
                            break CacheCheck::Forged;
                        };
                        let right = hex(&mac.finalize().into_bytes());
                        // Compared whole; the tag is not a secret, so timing does not matter.
                        if tail.tag != right || next(&mut line) != Some(false) {
                            break CacheCheck::Forged;
                        }
                        break CacheCheck::Good;
                    }
                    Some(true) => {
                        mac.update(&line);
                        // Sent before it would grow: a batch is never moved in memory, so no
                        // copy of the journal's words is left behind unzeroed.
                        if !batch.is_empty() && batch.len() + line.len() > batch.capacity() {
                            let room = BATCH.max(line.len());
                            let full = std::mem::replace(
                                &mut batch,
                                Zeroizing::new(Vec::with_capacity(room)),
                            );
                            if batches.send(full).is_err() {
                                // The parser stopped: a line that is not a day.
                                break CacheCheck::Forged;
                            }
                        }
                        batch.extend_from_slice(&line);
                    }
                    // Ended without its tag.
                    Some(false) => break CacheCheck::Forged,
                    None => break CacheCheck::Absent,
                }
            };
            if read == CacheCheck::Good && !batch.is_empty() {
                let _ = batches.send(std::mem::take(&mut batch));
            }
            drop(batches);
            (read, parser.join().ok().flatten())
        });
        let (mut days, entries) = match (read, parsed) {
            (CacheCheck::Good, Some(parsed)) => parsed,
            (CacheCheck::Absent, _) => return absent(),
            _ => return forged(),
        };
        days.sort_by(|a, b| a.file.cmp(&b.file));
        (
            Cache {
                entries_dir: layout.entries_dir(),
                taken: vec![false; days.len()],
                days,
                entries,
                forged: false,
            },
            CacheCheck::Good,
        )
    }

    /// Where the cache holds the day file at `path`, if it holds it (taken or not).
    fn find(&self, path: &Path) -> Option<usize> {
        let rel = path.strip_prefix(&self.entries_dir).ok()?.to_str()?;
        self.days
            .binary_search_by(|d| d.file.as_str().cmp(rel))
            .ok()
    }

    /// Whether [`Cache::take`] would give the body of the day file at `path`, taking nothing:
    /// for deciding, while the folders are listed, which days to read from their files, and
    /// taking the others only as they are taken in (taken all at once, before, they were a
    /// second list of the journal's entries: 70 MB more at 100,000 entries).
    pub fn holds(&self, path: &Path, stamp: Option<Stamp>) -> bool {
        stamp.is_some_and(|stamp| {
            self.find(path)
                .is_some_and(|i| !self.taken[i] && self.days[i].stamp == stamp)
        })
    }

    /// The body of the day file at `path` if the cache holds that very file.
    pub fn take(&mut self, path: &Path, stamp: Option<Stamp>) -> Option<DayBody> {
        let stamp = stamp?;
        let i = self.find(path)?;
        if self.taken[i] {
            return None;
        }
        self.taken[i] = true;
        let day = &self.days[i];
        if day.stamp != stamp {
            return None;
        }
        let entries = self.entries[day.start..day.start + day.len]
            .iter_mut()
            .filter_map(Option::take)
            .collect();
        Some(DayBody::new(day.date, entries))
    }

    /// How many cached days were not taken (their files are gone or changed).
    pub fn remaining(&self) -> usize {
        self.taken.iter().filter(|t| !**t).count()
    }

    /// How many entries its days hold (all but those of days already taken).
    pub fn entries(&self) -> usize {
        self.entries.iter().filter(|e| e.is_some()).count()
    }

    /// How many day files it held.
    pub fn len(&self) -> usize {
        self.days.len()
    }

    /// Whether it held none.
    pub fn is_empty(&self) -> bool {
        self.days.is_empty()
    }
}

/// One day of the cache to write: its day file (relative to `entries/`), the file's stamp, its
/// date, and where its entries are in the journal's list.
pub struct CacheDay {
    /// The day file, relative to `entries/` (`2026/2026-11-30.json`).
    pub file: String,
    /// The file's stamp.
    pub stamp: Stamp,
    /// Its date.
    pub date: chrono::NaiveDate,
    /// Its entries, in the journal's list.
    pub entries: std::ops::Range<usize>,
}

/// A day as the cache writes it: read back as a [`Day`], without copying its entries.
#[derive(Serialize)]
struct DayOut<'a> {
    file: &'a str,
    stamp: Stamp,
    body: BodyOut<'a>,
}

#[derive(Serialize)]
struct BodyOut<'a> {
    date: chrono::NaiveDate,
    entries: &'a [crate::journal::Entry],
}

/// Writes the cache of the journal at `layout` from its day files as read now: each day's file,
/// stamp, date and entries (a range of `entries`, the journal's list). Written as it is
/// encrypted, a line at a time: neither a copy of the entries nor the journal's plain text is
/// whole in memory (building it whole took 568 MB on the first open of a freshly encrypted
/// journal of 100,000 entries). Only for an encrypted journal that is unlocked; a failure is
/// no cache (the next read reads the files), never an error.
pub fn write(layout: &Layout, days: &[CacheDay], entries: &[crate::journal::Entry]) {
    if !crypto::is_encrypted(layout) || !crypto::is_unlocked(layout) {
        return;
    }
    let Some(mut mac) = tagger(layout) else {
        return;
    };
    let head = Head {
        version: VERSION,
        entries: days.iter().map(|d| d.entries.len()).sum(),
    };
    let path = layout.cache_file();
    let fill = move |out: &mut dyn std::io::Write| -> std::io::Result<()> {
        // Each line made in one buffer, zeroed as it is reused, tagged, then encrypted.
        let mut line = zeroize::Zeroizing::new(Vec::new());
        let mut put = |line: &mut Vec<u8>, out: &mut dyn std::io::Write| {
            line.push(b'\n');
            mac.update(line);
            out.write_all(line)?;
            line.zeroize();
            line.clear();
            Ok::<(), std::io::Error>(())
        };
        serde_json::to_writer(&mut *line, &head)?;
        put(&mut line, out)?;
        for day in days {
            let Some(day_entries) = entries.get(day.entries.clone()) else {
                continue;
            };
            let out_day = DayOut {
                file: &day.file,
                stamp: day.stamp,
                body: BodyOut {
                    date: day.date,
                    entries: day_entries,
                },
            };
            serde_json::to_writer(&mut *line, &out_day)?;
            put(&mut line, out)?;
        }
        let tail = Tail {
            tag: hex(&mac.finalize().into_bytes()),
        };
        serde_json::to_writer(&mut *line, &tail)?;
        line.push(b'\n');
        out.write_all(&line)
    };
    let _ = atomic::write_with(&path, |out| {
        crypto::seal_stream(layout, &path, out, fill).map_err(std::io::Error::other)
    });
}

/// Removes the cache (`closer decrypt`: it could not be read without the key).
pub fn remove(layout: &Layout) {
    let _ = atomic::remove(&layout.cache_file());
}
