//! The journal on disk: one JSON file per local day, drafts, trash and state, all
//! written atomically, all carrying a `schema` version, never overwriting what cannot be read.
//!
//! ```text
//! <data>/entries/YYYY/YYYY-MM-DD.json   that day's entries
//! <data>/drafts/current.json            the check-in in progress
//! <data>/trash/<when>-<id>.json         deleted entries, kept for undo and recovery
//! <data>/state.json                     perspective, favourites, small UI state
//! <data>/.lock                          held by the one instance that may write
//! ```

pub mod atomic;
pub mod crypto;
pub mod envelope;
pub mod error;
#[doc(hidden)]
pub mod fault;
pub mod known;
pub mod layout;
pub mod lock;
pub mod problem;
pub mod scan;

mod journal_store;

pub mod backup;
pub mod bodies;
pub mod cache;
pub mod convert;
pub mod sync;

pub use error::{ReadOnlyReason, StoreError};
pub use journal_store::{
    Access, CopyMerged, NotSaved, Partial, Store, TrashItem, keep_conflict_copy, read_day_entries,
    read_preferences,
};
pub use layout::Layout;
pub use problem::{Problem, ProblemKind, Severity};
pub use scan::{Progress, Scan, check, load, load_indexed, load_newest, scan};

/// The highest schema version this build reads: 2 since episodes and predictions, 3 since a
/// moment's repair can hold both a strategy and the person's own words, 4 since an entry can
/// hold debriefs and thought checks, 5 since it can hold bids, time-outs and ladders, 6 since
/// an entry can be written later for an earlier day (`Entry::written_on`).
pub const SCHEMA: u32 = 6;

/// The schema version of files that hold nothing a closer before schema 2 would not know:
/// files are written with it unless they hold episodes or predictions, so an older closer
/// keeps reading (and writing) every other file, and leaves the newer ones alone.
pub const SCHEMA_PLAIN: u32 = 1;
