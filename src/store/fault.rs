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

use strum::{EnumString, VariantArray};

/// A step of the atomic write; its name in `CLOSER_TEST_FAULTS` is in kebab case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, VariantArray, EnumString)]
#[strum(serialize_all = "kebab-case")]
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
    pub const ALL: &'static [Step] = <Step as VariantArray>::VARIANTS;
}

/// Which failure; its name in `CLOSER_TEST_FAULTS` is in lower case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, VariantArray, EnumString)]
#[strum(serialize_all = "lowercase")]
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
    pub const ALL: &'static [Kind] = <Kind as VariantArray>::VARIANTS;

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

impl Plan {
    /// The plan written as `CLOSER_TEST_FAULTS` takes it: `<file>:<step>:<kind>:<count>` (a
    /// kind it does not name is an I/O error).
    fn parse(v: &str) -> Option<Plan> {
        let mut parts = v.split(':');
        let file = parts.next()?.to_owned();
        let step = parts.next()?.parse().ok()?;
        let kind = parts.next()?.parse().unwrap_or(Kind::Io);
        let count = parts.next()?.parse().ok()?;
        Some(Plan {
            file,
            step,
            kind,
            count,
        })
    }
}

fn from_env() -> &'static Mutex<Option<Plan>> {
    FROM_ENV.get_or_init(|| {
        let plan = std::env::var("CLOSER_TEST_FAULTS")
            .ok()
            .and_then(|v| Plan::parse(&v));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans_are_read_as_the_environment_writes_them() {
        let steps = ["create", "write", "sync", "rename", "sync-dir"];
        for (name, step) in steps.iter().zip(Step::ALL) {
            let plan = Plan::parse(&format!("day:{name}:full:2")).unwrap();
            assert_eq!((plan.step, plan.kind, plan.count), (*step, Kind::Full, 2));
        }
        let kinds = ["full", "denied", "io", "other"];
        for (name, kind) in kinds
            .iter()
            .zip([Kind::Full, Kind::Denied, Kind::Io, Kind::Io])
        {
            assert_eq!(
                Plan::parse(&format!("any:sync:{name}:1")).unwrap().kind,
                kind
            );
        }
        assert_eq!(Plan::parse("any:sync_dir:io:1"), None);
        assert_eq!(Plan::parse("any:write:io"), None);
    }
}
