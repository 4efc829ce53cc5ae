//! The journal as it opens, timed from outside (issue 38): `closer review` spawned in a 200×60
//! pseudo-terminal, and what a person sees, read off the screen (vt100) as the bytes come.
//!
//! Each round runs three starts of the release binary on the same journal:
//!
//! - **review**: spawn → the review list's first page (`▸` on a row of a screen saying
//!   "entries"), spawn → the whole journal listed ("N entries", nothing being read). From the
//!   first page on, `j` is pressed every 40 ms until a second after the whole journal is
//!   listed; each `j` is timed from its write to the frame that moves `▸`.
//! - **search**: the same start; as soon as the list shows, `/`, then a letter and Backspace
//!   in turn every 60 ms until a second after the whole journal is listed; each is timed from
//!   its write to the frame whose search line shows it. The first letter is reported alone.
//! - **memory**: the steps of `benches/memory.rs` (home's count, `r`, `/zebra`), then the
//!   peak resident memory (VmHWM) against the journal's day files.
//!
//! Before the rounds, the floor (issue 38, part 5): every day file of the journal read and
//! parsed with serde_json into a bare `serde_json::Value`, on two threads, nothing else done
//! (the folders listed first, in the time): what reading the journal cannot go under. Its
//! median over the rounds is printed next to closer's figures.
//!
//! Run: `cargo bench --bench load` (the generated journals of `CLOSER_BENCH_SIZES`, as the other
//! benches), or on a journal of your own: `CLOSER_LOAD_DIRS=/tmp/j100k cargo bench --bench
//! load`. `CLOSER_BIN` times another binary; with `CLOSER_BIN_OLD` too, the rounds alternate
//! between the two (old, new, old, new…), so a machine whose speed drifts moves both alike.
//! `CLOSER_LOAD_ROUNDS` (default 5). Linux only (/proc).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // benchmark code

#[path = "support/generator.rs"]
mod generator;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const ROWS: u16 = 60;
const COLS: u16 = 200;
const TIMEOUT: Duration = Duration::from_secs(120);

/// What the screen shows, as far as these runs look.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Seen {
    /// The row of `▸` on a review list, and that row's text, if one shows.
    marker: Option<(u16, String)>,
    /// The review's search line, from "Search: " to the cursor mark, if one shows.
    search: Option<String>,
    /// The whole journal is listed: "N entries" with nothing still being read.
    whole: bool,
    /// Home's count shows the whole journal.
    home_whole: bool,
}

fn seen(screen: &vt100::Screen, entries: usize) -> Seen {
    let text = screen.contents();
    let review = text.contains("entries") && text.contains("review");
    let marker = if review {
        text.lines()
            .enumerate()
            .find(|(_, l)| l.trim_start().starts_with('▸'))
            .and_then(|(r, l)| Some((u16::try_from(r).ok()?, l.to_owned())))
    } else {
        None
    };
    let search = text.find("Search: ").map(|at| {
        let rest = &text[at + "Search: ".len()..];
        rest.split('▏').next().unwrap_or_default().to_owned()
    });
    let reading = text.contains("reading") || text.contains("Reading");
    Seen {
        marker,
        search,
        whole: review && !reading && text.contains(&format!(" {entries} entries")),
        home_whole: text.contains(&format!("Entries       {entries}")),
    }
}

/// closer started in a pty on `dir`, the screen read on a thread of its own: each change of
/// what it shows is logged with the moment its bytes came.
struct Run {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    log: Arc<Mutex<Vec<(Instant, Seen)>>>,
    started: Instant,
}

impl Run {
    fn start(bin: &Path, dir: &Path, entries: usize, args: &[&str]) -> Run {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(bin);
        cmd.arg("--data-dir");
        cmd.arg(dir);
        for a in args {
            cmd.arg(a);
        }
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_CONFIG_HOME", dir.join("no-config"));
        let started = Instant::now();
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let log = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&log);
        std::thread::spawn(move || {
            let _master = pair.master;
            let mut parser = vt100::Parser::new(ROWS, COLS, 0);
            let mut last = Seen::default();
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let at = Instant::now();
                parser.process(&buf[..n]);
                let now = seen(parser.screen(), entries);
                if now != last {
                    sink.lock().unwrap().push((at, now.clone()));
                    last = now;
                }
            }
        });
        Run {
            child,
            writer,
            log,
            started,
        }
    }

    fn key(&mut self, bytes: &[u8]) -> Instant {
        let at = Instant::now();
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
        at
    }

    /// The first moment at or after `from` when `what` holds of the screen; waits for it.
    fn when(&self, from: Instant, what: impl Fn(&Seen) -> bool) -> Instant {
        loop {
            if let Some((at, _)) = self
                .log
                .lock()
                .unwrap()
                .iter()
                .find(|(at, s)| *at >= from && what(s))
            {
                return *at;
            }
            assert!(
                self.started.elapsed() < TIMEOUT,
                "the screen never showed it"
            );
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    /// What the screen shows now.
    fn now(&self) -> Seen {
        self.log
            .lock()
            .unwrap()
            .last()
            .map(|(_, s)| s.clone())
            .unwrap_or_default()
    }

    fn peak_kib(&self) -> u64 {
        let pid = self.child.process_id().unwrap();
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
        status
            .lines()
            .find(|l| l.starts_with("VmHWM:"))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    }

    fn end(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Times of one round.
#[derive(Default, Debug)]
struct Round {
    first_page: f64,
    whole: f64,
    /// `j` while the journal is read (before the whole is listed) and in the second after.
    keys_reading: Vec<f64>,
    keys_after: Vec<f64>,
    /// Keys (`j` or a search key) that took over 8 ms: when each was pressed (ms from spawn)
    /// and how long it took.
    slow: Vec<(f64, f64)>,
    first_letter: f64,
    letters: Vec<f64>,
    peak_mb: f64,
}

fn review_round(bin: &Path, dir: &Path, entries: usize, round: &mut Round) {
    let mut run = Run::start(bin, dir, entries, &["review"]);
    let first = run.when(run.started, |s| s.marker.is_some());
    round.first_page = ms(first - run.started);
    let mut whole_at: Option<Instant> = None;
    // Ten entries down, then back to the top: each key moves `▸` (the list is longer).
    for press in 1.. {
        let before = run.now().marker;
        let at = run.key(if press % 11 == 0 { b"g" } else { b"j" });
        let moved = run.when(at, |s| s.marker.is_some() && s.marker != before);
        let done = whole_at.or_else(|| {
            run.log
                .lock()
                .unwrap()
                .iter()
                .find(|(_, s)| s.whole)
                .map(|(t, _)| *t)
        });
        let took = ms(moved - at);
        if took > 8.0 {
            round.slow.push((ms(at - run.started), took));
        }
        match done {
            Some(w) if at >= w => round.keys_after.push(took),
            _ => round.keys_reading.push(took),
        }
        whole_at = done;
        if let Some(w) = whole_at
            && at > w + Duration::from_secs(1)
        {
            break;
        }
        std::thread::sleep(Duration::from_millis(40).saturating_sub(moved.elapsed()));
    }
    round.whole = ms(whole_at.unwrap() - run.started);
    run.end();
}

fn search_round(bin: &Path, dir: &Path, entries: usize, round: &mut Round) {
    let mut run = Run::start(bin, dir, entries, &["review"]);
    run.when(run.started, |s| s.marker.is_some());
    let at = run.key(b"/");
    run.when(at, |s| s.search.as_deref() == Some(""));
    let mut typed = false;
    let mut first = true;
    loop {
        let (bytes, want): (&[u8], &str) = if typed { (b"\x7f", "") } else { (b"q", "q") };
        let at = run.key(bytes);
        let shown = run.when(at, |s| s.search.as_deref() == Some(want));
        let took = ms(shown - at);
        if took > 8.0 {
            round.slow.push((ms(at - run.started), took));
        }
        if first {
            round.first_letter = took;
            first = false;
        }
        round.letters.push(took);
        typed = !typed;
        let whole = run
            .log
            .lock()
            .unwrap()
            .iter()
            .find(|(_, s)| s.whole)
            .map(|(t, _)| *t);
        if let Some(w) = whole
            && at > w + Duration::from_secs(1)
        {
            break;
        }
        std::thread::sleep(Duration::from_millis(60).saturating_sub(shown.elapsed()));
    }
    run.end();
}

fn memory_round(bin: &Path, dir: &Path, entries: usize, round: &mut Round) {
    let mut run = Run::start(bin, dir, entries, &[]);
    run.when(run.started, |s| s.home_whole);
    let at = run.key(b"r");
    run.when(at, |s| s.whole);
    let at = run.key(b"/zebra");
    run.when(at, |s| s.search.as_deref() == Some("zebra"));
    std::thread::sleep(Duration::from_millis(300));
    round.peak_mb = (run.peak_kib() * 1024) as f64 / 1e6;
    run.end();
}

fn one_round(bin: &Path, dir: &Path, n: usize) -> Round {
    let mut round = Round::default();
    review_round(bin, dir, n, &mut round);
    search_round(bin, dir, n, &mut round);
    memory_round(bin, dir, n, &mut round);
    round
}

fn median(mut v: Vec<f64>) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// The value 95 % of `v` are at or under.
fn p95(mut v: Vec<f64>) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(f64::total_cmp);
    v[(v.len() * 95 / 100).min(v.len() - 1)]
}

fn max(v: &[f64]) -> f64 {
    v.iter().copied().fold(f64::NAN, f64::max)
}

fn report(name: &str, rounds: &[Round], disk: u64) {
    let col = |f: &dyn Fn(&Round) -> f64| -> String {
        let v: Vec<f64> = rounds.iter().map(f).collect();
        let all = v
            .iter()
            .map(|x| format!("{x:.1}"))
            .collect::<Vec<_>>()
            .join(" ");
        format!("median {:.1} ({all})", median(v.clone()))
    };
    let keys_reading: Vec<f64> = rounds.iter().flat_map(|r| r.keys_reading.clone()).collect();
    let keys_after: Vec<f64> = rounds.iter().flat_map(|r| r.keys_after.clone()).collect();
    let letters: Vec<f64> = rounds.iter().flat_map(|r| r.letters.clone()).collect();
    println!("  {name}:");
    println!(
        "    first page of review (ms)     {}",
        col(&|r| r.first_page)
    );
    println!("    whole journal listed (ms)     {}", col(&|r| r.whole));
    println!(
        "    j while reading (ms)          median {:.1}, p95 {:.1}, max {:.1} ({} keys)",
        median(keys_reading.clone()),
        p95(keys_reading.clone()),
        max(&keys_reading),
        keys_reading.len()
    );
    println!(
        "    j in the second after (ms)    median {:.1}, p95 {:.1}, max {:.1} ({} keys)",
        median(keys_after.clone()),
        p95(keys_after.clone()),
        max(&keys_after),
        keys_after.len()
    );
    println!(
        "    first search letter (ms)      {}",
        col(&|r| r.first_letter)
    );
    println!(
        "    every search key (ms)         median {:.1}, p95 {:.1}, max {:.1} ({} keys)",
        median(letters.clone()),
        p95(letters.clone()),
        max(&letters),
        letters.len()
    );
    for (n, r) in rounds.iter().enumerate() {
        if !r.slow.is_empty() {
            let slow: Vec<String> = r
                .slow
                .iter()
                .map(|(at, took)| format!("{took:.1} at {at:.0}"))
                .collect();
            println!(
                "    round {}: keys over 8 ms (ms, pressed at ms from spawn; the whole listed at {:.0} in its review run): {}",
                n + 1,
                r.whole,
                slow.join(", ")
            );
        }
    }
    println!(
        "    peak memory (MB)              {} = {:.2}× the {:.1} MB journal",
        col(&|r| r.peak_mb),
        median(rounds.iter().map(|r| r.peak_mb).collect()) * 1e6 / disk as f64,
        disk as f64 / 1e6
    );
}

fn main() {
    // `cargo test --benches` runs bench targets with `--bench` absent: do nothing then.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let new: PathBuf = std::env::var_os("CLOSER_BIN").map_or_else(
        || PathBuf::from(env!("CARGO_BIN_EXE_closer")),
        PathBuf::from,
    );
    let old: Option<PathBuf> = std::env::var_os("CLOSER_BIN_OLD").map(PathBuf::from);
    let rounds: usize = std::env::var("CLOSER_LOAD_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(5);
    let dirs: Vec<(PathBuf, usize)> = match std::env::var("CLOSER_LOAD_DIRS") {
        Ok(dirs) => dirs
            .split(',')
            .map(|d| {
                let dir = PathBuf::from(d.trim());
                let n = count_entries(&dir);
                (dir, n)
            })
            .collect(),
        Err(_) => sizes()
            .into_iter()
            .map(|n| (generator::ensure(n), n))
            .collect(),
    };
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!("load average at the start: {}", load.trim());
    for (dir, n) in dirs {
        let disk = generator::journal_bytes(&dir);
        println!(
            "{} ({n} entries, {:.1} MB of day files)",
            dir.display(),
            disk as f64 / 1e6
        );
        let floors: Vec<f64> = (0..rounds).map(|_| ms(floor(&dir))).collect();
        println!(
            "  read+parse floor (ms)           median {:.1} ({})",
            median(floors.clone()),
            floors
                .iter()
                .map(|x| format!("{x:.1}"))
                .collect::<Vec<_>>()
                .join(" ")
        );
        let mut new_rounds = Vec::new();
        let mut old_rounds = Vec::new();
        for _ in 0..rounds {
            if let Some(old) = &old {
                old_rounds.push(one_round(old, &dir, n));
            }
            new_rounds.push(one_round(&new, &dir, n));
        }
        if let Some(old) = &old {
            report(&format!("old: {}", old.display()), &old_rounds, disk);
        }
        report(&format!("new: {}", new.display()), &new_rounds, disk);
    }
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!("load average at the end: {}", load.trim());
}

/// The journal sizes: 10,000 and 100,000 entries, or `CLOSER_BENCH_SIZES` (comma-separated).
fn sizes() -> Vec<usize> {
    std::env::var("CLOSER_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 100_000])
}

/// The floor of reading the journal in `dir`: its day files listed, then read and parsed into
/// `serde_json::Value` on two threads, each taking every other file.
fn floor(dir: &Path) -> Duration {
    let started = Instant::now();
    let mut files = Vec::new();
    let mut stack = vec![dir.join("entries")];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "json") {
                files.push(p);
            }
        }
    }
    let files = &files;
    let parsed: usize = std::thread::scope(|s| {
        let threads: Vec<_> = (0..2)
            .map(|t| {
                s.spawn(move || {
                    files
                        .iter()
                        .skip(t)
                        .step_by(2)
                        .map(|p| {
                            let bytes = std::fs::read(p).unwrap();
                            let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
                            v["entries"].as_array().map_or(0, Vec::len)
                        })
                        .sum::<usize>()
                })
            })
            .collect();
        threads.into_iter().map(|t| t.join().unwrap()).sum()
    });
    let took = started.elapsed();
    assert!(parsed > 0, "no entries parsed in {}", dir.display());
    took
}

/// How many entries the day files under `dir` hold (the ids counted in their text).
fn count_entries(dir: &Path) -> usize {
    let mut n = 0;
    let mut stack = vec![dir.join("entries")];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "json") {
                let text = std::fs::read_to_string(&p).unwrap_or_default();
                let v: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
                n += v["entries"].as_array().map_or(0, Vec::len);
            }
        }
    }
    n
}
