//! Writing: answers, `$EDITOR`, strategies, notes and tags, newlines and undo.

use super::*;
use crate::journal::test_support::strategy;

#[test]
fn without_triggers_reflect_asks_the_prompt_of_the_day() {
    let (f, s) = Fixture::at(Step::Reflect);
    let expected = f
        .session
        .catalog
        .prompt_of_the_day(today(), Some(Perspective::IPullAway), &[])
        .unwrap();
    assert_eq!(s.draft.responses.len(), 1);
    assert_eq!(&*s.draft.responses[0].prompt, expected.text.as_str());
}

#[test]
fn a_large_paste_lands_whole_in_the_answer() {
    let (f, mut s) = Fixture::at(Step::Reflect);
    let big: String = "line of pasted text ✓\r\n".repeat(50_000);
    f.send(&mut s, Msg::Paste(big.clone()));
    s.flush();
    let expected = big.replace("\r\n", "\n");
    assert_eq!(s.draft.responses[0].answer, expected);
    assert!(s.draft.responses[0].answer.len() > 1_000_000);
}

#[test]
fn the_editor_round_trip_replaces_the_answer() {
    let (f, mut s) = Fixture::at(Step::Reflect);
    f.typed(&mut s, "draft");
    let out = f.act(&mut s, Action::Editor);
    assert_eq!(out, Outcome::Editor(EditTarget::Answer(0), "draft".into()));
    let out = f.send(
        &mut s,
        Msg::Done(Done::Edited(
            EditTarget::Answer(0),
            "written in vim\n".into(),
        )),
    );
    assert_eq!(out, Outcome::SaveDraft);
    assert_eq!(s.draft.responses[0].answer, "written in vim");
}

#[test]
fn strategies_suggest_for_triggers_and_follow_up_earlier_plans() {
    let mut f = Fixture::new();
    let earlier = now() - chrono::Duration::days(2);
    let mut e = Entry::new(EntryId::generate(earlier, 1), earlier);
    e.strategies
        .push(strategy("active-listening", true, None, None));
    f.session.journal = Some(crate::journal::Journal::of(Arc::new(vec![e]), today()));
    f.session.prefs.favourites = vec!["self-compassion".into()];
    let mut s = f.state();
    f.pick_trigger(&mut s, "anxiety");
    f.to(&mut s, Step::Strategies);
    assert_eq!(s.follow_ups().len(), 1);
    assert!(!s.suggestions.is_empty() && s.suggestions.len() <= MAX_SUGGESTIONS);
    assert!(
        !s.suggestions.contains(&"active-listening".to_owned()),
        "not suggested twice"
    );
    for id in &s.suggestions {
        let st = f.session.catalog.strategy(id).unwrap();
        assert!(st.triggers.iter().any(|t| t == "anxiety"), "{id}");
    }
    let fits_anxiety = f
        .session
        .catalog
        .strategy("self-compassion")
        .unwrap()
        .triggers
        .iter()
        .any(|t| t == "anxiety");
    if fits_anxiety {
        assert_eq!(s.suggestions[0], "self-compassion", "favourites first");
    }

    // The follow-up row: tried, helpfulness 4.
    f.act(&mut s, Action::Choose(4));
    let used = s.used("active-listening");
    assert_eq!(
        (used.tried, used.helpfulness.map(Helpfulness::get)),
        (Some(true), Some(4))
    );
    f.act(&mut s, Action::No);
    let used = s.used("active-listening");
    assert_eq!((used.tried, used.helpfulness), (Some(false), None));

    // A suggestion: plan it, then unplan it.
    f.act(&mut s, Action::Down);
    f.act(&mut s, Action::Toggle);
    assert!(
        s.draft
            .strategies
            .iter()
            .any(|u| u.planned && u.id.as_str() == s.suggestions[0])
    );
    f.act(&mut s, Action::Toggle);
    assert!(!s.draft.strategies.iter().any(|u| u.planned));
}

#[test]
fn any_command_first_copies_what_was_typed_into_the_draft() {
    let (f, mut s) = Fixture::at(Step::Notes);
    for c in "typed, then Tab".chars() {
        f.key(&mut s, TextKey::Char(c));
    }
    f.act(&mut s, Action::Next);
    assert_eq!(s.draft.notes, "typed, then Tab");
    assert!(s.dirty, "the change is still to be kept as a draft");
}

#[test]
fn a_paste_of_several_lines_goes_in_at_the_cursor() {
    let mut area = text_area("before after\nlast", "placeholder");
    area.move_cursor(CursorMove::Top);
    area.move_cursor(CursorMove::Head);
    for _ in 0.."before ".chars().count() {
        area.move_cursor(CursorMove::Forward);
    }
    paste_into(&mut area, "one\ntwo\nthree ");
    assert_eq!(area_text(&area), "before one\ntwo\nthree after\nlast");
    assert_eq!(area.cursor(), DataCursor(2, 6));
    assert_eq!(area.placeholder_text(), "placeholder");
    paste_into(&mut area, "x");
    assert_eq!(area_text(&area), "before one\ntwo\nthree xafter\nlast");
}

#[test]
fn notes_and_tags() {
    let (f, mut s) = Fixture::at(Step::Notes);
    f.typed(&mut s, "Long day.\nBetter evening.");
    assert_eq!(
        f.act(&mut s, Action::Next),
        Outcome::Stay,
        "Tab moves to tags first"
    );
    f.typed(&mut s, "work, #weekend, work,  ");
    assert_eq!(s.draft.notes, "Long day.\nBetter evening.");
    assert_eq!(s.draft.tags, ["work", "weekend"]);
    assert_eq!(f.act(&mut s, Action::Next), Outcome::SaveDraft);
    assert_eq!(s.step(), Step::Summary);
    f.act(&mut s, Action::Prev);
    assert_eq!(
        (s.step(), s.focus()),
        (Step::Notes, 1),
        "back lands on the tags"
    );
}

#[test]
fn a_restored_draft_comes_back_where_it_was() {
    let (f, mut s) = Fixture::at(Step::Reflect);
    f.typed(&mut s, "kept across a crash");
    let saved = serde_json::to_string(&s.draft).unwrap();
    let draft: CheckInDraft = serde_json::from_str(&saved).unwrap();
    let restored = State::new(draft, &f.session);
    assert_eq!(restored.step(), Step::Reflect);
    assert_eq!(restored.draft.responses[0].answer, "kept across a crash");
    assert_eq!(area_text(&restored.answers()[0]), "kept across a crash");
    assert_eq!(restored.draft, s.draft);
}

#[test]
fn tags_are_parsed_kindly() {
    assert_eq!(parse_tags(" a, #b,,a , c d "), ["a", "b", "c d"]);
    assert!(parse_tags(" , ,").is_empty());
}

/// Case r13: every way a newline arrives makes a new line; Ctrl-J does not delete to the start
/// of the line (a paste with LF line ends would keep only its last line).
#[test]
fn every_newline_key_makes_a_new_line_and_nothing_erases_a_line_silently() {
    let f = Fixture::new();
    for step in [Step::Reflect, Step::Notes] {
        let mut s = f.state();
        f.to(&mut s, step);
        let key = |code: TextKey, ctrl: bool| Input {
            key: code,
            ctrl,
            ..Input::default()
        };
        for (i, newline) in [
            key(TextKey::Enter, false),
            key(TextKey::Char('j'), true),
            key(TextKey::Char('m'), true),
            key(TextKey::Char('\n'), false),
            key(TextKey::Char('\r'), false),
        ]
        .into_iter()
        .enumerate()
        {
            f.typed(&mut s, &format!("line {i}"));
            f.send(&mut s, Msg::Input(newline));
        }
        f.typed(&mut s, "last");
        let text = match step {
            Step::Reflect => s.draft.responses[0].answer.clone(),
            _ => s.draft.notes.clone(),
        };
        assert_eq!(
            text, "line 0\nline 1\nline 2\nline 3\nline 4\nlast",
            "{step:?}"
        );
        // Keys that destroy text in the text area's default map (Ctrl-U, R, X, V) do nothing.
        for c in ['u', 'r', 'x', 'v'] {
            f.send(&mut s, Msg::Input(key(TextKey::Char(c), true)));
        }
        s.flush();
        let after = match step {
            Step::Reflect => s.draft.responses[0].answer.clone(),
            _ => s.draft.notes.clone(),
        };
        assert_eq!(after, text, "{step:?}");
    }
}

#[test]
fn deleting_more_than_a_word_is_undone_with_ctrl_u_and_redone_with_ctrl_r() {
    let (f, mut s) = Fixture::at(Step::Reflect);
    f.typed(&mut s, "keep this sentence");
    for _ in 0.."this sentence".len() {
        f.key(&mut s, TextKey::Left);
    }
    f.act(&mut s, Action::DeleteToLineEnd);
    s.flush();
    assert_eq!(s.draft.responses[0].answer, "keep ");
    f.act(&mut s, Action::Undo);
    s.flush();
    assert_eq!(s.draft.responses[0].answer, "keep this sentence");
    f.act(&mut s, Action::Redo);
    s.flush();
    assert_eq!(s.draft.responses[0].answer, "keep ");
    f.act(&mut s, Action::Undo);
    f.act(&mut s, Action::DeleteWord);
    s.flush();
    assert_eq!(
        s.draft.responses[0].answer, "keep this ",
        "undo puts the cursor back at the end"
    );
}

/// Issue 20, item 4: "I tried this today and it helped" can be said of a strategy suggested
/// today, not only of one planned before.
#[test]
fn a_suggested_strategy_can_be_marked_tried_and_rated() {
    let (f, mut s) = Fixture::at(Step::Strategies);
    assert!(s.follow_ups().is_empty() && !s.suggestions.is_empty());
    f.act(&mut s, Action::Choose(4));
    let id = s.suggestions[0].clone();
    let used = s.used(&id);
    assert_eq!(
        (used.tried, used.helpfulness.map(Helpfulness::get)),
        (Some(true), Some(4))
    );
    f.act(&mut s, Action::Clear);
    assert!(s.draft.strategies.iter().all(|u| u.id.as_str() != id));
}
