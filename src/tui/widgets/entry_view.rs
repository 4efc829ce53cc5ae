//! An entry shown whole: in the check-in's summary and in review's detail view.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::content::Catalog;
use crate::journal::query::match_ranges;
use crate::journal::{
    Entry, Fact, MoodLabels, Outcome, Rating, Scale, StrategyUse, TriggerLog, TriggerRef, facts,
};
use crate::report::words::Chain;
use crate::tui::theme::Theme;
use crate::tui::widgets::wrap;

/// What to do with the parts of an entry nobody filled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Empty {
    /// A dash under each heading: the check-in's summary, where it shows what was skipped.
    Dashed,
    /// Left out: reading a past entry, where only what was written matters.
    Hidden,
}

/// An entry's title, when its notes have one: an entry that is only notes, whose first line
/// (up to 80 characters) is followed by a blank line and more text, as entries imported from
/// jrnl and tui-journal are. Gives the title and the rest of the notes.
pub fn title(e: &Entry) -> Option<(&str, &str)> {
    let only_notes = facts(e).all(|f| match f {
        Fact::Notes(_) | Fact::WrittenLater(_) | Fact::Perspective(_) | Fact::Tags(_) => true,
        Fact::Moments(_) | Fact::Predictions(_) => true,
        Fact::Thoughts(_) | Fact::Debriefs(_) | Fact::CycleWords(_) => true,
        Fact::Bids(_) | Fact::TimeOuts(_) | Fact::Ladders(_) => f.is_empty(),
        Fact::WeekReviews(_) => f.is_empty(),
        Fact::Scale(..) | Fact::Feelings(_) | Fact::Triggers(_) | Fact::Signs(_) => f.is_empty(),
        Fact::Answers(_) | Fact::Strategies(_) => f.is_empty(),
    });
    let (first, rest) = e.notes.split_once('\n')?;
    let body = rest
        .strip_prefix('\n')
        .or_else(|| rest.strip_prefix("\r\n"))?;
    let first = first.trim_end();
    let fits = !first.trim().is_empty() && first.chars().count() <= 80;
    (only_notes && fits && !body.trim().is_empty()).then_some((first, body))
}

/// `text` wrapped to `width` columns under a heading: its first line after `first`, the rest
/// after `rest` (so wrapped lines keep their indent); tabs as spaces.
fn wrapped(text: &str, width: usize, first: &str, rest: &str, style: Style) -> Vec<Line<'static>> {
    wrap::indented(&text.replace('\t', "    "), width, first, rest)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

/// A strategy's title and what became of it: `Take it slow · tried · helpfulness 4/5`.
fn strategy_line(s: &StrategyUse, catalog: &Catalog) -> String {
    let title = catalog
        .strategy(s.id.as_str())
        .map_or(s.id.to_string(), |x| x.title.clone());
    let what = match s.outcome() {
        Outcome::Tried(Some(h)) => format!("tried · helpfulness {h}/5"),
        Outcome::Tried(None) => "tried".to_owned(),
        Outcome::NotTried => "not tried".to_owned(),
        Outcome::Planned => "planned".to_owned(),
        Outcome::Mentioned => String::new(),
    };
    format!("{title} · {what}")
}

/// An entry in full, as lines: scales, feelings, triggers with intensity and notes, what was
/// noticed, each prompt as asked with its answer, strategies, notes and tags; the parts nobody
/// filled in as `empty` says. With [`Empty::Hidden`], an entry with a [`title`] shows it as the
/// heading of its notes. Text is wrapped to `width` columns keeping its indent.
pub fn lines(
    d: &Entry,
    catalog: &Catalog,
    theme: &Theme,
    labels: MoodLabels,
    empty: Empty,
    width: usize,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let mut scales = Vec::new();
    let mut written = None;
    let part = Part {
        catalog,
        theme,
        width,
    };
    for fact in facts(d) {
        if let Fact::WrittenLater(day) = fact {
            written = day.map(|day| {
                Line::styled(
                    format!("Written later, on {}.", day.format("%A %-d %B %Y")),
                    theme.muted,
                )
            });
            continue;
        }
        if let Fact::Scale(scale, value) = fact {
            if value.is_some() || empty == Empty::Dashed {
                scales.push(part.scale(scale, value, labels));
            }
            continue;
        }
        let Some((title, body)) = part.section(fact, d, empty) else {
            continue;
        };
        // A heading and its lines; an empty part is a dash, or nothing.
        if body.is_empty() && empty == Empty::Hidden {
            continue;
        }
        lines.push(Line::styled(title, theme.title));
        if body.is_empty() {
            lines.push(Line::styled("  —", theme.muted));
        }
        lines.extend(body);
    }
    if empty == Empty::Hidden && lines.is_empty() && scales.is_empty() {
        lines.push(Line::styled(
            "Nothing was written in this entry.",
            theme.muted,
        ));
    } else if !scales.is_empty() && !lines.is_empty() {
        scales.push(Line::default());
    }
    scales.extend(lines);
    // Said first: the day the entry is for is not the day it was written.
    if let Some(written) = written {
        scales.splice(0..0, [written, Line::default()]);
    }
    scales
}

/// What every part of the entry view is drawn with.
struct Part<'a> {
    catalog: &'a Catalog,
    theme: &'a Theme,
    width: usize,
}

impl Part<'_> {
    /// Text under a heading, indented two columns.
    fn text(&self, t: &str, style: Style) -> Vec<Line<'static>> {
        wrapped(t, self.width, "  ", "  ", style)
    }

    /// A scale's line: its name and the value with its word, or a dash.
    fn scale(&self, scale: Scale, value: Option<Rating>, labels: MoodLabels) -> Line<'static> {
        let value = value.map_or_else(
            || "—".to_owned(),
            |v| match scale.words(labels)[usize::from(v.get() - 1)] {
                "" => v.to_string(),
                word => format!("{v} · {word}"),
            },
        );
        Line::from(vec![
            Span::styled(format!("{:<11}", scale.label()), self.theme.muted),
            Span::styled(value, self.theme.text),
        ])
    }

    /// A part of the entry as its heading and lines (none: nothing written in it); `None` for
    /// the parts shown otherwise (the perspective, the scales) or only when there are some
    /// (moments, predictions).
    fn section(
        &self,
        fact: Fact<'_>,
        d: &Entry,
        empty: Empty,
    ) -> Option<(String, Vec<Line<'static>>)> {
        let theme = self.theme;
        let joined = |items: &[String]| {
            if items.is_empty() {
                Vec::new()
            } else {
                self.text(&items.join(", "), theme.text)
            }
        };
        let (title, body) = match fact {
            // Review's detail names the perspective in its heading; the summary, on the step.
            Fact::WrittenLater(_) | Fact::Perspective(_) | Fact::Scale(..) => return None,
            Fact::Moments([]) | Fact::Predictions([]) => return None,
            Fact::Thoughts([]) | Fact::Debriefs([]) | Fact::CycleWords([]) => return None,
            Fact::Bids([]) | Fact::TimeOuts([]) | Fact::Ladders([]) => return None,
            Fact::WeekReviews([]) => return None,
            Fact::Feelings(feelings) => ("Feelings", joined(feelings)),
            Fact::Triggers(logged) => ("Triggers", self.triggers(logged)),
            Fact::Signs(signs) => {
                let body = signs
                    .iter()
                    .flat_map(|b| {
                        let label = self
                            .catalog
                            .sign(b.as_str())
                            .map_or(b.to_string(), |s| s.label.clone());
                        self.text(&label, theme.text)
                    })
                    .collect();
                ("Noticed", body)
            }
            Fact::Answers(answers) => {
                let mut body = Vec::new();
                for r in answers.iter().filter(|r| !r.answer.trim().is_empty()) {
                    body.extend(self.text(&r.prompt, theme.key));
                    body.extend(self.text(&r.answer, theme.text));
                }
                ("Reflections", body)
            }
            Fact::Moments(x) => self.chains(x.iter().map(Chain::Moment)),
            Fact::Thoughts(x) => self.chains(x.iter().map(Chain::Thought)),
            Fact::Debriefs(x) => self.chains(x.iter().map(Chain::Debrief)),
            Fact::CycleWords(x) => self.chains(x.iter().map(Chain::Cycle)),
            Fact::Bids(x) => self.chains(std::iter::once(Chain::Bids(x))),
            Fact::TimeOuts(x) => self.chains(x.iter().map(Chain::TimeOut)),
            Fact::Ladders(x) => self.chains(x.iter().map(Chain::Ladder)),
            Fact::WeekReviews(x) => self.chains(x.iter().map(Chain::WeekReview)),
            Fact::Predictions(predictions) => {
                let mut body = Vec::new();
                for p in predictions {
                    let (fear, after) = crate::report::words::prediction_lines(p);
                    body.extend(self.text(&fear, theme.text));
                    body.extend(wrapped(&after, self.width, "    ", "    ", theme.muted));
                }
                ("Predictions", body)
            }
            Fact::Strategies(strategies) => {
                let body = strategies
                    .iter()
                    .flat_map(|s| self.text(&strategy_line(s, self.catalog), theme.text))
                    .collect();
                ("Strategies", body)
            }
            Fact::Notes(notes) => {
                return Some(match title(d).filter(|_| empty == Empty::Hidden) {
                    Some((title, body)) => (title.to_owned(), self.text(body, theme.text)),
                    None if notes.trim().is_empty() => ("Notes".to_owned(), Vec::new()),
                    None => ("Notes".to_owned(), self.text(notes, theme.text)),
                });
            }
            Fact::Tags(tags) => ("Tags", joined(tags)),
        };
        Some((title.to_owned(), body))
    }

    /// Each trigger with its strength, its note under it.
    fn triggers(&self, logged: &[TriggerLog]) -> Vec<Line<'static>> {
        let mut body = Vec::new();
        for t in logged {
            let name = match &t.trigger {
                TriggerRef::Id(id) => self
                    .catalog
                    .trigger(id.as_str())
                    .map_or(id.to_string(), |t| t.name.clone()),
                TriggerRef::Custom(name) => name.to_string(),
            };
            let intensity = t.intensity.map_or(String::new(), |i| format!(" · {i}/5"));
            body.extend(self.text(&format!("{name}{intensity}"), self.theme.text));
            if !t.note.is_empty() {
                body.extend(wrapped(
                    &t.note,
                    self.width,
                    "    ",
                    "    ",
                    self.theme.muted,
                ));
            }
        }
        body
    }

    /// Chains of one kind (moments, thoughts checked, debriefs, the cycle in the person's
    /// words) under their heading, a link a line, numbered ("Moment 2") when there are
    /// several.
    fn chains<'a>(
        &self,
        chains: impl ExactSizeIterator<Item = Chain<'a>>,
    ) -> (&'static str, Vec<Line<'static>>) {
        let mut body = Vec::new();
        let mut heading = "";
        let several = chains.len() > 1;
        for (i, chain) in chains.enumerate() {
            let each;
            (heading, each) = chain.heading();
            if several {
                body.extend(self.text(&format!("{each} {}", i + 1), self.theme.key));
            }
            for (what, value) in chain.lines(self.catalog) {
                body.extend(wrapped(
                    &format!("{what}: {value}"),
                    self.width,
                    "  → ",
                    "    ",
                    self.theme.text,
                ));
            }
        }
        (heading, body)
    }
}

/// `lines` with every match of `words` in the given style (matches within one span).
pub fn highlight(lines: Vec<Line<'static>>, words: &[String], style: Style) -> Vec<Line<'static>> {
    if words.is_empty() {
        return lines;
    }
    lines
        .into_iter()
        .map(|line| {
            let alignment = line.alignment;
            let mut spans = Vec::new();
            for span in line.spans {
                let text = span.content.to_string();
                let ranges = match_ranges(&text, words);
                if ranges.is_empty() {
                    spans.push(span);
                    continue;
                }
                let mut at = 0;
                for r in ranges {
                    if r.start > at {
                        spans.push(Span::styled(text[at..r.start].to_owned(), span.style));
                    }
                    spans.push(Span::styled(
                        text[r.clone()].to_owned(),
                        span.style.patch(style),
                    ));
                    at = r.end;
                }
                if at < text.len() {
                    spans.push(Span::styled(text[at..].to_owned(), span.style));
                }
            }
            let mut out = Line::from(spans);
            out.alignment = alignment;
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    /// Issue 20, item 6: wrapped lines keep their indent, CJK breaks between characters.
    #[test]
    fn wrapped_text_keeps_its_indent_and_fits() {
        let t = chrono::DateTime::parse_from_rfc3339("2026-11-20T21:30:00+01:00").unwrap();
        let mut e = Entry::new(
            crate::journal::EntryId::try_from("x".to_owned()).unwrap(),
            t,
        );
        e.responses.push(crate::journal::Response {
            prompt_id: None,
            prompt: "What came just before you wanted to withdraw?".into(),
            answer: "He was quiet at dinner and I went quiet too.\n我們今天一起吃了早餐然後散步"
                .into(),
            extra: Default::default(),
        });
        e.notes = "https://example.org/a/very/long/link/that/has/no/spaces/at/all".into();
        let theme = Theme::no_colour();
        let lines = lines(
            &e,
            &Catalog::default(),
            &theme,
            MoodLabels::Words,
            Empty::Hidden,
            20,
        );
        let text: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        let headings = ["Reflections", "Notes"];
        for l in &text {
            assert!(l.width() <= 20, "{l:?} in {text:#?}");
            if !headings.contains(&l.as_str()) {
                assert!(
                    l.starts_with("  ") && !l.starts_with("   "),
                    "{l:?} in {text:#?}"
                );
            }
        }
        assert!(
            text.iter().any(|l| l == "  我們今天一起吃了早"),
            "{text:#?}"
        );
    }
}
