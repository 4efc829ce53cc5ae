//! closer: a calm terminal journal for noticing distance in a relationship.
//!
//! Layers (DESIGN §5): `journal` is pure data and logic; `content` is the bundled guidance;
//! `store` is the only code that touches the data folder; `tui` and `cli` sit on top.

pub mod cli;
pub mod config;
pub mod content;
pub mod files;
pub mod journal;
pub mod report;
pub mod store;
pub mod tui;
