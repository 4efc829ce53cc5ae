//! Where the config files live. The platform gives closer a config folder and a data folder
//! (through `directories`); on Linux and Windows they are two folders, but macOS gives both
//! as `~/Library/Application Support/closer`, so config.toml would sit beside the journal:
//! `closer sync` would commit it and every backup would hold it twice (with the journal, and
//! as the settings a backup carries). So when the platform's config folder is the data folder
//! (or inside it), the config files have a folder of their own, its `config` subfolder, which
//! backups and sync leave out of the journal (`store::layout::NOT_JOURNAL`). The choice is a
//! function of the two paths alone ([`config_dir_for`]), tested with macOS's.
//!
//! An earlier closer on macOS kept the files at the top of that shared folder: the first run
//! of this one moves each into the `config` folder, and says so ([`move_old_files`]).

use std::path::{Path, PathBuf};

use crate::store::backup::CONFIG_FILES;
use crate::store::layout::CONFIG_SUBFOLDER;

/// The config folder closer uses, given the platform's config folder and data folder: the
/// platform's config folder, unless it is the data folder or inside it; then the data
/// folder's `config` subfolder (macOS: `~/Library/Application Support/closer/config`).
pub fn config_dir_for(platform_config: &Path, platform_data: &Path) -> PathBuf {
    if platform_config.starts_with(platform_data) {
        platform_data.join(CONFIG_SUBFOLDER)
    } else {
        platform_config.to_owned()
    }
}

/// A config file an earlier closer kept in `from` that belongs in `to` now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OldFile {
    /// Where it is.
    pub from: PathBuf,
    /// Where closer reads it now.
    pub to: PathBuf,
}

/// The config files waiting in `old` (the platform's config folder, when closer uses another,
/// `new`) to move to `new`: those there that are not in `new` already.
pub fn waiting(old: &Path, new: &Path) -> Vec<OldFile> {
    old_files(old, new, false)
}

/// The config files of `old` that are also in `new`: the ones in `new` are read, the old
/// ones not (and neither synced nor backed up).
pub fn left_behind(old: &Path, new: &Path) -> Vec<OldFile> {
    old_files(old, new, true)
}

/// The config files in `old` (none when it is `new`) whose place in `new` is taken or not.
fn old_files(old: &Path, new: &Path, taken: bool) -> Vec<OldFile> {
    if old == new {
        return Vec::new();
    }
    CONFIG_FILES
        .iter()
        .map(|name| OldFile {
            from: old.join(name),
            to: new.join(name),
        })
        .filter(|f| f.from.is_file() && f.to.exists() == taken)
        .collect()
}

/// Moves each config file waiting in `old` (see [`waiting`]) into `new` (made private if
/// missing): written there whole (0600), never over a file, then removed from `old`. Gives a
/// line for each, saying what was done or why not; a file that could not be moved stays
/// where it was, unread until it is moved by hand.
pub fn move_old_files(old: &Path, new: &Path) -> Vec<String> {
    waiting(old, new)
        .into_iter()
        .map(|f| match move_one(&f, new) {
            Ok(()) => format!(
                "moved {} to {}: config files now have a folder of their own, so sync and \
                 backups never carry them with the journal.",
                f.from.display(),
                f.to.display()
            ),
            Err(e) => format!(
                "could not move {} to {} ({}); closer does not read it there. Move it by hand.",
                f.from.display(),
                f.to.display(),
                crate::store::atomic::plain_reason(&e)
            ),
        })
        .collect()
}

fn move_one(f: &OldFile, new: &Path) -> std::io::Result<()> {
    crate::store::atomic::create_private_dir(new)?;
    let bytes = crate::files::read_regular(&f.from, crate::files::CONTENT_CAP)?;
    crate::store::atomic::write_new(&f.to, &bytes)?;
    crate::store::atomic::remove(&f.from)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `directories` gives on each platform (its macOS code: config, data and data-local
    /// are all `~/Library/Application Support/<id>`).
    #[test]
    fn config_files_never_share_the_data_folder() {
        let mac = Path::new("/Users/sam/Library/Application Support/closer");
        assert_eq!(
            config_dir_for(mac, mac),
            Path::new("/Users/sam/Library/Application Support/closer/config")
        );
        let (config, data) = (
            Path::new("/home/sam/.config/closer"),
            Path::new("/home/sam/.local/share/closer"),
        );
        assert_eq!(config_dir_for(config, data), config, "Linux: as it was");
        let (config, data) = (
            Path::new(r"C:\Users\sam\AppData\Roaming\closer\config"),
            Path::new(r"C:\Users\sam\AppData\Roaming\closer\data"),
        );
        assert_eq!(config_dir_for(config, data), config, "Windows: as it was");
        // XDG_CONFIG_HOME set to XDG_DATA_HOME, or under it, on Linux: as on macOS.
        let data = Path::new("/home/sam/xdg/closer");
        assert_eq!(config_dir_for(data, data), data.join("config"));
        assert_eq!(config_dir_for(&data.join("etc"), data), data.join("config"));
        // The data folder inside the config folder leaves the config files outside it.
        let config = Path::new("/home/sam/.config/closer");
        assert_eq!(config_dir_for(config, &config.join("data")), config);
        // A folder whose name only begins like the data folder's is not inside it.
        let data = Path::new("/home/sam/closer");
        let config = Path::new("/home/sam/closer-config");
        assert_eq!(config_dir_for(config, data), config);
    }

    /// An install from before, on macOS: config.toml and prompts.toml beside the journal.
    /// They are moved once, said; one already in the new folder is never replaced.
    #[test]
    fn old_config_files_move_into_their_folder_once() {
        let dir = tempfile::tempdir().unwrap();
        let shared = dir.path().join("Application Support/closer");
        std::fs::create_dir_all(shared.join("entries")).unwrap();
        std::fs::write(shared.join("config.toml"), "theme = \"high-contrast\"\n").unwrap();
        std::fs::write(shared.join("prompts.toml"), "# mine\n").unwrap();
        std::fs::write(shared.join("state.json"), "{}").unwrap();
        let new = config_dir_for(&shared, &shared);
        assert_eq!(waiting(&shared, &new).len(), 2);
        let said = move_old_files(&shared, &new);
        assert_eq!(said.len(), 2, "{said:?}");
        assert!(said.iter().all(|s| s.starts_with("moved ")), "{said:?}");
        assert_eq!(
            std::fs::read_to_string(new.join("config.toml")).unwrap(),
            "theme = \"high-contrast\"\n"
        );
        assert_eq!(
            std::fs::read_to_string(new.join("prompts.toml")).unwrap(),
            "# mine\n"
        );
        assert!(!shared.join("config.toml").exists());
        assert!(!shared.join("prompts.toml").exists());
        assert!(shared.join("state.json").exists(), "the journal's own stay");
        assert!(move_old_files(&shared, &new).is_empty(), "once");

        // Both there: the new one is kept and read, the old one left, and named.
        std::fs::write(shared.join("config.toml"), "theme = \"default\"\n").unwrap();
        assert!(waiting(&shared, &new).is_empty());
        assert!(move_old_files(&shared, &new).is_empty());
        assert_eq!(
            std::fs::read_to_string(new.join("config.toml")).unwrap(),
            "theme = \"high-contrast\"\n"
        );
        let behind = left_behind(&shared, &new);
        assert_eq!(behind.len(), 1);
        assert_eq!(behind[0].from, shared.join("config.toml"));
        // Linux: nothing to move.
        assert!(waiting(&new, &new).is_empty() && left_behind(&new, &new).is_empty());
    }
}
