//! Resident memory of the real binary with a generated journal (DESIGN §8: at most 1.3 × the
//! journal's size on disk): started in a pseudo-terminal, the journal read, review opened and
//! searched; then its peak (VmHWM) and current (VmRSS) resident memory are read from /proc,
//! and how much of it is pages mapped from files (RssFile: the program's own code and bundled
//! content, and the C library), which is a fixed part, not memory the journal takes. The
//! budget is checked as 1.3 × the journal plus that fixed part, at most 10 MiB (issue 21, item
//! 6; benches/README.md says why). Linux only. `CLOSER_BENCH_SIZES=10000` for a quicker run.
//!
//! Then where it goes (issue 38, part 4): the journal read as the interface
//! reads it ([`store::load_indexed`], then its figures), in a process of its own, its resident
//! memory read from /proc before and after: the entries themselves (`size_of::<Entry>()`
//! each), the search index, what the entries own (their text and lists, with the allocator's
//! overhead: the rest), the journal's figures, and the read's peak against what it keeps.
//!
//! Last, the batch paths of issue 38 part 3, each the binary's peak as GNU time
//! (`/usr/bin/time -f %M`) reports it: `closer report --include answers,notes` against the
//! figures-only report (at most 64 MiB more), and `closer import` of the journal's own export
//! into a new folder (at most 1.5 × the file).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // benchmark code

#[path = "support/generator.rs"]
mod generator;
#[path = "support/pty.rs"]
mod pty;

use pty::{closer_in_pty, sizes};

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use closer::journal::Entry;
use closer::journal::query::Signature;
use closer::store::{self, Layout, Progress};
use closer::tui::session::Summary;

/// This process's resident memory, as /proc/self/status says it, in bytes: `key` is `VmRSS:`,
/// `VmHWM:` (its peak) or `RssAnon:` (what it allocated, not mapped from files).
fn own(key: &str) -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    usize::try_from(kib(&status, key)).unwrap() * 1024
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

/// Where the memory of the journal read as the interface reads it goes (see the module's
/// comment): run in a process of its own (`--where-it-goes <dir>`), so that nothing before it
/// is counted.
fn where_it_goes(dir: &Path) {
    let disk = generator::journal_bytes(dir) as usize;
    let (rss, anon) = (own("VmRSS:"), own("RssAnon:"));
    let progress = Progress::default();
    let scan = store::load_indexed(&Layout::new(dir), &progress);
    let read_peak = own("VmHWM:") - rss;
    let read = own("RssAnon:") - anon;
    let count = scan.entries.len();
    let inline = scan.entries.capacity() * std::mem::size_of::<Entry>();
    let index = scan.index.capacity() * std::mem::size_of::<Signature>();
    let owned = read.saturating_sub(inline + index);
    let summary = Summary::indexed(
        Arc::new(scan.entries),
        scan.index,
        chrono::Local::now().date_naive(),
        0,
    );
    let all = own("RssAnon:") - anon;
    println!(
        "{count:>7} entries, {:.1} MB of day files: read {:.1} MB = {:.2} × the journal (the \
         read's peak {:.1} MB): the entries themselves {:.1} MB ({} B each), the search index \
         {:.1} MB ({} B each), what the entries own (text and lists, with the allocator's \
         overhead) {:.1} MB = {:.0} B each; the journal's figures {:.1} MB; all {:.1} MB = \
         {:.2} × the journal",
        mb(disk),
        mb(read),
        read as f64 / disk as f64,
        mb(read_peak),
        mb(inline),
        std::mem::size_of::<Entry>(),
        mb(index),
        std::mem::size_of::<Signature>(),
        mb(owned),
        owned as f64 / count.max(1) as f64,
        mb(all - read),
        mb(all),
        all as f64 / disk as f64,
    );
    drop(summary);
}

fn kib(status: &str, key: &str) -> u64 {
    status
        .lines()
        .find(|l| l.starts_with(key))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// Peak, current and file-mapped resident memory in KiB.
fn measure(dir: &Path, entries: usize, passphrase: Option<&str>) -> (u64, u64, u64) {
    let (pair, cmd) = closer_in_pty(dir);
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let pid = child.process_id().unwrap();
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut writer = pair.master.take_writer().unwrap();
    let screen = Arc::new(Mutex::new(vt100::Parser::new(60, 200, 0)));
    let sink = Arc::clone(&screen);
    std::thread::spawn(move || {
        let mut buf = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().process(&buf[..n]);
        }
    });
    let wait_for = |text: &str| {
        let start = Instant::now();
        while !screen.lock().unwrap().screen().contents().contains(text) {
            assert!(
                start.elapsed() < Duration::from_secs(120),
                "{text:?} never appeared"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    if let Some(p) = passphrase {
        wait_for("passphrase");
        writer.write_all(p.as_bytes()).unwrap();
        writer.write_all(b"\r").unwrap();
    }
    wait_for(&format!("Entries       {entries}"));
    writer.write_all(b"r").unwrap();
    wait_for(&format!("{entries} entries"));
    writer.write_all(b"/zebra").unwrap();
    wait_for(&format!("0 of {entries} entries"));
    std::thread::sleep(Duration::from_millis(300));
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let _ = child.kill();
    let _ = child.wait();
    (
        kib(&status, "VmHWM:"),
        kib(&status, "VmRSS:"),
        kib(&status, "RssFile:"),
    )
}

/// Peak resident memory in KiB of the release `closer` run with `args` (output thrown
/// away), and how long it took, by GNU time; `None` without /usr/bin/time.
fn peak_of(args: &[&std::ffi::OsStr]) -> Option<(u64, Duration)> {
    let time = Path::new("/usr/bin/time");
    if !time.exists() {
        return None;
    }
    let started = Instant::now();
    let out = std::process::Command::new(time)
        .args(["-f", "peak %M"])
        .arg(env!("CARGO_BIN_EXE_closer"))
        .args(args)
        .env("XDG_CONFIG_HOME", "/nonexistent/closer-bench-config")
        .stdout(std::process::Stdio::null())
        .output()
        .unwrap();
    let took = started.elapsed();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let peak = err.lines().rev().find_map(|l| l.strip_prefix("peak "))?;
    Some((peak.trim().parse().ok()?, took))
}

/// Issue 38, part 3: the report with words against the figures only, and an import of the
/// journal's export into a new folder against the file's size.
fn batch_paths() {
    use std::ffi::OsStr;
    println!(
        "batch paths (issue 38: report with answers and notes at most 64 MiB over the figures \
         only; import at most 1.5 x the file)"
    );
    for n in sizes().into_iter().filter(|&n| n <= 100_000) {
        let dir = generator::ensure(n);
        let d = dir.as_os_str();
        let report = |words: &[&str]| {
            let mut args = vec![OsStr::new("--data-dir"), d, OsStr::new("report")];
            args.extend(["-o", "-"].map(OsStr::new));
            args.extend(words.iter().map(OsStr::new));
            peak_of(&args)
        };
        let Some((figures, _)) = report(&[]) else {
            println!("needs /usr/bin/time (GNU time)");
            return;
        };
        let (words, took) = report(&["--include", "answers,notes"]).unwrap();
        let over = (words.saturating_sub(figures) * 1024) as f64 / (1 << 20) as f64;
        println!(
            "{n:>7} entries: report with words peak {:.1} MB in {took:.2?}, figures only {:.1} MB, \
             {over:.1} MiB more ({})",
            (words * 1024) as f64 / 1e6,
            (figures * 1024) as f64 / 1e6,
            if over <= 64.0 {
                "within goal"
            } else {
                "OVER GOAL"
            }
        );
        let file = dir.with_file_name(format!("{n}-export.json"));
        if !file.exists() {
            let mut args = vec![OsStr::new("--data-dir"), d, OsStr::new("export")];
            args.extend(["--format", "json", "-o"].map(OsStr::new));
            args.push(file.as_os_str());
            peak_of(&args).unwrap();
        }
        let size = std::fs::metadata(&file).unwrap().len();
        let into = tempfile::tempdir_in(dir.parent().unwrap()).unwrap();
        let args = [OsStr::new("--data-dir"), into.path().as_os_str()];
        let args = [&args[..], &[OsStr::new("import"), file.as_os_str()]].concat();
        let (peak, took) = peak_of(&args).unwrap();
        let ratio = (peak * 1024) as f64 / size as f64;
        println!(
            "{n:>7} entries: import of a {:.1} MB export into a new folder: peak {:.1} MB, \
             {ratio:.2} x the file, in {took:.2?} ({})",
            size as f64 / 1e6,
            (peak * 1024) as f64 / 1e6,
            if ratio <= 1.5 {
                "within goal"
            } else {
                "OVER GOAL"
            }
        );
    }
}

/// The most the program's own mapped pages may add to the budget, in KiB.
const FIXED_KIB: u64 = 10 * 1024;

fn main() {
    // `cargo test --benches` runs bench targets with `--bench` absent: do nothing then.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--where-it-goes") {
        where_it_goes(Path::new(&args[at + 1]));
        return;
    }
    println!(
        "resident memory (DESIGN §8: at most 1.3 × the journal on disk, plus the program's own \
         mapped pages, at most 10 MiB)"
    );
    for n in sizes() {
        let dir = generator::ensure(n);
        let disk = generator::journal_bytes(&dir);
        let (peak, now, file) = measure(&dir, n, None);
        let ratio = (peak * 1024) as f64 / disk as f64;
        let own = (peak.saturating_sub(file) * 1024) as f64 / disk as f64;
        println!(
            "{n:>7} entries: journal {:.1} MB, peak {:.1} MB, now {:.1} MB, peak/journal {ratio:.2}; \
             mapped from files {:.1} MB, the rest/journal {own:.2} ({})",
            disk as f64 / 1e6,
            (peak * 1024) as f64 / 1e6,
            (now * 1024) as f64 / 1e6,
            (file * 1024) as f64 / 1e6,
            if own <= 1.3 && file <= FIXED_KIB {
                "within budget"
            } else {
                "OVER BUDGET"
            }
        );
    }
    println!(
        "where it goes: the journal read as the interface reads it, in a process of its own \
         (resident memory it allocated, from /proc)"
    );
    for n in sizes() {
        let dir = generator::ensure(n);
        let done = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--bench", "--where-it-goes"])
            .arg(&dir)
            .status()
            .unwrap();
        assert!(done.success());
    }
    println!(
        "encrypted (issue 16: within the plain budget + 10 %, that is 1.43 x the journal on disk; \
         and against the plain journal's own peak)"
    );
    for n in sizes() {
        let plain = generator::ensure(n);
        let disk = generator::journal_bytes(&plain);
        let (plain_peak, ..) = measure(&plain, n, None);
        let dir = generator::ensure_encrypted(n);
        // Once to write its cache, then measured as a person opens it again.
        let _ = measure(&dir, n, Some(generator::PASS));
        let (peak, now, _) = measure(&dir, n, Some(generator::PASS));
        let ratio = (peak * 1024) as f64 / disk as f64;
        println!(
            "{n:>7} entries: peak {:.1} MB, now {:.1} MB, peak/journal {ratio:.2} ({}), {:.2} x the plain peak ({:.1} MB)",
            (peak * 1024) as f64 / 1e6,
            (now * 1024) as f64 / 1e6,
            if ratio <= 1.43 {
                "within budget"
            } else {
                "OVER BUDGET"
            },
            peak as f64 / plain_peak as f64,
            (plain_peak * 1024) as f64 / 1e6,
        );
    }
    batch_paths();
}
