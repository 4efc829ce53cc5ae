//! A launchd agent (macOS): `~/Library/LaunchAgents/local.closer.remind.plist`, loaded with
//! `launchctl bootstrap gui/UID`.

use std::fs;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};

use super::run::{must, run};
use super::{At, Found, Places, Reminder, Via, words_in};
use crate::store::atomic;

/// The agent's label (`local.` is the prefix for agents of no organisation).
pub const LABEL: &str = "local.closer.remind";

/// Where the agent's file goes.
pub fn path(places: &Places) -> PathBuf {
    places
        .home
        .join("Library")
        .join("LaunchAgents")
        .join(format!("{LABEL}.plist"))
}

/// `text` as XML character data.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// XML character data written by [`escaped`] as text.
fn unescaped(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// The agent: runs the reminder every day at the time chosen.
pub fn plist(reminder: &Reminder) -> String {
    let args: String = reminder
        .argv()
        .iter()
        .map(|a| format!("    <string>{}</string>\n", escaped(a)))
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n\
         <!-- Written by closer remind, which removes it when you turn the reminder off. -->\n\
         <plist version=\"1.0\">\n<dict>\n  <key>Label</key>\n  <string>{LABEL}</string>\n\
         \x20 <key>ProgramArguments</key>\n  <array>\n{args}  </array>\n\
         \x20 <key>StartCalendarInterval</key>\n  <dict>\n\
         \x20   <key>Hour</key>\n    <integer>{}</integer>\n\
         \x20   <key>Minute</key>\n    <integer>{}</integer>\n  </dict>\n</dict>\n</plist>\n",
        reminder.at.hour, reminder.at.minute
    )
}

/// The number after `<key>{key}</key>` in the agent's text.
fn integer_after(text: &str, key: &str) -> Option<u8> {
    let rest = text.split_once(&format!("<key>{key}</key>"))?.1;
    let rest = rest.split_once("<integer>")?.1;
    rest.split_once("</integer>")?.0.trim().parse().ok()
}

/// The agent set up here, if there is one.
pub fn find(places: &Places) -> Option<Found> {
    let path = path(places);
    let text = fs::read_to_string(&path).ok()?;
    let at = integer_after(&text, "Hour")
        .zip(integer_after(&text, "Minute"))
        .and_then(|(h, m)| At::parse(&format!("{h}:{m:02}")).ok());
    let args: Vec<String> = text
        .split("<string>")
        .skip(1)
        .filter_map(|s| s.split_once("</string>"))
        .map(|(s, _)| unescaped(s))
        .collect();
    Some(Found {
        via: Via::Launchd,
        at,
        words: words_in(&args),
        places: vec![path.display().to_string()],
        note: None,
    })
}

/// The launchd domain of this user's login session.
fn domain() -> String {
    format!("gui/{}", rustix::process::getuid().as_raw())
}

/// Writes the agent and loads it; the path written. On a failure, what was there before is
/// put back.
///
/// # Errors
/// No launchctl; the file cannot be written; launchctl fails.
pub fn install(places: &Places, reminder: &Reminder) -> Result<PathBuf> {
    let path = path(places);
    let service = format!("{}/{LABEL}", domain());
    // An agent loaded before is unloaded first (and its absence is no error).
    if run("launchctl", &["bootout", &service], None)?.is_none() {
        bail!("launchctl is not on PATH, so a launchd agent cannot be loaded here");
    }
    let before = fs::read(&path).ok();
    let dir = path.parent().map(PathBuf::from).unwrap_or_default();
    let done = atomic::create_private_dir(&dir)
        .and_then(|()| atomic::write(&path, plist(reminder).as_bytes()))
        .with_context(|| format!("writing {}", path.display()))
        .and_then(|()| {
            must(
                "launchctl",
                &["bootstrap", &domain(), &path.to_string_lossy()],
                None,
            )
        });
    if let Err(e) = done {
        let _ = match &before {
            Some(bytes) => atomic::write(&path, bytes).map(|()| {
                let _ = run(
                    "launchctl",
                    &["bootstrap", &domain(), &path.to_string_lossy()],
                    None,
                );
            }),
            None => fs::remove_file(&path),
        };
        bail!("{e:#}. The agent could not be loaded, so nothing new was left set up.");
    }
    Ok(path)
}

/// Unloads the agent and removes its file; the path removed, if there was one.
///
/// # Errors
/// The file is there and cannot be removed.
pub fn remove(places: &Places) -> Result<Option<PathBuf>> {
    let path = path(places);
    if !path.exists() {
        return Ok(None);
    }
    let _ = run(
        "launchctl",
        &["bootout", &format!("{}/{LABEL}", domain())],
        None,
    );
    fs::remove_file(&path).with_context(|| format!("removing {}", path.display()))?;
    Ok(Some(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_comes_back_as_it_went_in() {
        for text in ["plain", "<a & b> \"c\" &amp;", "tea? ☕"] {
            assert_eq!(unescaped(&escaped(text)), text);
        }
    }
}
