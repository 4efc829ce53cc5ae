//! Step 8: a fear written as a prediction (optional; Tab passes it by): what the person fears
//! will happen, how likely it feels (0–100 %), how bad it would be (1–5), and when to look
//! back. On that day the next check-in asks what really happened.

use chrono::NaiveDate;
use ratatui::text::Line;

use crate::content::checkin::look_back_problem;
use crate::journal::draft::{CheckInDraft, Flow};
use crate::journal::episode::LookBack;
use crate::journal::{Badness, Likelihood, Prediction};
use crate::tui::keys::{Action, Binding};
use crate::tui::screen::Cmd;
use crate::tui::widgets::form::{Choice, Field, Form};

use super::{Canvas, Cx, StepView};

/// The step's state: like a moment's, the one shown and its form.
pub(super) use super::episodes::State;
/// Shared with the moment step: a form's state, keys and typing, written through as it
/// changes.
pub(super) use super::episodes::{edited, flush, new, place, typing};

/// The step is entered: on the first prediction (doing a brave step, on the step's, which
/// the flow made last).
pub(super) fn enter(s: &mut State, _back: bool, cx: &mut Cx) {
    let at = if cx.draft.flow == Flow::BraveStep {
        cx.draft.predictions.len().saturating_sub(1)
    } else {
        0
    };
    open(s, at, cx.draft);
}

/// Back on the prediction a resumed draft was on.
pub(super) fn resume(s: &mut State, at: usize, cx: &mut Cx) {
    open(s, at, cx.draft);
}

/// The step's keys: the moment step's (Left/Right, Space and Backspace go to the focused
/// field).
pub const KEYS: &[Binding] = super::episodes::KEYS;

/// Doing a brave step: the same, for its one prediction (no other to add or go to).
pub const STEP_KEYS: &[Binding] = crate::tui::keys::table![
    ..super::STEP_TAB,
    ..crate::tui::keys::up_down_arrows("the field above", "the field below"),
    super::episodes::NEXT_FIELD,
    crate::tui::keys::HELP_KEY_TEXT,
];

/// The keys in force.
pub(super) fn keys(_s: &State, draft: &CheckInDraft) -> &'static [Binding] {
    if draft.flow == Flow::BraveStep {
        STEP_KEYS
    } else {
        KEYS
    }
}

const FEAR: usize = 0;
const LIKELY: usize = 1;
const BAD: usize = 2;
const WHEN: usize = 3;
const DATE: usize = 4;

/// The look-back choices, with their keys.
const WHENS: [(&str, &str); 4] = [
    ("tomorrow", "tomorrow"),
    ("3-days", "in 3 days"),
    ("week", "in a week"),
    ("date", "on a date"),
];

/// The form for `p` (a prediction made on `made_on`).
fn form(p: Option<&Prediction>, made_on: NaiveDate) -> Form {
    let (when, date) = match p.map(|p| (p.look_back - made_on).num_days()) {
        None | Some(1) => ("tomorrow", String::new()),
        Some(3) => ("3-days", String::new()),
        Some(7) => ("week", String::new()),
        Some(_) => (
            "date",
            p.map(|p| p.look_back.to_string()).unwrap_or_default(),
        ),
    };
    Form::new(vec![
        Field::text(
            "What do you fear will happen?",
            p.map_or("", |p| p.fear.as_str()),
            "in your words, e.g. “they will say no”",
        ),
        Field::number(
            "How likely does it feel?",
            p.and_then(|p| p.likelihood).map(Likelihood::get),
            (0, 100, 10),
            "%",
        ),
        Field::number(
            "How bad would it be? (1 a little – 5 very)",
            p.and_then(|p| p.badness).map(Badness::get),
            (1, 5, 1),
            "/5",
        ),
        Field::choice(
            "When do you want to look back? (pick one)",
            WHENS
                .iter()
                .map(|(k, l)| Choice {
                    key: (*k).to_owned(),
                    label: (*l).to_owned(),
                })
                .collect(),
            false,
            &[when.to_owned()],
        ),
        Field::text("The date, for “on a date”", &date, "YYYY-MM-DD"),
    ])
}

/// What is wrong with the date asked for "on a date" (none when another choice is picked):
/// a prediction looks back on a day to come, from the day after `made_on`.
fn date_problem(form: &Form, made_on: NaiveDate) -> Option<String> {
    if form.picked(WHEN).first() != Some(&"date") {
        return None;
    }
    look_back_problem(form.text(DATE), made_on)
}

/// Shows the date only for "on a date", and says what is wrong with it.
fn ask_what_applies(form: &mut Form, made_on: NaiveDate) {
    form.set_hidden(DATE, form.picked(WHEN).first() != Some(&"date"));
    form.set_problem(DATE, date_problem(form, made_on));
}

/// Keeps the person on a prediction whose date cannot be kept (passed, or not a date) when a
/// key would leave it (another step, another prediction, saving): says why, keeps what they
/// typed, and puts the cursor on the date to fix it. `None` lets the key through.
fn hold(s: &mut State, action: Action, made_on: NaiveDate) -> Option<Cmd> {
    let leaving = match action {
        Action::Next | Action::Prev | Action::Save | Action::Add => true,
        Action::PageUp | Action::PageDown => true,
        Action::Confirm => s.form.focus + 1 >= s.form.fields.len(),
        _ => false,
    };
    let form = &mut s.form;
    if !leaving || form.text(FEAR).trim().is_empty() {
        return None;
    }
    let problem = date_problem(form, made_on)?;
    form.focus = DATE;
    Some(Cmd::error(format!(
        "{problem} What you typed is kept: fix the date, or pick another day to look back."
    )))
}

/// The day the form says to look back, from `made_on`.
fn look_back(form: &Form, made_on: NaiveDate) -> LookBack {
    match form.picked(WHEN).first().copied() {
        Some("3-days") => LookBack::InThreeDays,
        Some("week") => LookBack::InAWeek,
        Some("date") => form
            .text(DATE)
            .trim()
            .parse::<NaiveDate>()
            .map_or(LookBack::Tomorrow, LookBack::On),
        _ => {
            let _ = made_on;
            LookBack::Tomorrow
        }
    }
}

/// Opens the prediction `at` (a new, empty one past the last).
fn open(s: &mut State, at: usize, draft: &CheckInDraft) {
    let made_on = draft.date;
    let at = at.min(draft.predictions.len());
    s.at = at;
    s.form = form(draft.predictions.get(at), made_on);
    ask_what_applies(&mut s.form, made_on);
}

/// Takes the form into the draft: a prediction exists once its fear has words.
fn write_back(s: &State, cx: &mut Cx) {
    let draft = &mut cx.draft.entry;
    let made_on = draft.date;
    let f = &s.form;
    let fear = f.text(FEAR).trim().to_owned();
    let shown = draft.predictions.get(s.at);
    let prediction = Prediction {
        fear: fear.clone(),
        likelihood: f
            .number(LIKELY)
            .and_then(|v| Likelihood::try_from(i64::from(v)).ok()),
        badness: f.number(BAD).and_then(|v| Badness::try_from(v).ok()),
        look_back: look_back(f, made_on).day(made_on),
        // An entry being edited keeps what came of its predictions.
        outcome: shown.and_then(|p| p.outcome.clone()),
        // A prediction made for a ladder's step stays that step's.
        step: shown.and_then(|p| p.step.clone()),
        extra: shown.map(|p| p.extra.clone()).unwrap_or_default(),
    };
    match draft.predictions.get_mut(s.at) {
        Some(slot) => *slot = prediction,
        None if !fear.is_empty() => draft.predictions.push(prediction),
        None => {}
    }
    cx.changed();
}

/// Applies a typed key.
pub(super) fn input(s: &mut State, input: ratatui_textarea::Input, cx: &mut Cx) {
    if s.form.input(input) {
        ask_what_applies(&mut s.form, cx.draft.date);
        write_back(s, cx);
    }
}

/// Applies a paste.
pub(super) fn paste(s: &mut State, text: &str, cx: &mut Cx) {
    if s.form.paste(text) {
        ask_what_applies(&mut s.form, cx.draft.date);
        write_back(s, cx);
    }
}

/// Applies a key of this step (first keeping the person on a date that cannot be kept);
/// `None` when it is not the step's own.
pub(super) fn update(s: &mut State, action: Action, cx: &mut Cx) -> Option<Cmd> {
    if let Some(cmd) = hold(s, action, cx.draft.date) {
        return Some(cmd);
    }
    let made = cx.draft.predictions.len();
    if let Some(done) = super::episodes::move_in(&mut s.form, action) {
        return done;
    }
    match action {
        Action::Add => {
            if s.at < made {
                open(s, made, cx.draft);
            }
        }
        Action::PageUp if s.at > 0 => open(s, s.at - 1, cx.draft),
        Action::PageDown if s.at < made => open(s, s.at + 1, cx.draft),
        Action::PageUp | Action::PageDown => {}
        _ => return None,
    }
    Some(Cmd::None)
}

/// Draws the step.
pub(super) fn view(s: &State, v: &StepView, c: Canvas) {
    let Canvas(frame, area, layout) = c;
    let brave = v.draft.flow == Flow::BraveStep;
    let mut lines = if brave {
        brave_step_lines(v.draft.predictions.get(s.at), v)
    } else {
        super::episodes::head(
            &v.session.catalog.episodes.prediction_why,
            crate::content::PromptKind::Prediction,
            v.draft,
            v.session,
            v.theme,
        )
    };
    let made = v.draft.predictions.len();
    let shown = if brave {
        "What you fear".to_owned()
    } else if s.at < made {
        format!("Prediction {} of {made}", s.at + 1)
    } else {
        "A new prediction".to_owned()
    };
    let due = v
        .draft
        .predictions
        .get(s.at)
        .map(|p| {
            format!(
                " · you will be asked on {}",
                p.look_back.format("%A %-d %B")
            )
        })
        .unwrap_or_default();
    let keys = if brave {
        "Tab to the summary"
    } else {
        "Ctrl-N another · Tab skips the step"
    };
    lines.push(Line::styled(
        format!("{shown}{due} · {keys}"),
        v.theme.muted,
    ));
    lines.push(Line::default());
    layout.place(s.form.render(lines, v.theme, frame, area));
}

/// Over a brave step's prediction: the step, and why it is written as a prediction.
fn brave_step_lines(p: Option<&crate::journal::Prediction>, v: &StepView) -> Vec<Line<'static>> {
    let Some(step) = p.and_then(|p| p.step.as_ref()) else {
        return Vec::new();
    };
    vec![
        Line::styled(format!("The step: {}", step.step.trim()), v.theme.title),
        Line::styled(
            "Before you take it, write what you fear will happen. On the day you choose, \
             closer asks what really did."
                .to_owned(),
            v.theme.muted,
        ),
    ]
}
