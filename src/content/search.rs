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
    /// The Learn card "Bids for connection" (its id: "bids").
    Bids,
}

/// The parts of "Things to say and try", as its page names them: id and heading. The page's
/// checklist before a hard talk ("hard-talk") and "state of us" ("state-of-us") are found too,
/// under their titles in `content/turning.toml`.
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
/// and try", the cards for a hard minute and the bids card, each in file order. An empty query
/// finds nothing.
pub fn search(catalog: &Catalog, query: &str) -> Vec<Hit> {
    search_for(catalog, query, None)
}

/// [`search`], with the parts of "Things to say and try", the cards and the bids card's
/// examples narrowed to what fits `perspective` (`None`: both), as their pages show them.
pub fn search_for(catalog: &Catalog, query: &str, perspective: Option<Perspective>) -> Vec<Hit> {
    search_shown(catalog, query, perspective, false)
}

/// [`search_for`], and when `safety` is true (a Safety trigger was logged lately) only what
/// "Things to say and try" shows then: no line that starts a talk (`safe_only`), no checklist
/// before a hard talk, no "state of us", no rituals.
pub fn search_shown(
    catalog: &Catalog,
    query: &str,
    perspective: Option<Perspective>,
    safety: bool,
) -> Vec<Hit> {
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
    for part in shown_parts(catalog, perspective, safety) {
        let body = part.body.iter().map(String::as_str).collect();
        consider(part.kind, &part.id, &part.title, body);
    }
    hits.sort_by_key(|h| (!h.in_title, h.kind));
    hits
}

/// A page, or a part of "Things to say and try", as search sees it.
struct Part {
    kind: ItemKind,
    id: String,
    title: String,
    body: Vec<String>,
}

/// The parts of "Things to say and try", the cards for a hard minute and the bids card, with
/// what their pages show for `perspective`, and after a Safety trigger (`safety`).
fn shown_parts(catalog: &Catalog, perspective: Option<Perspective>, safety: bool) -> Vec<Part> {
    let k = &catalog.toolkit;
    let t = &catalog.turning;
    let fit = |p: &[Perspective]| fits(p, perspective);
    let phrases = |list: &[super::Phrase]| -> Vec<String> {
        let shown: Vec<&super::Phrase> = list
            .iter()
            // After a Safety trigger no line to say to the partner is shown, not even an
            // everyday question: each of them starts a talk.
            .filter(|p| fit(&p.perspectives) && !safety)
            .collect();
        let mut texts: Vec<String> = shown.iter().map(|p| p.text.clone()).collect();
        // The sub-headings they are shown under: a purpose, a tier.
        for p in &shown {
            let label = p.purpose.map(|x| x.label()).or(p.tier.map(|t| t.label()));
            if let Some(label) = label
                && !texts.iter().any(|t| t == label)
            {
                texts.push(label.to_owned());
            }
        }
        texts
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
        .filter(|r| fit(&r.perspectives) && !safety)
        .flat_map(|r| [r.name.clone(), r.text.clone()])
        .collect();
    let texts = [
        phrases(&k.openers),
        phrases(&k.repairs),
        traps,
        phrases(&k.questions),
        rituals,
    ];
    let part = |kind, id: &str, title: &str, body: Vec<String>| Part {
        kind,
        id: id.to_owned(),
        title: title.to_owned(),
        body,
    };
    let page = "Things to say and try".to_owned();
    let mut parts: Vec<Part> = TOOLKIT_PARTS
        .iter()
        .zip(texts)
        .filter(|(_, texts)| !texts.is_empty())
        .map(|((id, heading), texts)| {
            let body = std::iter::once(page.clone()).chain(texts).collect();
            part(ItemKind::Toolkit, id, heading, body)
        })
        .collect();
    if !safety {
        let h = &t.hard_talk;
        let body = [page.clone(), h.intro.clone()]
            .into_iter()
            .chain(h.items.iter().cloned())
            .collect();
        parts.push(part(ItemKind::Toolkit, "hard-talk", &h.title, body));
        let s = &t.state_of_us;
        let body = [page, s.intro.clone()]
            .into_iter()
            .chain(
                s.steps
                    .iter()
                    .flat_map(|x| [x.heading.clone(), x.prompt.clone()]),
            )
            .collect();
        parts.push(part(ItemKind::Toolkit, "state-of-us", &s.title, body));
    }
    for c in k.cards.iter().filter(|c| fit(&c.perspectives)) {
        let body = [&c.intro, &c.instead, &c.safety]
            .into_iter()
            .chain(&c.steps)
            .cloned()
            .collect();
        parts.push(part(ItemKind::Card, &c.id, &c.title, body));
    }
    let w = &t.bids;
    let body = [&w.intro, &w.toward, &w.away, &w.against]
        .into_iter()
        .cloned()
        .chain(w.examples_for(perspective).into_iter().map(str::to_owned))
        .collect();
    parts.push(part(ItemKind::Bids, "bids", &w.title, body));
    parts
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
        assert!(kinds("pause", None).contains(&(ItemKind::Toolkit, "repairs".into())));
        assert!(kinds("deeper", None).contains(&(ItemKind::Toolkit, "questions".into())));
        assert!(kinds("hard talk", None).contains(&(ItemKind::Toolkit, "hard-talk".into())));
        assert!(kinds("state of us", None).contains(&(ItemKind::Toolkit, "state-of-us".into())));
        for q in ["bid", "turn toward", "bids for connection"] {
            assert!(
                kinds(q, None).contains(&(ItemKind::Bids, "bids".into())),
                "{q}"
            );
        }
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

    /// After a Safety trigger, search finds only what "Things to say and try" shows then.
    #[test]
    fn after_a_safety_trigger_search_finds_no_line_that_starts_a_talk() {
        let c = Catalog::bundled().unwrap();
        let parts = |q: &str, safety: bool| -> Vec<String> {
            search_shown(&c, q, None, safety)
                .into_iter()
                .filter(|h| h.kind == ItemKind::Toolkit)
                .map(|h| h.id)
                .collect()
        };
        for (q, part) in [
            ("sorry", "repairs"),
            ("hard talk", "hard-talk"),
            ("state of us", "state-of-us"),
            ("hellos", "rituals"),
            ("closest", "questions"),
        ] {
            assert!(parts(q, false).contains(&part.to_owned()), "{q}");
            assert!(!parts(q, true).contains(&part.to_owned()), "{q}");
        }
        // Not even an everyday question: each starts a talk with the partner.
        assert!(parts("laugh", false).contains(&"questions".to_owned()));
        assert!(!parts("laugh", true).contains(&"questions".to_owned()));
    }
}
