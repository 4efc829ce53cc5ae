//! The layers of DESIGN §5 hold: the core never sees the terminal, `journal` never touches
//! files, and screens never reach the store, the disk or the clock.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        let Ok(read) = fs::read_dir(&d) else { continue };
        for e in read.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    // A module's root file (`src/journal.rs`) belongs to the module too.
    let root = dir.with_extension("rs");
    if root.is_file() {
        out.push(root);
    }
    out
}

fn check(dir: &str, banned: &[&str]) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut found = Vec::new();
    for file in rust_files(&dir) {
        let text = fs::read_to_string(&file).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            for word in banned {
                if code.contains(word) {
                    found.push(format!("{}:{}: {word}", file.display(), n + 1));
                }
            }
        }
    }
    found
}

#[test]
fn layers_depend_one_way() {
    let rules: &[(&str, &[&str])] = &[
        (
            "src/journal",
            &[
                "ratatui",
                "crossterm",
                "std::fs",
                "anyhow",
                "crate::store",
                "crate::tui",
                "crate::cli",
                "crate::content",
                "Local::now",
                "Utc::now",
            ],
        ),
        (
            "src/content",
            &[
                "ratatui",
                "crossterm",
                "crate::store",
                "crate::tui",
                "crate::cli",
            ],
        ),
        (
            "src/store",
            &[
                "ratatui",
                "crossterm",
                "crate::tui",
                "crate::cli",
                "crate::content",
            ],
        ),
        (
            "src/tui/screens",
            &[
                "crate::store",
                "std::fs",
                "Local::now",
                "event::read",
                "event::poll",
            ],
        ),
        (
            "src/tui/widgets",
            &[
                "crate::store",
                "std::fs",
                "Local::now",
                "event::read",
                "event::poll",
            ],
        ),
    ];
    let mut all = Vec::new();
    for (dir, banned) in rules {
        all.extend(check(dir, banned));
    }
    assert!(all.is_empty(), "layer rules broken:\n{}", all.join("\n"));
}

#[test]
fn the_checker_sees_what_it_bans() {
    // Guard against a checker that passes because it reads nothing.
    assert!(!check("src/tui", &["ratatui"]).is_empty());
    assert!(
        !check("src/store", &["std::fs"]).is_empty() || !check("src/store", &["fs::"]).is_empty()
    );
}
