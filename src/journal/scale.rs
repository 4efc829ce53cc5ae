//! The 1–5 ratings an entry holds (mood, closeness), described once.
//!
//! Every reader — the check-in's scales step, review's list and filter, insights, the CSV
//! columns, `closer stats` and the report's charts — iterates over [`Scale::ALL`] rather
//! than naming a rating. A new rating is one variant and one row of [`ABOUT`] and its newtype
//! (`entry_scale!`) here, its field in `Entry` with its arms in `Scale::of` and `Scale::set`
//! (entry.rs, beside the fields), and its style in the report's chart (`report/chart.rs`).

use std::ops::{Index, IndexMut};

use std::fmt;

use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use strum::VariantArray;

use super::JournalError;
use super::preferences::MoodLabels;
use super::values::Rating;

/// Defines the newtype of one of an entry's scales (so a bad value in a file is named by its
/// field: "mood must be between 1 and 5"), which converts to and from a [`Rating`].
macro_rules! entry_scale {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        super::values::scale!($(#[$doc])* $name, $what);

        impl From<$name> for Rating {
            fn from(value: $name) -> Rating {
                Rating::of_valid(value.0)
            }
        }

        impl From<Rating> for $name {
            fn from(value: Rating) -> $name {
                $name(value.get())
            }
        }
    };
}

entry_scale!(
    /// How the person feels, 1 (very low) to 5 (very good).
    Mood,
    "mood"
);
entry_scale!(
    /// How connected to the partner the person feels, 1 (far apart) to 5 (very close).
    Closeness,
    "closeness"
);

/// A 1–5 rating an entry may hold. The order of the variants is the order every reader shows
/// them in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, VariantArray)]
pub enum Scale {
    /// How the person feels, 1 (very low) to 5 (very good).
    Mood,
    /// How connected to the partner the person feels, 1 (far apart) to 5 (very close).
    Closeness,
}

/// What a scale is called and how its values read.
#[derive(Debug)]
pub struct About {
    /// Its id: the entry's field in files, the CSV column, the filter's word ("mood").
    pub id: &'static str,
    /// Its name at the start of a line ("Mood").
    pub label: &'static str,
    /// Its short name in review's list ("close").
    pub short: &'static str,
    /// The check-in's question; `{when}` stands for "today" or "that day".
    pub question: &'static str,
    /// The word beside each value, 1 to 5.
    pub words: [&'static str; 5],
    /// What review's filter offers for it.
    pub filter_hint: &'static str,
    /// The question over review's filter values.
    pub filter_ask: &'static str,
    /// The CSV column of its words ("mood_label").
    pub label_column: &'static str,
}

/// Each scale's description, in the order of [`Scale::ALL`].
const ABOUT: [About; Scale::COUNT] = [
    About {
        id: "mood",
        label: "Mood",
        short: "mood",
        question: "How are you feeling?",
        words: ["very low", "low", "okay", "good", "very good"],
        filter_hint: "a mood, or a range of moods",
        filter_ask: "Which mood?",
        label_column: "mood_label",
    },
    About {
        id: "closeness",
        label: "Closeness",
        short: "close",
        question: "How close do you feel to your partner {when}?",
        words: ["far apart", "distant", "in between", "close", "very close"],
        filter_hint: "a closeness, or a range",
        filter_ask: "Which closeness?",
        label_column: "closeness_label",
    },
];

impl Scale {
    /// Every scale, in the order readers show them (strum's `VariantArray`).
    pub const ALL: &'static [Scale] = <Scale as VariantArray>::VARIANTS;
    /// How many scales there are.
    pub const COUNT: usize = Self::ALL.len();

    /// Its description.
    pub fn about(self) -> &'static About {
        &ABOUT[self as usize]
    }

    /// Its id (the entry's field in files, the CSV column).
    pub fn id(self) -> &'static str {
        self.about().id
    }

    /// Its name at the start of a line ("Mood").
    pub fn label(self) -> &'static str {
        self.about().label
    }

    /// Every scale's id in a phrase: "mood and closeness" (with commas before the last "and"
    /// when there are more than two).
    pub fn named() -> String {
        let ids: Vec<&str> = Self::ALL.iter().map(|s| s.id()).collect();
        match ids.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
            _ => ids.concat(),
        }
    }

    /// The scale with this id.
    pub fn from_id(id: &str) -> Option<Scale> {
        Self::ALL.iter().copied().find(|s| s.id() == id)
    }

    /// The words beside its values 1 to 5; mood's follow the person's choice of labels.
    pub fn words(self, labels: MoodLabels) -> [&'static str; 5] {
        if self == Scale::Mood {
            [1, 2, 3, 4, 5].map(|v| labels.label_of(v))
        } else {
            self.about().words
        }
    }

    /// The word for `value` in the default labels ("okay").
    pub fn word(self, value: Rating) -> &'static str {
        self.about().words[usize::from(value.get() - 1)]
    }
}

/// One value for each scale, indexed by [`Scale`]. Serialised as the scales' ids as keys, so a
/// `#[serde(flatten)]` field reads `"mood": …, "closeness": …`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PerScale<T>(pub [T; Scale::COUNT]);

impl<T> PerScale<T> {
    /// Each scale's value from `f`.
    pub fn from_fn(mut f: impl FnMut(Scale) -> T) -> PerScale<T> {
        PerScale(std::array::from_fn(|i| f(Scale::ALL[i])))
    }

    /// Each scale with its value, in order.
    pub fn iter(&self) -> impl Iterator<Item = (Scale, &T)> {
        Scale::ALL.iter().copied().zip(self.0.iter())
    }

    /// The values mapped through `f`.
    pub fn map<U>(&self, mut f: impl FnMut(Scale, &T) -> U) -> PerScale<U> {
        PerScale::from_fn(|s| f(s, &self[s]))
    }
}

impl<T> Index<Scale> for PerScale<T> {
    type Output = T;
    fn index(&self, s: Scale) -> &T {
        &self.0[s as usize]
    }
}

impl<T> IndexMut<Scale> for PerScale<T> {
    fn index_mut(&mut self, s: Scale) -> &mut T {
        &mut self.0[s as usize]
    }
}

impl<T: Serialize> Serialize for PerScale<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(Scale::COUNT))?;
        for (s, v) in self.iter() {
            map.serialize_entry(s.id(), v)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_scale_values_serialise_under_the_scale_ids_in_order() {
        let v = PerScale::from_fn(|s| s as u8);
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            r#"{"mood":0,"closeness":1}"#
        );
        assert_eq!(
            Scale::Closeness.word(Rating::try_from(5u8).unwrap()),
            "very close"
        );
        assert_eq!(Scale::Mood.words(MoodLabels::Gentle)[4], "bright");
    }
}
