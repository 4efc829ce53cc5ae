//! `closer sync` with two data folders and a bare repository on disk, as two computers would:
//! entries added on both on the same day, an entry edited on both, one deleted on one side and
//! edited on the other, one deleted on one side only. After syncing both (twice), both exports
//! are identical and nothing written is lost.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

mod common;

use closer::journal::entry::thin_vec;
use std::path::{Path, PathBuf};
use std::process::Command;

use closer::store::{Layout, Store};
use common::entry;

fn closer(root: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_closer"))
        .args(args)
        .arg("--data-dir")
        .arg(root)
        .env_remove("CLOSER_DATA_DIR")
        .env_remove("CLOSER_CONFIG")
        .env("XDG_CONFIG_HOME", "/nonexistent-closer-test-config")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "closer {args:?}: {text}");
    text
}

fn git(args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn export(root: &Path) -> serde_json::Value {
    let mut v: serde_json::Value =
        serde_json::from_str(&closer(root, &["export", "--format", "json"])).unwrap();
    v.as_object_mut().unwrap().remove("exported_at");
    v
}

fn notes(root: &Path) -> Vec<String> {
    closer::store::scan(&Layout::new(root))
        .entries
        .into_iter()
        .map(|e| e.notes)
        .collect()
}

#[test]
fn two_computers_that_wrote_on_the_same_day_merge_without_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let bare = dir.path().join("remote.git");
    git(&["init", "-q", "--bare", bare.to_str().unwrap()]);
    let a = dir.path().join("laptop");
    let b = dir.path().join("desktop");

    // The laptop starts the journal and syncs it up.
    let store = Store::open(&a).unwrap();
    let mut shared = Vec::new();
    for (i, note) in [
        "edited on both",
        "deleted here, edited there",
        "deleted on one side only",
        "kept",
    ]
    .iter()
    .enumerate()
    {
        let mut e = entry(&format!("2025-06-01T{:02}:00:00+01:00", 8 + i), i as u32);
        e.notes = (*note).to_owned();
        store.save_entry(&e).unwrap();
        shared.push(e);
    }
    drop(store);
    let text = closer(&a, &["sync"]);
    assert!(
        text.contains("now a git repository") && text.contains("No remote yet"),
        "{text}"
    );
    git(&[
        "-C",
        a.to_str().unwrap(),
        "remote",
        "add",
        "origin",
        bare.to_str().unwrap(),
    ]);
    let text = closer(&a, &["sync"]);
    assert!(text.contains("pushed"), "{text}");

    // The desktop takes a copy.
    git(&["clone", "-q", bare.to_str().unwrap(), b.to_str().unwrap()]);
    closer(&b, &["sync"]);
    assert_eq!(export(&a), export(&b));

    // Both write on the same day.
    let sa = Store::open(&a).unwrap();
    let mut e0 = shared[0].clone();
    e0.notes = "edited on both: the laptop's, later".into();
    e0.updated_at += chrono::Duration::minutes(30);
    sa.save_entry(&e0).unwrap();
    sa.delete_entry(shared[1].date, &shared[1].id, shared[1].updated_at)
        .unwrap();
    sa.delete_entry(shared[2].date, &shared[2].id, shared[2].updated_at)
        .unwrap();
    let mut new_a = entry("2025-06-01T20:00:00+01:00", 10);
    new_a.notes = "new on the laptop".into();
    sa.save_entry(&new_a).unwrap();
    drop(sa);

    let sb = Store::open(&b).unwrap();
    let mut e0b = shared[0].clone();
    e0b.notes = "edited on both: the desktop's, earlier".into();
    e0b.updated_at += chrono::Duration::minutes(10);
    sb.save_entry(&e0b).unwrap();
    let mut e1b = shared[1].clone();
    e1b.notes = "deleted here, edited there: the desktop's edit".into();
    e1b.updated_at += chrono::Duration::minutes(5);
    sb.save_entry(&e1b).unwrap();
    let mut new_b = entry("2025-06-01T21:00:00+01:00", 11);
    new_b.notes = "new on the desktop".into();
    sb.save_entry(&new_b).unwrap();
    drop(sb);

    // Each syncs, then each again.
    for root in [&a, &b, &a, &b] {
        closer(root, &["sync"]);
    }
    assert_eq!(
        export(&a),
        export(&b),
        "both computers have the same journal"
    );
    let got = notes(&a);
    assert_eq!(got.len(), 5, "{got:?}");
    // Edited on both: both versions kept (clocks decide nothing), said in the entry.
    assert!(
        got[0].contains("edited on both: the laptop's, later")
            && got[0].contains("edited on both: the desktop's, earlier")
            && got[0].contains(closer::journal::merge::OTHER_VERSION),
        "{}",
        got[0]
    );
    assert_eq!(
        got[1..],
        [
            "deleted here, edited there: the desktop's edit",
            "kept",
            "new on the laptop",
            "new on the desktop"
        ],
        "an edit outlives a deletion, a plain deletion travels, both additions stay"
    );
    // Nothing was a conflict: no markers, no copies.
    let day = std::fs::read_to_string(Layout::new(&a).day_file(shared[0].date)).unwrap();
    assert!(!day.contains("<<<<<<<"), "{day}");
    // The deletion that travelled is in both trashes.
    assert!(
        Store::open(&b)
            .unwrap()
            .trash()
            .iter()
            .any(|t| t.entry.id == shared[2].id)
    );
}

/// A merge left unfinished is never committed over: sync stops and says how to finish it.
#[test]
fn an_unfinished_merge_stops_sync_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("journal");
    Store::open(&a)
        .unwrap()
        .save_entry(&entry("2025-06-01T08:00:00+01:00", 1))
        .unwrap();
    closer(&a, &["sync"]);
    let head = std::fs::read_to_string(a.join(".git/HEAD")).unwrap();
    let rev = Command::new("git")
        .args(["-C", a.to_str().unwrap(), "rev-parse", "HEAD"])
        .output()
        .unwrap();
    assert!(head.starts_with("ref:"));
    std::fs::write(a.join(".git/MERGE_HEAD"), rev.stdout).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_closer"))
        .args(["sync", "--data-dir", a.to_str().unwrap()])
        .env("XDG_CONFIG_HOME", "/nonexistent-closer-test-config")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("not finished") && err.contains("merge --abort"),
        "{err}"
    );
}

/// Issue 16: an encrypted journal syncs encrypted. The other computer unlocks it with the same
/// passphrase, a day written on both merges by entry id through the merge driver (handed the
/// key through git's environment), and the merged day is encrypted again.
#[test]
fn an_encrypted_journal_syncs_and_merges_a_day_written_on_both_encrypted() {
    use age::secrecy::SecretString;
    use closer::store::crypto;
    const PASS: &str = "the same on both computers";
    let with_pass = |root: &Path, args: &[&str]| -> String {
        let mut all: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
        all.extend([std::ffi::OsStr::new("--data-dir"), root.as_os_str()]);
        let child = common::spawn_with_passphrase(
            &all,
            &format!("{PASS}\n"),
            &[
                ("GIT_CONFIG_GLOBAL", "/dev/null"),
                ("GIT_CONFIG_NOSYSTEM", "1"),
            ],
        );
        let out = child.wait_with_output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "closer {args:?}: {text}");
        text
    };
    let dir = tempfile::tempdir().unwrap();
    let bare = dir.path().join("remote.git");
    git(&["init", "-q", "--bare", bare.to_str().unwrap()]);
    let a = dir.path().join("laptop");
    let b = dir.path().join("desktop");
    let store = Store::open(&a).unwrap();
    let mut first = entry("2025-06-01T08:00:00+01:00", 1);
    first.notes = "SECRETNOTE written first".into();
    store.save_entry(&first).unwrap();
    closer::store::convert::encrypt(&store, &SecretString::from(PASS.to_owned()), |_, _| {})
        .unwrap();
    drop(store);
    crypto::lock(&Layout::new(&a));
    with_pass(&a, &["sync"]);
    git(&[
        "-C",
        a.to_str().unwrap(),
        "remote",
        "add",
        "origin",
        bare.to_str().unwrap(),
    ]);
    with_pass(&a, &["sync"]);
    git(&["clone", "-q", bare.to_str().unwrap(), b.to_str().unwrap()]);
    with_pass(&b, &["sync"]);

    // Both write on that day, each unlocked with the passphrase.
    for (root, n, note) in [
        (&a, 2, "SECRETNOTE on the laptop"),
        (&b, 3, "SECRETNOTE on the desktop"),
    ] {
        crypto::unlock(&Layout::new(root), &SecretString::from(PASS.to_owned())).unwrap();
        let mut e = entry(&format!("2025-06-01T2{n}:00:00+01:00"), n);
        e.notes = note.into();
        Store::open(root).unwrap().save_entry(&e).unwrap();
        crypto::lock(&Layout::new(root));
    }
    for root in [&a, &b, &a, &b] {
        with_pass(root, &["sync"]);
    }
    let exported = |root: &Path| {
        let mut v: serde_json::Value = serde_json::from_str(
            &with_pass(root, &["export", "--format", "json"])
                .lines()
                .filter(|l| !l.starts_with("closer: note"))
                .collect::<Vec<_>>()
                .join("\n"),
        )
        .unwrap();
        v.as_object_mut().unwrap().remove("exported_at");
        v
    };
    let (ea, eb) = (exported(&a), exported(&b));
    assert_eq!(ea, eb, "both computers have the same journal");
    assert_eq!(ea["entries"].as_array().unwrap().len(), 3, "{ea}");
    // On disk, in both folders and in the repository, the day is encrypted.
    let day = std::fs::read(Layout::new(&a).day_file(first.date)).unwrap();
    assert!(crypto::is_sealed(&day), "the merged day is encrypted again");
    let grep = Command::new("grep")
        .args(["-r", "-l", "SECRETNOTE"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&grep.stdout).trim().is_empty(),
        "readable words in: {}",
        String::from_utf8_lossy(&grep.stdout)
    );
}

/// `closer sync` as [`closer`] does, under the umask `umask` (set by a shell that then becomes
/// closer), with `env` added; what it printed, and its status.
fn closer_with(
    root: &Path,
    args: &[&str],
    umask: &str,
    env: &[(&str, &std::ffi::OsStr)],
) -> (std::process::ExitStatus, String) {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!("umask {umask} && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_closer"))
        .args(args)
        .arg("--data-dir")
        .arg(root)
        .env_remove("CLOSER_DATA_DIR")
        .env_remove("CLOSER_CONFIG")
        .env("XDG_CONFIG_HOME", "/nonexistent-closer-test-config")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1");
    for (key, value) in env {
        cmd.env(key, value);
    }
    let out = cmd.output().unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status, text)
}

/// git as [`git`] does, under the umask `umask`.
fn git_with_umask(umask: &str, args: &[&str]) {
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("umask {umask} && exec git \"$@\""))
        .arg("git")
        .args(args)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A commit by git alone in `root` (as a person, or another tool, would make one).
fn git_commit_all(root: &Path, message: &str) {
    let r = root.to_str().unwrap();
    git(&["-C", r, "add", "-A"]);
    git(&[
        "-C",
        r,
        "-c",
        "user.name=someone",
        "-c",
        "user.email=someone@localhost",
        "commit",
        "-q",
        "-m",
        message,
    ]);
}

/// Two computers syncing through a bare repository in `dir`: the laptop starts the journal
/// with `first` and pushes it, the desktop clones it and syncs.
fn two_computers(dir: &Path, first: &closer::journal::Entry) -> (PathBuf, PathBuf, PathBuf) {
    let bare = dir.join("remote.git");
    git(&["init", "-q", "--bare", bare.to_str().unwrap()]);
    let a = dir.join("laptop");
    let b = dir.join("desktop");
    Store::open(&a).unwrap().save_entry(first).unwrap();
    closer(&a, &["sync"]);
    git(&[
        "-C",
        a.to_str().unwrap(),
        "remote",
        "add",
        "origin",
        bare.to_str().unwrap(),
    ]);
    closer(&a, &["sync"]);
    git(&["clone", "-q", bare.to_str().unwrap(), b.to_str().unwrap()]);
    closer(&b, &["sync"]);
    (bare, a, b)
}

/// Saves a new entry on 2025-06-01 with `note` in the journal at `root`.
fn write_on_the_day(root: &Path, n: u32, note: &str) {
    let mut e = entry(
        &format!("2025-06-01T{:02}:{:02}:00+01:00", 8 + n / 60, n % 60),
        n,
    );
    e.notes = note.into();
    Store::open(root).unwrap().save_entry(&e).unwrap();
}

/// What in the data folder at `root` is not private: a folder that is not 0700, a file of
/// the work tree that is not 0600, a file in `.git` the group or others may read or write.
#[cfg(unix)]
fn not_private(root: &Path) -> Vec<String> {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| std::fs::symlink_metadata(p).unwrap().permissions().mode() & 0o7777;
    let mut out = Vec::new();
    if mode(root) != 0o700 {
        out.push(format!("{} {:o}", root.display(), mode(root)));
    }
    let mut stack = vec![(root.to_owned(), false)];
    while let Some((dir, in_git)) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            let meta = std::fs::symlink_metadata(&p).unwrap();
            let m = mode(&p);
            let in_git = in_git || (dir == root && p.file_name().unwrap() == ".git");
            let bad = if meta.is_dir() {
                stack.push((p.clone(), in_git));
                m != 0o700
            } else if meta.is_file() {
                if in_git { m & 0o077 != 0 } else { m != 0o600 }
            } else {
                false
            };
            if bad {
                out.push(format!("{} {m:o}", p.display()));
            }
        }
    }
    out
}

/// Issue 31: files 0600 and folders 0700 whatever git or the umask does. `git init` under
/// umask 0277 (it left `.git` 0500), the README's `git clone` onto the other computer in a
/// shell with umask 022 (0755 and 0644), a day merged by sync (0644): all private after
/// `closer sync`; and a clone made under umask 077, as the README says, is private from the
/// start.
#[cfg(unix)]
#[test]
fn what_git_writes_in_a_sync_is_private_whatever_the_umask() {
    let dir = tempfile::tempdir().unwrap();
    let bare = dir.path().join("remote.git");
    git(&["init", "-q", "--bare", bare.to_str().unwrap()]);
    let a = dir.path().join("laptop");
    write_on_the_day(&a, 1, "first");
    let (status, text) = closer_with(&a, &["sync"], "0277", &[]);
    assert!(status.success(), "{text}");
    assert!(text.contains("now a git repository"), "{text}");
    assert_eq!(not_private(&a), Vec::<String>::new(), "after git init");
    git(&[
        "-C",
        a.to_str().unwrap(),
        "remote",
        "add",
        "origin",
        bare.to_str().unwrap(),
    ]);
    let (status, text) = closer_with(&a, &["sync"], "0277", &[]);
    assert!(status.success() && text.contains("pushed"), "{text}");
    assert_eq!(not_private(&a), Vec::<String>::new(), "after a push");

    // The other computer clones in a shell with umask 022: the first sync makes it private.
    let b = dir.path().join("desktop");
    git_with_umask(
        "022",
        &["clone", "-q", bare.to_str().unwrap(), b.to_str().unwrap()],
    );
    assert!(!not_private(&b).is_empty(), "the clone is readable by all");
    let (status, text) = closer_with(&b, &["sync"], "022", &[]);
    assert!(status.success(), "{text}");
    assert_eq!(
        not_private(&b),
        Vec::<String>::new(),
        "after the first sync"
    );

    // A day written on both is merged by one and fast-forwarded by the other: still 0600.
    write_on_the_day(&a, 2, "on the laptop");
    write_on_the_day(&b, 3, "on the desktop");
    for root in [&a, &b, &a] {
        let (status, text) = closer_with(root, &["sync"], "022", &[]);
        assert!(status.success(), "{text}");
    }
    for root in [&a, &b] {
        assert_eq!(not_private(root), Vec::<String>::new(), "after a merge");
        assert_eq!(notes(root), ["first", "on the laptop", "on the desktop"]);
    }

    // The README's way: a clone under umask 077 is private before closer ever runs.
    let c = dir.path().join("third");
    git_with_umask(
        "077",
        &["clone", "-q", bare.to_str().unwrap(), c.to_str().unwrap()],
    );
    assert_eq!(
        not_private(&c),
        Vec::<String>::new(),
        "a clone under umask 077"
    );
    let (status, text) = closer_with(&c, &["sync"], "022", &[]);
    assert!(status.success(), "{text}");
    assert_eq!(not_private(&c), Vec::<String>::new());
    assert_eq!(export(&c), export(&a));
}

/// Issue 31: a remote that refuses the push. closer says so plainly, and what was written
/// here stays committed here; once the remote takes pushes again, the next sync sends it.
#[test]
fn a_remote_that_refuses_the_push_is_said_plainly_and_the_commit_stays() {
    let dir = tempfile::tempdir().unwrap();
    let (bare, a, b) = two_computers(dir.path(), &entry("2025-06-01T08:00:00+01:00", 1));
    let hook = bare.join("hooks/pre-receive");
    std::fs::write(
        &hook,
        "#!/bin/sh\necho 'this remote takes no pushes today' >&2\nexit 1\n",
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    write_on_the_day(&a, 2, "kept through a refused push");
    let (status, text) = closer_with(&a, &["sync"], "077", &[]);
    assert!(!status.success(), "{text}");
    assert!(
        text.contains("origin did not take the push")
            && text.contains("takes no pushes today")
            && text.contains("committed here")
            && text.contains("run closer sync again"),
        "{text}"
    );
    // Committed: nothing is left to commit, and the commit holds the entry.
    let status = Command::new("git")
        .args(["-C", a.to_str().unwrap(), "status", "--porcelain"])
        .output()
        .unwrap();
    assert!(status.stdout.is_empty(), "{status:?}");
    let shown = Command::new("git")
        .args(["-C", a.to_str().unwrap(), "show", "HEAD"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&shown.stdout).contains("kept through a refused push"));

    std::fs::remove_file(&hook).unwrap();
    let text = closer(&a, &["sync"]);
    assert!(text.contains("pushed"), "{text}");
    closer(&b, &["sync"]);
    assert!(notes(&b).contains(&"kept through a refused push".to_owned()));
}

/// Issue 31: what came from the other computer, or was planted in `.git`, runs nothing. A
/// pushed `entries/.gitattributes` that would merge day files line by line (`merge=union`)
/// does not replace closer's merge driver, a hook committed to the repository is a file like
/// any other, and hooks planted in the laptop's `.git/hooks` (by a file-sync tool, a restore)
/// never run.
#[cfg(unix)]
#[test]
fn nothing_that_came_in_or_was_planted_runs_and_days_merge_by_entry() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let (_bare, a, b) = two_computers(dir.path(), &entry("2025-06-01T08:00:00+01:00", 1));
    let marks = dir.path().join("marks");
    std::fs::create_dir(&marks).unwrap();
    let hook_text = |name: &str| format!("#!/bin/sh\ntouch '{}/{name}'\n", marks.display());

    // The desktop's git alone commits attributes and a hook, and pushes them.
    std::fs::write(b.join("entries/.gitattributes"), "* merge=union\n").unwrap();
    std::fs::create_dir(b.join(".githooks")).unwrap();
    let pushed_hook = b.join(".githooks/post-merge");
    std::fs::write(&pushed_hook, hook_text("pushed-post-merge")).unwrap();
    std::fs::set_permissions(&pushed_hook, std::fs::Permissions::from_mode(0o755)).unwrap();
    git_commit_all(&b, "attributes and a hook");
    git(&["-C", b.to_str().unwrap(), "push", "-q", "origin", "HEAD"]);

    // Hooks planted in the laptop's repository.
    let hooks = a.join(".git/hooks");
    std::fs::create_dir_all(&hooks).unwrap();
    for name in [
        "pre-commit",
        "prepare-commit-msg",
        "commit-msg",
        "post-commit",
        "pre-merge-commit",
        "post-merge",
        "post-checkout",
        "pre-push",
        "reference-transaction",
        "pre-auto-gc",
    ] {
        let path = hooks.join(name);
        std::fs::write(&path, hook_text(name)).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }

    // The laptop takes them in; then both write on the same day, and each syncs.
    write_on_the_day(&a, 2, "on the laptop, before");
    closer(&a, &["sync"]);
    assert!(a.join("entries/.gitattributes").exists());
    write_on_the_day(&b, 3, "on the desktop");
    closer(&b, &["sync"]);
    write_on_the_day(&a, 4, "on the laptop");
    for root in [&a, &b, &a] {
        closer(root, &["sync"]);
    }
    let ran: Vec<_> = std::fs::read_dir(&marks)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(ran.is_empty(), "hooks ran: {ran:?}");
    let day = std::fs::read_to_string(a.join("entries/2025/2025-06-01.json")).unwrap();
    assert!(
        serde_json::from_str::<serde_json::Value>(&day).is_ok(),
        "the day is not a day file: {day}"
    );
    for root in [&a, &b] {
        assert_eq!(
            notes(root),
            [
                "",
                "on the laptop, before",
                "on the desktop",
                "on the laptop"
            ]
        );
    }
    assert_eq!(export(&a), export(&b));
}

/// Issue 31: a day file that came in as a symbolic link (to a file outside the data folder,
/// or to /etc/passwd) is not followed: sync says which, merges nothing, keeps what was written
/// here committed, and goes on once the other computer replaced the link.
#[cfg(unix)]
#[test]
fn a_symbolic_link_that_came_in_is_said_and_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let (_bare, a, b) = two_computers(dir.path(), &entry("2025-06-01T08:00:00+01:00", 1));
    // Outside the data folder, a file closer would read as a day.
    let outside = dir.path().join("outside");
    let mut secret = entry("2025-06-02T08:00:00+01:00", 7);
    secret.notes = "OUTSIDE the data folder".into();
    Store::open(&outside).unwrap().save_entry(&secret).unwrap();
    let outside_day = Layout::new(&outside).day_file(secret.date);
    let linked = b.join("entries/2025/2025-06-02.json");
    std::os::unix::fs::symlink(&outside_day, &linked).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", b.join("entries/2025/2025-06-03.json")).unwrap();
    git_commit_all(&b, "links");
    git(&["-C", b.to_str().unwrap(), "push", "-q", "origin", "HEAD"]);

    write_on_the_day(&a, 2, "written on the laptop");
    let (status, text) = closer_with(&a, &["sync"], "077", &[]);
    assert!(!status.success(), "{text}");
    assert!(
        text.contains("symbolic links")
            && text.contains("entries/2025/2025-06-02.json")
            && text.contains("entries/2025/2025-06-03.json")
            && text.contains("committed"),
        "{text}"
    );
    for day in ["2025-06-02", "2025-06-03"] {
        assert!(
            std::fs::symlink_metadata(a.join(format!("entries/2025/{day}.json"))).is_err(),
            "{day} came in"
        );
    }
    let got = notes(&a);
    assert!(!got.iter().any(|n| n.contains("OUTSIDE")), "{got:?}");
    assert!(got.contains(&"written on the laptop".to_owned()), "{got:?}");
    let status = Command::new("git")
        .args(["-C", a.to_str().unwrap(), "status", "--porcelain"])
        .output()
        .unwrap();
    assert!(status.stdout.is_empty(), "{status:?}");

    // The desktop puts the file itself in place of the link (and drops the other).
    std::fs::remove_file(&linked).unwrap();
    std::fs::copy(&outside_day, &linked).unwrap();
    std::fs::remove_file(b.join("entries/2025/2025-06-03.json")).unwrap();
    closer(&b, &["sync"]);
    closer(&a, &["sync"]);
    closer(&b, &["sync"]);
    assert_eq!(export(&a), export(&b));
    assert!(notes(&a).contains(&"OUTSIDE the data folder".to_owned()));
}

/// Issue 31: a sync stopped by SIGKILL at each of its steps (closer alone, after a git step
/// or as one starts; or closer and git together while the merge driver runs) is finished by
/// the next sync, and no words are lost on either computer.
#[cfg(unix)]
#[test]
fn a_sync_killed_at_any_step_is_finished_by_the_next_and_loses_no_words() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::ExitStatusExt;
    let dir = tempfile::tempdir().unwrap();
    let (_bare, a, b) = two_computers(dir.path(), &entry("2025-06-01T08:00:00+01:00", 1));
    // A git in front of the real one that kills closer (and itself) at a chosen step.
    let real = Command::new("sh")
        .args(["-c", "command -v git"])
        .output()
        .unwrap();
    let real = String::from_utf8(real.stdout).unwrap().trim().to_owned();
    let fake = dir.path().join("bin");
    std::fs::create_dir(&fake).unwrap();
    std::fs::write(
        fake.join("git"),
        format!(
            r#"#!/bin/sh
step=; skip=
for arg in "$@"; do
    if [ -n "$skip" ]; then skip=; continue; fi
    case "$arg" in -c|-C) skip=1 ;; -*) ;; *) step=$arg; break ;; esac
done
if [ "$step" = "$KILL_AT" ]; then
    case "$KILL_HOW" in
    before) kill -9 $PPID; exit 1 ;;
    after) '{real}' "$@"; status=$?; kill -9 $PPID; exit $status ;;
    driver) exec '{real}' -c "merge.closer-day.driver=kill -9 $PPID \$PPID; sleep 1" "$@" ;;
    esac
fi
exec '{real}' "$@"
"#
        ),
    )
    .unwrap();
    std::fs::set_permissions(fake.join("git"), std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = std::env::join_paths(std::iter::once(fake.clone()).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .unwrap();

    let mut words = vec![String::new()];
    for (n, (at, how)) in [
        ("add", "after"),
        ("commit", "after"),
        ("fetch", "before"),
        ("fetch", "after"),
        ("merge", "before"),
        ("merge", "driver"),
        ("merge", "after"),
        ("push", "before"),
        ("push", "after"),
    ]
    .into_iter()
    .enumerate()
    {
        let n = u32::try_from(n).unwrap() * 2 + 10;
        let (here, there) = (format!("laptop {at} {how}"), format!("desktop {at} {how}"));
        write_on_the_day(&a, n, &here);
        write_on_the_day(&b, n + 1, &there);
        closer(&b, &["sync"]);
        let (status, text) = closer_with(
            &a,
            &["sync"],
            "022",
            &[
                ("PATH", path.as_os_str()),
                ("KILL_AT", std::ffi::OsStr::new(at)),
                ("KILL_HOW", std::ffi::OsStr::new(how)),
            ],
        );
        assert_eq!(status.signal(), Some(9), "{at} {how}: not killed: {text}");
        // The next sync finishes. Killed with closer, git could not remove its lock: closer
        // says so, and what to do.
        let (status, text) = closer_with(&a, &["sync"], "022", &[]);
        if how == "driver" {
            assert!(!status.success(), "{text}");
            assert!(
                text.contains("index.lock") && text.contains("If no git is running, remove"),
                "{text}"
            );
            std::fs::remove_file(a.join(".git/index.lock")).unwrap();
            closer(&a, &["sync"]);
        } else {
            assert!(status.success(), "after {at} {how}: {text}");
        }
        closer(&b, &["sync"]);
        closer(&a, &["sync"]);
        words.extend([here, there]);
        for root in [&a, &b] {
            let mut got = notes(root);
            got.sort();
            let mut want = words.clone();
            want.sort();
            assert_eq!(got, want, "after {at} {how}");
        }
        assert_eq!(export(&a), export(&b), "after {at} {how}");
        // git's copies of the days it was merging, left when it was killed, are gone.
        let left: Vec<_> = std::fs::read_dir(&a)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.starts_with(".merge_file_"))
            .collect();
        assert!(left.is_empty(), "after {at} {how}: {left:?}");
        let status = Command::new("git")
            .args(["-C", a.to_str().unwrap(), "status", "--porcelain"])
            .output()
            .unwrap();
        assert!(
            status.stdout.is_empty(),
            "after {at} {how}: {}",
            String::from_utf8_lossy(&status.stdout)
        );
    }
}

/// Issue 31, case n01: the same entry edited on two computers. Different fields: both edits
/// kept. The same text: both versions kept, whichever clock is ahead (an hour either way), and
/// `closer sync` says which entry and what it did; the entry says so until it is saved again.
#[test]
fn an_entry_edited_on_two_computers_keeps_both_edits_and_sync_says_so() {
    use closer::journal::{Helpfulness, Name, StrategyUse};
    for skew in [-60i64, 60] {
        let dir = tempfile::tempdir().unwrap();
        let mut first = entry("2025-06-01T20:30:00+01:00", 1);
        first.notes = "A quiet evening.".into();
        first.strategies = thin_vec![StrategyUse {
            id: Name::try_from("active-listening").unwrap(),
            planned: true,
            tried: None,
            helpfulness: None,
            extra: Default::default(),
        }];
        let (_, a, b) = two_computers(dir.path(), &first);

        // The laptop rates the strategy and rewrites the notes; the desktop, its clock an hour
        // off, adds to the same notes.
        let mut on_a = first.clone();
        on_a.strategies[0].tried = Some(true);
        on_a.strategies[0].helpfulness = Helpfulness::try_from(5u8).ok();
        on_a.notes = "A quiet evening. We made up.".into();
        on_a.updated_at += chrono::Duration::minutes(1);
        Store::open(&a).unwrap().save_entry(&on_a).unwrap();
        let mut on_b = first.clone();
        on_b.notes = "The evening felt long and cold.".into();
        on_b.updated_at += chrono::Duration::minutes(skew);
        Store::open(&b).unwrap().save_entry(&on_b).unwrap();

        closer(&a, &["sync"]);
        let said = closer(&b, &["sync"]);
        closer(&a, &["sync"]);
        assert!(
            said.contains("2025-06-01 20:30")
                && said.contains("notes")
                && said.contains("both versions kept")
                && said.contains("1 entry was changed on both computers"),
            "{said}"
        );
        assert_eq!(export(&a), export(&b), "both computers agree");
        let e = &closer::store::scan(&Layout::new(&a)).entries[0];
        assert!(
            e.notes.contains("We made up.") && e.notes.contains("long and cold"),
            "{}",
            e.notes
        );
        assert_eq!(e.strategies, on_a.strategies, "the ratings stay");
        assert_eq!(e.two_versions, ["notes"]);

        // Edits of different fields only: both taken, nothing to choose.
        let mut on_a2 = e.clone();
        on_a2.notes = "Chosen: we made up.".into();
        on_a2.two_versions.clear();
        Store::open(&a).unwrap().save_entry(&on_a2).unwrap();
        closer(&a, &["sync"]);
        closer(&b, &["sync"]);
        let mut on_b2 = closer::store::scan(&Layout::new(&b)).entries[0].clone();
        on_b2.tags = thin_vec!["weekend".into()];
        on_b2.updated_at -= chrono::Duration::hours(2);
        Store::open(&b).unwrap().save_entry(&on_b2).unwrap();
        let mut on_a3 = on_a2.clone();
        on_a3.mood = closer::journal::Mood::try_from(4u8).ok();
        Store::open(&a).unwrap().save_entry(&on_a3).unwrap();
        closer(&a, &["sync"]);
        let said = closer(&b, &["sync"]);
        closer(&a, &["sync"]);
        assert!(said.contains("changed on the other side: taken"), "{said}");
        let e = &closer::store::scan(&Layout::new(&a)).entries[0];
        assert_eq!(e.notes, "Chosen: we made up.");
        assert_eq!(e.tags, ["weekend"]);
        assert_eq!(e.mood, on_a3.mood);
        assert!(e.two_versions.is_empty());
        assert_eq!(export(&a), export(&b));
    }
}

/// The files git tracks in `root`.
fn tracked(root: &Path) -> Vec<String> {
    let out = Command::new("git")
        .args(["-C", root.to_str().unwrap(), "ls-files"])
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}

/// Issue 36: on macOS the config folder is the data folder's `config/`, and an earlier closer
/// kept (and synced) config.toml beside the journal. Sync never carries a config file: the
/// ones committed before leave the repository, the files themselves stay, and the journal's
/// own are synced as ever.
#[test]
fn sync_never_carries_config_files() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("closer");
    Store::open(&a)
        .unwrap()
        .save_entry(&entry("2025-06-01T08:00:00+01:00", 1))
        .unwrap();
    closer(&a, &["sync"]);
    // As an earlier closer's sync left it: config files beside the journal, committed.
    let r = a.to_str().unwrap();
    for name in ["config.toml", "prompts.toml"] {
        std::fs::write(a.join(name), "# an earlier closer's\n").unwrap();
        git(&["-C", r, "add", "-f", name]);
    }
    git_commit_all(&a, "an earlier closer's sync");
    assert!(tracked(&a).contains(&"config.toml".to_owned()));
    // The config folder of its own, and a new day.
    std::fs::create_dir_all(a.join("config")).unwrap();
    std::fs::write(a.join("config/config.toml"), "theme = \"default\"\n").unwrap();
    std::fs::write(a.join("strategies.toml"), "# left over\n").unwrap();
    Store::open(&a)
        .unwrap()
        .save_entry(&entry("2025-06-02T08:00:00+01:00", 2))
        .unwrap();
    closer(&a, &["sync"]);
    let files = tracked(&a);
    assert!(
        files.iter().any(|f| f.ends_with("2025-06-02.json")),
        "the journal syncs: {files:?}"
    );
    for not in [
        "config.toml",
        "prompts.toml",
        "strategies.toml",
        "config/config.toml",
    ] {
        assert!(
            !files.contains(&not.to_owned()),
            "{not} is synced: {files:?}"
        );
    }
    for still in ["config.toml", "prompts.toml", "config/config.toml"] {
        assert!(a.join(still).is_file(), "{still} was removed");
    }
}
