//! The guide: the strategy library (`s` on home) and Learn (`l`): article digests and triggers,
//! linked to each other. A stack of pages; Esc goes back one page, then out.

mod keys;
mod library;
pub mod pages;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use ratatui_textarea::{Input, Key as TextKey};

use crate::tui::keys::Action;
use crate::tui::screen::{Cmd, Ctx, LastLayout, Msg, Typing, ViewCx};
use crate::tui::session::Session;
use crate::tui::theme::Theme;
use crate::tui::widgets::caret::Spot;
use crate::tui::widgets::page;

use pages::{Data, Laid, Link};

pub use crate::tui::screen::Page;
pub use keys::{MODES, keys};
pub use library::{Grouping, Library, LibraryRow, library_rows};

/// A page open on the stack, with where the reader is on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Open {
    /// The page.
    pub page: Page,
    /// Lines scrolled past.
    pub scroll: u16,
    /// The selected link.
    pub link: Option<usize>,
    /// A section to show at the top when the page is first drawn (a link to a part of it).
    pub anchor: Option<usize>,
    /// What the Learn index is narrowed to (empty: everything).
    pub search: String,
    /// Whether typing goes into `search`.
    pub typing: bool,
}

impl Open {
    fn new(page: Page) -> Open {
        // A menu starts with its first entry selected.
        let link = (page == Page::Learn).then_some(0);
        Open {
            page,
            scroll: 0,
            link,
            anchor: None,
            search: String::new(),
            typing: false,
        }
    }
}

/// The guide's state.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// Open pages, the current one last. Never empty while the guide is open.
    pub stack: Vec<Open>,
    /// The library list.
    pub library: Library,
}

impl State {
    /// The guide opened at `page`.
    pub fn new(page: Page) -> State {
        State {
            stack: vec![Open::new(page)],
            library: Library::default(),
        }
    }

    /// The current page.
    pub fn current(&self) -> Option<&Open> {
        self.stack.last()
    }

    /// Whether typed keys go into a search: the library's, or the Learn index's.
    pub fn takes_text(&self) -> bool {
        self.current().is_some_and(|o| match o.page {
            Page::Library => self.library.searching,
            Page::Learn => o.typing,
            _ => false,
        })
    }

    /// Opens `page` on top (a link was followed).
    pub fn push(&mut self, page: Page) {
        self.stack.push(Open::new(page));
    }
}

/// `laid` with `lines` above it (its links and anchors moved down with it).
fn above(mut lines: Vec<ratatui::text::Line<'static>>, mut laid: Laid) -> Laid {
    if lines.is_empty() {
        return laid;
    }
    lines.push(ratatui::text::Line::default());
    let n = lines.len();
    laid.lines.splice(0..0, lines);
    for (_, line) in &mut laid.links {
        *line += n;
    }
    for line in &mut laid.anchors {
        *line += n;
    }
    laid
}

/// Lays out a page for `width`.
pub fn lay_out(open: &Open, session: &Session, theme: &Theme, width: usize) -> Laid {
    let histories = session.histories();
    let catalog = &session.catalog;
    let data = Data {
        catalog,
        prefs: &session.prefs,
        histories: &histories,
        theme,
        width,
        perspective: session.perspective(),
        selected: open.link,
        safety: catalog.safety_logged_recently(session.recent_entries(), session.today),
    };
    match &open.page {
        Page::Strategy(id) => catalog
            .strategy(id)
            .map(|s| pages::strategy(&data, s))
            .unwrap_or_default(),
        Page::Trigger(id) => catalog
            .trigger(id)
            .map(|t| pages::trigger(&data, t))
            .unwrap_or_default(),
        Page::Digest(id) => catalog
            .digest(id)
            .map(|d| pages::digest(&data, d))
            .unwrap_or_default(),
        Page::Learn => pages::learn_index(&data, &open.search, open.typing),
        Page::EntryLinks(e) => pages::entry_links(&data, e),
        Page::Toolkit => pages::toolkit(&data),
        Page::Card(id) => above(
            crate::tui::widgets::countdown::lines(session),
            pages::card(&data, id),
        ),
        Page::Bids => pages::bids(&data),
        Page::Library => Laid::default(),
    }
}

/// Whether it opens only once the journal is read.
pub const NEEDS_JOURNAL: bool = false;

/// Whether unbound keys are typed: into a field while it asks for text.
pub fn typing(state: &State) -> Typing {
    Typing::field_if(state.takes_text())
}

/// Applies a message.
pub fn update(state: &mut State, msg: Msg, cx: &Ctx) -> Cmd {
    let Some(open) = state.stack.last() else {
        return Cmd::Pop;
    };
    if open.page == Page::Library {
        return library::update(state, msg, cx);
    }
    if open.page == Page::Learn
        && let Some(cmd) = search_learn(state, &msg)
    {
        return cmd;
    }
    let Msg::Key(action) = msg else {
        return Cmd::None;
    };
    let layout = cx.layout;
    let height = usize::from(layout.height.max(1));
    let Some(top) = state.stack.last_mut() else {
        return Cmd::Pop;
    };
    if let Some(section) = top.anchor.take() {
        let line = layout.anchors.get(section).copied().unwrap_or(0);
        top.scroll = u16::try_from(line).unwrap_or(0).min(layout.max_scroll());
    }
    // The Learn index is a menu: up and down move between its links.
    let menu = top.page == Page::Learn;
    match action {
        Action::Up if menu => select_link(top, &layout.marks, -1, height),
        Action::Down if menu => select_link(top, &layout.marks, 1, height),
        Action::Top | Action::Bottom if menu => {
            top.link = None;
            let delta = if action == Action::Top { 1 } else { -1 };
            select_link(top, &layout.marks, delta, height);
        }
        Action::PageUp | Action::PageDown if menu => {
            let page = isize::try_from(layout.page()).unwrap_or(10);
            let delta = if action == Action::PageUp {
                -page
            } else {
                page
            };
            select_link(top, &layout.marks, delta, height);
        }
        _ if action.scrolls() && !menu => {
            top.scroll = layout.scrolled(top.scroll, action);
        }
        Action::Next => select_link(top, &layout.marks, 1, height),
        Action::Prev => select_link(top, &layout.marks, -1, height),
        Action::Confirm => {
            let theme = Theme::no_colour();
            let laid = lay_out(top, cx.session, &theme, usize::from(layout.width));
            let Some((link, _)) = top.link.and_then(|i| laid.links.get(i)).cloned() else {
                return Cmd::info("Tab selects a link; Enter follows it.");
            };
            return follow(state, link, cx.session);
        }
        Action::Back => {
            state.stack.pop();
            if state.stack.is_empty() {
                return Cmd::Pop;
            }
        }
        Action::Favourite | Action::PlanNext => {
            if let Page::Strategy(id) = &top.page {
                return toggle_pref(cx.session, id, action);
            }
        }
        _ => {}
    }
    Cmd::None
}

/// The Learn index's search: `/` starts it, typing narrows the index, Enter keeps it, Esc
/// clears it. `None` when the message is not the search's.
fn search_learn(state: &mut State, msg: &Msg) -> Option<Cmd> {
    let top = state.stack.last_mut()?;
    let before = top.search.clone();
    match msg {
        Msg::Input(input) if top.typing => match input {
            Input {
                key: TextKey::Char(c),
                ctrl: false,
                alt: false,
                ..
            } => top.search.push(*c),
            Input {
                key: TextKey::Backspace,
                ..
            } => {
                top.search.pop();
            }
            _ => {}
        },
        Msg::Paste(text) if top.typing => {
            top.search.push_str(text.lines().next().unwrap_or_default());
        }
        Msg::Key(Action::StartSearch) => top.typing = true,
        Msg::Key(Action::Confirm) if top.typing => top.typing = false,
        Msg::Key(Action::Back) if top.typing || !top.search.is_empty() => {
            top.typing = false;
            top.search.clear();
        }
        _ => return None,
    }
    if top.search != before {
        top.link = Some(0);
        top.scroll = 0;
    }
    Some(Cmd::None)
}

/// Moves the selected link by `delta`, scrolling so it is in view; `marks` are the links'
/// lines as last drawn.
fn select_link(top: &mut Open, marks: &[usize], delta: isize, height: usize) {
    if marks.is_empty() {
        return;
    }
    let last = marks.len() - 1;
    let next = match top.link {
        None if delta >= 0 => 0,
        None => last,
        Some(i) => i.saturating_add_signed(delta).min(last),
    };
    top.link = Some(next);
    let line = marks[next];
    let scroll = usize::from(top.scroll);
    if line < scroll {
        top.scroll = u16::try_from(line.saturating_sub(1)).unwrap_or(0);
    } else if line >= scroll + height {
        top.scroll = u16::try_from(line + 2 - height.min(line + 2)).unwrap_or(u16::MAX);
    }
}

/// Follows a link: opens its page on top, at the right place (a section is found when the
/// page is first drawn), or, for a time-out, its form.
fn follow(state: &mut State, link: Link, session: &Session) -> Cmd {
    match link {
        Link::TimeOut => return crate::tui::screen::Open::time_out(session),
        Link::Strategy(id) => state.push(Page::Strategy(id)),
        Link::Trigger(id) => state.push(Page::Trigger(id)),
        Link::Toolkit => state.push(Page::Toolkit),
        Link::Card(id) => state.push(Page::Card(id)),
        Link::Bids => state.push(Page::Bids),
        Link::Digest(id, section) => {
            let mut open = Open::new(Page::Digest(id));
            open.anchor = Some(section);
            state.stack.push(open);
        }
    }
    Cmd::None
}

pub(super) fn toggle_pref(session: &Session, id: &str, action: Action) -> Cmd {
    if let Some(why) = &session.read_only {
        return Cmd::error(format!(
            "This cannot be kept while the journal is read-only: {why}"
        ));
    }
    let mut prefs = session.prefs.clone();
    let (list, on, off) = if action == Action::Favourite {
        (
            &mut prefs.favourites,
            "Added to your favourites.",
            "Removed from your favourites.",
        )
    } else {
        (
            &mut prefs.planned_next,
            "Your next check-in offers it first.",
            "No longer planned for your next check-in.",
        )
    };
    let text = match list.iter().position(|x| x == id) {
        Some(pos) => {
            list.remove(pos);
            off
        }
        None => {
            list.push(id.to_owned());
            on
        }
    };
    Cmd::Prefs(Box::new(prefs)).and(Cmd::info(text))
}

/// Draws the guide.
pub fn view(state: &State, cx: &ViewCx, frame: &mut Frame, area: Rect, layout: &mut LastLayout) {
    let Some(open) = state.current() else {
        return;
    };
    let title = match &open.page {
        Page::Library => "strategies".to_owned(),
        Page::Strategy(_) => "strategies · one strategy".to_owned(),
        Page::Learn => "learn".to_owned(),
        Page::Digest(_) => "learn · article".to_owned(),
        Page::Trigger(_) => "learn · trigger".to_owned(),
        Page::EntryLinks(_) => "review · linked".to_owned(),
        Page::Toolkit => "learn · things to say and try".to_owned(),
        Page::Card(_) => "right now".to_owned(),
        Page::Bids => "learn · bids for connection".to_owned(),
    };
    let body = page::column(page::draw(cx, frame, area, &title));
    let theme = &cx.session.theme;
    if open.page == Page::Library {
        library::view(state, cx, frame, body, layout);
        return;
    }
    let laid = lay_out(open, cx.session, theme, usize::from(body.width));
    layout.record(body, laid.lines.len());
    layout.marks = laid.links.iter().map(|(_, line)| *line).collect();
    layout.anchors = laid.anchors;
    let scroll = match open.anchor {
        Some(section) => layout.anchors.get(section).copied().unwrap_or(0),
        None => usize::from(open.scroll),
    }
    .min(usize::from(layout.max_scroll()));
    // The cursor at the search's caret, or on the selected link; a page without either
    // leaves it hidden.
    let link = open
        .link
        .and_then(|n| laid.links.get(n))
        .map(|(_, l)| Spot::row(*l));
    layout.place(laid.caret.or(link).and_then(|c| c.on(body, scroll)));
    let lines: Vec<Line> = laid
        .lines
        .into_iter()
        .skip(scroll)
        .take(usize::from(body.height))
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
}

#[cfg(test)]
mod tests;
