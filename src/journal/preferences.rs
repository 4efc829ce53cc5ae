//! What the person chose and what the app remembers between runs (kept in `state.json`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Perspective;

/// Choices and small memories that outlive a session.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Preferences {
    /// The perspective chosen at first run; `None` until then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub perspective: Option<Perspective>,
    /// Favourite strategy ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub favourites: Vec<String>,
    /// Strategies to offer first in the next check-in ("plan it for my next check-in").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub planned_next: Vec<String>,
    /// Custom trigger names used before, offered again in later check-ins.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_triggers: Vec<String>,
    /// Fields this version does not know, kept as they were.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

impl Preferences {
    /// Whether the first-run questions still need asking.
    pub fn is_first_run(&self) -> bool {
        self.perspective.is_none()
    }
}
