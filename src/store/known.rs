//! What this computer knows of a journal's encryption, kept **outside** the data folder:
//! whether the journal was ever seen encrypted here, and its recipient (public key) as it
//! was last seen unlocked.
//!
//! Everything in the data folder can be changed by whoever can write it, or push to the sync
//! remote, without the passphrase: `recipient.txt` can be swapped for another person's key, or
//! both key files removed. So a locked write never trusts the folder alone: it seals only to
//! the recipient recorded here, and a journal recorded here as encrypted is never written in
//! plain text, whatever the folder holds. Only `closer decrypt` (which needs the passphrase)
//! forgets it.
//!
//! ```text
//! $CLOSER_STATE_DIR, else $XDG_STATE_HOME/closer (Linux: ~/.local/state/closer),
//! else the platform preferences folder (macOS: ~/Library/Preferences/closer)
//!   journals/<first 16 bytes of SHA-256 of the data folder's canonical path, hex>.json
//!       {"schema": 1, "data_dir": "...", "encrypted": true, "recipient": "age1..."}
//! ```
//!
//! One small file a journal, so two closers of two journals never write the same file. The
//! record is a help, not a requirement: when it cannot be read or written (no home folder, a
//! read-only disk), closer works on without it, and a locked write asks to unlock once.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::Digest as _;

use super::atomic;
use super::layout::Layout;

/// The record's format.
const SCHEMA: u64 = 1;

/// What this computer knows of one journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Known {
    schema: u64,
    /// The data folder, for a person reading the file (the file's name is what finds it).
    pub data_dir: PathBuf,
    /// Whether the journal was seen encrypted on this computer (and not decrypted since).
    pub encrypted: bool,
    /// The journal's recipient (`age1…`) as last seen unlocked; `None` when it was seen
    /// encrypted but never unlocked here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<String>,
}

/// closer's state folder on this computer, when there is one: the records are kept in it (and
/// `closer remind` keeps a reminder waiting for the shell prompt there).
pub fn state_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("CLOSER_STATE_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    #[cfg(test)]
    {
        // Unit tests never touch the home folder of the machine they run on. One folder a
        // user: the folder is private, so another user's run could not write in it.
        let uid = rustix::process::geteuid().as_raw();
        Some(std::env::temp_dir().join(format!("closer-unit-test-state-{uid}")))
    }
    #[cfg(not(test))]
    {
        let dirs = directories::ProjectDirs::from("", "", "closer")?;
        Some(
            dirs.state_dir()
                .unwrap_or_else(|| dirs.preference_dir())
                .to_owned(),
        )
    }
}

/// The record file of the journal at `layout`.
pub fn file_for(layout: &Layout) -> Option<PathBuf> {
    let root = std::fs::canonicalize(layout.root()).unwrap_or_else(|_| layout.root().to_owned());
    let digest = sha2::Sha256::digest(root.as_os_str().as_encoded_bytes());
    let name: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    Some(state_dir()?.join("journals").join(format!("{name}.json")))
}

/// What this computer knows of the journal at `layout`; `None` when nothing (or the record
/// cannot be read: treated as nothing, which only makes closer more careful).
pub fn read(layout: &Layout) -> Option<Known> {
    let path = file_for(layout)?;
    let text = crate::files::read_regular_text(&path, 64 * 1024).ok()?;
    serde_json::from_str::<Known>(&text)
        .ok()
        .filter(|k| k.schema == SCHEMA)
}

/// Records the journal at `layout` as encrypted, with its recipient when it is known (a
/// recipient recorded before is kept when `recipient` is `None`). Best effort: a failure is
/// left unsaid (see the module).
pub fn remember(layout: &Layout, recipient: Option<&str>) {
    let before = read(layout);
    let recipient = recipient
        .map(str::to_owned)
        .or_else(|| before.as_ref().and_then(|k| k.recipient.clone()));
    let known = Known {
        schema: SCHEMA,
        data_dir: std::fs::canonicalize(layout.root()).unwrap_or_else(|_| layout.root().to_owned()),
        encrypted: true,
        recipient,
    };
    if before.as_ref() == Some(&known) {
        return;
    }
    let _ = write(layout, &known);
}

fn write(layout: &Layout, known: &Known) -> Option<()> {
    let path = file_for(layout)?;
    atomic::create_private_dir(path.parent()?).ok()?;
    let json = serde_json::to_vec_pretty(known).ok()?;
    atomic::write(&path, &json).ok()
}

/// Forgets the journal at `layout` (`closer decrypt`: it is a plain journal now).
///
/// # Errors
/// The record exists and cannot be removed (then the journal would stay locked for writes).
pub fn forget(layout: &Layout) -> std::io::Result<()> {
    let Some(path) = file_for(layout) else {
        return Ok(());
    };
    match atomic::remove(&path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Whether `path` is where records are kept (so it is never taken for part of a journal).
pub fn is_record(path: &Path) -> bool {
    state_dir().is_some_and(|d| path.starts_with(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_is_kept_outside_the_data_folder_and_forgotten() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::new(dir.path());
        assert_eq!(read(&layout), None);
        let file = file_for(&layout).unwrap();
        assert!(!file.starts_with(dir.path()));
        remember(&layout, None);
        let k = read(&layout).unwrap();
        assert!(k.encrypted && k.recipient.is_none());
        remember(&layout, Some("age1abc"));
        remember(&layout, None);
        assert_eq!(read(&layout).unwrap().recipient.as_deref(), Some("age1abc"));
        forget(&layout).unwrap();
        assert_eq!(read(&layout), None);
        forget(&layout).unwrap();
    }

    #[test]
    fn two_data_folders_have_two_records() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        assert_ne!(
            file_for(&Layout::new(a.path())),
            file_for(&Layout::new(b.path()))
        );
    }
}
