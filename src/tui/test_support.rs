//! Fixtures for screen tests: apps on a fixed date, drawn on a `TestBackend`.

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::journal::{Perspective, Preferences};

use super::app::{App, Context, Summary};
use super::theme::Theme;

/// The date every snapshot is taken on.
pub fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn context() -> Context {
    Context {
        today: day(),
        data_dir: "/home/you/.local/share/closer".into(),
        read_only: None,
        size: (80, 24),
    }
}

/// An app on its first run.
pub fn app_first_run() -> App {
    App::new(context(), Preferences::default(), Theme::calm())
}

/// An app on home, its journal read: 12 entries, a 3-day streak, not yet today.
pub fn app_at_home() -> App {
    let prefs = Preferences {
        perspective: Some(Perspective::IPullAway),
        ..Preferences::default()
    };
    let mut app = App::new(context(), prefs, Theme::calm());
    app.summary = Some(Summary {
        entries: 12,
        checked_in_today: false,
        streak: 3,
        problem_files: 0,
    });
    app
}

/// Draws `app` at `width`×`height`.
pub fn draw(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    app.ctx.size = (width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| app.view(f)).unwrap();
    terminal
}
