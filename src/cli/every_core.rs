//! Day files read on every core, their results taken in order: what the batch commands
//! (export, stats) use to go through a journal a day at a time.

use chrono::NaiveDate;

/// How many days a worker reads at a time.
const RUN: usize = 32;

/// `work` done on each of `days` on the machine's cores (at most 2 workers, each taking
/// every other run of [`RUN`] days, with two runs ready at most: memory stays flat), and
/// `take` given the results in the order of `days`. Best when `work` reads, sums up and frees
/// its own entries, so only what it made of them crosses between threads (entries made on one
/// thread and freed on another had made the export slower). A run whose worker stopped is
/// done here.
pub fn in_order<T: Send>(
    days: &[NaiveDate],
    work: &(impl Fn(NaiveDate) -> T + Sync),
    mut take: impl FnMut(T) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(2));
    let runs: Vec<&[NaiveDate]> = days.chunks(RUN).collect();
    if workers < 2 || runs.len() < 4 {
        for &day in days {
            take(work(day))?;
        }
        return Ok(());
    }
    std::thread::scope(|s| {
        let receivers: Vec<_> = (0..workers)
            .map(|w| {
                let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<T>>(2);
                let runs = &runs;
                s.spawn(move || {
                    for run in runs.iter().skip(w).step_by(workers) {
                        let done: Vec<T> = run.iter().map(|&d| work(d)).collect();
                        if tx.send(done).is_err() {
                            break;
                        }
                    }
                });
                rx
            })
            .collect();
        for (i, run) in runs.iter().enumerate() {
            let done = match receivers[i % workers].recv() {
                Ok(done) => done,
                Err(_) => run.iter().map(|&d| work(d)).collect(),
            };
            for t in done {
                take(t)?;
            }
        }
        Ok(())
    })
}
