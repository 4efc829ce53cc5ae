//! The plain check-in itself: the steps of the daily check-in in their order, one question at
//! a time, the draft written after every answer, and the end (saved, kept, thrown away).

use std::io::{self, BufRead, Write};

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::term::{Input, Term};
use super::words;
use crate::content::Catalog;
use crate::content::checkin::{Given, hard_day, learned};
use crate::journal::draft::{CheckInDraft, Flow, FollowUp, Step};
use crate::journal::{Entry, Journal, Preferences};
use crate::store::{NotSaved, Store};

/// The local time, as the check-in reads it (the clock, or a test's).
pub type Clock<'a> = &'a dyn Fn() -> DateTime<FixedOffset>;

/// How a plain check-in ended.
#[derive(Debug)]
pub enum Ended {
    /// Saved as an entry; with the preferences it taught (own words remembered, library plans
    /// done with), when they change.
    Saved(Box<Entry>, Option<Box<Preferences>>),
    /// Left with `/quit`: kept as the draft, if anything was entered (`true`).
    Left(bool),
    /// Standard input ended first: kept as the draft, if anything was entered (`true`).
    InputEnded(bool),
    /// Thrown away with `/discard`.
    Discarded,
    /// Nothing was entered, so nothing was saved or kept.
    Empty,
    /// The entry could not be written (why); kept as the draft when it could be (`true`).
    NotSaved(String, bool),
}

/// Where an answer leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Went {
    /// On to the next question or step.
    Next,
    /// The step before.
    Back,
    /// Saved now.
    Save,
    /// Left, kept as the draft.
    Quit,
    /// Thrown away (once confirmed).
    Discard,
    /// Standard input ended.
    End,
}

/// What a question got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Reply {
    /// An answer.
    Answer(String),
    /// Enter alone: left as it is.
    Skip,
    /// `/other` (only where [`Checkin::ask_or_other`] asked).
    Other,
    /// A word that leaves the question.
    Go(Went),
}

/// A check-in asked line by line on `term`, written to `store`.
pub struct Checkin<'a, R, W> {
    /// The check-in so far.
    pub draft: CheckInDraft,
    pub(super) t: Term<R, W>,
    pub(super) store: &'a Store,
    pub(super) catalog: &'a Catalog,
    pub(super) prefs: &'a Preferences,
    /// The journal as read; `None` while it is locked.
    pub(super) journal: Option<&'a Journal>,
    /// The local date.
    pub(super) today: NaiveDate,
    /// The journal is encrypted and locked: the person's own words are not shown.
    pub(super) locked: bool,
    pub(super) now: Clock<'a>,
    /// Strategy ids suggested in this check-in.
    pub(super) suggestions: Vec<String>,
    /// Prompt ids offered so far (so another question does not repeat itself).
    pub(super) offered: Vec<String>,
    /// Earlier plans to follow up, found as the check-in begins.
    pub(super) follow_ups: Vec<FollowUp>,
    /// The last draft write failed (said once, tried again after the next answer).
    draft_failed: bool,
}

/// What a check-in is asked with besides the draft and the lines.
pub struct With<'a> {
    /// The journal's store: the draft and the entry are written through it.
    pub store: &'a Store,
    /// The content.
    pub catalog: &'a Catalog,
    /// The preferences in use.
    pub prefs: &'a Preferences,
    /// The journal as read; `None` while it is locked.
    pub journal: Option<&'a Journal>,
    /// The local date.
    pub today: NaiveDate,
    /// The journal is encrypted and locked.
    pub locked: bool,
    /// The clock.
    pub now: Clock<'a>,
}

impl<'a, R: BufRead, W: Write> Checkin<'a, R, W> {
    /// A check-in of `draft` (new or resumed) asked on `t`.
    pub fn new(draft: CheckInDraft, t: Term<R, W>, with: With<'a>) -> Checkin<'a, R, W> {
        let mut c = Checkin {
            draft,
            t,
            store: with.store,
            catalog: with.catalog,
            prefs: with.prefs,
            journal: with.journal,
            today: with.today,
            locked: with.locked,
            now: with.now,
            suggestions: Vec::new(),
            offered: Vec::new(),
            follow_ups: Vec::new(),
            draft_failed: false,
        };
        c.follow_ups = c.given().follow_ups(&c.draft);
        c
    }

    /// What the check-in's choices are made from.
    pub(super) fn given(&self) -> Given<'a> {
        Given {
            catalog: self.catalog,
            prefs: self.prefs,
            journal: self.journal,
            today: self.today,
        }
    }

    /// The lines (for tests, and to say what comes after).
    pub fn term(&mut self) -> &mut Term<R, W> {
        &mut self.t
    }

    /// Asks the check-in from the step its draft is on to the end.
    ///
    /// # Errors
    /// Reading the input or writing the output failed.
    pub fn run(&mut self) -> io::Result<Ended> {
        let steps = Flow::CheckIn.steps();
        let (at, _) = Flow::CheckIn.position(self.draft.step);
        let mut i = at - 1;
        loop {
            let step = steps[i];
            self.draft.step = step;
            self.draft.at = 0;
            self.keep_draft()?;
            self.t.gap()?;
            self.t.say(&format!(
                "Step {} of {}: {}",
                i + 1,
                steps.len(),
                step.title()
            ))?;
            let went = self.step(step)?;
            match went {
                Went::Next if i + 1 < steps.len() => i += 1,
                Went::Next | Went::Save => return self.save(),
                Went::Back => i = i.saturating_sub(1),
                Went::Quit => return self.leave(false),
                Went::End => return self.leave(true),
                Went::Discard => {
                    if self.confirm_discard()? {
                        return self.discard();
                    }
                }
            }
        }
    }

    /// Asks one step.
    fn step(&mut self, step: Step) -> io::Result<Went> {
        match step {
            Step::Scales => self.scales(),
            Step::Emotions => self.feelings(),
            Step::Triggers => self.triggers(),
            Step::Reactions => self.reactions(),
            Step::Episodes => self.moments(),
            Step::Reflect => self.reflect(),
            Step::Strategies => self.strategies(),
            Step::Predictions => self.predictions(),
            Step::Notes => self.notes(),
            Step::Summary => self.summary(),
            // Asked on their own, never in the daily check-in's order.
            Step::Thought
            | Step::Debrief
            | Step::Cycle
            | Step::Bid
            | Step::TimeOut
            | Step::Week
            | Step::Ladder => Ok(Went::Next),
        }
    }

    /// Reads an answer to the question just asked: `?` says `help` and asks again, `!` and
    /// `/safety` show where to find help and ask again, a word that steers leaves it.
    pub(super) fn ask(&mut self, help: &[String]) -> io::Result<Reply> {
        loop {
            match self.ask_or_other(help)? {
                Reply::Other => {
                    self.t
                        .say("/other asks another question on Reflect's questions only.")?;
                }
                reply => return Ok(reply),
            }
        }
    }

    /// [`Checkin::ask`], where `/other` is an answer too.
    pub(super) fn ask_or_other(&mut self, help: &[String]) -> io::Result<Reply> {
        loop {
            let reply = match self.t.read()? {
                Input::Text(text) => Reply::Answer(text),
                Input::Blank => Reply::Skip,
                Input::Other => Reply::Other,
                Input::Back => Reply::Go(Went::Back),
                Input::Next => Reply::Go(Went::Next),
                Input::Save => Reply::Go(Went::Save),
                Input::Quit => Reply::Go(Went::Quit),
                Input::Discard => Reply::Go(Went::Discard),
                Input::End => Reply::Go(Went::End),
                Input::Help => {
                    for paragraph in help {
                        self.t.say(paragraph)?;
                    }
                    self.t.say(&format!(
                        "Enter alone skips; ! shows where to find support; {}",
                        words::steering_words()
                    ))?;
                    continue;
                }
                Input::Support => {
                    words::support(&mut self.t)?;
                    self.t.say("Back to the question:")?;
                    continue;
                }
                Input::Safety => {
                    words::safety(&mut self.t, self.catalog)?;
                    self.t.say("Back to the question:")?;
                    continue;
                }
                Input::Unknown(word) => {
                    self.t.say(&format!(
                        "/{word} is not a word closer knows. {}",
                        words::STEERING
                    ))?;
                    continue;
                }
            };
            return Ok(reply);
        }
    }

    /// Says what the question holds now (`now`, when anything), then reads an answer to it:
    /// the answer, or where the person goes instead (Enter alone: [`Went::Next`]).
    pub(super) fn answer(
        &mut self,
        now: &[String],
        help: &[String],
    ) -> io::Result<Result<String, Went>> {
        if !now.is_empty() {
            let them = if now.len() == 1 { "it" } else { "them" };
            self.t
                .say(&format!("Now: {}. Enter keeps {them}.", now.join(", ")))?;
        }
        Ok(match self.ask(help)? {
            Reply::Answer(a) => Ok(a),
            Reply::Skip | Reply::Other => Err(Went::Next),
            Reply::Go(went) => Err(went),
        })
    }

    /// Says `problem` (an answer closer cannot take) and that the question waits.
    pub(super) fn again(&mut self, problem: &str) -> io::Result<()> {
        self.t
            .say(&format!("{problem} Try again, or press Enter to skip."))
    }

    /// Writes the draft, when anything is in it. A failed write is said (once) and tried
    /// again after the next answer; what was typed stays here meanwhile.
    pub(super) fn keep_draft(&mut self) -> io::Result<bool> {
        if self.draft.is_empty() {
            return Ok(false);
        }
        match self.store.save_draft(&self.draft, (self.now)()) {
            Ok(()) => {
                self.draft_failed = false;
                Ok(true)
            }
            Err(e) => {
                if !self.draft_failed {
                    self.t.say(&format!(
                        "Your draft could not be written ({e}). What you typed is still here; \
                         closer tries again after your next answer."
                    ))?;
                }
                self.draft_failed = true;
                Ok(false)
            }
        }
    }

    /// Saves the check-in, if there is anything to save.
    fn save(&mut self) -> io::Result<Ended> {
        if self.draft.is_empty() {
            let _ = self.store.discard_draft();
            return Ok(Ended::Empty);
        }
        match self.store.save_check_in(&self.draft, (self.now)()) {
            Ok(entry) => {
                let prefs = learned(&entry, self.prefs, &self.suggestions).map(Box::new);
                self.saved(&entry)?;
                Ok(Ended::Saved(Box::new(entry), prefs))
            }
            Err(NotSaved {
                error,
                kept_as_draft,
            }) => Ok(Ended::NotSaved(error.to_string(), kept_as_draft)),
        }
    }

    /// Says the check-in is saved; after a hard day, offers once, quietly, where help is.
    fn saved(&mut self, entry: &Entry) -> io::Result<()> {
        let day = match entry.written_on {
            Some(_) => format!(
                " to {}, marked as written later",
                entry.date.format("%A %-d %B %Y")
            ),
            None if entry.date == self.today => String::new(),
            None => format!(" to {}", entry.date.format("%A %-d %B %Y")),
        };
        self.t.gap()?;
        let how = if self.locked { ", encrypted" } else { "" };
        self.t.say(&format!("Your check-in is saved{day}{how}."))?;
        if !hard_day(entry, self.catalog) {
            return Ok(());
        }
        self.t.say(
            "If it was a hard day, type ! and press Enter to see where to find support; \
             Enter alone ends.",
        )?;
        match self.t.read()? {
            Input::Support => words::support(&mut self.t),
            Input::Safety => words::safety(&mut self.t, self.catalog),
            _ => Ok(()),
        }
    }

    /// Leaves: what was entered is kept as the draft (`ended`: standard input ended).
    fn leave(&mut self, ended: bool) -> io::Result<Ended> {
        let kept = self.keep_draft()?;
        Ok(if ended {
            Ended::InputEnded(kept)
        } else {
            Ended::Left(kept)
        })
    }

    /// "Discard this check-in?": whether the person says yes.
    fn confirm_discard(&mut self) -> io::Result<bool> {
        if self.draft.is_empty() {
            return Ok(true);
        }
        self.t.say(
            "Discard this check-in? What you entered in it will be gone for good. Type y to \
             discard it; Enter alone goes back to the step.",
        )?;
        Ok(matches!(self.t.read()?, Input::Text(t) if is_yes(&t)))
    }

    /// Throws the check-in away.
    fn discard(&mut self) -> io::Result<Ended> {
        match self.store.discard_draft() {
            Ok(()) => Ok(Ended::Discarded),
            Err(e) => {
                self.t
                    .say(&format!("The draft could not be removed: {e}"))?;
                Ok(Ended::Discarded)
            }
        }
    }
}

/// Whether an answer says yes.
pub(super) fn is_yes(text: &str) -> bool {
    matches!(text.trim().to_lowercase().as_str(), "y" | "yes")
}
