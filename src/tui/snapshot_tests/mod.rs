//! What each screen looks like, on a fixed date, as insta snapshots.

use insta::assert_snapshot;

use super::app::App;
use super::keys::Action;
use super::screen::Msg;
use super::screens::Screen;
use super::session::Status;
use super::test_support::{app_at_home, app_first_run, draw, drawn_with, press, typed};
use super::theme::Theme;

/// Snapshots what `$app` draws at `$width`×`$height`, under the name `$name`.
macro_rules! assert_drawn {
    ($name:expr, $app:expr, $width:expr, $height:expr) => {
        insta::assert_snapshot!(
            $name,
            $crate::tui::test_support::draw($app, $width, $height).backend()
        )
    };
}

mod aftermath;
mod checkin;
mod checkin_polish;
mod guide;
mod insights;
mod insights_view;
mod ladders;
mod locked;
mod moments;
mod polish_layout;
mod review;
mod settings;
mod turning;
mod week;

#[test]
fn first_run_80x24() {
    let mut app = app_first_run();
    assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn first_run_no_colour_marks_the_selection_with_reverse() {
    let mut app = app_first_run();
    app.session.theme = Theme::no_colour();
    app.update(Msg::Key(Action::Down));
    let terminal = draw(&mut app, 80, 24);
    assert_snapshot!(format!("{:?}", terminal.backend().buffer()));
}

/// Snapshot tests, each named as its snapshot: an app on home, given these actions, drawn at
/// 80×24.
macro_rules! home_after {
    ($($name:ident: [$($action:ident),*];)*) => {
        $(
            #[test]
            fn $name() {
                let mut app = app_at_home();
                $(app.update(Msg::Key(Action::$action));)*
                assert_snapshot!(draw(&mut app, 80, 24).backend());
            }
        )*
    };
}

home_after! {
    home_80x24: [];
    help_on_home_80x24: [ToggleHelp];
    support_80x24: [OpenSupport];
    support_scrolled_to_the_bottom_80x24: [OpenSupport, Bottom];
    help_on_support_80x24: [OpenSupport, ToggleHelp];
}

#[test]
fn home_checked_in_with_problems_and_read_only_80x24() {
    let mut app = app_at_home();
    if let Some(s) = app.session.journal.as_mut() {
        s.checked_in_today = true;
        s.streak = 1;
        app.session.problem_files = 2;
    }
    app.session.read_only = Some(
        "another closer has this journal open. Close it to write here; you can still read.".into(),
    );
    app.status = Some(Status::Error(
        "cannot save /home/you/.local/share/closer/state.json: the disk is full. The file is as it was before.".into(),
    ));
    assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn home_while_loading_160x48() {
    let mut app = app_at_home();
    app.session.journal = None;
    assert_snapshot!(draw(&mut app, 160, 48).backend());
}

/// Issue 15: every section of Support on one screen, the new ones among them.
#[test]
fn support_whole_160x60() {
    let mut app = app_at_home();
    app.update(Msg::Key(Action::OpenSupport));
    drawn_with(
        &mut app,
        160,
        60,
        &[
            "If you can't talk safely at home",
            "I'm worried about how I treat my partner",
            "Who else can read this journal",
            "988 (US and Canada)",
        ],
    );
    assert_snapshot!(draw(&mut app, 160, 60).backend());
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
            app.update(Msg::Key(Action::ToggleHelp));
            draw(&mut app, w, h);
        }
    }
}

#[test]
fn lock_prompt_at_start_offering_a_check_in_80x24() {
    let mut app = app_at_home();
    app.session.encrypted = true;
    app.open_locked(true);
    typed(&mut app, "secret");
    assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn lock_after_idle_160x48() {
    let mut app = app_at_home();
    app.session.encrypted = true;
    app.lock(super::screens::lock::Why::Idle);
    assert_snapshot!(draw(&mut app, 160, 48).backend());
}
