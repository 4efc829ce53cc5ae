//! The guide: the strategy library (`s` on home) and Learn (`l`): article digests and triggers,
//! linked to each other. A stack of pages; Esc goes back one page, then out.

pub mod pages;

use std::collections::{BTreeMap, BTreeSet};

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui_textarea::{Input, Key as TextKey};

use crate::content::{Catalog, Category, ItemKind, TriggerGroup, fits};
use crate::journal::history::StrategyHistory;
use crate::journal::{Entry, Perspective, Preferences};
use crate::tui::app::App;
use crate::tui::keymap::Action;
use crate::tui::theme::Theme;
use crate::tui::widgets::page;

use pages::{Data, Laid, Link};

/// A page of the guide.
#[derive(Debug, Clone, PartialEq)]
pub enum Page {
    /// The strategy library.
    Library,
    /// One strategy.
    Strategy(String),
    /// The Learn index.
    Learn,
    /// One digest.
    Digest(String),
    /// One trigger.
    Trigger(String),
    /// The triggers and strategies of an entry.
    EntryLinks(Box<Entry>),
}

/// A page open on the stack, with where the reader is on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Open {
    /// The page.
    pub page: Page,
    /// Lines scrolled past.
    pub scroll: u16,
    /// The selected link.
    pub link: Option<usize>,
}

impl Open {
    fn new(page: Page) -> Open {
        // A menu starts with its first entry selected.
        let link = (page == Page::Learn).then_some(0);
        Open {
            page,
            scroll: 0,
            link,
        }
    }
}

/// How the library groups strategies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    /// Under their category.
    Category,
    /// Under each trigger they fit.
    Trigger,
    /// One list, A to Z.
    None,
}

impl Grouping {
    fn next(self) -> Grouping {
        match self {
            Grouping::Category => Grouping::Trigger,
            Grouping::Trigger => Grouping::None,
            Grouping::None => Grouping::Category,
        }
    }

    /// Its name.
    pub fn label(self) -> &'static str {
        match self {
            Grouping::Category => "by category",
            Grouping::Trigger => "by trigger",
            Grouping::None => "A to Z",
        }
    }
}

/// One row of the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryRow {
    /// The heading it sits under.
    pub group: Option<String>,
    /// The strategy.
    pub id: String,
}

/// The library list's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Library {
    /// How rows are grouped.
    pub grouping: Grouping,
    /// Only strategies for the person's perspective.
    pub yours_only: bool,
    /// Favourites at the top.
    pub favourites_first: bool,
    /// The search typed.
    pub search: String,
    /// Whether typing goes into the search.
    pub searching: bool,
    /// The selected row.
    pub cursor: usize,
}

impl Default for Library {
    fn default() -> Library {
        Library {
            grouping: Grouping::Category,
            yours_only: true,
            favourites_first: false,
            search: String::new(),
            searching: false,
            cursor: 0,
        }
    }
}

/// The library's rows: filtered by perspective and search, grouped, favourites first when
/// asked. Pure, for tests.
pub fn library_rows(
    lib: &Library,
    catalog: &Catalog,
    prefs: &Preferences,
    perspective: Option<Perspective>,
) -> Vec<LibraryRow> {
    let found: Option<BTreeSet<String>> = (!lib.search.trim().is_empty()).then(|| {
        catalog
            .search(&lib.search)
            .into_iter()
            .filter(|h| h.kind == ItemKind::Strategy)
            .map(|h| h.id)
            .collect()
    });
    let keep = |s: &&crate::content::Strategy| {
        (!lib.yours_only || fits(&s.perspectives, perspective))
            && found.as_ref().is_none_or(|f| f.contains(&s.id))
    };
    let favourite = |id: &str| prefs.favourites.iter().any(|f| f == id);
    let mut rows: Vec<LibraryRow> = Vec::new();
    let mut push_group = |group: Option<String>, mut list: Vec<&crate::content::Strategy>| {
        if lib.favourites_first {
            list.sort_by_key(|s| !favourite(&s.id));
        }
        rows.extend(list.into_iter().map(|s| LibraryRow {
            group: group.clone(),
            id: s.id.clone(),
        }));
    };
    match lib.grouping {
        Grouping::Category => {
            for c in Category::ALL {
                let list: Vec<_> = catalog.strategies_in(*c).into_iter().filter(keep).collect();
                if !list.is_empty() {
                    push_group(Some(c.label().to_owned()), list);
                }
            }
        }
        Grouping::Trigger => {
            for g in TriggerGroup::ALL {
                for t in catalog.triggers_in(*g, None) {
                    let list: Vec<_> = catalog
                        .strategies_for_trigger(&t.id, None)
                        .into_iter()
                        .filter(keep)
                        .collect();
                    if !list.is_empty() {
                        push_group(Some(t.name.clone()), list);
                    }
                }
            }
        }
        Grouping::None => {
            let mut list: Vec<_> = catalog.strategies.iter().filter(keep).collect();
            list.sort_by_key(|s| s.title.to_lowercase());
            push_group(None, list);
        }
    }
    rows
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

    /// Whether typed keys go into the library's search.
    pub fn takes_text(&self) -> bool {
        self.library.searching && self.current().is_some_and(|o| o.page == Page::Library)
    }

    /// Opens `page` on top (a link was followed).
    pub fn push(&mut self, page: Page) {
        self.stack.push(Open::new(page));
    }
}

/// What the guide needs to know of the rest of the app.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    /// The content.
    pub catalog: &'a Catalog,
    /// Favourites and plans.
    pub prefs: &'a Preferences,
    /// The person's perspective.
    pub perspective: Option<Perspective>,
    /// Per-strategy history.
    pub histories: &'a BTreeMap<String, StrategyHistory>,
    /// Width and height of the reading area.
    pub size: (u16, u16),
}

/// Lays out a page for `width`.
pub fn lay_out(open: &Open, ctx: Ctx<'_>, theme: &Theme, width: usize) -> Laid {
    let data = Data {
        catalog: ctx.catalog,
        prefs: ctx.prefs,
        histories: ctx.histories,
        theme,
        width,
        selected: open.link,
    };
    match &open.page {
        Page::Strategy(id) => ctx
            .catalog
            .strategy(id)
            .map(|s| pages::strategy(&data, s))
            .unwrap_or_default(),
        Page::Trigger(id) => ctx
            .catalog
            .trigger(id)
            .map(|t| pages::trigger(&data, t))
            .unwrap_or_default(),
        Page::Digest(id) => ctx
            .catalog
            .digest(id)
            .map(|d| pages::digest(&data, d))
            .unwrap_or_default(),
        Page::Learn => pages::learn_index(&data),
        Page::EntryLinks(e) => pages::entry_links(&data, e),
        Page::Library => Laid::default(),
    }
}

/// The reading area for a terminal of `size`: the page column minus title, status and hints.
pub fn reading_area(size: (u16, u16)) -> Rect {
    page::column(Rect::new(0, 1, size.0, size.1.saturating_sub(3)))
}

/// What an update asks of the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Nothing more.
    Stay,
    /// The guide's last page was closed.
    Close,
    /// The preferences changed (a favourite, a plan); save them, and say what changed.
    SavePreferences(Preferences, String),
    /// Tell the person something.
    Notice(String),
}

pub use super::Msg;

/// Applies a message.
pub fn update(state: &mut State, msg: Msg, ctx: Ctx<'_>) -> Outcome {
    let Some(open) = state.stack.last().cloned() else {
        return Outcome::Close;
    };
    if open.page == Page::Library {
        return library_update(state, msg, ctx);
    }
    let Msg::Action(action) = msg else {
        return Outcome::Stay;
    };
    let area = reading_area(ctx.size);
    let laid = lay_out(&open, ctx, &Theme::no_color(), usize::from(area.width));
    let height = usize::from(area.height.max(1));
    let max = laid.lines.len().saturating_sub(height);
    let page = height.saturating_sub(2).max(1);
    let Some(top) = state.stack.last_mut() else {
        return Outcome::Close;
    };
    let scroll = usize::from(top.scroll);
    // The Learn index is a menu: up and down move between its links.
    let menu = top.page == Page::Learn;
    let mut new_scroll = scroll;
    match action {
        Action::Up if menu => select_link(top, &laid, -1, height),
        Action::Down if menu => select_link(top, &laid, 1, height),
        Action::Up => new_scroll = scroll.saturating_sub(1),
        Action::Down => new_scroll = scroll + 1,
        Action::PageUp => new_scroll = scroll.saturating_sub(page),
        Action::PageDown => new_scroll = scroll + page,
        Action::Top => new_scroll = 0,
        Action::Bottom => new_scroll = max,
        Action::Next => select_link(top, &laid, 1, height),
        Action::Prev => select_link(top, &laid, -1, height),
        Action::Confirm => {
            let Some((link, _)) = top.link.and_then(|i| laid.links.get(i)).cloned() else {
                return Outcome::Notice("Tab selects a link; Enter follows it.".into());
            };
            follow(state, link, ctx);
            return Outcome::Stay;
        }
        Action::Back => {
            state.stack.pop();
            return if state.stack.is_empty() {
                Outcome::Close
            } else {
                Outcome::Stay
            };
        }
        Action::Favourite | Action::PlanNext => {
            let Page::Strategy(id) = &top.page else {
                return Outcome::Stay;
            };
            return toggle_pref(ctx.prefs, id, action);
        }
        _ => {}
    }
    if !menu && new_scroll != scroll {
        top.scroll = u16::try_from(new_scroll.min(max)).unwrap_or(u16::MAX);
    }
    Outcome::Stay
}

/// Moves the selected link by `delta`, scrolling so it is in view.
fn select_link(top: &mut Open, laid: &Laid, delta: isize, height: usize) {
    if laid.links.is_empty() {
        return;
    }
    let last = laid.links.len() - 1;
    let next = match top.link {
        None if delta >= 0 => 0,
        None => last,
        Some(i) => i.saturating_add_signed(delta).min(last),
    };
    top.link = Some(next);
    let line = laid.links[next].1;
    let scroll = usize::from(top.scroll);
    if line < scroll {
        top.scroll = u16::try_from(line.saturating_sub(1)).unwrap_or(0);
    } else if line >= scroll + height {
        top.scroll = u16::try_from(line + 2 - height.min(line + 2)).unwrap_or(u16::MAX);
    }
}

/// Follows a link: opens its page on top, at the right place.
fn follow(state: &mut State, link: Link, ctx: Ctx<'_>) {
    match link {
        Link::Strategy(id) => state.push(Page::Strategy(id)),
        Link::Trigger(id) => state.push(Page::Trigger(id)),
        Link::Digest(id, section) => {
            let mut open = Open::new(Page::Digest(id));
            let area = reading_area(ctx.size);
            let laid = lay_out(&open, ctx, &Theme::no_color(), usize::from(area.width));
            if let Some(&line) = laid.anchors.get(section) {
                open.scroll = u16::try_from(line).unwrap_or(0);
            }
            state.stack.push(open);
        }
    }
}

fn toggle_pref(prefs: &Preferences, id: &str, action: Action) -> Outcome {
    let mut prefs = prefs.clone();
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
    Outcome::SavePreferences(prefs, text.to_owned())
}

fn library_update(state: &mut State, msg: Msg, ctx: Ctx<'_>) -> Outcome {
    let lib = &mut state.library;
    let rows = library_rows(lib, ctx.catalog, ctx.prefs, ctx.perspective);
    let last = rows.len().saturating_sub(1);
    let page = usize::from(reading_area(ctx.size).height.saturating_sub(4)).max(1);
    match msg {
        Msg::Input(input) if lib.searching => {
            match input {
                Input {
                    key: TextKey::Char(c),
                    ctrl: false,
                    alt: false,
                    ..
                } => lib.search.push(c),
                Input {
                    key: TextKey::Backspace,
                    ..
                } => {
                    lib.search.pop();
                }
                _ => {}
            }
            lib.cursor = 0;
        }
        Msg::Paste(text) if lib.searching => {
            lib.search.push_str(text.lines().next().unwrap_or_default());
            lib.cursor = 0;
        }
        Msg::Input(_) | Msg::Paste(_) => {}
        Msg::Action(action) => match action {
            Action::Up => lib.cursor = lib.cursor.saturating_sub(1),
            Action::Down => lib.cursor = (lib.cursor + 1).min(last),
            Action::PageUp => lib.cursor = lib.cursor.saturating_sub(page),
            Action::PageDown => lib.cursor = (lib.cursor + page).min(last),
            Action::Top => lib.cursor = 0,
            Action::Bottom => lib.cursor = last,
            Action::StartSearch => lib.searching = true,
            Action::Back if lib.searching => {
                lib.searching = false;
                lib.search.clear();
                lib.cursor = 0;
            }
            Action::Confirm if lib.searching => lib.searching = false,
            Action::Confirm => {
                if let Some(row) = rows.get(lib.cursor) {
                    let id = row.id.clone();
                    state.push(Page::Strategy(id));
                }
            }
            Action::Group => {
                lib.grouping = lib.grouping.next();
                lib.cursor = 0;
            }
            Action::AllPerspectives => {
                lib.yours_only = !lib.yours_only;
                lib.cursor = 0;
            }
            Action::FavouritesFirst => {
                lib.favourites_first = !lib.favourites_first;
                lib.cursor = 0;
            }
            Action::Favourite | Action::PlanNext => {
                if let Some(row) = rows.get(lib.cursor) {
                    return toggle_pref(ctx.prefs, &row.id, action);
                }
            }
            Action::Back => {
                state.stack.pop();
                if state.stack.is_empty() {
                    return Outcome::Close;
                }
            }
            _ => {}
        },
    }
    state.library.cursor = state.library.cursor.min(
        library_rows(&state.library, ctx.catalog, ctx.prefs, ctx.perspective)
            .len()
            .saturating_sub(1),
    );
    Outcome::Stay
}

/// Draws the guide.
pub fn view(app: &App, state: &State, frame: &mut Frame, area: Rect, ctx: Ctx<'_>) {
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
    };
    let body = page::column(page::draw(app, frame, area, &title));
    let theme = &app.theme;
    if open.page == Page::Library {
        library_view(state, theme, frame, body, ctx);
        return;
    }
    let laid = lay_out(open, ctx, theme, usize::from(body.width));
    let lines: Vec<Line> = laid
        .lines
        .into_iter()
        .skip(usize::from(open.scroll))
        .take(usize::from(body.height))
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
}

fn library_view(state: &State, theme: &Theme, frame: &mut Frame, area: Rect, ctx: Ctx<'_>) {
    let lib = &state.library;
    let [top, list] = Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
    let rows = library_rows(lib, ctx.catalog, ctx.prefs, ctx.perspective);
    let whose = if lib.yours_only {
        ctx.perspective.map_or("all", |p| p.label())
    } else {
        "all perspectives"
    };
    let mut head = vec![
        Span::styled(format!("{} strategies ", rows_unique(&rows)), theme.muted),
        Span::styled(format!("· {} ", lib.grouping.label()), theme.muted),
        Span::styled(format!("· {whose}"), theme.muted),
    ];
    if lib.favourites_first {
        head.push(Span::styled(" · ★ first", theme.muted));
    }
    let search = if lib.searching || !lib.search.is_empty() {
        Line::from(vec![
            Span::styled("Search: ", theme.key),
            Span::styled(lib.search.clone(), theme.text),
            Span::styled(if lib.searching { "▏" } else { "" }, theme.key),
        ])
    } else {
        Line::styled("★ favourite · ✓ tried, in your journal", theme.muted)
    };
    frame.render_widget(Paragraph::new(vec![Line::from(head), search]), top);
    if rows.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(
                "No strategy matches. Esc clears the search; a shows every perspective.",
                theme.muted,
            )),
            list,
        );
        return;
    }
    let mut lines: Vec<Line> = Vec::new();
    let mut cursor_line = 0;
    let mut group: Option<&str> = None;
    for (i, row) in rows.iter().enumerate() {
        if row.group.as_deref() != group {
            group = row.group.as_deref();
            if let Some(g) = group {
                if !lines.is_empty() {
                    lines.push(Line::default());
                }
                lines.push(Line::styled(g.to_owned(), theme.title));
            }
        }
        let Some(s) = ctx.catalog.strategy(&row.id) else {
            continue;
        };
        let selected = i == lib.cursor;
        if selected {
            cursor_line = lines.len();
        }
        let star = if ctx.prefs.favourites.contains(&s.id) {
            "★"
        } else {
            " "
        };
        let tried = if ctx.histories.get(&s.id).is_some_and(|h| h.tried > 0) {
            "✓"
        } else {
            " "
        };
        let marker = if selected { "▸" } else { " " };
        let style = if selected { theme.selected } else { theme.text };
        let mut spans = vec![Span::styled(
            format!("{marker} {star}{tried} {}", s.title),
            style,
        )];
        if lib.grouping != Grouping::Category {
            spans.push(Span::styled(
                format!("  {}", s.category.label()),
                theme.muted,
            ));
        }
        lines.push(Line::from(spans));
    }
    let height = usize::from(list.height);
    let offset = cursor_line.saturating_sub(height.saturating_sub(2).max(1));
    let visible: Vec<Line> = lines.into_iter().skip(offset).take(height).collect();
    frame.render_widget(Paragraph::new(visible), list);
}

fn rows_unique(rows: &[LibraryRow]) -> usize {
    rows.iter().map(|r| &r.id).collect::<BTreeSet<_>>().len()
}

#[cfg(test)]
mod tests;
