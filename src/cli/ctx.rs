//! What every subcommand shares, made once from the global options: the data folder (and the
//! check that a journal is there), the settings file and config folder, unlocking an
//! encrypted journal, preferences with config.toml laid over, the content catalog, a
//! printable standard output, and the note that what is printed is not encrypted.

use std::io::{StdoutLock, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::Cli;
use super::printable::Printable;
use super::secrets;
use crate::config::Config;
use crate::content::Catalog;
use crate::journal::Preferences;
use crate::store::{self, Layout, Store};

/// The glue a subcommand needs, from the global options.
#[derive(Debug)]
pub struct Ctx {
    /// The data folder, when `--data-dir`, `CLOSER_DATA_DIR` or the platform names one.
    data_dir: Option<PathBuf>,
    /// The config folder (see [`config_dir`]).
    config_dir: Option<PathBuf>,
    /// The settings file: `--config` (or `CLOSER_CONFIG`), else `config.toml` in the config
    /// folder.
    config_file: Option<PathBuf>,
    /// Whether `--config` or `CLOSER_CONFIG` gave the settings file.
    config_given: bool,
    /// What the settings file says (its defaults when it cannot be read).
    config: Config,
    /// What is wrong in the settings file, said once on standard error by the first command
    /// that reads it (doctor lists them all instead).
    config_errors: Vec<crate::config::ConfigError>,
    /// Whether the settings' mistakes were said.
    warned: std::sync::Once,
    /// Where passphrases come from.
    secrets: secrets::Source,
}

impl Ctx {
    /// The context of one run, from its global options. Config files an earlier closer kept
    /// beside the journal (macOS) are moved to the config folder first, said on standard
    /// error; not by `closer doctor`, which changes nothing and says they wait.
    ///
    /// # Errors
    /// `--config` (or `CLOSER_CONFIG`) names a file that does not exist.
    pub fn new(cli: &Cli) -> Result<Ctx> {
        let data_dir = cli.data_dir.clone().or_else(default_data_dir);
        let config_dir = config_dir();
        let doctor = matches!(cli.command, Some(super::Command::Doctor(_)));
        if let (Some(old), Some(new)) = (platform_config_dir(), &config_dir)
            && !doctor
        {
            for said in crate::config::folders::move_old_files(&old, new) {
                eprintln!("closer: {said}");
            }
        }
        if let Some(file) = &cli.config
            && !file.exists()
        {
            bail!(
                "the settings file {} does not exist (it was given with --config or \
                 CLOSER_CONFIG). Check the path; without --config, closer reads {}.",
                file.display(),
                config_dir.as_ref().map_or_else(
                    || "config.toml in the config folder".to_owned(),
                    |d| d.join(crate::config::FILE).display().to_string()
                )
            );
        }
        let config_file = cli
            .config
            .clone()
            .or_else(|| config_dir.as_ref().map(|d| d.join(crate::config::FILE)));
        let (config, config_errors) = config_file
            .as_deref()
            .map(crate::config::load)
            .unwrap_or_default();
        let secrets = secrets::Source {
            fd: cli.passphrase_fd,
            command: config.passphrase_command.clone(),
        };
        Ok(Ctx {
            data_dir,
            config_dir,
            config_file,
            config_given: cli.config.is_some(),
            config,
            config_errors,
            warned: std::sync::Once::new(),
            secrets,
        })
    }

    /// Says on standard error, once a run, that the settings file has mistakes (the first,
    /// and how many more) and that `closer doctor` lists them: closer leaves out what is wrong
    /// and uses the rest, and should not do so without a word.
    fn warn_of_mistakes(&self) {
        self.warned.call_once(|| {
            if let Some(first) = self.config_errors.first() {
                let more = match self.config_errors.len() - 1 {
                    0 => String::new(),
                    n => format!(" ({n} more)"),
                };
                let text = format!(
                    "closer: warning: {first}{more}. closer left out what is wrong and used the \
                     rest of your settings; `closer doctor` lists every mistake."
                );
                eprintln!("{}", crate::journal::printable::printable(&text));
            }
        });
    }

    /// The data folder: `--data-dir`, then `CLOSER_DATA_DIR` (both via clap), then the
    /// platform's.
    ///
    /// # Errors
    /// None given and no home folder to find the platform's in.
    pub fn data_dir(&self) -> Result<&Path> {
        match &self.data_dir {
            Some(dir) => Ok(dir),
            None => bail!(
                "cannot find your home folder to keep the journal in. \
                 Choose a folder with --data-dir DIR or the CLOSER_DATA_DIR environment variable."
            ),
        }
    }

    /// Whether the data folder is the platform's (neither `--data-dir` nor `CLOSER_DATA_DIR`
    /// chose another).
    pub fn data_dir_is_default(&self) -> bool {
        self.data_dir.is_none() || self.data_dir == default_data_dir()
    }

    /// The data folder's layout.
    ///
    /// # Errors
    /// As [`Ctx::data_dir`].
    pub fn layout(&self) -> Result<Layout> {
        Ok(Layout::new(self.data_dir()?))
    }

    /// The data folder, failing when there is no journal in it.
    ///
    /// # Errors
    /// As [`Ctx::data_dir`]; the folder does not exist.
    pub fn journal(&self) -> Result<&Path> {
        let dir = self.data_dir()?;
        journal_is_there(dir)?;
        Ok(dir)
    }

    /// The journal's store, for a command that changes it (`what`: "changed", "synced").
    ///
    /// # Errors
    /// No journal; it cannot be opened, or it is read-only now.
    pub fn store_to_be(&self, what: &str) -> Result<Store> {
        let store = Store::open(self.journal()?)?;
        if let Some(why) = store.read_only() {
            bail!("the journal cannot be {what} now: {why}");
        }
        Ok(store)
    }

    /// The settings file, when there is a config folder or `--config`.
    pub fn config_file(&self) -> Option<&Path> {
        self.config_file.as_deref()
    }

    /// Whether `--config` or `CLOSER_CONFIG` gave the settings file.
    pub fn config_given(&self) -> bool {
        self.config_given
    }

    /// Where the person's own prompts and strategies live (see [`config_dir`]).
    pub fn config_dir(&self) -> Option<PathBuf> {
        self.config_dir.clone()
    }

    /// The platform's config folder, when closer keeps its config files elsewhere (macOS: the
    /// data folder, where an earlier closer kept them).
    pub fn old_config_dir(&self) -> Option<PathBuf> {
        platform_config_dir().filter(|old| Some(old) != self.config_dir.as_ref())
    }

    /// What the settings file says (its mistakes said once on standard error).
    pub fn config(&self) -> &Config {
        self.warn_of_mistakes();
        &self.config
    }

    /// Where passphrases come from (`passphrase_command` from the settings file, whose
    /// mistakes are said once on standard error).
    pub fn secrets(&self) -> &secrets::Source {
        self.warn_of_mistakes();
        &self.secrets
    }

    /// Unlocks an encrypted journal, asking for its passphrase (terminal, `--passphrase-fd`
    /// or `passphrase_command`): what commands that read what the person wrote do first.
    ///
    /// # Errors
    /// As [`Ctx::data_dir`] and [`secrets::Source::unlock`].
    pub fn unlock(&self) -> Result<()> {
        self.secrets.unlock(&self.layout()?)
    }

    /// Says on standard error that `what` ("the export") is not encrypted, when the journal is.
    pub fn plaintext_note(&self, what: &str) {
        if self
            .layout()
            .is_ok_and(|layout| store::crypto::is_encrypted(&layout))
        {
            eprintln!(
                "closer: note: {what} is not encrypted, though your journal is. Keep it \
                 somewhere private, and delete it when you are done with it."
            );
        }
    }

    /// The preferences as the journal screens use them: the stored ones with config.toml laid
    /// over; defaults when either cannot be read.
    pub fn preferences(&self) -> Preferences {
        let mut prefs = self
            .layout()
            .ok()
            .and_then(|layout| store::read_preferences(&layout).ok())
            .unwrap_or_default();
        if self.config_file.is_some() {
            self.config().apply(&mut prefs);
        }
        prefs
    }

    /// The bundled content with the person's own prompts and strategies; their mistakes are
    /// said on standard error (the first few, and how many more), pointing to `closer doctor`.
    pub fn catalog(&self) -> Catalog {
        let (catalog, problems) = crate::content::load(self.config_dir.as_deref());
        let mut err = Printable::new(std::io::stderr().lock());
        // Standard error that cannot be written to is no reason not to go on.
        let _ = say_content_problems(&problems, &mut err);
        catalog
    }

    /// Runs `print` on standard output made printable (control characters shown), then
    /// flushes it.
    ///
    /// # Errors
    /// What `print` returns; a failed write.
    pub fn printed<T>(
        &self,
        print: impl FnOnce(&mut Printable<StdoutLock<'static>>) -> Result<T>,
    ) -> Result<T> {
        let mut out = Printable::new(std::io::stdout().lock());
        let done = print(&mut out)?;
        out.flush()?;
        Ok(done)
    }

    /// Runs `print` on standard output as it is (for JSON, which escapes control characters
    /// itself, and for bytes), then flushes it.
    ///
    /// # Errors
    /// What `print` returns; a failed write.
    pub fn raw<T>(&self, print: impl FnOnce(&mut StdoutLock<'static>) -> Result<T>) -> Result<T> {
        let mut out = std::io::stdout().lock();
        let done = print(&mut out)?;
        out.flush()?;
        Ok(done)
    }

    /// Opens the journal at `start`.
    ///
    /// # Errors
    /// As [`Ctx::data_dir`] and [`crate::tui::run`].
    pub fn open(&self, start: crate::tui::Start) -> Result<ExitCode> {
        crate::tui::run(crate::tui::Options {
            data_dir: self.data_dir()?.to_owned(),
            config_dir: self.config_dir.clone(),
            no_colour: std::env::var("NO_COLOR").ok(),
            config_file: self.config_file.clone(),
            start,
        })?;
        Ok(ExitCode::SUCCESS)
    }
}

/// How many content problems are printed before the rest are counted.
pub const SHOWN_PROBLEMS: usize = 5;

/// Says the mistakes in the person's own prompts and strategies on `err`: the first
/// [`SHOWN_PROBLEMS`] (thousands of lines help nobody), how many more, and that closer leaves
/// out what is wrong and `closer doctor` lists every mistake. Nothing when there are none.
///
/// # Errors
/// A failed write.
pub(crate) fn say_content_problems(
    problems: &[crate::content::ContentError],
    err: &mut impl Write,
) -> std::io::Result<()> {
    for p in problems.iter().take(SHOWN_PROBLEMS) {
        writeln!(err, "closer: warning: {p}")?;
    }
    if problems.len() > SHOWN_PROBLEMS {
        writeln!(
            err,
            "closer: warning: and {} more problems like these in your own content files",
            problems.len() - SHOWN_PROBLEMS
        )?;
    }
    if !problems.is_empty() {
        writeln!(
            err,
            "closer: what is wrong is left out; `closer doctor` lists every mistake."
        )?;
    }
    Ok(())
}

/// The platform's data folder (`~/.local/share/closer` on Linux).
fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "closer").map(|d| d.data_dir().to_owned())
}

/// Where config.toml and the person's own prompts and strategies live: the platform config
/// folder (`~/.config/closer` on Linux, or `$XDG_CONFIG_HOME/closer`), or where that is the
/// data folder (macOS), a `config` folder of their own in it (see `config::folders`).
fn config_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "closer")
        .map(|d| crate::config::folders::config_dir_for(d.config_dir(), d.data_dir()))
}

/// The platform's own config folder, as `directories` gives it.
fn platform_config_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "closer").map(|d| d.config_dir().to_owned())
}

/// Fails, saying so, when there is no journal at `data_dir` (a mistyped `--data-dir` made
/// stats, status and export report an empty journal, and export write an empty "backup").
pub(crate) fn journal_is_there(data_dir: &Path) -> Result<()> {
    if !data_dir.is_dir() {
        bail!(
            "there is no journal in {}: that folder does not exist. Check --data-dir (or \
             CLOSER_DATA_DIR); closer makes the journal the first time you open it.",
            data_dir.display()
        );
    }
    Ok(())
}
