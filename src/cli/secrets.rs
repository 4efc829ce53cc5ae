//! Where a passphrase comes from on the command line: a file descriptor (`--passphrase-fd N`),
//! a command named in the settings (`passphrase_command`, for `pass` or a keyring), or the
//! terminal, asked without echo. Never from an argument, which other users can see in the
//! process list. Secrets are held in `SecretString`, zeroed when dropped.

use std::io::{BufRead, BufReader};

use anyhow::{Context as _, Result, bail};
use secrecy::{ExposeSecret, SecretString};

use crate::store::{Layout, StoreError, crypto};

/// How many times the terminal asks before giving up.
const TRIES: usize = 3;

/// Where passphrases come from.
#[derive(Debug, Clone, Default)]
pub struct Source {
    /// A file descriptor to read lines from (`--passphrase-fd`).
    pub fd: Option<u32>,
    /// A shell command whose first line of output is the passphrase (`passphrase_command`).
    pub command: Option<String>,
}

impl Source {
    /// Whether the passphrase is asked on the terminal (so a wrong one can be typed again).
    pub fn interactive(&self) -> bool {
        self.fd.is_none() && self.command.is_none()
    }

    /// One passphrase: the next line of the file descriptor, the command's output, or typed
    /// at `prompt` on the terminal.
    ///
    /// # Errors
    /// The descriptor or command fails or gives nothing; no terminal to ask on.
    pub fn read(&self, prompt: &str) -> Result<SecretString> {
        if let Some(fd) = self.fd {
            return read_fd_lines(fd, 1)?
                .pop()
                .context("--passphrase-fd gave no passphrase");
        }
        if let Some(command) = &self.command {
            return run_command(command);
        }
        let typed = rpassword::prompt_password(prompt).map_err(|e| {
            anyhow::anyhow!(
                "the journal is encrypted and closer cannot ask for its passphrase here ({e}). \
                 Run it in a terminal, or give the passphrase with --passphrase-fd N or \
                 passphrase_command in config.toml."
            )
        })?;
        Ok(SecretString::from(typed))
    }

    /// A new passphrase, under the one rule of every path ([`crypto::passphrase_problem`]),
    /// after `warning` ("nobody can recover it") on standard error whatever the path: on the
    /// terminal asked twice (they must match), up to three times; from a descriptor, two lines
    /// that must match; from `passphrase_command`, its first line (the command is the record).
    ///
    /// # Errors
    /// As [`Source::read`]; a passphrase the rule refuses; the two do not match; the
    /// descriptor gives one line only.
    pub fn new_passphrase(&self, warning: &str) -> Result<SecretString> {
        eprintln!("{warning}");
        if let Some(fd) = self.fd {
            let mut lines = read_fd_lines(fd, 2)?;
            return new_from_lines(fd, &mut lines);
        }
        if self.command.is_some() {
            let p = self.read("")?;
            if let Some(problem) = crypto::passphrase_problem(&p) {
                bail!("passphrase_command: {problem}; nothing was changed");
            }
            return Ok(p);
        }
        for _ in 0..TRIES {
            let first = self.read("New passphrase: ")?;
            if let Some(problem) = crypto::passphrase_problem(&first) {
                eprintln!("Please choose another: {problem}.");
                continue;
            }
            let again = self.read("The same passphrase again: ")?;
            if crypto::normalised(&first).expose_secret()
                == crypto::normalised(&again).expose_secret()
            {
                return Ok(first);
            }
            eprintln!("The two passphrases differ. Let's try again.");
        }
        bail!("no passphrase was set; nothing was changed")
    }

    /// Unlocks the journal at `layout` if it is encrypted and locked: asks for the passphrase
    /// (up to three times on the terminal) and checks it.
    ///
    /// # Errors
    /// No passphrase could be read, or none was right (nothing is changed).
    pub fn unlock(&self, layout: &Layout) -> Result<()> {
        if crypto::is_unlocked(layout) {
            return Ok(());
        }
        // No passphrase can open a journal whose key is gone: say so before asking.
        if crypto::key_missing(layout) {
            bail!(StoreError::KeyMissing {
                path: layout.identity_file(),
            });
        }
        let tries = if self.interactive() { TRIES } else { 1 };
        for n in 1..=tries {
            let p = self.read("Passphrase for your closer journal: ")?;
            match crypto::unlock(layout, &p) {
                Ok(()) => return Ok(()),
                Err(StoreError::WrongPassphrase) if n < tries => {
                    eprintln!("That is not the passphrase. Try again.");
                }
                Err(e) => return Err(e.into()),
            }
        }
        bail!(StoreError::WrongPassphrase)
    }
}

/// The new passphrase from the last two `lines` a descriptor gave: they must match and keep
/// the rule.
fn new_from_lines(fd: u32, lines: &mut Vec<SecretString>) -> Result<SecretString> {
    let (Some(again), Some(first)) = (lines.pop(), lines.pop()) else {
        bail!(
            "--passphrase-fd {fd} must give the new passphrase twice, on two lines (as a \
             terminal asks for it twice); nothing was changed"
        );
    };
    if let Some(problem) = crypto::passphrase_problem(&first) {
        bail!("--passphrase-fd {fd}: {problem}; nothing was changed");
    }
    if crypto::normalised(&first).expose_secret() != crypto::normalised(&again).expose_secret() {
        bail!(
            "--passphrase-fd {fd}: the two lines of the new passphrase differ; nothing was changed"
        );
    }
    Ok(first)
}

/// Reads `n` lines from the open file descriptor `fd` (through `/dev/fd/N`, so no unsafe
/// code takes ownership of it).
fn read_fd_lines(fd: u32, n: usize) -> Result<Vec<SecretString>> {
    let path = format!("/dev/fd/{fd}");
    let file = std::fs::File::open(&path)
        .with_context(|| format!("--passphrase-fd {fd}: that descriptor is not open"))?;
    let mut reader = BufReader::new(file);
    let mut out = Vec::new();
    for _ in 0..n {
        let mut line = zeroize::Zeroizing::new(String::new());
        if reader.read_line(&mut line)? == 0 {
            break;
        }
        out.push(SecretString::from(
            line.trim_end_matches(['\n', '\r']).to_owned(),
        ));
    }
    Ok(out)
}

/// The first line the shell command `command` prints.
fn run_command(command: &str) -> Result<SecretString> {
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(command)
        .stdin(std::process::Stdio::inherit())
        .stderr(std::process::Stdio::inherit())
        .output()
        .with_context(|| format!("passphrase_command could not be run ({command})"))?;
    let stdout = zeroize::Zeroizing::new(out.stdout);
    if !out.status.success() {
        bail!(
            "passphrase_command ({command}) failed ({}); nothing was read",
            out.status
        );
    }
    let text = std::str::from_utf8(&stdout).context("passphrase_command printed no text")?;
    let line = text.lines().next().unwrap_or_default();
    if line.is_empty() {
        bail!("passphrase_command ({command}) printed nothing");
    }
    Ok(SecretString::from(line.to_owned()))
}

/// Reads the old and the new passphrase for `closer passphrase`: from a descriptor, three
/// lines (the passphrase now, then the new one twice); otherwise the old asked (or from the
/// command) and the new asked twice on the terminal. The new one keeps the rule of
/// [`Source::new_passphrase`], and `warning` is printed on standard error on every path.
///
/// # Errors
/// As [`Source::read`] and [`Source::new_passphrase`].
pub fn old_and_new(source: &Source, warning: &str) -> Result<(SecretString, SecretString)> {
    if let Some(fd) = source.fd {
        let mut lines = read_fd_lines(fd, 3)?;
        if lines.len() < 3 {
            bail!(
                "--passphrase-fd {fd} must give three lines: the passphrase now, then the new \
                 one twice; nothing was changed"
            );
        }
        eprintln!("{warning}");
        let new = new_from_lines(fd, &mut lines)?;
        let old = lines.pop().context("three lines")?;
        return Ok((old, new));
    }
    let old = source.read("Passphrase now: ")?;
    let interactive = Source::default();
    let new = interactive.new_passphrase(warning)?;
    Ok((old, new))
}
