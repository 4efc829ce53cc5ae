//! A list to pick several rows from, filtered by typing, optionally grouped, with a row to add
//! one's own when the filter matches nothing exactly.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::content::search::fold;
use crate::tui::theme::Theme;
use crate::tui::widgets::caret::{GLYPH, Spot};

/// One row to pick.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// What is stored when it is picked (an id, or the word itself).
    pub key: String,
    /// What is shown.
    pub label: String,
    /// A short explanation shown after the label.
    pub detail: String,
    /// The group heading it is shown under.
    pub group: Option<String>,
}

impl Row {
    /// A row with no detail and no group.
    pub fn plain(key: impl Into<String>, label: impl Into<String>) -> Row {
        Row {
            key: key.into(),
            label: label.into(),
            detail: String::new(),
            group: None,
        }
    }
}

/// What the cursor is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Current {
    /// A row, by index into `rows`.
    Row(usize),
    /// The "add your own" row, with the text to add.
    Add(String),
}

/// What adding typed text means in a list, so its row says it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum AddRow {
    /// The text becomes one of the person's own rows: "+ add “…” as your own".
    #[default]
    YourOwn,
    /// The text is used as typed, not kept (a date typed into a filter): "+ {verb} “…”",
    /// the verb saying what it does ("filter by").
    Apply(&'static str),
}

impl AddRow {
    /// The row's words for `text`.
    pub fn words(self, text: &str) -> String {
        match self {
            AddRow::YourOwn => format!("+ add “{text}” as your own"),
            AddRow::Apply(verb) => format!("+ {verb} “{text}”"),
        }
    }
}

/// The list's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PickList {
    /// Every row.
    pub rows: Vec<Row>,
    /// The typed filter.
    pub filter: String,
    /// Position among the visible entries.
    pub cursor: usize,
    /// Whether typing something new offers to add it.
    pub allow_custom: bool,
    /// What adding it means, said on its row.
    pub add_row: AddRow,
    /// The last key typed into the filter rather than moved among the rows: the terminal's
    /// cursor is at the filter's caret then, on the cursor's row otherwise.
    pub typed_last: bool,
}

impl PickList {
    /// A list of `rows`.
    pub fn new(rows: Vec<Row>, allow_custom: bool) -> PickList {
        PickList {
            rows,
            filter: String::new(),
            cursor: 0,
            allow_custom,
            add_row: AddRow::YourOwn,
            typed_last: false,
        }
    }

    /// The same list, its add row saying `add_row`.
    pub fn adding(self, add_row: AddRow) -> PickList {
        PickList { add_row, ..self }
    }

    /// What is visible: with nothing typed, every row in order; with a filter, the matching
    /// rows best first (the label is the text, then starts with it, then holds it, then the
    /// description holds it), and last an "add" entry when the text is new. So Enter on what
    /// was typed picks the best match, as pickers do, rather than adding "anx" as a new feeling.
    pub fn visible(&self) -> Vec<Current> {
        let filter = fold(self.filter.trim());
        if filter.is_empty() {
            return (0..self.rows.len()).map(Current::Row).collect();
        }
        let mut ranked: Vec<(u8, usize)> = self
            .rows
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                let label = fold(&r.label);
                let rank = if label == filter {
                    0
                } else if label.starts_with(&filter) {
                    1
                } else if label.contains(&filter) {
                    2
                } else if fold(&r.detail).contains(&filter) {
                    3
                } else {
                    return None;
                };
                Some((rank, i))
            })
            .collect();
        ranked.sort_by_key(|&(rank, i)| (rank, i));
        let exact = ranked.first().is_some_and(|&(rank, _)| rank == 0);
        let mut out: Vec<Current> = ranked.into_iter().map(|(_, i)| Current::Row(i)).collect();
        if self.allow_custom && !exact {
            out.push(Current::Add(self.filter.trim().to_owned()));
        }
        out
    }

    /// What the cursor is on, if anything.
    pub fn current(&self) -> Option<Current> {
        let visible = self.visible();
        visible
            .get(self.cursor.min(visible.len().saturating_sub(1)))
            .cloned()
    }

    /// Moves the cursor by `delta` rows, staying within the list.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.visible().len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(delta).min(last);
        self.typed_last = false;
    }

    /// To the first row.
    pub fn top(&mut self) {
        self.cursor = 0;
        self.typed_last = false;
    }

    /// To the last row.
    pub fn bottom(&mut self) {
        self.cursor = self.visible().len().saturating_sub(1);
        self.typed_last = false;
    }

    /// Adds typed text to the filter (the cursor goes back to the top).
    pub fn type_str(&mut self, text: &str) {
        let line = text.lines().next().unwrap_or_default();
        self.filter.push_str(line);
        self.cursor = 0;
        self.typed_last = true;
    }

    /// Removes the last character of the filter.
    pub fn backspace(&mut self) {
        self.filter.pop();
        self.cursor = 0;
        self.typed_last = true;
    }

    /// Clears the filter.
    pub fn clear_filter(&mut self) {
        self.filter.clear();
        self.cursor = 0;
        self.typed_last = false;
    }

    /// Puts the cursor on the row with `key`, clearing the filter.
    pub fn select_key(&mut self, key: &str) {
        self.clear_filter();
        if let Some(pos) = self
            .visible()
            .iter()
            .position(|c| matches!(c, Current::Row(i) if self.rows[*i].key == key))
        {
            self.cursor = pos;
        }
    }
}

/// Draws a pick list. `picked` says whether a row is picked; `extra` adds text after a row
/// (for example a trigger's intensity).
pub struct PickListView<'a> {
    /// The list.
    pub list: &'a PickList,
    /// The styles.
    pub theme: &'a Theme,
    /// Whether a row is picked.
    pub picked: &'a dyn Fn(&Row) -> bool,
    /// Text shown after a row.
    pub extra: &'a dyn Fn(&Row) -> Option<String>,
    /// What the filter line says when empty.
    pub placeholder: &'a str,
}

impl PickListView<'_> {
    /// The line above the rows: the filter typed, or what typing does.
    fn filter_line(&self) -> Line<'static> {
        let theme = self.theme;
        if self.list.filter.is_empty() {
            Line::from(vec![
                Span::styled("Type to filter: ", theme.muted),
                Span::styled(self.placeholder.to_owned(), theme.muted),
            ])
        } else {
            Line::from(vec![
                Span::styled("Filter: ", theme.muted),
                Span::styled(self.list.filter.clone(), theme.key),
                Span::styled(GLYPH, theme.key),
            ])
        }
    }

    /// The line of `row` (`selected`: the cursor's) in a list `width` wide: its mark, its
    /// label, its extra text, and as much of its detail as there is room for.
    fn row_line(&self, row: &Row, selected: bool, width: u16) -> Line<'static> {
        let theme = self.theme;
        let row_style = if selected { theme.selected } else { theme.text };
        let mark = if (self.picked)(row) { "[x]" } else { "[ ]" };
        let marker = if selected { "▸" } else { " " };
        let mut spans = vec![Span::styled(
            format!("{marker} {mark} {}", row.label),
            row_style,
        )];
        if let Some(extra) = (self.extra)(row) {
            spans.push(Span::styled(format!("  {extra}"), theme.key));
        }
        // The detail takes the room left on the line, "…" where it is cut.
        let used: usize = spans.iter().map(Span::width).sum();
        let room = usize::from(width).saturating_sub(used + 2);
        if !row.detail.is_empty() && room > 1 {
            let style: Style = if selected {
                theme.selected
            } else {
                theme.muted
            };
            let detail = crate::tui::widgets::wrap::fit(&row.detail, room);
            spans.push(Span::styled(format!("  {detail}"), style));
        }
        Line::from(spans)
    }
}

impl PickListView<'_> {
    /// Draws the list in `area` of `frame`; returns where the terminal's cursor goes: at the
    /// filter's caret after typing, at the start of the cursor's row after moving.
    pub fn draw(self, frame: &mut ratatui::Frame, area: Rect) -> Option<Position> {
        self.render_placing(area, frame.buffer_mut())
    }

    fn render_placing(self, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let theme = self.theme;
        if area.height == 0 {
            return None;
        }
        let filter = self.filter_line();
        let typing = (self.list.typed_last && !self.list.filter.is_empty())
            .then(|| Spot::before_span(0, &filter, 2).on(area, 0))
            .flatten();
        Paragraph::new(filter).render(Rect { height: 1, ..area }, buf);
        let body = Rect {
            y: area.y + 1,
            height: area.height - 1,
            ..area
        };
        let visible = self.list.visible();
        if visible.is_empty() {
            Paragraph::new(Line::styled(
                "Nothing matches. Backspace to change the filter.",
                theme.muted,
            ))
            .render(body, buf);
            return typing;
        }
        let cursor = self.list.cursor.min(visible.len() - 1);
        // Lines: group headings are shown when the group changes (only without a filter).
        let mut lines: Vec<(Line, bool)> = Vec::new();
        let mut cursor_line = 0;
        let mut group: Option<&str> = None;
        for (i, item) in visible.iter().enumerate() {
            let selected = i == cursor;
            let row_style = if selected { theme.selected } else { theme.text };
            match item {
                Current::Add(text) => {
                    if selected {
                        cursor_line = lines.len();
                    }
                    // "(Enter)" only where Enter would add it: on this row.
                    let (marker, enter) = if selected {
                        ("▸", " (Enter)")
                    } else {
                        (" ", "")
                    };
                    lines.push((
                        Line::styled(
                            format!("{marker} {}{enter}", self.list.add_row.words(text)),
                            row_style,
                        ),
                        selected,
                    ));
                }
                Current::Row(r) => {
                    let row = &self.list.rows[*r];
                    if self.list.filter.is_empty() && row.group.as_deref() != group {
                        group = row.group.as_deref();
                        if let Some(g) = group {
                            if !lines.is_empty() {
                                lines.push((Line::default(), false));
                            }
                            lines.push((Line::styled(g.to_owned(), theme.title), false));
                        }
                    }
                    if selected {
                        cursor_line = lines.len();
                    }
                    lines.push((self.row_line(row, selected, body.width), selected));
                }
            }
        }
        let height = usize::from(body.height);
        let offset = cursor_line.saturating_sub(height.saturating_sub(2).max(1));
        for (n, (line, _)) in lines.into_iter().skip(offset).take(height).enumerate() {
            let y = body.y + u16::try_from(n).unwrap_or(u16::MAX);
            Paragraph::new(line).render(
                Rect {
                    y,
                    height: 1,
                    ..body
                },
                buf,
            );
        }
        typing.or_else(|| Spot::row(cursor_line).on(body, offset))
    }
}

impl Widget for PickListView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.render_placing(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list() -> PickList {
        PickList::new(
            vec![
                Row::plain("lonely", "lonely"),
                Row::plain("hopeful", "hopeful"),
                Row::plain("hurt", "hurt"),
            ],
            true,
        )
    }

    #[test]
    fn filtering_narrows_and_offers_to_add_new_words() {
        let mut l = list();
        assert_eq!(l.visible().len(), 3);
        l.type_str("h");
        assert_eq!(
            l.visible(),
            vec![Current::Row(1), Current::Row(2), Current::Add("h".into())],
            "the best matches first; adding one's own last"
        );
        assert_eq!(l.current(), Some(Current::Row(1)), "Enter picks a match");
        l.type_str("urt");
        assert_eq!(
            l.visible(),
            vec![Current::Row(2)],
            "an exact match offers no add"
        );
        l.backspace();
        l.backspace();
        l.backspace();
        l.backspace();
        l.type_str("Wistful\nsecond line ignored");
        assert_eq!(l.current(), Some(Current::Add("Wistful".into())));
    }

    /// Issue 20, item 1: typing part of a word and Enter picks the best match; the row that
    /// adds the text as one's own is last, and only when nothing matches exactly.
    #[test]
    fn the_best_match_comes_first_and_starts_beat_contains() {
        let mut l = PickList::new(
            vec![
                Row::plain("calm", "calm"),
                Row::plain("anxious", "anxious"),
                Row::plain("lonely", "lonely"),
            ],
            true,
        );
        l.type_str("anx");
        assert_eq!(l.current(), Some(Current::Row(1)));
        assert_eq!(l.visible().last(), Some(&Current::Add("anx".into())));
        l.clear_filter();
        l.type_str("l");
        assert_eq!(
            l.visible(),
            vec![Current::Row(2), Current::Row(0), Current::Add("l".into())],
            "lonely starts with it; calm only holds it"
        );
    }

    #[test]
    fn the_cursor_stays_inside() {
        let mut l = list();
        l.move_by(-3);
        assert_eq!(l.cursor, 0);
        l.move_by(10);
        assert_eq!(l.current(), Some(Current::Row(2)));
        l.top();
        assert_eq!(l.current(), Some(Current::Row(0)));
        l.bottom();
        assert_eq!(l.cursor, 2);
        l.select_key("hopeful");
        assert_eq!(l.current(), Some(Current::Row(1)));
    }

    #[test]
    fn without_custom_no_add_row() {
        let mut l = list();
        l.allow_custom = false;
        l.type_str("zzz");
        assert!(l.visible().is_empty());
        assert_eq!(l.current(), None);
    }

    /// Issue 37, item 18: the add row says what adding means where it is: one's own words
    /// are added as one's own; a typed date is applied, not kept.
    #[test]
    fn the_add_row_says_what_adding_does_there() {
        let theme = Theme::calm();
        let render = |list: &PickList| {
            let area = Rect::new(0, 0, 60, 6);
            let mut buf = Buffer::empty(area);
            PickListView {
                list,
                theme: &theme,
                picked: &|_| false,
                extra: &|_| None,
                placeholder: "",
            }
            .render(area, &mut buf);
            (0..area.height)
                .map(|y| {
                    (0..area.width)
                        .map(|x| buf[(x, y)].symbol())
                        .collect::<String>()
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        let mut own = list();
        own.type_str("wistful");
        let text = render(&own);
        assert!(text.contains("+ add “wistful” as your own"), "{text}");
        let mut dates = PickList::new(vec![Row::plain("7", "Last 7 days")], true)
            .adding(AddRow::Apply("filter by"));
        dates.type_str("2026-11-20..2026-11-25");
        let text = render(&dates);
        assert!(
            text.contains("+ filter by “2026-11-20..2026-11-25” (Enter)"),
            "{text}"
        );
        assert!(!text.contains("as your own"), "{text}");
    }
}
