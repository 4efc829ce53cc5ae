//! File-sync conflict copies of day files, merged into their day, and kept in the trash.

use super::*;

/// Moves a conflict copy that was taken in into `trash/sync-conflicts/` of the journal at
/// `layout`, under a name nothing there has (a copy of the same name merged before, as Resilio
/// reuses one, is never replaced); gives where it went.
///
/// # Errors
/// The folder cannot be made, or the copy cannot be moved (it stays where it was).
pub fn keep_conflict_copy(layout: &Layout, path: &Path) -> Result<std::path::PathBuf, StoreError> {
    let kept = layout.merged_conflicts_dir();
    atomic::create_private_dir(&kept).map_err(|e| StoreError::write(&kept, e))?;
    let name = path
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let mut to = kept.join(&name);
    let mut n = 2;
    while fs::symlink_metadata(&to).is_ok() {
        to = kept.join(format!("{n}-{name}"));
        n += 1;
    }
    fs::rename(path, &to).map_err(|e| StoreError::write(&to, e))?;
    let _ = atomic::sync_dir(&kept);
    if let Some(dir) = path.parent() {
        let _ = atomic::sync_dir(dir);
    }
    Ok(to)
}

impl Store {
    /// Merges every file-sync conflict copy of a day file into its day (entries by id, the
    /// field by field, both versions of a text kept where they differ, an entry deleted here
    /// staying deleted; see `journal::merge`), then
    /// moves the copy, unchanged, into `trash/sync-conflicts/`. The day is written before the
    /// copy moves, so a stop in between leaves the copy to merge again (which changes
    /// nothing more). A copy that cannot be read is left where it is and reported.
    ///
    /// Returns, per copy, its path, its day and what changed; a copy that failed, why.
    pub fn merge_conflict_copies(&self) -> Result<Vec<CopyMerged>, StoreError> {
        self.writable()?;
        let deleted: std::collections::HashSet<EntryId> =
            self.trash().into_iter().map(|t| t.entry.id).collect();
        let mut copies = Vec::new();
        for year in fs::read_dir(self.layout.entries_dir())
            .into_iter()
            .flatten()
            .flatten()
        {
            for f in fs::read_dir(year.path()).into_iter().flatten().flatten() {
                let name = f.file_name().to_string_lossy().into_owned();
                if let Some(day) = Layout::day_of_conflict_copy(&name) {
                    copies.push((f.path(), day));
                }
            }
        }
        copies.sort();
        let mut out = Vec::new();
        for (path, day) in copies {
            let result = self.merge_one_copy(&path, day, &deleted);
            out.push((path, day, result));
        }
        Ok(out)
    }

    pub(super) fn merge_one_copy(
        &self,
        path: &Path,
        day: NaiveDate,
        deleted: &std::collections::HashSet<EntryId>,
    ) -> Result<Vec<crate::journal::merge::Changed>, StoreError> {
        let theirs: DayBody = scan::read_json(&self.layout, path)?;
        let body = self.read_day_for_write(day)?;
        let (merged, changes) =
            crate::journal::merge::merge(&body.entries, &theirs.entries, deleted);
        if changes
            .iter()
            .any(|c| c.change != crate::journal::merge::Change::StaysDeleted)
        {
            // What this closer does not know of either version is kept (this one's first).
            let mut unknown = body.unknown.clone();
            unknown.add_missing(&theirs.unknown);
            self.write_day(
                DayBody {
                    date: day,
                    entries: merged,
                    unknown,
                },
                holds_open_predictions(&body.entries),
            )?;
        }
        keep_conflict_copy(&self.layout, path)?;
        Ok(changes)
    }
}
