//! The content for turning toward each other (`content/turning.toml`): the words of bids for
//! connection and the bid log, time-outs (a break with a time to come back), starter ladders of
//! small brave steps, the checklist before a hard talk and the weekly "state of us" script.
//! Re-exported from [`crate::content::model`], where the rest of the content types live.

use serde::Deserialize;

use crate::journal::Perspective;

use super::{Source, fits};

/// The content for turning toward each other (`content/turning.toml`): bids for connection,
/// time-outs, starter ladders, the checklist before a hard talk and the weekly "state of us".
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Turning {
    /// Bids for connection: the Learn card and the words of the bid log (`[bids]`).
    pub bids: BidWords,
    /// An announced break instead of going silent (`[time_out]`).
    pub time_out: TimeOutWords,
    /// Starter ladders: small steps up to a feared thing (`[[ladder]]`).
    #[serde(rename = "ladder")]
    pub ladders: Vec<StarterLadder>,
    /// The checklist before a hard talk (`[hard_talk]`).
    pub hard_talk: HardTalk,
    /// The weekly "state of us" talk (`[state_of_us]`).
    pub state_of_us: StateOfUs,
}

impl Turning {
    /// The starter ladders to offer for a perspective (`None`: both), in file order. When
    /// `safety` is true (a Safety trigger was logged lately: see
    /// [`Catalog::safety_logged_recently`](crate::content::Catalog::safety_logged_recently)),
    /// the ladders whose steps involve talking with the partner (`safe_only`) are left out:
    /// pass it wherever ladders are offered.
    pub fn ladders_for(
        &self,
        perspective: Option<Perspective>,
        safety: bool,
    ) -> Vec<&StarterLadder> {
        self.ladders
            .iter()
            .filter(|l| fits(&l.perspectives, perspective) && !(safety && l.safe_only))
            .collect()
    }

    /// A starter ladder by id, whatever it fits (for a ladder already in the journal).
    pub fn ladder(&self, id: &str) -> Option<&StarterLadder> {
        self.ladders.iter().find(|l| l.id == id)
    }
}

/// Bids for connection: the Learn card's words and the labels of the bid log.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BidWords {
    /// The Learn card's title ("Bids for connection").
    pub title: String,
    /// What a bid is: short paragraphs; lines starting with "- " are bullets.
    pub intro: String,
    /// One line: what turning toward a bid looks like.
    pub toward: String,
    /// One line: what turning away looks like.
    pub away: String,
    /// One line: what turning against looks like.
    pub against: String,
    /// Everyday bids, each with the perspectives it fits (`[[bids.example]]`).
    #[serde(rename = "example")]
    pub examples: Vec<BidExample>,
    /// Form label: a bid from my partner, and how I responded.
    pub their_bid: String,
    /// Form label: a bid I made, and how it landed.
    pub my_bid: String,
    /// Form label: something I appreciate about them.
    pub thank_them: String,
    /// Form label: something I appreciate about me.
    pub thank_me: String,
    /// One line over the counts of bids: they are not a score of the relationship.
    pub not_a_score: String,
    /// The articles these draw on.
    pub sources: Vec<Source>,
}

impl BidWords {
    /// The examples that fit a perspective (`None`: all), in file order.
    pub fn examples_for(&self, perspective: Option<Perspective>) -> Vec<&str> {
        self.examples
            .iter()
            .filter(|e| fits(&e.perspectives, perspective))
            .map(|e| e.text.as_str())
            .collect()
    }
}

/// An everyday bid for connection.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BidExample {
    /// The bid, in one line.
    pub text: String,
    /// Perspectives it fits.
    pub perspectives: Vec<Perspective>,
}

/// A time-out: a break that is announced, with a time to come back, instead of going silent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeOutWords {
    /// Why an announced break beats going silent (1–3 sentences).
    pub intro: String,
    /// The question: when will you come back to it?
    pub when: String,
    /// Lines to say or send, each with `{time}` exactly once, where the time goes.
    pub scripts: Vec<String>,
    /// For the one whose partner asked for the break: what I'll do until then.
    pub their_intro: String,
    /// Things to do while waiting, instead of chasing.
    pub their_ideas: Vec<String>,
    /// Single grounding steps; one is shown during the countdown.
    pub grounding: Vec<String>,
    /// Afterwards: did you go back to it?
    pub back_question: String,
    /// The answer "yes".
    pub back_yes: String,
    /// The answer "later" (not yet, at a new time).
    pub back_later: String,
    /// The answer "no".
    pub back_no: String,
    /// The prompt for a line on how it went.
    pub back_note: String,
    /// Shown instead of any script or return to the talk when a Safety trigger was logged
    /// lately: taking space from someone you fear is right; points to the safety page.
    pub safety: String,
    /// The articles these draw on.
    pub sources: Vec<Source>,
}

/// A starter ladder: a feared thing, broken into steps from easiest to hardest.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StarterLadder {
    /// Stable id; ladders in the journal refer to it forever.
    pub id: String,
    /// The feared thing ("Saying how I feel").
    pub fear: String,
    /// One line on why climbing it helps.
    pub why: String,
    /// Four to seven steps, easiest first.
    pub steps: Vec<String>,
    /// Whether its steps involve talking with the partner: then it is not offered while a
    /// Safety trigger was logged lately (see [`Turning::ladders_for`]).
    #[serde(default)]
    pub safe_only: bool,
    /// Perspectives it fits.
    pub perspectives: Vec<Perspective>,
    /// The articles it draws on.
    pub sources: Vec<Source>,
}

/// The checklist before a hard talk.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HardTalk {
    /// Its title ("Before a hard talk").
    pub title: String,
    /// One or two lines over it.
    pub intro: String,
    /// Five to seven things to check, each one line.
    pub items: Vec<String>,
    /// The articles it draws on.
    pub sources: Vec<Source>,
}

/// The weekly "state of us" talk: a short script in steps.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StateOfUs {
    /// Its title ("State of us").
    pub title: String,
    /// One or two lines over it.
    pub intro: String,
    /// Its steps, in order (`[[state_of_us.step]]`).
    #[serde(rename = "step")]
    pub steps: Vec<ScriptStep>,
    /// The articles it draws on.
    pub sources: Vec<Source>,
}

/// One step of a script: a heading and what to say or ask.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScriptStep {
    /// Its heading ("Appreciations").
    pub heading: String,
    /// What to say or ask in it.
    pub prompt: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ladders_and_examples_are_chosen_by_perspective_and_safety() {
        let ladder = |id: &str, safe_only: bool, perspectives: Vec<Perspective>| StarterLadder {
            id: id.into(),
            fear: "A fear".into(),
            why: "Why".into(),
            steps: vec!["A step".into(); 4],
            safe_only,
            perspectives,
            sources: vec![Source::BreakingTheWalls],
        };
        let (me, them) = (Perspective::IPullAway, Perspective::PartnerPullsAway);
        let turning = Turning {
            ladders: vec![
                ladder("talk", true, vec![me]),
                ladder("alone", false, vec![me]),
                ladder("wait", false, vec![them]),
            ],
            ..Turning::default()
        };
        let ids = |ls: Vec<&StarterLadder>| -> Vec<String> {
            ls.into_iter().map(|l| l.id.clone()).collect()
        };
        assert_eq!(ids(turning.ladders_for(Some(me), false)), ["talk", "alone"]);
        assert_eq!(ids(turning.ladders_for(Some(me), true)), ["alone"]);
        assert_eq!(ids(turning.ladders_for(None, true)), ["alone", "wait"]);
        assert_eq!(ids(turning.ladders_for(None, false)).len(), 3);
        // A ladder already in the journal is found by id, safe_only or not.
        assert_eq!(turning.ladder("talk").map(|l| l.safe_only), Some(true));
        assert!(turning.ladder("nope").is_none());
        let bids = BidWords {
            examples: vec![
                BidExample {
                    text: "both".into(),
                    perspectives: vec![me, them],
                },
                BidExample {
                    text: "theirs".into(),
                    perspectives: vec![them],
                },
            ],
            ..BidWords::default()
        };
        assert_eq!(bids.examples_for(Some(me)), ["both"]);
        assert_eq!(bids.examples_for(Some(them)), ["both", "theirs"]);
        assert_eq!(bids.examples_for(None), ["both", "theirs"]);
    }
}
