//! Reports: a few pages to read yourself or bring to a therapist or counsellor, of a chosen
//! window and filter. By default the summary and charts only; what a person wrote goes in only
//! when they include it.
//!
//! [`build`] gathers the figures (the same [`insights::compute`] the insights screen and
//! `closer stats` use, so the numbers agree) and [`sections`] lays them out once, as titled
//! tables with an optional chart each; [`html`] draws them as one self-contained page (inline
//! CSS and SVG, nothing fetched) and [`markdown`] as tables. Pure: no files, no terminal.

pub mod chart;
pub mod cycle;
pub mod html;
pub mod markdown;
pub mod moments;
pub mod turning;
pub mod when;
pub mod words;

use chrono::{NaiveDate, Weekday};

use crate::content::Catalog;
use crate::journal::insights::{self, Insights, Window};
use crate::journal::query::{Condition, Filter, words as search_words};
use crate::journal::vocabulary::count;
use crate::journal::{Entry, MoodLabels, Scale};

/// What a person chooses to put in besides the figures. Nothing, by default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Include {
    /// Their answers to the check-in's prompts, with the prompts.
    pub answers: bool,
    /// Their notes, and the notes they added to triggers.
    pub notes: bool,
    /// The moments they traced, in their words.
    pub episodes: bool,
    /// Their predictions: the fears in their words and what came of them.
    pub predictions: bool,
    /// The thoughts they checked.
    pub thoughts: bool,
    /// Their debriefs after hard moments.
    pub debriefs: bool,
    /// Their cycle, drawn from the moments they traced.
    pub cycle: bool,
    /// Their bids and appreciations, time-outs and ladders of brave steps, in their words.
    pub turning: bool,
}

impl Include {
    /// Whether any written text goes in.
    pub fn any(self) -> bool {
        self.answers
            || self.notes
            || self.episodes
            || self.predictions
            || self.thoughts
            || self.debriefs
            || self.cycle
            || self.turning
    }

    /// In words, for the page and for the message after writing it: "the figures only, none
    /// of your own words", or "the figures and your notes".
    pub fn describe(self) -> String {
        let mut parts = Vec::new();
        if self.answers {
            parts.push("your answers to prompts");
        }
        if self.notes {
            parts.push("your notes");
        }
        if self.episodes {
            parts.push("the moments you traced");
        }
        if self.predictions {
            parts.push("your predictions");
        }
        if self.thoughts {
            parts.push("the thoughts you checked");
        }
        if self.debriefs {
            parts.push("your debriefs");
        }
        if self.cycle {
            parts.push("your cycle");
        }
        if self.turning {
            parts.push("your bids, appreciations, time-outs and ladders");
        }
        match parts.as_slice() {
            [] => "the figures only, none of your own words".to_owned(),
            [one] => format!("the figures and {one}"),
            [rest @ .., last] => format!("the figures, {} and {last}", rest.join(", ")),
        }
    }
}

/// The file formats.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One self-contained web page with charts, to read on any device or print.
    #[default]
    Html,
    /// The same content with tables instead of charts.
    Markdown,
}

impl Format {
    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Markdown => "md",
        }
    }
}

/// What a report covers and holds.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// The days, both ends included.
    pub window: Window,
    /// Which entries count (triggers, tags, a search, …); empty: every entry in the window.
    pub filter: Filter,
    /// What written text goes in.
    pub include: Include,
}

/// A report's figures and, when included, the entries whose words go in.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The days covered.
    pub window: Window,
    /// The day it was made.
    pub made_on: NaiveDate,
    /// The filter, one condition per line in words (empty: every entry).
    pub filter: Vec<String>,
    /// What written text is in it.
    pub include: Include,
    /// The figures, for the window and filter.
    pub insights: Insights,
    /// The entries whose words go in, oldest first (empty unless `include` says so).
    pub entries: Vec<Entry>,
    /// Mood words, as the person chose them.
    pub mood_labels: MoodLabels,
    /// The cycle of the window and the side it is worded for, when included.
    pub cycle: Option<(
        crate::journal::insights::cycle::CycleView,
        Option<crate::journal::Perspective>,
    )>,
}

/// How a page is written as it is made: [`html::write_html`] or [`markdown::write_markdown`].
type WritePage = fn(&Report, &[&Entry], &Catalog, &mut dyn std::io::Write) -> std::io::Result<()>;

/// The page `write` makes of `report`, in memory, its words from `report.entries` (the
/// terminal interface's report, built whole).
fn in_memory(report: &Report, catalog: &Catalog, write: WritePage) -> String {
    let shared: Vec<&Entry> = report.entries.iter().collect();
    let mut out = Vec::new();
    // Writing to memory does not fail.
    let _ = write(report, &shared, catalog, &mut out);
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The report `request` asks for, over `entries` (any order), on `today`: its figures and
/// a copy of the entries whose words go in (the terminal interface's page, built whole).
pub fn build(
    entries: &[Entry],
    request: &Request,
    catalog: &Catalog,
    mood_labels: MoodLabels,
    today: NaiveDate,
    week_starts: Weekday,
) -> Report {
    let mut report = figures(entries, request, catalog, mood_labels, today, week_starts);
    report.entries = shared_entries(entries, request, today);
    report
}

/// [`build`] without the entries whose words go in (`entries` is left empty): what a page
/// written as it goes ([`html::write_html`], [`markdown::write_markdown`]) needs besides
/// [`shared`], without a copy of those entries.
pub fn figures(
    entries: &[Entry],
    request: &Request,
    catalog: &Catalog,
    mood_labels: MoodLabels,
    today: NaiveDate,
    week_starts: Weekday,
) -> Report {
    let words = search_words(&request.filter.text);
    let window = request.window;
    let chosen: Vec<Entry> = if request.filter.is_empty() {
        Vec::new()
    } else {
        entries
            .iter()
            .filter(|e| window.contains(e.date) && request.filter.matches(e, &words, today))
            .cloned()
            .collect()
    };
    let inside: &[Entry] = if request.filter.is_empty() {
        entries
    } else {
        &chosen
    };
    let figures = insights::with_moments(
        insights::compute(inside, window, today, week_starts),
        inside,
        week_starts,
    );
    let cycle = request.include.cycle.then(|| {
        let view = insights::cycle::cycle(inside, window, |t| catalog.is_safety(t));
        let days = inside.iter().filter(|e| window.contains(e.date));
        (view, cycle::perspective_of(days))
    });
    Report {
        window,
        made_on: today,
        filter: describe_filter(&request.filter, catalog),
        include: request.include,
        insights: figures,
        entries: Vec::new(),
        mood_labels,
        cycle,
    }
}

/// The entries of `entries` whose words go into the report `request` asks for (those in its
/// window that its filter lets through), oldest first; none when it includes no words. A
/// report's figures do not depend on it: the TUI works them out once and this again for the
/// words chosen.
pub fn shared_entries(entries: &[Entry], request: &Request, today: NaiveDate) -> Vec<Entry> {
    shared(entries, request, today)
        .into_iter()
        .cloned()
        .collect()
}

/// [`shared_entries`] without copying them: the entries themselves, oldest first.
pub fn shared<'a>(entries: &'a [Entry], request: &Request, today: NaiveDate) -> Vec<&'a Entry> {
    if !request.include.any() {
        return Vec::new();
    }
    let words = search_words(&request.filter.text);
    let mut shared: Vec<&Entry> = entries
        .iter()
        .filter(|e| request.window.contains(e.date) && request.filter.matches(e, &words, today))
        .collect();
    shared.sort_by(|a, b| Entry::order(a, b));
    shared
}

/// The filter in words, a line per condition (dates are the window, so left out).
fn describe_filter(filter: &Filter, catalog: &Catalog) -> Vec<String> {
    let mut out = Vec::new();
    if !filter.text.trim().is_empty() {
        out.push(format!("entries containing “{}”", filter.text.trim()));
    }
    for c in &filter.conditions {
        match c {
            Condition::Trigger(t) => {
                out.push(format!(
                    "entries with the trigger “{}”",
                    catalog.trigger_label(t)
                ));
            }
            Condition::Tag(t) => out.push(format!("entries tagged #{t}")),
            Condition::Perspective(p) => out.push(format!("entries written as “{}”", p.label())),
            Condition::Scale(s, lo, hi) => out.push(format!("{} {lo}–{hi}", s.id())),
            Condition::Dates(_) => {}
            Condition::HasEpisode => out.push("entries with a moment traced".to_owned()),
            Condition::TwoVersions => out.push("entries changed on two computers".to_owned()),
            Condition::Predictions(state) => out.push(format!("entries with {}", state.label())),
        }
    }
    out
}

/// A table: a header row and rows of cells, all plain text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    /// Column headings.
    pub header: Vec<String>,
    /// Rows, each as long as the header.
    pub rows: Vec<Vec<String>>,
}

/// How the chart of mood and closeness over time marks a day (its legend says the same): the
/// opening of its section's words in the page, left out where there is no chart (Markdown).
pub const CHART_DAYS: &str = "In the chart each day is a dot for mood and a triangle for \
     closeness;";

/// One part of a report: a title, a sentence or two, a chart (in the page) and the table
/// that gives the same figures in text (in the page beside the chart, and in Markdown).
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Its heading.
    pub title: String,
    /// What it shows and how to read it.
    pub intro: String,
    /// The chart, when there is something to draw.
    pub chart: Option<chart::Chart>,
    /// The figures (empty rows: a sentence in `intro` says why).
    pub table: Table,
    /// Lines after the table (e.g. which comparisons need more days).
    pub after: Vec<String>,
}

use insights::one_decimal as one;

/// Longer windows are shown by month: a weekly table of a year is a page of numbers.
const WEEKS_IN_A_TABLE: usize = 26;

/// The first scale's average on days with and without each trigger (the chart), and every
/// scale's in the table: a trigger without enough days of the first scale is said in words
/// under it. None when no trigger was logged.
fn trigger_comparison(
    i: &insights::Insights,
    trigger_name: &dyn Fn(&crate::journal::TriggerRef) -> String,
) -> Option<Section> {
    if i.triggers.is_empty() {
        return None;
    }
    let lead = Scale::ALL[0];
    let (enough, thin): (Vec<_>, Vec<_>) = i.triggers.iter().partition(|t| t.scales[lead].enough());
    let mut after: Vec<String> = thin
        .iter()
        .map(|t| {
            let said = if t.any_enough() {
                t.scales[lead].describe(lead.id())
            } else {
                t.not_enough()
            };
            format!("{}: {said}", trigger_name(&t.trigger))
        })
        .collect();
    if !enough.is_empty() {
        after.insert(
            0,
            "Days are compared only when each side has at least 5; a difference is \
             what happened, not what caused it."
                .to_owned(),
        );
    }
    let mut header = vec!["Trigger".to_owned()];
    for s in Scale::ALL {
        header.extend([
            format!("{} with", s.label()),
            format!("{} without", s.label()),
        ]);
    }
    header.push("Days with / without".to_owned());
    Some(Section {
        title: format!("{} on days with and without each trigger", lead.label()),
        intro: if enough.is_empty() {
            format!(
                "Not enough data yet: a comparison needs at least {} days with a trigger \
                 and {} without.",
                insights::MIN_DAYS,
                insights::MIN_DAYS
            )
        } else {
            format!(
                "Average daily {} on days when the trigger was logged, and on the other \
                 days of the window.",
                Scale::named()
            )
        },
        chart: (!enough.is_empty()).then(|| chart::Chart::WithWithout {
            labels: enough.iter().map(|t| trigger_name(&t.trigger)).collect(),
            with: enough.iter().map(|t| t.scales[lead].with).collect(),
            without: enough.iter().map(|t| t.scales[lead].without).collect(),
        }),
        table: Table {
            header,
            rows: enough
                .iter()
                .map(|t| {
                    let mut row = vec![trigger_name(&t.trigger)];
                    for (_, c) in t.scales.iter() {
                        let (with, without) = if c.enough() {
                            (one(c.with), one(c.without))
                        } else {
                            ("–".to_owned(), "–".to_owned())
                        };
                        row.extend([with, without]);
                    }
                    let days = &t.scales[lead];
                    row.push(format!("{} / {}", days.days_with, days.days_without));
                    row
                })
                .collect(),
        },
        after,
    })
}

/// `text` with its first letter a capital.
pub(crate) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// The figures of `report`, laid out: at a glance, mood and closeness over time, triggers,
/// with and without each trigger, by weekday, time of day and tag, what helped, and more.
pub fn sections(report: &Report, catalog: &Catalog) -> Vec<Section> {
    let i = &report.insights;
    let trigger_name = |t: &crate::journal::TriggerRef| words::shown(&catalog.trigger_label(t));
    let mut out = vec![
        glance_section(report),
        over_time_section(report),
        triggers_section(i, &trigger_name),
    ];
    out.extend(trigger_comparison(i, &trigger_name));
    out.extend(when::sections(&i.when));
    out.push(helped_section(i, catalog));
    out.extend(moments::sections(report, catalog));
    out.push(top_ten("Signs noticed", "noticed", &i.reactions, &|id| {
        words::shown(catalog.sign(id).map_or(id, |s| s.label.as_str()))
    }));
    out.push(top_ten("Feelings", "named", &i.emotions, &|w| {
        words::shown(w)
    }));
    out.extend(turning::section(&i.turning, catalog));
    if let Some((view, perspective)) = &report.cycle {
        let own_words = report.include.episodes;
        out.push(cycle::section(view, catalog, *perspective, own_words));
    }
    out
}

/// At a glance: the days covered and checked in, the check-ins, and each scale's average.
fn glance_section(report: &Report) -> Section {
    let i = &report.insights;
    Section {
        title: "At a glance".to_owned(),
        intro: format!(
            "{} are this person’s own ratings from 1 (lowest) to 5 (highest), averaged per \
             day first, so a day with several check-ins counts once.",
            capitalised(&Scale::named())
        ),
        chart: None,
        table: Table {
            header: vec!["".to_owned(), "".to_owned()],
            rows: [
                vec![
                    "Days covered".to_owned(),
                    format!("{}", report.window.days()),
                ],
                vec![
                    "Days with a check-in".to_owned(),
                    format!("{}", i.days_checked_in),
                ],
                vec!["Check-ins".to_owned(), format!("{}", i.entries)],
            ]
            .into_iter()
            .chain(
                i.scales
                    .iter()
                    .map(|(s, v)| vec![format!("Average {} (1–5)", s.id()), one(*v)]),
            )
            .collect(),
        },
        after: Vec::new(),
    }
}

/// The scales over time: a chart of the days and weeks, and a table by week, or by month
/// when there are too many weeks for one.
fn over_time_section(report: &Report) -> Section {
    let i = &report.insights;
    let by_month = i.weeks.len() > WEEKS_IN_A_TABLE;
    let periods = if by_month {
        insights::months(&i.days)
    } else {
        i.weeks.clone()
    };
    Section {
        title: format!("{} over time", capitalised(&Scale::named())),
        intro: if i.days.is_empty() {
            "No check-ins in these days.".to_owned()
        } else if by_month {
            format!(
                "{CHART_DAYS} the lines are weekly averages. The table gives monthly \
                 averages. Days without a check-in are gaps, not zeros."
            )
        } else {
            format!(
                "{CHART_DAYS} the lines are weekly averages, also in the table. Days \
                 without a check-in are gaps, not zeros."
            )
        },
        chart: (!i.days.is_empty()).then(|| chart::Chart::OverTime {
            window: report.window,
            days: i.days.clone(),
            weeks: i.weeks.clone(),
        }),
        table: Table {
            header: std::iter::once(if by_month { "Month" } else { "Week of" }.to_owned())
                .chain(Scale::ALL.iter().map(|s| s.label().to_owned()))
                .collect(),
            rows: periods
                .iter()
                .map(|w| {
                    let period = if by_month {
                        w.start.format("%B %Y").to_string()
                    } else {
                        w.start.format("%-d %b %Y").to_string()
                    };
                    std::iter::once(period)
                        .chain(w.scales.iter().map(|(_, v)| one(*v)))
                        .collect()
                })
                .collect(),
        },
        after: Vec::new(),
    }
}

/// How many check-ins named each trigger, and how strong it felt.
fn triggers_section(
    i: &Insights,
    trigger_name: &dyn Fn(&crate::journal::TriggerRef) -> String,
) -> Section {
    Section {
        title: "Triggers".to_owned(),
        intro: if i.triggers.is_empty() {
            "No triggers were logged in these days.".to_owned()
        } else {
            "How many check-ins named each trigger, and how strong it felt on average \
             (1 mild – 5 very strong) when a strength was given."
                .to_owned()
        },
        chart: (!i.triggers.is_empty()).then(|| chart::Chart::Bars {
            labels: i
                .triggers
                .iter()
                .map(|t| trigger_name(&t.trigger))
                .collect(),
            values: i.triggers.iter().map(|t| f64::from(t.count)).collect(),
            notes: i
                .triggers
                .iter()
                .map(|t| {
                    t.intensity
                        .map_or(String::new(), |v| format!("strength {v:.1}"))
                })
                .collect(),
            axis: "check-ins".to_owned(),
        }),
        table: Table {
            header: vec![
                "Trigger".to_owned(),
                "Check-ins".to_owned(),
                "Average strength".to_owned(),
            ],
            rows: i
                .triggers
                .iter()
                .map(|t| {
                    vec![
                        trigger_name(&t.trigger),
                        t.count.to_string(),
                        one(t.intensity),
                    ]
                })
                .collect(),
        },
        after: Vec::new(),
    }
}

/// What helped: the strategies planned and tried, and how helpful they felt.
fn helped_section(i: &Insights, catalog: &Catalog) -> Section {
    let strategy_title =
        |id: &str| words::shown(catalog.strategy(id).map_or(id, |s| s.title.as_str()));
    let tried: Vec<_> = i.strategies.iter().filter(|s| s.tried > 0).collect();
    Section {
        title: "What helped".to_owned(),
        intro: if i.strategies.is_empty() {
            "No strategies were planned or tried in these days.".to_owned()
        } else {
            "Strategies planned and tried, and how helpful they felt afterwards \
             (1 not at all – 5 very), when rated."
                .to_owned()
        },
        chart: (!tried.is_empty()).then(|| chart::Chart::Bars {
            labels: tried.iter().map(|s| strategy_title(&s.id)).collect(),
            values: tried.iter().map(|s| f64::from(s.tried)).collect(),
            notes: tried
                .iter()
                .map(|s| {
                    s.helpfulness
                        .map_or(String::new(), |h| format!("helpful {h:.1}"))
                })
                .collect(),
            axis: "times tried".to_owned(),
        }),
        table: Table {
            header: vec![
                "Strategy".to_owned(),
                "Planned".to_owned(),
                "Tried".to_owned(),
                "Helpfulness".to_owned(),
            ],
            rows: i
                .strategies
                .iter()
                .map(|s| {
                    vec![
                        strategy_title(&s.id),
                        s.planned.to_string(),
                        s.tried.to_string(),
                        one(s.helpfulness),
                    ]
                })
                .collect(),
        },
        after: Vec::new(),
    }
}

/// The ten `items` (ids with how many check-ins) seen most often, named by `label`.
fn top_ten(
    title: &str,
    what: &str,
    items: &[(String, u32)],
    label: &dyn Fn(&str) -> String,
) -> Section {
    Section {
        title: title.to_owned(),
        intro: if items.is_empty() {
            format!("None {what} in these days.")
        } else {
            format!("The ten {what} most often, with how many check-ins.")
        },
        chart: None,
        table: Table {
            header: vec!["".to_owned(), "Check-ins".to_owned()],
            rows: insights::first_of(items, 10)
                .0
                .iter()
                .map(|(id, n)| vec![label(id), n.to_string()])
                .collect(),
        },
        after: match insights::first_of(items, 10).1 {
            0 => Vec::new(),
            more => vec![format!("And {more} more, {what} as often or less.")],
        },
    }
}

/// The line under a report's title: the window, its length and the filter.
pub fn subtitle(report: &Report) -> String {
    let mut s = format!(
        "{} – {} ({})",
        report.window.from.format("%-d %B %Y"),
        report.window.to.format("%-d %B %Y"),
        count(report.window.days(), "day", "days")
    );
    if !report.filter.is_empty() {
        s.push_str(" · ");
        s.push_str(&words::shown(&report.filter.join("; ")));
    }
    s
}

/// What the report says it is, on every page.
pub const NOT_ADVICE: &str = "Made with closer, a self-reflection journal. These are one \
    person’s own check-ins and ratings, not a clinical measure or a diagnosis.";

pub use html::html;
pub use markdown::markdown;

#[cfg(test)]
mod tests;
