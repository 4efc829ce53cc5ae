//! `closer backup`: an archive of the whole journal, now; and where backups go and how many
//! are kept, for `closer backups` and `closer restore` too.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;

use super::Ctx;
use crate::journal::vocabulary::count;
use crate::store::backup::{self, Keep, Manifest};
use crate::store::{Layout, crypto};

/// Write a backup of the whole journal now: entries, trash, settings and your own files.
///
/// closer also writes one by itself on the first save of each day, and keeps the last 7
/// daily, 4 weekly and 12 monthly (backup_keep in config.toml). They go into the
/// closer-backups folder beside the data folder unless config.toml's backup_dir (or --to)
/// names another, ideally on another disk. Each is one .tar.gz file any unpacking tool
/// opens; none replaces another, even two made in the same second.
///
/// An encrypted journal's backup holds its files encrypted, and needs no passphrase. It
/// counts the entries only when the passphrase is given (--passphrase-fd); otherwise it
/// says how many day files it holds.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  closer backup\n  closer backup --to /media/usb/closer-backups\n  pass show closer | closer backup --passphrase-fd 0   # its entries counted"
)]
pub struct Args {
    /// Write it into this folder instead
    #[arg(long, value_name = "DIR")]
    to: Option<PathBuf>,
}

impl Args {
    /// Writes the backup, and says what it holds and where it is.
    ///
    /// # Errors
    /// As [`backup`].
    pub fn run(self, ctx: &Ctx) -> Result<ExitCode> {
        if self
            .to
            .as_deref()
            .is_some_and(|to| super::outfile::named_file(to).is_none())
        {
            anyhow::bail!(
                "--to takes a folder, and \"-\" is not one: a backup is a file closer writes into \
                 a folder and rotates there. Run closer backup, then copy the file it names \
                 (or give --to ./- for a folder called -)."
            );
        }
        let data_dir = ctx.data_dir()?;
        let settings = Settings::of(ctx)?;
        ctx.printed(|out| backup(data_dir, &settings, self.to.as_deref(), ctx.secrets(), out))?;
        Ok(ExitCode::SUCCESS)
    }
}

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

impl Settings {
    /// config.toml's `backup_dir` and `backup_keep`, else `closer-backups` beside the data
    /// folder and 7 daily, 4 weekly, 12 monthly.
    ///
    /// # Errors
    /// As [`Ctx::data_dir`].
    pub fn of(ctx: &Ctx) -> Result<Settings> {
        let (data_dir, config) = (ctx.data_dir()?, ctx.config());
        Ok(Settings {
            dir: config
                .backup_dir
                .clone()
                .unwrap_or_else(|| crate::store::backup::default_dir(data_dir)),
            keep: config.backup_keep.unwrap_or_default(),
            config_dir: ctx.config_dir(),
        })
    }
}

/// A size in bytes, in words ("12 kB").
pub(super) fn size(bytes: u64) -> String {
    match bytes {
        0..1_000 => format!("{bytes} B"),
        1_000..1_000_000 => format!("{:.0} kB", bytes as f64 / 1e3),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

/// A count, for [`count`].
pub(super) fn n(count: usize) -> u64 {
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

/// Writes a backup of the journal at `data_dir` now (into `to`, else the backup folder). An
/// encrypted journal's entries are counted when a passphrase is given with `--passphrase-fd`
/// (a backup needs none: it copies the encrypted files as they are).
pub fn backup(
    data_dir: &Path,
    settings: &Settings,
    to: Option<&Path>,
    secrets: &super::secrets::Source,
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
        crate::clock::now(),
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
