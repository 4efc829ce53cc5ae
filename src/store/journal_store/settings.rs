//! The draft and the preferences: the check-in in progress, set aside or discarded, and
//! `state.json` with the person's own words (sealed in an encrypted journal), renamed in
//! past entries when they ask.

use super::*;
use crate::journal::draft::CheckInDraft;

/// Where `state.json` of an encrypted journal keeps the person's own words (their trigger
/// and feeling names): a list of armored age texts, each a JSON [`Words`].
pub(super) const SEALED_WORDS: &str = "sealed_words";

/// A check-in that could not be saved ([`Store::save_check_in`]).
#[derive(Debug)]
pub struct NotSaved {
    /// Why its entry could not be written.
    pub error: StoreError,
    /// Whether it is kept as the draft instead.
    pub kept_as_draft: bool,
}

/// The person's own words kept in the preferences.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub(super) struct Words {
    #[serde(default)]
    custom_triggers: Vec<String>,
    #[serde(default)]
    custom_feelings: Vec<String>,
}

/// In an encrypted journal, moves the person's own words out of `prefs` into
/// [`SEALED_WORDS`]: unlocked, every sealed text and the lists become one; locked (a check-in
/// written without unlocking), the new words are added as one more sealed text, as the old
/// ones cannot be read.
pub(super) fn seal_words(layout: &Layout, prefs: &mut Preferences) -> Result<(), StoreError> {
    if !crate::store::crypto::is_encrypted(layout) {
        return Ok(());
    }
    let mut words = Words {
        custom_triggers: std::mem::take(&mut prefs.custom_triggers),
        custom_feelings: std::mem::take(&mut prefs.custom_feelings),
    };
    let mut sealed: Vec<serde_json::Value> = match prefs.extra.remove(SEALED_WORDS) {
        Some(serde_json::Value::Array(list)) => list,
        _ => Vec::new(),
    };
    if crate::store::crypto::is_unlocked(layout) {
        for text in sealed.drain(..) {
            if let Some(old) = open_words(layout, &text)? {
                union(&mut words.custom_triggers, old.custom_triggers);
                union(&mut words.custom_feelings, old.custom_feelings);
            }
        }
    }
    if !words.custom_triggers.is_empty() || !words.custom_feelings.is_empty() {
        let json = zeroize::Zeroizing::new(serde_json::to_vec(&words).map_err(|e| {
            StoreError::Encode {
                path: layout.state_file(),
                message: e.to_string(),
            }
        })?);
        if let Some(text) = crate::store::crypto::seal_text(layout, &json)? {
            sealed.push(serde_json::Value::String(text));
        }
    }
    if !sealed.is_empty() {
        prefs
            .extra
            .insert(SEALED_WORDS.to_owned(), serde_json::Value::Array(sealed));
    }
    Ok(())
}

pub(super) fn open_words(
    layout: &Layout,
    text: &serde_json::Value,
) -> Result<Option<Words>, StoreError> {
    let Some(text) = text.as_str() else {
        return Ok(None);
    };
    Ok(crate::store::crypto::open_text(layout, text)?
        .and_then(|plain| serde_json::from_slice::<Words>(&plain).ok()))
}

pub(super) fn union(into: &mut Vec<String>, more: Vec<String>) {
    for w in more {
        if !into.contains(&w) {
            into.push(w);
        }
    }
}

/// The preferences in the data folder at `layout`, without opening (or creating) it; defaults
/// when there is no state file. In an encrypted journal that is unlocked, the person's own
/// words are read from where they are sealed; locked, they stay sealed.
pub fn read_preferences(layout: &Layout) -> Result<Preferences, StoreError> {
    match scan::read_json::<Preferences>(layout, &layout.state_file()) {
        Ok(mut prefs) => {
            // The envelope's version is not a preference; it is written afresh on save.
            prefs.extra.remove("schema");
            if crate::store::crypto::is_unlocked(layout)
                && let Some(serde_json::Value::Array(list)) = prefs.extra.remove(SEALED_WORDS)
            {
                for text in &list {
                    if let Some(words) = open_words(layout, text)? {
                        union(&mut prefs.custom_triggers, words.custom_triggers);
                        union(&mut prefs.custom_feelings, words.custom_feelings);
                    }
                }
            }
            Ok(prefs)
        }
        Err(StoreError::Read { cause, .. }) if cause.kind() == io::ErrorKind::NotFound => {
            Ok(Preferences::default())
        }
        Err(e) => Err(e),
    }
}

impl Store {
    /// Saves the preferences with the person's own words in plain text, even in an
    /// encrypted journal (`closer decrypt`, just before the key is removed).
    pub(crate) fn save_preferences_plain(&self, prefs: &Preferences) -> Result<(), StoreError> {
        self.writable()?;
        let path = self.layout.state_file();
        let mut prefs = prefs.clone();
        prefs.extra.remove(SEALED_WORDS);
        let bytes = envelope::encode(&path, &prefs)?;
        self.write_plain_file(&path, &bytes)
    }

    /// Writes the check-in in progress to `drafts/current.json`.
    pub fn save_draft<T: Serialize>(
        &self,
        draft: &T,
        now: DateTime<FixedOffset>,
    ) -> Result<(), StoreError> {
        self.writable()?;
        let path = self.layout.draft_file();
        let draft = serde_json::to_value(draft).map_err(|e| StoreError::Encode {
            path: path.clone(),
            message: e.to_string(),
        })?;
        // A draft with episodes or predictions, or on their steps, is one a closer before
        // schema 2 cannot read whole.
        let new_kind = ["episodes", "predictions"].iter().any(|k| {
            draft
                .get(k)
                .and_then(|v| v.as_array())
                .is_some_and(|a| !a.is_empty())
                || draft.get("step").and_then(|v| v.as_str()) == Some(k)
        });
        // A moment whose repair holds a strategy and own words needs schema 3.
        let both = draft
            .get("episodes")
            .and_then(|v| v.as_array())
            .is_some_and(|eps| {
                eps.iter().any(|ep| {
                    ep.get("repair")
                        .is_some_and(|r| r.get("strategy").is_some() && r.get("own").is_some())
                })
            });
        // A debrief or a thought check, in the draft or as what it is for, needs schema 4.
        let fourth = ["debriefs", "thoughts"].iter().any(|k| {
            draft
                .get(k)
                .and_then(|v| v.as_array())
                .is_some_and(|a| !a.is_empty())
        }) || draft.get("flow").is_some();
        // A bid, a time-out, a ladder or a prediction of a ladder's step needs schema 5, and
        // so does a draft begun for one of them.
        let fifth = ["bids", "time_outs", "ladders", "week_reviews"]
            .iter()
            .any(|k| {
                draft
                    .get(k)
                    .and_then(|v| v.as_array())
                    .is_some_and(|a| !a.is_empty())
            })
            || draft
                .get("predictions")
                .and_then(|v| v.as_array())
                .is_some_and(|ps| ps.iter().any(|p| p.get("step").is_some()))
            || draft
                .get("flow")
                .and_then(|v| v.as_str())
                .is_some_and(|f| ["bid", "time-out", "ladder", "brave-step", "week"].contains(&f));
        // A check-in for an earlier day, written later, needs schema 6.
        let sixth = draft.get("written_on").is_some_and(|v| !v.is_null());
        let schema = if sixth {
            6
        } else if fifth {
            5
        } else if fourth {
            4
        } else if both {
            3
        } else if new_kind {
            2
        } else {
            crate::store::SCHEMA_PLAIN
        };
        // What this closer does not know beside the check-in in the draft it replaces is kept
        // (inside the check-in, the draft's own type keeps it).
        let unknown = scan::read_json::<DraftBody>(&self.layout, &path)
            .map(|old| old.unknown)
            .unwrap_or_default();
        let bytes = envelope::encode_as(
            &path,
            &DraftBody {
                saved_at: now,
                draft,
                unknown,
            },
            schema,
        )?;
        self.write_file(&path, bytes)
    }

    /// Saves a check-in as its entry (see [`CheckInDraft::finish`], saved at `now`) with
    /// [`Store::save_entry`], then throws its draft away: the entry is safe, and a draft left
    /// behind would only be offered again. The terminal interface and the plain check-in both
    /// save this way. Returns the entry saved.
    ///
    /// # Errors
    /// [`NotSaved`]: why the entry could not be written, and whether the check-in was kept
    /// as the draft instead (so nothing typed is lost).
    pub fn save_check_in(
        &self,
        draft: &CheckInDraft,
        now: DateTime<FixedOffset>,
    ) -> Result<Entry, NotSaved> {
        let entry = draft.finish(now);
        match self.save_entry(&entry) {
            Ok(()) => {
                let _ = self.discard_draft();
                Ok(entry)
            }
            Err(error) => Err(NotSaved {
                error,
                kept_as_draft: self.save_draft(draft, now).is_ok(),
            }),
        }
    }

    /// The check-in in progress, if there is one.
    pub fn load_draft<T: DeserializeOwned>(&self) -> Result<Option<T>, StoreError> {
        let path = self.layout.draft_file();
        let body: DraftBody = match scan::read_json(&self.layout, &path) {
            Ok(body) => body,
            Err(StoreError::Read { cause, .. }) if cause.kind() == io::ErrorKind::NotFound => {
                return Ok(None);
            }
            Err(e) => return Err(e),
        };
        serde_json::from_value(body.draft)
            .map(Some)
            .map_err(|e| StoreError::Malformed {
                path,
                line: 1,
                column: 1,
                message: format!("its check-in cannot be read: {e}"),
            })
    }

    /// Moves an unreadable draft aside (`drafts/unreadable-<when>.json`), so the next draft
    /// does not overwrite it. Returns where it went.
    pub fn set_aside_draft(&self, now: DateTime<FixedOffset>) -> Result<PathBuf, StoreError> {
        self.writable()?;
        let from = self.layout.draft_file();
        let to = self.layout.drafts_dir().join(format!(
            "unreadable-{}.json",
            now.format("%Y%m%dT%H%M%S%.3f")
        ));
        fs::rename(&from, &to).map_err(|e| StoreError::write(&from, e))?;
        atomic::sync_dir(&self.layout.drafts_dir()).map_err(|e| StoreError::write(&to, e))?;
        Ok(to)
    }

    /// Throws the draft away (after its entry was saved, or when the person discards it).
    pub fn discard_draft(&self) -> Result<(), StoreError> {
        self.writable()?;
        let path = self.layout.draft_file();
        match atomic::remove(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(StoreError::write(&path, e)),
        }
    }

    /// The saved preferences; defaults when there is no state file yet.
    pub fn load_preferences(&self) -> Result<Preferences, StoreError> {
        read_preferences(&self.layout)
    }

    /// Saves the preferences. Refuses when the state file exists but cannot be read, so it is
    /// never overwritten.
    pub fn save_preferences(&self, prefs: &Preferences) -> Result<(), StoreError> {
        self.writable()?;
        let path = self.layout.state_file();
        if path.exists()
            && let Err(err) = scan::read_json::<Preferences>(&self.layout, &path)
        {
            return Err(StoreError::DayBlocked {
                reason: crate::store::Problem::from_error(path.clone(), &err).reason(),
                path,
            });
        }
        let mut prefs = prefs.clone();
        seal_words(&self.layout, &mut prefs)?;
        let bytes = envelope::encode(&path, &prefs)?;
        self.write_plain_file(&path, &bytes)
    }

    /// Renames the person's own trigger `from` to `to` in every entry that names it (the same
    /// word ignoring case and surrounding spaces); an entry that names `to` already keeps one
    /// of the two, with both notes and the stronger intensity (a merge). Every day is read
    /// first and every changed day written to a temporary file beside it, then all are put in
    /// place together: a day that cannot be read, or a write that fails, changes nothing.
    /// Entries keep their `updated_at`. Returns how many entries changed.
    ///
    /// # Errors
    /// The journal is read-only or locked, a day cannot be read, or a day cannot be written
    /// (a rename that fails part way leaves each day whole, old or new).
    pub fn rename_custom_trigger(&self, from: &str, to: &str) -> Result<usize, StoreError> {
        use crate::journal::{Name, TriggerRef};
        self.writable()?;
        let same = |a: &str, b: &str| a.trim().to_lowercase() == b.trim().to_lowercase();
        let Ok(new) = Name::try_from(to.trim()) else {
            return Ok(0);
        };
        let mut changed_days = Vec::new();
        let mut changed = 0;
        for date in self.days_with_files() {
            let mut body = self.read_day_for_write(date)?;
            let mut touched = false;
            for entry in &mut body.entries {
                let names = |t: &crate::journal::TriggerLog, w: &str| matches!(&t.trigger, TriggerRef::Custom(n) if same(n.as_str(), w));
                if !entry.triggers.iter().any(|t| names(t, from)) {
                    continue;
                }
                let mut kept: Vec<crate::journal::TriggerLog> = Vec::new();
                for mut t in std::mem::take(&mut entry.triggers) {
                    if names(&t, from) || names(&t, to) {
                        t.trigger = TriggerRef::Custom(new.clone());
                        if let Some(first) = kept.iter_mut().find(|k| k.trigger == t.trigger) {
                            if !t.note.trim().is_empty() && first.note != t.note {
                                if !first.note.trim().is_empty() {
                                    first.note.push('\n');
                                }
                                first.note.push_str(&t.note);
                            }
                            first.intensity = first.intensity.max(t.intensity);
                            continue;
                        }
                    }
                    kept.push(t);
                }
                entry.triggers = kept.into();
                changed += 1;
                touched = true;
            }
            if touched {
                changed_days.push(body);
            }
        }
        let mut ready = Vec::new();
        let recipient = crate::store::crypto::journal_recipient(&self.layout)?;
        for body in changed_days {
            ready.push(self.day_to_temp(body, recipient.as_ref(), true)?);
        }
        let mut folders = std::collections::BTreeSet::new();
        for (temp, target, ..) in ready {
            temp.persist(&target)
                .map_err(|e| StoreError::write(&target, e.error))?;
            if let Some(dir) = target.parent() {
                folders.insert(dir.to_owned());
            }
        }
        for dir in folders {
            atomic::sync_dir(&dir).map_err(|e| StoreError::write(&dir, e))?;
        }
        Ok(changed)
    }
}
