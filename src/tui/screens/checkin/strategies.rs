//! Step 6: strategies to plan, and a look back at ones planned before (tried? how helpful?).

use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::content::Catalog;
use crate::journal::draft::{CheckInDraft, FollowUp, answer_follow_up, set_planned};
use crate::journal::{Helpfulness, Name, StrategyUse};
use crate::tui::keys::{self, Action, Binding, HELP_KEY, bind, table};
use crate::tui::screen::{Cmd, Open, Page};
use crate::tui::session::Session;
use crate::tui::theme::Theme;
use crate::tui::widgets::caret::Spot;
use crate::tui::widgets::wrap;

pub(super) use super::steps::no_text::{edited, flush, input, paste, typing};
use super::{Canvas, Cx, STEP, StepView, question};

/// Check-in, step 6: strategies.
pub const KEYS: &[Binding] = table![
    ..STEP,
    bind!(['o'] => LearnMore, _, "open the strategy in the library (Esc comes back)"),
    ..keys::up_down("previous row", "next row"),
    bind!([' '] => Toggle, "pick", "plan it / mark it tried"),
    bind!(['y'] => Yes, _, "yes, I tried it (a strategy planned before, or one here today)"),
    bind!(['n'] => No, _, "no, I did not try it"),
    bind!(['1'] => Choose(1), _, "tried it: helpfulness 1 of 5 (did not help)"),
    bind!(['2'] => Choose(2), _, "tried it: helpfulness 2 of 5"),
    bind!(['3'] => Choose(3), _, "tried it: helpfulness 3 of 5"),
    bind!(['4'] => Choose(4), _, "tried it: helpfulness 4 of 5"),
    bind!(['5'] => Choose(5), _, "tried it: helpfulness 5 of 5 (helped a lot)"),
    bind!(['0'] => Clear, _, "clear the answer"),
    HELP_KEY,
];

/// The step's state.
#[derive(Debug, Clone)]
pub(super) struct State {
    /// The row focused: follow-ups first, then suggestions.
    pub(super) focus: usize,
    /// Earlier plans to follow up, found when the check-in opens.
    pub(super) follow_ups: Vec<FollowUp>,
}

/// The step's state as the check-in opens: the earlier plans to follow up (those the
/// library still has).
pub(super) fn new(draft: &CheckInDraft, session: &Session) -> State {
    State {
        focus: 0,
        follow_ups: session.given().follow_ups(draft),
    }
}

/// The step is entered: strategies suggested again (see `content::checkin::Given::suggestions`),
/// the first row focused.
pub(super) fn enter(s: &mut State, _back: bool, cx: &mut Cx) {
    s.focus = 0;
    *cx.suggestions = cx.session.given().suggestions(cx.draft, &s.follow_ups);
}

/// Rows of the step: follow-ups first, then suggestions.
fn rows(s: &State, cx: &Cx) -> usize {
    s.follow_ups.len() + cx.suggestions.len()
}

/// The row focused.
pub(super) fn place(s: &State) -> usize {
    s.focus
}

/// Back on the row a resumed draft was on.
pub(super) fn resume(s: &mut State, at: usize, cx: &mut Cx) {
    s.focus = at.min(rows(s, cx).saturating_sub(1));
}

/// The keys in force.
pub(super) fn keys(_s: &State, _draft: &CheckInDraft) -> &'static [Binding] {
    KEYS
}

/// The strategy on the focused row, in the library.
fn learn_more(s: &State, cx: &Cx) -> Cmd {
    let follow = s.follow_ups.len();
    let id = if s.focus < follow {
        s.follow_ups.get(s.focus).map(|f| f.strategy.to_string())
    } else {
        cx.suggestions.get(s.focus - follow).cloned()
    };
    match id {
        Some(id) => Cmd::Open(Open::Guide(Page::Strategy(id))),
        None => Cmd::None,
    }
}

/// Tried? How helpful? Said of a strategy: `None` when `action` does not say.
fn answer(
    action: Action,
    tried: Option<bool>,
    help: Option<Helpfulness>,
) -> Option<(Option<bool>, Option<Helpfulness>)> {
    Some(match action {
        Action::Yes => (Some(true), help),
        Action::No => (Some(false), None),
        Action::Toggle => match tried {
            None => (Some(true), help),
            Some(true) => (Some(false), None),
            Some(false) => (None, None),
        },
        Action::Choose(n) => (Some(true), Helpfulness::try_from(n).ok()),
        Action::Clear => (None, None),
        _ => return None,
    })
}

/// Plans the suggestion `id`, or unplans it.
fn toggle_plan(strategies: &mut crate::journal::entry::ThinVec<StrategyUse>, id: Name) {
    let planned = strategies.iter().any(|s| s.id == id && s.planned);
    set_planned(strategies, &id, !planned);
}

/// Applies a key of this step; `None` when it is not the step's own.
pub(super) fn update(s: &mut State, action: Action, cx: &mut Cx) -> Option<Cmd> {
    let rows = rows(s, cx);
    let follow = s.follow_ups.len();
    let suggested = s.focus >= follow && s.focus - follow < cx.suggestions.len();
    let strategies = &mut cx.draft.entry.strategies;
    match action {
        Action::LearnMore => return Some(learn_more(s, cx)),
        Action::Up => s.focus = s.focus.saturating_sub(1),
        Action::Down => s.focus = (s.focus + 1).min(rows.saturating_sub(1)),
        Action::Top => s.focus = 0,
        Action::Bottom => s.focus = rows.saturating_sub(1),
        // Tried? How helpful? On a strategy planned before, and on one suggested today (a
        // person may try something today and say it helped).
        Action::Yes | Action::No | Action::Choose(_) | Action::Clear if suggested => {
            let Ok(id) = Name::try_from(cx.suggestions[s.focus - follow].as_str()) else {
                return Some(Cmd::None);
            };
            let help = strategies
                .iter()
                .find(|u| u.id == id)
                .and_then(|u| u.helpfulness);
            let (tried, help) = answer(action, None, help)?;
            answer_follow_up(strategies, &id, tried, help);
            cx.changed();
        }
        _ if s.focus < follow => {
            let id = s.follow_ups[s.focus].strategy.clone();
            let current = strategies.iter().find(|s| s.id == id);
            let tried = current.and_then(|s| s.tried);
            let help = current.and_then(|s| s.helpfulness);
            let (tried, help) = answer(action, tried, help)?;
            answer_follow_up(strategies, &id, tried, help);
            cx.changed();
        }
        Action::Toggle => {
            let id = cx.suggestions.get(s.focus - follow)?;
            let Ok(id) = Name::try_from(id.as_str()) else {
                return Some(Cmd::None);
            };
            toggle_plan(strategies, id);
            cx.changed();
        }
        _ => return None,
    }
    Some(Cmd::None)
}

/// What is said after a strategy offered today: one thing, the most that is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    /// Marked to try (and not said to be tried or not).
    WillTry,
    /// Tried today, and how much it helped if said.
    Tried(Option<Helpfulness>),
    /// Said not to be tried, and not marked to try.
    NotTried,
}

impl Status {
    fn words(self) -> String {
        match self {
            Status::WillTry => "I'll try this".to_owned(),
            Status::Tried(Some(h)) => format!("tried today, helpfulness {h}/5"),
            Status::Tried(None) => "tried today".to_owned(),
            Status::NotTried => "not tried".to_owned(),
        }
    }
}

/// The status of a strategy offered today: tried says more than planned, so it is said
/// alone ("tried today, helpfulness 4/5", not "I'll try this · tried today, …"); planned and
/// not tried today is still to try.
fn status(planned: bool, used: Option<&StrategyUse>) -> Option<Status> {
    match (planned, used.and_then(|u| u.tried)) {
        (_, Some(true)) => Some(Status::Tried(used.and_then(|u| u.helpfulness))),
        (true, _) => Some(Status::WillTry),
        (false, Some(false)) => Some(Status::NotTried),
        (false, None) => None,
    }
}

/// Lines of the step being drawn, and which of them has the cursor.
struct Lines<'a> {
    lines: Vec<Line<'static>>,
    cursor_line: usize,
    row: usize,
    focus: usize,
    theme: &'a Theme,
    width: usize,
}

impl Lines<'_> {
    /// The next row's style and marker, noting the cursor's line when it is the focused one.
    fn row(&mut self) -> (ratatui::style::Style, &'static str) {
        let focused = self.focus == self.row;
        self.row += 1;
        if focused {
            self.cursor_line = self.lines.len();
            (self.theme.selected, "▸")
        } else {
            (self.theme.text, " ")
        }
    }

    /// `text` wrapped under a row, indented, in `style`.
    fn under(&mut self, text: &str, rest: &str, style: ratatui::style::Style) {
        for l in wrap::indented(text, self.width, "      ", rest) {
            self.lines.push(Line::styled(l, style));
        }
    }
}

/// Earlier plans, each with what was said about it.
fn follow_up_lines(out: &mut Lines, s: &State, d: &CheckInDraft, catalog: &Catalog) {
    if s.follow_ups.is_empty() {
        return;
    }
    out.lines
        .push(question("Earlier you planned to try:", out.theme));
    for f in &s.follow_ups {
        let strategy = catalog.strategy(f.strategy.as_str());
        let title = strategy.map_or(f.strategy.as_str(), |s| s.title.as_str());
        let answer = d.strategies.iter().find(|s| s.id == f.strategy);
        let status = match (
            answer.and_then(|s| s.tried),
            answer.and_then(|s| s.helpfulness),
        ) {
            (Some(true), Some(h)) => format!("tried · helpfulness {h}/5"),
            (Some(true), None) => "tried · how helpful? 1–5".to_owned(),
            (Some(false), _) => "not tried".to_owned(),
            (None, _) => "did you try it? y / n".to_owned(),
        };
        let (style, marker) = out.row();
        out.lines.push(Line::from(vec![
            Span::styled(format!("{marker} {title}"), style),
            Span::styled(
                format!("  (planned {})", f.planned_on.format("%-d %b")),
                out.theme.muted,
            ),
        ]));
        out.lines
            .push(Line::styled(format!("      {status}"), out.theme.key));
        // An earlier plan that can raise the risk with a frightening partner says so too,
        // whether or not the cursor is on it.
        if let Some(caveat) = strategy.and_then(|s| s.caveat.as_ref()) {
            out.under(
                &format!("Careful: {caveat}"),
                "               ",
                out.theme.warn,
            );
        }
    }
    out.lines.push(Line::default());
}

/// Today's suggestions, each marked planned or not, with what was said about it.
fn suggestion_lines(out: &mut Lines, suggestions: &[String], d: &CheckInDraft, catalog: &Catalog) {
    if suggestions.is_empty() {
        out.lines.push(Line::styled(
            "No strategy to suggest. Tab goes on.",
            out.theme.muted,
        ));
    } else {
        out.lines.push(question(
            "Something to try — mark any with Space:",
            out.theme,
        ));
    }
    for id in suggestions {
        let Some(s) = catalog.strategy(id) else {
            continue;
        };
        let planned = d
            .strategies
            .iter()
            .any(|u| u.id.as_str() == id && u.planned);
        let mark = if planned { "[x]" } else { "[ ]" };
        let (style, marker) = out.row();
        let mut title = vec![Span::styled(format!("{marker} {mark} {}", s.title), style)];
        if let Some(said) = status(planned, d.strategies.iter().find(|u| u.id.as_str() == id)) {
            let style = match said {
                Status::WillTry => out.theme.good,
                Status::Tried(_) => out.theme.key,
                Status::NotTried => out.theme.muted,
            };
            title.push(Span::styled(format!("  · {}", said.words()), style));
        }
        out.lines.push(Line::from(title));
        out.under(
            &format!("Today: {}", s.try_today),
            "             ",
            out.theme.muted,
        );
        // When not to use it, under every strategy that has one, focused or not: someone
        // skimming the list sees it before choosing.
        if let Some(caveat) = &s.caveat {
            out.under(
                &format!("Careful: {caveat}"),
                "               ",
                out.theme.warn,
            );
        }
    }
}

/// Draws the step, scrolled to keep the focused row in the middle.
pub(super) fn view(state: &State, v: &StepView, c: Canvas) {
    let Canvas(frame, area, layout) = c;
    let catalog = &v.session.catalog;
    let mut out = Lines {
        lines: Vec::new(),
        cursor_line: 0,
        row: 0,
        focus: state.focus,
        theme: v.theme,
        width: usize::from(area.width),
    };
    follow_up_lines(&mut out, state, v.draft, catalog);
    suggestion_lines(&mut out, v.suggestions, v.draft, catalog);
    // The cursor on the focused row, when there is one.
    let focused = (state.focus < out.row).then_some(Spot::row(out.cursor_line));
    let (lines, caret) = wrap::lines_with(out.lines, usize::from(area.width), focused);
    let para = Paragraph::new(lines);
    let offset =
        u16::try_from(out.cursor_line.saturating_sub(usize::from(area.height) / 2)).unwrap_or(0);
    frame.render_widget(para.scroll((offset, 0)), area);
    layout.place(caret.and_then(|c| c.on(area, usize::from(offset))));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn used(planned: bool, tried: Option<bool>, help: Option<u8>) -> StrategyUse {
        StrategyUse {
            id: Name::try_from("active-listening").unwrap(),
            planned,
            tried,
            helpfulness: help.and_then(|h| Helpfulness::try_from(h).ok()),
            extra: Default::default(),
        }
    }

    /// Issue 37, item 18: one strategy gets one status, said once: tried says more than
    /// planned, so a planned strategy tried today is "tried today, helpfulness 4/5" alone.
    #[test]
    fn a_strategy_is_said_to_be_tried_or_to_try_not_both() {
        let words = |u: &StrategyUse| status(u.planned, Some(u)).map(Status::words);
        assert_eq!(
            words(&used(true, Some(true), Some(4))).as_deref(),
            Some("tried today, helpfulness 4/5")
        );
        assert_eq!(
            words(&used(true, Some(true), None)).as_deref(),
            Some("tried today")
        );
        assert_eq!(
            words(&used(true, None, None)).as_deref(),
            Some("I'll try this")
        );
        assert_eq!(
            words(&used(true, Some(false), None)).as_deref(),
            Some("I'll try this")
        );
        assert_eq!(
            words(&used(false, Some(false), None)).as_deref(),
            Some("not tried")
        );
        assert_eq!(status(false, None), None);
    }
}
