//! The check-in's update logic: messages in, state out.

use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};
use ratatui_textarea::{CursorMove, DataCursor, Input, Key as TextKey};

use super::text::{paste_into, text_area};
use super::*;
use crate::content::offer::{MAX_PROMPTS, MAX_SUGGESTIONS};
use crate::journal::Helpfulness;
use crate::journal::{
    Closeness, Entry, EntryId, Intensity, Mood, Perspective, Preferences, StrategyUse,
};
use crate::tui::effect::EditTarget;
use crate::tui::keys;
use crate::tui::screen::Typing;

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-22T09:30:00+01:00").unwrap()
}

fn today() -> NaiveDate {
    now().date_naive()
}

/// What an update asked for, in short, for asserts.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    Stay,
    SaveDraft,
    Finish,
    Notice(String),
    Editor(EditTarget, String),
    Other(String),
}

fn outcome(cmd: Cmd) -> Outcome {
    match cmd {
        Cmd::None => Outcome::Stay,
        Cmd::Effect(Effect::SaveDraft(_)) => Outcome::SaveDraft,
        Cmd::Effect(Effect::SaveCheckIn(_)) => Outcome::Finish,
        Cmd::Effect(Effect::OpenEditor(_, t, text, _)) => Outcome::Editor(t, text),
        Cmd::Status(crate::tui::session::Status::Info(t)) => Outcome::Notice(t),
        other => Outcome::Other(format!("{other:?}")),
    }
}

struct Fixture {
    session: Session,
    /// As if the last frame showed eleven rows: a page is ten.
    layout: LastLayout,
}

impl Fixture {
    fn new() -> Fixture {
        let mut session = crate::tui::test_support::session(Preferences {
            perspective: Some(Perspective::IPullAway.into()),
            ..Preferences::default()
        });
        session.journal = Some(crate::journal::Journal::default());
        Fixture {
            session,
            layout: LastLayout {
                height: 11,
                width: 60,
                ..LastLayout::default()
            },
        }
    }

    fn ctx(&self) -> Ctx<'_> {
        Ctx {
            session: &self.session,
            layout: &self.layout,
        }
    }

    fn state(&self) -> State {
        State::new(
            CheckInDraft::new(now(), Some(Perspective::IPullAway)),
            &self.session,
        )
    }

    /// Presses the first key bound to `a` in the step's table, through the translation the
    /// app uses.
    fn act(&self, s: &mut State, a: Action) -> Outcome {
        let table = keys::compose(super::keys(s), true);
        let binding = table
            .iter()
            .find(|b| b.action == a)
            .unwrap_or_else(|| panic!("no key for {a:?} on {:?}", s.step()));
        let translated = keys::translate(&table, &binding.keys[0].event());
        assert_eq!(translated, Some(a));
        outcome(update(s, Msg::Key(a), &self.ctx()))
    }

    fn send(&self, s: &mut State, msg: Msg) -> Outcome {
        outcome(update(s, msg, &self.ctx()))
    }

    fn typed(&self, s: &mut State, text: &str) {
        for c in text.chars() {
            let key = match c {
                '\n' => TextKey::Enter,
                '\u{8}' => TextKey::Backspace,
                c => TextKey::Char(c),
            };
            self.send(
                s,
                Msg::Input(Input {
                    key,
                    ..Input::default()
                }),
            );
        }
        // The app flushes at the first pause after a burst of keys.
        s.flush();
    }

    fn to(&self, s: &mut State, step: Step) {
        while s.step() < step {
            self.act(s, Action::Next);
        }
        while s.step() > step {
            self.act(s, Action::Prev);
        }
        assert_eq!(s.step(), step);
    }
}

#[test]
fn every_step_can_be_skipped_to_the_summary_and_back() {
    let f = Fixture::new();
    let mut s = f.state();
    for expected in Step::ALL.iter().skip(1) {
        // Reflect has one question per prompt; Tab walks them, then the step.
        while s.step() == Step::Reflect && s.prompt_index + 1 < s.answers.len() {
            assert_eq!(f.act(&mut s, Action::Next), Outcome::SaveDraft);
        }
        if s.step() == Step::Notes {
            f.act(&mut s, Action::Next); // notes → tags
        }
        assert_eq!(f.act(&mut s, Action::Next), Outcome::SaveDraft);
        assert_eq!(s.step(), *expected);
    }
    assert!(
        matches!(f.act(&mut s, Action::Save), Outcome::Notice(_)),
        "Enter on the summary saves, but there is nothing to save"
    );
    f.to(&mut s, Step::Scales);
    assert_eq!(
        f.act(&mut s, Action::Prev),
        Outcome::Stay,
        "nothing before the first step"
    );
    assert!(s.draft.is_empty(), "skipping everything enters nothing");
}

#[test]
fn scales_take_digits_arrows_and_clear() {
    let f = Fixture::new();
    let mut s = f.state();
    f.act(&mut s, Action::Choose(2));
    assert_eq!(s.draft.mood.map(Mood::get), Some(2));
    assert_eq!(s.focus, 1, "a digit on mood moves on to closeness");
    f.act(&mut s, Action::Right);
    assert_eq!(s.draft.closeness.map(Closeness::get), Some(3));
    f.act(&mut s, Action::Right);
    f.act(&mut s, Action::Right);
    f.act(&mut s, Action::Right);
    assert_eq!(s.draft.closeness.map(Closeness::get), Some(5));
    f.act(&mut s, Action::Clear);
    assert_eq!(s.draft.closeness, None);
    f.act(&mut s, Action::Up);
    f.act(&mut s, Action::Left);
    assert_eq!(s.draft.mood.map(Mood::get), Some(1));
    f.act(&mut s, Action::Left);
    assert_eq!(s.draft.mood.map(Mood::get), Some(1));
}

#[test]
fn emotions_are_picked_filtered_and_added() {
    let f = Fixture::new();
    let mut s = f.state();
    f.to(&mut s, Step::Emotions);
    f.act(&mut s, Action::Toggle);
    assert_eq!(s.draft.emotions, ["lonely"]);
    f.act(&mut s, Action::Toggle);
    assert!(s.draft.emotions.is_empty());
    f.typed(&mut s, "hope");
    // The best match comes first; adding "hope" as one's own is the last row.
    assert_eq!(s.emotions.current(), Some(Current::Row(19)));
    assert_eq!(
        s.emotions.visible().last(),
        Some(&Current::Add("hope".into()))
    );
    // While typing, Space is a space; Enter picks the highlighted row.
    assert_eq!(f.act(&mut s, Action::Confirm), Outcome::Stay);
    assert_eq!(s.draft.emotions, ["hopeful"]);
    assert!(s.emotions.filter.is_empty(), "picking clears the filter");
    assert_eq!(
        s.emotions.current(),
        Some(Current::Row(19)),
        "and keeps the cursor on it"
    );
    f.typed(&mut s, "hurt");
    f.act(&mut s, Action::Toggle);
    f.typed(&mut s, "me");
    assert_eq!(s.emotions.filter, "hurt me");
    assert_eq!(s.draft.emotions, ["hopeful"], "a space typed is not a pick");
    f.act(&mut s, Action::Confirm);
    assert_eq!(s.draft.emotions, ["hopeful", "hurt me"]);
    f.typed(&mut s, "lone");
    assert_eq!(
        f.act(&mut s, Action::Next),
        Outcome::SaveDraft,
        "Tab goes on, adding nothing"
    );
    assert_eq!(s.draft.emotions, ["hopeful", "hurt me"]);
    assert_eq!(s.step(), Step::Triggers);
}

#[test]
fn triggers_take_intensity_notes_and_custom_names() {
    let f = Fixture::new();
    let mut s = f.state();
    f.to(&mut s, Step::Triggers);
    f.act(&mut s, Action::Choose(4));
    assert_eq!(
        s.draft.triggers.len(),
        1,
        "setting intensity picks the trigger"
    );
    assert_eq!(s.draft.triggers[0].intensity.map(Intensity::get), Some(4));
    f.act(&mut s, Action::Right);
    f.act(&mut s, Action::Right);
    assert_eq!(s.draft.triggers[0].intensity.map(Intensity::get), Some(5));
    f.act(&mut s, Action::Note);
    assert_eq!(typing(&s), Typing::Field);
    f.typed(&mut s, "after the phone call");
    f.act(&mut s, Action::Next);
    assert!(s.note.is_none());
    assert_eq!(s.draft.triggers[0].note, "after the phone call");
    f.act(&mut s, Action::Note);
    f.typed(&mut s, " never mind");
    f.act(&mut s, Action::Back);
    assert_eq!(
        s.draft.triggers[0].note, "after the phone call",
        "Esc cancels the note"
    );

    f.typed(&mut s, "my sister");
    f.act(&mut s, Action::Toggle); // a space inside the name
    f.typed(&mut s, "visiting");
    f.act(&mut s, Action::Toggle);
    f.act(&mut s, Action::Choose(2)); // digits type while typing
    assert_eq!(s.triggers.filter, "my sister visiting 2");
    f.typed(&mut s, "\u{8}");
    assert_eq!(f.act(&mut s, Action::Confirm), Outcome::Stay);
    let custom = s.draft.triggers.last().unwrap();
    assert_eq!(
        custom.trigger,
        TriggerRef::Custom(Name::try_from("my sister visiting").unwrap())
    );
    // The cursor stays on it: a digit now sets its intensity.
    f.act(&mut s, Action::Choose(2));
    assert_eq!(
        s.draft
            .triggers
            .last()
            .unwrap()
            .intensity
            .map(Intensity::get),
        Some(2)
    );
    assert!(
        s.triggers
            .rows
            .iter()
            .any(|r| r.label == "my sister visiting" && r.group.as_deref() == Some(OWN_GROUP))
    );
}

#[test]
fn remembered_custom_triggers_are_offered() {
    let mut f = Fixture::new();
    f.session.prefs.custom_triggers = vec!["money talk".into()];
    let s = f.state();
    assert!(s.triggers.rows.iter().any(|r| r.key == "custom:money talk"));
}

#[test]
fn reactions_fit_the_perspective() {
    let f = Fixture::new();
    let mut s = f.state();
    f.to(&mut s, Step::Reactions);
    assert!(!s.reactions.rows.is_empty());
    for row in &s.reactions.rows {
        let sign = f.session.catalog.sign(&row.key).unwrap();
        assert!(sign.perspectives.contains(&Perspective::IPullAway));
    }
    f.act(&mut s, Action::Toggle);
    assert_eq!(s.draft.behaviours.len(), 1);
}

#[test]
fn reflect_offers_prompts_for_the_triggers_and_swaps() {
    let f = Fixture::new();
    let mut s = f.state();
    f.to(&mut s, Step::Triggers);
    s.triggers.select_key("anxiety");
    f.act(&mut s, Action::Toggle);
    f.to(&mut s, Step::Reflect);
    assert!(!s.draft.responses.is_empty() && s.draft.responses.len() <= MAX_PROMPTS);
    let first = s.draft.responses[0].prompt_id.clone().unwrap();
    assert!(
        f.session
            .catalog
            .prompt(first.as_str())
            .unwrap()
            .triggers
            .iter()
            .any(|t| t == "anxiety")
    );

    assert_eq!(f.act(&mut s, Action::OtherPrompt), Outcome::Stay);
    let second = s.draft.responses[0].prompt_id.clone().unwrap();
    assert_ne!(first, second);

    f.typed(&mut s, "It felt like too much.\nSo I went quiet.");
    assert_eq!(
        s.draft.responses[0].answer,
        "It felt like too much.\nSo I went quiet."
    );
    assert!(
        matches!(f.act(&mut s, Action::OtherPrompt), Outcome::Notice(_)),
        "an answer is never swapped away"
    );
    assert_eq!(s.draft.responses[0].prompt_id.as_ref(), Some(&second));

    // Going back and changing triggers keeps the answered prompt.
    f.to(&mut s, Step::Triggers);
    s.triggers.select_key("past-hurt");
    f.act(&mut s, Action::Toggle);
    f.to(&mut s, Step::Reflect);
    assert_eq!(
        s.draft.responses[0].answer,
        "It felt like too much.\nSo I went quiet."
    );
}

#[test]
fn without_triggers_reflect_asks_the_prompt_of_the_day() {
    let f = Fixture::new();
    let mut s = f.state();
    f.to(&mut s, Step::Reflect);
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
    let f = Fixture::new();
    let mut s = f.state();
    f.to(&mut s, Step::Reflect);
    let big: String = "line of pasted text ✓\r\n".repeat(50_000);
    f.send(&mut s, Msg::Paste(big.clone()));
    s.flush();
    let expected = big.replace("\r\n", "\n");
    assert_eq!(s.draft.responses[0].answer, expected);
    assert!(s.draft.responses[0].answer.len() > 1_000_000);
}

#[test]
fn the_editor_round_trip_replaces_the_answer() {
    let f = Fixture::new();
    let mut s = f.state();
    f.to(&mut s, Step::Reflect);
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
    e.strategies.push(StrategyUse {
        id: Name::try_from("active-listening").unwrap(),
        planned: true,
        tried: None,
        helpfulness: None,
        extra: Default::default(),
    });
    f.session.journal = Some(crate::journal::Journal::of(Arc::new(vec![e]), today()));
    f.session.prefs.favourites = vec!["self-compassion".into()];
    let mut s = f.state();
    f.to(&mut s, Step::Triggers);
    s.triggers.select_key("anxiety");
    f.act(&mut s, Action::Toggle);
    f.to(&mut s, Step::Strategies);
    assert_eq!(s.follow_ups.len(), 1);
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
    let used = s
        .draft
        .strategies
        .iter()
        .find(|u| u.id.as_str() == "active-listening")
        .unwrap();
    assert_eq!(
        (used.tried, used.helpfulness.map(Helpfulness::get)),
        (Some(true), Some(4))
    );
    f.act(&mut s, Action::No);
    let used = s
        .draft
        .strategies
        .iter()
        .find(|u| u.id.as_str() == "active-listening")
        .unwrap();
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
    let f = Fixture::new();
    let mut s = f.state();
    f.to(&mut s, Step::Notes);
    for c in "typed, then Tab".chars() {
        let input = Input {
            key: TextKey::Char(c),
            ..Input::default()
        };
        f.send(&mut s, Msg::Input(input));
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
    let f = Fixture::new();
    let mut s = f.state();
    f.to(&mut s, Step::Notes);
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
        (s.step(), s.focus),
        (Step::Notes, 1),
        "back lands on the tags"
    );
}

#[test]
fn a_restored_draft_comes_back_where_it_was() {
    let f = Fixture::new();
    let mut s = f.state();
    f.to(&mut s, Step::Reflect);
    f.typed(&mut s, "kept across a crash");
    let saved = serde_json::to_string(&s.draft).unwrap();
    let draft: CheckInDraft = serde_json::from_str(&saved).unwrap();
    let restored = State::new(draft, &f.session);
    assert_eq!(restored.step(), Step::Reflect);
    assert_eq!(restored.draft.responses[0].answer, "kept across a crash");
    assert_eq!(area_text(&restored.answers[0]), "kept across a crash");
    assert_eq!(restored.draft, s.draft);
}

#[test]
fn tags_are_parsed_kindly() {
    assert_eq!(parse_tags(" a, #b,,a , c d "), ["a", "b", "c d"]);
    assert!(parse_tags(" , ,").is_empty());
}

/// Case r13: every way a newline arrives makes a new line; Ctrl-J used to delete to the start
/// of the line, so a paste with LF line ends kept only its last line.
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
        // Keys of the text area's old default map that destroyed text now do nothing.
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
    let f = Fixture::new();
    let mut s = f.state();
    f.to(&mut s, Step::Reflect);
    f.typed(&mut s, "keep this sentence");
    for _ in 0.."this sentence".len() {
        f.send(
            &mut s,
            Msg::Input(Input {
                key: TextKey::Left,
                ..Input::default()
            }),
        );
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
    let f = Fixture::new();
    let mut s = f.state();
    f.to(&mut s, Step::Strategies);
    assert!(s.follow_ups.is_empty() && !s.suggestions.is_empty());
    f.act(&mut s, Action::Choose(4));
    let id = s.suggestions[0].clone();
    let used = s
        .draft
        .strategies
        .iter()
        .find(|u| u.id.as_str() == id)
        .unwrap();
    assert_eq!(
        (used.tried, used.helpfulness.map(Helpfulness::get)),
        (Some(true), Some(4))
    );
    f.act(&mut s, Action::Clear);
    assert!(s.draft.strategies.iter().all(|u| u.id.as_str() != id));
}

/// A key sent as typed input (arrows and Space go to the focused field of a form).
fn key(f: &Fixture, s: &mut State, k: TextKey) {
    f.send(
        s,
        Msg::Input(Input {
            key: k,
            ..Input::default()
        }),
    );
}

/// Issue 37, item 1: in a moment, a picked repair and a repair in the person's own words are
/// both kept, in the file too, and re-opening the entry shows both.
#[test]
fn a_picked_repair_and_one_in_your_own_words_are_both_kept() {
    let f = Fixture::new();
    let mut s = f.state();
    f.to(&mut s, Step::Triggers);
    s.triggers.select_key("anxiety");
    f.act(&mut s, Action::Toggle);
    f.to(&mut s, Step::Episodes);
    while s.episode_form.focus < episodes::REPAIR {
        f.act(&mut s, Action::Down);
    }
    key(&f, &mut s, TextKey::Right);
    f.typed(&mut s, " ");
    let picked = s.episode_form.picked(episodes::REPAIR)[0].to_owned();
    f.act(&mut s, Action::Down);
    f.typed(&mut s, "I told him the phone thing stung");
    let strategy = Name::try_from(picked.as_str()).unwrap();
    let both = crate::journal::Repair::Both(strategy, "I told him the phone thing stung".into());
    assert_eq!(s.draft.episodes[0].repair, Some(both.clone()));
    let json = serde_json::to_value(&s.draft.episodes[0]).unwrap();
    assert_eq!(
        json["repair"],
        serde_json::json!({"strategy": picked, "own": "I told him the phone thing stung"})
    );
    // Re-opened (as review › e does), the chip is picked and the words are there.
    let entry = s.draft.finish(now());
    let mut again = CheckInDraft::editing(&entry, now());
    again.step = Step::Episodes;
    let r = State::new(again, &f.session);
    assert_eq!(r.episode_form.picked(episodes::REPAIR), [picked.as_str()]);
    assert_eq!(
        r.episode_form.text(episodes::OWN_REPAIR),
        "I told him the phone thing stung"
    );
    // "Not yet" and words are not both true: the words unpick "not yet", on screen too.
    let mut s = f.state();
    f.to(&mut s, Step::Episodes);
    while s.episode_form.focus < episodes::REPAIR {
        f.act(&mut s, Action::Down);
    }
    f.typed(&mut s, " ");
    assert_eq!(
        s.draft.episodes[0].repair,
        Some(crate::journal::Repair::NotYet)
    );
    f.act(&mut s, Action::Down);
    f.typed(&mut s, "later I said sorry");
    assert!(s.episode_form.picked(episodes::REPAIR).is_empty());
    assert_eq!(
        s.draft.episodes[0].repair,
        Some(crate::journal::Repair::Own("later I said sorry".into()))
    );
}

/// Walks the prediction form to "on a date" and types `date` there.
fn on_a_date(f: &Fixture, s: &mut State, date: &str) {
    f.to(s, Step::Predictions);
    f.typed(s, "She will say no");
    f.act(s, Action::Down);
    f.act(s, Action::Down);
    f.act(s, Action::Down);
    for _ in 0..3 {
        key(f, s, TextKey::Right);
    }
    f.typed(s, " ");
    assert!(f.act(s, Action::Down) == Outcome::Stay);
    f.typed(s, date);
}

/// Issue 37, item 2: a date that has passed (or is not a date) is said so, kept, and can be
/// fixed; the check-in does not go on with "tomorrow" instead.
#[test]
fn a_past_date_for_a_prediction_is_said_kept_and_fixed() {
    let f = Fixture::new();
    let mut s = f.state();
    // "On a date" is asked only once it is picked.
    f.to(&mut s, Step::Predictions);
    assert!(!s.prediction_form.shown(4));
    let past = (today() - chrono::Days::new(5)).to_string();
    on_a_date(&f, &mut s, &past);
    let problem = s.prediction_form.fields[4]
        .problem
        .clone()
        .unwrap_or_default();
    assert!(problem.contains("has passed"), "{problem}");
    for leave in [Action::Next, Action::Save, Action::Prev, Action::Confirm] {
        let out = f.act(&mut s, leave);
        assert!(
            matches!(&out, Outcome::Other(t) if t.contains("has passed")),
            "{leave:?}: {out:?}"
        );
        assert_eq!(s.step(), Step::Predictions);
        assert_eq!(s.prediction_form.text(4), past, "the text is kept");
        assert_eq!(s.prediction_form.picked(3), ["date"]);
    }
    for _ in 0..past.len() {
        key(&f, &mut s, TextKey::Backspace);
    }
    f.typed(&mut s, "2026-13-40");
    assert!(matches!(f.act(&mut s, Action::Next), Outcome::Other(t) if t.contains("not a date")));
    for _ in 0..10 {
        key(&f, &mut s, TextKey::Backspace);
    }
    let later = today() + chrono::Days::new(5);
    f.typed(&mut s, &later.to_string());
    assert!(s.prediction_form.fields[4].problem.is_none());
    assert_eq!(s.draft.predictions[0].look_back, later);
    assert_eq!(f.act(&mut s, Action::Next), Outcome::SaveDraft);
    assert_eq!(s.step(), Step::Notes);
}

/// Issue 37, item 6: digits set the prediction's scales, as they set every other scale.
#[test]
fn digits_set_the_prediction_scales() {
    let f = Fixture::new();
    let mut s = f.state();
    f.to(&mut s, Step::Predictions);
    f.typed(&mut s, "He will be cold");
    f.act(&mut s, Action::Down);
    f.typed(&mut s, "7");
    f.act(&mut s, Action::Down);
    f.typed(&mut s, "4");
    f.typed(&mut s, "9"); // not on a 1–5 scale: nothing
    let p = &s.draft.predictions[0];
    assert_eq!(
        (p.likelihood.map(|l| l.get()), p.badness.map(|b| b.get())),
        (Some(70), Some(4))
    );
}

/// Issue 37, item 8: a draft resumed comes back to the question (moment, prediction, row) it
/// was left on, not the step's first.
#[test]
fn a_resumed_draft_comes_back_to_the_question_it_was_on() {
    let f = Fixture::new();
    let mut s = f.state();
    f.to(&mut s, Step::Triggers);
    s.triggers.select_key("anxiety");
    f.act(&mut s, Action::Toggle);
    f.to(&mut s, Step::Reflect);
    assert_eq!(s.answers.len(), MAX_PROMPTS);
    f.act(&mut s, Action::Next);
    let Cmd::Effect(Effect::SaveDraft(kept)) = update(&mut s, Msg::Key(Action::Next), &f.ctx())
    else {
        panic!("no draft written")
    };
    assert_eq!(s.prompt_index, 2);
    f.typed(&mut s, "the third one");
    let resumed = |d: &CheckInDraft| {
        let json = serde_json::to_string(d).unwrap();
        State::new(serde_json::from_str(&json).unwrap(), &f.session)
    };
    assert_eq!(
        resumed(&kept).prompt_index,
        2,
        "from the draft written on Tab"
    );
    let r = resumed(s.flushed_draft());
    assert_eq!((r.step(), r.prompt_index), (Step::Reflect, 2));
    assert_eq!(area_text(&r.answers[2]), "the third one");

    // The second moment, and the tags box, likewise.
    f.to(&mut s, Step::Episodes);
    f.typed(&mut s, "first");
    f.act(&mut s, Action::Add);
    f.typed(&mut s, "second");
    let r = resumed(s.flushed_draft());
    assert_eq!(r.episode_at, 1);
    assert_eq!(r.episode_form.text(0), "second");
    f.to(&mut s, Step::Notes);
    f.act(&mut s, Action::Next);
    assert_eq!(resumed(s.flushed_draft()).focus, 1);
}
