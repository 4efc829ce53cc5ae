//! The rules the content for turning toward each other keeps (`content/turning.toml`): the
//! bids card and the bid log's labels, the time-out's words (its time exactly once in each
//! script), the starter ladders (enough for each perspective, one of them for any day) and the
//! two talks, the checklist before a hard talk and the weekly "state of us", each with the
//! counts below. Re-exported from [`crate::content::validate`].

use crate::content::Catalog;
use crate::journal::Perspective;

use super::{Finding, PROMPT_LINES, checker, duplicates, ids};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::{BidExample, StarterLadder};
    use crate::content::validate::tests::catches;

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
