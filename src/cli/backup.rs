//! `closer backup`, `closer backups` and `closer restore`: archives of the whole journal, the
//! list of them, and putting one back.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use crate::journal::merge::Change;
use crate::journal::vocabulary::count;
use crate::store::backup::{self, Keep, Manifest, Restored};
use crate::store::{Layout, Store, StoreError, crypto};
use age::secrecy::SecretString;

/// Where backups go and how many are kept, from config.toml (or the defaults).
#[derive(Debug, Clone)]
pub struct Settings {
    /// The backup folder.
    pub dir: PathBuf,
    /// Rotation.
    pub keep: Keep,
    /// The config folder, whose own files a backup carries.
    pub config_dir: Option<PathBuf>,
}

fn size(bytes: u64) -> String {
    match bytes {
        0..1_000 => format!("{bytes} B"),
        1_000..1_000_000 => format!("{:.0} kB", bytes as f64 / 1e3),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

fn n(count: usize) -> u64 {
    u64::try_from(count).unwrap_or(u64::MAX)
}

/// What a backup holds, in words: "12 entries on 9 days", "12 entries on 9 days (encrypted)",
/// or for an encrypted journal backed up while locked, its day files and that the entry count
/// needs the passphrase.
fn holds(m: &Manifest) -> String {
    if m.counted {
        let what = format!(
            "{} on {}",
            count(n(m.entries), "entry", "entries"),
            count(n(m.days), "day", "days")
        );
        return if m.encrypted {
            format!("{what} (encrypted)")
        } else {
            what
        };
    }
    format!(
        "{}{} (encrypted: the entry count needs the passphrase)",
        count(n(m.day_files), "day file", "day files"),
        waiting(m)
    )
}

/// " and N entries saved while locked", when there are.
fn waiting(m: &Manifest) -> String {
    if m.inbox == 0 {
        String::new()
    } else {
        format!(
            " and {} saved while locked",
            count(n(m.inbox), "entry", "entries")
        )
    }
}

/// What a backup holds, short, for the list: "12 entries", "12 entries, encrypted", "9 day
/// files, encrypted" (and "+ 2 waiting entries": saved while locked, not yet in their day).
fn holds_short(m: &Manifest) -> String {
    let what = if m.counted {
        count(n(m.entries), "entry", "entries")
    } else {
        let files = count(n(m.day_files), "day file", "day files");
        if m.inbox == 0 {
            files
        } else {
            format!(
                "{files} + {}",
                count(n(m.inbox), "waiting entry", "waiting entries")
            )
        }
    };
    if m.encrypted {
        format!("{what}, encrypted")
    } else {
        what
    }
}

/// Writes a backup of the journal at `data_dir` now (into `to`, else the backup folder). An
/// encrypted journal's entries are counted when a passphrase is given with `--passphrase-fd`
/// (a backup needs none: it copies the encrypted files as they are).
pub fn backup(
    data_dir: &Path,
    settings: &Settings,
    to: Option<&Path>,
    secrets: &super::passphrase::Source,
    out: &mut impl Write,
) -> Result<()> {
    crate::cli::journal_is_there(data_dir)?;
    let layout = Layout::new(data_dir);
    if secrets.fd.is_some()
        && crypto::is_encrypted(&layout)
        && let Err(e) = secrets.unlock(&layout)
    {
        // The backup is worth more than its count.
        eprintln!(
            "closer: note: the journal could not be unlocked ({e:#}), so its entries are not \
             counted; the backup holds them all the same."
        );
    }
    let dir = to.unwrap_or(&settings.dir);
    let written = backup::write(
        &layout,
        settings.config_dir.as_deref(),
        dir,
        chrono::Local::now().fixed_offset(),
        settings.keep,
    )?;
    let bytes = std::fs::metadata(&written.path).map_or(0, |m| m.len());
    writeln!(
        out,
        "Backed up {} into {} ({}).",
        holds(&written.manifest),
        written.path.display(),
        size(bytes)
    )?;
    if !written.manifest.counted {
        writeln!(
            out,
            "  To count its entries, give the passphrase: closer backup --passphrase-fd N"
        )?;
    }
    for r in &written.removed {
        writeln!(out, "Removed an older backup (rotation): {}", r.display())?;
    }
    Ok(())
}

/// Lists the backups in the backup folder, newest first.
pub fn list(settings: &Settings, out: &mut impl Write) -> Result<()> {
    let archives = backup::list(&settings.dir);
    if archives.is_empty() {
        writeln!(
            out,
            "No backups in {} yet. closer writes one on the first save of each day; \
             `closer backup` writes one now.",
            settings.dir.display()
        )?;
        return Ok(());
    }
    writeln!(out, "Backups in {}:", settings.dir.display())?;
    // Each one read whole and checked, as a restore would.
    let checked: Vec<(&backup::Archive, Result<Manifest, StoreError>)> = archives
        .iter()
        .rev()
        .map(|a| (a, backup::manifest_of(&a.path)))
        .collect();
    let described: Vec<String> = checked
        .iter()
        .map(|(_, m)| match m {
            Ok(m) => holds_short(m),
            Err(StoreError::BackupDamaged { .. }) => "damaged".to_owned(),
            Err(StoreError::BackupUnusable { .. }) => "not restorable".to_owned(),
            Err(_) => "cannot be read".to_owned(),
        })
        .collect();
    let rows: Vec<(&backup::Archive, Option<&Manifest>)> =
        checked.iter().map(|(a, m)| (*a, m.as_ref().ok())).collect();
    let width = described
        .iter()
        .map(|d| d.chars().count())
        .max()
        .unwrap_or(0)
        .max(14);
    for ((a, _), what) in rows.iter().zip(&described) {
        writeln!(
            out,
            "  {}  {:>8}  {what:>width$}  {}",
            a.made.format("%Y-%m-%d %H:%M"),
            size(a.bytes),
            a.path.file_name().unwrap_or_default().to_string_lossy()
        )?;
    }
    let mut failed = false;
    for (a, m) in &checked {
        let name = a.path.file_name().unwrap_or_default().to_string_lossy();
        let why = match m {
            Ok(_) => continue,
            Err(
                StoreError::BackupDamaged { reason, .. }
                | StoreError::BackupUnusable { reason, .. },
            ) => reason.clone(),
            Err(e) => e.to_string(),
        };
        failed = true;
        writeln!(out, "{name}: {why}.")?;
    }
    if failed {
        writeln!(
            out,
            "The backups named above cannot be restored (each was left as it is); the others \
             were read to their end and checked. `closer backup` writes a new one now."
        )?;
    }
    if rows.iter().any(|(_, m)| m.is_some_and(|m| !m.counted)) {
        writeln!(
            out,
            "An encrypted backup made while the journal was locked lists its day files: its \
             entries are in it, but counting them needs the passphrase (closer backup \
             --passphrase-fd N counts them)."
        )?;
    }
    writeln!(
        out,
        "Kept: the last {} days, {} weeks and {} months that have one.",
        settings.keep.daily, settings.keep.weekly, settings.keep.monthly
    )?;
    Ok(())
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
    secrets: &super::passphrase::Source,
    out: &mut impl Write,
) -> Result<()> {
    let RestoreOptions { dry_run, decrypt } = options;
    if !archive.is_file() {
        bail!(
            "{} is not a file. `closer backups` lists the backups and where they are.",
            archive.display()
        );
    }
    // The whole archive is read and checked first, in memory: a damaged one is refused before
    // anything is created or written.
    let unpacked = backup::read_archive(archive)?;
    let config_dir = settings.config_dir.as_deref();
    let ask = || secrets.read("This backup is encrypted. Its passphrase: ");
    let stopped = |e: StoreError| match e {
        e @ (StoreError::Write { .. } | StoreError::CreateDir { .. }) => anyhow::anyhow!(
            "{e} Restoring stopped there; what it restored before stays. The backup is whole \
             and was left as it is: when that is fixed, run the same command again, and it \
             adds what is missing."
        ),
        e => e.into(),
    };
    let mut allow = |done: &Restored| decrypt || ask_to_decrypt(data_dir, done);
    let done = if data_dir.exists() {
        let store = Store::open(data_dir)?;
        if let Some(why) = store.read_only() {
            bail!(
                "nothing can be restored into {} now: {why}",
                data_dir.display()
            );
        }
        secrets.unlock(store.layout())?;
        let mut run = |p: Option<&SecretString>| {
            backup::restore_unpacked(&store, &unpacked, config_dir, dry_run, p, &mut allow)
        };
        match run(None) {
            // Encrypted with another key than this journal's: the passphrase it had.
            Err(StoreError::Locked { .. }) => run(Some(&ask()?)),
            other => other,
        }
        .map_err(stopped)?
    } else {
        // Into a new folder: it is made only once the backup is known to restore (its files
        // read, its passphrase right), and not at all for a dry run.
        let layout = Layout::new(data_dir);
        let mut passphrase = None;
        let opened = match backup::open(&unpacked, &layout, None) {
            Err(StoreError::Locked { .. }) => {
                let p = ask()?;
                let opened = backup::open(&unpacked, &layout, Some(&p))?;
                passphrase = Some(p);
                opened
            }
            other => other?,
        };
        if dry_run {
            backup::preview_into_new(data_dir, &unpacked, &opened, config_dir)
        } else {
            let store = Store::open(data_dir)?;
            if let Some(why) = store.read_only() {
                bail!(
                    "nothing can be restored into {} now: {why}",
                    data_dir.display()
                );
            }
            backup::restore_opened(
                &store,
                &unpacked,
                &opened,
                config_dir,
                false,
                passphrase.as_ref(),
                &mut allow,
            )
            .map_err(stopped)?
        }
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
