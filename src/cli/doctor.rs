//! `closer doctor`: reads every file of the journal and reports each problem with its path and
//! what to do. Changes nothing — not even creating the data folder.

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
    let mut needs_a_look = 0;
    for problem in &scan.problems {
        let mark = match problem.severity() {
            Severity::Error => "✗",
            Severity::Warning => "!",
            Severity::Note => "·",
        };
        if problem.severity() >= Severity::Warning {
            needs_a_look += 1;
        }
        writeln!(out)?;
        writeln!(out, "{mark} {}", problem.path.display())?;
        writeln!(out, "  {}.", capitalise(&problem.reason()))?;
        writeln!(out, "  {}", problem.advice())?;
    }
    writeln!(out)?;
    let entries = scan.entries.len();
    let files = scan.day_files;
    writeln!(
        out,
        "{entries} {} read from {files} day {}.",
        plural(entries, "entry", "entries"),
        plural(files, "file", "files")
    )?;
    if needs_a_look == 0 {
        writeln!(out, "All is well.")?;
    } else {
        writeln!(
            out,
            "{needs_a_look} {} a look. closer left every file as it was.",
            plural(needs_a_look, "problem needs", "problems need")
        )?;
    }
    Ok(needs_a_look == 0)
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
