//! Insights: the last seven days at a glance, mood and closeness over time, trigger patterns,
//! what helped, moments, the cycle, turning toward, mood and closeness by weekday, time of day
//! and tag, and the rhythm of checking in (a calendar whose days open in review). The
//! figures come from `journal::insights`, computed when the screen opens or its window
//! changes, never per frame.

use std::sync::Arc;

mod view;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use crate::journal::insights::cycle::CycleView;
use crate::journal::insights::{self, Insights, Window};
use crate::journal::query::DateSpan;
use crate::journal::{Entry, PerScale};
use crate::tui::keys::{self, Action, Binding, bind, table};
use crate::tui::screen::{Cmd, Ctx, Msg, Open, Typing};

pub use view::{Series, series, view};

/// The views of insights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::VariantArray)]
pub enum Tab {
    /// The last seven days, a line each.
    Week,
    /// Mood and closeness over time.
    OverTime,
    /// Trigger patterns.
    Triggers,
    /// Strategies, reactions, feelings.
    Helped,
    /// Moments traced and predictions checked.
    Moments,
    /// Your cycle, drawn from your moments.
    Cycle,
    /// Bids, appreciations and breaks, week by week beside the moments.
    Toward,
    /// Mood and closeness by weekday and time of day, and tags against them.
    When,
    /// Streaks and calendars.
    Rhythm,
}

impl Tab {
    /// All tabs in order (the order declared).
    pub const ALL: &'static [Tab] = <Tab as strum::VariantArray>::VARIANTS;

    /// Its name.
    pub fn label(self) -> &'static str {
        match self {
            Tab::Week => "Last 7 days",
            Tab::OverTime => "Over time",
            Tab::Triggers => "Triggers",
            Tab::Helped => "What helped",
            Tab::Moments => "Moments",
            Tab::Cycle => "Cycle",
            Tab::Toward => "Turning toward",
            Tab::When => "When",
            Tab::Rhythm => "Rhythm",
        }
    }

    /// Its name where there is little room.
    pub fn short_label(self) -> &'static str {
        match self {
            Tab::Week => "7 days",
            Tab::OverTime => "Over time",
            Tab::Triggers => "Triggers",
            Tab::Helped => "Helped",
            Tab::Moments => "Moments",
            Tab::Cycle => "Cycle",
            Tab::Toward => "Toward",
            Tab::When => "When",
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
    /// The calendar's selected day.
    pub day: NaiveDate,
    /// The last seven days, newest first.
    pub week: Vec<insights::Glance>,
    /// The selected day of the seven.
    pub week_cursor: usize,
    /// Lines scrolled in the current tab.
    pub scroll: u16,
    /// The first day of the week.
    pub week_starts: Weekday,
    /// Every day of the journal with its averages (for the calendars), oldest first.
    all_days: Vec<insights::Day>,
    /// Each scale's chart.
    pub series: PerScale<Series>,
    /// Whether `insights` has the figures of moments and predictions (worked out when the
    /// Moments view is first shown for a window: the other views do not need them).
    moments_done: bool,
    /// The cycle of the window, worked out when the cycle view is first shown for it.
    cycle: std::cell::OnceCell<CycleView>,
    /// The cycle in the person's own words, found once for these entries.
    own: std::cell::OnceCell<Option<crate::journal::CycleWords>>,
    /// Turning toward in the window, worked out when its view is first shown for it.
    turning: std::cell::OnceCell<insights::turning::Turning>,
    /// By weekday, time of day and tag in the window, worked out when its view is first shown.
    when: std::cell::OnceCell<insights::when::When>,
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
            tab: Tab::Week,
            span,
            insights: Arc::default(),
            entries: Arc::clone(entries),
            month: today.with_day(1).unwrap_or(today),
            day: today,
            week: Vec::new(),
            week_cursor: 0,
            scroll: 0,
            week_starts,
            all_days: all_days(entries),
            series: PerScale::default(),
            moments_done: false,
            cycle: std::cell::OnceCell::new(),
            own: std::cell::OnceCell::new(),
            turning: std::cell::OnceCell::new(),
            when: std::cell::OnceCell::new(),
        };
        state.recompute(today);
        state
    }

    /// Works the figures and the charts out again, for the window and the entries.
    fn recompute(&mut self, today: NaiveDate) {
        let i = compute(&self.entries, self.span, today, self.week_starts);
        self.week = insights::glance(&self.entries, today, 7);
        self.series = PerScale::from_fn(|s| series(&i, |d| d.scales[s], |w| w.scales[s]));
        self.insights = Arc::new(i);
        self.moments_done = false;
        self.cycle = std::cell::OnceCell::new();
        self.own = std::cell::OnceCell::new();
        self.turning = std::cell::OnceCell::new();
        self.when = std::cell::OnceCell::new();
        self.ensure_moments();
    }

    /// Fills in the figures of moments and predictions when the Moments view is shown.
    fn ensure_moments(&mut self) {
        if self.tab != Tab::Moments || self.moments_done {
            return;
        }
        let i = insights::with_moments((*self.insights).clone(), &self.entries, self.week_starts);
        self.insights = Arc::new(i);
        self.moments_done = true;
    }

    /// The cycle of the window, worked out once for it (safety triggers are the catalog's).
    pub fn cycle(&self, catalog: &crate::content::Catalog) -> &CycleView {
        self.cycle.get_or_init(|| {
            let window = self.insights.window;
            insights::cycle::cycle(&self.entries, window, |t| catalog.is_safety(t))
        })
    }

    /// Turning toward in the window, worked out once for it.
    pub fn turning(&self) -> &insights::turning::Turning {
        self.turning.get_or_init(|| {
            insights::turning::turning(&self.entries, self.insights.window, self.week_starts)
        })
    }

    /// By weekday, time of day and tag in the window, worked out once for it.
    pub fn when(&self) -> &insights::when::When {
        self.when.get_or_init(|| {
            insights::when::when(&self.entries, self.insights.window, self.week_starts)
        })
    }

    /// Insights over the session's journal, on the cycle view (from the check-in's summary).
    pub fn on_cycle(session: &crate::tui::session::Session) -> State {
        let mut state = State::new(
            &session.entries_arc(),
            session.today,
            session.prefs.week_start.weekday(),
        );
        state.tab = Tab::Cycle;
        state.cycle(&session.catalog);
        state
    }

    /// The cycle in the person's own words (the newest written), found once for the
    /// entries rather than on every frame.
    pub fn own_words(&self) -> Option<&crate::journal::CycleWords> {
        self.own
            .get_or_init(|| insights::cycle::own_words(&self.entries).cloned())
            .as_ref()
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

/// Next and previous view with Tab and Shift-Tab (all views), and with ←/→ where arrows do not
/// move a cursor.
const NEXT_VIEW_HELP: &str = "next view: last 7 days, over time, triggers, what helped, rhythm";
const NEXT_VIEW: Binding = bind!([Tab, Right, 'l'] => Next, "next view", NEXT_VIEW_HELP);
const PREV_VIEW: Binding = bind!([BackTab, Left, 'h'] => Prev, _, "previous view");
const NEXT_VIEW_TAB: Binding = bind!([Tab] => Next, "next view", NEXT_VIEW_HELP);
const PREV_VIEW_TAB: Binding = bind!([BackTab] => Prev, _, "previous view");
const WINDOW: [Binding; 5] = [
    bind!(['w'] => Group, "window", "change the window: 30, 90, 365 days, all time"),
    bind!(['1'] => Choose(1), _, "the last 30 days"),
    bind!(['2'] => Choose(2), _, "the last 90 days"),
    bind!(['3'] => Choose(3), _, "the last 365 days"),
    bind!(['4'] => Choose(4), _, "all time"),
];
const REPORT: Binding = bind!(['R'] => MakeReport, "report",
    "make a report of this window, to read or to bring to a therapist");
/// The same key without a hint, where the footer has no room for it beside support's.
const REPORT_QUIET: Binding = REPORT.quiet();
const OPEN_DAY: Binding =
    bind!([Enter] => Confirm, "open the day", "open the day's check-ins in review");
const WEEK_CARD: Binding =
    bind!(['W'] => OpenWeek, "week card", "the week card: this week on one page, and its review");

/// Insights' keys over the charts and lists (over time, triggers, what helped).
pub const KEYS: &[Binding] = table![
    NEXT_VIEW,
    PREV_VIEW,
    ..WINDOW,
    ..keys::up_down("scroll up", "scroll down"),
    keys::PAGE_UP_BINDING,
    keys::PAGE_DOWN_BINDING,
    keys::top("to the top"),
    REPORT,
    keys::BACK,
];

/// The cycle view: the views' keys, and the cycle in your own words.
pub const CYCLE_KEYS: &[Binding] = table![
    ..KEYS,
    bind!(['e'] => Edit, "in your words", "put your cycle in your own words, a line a step"),
];

/// The last seven days: a day to open.
pub const WEEK_KEYS: &[Binding] = table![
    OPEN_DAY,
    NEXT_VIEW,
    PREV_VIEW,
    ..keys::up_down("the day after", "the day before"),
    keys::top("today"),
    keys::bottom("six days ago"),
    WEEK_CARD,
    // The footer keeps room for support (`!`): the report's key is in `?` here.
    REPORT_QUIET,
    keys::BACK,
];

/// The rhythm: a calendar whose days open.
pub const RHYTHM_KEYS: &[Binding] = table![
    OPEN_DAY,
    NEXT_VIEW_TAB,
    PREV_VIEW_TAB,
    bind!([Left, 'h'] => Left, _, "the day before"),
    bind!([Right, 'l'] => Right, _, "the day after"),
    ..keys::up_down("a week before", "a week after"),
    bind!(['['] => OlderMonth, _, "the month before"),
    bind!([']'] => NewerMonth, _, "the month after"),
    keys::top("today"),
    ..WINDOW,
    REPORT_QUIET,
    keys::BACK,
];

/// Every key table of the screen, by mode (for tests over all tables).
pub const MODES: &[(&str, &[Binding])] = &[
    ("insights", KEYS),
    ("insights: last 7 days", WEEK_KEYS),
    ("insights: your cycle", CYCLE_KEYS),
    ("insights: rhythm", RHYTHM_KEYS),
];

/// The keys in force.
pub fn keys(state: &State) -> &'static [Binding] {
    match state.tab {
        Tab::Week => WEEK_KEYS,
        Tab::Rhythm => RHYTHM_KEYS,
        // No cycle to put in words where a safety trigger was logged.
        Tab::Cycle if matches!(state.cycle.get(), Some(CycleView::Safety)) => KEYS,
        Tab::Cycle => CYCLE_KEYS,
        Tab::OverTime | Tab::Triggers | Tab::Helped | Tab::Moments | Tab::Toward | Tab::When => {
            KEYS
        }
    }
}

/// Whether it opens only once the journal is read.
pub const NEEDS_JOURNAL: bool = true;

/// Unbound keys do nothing.
pub fn typing(_: &State) -> Typing {
    Typing::No
}

/// Applies a message.
pub fn update(state: &mut State, msg: Msg, cx: &Ctx) -> Cmd {
    let today = cx.session.today;
    match msg {
        // Let go of before a change, so the session need not copy the journal; taken again
        // (and the figures worked out again) once changed.
        Msg::JournalChanging => state.entries = Arc::default(),
        Msg::JournalChanged => state.reload(&cx.session.entries_arc(), today),
        Msg::Key(Action::Back) => return Cmd::Pop,
        Msg::Key(Action::Confirm) => return state.open_day(),
        // Never a shared cycle to put in words where a safety trigger was logged.
        Msg::Key(Action::Edit) if state.tab == Tab::Cycle => {
            return match state.cycle(&cx.session.catalog) {
                CycleView::Safety => {
                    Cmd::info("Your safety comes first: ! shows where to find support.".to_owned())
                }
                _ => Open::record(cx.session, crate::journal::draft::Flow::Cycle),
            };
        }
        Msg::Key(Action::OpenWeek) => return Cmd::Open(Open::WeekCard),
        Msg::Key(Action::MakeReport) => {
            let window = Window::of(state.span, cx.session.entries(), today);
            return Cmd::Open(Open::Report(window, Box::default()));
        }
        Msg::Key(action) if state.tab == Tab::Week => {
            if let Some(at) = keys::moved(state.week_cursor, state.week.len(), action, 7) {
                state.week_cursor = at;
            } else {
                act(state, action, today);
            }
        }
        Msg::Key(action) if state.tab == Tab::Rhythm => rhythm(state, action, today),
        Msg::Key(action @ (Action::Up | Action::Down | Action::PageUp | Action::PageDown)) => {
            state.scroll = cx.layout.scrolled(state.scroll, action);
        }
        Msg::Key(action) => act(state, action, today),
        _ => {}
    }
    state.ensure_moments();
    // Worked out as the view is chosen, so its keys know whether it may be put in words.
    if state.tab == Tab::Cycle {
        state.cycle(&cx.session.catalog);
    }
    Cmd::None
}

impl State {
    /// The day the cursor is on, in the last seven days or the calendar.
    pub fn chosen_day(&self) -> Option<NaiveDate> {
        match self.tab {
            Tab::Week => self.week.get(self.week_cursor).map(|g| g.day.date),
            Tab::Rhythm => Some(self.day),
            _ => None,
        }
    }

    /// Opens the chosen day's check-ins in review, or says there are none.
    fn open_day(&self) -> Cmd {
        let Some(day) = self.chosen_day() else {
            return Cmd::None;
        };
        let checked_in = self.all_days.binary_search_by_key(&day, |d| d.date).is_ok();
        if checked_in {
            Cmd::Open(Open::ReviewDay(day))
        } else {
            Cmd::info(format!("No check-in on {}.", day.format("%A %-d %B %Y")))
        }
    }

    /// Selects `day` in the calendar (never after `today`), showing its month.
    fn choose_day(&mut self, day: NaiveDate, today: NaiveDate) {
        self.day = day.min(today);
        self.month = self.day.with_day(1).unwrap_or(self.day);
    }
}

/// Applies a key on the calendar: the arrows move the day, the months move by a month.
fn rhythm(state: &mut State, action: Action, today: NaiveDate) {
    let day = state.day;
    let moved = match action {
        Action::Left => day.checked_sub_days(Days::new(1)),
        Action::Right => day.checked_add_days(Days::new(1)),
        Action::Up => day.checked_sub_days(Days::new(7)),
        Action::Down => day.checked_add_days(Days::new(7)),
        Action::OlderMonth => day.checked_sub_months(Months::new(1)),
        Action::NewerMonth => day.checked_add_months(Months::new(1)),
        Action::Top => Some(today),
        _ => {
            act(state, action, today);
            return;
        }
    };
    if let Some(d) = moved {
        state.choose_day(d, today);
    }
}

/// Applies a key that is not about scrolling or a day.
fn act(state: &mut State, action: Action, today: NaiveDate) {
    let tab_index = Tab::ALL.iter().position(|t| *t == state.tab).unwrap_or(0);
    match action {
        Action::Next => {
            state.tab = Tab::ALL[(tab_index + 1) % Tab::ALL.len()];
            state.scroll = 0;
        }
        Action::Prev => {
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
        _ => {}
    }
}
