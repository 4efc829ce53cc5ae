//! The questions of the Reflect step: chosen for the triggers logged (see
//! [`offer::prompts`]), with the person's own cycle asked back on a day its trigger is logged.

use super::Given;
use crate::content::{Prompt, offer};
use crate::journal::{Entry, Name, Response};

/// The id of the question made from the person's own cycle.
pub const OWN_CYCLE: &str = "own-cycle";

/// A question of the Reflect step, as [`reflect_questions`] orders them.
#[derive(Debug, Clone, PartialEq)]
pub enum Asked {
    /// The entry's response at this place, kept as it is (its answer with it).
    Kept(usize),
    /// A new question, not answered yet.
    New(Response),
}

/// A response to `p`, not answered yet.
pub fn response_for(p: &Prompt) -> Response {
    Response {
        prompt_id: Name::try_from(p.id.as_str()).ok(),
        prompt: p.text.as_str().into(),
        answer: String::new(),
        extra: Default::default(),
    }
}

/// The Reflect step's questions for `entry`, in order: its responses that are answered, still
/// wanted for its triggers, or written without a prompt stay; the person's own cycle is asked
/// first when it applies ([`own_cycle_question`]); then new questions for the triggers, up to
/// [`offer::MAX_PROMPTS`] in all. Unanswered questions that no longer fit the triggers go.
pub fn reflect_questions(entry: &Entry, given: &Given) -> Vec<Asked> {
    let triggers = offer::trigger_ids(&entry.triggers);
    let wanted = offer::prompts(
        given.catalog,
        &triggers,
        entry.perspective,
        given.today,
        given.entries(),
    );
    let own = own_cycle_question(entry, given);
    let mut asked: Vec<Asked> = Vec::new();
    for (i, r) in entry.responses.iter().enumerate() {
        let answered = !r.answer.trim().is_empty();
        let still_wanted = r.prompt_id.as_ref().is_some_and(|id| {
            wanted.iter().any(|w| w.id == id.as_str())
                || (id.as_str() == OWN_CYCLE && own.as_deref() == Some(&*r.prompt))
        });
        if answered || still_wanted || r.prompt_id.is_none() {
            asked.push(Asked::Kept(i));
        }
    }
    let id_of = |a: &Asked| -> Option<String> {
        let r = match a {
            Asked::Kept(i) => entry.responses.get(*i)?,
            Asked::New(r) => r,
        };
        r.prompt_id.as_ref().map(ToString::to_string)
    };
    let has = |asked: &[Asked], id: &str| asked.iter().any(|a| id_of(a).as_deref() == Some(id));
    if let Some(question) = own.filter(|_| !has(&asked, OWN_CYCLE)) {
        let response = Response {
            prompt_id: Name::try_from(OWN_CYCLE).ok(),
            prompt: question.into(),
            answer: String::new(),
            extra: Default::default(),
        };
        asked.insert(0, Asked::New(response));
    }
    for p in wanted {
        if asked.len() >= offer::MAX_PROMPTS {
            break;
        }
        if !has(&asked, &p.id) {
            asked.push(Asked::New(response_for(p)));
        }
    }
    asked
}

/// Adds the prompt ids of `responses` to `offered` (the questions offered so far in this
/// check-in, so that "another question" does not repeat itself).
pub fn note_offered(responses: &[Response], offered: &mut Vec<String>) {
    for r in responses {
        if let Some(id) = &r.prompt_id
            && !offered.iter().any(|o| o == id.as_str())
        {
            offered.push(id.to_string());
        }
    }
}

/// The person's cycle in their own words, offered back as a question on a day its trigger is
/// logged in `entry` (never where a safety trigger was logged lately, or in `entry`: that is
/// no shared cycle).
pub fn own_cycle_question(entry: &Entry, given: &Given) -> Option<String> {
    use crate::journal::insights::cycle::own_words;
    let w = own_words(given.entries())?;
    let trigger = w.trigger.as_ref()?;
    let catalog = given.catalog;
    let safety = catalog.safety_logged_recently(given.recent(), given.today)
        || entry.triggers.iter().any(|t| catalog.is_safety(&t.trigger));
    if safety || !entry.triggers.iter().any(|t| &t.trigger == trigger) {
        return None;
    }
    let mut q = format!(
        "Your cycle, in your words, starts with {}",
        catalog.trigger_label(trigger)
    );
    for (lead, text) in [
        (": “", &w.starts),
        (". Underneath, you feel “", &w.underneath),
        (". You long for “", &w.long_for),
    ] {
        if !text.trim().is_empty() {
            q.push_str(&format!("{lead}{}”", text.trim()));
        }
    }
    q.push_str(". What would help you step out of the loop today?");
    Some(q)
}
