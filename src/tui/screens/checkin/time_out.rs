//! A time-out with a promise to come back (from the card for a hard minute, or home): whose
//! break it is, when the talk will be taken up again (20 minutes to a day), a line to say or
//! send with that time in it, and what the person will do until then. For the one whose
//! partner asked for the break, the same form asks when they said they would be back and
//! what to do meanwhile, with no line to say. It is never offered after a Safety trigger
//! (see `Open::time_out`). The words are content (`turning.toml`, `[time_out]`).

use chrono::{DateTime, FixedOffset};
use ratatui::text::Line;

use crate::journal::draft::{CheckInDraft, Step};
use crate::journal::{BreakSide, Entry, Perspective, TimeOut};
use crate::tui::session::Session;
use crate::tui::widgets::form::{Choice, Field, FieldKind, Form};

use super::record::{self, Record};
use super::{Canvas, StepView};

const SIDE: usize = 0;
const WHEN: usize = 1;
const SAID: usize = 2;
const UNTIL: usize = 3;

/// The lengths offered, in minutes, with their words.
pub const LENGTHS: [(i64, &str); 6] = [
    (20, "20 minutes"),
    (30, "30 minutes"),
    (60, "1 hour"),
    (120, "2 hours"),
    (240, "4 hours"),
    (24 * 60, "tomorrow, this time"),
];

/// A side's key in the form.
fn side_key(side: BreakSide) -> String {
    format!("{side:?}")
}

/// The side the form has picked.
fn picked_side(form: &Form) -> BreakSide {
    let picked = form.picked(SIDE);
    BreakSide::ALL
        .iter()
        .copied()
        .find(|s| picked.first() == Some(&side_key(*s).as_str()))
        .unwrap_or_default()
}

/// The length the form has picked, in minutes.
fn picked_minutes(form: &Form) -> Option<i64> {
    let picked = form.picked(WHEN);
    LENGTHS
        .iter()
        .find(|(_, words)| picked.first() == Some(words))
        .map(|(m, _)| *m)
}

/// `script` with the time of `back_at` in it ("at 20:10", or "tomorrow at 19:40").
pub fn with_time(
    script: &str,
    from: DateTime<FixedOffset>,
    back_at: DateTime<FixedOffset>,
) -> String {
    let time = if back_at.date_naive() == from.date_naive() {
        back_at.format("%H:%M").to_string()
    } else {
        back_at.format("%H:%M tomorrow").to_string()
    };
    script.replace("{time}", &time)
}

/// When the break of `form` began: the one shown keeps its start; a new one starts now.
fn began(shown: Option<&TimeOut>, session: &Session) -> DateTime<FixedOffset> {
    shown
        .filter(|t| !t.is_empty())
        .map_or(session.now, |t| t.from)
}

impl Record for TimeOut {
    const STEP: Step = Step::TimeOut;

    const LIST: fn(&Entry) -> &[Self] = |e| &e.time_outs;
    const LIST_MUT: fn(&mut Entry) -> &mut crate::journal::entry::ThinVec<Self> =
        |e| &mut e.time_outs;
    const TEXT_FIELDS: &'static [usize] = &[UNTIL];

    fn form(t: Option<&Self>, draft: &CheckInDraft, session: &Session) -> Form {
        let words = &session.catalog.turning.time_out;
        let t = t.filter(|t| !t.is_empty());
        let side = t.map_or(
            if draft.perspective == Some(Perspective::PartnerPullsAway) {
                BreakSide::Theirs
            } else {
                BreakSide::Mine
            },
            |t| t.side,
        );
        let sides = BreakSide::ALL
            .iter()
            .map(|&s| Choice {
                key: side_key(s),
                label: s.label().to_owned(),
            })
            .collect();
        let lengths = LENGTHS.iter().map(|(_, w)| Choice::words(*w)).collect();
        let length: Vec<String> = t
            .and_then(|t| LENGTHS.iter().find(|(m, _)| *m == t.minutes()))
            .map(|(_, w)| vec![(*w).to_owned()])
            .unwrap_or_default();
        let scripts = words
            .scripts
            .iter()
            .enumerate()
            .map(|(i, s)| Choice {
                key: i.to_string(),
                label: s.replace("{time}", "…"),
            })
            .collect();
        let said: Vec<String> = t
            .and_then(|t| {
                words
                    .scripts
                    .iter()
                    .position(|s| with_time(s, t.from, t.back_at) == t.said)
            })
            .map(|i| vec![i.to_string()])
            .unwrap_or_default();
        let mut form = Form::new(vec![
            Field::choice("Whose break is it?", sides, false, &[side_key(side)]),
            Field::choice(&words.when, lengths, false, &length),
            Field::choice("A line to say or send", scripts, false, &said),
            Field::text(
                "What I'll do until then",
                t.map_or("", |t| t.until_then.as_str()),
                "e.g. a walk, then tea",
            ),
        ]);
        Self::refresh(&mut form, draft, session);
        form
    }

    /// The questions follow whose break it is; the lines to say carry the time chosen.
    fn refresh(form: &mut Form, draft: &CheckInDraft, session: &Session) {
        let words = &session.catalog.turning.time_out;
        let side = picked_side(form);
        form.set_hidden(SAID, side == BreakSide::Theirs);
        if let Some(f) = form.fields.get_mut(WHEN) {
            f.label = match side {
                BreakSide::Mine => words.when.clone(),
                BreakSide::Theirs => "When did they say they would come back to it?".to_owned(),
            };
        }
        if let Some(f) = form.fields.get_mut(UNTIL) {
            f.label = match side {
                BreakSide::Mine => "What I'll do until then".to_owned(),
                BreakSide::Theirs => words.their_intro.clone(),
            };
        }
        // The time shown in the lines is counted from now (a break kept keeps its own start:
        // see `read`).
        let _ = draft;
        let from = session.now;
        let back_at = picked_minutes(form).map(|m| TimeOut::new(side, from, m).back_at);
        if let Some(f) = form.fields.get_mut(SAID)
            && let FieldKind::Choice { options, .. } = &mut f.kind
        {
            for (o, s) in options.iter_mut().zip(&words.scripts) {
                o.label = match back_at {
                    Some(back_at) => with_time(s, from, back_at),
                    None => s.replace("{time}", "…"),
                };
            }
        }
    }

    fn read(form: &Form, shown: Option<&Self>, session: &Session) -> Self {
        let Some(minutes) = picked_minutes(form) else {
            // No time to come back chosen: nothing is promised yet.
            return TimeOut {
                extra: shown.map(|t| t.extra.clone()).unwrap_or_default(),
                until_then: form.text(UNTIL).trim().to_owned(),
                ..TimeOut::default()
            };
        };
        let side = picked_side(form);
        let mut t = TimeOut::new(side, began(shown, session), minutes);
        let scripts = &session.catalog.turning.time_out.scripts;
        t.said = form
            .picked(SAID)
            .first()
            .and_then(|i| i.parse::<usize>().ok())
            .and_then(|i| scripts.get(i))
            .filter(|_| side == BreakSide::Mine)
            .map(|s| with_time(s, t.from, t.back_at))
            .unwrap_or_default();
        t.until_then = form.text(UNTIL).trim().to_owned();
        // An answer given meanwhile, and what a newer closer wrote into it, are kept.
        if let Some(old) = shown {
            t.back.clone_from(&old.back);
            t.extra.clone_from(&old.extra);
        }
        t
    }

    fn is_empty(&self) -> bool {
        TimeOut::is_empty(self)
    }
}

record::step_functions!(TimeOut);

/// Draws the step: why a named break helps, the form, and for the one waiting, ideas for
/// meanwhile.
pub(super) fn view(s: &State, v: &StepView, c: Canvas) {
    let Canvas(frame, area, layout) = c;
    let words = &v.session.catalog.turning.time_out;
    let shown = record::shown(s.at, v.draft.time_outs.len(), "Break", "A new break");
    let mut lines = vec![
        Line::styled(words.intro.trim().to_owned(), v.theme.muted),
        Line::styled(
            format!("{shown} · ←/→ and Space choose · Tab to the summary · Ctrl-S keeps it"),
            v.theme.muted,
        ),
        Line::default(),
    ];
    if picked_side(&s.form) == BreakSide::Theirs && !words.their_ideas.is_empty() {
        let day = usize::try_from(chrono::Datelike::ordinal0(&v.session.today)).unwrap_or(0);
        lines.insert(
            1,
            Line::styled(
                format!(
                    "An idea while you wait: {}",
                    words.their_ideas[day % words.their_ideas.len()]
                ),
                v.theme.muted,
            ),
        );
    }
    layout.place(s.form.render(lines, v.theme, frame, area));
}
