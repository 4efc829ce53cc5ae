//! A problem found in the data folder: which file, what is wrong, and what to do about it.

use std::fmt;
use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};

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
    /// A copy of the unfinished check-in (`drafts/current.json`) a file-sync tool made when
    /// two computers wrote it at once: the other computer's words, not offered yet. `saved`:
    /// when it was last written (from the file, else its modification time), when known.
    DraftConflict { saved: Option<NaiveDateTime> },
    /// An unfinished check-in waiting in `drafts/` for its turn (a draft's conflict copy
    /// `closer doctor --merge-conflicts` kept while another check-in was in progress).
    WaitingDraft { saved: Option<NaiveDateTime> },
    /// A copy of `state.json` a file-sync tool made: the person's own triggers and feelings
    /// in it are not offered yet.
    StateConflict,
    /// A copy a file-sync tool made of another file closer writes (`of`: that file's name).
    OtherConflict { of: String },
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
        match &self.kind {
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
            | ProblemKind::DraftConflict { .. }
            | ProblemKind::StateConflict
            | ProblemKind::EditorText
            | ProblemKind::Plaintext
            | ProblemKind::CacheForged => Severity::Warning,
            ProblemKind::Locked | ProblemKind::WaitingDraft { .. } => Severity::Note,
            // A copy of a file that holds nothing only it has (an index or a cache written
            // again from the day files) is worth knowing; any other may hold words.
            ProblemKind::OtherConflict { of } => {
                if copy_of_a_rebuilt_file(of) {
                    Severity::Note
                } else {
                    Severity::Warning
                }
            }
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
            ProblemKind::DraftConflict { saved } => format!(
                "A copy of an unfinished check-in that a file-sync tool made when two computers wrote it at once, from {}; its words are not offered yet",
                when(saved)
            ),
            ProblemKind::WaitingDraft { saved } => format!(
                "An unfinished check-in from {}, waiting for its turn to be offered",
                when(saved)
            ),
            ProblemKind::StateConflict => {
                "A copy of your settings (state.json) that a file-sync tool made when two computers changed them at once; the triggers and feelings of your own in it are not offered yet".into()
            }
            ProblemKind::OtherConflict { of } if of.starts_with("trash/") => format!(
                "A copy of {of} that a file-sync tool made when two computers changed it at once"
            ),
            ProblemKind::OtherConflict { of } => format!(
                "A copy of {of} that a file-sync tool made when two computers changed it at once; closer does not read it"
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
            ProblemKind::Permissions { expected, .. } => format!(
                "Make it private: chmod {expected:o} {path}, or every file of the journal at once with `closer doctor --fix-permissions`."
            ),
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
                "Put identity.age and recipient.txt back from a backup (closer backups lists them; closer restore ARCHIVE --dry-run shows what it holds) or from the computer you sync with, then unlock. Your entries are still there, encrypted. If you started a new journal in this folder and nothing in it is encrypted, `closer decrypt` makes it a plain journal again.".into()
            }
            ProblemKind::ForeignRecipient { .. } => format!(
                "If you did not change it, someone who can write this folder (or push to your sync remote) may have. Keep a copy to look at, then remove it ({path}); the next unlock writes the journal's own."
            ),
            ProblemKind::CacheForged => {
                "Nothing to do: the day files are the journal, and the cache is written again from them. If it happens again, someone may be changing files in this folder.".into()
            }
            ProblemKind::SyncConflict { .. } => {
                "Run `closer doctor --merge-conflicts` to merge it into its day: entries by id, field by field, both versions of a text kept where they differ, nothing lost; the copy is kept in the trash.".into()
            }
            ProblemKind::DraftConflict { .. } => {
                "Run `closer doctor --merge-conflicts`: it becomes an unfinished check-in that closer offers to resume (after the one in progress, if there is one). Nothing in it is lost.".into()
            }
            ProblemKind::WaitingDraft { .. } => {
                "closer offers it to resume once no other check-in is in progress: when the one in progress is saved or discarded. Nothing to do.".into()
            }
            ProblemKind::StateConflict => {
                "Run `closer doctor --merge-conflicts` to add its own triggers and feelings to state.json (nothing is removed); the copy is kept in the trash.".into()
            }
            ProblemKind::OtherConflict { of } => other_conflict_advice(of),
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

/// "2026-12-03 10:10", or that it is not known.
fn when(saved: &Option<NaiveDateTime>) -> String {
    match saved {
        Some(at) => at.format("%Y-%m-%d %H:%M").to_string(),
        None => "a time that cannot be read".into(),
    }
}

/// Whether `of` is a file closer writes again from the day files, so a copy of it holds
/// nothing of the person's that is not in them: the prediction index and the encrypted
/// journal's cache.
fn copy_of_a_rebuilt_file(of: &str) -> bool {
    matches!(of, "predictions.json" | "cache.age")
}

/// What to do about a conflict copy of `of`, a file closer writes but does not merge.
fn other_conflict_advice(of: &str) -> String {
    let name = of.rsplit('/').next().unwrap_or(of);
    if copy_of_a_rebuilt_file(name) {
        return format!(
            "Nothing of yours is only in it: closer writes {name} again from your day files. Keep it or move it out of the data folder, as you like."
        );
    }
    match name {
        "identity.age" | "recipient.txt" => format!(
            "Keep it: it may be the key as the other computer had it (before a passphrase change there, say). closer uses {name} and changes neither; if the journal does not unlock, `closer restore` or this copy can bring the key back."
        ),
        _ if of.starts_with("trash/") => {
            "It holds an entry of the trash as the other computer had it, and shows in the trash beside the other copy (t in review), where either can be restored. closer changes neither.".into()
        }
        _ => format!(
            "Keep it until you have compared it with {of}: it may hold what the other computer wrote. closer leaves both as they are."
        ),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(path: &str, kind: ProblemKind) -> Problem {
        Problem {
            path: PathBuf::from(path),
            kind,
        }
    }

    /// Issue 31, item 4: what is said of a conflict copy names what it is a copy of, and
    /// never invites deleting it, nor calls a copy of the person's words a stranger.
    #[test]
    fn conflict_copies_are_named_and_their_advice_keeps_words() {
        let saved = NaiveDate::from_ymd_opt(2026, 12, 3)
            .unwrap()
            .and_hms_opt(10, 10, 10);
        let draft = problem(
            "/j/drafts/current.sync-conflict-20261203-101010-ABCDEF1.json",
            ProblemKind::DraftConflict { saved },
        );
        assert_eq!(
            draft.reason(),
            "A copy of an unfinished check-in that a file-sync tool made when two computers wrote it at once, from 2026-12-03 10:10; its words are not offered yet"
        );
        assert!(draft.advice().contains("closer doctor --merge-conflicts"));
        assert!(
            problem("/j/drafts/x", ProblemKind::DraftConflict { saved: None })
                .reason()
                .contains("from a time that cannot be read")
        );
        let all = [
            draft,
            problem(
                "/j/drafts/waiting-1.json",
                ProblemKind::WaitingDraft { saved },
            ),
            problem("/j/state.Conflict.json", ProblemKind::StateConflict),
            problem(
                "/j/predictions.Conflict.json",
                ProblemKind::OtherConflict {
                    of: "predictions.json".into(),
                },
            ),
            problem(
                "/j/cache.Conflict.age",
                ProblemKind::OtherConflict {
                    of: "cache.age".into(),
                },
            ),
            problem(
                "/j/identity.Conflict.age",
                ProblemKind::OtherConflict {
                    of: "identity.age".into(),
                },
            ),
            problem(
                "/j/trash/x.Conflict.json",
                ProblemKind::OtherConflict {
                    of: "trash/x.json".into(),
                },
            ),
            problem(
                "/j/drafts/unreadable-1.Conflict.json",
                ProblemKind::OtherConflict {
                    of: "drafts/unreadable-1.json".into(),
                },
            ),
        ];
        for p in &all {
            let said = format!("{} {}", p.reason(), p.advice()).to_lowercase();
            for never in [
                "delete it",
                "be deleted",
                "remove it",
                "move it elsewhere",
                "not a file closer knows",
                "did not put it",
            ] {
                assert!(!said.contains(never), "{never:?} in {said}");
            }
            assert!(p.severity() < Severity::Error, "{p:?}");
        }
        assert!(all[2].reason().contains("state.json"));
        assert!(all[5].advice().starts_with("Keep it"));
        assert!(all[7].advice().contains("drafts/unreadable-1.json"));
        // A copy of a file written again from the day files is only worth knowing.
        assert_eq!(all[3].severity(), Severity::Note);
        assert_eq!(all[4].severity(), Severity::Note);
        assert_eq!(all[5].severity(), Severity::Warning);
    }

    /// Issue 31, item 5: the advice for a file others can read names the one command that
    /// makes every file private.
    #[test]
    fn readable_files_are_pointed_at_fix_permissions() {
        let p = problem(
            "/j/state.json",
            ProblemKind::Permissions {
                mode: 0o644,
                expected: 0o600,
            },
        );
        assert!(p.advice().contains("closer doctor --fix-permissions"));
    }
}
