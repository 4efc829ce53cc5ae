//! Restoring a backup: into an empty folder as it was, or merged into a journal, with what it
//! did or would do.

use super::*;

/// What restoring an archive did, or would do.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Restored {
    /// Whether the journal was empty (everything was put back as it was).
    pub into_empty: bool,
    /// Each entry added, updated, kept in two versions or left out, by day.
    pub changes: Vec<Changed>,
    /// The merged versions of the entries both had and that changed here (updated, or kept
    /// in two versions): what a restore writes for them (merged field by field, never
    /// the backup's version over the journal's).
    pub merged: Vec<Entry>,
    /// Trash records put back.
    pub trash: usize,
    /// Files of the config folder put back (only where there was none).
    pub config: Vec<String>,
    /// Whether the settings (`state.json`) were put back.
    pub settings: bool,
    /// Whether an unfinished check-in was put back.
    pub draft: bool,
    /// Whether the backup is encrypted and this journal is not, so what it adds is written
    /// here in plain text (only when allowed: see `declined`).
    pub decrypts: bool,
    /// Whether the backup is not encrypted and this journal is: what it adds is encrypted as
    /// it is written.
    pub encrypts: bool,
    /// Whether the backup's key came with it (an encrypted backup into an empty folder): the
    /// journal is encrypted as the backup was, and opens with the passphrase it had.
    pub key: bool,
    /// Whether nothing was written because writing the backup's entries in plain text was
    /// not allowed.
    pub declined: bool,
}

/// Restores `archive` into the journal of `store` (and the config files it carries into
/// `config_dir`, where there are none): reads and checks it whole ([`read_archive`]), then
/// [`restore_unpacked`].
///
/// # Errors
/// As [`read_archive`] and [`restore_unpacked`].
pub fn restore(
    store: &Store,
    archive: &Path,
    config_dir: Option<&Path>,
    dry_run: bool,
    passphrase: Option<&SecretString>,
    decrypt: &mut dyn FnMut(&Restored) -> bool,
) -> Result<Restored, StoreError> {
    let unpacked = read_archive(archive)?;
    restore_unpacked(store, &unpacked, config_dir, dry_run, passphrase, decrypt)
}

/// Restores an archive read by [`read_archive`] into the journal of `store` (and the config
/// files it carries into `config_dir`, where there are none). Into an empty journal,
/// everything comes back as it was, settings included; into a journal with entries, the
/// archive's entries are merged by id, field by field (both versions of a text kept where they
/// differ, an entry deleted here stays deleted, nothing is removed), its trash records are
/// added, and this journal's settings are kept. With `dry_run`, nothing is written: the result says what would change.
///
/// An encrypted backup merged into a journal that is not encrypted would be written in plain
/// text: `decrypt` is asked first, with what the restore would do, and when it says no,
/// nothing is written and the result says `declined`. (Into an empty folder the backup's key
/// comes along, and into an encrypted journal what is added is encrypted with its key.)
///
/// # Errors
/// [`StoreError::Locked`] when the archive is encrypted with another key than this journal's
/// and no `passphrase` is given; the archive holds a file this closer cannot read (nothing is
/// written then); or a write fails (what was written before it stays, each file whole, and
/// the error says why: the disk is full, permission denied on a file).
pub fn restore_unpacked(
    store: &Store,
    unpacked: &Unpacked,
    config_dir: Option<&Path>,
    dry_run: bool,
    passphrase: Option<&SecretString>,
    decrypt: &mut dyn FnMut(&Restored) -> bool,
) -> Result<Restored, StoreError> {
    let opened = open(unpacked, store.layout(), passphrase)?;
    restore_opened(
        store, unpacked, &opened, config_dir, dry_run, passphrase, decrypt,
    )
}

/// [`restore_unpacked`] with the archive's journal opened already ([`open`], for the journal
/// of `store`, or for its folder before it was made). `passphrase` is the one `opened` was
/// opened with: an encrypted backup restored into an empty folder brings its key, and the
/// journal is unlocked with it.
///
/// # Errors
/// As [`restore_unpacked`].
pub fn restore_opened(
    store: &Store,
    unpacked: &Unpacked,
    opened: &Opened,
    config_dir: Option<&Path>,
    dry_run: bool,
    passphrase: Option<&SecretString>,
    decrypt: &mut dyn FnMut(&Restored) -> bool,
) -> Result<Restored, StoreError> {
    let layout = store.layout();
    let (mut out, trash_files) = plan(layout, Some(store), unpacked, opened, config_dir);
    if dry_run {
        return Ok(out);
    }
    if out.decrypts && !decrypt(&out) {
        out.declined = true;
        return Ok(out);
    }
    let from = Source {
        unpacked,
        opened,
        trash_files: &trash_files,
        config_dir,
        passphrase,
    };
    write_restore(store, &out, &from)?;
    Ok(out)
}

/// What restoring an archive read by [`read_archive`] (its journal [`open`]ed) into a data
/// folder that does not exist yet would do, without creating it or writing anything.
pub fn preview_into_new(
    data_dir: &Path,
    unpacked: &Unpacked,
    opened: &Opened,
    config_dir: Option<&Path>,
) -> Restored {
    plan(&Layout::new(data_dir), None, unpacked, opened, config_dir).0
}

/// Reads the journal in an archive read by [`read_archive`]: every file of it that holds
/// entries, trash records, settings or a draft, as a scan would. An encrypted archive is read
/// with the key of the journal at `layout` when it is the same, else with `passphrase`.
///
/// # Errors
/// [`StoreError::Locked`] when the archive is encrypted with another key than this journal's
/// and no `passphrase` is given; [`StoreError::WrongPassphrase`];
/// [`StoreError::BackupUnusable`] when a file of it cannot be read (its entries would be
/// missing), or an encrypted one has no key.
pub fn open(
    unpacked: &Unpacked,
    layout: &Layout,
    passphrase: Option<&SecretString>,
) -> Result<Opened, StoreError> {
    Opened::read(unpacked, layout, passphrase)
}

/// An archive's journal as read by [`open`], decrypted with its key when it is encrypted: the
/// entries a restore needs whole (those of its inbox, and those the journal restored into has
/// too, to merge), the id and day of every other, its trash, and the journal restored into as
/// it was read. Its days are read again, a window at a time, when they are written.
pub struct Opened {
    /// Entries kept whole, oldest first: the inbox's, and those whose id the journal has.
    pub(super) entries: Vec<Entry>,
    /// Every other entry of its days: its id and day, in the archive's order.
    pub(super) others: Vec<(EntryId, NaiveDate)>,
    /// The journal restored into, as read when the archive was opened (empty when its folder
    /// does not exist yet).
    pub(super) ours: scan::Scan,
    /// Trash records: the file's name, its path in the archive, what it holds.
    pub(super) trash: Vec<(String, String, TrashBody)>,
    /// Whether the journal in it is encrypted.
    pub(super) sealed: bool,
    /// Its key, when it is encrypted.
    pub(super) identity: Option<age::x25519::Identity>,
}

/// How many days of an archive a restore holds at once before writing them: the batch an
/// import writes with one flush.
const RESTORE_WINDOW_DAYS: usize = 256;

pub(super) const IDENTITY: &str = "data/identity.age";
pub(super) const RECIPIENT: &str = "data/recipient.txt";
pub(super) const STATE: &str = "data/state.json";
pub(super) const DRAFT: &str = "data/drafts/current.json";
/// Where earlier closers and this one keep the person's own words in an encrypted journal's
/// `state.json` (as `store::journal_store` writes them).
pub(super) const SEALED_WORDS: &str = "sealed_words";

impl Opened {
    /// Reads the journal in `unpacked`, every file of it that holds entries, trash records,
    /// settings or a draft, as a scan would (a file that cannot be read refuses the whole
    /// archive: its entries would be missing). An encrypted archive is read with the key of
    /// the journal at `layout` when it is the same, else with `passphrase`.
    pub(super) fn read(
        unpacked: &Unpacked,
        layout: &Layout,
        passphrase: Option<&SecretString>,
    ) -> Result<Opened, StoreError> {
        let data = || {
            unpacked
                .files
                .iter()
                .filter(|(name, _)| name.starts_with("data/"))
        };
        let sealed = [IDENTITY, RECIPIENT, "data/cache.age"]
            .iter()
            .any(|f| unpacked.file(f).is_some())
            || unpacked.sealed_data
            || unpacked.file(STATE).is_some_and(|b| {
                memchr::memmem::find(b, b"-----BEGIN AGE ENCRYPTED FILE-----").is_some()
            });
        let ours = if layout.root().exists() {
            scan::scan(layout)
        } else {
            scan::Scan::default()
        };
        let mut theirs = Opened {
            entries: Vec::new(),
            others: Vec::new(),
            ours,
            trash: Vec::new(),
            sealed,
            identity: None,
        };
        if sealed {
            theirs.identity = Some(identity_of(unpacked, layout, passphrase)?);
        }
        let inbox_files = data().any(|(name, _)| is_inbox_file(name));
        let ours_ids: HashSet<&EntryId> = theirs.ours.entries.iter().map(|e| &e.id).collect();
        let (mut whole, mut others) = (Vec::new(), Vec::new());
        // The ids in its days, only needed for an inbox's entries.
        let mut in_days: HashSet<EntryId> = HashSet::new();
        each_day(unpacked, &mut |name, bytes| {
            let body: scan::DayBody = decode_with(theirs.identity.as_ref(), unpacked, name, bytes)?;
            for e in body.entries {
                // A date the journal cannot hold stops the restore before anything is written.
                if !Layout::holds(e.date) {
                    return Err(StoreError::OutsideYears { date: e.date });
                }
                if inbox_files {
                    in_days.insert(e.id.clone());
                }
                if ours_ids.contains(&e.id) {
                    whole.push(e);
                } else {
                    others.push((e.id, e.date));
                }
            }
            Ok(())
        })?;
        drop(ours_ids);
        theirs.entries = whole;
        theirs.others = others;
        let mut inbox: Vec<Entry> = Vec::new();
        for (name, bytes) in data() {
            let parts: Vec<&str> = name.split('/').collect();
            match parts[..] {
                ["data", "inbox", _] if is_inbox_file(name) => {
                    let body: InboxBody = theirs.decode(unpacked, name, bytes)?;
                    inbox.push(body.entry);
                }
                ["data", "trash", file] if file.ends_with(".json") => {
                    let body: TrashBody = theirs.decode(unpacked, name, bytes)?;
                    theirs.trash.push((file.to_owned(), name.clone(), body));
                }
                ["data", "state.json"] => {
                    theirs.decode::<Preferences>(unpacked, name, bytes)?;
                }
                ["data", "drafts", "current.json"] => {
                    theirs.decode::<DraftBody>(unpacked, name, bytes)?;
                }
                _ => {}
            }
        }
        // An entry saved while locked, not yet in its day (once, and not when its day has it).
        let mut in_inbox: HashSet<EntryId> = HashSet::new();
        for e in inbox {
            if !in_days.contains(&e.id) && in_inbox.insert(e.id.clone()) {
                theirs.entries.push(e);
            }
        }
        theirs.entries.sort_by(Entry::order);
        Ok(theirs)
    }

    /// The plaintext of the file `name` of the archive: decrypted when it is encrypted.
    pub(super) fn open(&self, name: &str, bytes: &[u8]) -> Result<Vec<u8>, StoreError> {
        crypto::open_with(self.identity.as_ref(), Path::new(name), bytes.to_vec())
    }

    /// Decodes the file `name` of the archive; one that cannot be read refuses the archive.
    pub(super) fn decode<T: serde::de::DeserializeOwned>(
        &self,
        unpacked: &Unpacked,
        name: &str,
        bytes: &[u8],
    ) -> Result<T, StoreError> {
        decode_with(self.identity.as_ref(), unpacked, name, bytes)
    }
}

/// Whether the file `name` of an archive is an entry of its inbox.
fn is_inbox_file(name: &str) -> bool {
    matches!(name.split('/').collect::<Vec<_>>()[..], ["data", "inbox", file] if file.ends_with(".json"))
}

/// The key of the encrypted archive `unpacked`: the journal's at `layout` when it is the same,
/// else its own `identity.age` opened with `passphrase`.
fn identity_of(
    unpacked: &Unpacked,
    layout: &Layout,
    passphrase: Option<&SecretString>,
) -> Result<age::x25519::Identity, StoreError> {
    let unusable = |reason: &str| StoreError::BackupUnusable {
        path: unpacked.path.clone(),
        reason: reason.to_owned(),
    };
    let Some(wrapped) = unpacked.file(IDENTITY) else {
        return Err(unusable(
            "it is encrypted, and its key (data/identity.age) is not in it, so what it holds \
             cannot be read",
        ));
    };
    let recipient = unpacked
        .file(RECIPIENT)
        .map(|b| String::from_utf8_lossy(b).trim().to_owned());
    let ours = crypto::identity_text(layout)
        .and_then(|t| t.expose_secret().parse::<age::x25519::Identity>().ok());
    let identity = match ours {
        Some(id) if recipient.as_deref() == Some(&id.to_public().to_string()) => id,
        _ => match passphrase {
            Some(p) => unwrap_identity(&unpacked.path, wrapped, p)?,
            None => {
                return Err(StoreError::Locked {
                    path: unpacked.path.clone(),
                });
            }
        },
    };
    if recipient.is_some_and(|r| r != identity.to_public().to_string()) {
        return Err(unusable(
            "its recipient.txt names another key than its identity.age (the backup was \
             changed after it was made)",
        ));
    }
    Ok(identity)
}

/// Decodes the file `name` of the archive `unpacked`, opened with `identity` when it is
/// encrypted; one that cannot be read refuses the archive.
fn decode_with<T: serde::de::DeserializeOwned>(
    identity: Option<&age::x25519::Identity>,
    unpacked: &Unpacked,
    name: &str,
    bytes: &[u8],
) -> Result<T, StoreError> {
    crypto::open_with(identity, Path::new(name), bytes.to_vec())
        .and_then(|plain| envelope::decode(Path::new(name), &plain))
        .map_err(|e| {
            let reason = Problem::from_error(PathBuf::from(name), &e).reason();
            let mut chars = reason.chars();
            let reason = chars
                .next()
                .map(|c| c.to_lowercase().chain(chars).collect::<String>())
                .unwrap_or_default();
            StoreError::BackupUnusable {
                path: unpacked.path.clone(),
                reason: format!(
                    "{name} in it cannot be read ({}); it was like that when the backup was \
                     made",
                    reason.trim_end_matches('.')
                ),
            }
        })
}

/// The identity in an encrypted archive's `identity.age` (`wrapped`), opened with
/// `passphrase` as `store::crypto` unlocks a journal.
pub(super) fn unwrap_identity(
    archive: &Path,
    wrapped: &[u8],
    passphrase: &SecretString,
) -> Result<age::x25519::Identity, StoreError> {
    crypto::unwrap_identity(archive, wrapped, passphrase)
}

/// What restoring `theirs` into the journal at `layout` (of `store`; none when its folder does
/// not exist yet) does, and the trash records it adds (their file names and paths in the
/// archive).
pub(super) fn plan(
    layout: &Layout,
    store: Option<&Store>,
    unpacked: &Unpacked,
    theirs: &Opened,
    config_dir: Option<&Path>,
) -> (Restored, Vec<(String, String)>) {
    let ours = &theirs.ours;
    let our_trash = store.map(Store::trash).unwrap_or_default();
    // Empty: no entries, no trash, and no file it could not read (whose entries would be
    // hidden, not absent).
    let mut out = Restored {
        into_empty: ours.entries.is_empty()
            && our_trash.is_empty()
            && !ours
                .problems
                .iter()
                .any(|p| p.severity() == crate::store::Severity::Error),
        ..Restored::default()
    };
    let deleted: HashSet<EntryId> = our_trash.iter().map(|t| t.entry.id.clone()).collect();
    // Merged whole: the entries both have, and the inbox's; every other entry of the archive
    // is added, or left out when it was deleted here.
    let (merged, mut changes) = merge::merge(&ours.entries, &theirs.entries, &deleted);
    changes.extend(theirs.others.iter().map(|(id, date)| Changed {
        date: *date,
        id: id.clone(),
        change: if deleted.contains(id) {
            merge::Change::StaysDeleted
        } else {
            merge::Change::Added
        },
        fields: Vec::new(),
    }));
    changes.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    let rewritten: HashSet<&EntryId> = changes
        .iter()
        .filter(|c| matches!(c.change, merge::Change::Updated | merge::Change::KeptBoth))
        .map(|c| &c.id)
        .collect();
    out.merged = merged
        .into_iter()
        .filter(|e| rewritten.contains(&e.id))
        .collect();
    out.changes = changes;
    // Trash records the journal does not have (by entry id and time of deletion).
    let have: HashSet<(String, DateTime<FixedOffset>)> = our_trash
        .iter()
        .map(|t| (t.entry.id.to_string(), t.deleted_at))
        .collect();
    let trash_files: Vec<(String, String)> = theirs
        .trash
        .iter()
        .filter(|(_, _, body)| !have.contains(&(body.entry.id.to_string(), body.deleted_at)))
        .map(|(file, name, _)| (file.clone(), name.clone()))
        .collect();
    out.trash = trash_files.len();
    out.settings = out.into_empty && unpacked.file(STATE).is_some();
    out.draft = out.into_empty && unpacked.file(DRAFT).is_some() && !layout.draft_file().exists();
    for name in CONFIG_FILES {
        let there = unpacked.file(&format!("config/{name}")).is_some();
        if there && config_dir.is_some_and(|c| !c.join(name).exists()) {
            out.config.push(name.to_owned());
        }
    }
    let (theirs_sealed, ours_sealed) = (theirs.sealed, crypto::is_encrypted(layout));
    // What is written of the journal: entries added or updated, trash records, the draft, the
    // settings (config files are never encrypted).
    let writes = out.trash > 0
        || out.draft
        || out.settings
        || out
            .changes
            .iter()
            .any(|c| c.change != merge::Change::StaysDeleted);
    out.key = out.into_empty && theirs_sealed && !ours_sealed;
    out.decrypts = theirs_sealed && !ours_sealed && !out.key && writes;
    out.encrypts = !theirs_sealed && ours_sealed && writes;
    (out, trash_files)
}

/// The person's own words, as an encrypted journal's `state.json` seals them.
#[derive(Deserialize)]
pub(super) struct Words {
    #[serde(default)]
    pub(super) custom_triggers: Vec<String>,
    #[serde(default)]
    pub(super) custom_feelings: Vec<String>,
}

pub(super) fn union(into: &mut Vec<String>, more: Vec<String>) {
    for w in more {
        if !into.contains(&w) {
            into.push(w);
        }
    }
}

/// What a restore writes from: the archive, its journal, the trash records to add, where config
/// files go, and the passphrase the archive was opened with.
#[derive(Clone, Copy)]
pub(super) struct Source<'a> {
    pub(super) unpacked: &'a Unpacked,
    pub(super) opened: &'a Opened,
    pub(super) trash_files: &'a [(String, String)],
    pub(super) config_dir: Option<&'a Path>,
    pub(super) passphrase: Option<&'a SecretString>,
}

/// Writes what `out` says into the journal of `store`. The small files first (the key, the
/// settings, the draft), then the entries, the trash records and the config files: a restore
/// stopped part way (a full disk) and run again merges the rest.
pub(super) fn write_restore(
    store: &Store,
    out: &Restored,
    from: &Source<'_>,
) -> Result<(), StoreError> {
    let Source {
        unpacked,
        opened: theirs,
        trash_files,
        config_dir,
        passphrase,
    } = *from;
    let layout = store.layout();
    let bytes_of = |name: &str| -> Result<&[u8], StoreError> {
        unpacked
            .file(name)
            .ok_or_else(|| StoreError::BackupUnusable {
                path: unpacked.path.clone(),
                reason: format!("{name} is not in it"),
            })
    };
    // Into an empty journal, an encrypted backup's key comes back with it, so what is written
    // next is encrypted as it was.
    if out.key {
        let (Some(identity), Some(passphrase)) = (&theirs.identity, passphrase) else {
            return Err(StoreError::Locked {
                path: unpacked.path.clone(),
            });
        };
        let to = layout.identity_file();
        atomic::write(&to, bytes_of(IDENTITY)?).map_err(|e| io_err(&to, e))?;
        let to = layout.recipient_file();
        atomic::write(&to, format!("{}\n", identity.to_public()).as_bytes())
            .map_err(|e| io_err(&to, e))?;
        crypto::unlock(layout, passphrase)?;
    }
    // Files copied as they are, but encrypted or not as this journal is.
    let recode = |name: &str, to: &Path| -> Result<Vec<u8>, StoreError> {
        let plain = theirs.open(name, bytes_of(name)?)?;
        crypto::seal(layout, to, plain)
    };
    if out.settings {
        // Read (its own words opened with the backup's key) and written as this journal keeps
        // them.
        let mut prefs: Preferences = theirs.decode(unpacked, STATE, bytes_of(STATE)?)?;
        prefs.extra.remove("schema");
        if let Some(identity) = &theirs.identity
            && let Some(serde_json::Value::Array(list)) = prefs.extra.remove(SEALED_WORDS)
        {
            for text in list.iter().filter_map(serde_json::Value::as_str) {
                let plain = zeroize::Zeroizing::new(crypto::open_with(
                    Some(identity),
                    Path::new(STATE),
                    text.as_bytes().to_vec(),
                )?);
                if let Ok(words) = serde_json::from_slice::<Words>(&plain) {
                    union(&mut prefs.custom_triggers, words.custom_triggers);
                    union(&mut prefs.custom_feelings, words.custom_feelings);
                }
            }
        }
        store.save_preferences(&prefs)?;
    }
    if out.draft {
        let to = layout.draft_file();
        let bytes = recode(DRAFT, &to)?;
        atomic::create_private_dir(&layout.drafts_dir()).map_err(|e| io_err(&to, e))?;
        atomic::write_new(&to, &bytes).map_err(|e| io_err(&to, e))?;
    }
    write_entries(store, out, unpacked, theirs)?;
    for e in &out.merged {
        store.save_entry(e)?;
    }
    for (file, name) in trash_files {
        let to = layout.trash_dir().join(file);
        let bytes = recode(name, &to)?;
        atomic::create_private_dir(&layout.trash_dir()).map_err(|e| io_err(&to, e))?;
        atomic::write_new(&to, &bytes).or_else(|e| {
            if e.kind() == io::ErrorKind::AlreadyExists {
                Ok(())
            } else {
                Err(io_err(&to, e))
            }
        })?;
    }
    if let Some(config) = config_dir {
        for name in &out.config {
            let bytes = bytes_of(&format!("config/{name}"))?;
            let to = config.join(name);
            atomic::create_private_dir(config).map_err(|e| io_err(config, e))?;
            atomic::write_new(&to, bytes).map_err(|e| io_err(&to, e))?;
        }
    }
    Ok(())
}

/// Writes the entries `out` says are added, through the store's own writes: the archive's days
/// read again, a window of days at a time, each window written as an import writes (a batch
/// of day files, one flush); then those of its inbox.
fn write_entries(
    store: &Store,
    out: &Restored,
    unpacked: &Unpacked,
    theirs: &Opened,
) -> Result<(), StoreError> {
    let of_kind = |kind: merge::Change| -> HashSet<&EntryId> {
        out.changes
            .iter()
            .filter(|c| c.change == kind)
            .map(|c| &c.id)
            .collect()
    };
    let added = of_kind(merge::Change::Added);
    // Every day that gains an entry is read first, so a day whose file cannot be read stops
    // the restore before anything is written.
    let days: std::collections::BTreeSet<NaiveDate> = out
        .changes
        .iter()
        .filter(|c| c.change == merge::Change::Added)
        .map(|c| c.date)
        .collect();
    store.check_days_writable(days)?;
    // The archive's days read again, a window of days at a time, each window written as an
    // import writes (a batch of day files, one flush).
    let mut window: Vec<Entry> = Vec::new();
    let mut window_days = 0;
    let write = |window: &mut Vec<Entry>| -> Result<(), StoreError> {
        store
            .add_entries(std::mem::take(window))
            .map(drop)
            .map_err(|p| p.error)
    };
    each_day(unpacked, &mut |name, bytes| {
        let body: scan::DayBody = theirs.decode(unpacked, name, bytes)?;
        let before = window.len();
        window.extend(body.entries.into_iter().filter(|e| added.contains(&e.id)));
        if window.len() > before {
            window_days += 1;
        }
        if window_days >= RESTORE_WINDOW_DAYS {
            window_days = 0;
            write(&mut window)?;
        }
        Ok(())
    })?;
    write(&mut window)?;
    // Entries of the inbox.
    let new: Vec<Entry> = theirs
        .entries
        .iter()
        .filter(|e| added.contains(&e.id))
        .cloned()
        .collect();
    store.add_entries(new).map_err(|p| p.error)?;
    Ok(())
}
