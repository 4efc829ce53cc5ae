//! Reading a journal's day files on both cores: the year folders listed ahead of the taking
//! in, and reader threads that read batches of day files and hand them back in order.

use super::*;

/// A year folder as listed: problems found listing it, then its day files in order.
#[derive(Default)]
pub(super) struct Year {
    pub(super) problems: Vec<Problem>,
    /// The folder, open, when it could be opened.
    pub(super) folder: Option<Arc<fs::File>>,
    pub(super) days: Vec<ListedDay>,
    /// How many days had been handed to the readers once its own were (see
    /// [`Readers::queue`]).
    pub(super) queued_through: usize,
}

/// A day file as listed: its day and path, what its metadata says is wrong with it when the
/// cache holds its body, and its stamp when there is a cache.
pub(super) struct ListedDay {
    pub(super) day: NaiveDate,
    pub(super) path: PathBuf,
    /// Whether the listing gave it as a regular file.
    pub(super) regular: bool,
    pub(super) cached: Option<Vec<Problem>>,
    pub(super) stamp: Option<crate::store::cache::Stamp>,
}

/// A day file to read, its year folder when it could be opened, and whether the listing gave
/// it as a regular file.
type Queued = (PathBuf, Option<Arc<fs::File>>, bool);

/// How many days the listing keeps ahead of the taking in: enough that the readers never
/// wait for it, few enough that what is listed and read ahead stays small.
pub(super) const LIST_AHEAD: usize = 16 * READ_BATCH;

/// How many day files a reader takes at a time: small enough that both cores finish
/// together, large enough that handing them over costs nothing next to reading them.
pub(super) const READ_BATCH: usize = 256;

/// What a reader gives for a day: what [`read_day_checked`] gave, and the signatures of its
/// entries when the readers make the index (none otherwise).
pub(super) type ReaderRead = (DayRead, Vec<Signature>);

/// Threads reading day files, one a core (at most 4), while the thread that made them lists
/// the next ones and takes in those read. Days are queued in the order they are to be taken
/// in, and [`Readers::next`] gives what [`read_day_checked`] gave for each, in that order
/// (with the signatures of its entries, when asked); `None` for a day whose thread failed,
/// which the caller then reads itself.
pub(super) struct Readers<'scope> {
    /// Batches of days to read, numbered; dropped once all are listed, which ends the threads.
    pub(super) jobs: Option<mpsc::Sender<(usize, Vec<Queued>)>>,
    /// Batches read, in whatever order they were finished.
    pub(super) done: mpsc::Receiver<(usize, Vec<Option<ReaderRead>>)>,
    pub(super) threads: Vec<std::thread::ScopedJoinHandle<'scope, ()>>,
    /// Days queued and not yet sent.
    pub(super) batch: Vec<Queued>,
    /// How many days were queued in all.
    pub(super) queued: usize,
    /// How many days each batch sent holds.
    pub(super) sizes: Vec<usize>,
    /// The next batch to give out, and what is left of the one being given out.
    pub(super) next_batch: usize,
    pub(super) current: std::vec::IntoIter<Option<ReaderRead>>,
    /// Batches finished before their turn.
    pub(super) early: HashMap<usize, Vec<Option<ReaderRead>>>,
}

impl Year {
    /// What it counts for in what the listing keeps ahead: its days, and at least 16, since
    /// each year listed holds its folder open (4,096 years of a day each would pass the
    /// usual limit of 1,024 open files).
    pub(super) fn weight(&self) -> usize {
        self.days.len().max(16)
    }
}

impl<'scope> Readers<'scope> {
    pub(super) fn start<'env>(
        scope: &'scope std::thread::Scope<'scope, 'env>,
        layout: &'env Layout,
        encrypted: bool,
        indexing: bool,
    ) -> Readers<'scope> {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        let (jobs, queue) = mpsc::channel::<(usize, Vec<Queued>)>();
        let (finished, done) = mpsc::channel();
        let queue = Arc::new(std::sync::Mutex::new(queue));
        let threads = (0..cores)
            .map(|_| {
                let queue = Arc::clone(&queue);
                let finished = finished.clone();
                scope.spawn(move || {
                    let mut buffer = Vec::new();
                    loop {
                        let job = match queue.lock() {
                            Ok(queue) => queue.recv(),
                            Err(_) => return,
                        };
                        let Ok((number, paths)) = job else {
                            return;
                        };
                        // A batch whose reading panicked comes back as days not read (`None`
                        // each), which the taking in reads itself: waiting for it would hang
                        // while the other threads wait for more.
                        let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                            paths
                                .iter()
                                .map(|(path, folder, regular)| {
                                    let (notes, mut body) = read_day_checked(
                                        layout,
                                        path,
                                        folder.as_deref().map(|f| (f, *regular)),
                                        encrypted,
                                        &mut buffer,
                                    );
                                    // Shrunk where they were made (see `Entry::shrink_to_fit`),
                                    // and indexed while their text is in this core's cache.
                                    let mut signatures = Vec::new();
                                    if let Ok(body) = &mut body {
                                        body.entries.iter_mut().for_each(Entry::shrink_to_fit);
                                        if indexing {
                                            signatures =
                                                body.entries.iter().map(Signature::of).collect();
                                        }
                                    }
                                    Some(((notes, body), signatures))
                                })
                                .collect()
                        }))
                        .unwrap_or_else(|_| {
                            buffer = Vec::new();
                            paths.iter().map(|_| None).collect()
                        });
                        if finished.send((number, read)).is_err() {
                            return;
                        }
                    }
                })
            })
            .collect();
        Readers {
            jobs: Some(jobs),
            done,
            threads,
            batch: Vec::new(),
            queued: 0,
            sizes: Vec::new(),
            next_batch: 0,
            current: Vec::new().into_iter(),
            early: HashMap::new(),
        }
    }

    /// Queues the day file at `path` to be read, in its year `folder` when that is open, and
    /// says how many days have been queued in all.
    pub(super) fn queue(
        &mut self,
        path: PathBuf,
        folder: Option<&Arc<fs::File>>,
        regular: bool,
    ) -> usize {
        self.batch.push((path, folder.cloned(), regular));
        self.queued += 1;
        if self.batch.len() == READ_BATCH {
            self.send();
        }
        self.queued
    }

    /// Sends the days queued so far, unless the first `through` have all been sent already:
    /// before they are taken in, so that none waits in a batch not yet full.
    pub(super) fn send_through(&mut self, through: usize) {
        if through > self.queued - self.batch.len() {
            self.send();
        }
    }

    pub(super) fn send(&mut self) {
        let paths = std::mem::take(&mut self.batch);
        let number = self.sizes.len();
        self.sizes.push(paths.len());
        if let Some(jobs) = &self.jobs {
            // A failed send (every thread gone) leaves the batch to `next`: `None` each.
            let _ = jobs.send((number, paths));
        }
    }

    /// Every day is queued: sends the last batch and lets the threads end once they are done.
    pub(super) fn listed(&mut self) {
        if !self.batch.is_empty() {
            self.send();
        }
        self.jobs = None;
    }

    /// What reading the next queued day gave, in the order queued (`None` when its thread
    /// failed, or past the last one).
    pub(super) fn next(&mut self) -> Option<ReaderRead> {
        loop {
            if let Some(read) = self.current.next() {
                return read;
            }
            let number = self.next_batch;
            let size = *self.sizes.get(number)?;
            self.next_batch += 1;
            let read = match self.early.remove(&number) {
                Some(read) => Some(read),
                None => loop {
                    match self.done.recv() {
                        Ok((n, read)) if n == number => break Some(read),
                        Ok((n, read)) => {
                            self.early.insert(n, read);
                        }
                        // Every thread is gone and this batch was never finished.
                        Err(_) => break None,
                    }
                },
            };
            self.current = match read {
                Some(read) => read.into_iter(),
                None => (0..size).map(|_| None).collect::<Vec<_>>().into_iter(),
            };
        }
    }

    /// Waits for the threads (a thread that panicked is only a day read again).
    pub(super) fn join(self) {
        let Readers { jobs, threads, .. } = self;
        drop(jobs);
        for thread in threads {
            let _ = thread.join();
        }
    }
}
