//! Typed errors for values that fail validation.

use thiserror::Error;

/// A value that does not fit the journal's model.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum JournalError {
    /// A 1–5 scale got a value outside 1–5.
    #[error("{what} must be between 1 and 5, not {value}")]
    OutOfRange { what: &'static str, value: i64 },
    /// An identifier or a required name was empty.
    #[error("{what} must not be empty")]
    Empty { what: &'static str },
}
