//! Issue 37, items 17 and 18: chips kept whole, review's columns and list window, and words
//! that say what a key or a row does there.

use insta::assert_snapshot;

use crate::journal::draft::{CheckInDraft, Step};
use crate::tui::app::App;
use crate::tui::keys::Action;
use crate::tui::screen::Msg;
use crate::tui::screens::Screen;
use crate::tui::screens::checkin::State;
use crate::tui::test_support::{
    app_at_home, app_opened, assert_boxes_keep_their_labels, draw, generated_year, press, typed,
};

fn rows(app: &mut App, w: u16, h: u16) -> Vec<String> {
    draw(app, w, h)
        .backend()
        .to_string()
        .lines()
        .map(|l| l.trim_matches('"').to_owned())
        .collect()
}

fn checkin(step: Step) -> App {
    let mut app = app_at_home();
    let mut d = CheckInDraft::new(app.session.now, app.session.perspective());
    d.step = step;
    let state = State::new(d, &app.session);
    app.open_for_test(Screen::CheckIn(Box::new(state)));
    app
}

fn review(entries: Vec<crate::journal::Entry>) -> App {
    app_opened(entries, Action::OpenReview)
}

/// Item 17: at 80 and 160 columns a chip's box never ends a line apart from its label.
#[test]
fn chips_keep_their_box_with_their_label_at_80_and_160() {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut app = checkin(Step::Episodes);
        let screen = rows(&mut app, w, h);
        assert!(screen.iter().any(|l| l.contains("[ ] ")), "{screen:#?}");
        assert_boxes_keep_their_labels(&screen, w);
        assert_snapshot!(format!("chips_whole_{w}x{h}"), screen.join("\n"));
    }
}

/// Item 17: the filter list's hints start in one column, after the longest name.
#[test]
fn the_filter_hints_share_one_column() {
    use crate::tui::screens::review::FilterKind;
    for (w, h) in [(80, 24), (160, 48)] {
        let mut app = review(generated_year());
        app.update(Msg::Key(Action::OpenFilter));
        let screen = rows(&mut app, w, h);
        let columns: Vec<usize> = FilterKind::ALL
            .iter()
            .map(|k| {
                let line = screen
                    .iter()
                    .find(|l| l.contains(k.label()))
                    .unwrap_or_else(|| panic!("{}: {screen:#?}", k.label()));
                let first = k.hint().split(' ').next().unwrap();
                let at = line.find(k.label()).unwrap() + k.label().len();
                line[..at].chars().count()
                    + line[at..]
                        .find(first)
                        .map_or(0, |i| line[at..at + i].chars().count())
            })
            .collect();
        assert!(
            columns.windows(2).all(|p| p[0] == p[1]),
            "{columns:?} at {w}: {screen:#?}"
        );
        assert_snapshot!(format!("review_filters_{w}x{h}"), screen.join("\n"));
    }
}

fn is_heading(line: &str) -> bool {
    let t = line.trim();
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ]
    .iter()
    .any(|d| t.starts_with(d))
        && (t.ends_with("2025") || t.ends_with("2026"))
}

/// Item 17: after `G` the list is full to the bottom, and after `:` the top line of the
/// list names its day.
#[test]
fn the_timeline_names_its_top_day_and_fills_to_the_bottom() {
    // 80×24: the list runs from the fourth line to the third from the bottom.
    let (top, bottom) = (3, 21);
    let mut app = review(generated_year());
    app.update(Msg::Key(Action::Bottom));
    let screen = rows(&mut app, 80, 24);
    assert!(is_heading(&screen[top]), "{screen:#?}");
    // The oldest row on the last line of the list (or the one above, where its day
    // heading took a line), the rows above it filling the view.
    assert!(
        screen[bottom - 1..=bottom].iter().any(|l| l.contains('▸')),
        "the oldest rows fill the view: {screen:#?}"
    );
    assert!(
        screen[top..bottom].iter().all(|l| !l.trim().is_empty()),
        "{screen:#?}"
    );
    assert_snapshot!("review_bottom_80x24", screen.join("\n"));
    for date in ["2026-06-15", "2026-03-02", "2026-09", "2026-01-20"] {
        app.update(Msg::Key(Action::GoTo));
        typed(&mut app, date);
        press(&mut app, "Enter");
        let screen = rows(&mut app, 80, 24);
        assert!(is_heading(&screen[top]), "after : {date}: {screen:#?}");
        assert!(screen.iter().any(|l| l.contains('▸')), "{screen:#?}");
    }
    // Paging down a screen at a time, the top line always names its day.
    app.update(Msg::Key(Action::Top));
    for _ in 0..10 {
        app.update(Msg::Key(Action::PageDown));
        let screen = rows(&mut app, 80, 24);
        assert!(is_heading(&screen[top]), "{screen:#?}");
    }
}

/// Item 18: a typed date is applied as a filter, not added as one's own.
#[test]
fn a_typed_date_is_offered_as_a_filter_not_as_your_own() {
    use crate::tui::screens::review::FilterKind;
    let mut app = review(generated_year());
    app.update(Msg::Key(Action::OpenFilter));
    let dates = FilterKind::ALL
        .iter()
        .position(|k| *k == FilterKind::Dates)
        .unwrap();
    for _ in 0..dates {
        app.update(Msg::Key(Action::Down));
    }
    press(&mut app, "Enter");
    typed(&mut app, "2026-11-20..2026-11-25");
    press(&mut app, "Down");
    let text = rows(&mut app, 80, 24).join("\n");
    assert!(
        text.contains("▸ + filter by “2026-11-20..2026-11-25” (Enter)"),
        "{text}"
    );
    assert!(!text.contains("as your own"), "{text}");
}

/// Item 18: while something is typed into a list's filter, Space types a space, so the
/// footer does not offer "Space pick"; with nothing typed it does.
#[test]
fn the_footer_offers_space_pick_only_when_space_picks() {
    for step in [Step::Emotions, Step::Triggers, Step::Reactions] {
        let mut app = checkin(step);
        let footer = |app: &mut App| rows(app, 120, 30)[29].clone();
        assert!(footer(&mut app).contains("Space pick"), "{step:?}");
        typed(&mut app, "a bit");
        let f = footer(&mut app);
        assert!(!f.contains("Space pick"), "{step:?}: {f}");
        let Screen::CheckIn(s) = app.top() else {
            panic!()
        };
        let list = s.list(step).unwrap();
        assert_eq!(list.filter, "a bit", "Space typed a space");
    }
}
