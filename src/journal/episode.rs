//! Episodes and predictions: a moment of the day traced from trigger to repair, and a fear
//! written as a prediction to check against what happened.
//!
//! The chain is the one the source articles describe: something happens, fear or an urge
//! rises (to withdraw, to seek reassurance, to pick a fight), the person acts, the distance
//! grows or shrinks, and sometimes they repair it. A prediction is the thought record's
//! "predicted vs actual" of cognitive behavioural therapy (as in apps such as Quirk): how
//! likely the feared outcome feels (0–100 %) and how bad it would be (1–5), and, on the day
//! chosen to look back, whether it happened and how bad it really was.
//!
//! Pure data and logic. Every field is optional: a moment can be one line.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use strum::VariantArray;

use super::JournalError;
use super::values::{Badness, Name, TriggerRef};

/// How a moment ended between the two people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, VariantArray)]
#[serde(rename_all = "kebab-case")]
pub enum Ending {
    /// Closer than before.
    Closer,
    /// About the same.
    Same,
    /// Further apart.
    FurtherApart,
}

impl Ending {
    /// Every ending, closest first (the order declared).
    pub const ALL: &'static [Ending] = <Ending as VariantArray>::VARIANTS;

    /// In words.
    pub fn label(self) -> &'static str {
        match self {
            Ending::Closer => "closer",
            Ending::Same => "about the same",
            Ending::FurtherApart => "further apart",
        }
    }
}

/// A repair attempt after a moment.
///
/// In a file: `"not-yet"`, `{"strategy": id}`, `{"own": words}`, or both keys at once when the
/// person picked a strategy and also said in their own words what they did (a closer before
/// that does not read the last form: the day file is reported to it as one it cannot read,
/// and left alone, rather than rewritten without the words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Repair {
    /// Not yet.
    NotYet,
    /// A strategy from the library, by id.
    Strategy(Name),
    /// In the person's own words.
    Own(String),
    /// A strategy from the library, and what the person said or did in their own words.
    Both(Name, String),
}

impl Repair {
    /// The strategy tried, if one was picked.
    pub fn strategy(&self) -> Option<&Name> {
        match self {
            Repair::Strategy(id) | Repair::Both(id, _) => Some(id),
            Repair::NotYet | Repair::Own(_) => None,
        }
    }

    /// The repair in the person's own words, if they wrote one.
    pub fn own_words(&self) -> Option<&str> {
        match self {
            Repair::Own(text) | Repair::Both(_, text) => Some(text),
            Repair::NotYet | Repair::Strategy(_) => None,
        }
    }

    /// The repair of a picked strategy (or "not yet", when `not_yet`) and words: both kept;
    /// words given make "not yet" moot. `None` when nothing was said.
    pub fn of(not_yet: bool, strategy: Option<Name>, own: &str) -> Option<Repair> {
        let own = own.trim();
        match (strategy, own.is_empty()) {
            (Some(id), true) => Some(Repair::Strategy(id)),
            (Some(id), false) => Some(Repair::Both(id, own.to_owned())),
            (None, false) => Some(Repair::Own(own.to_owned())),
            (None, true) => not_yet.then_some(Repair::NotYet),
        }
    }
}

/// A repair as it is written in a file.
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum RepairJson {
    Word(String),
    Parts {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        strategy: Option<Name>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        own: Option<String>,
    },
}

impl Serialize for Repair {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Repair::NotYet => RepairJson::Word("not-yet".to_owned()),
            _ => RepairJson::Parts {
                strategy: self.strategy().cloned(),
                own: self.own_words().map(str::to_owned),
            },
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Repair {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let what = || {
            D::Error::custom(
                "a repair is \"not-yet\", {\"strategy\": …}, {\"own\": …} or both of the last two",
            )
        };
        match RepairJson::deserialize(d).map_err(|_| what())? {
            RepairJson::Word(w) if w == "not-yet" => Ok(Repair::NotYet),
            RepairJson::Word(_) => Err(what()),
            RepairJson::Parts { strategy, own } => match (strategy, own) {
                (Some(id), Some(own)) => Ok(Repair::Both(id, own)),
                (Some(id), None) => Ok(Repair::Strategy(id)),
                (None, Some(own)) => Ok(Repair::Own(own)),
                (None, None) => Err(what()),
            },
        }
    }
}

/// One moment of the day, from what happened to how it ended. Every field may be empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Episode {
    /// What happened, in a line.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub what: String,
    /// The triggers it belongs to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub triggers: Vec<TriggerRef>,
    /// The urges felt: ids from the urge vocabulary, or the person's own words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub urges: Vec<String>,
    /// What the person did: sign ids, or their own words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub did: Vec<String>,
    /// What happened next.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub next: String,
    /// A repair attempt, if the person said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repair: Option<Repair>,
    /// How it ended, if the person said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<Ending>,
    /// Fields this version does not know, kept as they were so a rewrite never drops them.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

impl Episode {
    /// Whether nothing was filled in.
    pub fn is_empty(&self) -> bool {
        *self == Episode::default()
    }

    /// Whether a repair was tried (a strategy or the person's own words; "not yet" is not).
    pub fn repaired(&self) -> bool {
        matches!(
            self.repair,
            Some(Repair::Strategy(_) | Repair::Own(_) | Repair::Both(..))
        )
    }
}

/// How likely a feared outcome feels, 0–100 %.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "u8")]
pub struct Likelihood(u8);

impl Likelihood {
    /// The percentage, 0..=100.
    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<i64> for Likelihood {
    type Error = JournalError;
    fn try_from(value: i64) -> Result<Self, Self::Error> {
        match u8::try_from(value) {
            Ok(v @ 0..=100) => Ok(Likelihood(v)),
            _ => Err(JournalError::OutOfRange {
                what: "likelihood (0–100 %)",
                value,
            }),
        }
    }
}

impl From<Likelihood> for u8 {
    fn from(value: Likelihood) -> u8 {
        value.0
    }
}

/// Whether a feared outcome happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PredictionResult {
    /// It happened.
    Yes,
    /// Some of it happened.
    Partly,
    /// It did not happen.
    No,
    /// Closed without an answer.
    Dropped,
}

impl PredictionResult {
    /// The answers a person gives, in order.
    pub const ANSWERS: [PredictionResult; 3] = [
        PredictionResult::Yes,
        PredictionResult::Partly,
        PredictionResult::No,
    ];

    /// In words.
    pub fn label(self) -> &'static str {
        match self {
            PredictionResult::Yes => "it happened",
            PredictionResult::Partly => "partly",
            PredictionResult::No => "it did not happen",
            PredictionResult::Dropped => "dropped",
        }
    }
}

/// What came of a prediction, on the day the person looked back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PredictionOutcome {
    /// The day they answered (or dropped it).
    pub on: NaiveDate,
    /// Whether it happened.
    pub result: PredictionResult,
    /// How bad it really was, when it happened at least in part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub badness: Option<Badness>,
    /// What happened instead, in a line.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub instead: String,
    /// Fields this version does not know, kept as they were so a rewrite never drops them.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// A fear written as a prediction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prediction {
    /// What the person fears will happen, in their words.
    pub fear: String,
    /// How likely it feels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub likelihood: Option<Likelihood>,
    /// How bad it would be.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub badness: Option<Badness>,
    /// The day to look back on it.
    pub look_back: NaiveDate,
    /// What came of it; none while it is open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<PredictionOutcome>,
    /// The step of a ladder it was made for, if it was (schema 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<StepOf>,
    /// Fields this version does not know, kept as they were so a rewrite never drops them.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

impl Prediction {
    /// Whether it is still open (not answered, not dropped).
    pub fn is_open(&self) -> bool {
        self.outcome.is_none()
    }

    /// Whether it is open and its day has come on `today`.
    pub fn is_due(&self, today: NaiveDate) -> bool {
        self.is_open() && self.look_back <= today
    }

    /// Its result, once answered (a dropped one has none).
    pub fn result(&self) -> Option<PredictionResult> {
        self.outcome
            .as_ref()
            .map(|o| o.result)
            .filter(|r| *r != PredictionResult::Dropped)
    }
}

/// A prediction made for a step of a ladder (see `super::turning::Ladder`): which ladder, and the step as it read then.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepOf {
    /// The ladder's id.
    pub ladder: String,
    /// The step's text when it was done (a step is matched by its words, so a ladder whose
    /// steps are moved or added to still knows which are done).
    pub step: String,
    /// Fields this version does not know, kept as they were so a rewrite never drops them.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// When to look back, as offered: tomorrow, in 3 days, in a week, or a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LookBack {
    /// The day after.
    Tomorrow,
    /// Three days on.
    InThreeDays,
    /// A week on.
    InAWeek,
    /// A chosen day.
    On(NaiveDate),
}

impl LookBack {
    /// The day, counted from `made_on` (a chosen day before tomorrow becomes tomorrow: a
    /// prediction is about what has not happened yet).
    pub fn day(self, made_on: NaiveDate) -> NaiveDate {
        let after = |n: u64| made_on.checked_add_days(Days::new(n)).unwrap_or(made_on);
        match self {
            LookBack::Tomorrow => after(1),
            LookBack::InThreeDays => after(3),
            LookBack::InAWeek => after(7),
            LookBack::On(day) => day.max(after(1)),
        }
    }
}

/// Keeps, in `drafted` (the predictions of an entry being edited), what came of each one as
/// `stored` (the entry as saved now) has it: a prediction answered from review while an edit
/// of its entry stood open must not lose its answer when the edit is saved. Matched by place
/// and look-back day; a prediction the edit answered itself keeps its own answer.
pub fn keep_outcomes(drafted: &mut [Prediction], stored: &[Prediction]) {
    for (mine, theirs) in drafted.iter_mut().zip(stored) {
        if mine.outcome.is_none() && theirs.outcome.is_some() && mine.look_back == theirs.look_back
        {
            mine.outcome.clone_from(&theirs.outcome);
        }
    }
}

#[cfg(test)]
mod tests;
