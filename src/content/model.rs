//! The typed content items, as read from the TOML files in `content/`. "Things to say and
//! try" is in `toolkit` and the content for turning toward in `turning`, re-exported here.

use std::fmt;

use serde::Deserialize;
use strum::{Display, IntoStaticStr, VariantArray};

use crate::journal::Perspective;

mod toolkit;
mod turning;

pub use toolkit::{Card, Phrase, Purpose, Ritual, Tier, Toolkit, Trap};
pub use turning::{
    BidExample, BidWords, HardTalk, ScriptStep, StarterLadder, StateOfUs, TimeOutWords, Turning,
};

/// One of the four source articles. Content names them by exact title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, VariantArray)]
#[serde(try_from = "String")]
pub enum Source {
    /// "Breaking the Walls: Overcoming Relationship Distancing".
    BreakingTheWalls,
    /// "Healing Emotional Distance in Relationships: A Path to Deeper Connection".
    HealingEmotionalDistance,
    /// "How to Build Intimacy and Overcome the Urge to Push People Away".
    BuildIntimacy,
    /// "9+ Reasons Why He's Pulling Away (And What To Do!)".
    WhyAPartnerPullsAway,
}

impl Source {
    /// All four, in the order declared.
    pub const ALL: &'static [Source] = <Source as VariantArray>::VARIANTS;

    /// The article's title, exactly as published.
    pub fn title(self) -> &'static str {
        match self {
            Source::BreakingTheWalls => "Breaking the Walls: Overcoming Relationship Distancing",
            Source::HealingEmotionalDistance => {
                "Healing Emotional Distance in Relationships: A Path to Deeper Connection"
            }
            Source::BuildIntimacy => {
                "How to Build Intimacy and Overcome the Urge to Push People Away"
            }
            Source::WhyAPartnerPullsAway => "9+ Reasons Why He's Pulling Away (And What To Do!)",
        }
    }

    /// A short, neutral name, shown wherever the article is named in passing (under a
    /// question, at the foot of a page). The full title, which for one article reads as
    /// click-bait and assumes a male partner, is kept for the citation on the digest's own page.
    pub fn short(self) -> &'static str {
        match self {
            Source::BreakingTheWalls => "Breaking the walls (on relationship distancing)",
            Source::HealingEmotionalDistance => "Healing emotional distance",
            Source::BuildIntimacy => "Building intimacy instead of pushing away",
            Source::WhyAPartnerPullsAway => "Why a partner pulls away",
        }
    }

    /// The id of its digest.
    pub fn digest_id(self) -> &'static str {
        match self {
            Source::BreakingTheWalls => "breaking-the-walls",
            Source::HealingEmotionalDistance => "healing-emotional-distance",
            Source::BuildIntimacy => "build-intimacy-stop-pushing-away",
            Source::WhyAPartnerPullsAway => "why-a-partner-pulls-away",
        }
    }
}

impl TryFrom<String> for Source {
    type Error = String;
    fn try_from(title: String) -> Result<Self, Self::Error> {
        Source::ALL
            .iter()
            .copied()
            .find(|s| s.title() == title)
            .ok_or_else(|| {
                let titles: Vec<String> = Source::ALL
                    .iter()
                    .map(|s| format!("\"{}\"", s.title()))
                    .collect();
                format!(
                    "\"{title}\" is not one of the source articles; use one of {}",
                    titles.join(", ")
                )
            })
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.title())
    }
}

/// How triggers are grouped in the check-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, VariantArray, IntoStaticStr, Display)]
pub enum TriggerGroup {
    /// Fear of a partner, or of one's own anger or need to control: listed first, since
    /// abuse is not a relationship problem and safety comes before closeness.
    #[serde(rename = "Safety")]
    #[strum(serialize = "Safety")]
    Safety,
    /// Fears about closeness, loss or not being enough.
    #[serde(rename = "Fears")]
    #[strum(serialize = "Fears")]
    Fears,
    /// Patterns learned from the past.
    #[serde(rename = "Old wounds")]
    #[strum(serialize = "Old wounds")]
    OldWounds,
    /// Pressures from outside the relationship.
    #[serde(rename = "Life pressures")]
    #[strum(serialize = "Life pressures")]
    LifePressures,
    /// What happens between the two of you.
    #[serde(rename = "Between us")]
    #[strum(serialize = "Between us")]
    BetweenUs,
}

impl TriggerGroup {
    /// All of them, in order.
    pub const ALL: &'static [TriggerGroup] = <TriggerGroup as VariantArray>::VARIANTS;

    /// The text shown for it, which is also its text in content files.
    pub fn label(self) -> &'static str {
        self.into()
    }
}

/// How strategies are grouped in the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, VariantArray, IntoStaticStr, Display)]
pub enum Category {
    /// Speaking and listening.
    #[serde(rename = "Talking and listening")]
    #[strum(serialize = "Talking and listening")]
    TalkingAndListening,
    /// Noticing your own patterns.
    #[serde(rename = "Understanding yourself")]
    #[strum(serialize = "Understanding yourself")]
    UnderstandingYourself,
    /// Self-care and support from others.
    #[serde(rename = "Care and support")]
    #[strum(serialize = "Care and support")]
    CareAndSupport,
    /// Small acts that build connection.
    #[serde(rename = "Building closeness")]
    #[strum(serialize = "Building closeness")]
    BuildingCloseness,
    /// Space, balance and limits.
    #[serde(rename = "Balance and boundaries")]
    #[strum(serialize = "Balance and boundaries")]
    BalanceAndBoundaries,
}

impl Category {
    /// All of them, in order.
    pub const ALL: &'static [Category] = <Category as VariantArray>::VARIANTS;

    /// The text shown for it, which is also its text in content files.
    pub fn label(self) -> &'static str {
        self.into()
    }
}

/// What a prompt is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[derive(VariantArray, IntoStaticStr, Display)]
#[strum(serialize_all = "kebab-case")]
pub enum PromptKind {
    /// A question about today.
    CheckIn,
    /// A question that goes further back or deeper.
    DeepDive,
    /// Noticing what is good.
    Appreciation,
    /// Planning a next step.
    Plan,
    /// A question over the episode step: tracing one moment.
    Episode,
    /// A question over the prediction step: a fear as something to check.
    Prediction,
}

impl PromptKind {
    /// All of them, in order.
    pub const ALL: &'static [PromptKind] = <PromptKind as VariantArray>::VARIANTS;

    /// The text shown for it, which is also its text in content files.
    pub fn label(self) -> &'static str {
        self.into()
    }
}

impl PromptKind {
    /// Whether it is asked on its own (Reflect, the prompt of the day), rather than over the
    /// episode or prediction step.
    pub fn stands_alone(self) -> bool {
        !matches!(self, PromptKind::Episode | PromptKind::Prediction)
    }
}

/// Something that can sit behind pulling away.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trigger {
    /// Stable id; entries refer to it forever.
    pub id: String,
    /// Short name.
    pub name: String,
    /// Its group in the check-in.
    pub group: TriggerGroup,
    /// One line on what it is, spoken to the one who pulls away.
    pub summary: String,
    /// One line on what it is for someone whose partner pulls away, where `summary` speaks to
    /// the one who pulls away; shown instead of it in that perspective.
    #[serde(default)]
    pub partner_summary: Option<String>,
    /// A line shown under it in the partner's perspective (e.g. "This is not a diagnosis of
    /// your partner"), for triggers that name a pattern in a person.
    #[serde(default)]
    pub partner_note: Option<String>,
    /// The id of a Learn page it links to instead of conversation strategies (the safety
    /// page, for the trigger about control, anger or fear).
    #[serde(default)]
    pub learn: Option<String>,
    /// The sub-points the articles give.
    #[serde(default)]
    pub aspects: Vec<String>,
    /// What it can look like.
    pub looks_like: Vec<String>,
    /// Perspectives it fits.
    pub perspectives: Vec<Perspective>,
    /// The articles it comes from.
    pub sources: Vec<Source>,
}

/// An item a person picks from a list, with the perspectives it fits: a [`Sign`] or an
/// [`Urge`].
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Picked {
    /// Stable id.
    pub id: String,
    /// What it is ("Go quiet").
    pub label: String,
    /// Perspectives it fits: for a sign, noticed in yourself (`i-pull-away`) or in a partner;
    /// for an urge, felt by the one who pulls away or by the one whose partner does.
    pub perspectives: Vec<Perspective>,
    /// The articles it comes from.
    pub sources: Vec<Source>,
}

/// A sign or behaviour a person may notice.
pub type Sign = Picked;

/// An urge that can rise in a moment, between what happened and what the person did.
pub type Urge = Picked;

/// The words around the episode and prediction steps, and the urge vocabulary.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Episodes {
    /// Shown over the episode step.
    pub episode_intro: String,
    /// Why writing a fear as a prediction and checking it later helps; over the prediction step.
    pub prediction_why: String,
    /// The articles these come from.
    pub sources: Vec<Source>,
    /// The debrief after a hard moment: its words and questions.
    pub debrief: DebriefWords,
    /// Checking a thought: its words and questions.
    pub thought: ThoughtWords,
    /// The cycle view's words.
    pub cycle: CycleWords,
    /// The urges, in the order offered.
    #[serde(default, rename = "urge")]
    pub urges: Vec<Urge>,
}

/// The debrief's words: over it, each question in the order asked, and what is shown instead
/// of the questions about the partner when a safety trigger was logged lately.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DebriefWords {
    /// Over the debrief.
    pub intro: String,
    /// What I felt.
    pub felt: String,
    /// What I saw and needed.
    pub my_side: String,
    /// What their side might have been.
    pub their_side: String,
    /// What it touched from before.
    pub before: String,
    /// My part, if any.
    pub my_part: String,
    /// One thing to try next time.
    pub next_time: String,
    /// A repair phrase to use.
    pub repair: String,
    /// Instead of their side, my part and the repair, after a safety trigger.
    pub safety: String,
    /// The articles these come from.
    pub sources: Vec<Source>,
}

/// The cycle view's words: over it, when there are too few moments, the loop as each side
/// sees it, and what replaces the map after a safety trigger.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CycleWords {
    /// Over the map.
    pub intro: String,
    /// Fewer moments than a map needs.
    pub not_enough: String,
    /// The loop, for the one who pulls away.
    pub loop_pull_away: String,
    /// The loop, for the one whose partner pulls away.
    pub loop_partner: String,
    /// Instead of the map, after a safety trigger in the window.
    pub safety: String,
    /// Over the map in the person's own words.
    pub own_intro: String,
    /// Which trigger it starts with.
    pub own_trigger: String,
    /// When this happens…
    pub own_starts: String,
    /// …what I do.
    pub own_i_do: String,
    /// …and what they may do then.
    pub own_they_may: String,
    /// Underneath, I feel…
    pub own_underneath: String,
    /// What I long for is…
    pub own_long_for: String,
    /// What helps me step out of it.
    pub own_helps: String,
    /// The articles these come from.
    pub sources: Vec<Source>,
}

/// Checking a thought: the words over it and each question in the order asked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThoughtWords {
    /// Over the thought check.
    pub intro: String,
    /// The hot thought.
    pub thought: String,
    /// How much I believe it.
    pub belief: String,
    /// The thinking traps it might be.
    pub traps: String,
    /// What fits it.
    pub fits: String,
    /// What does not.
    pub does_not_fit: String,
    /// A kinder thought.
    pub kinder: String,
    /// How much I believe the first thought now.
    pub belief_after: String,
    /// The articles these come from.
    pub sources: Vec<Source>,
}

/// A coping strategy.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Strategy {
    /// Stable id.
    pub id: String,
    /// Short title.
    pub title: String,
    /// Its group in the library.
    pub category: Category,
    /// Why it can help.
    pub why: String,
    /// Two to five concrete steps.
    pub steps: Vec<String>,
    /// One small thing to try today.
    pub try_today: String,
    /// When not to use it (with a controlling or frightening partner) and where to read
    /// more; required for the strategies that can raise risk there (see
    /// `validate::CAVEAT_REQUIRED`), shown on its page and wherever the check-in offers it.
    #[serde(default)]
    pub caveat: Option<String>,
    /// Triggers it fits.
    pub triggers: Vec<String>,
    /// Perspectives it fits.
    pub perspectives: Vec<Perspective>,
    /// The articles it comes from.
    pub sources: Vec<Source>,
}

/// A guided question.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prompt {
    /// Stable id.
    pub id: String,
    /// The question.
    pub text: String,
    /// One line on the idea behind it.
    pub idea: String,
    /// What it is for.
    pub kind: PromptKind,
    /// Triggers it belongs to; empty for general prompts.
    #[serde(default)]
    pub triggers: Vec<String>,
    /// Whether it leads toward a talk with the partner, only for a safe relationship: never
    /// asked in a check-in that logs a Safety trigger, nor as the prompt of the day after one.
    #[serde(default)]
    pub safe_only: bool,
    /// Perspectives it fits.
    pub perspectives: Vec<Perspective>,
    /// The articles it comes from.
    pub sources: Vec<Source>,
}

/// One section of a digest.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Its heading.
    pub heading: String,
    /// Paragraphs separated by blank lines; list items start with "- ".
    pub body: String,
    /// Triggers it speaks to.
    #[serde(default)]
    pub triggers: Vec<String>,
    /// Strategies it speaks to.
    #[serde(default)]
    pub strategies: Vec<String>,
}

/// A question and answer from an article's FAQ.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Faq {
    /// The question.
    pub question: String,
    /// The answer.
    pub answer: String,
}

/// A digest of one article, or a page of our own that draws on several (the safety page).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Digest {
    /// Stable id (a digest's: the article's file stem).
    pub id: String,
    /// The article it digests; `None` for a page of our own.
    #[serde(default)]
    pub source: Option<Source>,
    /// The articles a page of our own draws on (empty for a digest: see `source`).
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Perspectives it fits (empty: both).
    #[serde(default)]
    pub perspectives: Vec<Perspective>,
    /// Our title for it.
    pub title: String,
    /// Two or three sentences.
    pub summary: String,
    /// Its sections, in the article's order.
    #[serde(rename = "section")]
    pub sections: Vec<Section>,
    /// Its FAQ, if it has one.
    #[serde(default, rename = "faq")]
    pub faqs: Vec<Faq>,
}

/// Whether an item tagged with `perspectives` fits `wanted` (`None`: any).
pub fn fits(perspectives: &[Perspective], wanted: Option<Perspective>) -> bool {
    wanted.is_none_or(|p| perspectives.contains(&p))
}

#[cfg(test)]
mod tests {
    use serde::de::DeserializeOwned;

    use super::*;

    /// Every value of a closed set of labels is read from the text it is shown as.
    fn read_from_labels<T>(label: impl Fn(T) -> &'static str)
    where
        T: DeserializeOwned + PartialEq + fmt::Debug + fmt::Display + VariantArray + Copy,
    {
        for &v in T::VARIANTS {
            let read: T = serde_json::from_value(serde_json::json!(label(v))).unwrap();
            assert_eq!(read, v);
            assert_eq!(label(v), format!("{v}").as_str());
        }
    }

    #[test]
    fn labels_are_read_from_the_text_shown() {
        read_from_labels(TriggerGroup::label);
        read_from_labels(Category::label);
        read_from_labels(PromptKind::label);
        let labels: Vec<&str> = TriggerGroup::ALL.iter().map(|g| g.label()).collect();
        assert_eq!(
            labels,
            [
                "Safety",
                "Fears",
                "Old wounds",
                "Life pressures",
                "Between us"
            ]
        );
        let labels: Vec<&str> = Category::ALL.iter().map(|c| c.label()).collect();
        assert_eq!(
            labels,
            [
                "Talking and listening",
                "Understanding yourself",
                "Care and support",
                "Building closeness",
                "Balance and boundaries"
            ]
        );
        let labels: Vec<&str> = PromptKind::ALL.iter().map(|k| k.label()).collect();
        assert_eq!(
            labels,
            [
                "check-in",
                "deep-dive",
                "appreciation",
                "plan",
                "episode",
                "prediction"
            ]
        );
    }
}
