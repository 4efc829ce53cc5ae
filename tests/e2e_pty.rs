//! The real binary in a real pseudo-terminal: what a person sees and does.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code
#![cfg(unix)]

mod common;

use std::fs;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use closer::store::Store;
use common::{entry, files_under};
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const DEADLINE: Duration = Duration::from_secs(20);

/// closer running in a pty, its screen parsed by vt100.
struct Closer {
    screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
}

impl Closer {
    fn start(data_dir: &Path, cols: u16, rows: u16) -> Closer {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_closer"));
        cmd.arg("--data-dir");
        cmd.arg(data_dir);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("CLOSER_DATA_DIR");
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let sink = Arc::clone(&screen);
        // Drain the pty on a thread, or the app blocks on a full pty buffer.
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        Closer {
            screen,
            writer,
            child,
            _master: pair.master,
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < DEADLINE {
            if self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("{text:?} never appeared; the screen:\n{}", self.contents());
    }

    fn wait_gone(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < DEADLINE {
            if !self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("{text:?} never went away; the screen:\n{}", self.contents());
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Esc alone, then a pause, so it is not read as Alt+the next key.
    fn esc(&mut self) {
        self.send("\x1b");
        std::thread::sleep(Duration::from_millis(150));
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        while start.elapsed() < DEADLINE {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("closer did not exit; the screen:\n{}", self.contents());
    }

    fn left_alternate_screen(&self) -> bool {
        // Give the reader thread a moment to take the last bytes.
        std::thread::sleep(Duration::from_millis(100));
        !self.screen.lock().unwrap().screen().alternate_screen()
    }
}

impl Drop for Closer {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

#[test]
fn first_run_home_help_support_and_quit() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let mut app = Closer::start(&root, 80, 24);
    app.wait_for("Welcome to closer");
    app.wait_for(&root.display().to_string());
    app.send("2");
    app.wait_for("Not checked in yet today.");
    app.wait_for("My partner pulls away");
    app.wait_for("Entries       0");

    app.send("?");
    app.wait_for("Esc or ? closes this help.");
    app.esc();
    app.wait_gone("Esc or ? closes this help.");

    app.send("!");
    app.wait_for("closer is not therapy");
    app.esc();
    app.wait_for("Not checked in yet today.");

    app.send("q");
    let status = app.wait_exit();
    assert!(status.success(), "{status:?}");
    assert!(app.left_alternate_screen(), "the terminal was not restored");
    let state = fs::read_to_string(root.join("state.json")).unwrap();
    assert!(
        state.contains("\"perspective\": \"partner-pulls-away\""),
        "{state}"
    );

    // The choice is remembered: the next start goes straight home.
    let mut again = Closer::start(&root, 80, 24);
    again.wait_for("Not checked in yet today.");
    again.send("q");
    assert!(again.wait_exit().success());
}

#[test]
fn damaged_files_do_not_stop_the_journal_and_are_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    {
        let store = Store::open(&root).unwrap();
        store
            .save_entry(&entry("2026-11-20T09:00:00+01:00", 1))
            .unwrap();
        store
            .save_entry(&entry("2026-11-21T09:00:00+01:00", 2))
            .unwrap();
        fs::write(
            root.join("state.json"),
            br#"{"schema": 1, "perspective": "i-pull-away"}"#,
        )
        .unwrap();
    }
    let year = root.join("entries/2026");
    fs::write(year.join("2026-11-10.json"), b"{\"schema\": 1, \"date\": ").unwrap();
    fs::write(
        year.join("2026-11-11.json"),
        br#"{"schema": 9, "date": "2026-11-11", "entries": []}"#,
    )
    .unwrap();
    let before: Vec<_> = files_under(&root)
        .into_iter()
        .filter(|p| p.is_file() && !p.ends_with(".lock"))
        .map(|p| (fs::read(&p).unwrap(), p))
        .collect();

    let mut app = Closer::start(&root, 80, 24);
    app.wait_for("Entries       2");
    app.wait_for("need a look: run `closer doctor`");
    app.send("q");
    assert!(app.wait_exit().success());
    for (bytes, path) in before {
        assert_eq!(
            fs::read(&path).unwrap(),
            bytes,
            "{} changed",
            path.display()
        );
    }
}

#[test]
fn a_second_instance_is_read_only_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    fs::create_dir_all(&root).unwrap();
    fs::write(
        root.join("state.json"),
        br#"{"schema": 1, "perspective": "i-pull-away"}"#,
    )
    .unwrap();
    let mut first = Closer::start(&root, 80, 24);
    first.wait_for("Not checked in yet today.");
    let mut second = Closer::start(&root, 100, 30);
    second.wait_for("Read-only: another closer has this journal open");
    second.send("q");
    assert!(second.wait_exit().success());
    first.send("q");
    assert!(first.wait_exit().success());
}

#[test]
fn a_tiny_terminal_gets_a_plain_message_and_ctrl_c_quits() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = Closer::start(&dir.path().join("j"), 40, 10);
    app.wait_for("Make the terminal larger");
    app.send("\x03");
    assert!(app.wait_exit().success());
    assert!(app.left_alternate_screen());
}
