//! Reading TOML a person wrote (`config.toml`, `prompts.toml`, `strategies.toml`) so that every
//! mistake is found at once, each with its line and column: every syntax mistake (the parser
//! recovers and goes on), and in a list of items (`[[prompt]]`), each item's own mistakes
//! (an unknown key, a value of the wrong type, a missing key) without one item hiding the
//! next. toml's own `from_str` stops at the first.

use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

/// One mistake: where (1-based line and column; the column counts characters) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mistake {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, in characters.
    pub column: usize,
    /// What is wrong, as toml or closer says it.
    pub message: String,
}

/// Where each line of a text starts, to turn byte offsets into lines and columns in
/// O(log lines + the line's length) each: a file with thousands of mistakes is not scanned
/// from its start for each one (case r09: 8,000 rejected prompts took 3.2 s that way).
pub struct Lines<'t> {
    text: &'t str,
    /// The byte offset of each line's first byte; the first is 0.
    starts: Vec<usize>,
}

impl<'t> Lines<'t> {
    /// The line starts of `text`, found in one pass.
    pub fn new(text: &'t str) -> Lines<'t> {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { text, starts }
    }

    /// The 1-based line and column (in characters) of the byte `offset` (clamped to the
    /// text's end).
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = self.starts[line - 1];
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |before| before.chars().count())
            + 1;
        (line, column)
    }

    /// A mistake at the start of `span`.
    pub fn at(&self, span: Option<Range<usize>>, message: impl Into<String>) -> Mistake {
        let (line, column) = self.position(span.map_or(0, |s| s.start));
        Mistake {
            line,
            column,
            message: message.into(),
        }
    }

    /// toml's error as a mistake (its message without the quoted source lines).
    fn of_error(&self, e: &toml::de::Error) -> Mistake {
        self.at(e.span(), e.message().trim())
    }
}

/// The 1-based line and column (in characters) of the byte `offset` of `text`.
pub fn position(text: &str, offset: usize) -> (usize, usize) {
    Lines::new(text).position(offset)
}

/// A mistake at the start of `span` in `text` (for many mistakes in one text, [`Lines::at`]).
pub fn at(text: &str, span: Option<Range<usize>>, message: impl Into<String>) -> Mistake {
    Lines::new(text).at(span, message)
}

/// The document of `text`, or every syntax mistake in it (in the order of the text; the
/// first says that the file is left out until it is fixed, as closer does with it).
///
/// # Errors
/// Each mistake the parser found, recovering after each.
pub fn parse(text: &str) -> Result<Spanned<DeTable<'_>>, Vec<Mistake>> {
    let (doc, errors) = DeTable::parse_recoverable(text);
    if errors.is_empty() {
        return Ok(doc);
    }
    let lines = Lines::new(text);
    let mut mistakes: Vec<Mistake> = errors.iter().map(|e| lines.of_error(e)).collect();
    mistakes.sort_by_key(|m| (m.line, m.column));
    mistakes.dedup();
    if let Some(first) = mistakes.first_mut() {
        first
            .message
            .push_str("; the file is left out until it is fixed");
    }
    Err(mistakes)
}

/// The items of a file made of one list of tables, `[[list]]`: each one read as a `T` where it
/// can be (with the line its table starts on), and every mistake found on the way: every
/// syntax mistake (then no item is read: the file is left out), a key at the top other than
/// `list`, and for each item each key it does not know or holds a value of the wrong type, and
/// a key it lacks. An item with a mistake is not read; the others are.
pub fn items<T: DeserializeOwned>(text: &str, list: &str) -> (Vec<(T, usize)>, Vec<Mistake>) {
    let doc = match parse(text) {
        Ok(doc) => doc.into_inner(),
        Err(mistakes) => return (Vec::new(), mistakes),
    };
    let lines = Lines::new(text);
    let mut found = Vec::new();
    let mut mistakes = Vec::new();
    for (key, value) in doc {
        if key.get_ref().as_ref() != list {
            mistakes.push(lines.at(
                Some(key.span()),
                format!(
                    "\"{}\" is not part of this file; it holds [[{list}]] tables only",
                    key.get_ref()
                ),
            ));
            continue;
        }
        let span = value.span();
        let DeValue::Array(array) = value.into_inner() else {
            mistakes.push(lines.at(
                Some(span),
                format!("{list} must be a list of tables, each beginning with [[{list}]]"),
            ));
            continue;
        };
        for item in array {
            let (line, _) = lines.position(item.span().start);
            let (read, wrong) = item_of::<T>(&lines, item);
            mistakes.extend(wrong);
            if let Some(read) = read {
                found.push((read, line));
            }
        }
    }
    mistakes.sort_by_key(|m| (m.line, m.column));
    (found, mistakes)
}

/// Where a stand-in value is, to tell its errors from the person's mistakes.
const STAND_IN: Range<usize> = usize::MAX..usize::MAX;

/// The most rounds one item is read in: each sets a key aside or puts a stand-in where a key
/// is missing, so this many mistakes of one item are said at most.
const ROUNDS: usize = 64;

/// One item read as a `T`, and each of its mistakes. After a mistake in one key (unknown, or
/// the wrong type) the key is set aside and the item read again, so the next mistake is
/// found too; a key it lacks is given a stand-in value (text, a list, …) so the keys after it
/// are checked as well, and the keys it lacks are said in one mistake at its start (but one
/// set aside for a mistake of its own). `None` when it had any mistake.
fn item_of<T: DeserializeOwned>(
    lines: &Lines<'_>,
    item: Spanned<DeValue<'_>>,
) -> (Option<T>, Vec<Mistake>) {
    let span = item.span();
    let DeValue::Table(mut table) = item.into_inner() else {
        return (
            None,
            vec![lines.at(Some(span), "each item must be a table")],
        );
    };
    let read = |table: &DeTable<'_>| {
        let value = Spanned::new(span.clone(), DeValue::Table(table.clone()));
        T::deserialize(ValueDeserializer::from(value))
    };
    let mut mistakes = Vec::new();
    let mut set_aside: Vec<String> = Vec::new();
    // The keys it lacks, said together at its start.
    let mut missing: Vec<String> = Vec::new();
    for _ in 0..ROUNDS {
        let e = match read(&table) {
            Ok(read) if mistakes.is_empty() && missing.is_empty() => {
                return (Some(read), mistakes);
            }
            Ok(_) => break,
            Err(e) => e,
        };
        if e.span() == Some(STAND_IN) {
            break;
        }
        if let Some(key) = quoted_after(e.message(), "missing field ") {
            let stood_in = stand_in(&mut table, &key, read);
            if !set_aside.contains(&key) {
                missing.push(key);
            }
            if !stood_in {
                break;
            }
            continue;
        }
        mistakes.push(lines.of_error(&e));
        // The key the mistake is in: its name or its value holds the place toml points at.
        let at_error = e.span().map_or(span.start, |s| s.start);
        let Some(key) = table
            .iter()
            .find(|(k, v)| k.span().contains(&at_error) || v.span().contains(&at_error))
            .map(|(k, _)| k.get_ref().to_string())
        else {
            break;
        };
        table.remove(key.as_str());
        set_aside.push(key);
    }
    if !missing.is_empty() {
        let names: Vec<String> = missing.iter().map(|k| format!("`{k}`")).collect();
        let message = match names.split_last() {
            Some((last, [])) => format!("missing field {last}"),
            Some((last, rest)) => format!("missing fields {} and {last}", rest.join(", ")),
            None => String::new(),
        };
        mistakes.push(lines.at(Some(span), message));
    }
    (None, mistakes)
}

/// Puts a stand-in value under `key` in `table`, one `read` takes without a mistake in it:
/// empty text, an empty list, `false`, `0`, an empty table, or the first choice an error
/// names ("expected `a` or `b`"). Whether one was found.
fn stand_in<'i, R>(
    table: &mut DeTable<'i>,
    key: &str,
    read: impl Fn(&DeTable<'i>) -> Result<R, toml::de::Error>,
) -> bool {
    let mut tries: Vec<DeValue<'i>> = ["\"\"", "[]", "false", "0", "{}"]
        .into_iter()
        .filter_map(|source| DeValue::parse(source).ok())
        .map(Spanned::into_inner)
        .collect();
    let mut choices: Vec<String> = Vec::new();
    let mut i = 0;
    while let Some(value) = tries.get(i).cloned() {
        i += 1;
        table.insert(
            Spanned::new(STAND_IN, std::borrow::Cow::Owned(key.to_owned())),
            Spanned::new(STAND_IN, value),
        );
        match read(table) {
            Err(e) if e.span() == Some(STAND_IN) => {
                if let Some(choice) = quoted_after(e.message(), "expected ")
                    && !choices.contains(&choice)
                {
                    choices.push(choice.clone());
                    tries.push(DeValue::String(std::borrow::Cow::Owned(choice)));
                }
            }
            _ => return true,
        }
    }
    table.remove(key);
    false
}

/// The first `` `quoted` `` word after `lead` in `message` (serde quotes names so: "missing
/// field `a`", "expected `a` or `b`", "expected one of `a`, `b`, `c`").
fn quoted_after(message: &str, lead: &str) -> Option<String> {
    let rest = &message[message.find(lead)? + lead.len()..];
    let rest = rest.strip_prefix("one of ").unwrap_or(rest);
    let rest = rest.strip_prefix('`')?;
    Some(rest[..rest.find('`')?].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Thing {
        id: String,
        size: u32,
        #[serde(default)]
        tags: Vec<String>,
    }

    #[test]
    fn positions_count_lines_and_characters_from_one() {
        let text = "ab\ncé d\n";
        assert_eq!(position(text, 0), (1, 1));
        assert_eq!(position(text, 3), (2, 1));
        // "cé " is 4 bytes, 3 characters.
        assert_eq!(position(text, 7), (2, 4));
        assert_eq!(position(text, 999), (3, 1));
    }

    /// The index gives what counting from the start of the text gives, at every character
    /// boundary of texts with empty lines, no last newline, and letters of several bytes.
    #[test]
    fn the_line_index_agrees_with_counting_from_the_start() {
        let naive = |text: &str, offset: usize| {
            let before = &text[..offset];
            let line = before.matches('\n').count() + 1;
            let start = before.rfind('\n').map_or(0, |i| i + 1);
            (line, before[start..].chars().count() + 1)
        };
        for text in [
            "",
            "\n",
            "a",
            "a\n\nb",
            "ab\ncé d\n",
            "日本\n\n語 x\ny",
            "\n\n\n",
        ] {
            let lines = Lines::new(text);
            for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
                assert_eq!(
                    lines.position(offset),
                    naive(text, offset),
                    "{text:?} at {offset}"
                );
            }
        }
    }

    #[test]
    fn every_syntax_mistake_is_found_with_its_line_and_column() {
        let text = "a = \nb = \"fine\"\nc = [1,\nd = 'x\n";
        let mistakes = parse(text).unwrap_err();
        assert!(mistakes.len() >= 2, "{mistakes:?}");
        assert_eq!(
            (mistakes[0].line, mistakes[0].column),
            (1, 5),
            "{mistakes:?}"
        );
        assert!(mistakes.iter().any(|m| m.line >= 3), "{mistakes:?}");
        assert!(parse("a = 1\n").is_ok());
    }

    #[test]
    fn each_item_is_read_alone_and_all_its_mistakes_are_said() {
        let text = "[[thing]]\nid = \"one\"\nsize = 1\n\n\
                    [[thing]]\nid = \"two\"\nsize = \"big\"\ncolour = \"red\"\n\n\
                    [[thing]]\nid = \"three\"\n\n\
                    [[thing]]\nid = \"four\"\nsize = 4\ntags = [\"a\"]\n";
        let (found, mistakes) = items::<Thing>(text, "thing");
        let ids: Vec<(&str, usize)> = found.iter().map(|(t, l)| (t.id.as_str(), *l)).collect();
        assert_eq!(ids, [("one", 1), ("four", 13)]);
        let said: Vec<(usize, &str)> = mistakes
            .iter()
            .map(|m| (m.line, m.message.as_str()))
            .collect();
        assert_eq!(mistakes.len(), 3, "{mistakes:#?}");
        assert_eq!(said[0].0, 7, "{said:?}");
        assert!(said[0].1.contains("invalid type"), "{said:?}");
        assert_eq!(said[1].0, 8, "{said:?}");
        assert!(said[1].1.contains("unknown field `colour`"), "{said:?}");
        assert!(said[2].1.contains("missing field `size`"), "{said:?}");
        assert_eq!(said[2].0, 10, "the third item's table: {said:?}");
        // The second item's size, set aside for its type, is not also said to be missing.
        assert!(
            !mistakes[..2].iter().any(|m| m.message.contains("missing")),
            "{mistakes:#?}"
        );
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)] // read by serde only
    struct Many {
        kind: Kind,
        name: String,
        steps: Vec<String>,
        size: u32,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "kebab-case")]
    enum Kind {
        Small,
        Large,
    }

    /// Each key an item lacks is said, whatever its type, and a mistake after them too.
    #[test]
    fn every_missing_key_is_said_and_the_keys_after_them_are_checked() {
        let (found, mistakes) = items::<Many>("[[many]]\nsteps = 3\n", "many");
        assert!(found.is_empty());
        let said: Vec<&str> = mistakes.iter().map(|m| m.message.as_str()).collect();
        for expected in ["missing fields `kind`, `name` and `size`", "invalid type"] {
            assert!(
                said.iter().any(|m| m.contains(expected)),
                "{expected}: {said:#?}"
            );
        }
        assert_eq!(said.len(), 2, "{said:#?}");
        assert!(!said.iter().any(|m| m.contains("steps`")), "{said:#?}");
        let (found, mistakes) = items::<Many>(
            "[[many]]\nkind = \"large\"\nname = \"n\"\nsteps = []\nsize = 2\n",
            "many",
        );
        assert_eq!((found.len(), mistakes.len()), (1, 0), "{mistakes:?}");
    }

    #[test]
    fn keys_that_are_not_the_list_and_a_list_that_is_not_tables_are_mistakes() {
        let (found, mistakes) = items::<Thing>("title = \"x\"\nthing = 3\n", "thing");
        assert!(found.is_empty());
        assert_eq!(mistakes.len(), 2, "{mistakes:?}");
        assert!(mistakes[0].message.contains("\"title\" is not part"));
        assert!(mistakes[1].message.contains("list of tables"));
        let (found, mistakes) = items::<Thing>("[[thing]\nid = 1\n", "thing");
        assert!(found.is_empty() && !mistakes.is_empty());
        assert_eq!(mistakes[0].line, 1);
    }
}
