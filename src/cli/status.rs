//! `closer status`: one line for a shell prompt or a reminder; exit 0 when checked in today,
//! 1 when not, 2 when it cannot tell.
//! Reads only file names, today's file and the small index of open predictions, so it is
//! quick on any journal.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::journal::DayCounts;
use crate::store::{Layout, Store};

/// One line: checked in today? and the streak.
///
/// Exits 0 when you checked in today, 1 when not yet, and 2 when it cannot tell (no journal
/// in the data folder, or an error), so a script can ask it.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  closer status            # prints: checked in today · 5-day streak\n  closer status --short    # prints: ✓ 5\n  closer status --short || echo 'a minute for yourself?'"
)]
pub struct Args {
    /// A short form for shell prompts: ✓ or · and the streak
    #[arg(long)]
    short: bool,
}

impl Args {
    /// Prints the status; exits 0 when there is a check-in today, 1 when there is none (grep's
    /// convention: see [`super::exit`]).
    ///
    /// # Errors
    /// No data folder, or no journal in it (the status line is printed first, for a shell
    /// prompt that asks before the journal exists); a failed write.
    pub fn run(self, ctx: &super::Ctx) -> Result<std::process::ExitCode> {
        super::exit::answered(|out| {
            let data_dir = ctx.data_dir()?;
            let done = run(data_dir, self.short, crate::clock::now(), out)?;
            // A shell prompt may ask before the journal exists: the usual line first, then
            // that there is no journal there (on standard error, and exit 2).
            super::journal_is_there(data_dir)?;
            Ok(done)
        })
    }
}

/// What the status line says of breaks (`returns`, the unanswered ones' promised return
/// times, soonest first): the next return while one runs, then whether the person went back
/// to it; nothing when there is none. No words of the journal: the time only.
fn break_words(returns: &[DateTime<FixedOffset>], now: DateTime<FixedOffset>) -> String {
    if returns.iter().any(|t| *t <= now) {
        return " · a break to look back on: did you go back to it?".to_owned();
    }
    match returns.first() {
        Some(t) if t.date_naive() == now.date_naive() => {
            format!(" · on a break until {}", t.format("%H:%M"))
        }
        Some(t) => format!(" · on a break until {}", t.format("%H:%M on %A")),
        None => String::new(),
    }
}

/// Whether the journal at `data_dir` has a check-in on `today` (what `closer status` exits 0
/// for), from file names alone.
pub fn checked_in(data_dir: &Path, today: NaiveDate) -> bool {
    DayCounts::of_days(Store::days_with_files_in(&Layout::new(data_dir))).checked_in(today)
}

/// Prints the status at `now`; returns whether there is a check-in today.
pub fn run(
    data_dir: &Path,
    short: bool,
    now: DateTime<FixedOffset>,
    out: &mut impl Write,
) -> Result<bool> {
    let today = now.date_naive();
    let layout = Layout::new(data_dir);
    // A folder of days that cannot be listed is "cannot tell" (exit 2), never "not yet".
    let days =
        DayCounts::of_days(Store::try_days_with_files_in(&layout).map_err(|e| {
            anyhow::anyhow!("{e}. closer cannot tell whether you checked in today.")
        })?);
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
        let mut line = format!("{when} · {streak}-day streak");
        let due = Store::predictions_due_in(&layout, today);
        if due > 0 {
            line.push_str(&format!(
                " · {} to look back on",
                crate::journal::vocabulary::count(
                    u32::try_from(due).unwrap_or(u32::MAX),
                    "prediction",
                    "predictions"
                )
            ));
        }
        line.push_str(&break_words(&Store::open_breaks_in(&layout), now));
        writeln!(out, "{line}")?;
    }
    Ok(today_done)
}
