//! `closer encrypt`, `closer decrypt` and `closer passphrase`.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::passphrase::{self, Source};
use crate::store::{Store, convert, crypto};

/// What `encrypt` says before it asks for a new passphrase (one paragraph, wrapped to the
/// terminal as it is said: see [`wrapped`]).
pub const WARNING: &str = "closer will encrypt everything you have written (entries, drafts, \
the trash, your own words) with a passphrase. There is no way to get your entries back without \
it: nobody, closer included, can recover it. Choose one you will remember, or keep it in a \
password manager.";

/// The width to wrap what is said at: the terminal's (less a column, so a full line does not
/// wrap by itself), at most 100; 80 when there is no terminal.
fn terminal_width() -> usize {
    crossterm::terminal::size()
        .ok()
        .map(|(w, _)| usize::from(w).saturating_sub(1))
        .filter(|w| *w >= 20)
        .unwrap_or(79)
        .min(100)
}

/// `text` wrapped between words to lines of at most `width` columns (a word longer than a
/// line stands alone on its line).
pub fn wrapped(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let mut out = String::new();
    let mut line = 0;
    for word in text.split_whitespace() {
        let w = word.width();
        if line > 0 && line + 1 + w > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += w;
    }
    out
}

fn open(data_dir: &Path) -> Result<Store> {
    super::journal_is_there(data_dir)?;
    let store = Store::open(data_dir)?;
    if let Some(why) = store.read_only() {
        bail!("the journal cannot be changed now: {why}");
    }
    Ok(store)
}

fn progress() -> impl FnMut(usize, usize) {
    super::import::progress_bar(std::time::Instant::now(), "files converted")
}

/// `closer encrypt`: makes the key (asking for a new passphrase twice) and encrypts every
/// file; run again after a stop, it asks for the passphrase and finishes.
pub fn encrypt(data_dir: &Path, secrets: &Source) -> Result<ExitCode> {
    let store = open(data_dir)?;
    let layout = store.layout();
    // A journal that lost its key: a new key would leave every sealed file unreadable.
    if crypto::key_missing(layout) {
        return Err(crate::store::StoreError::KeyMissing {
            path: layout.identity_file(),
        }
        .into());
    }
    let resuming = crypto::has_identity(layout);
    let p = if resuming {
        secrets.read("Passphrase for your closer journal: ")?
    } else {
        secrets.new_passphrase(&wrapped(WARNING, terminal_width()))?
    };
    let done = convert::encrypt(&store, &p, progress())?;
    if resuming && done.files == 0 {
        println!(
            "The journal in {} is encrypted; nothing was left to do.",
            data_dir.display()
        );
    } else {
        println!(
            "Encrypted {} in {}. closer asks for your passphrase to read them; a check-in can \
             be written without it.",
            crate::journal::vocabulary::count(
                u32::try_from(done.files).unwrap_or(u32::MAX),
                "file",
                "files"
            ),
            data_dir.display()
        );
    }
    warn_about_copies(data_dir);
    Ok(ExitCode::SUCCESS)
}

/// Copies of the journal made before it was encrypted stay as they were: say where.
fn warn_about_copies(data_dir: &Path) {
    let backups = crate::store::backup::default_dir(data_dir);
    if backups.is_dir() {
        eprintln!(
            "closer: note: backups made before now (in {}) are not encrypted. Delete them once \
             a new backup is written, or keep them somewhere safe.",
            backups.display()
        );
    }
    if data_dir.join(".git").exists() {
        eprintln!(
            "closer: note: the sync repository's history still holds the journal as it was \
             before, unencrypted. Only starting a new repository removes it."
        );
    }
}

/// `closer decrypt`: every file written plain again, then the key removed.
pub fn decrypt(data_dir: &Path, secrets: &Source) -> Result<ExitCode> {
    let store = open(data_dir)?;
    if !crypto::is_encrypted(store.layout()) {
        println!("The journal in {} is not encrypted.", data_dir.display());
        return Ok(ExitCode::SUCCESS);
    }
    // Remembered as encrypted, its key gone, and not one sealed file left (a journal started
    // again in the same folder, say): nothing needs the key, so closer stops treating it as
    // encrypted. With any sealed file left, the key files must come back first.
    if crypto::key_missing(store.layout()) {
        if convert::holds_sealed(store.layout()) {
            return Err(crate::store::StoreError::KeyMissing {
                path: store.layout().identity_file(),
            }
            .into());
        }
        crypto::forget_encrypted(store.layout())?;
        println!(
            "No encrypted file is left in {}, and its key files are gone: closer treats it as a \
             plain journal from now on.",
            data_dir.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    // A copy of the settings a file-sync tool made holds your own words sealed: taken in
    // first, or they could never be read once the key is gone.
    let copies = convert::state_copies(store.layout());
    if let Some(first) = copies.first() {
        bail!(
            "{} is a copy of your settings that a file-sync tool made, and your own words in it \
             are encrypted. Run `closer doctor --merge-conflicts` first (it adds them to your \
             settings), then closer decrypt. Nothing was changed.",
            first.display()
        );
    }
    let p = secrets.read("Passphrase for your closer journal: ")?;
    let done = convert::decrypt(&store, &p, progress())?;
    println!(
        "Decrypted {} in {}; the journal is no longer encrypted, and closer will not ask for a \
         passphrase.",
        crate::journal::vocabulary::count(
            u32::try_from(done.files).unwrap_or(u32::MAX),
            "file",
            "files"
        ),
        data_dir.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// `closer passphrase`: the passphrase now, then the new one twice.
pub fn passphrase(data_dir: &Path, secrets: &Source) -> Result<ExitCode> {
    let store = open(data_dir)?;
    if !crypto::is_encrypted(store.layout()) {
        bail!(
            "the journal in {} is not encrypted, so it has no passphrase. `closer encrypt` \
             encrypts it.",
            data_dir.display()
        );
    }
    let (old, new) = passphrase::old_and_new(
        secrets,
        "There is no way to get your entries back without the new passphrase.",
    )?;
    crypto::change_passphrase(store.layout(), &old, &new)?;
    println!("The passphrase is changed. The old one no longer opens the journal.");
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_warning_wraps_between_words_at_every_width() {
        for width in [40, 60, 79, 100] {
            let text = wrapped(WARNING, width);
            assert!(text.lines().count() > 1, "{text}");
            for line in text.lines() {
                assert!(line.chars().count() <= width, "{width}: {line}");
            }
            // Nothing split or lost: the same words in the same order.
            assert_eq!(
                text.split_whitespace().collect::<Vec<_>>(),
                WARNING.split_whitespace().collect::<Vec<_>>()
            );
        }
        assert!(!WARNING.contains('\n'), "wrapped as it is said, not before");
    }
}
