//! The loop's one stream of events: everything it reacts to, from the terminal, the threads of
//! `background`, the signals and the clock, taken one at a time in a fixed order by
//! [`Events::next`] (in the spirit of gitui's `select_event`).

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use anyhow::Result;
use ratatui::crossterm::event::{self, Event};

use crate::tui::app::App;
use crate::tui::session::Summary;
use crate::tui::signals::CONTINUED;

use super::background::{Background, Finished, Job};

/// How long without a key counts as a pause in typing (the draft is written then).
const PAUSE: Duration = Duration::from_millis(400);
/// How often the clock moves on (a frame, with how far the read has got), while the journal is
/// being read, and how often, once its newest days are shown, the loop looks whether the
/// whole of it has come.
///
/// Every wait is one call of crossterm's poll, which ends in a spin: it gives the kernel
/// whole milliseconds, rounded down, and polls again, without waiting, for the fraction of a
/// millisecond left (`strace`: bursts of `poll(…, 0)` 40 µs apart). Waits of 2 ms all through
/// the read spun for part of each; waits of 25 ms once the newest days are shown spin for at
/// most 4 % of the time (issue 38).
const LOADING_POLL: Duration = Duration::from_millis(25);
/// How often to look whether the reading thread has sent something while nothing of the
/// journal is shown yet: the newest days show as soon as they are read (a few
/// milliseconds), not at the next tick.
const FIRST_STEP: Duration = Duration::from_millis(2);

/// One thing the loop reacts to.
pub(super) enum LoopEvent {
    /// closer was continued after a stop (Ctrl-Z and `fg`, or a stop from outside): the
    /// terminal is taken back, and the next frame drawn whole.
    Resumed,
    /// Something changed since the last frame: draw one (and leave, if quitting).
    Frame,
    /// The journal was just unlocked.
    Unlocked,
    /// The newest days of the journal were read; the rest is being read.
    NewestRead(Summary),
    /// The journal was read: home's figures, the entries and their search index, and whether
    /// the prediction index matches them.
    JournalRead(Summary, bool),
    /// The day's backup was written, or why not.
    BackupFinished(Result<(), String>),
    /// No key came for a moment (a pause, this long since the last key): the clock moves on.
    Tick(Duration),
    /// A key, a paste or a resize: the first of a burst.
    Terminal(Event),
}

/// Where the loop's events come from, beyond the app and the background threads it is given.
pub(super) struct Events {
    /// A frame is due before anything else is taken.
    frame_due: bool,
    /// When the last key came (for the auto-lock).
    last_key: Instant,
}

impl Events {
    /// A frame is due first (the first is drawn before the journal is read).
    pub(super) fn new() -> Events {
        Events {
            frame_due: true,
            last_key: Instant::now(),
        }
    }

    /// The next event, waiting for one if none is there yet. In this order: a resume after a
    /// stop (before any frame is drawn on a terminal that is not taken back yet), a frame due,
    /// the unlock, what a thread finished, then the terminal, waiting for it at most a pause
    /// (a moment, while the journal is being read, and looking meanwhile for what its thread
    /// sends).
    pub(super) fn next(&mut self, app: &mut App, background: &mut Background) -> Result<LoopEvent> {
        if CONTINUED.swap(false, Ordering::SeqCst) {
            return Ok(LoopEvent::Resumed);
        }
        if self.frame_due {
            self.frame_due = false;
            return Ok(LoopEvent::Frame);
        }
        // Whatever comes now changes what is shown.
        self.frame_due = true;
        if app.take_unlocked() {
            return Ok(LoopEvent::Unlocked);
        }
        if let Some(event) = finished(background) {
            return Ok(event);
        }
        let reading = background.busy(Job::Read);
        let step = if app.session.so_far().is_none() {
            FIRST_STEP
        } else {
            LOADING_POLL
        };
        let until = Instant::now() + if reading { LOADING_POLL } else { PAUSE };
        loop {
            let left = until.saturating_duration_since(Instant::now());
            let wait = if reading { left.min(step) } else { left };
            if event::poll(wait)? {
                let event = event::read()?;
                self.last_key = Instant::now();
                return Ok(LoopEvent::Terminal(event));
            }
            if reading && let Some(event) = finished(background) {
                return Ok(event);
            }
            if Instant::now() >= until {
                return Ok(LoopEvent::Tick(self.last_key.elapsed()));
            }
        }
    }

    /// No frame is due: what was handled changed nothing shown.
    pub(super) fn no_frame(&mut self) {
        self.frame_due = false;
    }
}

/// What a thread finished, as an event, if one did (a job that ended without a result is let
/// go).
fn finished(background: &mut Background) -> Option<LoopEvent> {
    while let Some(finished) = background.take() {
        match finished {
            Finished::Newest(summary) => return Some(LoopEvent::NewestRead(summary)),
            Finished::Read(summary, index_right) => {
                return Some(LoopEvent::JournalRead(summary, index_right));
            }
            Finished::Backup(result) => return Some(LoopEvent::BackupFinished(result)),
            Finished::Lost(_) => {}
        }
    }
    None
}
