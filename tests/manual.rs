//! Help, manual pages and completions on the built binary: help wrapped to the terminal and
//! written for people, pages `man` renders without a warning, and completion scripts that
//! offer what each value is (bash's run for real, with names that hold spaces).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn closer(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_closer"));
    cmd.args(args)
        .env_remove("CLOSER_DATA_DIR")
        .env("XDG_CONFIG_HOME", "/nonexistent-closer-test-config");
    cmd
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// The visible subcommands, from `closer --help`'s list (not `help` itself).
fn subcommands() -> Vec<String> {
    let help = stdout(&closer(&["--help"]).output().unwrap());
    let list = help
        .split("Commands:\n")
        .nth(1)
        .unwrap()
        .split("\n\n")
        .next()
        .unwrap();
    let names: Vec<String> = list
        .lines()
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .map(|l| l.split_whitespace().next().unwrap().to_owned())
        .filter(|n| n != "help")
        .collect();
    assert!(names.len() > 15, "{names:?}");
    assert!(
        !names.contains(&"merge-day".to_owned()),
        "a hidden command listed"
    );
    names
}

/// Every help text: `closer` and each subcommand, short (-h) and long (--help), at COLUMNS
/// `columns` (no terminal here, so clap reads COLUMNS).
fn every_help(columns: &str) -> Vec<(String, String)> {
    let mut helps = Vec::new();
    let mut commands = vec![Vec::new()];
    commands.extend(subcommands().into_iter().map(|s| vec![s]));
    for command in commands {
        for flag in ["-h", "--help"] {
            let mut args: Vec<&str> = command.iter().map(String::as_str).collect();
            args.push(flag);
            let out = closer(&args).env("COLUMNS", columns).output().unwrap();
            helps.push((args.join(" "), stdout(&out)));
        }
    }
    helps
}

#[test]
fn help_is_wrapped_to_an_80_column_terminal() {
    for (args, help) in every_help("80") {
        for line in help.lines() {
            assert!(
                line.chars().count() <= 80,
                "closer {args}: a line of {} columns:\n{line}",
                line.chars().count()
            );
        }
    }
    // Wider terminals get longer lines: the width is the terminal's, not fixed.
    let wide = stdout(
        &closer(&["export", "--help"])
            .env("COLUMNS", "200")
            .output()
            .unwrap(),
    );
    assert!(
        wide.lines().any(|l| l.chars().count() > 80),
        "not wrapped at 200:\n{wide}"
    );
}

#[test]
fn examples_fit_80_columns_so_they_are_never_wrapped() {
    let examples = |help: &str| -> Vec<String> {
        let Some(at) = help.find("Examples:\n").or_else(|| help.find("Example:\n")) else {
            return Vec::new();
        };
        help[at..]
            .lines()
            .skip(1)
            .take_while(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let narrow = every_help("80");
    let wide = every_help("1000");
    for ((args, at_80), (_, at_1000)) in narrow.iter().zip(&wide) {
        if args.ends_with("--help") {
            assert!(
                !examples(at_1000).is_empty(),
                "closer {args} has no examples"
            );
        }
        assert_eq!(
            examples(at_80),
            examples(at_1000),
            "closer {args}: an example is longer than 80 columns"
        );
    }
}

#[test]
fn help_is_written_for_people_not_for_rustdoc() {
    for (args, help) in every_help("1000") {
        assert!(!help.contains('`'), "closer {args}: a backtick in\n{help}");
        assert!(
            !help.contains("[`"),
            "closer {args}: a rustdoc link in\n{help}"
        );
    }
}

/// The pages `closer man --dir` writes, in a new folder.
fn man_pages(dir: &Path) -> Vec<std::path::PathBuf> {
    let out = closer(&["man", "--dir", dir.to_str().unwrap()])
        .output()
        .unwrap();
    stdout(&out);
    let mut pages: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|f| f.unwrap().path())
        .collect();
    pages.sort();
    assert_eq!(pages.len(), subcommands().len() + 1, "{pages:?}");
    pages
}

#[test]
fn man_renders_every_page_without_a_warning_in_80_columns() {
    let dir = tempfile::tempdir().unwrap();
    let pages = man_pages(dir.path());
    for page in &pages {
        let text = fs::read_to_string(page).unwrap();
        assert!(!text.contains('`'), "{}: a backtick", page.display());
    }
    if !common::needs::tool("man", "to render the manual pages") {
        return;
    }
    for page in &pages {
        let out = Command::new("man")
            .arg("-l")
            .arg(page)
            .env("MANWIDTH", "80")
            .env("MANPAGER", "cat")
            .env("PAGER", "cat")
            .env("MAN_KEEP_FORMATTING", "")
            .env("LC_ALL", "C.UTF-8")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && err.is_empty(),
            "{}: {err}",
            page.display()
        );
        let text = String::from_utf8_lossy(&out.stdout);
        for h in ["NAME", "SYNOPSIS", "EXIT STATUS", "EXAMPLES", "SEE ALSO"] {
            assert!(
                text.lines().any(|l| l == h),
                "{}: no {h} in\n{text}",
                page.display()
            );
        }
        for line in text.lines() {
            // Bold and underline may be overstruck (x\bx): count what shows.
            let plain = strip_overstrike(line);
            assert!(
                plain.chars().count() <= 80,
                "{}: {} columns:\n{plain}",
                page.display(),
                plain.chars().count()
            );
        }
    }
}

/// `line` without overstriking (`x\bx` bold, `_\bx` underline): what the terminal shows.
fn strip_overstrike(line: &str) -> String {
    let mut shown: Vec<char> = Vec::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{8}' {
            shown.pop();
            if let Some(next) = chars.next() {
                shown.push(next);
            }
        } else {
            shown.push(c);
        }
    }
    shown.into_iter().collect()
}

/// Runs bash's completion of `words` (the last one being completed) with closer's script
/// sourced, in `dir`; returns COMPREPLY, one entry a line, and the `compopt` options asked.
fn bash_complete(dir: &Path, words: &[&str]) -> (Vec<String>, String) {
    let words_q: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let cword = words.len() - 1;
    let prev = if cword > 0 { words[cword - 1] } else { "" };
    let script = format!(
        r#"source ./closer.bash
# compopt works only while bash completes for real; here it says what was asked.
compopt() {{ printf '%s\n' "$*" >> compopt.log; }}
COMP_WORDS=({words})
COMP_CWORD={cword}
COMP_LINE="${{COMP_WORDS[*]}}"
COMP_POINT=${{#COMP_LINE}}
_closer closer '{cur}' '{prev}'
printf '%s\n' "${{COMPREPLY[@]}}""#,
        words = words_q.join(" "),
        cur = words[cword],
    );
    let _ = fs::remove_file(dir.join("compopt.log"));
    let out = Command::new("bash")
        .args(["--norc", "--noprofile", "-c", &script])
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let reply = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    let opts = fs::read_to_string(dir.join("compopt.log")).unwrap_or_default();
    (reply, opts)
}

/// Case bh-48 (clap-rs/clap#5313): in bash, a file or folder name with spaces is offered
/// whole; a folder option offers folders only; a date offers no file name.
#[test]
fn bash_completes_names_with_spaces_whole() {
    if !common::needs::tool("bash", "to run the bash completion") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir(d.join("my journal dir")).unwrap();
    fs::write(d.join("my export file.json"), "").unwrap();
    fs::write(d.join("my*glob"), "").unwrap();
    let script = stdout(&closer(&["completions", "bash"]).output().unwrap());
    fs::write(d.join("closer.bash"), script).unwrap();

    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    // A file goes here: every name, each whole, and bash told they are file names (so it
    // escapes the spaces and marks folders).
    for words in [
        &["closer", "--config", "my"][..],
        &["closer", "export", "--format", "json", "-o", "my"],
        &["closer", "report", "--output", "my"],
        &["closer", "stats", "--config", "my"],
    ] {
        let (reply, opts) = bash_complete(d, words);
        assert_eq!(
            sorted(reply),
            ["my export file.json", "my journal dir", "my*glob"],
            "{words:?}"
        );
        assert!(opts.contains("-o filenames"), "{words:?}: {opts}");
    }
    // A folder goes here: folders only, and no falling back to files when none matches.
    for words in [
        &["closer", "--data-dir", "my"][..],
        &["closer", "doctor", "--data-dir", "my"],
        &["closer", "backup", "--to", "my"],
        &["closer", "man", "--dir", "my"],
    ] {
        let (reply, opts) = bash_complete(d, words);
        assert_eq!(reply, ["my journal dir"], "{words:?}");
        assert!(opts.contains("-o filenames"), "{words:?}: {opts}");
        assert!(opts.contains("+o default"), "{words:?}: {opts}");
    }
    // A date: the word as typed, no file name.
    for words in [
        &["closer", "stats", "--from", "my"][..],
        &["closer", "report", "--to", "my"],
    ] {
        let (reply, _) = bash_complete(d, words);
        assert_eq!(reply, ["my"], "{words:?}");
    }
    // A file given without an option (import, restore): the script offers nothing of its
    // own, and bash's own file names (which keep spaces whole) take over.
    for words in [
        &["closer", "import", "my"][..],
        &["closer", "restore", "my"],
    ] {
        let (reply, _) = bash_complete(d, words);
        assert!(reply.iter().all(String::is_empty), "{words:?}: {reply:?}");
    }
    let registered = Command::new("bash")
        .args(["--norc", "-c", "source ./closer.bash; complete -p closer"])
        .current_dir(d)
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&registered.stdout).contains("-o default"),
        "{registered:?}"
    );
    // Commands: every visible one, never the hidden merge driver.
    let (reply, _) = bash_complete(d, &["closer", "m"]);
    assert_eq!(sorted(reply), ["man"]);
    let (reply, _) = bash_complete(d, &["closer", ""]);
    assert!(reply.contains(&"status".to_owned()), "{reply:?}");
    assert!(!reply.iter().any(|r| r.contains("merge")), "{reply:?}");
}

#[test]
fn zsh_and_fish_scripts_are_written_and_parse() {
    for (shell, check) in [("zsh", ["-n"]), ("fish", ["-n"])] {
        let script = stdout(&closer(&["completions", shell]).output().unwrap());
        assert!(!script.contains("merge-day"), "{shell}");
        assert!(script.contains("data-dir"), "{shell}");
        if !common::needs::tool(shell, &format!("to check the {shell} script's syntax")) {
            continue;
        }
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(format!("closer.{shell}"));
        fs::write(&file, &script).unwrap();
        let out = Command::new(shell).args(check).arg(&file).output().unwrap();
        assert!(
            out.status.success(),
            "{shell}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // zsh offers folders for --data-dir and nothing for a date; fish the same.
    let zsh = stdout(&closer(&["completions", "zsh"]).output().unwrap());
    assert!(
        zsh.contains("--data-dir=[") && zsh.contains(":DIR:_files -/"),
        "{zsh}"
    );
    assert!(zsh.contains(":DATE:"), "{zsh}");
    assert!(!zsh.contains(":DATE:_files"), "{zsh}");
    let fish = stdout(&closer(&["completions", "fish"]).output().unwrap());
    assert!(
        fish.lines()
            .any(|l| l.contains("-l data-dir") && l.contains("__fish_complete_directories")),
        "{fish}"
    );
    assert!(
        fish.lines()
            .filter(|l| l.contains("-l from"))
            .all(|l| l.contains(" -f") && !l.contains(" -F")),
        "{fish}"
    );
}

/// fish, run for real: a folder option offers folders (before the command too), a file
/// option every name, whole, and a date nothing.
#[test]
fn fish_completes_folders_files_and_no_file_for_a_date() {
    if !common::needs::tool("fish", "to run the fish completion") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir(d.join("my journal dir")).unwrap();
    fs::write(d.join("my export file.json"), "").unwrap();
    let script = stdout(&closer(&["completions", "fish"]).output().unwrap());
    fs::write(d.join("closer.fish"), script).unwrap();
    let complete = |line: &str| -> Vec<String> {
        let out = Command::new("fish")
            .args(["--no-config", "-c"])
            .arg(format!("source closer.fish; complete -C'{line}'"))
            .current_dir(d)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        let mut names: Vec<String> = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| l.split('\t').next().unwrap().to_owned())
            .collect();
        names.sort();
        names
    };
    for line in [
        "closer --data-dir my",
        "closer stats --data-dir my",
        "closer backup --to my",
    ] {
        assert_eq!(complete(line), ["my journal dir/"], "{line}");
    }
    for line in [
        "closer --config my",
        "closer export -o my",
        "closer import my",
    ] {
        assert_eq!(
            complete(line),
            ["my export file.json", "my journal dir/"],
            "{line}"
        );
    }
    assert_eq!(complete("closer stats --from my"), Vec::<String>::new());
    assert!(complete("closer m").iter().all(|c| c == "man"));
}
