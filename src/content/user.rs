//! The person's own prompts and strategies: `prompts.toml` and `strategies.toml` in closer's
//! config folder, in the same format as the bundled files. An item with a bundled item's id
//! replaces it; a new id adds one. A file or item that is wrong is reported with its file and
//! line and left out; everything else keeps working.

use std::collections::{HashMap, HashSet};
use std::io;
use std::path::Path;

use super::model::{Prompt, Strategy};
use super::validate::{Finding, check_prompt, check_strategy};
use super::{Catalog, ContentError};

/// The file of the person's own prompts.
pub const PROMPTS_FILE: &str = "prompts.toml";
/// The file of the person's own strategies.
pub const STRATEGIES_FILE: &str = "strategies.toml";

/// Reads a user file; `None` when it does not exist.
fn read(path: &Path) -> Result<Option<String>, ContentError> {
    match crate::files::read_regular_text(path, crate::files::CONTENT_CAP) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(ContentError {
            file: path.display().to_string(),
            line: None,
            column: None,
            message: format!("cannot be read: {e}"),
        }),
    }
}

/// The line of each `id = "…"` in `text` (the first, where an id is written twice), found in
/// one pass; looking each one up in the whole text made a file of many problems quadratic.
fn id_lines(text: &str) -> HashMap<&str, usize> {
    let mut lines = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        let l = line.trim();
        let Some(rest) = l.strip_prefix("id") else {
            continue;
        };
        let Some(value) = rest.trim_start().strip_prefix('=') else {
            continue;
        };
        let value = value.trim();
        if let Some(id) = value.strip_prefix('"').and_then(|v| v.split('"').next()) {
            lines.entry(id).or_insert(n + 1);
        }
    }
    lines
}

fn errors_of(
    path: &Path,
    lines: &HashMap<&str, usize>,
    findings: Vec<Finding>,
) -> Vec<ContentError> {
    findings
        .into_iter()
        .map(|f| ContentError {
            file: path.display().to_string(),
            line: lines.get(f.id.as_str()).copied(),
            column: None,
            message: format!("{} \"{}\" {}; it is left out", f.kind, f.id, f.message),
        })
        .collect()
}

/// An item kind the person may add: its file holds `[[KIND]]` tables.
trait UserItem: Sized + serde::de::DeserializeOwned {
    const KIND: &'static str;
    const FILE: &'static str;
    fn id(&self) -> &str;
    fn check(&self, catalog: &Catalog) -> Vec<Finding>;
    fn list(catalog: &mut Catalog) -> &mut Vec<Self>;
}

impl UserItem for Strategy {
    const KIND: &'static str = "strategy";
    const FILE: &'static str = STRATEGIES_FILE;
    fn id(&self) -> &str {
        &self.id
    }
    fn check(&self, catalog: &Catalog) -> Vec<Finding> {
        check_strategy(catalog, self)
    }
    fn list(catalog: &mut Catalog) -> &mut Vec<Self> {
        &mut catalog.strategies
    }
}

impl UserItem for Prompt {
    const KIND: &'static str = "prompt";
    const FILE: &'static str = PROMPTS_FILE;
    fn id(&self) -> &str {
        &self.id
    }
    fn check(&self, catalog: &Catalog) -> Vec<Finding> {
        check_prompt(catalog, self)
    }
    fn list(catalog: &mut Catalog) -> &mut Vec<Self> {
        &mut catalog.prompts
    }
}

fn merge_file<T: UserItem>(catalog: &mut Catalog, dir: &Path, errors: &mut Vec<ContentError>) {
    let path = dir.join(T::FILE);
    let text = match read(&path) {
        Err(e) => return errors.push(e),
        Ok(None) => return,
        Ok(Some(text)) => text,
    };
    // Every mistake of the file at once: each syntax mistake (then nothing of it is used),
    // and each item's own, the items without one kept.
    let file = path.display().to_string();
    let (items, mistakes) = crate::toml_text::items::<T>(&text, T::KIND);
    errors.extend(mistakes.into_iter().map(|m| ContentError::of(&file, m)));
    // Linear in the file: ids seen, lines of ids and places in the list are looked up, not
    // searched for (thousands of items took minutes).
    let lines = id_lines(&text);
    let mut seen: HashSet<String> = HashSet::new();
    let mut places: HashMap<String, usize> = T::list(catalog)
        .iter()
        .enumerate()
        .map(|(i, item)| (item.id().to_owned(), i))
        .collect();
    for (item, _) in items {
        let mut findings = item.check(catalog);
        if !seen.insert(item.id().to_owned()) {
            findings.push(Finding {
                kind: T::KIND,
                id: item.id().to_owned(),
                message: "is defined twice in this file".into(),
            });
        }
        if !findings.is_empty() {
            errors.extend(errors_of(&path, &lines, findings));
            continue;
        }
        let list = T::list(catalog);
        match places.get(item.id()) {
            Some(&i) => list[i] = item,
            None => {
                places.insert(item.id().to_owned(), list.len());
                list.push(item);
            }
        }
    }
}

/// Merges the person's files in `dir` over `catalog`. Returns every problem found; the
/// catalog holds every item that was fine. Strategies go first, so prompts may be checked
/// against the merged set.
pub fn merge(catalog: &mut Catalog, dir: &Path) -> Vec<ContentError> {
    let mut errors = Vec::new();
    merge_file::<Strategy>(catalog, dir, &mut errors);
    merge_file::<Prompt>(catalog, dir, &mut errors);
    errors
}
