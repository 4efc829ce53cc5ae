//! The strategy library: every strategy, grouped by category, by trigger or A to Z, for one
//! perspective or all, favourites first if asked, searchable.

use std::collections::BTreeSet;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui_textarea::{Input, Key as TextKey};

use crate::content::{Catalog, Category, ItemKind, TriggerGroup, fits};
use crate::journal::{Perspective, Preferences};
use crate::tui::keys::{self, Action};
use crate::tui::screen::{Cmd, Ctx, LastLayout, Msg, ViewCx};
use crate::tui::theme::Theme;
use crate::tui::widgets::caret::{GLYPH, Spot};
use crate::tui::widgets::page;

use super::{Page, State, toggle_pref};

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

pub(super) fn update(state: &mut State, msg: Msg, cx: &Ctx) -> Cmd {
    let session = cx.session;
    let perspective = session.perspective();
    let lib = &mut state.library;
    let rows = library_rows(lib, &session.catalog, &session.prefs, perspective);
    let page = cx.layout.page();
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
        Msg::Key(action) => match keys::moved(lib.cursor, rows.len(), action, page) {
            Some(at) => lib.cursor = at,
            None => match action {
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
                        return toggle_pref(session, &row.id, action);
                    }
                }
                Action::Back => {
                    state.stack.pop();
                    if state.stack.is_empty() {
                        return Cmd::Pop;
                    }
                }
                _ => {}
            },
        },
        _ => {}
    }
    state.library.cursor = state.library.cursor.min(
        library_rows(
            &state.library,
            &session.catalog,
            &session.prefs,
            perspective,
        )
        .len()
        .saturating_sub(1),
    );
    Cmd::None
}

pub(super) fn view(
    state: &State,
    cx: &ViewCx,
    frame: &mut Frame,
    area: Rect,
    layout: &mut LastLayout,
) {
    let session = cx.session;
    let theme = &session.theme;
    let perspective = session.perspective();
    let histories = session.histories();
    let lib = &state.library;
    let [top, list] = Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
    layout.record(list, 0);
    let rows = library_rows(lib, &session.catalog, &session.prefs, perspective);
    let whose = if lib.yours_only {
        perspective.map_or("all", |p| p.label())
    } else {
        "all perspectives"
    };
    let mut head = vec![
        Span::styled(
            format!(
                "{} ",
                crate::journal::vocabulary::count(
                    rows_unique(&rows) as u64,
                    "strategy",
                    "strategies"
                )
            ),
            theme.muted,
        ),
        Span::styled(format!("· {} ", lib.grouping.label()), theme.muted),
        Span::styled(format!("· {whose}"), theme.muted),
    ];
    if lib.favourites_first {
        head.push(Span::styled(" · ★ first", theme.muted));
    }
    let search = search_line(lib, theme);
    // Searching, the cursor is at the search's caret (on the second line); else on the row.
    if lib.searching {
        layout.place(Spot::before_span(1, &search, 2).on(top, 0));
    }
    frame.render_widget(Paragraph::new(vec![Line::from(head), search]), top);
    if rows.is_empty() {
        page::muted_line(
            frame,
            list,
            "No strategy matches. Esc clears the search; a shows every perspective.",
            theme,
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
        let Some(s) = session.catalog.strategy(&row.id) else {
            continue;
        };
        let selected = i == lib.cursor;
        if selected {
            cursor_line = lines.len();
        }
        let star = if session.prefs.favourites.contains(&s.id) {
            "★"
        } else {
            " "
        };
        let tried = if histories.get(&s.id).is_some_and(|h| h.tried > 0) {
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
    if !lib.searching {
        layout.place(Spot::row(cursor_line).on(list, offset));
    }
}

/// The line under the library's head: the search (the caret glyph its third span while it
/// is typed), or what the marks mean.
fn search_line(lib: &Library, theme: &Theme) -> Line<'static> {
    if lib.searching || !lib.search.is_empty() {
        Line::from(vec![
            Span::styled("Search: ", theme.key),
            Span::styled(lib.search.clone(), theme.text),
            Span::styled(if lib.searching { GLYPH } else { "" }, theme.key),
        ])
    } else {
        Line::styled("★ favourite · ✓ tried, in your journal", theme.muted)
    }
}

fn rows_unique(rows: &[LibraryRow]) -> usize {
    rows.iter().map(|r| &r.id).collect::<BTreeSet<_>>().len()
}
