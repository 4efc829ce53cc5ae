//! `closer passphrase`: a new passphrase for an encrypted journal.

use std::process::ExitCode;

use anyhow::{Result, bail};

use super::{Ctx, secrets};
use crate::store::crypto;

/// Change the passphrase of an encrypted journal (only its key file is written again).
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:
  closer passphrase")]
pub struct Args {}

impl Args {
    /// Asks for the passphrase now, then the new one twice, and changes it.
    ///
    /// # Errors
    /// No journal, or one that is not encrypted or cannot be changed now; a wrong
    /// passphrase.
    pub fn run(self, ctx: &Ctx) -> Result<ExitCode> {
        let store = ctx.store_to_be("changed")?;
        let data_dir = ctx.data_dir()?;
        if !crypto::is_encrypted(store.layout()) {
            bail!(
                "the journal in {} is not encrypted, so it has no passphrase. `closer encrypt` \
             encrypts it.",
                data_dir.display()
            );
        }
        let (old, new) = secrets::old_and_new(
            ctx.secrets(),
            "There is no way to get your entries back without the new passphrase.",
        )?;
        crypto::change_passphrase(store.layout(), &old, &new)?;
        println!("The passphrase is changed. The old one no longer opens the journal.");
        Ok(ExitCode::SUCCESS)
    }
}
