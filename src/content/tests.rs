use std::collections::HashSet;
use std::fs;

use chrono::{DateTime, Days, FixedOffset, NaiveDate};

use super::*;
use crate::journal::{Entry, EntryId, Name, Response};

fn catalog() -> Catalog {
    Catalog::bundled().unwrap()
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// An entry on `date` that answered `prompt_id`.
fn answered(date: NaiveDate, prompt_id: &str) -> Entry {
    let now: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339(&format!("{date}T20:00:00+00:00")).unwrap();
    let mut e = Entry::new(EntryId::generate(now, 0), now);
    e.responses.push(Response {
        prompt_id: Some(Name::try_from(prompt_id).unwrap()),
        prompt: "?".into(),
        answer: "an answer".into(),
        extra: Default::default(),
    });
    e
}

#[test]
fn the_bundled_content_loads() {
    let c = catalog();
    assert_eq!(c.triggers.len(), 16);
    // A digest of each of the four articles, the safety page and the page on attachment.
    assert_eq!(c.digests.len(), 6);
    assert!(c.strategies.len() >= 20);
    assert!(c.prompts.len() >= 15 * 3);
}

#[test]
fn look_ups_by_id_group_perspective_and_category() {
    let c = catalog();
    let t = c.trigger("fear-of-intimacy").unwrap();
    assert_eq!(t.group, TriggerGroup::Fears);
    assert!(c.trigger("nope").is_none());
    assert!(
        c.triggers_in(TriggerGroup::Fears, None)
            .iter()
            .any(|t| t.id == "fear-of-intimacy")
    );
    let all: usize = TriggerGroup::ALL
        .iter()
        .map(|g| c.triggers_in(*g, None).len())
        .sum();
    assert_eq!(all, c.triggers.len(), "every trigger is in a group");
    for p in Perspective::ALL {
        assert!(
            c.strategies_for(Some(p))
                .iter()
                .all(|s| s.perspectives.contains(&p))
        );
        assert!(
            c.signs_for(Some(p))
                .iter()
                .all(|s| s.perspectives.contains(&p))
        );
        assert!(!c.prompts_for(Some(p)).is_empty());
    }
    for cat in Category::ALL {
        assert!(c.strategies_in(*cat).iter().all(|s| s.category == *cat));
    }
    let s = c.strategies_for_trigger("anxiety", Some(Perspective::PartnerPullsAway));
    assert!(!s.is_empty());
    assert!(s.iter().all(|s| s.triggers.iter().any(|t| t == "anxiety")));
    assert!(c.strategy(&s[0].id).is_some());
    assert!(!c.sections_for_trigger("fear-of-intimacy").is_empty());
    assert!(c.digest("breaking-the-walls").is_some());
}

#[test]
fn search_finds_titles_first_and_needs_every_word() {
    let c = catalog();
    assert!(c.search("").is_empty());
    assert!(c.search("   ").is_empty());
    let hits = c.search("LISTEN");
    assert!(!hits.is_empty());
    let first_text = hits.iter().position(|h| !h.in_title).unwrap_or(hits.len());
    assert!(hits[..first_text].iter().all(|h| h.in_title));
    assert!(hits[first_text..].iter().all(|h| !h.in_title));
    assert!(
        hits.iter()
            .any(|h| h.kind == ItemKind::Strategy && h.id == "active-listening")
    );
    let both = c.search("listen partner");
    assert!(both.len() <= hits.len());
    assert!(c.search("zzzzqqq").is_empty());
}

#[test]
fn search_folds_typographic_apostrophes() {
    assert_eq!(search::fold("Don’t “Stop”"), "don't \"stop\"");
}

#[test]
fn the_prompt_of_the_day_is_stable_all_day() {
    let c = catalog();
    let today = d("2026-11-22");
    let p = Some(Perspective::IPullAway);
    let first = c.prompt_of_the_day(today, p, &[]).unwrap().id.clone();
    // Answering it today does not change it.
    let entries = vec![answered(today, &first)];
    assert_eq!(c.prompt_of_the_day(today, p, &entries).unwrap().id, first);
    assert!(
        c.prompt(&first).unwrap().triggers.is_empty(),
        "a general prompt"
    );
    assert!(
        c.prompt(&first)
            .unwrap()
            .perspectives
            .contains(&Perspective::IPullAway)
    );
}

#[test]
fn the_prompt_of_the_day_rotates() {
    let c = catalog();
    for p in [
        None,
        Some(Perspective::IPullAway),
        Some(Perspective::PartnerPullsAway),
    ] {
        let pool = c
            .prompts
            .iter()
            .filter(|q| q.triggers.is_empty() && q.kind.stands_alone() && fits(&q.perspectives, p))
            .count();
        assert!(pool >= 4, "{p:?}");
        let start = d("2026-11-22");
        let seen: HashSet<String> = (0..pool as u64)
            .map(|i| {
                let day = start.checked_add_days(Days::new(i)).unwrap();
                c.prompt_of_the_day(day, p, &[]).unwrap().id.clone()
            })
            .collect();
        assert_eq!(
            seen.len(),
            pool,
            "{p:?}: {pool} days show {pool} different prompts"
        );
    }
}

#[test]
fn the_prompt_of_the_day_skips_recent_answers() {
    let c = catalog();
    let today = d("2026-11-22");
    let p = Some(Perspective::PartnerPullsAway);
    let usual = c.prompt_of_the_day(today, p, &[]).unwrap().id.clone();
    let yesterday = today.pred_opt().unwrap();
    let entries = vec![answered(yesterday, &usual)];
    let now = c.prompt_of_the_day(today, p, &entries).unwrap().id.clone();
    assert_ne!(now, usual);
    // An answer from more than 30 days ago no longer counts.
    let long_ago = today.checked_sub_days(Days::new(31)).unwrap();
    let entries = vec![answered(long_ago, &usual)];
    assert_eq!(c.prompt_of_the_day(today, p, &entries).unwrap().id, usual);
    // An empty answer does not count as answered.
    let mut blank = answered(yesterday, &usual);
    blank.responses[0].answer = "  ".into();
    assert_eq!(c.prompt_of_the_day(today, p, &[blank]).unwrap().id, usual);
}

#[test]
fn when_every_prompt_was_answered_recently_one_is_still_offered() {
    let c = catalog();
    let today = d("2026-11-22");
    let yesterday = today.pred_opt().unwrap();
    let entries: Vec<Entry> = c
        .prompts
        .iter()
        .map(|p| answered(yesterday, &p.id))
        .collect();
    assert!(c.prompt_of_the_day(today, None, &entries).is_some());
}

#[test]
fn prompts_for_triggers_take_turns_and_respect_the_limit() {
    let c = catalog();
    let p = Some(Perspective::IPullAway);
    let chosen = c.prompts_for_triggers(&["anxiety", "past-hurt", "unmet-needs"], p, 3);
    assert_eq!(chosen.len(), 3);
    for (prompt, trigger) in chosen.iter().zip(["anxiety", "past-hurt", "unmet-needs"]) {
        assert!(
            prompt.triggers.iter().any(|t| t == trigger),
            "{}",
            prompt.id
        );
        assert!(prompt.perspectives.contains(&Perspective::IPullAway));
    }
    let one = c.prompts_for_triggers(&["anxiety"], p, 3);
    assert!(one.len() >= 2);
    let ids: HashSet<_> = one.iter().map(|p| &p.id).collect();
    assert_eq!(ids.len(), one.len(), "no prompt twice");
    // The same trigger twice does not give the same prompt twice.
    let twice = c.prompts_for_triggers(&["anxiety", "anxiety"], p, 2);
    assert_ne!(twice[0].id, twice[1].id);
    assert!(
        c.prompts_for_triggers(&["no-such-trigger"], p, 3)
            .is_empty()
    );
    assert!(c.prompts_for_triggers(&[], p, 3).is_empty());
}

const USER_STRATEGY: &str = r#"
[[strategy]]
id = "walk-together"
title = "Take a slow walk together"
category = "Building closeness"
why = "Side by side is easier than face to face."
steps = ["Pick a short route.", "Leave phones in a pocket."]
try_today = "Ask if they'd like ten minutes outside."
triggers = ["communication-breakdown"]
perspectives = ["i-pull-away", "partner-pulls-away"]
sources = ["Breaking the Walls: Overcoming Relationship Distancing"]
"#;

#[test]
fn user_items_are_added_and_replace_bundled_ones() {
    let dir = tempfile::tempdir().unwrap();
    let replaced = r#"
[[prompt]]
id = "foi-what-felt-risky"
text = "My own wording of this question?"
idea = "Mine."
kind = "check-in"
triggers = ["fear-of-intimacy"]
perspectives = ["i-pull-away"]
sources = ["Breaking the Walls: Overcoming Relationship Distancing"]
"#;
    fs::write(dir.path().join("strategies.toml"), USER_STRATEGY).unwrap();
    fs::write(dir.path().join("prompts.toml"), replaced).unwrap();
    let mut c = catalog();
    let before = (c.strategies.len(), c.prompts.len());
    let errors = user::merge(&mut c, dir.path());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(c.strategies.len(), before.0 + 1);
    assert_eq!(c.prompts.len(), before.1);
    assert_eq!(
        c.strategy("walk-together").unwrap().title,
        "Take a slow walk together"
    );
    assert_eq!(
        c.prompt("foi-what-felt-risky").unwrap().text,
        "My own wording of this question?"
    );
}

#[test]
fn no_user_folder_or_files_is_fine() {
    let mut c = catalog();
    let errors = user::merge(&mut c, std::path::Path::new("/nonexistent/closer-config"));
    assert!(errors.is_empty());
    assert_eq!(c, catalog());
}

#[test]
fn a_broken_user_file_names_file_and_line_and_bundled_content_still_works() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("prompts.toml"),
        "[[prompt]]\nid = \"mine\"\ntext = \"unterminated\n",
    )
    .unwrap();
    let mut c = catalog();
    let errors = user::merge(&mut c, dir.path());
    assert_eq!(errors.len(), 1, "{errors:?}");
    let e = &errors[0];
    assert!(e.file.ends_with("prompts.toml"), "{e}");
    assert_eq!(e.line, Some(3), "{e}");
    assert_eq!(
        c,
        catalog(),
        "nothing from the broken file, everything bundled"
    );
}

#[test]
fn a_bad_user_item_is_left_out_with_its_line_and_the_good_ones_stay() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "{USER_STRATEGY}\n[[strategy]]\nid = \"bad-one\"\ntitle = \"x\"\ncategory = \"Building closeness\"\n\
         why = \"y\"\nsteps = [\"only one\"]\ntry_today = \"z\"\ntriggers = [\"not-a-trigger\"]\n\
         perspectives = [\"i-pull-away\"]\nsources = [\"Breaking the Walls: Overcoming Relationship Distancing\"]\n"
    );
    fs::write(dir.path().join("strategies.toml"), &text).unwrap();
    let mut c = catalog();
    let errors = user::merge(&mut c, dir.path());
    assert!(c.strategy("walk-together").is_some());
    assert!(c.strategy("bad-one").is_none());
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(errors.len(), 2, "{messages:?}");
    let line = text.lines().position(|l| l.contains("bad-one")).unwrap() + 1;
    assert!(errors.iter().all(|e| e.line == Some(line)), "{messages:?}");
    assert!(
        messages.iter().any(|m| m.contains("not-a-trigger")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("give 2 to 5")),
        "{messages:?}"
    );
}

#[test]
fn an_unknown_source_title_or_field_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let bad = USER_STRATEGY.replace(
        "Breaking the Walls: Overcoming Relationship Distancing",
        "Some Blog Post",
    );
    fs::write(dir.path().join("strategies.toml"), &bad).unwrap();
    let mut c = catalog();
    let errors = user::merge(&mut c, dir.path());
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].message.contains("not one of the source articles"),
        "{}",
        errors[0]
    );
    let line = bad
        .lines()
        .position(|l| l.contains("Some Blog Post"))
        .unwrap()
        + 1;
    assert_eq!(errors[0].line, Some(line));

    let typo = USER_STRATEGY.replace("try_today", "try_tday");
    fs::write(dir.path().join("strategies.toml"), typo).unwrap();
    let errors = user::merge(&mut c, dir.path());
    assert!(
        errors
            .iter()
            .any(|e| e.message.contains("unknown field `try_tday`")),
        "{errors:?}"
    );
}

/// Issue 36: one item's mistake no longer hides the next item's, or the file's good items.
#[test]
fn every_mistake_of_every_item_is_said_and_the_good_items_stay() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "{}{}{}{USER_STRATEGY}",
        USER_STRATEGY
            .replace("walk-together", "typed-wrong")
            .replace(
                "try_today = \"Ask if they'd like ten minutes outside.\"",
                "try_today = 3"
            ),
        USER_STRATEGY
            .replace("walk-together", "two-wrongs")
            .replace("try_today", "try_tday")
            .replace("why = ", "colour = \"red\"\nwhy = "),
        USER_STRATEGY
            .replace("walk-together", "no-title")
            .replace("title = \"Take a slow walk together\"\n", ""),
    );
    fs::write(dir.path().join("strategies.toml"), &text).unwrap();
    let mut c = catalog();
    let errors = user::merge(&mut c, dir.path());
    let said: Vec<String> = errors.iter().map(ToString::to_string).collect();
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
    // In the order of the file: a key it lacks is said at its item's first line.
    assert_eq!(errors.len(), 5, "{said:#?}");
    assert_eq!(errors[0].line, Some(line_of("try_today = 3")), "{said:#?}");
    assert!(said[0].contains("invalid type"), "{said:#?}");
    // The set-aside try_tday leaves try_today missing: said too, as the mistake it is.
    assert_eq!(errors[1].line, Some(line_of("id = \"two-wrongs\"") - 1));
    assert!(said[1].contains("missing field `try_today`"), "{said:#?}");
    assert_eq!(errors[2].line, Some(line_of("colour")), "{said:#?}");
    assert!(said[2].contains("unknown field `colour`"), "{said:#?}");
    assert_eq!(errors[3].line, Some(line_of("try_tday")), "{said:#?}");
    assert!(said[3].contains("unknown field `try_tday`"), "{said:#?}");
    assert!(said[4].contains("missing field `title`"), "{said:#?}");
    assert!(errors.iter().all(|e| e.column.is_some()), "{said:#?}");
    assert!(c.strategy("walk-together").is_some(), "the good item stays");
    for id in ["typed-wrong", "two-wrongs", "no-title"] {
        assert!(c.strategy(id).is_none(), "{id} is left out");
    }
}

#[test]
fn a_user_id_defined_twice_keeps_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let twice = format!(
        "{USER_STRATEGY}\n{}",
        USER_STRATEGY.replace("slow walk", "second walk")
    );
    fs::write(dir.path().join("strategies.toml"), twice).unwrap();
    let mut c = catalog();
    let errors = user::merge(&mut c, dir.path());
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].message.contains("defined twice"));
    assert_eq!(
        c.strategy("walk-together").unwrap().title,
        "Take a slow walk together"
    );
}

#[test]
fn an_unreadable_user_file_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("prompts.toml")).unwrap();
    let mut c = catalog();
    let errors = user::merge(&mut c, dir.path());
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].message.contains("cannot be read"),
        "{}",
        errors[0]
    );
}

/// Issue 29, item 1: the old "Control, anger or fear" is two triggers of a Safety group listed
/// first. Its id stays with the one for fear of a partner, so an entry that named it reads as
/// that one (no migration: the person who logged it was most often the frightened one); the
/// questions about one's own anger moved to the other.
#[test]
fn fear_of_a_partner_and_ones_own_control_are_two_safety_triggers_listed_first() {
    use crate::content::validate::{OWN_CONTROL_TRIGGER, SAFETY_TRIGGER};
    use crate::journal::{TriggerLog, TriggerRef};
    let c = catalog();
    assert_eq!(TriggerGroup::ALL[0], TriggerGroup::Safety);
    let safety: Vec<&str> = c
        .triggers_in(TriggerGroup::Safety, None)
        .iter()
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(safety, [SAFETY_TRIGGER, OWN_CONTROL_TRIGGER]);
    // An entry written before the split.
    let old: Entry = serde_json::from_str(&format!(
        r#"{{"id":"20261101-090000-00000001","created_at":"2026-11-01T09:00:00+00:00",
            "updated_at":"2026-11-01T09:00:00+00:00","date":"2026-11-01",
            "triggers":[{{"id":"{SAFETY_TRIGGER}","intensity":4}}]}}"#
    ))
    .unwrap();
    let logged: &TriggerLog = &old.triggers[0];
    assert_eq!(c.trigger_label(&logged.trigger), "I'm afraid of my partner");
    let TriggerRef::Id(id) = &logged.trigger else {
        panic!("a bundled trigger")
    };
    assert!(c.is_safety_trigger(id.as_str()));
    // Nothing shown for fear of a partner asks about the person's own anger or checking.
    let t = c.trigger(SAFETY_TRIGGER).unwrap();
    let mut shown: Vec<&str> = vec![&t.summary, &t.name];
    shown.extend(t.partner_summary.as_deref());
    shown.extend(
        c.prompts_for_trigger(SAFETY_TRIGGER, None)
            .iter()
            .map(|p| p.text.as_str()),
    );
    for text in shown {
        let lower = text.to_lowercase();
        for blame in [
            "your anger",
            "your own anger",
            "urge to check",
            "afraid or watched",
            "how you treat",
            "what did you do",
            "push a partner away",
        ] {
            assert!(!lower.contains(blame), "{blame:?} in {text:?}");
        }
    }
}

/// Issue 29, item 2: after a Safety trigger, the question of the day never leads toward a talk
/// with the partner.
#[test]
fn after_a_safety_trigger_the_prompt_of_the_day_never_leads_to_a_talk() {
    use crate::journal::{TriggerLog, TriggerRef};
    let c = catalog();
    let today = d("2026-11-22");
    let mut talk_days = 0;
    for k in 0..60 {
        let day = today + Days::new(k);
        for p in [
            Some(Perspective::IPullAway),
            Some(Perspective::PartnerPullsAway),
        ] {
            if c.prompt_of_the_day(day, p, &[]).unwrap().safe_only {
                talk_days += 1;
            }
            let mut e = answered(day - Days::new(3), "gen-plan-the-talk");
            e.triggers.push(TriggerLog {
                trigger: TriggerRef::Id(Name::try_from("control-or-fear").unwrap()),
                intensity: None,
                note: String::new(),
                extra: Default::default(),
            });
            let asked = c.prompt_of_the_day(day, p, &[e]).unwrap();
            assert!(!asked.safe_only, "{} on {day}", asked.id);
        }
    }
    assert!(talk_days > 0, "some days ask one otherwise");
}
