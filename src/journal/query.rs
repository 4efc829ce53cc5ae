//! Finding entries: full-text search, filters, and their combination — pure functions over
//! entries, fast enough to run on every keystroke over a large journal.

use std::fmt;
use std::ops::RangeInclusive;

use chrono::{Datelike, Days, Months, NaiveDate};

use super::{Entry, Fact, Perspective, Scale, TriggerRef, facts};

pub mod signature;

pub use signature::{Signature, Wanted};

/// `text` case-folded for search, with, for each byte of the result, the byte offset in `text`
/// of the character it came from (for highlighting). Full Unicode case folding (the `icu_casemap`
/// crate's, from Unicode's CaseFolding.txt), so Σ, σ and ς are one letter and ß matches "ss";
/// then the dot above that default folding leaves after an i dropped, so the Turkish İ (and
/// "I" followed by a combining dot) matches i without making every I a dotless ı; and
/// typographic apostrophes and quotes made plain, so "don't" finds "don’t".
fn fold_mapped(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut from = Vec::with_capacity(text.len());
    fold_into(text, &mut out, Some(&mut from));
    (out, from)
}

/// Folds `text` onto `out`; with `from`, records for each byte written the offset in `text` of
/// the character it came from.
fn fold_into(text: &str, out: &mut String, mut from: Option<&mut Vec<usize>>) {
    let folder = icu_casemap::CaseMapper::new();
    let mut buf = [0u8; 4];
    for (at, c) in text.char_indices() {
        let before = out.len();
        match c {
            '\u{2018}' | '\u{2019}' => out.push('\''),
            '\u{201C}' | '\u{201D}' => out.push('"'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            '\u{0307}' if out.ends_with('i') => {}
            c => {
                let folded = folder.fold_string(c.encode_utf8(&mut buf));
                out.push_str(
                    folded
                        .strip_suffix('\u{0307}')
                        .filter(|f| f.ends_with('i'))
                        .unwrap_or(&folded),
                );
            }
        }
        if let Some(from) = from.as_deref_mut() {
            from.extend(std::iter::repeat_n(at, out.len() - before));
        }
    }
}

/// `text` folded for search: see [`fold_mapped`].
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out, None);
    out
}

/// Slots of [`FOLDS_INTO_ASCII`].
const MEMO_SLOTS: usize = 256;

thread_local! {
    /// Recent answers of [`folds_into_ascii`] for single characters, by code point modulo
    /// [`MEMO_SLOTS`] (NUL, which is ASCII, marks an empty slot).
    static FOLDS_INTO_ASCII: std::cell::RefCell<[(char, bool); MEMO_SLOTS]> =
        const { std::cell::RefCell::new([('\0', false); MEMO_SLOTS]) };
}

/// Whether some character of `text` outside ASCII folds to something with an ASCII letter in
/// it (ß to "ss", the Kelvin sign to "k", "ﬁ" to "fi", İ to "i"), so a plain word could match
/// across it; the usual é, ü or ’ do not. Only the few non-ASCII characters are folded.
fn folds_into_ascii(text: &str) -> bool {
    let folder = icu_casemap::CaseMapper::new();
    let mut buf = [0u8; 4];
    let bytes = text.as_bytes();
    let mut at = 0;
    // To the next non-ASCII character, skipping ASCII a block at a time: most text is ASCII
    // and is not decoded.
    loop {
        while at + 32 <= bytes.len() && bytes[at..at + 32].is_ascii() {
            at += 32;
        }
        let Some(i) = bytes[at..].iter().position(|b| !b.is_ascii()) else {
            return false;
        };
        let start = at + i;
        let Some(c) = text[start..].chars().next() else {
            return false;
        };
        let mut into_ascii = |c: char| {
            matches!(c, '\u{2018}' | '\u{2019}' | '\u{201C}' | '\u{201D}')
                || folder
                    .fold_string(c.encode_utf8(&mut buf))
                    .bytes()
                    .any(|b| b.is_ascii())
        };
        // The same few characters come back in entry after entry (é, ü, ’): remember the
        // answer for each in a small table, so a search over a large journal asks the case
        // mapper once per character, not once per occurrence.
        let memo = FOLDS_INTO_ASCII.with(|m| {
            let slot = &mut m.borrow_mut()[c as usize % MEMO_SLOTS];
            if slot.0 != c {
                *slot = (c, into_ascii(c));
            }
            slot.1
        });
        if memo {
            return true;
        }
        at = start + c.len_utf8();
    }
}

/// The words of a search, folded.
pub fn words(query: &str) -> Vec<String> {
    fold(query).split_whitespace().map(str::to_owned).collect()
}

/// Whether `hay` contains `needle` (already folded by [`fold`]), ignoring case. Plain ASCII
/// words (the usual search) are found without copying the text: the first letter in either
/// case is found with `memchr2`, then the rest is compared. Anything else is folded first.
pub fn contains_folded(hay: &str, needle: &str) -> bool {
    let n = needle.as_bytes();
    let Some(&first) = n.first() else {
        return true;
    };
    let plain = n.iter().all(|b| b.is_ascii() && *b != b'\'' && *b != b'"');
    if !plain {
        return fold(hay).contains(needle);
    }
    // A plain word: its letters are found in either case with `memchr2`. A match there is a
    // match after folding too (folding keeps a run of ASCII letters together); without one,
    // the word can still match only across a letter that folds into ASCII (ß to "ss", K to
    // "k"), so only text holding such a letter is folded whole.
    let h = hay.as_bytes();
    let (lo, up) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    let mut at = 0;
    while let Some(i) = memchr::memchr2(lo, up, &h[at..]) {
        let start = at + i;
        match h.get(start..start + n.len()) {
            Some(window) if window.eq_ignore_ascii_case(n) => return true,
            Some(_) => at = start + 1,
            None => break,
        }
    }
    !hay.is_ascii() && folds_into_ascii(hay) && fold(hay).contains(needle)
}

/// Which written field of an entry a search found its words in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// An answer to a question.
    Answer,
    /// The notes.
    Notes,
    /// Something a traced moment says.
    Moment,
    /// What a prediction fears, or what happened instead.
    Prediction,
    /// Something a thought check says.
    Thought,
    /// Something a debrief says.
    Debrief,
    /// A line of the cycle in the person's own words.
    Cycle,
    /// A bid or an appreciation.
    Bid,
    /// What a time-out says.
    TimeOut,
    /// A ladder's fear or one of its steps.
    Ladder,
    /// The review of a week.
    WeekReview,
    /// A feeling named.
    Feeling,
    /// A trigger's note.
    TriggerNote,
    /// A trigger of the person's own.
    Trigger,
    /// A tag.
    Tag,
}

impl Field {
    /// Which field a snippet prefers when two hold as many of the words: what a row shows
    /// anyway first (answers, notes), then moments, predictions, thought checks, debriefs,
    /// feelings, triggers, tags.
    fn rank(self) -> u8 {
        match self {
            Field::Answer => 0,
            Field::Notes => 1,
            Field::Moment => 2,
            Field::Prediction => 3,
            Field::Thought => 4,
            Field::Debrief => 5,
            Field::Cycle => 6,
            Field::Bid | Field::TimeOut | Field::Ladder | Field::WeekReview => 7,
            Field::Feeling => 8,
            Field::TriggerNote | Field::Trigger => 9,
            Field::Tag => 10,
        }
    }

    /// In a word or two, to set before a snippet of it (none for answers and notes, which
    /// are what a row shows anyway).
    pub fn label(self) -> Option<&'static str> {
        match self {
            Field::Answer | Field::Notes => None,
            Field::Moment => Some("moment"),
            Field::Prediction => Some("prediction"),
            Field::Thought => Some("thought"),
            Field::Debrief => Some("debrief"),
            Field::Cycle => Some("cycle"),
            Field::Bid => Some("bid"),
            Field::TimeOut => Some("time-out"),
            Field::Ladder => Some("ladder"),
            Field::WeekReview => Some("week review"),
            Field::Feeling => Some("feeling"),
            Field::TriggerNote => Some("trigger note"),
            Field::Trigger => Some("trigger"),
            Field::Tag => Some("tag"),
        }
    }
}

/// Every field of an entry a search looks in, in turn (the entry's [`facts`], in reading
/// order), with what kind of field it is: emotions, trigger notes and custom triggers,
/// answers, what its moments, thought checks, debriefs and predictions say, notes, tags; stops at the first for which
/// `f` says true. Ratings, signs (chosen from a list), strategies and the perspective are not
/// words the person wrote.
fn each_field<'a>(e: &'a Entry, mut f: impl FnMut(Field, &'a str) -> bool) -> bool {
    facts(e).any(|fact| match fact {
        Fact::Feelings(feelings) => feelings.iter().any(|x| f(Field::Feeling, x)),
        Fact::Triggers(logged) => logged.iter().any(|t| {
            f(Field::TriggerNote, &t.note)
                || matches!(&t.trigger, TriggerRef::Custom(name) if f(Field::Trigger, name.as_str()))
        }),
        Fact::Answers(answers) => answers.iter().any(|r| f(Field::Answer, &r.answer)),
        Fact::Moments(episodes) => episodes.iter().any(|ep| {
            f(Field::Moment, &ep.what)
                || f(Field::Moment, &ep.next)
                || ep.urges.iter().chain(&ep.did).any(|x| f(Field::Moment, x))
                || ep
                    .repair
                    .as_ref()
                    .and_then(crate::journal::Repair::own_words)
                    .is_some_and(|t| f(Field::Moment, t))
        }),
        Fact::Predictions(predictions) => predictions.iter().any(|p| {
            f(Field::Prediction, &p.fear)
                || p.step.as_ref().is_some_and(|s| f(Field::Prediction, &s.step))
                || p.outcome
                    .as_ref()
                    .is_some_and(|o| f(Field::Prediction, &o.instead))
        }),
        Fact::Thoughts(thoughts) => thoughts
            .iter()
            .any(|t| t.texts().iter().any(|(_, x)| f(Field::Thought, x))),
        Fact::Debriefs(debriefs) => debriefs.iter().any(|d| {
            d.felt.iter().any(|x| f(Field::Debrief, x))
                || d.texts().iter().any(|(_, x)| f(Field::Debrief, x))
                || d.triggers.iter().any(
                    |t| matches!(t, TriggerRef::Custom(name) if f(Field::Debrief, name.as_str())),
                )
        }),
        Fact::CycleWords(words) => words
            .iter()
            .any(|w| w.texts().iter().any(|(_, x)| f(Field::Cycle, x))),
        Fact::Bids(bids) => bids.iter().any(|b| f(Field::Bid, &b.text)),
        Fact::TimeOuts(breaks) => breaks.iter().any(|t| {
            f(Field::TimeOut, &t.said)
                || f(Field::TimeOut, &t.until_then)
                || t.back.as_ref().is_some_and(|b| f(Field::TimeOut, &b.note))
        }),
        Fact::WeekReviews(reviews) => reviews
            .iter()
            .any(|r| r.texts().iter().any(|(_, x)| f(Field::WeekReview, x))),
        Fact::Ladders(ladders) => ladders.iter().any(|l| {
            f(Field::Ladder, &l.fear) || l.steps.iter().any(|r| f(Field::Ladder, &r.text))
        }),
        Fact::Notes(notes) => f(Field::Notes, notes),
        Fact::Tags(tags) => tags.iter().any(|x| f(Field::Tag, x)),
        Fact::WrittenLater(_)
        | Fact::Perspective(_)
        | Fact::Scale(..)
        | Fact::Signs(_)
        | Fact::Strategies(_) => false,
    })
}

/// Every field of an entry a search looks in: see [`each_field`].
fn each_text(e: &Entry, mut f: impl FnMut(&str) -> bool) -> bool {
    each_field(e, |_, text| f(text))
}

/// The written field of `e` that holds the most of the search's `words` (folded, as from
/// [`words`]), the first such in [`each_field`]'s order, with how many of the words it
/// holds; none when no field holds any. A row of search results shows it, so it shows why
/// the entry matched.
pub fn best_field<'a>(e: &'a Entry, words: &[String]) -> Option<(Field, &'a str, usize)> {
    let mut best: Option<(Field, &'a str, usize)> = None;
    if words.is_empty() {
        return None;
    }
    each_field(e, |field, text| {
        let n = words.iter().filter(|w| contains_folded(text, w)).count();
        let better = match best {
            None => n > 0,
            Some((b, _, m)) => n > m || (n == m && field.rank() < b.rank()),
        };
        if better {
            best = Some((field, text, n));
        }
        false
    });
    best
}

/// Whether an entry's written text (answers, notes, emotions, custom triggers, trigger notes,
/// tags, what its moments and predictions say) contains every word, each in any field.
pub fn entry_contains_all(e: &Entry, words: &[String]) -> bool {
    words
        .iter()
        .all(|w| each_text(e, |text| contains_folded(text, w)))
}

/// A span of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSpan {
    /// One day.
    Day(NaiveDate),
    /// A calendar month (any day in it).
    Month(NaiveDate),
    /// The last N days, today included.
    LastDays(u32),
    /// From one day to another, both included.
    Between(NaiveDate, NaiveDate),
    /// Every day there is.
    All,
}

impl DateSpan {
    /// The days it covers, given today.
    pub fn range(self, today: NaiveDate) -> RangeInclusive<NaiveDate> {
        match self {
            DateSpan::Day(d) => d..=d,
            DateSpan::Month(d) => {
                let first = d.with_day(1).unwrap_or(d);
                let last = first
                    .checked_add_months(Months::new(1))
                    .and_then(|n| n.pred_opt())
                    .unwrap_or(first);
                first..=last
            }
            DateSpan::LastDays(n) => {
                let from = today
                    .checked_sub_days(Days::new(u64::from(n.max(1)) - 1))
                    .unwrap_or(NaiveDate::MIN);
                from..=today
            }
            DateSpan::Between(a, b) => a.min(b)..=a.max(b),
            DateSpan::All => NaiveDate::MIN..=NaiveDate::MAX,
        }
    }

    /// Reads a span as a person types it: `2026-11-20` (a day), `2026-11` (a month),
    /// `30` or `30d` (the last 30 days), `2026-01-01..2026-02-15` or with a space or `to`
    /// (from–to), or `all`.
    pub fn parse(text: &str) -> Option<DateSpan> {
        let t = text.trim();
        if t.eq_ignore_ascii_case("all") {
            return Some(DateSpan::All);
        }
        let day = |s: &str| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
        for sep in ["..", " to ", "–", " "] {
            if let Some((a, b)) = t.split_once(sep)
                && let (Some(a), Some(b)) = (day(a), day(b))
            {
                return Some(DateSpan::Between(a, b));
            }
        }
        if let Some(d) = day(t) {
            return Some(DateSpan::Day(d));
        }
        if let Ok(d) = NaiveDate::parse_from_str(&format!("{t}-01"), "%Y-%m-%d") {
            return Some(DateSpan::Month(d));
        }
        let n = t.strip_suffix('d').unwrap_or(t);
        match n.parse::<u32>() {
            Ok(n @ 1..=36_500) => Some(DateSpan::LastDays(n)),
            _ => None,
        }
    }
}

impl fmt::Display for DateSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateSpan::Day(d) => write!(f, "{}", d.format("%-d %b %Y")),
            DateSpan::Month(d) => write!(f, "{}", d.format("%B %Y")),
            DateSpan::LastDays(n) => write!(f, "last {n} days"),
            DateSpan::All => write!(f, "all time"),
            DateSpan::Between(a, b) => {
                write!(f, "{} – {}", a.format("%-d %b %Y"), b.format("%-d %b %Y"))
            }
        }
    }
}

/// One condition of a filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Condition {
    /// Has this trigger (a bundled id, or a custom name).
    Trigger(TriggerRef),
    /// Written from this perspective.
    Perspective(Perspective),
    /// A rating on the scale within the range, both ends included (entries without a rating on
    /// that scale never match).
    Scale(Scale, u8, u8),
    /// Has this tag.
    Tag(String),
    /// Dated within the span.
    Dates(DateSpan),
    /// Has at least one moment traced.
    HasEpisode,
    /// Has a prediction in this state.
    Predictions(PredictionState),
    /// Holds two versions of something, from a merge of two computers' edits (sync, a
    /// conflict copy, a restore), not yet saved again.
    TwoVersions,
}

/// Which predictions a filter looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::VariantArray)]
pub enum PredictionState {
    /// Not looked back on yet.
    Open,
    /// Looked back on: it happened, at least in part.
    CameTrue,
    /// Looked back on: it did not happen.
    DidNot,
}

impl PredictionState {
    /// Every state, in the order offered (the order declared).
    pub const ALL: &'static [PredictionState] = <PredictionState as strum::VariantArray>::VARIANTS;

    /// In words.
    pub fn label(self) -> &'static str {
        match self {
            PredictionState::Open => "predictions still open",
            PredictionState::CameTrue => "predictions that came true (or partly)",
            PredictionState::DidNot => "predictions that did not come true",
        }
    }

    /// Whether `p` is in this state.
    pub fn holds(self, p: &crate::journal::Prediction) -> bool {
        use crate::journal::PredictionResult as R;
        match self {
            PredictionState::Open => p.is_open(),
            PredictionState::CameTrue => matches!(p.result(), Some(R::Yes | R::Partly)),
            PredictionState::DidNot => p.result() == Some(R::No),
        }
    }
}

impl Condition {
    /// Whether the entry meets it.
    pub fn matches(&self, e: &Entry, today: NaiveDate) -> bool {
        match self {
            Condition::Trigger(t) => e.triggers.iter().any(|l| &l.trigger == t),
            Condition::Perspective(p) => e.perspective == Some(*p),
            Condition::Scale(s, lo, hi) => s.of(e).is_some_and(|v| (*lo..=*hi).contains(&v.get())),
            Condition::Tag(tag) => {
                let tag = fold(tag);
                e.tags.iter().any(|t| fold(t) == tag)
            }
            Condition::Dates(span) => span.range(today).contains(&e.date),
            Condition::HasEpisode => e.episodes.iter().any(|ep| !ep.is_empty()),
            Condition::Predictions(state) => e.predictions.iter().any(|p| state.holds(p)),
            Condition::TwoVersions => !e.two_versions.is_empty(),
        }
    }
}

/// A search and any number of conditions; an entry must meet all of them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Words that must all appear in the entry's text.
    pub text: String,
    /// Conditions, in the order they were added.
    pub conditions: Vec<Condition>,
}

impl Filter {
    /// Whether it lets every entry through.
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty() && self.conditions.is_empty()
    }

    /// Adds a condition; one of the same kind for dates, perspective or a scale is replaced (an entry has one of each), while triggers and tags add up.
    pub fn add(&mut self, c: Condition) {
        let same_kind = |old: &Condition| match (old, &c) {
            (Condition::Scale(a, ..), Condition::Scale(b, ..)) => a == b,
            _ => matches!(
                (old, &c),
                (Condition::Dates(_), Condition::Dates(_))
                    | (Condition::Perspective(_), Condition::Perspective(_))
                    | (Condition::Predictions(_), Condition::Predictions(_))
            ),
        };
        self.conditions.retain(|old| !same_kind(old) && *old != c);
        self.conditions.push(c);
    }

    /// Whether an entry meets the filter (`words`: the search, folded).
    pub fn matches(&self, e: &Entry, words: &[String], today: NaiveDate) -> bool {
        self.conditions.iter().all(|c| c.matches(e, today))
            && (words.is_empty() || entry_contains_all(e, words))
    }
}

/// Journals larger than this are searched on two threads.
const PARALLEL_FROM: usize = 20_000;

/// The entries that meet `filter`, newest first (by day, then time), as indices into
/// `entries`; `within` limits the search to an earlier result (for a search that narrows as
/// the person types), and keeps its order.
///
/// Entries as the store reads them are oldest first, so the newest-first list is their order
/// reversed and nothing needs sorting; other lists are sorted. A large journal is searched on
/// two threads, each taking half.
pub fn apply(
    entries: &[Entry],
    filter: &Filter,
    today: NaiveDate,
    within: Option<&[usize]>,
) -> Vec<usize> {
    apply_indexed(entries, &[], false, filter, today, within)
}

/// [`apply`], with the search index of `entries` (their [`Signature`]s, in the same order; see
/// [`signature::index`]): an entry's text is looked at only when its signature says the words
/// may be in it, and a search of single letters is answered by the index alone. An index of
/// another length than `entries` is not used. `in_order`: the caller knows `entries` are in
/// order (by day, time, then id), so that is not checked again (a walk over every entry).
pub fn apply_indexed(
    entries: &[Entry],
    index: &[Signature],
    in_order: bool,
    filter: &Filter,
    today: NaiveDate,
    within: Option<&[usize]>,
) -> Vec<usize> {
    let words = words(&filter.text);
    let wanted = (!words.is_empty() && index.len() == entries.len()).then(|| Wanted::of(&words));
    let keep = |i: usize| {
        let Some(e) = entries.get(i) else {
            return false;
        };
        match wanted.and_then(|w| w.check(&index[i])) {
            Some(false) => false,
            Some(true) => filter.conditions.iter().all(|c| c.matches(e, today)),
            None => filter.matches(e, &words, today),
        }
    };
    let candidates: Vec<usize> = match within {
        Some(previous) => previous.to_vec(),
        None => {
            let mut all: Vec<usize> = (0..entries.len()).rev().collect();
            if !in_order && !entries.is_sorted_by(|a, b| Entry::order(a, b).is_le()) {
                all.sort_by(|&a, &b| Entry::order(&entries[b], &entries[a]));
            }
            all
        }
    };
    if candidates.len() < PARALLEL_FROM {
        return candidates.into_iter().filter(|&i| keep(i)).collect();
    }
    let (first, second) = candidates.split_at(candidates.len() / 2);
    std::thread::scope(|s| {
        let other = s.spawn(|| {
            first
                .iter()
                .copied()
                .filter(|&i| keep(i))
                .collect::<Vec<_>>()
        });
        let mine: Vec<usize> = second.iter().copied().filter(|&i| keep(i)).collect();
        let mut found = other.join().unwrap_or_default();
        found.extend(mine);
        found
    })
}

/// Where the words of a search appear in `text`, as byte ranges into `text` (for
/// highlighting), case-insensitively, in order and not overlapping.
pub fn match_ranges(text: &str, words: &[String]) -> Vec<std::ops::Range<usize>> {
    let mut ranges: Vec<std::ops::Range<usize>> = Vec::new();
    let (folded, from) = fold_mapped(text);
    // The end of the character of `text` at byte `at`.
    let end_of = |at: usize| at + text[at..].chars().next().map_or(0, char::len_utf8);
    for word in words {
        if word.is_empty() {
            continue;
        }
        for (start, hit) in folded.match_indices(word.as_str()) {
            let last = start + hit.len() - 1;
            ranges.push(from[start]..end_of(from[last]));
        }
    }
    ranges.sort_by_key(|r| r.start);
    let mut merged: Vec<std::ops::Range<usize>> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

#[cfg(test)]
mod tests;
