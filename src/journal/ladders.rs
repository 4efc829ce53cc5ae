//! Ladders of small brave steps, as the journal holds them: the newest version of each
//! ladder, each step with the predictions made for it (a step is done once one is made), and
//! how the feared outcomes compared with what happened.
//!
//! A ladder is written again (a new version, the same id) whenever it is changed or put away;
//! every version is kept with the entry it was written in. A prediction names the step it was
//! made for by the ladder's id and the step's words, so a ladder whose steps are moved or
//! added to still knows which are done; a step whose words were changed since is listed apart
//! ([`LadderView::earlier`]), never lost.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::draft::CheckInDraft;
use super::entry::Entry;
use super::episode::{LookBack, Prediction, PredictionResult, StepOf};
use super::predictions::PredictionRef;
use super::turning::{Ladder, Rung};

/// The most steps a ladder is written with.
pub const MAX_STEPS: usize = 10;

/// A prediction made for a step, with where it lives.
#[derive(Debug, Clone, PartialEq)]
pub struct Try {
    /// Where it lives.
    pub at: PredictionRef,
    /// The day it was made.
    pub made_on: NaiveDate,
    /// The prediction.
    pub prediction: Prediction,
}

/// One step of a ladder and the predictions made for it, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct StepView {
    /// The step as the ladder now has it.
    pub rung: Rung,
    /// The predictions made for it, oldest first (none: not done yet).
    pub tries: Vec<Try>,
}

impl StepView {
    /// Whether it was done: a prediction was made for it.
    pub fn is_done(&self) -> bool {
        !self.tries.is_empty()
    }
}

/// How the feared outcomes of a ladder's steps compared with what happened.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Compared {
    /// Steps on the ladder.
    pub steps: usize,
    /// Of those, done.
    pub done: usize,
    /// Predictions looked back on with an answer (yes, partly or no).
    pub answered: usize,
    /// Of those, the feared outcome happened at least in part.
    pub came_true: usize,
    /// Answered with both a feared and a real badness.
    pub rated: usize,
    /// The average feared badness (1–5) over `rated`.
    pub feared: Option<f64>,
    /// The average real badness (1–5) over `rated`.
    pub really: Option<f64>,
}

impl Compared {
    /// In a line: "3 of 5 steps done · 1 of 2 fears came true · feared 3.5, really 2.0 on
    /// average (of 2)".
    pub fn line(&self) -> String {
        let mut s = format!(
            "{} of {} {} done",
            self.done,
            self.steps,
            if self.steps == 1 { "step" } else { "steps" }
        );
        if self.answered > 0 {
            s.push_str(&format!(
                " · {} of {} {} came true",
                self.came_true,
                self.answered,
                if self.answered == 1 { "fear" } else { "fears" }
            ));
        }
        if let (Some(f), Some(r)) = (self.feared, self.really) {
            s.push_str(&format!(
                " · how bad: feared {f:.1}, really {r:.1} on average"
            ));
        }
        s
    }
}

/// A ladder as it stands: its newest version, its steps easiest first, and what came of them.
#[derive(Debug, Clone, PartialEq)]
pub struct LadderView {
    /// The newest version written.
    pub ladder: Ladder,
    /// The day it was first written.
    pub begun: NaiveDate,
    /// The day its newest version was written.
    pub changed: NaiveDate,
    /// Its steps, easiest first (by how scary each feels; those not rated after, in the
    /// order written).
    pub steps: Vec<StepView>,
    /// Predictions made for steps whose words the ladder no longer has, oldest first.
    pub earlier: Vec<Try>,
    /// The figures, over every prediction of the ladder (`earlier` too).
    pub compared: Compared,
}

impl LadderView {
    /// The easiest step not done yet, if any.
    pub fn next_step(&self) -> Option<&StepView> {
        self.steps.iter().find(|s| !s.is_done())
    }
}

/// A step's words as a prediction names them (trimmed; case and inner spaces as written).
fn key(words: &str) -> &str {
    words.trim()
}

/// Every ladder in `entries` (kept in order, oldest first): the newest version of each id,
/// those being climbed first, then those put away; each group the most recently written
/// first. Ladders with nothing on them are left out.
pub fn ladders(entries: &[Entry]) -> Vec<LadderView> {
    // id → (first day, last day, newest version); later entries are newer.
    let mut newest: HashMap<&str, (NaiveDate, NaiveDate, &Ladder, usize)> = HashMap::new();
    let mut order = 0;
    let mut tries: HashMap<&str, Vec<Try>> = HashMap::new();
    for e in entries {
        for l in e.ladders.iter().filter(|l| !l.id.is_empty()) {
            order += 1;
            newest
                .entry(l.id.as_str())
                .and_modify(|(_, last, v, o)| {
                    *last = e.date;
                    *v = l;
                    *o = order;
                })
                .or_insert((e.date, e.date, l, order));
        }
        for (index, p) in e.predictions.iter().enumerate() {
            if let Some(step) = &p.step {
                tries.entry(step.ladder.as_str()).or_default().push(Try {
                    at: PredictionRef {
                        entry: e.id.clone(),
                        index,
                    },
                    made_on: e.date,
                    prediction: p.clone(),
                });
            }
        }
    }
    let mut out: Vec<(usize, LadderView)> = newest
        .into_iter()
        .filter(|(_, (_, _, l, _))| !l.is_empty())
        .map(|(id, (begun, changed, ladder, o))| {
            let mut mine = tries.remove(id).unwrap_or_default();
            mine.sort_by_key(|t| t.made_on);
            (o, view(ladder, begun, changed, mine))
        })
        .collect();
    // Those being climbed first; within each, the most recently written first.
    out.sort_by(|(a, x), (b, y)| {
        x.ladder
            .put_away
            .cmp(&y.ladder.put_away)
            .then_with(|| b.cmp(a))
    });
    out.into_iter().map(|(_, v)| v).collect()
}

/// The view of `ladder` with `tries`, the predictions naming it (oldest first).
fn view(ladder: &Ladder, begun: NaiveDate, changed: NaiveDate, tries: Vec<Try>) -> LadderView {
    let mut steps: Vec<StepView> = ladder
        .steps
        .iter()
        .filter(|r| !r.text.trim().is_empty())
        .map(|r| StepView {
            rung: r.clone(),
            tries: Vec::new(),
        })
        .collect();
    // A step is its words: written twice, it is one step (the first).
    let mut seen = std::collections::HashSet::new();
    steps.retain(|s| seen.insert(key(&s.rung.text).to_owned()));
    steps.sort_by_key(|s| (s.rung.scary.is_none(), s.rung.scary));
    let mut earlier = Vec::new();
    for t in tries {
        let words = t.prediction.step.as_ref().map_or("", |s| key(&s.step));
        match steps.iter_mut().find(|s| key(&s.rung.text) == words) {
            Some(s) => s.tries.push(t),
            None => earlier.push(t),
        }
    }
    let mut compared = Compared {
        steps: steps.len(),
        done: steps.iter().filter(|s| s.is_done()).count(),
        ..Compared::default()
    };
    let (mut feared, mut really) = (0u32, 0u32);
    for p in steps
        .iter()
        .flat_map(|s| &s.tries)
        .chain(&earlier)
        .map(|t| &t.prediction)
    {
        let Some(o) = &p.outcome else { continue };
        if o.result == PredictionResult::Dropped {
            continue;
        }
        compared.answered += 1;
        if o.result != PredictionResult::No {
            compared.came_true += 1;
        }
        if let (Some(f), Some(r)) = (p.badness, o.badness) {
            compared.rated += 1;
            feared += u32::from(f.get());
            really += u32::from(r.get());
        }
    }
    if compared.rated > 0 {
        let n = f64::from(u32::try_from(compared.rated).unwrap_or(u32::MAX));
        compared.feared = Some(f64::from(feared) / n);
        compared.really = Some(f64::from(really) / n);
    }
    LadderView {
        ladder: ladder.clone(),
        begun,
        changed,
        steps,
        earlier,
        compared,
    }
}

/// The id of a ladder first written at `now`: `l-20261207-194000`.
pub fn new_id(now: DateTime<FixedOffset>) -> String {
    format!("l-{}", now.format("%Y%m%d-%H%M%S"))
}

/// An id for a ladder first written at `now` that none of `taken` has (a second ladder begun
/// in the same second gets `-2`, and so on).
pub fn unique_id<'a>(now: DateTime<FixedOffset>, taken: impl Iterator<Item = &'a str>) -> String {
    unique(&new_id(now), taken)
}

/// `base`, or, when one of `taken` has it, `base-2`, `base-3`… (the first free).
pub fn unique<'a>(base: &str, taken: impl Iterator<Item = &'a str>) -> String {
    let taken: Vec<&str> = taken.collect();
    if !taken.contains(&base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken.contains(&id.as_str()))
        .unwrap_or_else(|| base.to_owned())
}

/// Doing `step` of `ladder` on `made_on`: a prediction for it, its fear still to be written,
/// to look back on the next day.
pub fn step_prediction(ladder: &Ladder, step: &Rung, made_on: NaiveDate) -> Prediction {
    Prediction {
        fear: String::new(),
        likelihood: None,
        badness: None,
        look_back: LookBack::Tomorrow.day(made_on),
        outcome: None,
        step: Some(StepOf {
            ladder: ladder.id.clone(),
            step: step.text.trim().to_owned(),
            extra: Default::default(),
        }),
        extra: Default::default(),
    }
}

impl super::values::Texts for Ladder {
    /// 0: the fear (a step is a line, written in place).
    fn text_mut(&mut self, i: usize) -> Option<&mut String> {
        (i == 0).then_some(&mut self.fear)
    }
}

/// Begins `ladder` (new, its id given) in `draft`, a ladder's flow: the form opens on it.
pub fn open_new(draft: &mut CheckInDraft, ladder: Ladder) {
    draft.ladders.push(ladder);
    draft.at = draft.ladders.len() - 1;
}

/// Opens `newest` (a ladder's newest version) to change in `draft`, a ladder's flow: on the
/// version the draft's entry already holds, or on a new version of it kept with that entry.
pub fn open_change(draft: &mut CheckInDraft, newest: &Ladder) {
    draft.at = match draft.ladders.iter().rposition(|l| l.id == newest.id) {
        Some(at) => at,
        None => {
            draft.ladders.push(newest.clone());
            draft.ladders.len() - 1
        }
    };
}

/// Opens, in `draft` (a brave step's flow), the prediction for doing `step` of `ladder`.
pub fn open_step(draft: &mut CheckInDraft, ladder: &Ladder, step: &Rung) {
    let made_on = draft.date;
    draft
        .predictions
        .push(step_prediction(ladder, step, made_on));
    draft.at = draft.predictions.len() - 1;
}

/// `newest` put away (`away`) or taken back, as a new version kept with `day_entry` (the
/// day's last entry; none: a new entry of `perspective`) at `now`: the entry to save.
pub fn put_away(
    day_entry: Option<&Entry>,
    newest: &Ladder,
    away: bool,
    now: DateTime<FixedOffset>,
    perspective: Option<super::Perspective>,
) -> Entry {
    let mut entry = match day_entry {
        Some(e) => {
            let mut e = e.clone();
            e.updated_at = now.max(e.updated_at);
            e
        }
        None => {
            let mut e = Entry::new(
                super::EntryId::generate(now, now.timestamp_subsec_nanos()),
                now,
            );
            e.perspective = perspective;
            e
        }
    };
    let version = Ladder {
        put_away: away,
        ..newest.clone()
    };
    match entry.ladders.iter().rposition(|l| l.id == newest.id) {
        Some(at) => entry.ladders[at] = version,
        None => entry.ladders.push(version),
    }
    entry
}

#[cfg(test)]
mod tests;
