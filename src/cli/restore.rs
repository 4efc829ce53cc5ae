//! `closer restore`: a backup put back, into an empty folder as it was or merged into a
//! journal.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::Ctx;
use super::backup::{Settings, n};
use crate::journal::merge::Change;
use crate::journal::vocabulary::count;
use crate::store::backup::{self, Restored};
use crate::store::{Layout, Store, StoreError};
use age::secrecy::SecretString;

/// Put a backup back: into an empty folder as it was, or merged into a journal.
///
/// Into a journal with entries, entries are matched by id: ones it lacks are added, the
/// newer version of one changed on both is kept, nothing is removed, and an entry deleted
/// here stays deleted. Every change is listed. Its settings are kept.
///
/// An encrypted backup asks for the passphrase it was made with, unless it has this
/// journal's key. Into an empty folder its key comes along, so the journal is encrypted as
/// it was; into an encrypted journal, what it adds is encrypted with that journal's key.
/// Into a journal that is not encrypted it would be written in plain text: closer asks
/// first on a terminal, and elsewhere refuses unless --decrypt is given.
///
/// The backup is read whole and checked before anything is written: its gzip checksum and
/// each file's size and SHA-256 (from its manifest). A damaged one is refused, saying what
/// is wrong, and nothing is restored.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  closer restore closer-backup-2026-11-30T091500.tar.gz --dry-run\n  closer restore backup.tar.gz --data-dir ~/journal-copy\n  closer restore encrypted-backup.tar.gz --decrypt   # into a plain journal"
)]
pub struct Args {
    /// The archive (a closer-backup-….tar.gz)
    archive: PathBuf,
    /// Only say what would change (the backup is read and checked; nothing is written, and
    /// no data folder is made)
    #[arg(long)]
    dry_run: bool,
    /// Restore an encrypted backup into a journal that is not encrypted, writing its
    /// entries in plain text (without it, closer asks on a terminal and refuses elsewhere)
    #[arg(long)]
    decrypt: bool,
}

impl Args {
    /// Restores the backup, and says what changed.
    ///
    /// # Errors
    /// As [`restore`].
    pub fn run(self, ctx: &Ctx) -> Result<ExitCode> {
        let data_dir = ctx.data_dir()?;
        let settings = Settings::of(ctx)?;
        let options = RestoreOptions {
            dry_run: self.dry_run,
            decrypt: self.decrypt,
        };
        ctx.printed(|out| {
            restore(
                data_dir,
                &settings,
                &self.archive,
                options,
                ctx.secrets(),
                out,
            )
        })?;
        Ok(ExitCode::SUCCESS)
    }
}

/// How `closer restore` runs.
#[derive(Debug, Clone, Copy, Default)]
pub struct RestoreOptions {
    /// Only say what would change.
    pub dry_run: bool,
    /// Write an encrypted backup's entries into a journal that is not encrypted, in plain
    /// text (`--decrypt`); without it, closer asks on a terminal and refuses elsewhere.
    pub decrypt: bool,
}

/// How many entries a restore adds or updates, in words ("4 entries").
fn entries_written(done: &Restored) -> String {
    let written = done
        .changes
        .iter()
        .filter(|c| c.change != Change::StaysDeleted)
        .count();
    count(n(written), "entry", "entries")
}

/// Asks on the terminal whether to write an encrypted backup's entries in plain text; no when
/// there is no terminal to ask on.
fn ask_to_decrypt(data_dir: &Path, done: &Restored) -> bool {
    if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
        return false;
    }
    eprint!(
        "This backup is encrypted, and the journal in {} is not: restoring it here writes {} \
         in plain text. Write them in plain text? [y/N] ",
        data_dir.display(),
        entries_written(done)
    );
    let mut answer = String::new();
    if std::io::stdin().lock().read_line(&mut answer).is_err() {
        return false;
    }
    matches!(answer.trim().to_lowercase().as_str(), "y" | "yes")
}

/// Restores `archive` into the journal at `data_dir` (made if missing); with `dry_run` only
/// says what would change.
pub fn restore(
    data_dir: &Path,
    settings: &Settings,
    archive: &Path,
    options: RestoreOptions,
    secrets: &super::secrets::Source,
    out: &mut impl Write,
) -> Result<()> {
    if !archive.is_file() {
        bail!(
            "{} is not a file. `closer backups` lists the backups and where they are.",
            archive.display()
        );
    }
    // The whole archive is read and checked first, in memory: a damaged one is refused before
    // anything is created or written.
    let restoring = Restoring {
        data_dir,
        unpacked: backup::read_archive(archive)?,
        config_dir: settings.config_dir.as_deref(),
        options,
        secrets,
    };
    let done = if data_dir.exists() {
        restoring.merged_into_journal()?
    } else {
        restoring.made_anew()?
    };
    if done.declined {
        bail!(
            "this backup is encrypted, and the journal in {dir} is not: restoring it here would \
             write {what} in plain text. Nothing was restored. To restore them in plain text, \
             run the same command with --decrypt. To keep them encrypted, encrypt this journal \
             first (closer encrypt --data-dir {dir}) and restore again, or restore into an empty \
             folder (--data-dir NEW-FOLDER), where the backup's key comes along.",
            dir = data_dir.display(),
            what = entries_written(&done)
        );
    }
    say(data_dir, &done, options.dry_run, out)
}

/// A backup read and checked, on its way into the journal at `data_dir`.
struct Restoring<'a> {
    data_dir: &'a Path,
    unpacked: backup::Unpacked,
    config_dir: Option<&'a Path>,
    options: RestoreOptions,
    secrets: &'a super::secrets::Source,
}

impl Restoring<'_> {
    /// The passphrase the backup was made with.
    fn ask(&self) -> Result<SecretString> {
        self.secrets
            .read("This backup is encrypted. Its passphrase: ")
    }

    /// Whether an encrypted backup's entries may be written in plain text: `--decrypt`, or a
    /// yes on the terminal.
    fn allow(&self, done: &Restored) -> bool {
        self.options.decrypt || ask_to_decrypt(self.data_dir, done)
    }

    /// The journal's store, when it can be written now.
    fn store(&self) -> Result<Store> {
        let store = Store::open(self.data_dir)?;
        if let Some(why) = store.read_only() {
            bail!(
                "nothing can be restored into {} now: {why}",
                self.data_dir.display()
            );
        }
        Ok(store)
    }

    /// Into the journal there, merged (unlocked first when it is encrypted).
    fn merged_into_journal(&self) -> Result<Restored> {
        let store = self.store()?;
        self.secrets.unlock(store.layout())?;
        let mut allow = |done: &Restored| self.allow(done);
        let mut run = |p: Option<&SecretString>| {
            backup::restore_unpacked(
                &store,
                &self.unpacked,
                self.config_dir,
                self.options.dry_run,
                p,
                &mut allow,
            )
        };
        match run(None) {
            // Encrypted with another key than this journal's: the passphrase it had.
            Err(StoreError::Locked { .. }) => run(Some(&self.ask()?)),
            other => other,
        }
        .map_err(stopped)
    }

    /// Into a new folder: it is made only once the backup is known to restore (its files
    /// read, its passphrase right), and not at all for a dry run.
    fn made_anew(&self) -> Result<Restored> {
        let layout = Layout::new(self.data_dir);
        let mut passphrase = None;
        let opened = match backup::open(&self.unpacked, &layout, None) {
            Err(StoreError::Locked { .. }) => {
                let p = self.ask()?;
                let opened = backup::open(&self.unpacked, &layout, Some(&p))?;
                passphrase = Some(p);
                opened
            }
            other => other?,
        };
        if self.options.dry_run {
            return Ok(backup::preview_into_new(
                self.data_dir,
                &self.unpacked,
                &opened,
                self.config_dir,
            ));
        }
        let store = self.store()?;
        backup::restore_opened(
            &store,
            &self.unpacked,
            &opened,
            self.config_dir,
            false,
            passphrase.as_ref(),
            &mut |done: &Restored| self.allow(done),
        )
        .map_err(stopped)
    }
}

/// A restore stopped by a failed write: what to do about it.
fn stopped(e: StoreError) -> anyhow::Error {
    match e {
        e @ (StoreError::Write { .. } | StoreError::CreateDir { .. }) => anyhow::anyhow!(
            "{e} Restoring stopped there; what it restored before stays. The backup is whole \
             and was left as it is: when that is fixed, run the same command again, and it \
             adds what is missing."
        ),
        e => e.into(),
    }
}

/// Says what the restore into `data_dir` did (with `dry_run`, would do).
fn say(data_dir: &Path, done: &Restored, dry_run: bool, out: &mut impl Write) -> Result<()> {
    let verb = |now: &str, would: &str| {
        if dry_run {
            would.to_owned()
        } else {
            now.to_owned()
        }
    };
    if done.into_empty {
        writeln!(
            out,
            "{} the journal as it was in the backup, into {}:",
            verb("Restored", "Would restore"),
            data_dir.display()
        )?;
    } else {
        writeln!(
            out,
            "{} the backup into the journal in {} (entries by id, field by field, both versions \
             of a text kept where they differ, nothing removed; this journal's settings kept):",
            verb("Merged", "Would merge"),
            data_dir.display()
        )?;
    }
    let count_of = |kind: Change| done.changes.iter().filter(|c| c.change == kind).count();
    writeln!(
        out,
        "  {} added, {} changed in the backup (taken), {} kept in two versions, {} left out \
         (deleted here), {} trash records",
        count_of(Change::Added),
        count_of(Change::Updated),
        count_of(Change::KeptBoth),
        count_of(Change::StaysDeleted),
        done.trash
    )?;
    if done.draft {
        writeln!(
            out,
            "  an unfinished check-in {}",
            verb("put back (the journal offers it)", "would be put back")
        )?;
    }
    if done.settings {
        writeln!(
            out,
            "  settings (state.json) {}",
            verb("put back", "would be put back")
        )?;
    }
    for name in &done.config {
        writeln!(
            out,
            "  {name} {} in the config folder",
            verb("put back", "would be put back")
        )?;
    }
    if done.key {
        writeln!(
            out,
            "  the backup's key {}: the journal is encrypted, and opens with the passphrase the \
             backup was made with",
            verb("came along", "would come along")
        )?;
    }
    if done.decrypts {
        if dry_run {
            writeln!(
                out,
                "  the backup is encrypted and this journal is not: what it adds would be \
                 written in plain text, which needs --decrypt (or a yes when closer asks)"
            )?;
        } else {
            writeln!(
                out,
                "  what it added was written in plain text, as this journal is not encrypted \
                 (--decrypt; the backup file stays encrypted)"
            )?;
        }
    }
    if done.encrypts {
        writeln!(
            out,
            "  the backup is not encrypted; what it adds {} encrypted as this journal is (the \
             backup file itself stays in plain text)",
            verb("was", "would be")
        )?;
    }
    // Every change, as the issue promises: a line each, newest day last.
    if !done.into_empty {
        for c in &done.changes {
            writeln!(out, "  {}", c.describe())?;
        }
    }
    if dry_run {
        writeln!(out, "Nothing was written (--dry-run).")?;
    }
    Ok(())
}
