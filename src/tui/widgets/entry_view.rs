//! An entry shown whole: in the check-in's summary and in review's detail view.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::content::Catalog;
use crate::journal::query::match_ranges;
use crate::journal::{Entry, MoodLabels, TriggerRef};
use crate::tui::theme::Theme;

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
    let only_notes = e.mood.is_none()
        && e.closeness.is_none()
        && e.emotions.is_empty()
        && e.triggers.is_empty()
        && e.behaviours.is_empty()
        && e.strategies.is_empty()
        && e.responses.iter().all(|r| r.answer.trim().is_empty());
    let (first, rest) = e.notes.split_once('\n')?;
    let body = rest
        .strip_prefix('\n')
        .or_else(|| rest.strip_prefix("\r\n"))?;
    let first = first.trim_end();
    let fits = !first.trim().is_empty() && first.chars().count() <= 80;
    (only_notes && fits && !body.trim().is_empty()).then_some((first, body))
}

/// Lines of written text, indented two columns, tabs as spaces.
fn text_lines(text: &str, style: Style) -> impl Iterator<Item = Line<'static>> + '_ {
    text.lines()
        .map(move |l| Line::styled(format!("  {}", l.replace('\t', "    ")), style))
}

/// An entry in full, as lines: scales, feelings, triggers with intensity and notes, what was
/// noticed, each prompt as asked with its answer, strategies, notes and tags; the parts nobody
/// filled in as `empty` says. With [`Empty::Hidden`], an entry with a [`title`] shows it as the
/// heading of its notes.
pub fn lines(
    d: &Entry,
    catalog: &Catalog,
    theme: &Theme,
    labels: MoodLabels,
    empty: Empty,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    // A heading and its lines; an empty part is a dash, or nothing.
    let mut section = |title: &str, body: Vec<Line<'static>>| {
        if body.is_empty() && empty == Empty::Hidden {
            return;
        }
        lines.push(Line::styled(title.to_owned(), theme.title));
        if body.is_empty() {
            lines.push(Line::styled("  —", theme.muted));
        }
        lines.extend(body);
    };
    let mut scales = Vec::new();
    let mood = d.mood.map(|m| match labels.label_of(m.get()) {
        "" => m.to_string(),
        label => format!("{m} · {label}"),
    });
    let closeness = d.closeness.map(|c| format!("{c} · {}", c.label()));
    for (name, value) in [("Mood       ", mood), ("Closeness  ", closeness)] {
        if value.is_some() || empty == Empty::Dashed {
            scales.push(Line::from(vec![
                Span::styled(name, theme.muted),
                Span::styled(value.unwrap_or_else(|| "—".to_owned()), theme.text),
            ]));
        }
    }
    let feelings = if d.emotions.is_empty() {
        Vec::new()
    } else {
        vec![Line::styled(
            format!("  {}", d.emotions.join(", ")),
            theme.text,
        )]
    };
    section("Feelings", feelings);
    let mut triggers = Vec::new();
    for t in &d.triggers {
        let name = match &t.trigger {
            TriggerRef::Id(id) => catalog
                .trigger(id.as_str())
                .map_or(id.to_string(), |t| t.name.clone()),
            TriggerRef::Custom(name) => name.to_string(),
        };
        let intensity = t.intensity.map_or(String::new(), |i| format!(" · {i}/5"));
        triggers.push(Line::styled(format!("  {name}{intensity}"), theme.text));
        if !t.note.is_empty() {
            triggers.push(Line::styled(format!("    {}", t.note), theme.muted));
        }
    }
    section("Triggers", triggers);
    let noticed = d
        .behaviours
        .iter()
        .map(|b| {
            let label = catalog
                .sign(b.as_str())
                .map_or(b.to_string(), |s| s.label.clone());
            Line::styled(format!("  {label}"), theme.text)
        })
        .collect();
    section("Noticed", noticed);
    let mut reflections = Vec::new();
    for r in d.responses.iter().filter(|r| !r.answer.trim().is_empty()) {
        reflections.push(Line::styled(format!("  {}", r.prompt), theme.key));
        reflections.extend(text_lines(&r.answer, theme.text));
    }
    section("Reflections", reflections);
    let strategies = d
        .strategies
        .iter()
        .map(|s| {
            let title = catalog
                .strategy(s.id.as_str())
                .map_or(s.id.to_string(), |x| x.title.clone());
            let what = match (s.planned, s.tried, s.helpfulness) {
                (_, Some(true), Some(h)) => format!("tried · helpfulness {h}/5"),
                (_, Some(true), None) => "tried".to_owned(),
                (_, Some(false), _) => "not tried".to_owned(),
                (true, None, _) => "planned".to_owned(),
                (false, None, _) => String::new(),
            };
            Line::styled(format!("  {title} · {what}"), theme.text)
        })
        .collect();
    section("Strategies", strategies);
    match title(d).filter(|_| empty == Empty::Hidden) {
        Some((title, body)) => section(title, text_lines(body, theme.text).collect()),
        None if d.notes.trim().is_empty() => section("Notes", Vec::new()),
        None => section("Notes", text_lines(&d.notes, theme.text).collect()),
    }
    let tags = if d.tags.is_empty() {
        Vec::new()
    } else {
        vec![Line::styled(format!("  {}", d.tags.join(", ")), theme.text)]
    };
    section("Tags", tags);
    if empty == Empty::Hidden && lines.is_empty() && scales.is_empty() {
        return vec![Line::styled(
            "Nothing was written in this entry.",
            theme.muted,
        )];
    }
    if !scales.is_empty() && !lines.is_empty() {
        scales.push(Line::default());
    }
    scales.extend(lines);
    scales
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
