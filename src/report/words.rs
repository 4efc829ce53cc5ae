//! Entry fields in words, shared by the Markdown export and reports.

use super::Include;
use crate::content::Catalog;
use crate::journal::insights::moments::{TriggerPredictions, TriggerUrge};
use crate::journal::insights::one_decimal;
use crate::journal::printable::printable;
use crate::journal::{
    Bid, CycleWords, Debrief, Entry, Episode, Fact, Ladder, Name, Outcome, Prediction, Response,
    StrategyUse, ThoughtCheck, TimeOut, TriggerLog, TriggerRef, facts,
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
    if let Some(step) = &p.step {
        facts.push(format!("a brave step: {}", step.step.trim()));
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
    /// An entry's bids and appreciations, a line each.
    Bids(&'a [Bid]),
    /// A time-out with its promise to come back.
    TimeOut(&'a TimeOut),
    /// A ladder of small brave steps.
    Ladder(&'a Ladder),
    /// The review of a week.
    WeekReview(&'a crate::journal::WeekReview),
}

impl Chain<'_> {
    /// Its title: "A moment, traced".
    pub fn title(self) -> &'static str {
        match self {
            Chain::Moment(_) => "A moment, traced",
            Chain::Thought(_) => "A thought, checked",
            Chain::Debrief(_) => "After a hard moment",
            Chain::Cycle(_) => "The cycle, in my words",
            Chain::Bids(_) => "Bids and appreciations",
            Chain::TimeOut(_) => "A time-out",
            Chain::Ladder(_) => "A ladder of brave steps",
            Chain::WeekReview(_) => "The week in review",
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
            Chain::Bids(_) => ("Bids and appreciations", "Bids"),
            Chain::TimeOut(_) => ("Time-outs", "Time-out"),
            Chain::Ladder(_) => ("Ladders of brave steps", "Ladder"),
            Chain::WeekReview(_) => ("The week in review", "Week"),
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
            Chain::Bids(bids) => bids.iter().filter_map(bid_line).collect(),
            Chain::TimeOut(t) => time_out_lines(t),
            Chain::Ladder(l) => ladder_lines(l),
            Chain::WeekReview(r) => {
                let mut out = vec![("Week of", r.week.format("%-d %B %Y").to_string())];
                filled(&mut out, r.texts());
                out
            }
        }
    }
}

/// An entry's heading where its words are shown: its day and the time it was written
/// ("Sunday 29 November 2026, 21:30"); for one written later, for an earlier day, its day and
/// the day it was written instead ("Sunday 29 November 2026, written on Monday 30 November").
pub fn entry_heading(e: &Entry) -> String {
    match e.written_on {
        Some(on) => format!(
            "{}, written on {}",
            e.date.format("%A %-d %B %Y"),
            on.format("%A %-d %B")
        ),
        None => e.created_at.format("%A %-d %B %Y, %H:%M").to_string(),
    }
}

/// The chains a part of an entry is read as (moments, thoughts checked, debriefs, the cycle
/// in words, bids, time-outs, ladders, week reviews), each titled; none for the other parts.
pub fn chains_of(fact: Fact<'_>) -> Vec<Chain<'_>> {
    match fact {
        Fact::Moments(x) => x.iter().map(Chain::Moment).collect(),
        Fact::Thoughts(x) => x.iter().map(Chain::Thought).collect(),
        Fact::Debriefs(x) => x.iter().map(Chain::Debrief).collect(),
        Fact::CycleWords(x) => x.iter().map(Chain::Cycle).collect(),
        Fact::Bids(x) if x.iter().any(|b| !b.is_empty()) => vec![Chain::Bids(x)],
        Fact::TimeOuts(x) => x.iter().map(Chain::TimeOut).collect(),
        Fact::Ladders(x) => x.iter().map(Chain::Ladder).collect(),
        Fact::WeekReviews(x) => x.iter().map(Chain::WeekReview).collect(),
        Fact::Bids(_)
        | Fact::WrittenLater(_)
        | Fact::Perspective(_)
        | Fact::Scale(..)
        | Fact::Feelings(_)
        | Fact::Triggers(_)
        | Fact::Signs(_)
        | Fact::Answers(_)
        | Fact::Predictions(_)
        | Fact::Strategies(_)
        | Fact::Notes(_)
        | Fact::Tags(_) => Vec::new(),
    }
}

/// A bid or an appreciation as a labelled line: its kind, then how it was met and what
/// happened (`A bid from them`, `I turned toward it · showed me a photo`); `None` when
/// nothing was said of it.
pub fn bid_line(b: &Bid) -> Option<(&'static str, String)> {
    if b.is_empty() {
        return None;
    }
    let turn = b.turn.filter(|_| b.kind.is_bid()).map(|t| t.label(b.kind));
    let text = b.text.trim();
    let value = match (turn, text.is_empty()) {
        (Some(t), false) => format!("{t} · {text}"),
        (Some(t), true) => t.to_owned(),
        (None, _) => text.to_owned(),
    };
    Some((b.kind.label(), value))
}

/// A break's length in words: "20 minutes", "1 hour", "1 hour 30 minutes", "24 hours".
pub fn break_length(minutes: i64) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    let hours = crate::journal::vocabulary::count(u32::try_from(h).unwrap_or(0), "hour", "hours");
    let mins =
        crate::journal::vocabulary::count(u32::try_from(m).unwrap_or(0), "minute", "minutes");
    match (h, m) {
        (0, _) => mins,
        (_, 0) => hours,
        _ => format!("{hours} {mins}"),
    }
}

/// A time-out as labelled lines: whose break and for how long, the line said, what the person
/// did until then, and whether they went back to it.
pub fn time_out_lines(t: &TimeOut) -> Vec<(&'static str, String)> {
    let until = if t.back_at.date_naive() == t.from.date_naive() {
        t.back_at.format("%H:%M").to_string()
    } else {
        t.back_at.format("%H:%M on %A %-d %B").to_string()
    };
    let mut out = vec![(
        t.side.label(),
        format!(
            "{}, from {} to {until}",
            break_length(t.minutes()),
            t.from.format("%H:%M")
        ),
    )];
    filled(
        &mut out,
        [("Said", t.said.as_str()), ("Until then", &t.until_then)],
    );
    if let Some(b) = &t.back {
        let note = b.note.trim();
        out.push((
            "Went back to it",
            if note.is_empty() {
                b.went.label().to_owned()
            } else {
                format!("{} · {note}", b.went.label())
            },
        ));
    }
    out
}

/// A ladder as labelled lines: the fear it climbs, then each step with how scary it felt.
pub fn ladder_lines(l: &Ladder) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    filled(&mut out, [("Fear", l.fear.as_str())]);
    for (i, r) in l.steps.iter().enumerate() {
        let text = r.text.trim();
        if text.is_empty() {
            continue;
        }
        out.push((
            "Step",
            match r.scary {
                Some(s) => format!("{}. {text} · scary {}/100", i + 1, s.get()),
                None => format!("{}. {text}", i + 1),
            },
        ));
    }
    if l.put_away {
        out.push(("Put away", "yes".to_owned()));
    }
    out
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
            Fact::Bids(bids) if include.turning && bids.iter().any(|b| !b.is_empty()) => {
                out.push(Shared::Chain(Chain::Bids(bids)));
            }
            Fact::TimeOuts(breaks) if include.turning => {
                out.extend(breaks.iter().map(|x| Shared::Chain(Chain::TimeOut(x))));
            }
            Fact::Ladders(ladders) if include.turning => {
                out.extend(ladders.iter().map(|x| Shared::Chain(Chain::Ladder(x))));
            }
            Fact::WeekReviews(reviews) if include.notes => {
                out.extend(
                    reviews
                        .iter()
                        .filter(|r| !r.is_empty())
                        .map(|x| Shared::Chain(Chain::WeekReview(x))),
                );
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
            | Fact::Bids(_)
            | Fact::TimeOuts(_)
            | Fact::Ladders(_)
            | Fact::WeekReviews(_)
            | Fact::Notes(_)
            | Fact::WrittenLater(_)
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

/// Turning toward over a window in words, as insights, `closer stats` and the report say it:
/// the bids of each side and how they were met, the appreciations, the breaks and whether
/// they led back to the talk, and what the numbers are too small to say. Empty when nothing
/// of it was logged.
pub fn turning_lines(t: &crate::journal::insights::turning::Turning) -> Vec<String> {
    use crate::journal::insights::turning::{MIN_BIDS, Turns};
    use crate::journal::vocabulary::count as n;
    if !t.any() {
        return Vec::new();
    }
    let turns = |who: &str, x: &Turns| {
        let mut s = format!(
            "{} · {who} toward {}, away {}, against {}",
            n(x.total(), "bid", "bids"),
            x.toward,
            x.away,
            x.against
        );
        if let Some(p) = x.toward_percent() {
            s.push_str(&format!(" ({p}% toward)"));
        }
        s
    };
    let mut out = vec![
        format!("From them: {}", turns("you turned", &t.theirs)),
        format!("From you: {}", turns("they turned", &t.mine)),
        format!(
            "Appreciations: {} of them, {} of yourself",
            t.thanks_them, t.thanks_me
        ),
    ];
    let b = &t.breaks;
    if b.total() > 0 {
        let mut s = format!(
            "Breaks: {} ({} you took, {} they asked for) · went back to it {}, later {}, not {}",
            b.total(),
            b.taken,
            b.waited,
            b.yes,
            b.later,
            b.no
        );
        if b.open > 0 {
            s.push_str(&format!(", not answered yet {}", b.open));
        }
        if let Some(p) = b.back_percent() {
            s.push_str(&format!(" ({p}% led back to the talk)"));
        }
        out.push(s);
    }
    if t.theirs.said() < MIN_BIDS || t.mine.said() < MIN_BIDS {
        out.push(format!(
            "Under {MIN_BIDS} bids on a side is too few to say what is usual: each one logged \
             is a moment you noticed."
        ));
    }
    out
}

/// Turning toward week by week, newest first, beside the moments traced: a header and a row
/// a week, in fixed columns (bids as "toward/all").
pub fn turning_weeks(t: &crate::journal::insights::turning::Turning) -> Vec<String> {
    let mut out = vec![format!(
        "{:<12}{:>10}{:>10}{:>8}{:>8}{:>9}",
        "Week of", "From them", "From you", "Thanks", "Breaks", "Moments"
    )];
    for w in t.weeks.iter().rev() {
        let bids = |x: &crate::journal::insights::turning::Turns| {
            if x.total() == 0 {
                "–".to_owned()
            } else {
                format!("{}/{}", x.toward, x.total())
            }
        };
        out.push(format!(
            "{:<12}{:>10}{:>10}{:>8}{:>8}{:>9}",
            w.starts.format("%-d %b %y").to_string(),
            bids(&w.theirs),
            bids(&w.mine),
            w.thanks,
            w.breaks,
            w.moments
        ));
    }
    out
}
