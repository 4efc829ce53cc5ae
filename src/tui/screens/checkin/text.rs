//! Text areas of the check-in: building them, pasting into them, reading them back.

use ratatui_textarea::{CursorMove, DataCursor, TextArea, WrapMode};

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
pub fn parse_tags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for t in text.split([',', '\n']) {
        let t = t.trim().trim_start_matches('#').trim();
        if !t.is_empty() && !tags.iter().any(|x| x == t) {
            tags.push(t.to_owned());
        }
    }
    tags
}
