//! Entry fields in words, shared by the Markdown export and reports.

use crate::content::Catalog;
use crate::journal::printable::printable;
use crate::journal::{Outcome, StrategyUse, TriggerLog, TriggerRef};

/// `text` with control characters shown, not obeyed (see [`printable`]), as an owned string.
pub fn shown(text: &str) -> String {
    printable(text).into_owned()
}

/// A logged trigger in words: its label, "(your own)" for the person's own, the strength, and
/// the note written on it: `Feeling ignored, intensity 4/5: he was on his phone`.
pub fn trigger_line(t: &TriggerLog, catalog: &Catalog, with_note: bool) -> String {
    let mut s = catalog.trigger_label(&t.trigger);
    if matches!(t.trigger, TriggerRef::Custom(_)) {
        s.push_str(" (your own)");
    }
    if let Some(i) = t.intensity {
        s.push_str(&format!(", intensity {i}/5"));
    }
    if with_note && !t.note.is_empty() {
        s.push_str(&format!(": {}", t.note.trim_end()));
    }
    s
}

/// A strategy's title and what became of it: `Take it slow: tried, helpfulness 4/5`.
pub fn strategy_line(s: &StrategyUse, catalog: &Catalog) -> String {
    let title = catalog
        .strategy(s.id.as_str())
        .map_or(s.id.as_str(), |x| x.title.as_str());
    let what = match s.outcome() {
        Outcome::Tried(Some(h)) => format!("tried, helpfulness {h}/5"),
        Outcome::Tried(None) => "tried".to_owned(),
        Outcome::NotTried => "not tried".to_owned(),
        Outcome::Planned => "planned".to_owned(),
        Outcome::Mentioned => "mentioned".to_owned(),
    };
    format!("{title}: {what}")
}

/// A sign's label, or its id when the catalog does not know it.
pub fn sign_label<'a>(id: &'a str, catalog: &'a Catalog) -> &'a str {
    catalog.sign(id).map_or(id, |s| s.label.as_str())
}
