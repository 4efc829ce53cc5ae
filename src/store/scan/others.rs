//! The files of a data folder beside its days and its inbox, checked while scanning: the key
//! files, `state.json`, conflict copies at the top, `drafts/` and `trash/`.

use std::fs;
use std::path::PathBuf;

use crate::journal::Preferences;

use super::super::layout::Layout;
use super::super::problem::{Problem, ProblemKind};
use super::{
    DraftBody, Scanning, TrashBody, check_mode, conflict_copy_of, draft_saved, file_name,
    folder_children, is_draft_conflict, note_stray, read_json, read_json_noting, sorted_children,
};

impl Scanning<'_> {
    /// The key files: gone from a journal that was encrypted, or a recipient that is not the
    /// journal's own.
    pub(super) fn check_keys(&mut self) {
        if crate::store::crypto::key_missing(self.layout) {
            self.scan.problems.push(Problem {
                path: self.layout.identity_file(),
                kind: ProblemKind::KeyMissing,
            });
        }
        if let Some(found) = crate::store::crypto::foreign_recipient(self.layout) {
            self.scan.problems.push(Problem {
                path: self.layout.recipient_file(),
                kind: ProblemKind::ForeignRecipient { found },
            });
        }
    }

    /// state.json
    pub(super) fn check_state(&mut self) {
        let state = self.layout.state_file();
        if state.exists() {
            check_mode(&mut self.scan.problems, &state, false);
            if let Err(err) = read_json::<Preferences>(self.layout, &state) {
                self.scan.problems.push(Problem::from_error(state, &err));
            }
        }
    }

    /// Conflict copies a file-sync tool made of the files at the top of the data folder
    /// (state.json, predictions.json, cache.age, the key files); nothing else there is looked
    /// at (a sync tool's or git's own files live there too).
    pub(super) fn check_top_conflicts(&mut self) {
        let root = self.layout.root();
        let mut quiet = Vec::new();
        for path in sorted_children(&mut quiet, root) {
            let Some(of) = conflict_copy_of(root, &path) else {
                continue;
            };
            if fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir()) {
                continue;
            }
            check_mode(&mut self.scan.problems, &path, false);
            let kind = if of == "state.json" {
                ProblemKind::StateConflict
            } else {
                ProblemKind::OtherConflict { of }
            };
            self.scan.problems.push(Problem { path, kind });
        }
    }

    /// drafts/
    pub(super) fn check_drafts(&mut self) {
        let (layout, root) = (self.layout, self.layout.root());
        let problems = &mut self.scan.problems;
        for path in folder_children(problems, &layout.drafts_dir()) {
            if path == layout.draft_file() {
                check_mode(problems, &path, false);
                check_readable::<DraftBody>(problems, layout, path, self.encrypted);
            } else if is_draft_conflict(&file_name(&path)) {
                // The other computer's unfinished check-in: words to offer, never a stranger.
                check_mode(problems, &path, false);
                let saved = draft_saved(layout, &path);
                problems.push(Problem {
                    path,
                    kind: ProblemKind::DraftConflict { saved },
                });
            } else if Layout::is_waiting_draft(&file_name(&path)) {
                check_mode(problems, &path, false);
                let saved = draft_saved(layout, &path);
                problems.push(Problem {
                    path,
                    kind: ProblemKind::WaitingDraft { saved },
                });
            } else if !file_name(&path).starts_with("unreadable-")
                || conflict_copy_of(root, &path).is_some()
            {
                note_stray(problems, root, &path);
            }
        }
    }

    /// trash/
    pub(super) fn check_trash(&mut self) {
        let (layout, root) = (self.layout, self.layout.root());
        let problems = &mut self.scan.problems;
        for path in folder_children(problems, &layout.trash_dir()) {
            // Conflict copies already merged into their day, kept as they were.
            if path == layout.merged_conflicts_dir() && path.is_dir() {
                continue;
            }
            if !file_name(&path).ends_with(".json") {
                note_stray(problems, root, &path);
                continue;
            }
            // A copy of a trash file is a deleted entry as well, shown in the trash beside
            // the other copy: named for what it is, and read as the trash file it is.
            if let Some(of) = conflict_copy_of(root, &path) {
                problems.push(Problem {
                    path: path.clone(),
                    kind: ProblemKind::OtherConflict { of },
                });
            }
            check_mode(problems, &path, false);
            check_readable::<TrashBody>(problems, layout, path, self.encrypted);
        }
    }
}

/// Notes the problems of the file at `path`, read as a `T`: why it cannot be read, or that it
/// is plain text in an `encrypted` journal.
fn check_readable<T: serde::de::DeserializeOwned>(
    problems: &mut Vec<Problem>,
    layout: &Layout,
    path: PathBuf,
    encrypted: bool,
) {
    match read_json_noting::<T>(layout, &path, encrypted) {
        Err(err) => problems.push(Problem::from_error(path, &err)),
        Ok((_, Some(plain))) => problems.push(plain),
        Ok(_) => {}
    }
}
