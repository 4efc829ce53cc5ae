//! Dates as people say them: `2026-11-30`, `yesterday`, `last monday`, `3 days ago`, a month
//! (`2026-11`, `november`) or a year (`2026`). The one reader of a typed date, for the
//! command line (`--from`, `--to`, `closer checkin --date`) and the terminal interface's
//! go-to-date. Pure: what "today" is comes in as an argument, so `yesterday` reads the same in a
//! test on any day.
//!
//! The words are read by the `interim` crate; closer reads itself only what interim reads
//! otherwise than a journal means it: months and years (spans, not their first day), weekdays
//! (`monday` is the last Monday, not the next), bare numbers (`30` is not the year 30) and
//! dates with slashes (`04/01/2026` is 4 January in one country and April 1 in another, and a
//! check-in saved on the wrong day is worse than a question).

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// What a date said names: one day, a month, or a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Said {
    /// One day.
    Day(NaiveDate),
    /// A month: its first day.
    Month(NaiveDate),
    /// A year: its first day.
    Year(NaiveDate),
}

impl Said {
    /// Its first day (a day: itself).
    pub fn first(self) -> NaiveDate {
        match self {
            Said::Day(d) | Said::Month(d) | Said::Year(d) => d,
        }
    }

    /// Its last day (a day: itself; a month: the 28th to the 31st; a year: 31 December).
    pub fn last(self) -> NaiveDate {
        let next = match self {
            Said::Day(d) => return d,
            Said::Month(d) => d.checked_add_months(Months::new(1)),
            Said::Year(d) => d.checked_add_months(Months::new(12)),
        };
        next.and_then(|n| n.pred_opt()).unwrap_or(NaiveDate::MAX)
    }
}

/// Why a typed date was not taken. Its text says what was typed, what was not understood,
/// and what works.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DayError {
    /// Nothing in it reads as a date; `part` is the word that stopped the reading, when known.
    #[error("could not read '{text}' as a date{}: try {}", about(part.as_deref()), examples(*today))]
    NotUnderstood {
        /// What was typed.
        text: String,
        /// The part not understood.
        part: Option<String>,
        /// Today, for the examples.
        today: NaiveDate,
    },
    /// The form of a date, but no such day (`2026-02-30`) or month (`2026-13`).
    #[error("'{text}' is not a date on the calendar ({why}): try {}", examples(*today))]
    NoSuchDay {
        /// What was typed.
        text: String,
        /// What is wrong in it ("February 2026 has 28 days").
        why: String,
        /// Today, for the examples.
        today: NaiveDate,
    },
    /// Numbers with slashes, which are day/month in some places and month/day in others.
    #[error(
        "'{text}' could be day/month or month/day: write the year first, like {}",
        today.format("%Y-%m-%d")
    )]
    Ambiguous {
        /// What was typed.
        text: String,
        /// Today, for the example.
        today: NaiveDate,
    },
    /// A day after today where only a day that has come makes sense.
    #[error("'{text}' is {}, after today ({}){}", day.format("%A %-d %B %Y"), today.format("%A %-d %B"), later_hint(text))]
    Future {
        /// What was typed.
        text: String,
        /// The day it reads as.
        day: NaiveDate,
        /// Today.
        today: NaiveDate,
    },
    /// A month or a year where one day is needed.
    #[error("'{text}' is more than one day: give one day, like {} or yesterday", today.format("%Y-%m-%d"))]
    NotOneDay {
        /// What was typed.
        text: String,
        /// Today, for the example.
        today: NaiveDate,
    },
}

impl DayError {
    /// Its text as a sentence, for a status line: "Could not read … 2026-11."
    pub fn sentence(&self) -> String {
        let text = self.to_string();
        let mut chars = text.chars();
        let mut out: String = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        out.push('.');
        out
    }
}

/// `(the part 'x' was not understood)`, or nothing.
fn about(part: Option<&str>) -> String {
    part.map_or_else(String::new, |p| format!(" ('{p}' was not understood)"))
}

/// The forms that work, with today's date in them: `2026-11-30, yesterday, last monday, 3 days
/// ago, 2026-11`.
fn examples(today: NaiveDate) -> String {
    format!(
        "{}, yesterday, last monday, 3 days ago, {}",
        today.format("%Y-%m-%d"),
        today.format("%Y-%m")
    )
}

/// After a future day's message: how to say the one that has passed, when a weekday or
/// "next …" was typed.
fn later_hint(text: &str) -> String {
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    let weekday = words.last().and_then(|w| w.parse::<Weekday>().ok());
    match weekday {
        Some(_) => format!(
            ": that day has not come yet; for the one before, say last {}",
            words.last().map_or("", String::as_str)
        ),
        None => ": that day has not come yet".to_owned(),
    }
}

/// Reads `text` as a date, against `today`: a day (`2026-11-30`, `today`, `yesterday`,
/// `monday` or `this monday` (the last Monday, today if it is one), `last monday` (the one
/// before today), `3 days ago`, `2 weeks ago`, `1 April 2026`…), a month (`2026-11`,
/// `november`, `nov 2025`, `this month`, `last month`) or a year (`2026`, `this year`, `last
/// year`). Case and spaces around words do not matter. A bare month name is its last
/// occurrence (`november` in March is last November).
///
/// # Errors
/// [`DayError::NotUnderstood`], [`DayError::NoSuchDay`] or [`DayError::Ambiguous`], each
/// saying what was typed and what works.
pub fn read(text: &str, today: NaiveDate) -> Result<Said, DayError> {
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    let clean = words.join(" ");
    let not_understood = |part: Option<&str>| DayError::NotUnderstood {
        text: text.trim().to_owned(),
        part: part.map(str::to_owned),
        today,
    };
    if clean.is_empty() {
        return Err(not_understood(None));
    }
    if let Some(said) = numeric(&clean, text, today)? {
        return Ok(said);
    }
    if let Some(said) = spoken(&words, today) {
        return Ok(said);
    }
    if clean.chars().all(|c| c.is_ascii_digit()) {
        // `30` is not the year 30, nor the 30th: a year has four digits.
        return Err(not_understood(None));
    }
    let noon = today
        .and_hms_opt(12, 0, 0)
        .ok_or_else(|| not_understood(None))?
        .and_utc();
    match interim::parse_date_string(&clean, noon, interim::Dialect::Uk) {
        Ok(at) => Ok(Said::Day(at.date_naive())),
        Err(interim::DateError::ExpectedToken(_, span)) => {
            Err(not_understood(clean.get(span).filter(|p| !p.is_empty())))
        }
        Err(_) => Err(not_understood(None)),
    }
}

/// The forms made of numbers: `2026-11-30` (or with slashes, year first), `2026-11`, `2026`;
/// `None` when `clean` is none of them. Slashes with the year last are refused as ambiguous.
fn numeric(clean: &str, text: &str, today: NaiveDate) -> Result<Option<Said>, DayError> {
    let no_such = |why: String| DayError::NoSuchDay {
        text: text.trim().to_owned(),
        why,
        today,
    };
    let parts: Vec<&str> = clean.split(['-', '/']).collect();
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit())
    };
    if !parts.iter().all(|p| digits(p, 1..=4)) {
        return Ok(None);
    }
    if clean.contains('/') && !digits(parts[0], 4..=4) {
        return Err(DayError::Ambiguous {
            text: text.trim().to_owned(),
            today,
        });
    }
    let number = |s: &str| s.parse::<u32>().unwrap_or(0);
    let year = |s: &str| i32::try_from(number(s)).unwrap_or(0);
    match parts.as_slice() {
        [y] if digits(y, 4..=4) => NaiveDate::from_ymd_opt(year(y), 1, 1)
            .map(|d| Some(Said::Year(d)))
            .ok_or_else(|| no_such(format!("year {y}"))),
        [y, m] if digits(y, 4..=4) && digits(m, 1..=2) => {
            NaiveDate::from_ymd_opt(year(y), number(m), 1)
                .map(|d| Some(Said::Month(d)))
                .ok_or_else(|| no_such(format!("there is no month {m}")))
        }
        [y, m, d] if digits(y, 4..=4) && digits(m, 1..=2) && digits(d, 1..=2) => {
            let day = NaiveDate::from_ymd_opt(year(y), number(m), number(d));
            match (day, NaiveDate::from_ymd_opt(year(y), number(m), 1)) {
                (Some(day), _) => Ok(Some(Said::Day(day))),
                (None, Some(first)) => Err(no_such(format!(
                    "{} has {} days",
                    first.format("%B %Y"),
                    Said::Month(first).last().day()
                ))),
                (None, None) => Err(no_such(format!("there is no month {m}"))),
            }
        }
        // Other numbers (`30`, `11-30`) are left to be refused: closer does not guess the
        // year or the month.
        _ => Ok(None),
    }
}

/// The spoken forms closer reads itself: weekdays, month names, and this/last month or
/// year; `None` for any other.
fn spoken(words: &[String], today: NaiveDate) -> Option<Said> {
    let (which, name) = match words {
        [name] => ("this", name.as_str()),
        [which, name] if which == "this" || which == "last" => (which.as_str(), name.as_str()),
        [name, year] => return month_of_year(name, year),
        _ => return None,
    };
    let this_month = today.with_day(1)?;
    match (words.len(), which, name) {
        (2, "this", "month") => return Some(Said::Month(this_month)),
        (2, "last", "month") => {
            return Some(Said::Month(this_month.checked_sub_months(Months::new(1))?));
        }
        (2, "this", "year") => {
            return Some(Said::Year(NaiveDate::from_ymd_opt(today.year(), 1, 1)?));
        }
        (2, "last", "year") => {
            return Some(Said::Year(NaiveDate::from_ymd_opt(today.year() - 1, 1, 1)?));
        }
        _ => {}
    }
    if let Ok(weekday) = name.parse::<Weekday>() {
        // The last such day: today counts for "monday" and "this monday", not for "last monday".
        let back =
            (7 + today.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
        let back = if which == "last" && back == 0 {
            7
        } else {
            back
        };
        return today
            .checked_sub_days(Days::new(u64::from(back)))
            .map(Said::Day);
    }
    if which == "this"
        && let Ok(month) = name.parse::<chrono::Month>()
    {
        // The last such month that has begun: this year's, or last year's if it is to come.
        let number = month.number_from_month();
        let year = if number > today.month() {
            today.year() - 1
        } else {
            today.year()
        };
        return NaiveDate::from_ymd_opt(year, number, 1).map(Said::Month);
    }
    None
}

/// `november 2025`, `nov 2025`: that month.
fn month_of_year(name: &str, year: &str) -> Option<Said> {
    let month = name.parse::<chrono::Month>().ok()?;
    if year.len() != 4 {
        return None;
    }
    let year = year.parse::<i32>().ok()?;
    NaiveDate::from_ymd_opt(year, month.number_from_month(), 1).map(Said::Month)
}

/// The first day of what `text` says (`--from`): a month's first day, a year's 1 January.
///
/// # Errors
/// As [`read`]; [`DayError::Future`] when that day is after `today` (nothing is written from
/// then yet).
pub fn first_day(text: &str, today: NaiveDate) -> Result<NaiveDate, DayError> {
    let day = read(text, today)?.first();
    not_after(text, day, today)
}

/// The last day of what `text` says (`--to`): a month's last day, a year's 31 December; for
/// the month or year going on, today (the days after it hold nothing yet, and would count as
/// days without a check-in). A day is taken as said, after today too.
///
/// # Errors
/// As [`read`].
pub fn last_day(text: &str, today: NaiveDate) -> Result<NaiveDate, DayError> {
    Ok(match read(text, today)? {
        Said::Day(day) => day,
        span if span.first() <= today => span.last().min(today),
        span => span.last(),
    })
}

/// The one day `text` says, today or before (`closer checkin --date`).
///
/// # Errors
/// As [`read`]; [`DayError::NotOneDay`] for a month or a year; [`DayError::Future`] for a day
/// after `today`.
pub fn past_day(text: &str, today: NaiveDate) -> Result<NaiveDate, DayError> {
    match read(text, today)? {
        Said::Day(day) => not_after(text, day, today),
        Said::Month(_) | Said::Year(_) => Err(DayError::NotOneDay {
            text: text.trim().to_owned(),
            today,
        }),
    }
}

/// `day`, unless it is after `today`.
fn not_after(text: &str, day: NaiveDate, today: NaiveDate) -> Result<NaiveDate, DayError> {
    if day > today {
        return Err(DayError::Future {
            text: text.trim().to_owned(),
            day,
            today,
        });
    }
    Ok(day)
}

#[cfg(test)]
mod tests;
