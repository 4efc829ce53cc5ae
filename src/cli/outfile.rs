//! What the commands that read a window of days and write a file share: `--from` and `--to`
//! (as people say dates, in order), an existing file left alone without `--force`, a path
//! taken from the current folder, and `-` for standard input or output (`export -o -`,
//! `report -o -`, `import -`), as Unix commands take it.

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use chrono::NaiveDate;

use crate::journal::day_words::{self, DayError};

/// The days a summary covers (`closer stats`, `closer report`).
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct Window {
    /// First day: 2026-11-30, yesterday, last monday, 3 days ago; a month (2026-11) from
    /// its first day [default: the journal's first day]
    #[arg(long, value_name = "DATE", value_parser = from_day)]
    pub from: Option<NaiveDate>,
    /// Last day, in the same words; a month (2026-11) to its last day, or today
    /// [default: today]
    #[arg(long, value_name = "DATE", value_parser = to_day)]
    pub to: Option<NaiveDate>,
}

/// `--from` as typed (`yesterday`, `2026-11`…), against today: see
/// [`day_words::first_day`].
///
/// # Errors
/// What was not understood, with examples; a day after today.
pub fn from_day(text: &str) -> Result<NaiveDate, DayError> {
    day_words::first_day(text, crate::clock::today())
}

/// `--to` as typed, against today: see [`day_words::last_day`].
///
/// # Errors
/// What was not understood, with examples.
pub fn to_day(text: &str) -> Result<NaiveDate, DayError> {
    day_words::last_day(text, crate::clock::today())
}

/// One day that has come (`closer checkin --date`), against today: see
/// [`day_words::past_day`].
///
/// # Errors
/// What was not understood, with examples; a month or a year; a day after today.
pub fn past_day(text: &str) -> Result<NaiveDate, DayError> {
    day_words::past_day(text, crate::clock::today())
}

/// Fails when `--from` is after `--to`.
///
/// # Errors
/// `from` after `to`.
pub fn dates_in_order(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<()> {
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        bail!("--from {f} is after --to {t}: give the earlier date first");
    }
    Ok(())
}

/// Fails when something is at `path` and `force` is not given. Anything at the path counts, a
/// link that points to nothing too; even with --force, only a regular file (or a link to one)
/// is replaced (see `store::atomic::write_target`).
///
/// # Errors
/// Something is at `path`, and no `force`.
pub fn not_there_unless(force: bool, path: &Path) -> Result<()> {
    if std::fs::symlink_metadata(path).is_ok() && !force {
        bail!(
            "{} already exists; closer does not overwrite it. Choose another name, or add --force to replace it.",
            path.display()
        );
    }
    Ok(())
}

/// `path`, from the current folder when it is relative.
///
/// # Errors
/// The current folder cannot be found.
pub fn absolute(path: &Path) -> std::io::Result<PathBuf> {
    Ok(if path.is_absolute() {
        path.to_owned()
    } else {
        std::env::current_dir()?.join(path)
    })
}

/// The name that means standard input or output in place of a file.
pub const STANDARD: &str = "-";

/// The file `path` names, or `None` when it is `-` (standard output or input). A file called
/// `-` is still reached as `./-`.
pub fn named_file(path: &Path) -> Option<&Path> {
    (path != Path::new(STANDARD)).then_some(path)
}

/// `path` as a message names it: "standard input" for `-`, else the path.
pub fn shown(path: &Path) -> String {
    match named_file(path) {
        Some(p) => p.display().to_string(),
        None => "standard input".to_owned(),
    }
}

/// Reads what `path` names, whole, to at most `cap` bytes: standard input for `-` (said on
/// standard error first when it is a terminal, so a waiting closer is not taken for a hung
/// one), else the file as [`crate::files::read_named`] reads it (a regular file or a pipe).
///
/// # Errors
/// The file or standard input cannot be read, or holds more than `cap` bytes.
pub fn read_input(path: &Path, cap: u64) -> std::io::Result<Vec<u8>> {
    if named_file(path).is_some() {
        return crate::files::read_named(path, cap);
    }
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprintln!("closer: reading standard input; end it with Ctrl-D.");
    }
    let mut bytes = Vec::new();
    stdin.lock().take(cap + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap {
        return Err(std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            format!("it holds more than the {} MB closer reads", cap / 1_000_000),
        ));
    }
    Ok(bytes)
}
