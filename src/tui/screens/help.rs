//! The `?` overlay: every key of the screen underneath, from the same table that drives it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::tui::keys::{self, Binding, bind, table};
use crate::tui::screen::{self, Cmd, Ctx, LastLayout, Msg, Typing, ViewCx};
use crate::tui::widgets::wrap;

/// The overlay: the keys of the screen beneath, and how far they are scrolled.
#[derive(Debug, Clone)]
pub struct State {
    /// The keys in force on the screen beneath.
    pub keys: Vec<Binding>,
    /// Lines scrolled past.
    pub scroll: u16,
}

impl State {
    /// Help for a screen whose keys are `keys`.
    pub fn new(keys: Vec<Binding>) -> State {
        State { keys, scroll: 0 }
    }
}

/// Help's own keys (the app closes it on `ToggleHelp`).
pub const KEYS: &[Binding] = table![
    bind!([Esc, '?', F(1), 'q'] => ToggleHelp, "close", "close this help"),
    ..keys::up_down("scroll up", "scroll down"),
];

screen::one_table!("help" => KEYS, Typing::No);

/// What help lists for `keys`: every binding, as (keys, what they do).
pub fn entries(keys: &[Binding]) -> Vec<(String, &'static str)> {
    keys.iter().map(|b| (b.keys_label(), b.help)).collect()
}

/// Whether it opens only once the journal is read.
pub const NEEDS_JOURNAL: bool = false;

/// Scrolls within what the last frame laid out.
pub fn update(state: &mut State, msg: Msg, cx: &Ctx) -> Cmd {
    if let Msg::Key(action) = msg {
        state.scroll = cx.layout.scrolled(state.scroll, action);
    }
    Cmd::None
}

/// Draws the overlay over `area`.
pub fn view(state: &State, cx: &ViewCx, frame: &mut Frame, area: Rect, layout: &mut LastLayout) {
    let theme = &cx.session.theme;
    let bindings = entries(&state.keys);
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
    // How to close and scroll it, from its own keys.
    let how: Vec<String> = KEYS
        .iter()
        .filter_map(|b| Some(format!("{} {}", b.keys.first()?.label(), b.help)))
        .collect();
    lines.push(Line::styled(format!(" {}", how.join(" · ")), theme.muted));
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height.saturating_sub(2));
    let [row] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::horizontal([Constraint::Length(popup_width)])
        .flex(Flex::Center)
        .areas(row);
    let inner = Rect {
        height: popup.height.saturating_sub(2),
        ..popup
    };
    layout.record(inner, lines.len());
    let scroll = state.scroll.min(layout.max_scroll());
    // Keys below the box (the quick hide is among the last) are said, not silently cut.
    let mut block = Block::bordered()
        .border_style(theme.border)
        .title(Line::styled(" Keys ", theme.title));
    if scroll < layout.max_scroll() {
        block = block.title_bottom(Line::styled(" ↓ more below ", theme.key).right_aligned());
    }
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).scroll((scroll, 0)).block(block),
        popup,
    );
}
