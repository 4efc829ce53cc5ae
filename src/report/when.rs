//! When, in words and tables: each scale by weekday and by time of day, and the person's
//! tags against each scale. The same tables and lines in insights, `closer stats` and the
//! report; small numbers said to be small (an average only from [`MIN_DAYS`] days, a tag
//! compared only with [`MIN_DAYS`] days on each side).

use super::{Section, Table};
use crate::journal::Scale;
use crate::journal::insights::when::{Slot, TagStat, When};
use crate::journal::insights::{MIN_DAYS, and_more, one_decimal};
use crate::journal::vocabulary::count;

/// How many tags without enough days are named (the rest counted).
const THIN_TAGS: usize = 10;

/// A weekday's name ("Monday").
fn weekday(d: chrono::Weekday) -> String {
    chrono::NaiveDate::from_isoywd_opt(2026, 1, d)
        .map_or_else(|| d.to_string(), |day| day.format("%A").to_string())
}

/// A table of `slots`: `what` names the first column; then each scale's average, "–" where it
/// rests on fewer than [`MIN_DAYS`] days; then the days with a check-in.
fn table<K: Copy>(slots: &[Slot<K>], what: &str, name: impl Fn(K) -> String) -> Table {
    let header = std::iter::once(what.to_owned())
        .chain(Scale::ALL.iter().map(|s| s.label().to_owned()))
        .chain(std::iter::once("Days".to_owned()))
        .collect();
    let rows = slots
        .iter()
        .map(|slot| {
            std::iter::once(name(slot.of))
                .chain(slot.scales.iter().map(|(_, o)| one_decimal(o.shown())))
                .chain(std::iter::once(slot.days.to_string()))
                .collect()
        })
        .collect();
    Table { header, rows }
}

/// Each scale by weekday, from the first day of the week.
pub fn weekdays(w: &When) -> Table {
    table(&w.weekdays, "Weekday", weekday)
}

/// Each scale by time of day.
pub fn dayparts(w: &When) -> Table {
    table(&w.dayparts, "Time of day", |p| p.label().to_owned())
}

/// "Not enough data yet for Saturday (3 days) and Sunday (2 days): …", naming the slots with
/// a check-in whose averages rest on too few days (the fewest of any scale), or saying that
/// none of them (`kind`: "weekday") has enough yet; `None` when every one has enough. A slot
/// without a check-in says so in the table (0 days).
fn too_few<K: Copy>(slots: &[Slot<K>], kind: &str, name: impl Fn(K) -> String) -> Option<String> {
    let after = format!("an average is given from {MIN_DAYS} days on (– in the table)");
    if slots.iter().all(|s| !s.enough()) {
        return Some(format!("Not enough data yet for any {kind}: {after}."));
    }
    let thin: Vec<String> = slots
        .iter()
        .filter(|s| !s.enough() && s.days > 0)
        .map(|s| {
            let days = s.scales.iter().map(|(_, o)| o.days).min().unwrap_or(0);
            format!("{} ({})", name(s.of), count(days, "day", "days"))
        })
        .collect();
    let (last, rest) = thin.split_last()?;
    let named = if rest.is_empty() {
        last.clone()
    } else {
        format!("{} and {last}", rest.join(", "))
    };
    Some(format!("Not enough data yet for {named}: {after}."))
}

/// The weekdays whose averages rest on too few days, in a line, or `None`.
pub fn weekdays_too_few(w: &When) -> Option<String> {
    too_few(&w.weekdays, "weekday", weekday)
}

/// The times of day whose averages rest on too few days, in a line, or `None`.
pub fn dayparts_too_few(w: &When) -> Option<String> {
    too_few(&w.dayparts, "time of day", |p| p.name().to_owned())
}

/// "#work · tagged 14 times".
fn tag_title(t: &TagStat) -> String {
    format!("#{} · tagged {}", t.tag, count(t.count, "time", "times"))
}

/// The tags with enough days on both sides for some scale: each its title and its lines
/// (a finding for each scale with enough days), most used first.
pub fn tag_findings(w: &When) -> Vec<(String, Vec<String>)> {
    w.tags
        .iter()
        .filter(|t| t.any_enough())
        .map(|t| (tag_title(t), t.describe()))
        .collect()
}

/// The tags without enough days yet, a line each ("#rest: mood and closeness: not enough data
/// yet (…)"), the first ten and how many more.
pub fn tags_too_few(w: &When) -> Vec<String> {
    let thin: Vec<&TagStat> = w.tags.iter().filter(|t| !t.any_enough()).collect();
    let mut out: Vec<String> = thin
        .iter()
        .take(THIN_TAGS)
        .map(|t| format!("#{}: {}", t.tag, t.not_enough()))
        .collect();
    out.extend(and_more(thin.len().saturating_sub(THIN_TAGS)).map(|m| format!("{m} tags")));
    out
}

/// A table in columns of text: the first left, the others right, two spaces apart.
pub fn aligned(t: &Table) -> Vec<String> {
    let columns = t.header.len();
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            std::iter::once(&t.header)
                .chain(&t.rows)
                .map(|r| r.get(c).map_or(0, |x| x.chars().count()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    std::iter::once(&t.header)
        .chain(&t.rows)
        .map(|row| {
            let mut line = String::new();
            for (c, cell) in row.iter().enumerate() {
                let w = widths[c];
                if c == 0 {
                    line.push_str(&format!("{cell:<w$}"));
                } else {
                    line.push_str(&format!("  {cell:>w$}"));
                }
            }
            line.trim_end().to_owned()
        })
        .collect()
}

/// What a difference between days or tags is, said under each that has a figure.
pub const NOT_A_CAUSE: &str = "A difference is what happened, not what caused it.";

/// The report's sections: by weekday, by time of day, and tags (when any were used); none
/// when there was no check-in in the window.
pub fn sections(w: &When) -> Vec<Section> {
    if !w.any() {
        return Vec::new();
    }
    let named = Scale::named();
    let mut out = vec![
        Section {
            title: format!("{} by weekday", super::capitalised(&named)),
            intro: format!(
                "Average daily {named} on each weekday of the window, over the days with a \
                 check-in. An average is given only from {MIN_DAYS} days on."
            ),
            chart: None,
            table: weekdays(w),
            after: after(weekdays_too_few(w), &w.weekdays),
        },
        Section {
            title: format!("{} by time of day", super::capitalised(&named)),
            intro: format!(
                "Average {named} of the check-ins written in each part of the day (by the \
                 local time they were written), averaged per day first. An average is given \
                 only from {MIN_DAYS} days on."
            ),
            chart: None,
            table: dayparts(w),
            after: after(dayparts_too_few(w), &w.dayparts),
        },
    ];
    out.extend(tags_section(w));
    out
}

/// Under a table of slots: which have too few days, and what a difference is when any
/// average is given.
fn after<K>(too_few: Option<String>, slots: &[Slot<K>]) -> Vec<String> {
    let any = slots
        .iter()
        .any(|s| s.scales.iter().any(|(_, o)| o.shown().is_some()));
    too_few
        .into_iter()
        .chain(any.then(|| NOT_A_CAUSE.to_owned()))
        .collect()
}

/// The tags against each scale, like triggers: a row for each tag with enough days on both
/// sides, the others in words under the table.
fn tags_section(w: &When) -> Option<Section> {
    if w.tags.is_empty() {
        return None;
    }
    let enough: Vec<&TagStat> = w.tags.iter().filter(|t| t.any_enough()).collect();
    let mut header = vec!["Tag".to_owned()];
    for s in Scale::ALL {
        header.extend([
            format!("{} with", s.label()),
            format!("{} without", s.label()),
        ]);
    }
    header.push("Days with / without".to_owned());
    let rows = enough
        .iter()
        .map(|t| {
            let mut row = vec![format!("#{}", t.tag)];
            for (_, c) in t.scales.iter() {
                let (with, without) = if c.enough() {
                    (one_decimal(c.with), one_decimal(c.without))
                } else {
                    ("–".to_owned(), "–".to_owned())
                };
                row.extend([with, without]);
            }
            let days = &t.scales[Scale::ALL[0]];
            row.push(format!("{} / {}", days.days_with, days.days_without));
            row
        })
        .collect();
    let mut after = tags_too_few(w);
    if !enough.is_empty() {
        after.push(NOT_A_CAUSE.to_owned());
    }
    let named = Scale::named();
    Some(Section {
        title: format!("Tags against {named}"),
        intro: if enough.is_empty() {
            format!(
                "Not enough data yet: a tag is compared only with at least {MIN_DAYS} days \
                 with it and {MIN_DAYS} without."
            )
        } else {
            format!(
                "Average daily {named} on days with each tag, and on the other days of the \
                 window, where each side has at least {MIN_DAYS} days."
            )
        },
        chart: None,
        table: Table { header, rows },
        after,
    })
}
