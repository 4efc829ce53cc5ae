use super::*;
use crate::tui::test_support::generated_year;

fn app(entries: Vec<crate::journal::Entry>) -> App {
    crate::tui::test_support::app_opened(entries, Action::OpenInsights)
}

/// A year of entries in no colour, on the calendar.
fn calendar_of_a_year_in_no_colour() -> App {
    let mut app = app(generated_year());
    app.session.theme = Theme::no_colour();
    crate::tui::test_support::to_view(&mut app, crate::tui::screens::insights::Tab::Rhythm);
    app
}

/// Presses `keys`, then gives what review on top shows (see [`review_on_top`]).
fn review_after(app: &mut App, keys: &str) -> (Option<crate::tui::screens::review::Mode>, usize) {
    press(app, keys);
    review_on_top(app)
}

#[test]
fn every_view_empty_and_a_year_at_80x24_and_160x48() {
    for (kind, entries) in [("empty", Vec::new()), ("year", generated_year())] {
        for (w, h) in [(80, 24), (160, 48)] {
            let mut app = app(entries.clone());
            if kind == "year" {
                app.update(Msg::Key(Action::Choose(3)));
            }
            for tab in [
                "week",
                "over_time",
                "triggers",
                "helped",
                "moments",
                "cycle",
                "toward",
                "when",
                "rhythm",
            ] {
                assert_drawn!(format!("insights_{tab}_{kind}_{w}x{h}"), &mut app, w, h);
                app.update(Msg::Key(Action::Next));
            }
        }
    }
}

#[test]
fn make_a_report_of_the_window_at_80x24_and_160x48() {
    let mut app = app(generated_year());
    app.update(Msg::Key(Action::MakeReport));
    assert_drawn!("report_from_insights_80x24", &mut app, 80, 24);
    app.session.home = Some("/home/you".into());
    app.session.reports = Some("/home/you/Documents".into());
    app.update(Msg::Key(Action::Toggle));
    // Down to the format, past the eight kinds of words.
    for _ in 0..8 {
        app.update(Msg::Key(Action::Down));
    }
    app.update(Msg::Key(Action::Toggle));
    assert_drawn!("report_chosen_160x48", &mut app, 160, 48);
}

#[test]
fn moments_at_120x40() {
    let mut app = app(generated_year());
    app.update(Msg::Key(Action::Choose(3)));
    for _ in 0..4 {
        app.update(Msg::Key(Action::Next));
    }
    assert_drawn!("insights_moments_year_120x40", &mut app, 120, 40);
}

#[test]
fn the_calendar_marks_days_with_the_mood_in_no_colour_too() {
    let mut app = calendar_of_a_year_in_no_colour();
    let text = draw(&mut app, 80, 24).backend().to_string();
    assert!(text.contains("November 2026"), "{text}");
    assert!(
        ["▁", "▃", "▅", "▇", "█"].iter().any(|m| text.contains(m)),
        "{text}"
    );
    app.update(Msg::Key(Action::OlderMonth));
    let text = draw(&mut app, 80, 24).backend().to_string();
    assert!(text.contains("October 2026"), "{text}");
    app.update(Msg::Key(Action::NewerMonth));
    app.update(Msg::Key(Action::NewerMonth));
    let text = draw(&mut app, 80, 24).backend().to_string();
    assert!(
        text.contains("November 2026"),
        "not past this month: {text}"
    );
}

/// Entries on the days before the fixture date, one a day, with these moods (oldest
/// first) and closeness 3.
fn moods(values: &[u8]) -> Vec<crate::journal::Entry> {
    use crate::journal::{Closeness, Mood};
    let mut entries = crate::tui::test_support::twelve_entries();
    entries.truncate(values.len());
    for (e, v) in entries.iter_mut().zip(values) {
        e.mood = Mood::try_from(*v).ok();
        e.closeness = Closeness::try_from(3u8).ok();
    }
    entries
}

/// The rows of the first chart: (its y label, its plot text), top down.
fn mood_rows(app: &mut App, w: u16, h: u16) -> Vec<(String, String)> {
    let text = draw(app, w, h).backend().to_string();
    let lines: Vec<String> = text
        .lines()
        .map(|l| l.trim_matches('"').to_owned())
        .collect();
    let start = lines
        .iter()
        .position(|l| l.trim_start().starts_with("Mood"))
        .unwrap();
    lines[start + 1..]
        .iter()
        .take_while(|l| l.contains('│'))
        .map(|l| {
            let (label, plot) = l.split_once('│').unwrap();
            (label.trim().to_owned(), plot.to_owned())
        })
        .collect()
}

#[test]
fn every_mood_value_has_a_row_of_its_own_and_days_show_over_the_line() {
    for (w, h) in [(80, 24), (80, 30), (160, 48), (100, 37)] {
        let mut app = app(moods(&[1, 2, 3, 4, 5, 4, 4, 4, 4, 4, 4, 4]));
        app.update(Msg::Key(Action::Next));
        let rows = mood_rows(&mut app, w, h);
        assert_eq!((rows.len() - 1) % 4, 0, "{w}x{h}: 4k + 1 rows: {rows:?}");
        for v in 1..=5 {
            let (_, plot) = rows
                .iter()
                .find(|(label, _)| *label == v.to_string())
                .unwrap_or_else(|| panic!("{w}x{h}: no row labelled {v}: {rows:?}"));
            assert!(
                plot.contains('•'),
                "{w}x{h}: no day on the row of {v}: {rows:?}"
            );
        }
        // Mood 4 on the last seven days, so the weekly line runs through their cells: the
        // days are drawn over it.
        let (_, four) = rows.iter().find(|(label, _)| label == "4").unwrap();
        assert!(four.matches('•').count() >= 7, "{w}x{h}: {four}");
    }
}

#[test]
fn all_time_draws_a_dot_a_column_and_a_monthly_line() {
    let mut app = app(generated_year());
    app.update(Msg::Key(Action::Next));
    app.update(Msg::Key(Action::Choose(4)));
    let text = draw(&mut app, 80, 24).backend().to_string();
    assert!(text.contains("line: monthly averages"), "{text}");
    assert!(text.contains("-day averages"), "{text}");
    let rows = mood_rows(&mut app, 80, 24);
    for (_, plot) in &rows {
        // No column holds two dots: one average per column.
        assert!(plot.chars().count() <= 78, "{plot}");
    }
    let columns_with_dots: usize = (0..78)
        .filter(|&c| {
            rows.iter()
                .filter(|(_, p)| p.chars().nth(c) == Some('•'))
                .count()
                > 1
        })
        .count();
    assert_eq!(
        columns_with_dots, 0,
        "a column has one dot at most: {rows:?}"
    );
    app.update(Msg::Key(Action::Choose(1)));
    let text = draw(&mut app, 80, 24).backend().to_string();
    assert!(text.contains("dots: days, line: weekly averages"), "{text}");
}

#[test]
fn the_tabs_fit_at_every_width() {
    let mut app = app(generated_year());
    for w in [60u16, 64, 70, 80, 120] {
        for _ in 0..crate::tui::screens::insights::Tab::ALL.len() - 1 {
            let text = draw(&mut app, w, 24).backend().to_string();
            let tabs = text
                .lines()
                .nth(1)
                .unwrap()
                .trim_matches('"')
                .trim_end()
                .to_owned();
            let Screen::Insights(s) = app.top() else {
                panic!()
            };
            let (shown, full) = (
                s.tab,
                tabs.contains("Last 7 days") || tabs.contains("7 days"),
            );
            assert!(
                tabs.contains(shown.label()) || tabs.contains(shown.short_label()),
                "{w}: {tabs}"
            );
            assert!(
                full || tabs.contains(&format!(
                    "/{}",
                    super::super::screens::insights::Tab::ALL.len()
                )),
                "{w}: every tab, or which of them: {tabs}"
            );
            assert!(tabs.chars().count() <= usize::from(w), "{w}: {tabs}");
            press(&mut app, "Tab");
        }
    }
}

/// The review on top: its mode (`None` for its entry screen) and how many entries it
/// shows.
fn review_on_top(app: &App) -> (Option<crate::tui::screens::review::Mode>, usize) {
    match app.top() {
        Screen::Review(r) => (Some(r.mode), r.results.len()),
        Screen::ReviewEntry(r) => (None, r.list.results.len()),
        other => panic!("not review: {other:?}"),
    }
}

#[test]
fn the_last_seven_days_open_a_day_and_say_when_there_is_none() {
    use crate::tui::screens::review::Mode;
    // Twelve entries, one a day up to yesterday (21 November); today has none.
    let mut app = app(crate::tui::test_support::twelve_entries());
    let text = draw(&mut app, 80, 24).backend().to_string();
    assert!(text.contains("Today       no check-in"), "{text}");
    assert!(text.contains("Sat 21 Nov"), "{text}");
    press(&mut app, "Enter");
    assert!(
        matches!(&app.status, Some(Status::Info(t)) if t == "No check-in on Sunday 22 November 2026."),
        "{:?}",
        app.status
    );
    assert!(matches!(app.top(), Screen::Insights(_)));
    assert_eq!(
        review_after(&mut app, "Down Enter"),
        (None, 1),
        "one entry: opened"
    );
    assert_eq!(
        review_after(&mut app, "Esc"),
        (Some(Mode::Timeline), 1),
        "the day's list"
    );
    press(&mut app, "Esc");
    assert!(
        matches!(app.top(), Screen::Insights(_)),
        "back where it was"
    );
}

#[test]
fn the_calendar_chooses_a_day_with_the_arrows_and_opens_it() {
    use crate::tui::screens::review::Mode;
    let mut entries = crate::tui::test_support::twelve_entries();
    let mut twice = entries[5].clone();
    twice.id = crate::journal::EntryId::generate(twice.created_at, 99);
    let day = twice.date;
    entries.push(twice);
    let mut app = app(entries);
    crate::tui::test_support::to_view(&mut app, crate::tui::screens::insights::Tab::Rhythm);
    let Screen::Insights(s) = app.top() else {
        panic!()
    };
    assert_eq!(s.day, app.session.today);
    // 22 November back to the 15th: a week up, a day left and right.
    press(&mut app, "Up Left Right");
    let Screen::Insights(s) = app.top() else {
        panic!()
    };
    assert_eq!(s.day, day, "{day}");
    assert_eq!(
        review_after(&mut app, "Enter"),
        (Some(Mode::Timeline), 2),
        "two entries: the list"
    );
    press(&mut app, "Esc");
    // Not past today, and a month back with [.
    press(&mut app, "g Right Right [");
    let Screen::Insights(s) = app.top() else {
        panic!()
    };
    assert_eq!(s.day.to_string(), "2026-10-22");
    let text = draw(&mut app, 80, 24).backend().to_string();
    assert!(text.contains("October 2026"), "{text}");
}

#[test]
fn the_calendar_underlines_today() {
    use ratatui::style::Modifier;
    let mut app = calendar_of_a_year_in_no_colour();
    let today = chrono::Datelike::day(&app.session.today).to_string();
    let term = draw(&mut app, 80, 24);
    let buf = term.backend().buffer();
    let underlined: Vec<String> = buf
        .content()
        .iter()
        .filter(|c| c.modifier.contains(Modifier::UNDERLINED))
        .map(|c| c.symbol().to_owned())
        .collect();
    assert_eq!(underlined.concat().trim(), today, "{underlined:?}");
}

/// Issue 34: turning toward beside the moments, week by week, over a year that logged bids,
/// appreciations and breaks (few bids of the person's own: the small-numbers line shows).
#[test]
fn turning_toward_beside_the_moments_at_80x24_and_160x48() {
    use crate::journal::{Bid, BidKind, BreakOutcome, BreakSide, Episode, TimeOut, Turn, WentBack};
    let mut entries = generated_year();
    for (i, e) in entries.iter_mut().enumerate() {
        let turn = [Turn::Toward, Turn::Toward, Turn::Away, Turn::Against][i % 4];
        e.bids.push(Bid {
            kind: if i % 9 == 0 {
                BidKind::Mine
            } else {
                BidKind::Theirs
            },
            turn: Some(turn),
            text: "a bid".into(),
            ..Bid::default()
        });
        if i % 5 == 0 {
            e.bids.push(Bid {
                kind: BidKind::ThankThem,
                text: "made tea".into(),
                ..Bid::default()
            });
        }
        if i % 11 == 0 {
            let mut b = TimeOut::new(BreakSide::Mine, e.created_at, 30);
            b.back = Some(BreakOutcome {
                went: [WentBack::Yes, WentBack::Later, WentBack::No][i % 3],
                on: b.back_at,
                note: String::new(),
                extra: Default::default(),
            });
            e.time_outs.push(b);
        }
        if i % 3 == 0 {
            e.episodes.push(Episode {
                what: "went quiet".into(),
                ..Episode::default()
            });
        }
    }
    let mut app = app(entries);
    crate::tui::test_support::to_view(&mut app, crate::tui::screens::insights::Tab::Toward);
    assert_drawn!("insights_toward_bids_80x24", &mut app, 80, 24);
    assert_drawn!("insights_toward_bids_160x48", &mut app, 160, 48);
}

/// A year with tags (work on weekday mornings, weekend at the weekend, a visit now and then)
/// and check-ins written at every time of day.
fn tagged_year() -> Vec<crate::journal::Entry> {
    use chrono::{Datelike, Timelike};
    let mut entries = generated_year();
    for (i, e) in entries.iter_mut().enumerate() {
        let weekend = e.date.weekday().num_days_from_monday() >= 5;
        if weekend {
            e.tags.push("weekend".into());
        } else if e.created_at.hour() < 12 {
            e.tags.push("work".into());
        }
        if i % 40 == 0 {
            e.tags.push("visit".into());
        }
        let hour = match i {
            i if i % 13 == 0 => Some(23),
            i if i % 6 == 0 => Some(13),
            _ => None,
        };
        if let Some(h) = hour {
            e.created_at = e.created_at.with_hour(h).unwrap();
        }
    }
    entries
}

/// Issue 35: mood and closeness by weekday and time of day, and tags against them: over 90
/// days (every weekday has its five days; a tag used on two days is said to be too few), and
/// over 30 (most weekdays have fewer than five days: said, never averaged).
#[test]
fn when_by_weekday_time_of_day_and_tag_at_80x24_and_160x48() {
    let mut app = app(tagged_year());
    crate::tui::test_support::to_view(&mut app, crate::tui::screens::insights::Tab::When);
    app.update(Msg::Key(Action::Choose(2)));
    assert_drawn!("insights_when_tagged_80x24", &mut app, 80, 24);
    assert_drawn!("insights_when_tagged_160x48", &mut app, 160, 48);
    // Scrolled to the tags at 80 columns.
    draw(&mut app, 80, 24);
    for _ in 0..2 {
        app.update(Msg::Key(Action::PageDown));
    }
    assert_drawn!("insights_when_tagged_tags_80x24", &mut app, 80, 24);
    app.update(Msg::Key(Action::Choose(1)));
    assert_drawn!("insights_when_30_days_80x24", &mut app, 80, 24);
    let text = draw(&mut app, 80, 24).backend().to_string();
    assert!(
        text.contains("Not enough data yet for Monday (4 days)"),
        "{text}"
    );
    assert!(text.contains("Monday        –          –     4"), "{text}");
}
