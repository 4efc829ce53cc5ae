//! What each screen looks like, on a fixed date, as insta snapshots.

use insta::assert_snapshot;

use super::app::{App, Msg, Route, Status};
use super::keymap::Action;
use super::test_support::{app_at_home, app_first_run, draw};
use super::theme::Theme;

#[test]
fn first_run_80x24() {
    let mut app = app_first_run();
    assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn first_run_no_color_marks_the_selection_with_reverse() {
    let mut app = app_first_run();
    app.theme = Theme::no_color();
    app.update(Msg::Action(Action::Down));
    let terminal = draw(&mut app, 80, 24);
    assert_snapshot!(format!("{:?}", terminal.backend().buffer()));
}

#[test]
fn home_80x24() {
    let mut app = app_at_home();
    assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn home_checked_in_with_problems_and_read_only_80x24() {
    let mut app = app_at_home();
    if let Some(s) = app.summary.as_mut() {
        s.checked_in_today = true;
        s.streak = 1;
        s.problem_files = 2;
    }
    app.ctx.read_only = Some(
        "another closer has this journal open. Close it to write here; you can still read.".into(),
    );
    app.status = Some(Status::Error(
        "cannot save /home/you/.local/share/closer/state.json: the disk is full. Nothing was lost; the old file is unchanged.".into(),
    ));
    assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn home_while_loading_160x48() {
    let mut app = app_at_home();
    app.summary = None;
    assert_snapshot!(draw(&mut app, 160, 48).backend());
}

#[test]
fn help_on_home_80x24() {
    let mut app = app_at_home();
    app.update(Msg::Action(Action::ToggleHelp));
    assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn support_80x24() {
    let mut app = app_at_home();
    app.update(Msg::Action(Action::OpenSupport));
    assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn support_scrolled_to_the_bottom_80x24() {
    let mut app = app_at_home();
    app.update(Msg::Action(Action::OpenSupport));
    app.update(Msg::Action(Action::Bottom));
    assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn help_on_support_80x24() {
    let mut app = app_at_home();
    app.update(Msg::Action(Action::OpenSupport));
    app.update(Msg::Action(Action::ToggleHelp));
    assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn too_small_below_60x20() {
    let mut app = app_at_home();
    assert_snapshot!(draw(&mut app, 59, 20).backend());
    // 60×20 is enough for the real screen.
    let text = draw(&mut app, 60, 20).backend().to_string();
    assert!(text.contains("Streak"), "{text}");
}

#[test]
fn every_size_down_to_1x1_draws_without_panic() {
    for (w, h) in [
        (1, 1),
        (2, 1),
        (1, 2),
        (10, 3),
        (59, 19),
        (60, 20),
        (61, 21),
        (300, 100),
    ] {
        for mut app in [app_first_run(), app_at_home()] {
            draw(&mut app, w, h);
            app.update(Msg::Action(Action::ToggleHelp));
            draw(&mut app, w, h);
        }
    }
}

mod checkin {
    use super::*;
    use crate::journal::draft::{CheckInDraft, Step};
    use crate::journal::{
        Closeness, Helpfulness, Intensity, Mood, Name, Response, StrategyUse, TriggerLog,
        TriggerRef,
    };
    use crate::tui::screens::checkin::State;

    fn filled(app: &App) -> CheckInDraft {
        let mut d = CheckInDraft::new(app.ctx.now, app.perspective());
        d.mood = Some(Mood::try_from(2u8).unwrap());
        d.closeness = Some(Closeness::try_from(4u8).unwrap());
        d.emotions = vec!["lonely".into(), "hopeful".into(), "a bit wistful".into()];
        d.triggers = vec![
            TriggerLog {
                trigger: TriggerRef::Id(Name::try_from("anxiety").unwrap()),
                intensity: Some(Intensity::try_from(4u8).unwrap()),
                note: "before the call".into(),
            },
            TriggerLog {
                trigger: TriggerRef::Custom(Name::try_from("my sister visiting").unwrap()),
                intensity: Some(Intensity::try_from(2u8).unwrap()),
                note: String::new(),
            },
        ];
        d.behaviours = vec![Name::try_from(app.catalog.signs[0].id.as_str()).unwrap()];
        let p = app
            .catalog
            .prompts_for_trigger("anxiety", app.perspective())[0];
        d.responses = vec![Response {
            prompt_id: Some(Name::try_from(p.id.as_str()).unwrap()),
            prompt: p.text.clone(),
            answer: "It felt like too much at once.\nSo I went quiet and scrolled my phone instead of saying so."
                .into(),
        }];
        let s = app
            .catalog
            .strategies_for_trigger("anxiety", app.perspective())[0];
        d.strategies = vec![
            StrategyUse {
                id: Name::try_from(s.id.as_str()).unwrap(),
                planned: true,
                tried: None,
                helpfulness: None,
            },
            StrategyUse {
                id: Name::try_from("active-listening").unwrap(),
                planned: false,
                tried: Some(true),
                helpfulness: Some(Helpfulness::try_from(4u8).unwrap()),
            },
        ];
        d.notes = "Long day. The evening walk helped.".into();
        d.tags = vec!["work".into(), "weekend".into()];
        d
    }

    fn at_step(mut app: App, mut draft: CheckInDraft, step: Step) -> App {
        draft.step = step;
        let entries = app.entries().to_vec();
        let catalog = app.catalog.clone();
        let ctx = crate::tui::screens::checkin::Ctx {
            catalog: &catalog,
            prefs: &app.prefs,
            entries: &entries,
            today: app.ctx.today,
        };
        let state = State::new(draft, ctx);
        app.checkin = Some(state);
        app.routes = vec![Route::Home, Route::CheckIn];
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
                        CheckInDraft::new(base.ctx.now, base.perspective())
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
        app.update(Msg::Action(Action::Back));
        assert_snapshot!("checkin_leave_dialog", draw(&mut app, 80, 24).backend());

        let mut home = app_at_home();
        home.update(Msg::DraftFound(Box::new(draft)));
        assert_snapshot!("home_resume_offer", draw(&mut home, 80, 24).backend());
    }

    #[test]
    fn trigger_note_popup() {
        let base = app_at_home();
        let draft = filled(&base);
        let mut app = at_step(base, draft, Step::Triggers);
        app.update(Msg::Action(Action::Note));
        assert_snapshot!("checkin_trigger_note", draw(&mut app, 80, 24).backend());
    }
}
