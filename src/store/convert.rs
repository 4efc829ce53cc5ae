//! `closer encrypt` and `closer decrypt`: every file that holds what a person wrote, converted
//! one at a time with the same atomic writes as a save. A stop at any instant leaves each file
//! whole, either plain or encrypted, and readable (a file is read by what it starts with);
//! running the command again converts what is left.

use std::fs;
use std::path::{Path, PathBuf};

use age::secrecy::SecretString;

use super::error::StoreError;
use super::journal_store::Store;
use super::layout::{Layout, TEMP_PREFIX};
use super::{atomic, crypto};

/// What a conversion did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Converted {
    /// Files converted now.
    pub files: usize,
    /// Files that were converted already (by an earlier run that stopped).
    pub already: usize,
    /// Whether this run made the journal's key (the first run of `encrypt`).
    pub made_key: bool,
}

/// Every folder of the journal at `layout` that closer writes into.
fn data_dirs(layout: &Layout) -> Vec<PathBuf> {
    let mut dirs = vec![
        layout.root().to_owned(),
        layout.drafts_dir(),
        layout.trash_dir(),
        layout.merged_conflicts_dir(),
        layout.inbox_dir(),
    ];
    dirs.extend(
        fs::read_dir(layout.entries_dir())
            .into_iter()
            .flatten()
            .flatten()
            .map(|y| y.path()),
    );
    dirs
}

/// Every file of the journal at `layout` that holds what a person wrote: day files (and
/// file-sync conflict copies of them), drafts, trash (and merged conflict copies), the inbox.
/// `state.json` is converted through the preferences (only the person's words in it are
/// sealed); `predictions.json` holds dates only and stays plain.
pub fn journal_files(layout: &Layout) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let json = |p: &Path| {
        p.is_file()
            && p.extension().is_some_and(|e| e == "json")
            && !p
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(TEMP_PREFIX))
    };
    let add_dir = |dir: PathBuf, out: &mut Vec<PathBuf>| {
        for f in fs::read_dir(dir).into_iter().flatten().flatten() {
            let p = f.path();
            if json(&p) {
                out.push(p);
            }
        }
    };
    for year in fs::read_dir(layout.entries_dir())
        .into_iter()
        .flatten()
        .flatten()
    {
        add_dir(year.path(), &mut out);
    }
    add_dir(layout.drafts_dir(), &mut out);
    add_dir(layout.trash_dir(), &mut out);
    add_dir(layout.merged_conflicts_dir(), &mut out);
    add_dir(layout.inbox_dir(), &mut out);
    out.sort();
    out
}

/// The file-sync conflict copies of `state.json` in the data folder at `layout`: in an
/// encrypted journal their own words are sealed, so `closer decrypt` waits until `closer
/// doctor --merge-conflicts` has taken them in.
pub fn state_copies(layout: &Layout) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(layout.root())
        .into_iter()
        .flatten()
        .flatten()
        .filter(|f| {
            let name = f.file_name().to_string_lossy().into_owned();
            name != "state.json"
                && Layout::original_of_conflict_copy(&name).as_deref() == Some("state.json")
        })
        .map(|f| f.path())
        .collect();
    out.sort();
    out
}

/// Whether any file of the journal at `layout` is sealed: its day files, drafts, trash and
/// inbox (see [`journal_files`]), `state.json`'s sealed words, and `cache.age`.
pub fn holds_sealed(layout: &Layout) -> bool {
    if layout.cache_file().exists() {
        return true;
    }
    let sealed = |p: &Path| {
        crate::files::read_regular(p, crate::files::DATA_FILE_CAP).is_ok_and(|b| {
            crypto::is_sealed(&b) || memchr::memmem::find(&b, b"\"sealed_words\"").is_some()
        })
    };
    sealed(&layout.state_file()) || journal_files(layout).iter().any(|p| sealed(p))
}

/// Encrypts the journal opened as `store`: makes its key with `passphrase` unless it has one
/// (then `passphrase` must unlock it), then encrypts every file not encrypted yet. `progress`
/// is told (done, total) after each file.
///
/// # Errors
/// A wrong passphrase for a journal that has a key (nothing is changed); the journal is
/// read-only; a file that cannot be read or written (those before it are converted, and a new
/// run goes on from there).
pub fn encrypt(
    store: &Store,
    passphrase: &SecretString,
    mut progress: impl FnMut(usize, usize),
) -> Result<Converted, StoreError> {
    store.check_writable()?;
    let layout = store.layout();
    // Plain text the conversion would not reach: the editor's text (closer takes it back into
    // the check-in at its next start; encrypted in place, it could not be) and the temporary
    // files of saves cut short (never read, and nothing acknowledged is in them: removed).
    for f in fs::read_dir(layout.drafts_dir())
        .into_iter()
        .flatten()
        .flatten()
    {
        if f.file_name().to_string_lossy().starts_with("editing-") {
            return Err(StoreError::Crypto {
                path: f.path(),
                message: "text written in your editor is waiting there, in plain text. Open \
                          closer once (it takes it back into your check-in), then run closer \
                          encrypt again"
                    .to_owned(),
            });
        }
    }
    for dir in data_dirs(layout) {
        for f in fs::read_dir(&dir).into_iter().flatten().flatten() {
            if f.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
                let _ = atomic::remove(&f.path());
            }
        }
    }
    let mut done = Converted::default();
    if crypto::has_identity(layout) {
        crypto::unlock(layout, passphrase)?;
    } else {
        crypto::create(layout, passphrase)?;
        done.made_key = true;
    }
    // The person's own words in state.json, sealed by writing the preferences again.
    if layout.state_file().exists() {
        let prefs = store.load_preferences()?;
        store.save_preferences(&prefs)?;
    }
    each_file(layout, &mut done, &mut progress, |path, bytes| {
        if crypto::is_sealed(&bytes) {
            return Ok(None);
        }
        crypto::seal_always(layout, path, &bytes).map(Some)
    })?;
    Ok(done)
}

/// Converts every journal file by `convert` (its new bytes, or `None` when it is converted
/// already), each written atomically, counting into `done` and telling `progress`.
fn each_file(
    layout: &Layout,
    done: &mut Converted,
    progress: &mut impl FnMut(usize, usize),
    mut convert: impl FnMut(&Path, Vec<u8>) -> Result<Option<Vec<u8>>, StoreError>,
) -> Result<(), StoreError> {
    let files = journal_files(layout);
    let total = files.len();
    for (i, path) in files.iter().enumerate() {
        let bytes = crate::files::read_regular(path, crate::files::DATA_FILE_CAP)
            .map_err(|e| StoreError::read(path, e))?;
        match convert(path, bytes)? {
            Some(new) => {
                let new = zeroize::Zeroizing::new(new);
                atomic::write(path, &new).map_err(|e| StoreError::write(path, e))?;
                done.files += 1;
            }
            None => done.already += 1,
        }
        progress(i + 1, total);
    }
    Ok(())
}

/// Decrypts the journal opened as `store` with `passphrase`: every encrypted file is written
/// plain, the person's words in `state.json` too, and only then is the key removed.
///
/// # Errors
/// [`StoreError::WrongPassphrase`] (nothing is changed); the journal is not encrypted; a
/// file that cannot be read or written (a new run goes on from there).
pub fn decrypt(
    store: &Store,
    passphrase: &SecretString,
    mut progress: impl FnMut(usize, usize),
) -> Result<Converted, StoreError> {
    store.check_writable()?;
    let layout = store.layout();
    crypto::unlock(layout, passphrase)?;
    // Entries saved while locked go into their days first, while the key is there.
    store.settle_inbox()?;
    let mut done = Converted::default();
    each_file(layout, &mut done, &mut progress, |path, bytes| {
        if !crypto::is_sealed(&bytes) {
            return Ok(None);
        }
        crypto::open(layout, path, bytes).map(Some)
    })?;
    // The words in state.json are written plain while the key is still there, so a stop
    // before the key is removed loses nothing.
    if layout.state_file().exists() {
        let prefs = store.load_preferences()?;
        store.save_preferences_plain(&prefs)?;
    }
    super::cache::remove(layout);
    // The recipient first: an identity alone still unlocks (and writes nothing new
    // encrypted while locked), where a recipient alone would encrypt to a key that is gone.
    for path in [layout.recipient_file(), layout.identity_file()] {
        match atomic::remove(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(StoreError::write(&path, e)),
        }
    }
    crypto::forget_encrypted(layout)?;
    crypto::lock(layout);
    Ok(done)
}
