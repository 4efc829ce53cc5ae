//! `closer man`: the manual pages, made from the same definitions as `--help` and the keys the
//! screens answer to, so they cannot drift apart.
//!
//! clap_mangen writes NAME, SYNOPSIS, DESCRIPTION, OPTIONS, SUBCOMMANDS, EXTRA (the examples)
//! and VERSION; closer adds KEYS, FILES and ENVIRONMENT to the main page, before the examples.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, italic, roman};

use crate::store::atomic;
use crate::tui::keys::{GLOBAL, HELP_KEY};
use crate::tui::screens::key_tables;

/// Print the manual page (roff), made from the same definitions as --help and the keys.
///
/// With --dir, write closer.1 and a page per subcommand (closer-export.1, …) into a
/// folder instead.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  closer man > closer.1 && man ./closer.1\n  closer man --dir ~/.local/share/man/man1 && man closer-export"
)]
pub struct Args {
    /// Write every page into this existing folder
    #[arg(long, value_name = "DIR")]
    dir: Option<PathBuf>,
}

impl Args {
    /// Prints the main page, or writes every page (no journal needed).
    ///
    /// # Errors
    /// As [`run`].
    pub fn run(self, ctx: &super::Ctx) -> Result<std::process::ExitCode> {
        let command = <super::Cli as clap::CommandFactory>::command();
        ctx.printed(|out| run(command, self.dir.as_deref(), out))?;
        Ok(std::process::ExitCode::SUCCESS)
    }
}

/// Prints the main page to `out`, or with `dir` writes `closer.1` and one page per subcommand
/// (`closer-export.1`, …) into that existing folder and lists them on `out`.
///
/// # Errors
/// `dir` missing or not a folder, or a page that cannot be written.
pub fn run(command: clap::Command, dir: Option<&Path>, out: &mut impl Write) -> Result<()> {
    let mut command = command.disable_help_subcommand(true);
    command.build();
    let Some(dir) = dir else {
        out.write_all(&main_page(&command)?)?;
        return Ok(());
    };
    if !dir.is_dir() {
        bail!(
            "{} is not a folder: make it first (mkdir -p {}), or choose another.",
            dir.display(),
            dir.display()
        );
    }
    let mut pages: Vec<(PathBuf, Vec<u8>)> = vec![(dir.join("closer.1"), main_page(&command)?)];
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        let man = Man::new(sub.clone());
        let mut page = Vec::new();
        man.render(&mut page)?;
        pages.push((dir.join(man.get_filename()), page));
    }
    for (path, page) in &pages {
        atomic::write(path, page).with_context(|| format!("writing {}", path.display()))?;
        writeln!(out, "{}", path.display())?;
    }
    Ok(())
}

/// The main page: clap_mangen's, with KEYS, FILES and ENVIRONMENT before the examples.
fn main_page(command: &clap::Command) -> Result<Vec<u8>> {
    let mut page = Vec::new();
    Man::new(command.clone()).render(&mut page)?;
    let page = String::from_utf8(page)?;
    let ours = sections().render();
    // Both start with the same preamble (how to print an apostrophe); keep one.
    let ours = ours
        .split_once("\n.SH ")
        .map_or(ours.as_str(), |(_, rest)| rest);
    let at = ["\n.SH EXTRA", "\n.SH VERSION"]
        .iter()
        .find_map(|h| page.find(h))
        .unwrap_or(page.len().saturating_sub(1));
    Ok(format!("{}\n.SH {ours}{}", &page[..at], &page[at + 1..]).into_bytes())
}

/// A tagged paragraph: `term` in bold, then `text`.
fn item(roff: &mut Roff, term: &str, text: &str) {
    roff.control("TP", [])
        .text([bold(term)])
        .text([roman(text)]);
}

/// KEYS, FILES and ENVIRONMENT.
fn sections() -> Roff {
    let mut roff = Roff::new();
    roff.control("SH", ["KEYS"]).text([roman(
        "Every screen shows its main keys at the bottom; ? lists all of them. These work on every screen:",
    )]);
    for b in std::iter::once(&HELP_KEY).chain(GLOBAL) {
        item(&mut roff, &b.keys_label(), b.help);
    }
    for (name, table, _) in key_tables() {
        roff.control("SS", [name]);
        for b in table {
            item(&mut roff, &b.keys_label(), b.help);
        }
    }

    roff.control("SH", ["FILES"]).text([
        roman("Everything stays on this computer. "),
        italic("DATA"),
        roman(" is the data folder: --data-dir, else CLOSER_DATA_DIR, else ~/.local/share/closer on Linux ($XDG_DATA_HOME/closer when set) and ~/Library/Application Support/closer on macOS. "),
        italic("CONFIG"),
        roman(" is the config folder: ~/.config/closer on Linux ($XDG_CONFIG_HOME/closer when set). Every file is written atomically and is private to you (files 0600, folders 0700)."),
    ]);
    for (path, what) in [
        (
            "DATA/entries/YYYY/YYYY-MM-DD.json",
            "the entries of one local day",
        ),
        (
            "DATA/drafts/current.json",
            "the check-in in progress, written after every step and every pause in typing",
        ),
        (
            "DATA/trash/",
            "deleted entries, kept until you empty the trash",
        ),
        ("DATA/state.json", "the choices you made on screen"),
        (
            "DATA/.lock",
            "with a lock on the data folder, lets only one closer write at a time; a second one opens the journal read-only",
        ),
        (
            "CONFIG/config.toml",
            "settings for people who keep dotfiles; they win over the ones chosen on screen (--config FILE reads another)",
        ),
        (
            "~/.config/systemd/user/closer-remind.timer, closer-remind.service",
            "the daily reminder set up by closer remind with systemd ($XDG_CONFIG_HOME/systemd/user when set); closer remind --off removes them",
        ),
        (
            "~/Library/LaunchAgents/local.closer.remind.plist",
            "the daily reminder set up by closer remind on macOS",
        ),
        (
            "~/.local/state/closer/remind-pending",
            "a reminder waiting for the shell prompt (closer remind --pending), when there was no desktop to show it",
        ),
        (
            "CONFIG/prompts.toml, CONFIG/strategies.toml",
            "your own prompts and strategies, added to the bundled ones or replacing them by id",
        ),
    ] {
        item(&mut roff, path, what);
    }

    roff.control("SH", ["ENVIRONMENT"]);
    for (name, what) in [
        (
            "CLOSER_DATA_DIR",
            "the data folder, when --data-dir is not given",
        ),
        (
            "NO_COLOR",
            "any non-empty value: no colours; focus and selection shown with bold and reverse",
        ),
        (
            "TERM",
            "dumb (or a terminal reporting fewer than 8 colours): no colours",
        ),
        (
            "VISUAL, EDITOR",
            "the editor Ctrl-E opens for an answer or the notes (VISUAL first)",
        ),
        (
            "XDG_DATA_HOME",
            "on Linux, where the default data folder is looked for",
        ),
        (
            "XDG_CONFIG_HOME",
            "on Linux, where the config folder is looked for",
        ),
        (
            "CLOSER_STATE_DIR",
            "where closer keeps this computer's record of an encrypted journal (its recipient as \
             last seen unlocked), instead of $XDG_STATE_HOME/closer (~/.local/state/closer)",
        ),
    ] {
        item(&mut roff, name, what);
    }
    roff
}

#[cfg(test)]
mod tests {
    use super::*;

    fn command() -> clap::Command {
        <crate::cli::Cli as clap::CommandFactory>::command()
    }

    #[test]
    fn the_main_page_has_keys_files_and_environment_before_the_examples() {
        let mut out = Vec::new();
        run(command(), None, &mut out).unwrap();
        let page = String::from_utf8(out).unwrap();
        let at = |h: &str| {
            page.find(&format!("\n.SH {h}\n"))
                .unwrap_or_else(|| panic!("no {h} in\n{page}"))
        };
        assert!(at("OPTIONS") < at("KEYS"));
        assert!(at("KEYS") < at("FILES"));
        assert!(at("FILES") < at("ENVIRONMENT"));
        assert!(at("ENVIRONMENT") < at("EXTRA"));
        assert_eq!(page.matches(".ds Aq").count(), 2, "one preamble (.ie/.el)");
        assert!(
            page.contains("DATA/entries/YYYY/YYYY\\-MM\\-DD.json"),
            "{page}"
        );
        assert!(page.contains("CLOSER_DATA_DIR"));
        // Every screen's keys are there, from the tables the screens answer to.
        assert!(page.contains(".SS review"), "{page}");
        assert!(page.contains(".SS \"check-in: scales\""), "{page}");
    }

    #[test]
    fn a_folder_gets_a_page_per_subcommand_and_each_page_it_names() {
        let dir = tempfile::tempdir().unwrap();
        let mut out = Vec::new();
        run(command(), Some(dir.path()), &mut out).unwrap();
        let listed = String::from_utf8(out).unwrap();
        let main = std::fs::read_to_string(dir.path().join("closer.1")).unwrap();
        for sub in command().get_subcommands().filter(|s| !s.is_hide_set()) {
            let name = format!("closer-{}", sub.get_name());
            let file = dir.path().join(format!("{name}.1"));
            let page = std::fs::read_to_string(&file).unwrap();
            assert!(page.contains(&format!(".TH {name} 1")), "{page}");
            assert!(listed.contains(&file.display().to_string()), "{listed}");
            // The SUBCOMMANDS section names the page that now exists.
            assert!(
                main.contains(&format!("{}(1)", name.replace('-', "\\-"))),
                "{name} is not named in\n{main}"
            );
        }
        assert!(!dir.path().join("closer-help.1").exists());
        assert!(
            !dir.path().join("closer-merge-day.1").exists(),
            "the merge driver is for git, not people"
        );
    }

    #[test]
    fn a_missing_folder_is_said() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("man1");
        let err = run(command(), Some(&missing), &mut Vec::new()).unwrap_err();
        assert!(err.to_string().contains("mkdir -p"), "{err}");
        assert!(!missing.exists());
    }
}
