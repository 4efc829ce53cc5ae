//! The command line on the built binary: doctor, prompt, flags and errors.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

mod common;

use closer::journal::entry::thin_vec;
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use closer::store::Store;
use common::{entry, files_under};

fn closer(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_closer"));
    // No settings file of the machine's (a test that wants one sets its own).
    cmd.args(args)
        .env_remove("CLOSER_DATA_DIR")
        .env_remove("CLOSER_CONFIG")
        .env("XDG_CONFIG_HOME", "/nonexistent-closer-test-config");
    cmd
}

fn run(cmd: &mut Command) -> (Output, String) {
    let out = cmd.output().unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out, text)
}

use common::file_mode as mode;

fn healthy_journal(root: &Path) {
    let store = Store::open(root).unwrap();
    for (i, t) in ["2026-11-20T09:00:00+01:00", "2026-11-21T21:30:00+01:00"]
        .iter()
        .enumerate()
    {
        store.save_entry(&entry(t, i as u32)).unwrap();
    }
}

#[test]
fn doctor_on_a_healthy_journal_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    healthy_journal(&root);
    let (out, text) =
        run(closer(&["doctor", "--data-dir", root.to_str().unwrap()]).current_dir(dir.path()));
    assert!(out.status.success(), "{text}");
    assert!(text.contains("2 entries read from 2 day files."), "{text}");
    assert!(text.contains("All is well."), "{text}");
}

#[test]
fn doctor_on_a_missing_folder_exits_0_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("nothing-here");
    let (out, text) = run(&mut closer(&[
        "doctor",
        "--data-dir",
        root.to_str().unwrap(),
    ]));
    assert!(out.status.success(), "{text}");
    assert!(text.contains("no journal there yet"), "{text}");
    assert!(!root.exists());
}

#[cfg(unix)]
#[test]
fn doctor_names_each_bad_file_changes_nothing_and_exits_1() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    healthy_journal(&root);
    let year = root.join("entries/2026");
    let corrupt = year.join("2026-11-10.json");
    fs::write(
        &corrupt,
        b"{\"schema\": 1, \"date\": \"2026-11-10\", \"entries\": [{\"id\": ",
    )
    .unwrap();
    let future = year.join("2026-11-11.json");
    fs::write(
        &future,
        br#"{"schema": 99, "date": "2026-11-11", "entries": []}"#,
    )
    .unwrap();
    for f in [&corrupt, &future] {
        fs::set_permissions(f, fs::Permissions::from_mode(0o600)).unwrap();
    }
    let open = year.join("2026-11-20.json");
    fs::set_permissions(&open, fs::Permissions::from_mode(0o644)).unwrap();
    let before = common::snapshot(dir.path());

    let (out, text) = run(&mut closer(&[
        "doctor",
        "--data-dir",
        root.to_str().unwrap(),
    ]));
    assert_eq!(out.status.code(), Some(1), "{text}");
    for (path, words) in [
        (&corrupt, "Damaged at line 1"),
        (&future, "newer version of closer (schema 99"),
        (&open, "mode 644, should be 600"),
    ] {
        let at = text
            .find(&path.display().to_string())
            .unwrap_or_else(|| panic!("{} not named:\n{text}", path.display()));
        assert!(
            text[at..].contains(words),
            "{words:?} after {}:\n{text}",
            path.display()
        );
    }
    assert!(text.contains("chmod 600"), "{text}");
    assert!(text.contains("3 problems need a look"), "{text}");
    assert_eq!(
        common::snapshot(dir.path()),
        before,
        "doctor changed something"
    );
}

#[test]
fn data_dir_comes_from_the_flag_then_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let from_env = dir.path().join("env");
    let from_flag = dir.path().join("flag");
    healthy_journal(&from_env);
    let (_, text) = run(closer(&["doctor"]).env("CLOSER_DATA_DIR", &from_env));
    assert!(text.contains(&from_env.display().to_string()), "{text}");
    let (_, text) = run(
        closer(&["doctor", "--data-dir", from_flag.to_str().unwrap()])
            .env("CLOSER_DATA_DIR", &from_env),
    );
    assert!(text.contains(&from_flag.display().to_string()), "{text}");
}

#[test]
fn without_home_set_the_data_dir_still_works() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    healthy_journal(&root);
    let (out, text) = run(closer(&["doctor", "--data-dir", root.to_str().unwrap()])
        .env_remove("HOME")
        .env_remove("XDG_DATA_HOME"));
    assert!(out.status.success(), "{text}");
    // Without HOME or a flag, the platform's lookup (the password database) decides; either
    // way there is no panic.
    let (out, text) = run(closer(&["doctor"])
        .env_remove("HOME")
        .env_remove("XDG_DATA_HOME"));
    assert!(matches!(out.status.code(), Some(0..=2)), "{text}");
    assert!(!text.contains("panicked"), "{text}");
}

#[test]
fn help_and_version() {
    let (out, text) = run(&mut closer(&["--help"]));
    assert!(out.status.success());
    for words in ["--data-dir", "CLOSER_DATA_DIR", "doctor", "Examples:"] {
        assert!(text.contains(words), "{words}: {text}");
    }
    let (out, text) = run(&mut closer(&["doctor", "--help"]));
    assert!(out.status.success());
    assert!(text.contains("Example"), "{text}");
    let (out, text) = run(&mut closer(&["--version"]));
    assert!(out.status.success());
    assert!(text.contains(env!("CARGO_PKG_VERSION")), "{text}");
}

#[test]
fn the_journal_refuses_to_draw_into_a_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let (out, text) = run(&mut closer(&["--data-dir", dir.path().to_str().unwrap()]));
    assert!(!out.status.success());
    assert!(text.contains("needs a terminal"), "{text}");
    assert!(!text.contains('\u{1b}'), "escape codes leaked: {text:?}");
}

#[test]
fn an_unknown_subcommand_is_an_error_not_a_panic() {
    let (out, text) = run(&mut closer(&["frobnicate"]));
    assert_eq!(out.status.code(), Some(2));
    assert!(text.contains("unrecognized subcommand"), "{text}");
}

#[test]
fn prompt_prints_todays_question_the_same_each_time() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let args = ["prompt", "--data-dir", root.to_str().unwrap()];
    let (out, first) = run(closer(&args).env("XDG_CONFIG_HOME", dir.path()));
    assert!(out.status.success(), "{first}");
    assert_eq!(first.lines().count(), 1, "{first}");
    let (_, second) = run(closer(&args).env("XDG_CONFIG_HOME", dir.path()));
    assert_eq!(first, second);
    assert!(!root.exists(), "prompt created the data folder");
}

#[test]
fn prompt_takes_a_perspective_and_rejects_a_wrong_one() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    for p in ["i-pull-away", "partner-pulls-away", "both"] {
        let (out, text) = run(closer(&["prompt", "--perspective", p, "--data-dir", d])
            .env("XDG_CONFIG_HOME", dir.path()));
        assert!(out.status.success(), "{text}");
    }
    let (out, text) = run(&mut closer(&[
        "prompt",
        "--perspective",
        "both-ways",
        "--data-dir",
        d,
    ]));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text.contains("i-pull-away")
            && text.contains("partner-pulls-away")
            && text.contains("both"),
        "{text}"
    );
}

#[test]
fn prompt_warns_about_a_broken_user_file_and_still_answers() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("closer");
    fs::create_dir_all(&config).unwrap();
    fs::write(
        config.join("prompts.toml"),
        "[[prompt]]\nid = \"x\"\ntext = 5\n",
    )
    .unwrap();
    let out = closer(&[
        "prompt",
        "--data-dir",
        dir.path().join("j").to_str().unwrap(),
    ])
    .env("XDG_CONFIG_HOME", dir.path())
    .output()
    .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stderr.contains("prompts.toml, line 3"), "{stderr}");
}

#[test]
fn prompt_uses_the_persons_own_prompts() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("closer");
    fs::create_dir_all(&config).unwrap();
    // Replace every general bundled prompt (same ids) with one of the person's own: whichever
    // is today's, its text is theirs.
    let catalog = closer::content::Catalog::bundled().unwrap();
    let mut text = String::new();
    for p in catalog.prompts.iter().filter(|p| p.triggers.is_empty()) {
        text.push_str(&format!(
            "[[prompt]]\nid = \"{}\"\ntext = \"My own question?\"\nidea = \"Mine.\"\nkind = \"plan\"\n\
             perspectives = [\"i-pull-away\", \"partner-pulls-away\"]\n\
             sources = [\"Breaking the Walls: Overcoming Relationship Distancing\"]\n\n",
            p.id
        ));
    }
    fs::write(config.join("prompts.toml"), text).unwrap();
    let (out, stdout) = run(closer(&[
        "prompt",
        "--data-dir",
        dir.path().join("j").to_str().unwrap(),
    ])
    .env("XDG_CONFIG_HOME", dir.path()));
    assert!(out.status.success(), "{stdout}");
    assert_eq!(stdout.trim(), "My own question?");
}

#[test]
fn prompt_follows_config_toml_over_the_stored_perspective_and_the_flag_over_both() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("closer");
    fs::create_dir_all(&config).unwrap();
    // Every general prompt made one perspective's own, with text that names the perspective:
    // whichever is today's, the answer says whose question it asked.
    let catalog = closer::content::Catalog::bundled().unwrap();
    let mut text = String::new();
    for (n, p) in catalog
        .prompts
        .iter()
        .filter(|p| p.triggers.is_empty())
        .enumerate()
    {
        let whose = ["i-pull-away", "partner-pulls-away"][n % 2];
        text.push_str(&format!(
            "[[prompt]]\nid = \"{}\"\ntext = \"Asked of {whose}?\"\nidea = \"Mine.\"\nkind = \"plan\"\n\
             perspectives = [\"{whose}\"]\n\
             sources = [\"Breaking the Walls: Overcoming Relationship Distancing\"]\n\n",
            p.id
        ));
    }
    fs::write(config.join("prompts.toml"), text).unwrap();
    let journal = dir.path().join("j");
    fs::create_dir_all(&journal).unwrap();
    fs::write(
        journal.join("state.json"),
        r#"{"schema": 1, "perspective": "i-pull-away"}"#,
    )
    .unwrap();
    let settings = dir.path().join("settings.toml");
    fs::write(&settings, "perspective = \"partner-pulls-away\"\n").unwrap();
    let ask = |extra: &[&str]| {
        let mut args = vec!["prompt", "--data-dir", journal.to_str().unwrap()];
        args.extend_from_slice(extra);
        let (out, stdout) = run(closer(&args).env("XDG_CONFIG_HOME", dir.path()));
        assert!(out.status.success(), "{stdout}");
        stdout.trim().to_owned()
    };
    assert_eq!(ask(&[]), "Asked of i-pull-away?", "the stored perspective");
    assert_eq!(
        ask(&["--config", settings.to_str().unwrap()]),
        "Asked of partner-pulls-away?",
        "config.toml wins over what is stored"
    );
    assert_eq!(
        ask(&[
            "--config",
            settings.to_str().unwrap(),
            "--perspective",
            "i-pull-away"
        ]),
        "Asked of i-pull-away?",
        "the flag wins over both"
    );
}

/// A small journal whose figures are worked out by hand: five days with anxiety (mood 1,
/// closeness 2), five days without (mood 4, closeness 4), one planned strategy, one tried.
fn stats_fixture(root: &Path) {
    use closer::journal::{Closeness, Intensity, Mood, Name, StrategyUse, TriggerLog, TriggerRef};
    let store = Store::open(root).unwrap();
    for day in 1..=10u32 {
        let mut e = entry(&format!("2026-11-{day:02}T20:00:00+01:00"), day);
        e.triggers.clear();
        e.emotions = thin_vec!["tired".into()];
        if day <= 5 {
            e.mood = Some(Mood::try_from(1u8).unwrap());
            e.closeness = Some(Closeness::try_from(2u8).unwrap());
            e.triggers.push(TriggerLog {
                trigger: TriggerRef::Id(Name::try_from("anxiety").unwrap()),
                intensity: Some(Intensity::try_from(3u8).unwrap()),
                note: String::new(),
                extra: Default::default(),
            });
        } else {
            e.mood = Some(Mood::try_from(4u8).unwrap());
            e.closeness = Some(Closeness::try_from(4u8).unwrap());
        }
        if day == 2 {
            e.strategies.push(StrategyUse {
                id: Name::try_from("active-listening").unwrap(),
                planned: true,
                tried: None,
                helpfulness: None,
                extra: Default::default(),
            });
        }
        if day == 4 {
            e.strategies.push(StrategyUse {
                id: Name::try_from("active-listening").unwrap(),
                planned: false,
                tried: Some(true),
                helpfulness: Some(closer::journal::Helpfulness::try_from(5u8).unwrap()),
                extra: Default::default(),
            });
        }
        store.save_entry(&e).unwrap();
    }
}

#[test]
fn stats_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    stats_fixture(&root);
    let (out, text) = run(&mut closer(&[
        "stats",
        "--data-dir",
        root.to_str().unwrap(),
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-10",
    ]));
    assert!(out.status.success(), "{text}");
    let expected = "\
closer stats · 1 Nov 2026 – 10 Nov 2026 (10 days)

Check-ins    10 entries on 10 days
Streak       0 days now · longest 10 days (over the whole journal, not only these dates)
Mood         2.5 on average (1–5)
Closeness    3.0 on average (1–5)

Triggers (times logged · average intensity)
  Anxiety                                 5 · 3.0
    mood 1.0 on 5 days with it, 4.0 on 5 days without
    closeness 2.0 on 5 days with it, 4.0 on 5 days without

By weekday
  Weekday    Mood  Closeness  Days
  Monday        –          –     2
  Tuesday       –          –     2
  Wednesday     –          –     1
  Thursday      –          –     1
  Friday        –          –     1
  Saturday      –          –     1
  Sunday        –          –     2
  Not enough data yet for any weekday: an average is given from 5 days on (– in the table).

By time of day (the local time a check-in was written)
  Time of day        Mood  Closeness  Days
  morning (5–12)        –          –     0
  afternoon (12–17)     –          –     0
  evening (17–22)     2.5        3.0    10
  night (22–5)          –          –     0

Tags against mood and closeness
  #test: mood and closeness: not enough data yet (10 days with it, 0 without; 5 of each are needed)

Strategies (planned · tried · helpfulness when tried)
  Listen to understand, not to reply             1 ·   1 · 5.0

Noticed most often
  nothing noted

Feelings named most often
    10  tired

Predictions (fears written down to look back on)
  none made

Moments traced
  none traced

Debriefs after a hard moment
  none in these days (d on Home, or Ctrl-D in a moment, starts one)

Thoughts checked
  none in these days (t on Home, or Ctrl-T in a moment, starts one)
";
    assert_eq!(text, expected);
}

#[test]
fn stats_under_five_days_is_not_a_finding() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    stats_fixture(&root);
    let (_, text) = run(&mut closer(&[
        "stats",
        "--data-dir",
        root.to_str().unwrap(),
        "--from",
        "2026-11-02",
        "--to",
        "2026-11-10",
    ]));
    assert!(
        text.contains(
            "mood and closeness: not enough data yet (4 days with it, 5 without; 5 of each are \
             needed)"
        ),
        "{text}"
    );
}

#[test]
fn stats_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    stats_fixture(&root);
    let (out, text) = run(&mut closer(&[
        "stats",
        "--data-dir",
        root.to_str().unwrap(),
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-10",
        "--json",
    ]));
    assert!(out.status.success(), "{text}");
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["entries"], 10);
    assert_eq!(v["mood"], 2.5);
    assert_eq!(v["longest_streak"], 10);
    assert_eq!(v["triggers"][0]["trigger"]["id"], "anxiety");
    assert_eq!(v["triggers"][0]["mood"]["with"], 1.0);
    assert_eq!(v["triggers"][0]["mood"]["days_without"], 5);
    assert_eq!(v["strategies"][0]["helpfulness"], 5.0);
    assert_eq!(v["days"].as_array().unwrap().len(), 10);
    // Issue 35: by weekday, by time of day, and tags, with the days behind each figure.
    let when = &v["when"];
    assert_eq!(when["weekdays"].as_array().unwrap().len(), 7);
    assert_eq!(when["weekdays"][0]["of"], "Mon");
    assert_eq!(when["weekdays"][0]["mood"]["days"], 2);
    assert_eq!(when["dayparts"][2]["of"], "evening");
    assert_eq!(when["dayparts"][2]["mood"]["average"], 2.5);
    assert_eq!(when["dayparts"][2]["days"], 10);
    assert_eq!(when["tags"][0]["tag"], "test");
    assert_eq!(when["tags"][0]["mood"]["days_without"], 0);
}

#[test]
fn stats_refuses_a_backwards_window_and_a_bad_date() {
    let (out, text) = run(&mut closer(&[
        "stats",
        "--from",
        "2026-12-01",
        "--to",
        "2026-01-01",
        "--data-dir",
        "/nonexistent",
    ]));
    assert_eq!(out.status.code(), Some(1));
    assert!(text.contains("give the earlier date first"), "{text}");
    let (out, text) = run(&mut closer(&[
        "stats",
        "--from",
        "lst monday",
        "--data-dir",
        "/nonexistent",
    ]));
    assert_eq!(out.status.code(), Some(2));
    assert!(text.contains("--from"), "{text}");
}

/// Case r05: folders are 0700 and files 0600 whatever the umask. Under `umask 0277` folders
/// used to come out 0500 (the mode given to mkdir is masked), so a new journal, or the first
/// entry of a new year, could not be written.
#[test]
fn folders_and_files_are_private_and_writable_under_a_strict_umask() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let seed = dir.path().join("seed.json");
    let new_year = dir.path().join("ny.json");
    fs::write(
        &seed,
        r#"[{"id":1,"date":"2026-11-01T09:00:00Z","title":"old","content":"x","tags":[]}]"#,
    )
    .unwrap();
    fs::write(
        &new_year,
        r#"[{"id":2,"date":"2027-01-01T09:00:00Z","title":"new year","content":"y","tags":[]}]"#,
    )
    .unwrap();
    for file in [&seed, &new_year] {
        let script = format!(
            "umask 0277 && exec \"$0\" --data-dir '{}' import '{}'",
            root.display(),
            file.display()
        );
        let (out, text) = run(Command::new("sh")
            .arg("-c")
            .arg(script)
            .arg(env!("CARGO_BIN_EXE_closer"))
            .env_remove("CLOSER_DATA_DIR"));
        assert!(out.status.success(), "{text}");
    }
    let mut folders = vec![root.clone()];
    folders.extend(
        files_under(&root)
            .into_iter()
            .filter(|p| p.is_dir())
            .collect::<Vec<_>>(),
    );
    assert!(folders.iter().any(|p| p.ends_with("2027")), "{folders:?}");
    for folder in &folders {
        assert_eq!(mode(folder) & 0o777, 0o700, "{}", folder.display());
    }
    for file in files_under(&root).into_iter().filter(|p| p.is_file()) {
        assert_eq!(mode(&file) & 0o777, 0o600, "{}", file.display());
    }
}

/// Case r09: many rejected items in the person's own prompts are reported as the first few and
/// a count (and the check is linear: see `benches/budgets.rs`, "own prompts file").
#[test]
fn many_rejected_prompts_are_counted_not_listed_and_lines_are_right() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    fs::create_dir_all(config.join("closer")).unwrap();
    let mut text = String::new();
    for i in 0..40 {
        text.push_str(&format!(
            "[[prompt]]\nid = \"mine-{i}\"\ntext = \"What did you notice, {i}?\"\nidea = \"Noticing.\"\nkind = \"check-in\"\ntriggers = []\nperspectives = [\"i-pull-away\"]\nsources = []\n\n"
        ));
    }
    fs::write(config.join("closer/prompts.toml"), text).unwrap();
    let root = dir.path().join("journal");
    let (out, text) = run(closer(&["--data-dir", root.to_str().unwrap(), "prompt"])
        .env("XDG_CONFIG_HOME", &config)
        .env("HOME", dir.path()));
    assert!(out.status.success(), "{text}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let warnings: Vec<&str> = stderr.lines().collect();
    assert_eq!(warnings.len(), 7, "{stderr}");
    assert!(warnings[5].contains("35 more"), "{stderr}");
    assert!(
        warnings[6].contains("`closer doctor` lists every mistake"),
        "{stderr}"
    );
    // Each problem names the line of its item: item i starts on line 9·i + 1, its id on the next.
    assert!(warnings[0].contains("line 2:"), "{stderr}");
    assert!(warnings[4].contains("line 38:"), "{stderr}");
}

/// Case b02: terminal control sequences in entries (pasted, or imported as here) are shown,
/// not obeyed, in every output meant for people; JSON escapes them as JSON does.
#[test]
fn control_sequences_in_entries_never_reach_a_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/escapes-jrnl.json");
    let d = root.to_str().unwrap();
    let (out, text) = run(&mut closer(&[
        "--data-dir",
        d,
        "import",
        data.to_str().unwrap(),
    ]));
    assert!(out.status.success(), "{text}");
    let raw = |bytes: &[u8]| bytes.iter().any(|&b| b == 0x1b || b == 0x07);
    for format in ["markdown", "csv"] {
        let (out, text) = run(&mut closer(&[
            "--data-dir",
            d,
            "export",
            "--format",
            format,
        ]));
        assert!(out.status.success(), "{text}");
        assert!(!raw(&out.stdout), "{format}: {text}");
        if format == "markdown" {
            assert!(
                text.contains("␛]0;Title changed by closer export␇"),
                "{text}"
            );
        }
        let file = dir.path().join(format!("out.{format}"));
        let (out, text) = run(&mut closer(&[
            "--data-dir",
            d,
            "export",
            "--format",
            format,
            "-o",
            file.to_str().unwrap(),
        ]));
        assert!(out.status.success(), "{text}");
        assert!(!raw(&fs::read(&file).unwrap()), "{format} file");
    }
    let (out, _) = run(&mut closer(&[
        "--data-dir",
        d,
        "export",
        "--format",
        "json",
    ]));
    assert!(!raw(&out.stdout));
    assert!(String::from_utf8_lossy(&out.stdout).contains("\\u001b]0;Title"));
    for args in [&["stats"][..], &["doctor"], &["status"]] {
        let mut all = vec!["--data-dir", d];
        all.extend_from_slice(args);
        let out = closer(&all).output().unwrap();
        assert!(!raw(&out.stdout) && !raw(&out.stderr), "{args:?}");
    }
}

/// Case b03: two jrnl entries with the same minute and text are two entries; the summary counts
/// only what really is in the journal, and importing again adds nothing.
#[test]
fn jrnl_twins_both_arrive_and_the_counts_are_true() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let d = root.to_str().unwrap();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/twins-jrnl.json");
    let f = data.to_str().unwrap();
    let (out, text) = run(&mut closer(&["--data-dir", d, "import", f]));
    assert!(out.status.success(), "{text}");
    assert!(text.contains("2 entries to add"), "{text}");
    assert!(text.contains("0 already in the journal"), "{text}");
    let day = only_day(&root);
    let entries = day["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 2, "{day}");
    assert!(
        entries
            .iter()
            .any(|e| e["tags"] == serde_json::json!(["starred-in-jrnl"]))
    );
    let (out, text) = run(&mut closer(&["--data-dir", d, "import", f]));
    assert!(out.status.success(), "{text}");
    assert!(text.contains("2 already in the journal"), "{text}");
    assert_eq!(only_day(&root)["entries"].as_array().unwrap().len(), 2);
}

fn only_day(root: &Path) -> serde_json::Value {
    let files: Vec<_> = files_under(&root.join("entries"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    serde_json::from_slice(&fs::read(&files[0]).unwrap()).unwrap()
}

/// Case r04: entries dated after 9999 or before year 0 are refused at the door (they used to be
/// written where closer never reads, and the import said "Added 1 entry"); doctor names
/// folders it does not know instead of saying all is well.
#[test]
fn dates_the_journal_cannot_hold_are_refused_and_strays_need_a_look() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let d = root.to_str().unwrap();
    let far = dir.path().join("far.json");
    fs::write(
        &far,
        r#"[{"id":1,"date":"+10000-01-01T00:00:00Z","title":"far","content":"FARTEXT","tags":[]}]"#,
    )
    .unwrap();
    let neg = dir.path().join("neg.json");
    fs::write(
        &neg,
        r#"{"format":"closer-export","version":1,"exported_at":"2026-11-30T00:00:00Z","entries":[{"id":"e-neg","created_at":"2026-01-01T09:00:00Z","updated_at":"2026-01-01T09:00:00Z","date":"-0001-01-01","notes":"NEGTEXT","tags":[]}]}"#,
    )
    .unwrap();
    for file in [&far, &neg] {
        let (out, text) = run(&mut closer(&[
            "--data-dir",
            d,
            "import",
            file.to_str().unwrap(),
        ]));
        assert!(!out.status.success(), "{text}");
        assert!(text.contains("cannot keep"), "{text}");
        assert!(text.contains("Nothing was imported"), "{text}");
    }
    assert!(!root.join("entries").exists() || files_under(&root.join("entries")).is_empty());
    // A folder closer does not know under entries/ is worth a look.
    fs::create_dir_all(root.join("entries/10000")).unwrap();
    fs::write(root.join("entries/10000/10000-01-01.json"), "{}").unwrap();
    let (out, text) = run(&mut closer(&["--data-dir", d, "doctor"]));
    assert!(!out.status.success(), "{text}");
    assert!(!text.contains("All is well"), "{text}");
    assert!(text.contains("10000"), "{text}");
}

/// Cases r11 and b08: an import that fills the disk part way says how many entries and days
/// went in, that running it again adds the rest, and the cause once. Needs root for the tmpfs.
#[test]
fn an_import_stopped_by_a_full_disk_says_how_far_it_got() {
    let dir = tempfile::tempdir().unwrap();
    let Some(disk) = common::needs::tmpfs(
        &dir.path().join("disk"),
        "200k",
        "for an import stopped by a full disk",
    ) else {
        return;
    };
    let mount_point = disk.path.clone();
    let file = dir.path().join("days.json");
    common::jrnl_days_file(
        &file,
        chrono::NaiveDate::from_ymd_opt(2030, 1, 1).unwrap(),
        2000,
    );
    let root = mount_point.join("journal");
    let (out, text) = run(&mut closer(&[
        "--data-dir",
        root.to_str().unwrap(),
        "import",
        file.to_str().unwrap(),
    ]));
    assert!(!out.status.success(), "{text}");
    let written = files_under(&root.join("entries"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .count();
    assert!(written > 0 && written < 2000, "{written}");
    assert!(
        text.contains(&format!("{written} entries on {written} days were added")),
        "{text}"
    );
    assert!(text.contains("Run the same import again"), "{text}");
    assert_eq!(text.matches("full").count(), 1, "the cause once: {text}");
    assert!(!text.contains("os error"), "{text}");
}

/// Runs `cmd`, giving up (and failing) after a few seconds: a command that hangs on a FIFO
/// must not hang the test suite.
fn run_within(cmd: &mut Command, what: &str) -> (Output, String) {
    use std::process::Stdio;
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > std::time::Duration::from_secs(20) {
            let _ = child.kill();
            panic!("{what} hung");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out, text)
}

fn mkfifo(path: &Path) {
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
}

/// Case r15: a FIFO (or a link to a device) where closer keeps files is reported, never read:
/// doctor, export, stats and the person's own prompts used to hang on it, and a link to
/// /dev/zero ate memory.
#[test]
fn fifos_and_devices_where_files_belong_are_reported_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    healthy_journal(&root);
    let d = root.to_str().unwrap();
    fs::create_dir_all(root.join("entries/2026")).unwrap();
    mkfifo(&root.join("entries/2026/2026-11-01.json"));
    std::os::unix::fs::symlink("/dev/zero", root.join("entries/2026/2026-11-02.json")).unwrap();
    fs::create_dir_all(root.join("drafts")).unwrap();
    mkfifo(&root.join("drafts/current.json"));
    let (out, text) = run_within(&mut closer(&["--data-dir", d, "doctor"]), "doctor");
    assert!(!out.status.success(), "{text}");
    assert!(text.contains("named pipe"), "{text}");
    assert!(text.contains("a device"), "{text}");
    for args in [&["export", "--format", "json"][..], &["stats"], &["status"]] {
        let mut all = vec!["--data-dir", d];
        all.extend_from_slice(args);
        let (out, text) = run_within(&mut closer(&all), args[0]);
        assert!(out.status.code().is_some(), "{args:?}: {text}");
    }
    // The config folder: a FIFO for the person's prompts or settings.
    let config = dir.path().join("config");
    fs::create_dir_all(config.join("closer")).unwrap();
    mkfifo(&config.join("closer/prompts.toml"));
    mkfifo(&config.join("closer/config.toml"));
    let (out, text) = run_within(
        closer(&["--data-dir", d, "prompt"]).env("XDG_CONFIG_HOME", &config),
        "prompt",
    );
    assert!(out.status.success(), "{text}");
    assert!(text.contains("named pipe"), "{text}");
}

/// Case r07: export -o refuses any name that is taken, a link that points to nothing included;
/// with --force it replaces only a regular file (or writes through a link to one), never a
/// FIFO, a device, or a dangling link.
#[test]
fn export_never_replaces_special_files_or_dangling_links() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    healthy_journal(&root);
    let d = root.to_str().unwrap();
    let dangling = dir.path().join("dangling.csv");
    std::os::unix::fs::symlink(dir.path().join("missing.csv"), &dangling).unwrap();
    let fifo = dir.path().join("fifo.csv");
    mkfifo(&fifo);
    let export = |to: &Path, force: bool| {
        let mut args = vec!["--data-dir", d, "export", "--format", "csv", "-o"];
        let to = to.to_str().unwrap().to_owned();
        args.push(&to);
        if force {
            args.push("--force");
        }
        run_within(&mut closer(&args), "export")
    };
    let (out, text) = export(&dangling, false);
    assert!(!out.status.success(), "{text}");
    assert!(
        fs::symlink_metadata(&dangling)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let (out, text) = export(&dangling, true);
    assert!(!out.status.success(), "{text}");
    assert!(text.contains("points to nothing"), "{text}");
    assert!(
        fs::symlink_metadata(&dangling)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let (out, text) = export(&fifo, true);
    assert!(!out.status.success(), "{text}");
    assert!(text.contains("named pipe"), "{text}");
    use std::os::unix::fs::FileTypeExt;
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    // A link to a regular file is written through; the link stays.
    let target = dir.path().join("real.csv");
    fs::write(&target, "old").unwrap();
    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let (out, text) = export(&link, true);
    assert!(out.status.success(), "{text}");
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(fs::read_to_string(&target).unwrap().starts_with("date"));
}

/// Issue 20, item 15: a reader that closes the pipe early (`| head -1`) ends a command quietly;
/// `completions` used to panic.
#[test]
fn a_closed_pipe_ends_every_printing_command_quietly() {
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    healthy_journal(&root);
    let d = root.to_str().unwrap();
    for args in [
        &["completions", "bash"][..],
        &["man"],
        &["--data-dir", d, "export", "--format", "markdown"],
        &["--data-dir", d, "export", "--format", "json", "-o", "-"],
        &["--data-dir", d, "report", "--format", "markdown", "-o", "-"],
        &["--data-dir", d, "stats"],
    ] {
        let mut child = closer(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader is gone before the command writes a byte.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_ne!(out.status.code(), Some(101), "{args:?}: {err}");
    }
}

/// Runs `args` with `input` on standard input: its output, standard output, standard error.
fn run_with_input(args: &[&str], input: &[u8], dir: &Path) -> (Output, String, String) {
    use std::io::Write as _;
    use std::process::Stdio;
    let mut child = closer(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // A command that refuses before reading closes its end: the rest is not an error here.
    let _ = stdin.write_all(input);
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    let (o, e) = (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    );
    (out, o, e)
}

/// Issue 36: `-` is standard output for `export -o` and `report -o` (no file called `-` is
/// made), and standard input for `import`: an export piped into an import gives back the
/// same entries, the one written later for an earlier day with its mark.
#[test]
fn dash_is_standard_output_and_input_and_an_export_piped_into_an_import_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let (from, to) = (dir.path().join("from"), dir.path().join("to"));
    healthy_journal(&from);
    let mut later = entry("2026-11-23T08:00:00+01:00", 7);
    later.date = "2026-11-22".parse().unwrap();
    later.written_on = Some("2026-11-23".parse().unwrap());
    Store::open(&from).unwrap().save_entry(&later).unwrap();
    let (f, t) = (from.to_str().unwrap(), to.to_str().unwrap());
    for (args, starts) in [
        (
            &["--data-dir", f, "export", "--format", "csv", "-o", "-"][..],
            "date,time,written_on",
        ),
        (
            &["--data-dir", f, "export", "--format", "markdown", "-o", "-"],
            "# closer journal",
        ),
        (
            &["--data-dir", f, "report", "--format", "markdown", "-o", "-"],
            "# ",
        ),
    ] {
        let out = closer(args).current_dir(dir.path()).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(text.starts_with(starts), "{args:?}: {text}");
    }
    let exported = closer(&["--data-dir", f, "export", "--format", "json", "-o", "-"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(exported.status.success());
    assert!(!dir.path().join("-").exists(), "no file called -");
    let (out, text, err) = run_with_input(
        &["--data-dir", t, "import", "-"],
        &exported.stdout,
        dir.path(),
    );
    assert!(out.status.success(), "{err}");
    assert!(text.contains("Added 3 entries."), "{text}");
    let original = Store::open(&from).unwrap().load().entries;
    let imported = Store::open(&to).unwrap().load().entries;
    assert_eq!(imported, original);
    assert!(imported.iter().any(|e| e.written_on.is_some()));
    // Twice: nothing more, as with a file.
    let (_, text, _) = run_with_input(
        &["--data-dir", t, "import", "-"],
        &exported.stdout,
        dir.path(),
    );
    assert!(text.contains("Nothing to add."), "{text}");
}

/// Issue 36: `import -` keeps a file's guarantees: what is not valid is named as standard
/// input and nothing is written; the passphrase cannot come from standard input too; and
/// `backup --to -` (a folder) is refused, no folder called `-` made.
#[test]
fn dash_keeps_the_guarantees_of_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    healthy_journal(&root);
    let d = root.to_str().unwrap();
    let before = files_under(&root);
    let (out, _, err) = run_with_input(
        &["--data-dir", d, "import", "-"],
        br#"{"format": "closer", "version": 1, "entries": [{"id": "x"#,
        dir.path(),
    );
    assert!(!out.status.success());
    assert!(err.contains("standard input is not valid"), "{err}");
    assert!(err.contains("Nothing was imported."), "{err}");
    assert_eq!(files_under(&root), before, "nothing written");
    let (out, _, err) = run_with_input(
        &["--data-dir", d, "--passphrase-fd", "0", "import", "-"],
        b"[]",
        dir.path(),
    );
    assert!(!out.status.success());
    assert!(err.contains("cannot come from it too"), "{err}");
    let (out, _, err) = run_with_input(&["--data-dir", d, "backup", "--to", "-"], b"", dir.path());
    assert!(!out.status.success());
    assert!(err.contains("--to takes a folder"), "{err}");
    assert!(!dir.path().join("-").exists());
}

/// Issue 36: --from and --to take dates as people say them; what is not understood is named
/// with what works; a check-in cannot be for a day to come, nor for a month.
#[test]
fn dates_as_people_say_them_and_what_is_not_understood() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    healthy_journal(&root);
    let d = root.to_str().unwrap();
    // The journal's days are 20 and 21 November 2026: a month reads as all of it.
    let rows = |from: &str, to: &str| {
        let out = closer(&[
            "--data-dir",
            d,
            "export",
            "--format",
            "csv",
            "--from",
            from,
            "--to",
            to,
        ])
        .output()
        .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        csv::Reader::from_reader(&out.stdout[..]).records().count()
    };
    assert_eq!(rows("2026-11", "2026-11"), 2);
    assert_eq!(rows("2026-11-21", "2026"), 1);
    assert_eq!(rows("2026-10", "October 2026"), 0);
    let (out, text) = run(&mut closer(&[
        "--data-dir",
        d,
        "stats",
        "--from",
        "last monday",
    ]));
    assert!(out.status.success(), "{text}");
    for (args, says) in [
        (
            &["--data-dir", d, "stats", "--from", "lst monday"][..],
            "could not read 'lst monday' as a date ('lst' was not understood): try ",
        ),
        (
            &["--data-dir", d, "report", "--to", "30"],
            "could not read '30' as a date",
        ),
        (
            &[
                "--data-dir",
                d,
                "export",
                "--format",
                "json",
                "--from",
                "tomorrow",
            ],
            "after today",
        ),
        (
            &["--data-dir", d, "checkin", "--date", "tomorrow"],
            "that day has not come yet",
        ),
        (
            &["--data-dir", d, "checkin", "--date", "2026-11"],
            "is more than one day",
        ),
        (
            &["--data-dir", d, "checkin", "--date", "2026-02-30"],
            "February 2026 has 28 days",
        ),
        (
            &["--data-dir", d, "stats", "--to", "03/04/2026"],
            "day/month or month/day",
        ),
    ] {
        let (out, text) = run(&mut closer(args));
        assert_eq!(out.status.code(), Some(2), "{args:?}: {text}");
        assert!(text.contains(says), "{args:?}: {text}");
        assert!(text.contains("--"), "names the option: {text}");
    }
}

/// Issue 20, item 16: a mistyped --data-dir is said, not taken for an empty journal.
#[test]
fn a_data_dir_that_does_not_exist_is_said_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-journal");
    let m = missing.to_str().unwrap();
    let out_file = dir.path().join("backup.json");
    for args in [
        vec!["--data-dir", m, "stats"],
        vec!["--data-dir", m, "status"],
        vec![
            "--data-dir",
            m,
            "export",
            "--format",
            "json",
            "-o",
            out_file.to_str().unwrap(),
        ],
    ] {
        let (out, text) = run(&mut closer(&args));
        assert!(!out.status.success(), "{args:?}: {text}");
        assert!(text.contains("there is no journal in"), "{args:?}: {text}");
    }
    assert!(!out_file.exists());
    assert!(!missing.exists(), "nothing was created");
}

/// Issue 20, item 20: the streaks in `stats --from --to` say they are the whole journal's.
#[test]
fn stats_for_a_window_says_the_streak_is_all_time() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    healthy_journal(&root);
    let (out, text) = run(&mut closer(&[
        "--data-dir",
        root.to_str().unwrap(),
        "stats",
        "--from",
        "2026-11-21",
        "--to",
        "2026-11-21",
    ]));
    assert!(out.status.success(), "{text}");
    assert!(text.contains("over the whole journal"), "{text}");
}

/// `closer report` in `cwd` on the stats fixture, with `args` after the dates.
fn report(root: &Path, cwd: &Path, args: &[&str]) -> (Output, String) {
    let mut all = vec![
        "report",
        "--data-dir",
        root.to_str().unwrap(),
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-10",
    ];
    all.extend_from_slice(args);
    run(closer(&all).current_dir(cwd))
}

#[test]
fn report_writes_a_private_page_here_says_what_it_holds_and_never_replaces_one() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    stats_fixture(&root);
    let cwd = dir.path().join("here");
    fs::create_dir(&cwd).unwrap();
    let (out, text) = report(&root, &cwd, &[]);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("none of your own words"), "{text}");
    assert!(text.contains("from 10 check-ins"), "{text}");
    let today = chrono::Local::now().date_naive();
    let first = cwd.join(format!("closer-report-{today}.html"));
    assert_eq!(mode(&first) & 0o777, 0o600, "only the person can read it");
    let page = fs::read_to_string(&first).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(!page.contains("Answer number"), "no free text by default");
    // Again: a new name, the first one untouched.
    let (out, text) = report(&root, &cwd, &[]);
    assert!(out.status.success(), "{text}");
    assert!(cwd.join(format!("closer-report-{today}-2.html")).is_file());
    assert_eq!(fs::read_to_string(&first).unwrap(), page);
    // A named file that exists is refused without --force, replaced with it.
    let named = cwd.join("mine.html");
    fs::write(&named, "keep me").unwrap();
    let (out, text) = report(&root, &cwd, &["-o", named.to_str().unwrap()]);
    assert!(!out.status.success() && text.contains("--force"), "{text}");
    assert_eq!(fs::read_to_string(&named).unwrap(), "keep me");
    let (out, text) = report(&root, &cwd, &["-o", named.to_str().unwrap(), "--force"]);
    assert!(out.status.success(), "{text}");
    assert!(
        fs::read_to_string(&named)
            .unwrap()
            .contains("A closer report")
    );
}

#[test]
fn report_figures_equal_stats_and_filters_and_includes_work() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    stats_fixture(&root);
    let (_, json) = run(&mut closer(&[
        "stats",
        "--data-dir",
        root.to_str().unwrap(),
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-10",
        "--json",
    ]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let out = report(&root, dir.path(), &["--format", "markdown", "-o", "-"]);
    let md = String::from_utf8(out.0.stdout).unwrap();
    assert!(out.0.status.success(), "{}", out.1);
    assert!(
        md.contains(&format!("| Check-ins | {} |", v["entries"])),
        "{md}"
    );
    assert!(md.contains(&format!(
        "| Average mood (1–5) | {:.1} |",
        v["mood"].as_f64().unwrap()
    )));
    assert!(
        md.contains(&format!(
            "| Anxiety | {} | {:.1} |",
            v["triggers"][0]["count"],
            v["triggers"][0]["intensity"].as_f64().unwrap()
        )),
        "{md}"
    );
    assert!(
        md.contains("| Listen to understand, not to reply | 1 | 1 | 5.0 |"),
        "{md}"
    );
    assert!(!md.contains("Answer number"));

    // Only the days with a trigger, by its name in any case; the filter is named.
    let (out, text) = report(
        &root,
        dir.path(),
        &["--trigger", "ANXIETY", "--format", "markdown", "-o", "-"],
    );
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("| Check-ins | 5 |") && text.contains("entries with the trigger “Anxiety”"),
        "{text}"
    );
    let (out, text) = report(&root, dir.path(), &["--trigger", "nonsense", "-o", "-"]);
    assert!(!out.status.success());
    assert!(
        text.contains("no trigger called “nonsense”") && text.contains("anxiety"),
        "{text}"
    );

    // Chosen words go in, and the command says so.
    let (out, text) = report(
        &root,
        dir.path(),
        &["--include", "answers", "--format", "markdown", "-o", "-"],
    );
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("Answer number 3") && text.contains("your answers to prompts"),
        "{text}"
    );
    assert!(!text.contains("Notes:"), "notes were not asked for");
}

/// Issue 17: a day holding a prediction is written with schema 2 (others stay 1), status says
/// what is due from the small index, and `closer predictions` lists it, as text and JSON.
#[test]
fn predictions_are_listed_status_counts_the_due_and_only_their_days_carry_schema_2() {
    use closer::journal::{Badness, Likelihood, Prediction};
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let store = Store::open(&root).unwrap();
    let today = chrono::Local::now().date_naive();
    let yesterday = today - chrono::Days::new(1);
    let mut with = entry(&format!("{yesterday}T20:00:00+00:00"), 1);
    with.date = yesterday;
    with.predictions.push(Prediction {
        step: None,
        fear: "They will not answer my message".into(),
        likelihood: Likelihood::try_from(60).ok(),
        badness: Badness::try_from(3u8).ok(),
        look_back: today,
        outcome: None,
        extra: Default::default(),
    });
    let plain_day = today - chrono::Days::new(5);
    let mut plain = entry(&format!("{plain_day}T20:00:00+00:00"), 2);
    plain.date = plain_day;
    store.save_entry(&with).unwrap();
    store.save_entry(&plain).unwrap();
    drop(store);
    let schema_of = |day: chrono::NaiveDate| {
        let path = closer::store::Layout::new(&root).day_file(day);
        let v: serde_json::Value = serde_json::from_slice(&fs::read(path).unwrap()).unwrap();
        v["schema"].as_u64().unwrap()
    };
    assert_eq!(schema_of(yesterday), 2);
    assert_eq!(schema_of(plain_day), 1);

    let (out, text) = run(&mut closer(&[
        "status",
        "--data-dir",
        root.to_str().unwrap(),
    ]));
    assert!(!out.status.success(), "not checked in today");
    assert!(text.contains("1 prediction to look back on"), "{text}");

    let (out, text) = run(&mut closer(&[
        "predictions",
        "--data-dir",
        root.to_str().unwrap(),
    ]));
    assert!(out.status.success(), "{text}");
    assert!(text.contains("To look back on (1 prediction"), "{text}");
    assert!(
        text.contains("They will not answer my message") && text.contains("due today"),
        "{text}"
    );

    let (out, text) = run(&mut closer(&[
        "predictions",
        "--json",
        "--data-dir",
        root.to_str().unwrap(),
    ]));
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v[0]["due"], true);
    assert_eq!(v[0]["likelihood"], 60);
    assert_eq!(v[0]["fear"], "They will not answer my message");
}

/// Issue 21: an import writes its days in batches (temporary files flushed, then renamed, then
/// each folder flushed once). Killed at any moment, every day file is whole (old or new), and
/// the same import run again adds the rest and nothing twice.
#[cfg(unix)]
#[test]
fn an_import_killed_at_any_moment_leaves_whole_days_and_finishes_when_run_again() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("days.json");
    common::jrnl_days_file(
        &file,
        chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(),
        3000,
    );
    let root = dir.path().join("journal");
    let d = root.to_str().unwrap();
    // Listed while the import may be writing: a folder made or a temporary file renamed
    // meanwhile is not an error.
    let day_files = || {
        let mut out = Vec::new();
        for year in fs::read_dir(root.join("entries"))
            .into_iter()
            .flatten()
            .flatten()
        {
            for f in fs::read_dir(year.path()).into_iter().flatten().flatten() {
                if f.path().extension().is_some_and(|e| e == "json") {
                    out.push(f.path());
                }
            }
        }
        out
    };
    let mut seed = 0x9e37_79b9_u64;
    let mut part_way = 0;
    for _ in 0..6 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut child = closer(&["--data-dir", d, "import", file.to_str().unwrap()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Once the first day is in place, a random moment later.
        let started = std::time::Instant::now();
        while day_files().is_empty()
            && child.try_wait().unwrap().is_none()
            && started.elapsed() < std::time::Duration::from_secs(20)
        {
            std::thread::sleep(std::time::Duration::from_micros(500));
        }
        std::thread::sleep(std::time::Duration::from_millis(seed % 80));
        let _ = child.kill();
        let _ = child.wait();
        let days = day_files();
        for p in &days {
            let v: serde_json::Value = serde_json::from_slice(&fs::read(p).unwrap())
                .unwrap_or_else(|e| panic!("{} is torn: {e}", p.display()));
            assert_eq!(v["entries"].as_array().unwrap().len(), 1, "{}", p.display());
        }
        if !days.is_empty() && days.len() < 3000 {
            part_way += 1;
        }
    }
    let (out, text) = run(&mut closer(&[
        "--data-dir",
        d,
        "import",
        file.to_str().unwrap(),
    ]));
    assert!(out.status.success(), "{text}");
    assert_eq!(day_files().len(), 3000);
    let scan = closer::store::scan(&closer::store::Layout::new(&root));
    assert_eq!(scan.entries.len(), 3000, "every entry once");
    assert!(part_way >= 1, "no kill landed part way ({part_way})");
}

/// A prompt of the person's own, right or with a trigger that does not exist.
fn own_prompt(id: &str, trigger: &str) -> String {
    format!(
        "[[prompt]]\nid = \"{id}\"\ntext = \"What felt close today?\"\nidea = \"Closeness \
         noticed is closeness kept.\"\nkind = \"check-in\"\ntriggers = [\"{trigger}\"]\n\
         perspectives = [\"i-pull-away\"]\nsources = [\"Breaking the Walls: \
         Overcoming Relationship Distancing\"]\n\n"
    )
}

/// Issue "Private means private", item 5: `closer doctor` reports every mistake in
/// config.toml, prompts.toml and strategies.toml, each with its file and line and what to do,
/// and counts them as problems (exit 1). It used to look at the journal only.
#[test]
fn doctor_reports_every_settings_mistake_with_file_and_line_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    healthy_journal(&root);
    let config_home = dir.path().join("config");
    let own = config_home.join("closer");
    fs::create_dir_all(&own).unwrap();
    let config = dir.path().join("settings.toml");
    fs::write(
        &config,
        "week_start = \"monday\"\ntheme = \"purple\"\n\ncolour = \"red\"\n",
    )
    .unwrap();
    let prompts = own.join("prompts.toml");
    fs::write(
        &prompts,
        own_prompt("fine-one", "fear-of-intimacy") + &own_prompt("wrong-one", "no-such-trigger"),
    )
    .unwrap();
    let strategies = own.join("strategies.toml");
    fs::write(&strategies, "[[strategy]\nid = \"broken\"\n").unwrap();
    let before = common::snapshot(dir.path());

    let (out, text) = run(closer(&[
        "doctor",
        "--data-dir",
        root.to_str().unwrap(),
        "--config",
        config.to_str().unwrap(),
    ])
    .env("XDG_CONFIG_HOME", &config_home));
    assert_eq!(out.status.code(), Some(1), "{text}");
    for (path, said) in [
        (&config, "Line 2: theme = \"purple\" is not a theme"),
        (&config, "Line 4: closer has no setting \"colour\""),
        (&config, "README.md, \"Settings and config.toml\""),
        (&strategies, "Line 1, column 12: unclosed array table"),
        (
            &prompts,
            "Line 11: prompt \"wrong-one\" refers to trigger \"no-such-trigger\"",
        ),
        (&prompts, "content/README.md"),
    ] {
        let at = text
            .find(&format!("✗ {}", path.display()))
            .unwrap_or_else(|| panic!("{} not named:\n{text}", path.display()));
        let section = text[at..].split("\n\n").next().unwrap();
        assert!(
            section.contains(said),
            "{said:?} under {}:\n{text}",
            path.display()
        );
    }
    assert!(!text.contains("fine-one"), "{text}");
    assert!(text.contains("2 entries read from 2 day files."), "{text}");
    assert!(text.contains("4 problems need a look"), "{text}");
    assert_eq!(
        common::snapshot(dir.path()),
        before,
        "doctor changed something"
    );

    // Put right, all is well again.
    fs::write(
        &config,
        "week_start = \"monday\"\ntheme = \"high-contrast\"\n",
    )
    .unwrap();
    fs::write(&prompts, own_prompt("fine-one", "fear-of-intimacy")).unwrap();
    fs::remove_file(&strategies).unwrap();
    let (out, text) = run(closer(&[
        "doctor",
        "--data-dir",
        root.to_str().unwrap(),
        "--config",
        config.to_str().unwrap(),
    ])
    .env("XDG_CONFIG_HOME", &config_home));
    assert!(out.status.success(), "{text}");
    assert!(text.contains("All is well."), "{text}");
}

/// Settings mistakes are problems even where there is no journal yet, and doctor still
/// creates nothing.
#[test]
fn doctor_reports_settings_mistakes_without_a_journal() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("nothing-here");
    let config = dir.path().join("config.toml");
    fs::write(&config, "auto_lock = \"soon\"\n").unwrap();
    let (out, text) = run(closer(&[
        "doctor",
        "--data-dir",
        root.to_str().unwrap(),
        "--config",
        config.to_str().unwrap(),
    ])
    .env("XDG_CONFIG_HOME", dir.path().join("no-config")));
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("no journal there yet"), "{text}");
    assert!(
        text.contains("Line 1: auto_lock = \"soon\" is not a time"),
        "{text}"
    );
    assert!(text.contains("1 problem needs a look"), "{text}");
    assert!(!root.exists());
}

/// Issue 36: doctor on a journal with the settings files of `files` (name, text) in the
/// platform's config folder (`XDG_CONFIG_HOME/closer`); `env` added. Its exit status, and
/// what it printed.
fn doctor_with_settings(
    dir: &Path,
    files: &[(&str, &str)],
    env: &[(&str, &std::ffi::OsStr)],
) -> (Output, String) {
    let root = dir.join("journal");
    if !root.exists() {
        healthy_journal(&root);
    }
    let own = dir.join("xdg-config/closer");
    fs::create_dir_all(&own).unwrap();
    for (name, text) in files {
        fs::write(own.join(name), text).unwrap();
    }
    let mut cmd = closer(&["doctor", "--data-dir", root.to_str().unwrap()]);
    cmd.env("XDG_CONFIG_HOME", dir.join("xdg-config"));
    for (key, value) in env {
        cmd.env(key, value);
    }
    run(&mut cmd)
}

/// Issue 36: each kind of mistake in config.toml, prompts.toml and strategies.toml is said
/// under its file, with its line (and column, where toml knows it), and needs a look.
#[test]
fn doctor_says_each_kind_of_settings_mistake_where_it_is() {
    for (name, text, said) in [
        (
            "config.toml",
            "theme = \"default\"\nweek_start = sunday\n",
            "Line 2, column 14: string values must be quoted",
        ),
        (
            "config.toml",
            "\ncolour = \"red\"\n",
            "Line 2: closer has no setting \"colour\"",
        ),
        (
            "config.toml",
            "week_start = 1\n",
            "Line 1: week_start must be text in quotes, like week_start = \"…\" (it is an integer)",
        ),
        (
            "config.toml",
            "auto_lock = \"0s\"\n",
            "Line 1: auto_lock = \"0s\" is out of range",
        ),
        (
            "config.toml",
            "backup_keep = \"0 daily, 0 weekly\"\n",
            "Line 1: backup_keep = \"0 daily, 0 weekly\" is out of range",
        ),
        (
            "prompts.toml",
            &own_prompt("mine", "fear-of-intimacy").replace("\"What felt close today?\"", "5"),
            "Line 3, column 8: invalid type: integer `5`, expected a string",
        ),
        (
            "strategies.toml",
            "[[strategy]\nid = \"mine\"\n",
            "Line 1, column 12: unclosed array table",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let (out, text) = doctor_with_settings(dir.path(), &[(name, text)], &[]);
        assert_eq!(out.status.code(), Some(1), "{name}: {text}");
        let file = dir.path().join("xdg-config/closer").join(name);
        let at = text
            .find(&format!("✗ {}", file.display()))
            .unwrap_or_else(|| panic!("{name} not named:\n{text}"));
        let section = text[at..].split("\n\n").next().unwrap();
        assert!(section.contains(said), "{said:?} under {name}:\n{text}");
        assert!(text.contains("1 problem needs a look"), "{text}");
        assert!(!text.contains("All is well"), "{text}");
    }
}

/// Issue 36: several mistakes in each file are all said, not only the first of each file (a
/// syntax mistake hid the rest of config.toml; one bad item, the rest of prompts.toml).
#[test]
fn doctor_says_every_settings_mistake_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let config = "theme = \"purple\"\ncolour = \"red\"\nweek_start = 1\nauto_lock = \"0m\"\n\
                  mood_labels = \"gentle\"\n";
    let prompts = own_prompt("fine-one", "fear-of-intimacy")
        + "[[prompt]]\nid = \"typed-wrong\"\ntext = 5\nshape = \"round\"\n\n"
        + &own_prompt("wrong-trigger", "no-such-trigger")
        + "[[prompt]]\nid = \"bare\"\n";
    let strategies = "[[strategy]]\nid = \"x\"\ntitle = \"A title\"\nname = 1\n";
    let (out, text) = doctor_with_settings(
        dir.path(),
        &[
            ("config.toml", config),
            ("prompts.toml", &prompts),
            ("strategies.toml", strategies),
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(1), "{text}");
    for said in [
        "Line 1: theme = \"purple\" is not a theme",
        "Line 2: closer has no setting \"colour\"",
        "Line 3: week_start must be text in quotes",
        "Line 4: auto_lock = \"0m\" is out of range",
        "Line 10, column 1: missing fields `idea`, `kind`, `perspectives` and `sources`",
        "Line 12, column 8: invalid type: integer `5`, expected a string",
        "Line 13, column 1: unknown field `shape`",
        "prompt \"wrong-trigger\" refers to trigger \"no-such-trigger\"",
        "missing fields `text`, `idea`, `kind`, `perspectives` and `sources`",
        "missing fields `category`, `why`, `steps`, `try_today`, `triggers`, `perspectives` and \
         `sources`",
        "Line 4, column 1: unknown field `name`",
    ] {
        assert!(text.contains(said), "{said:?} not said:\n{text}");
    }
    assert!(!text.contains("fine-one"), "{text}");
    assert!(text.contains("11 problems need a look"), "{text}");
}

/// Issue 36: a settings file given with --config or CLOSER_CONFIG that is not there is an
/// error that names it (it was silently ignored), and nothing is made.
#[test]
fn a_missing_settings_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let missing = dir.path().join("missing.toml");
    for (args, env) in [
        (vec!["--config", missing.to_str().unwrap()], None),
        (vec![], Some(missing.as_os_str())),
    ] {
        let mut cmd = closer(&["status", "--data-dir", root.to_str().unwrap()]);
        cmd.args(&args);
        if let Some(file) = env {
            cmd.env("CLOSER_CONFIG", file);
        }
        let (out, text) = run(&mut cmd);
        assert!(!out.status.success(), "{text}");
        assert!(
            text.contains(&format!(
                "the settings file {} does not exist",
                missing.display()
            )),
            "{text}"
        );
        assert!(text.contains("--config or CLOSER_CONFIG"), "{text}");
        assert!(!root.exists() && !missing.exists());
    }
}

/// Issue 36: CLOSER_CONFIG names the settings file as --config does; --config wins over it.
#[test]
fn closer_config_mirrors_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    fs::write(&bad, "theme = \"purple\"\n").unwrap();
    let good = dir.path().join("good.toml");
    fs::write(&good, "theme = \"high-contrast\"\n").unwrap();
    let (out, text) = doctor_with_settings(dir.path(), &[], &[("CLOSER_CONFIG", bad.as_os_str())]);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains(&format!("✗ {}", bad.display())), "{text}");
    let root = dir.path().join("journal");
    let (out, text) = run(closer(&[
        "doctor",
        "--data-dir",
        root.to_str().unwrap(),
        "--config",
        good.to_str().unwrap(),
    ])
    .env("CLOSER_CONFIG", &bad));
    assert!(out.status.success(), "{text}");
    assert!(text.contains("All is well."), "{text}");
    let (_, text) = run(closer(&["doctor", "--paths", "--json"]).env("CLOSER_CONFIG", &good));
    let paths: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(paths["config_file"]["path"], good.to_str().unwrap());
    assert_eq!(paths["config_file"]["given"], true);
}

/// Issue 36: a command that reads the settings says once on standard error that they have
/// mistakes, and that doctor lists them (it used to leave them out without a word).
#[test]
fn a_command_says_once_that_the_settings_have_mistakes() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    fs::write(&config, "theme = \"purple\"\ncolour = \"red\"\n").unwrap();
    let out = closer(&[
        "prompt",
        "--data-dir",
        dir.path().join("j").to_str().unwrap(),
        "--config",
        config.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(stderr.matches("closer: warning:").count(), 1, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{}, line 1: theme = \"purple\" is not a theme",
            config.display()
        )),
        "{stderr}"
    );
    assert!(stderr.contains("(1 more)"), "{stderr}");
    assert!(
        stderr.contains("`closer doctor` lists every mistake"),
        "{stderr}"
    );
}

/// Issue 36: `closer doctor --paths` names the data, config, backup, state and runtime
/// folders and the settings file, and whether each is there, as text and as JSON; it checks
/// nothing and makes nothing.
#[test]
fn doctor_paths_names_every_folder() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let data = dir.path().join("data-home");
    let config = dir.path().join("config-home");
    fs::create_dir_all(config.join("closer")).unwrap();
    let paths = |extra: &[&str]| {
        let mut args = vec!["doctor", "--paths"];
        args.extend_from_slice(extra);
        let (out, text) = run(closer(&args)
            .env("HOME", &home)
            .env("XDG_DATA_HOME", &data)
            .env("XDG_CONFIG_HOME", &config)
            .env("XDG_STATE_HOME", dir.path().join("state-home"))
            .env("XDG_RUNTIME_DIR", dir.path())
            .env_remove("CLOSER_STATE_DIR"));
        assert!(out.status.success(), "{text}");
        text
    };
    let text = paths(&[]);
    let line = |what: &str| {
        text.lines()
            .find(|l| l.starts_with(what))
            .unwrap_or_else(|| panic!("no {what}:\n{text}"))
            .to_owned()
    };
    assert_eq!(
        line("Data folder"),
        format!(
            "Data folder     {} (not there yet)",
            data.join("closer").display()
        )
    );
    assert_eq!(
        line("Config folder"),
        format!(
            "Config folder   {} (there)",
            config.join("closer").display()
        )
    );
    assert!(
        line("Settings file").contains(&format!(
            "{} (not there: closer uses its defaults)",
            config.join("closer/config.toml").display()
        )),
        "{text}"
    );
    assert!(
        line("Backup folder").contains(&data.join("closer-backups").display().to_string()),
        "{text}"
    );
    assert!(
        line("State folder").contains(&dir.path().join("state-home/closer").display().to_string()),
        "{text}"
    );
    assert!(
        line("Runtime folder").contains(&format!("{}/closer-", dir.path().display())),
        "{text}"
    );
    assert!(!data.exists() && !home.exists(), "made nothing");

    let json: serde_json::Value = serde_json::from_str(&paths(&["--json"])).unwrap();
    assert_eq!(
        json["data_dir"]["path"],
        data.join("closer").to_str().unwrap()
    );
    assert_eq!(json["data_dir"]["exists"], false);
    assert_eq!(json["config_dir"]["exists"], true);
    assert_eq!(json["config_file"]["given"], false);
    for key in ["backup_dir", "state_dir", "runtime_dir"] {
        assert!(json[key]["path"].is_string(), "{key}: {json}");
    }
    // --json is for --paths.
    let (out, _) = run(&mut closer(&["doctor", "--json"]));
    assert!(!out.status.success());
}

/// Issue 36, macOS: `directories` gives config and data one folder there; XDG_CONFIG_HOME set
/// to XDG_DATA_HOME does the same on Linux. The config files then have a `config` folder of
/// their own; the ones an earlier closer kept beside the journal are checked where they are
/// by doctor (which moves nothing), and moved by the next other command, which says so.
#[test]
fn config_files_leave_a_data_folder_they_shared() {
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("Application Support");
    let root = shared.join("closer");
    healthy_journal(&root);
    fs::write(root.join("config.toml"), "theme = \"purple\"\n").unwrap();
    fs::write(
        root.join("prompts.toml"),
        own_prompt("fine-one", "fear-of-intimacy"),
    )
    .unwrap();
    let closer_here = |args: &[&str]| {
        let mut cmd = closer(args);
        cmd.env("XDG_CONFIG_HOME", &shared)
            .env("XDG_DATA_HOME", &shared)
            .env("HOME", dir.path());
        run(&mut cmd)
    };
    let (_, text) = closer_here(&["doctor", "--paths"]);
    assert!(
        text.contains(&format!(
            "Config folder   {}",
            root.join("config").display()
        )),
        "{text}"
    );
    let before = common::snapshot(&shared);
    let (out, text) = closer_here(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains(&format!(
            "· {}\n  Kept here by an earlier closer, beside the journal. closer moves it to {} \
             the next time it runs",
            root.join("config.toml").display(),
            root.join("config/config.toml").display()
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!("✗ {}", root.join("config.toml").display())),
        "checked where it is: {text}"
    );
    assert_eq!(common::snapshot(&shared), before, "doctor moved something");

    let (out, text) = closer_here(&["status"]);
    assert!(out.status.code().is_some(), "{text}");
    for name in ["config.toml", "prompts.toml"] {
        assert!(
            text.contains(&format!(
                "closer: moved {} to {}",
                root.join(name).display(),
                root.join("config").join(name).display()
            )),
            "{text}"
        );
        assert!(!root.join(name).exists() && root.join("config").join(name).is_file());
    }
    let (_, text) = closer_here(&["doctor"]);
    assert!(!text.contains("earlier closer"), "{text}");
    assert!(
        text.contains(&format!("✗ {}", root.join("config/config.toml").display())),
        "{text}"
    );

    // One left behind beside the new one: not read, and doctor says so.
    fs::write(root.join("config.toml"), "theme = \"default\"\n").unwrap();
    let (_, text) = closer_here(&["doctor"]);
    assert!(
        text.contains(&format!(
            "! {}\n  Kept here by an earlier closer, and not read: closer reads {} instead.",
            root.join("config.toml").display(),
            root.join("config/config.toml").display()
        )),
        "{text}"
    );
    assert!(text.contains("2 problems need a look"), "{text}");
}

/// A draft as closer writes it (`drafts/current.json`), begun at `started` (RFC 3339, UTC)
/// and holding `notes`, with its own `id`.
fn draft_json(started: &str, id: &str, notes: &str) -> String {
    serde_json::json!({
        "schema": 1,
        "saved_at": started,
        "draft": {
            "behaviours": [], "date": &started[..10], "emotions": [], "id": id,
            "notes": notes, "perspective": "i-pull-away", "responses": [],
            "started_at": started, "step": "notes", "strategies": [], "tags": [],
            "triggers": []
        }
    })
    .to_string()
}

/// Writes `text` to `path`, private, as a file-sync tool leaves a copy.
fn sync_copy(path: &Path, text: &str) {
    fs::write(path, text).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(0o600)).unwrap();
    }
}

/// Issue 31, item 4 (case bh-49): a file-sync conflict copy of the unfinished check-in is named
/// as one, with its date, never as a stranger to move away; `doctor --merge-conflicts` makes it
/// the check-in in progress when there is none, and otherwise keeps it waiting its turn beside
/// the one in progress, which it never replaces. Nothing is lost.
#[test]
fn a_draft_conflict_copy_is_named_and_merged_into_a_check_in_to_resume() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    healthy_journal(&root);
    let drafts = root.join("drafts");
    closer::store::atomic::create_private_dir(&drafts).unwrap();
    let laptop = draft_json(
        "2026-12-03T10:10:10Z",
        "20261203-100000-bbbb0001",
        "LAPTOP words never saved",
    );
    let copy = drafts.join("current.sync-conflict-20261203-101010-ABCDEF1.json");
    sync_copy(&copy, &laptop);
    let dropbox = drafts.join("current (Sam's conflicted copy 2026-12-04).json");
    sync_copy(
        &dropbox,
        &draft_json(
            "2026-12-04T08:00:00Z",
            "20261204-080000-cccc0001",
            "PHONE words never saved",
        ),
    );
    let d = root.to_str().unwrap();

    let (out, text) = run(&mut closer(&["doctor", "--data-dir", d]));
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(!text.contains("Not a file closer knows"), "{text}");
    assert!(!text.contains("Move it elsewhere"), "{text}");
    for (path, when) in [(&copy, "2026-12-03 10:10"), (&dropbox, "2026-12-04 08:00")] {
        let at = text.find(&path.display().to_string()).unwrap();
        let said = &text[at..];
        assert!(
            said.contains(&format!(
                "A copy of an unfinished check-in that a file-sync tool made when two computers wrote it at once, from {when}"
            )),
            "{text}"
        );
        assert!(said.contains("--merge-conflicts"), "{text}");
    }

    // No check-in in progress: the first copy becomes it; the second waits its turn.
    let (out, text) = run(&mut closer(&[
        "doctor",
        "--merge-conflicts",
        "--data-dir",
        d,
    ]));
    assert!(out.status.success(), "{text}");
    assert!(text.contains("is now the check-in in progress"), "{text}");
    assert!(text.contains("waits as"), "{text}");
    assert!(text.contains("All is well."), "{text}");
    assert!(!copy.exists() && !dropbox.exists());
    let store = Store::open(&root).unwrap();
    let current: serde_json::Value = store.load_draft().unwrap().unwrap();
    let waiting: Vec<_> = fs::read_dir(&drafts)
        .unwrap()
        .flatten()
        .map(|f| f.path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("waiting-")
        })
        .collect();
    assert_eq!(waiting.len(), 1, "{waiting:?}");
    let waiting_text = fs::read_to_string(&waiting[0]).unwrap();
    let words = [
        current["notes"].as_str().unwrap(),
        if waiting_text.contains("LAPTOP") {
            "LAPTOP words never saved"
        } else {
            "PHONE words never saved"
        },
    ];
    assert!(words.contains(&"LAPTOP words never saved"), "{words:?}");
    assert!(
        words.contains(&"PHONE words never saved")
            || waiting_text.contains("PHONE words never saved"),
        "{words:?}"
    );
    assert_eq!(common::file_mode(&waiting[0]) & 0o777, 0o600);
    drop(store);

    // A check-in in progress: a copy holding other words waits beside it, one holding the
    // same check-in goes to the trash; the one in progress is never replaced.
    let before = fs::read(drafts.join("current.json")).unwrap();
    sync_copy(
        &drafts.join("current.sync-conflict-20261205-090000-ABCDEF1.json"),
        &draft_json(
            "2026-12-05T09:00:00Z",
            "20261205-090000-dddd0001",
            "TABLET words",
        ),
    );
    sync_copy(
        &drafts.join("current.sync-conflict-20261205-091500-ABCDEF1.json"),
        &String::from_utf8(before.clone()).unwrap(),
    );
    let (out, text) = run(&mut closer(&[
        "doctor",
        "--merge-conflicts",
        "--data-dir",
        d,
    ]));
    assert!(out.status.success(), "{text}");
    assert_eq!(fs::read(drafts.join("current.json")).unwrap(), before);
    assert!(text.contains("is the same as"), "{text}");
    let all: String = fs::read_dir(&drafts)
        .unwrap()
        .flatten()
        .map(|f| fs::read_to_string(f.path()).unwrap())
        .collect();
    for words in [
        "LAPTOP words never saved",
        "PHONE words never saved",
        "TABLET words",
    ] {
        assert_eq!(all.matches(words).count(), 1, "{words}: {all}");
    }
    assert!(
        root.join("trash/sync-conflicts/current.sync-conflict-20261205-091500-ABCDEF1.json")
            .exists()
    );
    // Each waiting check-in is named as one: a note, nothing to do.
    let (out, text) = run(&mut closer(&["doctor", "--data-dir", d]));
    assert!(out.status.success(), "{text}");
    assert_eq!(
        text.matches("waiting for its turn to be offered").count(),
        2,
        "{text}"
    );
}

/// Issue 31, item 4: after `--merge-conflicts`, the journal offers the check-in in progress,
/// says another is waiting, and once the first is saved offers the other computer's words.
#[cfg(unix)]
#[test]
fn the_journal_offers_a_waiting_check_in_once_the_one_in_progress_is_saved() {
    use common::pty::{Closer, journal_with_perspective};
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    journal_with_perspective(&root);
    let drafts = root.join("drafts");
    closer::store::atomic::create_private_dir(&drafts).unwrap();
    sync_copy(
        &drafts.join("current.json"),
        &draft_json(
            "2026-12-03T09:00:00Z",
            "20261203-090000-aaaa0001",
            "DESK words",
        ),
    );
    sync_copy(
        &drafts.join("current.sync-conflict-20261203-101010-ABCDEF1.json"),
        &draft_json(
            "2026-12-03T10:10:10Z",
            "20261203-100000-bbbb0001",
            "LAPTOP words",
        ),
    );
    let (out, text) = run(&mut closer(&[
        "doctor",
        "--merge-conflicts",
        "--fix-permissions",
        "--data-dir",
        root.to_str().unwrap(),
    ]));
    assert!(out.status.success(), "{text}");

    let mut app = Closer::start(&root, 100, 40);
    app.wait_for("An unfinished check-in");
    app.wait_for("Another unfinished check-in is waiting");
    app.send("r");
    app.wait_for("DESK words");
    app.send("\x13"); // Ctrl-S
    app.wait_for("Your check-in is saved");
    // The status line goes with the next key (here `?`, the keys); then the waiting one is
    // offered.
    app.send("?");
    app.wait_for("Another unfinished check-in is waiting: c on home");
    app.send("?");
    app.send("c");
    app.wait_for("An unfinished check-in");
    app.send("r");
    app.wait_for("LAPTOP words");
    app.send("\x13");
    app.wait_for("Your check-in is saved");
    app.send("q");
    assert!(app.wait_exit().success());
    let notes: Vec<String> = closer::store::scan(&closer::store::Layout::new(&root))
        .entries
        .iter()
        .map(|e| e.notes.clone())
        .collect();
    assert_eq!(notes, ["DESK words", "LAPTOP words"]);
    assert_eq!(fs::read_dir(&drafts).unwrap().count(), 0);
}

/// Issue 31, item 4: a conflict copy of state.json is reported (by doctor and in the
/// journal's problem count), and `--merge-conflicts` adds the person's own triggers and
/// feelings in it to state.json, removing none; the copy is kept in the trash. Copies of other
/// files are named by what they copy, with advice that keeps words.
#[test]
fn a_state_conflict_copy_is_reported_and_its_own_words_merged() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    healthy_journal(&root);
    sync_copy(
        &root.join("state.json"),
        r#"{"schema": 1, "perspective": "i-pull-away", "custom_triggers": ["money talk"], "theme": "high-contrast"}"#,
    );
    let copy = root.join("state.sync-conflict-20261203-101010-ABCDEF1.json");
    sync_copy(
        &copy,
        r#"{"schema": 1, "perspective": "both", "custom_triggers": ["money talk", "his phone"], "custom_feelings": ["wistful"]}"#,
    );
    let predictions = root.join("predictions (conflicted copy 2026-12-03 101010).json");
    sync_copy(&predictions, r#"{"schema": 1, "days": {}}"#);
    let d = root.to_str().unwrap();
    let scan = closer::store::check(&closer::store::Layout::new(&root));
    assert!(
        scan.problems.iter().any(|p| p.path == copy
            && p.kind == closer::store::ProblemKind::StateConflict
            && p.severity() == closer::store::Severity::Warning),
        "{:?}",
        scan.problems
    );

    let (out, text) = run(&mut closer(&["doctor", "--data-dir", d]));
    assert_eq!(out.status.code(), Some(1), "{text}");
    let at = text.find(&copy.display().to_string()).expect("named");
    assert!(
        text[at..].contains("A copy of your settings (state.json)"),
        "{text}"
    );
    let at = text
        .find(&predictions.display().to_string())
        .expect("named");
    assert!(text[at..].contains("A copy of predictions.json"), "{text}");
    assert!(!text.contains("Not a file closer knows"), "{text}");

    let (out, text) = run(&mut closer(&[
        "doctor",
        "--merge-conflicts",
        "--data-dir",
        d,
    ]));
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("added 1 trigger and 1 feeling of your own to state.json"),
        "{text}"
    );
    let prefs = closer::store::read_preferences(&closer::store::Layout::new(&root)).unwrap();
    assert_eq!(prefs.custom_triggers, ["money talk", "his phone"]);
    assert_eq!(prefs.custom_feelings, ["wistful"]);
    // This computer's other settings stay as they were.
    assert_eq!(
        prefs.perspective,
        Some(closer::journal::PerspectiveChoice::IPullAway)
    );
    assert_eq!(prefs.theme, closer::journal::ThemeChoice::HighContrast);
    assert!(!copy.exists());
    assert!(
        root.join("trash/sync-conflicts/state.sync-conflict-20261203-101010-ABCDEF1.json")
            .exists()
    );
    // The copy of a file closer writes again from the day files is left, worth a note only.
    assert!(predictions.exists());
}

/// Issue 31, item 4: in an encrypted journal the person's own words in a state.json copy are
/// sealed; `--merge-conflicts` opens them with the journal's key and seals them again.
#[test]
fn a_state_conflict_copy_of_an_encrypted_journal_has_its_sealed_words_merged() {
    use closer::store::{Layout, crypto};
    use secrecy::SecretString;
    const PASS: &str = "correct horse battery staple";
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let state_dir = dir.path().join("state");
    // SAFETY-free: the record of the journal's key is kept in the test's own folder.
    let layout = Layout::new(&root);
    {
        let store = Store::open(&root).unwrap();
        store
            .save_entry(&entry("2026-11-20T09:00:00+01:00", 1))
            .unwrap();
        crypto::create(&layout, &SecretString::from(PASS.to_owned())).unwrap();
        closer::store::convert::encrypt(&store, &SecretString::from(PASS.to_owned()), |_, _| {})
            .unwrap();
        let mut laptop = closer::journal::Preferences {
            perspective: Some(closer::journal::PerspectiveChoice::IPullAway),
            ..Default::default()
        };
        laptop.custom_triggers = vec!["LAPTOPWORD".into()];
        store.save_preferences(&laptop).unwrap();
        fs::copy(
            layout.state_file(),
            root.join("state.sync-conflict-20261203-101010-ABCDEF1.json"),
        )
        .unwrap();
        let mut desk = laptop.clone();
        desk.custom_triggers = vec!["DESKWORD".into()];
        store.save_preferences(&desk).unwrap();
    }
    crypto::lock(&layout);
    for file in [
        "state.json",
        "state.sync-conflict-20261203-101010-ABCDEF1.json",
    ] {
        let text = fs::read_to_string(root.join(file)).unwrap();
        assert!(
            !text.contains("LAPTOPWORD") && !text.contains("DESKWORD"),
            "{text}"
        );
    }
    let child = common::spawn_with_passphrase(
        &[
            "doctor".as_ref(),
            "--merge-conflicts".as_ref(),
            "--data-dir".as_ref(),
            root.as_os_str(),
        ],
        &format!("{PASS}\n"),
        &[("CLOSER_STATE_DIR", state_dir.to_str().unwrap())],
    );
    let out = child.wait_with_output().unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("added 1 trigger"), "{text}");
    let state = fs::read_to_string(layout.state_file()).unwrap();
    assert!(!state.contains("LAPTOPWORD") && !state.contains("DESKWORD"));
    crypto::unlock(&layout, &SecretString::from(PASS.to_owned())).unwrap();
    let prefs = closer::store::read_preferences(&layout).unwrap();
    let mut words = prefs.custom_triggers.clone();
    words.sort();
    assert_eq!(words, ["DESKWORD", "LAPTOPWORD"]);
    crypto::lock(&layout);
}

/// Issue 31, item 5: files others can read get one piece of advice at the end, not a chmod
/// line each, and `doctor --fix-permissions` makes every file and folder of the journal
/// private, follows no link out of it, and changes nothing else.
#[cfg(unix)]
#[test]
fn doctor_gives_one_fix_for_all_modes_and_fix_permissions_makes_everything_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    healthy_journal(&root);
    let set = |p: &Path, m: u32| fs::set_permissions(p, fs::Permissions::from_mode(m)).unwrap();
    let year = root.join("entries/2026");
    set(&year, 0o755);
    set(&year.join("2026-11-20.json"), 0o644);
    set(&year.join("2026-11-21.json"), 0o640);
    let git = root.join(".git/objects/ab");
    fs::create_dir_all(&git).unwrap();
    fs::write(git.join("cdef"), "object").unwrap();
    set(&git.join("cdef"), 0o444);
    fs::write(root.join(".git/hook"), "#!/bin/sh\n").unwrap();
    set(&root.join(".git/hook"), 0o755);
    let outside = dir.path().join("elsewhere.txt");
    fs::write(&outside, "not the journal's").unwrap();
    set(&outside, 0o644);
    std::os::unix::fs::symlink(&outside, root.join("link-out")).unwrap();
    let d = root.to_str().unwrap();

    let (out, text) = run(&mut closer(&["doctor", "--data-dir", d]));
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert_eq!(text.matches("--fix-permissions").count(), 1, "{text}");
    assert!(!text.contains("Make it private: chmod"), "{text}");
    assert!(
        text.contains("3 files or folders can be read by other users"),
        "{text}"
    );

    let (out, text) = run(&mut closer(&[
        "doctor",
        "--fix-permissions",
        "--data-dir",
        d,
    ]));
    assert!(out.status.success(), "{text}");
    assert!(text.contains("All is well."), "{text}");
    let mode = |p: &Path| fs::symlink_metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&year), 0o700);
    assert_eq!(mode(&year.join("2026-11-20.json")), 0o600);
    assert_eq!(mode(&year.join("2026-11-21.json")), 0o600);
    // The owner's own permissions stay as they were.
    assert_eq!(mode(&git.join("cdef")), 0o400);
    assert_eq!(mode(&root.join(".git/hook")), 0o700);
    assert_eq!(mode(&root.join(".git")), 0o700);
    // Nothing outside the data folder, through a link or otherwise.
    assert_eq!(mode(&outside), 0o644);
    assert_eq!(fs::read_to_string(&outside).unwrap(), "not the journal's");
    let (_, text) = run(&mut closer(&[
        "doctor",
        "--fix-permissions",
        "--data-dir",
        d,
    ]));
    assert!(text.contains("private already"), "{text}");
}

/// Issue 37, items 13 and 14: `closer stats` as text says what insights and `--json` say of
/// moments and predictions; a trigger with too few days says "not enough data yet" once; a
/// list cut short says how many more there are.
#[test]
fn stats_as_text_has_moments_and_predictions_and_says_not_enough_once() {
    use closer::journal::{
        Badness, Ending, Episode, Prediction, PredictionOutcome, PredictionResult,
    };
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    stats_fixture(&root);
    let store = Store::open(&root).unwrap();
    for day in 11..=20u32 {
        let mut e = entry(&format!("2026-11-{day:02}T20:00:00+01:00"), day);
        e.triggers.clear();
        // Twelve feelings named once each, beyond the ten shown.
        e.emotions = thin_vec![format!("feeling{day}"), format!("other{day}")];
        e.episodes.push(Episode {
            what: "We argued about the holiday".into(),
            ended: Some([Ending::Closer, Ending::Same][day as usize % 2]),
            ..Episode::default()
        });
        e.predictions.push(Prediction {
            step: None,
            fear: "They will cancel".into(),
            likelihood: None,
            badness: Badness::try_from(4u8).ok(),
            look_back: e.date,
            outcome: (day <= 16).then(|| PredictionOutcome {
                on: e.date,
                result: PredictionResult::No,
                badness: Badness::try_from(2u8).ok(),
                instead: String::new(),
                extra: Default::default(),
            }),
            extra: Default::default(),
        });
        store.save_entry(&e).unwrap();
    }
    drop(store);
    let (out, text) = run(&mut closer(&[
        "stats",
        "--data-dir",
        root.to_str().unwrap(),
        "--from",
        "2026-11-02",
        "--to",
        "2026-11-20",
    ]));
    assert!(out.status.success(), "{text}");
    assert!(text.contains("Predictions"), "{text}");
    assert!(
        text.contains("10 made · 6 looked back on · 4 open · 0 dropped"),
        "{text}"
    );
    assert!(text.contains("it did not 6"), "{text}");
    assert!(text.contains("Moments traced"), "{text}");
    assert!(text.contains("10 moments · a repair tried in 0"), "{text}");
    let triggers = text.split("By weekday").next().unwrap();
    assert_eq!(triggers.matches("not enough data yet").count(), 1, "{text}");
    assert!(text.contains("and 11 more"), "{text}");
}

/// Issue 37: the screens say "moments", and so does `closer report --include`; `episodes`
/// (its name before) is still taken, for scripts, and makes the same report.
#[test]
fn report_includes_moments_by_that_name_and_still_takes_episodes() {
    use closer::journal::Episode;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let store = Store::open(&root).unwrap();
    let mut e = entry("2026-11-05T20:00:00+00:00", 1);
    e.episodes.push(Episode {
        what: "He went quiet at dinner".into(),
        ..Episode::default()
    });
    store.save_entry(&e).unwrap();
    drop(store);
    let md = |what: &str| {
        let (out, text) = report(
            &root,
            dir.path(),
            &["--include", what, "--format", "markdown", "-o", "-"],
        );
        assert!(out.status.success(), "--include {what}: {text}");
        assert!(
            text.contains("He went quiet at dinner") && text.contains("the moments you traced"),
            "--include {what}: {text}"
        );
        text
    };
    assert_eq!(md("moments"), md("episodes"));

    let (out, help) = run(&mut closer(&["report", "--help"]));
    assert!(out.status.success(), "{help}");
    assert!(help.contains("moments"), "{help}");
    assert!(!help.to_lowercase().contains("episode"), "{help}");
    let (out, text) = run(&mut closer(&[
        "report",
        "--data-dir",
        root.to_str().unwrap(),
        "--include",
        "nonsense",
    ]));
    assert!(!out.status.success());
    assert!(text.contains("moments"), "{text}");
    assert!(!text.contains("episodes"), "{text}");
}

/// Issue 36: `status` answers "checked in today?" by grep's convention: 0 yes, 1 no, 2 it
/// cannot tell (no journal there; wrong arguments, from clap).
#[test]
fn status_exits_0_for_yes_1_for_no_2_when_it_cannot_tell() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let d = root.to_str().unwrap();
    healthy_journal(&root);
    let (out, text) = run(&mut closer(&["--data-dir", d, "status"]));
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.starts_with("not yet today"), "{text}");

    let now = chrono::Local::now().fixed_offset().to_rfc3339();
    Store::open(&root)
        .unwrap()
        .save_entry(&entry(&now, 7))
        .unwrap();
    let (out, text) = run(&mut closer(&["--data-dir", d, "status", "--short"]));
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.starts_with('✓'), "{text}");

    // No journal there: the line still shows (a shell prompt may ask before the journal
    // exists), the reason goes to standard error, and the answer is "cannot tell".
    let missing = dir.path().join("no-journal");
    let out = closer(&["--data-dir", missing.to_str().unwrap(), "status"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("not yet today"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("there is no journal in"));

    // A year's folder that cannot be listed (here a link to itself; a folder without read
    // permission is the same for a user who is not root): "cannot tell", never "not yet".
    let year = root.join("entries").join("2019");
    std::os::unix::fs::symlink(&year, &year).unwrap();
    let out = closer(&["--data-dir", d, "status"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(out.stdout.is_empty());
    assert!(
        err.contains("cannot tell whether you checked in today"),
        "{err}"
    );
    std::fs::remove_file(&year).unwrap();

    let (out, text) = run(&mut closer(&["--data-dir", d, "status", "--bogus"]));
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains("unexpected argument"), "{text}");
}

/// Issue 36: `doctor` by grep's convention: 0 all is well, 1 a file or a setting needs a
/// look, 2 it could not check (a journal it cannot unlock; wrong arguments).
#[test]
fn doctor_exits_0_when_all_is_well_1_when_something_needs_a_look_2_when_it_cannot_check() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let d = root.to_str().unwrap();
    healthy_journal(&root);
    let (out, text) = run(&mut closer(&["--data-dir", d, "doctor"]));
    assert_eq!(out.status.code(), Some(0), "{text}");

    // A setting that needs a look.
    let config = dir.path().join("config");
    fs::create_dir_all(config.join("closer")).unwrap();
    fs::write(config.join("closer/config.toml"), "theme = [").unwrap();
    let (out, text) = run(closer(&["--data-dir", d, "doctor"]).env("XDG_CONFIG_HOME", &config));
    assert_eq!(out.status.code(), Some(1), "{text}");

    // A damaged day file; the answer is the same when the reader has gone away before
    // doctor writes a word (`closer doctor | head -0`).
    let day = root.join("entries/2026/2026-11-20.json");
    fs::write(&day, "{ not json").unwrap();
    let (out, text) = run(&mut closer(&["--data-dir", d, "doctor"]));
    assert_eq!(out.status.code(), Some(1), "{text}");
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let status = closer(&["--data-dir", d, "doctor"])
        .stdout(writer)
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1), "the answer, though nobody read it");

    let (out, text) = run(&mut closer(&["--data-dir", d, "doctor", "--bogus"]));
    assert_eq!(out.status.code(), Some(2), "{text}");

    // An encrypted journal and the wrong passphrase: it cannot be checked.
    let locked = dir.path().join("locked");
    healthy_journal(&locked);
    let l = locked.as_os_str();
    let out = common::spawn_with_passphrase(
        &["encrypt".as_ref(), "--data-dir".as_ref(), l],
        "a long walk by the river\na long walk by the river\n",
        &[],
    )
    .wait_with_output()
    .unwrap();
    assert!(out.status.success(), "{out:?}");
    let out = common::spawn_with_passphrase(
        &["doctor".as_ref(), "--data-dir".as_ref(), l],
        "not it\n",
        &[],
    )
    .wait_with_output()
    .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("does not unlock this journal"), "{err}");
}

/// Issue 36: every other command exits 0 when done, 1 when it failed, 2 for wrong arguments.
#[test]
fn other_commands_exit_1_when_they_fail_and_2_for_wrong_arguments() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-journal");
    let m = missing.to_str().unwrap();
    let root = dir.path().join("journal");
    healthy_journal(&root);
    let d = root.to_str().unwrap();
    for args in [
        &["stats"][..],
        &["predictions"],
        &["export", "--format", "json"],
    ] {
        let mut all = vec!["--data-dir", d];
        all.extend_from_slice(args);
        let (out, text) = run(&mut closer(&all));
        assert_eq!(out.status.code(), Some(0), "{args:?}: {text}");
        all[1] = m;
        let (out, text) = run(&mut closer(&all));
        assert_eq!(out.status.code(), Some(1), "{args:?}: {text}");
        all.push("--bogus");
        let (out, text) = run(&mut closer(&all));
        assert_eq!(out.status.code(), Some(2), "{args:?}: {text}");
    }
    let (out, text) = run(&mut closer(&["export"]));
    assert_eq!(
        out.status.code(),
        Some(2),
        "a required option missing: {text}"
    );
}

/// Issue 38: `closer report --include answers,notes` writes its words entry by entry instead
/// of building the page whole. Over a journal of many windows of days (two years, two
/// check-ins a day, words in every entry) the page and the Markdown are byte for byte what
/// the report built whole in memory gave before (pinned by SHA-256, computed with the code
/// before streaming, at the merge `93ce98a`), and what the page built whole (the terminal
/// interface's path, `report::html` of `report::build`) gives now. When the report's text
/// changes on purpose, the pinned sums change with it: take them from this test's message.
#[test]
fn a_streamed_report_is_byte_for_byte_the_report_built_whole() {
    use closer::cli::report::{Part, Request, run};
    use closer::report::{self, Format, Include};
    use sha2::{Digest, Sha256};
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let first = common::day("2024-01-01");
    let mut entries = Vec::new();
    for n in 0..1_400u32 {
        let date = first + chrono::Days::new(u64::from(n / 2));
        let hour = if n % 2 == 0 { "08" } else { "20" };
        let mut e = entry(&format!("{date}T{hour}:00:00+00:00"), n);
        e.notes = format!("Notes of {n} <b>& “more”</b>\n\n# not a heading\n| not | a table");
        entries.push(e);
    }
    store.add_entries(entries).unwrap();
    let catalog = closer::content::Catalog::bundled().unwrap();
    let today = common::day("2026-01-05");
    let (from, to) = (common::day("2024-01-01"), common::day("2025-12-31"));
    let loaded = closer::store::load(&closer::store::Layout::new(dir.path())).entries;
    assert_eq!(loaded.len(), 1_400);
    let include = [Part::Answers, Part::Notes];
    for (format, pinned) in [
        (
            Format::Html,
            (
                "c7487a9fe6d17d26c2eb34695ae64e5a3caf1658526a44a79164826e167867a0",
                748_781,
            ),
        ),
        (
            Format::Markdown,
            (
                "052de55d86f2fc69260be09f36112d6fb4e990e73532ba77059e0be155ccd745",
                359_747,
            ),
        ),
    ] {
        let request = Request {
            from: Some(from),
            to: Some(to),
            triggers: &[],
            tags: &[],
            include: &include,
            format,
            output: Some(Path::new("-")),
            force: false,
            mood_labels: closer::journal::MoodLabels::default(),
            week_starts: chrono::Weekday::Mon,
            catalog: &catalog,
            own_triggers: &[],
        };
        let (mut out, mut err) = (Vec::new(), Vec::new());
        run(dir.path(), &request, today, &mut out, &mut err).unwrap();
        let built = report::build(
            &loaded,
            &report::Request {
                window: closer::journal::insights::Window { from, to },
                filter: Default::default(),
                include: Include {
                    answers: true,
                    notes: true,
                    ..Include::default()
                },
            },
            &catalog,
            closer::journal::MoodLabels::default(),
            today,
            chrono::Weekday::Mon,
        );
        let whole = match format {
            Format::Html => report::html(&built, &catalog),
            Format::Markdown => report::markdown(&built, &catalog),
        };
        assert!(
            out == whole.as_bytes(),
            "{format:?}: not the page built whole"
        );
        let sum = format!("{:x}", Sha256::digest(&out));
        assert_eq!((sum.as_str(), out.len()), pinned, "{format:?}");
    }
}
