//! A bid for connection or an appreciation, in seconds (from home, or from the moment step):
//! what it was (a bid from the partner, one of the person's own, something appreciated about
//! them or about oneself), how it was met (toward, away, against — for a bid), and a line.
//! The words are content (`turning.toml`, `[bids]`); the form writes through to `draft.bids`.

use ratatui::text::Line;

use crate::journal::draft::{CheckInDraft, Step};
use crate::journal::{Bid, BidKind, Entry, Turn};
use crate::tui::session::Session;
use crate::tui::widgets::form::{Choice, Field, FieldKind, Form};

use super::record::{self, Record};
use super::{Canvas, StepView};

const KIND: usize = 0;
const TURN: usize = 1;
const TEXT: usize = 2;

/// A kind's key in the form.
fn kind_key(kind: BidKind) -> String {
    format!("{kind:?}")
}

/// A response's key in the form.
fn turn_key(turn: Turn) -> &'static str {
    turn.word()
}

/// The kind the form has picked (a bid from the partner when none is).
fn picked_kind(form: &Form) -> BidKind {
    let picked = form.picked(KIND);
    BidKind::ALL
        .iter()
        .copied()
        .find(|k| picked.first() == Some(&kind_key(*k).as_str()))
        .unwrap_or_default()
}

impl Record for Bid {
    const STEP: Step = Step::Bid;

    const LIST: fn(&Entry) -> &[Self] = |e| &e.bids;
    const LIST_MUT: fn(&mut Entry) -> &mut crate::journal::entry::ThinVec<Self> = |e| &mut e.bids;
    const TEXT_FIELDS: &'static [usize] = &[TEXT];

    fn form(b: Option<&Self>, _draft: &CheckInDraft, session: &Session) -> Form {
        let words = &session.catalog.turning.bids;
        let kind = b.map(|b| b.kind).unwrap_or_default();
        let kinds = BidKind::ALL
            .iter()
            .map(|&k| Choice {
                key: kind_key(k),
                label: match k {
                    BidKind::Theirs => words.their_bid.clone(),
                    BidKind::Mine => words.my_bid.clone(),
                    BidKind::ThankThem => words.thank_them.clone(),
                    BidKind::ThankMe => words.thank_me.clone(),
                },
            })
            .collect();
        let turns = Turn::ALL
            .iter()
            .map(|&t| Choice {
                key: turn_key(t).to_owned(),
                label: t.label(kind).to_owned(),
            })
            .collect();
        let turned: Vec<String> = b
            .and_then(|b| b.turn)
            .map(|t| vec![turn_key(t).to_owned()])
            .unwrap_or_default();
        let mut form = Form::new(vec![
            Field::choice("What was it?", kinds, false, &[kind_key(kind)]),
            Field::choice("How was it met?", turns, false, &turned),
            Field::text(
                "What happened, in a line",
                b.map_or("", |b| b.text.as_str()),
                "e.g. “showed me a photo; I put my phone down”",
            ),
        ]);
        form.set_hidden(TURN, !kind.is_bid());
        form
    }

    /// The responses are worded for whose bid it is ("I turned toward it", "they turned
    /// toward it"), and asked of a bid only.
    fn refresh(form: &mut Form, _draft: &CheckInDraft, _session: &Session) {
        let kind = picked_kind(form);
        if let Some(field) = form.fields.get_mut(TURN)
            && let FieldKind::Choice { options, .. } = &mut field.kind
        {
            for (o, t) in options.iter_mut().zip(Turn::ALL) {
                o.label = t.label(kind).to_owned();
            }
        }
        form.set_hidden(TURN, !kind.is_bid());
    }

    fn read(form: &Form, shown: Option<&Self>, _session: &Session) -> Self {
        let kind = picked_kind(form);
        let picked = form.picked(TURN);
        let turn = Turn::ALL
            .iter()
            .copied()
            .find(|t| picked.first() == Some(&turn_key(*t)))
            .filter(|_| kind.is_bid());
        Bid {
            kind,
            turn,
            text: form.text(TEXT).trim().to_owned(),
            // What a newer closer wrote into it is kept through the edit.
            extra: shown.map(|b| b.extra.clone()).unwrap_or_default(),
        }
    }

    fn is_empty(&self) -> bool {
        Bid::is_empty(self)
    }
}

record::step_functions!(Bid);

/// Draws the step: what a bid is in a line, an everyday example for the person's side, and
/// the form.
pub(super) fn view(s: &State, v: &StepView, c: Canvas) {
    let Canvas(frame, area, layout) = c;
    let words = &v.session.catalog.turning.bids;
    let shown = record::shown(s.at, v.draft.bids.len(), "Bid", "A new one");
    let first = words
        .intro
        .split_inclusive(". ")
        .next()
        .unwrap_or_default()
        .trim();
    let examples = words.examples_for(v.draft.perspective);
    let mut lines = vec![Line::styled(first.to_owned(), v.theme.muted)];
    if !examples.is_empty() {
        // A different example each day.
        let day = usize::try_from(chrono::Datelike::ordinal0(&v.session.today)).unwrap_or(0);
        lines.push(Line::styled(
            format!("For example: {}", examples[day % examples.len()]),
            v.theme.muted,
        ));
    }
    lines.push(Line::styled(
        format!("{shown} · ←/→ and Space choose · Ctrl-N another · Tab to the summary"),
        v.theme.muted,
    ));
    lines.push(Line::default());
    layout.place(s.form.render(lines, v.theme, frame, area));
}
