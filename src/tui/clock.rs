//! The local time, read in one place (the event loop and the signal handler; screens and the
//! app get time as data).

use chrono::{DateTime, FixedOffset, Local};

/// The local time now, with its offset.
pub(super) fn now() -> DateTime<FixedOffset> {
    Local::now().fixed_offset()
}
