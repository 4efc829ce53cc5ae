//! Work the loop hands to threads of its own, so keys work meanwhile: reading the journal,
//! building its search index, and the day's backup.

use std::collections::BTreeSet;
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

/// The day's automatic backup: written on a thread of its own after the first save of a day
/// (the save itself is not slowed), once a day, into the backup folder; a failure is said,
/// never fatal.
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
    /// A backup being written.
    receiver: Option<mpsc::Receiver<Result<(), String>>>,
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
            receiver: None,
        }
    }

    /// Whether a backup is being written now.
    pub(super) fn busy(&self) -> bool {
        self.receiver.is_some()
    }

    /// After a save on `today`: starts the day's backup unless there is one.
    pub(super) fn after_save(&mut self, today: NaiveDate) {
        if self.checked == Some(today) || self.receiver.is_some() {
            return;
        }
        self.checked = Some(today);
        if crate::store::backup::has_backup_on(&self.dir, today) {
            return;
        }
        let (tx, rx) = mpsc::channel();
        let (layout, dir, keep, config) = (
            self.layout.clone(),
            self.dir.clone(),
            self.keep,
            self.config_dir.clone(),
        );
        std::thread::spawn(move || {
            let result = crate::store::backup::write(&layout, config.as_deref(), &dir, now(), keep)
                .map(|_| ())
                .map_err(|e| e.to_string());
            let _ = tx.send(result);
        });
        self.receiver = Some(rx);
    }

    /// Waits up to `at_most` for a backup being written; whether none is being written now.
    pub(super) fn wait(&mut self, at_most: Duration) -> bool {
        let Some(receiver) = &self.receiver else {
            return true;
        };
        match receiver.recv_timeout(at_most) {
            Err(mpsc::RecvTimeoutError::Timeout) => false,
            Ok(_) | Err(mpsc::RecvTimeoutError::Disconnected) => {
                self.receiver = None;
                true
            }
        }
    }

    /// A failure to say, once the backup is done.
    pub(super) fn take_failure(&mut self) -> Option<String> {
        let got = self.receiver.as_ref()?.try_recv();
        match got {
            Ok(result) => {
                self.receiver = None;
                result.err()
            }
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => {
                self.receiver = None;
                None
            }
        }
    }
}

/// Work done on a thread of its own, so keys work meanwhile: reading the journal, building
/// its search index.
pub(super) struct Job<T> {
    receiver: Option<mpsc::Receiver<T>>,
}

impl<T: Send + 'static> Job<T> {
    pub(super) fn new() -> Job<T> {
        Job { receiver: None }
    }

    /// Starts `work` (unless a job is already going).
    pub(super) fn start(&mut self, work: impl FnOnce() -> T + Send + 'static) {
        if self.receiver.is_some() {
            return;
        }
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(work());
        });
        self.receiver = Some(rx);
    }

    /// The result, when it has come.
    pub(super) fn take(&mut self) -> Option<T> {
        let got = self.receiver.as_ref()?.try_recv();
        match got {
            Ok(result) => {
                self.receiver = None;
                Some(result)
            }
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => {
                self.receiver = None;
                None
            }
        }
    }

    pub(super) fn busy(&self) -> bool {
        self.receiver.is_some()
    }
}

/// Reads the journal (see [`summary`]).
pub(super) struct Loader(pub(super) Job<(Summary, bool)>);

impl Loader {
    /// Starts reading (unless a read is already going).
    pub(super) fn start(&mut self, layout: &Layout, today: NaiveDate) {
        let layout = layout.clone();
        self.0.start(move || summary(&layout, today));
    }
}

/// Builds the search index of the journal's entries once they are read, off the input path
/// (a search works without it, scanning every entry's text, until it comes).
pub(super) struct Indexer(pub(super) Job<(Arc<Vec<Entry>>, Vec<Signature>)>);

impl Indexer {
    /// Starts indexing the session's entries (unless it is already going).
    pub(super) fn start(&mut self, session: &Session) {
        if session.journal.is_none() {
            return;
        }
        let entries = session.entries_arc();
        self.0.start(move || {
            let index = signature::index(&entries);
            (entries, index)
        });
    }
}
