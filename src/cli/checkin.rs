//! `closer checkin`: the journal, opened at today's check-in.

use std::process::ExitCode;

use anyhow::Result;

use super::Ctx;

/// Open the journal straight at today's check-in.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  closer checkin")]
pub struct Args {}

impl Args {
    /// Opens the journal at the check-in.
    ///
    /// # Errors
    /// As [`Ctx::open`].
    pub fn run(self, ctx: &Ctx) -> Result<ExitCode> {
        ctx.open(crate::tui::Start::CheckIn)
    }
}
