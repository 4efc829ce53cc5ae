//! The review of a week: four short answers about a week (what went well, what was hard,
//! what I learned about my pattern, one thing for next week), a record of its own kept with
//! the entry of the day it was written (see `super::week` for the card it is written from).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::values::Texts;

/// The week's review: four short answers, kept with the entry of the day it was written,
/// about the week starting on `week`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekReview {
    /// The first day of the week it looks back on.
    pub week: NaiveDate,
    /// What went well.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub went_well: String,
    /// What was hard.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hard: String,
    /// What I learned about my pattern.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub learned: String,
    /// One thing for next week.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub next: String,
    /// Fields this version does not know, kept as they were so a rewrite never drops them.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

impl WeekReview {
    /// Whether none of its answers has words.
    pub fn is_empty(&self) -> bool {
        self.texts().iter().all(|(_, t)| t.trim().is_empty())
    }

    /// Its answers, labelled, in the order asked (empty ones included).
    pub fn texts(&self) -> [(&'static str, &str); 4] {
        [
            ("What went well", &self.went_well),
            ("What was hard", &self.hard),
            ("What I learned about my pattern", &self.learned),
            ("One thing for next week", &self.next),
        ]
    }
}

impl Texts for WeekReview {
    fn text_mut(&mut self, i: usize) -> Option<&mut String> {
        [
            &mut self.went_well,
            &mut self.hard,
            &mut self.learned,
            &mut self.next,
        ]
        .into_iter()
        .nth(i)
    }
}
