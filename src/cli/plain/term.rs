//! The plain check-in's lines: what it says, wrapped to a short width with no escape codes,
//! and what the person answers, a line at a time, with the few words that steer it
//! (`?`, `!`, `/back`…) told apart from answers.

use std::io::{self, BufRead, Write};

use unicode_width::UnicodeWidthStr;

use crate::tui::widgets::wrap;

/// Choices whose labels are longer than this are listed one a line.
const LONG_LABEL: usize = 30;

/// The widest a line is written: short lines read well on a braille display and over a
/// slow link, and wrap nowhere.
pub const MAX_WIDTH: usize = 80;

/// Whether choices of `labels` are best listed one a line: a label holds a comma (a list of
/// such read in one paragraph runs together) or is long.
pub fn one_a_line<S: AsRef<str>>(labels: &[S]) -> bool {
    labels
        .iter()
        .any(|l| l.as_ref().contains(',') || l.as_ref().chars().count() > LONG_LABEL)
}

/// What a line typed says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// An answer (trimmed, never empty; with line breaks when it was continued with `\`).
    Text(String),
    /// Enter alone: the question is skipped, its answer left as it is.
    Blank,
    /// `?`: what the question means and how to answer it.
    Help,
    /// `!`: where to find support.
    Support,
    /// `/safety`: the page "When distance is about safety".
    Safety,
    /// `/back`: the step before.
    Back,
    /// `/next`: the rest of this step skipped.
    Next,
    /// `/save`: saved now.
    Save,
    /// `/quit`: left, what was entered kept as the draft.
    Quit,
    /// `/discard`: thrown away (asked first).
    Discard,
    /// `/other`: another question instead (Reflect).
    Other,
    /// A word after `/` closer does not know.
    Unknown(String),
    /// Standard input ended.
    End,
}

/// The words after `/` and what they say, in the order the help lists them.
pub const COMMANDS: &[(&str, Input, &str)] = &[
    ("back", Input::Back, "goes back to the step before"),
    ("next", Input::Next, "skips the rest of this step"),
    ("save", Input::Save, "saves the check-in now"),
    (
        "quit",
        Input::Quit,
        "leaves, keeping what you entered as a draft",
    ),
    ("discard", Input::Discard, "throws this check-in away"),
    ("other", Input::Other, "asks another question (Reflect)"),
    (
        "safety",
        Input::Safety,
        "shows \"When distance is about safety\"",
    ),
];

/// Reads answers from `input` and writes to `out`, `width` columns wide.
pub struct Term<R, W> {
    input: R,
    out: W,
    width: usize,
    /// Whether a person types the answers (a terminal): then "> " is written before each.
    interactive: bool,
}

impl<R: BufRead, W: Write> Term<R, W> {
    /// Lines from `input` to `out`, wrapped at `width` (at most [`MAX_WIDTH`]); `interactive`
    /// when a person types them.
    pub fn new(input: R, out: W, width: usize, interactive: bool) -> Term<R, W> {
        Term {
            input,
            out,
            width: width.clamp(20, MAX_WIDTH),
            interactive,
        }
    }

    /// Whether a person types the answers.
    pub fn interactive(&self) -> bool {
        self.interactive
    }

    /// Writes out what is waiting to be written.
    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    /// What was written (for tests).
    #[cfg(test)]
    pub fn output(&self) -> &W {
        &self.out
    }

    /// A paragraph, wrapped (a line break in it starts a new line).
    pub fn say(&mut self, text: &str) -> io::Result<()> {
        self.indented(text, "", "")
    }

    /// A paragraph whose first line starts with `first` and the rest with `rest`.
    pub fn indented(&mut self, text: &str, first: &str, rest: &str) -> io::Result<()> {
        for line in wrap::indented(text, self.width, first, rest) {
            writeln!(self.out, "{}", line.trim_end())?;
        }
        Ok(())
    }

    /// An empty line.
    pub fn gap(&mut self) -> io::Result<()> {
        writeln!(self.out)
    }

    /// Numbered choices, `lead` first: in one paragraph, "lead 1 calm, 2 hopeful, …", each
    /// number kept on the line of its words; one a line when a label holds a comma or is long
    /// (see [`one_a_line`]).
    pub fn choices<S: AsRef<str>>(
        &mut self,
        lead: &str,
        labels: &[S],
        from: usize,
    ) -> io::Result<()> {
        self.choices_as(lead, labels, from, one_a_line(labels))
    }

    /// Numbered choices as [`Term::choices`] lays them out, one a line when `one_a_line`.
    pub fn choices_as<S: AsRef<str>>(
        &mut self,
        lead: &str,
        labels: &[S],
        from: usize,
        one_a_line: bool,
    ) -> io::Result<()> {
        let items: Vec<String> = labels
            .iter()
            .enumerate()
            .map(|(i, l)| format!("{} {}", from + i, l.as_ref()).trim_end().to_owned())
            .collect();
        if one_a_line {
            if !lead.is_empty() {
                self.say(lead.trim_end())?;
            }
            for item in &items {
                self.indented(item, "  ", "      ")?;
            }
            return Ok(());
        }
        let mut line = lead.trim_end().to_owned();
        let last = items.len().saturating_sub(1);
        for (i, item) in items.iter().enumerate() {
            let end = if i == last { '.' } else { ',' };
            let item = format!("{item}{end}");
            if !line.trim().is_empty() && line.width() + 1 + item.width() > self.width {
                writeln!(self.out, "{line}")?;
                line = " ".to_owned();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&item);
        }
        writeln!(self.out, "{line}")
    }

    /// Reads the next line: an answer, Enter alone, or one of the words that steer.
    pub fn read(&mut self) -> io::Result<Input> {
        let Some(first) = self.line(true)? else {
            return Ok(Input::End);
        };
        let mut text = first;
        // A line that ends with a backslash goes on on the next line.
        while let Some(head) = text.strip_suffix('\\') {
            let head = head.to_owned();
            match self.line(false)? {
                Some(next) => text = format!("{head}\n{next}"),
                None => {
                    text = head;
                    break;
                }
            }
        }
        Ok(classify(&text))
    }

    /// One line of input without its line end and with control characters other than tab
    /// dropped; `None` at the end of input.
    fn line(&mut self, first: bool) -> io::Result<Option<String>> {
        if self.interactive {
            write!(self.out, "{}", if first { "> " } else { "… " })?;
        }
        self.out.flush()?;
        let mut bytes = Vec::new();
        if self.input.read_until(b'\n', &mut bytes)? == 0 {
            if self.interactive {
                writeln!(self.out)?;
            }
            return Ok(None);
        }
        let text = String::from_utf8_lossy(&bytes);
        Ok(Some(
            text.chars()
                .filter(|c| !c.is_control() || *c == '\t')
                .collect(),
        ))
    }
}

/// What a line says (see [`Input`]).
fn classify(text: &str) -> Input {
    let t = text.trim();
    if t.is_empty() {
        return Input::Blank;
    }
    match t {
        "?" => return Input::Help,
        "!" => return Input::Support,
        _ => {}
    }
    if let Some(word) = t.strip_prefix('/')
        && !word.is_empty()
        && word.chars().all(|c| c.is_ascii_alphabetic())
    {
        let word = word.to_ascii_lowercase();
        return COMMANDS
            .iter()
            .find(|(w, _, _)| *w == word)
            .map_or(Input::Unknown(word), |(_, input, _)| input.clone());
    }
    Input::Text(t.to_owned())
}

/// What an answer of numbers and words says: the numbers (1-based places in a list of
/// `count`), and the other words, separated by commas.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Picks {
    /// Places picked, from 0, in the order typed, each once.
    pub places: Vec<usize>,
    /// Words typed that are not numbers, each trimmed.
    pub words: Vec<String>,
}

/// Reads `text` as numbers from 1 to `count` and words, separated by commas (numbers may be
/// separated by spaces too): "2 5, homesick". A part that is all numbers picks them; any other
/// part is a word. Errors say what is wrong: a number out of range.
pub fn picks(text: &str, count: usize) -> Result<Picks, String> {
    let mut picks = Picks::default();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let numbers: Option<Vec<usize>> = part
            .split_whitespace()
            .map(|n| n.parse::<usize>().ok())
            .collect();
        match numbers {
            Some(numbers) => {
                for n in numbers {
                    if n == 0 || n > count {
                        return Err(format!(
                            "There is no {n} here: type numbers from 1 to {count}."
                        ));
                    }
                    if !picks.places.contains(&(n - 1)) {
                        picks.places.push(n - 1);
                    }
                }
            }
            None => picks.words.push(part.to_owned()),
        }
    }
    Ok(picks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_told_apart_from_answers() {
        assert_eq!(classify("  "), Input::Blank);
        assert_eq!(classify(" ? "), Input::Help);
        assert_eq!(classify("!"), Input::Support);
        assert_eq!(classify("/Back"), Input::Back);
        assert_eq!(classify("/frob"), Input::Unknown("frob".into()));
        assert_eq!(
            classify("/ not a command"),
            Input::Text("/ not a command".into())
        );
        assert_eq!(classify("why?"), Input::Text("why?".into()));
    }

    #[test]
    fn numbers_and_words_are_read_and_a_wrong_number_is_named() {
        let p = picks("2 5, homesick ,5", 6).unwrap();
        assert_eq!(p.places, [1, 4]);
        assert_eq!(p.words, ["homesick"]);
        let e = picks("7", 6).unwrap_err();
        assert!(e.contains("no 7") && e.contains("1 to 6"), "{e}");
        assert!(picks("0", 6).is_err());
    }

    #[test]
    fn a_line_ending_in_a_backslash_goes_on_and_control_characters_are_dropped() {
        let input = b"first\\\nsecond\x1b[31m\nnext\n".as_slice();
        let mut t = Term::new(input, Vec::new(), 80, false);
        assert_eq!(t.read().unwrap(), Input::Text("first\nsecond[31m".into()));
        assert_eq!(t.read().unwrap(), Input::Text("next".into()));
        assert_eq!(t.read().unwrap(), Input::End);
        assert!(t.output().is_empty(), "no prompt when no person types");
    }
}
