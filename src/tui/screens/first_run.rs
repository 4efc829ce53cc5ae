//! First run: which perspective fits, where the journal lives, and that it stays here.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::journal::Perspective;
use crate::tui::app::App;
use crate::tui::keymap::Action;
use crate::tui::text;
use crate::tui::widgets::page;

/// The highlighted choice.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    /// Index into `Perspective::ALL`.
    pub selected: usize,
}

/// What an action led to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Still choosing.
    Stay,
    /// A perspective was chosen.
    Chosen(Perspective),
    /// The person quit.
    Quit,
}

/// Applies an action.
pub fn update(state: &mut State, action: Action) -> Outcome {
    let last = Perspective::ALL.len() - 1;
    match action {
        Action::Up => state.selected = state.selected.saturating_sub(1),
        Action::Down => state.selected = (state.selected + 1).min(last),
        Action::Choose(n) => {
            if let Some(p) = usize::from(n)
                .checked_sub(1)
                .and_then(|i| Perspective::ALL.get(i))
            {
                state.selected = usize::from(n) - 1;
                return Outcome::Chosen(*p);
            }
        }
        Action::Confirm => {
            if let Some(p) = Perspective::ALL.get(state.selected) {
                return Outcome::Chosen(*p);
            }
        }
        Action::Quit => return Outcome::Quit,
        _ => {}
    }
    Outcome::Stay
}

/// Draws the screen.
pub fn view(app: &App, frame: &mut Frame, area: Rect) {
    let body = page::draw(app, frame, area, "welcome");
    let theme = &app.theme;
    let mut lines = vec![
        Line::default(),
        Line::styled(text::WELCOME_TITLE, theme.title),
        Line::default(),
        Line::styled(text::WELCOME_BODY, theme.text),
        Line::default(),
        Line::styled(text::WELCOME_QUESTION, theme.text),
        Line::default(),
    ];
    for (i, p) in Perspective::ALL.iter().enumerate() {
        let selected = i == app.first_run.selected;
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
        Line::styled(format!("  {}", app.ctx.data_dir.display()), theme.text),
        Line::styled(text::WELCOME_PRIVATE, theme.muted),
    ]);
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }),
        page::column(body),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_stop_at_the_ends() {
        let mut s = State::default();
        assert_eq!(update(&mut s, Action::Up), Outcome::Stay);
        assert_eq!(s.selected, 0);
        update(&mut s, Action::Down);
        update(&mut s, Action::Down);
        assert_eq!(s.selected, 1);
        assert_eq!(
            update(&mut s, Action::Confirm),
            Outcome::Chosen(Perspective::PartnerPullsAway)
        );
    }

    #[test]
    fn digits_out_of_range_do_nothing() {
        let mut s = State::default();
        assert_eq!(update(&mut s, Action::Choose(0)), Outcome::Stay);
        assert_eq!(update(&mut s, Action::Choose(3)), Outcome::Stay);
        assert_eq!(
            update(&mut s, Action::Choose(2)),
            Outcome::Chosen(Perspective::PartnerPullsAway)
        );
    }
}
