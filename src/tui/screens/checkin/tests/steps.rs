//! Moving through the steps, the scales, the lists and Reflect.

use super::*;

#[test]
fn every_step_can_be_skipped_to_the_summary_and_back() {
    let f = Fixture::new();
    let mut s = f.state();
    for expected in Step::ALL.iter().skip(1) {
        // Reflect has one question per prompt; Tab walks them, then the step.
        while s.step() == Step::Reflect && s.prompt_index() + 1 < s.answers().len() {
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
    assert_eq!(s.focus(), 1, "a digit on mood moves on to closeness");
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
    let (f, mut s) = Fixture::at(Step::Emotions);
    f.act(&mut s, Action::Toggle);
    assert_eq!(s.draft.emotions, ["lonely"]);
    f.act(&mut s, Action::Toggle);
    assert!(s.draft.emotions.is_empty());
    f.typed(&mut s, "hope");
    // The best match comes first; adding "hope" as one's own is the last row.
    assert_eq!(s.emotions().current(), Some(Current::Row(19)));
    assert_eq!(
        s.emotions().visible().last(),
        Some(&Current::Add("hope".into()))
    );
    // While typing, Space is a space; Enter picks the highlighted row.
    assert_eq!(f.act(&mut s, Action::Confirm), Outcome::Stay);
    assert_eq!(s.draft.emotions, ["hopeful"]);
    assert!(s.emotions().filter.is_empty(), "picking clears the filter");
    assert_eq!(
        s.emotions().current(),
        Some(Current::Row(19)),
        "and keeps the cursor on it"
    );
    f.typed(&mut s, "hurt");
    f.act(&mut s, Action::Toggle);
    f.typed(&mut s, "me");
    assert_eq!(s.emotions().filter, "hurt me");
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
    let (f, mut s) = Fixture::at(Step::Triggers);
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
    assert!(s.note().is_none());
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
    assert_eq!(s.triggers().filter, "my sister visiting 2");
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
        s.triggers()
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
    assert!(
        s.triggers()
            .rows
            .iter()
            .any(|r| r.key == "custom:money talk")
    );
}

#[test]
fn reactions_fit_the_perspective() {
    let (f, mut s) = Fixture::at(Step::Reactions);
    assert!(!s.reactions().rows.is_empty());
    for row in &s.reactions().rows {
        let sign = f.session.catalog.sign(&row.key).unwrap();
        assert!(sign.perspectives.contains(&Perspective::IPullAway));
    }
    f.act(&mut s, Action::Toggle);
    assert_eq!(s.draft.behaviours.len(), 1);
}

#[test]
fn reflect_offers_prompts_for_the_triggers_and_swaps() {
    let (f, mut s) = Fixture::at(Step::Triggers);
    s.triggers_mut().select_key("anxiety");
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
    f.pick_trigger(&mut s, "past-hurt");
    f.to(&mut s, Step::Reflect);
    assert_eq!(
        s.draft.responses[0].answer,
        "It felt like too much.\nSo I went quiet."
    );
}

/// Every key table a step puts in force is one of the check-in's `MODES` (which the manual
/// and the tests over all tables read): a step added with a table of its own and not listed
/// there fails here.
#[test]
fn every_table_in_force_is_listed_in_modes() {
    let f = Fixture::new();
    let listed = |table: &[Binding]| {
        let table = format!("{table:?}");
        MODES
            .iter()
            .chain(DIALOG_MODES)
            .any(|(_, t)| format!("{t:?}") == table)
    };
    let mut s = f.state();
    for step in Step::ALL {
        f.to(&mut s, step);
        assert!(listed(keys(&s)), "{step:?}");
    }
    f.to(&mut s, Step::Triggers);
    f.act(&mut s, Action::Note);
    assert!(s.writing_note());
    assert!(listed(keys(&s)), "a note on a trigger");
}
