//! Turning toward: bids and appreciations, a time-out with a promise to come back, and a
//! ladder of small brave steps.
//!
//! A **bid** is a small reach for connection (a comment, a question, a touch). Gottman's
//! research, which couples therapists cite most, found that couples still together years
//! later had turned toward each other's bids far more often than couples who parted; the
//! source articles' own strategies ("be present and engaged", "let closeness build slowly")
//! are the same small acts, repeated. A bid is logged as noticed from the partner (and how
//! the person turned: toward, away or against), made by the person (and how it landed), or
//! as an appreciation (of the partner, or of oneself).
//!
//! A **time-out** is an announced break instead of going silent: when the person will come
//! back to the talk, what they will do until then, and afterwards whether they went back to
//! it. For the one whose partner asked for the break, it is "what I'll do until then".
//!
//! A **ladder** is the graded exposure of cognitive behavioural therapy applied to a fear of
//! closeness ("gradual vulnerability" in the articles): steps from easiest to hardest, each
//! with how scary it feels (0–100). Doing a step is written as a prediction (see
//! [`super::episode::Prediction::step`], a [`super::episode::StepOf`]) and looked back on like every prediction.
//!
//! Pure data. Texts are the person's own; every field may be empty unless it says otherwise.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, FixedOffset};
use serde::{Deserialize, Serialize};
use strum::VariantArray;

use super::episode::Likelihood;
use super::values::{Name, Texts};

/// What a bid record is.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, VariantArray,
)]
#[serde(rename_all = "kebab-case")]
pub enum BidKind {
    /// A bid from the partner that the person noticed; `turn` is how they responded.
    #[default]
    Theirs,
    /// A bid the person made; `turn` is how the partner responded.
    Mine,
    /// Something the person appreciates about the partner.
    ThankThem,
    /// Something the person appreciates about themselves.
    ThankMe,
}

impl BidKind {
    /// Every kind, in the order offered.
    pub const ALL: &'static [BidKind] = <BidKind as VariantArray>::VARIANTS;

    /// Whether it is a bid (with a way it was turned), not an appreciation.
    pub fn is_bid(self) -> bool {
        matches!(self, BidKind::Theirs | BidKind::Mine)
    }

    /// In words, as a list of them is headed: "A bid from them".
    pub fn label(self) -> &'static str {
        match self {
            BidKind::Theirs => "A bid from them",
            BidKind::Mine => "A bid I made",
            BidKind::ThankThem => "I appreciate them",
            BidKind::ThankMe => "I appreciate me",
        }
    }
}

/// How a bid was met: Gottman's three responses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, VariantArray)]
#[serde(rename_all = "kebab-case")]
pub enum Turn {
    /// Toward: noticed and answered, even briefly.
    Toward,
    /// Away: missed or ignored.
    Away,
    /// Against: met with irritation or a put-down.
    Against,
}

impl Turn {
    /// Every response, toward first.
    pub const ALL: &'static [Turn] = <Turn as VariantArray>::VARIANTS;

    /// In words, for a bid of `kind`: who turned depends on whose bid it was ("I turned
    /// toward it", "they turned away").
    pub fn label(self, kind: BidKind) -> &'static str {
        match (kind, self) {
            (BidKind::Mine, Turn::Toward) => "they turned toward it",
            (BidKind::Mine, Turn::Away) => "they turned away",
            (BidKind::Mine, Turn::Against) => "they turned against it",
            (_, Turn::Toward) => "I turned toward it",
            (_, Turn::Away) => "I turned away",
            (_, Turn::Against) => "I turned against it",
        }
    }

    /// One word: "toward", "away", "against".
    pub fn word(self) -> &'static str {
        match self {
            Turn::Toward => "toward",
            Turn::Away => "away",
            Turn::Against => "against",
        }
    }
}

/// A bid or an appreciation, in a line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bid {
    /// What it is.
    #[serde(default)]
    pub kind: BidKind,
    /// How it was met (a bid only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub turn: Option<Turn>,
    /// What happened, in a line.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// Fields this version does not know, kept as they were so a rewrite never drops them.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

impl Bid {
    /// Whether nothing was said of it (a kind alone is not worth keeping).
    pub fn is_empty(&self) -> bool {
        self.turn.is_none() && self.text.trim().is_empty() && self.extra.is_empty()
    }

    /// In one line: `A bid from them (I turned toward it): showed me a photo`.
    pub fn line(&self) -> String {
        let mut s = self.kind.label().to_owned();
        if let Some(t) = self.turn.filter(|_| self.kind.is_bid()) {
            s.push_str(&format!(" ({})", t.label(self.kind)));
        }
        if !self.text.trim().is_empty() {
            s.push_str(&format!(": {}", self.text.trim()));
        }
        s
    }
}

impl Texts for Bid {
    fn text_mut(&mut self, i: usize) -> Option<&mut String> {
        (i == 0).then_some(&mut self.text)
    }
}

/// Whose break a time-out is.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, VariantArray,
)]
#[serde(rename_all = "kebab-case")]
pub enum BreakSide {
    /// The person took it.
    #[default]
    Mine,
    /// The partner asked for it; the person waits.
    Theirs,
}

impl BreakSide {
    /// Both sides, the person's first.
    pub const ALL: &'static [BreakSide] = <BreakSide as VariantArray>::VARIANTS;

    /// In words.
    pub fn label(self) -> &'static str {
        match self {
            BreakSide::Mine => "I need a break",
            BreakSide::Theirs => "They asked for a break",
        }
    }
}

/// Whether the person went back to the talk after a break.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, VariantArray)]
#[serde(rename_all = "kebab-case")]
pub enum WentBack {
    /// Yes, as promised.
    Yes,
    /// Yes, but later than promised (or it is still to come).
    Later,
    /// No.
    No,
}

impl WentBack {
    /// The answers, in the order offered.
    pub const ALL: &'static [WentBack] = <WentBack as VariantArray>::VARIANTS;

    /// In words.
    pub fn label(self) -> &'static str {
        match self {
            WentBack::Yes => "yes",
            WentBack::Later => "later",
            WentBack::No => "no",
        }
    }
}

/// What came of a break, once asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreakOutcome {
    /// Whether they went back to it.
    pub went: WentBack,
    /// When they answered.
    pub on: DateTime<FixedOffset>,
    /// How it went, in a line.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Fields this version does not know, kept as they were so a rewrite never drops them.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// The shortest and longest break offered, in minutes: long enough for the body to calm down
/// (Gottman's advice is at least twenty minutes), short enough to stay a promise.
pub const BREAK_MINUTES: (i64, i64) = (20, 24 * 60);

/// A time-out with a promise to come back.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeOut {
    /// Whose break it is.
    #[serde(default)]
    pub side: BreakSide,
    /// When it began.
    pub from: DateTime<FixedOffset>,
    /// When the person said they would come back to the talk (or, for their break, when the
    /// partner said they would).
    pub back_at: DateTime<FixedOffset>,
    /// The line said or sent, as it was shown (empty: none, or it was not offered).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub said: String,
    /// What the person will do until then.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub until_then: String,
    /// What came of it, once asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub back: Option<BreakOutcome>,
    /// Fields this version does not know, kept as they were so a rewrite never drops them.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

impl TimeOut {
    /// A break of `minutes` (held to [`BREAK_MINUTES`]) from `now`.
    pub fn new(side: BreakSide, now: DateTime<FixedOffset>, minutes: i64) -> TimeOut {
        let minutes = minutes.clamp(BREAK_MINUTES.0, BREAK_MINUTES.1);
        TimeOut {
            side,
            from: now,
            back_at: now + Duration::minutes(minutes),
            ..TimeOut::default()
        }
    }

    /// How long it was set for, in whole minutes.
    pub fn minutes(&self) -> i64 {
        (self.back_at - self.from).num_minutes()
    }

    /// Whether it is still running at `now` (not answered, its time not come).
    pub fn is_running(&self, now: DateTime<FixedOffset>) -> bool {
        self.back.is_none() && now < self.back_at
    }

    /// Whether its time has come by `now` and the person has not yet said whether they went
    /// back to it.
    pub fn is_due(&self, now: DateTime<FixedOffset>) -> bool {
        self.back.is_none() && now >= self.back_at
    }

    /// Whether nothing but the times was given (a form opened and left).
    pub fn is_empty(&self) -> bool {
        self.said.is_empty()
            && self.until_then.trim().is_empty()
            && self.back.is_none()
            && self.extra.is_empty()
            && self.back_at <= self.from
    }
}

impl Texts for TimeOut {
    fn text_mut(&mut self, i: usize) -> Option<&mut String> {
        (i == 0).then_some(&mut self.until_then)
    }
}

/// One step of a ladder.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rung {
    /// The step, in the person's words.
    pub text: String,
    /// How scary it feels, 0–100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scary: Option<Likelihood>,
    /// Fields this version does not know, kept as they were so a rewrite never drops them.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// A ladder of small brave steps for one fear of closeness, easiest first. The newest version
/// written of a ladder (by `id`) is the ladder; every version is kept with the entry it was
/// written in, as the cycle in the person's words is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ladder {
    /// Stable across its versions; predictions of its steps name it (made from the time it
    /// was first written, `l-20261207-194000`).
    pub id: String,
    /// The fear it climbs ("saying how I feel").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub fear: String,
    /// The bundled starter ladder it began from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub starter: Option<Name>,
    /// The steps, easiest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Rung>,
    /// Set aside by the person: kept, not shown among the ladders being climbed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub put_away: bool,
    /// Fields this version does not know, kept as they were so a rewrite never drops them.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

impl Ladder {
    /// Whether nothing was written on it.
    pub fn is_empty(&self) -> bool {
        self.fear.trim().is_empty() && self.steps.iter().all(|r| r.text.trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn a_bid_reads_in_one_line_and_an_empty_one_writes_nothing_of_itself() {
        let b = Bid {
            kind: BidKind::Mine,
            turn: Some(Turn::Away),
            text: "asked about her day ".into(),
            ..Bid::default()
        };
        assert_eq!(
            b.line(),
            "A bid I made (they turned away): asked about her day"
        );
        assert!(Bid::default().is_empty());
        let thanks = Bid {
            kind: BidKind::ThankMe,
            turn: Some(Turn::Toward),
            text: "stayed in the room".into(),
            ..Bid::default()
        };
        assert_eq!(
            thanks.line(),
            "I appreciate me: stayed in the room",
            "no turn"
        );
        let json = serde_json::to_string(&b).unwrap();
        assert_eq!(
            json,
            r#"{"kind":"mine","turn":"away","text":"asked about her day "}"#
        );
        assert_eq!(serde_json::from_str::<Bid>(&json).unwrap(), b);
    }

    #[test]
    fn a_break_is_held_between_twenty_minutes_and_a_day_and_falls_due_at_its_time() {
        let now = at("2026-12-07T19:40:00+01:00");
        let short = TimeOut::new(BreakSide::Mine, now, 5);
        assert_eq!(short.minutes(), 20);
        let long = TimeOut::new(BreakSide::Mine, now, 10_000);
        assert_eq!(long.minutes(), 24 * 60);
        let t = TimeOut::new(BreakSide::Mine, now, 30);
        assert!(t.is_running(at("2026-12-07T20:09:59+01:00")));
        assert!(!t.is_due(at("2026-12-07T20:09:59+01:00")));
        assert!(t.is_due(at("2026-12-07T20:10:00+01:00")));
        assert!(!t.is_running(at("2026-12-07T20:10:00+01:00")));
        let answered = TimeOut {
            back: Some(BreakOutcome {
                went: WentBack::Later,
                on: at("2026-12-07T21:00:00+01:00"),
                note: String::new(),
                extra: BTreeMap::new(),
            }),
            ..t.clone()
        };
        assert!(!answered.is_due(at("2026-12-08T09:00:00+01:00")));
        let json = serde_json::to_string(&answered).unwrap();
        assert_eq!(serde_json::from_str::<TimeOut>(&json).unwrap(), answered);
    }

    /// Issue 34: a search finds the words of a bid, a break and a ladder, and its snippet
    /// names which.
    #[test]
    fn search_finds_bids_breaks_and_ladders_and_names_them() {
        use crate::journal::query::{Field, best_field, entry_contains_all, words};
        use crate::journal::{Entry, EntryId};
        let now = at("2026-11-01T09:00:00+00:00");
        let mut e = Entry::new(EntryId::generate(now, 1), now);
        e.bids.push(Bid {
            text: "she hummed our song".into(),
            ..Bid::default()
        });
        let mut pause = TimeOut::new(BreakSide::Mine, now, 30);
        pause.until_then = "water the tomatoes".into();
        e.time_outs.push(pause);
        e.ladders.push(Ladder {
            id: "l-1".into(),
            fear: "asking for a hug".into(),
            ..Ladder::default()
        });
        for (query, field) in [
            ("hummed", Field::Bid),
            ("tomatoes", Field::TimeOut),
            ("hug", Field::Ladder),
        ] {
            let w = words(query);
            assert!(entry_contains_all(&e, &w), "{query}");
            assert_eq!(best_field(&e, &w).map(|(f, ..)| f), Some(field), "{query}");
        }
    }

    #[test]
    fn a_ladder_and_a_step_of_it_read_back_and_keep_what_they_do_not_know() {
        let json = r#"{"id":"l1","fear":"Saying how I feel","steps":[{"text":"Say I'm tired","scary":20,"why":"x"}],"colour":"blue"}"#;
        let l: Ladder = serde_json::from_str(json).unwrap();
        assert_eq!(l.steps[0].scary.map(Likelihood::get), Some(20));
        assert_eq!(l.steps[0].extra["why"], "x");
        assert_eq!(l.extra["colour"], "blue");
        let back: Ladder = serde_json::from_str(&serde_json::to_string(&l).unwrap()).unwrap();
        assert_eq!(back, l);
        assert!(Ladder::default().is_empty());
        assert!(serde_json::from_str::<Rung>(r#"{"text":"x","scary":101}"#).is_err());
    }
}
