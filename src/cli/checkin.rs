//! `closer checkin`: the journal, opened at today's check-in, or at one for an earlier day.

use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;

use super::Ctx;

/// Open the journal straight at today's check-in (or, with --date, one for an earlier day).
///
/// A check-in for an earlier day is saved in that day's file, counted for that day, and
/// marked as written later. A day that has a check-in gets one more, as a second check-in
/// on the same day does.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  closer checkin\n  closer checkin --date yesterday\n  closer checkin --date 'last friday'"
)]
pub struct Args {
    /// The day the check-in is for: today, yesterday, last friday, 3 days ago, 2026-11-28
    /// (not a day to come) [default: today]
    #[arg(long, value_name = "DATE", value_parser = super::outfile::past_day)]
    pub date: Option<NaiveDate>,
}

impl Args {
    /// The day the check-in is for: `--date`, else `today`.
    pub fn day(&self, today: NaiveDate) -> NaiveDate {
        self.date.unwrap_or(today)
    }

    /// Opens the journal at the check-in.
    ///
    /// # Errors
    /// As [`Ctx::open`].
    pub fn run(self, ctx: &Ctx) -> Result<ExitCode> {
        ctx.open(crate::tui::Start::CheckIn { day: self.date })
    }
}
