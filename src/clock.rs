//! The local time, read in one place for the whole of closer: the terminal interface's event
//! loop and signal handler, and every command that needs today or now (`status`, `stats`,
//! `report`, `export`, `predictions`, `prompt`, `backup`). Screens and the journal get time as
//! data.

use chrono::{DateTime, Days, Duration, FixedOffset, Local, NaiveDate};

/// Test-only: `CLOSER_TEST_DAYS_AHEAD=N` runs closer's clock N days ahead (time still flows),
/// so an end-to-end test can make a prediction today and see it asked about "tomorrow"
/// (`tests/e2e_pty.rs`). Like `CLOSER_TEST_FAULTS`, never set it for real use.
pub const DAYS_AHEAD: &str = "CLOSER_TEST_DAYS_AHEAD";

/// Test-only: `CLOSER_TEST_MINUTES_AHEAD=N` runs closer's clock N minutes ahead, so an
/// end-to-end test can take a twenty-minute break and see it asked about at once. Never set
/// it for real use.
pub const MINUTES_AHEAD: &str = "CLOSER_TEST_MINUTES_AHEAD";

/// A whole number from the environment variable `name`, when it is set to one above zero.
fn ahead(name: &str) -> Option<u32> {
    std::env::var(name)
        .ok()
        .and_then(|n| n.parse::<u32>().ok())
        .filter(|n| *n > 0)
}

/// The local time now, with its offset.
pub fn now() -> DateTime<FixedOffset> {
    let mut now = Local::now().fixed_offset();
    if let Some(days) = ahead(DAYS_AHEAD) {
        now = now.checked_add_days(Days::new(days.into())).unwrap_or(now);
    }
    if let Some(minutes) = ahead(MINUTES_AHEAD) {
        now = now
            .checked_add_signed(Duration::minutes(minutes.into()))
            .unwrap_or(now);
    }
    now
}

/// The local day now.
pub fn today() -> NaiveDate {
    now().date_naive()
}
