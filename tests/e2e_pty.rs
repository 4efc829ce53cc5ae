//! The real binary in a real pseudo-terminal: what a person sees and does.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code
#![cfg(unix)]

mod common;

use common::pty::{Closer, DEADLINE, at_reflect, journal_with_perspective, only_day_file, signal};

use std::fs;
use std::time::{Duration, Instant};

use closer::store::Store;
use common::{entry, files_under};

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
    app.wait_for("check in: a few questions about today");
    // The keys every screen shares come last: scrolled down to.
    app.press_until("\x1b[B", "Ctrl-Q  hide closer at once", 20);
    app.esc();
    app.wait_gone("Ctrl-Q  hide closer at once");

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
    app.wait_for("a look: run `closer doctor`");
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

/// From a check-in's first step, with keys only: mood 2, closeness 4, Anxiety at 4, an answer
/// to the first question, and the first strategy suggested planned (not yet saved).
fn check_in_with_keys_to_a_planned_strategy(app: &mut Closer) {
    app.wait_for("step 1 of 10");
    app.send("24"); // mood 2, then closeness 4
    app.wait_for("[4 close]");
    app.send("\r");
    app.wait_for("step 2 of 10");
    app.send("\t");
    app.wait_for("step 3 of 10");
    app.send("anxi");
    app.wait_for("Filter: anxi");
    app.send("\r"); // the best match (Anxiety) is first: pick it; the cursor stays on it
    app.wait_for("Type to filter");
    app.send("4");
    app.wait_for("●●●●○");
    app.send("\t");
    app.wait_for("step 4 of 10");
    app.press_until("\t", "step 6 of 10", 5);
    app.send("I went quiet after dinner.");
    app.wait_for("I went quiet after dinner.");
    app.press_until("\t", "step 7 of 10", 6);
    app.send(" ");
    app.wait_for("I'll try this");
}

#[test]
fn a_check_in_done_with_keys_only_is_saved_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    journal_with_perspective(&root);
    let mut app = Closer::start(&root, 80, 24);
    app.wait_for("c check in");
    app.send("c");
    check_in_with_keys_to_a_planned_strategy(&mut app);
    let planned = {
        let screen = app.contents();
        let line = screen
            .lines()
            .find(|l| l.contains("I'll try this"))
            .unwrap()
            .to_owned();
        line.split("[x]")
            .nth(1)
            .unwrap()
            .split("  ·")
            .next()
            .unwrap()
            .trim()
            .to_owned()
    };
    app.send("\x13"); // Ctrl-S
    app.wait_for("Your check-in is saved.");
    app.wait_for("You checked in today.");
    app.wait_for("Streak        1 day");
    app.send("q");
    assert!(app.wait_exit().success());

    let day = only_day_file(&root);
    let entries = day["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 1);
    let e = &entries[0];
    let mut keys: Vec<&str> = e.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "closeness",
            "created_at",
            "date",
            "id",
            "mood",
            "perspective",
            "responses",
            "strategies",
            "triggers",
            "updated_at"
        ],
        "nothing skipped was written: {e:#}"
    );
    assert_eq!(e["mood"], 2);
    assert_eq!(e["closeness"], 4);
    assert_eq!(e["perspective"], "i-pull-away");
    assert_eq!(
        e["triggers"],
        serde_json::json!([{"id": "anxiety", "intensity": 4}])
    );
    let responses = e["responses"].as_array().unwrap();
    assert_eq!(responses.len(), 1);
    assert_eq!(responses[0]["answer"], "I went quiet after dinner.");
    let catalog = closer::content::Catalog::bundled().unwrap();
    let prompt = catalog
        .prompt(responses[0]["prompt_id"].as_str().unwrap())
        .unwrap();
    assert_eq!(responses[0]["prompt"], prompt.text.as_str());
    assert!(prompt.triggers.iter().any(|t| t == "anxiety"));
    let strategies = e["strategies"].as_array().unwrap();
    assert_eq!(strategies.len(), 1);
    assert_eq!(strategies[0]["planned"], true);
    let s = catalog
        .strategy(strategies[0]["id"].as_str().unwrap())
        .unwrap();
    assert_eq!(s.title, planned);
    assert!(
        !root.join("drafts/current.json").exists(),
        "the draft is gone once saved"
    );
}

#[test]
fn sigkill_while_typing_loses_nothing_the_resume_offer_gives_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let mut app = at_reflect(&root);
    let words = "Words I must not lose, typed just before the crash.";
    app.send(words);
    app.wait_for("typed just before the crash.");
    // Typing pauses: the draft is written within a moment.
    let draft = root.join("drafts/current.json");
    let start = Instant::now();
    while !fs::read_to_string(&draft)
        .unwrap_or_default()
        .contains(words)
    {
        assert!(start.elapsed() < DEADLINE, "the draft never held the text");
        std::thread::sleep(Duration::from_millis(50));
    }
    signal(&app, "-9");
    let _ = app.wait_exit();
    drop(app);

    let mut again = Closer::start(&root, 80, 24);
    again.wait_for("An unfinished check-in");
    again.send("r");
    again.wait_for("step 6 of 10");
    again.wait_for("typed just before the crash.");
    again.send("\x13");
    again.wait_for("Your check-in is saved.");
    again.send("q");
    assert!(again.wait_exit().success());
    let day = only_day_file(&root);
    assert_eq!(day["entries"][0]["responses"][0]["answer"], words);
}

/// Issue 33: a debrief typed and killed mid-way is offered back whole, on the field it was
/// on, and saved with the day's entry.
#[test]
fn a_debrief_killed_mid_way_is_offered_back_whole() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    journal_with_perspective(&root);
    let mut app = Closer::start(&root, 80, 24);
    app.wait_for("d debrief");
    // A debrief is kept with today's entry: it waits for the journal to be read.
    app.wait_for("Entries");
    app.send("d");
    app.wait_for("After a hard moment");
    // Feelings: the first chip; then my side and their side in my words.
    app.send(" ");
    app.send("\x1b[B\x1b[B");
    let mine = "He was on his phone; I needed him to look up.";
    app.send(mine);
    app.send("\x1b[B");
    let theirs = "Maybe work, answering a message he had to.";
    app.send(theirs);
    app.wait_for("answering a message he had to.");
    let draft = root.join("drafts/current.json");
    let start = Instant::now();
    while !fs::read_to_string(&draft)
        .unwrap_or_default()
        .contains(theirs)
    {
        assert!(
            start.elapsed() < DEADLINE,
            "the draft never held the debrief"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    signal(&app, "-9");
    let _ = app.wait_exit();
    drop(app);

    let mut again = Closer::start(&root, 80, 24);
    again.wait_for("You began a debrief on");
    again.send("r");
    again.wait_for("debrief · step 1 of 2");
    again.wait_for("I needed him to look up.");
    again.send("\x13");
    again.wait_for("Your debrief is saved with today's entry.");
    again.send("q");
    assert!(again.wait_exit().success());
    let day = only_day_file(&root);
    let debrief = &day["entries"][0]["debriefs"][0];
    assert_eq!(debrief["my_side"], mine);
    assert_eq!(debrief["their_side"], theirs);
    assert_eq!(debrief["felt"][0], "lonely");
    assert_eq!(day["schema"], 4);
}

#[test]
fn closing_the_terminal_mid_sentence_keeps_the_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let mut app = at_reflect(&root);
    let words = "half a sentence when the window closed";
    app.send(words);
    app.wait_for("when the window closed");
    // No pause: the terminal hangs up at once.
    signal(&app, "-HUP");
    let exit = app.wait_exit();
    assert!(!exit.success(), "a hang-up ends closer: {exit:?}");
    let draft = fs::read_to_string(root.join("drafts/current.json")).unwrap();
    assert!(draft.contains(words), "{draft}");
    // And the journal is free again: the next closer can write.
    let mut again = Closer::start(&root, 80, 24);
    again.wait_for("An unfinished check-in");
    assert!(!again.contents().contains("Read-only"));
    again.send("\x1b");
    std::thread::sleep(Duration::from_millis(150));
    again.send("q");
    assert!(again.wait_exit().success());
}

#[test]
fn review_search_delete_and_undo_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    journal_with_perspective(&root);
    {
        let store = Store::open(&root).unwrap();
        for (i, when) in [
            "2026-11-18T09:00:00+01:00",
            "2026-11-19T09:00:00+01:00",
            "2026-11-20T08:00:00+01:00",
            "2026-11-20T21:00:00+01:00",
        ]
        .iter()
        .enumerate()
        {
            let mut e = entry(when, i as u32);
            e.notes = if i == 2 {
                "the walk by the river".into()
            } else {
                format!("ordinary day {i}")
            };
            store.save_entry(&e).unwrap();
        }
    }
    let day = root.join("entries/2026/2026-11-20.json");
    let before = fs::read(&day).unwrap();

    let mut app = Closer::start(&root, 100, 30);
    // Review opens once the journal has been read (before that, r says it is still reading).
    app.wait_for("Entries       4");
    app.send("r");
    app.wait_for("4 entries");
    app.send("/");
    app.send("river");
    app.wait_for("1 of 4 entries");
    app.send("\r");
    app.send("d");
    app.wait_for("Delete this entry?");
    app.send("y");
    app.wait_for("Press u to bring it back");
    app.wait_for("0 of 3 entries");
    let after_delete = fs::read_to_string(&day).unwrap();
    assert!(!after_delete.contains("river"), "{after_delete}");
    assert!(after_delete.contains("ordinary day 3"));
    assert_eq!(fs::read_dir(root.join("trash")).unwrap().count(), 1);

    app.send("u");
    app.wait_for("The entry is back.");
    app.wait_for("1 of 4 entries");
    assert_eq!(
        fs::read(&day).unwrap(),
        before,
        "the day file is back byte for byte"
    );
    assert_eq!(fs::read_dir(root.join("trash")).unwrap().count(), 0);
    app.send("\x03");
    assert!(app.wait_exit().success());
}

#[test]
fn a_favourite_and_a_plan_outlive_a_restart_and_the_next_check_in_offers_it_first() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    journal_with_perspective(&root);
    let mut app = Closer::start(&root, 100, 30);
    app.wait_for("s strategies");
    app.send("s");
    app.wait_for("strategies ·");
    app.send("\r");
    app.wait_for("Why it can help");
    let title = app.contents().lines().nth(1).unwrap().trim().to_owned();
    assert!(!title.is_empty());
    app.send("f");
    app.wait_for("a favourite");
    app.send("p");
    app.wait_for("offered first in your next check-in");
    app.esc();
    app.wait_for("★");
    app.send("q"); // back from the library
    app.wait_for("c check in");
    app.send("q");
    assert!(app.wait_exit().success());
    let state = fs::read_to_string(root.join("state.json")).unwrap();
    assert!(state.contains("\"favourites\""), "{state}");
    assert!(state.contains("\"planned_next\""), "{state}");

    let mut again = Closer::start(&root, 100, 30);
    again.wait_for("s strategies");
    again.send("s");
    again.wait_for(&format!("★  {title}"));
    again.esc();
    again.wait_for("c check in");
    again.send("c");
    again.wait_for("step 1 of 10");
    again.press_until("\t", "step 7 of 10", 10);
    let screen = again.contents();
    let first = screen
        .lines()
        .find(|l| l.contains("[ ]") || l.contains("[x]"))
        .unwrap_or_default();
    assert!(
        first.contains(&title),
        "first suggestion {first:?}, planned {title:?}\n{screen}"
    );
    again.send("\x03");
    assert!(again.wait_exit().success());
}

#[test]
fn with_no_colour_the_selected_row_is_still_marked_and_nothing_is_coloured() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    journal_with_perspective(&root);
    let mut app = Closer::start_with(&root, 80, 24, &[("NO_COLOR", "1")]);
    app.wait_for("c check in");
    app.send("c");
    app.wait_for("step 1 of 10");
    app.send("\t");
    app.wait_for("step 2 of 10");
    app.send("\x1b[B"); // Down to the second feeling
    app.wait_for("▸ [ ] anxious");
    let parser = app.screen.lock().unwrap();
    let screen = parser.screen();
    let (rows, cols) = screen.size();
    let mut marked = None;
    for row in 0..rows {
        let text: String = (0..cols)
            .filter_map(|c| screen.cell(row, c).map(|cell| cell.contents().to_string()))
            .collect();
        if text.contains("▸ [ ] anxious") {
            marked = Some(row);
        }
        for col in 0..cols {
            let cell = screen.cell(row, col).unwrap();
            assert_eq!(
                cell.fgcolor(),
                vt100::Color::Default,
                "colour at {row},{col}"
            );
            assert_eq!(
                cell.bgcolor(),
                vt100::Color::Default,
                "colour at {row},{col}"
            );
        }
    }
    let row = marked.unwrap();
    let start = (0..cols)
        .find(|&c| {
            screen
                .cell(row, c)
                .is_some_and(|cell| cell.contents() == "▸")
        })
        .unwrap();
    assert!(
        screen.cell(row, start + 2).unwrap().inverse(),
        "the selected row is in reverse video"
    );
    drop(parser);
    app.send("\x03");
    assert!(app.wait_exit().success());
}

#[test]
fn a_bad_config_file_is_named_and_closer_starts_with_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    journal_with_perspective(&root);
    let config = root.join("config-home/closer");
    fs::create_dir_all(&config).unwrap();
    fs::write(
        config.join("config.toml"),
        "week_start = \"sunday\"\ntheme = \"blue\"\n",
    )
    .unwrap();
    let mut app = Closer::start(&root, 100, 30);
    app.wait_for("line 2: theme = \"blue\" is not a theme");
    app.wait_for("closer started with the other settings");
    app.send("o");
    app.wait_for("Week starts on");
    app.wait_for("Sunday");
    app.send("\x03");
    assert!(app.wait_exit().success());
}

/// A screen asked for while the journal is still being read opens once it is read: `closer
/// review` used to stay on home saying "Still reading your journal…".
#[test]
fn closer_review_opens_review_once_the_journal_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    journal_with_perspective(&root);
    {
        let store = Store::open(&root).unwrap();
        for i in 0..400 {
            let mut e = entry("2026-11-20T21:00:00+01:00", i);
            e.notes = format!("evening number {i}");
            store.save_entry(&e).unwrap();
        }
    }
    let mut app = Closer::start_args(&root, 80, 24, &["review"]);
    app.wait_for("closer · review");
    app.wait_for("400 entries");
    app.send("q");
    app.wait_for("Not checked in yet today.");
    app.send("q");
    assert!(app.wait_exit().success());
}

/// A prediction index that went wrong (a day listed whose prediction is gone) is put right
/// once closer has read the journal, so `closer status` counts no prediction that is not
/// there.
#[test]
fn a_wrong_prediction_index_is_put_right_once_the_journal_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    journal_with_perspective(&root);
    Store::open(&root)
        .unwrap()
        .save_entry(&entry("2026-11-20T21:00:00+01:00", 1))
        .unwrap();
    let layout = closer::store::Layout::new(&root);
    let index = layout.predictions_file();
    fs::write(
        &index,
        r#"{"schema": 1, "days": {"2026-11-01": ["2026-11-02"]}}"#,
    )
    .unwrap();
    let today = "2026-11-30".parse().unwrap();
    assert_eq!(Store::predictions_due_in(&layout, today), 1);
    let mut app = Closer::start_args(&root, 80, 24, &["review"]);
    app.wait_for("1 entry");
    app.send("q");
    app.wait_for("Not checked in yet today.");
    app.send("q");
    assert!(app.wait_exit().success());
    assert_eq!(Store::predictions_due_in(&layout, today), 0);
}

/// While the terminal is too small, keys do nothing to the screen hidden behind the message:
/// `c Tab Tab q` used to land in step 3 of a check-in with "q" typed.
#[test]
fn keys_on_the_too_small_screen_do_nothing_but_ctrl_c() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    journal_with_perspective(&root);
    let mut app = Closer::start(&root, 50, 15);
    app.wait_for("Make the terminal larger");
    app.send("c");
    app.send("\t");
    app.send("\t");
    app.send("q");
    std::thread::sleep(Duration::from_millis(300));
    app.resize(80, 24);
    app.wait_for("Not checked in yet today.");
    let screen = app.contents();
    // No check-in opened (home itself offers "a brave steps").
    assert!(!screen.contains("check-in · step"), "{screen}");
    app.resize(50, 15);
    app.wait_for("Make the terminal larger");
    app.send("\x03");
    assert!(app.wait_exit().success() || app.left_alternate_screen());
}

/// Case r13: text that arrives with LF line ends (a paste a terminal does not bracket, a typing
/// tool), and Ctrl-J, make new lines; they used to erase the line before them.
#[test]
fn lf_and_ctrl_j_in_a_text_box_make_new_lines() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let mut app = at_reflect(&root);
    app.send("first line of my paste\nsecond line\nthird");
    app.wait_for("third");
    app.send(" more words");
    app.send("\n");
    app.send("after ctrl-j");
    app.wait_for("after ctrl-j");
    let want = "first line of my paste\nsecond line\nthird more words\nafter ctrl-j";
    let draft = root.join("drafts/current.json");
    let start = Instant::now();
    loop {
        let text = fs::read_to_string(&draft).unwrap_or_default();
        let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        if json["draft"]["responses"][0]["answer"] == want || json["responses"][0]["answer"] == want
        {
            break;
        }
        assert!(
            start.elapsed() < DEADLINE,
            "the draft never held it all: {text}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    app.send("\x03");
    let _ = app.wait_exit();
}

/// Case r02: deleting `.lock` does not let a second closer write, and the read-only one may
/// write as soon as the first one quits, without a restart.
#[test]
fn a_deleted_lock_file_lets_no_second_writer_in_and_read_only_turns_writable() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    journal_with_perspective(&root);
    let mut a = Closer::start(&root, 80, 24);
    a.wait_for("c check in");
    let _ = fs::remove_file(root.join(".lock"));
    let mut b = Closer::start(&root, 80, 24);
    b.wait_for("Read-only");
    // A leaves an unfinished check-in and quits; B, writable now, offers it instead of
    // starting one that would overwrite it.
    a.send("c");
    a.wait_for("step 1 of 10");
    a.send("4");
    a.esc();
    a.wait_for("Leave the check-in?");
    a.send("s");
    a.wait_for("kept as a draft");
    a.send("q");
    assert!(a.wait_exit().success());
    b.wait_for("you can write here now");
    b.send("c");
    b.wait_for("An unfinished check-in");
    b.send("r");
    b.wait_for("step 1 of 10");
    b.send("\x13");
    b.wait_for("Your check-in is saved.");
    b.send("q");
    assert!(b.wait_exit().success());
    assert_eq!(only_day_file(&root)["entries"][0]["mood"], 4);
}

/// A 1 MiB tmpfs at `dir/disk`, or `None` (said, or failed under CI) without root.
fn small_disk(dir: &std::path::Path, why: &str) -> Option<common::needs::Tmpfs> {
    common::needs::tmpfs(&dir.join("disk"), "1m", why)
}

/// Case r01: Ctrl-C on a full disk used to quit at once with status 0 and the words in no
/// file. closer stays, offers a file, and quits once the words are in it.
#[test]
fn ctrl_c_on_a_full_disk_keeps_the_words_in_a_file_the_person_names() {
    let dir = tempfile::tempdir().unwrap();
    let Some(disk) = small_disk(dir.path(), "for Ctrl-C on a full disk") else {
        return;
    };
    let root = disk.path.join("journal");
    let mut app = at_reflect(&root);
    disk.fill();
    app.send("words the full disk cannot take");
    app.wait_for("could not be written");
    app.send("\x03");
    app.wait_for("Your words are not on disk");
    app.send("f");
    app.wait_for("save your words");
    app.send(&"\x7f".repeat(80));
    let file = dir.path().join("kept.txt");
    app.send(&file.display().to_string());
    app.send("\r");
    let status = app.wait_exit();
    assert!(status.success(), "{status:?}");
    let kept = fs::read_to_string(&file).unwrap();
    assert!(kept.contains("words the full disk cannot take"), "{kept}");
}

/// Case r01, by signal: nobody to ask, so the words go to stderr after the terminal is given
/// back, and closer exits non-zero.
#[test]
fn sigterm_on_a_full_disk_prints_the_words_and_exits_non_zero() {
    let dir = tempfile::tempdir().unwrap();
    let Some(disk) = small_disk(dir.path(), "for SIGTERM on a full disk") else {
        return;
    };
    let root = disk.path.join("journal");
    let mut app = at_reflect(&root);
    disk.fill();
    app.send("words a signal must not lose");
    app.wait_for("could not be written");
    signal(&app, "-TERM");
    let status = app.wait_exit();
    assert!(!status.success(), "{status:?}");
    assert!(app.left_alternate_screen());
    app.wait_for("could not write your draft");
    app.wait_for("words a signal must not lose");
}

/// Whether process `pid` is stopped (state T in /proc).
fn stopped(pid: u32) -> bool {
    fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| s.rsplit(") ").next().map(|r| r.starts_with('T')))
        .unwrap_or(false)
}

fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < DEADLINE, "{what}");
        std::thread::sleep(Duration::from_millis(30));
    }
}

/// Ctrl-Z suspends closer as other full-screen programs do, in a shell with job control: the
/// draft is written and the terminal given back first; `fg` takes it back and nothing is
/// lost. A SIGTSTP from outside does the same.
#[test]
fn ctrl_z_and_sigtstp_suspend_with_the_draft_kept_and_fg_continues_whole() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    journal_with_perspective(&root);
    let mut shell = Closer::in_shell(&root, 80, 24);
    shell.wait_for("c check in");
    shell.send("c");
    shell.wait_for("step 1 of 10");
    shell.press_until("\t", "step 6 of 10", 8);
    shell.send("before the stop");
    shell.wait_for("before the stop");
    shell.send("\x1a");
    shell.wait_for("Stopped");
    assert!(!shell.cursor_hidden(), "the shell gets its cursor back");
    let draft = fs::read_to_string(root.join("drafts/current.json")).unwrap();
    assert!(draft.contains("before the stop"), "{draft}");
    shell.send("fg\r");
    shell.wait_for("step 6 of 10");
    // The cursor is back at the caret, after the last letter typed.
    shell.wait_cursor("after \"stop\"", |s| {
        let (row, col) = s.cursor_position();
        col > 0 && s.cell(row, col - 1).is_some_and(|c| c.contents() == "p")
    });
    shell.send(" and after");
    shell.wait_for("before the stop and after");
    // From outside: the shell's job is the foreground one; signal closer itself.
    let pgrep = std::process::Command::new("pgrep")
        .args(["-f", "--", &format!("closer --data-dir {}", root.display())])
        .output()
        .unwrap();
    let pid = String::from_utf8_lossy(&pgrep.stdout)
        .lines()
        .next()
        .unwrap_or_default()
        .trim()
        .to_owned();
    assert!(!pid.is_empty(), "closer not found");
    assert!(
        std::process::Command::new("kill")
            .args(["-TSTP", &pid])
            .status()
            .unwrap()
            .success()
    );
    shell.wait_for("Stopped");
    let draft = fs::read_to_string(root.join("drafts/current.json")).unwrap();
    assert!(draft.contains("before the stop and after"), "{draft}");
    shell.send("fg\r");
    shell.wait_for("step 6 of 10");
    shell.send("\x13");
    shell.wait_for("Your check-in is saved.");
    shell.send("q");
    shell.wait_for("shell$");
    let day = only_day_file(&root);
    assert_eq!(
        day["entries"][0]["responses"][0]["answer"],
        "before the stop and after"
    );
    shell.send("exit\r");
}

/// Run with no job-control shell above it (a tmux pane, `ssh -t host closer`), a stop could
/// never be undone: Ctrl-Z says so and closer keeps working; a SIGTSTP is ignored.
#[test]
fn without_a_shell_to_return_to_ctrl_z_does_not_freeze_closer() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let mut app = at_reflect(&root);
    app.send("still here");
    app.send("\x1a");
    app.wait_for("no shell here to come back to");
    signal(&app, "-TSTP");
    std::thread::sleep(Duration::from_millis(300));
    assert!(!stopped(app.pid()));
    app.send(" and typing");
    app.wait_for("still here and typing");
    app.send("\x03");
    let _ = app.wait_exit();
}

/// Case r03: text handed to $EDITOR survives closer being killed while the editor runs: the
/// draft names the file, the next start puts its text back, and doctor does not call the left
/// file "all well" meanwhile.
#[test]
fn words_written_in_the_editor_come_back_after_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let editor = dir.path().join("editor.sh");
    let marker = dir.path().join("editor-wrote");
    fs::write(
        &editor,
        format!(
            "#!/bin/sh\nprintf 'words from my editor\\n' > \"$1\"\ntouch '{}'\nsleep 60\n",
            marker.display()
        ),
    )
    .unwrap();
    fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    journal_with_perspective(&root);
    let mut app = Closer::start_with(
        &root,
        80,
        24,
        &[("VISUAL", editor.to_str().unwrap()), ("EDITOR", "")],
    );
    app.wait_for("c check in");
    app.send("c");
    app.wait_for("step 1 of 10");
    app.press_until("\t", "step 6 of 10", 8);
    app.send("\x05");
    wait_until("the editor never wrote", || marker.exists());
    signal(&app, "-9");
    let _ = app.wait_exit();
    drop(app);
    let _ = std::process::Command::new("pkill")
        .args(["-f", editor.to_str().unwrap()])
        .status();

    let doctor = std::process::Command::new(env!("CARGO_BIN_EXE_closer"))
        .args(["--data-dir", root.to_str().unwrap(), "doctor"])
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&doctor.stdout);
    assert!(!doctor.status.success(), "{report}");
    assert!(report.contains("Text written in your editor"), "{report}");

    let mut again = Closer::start(&root, 80, 24);
    again.wait_for("An unfinished check-in");
    again.send("r");
    again.wait_for("step 6 of 10");
    again.wait_for("words from my editor");
    again.send("\x13");
    again.wait_for("Your check-in is saved.");
    again.send("q");
    assert!(again.wait_exit().success());
    let day = only_day_file(&root);
    assert_eq!(
        day["entries"][0]["responses"][0]["answer"],
        "words from my editor"
    );
    let left: Vec<_> = fs::read_dir(root.join("drafts"))
        .map(|r| r.flatten().map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(
        left.iter()
            .all(|n| !n.to_string_lossy().starts_with("editing-")),
        "{left:?}"
    );
}

/// Issue 15: help is within reach from every screen. `!` opens Support from review, insights
/// and a check-in step; in a text box `!` is typed and F2 opens Support; Esc comes back to
/// where the person was, with what they typed.
#[test]
fn support_opens_with_bang_from_review_insights_and_a_check_in_and_with_f2_while_typing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let mut app = at_reflect(&root);
    app.send("I can't say this out loud!");
    app.wait_for("I can't say this out loud!");
    // F2 (as xterm sends it) while typing: Support, then back to the same words.
    app.send("\x1bOQ");
    app.wait_for("closer is not therapy");
    app.esc();
    app.wait_for("I can't say this out loud!");
    // A step that takes no text: `!` opens Support.
    app.press_until("\t", "step 7 of 10", 5);
    app.send("!");
    app.wait_for("closer is not therapy");
    app.esc();
    app.wait_for("step 7 of 10");
    app.esc();
    app.wait_for("keep the draft and leave");
    app.send("s");
    app.wait_for("c check in");
    for (open, seen) in [("r", "review"), ("i", "7 days")] {
        app.send(open);
        app.wait_for(seen);
        app.send("!");
        app.wait_for("closer is not therapy");
        app.esc();
        app.wait_gone("closer is not therapy");
        app.wait_for(seen);
        app.esc();
        app.wait_for("c check in");
    }
    app.send("q");
    assert!(app.wait_exit().success());
}

/// Issue 17: a prediction made in today's check-in is asked about in the next check-in on its
/// day (the clock moved a day ahead by the test-only CLOSER_TEST_DAYS_AHEAD), and the answer
/// is kept in the entry that made it.
#[test]
fn a_prediction_made_today_is_asked_about_tomorrow_and_the_answer_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    journal_with_perspective(&root);
    let mut app = Closer::start(&root, 80, 24);
    app.wait_for("c check in");
    app.send("c");
    app.wait_for("step 1 of 10");
    app.press_until("\t", "step 8 of 10", 10);
    app.send("She will not call back");
    app.wait_for("She will not call back▏");
    app.wait_for("you will be asked on");
    app.send("\x13"); // Ctrl-S
    app.wait_for("Your check-in is saved.");
    app.send("q");
    assert!(app.wait_exit().success());
    let day = only_day_file(&root);
    assert_eq!(day["schema"], 2, "a day with a prediction carries schema 2");
    assert_eq!(
        day["entries"][0]["predictions"][0]["fear"],
        "She will not call back"
    );

    // The next day: the check-in opens with it.
    let mut next = Closer::start_with(&root, 80, 24, &[("CLOSER_TEST_DAYS_AHEAD", "1")]);
    next.wait_for("c check in");
    next.send("c");
    next.wait_for("look back on a prediction");
    next.wait_for("She will not call back");
    next.send(" "); // "it happened", the first answer
    next.send("\x1b[B"); // ↓ how bad it really was
    next.send("\x1b[C"); // → 1
    next.send("\x1b[C"); // → 2
    next.send("\x1b[B"); // ↓ what happened instead
    next.send("she called on Sunday");
    next.wait_for("she called on Sunday▏");
    next.send("\r");
    next.wait_for("step 1 of 10");
    next.esc();
    next.wait_for("c check in");
    next.send("q");
    assert!(next.wait_exit().success());
    let day = only_day_file(&root);
    let outcome = &day["entries"][0]["predictions"][0]["outcome"];
    assert_eq!(outcome["result"], "yes", "{day}");
    assert_eq!(outcome["badness"], 2);
    assert_eq!(outcome["instead"], "she called on Sunday");
}

/// `closer status` of the journal at `root`, with the clock `minutes` ahead.
fn status_line(root: &std::path::Path, minutes: &str) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_closer"))
        .args(["--data-dir", root.to_str().unwrap(), "status"])
        .env("CLOSER_TEST_MINUTES_AHEAD", minutes)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Issue 34: a break taken from the card for a hard minute, with a time to come back, is
/// kept through quitting closer: home and `closer status` show it while it runs, and once its
/// time has come (the clock moved ahead by the test-only CLOSER_TEST_MINUTES_AHEAD) home asks
/// whether the person went back to it, and the answer is kept with the break.
#[test]
fn a_break_from_the_card_is_asked_about_once_its_time_has_come() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    journal_with_perspective(&root);
    let mut app = Closer::start(&root, 80, 24);
    app.wait_for("c check in");
    app.send("p");
    app.wait_for("Take a break, with a time to come back");
    app.press_until("\t", "▸ → Take a break", 10);
    app.send("\r");
    app.wait_for("Whose break is it?");
    app.send("\x1b[B"); // ↓ when will you come back to it
    app.send(" "); // 20 minutes
    app.send("\x1b[B"); // ↓ a line to say or send
    app.send(" "); // the first
    app.wait_for("[x] I need a break to calm down. I'll come back to this at");
    app.send("\x1b[B"); // ↓ what I'll do until then
    app.send("a walk round the block");
    app.wait_for("a walk round the block▏");
    app.send("\x13"); // Ctrl-S
    app.wait_for("Your break is kept.");
    app.wait_for("20 minutes to go");
    app.esc();
    app.wait_for("On a break until");
    app.send("q");
    assert!(app.wait_exit().success());
    let day = only_day_file(&root);
    assert_eq!(day["schema"], 5, "a day with a break carries schema 5");
    let kept = &day["entries"][0]["time_outs"][0];
    assert_eq!(kept["until_then"], "a walk round the block");
    assert!(kept["back"].is_null(), "{kept}");
    assert!(status_line(&root, "0").contains("on a break until"));
    assert!(status_line(&root, "21").contains("did you go back to it?"));

    // Twenty-one minutes on: home asks, and the answer is kept with the break.
    let mut next = Closer::start_with(&root, 80, 24, &[("CLOSER_TEST_MINUTES_AHEAD", "21")]);
    next.wait_for("Did you go back to it?");
    next.send("g");
    next.wait_for("after a break");
    next.send(" "); // "yes, we talked"
    next.send("\x1b[B");
    next.send("we talked, calmer");
    next.wait_for("we talked, calmer▏");
    next.send("\r");
    next.wait_for("Saved.");
    next.wait_gone("Did you go back to it?");
    next.send("q");
    assert!(next.wait_exit().success());
    let day = only_day_file(&root);
    let back = &day["entries"][0]["time_outs"][0]["back"];
    assert_eq!(back["went"], "yes", "{day}");
    assert_eq!(back["note"], "we talked, calmer");
    let after = status_line(&root, "21");
    assert!(!after.contains("break"), "{after}");
}

/// closer started on `root`, a check-in of a mood alone saved from home; closer left open.
fn check_in_with_a_mood(root: &std::path::Path) -> Closer {
    let mut app = Closer::start(root, 80, 24);
    app.wait_for("c check in");
    app.send("c");
    app.wait_for("step 1 of 10");
    app.send("3");
    app.send("\x13"); // Ctrl-S
    app.wait_for("Your check-in is saved.");
    app
}

/// Issue 18: the first save of a day writes a backup beside the data folder, off the input
/// path; a second save that day does not write another.
#[test]
fn the_first_save_of_the_day_writes_a_backup_and_the_second_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    journal_with_perspective(&root);
    let backups = closer::store::backup::default_dir(&root);
    for round in 0..2 {
        let mut app = check_in_with_a_mood(&root);
        let deadline = Instant::now() + DEADLINE;
        while closer::store::backup::list(&backups).is_empty() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        app.send("q");
        assert!(app.wait_exit().success());
        let archives = closer::store::backup::list(&backups);
        assert_eq!(archives.len(), 1, "round {round}: one backup a day");
        let m = closer::store::backup::manifest_of(&archives[0].path).unwrap();
        assert_eq!(m.entries, 1, "the backup was made after the first save");
    }
}

/// Issue 21 (found by the side-by-side script): quitting right after the first save of a day
/// used to kill the day's backup half written (a temporary file left, no backup). closer now
/// finishes it before it leaves, saying so.
#[test]
fn quitting_right_after_the_first_save_finishes_the_days_backup() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    journal_with_perspective(&root);
    // A journal whose backup takes a while (about 12 MB of text).
    let mut many = Vec::new();
    for n in 0..4000u32 {
        let day =
            chrono::NaiveDate::from_ymd_opt(2010, 1, 1).unwrap() + chrono::Days::new(u64::from(n));
        let mut e = entry(&format!("{day}T20:00:00+01:00"), n);
        e.notes = "a long evening of thinking it over, ".repeat(80);
        many.push(e);
    }
    Store::open(&root).unwrap().add_entries(many).unwrap();
    let backups = closer::store::backup::default_dir(&root);
    let mut app = check_in_with_a_mood(&root);
    app.send("q");
    assert!(app.wait_exit().success());
    let archives = closer::store::backup::list(&backups);
    assert_eq!(archives.len(), 1, "the day's backup was written");
    let m = closer::store::backup::manifest_of(&archives[0].path).unwrap();
    assert_eq!(m.entries, 4001);
    let leftovers: Vec<_> = fs::read_dir(&backups)
        .unwrap()
        .flatten()
        .filter(|f| f.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// Issue 37, item 5: `closer review` on a journal with entries but no `state.json` (an
/// import, a generated journal) asks Welcome's question, then opens review, not home.
#[test]
fn closer_review_without_state_json_opens_review_after_welcome() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    {
        let store = Store::open(&root).unwrap();
        store
            .save_entry(&entry("2026-11-20T09:00:00+01:00", 1))
            .unwrap();
    }
    assert!(!root.join("state.json").exists());
    let mut app = Closer::start_args(&root, 80, 24, &["review"]);
    app.wait_for("Welcome to closer");
    app.wait_for("1 2 3 choose");
    app.send("1");
    app.wait_for("20 November");
    app.wait_gone("Not checked in yet today.");
    app.send("q");
    app.esc();
    app.wait_for("Not checked in yet today.");
    app.send("q");
    assert!(app.wait_exit().success());
}

/// Issue 36: the terminal's own cursor is where the caret is, so screen readers, magnifiers and
/// input methods, which follow it, can follow closer: after what is typed (a CJK character two
/// columns wide, a wrapped line on the row it wrapped to), on the selected row of a list as it
/// moves, hidden on a page with neither, and shown again when closer leaves.
#[test]
fn the_terminal_cursor_sits_at_the_caret_and_on_the_selected_row() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    {
        let store = Store::open(&root).unwrap();
        for (n, day) in ["19", "20", "21"].iter().enumerate() {
            let n = u32::try_from(n).unwrap();
            store
                .save_entry(&entry(&format!("2026-11-{day}T09:00:00+01:00"), n))
                .unwrap();
        }
    }
    let mut app = at_reflect(&root);
    // The cell `back` columns left of the cursor holds `symbol`.
    let before = |symbol: &'static str, back: u16| {
        move |s: &vt100::Screen| {
            let (row, col) = s.cursor_position();
            col >= back
                && s.cell(row, col - back)
                    .is_some_and(|c| c.contents() == symbol)
        }
    };
    app.send("I said 我們");
    app.wait_for("I said 我們");
    let (first_row, col) = app.wait_cursor("just after 們", before("們", 2));
    assert_eq!(
        app.cell(first_row, col - 11),
        "I",
        "after \"I said \" and two wide characters"
    );
    // Long enough to wrap in the answer box, ending in a CJK word.
    app.send(" and then we sat together in the kitchen for a long while, saying nothing 今天");
    app.wait_for("今天");
    let (row, col) = app.wait_cursor("after 天", before("天", 2));
    assert!(row > first_row, "on the row the answer wrapped to");
    // ← goes back over the whole wide character.
    app.send("\x1b[D");
    assert_eq!(app.wait_cursor("on 天", before("天", 0)), (row, col - 2));

    // A list: review's rows, the cursor on the selected one's marker, moving with it.
    app.send("\x13"); // Ctrl-S
    app.wait_for("You checked in today.");
    let start = Instant::now();
    while !app.cursor_hidden() {
        assert!(start.elapsed() < DEADLINE, "home shows no cursor");
        std::thread::sleep(Duration::from_millis(20));
    }
    app.send("r");
    let (top, col) = app.wait_cursor("on the selected row", before("▸", 0));
    app.send("\x1b[B");
    let (next, next_col) = app.wait_cursor("on the row below", move |s| {
        s.cursor_position().0 > top && before("▸", 0)(s)
    });
    assert_eq!(next_col, col);
    assert!(next > top);
    app.esc();
    app.wait_for("You checked in today.");
    app.send("q");
    assert!(app.wait_exit().success());
    assert!(app.left_alternate_screen());
    assert!(!app.cursor_hidden(), "the shell gets its cursor back");
}

/// Issue 36: `closer checkin --date yesterday` opens the check-in for yesterday; it is saved
/// in yesterday's day file, marked as written today (schema 6), and counted for yesterday.
#[test]
fn closer_checkin_date_yesterday_saves_in_yesterdays_file_marked_as_written_later() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    journal_with_perspective(&root);
    let today = closer::clock::today();
    let yesterday = today.pred_opt().unwrap();
    let mut app = Closer::start_args(&root, 80, 24, &["checkin", "--date", "yesterday"]);
    app.wait_for("For which day?");
    app.wait_for("‹ yesterday,");
    app.send("4");
    app.send("\x13"); // Ctrl-S
    app.wait_for("is saved, marked as written later.");
    app.send("q");
    assert!(app.wait_exit().success());
    let layout = closer::store::Layout::new(&root);
    let text = fs::read_to_string(layout.day_file(yesterday)).unwrap();
    assert!(text.starts_with("{\n  \"schema\": 6,"), "{text}");
    assert!(!layout.day_file(today).exists(), "nothing in today's file");
    let entries = Store::open(&root).unwrap().load().entries;
    let [e] = &entries[..] else {
        panic!("{entries:?}")
    };
    assert_eq!(e.date, yesterday);
    assert_eq!(e.written_on, Some(today));
    assert_eq!(e.mood.map(|m| m.get()), Some(4));
}

/// Whether nothing on the screen is coloured or styled, and the main screen is in use (the
/// plain check-in draws nothing: it writes lines).
fn plain_text_only(app: &Closer) -> bool {
    let parser = app.screen.lock().unwrap();
    let screen = parser.screen();
    let (rows, cols) = screen.size();
    let styled = (0..rows).any(|r| {
        (0..cols).any(|c| {
            screen.cell(r, c).is_some_and(|cell| {
                cell.fgcolor() != vt100::Color::Default
                    || cell.bgcolor() != vt100::Color::Default
                    || cell.bold()
                    || cell.inverse()
                    || cell.underline()
            })
        })
    });
    !styled && !screen.alternate_screen()
}

/// Issue 36: `closer checkin --plain` in a terminal: a prompt before each answer, `?` and
/// `!` answered in place, plain lines only (no colour, no other screen), and the entry saved.
#[test]
fn the_plain_check_in_in_a_terminal_asks_line_by_line_in_plain_text() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    journal_with_perspective(&root);
    let mut app = Closer::start_args(&root, 80, 24, &["checkin", "--plain"]);
    app.wait_for("How are you feeling?");
    app.wait_for("> ");
    assert!(plain_text_only(&app), "{}", app.contents());
    app.send("?\r");
    app.wait_for("Mood from 1 (very low) to 5 (very good)");
    app.send("4\r");
    app.wait_for("How close do you feel to your partner today?");
    app.send("!\r");
    app.wait_for("Back to the question:");
    assert!(
        app.contents().contains("Finding professional help"),
        "{}",
        app.contents()
    );
    app.send("3\r");
    app.wait_for("Which feelings were there today?");
    app.send("calm, grateful\r");
    app.wait_for("Did anything stir up distance today?");
    assert!(plain_text_only(&app), "{}", app.contents());
    app.send("/save\r");
    app.wait_for("Your check-in is saved.");
    assert!(app.wait_exit().success());
    assert!(plain_text_only(&app), "{}", app.contents());
    let day = only_day_file(&root);
    let e = &day["entries"][0];
    assert_eq!(e["mood"], 4);
    assert_eq!(e["closeness"], 3);
    assert_eq!(e["emotions"], serde_json::json!(["calm", "grateful"]));
}

/// Issue 36: the same check-in, with keys in the interface and with lines in the plain
/// check-in, saves the same entry (ids and times apart).
#[test]
fn the_plain_check_in_saves_what_the_interface_saves_for_the_same_answers() {
    let dir = tempfile::tempdir().unwrap();
    let (tui_root, plain_root) = (dir.path().join("tui"), dir.path().join("plain"));
    journal_with_perspective(&tui_root);
    journal_with_perspective(&plain_root);
    // The interface: mood 2, closeness 4, anxiety at 4, an answer, the first suggestion.
    let mut app = Closer::start_args(&tui_root, 80, 24, &["checkin"]);
    check_in_with_keys_to_a_planned_strategy(&mut app);
    app.send("\x13");
    app.wait_for("Your check-in is saved.");
    app.send("q");
    assert!(app.wait_exit().success());
    // The plain check-in, the same answers as lines.
    let mut plain = Closer::start_args(&plain_root, 80, 24, &["checkin", "--plain"]);
    for (answer, next) in [
        ("2", "How close do you feel"),
        ("4", "Which feelings were there today?"),
        ("", "Did anything stir up distance today?"),
        ("anxiety", "Anxiety: how strongly"),
        ("4", "Being checked up on, or cut off from people or money"),
        ("", "A moment: what happened?"),
        ("", "Question 1 of"),
        ("I went quiet after dinner.", "> "),
        ("/next", "Something to try: which will you try?"),
        ("1", "What do you fear will happen?"),
        ("/save", "Your check-in is saved."),
    ] {
        plain.send(&format!("{answer}\r"));
        plain.wait_for(next);
    }
    assert!(plain.wait_exit().success());
    let strip = |root: &std::path::Path| {
        let mut e = only_day_file(root)["entries"][0].clone();
        for key in ["id", "created_at", "updated_at"] {
            e.as_object_mut().unwrap().remove(key);
        }
        e
    };
    let (tui, plain) = (strip(&tui_root), strip(&plain_root));
    assert_eq!(
        tui, plain,
        "the interface's:\n{tui:#}\nthe plain one's:\n{plain:#}"
    );
    assert_eq!(
        plain["responses"][0]["answer"],
        "I went quiet after dinner."
    );
    assert_eq!(plain["strategies"][0]["planned"], true);
}
