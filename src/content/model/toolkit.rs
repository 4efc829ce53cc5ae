//! Things to say and try (`content/toolkit.toml`): openers, repairs grouped by what they are
//! for ([`Purpose`]), thinking traps, the question bank in three tiers ([`Tier`]), rituals of
//! connection and the cards for a hard minute, with the lookups the screens use to pick what
//! fits a perspective. Re-exported from [`crate::content::model`], where the rest of the
//! content types live.

use serde::Deserialize;
use strum::VariantArray;

use crate::journal::Perspective;

use super::{Source, fits};

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
