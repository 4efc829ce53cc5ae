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
            "src/report",
            &[
                "ratatui",
                "crossterm",
                "std::fs",
                "crate::store",
                "crate::tui",
                "crate::cli",
                "Local::now",
            ],
        ),
        (
            "src/tui/screens",
            &[
                "crate::store",
                "tui::app",
                "super::app",
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
                "tui::app",
                "super::app",
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

/// The modules of `src/tui/` a file in `module` names, from its `use` lines and paths
/// (`crate::tui::x`, and `super::x` in a top-level file of `tui/`).
fn tui_modules_named(text: &str, top_level: bool) -> Vec<String> {
    const MODULES: [&str; 14] = [
        "app",
        "clock",
        "editor",
        "effect",
        "event_loop",
        "keys",
        "screen",
        "screens",
        "session",
        "signals",
        "terminal",
        "text",
        "theme",
        "widgets",
    ];
    let mut named = Vec::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or_default();
        for m in MODULES {
            let by_crate = [format!("crate::tui::{m}::"), format!("crate::tui::{m};")]
                .iter()
                .any(|p| code.contains(p.as_str()))
                || code.contains(&format!("crate::tui::{{{m}"))
                || code.contains(&format!("crate::tui::{m},"));
            let by_super = top_level
                && [
                    format!("super::{m}::"),
                    format!("super::{m};"),
                    format!("super::{m},"),
                ]
                .iter()
                .any(|p| code.contains(p.as_str()));
            if by_crate || by_super {
                named.push(m.to_owned());
            }
        }
    }
    named
}

/// No import cycle inside `tui/`: the modules form layers (keys, theme, text, effect, session
/// → the screen contract → widgets → screens → app → event loop), and no screen names
/// another screen or the app.
#[test]
fn tui_modules_have_no_cycle_and_screens_do_not_know_each_other() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui");
    let mut edges: Vec<(String, String)> = Vec::new();
    for file in rust_files(&root) {
        let rel = file.strip_prefix(&root).unwrap_or(&file).to_owned();
        let Some(first) = rel.components().next() else {
            continue;
        };
        let module = first
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_owned();
        if module == "test_support" || module == "snapshot_tests" || module == "tui" {
            continue;
        }
        let text = fs::read_to_string(&file).unwrap_or_default();
        // Tests may reach across; the rule is for the code that runs.
        let text = text.split("#[cfg(test)]").next().unwrap_or_default();
        if rel.to_string_lossy().ends_with("tests.rs") {
            continue;
        }
        let top_level = rel.components().count() == 1;
        for named in tui_modules_named(text, top_level) {
            if named != module {
                edges.push((module.clone(), named));
            }
        }
    }
    edges.sort();
    edges.dedup();
    assert!(!edges.is_empty(), "the checker read nothing");
    // Depth-first search for a cycle.
    fn visit(
        node: &str,
        edges: &[(String, String)],
        path: &mut Vec<String>,
        done: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == node) {
            let mut cycle = path[i..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if done.iter().any(|d| d == node) {
            return None;
        }
        path.push(node.to_owned());
        for (from, to) in edges {
            if from == node
                && let Some(c) = visit(to, edges, path, done)
            {
                return Some(c);
            }
        }
        path.pop();
        done.push(node.to_owned());
        None
    }
    let mut done = Vec::new();
    for (from, _) in &edges {
        if let Some(cycle) = visit(from, &edges, &mut Vec::new(), &mut done) {
            panic!("import cycle in tui/: {}\n{edges:?}", cycle.join(" → "));
        }
    }

    // Screens name neither the app nor one another (they open each other through `Open`).
    let screens = root.join("screens");
    let names: Vec<String> = fs::read_dir(&screens)
        .unwrap()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            name.strip_suffix(".rs").map(str::to_owned)
        })
        .collect();
    assert!(names.len() >= 10, "{names:?}");
    let mut found = Vec::new();
    for file in rust_files(&screens) {
        if file.ends_with("screens.rs") || file.to_string_lossy().ends_with("tests.rs") {
            continue;
        }
        let rel = file.strip_prefix(&screens).unwrap().to_owned();
        let own = rel
            .components()
            .next()
            .map(|c| {
                c.as_os_str()
                    .to_string_lossy()
                    .trim_end_matches(".rs")
                    .to_owned()
            })
            .unwrap_or_default();
        let text = fs::read_to_string(&file).unwrap_or_default();
        let text = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            if code.contains("tui::screens") || code.contains("tui::app") {
                found.push(format!("{}:{}: {code}", file.display(), n + 1));
            }
            for other in names.iter().filter(|o| **o != own) {
                if code.contains(&format!("screens::{other}")) {
                    found.push(format!("{}:{}: {other}", file.display(), n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "screens reach across:\n{}",
        found.join("\n")
    );
}

/// Issue 20, item 6: one wrapping helper (`tui::widgets::wrap`) everywhere text is shown, so
/// wrapped lines keep their indent, never start with a space, and break CJK text between
/// characters; ratatui's own wrapping does none of these. Screens use `wrap::lines`,
/// `wrap::paragraph` or `wrap::indented`.
#[test]
fn screens_wrap_with_the_one_helper() {
    let found = check("src/tui/screens", &[".wrap(Wrap", "Wrap {"]);
    assert!(
        found.is_empty(),
        "ratatui's wrapping in screens:\n{}",
        found.join("\n")
    );
}
