//! Drawing the check-in: one step at a time, "step N of M" always in the title.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::content::Catalog;
use crate::journal::draft::{CheckInDraft, Step};
use crate::journal::{Closeness, Mood, MoodLabels, Perspective};
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::widgets::pick_list::{PickListView, Row};
use crate::tui::widgets::{entry_view, page, wrap};

use super::{Dialog, State, trigger_key};

/// Draws the check-in of `app`.
pub fn view(app: &App, state: &State, frame: &mut Frame, area: Rect) {
    let step = state.step();
    let verb = if state.draft.is_edit() {
        format!("editing {}", state.draft.date.format("%-d %b %Y"))
    } else {
        "check-in".to_owned()
    };
    let title = format!(
        "{verb} · step {} of {} · {}",
        step.number(),
        Step::ALL.len(),
        step.title()
    );
    let body = page::column(page::draw(app, frame, area, &title));
    let theme = &app.theme;
    let catalog = &app.catalog;
    match step {
        Step::Scales => scales(state, app.prefs.mood_labels, theme, frame, body),
        Step::Emotions | Step::Triggers | Step::Reactions => list(state, step, theme, frame, body),
        Step::Reflect => reflect(state, theme, catalog, frame, body),
        Step::Strategies => strategies(state, theme, catalog, frame, body),
        Step::Notes => notes(state, theme, frame, body),
        Step::Summary => {
            let lines = summary_lines(&state.draft, catalog, theme, app.prefs.mood_labels);
            frame.render_widget(
                Paragraph::new(lines)
                    .wrap(Wrap { trim: false })
                    .scroll((state.scroll, 0)),
                body,
            );
        }
    }
    if let Some((_, area, _)) = &state.note {
        let popup = centered(body, 6);
        frame.render_widget(Clear, popup);
        let block = Block::bordered()
            .border_style(theme.border)
            .title(Line::styled(" A note on this trigger ", theme.title))
            .title_bottom(Line::styled(" Enter keep · Esc cancel ", theme.muted));
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        frame.render_widget(area, inner);
    }
    if state.dialog == Some(Dialog::ConfirmDiscard) {
        dialog(
            frame,
            body,
            theme,
            " Discard this check-in? ",
            &["What you entered in it will be gone for good."],
            &[("y", "yes, discard it"), ("n", "no, go back")],
        );
    }
    if state.dialog == Some(Dialog::Leave) {
        dialog(
            frame,
            body,
            theme,
            " Leave the check-in? ",
            &[
                "What you have entered is kept as a draft;",
                "closer offers it again next time you start.",
            ],
            &[
                ("s", "keep the draft and leave"),
                ("d", "discard this check-in"),
                ("Esc", "go on with it"),
            ],
        );
    }
}

/// A small box in the middle of `area`, `height` rows tall.
fn centered(area: Rect, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::horizontal([Constraint::Length(area.width.min(64))])
        .flex(Flex::Center)
        .areas(row);
    popup
}

/// A question in a box: some lines, then its keys.
pub fn dialog(
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
    title: &str,
    text: &[&str],
    keys: &[(&str, &str)],
) {
    let mut lines: Vec<Line> = text
        .iter()
        .map(|t| Line::styled(format!(" {t}"), theme.text))
        .collect();
    lines.push(Line::default());
    for (k, what) in keys {
        lines.push(Line::from(vec![
            Span::styled(format!(" {k:>3}  "), theme.key),
            Span::styled(*what, theme.text),
        ]));
    }
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let popup = centered(area, height);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            Block::bordered()
                .border_style(theme.border)
                .title(Line::styled(title.to_owned(), theme.title)),
        ),
        popup,
    );
}

fn question(text: &str, theme: &Theme) -> Line<'static> {
    Line::styled(text.to_owned(), theme.title)
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

fn scales(state: &State, labels: MoodLabels, theme: &Theme, frame: &mut Frame, area: Rect) {
    let mood_labels: [&'static str; 5] = [1, 2, 3, 4, 5].map(|v| labels.label_of(v));
    let d = &state.draft;
    let marker = |i: usize| if state.focus == i { "▸ " } else { "  " };
    let lines = vec![
        Line::default(),
        question(&format!("{}How are you feeling?", marker(0)), theme),
        Line::default(),
        scale_line(d.mood.map(Mood::get), &mood_labels, state.focus == 0, theme),
        Line::default(),
        Line::default(),
        question(
            &format!("{}How close do you feel to your partner today?", marker(1)),
            theme,
        ),
        Line::default(),
        scale_line(
            d.closeness.map(Closeness::get),
            &Closeness::LABELS,
            state.focus == 1,
            theme,
        ),
        Line::default(),
        Line::default(),
        Line::styled(
            "Digits set the marked scale; ←/→ change it, ↑/↓ switch, 0 clears. Both can be skipped.",
            theme.muted,
        ),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}

fn list(state: &State, step: Step, theme: &Theme, frame: &mut Frame, area: Rect) {
    let partner = state.draft.perspective == Some(Perspective::PartnerPullsAway);
    let (ask, list, placeholder) = match step {
        Step::Emotions => (
            "Which feelings were there today? Pick any, or add your own.",
            &state.emotions,
            "a feeling",
        ),
        Step::Triggers => (
            "Did anything stir up distance today? Pick what fits and how strongly (1–5).",
            &state.triggers,
            "a trigger, or name your own",
        ),
        _ if partner => (
            "What did you notice today, in your partner or in yourself?",
            &state.reactions,
            "a sign",
        ),
        _ => (
            "What did you notice yourself doing today?",
            &state.reactions,
            "a sign",
        ),
    };
    let [head, body] = Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
    frame.render_widget(
        Paragraph::new(question(ask, theme)).wrap(Wrap { trim: false }),
        head,
    );
    let d = &state.draft;
    let picked = |row: &Row| match step {
        Step::Emotions => d.emotions.contains(&row.key),
        Step::Triggers => d
            .triggers
            .iter()
            .any(|t| trigger_key(&t.trigger) == row.key),
        _ => d.behaviours.iter().any(|b| b.as_str() == row.key),
    };
    let extra = |row: &Row| {
        if step != Step::Triggers {
            return None;
        }
        let log = d
            .triggers
            .iter()
            .find(|t| trigger_key(&t.trigger) == row.key)?;
        let dots = match log.intensity {
            Some(i) => {
                let n = usize::from(i.get());
                format!("{}{}", "●".repeat(n), "○".repeat(5 - n))
            }
            None => "○○○○○".to_owned(),
        };
        let note = if log.note.is_empty() { "" } else { " ✎" };
        Some(format!("{dots}{note}"))
    };
    // The highlighted trigger's description in full, under the list (rows may cut it short).
    let (body, about) = if step == Step::Triggers {
        let [list_area, gap, about] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(2),
        ])
        .areas(body);
        let _ = gap;
        (list_area, Some(about))
    } else {
        (body, None)
    };
    frame.render_widget(
        PickListView {
            list,
            theme,
            picked: &picked,
            extra: &extra,
            placeholder,
        },
        body,
    );
    if let Some(about) = about
        && let Some(crate::tui::widgets::pick_list::Current::Row(i)) = list.current()
        && let Some(row) = list.rows.get(i)
        && !row.detail.is_empty()
    {
        frame.render_widget(
            Paragraph::new(Line::styled(
                format!("{}: {}", row.label, row.detail),
                theme.muted,
            ))
            .wrap(Wrap { trim: false }),
            about,
        );
    }
}

fn reflect(state: &State, theme: &Theme, catalog: &Catalog, frame: &mut Frame, area: Rect) {
    let Some(response) = state.draft.responses.get(state.prompt_index) else {
        frame.render_widget(
            Paragraph::new(Line::styled(
                "There is no question for this check-in. Tab goes on.",
                theme.muted,
            )),
            area,
        );
        return;
    };
    let prompt = response
        .prompt_id
        .as_ref()
        .and_then(|id| catalog.prompt(id.as_str()));
    let mut head = vec![Line::styled(
        format!(
            "Question {} of {}",
            state.prompt_index + 1,
            state.draft.responses.len()
        ),
        theme.muted,
    )];
    head.push(question(&response.prompt, theme));
    if let Some(p) = prompt {
        head.push(Line::styled(p.idea.clone(), theme.muted));
        let sources: Vec<&str> = p.sources.iter().map(|s| s.title()).collect();
        head.push(Line::styled(
            format!("From: {}", sources.join("; ")),
            theme.muted,
        ));
    }
    let head = Paragraph::new(head).wrap(Wrap { trim: false });
    let head_height = u16::try_from(head.line_count(area.width))
        .unwrap_or(u16::MAX)
        .min(area.height / 2);
    let [top, _, body] = Layout::vertical([
        Constraint::Length(head_height),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    frame.render_widget(head, top);
    if let Some(answer) = state.answers.get(state.prompt_index) {
        let block = Block::bordered().border_style(theme.border);
        let inner = block.inner(body);
        frame.render_widget(block, body);
        frame.render_widget(answer, inner);
    }
}

fn strategies(state: &State, theme: &Theme, catalog: &Catalog, frame: &mut Frame, area: Rect) {
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
        if planned {
            title.push(Span::styled("  · I'll try this", theme.good));
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
        row += 1;
    }
    let para = Paragraph::new(lines).wrap(Wrap { trim: false });
    let offset =
        u16::try_from(cursor_line.saturating_sub(usize::from(area.height) / 2)).unwrap_or(0);
    frame.render_widget(para.scroll((offset, 0)), area);
}

fn notes(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let [q, body, _, tq, tags] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(3),
    ])
    .areas(area);
    let mark = |i: usize| if state.focus == i { "▸ " } else { "  " };
    frame.render_widget(question(&format!("{}Notes", mark(0)), theme), q);
    let focused = |i: usize| {
        if state.focus == i {
            Block::bordered().border_style(theme.key)
        } else {
            Block::bordered().border_style(theme.border)
        }
    };
    let block = focused(0);
    let inner = block.inner(body);
    frame.render_widget(block, body);
    frame.render_widget(&state.notes, inner);
    frame.render_widget(
        Line::from(vec![
            Span::styled(format!("{}Tags", mark(1)), theme.title),
            Span::styled("  separated by commas", theme.muted),
        ]),
        tq,
    );
    let block = focused(1);
    let inner = block.inner(tags);
    frame.render_widget(block, tags);
    frame.render_widget(&state.tags, inner);
}

/// The whole check-in as lines, for the summary step.
pub fn summary_lines(
    d: &CheckInDraft,
    catalog: &Catalog,
    theme: &Theme,
    labels: MoodLabels,
) -> Vec<Line<'static>> {
    let mut lines = entry_view::lines(&d.finish(d.started_at), catalog, theme, labels);
    lines.push(Line::default());
    lines.push(Line::styled(
        "Enter or Ctrl-S saves this check-in. Shift-Tab goes back to change something.",
        theme.muted,
    ));
    lines
}
