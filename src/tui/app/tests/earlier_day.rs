//! A check-in for an earlier day: chosen on its first step (a day at a time, or typed as
//! people say it), or asked for by `closer checkin --date`; saved for that day, marked as
//! written later.

use super::*;
use chrono::NaiveDate;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The entry the check-in on top saves with Ctrl-S.
fn saved(app: &mut App) -> crate::journal::Entry {
    let out = press(app, "Ctrl-s");
    let [Effect::SaveCheckIn(draft)] = effects(&out)[..] else {
        panic!("{out:?}");
    };
    let entry = draft.finish(app.session.now);
    settle(app, out);
    entry
}

#[test]
fn the_day_above_the_scales_goes_back_a_day_at_a_time_and_never_past_today() {
    let mut app = app_at_home();
    let today = app.session.today;
    assert_eq!(today, day("2026-11-22"));
    press(&mut app, "c");
    assert_eq!(checkin(&app).draft.date, today);
    // ↑ from mood reaches the day; → cannot go past today.
    press(&mut app, "Up Right Right");
    assert_eq!(checkin(&app).draft.date, today);
    assert_eq!(checkin(&app).draft.written_on, None);
    press(&mut app, "Left");
    assert_eq!(checkin(&app).draft.date, day("2026-11-21"));
    assert_eq!(checkin(&app).draft.written_on, Some(today));
    let text = screen_text(&mut app, 80, 24);
    insta::assert_snapshot!("checkin_for_yesterday_80x24", text);
    assert!(text.contains("check-in for 21 Nov"), "{text}");
    // Twelve days before today have an entry each: one more, said as the rule for a second
    // check-in on a day says it.
    assert!(
        text.contains(
            "Yesterday, Saturday 21 November has an entry already: this will be its second."
        ),
        "{text}"
    );
    // Back to today: not written later.
    press(&mut app, "Right");
    assert_eq!(checkin(&app).draft.date, today);
    assert_eq!(checkin(&app).draft.written_on, None);
    // ↓ goes back to the scales, where digits are ratings again.
    press(&mut app, "Left Left Down 4");
    assert_eq!(mood(&app), Some(4));
    let entry = saved(&mut app);
    assert_eq!(
        info(&app),
        Some("Your check-in for Friday 20 November is saved, marked as written later. ✓")
    );
    assert_eq!(entry.date, day("2026-11-20"));
    assert_eq!(entry.written_on, Some(today));
    assert_eq!(entry.schema(), 6);
    // Counted on its own day.
    let journal = app.session.journal.as_ref().unwrap();
    assert_eq!(
        app.session
            .entries()
            .iter()
            .filter(|e| e.date == day("2026-11-20"))
            .count(),
        2
    );
    assert!(
        !journal.checked_in_today,
        "yesterday's entry is not today's"
    );
}

#[test]
fn a_day_typed_as_people_say_it_is_taken_and_one_to_come_is_refused() {
    let mut app = app_at_home();
    press(&mut app, "c Up");
    typed(&mut app, "last friday");
    let text = screen_text(&mut app, 80, 24);
    insta::assert_snapshot!("checkin_typing_a_day_80x24", text);
    press(&mut app, "Enter");
    // Sunday 22 November: last Friday is the 20th.
    assert_eq!(checkin(&app).draft.date, day("2026-11-20"));
    assert_eq!(checkin(&app).step(), Step::Scales, "Enter took the day");
    typed(&mut app, "tomorrow");
    press(&mut app, "Enter");
    assert_eq!(checkin(&app).draft.date, day("2026-11-20"), "unchanged");
    shows(
        &mut app,
        &["'tomorrow' is Monday 23 November 2026, after today"],
        &[],
    );
    // Esc clears what was typed, and stays; Enter with nothing typed is the next step.
    press(&mut app, "Esc");
    assert_eq!(question(&app), None);
    press(&mut app, "Enter");
    assert_eq!(checkin(&app).step(), Step::Emotions);
}

#[test]
fn the_summary_says_it_is_written_later_and_the_questions_ask_about_that_day() {
    let mut app = app_at_home();
    press(&mut app, "c Up Left Down 2 3");
    shows(
        &mut app,
        &["How close do you feel to your partner that day?"],
        &["partner today"],
    );
    press(&mut app, "Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab");
    assert_eq!(checkin(&app).step(), Step::Summary);
    let text = screen_text(&mut app, 80, 24);
    insta::assert_snapshot!("checkin_summary_written_later_80x24", text);
    assert!(
        text.contains("Written later, on Sunday 22 November 2026."),
        "{text}"
    );
}

#[test]
fn closer_checkin_date_opens_the_first_check_in_on_that_day_only() {
    let mut app = app_at_home();
    app.session.check_in_day = Some(day("2026-11-19"));
    press(&mut app, "c");
    assert_eq!(checkin(&app).draft.date, day("2026-11-19"));
    assert_eq!(checkin(&app).draft.written_on, Some(day("2026-11-22")));
    assert_eq!(app.session.check_in_day, None, "let go of once it opened");
    press(&mut app, "4");
    saved(&mut app);
    press(&mut app, "c");
    assert_eq!(
        checkin(&app).draft.date,
        day("2026-11-22"),
        "the next is today's"
    );
}

#[test]
fn an_edit_or_a_record_on_its_own_keeps_its_day_and_has_no_day_row() {
    let mut app = app_at_home();
    press(&mut app, "d");
    shows(&mut app, &[], &["For which day?"]);
    let mut app = app_at_home();
    let entry = app.session.entries()[0].clone();
    let draft = CheckInDraft::editing(&entry, app.session.now);
    app.draft_found(draft, false);
    press(&mut app, "c r");
    assert!(checkin(&app).draft.is_edit());
    shows(
        &mut app,
        &["How close do you feel to your partner that day?"],
        &["For which day?"],
    );
    press(&mut app, "Up Up Left");
    assert_eq!(checkin(&app).draft.date, entry.date);
}

#[test]
fn review_shows_an_entry_written_later_under_its_own_day() {
    let mut entries = twelve_entries();
    let newest = entries.last_mut().unwrap();
    assert_eq!(newest.date, day("2026-11-21"));
    newest.written_on = Some(day("2026-11-22"));
    newest.created_at = "2026-11-22T08:15:00+01:00".parse().unwrap();
    newest.updated_at = newest.created_at;
    newest.mood = crate::journal::Mood::try_from(3u8).ok();
    let mut app = app_at_home();
    read_journal(&mut app, entries);
    press(&mut app, "r");
    let list = screen_text(&mut app, 80, 24);
    assert!(list.contains("▸ later  "), "no time of its day: {list}");
    press(&mut app, "Enter");
    let text = screen_text(&mut app, 80, 24);
    insta::assert_snapshot!("review_entry_written_later_80x24", text);
    assert!(text.contains("Saturday 21 November 2026"), "{text}");
    assert!(!text.contains(" at 08:15"), "{text}");
    assert!(
        text.contains("Written later, on Sunday 22 November 2026."),
        "{text}"
    );
}
