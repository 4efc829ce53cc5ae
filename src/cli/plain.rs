//! `closer checkin --plain`: the daily check-in asked line by line on standard input and
//! output, for a screen reader, a slow link or a script (chosen by itself when either is not a
//! terminal). Plain text only: no escape codes, no colour, nothing drawn again; one question at
//! a time, its choices listed once, lines of at most 80 columns.
//!
//! It is a front end like the terminal interface: it asks what `content::checkin` says the
//! check-in asks, keeps the same draft (`drafts/current.json`, written after every answer),
//! and saves through the same `Store::save_check_in`. An encrypted journal that is locked
//! takes the check-in without its passphrase, as the interface's locked check-in does: it is
//! written to the journal's recipient, and the person's own words are not shown.
//!
//! The questions, their order and an example script are in `docs/plain-checkin.md`.

mod ask;
mod lists;
mod moments;
mod reflect;
mod term;
mod words;

#[cfg(test)]
mod tests;

use std::io::{self, BufRead, IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context as _, Result, bail};
use chrono::NaiveDate;

pub use ask::{Checkin, Clock, Ended, With};
pub use term::{MAX_WIDTH, Term};

use super::Ctx;
use super::printable::Printable;
use crate::journal::Journal;
use crate::journal::draft::{CheckInDraft, Flow};
use crate::store::{self, Store, crypto};

/// Asks the daily check-in of `day` (today, unless an entry for an earlier day is written)
/// line by line on standard input and output, and saves it as the interface would.
///
/// # Errors
/// No data folder; the journal cannot be written now (another closer has it); it is locked
/// and cannot take a check-in without its passphrase; an unfinished check-in waits while
/// standard input is not a terminal; reading or writing the lines failed.
pub fn run(ctx: &Ctx, day: NaiveDate) -> Result<ExitCode> {
    let data_dir = ctx.data_dir()?;
    let store = Store::open(data_dir)
        .with_context(|| format!("opening the journal in {}", data_dir.display()))?;
    if let Some(why) = store.read_only() {
        bail!("a check-in cannot be saved now: {why}");
    }
    let layout = store.layout().clone();
    // With a passphrase from --passphrase-fd or passphrase_command, the journal is unlocked;
    // without one, closer does not ask: the check-in is written without unlocking.
    if crypto::is_encrypted(&layout) && !ctx.secrets().interactive() {
        ctx.unlock()?;
        if let Err(e) = store.settle_inbox() {
            eprintln!(
                "closer: a check-in written while the journal was locked could not be moved \
                 into its day yet ({e}); it is safe where it is."
            );
        }
    }
    let locked = !crypto::is_unlocked(&layout);
    if locked {
        locked_check_in_allowed(&store)?;
    }
    let stored = store.load_preferences().unwrap_or_else(|e| {
        eprintln!("closer: your settings could not be read ({e}); the check-in uses the defaults.");
        Default::default()
    });
    let mut prefs = stored.clone();
    ctx.config().apply(&mut prefs);
    let catalog = ctx.catalog();
    let today = crate::clock::today();
    let journal = (!locked).then(|| Journal::of(Arc::new(store::load(&layout).entries), today));
    let stdin = io::stdin();
    let interactive = stdin.is_terminal();
    let width = if io::stdout().is_terminal() {
        crossterm::terminal::size().map_or(MAX_WIDTH, |(w, _)| usize::from(w))
    } else {
        MAX_WIDTH
    };
    let mut t = Term::new(
        stdin.lock(),
        Printable::new(io::stdout().lock()),
        width,
        interactive,
    );
    if locked {
        t.say(
            "Your journal is encrypted and locked. This check-in is written without unlocking \
             it, encrypted; nothing you wrote before is shown.",
        )?;
    }
    let Some(draft) = begin(&store, &mut t, day, prefs.perspective())? else {
        t.flush()?;
        return Ok(ExitCode::SUCCESS);
    };
    let with = With {
        store: &store,
        catalog: &catalog,
        prefs: &prefs,
        journal: journal.as_ref(),
        today,
        locked,
        now: &crate::clock::now,
    };
    let mut checkin = Checkin::new(draft, t, with);
    let ended = checkin.run()?;
    let code = finish(ctx, &store, &mut checkin, ended, (&stored, &prefs))?;
    checkin.term().flush()?;
    Ok(code)
}

/// Fails, saying why, when a locked journal cannot take a check-in now: this computer does
/// not know its recipient, or a check-in in progress waits (only the passphrase can read it,
/// and a new one must not replace it).
fn locked_check_in_allowed(store: &Store) -> Result<()> {
    crypto::journal_recipient(store.layout())?;
    if std::fs::symlink_metadata(store.layout().draft_file()).is_ok() {
        bail!(
            "your journal is locked, and a check-in you began waits in it, which only your \
             passphrase can read. Open closer, unlock it and go on with that one (or give the \
             passphrase with --passphrase-fd N or passphrase_command in config.toml)."
        );
    }
    Ok(())
}

/// The check-in to ask: the unfinished one (when the person goes on with it), else a new one
/// for `day`; `None` when the person leaves the unfinished one for later.
fn begin<R: BufRead, W: Write>(
    store: &Store,
    t: &mut Term<R, W>,
    day: NaiveDate,
    perspective: Option<crate::journal::Perspective>,
) -> Result<Option<CheckInDraft>> {
    let now = crate::clock::now();
    let mut fresh = CheckInDraft::new(now, perspective);
    fresh.set_day(day);
    let found = match store.load_draft::<CheckInDraft>() {
        Ok(found) => found,
        Err(e) => {
            let to = store.set_aside_draft(now)?;
            eprintln!(
                "closer: an unfinished check-in could not be read ({e}). It was moved to {} \
                 so nothing is lost.",
                to.display()
            );
            None
        }
    };
    let Some(found) = found else {
        t.say(&format!(
            "Check-in for {}, asked line by line.",
            day.format("%A %-d %B %Y")
        ))?;
        t.say(words::HOW)?;
        return Ok(Some(fresh));
    };
    let (found, note) = crate::tui::editor::recover_edit(store, found);
    if let Some(note) = note {
        t.say(&note)?;
    }
    let what = format!(
        "{} Everything you entered is kept.",
        crate::tui::screen::unfinished(&found)
    );
    if !t.interactive() {
        bail!(
            "{what} It waits for you: run closer checkin --plain in a terminal to go on with it \
             or discard it. Nothing was read from standard input."
        );
    }
    let resumable = found.flow == Flow::CheckIn && !found.is_edit();
    t.say(&what)?;
    t.say(if resumable {
        "Go on with it? Enter or y goes on; d discards it and begins a new one; /quit leaves \
         it for later."
    } else {
        "The plain check-in goes on only with a daily check-in: open closer to finish this \
         one. d discards it and begins a new check-in; Enter alone leaves it for later."
    })?;
    loop {
        match t.read()? {
            term::Input::Blank if resumable => return Ok(Some(found)),
            term::Input::Text(a) if resumable && ask::is_yes(&a) => return Ok(Some(found)),
            term::Input::Text(a) if a.eq_ignore_ascii_case("d") => {
                store.discard_draft()?;
                t.say("It was discarded.")?;
                t.say(words::HOW)?;
                return Ok(Some(fresh));
            }
            term::Input::Blank | term::Input::Quit | term::Input::End => {
                t.say("It is kept for later.")?;
                return Ok(None);
            }
            _ => t.say("Type y, d, or press Enter.")?,
        }
    }
}

/// Says how the check-in ended and does what follows a save (the preferences it taught, the
/// day's backup); the exit code: 0 saved or left on purpose, 1 otherwise.
fn finish<R: BufRead, W: Write>(
    ctx: &Ctx,
    store: &Store,
    checkin: &mut Checkin<'_, R, W>,
    ended: Ended,
    (stored, in_use): (&crate::journal::Preferences, &crate::journal::Preferences),
) -> Result<ExitCode> {
    let words = checkin.draft.words();
    let t = checkin.term();
    let lost = |t: &mut Term<R, W>| -> io::Result<()> {
        t.say("Your words could not be kept as a draft. Here they are, so nothing is lost:")?;
        t.gap()?;
        for line in words.lines() {
            t.say(line)?;
        }
        Ok(())
    };
    Ok(match ended {
        Ended::Saved(_, prefs) => {
            if let Some(prefs) = prefs {
                let keep = ctx.config().to_store(stored, in_use, &prefs);
                if let Err(e) = store.save_preferences(&keep) {
                    eprintln!(
                        "closer: what this check-in taught closer (your own words, plans done) could not be kept: {e}"
                    );
                }
            }
            daily_backup(ctx, store);
            ExitCode::SUCCESS
        }
        Ended::Left(kept) => {
            if kept {
                t.say("Your check-in is kept as a draft: closer checkin --plain goes on with it.")?;
            } else if !checkin.draft.is_empty() {
                lost(checkin.term())?;
                return Ok(ExitCode::FAILURE);
            }
            ExitCode::SUCCESS
        }
        Ended::InputEnded(kept) => {
            t.flush()?;
            if kept {
                eprintln!(
                    "closer: standard input ended before the check-in did. What was entered is \
                     kept as a draft: closer checkin --plain goes on with it, /save saves it."
                );
            } else if checkin.draft.is_empty() {
                eprintln!(
                    "closer: standard input ended before anything was entered; nothing was kept."
                );
            } else {
                lost(checkin.term())?;
            }
            ExitCode::FAILURE
        }
        Ended::Discarded => {
            t.say("The check-in was discarded.")?;
            ExitCode::SUCCESS
        }
        Ended::Empty => {
            t.say("Nothing was entered, so nothing was saved.")?;
            ExitCode::FAILURE
        }
        Ended::NotSaved(why, kept) => {
            t.flush()?;
            let tail = if kept {
                "It is kept as a draft: fix the problem, then closer checkin --plain and /save."
            } else {
                ""
            };
            eprintln!("closer: the check-in could not be saved: {why} {tail}");
            if !kept {
                lost(checkin.term())?;
            }
            ExitCode::FAILURE
        }
    })
}

/// The day's backup, after the first save of a day (as the interface makes it): a failure is
/// said, never fatal.
fn daily_backup(ctx: &Ctx, store: &Store) {
    let Ok(settings) = super::backup::Settings::of(ctx) else {
        return;
    };
    let now = crate::clock::now();
    if store::backup::has_backup_on(&settings.dir, now.date_naive()) {
        return;
    }
    if let Err(e) = store::backup::write(
        store.layout(),
        settings.config_dir.as_deref(),
        &settings.dir,
        now,
        settings.keep,
    ) {
        eprintln!(
            "closer: today's backup could not be written: {e} The journal itself is fine; \
             closer backup tries again."
        );
    }
}
