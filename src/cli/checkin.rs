//! `closer checkin`: the journal, opened at today's check-in; or, with `--plain` or without a
//! terminal, the check-in asked line by line (`plain`).

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::Result;

use super::Ctx;

/// Open the journal straight at today's check-in.
///
/// With --plain, or when standard input or output is not a terminal, the check-in is asked
/// line by line instead: plain text for a screen reader, a slow link or a script, one
/// question at a time. Enter alone skips a question, ? explains it, ! shows where to find
/// support, /save saves, /quit leaves and keeps a draft.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  closer checkin\n  closer checkin --plain\n  \
    printf '4\\n3\\n/save\\n' | closer checkin --plain"
)]
pub struct Args {
    /// Ask the check-in line by line (chosen by itself without a terminal)
    #[arg(long)]
    plain: bool,
}

impl Args {
    /// Opens the journal at the check-in, or asks it line by line.
    ///
    /// # Errors
    /// As [`Ctx::open`] and [`super::plain::run`].
    pub fn run(self, ctx: &Ctx) -> Result<ExitCode> {
        if self.plain || !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
            return super::plain::run(ctx, crate::clock::today());
        }
        ctx.open(crate::tui::Start::CheckIn)
    }
}
