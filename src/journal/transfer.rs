//! Moving entries in and out: closer's own lossless JSON export, and reading the JSON of jrnl
//! (`jrnl --export json`) and of tui-journal. Pure: bytes in, entries out.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};

use super::{Entry, EntryId};

mod stream;

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

/// Each of the shapes is read with [`ShapeOf`].
macro_rules! read_as_shape {
    ($($t:ty),*) => {$(
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                d.deserialize_any(ShapeOf::<$t>(std::marker::PhantomData))
            }
        }
    )*};
}

read_as_shape!(Keys, First, Text, Shape);

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
/// would otherwise share one id, and the second be dropped as "already in the journal". The
/// first keeps the plain id (what an entry without a twin gets, so a file imported again is
/// recognised); each twin after it, in the file's order, adds `-2`, `-3`…, the same every
/// time the file is read.
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

/// The tag jrnl's star becomes: closer has no star, and a jrnl tag `@starred` is the tag
/// "starred" (see [`closer_tag`]), so the star needs a tag of its own.
pub const JRNL_STAR_TAG: &str = "starred-in-jrnl";

/// A tag of another program as a closer tag, by the rule of tags typed in a check-in: trimmed,
/// without the tag signs before it (jrnl's `@` and `#`, closer's `#`), never empty. So jrnl's
/// `@sam` (or `#sam`) is the tag "sam", the same as "sam" or "#sam" typed in closer.
pub fn closer_tag(tag: &str) -> Option<String> {
    let t = tag.trim().trim_start_matches(['@', '#']).trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// What an import changed on the way in, in words, for the person to read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// The file's text encoding, when it was not UTF-8 ("UTF-16 LE").
    pub encoding: Option<&'static str>,
    /// How many entries were starred (jrnl), now tagged [`JRNL_STAR_TAG`].
    pub starred: usize,
    /// The first tag that lost its sign, as it was and as it is (`@sam`, `sam`).
    pub unsigned: Option<(String, String)>,
    /// How many tags lost their sign.
    pub unsigned_count: usize,
    /// How many tags were left out as repeats within their entry.
    pub repeated_tags: usize,
    /// How many entries share their minute with one before them in the file (jrnl), and so
    /// were put a millisecond after it to keep the file's order.
    pub same_time: usize,
}

impl Changes {
    /// One line per change, for the person to read; none when nothing changed.
    pub fn lines(&self) -> Vec<String> {
        let n =
            |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
        let mut out = Vec::new();
        if let Some(enc) = self.encoding {
            out.push(format!("The file is {enc}; it was read as such."));
        }
        if self.starred > 0 {
            out.push(format!(
                "{} starred in jrnl {} the tag \"{JRNL_STAR_TAG}\" (closer has no star; a jrnl \
                 tag @starred is the tag \"starred\").",
                n(self.starred, "entry", "entries"),
                if self.starred == 1 { "has" } else { "have" }
            ));
        }
        if let Some((from, to)) = &self.unsigned {
            out.push(format!(
                "{} without {} sign, as tags typed in closer: {from} is \"{to}\".",
                n(self.unsigned_count, "tag is", "tags are"),
                if self.unsigned_count == 1 {
                    "its"
                } else {
                    "their"
                }
            ));
        }
        if self.repeated_tags > 0 {
            out.push(format!(
                "{} repeated within an entry {} kept once.",
                n(self.repeated_tags, "tag", "tags"),
                if self.repeated_tags == 1 { "is" } else { "are" }
            ));
        }
        if self.same_time > 0 {
            out.push(format!(
                "{} written in the same minute as the one before {} a millisecond after it, \
                 to keep the file's order.",
                n(self.same_time, "entry", "entries"),
                if self.same_time == 1 { "is" } else { "are" }
            ));
        }
        out
    }

    /// `tags` as closer tags, counting what changed.
    fn tags(&mut self, tags: impl IntoIterator<Item = String>) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for raw in tags {
            let Some(t) = closer_tag(&raw) else {
                continue;
            };
            if t != raw.trim() {
                self.unsigned_count += 1;
                self.unsigned
                    .get_or_insert_with(|| (raw.trim().to_owned(), t.clone()));
            }
            if out.contains(&t) {
                self.repeated_tags += 1;
            } else {
                out.push(t);
            }
        }
        out
    }
}

/// Puts each entry that has the creation time of one before it in the file a millisecond
/// after the last of them, given the entries in the file's order: closer orders a day's
/// entries by creation time, then id, and ids made from the text would otherwise decide (jrnl
/// gives minutes only, and every entry made with a date and no time the same 09:00). The ids
/// stay as they were.
#[derive(Default)]
struct FileOrder {
    seen: std::collections::HashMap<DateTime<FixedOffset>, u32>,
    /// How many were moved.
    moved: usize,
}

impl FileOrder {
    fn keep(&mut self, e: &mut Entry) {
        let k = self.seen.entry(e.created_at).or_insert(0);
        if *k > 0 {
            let later = e.created_at + chrono::Duration::milliseconds(i64::from(*k));
            e.created_at = later;
            e.updated_at = later;
            self.moved += 1;
        }
        *k += 1;
    }
}

/// The text of a file's bytes as UTF-8: a UTF-8 byte-order mark left off, UTF-16 with a
/// byte-order mark (what Windows PowerShell 5.1 writes for `jrnl --export json > file`)
/// decoded; any other encoding said by name.
fn as_utf8(
    bytes: &[u8],
) -> Result<(std::borrow::Cow<'_, [u8]>, Option<&'static str>), ImportError> {
    use std::borrow::Cow;
    if bytes.starts_with(b"\xFF\xFE\0\0") || bytes.starts_with(b"\0\0\xFE\xFF") {
        return Err(ImportError::Unknown(
            "the file is UTF-32; save it as UTF-8 and import it again".into(),
        ));
    }
    let utf16 = |big: bool, name: &'static str| {
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| match (c, big) {
                ([a, b], false) => u16::from_le_bytes([*a, *b]),
                ([a, b], true) => u16::from_be_bytes([*a, *b]),
                _ => 0xFFFD,
            })
            .collect();
        String::from_utf16(&units)
            .map(|t| (Cow::Owned(t.into_bytes()), Some(name)))
            .map_err(|_| {
                ImportError::Unknown(format!(
                    "the file starts as {name} but is not valid {name} throughout; save it as \
                     UTF-8 and import it again"
                ))
            })
    };
    if bytes.starts_with(b"\xFF\xFE") {
        return utf16(false, "UTF-16 LE");
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return utf16(true, "UTF-16 BE");
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // UTF-16 without a byte-order mark: a zero byte beside each character of the first ones.
    if bytes.len() >= 4 && (bytes[1] == 0 && bytes[3] == 0 || bytes[0] == 0 && bytes[2] == 0) {
        return Err(ImportError::Unknown(
            "the file looks like UTF-16 without a byte-order mark; save it as UTF-8 and import \
             it again"
                .into(),
        ));
    }
    Ok((Cow::Borrowed(bytes), None))
}

/// What a file that is not JSON is told.
const NOT_JSON: &str = "it is not JSON; closer imports closer's JSON export (closer export \
                        --format json), jrnl's (jrnl --export json) or tui-journal's file";

/// Reads a file's bytes: closer's export, jrnl's or tui-journal's JSON. `offset_at` gives the
/// local offset for a local time (jrnl's times have none).
pub fn read(
    bytes: &[u8],
    offset_at: &dyn Fn(NaiveDateTime) -> FixedOffset,
) -> Result<(Source, Vec<Entry>), ImportError> {
    read_noting(bytes, offset_at).map(|(source, entries, _)| (source, entries))
}

/// [`read`], and what was changed on the way in ([`Changes`]).
pub fn read_noting(
    bytes: &[u8],
    offset_at: &dyn Fn(NaiveDateTime) -> FixedOffset,
) -> Result<(Source, Vec<Entry>, Changes), ImportError> {
    let mut entries = Vec::new();
    let (source, changes) = read_each(bytes, offset_at, &mut |e| entries.push(e))?;
    Ok((source, entries, changes))
}

/// [`read_noting`], giving each entry to `each` in the file's order as it is read instead of
/// keeping them all: an import holds a window of them at a time. The file is checked as
/// [`read_noting`] checks it, with the same errors; but `each` may have been given entries of
/// a file found bad after them, so a caller that must not act on a bad file reads it twice,
/// the first time to check it (the second gives the same entries).
pub fn read_each(
    bytes: &[u8],
    offset_at: &dyn Fn(NaiveDateTime) -> FixedOffset,
    each: &mut dyn FnMut(Entry),
) -> Result<(Source, Changes), ImportError> {
    let (text, encoding) = as_utf8(bytes)?;
    let bytes: &[u8] = &text;
    let mut changes = Changes {
        encoding,
        ..Changes::default()
    };
    match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
        None => return Err(ImportError::Unknown("the file is empty".into())),
        Some(b'{' | b'[') => {}
        Some(_) => return Err(ImportError::Unknown(NOT_JSON.into())),
    }
    let shape: Shape = serde_json::from_slice(bytes).map_err(|e| at(&e))?;
    let Some(source) = sniff(&shape) else {
        return Err(ImportError::Unknown(
            "this is JSON, but not an export closer knows: expected closer's own export \
             (closer export --format json), jrnl's (jrnl --export json) or tui-journal's file"
                .into(),
        ));
    };
    // The first entry that cannot be made one of closer's, told once the whole file is known
    // to be valid JSON of the right kinds (as when it was read whole first).
    let mut failed: Option<ImportError> = None;
    match source {
        Source::Closer => {
            let mut header = stream::Header::default();
            stream::entries::<Entry>(bytes, false, Some(&mut header), each).map_err(|e| at(&e))?;
            if header.version > VERSION {
                return Err(ImportError::Unknown(format!(
                    "this export is version {}, newer than this closer reads ({VERSION}); update closer",
                    header.version
                )));
            }
        }
        // An array whose first item looks like jrnl's: not jrnl's export, which is an object
        // (read as one, an array is a struct's fields in order: its first, `entries`, is not
        // a list).
        Source::Jrnl if shape.array => {
            return Err(match serde_json::from_slice::<(Vec<IgnoredAny>,)>(bytes) {
                Err(e) => at(&e),
                Ok(_) => ImportError::Unknown(NOT_JSON.into()),
            });
        }
        Source::Jrnl => {
            let mut twins = Twins::default();
            let mut order = FileOrder::default();
            stream::entries::<JrnlEntry>(bytes, false, None, &mut |j| {
                if failed.is_some() {
                    return;
                }
                match jrnl_entry(j, offset_at, &mut twins, &mut changes) {
                    Ok(mut e) => {
                        order.keep(&mut e);
                        each(e);
                    }
                    Err(why) => failed = Some(why),
                }
            })
            .map_err(|e| at(&e))?;
            changes.same_time = order.moved;
        }
        Source::TuiJournal => {
            let mut twins = Twins::default();
            stream::entries::<TuiJournalEntry>(bytes, shape.array, None, &mut |t| {
                each(tui_journal_entry(t, &mut twins, &mut changes));
            })
            .map_err(|e| at(&e))?;
        }
    }
    match failed {
        Some(why) => Err(why),
        None => Ok((source, changes)),
    }
}

/// A jrnl entry as closer's.
fn jrnl_entry(
    j: JrnlEntry,
    offset_at: &dyn Fn(NaiveDateTime) -> FixedOffset,
    twins: &mut Twins,
    changes: &mut Changes,
) -> Result<Entry, ImportError> {
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
    e.tags = changes.tags(j.tags).into();
    if j.starred {
        changes.starred += 1;
        if !e.tags.iter().any(|t| t == JRNL_STAR_TAG) {
            e.tags.push(JRNL_STAR_TAG.into());
        }
    }
    Ok(e)
}

/// A tui-journal entry as closer's.
fn tui_journal_entry(t: TuiJournalEntry, twins: &mut Twins, changes: &mut Changes) -> Entry {
    let text = notes(&t.title, &t.content);
    let key = format!(
        "{}\n{}",
        t.id.map(|i| i.to_string()).unwrap_or_default(),
        text
    );
    let mut e = Entry::new(twins.id("tuijournal", t.date, &key), t.date);
    e.notes = text;
    e.tags = changes.tags(t.tags).into();
    if let Some(p) = t.priority {
        e.extra.insert("priority".into(), serde_json::json!(p));
    }
    e
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
