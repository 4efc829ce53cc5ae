//! The command line: the global options, the subcommands, and the dispatch to them.
//!
//! Each subcommand is a module of its own (`cli/<name>.rs`) with its clap arguments, `Args`
//! (their doc comment is the subcommand's help), and `Args::run(self, &Ctx)`. [`Ctx`] gives
//! the glue they share once. A new subcommand is its module and two lines here: its `pub mod`
//! and its line in the `commands!` list.

mod args;
mod ctx;
pub mod every_core;
pub mod exit;
pub mod outfile;
pub mod plain;
pub mod printable;
pub mod secrets;

// The subcommands, one module each (listed again, in their order, in `commands!` below).
pub mod backup;
pub mod backups;
pub mod checkin;
pub mod completions;
pub mod decrypt;
pub mod doctor;
pub mod encrypt;
pub mod export;
pub mod import;
pub mod man;
pub mod merge_day;
pub mod passphrase;
pub mod predictions;
pub mod prompt;
pub mod remind;
pub mod report;
pub mod restore;
pub mod review;
pub mod stats;
pub mod status;
pub mod sync;

pub use args::Cli;
pub use ctx::Ctx;
pub(crate) use ctx::journal_is_there;

use std::process::ExitCode;

use anyhow::Result;

/// Lists the subcommands in the order `closer --help` shows them: `Variant => module` makes
/// the variant `Variant(module::Args)` of [`Command`] (clap names it in kebab-case: `MergeDay`
/// is `merge-day`) and its arm in [`Command::run`]. (The modules are declared above, where
/// rustfmt sees them.)
macro_rules! commands {
    ($($variant:ident => $module:ident,)*) => {
        /// The subcommands.
        #[derive(Debug, clap::Subcommand)]
        pub enum Command {
            // No doc comment here: each module's `Args` has the help.
            $($variant($module::Args),)*
        }

        impl Command {
            /// Runs the subcommand.
            ///
            /// # Errors
            /// What the subcommand fails with.
            pub fn run(self, ctx: &Ctx) -> Result<ExitCode> {
                match self {
                    $(Command::$variant(args) => args.run(ctx),)*
                }
            }
        }
    };
}

commands! {
    Review => review,
    Checkin => checkin,
    Doctor => doctor,
    Stats => stats,
    Export => export,
    Report => report,
    Import => import,
    Predictions => predictions,
    Backup => backup,
    Backups => backups,
    Restore => restore,
    Sync => sync,
    Encrypt => encrypt,
    Decrypt => decrypt,
    Passphrase => passphrase,
    MergeDay => merge_day,
    Status => status,
    Remind => remind,
    Completions => completions,
    Man => man,
    Prompt => prompt,
}

/// Runs closer with parsed arguments: the journal opens without a subcommand.
///
/// # Errors
/// What the subcommand fails with.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let ctx = Ctx::new(&cli)?;
    match cli.command {
        None => ctx.open(crate::tui::Start::Home),
        Some(command) => command.run(&ctx),
    }
}
