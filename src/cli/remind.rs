//! `closer remind`: a daily reminder at a time the person picks, set up with what the system
//! already has (a systemd user timer, a crontab line, a launchd agent), shown only on days
//! without a check-in, in the person's own words and nothing else.
//!
//! The words are kept in the timer's own file, as an argument of the command it runs; closer
//! keeps no other copy. Nothing of the journal is ever read beyond its day files' names (as
//! `closer status`), so nothing of it can reach a notification.

mod cron;
mod launchd;
mod run;
mod systemd;

use std::fs;
use std::io::{IsTerminal as _, Write as _};
use std::path::PathBuf;
use std::process::{Command, ExitCode};

use anyhow::{Context, Result, bail};

use super::Ctx;
use crate::store::{atomic, known};

/// The words when the person chooses none: they say nothing of a journal or a relationship.
pub const DEFAULT_WORDS: &str = "A minute for yourself?";

/// The longest words a reminder takes, in characters (a notification shows a line or two).
const MAX_WORDS: usize = 100;

/// The file, in closer's state folder, that holds a reminder waiting for the shell prompt:
/// the day it came due and the words.
const PENDING: &str = "remind-pending";

/// A daily reminder, only on days without a check-in: set it up, see it, or remove it.
///
/// With --at HH:MM it is set up with what this system has: a systemd user timer
/// where systemd runs, else a line for your crontab (shown; added only with
/// --install-cron), on macOS a launchd agent. At that time, when there is no check-in yet
/// today, your words appear as a desktop notification (notify-send, osascript); without a
/// desktop they wait for your next shell prompt, if it runs closer remind --pending (see
/// the README). The notification holds your words and nothing else: no journal text, no
/// count, no name, not even "closer". The words are kept only in the timer's own file.
/// Off until you set it up; without options, says what is set up.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  closer remind --at 20:30\n  closer remind --at 8:15 --words 'Tea?'\n  closer remind --status\n  closer remind --off\n  closer remind --at 20:30 --via cron          # show the crontab line\n  closer remind --at 20:30 --install-cron      # and add it to your crontab\n  closer remind --fire                         # remind now, as the timer does",
    group(clap::ArgGroup::new("action").args(["at", "off", "status", "fire", "pending"]))
)]
pub struct Args {
    /// Set up a reminder every day at this time (24-hour clock), replacing the one set up
    #[arg(long, value_name = "HH:MM", value_parser = At::parse)]
    at: Option<At>,

    /// The words the reminder shows [default: "A minute for yourself?"]
    #[arg(long, value_name = "TEXT", value_parser = parse_words)]
    words: Option<String>,

    /// How to set it up [default: launchd on macOS, else systemd where a user manager runs,
    /// else cron]
    #[arg(long, value_enum, requires = "at")]
    via: Option<Via>,

    /// Add the line to your crontab (every other line kept as it is); without it, the line
    /// is shown for you to add
    #[arg(long, requires = "at")]
    install_cron: bool,

    /// Remove the reminder: exactly what closer remind added
    #[arg(long)]
    off: bool,

    /// Say what is set up and where
    #[arg(long)]
    status: bool,

    /// Remind now, as the timer does: nothing when today has a check-in
    #[arg(long)]
    fire: bool,

    /// For a shell prompt: print the reminder once if it came due today with no desktop to
    /// show it and there is still no check-in; else nothing
    #[arg(long)]
    pending: bool,
}

/// A time of day, to the minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct At {
    /// 0–23.
    hour: u8,
    /// 0–59.
    minute: u8,
}

impl At {
    /// `HH:MM` (or `H:MM`), 24-hour clock.
    ///
    /// # Errors
    /// Anything else, in words.
    pub fn parse(text: &str) -> Result<At, String> {
        let bad = || format!("{text:?} is not a time: give hours and minutes, like 20:30 or 8:05");
        let (h, m) = text.trim().split_once(':').ok_or_else(bad)?;
        let number = |s: &str, max: u8| {
            s.parse::<u8>()
                .ok()
                .filter(|n| *n <= max && (1..=2).contains(&s.len()))
        };
        match (number(h, 23), number(m, 59)) {
            (Some(hour), Some(minute)) if m.len() == 2 => Ok(At { hour, minute }),
            _ => Err(bad()),
        }
    }
}

impl std::fmt::Display for At {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

/// The words of a reminder: one line, not empty, at most [`MAX_WORDS`] characters.
fn parse_words(text: &str) -> Result<String, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("the words are empty: say something, or leave --words out".to_owned());
    }
    if text.chars().any(char::is_control) {
        return Err("the words must be one line, without control characters".to_owned());
    }
    if text.chars().count() > MAX_WORDS {
        return Err(format!(
            "the words are long: at most {MAX_WORDS} characters"
        ));
    }
    Ok(text.to_owned())
}

/// What a reminder is set up with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Via {
    /// A systemd user timer.
    Systemd,
    /// A line in your crontab.
    Cron,
    /// A launchd agent (macOS).
    Launchd,
}

impl Via {
    /// What this system has: launchd on macOS, systemd where a user manager runs, else cron.
    fn here() -> Via {
        if cfg!(target_os = "macos") {
            Via::Launchd
        } else if systemd::runs() {
            Via::Systemd
        } else {
            Via::Cron
        }
    }

    /// In words.
    fn name(self) -> &'static str {
        match self {
            Via::Systemd => "a systemd user timer",
            Via::Cron => "cron",
            Via::Launchd => "a launchd agent",
        }
    }
}

/// Where the files of a reminder go, from the home folder and the config folder.
#[derive(Debug)]
pub struct Places {
    /// `$HOME`.
    home: PathBuf,
    /// `$XDG_CONFIG_HOME` when it is an absolute path, else `~/.config`.
    config_home: PathBuf,
}

impl Places {
    /// This user's.
    ///
    /// # Errors
    /// No home folder.
    fn here() -> Result<Places> {
        let Some(home) = directories::BaseDirs::new().map(|d| d.home_dir().to_owned()) else {
            bail!("cannot find your home folder (HOME is not set), where a reminder is set up");
        };
        let config_home = std::env::var_os("XDG_CONFIG_HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .unwrap_or_else(|| home.join(".config"));
        Ok(Places { home, config_home })
    }
}

/// A reminder as a timer runs it.
#[derive(Debug)]
pub struct Reminder {
    /// When.
    at: At,
    /// The words shown.
    words: String,
    /// closer's own path.
    exe: String,
    /// The data folder, when it is not the platform's.
    data_dir: Option<String>,
}

impl Reminder {
    /// The command the timer runs, an argument each.
    fn argv(&self) -> Vec<String> {
        let mut argv = vec![self.exe.clone()];
        argv.extend(self.data_dir.as_ref().map(|d| format!("--data-dir={d}")));
        argv.extend(["remind".to_owned(), "--fire".to_owned()]);
        argv.push(format!("--words={}", self.words));
        argv
    }
}

/// The words in a command written by [`Reminder::argv`].
fn words_in(argv: &[String]) -> Option<String> {
    argv.iter()
        .find_map(|a| a.strip_prefix("--words="))
        .map(str::to_owned)
}

/// A reminder found set up.
#[derive(Debug)]
pub struct Found {
    /// With what.
    via: Via,
    /// When (none when its file no longer says).
    at: Option<At>,
    /// The words (none when its file no longer says).
    words: Option<String>,
    /// Its files, or the crontab line.
    places: Vec<String>,
    /// Whether it runs.
    note: Option<String>,
}

/// Every reminder set up, whatever it was set up with.
///
/// # Errors
/// The crontab cannot be read.
fn find_all(places: &Places) -> Result<Vec<Found>> {
    let mut found: Vec<Found> = systemd::find(places).into_iter().collect();
    found.extend(launchd::find(places));
    found.extend(cron::find()?);
    Ok(found)
}

impl Args {
    /// Sets up, removes, shows, or fires the reminder.
    ///
    /// # Errors
    /// As each action.
    pub fn run(self, ctx: &Ctx) -> Result<ExitCode> {
        if self.fire {
            return fire(ctx, self.words.as_deref());
        }
        if self.words.is_some() && self.at.is_none() {
            bail!("--words go with --at: closer remind --at 20:30 --words 'your words'");
        }
        if self.pending {
            return pending(ctx);
        }
        let places = Places::here()?;
        if self.off {
            return ctx.printed(|out| off(&places, out));
        }
        let Some(at) = self.at else {
            return ctx.printed(|out| status(&places, out));
        };
        let via = match (self.via, self.install_cron) {
            (Some(via), _) => via,
            (None, true) => Via::Cron,
            (None, false) => Via::here(),
        };
        if self.install_cron && via != Via::Cron {
            bail!("--install-cron is for --via cron");
        }
        let exe = std::env::current_exe().context("finding closer's own path")?;
        let Some(exe) = exe.to_str().map(str::to_owned) else {
            bail!(
                "closer's path ({}) is not UTF-8 text, which a timer cannot hold",
                exe.display()
            );
        };
        let data_dir = if ctx.data_dir_is_default() {
            None
        } else {
            let dir = std::path::absolute(ctx.data_dir()?)?;
            Some(dir.to_str().map(str::to_owned).with_context(|| {
                format!(
                    "the data folder's path ({}) is not UTF-8 text",
                    dir.display()
                )
            })?)
        };
        let reminder = Reminder {
            at,
            words: self.words.unwrap_or_else(|| DEFAULT_WORDS.to_owned()),
            exe,
            data_dir,
        };
        ctx.printed(|out| set_up(&places, &reminder, via, self.install_cron, out))
    }
}

/// Sets up `reminder` with `via` (the crontab line is only shown unless `install_cron`).
///
/// # Errors
/// Another kind of reminder is set up; setting up fails (and says what was left).
fn set_up(
    places: &Places,
    reminder: &Reminder,
    via: Via,
    install_cron: bool,
    out: &mut impl std::io::Write,
) -> Result<ExitCode> {
    if let Some(other) = find_all(places)?.into_iter().find(|f| f.via != via) {
        bail!(
            "a reminder is already set up with {} ({}). One is enough: remove it first with \
             closer remind --off.",
            other.via.name(),
            other.places.join(", ")
        );
    }
    let places_written: Vec<String> = match via {
        Via::Cron if !install_cron => {
            writeln!(
                out,
                "This line in your crontab reminds you at {} (nothing is installed yet):\n\n{}\n\n\
                 Add it with `crontab -e`, or run this again with --install-cron to have closer \
                 add it (every other line kept as it is).",
                reminder.at,
                cron::line(reminder)
            )?;
            return Ok(ExitCode::SUCCESS);
        }
        Via::Cron => {
            cron::install(reminder)?;
            vec![format!(
                "your crontab (crontab -l): {}",
                cron::line(reminder)
            )]
        }
        Via::Systemd => systemd::install(places, reminder)?
            .iter()
            .map(|p| p.display().to_string())
            .collect(),
        Via::Launchd => vec![launchd::install(places, reminder)?.display().to_string()],
    };
    writeln!(
        out,
        "A daily reminder at {}, with {}:",
        reminder.at,
        via.name()
    )?;
    for place in places_written {
        writeln!(out, "  {place}")?;
    }
    writeln!(
        out,
        "On days without a check-in it shows {:?} and nothing else.\n\
         closer remind --status says what is set up; closer remind --off removes it.",
        reminder.words
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Says what is set up and where.
///
/// # Errors
/// The crontab cannot be read; a failed write.
fn status(places: &Places, out: &mut impl std::io::Write) -> Result<ExitCode> {
    let found = find_all(places)?;
    if found.is_empty() {
        writeln!(
            out,
            "No reminder is set up (it is off until you set one up).\n\
             Set one up with: closer remind --at 20:30"
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    for f in &found {
        let at = f.at.map_or("an unknown time".to_owned(), |a| a.to_string());
        let note = f.note.as_ref().map_or(String::new(), |n| format!(" ({n})"));
        writeln!(
            out,
            "A daily reminder at {at}, with {}{note}:",
            f.via.name()
        )?;
        for place in &f.places {
            writeln!(out, "  {place}")?;
        }
        if let Some(words) = &f.words {
            writeln!(out, "  words: {words:?}")?;
        }
    }
    writeln!(
        out,
        "On days without a check-in, the words alone show as a desktop notification; with no \
         desktop, at your next shell prompt if it runs `closer remind --pending`.\n\
         closer remind --off removes it."
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Removes every reminder set up, saying what was removed.
///
/// # Errors
/// A file or the crontab cannot be changed.
fn off(places: &Places, out: &mut impl std::io::Write) -> Result<ExitCode> {
    let mut removed: Vec<String> = Vec::new();
    removed.extend(
        systemd::remove(places)?
            .iter()
            .map(|p| p.display().to_string()),
    );
    removed.extend(launchd::remove(places)?.map(|p| p.display().to_string()));
    removed.extend(cron::remove()?.map(|l| format!("the line in your crontab: {l}")));
    if let Some(file) = pending_file() {
        let _ = fs::remove_file(file);
    }
    if removed.is_empty() {
        writeln!(out, "No reminder was set up; nothing was changed.")?;
    } else {
        writeln!(out, "The reminder is off. Removed:")?;
        for r in removed {
            writeln!(out, "  {r}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The file of a reminder waiting for the shell prompt.
fn pending_file() -> Option<PathBuf> {
    known::state_dir().map(|d| d.join(PENDING))
}

/// Whether the journal has a check-in today (no journal: no).
fn checked_in_today(ctx: &Ctx) -> bool {
    ctx.data_dir()
        .is_ok_and(|dir| super::status::checked_in(dir, crate::clock::today()))
}

/// What the timer runs: nothing when today has a check-in; else `words` as a desktop
/// notification, or, with no desktop to show it, kept for the next shell prompt.
///
/// # Errors
/// The reminder cannot be kept for the shell prompt either.
fn fire(ctx: &Ctx, words: Option<&str>) -> Result<ExitCode> {
    if checked_in_today(ctx) {
        if let Some(file) = pending_file() {
            let _ = fs::remove_file(file);
        }
        return Ok(ExitCode::SUCCESS);
    }
    let words = words.unwrap_or(DEFAULT_WORDS);
    let Err(why) = notify(words) else {
        return Ok(ExitCode::SUCCESS);
    };
    let Some(file) = pending_file() else {
        bail!("{why}, and there is no home folder to keep the reminder in for your shell prompt");
    };
    if let Some(dir) = file.parent() {
        atomic::create_private_dir(dir)?;
    }
    let text = format!("{}\n{words}\n", crate::clock::today());
    atomic::write(&file, text.as_bytes())
        .with_context(|| format!("keeping the reminder in {}", file.display()))?;
    // Quiet for a timer; a person trying it in a terminal is told where it went.
    if std::io::stderr().is_terminal() {
        eprintln!(
            "closer: {why}; the reminder waits for your next shell prompt \
             (closer remind --pending)"
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Shows `words` (and nothing else) as a desktop notification.
///
/// # Errors
/// There is no notifier, or it failed (no desktop session): why, in words.
fn notify(words: &str) -> Result<(), String> {
    let mut command;
    if cfg!(target_os = "macos") {
        // The words as an argument, not inside the script: nothing in them is read as code.
        command = Command::new("osascript");
        command.args([
            "-e",
            "on run argv",
            "-e",
            "display notification (item 1 of argv)",
            "-e",
            "end run",
            words,
        ]);
    } else {
        command = Command::new("notify-send");
        command.args(["--", words]);
        // cron gives no session bus address; the user's bus is at a known place.
        if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() {
            let runtime = std::env::var_os("XDG_RUNTIME_DIR").map_or_else(
                || PathBuf::from(format!("/run/user/{}", rustix::process::getuid().as_raw())),
                PathBuf::from,
            );
            let bus = runtime.join("bus");
            if bus.exists() {
                command.env(
                    "DBUS_SESSION_BUS_ADDRESS",
                    format!("unix:path={}", bus.display()),
                );
            }
        }
    }
    let program = command.get_program().to_string_lossy().into_owned();
    match run::output(&mut command, None) {
        Ok(Some(ran)) if ran.ok => Ok(()),
        Ok(Some(_)) => Err(format!("{program} could not show a notification")),
        Ok(None) => Err(format!("{program} is not on PATH")),
        Err(e) => Err(format!("{e:#}")),
    }
}

/// For a shell prompt: prints the reminder kept by [`fire`] once, if it is today's and there
/// is still no check-in; then forgets it. Quick when there is none: one missing file.
///
/// # Errors
/// A failed write.
fn pending(ctx: &Ctx) -> Result<ExitCode> {
    let Some(file) = pending_file() else {
        return Ok(ExitCode::SUCCESS);
    };
    let Ok(text) = fs::read_to_string(&file) else {
        return Ok(ExitCode::SUCCESS);
    };
    let _ = fs::remove_file(&file);
    let (day, words) = text.split_once('\n').unwrap_or_default();
    if day == crate::clock::today().to_string() && !checked_in_today(ctx) {
        ctx.printed(|out| Ok(writeln!(out, "{}", words.trim_end())?))?;
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_hours_and_minutes() {
        assert_eq!(At::parse("20:30").unwrap().to_string(), "20:30");
        assert_eq!(At::parse("8:05").unwrap().to_string(), "08:05");
        assert_eq!(At::parse("00:00").unwrap().to_string(), "00:00");
        for bad in ["24:00", "12:60", "12", "8:5", "noon", "-1:30", "123:00", ""] {
            assert!(At::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn words_are_one_short_line() {
        assert_eq!(parse_words("  Tea?  ").unwrap(), "Tea?");
        assert!(parse_words(" ").is_err());
        assert!(parse_words("a\nb").is_err());
        assert!(parse_words("\u{1b}[31mred").is_err());
        assert!(parse_words(&"x".repeat(MAX_WORDS + 1)).is_err());
    }

    fn reminder(data_dir: Option<&str>) -> Reminder {
        Reminder {
            at: At::parse("20:30").unwrap(),
            words: "It's 100% \"you\" $time".to_owned(),
            exe: "/opt/my closer/closer".to_owned(),
            data_dir: data_dir.map(str::to_owned),
        }
    }

    #[test]
    fn each_kind_of_file_holds_the_time_and_the_words() {
        let r = reminder(Some("/home/a/j"));
        assert_eq!(
            r.argv(),
            [
                "/opt/my closer/closer",
                "--data-dir=/home/a/j",
                "remind",
                "--fire",
                "--words=It's 100% \"you\" $time"
            ]
        );
        assert_eq!(
            systemd::service(&r).lines().last().unwrap(),
            r#"ExecStart="/opt/my closer/closer" "--data-dir=/home/a/j" "remind" "--fire" "--words=It's 100%% \"you\" $$time""#
        );
        assert!(systemd::timer(r.at).contains("\nOnCalendar=*-*-* 20:30:00\n"));
        assert_eq!(
            cron::line(&r),
            r#"30 20 * * * '/opt/my closer/closer' '--data-dir=/home/a/j' 'remind' '--fire' '--words=It'\''s 100\% "you" $time' # closer-remind"#
        );
        let plist = launchd::plist(&reminder(None));
        assert!(
            plist.contains("<string>--words=It's 100% &quot;you&quot; $time</string>"),
            "{plist}"
        );
        assert!(!plist.contains("--data-dir"));
    }
}
