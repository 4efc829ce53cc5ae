//! closer: a calm terminal journal for noticing distance in a relationship.
//!
//! Layers: `journal` is pure data and logic; `content` is the bundled guidance; `store` is the
//! only code that touches the data folder; `report`, `tui` and `cli` sit on top. The layers,
//! the rules the tests enforce and the recipes for common changes are in `ARCHITECTURE.md`;
//! the terminal interface's contract in `src/tui/README.md`.

// No production function over 100 lines (clippy.toml sets the threshold); tests may be longer.
#![warn(clippy::too_many_lines)]
#![cfg_attr(test, allow(clippy::too_many_lines))]

pub mod cli;
pub mod clock;
pub mod config;
pub mod content;
pub mod files;
pub mod journal;
pub mod report;
pub mod store;
pub mod toml_text;
pub mod tui;
