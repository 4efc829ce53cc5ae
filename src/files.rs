//! Reading files that a person, another program or an accident may have put where closer looks
//! (the data folder, the config folder, a file to import): only regular files are read, and no
//! more than fits what they hold. A FIFO used to hang `doctor`, export and loading; a link to
//! `/dev/zero` ate memory until the process died. A special file is refused without being
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
    let meta = fs::metadata(path)?;
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("it is {}, not a regular file", kind_of(&meta)),
        ));
    }
    if meta.len() > cap {
        return Err(too_large(meta.len(), cap));
    }
    // Opened without blocking, and checked again once open: a FIFO swapped in after the check
    // above still cannot hang the read.
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("it is {}, not a regular file", kind_of(&meta)),
        ));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len().min(cap)).unwrap_or(0));
    // It may grow while it is read: never read past the cap.
    file.take(cap + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap {
        return Err(too_large(bytes.len() as u64, cap));
    }
    Ok(bytes)
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
