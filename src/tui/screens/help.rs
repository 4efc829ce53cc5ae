//! The `?` overlay: every key of the screen underneath, from the same table that drives it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::tui::app::{App, Mode};
use crate::tui::keymap;
use crate::tui::widgets::wrap;

/// What help lists for a mode: every binding in force, as (keys, what they do).
pub fn entries(mode: Mode) -> Vec<(String, &'static str)> {
    keymap::bindings(mode)
        .iter()
        .map(|b| (b.keys_label(), b.help))
        .collect()
}

/// Draws the overlay over `area`.
pub fn view(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let bindings = entries(app.screen_mode());
    let keys_width = bindings
        .iter()
        .map(|(keys, _)| keys.chars().count())
        .max()
        .unwrap_or(0);
    let popup_width = area.width.saturating_sub(4).min(76);
    let text_width = usize::from(popup_width.saturating_sub(2));
    let indent = " ".repeat(keys_width + 3);
    let mut lines: Vec<Line> = Vec::new();
    for (keys, help) in &bindings {
        let wrapped = wrap::indented(help, text_width, &indent, &indent);
        for (i, text) in wrapped.into_iter().enumerate() {
            let key = if i == 0 {
                format!(" {keys:>keys_width$}")
            } else {
                " ".repeat(keys_width + 1)
            };
            let text = text.get(keys_width + 1..).unwrap_or_default().to_owned();
            lines.push(Line::from(vec![
                Span::styled(key, theme.key),
                Span::styled(text, theme.text),
            ]));
        }
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        " Esc, ? or F1 closes this help; ↑/↓ scroll.",
        theme.muted,
    ));
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height.saturating_sub(2));
    let [row] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::horizontal([Constraint::Length(popup_width)])
        .flex(Flex::Center)
        .areas(row);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).scroll((app.help_scroll, 0)).block(
            Block::bordered()
                .border_style(theme.border)
                .title(Line::styled(" Keys ", theme.title)),
        ),
        popup,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::draft::Step;
    use crate::tui::app::GuideMode;
    use crate::tui::keymap::translate;
    use crate::tui::screens::review;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    /// Every mode there is.
    fn modes() -> Vec<Mode> {
        let mut all = vec![
            Mode::FirstRun,
            Mode::Home,
            Mode::Support,
            Mode::Help,
            Mode::TriggerNote,
            Mode::LeaveDialog,
            Mode::ResumeDialog,
            Mode::DiscardDialog,
            Mode::Insights,
            Mode::Settings,
            Mode::SettingsEditor,
        ];
        all.extend(Step::ALL.map(Mode::CheckIn));
        all.extend(
            [
                review::Mode::Timeline,
                review::Mode::Search,
                review::Mode::Jump,
                review::Mode::Filters,
                review::Mode::FilterPick(review::FilterKind::Dates),
                review::Mode::Detail,
                review::Mode::ConfirmDelete,
                review::Mode::Trash,
                review::Mode::ConfirmEmpty(1),
            ]
            .map(Mode::Review),
        );
        all.extend(
            [
                GuideMode::Library,
                GuideMode::LibrarySearch,
                GuideMode::Strategy,
                GuideMode::Learn,
                GuideMode::Page,
            ]
            .map(Mode::Guide),
        );
        all
    }

    #[test]
    fn every_screen_help_lists_exactly_the_keys_it_binds() {
        for mode in modes() {
            let listed = entries(mode);
            let bound = keymap::bindings(mode);
            assert_eq!(listed.len(), bound.len(), "{mode:?}");
            for (b, (keys, help)) in bound.iter().zip(&listed) {
                assert_eq!(&b.keys_label(), keys, "{mode:?}");
                assert_eq!(&b.help, help, "{mode:?}");
                // And each listed key really does what help says.
                for k in b.keys {
                    assert_eq!(
                        translate(mode, &k.event()),
                        Some(b.action),
                        "{mode:?} {}",
                        k.label()
                    );
                }
            }
            // A key help does not list does nothing in that mode (printable keys in text
            // modes are typed, which is not a binding).
            for c in ['x', 'Q', 'Z', '~'] {
                let listed_c = listed
                    .iter()
                    .any(|(keys, _)| keys.split(" / ").any(|k| k == c.to_string()));
                let does =
                    translate(mode, &KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)).is_some();
                assert_eq!(listed_c, does, "{mode:?} {c}");
            }
        }
    }

    #[test]
    fn every_mode_has_help_and_a_way_out() {
        for mode in modes() {
            let actions: Vec<_> = keymap::bindings(mode).iter().map(|b| b.action).collect();
            let out = actions.iter().any(|a| {
                matches!(
                    a,
                    crate::tui::keymap::Action::Back
                        | crate::tui::keymap::Action::ToggleHelp
                        | crate::tui::keymap::Action::No
                        | crate::tui::keymap::Action::Quit
                )
            });
            assert!(out, "{mode:?} has no way out");
            assert!(
                actions.contains(&crate::tui::keymap::Action::Quit),
                "{mode:?}: Ctrl-C"
            );
        }
    }
}
