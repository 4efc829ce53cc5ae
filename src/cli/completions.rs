//! `closer completions`: a completion script for a shell, made from the same definitions as
//! `--help`: hidden commands left out, file names offered only where a file goes, folders
//! where a folder goes, nothing file-like for a date or a number.
//!
//! clap_complete's static scripts, repaired where they offer the wrong words. In bash's
//! (clap-rs/clap#5313), `COMPREPLY=($(compgen -f "${cur}"))` splits a name with spaces into
//! words and expands globs in names, and a folder option offered files; closer's script
//! reads compgen's lines whole instead. In fish's, a folder option before the command
//! offered files. (clap_complete's dynamic engine, `CompleteEnv`, would avoid this but is
//! behind its `unstable-dynamic` feature, and would make every Tab run closer.)

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::ValueHint;

use super::{Cli, Ctx};

/// Print a completion script for your shell.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  closer completions bash > ~/.local/share/bash-completion/completions/closer\n  closer completions zsh > \"${fpath[1]}/_closer\"\n  closer completions fish > ~/.config/fish/completions/closer.fish"
)]
pub struct Args {
    /// bash, zsh or fish
    #[arg(value_enum)]
    shell: CompletionShell,
}

/// The shells completions are written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CompletionShell {
    /// Bash.
    Bash,
    /// Zsh.
    Zsh,
    /// Fish.
    Fish,
}

impl Args {
    /// Prints the script (no journal needed).
    ///
    /// # Errors
    /// A failed write (a closed pipe ends the command quietly).
    pub fn run(self, ctx: &Ctx) -> Result<ExitCode> {
        let script = script(self.shell)?;
        ctx.raw(|out| Ok(out.write_all(script.as_bytes())?))?;
        Ok(ExitCode::SUCCESS)
    }
}

/// The completion script for `shell`.
///
/// # Errors
/// clap_complete wrote a bash script this code does not know how to repair (a newer
/// clap_complete: the tests say so first).
pub fn script(shell: CompletionShell) -> Result<String> {
    let mut command = completable();
    let generator = match shell {
        CompletionShell::Bash => clap_complete::Shell::Bash,
        CompletionShell::Zsh => clap_complete::Shell::Zsh,
        CompletionShell::Fish => clap_complete::Shell::Fish,
    };
    // Into memory first: clap_complete panics on a write error (`| head` closing the
    // pipe); written here, a closed pipe ends the command quietly.
    let mut script = Vec::new();
    clap_complete::generate(generator, &mut command, "closer", &mut script);
    let script = String::from_utf8(script)?;
    match shell {
        CompletionShell::Bash => Ok(format!(
            "{BASH_HELPER}{}",
            repaired("bash", &script, BASH_REPAIRS)?
        )),
        CompletionShell::Fish => repaired("fish", &script, FISH_REPAIRS),
        CompletionShell::Zsh => Ok(script),
    }
}

/// The command line as the completions see it: [`Cli`] without its hidden commands (the
/// merge driver git calls, `merge-day`), each value marked with the kind of word it is
/// ([`hint`]).
pub fn completable() -> clap::Command {
    let cli = <Cli as clap::CommandFactory>::command();
    // clap cannot take a subcommand out, so the root is made again with the rest (its
    // descriptions are not in any script).
    clap::Command::new("closer")
        .version(env!("CARGO_PKG_VERSION"))
        .args(cli.get_arguments().cloned())
        .subcommands(cli.get_subcommands().filter(|s| !s.is_hide_set()).cloned())
        .mut_args(hinted)
        .mut_subcommands(|sub| sub.mut_args(hinted))
}

/// `arg` with the [`ValueHint`] its value name says (see [`hint`]; a positional argument not
/// yet built is named by its id, as clap will name it); an argument with a list of possible
/// values, or no value, as it is.
fn hinted(arg: clap::Arg) -> clap::Arg {
    if !arg.get_action().takes_values() || !arg.get_possible_values().is_empty() {
        return arg;
    }
    let name = arg
        .get_value_names()
        .and_then(|names| names.first())
        .map_or_else(|| arg.get_id().as_str().to_uppercase(), ToString::to_string);
    let hint = hint(&name);
    arg.value_hint(hint)
}

/// The kind of word a value named `value_name` is: a file (`FILE`, `ARCHIVE`), a folder
/// (`DIR`), else neither (a `DATE`, a number, words): nothing file-like is offered.
pub fn hint(value_name: &str) -> ValueHint {
    match value_name {
        "FILE" | "ARCHIVE" => ValueHint::FilePath,
        "DIR" => ValueHint::DirPath,
        _ => ValueHint::Other,
    }
}

/// Every value name the command line uses, with the kind [`hint`] gives it on purpose: a
/// new one must be added here (a test says so), so its completion is a choice.
pub const VALUE_NAMES: &[&str] = &[
    "FILE",
    "ARCHIVE",
    "DIR",
    "DATE",
    "N",
    "TRIGGER",
    "TAG",
    "AGE-RECIPIENT",
    "HH:MM",
    "TEXT",
];

/// What clap_complete writes for a file (`-f`) or folder (`-d`) value, and what closer's
/// script writes instead. Each pair is replaced everywhere; a script without the first is
/// refused, so a change in clap_complete cannot slip by.
const BASH_REPAIRS: &[(&str, &str)] = &[
    // A file: compgen's lines read whole, no glob expanded.
    (
        r#"COMPREPLY=($(compgen -f "${cur}"))"#,
        "_closer_compgen -f",
    ),
    // A folder: clap_complete leaves COMPREPLY empty and asks bash to add folders, which
    // then falls back to every file when no folder matches; closer offers folders only.
    (
        "COMPREPLY=()\n                    if [[ \"${BASH_VERSINFO[0]}\" -ge 4 ]]; then\n                        compopt -o plusdirs",
        "_closer_compgen -d\n                    if [[ \"${BASH_VERSINFO[0]}\" -ge 4 ]]; then\n                        compopt -o filenames +o default +o bashdefault",
    ),
];

/// The helper the repaired script calls: COMPREPLY set to compgen's matches of the word
/// being completed, one a line, each kept whole (bash 3 has no `mapfile`).
const BASH_HELPER: &str = r#"# Sets COMPREPLY to what `compgen "$@"` matches of the current word, one name per line,
# each kept whole (spaces and glob characters included).
_closer_compgen() {
    local line
    COMPREPLY=()
    while IFS='' read -r line; do
        COMPREPLY+=("$line")
    done < <(compgen "$@" -- "${cur}")
}

"#;

/// What clap_complete writes in fish's script, and what closer's writes instead. Its test
/// for "no command yet" fails while an option before the command waits for its value
/// (`closer --data-dir my<Tab>`), so fish offered every file instead of the folders.
const FISH_REPAIRS: &[(&str, &str)] = &[(
    "    argparse -s (__fish_closer_global_optspecs) -- $cmd 2>/dev/null\n    or return\n",
    "    argparse -s (__fish_closer_global_optspecs) -- $cmd 2>/dev/null\n    or return 0\n",
)];

/// clap_complete's `script` for `shell` with each of `repairs` made everywhere.
///
/// # Errors
/// A repair found nothing to replace: clap_complete changed what it writes.
fn repaired(shell: &str, script: &str, repairs: &[(&str, &str)]) -> Result<String> {
    let mut script = script.to_owned();
    for (theirs, ours) in repairs {
        if !script.contains(theirs) {
            bail!(
                "the {shell} script clap_complete wrote has changed: no {theirs:?} to repair \
                 (src/cli/completions.rs)"
            );
        }
        script = script.replace(theirs, ours);
    }
    Ok(script)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every argument that takes a value, in the command and its subcommands: (command
    /// path, argument id, value name, hint, whether it has possible values).
    fn values(command: &clap::Command) -> Vec<(String, String, String, ValueHint, bool)> {
        fn walk(
            c: &clap::Command,
            path: &str,
            out: &mut Vec<(String, String, String, ValueHint, bool)>,
        ) {
            for a in c.get_arguments() {
                if a.get_num_args().is_some_and(|n| n.takes_values()) {
                    let name = a
                        .get_value_names()
                        .and_then(|n| n.first())
                        .map(ToString::to_string)
                        .unwrap_or_default();
                    out.push((
                        path.to_owned(),
                        a.get_id().to_string(),
                        name,
                        a.get_value_hint(),
                        !a.get_possible_values().is_empty(),
                    ));
                }
            }
            for s in c.get_subcommands() {
                walk(s, &format!("{path} {}", s.get_name()), out);
            }
        }
        let mut command = command.clone();
        command.build();
        let mut out = Vec::new();
        walk(&command, "closer", &mut out);
        out
    }

    fn hint_of(command: &clap::Command, path: &str, id: &str) -> ValueHint {
        values(command)
            .into_iter()
            .find(|(p, i, ..)| p == path && i == id)
            .unwrap_or_else(|| panic!("no {path} {id}"))
            .3
    }

    #[test]
    fn every_value_is_a_file_a_folder_or_neither_by_choice() {
        let command = completable();
        for (path, id, name, hint, listed) in values(&command) {
            if listed {
                continue;
            }
            assert!(
                VALUE_NAMES.contains(&name.as_str()),
                "{path} --{id} <{name}>: add {name} to VALUE_NAMES and to hint(), choosing \
                 whether it is a file, a folder or neither"
            );
            assert!(
                matches!(
                    hint,
                    ValueHint::FilePath | ValueHint::DirPath | ValueHint::Other
                ),
                "{path} {id}: {hint:?}"
            );
        }
        for (path, id, want) in [
            ("closer", "data_dir", ValueHint::DirPath),
            ("closer", "config", ValueHint::FilePath),
            ("closer stats", "data_dir", ValueHint::DirPath),
            ("closer stats", "from", ValueHint::Other),
            ("closer stats", "to", ValueHint::Other),
            ("closer export", "output", ValueHint::FilePath),
            ("closer report", "output", ValueHint::FilePath),
            ("closer report", "from", ValueHint::Other),
            ("closer import", "file", ValueHint::FilePath),
            ("closer restore", "archive", ValueHint::FilePath),
            ("closer backup", "to", ValueHint::DirPath),
            ("closer man", "dir", ValueHint::DirPath),
            ("closer remind", "at", ValueHint::Other),
            ("closer stats", "passphrase_fd", ValueHint::Other),
        ] {
            assert_eq!(hint_of(&command, path, id), want, "{path} {id}");
        }
    }

    #[test]
    fn hidden_commands_are_never_offered() {
        let full = <Cli as clap::CommandFactory>::command();
        let hidden: Vec<&str> = full
            .get_subcommands()
            .filter(|s| s.is_hide_set())
            .map(clap::Command::get_name)
            .collect();
        assert_eq!(hidden, ["merge-day"]);
        for shell in [
            CompletionShell::Bash,
            CompletionShell::Zsh,
            CompletionShell::Fish,
        ] {
            let script = script(shell).unwrap();
            assert!(!script.contains("merge-day"), "{shell:?}");
            assert!(!script.contains("merge__subcmd__day"), "{shell:?}");
            // Every visible command is still there.
            for sub in full.get_subcommands().filter(|s| !s.is_hide_set()) {
                assert!(
                    script.contains(sub.get_name()),
                    "{shell:?}: {}",
                    sub.get_name()
                );
            }
        }
    }

    #[test]
    fn the_bash_script_reads_names_whole_everywhere() {
        let script = script(CompletionShell::Bash).unwrap();
        assert!(!script.contains("compgen -f \"${cur}\""), "{script}");
        assert!(!script.contains("plusdirs"), "{script}");
        assert!(script.contains("_closer_compgen -f"));
        assert!(script.contains("_closer_compgen -d"));
        assert!(script.starts_with("# Sets COMPREPLY"));
    }

    #[test]
    fn a_changed_bash_script_is_refused_not_half_repaired() {
        let err = repaired("bash", "_closer() { :; }", BASH_REPAIRS).unwrap_err();
        assert!(err.to_string().contains("has changed"), "{err}");
    }
}
