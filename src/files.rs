//! Reading files that a person, another program or an accident may have put where closer looks
//! (the data folder, the config folder, a file to import): only regular files are read, and no
//! more than fits what they hold. A FIFO would hang `doctor`, export and loading; a link to
//! `/dev/zero` would eat memory until the process died. A special file is refused without being
//! opened (so nothing blocks), and the refusal reads like any other problem.

use std::fs;
use std::io::{self, Read};
use std::path::Path;

/// The most a day file, a draft or a trash file may hold (a day is a few kilobytes; a day of a
/// megabyte-long paste still fits many times over).
pub const DATA_FILE_CAP: u64 = 256 * 1024 * 1024;
/// The most a settings or state file may hold.
pub const SETTINGS_CAP: u64 = 4 * 1024 * 1024;
/// The most a file of the person's own prompts or strategies may hold.
pub const CONTENT_CAP: u64 = 64 * 1024 * 1024;
/// The most a file to import may hold.
pub const IMPORT_CAP: u64 = 4 * 1024 * 1024 * 1024;

/// Reads the regular file at `path` (a link is followed to one) if it holds at most `cap`
/// bytes. Anything else is an error that says what it is: `NotFound` when there is nothing,
/// `InvalidInput` for a folder, FIFO, socket or device, `FileTooLarge` past the cap.
pub fn read_regular(path: &Path, cap: u64) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    read_regular_into(path, cap, &mut bytes)?;
    Ok(bytes)
}

/// [`read_regular`] into `bytes` (cleared first, its room kept), giving the open file's
/// metadata. For reading many files with one buffer: one made and freed for each of 50,000
/// day files showed in the allocator's share of reading a journal.
pub fn read_regular_into(path: &Path, cap: u64, bytes: &mut Vec<u8>) -> io::Result<fs::Metadata> {
    bytes.clear();
    let meta = fs::metadata(path)?;
    regular_within(&meta, cap)?;
    // Opened without blocking, and checked again once open: a FIFO swapped in after the check
    // above still cannot hang the read.
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits().cast_signed());
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(not_regular(&meta));
    }
    bytes.reserve(usize::try_from(meta.len().min(cap)).unwrap_or(0));
    // It may grow while it is read: never read past the cap.
    file.take(cap + 1).read_to_end(bytes)?;
    read_within(bytes, cap)?;
    Ok(meta)
}

/// [`read_regular_into`] for the file `name` in the folder open as `dir`, `path` being the
/// same file by its whole path (for the message when it is not a regular file or too large).
/// For reading a folder's files one after another: each name is looked up in the open
/// folder instead of from the root, and a file that is the size its metadata says is read
/// with one `read` instead of two (the second only to find the end).
///
/// `listed_regular` says the folder's listing gave it as a regular file (not a link): it is
/// then opened without being looked at first, one system call fewer a file (7 % of reading a
/// journal of 100,000 entries). Whatever it is by then, it is opened without blocking and
/// without becoming the controlling terminal, and checked once open before a byte is read,
/// as [`read_regular_into`] does.
#[cfg(unix)]
pub fn read_regular_at(
    dir: &fs::File,
    name: &std::ffi::OsStr,
    path: &Path,
    listed_regular: bool,
    cap: u64,
    bytes: &mut Vec<u8>,
) -> io::Result<fs::Metadata> {
    use rustix::fs::{AtFlags, FileType, Mode, OFlags};
    bytes.clear();
    if !listed_regular {
        // A link, or a listing that did not say: looked at before it is opened, so that a
        // device is never opened.
        let stat = rustix::fs::statat(dir, name, AtFlags::empty())?;
        let regular = FileType::from_raw_mode(stat.st_mode) == FileType::RegularFile;
        if !regular || u64::try_from(stat.st_size).unwrap_or(u64::MAX) > cap {
            // Refused, in the words `read_regular_into` has for it.
            return read_regular_into(path, cap, bytes);
        }
    }
    // Opened without blocking, and checked again once open, as `read_regular_into` does.
    let file = fs::File::from(rustix::fs::openat(
        dir,
        name,
        OFlags::RDONLY | OFlags::NONBLOCK | OFlags::NOCTTY | OFlags::CLOEXEC,
        Mode::empty(),
    )?);
    let meta = file.metadata()?;
    regular_within(&meta, cap)?;
    let expected = usize::try_from(meta.len().min(cap)).unwrap_or(0);
    // Room for one byte more than it holds: a read that stops short of that room has met
    // the end of the file (a regular file's read returns less than asked only there).
    bytes.resize(expected + 1, 0);
    let got = loop {
        match (&file).read(bytes) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            other => break other?,
        }
    };
    bytes.truncate(got);
    if got != expected {
        // It changed size since, or the read stopped early: on to the end, never past the
        // cap.
        (&file)
            .take((cap + 1).saturating_sub(got as u64))
            .read_to_end(bytes)?;
    }
    read_within(bytes, cap)?;
    Ok(meta)
}

/// An error unless `meta` is a regular file's of at most `cap` bytes.
fn regular_within(meta: &fs::Metadata, cap: u64) -> io::Result<()> {
    if !meta.is_file() {
        return Err(not_regular(meta));
    }
    if meta.len() > cap {
        return Err(too_large(meta.len(), cap));
    }
    Ok(())
}

fn not_regular(meta: &fs::Metadata) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("it is {}, not a regular file", kind_of(meta)),
    )
}

/// An error, and `bytes` emptied, when more than `cap` bytes were read (the file grew).
fn read_within(bytes: &mut Vec<u8>, cap: u64) -> io::Result<()> {
    if bytes.len() as u64 > cap {
        let len = bytes.len() as u64;
        bytes.clear();
        return Err(too_large(len, cap));
    }
    Ok(())
}

/// A file the person named on the command line (to import): a regular file, or a pipe they
/// made for it (`closer import <(…)`), read to at most `cap` bytes; a folder or a device is
/// refused.
pub fn read_named(path: &Path, cap: u64) -> io::Result<Vec<u8>> {
    let meta = fs::metadata(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if meta.file_type().is_fifo() {
            let mut bytes = Vec::new();
            fs::File::open(path)?
                .take(cap + 1)
                .read_to_end(&mut bytes)?;
            if bytes.len() as u64 > cap {
                return Err(too_large(bytes.len() as u64, cap));
            }
            return Ok(bytes);
        }
    }
    let _ = meta;
    read_regular(path, cap)
}

/// [`read_regular`], as UTF-8 text.
pub fn read_regular_text(path: &Path, cap: u64) -> io::Result<String> {
    String::from_utf8(read_regular(path, cap)?)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "it is not UTF-8 text"))
}

fn too_large(len: u64, cap: u64) -> io::Error {
    io::Error::new(
        io::ErrorKind::FileTooLarge,
        format!(
            "it holds {} MB, more than the {} MB such a file may",
            len / 1_000_000,
            cap / 1_000_000
        ),
    )
}

/// What a file that is not a regular file is, in a few words.
pub fn kind_of(meta: &fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
    }
    if meta.is_dir() {
        "a folder"
    } else if meta.is_file() {
        "a regular file"
    } else {
        "a special file"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `read_regular_at` reads and refuses what `read_regular` does, through the open folder,
    /// into a buffer kept between files.
    #[cfg(unix)]
    #[test]
    fn reading_in_an_open_folder_reads_and_refuses_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let folder = fs::File::open(dir.path()).unwrap();
        // Read as listed a regular file and as not known: the same, also for what is not a
        // regular file (swapped in after the listing).
        let at = |name: &str, cap: u64, buffer: &mut Vec<u8>| {
            let path = dir.path().join(name);
            let name = std::ffi::OsStr::new(name);
            let known = read_regular_at(&folder, name, &path, true, cap, buffer);
            let unknown = read_regular_at(&folder, name, &path, false, cap, buffer);
            assert_eq!(
                known.as_ref().map_err(|e| e.to_string()).map(|m| m.len()),
                unknown.as_ref().map_err(|e| e.to_string()).map(|m| m.len()),
                "{path:?}"
            );
            unknown
        };
        let mut buffer = b"left from the file before".to_vec();
        fs::write(dir.path().join("a.json"), b"0123456789").unwrap();
        let meta = at("a.json", 10, &mut buffer).unwrap();
        assert_eq!(buffer, b"0123456789");
        assert_eq!(meta.len(), 10);
        fs::write(dir.path().join("empty.json"), b"").unwrap();
        at("empty.json", 10, &mut buffer).unwrap();
        assert!(buffer.is_empty());
        let e = at("a.json", 9, &mut buffer).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::FileTooLarge);
        let e = at("missing.json", 9, &mut buffer).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::NotFound);
        fs::create_dir(dir.path().join("sub")).unwrap();
        let e = at("sub", 10, &mut buffer).unwrap_err();
        assert!(e.to_string().contains("a folder"), "{e}");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(dir.path().join("fifo.json"))
                .status()
                .unwrap()
                .success()
        );
        let e = at("fifo.json", 10, &mut buffer).unwrap_err();
        assert!(e.to_string().contains("named pipe"), "{e}");
        std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.json")).unwrap();
        let e = at("zero.json", 10, &mut buffer).unwrap_err();
        assert!(e.to_string().contains("a device"), "{e}");
        // A link to a regular file elsewhere is followed, as by `read_regular`.
        let other = tempfile::tempdir().unwrap();
        fs::write(other.path().join("b.json"), b"{}").unwrap();
        std::os::unix::fs::symlink(other.path().join("b.json"), dir.path().join("b.json")).unwrap();
        at("b.json", 10, &mut buffer).unwrap();
        assert_eq!(buffer, b"{}");
    }

    #[test]
    fn only_regular_files_within_the_cap_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.json");
        fs::write(&file, b"0123456789").unwrap();
        assert_eq!(read_regular(&file, 10).unwrap(), b"0123456789");
        let e = read_regular(&file, 9).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::FileTooLarge);
        let e = read_regular(dir.path(), 10).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
        assert!(e.to_string().contains("a folder"), "{e}");
        #[cfg(unix)]
        {
            let fifo = dir.path().join("fifo.json");
            assert!(
                std::process::Command::new("mkfifo")
                    .arg(&fifo)
                    .status()
                    .unwrap()
                    .success()
            );
            let e = read_regular(&fifo, 10).unwrap_err();
            assert!(e.to_string().contains("named pipe"), "{e}");
            let link = dir.path().join("zero.json");
            std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
            let e = read_regular(&link, 10).unwrap_err();
            assert!(e.to_string().contains("a device"), "{e}");
        }
    }
}
