//! The rules "Things to say and try" keeps (`content/toolkit.toml`): each opener, repair, trap,
//! question, ritual and card has an id, perspectives, sources and short enough lines; ids are
//! unique; a card has 3 to 6 grounding steps; and the question bank and the repairs are grouped
//! as the pages show them (a tier for every question, a purpose for every repair, deeper and
//! deep questions `safe_only`, enough of each for each perspective). Re-exported from
//! [`crate::content::validate`].

use crate::content::Catalog;
use crate::content::model::{Phrase, Purpose, Source, Tier};
use crate::journal::Perspective;

use super::{Finding, PROMPT_LINES, PROMPT_WIDTH, checker, duplicates, wrapped_lines};

/// How many questions the question bank holds, at least and at most.
pub const QUESTIONS: std::ops::RangeInclusive<usize> = 30..=40;
/// Questions each tier needs for each perspective.
pub const QUESTIONS_PER_TIER: usize = 8;
/// Repairs each purpose needs for each perspective.
pub const REPAIRS_PER_PURPOSE: usize = 3;

/// The rules the toolkit breaks: each item's id, perspectives, sources and text (a line to
/// say fits in three 76-column lines), unique ids, and a card of 3 to 6 grounding steps.
pub fn check_toolkit(catalog: &Catalog) -> Vec<Finding> {
    let k = &catalog.toolkit;
    let mut f = Vec::new();
    let mut item = |id: &str, perspectives: &[Perspective], sources: &[Source], texts: &[&str]| {
        let mut c = checker(catalog, "toolkit", id);
        c.common(perspectives, sources);
        for t in texts {
            c.text("text", t);
            if wrapped_lines(t, PROMPT_WIDTH) > PROMPT_LINES {
                c.fail(format!(
                    "\"{t}\" takes more than {PROMPT_LINES} lines at {PROMPT_WIDTH} columns"
                ));
            }
        }
        f.extend(c.findings);
    };
    for p in k.openers.iter().chain(&k.repairs).chain(&k.questions) {
        item(&p.id, &p.perspectives, &p.sources, &[&p.text]);
    }
    for t in &k.traps {
        item(
            &t.id,
            &t.perspectives,
            &t.sources,
            &[&t.name, &t.sounds_like, &t.check],
        );
    }
    for r in &k.rituals {
        item(&r.id, &r.perspectives, &r.sources, &[&r.name, &r.text]);
    }
    for card in &k.cards {
        let mut texts: Vec<&str> = vec![&card.title, &card.intro, &card.instead, &card.safety];
        texts.extend(card.steps.iter().map(String::as_str));
        item(&card.id, &card.perspectives, &card.sources, &texts);
    }
    for card in &k.cards {
        if !(3..=6).contains(&card.steps.len()) {
            f.push(Finding {
                kind: "toolkit",
                id: card.id.clone(),
                message: format!("the card has {} steps; give 3 to 6", card.steps.len()),
            });
        }
    }
    for p in Perspective::ALL {
        if !k.cards.iter().any(|c| c.perspectives == [p]) {
            f.push(Finding {
                kind: "toolkit",
                id: "card".to_owned(),
                message: format!("no card of its own for the perspective {p}"),
            });
        }
    }
    f.extend(check_phrase_groups(catalog));
    let ids = k
        .openers
        .iter()
        .chain(&k.repairs)
        .chain(&k.questions)
        .map(|p| p.id.as_str())
        .chain(k.traps.iter().map(|t| t.id.as_str()))
        .chain(k.rituals.iter().map(|r| r.id.as_str()))
        .chain(k.cards.iter().map(|c| c.id.as_str()));
    f.extend(duplicates("toolkit", ids));
    f
}

/// The rules of the toolkit's groups: every repair has a purpose and every question a tier
/// (and nothing else has either); a `light` question is everyday curiosity, never `safe_only`,
/// and a `deeper` or `deep` one always is; [`QUESTIONS`] questions, at least
/// [`QUESTIONS_PER_TIER`] of each tier and [`REPAIRS_PER_PURPOSE`] repairs for each purpose,
/// for each perspective.
fn check_phrase_groups(catalog: &Catalog) -> Vec<Finding> {
    let k = &catalog.toolkit;
    let mut f = Vec::new();
    let mut fail = |id: &str, message: String| {
        f.push(Finding {
            kind: "toolkit",
            id: id.to_owned(),
            message,
        })
    };
    let groups: [(&str, &[Phrase], bool, bool); 3] = [
        ("an opener", &k.openers, false, false),
        ("a repair", &k.repairs, false, true),
        ("a question", &k.questions, true, false),
    ];
    for (kind, list, tiered, purposed) in groups {
        for p in list {
            match (p.tier, tiered) {
                (None, true) => fail(&p.id, format!("{kind} needs a tier: light, deeper or deep")),
                (Some(_), false) => fail(&p.id, format!("{kind} has no tier; only questions do")),
                (Some(tier), true) if tier.safe_only() != p.safe_only => fail(
                    &p.id,
                    if p.safe_only {
                        "a light question is everyday curiosity: it is not safe_only".to_owned()
                    } else {
                        format!(
                            "a {} question must be safe_only",
                            tier.label().to_lowercase()
                        )
                    },
                ),
                _ => {}
            }
            match (p.purpose, purposed) {
                (None, true) => fail(
                    &p.id,
                    format!(
                        "{kind} needs a purpose: pause, see-your-point, try-again or appreciate"
                    ),
                ),
                (Some(_), false) => fail(&p.id, format!("{kind} has no purpose; only repairs do")),
                _ => {}
            }
        }
    }
    let n = k.questions.len();
    if !QUESTIONS.contains(&n) {
        fail(
            "question",
            format!(
                "there are {n} questions; give {} to {}",
                QUESTIONS.start(),
                QUESTIONS.end()
            ),
        );
    }
    for p in Perspective::ALL {
        for &tier in Tier::ALL {
            let n = k.questions_in(tier, Some(p)).len();
            if n < QUESTIONS_PER_TIER {
                fail(
                    "question",
                    format!(
                        "{n} {} questions for \"{}\"; give at least {QUESTIONS_PER_TIER}",
                        tier.label().to_lowercase(),
                        p.id()
                    ),
                );
            }
        }
        for &purpose in Purpose::ALL {
            let n = k.repairs_for(purpose, Some(p)).len();
            if n < REPAIRS_PER_PURPOSE {
                fail(
                    "repair",
                    format!(
                        "{n} repairs for \"{}\" for \"{}\"; give at least {REPAIRS_PER_PURPOSE}",
                        purpose.label(),
                        p.id()
                    ),
                );
            }
        }
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::validate::tests::catches;

    fn question<'a>(c: &'a mut Catalog, id: &str) -> &'a mut Phrase {
        c.toolkit.questions.iter_mut().find(|q| q.id == id).unwrap()
    }

    #[test]
    fn tiers_and_purposes_are_where_they_belong_and_deep_questions_are_safe_only() {
        catches(
            |c| {
                question(c, "ask-best-part-of-day").tier = None;
                question(c, "ask-felt-closest").safe_only = false;
                question(c, "ask-made-you-laugh").safe_only = true;
                question(c, "ask-small-win").purpose = Some(Purpose::Pause);
                c.toolkit.openers[0].tier = Some(Tier::Light);
                c.toolkit.repairs[0].purpose = None;
                c.toolkit.repairs[1].tier = Some(Tier::Deep);
            },
            &[
                "toolkit ask-best-part-of-day: a question needs a tier",
                "toolkit ask-felt-closest: a deep question must be safe_only",
                "toolkit ask-made-you-laugh: a light question is everyday curiosity",
                "toolkit ask-small-win: a question has no purpose",
                "an opener has no tier",
                "a repair needs a purpose",
                "a repair has no tier",
            ],
        );
    }

    #[test]
    fn too_few_questions_in_a_tier_or_repairs_for_a_purpose_are_found() {
        catches(
            |c| {
                c.toolkit.questions.retain(|q| q.tier != Some(Tier::Deeper));
                c.toolkit
                    .repairs
                    .retain(|r| r.purpose != Some(Purpose::Pause));
            },
            &[
                "0 deeper questions for \"i-pull-away\"; give at least 8",
                "0 deeper questions for \"partner-pulls-away\"",
                "questions; give 30 to 40",
                "0 repairs for \"I need to pause\" for \"i-pull-away\"",
            ],
        );
        catches(
            |c| {
                let more = c.toolkit.questions.clone();
                c.toolkit.questions.extend(more.into_iter().map(|mut q| {
                    q.id.push_str("-again");
                    q
                }));
            },
            &["questions; give 30 to 40"],
        );
    }
}
