//! Rules every content item keeps, checked over the bundled set by the tests and over the
//! person's own items when they are loaded.

use std::collections::HashSet;

use crate::journal::Perspective;

use super::model::{
    Digest, Phrase, Picked, Prompt, PromptKind, Purpose, Sign, Source, Strategy, Tier, Trigger,
    Urge,
};
use super::{Catalog, fits};

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

/// How many questions the question bank holds, at least and at most.
pub const QUESTIONS: std::ops::RangeInclusive<usize> = 30..=40;
/// Questions each tier needs for each perspective.
pub const QUESTIONS_PER_TIER: usize = 8;
/// Repairs each purpose needs for each perspective.
pub const REPAIRS_PER_PURPOSE: usize = 3;
/// Everyday examples of bids each perspective needs.
pub const BID_EXAMPLES: usize = 4;
/// Starter ladders each perspective needs (and of them, at least one without `safe_only`, to
/// offer on any day).
pub const LADDERS_PER_PERSPECTIVE: usize = 2;
/// How many steps a starter ladder has.
pub const LADDER_STEPS: std::ops::RangeInclusive<usize> = 4..=7;
/// How many time-out scripts there are.
pub const TIME_OUT_SCRIPTS: std::ops::RangeInclusive<usize> = 2..=4;
/// How many things to do while waiting, and grounding steps, a time-out has.
pub const TIME_OUT_IDEAS: std::ops::RangeInclusive<usize> = 4..=6;
/// How many items the checklist before a hard talk has.
pub const HARD_TALK_ITEMS: std::ops::RangeInclusive<usize> = 5..=7;
/// How many steps the "state of us" script has.
pub const STATE_OF_US_STEPS: std::ops::RangeInclusive<usize> = 3..=6;
/// Where a time-out script's time goes.
pub const TIME: &str = "{time}";

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

/// The rules the content for turning toward breaks (`content/turning.toml`): no empty text,
/// one-line labels and lines, the counts of [`BID_EXAMPLES`], [`TIME_OUT_SCRIPTS`],
/// [`TIME_OUT_IDEAS`], [`LADDER_STEPS`], [`HARD_TALK_ITEMS`] and [`STATE_OF_US_STEPS`],
/// [`TIME`] exactly once in each time-out script, sources everywhere, and for each
/// perspective at least [`LADDERS_PER_PERSPECTIVE`] starter ladders, one of them offered on
/// any day (without `safe_only`), with unique kebab ids.
pub fn check_turning(catalog: &Catalog) -> Vec<Finding> {
    let mut f = check_bids(catalog);
    f.extend(check_time_out(catalog));
    f.extend(check_ladders(catalog));
    f.extend(check_talks(catalog));
    f
}

/// The bids card and the bid log's labels.
fn check_bids(catalog: &Catalog) -> Vec<Finding> {
    let b = &catalog.turning.bids;
    let mut c = checker(catalog, "turning", "bids");
    c.lines("title", &b.title, 1);
    c.text("intro", &b.intro);
    for (field, text) in [
        ("toward", &b.toward),
        ("away", &b.away),
        ("against", &b.against),
        ("their_bid", &b.their_bid),
        ("my_bid", &b.my_bid),
        ("thank_them", &b.thank_them),
        ("thank_me", &b.thank_me),
        ("not_a_score", &b.not_a_score),
    ] {
        c.lines(field, text, 1);
    }
    for e in &b.examples {
        c.lines("example", &e.text, 1);
        if e.perspectives.is_empty() {
            c.fail(format!("the example \"{}\" has no perspectives", e.text));
        }
    }
    for p in Perspective::ALL {
        let n = b.examples_for(Some(p)).len();
        if n < BID_EXAMPLES {
            c.fail(format!(
                "{n} examples for \"{}\"; give at least {BID_EXAMPLES}",
                p.id()
            ));
        }
    }
    c.sources(&b.sources);
    c.findings
}

/// The time-out's words.
fn check_time_out(catalog: &Catalog) -> Vec<Finding> {
    let o = &catalog.turning.time_out;
    let mut c = checker(catalog, "turning", "time_out");
    c.lines("intro", &o.intro, PROMPT_LINES);
    c.lines("when", &o.when, 1);
    c.list("scripts", &o.scripts, TIME_OUT_SCRIPTS, 2);
    for s in &o.scripts {
        let n = s.matches(TIME).count();
        if n != 1 {
            c.fail(format!(
                "the script \"{s}\" has {TIME} {n} times; it needs it exactly once"
            ));
        }
    }
    c.lines("their_intro", &o.their_intro, 1);
    c.list("their_ideas", &o.their_ideas, TIME_OUT_IDEAS, 1);
    c.list("grounding", &o.grounding, TIME_OUT_IDEAS, 1);
    for (field, text) in [
        ("back_question", &o.back_question),
        ("back_yes", &o.back_yes),
        ("back_later", &o.back_later),
        ("back_no", &o.back_no),
        ("back_note", &o.back_note),
    ] {
        c.lines(field, text, 1);
    }
    c.lines("safety", &o.safety, PROMPT_LINES);
    c.sources(&o.sources);
    c.findings
}

/// Each starter ladder, unique ids, and enough for each perspective on any day.
fn check_ladders(catalog: &Catalog) -> Vec<Finding> {
    let t = &catalog.turning;
    let mut f = Vec::new();
    for l in &t.ladders {
        let mut c = checker(catalog, "turning", &l.id);
        c.common(&l.perspectives, &l.sources);
        c.lines("fear", &l.fear, 1);
        c.lines("why", &l.why, 1);
        c.list("steps", &l.steps, LADDER_STEPS, 2);
        f.extend(c.findings);
    }
    let mut c = checker(catalog, "turning", "ladder");
    for p in Perspective::ALL {
        let n = t.ladders_for(Some(p), false).len();
        if n < LADDERS_PER_PERSPECTIVE {
            c.fail(format!(
                "{n} starter ladders for \"{}\"; give at least {LADDERS_PER_PERSPECTIVE}",
                p.id()
            ));
        }
        if t.ladders_for(Some(p), true).is_empty() {
            c.fail(format!(
                "every starter ladder for \"{}\" is safe_only; give one to offer on any day",
                p.id()
            ));
        }
    }
    f.extend(c.findings);
    f.extend(duplicates("turning", ids(&t.ladders, |l| &l.id)));
    f
}

/// The checklist before a hard talk and the "state of us" script.
fn check_talks(catalog: &Catalog) -> Vec<Finding> {
    let t = &catalog.turning;
    let h = &t.hard_talk;
    let mut c = checker(catalog, "turning", "hard_talk");
    c.lines("title", &h.title, 1);
    c.lines("intro", &h.intro, 2);
    c.list("items", &h.items, HARD_TALK_ITEMS, 1);
    c.sources(&h.sources);
    let mut f = c.findings;

    let s = &t.state_of_us;
    let mut c = checker(catalog, "turning", "state_of_us");
    c.lines("title", &s.title, 1);
    c.lines("intro", &s.intro, PROMPT_LINES);
    if !STATE_OF_US_STEPS.contains(&s.steps.len()) {
        c.fail(format!(
            "has {} steps; give {} to {}",
            s.steps.len(),
            STATE_OF_US_STEPS.start(),
            STATE_OF_US_STEPS.end()
        ));
    }
    for step in &s.steps {
        c.lines("step heading", &step.heading, 1);
        c.lines("step prompt", &step.prompt, PROMPT_LINES);
    }
    c.sources(&s.sources);
    f.extend(c.findings);
    f
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

#[cfg(test)]
mod turning_tests {
    use super::*;
    use crate::content::model::{BidExample, StarterLadder};

    /// What the validator says of `catalog`, one finding a line.
    fn found(catalog: &Catalog) -> Vec<String> {
        validate(catalog).iter().map(ToString::to_string).collect()
    }

    /// Breaks a bundled catalog with `breaking` and checks that every one of `expected` is found.
    fn catches(breaking: impl FnOnce(&mut Catalog), expected: &[&str]) {
        let mut catalog = Catalog::bundled().unwrap();
        breaking(&mut catalog);
        let found = found(&catalog);
        for e in expected {
            assert!(found.iter().any(|f| f.contains(e)), "{e}: {found:#?}");
        }
    }

    fn question<'a>(c: &'a mut Catalog, id: &str) -> &'a mut Phrase {
        c.toolkit.questions.iter_mut().find(|q| q.id == id).unwrap()
    }

    #[test]
    fn the_bundled_turning_content_keeps_every_rule() {
        let catalog = Catalog::bundled().unwrap();
        assert!(
            check_turning(&catalog).is_empty(),
            "{:?}",
            check_turning(&catalog)
        );
        assert!(
            check_phrase_groups(&catalog).is_empty(),
            "{:?}",
            check_phrase_groups(&catalog)
        );
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

    #[test]
    fn a_time_out_script_needs_its_time_exactly_once() {
        catches(
            |c| {
                let scripts = &mut c.turning.time_out.scripts;
                scripts[0] = "I need a break.".into();
                scripts[1] = "Back at {time}, or {time}.".into();
            },
            &[
                "turning time_out: the script \"I need a break.\" has {time} 0 times",
                "has {time} 2 times",
            ],
        );
        catches(
            |c| c.turning.time_out.scripts.truncate(1),
            &["turning time_out: scripts has 1 items; give 2 to 4"],
        );
    }

    #[test]
    fn empty_texts_long_lines_and_wrong_counts_in_turning_are_found() {
        catches(
            |c| {
                let t = &mut c.turning;
                t.bids.toward = " ".into();
                t.bids.not_a_score = "word ".repeat(20);
                t.bids.examples.retain(|e| e.perspectives.len() == 1);
                t.bids.examples.push(BidExample {
                    text: "A wink.".into(),
                    perspectives: Vec::new(),
                });
                t.bids.sources.clear();
                t.time_out.grounding.truncate(2);
                t.time_out.their_ideas.push(String::new());
                t.time_out.safety = "word ".repeat(60);
                t.hard_talk.items.truncate(3);
                t.state_of_us.steps.truncate(1);
                t.state_of_us.steps[0].prompt.clear();
            },
            &[
                "turning bids: toward is empty",
                "turning bids: not_a_score takes 2 lines at 76 columns; keep it to one line",
                "examples for \"i-pull-away\"; give at least 4",
                "the example \"A wink.\" has no perspectives",
                "turning bids: sources is empty",
                "turning time_out: grounding has 2 items; give 4 to 6",
                "turning time_out: their_ideas is empty",
                "turning time_out: safety takes",
                "turning hard_talk: items has 3 items; give 5 to 7",
                "turning state_of_us: has 1 steps; give 3 to 6",
                "turning state_of_us: step prompt is empty",
            ],
        );
    }

    #[test]
    fn ladders_need_4_to_7_steps_unique_ids_and_one_for_any_day() {
        catches(
            |c| {
                let ladders = &mut c.turning.ladders;
                ladders[0].steps.truncate(3);
                ladders[1].id = ladders[0].id.clone();
                ladders[2].steps = vec!["A step.".into(); 8];
                for l in ladders.iter_mut() {
                    l.safe_only = true;
                }
                ladders.push(StarterLadder {
                    id: "Bad Id".into(),
                    fear: String::new(),
                    why: "Why.".into(),
                    steps: vec!["Step.".into(); 4],
                    safe_only: false,
                    perspectives: Vec::new(),
                    sources: Vec::new(),
                });
            },
            &[
                "steps has 3 items; give 4 to 7",
                "steps has 8 items; give 4 to 7",
                "turning ladder-saying-how-i-feel: this id is used twice",
                "every starter ladder for \"i-pull-away\" is safe_only",
                "turning Bad Id: the id must be lowercase",
                "turning Bad Id: perspectives is empty",
                "turning Bad Id: fear is empty",
            ],
        );
        catches(
            |c| {
                c.turning
                    .ladders
                    .retain(|l| !l.perspectives.contains(&Perspective::PartnerPullsAway));
            },
            &["0 starter ladders for \"partner-pulls-away\"; give at least 2"],
        );
    }
}
