//! Signals: what closer keeps when it is told to stop, how it gives the terminal back, and how
//! it takes it again after a stop.

use std::sync::{Arc, Mutex};

use crate::journal::draft::CheckInDraft;
use crate::store::Store;

use super::clock::now;
use super::terminal;

/// What a signal handler may need to keep: the check-in as it stands after the last message.
pub(super) type Unsaved = Arc<Mutex<Option<CheckInDraft>>>;

/// Set when closer is continued after a stop: the main loop takes the terminal back.
pub(super) static CONTINUED: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

/// Held while the terminal is drawn, given away or taken back, and by a signal handler from the
/// moment it gives the terminal back until the process exits or stops: the two never write to
/// the terminal at once (a frame drawn after the handler restored the terminal could leave it
/// raw, or cover the words it printed).
static TERMINAL: Mutex<()> = Mutex::new(());

/// Runs `f` holding [`TERMINAL`].
pub(super) fn terminal_guard<T>(f: impl FnOnce() -> T) -> T {
    let _held = TERMINAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    f()
}

/// Whether a stop can be undone: closer's parent (the shell that would say `fg`) is in its
/// session. Run straight in a tmux pane, a terminal window's `-e`, or `ssh -t host closer`,
/// there is no job-control shell, and a stopped closer would be frozen for good.
pub(super) fn can_stop() -> bool {
    #[cfg(target_os = "linux")]
    {
        // /proc/PID/stat: "pid (comm) state ppid pgrp session …"; comm may hold spaces.
        let fields = |pid: &str| -> Option<Vec<String>> {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            let rest = stat.rsplit_once(") ")?.1;
            Some(rest.split(' ').map(str::to_owned).collect())
        };
        let Some(me) = fields("self") else {
            return true;
        };
        let (Some(ppid), Some(session)) = (me.get(1), me.get(3)) else {
            return true;
        };
        match fields(ppid) {
            Some(parent) => parent.get(3) == Some(session),
            None => true,
        }
    }
    #[cfg(not(target_os = "linux"))]
    true
}

/// Stops this process now, as a shell's Ctrl-Z does (SIGSTOP: a SIGTSTP would come back to
/// closer's own handler); returns when it is continued.
pub(super) fn stop_now() {
    #[cfg(unix)]
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
}

/// On SIGTERM, SIGHUP (the terminal closed) or SIGINT, from a thread of its own: write the
/// check-in in progress to the draft file, give the terminal back and exit with 128 + the
/// signal. If the draft cannot be written (a full or read-only disk), nobody is there to ask:
/// the words are printed to stderr after the terminal is restored, with a line saying why, so
/// they are not lost. The main loop may never see the signal itself: once its terminal is
/// gone, reading it can block or spin.
///
/// SIGTSTP (a stop asked from outside) writes the draft, gives the terminal back, and stops;
/// SIGCONT (after any stop) has the main loop take the terminal back and draw it whole.
pub(super) fn keep_on_signals(store: Arc<Store>, unsaved: Unsaved) {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
        let Ok(mut signals) =
            signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGTSTP, SIGCONT])
        else {
            return; // The default actions remain; nothing else changes.
        };
        std::thread::spawn(move || {
            for signal in signals.forever() {
                if signal == SIGCONT {
                    CONTINUED.store(true, std::sync::atomic::Ordering::SeqCst);
                    continue;
                }
                let draft = unsaved.lock().ok().and_then(|d| d.clone());
                if signal == SIGTSTP {
                    if !can_stop() {
                        continue; // Nobody could continue it: stay.
                    }
                    if let Some(draft) = draft.filter(|d| !d.is_empty()) {
                        let _ = store.save_draft(&draft, now());
                    }
                    let held = TERMINAL
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner);
                    terminal::restore();
                    stop_now();
                    drop(held);
                    continue;
                }
                let failed = draft.and_then(|draft| {
                    if draft.is_empty() {
                        return None;
                    }
                    store.save_draft(&draft, now()).err().map(|e| (draft, e))
                });
                // Held until the process exits: no frame is drawn after this.
                let _held = TERMINAL
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                terminal::restore();
                if let Some((draft, e)) = failed {
                    let name = match signal {
                        SIGHUP => "the terminal closed",
                        SIGINT => "it was interrupted",
                        _ => "it was asked to stop",
                    };
                    eprintln!(
                        "closer stopped ({name}) and could not write your draft ({e}). Your words \
                         are below; copy them somewhere safe.\n\n{}",
                        crate::journal::printable::printable(&draft.words())
                    );
                }
                std::process::exit(128 + signal);
            }
        });
    }
    #[cfg(not(unix))]
    let _ = (store, unsaved);
}
