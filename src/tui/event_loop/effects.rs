//! Carrying out what the screens ask for (their effects) against the store, the terminal and
//! the threads of `background`, each result going back to the screen that asked.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::journal::draft::CheckInDraft;

use crate::store::{Store, atomic, crypto};

use crate::tui::app::App;
use crate::tui::clock::now;
use crate::tui::editor::edit;
use crate::tui::effect::{Done, Effect, LayerId, Request};
use crate::tui::signals::Unsaved;
use crate::tui::terminal;

use super::background::Background;

/// What carries out effects: the store, the terminal (for `$EDITOR`), the threads of
/// `background` (the journal's reader, the day's backup).
pub(super) struct Runner<'a> {
    pub(super) store: &'a Store,
    pub(super) session: &'a mut terminal::Session,
    pub(super) background: Background,
    /// The signal handler's copy of what must be kept.
    pub(super) unsaved: Unsaved,
    /// An effect asked for the journal to be read again: [`run_all`] starts the read.
    pub(super) read_asked: bool,
}

/// Carries out the requests, and those their results lead to, each result going back to the
/// screen that asked.
pub(super) fn run_all(app: &mut App, fx: &mut Runner<'_>, requests: Vec<Request>) {
    let mut queue: Vec<(LayerId, Effect)> = requests
        .into_iter()
        .rev()
        .map(|r| (r.from, r.effect))
        .collect();
    while let Some((from, effect)) = queue.pop() {
        let done = run_effect(fx, effect, app.session.today);
        if std::mem::take(&mut fx.read_asked) {
            super::read_journal(app, fx);
        }
        if let Some(done) = done {
            let more = app.done(from, done);
            queue.extend(more.into_iter().rev().map(|r| (r.from, r.effect)));
        }
    }
    app.after_effects();
}

/// Carries out an effect; its result, if it has one now (a journal read answers later).
pub(super) fn run_effect(fx: &mut Runner<'_>, effect: Effect, today: NaiveDate) -> Option<Done> {
    let store = fx.store;
    let msg = match effect {
        Effect::Unlock(passphrase) => match crypto::unlock(store.layout(), &passphrase.0) {
            Ok(()) => Done::Unlocked,
            Err(crate::store::StoreError::WrongPassphrase) => {
                Done::UnlockFailed("That is not the passphrase. Try again.".into())
            }
            Err(e) => Done::UnlockFailed(format!("The journal could not be unlocked: {e}")),
        },
        Effect::Forget => {
            crypto::lock(store.layout());
            return None;
        }
        Effect::SavePreferences(prefs) => match store.save_preferences(&prefs) {
            Ok(()) => Done::PreferencesSaved,
            Err(e) => Done::PreferencesFailed(format!(
                "Your choice is used for now, but {e} closer tries again after the next save \
                 that works."
            )),
        },
        Effect::LoadJournal => {
            fx.read_asked = true;
            return None;
        }
        Effect::SaveDraft(draft) => match store.save_draft(&*draft, now()) {
            Ok(()) => Done::DraftSaved(draft),
            Err(e) => Done::DraftFailed(
                draft,
                format!(
                    "Your draft could not be written ({e}). What you typed is still here; \
                 closer tries again at your next pause."
                ),
            ),
        },
        Effect::SaveCheckIn(draft) => save_check_in(fx, draft, today),
        Effect::DiscardDraft => match store.discard_draft() {
            Ok(()) => Done::DraftDiscarded,
            Err(e) => Done::Failed(format!("The draft could not be removed: {e}")),
        },
        Effect::OpenEditor(draft, target, text, editor) => edit(
            store,
            fx.session,
            &fx.unsaved,
            *draft,
            target,
            &text,
            editor,
        ),
        Effect::DeleteEntry(entry) => match store.delete_entry(entry.date, &entry.id, now()) {
            Ok(path) => Done::Deleted(path, entry.id.clone(), entry.date),
            Err(e) => Done::Failed(format!("The entry could not be deleted: {e}")),
        },
        Effect::RestoreEntry(path) => match store.restore(&path) {
            Ok(entry) => Done::Restored(Box::new(entry)),
            Err(e) => Done::Failed(format!("The entry could not be brought back: {e}")),
        },
        Effect::LoadTrash => Done::TrashLoaded(store.trash()),
        Effect::SaveEntry(entry) => match store.save_entry(&entry) {
            Ok(()) => Done::EntrySaved(entry),
            Err(e) => Done::Failed(format!(
                "What you wrote about the prediction could not be saved: {e} It is still on screen; fix the problem and try again."
            )),
        },
        Effect::RenameTrigger(from, to) => match store.rename_custom_trigger(&from, &to) {
            Ok(n) => {
                // The entries changed on disk: the journal is read again.
                if n > 0 {
                    fx.read_asked = true;
                }
                Done::TriggerRenamed(n)
            }
            Err(e) => Done::Failed(format!(
                "“{from}” could not be renamed in your entries: {e} No entry was changed; the \
                 list of your own triggers says “{to}”."
            )),
        },
        Effect::WriteReport {
            dir,
            stem,
            extension,
            text,
        } => write_report(dir, &stem, &extension, &text),
        Effect::WriteText(path, text) => write_text(path, &text),
        Effect::PurgeTrash(paths) => {
            let mut done = 0;
            for path in &paths {
                if let Err(e) = store.purge(path) {
                    return Some(Done::Failed(format!(
                        "The trash could not be emptied ({done} removed): {e}"
                    )));
                }
                done += 1;
            }
            Done::TrashEmptied(done)
        }
    };
    Some(msg)
}

/// Saves a check-in as an entry; a draft left behind goes, and the day's backup is started.
fn save_check_in(fx: &mut Runner<'_>, draft: Box<CheckInDraft>, today: NaiveDate) -> Done {
    match fx.store.save_check_in(&draft, now()) {
        Ok(entry) => {
            fx.background.after_save(today);
            Done::CheckInSaved(Box::new(entry))
        }
        Err(crate::store::NotSaved {
            error,
            kept_as_draft,
        }) => {
            let tail = if kept_as_draft {
                "It is kept as a draft; fix the problem and press Ctrl-S again."
            } else {
                "Everything you entered is still here; fix the problem and press Ctrl-S again."
            };
            Done::Failed(format!("The check-in could not be saved: {error} {tail}"))
        }
    }
}

/// Writes a report under a name of its own in `dir` (the folder closer was started from when
/// there is none).
fn write_report(dir: Option<PathBuf>, stem: &str, extension: &str, text: &str) -> Done {
    let dir = match dir {
        Some(dir) => dir,
        None => std::env::current_dir().unwrap_or_default(),
    };
    match atomic::write_unique(&dir, stem, extension, text.as_bytes()) {
        Ok(path) => Done::ReportWritten(path),
        Err(e) => Done::Failed(format!(
            "The report could not be written in {}: {}. Nothing else changed.",
            dir.display(),
            atomic::plain_reason(&e)
        )),
    }
}

/// Writes words to a new file at `path`, never over one that is there.
fn write_text(path: PathBuf, text: &str) -> Done {
    // A name without a folder is in the folder closer was started from.
    let path = if path.is_absolute() {
        path
    } else {
        std::env::current_dir().map_or(path.clone(), |d| d.join(&path))
    };
    match atomic::write_new(&path, text.as_bytes()) {
        Ok(()) => Done::TextWritten(path),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Done::Failed(format!(
            "{} is there already, and closer does not replace it. Choose another name; \
         your words are still here.",
            path.display()
        )),
        Err(e) => Done::Failed(format!(
            "{} could not be written ({}). Choose another place, another disk perhaps; \
         your words are still here.",
            path.display(),
            atomic::plain_reason(&e)
        )),
    }
}
