//! Check-ins left unfinished: one that cannot be read is set aside, and those waiting their
//! turn in `drafts/` (the other computer's) become the one in progress when there is none.

use std::path::PathBuf;

use crate::journal::draft::CheckInDraft;
use crate::store::Store;
use crate::tui::app::App;
use crate::tui::clock::now;
use crate::tui::session::Status;

use super::effects::{Runner, run_all};

/// What to say when the unfinished check-in could not be read: it is moved aside (so nothing
/// is lost), and where to.
pub(super) fn draft_set_aside(fx: &mut Runner<'_>, e: &impl std::fmt::Display) -> Status {
    Status::Error(match fx.store.set_aside_draft(now()) {
        Ok(to) => format!(
            "An unfinished check-in could not be read ({e}). It was moved to {} so nothing is lost.",
            to.display()
        ),
        Err(_) => format!("An unfinished check-in could not be read: {e}"),
    })
}

/// The check-ins waiting in `drafts/` for their turn (`waiting-….json`: the other computer's,
/// kept by `closer doctor --merge-conflicts` while one was in progress), oldest first.
pub(super) fn waiting_drafts(store: &Store) -> Vec<PathBuf> {
    let mut waiting: Vec<PathBuf> = std::fs::read_dir(store.layout().drafts_dir())
        .into_iter()
        .flatten()
        .flatten()
        .filter(|f| {
            crate::store::Layout::is_waiting_draft(&f.file_name().to_string_lossy())
                && f.file_type().is_ok_and(|t| t.is_file())
        })
        .map(|f| f.path())
        .collect();
    waiting.sort();
    waiting
}

/// Makes the oldest check-in waiting its turn the check-in in progress
/// (`drafts/current.json`), as it is (encrypted when it is), when there is none: never
/// replacing one. The waiting file goes only once its words are in place. Gives whether it
/// did.
pub(super) fn take_waiting_draft(store: &Store) -> bool {
    use crate::store::atomic;
    if store.read_only().is_some() {
        return false;
    }
    let Some(next) = waiting_drafts(store).into_iter().next() else {
        return false;
    };
    let current = store.layout().draft_file();
    if std::fs::symlink_metadata(&current).is_ok() {
        return false;
    }
    let Ok(bytes) = crate::files::read_regular(&next, crate::files::DATA_FILE_CAP) else {
        return false;
    };
    if atomic::write_new(&current, &bytes).is_err() {
        return false;
    }
    let _ = atomic::remove(&next);
    true
}

/// Offers the next check-in waiting its turn, once none is in progress here: it becomes the
/// check-in in progress, home's `c` offers to resume or discard it, and the status line says
/// so.
pub(super) fn offer_waiting_draft(app: &mut App, fx: &mut Runner<'_>) {
    let busy = app.session.locked
        || app.session.read_only.is_some()
        || app.session.pending_draft.is_some()
        || app.session.unsaved.is_some()
        || app.check_in_open();
    if busy {
        return;
    }
    let taken = take_waiting_draft(fx.store);
    app.drafts_waiting = taken && !waiting_drafts(fx.store).is_empty();
    if !taken {
        return;
    }
    match fx.store.load_draft::<CheckInDraft>() {
        Ok(Some(draft)) => {
            let requests = app.draft_found(draft, false);
            run_all(app, fx, requests);
            app.status = Some(Status::Info(
                "Another unfinished check-in is waiting: c on home offers to resume or discard it."
                    .into(),
            ));
        }
        Ok(None) => {}
        Err(e) => app.status = Some(draft_set_aside(fx, &e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 31, item 4: the oldest check-in waiting its turn becomes the one in progress
    /// only when there is none, as it is, and never replaces one.
    #[test]
    fn a_waiting_check_in_becomes_the_one_in_progress_only_when_there_is_none() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let drafts = store.layout().drafts_dir();
        crate::store::atomic::create_private_dir(&drafts).unwrap();
        let at = chrono::DateTime::parse_from_rfc3339("2026-12-03T10:10:10+01:00").unwrap();
        store
            .save_draft(&serde_json::json!({"notes": "in progress"}), at)
            .unwrap();
        let in_progress = std::fs::read(store.layout().draft_file()).unwrap();
        for (name, notes) in [
            ("waiting-20261204T080000.json", "second"),
            ("waiting-20261203T101010.json", "first"),
        ] {
            let body = format!(
                r#"{{"schema": 1, "saved_at": "2026-12-03T10:10:10Z", "draft": {{"notes": "{notes}"}}}}"#
            );
            crate::store::atomic::write_new(&drafts.join(name), body.as_bytes()).unwrap();
        }
        assert_eq!(waiting_drafts(&store).len(), 2);
        assert!(!take_waiting_draft(&store));
        assert_eq!(
            std::fs::read(store.layout().draft_file()).unwrap(),
            in_progress
        );
        store.discard_draft().unwrap();
        for notes in ["first", "second"] {
            assert!(take_waiting_draft(&store));
            let draft: serde_json::Value = store.load_draft().unwrap().unwrap();
            assert_eq!(draft["notes"], notes);
            assert!(
                !take_waiting_draft(&store),
                "never over the one in progress"
            );
            store.discard_draft().unwrap();
        }
        assert!(waiting_drafts(&store).is_empty());
        assert!(!take_waiting_draft(&store));
    }
}
