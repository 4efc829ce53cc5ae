//! Insights: mood and closeness over time, trigger patterns, what helped, and the rhythm of
//! checking in. The figures come from `journal::insights`, computed when the screen opens or
//! its window changes, never per frame.

use std::sync::Arc;

mod view;

use chrono::{Datelike, Months, NaiveDate, Weekday};
use ratatui::crossterm::event::KeyCode;

use crate::journal::Entry;
use crate::journal::insights::{self, Insights, Window};
use crate::journal::query::DateSpan;
use crate::tui::keys::{self, Action, Binding, DOWN, Key, UP};
use crate::tui::screen::{Cmd, Ctx, Msg};

pub use view::{Series, series, view};

/// The views of insights.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// Mood and closeness over time.
    OverTime,
    /// Trigger patterns.
    Triggers,
    /// Strategies, reactions, feelings.
    Helped,
    /// Streaks and calendars.
    Rhythm,
}

impl Tab {
    /// All tabs in order.
    pub const ALL: [Tab; 4] = [Tab::OverTime, Tab::Triggers, Tab::Helped, Tab::Rhythm];

    /// Its name.
    pub fn label(self) -> &'static str {
        match self {
            Tab::OverTime => "Over time",
            Tab::Triggers => "Triggers",
            Tab::Helped => "What helped",
            Tab::Rhythm => "Rhythm",
        }
    }
}

/// How far back insights can look: the choices of `1`–`4` and `w`.
pub const SPANS: [DateSpan; 4] = [
    DateSpan::LastDays(30),
    DateSpan::LastDays(90),
    DateSpan::LastDays(365),
    DateSpan::All,
];

/// The screen's state.
#[derive(Debug, Clone)]
pub struct State {
    /// The tab shown.
    pub tab: Tab,
    /// The window.
    pub span: DateSpan,
    /// The figures for the window.
    pub insights: Arc<Insights>,
    /// The entries they were computed from.
    entries: Arc<Vec<Entry>>,
    /// The month the calendar shows.
    pub month: NaiveDate,
    /// Lines scrolled in the current tab.
    pub scroll: u16,
    /// The first day of the week.
    pub week_starts: Weekday,
    /// Every day of the journal with its averages (for the calendars), oldest first.
    all_days: Vec<insights::Day>,
    /// The mood chart.
    pub mood_series: Series,
    /// The closeness chart.
    pub closeness_series: Series,
}

fn all_days(entries: &[Entry]) -> Vec<insights::Day> {
    insights::days(
        entries,
        Window {
            from: NaiveDate::MIN,
            to: NaiveDate::MAX,
        },
    )
}

/// Computes insights for `span`.
pub fn compute(
    entries: &[Entry],
    span: DateSpan,
    today: NaiveDate,
    week_starts: Weekday,
) -> Insights {
    let window = Window::of(span, entries, today);
    insights::compute(entries, window, today, week_starts)
}

impl State {
    /// Insights over `entries`, the last 30 days.
    pub fn new(entries: &Arc<Vec<Entry>>, today: NaiveDate, week_starts: Weekday) -> State {
        let span = SPANS[0];
        let mut state = State {
            tab: Tab::OverTime,
            span,
            insights: Arc::default(),
            entries: Arc::clone(entries),
            month: today.with_day(1).unwrap_or(today),
            scroll: 0,
            week_starts,
            all_days: all_days(entries),
            mood_series: Series::default(),
            closeness_series: Series::default(),
        };
        state.recompute(today);
        state
    }

    /// Works the figures and the charts out again, for the window and the entries.
    fn recompute(&mut self, today: NaiveDate) {
        let i = compute(&self.entries, self.span, today, self.week_starts);
        self.mood_series = series(&i, |d| d.mood, |w| w.mood);
        self.closeness_series = series(&i, |d| d.closeness, |w| w.closeness);
        self.insights = Arc::new(i);
    }

    /// Takes in a journal read again.
    pub fn reload(&mut self, entries: &Arc<Vec<Entry>>, today: NaiveDate) {
        if !Arc::ptr_eq(&self.entries, entries) {
            self.entries = Arc::clone(entries);
            self.all_days = all_days(entries);
            self.recompute(today);
        }
    }
}

/// Insights' keys.
pub const KEYS: &[Binding] = &[
    Binding::new(
        &[
            Key::code(KeyCode::Tab),
            Key::code(KeyCode::Right),
            Key::ch('l'),
        ],
        Action::Next,
        Some("next view"),
        "next view: over time, triggers, what helped, rhythm",
    ),
    Binding::new(
        &[
            Key::code(KeyCode::BackTab),
            Key::code(KeyCode::Left),
            Key::ch('h'),
        ],
        Action::Prev,
        None,
        "previous view",
    ),
    Binding::new(
        &[Key::ch('w')],
        Action::Group,
        Some("window"),
        "change the window: 30, 90, 365 days, all time",
    ),
    Binding::new(&[Key::ch('1')], Action::Choose(1), None, "the last 30 days"),
    Binding::new(&[Key::ch('2')], Action::Choose(2), None, "the last 90 days"),
    Binding::new(
        &[Key::ch('3')],
        Action::Choose(3),
        None,
        "the last 365 days",
    ),
    Binding::new(&[Key::ch('4')], Action::Choose(4), None, "all time"),
    Binding::new(
        &[Key::ch('[')],
        Action::OlderMonth,
        None,
        "the calendar's month before",
    ),
    Binding::new(
        &[Key::ch(']')],
        Action::NewerMonth,
        None,
        "the calendar's month after",
    ),
    keys::up(UP, "scroll up"),
    keys::down(DOWN, "scroll down"),
    keys::PAGE_UP_BINDING,
    keys::PAGE_DOWN_BINDING,
    keys::top(keys::TOP, "to the top"),
    keys::BACK,
];

/// Every key table of the screen, by mode (for tests over all tables).
pub const MODES: &[(&str, &[Binding])] = &[("insights", KEYS)];

/// Applies a message.
pub fn update(state: &mut State, msg: Msg, cx: &Ctx) -> Cmd {
    let today = cx.session.today;
    match msg {
        Msg::JournalChanged => state.reload(&cx.session.entries_arc(), today),
        Msg::Key(Action::Back) => return Cmd::Pop,
        Msg::Key(action @ (Action::Up | Action::Down | Action::PageUp | Action::PageDown)) => {
            state.scroll = cx.layout.scrolled(state.scroll, action);
        }
        Msg::Key(action) => act(state, action, today),
        _ => {}
    }
    Cmd::None
}

/// Applies a key that is not about scrolling.
fn act(state: &mut State, action: Action, today: NaiveDate) {
    let tab_index = Tab::ALL.iter().position(|t| *t == state.tab).unwrap_or(0);
    match action {
        Action::Next | Action::Right => {
            state.tab = Tab::ALL[(tab_index + 1) % Tab::ALL.len()];
            state.scroll = 0;
        }
        Action::Prev | Action::Left => {
            state.tab = Tab::ALL[(tab_index + Tab::ALL.len() - 1) % Tab::ALL.len()];
            state.scroll = 0;
        }
        Action::Choose(n) => {
            if let Some(span) = SPANS.get(usize::from(n).saturating_sub(1)) {
                state.span = *span;
                state.recompute(today);
                state.scroll = 0;
            }
        }
        Action::Group => {
            let i = SPANS.iter().position(|s| *s == state.span).unwrap_or(0);
            act(
                state,
                Action::Choose(u8::try_from((i + 1) % 4 + 1).unwrap_or(1)),
                today,
            );
        }
        Action::Top => state.scroll = 0,
        Action::OlderMonth => {
            state.month = state
                .month
                .checked_sub_months(Months::new(1))
                .unwrap_or(state.month);
        }
        Action::NewerMonth => {
            let next = state
                .month
                .checked_add_months(Months::new(1))
                .unwrap_or(state.month);
            if next <= today {
                state.month = next;
            }
        }
        _ => {}
    }
}
