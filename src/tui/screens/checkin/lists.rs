//! Steps 2, 3 and 4: feelings, triggers (with intensity and a note) and reactions, each a
//! list to pick from, filter by typing, or add to.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};
use ratatui_textarea::{Input, Key as TextKey, TextArea};

use crate::journal::draft::CheckInDraft;
use crate::journal::{Intensity, Name, Perspective, TriggerLog};
use crate::tui::keys::{self, Action, Binding, DIGITS, HELP_KEY_TEXT, bind};
use crate::tui::screen::{Cmd, Open, Page, Typing};
use crate::tui::session::Session;
use crate::tui::theme::Theme;
use crate::tui::widgets::pick_list::{Current, PickList, PickListView, Row};
use crate::tui::widgets::wrap;
use crate::tui::widgets::{caret, page};

pub(super) use super::steps::no_text::{edited, flush};
use super::text::{area_text, text_area};
use super::{
    Canvas, Cx, ENTER_PICK, LEAVE, LIST_MOVES, NEXT_TAB, PICK, PREV, SAVE, StepView, question,
};

/// The group custom triggers are listed under.
pub use crate::content::checkin::OWN_GROUP;
pub(super) use crate::content::checkin::{CUSTOM, custom_key, trigger_key};
use crate::content::checkin::{feelings, trigger_choices, trigger_ref};

const INTENSITY: [Binding; 2] = [
    bind!([Left] => Left, _, "less intense"),
    bind!([Right] => Right, "intensity", "more intense"),
];
const NOTE: Binding = bind!([Ctrl 'n'] => Note, "note", "add a note to the trigger");
const LEARN: Binding =
    bind!([Ctrl 'l'] => LearnMore, _, "learn about the trigger (Esc comes back)");

/// Check-in, steps 2 and 4, with `pick` for Space.
const fn list_keys(pick: Binding) -> [Binding; 13] {
    keys::join(&[
        &[NEXT_TAB, ENTER_PICK, PREV, SAVE, LEAVE, pick],
        LIST_MOVES,
        &[HELP_KEY_TEXT],
    ])
}

/// Check-in, step 3, with `pick` for Space.
const fn trigger_keys(pick: Binding) -> [Binding; 22] {
    keys::join(&[
        &[NEXT_TAB, ENTER_PICK, PREV, SAVE, LEAVE, pick],
        &INTENSITY,
        &DIGITS,
        &[NOTE, LEARN],
        LIST_MOVES,
        &[HELP_KEY_TEXT],
    ])
}

/// Check-in, steps 2 and 4: emotions and reactions.
pub const KEYS: &[Binding] = &list_keys(PICK);

/// Check-in, step 3: triggers.
pub const TRIGGER_KEYS: &[Binding] = &trigger_keys(PICK);

/// Check-in, steps 2 and 4, with something typed into the filter: Space types a space, so
/// the footer does not offer it as "pick".
pub const KEYS_TYPING: &[Binding] = &list_keys(PICK.quiet());

/// Check-in, step 3, with something typed into the filter (Space and digits type).
pub const TRIGGER_KEYS_TYPING: &[Binding] = &trigger_keys(PICK.quiet());

/// A note on a trigger being written.
pub const NOTE_KEYS: &[Binding] = &[
    bind!([Enter] => Next, "keep", "keep the note"),
    bind!([Esc] => Back, "cancel", "cancel"),
];

/// Which list a list step is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Emotions,
    Triggers,
    Reactions,
}

/// The state of a list step.
#[derive(Debug, Clone)]
pub(super) struct State {
    kind: Kind,
    /// The rows, the cursor and what is typed to filter them.
    pub(super) list: PickList,
    /// A trigger note being written: (trigger key, text, the note before, for Esc).
    pub(super) note: Option<(String, TextArea<'static>, String)>,
}

fn state(kind: Kind, rows: Vec<Row>, custom: bool) -> State {
    State {
        kind,
        list: PickList::new(rows, custom),
        note: None,
    }
}

/// The feelings: the words closer knows, the person's own, and those in the draft.
pub(super) fn emotions(draft: &CheckInDraft, session: &Session) -> State {
    let rows = feelings(&session.prefs, &draft.emotions)
        .into_iter()
        .map(|w| Row::plain(w.clone(), w))
        .collect();
    state(Kind::Emotions, rows, true)
}

/// The triggers of the perspective by group, then the person's own (remembered, and those
/// in the draft).
pub(super) fn triggers(draft: &CheckInDraft, session: &Session) -> State {
    let rows = trigger_choices(&session.catalog, &session.prefs, draft)
        .into_iter()
        .map(|t| Row {
            key: t.key,
            label: t.label,
            detail: t.detail,
            group: Some(t.group),
        })
        .collect();
    state(Kind::Triggers, rows, true)
}

/// The signs of the perspective.
pub(super) fn reactions(draft: &CheckInDraft, session: &Session) -> State {
    let rows = session
        .catalog
        .signs_for(draft.perspective)
        .into_iter()
        .map(|s| Row::plain(s.id.clone(), s.label.clone()))
        .collect();
    state(Kind::Reactions, rows, false)
}

/// A row of a trigger of the person's own.
fn own_row(key: String, name: String) -> Row {
    Row {
        key,
        label: name,
        detail: String::new(),
        group: Some(OWN_GROUP.to_owned()),
    }
}

/// The step is entered.
pub(super) fn enter(_s: &mut State, _back: bool, _cx: &mut Cx) {}

/// A list keeps no place in the draft.
pub(super) fn place(_s: &State) -> usize {
    0
}

/// A list keeps no place in the draft.
pub(super) fn resume(_s: &mut State, _at: usize, _cx: &mut Cx) {}

/// Whether a note on a trigger is being written.
pub(super) fn writing_note(s: &State) -> bool {
    s.note.is_some()
}

/// The list.
pub(super) fn list(s: &State) -> &PickList {
    &s.list
}

/// The keys in force: the note's while one is written; Space types while something is
/// typed into the filter.
pub(super) fn keys(s: &State, _draft: &CheckInDraft) -> &'static [Binding] {
    let typing = !s.list.filter.is_empty();
    match (s.kind, typing) {
        _ if s.note.is_some() => NOTE_KEYS,
        (Kind::Emotions | Kind::Reactions, true) => KEYS_TYPING,
        (Kind::Emotions | Kind::Reactions, false) => KEYS,
        (Kind::Triggers, true) => TRIGGER_KEYS_TYPING,
        (Kind::Triggers, false) => TRIGGER_KEYS,
    }
}

/// The filter (and a note) takes one line.
pub(super) fn typing(_s: &State) -> Typing {
    Typing::Field
}

/// Enter with something typed: picks (or unpicks) the highlighted row, or adds the typed
/// name; then clears the filter and keeps the cursor on that row.
fn pick_typed(s: &mut State, cx: &mut Cx) {
    let key = match s.kind {
        Kind::Emotions => match s.list.current() {
            Some(Current::Row(i)) => Some(s.list.rows[i].key.clone()),
            Some(Current::Add(word)) => Some(word),
            None => None,
        },
        Kind::Triggers => current_trigger_key(s),
        Kind::Reactions => match s.list.current() {
            Some(Current::Row(i)) => Some(s.list.rows[i].key.clone()),
            _ => None,
        },
    };
    let Some(key) = key else {
        return;
    };
    list_action(s, Action::Toggle, cx);
    s.list.select_key(&key);
}

fn toggle_emotion(s: &mut State, cx: &mut Cx) {
    let emotions = &mut cx.draft.entry.emotions;
    match s.list.current() {
        Some(Current::Row(i)) => {
            let word = s.list.rows[i].key.clone();
            match emotions.iter().position(|e| *e == word) {
                Some(pos) => {
                    emotions.remove(pos);
                }
                None => emotions.push(word),
            }
        }
        Some(Current::Add(word)) => {
            s.list.rows.push(Row::plain(word.clone(), word.clone()));
            emotions.push(word.clone());
            s.list.select_key(&word);
        }
        None => return,
    }
    cx.changed();
}

fn current_trigger_key(s: &mut State) -> Option<String> {
    match s.list.current()? {
        Current::Row(i) => Some(s.list.rows[i].key.clone()),
        Current::Add(name) => {
            let key = custom_key(&name);
            if !s.list.rows.iter().any(|r| r.key == key) {
                s.list.rows.push(own_row(key.clone(), name));
            }
            s.list.select_key(&key);
            Some(key)
        }
    }
}

fn trigger_log<'a>(draft: &'a mut CheckInDraft, key: &str) -> Option<&'a mut TriggerLog> {
    draft
        .entry
        .triggers
        .iter_mut()
        .find(|t| trigger_key(&t.trigger) == key)
}

fn toggle_trigger(s: &mut State, cx: &mut Cx) {
    let Some(key) = current_trigger_key(s) else {
        return;
    };
    let triggers = &mut cx.draft.entry.triggers;
    match triggers.iter().position(|t| trigger_key(&t.trigger) == key) {
        Some(pos) => {
            triggers.remove(pos);
        }
        None => {
            if let Some(trigger) = trigger_ref(&key) {
                triggers.push(TriggerLog {
                    trigger,
                    intensity: None,
                    note: String::new(),
                    extra: Default::default(),
                });
            }
        }
    }
    cx.changed();
}

/// Sets (or nudges by `delta`) the intensity of the trigger under the cursor, picking it.
fn set_intensity(s: &mut State, value: Option<u8>, delta: i8, cx: &mut Cx) {
    let Some(key) = current_trigger_key(s) else {
        return;
    };
    if trigger_log(cx.draft, &key).is_none() {
        toggle_trigger(s, cx);
    }
    if let Some(log) = trigger_log(cx.draft, &key) {
        let now = log.intensity.map_or(0, Intensity::get);
        let wanted = match value {
            Some(v) => v,
            None if now == 0 && delta > 0 => 1,
            None => now.saturating_add_signed(delta).clamp(1, 5),
        };
        log.intensity = Intensity::try_from(wanted).ok();
    }
    cx.changed();
}

fn toggle_reaction(s: &mut State, cx: &mut Cx) {
    let Some(Current::Row(i)) = s.list.current() else {
        return;
    };
    let Ok(id) = Name::try_from(s.list.rows[i].key.as_str()) else {
        return;
    };
    let behaviours = &mut cx.draft.entry.behaviours;
    match behaviours.iter().position(|b| *b == id) {
        Some(pos) => {
            behaviours.remove(pos);
        }
        None => behaviours.push(id),
    }
    cx.changed();
}

/// Opens a note on the trigger under the cursor, picking it.
fn open_note(s: &mut State, cx: &mut Cx) {
    let Some(key) = current_trigger_key(s) else {
        return;
    };
    if trigger_log(cx.draft, &key).is_none() {
        toggle_trigger(s, cx);
    }
    let text = trigger_log(cx.draft, &key)
        .map(|l| l.note.clone())
        .unwrap_or_default();
    // One paragraph, wrapped in its box like every other text box.
    let area = text_area(&text, "A few words about it…");
    s.note = Some((key, area, text));
}

fn list_action(s: &mut State, action: Action, cx: &mut Cx) {
    let page = isize::try_from(cx.layout.page().max(1)).unwrap_or(10);
    let triggers = s.kind == Kind::Triggers;
    match action {
        Action::Up => s.list.move_by(-1),
        Action::Down => s.list.move_by(1),
        Action::PageUp => s.list.move_by(-page),
        Action::PageDown => s.list.move_by(page),
        Action::Top => s.list.top(),
        Action::Bottom => s.list.bottom(),
        Action::Toggle => match s.kind {
            Kind::Emotions => toggle_emotion(s, cx),
            Kind::Triggers => toggle_trigger(s, cx),
            Kind::Reactions => toggle_reaction(s, cx),
        },
        Action::Left if triggers => set_intensity(s, None, -1, cx),
        Action::Right if triggers => set_intensity(s, None, 1, cx),
        Action::Choose(n) if triggers => set_intensity(s, Some(n), 0, cx),
        Action::Note if triggers => open_note(s, cx),
        _ => {}
    }
}

/// Copies the note being written into the draft (as it is typed, so a pause or a quit
/// keeps it).
fn sync_note(s: &State, cx: &mut Cx) {
    let Some((key, area, _)) = &s.note else {
        return;
    };
    let text = area_text(area).replace('\n', " ").trim().to_owned();
    if let Some(log) = trigger_log(cx.draft, key) {
        log.note = text;
    }
    cx.changed();
}

/// A key while a note on a trigger is written: Enter keeps it, Esc puts back the note as
/// it was before.
fn note_action(s: &mut State, action: Action, cx: &mut Cx) {
    match action {
        Action::Next | Action::Save => {
            sync_note(s, cx);
            s.note = None;
        }
        Action::Back => {
            if let Some((key, _, before)) = s.note.take()
                && let Some(log) = trigger_log(cx.draft, &key)
            {
                log.note = before;
                cx.changed();
            }
        }
        _ => {}
    }
}

/// Typing into the list's filter (or the note being written).
pub(super) fn input(s: &mut State, input: Input, cx: &mut Cx) {
    if let Some((_, area, _)) = s.note.as_mut() {
        if super::text::edit(area, input, false) {
            sync_note(s, cx);
        }
        return;
    }
    match input {
        Input {
            key: TextKey::Char(c),
            ctrl: false,
            alt: false,
            ..
        } => s.list.type_str(&c.to_string()),
        Input {
            key: TextKey::Backspace,
            ..
        } => s.list.backspace(),
        _ => {}
    }
}

/// Pasted text goes into the filter (or the note, on one line).
pub(super) fn paste(s: &mut State, text: &str, cx: &mut Cx) {
    if let Some((_, area, _)) = s.note.as_mut() {
        area.insert_str(text.replace('\n', " "));
        sync_note(s, cx);
        return;
    }
    s.list.type_str(text);
    cx.typed();
}

/// Takes a key before the list's own keys do, if it is the filter's while something is
/// typed: Space and digits go into the filter, and Enter picks the highlighted row (or adds
/// what was typed). With nothing typed, Space picks, digits set intensity and Enter goes on.
/// Returns whether it took the key.
fn intercept(s: &mut State, action: Action, cx: &mut Cx) -> bool {
    if s.list.filter.is_empty() {
        return false;
    }
    match action {
        Action::Toggle => s.list.type_str(" "),
        Action::Choose(n) => s.list.type_str(&n.to_string()),
        Action::Confirm => pick_typed(s, cx),
        _ => return false,
    }
    true
}

/// The guide page of the trigger under the cursor (closer has none on one of the person's
/// own).
fn learn_more(s: &State) -> Cmd {
    match s.list.current() {
        Some(Current::Row(i)) if !s.list.rows[i].key.starts_with(CUSTOM) => {
            Cmd::Open(Open::Guide(Page::Trigger(s.list.rows[i].key.clone())))
        }
        _ => Cmd::info("closer has nothing written about a trigger of your own."),
    }
}

/// Applies a key of this step: a note's, the filter's, or the list's. Next, back, save and
/// leave are the check-in's.
pub(super) fn update(s: &mut State, action: Action, cx: &mut Cx) -> Option<Cmd> {
    if s.note.is_some() {
        note_action(s, action, cx);
        return Some(Cmd::None);
    }
    if intercept(s, action, cx) {
        return Some(Cmd::None);
    }
    match action {
        Action::LearnMore if s.kind == Kind::Triggers => Some(learn_more(s)),
        Action::Next
        | Action::Confirm
        | Action::Prev
        | Action::Save
        | Action::Back
        | Action::LearnMore
        | Action::Editor
        | Action::Undo
        | Action::Redo
        | Action::DeleteWord
        | Action::DeleteToLineEnd => None,
        _ => {
            list_action(s, action, cx);
            Some(Cmd::None)
        }
    }
}

/// The question over the list, its placeholder, and the line said when the person's own
/// words cannot be shown (written without unlocking: they are kept encrypted with the rest
/// of state.json's private part).
fn words(kind: Kind, partner: bool) -> (&'static str, &'static str, Option<&'static str>) {
    match kind {
        Kind::Emotions => (
            "Which feelings were there today? Pick any, or add your own.",
            "a feeling",
            Some("Feelings of your own show after unlocking: they are kept encrypted."),
        ),
        Kind::Triggers => (
            "Did anything stir up distance today? Pick what fits and how strongly (1–5).",
            "a trigger, or name your own",
            Some("Triggers of your own show after unlocking: they are kept encrypted."),
        ),
        Kind::Reactions if partner => (
            "What did you notice today, in your partner or in yourself?",
            "a sign",
            None,
        ),
        Kind::Reactions => ("What did you notice yourself doing today?", "a sign", None),
    }
}

/// Draws the step (emotions, triggers or reactions), and a note being written over it.
pub(super) fn view(s: &State, v: &StepView, c: Canvas) {
    let Canvas(frame, area, layout) = c;
    let theme = v.theme;
    let partner = v.draft.perspective == Some(Perspective::PartnerPullsAway);
    let (ask, placeholder, own) = words(s.kind, partner);
    let mut ask = vec![question(ask, theme)];
    let shown = match own {
        Some(own) if v.session.locked => {
            ask.push(Line::styled(own, theme.muted));
            true
        }
        _ => false,
    };
    let ask = wrap::lines(ask, usize::from(area.width));
    // With the line, both and a line between them and the list; without it, as before.
    let tall = if shown {
        u16::try_from(ask.len())
            .unwrap_or(u16::MAX)
            .saturating_add(1)
    } else {
        2
    };
    let [head, body] =
        Layout::vertical([Constraint::Length(tall), Constraint::Fill(1)]).areas(area);
    frame.render_widget(Paragraph::new(ask), head);
    // The highlighted trigger's description in full, under the list (rows may cut it short).
    let (body, about) = if s.kind == Kind::Triggers {
        let [list_area, _, about] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(2),
        ])
        .areas(body);
        (list_area, Some(about))
    } else {
        (body, None)
    };
    // A page is the rows the list shows.
    layout.record(body, 0);
    layout.place(draw_list(s, v.draft, placeholder, theme, frame, body));
    if let Some(about) = about {
        draw_about(&s.list, theme, frame, about);
    }
    layout.place(note_view(s, theme, frame, area));
}

/// The list, each row marked picked or not (a trigger with its intensity and a mark for a
/// note); returns where the terminal's cursor goes in it.
fn draw_list(
    s: &State,
    d: &CheckInDraft,
    placeholder: &str,
    theme: &Theme,
    frame: &mut Frame,
    body: Rect,
) -> Option<Position> {
    let kind = s.kind;
    let picked = |row: &Row| match kind {
        Kind::Emotions => d.emotions.contains(&row.key),
        Kind::Triggers => d
            .triggers
            .iter()
            .any(|t| trigger_key(&t.trigger) == row.key),
        Kind::Reactions => d.behaviours.iter().any(|b| b.as_str() == row.key),
    };
    let extra = |row: &Row| {
        if kind != Kind::Triggers {
            return None;
        }
        let log = d
            .triggers
            .iter()
            .find(|t| trigger_key(&t.trigger) == row.key)?;
        let dots = match log.intensity {
            Some(i) => {
                let n = usize::from(i.get());
                format!("{}{}", "●".repeat(n), "○".repeat(5 - n))
            }
            None => "○○○○○".to_owned(),
        };
        let note = if log.note.is_empty() { "" } else { " ✎" };
        Some(format!("{dots}{note}"))
    };
    PickListView {
        list: &s.list,
        theme,
        picked: &picked,
        extra: &extra,
        placeholder,
    }
    .draw(frame, body)
}

/// The highlighted row's description in full.
fn draw_about(list: &PickList, theme: &Theme, frame: &mut Frame, about: Rect) {
    if let Some(Current::Row(i)) = list.current()
        && let Some(row) = list.rows.get(i)
        && !row.detail.is_empty()
    {
        frame.render_widget(
            Paragraph::new(wrap::paragraph(
                &format!("{}: {}", row.label, row.detail),
                usize::from(about.width),
                theme.muted,
            )),
            about,
        );
    }
}

/// Draws the note being written on a trigger, in a box over `body`; returns its caret.
fn note_view(s: &State, theme: &Theme, frame: &mut Frame, body: Rect) -> Option<Position> {
    let Some((_, area, _)) = &s.note else {
        return None;
    };
    let popup = crate::tui::widgets::page::centered(body, 6);
    frame.render_widget(Clear, popup);
    let hints: Vec<String> = NOTE_KEYS
        .iter()
        .filter_map(|b| Some(format!("{} {}", b.keys.first()?.label(), b.hint?)))
        .collect();
    let block = page::text_box(theme.border)
        .title(Line::styled(" A note on this trigger ", theme.title))
        .title_bottom(Line::styled(
            format!(" {} ", hints.join(" · ")),
            theme.muted,
        ));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    frame.render_widget(area, inner);
    caret::of_text_area(area, inner)
}
