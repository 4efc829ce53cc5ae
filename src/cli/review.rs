//! `closer review`: the journal, opened at the past entries.

use std::process::ExitCode;

use anyhow::Result;

use super::Ctx;

/// Open the journal at your past entries: timeline, search, filters.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  closer review")]
pub struct Args {}

impl Args {
    /// Opens the journal at review.
    ///
    /// # Errors
    /// As [`Ctx::open`].
    pub fn run(self, ctx: &Ctx) -> Result<ExitCode> {
        ctx.open(crate::tui::Start::Review)
    }
}
