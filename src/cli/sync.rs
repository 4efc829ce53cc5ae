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

/// This computer's name, for the commit message: the system's (uname's node name, on Linux
/// and macOS alike), else `$HOSTNAME`, else "this computer".
fn host() -> String {
    #[cfg(unix)]
    let system = Some(
        rustix::system::uname()
            .nodename()
            .to_string_lossy()
            .into_owned(),
    );
    #[cfg(not(unix))]
    let system = None;
    host_name(system.as_deref(), std::env::var("HOSTNAME").ok().as_deref())
}

/// The name a sync commit gives this computer, from the system's name and `$HOSTNAME`: the
/// first of them that is not blank, without macOS's `.local` (the local network's suffix),
/// else "this computer".
fn host_name(system: Option<&str>, env: Option<&str>) -> String {
    [system, env]
        .into_iter()
        .flatten()
        .map(|name| {
            let name = name.trim();
            name.strip_suffix(".local")
                .unwrap_or(name)
                .trim()
                .to_owned()
        })
        .find(|name| !name.is_empty() && !name.chars().any(char::is_control))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 36: the name comes from the system (macOS has no /etc/hostname), then
    /// `$HOSTNAME`, then a word.
    #[test]
    fn the_host_name_comes_from_the_system_then_hostname_then_a_word() {
        assert_eq!(host_name(Some("sams-laptop"), Some("other")), "sams-laptop");
        assert_eq!(
            host_name(Some("Sams-MacBook-Pro.local"), None),
            "Sams-MacBook-Pro"
        );
        assert_eq!(
            host_name(Some("host.example.org"), None),
            "host.example.org"
        );
        assert_eq!(host_name(Some("  "), Some("from-env\n")), "from-env");
        assert_eq!(host_name(None, Some("from-env")), "from-env");
        assert_eq!(host_name(Some(""), Some("")), "this computer");
        assert_eq!(host_name(Some("bad\u{1b}[2J"), None), "this computer");
        assert_eq!(host_name(None, None), "this computer");
        // Here, the system's own name (what uname prints, as /etc/hostname says on Linux).
        let here = host();
        assert!(!here.is_empty());
        #[cfg(unix)]
        {
            let system = rustix::system::uname()
                .nodename()
                .to_string_lossy()
                .into_owned();
            if !system.trim().is_empty() {
                assert_eq!(here, host_name(Some(&system), None));
            }
        }
    }
}
