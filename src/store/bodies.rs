//! The bodies of the files closer writes, as they are read and written: a day, a trash
//! record, an entry saved while locked (the inbox), the draft. Each keeps the fields this
//! closer does not know (`envelope::Unknown`), so a rewrite never drops them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::envelope;
use crate::journal::Entry;

/// The body of a day file.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DayBody {
    /// The day the file is for.
    pub date: NaiveDate,
    /// Its entries, oldest first.
    pub entries: Vec<Entry>,
    /// Fields beside these that this closer does not know, kept as they were.
    #[serde(flatten)]
    pub unknown: envelope::Unknown,
}

impl DayBody {
    /// The day `date` holding `entries`, with nothing else.
    pub fn new(date: NaiveDate, entries: Vec<Entry>) -> DayBody {
        DayBody {
            date,
            entries,
            unknown: envelope::Unknown::default(),
        }
    }
}

// By hand rather than derived with `flatten`, which would first buffer every entry of the day
// (a scan reads every day file).
impl<'de> Deserialize<'de> for DayBody {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = DayBody;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a day file's object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<DayBody, A::Error> {
                use serde::de::Error;
                let (mut date, mut entries) = (None, None);
                let mut unknown = envelope::Unknown::default();
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    match &*key {
                        "date" if date.is_none() => date = Some(map.next_value()?),
                        "entries" if entries.is_none() => entries = Some(map.next_value()?),
                        "date" => return Err(A::Error::duplicate_field("date")),
                        "entries" => return Err(A::Error::duplicate_field("entries")),
                        "schema" => {
                            map.next_value::<serde::de::IgnoredAny>()?;
                        }
                        _ => unknown.keep(key.into_owned(), map.next_value()?),
                    }
                }
                Ok(DayBody {
                    date: date.ok_or_else(|| A::Error::missing_field("date"))?,
                    entries: entries.ok_or_else(|| A::Error::missing_field("entries"))?,
                    unknown,
                })
            }
        }
        d.deserialize_map(Visit)
    }
}

/// The body of a trash file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TrashBody {
    /// When it was deleted.
    pub deleted_at: chrono::DateTime<chrono::FixedOffset>,
    /// The entry as it was.
    pub entry: Entry,
    /// Fields beside these that this closer does not know, kept as they were.
    #[serde(flatten)]
    pub unknown: envelope::Unknown,
}

/// The body of a file in `inbox/`: one entry saved while the journal was locked.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct InboxBody {
    /// The entry.
    pub entry: Entry,
    /// Fields beside it that this closer does not know. An inbox file is never rewritten:
    /// it is written once and removed when its entry (with what closer does not know of it)
    /// is in its day.
    #[serde(flatten)]
    pub unknown: envelope::Unknown,
}

/// The body of the draft file: whatever the check-in keeps, as JSON.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DraftBody {
    /// When it was last written.
    pub saved_at: chrono::DateTime<chrono::FixedOffset>,
    /// The check-in in progress.
    pub draft: serde_json::Value,
    /// Fields beside these that this closer does not know, kept as they were.
    #[serde(flatten)]
    pub unknown: envelope::Unknown,
}
