//! The loop: read a key, turn it into a message, update, carry out the effects against the
//! store, draw. Single-threaded, so nothing else ever competes for the terminal.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::{Context as _, Result};
use chrono::{Local, NaiveDate};
use ratatui::crossterm::event::{self, Event};

use crate::content;
use crate::journal::{Preferences, streak};
use crate::store::{Severity, Store};

use super::app::{App, Context, Effect, Msg, Status, Summary};
use super::keymap;
use super::terminal;
use super::theme::Theme;

/// How the TUI is started.
#[derive(Debug, Clone)]
pub struct Options {
    /// The data folder.
    pub data_dir: PathBuf,
    /// Where the person's own prompts and strategies are, if anywhere.
    pub config_dir: Option<PathBuf>,
    /// The value of `NO_COLOR`, if set.
    pub no_color: Option<String>,
}

/// Runs the journal until the person quits.
pub fn run(options: Options) -> Result<()> {
    let store = Store::open(&options.data_dir)
        .with_context(|| format!("opening the journal in {}", options.data_dir.display()))?;
    let (prefs, mut status) = match store.load_preferences() {
        Ok(prefs) => (prefs, None),
        Err(e) => (Preferences::default(), Some(Status::Error(e.to_string()))),
    };
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
    let stop = stop_on_signals();

    let mut session = terminal::enter()?;
    let size = session.terminal.size()?;
    let ctx = Context {
        today: Local::now().date_naive(),
        data_dir: options.data_dir.clone(),
        read_only: store.read_only().map(ToString::to_string),
        size: (size.width, size.height),
    };
    let mut app = App::new(
        ctx,
        prefs,
        Arc::new(catalog),
        Theme::for_env(options.no_color.as_deref()),
    );
    app.status = status;

    // The first frame comes before the journal is read, so closer opens at once whatever its size.
    session.terminal.draw(|f| app.view(f))?;
    let today = app.ctx.today;
    dispatch(&mut app, &store, Msg::Loaded(summary(&store, today)));

    loop {
        session.terminal.draw(|f| app.view(f))?;
        if app.quit || stop.load(Ordering::Relaxed) {
            break;
        }
        if !event::poll(Duration::from_millis(250))? {
            let today = Local::now().date_naive();
            dispatch(&mut app, &store, Msg::Tick { today });
            continue;
        }
        match event::read()? {
            Event::Key(key) if key.is_press() => {
                if let Some(action) = keymap::translate(app.mode(), &key) {
                    dispatch(&mut app, &store, Msg::Action(action));
                }
            }
            Event::Resize(width, height) => {
                dispatch(&mut app, &store, Msg::Resize { width, height });
            }
            _ => {}
        }
    }
    drop(session);
    Ok(())
}

/// Updates the app with `msg`, then carries out the effects, feeding their results back in.
fn dispatch(app: &mut App, store: &Store, msg: Msg) {
    let mut queue = vec![msg];
    while let Some(msg) = queue.pop() {
        for effect in app.update(msg) {
            queue.push(run_effect(store, effect, app.ctx.today));
        }
    }
}

fn run_effect(store: &Store, effect: Effect, today: NaiveDate) -> Msg {
    match effect {
        Effect::SavePreferences(prefs) => match store.save_preferences(&prefs) {
            Ok(()) => Msg::PreferencesSaved,
            Err(e) => Msg::Failed(format!("Your choice is used for now, but {e}")),
        },
        Effect::LoadJournal => Msg::Loaded(summary(store, today)),
    }
}

/// Home's figures, from a full read of the journal.
fn summary(store: &Store, today: NaiveDate) -> Summary {
    let scan = store.load();
    let days: BTreeSet<NaiveDate> = scan.entries.iter().map(|e| e.date).collect();
    let problem_files: BTreeSet<&PathBuf> = scan
        .problems
        .iter()
        .filter(|p| p.severity() >= Severity::Warning)
        .map(|p| &p.path)
        .collect();
    Summary {
        recently_answered: content::recently_answered(&scan.entries, today),
        entries: scan.entries.len(),
        checked_in_today: days.contains(&today),
        streak: streak::current(&days, today),
        problem_files: problem_files.len(),
    }
}

/// A flag raised by SIGTERM, SIGHUP or SIGINT, so the loop ends and the terminal is restored.
fn stop_on_signals() -> Arc<AtomicBool> {
    let flag = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        // If a handler cannot be installed the default action remains; nothing else changes.
        let _ = signal_hook::flag::register(signal, Arc::clone(&flag));
    }
    flag
}
