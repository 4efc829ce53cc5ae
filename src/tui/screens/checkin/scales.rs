//! Step 1: the entry's 1–5 scales, one question each (how the person feels, how close to their
//! partner), each skippable. The scales are [`Scale::ALL`]: a new one is asked here unchanged.
//! Above them, a new check-in says which day it is for (today), and takes an earlier one:
//! ←/→ a day at a time, or a day typed as people say it (`yesterday`, `last friday`,
//! `2026-11-28`). An entry for an earlier day is marked as written later.

use chrono::{Datelike, Days, NaiveDate};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui_textarea::{Input, Key as TextKey};

use crate::journal::Scale;
use crate::journal::day_words;
use crate::journal::draft::{CheckInDraft, Flow};
use crate::tui::keys::{self, Action, Binding, DIGITS, HELP_KEY, bind, table};
use crate::tui::screen::{Cmd, Typing};
use crate::tui::session::Session;
use crate::tui::theme::Theme;
use crate::tui::widgets::caret::Spot;
use crate::tui::widgets::wrap;

pub(super) use super::steps::no_text::{edited, flush, paste};
use super::{Canvas, Cx, STEP, STEP_TAB, StepView, question};

/// The step's state.
#[derive(Debug, Clone, Default)]
pub(super) struct State {
    /// The row marked: a scale, as its place in [`Scale::ALL`], or [`DAY`] (above them).
    pub(super) focus: usize,
    /// A day being typed on the day's row.
    typed: String,
    /// Why the day typed was not taken.
    refused: Option<String>,
}

/// The day's row, above the scales (numbered after them, so a draft's place on a scale reads
/// as before).
const DAY: usize = Scale::COUNT;

/// The step's state as the check-in opens.
pub(super) fn new(_draft: &CheckInDraft, _session: &Session) -> State {
    State::default()
}

/// Whether the check-in may be for another day: a new daily check-in (an edit keeps its
/// entry's day; a record on its own is kept with today's entry).
fn day_chosen(draft: &CheckInDraft) -> bool {
    !draft.is_edit() && draft.flow == Flow::CheckIn
}

/// The highest row number of the step (the day's row, when there is one).
fn last_row(draft: &CheckInDraft) -> usize {
    if day_chosen(draft) {
        DAY
    } else {
        Scale::COUNT - 1
    }
}

/// The step is entered: on mood.
pub(super) fn enter(s: &mut State, _back: bool, _cx: &mut Cx) {
    s.focus = 0;
    s.typed.clear();
    s.refused = None;
}

/// The row marked.
pub(super) fn place(s: &State) -> usize {
    s.focus
}

/// Back on the row a resumed draft was on.
pub(super) fn resume(s: &mut State, at: usize, cx: &mut Cx) {
    s.focus = at.min(last_row(cx.draft));
}

/// The keys in force: the scales', or the day's on its row.
pub(super) fn keys(s: &State, _draft: &CheckInDraft) -> &'static [Binding] {
    if s.focus == DAY { DAY_KEYS } else { KEYS }
}

/// A day is typed on the day's row.
pub(super) fn typing(s: &State) -> Typing {
    Typing::field_if(s.focus == DAY)
}

/// The step's keys.
pub const KEYS: &[Binding] = table![
    ..STEP,
    ..keys::up_down("the mood scale", "the closeness scale"),
    bind!([Left, 'h'] => Left, _, "lower"),
    bind!([Right, 'l'] => Right, _, "higher"),
    ..DIGITS,
    bind!(['0', Backspace, Delete] => Clear, _, "skip this scale"),
    HELP_KEY,
];

/// The step's keys on the day's row, where letters and digits type a day.
pub const DAY_KEYS: &[Binding] = table![
    ..STEP_TAB,
    bind!([Enter] => Confirm, _, "take the day typed; with none typed, the next step"),
    bind!([Down] => Down, _, "to the scales"),
    bind!([Left] => Left, _, "a day earlier"),
    bind!([Right] => Right, _, "a day later (today at most)"),
    HELP_KEY,
];

/// Applies a key of this step.
pub(super) fn update(s: &mut State, action: Action, cx: &mut Cx) -> Option<Cmd> {
    if s.focus == DAY {
        return day_update(s, action, cx);
    }
    let draft = &mut cx.draft.entry;
    let scale = Scale::ALL[s.focus];
    let current = scale.of(draft).map(|v| v.get());
    let value = match action {
        Action::Up => {
            s.focus = match s.focus {
                0 if day_chosen(cx.draft) => DAY,
                n => n.saturating_sub(1),
            };
            return Some(Cmd::None);
        }
        Action::Down => {
            s.focus = (s.focus + 1).min(Scale::COUNT - 1);
            return Some(Cmd::None);
        }
        Action::Left => Some(current.map_or(3, |v| v.saturating_sub(1).max(1))),
        Action::Right => Some(current.map_or(3, |v| (v + 1).min(5))),
        Action::Choose(n) => Some(n),
        Action::Clear => None,
        _ => return None,
    };
    scale.set(draft, value.and_then(|v| v.try_into().ok()));
    // A digit moves on to the next scale, so a digit for each fills the step.
    if matches!(action, Action::Choose(_)) && s.focus + 1 < Scale::COUNT {
        s.focus += 1;
    }
    cx.changed();
    Some(Cmd::None)
}

/// A key on the day's row: another day, or the day typed taken.
fn day_update(s: &mut State, action: Action, cx: &mut Cx) -> Option<Cmd> {
    let day = cx.draft.date;
    let to = match action {
        Action::Down => {
            s.focus = 0;
            return Some(Cmd::None);
        }
        Action::Left => day.checked_sub_days(Days::new(1)),
        Action::Right => day.checked_add_days(Days::new(1)),
        // With nothing typed, Enter is the next step, as on the scales.
        Action::Confirm if s.typed.trim().is_empty() => return None,
        Action::Confirm => match day_words::past_day(&s.typed, cx.session.today) {
            Ok(d) => Some(d),
            Err(e) => {
                s.refused = Some(e.sentence());
                return Some(Cmd::None);
            }
        },
        // Esc first clears what was typed, then leaves as anywhere.
        Action::Back if !s.typed.is_empty() => {
            s.typed.clear();
            s.refused = None;
            return Some(Cmd::None);
        }
        _ => return None,
    };
    s.typed.clear();
    s.refused = None;
    // The journal keeps the years 0 to 9999.
    if let Some(to) = to
        && to.year() >= 0
    {
        cx.draft.set_day(to);
        cx.changed();
    }
    Some(Cmd::None)
}

/// `text` with its first letter a capital.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A key typed on the day's row.
pub(super) fn input(s: &mut State, input: Input, _cx: &mut Cx) {
    match input {
        Input {
            key: TextKey::Char(c),
            ctrl: false,
            alt: false,
            ..
        } => s.typed.push(c),
        Input {
            key: TextKey::Backspace,
            ..
        } => {
            s.typed.pop();
        }
        _ => return,
    }
    s.refused = None;
}

fn scale_line(
    value: Option<u8>,
    labels: &[&'static str; 5],
    focused: bool,
    theme: &Theme,
) -> Line<'static> {
    let mut spans = vec![Span::raw("   ")];
    for (i, label) in labels.iter().enumerate() {
        let n = u8::try_from(i + 1).unwrap_or(0);
        let sep = if label.is_empty() { "" } else { " " };
        let text = if value == Some(n) {
            format!("[{n}{sep}{label}]")
        } else {
            format!(" {n}{sep}{label} ")
        };
        let style = if value == Some(n) {
            if focused { theme.selected } else { theme.key }
        } else {
            theme.muted
        };
        spans.push(Span::styled(text, style));
        spans.push(Span::raw(" "));
    }
    if value.is_none() {
        spans.push(Span::styled("(skipped)", theme.muted));
    }
    Line::from(spans)
}

/// Draws the step.
pub(super) fn view(state: &State, v: &StepView, c: Canvas) {
    let Canvas(frame, area, layout) = c;
    let theme = v.theme;
    let labels = v.session.prefs.mood_labels;
    let d = v.draft;
    let width = usize::from(area.width);
    // A check-in for another day (an edit of one, or one written later) asks about that day.
    let when = if d.date == d.started_at.date_naive() {
        "today"
    } else {
        "that day"
    };
    let marker = |i: usize| if state.focus == i { "▸ " } else { "  " };
    let (mut lines, mut caret) = day_lines(state, v);
    for (i, &scale) in Scale::ALL.iter().enumerate() {
        let ask = scale.about().question.replace("{when}", when);
        let value = scale.of(d).map(|v| v.get());
        let scale_line = scale_line(value, &scale.words(labels), state.focus == i, theme);
        if state.focus == i {
            caret = Some(match value {
                Some(n) => Spot::before_span(
                    lines.len() + 3,
                    &scale_line,
                    (2 * usize::from(n)).saturating_sub(1),
                ),
                None => Spot::row(lines.len() + 1),
            });
        }
        lines.extend([
            Line::default(),
            question(&format!("{}{ask}", marker(i)), theme),
            Line::default(),
            scale_line,
            Line::default(),
        ]);
    }
    lines.extend([
        Line::default(),
        Line::styled(
            "Digits set the marked scale; ←/→ change it, ↑/↓ switch, 0 clears. Both can be skipped.",
            theme.muted,
        ),
    ]);
    if let Some(said) = more_on_the_day(v) {
        lines.extend([Line::default(), Line::styled(said, theme.muted)]);
    }
    let (lines, caret) = wrap::lines_with(lines, width, caret);
    frame.render_widget(Paragraph::new(lines), area);
    layout.place(caret.and_then(|c| c.on(area, 0)));
}

/// The day's row (when the check-in may be for another day) and, on it, the day being typed
/// with what works; and where the caret is, when on it.
fn day_lines(state: &State, v: &StepView) -> (Vec<Line<'static>>, Option<Spot>) {
    let (d, theme) = (v.draft, v.theme);
    let mut lines = Vec::new();
    if !day_chosen(d) {
        return (lines, None);
    }
    let on = state.focus == DAY;
    lines.push(Line::default());
    lines.push(Line::from(vec![
        Span::styled(
            format!("{}For which day?  ", if on { "▸ " } else { "  " }),
            theme.title,
        ),
        Span::styled(
            format!("‹ {} ›", day_label(d.date, v.session.today)),
            if on { theme.selected } else { theme.key },
        ),
    ]));
    if !on {
        return (lines, None);
    }
    let typing = Line::from(vec![
        Span::styled("    Type a day: ", theme.key),
        Span::styled(state.typed.clone(), theme.text),
    ]);
    // After what was typed: before the (absent) third span.
    let caret = Spot::before_span(lines.len(), &typing, 2);
    lines.push(typing);
    lines.push(match &state.refused {
        Some(why) => Line::styled(format!("    {why}"), theme.warn),
        None => Line::styled(
            format!(
                "    yesterday, last friday, 3 days ago, {}, then Enter; ←/→ a day at a time; \
                 ↓ the scales",
                (v.session.today - Days::new(2)).format("%Y-%m-%d")
            ),
            theme.muted,
        ),
    });
    (lines, Some(caret))
}

/// For a new check-in on a day that has entries already: that it will be one more.
fn more_on_the_day(v: &StepView) -> Option<String> {
    let d = v.draft;
    if d.is_edit() {
        return None;
    }
    let earlier = v.session.given().earlier_on_the_day(d);
    if earlier == 0 {
        return None;
    }
    Some(if d.date == v.session.today {
        format!(
            "You checked in earlier today: this will be the {} entry for today.",
            crate::content::checkin::ordinal(earlier + 1)
        )
    } else {
        capitalised(&format!(
            "{} has an entry already: this will be its {}.",
            day_label(d.date, v.session.today),
            crate::content::checkin::ordinal(earlier + 1)
        ))
    })
}

/// A day as the check-in names it: "today, Sunday 22 November", "yesterday, …", or the day
/// ("Friday 20 November", with its year when not this year's).
fn day_label(day: NaiveDate, today: NaiveDate) -> String {
    let name = if day.year() == today.year() {
        day.format("%A %-d %B").to_string()
    } else {
        day.format("%A %-d %B %Y").to_string()
    };
    if day == today {
        format!("today, {name}")
    } else if today.pred_opt() == Some(day) {
        format!("yesterday, {name}")
    } else {
        name
    }
}
