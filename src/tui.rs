//! The terminal interface: state, messages, update, view, and the loop that runs them.
//!
//! Only `event_loop` and `terminal` talk to the terminal and the store; screens are plain
//! state + update + view, testable on ratatui's `TestBackend`.

pub mod app;
pub mod keymap;
pub mod screens;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod widgets;

mod event_loop;

pub use event_loop::{Options, Start, run};

#[cfg(test)]
pub(crate) mod test_support;

#[cfg(test)]
mod snapshot_tests;
