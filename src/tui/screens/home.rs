//! Home: today, whether you checked in, your streak, and the way to every screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::journal::Choice;
use crate::journal::draft::Flow;
use crate::journal::vocabulary::count;
use crate::tui::keys::{self, Action, Binding, bind};
use crate::tui::screen::{self, Cmd, Ctx, LastLayout, Msg, Open, Page, Typing, ViewCx};
use crate::tui::text;
use crate::tui::widgets::page;
use crate::tui::widgets::wrap;

/// Home keeps nothing of its own: what it shows is the session's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct State;

/// Home's keys: every place to go (the screen lists them from this table too).
pub const KEYS: &[Binding] = &[
    bind!(['c'] => StartCheckIn, "check in", "check in: a few questions about today"),
    bind!(['d'] => StartDebrief, "debrief",
        "a debrief after a hard moment, on your own, once things are calm"),
    bind!(['t'] => CheckThought, "a thought",
        "check a thought: how much you believe it, and a kinder one"),
    bind!(['b'] => LogBid, "a bid",
        "a bid for connection, or something you appreciate: in a line"),
    bind!(['g'] => AnswerBreak, _, "after a break: say whether you went back to it"),
    bind!(['r'] => OpenReview, "review", "review past entries: search, filter, edit, delete"),
    bind!(['w'] => OpenWeek, "the week",
        "the week card: the week on one page, a column a day, and the week's review"),
    bind!(['i'] => OpenInsights, "insights",
        "insights: mood and closeness over time, triggers, what helped"),
    bind!(['s'] => OpenLibrary, "strategies", "the strategy library: what may help"),
    bind!(['l'] => OpenLearn, "learn", "learn: the articles in short, and each trigger"),
    bind!(['o', ','] => OpenSettings, "settings",
        "settings: perspective, theme, labels, week start, your words"),
    bind!(['a'] => OpenLadders, "brave steps",
        "a ladder of small brave steps: a fear of closeness, climbed a step at a time"),
    bind!(['p'] => OpenCard, "right now",
        "a hard minute (\"I want to pull away right now\", or \"they've gone quiet and I'm \
         spiralling\"): grounding, and one small step instead"),
    keys::SUPPORT,
    keys::QUIT,
];

screen::one_table!("home" => KEYS, Typing::No);

/// Whether it opens only once the journal is read.
pub const NEEDS_JOURNAL: bool = false;

/// Applies a message.
pub fn update(_state: &mut State, msg: Msg, cx: &Ctx) -> Cmd {
    let session = cx.session;
    match msg {
        Msg::Key(Action::StartCheckIn) => Open::check_in(session),
        Msg::Key(Action::StartDebrief) => Open::record(session, Flow::Debrief),
        Msg::Key(Action::CheckThought) => Open::record(session, Flow::Thought),
        Msg::Key(Action::LogBid) => Open::record(session, Flow::Bid),
        Msg::Key(Action::AnswerBreak) => {
            if crate::journal::breaks::due(session.recent_entries(), session.now).is_empty() {
                Cmd::info("No break is waiting for an answer.")
            } else {
                Cmd::Open(Open::BreakBack)
            }
        }
        Msg::Key(Action::OpenReview) => Cmd::Open(Open::Review),
        Msg::Key(Action::OpenInsights) => Cmd::Open(Open::Insights),
        Msg::Key(Action::OpenWeek) => Cmd::Open(Open::WeekCard),
        Msg::Key(Action::OpenLibrary) => Cmd::Open(Open::Guide(Page::Library)),
        Msg::Key(Action::OpenLearn) => Cmd::Open(Open::Guide(Page::Learn)),
        Msg::Key(Action::OpenSettings) => Cmd::Open(Open::Settings),
        Msg::Key(Action::OpenLadders) => Cmd::Open(Open::Ladders),
        Msg::Key(Action::OpenCard) => {
            // The card of the person's side of the pull; for both sides, the first card, which
            // links to the other.
            match session.catalog.toolkit.card_for(session.perspective()) {
                Some(card) => Cmd::Open(Open::Guide(Page::Card(card.id.clone()))),
                None => Cmd::Open(Open::Guide(Page::Learn)),
            }
        }
        // A read-only instance cannot continue it; the one that writes will offer it.
        Msg::DraftFound if session.read_only.is_none() => Open::offer_draft_again(session),
        Msg::Answer(question, action) => Open::answer_draft(session, question, action),
        _ => Cmd::None,
    }
}

/// Draws the screen.
pub fn view(_state: &State, cx: &ViewCx, frame: &mut Frame, area: Rect, _layout: &mut LastLayout) {
    let session = cx.session;
    let body = page::draw(cx, frame, area, "home");
    let theme = &session.theme;
    let mut lines = vec![Line::default()];
    match &session.journal {
        None => lines.push(Line::styled(
            text::loading(session.days_read()),
            theme.muted,
        )),
        Some(s) => {
            if s.checked_in_today {
                lines.push(Line::styled(format!("✓ {}", text::CHECKED_IN), theme.good));
            } else {
                lines.push(Line::styled(text::NOT_CHECKED_IN, theme.text));
            }
            lines.push(Line::default());
            lines.push(Line::from(vec![
                Span::styled("Streak        ", theme.muted),
                Span::styled(count(s.streak, "day", "days"), theme.text),
            ]));
            lines.push(Line::from(vec![
                Span::styled("Entries       ", theme.muted),
                Span::styled(s.entries.len().to_string(), theme.text),
            ]));
        }
    }
    // "Both" is a choice too, and says so.
    if let Some(p) = session.prefs.perspective {
        lines.push(Line::from(vec![
            Span::styled("Perspective   ", theme.muted),
            Span::styled(p.label(), theme.text),
        ]));
    }
    if session.journal.is_some() {
        lines.extend(crate::tui::widgets::due::lines(session));
    }
    if let Some(why) = &session.read_only {
        lines.push(Line::default());
        lines.push(Line::styled(format!("Read-only: {why}"), theme.warn));
    }
    if let Some(s) = &session.journal
        && s.two_versions > 0
    {
        lines.push(Line::default());
        lines.push(Line::styled(
            text::two_versions_line(s.two_versions),
            theme.warn,
        ));
    }
    if session.journal.is_some() && session.problem_files > 0 {
        lines.push(Line::default());
        lines.push(Line::styled(
            text::problems_line(session.problem_files),
            theme.warn,
        ));
    }
    // Every place to go, in columns, from the same table the keys come from.
    lines.push(Line::default());
    const CELL: usize = 16;
    let width = usize::from(page::column(body).width);
    let per_row = (width / CELL).max(1);
    let items: Vec<(String, &str)> = KEYS
        .iter()
        .filter_map(|b| Some((b.keys.first()?.label(), b.hint?)))
        .collect();
    for row in items.chunks(per_row) {
        let mut spans = Vec::new();
        for (key, hint) in row {
            spans.push(Span::styled(key.clone(), theme.key));
            let pad = CELL.saturating_sub(key.chars().count() + 1);
            spans.push(Span::styled(format!(" {hint:<pad$}"), theme.text));
        }
        lines.push(Line::from(spans));
    }
    if let Some(prompt) = &session.today_prompt {
        lines.push(Line::default());
        lines.push(Line::styled(text::TODAY_QUESTION, theme.title));
        lines.push(Line::styled(prompt.text.clone(), theme.text));
        lines.push(Line::styled(prompt.idea.clone(), theme.muted));
    }
    let column = page::column(body);
    frame.render_widget(
        Paragraph::new(wrap::lines(lines, usize::from(column.width))),
        column,
    );
}
