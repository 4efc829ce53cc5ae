//! Drawing review: the timeline with its search and filter line, an entry in full, the filter
//! choosers and the questions.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::content::Catalog;
use crate::journal::query::{self, Condition};
use std::fmt::Write as _;

use crate::journal::{Entry, Scale, TriggerRef};
use crate::tui::screen::{LastLayout, ViewCx};
use crate::tui::theme::Theme;
use crate::tui::widgets::caret::{GLYPH, Spot};
use crate::tui::widgets::entry_view;
use crate::tui::widgets::page;
use crate::tui::widgets::pick_list::{PickListView, Row};
use crate::tui::widgets::wrap::{self, fit};

use super::{FilterKind, Mode, State};

/// Draws review.
pub fn view(state: &State, cx: &ViewCx, frame: &mut Frame, area: Rect, layout: &mut LastLayout) {
    let page = page::draw(cx, frame, area, "review");
    // An entry reads in a column of prose; lists use the whole width, so names are not cut
    // where there is room for them.
    let body = match state.mode {
        Mode::Filters | Mode::FilterPick(_) => page::column(page),
        _ => page::inset(page),
    };
    let session = cx.session;
    let theme = &session.theme;
    let catalog = &session.catalog;
    // Lists page by the rows they show; the entry view scrolls by its wrapped lines.
    layout.record(body, 0);
    // While only the newest days are read: how far the rest has got ("123 of 300 days", or
    // nothing before the days are counted).
    let reading = session
        .only_newest()
        .then(|| session.days_read().unwrap_or_default());
    let caret = match state.mode {
        Mode::Filters => filters(state, theme, frame, body),
        Mode::FilterPick(kind) => filter_pick(state, kind, theme, frame, body),
        _ => timeline(
            state,
            catalog,
            theme,
            frame,
            body,
            layout,
            reading.as_deref(),
        ),
    };
    layout.place(caret);
}

/// A condition as a chip's text.
pub fn chip(c: &Condition, catalog: &Catalog) -> String {
    match c {
        Condition::Trigger(TriggerRef::Id(id)) => catalog
            .trigger(id.as_str())
            .map_or(id.to_string(), |t| t.name.clone()),
        Condition::Trigger(TriggerRef::Custom(name)) => name.to_string(),
        Condition::Perspective(p) => p.label().to_owned(),
        Condition::Scale(s, a, b) if a == b => format!("{} {a}", s.id()),
        Condition::Scale(s, a, b) => format!("{} {a}–{b}", s.id()),
        Condition::Tag(t) => format!("#{t}"),
        Condition::Dates(span) => span.to_string(),
        Condition::HasEpisode => "with a moment traced".to_owned(),
        Condition::TwoVersions => "changed on two computers".to_owned(),
        Condition::Predictions(state) => state.label().to_owned(),
    }
}

fn trigger_names(e: &Entry, catalog: &Catalog) -> String {
    e.triggers
        .iter()
        .map(|t| catalog.trigger_label(&t.trigger))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `text` on one line, runs of white space as one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What was written first in an entry, on one line: an answer, or the notes; a title and the
/// text under it set apart with a dash.
pub(super) fn written(e: &Entry) -> String {
    if let Some((title, body)) = entry_view::title(e) {
        return format!("{} — {}", one_line(title), one_line(body));
    }
    one_line(
        e.responses
            .iter()
            .map(|r| r.answer.as_str())
            .chain(std::iter::once(e.notes.as_str()))
            .find(|t| !t.trim().is_empty())
            .unwrap_or_default(),
    )
}

/// What to show of an entry on its row for a search of `words`: the written text that holds
/// the most of them (an answer, the notes, a moment, a prediction, a trigger's note, a
/// feeling, a tag), with what kind of text it is when that is not an answer or the notes, so
/// the row shows why it matched; [`written`] when it holds as many, or nothing written
/// matches.
fn written_for(e: &Entry, words: &[String]) -> (Option<&'static str>, String) {
    let first = written(e);
    let Some((field, text, n)) = query::best_field(e, words) else {
        return (None, first);
    };
    let in_first = words
        .iter()
        .filter(|w| query::contains_folded(&first, w))
        .count();
    if in_first >= n {
        return (None, first);
    }
    (field.label(), one_line(text))
}

/// Up to `width` characters of `text`, starting a little before the first match, if any; "…"
/// marks text left out at either end.
fn snippet(text: &str, words: &[String], width: usize) -> String {
    if width == 0 {
        return String::new();
    }
    let start = query::match_ranges(text, words)
        .first()
        .map_or(0, |r| r.start);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = chars.iter().position(|(i, _)| *i >= start).unwrap_or(0);
    let from = at.saturating_sub(width / 3);
    // Start at a word boundary when not at the beginning.
    let from = if from == 0 {
        0
    } else {
        chars[from..at]
            .iter()
            .position(|(_, c)| c.is_whitespace())
            .map_or(from, |p| from + p + 1)
    };
    let mut out = String::new();
    let mut room = width;
    if from > 0 {
        out.push('…');
        room -= 1;
    }
    let rest = &chars[from..];
    if rest.len() <= room {
        out.extend(rest.iter().map(|(_, c)| *c));
    } else {
        out.extend(rest.iter().take(room.saturating_sub(1)).map(|(_, c)| *c));
        out.push('…');
    }
    out
}

/// A row's start: its marker, its time ("later" for one written later, for an earlier day,
/// which has no time of its day) and its scales.
fn row_head(e: &Entry, marker: &str) -> String {
    let time = match e.written_on {
        Some(_) => "later".to_owned(),
        None => e.created_at.format("%H:%M").to_string(),
    };
    let mut head = format!("{marker} {time}  ");
    for (i, s) in Scale::ALL.iter().enumerate() {
        let sep = if i == 0 { "" } else { " · " };
        let _ = write!(head, "{sep}{} ", s.about().short);
        match s.of(e) {
            Some(v) => {
                let _ = write!(head, "{}", v.get());
            }
            None => head.push('–'),
        }
    }
    head.push_str("  ");
    head
}

/// The list. `reading`: only the newest days are read, and how far the rest has got ("123 of
/// 300 days", or empty): the counts say "so far", and the list ends saying the rest is being
/// read.
fn timeline(
    state: &State,
    catalog: &Catalog,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    layout: &mut LastLayout,
    reading: Option<&str>,
) -> Option<Position> {
    let [top, chips, list] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    // A page is the rows the list shows.
    layout.record(list, 0);

    let total = state.entries().len();
    let search = search_line(state, theme, total, reading);
    // Typing a search or a date, the cursor is at its caret; else on the selected row.
    let typing = matches!(state.mode, Mode::Search | Mode::Jump)
        .then(|| Spot::before_span(0, &search, 2).on(top, 0))
        .flatten();
    frame.render_widget(Paragraph::new(search), top);

    frame.render_widget(
        Paragraph::new(chip_line(state, catalog, theme, chips.width)),
        chips,
    );

    if state.results.is_empty() {
        no_results(total, reading.is_some(), theme, frame, list);
        return typing;
    }

    let words = query::words(&state.filter.text);
    let width = usize::from(list.width);
    let mut lines: Vec<Line> = Vec::new();
    // Each line's day, and whether it is that day's heading.
    let mut days: Vec<(chrono::NaiveDate, bool)> = Vec::new();
    let mut cursor_line = 0;
    let mut day = None;
    // Only the rows near the cursor are laid out, so a long journal draws as fast as a short one.
    let height = usize::from(list.height);
    let from = state.cursor.saturating_sub(height);
    let to = (state.cursor + height).min(state.results.len());
    for (pos, &i) in state.results.iter().enumerate().take(to).skip(from) {
        let Some(e) = state.entries().get(i) else {
            continue;
        };
        if day != Some(e.date) {
            day = Some(e.date);
            lines.push(day_heading(e.date, theme));
            days.push((e.date, true));
        }
        let selected = pos == state.cursor;
        if selected {
            cursor_line = lines.len();
        }
        let marker = if selected { "▸" } else { " " };
        let base = if selected { theme.selected } else { theme.text };
        let head = row_head(e, marker);
        let room = width.saturating_sub(head.chars().count());
        let triggers = fit(&trigger_names(e, catalog), room / 2);
        let gap = if triggers.is_empty() { "" } else { "  " };
        let rest = room.saturating_sub(triggers.chars().count() + gap.len());
        let (label, found) = written_for(e, &words);
        let label = label.map(|l| format!("{l}: ")).unwrap_or_default();
        let label = fit(&label, rest);
        let text = snippet(&found, &words, rest.saturating_sub(label.chars().count()));
        let muted = if selected { base } else { theme.muted };
        let mut spans = vec![
            Span::styled(head, base),
            Span::styled(triggers, if selected { base } else { theme.key }),
            Span::styled(gap, base),
            Span::styled(label, muted),
        ];
        spans.extend(
            entry_view::highlight(
                vec![Line::from(Span::styled(text, muted))],
                &words,
                theme.highlight,
            )
            .into_iter()
            .flat_map(|l| l.spans),
        );
        let mut line = Line::from(spans);
        // The selected row is marked across the whole list, not only where there is text.
        if selected {
            let used = line.width();
            line.spans
                .push(Span::styled(" ".repeat(width.saturating_sub(used)), base));
        }
        lines.push(line);
        days.push((e.date, false));
    }
    // The end of what is read so far: the rest is coming.
    if let (Some(reading), Some(&(last, _))) = (reading, days.last())
        && to == state.results.len()
    {
        lines.push(Line::styled(
            format!("  Older entries are still being read… {reading}"),
            theme.muted,
        ));
        days.push((last, false));
    }
    let (offset, heading) = list_window(&days, cursor_line, height);
    let mut visible: Vec<Line> = lines.into_iter().skip(offset).take(height).collect();
    if let (Some(date), Some(first)) = (heading, visible.first_mut()) {
        *first = day_heading(date, theme);
    }
    frame.render_widget(Paragraph::new(visible), list);
    typing.or_else(|| Spot::row(cursor_line).on(list, offset))
}

/// The search line: what is searched for (or typed, or the date to go to) and how many
/// entries match.
fn search_line(state: &State, theme: &Theme, total: usize, reading: Option<&str>) -> Line<'static> {
    let entries = crate::journal::vocabulary::count(total as u64, "entry", "entries");
    let mut count = if state.filter.is_empty() {
        entries
    } else {
        format!("{} of {entries}", state.results.len())
    };
    if let Some(reading) = reading {
        count.push_str(&format!(" so far · reading… {reading}"));
    }
    match state.mode {
        Mode::Search => Line::from(vec![
            Span::styled("Search: ", theme.key),
            Span::styled(state.filter.text.clone(), theme.text),
            Span::styled(GLYPH, theme.key),
            Span::styled(format!("   {count}"), theme.muted),
        ]),
        Mode::Jump => Line::from(vec![
            Span::styled(
                "Go to date (yesterday, last friday, 2026-11-20): ",
                theme.key,
            ),
            Span::styled(state.jump.clone(), theme.text),
            Span::styled(GLYPH, theme.key),
        ]),
        _ if !state.filter.text.is_empty() => Line::from(vec![
            Span::styled("Search: ", theme.muted),
            Span::styled(state.filter.text.clone(), theme.text),
            Span::styled(format!("   {count}"), theme.muted),
        ]),
        _ => Line::styled(count, theme.muted),
    }
}

/// The filters, as chips: as many as fit in `room` columns, then how many more; the hint when
/// there is room.
fn chip_line(state: &State, catalog: &Catalog, theme: &Theme, room: u16) -> Line<'static> {
    let texts: Vec<String> = state
        .filter
        .conditions
        .iter()
        .map(|c| format!("[{}]", chip(c, catalog)))
        .collect();
    let room = usize::from(room);
    let mut chip_spans = Vec::new();
    let mut used = 0;
    for (i, text) in texts.iter().enumerate() {
        let after = texts.len() - i - 1;
        let more = if after > 0 {
            format!("+{after} more").len()
        } else {
            0
        };
        let width = text.chars().count() + 1;
        if used + width + more > room {
            let left = texts.len() - i;
            chip_spans.push(Span::styled(format!("+{left} more"), theme.key));
            used = room;
            break;
        }
        chip_spans.push(Span::styled(text.clone(), theme.key));
        chip_spans.push(Span::raw(" "));
        used += width;
    }
    let hint = " x removes the last · X clears all";
    if !texts.is_empty() && used + hint.chars().count() <= room {
        chip_spans.push(Span::styled(hint, theme.muted));
    }
    Line::from(chip_spans)
}

/// What the list says when it shows no entry: none yet, or none that match.
fn no_results(total: usize, reading: bool, theme: &Theme, frame: &mut Frame, list: Rect) {
    let text = if reading && total > 0 {
        "None of the entries read so far match. The rest of your journal is still being read: \
         they show here as it comes."
    } else if total == 0 {
        "Your journal has no entries yet. Esc, then c, to check in."
    } else {
        "No entries match. x removes the last filter, X clears every filter and the search, \
         or / changes the search."
    };
    frame.render_widget(
        Paragraph::new(wrap::paragraph(text, usize::from(list.width), theme.muted)),
        list,
    );
}

fn day_heading(date: chrono::NaiveDate, theme: &Theme) -> Line<'static> {
    Line::styled(date.format("%A %-d %B %Y").to_string(), theme.title)
}

/// Which of the timeline's lines to show, `height` of them, around the cursor's line: the
/// first shown and, when the top line would be a row, the day heading to show over it (the top
/// line always says which day it is). The cursor sits a little above the middle, and the view
/// stays full at the end of the list (after `G`, the oldest rows fill the bottom).
fn list_window(
    days: &[(chrono::NaiveDate, bool)],
    cursor_line: usize,
    height: usize,
) -> (usize, Option<chrono::NaiveDate>) {
    let offset = cursor_line
        .saturating_sub(height.saturating_sub(2).max(1) / 2 + height / 4)
        .min(days.len().saturating_sub(height));
    match days.get(offset) {
        // A row on top, not the cursor's: its day's heading just above it comes into view
        // when the cursor stays in view, else the heading is drawn over the row.
        Some((date, false)) if cursor_line != offset => {
            if offset > 0 && days[offset - 1].1 && cursor_line < offset - 1 + height {
                (offset - 1, None)
            } else if days.get(offset + 1).is_some_and(|(_, heading)| *heading) {
                // Its day's only row in view: a heading over it would head nothing; the
                // next day's heading goes on top (at the very end, a line is left empty).
                (offset + 1, None)
            } else {
                (offset, Some(*date))
            }
        }
        _ => (offset, None),
    }
}

/// One entry in full (review's entry screen).
pub(super) fn detail(
    state: &State,
    catalog: &Catalog,
    theme: &Theme,
    labels: crate::journal::MoodLabels,
    frame: &mut Frame,
    area: Rect,
    layout: &mut LastLayout,
) {
    let Some(e) = state.selected() else {
        return;
    };
    // One written later, for an earlier day, says so under this (the entry view's first line).
    let heading = match e.written_on {
        Some(_) => e.date.format("%A %-d %B %Y").to_string(),
        None => format!(
            "{} at {}",
            e.date.format("%A %-d %B %Y"),
            e.created_at.format("%H:%M")
        ),
    };
    let mut lines = vec![Line::styled(heading, theme.title)];
    let mut about = Vec::new();
    if let Some(p) = e.perspective {
        about.push(p.label().to_owned());
    }
    if e.updated_at != e.created_at {
        about.push(format!(
            "edited {}",
            e.updated_at.format("%-d %b %Y, %H:%M")
        ));
    }
    if !about.is_empty() {
        lines.push(Line::styled(about.join(" · "), theme.muted));
    }
    // Kept in two versions by a merge of two computers' edits: said first, with what to do.
    if !e.two_versions.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled(
            format!(
                "Changed on two computers, both kept: {}. Each text holds both versions, the \
                 other computer's under a line; e edits it: keep what you want, then save.",
                e.two_versions.join("; ")
            ),
            theme.warn,
        ));
    }
    lines.push(Line::default());
    lines.extend(entry_view::lines(
        e,
        catalog,
        theme,
        labels,
        entry_view::Empty::Hidden,
        usize::from(area.width),
    ));
    let words = query::words(&state.filter.text);
    let lines = entry_view::highlight(lines, &words, theme.highlight);
    let lines = wrap::lines(lines, usize::from(area.width));
    layout.record(area, lines.len());
    let text = Paragraph::new(lines);
    frame.render_widget(
        text.scroll((state.scroll.min(layout.max_scroll()), 0)),
        area,
    );
}

fn filters(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) -> Option<Position> {
    let mut lines = vec![Line::styled("Filter by", theme.title), Line::default()];
    let mut caret = None;
    // The hints start in one column, after the longest name.
    let column = FilterKind::ALL
        .iter()
        .map(|k| k.label().chars().count())
        .max()
        .unwrap_or(0);
    for (i, kind) in FilterKind::ALL.iter().enumerate() {
        let selected = i == state.kind_cursor;
        if selected {
            caret = Some(Spot::row(lines.len()));
        }
        let marker = if selected { "▸" } else { " " };
        let style = if selected { theme.selected } else { theme.text };
        // A hint too long for the line goes on under itself, the column kept.
        let name = format!("{marker} {:<column$} ", kind.label());
        let lead = " ".repeat(name.chars().count());
        let width = usize::from(area.width);
        for (n, piece) in wrap::indented(kind.hint(), width, &lead, &lead)
            .into_iter()
            .enumerate()
        {
            let hint = piece[lead.len()..].to_owned();
            let head = if n == 0 {
                Span::styled(name.clone(), style)
            } else {
                Span::raw(lead.clone())
            };
            lines.push(Line::from(vec![head, Span::styled(hint, theme.muted)]));
        }
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        "Filters add up: an entry must match all of them.",
        theme.muted,
    ));
    let (lines, caret) = wrap::lines_with(lines, usize::from(area.width), caret);
    frame.render_widget(Paragraph::new(lines), area);
    caret.and_then(|c| c.on(area, 0))
}

fn filter_pick(
    state: &State,
    kind: FilterKind,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) -> Option<Position> {
    let [head, body] = Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
    let ask = match kind {
        FilterKind::Dates => {
            "Dates: pick one, or type 2026-11-20, 2026-11, 30 or 2026-01-01..2026-02-15"
        }
        FilterKind::Trigger => "Which trigger?",
        FilterKind::Perspective => "Which perspective?",
        FilterKind::Scale(s) => s.about().filter_ask,
        FilterKind::Tag => "Which tag?",
        FilterKind::Moments => "Which entries?",
        FilterKind::TwoVersions => "Which entries?",
    };
    frame.render_widget(
        Paragraph::new(wrap::paragraph(ask, usize::from(head.width), theme.title)),
        head,
    );
    if state.pick.rows.is_empty() && kind == FilterKind::Tag {
        page::muted_line(frame, body, "No entry has a tag yet.", theme);
        return None;
    }
    let none = |_: &Row| false;
    let no_extra = |_: &Row| None;
    PickListView {
        list: &state.pick,
        theme,
        picked: &none,
        extra: &no_extra,
        placeholder: "",
    }
    .draw(frame, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_start_near_the_first_match() {
        let words = query::words("dinner");
        let text = "It was a long day at work and then at dinner I went quiet again";
        let s = snippet(text, &words, 30);
        assert!(s.starts_with('…') && s.contains("dinner"), "{s}");
        assert!(s.chars().count() <= 30, "{s}");
        assert_eq!(snippet("short", &[], 30), "short");
        assert_eq!(snippet("abcdef", &[], 4), "abc…");
        assert_eq!(fit("abcdef", 4), "abc…");
    }

    #[test]
    fn a_snippet_that_fits_keeps_its_last_character() {
        let words = query::words("walk");
        let text = "After the call I was tired, so I went for a walk";
        let s = snippet(text, &words, 30);
        assert!(s.starts_with('…') && s.ends_with("a walk"), "{s}");
        assert!(s.chars().count() <= 30, "{s}");
        // Cut at both ends: an ellipsis each side, within the width.
        let s = snippet(&format!("{text} and then home again slowly"), &words, 20);
        assert!(
            s.starts_with('…') && s.ends_with('…') && s.contains("walk"),
            "{s}"
        );
        assert_eq!(s.chars().count(), 20, "{s}");
        assert_eq!(snippet("anything", &[], 0), "");
    }

    #[test]
    fn a_row_shows_the_text_that_holds_the_match() {
        let t = chrono::DateTime::parse_from_rfc3339("2026-11-20T21:30:00+01:00").unwrap();
        let mut e = Entry::new(
            crate::journal::EntryId::try_from("x".to_owned()).unwrap(),
            t,
        );
        e.responses.push(crate::journal::Response {
            prompt_id: None,
            prompt: "What happened?".into(),
            answer: "A long day.".into(),
            extra: Default::default(),
        });
        e.notes = "Later we talked about the holiday.".into();
        assert_eq!(
            written_for(&e, &query::words("holiday")),
            (None, e.notes.clone())
        );
        let first = (None, "A long day.".to_owned());
        assert_eq!(written_for(&e, &query::words("long")), first);
        assert_eq!(written_for(&e, &[]), first);
        assert_eq!(written_for(&e, &query::words("nowhere")), first);
    }

    /// A match in the second answer, a moment, a prediction or a note shows that text, not
    /// the first answer; the words shown are the ones searched for.
    #[test]
    fn a_row_shows_the_moment_or_prediction_that_holds_the_match() {
        let t = chrono::DateTime::parse_from_rfc3339("2026-11-20T21:30:00+01:00").unwrap();
        let mut e = Entry::new(
            crate::journal::EntryId::try_from("x".to_owned()).unwrap(),
            t,
        );
        for answer in [
            "A long day at work, then the bus home.",
            "We cooked dinner.",
        ] {
            e.responses.push(crate::journal::Response {
                prompt_id: None,
                prompt: "What happened?".into(),
                answer: answer.into(),
                extra: Default::default(),
            });
        }
        e.episodes.push(crate::journal::Episode {
            what: "He looked at his phone while I talked about my sister".into(),
            next: "I went to bed early".into(),
            ..Default::default()
        });
        e.predictions.push(crate::journal::Prediction {
            step: None,
            fear: "She will cancel the trip to the coast".into(),
            likelihood: None,
            badness: None,
            look_back: "2026-11-27".parse().unwrap(),
            outcome: None,
            extra: Default::default(),
        });
        assert_eq!(
            written_for(&e, &query::words("dinner")),
            (None, "We cooked dinner.".to_owned())
        );
        assert_eq!(
            written_for(&e, &query::words("sister")),
            (
                Some("moment"),
                "He looked at his phone while I talked about my sister".to_owned()
            )
        );
        assert_eq!(
            written_for(&e, &query::words("bed")),
            (Some("moment"), "I went to bed early".to_owned())
        );
        assert_eq!(
            written_for(&e, &query::words("coast")),
            (
                Some("prediction"),
                "She will cancel the trip to the coast".to_owned()
            )
        );
        // Two words: the text holding both wins over one holding one of them.
        assert_eq!(
            written_for(&e, &query::words("work phone sister")).1,
            "He looked at his phone while I talked about my sister"
        );
        // The snippet is cut around the match, so the word is on the row.
        let (_, text) = written_for(&e, &query::words("coast"));
        let s = snippet(&text, &query::words("coast"), 20);
        assert!(s.contains("coast"), "{s}");
    }
}
