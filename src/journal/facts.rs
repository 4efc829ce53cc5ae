//! An entry described once: the parts it holds, in the order a person reads them.
//!
//! Every reader that shows an entry — the entry view (review's detail and the check-in's
//! summary), the Markdown and CSV exports, the report's words, the search and its snippets —
//! walks [`facts`] and matches each [`Fact`] with no wildcard arm, so a new part of an entry is
//! one variant here and one line in [`facts`], and the compiler names every reader that must
//! show it. Names of bundled triggers, signs and strategies are the catalog's, so a reader
//! resolves them; this module stays pure and knows no content.

use chrono::NaiveDate;

use super::debrief::{CycleWords, Debrief, ThoughtCheck};
use super::entry::{Entry, Response, StrategyUse, TriggerLog};
use super::episode::{Episode, Prediction};
use super::scale::Scale;
use super::turning::{Bid, Ladder, TimeOut};
use super::values::{Name, Perspective, Rating};
use super::week_review::WeekReview;

/// One part of an entry. Parts nobody filled in are given too (empty, or `None`), so a reader
/// that shows what was skipped (the check-in's summary) can.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fact<'a> {
    /// The day it was written on, when the person wrote it later, for an earlier day.
    WrittenLater(Option<NaiveDate>),
    /// The side the person wrote from.
    Perspective(Option<Perspective>),
    /// A rating on one of the 1–5 scales, once for each scale in [`Scale::ALL`]'s order.
    Scale(Scale, Option<Rating>),
    /// The feelings named.
    Feelings(&'a [String]),
    /// The triggers felt, each with its intensity and note.
    Triggers(&'a [TriggerLog]),
    /// The signs noticed (sign ids, or the person's own words).
    Signs(&'a [Name]),
    /// The guided prompts as asked, with the answers (an answer may be empty).
    Answers(&'a [Response]),
    /// The moments traced.
    Moments(&'a [Episode]),
    /// The thoughts checked.
    Thoughts(&'a [ThoughtCheck]),
    /// The debriefs after a hard moment.
    Debriefs(&'a [Debrief]),
    /// The person's cycle, in their own words.
    CycleWords(&'a [CycleWords]),
    /// The bids for connection and the appreciations.
    Bids(&'a [Bid]),
    /// The time-outs, with the promise to come back.
    TimeOuts(&'a [TimeOut]),
    /// The ladders of small brave steps written.
    Ladders(&'a [Ladder]),
    /// The reviews of a week written.
    WeekReviews(&'a [WeekReview]),
    /// The fears written as predictions.
    Predictions(&'a [Prediction]),
    /// The strategies planned or tried.
    Strategies(&'a [StrategyUse]),
    /// The free notes.
    Notes(&'a str),
    /// The tags.
    Tags(&'a [String]),
}

/// Every part of `e`, in reading order: when it was written (if later than its day),
/// perspective, the scales, feelings, triggers, signs,
/// answers, moments, thoughts checked, debriefs, the cycle in the person's words, bids and
/// appreciations, time-outs, ladders, week reviews, predictions, strategies, notes, tags.
pub fn facts(e: &Entry) -> impl Iterator<Item = Fact<'_>> {
    let scales = Scale::ALL.iter().map(|&s| Fact::Scale(s, s.of(e)));
    [
        Fact::WrittenLater(e.written_on),
        Fact::Perspective(e.perspective),
    ]
    .into_iter()
    .chain(scales)
    .chain([
        Fact::Feelings(&e.emotions),
        Fact::Triggers(&e.triggers),
        Fact::Signs(&e.behaviours),
        Fact::Answers(&e.responses),
        Fact::Moments(&e.episodes),
        Fact::Thoughts(&e.thoughts),
        Fact::Debriefs(&e.debriefs),
        Fact::CycleWords(&e.cycle_words),
        Fact::Bids(&e.bids),
        Fact::TimeOuts(&e.time_outs),
        Fact::Ladders(&e.ladders),
        Fact::WeekReviews(&e.week_reviews),
        Fact::Predictions(&e.predictions),
        Fact::Strategies(&e.strategies),
        Fact::Notes(&e.notes),
        Fact::Tags(&e.tags),
    ])
}

impl Fact<'_> {
    /// Whether nothing was given for it (an answer left blank counts as nothing).
    pub fn is_empty(&self) -> bool {
        match self {
            Fact::WrittenLater(d) => d.is_none(),
            Fact::Perspective(p) => p.is_none(),
            Fact::Scale(_, v) => v.is_none(),
            Fact::Feelings(x) | Fact::Tags(x) => x.is_empty(),
            Fact::Triggers(x) => x.is_empty(),
            Fact::Signs(x) => x.is_empty(),
            Fact::Answers(x) => x.iter().all(|r| r.answer.trim().is_empty()),
            Fact::Moments(x) => x.is_empty(),
            Fact::Thoughts(x) => x.iter().all(ThoughtCheck::is_empty),
            Fact::Debriefs(x) => x.iter().all(Debrief::is_empty),
            Fact::CycleWords(x) => x.iter().all(CycleWords::is_empty),
            Fact::Bids(x) => x.iter().all(Bid::is_empty),
            Fact::TimeOuts(x) => x.is_empty(),
            Fact::Ladders(x) => x.iter().all(Ladder::is_empty),
            Fact::WeekReviews(x) => x.iter().all(WeekReview::is_empty),
            Fact::Predictions(x) => x.is_empty(),
            Fact::Strategies(x) => x.is_empty(),
            Fact::Notes(x) => x.trim().is_empty(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::EntryId;

    #[test]
    fn every_part_of_an_entry_is_a_fact_in_reading_order() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-03-01T09:00:00+00:00").unwrap();
        let mut e = Entry::new(EntryId::try_from("e1").unwrap(), now);
        assert!(facts(&e).all(|f| f.is_empty()), "a new entry holds nothing");
        e.mood = Some(crate::journal::Mood::try_from(2u8).unwrap());
        e.notes = "a note".into();
        let given: Vec<Fact<'_>> = facts(&e).filter(|f| !f.is_empty()).collect();
        assert_eq!(
            given,
            vec![
                Fact::Scale(Scale::Mood, e.mood.map(Rating::from)),
                Fact::Notes("a note")
            ]
        );
        // Each scale once, after the perspective and before the feelings.
        let kinds: Vec<String> = facts(&e)
            .map(|f| format!("{f:?}").split('(').next().unwrap_or("").to_owned())
            .collect();
        assert_eq!(kinds[0], "WrittenLater");
        assert_eq!(kinds[1], "Perspective");
        assert_eq!(kinds[2..=Scale::COUNT + 1], vec!["Scale"; Scale::COUNT]);
        assert_eq!(kinds[Scale::COUNT + 2], "Feelings");
        assert_eq!(kinds.len(), Scale::COUNT + 18);
        // Written later, for an earlier day: the first fact, given.
        e.written_on = Some(chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
        assert_eq!(
            facts(&e).find(|f| !f.is_empty()),
            Some(Fact::WrittenLater(e.written_on))
        );
    }
}
