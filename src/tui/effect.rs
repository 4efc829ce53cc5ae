//! Work a screen asks the event loop to do (`Effect`), and what came of it (`Done`). The loop
//! carries an effect out against the store or the terminal; `App` takes in what the result
//! changes in the session, then hands it to the screen that asked.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::journal::draft::CheckInDraft;
use crate::journal::{Entry, EntryId, Preferences};
/// An entry in the trash, as the store reads it (named here so screens need not name the store).
pub use crate::store::TrashItem;

pub use crate::journal::draft::EditTarget;

/// Who asked for an effect: a screen on the stack (each gets its own id when it opens), or
/// the app itself (0).
pub type LayerId = u64;

/// A passphrase typed into the lock, on its way to be checked: zeroed when dropped, never
/// printed, and equal to no other (effects are compared in tests; passphrases never are).
#[derive(Clone)]
pub struct Passphrase(pub age::secrecy::SecretString);

impl Passphrase {
    /// Takes `typed` (which the caller no longer holds).
    pub fn new(typed: String) -> Passphrase {
        Passphrase(age::secrecy::SecretString::from(typed))
    }
}

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(…)")
    }
}

impl PartialEq for Passphrase {
    fn eq(&self, _: &Passphrase) -> bool {
        false
    }
}

/// An effect, and the screen its result goes back to.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    /// The screen that asked.
    pub from: LayerId,
    /// The work.
    pub effect: Effect,
}

/// Work for the event loop.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write the preferences to the store.
    SavePreferences(Preferences),
    /// Unlock the encrypted journal with this passphrase.
    Unlock(Passphrase),
    /// Forget the journal's key (it is locked).
    Forget,
    /// Read the journal again.
    LoadJournal,
    /// Write the check-in in progress to the draft file.
    SaveDraft(Box<CheckInDraft>),
    /// Save the check-in as an entry, then clear the draft.
    SaveCheckIn(Box<CheckInDraft>),
    /// Throw the draft away.
    DiscardDraft,
    /// Let the person edit a text of this check-in in their editor (the one chosen in
    /// settings, if any); the draft is written first, naming the file the text is in.
    OpenEditor(Box<CheckInDraft>, EditTarget, String, Option<String>),
    /// Move an entry to the trash.
    DeleteEntry(Box<Entry>),
    /// Put a trashed entry back.
    RestoreEntry(PathBuf),
    /// Read the trash.
    LoadTrash,
    /// Remove trash files for good.
    PurgeTrash(Vec<PathBuf>),
    /// Write words that could not be kept as a draft to a new file the person named.
    WriteText(PathBuf, String),
    /// Save a saved entry changed outside the check-in (a prediction looked back on).
    SaveEntry(Box<Entry>),
    /// Rename the person's own trigger (the first name) to the second in every entry that
    /// names it, all days at once (see `Store::rename_custom_trigger`).
    RenameTrigger(String, String),
    /// Write a report into `dir` (none: the folder closer was started from) as a new file
    /// named `stem.extension`, or `stem-2.extension`, … when that is taken; private (0600).
    WriteReport {
        /// The folder.
        dir: Option<PathBuf>,
        /// The name before any number.
        stem: String,
        /// `html` or `md`.
        extension: String,
        /// The report.
        text: String,
    },
}

/// What came of an effect.
#[derive(Debug, Clone, PartialEq)]
pub enum Done {
    /// The preferences were saved.
    PreferencesSaved,
    /// The journal is unlocked.
    Unlocked,
    /// The passphrase did not unlock it; the text says so.
    UnlockFailed(String),
    /// The preferences could not be saved; the text says why. They are used anyway, and
    /// written again after the next write that works.
    PreferencesFailed(String),
    /// The draft was written (this draft).
    DraftSaved(Box<CheckInDraft>),
    /// This draft could not be written; the text says why.
    DraftFailed(Box<CheckInDraft>, String),
    /// The draft file was removed.
    DraftDiscarded,
    /// The check-in was saved as this entry.
    CheckInSaved(Box<Entry>),
    /// Text came back from `$EDITOR`.
    Edited(EditTarget, String),
    /// An entry went to the trash, into this file.
    Deleted(PathBuf, EntryId, NaiveDate),
    /// A trashed entry is back in its day.
    Restored(Box<Entry>),
    /// The trash, newest first.
    TrashLoaded(Vec<TrashItem>),
    /// This many entries were removed from the trash for good.
    TrashEmptied(usize),
    /// The words are safe in this file.
    TextWritten(PathBuf),
    /// The report is in this file.
    ReportWritten(PathBuf),
    /// The entry changed outside the check-in is saved.
    EntrySaved(Box<Entry>),
    /// A trigger of the person's own was renamed in this many entries (the journal is read
    /// again).
    TriggerRenamed(usize),
    /// The effect failed; the text says what happened and what to do.
    Failed(String),
}

impl Done {
    /// Whether taking it in changes the journal's entries (see `Session::take_in`).
    pub fn changes_journal(&self) -> bool {
        matches!(
            self,
            Done::CheckInSaved(_) | Done::Deleted(..) | Done::Restored(_) | Done::EntrySaved(_)
        )
    }
}
