//! The app as a person drives it: keys in (through the key tables, as the event loop sends
//! them), screens, status and effects out.

use std::sync::Arc;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::journal::Entry;
use crate::journal::draft::Step;
use crate::journal::{Perspective, TriggerRef};
use crate::tui::keys::translate;
use crate::tui::screen::Question;
use crate::tui::screens::all_keys;
use crate::tui::screens::help;
use crate::tui::test_support::{
    act, app_at_home, app_first_run, app_opened_locked, app_unread, day, draw, drawn_with, on_top,
    press, read_journal, settle, settle_with, twelve_entries, typed,
};

mod aftermath;
mod checkin;
mod cursor;
mod due;
mod earlier_day;
mod full_disk;
mod ladders;
mod lock;
mod navigation;
mod own_words;
mod reading;
mod review;
mod turning;

fn effects(requests: &[Request]) -> Vec<&Effect> {
    requests.iter().map(|r| &r.effect).collect()
}

fn is_home(app: &App) -> bool {
    matches!(app.top(), Screen::Home(_))
}

fn checkin(app: &App) -> &crate::tui::screens::checkin::State {
    on_top!(app.top(), Screen::CheckIn)
}

/// The mood of the check-in on top.
fn mood(app: &App) -> Option<u8> {
    checkin(app).draft.mood.map(|m| m.get())
}

/// Presses `keys`, then gives the screen on top.
fn after<'a>(app: &'a mut App, keys: &str) -> &'a Screen {
    press(app, keys);
    app.top()
}

fn question(app: &App) -> Option<Question> {
    match app.top() {
        Screen::Confirm(c) => Some(c.question),
        _ => None,
    }
}

/// The one request in `out`, a draft write: the screen that asked, and the draft.
fn draft_write(out: &[Request]) -> (LayerId, Box<CheckInDraft>) {
    let [
        Request {
            from,
            effect: Effect::SaveDraft(d),
        },
    ] = out
    else {
        panic!("{out:?}");
    };
    (*from, d.clone())
}

/// A check-in (mood 4) whose save failed on a full disk.
fn after_a_failed_save() -> App {
    let mut app = app_at_home();
    press(&mut app, "c 4");
    let out = press(&mut app, "Ctrl-s");
    app.done(
        out[0].from,
        Done::Failed("The check-in could not be saved: the disk is full.".into()),
    );
    app
}

/// Presses `keys` and carries out the work asked for as the event loop would (a draft write
/// succeeds).
fn press_settled(app: &mut App, keys: &str) {
    let out = press(app, keys);
    settle(app, out);
}

/// Presses `keys` and carries out the work asked for on a full disk (a draft write fails).
fn press_on_full_disk(app: &mut App, keys: &str) {
    let out = press(app, keys);
    settle_with(app, out, true);
}

/// A draft of `notes` found on disk, offered at once if `offer`.
fn find_draft(app: &mut App, notes: &str, offer: bool) {
    let mut draft = CheckInDraft::new(app.session.now, None);
    draft.notes = notes.into();
    app.draft_found(draft, offer);
}

fn screen_text(app: &mut App, w: u16, h: u16) -> String {
    draw(app, w, h).backend().to_string()
}

/// What is drawn at 80×24 holds every text of `shown` and none of `hidden`.
fn shows(app: &mut App, shown: &[&str], hidden: &[&str]) {
    let text = screen_text(app, 80, 24);
    for s in shown {
        assert!(text.contains(s), "{s:?} not shown: {text}");
    }
    for h in hidden {
        assert!(!text.contains(h), "{h:?} shown: {text}");
    }
}

/// The status line's news, if it says some (not an error).
fn info(app: &App) -> Option<&str> {
    match &app.status {
        Some(Status::Info(t)) => Some(t),
        _ => None,
    }
}

#[test]
fn after_a_hard_check_in_home_says_once_where_help_is() {
    for (keys, hard) in [("c 1", true), ("c 3 Down 1", true), ("c 3 Down 3", false)] {
        let mut app = app_at_home();
        press(&mut app, keys);
        press_settled(&mut app, "Ctrl-s");
        assert!(is_home(&app));
        let text = screen_text(&mut app, 80, 24);
        if keys == "c 1" {
            insta::assert_snapshot!("home_after_a_hard_check_in_80x24", text);
        }
        assert_eq!(
            text.contains("If today was hard, ! shows where to find support."),
            hard,
            "{keys}: {text}"
        );
        // Once: the next key takes it away.
        press(&mut app, "? ?");
        assert!(!screen_text(&mut app, 80, 24).contains("If today was hard"));
    }
}

/// The text of the footer (the last line) of what is drawn.
fn footer(app: &mut App) -> String {
    let text = screen_text(app, 80, 24);
    text.lines().nth(23).unwrap_or_default().to_owned()
}
