//! The week card: a week on one page, a column a day and a row for each thing logged (see
//! `journal::week`), the DBT diary card's layout in a terminal. `[` and `]` move by week; ↑/↓
//! choose a row, whose full name and meaning are said under the table (a long name is cut in
//! its cell, never silently); rows past the screen scroll, and the card says how many more
//! there are. Under it, the week's review, and `e` to write it.

use chrono::{Datelike, Days, NaiveDate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::journal::WeekReview;
use crate::journal::draft::Flow;
use crate::journal::week::{RowKind, WeekCard};
use crate::tui::keys::{self, Action, Binding, bind, table};
use crate::tui::screen::{self, Cmd, Ctx, LastLayout, Msg, Open, Typing, ViewCx};
use crate::tui::session::Session;
use crate::tui::widgets::caret::Spot;
use crate::tui::widgets::{page, wrap};

/// The week shown, its card, and the row chosen.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The card.
    pub card: WeekCard,
    /// The row chosen.
    pub row: usize,
    /// The same week a month (four weeks) and a year (52 weeks) before, when the person
    /// chose to see them (`Preferences::week_card_past`).
    pub past: Vec<(&'static str, WeekCard)>,
}

/// The keys.
pub const KEYS: &[Binding] = table![
    bind!(['['] => OlderMonth, "week before", "the week before"),
    bind!([']'] => NewerMonth, "week after", "the week after"),
    bind!(['t'] => Top, _, "this week"),
    ..keys::up_down("the row above", "the row below"),
    bind!(['e'] => Edit, "review", "write the week's review: went well, hard, learned, next"),
    keys::SUPPORT,
    keys::BACK,
];

screen::one_table!("week card" => KEYS, Typing::No);

/// Whether it opens only once the journal is read.
pub const NEEDS_JOURNAL: bool = true;

impl State {
    /// The card of the week holding `day`.
    pub fn on(session: &Session, day: NaiveDate) -> State {
        let starts = session.prefs.week_start.weekday();
        let card = WeekCard::of(session.entries(), day, starts);
        let past = if session.prefs.week_card_past {
            [("A month ago", 4u64), ("A year ago", 52)]
                .into_iter()
                .filter_map(|(label, weeks)| {
                    let then = card.starts.checked_sub_days(Days::new(weeks * 7))?;
                    Some((label, WeekCard::of(session.entries(), then, starts)))
                })
                .collect()
        } else {
            Vec::new()
        };
        State { card, row: 0, past }
    }

    /// This week's card.
    pub fn new(session: &Session) -> State {
        State::on(session, session.today)
    }
}

/// Applies a message.
pub fn update(state: &mut State, msg: Msg, cx: &Ctx) -> Cmd {
    let session = cx.session;
    let starts = state.card.starts;
    match msg {
        Msg::Key(Action::OlderMonth) => {
            if let Some(day) = starts.checked_sub_days(Days::new(7)) {
                *state = State::on(session, day);
            }
        }
        Msg::Key(Action::NewerMonth) => match starts.checked_add_days(Days::new(7)) {
            Some(day) if day <= session.today => *state = State::on(session, day),
            _ => return Cmd::info("This is the week of today: there is none after it yet."),
        },
        Msg::Key(Action::Top) => *state = State::new(session),
        Msg::Key(Action::Up) => state.row = state.row.saturating_sub(1),
        Msg::Key(Action::Down) => {
            state.row = (state.row + 1).min(state.card.rows.len().saturating_sub(1));
        }
        Msg::Key(Action::Edit) => {
            let written = state.card.review.clone();
            return Open::record_with(session, Flow::Week, move |draft| {
                let review = WeekReview {
                    week: starts,
                    ..written.unwrap_or_default()
                };
                draft.at = draft.week_reviews.len();
                draft.week_reviews.push(review);
            });
        }
        Msg::Key(Action::Back) => return Cmd::Pop,
        // The review written, or anything saved: the card again, from the journal.
        Msg::JournalChanged => {
            let row = state.row;
            *state = State::on(session, starts);
            state.row = row.min(state.card.rows.len().saturating_sub(1));
        }
        _ => {}
    }
    Cmd::None
}

/// A row's full name, and what its cells hold.
fn row_label(kind: &RowKind, session: &Session) -> (String, &'static str) {
    let catalog = &session.catalog;
    match kind {
        RowKind::CheckIns => ("Check-ins".to_owned(), "check-ins that day"),
        RowKind::Scale(s) => (s.label().to_owned(), "the day's average, 1–5"),
        RowKind::Trigger(t) => (
            catalog.trigger_label(t),
            "the strongest it was felt that day, 1–5 (✓: felt, no strength given)",
        ),
        RowKind::Urge(u) => (
            format!("Urge: {}", catalog.urge_label(u)),
            "times, in the moments traced",
        ),
        RowKind::Strategy(id) => (
            catalog.strategy(id).map_or(id.clone(), |s| s.title.clone()),
            "P planned · ✓ tried (with how much it helped, 1–5) · ✗ not tried",
        ),
        RowKind::BidsTheirs => (
            "Bids from them".to_owned(),
            "turned toward / all the bids logged",
        ),
        RowKind::BidsMine => ("My bids".to_owned(), "met / all the bids logged"),
        RowKind::Thanks => ("Appreciations".to_owned(), "logged that day"),
        RowKind::Breaks => ("Breaks".to_owned(), "taken or waited through"),
    }
}

/// `text` cut to `width` columns, with "…" when cut.
fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return format!("{text:<width$}", width = width);
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + c.to_string().width() + 1 > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    let pad = width.saturating_sub(out.width());
    format!("{out}{}", " ".repeat(pad))
}

/// The table's lines: a header of the days, then each row, scrolled so the chosen one shows
/// in `height` rows; and how many rows are above and below what is shown. With the line of the
/// chosen row.
fn table(
    state: &State,
    session: &Session,
    width: usize,
    height: usize,
) -> (Vec<Line<'static>>, Option<usize>) {
    let mut at = None;
    let theme = &session.theme;
    // The names get a third of a wide screen at most; the days share the rest.
    let label_width = (width / 3).clamp(18, 36);
    let cell = (width.saturating_sub(label_width) / 7).clamp(5, 12);
    let label_width = width
        .saturating_sub(cell * 7)
        .min(label_width.max(8))
        .max(8);
    let mut header = vec![Span::raw(fit("", label_width))];
    for day in state.card.days() {
        let style = if day == session.today {
            theme.title
        } else {
            theme.muted
        };
        let name = format!("{} {}", &day.weekday().to_string()[..2], day.day());
        header.push(Span::styled(format!("{name:>cell$}"), style));
    }
    let mut lines = vec![Line::from(header)];
    let rows = &state.card.rows;
    let shown = height.saturating_sub(2).max(1);
    let first = state
        .row
        .saturating_sub(shown - 1)
        .min(rows.len().saturating_sub(shown));
    if first > 0 {
        lines.push(Line::styled(format!("↑ {first} more"), theme.muted));
    }
    for (i, row) in rows.iter().enumerate().skip(first).take(shown) {
        let (label, _) = row_label(&row.kind, session);
        let chosen = i == state.row;
        if chosen {
            at = Some(lines.len());
        }
        let mark = if chosen { "▸ " } else { "  " };
        let style = if chosen { theme.selected } else { theme.text };
        let mut spans = vec![Span::styled(
            fit(&format!("{mark}{label}"), label_width),
            style,
        )];
        for c in &row.cells {
            let c = if c.is_empty() { "·" } else { c.as_str() };
            spans.push(Span::styled(format!("{c:>cell$}"), theme.text));
        }
        lines.push(Line::from(spans));
    }
    let below = rows.len().saturating_sub(first + shown);
    if below > 0 {
        lines.push(Line::styled(format!("↓ {below} more"), theme.muted));
    }
    (lines, at)
}

/// The review's lines under the table: its answers, or how to write it.
fn review_lines(state: &State, session: &Session) -> Vec<Line<'static>> {
    let theme = &session.theme;
    match &state.card.review {
        None => vec![Line::styled(
            "e writes the week's review: what went well, what was hard, what you learned about \
             your pattern, one thing for next week.",
            theme.muted,
        )],
        Some(r) => {
            let mut lines = vec![Line::styled(
                "The week in review (e to change it)",
                theme.title,
            )];
            for (label, text) in r.texts() {
                if !text.trim().is_empty() {
                    lines.push(Line::styled(
                        format!("  {label}: {}", text.trim()),
                        theme.text,
                    ));
                }
            }
            lines
        }
    }
}

/// A past week in a line: its check-ins, each scale's average over its days, and its most
/// felt triggers; or that nothing was logged.
fn past_line(label: &str, card: &WeekCard, session: &Session) -> String {
    let week = card.starts.format("%-d %B %Y");
    let check_ins: u32 = card
        .rows
        .iter()
        .find(|r| r.kind == RowKind::CheckIns)
        .map_or(0, |r| {
            r.cells.iter().filter_map(|c| c.parse::<u32>().ok()).sum()
        });
    if check_ins == 0 {
        return format!("{label} (week of {week}): nothing logged.");
    }
    let mut parts = vec![crate::journal::vocabulary::count(
        check_ins,
        "check-in",
        "check-ins",
    )];
    for (i, scale) in crate::journal::Scale::ALL.iter().enumerate() {
        let days: Vec<f64> = card.averages.iter().filter_map(|d| d[i]).collect();
        if !days.is_empty() {
            let mean = days.iter().sum::<f64>() / days.len() as f64;
            parts.push(format!("{} {mean:.1}", scale.label().to_lowercase()));
        }
    }
    let triggers: Vec<String> = card
        .rows
        .iter()
        .filter_map(|r| match &r.kind {
            RowKind::Trigger(t) => Some(session.catalog.trigger_label(t)),
            _ => None,
        })
        .take(3)
        .collect();
    if !triggers.is_empty() {
        parts.push(triggers.join(", "));
    }
    format!("{label} (week of {week}): {}", parts.join(" · "))
}

/// Draws the screen.
pub fn view(state: &State, cx: &ViewCx, frame: &mut Frame, area: Rect, layout: &mut LastLayout) {
    let session = cx.session;
    let theme = &session.theme;
    let body = page::draw(cx, frame, area, "week card");
    // A column of margin on the left, as every page has.
    let body = Rect {
        x: body.x.saturating_add(1),
        width: body.width.saturating_sub(1),
        ..body
    };
    let width = usize::from(body.width);
    let starts = state.card.starts;
    let mut top = vec![Line::from(vec![
        Span::styled(
            format!("Week of {} ", starts.format("%-d %B %Y")),
            theme.title,
        ),
        Span::styled("· [ the week before · ] the week after", theme.muted),
    ])];
    if state.card.is_empty() {
        top.push(Line::styled(
            "Nothing logged this week. [ goes back a week; c on home checks in.",
            theme.muted,
        ));
    }
    let mut bottom = Vec::new();
    if let Some(row) = state.card.rows.get(state.row) {
        let (label, means) = row_label(&row.kind, session);
        bottom.push(Line::styled(format!("{label}: {means}"), theme.muted));
    }
    bottom.push(Line::default());
    bottom.extend(review_lines(state, session));
    if !state.past.is_empty() {
        bottom.push(Line::default());
        for (label, card) in &state.past {
            bottom.push(Line::styled(past_line(label, card, session), theme.muted));
        }
    }
    let top = wrap::lines(top, width);
    let bottom = wrap::lines(bottom, width);
    let room = usize::from(body.height).saturating_sub(top.len() + bottom.len() + 1);
    let mut lines = top;
    lines.push(Line::default());
    let (table, chosen) = table(state, session, width, room);
    layout.place(chosen.and_then(|at| Spot::row(lines.len() + at).on(body, 0)));
    lines.extend(table);
    lines.extend(bottom);
    frame.render_widget(Paragraph::new(lines), body);
}
