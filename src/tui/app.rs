//! The application: a stack of screens over a shared session, and the status line.
//!
//! `App` knows no screen's insides. It hands each message to the screen it is for, carries out
//! the `Cmd` that comes back (push, pop, status, preferences), and returns the effects to the
//! event loop, each tagged with the screen that asked; an effect's result goes back to that
//! screen. Nothing here does I/O or reads the clock: time arrives in `tick`.

use chrono::{DateTime, FixedOffset};
use ratatui::Frame;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyEvent;

use crate::journal::draft::CheckInDraft;

use super::effect::{Done, Effect, LayerId, Request};
use super::keys::{self, Action, Binding};
use super::screen::{
    Cmd, Ctx, LastLayout, Lock, LockKind, LockWhy, Msg, Open, Question, Typing, ViewCx,
};
use super::screens::{self, Screen};
use super::session::{Session, Status, Summary};
use super::widgets::too_small::TooSmall;

/// The app's own effects (reading the journal on a new day).
const APP: LayerId = 0;

#[derive(Debug, Clone)]
struct Layer {
    id: LayerId,
    screen: Screen,
    layout: LastLayout,
    /// The screen changed since its layout was recorded (a key in the same burst as the one
    /// that changed its mode must not read the old mode's layout).
    changed: bool,
}

/// The whole state of the interface.
#[derive(Debug, Clone)]
pub struct App {
    /// What every screen may read.
    pub session: Session,
    /// The status line.
    pub status: Option<Status>,
    /// Set when the app should end.
    pub quit: bool,
    /// Quitting was asked for: closer quits once what was typed is on disk (see
    /// [`App::after_effects`]).
    quit_asked: bool,
    /// Ctrl-Z was pressed: the loop suspends closer once the draft is written.
    suspend_asked: bool,
    stack: Vec<Layer>,
    /// A screen asked for before the journal was read, and the screen that asked.
    waiting: Option<(LayerId, Open)>,
    next_id: LayerId,
    /// The journal was just unlocked (the loop reads it then, the first time).
    unlocked: bool,
    /// What the status line said as closer opened locked (mistakes in config.toml or the
    /// person's prompts and strategies): the lock does not show it, and typing the passphrase
    /// would clear it, so it is shown once the journal is unlocked, as on a plain journal.
    after_unlock: Option<Status>,
    /// Check-ins wait in `drafts/` for their turn (the other computer's, kept by `closer
    /// doctor --merge-conflicts`): the loop offers the next once none is in progress.
    pub drafts_waiting: bool,
}

impl App {
    /// A new app: first run when no perspective is chosen yet, home otherwise.
    pub fn new(session: Session) -> App {
        let first = if session.prefs.is_first_run() {
            Open::FirstRun
        } else {
            Open::Home
        };
        let first = screens::open(first, &session);
        let mut app = App {
            session,
            status: None,
            quit: false,
            quit_asked: false,
            suspend_asked: false,
            stack: Vec::new(),
            waiting: None,
            next_id: APP,
            unlocked: false,
            after_unlock: None,
            drafts_waiting: false,
        };
        app.push(first);
        app
    }

    /// Whether a check-in may be under way with nothing of it on disk yet: a check-in screen
    /// is open, words are being saved to a file, or a screen waits for the journal to be
    /// read. Nothing may be put in `drafts/current.json` then: the check-in's next write would
    /// replace it.
    pub fn check_in_open(&self) -> bool {
        self.waiting.is_some() || self.stack.iter().any(|l| l.screen.holds_words())
    }

    /// The screen on top.
    pub fn top(&self) -> &Screen {
        &self.stack[self.stack.len() - 1].screen
    }

    /// The layer id of the screen on top (what its effects' results are sent back to).
    pub fn top_id(&self) -> LayerId {
        self.stack[self.stack.len() - 1].id
    }

    /// The keys in force: only Ctrl-C while the terminal is too small.
    pub fn keys(&self) -> Vec<Binding> {
        if self.session.too_small() {
            return keys::GLOBAL.to_vec();
        }
        self.top().keys()
    }

    /// How the top screen takes unbound keys (not at all while the terminal is too small).
    pub fn typing(&self) -> Typing {
        if self.session.too_small() {
            return Typing::No;
        }
        self.top().typing()
    }

    /// What a key press means now, if anything.
    pub fn message_for(&self, key: &KeyEvent) -> Option<Msg> {
        match keys::translate(&self.keys(), key) {
            Some(action) => Some(Msg::Key(action)),
            None if self.typing() != Typing::No => Some(Msg::Input((*key).into())),
            None => None,
        }
    }

    /// Applies a message from the person; returns the work it asks for.
    pub fn update(&mut self, msg: Msg) -> Vec<Request> {
        let mut out = Vec::new();
        match msg {
            Msg::Key(Action::Quit) => self.quitting(&mut out),
            // Quick hide: from every screen, typing included, at once.
            // On the lock itself, hidden or asking for the passphrase, it leaves closer (what
            // was being written was kept as the lock came).
            Msg::Key(Action::Hide) => {
                if self.is_locked() {
                    self.quitting(&mut out);
                } else {
                    out = self.lock(LockWhy::Hidden);
                }
            }
            Msg::Key(Action::Suspend) => {
                self.broadcast(&Msg::Suspending, &mut out);
                self.suspend_asked = true;
            }
            Msg::Key(_) | Msg::Input(_) | Msg::Paste(_) if self.session.too_small() => {}
            // Help within reach from every screen (`!`, or F2 while typing): over what is
            // open, so Esc comes back to it, a check-in's words untouched.
            Msg::Key(Action::OpenSupport) => {
                self.status = None;
                if !self.top().opened_by(&Open::Support) {
                    self.open(Open::Support, &mut out);
                }
            }
            Msg::Key(Action::ToggleHelp) => {
                self.status = None;
                let help = Open::Help(self.top().keys());
                if self.top().opened_by(&help) {
                    self.stack.pop();
                } else {
                    self.open(help, &mut out);
                }
            }
            msg => {
                if matches!(msg, Msg::Key(_) | Msg::Input(_) | Msg::Paste(_)) {
                    // Any key press, typing too, clears an old message: the person is there
                    // (a failure stays until then, so one who looked away still sees it).
                    self.status = None;
                }
                let top = self.stack[self.stack.len() - 1].id;
                self.send(top, msg, &mut out);
            }
        }
        out
    }

    /// Time passed and no key came for a moment: the date may have changed, and screens keep
    /// what was typed.
    pub fn tick(&mut self, now: DateTime<FixedOffset>) -> Vec<Request> {
        let mut out = Vec::new();
        self.session.now = now;
        let today = now.date_naive();
        if today != self.session.today {
            self.session.today = today;
            self.session.refresh_prompt();
            // Locked, nothing of the journal can be read (it would read as empty); it is read
            // as it is unlocked.
            if !self.session.locked {
                out.push(Request {
                    from: APP,
                    effect: Effect::LoadJournal,
                });
            }
        }
        self.broadcast(&Msg::Pause, &mut out);
        out
    }

    /// Locks closer: what is being written is kept (as on Ctrl-Z), the screen is replaced at
    /// once by the lock, and an encrypted journal's key is forgotten. Quick hide shows an
    /// empty screen; auto-lock the passphrase prompt (an empty screen for a plain journal).
    pub fn lock(&mut self, why: LockWhy) -> Vec<Request> {
        let mut out = Vec::new();
        if self.is_locked() {
            return out;
        }
        self.broadcast(&Msg::Suspending, &mut out);
        self.status = None;
        let encrypted = self.session.encrypted;
        let kind = if why == LockWhy::Hidden || !encrypted {
            LockKind::Hidden
        } else {
            LockKind::Passphrase
        };
        let lock = Lock {
            kind,
            why,
            encrypted,
            offer_check_in: false,
            message: None,
        };
        self.open(Open::Lock(Box::new(lock)), &mut out);
        if encrypted {
            self.session.locked = true;
            out.push(Request {
                from: APP,
                effect: Effect::Forget,
            });
        }
        out
    }

    /// Opens closer on an encrypted journal that is locked: the passphrase prompt first, and
    /// with `offer_check_in`, a check-in without unlocking.
    pub fn open_locked(&mut self, offer_check_in: bool) {
        self.session.locked = true;
        self.after_unlock = self.status.take();
        let lock = Lock {
            kind: LockKind::Passphrase,
            why: LockWhy::Opening,
            encrypted: true,
            offer_check_in,
            message: None,
        };
        self.push(screens::open(Open::Lock(Box::new(lock)), &self.session));
    }

    /// A message on the lock screen on top (why it cannot be unlocked, or why no check-in is
    /// offered without unlocking).
    pub fn lock_message(&mut self, text: String) {
        // An error's words, as a sentence.
        let mut chars = text.chars();
        let mut sentence: String = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        if !sentence.ends_with('.') {
            sentence.push('.');
        }
        self.top_mut().lock_message(sentence);
    }

    /// Whether a lock is on the stack above the screen `id`.
    fn locked_above(&self, id: LayerId) -> bool {
        let Some(at) = self.stack.iter().position(|l| l.id == id) else {
            return false;
        };
        self.stack[at + 1..].iter().any(|l| l.screen.is_lock())
    }

    /// Whether a lock is on top.
    pub fn is_locked(&self) -> bool {
        self.top().is_lock()
    }

    /// Whether the journal was unlocked since last asked (asking clears it).
    pub fn take_unlocked(&mut self) -> bool {
        std::mem::take(&mut self.unlocked)
    }

    /// The journal can be written now: the closer that held it has quit.
    pub fn writable_again(&mut self) {
        self.session.read_only = None;
        self.status = Some(Status::Info(
            "The other closer has closed: you can write here now.".into(),
        ));
    }

    /// The terminal has a new size.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.session.size = (width, height);
    }

    /// The newest days of the journal were read, the rest being read: a screen waiting for
    /// them (review) opens now, over the screen that asked.
    pub fn loaded_newest(&mut self, summary: Summary) -> Vec<Request> {
        let mut out = Vec::new();
        // As for a whole read (below): nothing read without the key is taken in.
        if self.session.locked || self.session.journal.is_some() {
            return out;
        }
        self.session.loaded_newest(summary);
        self.broadcast(&Msg::JournalChanged, &mut out);
        if let Some((asker, open)) = self.waiting.take() {
            if screens::opens_on_newest(&open) {
                if self.stack[self.stack.len() - 1].id == asker {
                    self.status = None;
                    self.open(open, &mut out);
                }
            } else {
                self.waiting = Some((asker, open));
            }
        }
        out
    }

    /// Whether the screen `open` asks for can open now: it does not need the journal, or the
    /// journal is read, or only its newest days are and it shows them (review).
    fn can_open(&self, open: &Open) -> bool {
        !screens::needs_journal(open)
            || self.session.journal.is_some()
            || (self.session.newest.is_some() && screens::opens_on_newest(open))
    }

    /// The journal was read; a screen waiting for it opens now.
    pub fn loaded(&mut self, summary: Summary) -> Vec<Request> {
        let mut out = Vec::new();
        // A read that ends while the journal is locked is not taken in: it may have been made
        // without the key (every entry unreadable: "Entries 0", a journal that looks wiped).
        // Unlocking reads the journal again.
        if self.session.locked {
            return out;
        }
        self.session.loaded(summary);
        self.session.refresh_prompt();
        self.broadcast(&Msg::JournalChanged, &mut out);
        // It opens only over the screen that asked, as the person left it; if they went on
        // elsewhere meanwhile, the request has lapsed.
        if let Some((asker, open)) = self.waiting.take()
            && self.stack[self.stack.len() - 1].id == asker
        {
            self.status = None;
            self.open(open, &mut out);
        }
        out
    }

    /// An unfinished check-in was found at start; `offer` says whether to ask about it now.
    pub fn draft_found(&mut self, draft: CheckInDraft, offer: bool) -> Vec<Request> {
        self.session.pending_draft = Some(draft);
        let mut out = Vec::new();
        if offer {
            let top = self.stack[self.stack.len() - 1].id;
            self.send(top, Msg::DraftFound, &mut out);
        }
        out
    }

    /// An effect asked for by `from` is done: the session takes in what changed, then the
    /// screen that asked hears of it.
    pub fn done(&mut self, from: LayerId, done: Done) -> Vec<Request> {
        let mut out = Vec::new();
        // A failure stays until the person acts: a later one does not replace it (a failed
        // save is not hidden a second later by the draft's retry message).
        if let Done::Failed(text) | Done::DraftFailed(_, text) | Done::PreferencesFailed(text) =
            &done
            && !matches!(self.status, Some(Status::Error(_)))
        {
            self.status = Some(Status::Error(text.clone()));
        }
        // Preferences whose write failed are written again after the next write that works.
        match &done {
            Done::PreferencesFailed(_) => self.session.prefs_unsaved = true,
            Done::PreferencesSaved => self.session.prefs_unsaved = false,
            Done::DraftSaved(_)
            | Done::DraftDiscarded
            | Done::CheckInSaved(_)
            | Done::Deleted(..)
            | Done::Restored(_)
            | Done::EntrySaved(_)
            | Done::TrashEmptied(_)
            | Done::TextWritten(_)
                if self.session.prefs_unsaved =>
            {
                self.session.prefs_unsaved = false;
                out.push(Request {
                    from: APP,
                    effect: Effect::SavePreferences(self.session.stored_prefs.clone()),
                });
            }
            _ => {}
        }
        if done == Done::Unlocked {
            self.session.locked = false;
            self.unlocked = true;
            if let Some(held) = self.after_unlock.take()
                && !matches!(self.status, Some(Status::Error(_)))
            {
                self.status = Some(held);
            }
            // Every lock goes: the one at the start under a check-in written while locked,
            // and the one auto-lock put over it.
            self.stack.retain(|l| !l.screen.is_lock() || l.id == from);
        }
        // Screens let go of the entries first: the session then changes its own, without
        // copying the whole journal for them (see `Msg::JournalChanging`).
        let changing = done.changes_journal() && self.session.so_far().is_some();
        if changing {
            self.broadcast(&Msg::JournalChanging, &mut out);
        }
        let journal_changed = self.session.take_in(&done);
        self.send(from, Msg::Done(done), &mut out);
        if journal_changed || changing {
            self.broadcast(&Msg::JournalChanged, &mut out);
        }
        out
    }

    /// What the person typed that a signal would have to keep: the check-in open, brought up
    /// to date with its text fields, or else words that could not be written when a check-in
    /// was left.
    pub fn unsaved(&mut self) -> Option<&CheckInDraft> {
        match self.stack.iter().rposition(|l| l.screen.is_check_in()) {
            Some(i) => self.stack[i].screen.unsaved(),
            None => self.session.unsaved.as_ref(),
        }
    }

    /// Asks the screen on top for `action` as if its key were pressed, without clearing the
    /// status line (how `closer checkin` and `closer review` start).
    pub fn request(&mut self, action: Action) -> Vec<Request> {
        let mut out = Vec::new();
        let top = self.stack[self.stack.len() - 1].id;
        self.send(top, Msg::Key(action), &mut out);
        out
    }

    /// Draws the app: the topmost full screen and any overlays above it.
    pub fn view(&mut self, frame: &mut Frame) {
        let area = frame.area();
        if self.session.too_small() || area.width < 1 || area.height < 1 {
            frame.render_widget(TooSmall::new(area, &self.session.theme), area);
            return;
        }
        let keys = self.keys();
        let cx = ViewCx {
            session: &self.session,
            status: self.status.as_ref(),
            keys: &keys,
        };
        let base = self
            .stack
            .iter()
            .rposition(|l| !l.screen.is_overlay())
            .unwrap_or(0);
        for layer in &mut self.stack[base..] {
            layer.layout.caret = None;
            layer.screen.view(&cx, frame, area, &mut layer.layout);
            layer.layout.drawn_at = Some(self.session.size);
            layer.changed = false;
        }
        // The terminal's cursor where the screen on top has its caret or selected row (over a
        // screen beneath, a dialog's or nothing): screen readers, magnifiers and input methods
        // follow it. Placed nowhere, ratatui hides it.
        if let Some(at) = self.stack.last().and_then(|l| l.layout.caret)
            && area.contains(at)
        {
            frame.set_cursor_position(at);
        }
    }

    /// Opens `screen` on top, as a screen's `Cmd::Open` would (for tests that start there).
    #[cfg(test)]
    pub fn open_for_test(&mut self, screen: Screen) {
        self.push(screen);
    }

    /// The screen on top, to change (for tests and benchmarks that set a screen up as a
    /// person left it; screens themselves never reach it).
    pub fn top_mut(&mut self) -> &mut Screen {
        let last = self.stack.len() - 1;
        &mut self.stack[last].screen
    }

    fn push(&mut self, screen: Screen) {
        self.next_id += 1;
        self.stack.push(Layer {
            id: self.next_id,
            screen,
            layout: LastLayout::default(),
            changed: true,
        });
    }

    /// The stack laid out offscreen at the current size, so an update that comes before the
    /// next frame (a key in the same burst as the one that opened the screen, or after a
    /// resize) reads a true layout.
    fn lay_out(&mut self) {
        let (w, h) = self.session.size;
        let Ok(mut terminal) = ratatui::Terminal::new(TestBackend::new(w, h));
        let _ = terminal.draw(|f| self.view(f));
    }

    /// Gives `msg` to the screen `id`, if it is still open, and carries out its answer.
    fn send(&mut self, id: LayerId, msg: Msg, out: &mut Vec<Request>) {
        let Some(i) = self.stack.iter().position(|l| l.id == id) else {
            return;
        };
        // Keys that move by what was laid out read a layout of the screen as it is now.
        let layer = &self.stack[i];
        let stale = layer.layout.drawn_at != Some(self.session.size) || layer.changed;
        if stale && matches!(msg, Msg::Key(a) if a.moves()) {
            self.lay_out();
        }
        let layer = &mut self.stack[i];
        let cx = Ctx {
            session: &self.session,
            layout: &layer.layout,
        };
        let cmd = layer.screen.update(msg, &cx);
        layer.changed = true;
        self.apply(id, cmd, out);
    }

    fn broadcast(&mut self, msg: &Msg, out: &mut Vec<Request>) {
        let ids: Vec<LayerId> = self.stack.iter().map(|l| l.id).collect();
        for id in ids {
            self.send(id, msg.clone(), out);
        }
    }

    fn quitting(&mut self, out: &mut Vec<Request>) {
        self.broadcast(&Msg::Quitting, out);
        self.quit_asked = true;
        if out.is_empty() {
            self.after_effects();
        }
    }

    /// Whether closer should be suspended now (asked with Ctrl-Z; what must be kept was
    /// written). Asking clears it.
    pub fn take_suspend(&mut self) -> bool {
        std::mem::take(&mut self.suspend_asked)
    }

    /// Closes the screen `id` and every screen opened over it; the bottom one stays.
    fn close(&mut self, id: LayerId) {
        if let Some(i) = self.stack.iter().position(|l| l.id == id) {
            self.stack.truncate(i.max(1));
        }
    }

    /// Closes the screen `from` and gives `msg` to the screen then on top.
    fn close_telling(&mut self, from: LayerId, msg: Msg, out: &mut Vec<Request>) {
        self.close(from);
        let top = self.stack[self.stack.len() - 1].id;
        self.send(top, msg, out);
    }

    fn open(&mut self, open: Open, out: &mut Vec<Request>) {
        // The day `closer checkin --date` asked for is the first check-in's, not the next.
        if matches!(open, Open::CheckIn(_)) {
            self.session.check_in_day = None;
        }
        let screen = screens::open(open, &self.session);
        self.push(screen);
        let id = self.next_id;
        self.send(id, Msg::Opened, out);
    }

    fn apply(&mut self, from: LayerId, cmd: Cmd, out: &mut Vec<Request>) {
        match cmd {
            Cmd::None => {}
            Cmd::Open(open) if !self.can_open(&open) => {
                // A screen that replaced itself (first run, then home) waits on the one in
                // its place: review after the first choice opens once the journal is read.
                let asker = if self.stack.iter().any(|l| l.id == from) {
                    from
                } else {
                    self.top_id()
                };
                self.waiting = Some((asker, open));
                self.status = Some(Status::Info(
                    "Still reading your journal… it opens as soon as it is read.".into(),
                ));
            }
            // A screen under the lock (hearing that the journal was read, say) opens nothing
            // over it: that would show the journal on a locked screen.
            Cmd::Open(_) | Cmd::Replace(_) if self.locked_above(from) => {}
            Cmd::Open(open) => self.open(open, out),
            Cmd::Pop => self.close(from),
            Cmd::Replace(open) => {
                self.close(from);
                if self.stack.len() == 1 && self.stack[0].id == from {
                    self.stack.clear();
                }
                self.open(open, out);
            }
            Cmd::Answer(question @ (Question::QuitUnsaved | Question::QuitWithout), action) => {
                self.close(from);
                self.quit_answered(question, action, out);
            }
            Cmd::Answer(question, action) => {
                self.close_telling(from, Msg::Answer(question, action), out)
            }
            Cmd::Return(back) => self.close_telling(from, Msg::Returned(back), out),
            Cmd::Effect(effect) => {
                // Words the person chose to throw away are not "unsaved" any more, even if
                // removing the draft file fails.
                if effect == Effect::DiscardDraft {
                    self.session.unsaved = None;
                }
                out.push(Request { from, effect });
            }
            Cmd::Status(status) => self.status = Some(status),
            Cmd::Prefs(prefs) => {
                let stored = self.session.config.to_store(
                    &self.session.stored_prefs,
                    &self.session.prefs,
                    &prefs,
                );
                self.session.stored_prefs = stored.clone();
                self.session.set_prefs(*prefs);
                out.push(Request {
                    from,
                    effect: Effect::SavePreferences(stored),
                });
            }
            Cmd::Quit => self.quitting(out),
            Cmd::Many(cmds) => {
                for cmd in cmds {
                    self.apply(from, cmd, out);
                }
            }
        }
    }
}

mod quit;

#[cfg(test)]
mod tests;
