//! The guide's pages of things to say and try: "Things to say and try" itself (openers,
//! repairs by purpose, thinking traps, the question bank by tier, the checklist before a hard
//! talk, the "state of us" and rituals), the Learn card "Bids for connection" and the cards for
//! a hard minute. They are laid out with the parent's `Builder`, and after a Safety trigger
//! they leave out every line that starts a talk. Re-exported from the parent `pages`.

use crate::content::{Phrase, Purpose, Tier};
use crate::journal::Perspective;

use super::{Builder, Data, Laid, Link};

/// Things to say and try, for the person's perspective: openers, repairs by purpose,
/// thinking traps with a way to check each, the question bank by tier, the checklist before a
/// hard talk, the weekly "state of us", rituals, and links to the bids card and the cards for a
/// hard minute. Lines that start a talk (`safe_only`) come under a pointer to the safety page;
/// after a Safety trigger ([`Data::safety`]) they are not shown at all, nor the checklist, the
/// "state of us" or the rituals, and one calm pointer to the safety page stands in their place.
pub fn toolkit(data: &Data<'_>) -> Laid {
    let k = &data.catalog.toolkit;
    let t = &data.catalog.turning;
    let fit = |p: &[Perspective]| crate::content::fits(p, data.perspective);
    let mut b = Builder::new(data);
    b.heading("Things to say and try");
    b.muted("In our words, drawing on the four articles. Say them your own way.");
    b.link(Link::Bids, &t.bids.title);
    if data.safety {
        b.blank();
        b.warning(
            "For now, your safety comes first",
            "Safety came up in your journal lately, so lines that start a talk with your \
             partner are left out for now. Read this first:",
        );
        b.safety_link();
    } else {
        phrases(
            &mut b,
            "Ways to start",
            "A first line for talking about the distance.",
            &k.openers,
        );
        repairs(&mut b);
    }
    let traps: Vec<_> = k.traps.iter().filter(|t| fit(&t.perspectives)).collect();
    if !traps.is_empty() {
        b.blank();
        b.heading("Thinking traps");
        b.muted("Thoughts that feed distance, and a way to check each.");
        for t in traps {
            b.blank();
            b.subheading(&t.name);
            b.prose(&format!("Sounds like: {}", t.sounds_like), "    ");
            b.prose(&format!("Check: {}", t.check), "    ");
        }
    }
    questions(&mut b);
    if !data.safety {
        b.blank();
        b.heading(&t.hard_talk.title);
        b.prose(&t.hard_talk.intro, "");
        b.checklist(&t.hard_talk.items);
        b.blank();
        b.heading(&t.state_of_us.title);
        b.prose(&t.state_of_us.intro, "");
        b.script(&t.state_of_us.steps);
        let rituals: Vec<_> = k.rituals.iter().filter(|r| fit(&r.perspectives)).collect();
        if !rituals.is_empty() {
            b.blank();
            b.heading("Small rituals of connection");
            for r in rituals {
                b.prose(&format!("- {}: {}", r.name, r.text), "  ");
            }
        }
    }
    b.blank();
    for card in cards_for(data) {
        b.link(Link::Card(card.id.clone()), &card.title);
    }
    b.laid
}

/// The pointer over lines that start a talk: for a relationship that is safe.
fn safe_only_warning(b: &mut Builder<'_>) {
    b.warning(
        "For a relationship that is safe",
        "If your partner scares or controls you, these can raise the risk. Read this first:",
    );
    b.safety_link();
}

/// A section of lines to say that fit the person's perspective, with the pointer to the safety
/// page over them when any starts a talk; nothing when none fits. After a Safety trigger the
/// caller leaves it out (and no `safe_only` line would be shown here anyway).
fn phrases(b: &mut Builder<'_>, heading: &str, about: &str, list: &[Phrase]) {
    let (perspective, safety) = (b.data.perspective, b.data.safety);
    let shown: Vec<_> = list
        .iter()
        .filter(|p| crate::content::fits(&p.perspectives, perspective) && !(safety && p.safe_only))
        .collect();
    if shown.is_empty() {
        return;
    }
    b.blank();
    b.heading(heading);
    b.muted(about);
    if shown.iter().any(|p| p.safe_only) {
        safe_only_warning(b);
    }
    for p in shown {
        b.prose(&format!("- {}", p.text), "  ");
    }
}

/// Repair phrases under a sub-heading for each purpose ("I need to pause"…), with the pointer
/// to the safety page. After a Safety trigger the caller leaves it out (and no `safe_only`
/// repair would be shown here anyway).
fn repairs(b: &mut Builder<'_>) {
    let k = &b.data.catalog.toolkit;
    let safety = b.data.safety;
    let groups: Vec<(Purpose, Vec<&Phrase>)> = Purpose::ALL
        .iter()
        .map(|&p| {
            let list = k.repairs_for(p, b.data.perspective);
            (
                p,
                list.into_iter()
                    .filter(|r| !(safety && r.safe_only))
                    .collect(),
            )
        })
        .filter(|(_, list): &(Purpose, Vec<&Phrase>)| !list.is_empty())
        .collect();
    if groups.is_empty() {
        return;
    }
    b.blank();
    b.heading("Ways to repair");
    b.muted("For after a talk went badly, or after you pulled back.");
    if groups.iter().flat_map(|(_, l)| l).any(|p| p.safe_only) {
        safe_only_warning(b);
    }
    for (purpose, list) in groups {
        b.blank();
        b.subheading(purpose.label());
        for p in list {
            b.prose(&format!("- {}", p.text), "    ");
        }
    }
}

/// The question bank, tier by tier, each with its note. The pointer to the safety page comes
/// before the first tier that is only for a safe relationship; after a Safety trigger none is
/// shown, not even an everyday one: each of them starts a talk with the partner.
fn questions(b: &mut Builder<'_>) {
    let k = &b.data.catalog.toolkit;
    let safety = b.data.safety;
    if safety {
        return;
    }
    let tiers: Vec<(Tier, Vec<&Phrase>)> = Tier::ALL
        .iter()
        .map(|&t| {
            let list: Vec<&Phrase> = k
                .questions_in(t, b.data.perspective)
                .into_iter()
                .filter(|q| !(safety && q.safe_only))
                .collect();
            (t, list)
        })
        .filter(|(_, list)| !list.is_empty())
        .collect();
    if tiers.is_empty() {
        return;
    }
    b.blank();
    b.heading("Questions to ask your partner");
    b.muted("To open a door, not to test them. Start light.");
    let mut warned = false;
    for (tier, list) in tiers {
        if !warned && list.iter().any(|q| q.safe_only) {
            b.blank();
            safe_only_warning(b);
            warned = true;
        }
        b.blank();
        b.subheading(tier.label());
        b.note(tier.note());
        for q in list {
            b.prose(&format!("- {}", q.text), "    ");
        }
    }
}

/// The Learn card "Bids for connection": what a bid is, turning toward, away and against,
/// everyday examples for the person's perspective (all, for both), and its sources. After a
/// Safety trigger, a pointer to the safety page comes first.
pub fn bids(data: &Data<'_>) -> Laid {
    let w = &data.catalog.turning.bids;
    let mut b = Builder::new(data);
    b.heading(&w.title);
    if data.safety {
        b.blank();
        b.warning(
            "If you are afraid of your partner",
            "Turning toward is for a relationship where you feel safe. Your safety comes \
             first. Read this:",
        );
        b.safety_link();
    }
    b.blank();
    b.prose(&w.intro, "");
    b.blank();
    b.heading("Three ways to answer a bid");
    for line in [&w.toward, &w.away, &w.against] {
        b.prose(&format!("- {line}"), "  ");
    }
    let examples = w.examples_for(data.perspective);
    if !examples.is_empty() {
        b.blank();
        b.heading("Everyday bids");
        for e in examples {
            b.prose(&format!("- {e}"), "  ");
        }
    }
    b.blank();
    b.link(Link::Toolkit, "Things to say and try");
    b.blank();
    b.sources(&w.sources);
    b.laid
}

/// The cards for a hard minute that fit the person's perspective (both, for both).
pub(super) fn cards_for<'a>(data: &Data<'a>) -> impl Iterator<Item = &'a crate::content::Card> {
    let perspective = data.perspective;
    data.catalog
        .toolkit
        .cards
        .iter()
        .filter(move |c| crate::content::fits(&c.perspectives, perspective))
}

/// A card for a hard minute ("I want to pull away right now", "They've gone quiet and I'm
/// spiralling"): a minute of grounding, one small step instead, and when fear of a partner
/// changes everything. For someone who sees both sides, a link to the other card comes first.
pub fn card(data: &Data<'_>, id: &str) -> Laid {
    let mut b = Builder::new(data);
    let Some(card) = data.catalog.toolkit.card(id) else {
        b.muted("This card is not in this version of closer.");
        return b.laid;
    };
    b.heading(&card.title);
    for other in cards_for(data).filter(|c| c.id != card.id) {
        b.link(
            Link::Card(other.id.clone()),
            &format!("Or: {}", other.title),
        );
    }
    b.blank();
    b.prose(&card.intro, "");
    b.blank();
    b.heading("Take a minute");
    b.numbered(&card.steps);
    b.blank();
    b.heading("One small step instead");
    b.prose(&card.instead, "  ");
    // A break with a time to come back scripts a return to the talk: not after a Safety
    // trigger, when space from a partner one fears needs no promise.
    if !data.safety {
        let words = &data.catalog.turning.time_out;
        b.prose(&words.intro, "  ");
        // The card of the one who waits offers the other half of a break.
        let waits = !card.perspectives.contains(&Perspective::IPullAway);
        let label = if waits {
            words.their_intro.as_str()
        } else {
            "Take a break, with a time to come back"
        };
        b.link(Link::TimeOut, label);
    }
    b.blank();
    b.warning("If you are afraid", &card.safety);
    b.safety_link();
    b.link(Link::Toolkit, "Things to say and try");
    b.blank();
    b.sources(&card.sources);
    b.laid
}
