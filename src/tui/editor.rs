//! `$EDITOR` for a text of the check-in: the text goes to a private file in the drafts folder,
//! the draft is written naming that file, the editor runs with the terminal given to it, and
//! the text comes back. A crash meanwhile loses nothing: [`recover_edit`] at the next start.

use std::path::Path;
use std::process::Command;

use crate::journal::draft::{CheckInDraft, EditTarget, InEditor};
use crate::store::{Store, atomic};

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
    let dir = store.layout().drafts_dir();
    let file = match write_scratch(&dir, text) {
        Ok(file) => file,
        Err(e) => return Done::Failed(format!("The editor could not be opened: {e}")),
    };
    if let Some(name) = file.path().file_name() {
        draft.in_editor = Some(InEditor {
            file: name.to_string_lossy().into_owned(),
            target,
        });
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
pub(super) fn recover_edit(
    store: &Store,
    mut draft: CheckInDraft,
) -> (CheckInDraft, Option<String>) {
    let Some(in_editor) = draft.in_editor.take() else {
        return (draft, None);
    };
    let path = store.layout().drafts_dir().join(&in_editor.file);
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
