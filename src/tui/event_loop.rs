//! The loop: set-up, then one event at a time (`events.rs`: a key, the journal read, the
//! index built, the backup finished, a tick, a resume), each turned into messages for the app,
//! whose effects are carried out against the store (`effects.rs`), and a frame drawn. The
//! terminal is read on this thread alone, so nothing else competes for it (and `$EDITOR` can
//! have it while it runs); slow work runs on threads of its own (`background.rs`).

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
use crate::store::{Progress, Store, crypto};

use super::app::App;
use super::clock::now;
use super::editor::{recover_edit, recover_leftovers};
use super::keys::Action;
use super::screen::{LockWhy, Msg, Typing};
use super::session::{Session, Status, Summary};
use super::signals::{CONTINUED, Unsaved, can_stop, keep_on_signals, stop_now, terminal_guard};
use super::terminal;
use super::theme::Theme;

mod background;
mod drafts;
mod effects;
mod events;

use background::{Background, DailyBackup};
use drafts::{draft_set_aside, offer_waiting_draft, take_waiting_draft, waiting_drafts};
use effects::{Runner, run_all};
use events::{Events, LoopEvent};

/// The longest a burst of waiting events may go without a frame drawn.
const BURST: Duration = Duration::from_millis(50);

/// Where the TUI opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Start {
    /// Home.
    #[default]
    Home,
    /// Straight into a check-in (`closer checkin`): for `day`, an earlier day than today
    /// (`closer checkin --date`), or today (`None`).
    CheckIn {
        /// The day it is for; `None`: today.
        day: Option<chrono::NaiveDate>,
    },
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

/// Runs the journal until the person quits: set-up, then one event at a time.
pub fn run(options: Options) -> Result<()> {
    let store = Store::open(&options.data_dir)
        .with_context(|| format!("opening the journal in {}", options.data_dir.display()))?;
    let store = Arc::new(store);
    let unsaved: Unsaved = Arc::new(Mutex::new(None));
    let (mut app, auto_lock) = start_app(&store, &options, Arc::clone(&unsaved))?;
    let mut term = terminal::enter()?;
    let size = term.terminal.size()?;
    app.resize(size.width, size.height);
    let locked = open_locked(&mut app, &store, options.start);

    // The first frame comes before the journal is read, so closer opens at once; the journal
    // is read on a thread of its own, and keys work meanwhile.
    term.draw(|f| app.view(f))?;
    let backup = DailyBackup::new(
        store.layout().clone(),
        app.session
            .config
            .backup_dir
            .clone()
            .unwrap_or_else(|| crate::store::backup::default_dir(&options.data_dir)),
        app.session.config.backup_keep.unwrap_or_default(),
        options.config_dir.clone(),
    );
    let mut fx = Runner {
        store: &store,
        session: &mut term,
        background: Background::new(backup),
        unsaved,
        read_asked: false,
    };
    let mut opened = false;
    if !locked {
        open_journal(&mut app, &mut fx, options.start);
        opened = true;
    }
    let mut events = Events::new();
    loop {
        match events.next(&mut app, &mut fx.background)? {
            LoopEvent::Resumed => terminal_guard(|| fx.session.resume())?,
            LoopEvent::Frame => {
                draw(&mut app, &mut fx)?;
                if app.quit {
                    finish_backup(&mut app, &mut fx)?;
                    break;
                }
            }
            LoopEvent::Unlocked => {
                unlocked(&mut app, &mut fx, options.start, !opened);
                opened = true;
            }
            LoopEvent::NewestRead(summary) => {
                let requests = app.loaded_newest(summary);
                run_all(&mut app, &mut fx, requests);
            }
            LoopEvent::JournalRead(summary, index_right) => {
                journal_read(&mut app, &mut fx, summary, index_right);
            }
            LoopEvent::BackupFinished(Ok(())) => events.no_frame(),
            LoopEvent::BackupFinished(Err(why)) => backup_failed(&mut app, &why),
            LoopEvent::Tick(since_key) => tick(&mut app, &mut fx, auto_lock, since_key),
            LoopEvent::Terminal(first) => burst(&mut app, &mut fx, first)?,
        }
    }
    drop(fx);
    drop(term);
    Ok(())
}

/// The app as closer starts, before the terminal is taken: the preferences, the settings file
/// and the person's own words read (a mistake in them said in the status line), the session
/// made, the signals kept. Gives the auto-lock too.
fn start_app(
    store: &Arc<Store>,
    options: &Options,
    unsaved: Unsaved,
) -> Result<(App, config::AutoLock)> {
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
    let then = "closer started with the other settings; `closer doctor` lists every mistake.";
    status = status.or_else(|| first_error(&config_errors, " in the file", then));
    let (catalog, content_errors) = content::load(options.config_dir.as_deref());
    let then = "Everything else works as usual; `closer doctor` lists every mistake.";
    status = status.or_else(|| first_error(&content_errors, "", then));
    keep_on_signals(Arc::clone(store), unsaved);
    let mut session = new_session(store, options, prefs, catalog);
    session.config = Arc::new(config);
    session.stored_prefs = stored_prefs;
    let auto_lock = session
        .config
        .auto_lock
        .unwrap_or(config::AutoLock::default_for(session.encrypted));
    let mut app = App::new(session);
    app.status = status;
    Ok((app, auto_lock))
}

/// The session: the time, the folders, the theme, whether the journal is encrypted or
/// read-only.
/// The first of `errors` as the status line says it: how many more there are (`where_` says
/// where), then what `then` says of the rest.
fn first_error(errors: &[impl std::fmt::Display], where_: &str, then: &str) -> Option<Status> {
    let first = errors.first()?;
    let more = match errors.len() - 1 {
        0 => String::new(),
        n => format!(" ({n} more{where_})"),
    };
    Some(Status::Error(format!("{first}{more}. {then}")))
}

fn new_session(
    store: &Store,
    options: &Options,
    prefs: Preferences,
    catalog: content::Catalog,
) -> Session {
    let colour_forbidden = Theme::colour_forbidden(
        options.no_colour.as_deref(),
        std::env::var("TERM").ok().as_deref(),
        ratatui::crossterm::style::available_color_count(),
    );
    let theme = Theme::choose(prefs.theme, colour_forbidden);
    let mut session = Session::new(
        now(),
        options.data_dir.clone(),
        prefs,
        Arc::new(catalog),
        theme,
    );
    session.colour_forbidden = colour_forbidden;
    if let Start::CheckIn { day } = options.start {
        session.check_in_day = day;
    }
    session.read_only = store.read_only().map(|why| why.to_string());
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
    session
}

/// An encrypted journal opens on its passphrase prompt; `closer checkin` may write a check-in
/// without it when no check-in in progress waits (which only the key can read, and a new one
/// must not replace). Gives whether it opened locked.
fn open_locked(app: &mut App, store: &Store, start: Start) -> bool {
    let locked = app.session.encrypted && !crypto::is_unlocked(store.layout());
    if !locked {
        return false;
    }
    // A locked write needs the key file and this computer's record of the recipient: without
    // them, no check-in is offered, and the prompt says why.
    let blocked = crypto::journal_recipient(store.layout()).err();
    let asked = matches!(start, Start::CheckIn { .. });
    let offer = asked
        && blocked.is_none()
        && store.read_only().is_none()
        && std::fs::symlink_metadata(store.layout().draft_file()).is_err();
    app.open_locked(offer);
    match blocked {
        Some(e @ crate::store::StoreError::KeyMissing { .. }) => app.lock_message(e.to_string()),
        Some(e) if asked => app.lock_message(e.to_string()),
        _ => {}
    }
    true
}

/// Draws a frame (never while a signal handler has the terminal).
fn draw(app: &mut App, fx: &mut Runner<'_>) -> Result<()> {
    terminal_guard(|| fx.session.draw(|f| app.view(f)))?;
    Ok(())
}

/// Quitting: the day's backup, if it is being written, is finished first (leaving now would
/// lose it; it is made again after the next save). Any key leaves without it.
fn finish_backup(app: &mut App, fx: &mut Runner<'_>) -> Result<()> {
    if !fx.background.busy(background::Job::Backup) {
        return Ok(());
    }
    app.status = Some(Status::Info(
        "Finishing today's backup… (any key leaves without it; it is made again after your \
         next save)"
            .into(),
    ));
    draw(app, fx)?;
    // Only a key leaves early: a resize or a paste meanwhile does not.
    while !fx.background.wait_for_backup(Duration::from_millis(50)) {
        if event::poll(Duration::ZERO)? && matches!(event::read()?, Event::Key(_)) {
            break;
        }
    }
    Ok(())
}

/// The journal was read. A read that ended while locked is not taken in (see `App::loaded`),
/// and the prediction index is not "put right" from it: it may have been made without the
/// key, every entry unreadable.
fn journal_read(app: &mut App, fx: &mut Runner<'_>, summary: Summary, index_right: bool) {
    let locked = app.session.locked;
    let requests = app.loaded(summary);
    // The index `closer status` reads, put right when it does not match the journal just
    // read (checked on the reading thread).
    if !index_right && !locked {
        fx.store.mend_prediction_index(app.session.entries());
    }
    // A read asked for while this one was going (after a rename, say) starts now.
    if fx.background.take_read_again() {
        read_journal(app, fx);
    }
    run_all(app, fx, requests);
}

/// Starts reading the journal on its thread (its newest days first when none of it is read
/// yet). What is saved, edited or deleted meanwhile is kept by the session and replayed onto
/// what the read brings. A read asked for while one is going starts when that one ends.
fn read_journal(app: &mut App, fx: &mut Runner<'_>) {
    let progress = Arc::new(Progress::default());
    let newest_first = app.session.journal.is_none();
    let layout = fx.store.layout();
    if fx.background.read(
        layout,
        app.session.today,
        newest_first,
        Arc::clone(&progress),
    ) {
        app.session.read_started(progress);
    }
}

/// The day's backup could not be written: said, never fatal.
fn backup_failed(app: &mut App, why: &str) {
    app.status = Some(Status::Error(format!(
        "Today's backup could not be written: {why} The journal itself is fine; `closer \
         backup` tries again."
    )));
}

/// No key came for a moment: the auto-lock, the other closer quitting, a check-in waiting its
/// turn, and the clock (a pause in typing, a new day).
fn tick(app: &mut App, fx: &mut Runner<'_>, auto_lock: config::AutoLock, since_key: Duration) {
    // No key for the auto-lock time: what is being written is kept, the screen cleared, and
    // an encrypted journal's key forgotten.
    if let config::AutoLock::After(idle) = auto_lock
        && since_key >= idle
        && !app.is_locked()
    {
        let requests = app.lock(LockWhy::Idle);
        run_all(app, fx, requests);
        return;
    }
    if fx.background.busy(background::Job::Read) {
        return;
    }
    // The other closer may have quit: then this one may write.
    if app.session.read_only.is_some() && fx.store.try_to_write() {
        app.writable_again();
        // What the other closer left is read again: its draft (which a check-in here must
        // not overwrite) and the journal as it saved it.
        if let Ok(Some(draft)) = fx.store.load_draft::<CheckInDraft>() {
            let (draft, _) = recover_edit(fx.store, draft);
            let requests = app.draft_found(draft, false);
            run_all(app, fx, requests);
        }
        // Locked, the journal is read after the unlock.
        if !app.session.locked {
            read_journal(app, fx);
        }
    }
    // A check-in waiting for its turn is offered once none is in progress (and the status
    // line has said what it had to).
    if app.drafts_waiting && app.status.is_none() {
        offer_waiting_draft(app, fx);
    }
    let requests = app.tick(now());
    run_all(app, fx, requests);
}

/// A key, a paste or a resize, and everything waiting behind it, handled before the next
/// frame: a burst of keys or a storm of resizes costs one frame, not one each. Then a Ctrl-Z
/// asked for is carried out, and the signal handler's copy of the check-in kept up to date.
fn burst(app: &mut App, fx: &mut Runner<'_>, first: Event) -> Result<()> {
    app.session.now = now();
    let started = std::time::Instant::now();
    // Letters typed into an answer or the notes are gathered and put in at once: the text
    // area measures all of its text again after each change, which in a long answer makes a
    // burst of single keys slow.
    let mut typed = String::new();
    let mut next = Some(first);
    while let Some(event) = next.take() {
        let msg = match event {
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
                    run_all(app, fx, requests);
                }
                let requests = app.update(msg);
                run_all(app, fx, requests);
            }
            None => {}
        }
        if !app.quit && started.elapsed() <= BURST && event::poll(Duration::ZERO)? {
            next = Some(event::read()?);
        }
    }
    if !typed.is_empty() {
        let requests = app.update(Msg::Paste(typed));
        run_all(app, fx, requests);
    }
    if app.take_suspend() {
        suspend(app, fx)?;
    }
    // Keep a copy of the check-in for the signal handler, only when it changed.
    let current = app.unsaved();
    if let Ok(mut copy) = fx.unsaved.lock()
        && copy.as_ref() != current
    {
        *copy = current.cloned();
    }
    Ok(())
}

/// Ctrl-Z, once the draft is written: the terminal given back, closer stopped, and on `fg`
/// the terminal taken again; or, with no shell to come back to, a word why not.
fn suspend(app: &mut App, fx: &mut Runner<'_>) -> Result<()> {
    if can_stop() {
        terminal_guard(|| fx.session.suspend());
        stop_now();
        terminal_guard(|| fx.session.resume())?;
        CONTINUED.store(false, std::sync::atomic::Ordering::SeqCst);
    } else {
        app.status = Some(Status::Info(
            "There is no shell here to come back to, so Ctrl-Z does nothing. Ctrl-C quits; \
             your check-in is kept."
                .into(),
        ));
    }
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
        read_journal(app, fx);
    }
}

/// Reads the journal (on its own thread), offers a check-in left unfinished, and opens where
/// closer was asked to start: at once on a plain journal, after the passphrase on an encrypted
/// one.
fn open_journal(app: &mut App, fx: &mut Runner<'_>, start: Start) {
    read_journal(app, fx);
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
        Start::CheckIn { .. } => Some(Action::StartCheckIn),
        Start::Review => Some(Action::OpenReview),
    };
    if let Some(action) = first {
        let requests = app.request(action);
        run_all(app, fx, requests);
    }
}

/// Whether a key is a letter typed as it is, without Ctrl or Alt.
fn plain(input: &Input) -> bool {
    matches!(input.key, TextKey::Char(_)) && !input.ctrl && !input.alt
}
