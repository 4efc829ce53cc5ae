//! Step 1: the entry's 1–5 scales, one question each (how the person feels, how close to their
//! partner), each skippable. The scales are [`Scale::ALL`]: a new one is asked here unchanged.

use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::journal::Scale;
use crate::journal::draft::CheckInDraft;
use crate::tui::keys::{self, Action, Binding, DIGITS, HELP_KEY, bind, table};
use crate::tui::screen::Cmd;
use crate::tui::session::Session;
use crate::tui::theme::Theme;
use crate::tui::widgets::caret::Spot;
use crate::tui::widgets::wrap;

pub(super) use super::steps::no_text::{edited, flush, input, paste, typing};
use super::{Canvas, Cx, STEP, StepView, question};

/// The step's state.
#[derive(Debug, Clone, Default)]
pub(super) struct State {
    /// The scale marked, as its place in [`Scale::ALL`].
    pub(super) focus: usize,
    /// A new check-in on a day that has entries already: how many (it will be one more).
    earlier_today: usize,
}

/// The step's state as the check-in opens.
pub(super) fn new(draft: &CheckInDraft, session: &Session) -> State {
    let earlier_today = session.given().earlier_on_the_day(draft);
    State {
        focus: 0,
        earlier_today,
    }
}

/// The step is entered: on mood.
pub(super) fn enter(s: &mut State, _back: bool, _cx: &mut Cx) {
    s.focus = 0;
}

/// The scale marked.
pub(super) fn place(s: &State) -> usize {
    s.focus
}

/// Back on the scale a resumed draft was on.
pub(super) fn resume(s: &mut State, at: usize, _cx: &mut Cx) {
    s.focus = at.min(Scale::COUNT - 1);
}

/// The keys in force.
pub(super) fn keys(_s: &State, _draft: &CheckInDraft) -> &'static [Binding] {
    KEYS
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

/// Applies a key of this step.
pub(super) fn update(s: &mut State, action: Action, cx: &mut Cx) -> Option<Cmd> {
    let draft = &mut cx.draft.entry;
    let scale = Scale::ALL[s.focus];
    let current = scale.of(draft).map(|v| v.get());
    let value = match action {
        Action::Up => {
            s.focus = s.focus.saturating_sub(1);
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
    // Editing an entry of another day asks about that day.
    let when = if d.is_edit() && d.date != d.started_at.date_naive() {
        "that day"
    } else {
        "today"
    };
    let marker = |i: usize| if state.focus == i { "▸ " } else { "  " };
    let mut lines = Vec::new();
    // The cursor on the focused scale's value, or its question while it has none.
    let mut caret = None;
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
    if state.earlier_today > 0 {
        lines.push(Line::default());
        lines.push(Line::styled(
            format!(
                "You checked in earlier today: this will be the {} entry for today.",
                crate::content::checkin::ordinal(state.earlier_today + 1)
            ),
            theme.muted,
        ));
    }
    let (lines, caret) = wrap::lines_with(lines, usize::from(area.width), caret);
    frame.render_widget(Paragraph::new(lines), area);
    layout.place(caret.and_then(|c| c.on(area, 0)));
}
