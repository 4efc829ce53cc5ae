//! One check-in: the entry and what it is made of.
//!
//! Every value that has a valid range is a newtype checked when it is built or deserialised, so
//! an `Entry` in memory is always well formed. Any step of a check-in may be skipped, so every
//! field but `id`, `date` and the times is optional or may be empty.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
pub use thin_vec::{ThinVec, thin_vec};

pub use super::scale::{Closeness, Mood, Scale};
pub use super::values::{
    Badness, EntryId, Helpfulness, Intensity, Name, Perspective, Rating, TriggerRef,
};

/// A trigger logged in a check-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TriggerLog {
    /// Which trigger.
    #[serde(flatten)]
    pub trigger: TriggerRef,
    /// How strongly it was felt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intensity: Option<Intensity>,
    /// A note about it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Fields this version does not know, kept as they were so a rewrite never drops them.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// A guided prompt as it was asked, and what the person wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    /// The bundled prompt's id, when it came from the bundled set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_id: Option<Name>,
    /// The prompt's text exactly as it was shown, so the entry reads the same forever. Shared
    /// between the entries that asked the same question.
    #[serde(deserialize_with = "shared_text")]
    pub prompt: Arc<str>,
    /// The answer.
    #[serde(default)]
    pub answer: String,
    /// Fields this version does not know, kept as they were so a rewrite never drops them.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// A strategy planned or tried in a check-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StrategyUse {
    /// The bundled strategy's id.
    pub id: Name,
    /// "I'll try this."
    #[serde(default)]
    pub planned: bool,
    /// Whether it was tried; `None` when not yet known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tried: Option<bool>,
    /// How helpful it was, when tried.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helpfulness: Option<Helpfulness>,
    /// Fields this version does not know, kept as they were so a rewrite never drops them.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// What became of a strategy in an entry, as the entry view and the exports word it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Tried, rated or not.
    Tried(Option<Helpfulness>),
    /// Said not to have been tried.
    NotTried,
    /// Planned, not yet known whether tried.
    Planned,
    /// Neither planned nor known to be tried.
    Mentioned,
}

impl StrategyUse {
    /// What became of it: a known try (or none) first, then the plan.
    pub fn outcome(&self) -> Outcome {
        match (self.planned, self.tried) {
            (_, Some(true)) => Outcome::Tried(self.helpfulness),
            (_, Some(false)) => Outcome::NotTried,
            (true, None) => Outcome::Planned,
            (false, None) => Outcome::Mentioned,
        }
    }
}

thread_local! {
    /// Prompt texts read so far: most entries ask one of a few dozen questions. Hashed with
    /// foldhash, not SipHash: every entry read looks up each of its prompts here.
    static PROMPTS: RefCell<HashSet<Arc<str>, foldhash::fast::RandomState>> =
        RefCell::new(HashSet::default());
}

/// Reads a text, sharing it with an equal one read before. The text is looked up as the
/// reader gives it (borrowed from the file, or from its buffer when it has escapes): only a
/// text not read before is copied.
fn shared_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Arc<str>, D::Error> {
    struct Shared;
    impl serde::de::Visitor<'_> for Shared {
        type Value = Arc<str>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a string")
        }
        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Arc<str>, E> {
            Ok(PROMPTS.with(|seen| {
                let mut seen = seen.borrow_mut();
                if let Some(shared) = seen.get(text) {
                    return Arc::clone(shared);
                }
                let shared: Arc<str> = Arc::from(text);
                seen.insert(Arc::clone(&shared));
                shared
            }))
        }
    }
    d.deserialize_str(Shared)
}

/// One check-in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Stable and unique.
    pub id: EntryId,
    /// When it was first saved, local time with offset.
    pub created_at: DateTime<FixedOffset>,
    /// When it was last saved.
    pub updated_at: DateTime<FixedOffset>,
    /// The local day it belongs to.
    pub date: NaiveDate,
    /// The day it was written on, when that is after its own day: the person wrote it later,
    /// for an earlier day (schema 6). `None`: written on its day (or before this was kept).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written_on: Option<NaiveDate>,
    /// The perspective it was written from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub perspective: Option<Perspective>,
    /// How the person felt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mood: Option<Mood>,
    /// How close to the partner they felt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closeness: Option<Closeness>,
    /// Emotion words.
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    pub emotions: ThinVec<String>,
    /// Triggers felt.
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    pub triggers: ThinVec<TriggerLog>,
    /// Sign/behaviour ids noticed.
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    pub behaviours: ThinVec<Name>,
    /// Prompts answered.
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    pub responses: ThinVec<Response>,
    /// Strategies planned or tried.
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    pub strategies: ThinVec<StrategyUse>,
    /// Free notes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Tags.
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    pub tags: ThinVec<String>,
    /// Moments of the day traced from trigger to repair (schema 2).
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    pub episodes: ThinVec<super::episode::Episode>,
    /// Fears written as predictions, to look back on (schema 2).
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    pub predictions: ThinVec<super::episode::Prediction>,
    /// Debriefs after a hard moment (schema 4).
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    pub debriefs: ThinVec<super::debrief::Debrief>,
    /// Thoughts checked (schema 4).
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    pub thoughts: ThinVec<super::debrief::ThoughtCheck>,
    /// The person's cycle in their own words, as written that day (schema 4).
    #[serde(default, rename = "cycle", skip_serializing_if = "ThinVec::is_empty")]
    pub cycle_words: ThinVec<super::debrief::CycleWords>,
    /// Bids for connection and appreciations (schema 5).
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    pub bids: ThinVec<super::turning::Bid>,
    /// Time-outs taken or waited through, with the promise to come back (schema 5).
    #[serde(
        default,
        rename = "time_outs",
        skip_serializing_if = "ThinVec::is_empty"
    )]
    pub time_outs: ThinVec<super::turning::TimeOut>,
    /// Ladders of small brave steps, as written that day (schema 5).
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    pub ladders: ThinVec<super::turning::Ladder>,
    /// Reviews of a week, written that day (schema 5).
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    pub week_reviews: ThinVec<super::week_review::WeekReview>,
    /// What a merge of two computers' versions kept twice, or could keep only once, in words
    /// ("notes", "mood: this computer's kept, the other had 4"); see [`super::merge`]. Empty
    /// once the person saves the entry again (they have seen both and chosen).
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    pub two_versions: ThinVec<String>,
    /// Fields this version does not know, kept as they were so a rewrite never drops them.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

impl Entry {
    /// The order entries are kept in everywhere (the store's reads, the session, review): by
    /// day, then time of writing, then id. One function, because review trusts a list kept
    /// in this order without checking it again.
    pub fn order(a: &Entry, b: &Entry) -> std::cmp::Ordering {
        (a.date, a.created_at, &a.id).cmp(&(b.date, b.created_at, &b.id))
    }

    /// Gives back the room its lists were read into and do not use: a list read from JSON is
    /// grown as it is read (room for four items when it holds one), which made a journal in
    /// memory a third larger than its files. (Text read from JSON has no spare room.) Every
    /// list of an entry is named here, so that a new one cannot be forgotten (issue 38: the
    /// lists of schemas 4 and 5 were, 15 MB at 100,000 entries).
    pub fn shrink_to_fit(&mut self) {
        let Entry {
            id: _,
            created_at: _,
            written_on: _,
            updated_at: _,
            date: _,
            perspective: _,
            mood: _,
            closeness: _,
            emotions,
            triggers,
            behaviours,
            responses,
            strategies,
            notes: _,
            tags,
            episodes,
            predictions,
            debriefs,
            thoughts,
            cycle_words,
            bids,
            time_outs,
            ladders,
            week_reviews,
            two_versions,
            extra: _,
        } = self;
        emotions.shrink_to_fit();
        triggers.shrink_to_fit();
        behaviours.shrink_to_fit();
        responses.shrink_to_fit();
        strategies.shrink_to_fit();
        tags.shrink_to_fit();
        episodes.shrink_to_fit();
        for ep in episodes {
            ep.triggers.shrink_to_fit();
            ep.urges.shrink_to_fit();
            ep.did.shrink_to_fit();
        }
        predictions.shrink_to_fit();
        debriefs.shrink_to_fit();
        for d in debriefs {
            d.felt.shrink_to_fit();
            d.triggers.shrink_to_fit();
        }
        thoughts.shrink_to_fit();
        for t in thoughts {
            t.traps.shrink_to_fit();
        }
        cycle_words.shrink_to_fit();
        bids.shrink_to_fit();
        time_outs.shrink_to_fit();
        ladders.shrink_to_fit();
        for l in ladders {
            l.steps.shrink_to_fit();
        }
        week_reviews.shrink_to_fit();
        two_versions.shrink_to_fit();
    }

    /// Whether it holds anything a closer before schema 2 would not know (episodes or
    /// predictions): its day file then carries schema 2, so an older closer leaves it alone.
    pub fn needs_schema_2(&self) -> bool {
        !self.episodes.is_empty() || !self.predictions.is_empty()
    }

    /// The schema its file must carry, so an older closer leaves what it cannot read whole
    /// alone ("written by a newer closer"): 6 when it was written later, for an earlier day
    /// (`written_on`); 5 when it holds a bid, a time-out, a ladder, a
    /// prediction of a ladder's step or a week's review; 4 when it holds a debrief, a thought check or the cycle
    /// in the person's words; 3 when a moment's repair holds both a strategy and the person's
    /// own words; 2 when it holds moments or predictions; else 1.
    pub fn schema(&self) -> u32 {
        let both = self
            .episodes
            .iter()
            .any(|e| matches!(e.repair, Some(super::episode::Repair::Both(..))));
        let turning = !self.bids.is_empty()
            || !self.time_outs.is_empty()
            || !self.ladders.is_empty()
            || !self.week_reviews.is_empty()
            || self.predictions.iter().any(|p| p.step.is_some());
        if self.written_on.is_some() {
            6
        } else if turning {
            5
        } else if !self.debriefs.is_empty()
            || !self.thoughts.is_empty()
            || !self.cycle_words.is_empty()
        {
            4
        } else if both {
            3
        } else if self.needs_schema_2() {
            2
        } else {
            1
        }
    }

    /// A new, empty entry created at `now` for the local day `now` falls on.
    pub fn new(id: EntryId, now: DateTime<FixedOffset>) -> Entry {
        Entry {
            id,
            created_at: now,
            updated_at: now,
            date: now.date_naive(),
            written_on: None,
            perspective: None,
            mood: None,
            closeness: None,
            emotions: ThinVec::new(),
            triggers: ThinVec::new(),
            behaviours: ThinVec::new(),
            responses: ThinVec::new(),
            strategies: ThinVec::new(),
            notes: String::new(),
            tags: ThinVec::new(),
            episodes: ThinVec::new(),
            predictions: ThinVec::new(),
            debriefs: ThinVec::new(),
            thoughts: ThinVec::new(),
            cycle_words: ThinVec::new(),
            bids: ThinVec::new(),
            time_outs: ThinVec::new(),
            ladders: ThinVec::new(),
            week_reviews: ThinVec::new(),
            two_versions: ThinVec::new(),
            extra: BTreeMap::new(),
        }
    }
}

impl Scale {
    /// The entry's rating on this scale, if it gave one.
    pub fn of(self, e: &Entry) -> Option<Rating> {
        match self {
            Scale::Mood => e.mood.map(Rating::from),
            Scale::Closeness => e.closeness.map(Rating::from),
        }
    }

    /// Sets (or, with `None`, clears) the entry's rating on this scale.
    pub fn set(self, e: &mut Entry, value: Option<Rating>) {
        match self {
            Scale::Mood => e.mood = value.map(From::from),
            Scale::Closeness => e.closeness = value.map(From::from),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::JournalError;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn an_entry_keeps_each_list_in_one_pointer() {
        // 16 lists of 8 bytes, not a Vec's 24: most entries leave most lists empty (issue 38,
        // 504 bytes an entry before; benches/memory.rs says where the rest of the memory goes).
        assert_eq!(std::mem::size_of::<ThinVec<TriggerLog>>(), 8);
        assert!(
            std::mem::size_of::<Entry>() <= 256,
            "an entry takes {} bytes",
            std::mem::size_of::<Entry>()
        );
    }

    fn full_entry() -> Entry {
        let mut e = Entry::new(
            EntryId::generate(at("2026-11-22T23:30:00+01:00"), 7),
            at("2026-11-22T23:30:00+01:00"),
        );
        e.perspective = Some(Perspective::IPullAway);
        e.mood = Some(Mood::try_from(2u8).unwrap());
        e.closeness = Some(Closeness::try_from(4u8).unwrap());
        e.emotions = thin_vec!["lonely".into(), "hopeful".into()];
        e.triggers = thin_vec![
            TriggerLog {
                trigger: TriggerRef::Id(Name::try_from("fear-of-intimacy").unwrap()),
                intensity: Some(Intensity::try_from(3u8).unwrap()),
                note: "after the call".into(),
                extra: Default::default(),
            },
            TriggerLog {
                trigger: TriggerRef::Custom(Name::try_from("my sister's visit").unwrap()),
                intensity: None,
                note: String::new(),
                extra: Default::default(),
            },
        ];
        e.responses = thin_vec![Response {
            prompt_id: Some(Name::try_from("foi-1").unwrap()),
            prompt: "What felt risky?".into(),
            answer: "Saying \"I miss you\" first.\nStill scary.".into(),
            extra: Default::default(),
        }];
        e.strategies = thin_vec![StrategyUse {
            id: Name::try_from("active-listening").unwrap(),
            planned: true,
            tried: Some(true),
            helpfulness: Some(Helpfulness::try_from(5u8).unwrap()),
            extra: Default::default(),
        }];
        e.notes = "ünïcödé ✓ and emoji 🌱".into();
        e.tags = thin_vec!["work".into()];
        e
    }

    #[test]
    fn entry_round_trips_through_json() {
        let e = full_entry();
        let json = serde_json::to_string_pretty(&e).unwrap();
        let back: Entry = serde_json::from_str(&json).unwrap();
        assert_eq!(back, e);
        assert!(json.contains("\"id\": \"fear-of-intimacy\""), "{json}");
        assert!(json.contains("\"custom\": \"my sister's visit\""), "{json}");
    }

    #[test]
    fn date_is_the_local_day_of_creation() {
        let e = Entry::new(
            EntryId::try_from("x".to_owned()).unwrap(),
            at("2026-11-22T23:59:59-08:00"),
        );
        assert_eq!(e.date, NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
    }

    #[test]
    fn scales_accept_only_one_to_five() {
        for v in 1..=5u8 {
            assert_eq!(Mood::try_from(v).unwrap().get(), v);
        }
        for v in [0i64, 6, -1, 256, i64::MAX] {
            assert_eq!(
                Mood::try_from(v),
                Err(JournalError::OutOfRange {
                    what: "mood",
                    value: v
                })
            );
        }
    }

    #[test]
    fn out_of_range_values_are_rejected_when_reading() {
        let mut v = serde_json::to_value(full_entry()).unwrap();
        v["mood"] = 6.into();
        let err = serde_json::from_value::<Entry>(v).unwrap_err().to_string();
        assert!(err.contains("mood must be between 1 and 5, not 6"), "{err}");

        let mut v = serde_json::to_value(full_entry()).unwrap();
        v["triggers"][0]["intensity"] = 0.into();
        assert!(serde_json::from_value::<Entry>(v).is_err());

        let mut v = serde_json::to_value(full_entry()).unwrap();
        v["closeness"] = "4".into();
        assert!(serde_json::from_value::<Entry>(v).is_err());
    }

    #[test]
    fn empty_ids_are_rejected() {
        let mut v = serde_json::to_value(full_entry()).unwrap();
        v["id"] = "  ".into();
        let err = serde_json::from_value::<Entry>(v).unwrap_err().to_string();
        assert!(err.contains("entry id must not be empty"), "{err}");

        let mut v = serde_json::to_value(full_entry()).unwrap();
        v["strategies"][0]["id"] = "".into();
        assert!(serde_json::from_value::<Entry>(v).is_err());
    }

    #[test]
    fn an_imported_entry_needs_only_id_date_and_times() {
        let json = r#"{"id":"a","created_at":"2020-01-02T03:04:05+00:00",
            "updated_at":"2020-01-02T03:04:05+00:00","date":"2020-01-02","notes":"hi"}"#;
        let e: Entry = serde_json::from_str(json).unwrap();
        assert_eq!(e.mood, None);
        assert_eq!(e.notes, "hi");
    }

    #[test]
    fn unknown_fields_survive_a_round_trip() {
        let json = r#"{"id":"a","created_at":"2020-01-02T03:04:05+00:00",
            "updated_at":"2020-01-02T03:04:05+00:00","date":"2020-01-02",
            "future_field":{"x":[1,2]}}"#;
        let e: Entry = serde_json::from_str(json).unwrap();
        let back = serde_json::to_value(&e).unwrap();
        assert_eq!(back["future_field"]["x"][1], 2);
    }

    #[test]
    fn unknown_fields_inside_an_entry_survive_a_round_trip() {
        // A trigger holds two flattened parts (which trigger, and what is not known): both must
        // come back, and the trigger's own key must not end up among the unknown fields.
        let json = r#"{"id":"a","created_at":"2020-01-02T03:04:05+00:00",
            "updated_at":"2020-01-02T03:04:05+00:00","date":"2020-01-02",
            "triggers":[{"id":"fear-of-intimacy","intensity":3,"felt_where":"chest"},
                        {"custom":"the call","later":{"x":1}}],
            "responses":[{"prompt":"Why?","answer":"because","voice":"memo.ogg"}],
            "strategies":[{"id":"pause","planned":true,"reminder":"20:00"}]}"#;
        let e: Entry = serde_json::from_str(json).unwrap();
        assert_eq!(
            e.triggers[0].trigger,
            TriggerRef::Id(Name::try_from("fear-of-intimacy").unwrap())
        );
        assert_eq!(e.triggers[0].intensity.map(Intensity::get), Some(3));
        assert_eq!(
            e.triggers[0].extra.keys().collect::<Vec<_>>(),
            ["felt_where"]
        );
        assert_eq!(
            e.triggers[1].trigger,
            TriggerRef::Custom(Name::try_from("the call").unwrap())
        );
        assert_eq!(e.triggers[1].extra.keys().collect::<Vec<_>>(), ["later"]);
        assert_eq!(e.responses[0].extra["voice"], "memo.ogg");
        assert_eq!(e.strategies[0].extra["reminder"], "20:00");
        let back = serde_json::to_value(&e).unwrap();
        assert_eq!(back["triggers"][0]["felt_where"], "chest");
        assert_eq!(back["triggers"][0]["id"], "fear-of-intimacy");
        assert_eq!(back["triggers"][1]["later"]["x"], 1);
        assert_eq!(back["responses"][0]["voice"], "memo.ogg");
        assert_eq!(back["strategies"][0]["reminder"], "20:00");
        assert_eq!(serde_json::from_value::<Entry>(back).unwrap(), e);

        // A trigger that names none is still refused, unknown fields or not.
        let none = r#"{"intensity":3,"felt_where":"chest"}"#;
        assert!(serde_json::from_str::<TriggerLog>(none).is_err());
    }

    #[test]
    fn labels_match_values() {
        assert_eq!(
            super::super::Scale::Mood.word(Mood::try_from(1u8).unwrap().into()),
            "very low"
        );
        assert_eq!(
            super::super::Scale::Closeness.word(Closeness::try_from(5u8).unwrap().into()),
            "very close"
        );
        assert_eq!(
            Perspective::from_id("partner-pulls-away"),
            Some(Perspective::PartnerPullsAway)
        );
        assert_eq!(Perspective::from_id("nope"), None);
    }

    #[test]
    fn every_scale_reads_and_writes_its_own_field() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-03-01T09:00:00+00:00").unwrap();
        let mut e = Entry::new(EntryId::try_from("e1").unwrap(), now);
        for (i, s) in Scale::ALL.iter().enumerate() {
            let v = Rating::try_from(u8::try_from(i + 1).unwrap()).unwrap();
            s.set(&mut e, Some(v));
            assert_eq!(s.of(&e), Some(v));
            assert_eq!(Scale::from_id(s.id()), Some(*s));
        }
        // Each field holds its own value: setting one did not change another.
        assert_eq!(e.mood.map(|v| v.get()), Some(1));
        assert_eq!(e.closeness.map(|v| v.get()), Some(2));
        // The ids are the entry's field names in files.
        let json = serde_json::to_value(&e).unwrap();
        for s in Scale::ALL {
            assert!(json.get(s.id()).is_some(), "{}", s.id());
        }
        Scale::Mood.set(&mut e, None);
        assert_eq!(e.mood, None);
    }
}
