//! After a hard moment: a debrief, and a thought checked.
//!
//! A **debrief** is done alone, once things have calmed down. Its parts follow the "aftermath
//! of a fight" exercise of Gottman's method as the source articles carry its ideas ("identify
//! triggers", "open communication", "own your part"): what I felt, what I saw and needed, what
//! their side might have been (only if it feels safe to think about), what it touched from
//! before, my part if any, one thing to try next time, and one repair phrase to use.
//!
//! A **thought check** is the thought record of cognitive behavioural therapy: the hot thought,
//! how much I believe it (0–100 %), the thinking trap it might be (the toolkit's traps), what
//! fits it and what does not, a kinder and more accurate thought, and how much I believe the
//! first one now.
//!
//! Pure data. Every field may be empty: each part can be skipped. Texts that came from the
//! bundled content (a repair phrase) are kept as they were shown, beside their id, so the
//! entry reads the same forever, as a prompt's text is.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::episode::Likelihood;
use super::values::{Name, TriggerRef};

pub use super::values::Texts;

/// A debrief after a hard moment. Every field may be empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Debrief {
    /// What I felt: feeling words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub felt: Vec<String>,
    /// What I saw and what I needed: my side, in my words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub my_side: String,
    /// What their side might have been (skippable: only if it feels safe to think about).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub their_side: String,
    /// The triggers it touched.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub triggers: Vec<TriggerRef>,
    /// What it touched from before (an old hurt), in my words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub before: String,
    /// My part in it, if any.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub my_part: String,
    /// One thing I would try next time.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub next_time: String,
    /// The repair phrase chosen from the toolkit, by id (none for one in my own words).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repair_id: Option<Name>,
    /// The repair phrase to use, as it was shown or as I wrote it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub repair: String,
    /// Fields this version does not know, kept as they were so a rewrite never drops them.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

impl Debrief {
    /// Whether nothing was filled in.
    pub fn is_empty(&self) -> bool {
        *self == Debrief::default()
    }
}

impl Texts for Debrief {
    fn text_mut(&mut self, i: usize) -> Option<&mut String> {
        [
            &mut self.my_side,
            &mut self.their_side,
            &mut self.before,
            &mut self.my_part,
            &mut self.next_time,
            &mut self.repair,
        ]
        .into_iter()
        .nth(i)
    }
}

impl Debrief {
    /// Its texts, labelled, in the order they are asked (empty ones included).
    pub fn texts(&self) -> [(&'static str, &str); 6] {
        [
            ("My side", &self.my_side),
            ("Their side", &self.their_side),
            ("From before", &self.before),
            ("My part", &self.my_part),
            ("Next time", &self.next_time),
            ("Repair", &self.repair),
        ]
    }
}

/// A thought checked. Every field may be empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThoughtCheck {
    /// The hot thought, in my words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub thought: String,
    /// How much I believed it at first, 0–100 %.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub belief: Option<Likelihood>,
    /// The thinking traps it might be: the toolkit's trap ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub traps: Vec<Name>,
    /// What fits the thought.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub fits: String,
    /// What does not fit it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub does_not_fit: String,
    /// A kinder and more accurate thought.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub kinder: String,
    /// How much I believe the first thought now, 0–100 %.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub belief_after: Option<Likelihood>,
    /// Fields this version does not know, kept as they were so a rewrite never drops them.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

impl ThoughtCheck {
    /// Whether nothing was filled in.
    pub fn is_empty(&self) -> bool {
        *self == ThoughtCheck::default()
    }

    /// How much the belief in the thought changed, in percentage points (negative: it eased),
    /// when both figures were given.
    pub fn change(&self) -> Option<i16> {
        Some(i16::from(self.belief_after?.get()) - i16::from(self.belief?.get()))
    }
}

impl Texts for ThoughtCheck {
    fn text_mut(&mut self, i: usize) -> Option<&mut String> {
        [
            &mut self.thought,
            &mut self.fits,
            &mut self.does_not_fit,
            &mut self.kinder,
        ]
        .into_iter()
        .nth(i)
    }
}

impl ThoughtCheck {
    /// Its texts, labelled, in the order they are asked (empty ones included).
    pub fn texts(&self) -> [(&'static str, &str); 4] {
        [
            ("Thought", &self.thought),
            ("What fits it", &self.fits),
            ("What does not", &self.does_not_fit),
            ("Kinder thought", &self.kinder),
        ]
    }
}

/// The person's cycle in their own words: a line for each step of the map, and the trigger it
/// starts with (offered back as a question on days it is logged). The newest one written is
/// the person's cycle; every one is kept with the entry it was written in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CycleWords {
    /// The trigger it starts with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger: Option<TriggerRef>,
    /// When this happens…
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub starts: String,
    /// …what I do.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub i_do: String,
    /// …and what they may do then.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub they_may: String,
    /// Underneath, I feel…
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub underneath: String,
    /// What I long for is…
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub long_for: String,
    /// What helps me step out of it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub helps: String,
    /// Fields this version does not know, kept as they were so a rewrite never drops them.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

impl CycleWords {
    /// Whether nothing was filled in.
    pub fn is_empty(&self) -> bool {
        *self == CycleWords::default()
    }
}

impl Texts for CycleWords {
    fn text_mut(&mut self, i: usize) -> Option<&mut String> {
        [
            &mut self.starts,
            &mut self.i_do,
            &mut self.they_may,
            &mut self.underneath,
            &mut self.long_for,
            &mut self.helps,
        ]
        .into_iter()
        .nth(i)
    }
}

impl CycleWords {
    /// Its lines, labelled, in the order of the map (empty ones included).
    pub fn texts(&self) -> [(&'static str, &str); 6] {
        [
            ("When", &self.starts),
            ("What I do", &self.i_do),
            ("They may", &self.they_may),
            ("Underneath, I feel", &self.underneath),
            ("What I long for", &self.long_for),
            ("What helps", &self.helps),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_debrief_and_thought_check_write_nothing_and_read_back() {
        assert_eq!(serde_json::to_string(&Debrief::default()).unwrap(), "{}");
        assert_eq!(
            serde_json::to_string(&ThoughtCheck::default()).unwrap(),
            "{}"
        );
        let d: Debrief = serde_json::from_str(
            r#"{"felt":["hurt"],"my_side":"I needed a hug","repair":"Can we start over?","later":1}"#,
        )
        .unwrap();
        assert_eq!(d.felt, vec!["hurt"]);
        assert_eq!(d.extra["later"], 1, "an unknown field is kept");
        let back = serde_json::to_string(&d).unwrap();
        assert_eq!(serde_json::from_str::<Debrief>(&back).unwrap(), d);
    }

    /// Issue 33: a search finds words of a debrief, a thought check and the cycle in the
    /// person's words, and its snippet names which.
    #[test]
    fn search_finds_the_new_records_and_names_them() {
        use crate::journal::query::{Field, best_field, entry_contains_all, words};
        use crate::journal::{Entry, EntryId};
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-01T09:00:00+00:00").unwrap();
        let mut e = Entry::new(EntryId::generate(now, 1), now);
        e.thoughts.push(ThoughtCheck {
            kinder: "He is tired after the night shift".into(),
            ..ThoughtCheck::default()
        });
        e.debriefs.push(Debrief {
            their_side: "Maybe a message from his sister".into(),
            ..Debrief::default()
        });
        e.cycle_words.push(CycleWords {
            long_for: "to feel chosen".into(),
            ..CycleWords::default()
        });
        for (query, field) in [
            ("night shift", Field::Thought),
            ("sister", Field::Debrief),
            ("chosen", Field::Cycle),
        ] {
            let w = words(query);
            assert!(entry_contains_all(&e, &w), "{query}");
            assert_eq!(best_field(&e, &w).map(|(f, ..)| f), Some(field), "{query}");
        }
        assert!(!entry_contains_all(&e, &words("bored")));
    }

    #[test]
    fn a_thought_checks_change_in_belief_needs_both_figures() {
        let pct = |v: i64| Some(Likelihood::try_from(v).unwrap());
        let mut t = ThoughtCheck {
            thought: "They are bored of me".into(),
            belief: pct(80),
            ..ThoughtCheck::default()
        };
        assert_eq!(t.change(), None);
        t.belief_after = pct(35);
        assert_eq!(t.change(), Some(-45));
        assert!(serde_json::from_str::<ThoughtCheck>(r#"{"belief":101}"#).is_err());
    }
}
