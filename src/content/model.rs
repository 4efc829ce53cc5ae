//! The typed content items, as read from the TOML files in `content/`.

use std::fmt;

use serde::Deserialize;
use strum::{Display, IntoStaticStr, VariantArray};

use crate::journal::Perspective;

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

/// How far a question to ask a partner goes: the question bank's three tiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[derive(VariantArray)]
pub enum Tier {
    /// Everyday curiosity (`light`): fine on any day, never `safe_only`.
    Light,
    /// About their inner world (`deeper`): only for a safe relationship.
    Deeper,
    /// About the two of you, hopes and hurts (`deep`): only for a safe relationship.
    Deep,
}

impl Tier {
    /// All three, lightest first.
    pub const ALL: &'static [Tier] = <Tier as VariantArray>::VARIANTS;

    /// Its name, as a heading ("Light", "Deeper", "Deep").
    pub fn label(self) -> &'static str {
        match self {
            Tier::Light => "Light",
            Tier::Deeper => "Deeper",
            Tier::Deep => "Deep",
        }
    }

    /// One line on when it fits, shown under its heading.
    pub fn note(self) -> &'static str {
        match self {
            Tier::Light => "Everyday curiosity, for any ordinary moment.",
            Tier::Deeper => "About their inner world, for a calm time with room to listen.",
            Tier::Deep => "About the two of you, for when you both feel safe and unhurried.",
        }
    }

    /// Whether its questions are only for a safe relationship (`safe_only`).
    pub fn safe_only(self) -> bool {
        self != Tier::Light
    }
}

/// What a repair phrase is for: the groups repairs are shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[derive(VariantArray)]
pub enum Purpose {
    /// Asking for a pause before it gets worse (`pause`).
    Pause,
    /// Saying you see their side (`see-your-point`).
    SeeYourPoint,
    /// Taking back something said badly and trying again (`try-again`).
    TryAgain,
    /// Saying what you value in them, mid-talk (`appreciate`).
    Appreciate,
}

impl Purpose {
    /// All four, in the order shown.
    pub const ALL: &'static [Purpose] = <Purpose as VariantArray>::VARIANTS;

    /// Its heading on the page.
    pub fn label(self) -> &'static str {
        match self {
            Purpose::Pause => "I need to pause",
            Purpose::SeeYourPoint => "I see your point",
            Purpose::TryAgain => "Let me try again",
            Purpose::Appreciate => "I appreciate…",
        }
    }
}

/// A line to say: an opener for raising the distance, a repair after a hard moment, or a
/// question to ask a partner.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phrase {
    /// Stable id.
    pub id: String,
    /// The words, as one might say them.
    pub text: String,
    /// Whether it starts a conversation that is only for a safe relationship: never shown
    /// while a Safety trigger was logged lately.
    #[serde(default)]
    pub safe_only: bool,
    /// A question's tier in the question bank (questions only; every question has one).
    #[serde(default)]
    pub tier: Option<Tier>,
    /// What a repair is for (repairs only; every repair has one).
    #[serde(default)]
    pub purpose: Option<Purpose>,
    /// Perspectives it fits.
    pub perspectives: Vec<Perspective>,
    /// The articles it draws on.
    pub sources: Vec<Source>,
}

/// A thinking trap that feeds distance, and a way to check it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trap {
    /// Stable id.
    pub id: String,
    /// Its name ("Mind reading").
    pub name: String,
    /// What it sounds like, in the person's head.
    pub sounds_like: String,
    /// A way to check it.
    pub check: String,
    /// Perspectives it fits.
    pub perspectives: Vec<Perspective>,
    /// The articles it draws on.
    pub sources: Vec<Source>,
}

/// A small, regular ritual of connection.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ritual {
    /// Stable id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// What to do.
    pub text: String,
    /// Perspectives it fits.
    pub perspectives: Vec<Perspective>,
    /// The articles it draws on.
    pub sources: Vec<Source>,
}

/// A card for a hard minute: a short grounding sequence and one small step instead of acting on
/// the urge. "I want to pull away right now" for the one who pulls away; "They've gone quiet
/// and I'm spiralling" for the one whose partner does.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    /// Stable id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// A line that meets the urge.
    pub intro: String,
    /// The grounding steps, in order.
    pub steps: Vec<String>,
    /// One small step instead of acting on the urge.
    pub instead: String,
    /// When fear of a partner changes everything, pointing to the safety page.
    pub safety: String,
    /// Perspectives it fits.
    pub perspectives: Vec<Perspective>,
    /// The articles it draws on.
    pub sources: Vec<Source>,
}

/// Things to say and try (`content/toolkit.toml`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Toolkit {
    /// Openers for raising the distance.
    #[serde(default, rename = "opener")]
    pub openers: Vec<Phrase>,
    /// Repair phrases for after a hard moment or a retreat.
    #[serde(default, rename = "repair")]
    pub repairs: Vec<Phrase>,
    /// Thinking traps.
    #[serde(default, rename = "trap")]
    pub traps: Vec<Trap>,
    /// Questions to ask a partner.
    #[serde(default, rename = "question")]
    pub questions: Vec<Phrase>,
    /// Rituals of connection.
    #[serde(default, rename = "ritual")]
    pub rituals: Vec<Ritual>,
    /// The cards for a hard minute, one for each side of the pull (`[[card]]`); the first
    /// that fits a perspective is the one `p` opens.
    #[serde(default, rename = "card")]
    pub cards: Vec<Card>,
}

impl Toolkit {
    /// The questions of a tier that fit a perspective, in file order.
    pub fn questions_in(&self, tier: Tier, perspective: Option<Perspective>) -> Vec<&Phrase> {
        self.questions
            .iter()
            .filter(|q| q.tier == Some(tier) && fits(&q.perspectives, perspective))
            .collect()
    }

    /// The repairs for a purpose that fit a perspective, in file order.
    pub fn repairs_for(&self, purpose: Purpose, perspective: Option<Perspective>) -> Vec<&Phrase> {
        self.repairs
            .iter()
            .filter(|r| r.purpose == Some(purpose) && fits(&r.perspectives, perspective))
            .collect()
    }

    /// The card `p` opens for a perspective: the first that fits (for both perspectives, the
    /// first card); `None` when there is no card.
    pub fn card_for(&self, perspective: Option<Perspective>) -> Option<&Card> {
        self.cards
            .iter()
            .find(|c| fits(&c.perspectives, perspective))
            .or(self.cards.first())
    }

    /// A card by id.
    pub fn card(&self, id: &str) -> Option<&Card> {
        self.cards.iter().find(|c| c.id == id)
    }

    /// A thinking trap's name, or the id as it is when the toolkit does not know it.
    pub fn trap_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.traps
            .iter()
            .find(|t| t.id == id)
            .map_or(id, |t| t.name.as_str())
    }
}

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
    fn tiers_and_purposes_are_read_in_kebab_case_and_shown_by_label() {
        let read =
            |text: &str| -> Tier { serde_json::from_value(serde_json::json!(text)).unwrap() };
        assert_eq!(
            ["light", "deeper", "deep"].map(read),
            [Tier::Light, Tier::Deeper, Tier::Deep]
        );
        let labels: Vec<&str> = Tier::ALL.iter().map(|t| t.label()).collect();
        assert_eq!(labels, ["Light", "Deeper", "Deep"]);
        assert!(Tier::ALL.iter().all(|t| !t.note().is_empty()));
        let read =
            |text: &str| -> Purpose { serde_json::from_value(serde_json::json!(text)).unwrap() };
        assert_eq!(
            ["pause", "see-your-point", "try-again", "appreciate"].map(read),
            [
                Purpose::Pause,
                Purpose::SeeYourPoint,
                Purpose::TryAgain,
                Purpose::Appreciate
            ]
        );
        let labels: Vec<&str> = Purpose::ALL.iter().map(|p| p.label()).collect();
        assert_eq!(
            labels,
            [
                "I need to pause",
                "I see your point",
                "Let me try again",
                "I appreciate…"
            ]
        );
    }

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
