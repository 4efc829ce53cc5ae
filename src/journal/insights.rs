//! The patterns a person cannot see entry by entry: mood and closeness over time, triggers and
//! how days with them compare, what helped, and the rhythm of checking in.
//!
//! Pure functions over entries. A missing value is missing, never zero: a day without a
//! check-in is a gap, an entry without a mood does not pull an average down.

use crate::journal::vocabulary::count;
use std::collections::BTreeMap;

// foldhash (already in the tree through hashbrown) instead of the standard SipHash: the
// counts hash every trigger, feeling and reaction of the window, and foldhash is several
// times faster on short keys; it is seeded at random per map, as the standard one is.
use foldhash::{HashMap, HashMapExt};

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Serialize;

pub mod aftermath;
pub mod cycle;
pub mod moments;
pub mod turning;
pub mod when;

use super::history::{StrategyHistory, count_entry};
use super::{Entry, PerScale, Scale, TriggerRef};

/// Fewer days than this on either side of a comparison, and it is not shown as a finding.
pub const MIN_DAYS: u32 = 5;

/// A span of days, both ends included.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Window {
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
}

impl Window {
    /// The last `days` days up to `today`.
    pub fn last(days: u32, today: NaiveDate) -> Window {
        let from = today
            .checked_sub_days(Days::new(u64::from(days.max(1)) - 1))
            .unwrap_or(NaiveDate::MIN);
        Window { from, to: today }
    }

    /// Every day of the journal (from its first entry to `today`).
    pub fn all(entries: &[Entry], today: NaiveDate) -> Window {
        let first = entries.iter().map(|e| e.date).min().unwrap_or(today);
        Window {
            from: first.min(today),
            to: today.max(first),
        }
    }

    /// The days `span` covers, given `today`; the whole of it (`DateSpan::All`) runs from the
    /// journal's first entry, so charts do not start in year one.
    pub fn of(
        span: crate::journal::query::DateSpan,
        entries: &[Entry],
        today: NaiveDate,
    ) -> Window {
        match span {
            crate::journal::query::DateSpan::All => Window::all(entries, today),
            span => {
                let range = span.range(today);
                Window {
                    from: *range.start(),
                    to: *range.end(),
                }
            }
        }
    }

    /// Whether `day` is inside.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }

    /// How many days it spans.
    pub fn days(&self) -> u32 {
        u32::try_from((self.to - self.from).num_days() + 1).unwrap_or(0)
    }
}

/// One day's averages (several check-ins a day are averaged; missing values left out).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Day {
    /// The day.
    pub date: NaiveDate,
    /// Check-ins that day.
    pub entries: u32,
    /// Each scale's average, if any entry gave one (`"mood": …` in JSON).
    #[serde(flatten)]
    pub scales: PerScale<Option<f64>>,
}

/// A week's averages, over the days that have a value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Week {
    /// The first day of the week.
    pub start: NaiveDate,
    /// Each scale's average of daily averages.
    #[serde(flatten)]
    pub scales: PerScale<Option<f64>>,
}

/// Days with a trigger against days without it, for one measure.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Comparison {
    /// Days with the trigger and a value.
    pub days_with: u32,
    /// Days without the trigger, with a value.
    pub days_without: u32,
    /// Average on days with it.
    pub with: Option<f64>,
    /// Average on days without it.
    pub without: Option<f64>,
}

impl Comparison {
    /// Whether both sides have at least [`MIN_DAYS`] days; otherwise it is "not enough data yet".
    pub fn enough(&self) -> bool {
        self.days_with >= MIN_DAYS && self.days_without >= MIN_DAYS
    }

    /// In words: a finding, or "not enough data yet" with the counts behind it.
    pub fn describe(&self, what: &str) -> String {
        let fmt = one_decimal;
        if self.enough() {
            format!(
                "{what} {} on {} with it, {} on {} without",
                fmt(self.with),
                count(self.days_with, "day", "days"),
                fmt(self.without),
                count(self.days_without, "day", "days")
            )
        } else {
            format!(
                "{what}: not enough data yet ({} with it, {} without; {MIN_DAYS} of each are needed)",
                count(self.days_with, "day", "days"),
                self.days_without
            )
        }
    }
}

/// One trigger in the window.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TriggerStat {
    /// The trigger.
    pub trigger: TriggerRef,
    /// Entries that logged it.
    pub count: u32,
    /// Average intensity where one was given.
    pub intensity: Option<f64>,
    /// Each scale on days with it and without it.
    #[serde(flatten)]
    pub scales: PerScale<Comparison>,
}

impl TriggerStat {
    /// Whether any scale has enough days on both sides to be a finding.
    pub fn any_enough(&self) -> bool {
        any_enough(&self.scales)
    }

    /// Each scale on days with it and without, in lines: a finding for each that has enough
    /// days, and "not enough data yet" said once for all when none has.
    pub fn describe(&self) -> Vec<String> {
        describe_all(&self.scales)
    }

    /// "Mood and closeness: not enough data yet", with the days behind it (once when every
    /// scale was given on the same days, as they usually are).
    pub fn not_enough(&self) -> String {
        not_enough(&self.scales)
    }
}

/// Whether any scale has enough days on both sides of `scales` to be a finding.
pub fn any_enough(scales: &PerScale<Comparison>) -> bool {
    scales.iter().any(|(_, c)| c.enough())
}

/// Each scale of `scales` (days with something and without), in lines: a finding for each
/// that has enough days, and "not enough data yet" said once for all when none has. The words
/// of trigger comparisons and of tags.
pub fn describe_all(scales: &PerScale<Comparison>) -> Vec<String> {
    if !any_enough(scales) {
        return vec![not_enough(scales)];
    }
    scales.iter().map(|(s, c)| c.describe(s.id())).collect()
}

/// "Mood and closeness: not enough data yet", with the days behind `scales` (once when every
/// scale was given on the same days, as they usually are).
pub fn not_enough(scales: &PerScale<Comparison>) -> String {
    let first = &scales.0[0];
    let alike = scales
        .iter()
        .all(|(_, c)| (c.days_with, c.days_without) == (first.days_with, first.days_without));
    let days = if alike {
        format!(
            "{} with it, {} without",
            count(first.days_with, "day", "days"),
            first.days_without
        )
    } else {
        let each: Vec<String> = scales
            .iter()
            .enumerate()
            .map(|(i, (s, c))| match i {
                0 => format!(
                    "{} on {} with it and {} without",
                    s.id(),
                    count(c.days_with, "day", "days"),
                    c.days_without
                ),
                _ => format!("{} on {} and {}", s.id(), c.days_with, c.days_without),
            })
            .collect();
        each.join(", ")
    };
    let names: Vec<&str> = Scale::ALL.iter().map(|s| s.id()).collect();
    format!(
        "{}: not enough data yet ({days}; {MIN_DAYS} of each are needed)",
        names.join(" and ")
    )
}

/// The first `n` of a list of counts, most first (as [`Insights`] keeps them), and how many
/// more there are, so a list cut short says so ("and 4 more") rather than dropping names
/// named as often as the last one shown.
pub fn first_of(list: &[(String, u32)], n: usize) -> (&[(String, u32)], usize) {
    let shown = &list[..n.min(list.len())];
    (shown, list.len() - shown.len())
}

/// An average as insights show it: one decimal, "–" for none.
pub fn one_decimal(v: Option<f64>) -> String {
    v.map_or("–".to_owned(), |v| format!("{v:.1}"))
}

/// "and 4 more" for a list cut short, none when it was not.
pub fn and_more(more: usize) -> Option<String> {
    (more > 0).then(|| format!("and {more} more"))
}

/// One strategy in the window.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StrategyStat {
    /// Its id.
    pub id: String,
    /// Times planned.
    pub planned: u32,
    /// Times tried.
    pub tried: u32,
    /// Average helpfulness when rated.
    pub helpfulness: Option<f64>,
}

/// Everything insights show for a window.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Insights {
    /// The window.
    pub window: Window,
    /// Entries in it.
    pub entries: u32,
    /// Days with at least one check-in in it.
    pub days_checked_in: u32,
    /// Each scale's average over its days.
    #[serde(flatten)]
    pub scales: PerScale<Option<f64>>,
    /// Each day with a check-in, in order.
    pub days: Vec<Day>,
    /// Weekly averages, in order (weeks without a value left out).
    pub weeks: Vec<Week>,
    /// Triggers, most often logged first (ties by name).
    pub triggers: Vec<TriggerStat>,
    /// Strategies, most often tried first, then planned.
    pub strategies: Vec<StrategyStat>,
    /// Signs noticed, most often first.
    pub reactions: Vec<(String, u32)>,
    /// Emotion words, most used first.
    pub emotions: Vec<(String, u32)>,
    /// The current streak (over the whole journal, on `today`).
    pub current_streak: u32,
    /// The longest streak (over the whole journal).
    pub longest_streak: u32,
    /// Predictions made in the window and what came of them.
    pub predictions: moments::Predictions,
    /// Moments traced in the window.
    pub episodes: moments::Episodes,
    /// Debriefs done in the window.
    pub debriefs: aftermath::Debriefs,
    /// Thoughts checked in the window.
    pub thoughts: aftermath::Thoughts,
    /// Bids, appreciations and breaks in the window, week by week.
    pub turning: turning::Turning,
    /// Each scale by weekday and by time of day, and tags against each scale.
    pub when: when::When,
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0u32), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / f64::from(n))
}

/// The entries inside `window`, by day (oldest first), without reordering entries that are
/// already in order (as the store reads them).
fn by_day(entries: &[Entry], window: Window) -> Vec<(NaiveDate, Vec<&Entry>)> {
    let mut inside: Vec<&Entry> = entries.iter().filter(|e| window.contains(e.date)).collect();
    if !inside.is_sorted_by_key(|e| e.date) {
        inside.sort_by_key(|e| e.date);
    }
    let mut out: Vec<(NaiveDate, Vec<&Entry>)> = Vec::new();
    for e in inside {
        match out.last_mut() {
            Some((d, list)) if *d == e.date => list.push(e),
            _ => out.push((e.date, vec![e])),
        }
    }
    out
}

fn day_of(date: NaiveDate, es: &[&Entry]) -> Day {
    Day {
        date,
        entries: u32::try_from(es.len()).unwrap_or(u32::MAX),
        scales: PerScale::from_fn(|s| {
            mean(
                es.iter()
                    .filter_map(|e| s.of(e))
                    .map(|v| f64::from(v.get())),
            )
        }),
    }
}

/// Each day of `entries` inside `window` with its averages, in order.
pub fn days(entries: &[Entry], window: Window) -> Vec<Day> {
    by_day(entries, window)
        .into_iter()
        .map(|(date, es)| day_of(date, &es))
        .collect()
}

/// One day of a week at a glance: its averages and the triggers its check-ins named.
#[derive(Debug, Clone, PartialEq)]
pub struct Glance {
    /// The day's averages (`entries` 0: no check-in that day).
    pub day: Day,
    /// The triggers named that day, each once, strongest first (then in the order named).
    pub triggers: Vec<TriggerRef>,
}

/// The last `n` days up to `today`, newest first, each with its averages and triggers; a day
/// without a check-in is there too, with none. One pass over `entries`.
pub fn glance(entries: &[Entry], today: NaiveDate, n: u32) -> Vec<Glance> {
    let window = Window::last(n, today);
    let by_day: BTreeMap<NaiveDate, Vec<&Entry>> = by_day(entries, window).into_iter().collect();
    let mut out = Vec::new();
    let mut date = today;
    while window.contains(date) {
        let es = by_day.get(&date).map(Vec::as_slice).unwrap_or_default();
        let mut named: Vec<(&TriggerRef, u8)> = Vec::new();
        for t in es.iter().flat_map(|e| &e.triggers) {
            let strength = t.intensity.map_or(0, |i| i.get());
            match named.iter_mut().find(|(r, _)| *r == &t.trigger) {
                Some((_, s)) => *s = (*s).max(strength),
                None => named.push((&t.trigger, strength)),
            }
        }
        named.sort_by_key(|(_, s)| std::cmp::Reverse(*s));
        out.push(Glance {
            day: day_of(date, es),
            triggers: named.into_iter().map(|(t, _)| t.clone()).collect(),
        });
        let Some(before) = date.pred_opt() else { break };
        date = before;
    }
    out
}

/// The first day of the week `day` is in.
pub fn week_start(day: NaiveDate, starts_on: Weekday) -> NaiveDate {
    let back = (7 + day.weekday().num_days_from_monday() - starts_on.num_days_from_monday()) % 7;
    day.checked_sub_days(Days::new(u64::from(back)))
        .unwrap_or(day)
}

/// Weekly averages of daily values; weeks without a value are left out (a gap, not a zero).
pub fn weeks(days: &[Day], starts_on: Weekday) -> Vec<Week> {
    averages_by(days, |d| week_start(d, starts_on))
}

/// Monthly averages of daily values, in the shape of a week's (`start` is the month's first
/// day); months without a value are left out. For charts of long windows, where a weekly line
/// has more points than a terminal has columns.
pub fn months(days: &[Day]) -> Vec<Week> {
    averages_by(days, |d| d.with_day(1).unwrap_or(d))
}

/// Averages of daily values over the periods `start_of` maps days to, in order.
fn averages_by(days: &[Day], start_of: impl Fn(NaiveDate) -> NaiveDate) -> Vec<Week> {
    let mut by_period: BTreeMap<NaiveDate, Vec<&Day>> = BTreeMap::new();
    for d in days {
        by_period.entry(start_of(d.date)).or_default().push(d);
    }
    by_period
        .into_iter()
        .map(|(start, ds)| Week {
            start,
            scales: PerScale::from_fn(|s| mean(ds.iter().filter_map(|d| d.scales[s]))),
        })
        .filter(|w| w.scales.iter().any(|(_, v)| v.is_some()))
        .collect()
}

/// Counts of strings, most first, ties in alphabetical order.
pub fn ranked<'a>(items: impl Iterator<Item = &'a str>) -> Vec<(String, u32)> {
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for i in items {
        *counts.entry(i).or_default() += 1;
    }
    ranked_counts(counts)
}

/// Counts, most first, ties in alphabetical order.
fn ranked_counts<K: Into<String>>(counts: HashMap<K, u32>) -> Vec<(String, u32)> {
    let mut out: Vec<(String, u32)> = counts.into_iter().map(|(k, v)| (k.into(), v)).collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

fn trigger_sort_key(t: &TriggerRef) -> String {
    match t {
        TriggerRef::Id(id) => id.to_string(),
        TriggerRef::Custom(name) => format!("~{name}"),
    }
}

/// Sums for one measure: over all days, and over the days with each trigger.
#[derive(Debug, Default, Clone, Copy)]
struct Sums {
    with_sum: f64,
    with_n: u32,
}

fn comparison(with: Sums, total_sum: f64, total_n: u32) -> Comparison {
    let without_n = total_n - with.with_n;
    Comparison {
        days_with: with.with_n,
        days_without: without_n,
        with: (with.with_n > 0).then(|| with.with_sum / f64::from(with.with_n)),
        without: (without_n > 0).then(|| (total_sum - with.with_sum) / f64::from(without_n)),
    }
}

/// Everything for `window`, with streaks over the whole journal as of `today`.
pub fn compute(
    entries: &[Entry],
    window: Window,
    today: NaiveDate,
    week_starts: Weekday,
) -> Insights {
    let mut tally = Tally::new(window, false);
    tally.add(entries);
    tally.finish(today, week_starts)
}

/// The figures of [`compute`] counted a day at a time, so a journal read day by day (`closer
/// stats`) is never whole in memory: [`Tally::add`] each day's entries, days in order, then
/// [`Tally::finish`]. Holds the counts and one row per day of the window, and the date of each
/// day with a check-in (for the streaks, which are over the whole journal).
#[derive(Debug)]
pub struct Tally {
    window: Window,
    days: Vec<Day>,
    /// Triggers, numbered as first met: the trigger, its count, intensity sum and count.
    found: Vec<(TriggerRef, u32, f64, u32)>,
    index: HashMap<TriggerRef, usize>,
    /// For each trigger, each scale's sums over the days it was logged on.
    sums: Vec<PerScale<Sums>>,
    /// Each scale's sum and count over all days.
    totals: PerScale<(f64, u32)>,
    histories: BTreeMap<String, StrategyHistory>,
    reactions: HashMap<String, u32>,
    emotions: HashMap<String, u32>,
    inside: u32,
    /// Check-ins per day, in the whole journal (the journal's own count: see
    /// [`DayCounts`](super::DayCounts)), for the streaks.
    all_days: super::DayCounts,
    /// The figures of moments and predictions, when asked for.
    moments: Option<(
        moments::PredictionTally,
        moments::EpisodeTally,
        aftermath::AftermathTally,
        turning::TurningTally,
        when::WhenTally,
    )>,
    /// The triggers of the day being counted (kept to save an allocation a day).
    on_day: Vec<usize>,
}

/// Adds one to the count of `key`, making a `String` only for a key met first.
fn count_in(counts: &mut HashMap<String, u32>, key: &str) {
    match counts.get_mut(key) {
        Some(n) => *n += 1,
        None => {
            counts.insert(key.to_owned(), 1);
        }
    }
}

impl Tally {
    /// Nothing counted yet, for `window`; `with_moments`: also the figures of moments and
    /// predictions (see [`with_moments`]).
    pub fn new(window: Window, with_moments: bool) -> Tally {
        Tally {
            window,
            days: Vec::new(),
            found: Vec::new(),
            index: HashMap::new(),
            sums: Vec::new(),
            totals: PerScale::default(),
            histories: BTreeMap::new(),
            reactions: HashMap::new(),
            emotions: HashMap::new(),
            inside: 0,
            all_days: super::DayCounts::default(),
            moments: with_moments.then(Default::default),
            on_day: Vec::new(),
        }
    }

    /// Counts `entries`: any, in any order, but each day's entries all in one call, and the
    /// days of one call after those of the calls before (as day files are read).
    pub fn add(&mut self, entries: &[Entry]) {
        // One pass over the entries for the days with a check-in and those in the window.
        let mut inside: Vec<&Entry> = Vec::new();
        for e in entries {
            self.all_days.add(e.date);
            if self.window.contains(e.date) {
                inside.push(e);
            }
        }
        if !inside.is_sorted_by_key(|e| e.date) {
            inside.sort_by_key(|e| e.date);
        }
        for es in inside.chunk_by(|a, b| a.date == b.date) {
            let day = day_of(es[0].date, es);
            self.add_day(es, &day);
            self.days.push(day);
        }
    }

    /// Counts one day of the window: its entries and their averages.
    fn add_day(&mut self, es: &[&Entry], day: &Day) {
        // Per trigger its entries, intensities, and sums of the days it was logged on. What
        // the entries hold besides triggers is counted in the same pass: a large journal does
        // not fit the cache, and each pass over its text is a walk through memory.
        let mut on_day = std::mem::take(&mut self.on_day);
        on_day.clear();
        for e in es {
            self.inside = self.inside.saturating_add(1);
            count_entry(&mut self.histories, e, 1);
            for b in &e.behaviours {
                count_in(&mut self.reactions, b.as_str());
            }
            for x in &e.emotions {
                count_in(&mut self.emotions, x.as_str());
            }
            for t in &e.triggers {
                let i = match self.index.get(&t.trigger) {
                    Some(&i) => i,
                    None => {
                        self.found.push((t.trigger.clone(), 0, 0.0, 0));
                        self.sums.push(PerScale::default());
                        self.index.insert(t.trigger.clone(), self.found.len() - 1);
                        self.found.len() - 1
                    }
                };
                self.found[i].1 += 1;
                if let Some(v) = t.intensity {
                    self.found[i].2 += f64::from(v.get());
                    self.found[i].3 += 1;
                }
                if !on_day.contains(&i) {
                    on_day.push(i);
                }
            }
            if let Some((predictions, episodes, aftermath, turning, _)) = self.moments.as_mut() {
                predictions.add(e);
                episodes.add(e);
                aftermath.add(e);
                turning.add(e);
            }
        }
        for (s, v) in day.scales.iter() {
            let Some(v) = *v else { continue };
            self.totals[s].0 += v;
            self.totals[s].1 += 1;
            for &i in &on_day {
                self.sums[i][s].with_sum += v;
                self.sums[i][s].with_n += 1;
            }
        }
        self.on_day = on_day;
        if let Some((.., when)) = self.moments.as_mut() {
            when.add_day(es, day);
        }
    }

    /// The figures of everything counted, with streaks as of `today`.
    pub fn finish(self, today: NaiveDate, week_starts: Weekday) -> Insights {
        let Tally {
            window,
            days,
            found,
            sums,
            totals,
            mut histories,
            reactions,
            emotions,
            inside,
            all_days,
            moments,
            ..
        } = self;
        let weeks = weeks(&days, week_starts);
        let mut triggers: Vec<TriggerStat> = found
            .into_iter()
            .enumerate()
            .map(|(i, (trigger, count, isum, in_))| TriggerStat {
                trigger,
                count,
                intensity: (in_ > 0).then(|| isum / f64::from(in_)),
                scales: PerScale::from_fn(|s| comparison(sums[i][s], totals[s].0, totals[s].1)),
            })
            .collect();
        triggers.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| trigger_sort_key(&a.trigger).cmp(&trigger_sort_key(&b.trigger)))
        });

        // A strategy only offered (neither planned nor tried) has no history.
        histories.retain(|_, h| !h.is_empty());
        let mut strategies: Vec<StrategyStat> = histories
            .into_iter()
            .map(|(id, h)| StrategyStat {
                id,
                planned: h.planned,
                tried: h.tried,
                helpfulness: h.average_helpfulness(),
            })
            .collect();
        strategies.sort_by(|a, b| {
            (b.tried, b.planned)
                .cmp(&(a.tried, a.planned))
                .then_with(|| a.id.cmp(&b.id))
        });

        let (predictions, episodes, (debriefs, thoughts), turning, when) = moments
            .map(|(p, e, a, t, w)| {
                (
                    p.finish(),
                    e.finish(),
                    a.finish(),
                    t.finish(week_starts),
                    w.finish(week_starts),
                )
            })
            .unwrap_or_default();
        Insights {
            window,
            entries: inside,
            days_checked_in: u32::try_from(days.len()).unwrap_or(u32::MAX),
            scales: PerScale::from_fn(|s| mean(days.iter().filter_map(|d| d.scales[s]))),
            reactions: ranked_counts(reactions),
            emotions: ranked_counts(emotions),
            // Without `with_moments`, left empty: only the Moments view, stats and reports
            // need them, and they cost a third again at 100,000 entries.
            predictions,
            episodes,
            debriefs,
            thoughts,
            turning,
            when,
            current_streak: all_days.streak(today),
            longest_streak: all_days.longest(),
            days,
            weeks,
            triggers,
            strategies,
        }
    }
}

/// `insights` with the figures of moments and predictions of its window filled in (see
/// [`moments`]), of turning toward in weeks starting on `week_starts`, and of when (see
/// [`when`]); `compute` leaves them empty. `entries` are in the journal's order.
pub fn with_moments(mut insights: Insights, entries: &[Entry], week_starts: Weekday) -> Insights {
    insights.predictions = moments::predictions(entries, insights.window);
    insights.episodes = moments::episodes(entries, insights.window);
    let window = insights.window;
    (insights.debriefs, insights.thoughts) =
        aftermath::aftermath_of(entries.iter().filter(|e| window.contains(e.date)));
    let mut tally = turning::TurningTally::default();
    for e in entries.iter().filter(|e| window.contains(e.date)) {
        tally.add(e);
    }
    insights.turning = tally.finish(week_starts);
    insights.when = when::when(entries, window, week_starts);
    insights
}

/// A month as a calendar: weeks of seven cells, each `None` outside the month, or the day
/// with its average mood (`Some(None)`: checked in without a mood; no entry: not in `days`).
pub fn month_grid(year: i32, month: u32, starts_on: Weekday) -> Vec<[Option<NaiveDate>; 7]> {
    let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else {
        return Vec::new();
    };
    let mut weeks = Vec::new();
    let mut day = week_start(first, starts_on);
    loop {
        let mut week = [None; 7];
        for cell in &mut week {
            if day.month() == month && day.year() == year {
                *cell = Some(day);
            }
            day = day.succ_opt().unwrap_or(day);
        }
        weeks.push(week);
        if day.month() != month || day.year() != year {
            break;
        }
    }
    weeks
}

#[cfg(test)]
mod tests;
