//! Reports as one self-contained web page: inline CSS and SVG, no scripts, no fonts or images
//! to fetch. Readable on a phone (one column that scales its charts), printable to A4 or
//! Letter (print CSS keeps a chart with its table and an entry on one page where it can).
//! Everything is written with maud, which escapes every piece of text put in; only the SVG
//! that plotters drew (which escapes its own text) goes in as it is.

use std::io::{self, Write};

use maud::{DOCTYPE, Markup, PreEscaped, html as page};

use super::chart::{self, Chart};
use super::{Report, Section, Table, words};
use crate::content::Catalog;
use crate::journal::Entry;

const CSS: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 50rem; padding: 1.25rem; color: #222; background: #fff;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #bbb; padding-bottom: .2rem; break-after: avoid; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .4rem; break-after: avoid; }
.subtitle { font-size: 1.05rem; margin: 0 0 .75rem; }
.about { color: #444; font-size: .95rem; }
figure { margin: .75rem 0; }
figure svg { display: block; width: 100%; height: auto; }
figcaption { color: #444; font-size: .9rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .95rem; }
caption { text-align: left; color: #444; font-size: .9rem; padding-bottom: .25rem; }
th, td { padding: .3rem .5rem; border-bottom: 1px solid #ccc; text-align: right; vertical-align: top; }
th:first-child, td:first-child { text-align: left; overflow-wrap: anywhere; }
thead th { border-bottom: 2px solid #555; }
.after { font-size: .95rem; color: #333; }
blockquote { margin: .5rem 0 .25rem; padding-left: .75rem; border-left: 3px solid #777; color: #333; }
.words { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0 0 .75rem; }
.entry { break-inside: avoid; }
footer { margin-top: 2.5rem; color: #444; font-size: .9rem; border-top: 1px solid #bbb; padding-top: .5rem; }
@media (max-width: 30rem) {
  body { padding: .75rem; font-size: 15px; }
  th, td { padding: .25rem .3rem; }
  /* Charts fit the width of a phone, the newest days included (nothing hides in a box that
     scrolls sideways); the table under each gives the same figures in readable text. */
  figure svg { width: 100%; max-width: 100%; }
}
@media print {
  @page { margin: 16mm 14mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  figure, tr, .after li { break-inside: avoid; }
  table { break-before: avoid; }
  h2 { margin-top: 1.2rem; }
}
"#;

/// The chart as SVG, labelled for screen readers, or a sentence saying why it is missing.
fn figure(chart: &Chart, title: &str) -> Markup {
    let label = format!("Chart: {title}. The same figures are in the table after it.");
    match chart::svg(chart) {
        Ok(svg) => {
            let label = page! { (label) }.into_string();
            let svg = svg.replacen(
                "<svg ",
                &format!("<svg role=\"img\" aria-label=\"{label}\" "),
                1,
            );
            let more = match chart {
                Chart::Bars { labels, .. } | Chart::WithWithout { labels, .. }
                    if labels.len() > chart::MOST_ROWS =>
                {
                    format!(
                        " The chart shows the first {}; the table has all {}.",
                        chart::MOST_ROWS,
                        labels.len()
                    )
                }
                _ => String::new(),
            };
            page! {
                figure {
                    (PreEscaped(svg))
                    figcaption { "Chart: " (title) "." (more) }
                }
            }
        }
        Err(why) => {
            page! { p.after { "This chart could not be drawn (" (why) "); the table has the figures." } }
        }
    }
}

fn table(t: &Table, caption: &str) -> Markup {
    page! {
        @if !t.rows.is_empty() {
            table {
                caption { (caption) }
                @if t.header.iter().any(|h| !h.is_empty()) {
                    thead { tr { @for h in &t.header { th scope="col" { (h) } } } }
                }
                tbody {
                    @for row in &t.rows {
                        tr {
                            @for (i, c) in row.iter().enumerate() {
                                @if i == 0 { th scope="row" { (words::shown(c)) } } @else { td { (words::shown(c)) } }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn section(s: &Section) -> Markup {
    page! {
        section.figures {
            h2 { (s.title) }
            p { (s.intro) }
            @if let Some(c) = &s.chart { (figure(c, &s.title)) }
            (table(&s.table, &format!("{}: the figures", s.title)))
            @if !s.after.is_empty() {
                ul.after { @for line in &s.after { li { (words::shown(line)) } } }
            }
        }
    }
}

/// One piece of an entry's words, as HTML.
fn shared_words(piece: &words::Shared<'_>, catalog: &Catalog) -> Markup {
    match piece {
        words::Shared::TriggerNotes(noted) => page! {
            ul { @for t in noted { li.words { (words::shown(&words::trigger_line(t, catalog, true))) } } }
        },
        words::Shared::Answer(r) => page! {
            blockquote { (words::shown(&r.prompt)) }
            p.words { (words::shown(r.answer.trim_end())) }
        },
        words::Shared::Chain(chain) => page! {
            p { b { (chain.title()) } }
            ul { @for (what, value) in chain.lines(catalog) { li.words { (what) ": " (words::shown(&value)) } } }
        },
        words::Shared::Prediction(p) => {
            let (fear, after) = words::prediction_lines(p);
            page! { p.words { b { "Feared: " } (words::shown(&fear)) br; (words::shown(&after)) } }
        }
        words::Shared::Notes(notes) => page! {
            p { b { "Notes" } }
            p.words { (words::shown(notes.trim_end())) }
        },
    }
}

/// Where the entries' words go in the page's frame: no text of a person's is written after
/// it (only the footer is), and it holds a character the page never has.
const WORDS_GO_HERE: &str = "\u{0}the entries' words\u{0}";

/// The report as one HTML page, its words from `report.entries`.
pub fn html(report: &Report, catalog: &Catalog) -> String {
    super::in_memory(report, catalog, write_html)
}

/// The report as one HTML page, written to `out` as it is made, its words from `shared`
/// (oldest first; see [`super::shared`]): one entry's words at a time, never the whole page.
///
/// # Errors
/// Writing to `out` fails.
pub fn write_html(
    report: &Report,
    shared: &[&Entry],
    catalog: &Catalog,
    out: &mut dyn Write,
) -> io::Result<()> {
    let subtitle = words::shown(&super::subtitle(report));
    let frame = page! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content="closer";
                title { "A closer report · " (subtitle) }
                style { (PreEscaped(CSS)) }
            }
            body {
                header {
                    h1 { "A closer report" }
                    p.subtitle { (subtitle) }
                    p.about { (super::NOT_ADVICE) }
                    p.about { "Contains " (report.include.describe()) ". Made on "
                        (report.made_on.format("%-d %B %Y")) "." }
                }
                main {
                    @for s in super::sections(report, catalog) { (section(&s)) }
                    @if report.include.any() {
                        section {
                            h2 { "In their own words" }
                            (PreEscaped(WORDS_GO_HERE))
                        }
                    }
                }
                footer {
                    p { "Made with closer on " (report.made_on.format("%-d %B %Y"))
                        ". Averages leave out days without a value; comparisons need at least "
                        (crate::journal::insights::MIN_DAYS) " days on each side." }
                }
            }
        }
    }
    .into_string();
    let Some((before, after)) = frame
        .rsplit_once(WORDS_GO_HERE)
        .filter(|_| report.include.any())
    else {
        return out.write_all(frame.as_bytes());
    };
    out.write_all(before.as_bytes())?;
    let mut any = false;
    for e in shared {
        let pieces = words::shared(e, report.include);
        if pieces.is_empty() {
            continue;
        }
        any = true;
        let article = page! {
            article.entry {
                h3 { (words::entry_heading(e)) }
                @for piece in &pieces { (shared_words(piece, catalog)) }
            }
        };
        out.write_all(article.into_string().as_bytes())?;
    }
    if !any {
        out.write_all(
            page! { p { "Nothing written in these days." } }
                .into_string()
                .as_bytes(),
        )?;
    }
    out.write_all(after.as_bytes())
}
