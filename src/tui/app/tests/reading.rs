//! Issue 38: the journal read newest first. Review opens on the newest days while the rest is
//! read, and says so; what needs the whole journal waits for it; a search typed meanwhile
//! comes out as it does after; and what is saved, edited or deleted while the journal is read
//! is in what the read brings, once.

use crate::journal::EntryId;
use crate::journal::query::{self, Filter};
use crate::store::Progress;
use crate::tui::effect::Done;
use crate::tui::session::Summary;
use crate::tui::test_support::generated_year;

use super::*;

/// A read under way, as the event loop starts one: `read` of `days` day files taken in.
fn reading(app: &mut App, read: usize, days: usize) -> Arc<Progress> {
    let progress = Arc::new(Progress::default());
    progress.counted(days);
    for _ in 0..read {
        progress.one_more();
    }
    app.session.read_started(Arc::clone(&progress));
    progress
}

/// The newest `n` entries of `entries` (oldest first), as the newest read brings them.
fn newest(app: &mut App, entries: &[Entry], n: usize) {
    let today = app.session.today;
    let tail = entries[entries.len() - n..].to_vec();
    app.loaded_newest(Summary::of(Arc::new(tail), today, 0));
}

/// The whole journal of `entries`, with its search index, as the read brings it.
fn whole(app: &mut App, entries: Vec<Entry>) {
    let today = app.session.today;
    let index = query::signature::index(&entries);
    app.loaded(Summary::indexed(Arc::new(entries), index, today, 0));
}

fn ids(app: &App) -> Vec<EntryId> {
    let review = on_top!(app.top(), Screen::Review);
    review
        .results
        .iter()
        .map(|&i| review.entries()[i].id.clone())
        .collect()
}

/// Review opens as soon as the newest days are read, newest first, and says how far the rest
/// has got; home's figures, insights and a report wait for the whole journal; when it comes,
/// review lists all of it, on the entry that was selected.
#[test]
fn review_shows_the_newest_days_before_the_whole_journal_is_read() {
    let year = generated_year();
    let mut app = app_unread();
    let progress = reading(&mut app, 0, 0);
    drawn_with(&mut app, 80, 24, &["Reading your journal…"]);
    for _ in 0..123 {
        progress.one_more();
    }
    progress.counted(300);
    insta::assert_snapshot!("home_reading_80x24", draw(&mut app, 80, 24).backend());

    // `closer review`, or r on home: it waits for the newest days.
    press(&mut app, "r");
    assert!(matches!(app.top(), Screen::Home(_)));
    newest(&mut app, &year, 12);
    let shown = ids(&app);
    let newest_first: Vec<EntryId> = year.iter().rev().take(12).map(|e| e.id.clone()).collect();
    assert_eq!(shown, newest_first, "the newest entries, newest first");
    insta::assert_snapshot!("review_reading_80x24", draw(&mut app, 80, 24).backend());

    // Moving to the end of what is read: the list says the rest is coming.
    press(&mut app, "G");
    insta::assert_snapshot!("review_reading_end_80x24", draw(&mut app, 80, 24).backend());
    press(&mut app, "g j j");
    let selected = on_top!(app.top(), Screen::Review)
        .selected()
        .unwrap()
        .id
        .clone();

    // A report needs the whole journal: it says so and waits for nothing.
    press(&mut app, "R");
    drawn_with(
        &mut app,
        80,
        24,
        &["A report is made from the whole journal: your journal"],
    );
    // Home's figures are not shown from the newest days.
    press(&mut app, "Esc");
    let home = drawn_with(&mut app, 80, 24, &["Reading your journal… 123 of 300 days"]);
    assert!(!home.contains("Entries"), "{home}");
    // Insights waits for the whole journal.
    press(&mut app, "i");
    assert!(matches!(app.top(), Screen::Home(_)));
    press(&mut app, "r");
    assert!(
        matches!(app.top(), Screen::Review(_)),
        "review opens at once"
    );
    press(&mut app, "j j");

    whole(&mut app, year.clone());
    assert!(app.session.newest.is_none() && app.session.reading.is_none());
    let all: Vec<EntryId> = year.iter().rev().map(|e| e.id.clone()).collect();
    assert_eq!(ids(&app), all, "the whole journal, newest first");
    let review = on_top!(app.top(), Screen::Review);
    assert_eq!(review.selected().unwrap().id, selected, "on the same entry");
    let text = drawn_with(&mut app, 80, 24, &[&format!("{} entries", year.len())]);
    assert!(
        !text.contains("reading") && !text.contains("so far"),
        "{text}"
    );
}

/// Insights asked for while only the newest days are read opens once the whole journal is.
#[test]
fn insights_waits_for_the_whole_journal() {
    let year = generated_year();
    let mut app = app_unread();
    reading(&mut app, 10, 300);
    press(&mut app, "i");
    newest(&mut app, &year, 12);
    assert!(
        matches!(app.top(), Screen::Home(_)),
        "not on the newest days"
    );
    whole(&mut app, year);
    assert!(matches!(app.top(), Screen::Insights(_)));
}

/// A search typed while only the newest days are read looks in them, says so, and once the
/// whole journal is read gives what the same search gives after.
#[test]
fn a_search_typed_while_reading_gives_what_it_gives_after() {
    let year = generated_year();
    for text in ["q", "walk", "ti", "zzz"] {
        let mut app = app_unread();
        reading(&mut app, 40, 300);
        press(&mut app, "r");
        newest(&mut app, &year, 30);
        press(&mut app, "/");
        app.update(Msg::Paste(text.into()));
        let filter = Filter {
            text: text.into(),
            conditions: Vec::new(),
        };
        let tail = &year[year.len() - 30..];
        let so_far: Vec<EntryId> = query::apply(tail, &filter, app.session.today, None)
            .into_iter()
            .map(|i| tail[i].id.clone())
            .collect();
        assert_eq!(ids(&app), so_far, "{text}: among the newest days");
        let drawn = drawn_with(&mut app, 80, 24, &["so far · reading… 40 of 300 days"]);
        if text == "ti" {
            insta::assert_snapshot!("review_search_reading_80x24", drawn);
        }

        whole(&mut app, year.clone());
        let after: Vec<EntryId> = query::apply(&year, &filter, app.session.today, None)
            .into_iter()
            .map(|i| year[i].id.clone())
            .collect();
        assert_eq!(ids(&app), after, "{text}: the whole journal");
        // The same as a search typed once the journal is read.
        let mut fresh = app_unread();
        whole(&mut fresh, year.clone());
        press(&mut fresh, "r /");
        fresh.update(Msg::Paste(text.into()));
        assert_eq!(ids(&fresh), after, "{text}");
    }
}

/// What is saved, edited, brought back or deleted while the journal is read is in what the
/// read brings, once, whether the read found its day file before the change or after.
#[test]
fn nothing_saved_while_reading_is_lost_or_doubled() {
    let year = generated_year();
    let today = day();
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-22T09:40:00+01:00").unwrap();
    let mut new = Entry::new(EntryId::generate(at, 7), at);
    new.notes = "saved while reading".into();
    let mut edited = year[100].clone();
    edited.notes = "edited while reading".into();
    let deleted = year[200].clone();
    let gone = year[year.len() - 1].clone();
    let back = year[50].clone();
    // The journal on disk once every change is written.
    let after: Vec<Entry> = {
        let mut all: Vec<Entry> = year
            .iter()
            .filter(|e| e.id != deleted.id && e.id != gone.id)
            .map(|e| {
                if e.id == edited.id {
                    edited.clone()
                } else {
                    e.clone()
                }
            })
            .collect();
        all.push(new.clone());
        all.sort_by(Entry::order);
        all
    };
    // The read found every file before the changes, or after them.
    for (read_after, newest_first) in [(false, true), (true, true), (false, false)] {
        let mut app = app_unread();
        reading(&mut app, 0, 300);
        if newest_first {
            press(&mut app, "r");
            newest(&mut app, &year, 12);
            assert!(matches!(app.top(), Screen::Review(_)));
        }
        let from = app.top_id();
        for done in [
            Done::CheckInSaved(Box::new(new.clone())),
            Done::EntrySaved(Box::new(edited.clone())),
            Done::Deleted("trash/a.json".into(), deleted.id.clone(), deleted.date),
            Done::Deleted("trash/b.json".into(), gone.id.clone(), gone.date),
            Done::Deleted("trash/c.json".into(), back.id.clone(), back.date),
            Done::Restored(Box::new(back.clone())),
        ] {
            app.done(from, done);
        }
        if newest_first {
            // Review shows the save at once, and not the newest entry deleted.
            let shown = ids(&app);
            assert_eq!(shown[0], new.id);
            assert!(!shown.contains(&gone.id));
        }
        let read = if read_after {
            after.clone()
        } else {
            year.clone()
        };
        whole(&mut app, read);
        let journal = app.session.journal.as_ref().unwrap();
        assert_eq!(
            *journal.entries, after,
            "read after the changes: {read_after}"
        );
        assert_eq!(journal.index, Arc::new(query::signature::index(&after)));
        assert_eq!(
            journal.checked_in_today,
            after.iter().any(|e| e.date == today)
        );
    }
}
