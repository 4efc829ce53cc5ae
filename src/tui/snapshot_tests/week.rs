//! The week card: an empty week, a full week (a year of check-ins, several a day), scrolled,
//! and its review, at 80×24 and 160×48; and the review written from it.

use super::*;
use crate::tui::test_support::{app_opened, generated_year};

#[test]
fn the_week_card_empty_full_and_scrolled_at_80x24_and_160x48() {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut app = app_at_home();
        press(&mut app, "w");
        // The fixture's journal ends the day before: this week holds it.
        assert_drawn!(format!("week_card_this_week_{w}x{h}"), &mut app, w, h);
        let mut app = app_opened(generated_year(), Action::OpenWeek);
        assert_drawn!(format!("week_card_full_{w}x{h}"), &mut app, w, h);
        press(
            &mut app,
            "[ Down Down Down Down Down Down Down Down Down Down Down Down",
        );
        assert_drawn!(format!("week_card_scrolled_{w}x{h}"), &mut app, w, h);
        for _ in 0..60 {
            press(&mut app, "[");
        }
        assert_drawn!(format!("week_card_empty_{w}x{h}"), &mut app, w, h);
    }
}

#[test]
fn the_weeks_review_is_written_from_the_card_and_shown_on_it() {
    let mut app = app_opened(generated_year(), Action::OpenWeek);
    let starts = match app.top() {
        Screen::WeekCard(s) => s.card.starts,
        _ => panic!("not the week card"),
    };
    press(&mut app, "e");
    typed(&mut app, "we walked on Sunday");
    press(&mut app, "Down Down");
    typed(&mut app, "I go quiet when I am tired");
    let out = press(&mut app, "Ctrl-s");
    let saved = out
        .iter()
        .find_map(|r| match &r.effect {
            crate::tui::effect::Effect::SaveCheckIn(d) => Some(d.finish(d.started_at)),
            _ => None,
        })
        .expect("saved");
    assert_eq!(saved.week_reviews.len(), 1);
    assert_eq!(saved.week_reviews[0].week, starts);
    assert_eq!(saved.week_reviews[0].learned, "I go quiet when I am tired");
    crate::tui::test_support::settle(&mut app, out);
    let text = crate::tui::test_support::draw(&mut app, 80, 24)
        .backend()
        .to_string();
    assert!(text.contains("The week in review"), "{text}");
    assert!(
        text.contains("What went well: we walked on Sunday"),
        "{text}"
    );
    assert_drawn!("week_card_reviewed_80x24", &mut app, 80, 24);
}

/// Issue 35: the same week a month and a year ago shows under the card only when chosen in
/// settings (off by default: some find it helps, some find it painful).
#[test]
fn a_month_and_a_year_ago_only_when_chosen_at_80x24_and_160x48() {
    let mut app = app_opened(generated_year(), Action::OpenWeek);
    let text = crate::tui::test_support::draw(&mut app, 80, 24)
        .backend()
        .to_string();
    assert!(!text.contains("A month ago"), "off by default: {text}");
    let mut app = app_at_home();
    crate::tui::test_support::load(&mut app, generated_year(), true, 0);
    app.session.prefs.week_card_past = true;
    press(&mut app, "w");
    let text = crate::tui::test_support::draw(&mut app, 80, 24)
        .backend()
        .to_string();
    assert!(
        text.contains("A month ago (week of 19 October 2026):"),
        "{text}"
    );
    assert!(
        text.contains("A year ago (week of 17 November 2025):"),
        "{text}"
    );
    assert_drawn!("week_card_past_80x24", &mut app, 80, 24);
    assert_drawn!("week_card_past_160x48", &mut app, 160, 48);
}
