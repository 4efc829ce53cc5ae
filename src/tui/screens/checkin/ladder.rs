//! A ladder of small brave steps, written or changed on its own (from the ladders): the fear
//! it climbs, then its steps from easiest to hardest, each with how scary it feels (0–100).
//! A new ladder may start from a starter ladder of the person's side (content,
//! `turning.toml`), which fills in its fear and steps, to change as they like; after a safety
//! trigger, the starters that mean talking with the partner are not offered. A step's line
//! shows once the one above it has words, so a short ladder stays short. Kept with today's
//! entry as a new version of the ladder (the same id).

use ratatui::text::Line;

use crate::content::model::StarterLadder;
use crate::journal::draft::{CheckInDraft, Step};
use crate::journal::ladders::{MAX_STEPS, new_id, unique};
use crate::journal::{Entry, Ladder, Likelihood, Name, Rung};
use crate::tui::session::Session;
use crate::tui::widgets::form::{Choice, Field, Form};

use super::record::{self, Record};
use super::{Canvas, StepView};

const STARTER: usize = 0;
const FEAR: usize = 1;

/// The choice of no starter: the person's own ladder.
const OWN: &str = "own";

/// The field of step `i`'s words.
const fn step(i: usize) -> usize {
    2 + 2 * i
}

/// The field of how scary step `i` feels.
const fn scary(i: usize) -> usize {
    3 + 2 * i
}

/// Whether a safety trigger was logged lately.
fn safety(session: &Session) -> bool {
    session
        .catalog
        .safety_logged_recently(session.recent_entries(), session.today)
}

/// The starter ladders offered in this check-in: the person's side's, none that means
/// talking with the partner after a safety trigger.
fn starters<'a>(draft: &CheckInDraft, session: &'a Session) -> Vec<&'a StarterLadder> {
    session
        .catalog
        .turning
        .ladders_for(draft.perspective, safety(session))
}

/// The form for `l` (its steps as written, empty lines to [`MAX_STEPS`]); a new, empty one
/// offers `starters` first.
fn form(l: &Ladder, starters: &[&StarterLadder]) -> Form {
    let mut options = vec![Choice {
        key: OWN.to_owned(),
        label: "my own".to_owned(),
    }];
    options.extend(starters.iter().map(|s| Choice {
        key: s.id.clone(),
        label: s.fear.clone(),
    }));
    let picked = vec![
        l.starter
            .as_ref()
            .map_or(OWN.to_owned(), ToString::to_string),
    ];
    let mut fields = vec![
        Field::choice(
            "Start from one of these? (pick one)",
            options,
            false,
            &picked,
        ),
        Field::text(
            "What do you want to feel braver about?",
            &l.fear,
            "e.g. saying how I feel",
        ),
    ];
    let written: Vec<&Rung> = l
        .steps
        .iter()
        .filter(|r| !r.text.trim().is_empty())
        .collect();
    for i in 0..MAX_STEPS {
        let r = written.get(i);
        let (label, placeholder) = match i {
            0 => (
                "Step 1, the easiest".to_owned(),
                "something small you could do this week",
            ),
            _ => (
                format!("Step {}", i + 1),
                "a little harder, if there is one",
            ),
        };
        fields.push(Field::text(
            &label,
            r.map_or("", |r| r.text.as_str()),
            placeholder,
        ));
        fields.push(Field::number(
            "  How scary does it feel? (0 not at all – 100 very)",
            r.and_then(|r| r.scary).map(Likelihood::get),
            (0, 100, 10),
            "",
        ));
    }
    let mut form = Form::new(fields);
    // Starters are offered to a ladder being begun, when there are any.
    form.set_hidden(STARTER, starters.is_empty() || !l.is_empty());
    if form.shown(STARTER) {
        form.focus = STARTER;
    } else {
        form.focus = FEAR;
    }
    ask_what_applies(&mut form);
    form
}

/// Shows a step's line once the one above has words (or it has some itself), and how scary
/// it feels once it has words.
fn ask_what_applies(form: &mut Form) {
    for i in 0..MAX_STEPS {
        let has = !form.text(step(i)).trim().is_empty();
        let above = i == 0 || !form.text(step(i - 1)).trim().is_empty();
        form.set_hidden(step(i), !(has || above));
        form.set_hidden(scary(i), !has && form.number(scary(i)).is_none());
    }
}

/// Fills the form from the starter picked (or, for "my own", empties it): the fear and each
/// step whose line is empty or still holds a starter's words (what the person wrote
/// themselves is kept).
fn fill_from_starter(form: &mut Form, starters: &[&StarterLadder]) {
    let picked = form
        .picked(STARTER)
        .first()
        .and_then(|id| starters.iter().find(|s| s.id == *id))
        .copied();
    let untouched = |now: &str, of: &dyn Fn(&StarterLadder) -> Option<String>| {
        now.trim().is_empty() || starters.iter().any(|s| of(s).as_deref() == Some(now))
    };
    if untouched(form.text(FEAR), &|s| Some(s.fear.clone())) {
        form.set_text(FEAR, picked.map_or("", |s| s.fear.as_str()));
    }
    for i in 0..MAX_STEPS {
        let now = form.text(step(i)).to_owned();
        if untouched(&now, &|s| s.steps.get(i).cloned()) {
            let words = picked.and_then(|s| s.steps.get(i));
            form.set_text(step(i), words.map_or("", String::as_str));
        }
    }
}

impl Record for Ladder {
    const STEP: Step = Step::Ladder;

    const LIST: fn(&Entry) -> &[Self] = |e| &e.ladders;
    const LIST_MUT: fn(&mut Entry) -> &mut crate::journal::entry::ThinVec<Self> =
        |e| &mut e.ladders;
    const TEXT_FIELDS: &'static [usize] = &[FEAR];

    fn form(l: Option<&Self>, draft: &CheckInDraft, session: &Session) -> Form {
        form(l.unwrap_or(&Ladder::default()), &starters(draft, session))
    }

    fn read(form: &Form, shown: Option<&Self>, session: &Session) -> Self {
        let old = |i: usize| shown.and_then(|l| l.steps.get(i));
        let steps = (0..MAX_STEPS)
            .filter_map(|i| {
                let text = form.text(step(i)).trim().to_owned();
                (!text.is_empty()).then(|| Rung {
                    text,
                    scary: form
                        .number(scary(i))
                        .and_then(|v| Likelihood::try_from(i64::from(v)).ok()),
                    // What a newer closer wrote into a step is kept through the edit.
                    extra: old(i).map(|r| r.extra.clone()).unwrap_or_default(),
                })
            })
            .collect();
        let starter = if form.shown(STARTER) {
            form.picked(STARTER)
                .first()
                .filter(|id| **id != OWN)
                .and_then(|id| Name::try_from(*id).ok())
        } else {
            shown.and_then(|l| l.starter.clone())
        };
        Ladder {
            id: shown.map_or_else(|| new_id(session.now), |l| l.id.clone()),
            fear: form.text(FEAR).trim().to_owned(),
            starter,
            steps,
            put_away: shown.is_some_and(|l| l.put_away),
            extra: shown.map(|l| l.extra.clone()).unwrap_or_default(),
        }
    }

    fn refresh(form: &mut Form, draft: &CheckInDraft, session: &Session) {
        if form.shown(STARTER) && form.focus == STARTER {
            fill_from_starter(form, &starters(draft, session));
        }
        ask_what_applies(form);
    }

    fn is_empty(&self) -> bool {
        Ladder::is_empty(self)
    }

    fn placed(&mut self, others: &[Self]) {
        self.id = unique(&self.id, others.iter().map(|l| l.id.as_str()));
    }
}

record::step_functions!(Ladder);

/// Draws the step.
pub(super) fn view(s: &State, v: &StepView, c: Canvas) {
    let Canvas(frame, area, layout) = c;
    let made = v.draft.ladders.len();
    // "Ladder 2 of 3" only where the day holds more than one.
    let shown = match made {
        0 | 1 => String::new(),
        _ => format!("{} · ", record::shown(s.at, made, "Ladder", "A new ladder")),
    };
    let mut lines = vec![Line::styled(
        "Write the steps from the easiest to the hardest, with how scary each feels. Start \
         small: the first step is one you could take this week."
            .to_owned(),
        v.theme.muted,
    )];
    if s.form.shown(STARTER) && safety(v.session) {
        lines.push(Line::styled(
            "You logged feeling afraid or controlled lately: the ladders that mean talking \
             with your partner are not offered now. Your safety comes first."
                .to_owned(),
            v.theme.warn,
        ));
    }
    lines.push(Line::styled(
        format!("{shown}↑/↓ move · ←/→ choose · Space picks · Tab to the summary"),
        v.theme.muted,
    ));
    lines.push(Line::default());
    layout.place(s.form.render(lines, v.theme, frame, area));
}
