//! The values an entry is made of, each checked when it is built or read: the perspective, the
//! 1–5 scales, ids and names, and which trigger was felt. Below both the entry and its moments
//! and predictions, which use them.

use std::fmt;

use chrono::{DateTime, FixedOffset};
use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use super::JournalError;

/// Which side of the distance the person writes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Perspective {
    /// "I notice myself pulling away."
    IPullAway,
    /// "I feel my partner pulling away."
    PartnerPullsAway,
}

impl Perspective {
    /// Both perspectives, in the order they are offered.
    pub const ALL: [Perspective; 2] = [Perspective::IPullAway, Perspective::PartnerPullsAway];

    /// The short label shown to the person.
    pub fn label(self) -> &'static str {
        match self {
            Perspective::IPullAway => "I pull away",
            Perspective::PartnerPullsAway => "My partner pulls away",
        }
    }

    /// The stable identifier used in files.
    pub fn id(self) -> &'static str {
        match self {
            Perspective::IPullAway => "i-pull-away",
            Perspective::PartnerPullsAway => "partner-pulls-away",
        }
    }

    /// Parses the stable identifier.
    pub fn from_id(id: &str) -> Option<Perspective> {
        Perspective::ALL.into_iter().find(|p| p.id() == id)
    }
}

impl fmt::Display for Perspective {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Defines a 1–5 scale newtype that can only hold 1..=5.
macro_rules! scale {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "i64", into = "u8")]
        pub struct $name(u8);

        impl $name {
            /// The lowest value.
            pub const MIN: $name = $name(1);
            /// The highest value.
            pub const MAX: $name = $name(5);

            /// The value, 1..=5.
            pub fn get(self) -> u8 {
                self.0
            }
        }

        impl TryFrom<i64> for $name {
            type Error = JournalError;
            fn try_from(value: i64) -> Result<Self, Self::Error> {
                match u8::try_from(value) {
                    Ok(v @ 1..=5) => Ok($name(v)),
                    _ => Err(JournalError::OutOfRange { what: $what, value }),
                }
            }
        }

        impl TryFrom<u8> for $name {
            type Error = JournalError;
            fn try_from(value: u8) -> Result<Self, Self::Error> {
                $name::try_from(i64::from(value))
            }
        }

        impl From<$name> for u8 {
            fn from(value: $name) -> u8 {
                value.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

pub(super) use scale;

scale!(
    /// A rating on any of an entry's 1–5 scales ([`super::scale::Scale`]), as readers that
    /// treat the scales alike see it.
    Rating,
    "rating"
);

scale!(
    /// How strongly a trigger was felt, 1 (a little) to 5 (a lot).
    Intensity,
    "intensity"
);
scale!(
    /// How helpful a tried strategy was, 1 (not at all) to 5 (very).
    Helpfulness,
    "helpfulness"
);

scale!(
    /// How bad a feared outcome would be, or was, 1 (a little) to 5 (very).
    Badness,
    "how bad"
);

impl Rating {
    /// A rating from a value already known to be 1..=5 (another scale's newtype).
    pub(super) fn of_valid(value: u8) -> Rating {
        debug_assert!((1..=5).contains(&value), "{value}");
        Rating(value.clamp(1, 5))
    }
}

/// Defines a non-empty text newtype held compactly: short ids live inline, with no allocation
/// of their own (a journal holds hundreds of thousands of them).
macro_rules! compact_text {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "CompactString", into = "String")]
        pub struct $name(CompactString);

        impl $name {
            /// The text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<CompactString> for $name {
            type Error = JournalError;
            fn try_from(value: CompactString) -> Result<Self, Self::Error> {
                if value.trim().is_empty() {
                    Err(JournalError::Empty { what: $what })
                } else {
                    Ok($name(value))
                }
            }
        }

        impl TryFrom<String> for $name {
            type Error = JournalError;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                $name::try_from(CompactString::from(value))
            }
        }

        impl TryFrom<&str> for $name {
            type Error = JournalError;
            fn try_from(value: &str) -> Result<Self, Self::Error> {
                $name::try_from(CompactString::from(value))
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0.into()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

compact_text!(
    /// A stable, non-empty entry identifier.
    EntryId,
    "entry id"
);

impl EntryId {
    /// Builds an id for an entry created at `now`; `salt` tells apart entries made in the same
    /// second (the caller passes something that differs between them, e.g. sub-second time).
    pub fn generate(now: DateTime<FixedOffset>, salt: u32) -> EntryId {
        EntryId(compact_str::format_compact!(
            "{}-{:08x}",
            now.format("%Y%m%d-%H%M%S"),
            salt
        ))
    }
}

compact_text!(
    /// A non-empty reference to a bundled item (trigger, strategy, prompt) or a custom name.
    Name,
    "id or name"
);

/// Which trigger was felt: a bundled one by id, or one the person named.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TriggerRef {
    /// A bundled trigger's id.
    Id(Name),
    /// A trigger the person named themselves.
    Custom(Name),
}

/// A record whose texts can be changed one at a time, by their place in its `texts` (how a
/// text written in `$EDITOR` comes back into it).
pub trait Texts {
    /// Its text number `i`, to change; `None` past the last.
    fn text_mut(&mut self, i: usize) -> Option<&mut String>;
}
