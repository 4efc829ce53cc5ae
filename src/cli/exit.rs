//! How a command ends: its exit code, what each code means (for the manual pages), and an
//! output that lets the reader go away without changing the answer.
//!
//! Every command exits 0 when it did what was asked, 1 when it failed (what went wrong said on
//! standard error) and 2 when its arguments were wrong (clap's usage errors). The commands
//! that answer a question, `status` and `doctor`, follow grep's convention instead: 0 for yes
//! (all is well), 1 for no (something needs a look), 2 when they could not tell.

use std::io::{self, StdoutLock, Write};
use std::process::ExitCode;

use anyhow::Result;

use super::printable::Printable;
use super::{Cli, Command};

/// The code of wrong arguments: clap's usage errors exit with it.
pub const USAGE: u8 = 2;

/// The exit code when the command `cli` asks for fails: 2 for a command that answers yes or
/// no with 0 and 1 (grep's convention), else 1.
pub fn of_failure(cli: &Cli) -> ExitCode {
    match cli.command {
        Some(Command::Status(_) | Command::Doctor(_)) => ExitCode::from(2),
        _ => ExitCode::FAILURE,
    }
}

/// Whether `err` is only that the reader of standard output went away (`closer stats | head`):
/// not an error worth a word.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    let kind = err
        .downcast_ref::<io::Error>()
        .map(io::Error::kind)
        .or_else(|| {
            err.downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
        });
    kind == Some(io::ErrorKind::BrokenPipe)
}

/// Standard output as a question's answer prints it: made printable, and where a reader
/// that went away (`closer doctor | head -3`) ends the output but not the question.
pub type AnswerOut = Printable<UntilClosed<StdoutLock<'static>>>;

/// Runs `ask`, printing to standard output, and exits as its answer says: 0 for yes, 1 for
/// no, whether or not the whole output was read.
///
/// # Errors
/// What `ask` returns, or a failed write other than a reader that went away (the caller's
/// command then exits 2, by [`of_failure`]).
pub fn answered(ask: impl FnOnce(&mut AnswerOut) -> Result<bool>) -> Result<ExitCode> {
    let mut out = Printable::new(UntilClosed::new(io::stdout().lock()));
    let yes = ask(&mut out)?;
    out.flush()?;
    Ok(if yes {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// A writer that stops writing, quietly, once its reader has gone away (a broken pipe); other
/// errors are returned as they are.
pub struct UntilClosed<W: Write> {
    inner: W,
    closed: bool,
}

impl<W: Write> UntilClosed<W> {
    /// Writes to `inner` until it reports a broken pipe.
    pub fn new(inner: W) -> UntilClosed<W> {
        UntilClosed {
            inner,
            closed: false,
        }
    }

    /// Whether the reader went away.
    pub fn closed(&self) -> bool {
        self.closed
    }

    fn quietly(&mut self, done: io::Result<()>) -> io::Result<()> {
        match done {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            other => other,
        }
    }
}

impl<W: Write> Write for UntilClosed<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if !self.closed {
            let done = self.inner.write_all(buf);
            self.quietly(done)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let done = self.inner.flush();
        self.quietly(done)
    }
}

/// What the exit codes of the command named `command` mean ("closer" for the journal
/// itself), as its manual page's EXIT STATUS says: (code, meaning), in order.
pub fn meanings(command: &str) -> Vec<(String, &'static str)> {
    let failed = "It failed; what went wrong is said on standard error.";
    let usage = "The arguments were wrong (a usage message says which).";
    let mut codes: Vec<(String, &'static str)> = match command {
        "status" => vec![
            ("0".into(), "There is a check-in today."),
            ("1".into(), "There is none yet today."),
            (
                "2".into(),
                "It could not tell: there is no journal in the data folder, or another \
                 error (said on standard error), or the arguments were wrong. The status line \
                 is still printed when it can be.",
            ),
        ],
        "doctor" => vec![
            (
                "0".into(),
                "All is well: every file and setting was read, and none needs a look (notes \
                 may still be printed).",
            ),
            (
                "1".into(),
                "A file or a setting needs a look; each one is listed, with what to do.",
            ),
            (
                "2".into(),
                "The journal could not be checked (for one, it could not be unlocked; what \
                 went wrong is said on standard error), or the arguments were wrong.",
            ),
        ],
        _ => vec![
            ("0".into(), "It did what was asked."),
            ("1".into(), failed),
            (USAGE.to_string(), usage),
        ],
    };
    if matches!(command, "closer" | "review" | "checkin") {
        codes.push((
            "128+N".into(),
            "Stopped by signal N: 1 when the terminal closed, 2 when interrupted, 15 when asked \
             to stop. The check-in in progress is saved first.",
        ));
    }
    codes
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that goes away after `room` bytes.
    struct Pipe {
        room: usize,
        got: Vec<u8>,
    }

    impl Write for Pipe {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.got.len() + buf.len() > self.room {
                return Err(io::ErrorKind::BrokenPipe.into());
            }
            self.got.extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_reader_that_goes_away_ends_the_output_quietly() {
        let mut out = UntilClosed::new(Pipe {
            room: 6,
            got: Vec::new(),
        });
        out.write_all(b"first\n").unwrap();
        assert!(!out.closed());
        out.write_all(b"second\n").unwrap();
        out.write_all(b"third\n").unwrap();
        out.flush().unwrap();
        assert!(out.closed());
        assert_eq!(out.inner.got, b"first\n");
    }

    #[test]
    fn other_errors_are_kept() {
        struct Full;
        impl Write for Full {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::Error::other("disk full"))
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let err = UntilClosed::new(Full).write_all(b"x").unwrap_err();
        assert_eq!(err.to_string(), "disk full");
    }

    #[test]
    fn a_broken_pipe_is_told_from_other_errors() {
        let pipe = anyhow::Error::from(io::Error::from(io::ErrorKind::BrokenPipe));
        assert!(is_broken_pipe(&pipe));
        let other = anyhow::Error::from(io::Error::other("disk full"));
        assert!(!is_broken_pipe(&other));
    }

    #[test]
    fn questions_fail_with_2_and_the_rest_with_1() {
        use clap::Parser;
        let code = |args: &[&str]| of_failure(&Cli::parse_from(args));
        assert_eq!(code(&["closer", "status"]), ExitCode::from(2));
        assert_eq!(code(&["closer", "doctor"]), ExitCode::from(2));
        assert_eq!(code(&["closer", "stats"]), ExitCode::FAILURE);
        assert_eq!(code(&["closer"]), ExitCode::FAILURE);
    }
}
