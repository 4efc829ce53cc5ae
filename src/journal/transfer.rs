//! Moving entries in and out: closer's own lossless JSON export, and reading the JSON of jrnl
//! (`jrnl --export json`) and of tui-journal. Pure: bytes in, entries out.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use serde::{Deserialize, Serialize};

use super::{Entry, EntryId};

/// The `format` field of closer's export.
pub const FORMAT: &str = "closer-export";
/// The version of closer's export this build writes and reads.
pub const VERSION: u32 = 1;

/// closer's own export: every field of every entry, as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Export {
    /// Always [`FORMAT`].
    pub format: String,
    /// The export's version.
    pub version: u32,
    /// When it was made.
    pub exported_at: DateTime<FixedOffset>,
    /// The entries, oldest first.
    pub entries: Vec<Entry>,
}

impl Export {
    /// An export of `entries` made at `now`.
    pub fn new(entries: Vec<Entry>, now: DateTime<FixedOffset>) -> Export {
        Export {
            format: FORMAT.to_owned(),
            version: VERSION,
            exported_at: now,
            entries,
        }
    }
}

/// Which program a file came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// closer's own export.
    Closer,
    /// jrnl's JSON export.
    Jrnl,
    /// tui-journal's JSON file.
    TuiJournal,
}

impl Source {
    /// Its name, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Source::Closer => "closer export",
            Source::Jrnl => "jrnl export",
            Source::TuiJournal => "tui-journal file",
        }
    }
}

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Not valid JSON, or a value of the wrong kind, at a place in the file.
    #[error("line {line}, column {column}: {message}")]
    At {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// Valid JSON, but not a format closer knows.
    #[error("{0}")]
    Unknown(String),
}

fn at(e: &serde_json::Error) -> ImportError {
    let text = e.to_string();
    let message = match text.rfind(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    };
    ImportError::At {
        line: e.line(),
        column: e.column(),
        message,
    }
}

#[derive(Deserialize)]
struct JrnlExport {
    entries: Vec<JrnlEntry>,
}

#[derive(Deserialize)]
struct JrnlEntry {
    title: String,
    #[serde(default)]
    body: String,
    date: NaiveDate,
    time: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    starred: bool,
}

#[derive(Deserialize)]
struct TuiJournalFile {
    entries: Vec<TuiJournalEntry>,
}

#[derive(Deserialize)]
struct TuiJournalEntry {
    #[serde(default)]
    id: Option<serde_json::Value>,
    date: DateTime<FixedOffset>,
    title: String,
    #[serde(default)]
    content: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    priority: Option<u32>,
}

/// What the top of a file looks like, to tell the formats apart.
/// What [`sniff`] needs of a file, read without keeping anything else: an import file is
/// often the size of a whole journal, and read first into a `serde_json::Value` it took five
/// times its size in memory (a 185 MB export, 1.08 GB).
#[derive(Debug, Default)]
struct Shape {
    /// The file is a JSON array (tui-journal's entries file), not an object.
    array: bool,
    /// The top-level object's `format`, when it is a string.
    format: Option<String>,
    /// The top-level object has `tags` and `entries` (jrnl's export).
    tags: bool,
    entries: bool,
    /// The keys of the first entry (the array's first item, or the first of `entries`), when
    /// it is an object.
    first: Option<Vec<String>>,
}

/// Reads a value for its shape alone, keeping only what `T` takes from it.
struct ShapeOf<T>(std::marker::PhantomData<T>);

/// The keys of an object; `None` for anything else.
struct Keys(Option<Vec<String>>);

/// The first item of an array, as [`Keys`]; `None` for anything else or an empty array.
struct First(Option<Vec<String>>);

/// A string; `None` for anything else.
struct Text(Option<String>);

impl<'de> Deserialize<'de> for Keys {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ShapeOf::<Keys>(std::marker::PhantomData))
    }
}

impl<'de> Deserialize<'de> for First {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ShapeOf::<First>(std::marker::PhantomData))
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ShapeOf::<Text>(std::marker::PhantomData))
    }
}

impl<'de> Deserialize<'de> for Shape {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ShapeOf::<Shape>(std::marker::PhantomData))
    }
}

/// What each shape makes of an array, an object, a string, or anything else.
trait FromShape: Sized {
    fn none() -> Self;
    fn text(_: &str) -> Self {
        Self::none()
    }
    fn array<'de, A: serde::de::SeqAccess<'de>>(mut seq: A) -> Result<Self, A::Error> {
        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        Ok(Self::none())
    }
    fn object<'de, A: serde::de::MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
        while map
            .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
            .is_some()
        {}
        Ok(Self::none())
    }
}

impl FromShape for Text {
    fn none() -> Self {
        Text(None)
    }
    fn text(v: &str) -> Self {
        Text(Some(v.to_owned()))
    }
}

impl FromShape for Keys {
    fn none() -> Self {
        Keys(None)
    }
    fn object<'de, A: serde::de::MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
        let mut keys = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            map.next_value::<serde::de::IgnoredAny>()?;
            keys.push(key);
        }
        Ok(Keys(Some(keys)))
    }
}

impl FromShape for First {
    fn none() -> Self {
        First(None)
    }
    fn array<'de, A: serde::de::SeqAccess<'de>>(mut seq: A) -> Result<Self, A::Error> {
        let first = seq.next_element::<Keys>()?.and_then(|k| k.0);
        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        Ok(First(first))
    }
}

impl FromShape for Shape {
    fn none() -> Self {
        Shape::default()
    }
    fn array<'de, A: serde::de::SeqAccess<'de>>(seq: A) -> Result<Self, A::Error> {
        Ok(Shape {
            array: true,
            first: First::array(seq)?.0,
            ..Shape::default()
        })
    }
    fn object<'de, A: serde::de::MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
        let mut shape = Shape::default();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "format" => shape.format = map.next_value::<Text>()?.0,
                "tags" => {
                    shape.tags = true;
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
                "entries" => {
                    shape.entries = true;
                    shape.first = map.next_value::<First>()?.0;
                }
                _ => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        Ok(shape)
    }
}

impl<'de, T: FromShape> serde::de::Visitor<'de> for ShapeOf<T> {
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<T, E> {
        Ok(T::none())
    }
    fn visit_i64<E>(self, _: i64) -> Result<T, E> {
        Ok(T::none())
    }
    fn visit_u64<E>(self, _: u64) -> Result<T, E> {
        Ok(T::none())
    }
    fn visit_f64<E>(self, _: f64) -> Result<T, E> {
        Ok(T::none())
    }
    fn visit_str<E>(self, v: &str) -> Result<T, E> {
        Ok(T::text(v))
    }
    fn visit_unit<E>(self) -> Result<T, E> {
        Ok(T::none())
    }
    fn visit_none<E>(self) -> Result<T, E> {
        Ok(T::none())
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<T, A::Error> {
        T::array(seq)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::object(map)
    }
}

/// Which program wrote a file, from its shape.
fn sniff(shape: &Shape) -> Option<Source> {
    if shape.format.as_deref() == Some(FORMAT) {
        return Some(Source::Closer);
    }
    let has = |keys: &[String], k: &str| keys.iter().any(|x| x == k);
    match &shape.first {
        Some(e) if has(e, "time") && has(e, "title") => Some(Source::Jrnl),
        Some(e) if has(e, "content") && has(e, "title") => Some(Source::TuiJournal),
        None if !shape.array && shape.tags && shape.entries => {
            Some(Source::Jrnl) // an empty jrnl export
        }
        _ => None,
    }
}

/// A stable id for an entry from another program: the same file gives the same ids, so
/// importing it twice adds nothing the second time.
fn derived_id(prefix: &str, when: DateTime<FixedOffset>, text: &str) -> EntryId {
    // FNV-1a: small and stable across platforms and versions.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    let id = format!("{prefix}-{}-{:016x}", when.format("%Y%m%d-%H%M"), h);
    EntryId::try_from(id).unwrap_or_else(|_| EntryId::generate(when, 0))
}

/// Ids for the entries of one file, unique within it: entries with the same time and text (jrnl
/// gives every entry made without a time 09:00, so "Went for a walk." twice a day is likely)
/// used to share one id, and the second was dropped as "already in the journal". The first
/// keeps the id it always had, so files imported before import the same; each twin after it,
/// in the file's order, adds `-2`, `-3`…, the same every time the file is read.
#[derive(Default)]
struct Twins {
    seen: std::collections::HashMap<String, u32>,
}

impl Twins {
    fn id(&mut self, prefix: &str, when: DateTime<FixedOffset>, text: &str) -> EntryId {
        let base = derived_id(prefix, when, text);
        let n = self.seen.entry(base.to_string()).or_insert(0);
        *n += 1;
        if *n == 1 {
            return base;
        }
        EntryId::try_from(format!("{base}-{n}")).unwrap_or(base)
    }
}

fn notes(title: &str, body: &str) -> String {
    let (title, body) = (title.trim_end(), body.trim_end());
    match (title.is_empty(), body.is_empty()) {
        (_, true) => title.to_owned(),
        (true, false) => body.to_owned(),
        (false, false) => format!("{title}\n\n{body}"),
    }
}

/// Reads a file's bytes: closer's export, jrnl's or tui-journal's JSON. `offset_at` gives the
/// local offset for a local time (jrnl's times have none).
pub fn read(
    bytes: &[u8],
    offset_at: &dyn Fn(NaiveDateTime) -> FixedOffset,
) -> Result<(Source, Vec<Entry>), ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let shape: Shape = serde_json::from_slice(bytes).map_err(|e| at(&e))?;
    let Some(source) = sniff(&shape) else {
        return Err(ImportError::Unknown(
            "this is JSON, but not an export closer knows: expected closer's own export \
             (closer export --format json), jrnl's (jrnl --export json) or tui-journal's file"
                .into(),
        ));
    };
    let entries = match source {
        Source::Closer => {
            let export: Export = serde_json::from_slice(bytes).map_err(|e| at(&e))?;
            if export.version > VERSION {
                return Err(ImportError::Unknown(format!(
                    "this export is version {}, newer than this closer reads ({VERSION}); update closer",
                    export.version
                )));
            }
            export.entries
        }
        Source::Jrnl => {
            let export: JrnlExport = serde_json::from_slice(bytes).map_err(|e| at(&e))?;
            let mut out = Vec::new();
            let mut twins = Twins::default();
            for j in export.entries {
                let time = NaiveTime::parse_from_str(&j.time, "%H:%M")
                    .or_else(|_| NaiveTime::parse_from_str(&j.time, "%H:%M:%S"))
                    .map_err(|_| {
                        ImportError::Unknown(format!(
                            "the entry of {} has a time closer cannot read: {:?}",
                            j.date, j.time
                        ))
                    })?;
                let naive = j.date.and_time(time);
                let offset = offset_at(naive);
                let when = offset
                    .from_local_datetime(&naive)
                    .single()
                    .unwrap_or_else(|| offset.from_utc_datetime(&naive));
                let text = notes(&j.title, &j.body);
                let mut e = Entry::new(twins.id("jrnl", when, &text), when);
                e.notes = text;
                e.tags = j
                    .tags
                    .iter()
                    .map(|t| t.trim_start_matches('@').to_owned())
                    .filter(|t| !t.is_empty())
                    .collect();
                if j.starred {
                    e.tags.push("starred".into());
                }
                out.push(e);
            }
            out
        }
        Source::TuiJournal => {
            let entries: Vec<TuiJournalEntry> = match shape.array {
                true => serde_json::from_slice(bytes).map_err(|e| at(&e))?,
                false => {
                    serde_json::from_slice::<TuiJournalFile>(bytes)
                        .map_err(|e| at(&e))?
                        .entries
                }
            };
            let mut twins = Twins::default();
            entries
                .into_iter()
                .map(|t| {
                    let text = notes(&t.title, &t.content);
                    let key = format!(
                        "{}\n{}",
                        t.id.map(|i| i.to_string()).unwrap_or_default(),
                        text
                    );
                    let mut e = Entry::new(twins.id("tuijournal", t.date, &key), t.date);
                    e.notes = text;
                    e.tags = t
                        .tags
                        .into_iter()
                        .filter(|x| !x.trim().is_empty())
                        .collect();
                    if let Some(p) = t.priority {
                        e.extra.insert("priority".into(), serde_json::json!(p));
                    }
                    e
                })
                .collect()
        }
    };
    Ok((source, entries))
}

/// Entries of `incoming` whose ids are not in `existing`, and how many were already there.
pub fn new_ones(
    incoming: Vec<Entry>,
    existing: &std::collections::HashSet<String>,
) -> (Vec<Entry>, usize) {
    let mut seen = std::collections::HashSet::new();
    let total = incoming.len();
    let fresh: Vec<Entry> = incoming
        .into_iter()
        .filter(|e| !existing.contains(e.id.as_str()) && seen.insert(e.id.to_string()))
        .collect();
    let skipped = total - fresh.len();
    (fresh, skipped)
}

/// Entries by the day they belong to.
pub fn by_day(entries: Vec<Entry>) -> BTreeMap<NaiveDate, Vec<Entry>> {
    let mut out: BTreeMap<NaiveDate, Vec<Entry>> = BTreeMap::new();
    for e in entries {
        out.entry(e.date).or_default().push(e);
    }
    out
}
