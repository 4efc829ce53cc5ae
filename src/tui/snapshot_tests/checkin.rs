use super::*;
use crate::journal::draft::{CheckInDraft, Step};
use crate::journal::entry::thin_vec;
use crate::journal::test_support::{
    catalog_trigger, episode, logged, own_trigger, prediction, strategy,
};
use crate::journal::{Closeness, Mood, Name, Response, TriggerLog, TriggerRef};
use crate::tui::screens::checkin::State;

fn filled(app: &App) -> CheckInDraft {
    let mut d = CheckInDraft::new(app.session.now, app.session.perspective());
    d.mood = Some(Mood::try_from(2u8).unwrap());
    d.closeness = Some(Closeness::try_from(4u8).unwrap());
    d.emotions = thin_vec!["lonely".into(), "hopeful".into(), "a bit wistful".into()];
    d.triggers = thin_vec![
        logged(catalog_trigger("anxiety"), Some(4), "before the call"),
        logged(own_trigger("my sister visiting"), Some(2), ""),
    ];
    d.behaviours = thin_vec![Name::try_from(app.session.catalog.signs[0].id.as_str()).unwrap()];
    let p = app
        .session
        .catalog
        .prompts_for_trigger("anxiety", app.session.perspective())[0];
    d.responses = thin_vec![Response {
        prompt_id: Some(Name::try_from(p.id.as_str()).unwrap()),
        prompt: p.text.as_str().into(),
        answer: "It felt like too much at once.\nSo I went quiet and scrolled my phone instead of saying so."
            .into(),
        extra: Default::default(),
    }];
    let s = app
        .session
        .catalog
        .strategies_for_trigger("anxiety", app.session.perspective())[0];
    d.strategies = thin_vec![
        strategy(s.id.as_str(), true, None, None),
        strategy("active-listening", false, Some(true), Some(4)),
    ];
    d.notes = "Long day. The evening walk helped.".into();
    d.tags = thin_vec!["work".into(), "weekend".into()];
    d.episodes = thin_vec![crate::journal::Episode {
        urges: vec!["go-quiet".into(), "leave the room".into()],
        did: vec![app.session.catalog.signs[0].id.clone()],
        next: "We ate without talking".into(),
        repair: Some(crate::journal::Repair::Own("I said it hurt, later".into())),
        ended: Some(crate::journal::Ending::Same),
        ..episode("He looked at his phone while I talked", "anxiety")
    }];
    d.predictions = thin_vec![crate::journal::Prediction {
        likelihood: crate::journal::Likelihood::try_from(70).ok(),
        badness: crate::journal::Badness::try_from(4u8).ok(),
        ..prediction("He will be cold all weekend", d.date + chrono::Days::new(3))
    }];
    d
}

fn at_step(mut app: App, mut draft: CheckInDraft, step: Step) -> App {
    draft.step = step;
    let state = State::new(draft, &app.session);
    app.open_for_test(Screen::CheckIn(Box::new(state)));
    app
}

#[test]
fn every_step_filled_and_empty_at_80x24_and_120x40() {
    for step in Step::ALL {
        for (kind, fill) in [("empty", false), ("filled", true)] {
            for (w, h) in [(80, 24), (120, 40)] {
                let base = app_at_home();
                let draft = if fill {
                    filled(&base)
                } else {
                    CheckInDraft::new(base.session.now, base.session.perspective())
                };
                let mut app = at_step(base, draft, step);
                let name = format!("checkin_{:?}_{kind}_{w}x{h}", step).to_lowercase();
                assert_snapshot!(name, draw(&mut app, w, h).backend());
            }
        }
    }
}

#[test]
fn leave_dialog_and_resume_offer() {
    let base = app_at_home();
    let draft = filled(&base);
    let mut app = at_step(base, draft.clone(), Step::Triggers);
    app.update(Msg::Key(Action::Back));
    assert_drawn!("checkin_leave_dialog", &mut app, 80, 24);

    let mut home = app_at_home();
    home.draft_found(draft, true);
    assert_drawn!("home_resume_offer", &mut home, 80, 24);
}

#[test]
fn a_dialog_holds_every_line_it_wraps() {
    use crate::tui::screen::Question;
    use crate::tui::screens::confirm;
    let mut app = app_at_home();
    let long = "A line longer than the box is wide, as a translated or a future \
                question may have, must wrap inside the box and push the keys down."
        .to_owned();
    app.open_for_test(Screen::Confirm(confirm::State::new(
        Question::DiscardCheckIn,
        "Discard?",
        &[long],
    )));
    let text = draw(&mut app, 60, 20).backend().to_string();
    let flat: String = text
        .lines()
        .map(|l| l.trim_matches('"').replace('│', " "))
        .collect::<Vec<_>>()
        .join(" ");
    let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    for needed in [
        "push the keys down.",
        confirm::asking(Question::DiscardCheckIn)
            .last()
            .unwrap()
            .help,
    ] {
        assert!(
            words(&flat).contains(&words(needed)),
            "{needed:?} not shown:\n{text}"
        );
    }
}

#[test]
fn the_add_row_says_enter_only_where_enter_adds() {
    let base = app_at_home();
    let draft = CheckInDraft::new(base.session.now, base.session.perspective());
    let mut app = at_step(base, draft, Step::Triggers);
    // One trigger matches ("Fear of abandonment").
    typed(&mut app, "abandon");
    let text = draw(&mut app, 80, 24).backend().to_string();
    assert!(text.contains("+ add “abandon” as your own "), "{text}");
    assert!(!text.contains("(Enter)"), "Enter picks the match: {text}");
    press(&mut app, "Down");
    let text = draw(&mut app, 80, 24).backend().to_string();
    assert!(
        text.contains("▸ + add “abandon” as your own (Enter)"),
        "{text}"
    );
}

#[test]
fn with_the_safety_trigger_logged_the_strategies_put_safety_first() {
    use crate::content::offer::needs_caveat;
    use crate::journal::{Perspective, PerspectiveChoice};
    for (name, perspective) in [
        ("i_pull_away", Perspective::IPullAway),
        ("partner_pulls_away", Perspective::PartnerPullsAway),
    ] {
        let mut base = app_at_home();
        base.session.prefs.perspective = Some(PerspectiveChoice::from(perspective));
        // Couples counselling planned from the library, and a second trigger that would
        // offer a calm talk: neither is offered beside fear of the partner.
        base.session.prefs.planned_next = vec!["try-couples-counselling".into()];
        let mut draft = CheckInDraft::new(base.session.now, Some(perspective));
        draft.triggers = ["communication-breakdown", "control-or-fear"]
            .into_iter()
            .map(|id| TriggerLog {
                trigger: TriggerRef::Id(Name::try_from(id).unwrap()),
                intensity: None,
                note: String::new(),
                extra: Default::default(),
            })
            .collect();
        let mut app = at_step(base, draft, Step::Strategies);
        let text = draw(&mut app, 80, 24).backend().to_string();
        assert!(text.contains("Reach out where it's safe"), "{text}");
        let Screen::CheckIn(state) = app.top() else {
            panic!("not the check-in")
        };
        assert_eq!(state.suggestions[0], "reach-out-safely");
        for id in &state.suggestions {
            let s = app.session.catalog.strategy(id).unwrap();
            assert!(!needs_caveat(s), "{id} offered");
        }
        assert_drawn!(
            format!("checkin_safety_trigger_strategies_{name}_80x24"),
            &mut app,
            80,
            24
        );
    }
}

#[test]
fn a_caveat_shows_without_the_cursor_on_its_strategy() {
    let mut base = app_at_home();
    base.session.prefs.planned_next = vec!["try-couples-counselling".into()];
    let draft = CheckInDraft::new(base.session.now, base.session.perspective());
    let mut app = at_step(base, draft, Step::Strategies);
    let Screen::CheckIn(state) = app.top() else {
        panic!("not the check-in")
    };
    assert_eq!(state.suggestions[0], "try-couples-counselling");
    // The cursor goes to the second suggestion; the first one's caveat stays.
    press(&mut app, "Down");
    let text = draw(&mut app, 80, 40).backend().to_string();
    assert!(text.contains("Careful:"), "{text}");
}

#[test]
fn trigger_note_popup() {
    let base = app_at_home();
    let draft = filled(&base);
    let mut app = at_step(base, draft, Step::Triggers);
    app.update(Msg::Key(Action::Note));
    assert_drawn!("checkin_trigger_note", &mut app, 80, 24);
}
