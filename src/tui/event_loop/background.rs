//! Work the loop hands to threads of its own, so keys work meanwhile: reading the journal,
//! building its search index, and the day's backup. Each thread sends what it finished on one
//! channel, which the loop reads as one of its events (see `events.rs`).

use std::collections::BTreeSet;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::{Arc, mpsc};
use std::time::Duration;

use chrono::NaiveDate;

use crate::journal::Entry;
use crate::journal::query::signature::{self, Signature};
use crate::store::{self, Layout, Severity};
use crate::tui::clock::now;
use crate::tui::session::{Session, Summary};

/// Home's figures and the entries, from a full read of the journal, and whether the
/// prediction index matches them (checked here, off the input path).
fn summary(layout: &Layout, today: NaiveDate) -> (Summary, bool) {
    let scan = store::load(layout);
    let index_right = store::Store::prediction_index_matches(layout, &scan.entries);
    let problem_files: BTreeSet<&PathBuf> = scan
        .problems
        .iter()
        .filter(|p| p.severity() >= Severity::Warning)
        .map(|p| &p.path)
        .collect();
    let problems = problem_files.len();
    (
        Summary::of(Arc::new(scan.entries), today, problems),
        index_right,
    )
}

/// What a thread finished.
pub(super) enum Finished {
    /// The journal was read: home's figures and the entries, and whether the prediction index
    /// matches them.
    Read(Summary, bool),
    /// The search index of these entries was built.
    Indexed(Arc<Vec<Entry>>, Vec<Signature>),
    /// The day's backup was written, or why not.
    Backup(Result<(), String>),
    /// The thread doing this job ended without a result (it panicked).
    Lost(Job),
}

/// The jobs, one of each kind at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Job {
    /// Reading the journal.
    Read,
    /// Building the search index (a search works without it, scanning every entry's text,
    /// until it comes).
    Index,
    /// Writing the day's backup.
    Backup,
}

impl Finished {
    fn job(&self) -> Job {
        match self {
            Finished::Read(..) => Job::Read,
            Finished::Indexed(..) => Job::Index,
            Finished::Backup(_) => Job::Backup,
            Finished::Lost(job) => *job,
        }
    }
}

/// The threads of the loop and the one channel their results come back on.
pub(super) struct Background {
    sender: mpsc::Sender<Finished>,
    receiver: mpsc::Receiver<Finished>,
    /// The jobs going now.
    going: Vec<Job>,
    /// The day's backup.
    backup: DailyBackup,
}

impl Background {
    /// Nothing going yet; `backup` says where the day's backup goes.
    pub(super) fn new(backup: DailyBackup) -> Background {
        let (sender, receiver) = mpsc::channel();
        Background {
            sender,
            receiver,
            going: Vec::new(),
            backup,
        }
    }

    /// Whether `job` is going now.
    pub(super) fn busy(&self, job: Job) -> bool {
        self.going.contains(&job)
    }

    /// Starts `work` on a thread of its own, unless a `job` of its kind is going.
    fn start(&mut self, job: Job, work: impl FnOnce() -> Finished + Send + 'static) {
        if self.busy(job) {
            return;
        }
        self.going.push(job);
        let sender = self.sender.clone();
        std::thread::spawn(move || {
            let finished =
                std::panic::catch_unwind(AssertUnwindSafe(work)).unwrap_or(Finished::Lost(job));
            let _ = sender.send(finished);
        });
    }

    /// Starts reading the journal (see [`summary`]), unless a read is going.
    pub(super) fn read(&mut self, layout: &Layout, today: NaiveDate) {
        let layout = layout.clone();
        self.start(Job::Read, move || {
            let (summary, index_right) = summary(&layout, today);
            Finished::Read(summary, index_right)
        });
    }

    /// Starts indexing the session's entries, once they are read (unless it is going).
    pub(super) fn index(&mut self, session: &Session) {
        if session.journal.is_none() {
            return;
        }
        let entries = session.entries_arc();
        self.start(Job::Index, move || {
            let index = signature::index(&entries);
            Finished::Indexed(entries, index)
        });
    }

    /// After a save on `today`: starts the day's backup unless there is one.
    pub(super) fn after_save(&mut self, today: NaiveDate) {
        if self.backup.checked == Some(today) || self.busy(Job::Backup) {
            return;
        }
        self.backup.checked = Some(today);
        if crate::store::backup::has_backup_on(&self.backup.dir, today) {
            return;
        }
        let backup = self.backup.clone();
        self.start(Job::Backup, move || Finished::Backup(backup.write()));
    }

    /// What a thread finished, if one did.
    pub(super) fn take(&mut self) -> Option<Finished> {
        let finished = self.receiver.try_recv().ok()?;
        self.going.retain(|j| *j != finished.job());
        Some(finished)
    }

    /// Waits up to `at_most` for the backup being written (as closer quits: whatever else
    /// finishes meanwhile is let go); whether none is being written now.
    pub(super) fn wait_for_backup(&mut self, at_most: Duration) -> bool {
        let until = std::time::Instant::now() + at_most;
        while self.busy(Job::Backup) {
            let left = until.saturating_duration_since(std::time::Instant::now());
            match self.receiver.recv_timeout(left) {
                Ok(finished) => self.going.retain(|j| *j != finished.job()),
                Err(_) => return false,
            }
        }
        true
    }
}

/// The day's automatic backup: written on a thread of its own after the first save of a day
/// (the save itself is not slowed), once a day, into the backup folder; a failure is said,
/// never fatal.
#[derive(Clone)]
pub(super) struct DailyBackup {
    /// The data folder's layout.
    layout: Layout,
    /// The backup folder.
    dir: PathBuf,
    /// Rotation.
    keep: crate::store::backup::Keep,
    /// The config folder, whose own files it carries.
    config_dir: Option<PathBuf>,
    /// The last day a backup was found or started.
    checked: Option<NaiveDate>,
}

impl DailyBackup {
    /// None written yet: the journal at `layout`, backed up into `dir`, rotated by `keep`,
    /// carrying the config folder's own files.
    pub(super) fn new(
        layout: Layout,
        dir: PathBuf,
        keep: crate::store::backup::Keep,
        config_dir: Option<PathBuf>,
    ) -> DailyBackup {
        DailyBackup {
            layout,
            dir,
            keep,
            config_dir,
            checked: None,
        }
    }

    /// Writes a backup now (on the backup's thread).
    fn write(&self) -> Result<(), String> {
        crate::store::backup::write(
            &self.layout,
            self.config_dir.as_deref(),
            &self.dir,
            now(),
            self.keep,
        )
        .map(|_| ())
        .map_err(|e| e.to_string())
    }
}
