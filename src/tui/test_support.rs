//! Fixtures for screen tests: apps on a fixed date, drawn on a `TestBackend`.

use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::journal::{Perspective, Preferences};

use super::app::{App, Context, Msg, Summary};
use super::theme::Theme;
use crate::content::Catalog;

/// The date every snapshot is taken on.
pub fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn context() -> Context {
    Context {
        now: chrono::DateTime::parse_from_rfc3339("2026-11-22T09:30:00+01:00").unwrap(),
        today: day(),
        data_dir: "/home/you/.local/share/closer".into(),
        read_only: None,
        size: (80, 24),
    }
}

/// The bundled content, read once.
pub fn catalog() -> Arc<Catalog> {
    static CATALOG: OnceLock<Arc<Catalog>> = OnceLock::new();
    Arc::clone(CATALOG.get_or_init(|| Arc::new(Catalog::bundled().unwrap())))
}

/// An app on its first run.
pub fn app_first_run() -> App {
    App::new(context(), Preferences::default(), catalog(), Theme::calm())
}

/// An app on home, its journal read: 12 entries, a 3-day streak, not yet today.
pub fn app_at_home() -> App {
    let prefs = Preferences {
        perspective: Some(Perspective::IPullAway),
        ..Preferences::default()
    };
    let mut app = App::new(context(), prefs, catalog(), Theme::calm());
    app.update(Msg::Loaded(Summary {
        entries: Arc::new(twelve_entries()),
        checked_in_today: false,
        streak: 3,
        problem_files: 0,
        histories: Arc::default(),
    }));
    app
}

/// Draws `app` at `width`×`height`.
pub fn draw(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    app.ctx.size = (width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| app.view(f)).unwrap();
    terminal
}

/// Twelve plain entries on the days before the fixture date.
pub fn twelve_entries() -> Vec<crate::journal::Entry> {
    (1..=12)
        .map(|i| {
            let at = chrono::DateTime::parse_from_rfc3339(&format!(
                "2026-11-{:02}T20:00:00+01:00",
                22 - i
            ))
            .unwrap();
            crate::journal::Entry::new(crate::journal::EntryId::generate(at, i), at)
        })
        .collect()
}
