//! When: each scale by weekday and by time of day, and the person's own tags against each
//! scale — the patterns a mood journal is expected to show. Honest about small numbers as
//! trigger comparisons are: an average of a weekday or a time of day is given only from
//! [`MIN_DAYS`] days on, and a tag is compared only with [`MIN_DAYS`] days on each side
//! (a [`Comparison`]).
//!
//! Days are the unit, as everywhere in insights: a weekday's average is the average of its
//! days' averages; a time of day's is the average, over the days with a check-in written then,
//! of those check-ins' values that day.

use chrono::{Datelike, Timelike, Weekday};
use foldhash::HashMap;
use serde::Serialize;

use super::{Comparison, Day, MIN_DAYS, Sums, Window, by_day, comparison, day_of};
use crate::journal::{Entry, PerScale};

/// A part of the day, by the local hour a check-in was written (`Entry::created_at`; one
/// written later, for an earlier day, has none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::VariantArray)]
#[serde(rename_all = "lowercase")]
pub enum Daypart {
    /// 5:00 to 12:00.
    Morning,
    /// 12:00 to 17:00.
    Afternoon,
    /// 17:00 to 22:00.
    Evening,
    /// 22:00 to 5:00.
    Night,
}

impl Daypart {
    /// All parts, from the morning.
    pub const ALL: &'static [Daypart] = <Daypart as strum::VariantArray>::VARIANTS;

    /// The part an hour (0–23) is in.
    pub fn of(hour: u32) -> Daypart {
        match hour {
            5..=11 => Daypart::Morning,
            12..=16 => Daypart::Afternoon,
            17..=21 => Daypart::Evening,
            _ => Daypart::Night,
        }
    }

    /// Its name ("morning").
    pub fn name(self) -> &'static str {
        match self {
            Daypart::Morning => "morning",
            Daypart::Afternoon => "afternoon",
            Daypart::Evening => "evening",
            Daypart::Night => "night",
        }
    }

    /// Its name, with its hours ("morning (5–12)").
    pub fn label(self) -> &'static str {
        match self {
            Daypart::Morning => "morning (5–12)",
            Daypart::Afternoon => "afternoon (12–17)",
            Daypart::Evening => "evening (17–22)",
            Daypart::Night => "night (22–5)",
        }
    }
}

/// An average over days, and how many days it rests on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Over {
    /// Days with a value.
    pub days: u32,
    /// Their average.
    pub average: Option<f64>,
}

impl Over {
    /// Whether it rests on at least [`MIN_DAYS`] days (fewer: "not enough data yet").
    pub fn enough(&self) -> bool {
        self.days >= MIN_DAYS
    }

    /// The average, only when it rests on enough days.
    pub fn shown(&self) -> Option<f64> {
        self.average.filter(|_| self.enough())
    }
}

/// One weekday or time of day.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Slot<K> {
    /// Which (a weekday, or a part of the day).
    pub of: K,
    /// Days with a check-in in it.
    pub days: u32,
    /// Check-ins in it.
    pub check_ins: u32,
    /// Each scale's average, and the days it rests on.
    #[serde(flatten)]
    pub scales: PerScale<Over>,
}

impl<K> Slot<K> {
    /// Whether every scale's average rests on enough days.
    pub fn enough(&self) -> bool {
        self.scales.iter().all(|(_, o)| o.enough())
    }
}

/// One of the person's tags in the window, against each scale.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TagStat {
    /// The tag (without `#`).
    pub tag: String,
    /// Check-ins with it.
    pub count: u32,
    /// Each scale on days with it and without it.
    #[serde(flatten)]
    pub scales: PerScale<Comparison>,
}

impl TagStat {
    /// Whether any scale has enough days on both sides to be a finding.
    pub fn any_enough(&self) -> bool {
        super::any_enough(&self.scales)
    }

    /// In lines, as a trigger's: a finding for each scale with enough days, or "not enough
    /// data yet" once.
    pub fn describe(&self) -> Vec<String> {
        super::describe_all(&self.scales)
    }

    /// "Mood and closeness: not enough data yet", with the days behind it.
    pub fn not_enough(&self) -> String {
        super::not_enough(&self.scales)
    }
}

/// The figures of when, over a window.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct When {
    /// The seven weekdays, from the first day of the week.
    pub weekdays: Vec<Slot<Weekday>>,
    /// The four parts of the day, from the morning.
    pub dayparts: Vec<Slot<Daypart>>,
    /// The tags used, most often first (ties by name).
    pub tags: Vec<TagStat>,
}

impl When {
    /// Whether any check-in was counted.
    pub fn any(&self) -> bool {
        self.weekdays.iter().any(|s| s.days > 0)
    }
}

/// Sums of one slot.
#[derive(Debug, Default, Clone, Copy)]
struct SlotSums {
    days: u32,
    check_ins: u32,
    scales: PerScale<(f64, u32)>,
}

impl SlotSums {
    fn add(&mut self, check_ins: usize, values: &PerScale<Option<f64>>) {
        self.days += 1;
        self.check_ins = self
            .check_ins
            .saturating_add(u32::try_from(check_ins).unwrap_or(u32::MAX));
        for (s, v) in values.iter() {
            if let Some(v) = v {
                self.scales[s].0 += v;
                self.scales[s].1 += 1;
            }
        }
    }

    fn finish<K>(&self, of: K) -> Slot<K> {
        Slot {
            of,
            days: self.days,
            check_ins: self.check_ins,
            scales: self.scales.map(|_, &(sum, n)| Over {
                days: n,
                average: (n > 0).then(|| sum / f64::from(n)),
            }),
        }
    }
}

/// [`When`] counted a day at a time (days in order, each day's entries in one call), as
/// `closer stats` reads a journal.
#[derive(Debug, Default)]
pub struct WhenTally {
    /// By weekday, Monday first.
    weekdays: [SlotSums; 7],
    dayparts: [SlotSums; 4],
    /// Tags, numbered as first met: the tag and its check-ins.
    tags: Vec<(String, u32)>,
    index: HashMap<String, usize>,
    /// For each tag, each scale's sums over the days it was used on.
    sums: Vec<PerScale<Sums>>,
    /// Each scale's sum and count over all days.
    totals: PerScale<(f64, u32)>,
    /// The tags of the day being counted.
    on_day: Vec<usize>,
}

impl WhenTally {
    /// Counts one day: its entries and their averages (`day`).
    pub fn add_day(&mut self, es: &[&Entry], day: &Day) {
        let weekday = day.date.weekday().num_days_from_monday() as usize;
        self.weekdays[weekday].add(es.len(), &day.scales);
        for (i, part) in Daypart::ALL.iter().enumerate() {
            let inside: Vec<&Entry> = es
                .iter()
                .copied()
                // One written later, for an earlier day, was not written at a time of its day.
                .filter(|e| e.written_on.is_none() && Daypart::of(e.created_at.hour()) == *part)
                .collect();
            if !inside.is_empty() {
                self.dayparts[i].add(inside.len(), &day_of(day.date, &inside).scales);
            }
        }
        let mut on_day = std::mem::take(&mut self.on_day);
        on_day.clear();
        for e in es {
            let mut seen: Vec<usize> = Vec::new();
            for tag in &e.tags {
                let i = match self.index.get(tag.as_str()) {
                    Some(&i) => i,
                    None => {
                        self.tags.push((tag.clone(), 0));
                        self.sums.push(PerScale::default());
                        self.index.insert(tag.clone(), self.tags.len() - 1);
                        self.tags.len() - 1
                    }
                };
                // A tag written twice on one check-in counts once.
                if !seen.contains(&i) {
                    seen.push(i);
                    self.tags[i].1 += 1;
                }
                if !on_day.contains(&i) {
                    on_day.push(i);
                }
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
    }

    /// The figures of everything counted, the weekdays from `week_starts`.
    pub fn finish(self, week_starts: Weekday) -> When {
        let mut weekdays = Vec::with_capacity(7);
        let mut day = week_starts;
        for _ in 0..7 {
            weekdays.push(self.weekdays[day.num_days_from_monday() as usize].finish(day));
            day = day.succ();
        }
        let totals = self.totals;
        let mut tags: Vec<TagStat> = self
            .tags
            .into_iter()
            .zip(&self.sums)
            .map(|((tag, count), sums)| TagStat {
                tag,
                count,
                scales: PerScale::from_fn(|s| comparison(sums[s], totals[s].0, totals[s].1)),
            })
            .collect();
        tags.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.tag.cmp(&b.tag)));
        When {
            weekdays,
            dayparts: Daypart::ALL
                .iter()
                .zip(&self.dayparts)
                .map(|(part, sums)| sums.finish(*part))
                .collect(),
            tags,
        }
    }
}

/// The figures of `entries` (any order) that fall in `window`, the weekdays from
/// `week_starts`.
pub fn when(entries: &[Entry], window: Window, week_starts: Weekday) -> When {
    let mut tally = WhenTally::default();
    for (date, es) in by_day(entries, window) {
        tally.add_day(&es, &day_of(date, &es));
    }
    tally.finish(week_starts)
}

#[cfg(test)]
mod tests;
