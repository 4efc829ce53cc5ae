//! Ladders of small brave steps: each fear of closeness the person climbs, its steps from the
//! easiest, which are done, and how what they feared compared with what happened (see
//! `journal::ladders`). A ladder is written and changed as a record of today's entry
//! (`Flow::Ladder`); doing a step writes what the person fears will happen as a prediction
//! (`Flow::BraveStep`), looked back on like every prediction.
//!
//! Where a safety trigger was logged lately, the page suggests no next step and says why: a
//! step toward a partner who frightens you can wait, and the safety page is a key away.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::content::validate::SAFETY_PAGE;
use crate::journal::draft::Flow;
use crate::journal::ladders::{self, LadderView, StepView, Try};
use crate::journal::{Ladder, Prediction};
use crate::tui::keys::{self, Action, Binding, bind, table};
use crate::tui::screen::{Cmd, Ctx, LastLayout, Msg, Open, Page, Typing, ViewCx};
use crate::tui::session::Session;
use crate::tui::theme::Theme;
use crate::tui::widgets::caret::Spot;
use crate::tui::widgets::{page, wrap};

/// The ladders as the journal holds them, and the one and the step chosen.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct State {
    /// Every ladder, those being climbed first.
    pub views: Vec<LadderView>,
    /// The ladder shown.
    pub at: usize,
    /// Its step chosen (easiest first).
    pub step: usize,
    /// A safety trigger was logged lately: no step is suggested.
    pub safety: bool,
    /// A ladder begun here, shown once it is saved.
    pub begun: Option<String>,
}

const NEW: Binding = bind!(['n'] => Add, "new", "begin a new ladder");
const SAFETY: Binding = bind!(['s'] => LearnMore, "safety",
    "read \"When distance is about safety\"");
const BACK_KEYS: [Binding; 2] = [keys::SUPPORT, keys::BACK];

/// The keys while there are ladders.
pub const KEYS: &[Binding] = table![
    bind!([Enter] => DoStep, "do this step",
        "do the chosen step: first write what you fear will happen, to look back on"),
    ..keys::up_down("the step above (easier)", "the step below (harder)"),
    bind!([Left, 'h'] => Left, _, "the ladder before"),
    bind!([Right, 'l'] => Right, "another ladder", "the ladder after"),
    NEW,
    bind!(['e'] => Edit, "change", "change the ladder: its fear, its steps, how scary each is"),
    bind!(['p'] => PutAway, "put away", "put the ladder away, or take it back (it is kept)"),
    SAFETY,
    ..BACK_KEYS,
];

/// The keys before any ladder is written.
pub const EMPTY_KEYS: &[Binding] = table![NEW, SAFETY, ..BACK_KEYS];

/// Every key table of the screen, by mode (for tests over all tables).
pub const MODES: &[(&str, &[Binding])] = &[("ladders", KEYS), ("ladders: none yet", EMPTY_KEYS)];

/// The keys in force.
pub fn keys(state: &State) -> &'static [Binding] {
    if state.views.is_empty() {
        EMPTY_KEYS
    } else {
        KEYS
    }
}

/// Unbound keys do nothing.
pub fn typing(_: &State) -> Typing {
    Typing::No
}

/// Whether it opens only once the journal is read.
pub const NEEDS_JOURNAL: bool = true;

impl State {
    /// The ladders of the session's journal.
    pub fn new(session: &Session) -> State {
        let mut s = State::default();
        s.read(session);
        s
    }

    /// Reads the ladders again (the journal changed), staying on the ladder shown, or on one
    /// just begun here.
    fn read(&mut self, session: &Session) {
        let shown = self.shown().map(|v| v.ladder.id.clone());
        self.views = ladders::ladders(session.entries());
        self.safety = session
            .catalog
            .safety_logged_recently(session.recent_entries(), session.today);
        let want = self.begun.take().or(shown);
        match want.and_then(|id| self.views.iter().position(|v| v.ladder.id == id)) {
            // The same ladder: on the same step, if it still has it.
            Some(at) if at == self.at && self.step < self.steps() => {}
            Some(at) => {
                self.at = at;
                self.step = self.first_step();
            }
            None => {
                self.at = 0;
                self.step = self.first_step();
            }
        }
    }

    /// The ladder shown.
    pub fn shown(&self) -> Option<&LadderView> {
        self.views.get(self.at)
    }

    fn steps(&self) -> usize {
        self.shown().map_or(0, |v| v.steps.len())
    }

    /// The step first chosen on a ladder: the easiest not done yet (else the first).
    fn first_step(&self) -> usize {
        self.shown()
            .and_then(|v| v.steps.iter().position(|s| !s.is_done()))
            .unwrap_or(0)
    }

    /// Another ladder, `by` ±1, round.
    fn turn(&mut self, forward: bool) {
        let n = self.views.len();
        if n > 1 {
            self.at = if forward {
                (self.at + 1) % n
            } else {
                (self.at + n - 1) % n
            };
            self.step = self.first_step();
        }
    }
}

/// A new ladder, kept with today's entry.
fn begin(state: &mut State, session: &Session) -> Cmd {
    let taken: Vec<String> = state.views.iter().map(|v| v.ladder.id.clone()).collect();
    let id = ladders::unique_id(session.now, taken.iter().map(String::as_str));
    state.begun = Some(id.clone());
    Open::record_with(session, Flow::Ladder, |d| {
        ladders::open_new(
            d,
            Ladder {
                id,
                ..Ladder::default()
            },
        );
    })
}

/// Doing the chosen step: its prediction, kept with today's entry.
fn do_step(state: &State, session: &Session) -> Cmd {
    let Some(v) = state.shown() else {
        return Cmd::None;
    };
    let Some(step) = v.steps.get(state.step) else {
        return Cmd::info("This ladder has no steps yet: e adds some.");
    };
    if v.ladder.put_away {
        return Cmd::info("This ladder is put away: p takes it back first.");
    }
    Open::record_with(session, Flow::BraveStep, |d| {
        ladders::open_step(d, &v.ladder, &step.rung);
    })
}

/// The ladder shown put away or taken back, as a new version of it with today's entry.
fn put_away(state: &State, session: &Session) -> Cmd {
    let Some(v) = state.shown() else {
        return Cmd::None;
    };
    if let Some(why) = &session.read_only {
        return Cmd::error(format!(
            "Nothing can be saved while the journal is read-only: {why}"
        ));
    }
    // The one draft at a time may be today's entry: it comes first.
    if let Some(draft) = &session.pending_draft {
        return Cmd::Open(Open::offer_draft(draft));
    }
    let today = session
        .entries()
        .iter()
        .rev()
        .find(|e| e.date == session.today);
    let entry = ladders::put_away(
        today,
        &v.ladder,
        !v.ladder.put_away,
        session.now,
        session.perspective(),
    );
    Cmd::Effect(crate::tui::effect::Effect::SaveEntry(Box::new(entry)))
}

/// Applies a message.
pub fn update(state: &mut State, msg: Msg, cx: &Ctx) -> Cmd {
    let session = cx.session;
    match msg {
        Msg::Key(Action::Back) => return Cmd::Pop,
        Msg::Key(Action::Add) => return begin(state, session),
        Msg::Key(Action::DoStep) => return do_step(state, session),
        Msg::Key(Action::PutAway) => return put_away(state, session),
        Msg::Key(Action::LearnMore) => {
            return Cmd::Open(Open::Guide(Page::Digest(SAFETY_PAGE.to_owned())));
        }
        Msg::Key(Action::Edit) => {
            if let Some(v) = state.shown() {
                let newest = v.ladder.clone();
                return Open::record_with(session, Flow::Ladder, |d| {
                    ladders::open_change(d, &newest);
                });
            }
        }
        Msg::Key(Action::Left) => state.turn(false),
        Msg::Key(Action::Right) => state.turn(true),
        Msg::Key(a @ (Action::Up | Action::Down)) => {
            if let Some(at) = keys::moved(state.step, state.steps(), a, 1) {
                state.step = at;
            }
        }
        Msg::Done(crate::tui::effect::Done::EntrySaved(e)) => {
            let away = state
                .shown()
                .and_then(|v| e.ladders.iter().find(|l| l.id == v.ladder.id))
                .is_some_and(|l| l.put_away);
            return Cmd::info(if away {
                "Put away: it is kept, with every step you did. p takes it back."
            } else {
                "Taken back: it is with the ladders you are climbing. ✓"
            });
        }
        Msg::JournalChanged => state.read(session),
        _ => {}
    }
    Cmd::None
}

/// What was feared for a step, and what came of it, as two lines' words.
fn try_words(p: &Prediction) -> (String, String) {
    let mut fear = format!("feared “{}”", p.fear.trim());
    if let Some(l) = p.likelihood {
        fear.push_str(&format!(" · {}% likely", l.get()));
    }
    if let Some(b) = p.badness {
        fear.push_str(&format!(" · how bad {b}/5"));
    }
    let came = match &p.outcome {
        None => format!("to look back on {}", p.look_back.format("%A %-d %B")),
        Some(o) => {
            let mut s = format!("→ {}", o.result.label());
            if let Some(b) = o.badness {
                s.push_str(&format!(", really {b}/5"));
            }
            if !o.instead.trim().is_empty() {
                s.push_str(&format!(" · {}", o.instead.trim()));
            }
            s
        }
    };
    (fear, came)
}

/// The lines under a step done: each prediction made for it.
fn tries_lines(tries: &[Try], theme: &Theme, out: &mut Vec<Line<'static>>) {
    for t in tries {
        let (fear, came) = try_words(&t.prediction);
        out.push(Line::styled(format!("          {fear}"), theme.muted));
        out.push(Line::styled(format!("          {came}"), theme.muted));
    }
}

/// A step's line: chosen or not, done or not, how scary, its words.
fn step_line(s: &StepView, chosen: bool, theme: &Theme) -> Line<'static> {
    let scary = s
        .rung
        .scary
        .map_or_else(|| "  –".to_owned(), |v| format!("{:>3}", v.get()));
    let style = if chosen { theme.selected } else { theme.text };
    Line::from(vec![
        ratatui::text::Span::styled(if chosen { "▸ " } else { "  " }, theme.key),
        ratatui::text::Span::styled(if s.is_done() { "✓ " } else { "  " }, theme.good),
        ratatui::text::Span::styled(format!("{scary}   "), theme.muted),
        ratatui::text::Span::styled(s.rung.text.trim().to_owned(), style),
    ])
}

/// Where a safety trigger was logged lately: why no step is suggested.
const SAFETY_WORDS: &str = "You logged feeling afraid or controlled lately. Your safety comes \
    first, so closer suggests no step toward your partner now. s shows the page on when \
    distance is about safety; ! where to find support.";

/// The ladder shown, as lines, and the line its chosen step is on.
fn ladder_lines(state: &State, v: &LadderView, theme: &Theme) -> (Vec<Line<'static>>, usize) {
    let mut out = Vec::new();
    let of = if state.views.len() > 1 {
        format!(
            "Ladder {} of {} · ←/→ another",
            state.at + 1,
            state.views.len()
        )
    } else {
        "Your ladder".to_owned()
    };
    out.push(Line::styled(of, theme.muted));
    out.push(Line::styled(v.ladder.fear.trim().to_owned(), theme.title));
    let mut about = format!("begun {}", v.begun.format("%-d %B %Y"));
    if v.ladder.put_away {
        about.push_str(&format!(
            " · put away {} (p takes it back)",
            v.changed.format("%-d %B")
        ));
    }
    out.push(Line::styled(about, theme.muted));
    out.push(Line::styled(v.compared.line(), theme.text));
    out.push(Line::default());
    out.push(Line::styled(
        "     scary  the steps, easiest first",
        theme.muted,
    ));
    let mut chosen = out.len();
    for (i, s) in v.steps.iter().enumerate() {
        if i == state.step {
            chosen = out.len();
        }
        out.push(step_line(s, i == state.step, theme));
        tries_lines(&s.tries, theme, &mut out);
    }
    if v.steps.is_empty() {
        out.push(Line::styled("  No steps yet: e adds them.", theme.muted));
    }
    if !v.earlier.is_empty() {
        out.push(Line::default());
        out.push(Line::styled(
            "Done before the steps were reworded",
            theme.muted,
        ));
        for t in &v.earlier {
            let words = t.prediction.step.as_ref().map_or("", |s| s.step.trim());
            out.push(Line::styled(format!("  ✓ {words}"), theme.text));
            tries_lines(std::slice::from_ref(t), theme, &mut out);
        }
    }
    out.push(Line::default());
    match v.steps.get(state.step) {
        Some(_) if v.ladder.put_away => {}
        Some(s) if !s.is_done() && !state.safety => out.push(Line::styled(
            "Enter: before you take this step, write what you fear will happen. On the day you \
             choose, closer asks what really did.",
            theme.muted,
        )),
        Some(_) if !state.safety => out.push(Line::styled(
            "Enter takes it again, if you want: a step often feels less scary each time.",
            theme.muted,
        )),
        _ => {}
    }
    (out, chosen)
}

/// The page before any ladder is written: what a ladder is, and how to begin (with the
/// starter ladders offered for the person's side).
fn empty_lines(starters: &[String], theme: &Theme) -> Vec<Line<'static>> {
    let mut out = vec![
        Line::styled("A ladder of small brave steps", theme.title),
        Line::styled(
            "When closeness feels scary (saying how you feel, asking for reassurance without \
             pushing), a ladder breaks it into small steps, from the easiest to the hardest. \
             You rate how scary each feels, then take them one at a time, at your pace.",
            theme.text,
        ),
        Line::default(),
        Line::styled(
            "Before each step, you write what you fear will happen. A few days later closer \
             asks what really did, so the fear gets checked against what happens.",
            theme.text,
        ),
        Line::default(),
    ];
    if !starters.is_empty() {
        out.push(Line::styled(
            "Ladders to start from, to change as you like:",
            theme.muted,
        ));
        for fear in starters {
            out.push(Line::styled(format!("  · {fear}"), theme.text));
        }
        out.push(Line::default());
    }
    out.push(Line::styled(
        "n begins your first ladder: your own, or one of these.",
        theme.key,
    ));
    out
}

/// Draws the screen.
pub fn view(state: &State, cx: &ViewCx, frame: &mut Frame, area: Rect, layout: &mut LastLayout) {
    let theme = &cx.session.theme;
    let body = page::column(page::draw(cx, frame, area, "ladders of brave steps"));
    let width = usize::from(body.width);
    let mut lines = Vec::new();
    if state.safety {
        lines.push(Line::styled(SAFETY_WORDS, theme.warn));
        lines.push(Line::default());
    }
    let mut chosen = None;
    match state.shown() {
        None => {
            let starters: Vec<String> = cx
                .session
                .catalog
                .turning
                .ladders_for(cx.session.perspective(), state.safety)
                .iter()
                .map(|l| l.fear.clone())
                .collect();
            lines.extend(empty_lines(&starters, theme));
        }
        Some(v) => {
            let (more, at) = ladder_lines(state, v, theme);
            // Where the chosen step lands once the lines above it are wrapped.
            let line = wrap::lines(lines.clone(), width).len()
                + wrap::lines(more[..at].to_vec(), width).len();
            chosen = (!v.steps.is_empty()).then_some(line);
            lines.extend(more);
        }
    }
    let lines = wrap::lines(lines, width);
    layout.record(body, lines.len());
    // The chosen step stays in sight, with a few lines of what was feared below it.
    let scroll = (chosen.unwrap_or(0) + 4).saturating_sub(usize::from(body.height));
    frame.render_widget(
        Paragraph::new(lines).scroll((u16::try_from(scroll).unwrap_or(0), 0)),
        body,
    );
    layout.place(chosen.and_then(|line| Spot::row(line).on(body, scroll)));
}
