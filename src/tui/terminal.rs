//! Entering and leaving the terminal. Whatever way closer ends — a normal quit, an error, a
//! panic, or SIGTERM/SIGHUP — the terminal is given back as it was: cooked mode, main screen,
//! cursor shown, bracketed paste off.

use std::io::{self, IsTerminal, Stdout, stdout};
use std::sync::Once;

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::terminal::{
    BeginSynchronizedUpdate, Clear, ClearType, EndSynchronizedUpdate, EnterAlternateScreen,
    LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{execute, queue};
use ratatui::{Frame, Terminal};

/// The terminal while closer owns it. Dropping it gives the terminal back.
pub struct Session {
    /// The ratatui terminal.
    pub terminal: Terminal<CrosstermBackend<Stdout>>,
}

static PANIC_HOOK: Once = Once::new();

/// Takes over the terminal: raw mode, alternate screen, bracketed paste.
pub fn enter() -> io::Result<Session> {
    if !stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(io::Error::other(
            "closer's journal needs a terminal, and standard input or output is not one. \
             Run it from a terminal window; `closer --help` lists commands that work without one.",
        ));
    }
    PANIC_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
    take_over()
        .map(|terminal| Session { terminal })
        .inspect_err(|_| restore())
}

/// Raw mode, the alternate screen, bracketed paste, a clear screen, and a terminal with empty
/// buffers (so the next frame is drawn whole).
fn take_over() -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    enable_raw_mode()?;
    // Clearing with a plain command: ratatui's `clear` asks the terminal where its cursor is,
    // and a terminal that never answers would stall the start.
    execute!(
        stdout(),
        EnterAlternateScreen,
        EnableBracketedPaste,
        Clear(ClearType::All)
    )?;
    Terminal::new(CrosstermBackend::new(stdout()))
}

/// Gives the terminal back. Safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(stdout(), DisableBracketedPaste, LeaveAlternateScreen, Show);
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

impl Session {
    /// Draws a frame with `view`, as one update the terminal shows whole where it can
    /// (synchronized output; terminals without it ignore the request). The cursor is hidden
    /// while the frame is written, so it is never seen away from the caret, then placed where
    /// the frame says, or left hidden (see `App::view`).
    pub fn draw(&mut self, view: impl FnOnce(&mut Frame)) -> io::Result<()> {
        queue!(self.terminal.backend_mut(), BeginSynchronizedUpdate, Hide)?;
        let drawn = self.terminal.draw(view).map(|_| ());
        execute!(self.terminal.backend_mut(), EndSynchronizedUpdate)?;
        drawn
    }

    /// Gives the terminal to another program (`$EDITOR`) until [`Session::resume`].
    pub fn suspend(&mut self) {
        restore();
    }

    /// Takes the terminal back after [`Session::suspend`], with a fresh screen.
    pub fn resume(&mut self) -> io::Result<()> {
        self.terminal = take_over().inspect_err(|_| restore())?;
        Ok(())
    }
}
