//! Encryption at rest, in the age format (<https://age-encryption.org>),
//! with the `age` crate.
//!
//! An encrypted journal has its own X25519 key pair:
//!
//! ```text
//! <data>/identity.age    the journal's identity (secret key), encrypted with the passphrase
//!                        (age's scrypt recipient): one passphrase derivation unlocks it
//! <data>/recipient.txt   the journal's recipient (public key), one line `age1…`
//! ```
//!
//! Every file that holds what a person wrote (day files, the draft, the trash, entries written
//! while locked, the person's own words in `state.json`) is a standard age file encrypted to
//! that recipient, under its usual name. Writing needs only the recipient, so a check-in can be
//! written while the journal is locked; reading needs the identity, which lives in memory from
//! [`unlock`] to [`lock`]. A file is read as age when it starts with age's header line and as
//! JSON otherwise, so a journal part way through `closer encrypt` or `decrypt` reads whole.
//!
//! Without closer: `age -d -i identity.age entries/2026/2026-11-30.json` (age asks for the
//! passphrase of `identity.age`; no plain key touches the disk).
//!
//! Nothing in the data folder is trusted to say whether, or to whom, to encrypt:
//! whoever can write the folder, or push to the sync remote, can swap `recipient.txt` or
//! remove both key files without the passphrase. A journal seen encrypted on this computer
//! (key files, sealed files, or the record of [`super::known`]) is never written in plain
//! text; a locked write seals only to the recipient recorded when the journal was last
//! unlocked here, never to `recipient.txt` alone; and an unlock never rewrites a
//! `recipient.txt` that disagrees (the evidence stays for `closer doctor`).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use age::secrecy::{ExposeSecret, SecretString};

use super::atomic;
use super::error::StoreError;
use super::known;
use super::layout::Layout;

/// The first bytes of every binary age file.
const AGE_HEADER: &[u8] = b"age-encryption.org/v1\n";

/// The scrypt work factor (log2 N) a passphrase is wrapped with: N = 2^16 takes 64 MiB and
/// about a quarter of a second on a 2-core laptop of 2020 (the unlock budget is 1 s,
/// `benches/README.md`). age's own tool picks one that takes about a second on the machine it runs on.
pub const WORK_FACTOR: u8 = 16;

/// The highest work factor accepted when unlocking (2^20: 1 GiB, a few seconds), so a
/// tampered `identity.age` cannot make an unlock take hours.
const MAX_WORK_FACTOR: u8 = 20;

/// The identities of the journals unlocked in this process, by data folder.
static UNLOCKED: Mutex<Vec<(PathBuf, Arc<age::x25519::Identity>)>> = Mutex::new(Vec::new());

/// The journals seen encrypted in this process (a sealed file was read), by data folder: from
/// then on they are never written in plain text, whatever their key files say.
static SEEN_ENCRYPTED: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// A passphrase in Unicode's composed normal form (NFC), as it reaches scrypt: "é" typed as
/// one character or as "e" and a combining accent (macOS input methods, some keyboards) is
/// the same passphrase.
pub fn normalised(passphrase: &SecretString) -> SecretString {
    use unicode_normalization::UnicodeNormalization as _;
    SecretString::from(passphrase.expose_secret().nfc().collect::<String>())
}

/// The shortest new passphrase, in characters (after [`normalised`]).
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// Why a new passphrase cannot be used, in a sentence that says what to do; `None` when it
/// can. The one rule of every path that sets one (the terminal, `--passphrase-fd`,
/// `passphrase_command`; `closer encrypt` and `closer passphrase`): at least
/// [`MIN_PASSPHRASE_CHARS`] characters, and not only spaces.
pub fn passphrase_problem(passphrase: &SecretString) -> Option<String> {
    let p = normalised(passphrase);
    let text = p.expose_secret();
    if text.trim().is_empty() {
        return Some(if text.is_empty() {
            "the new passphrase is empty".to_owned()
        } else {
            "the new passphrase is only spaces".to_owned()
        });
    }
    let n = text.chars().count();
    (n < MIN_PASSPHRASE_CHARS).then(|| {
        format!(
            "the new passphrase has {n} character{}; use at least {MIN_PASSPHRASE_CHARS} (a few \
             words are easier to remember)",
            if n == 1 { "" } else { "s" }
        )
    })
}

/// Keeps what is in this process's memory out of core files, where the platform allows: on
/// Linux the process is made not dumpable (no core file, and other programs of the same user
/// cannot attach to read its memory), and the core size limit is set to 0 elsewhere. Called
/// before any secret is read. Best effort: a failure leaves things as they were.
pub fn protect_memory() {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    let _ = rustix::process::set_dumpable_behavior(rustix::process::DumpableBehavior::NotDumpable);
    #[cfg(unix)]
    {
        let core = rustix::process::Resource::Core;
        let maximum = rustix::process::getrlimit(core).maximum;
        let _ = rustix::process::setrlimit(
            core,
            rustix::process::Rlimit {
                current: Some(0),
                maximum,
            },
        );
    }
}

fn key_of(layout: &Layout) -> PathBuf {
    std::fs::canonicalize(layout.root()).unwrap_or_else(|_| layout.root().to_owned())
}

fn unlocked_identity(layout: &Layout) -> Option<Arc<age::x25519::Identity>> {
    let key = key_of(layout);
    UNLOCKED
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .iter()
        .find(|(root, _)| *root == key)
        .map(|(_, id)| Arc::clone(id))
}

/// Whether the journal at `layout` is encrypted: it has an `identity.age` or a
/// `recipient.txt`; or, with both gone (removed by hand, left out of a copy or a sync), this
/// computer recorded it as encrypted ([`known`]), this process read a sealed file of it, or it
/// holds a cache or sealed words in `state.json` or the draft. Any of these is enough, so a
/// journal that lost its key files is never written to in plain text.
pub fn is_encrypted(layout: &Layout) -> bool {
    std::fs::symlink_metadata(layout.identity_file()).is_ok()
        || std::fs::symlink_metadata(layout.recipient_file()).is_ok()
        || seen_encrypted(layout)
        || known::read(layout).is_some_and(|k| k.encrypted)
        || holds_sealed_files(layout)
}

fn seen_encrypted(layout: &Layout) -> bool {
    let key = key_of(layout);
    SEEN_ENCRYPTED
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .contains(&key)
}

/// Notes that a file of the journal at `layout` was found sealed: it is an encrypted journal
/// for the rest of this process. Not recorded on this computer: only an unlock (or
/// `closer encrypt`) records a journal, so one stray sealed file never locks a plain journal
/// for good.
pub fn note_sealed(layout: &Layout) {
    if !seen_encrypted(layout) {
        SEEN_ENCRYPTED
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(key_of(layout));
    }
}

/// Whether the small files looked at first hold sealed data: `cache.age`, the sealed words of
/// `state.json` (its `sealed_words` field: a plain journal never has one), or a sealed draft.
/// Only for a journal with no key files and no record (a plain one, as a rule): the draft and
/// `state.json` are read whole, within their caps.
fn holds_sealed_files(layout: &Layout) -> bool {
    if std::fs::symlink_metadata(layout.cache_file()).is_ok() {
        return true;
    }
    let head = |path: &Path| -> Option<Vec<u8>> {
        crate::files::read_regular(path, crate::files::SETTINGS_CAP).ok()
    };
    head(&layout.draft_file()).is_some_and(|b| is_sealed(&b))
        || head(&layout.state_file())
            .is_some_and(|b| memchr::memmem::find(&b, b"\"sealed_words\"").is_some())
}

/// Whether the journal at `layout` was encrypted and has lost its key (`identity.age`): it
/// cannot be unlocked, and nothing is written to it until the key is back.
pub fn key_missing(layout: &Layout) -> bool {
    !has_identity(layout) && is_encrypted(layout)
}

/// What `recipient.txt` holds when it is not the journal's own recipient (as this process
/// unlocked it, or as this computer recorded it): a swapped or damaged file, never used.
/// `None` when it agrees, is missing, or there is nothing to compare it with.
pub fn foreign_recipient(layout: &Layout) -> Option<String> {
    let own = match unlocked_identity(layout) {
        Some(identity) => identity.to_public().to_string(),
        None => known::read(layout)?.recipient?,
    };
    let found = read_recipient_text(layout)?;
    (found != own).then_some(found)
}

/// Whether the journal at `layout` has its key (`identity.age`): without it, it cannot be
/// unlocked.
pub fn has_identity(layout: &Layout) -> bool {
    std::fs::symlink_metadata(layout.identity_file()).is_ok()
}

/// Whether the journal at `layout` can be read in this process: it is not encrypted, or it
/// was unlocked.
pub fn is_unlocked(layout: &Layout) -> bool {
    !is_encrypted(layout) || unlocked_identity(layout).is_some()
}

/// Whether `bytes` are an age file (binary or armored).
pub fn is_sealed(bytes: &[u8]) -> bool {
    bytes.starts_with(AGE_HEADER) || bytes.starts_with(b"-----BEGIN AGE ENCRYPTED FILE-----")
}

/// Makes the journal at `layout` an encrypted one: a new key pair, its recipient written to
/// `recipient.txt` and its identity to `identity.age` under `passphrase`, then unlocked. No
/// other file is changed (`closer encrypt` converts them).
///
/// # Errors
/// [`StoreError::AlreadyEncrypted`] when it has an identity already; a failed write.
pub fn create(layout: &Layout, passphrase: &SecretString) -> Result<(), StoreError> {
    protect_memory();
    if has_identity(layout) {
        return Err(StoreError::AlreadyEncrypted {
            path: layout.identity_file(),
        });
    }
    let identity = age::x25519::Identity::generate();
    let recipient = identity.to_public().to_string();
    // The identity first: a recipient without it would encrypt what is written next to a
    // key nobody has. A stop between the two leaves the identity alone, which unlocking
    // completes.
    let sealed = wrap_identity(&identity, passphrase, &layout.identity_file())?;
    let path = layout.identity_file();
    atomic::write_new(&path, &sealed).map_err(|e| StoreError::write(&path, e))?;
    known::remember(layout, Some(&recipient));
    let path = layout.recipient_file();
    atomic::write(&path, format!("{recipient}\n").as_bytes())
        .map_err(|e| StoreError::write(&path, e))?;
    remember(layout, identity);
    Ok(())
}

fn wrap_identity(
    identity: &age::x25519::Identity,
    passphrase: &SecretString,
    path: &Path,
) -> Result<Vec<u8>, StoreError> {
    let mut recipient = age::scrypt::Recipient::new(normalised(passphrase));
    recipient.set_work_factor(WORK_FACTOR);
    let secret = identity.to_string();
    let text = zeroize::Zeroizing::new(format!(
        "# closer journal identity, created by closer {}\n{}\n",
        env!("CARGO_PKG_VERSION"),
        secret.expose_secret()
    ));
    age::encrypt(&recipient, text.as_bytes()).map_err(|e| StoreError::Crypto {
        path: path.to_owned(),
        message: e.to_string(),
    })
}

/// A 32-byte key for `purpose`, derived with HKDF-SHA-256 from the unlocked identity of the
/// journal at `layout` (RFC 5869): only the holder of the identity can make it, so a tag made
/// with it shows a file was written by this journal's closer (age alone cannot: anyone with
/// the recipient can make a valid age file). `None` while locked.
pub fn derived_key(layout: &Layout, purpose: &[u8]) -> Option<zeroize::Zeroizing<[u8; 32]>> {
    let identity = unlocked_identity(layout)?;
    let secret = identity.to_string();
    let hkdf = hkdf::Hkdf::<sha2::Sha256>::new(
        Some(b"closer derived keys"),
        secret.expose_secret().as_bytes(),
    );
    let mut key = zeroize::Zeroizing::new([0u8; 32]);
    hkdf.expand(purpose, key.as_mut()).ok()?;
    Some(key)
}

fn remember(layout: &Layout, identity: age::x25519::Identity) {
    let key = key_of(layout);
    let mut unlocked = UNLOCKED.lock().unwrap_or_else(PoisonError::into_inner);
    unlocked.retain(|(root, _)| *root != key);
    unlocked.push((key, Arc::new(identity)));
}

/// The journal's identity, read from `identity.age` with `passphrase` in its normal form (one
/// scrypt); for a journal encrypted before passphrases were normalised, with `passphrase` as
/// given when that differs and the normal form fails (a second scrypt), after which
/// `identity.age` is wrapped again with the normal form, so the next unlock needs one.
fn read_identity(
    layout: &Layout,
    passphrase: &SecretString,
) -> Result<age::x25519::Identity, StoreError> {
    let nfc = normalised(passphrase);
    match read_identity_as_given(layout, &nfc) {
        Err(StoreError::WrongPassphrase) if nfc.expose_secret() != passphrase.expose_secret() => {
            let identity = read_identity_as_given(layout, passphrase)?;
            let path = layout.identity_file();
            // Best effort: the journal opened either way.
            if let Ok(sealed) = wrap_identity(&identity, &nfc, &path) {
                let _ = atomic::write(&path, &sealed);
            }
            Ok(identity)
        }
        other => other,
    }
}

/// The journal's identity, read from `identity.age` with `passphrase` exactly as given.
fn read_identity_as_given(
    layout: &Layout,
    passphrase: &SecretString,
) -> Result<age::x25519::Identity, StoreError> {
    let path = layout.identity_file();
    let bytes = crate::files::read_regular(&path, crate::files::SETTINGS_CAP)
        .map_err(|e| StoreError::read(&path, e))?;
    open_wrapped(&path, &bytes, passphrase)
}

/// The identity in `wrapped` (an `identity.age`'s bytes, from `path`), opened with
/// `passphrase` exactly as given (one scrypt, its work factor at most 2^20).
fn open_wrapped(
    path: &Path,
    wrapped: &[u8],
    passphrase: &SecretString,
) -> Result<age::x25519::Identity, StoreError> {
    let mut scrypt = age::scrypt::Identity::new(passphrase.clone());
    scrypt.set_max_work_factor(MAX_WORK_FACTOR);
    let text = match age::decrypt(&scrypt, wrapped) {
        Ok(text) => zeroize::Zeroizing::new(text),
        Err(age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys) => {
            return Err(StoreError::WrongPassphrase);
        }
        Err(e) => {
            return Err(StoreError::Crypto {
                path: path.to_owned(),
                message: e.to_string(),
            });
        }
    };
    std::str::from_utf8(&text)
        .ok()
        .and_then(|t| {
            t.lines()
                .map(str::trim)
                .find(|l| l.starts_with("AGE-SECRET-KEY-"))
                .and_then(|l| l.parse::<age::x25519::Identity>().ok())
        })
        .ok_or_else(|| StoreError::Crypto {
            path: path.to_owned(),
            message: "it does not hold an age identity".to_owned(),
        })
}

/// The identity in `wrapped` (the bytes of an `identity.age` that is not this journal's, as
/// a backup's), opened with `passphrase` in its normal form, then as given when that differs
/// (a journal encrypted before passphrases were normalised). Nothing is written.
///
/// # Errors
/// [`StoreError::WrongPassphrase`]; [`StoreError::Crypto`] when it is not an identity file.
pub fn unwrap_identity(
    path: &Path,
    wrapped: &[u8],
    passphrase: &SecretString,
) -> Result<age::x25519::Identity, StoreError> {
    let nfc = normalised(passphrase);
    match open_wrapped(path, wrapped, &nfc) {
        Err(StoreError::WrongPassphrase) if nfc.expose_secret() != passphrase.expose_secret() => {
            open_wrapped(path, wrapped, passphrase)
        }
        other => other,
    }
}

/// Unlocks the journal at `layout` with `passphrase`: reads (and checks) its identity and
/// keeps it in memory for this process, so its files can be read. A journal that is not
/// encrypted needs no unlocking.
///
/// # Errors
/// [`StoreError::WrongPassphrase`] when the passphrase does not open `identity.age` (nothing
/// is changed); a damaged or unreadable identity file.
pub fn unlock(layout: &Layout, passphrase: &SecretString) -> Result<(), StoreError> {
    if !is_encrypted(layout) {
        return Ok(());
    }
    if !has_identity(layout) {
        return Err(StoreError::KeyMissing {
            path: layout.identity_file(),
        });
    }
    protect_memory();
    let identity = read_identity(layout, passphrase)?;
    // This computer's record of the journal's recipient: what a locked write seals to.
    let mine = identity.to_public().to_string();
    known::remember(layout, Some(&mine));
    // A missing `recipient.txt` is written again. One that holds another key is left as it
    // is, never used (the identity and the record say whom to encrypt to), and reported by
    // `closer doctor`: rewriting it would remove the trace of whoever changed it.
    let path = layout.recipient_file();
    if std::fs::symlink_metadata(&path).is_err() {
        atomic::write(&path, format!("{mine}\n").as_bytes())
            .map_err(|e| StoreError::write(&path, e))?;
    }
    remember(layout, identity);
    Ok(())
}

/// Forgets that the journal at `layout` was encrypted, in this process and on this computer
/// (`closer decrypt`, once every file is plain and the key files are gone).
///
/// # Errors
/// The record cannot be removed.
pub fn forget_encrypted(layout: &Layout) -> Result<(), StoreError> {
    let key = key_of(layout);
    SEEN_ENCRYPTED
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .retain(|root| *root != key);
    known::forget(layout)
        .map_err(|e| StoreError::write(known::file_for(layout).unwrap_or_default(), e))
}

/// Forgets the identity of the journal at `layout` (the journal is locked again).
pub fn lock(layout: &Layout) {
    let key = key_of(layout);
    UNLOCKED
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .retain(|(root, _)| *root != key);
}

/// Lets the journal at `other` be read with the key `unlocked` is unlocked with, when both are
/// the same journal's (an unpacked backup, a sync's other side): same recipient. Returns
/// whether `other` can be read now.
pub fn share_unlock(other: &Layout, unlocked: &Layout) -> bool {
    if !is_encrypted(other) {
        return true;
    }
    if unlocked_identity(other).is_some() {
        return true;
    }
    let Some(identity) = unlocked_identity(unlocked) else {
        return false;
    };
    if read_recipient_text(other).as_deref() != Some(&identity.to_public().to_string()) {
        return false;
    }
    let key = key_of(other);
    let mut all = UNLOCKED.lock().unwrap_or_else(PoisonError::into_inner);
    all.retain(|(root, _)| *root != key);
    all.push((key, identity));
    true
}

/// Changes the passphrase of the journal at `layout`: `identity.age` is written again under
/// `new` (one small file; no day file changes).
///
/// # Errors
/// [`StoreError::WrongPassphrase`] when `old` is wrong (nothing changes); a failed write.
pub fn change_passphrase(
    layout: &Layout,
    old: &SecretString,
    new: &SecretString,
) -> Result<(), StoreError> {
    protect_memory();
    let identity = read_identity(layout, old)?;
    let path = layout.identity_file();
    let sealed = wrap_identity(&identity, new, &path)?;
    atomic::write(&path, &sealed).map_err(|e| StoreError::write(&path, e))?;
    remember(layout, identity);
    Ok(())
}

fn read_recipient_text(layout: &Layout) -> Option<String> {
    crate::files::read_regular_text(&layout.recipient_file(), 4096)
        .ok()
        .map(|t| t.trim().to_owned())
}

/// The recipient new files of the journal at `layout` are encrypted to, when it is encrypted:
/// the unlocked identity's own; while locked, the one this computer recorded when the journal
/// was last unlocked here ([`known`]). `recipient.txt` alone is never trusted.
///
/// # Errors
/// [`StoreError::KeyMissing`] when the journal lost its key (nothing may be written that
/// could never be read); [`StoreError::UnlockOnce`] when it is locked and this computer has
/// no record of its recipient yet.
fn recipient(layout: &Layout) -> Result<Option<age::x25519::Recipient>, StoreError> {
    if !is_encrypted(layout) {
        return Ok(None);
    }
    if !has_identity(layout) {
        return Err(StoreError::KeyMissing {
            path: layout.identity_file(),
        });
    }
    if let Some(identity) = unlocked_identity(layout) {
        return Ok(Some(identity.to_public()));
    }
    known::read(layout)
        .and_then(|k| k.recipient)
        .and_then(|t| t.parse().ok())
        .map(Some)
        .ok_or_else(|| StoreError::UnlockOnce {
            path: layout.root().to_owned(),
        })
}

/// The journal's own recipient (its public key), when it is encrypted.
///
/// # Errors
/// Encrypted, but its recipient cannot be read.
pub fn journal_recipient(layout: &Layout) -> Result<Option<age::x25519::Recipient>, StoreError> {
    recipient(layout)
}

/// `bytes` as they are to be written into `path` of the journal at `layout`: encrypted to the
/// journal's recipient when it is encrypted, unchanged otherwise.
///
/// # Errors
/// [`StoreError::Crypto`] when the journal is encrypted but its recipient cannot be read.
pub fn seal(layout: &Layout, path: &Path, bytes: Vec<u8>) -> Result<Vec<u8>, StoreError> {
    seal_with(recipient(layout)?.as_ref(), path, bytes)
}

/// [`seal`] with the journal's recipient looked up once ([`journal_recipient`]) for many files
/// (a batch of days: the look-up costs a dozen system calls).
///
/// # Errors
/// Encryption fails.
pub fn seal_with(
    recipient: Option<&age::x25519::Recipient>,
    path: &Path,
    bytes: Vec<u8>,
) -> Result<Vec<u8>, StoreError> {
    match recipient {
        None => Ok(bytes),
        Some(r) => {
            let mut bytes = zeroize::Zeroizing::new(bytes);
            let sealed = seal_to(r, path, &bytes);
            zeroize::Zeroize::zeroize(&mut *bytes);
            sealed
        }
    }
}

fn seal_to(
    recipient: &age::x25519::Recipient,
    path: &Path,
    bytes: &[u8],
) -> Result<Vec<u8>, StoreError> {
    age::encrypt(recipient, bytes).map_err(|e| StoreError::Crypto {
        path: path.to_owned(),
        message: e.to_string(),
    })
}

/// Encrypts `bytes` to the journal's recipient, whether or not the journal is encrypted yet
/// (`closer encrypt` converting a file).
///
/// # Errors
/// As [`seal`]; [`StoreError::Crypto`] when the journal has no recipient.
pub fn seal_always(layout: &Layout, path: &Path, bytes: &[u8]) -> Result<Vec<u8>, StoreError> {
    let r = recipient(layout)?.ok_or_else(|| StoreError::Crypto {
        path: path.to_owned(),
        message: "the journal has no key".to_owned(),
    })?;
    seal_to(&r, path, bytes)
}

/// The plaintext of a file's `bytes`, read from `path` of the journal at `layout`: decrypted
/// when they are an age file, unchanged otherwise.
///
/// # Errors
/// [`StoreError::Locked`] when the file is encrypted and the journal is locked;
/// [`StoreError::Crypto`] when it cannot be decrypted with the journal's identity.
pub fn open(layout: &Layout, path: &Path, bytes: Vec<u8>) -> Result<Vec<u8>, StoreError> {
    if !is_sealed(&bytes) {
        return Ok(bytes);
    }
    let Some(identity) = unlocked_identity(layout) else {
        // A sealed file read while locked (or with the key files gone): an encrypted journal.
        note_sealed(layout);
        return Err(StoreError::Locked {
            path: path.to_owned(),
        });
    };
    age::decrypt(identity.as_ref(), &bytes).map_err(|e| StoreError::Crypto {
        path: path.to_owned(),
        message: match e {
            age::DecryptError::NoMatchingKeys => {
                "it is encrypted to another key than this journal's".to_owned()
            }
            other => other.to_string(),
        },
    })
}

/// The environment variable through which `closer sync` hands the unlocked identity to the
/// merge driver git runs (`closer merge-day`), which has no terminal to ask on. It lives only
/// in the environment of git and its children, for the length of the sync.
pub const MERGE_IDENTITY_ENV: &str = "CLOSER_MERGE_IDENTITY";

/// The unlocked identity of the journal at `layout`, as age's text (`AGE-SECRET-KEY-1…`), for
/// the merge driver; `None` when the journal is not encrypted or is locked.
pub fn identity_text(layout: &Layout) -> Option<SecretString> {
    unlocked_identity(layout).map(|id| id.to_string())
}

/// A day file's plaintext for the merge driver: decrypted with `identity` when it is
/// encrypted.
///
/// # Errors
/// Encrypted and no identity, or not this identity's.
pub fn open_with(
    identity: Option<&age::x25519::Identity>,
    path: &Path,
    bytes: Vec<u8>,
) -> Result<Vec<u8>, StoreError> {
    if !is_sealed(&bytes) {
        return Ok(bytes);
    }
    let Some(identity) = identity else {
        return Err(StoreError::Locked {
            path: path.to_owned(),
        });
    };
    age::decrypt(identity, &bytes).map_err(|e| StoreError::Crypto {
        path: path.to_owned(),
        message: e.to_string(),
    })
}

/// Encrypts `bytes` to `identity`'s own recipient (the merge driver's result).
///
/// # Errors
/// Encryption fails.
pub fn seal_for(
    identity: &age::x25519::Identity,
    path: &Path,
    bytes: &[u8],
) -> Result<Vec<u8>, StoreError> {
    seal_to(&identity.to_public(), path, bytes)
}

/// The encrypted file at `path` of the journal at `layout`, decrypted as it is read (a large
/// file never sits whole in memory in plain form).
///
/// # Errors
/// [`StoreError::Locked`]; the file cannot be opened or is not an age file for this key.
pub fn open_stream(layout: &Layout, path: &Path) -> Result<Box<dyn std::io::Read>, StoreError> {
    let Some(identity) = unlocked_identity(layout) else {
        return Err(StoreError::Locked {
            path: path.to_owned(),
        });
    };
    let file = std::fs::File::open(path).map_err(|e| StoreError::read(path, e))?;
    let fail = |e: age::DecryptError| StoreError::Crypto {
        path: path.to_owned(),
        message: e.to_string(),
    };
    let decryptor = age::Decryptor::new_buffered(std::io::BufReader::new(file)).map_err(fail)?;
    let reader = decryptor
        .decrypt(std::iter::once(identity.as_ref() as &dyn age::Identity))
        .map_err(fail)?;
    Ok(Box::new(reader))
}

/// The JSON of the person's own words kept in `state.json` of an encrypted journal, sealed
/// into one armored age text (so the file stays JSON).
pub fn seal_text(layout: &Layout, plain: &[u8]) -> Result<Option<String>, StoreError> {
    let Some(r) = recipient(layout)? else {
        return Ok(None);
    };
    let path = layout.state_file();
    let mut out = Vec::new();
    let encryptor = age::Encryptor::with_recipients(std::iter::once(&r as &dyn age::Recipient))
        .map_err(|e| StoreError::Crypto {
            path: path.clone(),
            message: e.to_string(),
        })?;
    let fail = |e: std::io::Error| StoreError::Crypto {
        path: path.clone(),
        message: e.to_string(),
    };
    let armor = age::armor::ArmoredWriter::wrap_output(&mut out, age::armor::Format::AsciiArmor)
        .map_err(fail)?;
    let mut writer = encryptor.wrap_output(armor).map_err(fail)?;
    std::io::Write::write_all(&mut writer, plain).map_err(fail)?;
    writer.finish().and_then(|a| a.finish()).map_err(fail)?;
    String::from_utf8(out)
        .map(Some)
        .map_err(|_| StoreError::Crypto {
            path,
            message: "armor is not text".to_owned(),
        })
}

/// Opens what [`seal_text`] sealed; `None` when the journal is locked.
pub fn open_text(layout: &Layout, sealed: &str) -> Result<Option<Vec<u8>>, StoreError> {
    match open(layout, &layout.state_file(), sealed.as_bytes().to_vec()) {
        Ok(plain) => Ok(Some(plain)),
        Err(StoreError::Locked { .. }) => Ok(None),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests;
