//! `closer remind` in a scratch home: the files and crontab line it writes, `--status`,
//! `--off` removing exactly what it added, and the reminder itself, quiet on a day with a
//! check-in. The system's commands (`systemctl`, `crontab`, `launchctl`, `notify-send`) are
//! fakes first and alone on PATH that log their arguments, so no test touches the real ones.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

mod common;

use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output};

use closer::store::Store;

/// A word written in the journal that must appear in nothing remind writes or sends.
const MARKER: &str = "PERSIMMONWORD";

/// A scratch home with fake system commands.
struct Scratch {
    _dir: tempfile::TempDir,
    home: PathBuf,
    bin: PathBuf,
    journal: PathBuf,
    /// Every fake command's arguments, a line each.
    log: PathBuf,
    /// The fake crontab's contents.
    crontab: PathBuf,
    /// Everything closer printed, to search for the marker.
    printed: String,
}

const SYSTEMCTL: &str = r#"#!/bin/sh
echo "systemctl $*" >> "$LOG"
case "$*" in
  "--user is-system-running") echo running ;;
  "--user is-enabled closer-remind.timer") echo enabled ;;
  *enable*) [ -n "$FAIL_ENABLE" ] && { echo "Failed to connect to bus" >&2; exit 1; } ;;
esac
exit 0
"#;

const CRONTAB: &str = r#"#!/bin/sh
echo "crontab $*" >> "$LOG"
case "$1" in
  -l) [ -f "$CRONTAB" ] || { echo "no crontab for $USER" >&2; exit 1; }; /bin/cat "$CRONTAB" ;;
  -) /bin/cat > "$CRONTAB" ;;
  -r) /bin/rm "$CRONTAB" ;;
esac
"#;

const LOGGER: &str = "#!/bin/sh\necho \"$(/usr/bin/basename \"$0\") $*\" >> \"$LOG\"\n";

impl Scratch {
    /// A scratch home with a journal of one day long ago, and the fake `commands` on PATH.
    fn new(commands: &[&str]) -> Scratch {
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path().join("home");
        let bin = dir.path().join("bin");
        fs::create_dir_all(&home).unwrap();
        fs::create_dir_all(&bin).unwrap();
        let journal = home.join("journal");
        let mut e = common::entry("2025-03-04T09:00:00+01:00", 1);
        e.responses[0].answer = format!("I fear {MARKER} and Sam.");
        Store::open(&journal).unwrap().save_entry(&e).unwrap();
        let scratch = Scratch {
            log: dir.path().join("log"),
            crontab: dir.path().join("crontab"),
            _dir: dir,
            home,
            bin,
            journal,
            printed: String::new(),
        };
        for c in commands {
            scratch.fake(c);
        }
        scratch
    }

    /// Puts the fake `command` on PATH.
    fn fake(&self, command: &str) {
        use std::os::unix::fs::PermissionsExt;
        let script = match command {
            "systemctl" => SYSTEMCTL,
            "crontab" => CRONTAB,
            _ => LOGGER,
        };
        let path = self.bin.join(command);
        fs::write(&path, script).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
    }

    fn systemd_dir(&self) -> PathBuf {
        self.home.join("config/systemd/user")
    }

    /// closer with `args` on the scratch journal, in the scratch home.
    fn closer(&self, args: &[&str]) -> Command {
        let mut cmd = self.bare(&["--data-dir", self.journal.to_str().unwrap()]);
        cmd.args(args);
        cmd
    }

    /// closer with `args` in the scratch home, nothing of the machine's environment.
    fn bare(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_closer"));
        cmd.env_clear()
            .args(args)
            .env("HOME", &self.home)
            .env("XDG_CONFIG_HOME", self.home.join("config"))
            .env("XDG_RUNTIME_DIR", self.home.join("run"))
            .env("CLOSER_STATE_DIR", self.home.join("state"))
            .env("PATH", &self.bin)
            .env("LOG", &self.log)
            .env("CRONTAB", &self.crontab);
        cmd
    }

    /// Runs closer; its exit, standard output and standard error.
    fn run(&mut self, args: &[&str]) -> (Output, String, String) {
        self.run_with(&mut self.closer(args))
    }

    fn run_with(&mut self, cmd: &mut Command) -> (Output, String, String) {
        let out = cmd.output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        self.printed.push_str(&stdout);
        self.printed.push_str(&stderr);
        (out, stdout, stderr)
    }

    /// Runs closer and expects success with nothing on standard error.
    fn ok(&mut self, args: &[&str]) -> String {
        let (out, stdout, stderr) = self.run(args);
        assert!(out.status.success(), "{args:?}: {stdout}{stderr}");
        assert_eq!(stderr, "", "{args:?}");
        stdout
    }

    fn log(&self) -> String {
        fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// A check-in today, by the clock closer reads.
    fn check_in_today(&self) {
        let now = closer::clock::now().to_rfc3339();
        let mut e = common::entry(&now, 2);
        e.responses[0].answer = format!("Today {MARKER} again.");
        Store::open(&self.journal).unwrap().save_entry(&e).unwrap();
    }

    /// The marker is in nothing written outside the journal, in no command's arguments and
    /// in nothing closer printed.
    fn assert_no_journal_text(&self) {
        for path in common::files_under(self._dir.path()) {
            if path.starts_with(&self.journal) || !path.is_file() {
                continue;
            }
            let bytes = fs::read(&path).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            assert!(
                !text.contains(MARKER),
                "{} holds journal text",
                path.display()
            );
            assert!(!text.contains("Sam"), "{} holds a name", path.display());
        }
        assert!(!self.printed.contains(MARKER), "{}", self.printed);
    }
}

fn exe() -> &'static str {
    env!("CARGO_BIN_EXE_closer")
}

#[test]
fn a_systemd_timer_is_written_shown_fired_only_without_a_check_in_and_removed_exactly() {
    let mut s = Scratch::new(&["systemctl", "crontab", "notify-send"]);
    fs::create_dir_all(s.systemd_dir()).unwrap();
    fs::write(s.systemd_dir().join("other.service"), "[Service]\n").unwrap();
    let before = common::snapshot(&s.systemd_dir());

    let said = s.ok(&["remind", "--at", "20:30", "--words", "Tea?"]);
    assert!(
        said.contains("A daily reminder at 20:30, with a systemd user timer:"),
        "{said}"
    );
    let timer = fs::read_to_string(s.systemd_dir().join("closer-remind.timer")).unwrap();
    assert_eq!(
        timer,
        "# Written by `closer remind`; `closer remind --off` removes it.\n[Unit]\n\
         Description=A daily reminder (closer remind)\n\n[Timer]\nOnCalendar=*-*-* 20:30:00\n\
         Persistent=false\n\n[Install]\nWantedBy=timers.target\n"
    );
    let service = fs::read_to_string(s.systemd_dir().join("closer-remind.service")).unwrap();
    assert_eq!(
        service,
        format!(
            "# Written by `closer remind`; `closer remind --off` removes it.\n[Unit]\n\
             Description=A daily reminder (closer remind)\n\n[Service]\nType=oneshot\n\
             ExecStart=\"{}\" \"--data-dir={}\" \"remind\" \"--fire\" \"--words=Tea?\"\n",
            exe(),
            s.journal.display()
        )
    );
    let log = s.log();
    assert!(log.contains("systemctl --user daemon-reload\n"), "{log}");
    assert!(
        log.contains("systemctl --user enable --now closer-remind.timer\n"),
        "{log}"
    );
    // The crontab is read (one reminder at a time), never written.
    assert!(
        !log.contains("crontab -\n") && !log.contains("crontab -r"),
        "{log}"
    );

    let status = s.ok(&["remind", "--status"]);
    assert!(
        status.contains("A daily reminder at 20:30, with a systemd user timer (enabled):"),
        "{status}"
    );
    assert!(status.contains("closer-remind.timer") && status.contains("words: \"Tea?\""));

    // The reminder, as the timer runs it: only the words, and only without a check-in.
    assert_eq!(s.ok(&["remind", "--fire", "--words=Tea?"]), "");
    assert_eq!(s.log().matches("notify-send -- Tea?\n").count(), 1);
    s.check_in_today();
    assert_eq!(s.ok(&["remind", "--fire", "--words=Tea?"]), "");
    assert_eq!(
        s.log().matches("notify-send").count(),
        1,
        "quiet with a check-in"
    );

    let said = s.ok(&["remind", "--off"]);
    assert!(said.contains("The reminder is off. Removed:"), "{said}");
    assert!(
        s.log()
            .contains("systemctl --user disable --now closer-remind.timer\n")
    );
    assert_eq!(common::snapshot(&s.systemd_dir()), before);
    assert!(
        s.ok(&["remind", "--status"])
            .starts_with("No reminder is set up")
    );
    assert!(
        s.ok(&["remind", "--off"])
            .starts_with("No reminder was set up")
    );
    s.assert_no_journal_text();
}

#[test]
fn a_timer_that_cannot_start_leaves_nothing_behind() {
    let mut s = Scratch::new(&["systemctl", "crontab"]);
    let (out, _, err) = s.run_with(
        s.closer(&["remind", "--at", "9:00", "--via", "systemd"])
            .env("FAIL_ENABLE", "1"),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("Failed to connect to bus"), "{err}");
    assert!(err.contains("nothing was left set up"), "{err}");
    assert!(common::files_under(&s.systemd_dir()).is_empty());
}

#[test]
fn a_crontab_line_is_shown_installed_only_when_asked_and_removed_alone() {
    // No systemctl here: cron is what the system has.
    let mut s = Scratch::new(&["crontab", "notify-send"]);
    let mine = "MAILTO=me@example.org\n# my own jobs\n0 5 * * * /usr/bin/backup '%'\n";
    fs::write(&s.crontab, mine).unwrap();

    let shown = s.ok(&["remind", "--at", "7:05"]);
    let line = format!(
        "5 7 * * * '{}' '--data-dir={}' 'remind' '--fire' '--words=A minute for yourself?' # closer-remind",
        exe(),
        s.journal.display()
    );
    assert!(shown.contains(&format!("\n{line}\n")), "{shown}");
    assert!(shown.contains("--install-cron"), "{shown}");
    assert_eq!(fs::read_to_string(&s.crontab).unwrap(), mine, "only shown");
    assert!(!s.log().contains("crontab -\n"), "{}", s.log());

    s.ok(&["remind", "--at", "7:05", "--install-cron"]);
    assert_eq!(
        fs::read_to_string(&s.crontab).unwrap(),
        format!("{mine}{line}\n")
    );
    // Again at another time: the line is replaced, not added twice.
    s.ok(&["remind", "--at", "7:05", "--install-cron"]);
    assert_eq!(
        fs::read_to_string(&s.crontab)
            .unwrap()
            .matches(&line)
            .count(),
        1
    );

    let status = s.ok(&["remind", "--status"]);
    assert!(
        status.contains("A daily reminder at 07:05, with cron:"),
        "{status}"
    );
    assert!(status.contains(&line) && status.contains("words: \"A minute for yourself?\""));

    s.ok(&["remind", "--off"]);
    assert_eq!(
        fs::read_to_string(&s.crontab).unwrap(),
        mine,
        "exactly as before"
    );
    s.assert_no_journal_text();
}

#[test]
fn a_crontab_made_for_the_reminder_alone_is_removed_with_it() {
    let mut s = Scratch::new(&["crontab"]);
    s.ok(&["remind", "--at", "21:00", "--install-cron"]);
    assert!(s.crontab.exists());
    s.ok(&["remind", "--off"]);
    assert!(!s.crontab.exists());
    assert!(s.log().contains("crontab -r\n"));
}

#[test]
fn a_launchd_agent_holds_the_time_and_words_and_goes_with_off() {
    let mut s = Scratch::new(&["launchctl", "crontab"]);
    let plist = s
        .home
        .join("Library/LaunchAgents/local.closer.remind.plist");
    s.ok(&[
        "remind",
        "--at",
        "6:45",
        "--via",
        "launchd",
        "--words",
        "Breathe & <rest>",
    ]);
    let text = fs::read_to_string(&plist).unwrap();
    for part in [
        "<string>local.closer.remind</string>",
        &format!("<string>{}</string>", exe()),
        "<string>remind</string>\n    <string>--fire</string>",
        "<string>--words=Breathe &amp; &lt;rest&gt;</string>",
        "<key>Hour</key>\n    <integer>6</integer>",
        "<key>Minute</key>\n    <integer>45</integer>",
    ] {
        assert!(text.contains(part), "{part} not in\n{text}");
    }
    assert!(s.log().contains("launchctl bootstrap gui/"), "{}", s.log());
    let status = s.ok(&["remind", "--status"]);
    assert!(
        status.contains("at 06:45, with a launchd agent"),
        "{status}"
    );
    assert!(status.contains("words: \"Breathe & <rest>\""), "{status}");

    // One reminder at a time.
    let (out, _, err) = s.run(&["remind", "--at", "7:00", "--via", "cron"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("already set up with a launchd agent"), "{err}");

    s.ok(&["remind", "--off"]);
    assert!(!plist.exists());
    assert!(s.log().contains("launchctl bootout gui/"));
    s.assert_no_journal_text();
}

#[test]
fn without_a_desktop_the_reminder_waits_for_the_next_shell_prompt_once() {
    // No notify-send: nothing to show a notification with.
    let mut s = Scratch::new(&[]);
    assert_eq!(s.ok(&["remind", "--pending"]), "", "nothing waits");
    assert_eq!(s.ok(&["remind", "--fire"]), "");
    assert_eq!(s.ok(&["remind", "--pending"]), "A minute for yourself?\n");
    assert_eq!(s.ok(&["remind", "--pending"]), "", "once");

    s.ok(&["remind", "--fire", "--words", "Tea?"]);
    s.check_in_today();
    assert_eq!(s.ok(&["remind", "--pending"]), "", "checked in since");
    assert_eq!(s.ok(&["remind", "--fire"]), "");
    assert!(!s.home.join("state/remind-pending").exists());
    s.assert_no_journal_text();
}

#[test]
fn a_failing_desktop_notifier_falls_back_to_the_prompt() {
    let mut s = Scratch::new(&[]);
    let failing = s.bin.join("notify-send");
    fs::write(&failing, "#!/bin/sh\nexit 1\n").unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&failing, fs::Permissions::from_mode(0o755)).unwrap();
    }
    assert_eq!(s.ok(&["remind", "--fire", "--words", "Tea?"]), "");
    assert_eq!(s.ok(&["remind", "--pending"]), "Tea?\n");
}

#[test]
fn mistakes_are_said() {
    let mut s = Scratch::new(&["crontab"]);
    for (args, says) in [
        (&["remind", "--at", "25:00"][..], "is not a time"),
        (&["remind", "--at", "8:00", "--words", " "], "empty"),
        (&["remind", "--words", "Tea?"], "--words go with --at"),
        (&["remind", "--via", "cron"], "--at"),
        (&["remind", "--off", "--status"], "cannot be used with"),
        (
            &[
                "remind",
                "--at",
                "8:00",
                "--via",
                "systemd",
                "--install-cron",
            ],
            "--install-cron is for --via cron",
        ),
    ] {
        let (out, _, err) = s.run(args);
        assert!(!out.status.success(), "{args:?}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
    // No systemctl on PATH: said, and nothing written.
    let (out, _, err) = s.run(&["remind", "--at", "8:00", "--via", "systemd"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("systemctl is not on PATH"), "{err}");
    assert!(!s.systemd_dir().exists());
}

#[test]
fn the_default_data_folder_is_not_written_into_the_timer() {
    let mut s = Scratch::new(&["systemctl"]);
    // Without --data-dir: the platform's folder in the scratch home.
    let (out, _, err) = s.run_with(&mut s.bare(&["remind", "--at", "20:30"]));
    assert!(out.status.success(), "{err}");
    let service = fs::read_to_string(s.systemd_dir().join("closer-remind.service")).unwrap();
    assert!(
        service.ends_with(&format!(
            "ExecStart=\"{}\" \"remind\" \"--fire\" \"--words=A minute for yourself?\"\n",
            exe()
        )),
        "{service}"
    );
}
