//! A break with a promise to come back, as home and the card for a hard minute show it: while
//! it runs, when it ends and how long is left, with one grounding step; once its time has come,
//! the question "did you go back to it?" and its key.

use ratatui::text::{Line, Span};

use crate::journal::vocabulary::count;
use crate::journal::{BreakSide, breaks};
use crate::tui::session::Session;

/// A break's lines: while it runs, when it ends and how long is left, with one grounding step
/// (a different one every few minutes); once its time has come, the question. Nothing when
/// there is no break.
pub fn lines(session: &Session) -> Vec<Line<'static>> {
    let theme = &session.theme;
    let words = &session.catalog.turning.time_out;
    let recent = session.recent_entries();
    if let Some(due) = breaks::due(recent, session.now).first() {
        return vec![
            Line::default(),
            Line::from(vec![
                Span::styled(
                    format!(
                        "Your break ended at {}. {} ",
                        due.time_out.back_at.format("%H:%M"),
                        words.back_question
                    ),
                    theme.text,
                ),
                Span::styled("g", theme.key),
            ]),
        ];
    }
    let Some(run) = breaks::running(recent, session.now).first().copied() else {
        return Vec::new();
    };
    let t = run.time_out;
    // Whole minutes left, rounded up: "1 minute" until the very end.
    let left = (t.back_at - session.now).num_seconds().max(0);
    let minutes = u32::try_from((left + 59) / 60).unwrap_or(u32::MAX);
    let until = if t.back_at.date_naive() == session.today {
        t.back_at.format("%H:%M").to_string()
    } else {
        t.back_at.format("%H:%M tomorrow").to_string()
    };
    let whose = match t.side {
        BreakSide::Mine => "On a break",
        BreakSide::Theirs => "They asked for a break",
    };
    let mut lines = vec![
        Line::default(),
        Line::styled(
            format!(
                "{whose} until {until} · {} to go",
                count(minutes, "minute", "minutes")
            ),
            theme.title,
        ),
    ];
    if !words.grounding.is_empty() {
        let step = (minutes as usize / 5) % words.grounding.len();
        lines.push(Line::styled(
            format!("For now: {}", words.grounding[step]),
            theme.text,
        ));
    }
    lines
}
