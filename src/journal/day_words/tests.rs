use super::*;

/// Monday 30 November 2026.
fn monday() -> NaiveDate {
    day("2026-11-30")
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// What `text` reads as on `today`, as its first and last day.
fn span(text: &str, today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let said = read(text, today).unwrap_or_else(|e| panic!("{text}: {e}"));
    (said.first(), said.last())
}

fn one(text: &str, today: NaiveDate) -> NaiveDate {
    let (first, last) = span(text, today);
    assert_eq!(first, last, "{text} is one day");
    first
}

#[test]
fn the_days_people_say_read_against_today() {
    let today = monday();
    for (text, want) in [
        ("2026-11-28", "2026-11-28"),
        ("2026-1-5", "2026-01-05"),
        ("2026/11/28", "2026-11-28"),
        ("today", "2026-11-30"),
        ("Yesterday", "2026-11-29"),
        ("  yesterday  ", "2026-11-29"),
        ("3 days ago", "2026-11-27"),
        ("2 weeks ago", "2026-11-16"),
        ("1 April 2026", "2026-04-01"),
        ("tomorrow", "2026-12-01"),
        // A weekday alone is the last one, today included; "last" is the one before today.
        ("monday", "2026-11-30"),
        ("this monday", "2026-11-30"),
        ("last monday", "2026-11-23"),
        ("Mon", "2026-11-30"),
        ("sunday", "2026-11-29"),
        ("last sunday", "2026-11-29"),
        ("friday", "2026-11-27"),
        ("last friday", "2026-11-27"),
        ("tuesday", "2026-11-24"),
    ] {
        assert_eq!(one(text, today), day(want), "{text}");
    }
    // From a Wednesday, "monday" is two days back and "last monday" too.
    let wednesday = day("2026-12-02");
    assert_eq!(one("monday", wednesday), day("2026-11-30"));
    assert_eq!(one("last monday", wednesday), day("2026-11-30"));
    assert_eq!(one("yesterday", wednesday), day("2026-12-01"));
}

#[test]
fn months_and_years_are_spans_whose_ends_fit_the_calendar() {
    let today = monday();
    for (text, first, last) in [
        ("2026-11", "2026-11-01", "2026-11-30"),
        ("2026-12", "2026-12-01", "2026-12-31"),
        ("2026-2", "2026-02-01", "2026-02-28"),
        // Leap years: 2024 and 2000 have a 29 February, 1900 does not.
        ("2024-02", "2024-02-01", "2024-02-29"),
        ("2000-02", "2000-02-01", "2000-02-29"),
        ("1900-02", "1900-02-01", "1900-02-28"),
        ("2026-04", "2026-04-01", "2026-04-30"),
        ("2026", "2026-01-01", "2026-12-31"),
        ("2024", "2024-01-01", "2024-12-31"),
        ("this month", "2026-11-01", "2026-11-30"),
        ("last month", "2026-10-01", "2026-10-31"),
        ("this year", "2026-01-01", "2026-12-31"),
        ("last year", "2025-01-01", "2025-12-31"),
        ("november", "2026-11-01", "2026-11-30"),
        ("feb", "2026-02-01", "2026-02-28"),
        // A month to come this year is last year's.
        ("december", "2025-12-01", "2025-12-31"),
        ("nov 2025", "2025-11-01", "2025-11-30"),
        ("February 2024", "2024-02-01", "2024-02-29"),
    ] {
        assert_eq!(span(text, today), (day(first), day(last)), "{text}");
    }
    // Last month from the 31st of March is February, leap or not.
    assert_eq!(
        span("last month", day("2024-03-31")),
        (day("2024-02-01"), day("2024-02-29"))
    );
    assert_eq!(
        span("last month", day("2027-01-15")),
        (day("2026-12-01"), day("2026-12-31"))
    );
}

#[test]
fn from_to_and_one_day_take_the_right_end_and_refuse_what_makes_no_sense() {
    let today = monday();
    assert_eq!(first_day("2026-11", today), Ok(day("2026-11-01")));
    assert_eq!(last_day("2026-11", today), Ok(day("2026-11-30")));
    assert_eq!(last_day("2026-10", today), Ok(day("2026-10-31")));
    // The month or year going on ends today: its days to come hold nothing yet.
    assert_eq!(
        last_day("2026-11", day("2026-11-15")),
        Ok(day("2026-11-15"))
    );
    assert_eq!(last_day("this year", today), Ok(today));
    assert_eq!(last_day("2026-12", today), Ok(day("2026-12-31")));
    // A day is taken as said.
    assert_eq!(last_day("2026-12-24", today), Ok(day("2026-12-24")));
    assert_eq!(first_day("yesterday", today), Ok(day("2026-11-29")));
    assert_eq!(past_day("yesterday", today), Ok(day("2026-11-29")));
    assert_eq!(past_day("today", today), Ok(today));
    assert_eq!(past_day("2024-02-29", today), Ok(day("2024-02-29")));

    let e = first_day("2026-12", today).unwrap_err();
    assert!(matches!(e, DayError::Future { .. }), "{e:?}");
    let e = past_day("tomorrow", today).unwrap_err().to_string();
    assert_eq!(
        e,
        "'tomorrow' is Tuesday 1 December 2026, after today (Monday 30 November): that day has \
         not come yet"
    );
    let e = past_day("next friday", today).unwrap_err().to_string();
    assert!(e.ends_with("for the one before, say last friday"), "{e}");
    let e = past_day("2026-11", today).unwrap_err().to_string();
    assert_eq!(
        e,
        "'2026-11' is more than one day: give one day, like 2026-11-30 or yesterday"
    );
}

#[test]
fn what_is_not_understood_is_named_with_examples_that_work() {
    let today = monday();
    let e = read("lst monday", today).unwrap_err().to_string();
    assert_eq!(
        e,
        "could not read 'lst monday' as a date ('lst' was not understood): try 2026-11-30, \
         yesterday, last monday, 3 days ago, 2026-11"
    );
    for text in [
        "",
        "  ",
        "30",
        "0",
        "soon",
        "a week ago",
        "two days ago",
        "11-30",
    ] {
        let e = read(text, today).unwrap_err();
        assert!(matches!(e, DayError::NotUnderstood { .. }), "{text}: {e:?}");
        assert!(e.to_string().contains("try 2026-11-30, yesterday"), "{e}");
    }
    let e = read("2026-02-30", today).unwrap_err().to_string();
    assert_eq!(
        e,
        "'2026-02-30' is not a date on the calendar (February 2026 has 28 days): try \
         2026-11-30, yesterday, last monday, 3 days ago, 2026-11"
    );
    let e = read("2026-13", today).unwrap_err();
    assert!(matches!(e, DayError::NoSuchDay { .. }), "{e:?}");
    let e = read("2026-13-01", today).unwrap_err();
    assert!(matches!(e, DayError::NoSuchDay { .. }), "{e:?}");
    // 2024 is a leap year, 2026 is not.
    assert!(read("2024-02-29", today).is_ok());
    assert!(read("2026-02-29", today).is_err());
    let e = read("04/01/2026", today).unwrap_err().to_string();
    assert_eq!(
        e,
        "'04/01/2026' could be day/month or month/day: write the year first, like 2026-11-30"
    );
}
