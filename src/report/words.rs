//! Entry fields in words, shared by the Markdown export and reports.

use super::Include;
use crate::content::Catalog;
use crate::journal::insights::moments::{TriggerPredictions, TriggerUrge};
use crate::journal::insights::one_decimal;
use crate::journal::printable::printable;
use crate::journal::{
    CycleWords, Debrief, Entry, Episode, Fact, Name, Outcome, Prediction, Response, StrategyUse,
    ThoughtCheck, TriggerLog, TriggerRef, facts,
};

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

/// What came of one trigger's predictions, as insights and `closer stats` say it: `Feeling
/// ignored: 3 of 5 came true · feared 3.2, really 2.0`.
pub fn trigger_predictions_line(t: &TriggerPredictions, catalog: &Catalog) -> String {
    format!(
        "{}: {} of {} came true · feared {}, really {}",
        catalog.trigger_label(&t.trigger),
        t.came_true,
        t.answered,
        one_decimal(t.predicted_badness),
        one_decimal(t.actual_badness)
    )
}

/// One trigger's usual urge, as insights and `closer stats` say it: `Feeling ignored: most
/// often “Go quiet” (4 of 6 moments)`.
pub fn urge_line(u: &TriggerUrge, catalog: &Catalog) -> String {
    format!(
        "{}: most often “{}” ({} of {} moments)",
        catalog.trigger_label(&u.trigger),
        catalog.urge_label(&u.urge),
        u.times,
        u.moments
    )
}

/// A sign's label, or its id when the catalog does not know it.
pub fn sign_label<'a>(id: &'a str, catalog: &'a Catalog) -> &'a str {
    catalog.sign(id).map_or(id, |s| s.label.as_str())
}

/// An episode as a readable chain, a line per link that was filled in: what happened, the
/// triggers, the urge, what the person did, what happened next, the repair and how it ended.
pub fn episode_chain(
    ep: &crate::journal::Episode,
    catalog: &Catalog,
) -> Vec<(&'static str, String)> {
    use crate::journal::Repair;
    let mut out = Vec::new();
    if !ep.what.trim().is_empty() {
        out.push(("What happened", ep.what.trim().to_owned()));
    }
    if !ep.triggers.is_empty() {
        let names: Vec<String> = ep
            .triggers
            .iter()
            .map(|t| catalog.trigger_label(t))
            .collect();
        out.push(("Trigger", names.join(", ")));
    }
    if !ep.urges.is_empty() {
        let urges: Vec<&str> = ep.urges.iter().map(|u| catalog.urge_label(u)).collect();
        out.push(("The urge", urges.join(", ")));
    }
    if !ep.did.is_empty() {
        let did: Vec<&str> = ep.did.iter().map(|d| sign_label(d, catalog)).collect();
        out.push(("What I did", did.join(", ")));
    }
    if !ep.next.trim().is_empty() {
        out.push(("What happened next", ep.next.trim().to_owned()));
    }
    match &ep.repair {
        Some(Repair::NotYet) => out.push(("Repair", "not yet".to_owned())),
        Some(Repair::Strategy(id)) => out.push((
            "Repair",
            catalog
                .strategy(id.as_str())
                .map_or(id.to_string(), |s| s.title.clone()),
        )),
        Some(Repair::Own(text)) => out.push(("Repair", text.trim().to_owned())),
        Some(Repair::Both(id, text)) => out.push((
            "Repair",
            format!(
                "{} · {}",
                catalog
                    .strategy(id.as_str())
                    .map_or(id.to_string(), |s| s.title.clone()),
                text.trim()
            ),
        )),
        None => {}
    }
    if let Some(e) = ep.ended {
        out.push(("It ended", e.label().to_owned()));
    }
    out
}

/// A prediction in a line: the fear, how likely and how bad it felt, and when to look back;
/// then, once looked back on, what came of it.
pub fn prediction_lines(p: &crate::journal::Prediction) -> (String, String) {
    let mut facts = Vec::new();
    if let Some(l) = p.likelihood {
        facts.push(format!("felt {}% likely", l.get()));
    }
    if let Some(b) = p.badness {
        facts.push(format!("how bad: {b}/5"));
    }
    let fear = if facts.is_empty() {
        format!("“{}”", p.fear.trim())
    } else {
        format!("“{}” · {}", p.fear.trim(), facts.join(" · "))
    };
    let after = match &p.outcome {
        None => format!("to look back on {}", p.look_back.format("%A %-d %B %Y")),
        Some(o) => {
            let mut s = format!(
                "looked back on {}: {}",
                o.on.format("%-d %B"),
                o.result.label()
            );
            if let Some(b) = o.badness {
                s.push_str(&format!(", really {b}/5"));
            }
            if !o.instead.trim().is_empty() {
                s.push_str(&format!(" · {}", o.instead.trim()));
            }
            s
        }
    };
    (fear, after)
}

/// A thought check as labelled lines, one for each part filled in: the thought and how much
/// it was believed, the thinking traps, what fits it, what does not, the kinder thought, and
/// how much the first thought is believed now (with the first figure beside it).
pub fn thought_lines(t: &ThoughtCheck, catalog: &Catalog) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let thought = t.thought.trim();
    match (thought.is_empty(), t.belief) {
        (false, Some(b)) => out.push(("Thought", format!("“{thought}” · believed {}%", b.get()))),
        (false, None) => out.push(("Thought", format!("“{thought}”"))),
        (true, Some(b)) => out.push(("Thought", format!("believed {}%", b.get()))),
        (true, None) => {}
    }
    if !t.traps.is_empty() {
        let traps: Vec<&str> = t
            .traps
            .iter()
            .map(|id| catalog.toolkit.trap_name(id.as_str()))
            .collect();
        out.push(("Thinking trap", traps.join(", ")));
    }
    filled(&mut out, t.texts()[1..].iter().copied());
    if let Some(now) = t.belief_after {
        let from = t
            .belief
            .map_or(String::new(), |b| format!(" (from {}%)", b.get()));
        out.push(("Believed now", format!("{}%{from}", now.get())));
    }
    out
}

/// A debrief as labelled lines, one for each part filled in, in the order they are asked:
/// what I felt, my side, their side, what it touched (triggers, then from before), my part,
/// next time, the repair phrase.
pub fn debrief_lines(d: &Debrief, catalog: &Catalog) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if !d.felt.is_empty() {
        out.push(("What I felt", d.felt.join(", ")));
    }
    let [my_side, their_side, before, rest @ ..] = d.texts();
    filled(&mut out, [my_side, their_side]);
    if !d.triggers.is_empty() {
        let names: Vec<String> = d
            .triggers
            .iter()
            .map(|t| catalog.trigger_label(t))
            .collect();
        out.push(("It touched", names.join(", ")));
    }
    filled(&mut out, std::iter::once(before).chain(rest));
    out
}

/// Adds each labelled text that has words, trimmed.
fn filled<'a>(
    out: &mut Vec<(&'static str, String)>,
    texts: impl IntoIterator<Item = (&'static str, &'a str)>,
) {
    for (label, text) in texts {
        if !text.trim().is_empty() {
            out.push((label, text.trim().to_owned()));
        }
    }
}

/// One piece of an entry's own words as a report shares it, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Shared<'a> {
    /// The triggers that have a note (only those).
    TriggerNotes(Vec<&'a TriggerLog>),
    /// A prompt with its answer (only answered ones).
    Answer(&'a Response),
    /// A moment traced, a thought checked or a debrief: a chain of labelled lines.
    Chain(Chain<'a>),
    /// A prediction and what came of it.
    Prediction(&'a Prediction),
    /// The notes.
    Notes(&'a str),
}

/// A part of an entry read as a titled chain of labelled lines.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Chain<'a> {
    /// A moment traced.
    Moment(&'a Episode),
    /// A thought checked.
    Thought(&'a ThoughtCheck),
    /// A debrief after a hard moment.
    Debrief(&'a Debrief),
    /// The cycle in the person's own words.
    Cycle(&'a CycleWords),
}

impl Chain<'_> {
    /// Its title: "A moment, traced".
    pub fn title(self) -> &'static str {
        match self {
            Chain::Moment(_) => "A moment, traced",
            Chain::Thought(_) => "A thought, checked",
            Chain::Debrief(_) => "After a hard moment",
            Chain::Cycle(_) => "The cycle, in my words",
        }
    }

    /// The heading of several of its kind, in the entry view ("Moments traced"), and the
    /// word each is numbered with there ("Moment 2").
    pub fn heading(self) -> (&'static str, &'static str) {
        match self {
            Chain::Moment(_) => ("Moments traced", "Moment"),
            Chain::Thought(_) => ("Thoughts checked", "Thought"),
            Chain::Debrief(_) => ("After a hard moment", "Debrief"),
            Chain::Cycle(_) => ("The cycle, in my words", "Cycle"),
        }
    }

    /// Its labelled lines, one for each part filled in.
    pub fn lines(self, catalog: &Catalog) -> Vec<(&'static str, String)> {
        match self {
            Chain::Moment(ep) => episode_chain(ep, catalog),
            Chain::Thought(t) => thought_lines(t, catalog),
            Chain::Debrief(d) => debrief_lines(d, catalog),
            Chain::Cycle(w) => {
                let mut out: Vec<(&'static str, String)> = w
                    .trigger
                    .iter()
                    .map(|t| ("Starts with", catalog.trigger_label(t)))
                    .collect();
                filled(&mut out, w.texts());
                out
            }
        }
    }
}

/// What of `e` a report with `include` shares, from the entry's [`facts`] in reading order:
/// empty when it shares nothing of it.
pub fn shared(e: &Entry, include: Include) -> Vec<Shared<'_>> {
    let mut out = Vec::new();
    for fact in facts(e) {
        match fact {
            Fact::Triggers(logged) if include.notes => {
                let noted: Vec<&TriggerLog> = logged
                    .iter()
                    .filter(|t| !t.note.trim().is_empty())
                    .collect();
                if !noted.is_empty() {
                    out.push(Shared::TriggerNotes(noted));
                }
            }
            Fact::Answers(answers) if include.answers => out.extend(
                answers
                    .iter()
                    .filter(|r| !r.answer.trim().is_empty())
                    .map(Shared::Answer),
            ),
            Fact::Moments(episodes) if include.episodes => {
                out.extend(episodes.iter().map(|x| Shared::Chain(Chain::Moment(x))));
            }
            Fact::Predictions(predictions) if include.predictions => {
                out.extend(predictions.iter().map(Shared::Prediction));
            }
            Fact::Thoughts(thoughts) if include.thoughts => {
                out.extend(thoughts.iter().map(|x| Shared::Chain(Chain::Thought(x))));
            }
            Fact::CycleWords(words) if include.cycle => {
                out.extend(words.iter().map(|x| Shared::Chain(Chain::Cycle(x))));
            }
            Fact::Debriefs(debriefs) if include.debriefs => {
                out.extend(debriefs.iter().map(|x| Shared::Chain(Chain::Debrief(x))));
            }
            Fact::Notes(notes) if include.notes && !notes.trim().is_empty() => {
                out.push(Shared::Notes(notes));
            }
            // Not chosen, or not words of the person's own: the figures hold the rest.
            Fact::Triggers(_)
            | Fact::Answers(_)
            | Fact::Moments(_)
            | Fact::Predictions(_)
            | Fact::Thoughts(_)
            | Fact::Debriefs(_)
            | Fact::CycleWords(_)
            | Fact::Notes(_)
            | Fact::Perspective(_)
            | Fact::Scale(..)
            | Fact::Feelings(_)
            | Fact::Signs(_)
            | Fact::Strategies(_)
            | Fact::Tags(_) => {}
        }
    }
    out
}

/// A step of the cycle in words: `Anxiety (7) · Past hurt (4)`, or a dash.
fn cycle_parts<T>(
    items: &[crate::journal::insights::aftermath::Times<T>],
    label: impl Fn(&T) -> String,
) -> String {
    if items.is_empty() {
        return "–".to_owned();
    }
    items
        .iter()
        .map(|t| format!("{} ({})", label(&t.what), t.times))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The cycle in words, as the insights view and the report show it: each step's name and its
/// parts with how many times each was seen (see `journal::insights::cycle`). A repair in the
/// person's own words is quoted when `own_words`, else named only as that (a report shares
/// their words only when they chose to).
pub fn cycle_steps(
    c: &crate::journal::insights::cycle::Cycle,
    catalog: &Catalog,
    own_words: bool,
) -> Vec<(&'static str, String)> {
    let helped = cycle_parts(&c.helped, |w| match catalog.strategy(w) {
        Some(s) => s.title.clone(),
        None if own_words => format!("“{w}”"),
        None => "a repair in their own words".to_owned(),
    });
    vec![
        (
            "What starts it",
            cycle_parts(&c.triggers, |t| catalog.trigger_label(t)),
        ),
        (
            "The urge",
            cycle_parts(&c.urges, |u| catalog.urge_label(u).to_owned()),
        ),
        (
            "What I do",
            cycle_parts(&c.did, |d| sign_label(d, catalog).to_owned()),
        ),
        (
            "What I notice",
            cycle_parts(&c.noticed, |n| sign_label(n.as_str(), catalog).to_owned()),
        ),
        ("What I feel", cycle_parts(&c.feelings, Clone::clone)),
        (
            "What helped",
            format!(
                "{helped}  ({} of {} repaired moments ended closer)",
                c.repaired_closer, c.repaired
            ),
        ),
    ]
}

/// The loop as the person's side sees it (both, for both perspectives).
pub fn cycle_loops(
    catalog: &Catalog,
    perspective: Option<crate::journal::Perspective>,
) -> Vec<&str> {
    use crate::journal::Perspective;
    let words = &catalog.episodes.cycle;
    let loops = match perspective {
        Some(Perspective::IPullAway) => vec![&words.loop_pull_away],
        Some(Perspective::PartnerPullsAway) => vec![&words.loop_partner],
        None => vec![&words.loop_pull_away, &words.loop_partner],
    };
    loops.into_iter().map(|l| l.trim()).collect()
}

/// Debriefs and thought checks in words, as insights and `closer stats` give them: a heading
/// and its lines for each. A trigger, a trap or a change in belief is given only from
/// [`MIN_TIMES`](crate::journal::insights::aftermath::MIN_TIMES) times, and says so before.
pub fn aftermath_lines(
    d: &crate::journal::insights::aftermath::Debriefs,
    t: &crate::journal::insights::aftermath::Thoughts,
    catalog: &Catalog,
) -> [(&'static str, Vec<String>); 2] {
    use crate::journal::insights::aftermath::MIN_TIMES;
    use crate::journal::vocabulary::count;
    let mut debriefs = Vec::new();
    if d.count == 0 {
        debriefs.push("none in these days (d on Home, or Ctrl-D in a moment, starts one)".into());
    } else {
        debriefs.push(format!(
            "{} · a repair phrase chosen in {}",
            count(d.count, "debrief", "debriefs"),
            d.with_repair
        ));
        debriefs.push(if d.triggers.is_empty() {
            format!("which triggers they touch shows once one comes up {MIN_TIMES} times")
        } else {
            let touched = cycle_parts(&d.triggers, |x| catalog.trigger_label(x));
            format!("touched most: {touched}")
        });
    }
    let mut thoughts = Vec::new();
    if t.count == 0 {
        thoughts.push("none in these days (t on Home, or Ctrl-T in a moment, starts one)".into());
    } else {
        thoughts.push(format!(
            "{} · belief rated before and after in {}",
            count(t.count, "thought checked", "thoughts checked"),
            t.rated
        ));
        let trap = |x: &Name| catalog.toolkit.trap_name(x.as_str()).to_owned();
        thoughts.push(if t.traps.is_empty() {
            format!("which thinking traps recur shows once one is named {MIN_TIMES} times")
        } else {
            format!("traps that recur: {}", cycle_parts(&t.traps, trap))
        });
        thoughts.push(match t.belief_change {
            None => {
                format!("the change in belief shows from {MIN_TIMES} checks rated before and after")
            }
            Some(c) if c < 0.0 => format!(
                "belief in the first thought eased by {:.0} points on average (over {})",
                -c,
                count(t.rated, "check", "checks")
            ),
            Some(c) => format!(
                "belief in the first thought rose by {c:.0} points on average (over {})",
                count(t.rated, "check", "checks")
            ),
        });
    }
    [
        ("Debriefs after a hard moment", debriefs),
        ("Thoughts checked", thoughts),
    ]
}
