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
