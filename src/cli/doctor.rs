//! `closer doctor`: reads every file of the journal and reports each problem with its path and
//! what to do. Changes nothing — not even creating the data folder — unless asked to merge the
//! conflict copies a file-sync tool made (`--merge-conflicts`: day files, the unfinished
//! check-in, state.json), or to make every file private (`--fix-permissions`).

use crate::journal::vocabulary::count;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::store::{self, Layout, Severity};

use super::Ctx;

mod paths;

/// Check the journal's files and say what is wrong and where, changing nothing.
///
/// Exits 0 when all is well, 1 when a file or a setting needs a look, 2 when it cannot
/// check. With --merge-conflicts it first takes in the conflict copies a file-sync tool
/// made (and changes only the days, the unfinished check-ins and the state.json they
/// concern); with --fix-permissions it first makes every file private (and changes nothing
/// else).
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  closer doctor --data-dir ~/journal\n  closer doctor --merge-conflicts   # after Syncthing or Dropbox made copies\n  closer doctor --fix-permissions   # when others can read your files"
)]
pub struct Args {
    /// Take in the conflict copies a file-sync tool made: of day files, merged into their
    /// days (entries by id, the newer version kept); of the unfinished check-in, offered
    /// to resume after the one in progress; of state.json, its own triggers and feelings
    /// added. Nothing is lost; each copy merged is kept in the trash
    #[arg(long)]
    merge_conflicts: bool,
    /// Make every file and folder in the data folder private to you (no permissions for
    /// others: files 600, folders 700); symbolic links are not followed, nothing else changes
    #[arg(long)]
    fix_permissions: bool,
    /// Print the folders and the settings file closer uses (data, config, backups, state,
    /// runtime), and whether each is there; check nothing
    #[arg(long, conflicts_with_all = ["merge_conflicts", "fix_permissions"])]
    paths: bool,
    /// With --paths: print JSON, for scripts
    #[arg(long, requires = "paths")]
    json: bool,
}

impl Args {
    /// Checks the journal (after the merge and the permissions asked for); exits 0 when all
    /// is well, 1 when a file or a setting needs a look (grep's convention: see
    /// [`super::exit`]).
    ///
    /// # Errors
    /// The journal cannot be unlocked; a failed merge, change of permissions or write
    /// (the command then exits 2).
    pub fn run(self, ctx: &Ctx) -> Result<std::process::ExitCode> {
        if self.paths {
            let paths = paths::of(ctx);
            // JSON escapes control characters itself; text is made printable.
            if self.json {
                ctx.raw(|out| paths::print(&paths, true, out))?;
            } else {
                ctx.printed(|out| paths::print(&paths, false, out))?;
            }
            return Ok(std::process::ExitCode::SUCCESS);
        }
        let data_dir = ctx.data_dir()?;
        // A journal that lost its key is checked as it is: doctor says what is missing.
        if !store::crypto::key_missing(&ctx.layout()?) {
            ctx.unlock()?;
        }
        super::exit::answered(|out| {
            if self.fix_permissions {
                fix_permissions(data_dir, out)?;
                writeln!(out)?;
            }
            if self.merge_conflicts {
                merge_conflicts(data_dir, out)?;
                writeln!(out)?;
            }
            // The settings too: config.toml, and the person's own prompts and strategies,
            // where closer reads them (those an earlier closer kept beside the journal, and
            // moves on its next run, where they are now).
            let dir = ctx.config_dir();
            let old = ctx.old_config_dir();
            let (waiting, left_behind) = match (&old, &dir) {
                (Some(old), Some(new)) => (
                    crate::config::folders::waiting(old, new),
                    crate::config::folders::left_behind(old, new),
                ),
                _ => (Vec::new(), Vec::new()),
            };
            let waits = |name: &str| waiting.iter().any(|f| f.to.ends_with(name));
            let old_file = old.as_ref().map(|d| d.join(crate::config::FILE));
            let file = match old_file {
                Some(f) if !ctx.config_given() && waits(crate::config::FILE) => Some(f),
                _ => ctx.config_file().map(Path::to_owned),
            };
            let content_waits = waits(crate::content::user::PROMPTS_FILE)
                || waits(crate::content::user::STRATEGIES_FILE);
            let settings = Settings {
                file: file.as_deref(),
                dir: if content_waits {
                    old.as_deref()
                } else {
                    dir.as_deref()
                },
                waiting,
                left_behind,
            };
            run(data_dir, &settings, out)
        })
    }
}

/// Where the person's settings are: the settings file, and the config folder that holds
/// their own prompts and strategies.
#[derive(Debug, Clone, Default)]
pub struct Settings<'a> {
    /// `config.toml` (or the file given with `--config`).
    pub file: Option<&'a Path>,
    /// The folder of `prompts.toml` and `strategies.toml`.
    pub dir: Option<&'a Path>,
    /// Config files an earlier closer kept beside the journal (macOS), which closer moves to
    /// the config folder on its next run (doctor changes nothing).
    pub waiting: Vec<crate::config::folders::OldFile>,
    /// Config files an earlier closer kept beside the journal that are in the config folder
    /// too: closer reads those, not these.
    pub left_behind: Vec<crate::config::folders::OldFile>,
}

/// Says which config files wait to be moved (a note) and which were left behind (a problem:
/// they are not read); returns how many need a look.
fn report_old_files(settings: &Settings<'_>, out: &mut impl Write) -> Result<usize> {
    for f in &settings.waiting {
        writeln!(out)?;
        writeln!(out, "· {}", f.from.display())?;
        writeln!(
            out,
            "  Kept here by an earlier closer, beside the journal. closer moves it to {} the \
             next time it runs, so that sync and backups never carry it with the journal.",
            f.to.display()
        )?;
    }
    for f in &settings.left_behind {
        writeln!(out)?;
        writeln!(out, "! {}", f.from.display())?;
        writeln!(
            out,
            "  Kept here by an earlier closer, and not read: closer reads {} instead. Move \
             what you still want into that file, then delete this one.",
            f.to.display()
        )?;
    }
    Ok(settings.left_behind.len())
}

/// One mistake in a settings file: the file, and what is wrong (with its line, if known).
struct Mistake {
    /// In the settings file (`config.toml` or `--config`), not the person's content.
    settings: bool,
    file: String,
    line: Option<usize>,
    column: Option<usize>,
    message: String,
}

/// Every mistake in the settings files, in the order closer reads them: config.toml, then
/// the person's strategies and prompts. A file that is not there is no mistake.
fn mistakes(settings: &Settings<'_>) -> Vec<Mistake> {
    let mut found = Vec::new();
    if let Some(file) = settings.file {
        found.extend(crate::config::load(file).1.into_iter().map(|e| Mistake {
            settings: true,
            file: e.path.display().to_string(),
            line: e.line,
            column: e.column,
            message: e.message,
        }));
    }
    if let Some(dir) = settings.dir {
        found.extend(
            crate::content::load(Some(dir))
                .1
                .into_iter()
                .map(|e| Mistake {
                    settings: false,
                    file: e.file,
                    line: e.line,
                    column: e.column,
                    message: e.message,
                }),
        );
    }
    // Each file's mistakes from its top (config.toml's come in the order of its keys); the
    // files stay in the order they were read.
    let files: Vec<String> = found.iter().fold(Vec::new(), |mut files, m| {
        if !files.contains(&m.file) {
            files.push(m.file.clone());
        }
        files
    });
    found.sort_by_key(|m| (files.iter().position(|f| *f == m.file), m.line, m.column));
    found
}

/// Prints the settings' mistakes, grouped by file, each with its line and what is wrong, and
/// for each file what to do; returns how many there are.
fn report_mistakes(settings: &Settings<'_>, out: &mut impl Write) -> Result<usize> {
    let found = mistakes(settings);
    for (i, m) in found.iter().enumerate() {
        if i == 0 || found[i - 1].file != m.file {
            writeln!(out)?;
            writeln!(out, "✗ {}", m.file)?;
        }
        let message = m.message.trim_end_matches('.');
        match (m.line, m.column) {
            (Some(line), Some(column)) => {
                writeln!(out, "  Line {line}, column {column}: {message}.")?;
            }
            (Some(line), None) => writeln!(out, "  Line {line}: {message}.")?,
            _ => writeln!(out, "  {}.", capitalised(message))?,
        }
        if found.get(i + 1).is_none_or(|next| next.file != m.file) {
            writeln!(out, "  {}", advice(m.settings))?;
        }
    }
    Ok(found.len())
}

/// What to do about mistakes in the settings file, or else in the person's content.
fn advice(settings: bool) -> &'static str {
    if settings {
        "Correct the file in a text editor (README.md, \"Settings and config.toml\", lists \
         every setting); until then closer leaves out what is wrong and uses the rest of your \
         settings."
    } else {
        "Correct the file in a text editor (its format is in closer's content/README.md); \
         until then closer leaves out what is wrong and offers everything else."
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Prints the report to `out`: every problem of the journal's files, then every mistake in
/// the settings; returns whether all is well (notes allowed).
pub fn run(data_dir: &Path, settings: &Settings<'_>, out: &mut impl Write) -> Result<bool> {
    // Every file is read and checked, but the entries are not kept: memory stays small on
    // any journal.
    let scan = store::check(&Layout::new(data_dir));
    writeln!(out, "Checking the journal in {}", data_dir.display())?;
    if !scan.exists {
        writeln!(
            out,
            "There is no journal there yet, so there is nothing to check."
        )?;
        let mistakes = report_old_files(settings, out)? + report_mistakes(settings, out)?;
        if mistakes > 0 {
            writeln!(out)?;
            summary(mistakes, out)?;
        }
        return Ok(mistakes == 0);
    }
    let mut problems = scan.problems.clone();
    problems.sort_by(|a, b| a.path.cmp(&b.path).then(b.severity().cmp(&a.severity())));
    let mut needs_a_look = 0;
    // Files and folders others can read get one piece of advice at the end, not one each.
    let mut readable = 0;
    for (i, problem) in problems.iter().enumerate() {
        let first_of_file = i == 0 || problems[i - 1].path != problem.path;
        if first_of_file {
            // The file's worst problem comes first (sorted above), so it sets the mark.
            let mark = match problem.severity() {
                Severity::Error => "✗",
                Severity::Warning => "!",
                Severity::Note => "·",
            };
            writeln!(out)?;
            writeln!(out, "{mark} {}", problem.path.display())?;
        }
        if problem.severity() >= Severity::Warning {
            needs_a_look += 1;
        }
        writeln!(out, "  {}.", problem.reason())?;
        if matches!(problem.kind, store::ProblemKind::Permissions { .. }) {
            readable += 1;
        } else {
            writeln!(out, "  {}", problem.advice())?;
        }
    }
    if readable > 0 {
        writeln!(out)?;
        writeln!(
            out,
            "{} can be read by other users of this computer. To make every file of the journal \
             private at once, run `closer doctor --fix-permissions` (the same as chmod 600 for \
             each file and chmod 700 for each folder; it changes nothing else).",
            count(readable as u64, "file or folder", "files or folders")
        )?;
    }
    needs_a_look += report_old_files(settings, out)?;
    needs_a_look += report_mistakes(settings, out)?;
    writeln!(out)?;
    let entries = scan.entry_count;
    let files = scan.day_files;
    writeln!(
        out,
        "{} read from {}.",
        count(entries as u64, "entry", "entries"),
        count(files as u64, "day file", "day files")
    )?;
    summary(needs_a_look, out)?;
    Ok(needs_a_look == 0)
}

/// The last line: all is well, or how many problems need a look.
fn summary(needs_a_look: usize, out: &mut impl Write) -> Result<()> {
    if needs_a_look == 0 {
        writeln!(out, "All is well.")?;
    } else {
        writeln!(
            out,
            "{} a look. closer left every file as it was.",
            count(needs_a_look as u64, "problem needs", "problems need")
        )?;
    }
    Ok(())
}

/// Merges the file-sync conflict copies of day files into their days, takes in the copies of
/// the unfinished check-in and of state.json, and says what each did.
pub fn merge_conflicts(data_dir: &Path, out: &mut impl Write) -> Result<()> {
    crate::cli::journal_is_there(data_dir)?;
    let store = store::Store::open(data_dir)?;
    if let Some(why) = store.read_only() {
        anyhow::bail!("nothing can be merged now: {why}");
    }
    let merged = store.merge_conflict_copies()?;
    let drafts = take_in_draft_copies(&store);
    let states = take_in_state_copies(&store);
    if merged.is_empty() && drafts.is_empty() && states.is_empty() {
        writeln!(out, "No conflict copies to merge.")?;
        return Ok(());
    }
    for (path, day, result) in merged {
        match result {
            Ok(changes) => {
                let n = |k: crate::journal::merge::Change| {
                    changes.iter().filter(|c| c.change == k).count()
                };
                writeln!(
                    out,
                    "Merged {} into {day}: {} added, {} changed in the copy (taken), {} kept in two versions, {} left out (deleted here). The copy is kept in the trash.",
                    path.display(),
                    n(crate::journal::merge::Change::Added),
                    n(crate::journal::merge::Change::Updated),
                    n(crate::journal::merge::Change::KeptBoth),
                    n(crate::journal::merge::Change::StaysDeleted)
                )?;
                for c in changes {
                    writeln!(out, "  {}", c.describe())?;
                }
            }
            Err(e) => writeln!(out, "Left {} as it is: {e}", path.display())?,
        }
    }
    for (path, result) in drafts.into_iter().chain(states) {
        match result {
            Ok(said) => writeln!(out, "{}: {said}", path.display())?,
            Err(e) => writeln!(out, "Left {} as it is: {e}", path.display())?,
        }
    }
    Ok(())
}

/// What taking in one conflict copy did (or why it was left), by the copy's path.
type TakenIn = Vec<(PathBuf, Result<String, store::StoreError>)>;

/// Takes in the conflict copies of the unfinished check-in (`drafts/current.sync-conflict-….json`
/// and the other tools' names): each becomes a check-in closer offers to resume, never
/// replacing one in progress. With no check-in in progress it becomes `drafts/current.json`;
/// otherwise it waits as `drafts/waiting-<when it was written>.json`, offered once the one in
/// progress is saved or discarded. A copy that holds the same check-in as one of them goes to
/// `trash/sync-conflicts/`; one that cannot be read is left where it is.
fn take_in_draft_copies(store: &store::Store) -> TakenIn {
    let layout = store.layout();
    let copies = files_in(layout.drafts_dir(), |_, name| {
        store::scan::is_draft_conflict(name)
    });
    each_taken_in(copies, |path| take_in_draft_copy(layout, path))
}

/// Each of `copies` with what `take` made of it.
fn each_taken_in(
    copies: Vec<PathBuf>,
    take: impl Fn(&Path) -> Result<String, store::StoreError>,
) -> TakenIn {
    copies
        .into_iter()
        .map(|path| {
            let result = take(&path);
            (path, result)
        })
        .collect()
}

/// The files of `dir` that `keep` keeps (given each and its name), sorted by path; none when
/// `dir` cannot be read.
fn files_in(
    dir: impl AsRef<Path>,
    keep: impl Fn(&std::fs::DirEntry, &str) -> bool,
) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|f| keep(f, &f.file_name().to_string_lossy()))
        .map(|f| f.path())
        .collect();
    files.sort();
    files
}

fn take_in_draft_copy(layout: &Layout, path: &Path) -> Result<String, store::StoreError> {
    use store::scan::DraftBody;
    let read = |path: &Path| -> Result<(DraftBody, Vec<u8>), store::StoreError> {
        let bytes = crate::files::read_regular(path, crate::files::DATA_FILE_CAP)
            .map_err(|e| store::StoreError::read(path, e))?;
        let plain = store::crypto::open(layout, path, bytes)?;
        Ok((store::envelope::decode(path, &plain)?, plain))
    };
    let (copy, plain) = read(path)?;
    let when = copy.saved_at.format("%Y-%m-%d %H:%M");
    // The same check-in as one already offered (the copy made as the other computer wrote
    // the very same words): kept in the trash, nothing new in it.
    let current = layout.draft_file();
    let waiting = files_in(layout.drafts_dir(), |_, name| {
        Layout::is_waiting_draft(name)
    });
    let same = std::iter::once(current.clone())
        .chain(waiting)
        .filter_map(|p| read(&p).ok().map(|(body, _)| (p, body)))
        .find(|(_, body)| body.draft == copy.draft);
    if let Some((same, _)) = same {
        let kept = store::keep_conflict_copy(layout, path)?;
        return Ok(format!(
            "the unfinished check-in from {when} in it is the same as {}, so nothing was added. The copy is kept in the trash ({}).",
            same.display(),
            kept.display()
        ));
    }
    // Written as the journal writes its drafts (encrypted when it is), never over a file
    // that is there; the copy is removed only once its words are safe.
    let bytes = store::crypto::seal(layout, &current, plain)?;
    let said = match store::atomic::write_new(&current, &bytes) {
        Ok(()) => format!(
            "the unfinished check-in from {when} in it is now the check-in in progress ({}): closer offers to resume it when it opens (`closer` or `closer checkin`).",
            current.display()
        ),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            let stem = format!(
                "{}{}",
                store::layout::WAITING_DRAFT_PREFIX,
                copy.saved_at.format("%Y%m%dT%H%M%S")
            );
            let to = store::atomic::write_unique(&layout.drafts_dir(), &stem, "json", &bytes)
                .map_err(|e| store::StoreError::write(layout.drafts_dir(), e))?;
            format!(
                "the unfinished check-in from {when} in it waits as {}: closer offers to resume it once the check-in in progress is saved or discarded.",
                to.display()
            )
        }
        Err(e) => return Err(store::StoreError::write(&current, e)),
    };
    store::atomic::remove(path).map_err(|e| store::StoreError::write(path, e))?;
    Ok(said)
}

/// Takes in the conflict copies of state.json at the top of the data folder: the triggers
/// and feelings of the person's own in each (sealed ones too, in an encrypted journal) are
/// added to state.json, nothing removed and no other setting changed; the copy is then kept
/// in `trash/sync-conflicts/`. A copy that cannot be read, or a state.json that cannot, is
/// left as it is.
fn take_in_state_copies(store: &store::Store) -> TakenIn {
    let layout = store.layout();
    let copies = files_in(layout.root(), |f, name| {
        Layout::original_of_conflict_copy(name).as_deref() == Some("state.json")
            && f.file_type().is_ok_and(|t| !t.is_dir())
    });
    each_taken_in(copies, |path| take_in_state_copy(store, path))
}

/// The person's own words as an encrypted journal seals them in state.json (under
/// `sealed_words`: see `store::journal_store`).
#[derive(serde::Deserialize, Default)]
struct SealedWords {
    #[serde(default)]
    custom_triggers: Vec<String>,
    #[serde(default)]
    custom_feelings: Vec<String>,
}

fn take_in_state_copy(store: &store::Store, path: &Path) -> Result<String, store::StoreError> {
    use crate::journal::preferences::OwnWords;
    let layout = store.layout();
    let copy: crate::journal::Preferences = store::scan::read_json(layout, path)?;
    let mut triggers = copy.custom_triggers.clone();
    let mut feelings = copy.custom_feelings.clone();
    if let Some(serde_json::Value::Array(sealed)) = copy.extra.get("sealed_words") {
        for text in sealed {
            let Some(text) = text.as_str() else { continue };
            let Some(plain) = store::crypto::open_text(layout, text)? else {
                return Err(store::StoreError::Locked {
                    path: path.to_owned(),
                });
            };
            let words: SealedWords = serde_json::from_slice(&plain).unwrap_or_default();
            triggers.extend(words.custom_triggers);
            feelings.extend(words.custom_feelings);
        }
    }
    let mut prefs = store.load_preferences()?;
    let mut added = (0, 0);
    for word in &triggers {
        added.0 += usize::from(prefs.remember(OwnWords::Triggers, word));
    }
    for word in &feelings {
        added.1 += usize::from(prefs.remember(OwnWords::Feelings, word));
    }
    // The perspective, when none was chosen here (a state.json that is not there yet), so
    // closer does not ask again what the other computer was told.
    let perspective = prefs.perspective.is_none() && copy.perspective.is_some();
    if perspective {
        prefs.perspective = copy.perspective;
    }
    if added != (0, 0) || perspective {
        store.save_preferences(&prefs)?;
    }
    let kept = store::keep_conflict_copy(layout, path)?;
    let mut said = Vec::new();
    let words: Vec<String> = [
        (added.0, "trigger", "triggers"),
        (added.1, "feeling", "feelings"),
    ]
    .into_iter()
    .filter(|(n, ..)| *n > 0)
    .map(|(n, one, many)| count(n as u64, one, many))
    .collect();
    if !words.is_empty() {
        said.push(format!(
            "added {} of your own to state.json",
            words.join(" and ")
        ));
    }
    if perspective {
        said.push("took its perspective, as none was chosen here".to_owned());
    }
    let what = if said.is_empty() {
        "every trigger and feeling of your own in it was in state.json already".to_owned()
    } else {
        said.join(" and ")
    };
    Ok(format!(
        "{what}. Nothing was removed. The copy is kept in the trash ({}).",
        kept.display()
    ))
}

/// Makes every file and folder in the data folder private to its owner: the permissions
/// others have (group and everyone else) are removed, the owner's are kept as they are, so a
/// file readable by others becomes 600 and such a folder 700. Symbolic links are never
/// followed (the data folder itself is taken as given), and nothing else — no content, no
/// owner, nothing outside the data folder — changes. `.git` is made private too; git needs
/// nothing of it to be readable by others. Says what it changed.
pub fn fix_permissions(data_dir: &Path, out: &mut impl Write) -> Result<()> {
    crate::cli::journal_is_there(data_dir)?;
    let mut made_private = 0u64;
    let mut failed = Vec::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mut todo = vec![(data_dir.to_owned(), true)];
        while let Some((path, is_root)) = todo.pop() {
            let meta = if is_root {
                std::fs::metadata(&path)
            } else {
                std::fs::symlink_metadata(&path)
            };
            let meta = match meta {
                Ok(meta) => meta,
                Err(e) => {
                    failed.push((path, e));
                    continue;
                }
            };
            // A link, a pipe, a device: left alone (a link's own mode means nothing).
            if !meta.is_dir() && !meta.is_file() {
                continue;
            }
            let mode = meta.permissions().mode() & 0o7777;
            if mode & 0o077 != 0 {
                match std::fs::set_permissions(
                    &path,
                    std::fs::Permissions::from_mode(mode & !0o077),
                ) {
                    Ok(()) => made_private += 1,
                    Err(e) => failed.push((path.clone(), e)),
                }
            }
            if meta.is_dir() {
                match std::fs::read_dir(&path) {
                    Ok(read) => todo.extend(read.flatten().map(|f| (f.path(), false))),
                    Err(e) => failed.push((path, e)),
                }
            }
        }
    }
    if made_private == 0 && failed.is_empty() {
        writeln!(out, "Every file of the journal is private already.")?;
    } else if made_private > 0 {
        writeln!(
            out,
            "Made {} private (other users of this computer could read them). Nothing else changed.",
            count(made_private, "file or folder", "files or folders")
        )?;
    }
    for (path, e) in failed {
        writeln!(
            out,
            "Could not make {} private: {}. Check that it belongs to you.",
            path.display(),
            store::atomic::plain_reason(&e)
        )?;
    }
    Ok(())
}
