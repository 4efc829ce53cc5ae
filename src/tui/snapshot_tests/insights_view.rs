//! Insights as a person reads them (issue 37, item 13): the window said at 80 columns, an empty
//! journal, and 160 columns.

use crate::journal::Entry;
use crate::tui::app::App;
use crate::tui::keys::Action;
use crate::tui::screen::Msg;
use crate::tui::test_support::{app_opened, draw, generated_year, twelve_entries};

fn app(entries: Vec<Entry>) -> App {
    app_opened(entries, Action::OpenInsights)
}

fn screen(app: &mut App, w: u16, h: u16) -> String {
    draw(app, w, h)
        .backend()
        .to_string()
        .lines()
        .map(|l| l.trim_matches('"').trim_end().to_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Issue 37, item 13: at 80 columns the window shown is said, on every view it applies to.
#[test]
fn the_window_is_said_at_80_columns() {
    let mut app = app(generated_year());
    app.update(Msg::Key(Action::Next));
    for (key, said) in [
        (1, "last 30 days"),
        (2, "last 90 days"),
        (3, "last 365 days"),
        (4, "all time"),
    ] {
        app.update(Msg::Key(Action::Choose(key)));
        // Over time, triggers, what helped, moments, your cycle, turning toward, when.
        for _ in 0..7 {
            let text = screen(&mut app, 80, 24);
            let top: Vec<&str> = text.lines().take(4).collect();
            assert!(top.join("\n").contains(said), "{said}:\n{text}");
            app.update(Msg::Key(Action::Next));
        }
        // Back to "over time".
        app.update(Msg::Key(Action::Next));
        app.update(Msg::Key(Action::Next));
    }
}

/// Issue 37, item 13: an empty journal is not told that all time shows something.
#[test]
fn an_empty_journal_is_not_sent_to_all_time() {
    let mut app = app(Vec::new());
    app.update(Msg::Key(Action::Next));
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("No check-ins yet."), "{text}");
    assert!(!text.contains("4 shows"), "{text}");
    assert!(!text.contains("all time;"), "{text}");
    // Entries outside the window: all time is offered, in words.
    let mut old = twelve_entries();
    for e in &mut old {
        e.date = e.date - chrono::Days::new(200);
    }
    let mut app = self::app(old);
    app.update(Msg::Key(Action::Next));
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("Press 4 to see all time"), "{text}");
}

/// Issue 37, item 13: what helped keeps its figures near the names on a wide screen;
/// lists cut short say how many more there are; each trigger says "not enough data yet"
/// once.
#[test]
fn what_helped_and_triggers_read_well_at_160_columns() {
    let mut entries = generated_year();
    // Fifteen feelings named once each, beyond the twelve shown.
    for (n, e) in entries.iter_mut().rev().take(15).enumerate() {
        e.emotions.push(format!("feeling{n:02}"));
    }
    let mut app = app(entries);
    app.update(Msg::Key(Action::Choose(4)));
    for _ in 0..3 {
        app.update(Msg::Key(Action::Next));
    }
    let text = screen(&mut app, 160, 48);
    let rows: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.contains("Strategies: planned"))
        .skip(1)
        .take_while(|l| l.contains(" · "))
        .collect();
    assert!(!rows.is_empty(), "{text}");
    for row in &rows {
        let inner = row.trim_start_matches(['│', ' ']);
        let (name, figures) = inner.split_once("  ").unwrap_or((inner, ""));
        let gap = figures.len() - figures.trim_start().len();
        assert!(
            gap < 40,
            "figures {gap} columns from {name:?}: {row}\n{text}"
        );
    }
    assert!(text.contains("more"), "and N more:\n{text}");

    // Triggers with too few days say so once, not for mood and again for closeness.
    let mut few = twelve_entries();
    for (n, e) in few.iter_mut().enumerate() {
        e.mood = crate::journal::Mood::try_from(3u8).ok();
        e.closeness = crate::journal::Closeness::try_from(3u8).ok();
        if n % 4 == 0 {
            e.triggers.push(crate::journal::TriggerLog {
                trigger: crate::journal::TriggerRef::Id(
                    crate::journal::Name::try_from("anxiety").unwrap(),
                ),
                intensity: None,
                note: String::new(),
                extra: Default::default(),
            });
        }
    }
    let mut app = self::app(few);
    app.update(Msg::Key(Action::Choose(4)));
    app.update(Msg::Key(Action::Next));
    app.update(Msg::Key(Action::Next));
    let text = screen(&mut app, 160, 48);
    assert!(text.contains("not enough data yet"), "{text}");
    assert_eq!(text.matches("not enough data yet").count(), 1, "{text}");
}
