//! `closer export`: the journal as Markdown to read, lossless JSON to move, or CSV for
//! spreadsheets. To standard output, or to a file written atomically and privately.

use crate::journal::printable::printable;
use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};
use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::content::Catalog;
use crate::journal::transfer::Export;
use crate::journal::{Entry, TriggerRef};
use crate::store::{self, Layout, atomic};

/// The formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Readable, by day: each prompt as asked with its answer, triggers, strategies.
    Markdown,
    /// Every field, versioned: `closer import` gives back identical entries.
    Json,
    /// One row per entry, for spreadsheets.
    Csv,
}

/// Exports the journal at `data_dir` between `from` and `to` (both optional, inclusive).
#[allow(clippy::too_many_arguments)]
pub fn run(
    data_dir: &Path,
    format: Format,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    output: Option<&Path>,
    force: bool,
    now: DateTime<FixedOffset>,
    stdout: &mut impl Write,
) -> Result<()> {
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        bail!("--from {f} is after --to {t}: give the earlier date first");
    }
    // Anything at the path counts, a link that points to nothing too; even with --force,
    // only a regular file (or a link to one) is replaced (see `store::atomic::write_target`).
    if let Some(path) = output
        && std::fs::symlink_metadata(path).is_ok()
        && !force
    {
        bail!(
            "{} already exists; closer does not overwrite it. Choose another name, or add --force to replace it.",
            path.display()
        );
    }
    crate::cli::journal_is_there(data_dir)?;
    let scan = store::scan(&Layout::new(data_dir));
    let entries: Vec<Entry> = scan
        .entries
        .into_iter()
        .filter(|e| from.is_none_or(|f| e.date >= f) && to.is_none_or(|t| e.date <= t))
        .collect();
    let catalog = Catalog::bundled().unwrap_or_default();
    let bytes = match format {
        // Control characters in entries are shown, never obeyed, in a file as on a terminal.
        Format::Markdown => printable(&markdown(&entries, &catalog))
            .into_owned()
            .into_bytes(),
        Format::Json => {
            let mut b = serde_json::to_vec_pretty(&Export::new(entries, now))?;
            b.push(b'\n');
            b
        }
        Format::Csv => printable(&String::from_utf8_lossy(&csv(&entries, &catalog)?))
            .into_owned()
            .into_bytes(),
    };
    match output {
        None => stdout.write_all(&bytes)?,
        Some(path) => {
            let path = if path.is_absolute() {
                path.to_owned()
            } else {
                std::env::current_dir()?.join(path)
            };
            atomic::write(&path, &bytes).with_context(|| format!("writing {}", path.display()))?;
        }
    }
    Ok(())
}

fn trigger_line(t: &crate::journal::TriggerLog, catalog: &Catalog) -> String {
    let mut s = catalog.trigger_label(&t.trigger);
    if matches!(t.trigger, TriggerRef::Custom(_)) {
        s.push_str(" (your own)");
    }
    if let Some(i) = t.intensity {
        s.push_str(&format!(", intensity {i}/5"));
    }
    if !t.note.is_empty() {
        s.push_str(&format!(": {}", t.note));
    }
    s
}

/// The entries as Markdown, by day.
pub fn markdown(entries: &[Entry], catalog: &Catalog) -> String {
    let mut out = String::from("# closer journal\n");
    let mut day = None;
    for e in entries {
        // Exactly one blank line before every heading.
        while out.ends_with("\n\n") {
            out.pop();
        }
        if day != Some(e.date) {
            day = Some(e.date);
            out.push_str(&format!("\n## {}\n", e.date.format("%A %-d %B %Y")));
        }
        out.push_str(&format!("\n### {}\n\n", e.created_at.format("%H:%M")));
        let mut facts = Vec::new();
        if let Some(p) = e.perspective {
            facts.push(format!("- Perspective: {}", p.label()));
        }
        if let Some(m) = e.mood {
            facts.push(format!("- Mood: {m}/5 ({})", m.label()));
        }
        if let Some(c) = e.closeness {
            facts.push(format!("- Closeness: {c}/5 ({})", c.label()));
        }
        if !e.emotions.is_empty() {
            facts.push(format!("- Feelings: {}", e.emotions.join(", ")));
        }
        if !facts.is_empty() {
            out.push_str(&facts.join("\n"));
            out.push_str("\n\n");
        }
        if !e.triggers.is_empty() {
            out.push_str("Triggers:\n\n");
            for t in &e.triggers {
                out.push_str(&format!("- {}\n", trigger_line(t, catalog)));
            }
            out.push('\n');
        }
        if !e.behaviours.is_empty() {
            out.push_str("Noticed:\n\n");
            for b in &e.behaviours {
                let label = catalog
                    .sign(b.as_str())
                    .map_or(b.as_str(), |s| s.label.as_str());
                out.push_str(&format!("- {label}\n"));
            }
            out.push('\n');
        }
        for r in &e.responses {
            out.push_str(&format!("> {}\n\n{}\n\n", r.prompt, r.answer.trim_end()));
        }
        if !e.strategies.is_empty() {
            out.push_str("Strategies:\n\n");
            for s in &e.strategies {
                let title = catalog
                    .strategy(s.id.as_str())
                    .map_or(s.id.as_str(), |x| x.title.as_str());
                let what = match (s.planned, s.tried, s.helpfulness) {
                    (_, Some(true), Some(h)) => format!("tried, helpfulness {h}/5"),
                    (_, Some(true), None) => "tried".to_owned(),
                    (_, Some(false), _) => "not tried".to_owned(),
                    (true, None, _) => "planned".to_owned(),
                    (false, None, _) => "mentioned".to_owned(),
                };
                out.push_str(&format!("- {title}: {what}\n"));
            }
            out.push('\n');
        }
        if !e.notes.trim().is_empty() {
            out.push_str(&format!("Notes:\n\n{}\n\n", e.notes.trim_end()));
        }
        if !e.tags.is_empty() {
            let tags: Vec<String> = e.tags.iter().map(|t| format!("#{t}")).collect();
            out.push_str(&format!("Tags: {}\n\n", tags.join(" ")));
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// The entries as CSV: one row per entry, quoted where needed.
pub fn csv(entries: &[Entry], catalog: &Catalog) -> Result<Vec<u8>> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.write_record([
        "date",
        "time",
        "perspective",
        "mood",
        "closeness",
        "triggers",
        "emotions",
        "tags",
    ])?;
    for e in entries {
        let triggers: Vec<String> = e
            .triggers
            .iter()
            .map(|t| catalog.trigger_label(&t.trigger))
            .collect();
        w.write_record([
            e.date.to_string(),
            e.created_at.format("%H:%M").to_string(),
            e.perspective.map(|p| p.id().to_owned()).unwrap_or_default(),
            e.mood.map(|m| m.to_string()).unwrap_or_default(),
            e.closeness.map(|c| c.to_string()).unwrap_or_default(),
            triggers.join("; "),
            e.emotions.join("; "),
            e.tags.join("; "),
        ])?;
    }
    w.into_inner().map_err(|e| anyhow::anyhow!("{}", e.error()))
}
