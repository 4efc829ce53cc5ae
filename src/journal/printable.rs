//! Text made safe to print for a person: control characters shown, not obeyed.
//!
//! Entries may hold anything a person pasted or a file brought in, including terminal control
//! sequences (ESC, OSC, BEL…). Printed raw, a terminal would act on them: change its title,
//! colours, the clipboard (OSC 52), links (OSC 8). Everything meant for people to read (the
//! Markdown and CSV exports, stats, doctor, prompts, error messages) goes through
//! [`printable`]. JSON needs nothing: it escapes control characters itself.

use std::borrow::Cow;

/// `text` with every control character other than newline and tab made visible: C0 controls as
/// their Unicode control pictures (ESC is `␛`, CR `␍`), DEL as `␡`, and C1 controls (U+0080 to
/// U+009F, which some terminals read as ESC sequences) as `�`. Text without any is returned as
/// it is, without a copy.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(shown).collect())
}

fn unsafe_char(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

fn shown(c: char) -> char {
    match c {
        '\n' | '\t' => c,
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\u{7f}' => '\u{2421}',
        c if c.is_control() => '\u{fffd}',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_shown_and_plain_text_is_left_alone() {
        assert!(matches!(printable("plain\ttext\n"), Cow::Borrowed(_)));
        assert_eq!(
            printable("a\u{1b}]0;title\u{7}b\u{1b}[31mred\r\u{7f}\u{9b}"),
            "a␛]0;title␇b␛[31mred␍␡\u{fffd}"
        );
    }
}
