//! `closer doctor`: reads every file of the journal and reports each problem with its path and
//! what to do. Changes nothing — not even creating the data folder — unless asked to merge the
//! conflict copies a file-sync tool made (`--merge-conflicts`).

use crate::journal::vocabulary::count;
use std::io::Write;
use std::path::Path;

use anyhow::Result;

use crate::store::{self, Layout, Severity};

/// Where the person's settings are: the settings file, and the config folder that holds
/// their own prompts and strategies.
#[derive(Debug, Clone, Default)]
pub struct Settings<'a> {
    /// `config.toml` (or the file given with `--config`).
    pub file: Option<&'a Path>,
    /// The folder of `prompts.toml` and `strategies.toml`.
    pub dir: Option<&'a Path>,
}

/// One mistake in a settings file: the file, and what is wrong (with its line, if known).
struct Mistake {
    /// In the settings file (`config.toml` or `--config`), not the person's content.
    settings: bool,
    file: String,
    line: Option<usize>,
    message: String,
}

/// Every mistake in the settings files, in the order closer reads them: config.toml, then
/// the person's strategies and prompts. A file that is not there is no mistake.
fn mistakes(settings: &Settings<'_>) -> Vec<Mistake> {
    let mut found = Vec::new();
    if let Some(file) = settings.file {
        found.extend(crate::config::load(file).1.into_iter().map(|e| Mistake {
            settings: true,
            file: e.path.display().to_string(),
            line: e.line,
            message: e.message,
        }));
    }
    if let Some(dir) = settings.dir {
        found.extend(
            crate::content::load(Some(dir))
                .1
                .into_iter()
                .map(|e| Mistake {
                    settings: false,
                    file: e.file,
                    line: e.line,
                    message: e.message,
                }),
        );
    }
    // Each file's mistakes from its top (config.toml's come in the order of its keys); the
    // files stay in the order they were read.
    let files: Vec<String> = found.iter().fold(Vec::new(), |mut files, m| {
        if !files.contains(&m.file) {
            files.push(m.file.clone());
        }
        files
    });
    found.sort_by_key(|m| (files.iter().position(|f| *f == m.file), m.line));
    found
}

/// Prints the settings' mistakes, grouped by file, each with its line and what is wrong, and
/// for each file what to do; returns how many there are.
fn report_mistakes(settings: &Settings<'_>, out: &mut impl Write) -> Result<usize> {
    let found = mistakes(settings);
    for (i, m) in found.iter().enumerate() {
        if i == 0 || found[i - 1].file != m.file {
            writeln!(out)?;
            writeln!(out, "✗ {}", m.file)?;
        }
        let message = m.message.trim_end_matches('.');
        match m.line {
            Some(line) => writeln!(out, "  Line {line}: {message}.")?,
            None => writeln!(out, "  {}.", capitalised(message))?,
        }
        if found.get(i + 1).is_none_or(|next| next.file != m.file) {
            writeln!(out, "  {}", advice(m.settings))?;
        }
    }
    Ok(found.len())
}

/// What to do about mistakes in the settings file, or else in the person's content.
fn advice(settings: bool) -> &'static str {
    if settings {
        "Correct the file in a text editor (README.md, \"Settings and config.toml\", lists \
         every setting); until then closer leaves out what is wrong and uses the rest of your \
         settings."
    } else {
        "Correct the file in a text editor (its format is in closer's content/README.md); \
         until then closer leaves out what is wrong and offers everything else."
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Prints the report to `out`: every problem of the journal's files, then every mistake in
/// the settings; returns whether all is well (notes allowed).
pub fn run(data_dir: &Path, settings: &Settings<'_>, out: &mut impl Write) -> Result<bool> {
    // Every file is read and checked, but the entries are not kept: memory stays small on
    // any journal.
    let scan = store::check(&Layout::new(data_dir));
    writeln!(out, "Checking the journal in {}", data_dir.display())?;
    if !scan.exists {
        writeln!(
            out,
            "There is no journal there yet, so there is nothing to check."
        )?;
        let mistakes = report_mistakes(settings, out)?;
        if mistakes > 0 {
            writeln!(out)?;
            summary(mistakes, out)?;
        }
        return Ok(mistakes == 0);
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
    needs_a_look += report_mistakes(settings, out)?;
    writeln!(out)?;
    let entries = scan.entry_count;
    let files = scan.day_files;
    writeln!(
        out,
        "{} read from {}.",
        count(entries as u64, "entry", "entries"),
        count(files as u64, "day file", "day files")
    )?;
    summary(needs_a_look, out)?;
    Ok(needs_a_look == 0)
}

/// The last line: all is well, or how many problems need a look.
fn summary(needs_a_look: usize, out: &mut impl Write) -> Result<()> {
    if needs_a_look == 0 {
        writeln!(out, "All is well.")?;
    } else {
        writeln!(
            out,
            "{} a look. closer left every file as it was.",
            count(needs_a_look as u64, "problem needs", "problems need")
        )?;
    }
    Ok(())
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
