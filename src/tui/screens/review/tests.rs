//! Review's update logic: messages in, state out.

use crate::journal::entry::thin_vec;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};
use ratatui_textarea::{Input, Key as TextKey};

use super::*;
use crate::journal::{EntryId, Mood, Name, Response, TriggerLog, TriggerRef};
use crate::tui::test_support::Bench;

fn today() -> NaiveDate {
    "2026-11-22".parse().unwrap()
}

fn entry(day: &str, hour: u32, n: u32, answer: &str) -> Entry {
    let at: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339(&format!("{day}T{hour:02}:00:00+01:00")).unwrap();
    let mut e = Entry::new(EntryId::generate(at, n), at);
    e.responses.push(Response {
        prompt_id: None,
        prompt: "What happened?".into(),
        answer: answer.into(),
        extra: Default::default(),
    });
    e
}

fn journal() -> Arc<Vec<Entry>> {
    let mut a = entry("2026-11-01", 9, 1, "We argued about the dishes.");
    a.mood = Some(Mood::try_from(1u8).unwrap());
    a.tags = thin_vec!["home".into()];
    let mut b = entry("2026-11-15", 20, 2, "A quiet, kind evening.");
    b.mood = Some(Mood::try_from(4u8).unwrap());
    b.triggers.push(TriggerLog {
        trigger: TriggerRef::Id(Name::try_from("anxiety").unwrap()),
        intensity: None,
        note: String::new(),
        extra: Default::default(),
    });
    let c = entry("2026-11-21", 8, 3, "Quiet again; I went for a walk.");
    Arc::new(vec![a, b, c])
}

/// What an update asked for, in short, for asserts.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    Stay,
    Back,
    Notice(String),
    Edit(Box<Entry>),
    Ask(Question),
    Delete(Box<Entry>),
    Restore(PathBuf),
    LoadTrash,
    EmptyTrash(Vec<PathBuf>),
    Other(String),
}

fn outcome(cmd: Cmd) -> Outcome {
    match cmd {
        Cmd::None => Outcome::Stay,
        Cmd::Pop => Outcome::Back,
        Cmd::Status(crate::tui::session::Status::Info(t)) => Outcome::Notice(t),
        Cmd::Open(Open::Ask(question, ..)) => Outcome::Ask(question),
        Cmd::Effect(Effect::DeleteEntry(e)) => Outcome::Delete(e),
        Cmd::Effect(Effect::RestoreEntry(p)) => Outcome::Restore(p),
        Cmd::Effect(Effect::LoadTrash) => Outcome::LoadTrash,
        Cmd::Effect(Effect::PurgeTrash(p)) => Outcome::EmptyTrash(p),
        Cmd::Open(Open::CheckIn(draft)) => Outcome::Edit(Box::new(draft.finish(draft.started_at))),
        other => Outcome::Other(format!("{other:?}")),
    }
}

struct Fixture {
    entries: Arc<Vec<Entry>>,
    /// As if the last frame showed six rows: a page is five.
    bench: Bench,
}

impl std::ops::Deref for Fixture {
    type Target = Bench;

    fn deref(&self) -> &Bench {
        &self.bench
    }
}

impl Fixture {
    fn new() -> Fixture {
        Fixture::of(journal())
    }

    /// A fixture, and review opened on its journal.
    fn opened() -> (Fixture, State) {
        let f = Fixture::new();
        let s = State::new(&f.session);
        (f, s)
    }

    /// Opens the filters and chooses the kind `kind`.
    fn filter_by(&self, s: &mut State, kind: FilterKind) {
        self.act(s, Action::OpenFilter);
        s.kind_cursor = FilterKind::ALL.iter().position(|k| *k == kind).unwrap();
        self.act(s, Action::Confirm);
    }

    fn of(entries: Arc<Vec<Entry>>) -> Fixture {
        let mut session = crate::tui::test_support::session(crate::journal::Preferences::default());
        session.journal = Some(crate::journal::Journal::of(Arc::clone(&entries), today()));
        Fixture {
            entries,
            bench: Bench::new(session, 6),
        }
    }

    /// Presses the first key bound to `a` in review's keys, through the app's translation.
    fn act(&self, s: &mut State, a: Action) -> Outcome {
        outcome(self.press(keys(s), a, |msg, cx| update(s, msg, cx)))
    }

    /// The answer to a dialog review opened.
    fn answer(&self, s: &mut State, q: Question, a: Action) -> Outcome {
        outcome(update(s, Msg::Answer(q, a), &self.ctx()))
    }

    fn typed(&self, s: &mut State, text: &str) {
        for c in text.chars() {
            let key = if c == '\u{8}' {
                TextKey::Backspace
            } else {
                TextKey::Char(c)
            };
            update(
                s,
                Msg::Input(Input {
                    key,
                    ..Input::default()
                }),
                &self.ctx(),
            );
        }
    }
}

fn answers(s: &State) -> Vec<String> {
    s.results
        .iter()
        .map(|&i| s.entries()[i].responses[0].answer.clone())
        .collect()
}

#[test]
fn the_timeline_is_newest_first_and_the_cursor_stays_inside() {
    let (f, mut s) = Fixture::opened();
    assert_eq!(answers(&s)[0], "Quiet again; I went for a walk.");
    f.act(&mut s, Action::Up);
    assert_eq!(s.cursor, 0);
    f.act(&mut s, Action::Bottom);
    assert_eq!(s.cursor, 2);
    f.act(&mut s, Action::PageDown);
    assert_eq!(s.cursor, 2);
    f.act(&mut s, Action::Top);
    assert_eq!(s.cursor, 0);
}

#[test]
fn search_narrows_as_you_type_and_esc_clears_it() {
    let (f, mut s) = Fixture::opened();
    f.act(&mut s, Action::StartSearch);
    assert_eq!(s.mode, Mode::Search);
    f.typed(&mut s, "qui");
    assert_eq!(s.results.len(), 2);
    f.typed(&mut s, "et walk");
    assert_eq!(answers(&s), ["Quiet again; I went for a walk."]);
    f.typed(&mut s, "\u{8}\u{8}\u{8}\u{8}\u{8}");
    assert_eq!(s.filter.text, "quiet");
    assert_eq!(s.results.len(), 2, "backspace widens again");
    f.act(&mut s, Action::Confirm);
    assert_eq!((s.mode, s.filter.text.as_str()), (Mode::Timeline, "quiet"));
    f.act(&mut s, Action::StartSearch);
    f.act(&mut s, Action::Back);
    assert_eq!((s.mode, s.results.len()), (Mode::Timeline, 3));
}

#[test]
fn filters_are_chosen_combined_and_cleared() {
    let (f, mut s) = Fixture::opened();
    f.act(&mut s, Action::OpenFilter);
    assert_eq!(s.mode, Mode::Filters);
    // Mood is the second kind.
    f.act(&mut s, Action::Down);
    f.act(&mut s, Action::Confirm);
    assert_eq!(
        s.mode,
        Mode::FilterPick(FilterKind::Scale(crate::journal::Scale::Mood))
    );
    // "4–5" row.
    let row = s.pick.rows.iter().position(|r| r.key == "4-5").unwrap();
    s.pick.cursor = row;
    f.act(&mut s, Action::Confirm);
    assert_eq!(s.mode, Mode::Timeline);
    assert_eq!(answers(&s), ["A quiet, kind evening."]);

    // Dates typed by hand: the "use what you typed" row.
    f.filter_by(&mut s, FilterKind::Dates);
    f.typed(&mut s, "2026-11-01..2026-11-10");
    f.act(&mut s, Action::Confirm);
    assert!(s.results.is_empty(), "mood 4–5 and early November: nothing");
    assert_eq!(s.filter.conditions.len(), 2);

    f.act(&mut s, Action::Clear);
    assert_eq!(s.filter.conditions.len(), 1);
    assert_eq!(answers(&s), ["A quiet, kind evening."]);
    f.act(&mut s, Action::ClearAll);
    assert_eq!(s.results.len(), 3);
}

#[test]
fn a_date_that_is_not_one_says_how_to_write_it() {
    let (f, mut s) = Fixture::opened();
    f.filter_by(&mut s, FilterKind::Dates);
    f.typed(&mut s, "last tuesday");
    let out = f.act(&mut s, Action::Confirm);
    assert!(matches!(out, Outcome::Notice(t) if t.contains("2026-11-20")));
    assert!(s.filter.conditions.is_empty());
}

#[test]
fn trigger_and_tag_filters() {
    let (f, mut s) = Fixture::opened();
    f.act(&mut s, Action::OpenFilter);
    f.act(&mut s, Action::Confirm); // Trigger
    f.typed(&mut s, "anxiety");
    f.act(&mut s, Action::Confirm);
    assert_eq!(answers(&s), ["A quiet, kind evening."]);
    f.act(&mut s, Action::ClearAll);
    f.filter_by(&mut s, FilterKind::Tag);
    assert_eq!(s.pick.rows.len(), 1);
    f.act(&mut s, Action::Confirm);
    assert_eq!(answers(&s), ["We argued about the dishes."]);
}

#[test]
fn jump_goes_to_the_newest_entry_on_or_before_a_date() {
    let (f, mut s) = Fixture::opened();
    f.act(&mut s, Action::GoTo);
    f.typed(&mut s, "2026-11-16");
    // Issue 20, item 5: a day without entries says where it went.
    assert!(matches!(
        f.act(&mut s, Action::Confirm),
        Outcome::Notice(t) if t.contains("No entry on 16 November 2026") && t.contains("15 November")
    ));
    assert_eq!(
        s.selected().unwrap().responses[0].answer,
        "A quiet, kind evening."
    );
    f.act(&mut s, Action::GoTo);
    f.typed(&mut s, "2026-11-15");
    assert_eq!(
        f.act(&mut s, Action::Confirm),
        Outcome::Stay,
        "a day with one says nothing"
    );
    f.act(&mut s, Action::GoTo);
    f.typed(&mut s, "2020-01-01");
    assert!(matches!(
        f.act(&mut s, Action::Confirm),
        Outcome::Notice(t) if t.contains("The journal starts on 1 November 2026")
    ));
    f.act(&mut s, Action::GoTo);
    f.typed(&mut s, "soon");
    assert!(matches!(
        f.act(&mut s, Action::Confirm),
        Outcome::Notice(t) if t.starts_with("Could not read 'soon' as a date") && t.contains("last monday")
    ));
}

/// Issue 36: the date to go to is read as people say it, against today.
#[test]
fn jump_takes_dates_as_people_say_them() {
    let (f, mut s) = Fixture::opened();
    let today = f.session.today;
    let newest = |s: &State| s.selected().unwrap().date;
    // Where a jump to `day` lands: the newest entry on or before it.
    let landing = |s: &State, day: chrono::NaiveDate| {
        s.entries()
            .iter()
            .map(|e| e.date)
            .filter(|d| *d <= day)
            .max()
            .unwrap()
    };
    let oldest = s.entries().iter().map(|e| e.date).min().unwrap();
    for (text, want) in [
        ("2026-11-15", "2026-11-15".parse().unwrap()),
        ("today", today),
        ("2026-11", "2026-11-30".parse().unwrap()),
        ("yesterday", today.pred_opt().unwrap()),
        ("3 days ago", today - chrono::Days::new(3)),
    ] {
        if want < oldest {
            continue;
        }
        f.act(&mut s, Action::GoTo);
        f.typed(&mut s, text);
        f.act(&mut s, Action::Confirm);
        assert_eq!(newest(&s), landing(&s, want), "{text}");
    }
    // A month with entries in it says nothing of the days without.
    f.act(&mut s, Action::GoTo);
    f.typed(&mut s, "2026-11");
    assert_eq!(f.act(&mut s, Action::Confirm), Outcome::Stay);
}

#[test]
fn detail_edit_and_delete_with_confirmation() {
    let (f, mut s) = Fixture::opened();
    // Enter opens the entry, a screen of its own, on the list as it is.
    let Cmd::Open(Open::ReviewEntry(filter, results, at)) =
        update(&mut s, Msg::Key(Action::Confirm), &f.ctx())
    else {
        panic!("Enter opens the entry")
    };
    assert_eq!(at, 0);
    let mut d = entry::State::new(&f.session, *filter, results, at);
    let act = |d: &mut entry::State, a: Action| {
        outcome(f.press(entry::keys(d), a, |msg, cx| entry::update(d, msg, cx)))
    };
    act(&mut d, Action::Right);
    assert_eq!(d.list.cursor, 1, "→ goes to the older entry");
    let out = act(&mut d, Action::Edit);
    assert!(matches!(out, Outcome::Edit(e) if e.responses[0].answer == "A quiet, kind evening."));
    assert_eq!(
        act(&mut d, Action::Delete),
        Outcome::Ask(Question::DeleteEntry)
    );
    // The answer closes the entry: the list selects it, then hears the answer.
    let shown = d.list.selected().unwrap().id.clone();
    let back = entry::update(
        &mut d,
        Msg::Answer(Question::DeleteEntry, Action::No),
        &f.ctx(),
    );
    let Cmd::Many(cmds) = back else {
        panic!("{back:?}")
    };
    assert!(
        matches!(&cmds[..], [Cmd::Return(Return::Entry(id)), Cmd::Answer(Question::DeleteEntry, Action::No)] if *id == shown)
    );
    update(&mut s, Msg::Returned(Return::Entry(shown)), &f.ctx());
    assert_eq!(s.cursor, 1);
    assert_eq!(
        f.answer(&mut s, Question::DeleteEntry, Action::No),
        Outcome::Stay
    );
    let out = f.answer(&mut s, Question::DeleteEntry, Action::Yes);
    assert!(matches!(out, Outcome::Delete(e) if e.responses[0].answer == "A quiet, kind evening."));
}

#[test]
fn undo_brings_back_the_last_delete_once() {
    let (f, mut s) = Fixture::opened();
    assert!(matches!(f.act(&mut s, Action::Undo), Outcome::Notice(_)));
    s.last_deleted = Some("/trash/x.json".into());
    assert_eq!(
        f.act(&mut s, Action::Undo),
        Outcome::Restore("/trash/x.json".into())
    );
    assert!(matches!(f.act(&mut s, Action::Undo), Outcome::Notice(_)));
}

#[test]
fn a_reloaded_journal_keeps_the_selection() {
    let (f, mut s) = Fixture::opened();
    f.act(&mut s, Action::Down);
    let id = s.selected().unwrap().id.clone();
    let mut more = (*f.entries).clone();
    more.push(entry("2026-11-22", 7, 9, "Newest"));
    s.reload(&Fixture::of(Arc::new(more)).session);
    assert_eq!(s.results.len(), 4);
    assert_eq!(s.selected().unwrap().id, id);
}

#[test]
fn the_trash_restores_and_empties_after_two_yeses() {
    let (f, mut s) = Fixture::opened();
    // The trash is a screen of its own, which reads the trash as it opens.
    assert!(matches!(
        update(&mut s, Msg::Key(Action::OpenTrash), &f.ctx()),
        Cmd::Open(Open::Trash)
    ));
    let mut t = trash::State::default();
    assert_eq!(
        outcome(trash::update(&mut t, Msg::Opened, &f.ctx())),
        Outcome::LoadTrash
    );
    t.trash = vec![crate::tui::effect::TrashItem {
        path: "/trash/a.json".into(),
        deleted_at: DateTime::parse_from_rfc3339("2026-11-22T10:00:00+01:00").unwrap(),
        entry: f.entries[0].clone(),
    }];
    let act = |t: &mut trash::State, a: Action| {
        outcome(f.press(trash::keys(t), a, |msg, cx| trash::update(t, msg, cx)))
    };
    let answer = |t: &mut trash::State, q: Question, a: Action| {
        outcome(trash::update(t, Msg::Answer(q, a), &f.ctx()))
    };
    assert_eq!(
        act(&mut t, Action::Restore),
        Outcome::Restore("/trash/a.json".into())
    );
    assert_eq!(
        act(&mut t, Action::EmptyTrash),
        Outcome::Ask(Question::EmptyTrash)
    );
    assert_eq!(
        answer(&mut t, Question::EmptyTrash, Action::Yes),
        Outcome::Ask(Question::ReallyEmptyTrash)
    );
    assert_eq!(
        answer(&mut t, Question::ReallyEmptyTrash, Action::Yes),
        Outcome::EmptyTrash(vec!["/trash/a.json".into()])
    );
    assert_eq!(
        answer(&mut t, Question::EmptyTrash, Action::No),
        Outcome::Stay
    );
    // Esc leaves the trash for the list, and the list for where review was opened from.
    assert_eq!(act(&mut t, Action::Back), Outcome::Back);
    assert_eq!(s.mode, Mode::Timeline);
    assert_eq!(f.act(&mut s, Action::Back), Outcome::Back);
}

/// Emptying the trash is told to the list as the trash closes: nothing deleted before can be
/// brought back with u.
#[test]
fn an_emptied_trash_leaves_nothing_to_undo() {
    let (f, mut s) = Fixture::opened();
    s.last_deleted = Some("/trash/x.json".into());
    let mut t = trash::State::default();
    trash::update(&mut t, Msg::Done(Done::TrashEmptied(1)), &f.ctx());
    let back = trash::update(&mut t, Msg::Key(Action::Back), &f.ctx());
    let Cmd::Return(told) = back else {
        panic!("{back:?}")
    };
    update(&mut s, Msg::Returned(told), &f.ctx());
    assert!(matches!(f.act(&mut s, Action::Undo), Outcome::Notice(_)));
}

/// Issue 20, item 3: in a filter picker, Space uses the row under the cursor (rather than type
/// a space and jump to the top, so that Enter would apply another row); End and Home move.
#[test]
fn space_in_a_filter_picker_uses_the_row_under_the_cursor() {
    let (f, mut s) = Fixture::opened();
    f.act(&mut s, Action::OpenFilter);
    f.act(&mut s, Action::Down);
    f.act(&mut s, Action::Confirm); // Mood
    assert_eq!(
        s.mode,
        Mode::FilterPick(FilterKind::Scale(crate::journal::Scale::Mood))
    );
    f.act(&mut s, Action::Down);
    f.act(&mut s, Action::Down);
    f.act(&mut s, Action::Toggle);
    assert_eq!(s.mode, Mode::Timeline);
    assert_eq!(
        s.filter.conditions,
        vec![crate::journal::query::Condition::Scale(
            crate::journal::Scale::Mood,
            3,
            3
        )]
    );
    f.act(&mut s, Action::OpenFilter);
    f.act(&mut s, Action::Bottom);
    assert_eq!(s.kind_cursor, FilterKind::ALL.len() - 1);
    f.act(&mut s, Action::Top);
    f.act(&mut s, Action::Confirm); // Trigger
    f.act(&mut s, Action::Bottom);
    let last = s.pick.visible().len() - 1;
    assert_eq!(s.pick.cursor, last);
}
