//! The command line: arguments, and the subcommands that print instead of opening the journal.

pub mod backup;
pub mod doctor;
pub mod every_core;
pub mod export;
pub mod import;
pub mod man;
pub mod passphrase;
pub mod predictions;
pub mod printable;
pub mod privacy;
pub mod prompt;
pub mod report;
pub mod stats;
pub mod status;

use printable::Printable;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, bail};

mod args;
pub use args::*;

/// Fails, saying so, when there is no journal at `data_dir` (a mistyped `--data-dir` made
/// stats, status and export report an empty journal, and export write an empty "backup").
pub(crate) fn journal_is_there(data_dir: &std::path::Path) -> Result<()> {
    if !data_dir.is_dir() {
        bail!(
            "there is no journal in {}: that folder does not exist. Check --data-dir (or \
             CLOSER_DATA_DIR); closer makes the journal the first time you open it.",
            data_dir.display()
        );
    }
    Ok(())
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

/// The settings file: `--config`, else `config.toml` in the config folder.
fn config_file(given: Option<PathBuf>) -> Option<PathBuf> {
    given.or_else(|| config_dir().map(|d| d.join(crate::config::FILE)))
}

/// Where backups go and how many are kept: config.toml's `backup_dir` and `backup_keep`, else
/// `closer-backups` beside the data folder and 7 daily, 4 weekly, 12 monthly.
pub fn backup_settings(data_dir: &std::path::Path, config: Option<PathBuf>) -> backup::Settings {
    let file = config_file(config).map(|f| crate::config::load(&f).0);
    backup::Settings {
        dir: file
            .as_ref()
            .and_then(|c| c.backup_dir.clone())
            .unwrap_or_else(|| crate::store::backup::default_dir(data_dir)),
        keep: file
            .as_ref()
            .and_then(|c| c.backup_keep)
            .unwrap_or_default(),
        config_dir: config_dir(),
    }
}

/// Opens the journal at `start`.
fn open(data_dir: PathBuf, config: Option<PathBuf>, start: crate::tui::Start) -> Result<ExitCode> {
    let config_file = config_file(config);
    crate::tui::run(crate::tui::Options {
        data_dir,
        config_dir: config_dir(),
        no_colour: std::env::var("NO_COLOR").ok(),
        config_file,
        start,
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Runs closer with parsed arguments.
pub fn run(cli: Cli) -> Result<ExitCode> {
    // Completions and the manual need no journal.
    let needs_journal = !matches!(
        cli.command,
        Some(Command::Completions { .. } | Command::Man { .. })
    );
    let data_dir = if needs_journal {
        data_dir(&cli)?
    } else {
        PathBuf::new()
    };
    let secrets = passphrase::Source {
        fd: cli.passphrase_fd,
        command: config_file(cli.config.clone())
            .and_then(|f| crate::config::load(&f).0.passphrase_command),
    };
    let layout = crate::store::Layout::new(&data_dir);
    // Commands that read what the person wrote unlock an encrypted journal first.
    let unlock = || secrets.unlock(&layout);
    // …and say so when what they print is not encrypted.
    let plaintext_note = |what: &str| {
        if crate::store::crypto::is_encrypted(&layout) {
            eprintln!(
                "closer: note: {what} is not encrypted, though your journal is. Keep it \
                 somewhere private, and delete it when you are done with it."
            );
        }
    };
    match cli.command {
        None => open(data_dir, cli.config, crate::tui::Start::Home),
        Some(Command::Encrypt) => privacy::encrypt(&data_dir, &secrets),
        Some(Command::Decrypt) => privacy::decrypt(&data_dir, &secrets),
        Some(Command::Passphrase) => privacy::passphrase(&data_dir, &secrets),
        Some(Command::Checkin) => open(data_dir, cli.config, crate::tui::Start::CheckIn),
        Some(Command::Review) => open(data_dir, cli.config, crate::tui::Start::Review),
        Some(Command::Doctor {
            merge_conflicts,
            fix_permissions,
        }) => {
            // A journal that lost its key is checked as it is: doctor says what is missing.
            if !crate::store::crypto::key_missing(&layout) {
                unlock()?;
            }
            let mut out = Printable::new(std::io::stdout().lock());
            if fix_permissions {
                doctor::fix_permissions(&data_dir, &mut out)?;
                writeln!(out)?;
            }
            if merge_conflicts {
                doctor::merge_conflicts(&data_dir, &mut out)?;
                writeln!(out)?;
            }
            // The settings too: config.toml, and the person's own prompts and strategies.
            let (file, dir) = (config_file(cli.config), config_dir());
            let settings = doctor::Settings {
                file: file.as_deref(),
                dir: dir.as_deref(),
            };
            let healthy = doctor::run(&data_dir, &settings, &mut out)?;
            out.flush()?;
            Ok(if healthy {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        Some(Command::Export {
            format,
            from,
            to,
            output,
            force,
            bom,
            encrypt,
            recipient,
        }) => {
            unlock()?;
            let recipients = export::recipients(&layout, encrypt, &recipient)?;
            if recipients.is_empty() {
                plaintext_note("the export");
            }
            // The mood words the person chose, as the journal screens show them: the stored
            // preferences with config.toml laid over; defaults when either cannot be read.
            let mut prefs = crate::store::read_preferences(&crate::store::Layout::new(&data_dir))
                .unwrap_or_default();
            if let Some(file) = config_file(cli.config) {
                crate::config::load(&file).0.apply(&mut prefs);
            }
            // The person's own triggers and strategies get their titles too.
            let (catalog, _) = crate::content::load(config_dir().as_deref());
            // Markdown and CSV are made printable inside; JSON escapes control characters.
            let mut out = std::io::stdout().lock();
            export::run(
                &data_dir,
                &export::Request {
                    format,
                    from,
                    to,
                    output: output.as_deref(),
                    force,
                    bom,
                    mood_labels: prefs.mood_labels,
                    catalog: &catalog,
                    recipients: &recipients,
                },
                chrono::Local::now().fixed_offset(),
                &mut out,
            )?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Report {
            from,
            to,
            trigger,
            tag,
            include,
            format,
            output,
            force,
        }) => {
            unlock()?;
            plaintext_note("the report");
            let mut prefs = crate::store::read_preferences(&crate::store::Layout::new(&data_dir))
                .unwrap_or_default();
            if let Some(file) = config_file(cli.config) {
                crate::config::load(&file).0.apply(&mut prefs);
            }
            let (catalog, _) = crate::content::load(config_dir().as_deref());
            let mut out = std::io::stdout().lock();
            let mut err = Printable::new(std::io::stderr().lock());
            report::run(
                &data_dir,
                &report::Request {
                    from,
                    to,
                    triggers: &trigger,
                    tags: &tag,
                    include: &include,
                    format,
                    output: output.as_deref(),
                    force,
                    mood_labels: prefs.mood_labels,
                    week_starts: prefs.week_start.weekday(),
                    catalog: &catalog,
                    own_triggers: &prefs.custom_triggers,
                },
                chrono::Local::now().date_naive(),
                &mut out,
                &mut err,
            )?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Backup { to }) => {
            let settings = backup_settings(&data_dir, cli.config);
            let mut out = Printable::new(std::io::stdout().lock());
            backup::backup(&data_dir, &settings, to.as_deref(), &secrets, &mut out)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Backups) => {
            let settings = backup_settings(&data_dir, cli.config);
            let mut out = Printable::new(std::io::stdout().lock());
            backup::list(&settings, &mut out)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Restore {
            archive,
            dry_run,
            decrypt,
        }) => {
            let settings = backup_settings(&data_dir, cli.config);
            let mut out = Printable::new(std::io::stdout().lock());
            let options = backup::RestoreOptions { dry_run, decrypt };
            backup::restore(&data_dir, &settings, &archive, options, &secrets, &mut out)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Sync) => {
            journal_is_there(&data_dir)?;
            unlock()?;
            let store = crate::store::Store::open(&data_dir)?;
            if let Some(why) = store.read_only() {
                bail!("the journal cannot be synced now: {why}");
            }
            let host = std::env::var("HOSTNAME")
                .ok()
                .or_else(|| {
                    std::fs::read_to_string("/etc/hostname")
                        .ok()
                        .map(|h| h.trim().to_owned())
                })
                .filter(|h| !h.is_empty())
                .unwrap_or_else(|| "this computer".to_owned());
            let done = crate::store::sync::sync(
                store.layout(),
                &crate::store::sync::this_program(),
                &host,
            )?;
            if done.pulled {
                store.rebuild_prediction_index();
            }
            let mut out = Printable::new(std::io::stdout().lock());
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
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::MergeDay {
            base,
            ours,
            theirs,
            path,
        }) => match crate::store::sync::merge_day(&base, &ours, &theirs) {
            Ok(()) => Ok(ExitCode::SUCCESS),
            Err(e) => {
                let text = format!(
                    "closer merge-day could not merge {}: {e} git keeps the conflict; fix the file by hand, `git add` it, and commit.",
                    path.as_deref().unwrap_or(&ours).display()
                );
                eprintln!("{}", crate::journal::printable::printable(&text));
                Ok(ExitCode::FAILURE)
            }
        },
        Some(Command::Predictions { all, json }) => {
            unlock()?;
            let today = chrono::Local::now().date_naive();
            // JSON escapes control characters itself; text is made printable.
            if json {
                let mut out = std::io::stdout().lock();
                predictions::run(&data_dir, all, json, today, &mut out)?;
                out.flush()?;
            } else {
                let mut out = Printable::new(std::io::stdout().lock());
                predictions::run(&data_dir, all, json, today, &mut out)?;
                out.flush()?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Import { file, dry_run }) => {
            unlock()?;
            let mut out = Printable::new(std::io::stdout().lock());
            import::run(&data_dir, &file, dry_run, &mut out)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Status { short }) => {
            // A shell prompt may ask before the journal exists: the usual line (and exit 1,
            // "not yet today") on stdout, and on stderr that there is no journal there.
            if let Err(e) = journal_is_there(&data_dir) {
                let text = e.to_string();
                eprintln!("closer: {}", crate::journal::printable::printable(&text));
            }
            let mut out = Printable::new(std::io::stdout().lock());
            let today = chrono::Local::now().date_naive();
            let done = status::run(&data_dir, short, today, &mut out)?;
            out.flush()?;
            Ok(if done {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        Some(Command::Completions { shell }) => {
            let mut command = <Cli as clap::CommandFactory>::command();
            let shell = match shell {
                CompletionShell::Bash => clap_complete::Shell::Bash,
                CompletionShell::Zsh => clap_complete::Shell::Zsh,
                CompletionShell::Fish => clap_complete::Shell::Fish,
            };
            // Into memory first: clap_complete panics on a write error (`| head` closing the
            // pipe); written here, a closed pipe ends the command quietly.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut command, "closer", &mut script);
            let mut out = std::io::stdout().lock();
            out.write_all(&script)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man { dir }) => {
            let command = <Cli as clap::CommandFactory>::command();
            let mut out = Printable::new(std::io::stdout().lock());
            man::run(command, dir.as_deref(), &mut out)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Stats { from, to, json }) => {
            unlock()?;
            if json {
                plaintext_note("what stats --json prints");
            }
            let mut out = Printable::new(std::io::stdout().lock());
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
            let mut out = Printable::new(std::io::stdout().lock());
            let mut err = Printable::new(std::io::stderr().lock());
            // As on screen: config.toml's perspective wins over the one stored.
            let perspective = perspective.or_else(|| {
                config_file(cli.config).and_then(|f| crate::config::load(&f).0.perspective)
            });
            prompt::run(
                &data_dir,
                config_dir().as_deref(),
                perspective,
                chrono::Local::now().date_naive(),
                &mut out,
                &mut err,
            )?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
