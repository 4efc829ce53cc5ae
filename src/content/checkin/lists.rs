//! The lists of the feelings and triggers steps: the words closer knows, the person's own
//! (remembered from earlier check-ins), and those in the draft.

use crate::content::{Catalog, TriggerGroup};
use crate::journal::vocabulary::EMOTIONS;
use crate::journal::{Entry, Name, Perspective, Preferences, TriggerRef};

/// Key prefix of the person's own triggers in [`TriggerChoice::key`].
pub const CUSTOM: &str = "custom:";
/// The group the person's own triggers are listed under.
pub const OWN_GROUP: &str = "Your own";

/// The feelings offered: the words closer knows, then the person's own, then any other in
/// `drafted` (a resumed check-in's), each once.
pub fn feelings(prefs: &Preferences, drafted: &[String]) -> Vec<String> {
    let mut words: Vec<String> = EMOTIONS.iter().map(|w| (*w).to_owned()).collect();
    for e in prefs.custom_feelings.iter().chain(drafted) {
        if !words.contains(e) {
            words.push(e.clone());
        }
    }
    words
}

/// A trigger offered by the triggers step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TriggerChoice {
    /// Its key: a bundled trigger's id, or [`CUSTOM`] and the person's own name.
    pub key: String,
    /// Its name.
    pub label: String,
    /// What it is, in a line (the partner's side of it, from that perspective); empty for the
    /// person's own.
    pub detail: String,
    /// The group it is listed under.
    pub group: String,
}

/// The triggers offered for `draft`'s perspective, group by group, then the person's own
/// (remembered, and those in the draft).
pub fn trigger_choices(
    catalog: &Catalog,
    prefs: &Preferences,
    draft: &Entry,
) -> Vec<TriggerChoice> {
    let perspective = draft.perspective;
    let mut rows = Vec::new();
    for group in TriggerGroup::ALL {
        for t in catalog.triggers_in(*group, perspective) {
            // The summary that speaks to this person: the partner's, where there is one.
            let detail = match (perspective, &t.partner_summary) {
                (Some(Perspective::PartnerPullsAway), Some(theirs)) => theirs.clone(),
                _ => t.summary.clone(),
            };
            rows.push(TriggerChoice {
                key: t.id.clone(),
                label: t.name.clone(),
                detail,
                group: group.label().to_owned(),
            });
        }
    }
    let drafted = draft.triggers.iter().filter_map(|t| match &t.trigger {
        TriggerRef::Custom(n) => Some(n.to_string()),
        TriggerRef::Id(_) => None,
    });
    let mut own: Vec<String> = prefs.custom_triggers.clone();
    for name in drafted {
        if !own.contains(&name) {
            own.push(name);
        }
    }
    for name in own {
        rows.push(TriggerChoice {
            key: custom_key(&name),
            label: name,
            detail: String::new(),
            group: OWN_GROUP.to_owned(),
        });
    }
    rows
}

/// The key of the person's own trigger `name`.
pub fn custom_key(name: &str) -> String {
    format!("{CUSTOM}{name}")
}

/// The key of a trigger logged.
pub fn trigger_key(t: &TriggerRef) -> String {
    match t {
        TriggerRef::Id(id) => id.to_string(),
        TriggerRef::Custom(name) => custom_key(name.as_str()),
    }
}

/// The trigger a key stands for; `None` for a name an entry cannot hold.
pub fn trigger_ref(key: &str) -> Option<TriggerRef> {
    let name = Name::try_from(key.strip_prefix(CUSTOM).unwrap_or(key)).ok()?;
    Some(if key.starts_with(CUSTOM) {
        TriggerRef::Custom(name)
    } else {
        TriggerRef::Id(name)
    })
}
