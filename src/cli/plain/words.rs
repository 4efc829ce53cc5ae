//! What the plain check-in says besides its questions: how to answer, where to find support
//! (the Support screen's own text), and the page "When distance is about safety".

use std::io::{self, BufRead, Write};

use super::term::{COMMANDS, Term};
use crate::content::Catalog;
use crate::content::validate::SAFETY_PAGE;
use crate::tui::text::SUPPORT;

/// How to answer, said once as the check-in begins.
pub const HOW: &str = "One question at a time. Type your answer and press Enter; where \
there are numbers, type the numbers of your answers (several separated by spaces or commas). \
Enter alone skips a question. ? explains the question, ! shows where to find support, \
/back goes to the step before, /save saves now, and /quit leaves, keeping what you wrote as \
a draft. A line ending in \\ goes on on the next line.";

/// The words that steer, in a line (after `?`'s help, and after a word closer does not know).
pub const STEERING: &str = "Enter alone skips. ! shows where to find support; /back, /next, \
/save, /quit, /discard, /other and /safety steer (? says what each does).";

/// What the Support screen's text says in place of its key for the safety page.
const SAFETY_KEY: &str = "(press s)";
/// The same, in the plain check-in.
const SAFETY_WORD: &str = "(type /safety)";

/// What each word that steers does, as a paragraph.
pub fn steering_words() -> String {
    let each: Vec<String> = COMMANDS
        .iter()
        .map(|(word, _, does)| format!("/{word} {does}"))
        .collect();
    format!("{}.", each.join("; "))
}

/// Writes the Support screen's text: what closer is not, and where to find people who can
/// help (the same words as the screen `!` opens in the journal).
pub fn support<R: BufRead, W: Write>(t: &mut Term<R, W>) -> io::Result<()> {
    t.gap()?;
    t.say("Where to find support")?;
    for (heading, body) in SUPPORT {
        t.gap()?;
        t.say(heading)?;
        for line in *body {
            let line = line.replace(SAFETY_KEY, SAFETY_WORD);
            match line.strip_prefix("- ") {
                Some(item) => t.indented(item, "- ", "  ")?,
                None => t.say(&line)?,
            }
        }
    }
    t.gap()
}

/// Writes the page "When distance is about safety" (the one the Support screen's `s`
/// opens): its summary and sections.
pub fn safety<R: BufRead, W: Write>(t: &mut Term<R, W>, catalog: &Catalog) -> io::Result<()> {
    let Some(page) = catalog.digest(SAFETY_PAGE) else {
        return support(t);
    };
    t.gap()?;
    t.say(&page.title)?;
    t.say(page.summary.trim())?;
    for section in &page.sections {
        t.gap()?;
        t.say(&section.heading)?;
        for paragraph in section.body.trim().split("\n\n") {
            for line in paragraph.lines() {
                match line.strip_prefix("- ") {
                    Some(item) => t.indented(item, "- ", "  ")?,
                    None => t.say(line)?,
                }
            }
        }
    }
    t.gap()?;
    t.say("! shows where to find support: the services that can help.")?;
    t.gap()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(f: impl FnOnce(&mut Term<&'static [u8], Vec<u8>>) -> io::Result<()>) -> String {
        let mut t = Term::new(b"".as_slice(), Vec::new(), 80, false);
        f(&mut t).unwrap();
        String::from_utf8(t.output().clone()).unwrap()
    }

    #[test]
    fn support_says_the_support_screens_words_with_the_plain_word_for_the_safety_page() {
        assert!(
            SUPPORT
                .iter()
                .flat_map(|(_, body)| body.iter())
                .any(|l| l.contains(SAFETY_KEY)),
            "the Support screen names its key for the safety page"
        );
        let text = written(support);
        for (heading, _) in SUPPORT {
            assert!(text.contains(heading), "{heading}");
        }
        assert!(text.contains("116 123"), "{text}");
        assert!(
            text.contains("/safety") && !text.contains("press s"),
            "{text}"
        );
        assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
        assert!(!text.contains('\u{1b}'));
    }

    #[test]
    fn the_safety_page_is_the_bundled_one() {
        let catalog = Catalog::bundled().unwrap();
        let text = written(|t| safety(t, &catalog));
        let page = catalog.digest(SAFETY_PAGE).unwrap();
        assert!(text.contains(&page.title));
        for s in &page.sections {
            assert!(text.contains(&s.heading), "{}", s.heading);
        }
    }
}
