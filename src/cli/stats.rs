//! `closer stats`: the insights as readable text, or as JSON for scripts. Reads the journal
//! without opening it for writing.

use crate::journal::vocabulary::count;
use std::io::Write;
use std::path::Path;

use anyhow::{Result, bail};
use chrono::{NaiveDate, Weekday};

use crate::content::Catalog;
use crate::journal::insights::{self, Insights, Window};
use crate::store::{self, Layout};

/// Prints the insights of the journal at `data_dir` between `from` and `to` (default: the
/// whole journal up to `today`).
pub fn run(
    data_dir: &Path,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    json: bool,
    today: NaiveDate,
    out: &mut impl Write,
) -> Result<()> {
    let scan = store::load(&Layout::new(data_dir));
    let all = Window::all(&scan.entries, today);
    let window = Window {
        from: from.unwrap_or(all.from),
        to: to.unwrap_or(today),
    };
    if window.from > window.to {
        bail!(
            "--from {} is after --to {}: give the earlier date first",
            window.from,
            window.to
        );
    }
    crate::cli::journal_is_there(data_dir)?;
    let figures = insights::with_moments(
        insights::compute(&scan.entries, window, today, Weekday::Mon),
        &scan.entries,
    );
    if json {
        serde_json::to_writer_pretty(&mut *out, &figures)?;
        writeln!(out)?;
        return Ok(());
    }
    let catalog = Catalog::bundled().unwrap_or_default();
    text(&figures, &catalog, out)?;
    Ok(())
}

fn fmt(v: Option<f64>) -> String {
    v.map_or("–".to_owned(), |v| format!("{v:.1}"))
}

fn plural(n: u32, one: &str, many: &str) -> String {
    count(n, one, many)
}

/// The insights as text.
pub fn text(i: &Insights, catalog: &Catalog, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(
        out,
        "closer stats · {} – {} ({})",
        i.window.from.format("%-d %b %Y"),
        i.window.to.format("%-d %b %Y"),
        plural(i.window.days(), "day", "days")
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "Check-ins    {} on {}",
        plural(i.entries, "entry", "entries"),
        plural(i.days_checked_in, "day", "days")
    )?;
    writeln!(
        out,
        "Streak       {} now · longest {} (over the whole journal, not only these dates)",
        plural(i.current_streak, "day", "days"),
        plural(i.longest_streak, "day", "days")
    )?;
    writeln!(out, "Mood         {} on average (1–5)", fmt(i.mood))?;
    writeln!(out, "Closeness    {} on average (1–5)", fmt(i.closeness))?;
    writeln!(out)?;
    writeln!(out, "Triggers (times logged · average intensity)")?;
    if i.triggers.is_empty() {
        writeln!(out, "  none logged")?;
    }
    for t in &i.triggers {
        writeln!(
            out,
            "  {:<36} {:>4} · {}",
            catalog.trigger_label(&t.trigger),
            t.count,
            fmt(t.intensity)
        )?;
        writeln!(out, "    {}", t.mood.describe("mood"))?;
        writeln!(out, "    {}", t.closeness.describe("closeness"))?;
    }
    writeln!(out)?;
    writeln!(out, "Strategies (planned · tried · helpfulness when tried)")?;
    if i.strategies.is_empty() {
        writeln!(out, "  none planned or tried")?;
    }
    for s in &i.strategies {
        let title = catalog
            .strategy(&s.id)
            .map_or(s.id.as_str(), |x| x.title.as_str());
        writeln!(
            out,
            "  {title:<44} {:>3} · {:>3} · {}",
            s.planned,
            s.tried,
            fmt(s.helpfulness)
        )?;
    }
    writeln!(out)?;
    writeln!(out, "Noticed most often")?;
    if i.reactions.is_empty() {
        writeln!(out, "  nothing noted")?;
    }
    for (id, n) in i.reactions.iter().take(10) {
        let label = catalog.sign(id).map_or(id.as_str(), |s| s.label.as_str());
        writeln!(out, "  {n:>4}  {label}")?;
    }
    writeln!(out)?;
    writeln!(out, "Feelings named most often")?;
    if i.emotions.is_empty() {
        writeln!(out, "  none named")?;
    }
    for (word, n) in i.emotions.iter().take(10) {
        writeln!(out, "  {n:>4}  {word}")?;
    }
    Ok(())
}
