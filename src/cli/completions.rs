//! `closer completions`: a completion script for a shell, made from the same definitions as
//! `--help`.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use super::{Cli, Ctx};

/// Print a completion script for your shell.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  closer completions bash > ~/.local/share/bash-completion/completions/closer\n  closer completions zsh > \"${fpath[1]}/_closer\"\n  closer completions fish > ~/.config/fish/completions/closer.fish"
)]
pub struct Args {
    /// bash, zsh or fish
    #[arg(value_enum)]
    shell: CompletionShell,
}

/// The shells completions are written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CompletionShell {
    /// Bash.
    Bash,
    /// Zsh.
    Zsh,
    /// Fish.
    Fish,
}

impl Args {
    /// Prints the script (no journal needed).
    ///
    /// # Errors
    /// A failed write (a closed pipe ends the command quietly).
    pub fn run(self, ctx: &Ctx) -> Result<ExitCode> {
        let mut command = <Cli as clap::CommandFactory>::command();
        let shell = match self.shell {
            CompletionShell::Bash => clap_complete::Shell::Bash,
            CompletionShell::Zsh => clap_complete::Shell::Zsh,
            CompletionShell::Fish => clap_complete::Shell::Fish,
        };
        // Into memory first: clap_complete panics on a write error (`| head` closing the
        // pipe); written here, a closed pipe ends the command quietly.
        let mut script = Vec::new();
        clap_complete::generate(shell, &mut command, "closer", &mut script);
        ctx.raw(|out| Ok(out.write_all(&script)?))?;
        Ok(ExitCode::SUCCESS)
    }
}
