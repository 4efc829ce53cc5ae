//! What a test needs that a machine may lack: a tool on `PATH` (Chromium, the `age` tool), root,
//! a small tmpfs it may mount, a folder beside the checkout.
//!
//! Each function here answers whether the need is met. When it is not:
//! - under CI (`CI` set to anything but empty, `0` or `false`), the test FAILS, naming what is
//!   missing: `.ci/run` installs every tool and runs as root, so there a skip would hide a test
//!   that never ran;
//! - elsewhere the test is skipped, and says so: one line naming the test and what was not
//!   tested goes straight to the process's standard error. (`eprintln!` would not do: libtest
//!   captures it, and shows it only for a test that fails, so a skip would be silent.)
//!
//! Use at the top of a test, or at the point where the part that needs it starts:
//! `if !common::needs::tool("age", "to decrypt with the age tool (apt-get install age)") { return; }`

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Whether this run is CI's: `CI` set to anything but empty, `0` or `false` (`.ci/run` sets
/// `CI=true`, as most CI services do).
pub fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !matches!(v.trim(), "" | "0" | "false"))
}

/// The running test, as `file::test_name` (libtest names each test's thread after the test;
/// the executable is `tests/<file>.rs` built as `<file>-<hash>`).
fn test_name() -> String {
    let file = std::env::current_exe()
        .ok()
        .and_then(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .map(|s| match s.rsplit_once('-') {
            Some((name, hash)) if hash.chars().all(|c| c.is_ascii_hexdigit()) => name.to_owned(),
            _ => s,
        })
        .unwrap_or_default();
    let thread = std::thread::current();
    let test = thread.name().unwrap_or("?");
    format!("{file}::{test}")
}

/// The need `what` is not met: fails the test under CI; otherwise says loudly, on the real
/// standard error, that the test (or its part `why`) was skipped. Always `false`.
pub fn missing(what: &str, why: &str) -> bool {
    let test = test_name();
    assert!(
        !under_ci(),
        "{test} needs {what} {why}, and under CI (CI=true) it is required: .ci/run installs \
         the tools and runs as root"
    );
    // Straight to file descriptor 2: `eprintln!` is captured by the test harness.
    let _ = writeln!(
        std::io::stderr().lock(),
        "\n*** SKIPPED {test}: needs {what} {why}. NOT TESTED on this machine; under CI=true \
         this fails instead. ***"
    );
    false
}

/// The first of `names` that is an executable file in a folder of `PATH`.
fn on_path(names: &[&str]) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt as _;
    let paths = std::env::var_os("PATH")?;
    names.iter().find_map(|name| {
        std::env::split_paths(&paths)
            .map(|d| d.join(name))
            .find(|p| {
                p.metadata()
                    .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
            })
    })
}

/// Whether the program `name` is on `PATH`; if not, [`missing`]. `why` says what the test
/// does with it and how to install it, e.g. "to decrypt a day file (apt-get install age)".
/// (Every `why` here reads after "needs …": "to …" or "for …".)
pub fn tool(name: &str, why: &str) -> bool {
    on_path(&[name]).is_some() || missing(&format!("the `{name}` program on PATH"), why)
}

/// The first of `names` (other names of one program) found on `PATH`, as a full path; if
/// none, [`missing`] and `None`.
pub fn any_tool(names: &[&str], why: &str) -> Option<PathBuf> {
    let found = on_path(names);
    if found.is_none() {
        missing(&format!("one of {} on PATH", names.join(", ")), why);
    }
    found
}

/// Whether the test runs as root; if not, [`missing`].
pub fn root(why: &str) -> bool {
    rustix::process::geteuid().is_root() || missing("root", why)
}

/// Whether the folder `dir` is there; if not, [`missing`].
pub fn folder(dir: &Path, why: &str) -> bool {
    dir.is_dir() || missing(&format!("the folder {}", dir.display()), why)
}

/// A tmpfs of `size` (as `mount -o size=` takes it: "64k", "1m") mounted at `at` (made if
/// need be); it is unmounted when dropped. Needs root, and a system that lets root mount (a
/// container may not): `None` after [`missing`] when either is lacking.
pub fn tmpfs(at: &Path, size: &str, why: &str) -> Option<Tmpfs> {
    if !root(&format!("to mount a {size} tmpfs, {why}")) {
        return None;
    }
    std::fs::create_dir_all(at).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
        .arg(at)
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        missing(
            "the right to mount a tmpfs (root here cannot: a container without it?)",
            why,
        );
        return None;
    }
    Some(Tmpfs {
        path: at.to_owned(),
    })
}

/// A mounted tmpfs (from [`tmpfs`]), unmounted when dropped.
pub struct Tmpfs {
    /// Where it is mounted.
    pub path: PathBuf,
}

impl Tmpfs {
    /// Fills the disk to the last byte, with a file `filler`.
    pub fn fill(&self) {
        let mut f = std::fs::File::create(self.path.join("filler")).unwrap();
        let block = vec![0u8; 4096];
        while f.write_all(&block).is_ok() {}
        let _ = f.write_all(&[0u8]);
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.path).status();
    }
}
