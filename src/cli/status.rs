//! `closer status`: one line for a shell prompt or a reminder; exit 0 when checked in today.
//! Reads only file names, today's file and the small index of open predictions, so it is
//! quick on any journal.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use chrono::NaiveDate;

use crate::journal::DayCounts;
use crate::store::{Layout, Store};

/// Prints the status; returns whether there is a check-in today.
pub fn run(data_dir: &Path, short: bool, today: NaiveDate, out: &mut impl Write) -> Result<bool> {
    let layout = Layout::new(data_dir);
    let days = DayCounts::of_days(Store::days_with_files_in(&layout));
    let today_done = days.checked_in(today);
    let streak = days.streak(today);
    if short {
        let mark = if today_done { "✓" } else { "·" };
        writeln!(out, "{mark} {streak}")?;
    } else {
        let when = if today_done {
            "checked in today"
        } else {
            "not yet today"
        };
        let due = Store::predictions_due_in(&layout, today);
        if due > 0 {
            writeln!(
                out,
                "{when} · {streak}-day streak · {} to look back on",
                crate::journal::vocabulary::count(
                    u32::try_from(due).unwrap_or(u32::MAX),
                    "prediction",
                    "predictions"
                )
            )?;
        } else {
            writeln!(out, "{when} · {streak}-day streak")?;
        }
    }
    Ok(today_done)
}
