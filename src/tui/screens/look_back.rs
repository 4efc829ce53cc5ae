//! Looking back on predictions: did the feared outcome happen (yes / partly / no), how bad
//! was it really (1–5), and what happened instead. Opens over a new check-in when
//! predictions are due, and from review for an entry's open predictions (to close or drop one
//! early). Each answer is saved at once into the entry that made the prediction.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui_textarea::Input;

use crate::journal::predictions::{self, PredictionRef};
use crate::journal::vocabulary::day;
use crate::journal::{Badness, Prediction, PredictionOutcome, PredictionResult};
use crate::tui::effect::{Done, Effect};
use crate::tui::keys::{self, Action, Binding, HELP_KEY_TEXT, bind, table};
use crate::tui::screen::{self, Cmd, Ctx, LastLayout, Msg, Typing, ViewCx};
use crate::tui::session::Session;
use crate::tui::widgets::form::{Choice, Field, Form};
use crate::tui::widgets::{page, wrap};

/// One prediction to look back on.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Where it lives.
    pub at: PredictionRef,
    /// The day it was made.
    pub made_on: chrono::NaiveDate,
    /// The prediction, as it was when the screen opened.
    pub prediction: Prediction,
}

/// The predictions, the one shown, and its form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct State {
    /// The predictions to look back on, oldest first.
    pub items: Vec<Item>,
    /// The one shown.
    pub at: usize,
    /// Its answers so far.
    pub form: Form,
    /// How many were answered or dropped here.
    pub closed: usize,
}

/// The screen's keys (Left/Right, Space and Backspace go to the focused field).
pub const KEYS: &[Binding] = table![
    bind!([Enter] => Confirm, "save", "save the answer (once you said whether it happened)"),
    bind!([Tab] => Next, "later", "leave this one for later"),
    // Not Ctrl-D, which deletes a character in the text field.
    bind!([Ctrl 'x'] => Delete, "drop", "drop it: close it without an answer"),
    ..keys::up_down_arrows("the field above", "the field below"),
    bind!([Esc] => Back, "not now", "close; the ones not answered wait for next time"),
    HELP_KEY_TEXT,
];

screen::one_table!("look back on a prediction" => KEYS, Typing::Field);

const RESULT: usize = 0;
const BAD: usize = 1;
const INSTEAD: usize = 2;

fn form() -> Form {
    Form::new(vec![
        Field::choice(
            "Did it happen?",
            PredictionResult::ANSWERS
                .iter()
                .map(|r| Choice::words(r.label()))
                .collect(),
            false,
            &[],
        ),
        Field::number(
            "How bad was it really? (1 a little – 5 very)",
            None,
            (1, 5, 1),
            "/5",
        ),
        Field::text("What happened instead?", "", "in a line, if you like"),
    ])
}

impl State {
    /// The predictions due on the session's day, or `None` when there are none.
    pub fn due(session: &Session) -> Option<State> {
        State::of(
            predictions::due(session.entries(), session.today)
                .into_iter()
                .map(|f| Item {
                    at: f.at,
                    made_on: f.made_on,
                    prediction: f.prediction.clone(),
                })
                .collect(),
        )
    }

    /// The open predictions of one entry, to close or drop early.
    pub fn of_entry(session: &Session, entry: &crate::journal::EntryId) -> Option<State> {
        State::of(
            predictions::open(session.entries())
                .into_iter()
                .filter(|f| &f.at.entry == entry)
                .map(|f| Item {
                    at: f.at,
                    made_on: f.made_on,
                    prediction: f.prediction.clone(),
                })
                .collect(),
        )
    }

    fn of(items: Vec<Item>) -> Option<State> {
        (!items.is_empty()).then(|| State {
            items,
            at: 0,
            form: form(),
            closed: 0,
        })
    }

    /// The outcome the form says, on `today`, or `None` before "did it happen" is answered.
    fn outcome(&self, today: chrono::NaiveDate) -> Option<PredictionOutcome> {
        let result = self.form.picked(RESULT).first().and_then(|l| {
            PredictionResult::ANSWERS
                .into_iter()
                .find(|r| r.label() == *l)
        })?;
        Some(PredictionOutcome {
            on: today,
            result,
            // How bad it really was is asked only of what happened, at least in part.
            badness: self
                .form
                .number(BAD)
                .filter(|_| result != PredictionResult::No)
                .and_then(|b| Badness::try_from(b).ok()),
            instead: self.form.text(INSTEAD).trim().to_owned(),
            extra: Default::default(),
        })
    }

    /// Asks "how bad was it really?" only of what happened, at least in part: not after "it
    /// did not happen".
    fn ask_what_applies(&mut self) {
        let not = self.form.picked(RESULT).first() == Some(&PredictionResult::No.label());
        self.form.set_hidden(BAD, not);
    }

    /// Closes the one shown with `outcome`: the entry to save, or a message.
    fn close(&self, outcome: PredictionOutcome, session: &Session) -> Cmd {
        let Some(item) = self.items.get(self.at) else {
            return Cmd::Pop;
        };
        match predictions::close(session.entries(), &item.at, outcome, session.now) {
            Some(entry) => Cmd::Effect(Effect::SaveEntry(Box::new(entry))),
            // Answered meanwhile (another check-in, another window): nothing to do.
            None => Cmd::info("That prediction was looked back on already."),
        }
    }

    /// The next one, or closing the screen after the last.
    fn advance(&mut self) -> Cmd {
        self.at += 1;
        self.form = form();
        if self.at < self.items.len() {
            return Cmd::None;
        }
        let said = match self.closed {
            0 => "The predictions wait for the next check-in (and closer predictions lists them)."
                .to_owned(),
            1 => "Saved. Looking back is how a fear gets checked against what happened.".to_owned(),
            n => format!("{n} looked back on and saved."),
        };
        Cmd::Pop.and(Cmd::info(said))
    }
}

/// Whether it opens only once the journal is read.
pub const NEEDS_JOURNAL: bool = false;

/// Applies a message.
pub fn update(state: &mut State, msg: Msg, cx: &Ctx) -> Cmd {
    let today = cx.session.today;
    match msg {
        Msg::Key(Action::Up) => {
            state.form.up();
        }
        Msg::Key(Action::Down) => {
            state.form.down();
        }
        Msg::Key(Action::Confirm) => {
            return match state.outcome(today) {
                Some(outcome) => state.close(outcome, cx.session),
                None => Cmd::info(
                    "Say first whether it happened (←/→ and Space), or press Tab to leave it for later.",
                ),
            };
        }
        Msg::Key(Action::Delete) => {
            let dropped = PredictionOutcome {
                on: today,
                result: PredictionResult::Dropped,
                badness: None,
                instead: String::new(),
                extra: Default::default(),
            };
            return state.close(dropped, cx.session);
        }
        Msg::Key(Action::Next) => return state.advance(),
        Msg::Key(Action::Back) => return Cmd::Pop,
        Msg::Input(input) => {
            let input: Input = input;
            state.form.input(input);
            state.ask_what_applies();
        }
        Msg::Paste(text) => {
            state.form.paste(&text);
        }
        Msg::Done(Done::EntrySaved(_)) => {
            state.closed += 1;
            return state.advance();
        }
        _ => {}
    }
    Cmd::None
}

/// Draws the screen.
pub fn view(state: &State, cx: &ViewCx, frame: &mut Frame, area: Rect, layout: &mut LastLayout) {
    let theme = &cx.session.theme;
    let body = page::column(page::draw(cx, frame, area, "look back on a prediction"));
    let width = usize::from(body.width);
    let Some(item) = state.items.get(state.at) else {
        frame.render_widget(
            Paragraph::new(wrap::lines(
                vec![Line::styled(
                    "No predictions are open here. Esc goes back.",
                    theme.muted,
                )],
                width,
            )),
            body,
        );
        return;
    };
    let p = &item.prediction;
    let (fear, _) = crate::report::words::prediction_lines(p);
    let mut lines = vec![
        Line::styled(
            format!(
                "{} of {} · made on {}, to look back on {}",
                state.at + 1,
                state.items.len(),
                day(item.made_on, cx.session.today),
                day(p.look_back, cx.session.today)
            ),
            theme.muted,
        ),
        Line::default(),
        Line::styled("You feared:".to_owned(), theme.text),
        Line::styled(format!("  {fear}"), theme.key),
        Line::default(),
    ];
    lines = wrap::lines(lines, width);
    let (form, caret) = state.form.lines_with_caret(theme, width);
    layout.place(caret.and_then(|c| c.below(lines.len()).on(body, 0)));
    lines.extend(form);
    lines.push(Line::default());
    lines.extend(wrap::lines(
        vec![Line::styled(
            "Your answer is kept with the check-in that made the prediction.",
            theme.muted,
        )],
        width,
    ));
    frame.render_widget(Paragraph::new(lines), body);
}
