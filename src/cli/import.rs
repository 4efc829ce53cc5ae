//! `closer import FILE`: entries from closer's own export, from jrnl, or from tui-journal;
//! `closer import -` reads them from standard input. The whole file is read and checked
//! before anything is written; entries already in the journal (same id) are left out, so
//! importing a file twice adds nothing the second time.

use crate::journal::vocabulary::count;
use std::collections::{BTreeSet, HashSet};
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use chrono::{FixedOffset, Local, NaiveDate, NaiveDateTime, Offset, TimeZone};

use super::outfile;
use crate::journal::transfer::{self, ImportError};
use crate::journal::{Entry, EntryId};
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
///
/// The file is read twice, its entries one at a time: the first time to check all of it and
/// keep each entry's day and id only (what is new, and which days it goes to), the second to
/// write the new entries a window of days at a time. Nothing is written unless the whole file
/// is valid and every day it writes to can be written; the file and a window of its entries
/// are held, never all its entries at once.
fn import(
    data_dir: &Path,
    file: &Path,
    bytes: Vec<u8>,
    dry_run: bool,
    out: &mut impl Write,
) -> Result<()> {
    let name = outfile::shown(file);
    let Checked {
        source,
        changes,
        fresh,
        fresh_days,
        total,
    } = check(data_dir, &name, &bytes)?;
    let adding = fresh.iter().filter(|new| **new).count();
    let plural = |n: usize, one: &str, many: &str| count(n as u64, one, many);
    let mut summary = format!(
        "{} in this {}: {} to add on {}, {} already in the journal.",
        plural(total, "entry", "entries"),
        source.name(),
        plural(adding, "entry", "entries"),
        plural(fresh_days.len(), "day", "days"),
        total - adding
    );
    for line in changes.lines() {
        summary.push('\n');
        summary.push_str(&line);
    }
    if dry_run {
        writeln!(out, "{summary}")?;
        writeln!(out, "Nothing was written (--dry-run).")?;
        return Ok(());
    }
    if adding == 0 {
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
    // Every day written to is read first, as one batch of them all would: a day whose file
    // cannot be read stops the import before anything is written.
    store
        .check_writable()
        .and_then(|()| store.check_days_writable(fresh_days.iter().copied()))
        .map_err(|e| anyhow::anyhow!("nothing was imported: {e}"))?;
    let mut windows = Windows {
        store: &store,
        window: Vec::new(),
        days: BTreeSet::new(),
        total_days: fresh_days.len(),
        written: Partial {
            entries: 0,
            days: 0,
            error: None,
        },
        progress: progress_bar(Instant::now(), "days written"),
    };
    let mut next = fresh.iter();
    let again = transfer::read_each(&bytes, &local_offset, &mut |e| {
        if next.next() == Some(&true) {
            windows.push(e);
        }
    });
    windows.write();
    let Partial {
        entries: added,
        days: added_days,
        error,
    } = windows.written;
    let error = match (again, error) {
        (_, Some(e)) => e.to_string(),
        // The same bytes read a second time: as valid as the first time.
        (Err(e), None) => refused(&name, e).to_string(),
        (Ok(_), None) => {
            writeln!(out, "Added {}.", plural(added, "entry", "entries"))?;
            return Ok(());
        }
    };
    if added == 0 {
        bail!("nothing was imported: {error}");
    }
    bail!(
        "the import stopped part way: {} on {} were added, then {error} Run the same import \
         again once that is fixed: it adds the rest, and nothing twice.",
        plural(added, "entry", "entries"),
        plural(added_days, "day", "days"),
    )
}

/// Why a file is refused, in words.
fn refused(name: &str, e: ImportError) -> anyhow::Error {
    match e {
        ImportError::At { .. } => {
            anyhow::anyhow!("{name} is not valid: {e}. Nothing was imported.")
        }
        ImportError::Unknown(why) => anyhow::anyhow!("{name}: {why}. Nothing was imported."),
    }
}

/// What the first reading of an import file found: which program wrote it, what changes on
/// the way in, which of its entries (in the file's order) are new, and on which days.
struct Checked {
    source: transfer::Source,
    changes: transfer::Changes,
    fresh: Vec<bool>,
    fresh_days: BTreeSet<NaiveDate>,
    total: usize,
}

/// Reads the import file's `bytes` (`name` for messages) a first time, checking all of it
/// and keeping each entry's day and id only, and finds which of its entries are new to the
/// journal at `data_dir`.
fn check(data_dir: &Path, name: &str, bytes: &[u8]) -> Result<Checked> {
    let mut keys: Vec<(NaiveDate, EntryId)> = Vec::new();
    let (source, changes) =
        transfer::read_each(bytes, &local_offset, &mut |e| keys.push((e.date, e.id)))
            .map_err(|e| refused(name, e))?;
    // Dates the journal cannot hold are refused at the door, before anything is written.
    let outside: Vec<NaiveDate> = keys
        .iter()
        .map(|k| k.0)
        .filter(|d| !Layout::holds(*d))
        .collect();
    if let Some(first) = outside.first() {
        bail!(
            "{} in {} {} dates closer cannot keep (it keeps the years 0 to 9999); the first is \
             {}. Nothing was imported.",
            count(outside.len() as u64, "entry", "entries"),
            name,
            if outside.len() == 1 { "has" } else { "have" },
            first
        );
    }
    // The ids already there, read from the days this file touches only: adding a few entries
    // to a large journal does not read all of it.
    let days: BTreeSet<NaiveDate> = keys.iter().map(|k| k.0).collect();
    let existing: HashSet<String> = Store::ids_on_days(&Layout::new(data_dir), days)
        .map_err(|e| anyhow::anyhow!("{e}. Nothing was imported."))?;
    // New: not in the journal, and the first in the file with its id (as `transfer::new_ones`).
    let mut seen = HashSet::new();
    let fresh: Vec<bool> = keys
        .iter()
        .map(|(_, id)| !existing.contains(id.as_str()) && seen.insert(id.as_str()))
        .collect();
    let fresh_days = keys
        .iter()
        .zip(&fresh)
        .filter(|(_, new)| **new)
        .map(|(k, _)| k.0)
        .collect();
    Ok(Checked {
        source,
        changes,
        fresh,
        fresh_days,
        total: keys.len(),
    })
}

/// How many days of new entries an import holds before writing them.
const WINDOW_DAYS: usize = 1024;

/// What an import has written so far, and why it stopped if it did.
struct Partial {
    entries: usize,
    days: usize,
    error: Option<crate::store::StoreError>,
}

/// New entries gathered in the file's order and written [`WINDOW_DAYS`] days at a time
/// through `Store::add_entries_with`, until one write fails.
struct Windows<'s, P: FnMut(usize, usize)> {
    store: &'s Store,
    window: Vec<Entry>,
    days: BTreeSet<NaiveDate>,
    total_days: usize,
    written: Partial,
    progress: P,
}

impl<P: FnMut(usize, usize)> Windows<'_, P> {
    fn push(&mut self, e: Entry) {
        if self.written.error.is_some() {
            return;
        }
        if !self.days.contains(&e.date) && self.days.len() >= WINDOW_DAYS {
            self.write();
        }
        self.days.insert(e.date);
        self.window.push(e);
    }

    fn write(&mut self) {
        let entries = std::mem::take(&mut self.window);
        let days = std::mem::take(&mut self.days).len();
        if entries.is_empty() || self.written.error.is_some() {
            return;
        }
        let (before, total) = (self.written.days, self.total_days);
        let progress = &mut self.progress;
        let report = |done: usize, _: usize| progress((before + done).min(total), total);
        match self.store.add_entries_with(entries, report) {
            Ok(added) => {
                self.written.entries += added;
                self.written.days += days;
            }
            Err(p) => {
                self.written.entries += p.entries;
                self.written.days += p.days;
                self.written.error = Some(p.error);
            }
        }
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
