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

/// A production file of `src/` as a module path (`src/journal/scale.rs` is `journal::scale`),
/// with its code before any `#[cfg(test)]`; none for test files.
fn modules_of_src() -> Vec<(Vec<String>, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    for file in rust_files(&src) {
        let rel = file.strip_prefix(&src).unwrap_or(&file).with_extension("");
        let path: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let test_file = path.iter().any(|p| {
            p == "tests" || p == "test_support" || p.ends_with("_tests") || p == "snapshot_tests"
        });
        if test_file || path == ["main"] {
            continue;
        }
        let path = if path == ["lib"] { Vec::new() } else { path };
        let text = fs::read_to_string(&file).unwrap_or_default();
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        let code: String = code
            .lines()
            .map(|l| l.split("//").next().unwrap_or_default())
            .collect::<Vec<_>>()
            .join("\n");
        out.push((path, code));
    }
    out
}

/// Every path a file names (`crate::a::b`, `super::c`, `self::d`), made absolute, with a use
/// tree's braces opened one level (`use super::{a, b::c}` names `super::a` and `super::b::c`).
fn paths_named(module: &[String], code: &str) -> Vec<Vec<String>> {
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut out = Vec::new();
    let bytes: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        let starts = ["crate::", "super::", "self::"]
            .iter()
            .any(|p| code_at(&bytes, i, p) && (i == 0 || !ident(bytes[i - 1])));
        if !starts {
            i += 1;
            continue;
        }
        // Read `seg::seg::…`, stopping at a brace or anything else.
        let mut segs: Vec<String> = Vec::new();
        let mut j = i;
        loop {
            let s = j;
            while j < bytes.len() && ident(bytes[j]) {
                j += 1;
            }
            if s == j {
                break;
            }
            segs.push(bytes[s..j].iter().collect());
            if code_at(&bytes, j, "::") {
                j += 2;
            } else {
                break;
            }
        }
        let mut absolute: Vec<String> = module.to_vec();
        let mut rest = segs.as_slice();
        match rest.first().map(String::as_str) {
            Some("crate") => {
                absolute.clear();
                rest = &rest[1..];
            }
            Some("self") => rest = &rest[1..],
            _ => {
                while rest.first().is_some_and(|s| s == "super") {
                    absolute.pop();
                    rest = &rest[1..];
                }
            }
        }
        absolute.extend(rest.iter().cloned());
        if j < bytes.len() && bytes[j] == '{' {
            // The items of the brace, one level deep.
            let mut depth = 0;
            let mut item = String::new();
            let mut k = j + 1;
            while k < bytes.len() {
                match bytes[k] {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        push_item(&mut out, &absolute, &item);
                        item.clear();
                    }
                    c => item.push(c),
                }
                k += 1;
            }
            push_item(&mut out, &absolute, &item);
            i = k;
        } else {
            out.push(absolute);
            i = j.max(i + 1);
        }
    }
    out
}

fn code_at(chars: &[char], at: usize, text: &str) -> bool {
    text.chars()
        .enumerate()
        .all(|(n, c)| chars.get(at + n) == Some(&c))
}

fn push_item(out: &mut Vec<Vec<String>>, base: &[String], item: &str) {
    let segs: Vec<String> = item
        .trim()
        .split("::")
        .map(|s| s.split_whitespace().next().unwrap_or("").to_owned())
        .take_while(|s| !s.is_empty() && !s.contains('{'))
        .collect();
    if segs.is_empty() || segs[0] == "self" {
        out.push(base.to_vec());
    } else {
        let mut p = base.to_vec();
        p.extend(segs);
        out.push(p);
    }
}

/// No import cycle anywhere in `src/`: between the files of a folder (siblings), and between
/// folders, counting a name taken through a parent's `pub use` as taken from where it lives.
#[test]
fn no_module_of_the_crate_is_in_an_import_cycle() {
    let files = modules_of_src();
    let known: Vec<&Vec<String>> = files.iter().map(|(m, _)| m).collect();
    // A parent's re-exports: item name → the child module it comes from.
    let mut reexports: Vec<(Vec<String>, String, Vec<String>)> = Vec::new();
    for (m, code) in &files {
        // Each `pub use …;` statement, however many lines it takes.
        let statements = code
            .split("pub use ")
            .skip(1)
            .filter_map(|s| s.split(';').next());
        for statement in statements {
            let statement = statement.trim();
            let statement = if statement.starts_with("super::") || statement.starts_with("crate::")
            {
                format!("use {statement}")
            } else {
                format!("use self::{}", statement.trim_start_matches("self::"))
            };
            for p in paths_named(m, &statement) {
                if let Some((name, from)) = p.split_last()
                    && from != m.as_slice()
                    && known.contains(&&from.to_vec())
                {
                    reexports.push((m.clone(), name.clone(), from.to_vec()));
                }
            }
        }
    }
    // Where a name really lives: through re-exports (a chain of them, as `journal` re-exports
    // `entry`'s re-export of `values`), to the module that defines it.
    let resolve = |p: &[String]| -> Option<Vec<String>> {
        let longest = (0..=p.len())
            .rev()
            .find(|&n| known.contains(&&p[..n].to_vec()))?;
        let mut module = p[..longest].to_vec();
        let Some(name) = p.get(longest) else {
            return Some(module);
        };
        for _ in 0..8 {
            match reexports.iter().find(|(m, n, _)| *m == module && n == name) {
                Some((_, _, from)) => module = from.clone(),
                None => break,
            }
        }
        Some(module)
    };
    let mut edges: Vec<(Vec<String>, Vec<String>)> = Vec::new();
    for (m, code) in &files {
        for p in paths_named(m, code) {
            let Some(to) = resolve(&p) else { continue };
            let common = m.iter().zip(&to).take_while(|(a, b)| a == b).count();
            // A module and its own parent or child: declarations and re-exports.
            if common == m.len() || common == to.len() {
                continue;
            }
            edges.push((m[..=common].to_vec(), to[..=common].to_vec()));
        }
    }
    edges.sort();
    edges.dedup();
    assert!(edges.len() > 50, "the checker read too little: {edges:?}");
    let named = |m: &Vec<String>| m.join("::");
    for (from, _) in &edges {
        let mut stack = vec![(from.clone(), vec![from.clone()])];
        let mut seen: Vec<Vec<String>> = Vec::new();
        while let Some((node, path)) = stack.pop() {
            for (_, b) in edges.iter().filter(|(a, _)| *a == node) {
                if b == from {
                    let cycle: Vec<String> = path.iter().chain([b]).map(named).collect();
                    panic!("import cycle: {}", cycle.join(" → "));
                }
                if !seen.contains(b) {
                    seen.push(b.clone());
                    let mut next = path.clone();
                    next.push(b.clone());
                    stack.push((b.clone(), next));
                }
            }
        }
    }
}

/// The cycle check sees a cycle through a parent's re-export.
#[test]
fn the_cycle_checker_reads_paths_and_braces() {
    let m = vec!["journal".to_owned(), "scale".to_owned()];
    let got = paths_named(
        &m,
        "use super::{entry::Entry, values::Rating};\nlet x = crate::report::words::shown(y);",
    );
    let want: Vec<Vec<&str>> = vec![
        vec!["journal", "entry", "Entry"],
        vec!["journal", "values", "Rating"],
        vec!["report", "words", "shown"],
    ];
    assert_eq!(got, want);
}
