//! Text areas of the check-in: building them, pasting into them, reading them back.

use ratatui_textarea::{CursorMove, DataCursor, Input, Key, TextArea, WrapMode};

use crate::tui::keys::Action;

/// A text area holding `text`, wrapping words, the cursor at the end.
pub fn text_area(text: &str, placeholder: &str) -> TextArea<'static> {
    text_area_of(text.split('\n').map(str::to_owned).collect(), placeholder)
}

/// A text area of `lines`.
pub fn text_area_of(lines: Vec<String>, placeholder: &str) -> TextArea<'static> {
    let mut area = TextArea::new(lines);
    area.set_wrap_mode(WrapMode::WordOrGlyph);
    area.set_placeholder_text(placeholder.to_owned());
    area.set_cursor_line_style(ratatui::style::Style::new());
    area.move_cursor(CursorMove::Bottom);
    area.move_cursor(CursorMove::End);
    area
}

/// Puts `text` in at the cursor, leaving the cursor after it. Text of several lines rebuilds
/// the area once: the text area measures all of its text again after each line it puts in,
/// which made a long paste take minutes.
pub fn paste_into(area: &mut TextArea<'static>, text: &str) {
    if !text.contains('\n') {
        area.insert_str(text);
        return;
    }
    let DataCursor(row, col) = area.cursor();
    let placeholder = area.placeholder_text().to_owned();
    let mut lines = std::mem::take(area).into_lines();
    let line = lines.get(row).map(String::as_str).unwrap_or_default();
    let at = line.char_indices().nth(col).map_or(line.len(), |(i, _)| i);
    let tail = line[at..].to_owned();
    let mut pieces = text.split('\n');
    let mut current = line[..at].to_owned();
    current.push_str(pieces.next().unwrap_or_default());
    let mut new_lines = vec![current];
    new_lines.extend(pieces.map(str::to_owned));
    let end_row = row + new_lines.len() - 1;
    let end_col = new_lines.last().map_or(0, |l| l.chars().count());
    if let Some(last) = new_lines.last_mut() {
        last.push_str(&tail);
    }
    let row = row.min(lines.len().saturating_sub(1));
    lines.splice(row..(row + 1).min(lines.len()), new_lines);
    let total = lines.len();
    let mut rebuilt = text_area_of(lines, &placeholder);
    match (u16::try_from(end_row), u16::try_from(end_col)) {
        (Ok(r), Ok(c)) => rebuilt.move_cursor(CursorMove::Jump(r, c)),
        // Past what a jump can reach: walk up from the bottom.
        _ => {
            rebuilt.move_cursor(CursorMove::Bottom);
            for _ in end_row..total - 1 {
                rebuilt.move_cursor(CursorMove::Up);
            }
            rebuilt.move_cursor(CursorMove::Head);
            for _ in 0..end_col {
                rebuilt.move_cursor(CursorMove::Forward);
            }
        }
    }
    *area = rebuilt;
}

/// The text of a text area, its lines joined with `\n`.
pub fn area_text(area: &TextArea<'_>) -> String {
    area.lines().join("\n")
}

/// Line breaks as `\n`, whatever the pasting terminal sent.
pub fn normalise_newlines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Tags from comma-separated text: trimmed, without a leading `#`, no empties, no repeats.
pub fn parse_tags(text: &str) -> crate::journal::entry::ThinVec<String> {
    let mut tags = crate::journal::entry::ThinVec::new();
    for t in text.split([',', '\n']) {
        let t = t.trim().trim_start_matches('#').trim();
        if !t.is_empty() && !tags.iter().any(|x| x == t) {
            tags.push(t.to_owned());
        }
    }
    tags
}

/// Whether a key makes a new line: Enter, and the two control keys terminals send for it
/// (Ctrl-M is a carriage return, Ctrl-J a line feed: a paste or a typing tool that sends LF,
/// and the newline key of many shells).
pub fn is_newline(input: &Input) -> bool {
    matches!(
        input,
        Input {
            key: Key::Enter,
            ..
        } | Input {
            key: Key::Char('\n' | '\r'),
            ..
        } | Input {
            key: Key::Char('j' | 'm'),
            ctrl: true,
            alt: false,
            ..
        }
    )
}

/// Applies a typed key to a text box with closer's own key map, not the text area's default
/// one (whose Ctrl-J deleted to the start of the line, so a paste with LF line ends kept only
/// its last line). Letters go in; every way a newline arrives makes a new line (unless
/// `multi_line` is false, where it does nothing); Backspace/Ctrl-H and Delete/Ctrl-D delete a
/// character, Alt-Backspace and Alt-D a word; the cursor moves with the arrows, Home/End,
/// Ctrl-A/Ctrl-F/Ctrl-B/Ctrl-P/Ctrl-N, Alt-F/Alt-B (words), PgUp/PgDn. Everything else does
/// nothing. Deleting more than a word (Ctrl-K) and undo/redo are bound keys (listed in help).
/// Returns whether the text changed.
pub fn edit(area: &mut TextArea<'static>, input: Input, multi_line: bool) -> bool {
    if is_newline(&input) {
        if !multi_line {
            return false;
        }
        area.insert_newline();
        return true;
    }
    let Input { key, ctrl, alt, .. } = input;
    match (key, ctrl, alt) {
        (Key::Char(c), false, false) => {
            area.insert_char(c);
            true
        }
        (Key::Backspace, false, false) | (Key::Char('h'), true, false) => area.delete_char(),
        (Key::Delete, false, false) | (Key::Char('d'), true, false) => area.delete_next_char(),
        (Key::Backspace, false, true) | (Key::Char('h'), false, true) => area.delete_word(),
        (Key::Delete, false, true) | (Key::Char('d'), false, true) => area.delete_next_word(),
        (key, ctrl, alt) => {
            let to = match (key, ctrl, alt) {
                (Key::Left, false, false) | (Key::Char('b'), true, false) => CursorMove::Back,
                (Key::Right, false, false) | (Key::Char('f'), true, false) => CursorMove::Forward,
                (Key::Up, false, false) | (Key::Char('p'), true, false) => CursorMove::Up,
                (Key::Down, false, false) | (Key::Char('n'), true, false) => CursorMove::Down,
                (Key::Left, true, false) | (Key::Char('b'), false, true) => CursorMove::WordBack,
                (Key::Right, true, false) | (Key::Char('f'), false, true) => {
                    CursorMove::WordForward
                }
                (Key::Home, _, _) | (Key::Char('a'), true, false) => CursorMove::Head,
                (Key::End, _, _) => CursorMove::End,
                (Key::PageUp, _, _) => {
                    area.scroll(ratatui_textarea::Scrolling::PageUp);
                    return false;
                }
                (Key::PageDown, _, _) => {
                    area.scroll(ratatui_textarea::Scrolling::PageDown);
                    return false;
                }
                _ => return false,
            };
            area.move_cursor(to);
            false
        }
    }
}

/// Applies a bound key of a text box that changes more than a character (undo, redo, delete
/// a word or to the line's end). `None` when the key is not one of them; else whether the
/// text changed.
pub fn edit_action(area: &mut TextArea<'static>, action: Action) -> Option<bool> {
    Some(match action {
        Action::Undo => area.undo(),
        Action::Redo => area.redo(),
        Action::DeleteWord => area.delete_word(),
        Action::DeleteToLineEnd => area.delete_line_by_end(),
        _ => return None,
    })
}
