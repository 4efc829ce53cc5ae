//! A line in the user's crontab, shown for the person to add, or added with
//! `--install-cron` through `crontab -l` / `crontab -`, every other line kept as it is. The
//! line ends with [`MARK`], so `--off` removes that line and no other.

use anyhow::{Result, bail};

use super::run::{must, run};
use super::{At, Found, Reminder, Via, words_in};

/// The end of closer's line (a comment to the shell cron runs it with).
pub const MARK: &str = "# closer-remind";

/// An argument for the shell cron runs the line with: in single quotes, and `%` escaped,
/// which cron would otherwise turn into a new line (cron removes the backslash).
fn quoted(arg: &str) -> String {
    format!("'{}'", arg.replace('\'', "'\\''").replace('%', "\\%"))
}

/// The words of a command line written with [`quoted`], up to the comment.
fn unquoted(command: &str) -> Vec<String> {
    let command = command.replace("\\%", "%");
    let mut args = Vec::new();
    let mut chars = command.chars();
    let mut arg: Option<String> = None;
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                let a = arg.get_or_insert_with(String::new);
                a.extend(chars.by_ref().take_while(|c| *c != '\''));
            }
            '\\' => arg.get_or_insert_with(String::new).extend(chars.next()),
            '#' if arg.is_none() => break,
            c if c.is_whitespace() => args.extend(arg.take()),
            c => arg.get_or_insert_with(String::new).push(c),
        }
    }
    args.extend(arg);
    args
}

/// closer's crontab line for `reminder`.
pub fn line(reminder: &Reminder) -> String {
    let command: Vec<String> = reminder.argv().iter().map(|a| quoted(a)).collect();
    format!(
        "{} {} * * * {} {MARK}",
        reminder.at.minute,
        reminder.at.hour,
        command.join(" ")
    )
}

/// Whether `line` is closer's.
fn is_ours(line: &str) -> bool {
    line.trim_end().ends_with(&format!(" {MARK}"))
}

/// The crontab without closer's line, every other line byte for byte.
fn without_ours(crontab: &str) -> String {
    crontab
        .split_inclusive('\n')
        .filter(|l| !is_ours(l))
        .collect()
}

/// The user's crontab (empty when they have none); `None` when there is no `crontab` here.
///
/// # Errors
/// `crontab -l` fails for another reason than there being none.
fn current() -> Result<Option<String>> {
    match run("crontab", &["-l"], None)? {
        None => Ok(None),
        Some(ran) if ran.ok => Ok(Some(ran.stdout)),
        Some(ran) if ran.stderr.contains("no crontab") => Ok(Some(String::new())),
        Some(ran) => bail!(
            "`crontab -l` failed, so your crontab was left as it is: {}",
            ran.stderr
        ),
    }
}

/// closer's line in the crontab, when there is one.
///
/// # Errors
/// As [`current`].
pub fn find() -> Result<Option<Found>> {
    let Some(crontab) = current()? else {
        return Ok(None);
    };
    let Some(line) = crontab.lines().find(|l| is_ours(l)) else {
        return Ok(None);
    };
    let mut fields = line.split_whitespace();
    let (minute, hour) = (fields.next(), fields.next());
    let at = minute
        .zip(hour)
        .and_then(|(m, h)| At::parse(&format!("{h}:{m:0>2}")).ok());
    let command: String = line
        .splitn(6, char::is_whitespace)
        .nth(5)
        .unwrap_or_default()
        .to_owned();
    Ok(Some(Found {
        via: Via::Cron,
        at,
        words: words_in(&unquoted(&command)),
        places: vec![format!("your crontab (crontab -l): {line}")],
        note: None,
    }))
}

/// Adds closer's line to the crontab (replacing closer's line already there).
///
/// # Errors
/// No `crontab` here; reading or writing the crontab fails.
pub fn install(reminder: &Reminder) -> Result<()> {
    let Some(crontab) = current()? else {
        bail!("crontab is not on PATH, so there is no cron here to remind you");
    };
    let mut new = without_ours(&crontab);
    if !new.is_empty() && !new.ends_with('\n') {
        new.push('\n');
    }
    new.push_str(&line(reminder));
    new.push('\n');
    must("crontab", &["-"], Some(new.as_bytes()))?;
    Ok(())
}

/// Removes closer's line from the crontab (the crontab itself when nothing else is in it);
/// the line removed, if there was one.
///
/// # Errors
/// Reading or writing the crontab fails.
pub fn remove() -> Result<Option<String>> {
    let Some(crontab) = current()? else {
        return Ok(None);
    };
    let Some(line) = crontab.lines().find(|l| is_ours(l)) else {
        return Ok(None);
    };
    let rest = without_ours(&crontab);
    if rest.is_empty() {
        must("crontab", &["-r"], None)?;
    } else {
        must("crontab", &["-"], Some(rest.as_bytes()))?;
    }
    Ok(Some(line.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_come_back_as_they_went_in() {
        for arg in [
            "plain",
            "it's 100% me",
            "a \\ b \"c\"",
            "# not a comment",
            "",
        ] {
            let command = format!("{} {} {MARK}", quoted("/bin/closer"), quoted(arg));
            assert_eq!(unquoted(&command), ["/bin/closer", arg], "{command}");
        }
        assert_eq!(quoted("50%"), "'50\\%'");
    }

    #[test]
    fn only_closers_line_goes_and_the_rest_stays_byte_for_byte() {
        let crontab = "MAILTO=me\n# keep # closer-remind-ish\n0 1 * * * backup # closer-remind\n\
                       5 4 * * * 'x' # closer-remind\n7 7 * * * last";
        assert_eq!(
            without_ours(crontab),
            "MAILTO=me\n# keep # closer-remind-ish\n7 7 * * * last"
        );
    }
}
