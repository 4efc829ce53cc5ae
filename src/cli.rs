//! The command line: arguments, and the subcommands that print instead of opening the journal.

pub mod doctor;
pub mod prompt;
pub mod stats;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::{Parser, Subcommand};

use crate::journal::Perspective;

const EXAMPLES: &str = "\
Examples:
  closer                          open the journal
  closer checkin                  go straight to today's check-in
  closer review                   open your past entries
  closer --data-dir ~/journal     use another data folder
  closer doctor                   check the journal's files, changing nothing
  closer prompt                   print today's question (for a shell greeting)
  closer stats --json             insights for scripts";

/// A calm terminal journal for noticing distance in a relationship, and what helps.
///
/// Everything you write stays on this computer, in the data folder.
#[derive(Debug, Parser)]
#[command(name = "closer", version, about, long_about, after_help = EXAMPLES)]
pub struct Cli {
    /// The data folder [default: the platform's data folder, e.g. ~/.local/share/closer]
    #[arg(long, global = true, env = "CLOSER_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// What to do; without one, the journal opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the journal at your past entries: timeline, search, filters.
    #[command(after_help = "Example:\n  closer review")]
    Review,

    /// Open the journal straight at today's check-in.
    #[command(after_help = "Example:\n  closer checkin")]
    Checkin,

    /// Check the journal's files and say what is wrong and where, changing nothing.
    ///
    /// Exits 0 when the journal is healthy and 1 when a file needs a look.
    #[command(after_help = "Example:\n  closer doctor --data-dir ~/journal")]
    Doctor,

    /// Print the insights: check-ins, streaks, mood and closeness, triggers, what helped.
    ///
    /// A comparison with fewer than 5 days on either side says "not enough data yet".
    #[command(
        after_help = "Examples:\n  closer stats\n  closer stats --from 2026-01-01 --to 2026-03-31\n  closer stats --json | jq .mood"
    )]
    Stats {
        /// First day (YYYY-MM-DD) [default: the journal's first day]
        #[arg(long, value_name = "DATE")]
        from: Option<chrono::NaiveDate>,
        /// Last day (YYYY-MM-DD) [default: today]
        #[arg(long, value_name = "DATE")]
        to: Option<chrono::NaiveDate>,
        /// Print JSON, for scripts
        #[arg(long)]
        json: bool,
    },

    /// Print today's question: the same all day, a new one tomorrow.
    ///
    /// It fits the perspective you chose in the journal, and skips questions you answered in
    /// the last 30 days. Handy in a shell greeting.
    #[command(
        after_help = "Examples:\n  closer prompt\n  closer prompt --perspective partner-pulls-away"
    )]
    Prompt {
        /// Whose distance to ask about [default: the one chosen in the journal]
        #[arg(long, value_enum)]
        perspective: Option<PerspectiveArg>,
    },
}

/// A perspective on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PerspectiveArg {
    /// I notice myself pulling away.
    IPullAway,
    /// I feel my partner pulling away.
    PartnerPullsAway,
}

impl From<PerspectiveArg> for Perspective {
    fn from(p: PerspectiveArg) -> Perspective {
        match p {
            PerspectiveArg::IPullAway => Perspective::IPullAway,
            PerspectiveArg::PartnerPullsAway => Perspective::PartnerPullsAway,
        }
    }
}

/// The data folder: `--data-dir`, then `CLOSER_DATA_DIR` (both via clap), then the platform's.
pub fn data_dir(cli: &Cli) -> Result<PathBuf> {
    if let Some(dir) = &cli.data_dir {
        return Ok(dir.clone());
    }
    match directories::ProjectDirs::from("", "", "closer") {
        Some(dirs) => Ok(dirs.data_dir().to_owned()),
        None => bail!(
            "cannot find your home folder to keep the journal in. \
             Choose a folder with --data-dir DIR or the CLOSER_DATA_DIR environment variable."
        ),
    }
}

/// Where the person's own prompts and strategies live: the platform config folder
/// (`~/.config/closer` on Linux, or `$XDG_CONFIG_HOME/closer`).
pub fn config_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "closer").map(|d| d.config_dir().to_owned())
}

/// Opens the journal at `start`.
fn open(data_dir: PathBuf, start: crate::tui::Start) -> Result<ExitCode> {
    crate::tui::run(crate::tui::Options {
        data_dir,
        config_dir: config_dir(),
        no_color: std::env::var("NO_COLOR").ok(),
        start,
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Runs closer with parsed arguments.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let data_dir = data_dir(&cli)?;
    match cli.command {
        None => open(data_dir, crate::tui::Start::Home),
        Some(Command::Checkin) => open(data_dir, crate::tui::Start::CheckIn),
        Some(Command::Review) => open(data_dir, crate::tui::Start::Review),
        Some(Command::Doctor) => {
            let mut out = std::io::stdout().lock();
            let healthy = doctor::run(&data_dir, &mut out)?;
            out.flush()?;
            Ok(if healthy {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        Some(Command::Stats { from, to, json }) => {
            let mut out = std::io::stdout().lock();
            stats::run(
                &data_dir,
                from,
                to,
                json,
                chrono::Local::now().date_naive(),
                &mut out,
            )?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Prompt { perspective }) => {
            let mut out = std::io::stdout().lock();
            let mut err = std::io::stderr().lock();
            prompt::run(
                &data_dir,
                config_dir().as_deref(),
                perspective.map(Perspective::from),
                chrono::Local::now().date_naive(),
                &mut out,
                &mut err,
            )?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
