//! Reading an import file's entries one at a time, as the parser reaches them, instead of
//! into a list of them all: the same checks and the same messages as reading the file whole
//! into its derived types (`Export`, `JrnlExport`, `TuiJournalFile`) gave.

use chrono::{DateTime, FixedOffset};
use serde::de::{DeserializeSeed, Error as _, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

/// The fields of closer's export besides its entries, as read.
#[derive(Debug, Default)]
pub(super) struct Header {
    /// The export's version.
    pub version: u32,
}

/// Gives each item of a JSON array, read as `T`, to `each`.
struct Each<'f, T> {
    each: &'f mut dyn FnMut(T),
}

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for Each<'_, T> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for Each<'_, T> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(item) = seq.next_element::<T>()? {
            (self.each)(item);
        }
        Ok(())
    }
}

/// A file's top-level object: its `entries` given to `each` one at a time; with `header`,
/// closer's export, whose `format`, `version` and `exported_at` are required too. Other keys
/// are passed over, as the derived types do.
struct Top<'f, T> {
    each: &'f mut dyn FnMut(T),
    header: Option<&'f mut Header>,
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for Top<'_, T> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.header.is_some() {
            "struct Export"
        } else {
            "a struct with entries"
        })
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<(), A::Error> {
        let closer = self.header.is_some();
        // format, version, exported_at, entries: whether each was there.
        let mut seen = [!closer, !closer, !closer, false];
        const NAMES: [&str; 4] = ["format", "version", "exported_at", "entries"];
        while let Some(key) = map.next_key::<String>()? {
            let Some(i) = NAMES
                .iter()
                .position(|n| *n == key)
                .filter(|&i| closer || i == 3)
            else {
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            if seen[i] {
                return Err(A::Error::duplicate_field(NAMES[i]));
            }
            seen[i] = true;
            match i {
                0 => {
                    map.next_value::<String>()?;
                }
                1 => {
                    let version = map.next_value::<u32>()?;
                    if let Some(h) = self.header.as_deref_mut() {
                        h.version = version;
                    }
                }
                2 => {
                    map.next_value::<DateTime<FixedOffset>>()?;
                }
                _ => map.next_value_seed(Each {
                    each: &mut *self.each,
                })?,
            }
        }
        match seen.iter().position(|s| !s) {
            Some(i) => Err(A::Error::missing_field(NAMES[i])),
            None => Ok(()),
        }
    }
}

/// Reads `bytes`, a JSON object with `entries` (closer's export when `header` is given), or
/// with `array` a JSON array of entries, giving each entry to `each` as it is read. `each`
/// may have been given entries of a file found bad after them: a caller that must not act on
/// a bad file reads it twice, the first time to check it.
pub(super) fn entries<'de, T: Deserialize<'de>>(
    bytes: &'de [u8],
    array: bool,
    header: Option<&mut Header>,
    each: &mut dyn FnMut(T),
) -> Result<(), serde_json::Error> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    if array {
        Each { each }.deserialize(&mut de)?;
    } else {
        de.deserialize_map(Top { each, header })?;
    }
    de.end()
}
