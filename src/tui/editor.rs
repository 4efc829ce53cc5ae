//! `$EDITOR` for a text of the check-in: the text goes to a private file in the drafts folder,
//! the draft is written naming that file, the editor runs with the terminal given to it, and
//! the text comes back. A crash meanwhile loses nothing: [`recover_edit`] at the next start.
//!
//! An editor needs the text in plain form. For an encrypted journal it goes instead to a
//! private runtime folder (`$XDG_RUNTIME_DIR/closer-…`, in memory on most systems, or a 0700
//! folder in the temporary folder), never into the data folder, and is removed when the editor
//! is done; one left by a crash is taken back at the next unlock ([`recover_leftovers`]) and
//! removed.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::journal::draft::{CheckInDraft, EditTarget, InEditor};
use crate::store::{Layout, Store, atomic};

use super::clock::now;
use super::effect::Done;
use super::signals::{Unsaved, terminal_guard};
use super::terminal;

/// Runs `$VISUAL` or `$EDITOR` on `text` in a private file in the drafts folder.
/// The draft is written first, naming the file the text is in, so a crash while the editor
/// runs loses nothing: the next start takes the file's text back (see [`recover_edit`]).
pub(super) fn edit(
    store: &Store,
    session: &mut terminal::Session,
    unsaved: &Unsaved,
    mut draft: CheckInDraft,
    target: EditTarget,
    text: &str,
    chosen: Option<String>,
) -> Done {
    let editor = chosen
        .filter(|e| !e.trim().is_empty())
        .or_else(|| {
            std::env::var("VISUAL")
                .ok()
                .filter(|e| !e.trim().is_empty())
        })
        .or_else(|| {
            std::env::var("EDITOR")
                .ok()
                .filter(|e| !e.trim().is_empty())
        });
    let Some(editor) = editor else {
        return Done::Failed(
            "No editor is set. Choose one in settings (o on home), or set the EDITOR \
             environment variable (for example EDITOR=nano); until then, write here."
                .into(),
        );
    };
    let encrypted = crate::store::crypto::is_encrypted(store.layout());
    let dir = match scratch_dir(store.layout(), encrypted) {
        Ok(dir) => dir,
        Err(e) => {
            return Done::Failed(format!(
                "The editor could not be opened: closer found no private folder for your text \
                 ({e}). Write here instead."
            ));
        }
    };
    let file = match write_scratch(&dir, text) {
        Ok(file) => file,
        Err(e) => return Done::Failed(format!("The editor could not be opened: {e}")),
    };
    if let Some(name) = file.path().file_name() {
        let file = if encrypted {
            file.path().to_string_lossy().into_owned()
        } else {
            name.to_string_lossy().into_owned()
        };
        draft.in_editor = Some(InEditor { file, target });
        let _ = store.save_draft(&draft, now());
        // A signal while the editor runs (the window closed) writes this draft, naming the
        // file, not the check-in's own copy without it.
        if let Ok(mut copy) = unsaved.lock() {
            *copy = Some(draft.clone());
        }
    }
    terminal_guard(|| session.suspend());
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("closer-editor")
        .arg(file.path())
        .status();
    let resumed = terminal_guard(|| session.resume());
    let result = match (status, resumed) {
        (_, Err(e)) => Err(format!("the terminal could not be taken back: {e}")),
        (Err(e), _) => Err(format!("{editor} could not be started: {e}")),
        (Ok(s), _) if !s.success() => {
            Err(format!("{editor} exited with {s}; your text is unchanged"))
        }
        (Ok(_), _) => crate::files::read_regular_text(file.path(), crate::files::DATA_FILE_CAP)
            .map_err(|e| e.to_string()),
    };
    match result {
        Ok(edited) => Done::Edited(target, edited),
        Err(e) => {
            // Whatever the editor saved stays in its file, and the person is told where.
            match file.keep() {
                Ok((_, path)) => Done::Failed(format!(
                    "The editor did not finish: {e}. Anything it saved is in {}.",
                    path.display()
                )),
                Err(_) => Done::Failed(format!("The editor did not finish: {e}.")),
            }
        }
    }
}

/// A draft found at start that names a text open in `$EDITOR` (closer stopped while the editor
/// ran): the file's text goes back into the draft, the draft is written, and the file is
/// removed once the draft holds it. Returns the draft, and a line to tell the person.
pub(crate) fn recover_edit(
    store: &Store,
    mut draft: CheckInDraft,
) -> (CheckInDraft, Option<String>) {
    let Some(in_editor) = draft.in_editor.take() else {
        return (draft, None);
    };
    let Some(path) = scratch_path(store.layout(), &in_editor.file) else {
        return (draft, None);
    };
    let Ok(text) = crate::files::read_regular_text(&path, crate::files::DATA_FILE_CAP) else {
        return (draft, None);
    };
    if !draft.take_edit(in_editor.target, &text) {
        return (draft, None);
    }
    if store.save_draft(&draft, now()).is_ok() {
        let _ = atomic::remove(&path);
    }
    let note = "What you were writing in your editor when closer stopped is back in your \
                check-in."
        .to_owned();
    (draft, Some(note))
}

/// Where the file named in a draft's `in_editor` is: a bare name in the drafts folder, or a
/// path in this journal's private runtime folder (any other path is not closer's: `None`).
fn scratch_path(layout: &Layout, named: &str) -> Option<PathBuf> {
    let path = Path::new(named);
    if !path.is_absolute() {
        return (path.components().count() == 1).then(|| layout.drafts_dir().join(path));
    }
    let dir = scratch_dir(layout, true).ok()?;
    (path.parent() == Some(dir.as_path())).then(|| path.to_owned())
}

/// The private runtime folder of the journal at `layout`, where the editor's file of an
/// encrypted journal goes (`$XDG_RUNTIME_DIR/closer-<uid>-<hash of the data folder>`, else
/// the same in the temporary folder), whether or not it exists yet.
pub fn runtime_dir(layout: &Layout) -> PathBuf {
    let base = std::env::var_os("XDG_RUNTIME_DIR")
        .map(PathBuf::from)
        .filter(|d| d.is_absolute() && d.is_dir())
        .unwrap_or_else(std::env::temp_dir);
    let root = std::fs::canonicalize(layout.root()).unwrap_or_else(|_| layout.root().to_owned());
    let mut hasher = std::hash::DefaultHasher::new();
    std::hash::Hash::hash(&root, &mut hasher);
    let uid = rustix::process::getuid().as_raw();
    base.join(format!(
        "closer-{uid}-{:08x}",
        std::hash::Hasher::finish(&hasher) as u32
    ))
}

/// The folder the editor's file goes in: the drafts folder of a plain journal; for an
/// encrypted one, a private runtime folder of its own (0700, owned by this user, checked).
pub(super) fn scratch_dir(layout: &Layout, encrypted: bool) -> std::io::Result<PathBuf> {
    if !encrypted {
        return Ok(layout.drafts_dir());
    }
    let dir = runtime_dir(layout);
    let uid = rustix::process::getuid().as_raw();
    atomic::create_private_dir(&dir)?;
    // Made by someone else, or open to others: not a place for these words.
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let meta = std::fs::symlink_metadata(&dir)?;
        if !meta.is_dir() || meta.uid() != uid || meta.permissions().mode() & 0o077 != 0 {
            return Err(std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                format!("{} is not private to you", dir.display()),
            ));
        }
    }
    Ok(dir)
}

/// Text an editor was given in an encrypted journal and a crash left behind, not claimed by
/// the draft: each goes into the notes of `draft` (a new check-in's, if there is none), the
/// draft is written (encrypted), then the file is removed. Returns the draft and a line to
/// tell the person, when there was any.
pub(super) fn recover_leftovers(
    store: &Store,
    draft: Option<CheckInDraft>,
) -> (Option<CheckInDraft>, Option<String>) {
    let layout = store.layout();
    if !crate::store::crypto::is_encrypted(layout) {
        return (draft, None);
    }
    let Ok(dir) = scratch_dir(layout, true) else {
        return (draft, None);
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|f| f.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("editing-"))
        })
        .collect();
    files.sort();
    if files.is_empty() {
        return (draft, None);
    }
    let mut draft = draft.unwrap_or_else(|| CheckInDraft::new(now(), None));
    let mut taken = Vec::new();
    for path in files {
        if let Ok(text) = crate::files::read_regular_text(&path, crate::files::DATA_FILE_CAP) {
            if !text.trim().is_empty() {
                if !draft.notes.is_empty() {
                    draft.notes.push_str("\n\n");
                }
                draft.notes.push_str(text.trim_end());
            }
            taken.push(path);
        }
    }
    if store.save_draft(&draft, now()).is_err() {
        return (Some(draft), None);
    }
    for path in &taken {
        let _ = atomic::remove(path);
    }
    let note = "Text you were writing in your editor when closer stopped was found; it is in \
                the notes of your unfinished check-in, and its plain copy is removed."
        .to_owned();
    (Some(draft), Some(note))
}

fn write_scratch(dir: &Path, text: &str) -> std::io::Result<tempfile::NamedTempFile> {
    atomic::create_private_dir(dir)?;
    let mut file = tempfile::Builder::new()
        .prefix("editing-")
        .suffix(".md")
        .tempfile_in(dir)?;
    // 0600 whatever the umask (a strict one made it 0400, and editors could not save it).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    std::io::Write::write_all(&mut file, text.as_bytes())?;
    file.as_file().sync_all()?;
    Ok(file)
}
