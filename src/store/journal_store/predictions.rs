//! The prediction index (`predictions.json`): the open predictions' look-back days, and the
//! unanswered time-outs' promised return times, by the day of the entry that holds them, so
//! `closer status` counts the predictions due and names a break without reading the journal;
//! kept in step with each save and put right from a read of the whole journal. It holds no
//! words: days and times only, and in an encrypted journal no break times (they would say, to
//! anyone who can open the folder, when a talk was paused), so `closer status` names a break
//! only in a plain journal.

use super::*;

/// The open predictions' look-back days by the day of the entry that made them.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub(super) struct PredictionIndex {
    days: std::collections::BTreeMap<NaiveDate, Vec<NaiveDate>>,
    /// The unanswered time-outs' promised return times, by the day of their entry.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    breaks: std::collections::BTreeMap<NaiveDate, Vec<DateTime<FixedOffset>>>,
    /// Fields beside it that this closer does not know, kept as they were.
    #[serde(flatten)]
    unknown: envelope::Unknown,
}

/// Whether any of `entries` holds an open prediction or an unanswered time-out (so that its
/// day is in the prediction index).
pub(super) fn holds_open_predictions(entries: &[Entry]) -> bool {
    entries.iter().any(|e| {
        e.predictions.iter().any(|p| p.is_open()) || e.time_outs.iter().any(|t| t.back.is_none())
    })
}

/// The promised return times of the unanswered time-outs of `entries`.
fn open_breaks<'a>(entries: impl IntoIterator<Item = &'a Entry>) -> Vec<DateTime<FixedOffset>> {
    entries
        .into_iter()
        .flat_map(|e| e.time_outs.iter().filter(|t| t.back.is_none()))
        .map(|t| t.back_at)
        .collect()
}

/// Whether the index of the journal at `layout` holds break times: only when it is plain.
fn with_breaks(layout: &Layout) -> bool {
    !crate::store::crypto::is_encrypted(layout)
}

/// The prediction index of `entries`, the whole journal (break times only `with_breaks`).
pub(super) fn prediction_index_of(entries: &[Entry], with_breaks: bool) -> PredictionIndex {
    let mut index = PredictionIndex::default();
    for e in entries {
        let open: Vec<NaiveDate> = e
            .predictions
            .iter()
            .filter(|p| p.is_open())
            .map(|p| p.look_back)
            .collect();
        if !open.is_empty() {
            index.days.entry(e.date).or_default().extend(open);
        }
        let breaks = open_breaks([e]);
        if with_breaks && !breaks.is_empty() {
            index.breaks.entry(e.date).or_default().extend(breaks);
        }
    }
    index
}

/// The prediction index, or an empty one when it is missing or cannot be read.
pub(super) fn read_prediction_index(layout: &Layout) -> PredictionIndex {
    let path = layout.predictions_file();
    crate::files::read_regular(&path, crate::files::DATA_FILE_CAP)
        .ok()
        .and_then(|bytes| envelope::decode(&path, &bytes).ok())
        .unwrap_or_default()
}

impl Store {
    /// Keeps `predictions.json` in step with the open predictions of the day `date` now holds
    /// (`had_open`: whether it held any before). Only a day that has or had open predictions
    /// costs a read of the index and a write: read on every save, the index of a million
    /// entries' journal (437 KB) made a save take 3 ms instead of 0.6. A failure here never
    /// fails the save: the index is a cache for `closer status`, and the check-in reads the
    /// journal.
    pub(super) fn index_predictions(&self, date: NaiveDate, entries: &[Entry], had_open: bool) {
        let open: Vec<NaiveDate> = entries
            .iter()
            .flat_map(|e| e.predictions.iter().filter(|p| p.is_open()))
            .map(|p| p.look_back)
            .collect();
        let mut breaks = open_breaks(entries);
        if !with_breaks(&self.layout) {
            breaks.clear();
        }
        if open.is_empty() && breaks.is_empty() && !had_open {
            return;
        }
        let path = self.layout.predictions_file();
        let mut index = read_prediction_index(&self.layout);
        let now = (!open.is_empty()).then_some(&open);
        let breaks_now = (!breaks.is_empty()).then_some(&breaks);
        if index.days.get(&date) == now && index.breaks.get(&date) == breaks_now {
            return;
        }
        match now {
            Some(days) => index.days.insert(date, days.clone()),
            None => index.days.remove(&date),
        };
        match breaks_now {
            Some(times) => index.breaks.insert(date, times.clone()),
            None => index.breaks.remove(&date),
        };
        if let Ok(bytes) = envelope::encode(&path, &index) {
            let _ = atomic::write(&path, &bytes);
        }
    }

    /// Writes `predictions.json` again from every day file (after a sync brought days in).
    pub fn rebuild_prediction_index(&self) {
        let scan = crate::store::scan::scan(&self.layout);
        self.write_prediction_index(&prediction_index_of(
            &scan.entries,
            with_breaks(&self.layout),
        ));
    }

    /// Puts `predictions.json` right when it does not match `entries`, the whole journal as
    /// just read. A write of it that failed, or a stop between a day's write and its own,
    /// leaves it wrong, and a save mends only a day that has or had open predictions. Does
    /// nothing when it matches or this store may not write; never fails.
    pub fn mend_prediction_index(&self, entries: &[Entry]) {
        if self.writable().is_err() || Store::prediction_index_matches(&self.layout, entries) {
            return;
        }
        self.write_prediction_index(&prediction_index_of(entries, with_breaks(&self.layout)));
    }

    /// Whether the prediction index of the journal at `layout` matches `entries`, the whole
    /// journal: reads, writes nothing (44 ms at a million entries, so the TUI asks on the
    /// thread that reads the journal, and mends only when it does not match).
    pub fn prediction_index_matches(layout: &Layout, entries: &[Entry]) -> bool {
        let made = prediction_index_of(entries, with_breaks(layout));
        let read = read_prediction_index(layout);
        read.days == made.days && read.breaks == made.breaks
    }

    pub(super) fn write_prediction_index(&self, index: &PredictionIndex) {
        let path = self.layout.predictions_file();
        let index = PredictionIndex {
            days: index.days.clone(),
            breaks: index.breaks.clone(),
            unknown: read_prediction_index(&self.layout).unknown,
        };
        if let Ok(bytes) = envelope::encode(&path, &index) {
            let _ = atomic::write(&path, &bytes);
        }
    }

    /// How many open predictions are due on `today` (their day has come), as the index of
    /// the journal at `layout` has them: quick on any journal. None when there is no index.
    pub fn predictions_due_in(layout: &Layout, today: NaiveDate) -> usize {
        read_prediction_index(layout)
            .days
            .values()
            .flatten()
            .filter(|d| **d <= today)
            .count()
    }

    /// [`index_predictions`](Store::index_predictions) for many days at once: the index read
    /// and written once.
    pub(super) fn index_predictions_of(&self, days: &[(NaiveDate, Vec<NaiveDate>)]) {
        let mut index = read_prediction_index(&self.layout);
        let mut changed = false;
        for (date, open) in days {
            let now = (!open.is_empty()).then_some(open);
            if index.days.get(date) == now {
                continue;
            }
            changed = true;
            match now {
                Some(open) => index.days.insert(*date, open.clone()),
                None => index.days.remove(date),
            };
        }
        let path = self.layout.predictions_file();
        if changed && let Ok(bytes) = envelope::encode(&path, &index) {
            let _ = atomic::write(&path, &bytes);
        }
    }

    /// The promised return times of the unanswered time-outs, soonest first, as the index of
    /// the journal at `layout` has them: quick on any journal. Empty when there is no index.
    pub fn open_breaks_in(layout: &Layout) -> Vec<DateTime<FixedOffset>> {
        let mut times: Vec<DateTime<FixedOffset>> = read_prediction_index(layout)
            .breaks
            .into_values()
            .flatten()
            .collect();
        times.sort();
        times
    }
}
