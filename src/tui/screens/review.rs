//! Review: the journal's past as a timeline, an entry in full, search, filters, edit, delete
//! with undo, and the trash.

mod view;

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};
use ratatui_textarea::{Input, Key as TextKey};

use crate::content::{Catalog, TriggerGroup};
use crate::journal::query::{self, Condition, DateSpan, Filter, SearchIndex};
use crate::journal::{Entry, Name, Perspective, TriggerRef};
use crate::tui::keymap::Action;
use crate::tui::widgets::pick_list::{Current, PickList, Row};

pub use view::view;

/// An entry in the trash, as the screen shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct TrashEntry {
    /// Its file in the trash.
    pub path: PathBuf,
    /// When it was deleted.
    pub deleted_at: DateTime<FixedOffset>,
    /// The entry.
    pub entry: Entry,
}

/// What the review screen is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The list of entries.
    Timeline,
    /// Typing a search.
    Search,
    /// Typing a date to go to.
    Jump,
    /// Choosing what to filter by.
    Filters,
    /// Choosing a value to filter by.
    FilterPick(FilterKind),
    /// One entry in full.
    Detail,
    /// "Delete this entry?"
    ConfirmDelete,
    /// The trash.
    Trash,
    /// "Empty the trash?" (1), then "Really?" (2).
    ConfirmEmpty(u8),
}

impl Mode {
    /// Whether typed keys go into a text field.
    pub fn takes_text(self) -> bool {
        matches!(self, Mode::Search | Mode::Jump | Mode::FilterPick(_))
    }
}

/// What can be filtered by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterKind {
    /// A trigger.
    Trigger,
    /// A perspective.
    Perspective,
    /// A mood range.
    Mood,
    /// A closeness range.
    Closeness,
    /// A tag.
    Tag,
    /// A date range.
    Dates,
}

impl FilterKind {
    /// All kinds, in the order offered.
    pub const ALL: [FilterKind; 6] = [
        FilterKind::Trigger,
        FilterKind::Mood,
        FilterKind::Closeness,
        FilterKind::Dates,
        FilterKind::Tag,
        FilterKind::Perspective,
    ];

    /// Its name.
    pub fn label(self) -> &'static str {
        match self {
            FilterKind::Trigger => "Trigger",
            FilterKind::Perspective => "Perspective",
            FilterKind::Mood => "Mood",
            FilterKind::Closeness => "Closeness",
            FilterKind::Tag => "Tag",
            FilterKind::Dates => "Dates",
        }
    }

    /// What choosing it offers.
    pub fn hint(self) -> &'static str {
        match self {
            FilterKind::Trigger => "entries where a trigger was logged",
            FilterKind::Perspective => "entries written from one side",
            FilterKind::Mood => "a mood, or a range of moods",
            FilterKind::Closeness => "a closeness, or a range",
            FilterKind::Tag => "entries with a tag",
            FilterKind::Dates => "a day, a month, the last 30 days, from–to",
        }
    }
}

/// What review needs to know of the rest of the app.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    /// The journal, oldest first.
    pub entries: &'a Arc<Vec<Entry>>,
    /// All content (trigger names).
    pub catalog: &'a Catalog,
    /// The local date.
    pub today: NaiveDate,
    /// How many rows a page is.
    pub page: usize,
}

/// What an update asks of the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Nothing more.
    Stay,
    /// Back to the previous screen.
    Back,
    /// Edit this entry in the check-in.
    Edit(Box<Entry>),
    /// Move this entry to the trash.
    Delete(Box<Entry>),
    /// Bring back the entry deleted last.
    Undo(PathBuf),
    /// Read the trash.
    LoadTrash,
    /// Put this trashed entry back.
    Restore(PathBuf),
    /// Remove these trash files for good.
    EmptyTrash(Vec<PathBuf>),
    /// Tell the person something.
    Notice(String),
    /// Open this entry's triggers and strategies in the guide.
    OpenLinks(Box<Entry>),
}

/// The review screen's state.
#[derive(Debug, Clone)]
pub struct State {
    /// What it is doing.
    pub mode: Mode,
    /// The search and conditions.
    pub filter: Filter,
    /// The entries the index was built from.
    entries: Arc<Vec<Entry>>,
    /// Search text of those entries.
    index: Arc<SearchIndex>,
    /// Matching entries, newest first (indices into `entries`).
    pub results: Vec<usize>,
    /// The selected result.
    pub cursor: usize,
    /// The date being typed for "go to".
    pub jump: String,
    /// The highlighted filter kind.
    pub kind_cursor: usize,
    /// Values of the filter kind being chosen.
    pub pick: PickList,
    /// How far the detail view is scrolled.
    pub scroll: u16,
    /// The trash, when shown.
    pub trash: Vec<TrashEntry>,
    /// The selected trash entry.
    pub trash_cursor: usize,
    /// The trash file of the entry deleted last (for `u`).
    pub last_deleted: Option<PathBuf>,
}

impl State {
    /// The review of `entries`.
    pub fn new(ctx: Ctx<'_>) -> State {
        let mut state = State {
            mode: Mode::Timeline,
            filter: Filter::default(),
            entries: Arc::clone(ctx.entries),
            index: Arc::new(SearchIndex::new(ctx.entries)),
            results: Vec::new(),
            cursor: 0,
            jump: String::new(),
            kind_cursor: 0,
            pick: PickList::default(),
            scroll: 0,
            trash: Vec::new(),
            trash_cursor: 0,
            last_deleted: None,
        };
        state.refresh(ctx.today, None);
        state
    }

    /// The entries shown.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The selected entry.
    pub fn selected(&self) -> Option<&Entry> {
        self.results
            .get(self.cursor)
            .and_then(|&i| self.entries.get(i))
    }

    /// Takes in a journal that was read again (after a save, a delete, a new day).
    pub fn reload(&mut self, ctx: Ctx<'_>) {
        if Arc::ptr_eq(&self.entries, ctx.entries) {
            return;
        }
        let selected = self.selected().map(|e| e.id.clone());
        self.entries = Arc::clone(ctx.entries);
        self.index = Arc::new(SearchIndex::new(ctx.entries));
        self.refresh(ctx.today, None);
        if let Some(id) = selected
            && let Some(pos) = self
                .results
                .iter()
                .position(|&i| self.entries.get(i).is_some_and(|e| e.id == id))
        {
            self.cursor = pos;
        }
        if self.mode == Mode::Detail && self.selected().is_none() {
            self.mode = Mode::Timeline;
        }
    }

    /// Runs the filter again; `within` narrows an earlier result (a longer search).
    fn refresh(&mut self, today: NaiveDate, within: Option<Vec<usize>>) {
        self.results = query::apply(
            &self.entries,
            &self.index,
            &self.filter,
            today,
            within.as_deref(),
        );
        self.cursor = self.cursor.min(self.results.len().saturating_sub(1));
    }

    fn set_search(&mut self, text: String, today: NaiveDate) {
        // A search that only grows can only narrow: look within what matched before.
        let narrows = text.starts_with(&self.filter.text) && !self.filter.text.trim().is_empty();
        let within = narrows.then(|| std::mem::take(&mut self.results));
        self.filter.text = text;
        self.cursor = 0;
        self.refresh(today, within);
    }

    fn move_cursor(&mut self, action: Action, page: usize) {
        let last = self.results.len().saturating_sub(1);
        let page = page.max(1);
        self.cursor = match action {
            Action::Up => self.cursor.saturating_sub(1),
            Action::Down => (self.cursor + 1).min(last),
            Action::PageUp => self.cursor.saturating_sub(page),
            Action::PageDown => (self.cursor + page).min(last),
            Action::Top => 0,
            Action::Bottom => last,
            _ => self.cursor,
        };
    }

    /// Goes to the newest entry on or before `date` (the timeline runs newest first).
    fn jump_to(&mut self, date: NaiveDate) -> bool {
        let pos = self
            .results
            .iter()
            .position(|&i| self.entries.get(i).is_some_and(|e| e.date <= date));
        match pos {
            Some(p) => {
                self.cursor = p;
                true
            }
            None if !self.results.is_empty() => {
                self.cursor = self.results.len() - 1;
                true
            }
            None => false,
        }
    }

    fn open_pick(&mut self, kind: FilterKind, catalog: &Catalog) {
        let rows = match kind {
            FilterKind::Trigger => {
                let mut rows = Vec::new();
                for group in TriggerGroup::ALL {
                    for t in catalog.triggers_in(*group, None) {
                        rows.push(Row {
                            key: t.id.clone(),
                            label: t.name.clone(),
                            detail: String::new(),
                            group: Some(group.label().to_owned()),
                        });
                    }
                }
                let mut custom: Vec<String> = self
                    .entries
                    .iter()
                    .flat_map(|e| e.triggers.iter())
                    .filter_map(|t| match &t.trigger {
                        TriggerRef::Custom(n) => Some(n.to_string()),
                        TriggerRef::Id(_) => None,
                    })
                    .collect();
                custom.sort();
                custom.dedup();
                rows.extend(custom.into_iter().map(|n| Row {
                    key: format!("custom:{n}"),
                    label: n,
                    detail: String::new(),
                    group: Some("Your own".to_owned()),
                }));
                rows
            }
            FilterKind::Perspective => Perspective::ALL
                .iter()
                .map(|p| Row::plain(p.id(), p.label()))
                .collect(),
            FilterKind::Mood | FilterKind::Closeness => {
                let labels = if kind == FilterKind::Mood {
                    crate::journal::Mood::LABELS
                } else {
                    crate::journal::Closeness::LABELS
                };
                let mut rows: Vec<Row> = (1..=5)
                    .map(|n| Row::plain(format!("{n}-{n}"), format!("{n} · {}", labels[n - 1])))
                    .collect();
                rows.extend([
                    Row::plain("1-2", format!("1–2 · {} or {}", labels[0], labels[1])),
                    Row::plain("4-5", format!("4–5 · {} or {}", labels[3], labels[4])),
                    Row::plain("1-3", "1–3"),
                    Row::plain("3-5", "3–5"),
                ]);
                rows
            }
            FilterKind::Tag => {
                let mut tags: Vec<String> = self
                    .entries
                    .iter()
                    .flat_map(|e| e.tags.iter().cloned())
                    .collect();
                tags.sort_by_key(|t| query::fold(t));
                tags.dedup_by_key(|t| query::fold(t));
                tags.into_iter().map(|t| Row::plain(t.clone(), t)).collect()
            }
            FilterKind::Dates => vec![
                Row::plain("7", "Last 7 days"),
                Row::plain("30", "Last 30 days"),
                Row::plain("90", "Last 90 days"),
                Row::plain("365", "Last 365 days"),
            ],
        };
        self.pick = PickList::new(rows, kind == FilterKind::Dates);
        self.mode = Mode::FilterPick(kind);
    }

    /// Turns the chosen value into a condition.
    fn choose(&mut self, kind: FilterKind, today: NaiveDate) -> Outcome {
        let key = match self.pick.current() {
            Some(Current::Row(i)) => self.pick.rows[i].key.clone(),
            Some(Current::Add(text)) => text,
            None => return Outcome::Stay,
        };
        let condition = match kind {
            FilterKind::Trigger => {
                let name = key.strip_prefix("custom:").unwrap_or(&key);
                let Ok(name) = Name::try_from(name) else {
                    return Outcome::Stay;
                };
                Some(Condition::Trigger(if key.starts_with("custom:") {
                    TriggerRef::Custom(name)
                } else {
                    TriggerRef::Id(name)
                }))
            }
            FilterKind::Perspective => Perspective::from_id(&key).map(Condition::Perspective),
            FilterKind::Mood | FilterKind::Closeness => {
                let (lo, hi) = key.split_once('-').unwrap_or((&key, &key));
                match (lo.parse::<u8>(), hi.parse::<u8>()) {
                    (Ok(lo), Ok(hi)) if kind == FilterKind::Mood => Some(Condition::Mood(lo, hi)),
                    (Ok(lo), Ok(hi)) => Some(Condition::Closeness(lo, hi)),
                    _ => None,
                }
            }
            FilterKind::Tag => Some(Condition::Tag(key)),
            FilterKind::Dates => match DateSpan::parse(&key) {
                Some(span) => Some(Condition::Dates(span)),
                None => {
                    return Outcome::Notice(format!(
                        "“{key}” is not a date closer understands. Try 2026-11-20 (a day), \
                         2026-11 (a month), 30 (the last 30 days) or 2026-01-01..2026-02-15."
                    ));
                }
            },
        };
        if let Some(c) = condition {
            self.filter.add(c);
            self.cursor = 0;
            self.refresh(today, None);
        }
        self.mode = Mode::Timeline;
        Outcome::Stay
    }
}

pub use super::Msg;

/// Applies a message.
pub fn update(state: &mut State, msg: Msg, ctx: Ctx<'_>) -> Outcome {
    match msg {
        Msg::Action(action) => on_action(state, action, ctx),
        Msg::Input(input) => {
            on_text(state, input, ctx.today);
            Outcome::Stay
        }
        Msg::Paste(text) => {
            let line = text.lines().next().unwrap_or_default().to_owned();
            match state.mode {
                Mode::Search => {
                    let text = format!("{}{line}", state.filter.text);
                    state.set_search(text, ctx.today);
                }
                Mode::Jump => state.jump.push_str(&line),
                Mode::FilterPick(_) => state.pick.type_str(&line),
                _ => {}
            }
            Outcome::Stay
        }
    }
}

fn on_text(state: &mut State, input: Input, today: NaiveDate) {
    let typed = match input {
        Input {
            key: TextKey::Char(c),
            ctrl: false,
            alt: false,
            ..
        } => Some(c),
        Input {
            key: TextKey::Backspace,
            ..
        } => None,
        _ => return,
    };
    match state.mode {
        Mode::Search => {
            let mut text = state.filter.text.clone();
            match typed {
                Some(c) => text.push(c),
                None => {
                    text.pop();
                }
            }
            state.set_search(text, today);
        }
        Mode::Jump => match typed {
            Some(c) => state.jump.push(c),
            None => {
                state.jump.pop();
            }
        },
        Mode::FilterPick(_) => match typed {
            Some(c) => state.pick.type_str(&c.to_string()),
            None => state.pick.backspace(),
        },
        _ => {}
    }
}

fn on_action(state: &mut State, action: Action, ctx: Ctx<'_>) -> Outcome {
    match state.mode {
        Mode::Timeline => timeline_action(state, action, ctx),
        Mode::Search => {
            match action {
                Action::Back => state.set_search(String::new(), ctx.today),
                Action::Confirm => {}
                Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                    state.move_cursor(action, ctx.page);
                    return Outcome::Stay;
                }
                _ => return Outcome::Stay,
            }
            state.mode = Mode::Timeline;
            Outcome::Stay
        }
        Mode::Jump => {
            if action == Action::Confirm {
                let text = std::mem::take(&mut state.jump);
                let date = match DateSpan::parse(&text) {
                    Some(DateSpan::Day(d)) => Some(d),
                    Some(DateSpan::Month(d)) => d
                        .checked_add_months(chrono::Months::new(1))
                        .and_then(|n| n.pred_opt()),
                    _ => None,
                };
                state.mode = Mode::Timeline;
                return match date {
                    Some(d) if state.jump_to(d) => Outcome::Stay,
                    Some(_) => Outcome::Notice("No entries to go to.".into()),
                    None => Outcome::Notice(format!(
                        "“{text}” is not a date: type it like 2026-11-20, or 2026-11 for a month."
                    )),
                };
            }
            if action == Action::Back {
                state.jump.clear();
                state.mode = Mode::Timeline;
            }
            Outcome::Stay
        }
        Mode::Filters => {
            match action {
                Action::Up => state.kind_cursor = state.kind_cursor.saturating_sub(1),
                Action::Down => {
                    state.kind_cursor = (state.kind_cursor + 1).min(FilterKind::ALL.len() - 1)
                }
                Action::Confirm | Action::Toggle => {
                    if let Some(kind) = FilterKind::ALL.get(state.kind_cursor) {
                        state.open_pick(*kind, ctx.catalog);
                    }
                }
                Action::Back => state.mode = Mode::Timeline,
                _ => {}
            }
            Outcome::Stay
        }
        Mode::FilterPick(kind) => match action {
            Action::Confirm | Action::Toggle => state.choose(kind, ctx.today),
            Action::Back => {
                state.mode = Mode::Filters;
                Outcome::Stay
            }
            Action::Up => {
                state.pick.move_by(-1);
                Outcome::Stay
            }
            Action::Down => {
                state.pick.move_by(1);
                Outcome::Stay
            }
            _ => Outcome::Stay,
        },
        Mode::Detail => match action {
            Action::Up => {
                state.scroll = state.scroll.saturating_sub(1);
                Outcome::Stay
            }
            Action::Down => {
                state.scroll = state.scroll.saturating_add(1);
                Outcome::Stay
            }
            Action::PageUp => {
                state.scroll = state
                    .scroll
                    .saturating_sub(u16::try_from(ctx.page).unwrap_or(10));
                Outcome::Stay
            }
            Action::PageDown => {
                state.scroll = state
                    .scroll
                    .saturating_add(u16::try_from(ctx.page).unwrap_or(10));
                Outcome::Stay
            }
            Action::Top => {
                state.scroll = 0;
                Outcome::Stay
            }
            Action::Left | Action::Right => {
                // ← newer, → older.
                let before = state.cursor;
                state.move_cursor(
                    if action == Action::Left {
                        Action::Up
                    } else {
                        Action::Down
                    },
                    1,
                );
                if state.cursor != before {
                    state.scroll = 0;
                }
                Outcome::Stay
            }
            Action::Back => {
                state.mode = Mode::Timeline;
                Outcome::Stay
            }
            Action::OpenLinks => match state.selected() {
                Some(e) => Outcome::OpenLinks(Box::new(e.clone())),
                None => Outcome::Stay,
            },
            _ => entry_action(state, action),
        },
        Mode::ConfirmDelete => match action {
            Action::Yes => {
                state.mode = Mode::Timeline;
                match state.selected() {
                    Some(e) => Outcome::Delete(Box::new(e.clone())),
                    None => Outcome::Stay,
                }
            }
            Action::No | Action::Back => {
                state.mode = Mode::Timeline;
                Outcome::Stay
            }
            _ => Outcome::Stay,
        },
        Mode::Trash => {
            let last = state.trash.len().saturating_sub(1);
            match action {
                Action::Up => state.trash_cursor = state.trash_cursor.saturating_sub(1),
                Action::Down => state.trash_cursor = (state.trash_cursor + 1).min(last),
                Action::Top => state.trash_cursor = 0,
                Action::Bottom => state.trash_cursor = last,
                Action::Restore => {
                    if let Some(t) = state.trash.get(state.trash_cursor) {
                        return Outcome::Restore(t.path.clone());
                    }
                }
                Action::EmptyTrash if !state.trash.is_empty() => state.mode = Mode::ConfirmEmpty(1),
                Action::Back => state.mode = Mode::Timeline,
                _ => {}
            }
            Outcome::Stay
        }
        Mode::ConfirmEmpty(stage) => match action {
            Action::Yes if stage == 1 => {
                state.mode = Mode::ConfirmEmpty(2);
                Outcome::Stay
            }
            Action::Yes => {
                state.mode = Mode::Trash;
                Outcome::EmptyTrash(state.trash.iter().map(|t| t.path.clone()).collect())
            }
            Action::No | Action::Back => {
                state.mode = Mode::Trash;
                Outcome::Stay
            }
            _ => Outcome::Stay,
        },
    }
}

fn entry_action(state: &mut State, action: Action) -> Outcome {
    match action {
        Action::Edit => match state.selected() {
            Some(e) => Outcome::Edit(Box::new(e.clone())),
            None => Outcome::Stay,
        },
        Action::Delete if state.selected().is_some() => {
            state.mode = Mode::ConfirmDelete;
            Outcome::Stay
        }
        _ => Outcome::Stay,
    }
}

fn timeline_action(state: &mut State, action: Action, ctx: Ctx<'_>) -> Outcome {
    match action {
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom => state.move_cursor(action, ctx.page),
        Action::Confirm => {
            if state.selected().is_some() {
                state.scroll = 0;
                state.mode = Mode::Detail;
            }
        }
        Action::StartSearch => state.mode = Mode::Search,
        Action::OpenFilter => {
            state.kind_cursor = 0;
            state.mode = Mode::Filters;
        }
        Action::GoTo => {
            state.jump.clear();
            state.mode = Mode::Jump;
        }
        Action::Clear => {
            if state.filter.conditions.pop().is_none() && !state.filter.text.is_empty() {
                state.filter.text.clear();
            }
            state.refresh(ctx.today, None);
        }
        Action::ClearAll => {
            state.filter = Filter::default();
            state.refresh(ctx.today, None);
        }
        Action::Undo => {
            return match state.last_deleted.take() {
                Some(path) => Outcome::Undo(path),
                None => Outcome::Notice("There is nothing to undo.".into()),
            };
        }
        Action::OpenTrash => {
            state.trash_cursor = 0;
            state.mode = Mode::Trash;
            return Outcome::LoadTrash;
        }
        Action::Back => return Outcome::Back,
        _ => return entry_action(state, action),
    }
    Outcome::Stay
}

#[cfg(test)]
mod tests;
