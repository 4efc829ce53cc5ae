//! Streaks: runs of consecutive local days with at least one check-in.

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};

/// The current streak on `today`: the number of consecutive days with a check-in ending today,
/// or ending yesterday when today has no check-in yet (the streak is still alive until the day
/// is over). Days after `today` are ignored.
pub fn current(days: &BTreeSet<NaiveDate>, today: NaiveDate) -> u32 {
    current_by(|d| days.contains(&d), today)
}

/// [`current`], for days given by `checked_in` (a map of counts, say): it asks about as many
/// days as the streak is long, whatever the journal's size.
pub fn current_by(checked_in: impl Fn(NaiveDate) -> bool, today: NaiveDate) -> u32 {
    let start = if checked_in(today) {
        today
    } else {
        match today.checked_sub_days(Days::new(1)) {
            Some(yesterday) if checked_in(yesterday) => yesterday,
            _ => return 0,
        }
    };
    let mut count = 0;
    let mut day = Some(start);
    while let Some(d) = day {
        if !checked_in(d) {
            break;
        }
        count += 1;
        day = d.checked_sub_days(Days::new(1));
    }
    count
}

/// The longest run of consecutive days with a check-in.
pub fn longest(days: &BTreeSet<NaiveDate>) -> u32 {
    longest_of(days.iter().copied())
}

/// [`longest`], for days given in order, each once (a sorted list, say).
pub fn longest_of(days: impl IntoIterator<Item = NaiveDate>) -> u32 {
    let mut best = 0;
    let mut run = 0;
    let mut prev: Option<NaiveDate> = None;
    for d in days {
        run = match prev.and_then(|p| p.checked_add_days(Days::new(1))) {
            Some(next) if next == d => run + 1,
            _ => 1,
        };
        best = best.max(run);
        prev = Some(d);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn set(days: &[&str]) -> BTreeSet<NaiveDate> {
        days.iter().map(|s| d(s)).collect()
    }

    #[test]
    fn empty_journal_has_no_streak() {
        assert_eq!(current(&BTreeSet::new(), d("2026-11-22")), 0);
        assert_eq!(longest(&BTreeSet::new()), 0);
    }

    #[test]
    fn streak_counts_back_from_today() {
        let days = set(&["2026-11-20", "2026-11-21", "2026-11-22"]);
        assert_eq!(current(&days, d("2026-11-22")), 3);
    }

    #[test]
    fn streak_is_alive_until_today_ends() {
        let days = set(&["2026-11-20", "2026-11-21"]);
        assert_eq!(current(&days, d("2026-11-22")), 2);
        assert_eq!(current(&days, d("2026-11-23")), 0);
    }

    #[test]
    fn streak_crosses_month_and_year_ends() {
        let days = set(&["2025-12-30", "2025-12-31", "2026-01-01", "2026-01-02"]);
        assert_eq!(current(&days, d("2026-01-02")), 4);
        let days = set(&["2024-02-28", "2024-02-29", "2024-03-01"]);
        assert_eq!(current(&days, d("2024-03-01")), 3);
        assert_eq!(longest(&days), 3);
    }

    #[test]
    fn a_gap_breaks_the_streak() {
        let days = set(&["2026-11-18", "2026-11-19", "2026-11-21", "2026-11-22"]);
        assert_eq!(current(&days, d("2026-11-22")), 2);
        assert_eq!(longest(&days), 2);
    }

    #[test]
    fn future_days_do_not_count() {
        let days = set(&["2026-11-22", "2026-11-23"]);
        assert_eq!(current(&days, d("2026-11-22")), 1);
    }

    proptest! {
        #[test]
        fn current_matches_a_naive_count(offsets in proptest::collection::btree_set(0u32..60, 0..40), today_off in 0u32..60) {
            let base = d("2026-01-01");
            let days: BTreeSet<NaiveDate> = offsets.iter().map(|o| base + Days::new(u64::from(*o))).collect();
            let today = base + Days::new(u64::from(today_off));
            // naive: try today, else yesterday, and walk back one day at a time
            let mut expected = 0;
            for start in [today_off as i64, today_off as i64 - 1] {
                if start >= 0 && offsets.contains(&(start as u32)) {
                    let mut k = start;
                    while k >= 0 && offsets.contains(&(k as u32)) { expected += 1; k -= 1; }
                    break;
                }
            }
            prop_assert_eq!(current(&days, today), expected);
            prop_assert!(longest(&days) >= current(&days, today));
        }
    }
}
