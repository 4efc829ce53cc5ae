//! Rules every content item keeps, checked over the bundled set by the tests and over the
//! person's own items when they are loaded. The rules of "Things to say and try" are in
//! `toolkit` and those of the content for turning toward in `turning`, re-exported here.

use std::collections::HashSet;

use crate::journal::Perspective;

use super::model::{Digest, Picked, Prompt, PromptKind, Sign, Source, Strategy, Trigger, Urge};
use super::{Catalog, fits};

mod toolkit;
mod turning;

pub use toolkit::{QUESTIONS, QUESTIONS_PER_TIER, REPAIRS_PER_PURPOSE, check_toolkit};
pub use turning::{
    BID_EXAMPLES, HARD_TALK_ITEMS, LADDER_STEPS, LADDERS_PER_PERSPECTIVE, STATE_OF_US_STEPS, TIME,
    TIME_OUT_IDEAS, TIME_OUT_SCRIPTS, check_turning,
};

/// The width prompts are laid out at.
pub const PROMPT_WIDTH: usize = 76;
/// The most lines a prompt may take at [`PROMPT_WIDTH`].
pub const PROMPT_LINES: usize = 3;
/// The most lines a strategy's caveat may take at [`PROMPT_WIDTH`].
pub const CAVEAT_LINES: usize = 2;
/// Prompts each trigger needs for each perspective it fits, so the check-in can ask
/// something different on following days.
pub const PROMPTS_PER_PERSPECTIVE: usize = 5;
/// The Learn page about safety: linked from the trigger about control, anger or fear, from every
/// caveat, and from Support.
pub const SAFETY_PAGE: &str = "when-distance-is-about-safety";
/// The trigger "I'm afraid of my partner" (their distance feels like punishment), which links
/// to [`SAFETY_PAGE`]. Its id is the one the former "Control, anger or fear" had: the person
/// who logged that was most often the frightened one, so old entries read as this one.
pub const SAFETY_TRIGGER: &str = "control-or-fear";
/// The trigger "My own anger or need to control", for a person worried about how they treat
/// a partner.
pub const OWN_CONTROL_TRIGGER: &str = "own-anger-or-control";
/// The strategy offered first in a check-in that logs each trigger of the Safety group, in
/// this order: reaching a service safely for fear of a partner (so it leads whenever that
/// trigger is logged), a service for people who want to stop hurting a partner for the other.
pub const SAFETY_LEADS: &[(&str, &str)] = &[
    (SAFETY_TRIGGER, "reach-out-safely"),
    (OWN_CONTROL_TRIGGER, "cool-down-and-own-it"),
];

/// Strategies that can raise the risk with a controlling or frightening partner, and so must
/// carry a caveat: couples counselling, announcing boundaries, calm and direct
/// conversations (naming needs, "I" statements, explaining, sharing what you carry, talking
/// about priorities), meeting halfway, accepting a "not now", checking the story, and the
/// plans to stop retreating. Domestic-abuse services advise against joint counselling and
/// against announcing consequences without a plan where there is abuse.
pub const CAVEAT_REQUIRED: &[&str] = &[
    "try-couples-counselling",
    "set-clear-boundaries",
    "calm-direct-conversation",
    "open-honest-talk",
    "name-your-needs",
    "use-i-statements",
    "explain-your-hesitation",
    "talk-about-priorities",
    "share-what-you-carry",
    "meet-halfway",
    "respect-space-keep-door-open",
    "ease-off-pressure",
    "check-the-story",
    "name-your-triggers",
    "calm-the-moment",
    "small-vulnerable-steps",
    "take-it-slow",
    "trace-the-roots",
];

/// A rule broken by one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// "trigger", "sign", "strategy", "prompt", "digest", "toolkit", "episodes" or
    /// "turning".
    pub kind: &'static str,
    /// The item's id.
    pub id: String,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: {}", self.kind, self.id, self.message)
    }
}

/// How many lines `text` takes when wrapped at `width` columns, word by word.
pub fn wrapped_lines(text: &str, width: usize) -> usize {
    let mut lines = 0;
    for paragraph in text.split('\n') {
        let mut used = 0;
        lines += 1;
        for word in paragraph.split_whitespace() {
            let len = word.chars().count();
            if used == 0 {
                used = len;
            } else if used + 1 + len <= width {
                used += 1 + len;
            } else {
                lines += 1;
                used = len;
            }
            while used > width {
                lines += 1;
                used -= width;
            }
        }
    }
    lines
}

fn is_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

struct Checker<'a> {
    catalog: &'a Catalog,
    findings: Vec<Finding>,
    kind: &'static str,
    id: String,
}

impl Checker<'_> {
    fn fail(&mut self, message: impl Into<String>) {
        self.findings.push(Finding {
            kind: self.kind,
            id: self.id.clone(),
            message: message.into(),
        });
    }

    fn text(&mut self, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.fail(format!("{field} is empty"));
        }
    }

    fn texts(&mut self, field: &str, values: &[String]) {
        for v in values {
            self.text(field, v);
        }
    }

    /// A text that is not empty and fits in `lines` lines at [`PROMPT_WIDTH`] columns.
    fn lines(&mut self, field: &str, value: &str, lines: usize) {
        self.text(field, value);
        let took = wrapped_lines(value, PROMPT_WIDTH);
        if took > lines {
            let most = if lines == 1 {
                "one line".to_owned()
            } else {
                format!("{lines} lines")
            };
            self.fail(format!(
                "{field} takes {took} lines at {PROMPT_WIDTH} columns; keep it to {most}"
            ));
        }
    }

    /// A list whose length is in `range`, each item not empty and within `lines` lines.
    fn list(
        &mut self,
        field: &str,
        values: &[String],
        range: std::ops::RangeInclusive<usize>,
        lines: usize,
    ) {
        if !range.contains(&values.len()) {
            self.fail(format!(
                "{field} has {} items; give {} to {}",
                values.len(),
                range.start(),
                range.end()
            ));
        }
        for v in values {
            self.lines(field, v, lines);
        }
    }

    fn sources(&mut self, sources: &[Source]) {
        if sources.is_empty() {
            self.fail("sources is empty: name the article(s) it draws on");
        }
    }

    fn common(&mut self, perspectives: &[Perspective], sources: &[Source]) {
        if !is_id(&self.id) {
            self.fail("the id must be lowercase letters, digits and dashes");
        }
        if perspectives.is_empty() {
            self.fail("perspectives is empty");
        }
        if sources.is_empty() {
            self.fail("sources is empty: name the article(s) it comes from");
        }
    }

    fn triggers(&mut self, triggers: &[String]) {
        for t in triggers {
            if self.catalog.trigger(t).is_none() {
                self.fail(format!("refers to trigger \"{t}\", which does not exist"));
            }
        }
    }

    fn strategies(&mut self, strategies: &[String]) {
        for s in strategies {
            if self.catalog.strategy(s).is_none() {
                self.fail(format!("refers to strategy \"{s}\", which does not exist"));
            }
        }
    }
}

fn checker<'a>(catalog: &'a Catalog, kind: &'static str, id: &str) -> Checker<'a> {
    Checker {
        catalog,
        findings: Vec::new(),
        kind,
        id: id.to_owned(),
    }
}

/// The rules one trigger breaks.
pub fn check_trigger(catalog: &Catalog, t: &Trigger) -> Vec<Finding> {
    let mut c = checker(catalog, "trigger", &t.id);
    c.common(&t.perspectives, &t.sources);
    c.text("name", &t.name);
    c.text("summary", &t.summary);
    c.texts("aspects", &t.aspects);
    c.texts("looks_like", &t.looks_like);
    if t.looks_like.is_empty() {
        c.fail("looks_like is empty");
    }
    for (field, text) in [
        ("partner_summary", &t.partner_summary),
        ("partner_note", &t.partner_note),
    ] {
        if let Some(text) = text {
            c.text(field, text);
            if wrapped_lines(text, PROMPT_WIDTH) > 1 {
                c.fail(format!(
                    "{field} is longer than one {PROMPT_WIDTH}-column line"
                ));
            }
        }
    }
    if let Some(page) = &t.learn
        && !catalog.digests.iter().any(|d| &d.id == page)
    {
        c.fail(format!(
            "learn names the page \"{page}\", which does not exist"
        ));
    }
    c.findings
}

/// The rules one sign breaks.
pub fn check_sign(catalog: &Catalog, s: &Sign) -> Vec<Finding> {
    check_picked(catalog, "sign", s)
}

/// The rules one urge breaks.
pub fn check_urge(catalog: &Catalog, u: &Urge) -> Vec<Finding> {
    check_picked(catalog, "urge", u)
}

/// The rules one item picked from a list (a sign, an urge) breaks.
fn check_picked(catalog: &Catalog, kind: &'static str, p: &Picked) -> Vec<Finding> {
    let mut c = checker(catalog, kind, &p.id);
    c.common(&p.perspectives, &p.sources);
    c.text("label", &p.label);
    c.findings
}

/// The rules the words around the episode and prediction steps break, and the urges: at least
/// three urges for each perspective, so the step always has a choice.
pub fn check_episodes(catalog: &Catalog) -> Vec<Finding> {
    let e = &catalog.episodes;
    let mut c = checker(catalog, "episodes", "episodes.toml");
    c.text("episode_intro", &e.episode_intro);
    c.text("prediction_why", &e.prediction_why);
    let (d, t, y) = (&e.debrief, &e.thought, &e.cycle);
    let texts = [
        ("debrief.intro", &d.intro),
        ("debrief.felt", &d.felt),
        ("debrief.my_side", &d.my_side),
        ("debrief.their_side", &d.their_side),
        ("debrief.before", &d.before),
        ("debrief.my_part", &d.my_part),
        ("debrief.next_time", &d.next_time),
        ("debrief.repair", &d.repair),
        ("debrief.safety", &d.safety),
        ("thought.intro", &t.intro),
        ("thought.thought", &t.thought),
        ("thought.belief", &t.belief),
        ("thought.traps", &t.traps),
        ("thought.fits", &t.fits),
        ("thought.does_not_fit", &t.does_not_fit),
        ("thought.kinder", &t.kinder),
        ("thought.belief_after", &t.belief_after),
        ("cycle.intro", &y.intro),
        ("cycle.not_enough", &y.not_enough),
        ("cycle.loop_pull_away", &y.loop_pull_away),
        ("cycle.loop_partner", &y.loop_partner),
        ("cycle.safety", &y.safety),
        ("cycle.own_intro", &y.own_intro),
        ("cycle.own_trigger", &y.own_trigger),
        ("cycle.own_starts", &y.own_starts),
        ("cycle.own_i_do", &y.own_i_do),
        ("cycle.own_they_may", &y.own_they_may),
        ("cycle.own_underneath", &y.own_underneath),
        ("cycle.own_long_for", &y.own_long_for),
        ("cycle.own_helps", &y.own_helps),
    ];
    for (field, text) in texts {
        c.text(field, text);
    }
    if d.sources.is_empty() || t.sources.is_empty() || y.sources.is_empty() {
        c.fail("the debrief's or the thought check's sources are empty: name the article(s)");
    }
    if e.sources.is_empty() {
        c.fail("sources is empty: name the article(s) it draws on");
    }
    for p in crate::journal::Perspective::ALL {
        if catalog.urges_for(Some(p)).len() < 3 {
            c.fail(format!("fewer than 3 urges for \"{}\"", p.id()));
        }
        for kind in [PromptKind::Episode, PromptKind::Prediction] {
            if catalog.prompts_of(kind, Some(p)).is_empty() {
                c.fail(format!("no {} prompt for \"{}\"", kind.label(), p.id()));
            }
        }
    }
    let mut f = c.findings;
    f.extend(e.urges.iter().flat_map(|u| check_urge(catalog, u)));
    f.extend(duplicates("urge", ids(&e.urges, |u| &u.id)));
    f
}

/// The rules one strategy breaks.
pub fn check_strategy(catalog: &Catalog, s: &Strategy) -> Vec<Finding> {
    let mut c = checker(catalog, "strategy", &s.id);
    c.common(&s.perspectives, &s.sources);
    c.text("title", &s.title);
    c.text("why", &s.why);
    c.text("try_today", &s.try_today);
    c.texts("steps", &s.steps);
    if !(2..=5).contains(&s.steps.len()) {
        c.fail(format!("has {} steps; give 2 to 5", s.steps.len()));
    }
    if s.triggers.is_empty() {
        c.fail("triggers is empty: name the trigger(s) it fits");
    }
    c.triggers(&s.triggers);
    match &s.caveat {
        Some(caveat) => {
            c.text("caveat", caveat);
            if wrapped_lines(caveat, PROMPT_WIDTH) > CAVEAT_LINES {
                c.fail(format!(
                    "caveat takes more than {CAVEAT_LINES} lines at {PROMPT_WIDTH} columns"
                ));
            }
        }
        None if CAVEAT_REQUIRED.contains(&s.id.as_str()) => c.fail(
            "has no caveat: it can raise the risk with a controlling partner, so say when not \
             to use it",
        ),
        None => {}
    }
    c.findings
}

/// The rules one prompt breaks.
pub fn check_prompt(catalog: &Catalog, p: &Prompt) -> Vec<Finding> {
    let mut c = checker(catalog, "prompt", &p.id);
    c.common(&p.perspectives, &p.sources);
    c.text("text", &p.text);
    c.text("idea", &p.idea);
    let lines = wrapped_lines(&p.text, PROMPT_WIDTH);
    if lines > PROMPT_LINES {
        c.fail(format!(
            "text takes {lines} lines at {PROMPT_WIDTH} columns; keep it to {PROMPT_LINES}"
        ));
    }
    if wrapped_lines(&p.idea, PROMPT_WIDTH) > 1 {
        c.fail(format!(
            "idea is longer than one {PROMPT_WIDTH}-column line"
        ));
    }
    c.triggers(&p.triggers);
    c.findings
}

/// The rules one digest breaks.
pub fn check_digest(catalog: &Catalog, d: &Digest) -> Vec<Finding> {
    let mut c = checker(catalog, "digest", &d.id);
    let sources: Vec<Source> = d.source.into_iter().chain(d.sources.clone()).collect();
    c.common(&Perspective::ALL, &sources);
    c.text("title", &d.title);
    c.text("summary", &d.summary);
    if let Some(source) = d.source
        && d.id != source.digest_id()
    {
        c.fail(format!("its id should be \"{}\"", source.digest_id()));
    }
    if d.sections.is_empty() {
        c.fail("has no sections");
    }
    for s in &d.sections {
        c.text("section heading", &s.heading);
        c.text("section body", &s.body);
        c.triggers(&s.triggers);
        c.strategies(&s.strategies);
    }
    for f in &d.faqs {
        c.text("faq question", &f.question);
        c.text("faq answer", &f.answer);
    }
    c.findings
}

fn duplicates<'a>(kind: &'static str, ids: impl Iterator<Item = &'a str>) -> Vec<Finding> {
    let mut seen = HashSet::new();
    ids.filter(|id| !seen.insert(*id))
        .map(|id| Finding {
            kind,
            id: id.to_owned(),
            message: "this id is used twice".into(),
        })
        .collect()
}

/// Every rule the whole catalog breaks: each item's, unique ids, and the coverage the journal
/// needs (every trigger has at least 3 prompts and 2 strategies, and some for each perspective
/// it fits; general prompts for both perspectives; a digest of each article).
pub fn validate(catalog: &Catalog) -> Vec<Finding> {
    let mut f = check_items(catalog);
    for t in &catalog.triggers {
        f.extend(check_trigger_coverage(catalog, t));
    }
    f.extend(check_general_prompts(catalog));
    f.extend(check_digest_coverage(catalog));
    f
}

/// The rules each item breaks, and ids used twice.
fn check_items(catalog: &Catalog) -> Vec<Finding> {
    let mut f = Vec::new();
    f.extend(each_item(catalog, &catalog.triggers, check_trigger));
    f.extend(each_item(catalog, &catalog.signs, check_sign));
    f.extend(each_item(catalog, &catalog.strategies, check_strategy));
    f.extend(each_item(catalog, &catalog.prompts, check_prompt));
    f.extend(each_item(catalog, &catalog.digests, check_digest));
    f.extend(check_toolkit(catalog));
    f.extend(check_episodes(catalog));
    f.extend(check_turning(catalog));
    f.extend(duplicates("trigger", ids(&catalog.triggers, |t| &t.id)));
    f.extend(duplicates("sign", ids(&catalog.signs, |s| &s.id)));
    f.extend(duplicates("strategy", ids(&catalog.strategies, |s| &s.id)));
    f.extend(duplicates("prompt", ids(&catalog.prompts, |p| &p.id)));
    f.extend(duplicates("digest", ids(&catalog.digests, |d| &d.id)));
    f
}

/// The rules each of `items` breaks, in order.
fn each_item<T>(
    catalog: &Catalog,
    items: &[T],
    check: fn(&Catalog, &T) -> Vec<Finding>,
) -> Vec<Finding> {
    items.iter().flat_map(|i| check(catalog, i)).collect()
}

/// The ids of `items`, in order.
fn ids<T>(items: &[T], id: fn(&T) -> &String) -> impl Iterator<Item = &str> {
    items.iter().map(move |i| id(i).as_str())
}

/// The coverage a trigger needs: prompts and strategies, for each perspective it fits, and
/// for a safety trigger, its lead strategy and no prompt that leads to a talk.
fn check_trigger_coverage(catalog: &Catalog, t: &Trigger) -> Vec<Finding> {
    let mut f = Vec::new();
    let mut fail = |message: String| {
        f.push(Finding {
            kind: "trigger",
            id: t.id.clone(),
            message,
        })
    };
    let prompts = catalog.prompts_for_trigger(&t.id, None).len();
    if prompts < 3 {
        fail(format!("has {prompts} prompts; needs at least 3"));
    }
    if t.perspectives.contains(&Perspective::PartnerPullsAway) && t.partner_note.is_none() {
        fail("is shown to someone whose partner pulls away but has no partner_note".into());
    }
    if catalog.is_safety_trigger(&t.id) {
        match SAFETY_LEADS.iter().find(|(trigger, _)| *trigger == t.id) {
            None => fail("is in the Safety group but has no strategy in SAFETY_LEADS".into()),
            Some((_, lead)) => match catalog.strategy(lead) {
                Some(s) if s.triggers.contains(&t.id) && s.caveat.is_none() => {}
                _ => fail(format!(
                    "leads with \"{lead}\", which is not a strategy of it without a caveat"
                )),
            },
        }
        for p in catalog.prompts_for_trigger(&t.id, None) {
            if p.safe_only {
                fail(format!("has the prompt {}, which leads to a talk", p.id));
            }
        }
    }
    let strategies = catalog.strategies_for_trigger(&t.id, None).len();
    if strategies < 2 {
        fail(format!("has {strategies} strategies; needs at least 2"));
    }
    for &p in &t.perspectives {
        let prompts = catalog.prompts_for_trigger(&t.id, Some(p)).len();
        if prompts < PROMPTS_PER_PERSPECTIVE {
            fail(format!(
                "has {prompts} prompts for the perspective \"{}\"; needs at least \
                 {PROMPTS_PER_PERSPECTIVE}",
                p.id()
            ));
        }
        if catalog.strategies_for_trigger(&t.id, Some(p)).is_empty() {
            fail(format!(
                "has no strategy for the perspective \"{}\"",
                p.id()
            ));
        }
    }
    f
}

/// General prompts (for no trigger) of each kind for each perspective.
fn check_general_prompts(catalog: &Catalog) -> Vec<Finding> {
    let mut f = Vec::new();
    for p in Perspective::ALL {
        for kind in [
            PromptKind::Appreciation,
            PromptKind::Plan,
            PromptKind::CheckIn,
        ] {
            let any = catalog
                .prompts
                .iter()
                .any(|q| q.triggers.is_empty() && q.kind == kind && fits(&q.perspectives, Some(p)));
            if !any {
                f.push(Finding {
                    kind: "prompt",
                    id: "(general)".into(),
                    message: format!("no general {} prompt for \"{}\"", kind.label(), p.id()),
                });
            }
        }
    }
    f
}

/// A digest of each article.
fn check_digest_coverage(catalog: &Catalog) -> Vec<Finding> {
    let mut f = Vec::new();
    for &source in Source::ALL {
        if !catalog.digests.iter().any(|d| d.source == Some(source)) {
            f.push(Finding {
                kind: "digest",
                id: source.digest_id().into(),
                message: format!("no digest of \"{}\"", source.title()),
            });
        }
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the validator says of `catalog`, one finding a line.
    fn found(catalog: &Catalog) -> Vec<String> {
        validate(catalog).iter().map(ToString::to_string).collect()
    }

    /// Breaks a bundled catalog with `breaking` and checks that every one of `expected` is found.
    pub(super) fn catches(breaking: impl FnOnce(&mut Catalog), expected: &[&str]) {
        let mut catalog = Catalog::bundled().unwrap();
        breaking(&mut catalog);
        let found = found(&catalog);
        for e in expected {
            assert!(found.iter().any(|f| f.contains(e)), "{e}: {found:#?}");
        }
    }

    #[test]
    fn a_risky_strategy_without_its_caveat_and_a_thin_trigger_are_found() {
        let mut catalog = Catalog::bundled().unwrap();
        assert!(validate(&catalog).is_empty(), "{:?}", validate(&catalog));
        for id in CAVEAT_REQUIRED {
            assert!(catalog.strategy(id).is_some(), "{id} is not a strategy");
        }
        let s = catalog
            .strategies
            .iter_mut()
            .find(|s| s.id == "try-couples-counselling")
            .unwrap();
        s.caveat = None;
        // One prompt fewer for a perspective of the new trigger.
        let at = catalog
            .prompts
            .iter()
            .position(|p| p.triggers.iter().any(|t| t == "control-or-fear"))
            .unwrap();
        catalog.prompts.remove(at);
        let found: Vec<String> = validate(&catalog).iter().map(ToString::to_string).collect();
        assert!(
            found
                .iter()
                .any(|f| f.starts_with("strategy try-couples-counselling: has no caveat")),
            "{found:?}"
        );
        assert!(
            found.iter().any(
                |f| f.starts_with("trigger control-or-fear: has 4 prompts for the perspective")
            ),
            "{found:?}"
        );
    }

    /// The rules of `toolkit` (its question bank and repairs included) and of `turning`.
    #[test]
    fn the_bundled_toolkit_and_turning_content_keep_every_rule() {
        let catalog = Catalog::bundled().unwrap();
        for found in [check_toolkit(&catalog), check_turning(&catalog)] {
            assert!(found.is_empty(), "{found:?}");
        }
    }

    #[test]
    fn wrapping_counts_lines_word_by_word() {
        assert_eq!(wrapped_lines("", 10), 1);
        assert_eq!(wrapped_lines("one two", 7), 1);
        assert_eq!(wrapped_lines("one two", 6), 2);
        assert_eq!(wrapped_lines("aaaaaaaaaaaa", 5), 3);
        assert_eq!(wrapped_lines("a\nb", 5), 2);
    }

    #[test]
    fn ids_are_kebab_case() {
        assert!(is_id("fear-of-intimacy"));
        assert!(is_id("gen-1"));
        for bad in ["", "Fear", "a b", "-a", "a-", "ä"] {
            assert!(!is_id(bad), "{bad}");
        }
    }
}
