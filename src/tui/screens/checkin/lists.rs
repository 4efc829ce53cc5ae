//! Steps 2, 3 and 4: feelings, triggers (with intensity and a note) and reactions, each a
//! list to pick from, filter by typing, or add to.

use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};
use ratatui_textarea::{Input, Key as TextKey};

use crate::journal::draft::Step;
use crate::journal::{Intensity, Name, Perspective, TriggerLog, TriggerRef};
use crate::tui::keys::{self, Action, Binding, DIGITS, HELP_KEY_TEXT, Key};
use crate::tui::screen::LastLayout;
use crate::tui::theme::Theme;
use crate::tui::widgets::page;
use crate::tui::widgets::pick_list::{Current, PickListView, Row};
use crate::tui::widgets::wrap;

use super::text::{area_text, text_area};
use super::{
    ENTER_PICK, LEAVE, LIST_BOTTOM, LIST_DOWN, LIST_PAGE_DOWN, LIST_PAGE_UP, LIST_TOP, LIST_UP,
    NEXT_TAB, PICK, PREV, SAVE, State, question,
};

/// Key prefix of custom trigger rows.
pub(super) const CUSTOM: &str = "custom:";
/// The group custom triggers are listed under.
pub const OWN_GROUP: &str = "Your own";

/// Check-in, steps 2 and 4: emotions and reactions.
pub const KEYS: &[Binding] = &[
    NEXT_TAB,
    ENTER_PICK,
    PREV,
    SAVE,
    LEAVE,
    PICK,
    LIST_UP,
    LIST_DOWN,
    LIST_PAGE_UP,
    LIST_PAGE_DOWN,
    LIST_TOP,
    LIST_BOTTOM,
    HELP_KEY_TEXT,
];

/// Space while something is typed into a list's filter: a space, so the footer does not say
/// "pick".
const PICK_TYPING: Binding = Binding::new(
    &[Key::ch(' ')],
    Action::Toggle,
    None,
    "pick or unpick the row (while typing: a space)",
);
const LESS_INTENSE: Binding = Binding::new(
    &[Key::code(KeyCode::Left)],
    Action::Left,
    None,
    "less intense",
);
const MORE_INTENSE: Binding = Binding::new(
    &[Key::code(KeyCode::Right)],
    Action::Right,
    Some("intensity"),
    "more intense",
);
const NOTE: Binding = Binding::new(
    &[Key::ctrl('n')],
    Action::Note,
    Some("note"),
    "add a note to the trigger",
);
const LEARN: Binding = Binding::new(
    &[Key::ctrl('l')],
    Action::LearnMore,
    None,
    "learn about the trigger (Esc comes back)",
);

/// Check-in, step 3: triggers.
pub const TRIGGER_KEYS: &[Binding] = &[
    NEXT_TAB,
    ENTER_PICK,
    PREV,
    SAVE,
    LEAVE,
    PICK,
    LESS_INTENSE,
    MORE_INTENSE,
    DIGITS[0],
    DIGITS[1],
    DIGITS[2],
    DIGITS[3],
    DIGITS[4],
    NOTE,
    LEARN,
    LIST_UP,
    LIST_DOWN,
    LIST_PAGE_UP,
    LIST_PAGE_DOWN,
    LIST_TOP,
    LIST_BOTTOM,
    HELP_KEY_TEXT,
];

/// Check-in, steps 2 and 4, with something typed into the filter: Space types a space, so
/// the footer does not offer it as "pick".
pub const KEYS_TYPING: &[Binding] = &[
    NEXT_TAB,
    ENTER_PICK,
    PREV,
    SAVE,
    LEAVE,
    PICK_TYPING,
    LIST_UP,
    LIST_DOWN,
    LIST_PAGE_UP,
    LIST_PAGE_DOWN,
    LIST_TOP,
    LIST_BOTTOM,
    HELP_KEY_TEXT,
];

/// Check-in, step 3, with something typed into the filter (Space and digits type).
pub const TRIGGER_KEYS_TYPING: &[Binding] = &[
    NEXT_TAB,
    ENTER_PICK,
    PREV,
    SAVE,
    LEAVE,
    PICK_TYPING,
    LESS_INTENSE,
    MORE_INTENSE,
    DIGITS[0],
    DIGITS[1],
    DIGITS[2],
    DIGITS[3],
    DIGITS[4],
    NOTE,
    LEARN,
    LIST_UP,
    LIST_DOWN,
    LIST_PAGE_UP,
    LIST_PAGE_DOWN,
    LIST_TOP,
    LIST_BOTTOM,
    HELP_KEY_TEXT,
];

/// A note on a trigger being written.
pub const NOTE_KEYS: &[Binding] = &[
    Binding::new(
        &[Key::code(KeyCode::Enter)],
        Action::Next,
        Some("keep"),
        "keep the note",
    ),
    Binding::new(keys::ESC, Action::Back, Some("cancel"), "cancel"),
];

pub(super) fn custom_key(name: &str) -> String {
    format!("{CUSTOM}{name}")
}

pub(super) fn trigger_key(t: &TriggerRef) -> String {
    match t {
        TriggerRef::Id(id) => id.to_string(),
        TriggerRef::Custom(name) => custom_key(name.as_str()),
    }
}

fn trigger_ref(key: &str) -> Option<TriggerRef> {
    let name = Name::try_from(key.strip_prefix(CUSTOM).unwrap_or(key)).ok()?;
    Some(if key.starts_with(CUSTOM) {
        TriggerRef::Custom(name)
    } else {
        TriggerRef::Id(name)
    })
}

impl State {
    /// Enter with something typed: picks (or unpicks) the highlighted row, or adds the typed
    /// name; then clears the filter and keeps the cursor on that row.
    fn pick_typed(&mut self, page: usize) {
        let key = match self.draft.step {
            Step::Emotions => match self.emotions.current() {
                Some(Current::Row(i)) => Some(self.emotions.rows[i].key.clone()),
                Some(Current::Add(word)) => Some(word),
                None => None,
            },
            Step::Triggers => self.current_trigger_key(),
            Step::Reactions => match self.reactions.current() {
                Some(Current::Row(i)) => Some(self.reactions.rows[i].key.clone()),
                _ => None,
            },
            _ => None,
        };
        let Some(key) = key else {
            return;
        };
        self.list_action(Action::Toggle, page);
        if let Some(list) = self.list_mut() {
            list.select_key(&key);
        }
    }

    fn toggle_emotion(&mut self) {
        match self.emotions.current() {
            Some(Current::Row(i)) => {
                let word = self.emotions.rows[i].key.clone();
                match self.draft.emotions.iter().position(|e| *e == word) {
                    Some(pos) => {
                        self.draft.emotions.remove(pos);
                    }
                    None => self.draft.emotions.push(word),
                }
            }
            Some(Current::Add(word)) => {
                self.emotions
                    .rows
                    .push(Row::plain(word.clone(), word.clone()));
                self.draft.emotions.push(word.clone());
                self.emotions.select_key(&word);
            }
            None => return,
        }
        self.dirty = true;
    }

    fn current_trigger_key(&mut self) -> Option<String> {
        match self.triggers.current()? {
            Current::Row(i) => Some(self.triggers.rows[i].key.clone()),
            Current::Add(name) => {
                let key = custom_key(&name);
                if !self.triggers.rows.iter().any(|r| r.key == key) {
                    self.triggers.rows.push(Row {
                        key: key.clone(),
                        label: name,
                        detail: String::new(),
                        group: Some(OWN_GROUP.to_owned()),
                    });
                }
                self.triggers.select_key(&key);
                Some(key)
            }
        }
    }

    fn trigger_log(&mut self, key: &str) -> Option<&mut TriggerLog> {
        self.draft
            .triggers
            .iter_mut()
            .find(|t| trigger_key(&t.trigger) == key)
    }

    fn toggle_trigger(&mut self) {
        let Some(key) = self.current_trigger_key() else {
            return;
        };
        match self
            .draft
            .triggers
            .iter()
            .position(|t| trigger_key(&t.trigger) == key)
        {
            Some(pos) => {
                self.draft.triggers.remove(pos);
            }
            None => {
                if let Some(trigger) = trigger_ref(&key) {
                    self.draft.triggers.push(TriggerLog {
                        trigger,
                        intensity: None,
                        note: String::new(),
                        extra: Default::default(),
                    });
                }
            }
        }
        self.dirty = true;
    }

    /// Sets (or nudges by `delta`) the intensity of the trigger under the cursor, picking it.
    fn set_intensity(&mut self, value: Option<u8>, delta: i8) {
        let Some(key) = self.current_trigger_key() else {
            return;
        };
        if self.trigger_log(&key).is_none() {
            self.toggle_trigger();
        }
        if let Some(log) = self.trigger_log(&key) {
            let now = log.intensity.map_or(0, Intensity::get);
            let wanted = match value {
                Some(v) => v,
                None if now == 0 && delta > 0 => 1,
                None => now.saturating_add_signed(delta).clamp(1, 5),
            };
            log.intensity = Intensity::try_from(wanted).ok();
        }
        self.dirty = true;
    }

    fn toggle_reaction(&mut self) {
        let Some(Current::Row(i)) = self.reactions.current() else {
            return;
        };
        let Ok(id) = Name::try_from(self.reactions.rows[i].key.as_str()) else {
            return;
        };
        match self.draft.behaviours.iter().position(|b| *b == id) {
            Some(pos) => {
                self.draft.behaviours.remove(pos);
            }
            None => self.draft.behaviours.push(id),
        }
        self.dirty = true;
    }

    fn list_action(&mut self, action: Action, ctx_page: usize) {
        let list = match self.draft.step {
            Step::Emotions => &mut self.emotions,
            Step::Triggers => &mut self.triggers,
            Step::Reactions => &mut self.reactions,
            _ => return,
        };
        let page = isize::try_from(ctx_page.max(1)).unwrap_or(10);
        match action {
            Action::Up => list.move_by(-1),
            Action::Down => list.move_by(1),
            Action::PageUp => list.move_by(-page),
            Action::PageDown => list.move_by(page),
            Action::Top => list.top(),
            Action::Bottom => list.bottom(),
            Action::Toggle => match self.draft.step {
                Step::Emotions => self.toggle_emotion(),
                Step::Triggers => self.toggle_trigger(),
                _ => self.toggle_reaction(),
            },
            Action::Left if self.draft.step == Step::Triggers => self.set_intensity(None, -1),
            Action::Right if self.draft.step == Step::Triggers => self.set_intensity(None, 1),
            Action::Choose(n) if self.draft.step == Step::Triggers => {
                self.set_intensity(Some(n), 0)
            }
            Action::Note if self.draft.step == Step::Triggers => {
                let Some(key) = self.current_trigger_key() else {
                    return;
                };
                if self.trigger_log(&key).is_none() {
                    self.toggle_trigger();
                }
                let text = self
                    .trigger_log(&key)
                    .map(|l| l.note.clone())
                    .unwrap_or_default();
                // One paragraph, wrapped in its box like every other text box.
                let area = text_area(&text, "A few words about it…");
                self.note = Some((key, area, text));
            }
            _ => {}
        }
    }

    /// Copies the note being written into the draft (as it is typed, so a pause or a quit
    /// keeps it).
    fn sync_note(&mut self) {
        let Some((key, area, _)) = &self.note else {
            return;
        };
        let key = key.clone();
        let text = area_text(area).replace('\n', " ").trim().to_owned();
        if let Some(log) = self.trigger_log(&key) {
            log.note = text;
        }
        self.dirty = true;
    }

    fn note_action(&mut self, action: Action) {
        match action {
            Action::Next | Action::Save => {
                self.sync_note();
                self.note = None;
            }
            Action::Back => {
                // Cancel: the note as it was before.
                if let Some((key, _, before)) = self.note.take()
                    && let Some(log) = self.trigger_log(&key)
                {
                    log.note = before;
                    self.dirty = true;
                }
            }
            _ => {}
        }
    }
}

/// Typing into the list's filter (or the note being written).
pub fn input(state: &mut State, input: Input) {
    if let Some((_, area, _)) = state.note.as_mut() {
        if super::text::edit(area, input, false) {
            state.sync_note();
        }
        return;
    }
    let Some(list) = state.list_mut() else {
        return;
    };
    match input {
        Input {
            key: TextKey::Char(c),
            ctrl: false,
            alt: false,
            ..
        } => list.type_str(&c.to_string()),
        Input {
            key: TextKey::Backspace,
            ..
        } => list.backspace(),
        _ => {}
    }
}

/// Pasted text goes into the filter (or the note, on one line).
pub fn paste(state: &mut State, text: &str) {
    if let Some((_, area, _)) = state.note.as_mut() {
        area.insert_str(text.replace('\n', " "));
        state.sync_note();
        return;
    }
    if let Some(list) = state.list_mut() {
        list.type_str(text);
    }
}

/// Whether something is typed into the filter of this step's list (Space types a space then).
pub(super) fn filtering(state: &State) -> bool {
    let list = match state.draft.step {
        Step::Emotions => &state.emotions,
        Step::Triggers => &state.triggers,
        Step::Reactions => &state.reactions,
        _ => return false,
    };
    !list.filter.is_empty()
}

/// Takes a key before the check-in's own keys do, if it is the list's while something is
/// typed: Space and digits go into the filter, and Enter picks the highlighted row (or adds
/// what was typed). With nothing typed, Space picks, digits set intensity and Enter goes on.
/// Returns whether it took the key.
pub fn intercept(state: &mut State, action: Action, page: usize) -> bool {
    if let Some(list) = state.list_mut()
        && !list.filter.is_empty()
    {
        match action {
            Action::Toggle => {
                list.type_str(" ");
                return true;
            }
            Action::Choose(n) => {
                list.type_str(&n.to_string());
                return true;
            }
            Action::Confirm => {
                state.pick_typed(page);
                return true;
            }
            _ => {}
        }
    }
    false
}

/// Applies a key of this step.
pub fn update(state: &mut State, action: Action, page: usize) {
    state.list_action(action, page);
}

/// Applies a key while a note on a trigger is written.
pub fn note_update(state: &mut State, action: Action) {
    state.note_action(action);
}
/// Draws the step (emotions, triggers or reactions).
pub fn view(
    state: &State,
    step: Step,
    locked: bool,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    layout: &mut LastLayout,
) {
    let partner = state.draft.perspective == Some(Perspective::PartnerPullsAway);
    let (ask, list, placeholder) = match step {
        Step::Emotions => (
            "Which feelings were there today? Pick any, or add your own.",
            &state.emotions,
            "a feeling",
        ),
        Step::Triggers => (
            "Did anything stir up distance today? Pick what fits and how strongly (1–5).",
            &state.triggers,
            "a trigger, or name your own",
        ),
        _ if partner => (
            "What did you notice today, in your partner or in yourself?",
            &state.reactions,
            "a sign",
        ),
        _ => (
            "What did you notice yourself doing today?",
            &state.reactions,
            "a sign",
        ),
    };
    let mut ask = vec![question(ask, theme)];
    // Written without unlocking, the person's own words are not offered: they are kept
    // encrypted with the rest of state.json's private part, and cannot be read now.
    let own = match step {
        Step::Emotions => {
            Some("Feelings of your own show after unlocking: they are kept encrypted.")
        }
        Step::Triggers => {
            Some("Triggers of your own show after unlocking: they are kept encrypted.")
        }
        _ => None,
    };
    let shown = match own {
        Some(own) if locked => {
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
    let d = &state.draft;
    let picked = |row: &Row| match step {
        Step::Emotions => d.emotions.contains(&row.key),
        Step::Triggers => d
            .triggers
            .iter()
            .any(|t| trigger_key(&t.trigger) == row.key),
        _ => d.behaviours.iter().any(|b| b.as_str() == row.key),
    };
    let extra = |row: &Row| {
        if step != Step::Triggers {
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
    // The highlighted trigger's description in full, under the list (rows may cut it short).
    let (body, about) = if step == Step::Triggers {
        let [list_area, gap, about] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(2),
        ])
        .areas(body);
        let _ = gap;
        (list_area, Some(about))
    } else {
        (body, None)
    };
    // A page is the rows the list shows.
    layout.record(body, 0);
    frame.render_widget(
        PickListView {
            list,
            theme,
            picked: &picked,
            extra: &extra,
            placeholder,
        },
        body,
    );
    if let Some(about) = about
        && let Some(crate::tui::widgets::pick_list::Current::Row(i)) = list.current()
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

/// Draws the note being written on a trigger, in a box over `body`.
pub fn note_view(state: &State, theme: &Theme, frame: &mut Frame, body: Rect) {
    let Some((_, area, _)) = &state.note else {
        return;
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
}
