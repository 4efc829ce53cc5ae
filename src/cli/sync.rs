//! `closer sync`: the journal committed, pulled and pushed through git.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use super::Ctx;
use crate::store::sync::Synced;

/// Sync the journal with your other computers through git.
///
/// The first time, the data folder becomes a git repository (the lock, the draft and
/// temporary files stay out). Each time, what changed is committed; with a remote set up
/// (git -C DATA remote add origin URL, with your own git and credentials), it is pulled
/// and pushed. A day written on two computers merges by entry id (closer merge-day): both
/// sides' entries kept, the newer version of one changed on both, a deletion travels.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  closer sync\n  git -C ~/.local/share/closer remote add origin git@example.org:me/journal.git\n  closer sync   # now pulled and pushed too"
)]
pub struct Args {}

impl Args {
    /// Syncs, and says what was done.
    ///
    /// # Errors
    /// No journal, or one that cannot be unlocked or changed now; git fails.
    pub fn run(self, ctx: &Ctx) -> Result<ExitCode> {
        let data_dir = ctx.journal()?;
        ctx.unlock()?;
        let store = ctx.store_to_be("synced")?;
        let done =
            crate::store::sync::sync(store.layout(), &crate::store::sync::this_program(), &host())?;
        if done.pulled {
            store.rebuild_prediction_index();
        }
        ctx.printed(|out| say(data_dir, &done, out))?;
        Ok(ExitCode::SUCCESS)
    }
}

/// This computer's name, for the commit message.
fn host() -> String {
    std::env::var("HOSTNAME")
        .ok()
        .or_else(|| {
            std::fs::read_to_string("/etc/hostname")
                .ok()
                .map(|h| h.trim().to_owned())
        })
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "this computer".to_owned())
}

/// Says what the sync of the journal at `data_dir` did.
fn say(data_dir: &Path, done: &Synced, out: &mut impl Write) -> Result<()> {
    if done.initialised {
        writeln!(
            out,
            "The data folder is now a git repository: {}",
            data_dir.display()
        )?;
    }
    writeln!(
        out,
        "{}",
        if done.committed {
            "Committed what changed here."
        } else {
            "Nothing new to commit here."
        }
    )?;
    match &done.remote {
        None => writeln!(
            out,
            "No remote yet, so nothing was pulled or pushed. Add one with your own git, e.g. \
             git -C {} remote add origin git@example.org:you/journal.git, then closer sync.",
            data_dir.display()
        )?,
        Some(remote) => writeln!(
            out,
            "Synced with {remote}: {}; {}.",
            if done.pulled {
                "merged what came in"
            } else {
                "nothing came in"
            },
            if done.pushed {
                "pushed"
            } else {
                "nothing to push"
            }
        )?,
    }
    // What the merge did to each entry edited on both computers.
    for c in &done.merged {
        writeln!(out, "  {}", c.describe())?;
    }
    let both = done
        .merged
        .iter()
        .filter(|c| c.change == crate::journal::merge::Change::KeptBoth)
        .count();
    if both > 0 {
        writeln!(
            out,
            "{} changed on both computers: both versions are kept in {}. In review, f \
             and \"Two versions\" lists them; keep what you want and save.",
            crate::journal::vocabulary::count(
                u32::try_from(both).unwrap_or(u32::MAX),
                "entry was",
                "entries were"
            ),
            if both == 1 { "it" } else { "each" }
        )?;
    }
    Ok(())
}
