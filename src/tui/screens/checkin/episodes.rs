//! Step 5: a moment of the day traced from trigger to repair (optional; Tab passes it by).
//! Each moment is a form: what happened, the triggers it belongs to, the urge, what the
//! person did, what happened next, a repair attempt and how it ended, every field skippable.
//! The form writes through to `draft.episodes` on every change.

use ratatui::text::Line;

use crate::content::checkin::{NOT_YET, repair_choices, sign_choices};
use crate::journal::draft::CheckInDraft;
use crate::journal::{Ending, Episode, Name, Repair, TriggerRef};
use crate::tui::keys::{self, Action, Binding, HELP_KEY_TEXT, bind, table};
use crate::tui::screen::{Cmd, Typing};
use crate::tui::session::Session;
use crate::tui::theme::Theme;
use crate::tui::widgets::form::{Choice, Field, Form};

pub(super) use super::steps::no_text::{edited, flush};
use super::{Canvas, Cx, STEP_TAB, StepView};
pub(super) use crate::content::checkin::own_words;

/// Enter: the next field (the next step after the last).
pub const NEXT_FIELD: Binding =
    bind!([Enter] => Confirm, _, "the next field (after the last: the next step)");
/// Ctrl-N: another one.
pub const ANOTHER: Binding =
    bind!([Ctrl 'n'] => Add, "another", "add another (moment or prediction)");
/// PgUp/PgDn: the one before or after.
pub const OTHER_UP: Binding = bind!([PageUp] => PageUp, _, "the one before");
/// PgDn.
pub const OTHER_DOWN: Binding = bind!([PageDown] => PageDown, _, "the one after");

/// Ctrl-T: check a thought of this moment (then back to the check-in).
pub const THOUGHT: Binding = bind!([Ctrl 't'] => CheckThought, "a thought",
    "check a thought of this moment, then go on with the check-in");
/// Ctrl-D: a debrief of this moment (then back to the check-in).
pub const DEBRIEF: Binding = bind!([Ctrl 'd'] => StartDebrief, "debrief",
    "a debrief of this moment, once things are calm, then go on with the check-in");

/// Ctrl-B: a bid or an appreciation of this moment (then back to the check-in).
pub const BID: Binding = bind!([Ctrl 'b'] => LogBid, "a bid",
    "log a bid for connection, or something you appreciate, then go on with the check-in");

/// What the keys of a form step begin with (Left/Right, Space and Backspace go to the focused
/// field: see the form).
pub(super) const FORM_KEYS: &[Binding] = table![
    ..STEP_TAB,
    ..keys::up_down_arrows("the field above", "the field below"),
    NEXT_FIELD,
    ANOTHER,
    OTHER_UP,
    OTHER_DOWN,
];

/// The moment step's keys: a form's, and the way to check a thought of it or debrief it.
pub const MOMENT_KEYS: &[Binding] = table![..FORM_KEYS, THOUGHT, DEBRIEF, BID, HELP_KEY_TEXT];

/// The keys of a form step (Left/Right, Space and Backspace go to the focused field: see the
/// form).
pub const KEYS: &[Binding] = table![..FORM_KEYS, HELP_KEY_TEXT];

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

/// The trigger a form's key stands for (see [`trigger_key`]).
pub(super) fn trigger_of_key(key: &str) -> Option<TriggerRef> {
    if let Some(id) = key.strip_prefix("id:") {
        return Name::try_from(id).ok().map(TriggerRef::Id);
    }
    let own = key.strip_prefix("own:")?;
    Name::try_from(own).ok().map(TriggerRef::Custom)
}

/// The key a trigger has in the form.
pub(super) fn trigger_key(t: &TriggerRef) -> String {
    match t {
        TriggerRef::Id(id) => format!("id:{id}"),
        TriggerRef::Custom(name) => format!("own:{name}"),
    }
}

/// The step's state (the prediction step's too).
#[derive(Debug, Clone, Default)]
pub(super) struct State {
    /// The moment (or prediction) shown.
    pub(super) at: usize,
    /// Its form.
    pub(super) form: Form,
}

/// The step's state as the check-in opens (its form is made when the step is entered).
pub(super) fn new(_draft: &CheckInDraft, _session: &Session) -> State {
    State::default()
}

/// The step is entered: on the first moment.
pub(super) fn enter(s: &mut State, _back: bool, cx: &mut Cx) {
    open(s, 0, cx);
}

/// The moment shown.
pub(super) fn place(s: &State) -> usize {
    s.at
}

/// Back on the moment a resumed draft was on.
pub(super) fn resume(s: &mut State, at: usize, cx: &mut Cx) {
    let last = cx.draft.episodes.len().saturating_sub(1);
    open(s, at.min(last), cx);
}

/// The keys in force (for the steps that share the form: theirs).
pub(super) fn keys(_s: &State, draft: &CheckInDraft) -> &'static [Binding] {
    if draft.step == crate::journal::draft::Step::Episodes {
        MOMENT_KEYS
    } else {
        KEYS
    }
}

/// A form's fields take a line at a time.
pub(super) fn typing(_s: &State) -> Typing {
    Typing::Field
}

/// Choices of a field, from keys and labels.
pub(super) fn choices<K: Into<String>, L: Into<String>>(
    items: impl IntoIterator<Item = (K, L)>,
) -> Vec<Choice> {
    items
        .into_iter()
        .map(|(key, label)| Choice {
            key: key.into(),
            label: label.into(),
        })
        .collect()
}

/// The form for `episode`, with the choices this check-in and this person have.
pub fn form(episode: &Episode, draft: &CheckInDraft, session: &Session) -> Form {
    let catalog = &session.catalog;
    let perspective = draft.perspective;
    let mut triggers: Vec<TriggerRef> = draft.triggers.iter().map(|t| t.trigger.clone()).collect();
    for t in &episode.triggers {
        if !triggers.contains(t) {
            triggers.push(t.clone());
        }
    }
    let trigger_choices = choices(
        triggers
            .iter()
            .map(|t| (trigger_key(t), catalog.trigger_label(t))),
    );
    let picked_triggers: Vec<String> = episode.triggers.iter().map(trigger_key).collect();
    let urges = choices(
        catalog
            .urges_for(perspective)
            .into_iter()
            .map(|u| (u.id.clone(), u.label.clone())),
    );
    // Urges and what the person did that closer does not list, in their own words.
    let own = |words: &[String], known: &dyn Fn(&str) -> bool| {
        words
            .iter()
            .filter(|w| !known(w))
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let own_urges = own(&episode.urges, &|u| catalog.urge(u).is_some());
    let own_did = own(&episode.did, &|d| catalog.sign(d).is_some());
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
    let endings = choices(Ending::ALL.iter().map(|e| (e.label(), e.label())));
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
            &own_urges,
            "separate with commas",
        ),
        Field::choice(
            "What did you do?",
            choices(sign_choices(episode, draft, catalog, perspective)),
            true,
            &episode.did,
        ),
        Field::text(
            "What you did, in your own words",
            &own_did,
            "separate with commas",
        ),
        Field::text("What happened next?", &episode.next, "in a line"),
        Field::choice(
            "Did you try a repair? (pick one)",
            choices(repair_choices(episode, draft, &session.given())),
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

/// The episode the form says, in place of the moment `at` of `draft`.
fn read(form: &Form, draft: &CheckInDraft, at: usize) -> Episode {
    let shown = draft.episodes.get(at);
    let triggers = form
        .picked(TRIGGERS)
        .into_iter()
        .filter_map(|key| {
            draft
                .triggers
                .iter()
                .map(|t| &t.trigger)
                .chain(shown.into_iter().flat_map(|e| &e.triggers))
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
        .and_then(|l| Ending::ALL.iter().copied().find(|e| e.label() == *l));
    Episode {
        what: form.text(WHAT).trim().to_owned(),
        triggers,
        urges,
        did,
        next: form.text(NEXT).trim().to_owned(),
        repair,
        ended,
        // What a newer closer wrote into this moment is kept through the edit.
        extra: shown.map(|e| e.extra.clone()).unwrap_or_default(),
    }
}

/// Opens the moment `at` (a new, empty one past the last).
fn open(s: &mut State, at: usize, cx: &mut Cx) {
    let episodes = &mut cx.draft.entry.episodes;
    if episodes.len() <= at {
        episodes.push(Episode::default());
    }
    s.at = at.min(episodes.len() - 1);
    let episode = episodes[s.at].clone();
    s.form = form(&episode, cx.draft, cx.session);
}

/// Takes the form into the draft. Words of a repair make "not yet" moot: it is unpicked, so
/// the screen shows what is kept.
fn write_back(s: &mut State, cx: &mut Cx) {
    if !s.form.text(OWN_REPAIR).trim().is_empty() && s.form.picked(REPAIR).first() == Some(&NOT_YET)
    {
        s.form.unpick(REPAIR);
    }
    let episode = read(&s.form, cx.draft, s.at);
    if let Some(slot) = cx.draft.entry.episodes.get_mut(s.at) {
        *slot = episode;
    }
    cx.changed();
}

/// Up and Down move between a form's fields, Enter to the next one (past the last, Enter is
/// the check-in's: `Some(None)`); `None` for other keys.
pub(super) fn move_in(form: &mut Form, action: Action) -> Option<Option<Cmd>> {
    match action {
        Action::Up => form.up(),
        Action::Down => form.down(),
        Action::Confirm => return Some(form.down().then_some(Cmd::None)),
        _ => return None,
    };
    Some(Some(Cmd::None))
}

/// Applies a typed key.
pub(super) fn input(s: &mut State, input: ratatui_textarea::Input, cx: &mut Cx) {
    if s.form.input(input) {
        write_back(s, cx);
    }
}

/// Applies a paste.
pub(super) fn paste(s: &mut State, text: &str, cx: &mut Cx) {
    if s.form.paste(text) {
        write_back(s, cx);
    }
}

/// Applies a key of this step; `None` when it is not the step's own (else the check-in's).
pub(super) fn update(s: &mut State, action: Action, cx: &mut Cx) -> Option<Cmd> {
    if let Some(done) = super::episodes::move_in(&mut s.form, action) {
        return done;
    }
    match action {
        Action::Add => {
            // A new moment only after one with something in it.
            let last = cx.draft.episodes.len();
            if cx.draft.episodes.last().is_some_and(|e| !e.is_empty()) {
                open(s, last, cx);
            }
        }
        Action::PageUp if s.at > 0 => open(s, s.at - 1, cx),
        Action::PageDown if s.at + 1 < cx.draft.episodes.len() => open(s, s.at + 1, cx),
        Action::PageUp | Action::PageDown => {}
        _ => return None,
    }
    Some(Cmd::None)
}

/// The lines over the moment and prediction steps: `intro`, then the day's question of
/// `kind` for the check-in's perspective (the same all day, the next one tomorrow).
pub(super) fn head(
    intro: &str,
    kind: crate::content::PromptKind,
    draft: &CheckInDraft,
    session: &Session,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(intro.trim().to_owned(), theme.muted)];
    if let Some(p) = crate::content::checkin::question_of_the_day(&session.catalog, kind, draft) {
        lines.push(Line::styled(p.text.clone(), theme.text));
    }
    lines
}

/// Draws the step.
pub(super) fn view(s: &State, v: &StepView, c: Canvas) {
    let Canvas(frame, area, layout) = c;
    let mut lines = head(
        &v.session.catalog.episodes.episode_intro,
        crate::content::PromptKind::Episode,
        v.draft,
        v.session,
        v.theme,
    );
    let count = v.draft.episodes.len().max(1);
    lines.push(Line::styled(
        format!(
            "Moment {} of {count} · Ctrl-N another · ←/→ and Space choose · Tab skips the step",
            s.at + 1
        ),
        v.theme.muted,
    ));
    lines.push(Line::default());
    layout.place(s.form.render(lines, v.theme, frame, area));
}
