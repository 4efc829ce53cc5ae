//! `closer report`: a report of a window and filter, as a web page with charts or as
//! Markdown, written to a file (private to you) or to standard output.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;

use crate::content::Catalog;
use crate::journal::insights::Window;
use crate::journal::query::{Condition, Filter};
use crate::journal::{MoodLabels, Name, TriggerRef};
use crate::report::{self, Format, Include};
use crate::store::{self, Layout, atomic};

/// What can be put in besides the figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Part {
    /// Your answers to the check-in's prompts.
    Answers,
    /// Your notes, and the notes on triggers.
    Notes,
    /// The moments you traced, in your words.
    // `episodes`, its name before (and in files), is still taken, for scripts.
    #[value(alias = "episodes")]
    Moments,
    /// Your predictions: the fears and what came of them.
    Predictions,
    /// The thoughts you checked.
    Thoughts,
    /// Your debriefs after hard moments.
    Debriefs,
    /// Your cycle, drawn from the moments you traced.
    Cycle,
    /// Your bids and appreciations, time-outs and ladders of brave steps.
    Turning,
}

/// Make a report to read yourself or bring to a therapist: summary and charts of a window.
///
/// By default it holds figures and charts only, none of your own words; add --include
/// answers, notes, moments, predictions, thoughts, debriefs, cycle and/or turning
/// (bids, appreciations, time-outs, ladders) to put those in. HTML is one self-contained
/// page (nothing is fetched from the internet) that reads on a phone and prints; Markdown
/// has tables instead of charts. Without -o, it is written to a new file in this folder,
/// readable by you only; with -o - it goes to standard output.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  closer report\n  closer report --from 2026-09-01 --to 2026-11-30 -o autumn.html\n  closer report --trigger feeling-ignored --include answers,notes,moments\n  closer report --format markdown -o - | less"
)]
pub struct Args {
    #[command(flatten)]
    window: super::outfile::Window,
    /// Only entries with this trigger (its id, its name, or one of your own); repeat for more
    #[arg(long, value_name = "TRIGGER")]
    trigger: Vec<String>,
    /// Only entries with this tag; repeat for more
    #[arg(long, value_name = "TAG")]
    tag: Vec<String>,
    /// Your own words to put in: answers, notes, moments, predictions, thoughts, debriefs,
    /// cycle, or several (answers,notes,moments) [default: none]
    #[arg(long, value_enum, value_delimiter = ',', value_name = "WHAT")]
    include: Vec<Part>,
    /// html (a page with charts) or markdown (tables)
    #[arg(long, value_enum, default_value = "html")]
    format: Format,
    /// Write to this file (- for standard output) [default: closer-report-DATE.html here]
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Replace the output file if it exists
    #[arg(long)]
    force: bool,
}

impl Args {
    /// Writes the report asked for.
    ///
    /// # Errors
    /// As [`run`]; the journal cannot be unlocked.
    pub fn run(self, ctx: &super::Ctx) -> Result<std::process::ExitCode> {
        ctx.unlock()?;
        ctx.plaintext_note("the report");
        let prefs = ctx.preferences();
        let catalog = ctx.catalog();
        let request = Request {
            from: self.window.from,
            to: self.window.to,
            triggers: &self.trigger,
            tags: &self.tag,
            include: &self.include,
            format: self.format,
            output: self.output.as_deref(),
            force: self.force,
            mood_labels: prefs.mood_labels,
            week_starts: prefs.week_start.weekday(),
            catalog: &catalog,
            own_triggers: &prefs.custom_triggers,
        };
        let today = crate::clock::today();
        let mut err = super::printable::Printable::new(std::io::stderr().lock());
        ctx.raw(|out| run(ctx.data_dir()?, &request, today, out, &mut err))?;
        Ok(std::process::ExitCode::SUCCESS)
    }
}

/// What to report, from the command line.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    /// First day [default: the journal's first day].
    pub from: Option<NaiveDate>,
    /// Last day [default: today].
    pub to: Option<NaiveDate>,
    /// Triggers, by id or the person's own name: an entry must have every one.
    pub triggers: &'a [String],
    /// Tags: an entry must have every one.
    pub tags: &'a [String],
    /// What written text goes in.
    pub include: &'a [Part],
    /// HTML or Markdown.
    pub format: Format,
    /// The file: `-` for standard output; none: a new file in the current folder.
    pub output: Option<&'a Path>,
    /// Replace `output` if it exists.
    pub force: bool,
    /// Mood words as the person chose them.
    pub mood_labels: MoodLabels,
    /// The week's first day.
    pub week_starts: chrono::Weekday,
    /// Labels and titles (the person's own included).
    pub catalog: &'a Catalog,
    /// The person's own trigger names.
    pub own_triggers: &'a [String],
}

/// A trigger named on the command line: a bundled id, a bundled label, or one of the person's
/// own, in any case.
fn trigger(name: &str, catalog: &Catalog, own: &[String]) -> Result<TriggerRef> {
    let wanted = name.trim();
    let same = |a: &str| crate::journal::query::fold(a) == crate::journal::query::fold(wanted);
    if let Some(t) = catalog
        .triggers
        .iter()
        .find(|t| same(&t.id) || same(&t.name))
    {
        return Ok(TriggerRef::Id(Name::try_from(t.id.as_str())?));
    }
    if let Some(o) = own.iter().find(|o| same(o)) {
        return Ok(TriggerRef::Custom(Name::try_from(o.as_str())?));
    }
    let ids: Vec<&str> = catalog.triggers.iter().map(|t| t.id.as_str()).collect();
    bail!(
        "there is no trigger called “{wanted}”. Use one of {}{}.",
        ids.join(", "),
        if own.is_empty() {
            String::new()
        } else {
            format!(", or one of your own: {}", own.join(", "))
        }
    )
}

/// Writes the report `request` asks for of the journal at `data_dir`; says on `err` what it
/// wrote, where, and what it holds.
///
/// # Errors
/// Dates in the wrong order, an unknown trigger, an existing output without `force`, no
/// journal at `data_dir`, or a failed write.
pub fn run(
    data_dir: &Path,
    request: &Request<'_>,
    today: NaiveDate,
    stdout: &mut impl Write,
    err: &mut impl Write,
) -> Result<()> {
    super::outfile::dates_in_order(request.from, request.to)?;
    let mut filter = Filter::default();
    for t in request.triggers {
        filter.add(Condition::Trigger(trigger(
            t,
            request.catalog,
            request.own_triggers,
        )?));
    }
    for t in request.tags {
        filter.add(Condition::Tag(t.trim().trim_start_matches('#').to_owned()));
    }
    if let Some(path) = request.output.and_then(super::outfile::named_file) {
        super::outfile::not_there_unless(request.force, path)?;
    }
    crate::cli::journal_is_there(data_dir)?;
    let scan = store::load(&Layout::new(data_dir));
    let all = Window::all(&scan.entries, today);
    let window = Window {
        from: request.from.unwrap_or(all.from),
        to: request.to.unwrap_or(today),
    };
    if window.from > window.to {
        bail!(
            "--from {} is after today's date, {}: choose a day that has come, or add --to",
            window.from,
            window.to
        );
    }
    let include = Include {
        answers: request.include.contains(&Part::Answers),
        notes: request.include.contains(&Part::Notes),
        episodes: request.include.contains(&Part::Moments),
        predictions: request.include.contains(&Part::Predictions),
        thoughts: request.include.contains(&Part::Thoughts),
        debriefs: request.include.contains(&Part::Debriefs),
        cycle: request.include.contains(&Part::Cycle),
        turning: request.include.contains(&Part::Turning),
    };
    let wanted = report::Request {
        window,
        filter,
        include,
    };
    let built = report::figures(
        &scan.entries,
        &wanted,
        request.catalog,
        request.mood_labels,
        today,
        request.week_starts,
    );
    // The words are written an entry at a time, from the journal as read: neither a copy of
    // the entries nor the whole page is held (126 MB of page at 100,000 entries).
    let shared = report::shared(&scan.entries, &wanted, today);
    let written = write(request, today, stdout, |out| match request.format {
        Format::Html => report::html::write_html(&built, &shared, request.catalog, out),
        Format::Markdown => report::markdown::write_markdown(&built, &shared, request.catalog, out),
    })?;
    let what = format!(
        "{} of {} – {}: {}, from {}",
        match request.format {
            Format::Html => "a page",
            Format::Markdown => "Markdown",
        },
        window.from,
        window.to,
        include.describe(),
        crate::journal::vocabulary::count(built.insights.entries, "check-in", "check-ins"),
    );
    match written {
        Some(path) => writeln!(
            err,
            "Wrote {} ({what}). Only you can read the file.",
            path.display()
        )?,
        None => writeln!(err, "Wrote {what}.")?,
    }
    Ok(())
}

/// Writes what `fill` writes where `request` says: to `stdout` (`-o -`, giving no path), to
/// its file, or to a new file in the current folder; gives the path written. A file is
/// written whole or not at all.
fn write(
    request: &Request<'_>,
    today: NaiveDate,
    stdout: &mut impl Write,
    fill: impl Fn(&mut dyn Write) -> std::io::Result<()>,
) -> Result<Option<PathBuf>> {
    Ok(match request.output.map(super::outfile::named_file) {
        Some(None) => {
            let mut out = std::io::BufWriter::new(stdout);
            fill(&mut out)?;
            out.flush()?;
            None
        }
        Some(Some(p)) => {
            let path = super::outfile::absolute(p)?;
            atomic::write_with(&path, fill)
                .with_context(|| format!("writing {}", path.display()))?;
            Some(path)
        }
        None => {
            let dir = std::env::current_dir()?;
            let stem = format!("closer-report-{}", today.format("%Y-%m-%d"));
            Some(
                atomic::write_unique_with(&dir, &stem, request.format.extension(), fill)
                    .with_context(|| format!("writing a report in {}", dir.display()))?,
            )
        }
    })
}
