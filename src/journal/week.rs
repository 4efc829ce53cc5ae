//! A week on one page, the way a DBT diary card lays it out: a column per day, a row per
//! thing logged — each scale, each trigger and how strongly it was felt, the urges of the
//! moments traced, each strategy planned or tried and how it helped, bids and appreciations,
//! breaks, and the check-ins of each day — and the week's own review (what went well, what
//! was hard, what I learned about my pattern, one thing for next week), a record of its own.
//!
//! Pure: the card is worked out from the entries of its seven days, found by binary search in
//! the journal's order, so it costs the week, not the journal.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate, Weekday};

use super::entry::{Entry, Outcome, Scale, TriggerRef};
use super::insights::week_start;

pub use super::week_review::WeekReview;

/// What a row is about: a person reads its label, the card groups rows by it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowKind {
    /// Check-ins that day.
    CheckIns,
    /// A 1–5 scale: the day's average.
    Scale(Scale),
    /// A trigger: how strongly it was felt (the strongest that day), or ✓ without a strength.
    Trigger(TriggerRef),
    /// An urge of the moments traced: how many times.
    Urge(String),
    /// A strategy: planned (P), tried and how helpful (✓4), not tried (✗).
    Strategy(String),
    /// Bids from the partner: turned toward / all.
    BidsTheirs,
    /// The person's bids: met / all.
    BidsMine,
    /// Appreciations.
    Thanks,
    /// Breaks taken or waited through.
    Breaks,
}

/// One row: what it is about, and a cell a day (empty: nothing that day).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// What it is about.
    pub kind: RowKind,
    /// A cell for each of the seven days, first day first.
    pub cells: [String; 7],
}

/// A week on one page.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekCard {
    /// The first day.
    pub starts: NaiveDate,
    /// The rows, in the card's order (check-ins, scales, triggers, urges, strategies, bids,
    /// appreciations, breaks); a row only for what was logged.
    pub rows: Vec<Row>,
    /// Each day's averages on each scale (as insights works them out), first day first.
    pub averages: [[Option<f64>; Scale::COUNT]; 7],
    /// The review of this week written last, if any.
    pub review: Option<WeekReview>,
}

/// A day's average of a scale in a cell: "3", or "2.5" for a half.
pub fn average_cell(v: Option<f64>) -> String {
    match v {
        None => String::new(),
        Some(v) if (v - v.round()).abs() < 1e-9 => format!("{v:.0}"),
        Some(v) => format!("{v:.1}"),
    }
}

impl WeekCard {
    /// The card of the week holding `day` (weeks start on `week_starts`), from `entries` in
    /// the journal's order; its review is the newest written about that week, in any entry.
    pub fn of(entries: &[Entry], day: NaiveDate, week_starts: Weekday) -> WeekCard {
        let starts = week_start(day, week_starts);
        let end = starts
            .checked_add_days(Days::new(7))
            .unwrap_or(NaiveDate::MAX);
        let from = entries.partition_point(|e| e.date < starts);
        let to = entries.partition_point(|e| e.date < end);
        let week = &entries[from..to];
        let mut card = Card::default();
        for e in week {
            let at = usize::try_from((e.date - starts).num_days())
                .unwrap_or(0)
                .min(6);
            card.add(at, e);
        }
        let averages = std::array::from_fn(|d| {
            let date = starts.checked_add_days(Days::new(d as u64));
            let of_day: Vec<&Entry> = week.iter().filter(|e| Some(e.date) == date).collect();
            std::array::from_fn(|s| {
                let values: Vec<f64> = of_day
                    .iter()
                    .filter_map(|e| Scale::ALL[s].of(e))
                    .map(|v| f64::from(v.get()))
                    .collect();
                (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
            })
        });
        let review = entries
            .iter()
            .rev()
            .flat_map(|e| e.week_reviews.iter().rev())
            .find(|r| r.week == starts && !r.is_empty())
            .cloned();
        WeekCard {
            starts,
            rows: card.rows(&averages),
            averages,
            review,
        }
    }

    /// Whether nothing was logged that week.
    pub fn is_empty(&self) -> bool {
        self.rows
            .iter()
            .all(|r| r.cells.iter().all(String::is_empty))
    }

    /// Its seven days, first first.
    pub fn days(&self) -> [NaiveDate; 7] {
        std::array::from_fn(|d| {
            self.starts
                .checked_add_days(Days::new(d as u64))
                .unwrap_or(self.starts)
        })
    }
}

/// What a week holds, counted a day at a time.
#[derive(Default)]
struct Card {
    check_ins: [u32; 7],
    triggers: Vec<(TriggerRef, [Option<Option<u8>>; 7])>,
    urges: BTreeMap<String, [u32; 7]>,
    strategies: BTreeMap<String, [Option<String>; 7]>,
    theirs: [(u32, u32); 7],
    mine: [(u32, u32); 7],
    thanks: [u32; 7],
    breaks: [u32; 7],
}

impl Card {
    fn add(&mut self, d: usize, e: &Entry) {
        self.check_ins[d] += 1;
        for t in &e.triggers {
            let at = match self.triggers.iter().position(|(r, _)| *r == t.trigger) {
                Some(at) => at,
                None => {
                    self.triggers.push((t.trigger.clone(), [None; 7]));
                    self.triggers.len() - 1
                }
            };
            let cell = &mut self.triggers[at].1[d];
            let strength = t.intensity.map(|i| i.get());
            *cell = Some(cell.flatten().max(strength));
        }
        for ep in &e.episodes {
            for u in &ep.urges {
                self.urges.entry(u.clone()).or_default()[d] += 1;
            }
        }
        for s in &e.strategies {
            let mark = match s.outcome() {
                Outcome::Tried(Some(h)) => format!("✓{h}"),
                Outcome::Tried(None) => "✓".to_owned(),
                Outcome::NotTried => "✗".to_owned(),
                Outcome::Planned => "P".to_owned(),
                Outcome::Mentioned => "·".to_owned(),
            };
            self.strategies.entry(s.id.to_string()).or_default()[d] = Some(mark);
        }
        for b in e.bids.iter().filter(|b| !b.is_empty()) {
            let toward = u32::from(b.turn == Some(super::turning::Turn::Toward));
            match b.kind {
                super::turning::BidKind::Theirs => {
                    self.theirs[d].0 += toward;
                    self.theirs[d].1 += 1;
                }
                super::turning::BidKind::Mine => {
                    self.mine[d].0 += toward;
                    self.mine[d].1 += 1;
                }
                _ => self.thanks[d] += 1,
            }
        }
        self.breaks[d] += u32::try_from(e.time_outs.len()).unwrap_or(u32::MAX);
    }

    fn rows(self, averages: &[[Option<f64>; Scale::COUNT]; 7]) -> Vec<Row> {
        let count = |n: u32| if n == 0 { String::new() } else { n.to_string() };
        let pair = |(toward, all): (u32, u32)| {
            if all == 0 {
                String::new()
            } else {
                format!("{toward}/{all}")
            }
        };
        let mut rows = vec![Row {
            kind: RowKind::CheckIns,
            cells: self.check_ins.map(count),
        }];
        for (s, scale) in Scale::ALL.iter().enumerate() {
            rows.push(Row {
                kind: RowKind::Scale(*scale),
                cells: std::array::from_fn(|d| average_cell(averages[d][s])),
            });
        }
        for (t, days) in self.triggers {
            rows.push(Row {
                kind: RowKind::Trigger(t),
                cells: days.map(|c| match c {
                    None => String::new(),
                    Some(None) => "✓".to_owned(),
                    Some(Some(i)) => i.to_string(),
                }),
            });
        }
        for (u, days) in self.urges {
            rows.push(Row {
                kind: RowKind::Urge(u),
                cells: days.map(count),
            });
        }
        for (id, days) in self.strategies {
            rows.push(Row {
                kind: RowKind::Strategy(id),
                cells: days.map(Option::unwrap_or_default),
            });
        }
        for (kind, cells) in [
            (RowKind::BidsTheirs, self.theirs.map(pair)),
            (RowKind::BidsMine, self.mine.map(pair)),
            (RowKind::Thanks, self.thanks.map(count)),
            (RowKind::Breaks, self.breaks.map(count)),
        ] {
            if cells.iter().any(|c| !c.is_empty()) {
                rows.push(Row { kind, cells });
            }
        }
        rows
    }
}

#[cfg(test)]
mod tests;
