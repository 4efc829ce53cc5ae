//! `closer import FILE`: entries from closer's own export, from jrnl, or from tui-journal;
//! `closer import -` reads them from standard input. The whole file is read and checked
//! before anything is written; entries already in the journal (same id) are left out, so
//! importing a file twice adds nothing the second time.

use crate::journal::vocabulary::count;
use std::collections::HashSet;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use chrono::{FixedOffset, Local, NaiveDateTime, Offset, TimeZone};

use super::outfile;
use crate::journal::Entry;
use crate::journal::transfer::{self, ImportError};
use crate::store::{Layout, Store};

/// The local offset at a local time (for jrnl's times, which carry none).
fn local_offset(naive: NaiveDateTime) -> FixedOffset {
    Local
        .from_local_datetime(&naive)
        .earliest()
        .map_or_else(|| Local::now().offset().fix(), |t| t.offset().fix())
}

/// Import entries from closer's own JSON export, jrnl (jrnl --export json) or tui-journal.
///
/// The file is read and checked whole before anything is written. Entries already in the
/// journal are left out, so importing the same file twice adds nothing the second time.
/// From jrnl and tui-journal, a title and body become the notes and tags stay tags.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  closer import backup.json\n  jrnl --export json > jrnl.json && closer import jrnl.json --dry-run\n  jrnl --export json | closer import -"
)]
pub struct Args {
    /// The file to import ("-" is standard input)
    file: std::path::PathBuf,
    /// Only say what would be added
    #[arg(long)]
    dry_run: bool,
}

impl Args {
    /// Imports the file.
    ///
    /// # Errors
    /// As [`run`]; the journal cannot be unlocked.
    pub fn run(self, ctx: &super::Ctx) -> Result<std::process::ExitCode> {
        // Read first: standard input is taken whole before a passphrase is asked for (a
        // passphrase command shares standard input, and must not take the entries).
        if outfile::named_file(&self.file).is_none() && ctx.secrets().fd == Some(0) {
            bail!(
                "`closer import -` reads the entries from standard input, so the passphrase \
                 cannot come from it too (--passphrase-fd 0): give it on another descriptor, \
                 as --passphrase-fd 3 3< file."
            );
        }
        let bytes = read(&self.file)?;
        ctx.unlock()?;
        ctx.printed(|out| import(ctx.data_dir()?, &self.file, bytes, self.dry_run, out))?;
        Ok(std::process::ExitCode::SUCCESS)
    }
}

/// The bytes of `file` (`-`: standard input), read whole.
fn read(file: &Path) -> Result<Vec<u8>> {
    outfile::read_input(file, crate::files::IMPORT_CAP).map_err(|e| {
        anyhow::anyhow!(
            "cannot read {}: {e}. Nothing was imported.",
            outfile::shown(file)
        )
    })
}

/// Imports `file` (`-`: standard input) into the journal at `data_dir`; with `dry_run`, only
/// says what it would add.
///
/// # Errors
/// The file cannot be read, is not valid (nothing is imported), or the journal cannot be
/// written.
pub fn run(data_dir: &Path, file: &Path, dry_run: bool, out: &mut impl Write) -> Result<()> {
    import(data_dir, file, read(file)?, dry_run, out)
}

/// Imports `bytes`, read from `file`, into the journal at `data_dir`; with `dry_run`, only
/// says what it would add.
fn import(
    data_dir: &Path,
    file: &Path,
    bytes: Vec<u8>,
    dry_run: bool,
    out: &mut impl Write,
) -> Result<()> {
    let name = outfile::shown(file);
    let (source, mut entries, changes) =
        transfer::read_noting(&bytes, &local_offset).map_err(|e| match e {
            ImportError::At { .. } => {
                anyhow::anyhow!("{name} is not valid: {e}. Nothing was imported.")
            }
            ImportError::Unknown(why) => {
                anyhow::anyhow!("{name}: {why}. Nothing was imported.")
            }
        })?;
    // The file's bytes are not needed once read, and its entries keep no spare room (see
    // `Entry::shrink_to_fit`): an import holds the file's entries, not also the file.
    drop(bytes);
    entries.iter_mut().for_each(Entry::shrink_to_fit);
    // Dates the journal cannot hold are refused at the door, before anything is written.
    let outside: Vec<_> = entries.iter().filter(|e| !Layout::holds(e.date)).collect();
    if let Some(first) = outside.first() {
        bail!(
            "{} in {} {} dates closer cannot keep (it keeps the years 0 to 9999); the first is \
             {}. Nothing was imported.",
            count(outside.len() as u64, "entry", "entries"),
            name,
            if outside.len() == 1 { "has" } else { "have" },
            first.date
        );
    }
    // The ids already there, read from the days this file touches only: adding a few entries
    // to a large journal does not read all of it.
    let days: std::collections::BTreeSet<_> = entries.iter().map(|e| e.date).collect();
    let existing: HashSet<String> = Store::ids_on_days(&Layout::new(data_dir), days)
        .map_err(|e| anyhow::anyhow!("{e}. Nothing was imported."))?;
    let total = entries.len();
    let (fresh, present) = transfer::new_ones(entries, &existing);
    // Counted from the dates: a copy of every entry to count them took as much memory again.
    let days = fresh
        .iter()
        .map(|e| e.date)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let plural = |n: usize, one: &str, many: &str| count(n as u64, one, many);
    let summary = format!(
        "{} in this {}: {} to add on {}, {} already in the journal.",
        plural(total, "entry", "entries"),
        source.name(),
        plural(fresh.len(), "entry", "entries"),
        plural(days, "day", "days"),
        present
    );
    let mut summary = summary;
    for line in changes.lines() {
        summary.push('\n');
        summary.push_str(&line);
    }
    if dry_run {
        writeln!(out, "{summary}")?;
        writeln!(out, "Nothing was written (--dry-run).")?;
        return Ok(());
    }
    if fresh.is_empty() {
        writeln!(out, "{summary}")?;
        writeln!(out, "Nothing to add.")?;
        return Ok(());
    }
    let store = Store::open(data_dir)
        .with_context(|| format!("opening the journal in {}", data_dir.display()))?;
    if let Some(why) = store.read_only() {
        bail!("nothing was imported: this journal is open read-only ({why})");
    }
    writeln!(out, "{summary}")?;
    match store.add_entries_with(fresh, progress_bar(Instant::now(), "days written")) {
        Ok(added) => {
            writeln!(out, "Added {}.", plural(added, "entry", "entries"))?;
            Ok(())
        }
        Err(p) if p.entries == 0 => bail!("nothing was imported: {}", p.error),
        Err(p) => bail!(
            "the import stopped part way: {} on {} were added, then {} Run the same import \
             again once that is fixed: it adds the rest, and nothing twice.",
            plural(p.entries, "entry", "entries"),
            plural(p.days, "day", "days"),
            p.error
        ),
    }
}

/// A progress bar on standard error for an import that takes more than a second, quiet when
/// standard error is not a terminal (indicatif hides itself there). `started`: when the work
/// began. Returns the callback `Store::add_entries_with` takes.
pub(crate) fn progress_bar(started: Instant, what: &'static str) -> impl FnMut(usize, usize) {
    let mut bar: Option<indicatif::ProgressBar> = None;
    move |done, total| {
        if bar.is_none() && started.elapsed() >= Duration::from_secs(1) && done < total {
            let b = indicatif::ProgressBar::new(total as u64);
            b.set_style(
                indicatif::ProgressStyle::with_template(&format!(
                    "{{bar:40}} {{pos}}/{{len}} {what}"
                ))
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar = Some(b);
        }
        if let Some(b) = &bar {
            b.set_position(done as u64);
            if done >= total {
                b.finish_and_clear();
            }
        }
    }
}
