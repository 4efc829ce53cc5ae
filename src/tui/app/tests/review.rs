//! Review and insights: the entry view, reports, predictions and the search index.

use super::*;
use crate::journal::test_support::{outcome, prediction};

#[test]
fn deleting_from_the_entry_view_goes_back_to_the_list_where_u_undoes_it() {
    let mut app = app_at_home();
    press(&mut app, "r Enter d");
    assert_eq!(question(&app), Some(Question::DeleteEntry));
    let out = press(&mut app, "y");
    assert!(matches!(effects(&out)[..], [Effect::DeleteEntry(_)]));
    let Screen::Review(r) = app.top() else {
        panic!("{:?}", app.top());
    };
    assert_eq!(r.mode, crate::tui::screens::review::Mode::Timeline);
    app.done(
        out[0].from,
        Done::Deleted(
            "/trash/x.json".into(),
            twelve_entries()[11].id.clone(),
            twelve_entries()[11].date,
        ),
    );
    let out = press(&mut app, "u");
    assert!(matches!(effects(&out)[..], [Effect::RestoreEntry(_)]));
}

/// Issue 19: a report of what review shows, the person's words only when chosen, written
/// through an effect, and the status says where.
#[test]
fn review_makes_a_report_of_its_filter_with_words_only_when_chosen() {
    use crate::journal::{Mood, Name, Response, TriggerLog};
    let mut entries = twelve_entries();
    for (i, e) in entries.iter_mut().enumerate() {
        e.mood = Mood::try_from(u8::try_from(i % 5 + 1).unwrap()).ok();
        e.notes = format!("private-note-{i}");
        e.responses.push(Response {
            prompt_id: None,
            prompt: "Asked?".into(),
            answer: format!("private-answer-{i}"),
            extra: Default::default(),
        });
        if i % 3 == 0 {
            e.triggers.push(TriggerLog {
                trigger: TriggerRef::Id(Name::try_from("anxiety").unwrap()),
                intensity: None,
                note: String::new(),
                extra: Default::default(),
            });
        }
    }
    let mut app = app_at_home();
    read_journal(&mut app, entries);
    app.session.home = Some("/home/you".into());
    app.session.reports = Some("/home/you/Documents".into());
    app.update(Msg::Key(Action::OpenReview));
    if let Screen::Review(r) = &mut app.stack.last_mut().unwrap().screen {
        r.filter
            .add(crate::journal::query::Condition::Trigger(TriggerRef::Id(
                Name::try_from("anxiety").unwrap(),
            )));
    }
    press(&mut app, "R");
    let Screen::Report(report) = app.top() else {
        panic!("{:?}", app.top())
    };
    assert_eq!(
        report.entries, 4,
        "only the entries the filter lets through"
    );
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("trigger “Anxiety”"), "{text}");

    // Nothing of theirs by default.
    let out = press(&mut app, "Enter");
    let [
        Effect::WriteReport {
            dir,
            text,
            extension,
            ..
        },
    ] = effects(&out)[..]
    else {
        panic!("{out:?}")
    };
    assert_eq!(
        dir.as_deref(),
        Some(std::path::Path::new("/home/you/Documents"))
    );
    assert_eq!(extension, "html");
    assert!(!text.contains("private-"), "no words by default");
    assert!(text.contains("<svg"));

    // Answers chosen, Markdown: the answers, not the notes.
    press(
        &mut app,
        "Space Down Down Down Down Down Down Down Down Space",
    );
    let out = press(&mut app, "Enter");
    let [
        Effect::WriteReport {
            text, extension, ..
        },
    ] = effects(&out)[..]
    else {
        panic!("{out:?}")
    };
    assert_eq!(extension, "md");
    assert!(text.contains("private-answer-0") && !text.contains("private-note-"));
    assert!(!text.contains("private-answer-1"), "entry 1 has no anxiety");
    settle(&mut app, out);
    assert!(
        matches!(app.top(), Screen::Review(_)),
        "back where it was made"
    );
    assert!(
        matches!(&app.status, Some(Status::Info(t)) if t.contains("~/Documents/closer-report-2026-11-22.md")),
        "{:?}",
        app.status
    );
}

/// Issue 17: a check-in opens with the predictions that are due; an answer is saved into the
/// entry that made the prediction, and the next check-in that day does not ask again.
#[test]
fn a_due_prediction_is_asked_first_answered_saved_and_not_asked_again() {
    use crate::journal::{Badness, Likelihood, Prediction, PredictionResult};
    let mut entries = twelve_entries();
    let made = entries
        .iter_mut()
        .find(|e| e.date == chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap())
        .unwrap();
    made.predictions.push(Prediction {
        step: None,
        fear: "She will not call back".into(),
        likelihood: Likelihood::try_from(80).ok(),
        badness: Badness::try_from(4u8).ok(),
        look_back: chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
        outcome: None,
        extra: Default::default(),
    });
    let made_id = made.id.clone();
    let mut app = app_at_home();
    read_journal(&mut app, entries);
    press(&mut app, "c");
    assert!(matches!(app.top(), Screen::LookBack(_)), "{:?}", app.top());
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("She will not call back"), "{text}");
    // Enter before saying whether it happened: nothing is saved.
    let out = press(&mut app, "Enter");
    assert!(effects(&out).is_empty());
    press(&mut app, "Space Down Right Right Down");
    typed(&mut app, "she called on Sunday");
    let out = press(&mut app, "Enter");
    let [Effect::SaveEntry(saved)] = effects(&out)[..] else {
        panic!("{out:?}")
    };
    assert_eq!(saved.id, made_id);
    let outcome = saved.predictions[0].outcome.clone().unwrap();
    assert_eq!(outcome.result, PredictionResult::Yes);
    assert_eq!(outcome.badness, Badness::try_from(2u8).ok());
    assert_eq!(outcome.instead, "she called on Sunday");
    assert_eq!(outcome.on, app.session.today);
    settle(&mut app, out);
    assert!(
        matches!(app.top(), Screen::CheckIn(_)),
        "back to the check-in"
    );
    // Leave this check-in; the next one asks nothing.
    press(&mut app, "Esc");
    if question(&app).is_some() {
        press(&mut app, "y");
    }
    let mut app2 = app;
    while !is_home(&app2) {
        press(&mut app2, "Esc");
    }
    app2.session.pending_draft = None;
    press(&mut app2, "c");
    assert!(matches!(app2.top(), Screen::CheckIn(_)), "{:?}", app2.top());
}

/// Issue 17: in review, p on an entry with an open prediction drops it before its day.
#[test]
fn review_drops_an_open_prediction_early() {
    use crate::journal::PredictionResult;
    let mut entries = twelve_entries();
    let newest = entries.iter_mut().max_by_key(|e| e.created_at).unwrap();
    newest.predictions.push(prediction(
        "The weekend will go badly",
        chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
    ));
    let mut app = app_at_home();
    read_journal(&mut app, entries);
    app.update(Msg::Key(Action::OpenReview));
    press(&mut app, "Enter");
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("The weekend will go badly"), "{text}");
    press(&mut app, "p");
    assert!(matches!(app.top(), Screen::LookBack(_)), "{:?}", app.top());
    let out = press(&mut app, "Ctrl-x");
    let [Effect::SaveEntry(saved)] = effects(&out)[..] else {
        panic!("{out:?}")
    };
    assert_eq!(
        saved.predictions[0].outcome.as_ref().map(|o| o.result),
        Some(PredictionResult::Dropped)
    );
    settle(&mut app, out);
    assert!(matches!(app.top(), Screen::ReviewEntry(_)));
    press(&mut app, "p");
    assert!(matches!(&app.status, Some(Status::Info(t)) if t.contains("no open predictions")));
}

/// Editing an entry whose prediction was answered keeps the answer, whatever is retyped.
#[test]
fn editing_an_entry_keeps_what_came_of_its_prediction() {
    use crate::journal::{Prediction, PredictionResult};
    let mut entries = twelve_entries();
    let newest = entries.iter_mut().max_by_key(|e| e.created_at).unwrap();
    let next_day = newest.date + chrono::Days::new(1);
    newest.predictions.push(Prediction {
        outcome: Some(outcome(next_day, PredictionResult::No, "She came early")),
        ..prediction("She will not come", next_day)
    });
    let mut app = app_at_home();
    read_journal(&mut app, entries);
    app.update(Msg::Key(Action::OpenReview));
    press(&mut app, "Enter e");
    for _ in 0..7 {
        press(&mut app, "Tab");
    }
    assert_eq!(checkin(&app).step(), Step::Predictions);
    typed(&mut app, "!");
    let p = &checkin(&app).draft.predictions[0];
    assert_eq!(p.fear, "She will not come!");
    assert_eq!(
        p.outcome.as_ref().map(|o| o.instead.as_str()),
        Some("She came early"),
        "the answer stays"
    );
}

/// Issue 21: a journal without its search index is searched by scanning; read again with its
/// index (issue 38: the reading thread makes it as it reads), review searches with it, and
/// saves keep it in step, with the same results throughout.
#[test]
fn the_search_index_comes_later_and_changes_no_result() {
    let mut entries = twelve_entries();
    for (i, e) in entries.iter_mut().enumerate() {
        e.notes = ["Straße at night", "a quiet walk", "ΣΊΣΥΦΟΣ again", "Quiet"][i % 4].into();
    }
    let mut app = app_unread();
    read_journal(&mut app, entries);
    assert!(
        app.session.index_arc().is_empty(),
        "no index before it is built"
    );
    press(&mut app, "r /");
    let results = |app: &mut App, text: &str| {
        if let Screen::Review(r) = app.top_mut() {
            r.filter.text.clear();
        }
        app.update(Msg::Paste(text.into()));
        on_top!(app.top(), Screen::Review).results.clone()
    };
    let queries = ["q", "quiet", "strasse", "σίσυφος", "z", "t a"];
    let scanned: Vec<Vec<usize>> = queries.iter().map(|q| results(&mut app, q)).collect();
    assert_eq!(scanned[0].len(), 6);
    assert_eq!(scanned[2].len(), 3);
    assert_eq!(scanned[3].len(), 3);

    // The journal read again with its index (as the reading thread makes it).
    let mut saved = app.session.entries()[0].clone();
    saved.notes = "zebra".into();
    app.session.upsert(saved);
    assert!(app.session.index_arc().is_empty(), "none yet");
    let now = app.session.entries().to_vec();
    let index = crate::journal::query::signature::index(&now);
    let today = app.session.today;
    app.loaded(Summary::indexed(Arc::new(now), index, today, 0));
    assert_eq!(app.session.index_arc().len(), 12);
    let indexed: Vec<Vec<usize>> = queries.iter().map(|q| results(&mut app, q)).collect();
    assert_eq!(indexed[4].len(), 1, "the saved word is found");
    assert_eq!(indexed[2].len(), 2, "and the word it replaced is not");
    for (q, got) in queries.iter().zip(&indexed) {
        let filter = crate::journal::query::Filter {
            text: (*q).into(),
            conditions: Vec::new(),
        };
        let scan =
            crate::journal::query::apply(app.session.entries(), &filter, app.session.today, None);
        assert_eq!(*got, scan, "{q}");
    }

    // A save after it keeps it in step: the new word is found through the index.
    let mut again = app.session.entries()[5].clone();
    again.notes = "xylophone".into();
    app.session.upsert(again);
    assert_eq!(app.session.index_arc().len(), 12);
    app.update(Msg::JournalChanged);
    assert_eq!(results(&mut app, "xylophone").len(), 1);
}

/// Issue 21, item 1: a save, edit or delete while review or insights is open changes the
/// journal in place: the screens let go of the entries first, so the change does not copy the
/// whole journal (the session's list stays the same allocation), and they take it back after,
/// review on the entry it had selected, with its search index in step.
#[test]
fn a_change_under_an_open_review_or_insights_does_not_copy_the_journal() {
    let mut app = app_unread();
    let entries = twelve_entries();
    let index = crate::journal::query::signature::index(&entries);
    let today = app.session.today;
    app.loaded(Summary::indexed(Arc::new(entries), index, today, 0));
    let same_list = |app: &App| Arc::as_ptr(&app.session.entries_arc());
    let before = same_list(&app);

    press(&mut app, "r j j");
    let review_id = app.stack.last().unwrap().id;
    let selected = |app: &App| {
        let r = on_top!(app.top(), Screen::Review);
        r.selected().map(|e| (e.id.clone(), e.notes.clone()))
    };
    let (id, _) = selected(&app).unwrap();
    let mut edited = app
        .session
        .entries()
        .iter()
        .find(|e| e.id == id)
        .unwrap()
        .clone();
    edited.notes = "edited in place".into();
    app.done(review_id, Done::EntrySaved(Box::new(edited)));
    assert_eq!(same_list(&app), before, "the journal was copied");
    assert_eq!(selected(&app), Some((id.clone(), "edited in place".into())));
    assert_eq!(app.session.index_arc().len(), 12, "the index is in step");
    let gone = app.session.entries()[0].clone();
    app.done(
        review_id,
        Done::Deleted(
            std::path::PathBuf::from("trash"),
            gone.id.clone(),
            gone.date,
        ),
    );
    assert_eq!(same_list(&app), before, "the journal was copied");
    assert_eq!(app.session.entries().len(), 11);
    assert_eq!(selected(&app).map(|s| s.0), Some(id));

    press(&mut app, "Esc i");
    let insights_id = app.stack.last().unwrap().id;
    assert!(matches!(app.top(), Screen::Insights(_)));
    let mut new = gone.clone();
    new.id = crate::journal::EntryId::generate(new.created_at, 99);
    app.done(insights_id, Done::CheckInSaved(Box::new(new)));
    assert_eq!(same_list(&app), before, "the journal was copied");
    assert_eq!(app.session.entries().len(), 12);
}
