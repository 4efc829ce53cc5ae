use super::*;
use crate::journal::entry::thin_vec;
use crate::journal::insights::{self, Window};
use crate::journal::test_support::{catalog_trigger, logged, strategy};
use crate::journal::{EntryId, Mood};

fn at(s: &str) -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339(s).unwrap()
}

/// A check-in at `when` with a mood, a trigger of `strength` and a strategy tried.
fn entry(when: &str, n: u32, mood: u8, strength: Option<u8>) -> Entry {
    let mut e = Entry::new(EntryId::generate(at(when), n), at(when));
    e.mood = Mood::try_from(mood).ok();
    e.triggers = thin_vec![logged(catalog_trigger("anxiety"), strength, "")];
    e.strategies = thin_vec![strategy("take-it-slow", true, Some(true), Some(4))];
    e
}

/// Issue 35: the card's figures for a week equal insights' over the same seven days, and a
/// day with two check-ins shows both in its averages and its count.
#[test]
fn the_week_cards_figures_equal_insights_over_the_same_seven_days() {
    let mut entries = vec![
        entry("2026-11-29T20:00:00+00:00", 1, 2, Some(3)),
        entry("2026-11-30T08:00:00+00:00", 2, 4, Some(2)),
        entry("2026-11-30T21:00:00+00:00", 3, 3, Some(5)),
        entry("2026-12-02T21:00:00+00:00", 4, 1, None),
        entry("2026-12-06T21:00:00+00:00", 5, 5, Some(1)),
        entry("2026-12-07T21:00:00+00:00", 6, 2, Some(1)),
    ];
    entries.sort_by(Entry::order);
    let card = WeekCard::of(&entries, "2026-12-03".parse().unwrap(), Weekday::Mon);
    assert_eq!(card.starts, "2026-11-30".parse::<NaiveDate>().unwrap());
    let window = Window {
        from: card.starts,
        to: "2026-12-06".parse().unwrap(),
    };
    let days = insights::days(&entries, window);
    for day in &days {
        let d = usize::try_from((day.date - card.starts).num_days()).unwrap();
        for (s, scale) in Scale::ALL.iter().enumerate() {
            assert_eq!(card.averages[d][s], day.scales[*scale], "{}", day.date);
        }
    }
    let row = |kind: &RowKind| card.rows.iter().find(|r| r.kind == *kind).unwrap();
    assert_eq!(
        row(&RowKind::CheckIns).cells[0],
        "2",
        "two check-ins on Monday"
    );
    assert_eq!(row(&RowKind::Scale(Scale::Mood)).cells[0], "3.5");
    let anxiety = RowKind::Trigger(catalog_trigger("anxiety"));
    assert_eq!(
        row(&anxiety).cells,
        ["5", "", "✓", "", "", "", "1"].map(String::from),
        "the strongest of a day; ✓ without a strength; Sunday the 6th is the last day"
    );
    assert_eq!(
        row(&RowKind::Strategy("take-it-slow".into())).cells[2],
        "✓4"
    );
    assert!(!card.is_empty());
    let empty = WeekCard::of(&entries, "2026-10-01".parse().unwrap(), Weekday::Mon);
    assert!(empty.is_empty() && empty.review.is_none());
}

#[test]
fn the_review_of_a_week_is_the_newest_written_about_it() {
    let mut a = entry("2026-12-06T21:00:00+00:00", 1, 3, None);
    a.week_reviews.push(WeekReview {
        week: "2026-11-30".parse().unwrap(),
        went_well: "first".into(),
        ..WeekReview::default()
    });
    let mut b = entry("2026-12-07T09:00:00+00:00", 2, 3, None);
    b.week_reviews.push(WeekReview {
        week: "2026-11-30".parse().unwrap(),
        went_well: "second".into(),
        ..WeekReview::default()
    });
    let card = WeekCard::of(&[a, b], "2026-12-01".parse().unwrap(), Weekday::Mon);
    assert_eq!(card.review.unwrap().went_well, "second");
}
