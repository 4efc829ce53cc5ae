//! A problem found in the data folder: which file, what is wrong, and what to do about it.

use std::fmt;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::SCHEMA;
use super::error::StoreError;

/// How much a problem matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Worth knowing; nothing is wrong with the journal.
    Note,
    /// The journal works, but something is not as it should be.
    Warning,
    /// A file cannot be used; what it holds is not shown until it is fixed.
    Error,
}

/// What is wrong with a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// The file could not be read at all.
    Unreadable { reason: String },
    /// The file is not valid closer data.
    Damaged {
        line: usize,
        column: usize,
        message: String,
    },
    /// The file was written by a newer closer.
    NewerSchema { found: u64 },
    /// The file or folder can be read by other users.
    Permissions { mode: u32, expected: u32 },
    /// An entry sits in the file of another day.
    WrongDay { id: String, date: NaiveDate },
    /// The same entry id appears in two files.
    DuplicateId { id: String, other: PathBuf },
    /// A temporary file left by an interrupted save.
    LeftoverTemp,
    /// A file closer does not know, in a folder it manages.
    Unexpected,
    /// Text handed to `$EDITOR` during a check-in, left when closer stopped while it ran.
    EditorText,
    /// A day file that starts with a UTF-8 byte-order mark (closer reads it).
    ByteOrderMark,
    /// A day file much larger than a day's entries usually are.
    Large { bytes: u64 },
    /// A copy of a day file a file-sync tool (Syncthing, Dropbox, Nextcloud…) made when two
    /// computers changed the day at once.
    SyncConflict { day: NaiveDate },
    /// A file that holds what a person wrote, in plain text in an encrypted journal (one
    /// `closer encrypt` has not reached yet, or one put there by hand).
    Plaintext,
    /// A file encrypted while the journal is locked (only while reading without the key).
    Locked,
    /// The journal was encrypted, and its key (`identity.age`) is gone: nothing is written.
    KeyMissing,
    /// `recipient.txt` holds another key than the journal's own (a swapped or damaged file).
    ForeignRecipient { found: String },
    /// `cache.age` failed its check: it was not written by this journal's closer.
    CacheForged,
}

/// One problem, tied to its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file or folder concerned.
    pub path: PathBuf,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl Problem {
    /// Turns a read failure into a problem of that file.
    pub fn from_error(path: PathBuf, err: &StoreError) -> Problem {
        let kind = match err {
            StoreError::Malformed {
                line,
                column,
                message,
                ..
            } => ProblemKind::Damaged {
                line: *line,
                column: *column,
                message: message.clone(),
            },
            StoreError::NewerSchema { found, .. } => ProblemKind::NewerSchema { found: *found },
            StoreError::Locked { .. } => ProblemKind::Locked,
            other => ProblemKind::Unreadable {
                reason: match other {
                    StoreError::Read { cause, .. } => super::atomic::plain_reason(cause),
                    other => other.to_string(),
                },
            },
        };
        Problem { path, kind }
    }

    /// How much it matters.
    pub fn severity(&self) -> Severity {
        match self.kind {
            ProblemKind::Unreadable { .. }
            | ProblemKind::Damaged { .. }
            | ProblemKind::NewerSchema { .. }
            | ProblemKind::KeyMissing
            | ProblemKind::ForeignRecipient { .. } => Severity::Error,
            // A file or folder closer does not know, where it keeps entries, may be entries it
            // never reads (an entry filed under year 10000): worth a look, not "all is well".
            ProblemKind::Permissions { .. }
            | ProblemKind::WrongDay { .. }
            | ProblemKind::DuplicateId { .. }
            | ProblemKind::Unexpected
            | ProblemKind::SyncConflict { .. }
            | ProblemKind::EditorText
            | ProblemKind::Plaintext
            | ProblemKind::CacheForged => Severity::Warning,
            ProblemKind::Locked => Severity::Note,
            ProblemKind::LeftoverTemp | ProblemKind::ByteOrderMark | ProblemKind::Large { .. } => {
                Severity::Note
            }
        }
    }

    /// What is wrong, in one sentence.
    pub fn reason(&self) -> String {
        match &self.kind {
            ProblemKind::Unreadable { reason } => format!("Cannot be read: {reason}"),
            ProblemKind::Damaged {
                line,
                column,
                message,
            } => format!("Damaged at line {line}, column {column}: {message}"),
            ProblemKind::NewerSchema { found } => format!(
                "Written by a newer version of closer (schema {found}; this one reads up to {SCHEMA})"
            ),
            ProblemKind::Permissions { mode, expected } => format!(
                "Readable by other users of this computer (mode {mode:o}, should be {expected:o})"
            ),
            ProblemKind::WrongDay { id, date } => {
                format!("Holds entry {id}, which belongs to {date}")
            }
            ProblemKind::DuplicateId { id, other } => {
                format!("Holds entry {id}, which is also in {}", other.display())
            }
            ProblemKind::LeftoverTemp => "A temporary file left by an interrupted save".into(),
            ProblemKind::Unexpected => "Not a file closer knows".into(),
            ProblemKind::EditorText => {
                "Text written in your editor during a check-in, left when closer stopped".into()
            }
            ProblemKind::ByteOrderMark => {
                "Starts with a byte-order mark, which some editors add".into()
            }
            ProblemKind::Large { bytes } => format!(
                "Unusually large for one day ({:.1} MB), so it is slow to read",
                *bytes as f64 / 1_000_000.0
            ),
            ProblemKind::Plaintext => {
                "Not encrypted, in an encrypted journal: anyone who can read your files can read it"
                    .into()
            }
            ProblemKind::Locked => "Encrypted; not read, as the journal is locked".into(),
            ProblemKind::KeyMissing => {
                "Missing: this journal was encrypted, and without this key file it cannot be \
                 unlocked, so closer writes nothing to it"
                    .into()
            }
            ProblemKind::ForeignRecipient { found } => format!(
                "Holds another key ({}) than this journal's own, so someone or something changed it; closer never encrypts to it",
                short_key(found)
            ),
            ProblemKind::CacheForged => {
                "Failed its check: it was not written by this journal's closer, so it was ignored and the journal read from its day files"
                    .into()
            }
            ProblemKind::SyncConflict { day } => format!(
                "A copy of {day} that a file-sync tool made when two computers changed that day at once; its entries are not shown yet"
            ),
        }
    }

    /// What to do about it.
    pub fn advice(&self) -> String {
        let path = self.path.display();
        match &self.kind {
            ProblemKind::Unreadable { .. } => format!(
                "Check that the file belongs to you and is readable (chmod 600 {path}). closer leaves it as it is."
            ),
            ProblemKind::Damaged { line, .. } => format!(
                "Its entries are not shown. Open it in a text editor and fix line {line}, or restore it from a backup; closer will not change or delete it."
            ),
            ProblemKind::NewerSchema { .. } => {
                "Its entries are not shown. Update closer to read it; this version leaves it as it is.".into()
            }
            ProblemKind::Permissions { expected, .. } => {
                format!("Make it private: chmod {expected:o} {path}")
            }
            ProblemKind::WrongDay { date, .. } => format!(
                "It is shown under {date}. To tidy up, move it into the file for {date}."
            ),
            ProblemKind::DuplicateId { .. } => {
                "Both copies are shown. If they are the same, remove one of them.".into()
            }
            ProblemKind::LeftoverTemp => {
                "Nothing acknowledged was lost; this file can be deleted.".into()
            }
            ProblemKind::Unexpected => {
                "closer ignores it. Move it elsewhere if you did not put it there.".into()
            }
            ProblemKind::EditorText => {
                "The next start of closer puts it back into the unfinished check-in. If it \
                 does not, your words are in this file: keep a copy before you delete it."
                    .into()
            }
            ProblemKind::Plaintext => {
                "Run `closer encrypt` again: it encrypts every file that is not yet, and changes nothing else.".into()
            }
            ProblemKind::Locked => "Unlock the journal to read it.".into(),
            ProblemKind::KeyMissing => {
                "Put identity.age and recipient.txt back from a backup (closer backups lists them; closer restore ARCHIVE --dry-run shows what it holds) or from the computer you sync with, then unlock. Your entries are still there, encrypted.".into()
            }
            ProblemKind::ForeignRecipient { .. } => format!(
                "If you did not change it, someone who can write this folder (or push to your sync remote) may have. Keep a copy to look at, then remove it ({path}); the next unlock writes the journal's own."
            ),
            ProblemKind::CacheForged => {
                "Nothing to do: the day files are the journal, and the cache is written again from them. If it happens again, someone may be changing files in this folder.".into()
            }
            ProblemKind::SyncConflict { .. } => {
                "Run `closer doctor --merge-conflicts` to merge it into its day: entries by id, the newer version kept, nothing lost; the copy is kept in the trash.".into()
            }
            ProblemKind::ByteOrderMark => {
                "closer reads it as it is; the next save of that day writes it without one.".into()
            }
            ProblemKind::Large { .. } => {
                "closer reads it as it is. If it was not written by closer, check what is in it."
                    .into()
            }
        }
    }
}

/// An age recipient shortened for a message (`age1abcd…wxyz`).
fn short_key(key: &str) -> String {
    let chars: Vec<char> = key.chars().collect();
    if chars.len() <= 16 {
        return key.to_owned();
    }
    let head: String = chars[..9].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}…{tail}")
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.reason())
    }
}
