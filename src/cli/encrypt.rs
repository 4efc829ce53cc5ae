//! `closer encrypt`: every file of the journal encrypted with a passphrase.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use super::Ctx;
use crate::store::{convert, crypto};

/// Encrypt the journal: everything you write, at rest, with a passphrase (age format).
///
/// Asks for a new passphrase twice. There is no way to get your entries back without it.
/// Each file is converted on its own, so a stop at any moment loses nothing: run the
/// command again to finish. Once encrypted, closer asks for the passphrase to read the
/// journal; a check-in can be written without it (closer checkin).
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  closer encrypt
  (pass show closer; pass show closer) | closer encrypt --passphrase-fd 0")]
pub struct Args {}

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

/// How far a conversion of every file has got, on standard error.
pub(super) fn progress() -> impl FnMut(usize, usize) {
    super::import::progress_bar(std::time::Instant::now(), "files converted")
}

impl Args {
    /// Makes the key (asking for a new passphrase twice) and encrypts every file; run again
    /// after a stop, it asks for the passphrase and finishes.
    ///
    /// # Errors
    /// No journal, or one that cannot be changed now; no passphrase; a failed write.
    pub fn run(self, ctx: &Ctx) -> Result<ExitCode> {
        let store = ctx.store_to_be("changed")?;
        let (data_dir, secrets) = (ctx.data_dir()?, ctx.secrets());
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
