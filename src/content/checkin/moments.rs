//! What a moment traced may name (what the person did, a repair tried) and the day a
//! prediction looks back on.

use chrono::NaiveDate;

use super::Given;
use crate::content::{Catalog, Prompt, PromptKind};
use crate::journal::episode::LookBack;
use crate::journal::{Entry, Episode, Perspective, Repair, TriggerRef};

/// The repair choice meaning "not yet".
pub const NOT_YET: &str = "not-yet";

/// Words typed as a comma-separated list, trimmed, without empties.
pub fn own_words(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// What the person may say they did in `episode`, as (sign id, label): the signs noticed in
/// this check-in and those the moment names first, then the perspective's others up to ten
/// (the whole list is a wall of choices).
pub fn sign_choices(
    episode: &Episode,
    draft: &Entry,
    catalog: &Catalog,
    perspective: Option<Perspective>,
) -> Vec<(String, String)> {
    let mut sign_ids: Vec<&str> = draft.behaviours.iter().map(|b| b.as_str()).collect();
    for d in &episode.did {
        if catalog.sign(d).is_some() && !sign_ids.contains(&d.as_str()) {
            sign_ids.push(d);
        }
    }
    for s in catalog.signs_for(perspective) {
        if sign_ids.len() >= 10 {
            break;
        }
        if !sign_ids.contains(&s.id.as_str()) {
            sign_ids.push(&s.id);
        }
    }
    sign_ids
        .into_iter()
        .filter_map(|id| catalog.sign(id))
        .map(|s| (s.id.clone(), s.label.clone()))
        .collect()
}

/// The repairs offered for `episode`, as (key, label): "not yet" ([`NOT_YET`]), then
/// strategies this person knows (the one the moment names, favourites, tried before, in this
/// check-in, and the first three for each trigger logged), at most nine in all.
pub fn repair_choices(episode: &Episode, draft: &Entry, given: &Given) -> Vec<(String, String)> {
    let catalog = given.catalog;
    let mut strategies: Vec<String> = given.prefs.favourites.clone();
    let mut tried: Vec<(&String, u32)> = given
        .histories()
        .iter()
        .filter(|(_, h)| h.tried > 0)
        .map(|(id, h)| (id, h.tried))
        .collect();
    tried.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    strategies.extend(tried.into_iter().map(|(id, _)| id.clone()));
    strategies.extend(draft.strategies.iter().map(|s| s.id.to_string()));
    for t in &draft.triggers {
        if let TriggerRef::Id(id) = &t.trigger {
            strategies.extend(
                catalog
                    .strategies_for_trigger(id.as_str(), draft.perspective)
                    .into_iter()
                    .take(3)
                    .map(|s| s.id.clone()),
            );
        }
    }
    if let Some(id) = episode.repair.as_ref().and_then(Repair::strategy) {
        strategies.insert(0, id.to_string());
    }
    let mut repairs = vec![(NOT_YET.to_owned(), "not yet".to_owned())];
    for id in strategies {
        if repairs.len() > 8 || repairs.iter().any(|(key, _)| *key == id) {
            continue;
        }
        if let Some(s) = catalog.strategy(&id) {
            repairs.push((id, s.title.clone()));
        }
    }
    repairs
}

/// The question of `kind` (a moment's, a prediction's) shown over its step for `draft`'s
/// perspective: the same all day, the next one tomorrow.
pub fn question_of_the_day<'a>(
    catalog: &'a Catalog,
    kind: PromptKind,
    draft: &Entry,
) -> Option<&'a Prompt> {
    let prompts = catalog.prompts_of(kind, draft.perspective);
    if prompts.is_empty() {
        return None;
    }
    let day = usize::try_from(chrono::Datelike::num_days_from_ce(&draft.date)).unwrap_or(0);
    prompts.get(day % prompts.len()).copied()
}

/// What is wrong with `text` as the day a prediction made on `made_on` looks back on (typed
/// for "on a date"): a prediction looks back on a day to come, from the day after. `None`
/// when it is such a day.
pub fn look_back_problem(text: &str, made_on: NaiveDate) -> Option<String> {
    let first = LookBack::Tomorrow.day(made_on);
    let from = first.format("%A %-d %B");
    let text = text.trim();
    if text.is_empty() {
        return Some(format!(
            "Type the day as YYYY-MM-DD, from {from} ({first}) on."
        ));
    }
    match text.parse::<NaiveDate>() {
        Err(_) => Some(format!(
            "“{text}” is not a date closer reads: type it as YYYY-MM-DD, from {first} on."
        )),
        Ok(day) if day < first => Some(format!(
            "{} {}: a prediction looks back on a day to come, from {from} on.",
            day.format("%A %-d %B %Y"),
            if day < made_on {
                "has passed"
            } else {
                "is today"
            }
        )),
        Ok(_) => None,
    }
}
