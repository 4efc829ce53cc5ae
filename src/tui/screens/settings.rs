//! Settings: perspective, theme, mood labels, week start, the editor for `Ctrl-E`, and the
//! person's own triggers and feelings (listed, renamed, removed, added). Each change applies at
//! once and is kept in `state.json`; a setting `config.toml` fixes says so.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui_textarea::{Input, Key as TextKey};

use crate::config::Config;
use crate::journal::vocabulary::count;
use crate::journal::{
    Choice, MoodLabels, OwnWords, PerspectiveChoice, Preferences, RenameError, ThemeChoice,
    WeekStart,
};
use crate::tui::effect::{Done, Effect};
use crate::tui::keys::{self, Action, Binding, bind, table};
use crate::tui::screen::{Cmd, Ctx, LastLayout, Msg, Open, Question, Typing, ViewCx};
use crate::tui::session::Session;
use crate::tui::widgets::caret::{GLYPH, Spot};
use crate::tui::widgets::{page, wrap};
use unicode_width::UnicodeWidthStr;

/// Settings' keys.
pub const KEYS: &[Binding] = table![
    bind!([Right, 'l', Enter, ' '] => Right, "change",
        "the next choice (Enter on the editor: type it; on your own words: list them)"),
    bind!([Left, 'h'] => Left, _, "the previous choice"),
    ..keys::up_down("previous setting", "next setting"),
    keys::top("the first setting"),
    keys::bottom("the last setting"),
    keys::BACK,
];

/// Typing the editor's name.
pub const EDITOR_KEYS: &[Binding] = &[
    bind!([Enter] => Confirm, "keep", "keep it"),
    bind!([Esc] => Back, "cancel", "cancel"),
    keys::HELP_KEY_TEXT,
];

/// The list of the person's own triggers or feelings.
pub const OWN_KEYS: &[Binding] = table![
    bind!([Enter, 'r'] => Edit, "rename",
        "rename it (a trigger: in past entries too, if you say so)"),
    bind!(['d', Delete] => Delete, "remove", "stop offering it (entries keep it; u puts it back)"),
    bind!(['a'] => Add, "add", "add one"),
    bind!(['u'] => Undo, _, "put back the one removed last"),
    ..keys::moves("previous", "next", "the first", "the last"),
    keys::BACK,
];

/// Every key table of the screen, by mode (for tests over all tables).
pub const MODES: &[(&str, &[Binding])] = &[
    ("settings", KEYS),
    ("settings: editor", EDITOR_KEYS),
    ("settings: your own words", OWN_KEYS),
    ("settings: naming one of your own", EDITOR_KEYS),
];

/// The keys in force.
pub fn keys(state: &State) -> &'static [Binding] {
    if state.takes_text() {
        EDITOR_KEYS
    } else if state.own.is_some() {
        OWN_KEYS
    } else {
        KEYS
    }
}

/// The settings, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::VariantArray)]
pub enum Row {
    /// Whose distance.
    Perspective,
    /// The colours.
    Theme,
    /// Mood words.
    MoodLabels,
    /// First day of the week.
    WeekStart,
    /// The week card's look a month and a year back.
    WeekPast,
    /// The editor for Ctrl-E.
    Editor,
    /// Trigger names of the person's own.
    OwnTriggers,
    /// Feeling words of the person's own.
    OwnFeelings,
}

impl Row {
    /// Every row, in the order declared.
    pub const ALL: &'static [Row] = <Row as strum::VariantArray>::VARIANTS;

    /// The list of own words it opens, if it is one.
    pub fn own(self) -> Option<OwnWords> {
        match self {
            Row::OwnTriggers => Some(OwnWords::Triggers),
            Row::OwnFeelings => Some(OwnWords::Feelings),
            _ => None,
        }
    }

    /// Its name.
    pub fn label(self) -> &'static str {
        match self {
            Row::Perspective => "Perspective",
            Row::Theme => "Theme",
            Row::MoodLabels => "Mood labels",
            Row::WeekStart => "Week starts on",
            Row::WeekPast => "Week card: a month, a year ago",
            Row::Editor => "Editor for Ctrl-E",
            Row::OwnTriggers => "Your own triggers",
            Row::OwnFeelings => "Your own feelings",
        }
    }

    /// Its key in `config.toml`.
    pub fn key(self) -> &'static str {
        match self {
            Row::Perspective => "perspective",
            Row::Theme => "theme",
            Row::MoodLabels => "mood_labels",
            Row::WeekStart => "week_start",
            Row::WeekPast => "week_card_past",
            Row::Editor => "editor",
            Row::OwnTriggers => "custom_triggers",
            Row::OwnFeelings => "custom_feelings",
        }
    }

    /// The value shown.
    pub fn value(self, prefs: &Preferences) -> String {
        match self {
            Row::Perspective => prefs.perspective.unwrap_or_default().label().to_owned(),
            Row::Theme => prefs.theme.label().to_owned(),
            Row::MoodLabels => prefs.mood_labels.label().to_owned(),
            Row::WeekStart => prefs.week_start.label().to_owned(),
            Row::WeekPast => on_off(prefs.week_card_past).to_owned(),
            Row::Editor => prefs
                .editor
                .clone()
                .unwrap_or_else(|| "$VISUAL, then $EDITOR".to_owned()),
            Row::OwnTriggers | Row::OwnFeelings => {
                let kind = self.own().unwrap_or(OwnWords::Triggers);
                match prefs.own(kind).len() {
                    0 => "none yet".to_owned(),
                    n => count(n as u64, kind.noun(), &format!("{}s", kind.noun())),
                }
            }
        }
    }
}

/// The screen's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    /// The selected row.
    pub cursor: usize,
    /// The editor's name being typed.
    pub editing: Option<String>,
    /// The list of own words open over the settings.
    pub own: Option<OwnList>,
}

/// The person's own triggers or feelings, listed to rename, remove or add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnList {
    /// Which list.
    pub kind: OwnWords,
    /// The selected word.
    pub cursor: usize,
    /// A word being typed: `Some(old)` renames `old`, `None` adds a new one.
    pub naming: Option<(Option<String>, String)>,
    /// The word removed last and where it was, for `u`.
    pub removed: Option<(usize, String)>,
    /// A trigger renamed in the list, waiting for the answer to "in past entries too?": the
    /// old name, the new, and whether the new one was a trigger of the person's already (a
    /// merge, asked twice).
    pub renaming: Option<(String, String, bool)>,
}

impl State {
    /// Whether typed keys go into a name.
    pub fn takes_text(&self) -> bool {
        self.editing.is_some() || self.own.as_ref().is_some_and(|o| o.naming.is_some())
    }
}

/// Types `msg` into `text` if it is typing (a character, Backspace, a paste's first line).
/// Returns whether it was.
fn type_into(text: &mut String, msg: &Msg) -> bool {
    match msg {
        Msg::Input(Input {
            key: TextKey::Char(c),
            ctrl: false,
            alt: false,
            ..
        }) => text.push(*c),
        Msg::Input(Input {
            key: TextKey::Backspace,
            ..
        }) => {
            text.pop();
        }
        Msg::Paste(pasted) => text.push_str(pasted.lines().next().unwrap_or_default()),
        // Ctrl-W: the word before the cursor (the cursor is at the end), and the spaces after it.
        Msg::Input(Input {
            key: TextKey::Char('w'),
            ctrl: true,
            alt: false,
            ..
        }) => {
            let kept = text.trim_end().len();
            text.truncate(kept);
            let start = text.rfind(char::is_whitespace).map_or(0, |i| i + 1);
            text.truncate(start);
        }
        _ => return false,
    }
    true
}

fn cycle(prefs: &Preferences, row: Row, forward: bool) -> Preferences {
    let mut p = prefs.clone();
    macro_rules! turn {
        ($v:expr) => {
            if forward { $v.next() } else { $v.prev() }
        };
    }
    match row {
        Row::Perspective => {
            let now: PerspectiveChoice = p.perspective.unwrap_or_default();
            p.perspective = Some(turn!(now));
        }
        Row::Theme => p.theme = turn!(p.theme),
        Row::MoodLabels => p.mood_labels = turn!(p.mood_labels),
        Row::WeekStart => p.week_start = turn!(p.week_start),
        Row::WeekPast => p.week_card_past = !p.week_card_past,
        Row::Editor | Row::OwnTriggers | Row::OwnFeelings => {}
    }
    p
}

fn changed(prefs: Preferences, row: Row, config: &Config) -> Change {
    let mut text = format!("{}: {}.", row.label(), row.value(&prefs));
    if config.sets(row.key())
        && let Some(path) = &config.path
    {
        text.push_str(&format!(
            " {} sets it too, so it comes back at the next start; change it there to keep this.",
            path.display()
        ));
    }
    Some((prefs, text))
}

/// What a message changed: the new preferences, and what to say of them.
type Change = Option<(Preferences, String)>;

/// Whether it opens only once the journal is read.
pub const NEEDS_JOURNAL: bool = false;

/// Whether unbound keys are typed: into a field while it asks for text.
pub fn typing(state: &State) -> Typing {
    Typing::field_if(state.takes_text())
}

/// Applies a message: a change is used at once and kept.
pub fn update(state: &mut State, msg: Msg, cx: &Ctx) -> Cmd {
    if state.own.is_some() {
        return update_own(state, msg, cx.session);
    }
    if msg == Msg::Key(Action::Back) && state.editing.is_none() {
        return Cmd::Pop;
    }
    match change(state, msg, &cx.session.prefs, &cx.session.config) {
        Some((prefs, text)) => Cmd::Prefs(Box::new(prefs)).and(Cmd::info(text)),
        None => Cmd::None,
    }
}

fn change(state: &mut State, msg: Msg, prefs: &Preferences, config: &Config) -> Change {
    let row = Row::ALL[state.cursor.min(Row::ALL.len() - 1)];
    if let Some(name) = state.editing.as_mut() {
        if type_into(name, &msg) {
            return None;
        }
        match msg {
            Msg::Key(Action::Confirm) => {
                let name = state.editing.take().unwrap_or_default();
                let mut p = prefs.clone();
                p.editor = (!name.trim().is_empty()).then(|| name.trim().to_owned());
                return changed(p, Row::Editor, config);
            }
            Msg::Key(Action::Back) => state.editing = None,
            _ => {}
        }
        return None;
    }
    let Msg::Key(action) = msg else {
        return None;
    };
    match action {
        Action::Up | Action::Down | Action::Top | Action::Bottom => {
            state.cursor = keys::moved(state.cursor, Row::ALL.len(), action, 1).unwrap_or(0);
        }
        Action::Confirm | Action::Toggle | Action::Right if row == Row::Editor => {
            state.editing = Some(prefs.editor.clone().unwrap_or_default());
        }
        Action::Confirm | Action::Toggle | Action::Right if row.own().is_some() => {
            state.own = row.own().map(|kind| OwnList {
                kind,
                cursor: 0,
                naming: None,
                removed: None,
                renaming: None,
            });
        }
        Action::Confirm | Action::Toggle | Action::Right => {
            return changed(cycle(prefs, row, true), row, config);
        }
        Action::Left if row != Row::Editor && row.own().is_none() => {
            return changed(cycle(prefs, row, false), row, config);
        }
        _ => {}
    }
    None
}

/// How many entries name `word` as a trigger of the person's own (the same word ignoring case).
fn entries_naming(session: &Session, word: &str) -> usize {
    let word = word.trim().to_lowercase();
    session
        .entries()
        .iter()
        .filter(|e| {
            e.triggers.iter().any(|t| {
                matches!(&t.trigger, crate::journal::TriggerRef::Custom(n)
                    if n.as_str().trim().to_lowercase() == word)
            })
        })
        .count()
}

/// The answer to "in past entries too?" (and, for a merge, "are you sure?").
fn rename_answered(list: &mut OwnList, question: Question, action: Action) -> Cmd {
    let Some((old, new, merge)) = list.renaming.clone() else {
        return Cmd::None;
    };
    match (question, action) {
        (Question::RenameInEntries, Action::Yes) if merge => Cmd::Open(Open::ask(
            Question::ReallyMerge,
            "Merge them in your entries?",
            &[
                &format!("Entries that name “{old}” will name “{new}”."),
                "Renaming back cannot split them again.",
            ],
        )),
        (Question::RenameInEntries | Question::ReallyMerge, Action::Yes) => {
            list.renaming = None;
            Cmd::Effect(Effect::RenameTrigger(old, new))
        }
        (Question::RenameInEntries | Question::ReallyMerge, _) => {
            list.renaming = None;
            Cmd::info(format!(
                "“{old}” is now “{new}” in the list. Entries that name “{old}” keep it."
            ))
        }
        _ => Cmd::None,
    }
}

/// Applies a message to the open list of own words (renaming, removing, adding).
fn update_own(state: &mut State, msg: Msg, session: &Session) -> Cmd {
    let Some(list) = state.own.as_mut() else {
        return Cmd::None;
    };
    match msg {
        Msg::Answer(question, action) => return rename_answered(list, question, action),
        Msg::Done(Done::TriggerRenamed(n)) => {
            return Cmd::info(format!(
                "Renamed in {} too. To undo, rename it back.",
                count(n as u64, "entry", "entries")
            ));
        }
        _ => {}
    }
    if let Some((_, text)) = list.naming.as_mut() {
        if type_into(text, &msg) {
            return Cmd::None;
        }
        match msg {
            Msg::Key(Action::Back) => list.naming = None,
            Msg::Key(Action::Confirm) => return confirm_name(list, session),
            _ => {}
        }
        return Cmd::None;
    }
    let Msg::Key(action) = msg else {
        return Cmd::None;
    };
    let words = session.prefs.own(list.kind);
    if let Some(at) = keys::moved(list.cursor, words.len(), action, OWN_PAGE) {
        list.cursor = at;
        return Cmd::None;
    }
    if action == Action::Back {
        state.own = None;
        return Cmd::None;
    }
    own_list_key(list, action, session)
}

/// The preferences `p` saved, and `said` shown.
fn keep(p: Preferences, said: String) -> Cmd {
    Cmd::Prefs(Box::new(p)).and(Cmd::info(said))
}

/// Keeps the name being typed in the list of own words: a new word, or a word renamed (when
/// entries name a renamed trigger, asking whether to rename it there too).
fn confirm_name(list: &mut OwnList, session: &Session) -> Cmd {
    let kind = list.kind;
    let (old, text) = list.naming.take().unwrap_or_default();
    let new = text.trim().to_owned();
    let mut p = session.prefs.clone();
    // Renaming to one of the others (ignoring case) makes the two one.
    let merge = old.as_ref().is_some_and(|old| {
        p.own(kind)
            .iter()
            .any(|w| w != old && w.trim().to_lowercase() == new.to_lowercase())
    });
    let said = match old {
        Some(old) if old == new => return Cmd::None,
        Some(old) => match p.rename_own(kind, &old, &new) {
            // A trigger that entries name: ask whether to rename it there too, so its history
            // stays one.
            Ok(()) if kind == OwnWords::Triggers && entries_naming(session, &old) > 0 => {
                return ask_rename_in_entries(list, p, (old, new, merge), session);
            }
            Ok(()) => {
                format!("“{old}” is now “{new}” in the list. Entries that name “{old}” keep it.")
            }
            Err(RenameError::Empty) => {
                return Cmd::error(
                    "A name cannot be empty, so nothing changed. To stop offering it, press d.",
                );
            }
            Err(RenameError::Missing) => return Cmd::None,
        },
        None if new.is_empty() => return Cmd::None,
        None if !p.remember(kind, &new) => {
            return Cmd::info(format!("“{new}” is in the list already."));
        }
        None => format!("“{new}” will be offered in your check-ins."),
    };
    put_cursor_on(list, &p, &new);
    keep(p, said)
}

/// Puts the cursor of the list on `word` in the preferences `p`.
fn put_cursor_on(list: &mut OwnList, p: &Preferences, word: &str) {
    if let Some(at) = p
        .own(list.kind)
        .iter()
        .position(|w| w.eq_ignore_ascii_case(word))
    {
        list.cursor = at;
    }
}

/// Saves a trigger renamed from `old` to `new` (`merge`: into one of the others) in the list,
/// and asks whether to rename it in the entries that name it too.
fn ask_rename_in_entries(
    list: &mut OwnList,
    p: Preferences,
    (old, new, merge): (String, String, bool),
    session: &Session,
) -> Cmd {
    let n = entries_naming(session, &old);
    let entries = count(n as u64, "entry names", "entries name");
    let then = if merge {
        format!("“{new}” is one of yours already: the two become one.")
    } else {
        "Rename it back later to undo.".to_owned()
    };
    list.renaming = Some((old.clone(), new.clone(), merge));
    put_cursor_on(list, &p, &new);
    Cmd::Prefs(Box::new(p)).and(Cmd::Open(Open::ask(
        Question::RenameInEntries,
        "Rename it in past entries too?",
        &[
            &format!("{entries} “{old}”."),
            "Renamed there too, insights, filters and the report",
            &format!("count them as one. {then}"),
        ],
    )))
}

/// Applies a key to the list of own words when no name is being typed: add, rename, remove,
/// put back.
fn own_list_key(list: &mut OwnList, action: Action, session: &Session) -> Cmd {
    let kind = list.kind;
    let prefs = &session.prefs;
    let words = prefs.own(kind);
    match action {
        Action::Add => list.naming = Some((None, String::new())),
        Action::Edit => {
            if let Some(word) = words.get(list.cursor) {
                list.naming = Some((Some(word.clone()), word.clone()));
            }
        }
        Action::Delete => {
            if let Some(word) = words.get(list.cursor) {
                let mut p = prefs.clone();
                p.forget_own(kind, word);
                list.removed = Some((list.cursor, word.clone()));
                list.cursor = list.cursor.min(p.own(kind).len().saturating_sub(1));
                let said = format!(
                    "“{word}” is no longer offered as a {}. Entries that name it keep it; u \
                     puts it back.",
                    kind.noun()
                );
                return keep(p, said);
            }
        }
        Action::Undo => {
            let Some((at, word)) = list.removed.take() else {
                return Cmd::info("There is nothing to put back.");
            };
            let mut p = prefs.clone();
            if !p.remember(kind, &word) {
                return Cmd::info(format!("“{word}” is in the list already."));
            }
            let own = match kind {
                OwnWords::Triggers => &mut p.custom_triggers,
                OwnWords::Feelings => &mut p.custom_feelings,
            };
            if let Some(w) = own.pop() {
                let at = at.min(own.len());
                own.insert(at, w);
                list.cursor = at;
            }
            return keep(p, format!("“{word}” is back in the list."));
        }
        _ => {}
    }
    Cmd::None
}

/// Rows PgUp and PgDn move in the list of own words.
const OWN_PAGE: usize = 10;

/// Draws the settings, or the list of own words when one is open.
pub fn view(state: &State, cx: &ViewCx, frame: &mut Frame, area: Rect, layout: &mut LastLayout) {
    let session = cx.session;
    let body = page::column(page::draw(cx, frame, area, "settings"));
    if let Some(list) = &state.own {
        return layout.place(view_own(list, cx, frame, body));
    }
    let theme = &session.theme;
    let width = usize::from(body.width);
    let mut lines = wrap::paragraph(
        "Changes apply at once and are kept for next time.",
        width,
        theme.muted,
    );
    lines.push(Line::default());
    for (i, row) in Row::ALL.iter().enumerate() {
        let selected = i == state.cursor;
        let marker = if selected { "▸" } else { " " };
        let style = if selected { theme.selected } else { theme.text };
        let label = format!("{marker} {:<18}", row.label());
        let set_in_config = session.config.sets(row.key());
        let note = if set_in_config {
            "  (set in config.toml)"
        } else {
            ""
        };
        let room = width.saturating_sub(label.chars().count() + note.chars().count() + 5);
        let value = match (&state.editing, row) {
            (Some(name), Row::Editor) if selected => typed_tail(name, room),
            _ => wrap::fit(&row.value(&session.prefs), room),
        };
        if selected {
            // On the row's marker; typing a command, on the caret at the end of it.
            let typing = state.editing.is_some() && *row == Row::Editor;
            let column = if typing {
                (label.width() + " ‹ ".width() + value.width()).saturating_sub(1)
            } else {
                0
            };
            layout.place(
                Spot {
                    line: lines.len(),
                    column,
                }
                .on(body, 0),
            );
        }
        let mut spans = vec![
            Span::styled(label, style),
            Span::styled(
                format!(" ‹ {value} ›"),
                if selected { style } else { theme.key },
            ),
        ];
        if set_in_config {
            spans.push(Span::styled(note, theme.muted));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::default());
    if session.colour_forbidden {
        lines.extend(wrap::paragraph(
            "Colours are off: NO_COLOR is set, or this terminal shows few colours. Focus and \
             selection are shown in bold and reverse.",
            width,
            theme.warn,
        ));
    }
    let hint = hint(Row::ALL.get(state.cursor), state.editing.is_some());
    lines.extend(wrap::paragraph(hint, width, theme.muted));
    if let Some(path) = &session.config.path {
        lines.push(Line::default());
        lines.extend(wrap::paragraph(
            &format!("Settings file: {}", path.display()),
            width,
            theme.muted,
        ));
    }
    frame.render_widget(Paragraph::new(lines), body);
}

/// What the row under the cursor is for (`editing`: a command is being typed on it).
fn hint(row: Option<&Row>, editing: bool) -> &'static str {
    match row {
        Some(Row::Perspective) => {
            "Which prompts, signs and strategies come first: for the one who pulls away, the one \
             who feels it, or both."
        }
        Some(Row::Theme) => "Default, high contrast, or no colour at all.",
        Some(Row::MoodLabels) => "The words beside mood values in check-ins and entries.",
        Some(Row::WeekStart) => "Weeks in insights and calendars start on this day.",
        Some(Row::WeekPast) => {
            "Under the week card, the same week a month and a year ago. Some find it helps, some \
             find it painful: your choice."
        }
        Some(Row::Editor) if editing => {
            "Type a command (it may have arguments), Enter keeps it; empty means $VISUAL, then $EDITOR."
        }
        Some(Row::Editor) => "Enter to change. Ctrl-E in a check-in opens answers and notes in it.",
        Some(Row::OwnTriggers) => {
            "Triggers you named yourself, offered again in each check-in. Enter to list, rename \
             or remove them."
        }
        Some(Row::OwnFeelings) => {
            "Feelings you added yourself, offered again in each check-in. Enter to list, rename \
             or remove them."
        }
        None => "",
    }
}

/// The end of `text` (what is typed stays in sight), `room` columns at most, and the caret
/// glyph after it.
fn typed_tail(text: &str, room: usize) -> String {
    let shown: String = text.chars().rev().take(room.saturating_sub(1)).collect();
    format!("{}{GLYPH}", shown.chars().rev().collect::<String>())
}

/// Draws the list of own triggers or feelings; returns where the cursor goes (the selected
/// row's start, or the caret of a name being typed).
fn view_own(list: &OwnList, cx: &ViewCx, frame: &mut Frame, body: Rect) -> Option<Position> {
    let theme = &cx.session.theme;
    let width = usize::from(body.width);
    let words = cx.session.prefs.own(list.kind);
    let noun = list.kind.noun();
    let title = match list.kind {
        OwnWords::Triggers => "Your own triggers",
        OwnWords::Feelings => "Your own feelings",
    };
    let mut lines = vec![Line::styled(title, theme.title), Line::default()];
    let what = match list.kind {
        OwnWords::Triggers => {
            "Offered again in every check-in. Renaming one asks whether to rename \
             it in past entries too; removing one only stops offering it (u puts it back)."
                .to_owned()
        }
        OwnWords::Feelings => format!(
            "Offered again in every check-in. Renaming or removing one changes only this list: \
             entries keep the {noun} they were saved with."
        ),
    };
    lines.extend(wrap::paragraph(&what, width, theme.muted));
    lines.push(Line::default());
    let head = lines.len();
    // The rows below the heading, scrolled so the cursor (or the word being added) shows.
    let room = usize::from(body.height).saturating_sub(head).max(1);
    let adding = matches!(&list.naming, Some((None, _)));
    let total = words.len() + usize::from(adding);
    let at = if adding { words.len() } else { list.cursor };
    let first = (at + 1)
        .saturating_sub(room)
        .min(total.saturating_sub(room));
    let typed = |text: &str| typed_tail(text, width.saturating_sub(4));
    let mut caret = None;
    if words.is_empty() && !adding {
        lines.extend(wrap::paragraph(
            &format!("None yet. Name your own {noun} in a check-in, or press a to add one here."),
            width,
            theme.text,
        ));
    }
    for (i, word) in words.iter().enumerate().skip(first).take(room) {
        let selected = i == list.cursor && !adding;
        let (marker, style) = if selected {
            ("▸ ", theme.selected)
        } else {
            ("  ", theme.text)
        };
        let (text, naming) = match &list.naming {
            Some((Some(_), name)) if selected => (typed(name), true),
            _ => (wrap::fit(word, width.saturating_sub(2)), false),
        };
        let line = format!("{marker}{text}");
        if selected {
            // On the glyph at the end of a name being typed.
            let column = if naming {
                line.width().saturating_sub(1)
            } else {
                0
            };
            caret = Some(Spot {
                line: lines.len(),
                column,
            });
        }
        lines.push(Line::styled(line, style));
    }
    if let Some((None, name)) = &list.naming {
        let line = format!("+ {}", typed(name));
        caret = Some(Spot {
            line: lines.len(),
            column: line.width().saturating_sub(1),
        });
        lines.push(Line::styled(line, theme.selected));
    }
    frame.render_widget(Paragraph::new(lines), body);
    caret.and_then(|c| c.on(body, 0))
}

/// A yes-or-no setting in words.
fn on_off(on: bool) -> &'static str {
    if on { "shown" } else { "off" }
}

/// The labels offered for each choice (for tests and help).
pub fn choices(row: Row) -> Vec<&'static str> {
    match row {
        Row::Perspective => PerspectiveChoice::ALL.iter().map(|c| c.label()).collect(),
        Row::Theme => ThemeChoice::ALL.iter().map(|c| c.label()).collect(),
        Row::MoodLabels => MoodLabels::ALL.iter().map(|c| c.label()).collect(),
        Row::WeekStart => WeekStart::ALL.iter().map(|c| c.label()).collect(),
        Row::WeekPast => vec![on_off(false), on_off(true)],
        Row::Editor | Row::OwnTriggers | Row::OwnFeelings => Vec::new(),
    }
}

#[cfg(test)]
mod tests;
