//! Save words to a file: where a check-in whose draft cannot be written (a full or read-only
//! disk) can still go, in a file the person names, before they leave or quit.

use std::path::PathBuf;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui_textarea::{Input, Key as TextKey};

use crate::tui::effect::{Done, Effect};
use crate::tui::keys::{self, Action, Binding, bind};
use crate::tui::screen::{self, Cmd, Ctx, LastLayout, Msg, Question, Typing, ViewCx};
use crate::tui::session::Session;
use crate::tui::widgets::caret::{GLYPH, Spot};
use crate::tui::widgets::page;
use crate::tui::widgets::wrap;

/// The words, and the path being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    /// The words to save.
    pub text: String,
    /// The path typed so far (`~/` stands for the home folder).
    pub path: String,
    /// The question that opened this; it hears `Confirm` when the file is written.
    pub asked: Question,
}

/// The screen's keys.
pub const KEYS: &[Binding] = &[
    bind!([Enter] => Confirm, "write", "write the file"),
    bind!([Esc] => Back, "back", "back, without writing"),
    keys::HELP_KEY_TEXT,
];

screen::one_table!("save words to a file" => KEYS, Typing::Field);

impl State {
    /// Saving `text`, with a path suggested in the home folder, named by the time.
    pub fn new(text: String, asked: Question, session: &Session) -> State {
        let name = format!("closer-words-{}.txt", session.now.format("%Y-%m-%d-%H%M%S"));
        let path = match &session.home {
            Some(_) => format!("~/{name}"),
            None => name,
        };
        State { text, path, asked }
    }
}

/// The path typed, with `~/` made the home folder.
fn resolve(path: &str, session: &Session) -> PathBuf {
    match (path.strip_prefix("~/"), &session.home) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => PathBuf::from(path),
    }
}

/// Whether it opens only once the journal is read.
pub const NEEDS_JOURNAL: bool = false;

/// Applies a message.
pub fn update(state: &mut State, msg: Msg, cx: &Ctx) -> Cmd {
    match msg {
        Msg::Input(Input {
            key: TextKey::Char(c),
            ctrl: false,
            alt: false,
            ..
        }) => state.path.push(c),
        Msg::Input(Input {
            key: TextKey::Backspace,
            ..
        }) => {
            state.path.pop();
        }
        Msg::Paste(text) => state
            .path
            .push_str(text.lines().next().unwrap_or_default().trim()),
        Msg::Key(Action::Confirm) => {
            let path = state.path.trim();
            if path.is_empty() {
                return Cmd::error("Type where to write the file first.");
            }
            let path = resolve(path, cx.session);
            return Cmd::Effect(Effect::WriteText(path, state.text.clone()));
        }
        Msg::Key(Action::Back) => return Cmd::Pop,
        Msg::Done(Done::TextWritten(path)) => {
            return Cmd::info(format!("Your words are in {}.", path.display()))
                .and(Cmd::Answer(state.asked, Action::Confirm));
        }
        _ => {}
    }
    Cmd::None
}

/// Draws the screen.
pub fn view(state: &State, cx: &ViewCx, frame: &mut Frame, area: Rect, layout: &mut LastLayout) {
    let theme = &cx.session.theme;
    let body = page::column(page::draw(cx, frame, area, "save your words"));
    let preview: Vec<&str> = state.text.lines().take(6).collect();
    let field = Line::from(vec![
        Span::styled("File: ", theme.key),
        Span::styled(state.path.clone(), theme.text),
        Span::styled(GLYPH, theme.key),
    ]);
    let mut lines = vec![
        Line::default(),
        Line::styled(
            "The draft could not be written, so these words are only in memory. Save them to a \
             file anywhere you can write (another disk, if this one is full):",
            theme.text,
        ),
        Line::default(),
        field.clone(),
        Line::default(),
        Line::styled("What will be in it:", theme.muted),
    ];
    if cx.session.encrypted {
        lines.insert(
            3,
            Line::styled(
                "This file will not be encrypted, though your journal is: keep it somewhere \
                 private, and delete it once your words are back in closer.",
                theme.error,
            ),
        );
    }
    lines.extend(
        preview
            .into_iter()
            .map(|l| Line::styled(format!("  {l}"), theme.muted)),
    );
    let at = lines.iter().position(|l| *l == field).unwrap_or(0);
    let caret = Spot::before_span(at, &field, 2);
    let (lines, caret) = wrap::lines_with(lines, usize::from(body.width), Some(caret));
    layout.place(caret.and_then(|c| c.on(body, 0)));
    frame.render_widget(Paragraph::new(lines), body);
}
