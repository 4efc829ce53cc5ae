//! The global options as clap reads them, with the examples of `closer --help` (the
//! subcommands' own are in their modules; the manual pages and the completions are made from
//! the same).

use clap::Parser;
use std::path::PathBuf;

use super::Command;

pub(super) const EXAMPLES: &str = "\
Examples:
  closer                          open the journal
  closer checkin                  go straight to today's check-in
  closer review                   open your past entries
  closer --data-dir ~/journal     use another data folder
  closer doctor                   check the journal's files, changing nothing
  closer prompt                   print today's question (for a shell greeting)
  closer stats --json             insights for scripts
  closer export --format markdown > journal.md
  closer report --from 2026-09-01  a page with charts, for you or a therapist
  closer import jrnl.json --dry-run
  closer status --short           for a shell prompt
  closer remind --at 20:30        a daily reminder on days without a check-in
  closer predictions              fears written as predictions, due first";

/// A calm terminal journal for noticing distance in a relationship, and what helps.
///
/// Everything you write stays on this computer, in the data folder.
#[derive(Debug, Parser)]
#[command(name = "closer", version, about, long_about, after_help = EXAMPLES)]
pub struct Cli {
    /// The data folder [default: the platform's data folder, e.g. ~/.local/share/closer]
    #[arg(
        long,
        global = true,
        env = "CLOSER_DATA_DIR",
        value_name = "DIR",
        help_heading = "Global options"
    )]
    pub data_dir: Option<PathBuf>,

    /// The settings file; it must exist [default: config.toml in the config folder, e.g.
    /// ~/.config/closer; closer doctor --paths shows which]
    #[arg(
        long,
        global = true,
        env = "CLOSER_CONFIG",
        value_name = "FILE",
        help_heading = "Global options"
    )]
    pub config: Option<PathBuf>,

    /// Read the passphrase of an encrypted journal from this open file descriptor: one line;
    /// for closer encrypt, the new passphrase twice, on two lines; for closer passphrase,
    /// three: the passphrase now, then the new one twice
    #[arg(long, global = true, value_name = "N", help_heading = "Global options")]
    pub passphrase_fd: Option<u32>,

    /// What to do; without one, the journal opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}
