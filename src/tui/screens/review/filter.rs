//! Review's filters: what can be filtered by, the values offered for each, and the condition
//! a chosen value makes.

use chrono::NaiveDate;

use crate::content::{Catalog, TriggerGroup};
use crate::journal::query::{self, Condition, DateSpan, PredictionState};
use crate::journal::{Name, Perspective, Scale, TriggerRef};
use crate::tui::screen::Cmd;
use crate::tui::widgets::pick_list::{AddRow, Current, PickList, Row};

use super::{Mode, State};

/// What can be filtered by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterKind {
    /// A trigger.
    Trigger,
    /// A perspective.
    Perspective,
    /// A range on one of the entry's 1–5 scales.
    Scale(Scale),
    /// A tag.
    Tag,
    /// A date range.
    Dates,
    /// Moments traced, predictions by state.
    Moments,
    /// Entries that hold two versions after a merge of two computers' edits.
    TwoVersions,
}

impl FilterKind {
    /// All kinds, in the order offered: the trigger, each scale, then the rest.
    pub const ALL: [FilterKind; 6 + Scale::COUNT] = {
        const REST: [FilterKind; 5] = [
            FilterKind::Dates,
            FilterKind::Tag,
            FilterKind::Perspective,
            FilterKind::Moments,
            FilterKind::TwoVersions,
        ];
        let mut all = [FilterKind::Trigger; 6 + Scale::COUNT];
        let mut i = 0;
        while i < Scale::COUNT {
            all[1 + i] = FilterKind::Scale(Scale::ALL[i]);
            i += 1;
        }
        let mut j = 0;
        while j < REST.len() {
            all[1 + Scale::COUNT + j] = REST[j];
            j += 1;
        }
        all
    };

    /// Its name.
    pub fn label(self) -> &'static str {
        match self {
            FilterKind::Trigger => "Trigger",
            FilterKind::Perspective => "Perspective",
            FilterKind::Scale(s) => s.label(),
            FilterKind::Tag => "Tag",
            FilterKind::Dates => "Dates",
            FilterKind::Moments => "Moments and predictions",
            FilterKind::TwoVersions => "Two versions",
        }
    }

    /// What choosing it offers.
    pub fn hint(self) -> &'static str {
        match self {
            FilterKind::Trigger => "entries where a trigger was logged",
            FilterKind::Perspective => "entries written from one side",
            FilterKind::Scale(s) => s.about().filter_hint,
            FilterKind::Tag => "entries with a tag",
            FilterKind::Dates => "a day, a month, the last 30 days, from–to",
            FilterKind::Moments => {
                "entries with a moment traced, or predictions open or looked back on"
            }
            FilterKind::TwoVersions => "entries changed on two computers, both kept",
        }
    }
}

impl State {
    /// Offers the values of `kind` to choose from.
    pub(super) fn open_pick(&mut self, kind: FilterKind, catalog: &Catalog) {
        let rows = match kind {
            FilterKind::Trigger => {
                let mut rows = Vec::new();
                for group in TriggerGroup::ALL {
                    for t in catalog.triggers_in(*group, None) {
                        rows.push(Row {
                            key: t.id.clone(),
                            label: t.name.clone(),
                            detail: String::new(),
                            group: Some(group.label().to_owned()),
                        });
                    }
                }
                let mut custom: Vec<String> = self
                    .entries
                    .iter()
                    .flat_map(|e| e.triggers.iter())
                    .filter_map(|t| match &t.trigger {
                        TriggerRef::Custom(n) => Some(n.to_string()),
                        TriggerRef::Id(_) => None,
                    })
                    .collect();
                custom.sort();
                custom.dedup();
                rows.extend(custom.into_iter().map(|n| Row {
                    key: format!("custom:{n}"),
                    label: n,
                    detail: String::new(),
                    group: Some("Your own".to_owned()),
                }));
                rows
            }
            FilterKind::Perspective => Perspective::ALL
                .iter()
                .map(|p| Row::plain(p.id(), p.label()))
                .collect(),
            FilterKind::Scale(scale) => {
                let labels = scale.about().words;
                let mut rows: Vec<Row> = (1..=5)
                    .map(|n| Row::plain(format!("{n}-{n}"), format!("{n} · {}", labels[n - 1])))
                    .collect();
                rows.extend([
                    Row::plain("1-2", format!("1–2 · {} or {}", labels[0], labels[1])),
                    Row::plain("4-5", format!("4–5 · {} or {}", labels[3], labels[4])),
                    Row::plain("1-3", "1–3"),
                    Row::plain("3-5", "3–5"),
                ]);
                rows
            }
            FilterKind::Tag => {
                let mut tags: Vec<String> = self
                    .entries
                    .iter()
                    .flat_map(|e| e.tags.iter().cloned())
                    .collect();
                tags.sort_by_key(|t| query::fold(t));
                tags.dedup_by_key(|t| query::fold(t));
                tags.into_iter().map(|t| Row::plain(t.clone(), t)).collect()
            }
            FilterKind::Moments => {
                let mut rows = vec![Row::plain("episode", "With a moment traced")];
                rows.extend(PredictionState::ALL.iter().map(|s| {
                    let mut label = s.label().to_owned();
                    if let Some(first) = label.get_mut(0..1) {
                        first.make_ascii_uppercase();
                    }
                    Row::plain(format!("{s:?}"), label)
                }));
                rows
            }
            FilterKind::TwoVersions => vec![Row::plain(
                "two-versions",
                "Holding two versions (keep what you want, then save)",
            )],
            FilterKind::Dates => vec![
                Row::plain("7", "Last 7 days"),
                Row::plain("30", "Last 30 days"),
                Row::plain("90", "Last 90 days"),
                Row::plain("365", "Last 365 days"),
            ],
        };
        // A date typed is applied as the filter, not kept as one's own.
        self.pick =
            PickList::new(rows, kind == FilterKind::Dates).adding(AddRow::Apply("filter by"));
        self.mode = Mode::FilterPick(kind);
    }

    /// Turns the chosen value into a condition.
    pub(super) fn choose(&mut self, kind: FilterKind, today: NaiveDate) -> Cmd {
        let key = match self.pick.current() {
            Some(Current::Row(i)) => self.pick.rows[i].key.clone(),
            Some(Current::Add(text)) => text,
            None => return Cmd::None,
        };
        let condition = match kind {
            FilterKind::Trigger => {
                let name = key.strip_prefix("custom:").unwrap_or(&key);
                let Ok(name) = Name::try_from(name) else {
                    return Cmd::None;
                };
                Some(Condition::Trigger(if key.starts_with("custom:") {
                    TriggerRef::Custom(name)
                } else {
                    TriggerRef::Id(name)
                }))
            }
            FilterKind::Perspective => Perspective::from_id(&key).map(Condition::Perspective),
            FilterKind::Scale(scale) => {
                let (lo, hi) = key.split_once('-').unwrap_or((&key, &key));
                match (lo.parse::<u8>(), hi.parse::<u8>()) {
                    (Ok(lo), Ok(hi)) => Some(Condition::Scale(scale, lo, hi)),
                    _ => None,
                }
            }
            FilterKind::Tag => Some(Condition::Tag(key)),
            FilterKind::TwoVersions => Some(Condition::TwoVersions),
            FilterKind::Moments => match key.as_str() {
                "episode" => Some(Condition::HasEpisode),
                other => PredictionState::ALL
                    .iter()
                    .copied()
                    .find(|s| format!("{s:?}") == other)
                    .map(Condition::Predictions),
            },
            FilterKind::Dates => match DateSpan::parse(&key) {
                Some(span) => Some(Condition::Dates(span)),
                None => {
                    return Cmd::info(format!(
                        "“{key}” is not a date closer understands. Try 2026-11-20 (a day), \
                         2026-11 (a month), 30 (the last 30 days) or 2026-01-01..2026-02-15."
                    ));
                }
            },
        };
        if let Some(c) = condition {
            self.filter.add(c);
            self.cursor = 0;
            self.refresh(today, None);
        }
        self.mode = Mode::Timeline;
        Cmd::None
    }
}
