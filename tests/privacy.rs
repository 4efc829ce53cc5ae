//! Encryption at rest on the built binary and the store: `closer encrypt`, `decrypt` and
//! `passphrase`; that no byte of what a person wrote is left readable; a check-in written
//! while locked; the age tool reading what closer wrote; kills during a conversion.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use age::secrecy::SecretString;
use closer::journal::Preferences;
use closer::store::{Layout, Store, crypto};
use common::{entry, files_under};

const PASS: &str = "a long walk by the river";
const MARKER: &str = "MARKER-7f3a-his-drinking";

/// Runs closer on `data` with `stdin` as the passphrase descriptor's input.
fn closer(data: &Path, args: &[&str], stdin: &str) -> (Output, String) {
    let child = spawn(data, args, stdin);
    let out = child.wait_with_output().unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out, text)
}

/// [`common::spawn_with_passphrase`] on the journal at `data`.
fn spawn(data: &Path, args: &[&str], stdin: &str) -> std::process::Child {
    let mut all: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
    all.extend([std::ffi::OsStr::new("--data-dir"), data.as_os_str()]);
    common::spawn_with_passphrase(&all, stdin, &[])
}

/// A journal with the marker in an entry, a deleted entry, a draft and the person's own
/// trigger name.
fn journal_with_marker(root: &Path) {
    let store = Store::open(root).unwrap();
    let mut e = entry("2026-11-20T09:00:00+01:00", 1);
    e.notes = format!("I wrote {MARKER} here");
    store.save_entry(&e).unwrap();
    let mut gone = entry("2026-11-21T09:00:00+01:00", 2);
    gone.notes = format!("deleted {MARKER}");
    store.save_entry(&gone).unwrap();
    store
        .delete_entry(gone.date, &gone.id, common::at("2026-11-21T10:00:00+01:00"))
        .unwrap();
    store
        .save_draft(
            &serde_json::json!({"notes": format!("draft {MARKER}")}),
            common::at("2026-11-22T10:00:00+01:00"),
        )
        .unwrap();
    let prefs = Preferences {
        custom_triggers: vec![MARKER.to_owned()],
        ..Preferences::default()
    };
    store.save_preferences(&prefs).unwrap();
}

/// Files under `root` whose bytes contain `needle`.
fn files_holding(root: &Path, needle: &str) -> Vec<std::path::PathBuf> {
    files_under(root)
        .into_iter()
        .filter(|p| p.is_file())
        .filter(|p| {
            fs::read(p)
                .unwrap()
                .windows(needle.len())
                .any(|w| w == needle.as_bytes())
        })
        .collect()
}

#[test]
fn once_encrypted_no_file_holds_a_word_and_decrypt_gives_every_word_back() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    journal_with_marker(&root);
    assert_eq!(files_holding(&root, MARKER).len(), 4, "the fixture has it");

    let (out, text) = closer(&root, &["encrypt"], &format!("{PASS}\n{PASS}\n"));
    assert!(out.status.success(), "{text}");
    assert!(text.contains("Encrypted 3 files"), "{text}");
    assert_eq!(
        files_holding(&root, MARKER),
        Vec::<std::path::PathBuf>::new()
    );
    assert!(root.join("identity.age").is_file() && root.join("recipient.txt").is_file());
    // doctor, unlocked, finds every file encrypted and healthy.
    let (out, text) = closer(&root, &["doctor"], &format!("{PASS}\n"));
    assert!(out.status.success(), "{text}");

    // Read back with the passphrase: the export (plaintext, said so on stderr).
    let (out, text) = closer(&root, &["export", "--format", "json"], &format!("{PASS}\n"));
    assert!(out.status.success(), "{text}");
    assert!(text.contains(MARKER), "{text}");
    assert!(
        text.contains("is not encrypted, though your journal is"),
        "{text}"
    );

    // A wrong passphrase says so and changes nothing.
    let before: Vec<_> = files_under(&root)
        .into_iter()
        .filter(|p| p.is_file())
        .map(|p| (fs::read(&p).unwrap(), p))
        .collect();
    for args in [
        &["export", "--format", "json"][..],
        &["decrypt"],
        &["stats"],
    ] {
        let (out, text) = closer(&root, args, "not it\n");
        assert!(!out.status.success(), "{args:?}");
        assert!(text.contains("does not unlock this journal"), "{text}");
        assert!(!text.contains(MARKER));
    }
    let after: Vec<_> = files_under(&root)
        .into_iter()
        .filter(|p| p.is_file())
        .map(|p| (fs::read(&p).unwrap(), p))
        .collect();
    assert_eq!(before, after, "a wrong passphrase changed a file");

    // A new passphrase: the old one no longer opens it; only identity.age changed.
    let (out, text) = closer(
        &root,
        &["passphrase"],
        &format!("{PASS}\nsomething new entirely\nsomething new entirely\n"),
    );
    assert!(out.status.success(), "{text}");
    let changed: Vec<_> = files_under(&root)
        .into_iter()
        .filter(|p| p.is_file())
        .map(|p| (fs::read(&p).unwrap(), p))
        .filter(|x| !before.contains(x))
        .map(|(_, p)| p)
        .collect();
    assert_eq!(changed, vec![root.join("identity.age")]);
    let (out, _) = closer(&root, &["stats"], &format!("{PASS}\n"));
    assert!(!out.status.success());
    let (out, text) = closer(&root, &["stats"], "something new entirely\n");
    assert!(out.status.success(), "{text}");

    // Decrypt: every word back, in plain files, and the key gone.
    let (out, text) = closer(&root, &["decrypt"], "something new entirely\n");
    assert!(out.status.success(), "{text}");
    assert_eq!(files_holding(&root, MARKER).len(), 4);
    assert!(!root.join("identity.age").exists());
    let prefs = closer::store::read_preferences(&Layout::new(&root)).unwrap();
    assert_eq!(prefs.custom_triggers, vec![MARKER.to_owned()]);
    let (out, text) = closer(&root, &["doctor"], "");
    assert!(out.status.success(), "{text}");
}

#[test]
fn a_locked_journal_takes_new_entries_and_shows_them_after_unlock() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    let layout = Layout::new(&root);
    {
        let store = Store::open(&root).unwrap();
        store
            .save_entry(&entry("2026-11-20T09:00:00+01:00", 1))
            .unwrap();
        crypto::create(&layout, &SecretString::from(PASS.to_owned())).unwrap();
        closer::store::convert::encrypt(&store, &SecretString::from(PASS.to_owned()), |_, _| {})
            .unwrap();
    }
    crypto::lock(&layout);
    let store = Store::open(&root).unwrap();
    // Locked: the past cannot be read…
    assert!(store.load().entries.is_empty());
    // …but a check-in can be written: into a new day directly, into a day that has a file
    // through the inbox. Nothing of it is readable on disk.
    let mut same_day = entry("2026-11-20T20:00:00+01:00", 2);
    same_day.notes = MARKER.to_owned();
    let mut new_day = entry("2026-11-23T20:00:00+01:00", 3);
    new_day.notes = MARKER.to_owned();
    store.save_entry(&same_day).unwrap();
    store.save_entry(&new_day).unwrap();
    assert!(layout.inbox_dir().read_dir().unwrap().count() == 1);
    assert!(files_holding(&root, MARKER).is_empty());
    // Unlocked: all three, and the inbox settles into its day.
    crypto::unlock(&layout, &SecretString::from(PASS.to_owned())).unwrap();
    assert_eq!(store.load().entries.len(), 3);
    assert_eq!(store.settle_inbox().unwrap(), 1);
    assert_eq!(layout.inbox_dir().read_dir().unwrap().count(), 0);
    let scan = store.load();
    assert_eq!(scan.entries.len(), 3);
    assert!(scan.problems.is_empty(), "{:?}", scan.problems);
    assert_eq!(store.day(same_day.date).unwrap().len(), 2);
    crypto::lock(&layout);
}

#[test]
fn a_day_file_decrypts_with_the_age_crate_and_with_the_age_tool() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    journal_with_marker(&root);
    let (out, text) = closer(&root, &["encrypt"], &format!("{PASS}\n{PASS}\n"));
    assert!(out.status.success(), "{text}");
    let day = root.join("entries/2026/2026-11-20.json");
    // The identity, with the age crate's own API (scrypt, then x25519), as the README says.
    let sealed_id = fs::read(root.join("identity.age")).unwrap();
    let id_text = String::from_utf8(
        age::decrypt(
            &age::scrypt::Identity::new(SecretString::from(PASS.to_owned())),
            &sealed_id,
        )
        .unwrap(),
    )
    .unwrap();
    let identity: age::x25519::Identity = id_text
        .lines()
        .find(|l| l.starts_with("AGE-SECRET-KEY-"))
        .unwrap()
        .parse()
        .unwrap();
    let plain = age::decrypt(&identity, &fs::read(&day).unwrap()).unwrap();
    assert!(String::from_utf8(plain).unwrap().contains(MARKER));

    // The Go age tool (Debian package `age`; CI installs it).
    if !common::needs::tool("age", "to decrypt a day file with it (apt-get install age)") {
        return;
    }
    let version = Command::new("age").arg("--version").output().unwrap();
    assert!(version.status.success());
    let id_file = dir.path().join("id.txt");
    fs::write(&id_file, &id_text).unwrap();
    let out = Command::new("age")
        .args(["-d", "-i"])
        .arg(&id_file)
        .arg(&day)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains(MARKER));

    // As the README says: the encrypted identity as it is, age asking for the passphrase on
    // the terminal; no plain key on the disk.
    #[cfg(unix)]
    {
        let mut cmd = portable_pty::CommandBuilder::new("age");
        cmd.args(["-d", "-i"]);
        cmd.arg(root.join("identity.age"));
        cmd.arg(&day);
        let mut age = common::pty::Closer::command(cmd, &root, 200, 24, &[]);
        age.wait_for("passphrase");
        age.send(&format!("{PASS}\r"));
        age.wait_for(MARKER);
    }
}

/// Kills `closer encrypt` / `decrypt` at random moments; each file is whole (plain JSON or
/// age) at every kill, and running the command again finishes with every entry there.
#[cfg(unix)]
#[test]
fn a_conversion_killed_at_any_moment_loses_nothing_and_finishes_when_run_again() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    let store = Store::open(&root).unwrap();
    let mut all = Vec::new();
    for d in 0..1200u32 {
        let day =
            chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + chrono::Days::new(d.into());
        let e = entry(&format!("{day}T09:00:00+01:00"), d);
        all.push(e.clone());
        all.sort_by(|a, b| a.id.cmp(&b.id));
    }
    store.add_entries(all.clone()).unwrap();
    drop(store);
    let check = |phase: &str| {
        for p in files_under(&root.join("entries"))
            .into_iter()
            .filter(|p| p.is_file())
        {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            if name.starts_with(".closer-tmp-") {
                continue;
            }
            let bytes = fs::read(&p).unwrap();
            assert!(
                crypto::is_sealed(&bytes)
                    || serde_json::from_slice::<serde_json::Value>(&bytes).is_ok(),
                "{phase}: {} is torn",
                p.display()
            );
        }
    };
    let mut seed = 0x2545_f491_u64;
    let first = root.join("entries/2025/2025-01-01.json");
    let mut mixed = 0;
    for command in ["encrypt", "decrypt"] {
        for round in 0..6u64 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            // The new passphrase twice (encrypt's first run); a resumed run reads one line.
            let mut child = spawn(&root, &[command], &format!("{PASS}\n{PASS}\n"));
            // The first rounds kill at a random moment from the start (in the key's scrypt,
            // say); the others once the first day file is converted, a random moment into the
            // rest.
            if round >= 2 {
                let target = command == "encrypt";
                let started = std::time::Instant::now();
                while crypto::is_sealed(&fs::read(&first).unwrap_or_default()) != target
                    && started.elapsed() < std::time::Duration::from_secs(20)
                    && child.try_wait().unwrap().is_none()
                {
                    std::thread::sleep(std::time::Duration::from_micros(200));
                }
            }
            std::thread::sleep(std::time::Duration::from_millis(seed % 60));
            let _ = child.kill();
            let _ = child.wait();
            let sealed: Vec<bool> = files_under(&root.join("entries"))
                .into_iter()
                .filter(|p| p.is_file())
                .map(|p| crypto::is_sealed(&fs::read(&p).unwrap()))
                .collect();
            if sealed.contains(&true) && sealed.contains(&false) {
                mixed += 1;
            }
            check(command);
        }
        let (out, text) = closer(&root, &[command], &format!("{PASS}\n"));
        assert!(out.status.success(), "{command}: {text}");
        check(command);
        let layout = Layout::new(&root);
        if command == "encrypt" {
            crypto::unlock(&layout, &SecretString::from(PASS.to_owned())).unwrap();
            for p in closer::store::convert::journal_files(&layout) {
                assert!(crypto::is_sealed(&fs::read(&p).unwrap()), "{}", p.display());
            }
        } else {
            assert!(!crypto::is_encrypted(&layout));
        }
        let mut read = Store::open(&root).unwrap().load().entries;
        read.sort_by(|a, b| a.id.cmp(&b.id));
        assert_eq!(read, all, "after {command}");
        crypto::lock(&layout);
    }
    assert!(
        mixed >= 2,
        "only {mixed} kills landed part way through a conversion"
    );
}

/// A journal at `root` with the perspective chosen, one entry holding the marker, encrypted
/// with [`PASS`] and locked.
#[cfg(unix)]
fn encrypted_journal(root: &Path) {
    common::pty::journal_with_perspective(root);
    let store = Store::open(root).unwrap();
    let mut e = entry("2026-11-20T09:00:00+01:00", 1);
    e.notes = format!("old words {MARKER}");
    store.save_entry(&e).unwrap();
    closer::store::convert::encrypt(&store, &SecretString::from(PASS.to_owned()), |_, _| {})
        .unwrap();
    crypto::lock(&Layout::new(root));
}

/// Types the passphrase and Enter.
#[cfg(unix)]
fn enter_passphrase(app: &mut common::pty::Closer) {
    app.send(PASS);
    app.send("\r");
}

/// Types the passphrase into the prompt once it shows.
#[cfg(unix)]
fn type_passphrase(app: &mut common::pty::Closer) {
    app.wait_for("Type your passphrase");
    enter_passphrase(app);
}

#[cfg(unix)]
#[test]
fn the_first_frame_is_the_prompt_a_wrong_passphrase_is_said_and_quick_hide_locks_again() {
    use common::pty::Closer;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    encrypted_journal(&root);
    let mut app = Closer::start(&root, 80, 24);
    app.wait_for("Type your passphrase to open it");
    assert!(!app.contents().contains("check in"), "{}", app.contents());
    app.send("not it");
    app.wait_for("(typed; not shown)");
    assert!(!app.contents().contains("not it"));
    app.send("\r");
    app.wait_for("That is not the passphrase");
    enter_passphrase(&mut app);
    app.wait_for("c check in");
    app.send("r");
    app.wait_for("Answer number 1");
    // Quick hide from review: a blank screen at once.
    app.send("\x11"); // Ctrl-Q
    app.wait_gone("closer");
    std::thread::sleep(std::time::Duration::from_millis(200));
    assert!(app.contents().trim().is_empty(), "{}", app.contents());
    // Any key: the prompt, not the journal.
    app.send("x");
    app.wait_for("Type your passphrase to come back");
    assert!(!app.contents().contains("Answer number 1"));
    enter_passphrase(&mut app);
    app.wait_for("Answer number 1");
    // Ctrl-Q twice leaves.
    app.send("\x11");
    app.wait_gone("closer");
    app.send("\x11");
    assert!(app.wait_exit().success());
}

#[cfg(unix)]
#[test]
fn auto_lock_writes_the_draft_encrypted_and_asks_again() {
    use common::pty::Closer;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    encrypted_journal(&root);
    let config = root.join("config-home/closer");
    fs::create_dir_all(&config).unwrap();
    fs::write(config.join("config.toml"), "auto_lock = \"2s\"\n").unwrap();
    let mut app = Closer::start(&root, 80, 24);
    type_passphrase(&mut app);
    app.wait_for("c check in");
    app.send("c");
    app.wait_for("step 1 of 10");
    app.send("4");
    app.wait_for("locked itself");
    assert!(!app.contents().contains("step 1 of 10"));
    let draft = fs::read(root.join("drafts/current.json")).unwrap();
    assert!(crypto::is_sealed(&draft), "the draft is written encrypted");
    enter_passphrase(&mut app);
    app.wait_for("step 1 of 10");
    app.wait_for("[4 good]");
    app.send("\x03"); // Ctrl-C: the check-in is kept
    assert!(app.wait_exit().success());
}

#[cfg(unix)]
#[test]
fn closer_checkin_writes_a_check_in_without_unlocking_and_shows_nothing_of_the_past() {
    use common::pty::Closer;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    encrypted_journal(&root);
    let mut app = Closer::start_args(&root, 80, 24, &["checkin"]);
    app.wait_for("Ctrl-N");
    app.send("\x0e"); // Ctrl-N
    app.wait_for("step 1 of 10");
    app.send("2");
    app.press_until("\t", "step 6 of 10", 8);
    app.send("new words NEWMARK");
    app.wait_for("NEWMARK");
    app.send("\x13"); // Ctrl-S
    app.wait_for("Your check-in is saved, encrypted");
    assert!(!app.contents().contains("Answer number 1"));
    app.send("\x03");
    assert!(app.wait_exit().success());
    assert!(
        files_holding(&root, "NEWMARK").is_empty(),
        "written encrypted"
    );
    // Unlocked: both entries.
    crypto::unlock(&Layout::new(&root), &SecretString::from(PASS.to_owned())).unwrap();
    let entries = Store::open(&root).unwrap().load().entries;
    assert_eq!(entries.len(), 2);
    assert!(
        entries
            .iter()
            .any(|e| e.responses.iter().any(|r| r.answer.contains("NEWMARK")))
    );
    crypto::lock(&Layout::new(&root));
}

/// The editor hand-off of an encrypted journal: the plain text is in the private runtime
/// folder while the editor runs (never in the data folder), and removed after.
#[cfg(unix)]
#[test]
fn the_editor_gets_its_text_outside_the_data_folder_and_it_is_removed_after() {
    use common::pty::Closer;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    let runtime = dir.path().join("run");
    fs::create_dir(&runtime).unwrap();
    fs::set_permissions(
        &runtime,
        std::os::unix::fs::PermissionsExt::from_mode(0o700),
    )
    .unwrap();
    encrypted_journal(&root);
    let editor = dir.path().join("editor.sh");
    let seen = dir.path().join("seen");
    fs::write(
        &editor,
        format!(
            "#!/bin/sh\nprintf 'EDITMARK from my editor\\n' > \"$1\"\necho \"$1\" > '{seen}'\n\
             grep -rl EDITMARK '{root}' >> '{seen}.data' 2>/dev/null\nexit 0\n",
            seen = seen.display(),
            root = root.display()
        ),
    )
    .unwrap();
    fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let mut app = Closer::start_with(
        &root,
        80,
        24,
        &[
            ("VISUAL", editor.to_str().unwrap()),
            ("EDITOR", ""),
            ("XDG_RUNTIME_DIR", runtime.to_str().unwrap()),
        ],
    );
    type_passphrase(&mut app);
    app.wait_for("c check in");
    app.send("c");
    app.wait_for("step 1 of 10");
    app.press_until("\t", "step 6 of 10", 8);
    app.send("\x05"); // Ctrl-E
    app.wait_for("EDITMARK from my editor");
    let given = fs::read_to_string(&seen).unwrap();
    assert!(
        given.trim().starts_with(runtime.to_str().unwrap()),
        "{given}"
    );
    assert!(
        fs::read_to_string(format!("{}.data", seen.display()))
            .unwrap_or_default()
            .trim()
            .is_empty(),
        "the data folder held the text while the editor ran"
    );
    assert!(
        !Path::new(given.trim()).exists(),
        "the plain copy is removed"
    );
    app.send("\x13");
    app.wait_for("Your check-in is saved.");
    app.send("q");
    assert!(app.wait_exit().success());
    assert!(files_holding(&root, "EDITMARK").is_empty());
    assert!(files_holding(&runtime, "EDITMARK").is_empty());
}

/// The cache of an encrypted journal never shows a day other than its file holds: written on
/// the first load, used after, and passed over for a day saved, edited in place, or removed.
#[test]
fn the_cache_of_an_encrypted_journal_follows_its_day_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    let layout = Layout::new(&root);
    let store = Store::open(&root).unwrap();
    let mut all = Vec::new();
    for d in 0..100u32 {
        let day =
            chrono::NaiveDate::from_ymd_opt(2025, 3, 1).unwrap() + chrono::Days::new(d.into());
        all.push(entry(&format!("{day}T09:00:00+01:00"), d));
    }
    store.add_entries(all.clone()).unwrap();
    closer::store::convert::encrypt(&store, &SecretString::from(PASS.to_owned()), |_, _| {})
        .unwrap();
    assert!(!layout.cache_file().exists());
    let first = closer::store::load(&layout);
    assert_eq!(first.entries.len(), 100);
    let cache = fs::read(layout.cache_file()).unwrap();
    assert!(crypto::is_sealed(&cache), "the cache is encrypted too");
    assert_eq!(closer::store::load(&layout).entries, first.entries);
    let untouched = fs::read(layout.cache_file()).unwrap();
    assert_eq!(
        untouched, cache,
        "nothing changed: the cache is not written again"
    );

    // Saved through closer: the new version.
    let mut changed = first.entries[10].clone();
    changed.notes = "changed by a save".into();
    store.save_entry(&changed).unwrap();
    let after = closer::store::load(&layout);
    assert!(after.entries.iter().any(|e| e.notes == "changed by a save"));
    // Edited in place by another program (same file, same size): the file wins.
    let victim = layout.day_file(first.entries[20].date);
    let plain = crypto::open(&layout, &victim, fs::read(&victim).unwrap()).unwrap();
    let text = String::from_utf8(plain)
        .unwrap()
        .replace("note 20", "note XX");
    let sealed = crypto::seal(&layout, &victim, text.into_bytes()).unwrap();
    fs::write(&victim, sealed).unwrap();
    let after = closer::store::load(&layout);
    assert!(
        after
            .entries
            .iter()
            .any(|e| e.triggers[0].note == "note XX"),
        "an edit in place is read"
    );
    // Removed: gone from the journal too.
    fs::remove_file(layout.day_file(first.entries[30].date)).unwrap();
    let after = closer::store::load(&layout);
    assert_eq!(after.entries.len(), 99);
    assert!(!after.entries.iter().any(|e| e.id == first.entries[30].id));
    // A damaged cache is no cache.
    fs::write(layout.cache_file(), b"age-encryption.org/v1\nrubbish").unwrap();
    assert_eq!(closer::store::load(&layout).entries.len(), 99);
    // Locked, it is not read at all.
    crypto::lock(&layout);
    assert!(closer::store::load(&layout).entries.is_empty());
    // Decrypt removes it.
    closer::store::convert::decrypt(&store, &SecretString::from(PASS.to_owned()), |_, _| {})
        .unwrap();
    assert!(!layout.cache_file().exists());
}

/// Backups of an encrypted journal hold its files encrypted; restored into an empty folder
/// the key comes along, and the passphrase it had opens it.
#[test]
fn a_backup_of_an_encrypted_journal_is_encrypted_and_restores_with_its_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    journal_with_marker(&root);
    let (out, text) = closer(&root, &["encrypt"], &format!("{PASS}\n{PASS}\n"));
    assert!(out.status.success(), "{text}");
    let backups = dir.path().join("backups");
    let (out, text) = closer(&root, &["backup", "--to", backups.to_str().unwrap()], "");
    assert!(out.status.success(), "{text}");
    let archive = fs::read_dir(&backups)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let unpacked = dir.path().join("unpacked");
    fs::create_dir(&unpacked).unwrap();
    let tar = Command::new("tar")
        .arg("xzf")
        .arg(&archive)
        .arg("-C")
        .arg(&unpacked)
        .status()
        .unwrap();
    assert!(tar.success());
    assert!(
        files_holding(&unpacked, MARKER).is_empty(),
        "the backup holds words in the clear"
    );
    let new = dir.path().join("restored");
    let (out, text) = closer(
        &new,
        &["restore", archive.to_str().unwrap()],
        &format!("{PASS}\n"),
    );
    assert!(out.status.success(), "{text}");
    assert!(new.join("identity.age").is_file(), "the key came along");
    assert!(files_holding(&new, MARKER).is_empty());
    let (out, text) = closer(&new, &["export", "--format", "json"], &format!("{PASS}\n"));
    assert!(out.status.success(), "{text}");
    assert!(text.contains(MARKER), "{text}");
}

/// doctor, unlocked, names a day file left in plain text in an encrypted journal, and says
/// what to do; `closer encrypt` run again encrypts it.
#[test]
fn doctor_names_a_plain_file_in_an_encrypted_journal_and_encrypt_again_fixes_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    journal_with_marker(&root);
    let (out, text) = closer(&root, &["encrypt"], &format!("{PASS}\n{PASS}\n"));
    assert!(out.status.success(), "{text}");
    let stray = Layout::new(&root).day_file(common::day("2026-11-25"));
    fs::write(
        &stray,
        serde_json::to_vec(&serde_json::json!({
            "schema": 1, "date": "2026-11-25",
            "entries": [entry("2026-11-25T09:00:00+01:00", 9)]
        }))
        .unwrap(),
    )
    .unwrap();
    let (out, text) = closer(&root, &["doctor"], &format!("{PASS}\n"));
    assert!(!out.status.success(), "{text}");
    assert!(text.contains("2026-11-25.json"), "{text}");
    assert!(
        text.contains("Not encrypted, in an encrypted journal"),
        "{text}"
    );
    assert!(text.contains("closer encrypt"), "{text}");
    let (out, text) = closer(&root, &["encrypt"], &format!("{PASS}\n{PASS}\n"));
    assert!(out.status.success(), "{text}");
    assert!(crypto::is_sealed(&fs::read(&stray).unwrap()));
    let (out, text) = closer(&root, &["doctor"], &format!("{PASS}\n"));
    assert!(out.status.success(), "{text}");
}

/// `closer export --encrypt` and `--recipient`: the export is an age file, for the journal's
/// own key or someone else's, and nothing of it is plain.
#[test]
fn an_export_can_be_encrypted_to_the_journals_key_or_another() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    journal_with_marker(&root);
    let (out, text) = closer(&root, &["export", "--format", "json", "--encrypt"], "");
    assert!(!out.status.success());
    assert!(text.contains("this journal is not encrypted"), "{text}");
    let theirs = age::x25519::Identity::generate();
    let to_them = dir.path().join("for-them.json.age");
    let (out, text) = closer(
        &root,
        &[
            "export",
            "--format",
            "json",
            "--recipient",
            &theirs.to_public().to_string(),
            "-o",
            to_them.to_str().unwrap(),
        ],
        "",
    );
    assert!(out.status.success(), "{text}");
    let sealed = fs::read(&to_them).unwrap();
    assert!(crypto::is_sealed(&sealed));
    let plain = String::from_utf8(age::decrypt(&theirs, &sealed).unwrap()).unwrap();
    assert!(plain.contains(MARKER));
    let (out, text) = closer(
        &root,
        &["export", "--format", "json", "--recipient", "age1nope"],
        "",
    );
    assert!(!out.status.success());
    assert!(text.contains("is not an age recipient"), "{text}");

    let (out, text) = closer(&root, &["encrypt"], &format!("{PASS}\n{PASS}\n"));
    assert!(out.status.success(), "{text}");
    let mine = dir.path().join("mine.md.age");
    let (out, text) = closer(
        &root,
        &[
            "export",
            "--format",
            "markdown",
            "--encrypt",
            "-o",
            mine.to_str().unwrap(),
        ],
        &format!("{PASS}\n"),
    );
    assert!(out.status.success(), "{text}");
    assert!(
        !text.contains("is not encrypted"),
        "no plaintext note: {text}"
    );
    let layout = Layout::new(&root);
    crypto::unlock(&layout, &SecretString::from(PASS.to_owned())).unwrap();
    let plain = crypto::open(&layout, &mine, fs::read(&mine).unwrap()).unwrap();
    assert!(String::from_utf8(plain).unwrap().contains(MARKER));
    crypto::lock(&layout);
}

/// Review of issue 16: an entry waiting in the inbox never undoes a later edit, a damaged
/// inbox file does not hold back the others, an inbox-only entry can be deleted, and a save
/// through its day removes the inbox copy.
#[test]
fn the_inbox_never_undoes_an_edit_and_never_holds_the_others_back() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    let layout = Layout::new(&root);
    let store = Store::open(&root).unwrap();
    let days: Vec<_> = (0..4)
        .map(|i| entry(&format!("2026-11-1{i}T09:00:00+01:00"), i))
        .collect();
    store.add_entries(days.clone()).unwrap();
    closer::store::convert::encrypt(&store, &SecretString::from(PASS.to_owned()), |_, _| {})
        .unwrap();
    crypto::lock(&layout);
    // Locked: three more entries on days that have files go to the inbox.
    let waiting: Vec<_> = (0..3)
        .map(|i| {
            let mut e = entry(&format!("2026-11-1{i}T20:00:00+01:00"), 10 + i);
            e.notes = format!("written locked {i}");
            store.save_entry(&e).unwrap();
            e
        })
        .collect();
    assert_eq!(layout.inbox_dir().read_dir().unwrap().count(), 3);
    crypto::unlock(&layout, &SecretString::from(PASS.to_owned())).unwrap();
    // One inbox file damaged: the others still go into their days.
    let inbox: Vec<_> = {
        let mut v: Vec<_> = layout
            .inbox_dir()
            .read_dir()
            .unwrap()
            .map(|f| f.unwrap().path())
            .collect();
        v.sort();
        v
    };
    let damaged = inbox[0].clone();
    let kept = fs::read(&damaged).unwrap();
    fs::write(&damaged, b"age-encryption.org/v1\nnot really").unwrap();
    assert!(store.settle_inbox().is_err());
    assert_eq!(
        layout.inbox_dir().read_dir().unwrap().count(),
        1,
        "the others moved"
    );
    fs::write(&damaged, kept).unwrap();
    // Its entry is edited through its day meanwhile: the later edit stays.
    let which = waiting
        .iter()
        .find(|e| damaged.file_stem().unwrap().to_string_lossy() == e.id.as_str())
        .cloned()
        .unwrap();
    let mut edited = which.clone();
    edited.notes = "edited after unlock".into();
    edited.updated_at += chrono::Duration::minutes(5);
    store.save_entry(&edited).unwrap();
    store.settle_inbox().unwrap();
    let all = store.load().entries;
    let now = all.iter().find(|e| e.id == which.id).unwrap();
    assert_eq!(now.notes, "edited after unlock");
    assert_eq!(layout.inbox_dir().read_dir().unwrap().count(), 0);
    // Locked again: one more waits in the inbox, and is deleted from there once unlocked.
    crypto::lock(&layout);
    let mut late = entry("2026-11-10T22:00:00+01:00", 30);
    late.notes = "to delete".into();
    store.save_entry(&late).unwrap();
    crypto::unlock(&layout, &SecretString::from(PASS.to_owned())).unwrap();
    store
        .delete_entry(late.date, &late.id, common::at("2026-11-30T10:00:00+01:00"))
        .unwrap();
    assert_eq!(layout.inbox_dir().read_dir().unwrap().count(), 0);
    assert!(!store.load().entries.iter().any(|e| e.id == late.id));
    assert!(store.trash().iter().any(|t| t.entry.id == late.id));
    crypto::lock(&layout);
}

/// The plain text of the cache of the unlocked journal at `layout`.
fn cache_text(layout: &Layout) -> String {
    let sealed = fs::read(layout.cache_file()).unwrap();
    String::from_utf8(crypto::open(layout, &layout.cache_file(), sealed).unwrap()).unwrap()
}

/// Writes `text` as the cache, sealed to the journal's recipient: what anyone who can read
/// `recipient.txt` and write the folder can do.
fn seal_cache(layout: &Layout, text: &str) {
    let recipient: age::x25519::Recipient = fs::read_to_string(layout.recipient_file())
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let sealed = age::encrypt(&recipient, text.as_bytes()).unwrap();
    fs::write(layout.cache_file(), sealed).unwrap();
}

/// Whether a read reported the cache as forged.
fn reported_forged(scan: &closer::store::Scan, layout: &Layout) -> bool {
    scan.problems
        .iter()
        .any(|p| p.path == layout.cache_file() && p.kind == closer::store::ProblemKind::CacheForged)
}

/// A cache larger than what its reader hands its parser at a time (the lines are parsed on
/// another thread, in batches of 256 KB): read back whole and in order, and a line that is not
/// a day anywhere in it makes it forged, not a journal with a hole.
#[test]
fn a_cache_of_many_batches_is_read_whole_and_a_bad_line_deep_in_it_is_caught() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    let layout = Layout::new(&root);
    let store = Store::open(&root).unwrap();
    let mut all = Vec::new();
    for d in 0..400u32 {
        let day =
            chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Days::new(d.into());
        let mut e = entry(&format!("{day}T09:00:00+01:00"), d);
        e.notes = format!("day {d}: {}", "a long evening, written out. ".repeat(60));
        all.push(e);
    }
    store.add_entries(all).unwrap();
    closer::store::convert::encrypt(&store, &SecretString::from(PASS.to_owned()), |_, _| {})
        .unwrap();
    let first = closer::store::load(&layout);
    assert_eq!(first.entries.len(), 400);
    let plain = cache_text(&layout);
    assert!(plain.len() > 3 * 256 * 1024, "{} bytes", plain.len());
    let sealed = fs::read(layout.cache_file()).unwrap();
    let again = closer::store::load(&layout);
    assert_eq!(again.entries, first.entries);
    assert!(again.problems.is_empty(), "{:?}", again.problems);
    assert!(
        fs::read(layout.cache_file()).unwrap() == sealed,
        "every day came from the cache: it is not written again"
    );

    let mut lines: Vec<&str> = plain.lines().collect();
    lines[300] = "{\"file\":\"not a day\"}";
    seal_cache(&layout, &(lines.join("\n") + "\n"));
    let shown = closer::store::load(&layout);
    assert_eq!(shown.entries, first.entries, "each day file, as it is");
    assert!(reported_forged(&shown, &layout), "{:?}", shown.problems);
    crypto::lock(&layout);
}

/// A cache anyone with the recipient could make: sealed to the journal's key, in the cache's
/// own format, with a day whose stamp is the real file's, but holding other entries.
#[test]
fn a_forged_cache_never_shows_an_entry_that_is_not_in_the_day_files_nor_hides_one() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    let layout = Layout::new(&root);
    let store = Store::open(&root).unwrap();
    let real: Vec<_> = (0..3u32)
        .map(|d| entry(&format!("2025-03-0{}T09:00:00+01:00", d + 1), d))
        .collect();
    store.add_entries(real.clone()).unwrap();
    closer::store::convert::encrypt(&store, &SecretString::from(PASS.to_owned()), |_, _| {})
        .unwrap();
    let first = closer::store::load(&layout);
    assert!(layout.cache_file().exists());
    let cache = cache_text(&layout);
    let lines: Vec<&str> = cache.lines().collect();
    assert!(lines.last().unwrap().starts_with("{\"tag\""), "{cache}");

    // The forger: the first day holds a made-up entry and the second day is left out; the
    // stamps are the real files' (anyone who can list the folder can read them).
    let stamp = |date: chrono::NaiveDate| {
        let m = fs::metadata(layout.day_file(date)).unwrap();
        serde_json::json!({
            "ino": m.ino(), "len": m.len(),
            "mtime_ns": i128::from(m.mtime()) * 1_000_000_000 + i128::from(m.mtime_nsec()),
            "ctime_ns": i128::from(m.ctime()) * 1_000_000_000 + i128::from(m.ctime_nsec()),
        })
    };
    let mut fake = entry("2025-03-01T10:00:00+01:00", 99);
    fake.notes = "words you never wrote".into();
    let day = |e: &closer::journal::Entry| {
        serde_json::json!({
            "file": format!("2025/{}.json", e.date),
            "stamp": stamp(e.date),
            "body": {"date": e.date, "entries": [e]},
        })
        .to_string()
    };
    let head = lines[0];
    for tail in [
        String::new(),
        format!("{{\"tag\":\"{}\"}}", "0".repeat(64)),
        lines.last().unwrap().to_string(),
    ] {
        let forged = [head.to_owned(), day(&fake), day(&real[2]), tail]
            .join("\n")
            .trim_end()
            .to_owned()
            + "\n";
        seal_cache(&layout, &forged);
        let shown = closer::store::load(&layout);
        assert_eq!(shown.entries, first.entries, "each day file, as it is");
        assert!(reported_forged(&shown, &layout), "{:?}", shown.problems);
        // Written again from the day files, with its tag: the next read is quiet.
        let again = closer::store::load(&layout);
        assert_eq!(again.entries, first.entries);
        assert!(again.problems.is_empty(), "{:?}", again.problems);
    }
    crypto::lock(&layout);
}

/// Case bh-38: a new passphrase through `--passphrase-fd` keeps the rule a terminal keeps: at
/// least 8 characters, not only spaces, given twice alike; and the "nobody can recover it"
/// warning is printed there too.
#[test]
fn a_new_passphrase_from_a_descriptor_keeps_the_same_rule_as_on_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    journal_with_marker(&root);
    let plain = files_holding(&root, MARKER);
    assert!(!plain.is_empty());
    for (stdin, why) in [
        ("a\na\n", "1 character"),
        ("        \n        \n", "only spaces"),
        (
            &format!("{PASS}\n{PASS} but not the same\n") as &str,
            "differ",
        ),
        (&format!("{PASS}\n") as &str, "twice"),
    ] {
        let (out, text) = closer(&root, &["encrypt"], stdin);
        assert!(!out.status.success(), "{why}: {text}");
        assert!(text.contains(why), "{why}: {text}");
        assert!(text.contains("nothing was changed"), "{text}");
        assert!(!Layout::new(&root).identity_file().exists(), "{why}");
        assert_eq!(files_holding(&root, MARKER), plain, "nothing was converted");
    }
    let (out, text) = closer(&root, &["encrypt"], &format!("{PASS}\n{PASS}\n"));
    assert!(out.status.success(), "{text}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("nobody, closer"), "{stderr}");
    // `closer passphrase`: the new one twice, under the same rule.
    for stdin in [
        format!("{PASS}\nshort\nshort\n"),
        format!("{PASS}\na new passphrase\na new passphrase, no\n"),
    ] {
        let (out, text) = closer(&root, &["passphrase"], &stdin);
        assert!(!out.status.success(), "{text}");
    }
    let (out, text) = closer(&root, &["stats"], &format!("{PASS}\n"));
    assert!(out.status.success(), "the passphrase is unchanged: {text}");
}

/// Case rl-02 in the journal: with both key files gone, `closer checkin` opens on the lock
/// screen, says the key files are missing, offers no check-in (it could never be read), and
/// no plain word is written.
#[cfg(unix)]
#[test]
fn without_its_key_files_closer_checkin_says_so_and_writes_nothing() {
    use common::pty::Closer;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    encrypted_journal(&root);
    let layout = Layout::new(&root);
    fs::remove_file(layout.identity_file()).unwrap();
    fs::remove_file(layout.recipient_file()).unwrap();
    let before = common::snapshot(&root);
    let mut app = Closer::start_args(&root, 80, 24, &["checkin"]);
    app.wait_for("key files");
    app.wait_for("are missing");
    assert!(!app.contents().contains("Ctrl-N"), "{}", app.contents());
    app.send("\x0e"); // Ctrl-N: nothing
    app.send("any words");
    app.send("\r");
    app.wait_for("could not be unlocked");
    app.send("\x11\x11"); // Ctrl-Q twice: leave
    app.wait_exit();
    assert_eq!(common::snapshot(&root), before, "nothing was written");
    let (out, text) = closer(&root, &["doctor"], "");
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("identity.age") && text.contains("Missing"),
        "{text}"
    );
}

/// A journal remembered as encrypted whose key files are gone and which holds no sealed file
/// (a journal started again in the same folder): `closer decrypt` makes it a plain journal
/// again, without a passphrase. With a sealed file left, it refuses and says what to do. One
/// sealed file put into a plain journal never makes this computer remember it as encrypted.
#[test]
fn a_journal_remembered_as_encrypted_with_nothing_sealed_left_can_be_made_plain() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("j");
    journal_with_marker(&root);
    let (out, text) = closer(&root, &["encrypt"], &format!("{PASS}\n{PASS}\n"));
    assert!(out.status.success(), "{text}");
    crypto::lock(&Layout::new(&root));
    let layout = Layout::new(&root);
    fs::remove_file(layout.identity_file()).unwrap();
    fs::remove_file(layout.recipient_file()).unwrap();
    // Sealed files left: refused, nothing changed.
    let (out, text) = closer(&root, &["decrypt"], "");
    assert!(!out.status.success(), "{text}");
    assert!(text.contains("key files are missing"), "{text}");
    // The folder emptied and started again: a plain journal once more.
    fs::remove_dir_all(&root).unwrap();
    let new = entry("2026-11-25T09:00:00+01:00", 7);
    assert!(
        Store::open(&root).unwrap().save_entry(&new).is_err(),
        "remembered as encrypted, its key gone: nothing written"
    );
    assert!(crypto::is_encrypted(&layout));
    let (out, text) = closer(&root, &["decrypt"], "");
    assert!(out.status.success(), "{text}");
    assert!(text.contains("plain journal from now on"), "{text}");
    assert!(!crypto::is_encrypted(&layout));
    Store::open(&root).unwrap().save_entry(&new).unwrap();
    // A stray sealed file in a plain journal: read as locked here, never recorded.
    let other = age::x25519::Identity::generate().to_public();
    let day = layout.day_file(chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap());
    fs::write(&day, age::encrypt(&other, b"{}").unwrap()).unwrap();
    let _ = closer::store::check(&layout);
    assert!(
        closer::store::known::read(&layout).is_none(),
        "a stray sealed file is not remembered"
    );
    fs::remove_file(&day).unwrap();
}
