//! Step 6: strategies to plan, and a look back at ones planned before (tried? how helpful?).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::content::{Catalog, offer};
use crate::journal::draft::answer_follow_up;
use crate::journal::{Helpfulness, Name, StrategyUse};
use crate::tui::keys::{self, Action, Binding, DOWN, HELP_KEY, Key, UP};
use crate::tui::session::Session;
use crate::tui::theme::Theme;
use crate::tui::widgets::wrap;

use super::{LEAVE, NEXT, PREV, SAVE, State, question};

/// Check-in, step 6: strategies.
pub const KEYS: &[Binding] = &[
    NEXT,
    PREV,
    SAVE,
    LEAVE,
    Binding::new(
        &[Key::ch('o')],
        Action::LearnMore,
        None,
        "open the strategy in the library (Esc comes back)",
    ),
    keys::up(UP, "previous row"),
    keys::down(DOWN, "next row"),
    Binding::new(
        &[Key::ch(' ')],
        Action::Toggle,
        Some("pick"),
        "plan it / mark it tried",
    ),
    Binding::new(
        &[Key::ch('y')],
        Action::Yes,
        None,
        "yes, I tried it (a strategy planned before, or one here today)",
    ),
    Binding::new(&[Key::ch('n')], Action::No, None, "no, I did not try it"),
    Binding::new(
        &[Key::ch('1')],
        Action::Choose(1),
        None,
        "tried it: helpfulness 1 of 5 (did not help)",
    ),
    Binding::new(
        &[Key::ch('2')],
        Action::Choose(2),
        None,
        "tried it: helpfulness 2 of 5",
    ),
    Binding::new(
        &[Key::ch('3')],
        Action::Choose(3),
        None,
        "tried it: helpfulness 3 of 5",
    ),
    Binding::new(
        &[Key::ch('4')],
        Action::Choose(4),
        None,
        "tried it: helpfulness 4 of 5",
    ),
    Binding::new(
        &[Key::ch('5')],
        Action::Choose(5),
        None,
        "tried it: helpfulness 5 of 5 (helped a lot)",
    ),
    Binding::new(&[Key::ch('0')], Action::Clear, None, "clear the answer"),
    HELP_KEY,
];

impl State {
    /// Suggests strategies (see `content::offer::strategies`).
    pub(super) fn choose_strategies(&mut self, session: &Session) {
        let planned_here: Vec<String> = self
            .draft
            .strategies
            .iter()
            .filter(|s| s.planned)
            .map(|s| s.id.to_string())
            .collect();
        let following_up: Vec<String> = self
            .follow_ups
            .iter()
            .map(|f| f.strategy.to_string())
            .collect();
        self.suggestions = offer::strategies(
            &session.catalog,
            &offer::trigger_ids(&self.draft.triggers),
            self.draft.perspective,
            session.today,
            offer::Wishes {
                planned_here: &planned_here,
                planned_next: &session.prefs.planned_next,
                favourites: &session.prefs.favourites,
                following_up: &following_up,
            },
        );
    }
}

/// Applies a key of this step.
pub fn update(s: &mut State, action: Action) {
    let rows = s.strategy_rows();
    let follow = s.follow_ups.len();
    match action {
        Action::Up => s.focus = s.focus.saturating_sub(1),
        Action::Down => s.focus = (s.focus + 1).min(rows.saturating_sub(1)),
        Action::Top => s.focus = 0,
        Action::Bottom => s.focus = rows.saturating_sub(1),
        // Tried? How helpful? On a strategy planned before, and on one suggested today (a
        // person may try something today and say it helped).
        Action::Yes | Action::No | Action::Choose(_) | Action::Clear
            if s.focus >= follow && s.focus - follow < s.suggestions.len() =>
        {
            let Ok(id) = Name::try_from(s.suggestions[s.focus - follow].as_str()) else {
                return;
            };
            let current = s.draft.strategies.iter().find(|u| u.id == id);
            let help = current.and_then(|u| u.helpfulness);
            let (tried, help) = match action {
                Action::Yes => (Some(true), help),
                Action::No => (Some(false), None),
                Action::Choose(n) => (Some(true), Helpfulness::try_from(n).ok()),
                _ => (None, None),
            };
            answer_follow_up(&mut s.draft.strategies, &id, tried, help);
            s.dirty = true;
        }
        _ if s.focus < follow => {
            let id = s.follow_ups[s.focus].strategy.clone();
            let current = s.draft.strategies.iter().find(|s| s.id == id);
            let tried = current.and_then(|s| s.tried);
            let help = current.and_then(|s| s.helpfulness);
            let (tried, help) = match action {
                Action::Yes => (Some(true), help),
                Action::No => (Some(false), None),
                Action::Toggle => match tried {
                    None => (Some(true), help),
                    Some(true) => (Some(false), None),
                    Some(false) => (None, None),
                },
                Action::Choose(n) => (Some(true), Helpfulness::try_from(n).ok()),
                Action::Clear => (None, None),
                _ => return,
            };
            answer_follow_up(&mut s.draft.strategies, &id, tried, help);
            s.dirty = true;
        }
        Action::Toggle => {
            let Some(id) = s.suggestions.get(s.focus - follow) else {
                return;
            };
            let Ok(id) = Name::try_from(id.as_str()) else {
                return;
            };
            match s
                .draft
                .strategies
                .iter()
                .position(|s| s.id == id && s.planned)
            {
                Some(pos) => {
                    s.draft.strategies.remove(pos);
                }
                None => s.draft.strategies.push(StrategyUse {
                    id,
                    planned: true,
                    tried: None,
                    helpfulness: None,
                    extra: Default::default(),
                }),
            }
            s.dirty = true;
        }
        _ => {}
    }
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

/// Draws the step.
pub fn view(state: &State, theme: &Theme, catalog: &Catalog, frame: &mut Frame, area: Rect) {
    let d = &state.draft;
    let mut lines = Vec::new();
    let mut row = 0;
    let mut cursor_line = 0;
    if !state.follow_ups.is_empty() {
        lines.push(question("Earlier you planned to try:", theme));
        for f in &state.follow_ups {
            let title = catalog
                .strategy(f.strategy.as_str())
                .map_or(f.strategy.as_str(), |s| s.title.as_str());
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
            let focused = state.focus == row;
            let style = if focused { theme.selected } else { theme.text };
            if focused {
                cursor_line = lines.len();
            }
            let marker = if focused { "▸" } else { " " };
            lines.push(Line::from(vec![
                Span::styled(format!("{marker} {title}"), style),
                Span::styled(
                    format!("  (planned {})", f.planned_on.format("%-d %b")),
                    theme.muted,
                ),
            ]));
            lines.push(Line::styled(format!("      {status}"), theme.key));
            // An earlier plan that can raise the risk with a frightening partner says so too,
            // whether or not the cursor is on it.
            if let Some(caveat) = catalog
                .strategy(f.strategy.as_str())
                .and_then(|s| s.caveat.as_ref())
            {
                for l in wrap::indented(
                    &format!("Careful: {caveat}"),
                    usize::from(area.width),
                    "      ",
                    "               ",
                ) {
                    lines.push(Line::styled(l, theme.warn));
                }
            }
            row += 1;
        }
        lines.push(Line::default());
    }
    if state.suggestions.is_empty() {
        lines.push(Line::styled(
            "No strategy to suggest. Tab goes on.",
            theme.muted,
        ));
    } else {
        lines.push(question("Something to try — mark any with Space:", theme));
    }
    for id in &state.suggestions {
        let Some(s) = catalog.strategy(id) else {
            continue;
        };
        let planned = d
            .strategies
            .iter()
            .any(|u| u.id.as_str() == id && u.planned);
        let mark = if planned { "[x]" } else { "[ ]" };
        let focused = state.focus == row;
        let style = if focused { theme.selected } else { theme.text };
        if focused {
            cursor_line = lines.len();
        }
        let marker = if focused { "▸" } else { " " };
        let mut title = vec![Span::styled(format!("{marker} {mark} {}", s.title), style)];
        if let Some(said) = status(planned, d.strategies.iter().find(|u| u.id.as_str() == id)) {
            let style = match said {
                Status::WillTry => theme.good,
                Status::Tried(_) => theme.key,
                Status::NotTried => theme.muted,
            };
            title.push(Span::styled(format!("  · {}", said.words()), style));
        }
        lines.push(Line::from(title));
        for l in wrap::indented(
            &format!("Today: {}", s.try_today),
            usize::from(area.width),
            "      ",
            "             ",
        ) {
            lines.push(Line::styled(l, theme.muted));
        }
        // When not to use it, under every strategy that has one, focused or not: someone
        // skimming the list sees it before choosing (issue 29).
        if let Some(caveat) = &s.caveat {
            for l in wrap::indented(
                &format!("Careful: {caveat}"),
                usize::from(area.width),
                "      ",
                "               ",
            ) {
                lines.push(Line::styled(l, theme.warn));
            }
        }
        row += 1;
    }
    let para = Paragraph::new(wrap::lines(lines, usize::from(area.width)));
    let offset =
        u16::try_from(cursor_line.saturating_sub(usize::from(area.height) / 2)).unwrap_or(0);
    frame.render_widget(para.scroll((offset, 0)), area);
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
