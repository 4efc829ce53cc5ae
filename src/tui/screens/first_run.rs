//! First run: which perspective fits, where the journal lives, and that it stays here.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::journal::{Choice, PerspectiveChoice};
use crate::tui::keys::{self, Action, Binding, bind, table};
use crate::tui::screen::{self, Cmd, Ctx, LastLayout, Msg, Open, Typing, ViewCx};
use crate::tui::text;
use crate::tui::widgets::caret::Spot;
use crate::tui::widgets::page;
use crate::tui::widgets::wrap;

/// The highlighted choice, and where to go once one is made.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    /// Index into `PerspectiveChoice::ALL`.
    pub selected: usize,
    /// Go straight to a check-in once chosen (`closer checkin` on a first run).
    pub then_checkin: bool,
    /// Go straight to review once chosen (`closer review` on a journal with no choice kept
    /// yet: one imported, or made by hand).
    pub then_review: bool,
}

/// The first-run screen's keys.
pub const KEYS: &[Binding] = table![
    ..keys::up_down("previous choice", "next choice"),
    // The digits choose at once (no Enter needed), and the footer says so.
    bind!(['1'] => Choose(1), "2 3 choose", "choose \"I pull away\" at once"),
    bind!(['2'] => Choose(2), _, "choose \"My partner pulls away\" at once"),
    bind!(['3'] => Choose(3), _, "choose \"Both\" at once"),
    bind!([Enter] => Confirm, "choose marked", "choose the marked one and continue"),
    keys::SUPPORT,
    keys::QUIT,
];

screen::one_table!("first run" => KEYS, Typing::No);

/// The perspective an action chooses, if it chooses one.
fn chosen(state: &mut State, action: Action) -> Option<PerspectiveChoice> {
    let last = PerspectiveChoice::ALL.len() - 1;
    match action {
        Action::Up => state.selected = state.selected.saturating_sub(1),
        Action::Down => state.selected = (state.selected + 1).min(last),
        Action::Choose(n) => {
            let i = usize::from(n).checked_sub(1)?;
            let p = PerspectiveChoice::ALL.get(i)?;
            state.selected = i;
            return Some(*p);
        }
        Action::Confirm => return PerspectiveChoice::ALL.get(state.selected).copied(),
        _ => {}
    }
    None
}

/// Whether it opens only once the journal is read.
pub const NEEDS_JOURNAL: bool = false;

/// Applies a message: a choice is kept, and home (or the check-in) opens.
pub fn update(state: &mut State, msg: Msg, cx: &Ctx) -> Cmd {
    let Msg::Key(action) = msg else {
        return Cmd::None;
    };
    // `closer checkin` on a first run: the check-in opens once a perspective is chosen.
    if action == Action::StartCheckIn {
        state.then_checkin = true;
        return Cmd::None;
    }
    // `closer review` on a journal with no perspective kept yet: review, once chosen.
    if action == Action::OpenReview {
        state.then_review = true;
        return Cmd::None;
    }
    let Some(perspective) = chosen(state, action) else {
        return Cmd::None;
    };
    let session = cx.session;
    let mut prefs = session.prefs.clone();
    prefs.perspective = Some(perspective);
    let mut cmd = Cmd::Prefs(Box::new(prefs)).and(Cmd::Replace(Open::Home));
    if state.then_checkin {
        cmd = cmd.and(Open::check_in_as(session, perspective.perspective()));
    } else if state.then_review {
        cmd = cmd.and(Cmd::Open(Open::Review));
    }
    cmd
}

/// Draws the screen.
pub fn view(state: &State, cx: &ViewCx, frame: &mut Frame, area: Rect, layout: &mut LastLayout) {
    let body = page::draw(cx, frame, area, "welcome");
    let theme = &cx.session.theme;
    let mut lines = vec![
        Line::default(),
        Line::styled(text::WELCOME_TITLE, theme.title),
        Line::default(),
        Line::styled(text::WELCOME_BODY, theme.text),
        Line::default(),
        Line::styled(text::WELCOME_QUESTION, theme.text),
        Line::default(),
    ];
    let mut caret = None;
    for (i, p) in PerspectiveChoice::ALL.iter().enumerate() {
        let selected = i == state.selected;
        if selected {
            caret = Some(Spot::row(lines.len()));
        }
        let marker = if selected { "▸ " } else { "  " };
        let style = if selected { theme.selected } else { theme.text };
        lines.push(Line::from(vec![
            Span::styled(format!("{marker}{}  {}", i + 1, p.label()), style),
            Span::styled(format!("  {}", text::PERSPECTIVE_HINTS[i]), theme.muted),
        ]));
    }
    lines.extend([
        Line::default(),
        Line::styled(format!("{}:", text::WELCOME_WHERE), theme.muted),
        Line::styled(format!("  {}", cx.session.data_dir.display()), theme.text),
        Line::styled(text::WELCOME_PRIVATE, theme.muted),
    ]);
    let column = page::column(body);
    let (lines, caret) = wrap::lines_with(lines, usize::from(column.width), caret);
    frame.render_widget(Paragraph::new(lines), column);
    layout.place(caret.and_then(|c| c.on(column, 0)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_stop_at_the_ends() {
        let mut s = State::default();
        assert_eq!(chosen(&mut s, Action::Up), None);
        assert_eq!(s.selected, 0);
        chosen(&mut s, Action::Down);
        assert_eq!(s.selected, 1);
        assert_eq!(
            chosen(&mut s, Action::Confirm),
            Some(PerspectiveChoice::PartnerPullsAway)
        );
        chosen(&mut s, Action::Down);
        chosen(&mut s, Action::Down);
        assert_eq!(s.selected, 2);
        assert_eq!(
            chosen(&mut s, Action::Confirm),
            Some(PerspectiveChoice::Both)
        );
    }

    #[test]
    fn digits_out_of_range_do_nothing() {
        let mut s = State::default();
        assert_eq!(chosen(&mut s, Action::Choose(0)), None);
        assert_eq!(chosen(&mut s, Action::Choose(4)), None);
        assert_eq!(
            chosen(&mut s, Action::Choose(2)),
            Some(PerspectiveChoice::PartnerPullsAway)
        );
        assert_eq!(
            chosen(&mut s, Action::Choose(3)),
            Some(PerspectiveChoice::Both)
        );
    }
}
