//! One writer per journal: the first closer holds an exclusive lock on the data folder itself; a
//! second one finds it held and opens the journal read-only. The lock is on the folder, not on
//! a file in it, so removing a file cannot defeat it (a deleted `.lock` let a second closer in,
//! and one's save deleted the other's draft). The OS releases the lock when the process ends,
//! however it ends, so a killed closer never leaves the journal locked. `<data>/.lock` is still
//! opened for writing, 0600, as the test that the folder can be written.

use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::Path;

/// A held lock; dropping it releases the lock.
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

/// What happened when asking for the lock.
#[derive(Debug)]
pub enum Outcome {
    /// This process may write.
    Acquired(Lock),
    /// Another process holds the lock.
    Held,
}

/// Tries to take the lock on the folder `dir` without waiting; `probe` (a file in it) is opened
/// for writing first, which fails when the folder or its disk cannot be written.
pub fn try_acquire(dir: &Path, probe: &Path) -> io::Result<Outcome> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(super::atomic::FILE_MODE);
    }
    let probe_file = options.open(probe)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // The mode given to open is masked by the umask; 0600 whatever it is.
        probe_file.set_permissions(std::fs::Permissions::from_mode(super::atomic::FILE_MODE))?;
    }
    // A file system that cannot lock a folder (some network ones) gets the lock on the probe
    // file instead: weaker (removing it frees it), but one writer all the same.
    let held = match File::open(dir) {
        Ok(folder) => match folder.try_lock() {
            Ok(()) => return Ok(Outcome::Acquired(Lock { _file: folder })),
            Err(TryLockError::WouldBlock) => return Ok(Outcome::Held),
            Err(TryLockError::Error(_)) => probe_file,
        },
        Err(_) => probe_file,
    };
    match held.try_lock() {
        Ok(()) => Ok(Outcome::Acquired(Lock { _file: held })),
        Err(TryLockError::WouldBlock) => Ok(Outcome::Held),
        Err(TryLockError::Error(e)) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_lock_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".lock");
        let first = try_acquire(dir.path(), &path).unwrap();
        assert!(matches!(first, Outcome::Acquired(_)));
        assert!(matches!(
            try_acquire(dir.path(), &path).unwrap(),
            Outcome::Held
        ));
        drop(first);
        assert!(matches!(
            try_acquire(dir.path(), &path).unwrap(),
            Outcome::Acquired(_)
        ));
    }

    /// Case r02: removing the `.lock` file does not free the lock.
    #[test]
    fn removing_the_lock_file_does_not_let_a_second_writer_in() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".lock");
        let first = try_acquire(dir.path(), &path).unwrap();
        assert!(matches!(first, Outcome::Acquired(_)));
        std::fs::remove_file(&path).unwrap();
        assert!(matches!(
            try_acquire(dir.path(), &path).unwrap(),
            Outcome::Held
        ));
    }
}
