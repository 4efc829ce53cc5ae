//! After a hard moment: a debrief done alone, once things have calmed down (from home, or
//! after a moment). What I felt, what I saw and needed, their side (only if it feels safe to
//! think about), what it touched (triggers, and from before), my part if any, one thing for
//! next time, and a repair phrase from the toolkit or my own. Its questions are content
//! (`episodes.toml`, `[debrief]`). When a safety trigger was logged lately (or in this
//! check-in), their side, my part and the repair are not asked: the content's safety words
//! are shown instead. Every field skippable; the form writes through to `draft.debriefs`.

use ratatui::text::Line;

use crate::journal::draft::{CheckInDraft, Step};
use crate::journal::vocabulary::EMOTIONS;
use crate::journal::{Debrief, Entry, Name, TriggerRef};
use crate::tui::session::Session;
use crate::tui::widgets::form::{Choice, Field, Form};

use super::episodes::{choices, own_words, trigger_key, trigger_of_key};
use super::record::{self, Record};
use super::{Canvas, StepView};

const FELT: usize = 0;
const OWN_FELT: usize = 1;
const MY_SIDE: usize = 2;
const THEIR_SIDE: usize = 3;
const TOUCHED: usize = 4;
const BEFORE: usize = 5;
const MY_PART: usize = 6;
const NEXT_TIME: usize = 7;
const REPAIR: usize = 8;
const OWN_REPAIR: usize = 9;

/// The fields not asked after a safety trigger: they turn toward the partner.
const TOWARD_THE_PARTNER: [usize; 4] = [THEIR_SIDE, MY_PART, REPAIR, OWN_REPAIR];

/// How many feelings and triggers are offered as chips (the whole lists are a wall).
const CHIPS: usize = 12;

/// Whether a safety trigger was logged lately, or in this check-in (a trigger of the day, or
/// one a debrief says it touched).
fn safety(draft: &CheckInDraft, session: &Session) -> bool {
    let catalog = &session.catalog;
    let is_safety =
        |t: &TriggerRef| matches!(t, TriggerRef::Id(id) if catalog.is_safety_trigger(id.as_str()));
    catalog.safety_logged_recently(session.recent_entries(), session.today)
        || draft.triggers.iter().any(|t| is_safety(&t.trigger))
        || draft
            .debriefs
            .iter()
            .flat_map(|d| &d.triggers)
            .any(is_safety)
}

/// The triggers offered on a form: `first`, then this check-in's, then the perspective's,
/// each once, up to a dozen (more than `first` only when there is room).
pub(super) fn offered_triggers(
    first: impl IntoIterator<Item = TriggerRef>,
    draft: &CheckInDraft,
    session: &Session,
) -> Vec<TriggerRef> {
    let catalog = &session.catalog;
    let fitting = catalog
        .triggers
        .iter()
        .filter(|t| crate::content::model::fits(&t.perspectives, draft.perspective))
        .filter_map(|t| Name::try_from(t.id.as_str()).ok().map(TriggerRef::Id));
    let mut triggers: Vec<TriggerRef> = Vec::new();
    let mut more = first
        .into_iter()
        .chain(draft.triggers.iter().map(|t| t.trigger.clone()));
    for t in more.by_ref().chain(fitting) {
        if !triggers.contains(&t) {
            triggers.push(t);
        }
        if triggers.len() >= CHIPS {
            break;
        }
    }
    // What a record already holds is always offered.
    for t in more {
        if !triggers.contains(&t) {
            triggers.push(t);
        }
    }
    triggers
}

impl Record for Debrief {
    const STEP: Step = Step::Debrief;

    const LIST: fn(&Entry) -> &[Self] = |e| &e.debriefs;
    const LIST_MUT: fn(&mut Entry) -> &mut crate::journal::entry::ThinVec<Self> =
        |e| &mut e.debriefs;
    const TEXT_FIELDS: &'static [usize] =
        &[MY_SIDE, THEIR_SIDE, BEFORE, MY_PART, NEXT_TIME, OWN_REPAIR];

    fn form(d: Option<&Self>, draft: &CheckInDraft, session: &Session) -> Form {
        let words = &session.catalog.episodes.debrief;
        let empty = Debrief::default();
        let d = d.unwrap_or(&empty);
        // Feelings: this check-in's, then the list's heavier words, up to a dozen.
        let mut felt: Vec<String> = draft.emotions.to_vec();
        for w in EMOTIONS {
            if felt.len() >= CHIPS {
                break;
            }
            if !felt.iter().any(|f| f == w) {
                felt.push((*w).to_owned());
            }
        }
        let own_felt: Vec<&str> = d
            .felt
            .iter()
            .filter(|f| !felt.contains(f))
            .map(String::as_str)
            .collect();
        let triggers = offered_triggers(d.triggers.iter().cloned(), draft, session);
        let catalog = &session.catalog;
        let repairs: Vec<Choice> = catalog
            .toolkit
            .repairs
            .iter()
            .filter(|r| crate::content::model::fits(&r.perspectives, draft.perspective))
            .map(|r| Choice {
                key: r.id.clone(),
                label: r.text.clone(),
            })
            .collect();
        let picked_repair: Vec<String> = d.repair_id.iter().map(ToString::to_string).collect();
        let own_repair = if d.repair_id.is_some() { "" } else { &d.repair };
        let mut form = Form::new(vec![
            Field::choice(
                &words.felt,
                choices(felt.iter().map(|f| (f.clone(), f.clone()))),
                true,
                &d.felt,
            ),
            Field::text(
                "Feelings in your own words",
                &own_felt.join(", "),
                "separate with commas",
            ),
            Field::text(&words.my_side, &d.my_side, "in your words"),
            Field::text(
                &words.their_side,
                &d.their_side,
                "skip it if you'd rather not",
            ),
            Field::choice(
                "What did it touch? (triggers)",
                choices(
                    triggers
                        .iter()
                        .map(|t| (trigger_key(t), catalog.trigger_label(t))),
                ),
                true,
                &d.triggers.iter().map(trigger_key).collect::<Vec<_>>(),
            ),
            Field::text(&words.before, &d.before, "an old hurt or fear, if any"),
            Field::text(&words.my_part, &d.my_part, "if any"),
            Field::text(&words.next_time, &d.next_time, "one small thing"),
            Field::choice(&words.repair, repairs, false, &picked_repair),
            Field::text(
                "A repair in your own words",
                own_repair,
                "what you could say",
            ),
        ]);
        Self::refresh(&mut form, draft, session);
        form
    }

    fn refresh(form: &mut Form, draft: &CheckInDraft, session: &Session) {
        let unsafe_now = safety(draft, session);
        for i in TOWARD_THE_PARTNER {
            form.set_hidden(i, unsafe_now);
        }
    }

    fn read(form: &Form, shown: Option<&Self>, session: &Session) -> Self {
        let mut felt: Vec<String> = form.picked(FELT).into_iter().map(str::to_owned).collect();
        felt.extend(own_words(form.text(OWN_FELT)));
        let keys = form.picked(TOUCHED);
        let known = shown.map(|d| d.triggers.as_slice()).unwrap_or_default();
        let triggers = keys
            .into_iter()
            .filter_map(|key| {
                known
                    .iter()
                    .find(|t| trigger_key(t) == key)
                    .cloned()
                    .or_else(|| trigger_of_key(key))
            })
            .collect();
        // A repair of one's own words is kept as written; a picked one, as the toolkit has it.
        let own = form.text(OWN_REPAIR).trim();
        let picked = form.picked(REPAIR).first().map(|id| (*id).to_owned());
        let (repair_id, repair) = match picked {
            Some(id) if own.is_empty() => {
                let text = session
                    .catalog
                    .toolkit
                    .repairs
                    .iter()
                    .find(|r| r.id == id)
                    .map(|r| r.text.clone())
                    .unwrap_or_default();
                (Name::try_from(id).ok(), text)
            }
            _ => (None, own.to_owned()),
        };
        Debrief {
            felt,
            my_side: form.text(MY_SIDE).trim().to_owned(),
            their_side: form.text(THEIR_SIDE).trim().to_owned(),
            triggers,
            before: form.text(BEFORE).trim().to_owned(),
            my_part: form.text(MY_PART).trim().to_owned(),
            next_time: form.text(NEXT_TIME).trim().to_owned(),
            repair_id,
            repair,
            // What a newer closer wrote into it is kept through the edit.
            extra: shown.map(|d| d.extra.clone()).unwrap_or_default(),
        }
    }
}

record::step_functions!(Debrief);

/// Draws the step: the intro (or, after a safety trigger, the safety words), which debrief,
/// then the form.
pub(super) fn view(s: &State, v: &StepView, c: Canvas) {
    let Canvas(frame, area, layout) = c;
    let words = &v.session.catalog.episodes.debrief;
    let shown = record::shown(s.at, v.draft.debriefs.len(), "Debrief", "A new debrief");
    let mut lines = vec![Line::styled(words.intro.trim().to_owned(), v.theme.muted)];
    if safety(v.draft, v.session) {
        lines.push(Line::styled(words.safety.trim().to_owned(), v.theme.title));
    }
    lines.push(Line::styled(
        format!("{shown} · ←/→ and Space choose · Ctrl-N another · Tab to the summary"),
        v.theme.muted,
    ));
    lines.push(Line::default());
    layout.place(s.form.render(lines, v.theme, frame, area));
}
