//! Reading the journal newest first: its newest days alone, a few files, for review to show at
//! once while the whole journal is read; and how far that whole read has got.

use std::sync::atomic::{AtomicUsize, Ordering};

use super::*;

/// How far a read of the whole journal has got: day files taken in, of how many there are.
/// Shared: the reading thread counts, the screen shows it. A figure to show, never a guard, so
/// the counts are relaxed atomics.
#[derive(Debug, Default)]
pub struct Progress {
    read: AtomicUsize,
    days: AtomicUsize,
}

impl Progress {
    /// Day files taken in so far.
    pub fn days_read(&self) -> usize {
        self.read.load(Ordering::Relaxed)
    }

    /// How many day files there are; 0 until they are counted (the read counts them first).
    pub fn days(&self) -> usize {
        self.days.load(Ordering::Relaxed)
    }

    /// One more day file taken in.
    pub(crate) fn one_more(&self) {
        self.read.fetch_add(1, Ordering::Relaxed);
    }

    /// There are `days` day files.
    pub(crate) fn counted(&self, days: usize) {
        self.days.store(days, Ordering::Relaxed);
    }
}

/// Reads the newest day files of the journal at `layout` until they hold at least `at_least`
/// entries (every day, in a journal that holds fewer), and the inbox: what review shows first
/// while the rest is read. Only the newest year folders are listed. Problems are only those
/// met reading these files: the whole read ([`load_indexed`]) looks for the rest. The entries
/// are oldest first, as in every scan. Changes nothing.
pub fn load_newest(layout: &Layout, at_least: usize) -> Scan {
    let mut scanning = Scanning::start(layout, true, false);
    if !layout.root().exists() {
        return scanning.scan;
    }
    scanning.scan.exists = true;
    let entries_dir = layout.entries_dir();
    if entries_dir.exists() {
        let years = sorted_children(&mut scanning.scan.problems, &entries_dir);
        'years: for year_dir in years.iter().rev() {
            let year = scanning.list_year(year_dir, None);
            scanning.scan.problems.extend(year.problems);
            for listed in year.days.into_iter().rev() {
                if scanning.scan.entries.len() >= at_least {
                    break 'years;
                }
                scanning.take_in_day(listed, year.folder.as_deref(), &mut None);
            }
        }
    }
    scanning.read_inbox();
    scanning.finish()
}

/// How many day files the journal at `layout` holds: the files of its year folders named as
/// day files of their year, the ones a whole read takes in. Their names only are read.
pub(super) fn count_days(layout: &Layout) -> usize {
    let Ok(years) = fs::read_dir(layout.entries_dir()) else {
        return 0;
    };
    years
        .flatten()
        .filter_map(|year| {
            let name = year.file_name();
            let number: i32 = name.to_str().filter(|n| n.len() == 4)?.parse().ok()?;
            let days = fs::read_dir(year.path()).ok()?;
            Some(
                days.flatten()
                    .filter(|day| {
                        day.file_name().to_str().is_some_and(|n| {
                            Layout::day_of_file_name(n).is_some_and(|d| d.year() == number)
                        })
                    })
                    .count(),
            )
        })
        .sum()
}

#[cfg(test)]
mod tests;
