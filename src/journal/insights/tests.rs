//! Every figure against small journals worked out by hand.

use crate::journal::entry::thin_vec;
use chrono::{DateTime, FixedOffset};

use super::*;
use crate::journal::test_support::strategy;
use crate::journal::{Closeness, EntryId, Intensity, Mood, Name, TriggerLog};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

/// An entry on `day` at noon with a mood and a closeness (0 = not given).
fn e(day: &str, mood: u8, close: u8) -> Entry {
    let t = at(&format!("{day}T12:00:00+00:00"));
    let mut x = Entry::new(
        EntryId::generate(t, u32::from(mood) * 10 + u32::from(close)),
        t,
    );
    x.mood = (mood > 0).then(|| Mood::try_from(mood).unwrap());
    x.closeness = (close > 0).then(|| Closeness::try_from(close).unwrap());
    x
}

fn with_trigger(mut x: Entry, id: &str, intensity: Option<u8>) -> Entry {
    x.triggers.push(TriggerLog {
        trigger: TriggerRef::Id(Name::try_from(id).unwrap()),
        intensity: intensity.map(|i| Intensity::try_from(i).unwrap()),
        note: String::new(),
        extra: Default::default(),
    });
    x
}

fn window(from: &str, to: &str) -> Window {
    Window {
        from: d(from),
        to: d(to),
    }
}

#[test]
fn several_check_ins_a_day_are_averaged_and_missing_values_left_out() {
    let entries = vec![
        e("2026-11-01", 2, 4),
        e("2026-11-01", 4, 0),
        e("2026-11-03", 0, 0),
    ];
    let days = days(&entries, window("2026-11-01", "2026-11-30"));
    assert_eq!(
        days.len(),
        2,
        "a day without a check-in is a gap, not a zero"
    );
    assert_eq!(days[0].entries, 2);
    assert_eq!(days[0].scales[crate::journal::Scale::Mood], Some(3.0));
    assert_eq!(
        days[0].scales[crate::journal::Scale::Closeness],
        Some(4.0),
        "the entry without closeness does not count"
    );
    assert_eq!(
        (
            days[1].scales[crate::journal::Scale::Mood],
            days[1].scales[crate::journal::Scale::Closeness]
        ),
        (None, None)
    );
}

#[test]
fn weekly_averages_follow_the_week_start_and_skip_empty_weeks() {
    // Sun 1 Nov, Mon 2 Nov, Sun 8 Nov 2026; nothing in the week of 16 Nov; Mon 23 Nov.
    let entries = vec![
        e("2026-11-01", 1, 1),
        e("2026-11-02", 3, 3),
        e("2026-11-08", 5, 5),
        e("2026-11-23", 4, 2),
    ];
    let ds = days(&entries, window("2026-11-01", "2026-11-30"));
    let monday = weeks(&ds, Weekday::Mon);
    let starts: Vec<NaiveDate> = monday.iter().map(|w| w.start).collect();
    assert_eq!(starts, [d("2026-10-26"), d("2026-11-02"), d("2026-11-23")]);
    assert_eq!(
        monday[1].scales[crate::journal::Scale::Mood],
        Some(4.0),
        "2 Nov and 8 Nov are one Monday-week"
    );
    let sunday = weeks(&ds, Weekday::Sun);
    assert_eq!(sunday[0].start, d("2026-11-01"));
    assert_eq!(
        sunday[0].scales[crate::journal::Scale::Mood],
        Some(2.0),
        "1 and 2 Nov are one Sunday-week"
    );
}

#[test]
fn monthly_averages_average_the_days_and_skip_empty_months() {
    let entries = vec![
        e("2026-09-30", 1, 1),
        e("2026-09-01", 3, 5),
        e("2026-11-02", 4, 2),
        e("2026-11-30", 2, 4),
    ];
    let ds = days(&entries, window("2026-09-01", "2026-11-30"));
    let m = months(&ds);
    let starts: Vec<NaiveDate> = m.iter().map(|w| w.start).collect();
    assert_eq!(
        starts,
        [d("2026-09-01"), d("2026-11-01")],
        "October is a gap"
    );
    assert_eq!(
        (
            m[0].scales[crate::journal::Scale::Mood],
            m[0].scales[crate::journal::Scale::Closeness]
        ),
        (Some(2.0), Some(3.0))
    );
    assert_eq!(
        (
            m[1].scales[crate::journal::Scale::Mood],
            m[1].scales[crate::journal::Scale::Closeness]
        ),
        (Some(3.0), Some(3.0))
    );
}

#[test]
fn a_week_at_a_glance_has_every_day_newest_first_with_its_triggers_strongest_first() {
    let entries = vec![
        with_trigger(e("2026-11-20", 2, 2), "anxiety", Some(2)),
        with_trigger(e("2026-11-20", 4, 4), "past-hurt", Some(5)),
        with_trigger(e("2026-11-20", 3, 3), "anxiety", Some(4)),
        e("2026-11-14", 5, 5),
        e("2026-11-22", 1, 1),
    ];
    let week = glance(&entries, d("2026-11-22"), 7);
    let dates: Vec<NaiveDate> = week.iter().map(|g| g.day.date).collect();
    assert_eq!(dates.len(), 7);
    assert_eq!(dates[0], d("2026-11-22"));
    assert_eq!(
        dates[6],
        d("2026-11-16"),
        "the 14th is outside the seven days"
    );
    let friday = &week[2];
    assert_eq!(friday.day.entries, 3);
    assert_eq!(friday.day.scales[crate::journal::Scale::Mood], Some(3.0));
    assert_eq!(
        friday.triggers,
        [
            TriggerRef::Id(Name::try_from("past-hurt").unwrap()),
            TriggerRef::Id(Name::try_from("anxiety").unwrap())
        ],
        "each once, the strongest first"
    );
    assert_eq!(week[1].day.entries, 0, "a day without a check-in is there");
    assert!(week[1].triggers.is_empty());
}

#[test]
fn the_under_five_days_rule() {
    // Anxiety on 4 days with mood 1; 6 days without, mood 4.
    let mut entries = Vec::new();
    for day in 1..=4 {
        entries.push(with_trigger(
            e(&format!("2026-11-{day:02}"), 1, 2),
            "anxiety",
            Some(4),
        ));
    }
    for day in 5..=10 {
        entries.push(e(&format!("2026-11-{day:02}"), 4, 5));
    }
    let i = compute(
        &entries,
        window("2026-11-01", "2026-11-30"),
        d("2026-11-10"),
        Weekday::Mon,
    );
    let t = &i.triggers[0];
    assert_eq!(t.count, 4);
    assert_eq!(t.intensity, Some(4.0));
    assert_eq!(
        (
            t.scales[crate::journal::Scale::Mood].days_with,
            t.scales[crate::journal::Scale::Mood].days_without
        ),
        (4, 6)
    );
    assert_eq!(
        (
            t.scales[crate::journal::Scale::Mood].with,
            t.scales[crate::journal::Scale::Mood].without
        ),
        (Some(1.0), Some(4.0))
    );
    assert!(
        !t.scales[crate::journal::Scale::Mood].enough(),
        "4 days with it is not enough"
    );
    // A fifth day makes it a finding.
    entries.push(with_trigger(e("2026-11-11", 2, 2), "anxiety", None));
    let i = compute(
        &entries,
        window("2026-11-01", "2026-11-30"),
        d("2026-11-11"),
        Weekday::Mon,
    );
    let t = &i.triggers[0];
    assert!(t.scales[crate::journal::Scale::Mood].enough());
    assert_eq!(t.scales[crate::journal::Scale::Mood].with, Some(6.0 / 5.0));
    assert_eq!(t.intensity, Some(4.0), "a missing intensity is not a zero");
    assert_eq!(t.scales[crate::journal::Scale::Closeness].days_with, 5);
}

#[test]
fn a_day_counts_once_with_a_trigger_even_with_two_entries() {
    let entries = vec![
        with_trigger(e("2026-11-01", 1, 1), "anxiety", None),
        e("2026-11-01", 3, 3),
        e("2026-11-02", 5, 5),
    ];
    let i = compute(
        &entries,
        window("2026-11-01", "2026-11-30"),
        d("2026-11-02"),
        Weekday::Mon,
    );
    let t = &i.triggers[0];
    assert_eq!(t.count, 1);
    assert_eq!(
        (
            t.scales[crate::journal::Scale::Mood].days_with,
            t.scales[crate::journal::Scale::Mood].days_without
        ),
        (1, 1)
    );
    assert_eq!(
        t.scales[crate::journal::Scale::Mood].with,
        Some(2.0),
        "the whole day's average"
    );
}

#[test]
fn ties_are_broken_by_name() {
    let entries = vec![
        with_trigger(e("2026-11-01", 3, 3), "past-hurt", None),
        with_trigger(e("2026-11-02", 3, 3), "anxiety", None),
    ];
    let i = compute(
        &entries,
        window("2026-11-01", "2026-11-30"),
        d("2026-11-02"),
        Weekday::Mon,
    );
    let order: Vec<String> = i
        .triggers
        .iter()
        .map(|t| trigger_sort_key(&t.trigger))
        .collect();
    assert_eq!(order, ["anxiety", "past-hurt"]);
    assert_eq!(
        ranked(["b", "a", "b", "c", "a"].into_iter()),
        [("a".into(), 2), ("b".into(), 2), ("c".into(), 1)]
    );
}

#[test]
fn strategies_reactions_and_emotions() {
    let mut a = e("2026-11-01", 3, 3);
    a.strategies.push(strategy("walk", true, None, None));
    a.emotions = thin_vec!["lonely".into(), "tired".into()];
    a.behaviours = thin_vec![Name::try_from("terse-talk").unwrap()];
    let mut b = e("2026-11-02", 3, 3);
    b.strategies
        .push(strategy("walk", false, Some(true), Some(4)));
    b.strategies.push(strategy("talk", true, None, None));
    b.emotions = thin_vec!["lonely".into()];
    b.behaviours = thin_vec![
        Name::try_from("terse-talk").unwrap(),
        Name::try_from("going-quiet").unwrap(),
    ];
    let i = compute(
        &[a, b],
        window("2026-11-01", "2026-11-30"),
        d("2026-11-02"),
        Weekday::Mon,
    );
    assert_eq!(
        i.strategies[0],
        StrategyStat {
            id: "walk".into(),
            planned: 1,
            tried: 1,
            helpfulness: Some(4.0)
        }
    );
    assert_eq!(
        i.strategies[1],
        StrategyStat {
            id: "talk".into(),
            planned: 1,
            tried: 0,
            helpfulness: None
        }
    );
    assert_eq!(i.reactions[0], ("terse-talk".into(), 2));
    assert_eq!(i.emotions, [("lonely".into(), 2), ("tired".into(), 1)]);
}

#[test]
fn the_window_limits_everything_but_streaks() {
    let entries = vec![
        e("2026-10-30", 1, 1),
        e("2026-10-31", 1, 1),
        e("2026-11-01", 5, 5),
    ];
    let i = compute(
        &entries,
        window("2026-11-01", "2026-11-30"),
        d("2026-11-01"),
        Weekday::Mon,
    );
    assert_eq!((i.entries, i.days_checked_in), (1, 1));
    assert_eq!(i.scales[crate::journal::Scale::Mood], Some(5.0));
    assert_eq!(
        (i.current_streak, i.longest_streak),
        (3, 3),
        "streaks cross the month end"
    );
    let all = Window::all(&entries, d("2026-11-01"));
    assert_eq!((all.from, all.days()), (d("2026-10-30"), 3));
    assert_eq!(Window::last(30, d("2026-11-30")).from, d("2026-11-01"));
}

#[test]
fn streaks_across_the_year_end() {
    let entries = vec![
        e("2025-12-30", 3, 3),
        e("2025-12-31", 3, 3),
        e("2026-01-01", 3, 3),
    ];
    let i = compute(
        &entries,
        Window::all(&entries, d("2026-01-02")),
        d("2026-01-02"),
        Weekday::Mon,
    );
    assert_eq!(
        (i.current_streak, i.longest_streak),
        (3, 3),
        "alive until 2 Jan ends"
    );
    let i = compute(
        &entries,
        Window::all(&entries, d("2026-01-03")),
        d("2026-01-03"),
        Weekday::Mon,
    );
    assert_eq!(i.current_streak, 0);
}

#[test]
fn an_entry_belongs_to_the_local_day_it_was_written_on() {
    // Written at 23:30 in UTC−8: 07:30 the next day in UTC. It counts on its own day.
    let t = at("2026-11-01T23:30:00-08:00");
    let mut late = Entry::new(EntryId::generate(t, 1), t);
    late.mood = Some(Mood::try_from(2u8).unwrap());
    assert_eq!(late.date, d("2026-11-01"));
    let i = compute(
        &[late],
        window("2026-11-01", "2026-11-01"),
        d("2026-11-01"),
        Weekday::Mon,
    );
    assert_eq!(i.days_checked_in, 1);
    assert_eq!(i.days[0].date, d("2026-11-01"));
}

#[test]
fn an_empty_journal_has_no_figures() {
    let i = compute(
        &[],
        Window::last(30, d("2026-11-22")),
        d("2026-11-22"),
        Weekday::Mon,
    );
    assert_eq!(
        (
            i.entries,
            i.scales[crate::journal::Scale::Mood],
            i.current_streak
        ),
        (0, None, 0)
    );
    assert!(i.triggers.is_empty() && i.weeks.is_empty());
}

#[test]
fn month_grids() {
    // November 2026 starts on a Sunday.
    let mon = month_grid(2026, 11, Weekday::Mon);
    assert_eq!(mon.len(), 6);
    assert_eq!(mon[0][6], Some(d("2026-11-01")));
    assert_eq!(mon[0][5], None);
    assert_eq!(mon[5][0], Some(d("2026-11-30")));
    let sun = month_grid(2026, 11, Weekday::Sun);
    assert_eq!(sun.len(), 5);
    assert_eq!(sun[0][0], Some(d("2026-11-01")));
    // February 2026 starts on a Sunday too: 28 days.
    assert_eq!(month_grid(2026, 2, Weekday::Sun).len(), 4);
    assert!(month_grid(2026, 13, Weekday::Mon).is_empty());
}
