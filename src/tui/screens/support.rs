//! Support: what closer is not, and where to find people who can help.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::content::validate::SAFETY_PAGE;
use crate::tui::keys::{self, Action, Binding, bind};
use crate::tui::screen::{Cmd, Ctx, LastLayout, Msg, Open, Page, Typing, ViewCx};
use crate::tui::text;
use crate::tui::theme::Theme;
use crate::tui::widgets::{page, wrap};

/// How far the text is scrolled.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    /// Lines scrolled past.
    pub scroll: u16,
    /// The last line is in sight (as of the last key or pause): nothing more to scroll to.
    pub at_end: bool,
}

/// The text, styled, for a column `width` wide (list items wrap under their text).
pub fn paragraph(theme: &Theme, width: u16) -> Paragraph<'static> {
    let mut lines = Vec::new();
    for (heading, body) in text::SUPPORT {
        lines.push(Line::styled(*heading, theme.title));
        for line in *body {
            match line.strip_prefix("- ") {
                Some(item) => {
                    for l in wrap::indented(item, usize::from(width), "  • ", "    ") {
                        lines.push(Line::styled(l, theme.text));
                    }
                }
                None => lines.push(Line::styled(*line, theme.text)),
            }
        }
        lines.push(Line::default());
    }
    Paragraph::new(wrap::lines(lines, usize::from(width)))
}

/// Support's keys, with `down_hint` the footer's word for ↓.
const fn support_keys(down_hint: Option<&'static str>) -> [Binding; 9] {
    let mut table = keys::join(&[&keys::SCROLL, &[SAFETY, HERE, keys::BACK]]);
    table[1].hint = down_hint; // ↓
    table
}

/// Support's keys: scrolling, and back.
pub const KEYS: &[Binding] = &support_keys(Some("scroll"));

/// Support's keys at the end of the text: nothing more below, so the footer offers no scroll.
pub const END_KEYS: &[Binding] = &support_keys(None);

/// The keys in force: the footer offers ↓ only while there is more below.
pub fn keys(state: &State) -> &'static [Binding] {
    if state.at_end { END_KEYS } else { KEYS }
}

const SAFETY: Binding =
    bind!(['s'] => LearnMore, "safety", "read \"When distance is about safety\"");
// `!` opens this screen from everywhere else; here it is where it leads, so it is not
// offered in the footer (it does nothing more).
const HERE: Binding = bind!(['!'] => OpenSupport, _, "where to find support: this screen");
/// Every key table of the screen, by mode (for tests over all tables).
pub const MODES: &[(&str, &[Binding])] = &[("support", KEYS), ("support: at the end", END_KEYS)];

/// Whether it opens only once the journal is read.
pub const NEEDS_JOURNAL: bool = false;

/// Unbound keys do nothing.
pub fn typing(_: &State) -> Typing {
    Typing::No
}

/// Applies a message: scrolls within the text the last frame laid out, or goes back.
pub fn update(state: &mut State, msg: Msg, cx: &Ctx) -> Cmd {
    match msg {
        Msg::Key(Action::Back) => Cmd::Pop,
        Msg::Key(Action::LearnMore) => Cmd::Open(Open::Guide(Page::Digest(SAFETY_PAGE.to_owned()))),
        Msg::Key(action) => {
            state.scroll = cx.layout.scrolled(state.scroll, action);
            state.at_end = at_end(state, cx.layout);
            Cmd::None
        }
        // A pause (or the first frame, or a new size) may have shown the end.
        Msg::Pause => {
            state.at_end = at_end(state, cx.layout);
            Cmd::None
        }
        _ => Cmd::None,
    }
}

/// Whether the text's last line is in sight, as last laid out.
fn at_end(state: &State, layout: &LastLayout) -> bool {
    layout.drawn_at.is_some() && state.scroll >= layout.max_scroll()
}

/// Draws the screen.
pub fn view(state: &State, cx: &ViewCx, frame: &mut Frame, area: Rect, layout: &mut LastLayout) {
    let body = page::column(page::draw(cx, frame, area, text::SUPPORT_TITLE));
    let text = paragraph(&cx.session.theme, body.width);
    layout.record(body, text.line_count(body.width));
    let scroll = state.scroll.min(layout.max_scroll());
    frame.render_widget(text.scroll((scroll, 0)), body);
}
