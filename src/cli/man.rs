//! `closer man`: the manual pages, made from the same definitions as `--help` and the keys the
//! screens answer to, so they cannot drift apart.
//!
//! Each page is composed of sections: clap_mangen's NAME, DESCRIPTION, OPTIONS and
//! SUBCOMMANDS, and closer's own SYNOPSIS (with the values' names), EXIT STATUS, NOTES,
//! EXAMPLES (from the examples of `--help`) and SEE ALSO; the main page adds KEYS,
//! ENVIRONMENT and FILES.

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
        out.write_all(&page(&command, &command)?)?;
        return Ok(());
    };
    if !dir.is_dir() {
        bail!(
            "{} is not a folder: make it first (mkdir -p {}), or choose another.",
            dir.display(),
            dir.display()
        );
    }
    let mut pages: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    for (name, cmd) in pages_of(&command) {
        pages.push((dir.join(format!("{name}.1")), page(&command, cmd)?));
    }
    for (path, page) in &pages {
        atomic::write(path, page).with_context(|| format!("writing {}", path.display()))?;
        writeln!(out, "{}", path.display())?;
    }
    Ok(())
}

/// Every page of the built `root`, named: `closer` itself, then `closer-<name>` for each
/// subcommand that is not hidden.
fn pages_of(root: &clap::Command) -> Vec<(String, &clap::Command)> {
    std::iter::once((root.get_name().to_owned(), root))
        .chain(
            root.get_subcommands()
                .filter(|s| !s.is_hide_set())
                .map(|s| (format!("{}-{}", root.get_name(), s.get_name()), s)),
        )
        .collect()
}

/// The page of `cmd` (the built `root` itself, or one of its subcommands), in the order of
/// man-pages(7): NAME, SYNOPSIS, DESCRIPTION, OPTIONS, SUBCOMMANDS, KEYS, EXIT STATUS,
/// ENVIRONMENT, FILES, NOTES, EXAMPLES, SEE ALSO (the main page alone has SUBCOMMANDS, KEYS,
/// ENVIRONMENT and FILES).
fn page(root: &clap::Command, cmd: &clap::Command) -> Result<Vec<u8>> {
    let main = std::ptr::eq(root, cmd);
    let man = Man::new(cmd.clone()).source(format!(
        "{} {}",
        root.get_name(),
        root.get_version().unwrap_or_default()
    ));
    let name = if main {
        root.get_name().to_owned()
    } else {
        format!("{}-{}", root.get_name(), cmd.get_name())
    };
    let after = After::of(cmd);
    let mut page = Roff::new().render();
    let mut add = |render: &dyn Fn(&mut Vec<u8>) -> std::io::Result<()>| -> Result<()> {
        page.push_str(&without_preamble(render)?);
        Ok(())
    };
    add(&|w| man.render_title(w))?;
    // Left-aligned, with no word broken: option names, commands and page names stay whole.
    add(&|w| {
        let mut roff = Roff::new();
        roff.control("nh", []).control("ad", ["l"]);
        roff.to_writer(w)
    })?;
    add(&|w| man.render_name_section(w))?;
    add(&|w| synopsis(cmd).to_writer(w))?;
    add(&|w| man.render_description_section(w))?;
    add(&|w| man.render_options_section(w))?;
    if main {
        add(&|w| man.render_subcommands_section(w))?;
        add(&|w| keys().to_writer(w))?;
    }
    add(&|w| exit_status(&name, main).to_writer(w))?;
    if main {
        add(&|w| environment().to_writer(w))?;
        add(&|w| files().to_writer(w))?;
    }
    add(&|w| after.notes().to_writer(w))?;
    add(&|w| after.examples().to_writer(w))?;
    add(&|w| see_also(root, &name).to_writer(w))?;
    Ok(page.into_bytes())
}

/// What `render` writes, without the preamble every rendering starts with (how to print an
/// apostrophe), which the page holds once.
fn without_preamble(render: &dyn Fn(&mut Vec<u8>) -> std::io::Result<()>) -> Result<String> {
    let mut out = Vec::new();
    render(&mut out)?;
    let text = String::from_utf8(out)?;
    let preamble = Roff::new().render();
    Ok(text
        .strip_prefix(&preamble)
        .map_or(text.clone(), str::to_owned))
}

/// SYNOPSIS: the command, then each option with its value's name (`[-o|--output FILE]`;
/// no brackets when required, `...` when it may be repeated), the positional arguments,
/// and the subcommand.
fn synopsis(cmd: &clap::Command) -> Roff {
    let mut line = vec![bold(cmd.get_bin_name().unwrap_or_else(|| cmd.get_name()))];
    let value = |arg: &clap::Arg| {
        arg.get_value_names()
            .map(|names| {
                names
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_else(|| arg.get_id().as_str().to_uppercase())
    };
    let (positionals, options): (Vec<&clap::Arg>, Vec<&clap::Arg>) = cmd
        .get_arguments()
        .filter(|a| !a.is_hide_set())
        .partition(|a| a.is_positional());
    for arg in options.into_iter().chain(positionals) {
        let required = arg.is_required_set();
        line.push(roman(if required { " " } else { " [" }));
        let names: Vec<String> = arg
            .get_short()
            .map(|s| format!("-{s}"))
            .into_iter()
            .chain(arg.get_long().map(|l| format!("--{l}")))
            .collect();
        for (i, name) in names.iter().enumerate() {
            if i > 0 {
                line.push(roman("|"));
            }
            line.push(bold(name.as_str()));
        }
        if arg.get_action().takes_values() {
            if !names.is_empty() {
                line.push(roman(" "));
            }
            line.push(italic(value(arg)));
        }
        if !required {
            line.push(roman("]"));
        }
        if matches!(arg.get_action(), clap::ArgAction::Append)
            || arg.get_num_args().is_some_and(|n| n.max_values() > 1)
        {
            line.push(roman("..."));
        }
    }
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        line.extend([roman(" ["), italic("COMMAND"), roman("]")]);
    }
    let mut roff = Roff::new();
    roff.control("SH", ["SYNOPSIS"]).text(line);
    roff
}

/// A command's `after_help`, read apart: the examples (the lines under "Examples:" or
/// "Example:", each a command and what it does) and any paragraphs after them.
struct After {
    /// (command, what it does)
    examples: Vec<(String, Option<String>)>,
    notes: Vec<String>,
}

impl After {
    fn of(cmd: &clap::Command) -> After {
        let text = cmd
            .get_after_long_help()
            .or_else(|| cmd.get_after_help())
            .map(ToString::to_string)
            .unwrap_or_default();
        let mut after = After {
            examples: Vec::new(),
            notes: Vec::new(),
        };
        let mut in_examples = false;
        let mut paragraph = String::new();
        for line in text.lines() {
            if matches!(line.trim(), "Examples:" | "Example:") {
                in_examples = true;
            } else if in_examples && line.starts_with("  ") {
                after.examples.push(example(line.trim()));
            } else if line.trim().is_empty() {
                in_examples = false;
                if !paragraph.is_empty() {
                    after.notes.push(std::mem::take(&mut paragraph));
                }
            } else {
                in_examples = false;
                if !paragraph.is_empty() {
                    paragraph.push(' ');
                }
                paragraph.push_str(line.trim());
            }
        }
        if !paragraph.is_empty() {
            after.notes.push(paragraph);
        }
        after
    }

    /// EXAMPLES: each command in bold, what it does below it.
    fn examples(&self) -> Roff {
        let mut roff = Roff::new();
        if self.examples.is_empty() {
            return roff;
        }
        roff.control("SH", ["EXAMPLES"]);
        for (command, what) in &self.examples {
            roff.control("PP", []).text([bold(command.as_str())]);
            if let Some(what) = what {
                roff.control("RS", ["4"])
                    .text([roman(what.as_str())])
                    .control("RE", []);
            }
        }
        roff
    }

    /// NOTES: the paragraphs after the examples.
    fn notes(&self) -> Roff {
        let mut roff = Roff::new();
        if !self.notes.is_empty() {
            roff.control("SH", ["NOTES"]);
            for (i, note) in self.notes.iter().enumerate() {
                if i > 0 {
                    roff.control("PP", []);
                }
                roff.text([roman(note.as_str())]);
            }
        }
        roff
    }
}

/// An example line, the command apart from what it does: after `#`, or after a gap of two
/// spaces or more (`closer checkin    go straight to today's check-in`).
fn example(line: &str) -> (String, Option<String>) {
    let split = line
        .find(" # ")
        .map(|at| (at, at + 3))
        .or_else(|| line.find("  ").map(|at| (at, at + 2)));
    match split {
        Some((end, start)) => {
            let what = line[start..].trim().trim_start_matches("# ");
            (line[..end].trim_end().to_owned(), Some(what.to_owned()))
        }
        None => (line.to_owned(), None),
    }
}

/// EXIT STATUS: what each code of the page's command means (see [`super::exit`]); on the
/// main page, where the others' are said.
fn exit_status(name: &str, main: bool) -> Roff {
    let command = name.split_once('-').map_or(name, |(_, sub)| sub);
    let mut roff = Roff::new();
    roff.control("SH", ["EXIT STATUS"]);
    if main {
        roff.text([roman("Opening the journal (no command, review, checkin):")]);
    }
    for (code, what) in super::exit::meanings(command) {
        item(&mut roff, &code, what);
    }
    if main {
        roff.control("PP", []).text([roman(
            "Every command exits 0 when it did what was asked, 1 when it failed (what went \
             wrong is said on standard error) and 2 when its arguments were wrong. status and \
             doctor answer a question, and follow grep's convention: 0 for yes (all is well), 1 \
             for no (something needs a look), 2 when they could not tell. Each command's page \
             says its own.",
        )]);
    }
    roff
}

/// SEE ALSO: the other closer pages, then age, git and jrnl.
fn see_also(root: &clap::Command, this: &str) -> Roff {
    let mut line = Vec::new();
    let pages: Vec<String> = pages_of(root)
        .into_iter()
        .map(|(name, _)| name)
        .filter(|name| name != this)
        .chain(["age", "git", "jrnl"].map(str::to_owned))
        .collect();
    for (i, name) in pages.iter().enumerate() {
        let sep = if i + 1 == pages.len() { "(1)" } else { "(1), " };
        line.extend([bold(name.as_str()), roman(sep)]);
    }
    let mut roff = Roff::new();
    roff.control("SH", ["SEE ALSO"]).text(line);
    roff
}

/// A tagged paragraph: `term` in bold, then `text`.
fn item(roff: &mut Roff, term: &str, text: &str) {
    roff.control("TP", [])
        .text([bold(term)])
        .text([roman(text)]);
}

/// KEYS: every screen's, from the tables the screens answer to.
fn keys() -> Roff {
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
    roff
}

/// FILES: where closer keeps what.
fn files() -> Roff {
    let mut roff = Roff::new();
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
    roff
}

/// ENVIRONMENT: the variables closer reads.
fn environment() -> Roff {
    let mut roff = Roff::new();
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

    /// Where the section `h` starts in `page` (its `.SH` line; quoted when it has a space).
    fn section_at(page: &str, h: &str) -> Option<usize> {
        let h = if h.contains(' ') {
            format!("\"{h}\"")
        } else {
            h.to_owned()
        };
        page.find(&format!("\n.SH {h}\n"))
    }

    /// The text of section `h` of `page`, up to the next section.
    fn section<'a>(page: &'a str, h: &str) -> &'a str {
        let at = section_at(page, h).unwrap_or_else(|| panic!("no {h} in\n{page}"));
        let rest = &page[at + 1..];
        let end = rest[1..].find("\n.SH ").map_or(rest.len(), |e| e + 2);
        &rest[..end]
    }

    /// Every page, by name, as `closer man --dir` writes them.
    fn pages() -> Vec<(String, String)> {
        let dir = tempfile::tempdir().unwrap();
        run(command(), Some(dir.path()), &mut Vec::new()).unwrap();
        let mut pages: Vec<(String, String)> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|f| {
                let path = f.unwrap().path();
                let name = path.file_stem().unwrap().to_string_lossy().into_owned();
                (name, std::fs::read_to_string(&path).unwrap())
            })
            .collect();
        pages.sort();
        pages
    }

    #[test]
    fn the_main_page_has_its_sections_in_the_order_of_man_pages() {
        let mut out = Vec::new();
        run(command(), None, &mut out).unwrap();
        let page = String::from_utf8(out).unwrap();
        let at = |h: &str| section_at(&page, h).unwrap_or_else(|| panic!("no {h} in\n{page}"));
        let order = [
            "NAME",
            "SYNOPSIS",
            "DESCRIPTION",
            "OPTIONS",
            "GLOBAL OPTIONS",
            "SUBCOMMANDS",
            "KEYS",
            "EXIT STATUS",
            "ENVIRONMENT",
            "FILES",
            "EXAMPLES",
            "SEE ALSO",
        ];
        for pair in order.windows(2) {
            assert!(at(pair[0]) < at(pair[1]), "{} before {}", pair[0], pair[1]);
        }
        assert!(!page.contains(".SH EXTRA"), "{page}");
        assert_eq!(page.matches(".ds Aq").count(), 2, "one preamble (.ie/.el)");
        assert!(
            page.contains("DATA/entries/YYYY/YYYY\\-MM\\-DD.json"),
            "{page}"
        );
        assert!(page.contains("CLOSER_DATA_DIR"));
        // Every screen's keys are there, from the tables the screens answer to.
        assert!(page.contains(".SS review"), "{page}");
        assert!(page.contains(".SS \"check-in: scales\""), "{page}");
        // The examples of --help, each command apart from what it does.
        let examples = section(&page, "EXAMPLES");
        assert!(
            examples.contains(
                "\\fBcloser report \\-\\-from 2026\\-09\\-01\\fR\n.RS 4\na page with charts"
            ),
            "{examples}"
        );
        // The grep convention of status and doctor is said where every command's codes are.
        let exit = section(&page, "EXIT STATUS");
        assert!(exit.contains("grep"), "{exit}");
        assert!(exit.contains("128+N"), "{exit}");
    }

    #[test]
    fn every_page_has_exit_status_examples_and_see_also() {
        let pages = pages();
        assert_eq!(
            pages.len(),
            command()
                .get_subcommands()
                .filter(|s| !s.is_hide_set())
                .count()
                + 1
        );
        for (name, page) in &pages {
            for h in [
                "NAME",
                "SYNOPSIS",
                "DESCRIPTION",
                "OPTIONS",
                "EXIT STATUS",
                "EXAMPLES",
                "SEE ALSO",
            ] {
                assert!(section_at(page, h).is_some(), "{name} has no {h}:\n{page}");
            }
            for gone in ["EXTRA", "VERSION"] {
                assert!(section_at(page, gone).is_none(), "{name} has {gone}");
            }
            assert!(
                page.contains(&format!(" \"{} {}\"", "closer", env!("CARGO_PKG_VERSION"))),
                "{name}: the version in the title line"
            );
            // Every other page is named, then age, git and jrnl; never the page itself.
            let see_also = section(page, "SEE ALSO");
            for (other, _) in &pages {
                let named = see_also.contains(&format!("\\fB{}\\fR(1)", other.replace('-', "\\-")));
                assert_eq!(named, other != name, "{name} names {other}: {see_also}");
            }
            for tool in ["age", "git", "jrnl"] {
                assert!(see_also.contains(&format!("\\fB{tool}\\fR(1)")), "{name}");
            }
            // Each code of the command is said, as crate::cli::exit has it.
            let exit = section(page, "EXIT STATUS");
            let command = name.strip_prefix("closer-").unwrap_or(name);
            for (code, _) in crate::cli::exit::meanings(command) {
                assert!(exit.contains(&format!("\\fB{code}\\fR")), "{name}: {exit}");
            }
        }
    }

    #[test]
    fn status_and_doctor_say_the_grep_convention() {
        let pages = pages();
        let page = |n: &str| &pages.iter().find(|(name, _)| name == n).unwrap().1;
        let status = section(page("closer-status"), "EXIT STATUS");
        for words in [
            "\\fB0\\fR\nThere is a check\\-in today",
            "\\fB1\\fR\nThere is none yet",
            "\\fB2\\fR\nIt could not tell",
        ] {
            assert!(status.contains(words), "{status}");
        }
        let doctor = section(page("closer-doctor"), "EXIT STATUS");
        for words in [
            "\\fB0\\fR\nAll is well",
            "\\fB1\\fR\nA file or a setting needs a look",
            "\\fB2\\fR\nThe journal could not be checked",
        ] {
            assert!(doctor.contains(words), "{doctor}");
        }
        let export = section(page("closer-export"), "EXIT STATUS");
        assert!(
            export.contains("\\fB2\\fR\nThe arguments were wrong"),
            "{export}"
        );
        assert!(!export.contains("128+N"), "{export}");
        assert!(section(page("closer-checkin"), "EXIT STATUS").contains("128+N"));
    }

    #[test]
    fn the_synopsis_names_each_value() {
        let pages = pages();
        let page = |n: &str| &pages.iter().find(|(name, _)| name == n).unwrap().1;
        let export = section(page("closer-export"), "SYNOPSIS");
        for part in [
            "\\fBcloser export\\fR \\fB\\-\\-format\\fR \\fIFORMAT\\fR [",
            "[\\fB\\-\\-from\\fR \\fIDATE\\fR]",
            "[\\fB\\-o\\fR|\\fB\\-\\-output\\fR \\fIFILE\\fR]",
            "[\\fB\\-\\-force\\fR]",
            "[\\fB\\-\\-recipient\\fR \\fIAGE\\-RECIPIENT\\fR]...",
            "[\\fB\\-\\-data\\-dir\\fR \\fIDIR\\fR]",
        ] {
            assert!(export.contains(part), "{part} in {export}");
        }
        let import = section(page("closer-import"), "SYNOPSIS");
        assert!(import.contains(" \\fIFILE\\fR"), "{import}");
        let main = section(page("closer"), "SYNOPSIS");
        assert!(main.contains("[\\fICOMMAND\\fR]"), "{main}");
    }

    #[test]
    fn an_example_is_a_command_and_what_it_does() {
        assert_eq!(
            example("closer checkin                  go straight to today's check-in"),
            (
                "closer checkin".to_owned(),
                Some("go straight to today's check-in".to_owned())
            )
        );
        assert_eq!(
            example("closer status --short    # prints: ✓ 5"),
            (
                "closer status --short".to_owned(),
                Some("prints: ✓ 5".to_owned())
            )
        );
        assert_eq!(
            example("closer export --format json -o backup.json"),
            (
                "closer export --format json -o backup.json".to_owned(),
                None
            )
        );
        // The paragraph after the examples is a note, not an example.
        let pages = pages();
        let export = &pages
            .iter()
            .find(|(name, _)| name == "closer-export")
            .unwrap()
            .1;
        assert!(
            section(export, "NOTES").contains("CSV has one row per entry"),
            "{export}"
        );
        assert!(!section(export, "EXAMPLES").contains("CSV has"), "{export}");
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
