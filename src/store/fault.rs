//! Injected write failures, for the torture tests: a failure of a chosen kind at a chosen step
//! of the atomic write. Inert unless a test sets a plan in its own thread ([`inject`]), or the
//! `CLOSER_TEST_FAULTS` environment variable is set when closer starts:
//!
//! ```text
//! CLOSER_TEST_FAULTS=<file>:<step>:<kind>:<count>
//!   file   day | draft | state | any
//!   step   create | write | sync | rename | sync-dir
//!   kind   full | denied | io
//!   count  how many writes fail before writing works again
//! ```

use std::cell::RefCell;
use std::io;
use std::path::Path;
use std::sync::Mutex;
use std::sync::OnceLock;

/// A step of the atomic write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Creating the temporary file.
    Create,
    /// Writing the bytes.
    Write,
    /// Flushing the file.
    Sync,
    /// Renaming it over the destination.
    Rename,
    /// Flushing the folder.
    SyncDir,
}

impl Step {
    /// Every step, in order.
    pub const ALL: [Step; 5] = [
        Step::Create,
        Step::Write,
        Step::Sync,
        Step::Rename,
        Step::SyncDir,
    ];

    fn parse(s: &str) -> Option<Step> {
        match s {
            "create" => Some(Step::Create),
            "write" => Some(Step::Write),
            "sync" => Some(Step::Sync),
            "rename" => Some(Step::Rename),
            "sync-dir" => Some(Step::SyncDir),
            _ => None,
        }
    }
}

/// Which failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// No space left on the device.
    Full,
    /// Permission denied.
    Denied,
    /// Some other I/O error.
    Io,
}

impl Kind {
    /// Every kind.
    pub const ALL: [Kind; 3] = [Kind::Full, Kind::Denied, Kind::Io];

    fn error(self) -> io::Error {
        match self {
            Kind::Full => io::Error::from(io::ErrorKind::StorageFull),
            Kind::Denied => io::Error::from(io::ErrorKind::PermissionDenied),
            Kind::Io => io::Error::other("input/output error (injected)"),
        }
    }
}

/// A plan: fail `count` writes of files matching `file` at `step` with `kind`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// "day", "draft", "state" or "any".
    pub file: String,
    /// The step that fails.
    pub step: Step,
    /// How it fails.
    pub kind: Kind,
    /// How many more writes fail.
    pub count: u32,
}

impl Plan {
    fn applies(&self, path: &Path) -> bool {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match self.file.as_str() {
            "day" => crate::store::Layout::day_of_file_name(&name).is_some(),
            "draft" => name == "current.json",
            "state" => name == "state.json",
            _ => true,
        }
    }
}

thread_local! {
    static LOCAL: RefCell<Option<Plan>> = const { RefCell::new(None) };
}

static FROM_ENV: OnceLock<Mutex<Option<Plan>>> = OnceLock::new();

fn from_env() -> &'static Mutex<Option<Plan>> {
    FROM_ENV.get_or_init(|| {
        let plan = std::env::var("CLOSER_TEST_FAULTS").ok().and_then(|v| {
            let mut parts = v.split(':');
            let file = parts.next()?.to_owned();
            let step = Step::parse(parts.next()?)?;
            let kind = match parts.next()? {
                "full" => Kind::Full,
                "denied" => Kind::Denied,
                _ => Kind::Io,
            };
            let count = parts.next()?.parse().ok()?;
            Some(Plan {
                file,
                step,
                kind,
                count,
            })
        });
        Mutex::new(plan)
    })
}

/// Sets (or clears) the plan for writes made by this thread.
pub fn inject(plan: Option<Plan>) {
    LOCAL.with(|l| *l.borrow_mut() = plan);
}

fn take(plan: &mut Option<Plan>, path: &Path, step: Step) -> Option<io::Error> {
    let p = plan.as_mut()?;
    if p.step != step || p.count == 0 || !p.applies(path) {
        return None;
    }
    p.count -= 1;
    Some(p.kind.error())
}

/// The injected failure for `step` of writing `path`, if one is planned.
pub fn check(path: &Path, step: Step) -> io::Result<()> {
    if let Some(e) = LOCAL.with(|l| take(&mut l.borrow_mut(), path, step)) {
        return Err(e);
    }
    if let Ok(mut plan) = from_env().lock()
        && let Some(e) = take(&mut plan, path, step)
    {
        return Err(e);
    }
    Ok(())
}
