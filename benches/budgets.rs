//! The speed budgets of DESIGN §8, at 10,000 and 100,000 generated entries
//! (`CLOSER_BENCH_SIZES=10000` for a quicker run). Journals are generated once into
//! `target/bench-data/`. See `benches/README.md`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // benchmark code

#[path = "support/generator.rs"]
mod generator;
#[path = "support/pty.rs"]
mod pty;

use pty::{closer_in_pty, sizes};

use std::io::Read;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Local;
use closer::content::Catalog;
use closer::journal::Preferences;
use closer::journal::insights::{self, Window};
use closer::journal::query::signature;
use closer::store::{self, Layout, Store};
use closer::tui::app::App;
use closer::tui::effect::Done;
use closer::tui::keys::Action;
use closer::tui::screen::Msg;
use closer::tui::screens::Screen;
use closer::tui::session::{Session, Summary};
use closer::tui::theme::Theme;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// An app on home with the journal at `dir` read, as the event loop builds it.
fn app(dir: &Path, width: u16, height: u16) -> App {
    let now = Local::now().fixed_offset();
    let prefs = Preferences {
        perspective: Some(closer::journal::PerspectiveChoice::IPullAway),
        ..Preferences::default()
    };
    let catalog = Arc::new(Catalog::bundled().unwrap());
    let mut session = Session::new(now, dir.to_owned(), prefs, catalog, Theme::calm());
    session.size = (width, height);
    let mut app = App::new(session);
    let scan = store::scan(&Layout::new(dir));
    // With its search index, as the TUI's read makes it.
    let index = signature::index(&scan.entries);
    app.loaded(Summary::indexed(
        Arc::new(scan.entries),
        index,
        now.date_naive(),
        0,
    ));
    app
}

fn draw(app: &mut App, terminal: &mut Terminal<TestBackend>) {
    terminal.draw(|f| app.view(f)).unwrap();
}

/// Spawn to first drawn home screen, in a pseudo-terminal.
fn first_frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("first frame (spawn to home drawn)");
    group.sample_size(10);
    for n in sizes() {
        let dir = generator::ensure(n);
        group.bench_with_input(BenchmarkId::from_parameter(n), &dir, |b, dir| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    total += spawn_until_home(dir);
                }
                total
            });
        });
    }
    group.finish();
}

fn spawn_until_home(dir: &Path) -> Duration {
    spawn_until(dir, "closer · home")
}

/// Spawn to `needle` drawn, in a pseudo-terminal.
fn spawn_until(dir: &Path, needle: &str) -> Duration {
    let (pair, cmd) = closer_in_pty(dir);
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut seen = Vec::new();
    let mut buf = [0u8; 65536];
    let needle = needle.as_bytes();
    let elapsed = loop {
        let n = reader.read(&mut buf).unwrap();
        if n == 0 {
            panic!("closer ended before drawing home");
        }
        seen.extend_from_slice(&buf[..n]);
        if seen.windows(needle.len()).any(|w| w == needle) {
            break start.elapsed();
        }
    };
    let _ = child.kill();
    let _ = child.wait();
    elapsed
}

/// Saving one entry into a journal of N (its day rewritten, nothing else).
fn save(c: &mut Criterion) {
    let mut group = c.benchmark_group("save one entry");
    group.sample_size(30);
    for n in sizes() {
        let dir = generator::ensure(n);
        let store = Store::open(&dir).unwrap();
        let days = store.days_with_files();
        let last = *days.last().unwrap();
        let entry = store.day(last).unwrap()[0].clone();
        group.bench_with_input(BenchmarkId::from_parameter(n), &entry, |b, entry| {
            b.iter(|| store.save_entry(entry).unwrap());
        });
    }
    group.finish();
}

/// A saved check-in taken into the journal in memory (what the TUI does after the write, before
/// the next frame): a new one, the newest, and an edit of one in the middle.
fn take_in_saved(c: &mut Criterion) {
    let mut group = c.benchmark_group("saved entry taken into the journal in memory");
    // Each run starts from a journal of its own, copied outside the timing: at a million
    // entries a copy takes a second or two.
    group.sample_size(10);
    for n in sizes() {
        let dir = generator::ensure(n);
        let base = app(&dir, 80, 24);
        let entries = base.session.entries().to_vec();
        let mut newest = entries[entries.len() - 1].clone();
        newest.id = closer::journal::EntryId::generate(newest.created_at, 4_000_000_000);
        newest.created_at += chrono::Duration::minutes(1);
        let mut edited = entries[entries.len() / 2].clone();
        edited.notes.push_str(" And one more line.");
        for (name, entry) in [("new, the newest", newest), ("an edit", edited)] {
            group.bench_function(BenchmarkId::new(name, n), |b| {
                // By reference: dropping N entries afterwards is not part of the change.
                b.iter_batched_ref(
                    || {
                        // A journal of its own, so the change does not copy a shared one.
                        let mut a = base.clone();
                        // With room to grow, as a Vec has after its first pushes: a push
                        // that must move the whole list (amortised, once in a while) is
                        // not what is measured.
                        let mut own = Vec::with_capacity(entries.len() + 64);
                        own.extend_from_slice(&entries);
                        if let Some(j) = a.session.journal.as_mut() {
                            j.entries = Arc::new(own);
                            let mut index = Vec::with_capacity(j.index.len() + 64);
                            index.extend_from_slice(&j.index);
                            j.index = Arc::new(index);
                        }
                        a
                    },
                    |a| a.session.upsert(entry.clone()),
                    criterion::BatchSize::LargeInput,
                );
            });
        }
        // The whole of it with review open over the journal (sharing its entries), as after
        // editing an entry found there: the result taken in and the next frame drawn.
        let mut edited = entries[entries.len() / 2].clone();
        edited.notes.push_str(" And one more line.");
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
        group.bench_function(
            BenchmarkId::new("an edit, review open, and the next frame", n),
            |b| {
                b.iter_batched_ref(
                    || {
                        let mut a = base.clone();
                        if let Some(j) = a.session.journal.as_mut() {
                            j.entries = Arc::new((*j.entries).clone());
                            j.index = Arc::new((*j.index).clone());
                        }
                        a.update(Msg::Key(Action::OpenReview));
                        a
                    },
                    |a| {
                        let from = a.top_id();
                        a.done(from, Done::EntrySaved(Box::new(edited.clone())));
                        draw(a, &mut terminal);
                    },
                    criterion::BatchSize::LargeInput,
                );
            },
        );
    }
    group.finish();
}

/// `closer import --dry-run` of a file of 100 new entries into a journal of N: reading the file,
/// checking it, and finding which are there already (the days it touches, not the journal).
/// A dry run, so every iteration does the same work on the same journal.
fn import_100(c: &mut Criterion) {
    let mut group = c.benchmark_group("import 100 entries, dry run");
    group.sample_size(20);
    let catalog = Catalog::bundled().unwrap();
    let file = std::env::temp_dir().join("closer-bench-import-100.json");
    let entries = generator::generate(100, 0x1_0000, &catalog);
    let export = closer::journal::transfer::Export::new(entries, Local::now().fixed_offset());
    std::fs::write(&file, serde_json::to_vec(&export).unwrap()).unwrap();
    for n in sizes() {
        let dir = generator::ensure(n);
        group.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter(|| {
                let mut sink = std::io::sink();
                closer::cli::import::run(&dir, &file, true, &mut sink).unwrap();
            })
        });
    }
    group.finish();
}

/// Reading the journal of N entries from disk, as the TUI does after its first frame (and
/// before review can list it): `store::scan` and the home figures.
fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("read the journal");
    group.sample_size(10);
    for n in sizes() {
        let dir = generator::ensure(n);
        let today = Local::now().date_naive();
        group.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter(|| {
                let scan = store::scan(&Layout::new(&dir));
                Summary::of(Arc::new(scan.entries), today, 0)
            })
        });
    }
    group.finish();
}

/// Building the search index of N entries (on both cores from 20,000), as the TUI does on a
/// thread of its own once the journal is read: a search scans until it comes.
fn index(c: &mut Criterion) {
    let mut group = c.benchmark_group("search index built, off the input path");
    group.sample_size(10);
    for n in sizes() {
        let dir = generator::ensure(n);
        let entries = store::scan(&Layout::new(&dir)).entries;
        group.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter(|| signature::index(&entries))
        });
    }
    group.finish();
}

/// A key press in the review list of N entries, and the next frame drawn (200×60).
fn list_key(c: &mut Criterion) {
    let mut group = c.benchmark_group("list key press to next frame");
    for n in sizes() {
        let dir = generator::ensure(n);
        let mut app = app(&dir, 200, 60);
        app.update(Msg::Key(Action::OpenReview));
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
        let mut down = true;
        group.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter(|| {
                // Down and up in turns, so the cursor stays in the thick of the list.
                app.update(Msg::Key(if down { Action::Down } else { Action::Up }));
                down = !down;
                draw(&mut app, &mut terminal);
            });
        });
    }
    group.finish();
}

fn typed(app: &mut App, c: char) {
    app.update(Msg::Input(ratatui_textarea::Input {
        key: ratatui_textarea::Key::Char(c),
        ..Default::default()
    }));
}

/// One search keystroke over N entries, with the next frame: the first letter (every entry
/// looked at), and a word that matches nothing, typed last (the slowest case: every entry
/// read to the end).
fn search(c: &mut Criterion) {
    let mut group = c.benchmark_group("search keystroke to next frame");
    for n in sizes() {
        let dir = generator::ensure(n);
        let base = {
            let mut a = app(&dir, 200, 60);
            a.update(Msg::Key(Action::OpenReview));
            a.update(Msg::Key(Action::StartSearch));
            a
        };
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
        group.bench_function(BenchmarkId::new("first letter", n), |b| {
            b.iter_batched(
                || base.clone(),
                |mut a| {
                    typed(&mut a, 'q');
                    draw(&mut a, &mut terminal);
                    a
                },
                criterion::BatchSize::LargeInput,
            );
        });
        let mut before = base.clone();
        // Pasted at once, so the last letter is a full scan, not a narrowing.
        before.update(Msg::Paste("zebr".into()));
        let before = before;
        group.bench_function(BenchmarkId::new("no match, full scan", n), |b| {
            b.iter_batched(
                || {
                    let mut a = before.clone();
                    // Start the word again so the keystroke cannot narrow an earlier result.
                    if let Screen::Review(r) = a.top_mut() {
                        r.filter.text = "zebr".into();
                        r.results = (0..r.entries().len()).collect();
                    }
                    a
                },
                |mut a| {
                    typed(&mut a, 'a');
                    draw(&mut a, &mut terminal);
                    a
                },
                criterion::BatchSize::LargeInput,
            );
        });
    }
    group.finish();
}

/// One frame at 200×60: home, the review list, an entry, insights.
fn frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("draw one frame 200x60");
    for n in sizes() {
        let dir = generator::ensure(n);
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
        let mut a = app(&dir, 200, 60);
        group.bench_function(BenchmarkId::new("home", n), |b| {
            b.iter(|| draw(&mut a, &mut terminal))
        });
        a.update(Msg::Key(Action::OpenReview));
        group.bench_function(BenchmarkId::new("review list", n), |b| {
            b.iter(|| draw(&mut a, &mut terminal))
        });
        a.update(Msg::Key(Action::Confirm));
        group.bench_function(BenchmarkId::new("entry", n), |b| {
            b.iter(|| draw(&mut a, &mut terminal))
        });
        let mut i = app(&dir, 200, 60);
        i.update(Msg::Key(Action::OpenInsights));
        i.update(Msg::Key(Action::Choose(4)));
        group.bench_function(BenchmarkId::new("insights", n), |b| {
            b.iter(|| draw(&mut i, &mut terminal))
        });
    }
    group.finish();
}

/// Every figure of insights over the whole journal.
fn insights_all(c: &mut Criterion) {
    let mut group = c.benchmark_group("insights, all time");
    group.sample_size(20);
    for n in sizes() {
        let dir = generator::ensure(n);
        let entries = store::scan(&Layout::new(&dir)).entries;
        let today = Local::now().date_naive();
        group.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter(|| {
                insights::compute(
                    &entries,
                    Window::all(&entries, today),
                    today,
                    chrono::Weekday::Mon,
                )
            })
        });
        // The Moments view's figures, worked out when that view is first shown.
        let base = insights::compute(
            &entries,
            Window::all(&entries, today),
            today,
            chrono::Weekday::Mon,
        );
        group.bench_function(BenchmarkId::new("moments view", n), |b| {
            b.iter(|| insights::with_moments(base.clone(), &entries, chrono::Weekday::Mon))
        });
        // The cycle view (issue 33), over the whole journal: budget ≤ 100 ms. The generated
        // journal logs safety triggers, and a safety trigger ends the work early (no cycle is
        // drawn); counted here as if none were logged, the whole derivation, the worst case.
        group.bench_function(BenchmarkId::new("cycle view", n), |b| {
            b.iter(|| insights::cycle::cycle(&entries, Window::all(&entries, today), |_| false))
        });
        // The week card (issue 35) of the journal's last week: budget one frame (≤ 16 ms) at
        // any size, the week's days found by binary search; its review looked for in every
        // entry, newest first (the worst case: no review written).
        let last = entries.last().map_or(today, |e| e.date);
        group.bench_function(BenchmarkId::new("week card", n), |b| {
            b.iter(|| closer::journal::WeekCard::of(&entries, last, chrono::Weekday::Mon))
        });
        // Turning toward (issue 34), over the whole journal.
        group.bench_function(BenchmarkId::new("turning toward view", n), |b| {
            b.iter(|| {
                insights::turning::turning(
                    &entries,
                    Window::all(&entries, today),
                    chrono::Weekday::Mon,
                )
            })
        });
        // The When view (issue 35): by weekday, time of day and tag, worked out when the view
        // is first shown for a window.
        group.bench_function(BenchmarkId::new("when view", n), |b| {
            b.iter(|| {
                insights::when::when(&entries, Window::all(&entries, today), chrono::Weekday::Mon)
            })
        });
    }
    group.finish();
}

/// `closer export --format markdown` of the whole journal (reading it included).
fn export(c: &mut Criterion) {
    let mut group = c.benchmark_group("export to markdown (reading included)");
    group.sample_size(10);
    let catalog = Catalog::bundled().unwrap();
    for n in sizes() {
        let dir = generator::ensure(n);
        group.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter(|| {
                let mut sink = std::io::sink();
                closer::cli::export::run(
                    &dir,
                    &closer::cli::export::Request {
                        format: closer::cli::export::Format::Markdown,
                        from: None,
                        to: None,
                        output: None,
                        force: false,
                        bom: false,
                        mood_labels: closer::journal::MoodLabels::default(),
                        catalog: &catalog,
                        recipients: &[],
                    },
                    Local::now().fixed_offset(),
                    &mut sink,
                )
                .unwrap();
            })
        });
    }
    group.finish();
}

/// `closer report` of the whole journal as a page with charts (reading included), with the
/// figures only and with every answer and note in it. Budget: 0.5 s at 10,000 entries.
fn report(c: &mut Criterion) {
    use closer::cli::report::{Part, Request, run};
    let mut group = c.benchmark_group("report, all time, as a page (reading included)");
    group.sample_size(10);
    let catalog = Catalog::bundled().unwrap();
    // Its budget is for 10,000 entries; at a million its setup alone takes many minutes.
    for n in sizes().into_iter().filter(|&n| n <= 100_000) {
        let dir = generator::ensure(n);
        for (name, include) in [
            ("figures", &[][..]),
            ("with words", &[Part::Answers, Part::Notes][..]),
        ] {
            group.bench_function(BenchmarkId::new(name, n), |b| {
                b.iter(|| {
                    run(
                        &dir,
                        &Request {
                            from: None,
                            to: None,
                            triggers: &[],
                            tags: &[],
                            include,
                            format: closer::report::Format::Html,
                            output: Some(Path::new("-")),
                            force: false,
                            mood_labels: closer::journal::MoodLabels::default(),
                            week_starts: chrono::Weekday::Mon,
                            catalog: &catalog,
                            own_triggers: &[],
                        },
                        Local::now().date_naive(),
                        &mut std::io::sink(),
                        &mut std::io::sink(),
                    )
                    .unwrap();
                })
            });
        }
    }
    group.finish();
}

/// A backup of the whole journal (every file read, compressed, written and synced); the
/// TUI writes it on a thread of its own, so a save is no slower. Budget: 1 s at 10,000.
fn backup(c: &mut Criterion) {
    let mut group = c.benchmark_group("backup of the whole journal");
    group.sample_size(10);
    // Its budget is for 10,000 entries; at a million its setup alone takes many minutes.
    for n in sizes().into_iter().filter(|&n| n <= 100_000) {
        let dir = generator::ensure(n);
        let to = tempfile::tempdir().unwrap();
        group.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter(|| {
                closer::store::backup::write(
                    &Layout::new(&dir),
                    None,
                    to.path(),
                    Local::now().fixed_offset(),
                    closer::store::backup::Keep {
                        daily: 1,
                        weekly: 0,
                        monthly: 0,
                    },
                )
                .unwrap()
            })
        });
    }
    group.finish();
}

/// `closer sync` with nothing to do (a journal already pushed to a bare repository on disk):
/// git status, fetch, compare. Budget: 0.5 s.
fn sync_idle(c: &mut Criterion) {
    let mut group = c.benchmark_group("sync with nothing to do");
    group.sample_size(10);
    // Its budget is for 10,000 entries; at a million its setup alone takes many minutes.
    for n in sizes().into_iter().filter(|&n| n <= 100_000) {
        let from = generator::ensure(n);
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("journal");
        let copied = std::process::Command::new("cp")
            .args(["-r", from.to_str().unwrap(), root.to_str().unwrap()])
            .status()
            .unwrap();
        assert!(copied.success());
        let bare = tmp.path().join("remote.git");
        let git = |args: &[&str]| {
            let ok = std::process::Command::new("git")
                .args(args)
                .status()
                .unwrap();
            assert!(ok.success(), "git {args:?}");
        };
        git(&["init", "-q", "--bare", bare.to_str().unwrap()]);
        let layout = Layout::new(&root);
        let exe = std::path::PathBuf::from("closer");
        closer::store::sync::sync(&layout, &exe, "bench").unwrap();
        git(&[
            "-C",
            root.to_str().unwrap(),
            "remote",
            "add",
            "origin",
            bare.to_str().unwrap(),
        ]);
        closer::store::sync::sync(&layout, &exe, "bench").unwrap();
        group.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter(|| {
                let done = closer::store::sync::sync(&layout, &exe, "bench").unwrap();
                assert!(!done.committed && !done.pushed);
            })
        });
    }
    group.finish();
}

/// Loading the person's own prompts when every one of N is rejected (`sources = []`), the
/// case that was quadratic (r09): 26 s at 8,000 items before; it should grow in step with N.
fn user_content(c: &mut Criterion) {
    let mut group = c.benchmark_group("own prompts file, every item rejected");
    group.sample_size(10);
    for n in [1_000usize, 8_000] {
        let dir = tempfile::tempdir().unwrap();
        let mut text = String::new();
        for i in 0..n {
            text.push_str(&format!(
                "[[prompt]]\nid = \"mine-{i}\"\ntext = \"What did you notice today, {i}?\"\nidea = \"Noticing.\"\nkind = \"check-in\"\ntriggers = []\nperspectives = [\"i-pull-away\"]\nsources = []\n\n"
            ));
        }
        std::fs::write(dir.path().join("prompts.toml"), text).unwrap();
        group.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter(|| {
                let (_, problems) = closer::content::load(Some(dir.path()));
                assert_eq!(problems.len(), n);
            });
        });
    }
    group.finish();
}

/// Issue 16's budgets on an encrypted copy of the journal: the first frame (the passphrase
/// prompt), the unlock (one scrypt at the work factor closer writes), reading the whole
/// journal once unlocked (against the plain read above), and one save (its day decrypted,
/// changed, encrypted, written).
fn encrypted(c: &mut Criterion) {
    use age::secrecy::SecretString;
    use closer::store::crypto;
    let pass = SecretString::from(generator::PASS.to_owned());
    let mut group = c.benchmark_group("encrypted journal");
    group.sample_size(10);
    // Its budgets are for 10,000 entries; encrypting a journal of a million (half a million
    // day files) takes longer than the rest of the run, filtered out or not.
    for n in sizes().into_iter().filter(|&n| n <= 100_000) {
        let dir = generator::ensure_encrypted(n);
        let layout = Layout::new(&dir);
        group.bench_with_input(
            BenchmarkId::new("first frame (the prompt)", n),
            &dir,
            |b, dir| {
                b.iter_custom(|iters| (0..iters).map(|_| spawn_until(dir, "passphrase")).sum());
            },
        );
        group.bench_function(BenchmarkId::new("unlock", n), |b| {
            b.iter(|| {
                crypto::lock(&layout);
                crypto::unlock(&layout, &pass).unwrap();
            })
        });
        crypto::unlock(&layout, &pass).unwrap();
        let today = Local::now().date_naive();
        group.bench_function(BenchmarkId::new("read the journal", n), |b| {
            b.iter(|| {
                let scan = store::load(&layout);
                assert_eq!(scan.entries.len(), n);
                Summary::of(Arc::new(scan.entries), today, 0)
            })
        });
        let store = Store::open(&dir).unwrap();
        let last = *store.days_with_files().last().unwrap();
        let entry = store.day(last).unwrap()[0].clone();
        group.bench_function(BenchmarkId::new("save one entry", n), |b| {
            b.iter(|| store.save_entry(&entry).unwrap())
        });
        crypto::lock(&layout);
    }
    group.finish();
}

criterion_group!(
    benches,
    encrypted,
    user_content,
    first_frame,
    save,
    load,
    index,
    take_in_saved,
    import_100,
    list_key,
    search,
    frame,
    insights_all,
    export,
    report,
    backup,
    sync_idle
);
criterion_main!(benches);
