//! A check-in in progress: what the check-in flow collects, step by step, and how it becomes an
//! entry. Written to the store's draft file after every step and every pause in typing.

use std::collections::BTreeMap;

use chrono::{DateTime, Days, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use std::ops::{Deref, DerefMut};

use super::entry::ThinVec;

use super::{
    CycleWords, Debrief, Entry, EntryId, Episode, Helpfulness, Name, Perspective, Scale,
    StrategyUse, Texts, ThoughtCheck,
};

/// The steps of a check-in: declared in the order they come, the summary last (the build
/// checks it). The daily check-in goes through [`Step::ALL`];
/// a debrief or a thought check on its own goes through its one step and the summary (see
/// [`Flow`]).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::VariantArray,
)]
#[serde(rename_all = "kebab-case")]
pub enum Step {
    /// Mood and closeness.
    Scales,
    /// Emotion words.
    Emotions,
    /// What triggered you.
    Triggers,
    /// Signs and behaviours noticed.
    Reactions,
    /// Moments of the day, traced from trigger to repair (optional).
    Episodes,
    /// Guided prompts.
    Reflect,
    /// Strategies to plan, and follow-ups on earlier ones.
    Strategies,
    /// A fear written as a prediction, to look back on (optional).
    Predictions,
    /// Notes and tags.
    Notes,
    /// A thought checked (on its own, from home or the moment step).
    Thought,
    /// A debrief after a hard moment (on its own, from home or the moment step).
    Debrief,
    /// The cycle in the person's own words (on its own, from insights' cycle view).
    Cycle,
    /// A bid for connection or an appreciation (on its own from home, or from the moment
    /// step).
    Bid,
    /// A time-out with a promise to come back (from the card for a hard minute, or home).
    TimeOut,
    /// The review of a week (from the week card).
    Week,
    /// A ladder of small brave steps (on its own, from the ladders).
    Ladder,
    /// Everything, to confirm.
    Summary,
}

impl Step {
    /// The daily check-in's steps, in order.
    pub const ALL: [Step; 10] = [
        Step::Scales,
        Step::Emotions,
        Step::Triggers,
        Step::Reactions,
        Step::Episodes,
        Step::Reflect,
        Step::Strategies,
        Step::Predictions,
        Step::Notes,
        Step::Summary,
    ];

    /// Every step there is, in the order declared.
    pub const EVERY: &'static [Step] = <Step as strum::VariantArray>::VARIANTS;

    /// Its place in [`Step::EVERY`], from 0.
    pub const fn index(self) -> usize {
        self as usize
    }

    /// 1-based place in [`Step::EVERY`] (where a step is in a flow: [`Flow::position`]).
    pub const fn number(self) -> usize {
        self as usize + 1
    }

    /// The step after this one in the daily check-in, if any.
    pub fn next(self) -> Option<Step> {
        Flow::CheckIn.next(self)
    }

    /// The step before this one in the daily check-in, if any.
    pub fn prev(self) -> Option<Step> {
        Flow::CheckIn.prev(self)
    }

    /// Its title.
    pub fn title(self) -> &'static str {
        match self {
            Step::Scales => "How you are",
            Step::Emotions => "Feelings",
            Step::Triggers => "What stirred things up",
            Step::Reactions => "What you noticed",
            Step::Episodes => "A moment, traced",
            Step::Predictions => "A fear, as a prediction",
            Step::Reflect => "Reflect",
            Step::Strategies => "What might help",
            Step::Notes => "Notes and tags",
            Step::Thought => "A thought, checked",
            Step::Debrief => "After a hard moment",
            Step::Cycle => "Your cycle, in your words",
            Step::Bid => "A bid, or something you appreciate",
            Step::TimeOut => "A break, with a time to come back",
            Step::Week => "The week in review",
            Step::Ladder => "A ladder of small brave steps",
            Step::Summary => "Summary",
        }
    }
}

// The summary is the last step declared: every flow ends with it.
const _: () = assert!(
    Step::Summary as usize + 1 == Step::EVERY.len(),
    "the summary is the last step declared"
);

/// What a check-in is for: the whole daily check-in, or one record on its own (a debrief, a
/// thought check), which goes through its step and the summary and is saved with the day's
/// entry.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Flow {
    /// The daily check-in.
    #[default]
    CheckIn,
    /// A debrief after a hard moment.
    Debrief,
    /// A thought checked.
    Thought,
    /// The cycle, in the person's own words.
    Cycle,
    /// A bid for connection or an appreciation.
    Bid,
    /// A time-out with a promise to come back.
    TimeOut,
    /// The review of a week.
    Week,
    /// A ladder of small brave steps, new or changed.
    Ladder,
    /// A step of a ladder done: a prediction made for it.
    BraveStep,
}

impl Flow {
    /// Its steps, in order, the summary last.
    pub fn steps(self) -> &'static [Step] {
        match self {
            Flow::CheckIn => &Step::ALL,
            Flow::Debrief => &[Step::Debrief, Step::Summary],
            Flow::Thought => &[Step::Thought, Step::Summary],
            Flow::Cycle => &[Step::Cycle, Step::Summary],
            Flow::Bid => &[Step::Bid, Step::Summary],
            Flow::TimeOut => &[Step::TimeOut, Step::Summary],
            Flow::Week => &[Step::Week, Step::Summary],
            Flow::Ladder => &[Step::Ladder, Step::Summary],
            Flow::BraveStep => &[Step::Predictions, Step::Summary],
        }
    }

    /// Its first step.
    pub fn first(self) -> Step {
        self.steps()[0]
    }

    /// The step of the flow `step` stands for: itself, or, for a thought check or a debrief
    /// begun from the moment step of the daily check-in (a detour), the moment step.
    fn home(self, step: Step) -> Step {
        match (self, step) {
            (Flow::CheckIn, Step::Thought | Step::Debrief | Step::Bid) => Step::Episodes,
            _ => step,
        }
    }

    /// Where `step` is in it: its 1-based position and how many steps there are (a detour
    /// counts as the moment step; a step it does not hold, as its first).
    pub fn position(self, step: Step) -> (usize, usize) {
        let steps = self.steps();
        let home = self.home(step);
        let at = steps.iter().position(|s| *s == home).unwrap_or(0);
        (at + 1, steps.len())
    }

    /// The step after `step`, if any (after a detour, the one after the moment step).
    pub fn next(self, step: Step) -> Option<Step> {
        let (n, _) = self.position(step);
        self.steps().get(n).copied()
    }

    /// The step before `step`, if any (before a detour, the moment step it left).
    pub fn prev(self, step: Step) -> Option<Step> {
        if self.home(step) != step {
            return Some(self.home(step));
        }
        let (n, _) = self.position(step);
        n.checked_sub(2).map(|i| self.steps()[i])
    }
}

/// A check-in in progress: the entry it makes, as far as it is written, and where the person
/// is in the flow. It reads as its entry (`draft.mood` is the entry's mood).
#[derive(Debug, Clone, PartialEq)]
pub struct CheckInDraft {
    /// The entry so far. Its id is fixed when the check-in begins, so saving the same draft
    /// twice (say, after a crash between saving and clearing the draft) replaces, never
    /// doubles; its day is the day the check-in began, or the edited entry's day. Its
    /// `created_at` is the edited entry's (a new check-in's is set when it is saved), its
    /// `updated_at` is `started_at` until it is saved, and `extra` holds the fields of an
    /// edited entry this flow does not show, kept as they were.
    pub entry: Entry,
    /// Whether this draft edits a saved entry.
    pub edits: bool,
    /// When the check-in began.
    pub started_at: DateTime<FixedOffset>,
    /// What the check-in is for: the daily check-in, or a debrief or a thought check.
    pub flow: Flow,
    /// The step the person is on.
    pub step: Step,
    /// Where in that step: the question of Reflect, the moment or the prediction shown, the
    /// row of the scales, strategies or notes (0, the first, is not written). A closer that
    /// does not know it starts the step from its beginning.
    pub at: usize,
    /// A text open in `$EDITOR`, in a file of the drafts folder, while the editor runs: if
    /// closer is stopped meanwhile, the next start takes the file's text back into the draft.
    pub in_editor: Option<InEditor>,
    /// Fields of the draft itself that this closer does not know (a newer closer's), kept as
    /// they were so that writing the draft again never drops them.
    pub unknown: BTreeMap<String, serde_json::Value>,
}

impl Deref for CheckInDraft {
    type Target = Entry;

    fn deref(&self) -> &Entry {
        &self.entry
    }
}

impl DerefMut for CheckInDraft {
    fn deref_mut(&mut self) -> &mut Entry {
        &mut self.entry
    }
}

/// A draft as `drafts/current.json` holds it: the entry's fields beside the draft's own, the
/// entry's unknown fields nested under `extra`, no `updated_at`, and `created_at` only for
/// an edit. The file's lists and notes are written even when empty, as closers before the
/// draft held an entry wrote them.
#[derive(Serialize, Deserialize)]
struct DraftFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    created_at: Option<DateTime<FixedOffset>>,
    started_at: DateTime<FixedOffset>,
    #[serde(default, skip_serializing_if = "is_check_in")]
    flow: Flow,
    step: Step,
    #[serde(default, skip_serializing_if = "is_zero")]
    at: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    in_editor: Option<InEditor>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    extra: BTreeMap<String, serde_json::Value>,
    /// The entry's own fields, and the draft's unknown ones.
    #[serde(flatten)]
    entry: serde_json::Map<String, serde_json::Value>,
}

/// Keys of an entry a draft file does not hold: the draft says them otherwise.
const NOT_IN_FILE: [&str; 2] = ["created_at", "updated_at"];

/// Lists a draft file holds even when they are empty (and the notes, even when blank).
const LISTS_IN_FILE: [&str; 6] = [
    "emotions",
    "triggers",
    "behaviours",
    "responses",
    "strategies",
    "tags",
];

fn is_check_in(flow: &Flow) -> bool {
    *flow == Flow::CheckIn
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl CheckInDraft {
    fn to_file(&self) -> Result<DraftFile, serde_json::Error> {
        let serde_json::Value::Object(mut entry) = serde_json::to_value(&self.entry)? else {
            return Err(serde::ser::Error::custom(
                "an entry is written as an object",
            ));
        };
        for key in NOT_IN_FILE
            .into_iter()
            .chain(self.entry.extra.keys().map(String::as_str))
        {
            entry.remove(key);
        }
        for key in LISTS_IN_FILE {
            entry
                .entry(key)
                .or_insert_with(|| serde_json::Value::Array(Vec::new()));
        }
        entry
            .entry("notes")
            .or_insert_with(|| serde_json::Value::String(String::new()));
        for (key, value) in &self.unknown {
            entry.entry(key.clone()).or_insert_with(|| value.clone());
        }
        Ok(DraftFile {
            created_at: self.edits.then_some(self.entry.created_at),
            started_at: self.started_at,
            flow: self.flow,
            step: self.step,
            at: self.at,
            in_editor: self.in_editor.clone(),
            extra: self.entry.extra.clone(),
            entry,
        })
    }

    fn from_file(file: DraftFile) -> Result<CheckInDraft, serde_json::Error> {
        let mut fields = file.entry;
        let created_at = file.created_at.unwrap_or(file.started_at);
        fields.insert("created_at".to_owned(), serde_json::to_value(created_at)?);
        fields.insert(
            "updated_at".to_owned(),
            serde_json::to_value(file.started_at)?,
        );
        let mut entry: Entry = serde_json::from_value(serde_json::Value::Object(fields))?;
        // What the entry did not know is the draft's: the entry's own are nested.
        let unknown = std::mem::replace(&mut entry.extra, file.extra);
        Ok(CheckInDraft {
            entry,
            edits: file.created_at.is_some(),
            started_at: file.started_at,
            flow: file.flow,
            step: file.step,
            at: file.at,
            in_editor: file.in_editor,
            unknown,
        })
    }
}

impl Serialize for CheckInDraft {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_file()
            .map_err(serde::ser::Error::custom)?
            .serialize(s)
    }
}

impl<'de> Deserialize<'de> for CheckInDraft {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<CheckInDraft, D::Error> {
        CheckInDraft::from_file(DraftFile::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// Which text of the check-in an `$EDITOR` run is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EditTarget {
    /// The answer to question N of the Reflect step.
    Answer(usize),
    /// The notes.
    Notes,
    /// Text number `text` of the record `at` of a record's step (a debrief, a thought check,
    /// the cycle in the person's words; see each record's `texts`).
    Record {
        /// The step the record is asked on.
        step: Step,
        /// Which record of the entry's list (one past the last: a new one).
        at: usize,
        /// Which of its texts.
        text: usize,
    },
}

/// The record `at` of `list`, made (empty) when it is the one past the last.
fn record_slot<T: Default>(list: &mut ThinVec<T>, at: usize) -> Option<&mut T> {
    if at == list.len() {
        list.push(T::default());
    }
    list.get_mut(at)
}

/// A text of the check-in handed to `$EDITOR`, and the file (in the drafts folder) it is in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InEditor {
    /// The file's name, in the drafts folder; for an encrypted journal, its path in closer's
    /// private runtime folder (see `tui::editor`).
    pub file: String,
    /// Which text it is.
    pub target: EditTarget,
}

impl CheckInDraft {
    /// A new, empty check-in begun at `now`, for the day `now` falls on.
    pub fn new(now: DateTime<FixedOffset>, perspective: Option<Perspective>) -> CheckInDraft {
        let mut entry = Entry::new(EntryId::generate(now, now.timestamp_subsec_nanos()), now);
        entry.perspective = perspective;
        CheckInDraft::of(entry, false, now)
    }

    /// A draft that edits a saved entry, filled in from it.
    pub fn editing(entry: &Entry, now: DateTime<FixedOffset>) -> CheckInDraft {
        let mut entry = entry.clone();
        entry.updated_at = now;
        // What a merge kept twice is the saved entry's to say; saving the edit ends it.
        entry.two_versions.clear();
        CheckInDraft::of(entry, true, now)
    }

    /// A debrief or a thought check on its own (`flow`), begun at `now` and kept with the
    /// day's entry: `day_entry` (the day's last, edited) when there is one, else a new entry
    /// from `perspective`. It opens on a new record of its kind, after the entry's own.
    pub fn record(
        flow: Flow,
        day_entry: Option<&Entry>,
        now: DateTime<FixedOffset>,
        perspective: Option<Perspective>,
    ) -> CheckInDraft {
        let mut draft = match day_entry {
            Some(e) => CheckInDraft::editing(e, now),
            None => CheckInDraft::new(now, perspective),
        };
        draft.flow = flow;
        draft.step = flow.first();
        draft.at = match flow {
            Flow::CheckIn => 0,
            Flow::Debrief => draft.debriefs.len(),
            Flow::Thought => draft.thoughts.len(),
            Flow::Cycle => draft.cycle_words.len(),
            Flow::Bid => draft.bids.len(),
            Flow::TimeOut => draft.time_outs.len(),
            Flow::Week => draft.week_reviews.len(),
            Flow::Ladder => draft.ladders.len(),
            Flow::BraveStep => draft.predictions.len(),
        };
        draft
    }

    /// Puts a new check-in on `day`: the day it began, or one before it (a later day is
    /// taken as the day it began). A day before is marked as written later, on the day the
    /// check-in began (`Entry::written_on`); the day it began is not.
    pub fn set_day(&mut self, day: NaiveDate) {
        let began = self.started_at.date_naive();
        let day = day.min(began);
        self.entry.date = day;
        self.entry.written_on = (day < began).then_some(began);
    }

    fn of(entry: Entry, edits: bool, now: DateTime<FixedOffset>) -> CheckInDraft {
        CheckInDraft {
            entry,
            edits,
            started_at: now,
            flow: Flow::CheckIn,
            step: Step::Scales,
            at: 0,
            in_editor: None,
            unknown: BTreeMap::new(),
        }
    }

    /// Puts `text` back from `$EDITOR` as `target` (one line end at its end is dropped, as
    /// editors add one). Returns whether there was such a text to put it in.
    pub fn take_edit(&mut self, target: EditTarget, text: &str) -> bool {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let text = text.strip_suffix('\n').unwrap_or(&text).to_owned();
        match target {
            EditTarget::Answer(i) => match self.entry.responses.get_mut(i) {
                Some(r) => {
                    r.answer = text;
                    true
                }
                None => false,
            },
            EditTarget::Notes => {
                self.entry.notes = text;
                true
            }
            EditTarget::Record { step, at, text: i } => {
                let e = &mut self.entry;
                let slot = match step {
                    Step::Debrief => record_slot(&mut e.debriefs, at).and_then(|r| r.text_mut(i)),
                    Step::Thought => record_slot(&mut e.thoughts, at).and_then(|r| r.text_mut(i)),
                    Step::Cycle => record_slot(&mut e.cycle_words, at).and_then(|r| r.text_mut(i)),
                    Step::Bid => record_slot(&mut e.bids, at).and_then(|r| r.text_mut(i)),
                    Step::TimeOut => record_slot(&mut e.time_outs, at).and_then(|r| r.text_mut(i)),
                    Step::Week => record_slot(&mut e.week_reviews, at).and_then(|r| r.text_mut(i)),
                    Step::Ladder => record_slot(&mut e.ladders, at).and_then(|r| r.text_mut(i)),
                    _ => None,
                };
                slot.map(|t| *t = text).is_some()
            }
        }
    }

    /// Whether anything has been entered (an empty check-in is not worth keeping); for a
    /// debrief or a thought check on its own, whether one holds anything.
    pub fn is_empty(&self) -> bool {
        match self.flow {
            Flow::Debrief => return self.debriefs.iter().all(Debrief::is_empty),
            Flow::Thought => return self.thoughts.iter().all(ThoughtCheck::is_empty),
            Flow::Cycle => return self.cycle_words.iter().all(CycleWords::is_empty),
            Flow::Bid => return self.bids.iter().all(crate::journal::Bid::is_empty),
            Flow::TimeOut => return self.time_outs.iter().all(crate::journal::TimeOut::is_empty),
            Flow::Week => {
                return self
                    .week_reviews
                    .iter()
                    .all(crate::journal::WeekReview::is_empty);
            }
            Flow::Ladder => return self.ladders.iter().all(crate::journal::Ladder::is_empty),
            // The step's prediction is the last one: it is the one written here.
            Flow::BraveStep => {
                return self
                    .predictions
                    .last()
                    .is_none_or(|p| p.step.is_none() || p.fear.trim().is_empty());
            }
            Flow::CheckIn => {}
        }
        Scale::ALL.iter().all(|s| s.of(&self.entry).is_none())
            && self.emotions.is_empty()
            && self.triggers.is_empty()
            && self.behaviours.is_empty()
            && self.responses.iter().all(|r| r.answer.trim().is_empty())
            && self.strategies.is_empty()
            && self.notes.trim().is_empty()
            && self.tags.is_empty()
            && self.episodes.iter().all(Episode::is_empty)
            && self.predictions.iter().all(|p| p.fear.trim().is_empty())
            && self.debriefs.iter().all(Debrief::is_empty)
            && self.thoughts.iter().all(ThoughtCheck::is_empty)
            && self.cycle_words.iter().all(CycleWords::is_empty)
            && self.bids.iter().all(crate::journal::Bid::is_empty)
            && self.time_outs.is_empty()
            && self.ladders.iter().all(crate::journal::Ladder::is_empty)
            && self
                .week_reviews
                .iter()
                .all(crate::journal::WeekReview::is_empty)
    }

    /// Whether its file must carry schema 2 (it holds episodes or predictions, or stands on
    /// a step a closer before them does not know).
    pub fn needs_schema_2(&self) -> bool {
        self.entry.needs_schema_2() || matches!(self.step, Step::Episodes | Step::Predictions)
    }

    /// What the person wrote and chose, as plain text to read or keep anywhere (when the draft
    /// itself cannot be written): the day, each scale, each answer under its question,
    /// trigger notes, the notes and the tags. Ids and empty parts are left out.
    pub fn words(&self) -> String {
        let mut out = format!("Check-in of {}\n", self.date.format("%-d %B %Y"));
        for (scale, v) in Scale::ALL
            .iter()
            .filter_map(|s| Some((s, s.of(&self.entry)?)))
        {
            out.push_str(&format!("{}: {}\n", scale.label(), v.get()));
        }
        if !self.emotions.is_empty() {
            out.push_str(&format!("Feelings: {}\n", self.emotions.join(", ")));
        }
        for t in self.triggers.iter().filter(|t| !t.note.trim().is_empty()) {
            let name = match &t.trigger {
                crate::journal::TriggerRef::Id(id) => id.to_string(),
                crate::journal::TriggerRef::Custom(n) => n.to_string(),
            };
            out.push_str(&format!("Note on {name}: {}\n", t.note));
        }
        for r in self
            .responses
            .iter()
            .filter(|r| !r.answer.trim().is_empty())
        {
            out.push_str(&format!("\n{}\n{}\n", r.prompt, r.answer));
        }
        for (i, ep) in self.episodes.iter().filter(|e| !e.is_empty()).enumerate() {
            out.push_str(&format!("\nMoment {}\n", i + 1));
            for (label, text) in [
                ("What happened", &ep.what),
                ("What happened next", &ep.next),
            ] {
                if !text.trim().is_empty() {
                    out.push_str(&format!("{label}: {text}\n"));
                }
            }
            if !ep.urges.is_empty() {
                out.push_str(&format!("Urges: {}\n", ep.urges.join(", ")));
            }
            if !ep.did.is_empty() {
                out.push_str(&format!("What I did: {}\n", ep.did.join(", ")));
            }
            if let Some(text) = ep.repair.as_ref().and_then(|r| r.own_words()) {
                out.push_str(&format!("Repair: {text}\n"));
            }
        }
        for p in self
            .predictions
            .iter()
            .filter(|p| !p.fear.trim().is_empty())
        {
            out.push_str(&format!(
                "\nPrediction (look back on {}): {}\n",
                p.look_back.format("%-d %B %Y"),
                p.fear
            ));
        }
        if !self.notes.trim().is_empty() {
            out.push_str(&format!("\nNotes\n{}\n", self.notes));
        }
        if !self.tags.is_empty() {
            out.push_str(&format!("\nTags: {}\n", self.tags.join(", ")));
        }
        out
    }

    /// Whether this draft edits a saved entry.
    pub fn is_edit(&self) -> bool {
        self.edits
    }

    /// The entry this draft makes, saved at `now`. It keeps the draft's id and day; an edited
    /// entry keeps its creation time. Prompts left unanswered are not kept.
    pub fn finish(&self, now: DateTime<FixedOffset>) -> Entry {
        let mut entry = self.entry.clone();
        if !self.edits {
            entry.created_at = now;
        }
        entry.updated_at = now;
        entry.two_versions.clear();
        entry.responses.retain(|r| !r.answer.trim().is_empty());
        entry.episodes.retain(|e| !e.is_empty());
        entry.predictions.retain(|p| !p.fear.trim().is_empty());
        entry.debriefs.retain(|d| !d.is_empty());
        entry.thoughts.retain(|t| !t.is_empty());
        entry.cycle_words.retain(|w| !w.is_empty());
        entry.bids.retain(|b| !b.is_empty());
        entry.ladders.retain(|l| !l.is_empty());
        entry.week_reviews.retain(|r| !r.is_empty());
        entry
    }
}

/// A strategy planned in an earlier entry that has not been followed up yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    /// The strategy's id.
    pub strategy: Name,
    /// The day it was planned.
    pub planned_on: NaiveDate,
}

/// How far back planned strategies are followed up.
pub const FOLLOW_UP_DAYS: u64 = 14;

/// Strategies planned in entries of the [`FOLLOW_UP_DAYS`] days before `today` (not today:
/// a plan needs a day to be tried), leaving out `skip` (the entry being edited), with no later
/// entry saying whether they were tried. Newest plan first; each strategy once.
pub fn pending_follow_ups(
    entries: &[Entry],
    today: NaiveDate,
    skip: Option<&EntryId>,
) -> Vec<FollowUp> {
    let since = today
        .checked_sub_days(Days::new(FOLLOW_UP_DAYS))
        .unwrap_or(NaiveDate::MIN);
    let mut sorted: Vec<&Entry> = entries
        .iter()
        .filter(|e| Some(&e.id) != skip && e.date < today)
        .collect();
    sorted.sort_by_key(|e| (e.date, e.created_at));
    // Walk oldest to newest: a plan opens a follow-up, a later "tried" answer closes it.
    let mut open: Vec<FollowUp> = Vec::new();
    for e in sorted {
        for s in &e.strategies {
            if s.tried.is_some() {
                open.retain(|f| f.strategy != s.id);
            }
            if s.planned && s.tried.is_none() {
                open.retain(|f| f.strategy != s.id);
                open.push(FollowUp {
                    strategy: s.id.clone(),
                    planned_on: e.date,
                });
            }
        }
    }
    open.retain(|f| f.planned_on >= since);
    open.reverse();
    open
}

/// Plans the strategy `id` in `strategies` (`planned`), or takes the plan back.
pub fn set_planned(strategies: &mut ThinVec<StrategyUse>, id: &Name, planned: bool) {
    match strategies.iter().position(|s| s.id == *id && s.planned) {
        Some(pos) if !planned => {
            strategies.remove(pos);
        }
        None if planned => strategies.push(StrategyUse {
            id: id.clone(),
            planned: true,
            tried: None,
            helpfulness: None,
            extra: Default::default(),
        }),
        _ => {}
    }
}

/// Sets, in `strategies`, whether a followed-up strategy was tried and how helpful it was.
pub fn answer_follow_up(
    strategies: &mut ThinVec<StrategyUse>,
    id: &Name,
    tried: Option<bool>,
    helpfulness: Option<Helpfulness>,
) {
    match strategies.iter_mut().find(|s| &s.id == id) {
        Some(s) => {
            s.tried = tried;
            s.helpfulness = if tried == Some(true) {
                helpfulness
            } else {
                None
            };
        }
        None => strategies.push(StrategyUse {
            id: id.clone(),
            planned: false,
            tried,
            helpfulness: if tried == Some(true) {
                helpfulness
            } else {
                None
            },
            extra: Default::default(),
        }),
    }
    strategies.retain(|s| s.planned || s.tried.is_some());
}

#[cfg(test)]
mod tests;
