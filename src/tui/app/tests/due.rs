//! What is due, on home: a line each, only when there is something, following the clock.

use super::*;
use crate::journal::entry::thin_vec;

/// Home over twelve entries, the newest (yesterday's) holding a fear to look back on tomorrow
/// and a strategy planned.
fn with_a_fear_and_a_plan() -> App {
    let mut entries = twelve_entries();
    let tomorrow = crate::tui::test_support::day().succ_opt().unwrap();
    let newest = entries.last_mut().unwrap();
    newest
        .predictions
        .push(crate::journal::test_support::prediction(
            "they will not call",
            tomorrow,
        ));
    newest.strategies = thin_vec![crate::journal::test_support::strategy(
        "take-it-slow",
        true,
        None,
        None,
    )];
    let mut app = crate::tui::test_support::app_unread();
    read_journal(&mut app, entries);
    app
}

#[test]
fn home_says_what_is_due_and_follows_the_clock() {
    let mut app = with_a_fear_and_a_plan();
    let today = app.session.now;
    let text = screen_text(&mut app, 80, 24);
    assert!(!text.contains("to look back on"), "not due yet: {text}");
    assert!(
        text.contains("Planned to try: Let closeness build slowly c"),
        "{text}"
    );
    // The next day.
    app.tick(today + chrono::Duration::days(1));
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("1 fear to look back on c"), "{text}");
    insta::assert_snapshot!("home_due_80x24", draw(&mut app, 80, 24).backend());
    // Looked back on: the line goes.
    let mut entries = app.session.entries().to_vec();
    for p in &mut entries.last_mut().unwrap().predictions {
        p.outcome = Some(crate::journal::test_support::outcome(
            app.session.today,
            crate::journal::PredictionResult::No,
            "",
        ));
    }
    let saved = entries.last().unwrap().clone();
    app.session.upsert(saved);
    let text = screen_text(&mut app, 80, 24);
    assert!(!text.contains("to look back on"), "{text}");
}
