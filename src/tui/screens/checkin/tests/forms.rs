//! The forms of the moment and prediction steps, and a draft resumed in its step.

use super::*;

/// Walks to the moments and down to the repair.
fn to_repair(f: &Fixture, s: &mut State) {
    f.to(s, Step::Episodes);
    while s.episode_form().focus < episodes::REPAIR {
        f.act(s, Action::Down);
    }
}

/// Issue 37, item 1: in a moment, a picked repair and a repair in the person's own words are
/// both kept, in the file too, and re-opening the entry shows both.
#[test]
fn a_picked_repair_and_one_in_your_own_words_are_both_kept() {
    let f = Fixture::new();
    let mut s = f.state();
    f.pick_trigger(&mut s, "anxiety");
    to_repair(&f, &mut s);
    f.key(&mut s, TextKey::Right);
    f.typed(&mut s, " ");
    let picked = s.episode_form().picked(episodes::REPAIR)[0].to_owned();
    f.act(&mut s, Action::Down);
    f.typed(&mut s, "I told him the phone thing stung");
    let strategy = Name::try_from(picked.as_str()).unwrap();
    let both = crate::journal::Repair::Both(strategy, "I told him the phone thing stung".into());
    assert_eq!(s.draft.episodes[0].repair, Some(both.clone()));
    let json = serde_json::to_value(&s.draft.episodes[0]).unwrap();
    assert_eq!(
        json["repair"],
        serde_json::json!({"strategy": picked, "own": "I told him the phone thing stung"})
    );
    // Re-opened (as review › e does), the chip is picked and the words are there.
    let entry = s.draft.finish(now());
    let mut again = CheckInDraft::editing(&entry, now());
    again.step = Step::Episodes;
    let r = State::new(again, &f.session);
    assert_eq!(r.episode_form().picked(episodes::REPAIR), [picked.as_str()]);
    assert_eq!(
        r.episode_form().text(episodes::OWN_REPAIR),
        "I told him the phone thing stung"
    );
    // "Not yet" and words are not both true: the words unpick "not yet", on screen too.
    let mut s = f.state();
    to_repair(&f, &mut s);
    f.typed(&mut s, " ");
    assert_eq!(
        s.draft.episodes[0].repair,
        Some(crate::journal::Repair::NotYet)
    );
    f.act(&mut s, Action::Down);
    f.typed(&mut s, "later I said sorry");
    assert!(s.episode_form().picked(episodes::REPAIR).is_empty());
    assert_eq!(
        s.draft.episodes[0].repair,
        Some(crate::journal::Repair::Own("later I said sorry".into()))
    );
}

/// Walks the prediction form to "on a date" and types `date` there.
fn on_a_date(f: &Fixture, s: &mut State, date: &str) {
    f.to(s, Step::Predictions);
    f.typed(s, "She will say no");
    f.act(s, Action::Down);
    f.act(s, Action::Down);
    f.act(s, Action::Down);
    for _ in 0..3 {
        f.key(s, TextKey::Right);
    }
    f.typed(s, " ");
    assert!(f.act(s, Action::Down) == Outcome::Stay);
    f.typed(s, date);
}

/// Issue 37, item 2: a date that has passed (or is not a date) is said so, kept, and can be
/// fixed; the check-in does not go on with "tomorrow" instead.
#[test]
fn a_past_date_for_a_prediction_is_said_kept_and_fixed() {
    let f = Fixture::new();
    let mut s = f.state();
    // "On a date" is asked only once it is picked.
    f.to(&mut s, Step::Predictions);
    assert!(!s.prediction_form().shown(4));
    let past = (today() - chrono::Days::new(5)).to_string();
    on_a_date(&f, &mut s, &past);
    let problem = s.prediction_form().fields[4]
        .problem
        .clone()
        .unwrap_or_default();
    assert!(problem.contains("has passed"), "{problem}");
    for leave in [Action::Next, Action::Save, Action::Prev, Action::Confirm] {
        let out = f.act(&mut s, leave);
        assert!(
            matches!(&out, Outcome::Other(t) if t.contains("has passed")),
            "{leave:?}: {out:?}"
        );
        assert_eq!(s.step(), Step::Predictions);
        assert_eq!(s.prediction_form().text(4), past, "the text is kept");
        assert_eq!(s.prediction_form().picked(3), ["date"]);
    }
    for _ in 0..past.len() {
        f.key(&mut s, TextKey::Backspace);
    }
    f.typed(&mut s, "2026-13-40");
    assert!(matches!(f.act(&mut s, Action::Next), Outcome::Other(t) if t.contains("not a date")));
    for _ in 0..10 {
        f.key(&mut s, TextKey::Backspace);
    }
    let later = today() + chrono::Days::new(5);
    f.typed(&mut s, &later.to_string());
    assert!(s.prediction_form().fields[4].problem.is_none());
    assert_eq!(s.draft.predictions[0].look_back, later);
    assert_eq!(f.act(&mut s, Action::Next), Outcome::SaveDraft);
    assert_eq!(s.step(), Step::Notes);
}

/// Issue 37, item 6: digits set the prediction's scales, as they set every other scale.
#[test]
fn digits_set_the_prediction_scales() {
    let (f, mut s) = Fixture::at(Step::Predictions);
    f.typed(&mut s, "He will be cold");
    f.act(&mut s, Action::Down);
    f.typed(&mut s, "7");
    f.act(&mut s, Action::Down);
    f.typed(&mut s, "4");
    f.typed(&mut s, "9"); // not on a 1–5 scale: nothing
    let p = &s.draft.predictions[0];
    assert_eq!(
        (p.likelihood.map(|l| l.get()), p.badness.map(|b| b.get())),
        (Some(70), Some(4))
    );
}

/// Issue 37, item 8: a draft resumed comes back to the question (moment, prediction, row) it
/// was left on, not the step's first.
#[test]
fn a_resumed_draft_comes_back_to_the_question_it_was_on() {
    let f = Fixture::new();
    let mut s = f.state();
    f.pick_trigger(&mut s, "anxiety");
    f.to(&mut s, Step::Reflect);
    assert_eq!(s.answers().len(), MAX_PROMPTS);
    f.act(&mut s, Action::Next);
    let Cmd::Effect(Effect::SaveDraft(kept)) = update(&mut s, Msg::Key(Action::Next), &f.ctx())
    else {
        panic!("no draft written")
    };
    assert_eq!(s.prompt_index(), 2);
    f.typed(&mut s, "the third one");
    let resumed = |d: &CheckInDraft| {
        let json = serde_json::to_string(d).unwrap();
        State::new(serde_json::from_str(&json).unwrap(), &f.session)
    };
    assert_eq!(
        resumed(&kept).prompt_index(),
        2,
        "from the draft written on Tab"
    );
    let r = resumed(s.flushed_draft());
    assert_eq!((r.step(), r.prompt_index()), (Step::Reflect, 2));
    assert_eq!(area_text(&r.answers()[2]), "the third one");

    // The second moment, and the tags box, likewise.
    f.to(&mut s, Step::Episodes);
    f.typed(&mut s, "first");
    f.act(&mut s, Action::Add);
    f.typed(&mut s, "second");
    let r = resumed(s.flushed_draft());
    assert_eq!(r.episode_at(), 1);
    assert_eq!(r.episode_form().text(0), "second");
    f.to(&mut s, Step::Notes);
    f.act(&mut s, Action::Next);
    assert_eq!(resumed(s.flushed_draft()).focus(), 1);
}
