//! Moving between screens: first run, home, support, help, the guide, sizes and scrolling.

use super::*;

#[test]
fn first_run_choice_goes_home_and_saves() {
    let mut app = app_first_run();
    press(&mut app, "Down");
    let out = press(&mut app, "Enter");
    assert!(is_home(&app));
    assert_eq!(
        app.session.perspective(),
        Some(Perspective::PartnerPullsAway)
    );
    assert!(matches!(effects(&out)[..], [Effect::SavePreferences(_)]));
}

#[test]
fn both_can_be_chosen_at_first_run_and_home_says_so() {
    let mut app = app_first_run();
    let out = press(&mut app, "3");
    assert!(is_home(&app));
    assert_eq!(
        app.session.prefs.perspective,
        Some(crate::journal::PerspectiveChoice::Both)
    );
    assert_eq!(app.session.perspective(), None, "content from both");
    assert!(matches!(effects(&out)[..], [Effect::SavePreferences(_)]));
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("Perspective   Both"), "{text}");
}

#[test]
fn support_opens_and_esc_goes_back_and_q_quits_only_from_home() {
    let mut app = app_at_home();
    assert!(matches!(after(&mut app, "!"), Screen::Support(_)));
    press(&mut app, "q");
    assert!(is_home(&app), "q on support goes back");
    assert!(!app.quit);
    press(&mut app, "Esc");
    assert!(is_home(&app), "Esc on home stays home");
    press(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn help_swallows_other_keys_and_closes() {
    let mut app = app_at_home();
    assert!(matches!(after(&mut app, "?"), Screen::Help(_)));
    assert!(matches!(after(&mut app, "c x"), Screen::Help(_)));
    press(&mut app, "?");
    assert!(is_home(&app));
}

#[test]
fn a_failure_shows_until_the_next_key() {
    let mut app = app_at_home();
    app.done(APP, Done::Failed("cannot save".into()));
    assert_eq!(app.status, Some(Status::Error("cannot save".into())));
    press(&mut app, "?");
    assert_eq!(app.status, None);
}

#[test]
fn ticks_move_the_date() {
    let mut app = app_at_home();
    let tomorrow = app.session.now + chrono::Duration::days(1);
    assert!(matches!(
        effects(&app.tick(tomorrow))[..],
        [Effect::LoadJournal]
    ));
    assert_eq!(app.session.today, tomorrow.date_naive());
    assert!(app.tick(tomorrow).is_empty());
}

/// Bug 1: a screen asked for while the journal is read opens once it is read.
#[test]
fn review_or_insights_asked_for_while_loading_open_when_the_journal_is_read() {
    for (key, want_review) in [("r", true), ("i", false)] {
        let mut app = app_unread();
        press(&mut app, key);
        assert!(is_home(&app));
        assert!(matches!(&app.status, Some(Status::Info(t)) if t.contains("Still reading")));
        read_journal(&mut app, twelve_entries());
        match app.top() {
            Screen::Review(r) => assert!(want_review && r.results.len() == 12),
            Screen::Insights(_) => assert!(!want_review),
            other => panic!("{other:?}"),
        }
    }
}

/// Bug 3: keys pressed on the "make the terminal larger" screen acted on the hidden screen.
#[test]
fn while_the_terminal_is_too_small_only_ctrl_c_does_anything() {
    let mut app = app_at_home();
    app.resize(50, 15);
    press(&mut app, "c Tab Tab q");
    assert!(is_home(&app));
    assert!(!app.quit);
    app.update(Msg::Paste("typed into nothing".into()));
    assert!(is_home(&app));
    assert!(screen_text(&mut app, 50, 15).contains("Make the terminal larger"));
    press(&mut app, "Ctrl-c");
    assert!(app.quit);
}

/// Bug 2: every scrolled view stops exactly at its last line, at every size.
#[test]
fn scrolled_views_stop_at_their_last_line_at_every_size() {
    for (w, h) in [(60, 20), (80, 24), (160, 48)] {
        // Each view: how to open it, and a line that is last in it.
        let views: [(&str, &str); 5] = [
            (
                "c 2 3 Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab",
                "Enter or Ctrl-S saves this check-in.",
            ),
            ("!", "sliding"),
            ("?", "Esc close this help"),
            ("i Tab Tab", "intensity"),
            ("i Tab Tab Tab", "Feelings named most often"),
        ];
        for (open, last) in views {
            let mut app = app_at_home();
            if open.starts_with('i') {
                read_journal(&mut app, crate::tui::test_support::generated_year());
            }
            app.resize(w, h);
            press(&mut app, open);
            let mut bottom = screen_text(&mut app, w, h);
            for _ in 0..300 {
                press(&mut app, "Down");
                let now = screen_text(&mut app, w, h);
                if now == bottom {
                    break;
                }
                bottom = now;
            }
            press(&mut app, "Down PgDn");
            let after = screen_text(&mut app, w, h);
            assert_eq!(bottom, after, "{open} at {w}×{h}: scrolled past its end");
            assert!(bottom.contains(last), "{open} at {w}×{h}:\n{bottom}");
            // And not a blank screen: the body has text up to the end.
            let body_lines = bottom.lines().filter(|l| l.trim().len() > 2).count();
            assert!(
                body_lines > usize::from(h) / 3,
                "{open} at {w}×{h}:\n{bottom}"
            );
        }
    }
}

#[test]
fn the_entry_view_stops_at_its_last_line() {
    let mut app = app_at_home();
    let mut entry = app.session.entries()[11].clone();
    entry.notes = "a line of notes\n".repeat(60) + "the very end";
    app.session.upsert(entry);
    app.update(Msg::JournalChanged);
    press(&mut app, "r Enter");
    screen_text(&mut app, 80, 24);
    for _ in 0..200 {
        press(&mut app, "Down");
    }
    let bottom = screen_text(&mut app, 80, 24);
    assert!(bottom.contains("the very end"), "{bottom}");
    press(&mut app, "Down");
    assert_eq!(screen_text(&mut app, 80, 24), bottom);
}

#[test]
fn the_guide_opens_from_home_check_in_and_review_and_esc_comes_back() {
    let mut app = app_at_home();
    assert!(matches!(after(&mut app, "s"), Screen::Guide(_)));
    press(&mut app, "Esc");
    assert!(is_home(&app));
    press(&mut app, "c 2 Tab Tab");
    assert_eq!(checkin(&app).step(), Step::Triggers);
    act(&mut app, Action::LearnMore);
    assert!(matches!(app.top(), Screen::Guide(_)));
    press(&mut app, "Esc");
    assert_eq!(checkin(&app).step(), Step::Triggers);
    assert_eq!(mood(&app), Some(2));

    let mut app = app_at_home();
    press(&mut app, "r Enter o");
    assert!(matches!(app.top(), Screen::Guide(_)));
    press(&mut app, "Esc");
    assert!(matches!(app.top(), Screen::ReviewEntry(_)));
}

#[test]
fn no_key_is_bound_twice_and_ctrl_c_quits_everywhere() {
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    for (name, table) in all_keys() {
        let keys: Vec<_> = table.iter().flat_map(|b| b.keys.iter().copied()).collect();
        for (i, k) in keys.iter().enumerate() {
            assert!(
                !keys[i + 1..].contains(k),
                "{name}: {} bound twice",
                k.label()
            );
        }
        assert_eq!(translate(&table, &ctrl_c), Some(Action::Quit), "{name}");
    }
}

#[test]
fn help_lists_exactly_the_keys_that_work_on_every_screen() {
    for (name, table) in all_keys() {
        let listed = help::entries(&table);
        assert_eq!(listed.len(), table.len(), "{name}");
        for (b, (keys, text)) in table.iter().zip(&listed) {
            assert_eq!(&b.keys_label(), keys, "{name}");
            assert_eq!(&b.help, text, "{name}");
            for k in b.keys {
                assert_eq!(translate(&table, &k.event()), Some(b.action), "{name}");
            }
        }
        // A key help does not list does nothing (printable keys on text screens are typed,
        // which is not a binding).
        for c in ['x', 'Q', 'Z', '~', 'é'] {
            let listed_c = listed
                .iter()
                .any(|(keys, _)| keys.split(" / ").any(|k| k == c.to_string()));
            let does =
                translate(&table, &KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)).is_some();
            assert_eq!(listed_c, does, "{name} {c}");
        }
        let out = table.iter().any(|b| {
            matches!(
                b.action,
                Action::Back | Action::ToggleHelp | Action::No | Action::Quit
            )
        });
        assert!(out, "{name} has no way out");
    }
}

#[test]
fn the_help_overlay_lists_the_keys_of_the_screen_beneath() {
    let mut app = app_at_home();
    press(&mut app, "r /");
    let beneath = app.keys();
    press(&mut app, "F1");
    let Screen::Help(h) = app.top() else {
        panic!("{:?}", app.top());
    };
    assert_eq!(help::entries(&h.keys), help::entries(&beneath));
}

#[test]
fn a_request_made_while_loading_lapses_if_the_person_went_elsewhere() {
    let mut app = app_unread();
    press(&mut app, "r c 3");
    read_journal(&mut app, twelve_entries());
    assert_eq!(mood(&app), Some(3), "the check-in stays in front");
    press_settled(&mut app, "Esc s");
    assert!(is_home(&app), "and review did not open beneath it");
}

#[test]
fn a_page_down_right_after_opening_an_entry_scrolls_the_entry() {
    let mut app = app_at_home();
    let mut entry = app.session.entries()[11].clone();
    entry.notes = "a line of notes\n".repeat(60);
    app.session.upsert(entry);
    app.update(Msg::JournalChanged);
    press(&mut app, "r");
    screen_text(&mut app, 80, 24);
    // Enter and PgDn in one burst, before any frame.
    press(&mut app, "Enter PgDn");
    let Screen::ReviewEntry(r) = app.top() else {
        panic!("{:?}", app.top());
    };
    assert!(
        r.list.scroll > 0,
        "PgDn read the entry's layout, not the list's"
    );
}

/// Issue 20, item 9: one plural helper, in insights too.
#[test]
fn counts_of_one_read_as_one() {
    let with_one = crate::journal::insights::Comparison {
        with: Some(2.0),
        without: Some(3.0),
        days_with: 1,
        days_without: 1,
    };
    let text = with_one.describe("mood");
    assert!(text.contains("1 day with it"), "{text}");
    assert!(!text.contains("1 days"), "{text}");
}

/// Issue 37, item 5: `closer review` on a journal with no perspective kept yet (an import, a
/// generated journal) opens review once Welcome is answered, whether the journal was read
/// before or after; Welcome's footer says the digits choose at once.
#[test]
fn closer_review_on_a_first_run_opens_review_after_welcome() {
    for read_first in [true, false] {
        let mut app = app_first_run();
        let summary =
            crate::tui::session::Summary::of(Arc::new(twelve_entries()), app.session.today, 0);
        if read_first {
            app.loaded(summary.clone());
        }
        app.request(Action::OpenReview);
        assert!(matches!(app.top(), Screen::FirstRun(_)));
        press(&mut app, "2");
        if !read_first {
            assert!(is_home(&app), "review waits for the journal");
            app.loaded(summary);
        }
        assert!(
            matches!(app.top(), Screen::Review(_)),
            "{read_first}: {:?}",
            app.top()
        );
        press(&mut app, "Esc");
        assert!(is_home(&app), "home is beneath");
    }
    let mut app = app_first_run();
    let line = footer(&mut app);
    assert!(line.contains("1 2 3 choose"), "{line}");
    assert!(!line.contains("Enter confirm"), "{line}");
}

/// Issue 37, item 18: Support's footer offers ↓ only while there is more below; a
/// type-to-filter list's footer does not offer Space to pick while Space types a space; the
/// trash of one entry is not "them".
#[test]
fn footers_offer_only_what_the_keys_do_now() {
    // The footer offers `offer` once `keys` are pressed, and no longer after `then`.
    let offered_until = |keys: &str, offer: &str, then: &dyn Fn(&mut App)| {
        let mut app = app_at_home();
        press(&mut app, keys);
        assert!(footer(&mut app).contains(offer));
        then(&mut app);
        let line = footer(&mut app);
        assert!(!line.contains(offer), "{line}");
    };
    offered_until("!", "↓ scroll", &|app| {
        press(app, "End");
    });
    offered_until("r f Enter", "Space pick", &|app| {
        typed(app, "a");
    });

    let mut app = app_at_home();
    press(&mut app, "r t");
    let Screen::ReviewTrash(trash) = app.top_mut() else {
        panic!()
    };
    let entry = twelve_entries().remove(0);
    trash.trash = vec![crate::tui::effect::TrashItem {
        path: "/trash/one.json".into(),
        deleted_at: entry.created_at,
        entry,
    }];
    press(&mut app, "E");
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("The entry in the trash"), "{text}");
    press(&mut app, "y");
    let text = screen_text(&mut app, 80, 24);
    assert!(!text.contains("them"), "{text}");
}
