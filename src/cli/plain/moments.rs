//! Steps 5 and 8 asked line by line: a moment of the day traced (what happened, its triggers,
//! the urge, what the person did, what happened next, a repair, how it ended) and a fear
//! written as a prediction (how likely, how bad, when to look back). Each is optional: Enter
//! alone at its first question passes the step by.

use std::io::{self, BufRead, Write};

use chrono::NaiveDate;

use super::ask::{Checkin, Reply, Went, is_yes};
use super::lists::by_label;
use super::term::picks;
use crate::content::PromptKind;
use crate::content::checkin::{
    NOT_YET, look_back_problem, own_words, question_of_the_day, repair_choices, sign_choices,
};
use crate::journal::episode::LookBack;
use crate::journal::{Badness, Ending, Episode, Likelihood, Name, Prediction, Repair};

/// A field's answer: what was typed, or where the person went instead.
enum Field {
    /// Typed.
    Text(String),
    /// Enter alone.
    Skipped,
    /// A word that leaves the step.
    Went(Went),
}

/// Places picked (in the list's order) and words of one's own.
type Chosen = (Vec<usize>, Vec<String>);

/// The look-back choices, in the order offered: the prediction step's.
const WHENS: [&str; 4] = ["tomorrow", "in 3 days", "in a week", "on a date"];

impl<R: BufRead, W: Write> Checkin<'_, R, W> {
    /// Asks `question` with `help`; a line that is not empty is the answer.
    fn field(&mut self, question: &str, help: &[String]) -> io::Result<Field> {
        self.t.gap()?;
        self.t.say(question)?;
        Ok(match self.ask(help)? {
            Reply::Go(went) => Field::Went(went),
            Reply::Skip | Reply::Other => Field::Skipped,
            Reply::Answer(a) => Field::Text(a),
        })
    }

    /// Asks `question` over numbered `labels` (`own`: words of one's own taken too) until
    /// the answer can be read.
    fn pick_field(
        &mut self,
        question: &str,
        labels: &[String],
        own: bool,
        help: &[String],
    ) -> io::Result<Result<Chosen, Went>> {
        self.t.gap()?;
        self.t.say(question)?;
        self.t.choices("", labels, 1)?;
        loop {
            let answer = match self.ask(help)? {
                Reply::Go(went) => return Ok(Err(went)),
                Reply::Skip | Reply::Other => return Ok(Ok((Vec::new(), Vec::new()))),
                Reply::Answer(a) => a,
            };
            let read = picks(&answer, labels.len()).and_then(|p| {
                let mut places = p.places;
                let mut words = Vec::new();
                for w in p.words {
                    match by_label(labels, std::slice::from_ref(&w)) {
                        Some(found) => places.extend(found),
                        None if own => words.extend(own_words(&w)),
                        None => return Err("Type the numbers of the ones that fit.".to_owned()),
                    }
                }
                places.sort_unstable();
                places.dedup();
                Ok((places, words))
            });
            match read {
                Ok(chosen) => return Ok(Ok(chosen)),
                Err(problem) => self.again(&problem)?,
            }
        }
    }

    /// The moment being traced, `at` in the draft, as `f` changes it; the draft written.
    fn change_moment(&mut self, at: usize, f: impl FnOnce(&mut Episode)) -> io::Result<()> {
        if let Some(e) = self.draft.entry.episodes.get_mut(at) {
            f(e);
        }
        self.keep_draft().map(|_| ())
    }

    /// Step 5: moments of the day, traced one at a time.
    pub(super) fn moments(&mut self) -> io::Result<Went> {
        // Moments left empty (a check-in resumed from the interface) are not kept.
        self.draft.entry.episodes.retain(|e| !e.is_empty());
        let intro = self.catalog.episodes.episode_intro.trim();
        let traced = self.draft.episodes.len();
        let before = (traced > 0).then(|| count(traced, "moment", "moments", "traced"));
        let another = "Trace another moment? Type y; Enter alone goes on.";
        let count: fn(&Self) -> usize = |c| c.draft.episodes.len();
        self.one_by_one(
            intro,
            PromptKind::Episode,
            before,
            another,
            count,
            Self::moment,
        )
    }

    /// A step of records asked one after another, each passed by with Enter alone at its first
    /// question: `intro` and the day's question of `kind`, what was written `before`, then
    /// one record (`ask`; `count` says how many there are) as long as the person wants
    /// `another`.
    fn one_by_one(
        &mut self,
        intro: &str,
        kind: PromptKind,
        before: Option<String>,
        another: &str,
        count: fn(&Self) -> usize,
        ask: fn(&mut Self) -> io::Result<Went>,
    ) -> io::Result<Went> {
        self.t.gap()?;
        self.t.say(intro)?;
        if let Some(p) = question_of_the_day(self.catalog, kind, &self.draft) {
            self.t.say(&p.text)?;
        }
        if let Some(before) = before {
            self.t.say(&before)?;
        }
        loop {
            let made = count(self);
            let went = ask(self)?;
            if went != Went::Next || count(self) == made {
                return Ok(went);
            }
            self.t.say(another)?;
            match self.ask(&[])? {
                Reply::Answer(a) if is_yes(&a) => {}
                Reply::Go(went) => return Ok(went),
                _ => return Ok(Went::Next),
            }
        }
    }

    /// One moment, field by field (what happened first: Enter alone there passes it by).
    fn moment(&mut self) -> io::Result<Went> {
        let help = vec![
            "In a line: where you were, what was said or done. Enter alone passes the moment by."
                .to_owned(),
        ];
        let what = match self.field("A moment: what happened?", &help)? {
            Field::Text(t) => t,
            Field::Skipped => return Ok(Went::Next),
            Field::Went(went) => return Ok(went),
        };
        let at = self.draft.episodes.len();
        self.draft.entry.episodes.push(Episode {
            what: what.trim().to_owned(),
            ..Episode::default()
        });
        self.keep_draft()?;
        let perspective = self.draft.perspective;
        let catalog = self.catalog;
        // The triggers logged in step 3.
        let triggers: Vec<_> = self
            .draft
            .triggers
            .iter()
            .map(|t| t.trigger.clone())
            .collect();
        if !triggers.is_empty() {
            let labels: Vec<String> = triggers.iter().map(|t| catalog.trigger_label(t)).collect();
            let help = vec!["Type the numbers of the triggers it belongs to.".to_owned()];
            match self.pick_field("Which trigger(s) does it belong to?", &labels, false, &help)? {
                Err(went) => return Ok(went),
                Ok((places, _)) => self.change_moment(at, |e| {
                    e.triggers = places.iter().map(|&i| triggers[i].clone()).collect();
                })?,
            }
        }
        let urges = catalog.urges_for(perspective);
        let labels: Vec<String> = urges.iter().map(|u| u.label.clone()).collect();
        let help = vec![own_help("urges")];
        match self.pick_field("What was the urge?", &labels, true, &help)? {
            Err(went) => return Ok(went),
            Ok((places, words)) => self.change_moment(at, |e| {
                e.urges = places
                    .iter()
                    .map(|&i| urges[i].id.clone())
                    .chain(words)
                    .collect();
            })?,
        }
        let episode = self.draft.episodes[at].clone();
        let signs = sign_choices(&episode, &self.draft, catalog, perspective);
        let labels: Vec<String> = signs.iter().map(|(_, l)| l.clone()).collect();
        let help = vec![own_help("what you did")];
        match self.pick_field("What did you do?", &labels, true, &help)? {
            Err(went) => return Ok(went),
            Ok((places, words)) => self.change_moment(at, |e| {
                e.did = places
                    .iter()
                    .map(|&i| signs[i].0.clone())
                    .chain(words)
                    .collect();
            })?,
        }
        match self.field("What happened next?", &["In a line.".to_owned()])? {
            Field::Text(t) => self.change_moment(at, |e| e.next = t.trim().to_owned())?,
            Field::Skipped => {}
            Field::Went(went) => return Ok(went),
        }
        if let Some(went) = self.repair(at)? {
            return Ok(went);
        }
        let labels: Vec<String> = Ending::ALL.iter().map(|e| e.label().to_owned()).collect();
        let help = vec!["Type one number.".to_owned()];
        match self.pick_field("How did it end? (pick one)", &labels, false, &help)? {
            Err(went) => return Ok(went),
            Ok((places, _)) => {
                let ended = places.first().map(|&i| Ending::ALL[i]);
                self.change_moment(at, |e| e.ended = ended)?;
            }
        }
        Ok(Went::Next)
    }

    /// A moment's repair: one of those offered, and words of one's own kept with it.
    fn repair(&mut self, at: usize) -> io::Result<Option<Went>> {
        let episode = self.draft.episodes[at].clone();
        let offered = repair_choices(&episode, &self.draft, &self.given());
        let labels: Vec<String> = offered.iter().map(|(_, l)| l.clone()).collect();
        let help = vec![
            "Type the number of the repair you tried (one), and what you said or did in your \
             own words after a comma if you like: 3, I said sorry. 1 is not yet."
                .to_owned(),
        ];
        loop {
            let (places, words) = match self.pick_field(
                "Did you try a repair? (pick one, and add your own words if you like)",
                &labels,
                true,
                &help,
            )? {
                Err(went) => return Ok(Some(went)),
                Ok(chosen) => chosen,
            };
            if places.len() > 1 {
                self.again("Pick one repair.")?;
                continue;
            }
            let picked = places.first().map(|&i| offered[i].0.as_str());
            let repair = Repair::of(
                picked == Some(NOT_YET),
                picked
                    .filter(|id| *id != NOT_YET)
                    .and_then(|id| Name::try_from(id).ok()),
                &words.join(", "),
            );
            if repair.is_some() {
                self.change_moment(at, |e| e.repair = repair)?;
            }
            return Ok(None);
        }
    }

    /// Step 8: fears written as predictions, one at a time.
    pub(super) fn predictions(&mut self) -> io::Result<Went> {
        let intro = self.catalog.episodes.prediction_why.trim();
        let made = self.draft.predictions.len();
        let before = (made > 0).then(|| count(made, "prediction", "predictions", "written"));
        let another = "Write another fear as a prediction? Type y; Enter alone goes on.";
        let count: fn(&Self) -> usize = |c| c.draft.predictions.len();
        self.one_by_one(
            intro,
            PromptKind::Prediction,
            before,
            another,
            count,
            Self::prediction,
        )
    }

    /// One prediction: the fear first (Enter alone there passes it by), then how likely, how
    /// bad, and when to look back.
    fn prediction(&mut self) -> io::Result<Went> {
        let help = vec![
            "In your words, what you fear will happen, e.g. “they will say no”. On the day you \
             choose, closer asks what really happened. Enter alone passes it by."
                .to_owned(),
        ];
        let fear = match self.field("What do you fear will happen?", &help)? {
            Field::Text(t) => t.trim().to_owned(),
            Field::Skipped => return Ok(Went::Next),
            Field::Went(went) => return Ok(went),
        };
        let made_on = self.draft.date;
        let at = self.draft.predictions.len();
        self.draft.entry.predictions.push(Prediction {
            fear,
            likelihood: None,
            badness: None,
            look_back: LookBack::Tomorrow.day(made_on),
            outcome: None,
            step: None,
            extra: Default::default(),
        });
        self.keep_draft()?;
        let question = "How likely does it feel, from 0 to 100 percent?";
        match self.number(question, 0, 100)? {
            Err(went) => return Ok(went),
            Ok(n) => {
                self.draft.entry.predictions[at].likelihood =
                    n.and_then(|n| Likelihood::try_from(i64::from(n)).ok());
            }
        }
        let question = "How bad would it be, from 1 (a little) to 5 (very)?";
        match self.number(question, 1, 5)? {
            Err(went) => return Ok(went),
            Ok(n) => {
                self.draft.entry.predictions[at].badness = n.and_then(|n| Badness::try_from(n).ok())
            }
        }
        self.keep_draft()?;
        match self.look_back(made_on)? {
            Err(went) => Ok(went),
            Ok(day) => {
                self.draft.entry.predictions[at].look_back = day;
                self.keep_draft()?;
                let when = day.format("%A %-d %B");
                self.t
                    .say(&format!("On {when}, closer asks what really happened."))?;
                Ok(Went::Next)
            }
        }
    }

    /// A whole number from `low` to `high` (a "%" after it is fine); `None` when skipped.
    fn number(
        &mut self,
        question: &str,
        low: u8,
        high: u8,
    ) -> io::Result<Result<Option<u8>, Went>> {
        let help = vec![format!("Type a number from {low} to {high}.")];
        loop {
            let answer = match self.field(question, &help)? {
                Field::Text(t) => t,
                Field::Skipped => return Ok(Ok(None)),
                Field::Went(went) => return Ok(Err(went)),
            };
            match answer.trim().trim_end_matches('%').trim().parse::<u8>() {
                Ok(n) if (low..=high).contains(&n) => return Ok(Ok(Some(n))),
                _ => self.again(&format!("“{answer}” is not a number from {low} to {high}."))?,
            }
        }
    }

    /// When to look back: one of [`WHENS`], or a day typed (checked as the interface checks
    /// it). Enter alone is tomorrow.
    fn look_back(&mut self, made_on: NaiveDate) -> io::Result<Result<NaiveDate, Went>> {
        let help = vec!["Type one number; for 4, closer then asks for the day.".to_owned()];
        let labels: Vec<String> = WHENS.iter().map(|w| (*w).to_owned()).collect();
        let question = "When do you want to look back? (pick one; Enter alone is tomorrow)";
        let place = loop {
            match self.pick_field(question, &labels, false, &help)? {
                Err(went) => return Ok(Err(went)),
                Ok((places, _)) if places.len() <= 1 => break places.first().copied(),
                Ok(_) => self.again("Pick one.")?,
            }
        };
        let look_back = match place {
            Some(1) => LookBack::InThreeDays,
            Some(2) => LookBack::InAWeek,
            Some(3) => loop {
                let help = vec!["The day as YYYY-MM-DD, from tomorrow on.".to_owned()];
                let text = match self.field("The day, as YYYY-MM-DD:", &help)? {
                    Field::Text(t) => t,
                    Field::Skipped => break LookBack::Tomorrow,
                    Field::Went(went) => return Ok(Err(went)),
                };
                match (
                    look_back_problem(&text, made_on),
                    text.trim().parse::<NaiveDate>(),
                ) {
                    (None, Ok(day)) => break LookBack::On(day),
                    (Some(problem), _) => self.again(&problem)?,
                    (None, Err(_)) => self.again("Type the day as YYYY-MM-DD.")?,
                }
            },
            _ => LookBack::Tomorrow,
        };
        Ok(Ok(look_back.day(made_on)))
    }
}

/// The help of a list that takes words of one's own (`what`: "urges").
fn own_help(what: &str) -> String {
    format!(
        "Type the numbers of those that fit, separated by spaces or commas, and {what} in your \
         own words, separated by commas: 2, wanting to leave the room."
    )
}

/// "You traced 2 moments already; they are kept."
fn count(n: usize, one: &str, many: &str, done: &str) -> String {
    let kept = if n == 1 { "it is" } else { "they are" };
    let what = crate::journal::vocabulary::count(u64::try_from(n).unwrap_or(u64::MAX), one, many);
    format!("You {done} {what} already; {kept} kept.")
}
