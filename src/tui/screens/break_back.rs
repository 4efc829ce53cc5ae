//! After a break: "did you go back to it?" (yes / not yet / no, and a line), for each break
//! whose promised return has come. Opened from home's line about it. Each answer is saved at
//! once into the entry that holds the break, so insights can show how often breaks led back
//! to the talk.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui_textarea::Input;

use crate::journal::breaks::{self, BreakRef};
use crate::journal::{BreakOutcome, BreakSide, TimeOut, WentBack};
use crate::tui::effect::{Done, Effect};
use crate::tui::keys::{self, Action, Binding, HELP_KEY_TEXT, bind, table};
use crate::tui::screen::{self, Cmd, Ctx, LastLayout, Msg, Typing, ViewCx};
use crate::tui::session::Session;
use crate::tui::widgets::form::{Choice, Field, Form};
use crate::tui::widgets::{page, wrap};

/// One break to ask about.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Where it lives.
    pub at: BreakRef,
    /// The break, as it was when the screen opened.
    pub time_out: TimeOut,
}

/// The breaks, the one shown, and its form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct State {
    /// The breaks due, oldest first.
    pub items: Vec<Item>,
    /// The one shown.
    pub at: usize,
    /// Its answer so far.
    pub form: Form,
    /// How many were answered here.
    pub answered: usize,
}

/// The screen's keys (Left/Right, Space and Backspace go to the focused field).
pub const KEYS: &[Binding] = table![
    bind!([Enter] => Confirm, "save", "save the answer (once you said whether you went back)"),
    bind!([Tab] => Next, "later", "leave this one for later"),
    ..keys::up_down_arrows("the field above", "the field below"),
    bind!([Esc] => Back, "not now", "close; it is asked again later"),
    HELP_KEY_TEXT,
];

screen::one_table!("after a break" => KEYS, Typing::Field);

const WENT: usize = 0;
const NOTE: usize = 1;

fn form(session: &Session) -> Form {
    let words = &session.catalog.turning.time_out;
    let labels = [&words.back_yes, &words.back_later, &words.back_no];
    Form::new(vec![
        Field::choice(
            &words.back_question,
            WentBack::ALL
                .iter()
                .zip(labels)
                .map(|(w, label)| Choice {
                    key: w.label().to_owned(),
                    label: label.clone(),
                })
                .collect(),
            false,
            &[],
        ),
        Field::text(&words.back_note, "", "in a line, if you like"),
    ])
}

impl State {
    /// The breaks due at the session's time among its recent entries (a break is at most a
    /// day long), or an empty state when there are none.
    pub fn due(session: &Session) -> State {
        let items: Vec<Item> = breaks::due(session.recent_entries(), session.now)
            .into_iter()
            .map(|f| Item {
                at: f.at(),
                time_out: f.time_out.clone(),
            })
            .collect();
        State {
            items,
            at: 0,
            form: form(session),
            answered: 0,
        }
    }

    /// The answer the form gives at `now`, or `None` before "did you go back" is answered.
    fn outcome(&self, now: chrono::DateTime<chrono::FixedOffset>) -> Option<BreakOutcome> {
        let picked = self.form.picked(WENT);
        let went = WentBack::ALL
            .iter()
            .copied()
            .find(|w| picked.first() == Some(&w.label()))?;
        Some(BreakOutcome {
            went,
            on: now,
            note: self.form.text(NOTE).trim().to_owned(),
            extra: Default::default(),
        })
    }

    /// The next one, or closing the screen after the last.
    fn advance(&mut self, session: &Session) -> Cmd {
        self.at += 1;
        self.form = form(session);
        if self.at < self.items.len() {
            return Cmd::None;
        }
        let said = match self.answered {
            0 => "It is asked again next time you open closer.".to_owned(),
            1 => "Saved. Coming back after a break is how trust grows, a little at a time."
                .to_owned(),
            n => format!("{n} breaks answered and saved."),
        };
        Cmd::Pop.and(Cmd::info(said))
    }
}

/// Whether it opens only once the journal is read.
pub const NEEDS_JOURNAL: bool = true;

/// Applies a message.
pub fn update(state: &mut State, msg: Msg, cx: &Ctx) -> Cmd {
    let session = cx.session;
    match msg {
        Msg::Key(Action::Up) => {
            state.form.up();
        }
        Msg::Key(Action::Down) => {
            state.form.down();
        }
        Msg::Key(Action::Confirm) => {
            let Some(outcome) = state.outcome(session.now) else {
                return Cmd::info(
                    "Say first whether you went back to it (←/→ and Space), or press Tab to \
                     leave it for later.",
                );
            };
            let Some(item) = state.items.get(state.at) else {
                return Cmd::Pop;
            };
            return match breaks::answer(session.entries(), &item.at, outcome) {
                Some(entry) => Cmd::Effect(Effect::SaveEntry(Box::new(entry))),
                None => Cmd::info("That break was answered already."),
            };
        }
        Msg::Key(Action::Next) => return state.advance(session),
        Msg::Key(Action::Back) => return Cmd::Pop,
        Msg::Input(input) => {
            let input: Input = input;
            state.form.input(input);
        }
        Msg::Paste(text) => {
            state.form.paste(&text);
        }
        Msg::Done(Done::EntrySaved(_)) => {
            state.answered += 1;
            return state.advance(session);
        }
        _ => {}
    }
    Cmd::None
}

/// The break in a line: whose, and from when to when.
fn about(t: &TimeOut) -> String {
    let whose = match t.side {
        BreakSide::Mine => "You took a break",
        BreakSide::Theirs => "They asked for a break",
    };
    format!(
        "{whose} at {}, to come back to it at {}.",
        t.from.format("%H:%M"),
        t.back_at.format("%H:%M on %A")
    )
}

/// Draws the screen.
pub fn view(state: &State, cx: &ViewCx, frame: &mut Frame, area: Rect, layout: &mut LastLayout) {
    let theme = &cx.session.theme;
    let body = page::column(page::draw(cx, frame, area, "after a break"));
    let width = usize::from(body.width);
    let Some(item) = state.items.get(state.at) else {
        frame.render_widget(
            Paragraph::new(wrap::lines(
                vec![Line::styled(
                    "No break is waiting for an answer. Esc goes back.",
                    theme.muted,
                )],
                width,
            )),
            body,
        );
        return;
    };
    let t = &item.time_out;
    let mut lines = vec![
        Line::styled(
            format!("{} of {}", state.at + 1, state.items.len()),
            theme.muted,
        ),
        Line::default(),
        Line::styled(about(t), theme.text),
    ];
    if !t.said.is_empty() {
        lines.push(Line::styled(format!("You said: “{}”", t.said), theme.muted));
    }
    if !t.until_then.is_empty() {
        lines.push(Line::styled(
            format!("Until then: {}", t.until_then),
            theme.muted,
        ));
    }
    lines.push(Line::default());
    lines = wrap::lines(lines, width);
    let (form, caret) = state.form.lines_with_caret(theme, width);
    layout.place(caret.and_then(|c| c.below(lines.len()).on(body, 0)));
    lines.extend(form);
    lines.push(Line::default());
    lines.extend(wrap::lines(
        vec![Line::styled(
            "Your answer is kept with the break, in the entry of that day.",
            theme.muted,
        )],
        width,
    ));
    frame.render_widget(Paragraph::new(lines), body);
}
