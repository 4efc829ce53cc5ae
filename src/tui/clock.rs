//! The local time, read in one place (the event loop and the signal handler; screens and the
//! app get time as data).

use chrono::{DateTime, Days, FixedOffset, Local};

/// Test-only: `CLOSER_TEST_DAYS_AHEAD=N` runs closer's clock N days ahead (time still flows),
/// so an end-to-end test can make a prediction today and see it asked about "tomorrow"
/// (`tests/e2e_pty.rs`). Like `CLOSER_TEST_FAULTS`, never set it for real use.
pub const DAYS_AHEAD: &str = "CLOSER_TEST_DAYS_AHEAD";

/// The local time now, with its offset.
pub(super) fn now() -> DateTime<FixedOffset> {
    let now = Local::now().fixed_offset();
    match std::env::var(DAYS_AHEAD)
        .ok()
        .and_then(|n| n.parse::<u64>().ok())
    {
        Some(days) if days > 0 => now.checked_add_days(Days::new(days)).unwrap_or(now),
        _ => now,
    }
}
