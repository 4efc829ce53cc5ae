//! `closer decrypt`: every file of an encrypted journal written plain again.

use std::process::ExitCode;

use anyhow::{Result, bail};

use super::Ctx;
use crate::store::{convert, crypto};

/// Decrypt the journal: every file back to plain JSON, and the key removed.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:
  closer decrypt")]
pub struct Args {}

impl Args {
    /// Writes every file plain again, then removes the key.
    ///
    /// # Errors
    /// No journal, or one that cannot be changed now; no passphrase; a failed write.
    pub fn run(self, ctx: &Ctx) -> Result<ExitCode> {
        let store = ctx.store_to_be("changed")?;
        let (data_dir, secrets) = (ctx.data_dir()?, ctx.secrets());
        if !crypto::is_encrypted(store.layout()) {
            println!("The journal in {} is not encrypted.", data_dir.display());
            return Ok(ExitCode::SUCCESS);
        }
        // Remembered as encrypted, its key gone, and not one sealed file left (a journal started
        // again in the same folder, say): nothing needs the key, so closer stops treating it as
        // encrypted. With any sealed file left, the key files must come back first.
        if crypto::key_missing(store.layout()) {
            if convert::holds_sealed(store.layout()) {
                return Err(crate::store::StoreError::KeyMissing {
                    path: store.layout().identity_file(),
                }
                .into());
            }
            crypto::forget_encrypted(store.layout())?;
            println!(
                "No encrypted file is left in {}, and its key files are gone: closer treats it as a \
             plain journal from now on.",
                data_dir.display()
            );
            return Ok(ExitCode::SUCCESS);
        }
        // A copy of the settings a file-sync tool made holds your own words sealed: taken in
        // first, or they could never be read once the key is gone.
        let copies = convert::state_copies(store.layout());
        if let Some(first) = copies.first() {
            bail!(
                "{} is a copy of your settings that a file-sync tool made, and your own words in it \
             are encrypted. Run `closer doctor --merge-conflicts` first (it adds them to your \
             settings), then closer decrypt. Nothing was changed.",
                first.display()
            );
        }
        let p = secrets.read("Passphrase for your closer journal: ")?;
        let done = convert::decrypt(&store, &p, super::encrypt::progress())?;
        println!(
            "Decrypted {} in {}; the journal is no longer encrypted, and closer will not ask for a \
         passphrase.",
            crate::journal::vocabulary::count(
                u32::try_from(done.files).unwrap_or(u32::MAX),
                "file",
                "files"
            ),
            data_dir.display()
        );
        Ok(ExitCode::SUCCESS)
    }
}
