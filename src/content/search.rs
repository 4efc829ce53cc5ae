//! Search over the content's titles and text.

use super::{Catalog, fits};
use crate::journal::Perspective;

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
    /// A part of "Things to say and try" (its id: the part's, see [`TOOLKIT_PARTS`]).
    Toolkit,
    /// A card for a hard minute.
    Card,
}

/// The parts of "Things to say and try", as its page names them: id and heading.
pub const TOOLKIT_PARTS: [(&str, &str); 5] = [
    ("openers", "Ways to start"),
    ("repairs", "Ways to repair"),
    ("traps", "Thinking traps"),
    ("questions", "Questions to ask your partner"),
    ("rituals", "Small rituals of connection"),
];

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
/// come first; then strategies, triggers, prompts, signs, digests, the parts of "Things to say
/// and try" and the cards for a hard minute, each in file order. An empty query finds nothing.
pub fn search(catalog: &Catalog, query: &str) -> Vec<Hit> {
    search_for(catalog, query, None)
}

/// [`search`], with the parts of "Things to say and try" and the cards narrowed to what fits
/// `perspective` (`None`: both), as their pages show them.
pub fn search_for(catalog: &Catalog, query: &str, perspective: Option<Perspective>) -> Vec<Hit> {
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
    let k = &catalog.toolkit;
    let fit = |p: &[Perspective]| fits(p, perspective);
    let phrases = |list: &[super::Phrase]| -> Vec<String> {
        list.iter()
            .filter(|p| fit(&p.perspectives))
            .map(|p| p.text.clone())
            .collect()
    };
    let traps: Vec<String> = k
        .traps
        .iter()
        .filter(|t| fit(&t.perspectives))
        .flat_map(|t| [t.name.clone(), t.sounds_like.clone(), t.check.clone()])
        .collect();
    let rituals: Vec<String> = k
        .rituals
        .iter()
        .filter(|r| fit(&r.perspectives))
        .flat_map(|r| [r.name.clone(), r.text.clone()])
        .collect();
    let parts = [
        phrases(&k.openers),
        phrases(&k.repairs),
        traps,
        phrases(&k.questions),
        rituals,
    ];
    for ((id, heading), texts) in TOOLKIT_PARTS.iter().zip(&parts) {
        if texts.is_empty() {
            continue;
        }
        let mut body = vec!["Things to say and try"];
        body.extend(texts.iter().map(String::as_str));
        consider(ItemKind::Toolkit, id, heading, body);
    }
    for c in k.cards.iter().filter(|c| fit(&c.perspectives)) {
        let mut body = vec![c.intro.as_str(), c.instead.as_str(), c.safety.as_str()];
        body.extend(c.steps.iter().map(String::as_str));
        consider(ItemKind::Card, &c.id, &c.title, body);
    }
    hits.sort_by_key(|h| (!h.in_title, h.kind));
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 37, item 12: "Things to say and try" and the cards are searched too.
    #[test]
    fn the_toolkit_and_the_cards_are_searched() {
        let c = Catalog::bundled().unwrap();
        let kinds = |q: &str, p: Option<Perspective>| -> Vec<(ItemKind, String)> {
            search_for(&c, q, p)
                .into_iter()
                .map(|h| (h.kind, h.id))
                .collect()
        };
        assert!(kinds("repair", None).contains(&(ItemKind::Toolkit, "repairs".into())));
        assert!(kinds("sorry", None).contains(&(ItemKind::Toolkit, "repairs".into())));
        assert!(kinds("mind reading", None).contains(&(ItemKind::Toolkit, "traps".into())));
        let card = &c.toolkit.cards[0];
        assert!(kinds(&card.title, None).contains(&(ItemKind::Card, card.id.clone())));
        // A card for the other side is not found for one perspective.
        for p in [Perspective::IPullAway, Perspective::PartnerPullsAway] {
            for other in c
                .toolkit
                .cards
                .iter()
                .filter(|k| !fits(&k.perspectives, Some(p)))
            {
                assert!(
                    !kinds(&other.title, Some(p)).contains(&(ItemKind::Card, other.id.clone()))
                );
            }
        }
    }
}
