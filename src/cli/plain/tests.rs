//! The plain check-in driven by lines in memory: what it asks, what it writes, and that it
//! saves the entry the terminal interface's check-in saves for the same answers.

use std::sync::Arc;

use chrono::{DateTime, FixedOffset};

use super::*;
use crate::content::Catalog;
use crate::content::offer::needs_caveat;
use crate::content::validate::{CAVEAT_REQUIRED, SAFETY_TRIGGER};
use crate::journal::draft::Step;
use crate::journal::{Entry, EntryId, Name, Perspective, Preferences, StrategyUse, TriggerRef};

fn at() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-22T09:30:00+01:00").unwrap()
}

fn catalog() -> Arc<Catalog> {
    crate::tui::test_support::catalog()
}

fn prefs() -> Preferences {
    Preferences {
        perspective: Some(Perspective::IPullAway.into()),
        ..Preferences::default()
    }
}

/// What a plain check-in did: how it ended, the draft as it was left, what it wrote.
struct Run {
    ended: Ended,
    out: String,
}

impl Run {
    /// What was written, its lines joined by spaces (a sentence wrapped is found whole).
    fn said(&self) -> String {
        self.out.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// Asks a check-in of `draft` (a new one when `None`) over `store` with `input` typed, the
/// journal `journal` read.
fn run_on(
    store: &Store,
    draft: Option<CheckInDraft>,
    journal: Option<&Journal>,
    input: &str,
) -> Run {
    let catalog = catalog();
    let prefs = prefs();
    let now = at;
    let draft = draft.unwrap_or_else(|| CheckInDraft::new(at(), prefs.perspective()));
    let t = Term::new(input.as_bytes(), Vec::new(), 80, false);
    let with = With {
        store,
        catalog: &catalog,
        prefs: &prefs,
        journal,
        today: at().date_naive(),
        locked: journal.is_none(),
        now: &now,
    };
    let mut c = Checkin::new(draft, t, with);
    let ended = c.run().unwrap();
    let out = String::from_utf8(c.term().output().clone()).unwrap();
    Run { ended, out }
}

fn journal_of(entries: Vec<Entry>) -> Journal {
    Journal::of(Arc::new(entries), at().date_naive())
}

/// A check-in on a new journal, with `input` typed.
fn run(input: &str) -> (tempfile::TempDir, Run) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let journal = journal_of(Vec::new());
    let r = run_on(&store, None, Some(&journal), input);
    (dir, r)
}

fn saved(r: &Run) -> &Entry {
    match &r.ended {
        Ended::Saved(e, _) => e,
        other => panic!("not saved: {other:?}\n{}", r.out),
    }
}

#[test]
fn the_scales_then_save_write_the_entry_and_remove_the_draft() {
    let (dir, r) = run("2\n4\n/save\n");
    let e = saved(&r);
    assert_eq!(e.mood.map(|m| m.get()), Some(2));
    assert_eq!(e.closeness.map(|c| c.get()), Some(4));
    let store = Store::open(dir.path()).unwrap();
    let day = store.day(at().date_naive()).unwrap();
    assert_eq!(day.len(), 1);
    assert_eq!(day[0].id, e.id);
    assert!(store.load_draft::<CheckInDraft>().unwrap().is_none());
    assert!(r.said().contains("Your check-in is saved."), "{}", r.out);
}

#[test]
fn every_line_is_short_and_plain() {
    let (_dir, r) = run("?\n!\n3\n?\n\n?\n\n?\n\n?\n\n\n?\n/next\n/next\n/next\n?\n\n\n?\n\n");
    assert!(!r.out.contains('\u{1b}'), "escape codes: {:?}", r.out);
    for line in r.out.lines() {
        assert!(line.chars().count() <= 80, "too long: {line:?}");
        assert_eq!(line, line.trim_end(), "trailing spaces: {line:?}");
    }
    // Each question's choices once.
    assert_eq!(r.out.matches("1 very low, 2 low").count(), 1, "{}", r.out);
}

#[test]
fn a_question_mark_explains_and_a_bang_shows_support_then_the_question_waits() {
    let (_dir, r) = run("?\n!\n3\n/save\n");
    assert!(
        r.said().contains("Mood from 1 (very low) to 5 (very good)"),
        "{}",
        r.out
    );
    assert!(
        r.said().contains("/back goes back to the step before"),
        "{}",
        r.out
    );
    assert!(r.said().contains("closer is not therapy"), "{}", r.out);
    assert!(r.said().contains("Back to the question:"), "{}", r.out);
    assert_eq!(saved(&r).mood.map(|m| m.get()), Some(3));
}

#[test]
fn an_answer_closer_cannot_take_is_named_and_asked_again() {
    let (_dir, r) = run("9\nfine\n4\n/frob\n/save\n");
    assert!(
        r.said().contains("“9” is not a number from 1 to 5."),
        "{}",
        r.out
    );
    assert!(r.said().contains("“fine” is not a number"), "{}", r.out);
    assert!(
        r.said().contains("/frob is not a word closer knows"),
        "{}",
        r.out
    );
    assert_eq!(saved(&r).mood.map(|m| m.get()), Some(4));
}

#[test]
fn feelings_and_triggers_take_numbers_names_and_words_of_ones_own() {
    let c = catalog();
    let anxiety = c.trigger("anxiety").unwrap().name.clone();
    let input = format!("\n\n2 5, Homesick\n{anxiety}, money\n4 about work\n\n/save\n");
    let (_dir, r) = run(&input);
    let e = saved(&r);
    assert_eq!(e.emotions, ["anxious", "rejected", "Homesick"]);
    assert_eq!(e.triggers.len(), 2);
    assert_eq!(
        e.triggers[0].trigger,
        TriggerRef::Id(Name::try_from("anxiety").unwrap())
    );
    assert_eq!(e.triggers[0].intensity.map(|i| i.get()), Some(4));
    assert_eq!(e.triggers[0].note, "about work");
    assert_eq!(
        e.triggers[1].trigger,
        TriggerRef::Custom(Name::try_from("money").unwrap())
    );
    assert_eq!(e.triggers[1].intensity, None, "Enter alone left it without");
    // Their own words are remembered for the next check-in.
    let Ended::Saved(_, Some(prefs)) = &r.ended else {
        panic!("{:?}", r.ended);
    };
    assert_eq!(prefs.custom_feelings, ["Homesick"]);
    assert_eq!(prefs.custom_triggers, ["money"]);
}

#[test]
fn enter_alone_through_every_step_saves_nothing_and_keeps_nothing() {
    let (dir, r) = run(&"\n".repeat(40));
    assert!(matches!(r.ended, Ended::Empty), "{:?}", r.ended);
    let store = Store::open(dir.path()).unwrap();
    assert!(store.day(at().date_naive()).unwrap().is_empty());
    assert!(store.load_draft::<CheckInDraft>().unwrap().is_none());
    assert!(
        r.said().contains("There is nothing to save yet"),
        "{}",
        r.out
    );
}

#[test]
fn input_that_ends_early_keeps_the_draft_and_the_next_check_in_goes_on_from_there() {
    let (dir, r) = run("4\n3\n2\n");
    assert!(matches!(r.ended, Ended::InputEnded(true)), "{:?}", r.ended);
    let store = Store::open(dir.path()).unwrap();
    let draft = store.load_draft::<CheckInDraft>().unwrap().unwrap();
    assert_eq!(draft.mood.map(|m| m.get()), Some(4));
    assert_eq!(draft.emotions, ["anxious"]);
    assert_eq!(draft.step, Step::Triggers, "where it stopped");
    assert!(store.day(at().date_naive()).unwrap().is_empty());
    // Going on: the triggers step first, what was given kept.
    let journal = journal_of(Vec::new());
    let r = run_on(&store, Some(draft), Some(&journal), "/save\n");
    assert!(r.out.starts_with("\nStep 3 of 10"), "{}", r.out);
    let e = saved(&r);
    assert_eq!(e.mood.map(|m| m.get()), Some(4));
    assert_eq!(e.emotions, ["anxious"]);
}

#[test]
fn quit_keeps_the_draft_and_discard_throws_it_away_once_confirmed() {
    let (dir, r) = run("4\n/quit\n");
    assert!(matches!(r.ended, Ended::Left(true)), "{:?}", r.ended);
    let store = Store::open(dir.path()).unwrap();
    assert!(store.load_draft::<CheckInDraft>().unwrap().is_some());
    let (dir, r) = run("4\n/discard\n\n/discard\ny\n");
    assert!(matches!(r.ended, Ended::Discarded), "{:?}", r.ended);
    assert_eq!(r.out.matches("Discard this check-in?").count(), 2);
    let store = Store::open(dir.path()).unwrap();
    assert!(store.load_draft::<CheckInDraft>().unwrap().is_none());
    assert!(store.day(at().date_naive()).unwrap().is_empty());
}

#[test]
fn back_goes_to_the_step_before_and_shows_what_was_given() {
    let (_dir, r) = run("4\n3\n/back\n\n5\n2\n/save\n");
    assert!(
        r.said().contains("Now: 4 good. Enter keeps it."),
        "{}",
        r.out
    );
    let e = saved(&r);
    assert_eq!(e.mood.map(|m| m.get()), Some(4), "Enter kept it");
    assert_eq!(e.closeness.map(|c| c.get()), Some(5));
    assert_eq!(e.emotions, ["anxious"]);
}

#[test]
fn a_moment_and_a_prediction_are_traced_field_by_field() {
    // Scales, feelings, triggers skipped; reactions 2; a moment; Reflect passed; no plan; a
    // prediction in a week; notes and tags.
    let input = "\n\n\n\n2\nI went quiet at dinner\n1 3, left the room\n2\nThey asked why\n\
                 1, I said I needed a minute\n2\n\n/next\n\nthey will be cold\n70%\n4\n3\n\n\
                 first line\\\nsecond line\nwork, #home\n\n";
    let (_dir, r) = run(input);
    let e = saved(&r);
    let [m] = &e.episodes[..] else {
        panic!("{:?}", e.episodes)
    };
    assert_eq!(m.what, "I went quiet at dinner");
    let c = catalog();
    let urges = c.urges_for(Some(Perspective::IPullAway));
    assert_eq!(
        m.urges,
        [
            urges[0].id.clone(),
            urges[2].id.clone(),
            "left the room".into()
        ]
    );
    assert_eq!(m.did.len(), 1);
    assert_eq!(m.next, "They asked why");
    assert_eq!(
        m.repair,
        Some(crate::journal::Repair::Own(
            "I said I needed a minute".into()
        )),
        "not yet, with words of one's own, is the words"
    );
    assert_eq!(m.ended, Some(crate::journal::Ending::ALL[1]));
    let [p] = &e.predictions[..] else {
        panic!("{:?}", e.predictions)
    };
    assert_eq!(p.fear, "they will be cold");
    assert_eq!(p.likelihood.map(u8::from), Some(70));
    assert_eq!(p.badness.map(|b| b.get()), Some(4));
    assert_eq!(p.look_back, at().date_naive() + chrono::Days::new(7));
    assert_eq!(e.notes, "first line\nsecond line");
    assert_eq!(e.tags, ["work", "home"]);
}

#[test]
fn a_look_back_day_that_has_passed_is_refused_with_the_interfaces_words() {
    let input = "\n\n\n\n\n\n/next\n\nthey will leave\n\n\n4\n2026-11-20\n2026-12-01\n\n/save\n";
    let (_dir, r) = run(input);
    assert!(
        r.said()
            .contains("has passed: a prediction looks back on a day to come"),
        "{}",
        r.out
    );
    let e = saved(&r);
    assert_eq!(e.predictions[0].look_back.to_string(), "2026-12-01");
}

/// Issue 36: after a Safety trigger, the plain check-in follows the same rule as the
/// interface: the safe way to reach out first, nothing that can raise the risk with a
/// frightening partner, no question that leads toward a talk with them, and where to find
/// support offered after saving.
#[test]
fn after_a_safety_trigger_nothing_risky_is_offered_and_support_is_offered_after_saving() {
    let c = catalog();
    let fear = c.trigger(SAFETY_TRIGGER).unwrap().name.clone();
    let favourite = CAVEAT_REQUIRED[0];
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let journal = journal_of(Vec::new());
    let catalog = catalog();
    let prefs = Preferences {
        favourites: vec![favourite.to_owned()],
        planned_next: vec![favourite.to_owned()],
        ..prefs()
    };
    // Mood 1; the fear; strongly; Reflect passed; the first suggestion; the rest skipped;
    // saved; then `!`.
    let input = format!("1\n\n\n{fear}\n5\n\n\n/next\n1\n\n\n\n\n!\n");
    let t = Term::new(input.as_bytes(), Vec::new(), 80, false);
    let with = With {
        store: &store,
        catalog: &catalog,
        prefs: &prefs,
        journal: Some(&journal),
        today: at().date_naive(),
        locked: false,
        now: &at,
    };
    let mut checkin = Checkin::new(CheckInDraft::new(at(), prefs.perspective()), t, with);
    let ended = checkin.run().unwrap();
    let out = String::from_utf8(checkin.term().output().clone()).unwrap();
    assert_eq!(
        checkin.suggestions.first().map(String::as_str),
        Some("reach-out-safely")
    );
    for id in &checkin.suggestions {
        assert!(
            !needs_caveat(c.strategy(id).unwrap()),
            "{id} offered:\n{out}"
        );
    }
    for r in &checkin.draft.responses {
        let p = r.prompt_id.as_ref().and_then(|id| c.prompt(id.as_str()));
        assert!(p.is_none_or(|p| !p.safe_only), "{} asked", r.prompt);
    }
    let Ended::Saved(e, _) = ended else {
        panic!("{ended:?}\n{out}")
    };
    assert_eq!(e.strategies.len(), 1);
    assert_eq!(e.strategies[0].id.as_str(), "reach-out-safely");
    assert!(out.contains("If it was a hard day, type !"), "{out}");
    assert!(
        out.contains("If you are afraid of your partner"),
        "support shown: {out}"
    );
}

#[test]
fn a_caveat_is_said_under_every_strategy_that_has_one() {
    let c = catalog();
    let with_caveat = c.strategies.iter().find(|s| s.caveat.is_some()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let journal = journal_of(Vec::new());
    let mut draft = CheckInDraft::new(at(), Some(Perspective::IPullAway));
    draft.step = Step::Strategies;
    draft.strategies.push(StrategyUse {
        id: Name::try_from(with_caveat.id.as_str()).unwrap(),
        planned: true,
        tried: None,
        helpfulness: None,
        extra: Default::default(),
    });
    let r = run_on(&store, Some(draft), Some(&journal), "\n/quit\n");
    let caveat = with_caveat.caveat.as_ref().unwrap();
    let caveat: Vec<&str> = caveat.split_whitespace().collect();
    assert!(
        r.said().contains(&format!("Careful: {}", caveat.join(" "))),
        "{}",
        r.out
    );
}

#[test]
fn an_earlier_plan_is_followed_up_as_tried_and_how_helpful() {
    let yesterday = DateTime::parse_from_rfc3339("2026-11-21T20:00:00+01:00").unwrap();
    let mut before = Entry::new(EntryId::generate(yesterday, 1), yesterday);
    before.strategies.push(StrategyUse {
        id: Name::try_from("take-it-slow").unwrap(),
        planned: true,
        tried: None,
        helpfulness: None,
        extra: Default::default(),
    });
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let journal = journal_of(vec![before]);
    let mut draft = CheckInDraft::new(at(), Some(Perspective::IPullAway));
    draft.mood = Some(3u8.try_into().unwrap());
    draft.step = Step::Strategies;
    let r = run_on(&store, Some(draft), Some(&journal), "maybe\n5\n\n/save\n");
    assert!(
        r.said().contains("Earlier you planned to try:"),
        "{}",
        r.out
    );
    assert!(
        r.said().contains("Type y, n, or a number from 1 to 5."),
        "{}",
        r.out
    );
    let e = saved(&r);
    let s = e
        .strategies
        .iter()
        .find(|s| s.id.as_str() == "take-it-slow")
        .unwrap();
    assert_eq!(
        (s.tried, s.helpfulness.map(|h| h.get())),
        (Some(true), Some(5))
    );
}

#[test]
fn locked_the_words_of_ones_own_are_not_offered_and_it_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let r = run_on(&store, None, None, "3\n\n\n\n/save\n");
    assert!(
        r.said()
            .contains("Feelings of your own show after unlocking"),
        "{}",
        r.out
    );
    assert!(
        r.said()
            .contains("Triggers of your own show after unlocking"),
        "{}",
        r.out
    );
    assert_eq!(saved(&r).mood.map(|m| m.get()), Some(3));
}

mod same;
