//! `closer merge-day`: the merge driver git calls for day files during `closer sync`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

use super::Ctx;

/// The merge driver git calls for day files during `closer sync` (not for people).
#[derive(Debug, clap::Args)]
#[command(hide = true)]
pub struct Args {
    /// The common ancestor (%O)
    base: PathBuf,
    /// This computer's version, and where the merge goes (%A)
    ours: PathBuf,
    /// The other's version (%B)
    theirs: PathBuf,
    /// The file's path in the repository (%P)
    path: Option<PathBuf>,
}

impl Args {
    /// Merges the three versions into `ours`; exits 1, saying why, when it cannot (git then
    /// keeps the conflict).
    ///
    /// # Errors
    /// None: a failed merge is said on standard error.
    pub fn run(self, ctx: &Ctx) -> Result<ExitCode> {
        // Like every command that is given a journal, it needs a data folder to be named.
        ctx.data_dir()?;
        match crate::store::sync::merge_day(&self.base, &self.ours, &self.theirs) {
            Ok(()) => Ok(ExitCode::SUCCESS),
            Err(e) => {
                let text = format!(
                    "closer merge-day could not merge {}: {e} git keeps the conflict; fix the file by hand, `git add` it, and commit.",
                    self.path.as_deref().unwrap_or(&self.ours).display()
                );
                eprintln!("{}", crate::journal::printable::printable(&text));
                Ok(ExitCode::FAILURE)
            }
        }
    }
}
