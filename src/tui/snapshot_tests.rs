//! What each screen looks like, on a fixed date, as insta snapshots.

use insta::assert_snapshot;

use super::app::App;
use super::keys::Action;
use super::screen::Msg;
use super::screens::Screen;
use super::session::Status;
use super::test_support::{app_at_home, app_first_run, draw, press, typed};
use super::theme::Theme;

#[test]
fn first_run_80x24() {
    let mut app = app_first_run();
    assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn first_run_no_colour_marks_the_selection_with_reverse() {
    let mut app = app_first_run();
    app.session.theme = Theme::no_colour();
    app.update(Msg::Key(Action::Down));
    let terminal = draw(&mut app, 80, 24);
    assert_snapshot!(format!("{:?}", terminal.backend().buffer()));
}

#[test]
fn home_80x24() {
    let mut app = app_at_home();
    assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn home_checked_in_with_problems_and_read_only_80x24() {
    let mut app = app_at_home();
    if let Some(s) = app.session.journal.as_mut() {
        s.checked_in_today = true;
        s.streak = 1;
        app.session.problem_files = 2;
    }
    app.session.read_only = Some(
        "another closer has this journal open. Close it to write here; you can still read.".into(),
    );
    app.status = Some(Status::Error(
        "cannot save /home/you/.local/share/closer/state.json: the disk is full. The file is as it was before.".into(),
    ));
    assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn home_while_loading_160x48() {
    let mut app = app_at_home();
    app.session.journal = None;
    assert_snapshot!(draw(&mut app, 160, 48).backend());
}

#[test]
fn help_on_home_80x24() {
    let mut app = app_at_home();
    app.update(Msg::Key(Action::ToggleHelp));
    assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn support_80x24() {
    let mut app = app_at_home();
    app.update(Msg::Key(Action::OpenSupport));
    assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn support_scrolled_to_the_bottom_80x24() {
    let mut app = app_at_home();
    app.update(Msg::Key(Action::OpenSupport));
    app.update(Msg::Key(Action::Bottom));
    assert_snapshot!(draw(&mut app, 80, 24).backend());
}

/// Issue 15: every section of Support on one screen, the new ones among them.
#[test]
fn support_whole_160x60() {
    let mut app = app_at_home();
    app.update(Msg::Key(Action::OpenSupport));
    let text = draw(&mut app, 160, 60).backend().to_string();
    for heading in [
        "If you can't talk safely at home",
        "I'm worried about how I treat my partner",
        "Who else can read this journal",
        "988 (US and Canada)",
    ] {
        assert!(text.contains(heading), "{heading}: {text}");
    }
    assert_snapshot!(draw(&mut app, 160, 60).backend());
}

#[test]
fn help_on_support_80x24() {
    let mut app = app_at_home();
    app.update(Msg::Key(Action::OpenSupport));
    app.update(Msg::Key(Action::ToggleHelp));
    assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn too_small_below_60x20() {
    let mut app = app_at_home();
    assert_snapshot!(draw(&mut app, 59, 20).backend());
    // 60×20 is enough for the real screen.
    let text = draw(&mut app, 60, 20).backend().to_string();
    assert!(text.contains("Streak"), "{text}");
}

#[test]
fn every_size_down_to_1x1_draws_without_panic() {
    for (w, h) in [
        (1, 1),
        (2, 1),
        (1, 2),
        (10, 3),
        (59, 19),
        (60, 20),
        (61, 21),
        (300, 100),
    ] {
        for mut app in [app_first_run(), app_at_home()] {
            draw(&mut app, w, h);
            app.update(Msg::Key(Action::ToggleHelp));
            draw(&mut app, w, h);
        }
    }
}

mod checkin {
    use super::*;
    use crate::journal::draft::{CheckInDraft, Step};
    use crate::journal::{
        Closeness, Helpfulness, Intensity, Mood, Name, Response, StrategyUse, TriggerLog,
        TriggerRef,
    };
    use crate::tui::screens::checkin::State;

    fn filled(app: &App) -> CheckInDraft {
        let mut d = CheckInDraft::new(app.session.now, app.session.perspective());
        d.mood = Some(Mood::try_from(2u8).unwrap());
        d.closeness = Some(Closeness::try_from(4u8).unwrap());
        d.emotions = vec!["lonely".into(), "hopeful".into(), "a bit wistful".into()];
        d.triggers = vec![
            TriggerLog {
                trigger: TriggerRef::Id(Name::try_from("anxiety").unwrap()),
                intensity: Some(Intensity::try_from(4u8).unwrap()),
                note: "before the call".into(),
                extra: Default::default(),
            },
            TriggerLog {
                trigger: TriggerRef::Custom(Name::try_from("my sister visiting").unwrap()),
                intensity: Some(Intensity::try_from(2u8).unwrap()),
                note: String::new(),
                extra: Default::default(),
            },
        ];
        d.behaviours = vec![Name::try_from(app.session.catalog.signs[0].id.as_str()).unwrap()];
        let p = app
            .session
            .catalog
            .prompts_for_trigger("anxiety", app.session.perspective())[0];
        d.responses = vec![Response {
            prompt_id: Some(Name::try_from(p.id.as_str()).unwrap()),
            prompt: p.text.as_str().into(),
            answer: "It felt like too much at once.\nSo I went quiet and scrolled my phone instead of saying so."
                .into(),
            extra: Default::default(),
        }];
        let s = app
            .session
            .catalog
            .strategies_for_trigger("anxiety", app.session.perspective())[0];
        d.strategies = vec![
            StrategyUse {
                id: Name::try_from(s.id.as_str()).unwrap(),
                planned: true,
                tried: None,
                helpfulness: None,
                extra: Default::default(),
            },
            StrategyUse {
                id: Name::try_from("active-listening").unwrap(),
                planned: false,
                tried: Some(true),
                helpfulness: Some(Helpfulness::try_from(4u8).unwrap()),
                extra: Default::default(),
            },
        ];
        d.notes = "Long day. The evening walk helped.".into();
        d.tags = vec!["work".into(), "weekend".into()];
        d.episodes = vec![crate::journal::Episode {
            what: "He looked at his phone while I talked".into(),
            triggers: vec![TriggerRef::Id(Name::try_from("anxiety").unwrap())],
            urges: vec!["go-quiet".into(), "leave the room".into()],
            did: vec![app.session.catalog.signs[0].id.clone()],
            next: "We ate without talking".into(),
            repair: Some(crate::journal::Repair::Own("I said it hurt, later".into())),
            ended: Some(crate::journal::Ending::Same),
            extra: Default::default(),
        }];
        d.predictions = vec![crate::journal::Prediction {
            fear: "He will be cold all weekend".into(),
            likelihood: crate::journal::Likelihood::try_from(70).ok(),
            badness: crate::journal::Badness::try_from(4u8).ok(),
            look_back: d.date + chrono::Days::new(3),
            outcome: None,
            extra: Default::default(),
        }];
        d
    }

    fn at_step(mut app: App, mut draft: CheckInDraft, step: Step) -> App {
        draft.step = step;
        let state = State::new(draft, &app.session);
        app.open_for_test(Screen::CheckIn(Box::new(state)));
        app
    }

    #[test]
    fn every_step_filled_and_empty_at_80x24_and_120x40() {
        for step in Step::ALL {
            for (kind, fill) in [("empty", false), ("filled", true)] {
                for (w, h) in [(80, 24), (120, 40)] {
                    let base = app_at_home();
                    let draft = if fill {
                        filled(&base)
                    } else {
                        CheckInDraft::new(base.session.now, base.session.perspective())
                    };
                    let mut app = at_step(base, draft, step);
                    let name = format!("checkin_{:?}_{kind}_{w}x{h}", step).to_lowercase();
                    assert_snapshot!(name, draw(&mut app, w, h).backend());
                }
            }
        }
    }

    #[test]
    fn leave_dialog_and_resume_offer() {
        let base = app_at_home();
        let draft = filled(&base);
        let mut app = at_step(base, draft.clone(), Step::Triggers);
        app.update(Msg::Key(Action::Back));
        assert_snapshot!("checkin_leave_dialog", draw(&mut app, 80, 24).backend());

        let mut home = app_at_home();
        home.draft_found(draft, true);
        assert_snapshot!("home_resume_offer", draw(&mut home, 80, 24).backend());
    }

    #[test]
    fn a_dialog_holds_every_line_it_wraps() {
        use crate::tui::screen::Question;
        use crate::tui::screens::confirm;
        let mut app = app_at_home();
        let long = "A line longer than the box is wide, as a translated or a future \
                    question may have, must wrap inside the box and push the keys down."
            .to_owned();
        app.open_for_test(Screen::Confirm(confirm::State::new(
            Question::DiscardCheckIn,
            "Discard?",
            &[long],
        )));
        let text = draw(&mut app, 60, 20).backend().to_string();
        let flat: String = text
            .lines()
            .map(|l| l.trim_matches('"').replace('│', " "))
            .collect::<Vec<_>>()
            .join(" ");
        let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        for needed in [
            "push the keys down.",
            confirm::asking(Question::DiscardCheckIn)
                .last()
                .unwrap()
                .help,
        ] {
            assert!(
                words(&flat).contains(&words(needed)),
                "{needed:?} not shown:\n{text}"
            );
        }
    }

    #[test]
    fn the_add_row_says_enter_only_where_enter_adds() {
        let base = app_at_home();
        let draft = CheckInDraft::new(base.session.now, base.session.perspective());
        let mut app = at_step(base, draft, Step::Triggers);
        // One trigger matches ("Fear of abandonment").
        typed(&mut app, "abandon");
        let text = draw(&mut app, 80, 24).backend().to_string();
        assert!(text.contains("+ add “abandon” as your own "), "{text}");
        assert!(!text.contains("(Enter)"), "Enter picks the match: {text}");
        press(&mut app, "Down");
        let text = draw(&mut app, 80, 24).backend().to_string();
        assert!(
            text.contains("▸ + add “abandon” as your own (Enter)"),
            "{text}"
        );
    }

    #[test]
    fn with_the_safety_trigger_logged_the_strategies_put_safety_first() {
        use crate::content::offer::needs_caveat;
        use crate::journal::{Perspective, PerspectiveChoice};
        for (name, perspective) in [
            ("i_pull_away", Perspective::IPullAway),
            ("partner_pulls_away", Perspective::PartnerPullsAway),
        ] {
            let mut base = app_at_home();
            base.session.prefs.perspective = Some(PerspectiveChoice::from(perspective));
            // Couples counselling planned from the library, and a second trigger that would
            // offer a calm talk: neither is offered beside fear of the partner.
            base.session.prefs.planned_next = vec!["try-couples-counselling".into()];
            let mut draft = CheckInDraft::new(base.session.now, Some(perspective));
            draft.triggers = ["communication-breakdown", "control-or-fear"]
                .into_iter()
                .map(|id| TriggerLog {
                    trigger: TriggerRef::Id(Name::try_from(id).unwrap()),
                    intensity: None,
                    note: String::new(),
                    extra: Default::default(),
                })
                .collect();
            let mut app = at_step(base, draft, Step::Strategies);
            let text = draw(&mut app, 80, 24).backend().to_string();
            assert!(text.contains("Reach out where it's safe"), "{text}");
            let Screen::CheckIn(state) = app.top() else {
                panic!("not the check-in")
            };
            assert_eq!(state.suggestions[0], "reach-out-safely");
            for id in &state.suggestions {
                let s = app.session.catalog.strategy(id).unwrap();
                assert!(!needs_caveat(s), "{id} offered");
            }
            assert_snapshot!(
                format!("checkin_safety_trigger_strategies_{name}_80x24"),
                draw(&mut app, 80, 24).backend()
            );
        }
    }

    #[test]
    fn a_caveat_shows_without_the_cursor_on_its_strategy() {
        let mut base = app_at_home();
        base.session.prefs.planned_next = vec!["try-couples-counselling".into()];
        let draft = CheckInDraft::new(base.session.now, base.session.perspective());
        let mut app = at_step(base, draft, Step::Strategies);
        let Screen::CheckIn(state) = app.top() else {
            panic!("not the check-in")
        };
        assert_eq!(state.suggestions[0], "try-couples-counselling");
        // The cursor goes to the second suggestion; the first one's caveat stays.
        press(&mut app, "Down");
        let text = draw(&mut app, 80, 40).backend().to_string();
        assert!(text.contains("Careful:"), "{text}");
    }

    #[test]
    fn trigger_note_popup() {
        let base = app_at_home();
        let draft = filled(&base);
        let mut app = at_step(base, draft, Step::Triggers);
        app.update(Msg::Key(Action::Note));
        assert_snapshot!("checkin_trigger_note", draw(&mut app, 80, 24).backend());
    }
}

mod review {
    use std::sync::Arc;

    use super::*;
    use crate::journal::Journal;
    use crate::journal::query::{Condition, DateSpan};
    use crate::journal::{
        Closeness, Entry, EntryId, Intensity, Mood, Name, Perspective, Response, StrategyUse,
        TriggerLog, TriggerRef,
    };
    use crate::tui::session::Summary;

    fn entry(at: &str, n: u32, mood: u8, close: u8, answer: &str) -> Entry {
        let t = chrono::DateTime::parse_from_rfc3339(at).unwrap();
        let mut e = Entry::new(EntryId::generate(t, n), t);
        e.perspective = Some(Perspective::IPullAway);
        e.mood = Some(Mood::try_from(mood).unwrap());
        e.closeness = Some(Closeness::try_from(close).unwrap());
        e.responses.push(Response {
            prompt_id: Some(Name::try_from("anx-just-before").unwrap()),
            prompt: "What situation, thought or feeling came just before you last wanted to withdraw from your partner?".into(),
            answer: answer.into(),
            extra: Default::default(),
        });
        e
    }

    fn app_with_journal() -> App {
        let mut a = entry(
            "2026-11-20T21:30:00+01:00",
            1,
            2,
            1,
            "He was quiet at dinner and I went quiet too. Later I felt lonely but did not say so.",
        );
        a.triggers.push(TriggerLog {
            trigger: TriggerRef::Id(Name::try_from("anxiety").unwrap()),
            intensity: Some(Intensity::try_from(4u8).unwrap()),
            note: "the phone call".into(),
            extra: Default::default(),
        });
        a.emotions = vec!["lonely".into(), "anxious".into()];
        a.tags = vec!["home".into()];
        a.notes = "Quiet evenings are the hardest.".into();
        a.strategies.push(StrategyUse {
            id: Name::try_from("active-listening").unwrap(),
            planned: true,
            tried: None,
            helpfulness: None,
            extra: Default::default(),
        });
        let mut b = entry(
            "2026-11-21T08:10:00+01:00",
            2,
            4,
            4,
            "A slow breakfast together. We laughed about the cat.",
        );
        b.triggers.push(TriggerLog {
            trigger: TriggerRef::Custom(Name::try_from("my sister visiting").unwrap()),
            intensity: None,
            note: String::new(),
            extra: Default::default(),
        });
        let c = entry(
            "2026-11-21T22:00:00+01:00",
            3,
            3,
            2,
            "Quiet again after the call; I went for a walk instead of talking.",
        );
        let d = entry(
            "2026-11-22T07:45:00+01:00",
            4,
            5,
            5,
            "Woke up close. Said thank you for yesterday.",
        );
        let mut app = app_at_home();
        app.loaded(Summary::from(Journal {
            entries: Arc::new(vec![a, b, c, d]),
            checked_in_today: true,
            streak: 3,
            days: None,
            histories: Arc::default(),
            index: Arc::default(),
            in_order: false,
            ..Journal::default()
        }));
        app.update(Msg::Key(Action::OpenReview));
        app
    }

    /// Issue 31: an entry a sync kept in two versions is said on home, found by review's
    /// filter, and says what to do when opened.
    #[test]
    fn an_entry_kept_in_two_versions_is_said_on_home_and_found_in_review() {
        use crate::journal::merge::{OTHER_VERSION, merge_entry};
        let base = entry("2026-11-20T21:30:00+01:00", 1, 2, 1, "At dinner.");
        let mut ours = base.clone();
        ours.notes = "We talked after dinner.".into();
        let mut theirs = base.clone();
        theirs.notes = "I went to bed early instead.".into();
        let (merged, _) = merge_entry(Some(&base), &ours, &theirs);
        assert!(merged.notes.contains(OTHER_VERSION));
        let other = entry("2026-11-21T08:10:00+01:00", 2, 4, 4, "Breakfast.");
        let mut app = app_at_home();
        app.loaded(Summary::of(
            Arc::new(vec![merged.clone(), other]),
            app.session.today,
            0,
        ));
        let home = draw(&mut app, 80, 24).backend().to_string();
        assert!(
            home.contains("1 entry was changed on two computers"),
            "{home}"
        );
        app.update(Msg::Key(Action::OpenReview));
        app.update(Msg::Key(Action::OpenFilter));
        for _ in 0..7 {
            app.update(Msg::Key(Action::Down));
        }
        app.update(Msg::Key(Action::Confirm));
        app.update(Msg::Key(Action::Confirm));
        assert_eq!(review(&mut app).filter.conditions, [Condition::TwoVersions]);
        let text = draw(&mut app, 80, 24).backend().to_string();
        assert!(
            text.contains("changed on two computers") && text.contains("1 of 2 entries"),
            "{text}"
        );
        press(&mut app, "Enter");
        assert_snapshot!(
            "review_entry_in_two_versions_80x24",
            draw(&mut app, 80, 24).backend()
        );
        // Saved again (an edit), it holds one version: home says nothing more.
        let mut chosen = merged.clone();
        chosen.notes = "We talked after dinner.".into();
        chosen.two_versions.clear();
        app.session.upsert(chosen);
        app.update(Msg::Key(Action::Back));
        app.update(Msg::Key(Action::Back));
        let home = draw(&mut app, 80, 24).backend().to_string();
        assert!(!home.contains("two computers"), "{home}");
    }

    fn review(app: &mut App) -> &mut crate::tui::screens::review::State {
        match app.top_mut() {
            Screen::Review(r) => r,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn timeline_80x24_and_120x40() {
        let mut app = app_with_journal();
        assert_snapshot!("review_timeline_80x24", draw(&mut app, 80, 24).backend());
        assert_snapshot!("review_timeline_120x40", draw(&mut app, 120, 40).backend());
    }

    #[test]
    fn detail_80x24() {
        let mut app = app_with_journal();
        app.update(Msg::Key(Action::Bottom));
        app.update(Msg::Key(Action::Confirm));
        assert!(
            matches!(app.top(), Screen::ReviewEntry(_)),
            "the entry is open"
        );
        assert_snapshot!("review_detail_80x24", draw(&mut app, 80, 24).backend());
    }

    #[test]
    fn filter_chips_that_do_not_fit_are_counted_not_cut() {
        use crate::journal::query::Condition;
        let mut app = app_with_journal();
        let state = review(&mut app);
        for tag in [
            "a-rather-long-tag-one",
            "another-long-tag-two",
            "third-long-tag-here",
        ] {
            state.filter.conditions.push(Condition::Tag(tag.into()));
        }
        state
            .filter
            .conditions
            .push(Condition::Scale(crate::journal::Scale::Mood, 1, 2));
        let text = draw(&mut app, 80, 24).backend().to_string();
        let line = text
            .lines()
            .find(|l| l.contains("[#a-rather"))
            .unwrap_or_else(|| panic!("{text}"));
        assert!(line.contains("more"), "{line}");
        // Every chip shown is whole.
        assert_eq!(
            line.matches('[').count(),
            line.matches(']').count(),
            "{line}"
        );
        let wide = draw(&mut app, 160, 48).backend().to_string();
        assert!(
            wide.contains("[mood 1–2]") && !wide.contains("more"),
            "{wide}"
        );
    }

    #[test]
    fn the_selected_row_is_marked_across_the_whole_list() {
        let mut app = app_with_journal();
        let term = draw(&mut app, 80, 24);
        let buf = term.backend().buffer();
        let row = (0..24u16)
            .find(|&y| buf[(1, y)].symbol() == "▸")
            .expect("a selected row");
        let selected = app.session.theme.selected;
        for x in [2u16, 40, 78] {
            assert_eq!(buf[(x, row)].bg, selected.bg.unwrap(), "column {x}");
        }
    }

    /// An entry imported from jrnl: a title, a body and tags, nothing else.
    #[test]
    fn an_imported_entry_shows_its_title_and_no_empty_sections() {
        let t = chrono::DateTime::parse_from_rfc3339("2026-11-23T19:00:00+01:00").unwrap();
        let mut e = Entry::new(EntryId::generate(t, 9), t);
        e.notes =
            "Dinner with the in-laws\n\nIt went better than I feared.\nWe walked home slowly."
                .into();
        e.tags = vec!["family".into()];
        let mut app = app_at_home();
        app.loaded(Summary::from(Journal {
            entries: Arc::new(vec![e]),
            checked_in_today: true,
            streak: 1,
            days: None,
            histories: Arc::default(),
            index: Arc::default(),
            in_order: false,
            ..Journal::default()
        }));
        app.update(Msg::Key(Action::OpenReview));
        let list = draw(&mut app, 80, 24);
        assert_snapshot!("review_imported_row_80x24", list.backend());
        app.update(Msg::Key(Action::Confirm));
        assert!(
            matches!(app.top(), Screen::ReviewEntry(_)),
            "the entry is open"
        );
        let detail = draw(&mut app, 80, 24);
        let text = format!("{:?}", detail.backend());
        assert!(!text.contains("—  "), "no dashes for empty parts");
        assert!(
            !text.contains("Feelings") && !text.contains("Notes"),
            "{text}"
        );
        assert_snapshot!("review_imported_detail_80x24", detail.backend());
    }

    #[test]
    fn search_highlights_matches() {
        let mut app = app_with_journal();
        app.update(Msg::Key(Action::StartSearch));
        for c in "quiet".chars() {
            app.update(Msg::Input(ratatui_textarea::Input {
                key: ratatui_textarea::Key::Char(c),
                ..Default::default()
            }));
        }
        app.session.theme = Theme::no_colour();
        let terminal = draw(&mut app, 80, 24);
        assert_snapshot!("review_search_80x24", terminal.backend());
        // The matches carry the highlight style, not only the text.
        assert_snapshot!(
            "review_search_styles_80x24",
            format!("{:?}", terminal.backend().buffer())
        );
        app.update(Msg::Key(Action::Confirm));
        app.update(Msg::Key(Action::Confirm));
        let detail = format!("{:?}", draw(&mut app, 80, 24).backend().buffer());
        assert!(
            detail.contains("UNDERLINED"),
            "matches highlighted in the detail too"
        );
    }

    #[test]
    fn filters_as_chips_and_the_filter_panel() {
        let mut app = app_with_journal();
        review(&mut app)
            .filter
            .add(Condition::Scale(crate::journal::Scale::Mood, 1, 3));
        review(&mut app)
            .filter
            .add(Condition::Dates(DateSpan::LastDays(30)));
        app.update(Msg::Key(Action::OpenFilter));
        app.update(Msg::Key(Action::Back));
        // Re-run the filter through the public path: remove and re-add nothing.
        app.update(Msg::Key(Action::Clear));
        review(&mut app)
            .filter
            .add(Condition::Dates(DateSpan::LastDays(30)));
        app.update(Msg::Key(Action::OpenFilter));
        assert_snapshot!(
            "review_filter_panel_80x24",
            draw(&mut app, 80, 24).backend()
        );
        app.update(Msg::Key(Action::Down));
        app.update(Msg::Key(Action::Confirm));
        assert_snapshot!("review_filter_mood_80x24", draw(&mut app, 80, 24).backend());
        app.update(Msg::Key(Action::Down));
        app.update(Msg::Key(Action::Confirm));
        assert_snapshot!("review_filtered_80x24", draw(&mut app, 80, 24).backend());
    }

    #[test]
    fn empty_result_says_how_to_widen() {
        let mut app = app_with_journal();
        app.update(Msg::Key(Action::StartSearch));
        for c in "zebra".chars() {
            app.update(Msg::Input(ratatui_textarea::Input {
                key: ratatui_textarea::Key::Char(c),
                ..Default::default()
            }));
        }
        assert_snapshot!(
            "review_empty_result_80x24",
            draw(&mut app, 80, 24).backend()
        );
    }

    #[test]
    fn the_trash_previews_the_entry_under_the_cursor() {
        let mut app = app_with_journal();
        let entries = review(&mut app).entries().to_vec();
        app.update(Msg::Key(Action::OpenTrash));
        let Screen::ReviewTrash(state) = app.top_mut() else {
            panic!("the trash is open")
        };
        state.trash = entries
            .iter()
            .take(2)
            .map(|e| crate::store::TrashItem {
                path: std::path::PathBuf::from("trash/x.json"),
                deleted_at: e.updated_at,
                entry: e.clone(),
            })
            .collect();
        state.trash_cursor = 1;
        let text = draw(&mut app, 80, 24).backend().to_string();
        assert!(text.contains("deleted entry ─"), "{text}");
        assert!(text.contains("A slow breakfast together"), "{text}");
        assert_snapshot!("review_trash_80x24", draw(&mut app, 80, 24).backend());
    }

    #[test]
    fn trash_and_delete_question() {
        let mut app = app_with_journal();
        app.update(Msg::Key(Action::Delete));
        assert_snapshot!(
            "review_confirm_delete_80x24",
            draw(&mut app, 80, 24).backend()
        );
    }
}

mod guide {
    use super::*;
    use crate::tui::screens::guide::Page;

    fn open(page: Page) -> App {
        let mut app = app_at_home();
        app.session.prefs.favourites = vec!["active-listening".into()];
        app.open_for_test(Screen::Guide(crate::tui::screens::guide::State::new(page)));
        app
    }

    #[test]
    fn the_safety_layer_the_page_a_caveat_and_the_trigger_that_links_to_it() {
        use crate::journal::{Perspective, PerspectiveChoice};
        for (name, page) in [
            (
                "safety_page",
                Page::Digest("when-distance-is-about-safety".into()),
            ),
            (
                "caveated_strategy",
                Page::Strategy("try-couples-counselling".into()),
            ),
            ("control_trigger", Page::Trigger("control-or-fear".into())),
        ] {
            let mut app = open(page);
            assert_snapshot!(
                format!("guide_{name}_80x24"),
                draw(&mut app, 80, 24).backend()
            );
        }
        // The caveat's link opens the safety page.
        let mut app = open(Page::Strategy("try-couples-counselling".into()));
        press(&mut app, "Tab Enter");
        let text = draw(&mut app, 80, 24).backend().to_string();
        assert!(
            text.contains("Signs it may not be ordinary distance")
                || text.contains("Distance can be a way to stay safe"),
            "{text}"
        );
        // For someone whose partner pulls away: their summary, and not a diagnosis.
        let mut app = open(Page::Trigger("avoidant-attachment".into()));
        app.session.prefs.perspective =
            Some(PerspectiveChoice::from(Perspective::PartnerPullsAway));
        let text = draw(&mut app, 80, 24).backend().to_string();
        assert!(
            text.contains("This is not a diagnosis of your partner"),
            "{text}"
        );
        assert!(text.contains("closeness feel unsafe for them"), "{text}");
        let mut app = open(Page::Trigger("avoidant-attachment".into()));
        let text = draw(&mut app, 80, 24).backend().to_string();
        assert!(
            !text.contains("diagnosis"),
            "not for the one who pulls away: {text}"
        );
    }

    #[test]
    fn things_to_say_and_try_and_the_card_one_key_from_home() {
        use crate::journal::{Perspective, PerspectiveChoice};
        let mut app = app_at_home();
        press(&mut app, "p");
        let text = draw(&mut app, 80, 24).backend().to_string();
        assert!(text.contains("I want to pull away right now"), "{text}");
        assert!(
            !text.contains("spiralling"),
            "only the card of this side: {text}"
        );
        assert_snapshot!("guide_card_80x24", draw(&mut app, 80, 24).backend());
        // The other side of the pull has its own card.
        let mut app = app_at_home();
        app.session.prefs.perspective =
            Some(PerspectiveChoice::from(Perspective::PartnerPullsAway));
        press(&mut app, "p");
        let text = draw(&mut app, 80, 24).backend().to_string();
        assert!(
            text.contains("They've gone quiet and I'm spiralling"),
            "{text}"
        );
        assert!(!text.contains("I want to pull away"), "{text}");
        assert_snapshot!("guide_card_partner_80x24", draw(&mut app, 80, 24).backend());
        // Both sides: the first card, and a link to the other.
        let mut app = app_at_home();
        app.session.prefs.perspective = Some(PerspectiveChoice::Both);
        press(&mut app, "p");
        let text = draw(&mut app, 80, 24).backend().to_string();
        assert!(text.contains("I want to pull away right now"), "{text}");
        assert!(
            text.contains("Or: They've gone quiet and I'm spiralling"),
            "{text}"
        );
        let mut app = open(Page::Toolkit);
        assert_snapshot!(
            "guide_toolkit_i_pull_away_80x24",
            draw(&mut app, 80, 24).backend()
        );
        // Each perspective sees its own lines; the partner's are not shown to the one who
        // pulls away.
        let whole = |app: &mut App| {
            press(app, "G");
            let mut all = String::new();
            press(app, "g");
            for _ in 0..30 {
                all.push_str(&draw(app, 80, 60).backend().to_string());
                press(app, "PgDn");
            }
            all
        };
        let mine = whole(&mut app);
        assert!(mine.contains("Thinking traps") && mine.contains("Leaving before you're left"));
        assert!(!mine.contains("It's all my fault"), "a partner's trap");
        let mut app = open(Page::Toolkit);
        app.session.prefs.perspective =
            Some(PerspectiveChoice::from(Perspective::PartnerPullsAway));
        let theirs = whole(&mut app);
        assert!(theirs.contains("It's all my fault"));
        assert!(!theirs.contains("Leaving before you're left"));
        assert!(theirs.contains("For a relationship that is safe"));
    }

    #[test]
    fn library_strategy_page_digest_and_learn_at_80x24_and_120x40() {
        for (name, page) in [
            ("library", Page::Library),
            ("strategy", Page::Strategy("active-listening".into())),
            ("digest", Page::Digest("healing-emotional-distance".into())),
            ("learn", Page::Learn),
            ("trigger", Page::Trigger("fear-of-abandonment".into())),
        ] {
            for (w, h) in [(80, 24), (120, 40)] {
                let mut app = open(page.clone());
                assert_snapshot!(
                    format!("guide_{name}_{w}x{h}"),
                    draw(&mut app, w, h).backend()
                );
            }
        }
    }

    #[test]
    fn a_digest_scrolled_with_a_link_selected() {
        let mut app = open(Page::Digest("why-a-partner-pulls-away".into()));
        for _ in 0..3 {
            app.update(Msg::Key(Action::Next));
        }
        app.session.theme = Theme::no_colour();
        let terminal = draw(&mut app, 80, 24);
        assert_snapshot!("guide_digest_link_selected_80x24", terminal.backend());
    }

    #[test]
    fn library_by_trigger_favourites_first() {
        let mut app = open(Page::Library);
        app.update(Msg::Key(Action::Group));
        app.update(Msg::Key(Action::FavouritesFirst));
        assert_snapshot!(
            "guide_library_by_trigger_80x24",
            draw(&mut app, 80, 24).backend()
        );
    }
}

mod insights {
    use std::sync::Arc;

    use super::*;
    use crate::journal::Journal;
    use crate::tui::session::Summary;
    use crate::tui::test_support::generated_year;

    fn app(entries: Vec<crate::journal::Entry>) -> App {
        let mut app = app_at_home();
        app.loaded(Summary::from(Journal {
            entries: Arc::new(entries),
            checked_in_today: true,
            streak: 0,
            days: None,
            histories: Arc::default(),
            index: Arc::default(),
            in_order: false,
            ..Journal::default()
        }));
        app.update(Msg::Key(Action::OpenInsights));
        app
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
                    "rhythm",
                ] {
                    assert_snapshot!(
                        format!("insights_{tab}_{kind}_{w}x{h}"),
                        draw(&mut app, w, h).backend()
                    );
                    app.update(Msg::Key(Action::Next));
                }
            }
        }
    }

    #[test]
    fn make_a_report_of_the_window_at_80x24_and_160x48() {
        let mut app = app(generated_year());
        app.update(Msg::Key(Action::MakeReport));
        assert_snapshot!(
            "report_from_insights_80x24",
            draw(&mut app, 80, 24).backend()
        );
        app.session.home = Some("/home/you".into());
        app.session.reports = Some("/home/you/Documents".into());
        app.update(Msg::Key(Action::Toggle));
        app.update(Msg::Key(Action::Down));
        app.update(Msg::Key(Action::Down));
        app.update(Msg::Key(Action::Down));
        app.update(Msg::Key(Action::Down));
        app.update(Msg::Key(Action::Toggle));
        assert_snapshot!("report_chosen_160x48", draw(&mut app, 160, 48).backend());
    }

    #[test]
    fn moments_at_120x40() {
        let mut app = app(generated_year());
        app.update(Msg::Key(Action::Choose(3)));
        for _ in 0..4 {
            app.update(Msg::Key(Action::Next));
        }
        assert_snapshot!(
            "insights_moments_year_120x40",
            draw(&mut app, 120, 40).backend()
        );
    }

    #[test]
    fn the_calendar_marks_days_with_the_mood_in_no_colour_too() {
        let mut app = app(generated_year());
        app.session.theme = Theme::no_colour();
        for _ in 0..5 {
            app.update(Msg::Key(Action::Next));
        }
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
            for _ in 0..5 {
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
        press(&mut app, "Down Enter");
        assert_eq!(review_on_top(&app), (None, 1), "one entry: opened");
        press(&mut app, "Esc");
        assert_eq!(
            review_on_top(&app),
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
        for _ in 0..5 {
            press(&mut app, "Tab");
        }
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
        press(&mut app, "Enter");
        assert_eq!(
            review_on_top(&app),
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
        let mut app = app(generated_year());
        app.session.theme = Theme::no_colour();
        for _ in 0..5 {
            app.update(Msg::Key(Action::Next));
        }
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
}

mod settings {
    use super::*;
    use crate::journal::ThemeChoice;

    #[test]
    fn the_settings_screen_80x24() {
        let mut app = app_at_home();
        app.update(Msg::Key(Action::OpenSettings));
        assert_snapshot!("settings_80x24", draw(&mut app, 80, 24).backend());
        app.update(Msg::Key(Action::Down));
        app.update(Msg::Key(Action::Right));
        assert_eq!(app.session.prefs.theme, ThemeChoice::HighContrast);
        assert_eq!(
            app.session.theme,
            Theme::high_contrast(),
            "a change applies at once"
        );
        assert_snapshot!(
            "settings_high_contrast_80x24",
            draw(&mut app, 80, 24).backend()
        );
    }

    #[test]
    fn your_own_triggers_listed_and_renamed_80x24() {
        let mut app = app_at_home();
        app.session.prefs.custom_triggers = vec![
            "money talk".into(),
            "my sister's visit".into(),
            "the long drive to his parents' house every second Sunday of the month".into(),
        ];
        press(&mut app, "o End Up");
        assert_snapshot!("settings_own_row_80x24", draw(&mut app, 80, 24).backend());
        press(&mut app, "Enter Down Down");
        assert_snapshot!(
            "settings_own_triggers_80x24",
            draw(&mut app, 80, 24).backend()
        );
        press(&mut app, "Up r");
        typed(&mut app, " again");
        assert_snapshot!(
            "settings_own_trigger_renamed_80x24",
            draw(&mut app, 80, 24).backend()
        );
    }

    #[test]
    fn settings_when_colour_is_forbidden_and_config_sets_a_value() {
        let mut app = app_at_home();
        app.session.colour_forbidden = true;
        app.session.config = std::sync::Arc::new(crate::config::Config {
            path: Some("/home/you/.config/closer/config.toml".into()),
            week_start: Some(crate::journal::WeekStart::Sunday),
            ..crate::config::Config::default()
        });
        app.update(Msg::Key(Action::OpenSettings));
        app.update(Msg::Key(Action::Down));
        app.update(Msg::Key(Action::Right));
        assert_eq!(
            app.session.theme,
            Theme::no_colour(),
            "no colour stays when colour is forbidden"
        );
        assert_snapshot!(
            "settings_forbidden_config_80x24",
            draw(&mut app, 80, 24).backend()
        );
    }

    #[test]
    fn home_in_each_theme_with_styles() {
        for (name, theme) in [
            ("default", Theme::calm()),
            ("high_contrast", Theme::high_contrast()),
            ("no_colour", Theme::no_colour()),
        ] {
            let mut app = app_at_home();
            app.session.theme = theme;
            let terminal = draw(&mut app, 80, 24);
            assert_snapshot!(
                format!("home_theme_{name}_80x24"),
                format!("{:?}", terminal.backend().buffer())
            );
        }
    }

    #[test]
    fn the_no_colour_theme_never_names_a_colour_on_any_screen() {
        let mut app = app_at_home();
        app.session.theme = Theme::no_colour();
        for action in [
            Action::OpenSettings,
            Action::Back,
            Action::OpenReview,
            Action::Back,
            Action::OpenInsights,
        ] {
            app.update(Msg::Key(action));
            let buffer = format!("{:?}", draw(&mut app, 80, 24).backend().buffer());
            for colour in ["fg: ", "bg: "] {
                let named = buffer
                    .lines()
                    .filter(|l| l.contains(colour) && !l.contains("Reset"))
                    .count();
                assert_eq!(named, 0, "{action:?}: {buffer}");
            }
        }
    }
}

/// Issue 17: the look-back on a due prediction, and an entry with a moment and predictions in
/// review, at 80×24 and 120×40.
mod moments {
    use std::sync::Arc;

    use super::*;
    use crate::journal::Journal;
    use crate::journal::{
        Badness, Ending, Episode, Likelihood, Name, Prediction, PredictionOutcome,
        PredictionResult, Repair, TriggerRef,
    };
    use crate::tui::session::Summary;

    fn app() -> App {
        let mut entries = crate::tui::test_support::twelve_entries();
        let newest = entries.iter_mut().max_by_key(|e| e.created_at).unwrap();
        newest.episodes.push(Episode {
            what: "He scrolled his phone while I told him about my day".into(),
            triggers: vec![TriggerRef::Id(Name::try_from("anxiety").unwrap())],
            urges: vec!["go-quiet".into(), "leave the room".into()],
            did: vec!["terse-talk".into()],
            next: "We ate in silence".into(),
            repair: Some(Repair::Own("Later I said it stung, and he listened".into())),
            ended: Some(Ending::Closer),
            extra: Default::default(),
        });
        newest.predictions.push(Prediction {
            fear: "He will brush it off if I bring it up".into(),
            likelihood: Likelihood::try_from(70).ok(),
            badness: Badness::try_from(4u8).ok(),
            look_back: newest.date + chrono::Days::new(1),
            outcome: Some(PredictionOutcome {
                on: newest.date + chrono::Days::new(1),
                result: PredictionResult::No,
                badness: None,
                instead: "He put the phone away and asked about it".into(),
                extra: Default::default(),
            }),
            extra: Default::default(),
        });
        let older = entries.iter_mut().min_by_key(|e| e.created_at).unwrap();
        older.predictions.push(Prediction {
            fear: "She will cancel our weekend".into(),
            likelihood: Likelihood::try_from(50).ok(),
            badness: Badness::try_from(3u8).ok(),
            look_back: older.date + chrono::Days::new(3),
            outcome: None,
            extra: Default::default(),
        });
        let mut app = app_at_home();
        app.loaded(Summary::from(Journal {
            entries: Arc::new(entries),
            checked_in_today: false,
            streak: 0,
            days: None,
            histories: Arc::default(),
            index: Arc::default(),
            in_order: false,
            ..Journal::default()
        }));
        app
    }

    #[test]
    fn the_look_back_and_an_entry_with_moments_at_80x24_and_120x40() {
        for (w, h) in [(80, 24), (120, 40)] {
            let mut a = app();
            press(&mut a, "c");
            assert!(matches!(a.top(), Screen::LookBack(_)), "{:?}", a.top());
            press(&mut a, "Space Down Right Right");
            assert_snapshot!(format!("look_back_{w}x{h}"), draw(&mut a, w, h).backend());

            let mut a = app();
            a.update(Msg::Key(Action::OpenReview));
            press(&mut a, "Enter");
            assert_snapshot!(
                format!("entry_with_moments_{w}x{h}"),
                draw(&mut a, w, h).backend()
            );
        }
    }
}

#[test]
fn lock_prompt_at_start_offering_a_check_in_80x24() {
    let mut app = app_at_home();
    app.session.encrypted = true;
    app.open_locked(true);
    typed(&mut app, "secret");
    assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn lock_after_idle_160x48() {
    let mut app = app_at_home();
    app.session.encrypted = true;
    app.lock(super::screens::lock::Why::Idle);
    assert_snapshot!(draw(&mut app, 160, 48).backend());
}

/// Issue "Private means private", item 5: the check-in written without unlocking.
mod locked {
    use insta::assert_snapshot;

    use crate::journal::{Perspective, Preferences};
    use crate::tui::app::App;
    use crate::tui::test_support::{draw, press, session, typed};

    /// As `closer checkin` opens on a locked journal, its check-in begun.
    fn checking_in() -> App {
        let mut app = App::new(session(Preferences {
            perspective: Some(Perspective::IPullAway.into()),
            ..Preferences::default()
        }));
        app.session.encrypted = true;
        app.open_locked(true);
        press(&mut app, "Ctrl-n");
        app
    }

    /// The feelings and triggers say why the person's own words are not there.
    #[test]
    fn the_lists_say_your_own_words_show_after_unlocking_80x24() {
        let mut app = checking_in();
        press(&mut app, "Tab");
        assert_snapshot!("locked_feelings_80x24", draw(&mut app, 80, 24).backend());
        press(&mut app, "Tab");
        // Only the top: the list below is the bundled content, which changes on its own.
        let text = draw(&mut app, 80, 24).backend().to_string();
        let top: Vec<&str> = text.lines().take(5).collect();
        assert_snapshot!("locked_triggers_top_80x24", top.join("\n"));
    }

    /// Kept as a draft, the check-in comes back to the prompt, which says so.
    #[test]
    fn kept_as_a_draft_back_at_the_prompt_80x24() {
        let mut app = checking_in();
        typed(&mut app, "2");
        let out = press(&mut app, "Esc s");
        for r in out {
            if let crate::tui::effect::Effect::SaveDraft(d) = r.effect {
                app.done(r.from, crate::tui::effect::Done::DraftSaved(d));
            }
        }
        assert!(app.is_locked(), "{:?}", app.top());
        assert_snapshot!(draw(&mut app, 80, 24).backend());
    }
}

/// Issue 37 (items 6 and 10): the check-in's note box and the look-back on a prediction.
mod checkin_polish {
    use std::sync::Arc;

    use insta::assert_snapshot;

    use crate::journal::Journal;
    use crate::journal::draft::{CheckInDraft, Step};
    use crate::journal::{Name, Prediction, TriggerLog, TriggerRef};
    use crate::tui::keys::Action;
    use crate::tui::screen::Msg;
    use crate::tui::screens::Screen;
    use crate::tui::screens::checkin::State;
    use crate::tui::session::Summary;
    use crate::tui::test_support::{app_at_home, draw, press, typed};

    /// Item 10: a long note on a trigger wraps inside its box; every word of it shows.
    #[test]
    fn a_long_trigger_note_wraps_in_its_box_80x24() {
        let mut app = app_at_home();
        let mut d = CheckInDraft::new(app.session.now, app.session.perspective());
        d.triggers.push(TriggerLog {
            trigger: TriggerRef::Id(Name::try_from("anxiety").unwrap()),
            intensity: None,
            note: String::new(),
            extra: Default::default(),
        });
        d.step = Step::Triggers;
        let state = State::new(d, &app.session);
        app.open_for_test(Screen::CheckIn(Box::new(state)));
        app.update(Msg::Key(Action::Note));
        typed(
            &mut app,
            "It started before the call, when he said he was too tired to talk and I heard \
             it as not wanting to talk to me at all, which is the old story again",
        );
        let text = draw(&mut app, 80, 24).backend().to_string();
        for word in [
            "It started",
            "too tired",
            "not wanting",
            "the old story again",
        ] {
            assert!(text.contains(word), "{word:?} is cut off:\n{text}");
        }
        assert_snapshot!("checkin_trigger_note_wrapped_80x24", text);
    }

    /// Item 6: after "it did not happen", how bad it really was is not asked; a digit sets
    /// how bad it was otherwise.
    #[test]
    fn the_look_back_asks_only_what_applies_80x24() {
        let mut entries = crate::tui::test_support::twelve_entries();
        let newest = entries.iter_mut().max_by_key(|e| e.created_at).unwrap();
        newest.predictions.push(Prediction {
            fear: "He will brush it off if I bring it up".into(),
            likelihood: None,
            badness: None,
            look_back: newest.date,
            outcome: None,
            extra: Default::default(),
        });
        let mut app = app_at_home();
        app.loaded(Summary::from(Journal {
            entries: Arc::new(entries),
            ..Journal::default()
        }));
        press(&mut app, "c");
        let Screen::LookBack(_) = app.top() else {
            panic!("not the look-back: {:?}", app.top())
        };
        press(&mut app, "Space Down");
        typed(&mut app, "3");
        let Screen::LookBack(s) = app.top() else {
            panic!()
        };
        assert_eq!(s.form.number(1), Some(3), "a digit sets the scale");
        press(&mut app, "Up Right Right Space");
        let text = draw(&mut app, 80, 24).backend().to_string();
        assert!(!text.contains("How bad was it really"), "{text}");
        press(&mut app, "Down");
        let Screen::LookBack(s) = app.top() else {
            panic!()
        };
        assert_eq!(s.form.focus, 2, "Down goes on to what happened instead");
        assert_snapshot!("look_back_it_did_not_happen_80x24", text);
    }
}

/// Insights as a person reads them (issue 37, item 13): the window said at 80 columns, an empty
/// journal, and 160 columns.
mod insights_view {
    use std::sync::Arc;

    use crate::journal::Entry;
    use crate::journal::Journal;
    use crate::tui::app::App;
    use crate::tui::keys::Action;
    use crate::tui::screen::Msg;
    use crate::tui::session::Summary;
    use crate::tui::test_support::{app_at_home, draw, generated_year, twelve_entries};

    fn app(entries: Vec<Entry>) -> App {
        let mut app = app_at_home();
        app.loaded(Summary::from(Journal {
            entries: Arc::new(entries),
            checked_in_today: true,
            ..Journal::default()
        }));
        app.update(Msg::Key(Action::OpenInsights));
        app
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
            for _ in 0..4 {
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
}

/// Issue 37, items 17 and 18: chips kept whole, review's columns and list window, and words
/// that say what a key or a row does there.
mod polish_layout {
    use std::sync::Arc;

    use insta::assert_snapshot;

    use crate::journal::Journal;
    use crate::journal::draft::{CheckInDraft, Step};
    use crate::tui::app::App;
    use crate::tui::keys::Action;
    use crate::tui::screen::Msg;
    use crate::tui::screens::Screen;
    use crate::tui::screens::checkin::State;
    use crate::tui::session::Summary;
    use crate::tui::test_support::{app_at_home, draw, generated_year, press, typed};

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
        let mut app = app_at_home();
        app.loaded(Summary::from(Journal {
            entries: Arc::new(entries),
            checked_in_today: true,
            ..Journal::default()
        }));
        app.update(Msg::Key(Action::OpenReview));
        app
    }

    /// Item 17: at 80 and 160 columns a chip's box never ends a line apart from its label.
    #[test]
    fn chips_keep_their_box_with_their_label_at_80_and_160() {
        for (w, h) in [(80, 24), (160, 48)] {
            let mut app = checkin(Step::Episodes);
            let screen = rows(&mut app, w, h);
            assert!(screen.iter().any(|l| l.contains("[ ] ")), "{screen:#?}");
            for l in &screen {
                let t = l.trim_end();
                assert!(
                    !t.ends_with("[ ]") && !t.ends_with("[x]") && !t.ends_with('['),
                    "a box parted from its label at {w}: {screen:#?}"
                );
                assert!(!t.trim_start().starts_with(']'), "{w}: {screen:#?}");
            }
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
}
