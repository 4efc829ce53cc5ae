//! What each screen looks like, on a fixed date, as insta snapshots.

use insta::assert_snapshot;

use super::app::{Msg, Status};
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
