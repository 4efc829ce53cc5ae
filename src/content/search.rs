//! Search over the content's titles and text.

use super::Catalog;

/// What kind of item a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ItemKind {
    /// A strategy.
    Strategy,
    /// A trigger.
    Trigger,
    /// A prompt.
    Prompt,
    /// A sign.
    Sign,
    /// A digest (the hit may be in one of its sections).
    Digest,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// What it is.
    pub kind: ItemKind,
    /// Its id (for a digest, the digest's id).
    pub id: String,
    /// Its title, name or text, for listing.
    pub title: String,
    /// Whether every word was found in the title itself.
    pub in_title: bool,
}

pub use crate::journal::query::fold;

/// Items whose title and text contain every word of `query` (case-insensitive). Hits in titles
/// come first; then strategies, triggers, prompts, signs and digests, each in file order.
/// An empty query finds nothing.
pub fn search(catalog: &Catalog, query: &str) -> Vec<Hit> {
    let words: Vec<String> = fold(query).split_whitespace().map(str::to_owned).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    let mut consider = |kind: ItemKind, id: &str, title: &str, body: Vec<&str>| {
        let title_folded = fold(title);
        let in_title = words.iter().all(|w| title_folded.contains(w.as_str()));
        let all = if in_title {
            true
        } else {
            let text = fold(&body.join("\n"));
            words
                .iter()
                .all(|w| title_folded.contains(w.as_str()) || text.contains(w.as_str()))
        };
        if all {
            hits.push(Hit {
                kind,
                id: id.to_owned(),
                title: title.to_owned(),
                in_title,
            });
        }
    };
    for s in &catalog.strategies {
        let mut body = vec![s.why.as_str(), s.try_today.as_str(), s.category.label()];
        body.extend(s.steps.iter().map(String::as_str));
        consider(ItemKind::Strategy, &s.id, &s.title, body);
    }
    for t in &catalog.triggers {
        let mut body = vec![t.summary.as_str()];
        body.extend(t.aspects.iter().map(String::as_str));
        body.extend(t.looks_like.iter().map(String::as_str));
        consider(ItemKind::Trigger, &t.id, &t.name, body);
    }
    for p in &catalog.prompts {
        consider(ItemKind::Prompt, &p.id, &p.text, vec![p.idea.as_str()]);
    }
    for s in &catalog.signs {
        consider(ItemKind::Sign, &s.id, &s.label, Vec::new());
    }
    for d in &catalog.digests {
        let mut body = vec![d.summary.as_str()];
        for s in &d.sections {
            body.push(&s.heading);
            body.push(&s.body);
        }
        for f in &d.faqs {
            body.push(&f.question);
            body.push(&f.answer);
        }
        consider(ItemKind::Digest, &d.id, &d.title, body);
    }
    hits.sort_by_key(|h| (!h.in_title, h.kind));
    hits
}
