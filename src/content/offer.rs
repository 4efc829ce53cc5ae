//! What a check-in offers: the questions for its Reflect step and the strategies for its
//! strategy step, chosen from the catalog for the triggers the person logged. Pure: the
//! check-in screen asks, this answers.
//!
//! Safety first: when a trigger of the Safety group is logged ("I'm afraid of my
//! partner", "My own anger or need to control"), its questions come first, the strategy that
//! leads it ([`SAFETY_LEADS`]: reaching a service safely, or a service for people who want to
//! stop hurting a partner) is offered first, and nothing that can raise the risk with a
//! frightening partner is offered in that check-in: no strategy with a safety caveat
//! (couples counselling, talking it through, boundaries announced to the partner: every id in
//! [`CAVEAT_REQUIRED`]) and no question that leads toward a talk with the partner
//! (`safe_only`). Domestic-abuse services advise against joint counselling and against
//! confronting a controlling partner without a plan.

use chrono::{Datelike, NaiveDate};

use super::validate::{CAVEAT_REQUIRED, SAFETY_LEADS};
use super::{Catalog, Prompt, Strategy, fits};
use crate::journal::{Entry, Perspective, TriggerLog, TriggerRef};

/// How many questions the Reflect step offers at most.
pub const MAX_PROMPTS: usize = 3;
/// How many strategies the strategy step suggests at most.
pub const MAX_SUGGESTIONS: usize = 3;

/// The ids of the bundled triggers in `logged`, the Safety triggers first (in the order of
/// [`SAFETY_LEADS`]), then the strongest first (so they get the first questions and
/// strategies); triggers of the person's own have no content and are left out.
pub fn trigger_ids(logged: &[TriggerLog]) -> Vec<String> {
    let mut logged: Vec<&TriggerLog> = logged.iter().collect();
    let safety_rank = |t: &TriggerLog| match &t.trigger {
        TriggerRef::Id(id) => SAFETY_LEADS
            .iter()
            .position(|(trigger, _)| *trigger == id.as_str())
            .unwrap_or(SAFETY_LEADS.len()),
        TriggerRef::Custom(_) => SAFETY_LEADS.len(),
    };
    logged.sort_by_key(|t| (safety_rank(t), std::cmp::Reverse(t.intensity)));
    logged
        .into_iter()
        .filter_map(|t| match &t.trigger {
            TriggerRef::Id(id) => Some(id.to_string()),
            TriggerRef::Custom(_) => None,
        })
        .collect()
}

/// Whether a check-in that logged `triggers` (ids) is under the safety rule (see the module).
pub fn safety_first(catalog: &Catalog, triggers: &[String]) -> bool {
    triggers.iter().any(|t| catalog.is_safety_trigger(t))
}

/// Whether a strategy can raise the risk with a frightening partner: it carries a safety
/// caveat, or it is one of [`CAVEAT_REQUIRED`].
pub fn needs_caveat(s: &Strategy) -> bool {
    s.caveat.is_some() || CAVEAT_REQUIRED.contains(&s.id.as_str())
}

/// The questions for the Reflect step: up to [`MAX_PROMPTS`] for `triggers` (ids, strongest
/// first), taking turns between the triggers, or the question of the day when no trigger has
/// one. Each trigger's questions rotate with the day, as the question of the day does, so a
/// trigger logged every day is not asked the same set of questions two days running (it has
/// at least five for each perspective, three are asked), and questions answered in the last
/// [`RECENT_DAYS`](super::RECENT_DAYS) days come after the others. Under the safety rule, no
/// question that leads toward a talk with the partner.
pub fn prompts<'a>(
    catalog: &'a Catalog,
    triggers: &[String],
    perspective: Option<Perspective>,
    today: NaiveDate,
    entries: &[Entry],
) -> Vec<&'a Prompt> {
    let recent = super::recently_answered(entries, today);
    let day = usize::try_from(today.num_days_from_ce()).unwrap_or(0);
    let safety = safety_first(catalog, triggers);
    let lists: Vec<Vec<&Prompt>> = triggers
        .iter()
        .map(|t| {
            let mut list = catalog.prompts_for_trigger(t, perspective);
            list.retain(|p| !(safety && p.safe_only));
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
    let safety = safety_first(catalog, triggers);
    let risky = |p: &Prompt| safety && p.safe_only;
    candidates.retain(|p| !shown.contains(&p.id) && !risky(p));
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
///
/// Under the safety rule (see the module) the leading strategy of each Safety trigger logged
/// comes first of all, the rest are suggested from the Safety triggers' own strategies only,
/// and no strategy that [`needs_caveat`] is suggested, whether planned from the library or a
/// favourite; one the person planned in this check-in stays (it is theirs, and shows its
/// caveat).
pub fn strategies(
    catalog: &Catalog,
    triggers: &[String],
    perspective: Option<Perspective>,
    today: NaiveDate,
    wishes: Wishes<'_>,
) -> Vec<String> {
    let safety = safety_first(catalog, triggers);
    let mut ids: Vec<String> = Vec::new();
    if safety {
        for (trigger, lead) in SAFETY_LEADS {
            let fits_here = catalog
                .strategy(lead)
                .is_some_and(|s| fits(&s.perspectives, perspective));
            if triggers.iter().any(|t| t == trigger) && fits_here && !ids.iter().any(|i| i == lead)
            {
                ids.push((*lead).to_owned());
            }
        }
    }
    for id in wishes.planned_here {
        if !ids.contains(id) {
            ids.push(id.clone());
        }
    }
    let allowed = |s: &Strategy| !(safety && needs_caveat(s));
    // Under the safety rule, suggestions come from the Safety triggers alone: the other
    // triggers' strategies are about the relationship (listening, appreciating, standing by
    // a partner), which is not the problem to work on beside fear or control.
    let lists: Vec<Vec<&Strategy>> = triggers
        .iter()
        .filter(|t| !safety || catalog.is_safety_trigger(t))
        .map(|t| {
            let mut list = catalog.strategies_for_trigger(t, perspective);
            list.retain(|s| allowed(s));
            list
        })
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
            pool.extend(
                all.iter()
                    .cycle()
                    .skip(start)
                    .take(all.len())
                    .filter(|s| allowed(s)),
            );
        }
    }
    pool.sort_by_key(|s| !wishes.favourites.contains(&s.id));
    let followed = |id: &str| wishes.following_up.iter().any(|f| f == id);
    for id in wishes.planned_next {
        if catalog.strategy(id).is_some_and(allowed) && !ids.contains(id) && !followed(id) {
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
    use crate::content::validate::{OWN_CONTROL_TRIGGER, SAFETY_TRIGGER};
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
            extra: Default::default(),
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
            extra: Default::default(),
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

    /// Every bundled trigger other than the Safety ones.
    fn other_triggers(c: &Catalog) -> Vec<String> {
        c.triggers
            .iter()
            .filter(|t| !c.is_safety_trigger(&t.id))
            .map(|t| t.id.clone())
            .collect()
    }

    #[test]
    fn with_fear_of_the_partner_logged_reaching_out_safely_comes_first_and_nothing_risky() {
        let c = catalog();
        let planned_next: Vec<String> = CAVEAT_REQUIRED.iter().map(|s| (*s).to_owned()).collect();
        let favourites = planned_next.clone();
        let wishes = Wishes {
            planned_next: &planned_next,
            favourites: &favourites,
            ..NONE
        };
        let mut combinations = vec![vec![SAFETY_TRIGGER.to_owned()]];
        for other in other_triggers(&c) {
            combinations.push(vec![SAFETY_TRIGGER.to_owned(), other.clone()]);
            // Logged more strongly than the safety trigger: the order of the ids does not
            // matter either.
            combinations.push(vec![other, SAFETY_TRIGGER.to_owned()]);
        }
        for perspective in [
            Some(Perspective::IPullAway),
            Some(Perspective::PartnerPullsAway),
            None,
        ] {
            for triggers in &combinations {
                for w in [NONE, wishes] {
                    let ids = strategies(&c, triggers, perspective, day(), w);
                    assert_eq!(
                        ids.first().map(String::as_str),
                        Some("reach-out-safely"),
                        "{triggers:?} {perspective:?}"
                    );
                    for id in &ids {
                        let s = c.strategy(id).unwrap();
                        assert!(
                            !needs_caveat(s),
                            "{id} offered with {triggers:?} {perspective:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn with_ones_own_anger_logged_a_service_to_change_comes_first_and_nothing_risky() {
        let c = catalog();
        for perspective in [
            Some(Perspective::IPullAway),
            Some(Perspective::PartnerPullsAway),
        ] {
            for other in other_triggers(&c) {
                let triggers = vec![other.clone(), OWN_CONTROL_TRIGGER.to_owned()];
                let ids = strategies(&c, &triggers, perspective, day(), NONE);
                assert_eq!(ids[0], "cool-down-and-own-it", "{other} {perspective:?}");
                assert!(ids.iter().all(|id| !needs_caveat(c.strategy(id).unwrap())));
            }
        }
    }

    #[test]
    fn the_safety_triggers_come_first_whatever_their_intensity() {
        let ids = trigger_ids(&[
            log("anxiety", Some(5)),
            log(OWN_CONTROL_TRIGGER, Some(1)),
            log(SAFETY_TRIGGER, None),
        ]);
        assert_eq!(ids, [SAFETY_TRIGGER, OWN_CONTROL_TRIGGER, "anxiety"]);
    }

    #[test]
    fn under_the_safety_rule_no_question_leads_to_a_talk_with_the_partner() {
        let c = catalog();
        assert!(
            c.prompts.iter().any(|p| p.safe_only),
            "some prompts lead to a talk"
        );
        for other in other_triggers(&c) {
            for perspective in [
                Some(Perspective::IPullAway),
                Some(Perspective::PartnerPullsAway),
            ] {
                let triggers = vec![other.clone(), SAFETY_TRIGGER.to_owned()];
                for k in 0..14 {
                    let d = day() + chrono::Days::new(k);
                    let asked = prompts(&c, &triggers, perspective, d, &[]);
                    assert!(
                        asked.iter().all(|p| !p.safe_only),
                        "{other} {perspective:?}"
                    );
                }
                let mut offered = Vec::new();
                for _ in 0..60 {
                    let p = other_prompt(&c, &triggers, perspective, &[], &mut offered).unwrap();
                    assert!(!p.safe_only, "{} offered with {other}", p.id);
                }
            }
        }
    }

    #[test]
    fn each_trigger_asks_a_different_set_of_questions_each_day_for_two_weeks() {
        use std::collections::BTreeSet;
        let c = catalog();
        for t in &c.triggers {
            for p in Perspective::ALL {
                if !t.perspectives.contains(&p) {
                    continue;
                }
                let sets: Vec<BTreeSet<String>> = (0..14)
                    .map(|k| {
                        let d = day() + chrono::Days::new(k);
                        prompts(&c, std::slice::from_ref(&t.id), Some(p), d, &[])
                            .iter()
                            .map(|q| q.id.clone())
                            .collect()
                    })
                    .collect();
                for (k, pair) in sets.windows(2).enumerate() {
                    assert_eq!(pair[1].len(), MAX_PROMPTS, "{} {p:?}", t.id);
                    assert_ne!(pair[0], pair[1], "{} {p:?}: day {k} and the next", t.id);
                }
            }
        }
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
