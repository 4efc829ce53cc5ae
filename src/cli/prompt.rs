//! `closer prompt`: today's question, for a shell greeting. Reads the journal without opening
//! it for writing, so it never creates the data folder or waits for another closer.

use std::io::Write;
use std::path::Path;

use anyhow::{Result, bail};
use chrono::NaiveDate;

use crate::content;
use crate::journal::PerspectiveChoice;
use crate::store::{self, Layout};

/// Print today's question: the same all day, a new one tomorrow.
///
/// It fits the perspective you chose in the journal, and skips questions you answered in
/// the last 30 days. Handy in a shell greeting.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  closer prompt\n  closer prompt --perspective partner-pulls-away\n  closer prompt --perspective both"
)]
pub struct Args {
    /// Whose distance to ask about: i-pull-away, partner-pulls-away or both [default: the
    /// one in config.toml, else the one chosen in the journal]
    #[arg(long, value_parser = perspective_parser())]
    perspective: Option<PerspectiveChoice>,
}

impl Args {
    /// Prints today's question.
    ///
    /// # Errors
    /// As [`run`].
    pub fn run(self, ctx: &super::Ctx) -> Result<std::process::ExitCode> {
        let data_dir = ctx.data_dir()?;
        let mut err = super::printable::Printable::new(std::io::stderr().lock());
        // As on screen: config.toml's perspective wins over the one stored.
        let perspective = self.perspective.or(ctx.config().perspective);
        let today = crate::clock::today();
        let config_dir = ctx.config_dir();
        ctx.printed(|out| {
            run(
                data_dir,
                config_dir.as_deref(),
                perspective,
                today,
                out,
                &mut err,
            )
        })?;
        Ok(std::process::ExitCode::SUCCESS)
    }
}

/// A perspective on the command line, by its id (the journal's own enum, so there is one).
fn perspective_parser() -> impl clap::builder::TypedValueParser<Value = PerspectiveChoice> {
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(PerspectiveChoice::ALL.iter().map(|p| p.id()))
        .try_map(|id| PerspectiveChoice::from_id(&id).ok_or("not a perspective"))
}

/// Prints today's question to `out`, for `perspective` (else the one stored; `Both` asks from
/// either); warnings (a broken file of your own prompts, an
/// unreadable state file) go to `err` (a long list as its first few and a count).
pub fn run(
    data_dir: &Path,
    config_dir: Option<&Path>,
    perspective: Option<PerspectiveChoice>,
    today: NaiveDate,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<()> {
    let (catalog, problems) = content::load(config_dir);
    super::ctx::say_content_problems(&problems, err)?;
    let layout = Layout::new(data_dir);
    let perspective = match perspective {
        Some(p) => p.perspective(),
        None => match store::read_preferences(&layout) {
            Ok(prefs) => prefs.perspective(),
            Err(e) => {
                writeln!(err, "closer: warning: {e}")?;
                None
            }
        },
    };
    let scan = store::scan(&layout);
    let Some(prompt) = catalog.prompt_of_the_day(today, perspective, &scan.entries) else {
        bail!("there are no prompts to choose from; check your own prompts file");
    };
    writeln!(out, "{}", prompt.text)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::Perspective;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    fn prompt_for(dir: &Path, p: Option<PerspectiveChoice>) -> (String, String) {
        prompt_on(dir, p, day())
    }

    fn prompt_on(dir: &Path, p: Option<PerspectiveChoice>, day: NaiveDate) -> (String, String) {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        run(dir, None, p, day, &mut out, &mut err).unwrap();
        (
            String::from_utf8(out).unwrap(),
            String::from_utf8(err).unwrap(),
        )
    }

    #[test]
    fn prints_one_line_and_creates_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("none");
        let (out, err) = prompt_for(&root, None);
        assert_eq!(out.lines().count(), 1, "{out}");
        assert!(out.trim_end().ends_with('?') || out.len() > 10, "{out}");
        assert_eq!(err, "");
        assert!(!root.exists());
    }

    /// A data folder whose stored perspective is "my partner pulls away".
    fn partner_pulls_away_journal() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("state.json"),
            br#"{"schema": 1, "perspective": "partner-pulls-away"}"#,
        )
        .unwrap();
        dir
    }

    #[test]
    fn follows_the_chosen_perspective_unless_told_otherwise() {
        let dir = partner_pulls_away_journal();
        let catalog = content::Catalog::bundled().unwrap();
        let expected = |p| {
            catalog
                .prompt_of_the_day(day(), Some(p), &[])
                .unwrap()
                .text
                .clone()
        };
        let (saved, _) = prompt_for(dir.path(), None);
        assert_eq!(saved.trim_end(), expected(Perspective::PartnerPullsAway));
        let (flag, _) = prompt_for(dir.path(), Some(PerspectiveChoice::IPullAway));
        assert_eq!(flag.trim_end(), expected(Perspective::IPullAway));
    }

    #[test]
    fn both_asks_from_either_perspective() {
        let dir = partner_pulls_away_journal();
        let catalog = content::Catalog::bundled().unwrap();
        let of = |day, p| catalog.prompt_of_the_day(day, p, &[]).unwrap().text.clone();
        // A day where "both" and the stored perspective ask different questions.
        let day = day()
            .iter_days()
            .take(60)
            .find(|d| of(*d, None) != of(*d, Some(Perspective::PartnerPullsAway)))
            .expect("both perspectives' pools differ within 60 days");
        let (both, _) = prompt_on(dir.path(), Some(PerspectiveChoice::Both), day);
        assert_eq!(both.trim_end(), of(day, None));
    }

    #[test]
    fn a_broken_state_file_is_a_warning_not_a_failure() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("state.json"), b"{oops").unwrap();
        let (out, err) = prompt_for(dir.path(), None);
        assert!(!out.is_empty());
        assert!(err.contains("state.json"), "{err}");
    }
}
