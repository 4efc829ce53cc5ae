//! closer running in a pseudo-terminal, its screen parsed by vt100.

use std::fs;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

use super::files_under;

pub const DEADLINE: Duration = Duration::from_secs(20);

/// closer running in a pty, its screen parsed by vt100.
pub struct Closer {
    pub screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
}

impl Closer {
    pub fn start(data_dir: &Path, cols: u16, rows: u16) -> Closer {
        Closer::start_with(data_dir, cols, rows, &[])
    }

    pub fn start_with(data_dir: &Path, cols: u16, rows: u16, env: &[(&str, &str)]) -> Closer {
        Closer::spawn(data_dir, cols, rows, env, &[])
    }

    /// `closer --data-dir DIR ARGS…` (a subcommand that opens the journal, like `review`).
    pub fn start_args(data_dir: &Path, cols: u16, rows: u16, args: &[&str]) -> Closer {
        Closer::spawn(data_dir, cols, rows, &[], args)
    }

    /// An interactive shell with job control, in which `closer --data-dir DIR` is typed and
    /// run (for Ctrl-Z and `fg`). `pid` is the shell's.
    pub fn in_shell(data_dir: &Path, cols: u16, rows: u16) -> Closer {
        let mut shell = Closer::command(
            CommandBuilder::new("bash"),
            data_dir,
            cols,
            rows,
            &[("PS1", "shell$ ")],
        );
        shell.wait_for("shell$");
        shell.send(&format!(
            "{} --data-dir '{}'\r",
            env!("CARGO_BIN_EXE_closer"),
            data_dir.display()
        ));
        shell
    }

    fn spawn(data_dir: &Path, cols: u16, rows: u16, env: &[(&str, &str)], args: &[&str]) -> Closer {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_closer"));
        cmd.arg("--data-dir");
        cmd.arg(data_dir);
        for a in args {
            cmd.arg(a);
        }
        Closer::command(cmd, data_dir, cols, rows, env)
    }

    pub fn command(
        mut cmd: CommandBuilder,
        data_dir: &Path,
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Closer {
        if cmd.get_argv()[0] == "bash" {
            cmd.args(["--norc", "--noprofile", "-i"]);
        }
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("CLOSER_DATA_DIR");
        cmd.env_remove("CLOSER_CONFIG");
        // A settings file of its own, so the machine's does not leak in.
        cmd.env("XDG_CONFIG_HOME", data_dir.join("config-home"));
        for (k, v) in env {
            cmd.env(k, v);
        }
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
            master: pair.master,
        }
    }

    /// Resizes the terminal (the app gets a resize event).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        // vt100 0.16 underflows on a wide character in a one-column screen, so the parser
        // never goes below ten columns; what the app draws at one column is not read anyway.
        self.screen
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(rows.max(2), cols.max(10));
    }

    /// Writes raw bytes (a paste, a burst of keys) without waiting.
    pub fn send_bytes(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the terminal's cursor is shown and `at` holds of its screen (the cursor's
    /// row and column are `screen.cursor_position()`): then its row and column. `what` says
    /// what was waited for, if it never comes.
    pub fn wait_cursor(&self, what: &str, at: impl Fn(&vt100::Screen) -> bool) -> (u16, u16) {
        let start = Instant::now();
        while start.elapsed() < DEADLINE {
            {
                let parser = self.screen.lock().unwrap();
                let screen = parser.screen();
                if !screen.hide_cursor() && at(screen) {
                    return screen.cursor_position();
                }
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let parser = self.screen.lock().unwrap();
        let screen = parser.screen();
        panic!(
            "the cursor never was {what}: it is at {:?}, {}; the screen:\n{}",
            screen.cursor_position(),
            if screen.hide_cursor() {
                "hidden"
            } else {
                "shown"
            },
            screen.contents()
        );
    }

    /// What is drawn in the cell at `row`, `col` (a wide character is in its first cell).
    pub fn cell(&self, row: u16, col: u16) -> String {
        let parser = self.screen.lock().unwrap();
        parser
            .screen()
            .cell(row, col)
            .map(|c| c.contents().to_owned())
            .unwrap_or_default()
    }

    /// Whether the terminal's cursor is hidden.
    pub fn cursor_hidden(&self) -> bool {
        self.screen.lock().unwrap().screen().hide_cursor()
    }

    pub fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < DEADLINE {
            if self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("{text:?} never appeared; the screen:\n{}", self.contents());
    }

    pub fn wait_gone(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < DEADLINE {
            if !self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("{text:?} never went away; the screen:\n{}", self.contents());
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Esc alone, then a pause, so it is not read as Alt+the next key.
    pub fn esc(&mut self) {
        self.send("\x1b");
        std::thread::sleep(Duration::from_millis(150));
    }

    /// Presses `key` until `text` shows (at most `times` presses).
    pub fn press_until(&mut self, key: &str, text: &str, times: usize) {
        for _ in 0..times {
            if self.contents().contains(text) {
                return;
            }
            self.send(key);
            std::thread::sleep(Duration::from_millis(250));
        }
        self.wait_for(text);
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().unwrap()
    }

    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
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

    pub fn left_alternate_screen(&self) -> bool {
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

pub fn journal_with_perspective(root: &Path) {
    fs::create_dir_all(root).unwrap();
    fs::write(
        root.join("state.json"),
        br#"{"schema": 1, "perspective": "i-pull-away"}"#,
    )
    .unwrap();
}

/// closer on a new journal in `root`, at the Reflect step of a check-in.
pub fn at_reflect(root: &Path) -> Closer {
    journal_with_perspective(root);
    let mut app = Closer::start(root, 80, 24);
    app.wait_for("c check in");
    app.send("c");
    app.wait_for("step 1 of 10");
    app.press_until("\t", "step 6 of 10", 8);
    app
}

/// Sends `signal` (a `kill` flag such as `-9`) to closer.
pub fn signal(app: &Closer, flag: &str) {
    let status = std::process::Command::new("kill")
        .args([flag, &app.pid().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

pub fn only_day_file(root: &Path) -> serde_json::Value {
    let files: Vec<_> = files_under(&root.join("entries"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    serde_json::from_slice(&fs::read(&files[0]).unwrap()).unwrap()
}
