//! The review of a week (from the week card): what went well, what was hard, what I learned
//! about my pattern, one thing for next week. The week it is about is fixed when it is
//! begun (the card's week); the form writes through to `draft.week_reviews`.

use ratatui::text::Line;

use crate::journal::draft::{CheckInDraft, Step};
use crate::journal::{Entry, WeekReview};
use crate::tui::session::Session;
use crate::tui::widgets::form::{Field, Form};

use super::record::{self, Record};
use super::{Canvas, StepView};

const WENT_WELL: usize = 0;
const HARD: usize = 1;
const LEARNED: usize = 2;
const NEXT: usize = 3;

impl Record for WeekReview {
    const STEP: Step = Step::Week;

    const LIST: fn(&Entry) -> &[Self] = |e| &e.week_reviews;
    const LIST_MUT: fn(&mut Entry) -> &mut crate::journal::entry::ThinVec<Self> =
        |e| &mut e.week_reviews;
    const TEXT_FIELDS: &'static [usize] = &[WENT_WELL, HARD, LEARNED, NEXT];

    fn form(r: Option<&Self>, _draft: &CheckInDraft, _session: &Session) -> Form {
        let empty = WeekReview::default();
        let r = r.unwrap_or(&empty);
        let [went_well, hard, learned, next] = r.texts();
        Form::new(vec![
            Field::text(went_well.0, went_well.1, "a moment, however small"),
            Field::text(hard.0, hard.1, "in a line"),
            Field::text(learned.0, learned.1, "what you noticed, not a verdict"),
            Field::text(next.0, next.1, "one small thing"),
        ])
    }

    fn read(form: &Form, shown: Option<&Self>, _session: &Session) -> Self {
        WeekReview {
            // The week was fixed when the review was begun.
            week: shown.map(|r| r.week).unwrap_or_default(),
            went_well: form.text(WENT_WELL).trim().to_owned(),
            hard: form.text(HARD).trim().to_owned(),
            learned: form.text(LEARNED).trim().to_owned(),
            next: form.text(NEXT).trim().to_owned(),
            extra: shown.map(|r| r.extra.clone()).unwrap_or_default(),
        }
    }

    fn is_empty(&self) -> bool {
        WeekReview::is_empty(self)
    }
}

record::step_functions!(WeekReview);

/// Draws the step: which week, and the four questions.
pub(super) fn view(s: &State, v: &StepView, c: Canvas) {
    let Canvas(frame, area, layout) = c;
    let week = v
        .draft
        .week_reviews
        .get(s.at)
        .map(|r| r.week.format("%-d %B %Y").to_string())
        .unwrap_or_default();
    let lines = vec![
        Line::styled(
            format!("The week of {week}: four short answers, any of them skippable."),
            v.theme.muted,
        ),
        Line::styled(
            "↑/↓ between the questions · Ctrl-E your editor · Tab to the summary",
            v.theme.muted,
        ),
        Line::default(),
    ];
    layout.place(s.form.render(lines, v.theme, frame, area));
}
