//! The app as a person drives it: keys in (through the key tables, as the event loop sends
//! them), screens, status and effects out.

use std::sync::Arc;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::journal::draft::Step;
use crate::journal::{Perspective, Preferences, TriggerRef};
use crate::tui::keys::translate;
use crate::tui::screen::Question;
use crate::tui::screens::all_keys;
use crate::tui::screens::help;
use crate::tui::test_support::{
    act, app_at_home, app_first_run, draw, press, session, twelve_entries, typed,
};

fn effects(requests: &[Request]) -> Vec<&Effect> {
    requests.iter().map(|r| &r.effect).collect()
}

fn is_home(app: &App) -> bool {
    matches!(app.top(), Screen::Home(_))
}

fn checkin(app: &App) -> &crate::tui::screens::checkin::State {
    match app.top() {
        Screen::CheckIn(c) => c,
        other => panic!("{other:?}"),
    }
}

fn question(app: &App) -> Option<Question> {
    match app.top() {
        Screen::Confirm(c) => Some(c.question),
        _ => None,
    }
}

/// Carries out the requests as the event loop would for those that need no disk: a draft
/// write succeeds.
fn settle(app: &mut App, requests: Vec<Request>) {
    settle_with(app, requests, false);
}

/// Carries out the requests; draft writes fail (a full disk) when `full` is true.
fn settle_with(app: &mut App, requests: Vec<Request>, full: bool) {
    for r in requests {
        let done = match r.effect {
            Effect::SaveDraft(d) if full => Done::DraftFailed(d, "the disk is full".into()),
            Effect::SaveDraft(d) => Done::DraftSaved(d),
            Effect::DiscardDraft => Done::DraftDiscarded,
            Effect::SaveCheckIn(d) => Done::CheckInSaved(Box::new(d.finish(d.started_at))),
            Effect::WriteText(path, _) => Done::TextWritten(path),
            Effect::SaveEntry(e) => Done::EntrySaved(e),
            Effect::WriteReport {
                dir,
                stem,
                extension,
                ..
            } => Done::ReportWritten(dir.unwrap_or_default().join(format!("{stem}.{extension}"))),
            _ => continue,
        };
        let more = app.done(r.from, done);
        settle_with(app, more, full);
    }
    app.after_effects();
}

fn screen_text(app: &mut App, w: u16, h: u16) -> String {
    draw(app, w, h).backend().to_string()
}

#[test]
fn first_run_choice_goes_home_and_saves() {
    let mut app = app_first_run();
    press(&mut app, "Down");
    let out = press(&mut app, "Enter");
    assert!(is_home(&app));
    assert_eq!(
        app.session.perspective(),
        Some(Perspective::PartnerPullsAway)
    );
    assert!(matches!(effects(&out)[..], [Effect::SavePreferences(_)]));
}

#[test]
fn both_can_be_chosen_at_first_run_and_home_says_so() {
    let mut app = app_first_run();
    let out = press(&mut app, "3");
    assert!(is_home(&app));
    assert_eq!(
        app.session.prefs.perspective,
        Some(crate::journal::PerspectiveChoice::Both)
    );
    assert_eq!(app.session.perspective(), None, "content from both");
    assert!(matches!(effects(&out)[..], [Effect::SavePreferences(_)]));
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("Perspective   Both"), "{text}");
}

#[test]
fn support_opens_and_esc_goes_back_and_q_quits_only_from_home() {
    let mut app = app_at_home();
    press(&mut app, "!");
    assert!(matches!(app.top(), Screen::Support(_)));
    press(&mut app, "q");
    assert!(is_home(&app), "q on support goes back");
    assert!(!app.quit);
    press(&mut app, "Esc");
    assert!(is_home(&app), "Esc on home stays home");
    press(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn help_swallows_other_keys_and_closes() {
    let mut app = app_at_home();
    press(&mut app, "?");
    assert!(matches!(app.top(), Screen::Help(_)));
    press(&mut app, "c x");
    assert!(matches!(app.top(), Screen::Help(_)));
    press(&mut app, "?");
    assert!(is_home(&app));
}

#[test]
fn a_failure_shows_until_the_next_key() {
    let mut app = app_at_home();
    app.done(APP, Done::Failed("cannot save".into()));
    assert_eq!(app.status, Some(Status::Error("cannot save".into())));
    press(&mut app, "?");
    assert_eq!(app.status, None);
}

#[test]
fn ticks_move_the_date() {
    let mut app = app_at_home();
    let tomorrow = app.session.now + chrono::Duration::days(1);
    assert!(matches!(
        effects(&app.tick(tomorrow))[..],
        [Effect::LoadJournal]
    ));
    assert_eq!(app.session.today, tomorrow.date_naive());
    assert!(app.tick(tomorrow).is_empty());
}

#[test]
fn c_starts_a_check_in_and_ctrl_s_saves_it() {
    let mut app = app_at_home();
    press(&mut app, "c");
    assert_eq!(checkin(&app).step(), Step::Scales);
    assert!(
        press(&mut app, "Ctrl-s").is_empty(),
        "an empty check-in is not saved"
    );
    assert!(matches!(app.status, Some(Status::Info(_))));
    press(&mut app, "4");
    let out = press(&mut app, "Ctrl-s");
    let [Effect::SaveCheckIn(draft)] = effects(&out)[..] else {
        panic!("{out:?}");
    };
    assert_eq!(draft.mood.map(|m| m.get()), Some(4));
    let before = app.session.entries().len();
    settle(&mut app, out);
    assert!(is_home(&app));
    assert_eq!(app.session.entries().len(), before + 1);
    let summary = app.session.journal.as_ref().unwrap();
    assert!(summary.checked_in_today);
    assert_eq!(summary.streak, 13, "twelve days before and today");
    assert_eq!(
        app.status,
        Some(Status::Info("Your check-in is saved. ✓".into()))
    );
}

#[test]
fn moving_between_steps_and_a_pause_in_typing_write_the_draft() {
    let mut app = app_at_home();
    press(&mut app, "c");
    let out = press(&mut app, "Tab");
    assert!(matches!(effects(&out)[..], [Effect::SaveDraft(d)] if d.step == Step::Emotions));
    press(&mut app, "Tab Tab Tab Tab");
    assert_eq!(checkin(&app).step(), Step::Reflect);
    typed(&mut app, "I went quiet");
    let now = app.session.now;
    let out = app.tick(now);
    let [Effect::SaveDraft(d)] = effects(&out)[..] else {
        panic!("{out:?}");
    };
    assert_eq!(d.responses[0].answer, "I went quiet");
    assert!(app.tick(now).is_empty(), "nothing new typed");
}

#[test]
fn ctrl_c_in_a_check_in_keeps_the_draft_and_quits() {
    let mut app = app_at_home();
    press(&mut app, "c 2");
    let out = press(&mut app, "Ctrl-c");
    assert!(matches!(effects(&out)[..], [Effect::SaveDraft(d)] if d.mood.is_some()));
    settle(&mut app, out);
    assert!(app.quit, "quits once the draft is written");
}

#[test]
fn esc_asks_then_keeps_the_draft_and_c_offers_to_resume() {
    let mut app = app_at_home();
    press(&mut app, "c 3 Esc");
    assert_eq!(question(&app), Some(Question::LeaveCheckIn));
    press(&mut app, "Esc");
    assert_eq!(
        checkin(&app).step(),
        Step::Scales,
        "Esc in the dialog stays"
    );
    press(&mut app, "Esc");
    let out = press(&mut app, "s");
    assert!(matches!(effects(&out)[..], [Effect::SaveDraft(_)]));
    settle(&mut app, out);
    assert!(is_home(&app));
    press(&mut app, "c");
    assert_eq!(question(&app), Some(Question::ResumeDraft));
    press(&mut app, "r");
    assert_eq!(checkin(&app).draft.mood.map(|m| m.get()), Some(3));
}

#[test]
fn a_found_draft_is_offered_and_discarding_asks_twice() {
    let mut app = app_at_home();
    let mut draft = CheckInDraft::new(app.session.now, None);
    draft.notes = "half a thought".into();
    app.draft_found(draft, true);
    assert_eq!(question(&app), Some(Question::ResumeDraft));
    assert!(press(&mut app, "d").is_empty());
    assert_eq!(question(&app), Some(Question::DiscardDraft));
    press(&mut app, "n");
    assert_eq!(question(&app), Some(Question::ResumeDraft));
    press(&mut app, "d");
    let out = press(&mut app, "y");
    assert!(matches!(effects(&out)[..], [Effect::DiscardDraft]));
    settle(&mut app, out);
    assert!(is_home(&app));
    assert!(app.session.pending_draft.is_none());
}

#[test]
fn discarding_from_the_leave_dialog_removes_the_draft() {
    let mut app = app_at_home();
    press(&mut app, "c 3 Esc");
    assert!(press(&mut app, "d").is_empty(), "discarding asks once more");
    assert_eq!(question(&app), Some(Question::DiscardCheckIn));
    press(&mut app, "n");
    assert_eq!(question(&app), Some(Question::LeaveCheckIn));
    press(&mut app, "d");
    let out = press(&mut app, "y");
    assert!(matches!(effects(&out)[..], [Effect::DiscardDraft]));
    assert!(is_home(&app));
    assert_eq!(
        app.status,
        Some(Status::Info("The check-in was discarded.".into()))
    );
}

/// Bug 4: leaving an edit of a saved entry said "Discard this check-in? … gone for good" and
/// "The check-in was discarded", though only the edits are dropped.
#[test]
fn leaving_an_edit_says_the_entry_stays_as_it_was() {
    let mut app = app_at_home();
    press(&mut app, "r Enter e");
    assert!(checkin(&app).draft.is_edit());
    // A change (an edit with none leaves without asking).
    let other = if checkin(&app).draft.mood.map(|m| m.get()) == Some(1) {
        "2"
    } else {
        "1"
    };
    press(&mut app, other);
    press(&mut app, "Esc");
    assert_eq!(question(&app), Some(Question::LeaveEdit));
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("Leave the edit?"), "{text}");
    assert!(!text.contains("gone for good"), "{text}");
    press(&mut app, "d");
    assert_eq!(question(&app), Some(Question::DiscardEdit));
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("Discard your changes?"), "{text}");
    assert!(text.contains("The entry stays as it was saved"), "{text}");
    assert!(!text.contains("gone for good"), "{text}");
    press(&mut app, "y");
    assert!(
        matches!(app.top(), Screen::ReviewEntry(_)),
        "back where the edit began"
    );
    let text = screen_text(&mut app, 80, 24);
    assert!(
        text.contains("Your changes were discarded; the entry is as it was."),
        "{text}"
    );
    assert_eq!(app.session.entries().len(), 12, "the entry is still there");
}

/// Bug 1: a screen asked for while the journal is read opens once it is read.
#[test]
fn review_or_insights_asked_for_while_loading_open_when_the_journal_is_read() {
    for (key, want_review) in [("r", true), ("i", false)] {
        let mut app = App::new(session(Preferences {
            perspective: Some(Perspective::IPullAway.into()),
            ..Preferences::default()
        }));
        press(&mut app, key);
        assert!(is_home(&app));
        assert!(matches!(&app.status, Some(Status::Info(t)) if t.contains("Still reading")));
        app.loaded(crate::tui::session::Summary::of(
            Arc::new(twelve_entries()),
            app.session.today,
            0,
        ));
        match app.top() {
            Screen::Review(r) => assert!(want_review && r.results.len() == 12),
            Screen::Insights(_) => assert!(!want_review),
            other => panic!("{other:?}"),
        }
    }
}

/// Bug 3: keys pressed on the "make the terminal larger" screen acted on the hidden screen.
#[test]
fn while_the_terminal_is_too_small_only_ctrl_c_does_anything() {
    let mut app = app_at_home();
    app.resize(50, 15);
    press(&mut app, "c Tab Tab q");
    assert!(is_home(&app));
    assert!(!app.quit);
    app.update(Msg::Paste("typed into nothing".into()));
    assert!(is_home(&app));
    assert!(screen_text(&mut app, 50, 15).contains("Make the terminal larger"));
    press(&mut app, "Ctrl-c");
    assert!(app.quit);
}

/// Bug 2: every scrolled view stops exactly at its last line, at every size.
#[test]
fn scrolled_views_stop_at_their_last_line_at_every_size() {
    for (w, h) in [(60, 20), (80, 24), (160, 48)] {
        // Each view: how to open it, and a line that is last in it.
        let views: [(&str, &str); 5] = [
            (
                "c 2 3 Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab",
                "Enter or Ctrl-S saves this check-in.",
            ),
            ("!", "sliding"),
            ("?", "Esc close this help"),
            ("i Tab Tab", "intensity"),
            ("i Tab Tab Tab", "Feelings named most often"),
        ];
        for (open, last) in views {
            let mut app = app_at_home();
            if open.starts_with('i') {
                app.loaded(crate::tui::session::Summary::of(
                    Arc::new(crate::tui::test_support::generated_year()),
                    app.session.today,
                    0,
                ));
            }
            app.resize(w, h);
            press(&mut app, open);
            let mut bottom = screen_text(&mut app, w, h);
            for _ in 0..300 {
                press(&mut app, "Down");
                let now = screen_text(&mut app, w, h);
                if now == bottom {
                    break;
                }
                bottom = now;
            }
            press(&mut app, "Down PgDn");
            let after = screen_text(&mut app, w, h);
            assert_eq!(bottom, after, "{open} at {w}×{h}: scrolled past its end");
            assert!(bottom.contains(last), "{open} at {w}×{h}:\n{bottom}");
            // And not a blank screen: the body has text up to the end.
            let body_lines = bottom.lines().filter(|l| l.trim().len() > 2).count();
            assert!(
                body_lines > usize::from(h) / 3,
                "{open} at {w}×{h}:\n{bottom}"
            );
        }
    }
}

#[test]
fn the_entry_view_stops_at_its_last_line() {
    let mut app = app_at_home();
    let mut entry = app.session.entries()[11].clone();
    entry.notes = "a line of notes\n".repeat(60) + "the very end";
    app.session.upsert(entry);
    app.update(Msg::JournalChanged);
    press(&mut app, "r Enter");
    screen_text(&mut app, 80, 24);
    for _ in 0..200 {
        press(&mut app, "Down");
    }
    let bottom = screen_text(&mut app, 80, 24);
    assert!(bottom.contains("the very end"), "{bottom}");
    press(&mut app, "Down");
    assert_eq!(screen_text(&mut app, 80, 24), bottom);
}

#[test]
fn a_read_only_journal_refuses_a_check_in_and_says_why() {
    let mut app = app_at_home();
    app.session.read_only = Some("another closer has this journal open.".into());
    press(&mut app, "c");
    assert!(is_home(&app));
    assert!(matches!(&app.status, Some(Status::Error(t)) if t.contains("read-only")));
}

#[test]
fn own_feelings_are_remembered_offered_renamed_and_removed_and_entries_keep_their_words() {
    let mut app = app_at_home();
    press(&mut app, "c Tab");
    typed(&mut app, "wistful");
    press(&mut app, "Enter");
    assert!(checkin(&app).draft.emotions.contains(&"wistful".to_owned()));
    let out = press(&mut app, "Ctrl-s");
    settle(&mut app, out);
    assert!(is_home(&app));
    assert_eq!(app.session.prefs.custom_feelings, ["wistful"]);

    // The next check-in offers it without typing.
    press(&mut app, "c");
    assert!(
        checkin(&app)
            .list(Step::Emotions)
            .unwrap()
            .rows
            .iter()
            .any(|r| r.key == "wistful")
    );
    press(&mut app, "Esc");
    assert!(is_home(&app));

    // Settings: the last row lists them; r renames, d removes.
    press(&mut app, "o End Enter");
    press(&mut app, "r");
    for _ in 0.."wistful".len() {
        press(&mut app, "Backspace");
    }
    typed(&mut app, "homesick");
    press(&mut app, "Enter");
    assert_eq!(app.session.prefs.custom_feelings, ["homesick"]);
    assert!(matches!(&app.status, Some(Status::Info(t)) if t.contains("keep")));
    press(&mut app, "a");
    typed(&mut app, "Homesick");
    press(&mut app, "Enter");
    assert_eq!(
        app.session.prefs.custom_feelings,
        ["homesick"],
        "no second spelling"
    );
    press(&mut app, "d");
    assert!(app.session.prefs.custom_feelings.is_empty());
    let saved = app.session.entries().last().unwrap();
    assert_eq!(saved.emotions, ["wistful"], "the entry keeps its word");
    press(&mut app, "Esc Esc");
    assert!(is_home(&app));
}

#[test]
fn after_a_hard_check_in_home_says_once_where_help_is() {
    for (keys, hard) in [("c 1", true), ("c 3 Down 1", true), ("c 3 Down 3", false)] {
        let mut app = app_at_home();
        press(&mut app, keys);
        let out = press(&mut app, "Ctrl-s");
        settle(&mut app, out);
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

#[test]
fn custom_triggers_are_remembered_and_planned_strategies_cleared_after_saving() {
    let mut app = app_at_home();
    app.session.prefs.planned_next = vec!["take-it-slow".into()];
    press(&mut app, "c Tab Tab");
    typed(&mut app, "money talk");
    press(&mut app, "Enter Tab Tab Tab Tab");
    assert_eq!(checkin(&app).step(), Step::Strategies);
    assert_eq!(checkin(&app).suggestions[0], "take-it-slow");
    let out = press(&mut app, "Ctrl-s");
    settle(&mut app, out);
    assert!(is_home(&app));
    assert_eq!(app.session.prefs.custom_triggers, ["money talk"]);
    assert!(app.session.prefs.planned_next.is_empty());
    let saved = app.session.entries().last().unwrap();
    assert!(
        saved
            .triggers
            .iter()
            .any(|t| matches!(&t.trigger, TriggerRef::Custom(n) if n.as_str() == "money talk"))
    );
}

#[test]
fn the_guide_opens_from_home_check_in_and_review_and_esc_comes_back() {
    let mut app = app_at_home();
    press(&mut app, "s");
    assert!(matches!(app.top(), Screen::Guide(_)));
    press(&mut app, "Esc");
    assert!(is_home(&app));
    press(&mut app, "c 2 Tab Tab");
    assert_eq!(checkin(&app).step(), Step::Triggers);
    act(&mut app, Action::LearnMore);
    assert!(matches!(app.top(), Screen::Guide(_)));
    press(&mut app, "Esc");
    assert_eq!(checkin(&app).step(), Step::Triggers);
    assert_eq!(checkin(&app).draft.mood.map(|m| m.get()), Some(2));

    let mut app = app_at_home();
    press(&mut app, "r Enter o");
    assert!(matches!(app.top(), Screen::Guide(_)));
    press(&mut app, "Esc");
    assert!(matches!(app.top(), Screen::ReviewEntry(_)));
}

#[test]
fn a_failed_save_keeps_the_check_in_open() {
    let mut app = app_at_home();
    press(&mut app, "c 4");
    let out = press(&mut app, "Ctrl-s");
    app.done(
        out[0].from,
        Done::Failed("The check-in could not be saved: the disk is full.".into()),
    );
    assert_eq!(checkin(&app).draft.mood.map(|m| m.get()), Some(4));
    assert!(matches!(app.status, Some(Status::Error(_))));
}

#[test]
fn no_key_is_bound_twice_and_ctrl_c_quits_everywhere() {
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    for (name, table) in all_keys() {
        let keys: Vec<_> = table.iter().flat_map(|b| b.keys.iter().copied()).collect();
        for (i, k) in keys.iter().enumerate() {
            assert!(
                !keys[i + 1..].contains(k),
                "{name}: {} bound twice",
                k.label()
            );
        }
        assert_eq!(translate(&table, &ctrl_c), Some(Action::Quit), "{name}");
    }
}

#[test]
fn help_lists_exactly_the_keys_that_work_on_every_screen() {
    for (name, table) in all_keys() {
        let listed = help::entries(&table);
        assert_eq!(listed.len(), table.len(), "{name}");
        for (b, (keys, text)) in table.iter().zip(&listed) {
            assert_eq!(&b.keys_label(), keys, "{name}");
            assert_eq!(&b.help, text, "{name}");
            for k in b.keys {
                assert_eq!(translate(&table, &k.event()), Some(b.action), "{name}");
            }
        }
        // A key help does not list does nothing (printable keys on text screens are typed,
        // which is not a binding).
        for c in ['x', 'Q', 'Z', '~', 'é'] {
            let listed_c = listed
                .iter()
                .any(|(keys, _)| keys.split(" / ").any(|k| k == c.to_string()));
            let does =
                translate(&table, &KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)).is_some();
            assert_eq!(listed_c, does, "{name} {c}");
        }
        let out = table.iter().any(|b| {
            matches!(
                b.action,
                Action::Back | Action::ToggleHelp | Action::No | Action::Quit
            )
        });
        assert!(out, "{name} has no way out");
    }
}

#[test]
fn the_help_overlay_lists_the_keys_of_the_screen_beneath() {
    let mut app = app_at_home();
    press(&mut app, "r /");
    let beneath = app.keys();
    press(&mut app, "F1");
    let Screen::Help(h) = app.top() else {
        panic!("{:?}", app.top());
    };
    assert_eq!(help::entries(&h.keys), help::entries(&beneath));
}

#[test]
fn a_request_made_while_loading_lapses_if_the_person_went_elsewhere() {
    let mut app = App::new(session(Preferences {
        perspective: Some(Perspective::IPullAway.into()),
        ..Preferences::default()
    }));
    press(&mut app, "r c 3");
    app.loaded(crate::tui::session::Summary::of(
        Arc::new(twelve_entries()),
        app.session.today,
        0,
    ));
    assert_eq!(
        checkin(&app).draft.mood.map(|m| m.get()),
        Some(3),
        "the check-in stays in front"
    );
    let out = press(&mut app, "Esc s");
    settle(&mut app, out);
    assert!(is_home(&app), "and review did not open beneath it");
}

#[test]
fn closer_checkin_on_a_first_run_still_offers_an_unfinished_draft() {
    let mut app = app_first_run();
    let mut draft = CheckInDraft::new(app.session.now, None);
    draft.notes = "kept from before".into();
    app.draft_found(draft, false);
    app.request(Action::StartCheckIn);
    press(&mut app, "1");
    assert_eq!(question(&app), Some(Question::ResumeDraft));
    press(&mut app, "r");
    assert_eq!(checkin(&app).draft.notes, "kept from before");
}

#[test]
fn a_draft_that_could_not_be_written_on_leaving_is_offered_again() {
    let mut app = app_at_home();
    press(&mut app, "c 2 Esc");
    let out = press(&mut app, "s");
    let Some(Request {
        from,
        effect: Effect::SaveDraft(draft),
    }) = out.into_iter().next()
    else {
        panic!("no draft written");
    };
    app.done(from, Done::DraftFailed(draft, "the disk is full".into()));
    assert!(matches!(&app.status, Some(Status::Error(t)) if t.contains("disk is full")));
    assert_eq!(question(&app), Some(Question::LeaveUnsaved));
    press(&mut app, "l");
    assert!(is_home(&app));
    press(&mut app, "c");
    assert_eq!(question(&app), Some(Question::ResumeDraft));
    press(&mut app, "r");
    assert_eq!(checkin(&app).draft.mood.map(|m| m.get()), Some(2));
}

#[test]
fn editing_an_entry_writes_its_draft_at_once_from_the_check_in() {
    let mut app = app_at_home();
    press(&mut app, "r Enter");
    let out = press(&mut app, "e");
    let [
        Request {
            from,
            effect: Effect::SaveDraft(d),
        },
    ] = &out[..]
    else {
        panic!("{out:?}");
    };
    assert!(d.is_edit());
    // The result goes to the check-in that asked: a failure there is retried at a pause.
    app.done(*from, Done::DraftFailed(d.clone(), "denied".into()));
    assert!(checkin(&app).dirty);
}

#[test]
fn deleting_from_the_entry_view_goes_back_to_the_list_where_u_undoes_it() {
    let mut app = app_at_home();
    press(&mut app, "r Enter d");
    assert_eq!(question(&app), Some(Question::DeleteEntry));
    let out = press(&mut app, "y");
    assert!(matches!(effects(&out)[..], [Effect::DeleteEntry(_)]));
    let Screen::Review(r) = app.top() else {
        panic!("{:?}", app.top());
    };
    assert_eq!(r.mode, crate::tui::screens::review::Mode::Timeline);
    app.done(
        out[0].from,
        Done::Deleted(
            "/trash/x.json".into(),
            twelve_entries()[11].id.clone(),
            twelve_entries()[11].date,
        ),
    );
    let out = press(&mut app, "u");
    assert!(matches!(effects(&out)[..], [Effect::RestoreEntry(_)]));
}

#[test]
fn a_page_down_right_after_opening_an_entry_scrolls_the_entry() {
    let mut app = app_at_home();
    let mut entry = app.session.entries()[11].clone();
    entry.notes = "a line of notes\n".repeat(60);
    app.session.upsert(entry);
    app.update(Msg::JournalChanged);
    press(&mut app, "r");
    screen_text(&mut app, 80, 24);
    // Enter and PgDn in one burst, before any frame.
    press(&mut app, "Enter PgDn");
    let Screen::ReviewEntry(r) = app.top() else {
        panic!("{:?}", app.top());
    };
    assert!(
        r.list.scroll > 0,
        "PgDn read the entry's layout, not the list's"
    );
}

/// Case r01: Ctrl-C on a full disk used to quit at once (status 0) with the words in no file.
/// Now closer stays and asks: try again, a file, or quit without them after a second question.
#[test]
fn quitting_with_words_that_cannot_be_written_asks_first() {
    let mut app = app_at_home();
    press(&mut app, "c Tab Tab Tab Tab");
    typed(&mut app, "words on a full disk");
    let out = press(&mut app, "Ctrl-c");
    settle_with(&mut app, out, true);
    assert!(!app.quit, "not while the words are only in memory");
    assert_eq!(question(&app), Some(Question::QuitUnsaved));
    // Try again, still full: asked again.
    let out = press(&mut app, "r");
    settle_with(&mut app, out, true);
    assert!(!app.quit);
    assert_eq!(question(&app), Some(Question::QuitUnsaved));
    // Quit anyway asks a second time; n goes back to the choice.
    press(&mut app, "l");
    assert_eq!(question(&app), Some(Question::QuitWithout));
    press(&mut app, "n");
    assert_eq!(question(&app), Some(Question::QuitUnsaved));
    press(&mut app, "l y");
    assert!(app.quit);
}

#[test]
fn words_that_cannot_be_kept_can_go_to_a_file_and_then_closer_quits() {
    let mut app = app_at_home();
    app.session.home = Some("/home/you".into());
    press(&mut app, "c Tab Tab Tab Tab");
    typed(&mut app, "into a file");
    let out = press(&mut app, "Ctrl-c");
    settle_with(&mut app, out, true);
    press(&mut app, "f");
    assert!(matches!(app.top(), Screen::SaveText(_)));
    for _ in 0..80 {
        press(&mut app, "Backspace");
    }
    typed(&mut app, "/mnt/usb/words.txt");
    let out = press(&mut app, "Enter");
    let [Effect::WriteText(path, text)] = effects(&out)[..] else {
        panic!("{out:?}");
    };
    assert_eq!(path, std::path::Path::new("/mnt/usb/words.txt"));
    assert!(text.contains("into a file"), "{text}");
    // Writing there fails: closer stays, says why, the words still here.
    app.done(out[0].from, Done::Failed("no such folder".into()));
    assert!(!app.quit);
    assert!(matches!(app.top(), Screen::SaveText(_)));
    let out = press(&mut app, "Enter");
    settle_with(&mut app, out, true);
    assert!(app.quit, "quits once the words are in the file");
}

#[test]
fn leaving_a_check_in_on_a_full_disk_stays_until_the_words_are_somewhere() {
    let mut app = app_at_home();
    press(&mut app, "c 2 Esc");
    let out = press(&mut app, "s");
    settle_with(&mut app, out, true);
    assert_eq!(question(&app), Some(Question::LeaveUnsaved));
    let out = press(&mut app, "r");
    settle_with(&mut app, out, true);
    assert_eq!(question(&app), Some(Question::LeaveUnsaved), "still full");
    let out = press(&mut app, "r");
    settle(&mut app, out);
    assert!(is_home(&app), "written at last: the check-in is left");
    assert!(app.session.unsaved.is_none());
    // Leaving with the words in memory only: closer asks before it quits.
    press(&mut app, "c");
    press(&mut app, "r Esc");
    let out = press(&mut app, "s");
    settle_with(&mut app, out, true);
    press(&mut app, "l");
    assert!(is_home(&app));
    assert!(app.session.unsaved.is_some());
    press(&mut app, "q");
    assert!(!app.quit);
    assert_eq!(question(&app), Some(Question::QuitUnsaved));
}

/// Case r06: a failed save used to give way within a second to the draft's retry message.
#[test]
fn a_failure_stays_until_the_person_acts() {
    let mut app = app_at_home();
    press(&mut app, "c 4");
    let out = press(&mut app, "Ctrl-s");
    app.done(
        out[0].from,
        Done::Failed("The check-in could not be saved: the disk is full.".into()),
    );
    let now = app.session.now;
    let out = app.tick(now);
    settle_with(&mut app, out, true);
    assert_eq!(
        app.status,
        Some(Status::Error(
            "The check-in could not be saved: the disk is full.".into()
        ))
    );
}

/// A setting that could not be written is written again after the next write that works.
#[test]
fn a_setting_that_could_not_be_written_is_retried_after_the_next_good_write() {
    let mut app = app_at_home();
    press(&mut app, "o l");
    let from = 0;
    app.done(from, Done::PreferencesFailed("the disk is full.".into()));
    assert!(app.session.prefs_unsaved);
    press(&mut app, "Esc c 3");
    let out = press(&mut app, "Tab");
    let [
        Request {
            from,
            effect: Effect::SaveDraft(d),
        },
    ] = &out[..]
    else {
        panic!("{out:?}");
    };
    let more = app.done(*from, Done::DraftSaved(d.clone()));
    assert!(
        matches!(&effects(&more)[..], [Effect::SavePreferences(p)] if *p == app.session.prefs),
        "{more:?}"
    );
    assert!(!app.session.prefs_unsaved);
}

#[test]
fn ctrl_c_over_the_question_asks_once_and_l_y_still_quits() {
    let mut app = app_at_home();
    press(&mut app, "c Tab Tab Tab Tab");
    typed(&mut app, "words");
    let out = press(&mut app, "Ctrl-c");
    settle_with(&mut app, out, true);
    let out = press(&mut app, "Ctrl-c");
    settle_with(&mut app, out, true);
    assert_eq!(question(&app), Some(Question::QuitUnsaved));
    press(&mut app, "Esc");
    assert_eq!(question(&app), None, "one question, not two stacked");
    let out = press(&mut app, "Ctrl-c");
    settle_with(&mut app, out, true);
    press(&mut app, "l y");
    assert!(app.quit);
}

/// There is one draft file: editing an entry while a check-in is unfinished would overwrite it.
#[test]
fn editing_an_entry_waits_for_an_unfinished_check_in() {
    let mut app = app_at_home();
    let mut draft = CheckInDraft::new(app.session.now, None);
    draft.notes = "not finished".into();
    app.draft_found(draft, false);
    press(&mut app, "r Enter e");
    assert!(
        matches!(app.top(), Screen::ReviewEntry(_)),
        "no edit opened"
    );
    assert!(matches!(&app.status, Some(Status::Info(t)) if t.contains("unfinished check-in")));
}

/// Issue 20, item 12: say what is true of an empty check-in and of a second one today.
#[test]
fn an_empty_check_in_says_nothing_is_saved_and_leaves_without_asking() {
    let mut app = app_at_home();
    press(&mut app, "c Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab");
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("Nothing to save yet"), "{text}");
    assert!(!text.contains("Enter or Ctrl-S saves"), "{text}");
    let out = press(&mut app, "Esc");
    assert_eq!(question(&app), None, "nothing to keep or lose: no question");
    assert!(is_home(&app));
    assert!(matches!(effects(&out)[..], [Effect::DiscardDraft]));

    // A second check-in on a day with an entry says so.
    press(&mut app, "c 4");
    let out = press(&mut app, "Ctrl-s");
    settle(&mut app, out);
    app.session.now += chrono::Duration::minutes(5);
    press(&mut app, "c");
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("this will be the second entry"), "{text}");
}

/// Issue 20, item 9: one plural helper, in insights too.
#[test]
fn counts_of_one_read_as_one() {
    let with_one = crate::journal::insights::Comparison {
        with: Some(2.0),
        without: Some(3.0),
        days_with: 1,
        days_without: 1,
    };
    let text = with_one.describe("mood");
    assert!(text.contains("1 day with it"), "{text}");
    assert!(!text.contains("1 days"), "{text}");
}

/// Issue 20, item 14: what config.toml sets does not leak into state.json when the person
/// changes another setting on screen; what they change on screen is kept.
#[test]
fn config_values_stay_out_of_the_stored_preferences() {
    use crate::journal::ThemeChoice;
    let mut app = app_at_home();
    let own = app.session.prefs.clone();
    let config = crate::config::Config {
        theme: Some(ThemeChoice::HighContrast),
        ..crate::config::Config::default()
    };
    let mut effective = own.clone();
    config.apply(&mut effective);
    app.session.config = Arc::new(config);
    app.session.set_prefs(effective);
    app.session.stored_prefs = own.clone();
    // Settings: down to mood labels, change them.
    let out = press(&mut app, "o Down Down Right");
    let [Effect::SavePreferences(written)] = effects(&out)[..] else {
        panic!("{out:?}");
    };
    assert_eq!(written.theme, own.theme, "config's theme is not written");
    assert_eq!(app.session.stored_prefs.theme, own.theme);
    assert_ne!(
        app.session.stored_prefs.mood_labels, own.mood_labels,
        "the change made on screen is stored"
    );
    assert_eq!(
        app.session.prefs.theme,
        ThemeChoice::HighContrast,
        "still in use"
    );
}

/// Issue 19: a report of what review shows, the person's words only when chosen, written
/// through an effect, and the status says where.
#[test]
fn review_makes_a_report_of_its_filter_with_words_only_when_chosen() {
    use crate::journal::{Mood, Name, Response, TriggerLog};
    let mut entries = twelve_entries();
    for (i, e) in entries.iter_mut().enumerate() {
        e.mood = Mood::try_from(u8::try_from(i % 5 + 1).unwrap()).ok();
        e.notes = format!("private-note-{i}");
        e.responses.push(Response {
            prompt_id: None,
            prompt: "Asked?".into(),
            answer: format!("private-answer-{i}"),
            extra: Default::default(),
        });
        if i % 3 == 0 {
            e.triggers.push(TriggerLog {
                trigger: TriggerRef::Id(Name::try_from("anxiety").unwrap()),
                intensity: None,
                note: String::new(),
                extra: Default::default(),
            });
        }
    }
    let mut app = app_at_home();
    app.loaded(crate::tui::session::Summary::of(
        Arc::new(entries),
        app.session.today,
        0,
    ));
    app.session.home = Some("/home/you".into());
    app.session.reports = Some("/home/you/Documents".into());
    app.update(Msg::Key(Action::OpenReview));
    if let Screen::Review(r) = &mut app.stack.last_mut().unwrap().screen {
        r.filter
            .add(crate::journal::query::Condition::Trigger(TriggerRef::Id(
                Name::try_from("anxiety").unwrap(),
            )));
    }
    press(&mut app, "R");
    let Screen::Report(report) = app.top() else {
        panic!("{:?}", app.top())
    };
    assert_eq!(
        report.entries, 4,
        "only the entries the filter lets through"
    );
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("trigger “Anxiety”"), "{text}");

    // Nothing of theirs by default.
    let out = press(&mut app, "Enter");
    let [
        Effect::WriteReport {
            dir,
            text,
            extension,
            ..
        },
    ] = effects(&out)[..]
    else {
        panic!("{out:?}")
    };
    assert_eq!(
        dir.as_deref(),
        Some(std::path::Path::new("/home/you/Documents"))
    );
    assert_eq!(extension, "html");
    assert!(!text.contains("private-"), "no words by default");
    assert!(text.contains("<svg"));

    // Answers chosen, Markdown: the answers, not the notes.
    press(&mut app, "Space Down Down Down Down Space");
    let out = press(&mut app, "Enter");
    let [
        Effect::WriteReport {
            text, extension, ..
        },
    ] = effects(&out)[..]
    else {
        panic!("{out:?}")
    };
    assert_eq!(extension, "md");
    assert!(text.contains("private-answer-0") && !text.contains("private-note-"));
    assert!(!text.contains("private-answer-1"), "entry 1 has no anxiety");
    settle(&mut app, out);
    assert!(
        matches!(app.top(), Screen::Review(_)),
        "back where it was made"
    );
    assert!(
        matches!(&app.status, Some(Status::Info(t)) if t.contains("~/Documents/closer-report-2026-11-22.md")),
        "{:?}",
        app.status
    );
}

/// Issue 17: a check-in opens with the predictions that are due; an answer is saved into the
/// entry that made the prediction, and the next check-in that day does not ask again.
#[test]
fn a_due_prediction_is_asked_first_answered_saved_and_not_asked_again() {
    use crate::journal::{Badness, Likelihood, Prediction, PredictionResult};
    let mut entries = twelve_entries();
    let made = entries
        .iter_mut()
        .find(|e| e.date == chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap())
        .unwrap();
    made.predictions.push(Prediction {
        fear: "She will not call back".into(),
        likelihood: Likelihood::try_from(80).ok(),
        badness: Badness::try_from(4u8).ok(),
        look_back: chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
        outcome: None,
        extra: Default::default(),
    });
    let made_id = made.id.clone();
    let mut app = app_at_home();
    app.loaded(crate::tui::session::Summary::of(
        Arc::new(entries),
        app.session.today,
        0,
    ));
    press(&mut app, "c");
    assert!(matches!(app.top(), Screen::LookBack(_)), "{:?}", app.top());
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("She will not call back"), "{text}");
    // Enter before saying whether it happened: nothing is saved.
    let out = press(&mut app, "Enter");
    assert!(effects(&out).is_empty());
    press(&mut app, "Space Down Right Right Down");
    typed(&mut app, "she called on Sunday");
    let out = press(&mut app, "Enter");
    let [Effect::SaveEntry(saved)] = effects(&out)[..] else {
        panic!("{out:?}")
    };
    assert_eq!(saved.id, made_id);
    let outcome = saved.predictions[0].outcome.clone().unwrap();
    assert_eq!(outcome.result, PredictionResult::Yes);
    assert_eq!(outcome.badness, Badness::try_from(2u8).ok());
    assert_eq!(outcome.instead, "she called on Sunday");
    assert_eq!(outcome.on, app.session.today);
    settle(&mut app, out);
    assert!(
        matches!(app.top(), Screen::CheckIn(_)),
        "back to the check-in"
    );
    // Leave this check-in; the next one asks nothing.
    press(&mut app, "Esc");
    if question(&app).is_some() {
        press(&mut app, "y");
    }
    let mut app2 = app;
    while !is_home(&app2) {
        press(&mut app2, "Esc");
    }
    app2.session.pending_draft = None;
    press(&mut app2, "c");
    assert!(matches!(app2.top(), Screen::CheckIn(_)), "{:?}", app2.top());
}

/// Issue 17: in review, p on an entry with an open prediction drops it before its day.
#[test]
fn review_drops_an_open_prediction_early() {
    use crate::journal::{Prediction, PredictionResult};
    let mut entries = twelve_entries();
    let newest = entries.iter_mut().max_by_key(|e| e.created_at).unwrap();
    newest.predictions.push(Prediction {
        fear: "The weekend will go badly".into(),
        likelihood: None,
        badness: None,
        look_back: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        outcome: None,
        extra: Default::default(),
    });
    let mut app = app_at_home();
    app.loaded(crate::tui::session::Summary::of(
        Arc::new(entries),
        app.session.today,
        0,
    ));
    app.update(Msg::Key(Action::OpenReview));
    press(&mut app, "Enter");
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("The weekend will go badly"), "{text}");
    press(&mut app, "p");
    assert!(matches!(app.top(), Screen::LookBack(_)), "{:?}", app.top());
    let out = press(&mut app, "Ctrl-x");
    let [Effect::SaveEntry(saved)] = effects(&out)[..] else {
        panic!("{out:?}")
    };
    assert_eq!(
        saved.predictions[0].outcome.as_ref().map(|o| o.result),
        Some(PredictionResult::Dropped)
    );
    settle(&mut app, out);
    assert!(matches!(app.top(), Screen::ReviewEntry(_)));
    press(&mut app, "p");
    assert!(matches!(&app.status, Some(Status::Info(t)) if t.contains("no open predictions")));
}

/// Editing an entry whose prediction was answered keeps the answer, whatever is retyped.
#[test]
fn editing_an_entry_keeps_what_came_of_its_prediction() {
    use crate::journal::{Prediction, PredictionOutcome, PredictionResult};
    let mut entries = twelve_entries();
    let newest = entries.iter_mut().max_by_key(|e| e.created_at).unwrap();
    newest.predictions.push(Prediction {
        fear: "She will not come".into(),
        likelihood: None,
        badness: None,
        look_back: newest.date + chrono::Days::new(1),
        outcome: Some(PredictionOutcome {
            on: newest.date + chrono::Days::new(1),
            result: PredictionResult::No,
            badness: None,
            instead: "She came early".into(),
            extra: Default::default(),
        }),
        extra: Default::default(),
    });
    let mut app = app_at_home();
    app.loaded(crate::tui::session::Summary::of(
        Arc::new(entries),
        app.session.today,
        0,
    ));
    app.update(Msg::Key(Action::OpenReview));
    press(&mut app, "Enter e");
    for _ in 0..7 {
        press(&mut app, "Tab");
    }
    assert_eq!(checkin(&app).step(), Step::Predictions);
    typed(&mut app, "!");
    let p = &checkin(&app).draft.predictions[0];
    assert_eq!(p.fear, "She will not come!");
    assert_eq!(
        p.outcome.as_ref().map(|o| o.instead.as_str()),
        Some("She came early"),
        "the answer stays"
    );
}

fn lock_state(app: &App) -> &crate::tui::screens::lock::State {
    match app.top() {
        Screen::Lock(s) => s,
        other => panic!("{other:?}"),
    }
}

#[test]
fn quick_hide_works_while_typing_keeps_the_words_and_blanks_the_screen() {
    let mut app = app_at_home();
    let out = press(&mut app, "c");
    settle(&mut app, out);
    typed(&mut app, "3");
    press(&mut app, "Tab");
    assert_ne!(app.typing(), Typing::No, "keys type here");
    typed(&mut app, "ten");
    let before = screen_text(&mut app, 80, 24);
    assert!(before.contains("closer"), "{before}");
    let out = press(&mut app, "Ctrl-q");
    // The check-in is written first, as on Ctrl-Z.
    assert!(
        effects(&out)
            .iter()
            .any(|e| matches!(e, Effect::SaveDraft(_))),
        "{out:?}"
    );
    settle(&mut app, out);
    let hidden = screen_text(&mut app, 80, 24);
    assert!(
        hidden.chars().all(|c| c == ' ' || c == '\n' || c == '"'),
        "not blank:\n{hidden}"
    );
    // A plain journal: any key comes back, the words as they were.
    press(&mut app, "x");
    assert!(matches!(app.top(), Screen::CheckIn(_)));
    let kept = app.unsaved().unwrap();
    assert_eq!(
        kept.mood,
        Some(crate::journal::Mood::try_from(3i64).unwrap())
    );
    assert!(screen_text(&mut app, 80, 24).contains("ten"));
    // Ctrl-Q twice leaves closer.
    press(&mut app, "Ctrl-q");
    let out = press(&mut app, "Ctrl-q");
    settle(&mut app, out);
    assert!(app.quit);
}

#[test]
fn an_encrypted_journal_hides_and_comes_back_only_with_the_passphrase() {
    let mut app = app_at_home();
    app.session.encrypted = true;
    let out = press(&mut app, "Ctrl-q");
    assert!(effects(&out).contains(&&Effect::Forget), "{out:?}");
    assert!(app.session.locked);
    // A key shows the prompt, not the journal.
    press(&mut app, "x");
    assert_eq!(
        lock_state(&app).kind,
        crate::tui::screens::lock::Kind::Passphrase
    );
    typed(&mut app, "wrong one");
    let text = screen_text(&mut app, 80, 24);
    assert!(!text.contains("wrong one"), "the passphrase is never drawn");
    assert!(text.contains("(typed; not shown)"), "{text}");
    let out = press(&mut app, "Enter");
    assert!(matches!(effects(&out)[..], [Effect::Unlock(_)]), "{out:?}");
    let more = app.done(
        out[0].from,
        Done::UnlockFailed("That is not the passphrase.".into()),
    );
    assert!(more.is_empty());
    assert!(screen_text(&mut app, 80, 24).contains("That is not the passphrase."));
    assert!(app.is_locked());
    typed(&mut app, "right one");
    let out = press(&mut app, "Enter");
    app.done(out[0].from, Done::Unlocked);
    assert!(is_home(&app) && !app.session.locked);
    assert!(app.take_unlocked() && !app.take_unlocked());
}

#[test]
fn auto_lock_keeps_the_check_in_and_asks_for_the_passphrase() {
    let mut app = app_at_home();
    app.session.encrypted = true;
    let out = press(&mut app, "c");
    settle(&mut app, out);
    typed(&mut app, "4");
    let out = app.lock(crate::tui::screens::lock::Why::Idle);
    assert!(
        effects(&out)
            .iter()
            .any(|e| matches!(e, Effect::SaveDraft(_)))
    );
    settle(&mut app, out);
    assert_eq!(
        lock_state(&app).kind,
        crate::tui::screens::lock::Kind::Passphrase
    );
    assert!(screen_text(&mut app, 80, 24).contains("locked itself"));
    // Locking again while locked does nothing.
    assert!(app.lock(crate::tui::screens::lock::Why::Idle).is_empty());
    typed(&mut app, "pass");
    let out = press(&mut app, "Enter");
    app.done(out[0].from, Done::Unlocked);
    assert!(matches!(app.top(), Screen::CheckIn(_)));
}

#[test]
fn a_check_in_written_locked_returns_to_the_prompt_never_to_the_journal() {
    let mut app = app_at_home();
    app.session.encrypted = true;
    app.open_locked(true);
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("Ctrl-N"), "{text}");
    press(&mut app, "Ctrl-n");
    assert!(matches!(app.top(), Screen::CheckIn(_)));
    typed(&mut app, "2");
    let out = press(&mut app, "Ctrl-s");
    settle(&mut app, out);
    // However the check-in ends, beneath it is the prompt.
    while matches!(app.top(), Screen::CheckIn(_)) {
        let out = press(&mut app, "Esc");
        settle(&mut app, out);
    }
    assert!(app.is_locked(), "{:?}", app.top());
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("Your check-in is saved"), "{text}");
}

/// Issue 16: in an encrypted journal the report screen asks before writing a plain file; no
/// writes nothing, yes writes it.
#[test]
fn an_encrypted_journal_asks_before_writing_a_plain_report() {
    let mut app = app_at_home();
    app.loaded(crate::tui::session::Summary::of(
        Arc::new(twelve_entries()),
        app.session.today,
        0,
    ));
    app.session.encrypted = true;
    app.update(Msg::Key(Action::OpenReview));
    press(&mut app, "R");
    assert!(matches!(app.top(), Screen::Report(_)), "{:?}", app.top());
    let out = press(&mut app, "Enter");
    assert!(out.is_empty(), "nothing written before the answer: {out:?}");
    assert_eq!(question(&app), Some(Question::WritePlain));
    assert!(screen_text(&mut app, 80, 24).contains("not encrypted"));
    let out = press(&mut app, "n");
    assert!(out.is_empty(), "{out:?}");
    assert!(matches!(app.top(), Screen::Report(_)));
    press(&mut app, "Enter");
    let out = press(&mut app, "y");
    assert!(
        matches!(effects(&out)[..], [Effect::WriteReport { .. }]),
        "{out:?}"
    );
}

/// Issue 21: the search index comes after the journal, off the input path. Until then a search
/// scans; an index built for entries that changed meanwhile is refused; once taken, review
/// searches with it, and saves keep it in step, with the same results throughout.
#[test]
fn the_search_index_comes_later_and_changes_no_result() {
    let mut entries = twelve_entries();
    for (i, e) in entries.iter_mut().enumerate() {
        e.notes = ["Straße at night", "a quiet walk", "ΣΊΣΥΦΟΣ again", "Quiet"][i % 4].into();
    }
    let mut app = App::new(session(Preferences {
        perspective: Some(Perspective::IPullAway.into()),
        ..Preferences::default()
    }));
    app.loaded(crate::tui::session::Summary::of(
        Arc::new(entries),
        app.session.today,
        0,
    ));
    assert!(
        app.session.index_arc().is_empty(),
        "no index before it is built"
    );
    press(&mut app, "r /");
    let results = |app: &mut App, text: &str| {
        if let Screen::Review(r) = app.top_mut() {
            r.filter.text.clear();
        }
        app.update(Msg::Paste(text.into()));
        match app.top() {
            Screen::Review(r) => r.results.clone(),
            other => panic!("{other:?}"),
        }
    };
    let queries = ["q", "quiet", "strasse", "σίσυφος", "z", "t a"];
    let scanned: Vec<Vec<usize>> = queries.iter().map(|q| results(&mut app, q)).collect();
    assert_eq!(scanned[0].len(), 6);
    assert_eq!(scanned[2].len(), 3);
    assert_eq!(scanned[3].len(), 3);

    // Built for entries that are no longer the journal's: refused.
    let old = app.session.entries_arc();
    let index = crate::journal::query::signature::index(&old);
    let mut saved = old[0].clone();
    saved.notes = "zebra".into();
    app.session.upsert(saved);
    assert!(app.indexed(&old, index).is_none());
    assert!(app.session.index_arc().is_empty());

    let now = app.session.entries_arc();
    let index = crate::journal::query::signature::index(&now);
    assert!(app.indexed(&now, index).is_some());
    assert_eq!(app.session.index_arc().len(), 12);
    let indexed: Vec<Vec<usize>> = queries.iter().map(|q| results(&mut app, q)).collect();
    assert_eq!(indexed[4].len(), 1, "the saved word is found");
    assert_eq!(indexed[2].len(), 2, "and the word it replaced is not");
    for (q, got) in queries.iter().zip(&indexed) {
        let filter = crate::journal::query::Filter {
            text: (*q).into(),
            conditions: Vec::new(),
        };
        let scan =
            crate::journal::query::apply(app.session.entries(), &filter, app.session.today, None);
        assert_eq!(*got, scan, "{q}");
    }

    // A save after it keeps it in step: the new word is found through the index.
    let mut again = app.session.entries()[5].clone();
    again.notes = "xylophone".into();
    app.session.upsert(again);
    assert_eq!(app.session.index_arc().len(), 12);
    app.update(Msg::JournalChanged);
    assert_eq!(results(&mut app, "xylophone").len(), 1);
}

/// Issue 21, item 1: a save, edit or delete while review or insights is open changes the
/// journal in place: the screens let go of the entries first, so the change does not copy the
/// whole journal (the session's list stays the same allocation), and they take it back after,
/// review on the entry it had selected, with its search index in step.
#[test]
fn a_change_under_an_open_review_or_insights_does_not_copy_the_journal() {
    let mut app = App::new(session(Preferences {
        perspective: Some(Perspective::IPullAway.into()),
        ..Preferences::default()
    }));
    app.loaded(crate::tui::session::Summary::of(
        Arc::new(twelve_entries()),
        app.session.today,
        0,
    ));
    let entries = app.session.entries_arc();
    let index = crate::journal::query::signature::index(&entries);
    app.indexed(&entries, index).unwrap();
    drop(entries);
    let same_list = |app: &App| Arc::as_ptr(&app.session.entries_arc());
    let before = same_list(&app);

    press(&mut app, "r j j");
    let review_id = app.stack.last().unwrap().id;
    let selected = |app: &App| match app.top() {
        Screen::Review(r) => r.selected().map(|e| (e.id.clone(), e.notes.clone())),
        other => panic!("{other:?}"),
    };
    let (id, _) = selected(&app).unwrap();
    let mut edited = app
        .session
        .entries()
        .iter()
        .find(|e| e.id == id)
        .unwrap()
        .clone();
    edited.notes = "edited in place".into();
    app.done(review_id, Done::EntrySaved(Box::new(edited)));
    assert_eq!(same_list(&app), before, "the journal was copied");
    assert_eq!(selected(&app), Some((id.clone(), "edited in place".into())));
    assert_eq!(app.session.index_arc().len(), 12, "the index is in step");
    let gone = app.session.entries()[0].clone();
    app.done(
        review_id,
        Done::Deleted(
            std::path::PathBuf::from("trash"),
            gone.id.clone(),
            gone.date,
        ),
    );
    assert_eq!(same_list(&app), before, "the journal was copied");
    assert_eq!(app.session.entries().len(), 11);
    assert_eq!(selected(&app).map(|s| s.0), Some(id));

    press(&mut app, "Esc i");
    let insights_id = app.stack.last().unwrap().id;
    assert!(matches!(app.top(), Screen::Insights(_)));
    let mut new = gone.clone();
    new.id = crate::journal::EntryId::generate(new.created_at, 99);
    app.done(insights_id, Done::CheckInSaved(Box::new(new)));
    assert_eq!(same_list(&app), before, "the journal was copied");
    assert_eq!(app.session.entries().len(), 12);
}

/// An app as `closer checkin` opens it on an encrypted journal that is locked: home beneath
/// (never drawn), the journal not read, the passphrase prompt offering a check-in.
fn opened_locked() -> App {
    let mut app = App::new(session(Preferences {
        perspective: Some(Perspective::IPullAway.into()),
        ..Preferences::default()
    }));
    app.session.encrypted = true;
    app.open_locked(true);
    app
}

/// The lock is on top, and nothing of the journal shows (no home saying "Entries 0").
fn back_at_the_prompt(app: &mut App) -> String {
    assert!(app.is_locked(), "{:?}", app.top());
    let text = screen_text(app, 80, 24);
    for journal in ["Entries", "Streak", "home"] {
        assert!(!text.contains(journal), "{journal}: {text}");
    }
    text
}

/// Issue "Private means private", item 5: a check-in written without unlocking comes back to
/// the prompt however it ends (kept as a draft, discarded, left empty), and the draft kept
/// there is resumed or discarded from the prompt as from home (the answer to "An unfinished
/// check-in" did nothing on the lock).
#[test]
fn a_locked_check_in_kept_resumed_or_discarded_comes_back_to_the_prompt() {
    let mut app = opened_locked();
    // Left with nothing in it.
    press(&mut app, "Ctrl-n");
    assert!(matches!(app.top(), Screen::CheckIn(_)));
    let out = press(&mut app, "Esc");
    settle(&mut app, out);
    back_at_the_prompt(&mut app);

    // Kept as a draft: the prompt says so, and Ctrl-N goes on with it.
    press(&mut app, "Ctrl-n");
    typed(&mut app, "2");
    press(&mut app, "Esc");
    assert_eq!(question(&app), Some(Question::LeaveCheckIn));
    let out = press(&mut app, "s");
    settle(&mut app, out);
    let text = back_at_the_prompt(&mut app);
    assert!(text.contains("kept as a draft"), "{text}");
    assert!(text.contains("Ctrl-N to go on with it"), "{text}");
    press(&mut app, "Ctrl-n");
    assert_eq!(question(&app), Some(Question::ResumeDraft));
    press(&mut app, "r");
    assert_eq!(
        checkin(&app).draft.mood,
        Some(crate::journal::Mood::try_from(2i64).unwrap()),
        "resumed"
    );

    // Discarded from the check-in.
    press(&mut app, "Esc d");
    assert_eq!(question(&app), Some(Question::DiscardCheckIn));
    let out = press(&mut app, "y");
    assert!(effects(&out).contains(&&Effect::DiscardDraft), "{out:?}");
    settle(&mut app, out);
    let text = back_at_the_prompt(&mut app);
    assert!(text.contains("write today's check-in"), "{text}");
    assert!(app.session.pending_draft.is_none());

    // Kept again, then discarded from the prompt's offer.
    press(&mut app, "Ctrl-n");
    typed(&mut app, "3");
    let out = press(&mut app, "Esc s");
    settle(&mut app, out);
    press(&mut app, "Ctrl-n");
    press(&mut app, "d");
    assert_eq!(question(&app), Some(Question::DiscardDraft));
    let out = press(&mut app, "y");
    assert_eq!(effects(&out), [&Effect::DiscardDraft]);
    settle(&mut app, out);
    back_at_the_prompt(&mut app);
    assert!(app.session.pending_draft.is_none());

    // Saved: the prompt, saying so, and no other check-in offered.
    press(&mut app, "Ctrl-n");
    typed(&mut app, "4");
    let out = press(&mut app, "Ctrl-s");
    settle(&mut app, out);
    let text = back_at_the_prompt(&mut app);
    assert!(text.contains("Your check-in is saved, encrypted"), "{text}");
    assert!(!text.contains("Ctrl-N"), "{text}");
}

/// Issue "Private means private", item 5: nothing of the journal is read or taken in while it
/// is locked (a read without the key finds no entry: a home saying "Entries 0" after the
/// unlock); it is read once unlocked.
#[test]
fn the_journal_is_not_read_while_locked() {
    let mut app = opened_locked();
    let tomorrow = app.session.now + chrono::Days::new(1);
    let out = app.tick(tomorrow);
    assert!(!effects(&out).contains(&&Effect::LoadJournal), "{out:?}");
    // A read that ends while locked (begun before an auto-lock, say) is not taken in.
    let empty = crate::tui::session::Summary::of(Arc::new(Vec::new()), app.session.today, 0);
    app.loaded(empty.clone());
    assert!(app.session.journal.is_none());
    press(&mut app, "Ctrl-n");
    typed(&mut app, "3");
    let out = press(&mut app, "Ctrl-s");
    settle(&mut app, out);
    back_at_the_prompt(&mut app);

    typed(&mut app, "a long passphrase");
    let out = press(&mut app, "Enter");
    app.done(out[0].from, Done::Unlocked);
    assert!(is_home(&app));
    app.loaded(crate::tui::session::Summary::of(
        Arc::new(twelve_entries()),
        app.session.today,
        0,
    ));
    assert_eq!(app.session.entries().len(), 12);
}

/// Issue "Private means private", item 5: mistakes in config.toml (or the person's prompts and
/// strategies) are shown on an encrypted journal too, once it is unlocked: the lock hides the
/// status line, and typing the passphrase used to clear them before anyone saw them.
#[test]
fn settings_mistakes_show_once_an_encrypted_journal_is_unlocked() {
    let mut app = App::new(session(Preferences {
        perspective: Some(Perspective::IPullAway.into()),
        ..Preferences::default()
    }));
    let mistake = "/home/you/.config/closer/config.toml, line 2: theme = \"purple\" is not a \
                   theme; use \"default\", \"high-contrast\" or \"no-colour\". closer started \
                   with the other settings.";
    app.status = Some(Status::Error(mistake.into()));
    app.session.encrypted = true;
    app.open_locked(false);
    let text = screen_text(&mut app, 80, 24);
    assert!(
        !text.contains("purple"),
        "the lock shows no status line: {text}"
    );
    typed(&mut app, "a long passphrase");
    let out = press(&mut app, "Enter");
    app.done(out[0].from, Done::Unlocked);
    assert!(is_home(&app));
    assert_eq!(app.status, Some(Status::Error(mistake.into())));
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("purple"), "{text}");
}

/// Issue "Private means private", item 5: the locked check-in says why the person's own
/// feelings and triggers are not offered (they are sealed in state.json); unlocked, it does
/// not.
#[test]
fn a_locked_check_in_says_why_your_own_words_are_not_offered() {
    let mut app = opened_locked();
    press(&mut app, "Ctrl-n Tab");
    let text = screen_text(&mut app, 80, 24);
    assert!(
        text.contains("Feelings of your own show after unlocking"),
        "{text}"
    );
    press(&mut app, "Tab");
    let text = screen_text(&mut app, 80, 24);
    assert!(
        text.contains("Triggers of your own show after unlocking"),
        "{text}"
    );
    press(&mut app, "Tab");
    let text = screen_text(&mut app, 80, 24);
    assert!(!text.contains("after unlocking"), "{text}");

    let mut app = app_at_home();
    app.session.prefs.custom_triggers = vec!["the dishes".into()];
    press(&mut app, "c Tab");
    assert!(!screen_text(&mut app, 80, 24).contains("after unlocking"));
    press(&mut app, "Tab");
    let text = screen_text(&mut app, 80, 24);
    assert!(!text.contains("after unlocking"), "{text}");
}

/// A locked check-in whose draft could not be written is left in memory: the prompt says so
/// rather than "kept as a draft", and Ctrl-N goes on with it.
#[test]
fn a_locked_check_in_left_in_memory_is_not_called_kept() {
    let mut app = opened_locked();
    press(&mut app, "Ctrl-n");
    typed(&mut app, "2");
    let out = press(&mut app, "Esc s");
    settle_with(&mut app, out, true);
    assert_eq!(question(&app), Some(Question::LeaveUnsaved));
    let out = press(&mut app, "l");
    settle_with(&mut app, out, true);
    let text = back_at_the_prompt(&mut app);
    assert!(text.contains("only in memory"), "{text}");
    assert!(!text.contains("kept as a draft"), "{text}");
    press(&mut app, "Ctrl-n r");
    assert_eq!(
        checkin(&app).draft.mood,
        Some(crate::journal::Mood::try_from(2i64).unwrap())
    );
}

/// The text of the footer (the last line) of what is drawn.
fn footer(app: &mut App) -> String {
    let text = screen_text(app, 80, 24);
    text.lines().nth(23).unwrap_or_default().to_owned()
}

/// Issue 37, item 5: `closer review` on a journal with no perspective kept yet (an import, a
/// generated journal) opens review once Welcome is answered, whether the journal was read
/// before or after; Welcome's footer says the digits choose at once.
#[test]
fn closer_review_on_a_first_run_opens_review_after_welcome() {
    for read_first in [true, false] {
        let mut app = app_first_run();
        let summary =
            crate::tui::session::Summary::of(Arc::new(twelve_entries()), app.session.today, 0);
        if read_first {
            app.loaded(summary.clone());
        }
        app.request(Action::OpenReview);
        assert!(matches!(app.top(), Screen::FirstRun(_)));
        press(&mut app, "2");
        if !read_first {
            assert!(is_home(&app), "review waits for the journal");
            app.loaded(summary);
        }
        assert!(
            matches!(app.top(), Screen::Review(_)),
            "{read_first}: {:?}",
            app.top()
        );
        press(&mut app, "Esc");
        assert!(is_home(&app), "home is beneath");
    }
    let mut app = app_first_run();
    let line = footer(&mut app);
    assert!(line.contains("1 2 3 choose"), "{line}");
    assert!(!line.contains("Enter confirm"), "{line}");
}

/// Issue 37, item 7: an edit of a past entry asks about that day; Esc with no change leaves
/// without asking; kept as a draft, `e` on the entry goes on with it; saved, the status names
/// the entry; discarded from home, the entry is said to stay.
#[test]
fn an_edit_asks_of_that_day_leaves_quietly_unchanged_and_goes_on_with_e() {
    let mut app = app_at_home();
    let out = press(&mut app, "r Enter e");
    settle(&mut app, out);
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("to your partner that day?"), "{text}");
    assert!(!text.contains("partner today?"), "{text}");
    let out = press(&mut app, "Esc");
    assert_eq!(question(&app), None, "nothing changed: nothing to ask");
    assert!(matches!(app.top(), Screen::ReviewEntry(_)));
    assert!(effects(&out).contains(&&Effect::DiscardDraft));
    settle(&mut app, out);
    assert!(app.session.pending_draft.is_none());

    // Changed and kept as a draft: the status says how to go on, and `e` does.
    let out = press(&mut app, "e");
    settle(&mut app, out);
    let mood = checkin(&app).draft.mood.map(|m| m.get());
    let other = if mood == Some(1) { "2" } else { "1" };
    press(&mut app, other);
    let out = press(&mut app, "Esc s");
    settle(&mut app, out);
    assert!(matches!(app.top(), Screen::ReviewEntry(_)));
    assert!(
        matches!(&app.status, Some(Status::Info(t)) if t.contains("Press e on it")),
        "{:?}",
        app.status
    );
    press(&mut app, "e");
    assert!(checkin(&app).draft.is_edit(), "{:?}", app.top());
    assert_eq!(
        checkin(&app)
            .draft
            .mood
            .map(|m| m.get())
            .map(|m| m.to_string()),
        Some(other.to_owned())
    );
    let date = checkin(&app).draft.date.format("%-d %B").to_string();
    let out = press(&mut app, "Ctrl-s");
    settle(&mut app, out);
    assert_eq!(
        app.status,
        Some(Status::Info(format!(
            "Your changes to the entry of {date} are saved. ✓"
        )))
    );

    // Kept again, then discarded from home: the entry stays.
    let out = press(&mut app, "e");
    settle(&mut app, out);
    press(&mut app, if other == "1" { "2" } else { "1" });
    let out = press(&mut app, "Esc s");
    settle(&mut app, out);
    press(&mut app, "Esc Esc");
    assert!(is_home(&app));
    press(&mut app, "c d");
    assert_eq!(question(&app), Some(Question::DiscardDraft));
    let text = screen_text(&mut app, 80, 24);
    assert!(!text.contains("gone for good"), "{text}");
    assert!(text.contains("stays as it was saved"), "{text}");
    let out = press(&mut app, "y");
    settle(&mut app, out);
    assert!(
        matches!(&app.status, Some(Status::Info(t)) if t.contains("the entry of") && t.contains("as it was")),
        "{:?}",
        app.status
    );
}

/// Issue 37, items 16–18: a third check-in today says "third"; an empty Summary's footer does
/// not offer to save; a check-in begun before midnight and saved after names its day.
#[test]
fn check_in_wording_counts_entries_and_names_the_day_saved_to() {
    let mut app = app_at_home();
    for _ in 0..2 {
        press(&mut app, "c 4");
        let out = press(&mut app, "Ctrl-s");
        settle(&mut app, out);
        app.session.now += chrono::Duration::minutes(5);
    }
    press(&mut app, "c");
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("this will be the third entry"), "{text}");
    press(&mut app, "Esc");

    let mut app = app_at_home();
    press(&mut app, "c Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab");
    let line = footer(&mut app);
    assert!(!line.contains("Enter save"), "{line}");
    press(&mut app, "Esc");

    let mut app = app_at_home();
    press(&mut app, "c 4");
    let later = app.session.now + chrono::Duration::days(1);
    app.tick(later);
    let out = press(&mut app, "Ctrl-s");
    settle(&mut app, out);
    assert!(
        matches!(&app.status, Some(Status::Info(t)) if t.contains("saved to Sunday 22 November")),
        "{:?}",
        app.status
    );
}

/// Issue 37, item 18: Support's footer offers ↓ only while there is more below; a
/// type-to-filter list's footer does not offer Space to pick while Space types a space; the
/// trash of one entry is not "them".
#[test]
fn footers_offer_only_what_the_keys_do_now() {
    let mut app = app_at_home();
    press(&mut app, "!");
    assert!(footer(&mut app).contains("↓ scroll"));
    press(&mut app, "End");
    let line = footer(&mut app);
    assert!(!line.contains("↓ scroll"), "{line}");

    let mut app = app_at_home();
    press(&mut app, "r f Enter");
    assert!(footer(&mut app).contains("Space pick"));
    typed(&mut app, "a");
    let line = footer(&mut app);
    assert!(!line.contains("Space pick"), "{line}");

    let mut app = app_at_home();
    press(&mut app, "r t");
    let Screen::ReviewTrash(trash) = app.top_mut() else {
        panic!()
    };
    let entry = twelve_entries().remove(0);
    trash.trash = vec![crate::tui::effect::TrashItem {
        path: "/trash/one.json".into(),
        deleted_at: entry.created_at,
        entry,
    }];
    press(&mut app, "E");
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("The entry in the trash"), "{text}");
    press(&mut app, "y");
    let text = screen_text(&mut app, 80, 24);
    assert!(!text.contains("them"), "{text}");
}

/// Issue 37, item 16: the passphrase prompt says what a forgotten passphrase means, and where
/// a check-in can be written without it.
#[test]
fn the_lock_says_what_a_forgotten_passphrase_means_and_names_closer_checkin() {
    let mut app = opened_locked();
    let text = back_at_the_prompt(&mut app);
    assert!(text.contains("Forgotten the passphrase?"), "{text}");
    let mut app = app_at_home();
    app.session.encrypted = true;
    app.lock(crate::tui::screen::LockWhy::Idle);
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("closer checkin"), "{text}");
    assert!(text.contains("Forgotten the passphrase?"), "{text}");
}

/// Issue 37, item 9: renaming one of your own triggers that entries name asks whether to
/// rename it there too (a merge asks twice); Ctrl-W deletes a word; a removal is undone by u.
#[test]
fn renaming_an_own_trigger_offers_to_rename_it_in_entries_and_removal_undoes() {
    let mut app = app_at_home();
    app.session.prefs.custom_triggers = vec!["money talk".into(), "the dishes".into()];
    press(&mut app, "c 3 Tab Tab");
    typed(&mut app, "money talk");
    press(&mut app, "Enter");
    let out = press(&mut app, "Ctrl-s");
    settle(&mut app, out);
    assert!(is_home(&app));

    press(&mut app, "o End Up Enter");
    press(&mut app, "r");
    press(&mut app, "Ctrl-w");
    typed(&mut app, "rows");
    let out = press(&mut app, "Enter");
    settle(&mut app, out);
    assert_eq!(
        app.session.prefs.custom_triggers[0], "money rows",
        "Ctrl-W took a word"
    );
    assert_eq!(question(&app), Some(Question::RenameInEntries));
    let out = press(&mut app, "y");
    assert!(
        effects(&out).contains(&&Effect::RenameTrigger(
            "money talk".into(),
            "money rows".into()
        )),
        "{out:?}"
    );
    let from = out[0].from;
    app.done(from, Done::TriggerRenamed(1));
    assert!(
        matches!(&app.status, Some(Status::Info(t)) if t.contains("1 entry") && t.contains("rename it back")),
        "{:?}",
        app.status
    );

    // Renaming to another of one's own merges them: asked twice.
    app.session.prefs.custom_triggers = vec!["money talk".into(), "the dishes".into()];
    press(&mut app, "Home r");
    for _ in 0.."money talk".len() {
        press(&mut app, "Backspace");
    }
    typed(&mut app, "The Dishes");
    press(&mut app, "Enter");
    assert_eq!(question(&app), Some(Question::RenameInEntries));
    let out = press(&mut app, "y");
    assert!(out.is_empty(), "{out:?}");
    assert_eq!(question(&app), Some(Question::ReallyMerge));
    let out = press(&mut app, "y");
    assert!(
        effects(&out).contains(&&Effect::RenameTrigger(
            "money talk".into(),
            "The Dishes".into()
        )),
        "{out:?}"
    );

    // Removing one is undone by u, in its place.
    app.session.prefs.custom_triggers = vec!["a".into(), "b".into(), "c".into()];
    press(&mut app, "Home Down d");
    assert_eq!(app.session.prefs.custom_triggers, ["a", "c"]);
    press(&mut app, "u");
    assert_eq!(app.session.prefs.custom_triggers, ["a", "b", "c"]);
}

/// Issue 37, item 9: the store renames a trigger of the person's own in every entry at once,
/// merging it where an entry names the new name too; other entries and triggers are left.
#[test]
fn the_store_renames_an_own_trigger_in_every_entry() {
    use crate::journal::{Name, TriggerLog};
    let dir = tempfile::tempdir().unwrap();
    let store = crate::store::Store::open(dir.path().join("j")).unwrap();
    let custom = |n: &str, note: &str| TriggerLog {
        trigger: TriggerRef::Custom(Name::try_from(n).unwrap()),
        intensity: None,
        note: note.into(),
        extra: Default::default(),
    };
    let mut entries = twelve_entries();
    entries[0].triggers = vec![custom("Money talk", "rent")];
    entries[1].triggers = vec![custom("money talk", "a"), custom("the dishes", "b")];
    entries[2].triggers = vec![custom("the dishes", "")];
    for e in &entries {
        store.save_entry(e).unwrap();
    }
    assert_eq!(
        store
            .rename_custom_trigger("money talk", "the dishes")
            .unwrap(),
        2
    );
    let mut read: Vec<Entry> = Vec::new();
    for e in &entries[..3] {
        read.extend(
            store
                .day(e.date)
                .unwrap()
                .into_iter()
                .filter(|x| x.id == e.id),
        );
    }
    assert_eq!(read[0].triggers, vec![custom("the dishes", "rent")]);
    assert_eq!(read[1].triggers, vec![custom("the dishes", "a\nb")]);
    assert_eq!(read[2].triggers, vec![custom("the dishes", "")]);
    assert_eq!(read[0].updated_at, entries[0].updated_at);
}
