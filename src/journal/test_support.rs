//! Parts of entries for tests across the crate, each written once: a test says only the
//! values it cares about.

use chrono::NaiveDate;

use super::{
    Episode, Helpfulness, Intensity, Name, Prediction, PredictionOutcome, PredictionResult,
    Response, StrategyUse, TriggerLog, TriggerRef,
};

/// The use of strategy `id`: planned or not, tried or not (or not said), and how much it
/// helped (1–5).
pub fn strategy(id: &str, planned: bool, tried: Option<bool>, help: Option<u8>) -> StrategyUse {
    StrategyUse {
        id: Name::try_from(id).unwrap(),
        planned,
        tried,
        helpfulness: help.map(|h| Helpfulness::try_from(h).unwrap()),
        extra: Default::default(),
    }
}

/// A log of `trigger` at `intensity` (1–5), with a note.
pub fn logged(trigger: TriggerRef, intensity: Option<u8>, note: &str) -> TriggerLog {
    TriggerLog {
        trigger,
        intensity: intensity.map(|i| Intensity::try_from(i).unwrap()),
        note: note.into(),
        extra: Default::default(),
    }
}

/// The catalog's trigger `id`.
pub fn catalog_trigger(id: &str) -> TriggerRef {
    TriggerRef::Id(Name::try_from(id).unwrap())
}

/// A trigger in the person's own words.
pub fn own_trigger(words: &str) -> TriggerRef {
    TriggerRef::Custom(Name::try_from(words).unwrap())
}

/// An answer to a question of the person's own (no prompt of the catalog).
pub fn response(prompt: &str, answer: &str) -> Response {
    Response {
        prompt_id: None,
        prompt: prompt.into(),
        answer: answer.into(),
        extra: Default::default(),
    }
}

/// A moment: what happened, on the catalog's trigger `trigger`; the rest empty.
pub fn episode(what: &str, trigger: &str) -> Episode {
    Episode {
        what: what.into(),
        triggers: vec![catalog_trigger(trigger)],
        ..Episode::default()
    }
}

/// A fear to look back on on `look_back`; no likelihood, badness or outcome.
pub fn prediction(fear: &str, look_back: NaiveDate) -> Prediction {
    Prediction {
        step: None,
        fear: fear.into(),
        likelihood: None,
        badness: None,
        look_back,
        outcome: None,
        extra: Default::default(),
    }
}

/// What came of a prediction, looked back on on `on`; no badness.
pub fn outcome(on: NaiveDate, result: PredictionResult, instead: &str) -> PredictionOutcome {
    PredictionOutcome {
        on,
        result,
        badness: None,
        instead: instead.into(),
        extra: Default::default(),
    }
}
