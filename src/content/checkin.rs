//! What the daily check-in asks, for every way of asking it: the lists it offers (feelings,
//! triggers, what a moment's urge, action and repair may be), the questions of its Reflect
//! step, the strategies of its strategy step, the checks on a prediction's day, and what a saved
//! check-in teaches about the person's choices. Pure: the terminal interface's check-in
//! (`tui/screens/checkin/`) and the line-by-line one (`cli/plain/`) both ask this, so the two
//! offer the same things under the same safety rules (see [`super::offer`]).

mod lists;
mod moments;
mod reflect;
mod saved;

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{Catalog, offer};
use crate::journal::draft::{CheckInDraft, FollowUp, pending_follow_ups};
use crate::journal::history::StrategyHistory;
use crate::journal::{Entry, Journal, Preferences};

pub use lists::{
    CUSTOM, OWN_GROUP, TriggerChoice, custom_key, feelings, trigger_choices, trigger_key,
    trigger_ref,
};
pub use moments::{
    NOT_YET, look_back_problem, own_words, question_of_the_day, repair_choices, sign_choices,
};
pub use reflect::{
    Asked, OWN_CYCLE, note_offered, own_cycle_question, reflect_questions, response_for,
};
pub use saved::{hard_day, learned};

/// What a check-in's choices are made from besides the draft: the content, the person's
/// preferences, the journal as read (`None` before it is read, or while it is locked) and
/// the day.
#[derive(Debug, Clone, Copy)]
pub struct Given<'a> {
    /// The bundled content, with the person's own.
    pub catalog: &'a Catalog,
    /// The person's preferences (with `config.toml` laid over them).
    pub prefs: &'a Preferences,
    /// The journal, once read.
    pub journal: Option<&'a Journal>,
    /// The local date.
    pub today: NaiveDate,
}

/// No strategy history (a journal not read).
static NO_HISTORIES: BTreeMap<String, StrategyHistory> = BTreeMap::new();

impl<'a> Given<'a> {
    /// The journal's entries, oldest first (empty until read).
    pub fn entries(&self) -> &'a [Entry] {
        self.journal.map_or(&[], |j| j.entries.as_slice())
    }

    /// The entries of the last [`super::RECENT_DAYS`] days (and any dated later), found by
    /// binary search over the entries in order.
    pub fn recent(&self) -> &'a [Entry] {
        let entries = self.entries();
        let since = self
            .today
            .checked_sub_days(chrono::Days::new(super::RECENT_DAYS))
            .unwrap_or(NaiveDate::MIN);
        &entries[entries.partition_point(|e| e.date < since)..]
    }

    /// What the journal knows of each strategy (empty until read).
    pub fn histories(&self) -> &'a BTreeMap<String, StrategyHistory> {
        self.journal.map_or(&NO_HISTORIES, |j| &*j.histories)
    }

    /// How many other entries the journal holds on the draft's day, for a new check-in (it
    /// will be one more); 0 for an edit.
    pub fn earlier_on_the_day(&self, draft: &CheckInDraft) -> usize {
        if draft.is_edit() {
            return 0;
        }
        self.entries()
            .iter()
            .filter(|e| e.date == draft.date && e.id != draft.id)
            .count()
    }

    /// Strategies planned in earlier entries to follow up in this check-in (those the
    /// library still has; see [`pending_follow_ups`]).
    pub fn follow_ups(&self, draft: &CheckInDraft) -> Vec<FollowUp> {
        pending_follow_ups(
            self.entries(),
            self.today,
            draft.is_edit().then_some(&draft.id),
        )
        .into_iter()
        .filter(|f| self.catalog.strategy(f.strategy.as_str()).is_some())
        .collect()
    }

    /// The strategies the strategy step suggests for `draft`, as ids (see
    /// [`offer::strategies`]): those it plans already, the library's plans, the person's
    /// favourites first, never one of `follow_ups` again.
    pub fn suggestions(&self, draft: &Entry, follow_ups: &[FollowUp]) -> Vec<String> {
        let planned_here: Vec<String> = draft
            .strategies
            .iter()
            .filter(|s| s.planned)
            .map(|s| s.id.to_string())
            .collect();
        let following_up: Vec<String> = follow_ups.iter().map(|f| f.strategy.to_string()).collect();
        offer::strategies(
            self.catalog,
            &offer::trigger_ids(&draft.triggers),
            draft.perspective,
            self.today,
            offer::Wishes {
                planned_here: &planned_here,
                planned_next: &self.prefs.planned_next,
                favourites: &self.prefs.favourites,
                following_up: &following_up,
            },
        )
    }
}

/// "second", "third", … "tenth", then "11th", "12th", "21st", ….
pub fn ordinal(n: usize) -> String {
    const WORDS: [&str; 11] = [
        "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth",
    ];
    if let Some(word) = WORDS.get(n).filter(|w| !w.is_empty()) {
        return (*word).to_owned();
    }
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::ordinal;

    #[test]
    fn counts_are_said_as_ordinals() {
        assert_eq!(ordinal(2), "second");
        assert_eq!(ordinal(7), "seventh");
        assert_eq!(ordinal(11), "11th");
        assert_eq!(ordinal(22), "22nd");
        assert_eq!(ordinal(103), "103rd");
    }
}
