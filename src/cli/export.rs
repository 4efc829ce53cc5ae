//! `closer export`: the journal as Markdown to read, lossless JSON to move, or CSV for
//! spreadsheets. To standard output, or to a file written atomically and privately.

use crate::journal::printable::printable;
use crate::report::markdown::with_breaks;
use crate::report::words::{Chain, chains_of, sign_label, strategy_line, trigger_line};
use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};
use chrono::{DateTime, FixedOffset, NaiveDate};

use super::{every_core, outfile};
use crate::content::Catalog;
use crate::journal::transfer::Export;
use crate::journal::{Entry, Fact, MoodLabels, Scale, facts};
use crate::store::{self, Layout, atomic};

/// The formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Readable, by day: each prompt as asked with its answer, triggers, strategies.
    Markdown,
    /// Every field of every entry, versioned: closer import gives back identical entries
    /// (entries only: closer backup keeps settings, trash and your own files too).
    Json,
    /// One row per entry with every field, for spreadsheets.
    Csv,
}

/// Export entries: Markdown to read, JSON to move (lossless), or CSV for spreadsheets.
///
/// To standard output (without -o, or with -o -), or with -o to a file (written atomically,
/// private to you; an existing file is only replaced with --force).
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  closer export --format markdown > journal.md\n  closer export --format json -o - | closer --data-dir ~/copy import -\n  closer export --format json -o backup.json\n  closer export --format csv --from 2026-01 --to 2026-06 -o first-half.csv\n  closer export --format csv --bom -o journal.csv   # for Excel\n\nCSV has one row per entry and every field; lists of words are joined with '; ',\ntriggers, strategies and answers are one per line inside their cell."
)]
pub struct Args {
    /// markdown, json or csv
    #[arg(long, value_enum)]
    format: Format,
    /// First day: 2026-11-30, yesterday, last monday, 3 days ago; a month (2026-11) from
    /// its first day
    #[arg(long, value_name = "DATE", value_parser = outfile::from_day)]
    from: Option<chrono::NaiveDate>,
    /// Last day, in the same words; a month (2026-11) to its last day, or today
    #[arg(long, value_name = "DATE", value_parser = outfile::to_day)]
    to: Option<chrono::NaiveDate>,
    /// Write to this file instead of standard output ("-" is standard output)
    #[arg(short, long, value_name = "FILE")]
    output: Option<std::path::PathBuf>,
    /// Replace the output file if it exists
    #[arg(long)]
    force: bool,
    /// Start the CSV with a UTF-8 byte order mark, so Excel shows accents and emoji right
    #[arg(long)]
    bom: bool,
    /// Encrypt the export (age format) to the journal's own key: an encrypted journal only
    #[arg(long)]
    encrypt: bool,
    /// Encrypt the export (age format) to this age recipient (age1…), someone else's key or
    /// your own; repeat for more. The age tool decrypts it: age -d -i KEY-FILE
    #[arg(long, value_name = "AGE-RECIPIENT")]
    recipient: Vec<String>,
}

impl Args {
    /// Exports the journal as asked.
    ///
    /// # Errors
    /// As [`run`] and [`recipients`]; the journal cannot be unlocked.
    pub fn run(self, ctx: &super::Ctx) -> Result<std::process::ExitCode> {
        ctx.unlock()?;
        let recipients = recipients(&ctx.layout()?, self.encrypt, &self.recipient)?;
        if recipients.is_empty() {
            ctx.plaintext_note("the export");
        }
        // The mood words the person chose, as the journal screens show them; the person's own
        // triggers and strategies get their titles too.
        let prefs = ctx.preferences();
        let catalog = ctx.catalog();
        let request = Request {
            format: self.format,
            from: self.from,
            to: self.to,
            output: self.output.as_deref(),
            force: self.force,
            bom: self.bom,
            mood_labels: prefs.mood_labels,
            catalog: &catalog,
            recipients: &recipients,
        };
        // Markdown and CSV are made printable inside; JSON escapes control characters.
        let now = crate::clock::now();
        ctx.raw(|out| run(ctx.data_dir()?, &request, now, out))?;
        Ok(std::process::ExitCode::SUCCESS)
    }
}

/// What to export and how.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// The format.
    pub format: Format,
    /// First day, inclusive.
    pub from: Option<NaiveDate>,
    /// Last day, inclusive.
    pub to: Option<NaiveDate>,
    /// A file to write instead of standard output.
    pub output: Option<&'a Path>,
    /// Replace `output` if it exists (a regular file only).
    pub force: bool,
    /// Start a CSV with the UTF-8 byte order mark, which Excel needs to read accents and
    /// emoji correctly. CSV only.
    pub bom: bool,
    /// The words shown beside mood values, as the person chose in Settings or config.toml.
    pub mood_labels: MoodLabels,
    /// Labels and titles for trigger, sign and strategy ids (the person's own included).
    pub catalog: &'a Catalog,
    /// Encrypt the export to these age recipients (none: plain).
    pub recipients: &'a [age::x25519::Recipient],
}

/// The recipients an export is encrypted to: the journal's own with `own` (it must be
/// encrypted), and each of `given` (age's `age1…` text).
///
/// # Errors
/// `own` on a plain journal; a recipient that is not an age X25519 recipient.
pub fn recipients(
    layout: &Layout,
    own: bool,
    given: &[String],
) -> Result<Vec<age::x25519::Recipient>> {
    let mut out = Vec::new();
    if own {
        match store::crypto::journal_recipient(layout)? {
            Some(r) => out.push(r),
            None => bail!(
                "--encrypt encrypts to the journal's own key, and this journal is not encrypted. \
                 Run closer encrypt first, or give --recipient age1… (an age key of yours)."
            ),
        }
    }
    for text in given {
        match text.trim().parse::<age::x25519::Recipient>() {
            Ok(r) => out.push(r),
            Err(e) => bail!(
                "--recipient {text} is not an age recipient ({e}); it looks like age1… (what \
                 age-keygen prints as the public key)"
            ),
        }
    }
    Ok(out)
}

/// The UTF-8 byte order mark that `--bom` puts first.
pub const BOM: &str = "\u{feff}";

/// Exports the journal at `data_dir` as `request` says.
///
/// # Errors
/// Dates in the wrong order, `--bom` on a format other than CSV, an existing output without
/// `force`, a data folder that does not exist, or a failed write.
pub fn run(
    data_dir: &Path,
    request: &Request<'_>,
    now: DateTime<FixedOffset>,
    stdout: &mut impl Write,
) -> Result<()> {
    let &Request {
        format,
        from,
        to,
        output,
        force,
        bom,
        mood_labels,
        catalog,
        recipients,
    } = request;
    if bom && format != Format::Csv {
        bail!(
            "--bom is for CSV only: spreadsheet programs need it to read UTF-8, Markdown and JSON readers do not. Leave it out, or use --format csv."
        );
    }
    outfile::dates_in_order(from, to)?;
    // `-o -` is standard output, as without -o.
    let output = output.and_then(outfile::named_file);
    if let Some(path) = output {
        outfile::not_there_unless(force, path)?;
    }
    crate::cli::journal_is_there(data_dir)?;
    let layout = Layout::new(data_dir);
    // Day by day, written as it goes: the export never holds the whole journal in memory.
    let days: Vec<NaiveDate> = store::Store::days_with_files_in(&layout)
        .into_iter()
        .filter(|d| from.is_none_or(|f| *d >= f) && to.is_none_or(|t| *d <= t))
        .collect();
    let mut skipped: Vec<String> = Vec::new();
    let day_text = |day: NaiveDate| -> DayText {
        format_day(&layout, day, from, to, format, catalog, mood_labels)
    };
    let fill = |out: &mut dyn Write| -> std::io::Result<()> {
        write_head(out, format, bom, now)?;
        let mut first = true;
        every_core::in_order(&days, &day_text, |text: DayText| {
            if let Some(why) = text.skipped {
                skipped.push(why);
            }
            if text.bytes.is_empty() {
                return Ok(());
            }
            if format == Format::Json {
                out.write_all(if first { b"\n" } else { b",\n" })?;
            }
            first = false;
            out.write_all(&text.bytes)
        })?;
        if format == Format::Json {
            out.write_all(if first { b"]\n}\n" } else { b"\n  ]\n}\n" })?;
        }
        Ok(())
    };
    // Encrypted as it is written, when asked: the plain text never reaches the file.
    let fill = |out: &mut dyn Write| sealed(recipients, out, fill);
    match output {
        None => {
            let mut buffered = std::io::BufWriter::new(&mut *stdout);
            fill(&mut buffered)?;
            buffered.flush()?;
        }
        Some(path) => {
            let path = outfile::absolute(path)?;
            atomic::write_with(&path, fill)
                .with_context(|| format!("writing {}", path.display()))?;
        }
    }
    for why in skipped {
        eprintln!(
            "closer: left out of the export, because it cannot be read: {}. `closer doctor` says how to fix it.",
            printable(&why)
        );
    }
    Ok(())
}

/// The start of an export in `format`: Markdown's title, JSON's fields before its entries,
/// CSV's byte order mark (with `bom`) and header.
fn write_head(
    out: &mut dyn Write,
    format: Format,
    bom: bool,
    now: DateTime<FixedOffset>,
) -> std::io::Result<()> {
    match format {
        Format::Markdown => out.write_all(MARKDOWN_TITLE.as_bytes())?,
        Format::Json => {
            let head = Export::new(Vec::new(), now);
            out.write_all(b"{\n")?;
            writeln!(
                out,
                "  \"format\": {},",
                serde_json::to_string(&head.format)?
            )?;
            writeln!(out, "  \"version\": {},", head.version)?;
            writeln!(
                out,
                "  \"exported_at\": {},",
                serde_json::to_string(&head.exported_at)?
            )?;
            out.write_all(b"  \"entries\": [")?;
        }
        Format::Csv => {
            if bom {
                out.write_all(BOM.as_bytes())?;
            }
            let mut header = ::csv::Writer::from_writer(Vec::new());
            header
                .write_record(csv_columns())
                .map_err(std::io::Error::other)?;
            out.write_all(
                &header
                    .into_inner()
                    .map_err(|e| std::io::Error::other(e.to_string()))?,
            )?;
        }
    }
    Ok(())
}

/// `fill` run on `out`, encrypted to `recipients` as it is written when there are any.
fn sealed(
    recipients: &[age::x25519::Recipient],
    out: &mut dyn Write,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    if recipients.is_empty() {
        return fill(out);
    }
    let encryptor =
        age::Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient))
            .map_err(std::io::Error::other)?;
    let mut sealed = encryptor.wrap_output(out)?;
    fill(&mut sealed)?;
    sealed.finish()?;
    Ok(())
}

/// One day of an export, formatted.
struct DayText {
    /// Its text in the export's format (empty when none of its entries is in the window).
    bytes: Vec<u8>,
    /// Why the day was left out, when its file could not be read.
    skipped: Option<String>,
}

/// The day `day` of the journal at `layout`, its entries between `from` and `to`, formatted
/// as `format` puts them in the middle of an export (JSON: its entries, comma-separated, each
/// indented; the comma before the day is the writer's).
fn format_day(
    layout: &Layout,
    day: NaiveDate,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    format: Format,
    catalog: &Catalog,
    mood_labels: MoodLabels,
) -> DayText {
    let entries: Vec<Entry> = match store::read_day_entries(layout, day) {
        Ok(entries) => entries
            .into_iter()
            .filter(|e| from.is_none_or(|f| e.date >= f) && to.is_none_or(|t| e.date <= t))
            .collect(),
        Err(store::StoreError::DayBlocked { path, reason }) => {
            return DayText {
                bytes: Vec::new(),
                skipped: Some(format!("{}: {reason}", path.display())),
            };
        }
        Err(e) => {
            return DayText {
                bytes: Vec::new(),
                skipped: Some(e.to_string()),
            };
        }
    };
    let mut bytes = Vec::new();
    if entries.is_empty() {
        return DayText {
            bytes,
            skipped: None,
        };
    }
    match format {
        // Control characters in entries are shown, never obeyed, in a file as on a terminal.
        Format::Markdown => {
            let text = markdown(&entries, catalog, mood_labels);
            let body = text.strip_prefix(MARKDOWN_TITLE).unwrap_or(&text);
            bytes.extend_from_slice(printable(body).as_bytes());
        }
        Format::Json => {
            for (n, e) in entries.iter().enumerate() {
                if n > 0 {
                    bytes.extend_from_slice(b",\n");
                }
                let Ok(text) = serde_json::to_string_pretty(e) else {
                    continue;
                };
                for (i, line) in text.lines().enumerate() {
                    if i > 0 {
                        bytes.push(b'\n');
                    }
                    bytes.extend_from_slice(b"    ");
                    bytes.extend_from_slice(line.as_bytes());
                }
            }
        }
        Format::Csv => match csv_rows(&entries, catalog, mood_labels) {
            Ok(rows) => {
                bytes.extend_from_slice(printable(&String::from_utf8_lossy(&rows)).as_bytes());
            }
            Err(e) => {
                return DayText {
                    bytes: Vec::new(),
                    skipped: Some(format!("{day}: {e}")),
                };
            }
        },
    }
    DayText {
        bytes,
        skipped: None,
    }
}

/// The first line of a Markdown export.
const MARKDOWN_TITLE: &str = "# closer journal\n";

/// The entries as Markdown, by day, moods labelled with `labels`. Line breaks inside answers,
/// notes and trigger notes are kept as hard breaks.
pub fn markdown(entries: &[Entry], catalog: &Catalog, labels: MoodLabels) -> String {
    let mut out = String::from(MARKDOWN_TITLE);
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
        markdown_entry(&mut out, e, catalog, labels);
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Each chain (a moment, a thought checked, a debrief) under its title, numbered when there
/// are several, a bullet per labelled line.
fn markdown_chains<'a>(
    out: &mut String,
    chains: impl ExactSizeIterator<Item = Chain<'a>>,
    catalog: &Catalog,
) {
    let several = chains.len() > 1;
    for (i, chain) in chains.enumerate() {
        out.push_str(&if several {
            format!("{} ({}):\n\n", chain.title(), i + 1)
        } else {
            format!("{}:\n\n", chain.title())
        });
        for (what, value) in chain.lines(catalog) {
            out.push_str(&format!("- {what}: {}\n", with_breaks(&value, "  ")));
        }
        out.push('\n');
    }
}

/// One entry's parts in Markdown, after its heading: the perspective, scales and feelings as a
/// list, then each part under its own label. Strategies come before moments and predictions,
/// as they did before those existed.
fn markdown_entry(out: &mut String, e: &Entry, catalog: &Catalog, labels: MoodLabels) {
    let mut list = Vec::new();
    let mut later = String::new();
    for fact in facts(e) {
        let part = match fact {
            Fact::WrittenLater(None) | Fact::Perspective(None) | Fact::Scale(_, None) => continue,
            Fact::WrittenLater(Some(day)) => {
                list.push(format!(
                    "- Written later, on {}",
                    day.format("%A %-d %B %Y")
                ));
                continue;
            }
            Fact::Perspective(Some(p)) => {
                list.push(format!("- Perspective: {}", p.label()));
                continue;
            }
            Fact::Scale(scale, Some(v)) => {
                match scale.words(labels)[usize::from(v.get() - 1)] {
                    "" => list.push(format!("- {}: {v}/5", scale.label())),
                    word => list.push(format!("- {}: {v}/5 ({word})", scale.label())),
                }
                continue;
            }
            Fact::Feelings(feelings) => {
                if !feelings.is_empty() {
                    list.push(format!("- Feelings: {}", feelings.join(", ")));
                }
                if !list.is_empty() {
                    out.push_str(&list.join("\n"));
                    out.push_str("\n\n");
                }
                continue;
            }
            Fact::Triggers(triggers) => bullets("Triggers:", triggers, |t| {
                with_breaks(&trigger_line(t, catalog, true), "  ")
            }),
            Fact::Signs(signs) => bullets("Noticed:", signs, |b| {
                sign_label(b.as_str(), catalog).to_owned()
            }),
            Fact::Answers(answers) => answers
                .iter()
                .map(|r| {
                    format!(
                        "> {}\n\n{}\n\n",
                        with_breaks(&r.prompt, "> "),
                        with_breaks(&r.answer, "")
                    )
                })
                .collect(),
            Fact::Moments(_)
            | Fact::Thoughts(_)
            | Fact::Debriefs(_)
            | Fact::CycleWords(_)
            | Fact::Bids(_)
            | Fact::TimeOuts(_)
            | Fact::Ladders(_)
            | Fact::WeekReviews(_) => {
                markdown_chains(&mut later, chains_of(fact).into_iter(), catalog);
                continue;
            }
            Fact::Predictions(predictions) => {
                later.push_str(&bullets("Predictions:", predictions, |p| {
                    let (fear, after) = crate::report::words::prediction_lines(p);
                    format!(
                        "{}  \n  {}",
                        with_breaks(&fear, "  "),
                        with_breaks(&after, "  ")
                    )
                }));
                continue;
            }
            Fact::Strategies(strategies) => {
                let mut part = bullets("Strategies:", strategies, |s| strategy_line(s, catalog));
                part.push_str(&std::mem::take(&mut later));
                part
            }
            Fact::Notes(notes) if notes.trim().is_empty() => continue,
            Fact::Notes(notes) => format!("Notes:\n\n{}\n\n", with_breaks(notes, "")),
            Fact::Tags([]) => continue,
            Fact::Tags(tags) => {
                let tags: Vec<String> = tags.iter().map(|t| format!("#{t}")).collect();
                format!("Tags: {}\n\n", tags.join(" "))
            }
        };
        out.push_str(&part);
    }
}

/// `label`, a blank line, a bullet for each item and a blank line; nothing for no items.
fn bullets<T>(label: &str, items: &[T], line: impl Fn(&T) -> String) -> String {
    if items.is_empty() {
        return String::new();
    }
    let mut out = format!("{label}\n\n");
    for item in items {
        out.push_str(&format!("- {}\n", line(item)));
    }
    out.push('\n');
    out
}

/// The CSV header: one row per entry, every field. Lists of words (emotions, signs, tags) are
/// joined with `; `; items that carry sentences (triggers with their notes, strategies,
/// answers) are one per line inside their cell, answers as the prompt, a line break, the
/// answer, and a blank line between answers. `mood_label` is empty when labels are numbers.
/// Moments and predictions are one per paragraph in their cells, each link of a moment's chain
/// on a line of its own.
pub fn csv_columns() -> Vec<String> {
    let mut columns = vec!["date", "time", "written_on", "perspective"];
    let scales = Scale::ALL
        .iter()
        .flat_map(|s| [s.id(), s.about().label_column]);
    columns.extend(scales);
    columns.extend([
        "emotions",
        "triggers",
        "signs",
        "answers",
        "strategies",
        "notes",
        "tags",
        "moments",
        "thoughts",
        "debriefs",
        "cycle",
        "bids",
        "time_outs",
        "ladders",
        "week_reviews",
        "predictions",
        "updated_at",
        "id",
    ]);
    columns.into_iter().map(str::to_owned).collect()
}

/// Chains (moments, thoughts checked, debriefs) as one CSV cell: a line per link ("The urge:
/// Go quiet"), a blank line between chains.
fn chains_text<'a>(chains: impl Iterator<Item = Chain<'a>>, catalog: &Catalog) -> String {
    chains
        .map(|chain| {
            chain
                .lines(catalog)
                .into_iter()
                .map(|(what, value)| format!("{what}: {value}"))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A prediction in two lines: the fear with how likely and bad it felt, then what came of it.
fn prediction_text(p: &crate::journal::Prediction) -> String {
    let (fear, after) = crate::report::words::prediction_lines(p);
    format!("{fear}\n{after}")
}

/// The entries as CSV ([`csv_columns`]), quoted where needed, without a byte order mark.
///
/// # Errors
/// Only if the CSV writer fails on memory.
pub fn csv(entries: &[Entry], catalog: &Catalog, labels: MoodLabels) -> Result<Vec<u8>> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.write_record(csv_columns())?;
    let mut out = w
        .into_inner()
        .map_err(|e| anyhow::anyhow!("{}", e.error()))?;
    out.extend(csv_rows(entries, catalog, labels)?);
    Ok(out)
}

/// The rows of `entries` as CSV ([`csv_columns`], without the header), quoted where needed.
///
/// # Errors
/// Only if the CSV writer fails on memory.
pub fn csv_rows(entries: &[Entry], catalog: &Catalog, labels: MoodLabels) -> Result<Vec<u8>> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    for e in entries {
        w.write_record(csv_row(e, catalog, labels))?;
    }
    w.into_inner().map_err(|e| anyhow::anyhow!("{}", e.error()))
}

/// One entry's cells, in the order of [`csv_columns`]: moments and predictions come after the
/// tags (they were added after the rest), the last-saved time and the id last.
fn csv_row(e: &Entry, catalog: &Catalog, labels: MoodLabels) -> Vec<String> {
    let lines = |items: Vec<String>| items.join("\n");
    let mut row = vec![e.date.to_string(), e.created_at.format("%H:%M").to_string()];
    let mut later = Vec::new();
    for fact in facts(e) {
        match fact {
            Fact::WrittenLater(day) => row.push(day.map(|d| d.to_string()).unwrap_or_default()),
            Fact::Perspective(p) => row.push(p.map(|p| p.id().to_owned()).unwrap_or_default()),
            Fact::Scale(scale, v) => {
                row.push(v.map(|v| v.to_string()).unwrap_or_default());
                let word = v.map(|v| scale.words(labels)[usize::from(v.get() - 1)]);
                row.push(word.unwrap_or_default().to_owned());
            }
            Fact::Feelings(feelings) => row.push(feelings.join("; ")),
            Fact::Triggers(triggers) => row.push(lines(
                triggers
                    .iter()
                    .map(|t| trigger_line(t, catalog, true))
                    .collect(),
            )),
            Fact::Signs(signs) => {
                let signs: Vec<&str> = signs
                    .iter()
                    .map(|b| sign_label(b.as_str(), catalog))
                    .collect();
                row.push(signs.join("; "));
            }
            Fact::Answers(answers) => row.push(
                answers
                    .iter()
                    .map(|r| format!("{}\n{}", r.prompt.trim_end(), r.answer.trim_end()))
                    .collect::<Vec<_>>()
                    .join("\n\n"),
            ),
            Fact::Moments(_)
            | Fact::Thoughts(_)
            | Fact::Debriefs(_)
            | Fact::CycleWords(_)
            | Fact::Bids(_)
            | Fact::TimeOuts(_)
            | Fact::Ladders(_)
            | Fact::WeekReviews(_) => later.push(chains_text(chains_of(fact).into_iter(), catalog)),
            Fact::Predictions(predictions) => later.push(
                predictions
                    .iter()
                    .map(prediction_text)
                    .collect::<Vec<_>>()
                    .join("\n\n"),
            ),
            Fact::Strategies(strategies) => row.push(lines(
                strategies
                    .iter()
                    .map(|s| strategy_line(s, catalog))
                    .collect(),
            )),
            Fact::Notes(notes) => row.push(notes.trim_end().to_owned()),
            Fact::Tags(tags) => row.push(tags.join("; ")),
        }
    }
    row.extend(later);
    row.extend([e.updated_at.to_rfc3339(), e.id.to_string()]);
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_line_breaks_become_hard_breaks_and_paragraphs_stay() {
        assert_eq!(with_breaks("one\ntwo", ""), "one  \ntwo");
        assert_eq!(with_breaks("one\n\ntwo\n", ""), "one\n\ntwo");
        assert_eq!(
            with_breaks("one   \ntwo", ""),
            "one  \ntwo",
            "no pile of spaces"
        );
        assert_eq!(with_breaks("a: one\ntwo", "  "), "a: one  \n  two");
        assert_eq!(with_breaks("q\n\nr", "> "), "q\n\n> r");
        assert_eq!(with_breaks("plain", ""), "plain");
    }

    #[test]
    fn written_lines_that_look_like_markdown_stay_words() {
        assert_eq!(
            with_breaks("# of times he left", ""),
            "\\# of times he left"
        );
        assert_eq!(with_breaks("ok\n- not a list", ""), "ok  \n\\- not a list");
        assert_eq!(with_breaks("1. first", ""), "1\\. first");
        assert_eq!(with_breaks("2020) a year", ""), "2020\\) a year");
        assert_eq!(with_breaks("> quoted", ""), "\\> quoted");
        assert_eq!(with_breaks("```", ""), "\\```");
        assert_eq!(with_breaks("a line\n---", ""), "a line  \n\\---");
        assert_eq!(with_breaks("12 roses", ""), "12 roses");
        assert_eq!(with_breaks("plain # inside", ""), "plain # inside");
    }

    #[test]
    fn numbers_only_mood_labels_leave_the_value_alone() {
        let mut e = Entry::new(
            crate::journal::EntryId::try_from("x".to_owned()).unwrap(),
            DateTime::parse_from_rfc3339("2026-11-20T21:30:00+01:00").unwrap(),
        );
        e.mood = Some(crate::journal::Mood::try_from(4u8).unwrap());
        let catalog = Catalog::default();
        let md = markdown(std::slice::from_ref(&e), &catalog, MoodLabels::Numbers);
        assert!(md.contains("- Mood: 4/5\n"), "{md}");
        let md = markdown(&[e], &catalog, MoodLabels::Words);
        assert!(md.contains("- Mood: 4/5 (good)"), "{md}");
    }
}
