//! A journal generator for benchmarks and by-hand looks (not a user command):
//!
//! ```sh
//! cargo run --release --example generate -- --entries 100000 --seed 7 --data-dir /tmp/big
//! ```
//!
//! Realistic and deterministic from the seed: 1–3 check-ins a day going back from yesterday,
//! every field used, answers of 20–300 words, custom triggers, tags, moments traced and
//! predictions (answered when their day has come). Written through the real
//! store, one day file at a time.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a developer tool

#[path = "../benches/support/generator.rs"]
mod generator;

use std::path::PathBuf;
use std::process::ExitCode;

use closer::content::Catalog;
use closer::store::Store;

fn main() -> ExitCode {
    let mut entries = 10_000usize;
    let mut seed = 1u64;
    let mut dir: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--entries" => entries = args.next().and_then(|v| v.parse().ok()).unwrap_or(entries),
            "--seed" => seed = args.next().and_then(|v| v.parse().ok()).unwrap_or(seed),
            "--data-dir" => dir = args.next().map(PathBuf::from),
            other => {
                eprintln!("unknown argument {other}; use --entries N --seed S --data-dir DIR");
                return ExitCode::FAILURE;
            }
        }
    }
    let Some(dir) = dir else {
        eprintln!("--data-dir DIR is required (a new or empty folder)");
        return ExitCode::FAILURE;
    };
    let catalog = match Catalog::bundled() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let store = match Store::open(&dir) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let generated = generator::generate(entries, seed, &catalog);
    let n = generated.len();
    match store.add_entries(generated) {
        Ok(added) => {
            println!("{added} of {n} entries written to {}", dir.display());
            ExitCode::SUCCESS
        }
        Err(partial) => {
            eprintln!(
                "{} entries written, then: {}",
                partial.entries, partial.error
            );
            ExitCode::FAILURE
        }
    }
}
