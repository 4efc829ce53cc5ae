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

use super::bodies::DayBody;
use super::layout::Layout;
use super::{StoreError, envelope};
use crate::journal::merge::{Changed, merge3};

/// Where the merge driver (run by git from the top of the work tree) leaves what it changed,
/// a JSON line an entry, for `closer sync` to say and then remove.
const MERGE_REPORT: &str = ".git/closer-merge-report.jsonl";

/// What `.gitignore` keeps out of the repository: the lock, the draft and its editor files,
/// temporary files (git's own too, left by a git that was stopped part way), the prediction
/// index (rebuilt after a merge), and config files beside the journal (`layout::NOT_JOURNAL`:
/// macOS's config folder, and the files an earlier closer kept there): this computer's
/// settings, never synced.
pub const GITIGNORE: &str = "# closer sync: what stays on this computer\n.lock\ndrafts/\n*.tmp\n.closer-*\n.merge_file_*\npredictions.json\ncache.age\n/config/\n/config.toml\n/prompts.toml\n/strategies.toml\n";

/// What `.gitattributes` says: day files merge with closer's driver.
pub const GITATTRIBUTES: &str = "# closer sync: day files merge by entry id (closer merge-day);\n# in a conflict over the settings, this computer's are kept\nentries/**/*.json merge=closer-day\nstate.json merge=closer-keep-ours\n";

/// What `.git/info/attributes` says. It outranks every `.gitattributes` in the work tree, so
/// one that came from another computer (`entries/.gitattributes` saying `merge=union`, or
/// `filter=lfs`) changes nothing: day files merge with closer's driver, and no filter, diff
/// driver or re-encoding named by the repository applies.
pub const INFO_ATTRIBUTES: &str = "# closer sync: these hold over any .gitattributes in the repository\n* !filter !diff !merge !working-tree-encoding !ident\nentries/**/*.json merge=closer-day\nstate.json merge=closer-keep-ours\n";

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
    /// What the merge of what came in changed here, entry by entry.
    pub merged: Vec<Changed>,
}

/// Settings given to every git command closer runs, over the repository's own: no hook runs
/// (they are looked for in a folder that cannot hold any, so a hook planted in `.git/hooks`
/// by a file-sync tool or a restore never runs), no file-system monitor command runs, and the
/// modes of what git writes follow the umask (never a `core.sharedRepository` that opens
/// them to a group).
const GIT_SETTINGS: [&str; 6] = [
    "-c",
    "core.hooksPath=/dev/null",
    "-c",
    "core.fsmonitor=false",
    "-c",
    "core.sharedRepository=umask",
];

/// The git command closer runs, under umask 077 so that what git writes (a checkout, a merged
/// day, the repository itself) is private whatever the person's umask: 0277 made `git init`
/// fail half way, 022 left merged days readable by all. The umask is set in a shell that then
/// becomes git, so it holds for git and what git starts (the merge driver, ssh) and nothing
/// else: closer's own umask is left alone (it is shared by all of closer's threads, and
/// setting it from the child after fork would need unsafe code).
fn git_command() -> Command {
    #[cfg(unix)]
    {
        let mut command = Command::new("sh");
        command
            .arg("-c")
            .arg("umask 077 && exec git \"$@\"")
            .arg("closer-git");
        command
    }
    #[cfg(not(unix))]
    {
        Command::new("git")
    }
}

/// The shell's status when it cannot find the program it was to run.
const NOT_FOUND: i32 = 127;

fn git(root: &Path, args: &[&str]) -> Result<Output, SyncError> {
    let mut command = git_command();
    command
        .args(GIT_SETTINGS)
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
    let missing = |why: String| {
        SyncError(format!(
            "closer sync runs git, which could not be started ({why}). Install git (for \
                 example: apt install git) and try again."
        ))
    };
    let out = command.output().map_err(|e| missing(e.to_string()))?;
    if cfg!(unix) && out.status.code() == Some(NOT_FOUND) {
        return Err(missing(
            String::from_utf8_lossy(&out.stderr).trim().to_owned(),
        ));
    }
    Ok(out)
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
    // Before: a repository an earlier git left unwritable (`.git` 0500 under umask 0277) is
    // made usable again. After, however the sync ended: what git wrote, and a clone made
    // under another umask, are private.
    make_private(root);
    let result = sync_steps(layout, closer_exe, host);
    make_private(root);
    result
}

fn sync_steps(layout: &Layout, closer_exe: &Path, host: &str) -> Result<Synced, SyncError> {
    let root = layout.root();
    let mut done = Synced {
        initialised: make_repository(root)?,
        ..Synced::default()
    };
    wait_for_index_lock(root)?;
    remove_merge_leftovers(root);
    write_attributes(root)?;
    refuse_unfinished_merge(root)?;
    register_merge_drivers(root, closer_exe)?;
    let who = identity(root);
    done.committed = commit_changes(root, &who, host)?;
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
    fetch(root, &remote)?;
    let theirs = format!("{remote}/{branch}");
    let has_theirs = git(root, &["rev-parse", "-q", "--verify", &theirs])?
        .status
        .success();
    let has_ours = git(root, &["rev-parse", "-q", "--verify", "HEAD"])?
        .status
        .success();
    if has_theirs {
        refuse_incoming_links(root, &theirs, has_ours)?;
    }
    if has_theirs {
        merge_theirs(root, &who, &theirs, &mut done)?;
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
            push(root, &remote, &branch, done.pulled)?;
            done.pushed = true;
        }
    }
    Ok(done)
}

/// Makes the data folder a repository when it is not one yet, or one whose `git init`
/// stopped half way (before it wrote HEAD); whether it did.
fn make_repository(root: &Path) -> Result<bool, SyncError> {
    let dot_git = root.join(".git");
    let half_made = dot_git.is_dir() && !dot_git.join("HEAD").exists();
    if dot_git.exists() && !half_made {
        return Ok(false);
    }
    // No template: nothing is copied from git's (or the person's) template folder, such as
    // sample hooks.
    ok(
        root,
        &["init", "-q", "--template="],
        "make the data folder a repository",
    )?;
    Ok(true)
}

/// Writes `.gitignore`, `.gitattributes` and the attributes that choose the merge drivers
/// where they differ from closer's.
fn write_attributes(root: &Path) -> Result<(), SyncError> {
    for (name, text) in [(".gitignore", GITIGNORE), (".gitattributes", GITATTRIBUTES)] {
        let path = root.join(name);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text) {
            super::atomic::write(&path, text.as_bytes())
                .map_err(|e| SyncError(format!("{} could not be written: {e}", path.display())))?;
        }
    }
    // The attributes that choose the merge drivers, where nothing pulled can override them.
    let info = ok(
        root,
        &["rev-parse", "--git-path", "info/attributes"],
        "find the repository's folder",
    )?;
    let info = root.join(info);
    if std::fs::read_to_string(&info).ok().as_deref() != Some(INFO_ATTRIBUTES) {
        info.parent()
            .map_or(Ok(()), super::atomic::create_private_dir)
            .and_then(|()| super::atomic::write(&info, INFO_ATTRIBUTES.as_bytes()))
            .map_err(|e| SyncError(format!("{} could not be written: {e}", info.display())))?;
    }
    Ok(())
}

/// A merge left unfinished (by hand, or one the driver could not do) is never committed as it
/// stands: that would keep one side of a day and drop the other's entries.
fn refuse_unfinished_merge(root: &Path) -> Result<(), SyncError> {
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
    Ok(())
}

/// Registers closer's merge drivers in the repository's configuration: day files merged by
/// entry id, this computer's settings kept.
fn register_merge_drivers(root: &Path, closer_exe: &Path) -> Result<(), SyncError> {
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
    Ok(())
}

/// Commits what changed in the data folder, as `who`; whether there was anything to commit.
fn commit_changes(root: &Path, who: &[String], host: &str) -> Result<bool, SyncError> {
    // Config files an earlier closer committed (macOS kept them beside the journal) leave the
    // repository; the files themselves stay where they are.
    let mut untrack = vec!["rm", "-r", "-q", "--cached", "--ignore-unmatch", "--"];
    untrack.extend(super::layout::NOT_JOURNAL);
    ok(root, &untrack, "leave the config files out")?;
    ok(root, &["add", "-A"], "stage the journal's changes")?;
    let staged = git(root, &["diff", "--cached", "--quiet"])?;
    let mut commit: Vec<&str> = who.iter().map(String::as_str).collect();
    let message = format!("closer sync from {host}");
    commit.extend(["commit", "-q", "-m", &message]);
    if staged.status.success() {
        return Ok(false);
    }
    ok(root, &commit, "commit the journal's changes")?;
    Ok(true)
}

/// Fetches from `remote`.
fn fetch(root: &Path, remote: &str) -> Result<(), SyncError> {
    let fetched = git(root, &["fetch", "-q", remote])?;
    if !fetched.status.success() {
        return Err(SyncError(format!(
            "git could not fetch from {remote}: {} What was written here is committed and \
             stays here; nothing came in and nothing was sent. Once {remote} can be reached \
             (the network, your access to it), run closer sync again.",
            String::from_utf8_lossy(&fetched.stderr).trim()
        )));
    }
    Ok(())
}

/// Merges the remote branch `theirs` into this one, as `who`: notes in `done` whether
/// anything came in and what the merge driver merged.
fn merge_theirs(
    root: &Path,
    who: &[String],
    theirs: &str,
    done: &mut Synced,
) -> Result<(), SyncError> {
    // A report a merge killed before it was read is not this merge's.
    let _ = std::fs::remove_file(root.join(MERGE_REPORT));
    let before = ok(root, &["rev-parse", "HEAD"], "read the commit").unwrap_or_default();
    let mut merge: Vec<&str> = who.iter().map(String::as_str).collect();
    merge.extend([
        "merge",
        "-q",
        "--no-edit",
        "--allow-unrelated-histories",
        theirs,
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
    done.merged = take_merge_report(root);
    Ok(())
}

/// Pushes `branch` to `remote`; `pulled` says whether something came in before.
fn push(root: &Path, remote: &str, branch: &str, pulled: bool) -> Result<(), SyncError> {
    let pushed = git(root, &["push", "-q", "-u", remote, branch])?;
    if !pushed.status.success() {
        return Err(SyncError(format!(
            "{remote} did not take the push: {} Nothing is lost: what was written \
             here{} is committed here and goes with the next closer sync. Once \
             {remote} takes pushes again (your access to it, its free space, a \
             branch it protects), run closer sync again.",
            String::from_utf8_lossy(&pushed.stderr).trim(),
            if pulled { ", and what came in," } else { "" }
        )));
    }
    Ok(())
}

/// Refuses to merge `theirs` when it brings symbolic links: links it has that neither this
/// computer's last commit nor the last one both sides share has. A day file (or a folder, or
/// `state.json`) that is a link could point anywhere on this computer, and closer would read
/// it, or write through it, as the journal's own file.
fn refuse_incoming_links(root: &Path, theirs: &str, has_ours: bool) -> Result<(), SyncError> {
    let incoming = links_in(root, theirs)?;
    if incoming.is_empty() {
        return Ok(());
    }
    let mut here = Vec::new();
    if has_ours {
        here = links_in(root, "HEAD")?;
        let base = git(root, &["merge-base", "HEAD", theirs])?;
        let base = String::from_utf8_lossy(&base.stdout).trim().to_owned();
        if !base.is_empty() {
            here.extend(links_in(root, &base)?);
        }
    }
    let new: Vec<&str> = incoming
        .iter()
        .filter(|link| !here.contains(link))
        .map(|(path, _)| path.as_str())
        .collect();
    if new.is_empty() {
        return Ok(());
    }
    let shown = new.len().min(5);
    let more = if new.len() > shown {
        format!(" and {} more", new.len() - shown)
    } else {
        String::new()
    };
    Err(SyncError(format!(
        "what came from {theirs} has symbolic links in the journal ({}{more}), which closer \
         does not follow: a link could point to any file on this computer. Nothing came in, \
         and what was written here is committed and stays here. On the computer that made \
         them, put the file itself in place of each link (or remove it) and run closer sync \
         there, then run closer sync here again.",
        new[..shown].join(", ")
    )))
}

/// The symbolic links in the tree of `rev`: each one's path and what it points to (its
/// object).
fn links_in(root: &Path, rev: &str) -> Result<Vec<(String, String)>, SyncError> {
    let out = git(root, &["ls-tree", "-r", "-z", "--full-tree", rev])?;
    if !out.status.success() {
        return Err(SyncError(format!(
            "git could not list the files of {rev}: {} Nothing came in; see `git -C {} \
             status`, then run closer sync again.",
            String::from_utf8_lossy(&out.stderr).trim(),
            root.display()
        )));
    }
    // Each: "<mode> <type> <object>\t<path>", ended by a NUL.
    Ok(String::from_utf8_lossy(&out.stdout)
        .split('\0')
        .filter_map(|line| {
            let (meta, path) = line.split_once('\t')?;
            let mut meta = meta.split(' ');
            let (mode, _, object) = (meta.next()?, meta.next()?, meta.next()?);
            (mode == "120000").then(|| (path.to_owned(), object.to_owned()))
        })
        .collect())
}

/// Waits a little for git's index lock to go: a git that closer started in a sync that was
/// stopped (closer killed) can still be finishing. One that stays is said, with what to do.
fn wait_for_index_lock(root: &Path) -> Result<(), SyncError> {
    let lock = root.join(".git").join("index.lock");
    for _ in 0..50 {
        if std::fs::symlink_metadata(&lock).is_err() {
            return Ok(());
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    Err(SyncError(format!(
        "git's lock {} is there, so closer will not start git. Either a git command is \
         running in the data folder (let it finish, or close the editor it opened), or one was \
         stopped part way (killed, or the computer stopped). If no git is running, remove the \
         lock (rm {0}) and run closer sync again: nothing of the journal is lost.",
        lock.display()
    )))
}

/// Removes the copies of day files a merge that was stopped (git killed while the merge driver
/// ran) left at the top of the work tree. No merge is running: the index lock is not there.
fn remove_merge_leftovers(root: &Path) {
    let Ok(entries) = std::fs::read_dir(root) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with(".merge_file_")
            && entry.file_type().is_ok_and(|t| t.is_file())
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Makes the data folder at `root` private after git wrote in it: every folder 0700 and
/// every file 0600 (in `.git`, files keep git's modes less the group's and others' bits, so
/// its objects stay read-only), whatever the umask was when they were written (a `git clone`
/// in a shell with umask 022, a sync by an older closer). A symbolic link is never followed,
/// nothing but folders and regular files is changed, and another file system mounted inside
/// is left alone. Best effort: what cannot be changed stays as it is.
#[cfg(unix)]
fn make_private(root: &Path) {
    use rustix::fs::{Mode, OFlags};
    let Ok(top) = rustix::fs::open(
        root,
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
        Mode::empty(),
    ) else {
        return;
    };
    let Ok(stat) = rustix::fs::fstat(&top) else {
        return;
    };
    if Mode::from_raw_mode(stat.st_mode) != Mode::RWXU {
        let _ = rustix::fs::fchmod(&top, Mode::RWXU);
    }
    make_folder_private(&top, &stat, Place::Top);
}

#[cfg(not(unix))]
fn make_private(_root: &Path) {}

/// Where a folder is in the data folder.
#[cfg(unix)]
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    /// The data folder itself.
    Top,
    /// In the work tree.
    Tree,
    /// In `.git`.
    Git,
}

#[cfg(unix)]
fn make_folder_private(dir: &std::os::fd::OwnedFd, top: &rustix::fs::Stat, place: Place) {
    use rustix::fs::{AtFlags, FileType, Mode, OFlags};
    let Ok(entries) = rustix::fs::Dir::read_from(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if name == c"." || name == c".." {
            continue;
        }
        let Ok(stat) = rustix::fs::statat(dir, name, AtFlags::SYMLINK_NOFOLLOW) else {
            continue;
        };
        let mode = Mode::from_raw_mode(stat.st_mode);
        let (flags, want, inner) = match FileType::from_raw_mode(stat.st_mode) {
            FileType::Directory if stat.st_dev == top.st_dev => {
                let inner = if place == Place::Git || (place == Place::Top && name == c".git") {
                    Place::Git
                } else {
                    Place::Tree
                };
                (OFlags::DIRECTORY, Mode::RWXU, Some(inner))
            }
            FileType::RegularFile if place == Place::Git => {
                (OFlags::empty(), mode & Mode::RWXU, None)
            }
            FileType::RegularFile => (OFlags::NONBLOCK, Mode::RUSR | Mode::WUSR, None),
            _ => continue,
        };
        if want == mode && inner.is_none() {
            continue;
        }
        let Ok(fd) = rustix::fs::openat(
            dir,
            name,
            OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NOCTTY | OFlags::CLOEXEC | flags,
            Mode::empty(),
        ) else {
            continue;
        };
        // Checked again once open: still what was looked at.
        let Ok(now) = rustix::fs::fstat(&fd) else {
            continue;
        };
        if now.st_ino != stat.st_ino || now.st_dev != stat.st_dev {
            continue;
        }
        if want != mode {
            let _ = rustix::fs::fchmod(&fd, want);
        }
        if let Some(inner) = inner {
            make_folder_private(&fd, top, inner);
        }
    }
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
    let (entries, changes) = merge3(&b.entries, &o.entries, &t.entries);
    report_merge(&changes);
    let schema = entries
        .iter()
        .map(crate::journal::Entry::schema)
        .max()
        .unwrap_or(super::SCHEMA_PLAIN);
    // What this closer does not know of either side is kept (ours first).
    let mut unknown = o.unknown.clone();
    unknown.add_missing(&t.unknown);
    let body = DayBody {
        date,
        entries,
        unknown,
    };
    let mut bytes = envelope::encode_as(ours, &body, schema)?;
    // Encrypted when either side was.
    if let (true, Some(identity)) = (sealed, &identity) {
        bytes = super::crypto::seal_for(identity, ours, &bytes)?;
    }
    std::fs::write(ours, bytes).map_err(|e| StoreError::write(ours, e))
}

/// What the merge driver left in [`MERGE_REPORT`] during this merge, removed once read.
fn take_merge_report(root: &Path) -> Vec<Changed> {
    let path = root.join(MERGE_REPORT);
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let _ = std::fs::remove_file(&path);
    let mut all: Vec<Changed> = text
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    all.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    all
}

/// Adds `changes` to the merge report, when the driver runs where `closer sync` reads it (the
/// top of a work tree with a `.git` folder). Best effort: a report that cannot be written
/// leaves the merge as it is.
fn report_merge(changes: &[Changed]) {
    if changes.is_empty() || !Path::new(".git").is_dir() {
        return;
    }
    let mut lines = String::new();
    for c in changes {
        if let Ok(line) = serde_json::to_string(c) {
            lines.push_str(&line);
            lines.push('\n');
        }
    }
    let _ = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(MERGE_REPORT)
        .and_then(|mut f| std::io::Write::write_all(&mut f, lines.as_bytes()));
}

/// The program git should call for `closer merge-day`: this one.
pub fn this_program() -> PathBuf {
    std::env::current_exe().unwrap_or_else(|_| PathBuf::from("closer"))
}
