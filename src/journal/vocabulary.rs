//! The small vocabulary of emotion words the check-in offers (people may add their own).

/// Emotion words, heavier ones first, then lighter ones.
pub const EMOTIONS: &[&str] = &[
    "lonely",
    "anxious",
    "hurt",
    "sad",
    "rejected",
    "afraid",
    "angry",
    "frustrated",
    "resentful",
    "jealous",
    "insecure",
    "ashamed",
    "guilty",
    "confused",
    "numb",
    "overwhelmed",
    "tired",
    "restless",
    "distant",
    "hopeful",
    "calm",
    "relieved",
    "grateful",
    "content",
    "loved",
    "close",
    "safe",
    "playful",
];

/// `n` and the word that goes with it: `count(1, "day", "days")` is "1 day", `count(3, …)`
/// "3 days". The one plural helper of the crate (the command line and the screens use it).
pub fn count(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A day in words as seen from `today`: "Saturday 6 December" in the same year, "6 July 2024"
/// in another (an old date says its year).
pub fn day(date: chrono::NaiveDate, today: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    if date.year() == today.year() {
        date.format("%A %-d %B").to_string()
    } else {
        date.format("%-d %B %Y").to_string()
    }
}

#[cfg(test)]
mod count_tests {
    use super::count;

    #[test]
    fn an_old_day_says_its_year() {
        let d = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
        assert_eq!(
            super::day(d("2026-12-05"), d("2026-12-07")),
            "Saturday 5 December"
        );
        assert_eq!(super::day(d("2024-07-06"), d("2026-12-07")), "6 July 2024");
    }

    #[test]
    fn one_and_many() {
        assert_eq!(count(1u32, "day", "days"), "1 day");
        assert_eq!(count(0u32, "day", "days"), "0 days");
        assert_eq!(count(2u64, "entry", "entries"), "2 entries");
    }
}
