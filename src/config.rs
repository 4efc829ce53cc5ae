//! `config.toml`: the settings for people who keep dotfiles. Each key it sets wins over the
//! settings screen's saved choice. A key it does not know, or a value that is not one of the
//! choices, is reported with the file, the line and the valid values, and left out; closer
//! starts with everything else.
//!
//! ```toml
//! perspective = "partner-pulls-away"  # "i-pull-away", "partner-pulls-away" or "both"
//! theme = "high-contrast"             # "default", "high-contrast" or "no-colour"
//! mood_labels = "gentle"              # "words", "gentle" or "numbers"
//! week_start = "sunday"               # "monday" or "sunday"
//! editor = "nvim"                     # for Ctrl-E; default: $VISUAL, then $EDITOR
//! ```

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::journal::{Choice, MoodLabels, PerspectiveChoice, Preferences, ThemeChoice, WeekStart};

pub mod folders;

/// The file's name in the config folder.
pub const FILE: &str = "config.toml";

/// The keys, in the order documented.
pub const KEYS: [&str; 9] = [
    "perspective",
    "theme",
    "mood_labels",
    "week_start",
    "editor",
    "backup_dir",
    "backup_keep",
    "passphrase_command",
    "auto_lock",
];

/// What `config.toml` sets; `None` where it says nothing (or something wrong).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// The file, when one was read.
    pub path: Option<PathBuf>,
    /// Whose distance.
    pub perspective: Option<PerspectiveChoice>,
    /// The colours.
    pub theme: Option<ThemeChoice>,
    /// Mood words.
    pub mood_labels: Option<MoodLabels>,
    /// First day of the week.
    pub week_start: Option<WeekStart>,
    /// The editor for Ctrl-E.
    pub editor: Option<String>,
    /// Where backups go (`~/` is the home folder).
    pub backup_dir: Option<PathBuf>,
    /// How many backups are kept.
    pub backup_keep: Option<crate::store::backup::Keep>,
    /// A shell command that prints an encrypted journal's passphrase (from `pass` or a
    /// keyring), used instead of asking.
    pub passphrase_command: Option<String>,
    /// Lock after this long without a key (`"10m"`, `"30s"`, `"off"`); `None`: 10 minutes
    /// for an encrypted journal, never for a plain one.
    pub auto_lock: Option<AutoLock>,
}

/// When closer locks itself after no key was pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AutoLock {
    /// Never.
    Off,
    /// After this long.
    After(std::time::Duration),
}

impl AutoLock {
    /// The default: 10 minutes for an encrypted journal, off for a plain one.
    pub fn default_for(encrypted: bool) -> AutoLock {
        if encrypted {
            AutoLock::After(std::time::Duration::from_secs(600))
        } else {
            AutoLock::Off
        }
    }

    /// Reads `"off"`, `"90s"`, `"10m"`, `"1h"` (a whole number and a unit).
    pub fn parse(text: &str) -> Option<AutoLock> {
        let text = text.trim();
        if text == "off" {
            return Some(AutoLock::Off);
        }
        let unit = text.chars().last()?;
        let n: u64 = text[..text.len() - unit.len_utf8()].trim().parse().ok()?;
        let secs = match unit {
            's' => n,
            'm' => n.checked_mul(60)?,
            'h' => n.checked_mul(3600)?,
            _ => return None,
        };
        (secs > 0).then(|| AutoLock::After(std::time::Duration::from_secs(secs)))
    }

    /// Whether `text` is written as a time (digits and a unit) that is no time closer can
    /// use: none at all (`"0m"`), or more than it can count.
    fn out_of_range(text: &str) -> bool {
        let text = text.trim();
        let Some(digits) = text.strip_suffix(['s', 'm', 'h']) else {
            return false;
        };
        let digits = digits.trim();
        !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && AutoLock::parse(text).is_none()
    }
}

/// A problem in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file.
    pub path: PathBuf,
    /// The line, when known.
    pub line: Option<usize>,
    /// The column (from 1, in characters), for a TOML syntax mistake.
    pub column: Option<usize>,
    /// What is wrong and what would be right.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        match (self.line, self.column) {
            (Some(line), Some(column)) => {
                write!(f, "{path}, line {line}, column {column}: {}", self.message)
            }
            (Some(line), None) => write!(f, "{path}, line {line}: {}", self.message),
            _ => write!(f, "{path}: {}", self.message),
        }
    }
}

impl Config {
    /// Lays what the file sets over `prefs`.
    pub fn apply(&self, prefs: &mut Preferences) {
        if let Some(v) = self.perspective {
            prefs.perspective = Some(v);
        }
        if let Some(v) = self.theme {
            prefs.theme = v;
        }
        if let Some(v) = self.mood_labels {
            prefs.mood_labels = v;
        }
        if let Some(v) = self.week_start {
            prefs.week_start = v;
        }
        if let Some(v) = &self.editor {
            prefs.editor = Some(v.clone());
        }
    }

    /// What to keep in `state.json` when the preferences in use change from `before` to
    /// `after`: `after`, except that a setting this file sets, and the person did not change on
    /// screen, keeps the person's own `stored` value (so config.toml's values do not leak into
    /// `state.json` when any setting is changed, replacing the person's choice).
    pub fn to_store(
        &self,
        stored: &Preferences,
        before: &Preferences,
        after: &Preferences,
    ) -> Preferences {
        let mut keep = after.clone();
        if self.perspective.is_some() && after.perspective == before.perspective {
            keep.perspective = stored.perspective;
        }
        if self.theme.is_some() && after.theme == before.theme {
            keep.theme = stored.theme;
        }
        if self.mood_labels.is_some() && after.mood_labels == before.mood_labels {
            keep.mood_labels = stored.mood_labels;
        }
        if self.week_start.is_some() && after.week_start == before.week_start {
            keep.week_start = stored.week_start;
        }
        if self.editor.is_some() && after.editor == before.editor {
            keep.editor = stored.editor.clone();
        }
        keep
    }

    /// Whether the file sets `key`.
    pub fn sets(&self, key: &str) -> bool {
        match key {
            "perspective" => self.perspective.is_some(),
            "theme" => self.theme.is_some(),
            "mood_labels" => self.mood_labels.is_some(),
            "week_start" => self.week_start.is_some(),
            "editor" => self.editor.is_some(),
            "backup_dir" => self.backup_dir.is_some(),
            "backup_keep" => self.backup_keep.is_some(),
            _ => false,
        }
    }
}

/// Reads the text of a config file: the settings it sets well, and every mistake in it (each
/// syntax mistake, with its line and column, and then the whole file is left out; each key
/// closer does not know, each value that is not text, not one of the choices or out of
/// range, with its line), in the order of the file.
pub fn parse(path: &Path, text: &str) -> (Config, Vec<ConfigError>) {
    let mut config = Config {
        path: Some(path.to_owned()),
        ..Config::default()
    };
    let err = |m: crate::toml_text::Mistake, column: bool| ConfigError {
        path: path.to_owned(),
        line: Some(m.line),
        column: column.then_some(m.column),
        message: m.message,
    };
    let table = match crate::toml_text::parse(text) {
        Ok(table) => table.into_inner(),
        Err(mistakes) => {
            let errors = mistakes.into_iter().map(|m| err(m, true)).collect();
            return (config, errors);
        }
    };
    let lines = crate::toml_text::Lines::new(text);
    let mut errors = Vec::new();
    for (key, value) in &table {
        let at = |message: String| err(lines.at(Some(key.span()), message), false);
        let key = key.get_ref().as_ref();
        if !KEYS.contains(&key) {
            errors.push(at(format!(
                "closer has no setting \"{key}\"; the settings are {}",
                KEYS.join(", ")
            )));
            continue;
        }
        let Some(text_value) = value.get_ref().as_str() else {
            errors.push(at(format!(
                "{key} must be text in quotes, like {key} = \"…\" (it is {} {})",
                article(value.get_ref().type_str()),
                value.get_ref().type_str()
            )));
            continue;
        };
        if let Err(message) = set(&mut config, key, text_value) {
            errors.push(at(message));
        }
    }
    errors.sort_by_key(|e| e.line);
    (config, errors)
}

/// "a" or "an", for a TOML type's name.
fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// Sets the setting `key` of `config` to `text_value`; why not, when it cannot be.
fn set(config: &mut Config, key: &str, text_value: &str) -> Result<(), String> {
    macro_rules! choice {
        ($ty:ty, $field:ident, $what:literal) => {
            match <$ty>::from_id(text_value) {
                Some(v) => config.$field = Some(v),
                None => {
                    return Err(format!(
                        "{key} = \"{text_value}\" is not {}; use {}",
                        $what,
                        <$ty>::ids()
                    ));
                }
            }
        };
    }
    match key {
        "perspective" => choice!(PerspectiveChoice, perspective, "a perspective"),
        "theme" => choice!(ThemeChoice, theme, "a theme"),
        "mood_labels" => choice!(MoodLabels, mood_labels, "a set of mood labels"),
        "week_start" => choice!(WeekStart, week_start, "a day a week can start on"),
        "editor" if text_value.trim().is_empty() => {
            return Err("editor is empty; name a program, like editor = \"nano\"".into());
        }
        "editor" => config.editor = Some(text_value.to_owned()),
        "backup_dir" if text_value.trim().is_empty() => {
            return Err(
                "backup_dir is empty; name a folder, like backup_dir = \"/media/usb/closer\""
                    .into(),
            );
        }
        "backup_dir" => {
            let home = directories::BaseDirs::new().map(|d| d.home_dir().to_owned());
            config.backup_dir = Some(match (text_value.strip_prefix("~/"), home) {
                (Some(rest), Some(home)) => home.join(rest),
                _ => PathBuf::from(text_value),
            });
        }
        "backup_keep" => match crate::store::backup::Keep::parse(text_value) {
            Some(keep) if keep.daily == 0 && keep.weekly == 0 && keep.monthly == 0 => {
                return Err(format!(
                    "backup_keep = \"{text_value}\" is out of range: it keeps no backup but \
                     the newest; keep at least 1, like backup_keep = \"7 daily, 4 weekly, 12 \
                     monthly\" (the default)"
                ));
            }
            Some(keep) => config.backup_keep = Some(keep),
            None => {
                return Err(format!(
                    "backup_keep = \"{text_value}\" is not a rotation; write it like \
                     backup_keep = \"7 daily, 4 weekly, 12 monthly\""
                ));
            }
        },
        "passphrase_command" if text_value.trim().is_empty() => {
            return Err(
                "passphrase_command is empty; name a command, like passphrase_command = \"pass show closer\""
                    .into(),
            );
        }
        "passphrase_command" => config.passphrase_command = Some(text_value.to_owned()),
        "auto_lock" => match AutoLock::parse(text_value) {
            Some(a) => config.auto_lock = Some(a),
            None if AutoLock::out_of_range(text_value) => {
                return Err(format!(
                    "auto_lock = \"{text_value}\" is out of range: give from 1 second (\"1s\") \
                     to as many hours as you like (\"8h\"), or \"off\" never to lock"
                ));
            }
            None => {
                return Err(format!(
                    "auto_lock = \"{text_value}\" is not a time; write it like \
                     auto_lock = \"10m\", \"90s\" or \"off\""
                ));
            }
        },
        other => {
            return Err(format!(
                "closer has no setting \"{other}\"; the settings are {}",
                KEYS.join(", ")
            ));
        }
    }
    Ok(())
}

/// Reads the config file at `path`; no file is no settings and no error.
pub fn load(path: &Path) -> (Config, Vec<ConfigError>) {
    match crate::files::read_regular_text(path, crate::files::SETTINGS_CAP) {
        Ok(text) => parse(path, &text),
        Err(e) if e.kind() == io::ErrorKind::NotFound => (Config::default(), Vec::new()),
        Err(e) => (
            Config::default(),
            vec![ConfigError {
                path: path.to_owned(),
                line: None,
                column: None,
                message: format!("cannot be read: {e}"),
            }],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> PathBuf {
        PathBuf::from("/home/you/.config/closer/config.toml")
    }

    #[test]
    fn every_key_is_read() {
        let text = "perspective = \"both\"\ntheme = \"high-contrast\"\nmood_labels = \"gentle\"\n\
                    week_start = \"sunday\"\neditor = \"nvim -u NONE\"\n";
        let (c, errors) = parse(&p(), text);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(c.perspective, Some(PerspectiveChoice::Both));
        assert_eq!(c.theme, Some(ThemeChoice::HighContrast));
        assert_eq!(c.mood_labels, Some(MoodLabels::Gentle));
        assert_eq!(c.week_start, Some(WeekStart::Sunday));
        assert_eq!(c.editor.as_deref(), Some("nvim -u NONE"));
        let mut prefs = Preferences::default();
        c.apply(&mut prefs);
        assert_eq!(prefs.theme, ThemeChoice::HighContrast);
        assert!(c.sets("theme") && !c.sets("nothing"));
    }

    #[test]
    fn privacy_settings_are_read() {
        let text = "passphrase_command = \"pass show closer\"\nauto_lock = \"90s\"\n";
        let (c, errors) = parse(&p(), text);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(c.passphrase_command.as_deref(), Some("pass show closer"));
        assert_eq!(
            c.auto_lock,
            Some(AutoLock::After(std::time::Duration::from_secs(90)))
        );
        assert_eq!(AutoLock::parse("off"), Some(AutoLock::Off));
        assert_eq!(
            AutoLock::parse("10m"),
            Some(AutoLock::After(std::time::Duration::from_secs(600)))
        );
        for bad in ["", "0s", "ten minutes", "5d", "m"] {
            assert_eq!(AutoLock::parse(bad), None, "{bad}");
        }
        let (_, errors) = parse(&p(), "auto_lock = \"soon\"\n");
        assert!(errors[0].message.contains("auto_lock"), "{errors:?}");
    }

    #[test]
    fn a_bad_value_names_the_file_the_line_and_the_choices_and_the_rest_is_used() {
        let text = "# my settings\ntheme = \"blue\"\nweek_start = \"sunday\"\n";
        let (c, errors) = parse(&p(), text);
        assert_eq!(
            c.week_start,
            Some(WeekStart::Sunday),
            "the good key is used"
        );
        assert_eq!(c.theme, None, "the bad one is left out");
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].to_string(),
            "/home/you/.config/closer/config.toml, line 2: theme = \"blue\" is not a theme; \
             use \"default\", \"high-contrast\" or \"no-colour\""
        );
    }

    #[test]
    fn an_unknown_key_lists_the_settings() {
        let (_, errors) = parse(&p(), "\n\ncolour = \"red\"\n");
        assert_eq!(errors[0].line, Some(3));
        assert!(errors[0].message.contains("no setting \"colour\""));
        assert!(
            errors[0]
                .message
                .contains("perspective, theme, mood_labels, week_start, editor, backup_dir")
        );
    }

    #[test]
    fn wrong_types_and_broken_toml() {
        let (_, errors) = parse(&p(), "week_start = 1\n");
        assert!(errors[0].message.contains("text in quotes"), "{errors:?}");
        let (c, errors) = parse(&p(), "theme = \"default\"\ntheme = \n");
        assert_eq!(
            c,
            Config {
                path: Some(p()),
                ..Config::default()
            }
        );
        // The value missing, and the key written twice: both said, on line 2.
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors.iter().all(|e| e.line == Some(2)), "{errors:?}");
        let (_, errors) = parse(&p(), "editor = \"  \"\n");
        assert!(errors[0].message.contains("editor is empty"));
    }

    /// Issue 36: every mistake at once, in the order of the file; an unknown key is said to
    /// be unknown whatever its value.
    #[test]
    fn every_mistake_is_said_in_the_order_of_the_file() {
        let text = "theme = \"blue\"\ncolour = 1\nweek_start = 1\nauto_lock = \"0m\"\n\
                    backup_keep = \"0 daily\"\nmood_labels = \"gentle\"\n";
        let (c, errors) = parse(&p(), text);
        assert_eq!(
            c.mood_labels,
            Some(MoodLabels::Gentle),
            "the good key is used"
        );
        let said: Vec<(Option<usize>, &str)> = errors
            .iter()
            .map(|e| (e.line, e.message.as_str()))
            .collect();
        assert_eq!(errors.len(), 5, "{said:#?}");
        assert_eq!(said[0].0, Some(1));
        assert!(said[0].1.contains("not a theme"), "{said:?}");
        assert_eq!(said[1].0, Some(2));
        assert!(said[1].1.contains("no setting \"colour\""), "{said:?}");
        assert_eq!(said[2].0, Some(3));
        assert!(said[2].1.contains("must be text in quotes"), "{said:?}");
        assert!(said[2].1.contains("it is an integer"), "{said:?}");
        assert_eq!(said[3].0, Some(4));
        assert!(
            said[3].1.contains("auto_lock = \"0m\" is out of range"),
            "{said:?}"
        );
        assert_eq!(said[4].0, Some(5));
        assert!(
            said[4]
                .1
                .contains("backup_keep = \"0 daily\" is out of range"),
            "{said:?}"
        );
        assert!(errors.iter().all(|e| e.column.is_none()), "{errors:?}");
        let (_, errors) = parse(&p(), "auto_lock = \"99999999999999999999h\"\n");
        assert!(errors[0].message.contains("out of range"), "{errors:?}");
        let (_, errors) = parse(&p(), "auto_lock = \"soon\"\n");
        assert!(errors[0].message.contains("not a time"), "{errors:?}");
    }

    #[test]
    fn every_syntax_mistake_is_said_with_its_line_and_column() {
        let (c, errors) = parse(
            &p(),
            "theme = \"default\"\nweek_start = sunday\neditor = \"vi\n",
        );
        assert_eq!(
            c.theme, None,
            "a file that cannot be read is left out whole"
        );
        assert!(errors.len() >= 2, "{errors:?}");
        assert_eq!((errors[0].line, errors[0].column), (Some(2), Some(14)));
        assert!(
            errors[0]
                .to_string()
                .starts_with("/home/you/.config/closer/config.toml, line 2, column 14: "),
            "{}",
            errors[0]
        );
        assert!(errors[0].message.contains("left out until it is fixed"));
        assert_eq!(errors.last().unwrap().line, Some(3), "{errors:?}");
    }

    #[test]
    fn no_file_is_fine_and_an_unreadable_one_is_said() {
        let (c, errors) = load(Path::new("/nonexistent/closer/config.toml"));
        assert_eq!((c, errors.len()), (Config::default(), 0));
        let dir = tempfile::tempdir().unwrap();
        let (_, errors) = load(dir.path());
        assert!(errors[0].message.contains("cannot be read"), "{errors:?}");
    }
}
