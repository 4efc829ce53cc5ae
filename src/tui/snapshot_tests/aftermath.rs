//! The debrief and the thought check, empty and filled, and their summaries.

use super::*;
use crate::journal::draft::{CheckInDraft, Flow, Step};
use crate::journal::{Debrief, Likelihood, Name, ThoughtCheck, TriggerRef};
use crate::tui::screens::checkin::State;

fn name(s: &str) -> Name {
    Name::try_from(s).unwrap()
}

/// Home with a `flow` begun on a new entry, holding `fill`'s record, on `step`.
fn opened(flow: Flow, fill: bool, step: Step) -> App {
    let mut app = app_at_home();
    let mut draft = CheckInDraft::record(flow, None, app.session.now, app.session.perspective());
    if fill {
        draft.thoughts.push(ThoughtCheck {
            thought: "They are bored of me".into(),
            belief: Likelihood::try_from(80).ok(),
            traps: vec![name("trap-mind-reading")],
            fits: "He yawned twice at dinner".into(),
            does_not_fit: "He asked about my day and listened to the answer".into(),
            kinder: "He is tired after a long week".into(),
            belief_after: Likelihood::try_from(30).ok(),
            extra: Default::default(),
        });
        draft.debriefs.push(Debrief {
            felt: vec!["hurt".into(), "lonely".into(), "small".into()],
            my_side: "He was on his phone while I talked; I needed him to look up".into(),
            their_side: "Maybe a message from work he had to answer".into(),
            triggers: vec![TriggerRef::Id(name("communication-breakdown"))],
            before: "Being talked over as a child".into(),
            my_part: "I went quiet instead of saying it".into(),
            next_time: "Say early that I'd like his eyes for a minute".into(),
            repair_id: None,
            repair: "Can we try that again? I missed you just then.".into(),
            extra: Default::default(),
        });
        draft.at = 0;
    }
    draft.step = step;
    let state = State::new(draft, &app.session);
    app.open_for_test(Screen::CheckIn(Box::new(state)));
    app
}

#[test]
fn the_debrief_and_the_thought_check_at_80x24_and_160x48() {
    for (flow, step, what) in [
        (Flow::Debrief, Step::Debrief, "debrief"),
        (Flow::Thought, Step::Thought, "thought"),
    ] {
        for (kind, fill) in [("empty", false), ("filled", true)] {
            for (w, h) in [(80, 24), (160, 48)] {
                let mut app = opened(flow, fill, step);
                let name = format!("{what}_{kind}_{w}x{h}");
                assert_snapshot!(name, draw(&mut app, w, h).backend());
            }
        }
        let mut app = opened(flow, true, Step::Summary);
        let name = format!("{what}_summary_80x24");
        assert_snapshot!(name, draw(&mut app, 80, 24).backend());
    }
}

/// Insights on the cycle view, over `entries` (the last 365 days), from `perspective`.
fn cycle_of(entries: Vec<crate::journal::Entry>, perspective: crate::journal::Perspective) -> App {
    let mut app = crate::tui::test_support::app_opened(entries, Action::OpenInsights);
    app.session.prefs.perspective = Some(perspective.into());
    app.update(Msg::Key(Action::Choose(3)));
    crate::tui::test_support::to_view(&mut app, crate::tui::screens::insights::Tab::Cycle);
    app
}

/// A year of check-ins with moments, the last `moments` of them tracing one.
fn with_moments(moments: usize) -> Vec<crate::journal::Entry> {
    let mut entries = crate::tui::test_support::generated_year();
    for e in &mut entries {
        e.episodes.clear();
    }
    for e in entries.iter_mut().rev().take(moments) {
        e.episodes.push(crate::journal::Episode {
            triggers: vec![TriggerRef::Id(name("anxiety"))],
            urges: vec!["go-quiet".into()],
            did: vec!["terse-talk".into()],
            repair: Some(crate::journal::Repair::Own("I said it stung".into())),
            ended: Some(crate::journal::Ending::Closer),
            ..Default::default()
        });
    }
    entries
}

#[test]
fn the_cycle_thin_rich_from_each_side_and_over_a_safety_trigger() {
    use crate::journal::Perspective::{IPullAway, PartnerPullsAway};
    let mut frightened = with_moments(12);
    let last = frightened.last_mut().unwrap();
    last.triggers.push(crate::journal::TriggerLog {
        trigger: TriggerRef::Id(name("control-or-fear")),
        intensity: None,
        note: String::new(),
        extra: Default::default(),
    });
    for (what, entries, side) in [
        ("thin", with_moments(3), IPullAway),
        ("rich_pull_away", with_moments(12), IPullAway),
        ("rich_partner", with_moments(12), PartnerPullsAway),
        ("safety", frightened, PartnerPullsAway),
    ] {
        for (w, h) in [(80, 24), (160, 48)] {
            let mut app = cycle_of(entries.clone(), side);
            let text = draw(&mut app, w, h).backend().to_string();
            match what {
                "thin" => assert!(text.contains("3 moments traced"), "{text}"),
                "safety" => assert!(
                    text.contains("not a cycle two people make")
                        && !text.contains("What starts it"),
                    "{text}"
                ),
                _ => assert!(text.contains("Go quiet (12)"), "{text}"),
            }
            assert_snapshot!(format!("cycle_{what}_{w}x{h}"), text);
        }
    }
}

#[test]
fn insights_count_debriefs_and_thought_checks_120x40() {
    let mut entries = with_moments(6);
    for (i, e) in entries.iter_mut().rev().take(6).enumerate() {
        e.debriefs.push(Debrief {
            triggers: vec![TriggerRef::Id(name("anxiety"))],
            repair: "Can we try that again?".into(),
            ..Debrief::default()
        });
        let before = 70 + 5 * i64::try_from(i).unwrap();
        e.thoughts.push(ThoughtCheck {
            thought: "They are bored of me".into(),
            traps: vec![name("trap-mind-reading")],
            belief: Likelihood::try_from(before).ok(),
            belief_after: Likelihood::try_from(before - 40).ok(),
            ..ThoughtCheck::default()
        });
    }
    let mut app = cycle_of(entries, crate::journal::Perspective::IPullAway);
    // From the cycle back to the moments view.
    app.update(Msg::Key(Action::Prev));
    let text = draw(&mut app, 120, 40).backend().to_string();
    for said in [
        "6 debriefs · a repair phrase chosen in 6",
        "touched most: Anxiety (6)",
        "traps that recur: Mind reading (6)",
        "eased by 40 points on average (over 6 checks)",
    ] {
        assert!(text.contains(said), "{said}:\n{text}");
    }
    assert_snapshot!("insights_debriefs_and_thoughts_120x40", text);
}

#[test]
fn the_cycle_in_your_own_words_at_80x24_and_160x48() {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut app = opened(Flow::Cycle, false, Step::Cycle);
        assert_snapshot!(
            format!("cycle_words_{w}x{h}"),
            draw(&mut app, w, h).backend()
        );
    }
    // Written, they stand under the map.
    let mut entries = with_moments(12);
    entries
        .last_mut()
        .unwrap()
        .cycle_words
        .push(crate::journal::CycleWords {
            trigger: Some(TriggerRef::Id(name("anxiety"))),
            starts: "he is on his phone at dinner".into(),
            i_do: "I go quiet".into(),
            underneath: "afraid I don't matter".into(),
            long_for: "to feel chosen".into(),
            ..Default::default()
        });
    let mut app = cycle_of(entries, crate::journal::Perspective::IPullAway);
    assert_snapshot!(
        "cycle_with_own_words_160x48",
        draw(&mut app, 160, 48).backend()
    );
}
