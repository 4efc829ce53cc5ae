//! Word wrapping with a hanging indent, for list items and quoted text; and cutting text to
//! fit, with "…" where it was cut.

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

/// Wraps `text` to `width` columns: the first line starts with `first`, the rest with `rest`
/// (so a list item's later lines line up under its text). Words longer than a line are split.
pub fn indented(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = if lines.is_empty() {
            first.to_owned()
        } else {
            rest.to_owned()
        };
        let mut empty = true;
        for word in paragraph.split_whitespace() {
            let used = line.chars().count();
            let len = word.chars().count();
            if !empty && used + 1 + len > width {
                lines.push(std::mem::replace(&mut line, rest.to_owned()));
                empty = true;
            }
            if !empty {
                line.push(' ');
            }
            let room = width.saturating_sub(line.chars().count()).max(1);
            if len > room && empty {
                // A word wider than the line: split it.
                let chars: Vec<char> = word.chars().collect();
                let mut chunks = chars.chunks(width.saturating_sub(rest.chars().count()).max(1));
                if let Some(chunk) = chunks.next() {
                    line.extend(chunk);
                }
                for chunk in chunks {
                    lines.push(std::mem::replace(&mut line, rest.to_owned()));
                    line.extend(chunk);
                }
            } else {
                line.push_str(word);
            }
            empty = false;
        }
        lines.push(line);
    }
    lines
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
    fn long_words_and_newlines() {
        let lines = indented("abcdefghij\nxy", 6, "- ", "  ");
        assert_eq!(lines, ["- abcd", "  efgh", "  ij", "  xy"]);
        assert_eq!(indented("", 10, "> ", "  "), ["> "]);
    }
}
