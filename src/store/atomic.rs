//! Atomic writes and private folders.
//!
//! A write goes to a temporary file in the destination's own folder (so the rename cannot cross
//! file systems), is flushed to disk, renamed over the destination, and the folder is flushed so
//! the rename itself survives a power cut. At every instant the destination is either the old
//! file or the new one, never a torn mix.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use super::fault::{self, Step};
use super::layout::TEMP_PREFIX;

/// Mode of every file closer writes.
pub const FILE_MODE: u32 = 0o600;
/// Mode of every folder closer creates.
pub const DIR_MODE: u32 = 0o700;

/// Creates `dir` and any missing parents, each private to the user (0700) whatever the umask:
/// a folder is created, then given its mode explicitly (a mode passed to `mkdir` is masked by
/// the umask, so under `umask 0277` folders came out 0500 and the journal could not be
/// written). Folders that already exist are left as they are.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    if let Some(parent) = dir.parent()
        && !parent.as_os_str().is_empty()
    {
        create_private_dir(parent)?;
    }
    match fs::create_dir(dir) {
        Ok(()) => {}
        // Made meanwhile by someone else: theirs to keep as it is.
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => return Ok(()),
        Err(e) => return Err(e),
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(DIR_MODE))?;
    }
    Ok(())
}

/// Where a write to `path` goes. Nothing there, or a regular file: `path`. A symbolic link to
/// a regular file: that file (written through; the link stays a link, so a symlinked day file
/// is not replaced by a regular one). Anything else is refused and never replaced: a
/// folder, a named pipe, a device, a socket, a link to one of those, or a link that points to
/// nothing.
pub fn write_target(path: &Path) -> io::Result<std::path::PathBuf> {
    let refuse = |what: String| {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{what}, which closer does not replace"),
        ))
    };
    let meta = match fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(path.to_owned()),
        Err(e) => return Err(e),
        Ok(meta) => meta,
    };
    if meta.is_file() {
        return Ok(path.to_owned());
    }
    if !meta.file_type().is_symlink() {
        return refuse(format!("it is {}", crate::files::kind_of(&meta)));
    }
    match fs::metadata(path) {
        Ok(target) if target.is_file() => fs::canonicalize(path),
        Ok(target) => refuse(format!(
            "it is a link to {}",
            crate::files::kind_of(&target)
        )),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            refuse("it is a link that points to nothing".to_owned())
        }
        Err(e) => Err(e),
    }
}

/// The folder `path` is in: a bare file name is in the current folder.
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// A new temporary file in `dir`, readable by its owner only (0600), to be renamed into place.
fn temp_in(dir: &Path) -> io::Result<tempfile::NamedTempFile> {
    let tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(".tmp")
        .tempfile_in(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(fs::Permissions::from_mode(FILE_MODE))?;
    }
    Ok(tmp)
}

/// Writes `bytes` to `path` atomically, with mode 0600, through a link to a regular file
/// (see [`write_target`]). The parent folder must exist.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = write_target(path)?;
    let path = target.as_path();
    let dir = folder_of(path);
    fault::check(path, Step::Create)?;
    let mut tmp = temp_in(dir)?;
    fault::check(path, Step::Write)?;
    tmp.write_all(bytes)?;
    fault::check(path, Step::Sync)?;
    tmp.as_file().sync_all()?;
    fault::check(path, Step::Rename)?;
    tmp.persist(path).map_err(|e| e.error)?;
    fault::check(path, Step::SyncDir)?;
    sync_dir(dir)
}

/// The first half of [`write`], for many files at once: `bytes` written to a temporary file
/// beside `path`'s target (0600) and closed; flushed when `flush_now`, otherwise (on Linux)
/// the caller flushes the whole batch with [`sync_file_system`] before renaming any: that
/// flushes everything waiting on the file system, so it is for large batches only. Nothing is at `path` until the
/// returned file is renamed there ([`tempfile::TempPath::persist`]); dropped, it is removed.
/// After the renames, each folder is flushed once ([`sync_dir`]): a batch of N files costs one
/// flush of the file system and one per folder, instead of N file flushes and N folder ones.
///
/// # Errors
/// As [`write`]: the target is refused, or creating, writing or flushing fails.
pub fn write_temp(
    path: &Path,
    bytes: &[u8],
    flush_now: bool,
) -> io::Result<(tempfile::TempPath, std::path::PathBuf)> {
    let target = write_target(path)?;
    fault::check(&target, Step::Create)?;
    let mut tmp = temp_in(folder_of(&target))?;
    fault::check(&target, Step::Write)?;
    tmp.write_all(bytes)?;
    fault::check(&target, Step::Sync)?;
    // Unless `flush_now`, on Linux the caller flushes a whole batch of them at once with
    // [`sync_file_system`] before any is renamed: one flush instead of one per file (an
    // import of 50,000 days spent most of its time in them). Elsewhere each is flushed here.
    if flush_now || cfg!(not(target_os = "linux")) {
        tmp.as_file().sync_all()?;
    }
    Ok((tmp.into_temp_path(), target))
}

/// Flushes to disk everything written on the file system that holds `dir` (Linux's
/// `syncfs`, through rustix), so that temporary files from [`write_temp`] there are whole on
/// disk before they are renamed into place. Elsewhere a no-op: [`write_temp`] flushed each.
pub fn sync_file_system(dir: &Path) -> io::Result<()> {
    fault::check(dir, Step::Sync)?;
    #[cfg(target_os = "linux")]
    rustix::fs::syncfs(fs::File::open(dir)?).map_err(io::Error::from)?;
    #[cfg(not(target_os = "linux"))]
    let _ = dir;
    Ok(())
}

/// Writes a file at `path` atomically, as [`write`] does, its bytes given by `fill` as it goes
/// (an export written day by day, without holding the whole of it in memory). Nothing is at
/// `path` until `fill` has finished and the file is synced; a failure leaves what was there.
pub fn write_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let target = write_target(path)?;
    let path = target.as_path();
    let dir = folder_of(path);
    let tmp = temp_in(dir)?;
    {
        let mut out = io::BufWriter::new(tmp.as_file());
        fill(&mut out)?;
        out.flush()?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_dir(dir)
}

/// Writes `bytes` to a new file at `path` (0600), atomically; refuses, with `AlreadyExists`,
/// when anything is there already (a file, a link, a folder): closer never replaces a file it
/// did not write.
pub fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = folder_of(path);
    let mut tmp = temp_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    // The name is taken only if nothing has it, checked in the same step as the rename.
    tmp.persist_noclobber(path).map_err(|e| {
        if e.error.kind() == io::ErrorKind::AlreadyExists {
            io::Error::new(io::ErrorKind::AlreadyExists, "something is there already")
        } else {
            e.error
        }
    })?;
    sync_dir(dir)
}

/// Writes `bytes` to a new file in `dir` named `stem.ext`, or `stem-2.ext`, `stem-3.ext`, …
/// when that is taken (0600, atomically, never replacing anything), and gives its path.
///
/// # Errors
/// Any failure to write; after 999 names taken, `AlreadyExists`.
pub fn write_unique(
    dir: &Path,
    stem: &str,
    ext: &str,
    bytes: &[u8],
) -> io::Result<std::path::PathBuf> {
    write_unique_with(dir, stem, ext, |out| out.write_all(bytes))
}

/// [`write_unique`], its bytes given by `fill` as it goes (see [`write_with`]): written once
/// to a temporary file, then given the first name free.
///
/// # Errors
/// As [`write_unique`].
pub fn write_unique_with(
    dir: &Path,
    stem: &str,
    ext: &str,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<std::path::PathBuf> {
    let mut tmp = temp_in(dir)?;
    {
        let mut out = io::BufWriter::new(tmp.as_file());
        fill(&mut out)?;
        out.flush()?;
    }
    tmp.as_file().sync_all()?;
    for n in 1..1000 {
        let name = if n == 1 {
            format!("{stem}.{ext}")
        } else {
            format!("{stem}-{n}.{ext}")
        };
        let path = dir.join(name);
        // The name is taken only if nothing has it, checked in the same step as the rename.
        match tmp.persist_noclobber(&path) {
            Ok(_) => {
                sync_dir(dir)?;
                return Ok(path);
            }
            Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => tmp = e.file,
            Err(e) => return Err(e.error),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!("{stem}.{ext} and 998 names after it are taken"),
    ))
}

/// Flushes a folder's entries (a rename or a removal in it) to disk.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        fs::File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Removes a file and flushes its folder.
pub fn remove(path: &Path) -> io::Result<()> {
    fs::remove_file(path)?;
    if let Some(dir) = path.parent() {
        sync_dir(dir)?;
    }
    Ok(())
}

/// Says what went wrong with a file operation in plain words.
pub fn plain_reason(err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::StorageFull => "the disk is full".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::ReadOnlyFilesystem => "the disk is read-only".to_owned(),
        io::ErrorKind::NotFound => "it does not exist".to_owned(),
        io::ErrorKind::QuotaExceeded => "the disk quota is used up".to_owned(),
        _ => err.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_replaces_the_file_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        write(&path, b"old").unwrap();
        write(&path, b"new").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("a.json")]);
    }

    #[cfg(unix)]
    #[test]
    fn files_are_0600_and_folders_0700() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("x/y");
        create_private_dir(&nested).unwrap();
        for d in [dir.path().join("x"), nested.clone()] {
            assert_eq!(
                fs::metadata(&d).unwrap().permissions().mode() & 0o777,
                0o700
            );
        }
        let path = nested.join("f.json");
        write(&path, b"{}").unwrap();
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }

    #[test]
    fn a_failed_write_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        write(&path, b"old").unwrap();
        // The destination's folder is gone: the write fails before touching anything.
        let missing = dir.path().join("missing/a.json");
        assert!(write(&missing, b"new").is_err());
        assert_eq!(fs::read(&path).unwrap(), b"old");
    }
}
