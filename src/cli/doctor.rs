//! `closer doctor`: reads every file of the journal and reports each problem with its path and
//! what to do. Changes nothing — not even creating the data folder.

use crate::journal::vocabulary::count;
use std::io::Write;
use std::path::Path;

use anyhow::Result;

use crate::store::{self, Layout, Severity};

/// Prints the report to `out`; returns whether the journal is healthy (notes allowed).
pub fn run(data_dir: &Path, out: &mut impl Write) -> Result<bool> {
    let scan = store::scan(&Layout::new(data_dir));
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
    let entries = scan.entries.len();
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
