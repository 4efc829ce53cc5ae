//! One writer per journal: the first closer holds an exclusive lock on `<data>/.lock`; a second
//! one finds it held and opens the journal read-only. The OS releases the lock when the process
//! ends, however it ends, so a killed closer never leaves the journal locked.

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

/// Tries to take the lock at `path` without waiting.
pub fn try_acquire(path: &Path) -> io::Result<Outcome> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(super::atomic::FILE_MODE);
    }
    let file = options.open(path)?;
    match file.try_lock() {
        Ok(()) => Ok(Outcome::Acquired(Lock { _file: file })),
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
        let first = try_acquire(&path).unwrap();
        assert!(matches!(first, Outcome::Acquired(_)));
        assert!(matches!(try_acquire(&path).unwrap(), Outcome::Held));
        drop(first);
        assert!(matches!(try_acquire(&path).unwrap(), Outcome::Acquired(_)));
    }
}
