//! A check-in as a person drives it: steps, drafts, leaving, saving and editing an entry.

use super::*;

/// An empty check-in, walked to its Summary.
fn empty_at_summary() -> App {
    let mut app = app_at_home();
    press(&mut app, "c Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab");
    app
}

/// Esc leaves at once: nothing to keep or lose, so no question. The work that asks for.
fn esc_asks_nothing(app: &mut App) -> Vec<Request> {
    let out = press(app, "Esc");
    assert_eq!(question(app), None, "nothing to keep or lose: no question");
    out
}

/// Presses `start` over a draft found, and resumes it: the draft resumed.
fn resume<'a>(app: &'a mut App, start: &str) -> &'a CheckInDraft {
    press(app, start);
    assert_eq!(question(app), Some(Question::ResumeDraft));
    press(app, "r");
    &checkin(app).draft
}

/// On the question `asked`, `d` asks once more (`again`), `n` goes back to `asked`, and `d y`
/// discards: the work that asks for.
fn discard_asking_twice(app: &mut App, asked: Question, again: Question) -> Vec<Request> {
    assert_eq!(question(app), Some(asked));
    assert!(press(app, "d").is_empty(), "discarding asks once more");
    assert_eq!(question(app), Some(again));
    press(app, "n");
    assert_eq!(question(app), Some(asked));
    press(app, "d");
    press(app, "y")
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
    assert_eq!(info(&app), Some("Your check-in is saved. ✓"));
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
    assert_eq!(resume(&mut app, "c").mood.map(|m| m.get()), Some(3));
}

#[test]
fn a_found_draft_is_offered_and_discarding_asks_twice() {
    let mut app = app_at_home();
    find_draft(&mut app, "half a thought", true);
    let out = discard_asking_twice(&mut app, Question::ResumeDraft, Question::DiscardDraft);
    assert!(matches!(effects(&out)[..], [Effect::DiscardDraft]));
    settle(&mut app, out);
    assert!(is_home(&app));
    assert!(app.session.pending_draft.is_none());
}

#[test]
fn discarding_from_the_leave_dialog_removes_the_draft() {
    let mut app = app_at_home();
    press(&mut app, "c 3 Esc");
    let out = discard_asking_twice(&mut app, Question::LeaveCheckIn, Question::DiscardCheckIn);
    assert!(matches!(effects(&out)[..], [Effect::DiscardDraft]));
    assert!(is_home(&app));
    assert_eq!(info(&app), Some("The check-in was discarded."));
}

/// Bug 4: leaving an edit of a saved entry said "Discard this check-in? … gone for good" and
/// "The check-in was discarded", though only the edits are dropped.
#[test]
fn leaving_an_edit_says_the_entry_stays_as_it_was() {
    let mut app = app_at_home();
    press(&mut app, "r Enter e");
    assert!(checkin(&app).draft.is_edit());
    // A change (an edit with none leaves without asking).
    let other = if mood(&app) == Some(1) { "2" } else { "1" };
    press(&mut app, other);
    press(&mut app, "Esc");
    assert_eq!(question(&app), Some(Question::LeaveEdit));
    shows(&mut app, &["Leave the edit?"], &["gone for good"]);
    press(&mut app, "d");
    assert_eq!(question(&app), Some(Question::DiscardEdit));
    shows(
        &mut app,
        &["Discard your changes?", "The entry stays as it was saved"],
        &["gone for good"],
    );
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

#[test]
fn a_read_only_journal_refuses_a_check_in_and_says_why() {
    let mut app = app_at_home();
    app.session.read_only = Some("another closer has this journal open.".into());
    press(&mut app, "c");
    assert!(is_home(&app));
    assert!(matches!(&app.status, Some(Status::Error(t)) if t.contains("read-only")));
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
    press_settled(&mut app, "Ctrl-s");
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
fn a_failed_save_keeps_the_check_in_open() {
    let app = after_a_failed_save();
    assert_eq!(mood(&app), Some(4));
    assert!(matches!(app.status, Some(Status::Error(_))));
}

#[test]
fn closer_checkin_on_a_first_run_still_offers_an_unfinished_draft() {
    let mut app = app_first_run();
    find_draft(&mut app, "kept from before", false);
    app.request(Action::StartCheckIn);
    assert_eq!(resume(&mut app, "1").notes, "kept from before");
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
    assert_eq!(resume(&mut app, "c").mood.map(|m| m.get()), Some(2));
}

#[test]
fn editing_an_entry_writes_its_draft_at_once_from_the_check_in() {
    let mut app = app_at_home();
    press(&mut app, "r Enter");
    let out = press(&mut app, "e");
    let (from, d) = draft_write(&out);
    assert!(d.is_edit());
    // The result goes to the check-in that asked: a failure there is retried at a pause.
    app.done(from, Done::DraftFailed(d.clone(), "denied".into()));
    assert!(checkin(&app).dirty);
}

/// There is one draft file: editing an entry while a check-in is unfinished would overwrite it.
#[test]
fn editing_an_entry_waits_for_an_unfinished_check_in() {
    let mut app = app_at_home();
    find_draft(&mut app, "not finished", false);
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
    let mut app = empty_at_summary();
    shows(
        &mut app,
        &["Nothing to save yet"],
        &["Enter or Ctrl-S saves"],
    );
    let out = esc_asks_nothing(&mut app);
    assert!(is_home(&app));
    assert!(matches!(effects(&out)[..], [Effect::DiscardDraft]));

    // A second check-in on a day with an entry says so.
    press(&mut app, "c 4");
    press_settled(&mut app, "Ctrl-s");
    app.session.now += chrono::Duration::minutes(5);
    press(&mut app, "c");
    shows(&mut app, &["this will be the second entry"], &[]);
}

/// Issue 37, item 7: an edit of a past entry asks about that day; Esc with no change leaves
/// without asking; kept as a draft, `e` on the entry goes on with it; saved, the status names
/// the entry; discarded from home, the entry is said to stay.
#[test]
fn an_edit_asks_of_that_day_leaves_quietly_unchanged_and_goes_on_with_e() {
    let mut app = app_at_home();
    press_settled(&mut app, "r Enter e");
    shows(
        &mut app,
        &["to your partner that day?"],
        &["partner today?"],
    );
    let out = esc_asks_nothing(&mut app);
    assert!(matches!(app.top(), Screen::ReviewEntry(_)));
    assert!(effects(&out).contains(&&Effect::DiscardDraft));
    settle(&mut app, out);
    assert!(app.session.pending_draft.is_none());

    // Changed and kept as a draft: the status says how to go on, and `e` does.
    press_settled(&mut app, "e");
    let mood = mood(&app);
    let other = if mood == Some(1) { "2" } else { "1" };
    press(&mut app, other);
    press_settled(&mut app, "Esc s");
    assert!(matches!(app.top(), Screen::ReviewEntry(_)));
    assert!(
        info(&app).is_some_and(|t| t.contains("Press e on it")),
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
    press_settled(&mut app, "Ctrl-s");
    assert_eq!(
        app.status,
        Some(Status::Info(format!(
            "Your changes to the entry of {date} are saved. ✓"
        )))
    );

    // Kept again, then discarded from home: the entry stays.
    press_settled(&mut app, "e");
    press(&mut app, if other == "1" { "2" } else { "1" });
    press_settled(&mut app, "Esc s");
    press(&mut app, "Esc Esc");
    assert!(is_home(&app));
    press(&mut app, "c d");
    assert_eq!(question(&app), Some(Question::DiscardDraft));
    shows(&mut app, &["stays as it was saved"], &["gone for good"]);
    press_settled(&mut app, "y");
    assert!(
        info(&app).is_some_and(|t| t.contains("the entry of") && t.contains("as it was")),
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
        press_settled(&mut app, "Ctrl-s");
        app.session.now += chrono::Duration::minutes(5);
    }
    press(&mut app, "c");
    shows(&mut app, &["this will be the third entry"], &[]);
    press(&mut app, "Esc");

    let mut app = empty_at_summary();
    let line = footer(&mut app);
    assert!(!line.contains("Enter save"), "{line}");
    press(&mut app, "Esc");

    let mut app = app_at_home();
    press(&mut app, "c 4");
    let later = app.session.now + chrono::Duration::days(1);
    app.tick(later);
    press_settled(&mut app, "Ctrl-s");
    assert!(
        info(&app).is_some_and(|t| t.contains("saved to Sunday 22 November")),
        "{:?}",
        app.status
    );
}
