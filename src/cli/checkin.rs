//! `closer checkin`: the journal, opened at today's check-in or one for an earlier day; or,
//! with `--plain` or without a terminal, the check-in asked line by line (`plain`).

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;

use super::Ctx;

/// Open the journal straight at today's check-in (or, with --date, one for an earlier day).
///
/// A check-in for an earlier day is saved in that day's file, counted for that day, and
/// marked as written later. A day that has a check-in gets one more, as a second check-in
/// on the same day does.
///
/// With --plain, or when standard input or output is not a terminal, the check-in is asked
/// line by line instead: plain text for a screen reader, a slow link or a script, one
/// question at a time. Enter alone skips a question, ? explains it, ! shows where to find
/// support, /save saves, /quit leaves and keeps a draft.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  closer checkin\n  closer checkin --date yesterday\n  \
    closer checkin --date 'last friday'\n  closer checkin --plain\n  \
    printf '4\\n3\\n/save\\n' | closer checkin --plain"
)]
pub struct Args {
    /// The day the check-in is for: today, yesterday, last friday, 3 days ago, 2026-11-28
    /// (not a day to come) [default: today]
    #[arg(long, value_name = "DATE", value_parser = super::outfile::past_day)]
    pub date: Option<NaiveDate>,
    /// Ask the check-in line by line (chosen by itself without a terminal)
    #[arg(long)]
    plain: bool,
}

impl Args {
    /// The day the check-in is for: `--date`, else `today`.
    pub fn day(&self, today: NaiveDate) -> NaiveDate {
        self.date.unwrap_or(today)
    }

    /// Opens the journal at the check-in, or asks it line by line.
    ///
    /// # Errors
    /// As [`Ctx::open`] and [`super::plain::run`].
    pub fn run(self, ctx: &Ctx) -> Result<ExitCode> {
        if self.plain || !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
            return super::plain::run(ctx, self.day(crate::clock::today()));
        }
        ctx.open(crate::tui::Start::CheckIn { day: self.date })
    }
}
