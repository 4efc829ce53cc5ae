//! The one dialog: a question in a box over the screen that asked it. Its keys, the hints in
//! the box, the footer and `?` help all come from the question's own key table. A key in the
//! table closes the dialog and its action goes back to the screen that asked, as
//! `Msg::Answer(question, action)`.

use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::tui::keys::{Action, Binding, Key, bind};
use crate::tui::screen::{Cmd, Ctx, LastLayout, Msg, Question, Typing, ViewCx};
use crate::tui::widgets::caret::Spot;
use crate::tui::widgets::{page, wrap};

const STAY: Binding = bind!([Esc] => Back, "stay", "go on with it");
const STAY_EDITING: Binding = bind!([Esc] => Back, "stay", "go on editing");

const Y: &[Key] = &[Key::ch('y')];
const N_OR_ESC: &[Key] = &[Key::ch('n'), Key::code(KeyCode::Esc)];
const S: &[Key] = &[Key::ch('s')];
const D: &[Key] = &[Key::ch('d')];
const L: &[Key] = &[Key::ch('l')];

/// y: yes, with its footer hint and its help.
const fn yes(hint: &'static str, help: &'static str) -> Binding {
    answer(Y, Action::Yes, hint, help)
}

/// n or Esc: no, with its footer hint and its help.
const fn no(hint: &'static str, help: &'static str) -> Binding {
    answer(N_OR_ESC, Action::No, hint, help)
}

/// s: keep (a draft) and leave.
const fn keep_and_leave(hint: &'static str, help: &'static str) -> Binding {
    answer(S, Action::KeepAndLeave, hint, help)
}

/// d: discard.
const fn discard(hint: &'static str, help: &'static str) -> Binding {
    answer(D, Action::Discard, hint, help)
}

/// l: leave (or quit) without the words that could not be written.
const fn leave_anyway(hint: &'static str, help: &'static str) -> Binding {
    answer(L, Action::LeaveAnyway, hint, help)
}

/// A key that answers, with its footer hint and its help.
const fn answer(
    keys: &'static [Key],
    action: Action,
    hint: &'static str,
    help: &'static str,
) -> Binding {
    Binding::new(keys, action, Some(hint), help)
}

/// r: try to write the draft again.
const TRY_AGAIN: Binding = bind!(['r'] => TryAgain, "try again", "try to write the draft again");

/// f: save the words to a file.
const SAVE_TO_FILE: Binding =
    bind!(['f'] => SaveToFile, "save to a file", "save your words to a file you name");

/// n or Esc: no, keep it.
const KEEP_IT: Binding = no("no", "no, keep it");

/// n or Esc: no, go back.
const GO_BACK: Binding = no("no", "no, go back");

const LEAVE_CHECKIN: &[Binding] = &[
    keep_and_leave("keep draft and leave", "keep the draft and leave"),
    discard("discard", "discard this check-in"),
    STAY,
];

const LEAVE_EDIT: &[Binding] = &[
    keep_and_leave(
        "keep changes and leave",
        "keep your changes as a draft and leave",
    ),
    discard("discard changes", "discard your changes"),
    STAY_EDITING,
];

const YES_NO_BACK: &[Binding] = &[yes("yes", "yes, discard it"), GO_BACK];

const DISCARD_EDIT: &[Binding] = &[yes("yes", "yes, discard my changes"), GO_BACK];

const RESUME: &[Binding] = &[
    bind!(['r', Enter] => Resume, "resume", "resume it"),
    discard("discard", "discard it"),
    bind!([Esc] => Back, "later", "decide later"),
];

const DISCARD_DRAFT: &[Binding] = &[yes("yes, discard", "yes, discard it"), KEEP_IT];

const DELETE: &[Binding] = &[yes("yes", "yes, delete it"), KEEP_IT];

const WRITE_PLAIN: &[Binding] = &[
    yes("yes", "yes, write it unencrypted"),
    no("no", "no, write nothing"),
];

const EMPTY: &[Binding] = &[yes("yes", "yes, empty it"), KEEP_IT];

const REALLY_EMPTY: &[Binding] = &[
    yes("yes", "yes, empty the trash for good"),
    no("no", "no, keep what is in it"),
];

const LEAVE_UNSAVED: &[Binding] = &[
    TRY_AGAIN,
    SAVE_TO_FILE,
    leave_anyway(
        "leave",
        "leave the check-in; its words stay in memory, and closer asks before it quits",
    ),
    STAY,
];

const QUIT_UNSAVED: &[Binding] = &[
    TRY_AGAIN,
    SAVE_TO_FILE,
    leave_anyway("quit anyway", "quit without them (asks again)"),
    bind!([Esc] => Back, "stay", "stay in closer"),
];

const QUIT_WITHOUT: &[Binding] = &[yes("yes", "yes, quit; the words are lost"), GO_BACK];

const RENAME_IN_ENTRIES: &[Binding] = &[
    yes("yes, there too", "yes, rename it in those entries too"),
    no(
        "no, list only",
        "no, only in the list; the entries keep the old name",
    ),
];

const REALLY_MERGE: &[Binding] = &[
    yes("yes, merge", "yes, make them one in those entries"),
    no("no", "no, only in the list; the entries keep both names"),
];

/// The keys of `question`: the answers it takes.
pub fn asking(question: Question) -> &'static [Binding] {
    match question {
        Question::LeaveCheckIn => LEAVE_CHECKIN,
        Question::LeaveEdit => LEAVE_EDIT,
        Question::DiscardCheckIn => YES_NO_BACK,
        Question::DiscardEdit => DISCARD_EDIT,
        Question::ResumeDraft => RESUME,
        Question::DiscardDraft => DISCARD_DRAFT,
        Question::DeleteEntry => DELETE,
        Question::EmptyTrash => EMPTY,
        Question::ReallyEmptyTrash => REALLY_EMPTY,
        Question::LeaveUnsaved => LEAVE_UNSAVED,
        Question::QuitUnsaved => QUIT_UNSAVED,
        Question::QuitWithout => QUIT_WITHOUT,
        Question::WritePlain => WRITE_PLAIN,
        Question::RenameInEntries => RENAME_IN_ENTRIES,
        Question::ReallyMerge => REALLY_MERGE,
    }
}

/// A question being asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    /// Which question.
    pub question: Question,
    /// The box's title.
    pub title: String,
    /// What will happen, in a few lines.
    pub lines: Vec<String>,
}

impl State {
    /// Asks `question` with `title` and `lines`.
    pub fn new(question: Question, title: &str, lines: &[String]) -> State {
        State {
            question,
            title: format!(" {title} "),
            lines: lines.to_vec(),
        }
    }
}

/// Its key tables are the questions' (see [`asking`]), listed with every question.
pub const MODES: &[(&str, &[Binding])] = &[];

/// The keys of the question it asks.
pub fn keys(state: &State) -> &'static [Binding] {
    asking(state.question)
}

/// Whether it opens only once the journal is read.
pub const NEEDS_JOURNAL: bool = false;

/// Unbound keys do nothing.
pub fn typing(_: &State) -> Typing {
    Typing::No
}

/// A key answers the question.
pub fn update(state: &mut State, msg: Msg, _cx: &Ctx) -> Cmd {
    match msg {
        Msg::Key(action) => Cmd::Answer(state.question, action),
        _ => Cmd::None,
    }
}

/// Draws the box over the body of the screen beneath.
pub fn view(state: &State, cx: &ViewCx, frame: &mut Frame, area: Rect, layout: &mut LastLayout) {
    let theme = &cx.session.theme;
    // The screen beneath drew the page; its footer shows this question's keys.
    let body = page::column(page::body(cx, area));
    let mut lines: Vec<Line> = state
        .lines
        .iter()
        .map(|t| Line::styled(format!(" {t}"), theme.text))
        .collect();
    lines.push(Line::default());
    for b in asking(state.question) {
        let key = b.keys.first().map(Key::label).unwrap_or_default();
        lines.push(Line::from(vec![
            Span::styled(format!(" {key:>3}  "), theme.key),
            Span::styled(b.help, theme.text),
        ]));
    }
    // Wrapped to the box's inside (at most 64 wide, less its borders), so its height holds them.
    let lines = wrap::lines(lines, usize::from(body.width.min(64).saturating_sub(2)));
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let popup = page::centered(body, height);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .border_style(theme.border)
        .title(Line::styled(state.title.clone(), theme.title));
    // The cursor at the start of the question, over whatever the screen beneath placed: it
    // waits for an answer, and a screen reader reads it from there.
    layout.place(Spot { line: 0, column: 1 }.on(block.inner(popup), 0));
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}
