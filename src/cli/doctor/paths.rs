//! `closer doctor --paths`: the folders and the settings file closer uses, and whether each
//! is there. A flag of doctor's rather than a command of its own: it is a question asked when
//! something seems wrong, and it changes nothing, like the rest of doctor.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;
use serde::Serialize;

use super::super::Ctx;
use crate::store::Layout;

/// One folder or file closer uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    /// Where it is; `None` when it cannot be found (no home folder). In JSON a name that is
    /// not UTF-8 has U+FFFD for what is not.
    #[serde(serialize_with = "lossy")]
    pub path: Option<PathBuf>,
    /// Whether it is there now.
    pub exists: bool,
}

fn lossy<S: serde::Serializer>(path: &Option<PathBuf>, s: S) -> Result<S::Ok, S::Error> {
    path.as_deref().map(Path::to_string_lossy).serialize(s)
}

impl Place {
    fn of(path: Option<PathBuf>) -> Place {
        let exists = path.as_deref().is_some_and(Path::exists);
        Place { path, exists }
    }
}

/// The settings file, and whether `--config` or `CLOSER_CONFIG` gave it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SettingsFile {
    /// Where it is, and whether it is there.
    #[serde(flatten)]
    pub place: Place,
    /// Given with `--config` or `CLOSER_CONFIG` (else the config folder's `config.toml`).
    pub given: bool,
}

/// Every place closer uses, as `--paths --json` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paths {
    /// The journal.
    pub data_dir: Place,
    /// config.toml, prompts.toml and strategies.toml.
    pub config_dir: Place,
    /// The settings file in use.
    pub config_file: SettingsFile,
    /// Where backups go.
    pub backup_dir: Place,
    /// This computer's record of an encrypted journal (see `store::known`).
    pub state_dir: Place,
    /// Where an encrypted journal's text waits while an editor has it.
    pub runtime_dir: Place,
}

/// The places of this run.
pub fn of(ctx: &Ctx) -> Paths {
    let data = ctx.data_dir().ok().map(Path::to_owned);
    let backup = ctx
        .config()
        .backup_dir
        .clone()
        .or_else(|| data.as_deref().map(crate::store::backup::default_dir));
    Paths {
        config_dir: Place::of(ctx.config_dir()),
        config_file: SettingsFile {
            place: Place::of(ctx.config_file().map(Path::to_owned)),
            given: ctx.config_given(),
        },
        backup_dir: Place::of(backup),
        state_dir: Place::of(crate::store::known::state_dir()),
        runtime_dir: Place::of(
            data.as_deref()
                .map(|d| crate::tui::runtime_dir(&Layout::new(d))),
        ),
        data_dir: Place::of(data),
    }
}

/// Prints `paths`, as JSON or as lines of text.
///
/// # Errors
/// A failed write.
pub fn print(paths: &Paths, json: bool, out: &mut impl Write) -> Result<()> {
    if json {
        serde_json::to_writer_pretty(&mut *out, paths)?;
        writeln!(out)?;
        return Ok(());
    }
    let given = if paths.config_file.given {
        "given with --config or CLOSER_CONFIG; "
    } else {
        ""
    };
    let absent_settings = format!("{given}not there: closer uses its defaults");
    let present_settings = format!("{given}there");
    for (what, place, there, absent) in [
        ("Data folder", &paths.data_dir, "there", "not there yet"),
        ("Config folder", &paths.config_dir, "there", "not there yet"),
        (
            "Settings file",
            &paths.config_file.place,
            present_settings.as_str(),
            absent_settings.as_str(),
        ),
        ("Backup folder", &paths.backup_dir, "there", "not there yet"),
        ("State folder", &paths.state_dir, "there", "not there yet"),
        (
            "Runtime folder",
            &paths.runtime_dir,
            "there",
            "not there; used by an encrypted journal",
        ),
    ] {
        match &place.path {
            Some(path) => {
                let said = if place.exists { there } else { absent };
                writeln!(out, "{what:<15} {} ({said})", path.display())?;
            }
            None => writeln!(out, "{what:<15} unknown: no home folder to find it in")?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_print_as_lines_and_as_json() {
        let dir = tempfile::tempdir().unwrap();
        let here = |name: &str| Place::of(Some(dir.path().join(name)));
        std::fs::create_dir(dir.path().join("data")).unwrap();
        let paths = Paths {
            data_dir: here("data"),
            config_dir: here("config"),
            config_file: SettingsFile {
                place: here("config/config.toml"),
                given: true,
            },
            backup_dir: here("backups"),
            state_dir: here("state"),
            runtime_dir: Place::of(None),
        };
        let mut out = Vec::new();
        print(&paths, false, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let data = dir.path().join("data");
        assert!(
            text.contains(&format!("Data folder     {} (there)", data.display())),
            "{text}"
        );
        assert!(
            text.contains(
                "(given with --config or CLOSER_CONFIG; not there: closer uses its defaults)"
            ),
            "{text}"
        );
        assert!(text.contains("Runtime folder  unknown"), "{text}");
        let mut out = Vec::new();
        print(&paths, true, &mut out).unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(json["data_dir"]["exists"], true);
        assert_eq!(json["data_dir"]["path"], data.to_str().unwrap());
        assert_eq!(json["config_file"]["given"], true);
        assert_eq!(json["config_file"]["exists"], false);
        assert_eq!(json["runtime_dir"]["path"], serde_json::Value::Null);
    }
}
