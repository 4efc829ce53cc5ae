//! The journal's data and logic: entries, their validation, and figures derived from them.
//!
//! Pure: no files, no terminal, no clock. Time arrives as arguments.

pub mod book;
pub mod breaks;
pub mod day_words;
pub mod debrief;
pub mod draft;
pub mod entry;
pub mod episode;
pub mod error;
pub mod facts;
pub mod history;
pub mod insights;
pub mod ladders;
pub mod merge;
pub mod predictions;
pub mod preferences;
pub mod printable;
pub mod query;
pub mod scale;
pub mod streak;
pub mod transfer;
pub mod turning;
pub mod values;
pub mod vocabulary;
pub mod week;
pub mod week_review;

pub use book::{DayCounts, Journal};
pub use debrief::{CycleWords, Debrief, Texts, ThoughtCheck};
pub use entry::{
    Badness, Closeness, Entry, EntryId, Helpfulness, Intensity, Mood, Name, Outcome, Perspective,
    Rating, Response, StrategyUse, TriggerLog, TriggerRef,
};
pub use episode::{
    Ending, Episode, Likelihood, Prediction, PredictionOutcome, PredictionResult, Repair, StepOf,
};
pub use error::JournalError;
pub use facts::{Fact, facts};
pub use preferences::{
    Choice, MoodLabels, OwnWords, PerspectiveChoice, Preferences, RenameError, ThemeChoice,
    WeekStart,
};
pub use scale::{PerScale, Scale};
pub use turning::{Bid, BidKind, BreakOutcome, BreakSide, Ladder, Rung, TimeOut, Turn, WentBack};
pub use week::{WeekCard, WeekReview};

#[cfg(test)]
pub(crate) mod test_support;
