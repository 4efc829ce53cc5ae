//! Work the loop hands to threads of its own, so keys work meanwhile: reading the journal
//! (its newest days first, then the whole of it with its search index) and the day's backup.
//! Each thread sends what it finished on one channel, which the loop reads as one of its
//! events (see `events.rs`).

use std::collections::BTreeSet;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::{Arc, mpsc};
use std::time::Duration;

use chrono::NaiveDate;

use crate::store::{self, Layout, Progress, Severity};
use crate::tui::clock::now;
use crate::tui::session::Summary;

/// How many entries the newest days read first hold at least: two pages of review on a tall
/// terminal, a few day files.
pub(super) const NEWEST: usize = 200;

/// Home's figures, the entries and their search index, from a full read of the journal
/// (counted in `progress` as it goes), and whether the prediction index matches them (checked
/// here, off the input path).
fn summary(layout: &Layout, today: NaiveDate, progress: &Progress) -> (Summary, bool) {
    let scan = store::load_indexed(layout, progress);
    let index_right = store::Store::prediction_index_matches(layout, &scan.entries);
    let problem_files: BTreeSet<&PathBuf> = scan
        .problems
        .iter()
        .filter(|p| p.severity() >= Severity::Warning)
        .map(|p| &p.path)
        .collect();
    let problems = problem_files.len();
    (
        Summary::indexed(Arc::new(scan.entries), scan.index, today, problems),
        index_right,
    )
}

/// The newest days of the journal (see [`store::load_newest`]), to show while the rest is
/// read.
fn newest(layout: &Layout, today: NaiveDate) -> Summary {
    let scan = store::load_newest(layout, NEWEST);
    Summary::of(Arc::new(scan.entries), today, 0)
}

/// Lowers the priority of the thread calling it, and of the threads it starts after (they
/// inherit it): the journal's read takes what the cores have to spare, and a key is handled
/// first. Where it cannot be lowered, the work goes on as it is.
fn second_to_keys() {
    let nice = std::env::var("CLOSER_READ_NICE")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10);
    let _ = rustix::process::setpriority_process(None, nice);
}

/// What a thread finished.
pub(super) enum Finished {
    /// The newest days of the journal were read; the rest is being read.
    Newest(Summary),
    /// The journal was read: home's figures, the entries and their search index, and whether
    /// the prediction index matches them.
    Read(Summary, bool),
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
    /// Writing the day's backup.
    Backup,
}

impl Finished {
    /// The job it ends, if it ends one: the newest days come before the read ends.
    fn ends(&self) -> Option<Job> {
        match self {
            Finished::Newest(_) => None,
            Finished::Read(..) => Some(Job::Read),
            Finished::Backup(_) => Some(Job::Backup),
            Finished::Lost(job) => Some(*job),
        }
    }
}

/// The threads of the loop and the one channel their results come back on.
pub(super) struct Background {
    sender: mpsc::Sender<Finished>,
    receiver: mpsc::Receiver<Finished>,
    /// The jobs going now.
    going: Vec<Job>,
    /// Another read was asked for while one was going: it starts when that one ends (what
    /// was asked for may have changed the files after the one going read them).
    read_again: bool,
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
            read_again: false,
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

    /// Starts reading the journal (see [`summary`]), counting in `progress` as it goes; with
    /// `newest_first`, its newest days are read and sent first. When a read is going, this one
    /// starts once it ends ([`Background::take_read_again`]); returns whether it started now.
    pub(super) fn read(
        &mut self,
        layout: &Layout,
        today: NaiveDate,
        newest_first: bool,
        progress: Arc<Progress>,
    ) -> bool {
        if self.busy(Job::Read) {
            self.read_again = true;
            return false;
        }
        let layout = layout.clone();
        let sender = self.sender.clone();
        self.start(Job::Read, move || {
            second_to_keys();
            if newest_first {
                let _ = sender.send(Finished::Newest(newest(&layout, today)));
            }
            let (summary, index_right) = summary(&layout, today, &progress);
            Finished::Read(summary, index_right)
        });
        true
    }

    /// Whether a read was asked for while the one that just ended was going (asking clears
    /// it).
    pub(super) fn take_read_again(&mut self) -> bool {
        std::mem::take(&mut self.read_again)
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
        if let Some(job) = finished.ends() {
            self.going.retain(|j| *j != job);
        }
        Some(finished)
    }

    /// Waits up to `at_most` for the backup being written (as closer quits: whatever else
    /// finishes meanwhile is let go); whether none is being written now.
    pub(super) fn wait_for_backup(&mut self, at_most: Duration) -> bool {
        let until = std::time::Instant::now() + at_most;
        while self.busy(Job::Backup) {
            let left = until.saturating_duration_since(std::time::Instant::now());
            match self.receiver.recv_timeout(left) {
                Ok(finished) => {
                    if let Some(job) = finished.ends() {
                        self.going.retain(|j| *j != job);
                    }
                }
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
