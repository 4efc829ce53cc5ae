//! Reports as Markdown (the page's content with tables instead of charts), and the Markdown
//! escaping the export shares.

use std::io::{self, Write};

use super::{Report, Section, Table, words};
use crate::content::Catalog;
use crate::journal::Entry;

/// `line` with what would make Markdown read it as structure escaped: a leading `#`, `>`, `-`,
/// `+`, `*`, `=` or `|`, a number followed by `.` or `)` (a list), and a leading run of
/// backticks or tildes (a code fence). Written words stay words.
pub fn literal(line: &str) -> std::borrow::Cow<'_, str> {
    let body = line.trim_start();
    let lead = &line[..line.len() - body.len()];
    let Some(first) = body.chars().next() else {
        return line.into();
    };
    if matches!(first, '#' | '>' | '-' | '+' | '*' | '=' | '|' | '`' | '~') {
        return format!("{lead}\\{body}").into();
    }
    let digits = body.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && matches!(body[digits..].chars().next(), Some('.' | ')')) {
        return format!("{lead}{}\\{}", &body[..digits], &body[digits..]).into();
    }
    line.into()
}

/// `text` as a Markdown block that renders with its line breaks: a line followed by another
/// non-blank line ends in a hard break (two spaces, which every Markdown reader knows), and
/// every line after the first starts with `indent` so a list item stays one item.
pub fn with_breaks(text: &str, indent: &str) -> String {
    let lines: Vec<&str> = text.trim_end().lines().map(str::trim_end).collect();
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
            if !line.is_empty() {
                out.push_str(indent);
            }
        }
        out.push_str(&literal(line));
        if !line.is_empty() && lines.get(i + 1).is_some_and(|next| !next.is_empty()) {
            out.push_str("  ");
        }
    }
    out
}

/// Text for a table cell: control characters shown, on one line, with `|` (which would end
/// the cell), `<` (which a Markdown viewer may read as HTML) and `\` escaped.
pub fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in words::shown(text).chars() {
        match c {
            '|' | '<' | '\\' | '*' | '_' | '`' | '[' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out.trim().to_owned()
}

/// A block of a person's text: control characters shown, `<` escaped, line breaks kept (see
/// [`with_breaks`]).
fn block(text: &str, indent: &str) -> String {
    with_breaks(&words::shown(text).replace('<', "\\<"), indent)
}

fn table(out: &mut String, t: &Table) {
    if t.rows.is_empty() {
        return;
    }
    let header: Vec<String> = t
        .header
        .iter()
        .map(|h| {
            if h.is_empty() {
                " ".to_owned()
            } else {
                cell(h)
            }
        })
        .collect();
    out.push_str(&format!("| {} |\n", header.join(" | ")));
    let rule: Vec<&str> = t
        .header
        .iter()
        .enumerate()
        .map(|(i, _)| if i == 0 { "---" } else { "---:" })
        .collect();
    out.push_str(&format!("|{}|\n", rule.join("|")));
    for row in &t.rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out.push('\n');
}

fn section(out: &mut String, s: &Section) {
    // Markdown has the tables and not the charts: what only a chart shows is not said.
    let intro = match s.intro.strip_prefix(super::CHART_DAYS) {
        Some(rest) => {
            let rest = rest.trim_start();
            let rest = rest
                .strip_prefix("the lines are weekly averages, also in the table. ")
                .map(|r| format!("The table gives weekly averages. {r}"))
                .or_else(|| {
                    rest.strip_prefix("the lines are weekly averages. ")
                        .map(str::to_owned)
                })
                .unwrap_or_else(|| rest.to_owned());
            super::capitalised(&rest)
        }
        None => s.intro.clone(),
    };
    out.push_str(&format!("## {}\n\n{}\n\n", s.title, intro));
    table(out, &s.table);
    for line in &s.after {
        out.push_str(&format!("- {}\n", cell(line)));
    }
    if !s.after.is_empty() {
        out.push('\n');
    }
}

/// The report as Markdown, its words from `report.entries`.
pub fn markdown(report: &Report, catalog: &Catalog) -> String {
    super::in_memory(report, catalog, write_markdown)
}

/// The report as Markdown, written to `out` as it is made: the same sections as the page,
/// each table as a Markdown table, then (when included) the words of `shared` (oldest first;
/// see [`super::shared`]) by day, one entry at a time.
///
/// # Errors
/// Writing to `out` fails.
pub fn write_markdown(
    report: &Report,
    shared: &[&Entry],
    catalog: &Catalog,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut head = format!(
        "# A closer report\n\n{}\n\n_{}_\n\nContains {}. Made on {}.\n\n",
        cell(&super::subtitle(report)),
        super::NOT_ADVICE,
        report.include.describe(),
        report.made_on.format("%-d %B %Y")
    );
    for s in super::sections(report, catalog) {
        section(&mut head, &s);
    }
    let mut out = OneNewlineAtTheEnd { out, held: 0 };
    if report.include.any() {
        head.push_str("## In their own words\n\n");
        out.write(&head)?;
        let mut any = false;
        for e in shared {
            let pieces = words::shared(e, report.include);
            if pieces.is_empty() {
                continue;
            }
            any = true;
            let mut text = format!("### {}\n\n", words::entry_heading(e));
            for piece in pieces {
                shared_words(&mut text, &piece, catalog);
            }
            out.write(&text)?;
        }
        if !any {
            out.write("Nothing written in these days.\n\n")?;
        }
    } else {
        out.write(&head)?;
    }
    out.end()
}

/// A writer that holds back the newlines at the end of what it was given, and ends with one
/// at most: the text ends in a single newline, however many blank lines its last block left.
struct OneNewlineAtTheEnd<'a> {
    out: &'a mut dyn Write,
    /// Newlines given but not yet written.
    held: usize,
}

impl OneNewlineAtTheEnd<'_> {
    fn write(&mut self, text: &str) -> io::Result<()> {
        let body = text.trim_end_matches('\n');
        if !body.is_empty() {
            self.out.write_all("\n".repeat(self.held).as_bytes())?;
            self.out.write_all(body.as_bytes())?;
            self.held = 0;
        }
        self.held += text.len() - body.len();
        Ok(())
    }

    fn end(self) -> io::Result<()> {
        if self.held > 0 {
            self.out.write_all(b"\n")?;
        }
        Ok(())
    }
}

/// One piece of an entry's words, in Markdown.
fn shared_words(out: &mut String, piece: &words::Shared<'_>, catalog: &Catalog) {
    match piece {
        words::Shared::TriggerNotes(noted) => {
            for t in noted {
                let line = words::trigger_line(t, catalog, true);
                out.push_str(&format!("- {}\n", block(&line, "  ")));
            }
            out.push('\n');
        }
        words::Shared::Answer(r) => out.push_str(&format!(
            "> {}\n\n{}\n\n",
            block(&r.prompt, "> "),
            block(&r.answer, "")
        )),
        words::Shared::Chain(chain) => {
            out.push_str(&format!("{}:\n\n", chain.title()));
            for (what, value) in chain.lines(catalog) {
                out.push_str(&format!("- {what}: {}\n", block(&value, "  ")));
            }
            out.push('\n');
        }
        words::Shared::Prediction(p) => {
            let (fear, after) = words::prediction_lines(p);
            out.push_str(&format!(
                "- Feared: {}  \n  {}\n\n",
                block(&fear, "  "),
                block(&after, "  ")
            ));
        }
        words::Shared::Notes(notes) => {
            out.push_str(&format!("Notes:\n\n{}\n\n", block(notes, "")));
        }
    }
}
