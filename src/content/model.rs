//! The typed content items of DESIGN §2, as read from the TOML files in `content/`.

use std::fmt;

use serde::Deserialize;

use crate::journal::Perspective;

/// One of the four source articles. Content names them by exact title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
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
    /// All four, in a fixed order.
    pub const ALL: [Source; 4] = [
        Source::BreakingTheWalls,
        Source::HealingEmotionalDistance,
        Source::BuildIntimacy,
        Source::WhyAPartnerPullsAway,
    ];

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
            .into_iter()
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

/// Defines a closed set of labels read from their exact text.
macro_rules! labels {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
        pub enum $name {
            $($(#[$vdoc])* #[serde(rename = $text)] $variant),+
        }

        impl $name {
            /// All of them, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The text shown for it.
            pub fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}

labels!(
    /// How triggers are grouped in the check-in.
    TriggerGroup {
        /// Fear of a partner, or of one's own anger or need to control: listed first, since
        /// abuse is not a relationship problem and safety comes before closeness.
        Safety = "Safety",
        /// Fears about closeness, loss or not being enough.
        Fears = "Fears",
        /// Patterns learned from the past.
        OldWounds = "Old wounds",
        /// Pressures from outside the relationship.
        LifePressures = "Life pressures",
        /// What happens between the two of you.
        BetweenUs = "Between us",
    }
);

labels!(
    /// How strategies are grouped in the library.
    Category {
        /// Speaking and listening.
        TalkingAndListening = "Talking and listening",
        /// Noticing your own patterns.
        UnderstandingYourself = "Understanding yourself",
        /// Self-care and support from others.
        CareAndSupport = "Care and support",
        /// Small acts that build connection.
        BuildingCloseness = "Building closeness",
        /// Space, balance and limits.
        BalanceAndBoundaries = "Balance and boundaries",
    }
);

labels!(
    /// What a prompt is for.
    PromptKind {
        /// A question about today.
        CheckIn = "check-in",
        /// A question that goes further back or deeper.
        DeepDive = "deep-dive",
        /// Noticing what is good.
        Appreciation = "appreciation",
        /// Planning a next step.
        Plan = "plan",
        /// A question over the episode step: tracing one moment.
        Episode = "episode",
        /// A question over the prediction step: a fear as something to check.
        Prediction = "prediction",
    }
);

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

/// A sign or behaviour a person may notice.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sign {
    /// Stable id.
    pub id: String,
    /// What it is.
    pub label: String,
    /// Perspectives it fits: noticed in yourself (`i-pull-away`) or in a partner.
    pub perspectives: Vec<Perspective>,
    /// The articles it comes from.
    pub sources: Vec<Source>,
}

/// An urge that can rise in a moment, between what happened and what the person did.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Urge {
    /// Stable id.
    pub id: String,
    /// The urge itself ("Go quiet").
    pub label: String,
    /// Perspectives it fits: felt by the one who pulls away, by the one whose partner does.
    pub perspectives: Vec<Perspective>,
    /// The articles it comes from.
    pub sources: Vec<Source>,
}

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
    /// The urges, in the order offered.
    #[serde(default, rename = "urge")]
    pub urges: Vec<Urge>,
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

/// A line to say: an opener for raising the distance, a repair after a hard moment, or a
/// question to ask a partner.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phrase {
    /// Stable id.
    pub id: String,
    /// The words, as one might say them.
    pub text: String,
    /// Whether it starts a conversation that is only for a safe relationship (shown under a
    /// pointer to the safety page).
    #[serde(default)]
    pub safe_only: bool,
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
}

/// Whether an item tagged with `perspectives` fits `wanted` (`None`: any).
pub fn fits(perspectives: &[Perspective], wanted: Option<Perspective>) -> bool {
    wanted.is_none_or(|p| perspectives.contains(&p))
}
