//! Step 5: a moment of the day traced from trigger to repair (optional; Tab passes it by).
//! Each moment is a form: what happened, the triggers it belongs to, the urge, what the
//! person did, what happened next, a repair attempt and how it ended, every field skippable.
//! The form writes through to `draft.episodes` on every change.

use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::journal::{Ending, Episode, Name, Repair, TriggerRef};
use crate::tui::keys::{self, Action, Binding, DOWN_ARROW, HELP_KEY_TEXT, Key, UP_ARROW};
use crate::tui::session::Session;
use crate::tui::theme::Theme;
use crate::tui::widgets::form::{Choice, Field, Form};

use super::{LEAVE, NEXT_TAB, PREV, SAVE, State};

/// Enter: the next field (the next step after the last).
pub const NEXT_FIELD: Binding = Binding::new(
    keys::ENTER,
    Action::Confirm,
    None,
    "the next field (after the last: the next step)",
);
/// Ctrl-N: another one.
pub const ANOTHER: Binding = Binding::new(
    &[Key::ctrl('n')],
    Action::Add,
    Some("another"),
    "add another (moment or prediction)",
);
/// PgUp/PgDn: the one before or after.
pub const OTHER_UP: Binding = Binding::new(
    &[Key::code(KeyCode::PageUp)],
    Action::PageUp,
    None,
    "the one before",
);
/// PgDn.
pub const OTHER_DOWN: Binding = Binding::new(
    &[Key::code(KeyCode::PageDown)],
    Action::PageDown,
    None,
    "the one after",
);

/// The step's keys (Left/Right, Space and Backspace go to the focused field: see the form).
pub const KEYS: &[Binding] = &[
    NEXT_TAB,
    PREV,
    SAVE,
    LEAVE,
    keys::up(UP_ARROW, "the field above"),
    keys::down(DOWN_ARROW, "the field below"),
    NEXT_FIELD,
    ANOTHER,
    OTHER_UP,
    OTHER_DOWN,
    HELP_KEY_TEXT,
];

/// The form's fields, in order.
const WHAT: usize = 0;
const TRIGGERS: usize = 1;
const URGES: usize = 2;
const OWN_URGE: usize = 3;
const DID: usize = 4;
const OWN_DID: usize = 5;
const NEXT: usize = 6;
pub(super) const REPAIR: usize = 7;
pub(super) const OWN_REPAIR: usize = 8;
const ENDED: usize = 9;

/// The repair choice meaning "not yet".
const NOT_YET: &str = "not-yet";

/// Words typed as a comma-separated list, trimmed, without empties.
fn own_words(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The key a trigger has in the form.
fn trigger_key(t: &TriggerRef) -> String {
    match t {
        TriggerRef::Id(id) => format!("id:{id}"),
        TriggerRef::Custom(name) => format!("own:{name}"),
    }
}

/// The form for `episode`, with the choices this check-in and this person have.
pub fn form(episode: &Episode, state: &State, session: &Session) -> Form {
    let catalog = &session.catalog;
    let perspective = state.draft.perspective;
    let mut triggers: Vec<TriggerRef> = state
        .draft
        .triggers
        .iter()
        .map(|t| t.trigger.clone())
        .collect();
    for t in &episode.triggers {
        if !triggers.contains(t) {
            triggers.push(t.clone());
        }
    }
    let trigger_choices = triggers
        .iter()
        .map(|t| Choice {
            key: trigger_key(t),
            label: catalog.trigger_label(t),
        })
        .collect();
    let picked_triggers: Vec<String> = episode.triggers.iter().map(trigger_key).collect();
    let urges: Vec<Choice> = catalog
        .urges_for(perspective)
        .into_iter()
        .map(|u| Choice {
            key: u.id.clone(),
            label: u.label.clone(),
        })
        .collect();
    let own_urges: Vec<&str> = episode
        .urges
        .iter()
        .filter(|u| catalog.urge(u).is_none())
        .map(String::as_str)
        .collect();
    // What I did: the signs noticed in this check-in and those the moment names first, then
    // the perspective's others up to ten (the whole list is a wall of chips); anything else
    // in the person's own words.
    let mut sign_ids: Vec<&str> = state.draft.behaviours.iter().map(|b| b.as_str()).collect();
    for d in &episode.did {
        if catalog.sign(d).is_some() && !sign_ids.contains(&d.as_str()) {
            sign_ids.push(d);
        }
    }
    for s in catalog.signs_for(perspective) {
        if sign_ids.len() >= 10 {
            break;
        }
        if !sign_ids.contains(&s.id.as_str()) {
            sign_ids.push(&s.id);
        }
    }
    let signs: Vec<Choice> = sign_ids
        .into_iter()
        .filter_map(|id| catalog.sign(id))
        .map(|s| Choice {
            key: s.id.clone(),
            label: s.label.clone(),
        })
        .collect();
    let own_did: Vec<&str> = episode
        .did
        .iter()
        .filter(|d| catalog.sign(d).is_none())
        .map(String::as_str)
        .collect();
    // Repairs: not yet, then strategies this person knows (favourites, tried before, in this
    // check-in), at most eight; anything else in their own words.
    let mut strategies: Vec<String> = session.prefs.favourites.clone();
    if let Some(j) = &session.journal {
        let mut tried: Vec<(&String, u32)> = j
            .histories
            .iter()
            .filter(|(_, h)| h.tried > 0)
            .map(|(id, h)| (id, h.tried))
            .collect();
        tried.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        strategies.extend(tried.into_iter().map(|(id, _)| id.clone()));
    }
    strategies.extend(state.draft.strategies.iter().map(|s| s.id.to_string()));
    for t in &state.draft.triggers {
        if let TriggerRef::Id(id) = &t.trigger {
            strategies.extend(
                catalog
                    .strategies_for_trigger(id.as_str(), perspective)
                    .into_iter()
                    .take(3)
                    .map(|s| s.id.clone()),
            );
        }
    }
    if let Some(id) = episode.repair.as_ref().and_then(Repair::strategy) {
        strategies.insert(0, id.to_string());
    }
    let mut repairs = vec![Choice {
        key: NOT_YET.to_owned(),
        label: "not yet".to_owned(),
    }];
    for id in strategies {
        if repairs.len() > 8 || repairs.iter().any(|r| r.key == id) {
            continue;
        }
        if let Some(s) = catalog.strategy(&id) {
            repairs.push(Choice {
                key: id,
                label: s.title.clone(),
            });
        }
    }
    // A strategy picked and the person's own words are kept together.
    let picked_repair: Vec<String> = match &episode.repair {
        Some(Repair::NotYet) => vec![NOT_YET.to_owned()],
        Some(r) => r.strategy().map(ToString::to_string).into_iter().collect(),
        None => Vec::new(),
    };
    let own_repair = episode
        .repair
        .as_ref()
        .and_then(Repair::own_words)
        .unwrap_or_default();
    let endings = Ending::ALL
        .iter()
        .map(|e| Choice {
            key: e.label().to_owned(),
            label: e.label().to_owned(),
        })
        .collect();
    let ended: Vec<String> = episode.ended.iter().map(|e| e.label().to_owned()).collect();
    Form::new(vec![
        Field::text("What happened?", &episode.what, "in a line"),
        Field::choice(
            "Which trigger(s) does it belong to? (those picked in step 3)",
            trigger_choices,
            true,
            &picked_triggers,
        ),
        Field::choice("What was the urge?", urges, true, &episode.urges),
        Field::text(
            "An urge in your own words",
            &own_urges.join(", "),
            "separate with commas",
        ),
        Field::choice("What did you do?", signs, true, &episode.did),
        Field::text(
            "What you did, in your own words",
            &own_did.join(", "),
            "separate with commas",
        ),
        Field::text("What happened next?", &episode.next, "in a line"),
        Field::choice(
            "Did you try a repair? (pick one)",
            repairs,
            false,
            &picked_repair,
        ),
        Field::text(
            "A repair in your own words (kept with the one picked above)",
            own_repair,
            "what you said or did",
        ),
        Field::choice("How did it end? (pick one)", endings, false, &ended),
    ])
}

/// The episode the form says.
fn read(form: &Form, state: &State) -> Episode {
    let triggers = form
        .picked(TRIGGERS)
        .into_iter()
        .filter_map(|key| {
            state
                .draft
                .triggers
                .iter()
                .map(|t| &t.trigger)
                .chain(
                    state
                        .draft
                        .episodes
                        .get(state.episode_at)
                        .into_iter()
                        .flat_map(|e| &e.triggers),
                )
                .find(|t| trigger_key(t) == key)
                .cloned()
        })
        .collect();
    let mut urges: Vec<String> = form.picked(URGES).into_iter().map(str::to_owned).collect();
    urges.extend(own_words(form.text(OWN_URGE)));
    let mut did: Vec<String> = form.picked(DID).into_iter().map(str::to_owned).collect();
    did.extend(own_words(form.text(OWN_DID)));
    let picked = form.picked(REPAIR).first().copied();
    let repair = Repair::of(
        picked == Some(NOT_YET),
        picked
            .filter(|id| *id != NOT_YET)
            .and_then(|id| Name::try_from(id).ok()),
        form.text(OWN_REPAIR),
    );
    let ended = form
        .picked(ENDED)
        .first()
        .and_then(|l| Ending::ALL.into_iter().find(|e| e.label() == *l));
    Episode {
        what: form.text(WHAT).trim().to_owned(),
        triggers,
        urges,
        did,
        next: form.text(NEXT).trim().to_owned(),
        repair,
        ended,
        // What a newer closer wrote into this moment is kept through the edit.
        extra: state
            .draft
            .episodes
            .get(state.episode_at)
            .map(|e| e.extra.clone())
            .unwrap_or_default(),
    }
}

/// Opens the moment `at` (a new, empty one past the last).
pub fn open(state: &mut State, at: usize, session: &Session) {
    if state.draft.episodes.len() <= at {
        state.draft.episodes.push(Episode::default());
    }
    state.episode_at = at.min(state.draft.episodes.len() - 1);
    let episode = state.draft.episodes[state.episode_at].clone();
    state.episode_form = form(&episode, state, session);
}

/// Takes the form into the draft. Words of a repair make "not yet" moot: it is unpicked, so
/// the screen shows what is kept.
fn write_back(state: &mut State) {
    if !state.episode_form.text(OWN_REPAIR).trim().is_empty()
        && state.episode_form.picked(REPAIR).first() == Some(&NOT_YET)
    {
        state.episode_form.unpick(REPAIR);
    }
    let episode = read(&state.episode_form, state);
    if let Some(slot) = state.draft.episodes.get_mut(state.episode_at) {
        *slot = episode;
    }
    state.dirty = true;
}

/// Applies a typed key.
pub fn input(state: &mut State, input: ratatui_textarea::Input) {
    if state.episode_form.input(input) {
        write_back(state);
    }
}

/// Applies a paste.
pub fn paste(state: &mut State, text: &str) {
    if state.episode_form.paste(text) {
        write_back(state);
    }
}

/// Applies a key of this step; returns true when it was the step's own (else the check-in's).
pub fn update(state: &mut State, action: Action, session: &Session) -> bool {
    match action {
        Action::Up => {
            state.episode_form.up();
        }
        Action::Down => {
            state.episode_form.down();
        }
        Action::Confirm => return state.episode_form.down(),
        Action::Add => {
            // A new moment only after one with something in it.
            let last = state.draft.episodes.len();
            if state.draft.episodes.last().is_some_and(|e| !e.is_empty()) {
                open(state, last, session);
            }
        }
        Action::PageUp if state.episode_at > 0 => {
            let at = state.episode_at - 1;
            open(state, at, session);
        }
        Action::PageDown if state.episode_at + 1 < state.draft.episodes.len() => {
            let at = state.episode_at + 1;
            open(state, at, session);
        }
        Action::PageUp | Action::PageDown => {}
        _ => return false,
    }
    true
}

/// The lines over the moment and prediction steps: `intro`, then the day's question of
/// `kind` for the check-in's perspective (the same all day, the next one tomorrow).
pub(super) fn head(
    intro: &str,
    kind: crate::content::PromptKind,
    state: &State,
    session: &Session,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(intro.trim().to_owned(), theme.muted)];
    let prompts = session.catalog.prompts_of(kind, state.draft.perspective);
    if !prompts.is_empty() {
        let day =
            usize::try_from(chrono::Datelike::num_days_from_ce(&state.draft.date)).unwrap_or(0);
        lines.push(Line::styled(
            prompts[day % prompts.len()].text.clone(),
            theme.text,
        ));
    }
    lines
}

/// Draws the step.
pub fn view(state: &State, theme: &Theme, session: &Session, frame: &mut Frame, area: Rect) {
    let mut lines = head(
        &session.catalog.episodes.episode_intro,
        crate::content::PromptKind::Episode,
        state,
        session,
        theme,
    );
    let count = state.draft.episodes.len().max(1);
    lines.push(Line::styled(
        format!(
            "Moment {} of {count} · Ctrl-N another · ←/→ and Space choose · Tab skips the step",
            state.episode_at + 1
        ),
        theme.muted,
    ));
    lines.push(Line::default());
    state.episode_form.render(lines, theme, frame, area);
}
