//! Every file closer writes is a JSON object with a `schema` version beside its body.
//!
//! Reading checks the version before the body, so a file from a newer closer is reported (and
//! left alone) rather than misread, and a malformed file is reported with its line and column.

use std::collections::BTreeMap;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::error::StoreError;
use super::{SCHEMA, SCHEMA_PLAIN};

#[derive(Deserialize)]
struct SchemaOnly {
    schema: Option<serde_json::Value>,
}

#[derive(Serialize)]
struct Out<'a, T: Serialize> {
    schema: u32,
    #[serde(flatten)]
    body: &'a T,
}

/// The fields of a file's object (at its top level) that this closer does not know, kept as
/// they were so that rewriting the file never drops them: a newer closer, or another tool,
/// may have written them without changing the `schema` version. The version itself is never
/// one of them: it is read and written by the envelope.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Unknown(pub BTreeMap<String, serde_json::Value>);

impl Unknown {
    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Adds the fields of `other` this one does not have (a merge of two versions of a file).
    pub fn add_missing(&mut self, other: &Unknown) {
        for (k, v) in &other.0 {
            self.0.entry(k.clone()).or_insert_with(|| v.clone());
        }
    }

    /// Keeps `key` and its value, unless it is the envelope's version.
    pub fn keep(&mut self, key: String, value: serde_json::Value) {
        if key != "schema" {
            self.0.insert(key, value);
        }
    }
}

impl Serialize for Unknown {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(None)?;
        for (k, v) in self.0.iter().filter(|(k, _)| *k != "schema") {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Unknown {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut all = BTreeMap::<String, serde_json::Value>::deserialize(d)?;
        all.remove("schema");
        Ok(Unknown(all))
    }
}

/// Encodes `body` with schema 1 ([`SCHEMA_PLAIN`]), pretty-printed with a final newline.
pub fn encode<T: Serialize>(path: &Path, body: &T) -> Result<Vec<u8>, StoreError> {
    encode_as(path, body, SCHEMA_PLAIN)
}

/// Encodes `body` with the schema version `schema` (2 for what holds episodes or predictions).
pub fn encode_as<T: Serialize>(path: &Path, body: &T, schema: u32) -> Result<Vec<u8>, StoreError> {
    let mut bytes =
        serde_json::to_vec_pretty(&Out { schema, body }).map_err(|e| StoreError::Encode {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Decodes a file's bytes: checks the schema, then the body.
pub fn decode<T: DeserializeOwned>(path: &Path, bytes: &[u8]) -> Result<T, StoreError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let malformed = |e: serde_json::Error| StoreError::Malformed {
        path: path.to_owned(),
        line: e.line(),
        column: e.column(),
        message: plain_json_error(&e),
    };
    let first = bytes.iter().position(|b| !b.is_ascii_whitespace());
    if let Some(i) = first.filter(|&i| bytes[i] != b'{') {
        let before = &bytes[..i];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = i - before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |n| n + 1)
            + 1;
        return Err(StoreError::Malformed {
            path: path.to_owned(),
            line,
            column,
            message: "it is not a JSON object".to_owned(),
        });
    }
    // closer writes the version first: read it without a full pass over the file.
    let schema = match leading_schema(bytes) {
        Some(n) => Some(serde_json::Value::from(n)),
        None => {
            let head: SchemaOnly = serde_json::from_slice(bytes).map_err(malformed)?;
            head.schema
        }
    };
    match schema {
        None => {
            return Err(StoreError::Malformed {
                path: path.to_owned(),
                line: 1,
                column: 1,
                message: "it has no \"schema\" version".to_owned(),
            });
        }
        Some(serde_json::Value::Number(n)) => match n.as_u64() {
            Some(found) if found > u64::from(SCHEMA) => {
                return Err(StoreError::NewerSchema {
                    path: path.to_owned(),
                    found,
                });
            }
            Some(found) if found >= 1 => {}
            _ => {
                return Err(StoreError::Malformed {
                    path: path.to_owned(),
                    line: 1,
                    column: 1,
                    message: format!("its \"schema\" version {n} is not one closer knows"),
                });
            }
        },
        Some(other) => {
            return Err(StoreError::Malformed {
                path: path.to_owned(),
                line: 1,
                column: 1,
                message: format!("its \"schema\" version {other} is not a number"),
            });
        }
    }
    serde_json::from_slice(bytes).map_err(malformed)
}

/// The `schema` number when it is the object's first key (as closer writes it).
fn leading_schema(bytes: &[u8]) -> Option<u64> {
    let mut rest = bytes
        .trim_ascii_start()
        .strip_prefix(b"{")?
        .trim_ascii_start();
    rest = rest.strip_prefix(b"\"schema\"")?.trim_ascii_start();
    rest = rest.strip_prefix(b":")?.trim_ascii_start();
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    let after = rest.get(digits..)?.trim_ascii_start();
    if digits == 0 || digits > 9 || !matches!(after.first(), Some(b',' | b'}')) {
        return None;
    }
    std::str::from_utf8(&rest[..digits]).ok()?.parse().ok()
}

/// serde_json's message without its trailing " at line L column C" (we say that ourselves).
fn plain_json_error(e: &serde_json::Error) -> String {
    if e.is_eof() {
        return "the file ends too soon (it may have been cut off)".to_owned();
    }
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Body {
        n: u8,
    }

    fn p() -> PathBuf {
        PathBuf::from("/x/y.json")
    }

    #[test]
    fn round_trip_carries_the_schema() {
        let bytes = encode(&p(), &Body { n: 3 }).unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(text.starts_with("{\n  \"schema\": 1,"), "{text}");
        assert!(text.ends_with("}\n"));
        assert_eq!(decode::<Body>(&p(), &bytes).unwrap(), Body { n: 3 });
    }

    #[test]
    fn newer_schema_is_reported_not_read() {
        let newer = SCHEMA + 1;
        let file = format!(r#"{{"schema": {newer}, "n": 3}}"#);
        let err = decode::<Body>(&p(), file.as_bytes()).unwrap_err();
        assert!(
            matches!(err, StoreError::NewerSchema { found, .. } if found == u64::from(newer)),
            "{err}"
        );
    }

    #[test]
    fn malformed_files_name_line_and_column() {
        let err = decode::<Body>(&p(), b"{\"schema\": 1,\n \"n\": }").unwrap_err();
        match err {
            StoreError::Malformed { line, column, .. } => assert_eq!((line, column), (2, 7)),
            other => panic!("{other}"),
        }
        let err = decode::<Body>(&p(), b"{\"schema\": 1,\n\n \"n\": 300}").unwrap_err();
        assert!(
            matches!(err, StoreError::Malformed { line: 3, .. }),
            "{err}"
        );
        for bad in [
            &b""[..],
            b"\0\x01garbage",
            b"{\"n\": 1}",
            b"{\"schema\": \"1\", \"n\": 1}",
            b"[1]",
        ] {
            assert!(matches!(
                decode::<Body>(&p(), bad),
                Err(StoreError::Malformed { .. })
            ));
        }
    }

    #[test]
    fn the_version_is_read_from_the_front_when_it_is_there() {
        assert_eq!(leading_schema(b"{\n  \"schema\": 1,\n  \"x\": 2}"), Some(1));
        assert_eq!(leading_schema(b" {\"schema\":12}"), Some(12));
        assert_eq!(
            leading_schema(b"{\"x\": 1, \"schema\": 1}"),
            None,
            "not first: the slow way"
        );
        assert_eq!(leading_schema(b"{\"schema\": 1.5}"), None);
        assert_eq!(leading_schema(b"{\"schema\": \"1\"}"), None);
        assert_eq!(leading_schema(b"[1]"), None);
        // Both ways agree.
        let late = decode::<Body>(&p(), br#"{"n": 3, "schema": 1}"#).unwrap();
        assert_eq!(late, Body { n: 3 });
        assert!(matches!(
            decode::<Body>(&p(), br#"{"n": 3, "schema": 9}"#),
            Err(StoreError::NewerSchema { found: 9, .. })
        ));
    }

    #[test]
    fn a_utf8_bom_is_tolerated() {
        let body: Body = decode(&p(), b"\xEF\xBB\xBF{\"schema\": 1, \"n\": 4}").unwrap();
        assert_eq!(body, Body { n: 4 });
    }
}
