//! The bundled guidance: triggers, signs, strategies, prompts and article digests,
//! embedded in the binary from `content/`, with the person's own prompts and strategies merged
//! over them. Read-only; no terminal here, and files are read only in `user`.

pub mod checkin;
pub mod model;
pub mod offer;
pub mod user;
pub mod validate;

mod bundled;
pub mod search;

use std::collections::HashSet;
use std::fmt;

use chrono::{Datelike, Days, NaiveDate};
use serde::de::DeserializeOwned;
use thiserror::Error;

use crate::journal::{Entry, Perspective, TriggerRef};

pub use model::{
    BidExample, BidWords, Card, Category, Digest, Episodes, Faq, HardTalk, Phrase, Prompt,
    PromptKind, Purpose, Ritual, ScriptStep, Section, Sign, Source, StarterLadder, StateOfUs,
    Strategy, Tier, TimeOutWords, Toolkit, Trap, Trigger, TriggerGroup, Turning, Urge, fits,
};
pub use search::{Hit, ItemKind};

/// A problem in a content file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub struct ContentError {
    /// The file (a bundled file's name, or a user file's path).
    pub file: String,
    /// The line, when known.
    pub line: Option<usize>,
    /// The column (from 1, in characters), when the place is known within the line (a TOML
    /// syntax mistake, a value of the wrong type).
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(
                f,
                "{}, line {line}, column {column}: {}",
                self.file, self.message
            ),
            (Some(line), None) => write!(f, "{}, line {line}: {}", self.file, self.message),
            _ => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl ContentError {
    /// A mistake `toml_text` found in `file`.
    pub fn of(file: &str, m: crate::toml_text::Mistake) -> ContentError {
        ContentError {
            file: file.to_owned(),
            line: Some(m.line),
            column: Some(m.column),
            message: m.message,
        }
    }
}

/// How many days back an answered prompt is kept out of the prompt of the day.
pub const RECENT_DAYS: u64 = 30;

/// All content, bundled and the person's own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalog {
    /// Triggers, in file order.
    pub triggers: Vec<Trigger>,
    /// Signs and behaviours.
    pub signs: Vec<Sign>,
    /// Strategies.
    pub strategies: Vec<Strategy>,
    /// Prompts.
    pub prompts: Vec<Prompt>,
    /// Article digests, and the safety page.
    pub digests: Vec<Digest>,
    /// Things to say and try, and the card for the urge to pull away.
    pub toolkit: Toolkit,
    /// The urge vocabulary and the words around the episode and prediction steps.
    pub episodes: Episodes,
    /// Turning toward each other: bids, time-outs, starter ladders, the checklist before a
    /// hard talk and the weekly "state of us".
    pub turning: Turning,
}

impl Catalog {
    /// The content embedded in this binary.
    pub fn bundled() -> Result<Catalog, ContentError> {
        bundled::load()
    }

    /// An urge by id.
    pub fn urge(&self, id: &str) -> Option<&Urge> {
        self.episodes.urges.iter().find(|u| u.id == id)
    }

    /// An urge's label, or the person's own words as they wrote them.
    pub fn urge_label<'a>(&'a self, word: &'a str) -> &'a str {
        self.urge(word).map_or(word, |u| u.label.as_str())
    }

    /// The urges that fit a perspective (all, for none or both).
    pub fn urges_for(&self, perspective: Option<Perspective>) -> Vec<&Urge> {
        self.episodes
            .urges
            .iter()
            .filter(|u| fits(&u.perspectives, perspective))
            .collect()
    }

    /// The prompts of `kind` that fit a perspective.
    pub fn prompts_of(&self, kind: PromptKind, perspective: Option<Perspective>) -> Vec<&Prompt> {
        those(&self.prompts, |p| {
            p.kind == kind && fits(&p.perspectives, perspective)
        })
    }

    /// A trigger by id.
    pub fn trigger(&self, id: &str) -> Option<&Trigger> {
        self.triggers.iter().find(|t| t.id == id)
    }

    /// A logged trigger's name: the bundled trigger's, or the person's own.
    pub fn trigger_label(&self, t: &TriggerRef) -> String {
        match t {
            TriggerRef::Id(id) => self
                .trigger(id.as_str())
                .map_or(id.to_string(), |t| t.name.clone()),
            TriggerRef::Custom(name) => name.to_string(),
        }
    }

    /// A sign by id.
    pub fn sign(&self, id: &str) -> Option<&Sign> {
        self.signs.iter().find(|s| s.id == id)
    }

    /// A strategy by id.
    pub fn strategy(&self, id: &str) -> Option<&Strategy> {
        self.strategies.iter().find(|s| s.id == id)
    }

    /// A prompt by id.
    pub fn prompt(&self, id: &str) -> Option<&Prompt> {
        self.prompts.iter().find(|p| p.id == id)
    }

    /// A digest by id.
    pub fn digest(&self, id: &str) -> Option<&Digest> {
        self.digests.iter().find(|d| d.id == id)
    }

    /// Whether a trigger id is one of the Safety group (fear of a partner, or one's own anger
    /// or need to control): a check-in that logs one offers no strategy or question that can
    /// raise the risk with a frightening partner (see [`offer`]).
    pub fn is_safety_trigger(&self, id: &str) -> bool {
        self.trigger(id)
            .is_some_and(|t| t.group == TriggerGroup::Safety)
    }

    /// Whether `t` is a bundled trigger of the Safety group.
    pub fn is_safety(&self, t: &TriggerRef) -> bool {
        matches!(t, TriggerRef::Id(id) if self.is_safety_trigger(id.as_str()))
    }

    /// Whether any entry of the [`RECENT_DAYS`] days up to `today` logged a Safety trigger:
    /// then the prompt of the day is never one that starts a talk with the partner.
    pub fn safety_logged_recently(&self, entries: &[Entry], today: NaiveDate) -> bool {
        let since = today
            .checked_sub_days(Days::new(RECENT_DAYS))
            .unwrap_or(NaiveDate::MIN);
        entries
            .iter()
            .filter(|e| e.date >= since && e.date <= today)
            .flat_map(|e| e.triggers.iter())
            .any(
                |t| matches!(&t.trigger, TriggerRef::Id(id) if self.is_safety_trigger(id.as_str())),
            )
    }

    /// Triggers in a group that fit a perspective (`None`: any).
    pub fn triggers_in(
        &self,
        group: TriggerGroup,
        perspective: Option<Perspective>,
    ) -> Vec<&Trigger> {
        those(&self.triggers, |t| {
            t.group == group && fits(&t.perspectives, perspective)
        })
    }

    /// Signs that fit a perspective.
    pub fn signs_for(&self, perspective: Option<Perspective>) -> Vec<&Sign> {
        those(&self.signs, |s| fits(&s.perspectives, perspective))
    }

    /// Strategies that fit a perspective.
    pub fn strategies_for(&self, perspective: Option<Perspective>) -> Vec<&Strategy> {
        those(&self.strategies, |s| fits(&s.perspectives, perspective))
    }

    /// Strategies in a category.
    pub fn strategies_in(&self, category: Category) -> Vec<&Strategy> {
        those(&self.strategies, |s| s.category == category)
    }

    /// Strategies that fit a trigger and a perspective.
    pub fn strategies_for_trigger(
        &self,
        trigger: &str,
        perspective: Option<Perspective>,
    ) -> Vec<&Strategy> {
        those(&self.strategies, |s| {
            s.triggers.iter().any(|t| t == trigger) && fits(&s.perspectives, perspective)
        })
    }

    /// Prompts that fit a perspective.
    pub fn prompts_for(&self, perspective: Option<Perspective>) -> Vec<&Prompt> {
        those(&self.prompts, |p| fits(&p.perspectives, perspective))
    }

    /// Prompts of a trigger that fit a perspective.
    pub fn prompts_for_trigger(
        &self,
        trigger: &str,
        perspective: Option<Perspective>,
    ) -> Vec<&Prompt> {
        those(&self.prompts, |p| {
            p.triggers.iter().any(|t| t == trigger) && fits(&p.perspectives, perspective)
        })
    }

    /// Up to `limit` prompts for the logged triggers, taking one from each trigger in turn
    /// (so three triggers give one prompt each), never the same prompt twice. Empty when no
    /// logged trigger has prompts for this perspective.
    pub fn prompts_for_triggers(
        &self,
        triggers: &[&str],
        perspective: Option<Perspective>,
        limit: usize,
    ) -> Vec<&Prompt> {
        let lists: Vec<Vec<&Prompt>> = triggers
            .iter()
            .map(|t| self.prompts_for_trigger(t, perspective))
            .collect();
        interleave(&lists, limit)
    }
}

/// The items `keep` keeps, in order.
fn those<T>(items: &[T], keep: impl Fn(&T) -> bool) -> Vec<&T> {
    items.iter().filter(|i| keep(i)).collect()
}

/// Up to `limit` prompts taken from `lists` in turns (the first of each list, then the
/// second of each…), each once.
pub(crate) fn interleave<'a>(lists: &[Vec<&'a Prompt>], limit: usize) -> Vec<&'a Prompt> {
    let mut chosen: Vec<&Prompt> = Vec::new();
    let longest = lists.iter().map(Vec::len).max().unwrap_or(0);
    for round in 0..longest {
        for list in lists {
            if chosen.len() == limit {
                return chosen;
            }
            if let Some(p) = list.get(round)
                && !chosen.iter().any(|c| c.id == p.id)
            {
                chosen.push(p);
            }
        }
    }
    chosen
}

impl Catalog {
    /// The prompt of the day: a general prompt (one tied to no trigger) that fits the
    /// perspective, the same all day and a different one the next, preferring prompts not
    /// answered in the [`RECENT_DAYS`] days before today. Answers written today do not change
    /// it, so it stays put while you answer it. Never one that starts a talk with the partner
    /// (`safe_only`) when a Safety trigger was logged in those days.
    pub fn prompt_of_the_day(
        &self,
        today: NaiveDate,
        perspective: Option<Perspective>,
        entries: &[Entry],
    ) -> Option<&Prompt> {
        self.prompt_of_the_day_avoiding(
            today,
            perspective,
            &recently_answered(entries, today),
            self.safety_logged_recently(entries, today),
        )
    }

    /// The prompt of the day, given the prompt ids answered recently (see
    /// [`recently_answered`]) and whether a Safety trigger was logged recently (see
    /// [`Catalog::safety_logged_recently`]).
    pub fn prompt_of_the_day_avoiding(
        &self,
        today: NaiveDate,
        perspective: Option<Perspective>,
        recent: &HashSet<String>,
        safety: bool,
    ) -> Option<&Prompt> {
        let mut general: Vec<&Prompt> = self
            .prompts
            .iter()
            .filter(|p| {
                p.triggers.is_empty()
                    && p.kind.stands_alone()
                    && fits(&p.perspectives, perspective)
                    && !(safety && p.safe_only)
            })
            .collect();
        if general.is_empty() {
            general = self.prompts_for(perspective);
        }
        general.sort_by(|a, b| a.id.cmp(&b.id));
        let fresh: Vec<&Prompt> = general
            .iter()
            .copied()
            .filter(|p| !recent.contains(&p.id))
            .collect();
        let pool = if fresh.is_empty() { general } else { fresh };
        let day = usize::try_from(today.num_days_from_ce()).unwrap_or(0);
        pool.get(day % pool.len().max(1)).copied()
    }

    /// The digest sections that speak to a trigger, with their digest.
    pub fn sections_for_trigger(&self, trigger: &str) -> Vec<(&Digest, &Section)> {
        self.digests
            .iter()
            .flat_map(|d| d.sections.iter().map(move |s| (d, s)))
            .filter(|(_, s)| s.triggers.iter().any(|t| t == trigger))
            .collect()
    }

    /// Searches titles and text; see [`search::search`].
    pub fn search(&self, query: &str) -> Vec<Hit> {
        search::search(self, query)
    }
}

/// The content for this run: the bundled set with the person's own files in `user_dir` merged
/// over it. Every problem is returned; whatever could be read is used.
pub fn load(user_dir: Option<&std::path::Path>) -> (Catalog, Vec<ContentError>) {
    let (mut catalog, mut errors) = match Catalog::bundled() {
        Ok(c) => (c, Vec::new()),
        Err(e) => (Catalog::default(), vec![e]),
    };
    if let Some(dir) = user_dir {
        errors.extend(user::merge(&mut catalog, dir));
    }
    (catalog, errors)
}

/// The prompt ids answered (with a non-empty answer) in the [`RECENT_DAYS`] days before
/// `today`; today's own answers are left out, so the prompt of the day stays put all day.
pub fn recently_answered(entries: &[Entry], today: NaiveDate) -> HashSet<String> {
    let since = today
        .checked_sub_days(Days::new(RECENT_DAYS))
        .unwrap_or(NaiveDate::MIN);
    entries
        .iter()
        .filter(|e| e.date >= since && e.date < today)
        .flat_map(|e| e.responses.iter())
        .filter(|r| !r.answer.trim().is_empty())
        .filter_map(|r| r.prompt_id.as_ref().map(|id| id.as_str().to_owned()))
        .collect()
}

/// Parses one TOML content file, saying where a problem is.
pub(crate) fn parse_toml<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, ContentError> {
    toml::from_str(text).map_err(|e| {
        let (line, column) = match e.span() {
            Some(span) => {
                let (line, column) = crate::toml_text::position(text, span.start);
                (Some(line), Some(column))
            }
            None => (None, None),
        };
        ContentError {
            file: file.to_owned(),
            line,
            column,
            message: e.message().trim().to_owned(),
        }
    })
}

#[cfg(test)]
mod tests;
