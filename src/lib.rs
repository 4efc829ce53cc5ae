//! closer: a calm terminal journal for noticing distance in a relationship.
//!
//! Layers: `journal` is pure data and logic; `content` is the bundled guidance; `store` is the
//! only code that touches the data folder; `tui` and `cli` sit on top (`tests/architecture.rs`
//! holds them to it). `ARCHITECTURE.md` at the root of the repository describes the layers, how
//! a key press becomes a saved file, and the recipes for adding to closer; `README.md` is the
//! guide for people who use it, and `src/tui/README.md` describes the terminal interface's
//! screen contract.

pub mod cli;
pub mod config;
pub mod content;
pub mod files;
pub mod journal;
pub mod report;
pub mod store;
pub mod tui;
