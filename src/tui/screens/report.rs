//! Make a report: of what review shows (its filter) or of the window insights shows. The
//! person chooses what of their own words goes in (nothing, by default) and the format; the
//! report is made here from the loaded journal (pure code, `crate::report`) and written by
//! the event loop into their documents folder, private to them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::journal::insights::Window;
use crate::journal::query::Filter;
use crate::journal::vocabulary::count;
use crate::report::{self, Format, Include};
use crate::tui::effect::{Done, Effect};
use crate::tui::keys::{self, Action, Binding, bind, table};
use crate::tui::screen::{self, Cmd, Ctx, LastLayout, Msg, Open, Question, Typing, ViewCx};
use crate::tui::session::Session;
use crate::tui::widgets::caret::Spot;
use crate::tui::widgets::{page, wrap};

/// The rows to choose on: answers, notes, moments, predictions, thoughts, debriefs, the cycle,
/// the format.
const ROWS: usize = 9;

/// What the report covers and what the person chose so far.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The days.
    pub window: Window,
    /// Which entries count.
    pub filter: Filter,
    /// The person's words chosen to go in.
    pub include: Include,
    /// HTML or Markdown.
    pub format: Format,
    /// The row under the cursor: answers, notes, moments, predictions, format.
    pub cursor: usize,
    /// The covered span and filter, in words (made once).
    pub subtitle: String,
    /// Check-ins the report counts.
    pub entries: u32,
    /// The report's figures, worked out once when the screen opens (the words chosen are
    /// added when it is written).
    figures: Box<report::Report>,
}

/// The screen's keys.
pub const KEYS: &[Binding] = table![
    bind!([' '] => Toggle, "choose", "put in or leave out; switch the format"),
    bind!([Enter] => Confirm, "write", "write the report"),
    ..keys::up_down("the row above", "the row below"),
    keys::BACK,
];

screen::one_table!("make a report" => KEYS, Typing::No);

impl State {
    /// A report of `window` and `filter`, over the loaded journal.
    pub fn new(window: Window, filter: Filter, session: &Session) -> State {
        let figures = report::build(
            session.entries(),
            &report::Request {
                window,
                filter: filter.clone(),
                include: Include::default(),
            },
            &session.catalog,
            session.prefs.mood_labels,
            session.today,
            session.prefs.week_start.weekday(),
        );
        State {
            window,
            filter,
            include: Include::default(),
            format: Format::Html,
            cursor: 0,
            subtitle: report::subtitle(&figures),
            entries: figures.insights.entries,
            figures: Box::new(figures),
        }
    }

    /// The report's text, as chosen.
    fn text(&self, session: &Session) -> String {
        let request = report::Request {
            window: self.window,
            filter: self.filter.clone(),
            include: self.include,
        };
        let mut made = (*self.figures).clone();
        made.include = self.include;
        made.entries = report::shared_entries(session.entries(), &request, session.today);
        match self.format {
            Format::Html => report::html(&made, &session.catalog),
            Format::Markdown => report::markdown(&made, &session.catalog),
        }
    }
}

/// `path` with the home folder shown as `~`.
fn shown_path(path: &std::path::Path, session: &Session) -> String {
    match session
        .home
        .as_deref()
        .and_then(|h| path.strip_prefix(h).ok())
    {
        Some(rest) if rest.as_os_str().is_empty() => "~".to_owned(),
        Some(rest) => format!("~/{}", rest.display()),
        None => path.display().to_string(),
    }
}

/// The file's name without a number (another report today gets `-2`, `-3`, …).
fn stem(session: &Session) -> String {
    format!("closer-report-{}", session.today.format("%Y-%m-%d"))
}

/// Whether it opens only once the journal is read.
pub const NEEDS_JOURNAL: bool = true;

/// Applies a message.
pub fn update(state: &mut State, msg: Msg, cx: &Ctx) -> Cmd {
    match msg {
        Msg::Key(Action::Back) => return Cmd::Pop,
        Msg::Key(Action::Toggle) => match state.cursor {
            0 => state.include.answers = !state.include.answers,
            1 => state.include.notes = !state.include.notes,
            2 => state.include.episodes = !state.include.episodes,
            3 => state.include.predictions = !state.include.predictions,
            4 => state.include.thoughts = !state.include.thoughts,
            5 => state.include.debriefs = !state.include.debriefs,
            6 => state.include.cycle = !state.include.cycle,
            7 => state.include.turning = !state.include.turning,
            _ => {
                state.format = match state.format {
                    Format::Html => Format::Markdown,
                    Format::Markdown => Format::Html,
                }
            }
        },
        Msg::Key(Action::Confirm) if cx.session.encrypted => {
            return Cmd::Open(Open::ask(
                Question::WritePlain,
                "Write a report that is not encrypted?",
                &[
                    "Your journal is encrypted, but a report is an ordinary file:",
                    "anyone who can open your files can read it.",
                    "Keep it somewhere private, and delete it when you are done.",
                ],
            ));
        }
        Msg::Key(Action::Confirm) | Msg::Answer(Question::WritePlain, Action::Yes) => {
            return Cmd::Effect(Effect::WriteReport {
                dir: cx.session.reports.clone(),
                stem: stem(cx.session),
                extension: state.format.extension().to_owned(),
                text: state.text(cx.session),
            });
        }
        Msg::Key(action) => {
            if let Some(at) = keys::moved(state.cursor, ROWS, action, ROWS) {
                state.cursor = at;
            }
        }
        Msg::Done(Done::ReportWritten(path)) => {
            return Cmd::Pop.and(Cmd::info(format!(
                "Report written to {}, with {}. Only you can read the file.",
                shown_path(&path, cx.session),
                state.include.describe()
            )));
        }
        _ => {}
    }
    Cmd::None
}

/// Draws the screen.
pub fn view(state: &State, cx: &ViewCx, frame: &mut Frame, area: Rect, layout: &mut LastLayout) {
    let theme = &cx.session.theme;
    let body = page::column(page::draw(cx, frame, area, "make a report"));
    let name = format!("{}.{}", stem(cx.session), state.format.extension());
    let whither = match cx.session.reports.as_deref() {
        Some(dir) => format!("Enter writes it to {}/{name}", shown_path(dir, cx.session)),
        None => format!("Enter writes {name} in the folder closer was started from"),
    };
    let check = |on: bool| if on { "[x] " } else { "[ ] " };
    let rows = [
        format!("{}Your answers to prompts", check(state.include.answers)),
        format!(
            "{}Your notes, and notes on triggers",
            check(state.include.notes)
        ),
        format!("{}The moments you traced", check(state.include.episodes)),
        format!(
            "{}Your predictions, and what came of them",
            check(state.include.predictions)
        ),
        format!("{}The thoughts you checked", check(state.include.thoughts)),
        format!(
            "{}Your debriefs after hard moments",
            check(state.include.debriefs)
        ),
        format!(
            "{}Your cycle, drawn from your moments",
            check(state.include.cycle)
        ),
        format!(
            "{}Your bids, appreciations, time-outs and ladders",
            check(state.include.turning)
        ),
        format!(
            "Format: {}",
            match state.format {
                Format::Html => "a page with charts (HTML): opens in a browser, prints well",
                Format::Markdown => "Markdown: the same, with tables instead of charts",
            }
        ),
    ];
    let mut lines = vec![
        Line::default(),
        Line::styled(format!("A report of {}", state.subtitle), theme.text),
        Line::styled(
            format!(
                "From {}: a summary, mood and closeness over time, triggers, and what helped, \
                 with charts and their figures. To read yourself, or to bring to a therapist.",
                count(state.entries, "check-in", "check-ins")
            ),
            theme.muted,
        ),
        Line::default(),
        Line::styled(
            "Your own words go in only if you choose them (Space):",
            theme.text,
        ),
    ];
    let mut caret = None;
    for (i, row) in rows.iter().enumerate() {
        let selected = i == state.cursor;
        if selected {
            caret = Some(Spot::row(lines.len()));
        }
        lines.push(Line::from(vec![
            Span::styled(if selected { "› " } else { "  " }, theme.key),
            Span::styled(
                row.clone(),
                if selected { theme.selected } else { theme.text },
            ),
        ]));
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        format!("{whither}, readable only by you (another report today gets -2, -3…)."),
        theme.muted,
    ));
    let (lines, caret) = wrap::lines_with(lines, usize::from(body.width), caret);
    frame.render_widget(Paragraph::new(lines), body);
    layout.place(caret.and_then(|c| c.on(body, 0)));
}
