//! The lock: a neutral, empty screen (quick hide, Ctrl-Q from anywhere) and the passphrase
//! prompt of an encrypted journal (at start, after a hide, after auto-lock). Nothing of the
//! journal is drawn under it: it is a full screen, and it shows neither the status line nor
//! the screen's name when hidden.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui_textarea::{Input, Key as TextKey};
use zeroize::Zeroize;

use crate::tui::effect::{Done, Effect, Passphrase};
use crate::tui::keys::{self, Action, Binding, bind};
use crate::tui::screen::{Cmd, Ctx, LastLayout, Lock, Msg, Open, Question, Typing, ViewCx};
use crate::tui::widgets::caret::{GLYPH, Spot};
use crate::tui::widgets::{page, wrap};

pub use crate::tui::screen::{LockKind as Kind, LockWhy as Why};

/// The lock's state. The passphrase typed so far is zeroed when it is sent or dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    /// What it shows now.
    pub kind: Kind,
    /// Why.
    pub why: Why,
    /// Whether the journal is encrypted (then coming back needs the passphrase).
    pub encrypted: bool,
    /// Whether a check-in may be written without unlocking (`closer checkin`, no draft
    /// waiting).
    pub offer_check_in: bool,
    /// Characters typed (never drawn, only counted).
    typed: String,
    /// Checking a passphrase now.
    pub checking: bool,
    /// The last attempt was wrong, or a message to show.
    pub message: Option<String>,
}

impl Drop for State {
    fn drop(&mut self) {
        self.typed.zeroize();
    }
}

impl State {
    /// The lock as it opens.
    pub fn new(kind: Kind, why: Why, encrypted: bool, offer_check_in: bool) -> State {
        State {
            kind,
            why,
            encrypted,
            offer_check_in,
            // Made once at a size a passphrase fits in, so growing it leaves no copies of
            // its beginning behind in freed memory.
            typed: String::with_capacity(1024),
            checking: false,
            message: None,
        }
    }

    /// The lock `open` asks for.
    pub fn opened(open: Lock) -> State {
        let mut state = State::new(open.kind, open.why, open.encrypted, open.offer_check_in);
        state.message = open.message;
        state
    }

    /// How many characters are typed.
    pub fn typed_len(&self) -> usize {
        self.typed.chars().count()
    }
}

/// Keys of the hidden screen: none of its own (every key comes back; Ctrl-Q, global, leaves).
pub const HIDDEN_KEYS: &[Binding] = &[];

const UNLOCK: Binding = bind!([Enter] => Confirm, "unlock", "unlock");

/// Keys of the passphrase prompt.
pub const PROMPT_KEYS: &[Binding] = &[UNLOCK, keys::HELP_KEY_TEXT];

/// Keys of the passphrase prompt where a check-in may be written without unlocking.
pub const PROMPT_CHECK_IN_KEYS: &[Binding] = &[
    UNLOCK,
    bind!([Ctrl 'n'] => StartCheckIn, "check in without unlocking",
        "write today's check-in without unlocking (nothing of the past is shown)"),
    keys::HELP_KEY_TEXT,
];

/// Every key table of the screen, by mode (for tests over all tables).
pub const MODES: &[(&str, &[Binding])] = &[
    ("hidden", HIDDEN_KEYS),
    ("passphrase", PROMPT_KEYS),
    ("passphrase, check-in offered", PROMPT_CHECK_IN_KEYS),
];

/// The keys in force.
pub fn keys(state: &State) -> &'static [Binding] {
    match state.kind {
        Kind::Hidden => HIDDEN_KEYS,
        Kind::Passphrase if state.offer_check_in => PROMPT_CHECK_IN_KEYS,
        Kind::Passphrase => PROMPT_KEYS,
    }
}

/// Whether it opens only once the journal is read.
pub const NEEDS_JOURNAL: bool = false;

/// The passphrase is typed (never shown).
pub fn typing(_: &State) -> Typing {
    Typing::Field
}

/// Applies a message.
pub fn update(state: &mut State, msg: Msg, cx: &Ctx) -> Cmd {
    match state.kind {
        Kind::Hidden => match msg {
            Msg::Input(_) | Msg::Paste(_) | Msg::Key(_) => {
                if state.encrypted {
                    state.kind = Kind::Passphrase;
                    Cmd::None
                } else {
                    Cmd::Pop
                }
            }
            _ => Cmd::None,
        },
        Kind::Passphrase => prompt(state, msg, cx),
    }
}

fn prompt(state: &mut State, msg: Msg, cx: &Ctx) -> Cmd {
    match msg {
        Msg::Input(Input {
            key: TextKey::Char(c),
            ctrl: false,
            alt: false,
            ..
        }) if !state.checking => {
            state.typed.push(c);
            state.message = None;
        }
        Msg::Input(Input {
            key: TextKey::Backspace,
            ..
        }) if !state.checking => {
            state.typed.pop();
        }
        // Ctrl-U clears what was typed, as in a shell.
        Msg::Input(Input {
            key: TextKey::Char('u'),
            ctrl: true,
            ..
        }) => state.typed.zeroize(),
        Msg::Paste(mut text) if !state.checking => {
            state
                .typed
                .push_str(text.lines().next().unwrap_or_default());
            text.zeroize();
        }
        Msg::Key(Action::Confirm) if !state.checking => {
            if state.typed.is_empty() {
                state.message = Some("Type your passphrase, then Enter.".into());
                return Cmd::None;
            }
            state.checking = true;
            state.message = None;
            let passphrase = Passphrase::new(std::mem::take(&mut state.typed));
            return Cmd::Effect(Effect::Unlock(passphrase));
        }
        Msg::Key(Action::StartCheckIn) if state.offer_check_in && !state.checking => {
            state.typed.zeroize();
            return Open::check_in(cx.session);
        }
        // The check-in kept as a draft here, offered again by Ctrl-N: resumed or discarded as
        // home would (without this, the answer fell through and nothing happened).
        Msg::Answer(question @ (Question::ResumeDraft | Question::DiscardDraft), action)
            if state.offer_check_in =>
        {
            return Open::answer_draft(cx.session, question, action);
        }
        Msg::Done(Done::Unlocked) => return Cmd::Pop,
        Msg::Done(Done::UnlockFailed(why)) => {
            state.checking = false;
            state.message = Some(why);
        }
        Msg::JournalChanged if cx.session.saved_while_locked => state.offer_check_in = false,
        _ => {}
    }
    Cmd::None
}

/// Draws the lock: nothing when hidden; the prompt otherwise.
pub fn view(state: &State, cx: &ViewCx, frame: &mut Frame, area: Rect, layout: &mut LastLayout) {
    frame.render_widget(Clear, area);
    if state.kind == Kind::Hidden {
        return;
    }
    let theme = &cx.session.theme;
    // The status line is not shown here: it could speak of what is behind the lock.
    let quiet = ViewCx {
        status: None,
        ..*cx
    };
    let body = page::column(page::draw(&quiet, frame, area, "locked"));
    let mut lines = vec![Line::default()];
    // What became of a check-in written here without unlocking: the lock is where it comes
    // back to, saved, kept or discarded, never the journal.
    let kept = state.offer_check_in && cx.session.pending_draft.is_some();
    // …or kept in memory only: its draft could not be written.
    let in_memory = kept && cx.session.unsaved.is_some();
    let intro = match (state.why, cx.session.saved_while_locked) {
        (_, true) => {
            "Your check-in is saved, encrypted. To see your journal, type your passphrase; \
             Ctrl-C leaves."
        }
        (Why::Opening, false) if in_memory => {
            "Your check-in could not be written, so its words are only in memory: closer asks \
             before it quits. Type your passphrase to open your journal."
        }
        (Why::Opening, false) if kept => {
            "Your check-in is kept as a draft, encrypted. Type your passphrase to open your \
             journal."
        }
        (Why::Opening, false) => "Your journal is encrypted. Type your passphrase to open it.",
        (Why::Hidden, false) => "Type your passphrase to come back.",
        (Why::Idle, false) => {
            "closer locked itself after a while without a key. Anything you were writing is \
             kept. Type your passphrase to come back."
        }
    };
    lines.push(Line::styled(intro, theme.text));
    lines.push(Line::default());
    // Not echoed, not even as dots (their count would tell its length): the caret stays at
    // the field's start, where the glyph is.
    let caret = Spot::before_span(lines.len(), &Line::raw("Passphrase: "), 1);
    lines.push(Line::from(vec![
        Span::styled("Passphrase: ", theme.key),
        Span::styled(GLYPH, theme.key),
        Span::styled(
            if state.typed_len() > 0 {
                "  (typed; not shown)"
            } else {
                "  (what you type is not shown)"
            },
            theme.muted,
        ),
    ]));
    lines.push(Line::default());
    if state.checking {
        lines.push(Line::styled("Checking…", theme.muted));
    } else if let Some(message) = &state.message {
        lines.push(Line::styled(message.clone(), theme.error));
    }
    if state.offer_check_in {
        lines.push(Line::default());
        lines.push(Line::styled(
            if kept {
                "Or press Ctrl-N to go on with it without unlocking: nothing of the past is \
                 shown, and what you write is encrypted as it is written."
            } else {
                "Or press Ctrl-N to write today's check-in without unlocking: nothing of the \
                 past is shown, and what you write is encrypted as it is written."
            },
            theme.muted,
        ));
    }
    lines.push(Line::default());
    if !state.offer_check_in {
        lines.push(Line::styled(LOCKED_CHECK_IN, theme.muted));
    }
    lines.push(Line::styled(FORGOTTEN, theme.muted));
    let (lines, caret) = wrap::lines_with(lines, usize::from(body.width), Some(caret));
    layout.place(caret.and_then(|c| c.on(body, 0)));
    frame.render_widget(Paragraph::new(lines), body);
}

/// Where a check-in can be written without the passphrase, when Ctrl-N does not offer it here.
pub const LOCKED_CHECK_IN: &str = "To write today's check-in without unlocking, run closer \
     checkin: it asks for no passphrase, and what you write is encrypted as it is written.";

/// What a forgotten passphrase means.
pub const FORGOTTEN: &str = "Forgotten the passphrase? Nobody can recover it, closer included: \
     the entries stay encrypted and cannot be read without it.";
