//! What can go wrong in the store, said so a person knows what to do.

use std::io;
use std::path::PathBuf;

use chrono::NaiveDate;
use thiserror::Error;

use super::atomic::plain_reason;

/// A failed store operation. Every variant names the file involved and says the cause once
/// (the cause is in the message, not also a `source` that error chains would print again).
#[derive(Debug, Error)]
pub enum StoreError {
    /// The data folder could not be created.
    #[error(
        "cannot create the data folder {}: {}. Choose another folder with --data-dir or CLOSER_DATA_DIR.",
        .path.display(), plain_reason(.cause)
    )]
    CreateDir { path: PathBuf, cause: io::Error },
    /// A file could not be read.
    #[error("cannot read {}: {}", .path.display(), plain_reason(.cause))]
    Read { path: PathBuf, cause: io::Error },
    /// A file could not be written; the old file, if there was one, is unchanged.
    #[error("cannot save {}: {}. {}", .path.display(), plain_reason(.cause), if *.existed { "The file is as it was before." } else { "Nothing was written." })]
    Write {
        path: PathBuf,
        cause: io::Error,
        /// Whether there was a file at `path` before (it is unchanged).
        existed: bool,
    },
    /// A value could not be turned into JSON.
    #[error("cannot encode {}: {message}", .path.display())]
    Encode { path: PathBuf, message: String },
    /// A file is not valid closer data.
    #[error("{} is damaged (line {line}, column {column}: {message}); it was left untouched", .path.display())]
    Malformed {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    /// A file was written by a newer closer.
    #[error(
        "{} was written by a newer version of closer (schema {found}); it was left untouched. Update closer to use it.",
        .path.display()
    )]
    NewerSchema { path: PathBuf, found: u64 },
    /// A save into a day whose file cannot be read; it would overwrite that file.
    #[error(
        "cannot save into {}, because that file could not be read ({reason}). It was left untouched; run `closer doctor` to see how to fix it.",
        .path.display()
    )]
    DayBlocked { path: PathBuf, reason: String },
    /// The store is open read-only.
    #[error("this journal is open read-only: {0}")]
    ReadOnly(ReadOnlyReason),
    /// No entry with that id on that day.
    #[error("there is no entry {id} on {date}")]
    NotFound { id: String, date: NaiveDate },
    /// An entry dated outside the years the journal can hold.
    #[error("an entry of {date} cannot be kept: closer keeps entries from the year 0 to 9999")]
    OutsideYears { date: NaiveDate },
    /// A file is encrypted and the journal is locked.
    #[error("{} is encrypted and the journal is locked: unlock it with its passphrase", .path.display())]
    Locked { path: PathBuf },
    /// The journal was encrypted and its key (`identity.age`) is missing: nothing is written.
    #[error(
        "this journal was encrypted, and its key files are missing ({} is not there), so closer \
         writes nothing to it: restore identity.age and recipient.txt from a backup (closer \
         backups lists them), or copy them back from where you keep the journal; then unlock it",
        .path.display()
    )]
    KeyMissing { path: PathBuf },
    /// A locked write on a computer that has not seen the journal unlocked: its recipient is
    /// not known here, and `recipient.txt` alone is not trusted.
    #[error(
        "this computer has not seen the journal at {} unlocked yet, so closer cannot be sure \
         whom to encrypt to: unlock it once (with its passphrase), and check-ins can be written \
         while it is locked from then on",
        .path.display()
    )]
    UnlockOnce { path: PathBuf },
    /// The passphrase does not open the journal's identity.
    #[error("that passphrase does not unlock this journal; nothing was changed")]
    WrongPassphrase,
    /// Encrypting or decrypting a file failed.
    #[error("cannot encrypt or decrypt {}: {message}", .path.display())]
    Crypto { path: PathBuf, message: String },
    /// `closer encrypt` on a journal that has a key already.
    #[error("this journal is encrypted already ({} exists)", .path.display())]
    AlreadyEncrypted { path: PathBuf },
    /// A backup archive whose checksums, sizes or contents are not what it says: nothing of it
    /// is used.
    #[error(
        "{} is damaged: {reason}; nothing was restored. The file was left as it is; `closer \
         backups` checks the other backups.",
        .path.display()
    )]
    BackupDamaged { path: PathBuf, reason: String },
    /// A file that is not a closer backup, or a backup that holds what closer cannot restore.
    #[error("{} cannot be restored: {reason}. Nothing was restored; the file was left as it is.", .path.display())]
    BackupUnusable { path: PathBuf, reason: String },
    /// Restoring an entry whose id is already in its day file.
    #[error("an entry with id {id} is already in {}", .path.display())]
    AlreadyPresent { id: String, path: PathBuf },
}

impl StoreError {
    pub(crate) fn read(path: impl Into<PathBuf>, cause: io::Error) -> StoreError {
        StoreError::Read {
            path: path.into(),
            cause,
        }
    }

    pub(crate) fn write(path: impl Into<PathBuf>, cause: io::Error) -> StoreError {
        let path = path.into();
        StoreError::Write {
            existed: std::fs::symlink_metadata(&path).is_ok(),
            path,
            cause,
        }
    }
}

/// Why a journal was opened read-only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadOnlyReason {
    /// Another closer has the journal open.
    AnotherInstance,
    /// The data folder cannot be written (a read-only disk or folder).
    NotWritable(String),
}

impl std::fmt::Display for ReadOnlyReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadOnlyReason::AnotherInstance => f.write_str(
                "another closer has this journal open. Close it to write here; you can still read.",
            ),
            ReadOnlyReason::NotWritable(why) => {
                write!(
                    f,
                    "the data folder cannot be written ({why}); you can still read."
                )
            }
        }
    }
}
