//! `closer doctor`: reads every file of the journal and reports each problem with its path and
//! what to do. Changes nothing — not even creating the data folder — unless asked to merge the
//! conflict copies a file-sync tool made (`--merge-conflicts`).

use crate::journal::vocabulary::count;
use std::io::Write;
use std::path::Path;

use anyhow::Result;

use crate::store::{self, Layout, Severity};

/// Prints the report to `out`; returns whether the journal is healthy (notes allowed).
pub fn run(data_dir: &Path, out: &mut impl Write) -> Result<bool> {
    // Every file is read and checked, but the entries are not kept: memory stays small on
    // any journal.
    let scan = store::check(&Layout::new(data_dir));
    writeln!(out, "Checking the journal in {}", data_dir.display())?;
    if !scan.exists {
        writeln!(
            out,
            "There is no journal there yet, so there is nothing to check."
        )?;
        return Ok(true);
    }
    let mut problems = scan.problems.clone();
    problems.sort_by(|a, b| a.path.cmp(&b.path).then(b.severity().cmp(&a.severity())));
    let mut needs_a_look = 0;
    for (i, problem) in problems.iter().enumerate() {
        let first_of_file = i == 0 || problems[i - 1].path != problem.path;
        if first_of_file {
            // The file's worst problem comes first (sorted above), so it sets the mark.
            let mark = match problem.severity() {
                Severity::Error => "✗",
                Severity::Warning => "!",
                Severity::Note => "·",
            };
            writeln!(out)?;
            writeln!(out, "{mark} {}", problem.path.display())?;
        }
        if problem.severity() >= Severity::Warning {
            needs_a_look += 1;
        }
        writeln!(out, "  {}.", problem.reason())?;
        writeln!(out, "  {}", problem.advice())?;
    }
    writeln!(out)?;
    let entries = scan.entry_count;
    let files = scan.day_files;
    writeln!(
        out,
        "{} read from {}.",
        count(entries as u64, "entry", "entries"),
        count(files as u64, "day file", "day files")
    )?;
    if needs_a_look == 0 {
        writeln!(out, "All is well.")?;
    } else {
        writeln!(
            out,
            "{} a look. closer left every file as it was.",
            count(needs_a_look as u64, "problem needs", "problems need")
        )?;
    }
    Ok(needs_a_look == 0)
}

/// Merges the file-sync conflict copies of day files into their days, saying what each did.
pub fn merge_conflicts(data_dir: &Path, out: &mut impl Write) -> Result<()> {
    crate::cli::journal_is_there(data_dir)?;
    let store = store::Store::open(data_dir)?;
    if let Some(why) = store.read_only() {
        anyhow::bail!("nothing can be merged now: {why}");
    }
    let merged = store.merge_conflict_copies()?;
    if merged.is_empty() {
        writeln!(out, "No conflict copies to merge.")?;
        return Ok(());
    }
    for (path, day, result) in merged {
        match result {
            Ok(changes) => {
                let n = |k: crate::journal::merge::Change| {
                    changes.iter().filter(|c| c.change == k).count()
                };
                writeln!(
                    out,
                    "Merged {} into {day}: {} added, {} updated to a newer version, {} left out (deleted here). The copy is kept in the trash.",
                    path.display(),
                    n(crate::journal::merge::Change::Added),
                    n(crate::journal::merge::Change::Updated),
                    n(crate::journal::merge::Change::StaysDeleted)
                )?;
                for c in changes {
                    writeln!(out, "  {} {}: {}", c.date, c.id, c.change.label())?;
                }
            }
            Err(e) => writeln!(out, "Left {} as it is: {e}", path.display())?,
        }
    }
    Ok(())
}
