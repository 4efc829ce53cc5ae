//! `closer checkin --plain` on the built binary, its answers piped in as a script would: what
//! it saves, what it keeps when the input ends early, and a locked encrypted journal.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

mod common;

use std::fs;
use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use closer::store::{Layout, Store, crypto};
use common::files_under;
use secrecy::SecretString;

const PASS: &str = "correct horse battery staple";

/// `closer --data-dir ROOT ARGS…` with `input` piped to it; its output and its stdout and
/// stderr as text.
fn piped(root: &Path, args: &[&str], input: &str) -> (Output, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_closer"));
    cmd.arg("--data-dir").arg(root).args(args);
    run_piped(cmd, root, input)
}

/// `cmd`, a closer of the journal at `root` (never the person's own journal or settings),
/// with `input` piped to it; its output and its stdout and stderr as text.
fn run_piped(mut cmd: Command, root: &Path, input: &str) -> (Output, String, String) {
    let mut child = cmd
        .env_remove("CLOSER_DATA_DIR")
        .env("XDG_CONFIG_HOME", root.join("config-home"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8(out.stdout.clone()).unwrap();
    let stderr = String::from_utf8(out.stderr.clone()).unwrap();
    (out, stdout, stderr)
}

/// A journal in `root` of a person who pulls away.
fn journal(root: &Path) {
    fs::create_dir_all(root).unwrap();
    fs::write(
        root.join("state.json"),
        br#"{"schema": 1, "perspective": "i-pull-away"}"#,
    )
    .unwrap();
}

/// A new journal at `root`, encrypted with [`PASS`], `unlocked` done while it is still
/// unlocked, then locked: what a check-in meets when only the passphrase can read the journal.
fn encrypted_and_locked(root: &Path, unlocked: impl FnOnce(&Store)) -> Layout {
    journal(root);
    let store = Store::open(root).unwrap();
    closer::store::convert::encrypt(&store, &SecretString::from(PASS.to_owned()), |_, _| {})
        .unwrap();
    unlocked(&store);
    let layout = Layout::new(root);
    crypto::lock(&layout);
    layout
}

/// The entries of the journal's only day file.
fn saved_entries(root: &Path) -> Vec<serde_json::Value> {
    let files: Vec<_> = files_under(&root.join("entries"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let day: serde_json::Value = serde_json::from_slice(&fs::read(&files[0]).unwrap()).unwrap();
    day["entries"].as_array().unwrap().clone()
}

/// The scripts of docs/plain-checkin.md, as `printf '%s\n'` gives them.
fn lines(answers: &[&str]) -> String {
    answers.iter().map(|a| format!("{a}\n")).collect()
}

/// Every step, in order.
const SCRIPT: &[&str] = &[
    "2",
    "4",
    "anxious, tired, homesick",
    "Anxiety",
    "4 the deadline",
    "",
    "",
    "/next",
    "/next",
    "",
    "A long day.",
    "work",
    "",
];

/// Mood and closeness, a feeling or two, a trigger, then saved.
const SHORT: &[&str] = &[
    "2",
    "4",
    "anxious, tired",
    "Anxiety",
    "4 the deadline",
    "/save",
];

#[test]
fn a_script_through_a_pipe_saves_the_check_in_in_plain_text() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    journal(&root);
    // No --plain: without a terminal, closer checkin asks line by line by itself.
    let (out, stdout, stderr) = piped(&root, &["checkin"], &lines(SCRIPT));
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("Step 1 of 10: How you are"), "{stdout}");
    assert!(stdout.contains("Your check-in is saved."), "{stdout}");
    assert!(
        !stdout.contains('\u{1b}') && !stderr.contains('\u{1b}'),
        "{stdout:?}"
    );
    assert!(
        !stdout.contains("> "),
        "no prompt when no person types: {stdout}"
    );
    for line in stdout.lines() {
        assert!(line.chars().count() <= 80, "{line:?}");
    }
    let entries = saved_entries(&root);
    let [e] = &entries[..] else {
        panic!("{entries:?}")
    };
    assert_eq!(e["mood"], 2);
    assert_eq!(e["closeness"], 4);
    assert_eq!(e["perspective"], "i-pull-away");
    assert_eq!(
        e["emotions"],
        serde_json::json!(["anxious", "tired", "homesick"])
    );
    assert_eq!(
        e["triggers"],
        serde_json::json!([{"id": "anxiety", "intensity": 4, "note": "the deadline"}])
    );
    assert_eq!(e["notes"], "A long day.");
    assert_eq!(e["tags"], serde_json::json!(["work"]));
    for skipped in [
        "behaviours",
        "responses",
        "episodes",
        "strategies",
        "predictions",
    ] {
        assert!(e.get(skipped).is_none(), "{skipped}: {e:#}");
    }
    assert!(
        !root.join("drafts/current.json").exists(),
        "the draft goes once saved"
    );
    let state = fs::read_to_string(root.join("state.json")).unwrap();
    assert!(
        state.contains("homesick"),
        "remembered for next time: {state}"
    );
}

#[test]
fn the_short_script_saves_what_it_gives_at_save() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    journal(&root);
    let (out, stdout, stderr) = piped(&root, &["checkin", "--plain"], &lines(SHORT));
    assert!(out.status.success(), "{stdout}\n{stderr}");
    let entries = saved_entries(&root);
    let [e] = &entries[..] else {
        panic!("{entries:?}")
    };
    assert_eq!((&e["mood"], &e["closeness"]), (&2.into(), &4.into()));
    assert_eq!(e["emotions"], serde_json::json!(["anxious", "tired"]));
    assert_eq!(e["triggers"][0]["intensity"], 4);
}

/// Issue 36: `closer checkin --plain --date yesterday` saves in yesterday's day file, marked
/// as written today, and says so.
#[test]
fn a_plain_check_in_for_yesterday_is_saved_on_yesterday_marked_as_written_later() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    journal(&root);
    let (out, stdout, stderr) = piped(
        &root,
        &["checkin", "--plain", "--date", "yesterday"],
        &lines(SHORT),
    );
    assert!(out.status.success(), "{stdout}\n{stderr}");
    let today = chrono::Local::now().date_naive();
    let yesterday = today.pred_opt().unwrap();
    let entries = saved_entries(&root);
    let [e] = &entries[..] else {
        panic!("{entries:?}")
    };
    assert_eq!(e["date"], yesterday.to_string());
    assert_eq!(e["written_on"], today.to_string());
    assert!(stdout.contains("marked as written later"), "{stdout}");
}

#[test]
fn input_that_ends_early_is_kept_as_the_draft_said_on_stderr_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    journal(&root);
    let (out, stdout, stderr) = piped(&root, &["checkin", "--plain"], "3\n5\n");
    assert_eq!(out.status.code(), Some(1), "{stdout}\n{stderr}");
    assert!(
        stderr.contains("standard input ended before the check-in did"),
        "{stderr}"
    );
    assert!(stderr.contains("kept as a draft"), "{stderr}");
    assert!(!root.join("entries").exists() || files_under(&root.join("entries")).is_empty());
    let draft = fs::read_to_string(root.join("drafts/current.json")).unwrap();
    assert!(draft.contains("\"mood\": 3"), "{draft}");

    // A script never answers for a check-in waiting: it says so and reads nothing.
    let (out, _, stderr) = piped(&root, &["checkin", "--plain"], "1\n1\n/save\n");
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("You began a check-in on"), "{stderr}");
    assert!(stderr.contains("in a terminal"), "{stderr}");
    let again = fs::read_to_string(root.join("drafts/current.json")).unwrap();
    assert_eq!(draft, again, "the draft is as it was");

    // Nothing at all: nothing kept, said on stderr.
    let empty = dir.path().join("empty");
    journal(&empty);
    let (out, _, stderr) = piped(&empty, &["checkin", "--plain"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr.contains("before anything was entered"), "{stderr}");
    assert!(!empty.join("drafts/current.json").exists());
}

#[test]
fn a_locked_encrypted_journal_takes_a_plain_check_in_without_its_passphrase() {
    const MARK: &str = "NEWPLAINMARK";
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let layout = encrypted_and_locked(&root, |store| {
        store
            .save_entry(&common::entry("2026-11-20T09:00:00+01:00", 1))
            .unwrap();
    });
    let input = format!("4\n\n\n\n\n\n/next\n\n\n{MARK}\n\n\n");
    let (out, stdout, stderr) = piped(&root, &["checkin", "--plain"], &input);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("encrypted and locked"), "{stdout}");
    assert!(
        stdout.contains("Your check-in is saved, encrypted."),
        "{stdout}"
    );
    assert!(
        !stdout.contains("Answer number 1"),
        "nothing of the past is shown"
    );
    for file in files_under(&root).into_iter().filter(|p| p.is_file()) {
        let bytes = fs::read(&file).unwrap();
        assert!(
            !String::from_utf8_lossy(&bytes).contains(MARK),
            "{} holds the words in plain text",
            file.display()
        );
    }
    // Unlocked: the journal holds both entries.
    crypto::unlock(&layout, &SecretString::from(PASS.to_owned())).unwrap();
    let store = Store::open(&root).unwrap();
    store.settle_inbox().unwrap();
    let entries = store.load().entries;
    crypto::lock(&layout);
    assert_eq!(entries.len(), 2);
    let new = entries
        .iter()
        .find(|e| e.notes == MARK)
        .expect("the new entry");
    assert_eq!(new.mood.map(|m| m.get()), Some(4));
}

#[test]
fn a_locked_journal_with_a_check_in_waiting_is_not_written_over() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    encrypted_and_locked(&root, |store| {
        store
            .save_draft(
                &serde_json::json!({"notes": "waiting"}),
                common::at("2026-11-20T09:00:00+01:00"),
            )
            .unwrap();
    });
    let before = fs::read(root.join("drafts/current.json")).unwrap();
    let (out, _, stderr) = piped(&root, &["checkin", "--plain"], "4\n/save\n");
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("only your passphrase can read"), "{stderr}");
    assert_eq!(fs::read(root.join("drafts/current.json")).unwrap(), before);
}

/// With the passphrase on a descriptor, the journal is unlocked and the entry goes straight
/// into its day.
#[test]
fn with_the_passphrase_given_the_check_in_goes_straight_into_its_day() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let layout = encrypted_and_locked(&root, |_| {});
    let dir2 = tempfile::tempdir().unwrap();
    let pass_file = dir2.path().join("pass");
    fs::write(&pass_file, format!("{PASS}\n")).unwrap();
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg("exec \"$0\" --data-dir \"$1\" --passphrase-fd 3 checkin --plain 3<\"$2\"")
        .arg(env!("CARGO_BIN_EXE_closer"))
        .arg(&root)
        .arg(&pass_file);
    let (out, stdout, stderr) = run_piped(cmd, &root, "5\n/save\n");
    let text = stdout + &stderr;
    assert!(out.status.success(), "{text}");
    assert!(!text.contains("encrypted and locked"), "{text}");
    assert!(!root.join("inbox").exists() || files_under(&root.join("inbox")).is_empty());
    crypto::unlock(&layout, &SecretString::from(PASS.to_owned())).unwrap();
    let entries = Store::open(&root).unwrap().load().entries;
    crypto::lock(&layout);
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].mood.map(|m| m.get()), Some(5));
}
