//! A systemd user timer: `closer-remind.timer` and the `closer-remind.service` it starts, in
//! the user's systemd folder (`$XDG_CONFIG_HOME/systemd/user`, else `~/.config/systemd/user`),
//! enabled with `systemctl --user`.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::run::{must, run};
use super::{At, Found, Places, Reminder, Via, words_in};
use crate::store::atomic;

/// The timer's file name.
pub const TIMER: &str = "closer-remind.timer";
/// The service's file name.
pub const SERVICE: &str = "closer-remind.service";

/// The first line of both files.
const HEADER: &str = "# Written by `closer remind`; `closer remind --off` removes it.";

/// The user's systemd folder.
pub fn folder(places: &Places) -> PathBuf {
    places.config_home.join("systemd").join("user")
}

/// Whether a systemd user manager runs here (`systemctl --user is-system-running` answers;
/// "degraded" is running too, with a failed unit somewhere).
pub fn runs() -> bool {
    run("systemctl", &["--user", "is-system-running"], None)
        .ok()
        .flatten()
        .is_some_and(|ran| {
            matches!(
                ran.stdout.trim(),
                "running" | "degraded" | "starting" | "initializing"
            )
        })
}

/// An argument of `ExecStart=`, quoted: systemd reads `\\` and `\"` inside double quotes,
/// and expands `%` specifiers and `$` variables unless they are doubled.
fn quoted(arg: &str) -> String {
    let mut out = String::from('"');
    for c in arg.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '%' => out.push_str("%%"),
            '$' => out.push_str("$$"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The arguments of an `ExecStart=` line written by [`quoted`].
fn unquoted(line: &str) -> Vec<String> {
    let mut args = Vec::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut arg = String::new();
        let quote = c == '"';
        let mut next = if quote { chars.next() } else { Some(c) };
        while let Some(c) = next {
            match c {
                '"' if quote => break,
                c if c.is_whitespace() && !quote => break,
                '\\' => arg.extend(chars.next()),
                '%' | '$' if chars.peek() == Some(&c) => {
                    chars.next();
                    arg.push(c);
                }
                c => arg.push(c),
            }
            next = chars.next();
        }
        args.push(arg);
    }
    args
}

/// The service: runs the reminder once.
pub fn service(reminder: &Reminder) -> String {
    let command: Vec<String> = reminder.argv().iter().map(|a| quoted(a)).collect();
    format!(
        "{HEADER}\n[Unit]\nDescription=A daily reminder (closer remind)\n\n[Service]\nType=oneshot\nExecStart={}\n",
        command.join(" ")
    )
}

/// The timer: every day at the time chosen; a day missed while the computer was off is not
/// made up for later.
pub fn timer(at: At) -> String {
    format!(
        "{HEADER}\n[Unit]\nDescription=A daily reminder (closer remind)\n\n[Timer]\nOnCalendar=*-*-* {at}:00\nPersistent=false\n\n[Install]\nWantedBy=timers.target\n"
    )
}

/// The value of `key=` in a unit's text.
fn value<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    text.lines()
        .find_map(|l| l.trim().strip_prefix(key)?.strip_prefix('='))
}

/// The reminder set up here, if there is one.
pub fn find(places: &Places) -> Option<Found> {
    let dir = folder(places);
    let (timer, service) = (dir.join(TIMER), dir.join(SERVICE));
    if !timer.exists() && !service.exists() {
        return None;
    }
    let at = fs::read_to_string(&timer).ok().and_then(|t| {
        let time = value(&t, "OnCalendar")?.strip_prefix("*-*-* ")?;
        At::parse(time.get(..5)?).ok()
    });
    let words = fs::read_to_string(&service)
        .ok()
        .and_then(|s| words_in(&unquoted(value(&s, "ExecStart")?)));
    let note = match run("systemctl", &["--user", "is-enabled", TIMER], None) {
        Ok(Some(ran)) if ran.stdout.trim() == "enabled" => "enabled".to_owned(),
        Ok(Some(_)) => format!("not enabled: `systemctl --user enable --now {TIMER}` starts it"),
        _ => "systemctl is not on PATH here, so it does not run".to_owned(),
    };
    Some(Found {
        via: Via::Systemd,
        at,
        words,
        places: vec![timer.display().to_string(), service.display().to_string()],
        note: Some(note),
    })
}

/// Puts back what was at `path` before (`None`: nothing).
fn put_back(path: &Path, before: Option<&[u8]>) {
    let _ = match before {
        Some(bytes) => atomic::write(path, bytes),
        None => fs::remove_file(path),
    };
}

/// Writes the two files and starts the timer; the paths written. On a failure, what was
/// there before is put back.
///
/// # Errors
/// No systemctl; a file cannot be written; systemctl fails.
pub fn install(places: &Places, reminder: &Reminder) -> Result<Vec<PathBuf>> {
    if run("systemctl", &["--version"], None)?.is_none() {
        bail!(
            "systemctl is not on PATH, so a systemd timer cannot be started here. \
             Use --via cron to see a line for your crontab instead."
        );
    }
    let dir = folder(places);
    atomic::create_private_dir(&dir).with_context(|| format!("making {}", dir.display()))?;
    let files = [
        (dir.join(SERVICE), service(reminder)),
        (dir.join(TIMER), timer(reminder.at)),
    ];
    let before: Vec<Option<Vec<u8>>> = files.iter().map(|(p, _)| fs::read(p).ok()).collect();
    let done = files
        .iter()
        .try_for_each(|(path, text)| {
            atomic::write(path, text.as_bytes())
                .with_context(|| format!("writing {}", path.display()))
        })
        .and_then(|()| must("systemctl", &["--user", "daemon-reload"], None))
        .and_then(|_| must("systemctl", &["--user", "enable", "--now", TIMER], None));
    if let Err(e) = done {
        for ((path, _), before) in files.iter().zip(&before) {
            put_back(path, before.as_deref());
        }
        let _ = run("systemctl", &["--user", "daemon-reload"], None);
        let what = if before.iter().any(Option::is_some) {
            "the reminder set up before is back as it was"
        } else {
            "nothing was left set up"
        };
        bail!(
            "{e:#}. The timer could not be started, so {what}. Check that `systemctl --user \
             status` works in this session, or use --via cron."
        );
    }
    Ok(files.into_iter().map(|(p, _)| p).collect())
}

/// Stops the timer and removes the two files (and the link `enable` made, if systemctl could
/// not remove it); the paths removed, none when there was nothing.
///
/// # Errors
/// A file that is there cannot be removed.
pub fn remove(places: &Places) -> Result<Vec<PathBuf>> {
    let dir = folder(places);
    let files = [dir.join(TIMER), dir.join(SERVICE)];
    if !files.iter().any(|p| p.exists()) {
        return Ok(Vec::new());
    }
    let _ = run("systemctl", &["--user", "disable", "--now", TIMER], None);
    let link = dir.join("timers.target.wants").join(TIMER);
    if link.symlink_metadata().is_ok() {
        fs::remove_file(&link).with_context(|| format!("removing {}", link.display()))?;
    }
    let mut removed = Vec::new();
    for path in files {
        if path.exists() {
            fs::remove_file(&path).with_context(|| format!("removing {}", path.display()))?;
            removed.push(path);
        }
    }
    let _ = run("systemctl", &["--user", "daemon-reload"], None);
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_come_back_as_they_went_in() {
        for arg in [
            "plain",
            "a \"quoted\" \\ back",
            "100% of $HOME",
            "tea? ☕",
            "",
        ] {
            let line = format!("{} {}", quoted("/bin/closer"), quoted(arg));
            assert_eq!(unquoted(&line), ["/bin/closer", arg], "{line}");
        }
        assert_eq!(quoted("50% $x"), "\"50%% $$x\"");
    }
}
