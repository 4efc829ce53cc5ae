//! What the person chose and what the app remembers between runs (kept in `state.json`, and
//! for people who keep dotfiles, partly set in `config.toml`).

use std::collections::BTreeMap;
use std::str::FromStr;

use chrono::Weekday;
use serde::{Deserialize, Serialize};
use strum::{EnumMessage, EnumString, IntoStaticStr, VariantArray};

use super::Perspective;

/// A setting with a fixed set of values. Each value has an id in files and in `config.toml`
/// (strum's `IntoStaticStr` and `EnumString`, in kebab case like serde's names) and a label on
/// screen (its strum `message`); the values are offered in the order they are declared.
pub trait Choice:
    Copy + PartialEq + VariantArray + EnumMessage + FromStr + Into<&'static str>
{
    /// Its id in files.
    fn id(self) -> &'static str {
        self.into()
    }

    /// Its label on screen.
    fn label(self) -> &'static str {
        self.get_message().unwrap_or_default()
    }

    /// The value with this id.
    fn from_id(id: &str) -> Option<Self> {
        id.parse().ok()
    }

    /// The ids, for messages ("a", "b" or "c").
    fn ids() -> String {
        let ids: Vec<String> = Self::VARIANTS
            .iter()
            .map(|v| format!("\"{}\"", v.id()))
            .collect();
        match ids.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
            _ => ids.join(""),
        }
    }

    /// The next value, round.
    fn next(self) -> Self {
        let all = Self::VARIANTS;
        let i = all.iter().position(|v| *v == self).unwrap_or(0);
        all[(i + 1) % all.len()]
    }

    /// The previous value, round.
    fn prev(self) -> Self {
        let all = Self::VARIANTS;
        let i = all.iter().position(|v| *v == self).unwrap_or(0);
        all[(i + all.len() - 1) % all.len()]
    }
}

/// Whose distance the journal is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[derive(VariantArray, IntoStaticStr, EnumString, EnumMessage)]
#[strum(serialize_all = "kebab-case")]
pub enum PerspectiveChoice {
    /// "I notice myself pulling away."
    #[default]
    #[strum(message = "I pull away")]
    IPullAway,
    /// "I feel my partner pulling away."
    #[strum(message = "My partner pulls away")]
    PartnerPullsAway,
    /// Both, in turns.
    #[strum(message = "Both")]
    Both,
}

impl Choice for PerspectiveChoice {}

impl PerspectiveChoice {
    /// Every value, in the order offered.
    pub const ALL: &'static [PerspectiveChoice] = <PerspectiveChoice as VariantArray>::VARIANTS;

    /// Its id, as [`Choice::id`] (here as well for callers without the trait in scope).
    pub fn id(self) -> &'static str {
        Choice::id(self)
    }

    /// The value with this id, as [`Choice::from_id`] (here as well for callers without the
    /// trait in scope).
    pub fn from_id(id: &str) -> Option<PerspectiveChoice> {
        <PerspectiveChoice as Choice>::from_id(id)
    }

    /// The perspective content is filtered by: `None` for both.
    pub fn perspective(self) -> Option<Perspective> {
        match self {
            PerspectiveChoice::IPullAway => Some(Perspective::IPullAway),
            PerspectiveChoice::PartnerPullsAway => Some(Perspective::PartnerPullsAway),
            PerspectiveChoice::Both => None,
        }
    }
}

impl From<Perspective> for PerspectiveChoice {
    fn from(p: Perspective) -> PerspectiveChoice {
        match p {
            Perspective::IPullAway => PerspectiveChoice::IPullAway,
            Perspective::PartnerPullsAway => PerspectiveChoice::PartnerPullsAway,
        }
    }
}

/// The colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[derive(VariantArray, IntoStaticStr, EnumString, EnumMessage)]
#[strum(serialize_all = "kebab-case")]
pub enum ThemeChoice {
    /// Calm colours.
    #[default]
    #[strum(message = "Default")]
    Default,
    /// Strong contrast, bold.
    #[strum(message = "High contrast")]
    HighContrast,
    /// No colour at all: bold, reverse and underline.
    #[strum(message = "No colour")]
    NoColour,
}

impl Choice for ThemeChoice {}

impl ThemeChoice {
    /// Every value, in the order offered.
    pub const ALL: &'static [ThemeChoice] = <ThemeChoice as VariantArray>::VARIANTS;
}

/// The words shown beside mood values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[derive(VariantArray, IntoStaticStr, EnumString, EnumMessage)]
#[strum(serialize_all = "kebab-case")]
pub enum MoodLabels {
    /// very low … very good.
    #[default]
    #[strum(message = "Words (very low … very good)")]
    Words,
    /// struggling … bright.
    #[strum(message = "Gentle (struggling … bright)")]
    Gentle,
    /// Numbers only.
    #[strum(message = "Numbers only")]
    Numbers,
}

impl Choice for MoodLabels {}

impl MoodLabels {
    /// Every value, in the order offered.
    pub const ALL: &'static [MoodLabels] = <MoodLabels as VariantArray>::VARIANTS;
}

impl MoodLabels {
    /// The label of mood value `v` (1..=5).
    pub fn label_of(self, v: u8) -> &'static str {
        let i = usize::from(v.clamp(1, 5) - 1);
        match self {
            MoodLabels::Words => ["very low", "low", "okay", "good", "very good"][i],
            MoodLabels::Gentle => ["struggling", "low", "steady", "good", "bright"][i],
            MoodLabels::Numbers => "",
        }
    }
}

/// The first day of the week (insights' weeks and calendars).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[derive(VariantArray, IntoStaticStr, EnumString, EnumMessage)]
#[strum(serialize_all = "kebab-case")]
pub enum WeekStart {
    /// Monday.
    #[default]
    #[strum(message = "Monday")]
    Monday,
    /// Sunday.
    #[strum(message = "Sunday")]
    Sunday,
}

impl Choice for WeekStart {}

impl WeekStart {
    /// Every value, in the order offered.
    pub const ALL: &'static [WeekStart] = <WeekStart as VariantArray>::VARIANTS;
}

impl WeekStart {
    /// As a chrono weekday.
    pub fn weekday(self) -> Weekday {
        match self {
            WeekStart::Monday => Weekday::Mon,
            WeekStart::Sunday => Weekday::Sun,
        }
    }
}

/// Choices and small memories that outlive a session.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Preferences {
    /// The perspective chosen at first run; `None` until then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub perspective: Option<PerspectiveChoice>,
    /// The colours.
    #[serde(default, skip_serializing_if = "is_default")]
    pub theme: ThemeChoice,
    /// The words beside mood values.
    #[serde(default, skip_serializing_if = "is_default")]
    pub mood_labels: MoodLabels,
    /// The first day of the week.
    #[serde(default, skip_serializing_if = "is_default")]
    pub week_start: WeekStart,
    /// Whether the week card also shows that week a month and a year ago (off by default: some
    /// find it helps, some find it painful).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub week_card_past: bool,
    /// The editor for `Ctrl-E`; `None`: `$VISUAL`, then `$EDITOR`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub editor: Option<String>,
    /// Favourite strategy ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub favourites: Vec<String>,
    /// Strategies to offer first in the next check-in ("plan it for my next check-in").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub planned_next: Vec<String>,
    /// Custom trigger names used before, offered again in later check-ins.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_triggers: Vec<String>,
    /// Feeling words of the person's own (not in the bundled vocabulary), offered again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_feelings: Vec<String>,
    /// Fields this version does not know, kept as they were.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

impl Preferences {
    /// Whether the first-run questions still need asking.
    pub fn is_first_run(&self) -> bool {
        self.perspective.is_none()
    }

    /// The perspective content is shown for (`None`: both, or not chosen yet).
    pub fn perspective(&self) -> Option<Perspective> {
        self.perspective.and_then(PerspectiveChoice::perspective)
    }
}

/// The two lists of the person's own words that closer remembers between check-ins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, VariantArray)]
pub enum OwnWords {
    /// Custom trigger names ([`Preferences::custom_triggers`]).
    Triggers,
    /// Custom feeling words ([`Preferences::custom_feelings`]).
    Feelings,
}

impl OwnWords {
    /// Both lists.
    pub const ALL: &'static [OwnWords] = <OwnWords as VariantArray>::VARIANTS;

    /// One of them, in lower case ("trigger", "feeling").
    pub fn noun(self) -> &'static str {
        match self {
            OwnWords::Triggers => "trigger",
            OwnWords::Feelings => "feeling",
        }
    }
}

/// Why a rename was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenameError {
    /// The new name is empty (or only spaces).
    Empty,
    /// The old name is not in the list (it was removed meanwhile).
    Missing,
}

/// The same word for a person: equal ignoring case and surrounding spaces.
fn same_word(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

impl Preferences {
    /// The list of own words of `kind`.
    pub fn own(&self, kind: OwnWords) -> &[String] {
        match kind {
            OwnWords::Triggers => &self.custom_triggers,
            OwnWords::Feelings => &self.custom_feelings,
        }
    }

    fn own_mut(&mut self, kind: OwnWords) -> &mut Vec<String> {
        match kind {
            OwnWords::Triggers => &mut self.custom_triggers,
            OwnWords::Feelings => &mut self.custom_feelings,
        }
    }

    /// Remembers `word` in the list of `kind`, unless it is empty or there already (ignoring
    /// case). Returns whether the list changed.
    pub fn remember(&mut self, kind: OwnWords, word: &str) -> bool {
        let word = word.trim();
        let list = self.own_mut(kind);
        if word.is_empty() || list.iter().any(|w| same_word(w, word)) {
            return false;
        }
        list.push(word.to_owned());
        true
    }

    /// Renames `old` to `new` in the list of `kind`, keeping its place; if `new` is there
    /// already (ignoring case) the two become one. Entries are not touched: an entry keeps the
    /// words it was saved with.
    pub fn rename_own(&mut self, kind: OwnWords, old: &str, new: &str) -> Result<(), RenameError> {
        let new = new.trim();
        if new.is_empty() {
            return Err(RenameError::Empty);
        }
        let list = self.own_mut(kind);
        let at = list
            .iter()
            .position(|w| w == old)
            .ok_or(RenameError::Missing)?;
        list[at] = new.to_owned();
        let mut seen: Vec<String> = Vec::new();
        list.retain(|w| {
            let keep = !seen.iter().any(|s| same_word(s, w));
            seen.push(w.clone());
            keep
        });
        Ok(())
    }

    /// Forgets `word` from the list of `kind` (entries keep it). Returns whether it was there.
    pub fn forget_own(&mut self, kind: OwnWords, word: &str) -> bool {
        let list = self.own_mut(kind);
        let before = list.len();
        list.retain(|w| w != word);
        list.len() != before
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_words_are_remembered_once_renamed_in_place_and_forgotten() {
        let mut p = Preferences::default();
        assert!(p.remember(OwnWords::Feelings, " wistful "));
        assert!(
            !p.remember(OwnWords::Feelings, "Wistful"),
            "same word, other case"
        );
        assert!(!p.remember(OwnWords::Feelings, "  "));
        assert!(p.remember(OwnWords::Feelings, "homesick"));
        assert!(p.remember(OwnWords::Triggers, "money talk"));
        assert_eq!(p.own(OwnWords::Feelings), ["wistful", "homesick"]);
        assert_eq!(p.own(OwnWords::Triggers), ["money talk"]);

        assert_eq!(
            p.rename_own(OwnWords::Feelings, "wistful", "  "),
            Err(RenameError::Empty)
        );
        assert_eq!(
            p.rename_own(OwnWords::Feelings, "gone", "x"),
            Err(RenameError::Missing)
        );
        p.rename_own(OwnWords::Feelings, "wistful", "nostalgic")
            .unwrap();
        assert_eq!(p.own(OwnWords::Feelings), ["nostalgic", "homesick"]);
        // Renaming onto a word already there merges the two.
        p.rename_own(OwnWords::Feelings, "homesick", "Nostalgic")
            .unwrap();
        assert_eq!(p.own(OwnWords::Feelings), ["nostalgic"]);

        assert!(p.forget_own(OwnWords::Feelings, "nostalgic"));
        assert!(!p.forget_own(OwnWords::Feelings, "nostalgic"));
        assert!(p.own(OwnWords::Feelings).is_empty());
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(json, r#"{"custom_triggers":["money talk"]}"#);
    }

    #[test]
    fn old_state_files_still_read_and_defaults_are_not_written() {
        let prefs: Preferences =
            serde_json::from_str(r#"{"perspective": "partner-pulls-away"}"#).unwrap();
        assert_eq!(prefs.perspective(), Some(Perspective::PartnerPullsAway));
        assert_eq!(prefs.theme, ThemeChoice::Default);
        let json = serde_json::to_string(&prefs).unwrap();
        assert_eq!(json, r#"{"perspective":"partner-pulls-away"}"#);
        let both: Preferences = serde_json::from_str(r#"{"perspective": "both"}"#).unwrap();
        assert_eq!(both.perspective(), None);
        assert!(!both.is_first_run());
    }

    #[test]
    fn choices_go_round_and_name_their_values() {
        assert_eq!(ThemeChoice::NoColour.next(), ThemeChoice::Default);
        assert_eq!(ThemeChoice::Default.prev(), ThemeChoice::NoColour);
        assert_eq!(WeekStart::ids(), r#""monday" or "sunday""#);
        assert_eq!(
            ThemeChoice::ids(),
            r#""default", "high-contrast" or "no-colour""#
        );
        assert_eq!(MoodLabels::from_id("gentle"), Some(MoodLabels::Gentle));
        assert_eq!(MoodLabels::Gentle.label_of(5), "bright");
        assert_eq!(MoodLabels::Numbers.label_of(3), "");
    }

    /// Each choice's id in files and its label on screen; serde writes the id.
    fn written<T: Choice + Serialize>() -> Vec<(&'static str, &'static str)> {
        T::VARIANTS
            .iter()
            .map(|v| {
                let json = serde_json::to_string(v).unwrap();
                assert_eq!(json, format!("\"{}\"", v.id()), "serde writes the id");
                (v.id(), v.label())
            })
            .collect()
    }

    #[test]
    fn every_choice_has_its_id_in_files_and_its_label() {
        let all = [
            written::<PerspectiveChoice>(),
            written::<ThemeChoice>(),
            written::<MoodLabels>(),
            written::<WeekStart>(),
        ];
        assert_eq!(
            all,
            [
                vec![
                    ("i-pull-away", "I pull away"),
                    ("partner-pulls-away", "My partner pulls away"),
                    ("both", "Both"),
                ],
                vec![
                    ("default", "Default"),
                    ("high-contrast", "High contrast"),
                    ("no-colour", "No colour"),
                ],
                vec![
                    ("words", "Words (very low … very good)"),
                    ("gentle", "Gentle (struggling … bright)"),
                    ("numbers", "Numbers only"),
                ],
                vec![("monday", "Monday"), ("sunday", "Sunday")],
            ]
        );
        assert_eq!(
            PerspectiveChoice::from_id("both"),
            Some(PerspectiveChoice::Both)
        );
        assert_eq!(
            ThemeChoice::from_id("No colour"),
            None,
            "a label is not an id"
        );
        assert_eq!(ThemeChoice::from_id("No-Colour"), None, "ids are exact");
    }
}
