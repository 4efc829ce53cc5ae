//! What a check-in offers: the questions for its Reflect step and the strategies for its
//! strategy step, chosen from the catalog for the triggers the person logged. Pure: the
//! check-in screen asks, this answers.

use chrono::{Datelike, NaiveDate};

use super::{Catalog, Prompt, fits};
use crate::journal::{Entry, Perspective, TriggerLog, TriggerRef};

/// How many questions the Reflect step offers at most.
pub const MAX_PROMPTS: usize = 3;
/// How many strategies the strategy step suggests at most.
pub const MAX_SUGGESTIONS: usize = 3;

/// The ids of the bundled triggers in `logged`, strongest first (so they get the first
/// questions and strategies); triggers of the person's own have no content and are left out.
pub fn trigger_ids(logged: &[TriggerLog]) -> Vec<String> {
    let mut logged: Vec<&TriggerLog> = logged.iter().collect();
    logged.sort_by_key(|t| std::cmp::Reverse(t.intensity));
    logged
        .into_iter()
        .filter_map(|t| match &t.trigger {
            TriggerRef::Id(id) => Some(id.to_string()),
            TriggerRef::Custom(_) => None,
        })
        .collect()
}

/// The questions for the Reflect step: up to [`MAX_PROMPTS`] for `triggers` (ids, strongest
/// first), taking turns between the triggers, or the question of the day when no trigger has
/// one. Each trigger's questions rotate with the day, as the question of the day does, so a
/// trigger logged every day is not asked the same question two days running (it has at least
/// three for each perspective), and questions answered in the last
/// [`RECENT_DAYS`](super::RECENT_DAYS) days come after the others.
pub fn prompts<'a>(
    catalog: &'a Catalog,
    triggers: &[String],
    perspective: Option<Perspective>,
    today: NaiveDate,
    entries: &[Entry],
) -> Vec<&'a Prompt> {
    let recent = super::recently_answered(entries, today);
    let day = usize::try_from(today.num_days_from_ce()).unwrap_or(0);
    let lists: Vec<Vec<&Prompt>> = triggers
        .iter()
        .map(|t| {
            let mut list = catalog.prompts_for_trigger(t, perspective);
            if !list.is_empty() {
                let turn = day % list.len();
                list.rotate_left(turn);
            }
            let (fresh, answered): (Vec<&Prompt>, Vec<&Prompt>) =
                list.into_iter().partition(|p| !recent.contains(&p.id));
            fresh.into_iter().chain(answered).collect()
        })
        .collect();
    let mut wanted = super::interleave(&lists, MAX_PROMPTS);
    if wanted.is_empty()
        && let Some(p) = catalog.prompt_of_the_day(today, perspective, entries)
    {
        wanted.push(p);
    }
    wanted
}

/// Another question instead of one on screen: one for `triggers` or a general one, not among
/// `shown`, and not `offered` in this check-in before (once every fitting question was
/// offered, the round starts again). Records the answer in `offered`.
pub fn other_prompt<'a>(
    catalog: &'a Catalog,
    triggers: &[String],
    perspective: Option<Perspective>,
    shown: &[String],
    offered: &mut Vec<String>,
) -> Option<&'a Prompt> {
    let mut candidates: Vec<&Prompt> = triggers
        .iter()
        .flat_map(|t| catalog.prompts_for_trigger(t, perspective))
        .collect();
    candidates.extend(
        catalog
            .prompts
            .iter()
            .filter(|p| p.triggers.is_empty() && fits(&p.perspectives, perspective)),
    );
    candidates.retain(|p| !shown.contains(&p.id));
    let mut fresh: Vec<&Prompt> = candidates
        .iter()
        .copied()
        .filter(|p| !offered.contains(&p.id))
        .collect();
    if fresh.is_empty() {
        offered.retain(|o| shown.contains(o));
        fresh = candidates;
    }
    let next = fresh.first().copied()?;
    offered.push(next.id.clone());
    Some(next)
}

/// What the person has asked for, besides the triggers, when strategies are chosen.
#[derive(Debug, Clone, Copy)]
pub struct Wishes<'a> {
    /// Strategy ids already planned in this check-in (they stay).
    pub planned_here: &'a [String],
    /// Strategy ids planned from the library for the next check-in (offered before others).
    pub planned_next: &'a [String],
    /// Favourite strategy ids (first among the fitting ones).
    pub favourites: &'a [String],
    /// Strategy ids the check-in follows up on already (not suggested again).
    pub following_up: &'a [String],
}

/// The strategies to suggest, as ids, at most [`MAX_SUGGESTIONS`] (more only when more were
/// planned already): those planned in this check-in, then those planned from the library,
/// then strategies for `triggers` taken in turn from each trigger's list, favourites first;
/// with no trigger, strategies for the perspective starting at a place that moves each day.
pub fn strategies(
    catalog: &Catalog,
    triggers: &[String],
    perspective: Option<Perspective>,
    today: NaiveDate,
    wishes: Wishes<'_>,
) -> Vec<String> {
    let mut ids: Vec<String> = wishes.planned_here.to_vec();
    let lists: Vec<_> = triggers
        .iter()
        .map(|t| catalog.strategies_for_trigger(t, perspective))
        .collect();
    let longest = lists.iter().map(Vec::len).max().unwrap_or(0);
    let mut pool = Vec::new();
    for round in 0..longest {
        for list in &lists {
            if let Some(s) = list.get(round) {
                pool.push(*s);
            }
        }
    }
    if pool.is_empty() {
        let all = catalog.strategies_for(perspective);
        if !all.is_empty() {
            let start = usize::try_from(today.num_days_from_ce()).unwrap_or(0) % all.len();
            pool.extend(all.iter().cycle().skip(start).take(all.len()));
        }
    }
    pool.sort_by_key(|s| !wishes.favourites.contains(&s.id));
    let followed = |id: &str| wishes.following_up.iter().any(|f| f == id);
    for id in wishes.planned_next {
        if catalog.strategy(id).is_some() && !ids.contains(id) && !followed(id) {
            ids.push(id.clone());
        }
    }
    for s in pool {
        if ids.len() >= MAX_SUGGESTIONS {
            break;
        }
        if !ids.contains(&s.id) && !followed(&s.id) {
            ids.push(s.id.clone());
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{Intensity, Name};

    fn catalog() -> Catalog {
        Catalog::bundled().unwrap()
    }

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    fn log(id: &str, intensity: Option<u8>) -> TriggerLog {
        TriggerLog {
            trigger: TriggerRef::Id(Name::try_from(id).unwrap()),
            intensity: intensity.and_then(|i| Intensity::try_from(i).ok()),
            note: String::new(),
        }
    }

    const NONE: Wishes<'static> = Wishes {
        planned_here: &[],
        planned_next: &[],
        favourites: &[],
        following_up: &[],
    };

    #[test]
    fn the_strongest_trigger_comes_first_and_own_ones_are_left_out() {
        let mut own = log("anxiety", Some(1));
        own.trigger = TriggerRef::Custom(Name::try_from("money").unwrap());
        let ids = trigger_ids(&[log("anxiety", Some(2)), own, log("past-hurt", Some(5))]);
        assert_eq!(ids, ["past-hurt", "anxiety"]);
    }

    #[test]
    fn prompts_follow_the_triggers_or_fall_back_to_the_day() {
        let c = catalog();
        let for_anxiety = prompts(&c, &["anxiety".into()], None, day(), &[]);
        assert!(!for_anxiety.is_empty() && for_anxiety.len() <= MAX_PROMPTS);
        assert!(
            for_anxiety
                .iter()
                .all(|p| p.triggers.iter().any(|t| t == "anxiety"))
        );
        let none = prompts(&c, &[], None, day(), &[]);
        assert_eq!(none.len(), 1, "the question of the day");
    }

    #[test]
    fn a_trigger_logged_every_day_is_asked_something_else_each_day_and_answers_wait() {
        use crate::journal::{Entry, EntryId, Response};
        let c = catalog();
        for p in [Perspective::IPullAway, Perspective::PartnerPullsAway] {
            for t in ["anxiety", "control-or-fear", "loss-of-attraction"] {
                let firsts: Vec<String> = (0..3)
                    .map(|k| {
                        let d = day() + chrono::Days::new(k);
                        prompts(&c, &[t.into()], Some(p), d, &[])[0].id.clone()
                    })
                    .collect();
                assert_ne!(firsts[0], firsts[1], "{t} {p:?}: the same two days running");
                assert_ne!(firsts[1], firsts[2], "{t} {p:?}");
            }
        }
        // Yesterday's answer to today's first question moves it back.
        let first = prompts(&c, &["anxiety".into()], None, day(), &[])[0].clone();
        let at = chrono::DateTime::parse_from_rfc3339("2026-11-21T20:00:00+01:00").unwrap();
        let mut e = Entry::new(EntryId::generate(at, 1), at);
        e.responses.push(Response {
            prompt_id: Some(crate::journal::Name::try_from(first.id.as_str()).unwrap()),
            prompt: first.text.as_str().into(),
            answer: "an answer".into(),
        });
        let after = prompts(&c, &["anxiety".into()], None, day(), &[e]);
        assert_ne!(after[0].id, first.id);
        assert!(
            after
                .iter()
                .all(|p| p.triggers.iter().any(|t| t == "anxiety"))
        );
    }

    #[test]
    fn another_prompt_is_new_until_every_one_was_offered() {
        let c = catalog();
        let triggers = vec!["anxiety".to_owned()];
        let mut offered = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        let first = other_prompt(&c, &triggers, None, &[], &mut offered).unwrap();
        seen.insert(first.id.clone());
        let total = offered.len();
        for _ in 0..200 {
            let p = other_prompt(&c, &triggers, None, &[], &mut offered).unwrap();
            if !seen.insert(p.id.clone()) {
                // A repeat only once the round started again.
                assert!(offered.len() <= total + seen.len());
                return;
            }
        }
        panic!("the questions never came round again");
    }

    #[test]
    fn strategies_keep_plans_then_library_plans_then_fit_favourites_first() {
        let c = catalog();
        let fav = c.strategies_for_trigger("anxiety", None)[2].id.clone();
        let planned_next = vec!["take-it-slow".to_owned()];
        let favourites = vec![fav.clone()];
        let ids = strategies(
            &c,
            &["anxiety".into()],
            None,
            day(),
            Wishes {
                planned_next: &planned_next,
                favourites: &favourites,
                ..NONE
            },
        );
        assert_eq!(ids.len(), MAX_SUGGESTIONS);
        assert_eq!(ids[0], "take-it-slow");
        assert_eq!(
            ids[1], fav,
            "a favourite that fits comes first among the rest"
        );
    }

    #[test]
    fn a_strategy_followed_up_on_is_not_suggested_again() {
        let c = catalog();
        let first = strategies(&c, &["anxiety".into()], None, day(), NONE);
        let following = vec![first[0].clone()];
        let again = strategies(
            &c,
            &["anxiety".into()],
            None,
            day(),
            Wishes {
                following_up: &following,
                ..NONE
            },
        );
        assert!(!again.contains(&first[0]));
    }

    #[test]
    fn without_triggers_the_suggestions_move_with_the_day() {
        let c = catalog();
        let today = strategies(&c, &[], None, day(), NONE);
        let tomorrow = strategies(&c, &[], None, day().succ_opt().unwrap(), NONE);
        assert_eq!(today.len(), MAX_SUGGESTIONS);
        assert_ne!(today, tomorrow);
    }
}
