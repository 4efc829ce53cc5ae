//! Turning toward, over weeks: the bids noticed and made and how they were met, the
//! appreciations, the breaks taken with a promise to come back (and whether the talk was taken
//! up again), beside the pull-away moments traced — counts a week, never a score. Honest about
//! small numbers: a share turned toward is given only from [`MIN_BIDS`] bids on one side, and
//! how often breaks led back to the talk only from [`MIN_BREAKS`] answered breaks.

use chrono::{NaiveDate, Weekday};
use serde::Serialize;

use super::{Window, week_start};
use crate::journal::{BidKind, BreakSide, Entry, TimeOut, Turn, WentBack};

/// From how many bids of one side (theirs, or the person's) the share turned toward is given.
pub const MIN_BIDS: u32 = 10;

/// From how many answered breaks the share that led back to the talk is given.
pub const MIN_BREAKS: u32 = 3;

/// How a side's bids were met.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Turns {
    /// Turned toward.
    pub toward: u32,
    /// Turned away.
    pub away: u32,
    /// Turned against.
    pub against: u32,
    /// Logged without saying how it was met.
    pub unsaid: u32,
}

impl Turns {
    fn add(&mut self, turn: Option<Turn>) {
        match turn {
            Some(Turn::Toward) => self.toward += 1,
            Some(Turn::Away) => self.away += 1,
            Some(Turn::Against) => self.against += 1,
            None => self.unsaid += 1,
        }
    }

    /// Every bid logged.
    pub fn total(&self) -> u32 {
        self.toward + self.away + self.against + self.unsaid
    }

    /// Those whose response was said.
    pub fn said(&self) -> u32 {
        self.toward + self.away + self.against
    }

    /// The share of the said ones turned toward, 0–100 %, from [`MIN_BIDS`] said on.
    pub fn toward_percent(&self) -> Option<u32> {
        let said = self.said();
        (said >= MIN_BIDS).then(|| (self.toward * 100 + said / 2) / said)
    }
}

/// Breaks taken or waited through, and what came of them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Breaks {
    /// Taken by the person.
    pub taken: u32,
    /// Asked for by the partner.
    pub waited: u32,
    /// Went back to the talk as promised.
    pub yes: u32,
    /// Went back later.
    pub later: u32,
    /// Did not go back to it.
    pub no: u32,
    /// Not yet answered.
    pub open: u32,
}

impl Breaks {
    fn add(&mut self, t: &TimeOut) {
        match t.side {
            BreakSide::Mine => self.taken += 1,
            BreakSide::Theirs => self.waited += 1,
        }
        match t.back.as_ref().map(|b| b.went) {
            Some(WentBack::Yes) => self.yes += 1,
            Some(WentBack::Later) => self.later += 1,
            Some(WentBack::No) => self.no += 1,
            None => self.open += 1,
        }
    }

    /// Every break.
    pub fn total(&self) -> u32 {
        self.taken + self.waited
    }

    /// The share of answered breaks that led back to the talk (on time or later), 0–100 %,
    /// from [`MIN_BREAKS`] answered on.
    pub fn back_percent(&self) -> Option<u32> {
        let answered = self.yes + self.later + self.no;
        (answered >= MIN_BREAKS).then(|| ((self.yes + self.later) * 100 + answered / 2) / answered)
    }
}

/// One week's counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct WeekTurning {
    /// The week's first day.
    pub starts: NaiveDate,
    /// Bids from the partner, by how the person turned.
    pub theirs: Turns,
    /// The person's bids, by how the partner turned.
    pub mine: Turns,
    /// Appreciations, of the partner and of oneself.
    pub thanks: u32,
    /// Breaks taken or waited through.
    pub breaks: u32,
    /// Pull-away moments traced.
    pub moments: u32,
}

impl WeekTurning {
    /// Whether nothing was logged in it.
    pub fn is_empty(&self) -> bool {
        self.theirs.total() + self.mine.total() + self.thanks + self.breaks + self.moments == 0
    }
}

/// Turning toward over a window.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Turning {
    /// Bids from the partner, by how the person turned.
    pub theirs: Turns,
    /// The person's bids, by how the partner turned.
    pub mine: Turns,
    /// Appreciations of the partner.
    pub thanks_them: u32,
    /// Appreciations of oneself.
    pub thanks_me: u32,
    /// Breaks, and what came of them.
    pub breaks: Breaks,
    /// Pull-away moments traced.
    pub moments: u32,
    /// Every week of the window that touches a day with an entry, oldest first, empty weeks
    /// between them included (so a gap shows as one).
    pub weeks: Vec<WeekTurning>,
}

impl Turning {
    /// Whether anything of turning toward was logged in the window (moments alone are not).
    pub fn any(&self) -> bool {
        self.theirs.total() + self.mine.total() + self.thanks_them + self.thanks_me > 0
            || self.breaks.total() > 0
    }
}

/// The figures of `entries` (in the journal's order) that fall in `window`, by weeks starting
/// on `week_starts`.
pub fn turning(entries: &[Entry], window: Window, week_starts: Weekday) -> Turning {
    let from = entries.partition_point(|e| e.date < window.from);
    let mut t = Turning::default();
    for e in entries[from..].iter().take_while(|e| e.date <= window.to) {
        let starts = week_start(e.date, week_starts);
        if t.weeks.last().is_none_or(|w| w.starts != starts) {
            let mut next = t
                .weeks
                .last()
                .and_then(|w| w.starts.checked_add_days(chrono::Days::new(7)));
            while let Some(day) = next.filter(|d| *d < starts) {
                t.weeks.push(WeekTurning {
                    starts: day,
                    ..WeekTurning::default()
                });
                next = day.checked_add_days(chrono::Days::new(7));
            }
            t.weeks.push(WeekTurning {
                starts,
                ..WeekTurning::default()
            });
        }
        let Some(week) = t.weeks.last_mut() else {
            continue;
        };
        for b in e.bids.iter().filter(|b| !b.is_empty()) {
            match b.kind {
                BidKind::Theirs => {
                    t.theirs.add(b.turn);
                    week.theirs.add(b.turn);
                }
                BidKind::Mine => {
                    t.mine.add(b.turn);
                    week.mine.add(b.turn);
                }
                BidKind::ThankThem => {
                    t.thanks_them += 1;
                    week.thanks += 1;
                }
                BidKind::ThankMe => {
                    t.thanks_me += 1;
                    week.thanks += 1;
                }
            }
        }
        for b in &e.time_outs {
            t.breaks.add(b);
            week.breaks += 1;
        }
        let moments =
            u32::try_from(e.episodes.iter().filter(|m| !m.is_empty()).count()).unwrap_or(u32::MAX);
        t.moments += moments;
        week.moments += moments;
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{Bid, Episode};

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn bid(kind: BidKind, turn: Option<Turn>) -> Bid {
        Bid {
            kind,
            turn,
            text: "x".into(),
            ..Bid::default()
        }
    }

    /// A journal of `n` days from 2026-09-01, each entry's bids, breaks and moments drawn
    /// from a number stream.
    fn journal(n: u64, seed: u64) -> Vec<Entry> {
        let mut s = seed;
        let mut next = move |m: u64| {
            s = s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (s >> 33) % m
        };
        let mut out = Vec::new();
        for d in 0..n {
            if next(4) == 0 {
                continue;
            }
            let date = day("2026-09-01") + chrono::Days::new(d);
            let at =
                chrono::DateTime::parse_from_rfc3339(&format!("{date}T20:00:00+01:00")).unwrap();
            let mut e = Entry::new(
                crate::journal::EntryId::generate(at, u32::try_from(d).unwrap()),
                at,
            );
            for _ in 0..next(4) {
                let kind = BidKind::ALL[usize::try_from(next(4)).unwrap()];
                let turn = [
                    None,
                    Some(Turn::Toward),
                    Some(Turn::Away),
                    Some(Turn::Against),
                ][usize::try_from(next(4)).unwrap()];
                e.bids.push(bid(kind, turn));
            }
            if next(5) == 0 {
                let mut b = TimeOut::new(
                    BreakSide::ALL[usize::try_from(next(2)).unwrap()],
                    e.created_at,
                    30,
                );
                b.back = [
                    None,
                    Some(WentBack::Yes),
                    Some(WentBack::Later),
                    Some(WentBack::No),
                ][usize::try_from(next(4)).unwrap()]
                .map(|went| crate::journal::BreakOutcome {
                    went,
                    on: e.created_at,
                    note: String::new(),
                    extra: Default::default(),
                });
                e.time_outs.push(b);
            }
            for _ in 0..next(3) {
                e.episodes.push(Episode {
                    what: "a moment".into(),
                    ..Episode::default()
                });
            }
            out.push(e);
        }
        out
    }

    /// The bids tally against a naive reference: every entry in the window counted field by
    /// field, and each week as the entries whose week start is that week's.
    #[test]
    fn the_bids_tally_matches_a_naive_count() {
        for seed in 0..20 {
            let entries = journal(120, seed);
            let window = Window {
                from: day("2026-09-10"),
                to: day("2026-12-01"),
            };
            let t = turning(&entries, window, Weekday::Mon);
            let inside: Vec<&Entry> = entries.iter().filter(|e| window.contains(e.date)).collect();
            let bids = |kind: BidKind, turn: Option<Turn>, es: &[&Entry]| -> u32 {
                es.iter()
                    .flat_map(|e| &e.bids)
                    .filter(|b| b.kind == kind && b.turn == turn)
                    .count() as u32
            };
            for (kind, turns) in [(BidKind::Theirs, t.theirs), (BidKind::Mine, t.mine)] {
                assert_eq!(turns.toward, bids(kind, Some(Turn::Toward), &inside));
                assert_eq!(turns.away, bids(kind, Some(Turn::Away), &inside));
                assert_eq!(turns.against, bids(kind, Some(Turn::Against), &inside));
                assert_eq!(turns.unsaid, bids(kind, None, &inside));
            }
            let thanks = |kind| {
                inside
                    .iter()
                    .flat_map(|e| &e.bids)
                    .filter(|b| b.kind == kind)
                    .count() as u32
            };
            assert_eq!(t.thanks_them, thanks(BidKind::ThankThem));
            assert_eq!(t.thanks_me, thanks(BidKind::ThankMe));
            let breaks: Vec<&TimeOut> = inside.iter().flat_map(|e| &e.time_outs).collect();
            assert_eq!(t.breaks.total() as usize, breaks.len());
            let went = |w| {
                breaks
                    .iter()
                    .filter(|b| b.back.as_ref().map(|o| o.went) == w)
                    .count() as u32
            };
            assert_eq!(
                (t.breaks.yes, t.breaks.later, t.breaks.no, t.breaks.open),
                (
                    went(Some(WentBack::Yes)),
                    went(Some(WentBack::Later)),
                    went(Some(WentBack::No)),
                    went(None)
                )
            );
            assert_eq!(
                t.moments as usize,
                inside.iter().map(|e| e.episodes.len()).sum::<usize>()
            );
            // Weeks: consecutive, each the sum of its own entries.
            for pair in t.weeks.windows(2) {
                assert_eq!(pair[1].starts - pair[0].starts, chrono::Duration::days(7));
            }
            for w in &t.weeks {
                let mine: Vec<&Entry> = inside
                    .iter()
                    .copied()
                    .filter(|e| week_start(e.date, Weekday::Mon) == w.starts)
                    .collect();
                let all = |kind| {
                    Turn::ALL
                        .iter()
                        .map(|t| bids(kind, Some(*t), &mine))
                        .sum::<u32>()
                        + bids(kind, None, &mine)
                };
                assert_eq!(w.theirs.total(), all(BidKind::Theirs));
                assert_eq!(w.mine.total(), all(BidKind::Mine));
                assert_eq!(
                    w.moments as usize,
                    mine.iter().map(|e| e.episodes.len()).sum::<usize>()
                );
            }
            let total: u32 = t.weeks.iter().map(|w| w.theirs.total()).sum();
            assert_eq!(total, t.theirs.total());
        }
    }

    #[test]
    fn a_share_is_given_only_from_enough_bids_and_breaks() {
        let nine = Turns {
            toward: 6,
            away: 3,
            ..Turns::default()
        };
        assert_eq!(nine.toward_percent(), None, "nine said is too few");
        let ten = Turns {
            toward: 7,
            away: 2,
            against: 1,
            unsaid: 4,
        };
        assert_eq!(ten.toward_percent(), Some(70), "the unsaid are not counted");
        let two = Breaks {
            yes: 1,
            no: 1,
            open: 5,
            ..Breaks::default()
        };
        assert_eq!(two.back_percent(), None);
        let three = Breaks {
            yes: 1,
            later: 1,
            no: 1,
            ..Breaks::default()
        };
        assert_eq!(three.back_percent(), Some(67));
    }
}
