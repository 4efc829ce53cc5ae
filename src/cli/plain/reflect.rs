//! Steps 6, 7, 9 and 10 asked line by line: the questions to reflect on, the strategies (and
//! earlier plans followed up), the notes and tags, and the summary to save.

use crate::journal::entry::ThinVec;
use std::io::{self, BufRead, Write};

use super::ask::{Checkin, Reply, Went};
use super::lists::CLEAR;
use super::term::picks;
use crate::content::checkin::{Asked, note_offered, reflect_questions, response_for};
use crate::content::offer;
use crate::journal::draft::{answer_follow_up, set_planned};
use crate::journal::{Helpfulness, Name, ThemeChoice};
use crate::tui::screens::checkin::parse_tags;
use crate::tui::theme::Theme;
use crate::tui::widgets::entry_view;

impl<R: BufRead, W: Write> Checkin<'_, R, W> {
    /// Step 6: the questions chosen for the triggers, each answered in prose.
    pub(super) fn reflect(&mut self) -> io::Result<Went> {
        let asked = reflect_questions(&self.draft, &self.given());
        let old = std::mem::take(&mut self.draft.entry.responses);
        self.draft.entry.responses = asked
            .into_iter()
            .filter_map(|a| match a {
                Asked::Kept(i) => old.get(i).cloned(),
                Asked::New(r) => Some(r),
            })
            .collect();
        note_offered(&self.draft.responses, &mut self.offered);
        if self.draft.responses.is_empty() {
            self.t.say("There is no question for this check-in.")?;
            return Ok(Went::Next);
        }
        let mut i = 0;
        while i < self.draft.responses.len() {
            self.draft.at = i;
            let count = self.draft.responses.len();
            let r = &self.draft.responses[i];
            let prompt = r
                .prompt_id
                .as_ref()
                .and_then(|id| self.catalog.prompt(id.as_str()));
            let mut help: Vec<String> = prompt
                .map(|p| {
                    let sources: Vec<&str> = p.sources.iter().map(|s| s.short()).collect();
                    vec![p.idea.clone(), format!("From: {}", sources.join("; "))]
                })
                .unwrap_or_default();
            help.push(format!(
                "Write as much or as little as you like, on one line; a line ending in \\ goes \
                 on on the next. Type {CLEAR} alone to clear an answer given before; /other asks another \
                 question instead."
            ));
            self.t.gap()?;
            self.t.say(&format!("Question {} of {count}", i + 1))?;
            self.t.say(&r.prompt)?;
            if !r.answer.trim().is_empty() {
                self.t.indented(&r.answer, "Now: ", "  ")?;
                self.t.say("Enter keeps it.")?;
            }
            match self.ask_or_other(&help)? {
                Reply::Go(went) => return Ok(went),
                Reply::Skip => i += 1,
                Reply::Other => self.other_question(i)?,
                Reply::Answer(a) => {
                    self.draft.entry.responses[i].answer =
                        if a == CLEAR { String::new() } else { a };
                    self.keep_draft()?;
                    i += 1;
                }
            }
        }
        Ok(Went::Next)
    }

    /// Another question in place of question `i` (not one answered).
    fn other_question(&mut self, i: usize) -> io::Result<()> {
        let r = &self.draft.responses[i];
        if !r.answer.trim().is_empty() {
            return self
                .t
                .say("This question has an answer. Clear it first (type -) to ask another one.");
        }
        let shown: Vec<String> = self
            .draft
            .responses
            .iter()
            .filter_map(|r| r.prompt_id.as_ref().map(ToString::to_string))
            .collect();
        let triggers = offer::trigger_ids(&self.draft.triggers);
        match offer::other_prompt(
            self.catalog,
            &triggers,
            self.draft.perspective,
            &shown,
            &mut self.offered,
        ) {
            Some(next) => {
                self.draft.entry.responses[i] = response_for(next);
                self.keep_draft().map(|_| ())
            }
            None => self.t.say("There is no other question for this check-in."),
        }
    }

    /// Step 7: earlier plans followed up (tried? how helpful?), then strategies to try.
    pub(super) fn strategies(&mut self) -> io::Result<Went> {
        self.suggestions = self.given().suggestions(&self.draft, &self.follow_ups);
        for f in self.follow_ups.clone() {
            let strategy = self.catalog.strategy(f.strategy.as_str());
            let title = strategy.map_or(f.strategy.as_str(), |s| s.title.as_str());
            self.t.gap()?;
            self.t.say(&format!(
                "Earlier you planned to try: {title} (planned {}). Did you try it? y yes, n no, \
                 or 1 to 5: tried, and how much it helped.",
                f.planned_on.format("%-d %b")
            ))?;
            // An earlier plan that can raise the risk with a frightening partner says so too.
            if let Some(caveat) = strategy.and_then(|s| s.caveat.as_ref()) {
                self.t.say(&format!("Careful: {caveat}"))?;
            }
            let help = vec![
                "y: yes, you tried it. n: no. A number from 1 (it did not help) to 5 (it \
                 helped a lot): you tried it, and how much it helped. Enter alone leaves it \
                 for later."
                    .to_owned(),
                format!("Type {CLEAR} alone to clear an answer given before."),
            ];
            loop {
                let answer = match self.ask(&help)? {
                    Reply::Go(went) => return Ok(went),
                    Reply::Skip | Reply::Other => break,
                    Reply::Answer(a) => a,
                };
                let said = match answer.trim().to_lowercase().as_str() {
                    "y" | "yes" => {
                        let help = self
                            .draft
                            .strategies
                            .iter()
                            .find(|s| s.id == f.strategy)
                            .and_then(|s| s.helpfulness);
                        (Some(true), help)
                    }
                    "n" | "no" => (Some(false), None),
                    CLEAR => (None, None),
                    n => match n
                        .parse::<u8>()
                        .ok()
                        .and_then(|n| Helpfulness::try_from(n).ok())
                    {
                        Some(h) => (Some(true), Some(h)),
                        None => {
                            self.again("Type y, n, or a number from 1 to 5.")?;
                            continue;
                        }
                    },
                };
                answer_follow_up(
                    &mut self.draft.entry.strategies,
                    &f.strategy,
                    said.0,
                    said.1,
                );
                self.keep_draft()?;
                break;
            }
        }
        self.suggested()
    }

    /// The strategies suggested today: which to plan.
    fn suggested(&mut self) -> io::Result<Went> {
        self.t.gap()?;
        let shown: Vec<(Name, &crate::content::Strategy)> = self
            .suggestions
            .iter()
            .filter_map(|id| {
                Some((
                    Name::try_from(id.as_str()).ok()?,
                    self.catalog.strategy(id)?,
                ))
            })
            .collect();
        if shown.is_empty() {
            self.t.say("No strategy to suggest.")?;
            return Ok(Went::Next);
        }
        self.t.say("Something to try: which will you try?")?;
        for (i, (_, s)) in shown.iter().enumerate() {
            self.t
                .indented(&format!("{} {}.", i + 1, s.title), "", "  ")?;
            self.t
                .indented(&format!("Today: {}", s.try_today), "  ", "  ")?;
            // When not to use it, under every strategy that has one.
            if let Some(caveat) = &s.caveat {
                self.t.indented(&format!("Careful: {caveat}"), "  ", "  ")?;
            }
        }
        let mut help = vec![
            "Type the numbers of the ones you will try, separated by spaces or commas; closer \
             asks next time whether you did."
                .to_owned(),
            format!("Type {CLEAR} alone to clear the plans given before. Why each one helps:"),
        ];
        help.extend(
            shown
                .iter()
                .enumerate()
                .map(|(i, (_, s))| format!("{} {}: {}", i + 1, s.title, s.why.trim())),
        );
        loop {
            let planned: Vec<String> = shown
                .iter()
                .filter(|(id, _)| {
                    self.draft
                        .strategies
                        .iter()
                        .any(|u| u.id == *id && u.planned)
                })
                .map(|(_, s)| s.title.clone())
                .collect();
            let answer = match self.answer(&planned, &help)? {
                Ok(a) => a,
                Err(went) => return Ok(went),
            };
            let places = if answer == CLEAR {
                Vec::new()
            } else {
                match picks(&answer, shown.len()) {
                    Ok(p) if p.words.is_empty() => p.places,
                    Ok(_) => {
                        self.again("Type the numbers of the ones you will try.")?;
                        continue;
                    }
                    Err(problem) => {
                        self.again(&problem)?;
                        continue;
                    }
                }
            };
            let strategies = &mut self.draft.entry.strategies;
            for (i, (id, _)) in shown.iter().enumerate() {
                if !places.contains(&i) {
                    set_planned(strategies, id, false);
                }
            }
            for &i in &places {
                set_planned(strategies, &shown[i].0, true);
            }
            self.keep_draft()?;
            return Ok(Went::Next);
        }
    }

    /// Step 9: notes in the person's own words, and tags.
    pub(super) fn notes(&mut self) -> io::Result<Went> {
        self.t.gap()?;
        self.t
            .say("Notes: anything else you want to keep from today?")?;
        if !self.draft.notes.trim().is_empty() {
            self.t.indented(&self.draft.notes.clone(), "Now: ", "  ")?;
            self.t.say("Enter keeps them.")?;
        }
        let help = vec![format!(
            "In your own words, on one line; a line ending in \\ goes on on the next. Type \
             {CLEAR} alone to clear the notes given before."
        )];
        match self.ask(&help)? {
            Reply::Go(went) => return Ok(went),
            Reply::Skip | Reply::Other => {}
            Reply::Answer(a) => {
                self.draft.entry.notes = if a == CLEAR { String::new() } else { a };
                self.keep_draft()?;
            }
        }
        self.draft.at = 1;
        self.t
            .say("Tags, separated by commas (e.g. work, weekend):")?;
        if !self.draft.tags.is_empty() {
            self.t.say(&format!(
                "Now: {}. Enter keeps them.",
                self.draft.tags.join(", ")
            ))?;
        }
        let help = vec![format!(
            "Words to find this day by later, separated by commas. Type {CLEAR} alone to clear the tags."
        )];
        match self.ask(&help)? {
            Reply::Go(went) => Ok(went),
            Reply::Skip | Reply::Other => Ok(Went::Next),
            Reply::Answer(a) => {
                self.draft.entry.tags = if a == CLEAR {
                    ThinVec::new()
                } else {
                    parse_tags(&a)
                };
                self.keep_draft()?;
                Ok(Went::Next)
            }
        }
    }

    /// Step 10: the check-in as it will be saved, and the question to save it.
    pub(super) fn summary(&mut self) -> io::Result<Went> {
        let entry = self.draft.finish(self.draft.started_at);
        self.t.gap()?;
        let lines = entry_view::lines(
            &entry,
            self.catalog,
            &Theme::choose(ThemeChoice::default(), true),
            self.prefs.mood_labels,
            entry_view::Empty::Hidden,
            usize::from(u16::MAX),
        );
        for line in lines {
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            let head = text.len() - text.trim_start().len();
            self.t
                .indented(text.trim_start(), &text[..head], &text[..head])?;
        }
        self.t.gap()?;
        let empty = self.draft.is_empty();
        self.t.say(if empty {
            "There is nothing to save yet: /back goes back to pick a mood or write something; \
             Enter alone leaves without keeping anything."
        } else {
            "Save it? Enter or y saves it; /back goes back to change something; /quit leaves \
             it as a draft."
        })?;
        let help = vec![
            "Enter or y saves the check-in. /back goes back a step; /discard throws it away."
                .to_owned(),
        ];
        loop {
            match self.ask(&help)? {
                Reply::Go(went) => return Ok(went),
                Reply::Skip | Reply::Other => return Ok(Went::Save),
                Reply::Answer(a) if super::ask::is_yes(&a) => return Ok(Went::Save),
                Reply::Answer(_) => self.t.say("Type y, or press Enter, to save it.")?,
            }
        }
    }
}
