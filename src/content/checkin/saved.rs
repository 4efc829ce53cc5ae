//! What a saved check-in teaches about the person's choices, and whether it was a hard day.

use crate::content::Catalog;
use crate::journal::vocabulary::EMOTIONS;
use crate::journal::{Entry, OwnWords, Preferences, TriggerRef};

/// The preferences after `saved` was saved, when they change: the triggers and feelings the
/// person named in their own words are remembered (to be offered next time), and the
/// strategies planned from the library that the check-in `suggested` are done with.
pub fn learned(saved: &Entry, prefs: &Preferences, suggested: &[String]) -> Option<Preferences> {
    let mut prefs = prefs.clone();
    let mut changed = false;
    for t in &saved.triggers {
        if let TriggerRef::Custom(name) = &t.trigger {
            changed |= prefs.remember(OwnWords::Triggers, name.as_str());
        }
    }
    for word in &saved.emotions {
        if !EMOTIONS.contains(&word.as_str()) {
            changed |= prefs.remember(OwnWords::Feelings, word);
        }
    }
    let before = prefs.planned_next.len();
    prefs.planned_next.retain(|id| !suggested.contains(id));
    changed |= prefs.planned_next.len() != before;
    changed.then_some(prefs)
}

/// Whether `entry` tells of a hard day: the lowest mood or closeness, or a trigger of the
/// Safety group. After one, closer says once, quietly, where help is.
pub fn hard_day(entry: &Entry, catalog: &Catalog) -> bool {
    entry.mood.is_some_and(|m| m.get() == 1)
        || entry.closeness.is_some_and(|c| c.get() == 1)
        || entry.triggers.iter().any(|t| catalog.is_safety(&t.trigger))
}
