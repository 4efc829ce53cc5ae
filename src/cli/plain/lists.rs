//! Steps 1 to 4 asked line by line: the scales, then the feelings, triggers and reactions,
//! each a numbered list to pick from (the feelings and triggers take words of one's own too).

use std::io::{self, BufRead, Write};

use super::ask::{Checkin, Reply, Went};
use super::term::{one_a_line, picks};
use crate::content::checkin::{
    TriggerChoice, custom_key, feelings, ordinal, trigger_choices, trigger_key, trigger_ref,
};
use crate::journal::{Intensity, Name, Perspective, Scale, TriggerLog};

/// How an answer that clears a list or a text is typed.
pub(super) const CLEAR: &str = "-";

impl<R: BufRead, W: Write> Checkin<'_, R, W> {
    /// Step 1: each scale, a number from 1 to 5.
    pub(super) fn scales(&mut self) -> io::Result<Went> {
        let earlier = self.given().earlier_on_the_day(&self.draft);
        if earlier > 0 {
            self.t.say(&format!(
                "You checked in earlier that day: this will be its {} entry.",
                ordinal(earlier + 1)
            ))?;
        }
        // Asked of another day, the question says "that day".
        let when = if self.draft.date == self.draft.started_at.date_naive() {
            "today"
        } else {
            "that day"
        };
        for &scale in Scale::ALL {
            let words = scale.words(self.prefs.mood_labels);
            self.t.gap()?;
            self.t
                .say(&scale.about().question.replace("{when}", when))?;
            self.t.choices("", &words, 1)?;
            let help = vec![format!(
                "{} from 1 ({}) to 5 ({}): type one number. 0 clears an answer given before.",
                scale.label(),
                words[0],
                words[4]
            )];
            loop {
                if let Some(v) = scale.of(&self.draft) {
                    let word = words[usize::from(v.get() - 1)];
                    self.t
                        .say(&format!("Now: {} {word}. Enter keeps it.", v.get()))?;
                }
                let value = match self.ask(&help)? {
                    Reply::Go(went) => return Ok(went),
                    Reply::Skip | Reply::Other => break,
                    Reply::Answer(a) => a,
                };
                match value.trim().trim_end_matches('.').parse::<u8>() {
                    Ok(0) => scale.set(&mut self.draft, None),
                    Ok(n @ 1..=5) => scale.set(&mut self.draft, n.try_into().ok()),
                    _ => {
                        self.again(&format!("“{value}” is not a number from 1 to 5."))?;
                        continue;
                    }
                }
                self.keep_draft()?;
                break;
            }
        }
        Ok(Went::Next)
    }

    /// Step 2: the feelings, by number or in one's own words.
    pub(super) fn feelings(&mut self) -> io::Result<Went> {
        let offered = feelings(self.prefs, &self.draft.emotions);
        self.t.gap()?;
        self.t
            .say("Which feelings were there today? Pick any, or add your own.")?;
        self.t.choices("", &offered, 1)?;
        if self.locked {
            self.t
                .say("Feelings of your own show after unlocking: they are kept encrypted.")?;
        }
        let help = vec![
            "Type the numbers of the feelings that fit, separated by spaces or commas, and any \
             feelings of your own in words, separated by commas: 2 5, homesick. Your own words \
             are remembered and offered next time."
                .to_owned(),
            format!("Type {CLEAR} alone to clear the feelings given before."),
        ];
        loop {
            let now = self.draft.emotions.clone();
            let answer = match self.answer(&now, &help)? {
                Ok(a) => a,
                Err(went) => return Ok(went),
            };
            if answer == CLEAR {
                self.draft.emotions.clear();
                self.keep_draft()?;
                return Ok(Went::Next);
            }
            let p = match picks(&answer, offered.len()) {
                Ok(p) => p,
                Err(problem) => {
                    self.again(&problem)?;
                    continue;
                }
            };
            let mut chosen: Vec<String> = p.places.iter().map(|&i| offered[i].clone()).collect();
            for word in p.words {
                let known = offered
                    .iter()
                    .find(|o| o.to_lowercase() == word.to_lowercase());
                let word = known.cloned().unwrap_or(word);
                if !chosen.contains(&word) {
                    chosen.push(word);
                }
            }
            self.draft.emotions = chosen.into();
            self.keep_draft()?;
            return Ok(Went::Next);
        }
    }

    /// Step 3: the triggers, by number or named in one's own words, then how strongly each
    /// stirred things up (and a note on it).
    pub(super) fn triggers(&mut self) -> io::Result<Went> {
        let offered = trigger_choices(self.catalog, self.prefs, &self.draft);
        self.t.gap()?;
        self.t
            .say("Did anything stir up distance today? Pick what fits; then say how strongly.")?;
        let all: Vec<&str> = offered.iter().map(|t| t.label.as_str()).collect();
        let one_a_line = one_a_line(&all);
        let mut from = 1;
        for group in groups(&offered) {
            let labels: Vec<&str> = group.iter().map(|t| t.label.as_str()).collect();
            let lead = format!("{}:", group[0].group);
            self.t.choices_as(&lead, &labels, from, one_a_line)?;
            from += group.len();
        }
        if self.locked {
            self.t
                .say("Triggers of your own show after unlocking: they are kept encrypted.")?;
        }
        let mut help = vec![
            "Type the numbers of what fits, separated by spaces or commas, or name a trigger \
             of your own in words. Then closer asks how strongly each one stirred things up."
                .to_owned(),
            format!("Type {CLEAR} alone to clear the triggers given before. What each one means:"),
        ];
        help.extend(
            offered
                .iter()
                .enumerate()
                .filter(|(_, t)| !t.detail.is_empty())
                .map(|(i, t)| format!("{} {}: {}", i + 1, t.label, t.detail)),
        );
        loop {
            let now: Vec<String> = self
                .draft
                .triggers
                .iter()
                .map(|t| self.catalog.trigger_label(&t.trigger))
                .collect();
            let answer = match self.answer(&now, &help)? {
                Ok(a) => a,
                Err(Went::Next) => break,
                Err(went) => return Ok(went),
            };
            if answer == CLEAR {
                self.draft.triggers.clear();
                self.keep_draft()?;
                return Ok(Went::Next);
            }
            match self.picked_triggers(&answer, &offered) {
                Ok(triggers) => {
                    self.draft.entry.triggers = triggers.into();
                    self.keep_draft()?;
                    break;
                }
                Err(problem) => self.again(&problem)?,
            }
        }
        self.intensities()
    }

    /// The triggers an answer names, keeping what the draft says of those it had.
    fn picked_triggers(
        &self,
        answer: &str,
        offered: &[TriggerChoice],
    ) -> Result<Vec<TriggerLog>, String> {
        let p = picks(answer, offered.len())?;
        let mut keys: Vec<String> = p.places.iter().map(|&i| offered[i].key.clone()).collect();
        for word in p.words {
            let key = offered
                .iter()
                .find(|t| t.label.to_lowercase() == word.to_lowercase())
                .map_or_else(|| custom_key(&word), |t| t.key.clone());
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        let mut logs = Vec::new();
        for key in keys {
            let was = self
                .draft
                .triggers
                .iter()
                .find(|t| trigger_key(&t.trigger) == key);
            let Some(trigger) = trigger_ref(&key) else {
                return Err(format!("“{key}” cannot be a trigger's name."));
            };
            logs.push(was.cloned().unwrap_or(TriggerLog {
                trigger,
                intensity: None,
                note: String::new(),
                extra: Default::default(),
            }));
        }
        Ok(logs)
    }

    /// How strongly each trigger logged stirred things up, and a note on it.
    fn intensities(&mut self) -> io::Result<Went> {
        let help = vec![
            "How strongly it stirred things up, from 1 (a little) to 5 (very strongly). A note \
             may follow the number, or stand alone: 4 it was about money."
                .to_owned(),
            format!("Type {CLEAR} alone to clear how strongly and the note."),
        ];
        let mut i = 0;
        while i < self.draft.triggers.len() {
            let log = &self.draft.triggers[i];
            let label = self.catalog.trigger_label(&log.trigger);
            self.t.gap()?;
            self.t.say(&format!(
                "{label}: how strongly, from 1 (a little) to 5 (very strongly)? A note may \
                 follow."
            ))?;
            let now = match (log.intensity, log.note.is_empty()) {
                (Some(n), true) => Some(format!("Now: {n}.")),
                (Some(n), false) => Some(format!("Now: {n}, {}.", log.note)),
                (None, false) => Some(format!("Now: {}.", log.note)),
                (None, true) => None,
            };
            if let Some(now) = now {
                self.t.say(&format!("{now} Enter keeps it."))?;
            }
            let answer = match self.ask(&help)? {
                Reply::Go(went) => return Ok(went),
                Reply::Skip | Reply::Other => {
                    i += 1;
                    continue;
                }
                Reply::Answer(a) => a,
            };
            let log = &mut self.draft.entry.triggers[i];
            if answer == CLEAR {
                log.intensity = None;
                log.note.clear();
            } else {
                let (number, note) = leading_number(&answer);
                if let Some(n) = number {
                    match Intensity::try_from(n) {
                        Ok(v) => log.intensity = Some(v),
                        Err(_) => {
                            self.again(&format!("{n} is not from 1 to 5."))?;
                            continue;
                        }
                    }
                }
                if !note.is_empty() {
                    log.note = note.replace('\n', " ");
                }
            }
            self.keep_draft()?;
            i += 1;
        }
        Ok(Went::Next)
    }

    /// Step 4: what the person noticed, by number.
    pub(super) fn reactions(&mut self) -> io::Result<Went> {
        let perspective = self.draft.perspective;
        let offered = self.catalog.signs_for(perspective);
        let labels: Vec<&str> = offered.iter().map(|s| s.label.as_str()).collect();
        self.t.gap()?;
        self.t
            .say(if perspective == Some(Perspective::PartnerPullsAway) {
                "What did you notice today, in your partner or in yourself?"
            } else {
                "What did you notice yourself doing today?"
            })?;
        self.t.choices("", &labels, 1)?;
        let help = vec![
            "Type the numbers of what you noticed, separated by spaces or commas.".to_owned(),
            format!("Type {CLEAR} alone to clear what was given before."),
        ];
        loop {
            let now: Vec<String> = self
                .draft
                .behaviours
                .iter()
                .map(|b| {
                    self.catalog
                        .sign(b.as_str())
                        .map_or_else(|| b.to_string(), |s| s.label.clone())
                })
                .collect();
            let answer = match self.answer(&now, &help)? {
                Ok(a) => a,
                Err(went) => return Ok(went),
            };
            if answer == CLEAR {
                self.draft.behaviours.clear();
                self.keep_draft()?;
                return Ok(Went::Next);
            }
            let chosen = match picks(&answer, offered.len()) {
                Ok(p) if p.words.is_empty() => p.places,
                Ok(p) => match by_label(&labels, &p.words) {
                    Some(more) => p.places.into_iter().chain(more).collect(),
                    None => {
                        self.again("Type the numbers of what you noticed.")?;
                        continue;
                    }
                },
                Err(problem) => {
                    self.again(&problem)?;
                    continue;
                }
            };
            self.draft.entry.behaviours = chosen
                .into_iter()
                .filter_map(|i| Name::try_from(offered[i].id.as_str()).ok())
                .collect();
            self.keep_draft()?;
            return Ok(Went::Next);
        }
    }
}

/// The places of `words` among `labels` (matched ignoring case); `None` when one is not there.
pub(super) fn by_label<S: AsRef<str>>(labels: &[S], words: &[String]) -> Option<Vec<usize>> {
    words
        .iter()
        .map(|w| {
            labels
                .iter()
                .position(|l| l.as_ref().to_lowercase() == w.to_lowercase())
        })
        .collect()
}

/// The triggers offered, group by group (as they come).
fn groups(offered: &[TriggerChoice]) -> Vec<&[TriggerChoice]> {
    let mut out: Vec<&[TriggerChoice]> = Vec::new();
    let mut start = 0;
    for i in 1..=offered.len() {
        if i == offered.len() || offered[i].group != offered[start].group {
            out.push(&offered[start..i]);
            start = i;
        }
    }
    out
}

/// A number at the start of `text`, and the rest: "4 about money" is (4, "about money").
pub(super) fn leading_number(text: &str) -> (Option<u8>, String) {
    let text = text.trim();
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    match digits.parse::<u8>() {
        Ok(n) => (
            Some(n),
            text[digits.len()..]
                .trim_start_matches([' ', ',', ':', '.'])
                .trim()
                .to_owned(),
        ),
        Err(_) => (None, text.to_owned()),
    }
}
