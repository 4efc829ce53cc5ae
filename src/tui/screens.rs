//! One module per screen, each with its state, its update and its view.

pub mod checkin;
pub mod first_run;
pub mod guide;
pub mod help;
pub mod home;
pub mod insights;
pub mod review;
pub mod settings;
pub mod support;

use ratatui_textarea::Input;

use super::keymap::Action;

/// A message for a screen with text fields: a bound key, a key to type, or pasted text.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// A bound key.
    Action(Action),
    /// A key for a text field.
    Input(Input),
    /// Pasted text.
    Paste(String),
}
