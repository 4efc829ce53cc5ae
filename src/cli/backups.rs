//! `closer backups`: the backups in the backup folder, each read to its end and checked.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use super::Ctx;
use super::backup::{Settings, n, size};
use crate::journal::vocabulary::count;
use crate::store::StoreError;
use crate::store::backup::{self, Manifest};

/// List the backups: when, how big, how many entries; each one read to its end and checked.
///
/// A backup whose gzip checksum or the SHA-256 of a file in it (listed in its manifest)
/// does not match is marked "damaged", with what is wrong. An encrypted backup made without
/// the passphrase lists its day files instead: its entries are in it, but counting them
/// needs the passphrase.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  closer backups")]
pub struct Args {}

impl Args {
    /// Lists the backups.
    ///
    /// # Errors
    /// A failed write.
    pub fn run(self, ctx: &Ctx) -> Result<ExitCode> {
        let settings = Settings::of(ctx)?;
        ctx.printed(|out| list(&settings, out))?;
        Ok(ExitCode::SUCCESS)
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
