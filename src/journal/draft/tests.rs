//! The check-in draft: its steps and flows, its file, and what it makes of an entry.

use super::*;
use crate::journal::{Intensity, Mood, Response, TriggerLog, TriggerRef};

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn name(s: &str) -> Name {
    Name::try_from(s).unwrap()
}

impl Step {
    fn position_in_check_in(self) -> (usize, usize) {
        Flow::CheckIn.position(self)
    }
}

#[test]
fn a_debrief_or_thought_check_is_kept_with_the_days_entry_and_its_draft_reads_back() {
    let now = at("2026-11-22T21:00:00+01:00");
    let mut day = Entry::new(EntryId::generate(at("2026-11-22T08:00:00+01:00"), 1), now);
    day.debriefs.push(Debrief {
        my_side: "earlier".into(),
        ..Debrief::default()
    });
    let d = CheckInDraft::record(Flow::Debrief, Some(&day), now, None);
    assert!(d.is_edit() && d.id == day.id, "the day's entry is added to");
    assert_eq!((d.flow, d.step, d.at), (Flow::Debrief, Step::Debrief, 1));
    let t = CheckInDraft::record(Flow::Thought, None, now, Some(Perspective::IPullAway));
    assert!(!t.is_edit());
    assert_eq!((t.flow, t.step, t.at), (Flow::Thought, Step::Thought, 0));

    let mut t = t;
    t.thoughts.push(ThoughtCheck {
        thought: "they are bored of me".into(),
        ..ThoughtCheck::default()
    });
    let text = serde_json::to_string(&t).unwrap();
    assert!(text.contains(r#""flow":"thought""#), "{text}");
    let back: CheckInDraft = serde_json::from_str(&text).unwrap();
    assert_eq!(back, t);
    // A daily check-in's draft file does not name its flow: it reads as it always did.
    let plain = CheckInDraft::new(now, None);
    assert!(!serde_json::to_string(&plain).unwrap().contains("flow"));
    let finished = CheckInDraft::record(Flow::Thought, None, now, None).finish(now);
    assert!(finished.thoughts.is_empty(), "an empty check is not kept");
}

#[test]
fn steps_go_forward_and_back_in_order() {
    assert_eq!(Step::Scales.prev(), None);
    assert_eq!(Step::Scales.next(), Some(Step::Emotions));
    assert_eq!(Step::Summary.next(), None);
    assert_eq!(Step::Summary.prev(), Some(Step::Notes));
    assert_eq!(Flow::CheckIn.position(Step::Summary).0, 10);
    for w in Step::ALL.windows(2) {
        assert_eq!(w[0].next(), Some(w[1]));
        assert_eq!(w[1].prev(), Some(w[0]));
    }
    // A debrief or a thought check on its own: its step, then the summary.
    for (flow, step) in [
        (Flow::Debrief, Step::Debrief),
        (Flow::Thought, Step::Thought),
    ] {
        assert_eq!(flow.first(), step);
        assert_eq!(flow.next(step), Some(Step::Summary));
        assert_eq!(flow.prev(Step::Summary), Some(step));
        assert_eq!(flow.prev(step), None);
        assert_eq!(flow.position(Step::Summary), (2, 2));
    }
    assert_eq!(Flow::CheckIn.position(Step::Summary), (10, 10));
    // Begun from the moment step of a check-in, a detour: back to the moment, on to
    // what comes after it.
    for step in [Step::Thought, Step::Debrief] {
        assert_eq!(
            Flow::CheckIn.position(step),
            Step::Episodes.position_in_check_in()
        );
        assert_eq!(Flow::CheckIn.prev(step), Some(Step::Episodes));
        assert_eq!(Flow::CheckIn.next(step), Some(Step::Reflect));
    }
}

#[test]
fn a_new_draft_makes_an_entry_on_the_day_it_began() {
    let mut d = CheckInDraft::new(
        at("2026-11-22T23:50:00+01:00"),
        Some(Perspective::IPullAway),
    );
    assert!(d.is_empty());
    d.mood = Some(Mood::try_from(2u8).unwrap());
    d.responses.push(Response {
        prompt_id: Some(name("p1")),
        prompt: "Asked?".into(),
        answer: "Written.".into(),
        extra: Default::default(),
    });
    d.responses.push(Response {
        prompt_id: Some(name("p2")),
        prompt: "Skipped?".into(),
        answer: "  ".into(),
        extra: Default::default(),
    });
    assert!(!d.is_empty());
    let e = d.finish(at("2026-11-23T00:05:00+01:00"));
    assert_eq!(e.date, "2026-11-22".parse::<NaiveDate>().unwrap());
    assert_eq!(e.created_at, e.updated_at);
    assert_eq!(e.id, d.id);
    assert_eq!(
        d.finish(at("2026-11-23T00:06:00+01:00")).id,
        e.id,
        "saving twice replaces"
    );
    assert_eq!(e.responses.len(), 1, "unanswered prompts are not kept");
    assert_eq!(e.perspective, Some(Perspective::IPullAway));
}

#[test]
fn editing_keeps_id_day_and_creation_time() {
    let created = at("2026-11-20T08:00:00+01:00");
    let mut original = Entry::new(EntryId::generate(created, 1), created);
    original.notes = "first".into();
    original.triggers.push(TriggerLog {
        trigger: TriggerRef::Custom(name("the in-laws")),
        intensity: Some(Intensity::try_from(4u8).unwrap()),
        note: String::new(),
        extra: Default::default(),
    });
    original.extra.insert("future".into(), serde_json::json!(1));
    let mut d = CheckInDraft::editing(&original, at("2026-11-22T10:00:00+01:00"));
    d.notes = "second thoughts".into();
    assert!(d.is_edit());
    let e = d.finish(at("2026-11-22T10:05:00+01:00"));
    assert_eq!(e.id, original.id);
    assert_eq!(e.date, original.date);
    assert_eq!(e.created_at, created);
    assert_eq!(e.updated_at, at("2026-11-22T10:05:00+01:00"));
    assert_eq!(e.notes, "second thoughts");
    assert_eq!(e.triggers, original.triggers);
    assert_eq!(e.extra, original.extra);
}

#[test]
fn drafts_round_trip_through_json() {
    let mut d = CheckInDraft::new(at("2026-11-22T09:00:00+01:00"), None);
    d.step = Step::Reflect;
    d.notes = "ünï ✓\nline two".into();
    let json = serde_json::to_string(&d).unwrap();
    assert!(json.contains("\"step\":\"reflect\""), "{json}");
    assert_eq!(serde_json::from_str::<CheckInDraft>(&json).unwrap(), d);
}

fn planned(date: &str, hour: u32, id: &str, tried: Option<bool>) -> Entry {
    let t = at(&format!("{date}T{hour:02}:00:00+00:00"));
    let mut e = Entry::new(EntryId::generate(t, hour), t);
    e.strategies.push(StrategyUse {
        id: name(id),
        planned: tried.is_none(),
        tried,
        helpfulness: None,
        extra: Default::default(),
    });
    e
}

#[test]
fn follow_ups_are_open_plans_until_answered() {
    let today: NaiveDate = "2026-11-22".parse().unwrap();
    let entries = vec![
        planned("2026-11-18", 9, "active-listening", None),
        planned("2026-11-19", 9, "take-it-slow", None),
        planned("2026-11-20", 9, "active-listening", Some(true)),
        planned("2026-11-01", 9, "too-old", None),
    ];
    let open = pending_follow_ups(&entries, today, None);
    assert_eq!(open.len(), 1, "{open:?}");
    assert_eq!(open[0].strategy.as_str(), "take-it-slow");
    // Planned again after being answered: open again.
    let mut again = entries.clone();
    again.push(planned("2026-11-21", 9, "active-listening", None));
    let open = pending_follow_ups(&again, today, None);
    assert_eq!(
        open.iter().map(|f| f.strategy.as_str()).collect::<Vec<_>>(),
        ["active-listening", "take-it-slow"]
    );
    // The entry being edited does not count.
    let skip = again.last().unwrap().id.clone();
    assert_eq!(pending_follow_ups(&again, today, Some(&skip)).len(), 1);
}

#[test]
fn answering_a_follow_up_records_tried_and_helpfulness() {
    let mut s = ThinVec::new();
    let id = name("take-it-slow");
    answer_follow_up(
        &mut s,
        &id,
        Some(true),
        Some(Helpfulness::try_from(4u8).unwrap()),
    );
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].tried, Some(true));
    assert!(!s[0].planned);
    answer_follow_up(
        &mut s,
        &id,
        Some(false),
        Some(Helpfulness::try_from(4u8).unwrap()),
    );
    assert_eq!(s[0].helpfulness, None, "not tried: no helpfulness");
    answer_follow_up(&mut s, &id, None, None);
    assert!(
        s.is_empty(),
        "an unanswered follow-up leaves nothing behind"
    );
}

/// Issue 33: a text of a debrief, thought check or the cycle in the person's words comes back
/// from `$EDITOR` into its record (a new one is made), as it does after a crash.
#[test]
fn an_editor_text_goes_into_its_record() {
    let now = at("2026-11-22T21:00:00+01:00");
    let mut d = CheckInDraft::record(Flow::Thought, None, now, None);
    let target = EditTarget::Record {
        step: Step::Thought,
        at: 0,
        text: 3,
    };
    assert!(d.take_edit(target, "A kinder thought.\nOn two lines.\n"));
    assert_eq!(d.thoughts[0].kinder, "A kinder thought.\nOn two lines.");
    let text = serde_json::to_string(&EditTarget::Record {
        step: Step::Debrief,
        at: 2,
        text: 1,
    })
    .unwrap();
    assert_eq!(text, r#"{"record":{"step":"debrief","at":2,"text":1}}"#);
    let wrong = EditTarget::Record {
        step: Step::Notes,
        at: 0,
        text: 0,
    };
    assert!(
        !d.take_edit(wrong, "lost?"),
        "no record on that step: not taken"
    );
}
