//! Drawing insights: the tabs and what every view shares; each view in its own module (`week`,
//! `over_time`, `lists` for triggers and what helped, `rhythm`).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::screen::{LastLayout, ViewCx};
use crate::tui::theme::Theme;
use crate::tui::widgets::caret::Spot;
use crate::tui::widgets::page;
use crate::tui::widgets::wrap;

use super::{State, Tab};

mod cycle;
mod lists;
mod moments;
mod over_time;
mod rhythm;
mod turning;
mod week;
mod when;

pub use over_time::{Series, series};

use crate::journal::insights::one_decimal as fmt;

/// Draws insights.
pub fn view(state: &State, cx: &ViewCx, frame: &mut Frame, area: Rect, layout: &mut LastLayout) {
    let body = page::draw(cx, frame, area, "insights");
    let body = page::inset(body);
    let theme = &cx.session.theme;
    let catalog = &cx.session.catalog;
    layout.record(body, 0);
    let [tabs, body] = Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(body);
    let (tab_lines, selected) = tab_line(state, theme, usize::from(tabs.width));
    // The cursor on the name of the tab shown (past the space before it); a view with a
    // selection of its own (a day) takes it there.
    let tab = Spot::before_span(0, &tab_lines[0], selected);
    layout.place(
        Spot {
            column: tab.column + 1,
            ..tab
        }
        .on(tabs, 0),
    );
    frame.render_widget(Paragraph::new(tab_lines), tabs);
    let i = &state.insights;
    if i.entries == 0 && !matches!(state.tab, Tab::Week | Tab::Rhythm) {
        let journal_empty = cx.session.entries().is_empty();
        let all_time = state.span == crate::journal::query::DateSpan::All;
        let (first, then) = if journal_empty {
            (
                "No check-ins yet.",
                "Patterns show up after a few check-ins. Esc, then c, to check in.",
            )
        } else if all_time {
            (
                "No check-ins to show here yet.",
                "Patterns show up after a few check-ins. Esc, then c, to check in.",
            )
        } else {
            (
                "No check-ins in this window yet.",
                "Patterns show up after a few check-ins. Press 4 to see all time, or Esc, then \
                 c, to check in.",
            )
        };
        frame.render_widget(
            Paragraph::new(wrap::lines(
                vec![
                    Line::styled(first, theme.text),
                    Line::styled(then, theme.muted),
                ],
                usize::from(body.width),
            )),
            body,
        );
        return;
    }
    match state.tab {
        Tab::Week => layout.place(week::week(state, cx, frame, body)),
        Tab::OverTime => over_time::over_time(state, theme, frame, body),
        Tab::Triggers => lists::triggers(state, catalog, theme, frame, body, layout),
        Tab::Helped => lists::helped(state, catalog, theme, frame, body, layout),
        Tab::Moments => moments::moments(state, catalog, theme, frame, body, layout),
        Tab::Cycle => {
            let perspective = cx.session.perspective();
            cycle::cycle(state, catalog, perspective, theme, frame, body, layout);
        }
        Tab::Toward => turning::turning(state, catalog, theme, frame, body, layout),
        Tab::When => when::when(state, theme, frame, body, layout),
        Tab::Rhythm => layout.place(rhythm::rhythm(state, cx.session.today, theme, frame, body)),
    }
}

/// The views as tabs, the one shown selected, and the window where it applies: full names
/// when they fit, short ones when not, and at the narrowest only the view shown ("2/5"). The
/// window goes on the line under the tabs when it does not fit beside them, so it is always
/// said. With the index of the span of the tab shown, in the first line.
fn tab_line(state: &State, theme: &Theme, width: usize) -> (Vec<Line<'static>>, usize) {
    // Each tab is its name and a gap.
    let shown = 2 * Tab::ALL.iter().position(|t| *t == state.tab).unwrap_or(0);
    let span =
        (!matches!(state.tab, Tab::Week | Tab::Rhythm)).then(|| format!("   {}", state.span));
    let span_width = span.as_ref().map_or(0, |s| s.chars().count());
    // Full names or short, a space between tabs or (at the narrowest) none: each tab is
    // padded by a space on each side, so two stay between names.
    let tiers = [(false, 1), (true, 1), (true, 0)];
    let tabs = |(short, gap): (bool, usize)| {
        let name = |t: Tab| if short { t.short_label() } else { t.label() };
        let tabs_width: usize = Tab::ALL
            .iter()
            .map(|t| name(*t).chars().count() + 2 + gap)
            .sum();
        let mut spans = Vec::new();
        for &t in Tab::ALL {
            let style = if t == state.tab {
                theme.selected
            } else {
                theme.muted
            };
            spans.push(Span::styled(format!(" {} ", name(t)), style));
            spans.push(Span::raw(" ".repeat(gap)));
        }
        (tabs_width, spans)
    };
    let window = |span: String| Span::styled(span, theme.key);
    // Beside the tabs.
    for tier in tiers {
        let (tabs_width, mut spans) = tabs(tier);
        if tabs_width + span_width <= width {
            spans.extend(span.clone().map(window));
            return (vec![Line::from(spans)], shown);
        }
    }
    // Under the tabs.
    let under = span.map(|s| Line::from(window(format!(" {}", s.trim_start()))));
    for tier in tiers {
        let (tabs_width, spans) = tabs(tier);
        if tabs_width <= width {
            return (
                std::iter::once(Line::from(spans)).chain(under).collect(),
                shown,
            );
        }
    }
    let at = Tab::ALL.iter().position(|t| *t == state.tab).unwrap_or(0) + 1;
    let spans = vec![
        Span::styled(format!(" {} ", state.tab.label()), theme.selected),
        Span::styled(format!(" {at}/{}", Tab::ALL.len()), theme.muted),
    ];
    (std::iter::once(Line::from(spans)).chain(under).collect(), 0)
}

/// The style and mark of a day by its mood.
fn level(theme: &Theme, mood: Option<f64>) -> (Style, &'static str) {
    match mood {
        None => (theme.muted, "·"),
        Some(m) => {
            let i = (m.round() as usize).clamp(1, 5) - 1;
            (theme.levels[i], ["▁", "▃", "▅", "▇", "█"][i])
        }
    }
}

/// Draws `text` wrapped in `area`, scrolled by `scroll` but never past its last line, and
/// records how long it is for the next update.
fn scrolled(
    lines: Vec<Line<'static>>,
    scroll: u16,
    frame: &mut Frame,
    area: Rect,
    layout: &mut LastLayout,
) {
    let lines = wrap::lines(lines, usize::from(area.width));
    layout.record(area, lines.len());
    frame.render_widget(
        Paragraph::new(lines).scroll((scroll.min(layout.max_scroll()), 0)),
        area,
    );
}
