//! Reading a backup and checking it whole: the gzip stream to its end (its checksum and
//! size), every file against the manifest, and sizes against what the archive declares, before
//! anything is written.

use super::*;

/// The least an archive may unpack to before its size is questioned.
pub(super) const UNPACKED_FLOOR: u64 = 64 * 1024 * 1024;
/// How many times its own size an archive may unpack to (beyond [`UNPACKED_FLOOR`]). A
/// journal's JSON compresses 5 to 30 times, encrypted files not at all; only a damaged archive,
/// or one made to fill a disk, goes far beyond (gzip's limit is about 1,000 times).
pub(super) const UNPACKED_RATIO: u64 = 200;
/// The largest manifest read (its list of files included): a few hundred bytes a file.
pub(super) const MANIFEST_CAP: u64 = crate::files::CONTENT_CAP;

/// An archive read whole and checked: its manifest, every file it holds but the day files, in
/// memory, and the size and SHA-256 of each file. Made by [`read_archive`]; what
/// [`restore_unpacked`] and [`preview_into_new`] restore from. The day files, nearly all of a
/// backup, are read again from the archive a day at a time where they are needed (checked
/// against what was read here), so that a restore holds a bounded window of days.
#[derive(Debug)]
pub struct Unpacked {
    pub(super) path: PathBuf,
    pub(super) manifest: Manifest,
    pub(super) files: BTreeMap<String, Vec<u8>>,
    /// Every file but the manifest, as read, in the archive's order.
    pub(super) sums: Vec<FileSum>,
    /// Whether any file of its data folder is encrypted.
    pub(super) sealed_data: bool,
    /// How many bytes its gzip stream unpacked to.
    pub(super) unpacked: u64,
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

    /// The files in it but the manifest and the day files, by their path in it
    /// (`data/state.json`).
    pub fn files(&self) -> &BTreeMap<String, Vec<u8>> {
        &self.files
    }

    pub(super) fn file(&self, name: &str) -> Option<&[u8]> {
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
/// unpacking more than that (from the sizes in the tar headers, when they say so). Every file
/// but the day files is kept; those are read again, a day at a time, when the archive is
/// restored. Nothing is written.
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
pub(super) enum Fault {
    File(io::Error),
    Gzip(io::Error),
    TooLarge,
}

type Faults = Rc<RefCell<Option<Fault>>>;

pub(super) fn note(faults: &Faults, fault: Fault) {
    let mut first = faults.borrow_mut();
    if first.is_none() {
        *first = Some(fault);
    }
}

pub(super) fn copy_of(e: &io::Error) -> io::Error {
    io::Error::new(e.kind(), e.to_string())
}

/// The archive's file, noting a failure to read it.
pub(super) struct FileReader {
    pub(super) file: fs::File,
    pub(super) faults: Faults,
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
pub(super) struct Meter<R> {
    pub(super) inner: R,
    pub(super) read: u64,
    pub(super) limit: u64,
    pub(super) faults: Faults,
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
pub(super) enum Bad {
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
pub(super) struct Found {
    pub(super) manifest: Option<Vec<u8>>,
    /// Each file but the manifest, with its size and SHA-256, in order.
    pub(super) sums: Vec<FileSum>,
    pub(super) files: BTreeMap<String, Vec<u8>>,
    /// Whether a file of the data folder is encrypted.
    pub(super) sealed_data: bool,
}

/// Whether the file `name` of an archive is a day file (`data/entries/2026/2026-11-30.json`):
/// those a restore reads again a day at a time instead of holding them.
pub(super) fn is_day_name(name: &str) -> bool {
    day_of_name(name).is_some()
}

/// The day of the day file `name` of an archive, when it is one.
pub(super) fn day_of_name(name: &str) -> Option<NaiveDate> {
    let ["data", "entries", year, file] = name.split('/').collect::<Vec<_>>()[..] else {
        return None;
    };
    let number = year
        .parse::<i32>()
        .ok()
        .filter(|_| year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()))?;
    Layout::day_of_file_name(file).filter(|d| d.year() == number)
}

/// The path of a file in an archive as closer names it (`data/entries/2026/…`), or `None` when
/// it would climb out of the folder it unpacks into (`..`, an absolute path).
pub(super) fn inside_name(path: &Path) -> Option<String> {
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

pub(super) fn size(bytes: u64) -> String {
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
pub(super) fn walk<R: Read>(
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
        let keep_this = name == MANIFEST || (keep && !is_day_name(&name));
        let sum = if keep_this || name.starts_with("data/") {
            let mut bytes = Vec::with_capacity(usize::try_from(declared.min(1 << 20)).unwrap_or(0));
            (&mut member)
                .take(declared)
                .read_to_end(&mut bytes)
                .map_err(Bad::Io)?;
            let sum = FileSum::of(&name, &bytes);
            found.sealed_data |= name.starts_with("data/") && crypto::is_sealed(&bytes);
            if name == MANIFEST {
                found.manifest = Some(bytes);
            } else if keep_this {
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
pub(super) fn drain(reader: &mut impl Read) -> io::Result<()> {
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
pub(super) fn gzip_reason(e: &io::Error) -> String {
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

pub(super) fn read(archive: &Path, keep: bool) -> Result<Unpacked, StoreError> {
    // Read through once, keeping only the small files (not the day files): a damaged archive,
    // or one that unpacks to far more than a backup does, is refused holding little.
    read_once(archive, None, keep)
}

/// Reads and checks the archive once (see [`read_archive`]), keeping its files when `keep`;
/// no further than `limit` bytes unpacked, else what an archive of its size can hold.
pub(super) fn read_once(
    archive: &Path,
    limit: Option<u64>,
    keep: bool,
) -> Result<Unpacked, StoreError> {
    let damaged = |reason: String| StoreError::BackupDamaged {
        path: archive.to_owned(),
        reason,
    };
    let unusable = |reason: String| StoreError::BackupUnusable {
        path: archive.to_owned(),
        reason,
    };
    let read_err = |e: io::Error| StoreError::read(archive, e);
    let (file, len) = open_gzip(archive)?;
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
    let mut tar = unpacking(file, limit, &faults);
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
    let manifest = manifest_from(stored, &found.sums);
    Ok(Unpacked {
        path: archive.to_owned(),
        manifest,
        files: found.files,
        sums: found.sums,
        sealed_data: found.sealed_data,
        unpacked,
    })
}

/// The tar inside the gzip stream of `file`, unpacked no further than `limit` bytes, noting
/// what fails beneath it in `faults`.
fn unpacking(file: fs::File, limit: u64, faults: &Faults) -> tar::Archive<Meter<Unzipped>> {
    let gz = flate2::read::GzDecoder::new(FileReader {
        file,
        faults: Rc::clone(faults),
    });
    tar::Archive::new(Meter {
        inner: gz,
        read: 0,
        limit,
        faults: Rc::clone(faults),
    })
}

/// The decompressed stream of an archive's file.
type Unzipped = flate2::read::GzDecoder<FileReader>;

/// Opens the archive at `archive` and its length, refusing an empty file or one that is not a
/// gzip stream; positioned at its start.
fn open_gzip(archive: &Path) -> Result<(fs::File, u64), StoreError> {
    let unusable = |reason: &str| StoreError::BackupUnusable {
        path: archive.to_owned(),
        reason: reason.to_owned(),
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
        return Err(unusable("it is empty, not a closer backup"));
    }
    if magic != [0x1f, 0x8b] {
        return Err(unusable(
            "it is not a closer backup (a gzipped tar archive)",
        ));
    }
    file.seek(io::SeekFrom::Start(0)).map_err(read_err)?;
    Ok((file, len))
}

/// The manifest of a backup as stored, with what a manifest of an older closer did not count
/// counted from the names of its files (`sums`).
fn manifest_from(stored: StoredManifest, sums: &[FileSum]) -> Manifest {
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
        for sum in sums {
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
    manifest
}

/// Checks the files found in an archive against what its manifest says: how many, and each
/// one's size and SHA-256. A manifest of an earlier closer says neither.
pub(super) fn check_sums(stored: &StoredManifest, found: &[FileSum]) -> Result<(), String> {
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

/// What [`each_day`] hands each day file to: its path in the archive and its bytes.
pub(super) type DayVisitor<'a> = dyn FnMut(&str, &[u8]) -> Result<(), StoreError> + 'a;

/// Reads the archive of `unpacked` again and hands each day file to `visit`, in the archive's
/// order (by day), one at a time: a restore holds a window of days, not the journal. Every file
/// is checked against its size and SHA-256 as read by [`read_archive`], so what `visit` is given
/// is what was checked.
///
/// # Errors
/// [`StoreError::BackupDamaged`] when the archive is not what it was when it was read (it
/// changed since); [`StoreError::Read`] when its file cannot be read; what `visit` gives.
pub(super) fn each_day(unpacked: &Unpacked, visit: &mut DayVisitor<'_>) -> Result<(), StoreError> {
    let archive = &unpacked.path;
    let changed = || StoreError::BackupDamaged {
        path: archive.clone(),
        reason: "it changed while it was read (its files are not those checked a moment ago)"
            .to_owned(),
    };
    let (file, _) = open_gzip(archive)?;
    let faults: Faults = Rc::default();
    let mut tar = unpacking(file, unpacked.unpacked, &faults);
    let mut expected = unpacked.sums.iter();
    let mut buffer = Vec::new();
    let mut walk = || -> Result<(), StoreError> {
        for member in tar.entries().map_err(|_| changed())? {
            let mut member = member.map_err(|_| changed())?;
            if member.header().entry_type().is_dir() {
                continue;
            }
            let name = member
                .path()
                .ok()
                .and_then(|p| inside_name(&p))
                .ok_or_else(changed)?;
            if name == MANIFEST {
                continue;
            }
            let sum = expected.next().ok_or_else(changed)?;
            buffer.clear();
            (&mut member)
                .take(sum.bytes.saturating_add(1))
                .read_to_end(&mut buffer)
                .map_err(|_| changed())?;
            if sum.path != name || FileSum::of(&name, &buffer) != *sum {
                return Err(changed());
            }
            if is_day_name(&name) {
                visit(&name, &buffer)?;
            }
        }
        if expected.next().is_some() {
            return Err(changed());
        }
        Ok(())
    };
    let walked = walk();
    // To the end of the gzip stream, where its checksum is checked, unless it stopped before.
    let drained = match &walked {
        Ok(()) => drain(&mut tar.into_inner()),
        Err(_) => Ok(()),
    };
    if let Some(Fault::File(e)) = faults.borrow_mut().take() {
        return Err(StoreError::read(archive, e));
    }
    walked?;
    drained.map_err(|_| changed())
}
