//! The cycle in the person's own words (from insights' cycle view): the trigger it starts
//! with, then a line for each step of the map — when this happens, what I do, what they may
//! do then, what I feel underneath, what I long for, what helps me step out of it. Opened on
//! the last words written, to change; kept with today's entry. The questions are content
//! (`episodes.toml`, `[cycle]`).

use ratatui::text::Line;

use crate::journal::draft::{CheckInDraft, Step};
use crate::journal::insights::cycle::{CycleView, cycle, own_words};
use crate::journal::insights::{Window, aftermath::Times};
use crate::journal::{CycleWords, Entry, TriggerRef};
use crate::tui::session::Session;
use crate::tui::widgets::form::{Field, Form};

use super::debrief::offered_triggers;
use super::episodes::{choices, trigger_key, trigger_of_key};
use super::record::{self, Record};
use super::{Canvas, StepView};

const TRIGGER: usize = 0;
const STARTS: usize = 1;
const I_DO: usize = 2;
const THEY_MAY: usize = 3;
const UNDERNEATH: usize = 4;
const LONG_FOR: usize = 5;
const HELPS: usize = 6;

/// The triggers offered: the words' own, those that start the cycle (last 90 days), then the
/// check-in's and the perspective's.
fn triggers(w: &CycleWords, draft: &CheckInDraft, session: &Session) -> Vec<TriggerRef> {
    let window = Window::last(90, session.today);
    let drawn = match cycle(session.entries(), window, |t| session.catalog.is_safety(t)) {
        CycleView::Drawn(c) => c
            .triggers
            .into_iter()
            .map(|Times { what, .. }| what)
            .collect(),
        _ => Vec::new(),
    };
    offered_triggers(w.trigger.iter().cloned().chain(drawn), draft, session)
}

impl Record for CycleWords {
    const STEP: Step = Step::Cycle;

    const LIST: fn(&Entry) -> &[Self] = |e| &e.cycle_words;
    const LIST_MUT: fn(&mut Entry) -> &mut crate::journal::entry::ThinVec<Self> =
        |e| &mut e.cycle_words;
    const TEXT_FIELDS: &'static [usize] = &[STARTS, I_DO, THEY_MAY, UNDERNEATH, LONG_FOR, HELPS];

    fn form(w: Option<&Self>, draft: &CheckInDraft, session: &Session) -> Form {
        let words = &session.catalog.episodes.cycle;
        // A new one starts from the words written last.
        let empty = own_words(session.entries()).cloned().unwrap_or_default();
        let w = w.unwrap_or(&empty);
        let catalog = &session.catalog;
        let offered = triggers(w, draft, session);
        let picked: Vec<String> = w.trigger.iter().map(trigger_key).collect();
        Form::new(vec![
            Field::choice(
                &words.own_trigger,
                choices(
                    offered
                        .iter()
                        .map(|t| (trigger_key(t), catalog.trigger_label(t))),
                ),
                false,
                &picked,
            ),
            Field::text(
                &words.own_starts,
                &w.starts,
                "e.g. he is on his phone at dinner",
            ),
            Field::text(&words.own_i_do, &w.i_do, "e.g. I go quiet"),
            Field::text(
                &words.own_they_may,
                &w.they_may,
                "e.g. he asks what's wrong",
            ),
            Field::text(
                &words.own_underneath,
                &w.underneath,
                "e.g. afraid I don't matter",
            ),
            Field::text(&words.own_long_for, &w.long_for, "e.g. to feel chosen"),
            Field::text(&words.own_helps, &w.helps, "e.g. saying it early, kindly"),
        ])
    }

    fn read(form: &Form, shown: Option<&Self>, _session: &Session) -> Self {
        let trigger = form.picked(TRIGGER).first().and_then(|k| trigger_of_key(k));
        let text = |i| form.text(i).trim().to_owned();
        CycleWords {
            trigger,
            starts: text(STARTS),
            i_do: text(I_DO),
            they_may: text(THEY_MAY),
            underneath: text(UNDERNEATH),
            long_for: text(LONG_FOR),
            helps: text(HELPS),
            // What a newer closer wrote into it is kept through the edit.
            extra: shown.map(|w| w.extra.clone()).unwrap_or_default(),
        }
    }
}

record::step_functions!(CycleWords);

/// Draws the step.
pub(super) fn view(s: &State, v: &StepView, c: Canvas) {
    let Canvas(frame, area, layout) = c;
    let words = &v.session.catalog.episodes.cycle;
    let lines = vec![
        Line::styled(words.own_intro.trim().to_owned(), v.theme.muted),
        Line::styled(
            "←/→ and Space choose · Tab to the summary".to_owned(),
            v.theme.muted,
        ),
        Line::default(),
    ];
    layout.place(s.form.render(lines, v.theme, frame, area));
}
