//! The system's own commands (`systemctl`, `crontab`, `launchctl`, `notify-send`,
//! `osascript`), found on PATH, with failures said in words that say what to do.

use std::io::Write as _;
use std::process::{Command, Stdio};

use anyhow::{Result, bail};

/// How a command ended.
#[derive(Debug)]
pub struct Ran {
    /// It exited 0.
    pub ok: bool,
    /// Its standard output.
    pub stdout: String,
    /// Its standard error, trimmed.
    pub stderr: String,
}

/// What was run, as a person would type it.
fn shown(program: &str, args: &[&str]) -> String {
    std::iter::once(program)
        .chain(args.iter().copied())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs `command` to its end, writing `input` to its standard input. `None` when the program
/// is not on PATH.
///
/// # Errors
/// It cannot be started for another reason (not executable, …).
pub fn output(command: &mut Command, input: Option<&[u8]>) -> Result<Option<Ran>> {
    command
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let program = command.get_program().to_string_lossy().into_owned();
    let mut child = match command.spawn() {
        Ok(child) => child,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => bail!("{program} could not be started: {e}"),
    };
    if let (Some(bytes), Some(mut stdin)) = (input, child.stdin.take()) {
        // A program that exits without reading all of it says so in its exit status.
        let _ = stdin.write_all(bytes);
    }
    let out = child.wait_with_output()?;
    Ok(Some(Ran {
        ok: out.status.success(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).trim().to_owned(),
    }))
}

/// Runs `program args`; `None` when it is not on PATH.
///
/// # Errors
/// As [`output`].
pub fn run(program: &str, args: &[&str], input: Option<&[u8]>) -> Result<Option<Ran>> {
    output(Command::new(program).args(args), input)
}

/// Runs `program args` and fails, saying what failed and how, unless it exits 0; returns its
/// standard output.
///
/// # Errors
/// The program is not on PATH, cannot be started, or exits with an error.
pub fn must(program: &str, args: &[&str], input: Option<&[u8]>) -> Result<String> {
    match run(program, args, input)? {
        None => bail!("{program} is not on PATH"),
        Some(ran) if ran.ok => Ok(ran.stdout),
        Some(ran) => {
            let why = if ran.stderr.is_empty() {
                "it exited with an error".to_owned()
            } else {
                ran.stderr
            };
            bail!("`{}` failed: {why}", shown(program, args))
        }
    }
}
