//! Sync through git: the data folder is a repository, `closer sync` commits what changed, pulls
//! and pushes with the person's own git and credentials, and a merge driver (`closer
//! merge-day`, which git calls) merges a day changed on two computers by entry id, so the two
//! never conflict. Deletions travel as the day files' three-way merge sees them (and as trash
//! records, which are files like any other).
//!
//! git is run as a program (`git -C DATA …`), not linked: it is the git the person already
//! configured, with their remotes, keys and credential helpers.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use super::layout::Layout;
use super::scan::DayBody;
use super::{StoreError, envelope};
use crate::journal::merge::merge3;

/// What `.gitignore` keeps out of the repository: the lock, the draft and its editor files,
/// temporary files, and the prediction index (rebuilt after a merge).
pub const GITIGNORE: &str = "# closer sync: what stays on this computer\n.lock\ndrafts/\n*.tmp\n.closer-*\npredictions.json\ncache.age\n";

/// What `.gitattributes` says: day files merge with closer's driver.
pub const GITATTRIBUTES: &str = "# closer sync: day files merge by entry id (closer merge-day);\n# in a conflict over the settings, this computer's are kept\nentries/**/*.json merge=closer-day\nstate.json merge=closer-keep-ours\n";

/// Why a sync stopped, in words that say what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct SyncError(pub String);

/// What a sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Synced {
    /// The data folder became a repository now.
    pub initialised: bool,
    /// What changed here was committed.
    pub committed: bool,
    /// The remote it synced with, if any.
    pub remote: Option<String>,
    /// Changes from the remote were merged in.
    pub pulled: bool,
    /// Changes were pushed.
    pub pushed: bool,
}

fn git(root: &Path, args: &[&str]) -> Result<Output, SyncError> {
    let mut command = Command::new("git");
    command
        .arg("-C")
        .arg(root)
        .args(args)
        .env("GIT_TERMINAL_PROMPT", "0");
    // The merge driver of an encrypted journal reads and writes day files with its key:
    // handed to `git merge` alone (not to fetch, push and their ssh).
    if args.contains(&"merge")
        && let Some(identity) = super::crypto::identity_text(&super::Layout::new(root))
    {
        use age::secrecy::ExposeSecret as _;
        command.env(super::crypto::MERGE_IDENTITY_ENV, identity.expose_secret());
    }
    command.output().map_err(|e| {
        SyncError(format!(
            "closer sync runs git, which could not be started ({e}). Install git (for \
                 example: apt install git) and try again."
        ))
    })
}

fn ok(root: &Path, args: &[&str], doing: &str) -> Result<String, SyncError> {
    let out = git(root, args)?;
    if out.status.success() {
        return Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned());
    }
    Err(SyncError(format!(
        "git could not {doing}: {} Nothing of the journal was changed by closer; see `git -C {} status`.",
        String::from_utf8_lossy(&out.stderr).trim(),
        root.display()
    )))
}

/// `-c` settings for a commit when git has no identity configured (a fresh machine).
fn identity(root: &Path) -> Vec<String> {
    let has = |key: &str| {
        git(root, &["config", key]).is_ok_and(|o| o.status.success() && !o.stdout.is_empty())
    };
    let mut out = Vec::new();
    if !has("user.name") {
        out.extend(["-c".to_owned(), "user.name=closer".to_owned()]);
    }
    if !has("user.email") {
        out.extend(["-c".to_owned(), "user.email=closer@localhost".to_owned()]);
    }
    out
}

/// Quotes `path` for the shell git runs a merge driver with.
fn shell_quoted(path: &Path) -> String {
    format!("'{}'", path.to_string_lossy().replace('\'', "'\\''"))
}

/// Syncs the journal at `layout` through git, `closer_exe` being the program git calls to
/// merge day files. The caller holds the journal's lock (no closer writes meanwhile).
///
/// # Errors
/// git is missing, or a git step failed (its message is in the error, with what to do).
pub fn sync(layout: &Layout, closer_exe: &Path, host: &str) -> Result<Synced, SyncError> {
    let root = layout.root();
    let mut done = Synced::default();
    if !root.join(".git").exists() {
        ok(root, &["init", "-q"], "make the data folder a repository")?;
        done.initialised = true;
    }
    for (name, text) in [(".gitignore", GITIGNORE), (".gitattributes", GITATTRIBUTES)] {
        let path = root.join(name);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text) {
            super::atomic::write(&path, text.as_bytes())
                .map_err(|e| SyncError(format!("{} could not be written: {e}", path.display())))?;
        }
    }
    // A merge left unfinished (by hand, or one the driver could not do) is never committed
    // as it stands: that would keep one side of a day and drop the other's entries.
    let merging = git(root, &["rev-parse", "-q", "--verify", "MERGE_HEAD"])?
        .status
        .success();
    let unmerged = git(root, &["diff", "--name-only", "--diff-filter=U"])?;
    if merging || !unmerged.stdout.is_empty() {
        return Err(SyncError(format!(
            "a git merge in {} is not finished, so closer will not commit over it. Finish it \
             (`git -C {0} status`: fix the files it lists, `git add` them, `git commit`) or \
             undo it (`git -C {0} merge --abort`), then run closer sync again.",
            root.display()
        )));
    }
    let driver = format!("{} merge-day %O %A %B %P", shell_quoted(closer_exe));
    ok(
        root,
        &[
            "config",
            "merge.closer-day.name",
            "closer: day files by entry id",
        ],
        "register the merge driver",
    )?;
    ok(
        root,
        &["config", "merge.closer-day.driver", &driver],
        "register the merge driver",
    )?;
    for (key, value) in [
        (
            "merge.closer-keep-ours.name",
            "closer: keep this computer's settings",
        ),
        ("merge.closer-keep-ours.driver", "true"),
    ] {
        ok(root, &["config", key, value], "register the merge driver")?;
    }
    ok(root, &["add", "-A"], "stage the journal's changes")?;
    let staged = git(root, &["diff", "--cached", "--quiet"])?;
    let who = identity(root);
    let mut commit: Vec<&str> = who.iter().map(String::as_str).collect();
    let message = format!("closer sync from {host}");
    commit.extend(["commit", "-q", "-m", &message]);
    if !staged.status.success() {
        ok(root, &commit, "commit the journal's changes")?;
        done.committed = true;
    }
    let remote = ok(root, &["remote"], "list the remotes")?;
    let Some(remote) = remote.lines().next().map(str::to_owned) else {
        return Ok(done);
    };
    done.remote = Some(remote.clone());
    let branch = ok(
        root,
        &["symbolic-ref", "--short", "HEAD"],
        "find the branch",
    )?;
    ok(
        root,
        &["fetch", "-q", &remote],
        &format!("fetch from {remote}"),
    )?;
    let theirs = format!("{remote}/{branch}");
    let has_theirs = git(root, &["rev-parse", "-q", "--verify", &theirs])?
        .status
        .success();
    let has_ours = git(root, &["rev-parse", "-q", "--verify", "HEAD"])?
        .status
        .success();
    if has_theirs {
        let before = ok(root, &["rev-parse", "HEAD"], "read the commit").unwrap_or_default();
        let mut merge: Vec<&str> = who.iter().map(String::as_str).collect();
        merge.extend([
            "merge",
            "-q",
            "--no-edit",
            "--allow-unrelated-histories",
            &theirs,
        ]);
        let out = git(root, &merge)?;
        if !out.status.success() {
            return Err(SyncError(format!(
                "git could not merge {theirs}: {} The day files merged where they could; for \
                 the rest, run `git -C {} status`, finish the merge by hand (or `git merge \
                 --abort`), then `closer sync` again.",
                String::from_utf8_lossy(&out.stderr).trim(),
                root.display()
            )));
        }
        let after = ok(root, &["rev-parse", "HEAD"], "read the commit").unwrap_or_default();
        done.pulled = before != after;
    }
    if has_ours || has_theirs {
        let ahead = if has_theirs {
            ok(
                root,
                &["rev-list", "--count", &format!("{theirs}..HEAD")],
                "compare",
            )?
        } else {
            "1".to_owned()
        };
        if ahead != "0" {
            ok(
                root,
                &["push", "-q", "-u", &remote, &branch],
                &format!("push to {remote}"),
            )?;
            done.pushed = true;
        }
    }
    Ok(done)
}

/// The merge driver: merges the day files at `base`, `ours` and `theirs` (git's %O %A %B) by
/// entry id into `ours`. A base that is empty or missing is an empty day.
///
/// # Errors
/// A file cannot be read or is not a day file this closer reads (git then keeps its
/// conflict markers for the person to finish).
pub fn merge_day(base: &Path, ours: &Path, theirs: &Path) -> Result<(), StoreError> {
    if std::env::var_os(super::crypto::MERGE_IDENTITY_ENV).is_some() {
        super::crypto::protect_memory();
    }
    let identity: Option<age::x25519::Identity> = std::env::var(super::crypto::MERGE_IDENTITY_ENV)
        .ok()
        .and_then(|text| text.parse().ok());
    let mut sealed = false;
    let mut read = |path: &Path| -> Result<DayBody, StoreError> {
        let bytes = std::fs::read(path).map_err(|e| StoreError::read(path, e))?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(DayBody::default());
        }
        sealed |= super::crypto::is_sealed(&bytes);
        let bytes = super::crypto::open_with(identity.as_ref(), path, bytes)?;
        envelope::decode(path, &bytes)
    };
    let (b, o, t) = (read(base)?, read(ours)?, read(theirs)?);
    let date = if o.entries.is_empty() { t.date } else { o.date };
    let entries = merge3(&b.entries, &o.entries, &t.entries);
    let schema = if entries.iter().any(crate::journal::Entry::needs_schema_2) {
        2
    } else {
        super::SCHEMA_PLAIN
    };
    let mut bytes = envelope::encode_as(ours, &DayBody { date, entries }, schema)?;
    // Encrypted when either side was.
    if let (true, Some(identity)) = (sealed, &identity) {
        bytes = super::crypto::seal_for(identity, ours, &bytes)?;
    }
    std::fs::write(ours, bytes).map_err(|e| StoreError::write(ours, e))
}

/// The program git should call for `closer merge-day`: this one.
pub fn this_program() -> PathBuf {
    std::env::current_exe().unwrap_or_else(|_| PathBuf::from("closer"))
}
