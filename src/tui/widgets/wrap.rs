//! Word wrapping with a hanging indent, for list items, answers and quoted text; and cutting
//! text to fit, with "…" where it was cut.

use ratatui::style::Style;
use ratatui::text::Line;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `text` cut to `width` characters, ending in "…" when it was cut (empty for width 0).
pub fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut out: String = text.chars().take(width - 1).collect();
    out.push('…');
    out
}

/// A paragraph wrapped to `width` columns as lines of one style (no indent).
pub fn paragraph(text: &str, width: usize, style: Style) -> Vec<Line<'static>> {
    indented(text, width, "", "")
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

/// Wraps `text` to `width` terminal columns: the first line starts with `first`, the rest with
/// `rest` (so a list item's later lines line up under its text, and an answer's under its
/// first line). Widths are terminal columns (CJK and most emoji take two). Lines break at
/// spaces, and between any two wide characters, since CJK text has no spaces; a word longer
/// than a line is split. A newline in `text` starts a new line, with `rest`.
pub fn indented(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let rest_width = rest.width();
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = if lines.is_empty() { first } else { rest }.to_owned();
        let mut used = line.width();
        // Whether the line holds anything after its prefix.
        let mut empty = true;
        for (space_before, token) in tokens(paragraph) {
            let token_width = token.width();
            let gap = usize::from(space_before && !empty);
            if !empty && used + gap + token_width > width {
                lines.push(std::mem::replace(&mut line, rest.to_owned()));
                used = rest_width;
                empty = true;
            }
            if empty && used + token_width > width {
                // Wider than a whole line: split it between characters.
                for c in token.chars() {
                    let w = c.width().unwrap_or(0);
                    if !empty && used + w > width {
                        lines.push(std::mem::replace(&mut line, rest.to_owned()));
                        used = rest_width;
                    }
                    line.push(c);
                    used += w;
                    empty = false;
                }
                continue;
            }
            if space_before && !empty {
                line.push(' ');
                used += 1;
            }
            line.push_str(token);
            used += token_width;
            empty = false;
        }
        lines.push(line);
    }
    lines
}

/// The pieces a line may break between, each with whether white space came before it: runs of
/// narrow characters (words), and each wide character on its own.
fn tokens(text: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut space = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push((space, &text[s..i]));
            }
            space = true;
        } else if c.width().unwrap_or(0) > 1 {
            if let Some(s) = start.take() {
                out.push((space, &text[s..i]));
                space = false;
            }
            out.push((space, &text[i..i + c.len_utf8()]));
            space = false;
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((space, &text[s..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_lines_hang_under_the_first() {
        let lines = indented("one two three four five six", 14, "  • ", "    ");
        assert_eq!(lines, ["  • one two", "    three four", "    five six"]);
        for l in &lines {
            assert!(l.chars().count() <= 14);
        }
    }

    #[test]
    fn fit_marks_a_cut_with_an_ellipsis() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("abcd", 4), "abcd");
        assert_eq!(fit("abcd", 0), "");
        assert_eq!(fit("ünï✓x", 3), "ün…");
    }

    #[test]
    fn cjk_breaks_between_characters_and_counts_two_columns_each() {
        let lines = indented("我們今天一起吃了早餐然後散步", 10, "  ", "  ");
        assert_eq!(lines, ["  我們今天", "  一起吃了", "  早餐然後", "  散步"]);
        for l in &lines {
            assert!(l.width() <= 10, "{l}");
        }
        // Mixed: words stay whole, wide characters join without spaces.
        let lines = indented("I said 好的 and left", 9, "", "");
        assert_eq!(lines, ["I said 好", "的 and", "left"]);
    }

    #[test]
    fn no_line_starts_with_a_space_and_none_is_too_wide() {
        let text = "one  two   three four\tfive six seven eight nine ten";
        for width in 4..30 {
            for l in indented(text, width, "- ", "  ") {
                assert!(l.width() <= width.max(3), "{width}: {l:?}");
                assert!(!l[2..].starts_with(' '), "{width}: {l:?}");
            }
        }
    }

    #[test]
    fn long_words_and_newlines() {
        let lines = indented("abcdefghij\nxy", 6, "- ", "  ");
        assert_eq!(lines, ["- abcd", "  efgh", "  ij", "  xy"]);
        assert_eq!(indented("", 10, "> ", "  "), ["> "]);
    }
}
