//! What both benches share: the journal sizes to run at, and closer ready to start in a
//! 200×60 pseudo-terminal.

use std::path::Path;

use portable_pty::{CommandBuilder, PtyPair, PtySize, native_pty_system};

/// The journal sizes: 10,000 and 100,000 entries, or `CLOSER_BENCH_SIZES` (comma-separated).
pub fn sizes() -> Vec<usize> {
    std::env::var("CLOSER_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 100_000])
}

/// A 200×60 pty and the command that runs the release `closer` on `dir` in it, with no
/// settings file of the machine's; the caller spawns it (and starts any clock first).
pub fn closer_in_pty(dir: &Path) -> (PtyPair, CommandBuilder) {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 60,
            cols: 200,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_closer"));
    cmd.arg("--data-dir");
    cmd.arg(dir);
    cmd.env("TERM", "xterm-256color");
    cmd.env("XDG_CONFIG_HOME", dir.join("no-config"));
    (pair, cmd)
}
