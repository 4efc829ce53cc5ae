//! A ladder of small brave steps, written or changed on its own (from the ladders): the fear
//! it climbs, then its steps from easiest to hardest, each with how scary it feels (0–100).
//! A step's line shows once the one above it has words, so a short ladder stays short. Kept
//! with today's entry as a new version of the ladder (the same id).

use ratatui::text::Line;

use crate::journal::draft::{CheckInDraft, Step};
use crate::journal::ladders::{MAX_STEPS, new_id, unique};
use crate::journal::{Entry, Ladder, Likelihood, Rung};
use crate::tui::session::Session;
use crate::tui::widgets::form::{Field, Form};

use super::record::{self, Record};
use super::{Canvas, StepView};

const FEAR: usize = 0;

/// The field of step `i`'s words.
const fn step(i: usize) -> usize {
    1 + 2 * i
}

/// The field of how scary step `i` feels.
const fn scary(i: usize) -> usize {
    2 + 2 * i
}

/// The form for `l` (its steps as written, empty lines to [`MAX_STEPS`]).
fn form(l: &Ladder) -> Form {
    let mut fields = vec![Field::text(
        "What do you want to feel braver about?",
        &l.fear,
        "e.g. saying how I feel",
    )];
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

impl Record for Ladder {
    const STEP: Step = Step::Ladder;

    const LIST: fn(&Entry) -> &Vec<Self> = |e| &e.ladders;
    const LIST_MUT: fn(&mut Entry) -> &mut Vec<Self> = |e| &mut e.ladders;
    const TEXT_FIELDS: &'static [usize] = &[FEAR];

    fn form(l: Option<&Self>, _draft: &CheckInDraft, _session: &Session) -> Form {
        form(l.unwrap_or(&Ladder::default()))
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
        Ladder {
            id: shown.map_or_else(|| new_id(session.now), |l| l.id.clone()),
            fear: form.text(FEAR).trim().to_owned(),
            starter: shown.and_then(|l| l.starter.clone()),
            steps,
            put_away: shown.is_some_and(|l| l.put_away),
            extra: shown.map(|l| l.extra.clone()).unwrap_or_default(),
        }
    }

    fn refresh(form: &mut Form, _draft: &CheckInDraft, _session: &Session) {
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
    let Canvas(frame, area, _) = c;
    let made = v.draft.ladders.len();
    // "Ladder 2 of 3" only where the day holds more than one.
    let shown = match made {
        0 | 1 => String::new(),
        _ => format!("{} · ", record::shown(s.at, made, "Ladder", "A new ladder")),
    };
    let lines = vec![
        Line::styled(
            "Write the steps from the easiest to the hardest, with how scary each feels. \
             Start small: the first step is one you could take this week."
                .to_owned(),
            v.theme.muted,
        ),
        Line::styled(
            format!("{shown}↑/↓ move · ←/→ how scary · Tab to the summary"),
            v.theme.muted,
        ),
        Line::default(),
    ];
    s.form.render(lines, v.theme, frame, area);
}
