//! The loop: read a key, turn it into a message, update, carry out the effects against the
//! store, draw. Single-threaded, so nothing else competes for the terminal (and `$EDITOR` can
//! have it while it runs).

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{Context as _, Result};
use ratatui::crossterm::event::{self, Event};
use ratatui_textarea::{Input, Key as TextKey};

use crate::config::{self, Config};
use crate::content;
use crate::journal::Preferences;
use crate::journal::draft::CheckInDraft;
use crate::store::{Store, crypto};

use super::app::App;
use super::clock::now;
use super::editor::{recover_edit, recover_leftovers};
use super::keys::Action;
use super::screen::{Msg, Typing};
use super::session::{Session, Status};
use super::signals::{CONTINUED, Unsaved, can_stop, keep_on_signals, stop_now, terminal_guard};
use super::terminal;
use super::theme::Theme;

mod background;
mod effects;

use background::{DailyBackup, Indexer, Job, Loader};
use effects::{Runner, run_all};

/// How long without a key counts as a pause in typing (the draft is written then).
const PAUSE: Duration = Duration::from_millis(400);
/// The longest a burst of waiting events may go without a frame drawn.
const BURST: Duration = Duration::from_millis(50);
/// How often to look whether the journal has been read, while it is being read.
const LOADING_POLL: Duration = Duration::from_millis(15);

/// Where the TUI opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Start {
    /// Home.
    #[default]
    Home,
    /// Straight into a check-in (`closer checkin`).
    CheckIn,
    /// The journal's past (`closer review`).
    Review,
}

/// How the TUI is started.
#[derive(Debug, Clone)]
pub struct Options {
    /// The data folder.
    pub data_dir: PathBuf,
    /// Where the person's own prompts and strategies are, if anywhere.
    pub config_dir: Option<PathBuf>,
    /// The value of `NO_COLOR`, if set.
    pub no_colour: Option<String>,
    /// The settings file (`--config`, or `config.toml` in the config folder).
    pub config_file: Option<PathBuf>,
    /// Where to open.
    pub start: Start,
}

/// Runs the journal until the person quits.
pub fn run(options: Options) -> Result<()> {
    let store = Store::open(&options.data_dir)
        .with_context(|| format!("opening the journal in {}", options.data_dir.display()))?;
    let (mut prefs, mut status) = match store.load_preferences() {
        Ok(prefs) => (prefs, None),
        Err(e) => (Preferences::default(), Some(Status::Error(e.to_string()))),
    };
    let (config, config_errors) = match &options.config_file {
        Some(path) => config::load(path),
        None => (Config::default(), Vec::new()),
    };
    let stored_prefs = prefs.clone();
    config.apply(&mut prefs);
    if let Some(first) = config_errors.first() {
        let more = match config_errors.len() - 1 {
            0 => String::new(),
            n => format!(" ({n} more in the file)"),
        };
        status.get_or_insert(Status::Error(format!(
            "{first}{more}. closer started with the other settings."
        )));
    }
    let (catalog, content_errors) = content::load(options.config_dir.as_deref());
    if let Some(first) = content_errors.first() {
        let more = match content_errors.len() - 1 {
            0 => String::new(),
            n => format!(" ({n} more)"),
        };
        status.get_or_insert(Status::Error(format!(
            "{first}{more}. Everything else works as usual."
        )));
    }
    let store = Arc::new(store);
    let unsaved: Unsaved = Arc::new(Mutex::new(None));
    keep_on_signals(Arc::clone(&store), Arc::clone(&unsaved));

    let mut term = terminal::enter()?;
    let size = term.terminal.size()?;
    let start = now();
    let colour_forbidden = Theme::colour_forbidden(
        options.no_colour.as_deref(),
        std::env::var("TERM").ok().as_deref(),
        ratatui::crossterm::style::available_color_count(),
    );
    let theme = Theme::choose(prefs.theme, colour_forbidden);
    let mut session = Session::new(
        start,
        options.data_dir.clone(),
        prefs,
        Arc::new(catalog),
        theme,
    );
    session.colour_forbidden = colour_forbidden;
    session.read_only = store.read_only().map(|why| why.to_string());
    session.size = (size.width, size.height);
    session.config = Arc::new(config);
    session.stored_prefs = stored_prefs;
    session.home = directories::BaseDirs::new().map(|d| d.home_dir().to_owned());
    session.reports = directories::UserDirs::new()
        .and_then(|d| d.document_dir().map(std::path::Path::to_owned))
        .filter(|d| d.is_dir())
        .or_else(|| session.home.clone());
    let encrypted = crypto::is_encrypted(store.layout());
    if encrypted {
        // Before a passphrase is typed.
        crypto::protect_memory();
    }
    session.encrypted = encrypted;
    let auto_lock = session
        .config
        .auto_lock
        .unwrap_or(config::AutoLock::default_for(encrypted));
    let mut app = App::new(session);
    app.status = status;
    // An encrypted journal opens on its passphrase prompt; `closer checkin` may write a
    // check-in without it when no check-in in progress waits (which only the key can read,
    // and a new one must not replace).
    let locked = encrypted && !crypto::is_unlocked(store.layout());
    if locked {
        // A locked write needs the key file and this computer's record of the recipient
        // (issue 30): without them, no check-in is offered, and the prompt says why.
        let blocked = crypto::journal_recipient(store.layout()).err();
        let asked = options.start == Start::CheckIn;
        let offer = asked
            && blocked.is_none()
            && store.read_only().is_none()
            && std::fs::symlink_metadata(store.layout().draft_file()).is_err();
        app.open_locked(offer);
        match blocked {
            Some(e @ crate::store::StoreError::KeyMissing { .. }) => {
                app.lock_message(e.to_string())
            }
            Some(e) if asked => app.lock_message(e.to_string()),
            _ => {}
        }
    }

    // The first frame comes before the journal is read, so closer opens at once; the journal
    // is read on a thread of its own, and keys work meanwhile.
    term.terminal.draw(|f| app.view(f))?;
    let mut fx = Runner {
        store: &store,
        session: &mut term,
        loader: Loader(Job::new()),
        indexer: Indexer(Job::new()),
        backup: DailyBackup::new(
            store.layout().clone(),
            app.session
                .config
                .backup_dir
                .clone()
                .unwrap_or_else(|| crate::store::backup::default_dir(&options.data_dir)),
            app.session.config.backup_keep.unwrap_or_default(),
            options.config_dir.clone(),
        ),
        unsaved: Arc::clone(&unsaved),
    };
    let mut opened = false;
    if !locked {
        open_journal(&mut app, &mut fx, options.start);
        opened = true;
    }
    let mut last_key = std::time::Instant::now();

    loop {
        // Continued after a stop (Ctrl-Z and `fg`, or a stop from outside): take the terminal
        // back and draw it whole.
        if CONTINUED.swap(false, std::sync::atomic::Ordering::SeqCst) {
            terminal_guard(|| fx.session.resume())?;
        }
        terminal_guard(|| fx.session.terminal.draw(|f| app.view(f)).map(|_| ()))?;
        if app.quit {
            // The day's backup, if it is being written, is finished first: leaving now would
            // lose it (it is made again after the next save). Any key leaves without it.
            if fx.backup.busy() {
                app.status = Some(Status::Info(
                    "Finishing today's backup… (any key leaves without it; it is made again \
                     after your next save)"
                        .into(),
                ));
                terminal_guard(|| fx.session.terminal.draw(|f| app.view(f)).map(|_| ()))?;
                // Only a key leaves early: a resize or a paste meanwhile does not.
                while !fx.backup.wait(Duration::from_millis(50)) {
                    if event::poll(Duration::ZERO)? && matches!(event::read()?, Event::Key(_)) {
                        break;
                    }
                }
            }
            break;
        }
        if app.take_unlocked() {
            unlocked(&mut app, &mut fx, options.start, !opened);
            opened = true;
            continue;
        }
        if let Some((summary, index_right)) = fx.loader.0.take() {
            // A read that ended while locked is not taken in (see `App::loaded`), and the
            // prediction index is not "put right" from it: it may have been made without the
            // key, every entry unreadable.
            let locked = app.session.locked;
            let requests = app.loaded(summary);
            // The index `closer status` reads, put right when it does not match the journal
            // just read (checked on the reading thread).
            if !index_right && !locked {
                fx.store.mend_prediction_index(app.session.entries());
            }
            fx.indexer.start(&app.session);
            run_all(&mut app, &mut fx, requests);
            continue;
        }
        if let Some((entries, index)) = fx.indexer.0.take() {
            match app.indexed(&entries, index) {
                Some(requests) => run_all(&mut app, &mut fx, requests),
                // A save came while it was built: built again for the journal as it is.
                None => fx.indexer.start(&app.session),
            }
            continue;
        }
        if let Some(why) = fx.backup.take_failure() {
            app.status = Some(Status::Error(format!(
                "Today's backup could not be written: {why} The journal itself is fine; \
                 `closer backup` tries again."
            )));
            continue;
        }
        let wait = if fx.loader.0.busy() || fx.indexer.0.busy() {
            LOADING_POLL
        } else {
            PAUSE
        };
        if !event::poll(wait)? {
            // No key for the auto-lock time: what is being written is kept, the screen
            // cleared, and an encrypted journal's key forgotten.
            if let config::AutoLock::After(idle) = auto_lock
                && last_key.elapsed() >= idle
                && !app.is_locked()
            {
                let requests = app.lock(super::screen::LockWhy::Idle);
                run_all(&mut app, &mut fx, requests);
                continue;
            }
            if fx.loader.0.busy() {
                continue;
            }
            // The other closer may have quit: then this one may write.
            if app.session.read_only.is_some() && fx.store.try_to_write() {
                app.writable_again();
                // What the other closer left is read again: its draft (which a check-in here
                // must not overwrite) and the journal as it saved it.
                if let Ok(Some(draft)) = fx.store.load_draft::<CheckInDraft>() {
                    let (draft, _) = recover_edit(fx.store, draft);
                    let requests = app.draft_found(draft, false);
                    run_all(&mut app, &mut fx, requests);
                }
                // Locked, the journal is read after the unlock.
                if !app.session.locked {
                    fx.loader.start(fx.store.layout(), app.session.today);
                }
            }
            // A check-in waiting for its turn is offered once none is in progress (and the
            // status line has said what it had to).
            if app.drafts_waiting && app.status.is_none() {
                offer_waiting_draft(&mut app, &mut fx);
            }
            let requests = app.tick(now());
            run_all(&mut app, &mut fx, requests);
            continue;
        }
        app.session.now = now();
        last_key = std::time::Instant::now();
        // Everything that is waiting is handled before the next frame: a burst of keys or a
        // storm of resizes costs one frame, not one each.
        let burst_started = std::time::Instant::now();
        // Letters typed into an answer or the notes are gathered and put in at once: the text
        // area measures all of its text again after each change, which in a long answer
        // makes a burst of single keys slow.
        let mut typed = String::new();
        loop {
            let msg = match event::read()? {
                Event::Key(key) if key.is_press() => app.message_for(&key),
                Event::Paste(text) => Some(Msg::Paste(text)),
                Event::Resize(width, height) => {
                    app.resize(width, height);
                    None
                }
                _ => None,
            };
            match msg {
                Some(Msg::Input(input)) if app.typing() == Typing::Prose && plain(&input) => {
                    if let TextKey::Char(c) = input.key {
                        typed.push(c);
                    }
                }
                Some(msg) => {
                    if !typed.is_empty() {
                        let requests = app.update(Msg::Paste(std::mem::take(&mut typed)));
                        run_all(&mut app, &mut fx, requests);
                    }
                    let requests = app.update(msg);
                    run_all(&mut app, &mut fx, requests);
                }
                None => {}
            }
            if app.quit || burst_started.elapsed() > BURST || !event::poll(Duration::ZERO)? {
                break;
            }
        }
        if !typed.is_empty() {
            let requests = app.update(Msg::Paste(typed));
            run_all(&mut app, &mut fx, requests);
        }
        if app.take_suspend() {
            if can_stop() {
                // The draft is written; give the terminal back, stop, and on `fg` take it
                // again.
                terminal_guard(|| fx.session.suspend());
                stop_now();
                terminal_guard(|| fx.session.resume())?;
                CONTINUED.store(false, std::sync::atomic::Ordering::SeqCst);
            } else {
                app.status = Some(Status::Info(
                    "There is no shell here to come back to, so Ctrl-Z does nothing. Ctrl-C \
                     quits; your check-in is kept."
                        .into(),
                ));
            }
        }
        // Keep a copy of the check-in for the signal handler, only when it changed.
        let current = app.unsaved();
        if let Ok(mut copy) = unsaved.lock()
            && copy.as_ref() != current
        {
            *copy = current.cloned();
        }
    }
    drop(fx);
    drop(term);
    Ok(())
}

/// The journal was just unlocked: entries written while it was locked go into their days,
/// the person's own words (sealed in the settings) are read, and the journal is read: opened
/// as at a plain start the first time (`first`), read again after a lock.
fn unlocked(app: &mut App, fx: &mut Runner<'_>, start: Start, first: bool) {
    if fx.store.read_only().is_none()
        && let Err(e) = fx.store.settle_inbox()
    {
        app.status = Some(Status::Error(format!(
            "A check-in written while the journal was locked could not be moved into its day \
             yet ({e}); it is safe where it is, and shown with the others."
        )));
    }
    if let Ok(stored) = fx.store.load_preferences() {
        let mut prefs = stored.clone();
        app.session.config.apply(&mut prefs);
        app.session.stored_prefs = stored;
        app.session.set_prefs(prefs);
    }
    if first {
        // After a check-in written while locked, not another one.
        let start = if app.session.saved_while_locked {
            Start::Home
        } else {
            start
        };
        open_journal(app, fx, start);
    } else {
        fx.loader.start(fx.store.layout(), app.session.today);
    }
}

/// What to say when the unfinished check-in could not be read: it is moved aside (so nothing
/// is lost), and where to.
fn draft_set_aside(fx: &mut Runner<'_>, e: &impl std::fmt::Display) -> Status {
    Status::Error(match fx.store.set_aside_draft(now()) {
        Ok(to) => format!(
            "An unfinished check-in could not be read ({e}). It was moved to {} so nothing is lost.",
            to.display()
        ),
        Err(_) => format!("An unfinished check-in could not be read: {e}"),
    })
}

/// Reads the journal (on its own thread), offers a check-in left unfinished, and opens where
/// closer was asked to start: at once on a plain journal, after the passphrase on an encrypted
/// one.
fn open_journal(app: &mut App, fx: &mut Runner<'_>, start: Start) {
    fx.loader.start(fx.store.layout(), app.session.today);
    let writer = fx.store.read_only().is_none();
    // With no check-in in progress, the next one waiting becomes it, and is offered below.
    if writer && !app.check_in_open() {
        take_waiting_draft(fx.store);
    }
    app.drafts_waiting = writer && !waiting_drafts(fx.store).is_empty();
    match fx.store.load_draft::<CheckInDraft>() {
        Ok(found) => {
            // A read-only closer leaves the editor's file to the one that writes (whose
            // editor may still be open).
            let (draft, note) = match found {
                Some(draft) if writer => {
                    let (draft, note) = recover_edit(fx.store, draft);
                    (Some(draft), note)
                }
                other => (other, None),
            };
            let (draft, leftovers) = if writer {
                recover_leftovers(fx.store, draft)
            } else {
                (draft, None)
            };
            if let Some(note) = note.or(leftovers) {
                app.status = Some(Status::Info(note));
            }
            if draft.is_some() && app.drafts_waiting && app.status.is_none() {
                app.status = Some(Status::Info(
                    "Another unfinished check-in is waiting: closer offers it once this one is \
                     saved or discarded."
                        .into(),
                ));
            }
            if let Some(draft) = draft {
                // `closer checkin` offers it as it starts the check-in; `closer review` not
                // at all.
                let offer = start == Start::Home;
                let requests = app.draft_found(draft, offer);
                run_all(app, fx, requests);
            }
        }
        Err(e) => app.status = Some(draft_set_aside(fx, &e)),
    }
    let first = match start {
        Start::Home => None,
        Start::CheckIn => Some(Action::StartCheckIn),
        Start::Review => Some(Action::OpenReview),
    };
    if let Some(action) = first {
        let requests = app.request(action);
        run_all(app, fx, requests);
    }
}

/// The check-ins waiting in `drafts/` for their turn (`waiting-….json`: the other computer's,
/// kept by `closer doctor --merge-conflicts` while one was in progress), oldest first.
fn waiting_drafts(store: &Store) -> Vec<PathBuf> {
    let mut waiting: Vec<PathBuf> = std::fs::read_dir(store.layout().drafts_dir())
        .into_iter()
        .flatten()
        .flatten()
        .filter(|f| {
            crate::store::Layout::is_waiting_draft(&f.file_name().to_string_lossy())
                && f.file_type().is_ok_and(|t| t.is_file())
        })
        .map(|f| f.path())
        .collect();
    waiting.sort();
    waiting
}

/// Makes the oldest check-in waiting its turn the check-in in progress
/// (`drafts/current.json`), as it is (encrypted when it is), when there is none: never
/// replacing one. The waiting file goes only once its words are in place. Gives whether it
/// did.
fn take_waiting_draft(store: &Store) -> bool {
    use crate::store::atomic;
    if store.read_only().is_some() {
        return false;
    }
    let Some(next) = waiting_drafts(store).into_iter().next() else {
        return false;
    };
    let current = store.layout().draft_file();
    if std::fs::symlink_metadata(&current).is_ok() {
        return false;
    }
    let Ok(bytes) = crate::files::read_regular(&next, crate::files::DATA_FILE_CAP) else {
        return false;
    };
    if atomic::write_new(&current, &bytes).is_err() {
        return false;
    }
    let _ = atomic::remove(&next);
    true
}

/// Offers the next check-in waiting its turn, once none is in progress here: it becomes the
/// check-in in progress, home's `c` offers to resume or discard it, and the status line says
/// so.
fn offer_waiting_draft(app: &mut App, fx: &mut Runner<'_>) {
    let busy = app.session.locked
        || app.session.read_only.is_some()
        || app.session.pending_draft.is_some()
        || app.session.unsaved.is_some()
        || app.check_in_open();
    if busy {
        return;
    }
    let taken = take_waiting_draft(fx.store);
    app.drafts_waiting = taken && !waiting_drafts(fx.store).is_empty();
    if !taken {
        return;
    }
    match fx.store.load_draft::<CheckInDraft>() {
        Ok(Some(draft)) => {
            let requests = app.draft_found(draft, false);
            run_all(app, fx, requests);
            app.status = Some(Status::Info(
                "Another unfinished check-in is waiting: c on home offers to resume or discard it."
                    .into(),
            ));
        }
        Ok(None) => {}
        Err(e) => app.status = Some(draft_set_aside(fx, &e)),
    }
}

/// Whether a key is a letter typed as it is, without Ctrl or Alt.
fn plain(input: &Input) -> bool {
    matches!(input.key, TextKey::Char(_)) && !input.ctrl && !input.alt
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 31, item 4: the oldest check-in waiting its turn becomes the one in progress
    /// only when there is none, as it is, and never replaces one.
    #[test]
    fn a_waiting_check_in_becomes_the_one_in_progress_only_when_there_is_none() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let drafts = store.layout().drafts_dir();
        crate::store::atomic::create_private_dir(&drafts).unwrap();
        let at = chrono::DateTime::parse_from_rfc3339("2026-12-03T10:10:10+01:00").unwrap();
        store
            .save_draft(&serde_json::json!({"notes": "in progress"}), at)
            .unwrap();
        let in_progress = std::fs::read(store.layout().draft_file()).unwrap();
        for (name, notes) in [
            ("waiting-20261204T080000.json", "second"),
            ("waiting-20261203T101010.json", "first"),
        ] {
            let body = format!(
                r#"{{"schema": 1, "saved_at": "2026-12-03T10:10:10Z", "draft": {{"notes": "{notes}"}}}}"#
            );
            crate::store::atomic::write_new(&drafts.join(name), body.as_bytes()).unwrap();
        }
        assert_eq!(waiting_drafts(&store).len(), 2);
        assert!(!take_waiting_draft(&store));
        assert_eq!(
            std::fs::read(store.layout().draft_file()).unwrap(),
            in_progress
        );
        store.discard_draft().unwrap();
        for notes in ["first", "second"] {
            assert!(take_waiting_draft(&store));
            let draft: serde_json::Value = store.load_draft().unwrap().unwrap();
            assert_eq!(draft["notes"], notes);
            assert!(
                !take_waiting_draft(&store),
                "never over the one in progress"
            );
            store.discard_draft().unwrap();
        }
        assert!(waiting_drafts(&store).is_empty());
        assert!(!take_waiting_draft(&store));
    }
}
