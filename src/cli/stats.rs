//! `closer stats`: the insights as readable text, or as JSON for scripts. Reads the journal
//! without opening it for writing.

use crate::journal::vocabulary::count;
use std::io::Write;
use std::path::Path;

use anyhow::{Result, bail};
use chrono::{NaiveDate, Weekday};

use super::every_core;
use crate::content::Catalog;
use crate::journal::Entry;
use crate::journal::insights::{self, Insights, Window, one_decimal as fmt};
use crate::report::words;
use crate::store::{self, Layout};

use super::Ctx;

/// Print the insights: check-ins, streaks, mood and closeness, triggers, what helped.
///
/// A comparison with fewer than 5 days on either side says "not enough data yet".
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  closer stats\n  closer stats --from 2026-01 --to 2026-03\n  closer stats --from 'last monday'\n  closer stats --json | jq .mood"
)]
pub struct Args {
    #[command(flatten)]
    window: super::outfile::Window,
    /// Print JSON, for scripts
    #[arg(long)]
    json: bool,
}

impl Args {
    /// Prints the insights.
    ///
    /// # Errors
    /// As [`run`]; the journal cannot be unlocked.
    pub fn run(self, ctx: &Ctx) -> Result<std::process::ExitCode> {
        ctx.unlock()?;
        if self.json {
            ctx.plaintext_note("what stats --json prints");
        }
        let today = crate::clock::today();
        ctx.printed(|out| {
            run(
                ctx.data_dir()?,
                self.window.from,
                self.window.to,
                self.json,
                today,
                out,
            )
        })?;
        Ok(std::process::ExitCode::SUCCESS)
    }
}

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
    let to = to.unwrap_or(today);
    if let Some(from) = from
        && from > to
    {
        bail!("--from {from} is after --to {to}: give the earlier date first");
    }
    crate::cli::journal_is_there(data_dir)?;
    let figures = figures(&Layout::new(data_dir), from, to, today);
    if figures.window.from > to {
        bail!(
            "--to {to} is before the journal's first entry ({}): give a later --to, or a --from \
             before it",
            figures.window.from
        );
    }
    if json {
        serde_json::to_writer_pretty(&mut *out, &figures)?;
        writeln!(out)?;
        return Ok(());
    }
    let catalog = Catalog::bundled().unwrap_or_default();
    text(&figures, &catalog, out)?;
    Ok(())
}

/// The insights of the journal at `layout` from `from` (default: its first entry) to `to`,
/// moments and predictions included, read a day file at a time on every core and counted as
/// it goes: a plain journal is never whole in memory (an encrypted one is read through its
/// cache). A day file that cannot be read is left out, as when the journal is opened (`closer
/// doctor` names it).
pub fn figures(
    layout: &Layout,
    from: Option<NaiveDate>,
    to: NaiveDate,
    today: NaiveDate,
) -> Insights {
    let window = Window {
        from: from.unwrap_or(NaiveDate::MIN),
        to,
    };
    let mut tally = insights::Tally::new(window, true);
    let mut first: Option<NaiveDate> = None;
    // Whether a day file held an entry of another day (`closer doctor` names it): its day
    // would then be counted in two parts, so the journal is read whole instead.
    let mut misplaced = false;
    let count = |tally: &mut insights::Tally, first: &mut Option<NaiveDate>, entries: &[Entry]| {
        if let Some(day) = entries.iter().map(|e| e.date).min() {
            *first = Some(first.map_or(day, |f| f.min(day)));
        }
        tally.add(entries);
    };
    // An encrypted journal is read through its cache, one age file, whole: reading its day
    // files one by one is an X25519 agreement each, four times as slow at 100,000 entries
    // (6.2 s against 1.4 s).
    if !store::crypto::is_encrypted(layout) {
        // Every day, those outside the window too: the streaks are the whole journal's.
        let days: Vec<NaiveDate> = store::Store::days_with_files_in(layout);
        let read = |day: NaiveDate| {
            let entries = store::read_day_entries(layout, day).unwrap_or_default();
            let elsewhere = entries.iter().any(|e| e.date != day);
            (entries, elsewhere)
        };
        let _ = every_core::in_order(&days, &read, |(entries, elsewhere)| {
            misplaced |= elsewhere;
            if !misplaced {
                count(&mut tally, &mut first, &entries);
            }
            Ok(())
        });
    }
    if misplaced || store::crypto::is_encrypted(layout) {
        tally = insights::Tally::new(window, true);
        first = None;
        count(&mut tally, &mut first, &store::load(layout).entries);
    }
    let mut figures = tally.finish(today, Weekday::Mon);
    // The whole journal runs from its first entry (as `Window::all`), not from year one.
    figures.window.from = from.unwrap_or_else(|| first.unwrap_or(today).min(today));
    figures
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
    for (scale, average) in i.scales.iter() {
        let label = scale.label();
        writeln!(out, "{label:<13}{} on average (1–5)", fmt(*average))?;
    }
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
        for line in t.describe() {
            writeln!(out, "    {line}")?;
        }
    }
    writeln!(out)?;
    when(&i.when, out)?;
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
    counts(
        out,
        "Noticed most often",
        "nothing noted",
        &i.reactions,
        |id| words::sign_label(id, catalog),
    )?;
    counts(
        out,
        "Feelings named most often",
        "none named",
        &i.emotions,
        |w| w,
    )?;
    moments(i, catalog, out)
}

/// Each scale by weekday and by time of day, and tags against each scale, as insights show
/// them: an average only from 5 days on, a tag compared only with 5 days on each side.
fn when(w: &insights::when::When, out: &mut impl Write) -> std::io::Result<()> {
    use crate::report::when as words;
    let tables = [
        ("By weekday", words::weekdays(w), words::weekdays_too_few(w)),
        (
            "By time of day (the local time a check-in was written)",
            words::dayparts(w),
            words::dayparts_too_few(w),
        ),
    ];
    for (title, table, too_few) in tables {
        writeln!(out, "{title}")?;
        if !w.any() {
            writeln!(out, "  no check-ins")?;
        } else {
            for line in words::aligned(&table) {
                writeln!(out, "  {line}")?;
            }
            if let Some(line) = too_few {
                writeln!(out, "  {line}")?;
            }
        }
        writeln!(out)?;
    }
    writeln!(out, "Tags against {}", crate::journal::Scale::named())?;
    if w.tags.is_empty() {
        writeln!(out, "  none used")?;
    }
    for (title, lines) in words::tag_findings(w) {
        writeln!(out, "  {title}")?;
        for line in lines {
            writeln!(out, "    {line}")?;
        }
    }
    for line in words::tags_too_few(w) {
        writeln!(out, "  {line}")?;
    }
    writeln!(out)
}

/// A list of counts under its title, most first: the first 10, with `label` of each, and how
/// many more; `none` when it is empty.
fn counts<'a>(
    out: &mut impl Write,
    title: &str,
    none: &str,
    list: &'a [(String, u32)],
    label: impl Fn(&'a str) -> &'a str,
) -> std::io::Result<()> {
    writeln!(out, "{title}")?;
    if list.is_empty() {
        writeln!(out, "  {none}")?;
    }
    let (shown, more) = insights::first_of(list, 10);
    for (item, n) in shown {
        writeln!(out, "  {n:>4}  {}", label(item))?;
    }
    if let Some(more) = insights::and_more(more) {
        writeln!(out, "        {more}")?;
    }
    writeln!(out)
}

/// Predictions and moments traced, as insights show them; each figure says how many it rests
/// on, and says nothing until there are enough.
fn moments(i: &Insights, catalog: &Catalog, out: &mut impl Write) -> std::io::Result<()> {
    use crate::journal::insights::MIN_DAYS;
    use crate::journal::insights::moments::{endings_line, percent};
    let p = &i.predictions;
    writeln!(out, "Predictions (fears written down to look back on)")?;
    if p.made == 0 {
        writeln!(out, "  none made")?;
    } else {
        let answered = p.answered();
        writeln!(
            out,
            "  {} made · {answered} looked back on · {} open · {} dropped",
            p.made, p.open, p.dropped
        )?;
        if answered < MIN_DAYS {
            writeln!(
                out,
                "  not enough looked back on yet to say how often fears came true ({answered} of \
                 the {MIN_DAYS} needed)"
            )?;
        } else {
            writeln!(
                out,
                "  it happened {} · partly {} · it did not {}  ({} of {answered} came true at \
                 least in part)",
                p.yes,
                p.partly,
                p.no,
                percent(p.yes + p.partly, answered)
            )?;
        }
        if p.rated >= MIN_DAYS {
            writeln!(
                out,
                "  how bad: feared {} on average, really {} (1–5, over {})",
                fmt(p.predicted_badness),
                fmt(p.actual_badness),
                plural(p.rated, "answer", "answers")
            )?;
        }
        for t in &p.by_trigger {
            writeln!(out, "  {}", words::trigger_predictions_line(t, catalog))?;
        }
    }
    writeln!(out)?;
    let e = &i.episodes;
    writeln!(out, "Moments traced")?;
    if e.count == 0 {
        writeln!(out, "  none traced")?;
    } else {
        writeln!(out, "  {}", e.repaired_line())?;
        for (label, ends) in [
            ("with a repair   ", e.ended_with_repair),
            ("without a repair", e.ended_without_repair),
        ] {
            writeln!(out, "  {}", endings_line(label, ends))?;
        }
    }
    for u in &e.urges {
        writeln!(out, "  {}", words::urge_line(u, catalog))?;
    }
    for (heading, said) in words::aftermath_lines(&i.debriefs, &i.thoughts, catalog) {
        writeln!(out)?;
        writeln!(out, "{heading}")?;
        for line in said {
            writeln!(out, "  {line}")?;
        }
    }
    let toward = words::turning_lines(&i.turning);
    if !toward.is_empty() {
        writeln!(out)?;
        writeln!(out, "Turning toward (counts for noticing, not a score)")?;
        for line in toward {
            writeln!(out, "  {line}")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{
        Badness, Ending, Episode, Prediction, PredictionOutcome, PredictionResult, TriggerRef,
    };
    use crate::store::Store;

    /// Issue 21, item 4: `closer stats` reads day by day; its figures are those of the whole
    /// journal in memory (`insights::compute` with the moments), for the whole journal and
    /// for windows that cut it, streaks included.
    #[test]
    fn figures_read_day_by_day_equal_the_journal_in_memory() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let mut entries = crate::tui::test_support::generated_year();
        for (i, e) in entries.iter_mut().enumerate() {
            let trigger = e.triggers.first().map(|t| t.trigger.clone());
            if i % 3 == 0 {
                e.episodes.push(Episode {
                    what: "a moment".into(),
                    triggers: trigger.clone().into_iter().collect::<Vec<TriggerRef>>(),
                    urges: vec![["go quiet", "leave", "text"][i / 3 % 3].into()],
                    ended: Some([Ending::Closer, Ending::Same, Ending::FurtherApart][i % 3]),
                    ..Episode::default()
                });
            }
            if i % 4 == 0 {
                e.predictions.push(Prediction {
                    step: None,
                    fear: "they will leave".into(),
                    likelihood: None,
                    badness: Badness::try_from(4u8).ok(),
                    look_back: e.date,
                    outcome: (i % 8 == 0).then(|| PredictionOutcome {
                        on: e.date,
                        result: [PredictionResult::No, PredictionResult::Partly][i % 16 / 8],
                        badness: Badness::try_from(2u8).ok(),
                        instead: String::new(),
                        extra: Default::default(),
                    }),
                    extra: Default::default(),
                });
            }
            // Bids and breaks, so the weeks of turning toward are counted both ways too.
            if i % 2 == 0 {
                e.bids.push(crate::journal::Bid {
                    kind: crate::journal::BidKind::ALL[i % 4],
                    turn: [None, Some(crate::journal::Turn::Toward)][i / 2 % 2],
                    text: "a bid".into(),
                    ..Default::default()
                });
            }
            // Tags, so tags against each scale are counted both ways too.
            if i % 3 != 0 {
                e.tags.push(["work", "family", "rest"][i % 7 % 3].into());
            }
            if i % 5 == 0 {
                let side = crate::journal::BreakSide::ALL[i % 2];
                e.time_outs
                    .push(crate::journal::TimeOut::new(side, e.created_at, 30));
            }
            store.save_entry(e).unwrap();
        }
        let entries = store::load(store.layout()).entries;
        assert!(entries.len() > 300, "{}", entries.len());
        let today = entries.last().unwrap().date;
        let first = entries[0].date;
        let mid = first + chrono::Days::new(100);
        for (from, to) in [
            (None, today),
            (Some(mid), today),
            (Some(first), mid),
            (Some(mid), mid + chrono::Days::new(30)),
        ] {
            let window = Window {
                from: from.unwrap_or(first),
                to,
            };
            let want = insights::with_moments(
                insights::compute(&entries, window, today, Weekday::Mon),
                &entries,
                Weekday::Mon,
            );
            let got = figures(store.layout(), from, to, today);
            assert_eq!(got, want, "{from:?} {to}");
            assert!(got.episodes.count > 0 && got.predictions.made > 0);
            assert!(got.when.any() && got.when.tags.len() == 3, "{:?}", got.when);
        }
    }
}

#[cfg(test)]
mod damaged {
    use super::*;
    use crate::store::Store;

    /// Found in review: a copy of a day file in a folder that is not its year was counted as
    /// a second file of its day, and an entry in another day's file split its day in two. The
    /// figures read day by day must still be those of the journal as the app reads it; and a
    /// `--to` before the first entry is refused.
    #[test]
    fn stray_copies_and_misplaced_entries_count_as_the_journal_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        for e in crate::tui::test_support::generated_year() {
            store.save_entry(&e).unwrap();
        }
        let layout = store.layout().clone();
        let entries = store::load(&layout).entries;
        let (first, last) = (entries[0].date, entries[entries.len() - 1].date);
        let today = last;
        let whole = |layout: &Layout| {
            let entries = store::load(layout).entries;
            let window = Window {
                from: first,
                to: today,
            };
            insights::with_moments(
                insights::compute(&entries, window, today, Weekday::Mon),
                &entries,
                Weekday::Mon,
            )
        };

        // A copy of a day file beside its year folder, and one in another year's folder.
        let day_file = layout.day_file(last);
        let year = day_file.parent().unwrap();
        let copy = year.with_file_name(format!("{} copy", last.format("%Y")));
        std::fs::create_dir_all(&copy).unwrap();
        std::fs::copy(&day_file, copy.join(day_file.file_name().unwrap())).unwrap();
        let other = year.with_file_name("1999");
        std::fs::create_dir_all(&other).unwrap();
        std::fs::copy(&day_file, other.join(day_file.file_name().unwrap())).unwrap();
        assert_eq!(figures(&layout, None, today, today), whole(&layout));

        // An entry dated a week before the last day, in the last day's file.
        let mut body: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&day_file).unwrap()).unwrap();
        let mut moved = body["entries"][0].clone();
        let week_before = last - chrono::Days::new(7);
        moved["date"] = serde_json::json!(week_before.to_string());
        moved["id"] = serde_json::json!("20260101-000000-00000abc");
        body["entries"].as_array_mut().unwrap().push(moved);
        std::fs::write(&day_file, serde_json::to_vec_pretty(&body).unwrap()).unwrap();
        let want = whole(&layout);
        assert_eq!(want.entries as usize, entries.len() + 1);
        assert_eq!(figures(&layout, None, today, today), want);

        let mut out = Vec::new();
        let err = run(
            dir.path(),
            None,
            Some(first - chrono::Days::new(1)),
            false,
            today,
            &mut out,
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("before the journal's first entry"), "{err}");
    }
}
