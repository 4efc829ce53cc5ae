//! The terminal interface: a stack of screens over a shared session, and the loop that runs
//! them. See `src/tui/README.md` for the contract and how a key press becomes a saved file.
//!
//! Only `event_loop` and `terminal` talk to the terminal and the store; screens are plain
//! state + update + view, testable on ratatui's `TestBackend`.

pub mod app;
pub mod effect;
pub mod keys;
pub mod screen;
pub mod screens;
pub mod session;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod widgets;

mod clock;
pub(crate) mod editor;
mod event_loop;
mod signals;

pub use editor::runtime_dir;
pub use event_loop::{Options, Start, run};

#[cfg(test)]
pub(crate) mod test_support;

#[cfg(test)]
mod snapshot_tests;
