//! The figures of when against a naive reference over seeded journals, and the rules on
//! small numbers.

use chrono::{DateTime, Days, NaiveDate};

use super::*;
use crate::journal::insights::days;
use crate::journal::{Closeness, EntryId, Mood, Scale};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// An entry on `date` written at `hour`, with a mood and a closeness (0 = not given) and tags.
fn entry(date: NaiveDate, hour: u32, mood: u8, close: u8, tags: &[&str], n: u32) -> Entry {
    let at = DateTime::parse_from_rfc3339(&format!("{date}T{hour:02}:30:00+02:00")).unwrap();
    let mut e = Entry::new(EntryId::generate(at, n), at);
    e.mood = (mood > 0).then(|| Mood::try_from(mood).unwrap());
    e.closeness = (close > 0).then(|| Closeness::try_from(close).unwrap());
    e.tags = tags.iter().map(|t| (*t).to_owned()).collect();
    e
}

/// `n` days from 2026-03-02 (a Monday), each with none to three check-ins at any hour,
/// values sometimes missing, and tags from a few (some written twice), from a number stream.
fn journal(n: u64, seed: u64) -> Vec<Entry> {
    let mut s = seed;
    let mut next = move |m: u64| {
        s = s
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        u32::try_from((s >> 33) % m).unwrap()
    };
    let pool = ["work", "family", "rest", "Work", "travel"];
    let mut out = Vec::new();
    for d in 0..n {
        let date = day("2026-03-02") + Days::new(d);
        for k in 0..next(4) {
            let mut tags: Vec<&str> = Vec::new();
            for _ in 0..next(3) {
                tags.push(pool[next(5) as usize]);
            }
            out.push(entry(
                date,
                next(24),
                u8::try_from(next(6)).unwrap(),
                u8::try_from(next(6)).unwrap(),
                &tags,
                u32::try_from(d).unwrap() * 4 + k,
            ));
        }
    }
    out
}

fn mean(v: &[f64]) -> Option<f64> {
    (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() < 1e-9,
        (a, b) => a == b,
    }
}

fn value(e: &Entry, s: Scale) -> Option<f64> {
    s.of(e).map(|v| f64::from(v.get()))
}

/// Weekdays, times of day and tags against a naive count: every day of the window looked at
/// on its own, for several journals, windows and week starts.
#[test]
fn when_matches_a_naive_count() {
    for seed in 0..12 {
        let entries = journal(150, seed);
        let window = Window {
            from: day("2026-03-20"),
            to: day("2026-07-15"),
        };
        let starts = [Weekday::Mon, Weekday::Sun, Weekday::Sat][seed as usize % 3];
        let got = when(&entries, window, starts);
        let all_days = days(&entries, window);
        let inside: Vec<&Entry> = entries.iter().filter(|e| window.contains(e.date)).collect();

        // Weekdays: in order from the week's start, each its days' averages.
        assert_eq!(got.weekdays.len(), 7);
        assert_eq!(got.weekdays[0].of, starts);
        for slot in &got.weekdays {
            let mine: Vec<&Day> = all_days
                .iter()
                .filter(|d| d.date.weekday() == slot.of)
                .collect();
            assert_eq!(slot.days as usize, mine.len());
            let check_ins = inside
                .iter()
                .filter(|e| e.date.weekday() == slot.of)
                .count();
            assert_eq!(slot.check_ins as usize, check_ins);
            for s in Scale::ALL {
                let v: Vec<f64> = mine.iter().filter_map(|d| d.scales[*s]).collect();
                assert_eq!(slot.scales[*s].days as usize, v.len());
                assert!(close(slot.scales[*s].average, mean(&v)), "{seed} {slot:?}");
            }
        }

        // Times of day: each day's check-ins written then, averaged for the day, then over
        // the days.
        assert_eq!(got.dayparts.len(), 4);
        for slot in &got.dayparts {
            let mut days_in = 0;
            let mut check_ins = 0;
            for s in Scale::ALL {
                let mut per_day = Vec::new();
                for d in &all_days {
                    let es: Vec<&&Entry> = inside
                        .iter()
                        .filter(|e| e.date == d.date && Daypart::of(e.created_at.hour()) == slot.of)
                        .collect();
                    if *s == Scale::ALL[0] && !es.is_empty() {
                        days_in += 1;
                        check_ins += es.len();
                    }
                    let v: Vec<f64> = es.iter().filter_map(|e| value(e, *s)).collect();
                    per_day.extend(mean(&v));
                }
                assert_eq!(slot.scales[*s].days as usize, per_day.len());
                assert!(close(slot.scales[*s].average, mean(&per_day)), "{slot:?}");
            }
            assert_eq!(slot.days, days_in);
            assert_eq!(slot.check_ins as usize, check_ins);
        }
        let parts: u32 = got.dayparts.iter().map(|s| s.check_ins).sum();
        assert_eq!(parts as usize, inside.len());

        // Tags: days with the tag against the other days, each day's average once.
        let mut names: Vec<&str> = inside
            .iter()
            .flat_map(|e| &e.tags)
            .map(String::as_str)
            .collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(got.tags.len(), names.len());
        for t in &got.tags {
            let count = inside.iter().filter(|e| e.tags.contains(&t.tag)).count();
            assert_eq!(t.count as usize, count, "{}", t.tag);
            for s in Scale::ALL {
                let (mut with, mut without) = (Vec::new(), Vec::new());
                for d in &all_days {
                    let Some(v) = d.scales[*s] else { continue };
                    let tagged = inside
                        .iter()
                        .any(|e| e.date == d.date && e.tags.contains(&t.tag));
                    if tagged { &mut with } else { &mut without }.push(v);
                }
                let c = t.scales[*s];
                assert_eq!(c.days_with as usize, with.len());
                assert_eq!(c.days_without as usize, without.len());
                assert!(close(c.with, mean(&with)) && close(c.without, mean(&without)));
            }
        }
        for pair in got.tags.windows(2) {
            assert!(
                pair[0].count > pair[1].count
                    || (pair[0].count == pair[1].count && pair[0].tag < pair[1].tag),
                "most first, ties by name: {} {}",
                pair[0].tag,
                pair[1].tag
            );
        }
    }
}

#[test]
fn the_parts_of_the_day_are_cut_at_five_twelve_seventeen_and_twenty_two() {
    let parts: Vec<Daypart> = (0..24).map(Daypart::of).collect();
    use Daypart::*;
    assert_eq!(parts[4], Night);
    assert_eq!(parts[5], Morning);
    assert_eq!(parts[11], Morning);
    assert_eq!(parts[12], Afternoon);
    assert_eq!(parts[16], Afternoon);
    assert_eq!(parts[17], Evening);
    assert_eq!(parts[21], Evening);
    assert_eq!(parts[22], Night);
    assert_eq!(parts[0], Night);
}

/// The local hour it was written, not the hour in UTC: 23:30 at +02:00 is night.
#[test]
fn a_check_in_goes_by_the_local_hour_it_was_written() {
    let e = entry(day("2026-03-02"), 23, 3, 3, &[], 1);
    let w = when(
        &[e],
        Window {
            from: day("2026-03-01"),
            to: day("2026-03-31"),
        },
        Weekday::Mon,
    );
    let night = w.dayparts.iter().find(|s| s.of == Daypart::Night).unwrap();
    assert_eq!(night.check_ins, 1);
}

/// Under five days, an average is not shown, and a tag under five days on either side is
/// "not enough data yet" with the days behind it.
#[test]
fn small_numbers_are_said_to_be_small() {
    let mut entries = Vec::new();
    // Four Mondays with a tag, then six Tuesdays without.
    for w in 0..4 {
        entries.push(entry(
            day("2026-03-02") + Days::new(7 * w),
            9,
            2,
            3,
            &["work"],
            u32::try_from(w).unwrap(),
        ));
    }
    for w in 0..6 {
        entries.push(entry(
            day("2026-03-03") + Days::new(7 * w),
            20,
            4,
            0,
            &[],
            10 + u32::try_from(w).unwrap(),
        ));
    }
    let window = Window {
        from: day("2026-03-01"),
        to: day("2026-04-30"),
    };
    let w = when(&entries, window, Weekday::Mon);
    let monday = &w.weekdays[0];
    assert_eq!((monday.of, monday.days), (Weekday::Mon, 4));
    assert_eq!(monday.scales[Scale::Mood].average, Some(2.0));
    assert_eq!(
        monday.scales[Scale::Mood].shown(),
        None,
        "4 days are too few"
    );
    let tuesday = &w.weekdays[1];
    assert_eq!(tuesday.scales[Scale::Mood].shown(), Some(4.0));
    assert_eq!(tuesday.scales[Scale::Closeness].days, 0);
    assert!(!tuesday.enough(), "no closeness given on Tuesdays");
    let morning = &w.dayparts[0];
    assert_eq!((morning.of, morning.days), (Daypart::Morning, 4));
    let work = &w.tags[0];
    assert_eq!((work.tag.as_str(), work.count), ("work", 4));
    assert!(!work.any_enough());
    assert_eq!(
        work.describe(),
        vec![
            "mood and closeness: not enough data yet (mood on 4 days with it and 6 without, \
             closeness on 4 and 0; 5 of each are needed)"
                .to_owned()
        ]
    );
    // A fifth Monday: enough for the Monday average and the mood with the tag.
    entries.push(entry(day("2026-03-30"), 9, 3, 3, &["work"], 99));
    let w = when(&entries, window, Weekday::Mon);
    assert_eq!(w.weekdays[0].scales[Scale::Mood].shown(), Some(2.2));
    assert_eq!(
        w.tags[0].describe()[0],
        "mood 2.2 on 5 days with it, 4.0 on 6 days without"
    );
}

#[test]
fn an_empty_window_has_every_row_and_no_tags() {
    let w = when(
        &[],
        Window {
            from: day("2026-03-01"),
            to: day("2026-03-31"),
        },
        Weekday::Sun,
    );
    assert!(!w.any());
    assert_eq!(w.weekdays.len(), 7);
    assert_eq!(w.weekdays[6].of, Weekday::Sat);
    assert_eq!(w.dayparts.len(), 4);
    assert!(w.tags.is_empty());
}
