//! `closer status`: one line for a shell prompt or a reminder; exit 0 when checked in today.
//! Reads only file names, today's file and the small index of open predictions, so it is
//! quick on any journal.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use chrono::NaiveDate;

use crate::journal::DayCounts;
use crate::store::{Layout, Store};

/// One line: checked in today? and the streak. Exits 0 when checked in today, 1 when not.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  closer status            # checked in today · 5-day streak\n  closer status --short    # ✓ 5\n  closer status --short || echo 'a minute for yourself?'"
)]
pub struct Args {
    /// A short form for shell prompts: ✓ or · and the streak
    #[arg(long)]
    short: bool,
}

impl Args {
    /// Prints the status; exits 1 when there is no check-in today.
    ///
    /// # Errors
    /// A failed write.
    pub fn run(self, ctx: &super::Ctx) -> Result<std::process::ExitCode> {
        let data_dir = ctx.data_dir()?;
        // A shell prompt may ask before the journal exists: the usual line (and exit 1,
        // "not yet today") on stdout, and on stderr that there is no journal there.
        if let Err(e) = super::journal_is_there(data_dir) {
            let text = e.to_string();
            eprintln!("closer: {}", crate::journal::printable::printable(&text));
        }
        let today = chrono::Local::now().date_naive();
        let done = ctx.printed(|out| run(data_dir, self.short, today, out))?;
        Ok(super::success_if(done))
    }
}

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
