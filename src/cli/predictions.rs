//! `closer predictions`: the fears written as predictions that are still open — the ones due
//! to look back on first — as text, or as JSON for scripts.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use crate::journal::predictions::{self, Found};
use crate::journal::vocabulary::count;
use crate::journal::{Prediction, PredictionOutcome};
use crate::store::{self, Layout};

/// The fears you wrote as predictions that are still open, the ones due first.
///
/// A check-in can write a fear down as a prediction ("they will be cold all weekend"),
/// with how likely and how bad it feels and a day to look back on; on that day the next
/// check-in asks what really happened.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  closer predictions\n  closer predictions --all\n  closer predictions --json | jq '.[] | select(.due)'"
)]
pub struct Args {
    /// The ones looked back on too, with what came of them
    #[arg(long)]
    all: bool,
    /// Print JSON, for scripts
    #[arg(long)]
    json: bool,
}

impl Args {
    /// Prints the predictions.
    ///
    /// # Errors
    /// As [`run`]; the journal cannot be unlocked.
    pub fn run(self, ctx: &super::Ctx) -> Result<std::process::ExitCode> {
        ctx.unlock()?;
        let today = crate::clock::today();
        let data_dir = ctx.data_dir()?;
        // JSON escapes control characters itself; text is made printable.
        if self.json {
            ctx.raw(|out| run(data_dir, self.all, true, today, out))?;
        } else {
            ctx.printed(|out| run(data_dir, self.all, false, today, out))?;
        }
        Ok(std::process::ExitCode::SUCCESS)
    }
}

/// A prediction as `--json` gives it.
#[derive(Debug, Serialize)]
struct Row<'a> {
    /// The entry that made it.
    entry: &'a str,
    /// Its place in that entry's list.
    index: usize,
    /// The day it was made.
    made_on: NaiveDate,
    /// Whether its day has come and it is still open.
    due: bool,
    #[serde(flatten)]
    prediction: &'a Prediction,
}

/// Prints the open predictions of the journal at `data_dir` (with `all`, the closed ones too,
/// with what came of them).
pub fn run(
    data_dir: &Path,
    all: bool,
    json: bool,
    today: NaiveDate,
    out: &mut impl Write,
) -> Result<()> {
    crate::cli::journal_is_there(data_dir)?;
    let scan = store::load(&Layout::new(data_dir));
    let found: Vec<Found<'_>> = if all {
        predictions::all(&scan.entries)
    } else {
        predictions::open(&scan.entries)
    };
    if json {
        let rows: Vec<Row<'_>> = found
            .iter()
            .map(|f| Row {
                entry: f.at.entry.as_str(),
                index: f.at.index,
                made_on: f.made_on,
                due: f.prediction.is_due(today),
                prediction: f.prediction,
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    let (due, later): (Vec<_>, Vec<_>) = found
        .iter()
        .filter(|f| f.prediction.is_open())
        .partition(|f| f.prediction.is_due(today));
    if found.is_empty() {
        writeln!(
            out,
            "No predictions{}. In a check-in, the step “A fear, as a prediction” writes one down \
             to look back on.",
            if all { "" } else { " open" }
        )?;
        return Ok(());
    }
    if !due.is_empty() {
        writeln!(
            out,
            "To look back on ({}; the next check-in asks):",
            count(
                u32::try_from(due.len()).unwrap_or(u32::MAX),
                "prediction",
                "predictions"
            )
        )?;
        for f in &due {
            line(out, f, today)?;
        }
    }
    if !later.is_empty() {
        if !due.is_empty() {
            writeln!(out)?;
        }
        writeln!(out, "Open, to look back on later:")?;
        for f in &later {
            line(out, f, today)?;
        }
    }
    let closed: Vec<_> = found.iter().filter(|f| !f.prediction.is_open()).collect();
    if !closed.is_empty() {
        writeln!(out)?;
        writeln!(out, "Looked back on:")?;
        for f in closed {
            line(out, f, today)?;
        }
    }
    Ok(())
}

fn line(out: &mut impl Write, f: &Found<'_>, today: NaiveDate) -> std::io::Result<()> {
    let p = f.prediction;
    let mut facts = vec![format!("made {}", f.made_on.format("%-d %b %Y"))];
    if let Some(l) = p.likelihood {
        facts.push(format!("felt {}% likely", l.get()));
    }
    if let Some(b) = p.badness {
        facts.push(format!("how bad {b}/5"));
    }
    let when = match &p.outcome {
        Some(o) => outcome(o),
        None if p.look_back < today => format!("due since {}", p.look_back.format("%-d %b")),
        None if p.look_back == today => "due today".to_owned(),
        None => format!("look back on {}", p.look_back.format("%-d %b %Y")),
    };
    writeln!(out, "  {}", p.fear.trim())?;
    writeln!(out, "    {} · {when}", facts.join(" · "))
}

fn outcome(o: &PredictionOutcome) -> String {
    let mut s = format!("{} (on {})", o.result.label(), o.on.format("%-d %b"));
    if let Some(b) = o.badness {
        s.push_str(&format!(", really {b}/5"));
    }
    if !o.instead.trim().is_empty() {
        s.push_str(&format!(": {}", o.instead.trim()));
    }
    s
}
