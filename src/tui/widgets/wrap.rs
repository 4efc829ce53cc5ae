//! Word wrapping with a hanging indent, for list items, answers and quoted text; and cutting
//! text to fit, with "…" where it was cut.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::caret::Spot;

/// `text` cut to `width` terminal columns, ending in "…" when it was cut (empty for width 0).
/// Columns, not characters: a CJK character or an emoji takes two.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
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

/// Styled lines wrapped to `width` columns by [`indented`], keeping each span's style: a line
/// that is too wide continues under its own text, past its leading spaces and a list marker
/// ("• ", "· ", "- ", "▸ ", "✓ ", "1. "), so a wrapped item keeps its indent. Lines that fit are
/// kept as they are. For screens that build `Line`s of several styles (home, the check-in's
/// questions, support, settings) instead of ratatui's own wrapping, which loses the indent,
/// can start a line with a space and does not break CJK text.
pub fn lines(lines: Vec<Line<'static>>, width: usize) -> Vec<Line<'static>> {
    lines_with(lines, width, None).0
}

/// [`lines`], following `spot` (a caret, a selected row's start) in the lines given to where
/// it is in the wrapped lines: the same character, on whichever line it went to.
pub fn lines_with(
    lines: Vec<Line<'static>>,
    width: usize,
    spot: Option<Spot>,
) -> (Vec<Line<'static>>, Option<Spot>) {
    let mut out = Vec::with_capacity(lines.len());
    let mut found = None;
    for (i, line) in lines.into_iter().enumerate() {
        let here = spot.filter(|s| s.line == i);
        if line.width() <= width || width == 0 {
            if let Some(s) = here {
                found = Some(Spot {
                    line: out.len(),
                    ..s
                });
            }
            out.push(line);
            continue;
        }
        let styled: Vec<(char, Style)> = line
            .spans
            .iter()
            .flat_map(|s| s.content.chars().map(|c| (c, s.style)))
            .collect();
        let text: String = styled.iter().map(|(c, _)| *c).collect();
        let head = hanging(&text);
        let head_chars = head.chars().count();
        let rest = " ".repeat(head.width().min(width / 2));
        let rest_chars = rest.chars().count();
        let wrapped = indented(&text[head.len()..], width, head, &rest);
        // Every character of a wrapped line after its prefix is the next matching one of the
        // original (only white space is left out, or made a single space), so styles follow.
        // The character the spot is on (past the last one: at the end).
        let target = here.map(|s| char_at_column(&text, s.column));
        let last = wrapped.len().saturating_sub(1);
        let mut at = head_chars;
        for (n, w) in wrapped.into_iter().enumerate() {
            let mut chars: Vec<(char, Style)> = Vec::new();
            let prefix = if n == 0 { head_chars } else { rest_chars };
            let mut column = 0;
            for (k, c) in w.chars().enumerate() {
                let original = if k < prefix {
                    (n == 0).then_some(k)
                } else {
                    while at < styled.len()
                        && !(styled[at].0 == c || (c == ' ' && styled[at].0.is_whitespace()))
                    {
                        at += 1;
                    }
                    Some(at)
                };
                if found.is_none() && target.is_some_and(|t| original.is_some_and(|o| o >= t)) {
                    found = Some(Spot {
                        line: out.len(),
                        column,
                    });
                }
                column += c.width().unwrap_or(0);
                if k < prefix {
                    let style = if n == 0 {
                        styled[k].1
                    } else {
                        Style::default()
                    };
                    chars.push((c, style));
                    continue;
                }
                let style = styled.get(at).map_or(Style::default(), |(_, s)| *s);
                chars.push((c, style));
                at += 1;
            }
            if n == last && found.is_none() && target.is_some() {
                found = Some(Spot {
                    line: out.len(),
                    column,
                });
            }
            let mut spans: Vec<Span<'static>> = Vec::new();
            let mut run = String::new();
            let mut run_style = chars.first().map_or(Style::default(), |(_, s)| *s);
            for (c, style) in chars {
                if style != run_style && !run.is_empty() {
                    spans.push(Span::styled(std::mem::take(&mut run), run_style));
                }
                run_style = style;
                run.push(c);
            }
            if !run.is_empty() {
                spans.push(Span::styled(run, run_style));
            }
            let mut l = Line::from(spans).style(line.style);
            l.alignment = line.alignment;
            out.push(l);
        }
    }
    (out, found)
}

/// The index of the character of `text` that starts at `column` or first after it (the count
/// of its characters when the column is past them all).
fn char_at_column(text: &str, column: usize) -> usize {
    let mut used = 0;
    for (i, c) in text.chars().enumerate() {
        if used >= column {
            return i;
        }
        used += c.width().unwrap_or(0);
    }
    text.chars().count()
}

/// The start of `text` its wrapped lines hang under: leading spaces and a list marker.
fn hanging(text: &str) -> &str {
    let indent = text.len() - text.trim_start_matches(' ').len();
    let after = &text[indent..];
    let marker = ["• ", "· ", "- ", "▸ ", "✓ ", "* "]
        .iter()
        .find(|m| after.starts_with(*m))
        .map(|m| m.len())
        .or_else(|| {
            let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            (digits > 0 && digits < 3 && after[digits..].starts_with(". ")).then_some(digits + 2)
        })
        .unwrap_or(0);
    let head = indent + marker;
    // Spaces after the marker belong to it too.
    let more = text[head..].len() - text[head..].trim_start_matches(' ').len();
    &text[..head + more]
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
    fn styled_lines_wrap_keeping_styles_and_their_indent() {
        use ratatui::style::{Modifier, Style};
        let bold = Style::default().add_modifier(Modifier::BOLD);
        let line = Line::from(vec![
            Span::raw("  • "),
            Span::styled("closer", bold),
            Span::raw(" keeps every word you write"),
        ]);
        let out = lines(vec![line, Line::raw("short")], 16);
        let text: Vec<String> = out.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            [
                "  • closer keeps",
                "    every word",
                "    you write",
                "short"
            ]
        );
        assert_eq!(out[0].spans[1].content, "closer");
        assert_eq!(out[0].spans[1].style, bold);
        assert!(out[1].spans.iter().all(|s| s.style != bold));
        // CJK breaks between characters; numbered items hang too.
        let out = lines(vec![Line::raw("1. 我們今天一起吃了早餐")], 12);
        let text: Vec<String> = out.iter().map(ToString::to_string).collect();
        assert_eq!(text, ["1. 我們今天", "   一起吃了", "   早餐"]);
    }

    /// A caret followed through wrapping: the same character, on the line and column it
    /// went to; one past the end stays after the last character.
    #[test]
    fn a_spot_follows_its_character_through_wrapping() {
        let spot = |line, column| Some(Spot { line, column });
        let text = vec![Line::raw("short"), Line::raw("1. 我們今天一起吃了早餐▏ ok")];
        // "1. 我們今天" / "   一起吃了" / "   早餐▏ ok": the glyph after 餐 (column 3 + 20).
        let (out, at) = lines_with(text.clone(), 12, spot(1, 23));
        let shown: Vec<String> = out.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            ["short", "1. 我們今天", "   一起吃了", "   早餐▏ ok"]
        );
        assert_eq!(at, spot(3, 7));
        // On 天, the last of the first line; on 一, the first of the second.
        assert_eq!(lines_with(text.clone(), 12, spot(1, 9)).1, spot(1, 9));
        assert_eq!(lines_with(text.clone(), 12, spot(1, 11)).1, spot(2, 3));
        // A line that fits keeps its column; past the end stays at the end.
        assert_eq!(lines_with(text.clone(), 12, spot(0, 2)).1, spot(0, 2));
        assert_eq!(lines_with(text, 12, spot(1, 99)).1, spot(3, 11));
    }

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
        assert_eq!(fit("我們今天", 5), "我們…", "two columns each");
        assert_eq!(fit("我們今天", 4), "我…");
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
