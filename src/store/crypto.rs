//! Encryption at rest (DESIGN §4, issue 16), in the age format (<https://age-encryption.org>),
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
//! Without closer: `age -d -o id.txt identity.age` (asks for the passphrase), then
//! `age -d -i id.txt entries/2026/2026-11-30.json`.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use age::secrecy::{ExposeSecret, SecretString};

use super::atomic;
use super::error::StoreError;
use super::layout::Layout;

/// The first bytes of every binary age file.
const AGE_HEADER: &[u8] = b"age-encryption.org/v1\n";

/// The scrypt work factor (log2 N) a passphrase is wrapped with: N = 2^16 takes 64 MiB and
/// about a quarter of a second on a 2-core laptop of 2020 (the unlock budget is 1 s, DESIGN
/// §8). age's own tool picks one that takes about a second on the machine it runs on.
pub const WORK_FACTOR: u8 = 16;

/// The highest work factor accepted when unlocking (2^20: 1 GiB, a few seconds), so a
/// tampered `identity.age` cannot make an unlock take hours.
const MAX_WORK_FACTOR: u8 = 20;

/// The identities of the journals unlocked in this process, by data folder.
static UNLOCKED: Mutex<Vec<(PathBuf, Arc<age::x25519::Identity>)>> = Mutex::new(Vec::new());

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
/// `recipient.txt`. Either is enough, so a journal that lost one of them (deleted by hand, or
/// half way through `closer encrypt`'s first step) is never written to in plain text.
pub fn is_encrypted(layout: &Layout) -> bool {
    std::fs::symlink_metadata(layout.identity_file()).is_ok()
        || std::fs::symlink_metadata(layout.recipient_file()).is_ok()
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
    let mut recipient = age::scrypt::Recipient::new(passphrase.clone());
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

fn remember(layout: &Layout, identity: age::x25519::Identity) {
    let key = key_of(layout);
    let mut unlocked = UNLOCKED.lock().unwrap_or_else(PoisonError::into_inner);
    unlocked.retain(|(root, _)| *root != key);
    unlocked.push((key, Arc::new(identity)));
}

/// The journal's identity, read from `identity.age` with `passphrase` (one scrypt).
fn read_identity(
    layout: &Layout,
    passphrase: &SecretString,
) -> Result<age::x25519::Identity, StoreError> {
    let path = layout.identity_file();
    let bytes = crate::files::read_regular(&path, crate::files::SETTINGS_CAP)
        .map_err(|e| StoreError::read(&path, e))?;
    let mut scrypt = age::scrypt::Identity::new(passphrase.clone());
    scrypt.set_max_work_factor(MAX_WORK_FACTOR);
    let text = match age::decrypt(&scrypt, &bytes) {
        Ok(text) => zeroize::Zeroizing::new(text),
        Err(age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys) => {
            return Err(StoreError::WrongPassphrase);
        }
        Err(e) => {
            return Err(StoreError::Crypto {
                path,
                message: e.to_string(),
            });
        }
    };
    let text = std::str::from_utf8(&text).map_err(|_| StoreError::Crypto {
        path: path.clone(),
        message: "it does not hold an age identity".to_owned(),
    })?;
    text.lines()
        .map(str::trim)
        .find(|l| l.starts_with("AGE-SECRET-KEY-"))
        .and_then(|l| l.parse::<age::x25519::Identity>().ok())
        .ok_or_else(|| StoreError::Crypto {
            path,
            message: "it does not hold an age identity".to_owned(),
        })
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
    protect_memory();
    let identity = read_identity(layout, passphrase)?;
    // `recipient.txt` must be this identity's own: anything else would encrypt new entries
    // to someone else's key.
    let mine = identity.to_public().to_string();
    match read_recipient_text(layout) {
        Some(theirs) if theirs == mine => {}
        _ => {
            let path = layout.recipient_file();
            atomic::write(&path, format!("{mine}\n").as_bytes())
                .map_err(|e| StoreError::write(&path, e))?;
        }
    }
    remember(layout, identity);
    Ok(())
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

/// The recipient new files of the journal at `layout` are encrypted to, when it is encrypted.
fn recipient(layout: &Layout) -> Result<Option<age::x25519::Recipient>, StoreError> {
    if !is_encrypted(layout) {
        return Ok(None);
    }
    if let Some(identity) = unlocked_identity(layout) {
        return Ok(Some(identity.to_public()));
    }
    read_recipient_text(layout)
        .and_then(|t| t.parse().ok())
        .map(Some)
        .ok_or_else(|| StoreError::Crypto {
            path: layout.recipient_file(),
            message: "the journal's recipient is missing or damaged; unlock the journal (with \
                      its passphrase) to write it again"
                .to_owned(),
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
    match recipient(layout)? {
        None => Ok(bytes),
        Some(r) => {
            let mut bytes = zeroize::Zeroizing::new(bytes);
            let sealed = seal_to(&r, path, &bytes);
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
mod tests {
    use super::*;

    fn pass(s: &str) -> SecretString {
        SecretString::from(s.to_owned())
    }

    #[test]
    fn a_file_sealed_for_the_journal_opens_only_when_it_is_unlocked() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::new(dir.path());
        assert!(!is_encrypted(&layout));
        let p = layout.day_file(chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
        assert_eq!(seal(&layout, &p, b"plain".to_vec()).unwrap(), b"plain");
        create(&layout, &pass("correct horse")).unwrap();
        assert!(is_encrypted(&layout) && is_unlocked(&layout));
        let sealed = seal(&layout, &p, b"{\"x\": 1}".to_vec()).unwrap();
        assert!(is_sealed(&sealed));
        assert!(!sealed.windows(6).any(|w| w == b"\"x\": 1"));
        assert_eq!(open(&layout, &p, sealed.clone()).unwrap(), b"{\"x\": 1}");
        assert_eq!(open(&layout, &p, b"{}".to_vec()).unwrap(), b"{}");
        lock(&layout);
        assert!(!is_unlocked(&layout));
        assert!(matches!(
            open(&layout, &p, sealed.clone()),
            Err(StoreError::Locked { .. })
        ));
        // Writing needs only the recipient.
        let more = seal(&layout, &p, b"new".to_vec()).unwrap();
        assert!(matches!(
            unlock(&layout, &pass("wrong")),
            Err(StoreError::WrongPassphrase)
        ));
        assert!(!is_unlocked(&layout));
        unlock(&layout, &pass("correct horse")).unwrap();
        assert_eq!(open(&layout, &p, more).unwrap(), b"new");
        // The identity decrypts with the age crate's own API, as the README says.
        let bytes = std::fs::read(layout.identity_file()).unwrap();
        let text =
            age::decrypt(&age::scrypt::Identity::new(pass("correct horse")), &bytes).unwrap();
        let line = String::from_utf8(text).unwrap();
        let id: age::x25519::Identity = line
            .lines()
            .find(|l| l.starts_with("AGE-SECRET-KEY-"))
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(age::decrypt(&id, &sealed).unwrap(), b"{\"x\": 1}");
        lock(&layout);
    }

    #[test]
    fn a_passphrase_change_rewraps_the_identity_only() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::new(dir.path());
        create(&layout, &pass("one")).unwrap();
        let p = layout.state_file();
        let sealed = seal(&layout, &p, b"words".to_vec()).unwrap();
        assert!(matches!(
            change_passphrase(&layout, &pass("nope"), &pass("two")),
            Err(StoreError::WrongPassphrase)
        ));
        change_passphrase(&layout, &pass("one"), &pass("two")).unwrap();
        lock(&layout);
        assert!(matches!(
            unlock(&layout, &pass("one")),
            Err(StoreError::WrongPassphrase)
        ));
        unlock(&layout, &pass("two")).unwrap();
        assert_eq!(open(&layout, &p, sealed).unwrap(), b"words");
        let text = seal_text(&layout, b"[\"his drinking\"]").unwrap().unwrap();
        assert!(text.starts_with("-----BEGIN AGE ENCRYPTED FILE-----"));
        assert_eq!(
            open_text(&layout, &text).unwrap().unwrap(),
            b"[\"his drinking\"]"
        );
        lock(&layout);
        assert_eq!(open_text(&layout, &text).unwrap(), None);
        assert!(matches!(
            create(&layout, &pass("x")),
            Err(StoreError::AlreadyEncrypted { .. })
        ));
    }

    #[test]
    fn a_journal_that_lost_a_key_file_is_never_written_in_plain_text() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::new(dir.path());
        create(&layout, &pass("p")).unwrap();
        lock(&layout);
        let p = layout.state_file();
        // identity.age deleted: what is written is still encrypted (and cannot be unlocked).
        std::fs::rename(layout.identity_file(), dir.path().join("id.bak")).unwrap();
        assert!(is_encrypted(&layout));
        assert!(is_sealed(&seal(&layout, &p, b"words".to_vec()).unwrap()));
        assert!(unlock(&layout, &pass("p")).is_err());
        // recipient.txt deleted instead: nothing is written while locked, rather than plain.
        std::fs::rename(dir.path().join("id.bak"), layout.identity_file()).unwrap();
        std::fs::remove_file(layout.recipient_file()).unwrap();
        assert!(is_encrypted(&layout));
        assert!(seal(&layout, &p, b"words".to_vec()).is_err());
        unlock(&layout, &pass("p")).unwrap();
        assert!(is_sealed(&seal(&layout, &p, b"words".to_vec()).unwrap()));
        assert!(
            layout.recipient_file().exists(),
            "unlocking writes it again"
        );
        lock(&layout);
    }

    #[test]
    fn a_replaced_recipient_is_put_right_on_unlock() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::new(dir.path());
        create(&layout, &pass("p")).unwrap();
        let mine = std::fs::read_to_string(layout.recipient_file()).unwrap();
        let other = age::x25519::Identity::generate().to_public().to_string();
        std::fs::write(layout.recipient_file(), other).unwrap();
        lock(&layout);
        unlock(&layout, &pass("p")).unwrap();
        assert_eq!(
            std::fs::read_to_string(layout.recipient_file()).unwrap(),
            mine
        );
        lock(&layout);
    }
}
