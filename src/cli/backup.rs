//! `closer backup`, `closer backups` and `closer restore`: archives of the whole journal, the
//! list of them, and putting one back.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use crate::journal::merge::Change;
use crate::store::backup::{self, Keep};
use crate::store::{Layout, Store};

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

/// Writes a backup of the journal at `data_dir` now (into `to`, else the backup folder).
pub fn backup(
    data_dir: &Path,
    settings: &Settings,
    to: Option<&Path>,
    out: &mut impl Write,
) -> Result<()> {
    crate::cli::journal_is_there(data_dir)?;
    let dir = to.unwrap_or(&settings.dir);
    let written = backup::write(
        &Layout::new(data_dir),
        settings.config_dir.as_deref(),
        dir,
        chrono::Local::now().fixed_offset(),
        settings.keep,
    )?;
    let bytes = std::fs::metadata(&written.path).map_or(0, |m| m.len());
    writeln!(
        out,
        "Backed up {} on {} into {} ({}).",
        crate::journal::vocabulary::count(
            u32::try_from(written.manifest.entries).unwrap_or(u32::MAX),
            "entry",
            "entries"
        ),
        crate::journal::vocabulary::count(
            u32::try_from(written.manifest.days).unwrap_or(u32::MAX),
            "day",
            "days"
        ),
        written.path.display(),
        size(bytes)
    )?;
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
    for a in archives.iter().rev() {
        let entries = backup::manifest_of(&a.path).map_or_else(
            |_| "cannot be read".to_owned(),
            |m| {
                crate::journal::vocabulary::count(
                    u32::try_from(m.entries).unwrap_or(u32::MAX),
                    "entry",
                    "entries",
                )
            },
        );
        writeln!(
            out,
            "  {}  {:>8}  {entries:>14}  {}",
            a.made.format("%Y-%m-%d %H:%M"),
            size(a.bytes),
            a.path.file_name().unwrap_or_default().to_string_lossy()
        )?;
    }
    writeln!(
        out,
        "Kept: the last {} days, {} weeks and {} months that have one.",
        settings.keep.daily, settings.keep.weekly, settings.keep.monthly
    )?;
    Ok(())
}

/// Restores `archive` into the journal at `data_dir` (made if missing); with `dry_run` only
/// says what would change.
pub fn restore(
    data_dir: &Path,
    settings: &Settings,
    archive: &Path,
    dry_run: bool,
    secrets: &super::passphrase::Source,
    out: &mut impl Write,
) -> Result<()> {
    if !archive.is_file() {
        bail!(
            "{} is not a file. `closer backups` lists the backups and where they are.",
            archive.display()
        );
    }
    let store = Store::open(data_dir)?;
    if let Some(why) = store.read_only() {
        bail!(
            "nothing can be restored into {} now: {why}",
            data_dir.display()
        );
    }
    secrets.unlock(store.layout())?;
    let config_dir = settings.config_dir.as_deref();
    let done = match backup::restore(&store, archive, config_dir, dry_run, None) {
        Err(crate::store::StoreError::Locked { .. }) => {
            // Encrypted with another key than this journal's: the passphrase it had.
            let p = secrets.read("This backup is encrypted. Its passphrase: ")?;
            backup::restore(&store, archive, config_dir, dry_run, Some(&p))?
        }
        other => other?,
    };
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
            "{} the backup into the journal in {} (entries by id, the newer version kept, \
             nothing removed; this journal's settings kept):",
            verb("Merged", "Would merge"),
            data_dir.display()
        )?;
    }
    let count_of = |kind: Change| done.changes.iter().filter(|c| c.change == kind).count();
    writeln!(
        out,
        "  {} added, {} updated to a newer version, {} left out (deleted here), {} trash records",
        count_of(Change::Added),
        count_of(Change::Updated),
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
    // Every change, as the issue promises: a line each, newest day last.
    if !done.into_empty {
        for c in &done.changes {
            writeln!(out, "  {} {}: {}", c.date, c.id, c.change.label())?;
        }
    }
    if dry_run {
        writeln!(out, "Nothing was written (--dry-run).")?;
    }
    Ok(())
}
