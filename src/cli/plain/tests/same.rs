//! Issue 36: the plain check-in saves the entry the terminal interface's check-in saves for
//! the same answers (ids and times apart), and learns the same from it.

use crate::journal::draft::{CheckInDraft, Step};
use crate::journal::{Entry, Name, Perspective, StrategyUse};
use crate::tui::app::App;
use crate::tui::effect::Effect;
use crate::tui::screens::Screen;
use crate::tui::test_support::{app_unread, press, read_journal, settle, twelve_entries, typed};

use super::*;

/// The journal both check-ins see: twelve days, the one before yesterday planning a strategy
/// (to follow up today).
fn entries() -> Vec<Entry> {
    let mut entries = twelve_entries();
    entries[10].strategies.push(StrategyUse {
        id: Name::try_from("take-it-slow").unwrap(),
        planned: true,
        tried: None,
        helpfulness: None,
        extra: Default::default(),
    });
    entries
}

fn step(app: &App) -> Step {
    match app.top() {
        Screen::CheckIn(s) => s.step(),
        other => panic!("{other:?}"),
    }
}

/// The entry the interface saves, driven by keys; and the preferences it keeps after.
fn through_the_interface() -> (Entry, crate::journal::Preferences) {
    let mut app = app_unread();
    read_journal(&mut app, entries());
    press(&mut app, "c");
    press(&mut app, "2 4 Tab");
    typed(&mut app, "anxious");
    press(&mut app, "Enter");
    typed(&mut app, "homesick");
    press(&mut app, "Enter Tab");
    assert_eq!(step(&app), Step::Triggers);
    typed(&mut app, "anxi");
    press(&mut app, "Enter 4 Ctrl-n");
    typed(&mut app, "about work");
    press(&mut app, "Enter Tab");
    typed(&mut app, "clipped");
    press(&mut app, "Enter Tab");
    assert_eq!(step(&app), Step::Episodes);
    typed(&mut app, "I went quiet at dinner");
    press(&mut app, "Tab");
    assert_eq!(step(&app), Step::Reflect);
    typed(&mut app, "It was hard");
    while step(&app) == Step::Reflect {
        press(&mut app, "Tab");
    }
    assert_eq!(step(&app), Step::Strategies);
    // The earlier plan first: tried, helpfulness 4; then the first suggestion planned.
    press(&mut app, "4 Down Space Tab");
    assert_eq!(step(&app), Step::Predictions);
    typed(&mut app, "they will be cold");
    press(&mut app, "Tab");
    typed(&mut app, "a note");
    press(&mut app, "Tab");
    typed(&mut app, "work, home");
    press(&mut app, "Tab");
    assert_eq!(step(&app), Step::Summary);
    let out = press(&mut app, "Ctrl-s");
    let [Effect::SaveCheckIn(draft)] = &out.iter().map(|r| &r.effect).collect::<Vec<_>>()[..]
    else {
        panic!("{out:?}");
    };
    let entry = draft.finish(draft.started_at);
    settle(&mut app, out);
    (entry, app.session.stored_prefs.clone())
}

/// The entry the plain check-in saves for the same answers, and the preferences it teaches.
fn through_the_plain_check_in() -> (Entry, Option<crate::journal::Preferences>, String) {
    let app = app_unread();
    let session = &app.session;
    let journal = Journal::of(Arc::new(entries()), session.today);
    let c = &session.catalog;
    let anxiety = &c.trigger("anxiety").unwrap().name;
    let clipped = c
        .signs_for(Some(Perspective::IPullAway))
        .iter()
        .position(|s| s.label.contains("clipped"))
        .unwrap()
        + 1;
    let input = format!(
        "2\n4\nanxious, homesick\n{anxiety}\n4 about work\n{clipped}\n\
         I went quiet at dinner\n\n\n\n\n\n\n\n\
         It was hard\n/next\n\
         4\n1\n\
         they will be cold\n\n\n\n\n\
         a note\nwork, home\n\n"
    );
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let now = || session.now;
    let t = Term::new(input.as_bytes(), Vec::new(), 80, false);
    let with = With {
        store: &store,
        catalog: c,
        prefs: &session.prefs,
        journal: Some(&journal),
        today: session.today,
        locked: false,
        now: &now,
    };
    let mut checkin = Checkin::new(
        CheckInDraft::new(session.now, session.perspective()),
        t,
        with,
    );
    let ended = checkin.run().unwrap();
    let out = String::from_utf8(checkin.term().output().clone()).unwrap();
    let Ended::Saved(entry, prefs) = ended else {
        panic!("{ended:?}\n{out}");
    };
    let on_disk = store.day(session.today).unwrap();
    assert_eq!(on_disk, [(*entry).clone()], "what was saved is on disk");
    (*entry, prefs.map(|p| *p), out)
}

/// An entry as JSON without what differs between two saves of the same answers.
fn without_ids_and_times(e: &Entry) -> serde_json::Value {
    let mut v = serde_json::to_value(e).unwrap();
    let o = v.as_object_mut().unwrap();
    for key in ["id", "created_at", "updated_at"] {
        o.remove(key);
    }
    v
}

#[test]
fn the_same_answers_save_the_same_entry_as_the_interfaces_check_in() {
    let (tui, tui_prefs) = through_the_interface();
    let (plain, plain_prefs, out) = through_the_plain_check_in();
    let (tui, plain) = (without_ids_and_times(&tui), without_ids_and_times(&plain));
    assert_eq!(
        tui, plain,
        "the interface's:\n{tui:#}\nthe plain one's:\n{plain:#}\n{out}"
    );
    // Every part was given, so the comparison compares something.
    for key in [
        "mood",
        "closeness",
        "emotions",
        "triggers",
        "behaviours",
        "episodes",
        "responses",
        "strategies",
        "predictions",
        "notes",
        "tags",
    ] {
        assert!(plain.get(key).is_some(), "{key} missing: {plain:#}");
    }
    assert_eq!(
        plain["strategies"].as_array().unwrap().len(),
        2,
        "{plain:#}"
    );
    let plain_prefs = plain_prefs.expect("a feeling of one's own was remembered");
    assert_eq!(plain_prefs.custom_feelings, tui_prefs.custom_feelings);
    assert_eq!(plain_prefs.custom_feelings, ["homesick"]);
}
