//! An entry shown whole: in the check-in's summary and in review's detail view.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::content::Catalog;
use crate::journal::query::match_ranges;
use crate::journal::{Entry, MoodLabels, TriggerRef};
use crate::tui::theme::Theme;

/// An entry in full, as lines: scales, feelings, triggers with intensity and notes, what was
/// noticed, each prompt as asked with its answer, strategies, notes and tags.
pub fn lines(
    d: &Entry,
    catalog: &Catalog,
    theme: &Theme,
    labels: MoodLabels,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let heading = |t: &str| Line::styled(t.to_owned(), theme.title);
    let skipped = || Line::styled("  —", theme.muted);
    let mood = d
        .mood
        .map_or("—".to_owned(), |m| match labels.label_of(m.get()) {
            "" => m.to_string(),
            label => format!("{m} · {label}"),
        });
    let closeness = d
        .closeness
        .map_or("—".to_owned(), |c| format!("{c} · {}", c.label()));
    lines.push(Line::from(vec![
        Span::styled("Mood       ", theme.muted),
        Span::styled(mood, theme.text),
    ]));
    lines.push(Line::from(vec![
        Span::styled("Closeness  ", theme.muted),
        Span::styled(closeness, theme.text),
    ]));
    lines.push(Line::default());
    lines.push(heading("Feelings"));
    if d.emotions.is_empty() {
        lines.push(skipped());
    } else {
        lines.push(Line::styled(
            format!("  {}", d.emotions.join(", ")),
            theme.text,
        ));
    }
    lines.push(heading("Triggers"));
    if d.triggers.is_empty() {
        lines.push(skipped());
    }
    for t in &d.triggers {
        let name = match &t.trigger {
            TriggerRef::Id(id) => catalog
                .trigger(id.as_str())
                .map_or(id.to_string(), |t| t.name.clone()),
            TriggerRef::Custom(name) => name.to_string(),
        };
        let intensity = t.intensity.map_or(String::new(), |i| format!(" · {i}/5"));
        lines.push(Line::styled(format!("  {name}{intensity}"), theme.text));
        if !t.note.is_empty() {
            lines.push(Line::styled(format!("    {}", t.note), theme.muted));
        }
    }
    lines.push(heading("Noticed"));
    if d.behaviours.is_empty() {
        lines.push(skipped());
    }
    for b in &d.behaviours {
        let label = catalog
            .sign(b.as_str())
            .map_or(b.to_string(), |s| s.label.clone());
        lines.push(Line::styled(format!("  {label}"), theme.text));
    }
    lines.push(heading("Reflections"));
    let answered: Vec<_> = d
        .responses
        .iter()
        .filter(|r| !r.answer.trim().is_empty())
        .collect();
    if answered.is_empty() {
        lines.push(skipped());
    }
    for r in answered {
        lines.push(Line::styled(format!("  {}", r.prompt), theme.key));
        for l in r.answer.lines() {
            lines.push(Line::styled(
                format!("  {}", l.replace('\t', "    ")),
                theme.text,
            ));
        }
    }
    lines.push(heading("Strategies"));
    if d.strategies.is_empty() {
        lines.push(skipped());
    }
    for s in &d.strategies {
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
        lines.push(Line::styled(format!("  {title} · {what}"), theme.text));
    }
    lines.push(heading("Notes"));
    if d.notes.trim().is_empty() {
        lines.push(skipped());
    }
    for l in d.notes.lines() {
        lines.push(Line::styled(
            format!("  {}", l.replace('\t', "    ")),
            theme.text,
        ));
    }
    lines.push(heading("Tags"));
    if d.tags.is_empty() {
        lines.push(skipped());
    } else {
        lines.push(Line::styled(format!("  {}", d.tags.join(", ")), theme.text));
    }
    lines
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
