//! Checking a thought, on its own (from home) or after a moment: the hot thought, how much it
//! is believed (0–100 %), the thinking traps it might be (the toolkit's), what fits it and
//! what does not, a kinder thought that is just as true, and how much the first thought is
//! believed now. Every field skippable; the form writes through to `draft.thoughts`.

use ratatui::text::Line;

use crate::journal::draft::{CheckInDraft, Step};
use crate::journal::{Entry, Likelihood, Name, ThoughtCheck};
use crate::tui::session::Session;
use crate::tui::widgets::form::{Choice, Field, Form};

use super::record::{self, Record};
use super::{Canvas, StepView};

const THOUGHT: usize = 0;
const BELIEF: usize = 1;
const TRAPS: usize = 2;
const FITS: usize = 3;
const DOES_NOT_FIT: usize = 4;
const KINDER: usize = 5;
const BELIEF_AFTER: usize = 6;

/// A belief, 0–100 % by tens, as the form holds it.
fn percent(v: Option<Likelihood>) -> Option<u8> {
    v.map(Likelihood::get)
}

impl Record for ThoughtCheck {
    const STEP: Step = Step::Thought;

    const LIST: fn(&Entry) -> &[Self] = |e| &e.thoughts;
    const LIST_MUT: fn(&mut Entry) -> &mut crate::journal::entry::ThinVec<Self> =
        |e| &mut e.thoughts;
    const TEXT_FIELDS: &'static [usize] = &[THOUGHT, FITS, DOES_NOT_FIT, KINDER];

    fn form(t: Option<&Self>, draft: &CheckInDraft, session: &Session) -> Form {
        let words = &session.catalog.episodes.thought;
        let empty = ThoughtCheck::default();
        let t = t.unwrap_or(&empty);
        let toolkit = &session.catalog.toolkit;
        let mut traps: Vec<Choice> = toolkit
            .traps
            .iter()
            .filter(|x| crate::content::model::fits(&x.perspectives, draft.perspective))
            .map(|x| Choice {
                key: x.id.clone(),
                label: x.name.clone(),
            })
            .collect();
        // A trap picked before that this perspective's list does not hold stays pickable.
        for id in &t.traps {
            if !traps.iter().any(|c| c.key == id.as_str()) {
                traps.push(Choice {
                    key: id.to_string(),
                    label: toolkit.trap_name(id.as_str()).to_owned(),
                });
            }
        }
        let picked: Vec<String> = t.traps.iter().map(ToString::to_string).collect();
        Form::new(vec![
            Field::text(
                &words.thought,
                &t.thought,
                "in your words, e.g. “I'm too much”",
            ),
            Field::number(&words.belief, percent(t.belief), (0, 100, 10), "%"),
            Field::choice(&words.traps, traps, true, &picked),
            Field::text(&words.fits, &t.fits, "what you saw or heard"),
            Field::text(
                &words.does_not_fit,
                &t.does_not_fit,
                "anything that points the other way",
            ),
            Field::text(&words.kinder, &t.kinder, "in your words"),
            Field::number(
                &words.belief_after,
                percent(t.belief_after),
                (0, 100, 10),
                "%",
            ),
        ])
    }

    fn read(form: &Form, shown: Option<&Self>, _session: &Session) -> Self {
        let belief = |i| {
            form.number(i)
                .and_then(|v| Likelihood::try_from(i64::from(v)).ok())
        };
        ThoughtCheck {
            thought: form.text(THOUGHT).trim().to_owned(),
            belief: belief(BELIEF),
            traps: form
                .picked(TRAPS)
                .into_iter()
                .filter_map(|id| Name::try_from(id).ok())
                .collect(),
            fits: form.text(FITS).trim().to_owned(),
            does_not_fit: form.text(DOES_NOT_FIT).trim().to_owned(),
            kinder: form.text(KINDER).trim().to_owned(),
            belief_after: belief(BELIEF_AFTER),
            // What a newer closer wrote into it is kept through the edit.
            extra: shown.map(|t| t.extra.clone()).unwrap_or_default(),
        }
    }
}

record::step_functions!(ThoughtCheck);

/// Draws the step.
pub(super) fn view(s: &State, v: &StepView, c: Canvas) {
    let Canvas(frame, area, layout) = c;
    let words = &v.session.catalog.episodes.thought;
    let shown = record::shown(
        s.at,
        v.draft.thoughts.len(),
        "Thought",
        "A new thought check",
    );
    let lines = vec![
        Line::styled(words.intro.trim().to_owned(), v.theme.muted),
        Line::styled(
            format!("{shown} · ←/→ and Space choose · Ctrl-N another · Tab to the summary"),
            v.theme.muted,
        ),
        Line::default(),
    ];
    layout.place(s.form.render(lines, v.theme, frame, area));
}
