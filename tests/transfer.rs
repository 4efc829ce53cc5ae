//! Export, import, status, completions and the manual, on the built binary.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

mod common;

use closer::journal::entry::thin_vec;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use closer::journal::{Helpfulness, Name, Perspective, StrategyUse, TriggerLog, TriggerRef};
use closer::store::Store;
use common::{entry, files_under};

fn closer(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_closer"));
    cmd.args(args)
        .env_remove("CLOSER_DATA_DIR")
        .env_remove("CLOSER_CONFIG")
        // Nobody's own config.toml or content changes what the expected files say.
        .env("XDG_CONFIG_HOME", "/nonexistent/closer-test-config")
        .env("TZ", "UTC");
    cmd
}

fn run(cmd: &mut Command) -> (Output, String, String) {
    let out = cmd.output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out, stdout, stderr)
}

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// Three entries that use every field, with text that needs care in every format.
/// Writes three entries, and returns the store, for a test that writes more: a second
/// `Store::open` in this process could find the folder still locked, by a `closer` another
/// test thread is starting, which holds a copy of this process's lock until it runs.
fn fixture(root: &Path) -> Store {
    let store = Store::open(root).unwrap();
    let mut a = entry("2026-11-20T21:30:00+01:00", 1);
    a.perspective = Some(Perspective::PartnerPullsAway);
    a.emotions = thin_vec!["lonely".into(), "a bit, \"wistful\"".into()];
    a.triggers.push(TriggerLog {
        trigger: TriggerRef::Custom(Name::try_from("my sister's visit").unwrap()),
        intensity: None,
        note: String::new(),
        extra: Default::default(),
    });
    a.behaviours = thin_vec![Name::try_from("terse-talk").unwrap()];
    a.strategies = thin_vec![
        StrategyUse {
            id: Name::try_from("active-listening").unwrap(),
            planned: true,
            tried: None,
            helpfulness: None,
            extra: Default::default(),
        },
        StrategyUse {
            id: Name::try_from("take-it-slow").unwrap(),
            planned: false,
            tried: Some(true),
            helpfulness: Some(Helpfulness::try_from(4u8).unwrap()),
            extra: Default::default(),
        },
    ];
    a.notes = "Line one,\nline two — ünïcödé 🌱".into();
    a.tags = thin_vec!["work".into(), "home, mostly".into()];
    a.episodes = thin_vec![closer::journal::Episode {
        what: "He checked his phone, | # not me".into(),
        triggers: vec![TriggerRef::Custom(
            Name::try_from("my sister's visit").unwrap(),
        )],
        urges: vec!["go-quiet".into(), "walk out".into()],
        did: vec!["terse-talk".into()],
        next: "Dinner, in silence".into(),
        repair: Some(closer::journal::Repair::Strategy(
            Name::try_from("active-listening").unwrap(),
        )),
        ended: Some(closer::journal::Ending::Same),
        extra: Default::default(),
    }];
    a.predictions = thin_vec![closer::journal::Prediction {
        step: None,
        fear: "She will be cold all weekend".into(),
        likelihood: closer::journal::Likelihood::try_from(70).ok(),
        badness: closer::journal::Badness::try_from(4u8).ok(),
        look_back: "2026-11-23".parse().unwrap(),
        outcome: Some(closer::journal::PredictionOutcome {
            on: "2026-11-23".parse().unwrap(),
            result: closer::journal::PredictionResult::Partly,
            badness: closer::journal::Badness::try_from(2u8).ok(),
            instead: "Cool on Saturday, warm by Sunday".into(),
            extra: Default::default(),
        }),
        extra: Default::default(),
    }];
    let mut b = entry("2026-11-21T08:05:00+01:00", 2);
    b.thoughts = thin_vec![closer::journal::ThoughtCheck {
        thought: "He is bored of me".into(),
        belief: closer::journal::Likelihood::try_from(80).ok(),
        traps: vec![
            Name::try_from("trap-mind-reading").unwrap(),
            Name::try_from("a trap, \"mine\"").unwrap(),
        ],
        fits: "He was on his phone".into(),
        does_not_fit: "He asked about my day,\nand listened".into(),
        kinder: "He was tired".into(),
        belief_after: closer::journal::Likelihood::try_from(30).ok(),
        extra: Default::default(),
    }];
    b.debriefs = thin_vec![closer::journal::Debrief {
        felt: vec!["hurt".into(), "small".into()],
        my_side: "I needed him to look up".into(),
        triggers: vec![TriggerRef::Id(
            Name::try_from("communication-breakdown").unwrap(),
        )],
        before: "Being talked over as a child".into(),
        next_time: "Say it | early".into(),
        repair_id: Some(Name::try_from("repair-p-said-it-badly").unwrap()),
        repair: "What I said came out as blame.".into(),
        ..Default::default()
    }];
    b.cycle_words = thin_vec![closer::journal::CycleWords {
        trigger: Some(TriggerRef::Id(
            Name::try_from("communication-breakdown").unwrap(),
        )),
        starts: "he is on his phone at dinner".into(),
        i_do: "I go quiet".into(),
        underneath: "afraid I don't matter".into(),
        long_for: "to feel chosen".into(),
        ..Default::default()
    }];
    b.bids = thin_vec![
        closer::journal::Bid {
            kind: closer::journal::BidKind::Theirs,
            turn: Some(closer::journal::Turn::Toward),
            text: "He showed me a song | \"ours\"".into(),
            ..Default::default()
        },
        closer::journal::Bid {
            kind: closer::journal::BidKind::ThankMe,
            text: "I stayed at the table".into(),
            ..Default::default()
        },
    ];
    let mut pause =
        closer::journal::TimeOut::new(closer::journal::BreakSide::Mine, b.created_at, 30);
    pause.said = "I need a break to calm down. I'll come back to this at 08:35.".into();
    pause.until_then = "a walk, then tea".into();
    pause.back = Some(closer::journal::BreakOutcome {
        went: closer::journal::WentBack::Yes,
        on: "2026-11-21T08:40:00+01:00".parse().unwrap(),
        note: "We talked, calmer".into(),
        extra: Default::default(),
    });
    b.time_outs = thin_vec![pause];
    b.ladders = thin_vec![closer::journal::Ladder {
        id: "l-20261121-080500".into(),
        fear: "Saying how I feel".into(),
        steps: vec![
            closer::journal::Rung {
                text: "Say I'm tired".into(),
                scary: closer::journal::Likelihood::try_from(20).ok(),
                extra: Default::default(),
            },
            closer::journal::Rung {
                text: "Say I missed him".into(),
                scary: closer::journal::Likelihood::try_from(70).ok(),
                extra: Default::default(),
            },
        ],
        ..Default::default()
    }];
    b.week_reviews = thin_vec![closer::journal::WeekReview {
        week: "2026-11-16".parse().unwrap(),
        went_well: "Sunday's walk".into(),
        learned: "I go quiet | when I'm \"tired\"".into(),
        ..Default::default()
    }];
    b.predictions = thin_vec![closer::journal::Prediction {
        fear: "He will laugh it off".into(),
        likelihood: closer::journal::Likelihood::try_from(60).ok(),
        badness: closer::journal::Badness::try_from(3u8).ok(),
        look_back: "2026-11-24".parse().unwrap(),
        outcome: None,
        step: Some(closer::journal::StepOf {
            ladder: "l-20261121-080500".into(),
            step: "Say I'm tired".into(),
            extra: Default::default(),
        }),
        extra: Default::default(),
    }];
    let mut c = entry("2026-11-21T22:40:00+01:00", 3);
    c.mood = None;
    c.closeness = None;
    c.responses.clear();
    c.triggers.clear();
    c.tags.clear();
    c.emotions.clear();
    c.notes = "Only a note.".into();
    // Written the next morning, for the evening before.
    c.written_on = Some("2026-11-22".parse().unwrap());
    for e in [a, b, c] {
        store.save_entry(&e).unwrap();
    }
    store
}

#[test]
fn json_export_then_import_gives_identical_entries() {
    let dir = tempfile::tempdir().unwrap();
    let (from, to) = (dir.path().join("from"), dir.path().join("to"));
    fixture(&from);
    let file = dir.path().join("all.json");
    let (out, _, err) = run(&mut closer(&[
        "export",
        "--format",
        "json",
        "-o",
        file.to_str().unwrap(),
        "--data-dir",
        from.to_str().unwrap(),
    ]));
    assert!(out.status.success(), "{err}");
    let (out, text, err) = run(&mut closer(&[
        "import",
        file.to_str().unwrap(),
        "--data-dir",
        to.to_str().unwrap(),
    ]));
    assert!(out.status.success(), "{err}");
    assert!(text.contains("Added 3 entries."), "{text}");
    let original = Store::open(&from).unwrap().load().entries;
    let imported = Store::open(&to).unwrap().load().entries;
    assert_eq!(imported, original);
    // The day files themselves are identical.
    for day in ["2026/2026-11-20.json", "2026/2026-11-21.json"] {
        assert_eq!(
            fs::read(from.join("entries").join(day)).unwrap(),
            fs::read(to.join("entries").join(day)).unwrap()
        );
    }
    // A second import adds nothing.
    let (out, text, _) = run(&mut closer(&[
        "import",
        file.to_str().unwrap(),
        "--data-dir",
        to.to_str().unwrap(),
    ]));
    assert!(out.status.success());
    assert!(
        text.contains("0 entries to add") && text.contains("3 already in the journal"),
        "{text}"
    );
}

#[test]
fn markdown_and_csv_match_the_expected_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    fixture(&root);
    for (format, file) in [
        ("markdown", "export/expected.md"),
        ("csv", "export/expected.csv"),
    ] {
        let (out, text, err) = run(&mut closer(&[
            "export",
            "--format",
            format,
            "--data-dir",
            root.to_str().unwrap(),
        ]));
        assert!(out.status.success(), "{err}");
        let expected = data(file);
        if std::env::var_os("CLOSER_WRITE_EXPECTED").is_some() {
            fs::create_dir_all(expected.parent().unwrap()).unwrap();
            fs::write(&expected, &text).unwrap();
        }
        assert_eq!(text, fs::read_to_string(&expected).unwrap(), "{format}");
    }
}

#[test]
fn csv_is_read_back_by_a_csv_reader() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    fixture(&root);
    let (_, text, _) = run(&mut closer(&[
        "export",
        "--format",
        "csv",
        "--data-dir",
        root.to_str().unwrap(),
    ]));
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(rows.len(), 3);
    assert_eq!(&rows[0][col("emotions")], "lonely; a bit, \"wistful\"");
    assert_eq!(&rows[0][col("tags")], "work; home, mostly");
    assert_eq!(
        &rows[2][col("mood")],
        "",
        "a missing mood is empty, not zero"
    );
    // Every field is there, text with its line breaks.
    assert_eq!(&rows[0][col("mood_label")], "low");
    assert_eq!(
        &rows[0][col("triggers")],
        "Fear of intimacy, intensity 3/5: note 1\nmy sister's visit (your own)"
    );
    assert_eq!(&rows[0][col("signs")], "Short, clipped replies");
    assert_eq!(
        &rows[0][col("answers")],
        "What felt hard today?\nAnswer number 1, with ünïcode ✓ and \"quotes\".\nSecond line."
    );
    assert_eq!(
        &rows[0][col("strategies")],
        "Listen to understand, not to reply: planned\nLet closeness build slowly: tried, helpfulness 4/5"
    );
    assert_eq!(&rows[0][col("notes")], "Line one,\nline two — ünïcödé 🌱");
    assert_eq!(&rows[2][col("notes")], "Only a note.");
    assert_eq!(&rows[2][col("id")], "20261121-224000-00000003");
}

#[test]
fn bom_starts_a_csv_and_is_refused_for_other_formats() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    fixture(&root);
    let d = root.to_str().unwrap();
    let out = closer(&["export", "--format", "csv", "--bom", "--data-dir", d])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        &out.stdout[..3],
        b"\xEF\xBB\xBF",
        "the UTF-8 byte order mark"
    );
    assert!(out.stdout[3..].starts_with(b"date,time,"));
    let plain = closer(&["export", "--format", "csv", "--data-dir", d])
        .output()
        .unwrap();
    assert_eq!(&out.stdout[3..], &plain.stdout[..], "nothing else changes");
    assert!(plain.stdout.starts_with(b"date,"), "no mark without --bom");
    for format in ["markdown", "json"] {
        let (out, text, err) = run(&mut closer(&[
            "export",
            "--format",
            format,
            "--bom",
            "--data-dir",
            d,
        ]));
        assert_eq!(out.status.code(), Some(1), "{format}");
        assert!(err.contains("--bom is for CSV only"), "{err}");
        assert!(text.is_empty());
    }
}

#[test]
fn markdown_uses_the_chosen_mood_labels() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    let store = fixture(&root);
    let d = root.to_str().unwrap();
    // Chosen in Settings: stored in state.json.
    let mut prefs = store.load_preferences().unwrap();
    prefs.mood_labels = closer::journal::MoodLabels::Gentle;
    store.save_preferences(&prefs).unwrap();
    drop(store);
    let (_, text, _) = run(&mut closer(&[
        "export",
        "--format",
        "markdown",
        "--data-dir",
        d,
    ]));
    assert!(text.contains("- Mood: 3/5 (steady)"), "{text}");
    assert!(!text.contains("(okay)"), "{text}");
    let (_, text, _) = run(&mut closer(&["export", "--format", "csv", "--data-dir", d]));
    assert!(text.contains(",3,steady,"), "{text}");
    // Set in config.toml, which wins over the stored choice as it does on screen.
    let config = dir.path().join("config.toml");
    fs::write(&config, "mood_labels = \"numbers\"\n").unwrap();
    let (_, text, _) = run(&mut closer(&[
        "export",
        "--format",
        "markdown",
        "--data-dir",
        d,
        "--config",
        config.to_str().unwrap(),
    ]));
    assert!(text.contains("- Mood: 3/5\n"), "{text}");
    assert!(!text.contains("(steady)"), "{text}");
}

#[test]
fn export_to_a_file_is_private_and_never_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    fixture(&root);
    let file = dir.path().join("out.md");
    fs::write(&file, "precious").unwrap();
    let args = [
        "export",
        "--format",
        "markdown",
        "-o",
        file.to_str().unwrap(),
        "--data-dir",
        root.to_str().unwrap(),
    ];
    let (out, _, err) = run(&mut closer(&args));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        err.contains("already exists") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), "precious");
    let mut forced = args.to_vec();
    forced.push("--force");
    let (out, _, err) = run(&mut closer(&forced));
    assert!(out.status.success(), "{err}");
    assert!(
        fs::read_to_string(&file)
            .unwrap()
            .starts_with("# closer journal")
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            fs::metadata(&file).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| !n.to_string_lossy().starts_with(".closer-tmp")),
        "{names:?}"
    );
}

#[test]
fn export_limits_by_date() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    fixture(&root);
    let (_, text, _) = run(&mut closer(&[
        "export",
        "--format",
        "csv",
        "--from",
        "2026-11-21",
        "--to",
        "2026-11-21",
        "--data-dir",
        root.to_str().unwrap(),
    ]));
    let rows = csv::Reader::from_reader(text.as_bytes()).records().count();
    assert_eq!(rows, 2, "two rows: {text}");
    let (out, _, err) = run(&mut closer(&[
        "export",
        "--format",
        "csv",
        "--from",
        "2026-11-22",
        "--to",
        "2026-11-21",
    ]));
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("earlier date first"), "{err}");
}

#[test]
fn jrnl_basic_import_maps_dates_titles_bodies_and_tags() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    let file = data("import/jrnl-basic.json");
    let (out, text, err) = run(&mut closer(&[
        "import",
        file.to_str().unwrap(),
        "--data-dir",
        root.to_str().unwrap(),
    ]));
    assert!(out.status.success(), "{err}");
    assert!(text.contains("5 entries in this jrnl export"), "{text}");
    let entries = Store::open(&root).unwrap().load().entries;
    assert_eq!(entries.len(), 5);
    let first = &entries[0];
    assert_eq!(first.date.to_string(), "2026-11-01");
    assert_eq!(first.created_at.to_rfc3339(), "2026-11-01T07:15:00+00:00");
    assert_eq!(
        first.notes,
        "Morning run along the river.\n\nFive kilometres, easy pace. @running"
    );
    assert_eq!(first.tags, ["running"]);
    assert_eq!(first.mood, None, "no mood is invented");
    let starred = &entries[1];
    assert_eq!(
        starred
            .tags
            .iter()
            .filter(|t| *t == "starred-in-jrnl")
            .count(),
        1,
        "jrnl's star is one tag of its own: {:?}",
        starred.tags
    );
    assert!(starred.notes.contains("Next step: prepare slides"));
}

#[test]
fn jrnl_unicode_empty_bodies_and_many_tags() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    let file = data("import/jrnl-unicode.json");
    let (out, _, err) = run(&mut closer(&[
        "import",
        file.to_str().unwrap(),
        "--data-dir",
        root.to_str().unwrap(),
    ]));
    assert!(out.status.success(), "{err}");
    let entries = Store::open(&root).unwrap().load().entries;
    let raw: serde_json::Value = serde_json::from_slice(&fs::read(&file).unwrap()).unwrap();
    let source = raw["entries"].as_array().unwrap();
    assert_eq!(entries.len(), source.len());
    assert!(entries.iter().any(|e| e.notes.contains("Zürich")));
    assert!(entries.iter().any(|e| e.notes.contains("日本語")));
    assert!(entries.iter().any(|e| e.notes.contains("🌱")));
    let empty_body = source
        .iter()
        .position(|e| e["body"].as_str() == Some(""))
        .unwrap();
    let title = source[empty_body]["title"].as_str().unwrap();
    assert!(
        entries.iter().any(|e| e.notes == title),
        "a title alone becomes the notes"
    );
    let most_tags = source
        .iter()
        .map(|e| e["tags"].as_array().unwrap().len())
        .max()
        .unwrap();
    assert!(most_tags >= 10);
    assert!(entries.iter().any(|e| e.tags.len() >= most_tags));
    assert!(
        entries
            .iter()
            .flat_map(|e| &e.tags)
            .all(|t| !t.starts_with('@'))
    );
}

#[test]
fn a_malformed_file_says_where_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    let bad = dir.path().join("bad.json");
    fs::write(&bad, "{\n  \"tags\": {},\n  \"entries\": [\n    {\"title\": \"x\", \"date\": \"2026-11-01\", \"time\": \"07:15\",}\n  ]\n}\n").unwrap();
    let (out, _, err) = run(&mut closer(&[
        "import",
        bad.to_str().unwrap(),
        "--data-dir",
        root.to_str().unwrap(),
    ]));
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("line 4, column"), "{err}");
    assert!(err.contains("Nothing was imported"), "{err}");
    assert!(!root.exists(), "nothing written, not even the data folder");

    fs::write(&bad, r#"{"hello": "world"}"#).unwrap();
    let (out, _, err) = run(&mut closer(&[
        "import",
        bad.to_str().unwrap(),
        "--data-dir",
        root.to_str().unwrap(),
    ]));
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("not an export closer knows"), "{err}");

    fs::write(&bad, "{\"format\": \"closer-export\", \"version\": 1, \"exported_at\": \"2026-11-01T00:00:00Z\", \"entries\": [{\"id\": \"\"}]}").unwrap();
    let (out, _, err) = run(&mut closer(&[
        "import",
        bad.to_str().unwrap(),
        "--data-dir",
        root.to_str().unwrap(),
    ]));
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("line 1, column"), "{err}");
    assert!(!root.exists());

    let (out, _, err) = run(&mut closer(&[
        "import",
        "/nonexistent/file.json",
        "--data-dir",
        root.to_str().unwrap(),
    ]));
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("/nonexistent/file.json"), "{err}");
}

#[test]
fn a_dry_run_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    fixture(&root);
    let before = files_under(&root);
    let file = data("import/jrnl-basic.json");
    let (out, text, _) = run(&mut closer(&[
        "import",
        file.to_str().unwrap(),
        "--dry-run",
        "--data-dir",
        root.to_str().unwrap(),
    ]));
    assert!(out.status.success());
    assert!(
        text.contains("5 entries to add on 4 days") && text.contains("--dry-run"),
        "{text}"
    );
    assert_eq!(files_under(&root), before);
}

#[test]
fn status_says_and_exits_by_whether_today_is_checked_in() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    let (out, text, _) = run(&mut closer(&[
        "status",
        "--data-dir",
        root.to_str().unwrap(),
    ]));
    // No journal yet: the line for a shell prompt, and 2, "cannot tell" (issue 36).
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text, "not yet today · 0-day streak\n");
    assert!(!root.exists());
    let now = chrono::Local::now().fixed_offset();
    let store = Store::open(&root).unwrap();
    for back in 0..3 {
        let when = now - chrono::Duration::days(back);
        store
            .save_entry(&closer::journal::Entry::new(
                closer::journal::EntryId::generate(when, 0),
                when,
            ))
            .unwrap();
    }
    drop(store);
    let (out, text, _) =
        run(closer(&["status", "--data-dir", root.to_str().unwrap()]).env_remove("TZ"));
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert_eq!(text, "checked in today · 3-day streak\n");
    let (_, text, _) =
        run(closer(&["status", "--short", "--data-dir", root.to_str().unwrap()]).env_remove("TZ"));
    assert_eq!(text, "✓ 3\n");
}

#[test]
fn completions_and_the_manual() {
    for shell in ["bash", "zsh", "fish"] {
        let (out, text, err) = run(closer(&["completions", shell]).env_remove("HOME"));
        assert!(out.status.success(), "{shell}: {err}");
        assert!(
            text.contains("closer") && text.contains("export"),
            "{shell}"
        );
    }
    let (out, _, err) = run(&mut closer(&["completions", "powershell"]));
    assert_eq!(out.status.code(), Some(2));
    assert!(err.contains("bash"), "{err}");
    let (out, text, _) = run(&mut closer(&["man"]));
    assert!(out.status.success());
    assert!(text.contains(".TH closer 1"), "{text}");
    assert!(
        text.contains("import") && text.contains("data\\-dir"),
        "{text}"
    );
}

#[test]
fn every_subcommand_has_help_with_an_example() {
    for sub in [
        "checkin",
        "review",
        "doctor",
        "prompt",
        "stats",
        "export",
        "import",
        "status",
        "remind",
        "completions",
        "man",
    ] {
        let (out, text, _) = run(&mut closer(&[sub, "--help"]));
        assert!(out.status.success(), "{sub}");
        assert!(text.contains("Example"), "{sub}: {text}");
        // The options every command takes are listed apart from the command's own.
        let global = text
            .find("Global options:")
            .unwrap_or_else(|| panic!("{sub}: {text}"));
        let data_dir = text.find("--data-dir").unwrap();
        assert!(
            data_dir > global,
            "{sub}: --data-dir is with its own options: {text}"
        );
        assert!(text[global..].contains("--config"), "{sub}: {text}");
        if let Some(own) = text.find("\nOptions:") {
            assert!(!text[own..global].contains("--data-dir"), "{sub}: {text}");
        }
    }
}

#[test]
fn tui_journal_data_file_and_its_transfer_file_import_the_same_entries() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    for (root, file) in [
        (&a, "import/tui-journal.json"),
        (&b, "import/tui-journal-export.json"),
    ] {
        let (out, text, err) = run(&mut closer(&[
            "import",
            data(file).to_str().unwrap(),
            "--data-dir",
            root.to_str().unwrap(),
        ]));
        assert!(out.status.success(), "{file}: {err}");
        assert!(
            text.contains("6 entries in this tui-journal file")
                && text.contains("Added 6 entries."),
            "{text}"
        );
    }
    let entries = Store::open(&a).unwrap().load().entries;
    assert_eq!(entries.len(), 6);
    let run_entry = entries
        .iter()
        .find(|e| e.notes.starts_with("Morning run"))
        .unwrap();
    assert_eq!(run_entry.date.to_string(), "2026-11-01");
    assert_eq!(
        run_entry.created_at.to_rfc3339(),
        "2026-11-01T00:00:00+00:00"
    );
    assert!(
        run_entry
            .notes
            .starts_with("Morning run\n\nRan 5 km along the river.\n"),
        "{:?}",
        run_entry.notes
    );
    let mut tags = run_entry.tags.clone();
    tags.sort();
    assert_eq!(tags, ["health", "running"]);
    assert_eq!(
        run_entry.extra.get("priority"),
        Some(&serde_json::json!(2)),
        "priority is kept"
    );
    let title_only = entries
        .iter()
        .find(|e| e.notes == "Title only, no body")
        .unwrap();
    assert!(title_only.tags.is_empty());
    assert_eq!(entries.iter().map(|e| e.tags.len()).max(), Some(14));
    assert!(entries.iter().any(|e| e.notes.contains("日本語の勉強")));
    assert!(entries.iter().any(|e| e.notes.contains("مرحبا بالعالم")));
    // The two files hold the same entries, so the same notes and tags.
    let other = Store::open(&b).unwrap().load().entries;
    let mut x: Vec<_> = entries
        .iter()
        .map(|e| (e.notes.clone(), e.tags.clone(), e.date))
        .collect();
    let mut y: Vec<_> = other
        .iter()
        .map(|e| (e.notes.clone(), e.tags.clone(), e.date))
        .collect();
    x.sort();
    y.sort();
    assert_eq!(x, y);
    // Twice adds nothing.
    let (_, text, _) = run(&mut closer(&[
        "import",
        data("import/tui-journal.json").to_str().unwrap(),
        "--data-dir",
        a.to_str().unwrap(),
    ]));
    assert!(text.contains("0 entries to add"), "{text}");
}

#[test]
fn jrnl_tags_compare_as_sets_and_times_are_local() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    let file = data("import/jrnl-basic.json");
    let (out, _, err) = run(closer(&[
        "import",
        file.to_str().unwrap(),
        "--data-dir",
        root.to_str().unwrap(),
    ])
    .env("TZ", "Asia/Tokyo"));
    assert!(out.status.success(), "{err}");
    let entries = Store::open(&root).unwrap().load().entries;
    let late = entries
        .iter()
        .find(|e| e.notes.starts_with("Why is the build so slow?"))
        .unwrap();
    assert_eq!(
        late.created_at.to_rfc3339(),
        "2026-11-08T23:59:00+09:00",
        "jrnl's wall-clock time, in the local zone"
    );
    assert_eq!(late.date.to_string(), "2026-11-08");
    let mut tags = late.tags.clone();
    tags.sort();
    assert_eq!(tags, ["rust", "work"]);
}

/// Case b05: the search folds case the Unicode way. A Greek word typed with its final sigma
/// finds it written in capitals, a Turkish i finds İ, ß and "ss" match, and Latin letters with
/// diacritics still fold. The jrnl file of the case is imported as it is.
#[test]
fn search_folds_case_the_unicode_way_case_b05() {
    use closer::journal::query::{self, Filter};
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/import/b05-fold-jrnl.json");
    let (out, _, err) = run(&mut closer(&[
        "import",
        file.to_str().unwrap(),
        "--data-dir",
        root.to_str().unwrap(),
    ]));
    assert!(out.status.success(), "{err}");
    let mut entries = Store::open(&root).unwrap().load().entries;
    let mut extra = entry("2026-10-02T10:00:00+00:00", 9);
    extra.notes = "Coffee on the Straße.".into();
    entries.push(extra);
    let today = "2026-11-30".parse().unwrap();
    for (typed, finds) in [
        ("zürich", "Zürich"),
        ("ZÜRICH", "Zürich"),
        ("οδυσσεας", "ΟΔΥΣΣΕΑΣ"),
        ("οδυσσεασ", "ΟΔΥΣΣΕΑΣ"),
        ("iyi", "İYİ"),
        ("İYİ", "İYİ"),
        ("strasse", "Straße"),
        ("STRASSE", "Straße"),
    ] {
        let filter = Filter {
            text: typed.into(),
            conditions: Vec::new(),
        };
        let found = query::apply(&entries, &filter, today, None);
        assert_eq!(found.len(), 1, "{typed:?}");
        let notes = &entries[found[0]].notes;
        assert!(notes.contains(finds), "{typed:?} found {notes:?}");
        // And the highlight covers the word as written.
        let ranges = query::match_ranges(notes, &query::words(typed));
        assert_eq!(ranges.len(), 1, "{typed:?} in {notes:?}");
        assert!(
            notes[ranges[0].clone()].to_lowercase().len() >= 3,
            "{typed:?}"
        );
    }
}

/// Issue 21: the export reads day by day; a day file it cannot read is named on standard
/// error (it used to be left out without a word), and the rest is exported.
#[test]
fn an_unreadable_day_is_named_and_the_rest_exported() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    fixture(&root);
    let broken = root.join("entries/2026/2026-11-05.json");
    fs::write(&broken, "{\"schema\": 1, broken").unwrap();
    let (out, text, err) = run(&mut closer(&[
        "export",
        "--format",
        "json",
        "--data-dir",
        root.to_str().unwrap(),
    ]));
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("2026-11-05.json") && err.contains("closer doctor"),
        "{err}"
    );
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        v["entries"].as_array().unwrap().len(),
        3,
        "the readable days are all there"
    );
}

/// Issue 21: an export of many days, formatted on both cores, is in the journal's order and
/// the same as Markdown made of the whole journal at once.
#[test]
fn a_long_export_formatted_on_every_core_keeps_the_journals_order() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    let store = closer::store::Store::open(&root).unwrap();
    let mut all = Vec::new();
    for d in 0..400u32 {
        let day =
            chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Days::new(d.into());
        for k in 0..(d % 3) {
            all.push(common::entry(
                &format!("{day}T0{}:00:00+01:00", 8 + k),
                d * 10 + k,
            ));
        }
    }
    store.add_entries(all).unwrap();
    let read = store.load().entries;
    let catalog = closer::content::Catalog::bundled().unwrap();
    let export = |format| {
        let mut out = Vec::new();
        closer::cli::export::run(
            &root,
            &closer::cli::export::Request {
                format,
                from: None,
                to: None,
                output: None,
                force: false,
                bom: false,
                mood_labels: closer::journal::MoodLabels::default(),
                catalog: &catalog,
                recipients: &[],
            },
            chrono::Local::now().fixed_offset(),
            &mut out,
        )
        .unwrap();
        String::from_utf8(out).unwrap()
    };
    let markdown = export(closer::cli::export::Format::Markdown);
    assert_eq!(
        markdown,
        closer::journal::printable::printable(&closer::cli::export::markdown(
            &read,
            &catalog,
            closer::journal::MoodLabels::default()
        ))
    );
    let json: serde_json::Value =
        serde_json::from_str(&export(closer::cli::export::Format::Json)).unwrap();
    let ids: Vec<&str> = json["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    let want: Vec<&str> = read.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, want);
}

/// Imports `file` into `root`: its output, standard error and exit code.
fn import(file: &Path, root: &Path) -> (Option<i32>, String, String) {
    let (out, text, err) = run(&mut closer(&[
        "import",
        file.to_str().unwrap(),
        "--data-dir",
        root.to_str().unwrap(),
    ]));
    (out.status.code(), text, err)
}

/// Issue 37 item 4 (case jf03): entries of the same minute keep jrnl's order, whatever their
/// text (closer used to order them by a hash of it), and a second import adds nothing.
#[test]
fn jrnl_entries_of_the_same_minute_keep_the_files_order() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    let file = dir.path().join("jrnl.json");
    // Many, so that an order by anything but the file's would show.
    let titles: Vec<String> = (0..12)
        .map(|i| format!("Entry {i} of the morning."))
        .collect();
    let entries: Vec<serde_json::Value> = titles
        .iter()
        .map(|t| {
            serde_json::json!({"title": t, "body": "", "date": "2022-03-05", "time": "09:00",
                "tags": [], "starred": false})
        })
        .collect();
    fs::write(
        &file,
        serde_json::to_vec(&serde_json::json!({"tags": {}, "entries": entries})).unwrap(),
    )
    .unwrap();
    let (code, text, err) = import(&file, &root);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        text.contains("the same minute"),
        "says what it changed: {text}"
    );
    let got: Vec<String> = Store::open(&root)
        .unwrap()
        .load()
        .entries
        .into_iter()
        .map(|e| e.notes)
        .collect();
    assert_eq!(got, titles);
    let (code, text, _) = import(&file, &root);
    assert_eq!(code, Some(0));
    assert!(text.contains("12 already in the journal"), "{text}");
}

/// Issue 37 item 4 (case jf04): jrnl's star and a jrnl tag `@starred` stay apart, no tag is
/// kept twice, and jrnl's tags become closer tags by closer's own rule (`@sam`, `#sam` and
/// `sam` are one tag "sam", as "#sam" typed in a check-in is).
#[test]
fn jrnl_star_and_tags_become_closer_tags_once_each() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    let file = dir.path().join("jrnl.json");
    fs::write(
        &file,
        r##"{"tags": {"@starred": 2, "@sam": 2}, "entries": [
  {"title": "Cleared out my @starred emails.", "body": "", "date": "2022-04-10",
   "time": "18:00", "tags": ["@starred"], "starred": false},
  {"title": "Finally answered the @starred ones.", "body": "", "date": "2022-04-11",
   "time": "18:00", "tags": ["@starred"], "starred": true},
  {"title": "Talked with @sam and #sam, @Sam.", "body": "", "date": "2022-04-12",
   "time": "18:00", "tags": ["@sam", "#sam", "sam", "@starred-in-jrnl"], "starred": true}
]}"##,
    )
    .unwrap();
    let (code, text, err) = import(&file, &root);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        text.contains("starred in jrnl"),
        "says the star became a tag: {text}"
    );
    assert!(text.contains("\"starred-in-jrnl\""), "{text}");
    assert!(
        text.contains("@starred is \"starred\""),
        "names the tag rule: {text}"
    );
    let tags: Vec<Vec<String>> = Store::open(&root)
        .unwrap()
        .load()
        .entries
        .into_iter()
        .map(|e| e.tags.to_vec())
        .collect();
    assert_eq!(
        tags,
        [
            vec!["starred"],
            vec!["starred", "starred-in-jrnl"],
            vec!["sam", "starred-in-jrnl"],
        ]
    );
    assert_eq!(
        closer::journal::transfer::closer_tag(" #sam "),
        Some("sam".to_owned())
    );
}

/// Issue 37 item 4 (case b07): a jrnl export saved as UTF-16 with a byte-order mark (what
/// Windows PowerShell 5.1 writes), little- or big-endian, imports as the UTF-8 file does; one
/// without a mark, or in UTF-32, is refused naming the encoding.
#[test]
fn a_utf16_export_is_imported_and_other_encodings_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let utf8 = fs::read_to_string(data("import/jrnl-basic.json")).unwrap();
    let units: Vec<u16> = utf8.encode_utf16().collect();
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(units.iter().flat_map(|u| u.to_le_bytes()))
        .collect();
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(units.iter().flat_map(|u| u.to_be_bytes()))
        .collect();
    let notes = |root: &Path| -> Vec<String> {
        Store::open(root)
            .unwrap()
            .load()
            .entries
            .into_iter()
            .map(|e| e.notes)
            .collect()
    };
    let root = dir.path().join("utf8");
    assert_eq!(import(&data("import/jrnl-basic.json"), &root).0, Some(0));
    let expected = notes(&root);
    assert_eq!(expected.len(), 5);
    for (name, bytes, says) in [("le", le.clone(), "UTF-16 LE"), ("be", be, "UTF-16 BE")] {
        let file = dir.path().join(format!("{name}.json"));
        fs::write(&file, bytes).unwrap();
        let root = dir.path().join(name);
        let (code, text, err) = import(&file, &root);
        assert_eq!(code, Some(0), "{name}: {err}");
        assert!(text.contains(says), "{name}: {text}");
        assert_eq!(notes(&root), expected, "{name}");
    }
    let no_mark = dir.path().join("no-mark.json");
    fs::write(&no_mark, &le[2..]).unwrap();
    let root = dir.path().join("no-mark");
    let (code, _, err) = import(&no_mark, &root);
    assert_eq!(code, Some(1));
    assert!(err.contains("UTF-16"), "{err}");
    assert!(err.contains("save it as UTF-8"), "{err}");
    let utf32 = dir.path().join("utf32.json");
    let bytes: Vec<u8> = [0xFF, 0xFE, 0, 0]
        .into_iter()
        .chain(utf8.chars().flat_map(|c| u32::from(c).to_le_bytes()))
        .collect();
    fs::write(&utf32, bytes).unwrap();
    let (code, _, err) = import(&utf32, &root);
    assert_eq!(code, Some(1));
    assert!(err.contains("UTF-32"), "{err}");
    assert!(!root.exists(), "nothing written");
}

/// Issue 37 items 4 and 18: a file that is not JSON (a CSV, Markdown, closer's own CSV
/// export) is told so, with the formats closer imports, not "line 1, column 1".
#[test]
fn a_file_that_is_not_json_is_told_so_with_the_formats_closer_imports() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    for (name, content) in [
        ("entries.csv", "date,title,body\n2026-11-01,Run,Easy\n"),
        ("journal.md", "# 2026-11-01\n\nA walk.\n"),
        ("quoted.csv", "\"date\",\"notes\"\n"),
    ] {
        let file = dir.path().join(name);
        fs::write(&file, content).unwrap();
        let (code, _, err) = import(&file, &root);
        assert_eq!(code, Some(1), "{name}");
        assert!(err.contains("it is not JSON"), "{name}: {err}");
        assert!(err.contains("jrnl --export json"), "{name}: {err}");
        assert!(err.contains("tui-journal"), "{name}: {err}");
        assert!(!err.contains("line 1, column 1"), "{name}: {err}");
        assert!(err.contains("Nothing was imported"), "{name}: {err}");
    }
    assert!(!root.exists());
}

/// Issue 38: an import reads its file twice, the first time to check it, and writes the new
/// entries a window of days at a time. A file of more than three windows of days (3,000 days,
/// a day written to again near the end, an entry twice, two entries already in the journal)
/// gives the journal, file for file, that writing all its entries at once gives
/// (`Store::add_entries`, the path an import took before); a bad entry near the end of such a
/// file leaves the journal as it was.
#[test]
fn an_import_of_many_windows_of_days_gives_the_journal_written_whole() {
    use closer::journal::transfer::Export;
    let dir = tempfile::tempdir().unwrap();
    let first = common::day("2010-01-01");
    let on = |days: u32, n: u32, hour: &str| {
        let date = first + chrono::Days::new(u64::from(days));
        entry(&format!("{date}T{hour}:00:00+00:00"), n)
    };
    let mut all: Vec<_> = (0..3_000).map(|n| on(n, n, "09")).collect();
    all.push(on(5, 9_999, "21"));
    all.push(all[10].clone());
    let already = [all[20].clone(), all[1_500].clone()];
    let file = dir.path().join("many.json");
    let now = common::at("2026-01-01T00:00:00+00:00");
    fs::write(
        &file,
        serde_json::to_vec(&Export::new(all.clone(), now)).unwrap(),
    )
    .unwrap();
    let (to, whole) = (dir.path().join("to"), dir.path().join("whole"));
    for root in [&to, &whole] {
        Store::open(root)
            .unwrap()
            .add_entries(already.to_vec())
            .unwrap();
    }
    Store::open(&whole).unwrap().add_entries(all).unwrap();
    let (code, text, err) = import(&file, &to);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        text.contains(
            "3002 entries in this closer export: 2999 entries to add on 2998 days, 3 already"
        ) && text.contains("Added 2999 entries."),
        "{text}"
    );
    let relative = |root: &Path| {
        common::snapshot(&root.join("entries"))
            .into_iter()
            .map(|(p, bytes, mode)| (p.strip_prefix(root).unwrap().to_owned(), bytes, mode))
            .collect::<Vec<_>>()
    };
    assert!(
        relative(&to) == relative(&whole),
        "not the journal written whole"
    );
    // A bad entry near the end of a file of as many days, all of them new: nothing is written.
    let mut later: Vec<_> = (0..3_000)
        .map(|n| on(4_000 + n, 20_000 + n, "10"))
        .collect();
    later[2_990].notes = "the bad one".into();
    let mut bad = serde_json::to_value(Export::new(later, now)).unwrap();
    bad["entries"][2_990]["mood"] = serde_json::json!("very");
    let bad_file = dir.path().join("bad.json");
    fs::write(&bad_file, serde_json::to_vec_pretty(&bad).unwrap()).unwrap();
    let before = common::snapshot(&to);
    let (code, _, err) = import(&bad_file, &to);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("is not valid: line ") && err.contains("Nothing was imported."),
        "{err}"
    );
    assert!(common::snapshot(&to) == before, "the journal changed");
}
