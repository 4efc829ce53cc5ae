//! The guide's browsing, searching and navigation.

use std::collections::BTreeMap;
use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::*;
use crate::content::Catalog;
use crate::journal::Journal;
use crate::journal::history::StrategyHistory;
use crate::journal::{Perspective, Preferences};
use crate::tui::keys;
use crate::tui::session::Status;
use crate::tui::test_support::catalog;
use ratatui_textarea::{Input, Key as TextKey};

/// A session whose preferences are `prefs` and whose journal knows `histories`.
fn ctx(
    _catalog: &Catalog,
    prefs: &Preferences,
    histories: &BTreeMap<String, StrategyHistory>,
) -> Session {
    let mut prefs = prefs.clone();
    prefs.perspective = Some(Perspective::PartnerPullsAway.into());
    let mut session = crate::tui::test_support::session(prefs);
    session.journal = Some(Journal {
        histories: Arc::new(histories.clone()),
        ..Journal::default()
    });
    session
}

/// Draws the guide at 80×24 (as the app does before a key), then applies `msg`.
fn update_drawn(state: &mut State, msg: Msg, session: Session) -> Cmd {
    let mut layout = LastLayout::default();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let keys = keys::compose(super::keys(state), true);
    let cx = ViewCx {
        session: &session,
        status: None,
        keys: &keys,
    };
    terminal
        .draw(|f| view(state, &cx, f, f.area(), &mut layout))
        .unwrap();
    update(
        state,
        msg,
        &Ctx {
            session: &session,
            layout: &layout,
        },
    )
}

/// A session of default preferences whose journal has no history.
fn plain() -> Session {
    ctx(&catalog(), &Preferences::default(), &BTreeMap::new())
}

/// Draws the guide (default preferences, no history) and presses the key for `action`.
fn press(state: &mut State, action: Action) -> Cmd {
    update_drawn(state, Msg::Key(action), plain())
}

/// Types `text` a key at a time, drawing before each key as the app does.
fn type_text(state: &mut State, text: &str, session: impl Fn() -> Session) {
    for ch in text.chars() {
        update_drawn(
            state,
            Msg::Input(Input {
                key: TextKey::Char(ch),
                ..Input::default()
            }),
            session(),
        );
    }
}

/// The preferences a command keeps, and what it says of them.
fn kept(cmd: &Cmd) -> Option<(Preferences, String)> {
    let Cmd::Many(cmds) = cmd else { return None };
    match &cmds[..] {
        [Cmd::Prefs(p), Cmd::Status(Status::Info(text))] => Some(((**p).clone(), text.clone())),
        _ => None,
    }
}

#[test]
fn library_groups_by_category_trigger_or_not_at_all() {
    let c = catalog();
    let prefs = Preferences::default();
    let mut lib = Library {
        yours_only: false,
        ..Library::default()
    };
    let by_category = library_rows(&lib, &c, &prefs, None);
    assert_eq!(by_category.len(), c.strategies.len(), "each strategy once");
    for w in by_category.windows(2) {
        assert!(w[0].group.is_some());
    }
    lib.grouping = Grouping::Trigger;
    let by_trigger = library_rows(&lib, &c, &prefs, None);
    assert!(
        by_trigger.len() > c.strategies.len(),
        "a strategy sits under each trigger it fits"
    );
    for row in &by_trigger {
        let group = row.group.as_deref().unwrap();
        let trigger = c.triggers.iter().find(|t| t.name == group).unwrap();
        assert!(c.strategy(&row.id).unwrap().triggers.contains(&trigger.id));
    }
    lib.grouping = Grouping::None;
    let az = library_rows(&lib, &c, &prefs, None);
    let titles: Vec<String> = az
        .iter()
        .map(|r| c.strategy(&r.id).unwrap().title.to_lowercase())
        .collect();
    let mut sorted = titles.clone();
    sorted.sort();
    assert_eq!(titles, sorted);
}

#[test]
fn library_filters_by_perspective_and_search() {
    let c = catalog();
    let prefs = Preferences::default();
    let lib = Library::default();
    let yours = library_rows(&lib, &c, &prefs, Some(Perspective::PartnerPullsAway));
    assert!(yours.len() < c.strategies.len());
    for row in &yours {
        assert!(
            c.strategy(&row.id)
                .unwrap()
                .perspectives
                .contains(&Perspective::PartnerPullsAway)
        );
    }
    let searched = Library {
        search: "listen".into(),
        yours_only: false,
        ..Library::default()
    };
    let found = library_rows(&searched, &c, &prefs, None);
    assert!(found.iter().any(|r| r.id == "active-listening"));
    assert!(found.len() < c.strategies.len());
    let nothing = Library {
        search: "zebra crossing".into(),
        ..Library::default()
    };
    assert!(library_rows(&nothing, &c, &prefs, None).is_empty());
}

#[test]
fn favourites_first_when_asked() {
    let c = catalog();
    let last = c.strategies.last().unwrap().id.clone();
    let prefs = Preferences {
        favourites: vec![last.clone()],
        ..Preferences::default()
    };
    let lib = Library {
        grouping: Grouping::None,
        favourites_first: true,
        yours_only: false,
        ..Library::default()
    };
    assert_eq!(library_rows(&lib, &c, &prefs, None)[0].id, last);
}

#[test]
fn favourite_and_plan_toggle_and_say_so() {
    let c = catalog();
    let mut state = State::new(Page::Strategy("active-listening".into()));
    let out = press(&mut state, Action::Favourite);
    let Some((saved, text)) = kept(&out) else {
        panic!("{out:?}")
    };
    assert_eq!(saved.favourites, ["active-listening"]);
    assert!(text.contains("favourites"));
    let out = update_drawn(
        &mut state,
        Msg::Key(Action::Favourite),
        ctx(&c, &saved, &BTreeMap::new()),
    );
    assert!(kept(&out).is_some_and(|(p, _)| p.favourites.is_empty()));
    let out = press(&mut state, Action::PlanNext);
    assert!(kept(&out).is_some_and(|(p, _)| p.planned_next == ["active-listening"]));
}

#[test]
fn links_are_selected_with_tab_followed_with_enter_and_esc_comes_back() {
    let c = catalog();
    let mut state = State::new(Page::Strategy("active-listening".into()));
    let out = press(&mut state, Action::Confirm);
    assert!(
        matches!(out, Cmd::Status(Status::Info(_))),
        "no link selected yet"
    );
    press(&mut state, Action::Next);
    assert_eq!(state.current().unwrap().link, Some(0));
    press(&mut state, Action::Confirm);
    let first_trigger = c.strategy("active-listening").unwrap().triggers[0].clone();
    assert_eq!(state.current().unwrap().page, Page::Trigger(first_trigger));
    assert!(matches!(press(&mut state, Action::Back), Cmd::None));
    assert_eq!(
        state.current().unwrap().page,
        Page::Strategy("active-listening".into())
    );
    assert!(matches!(press(&mut state, Action::Back), Cmd::Pop));
}

#[test]
fn a_trigger_links_to_its_digest_sections_opened_at_the_section() {
    let c = catalog();
    let mut state = State::new(Page::Trigger("anxiety".into()));
    press(&mut state, Action::Next);
    press(&mut state, Action::Confirm);
    // The section is found when the page is first drawn; any key then scrolls from there.
    press(&mut state, Action::Clear);
    let open = state.current().unwrap().clone();
    let Page::Digest(id) = &open.page else {
        panic!("{open:?}")
    };
    let (d, s) = c.sections_for_trigger("anxiety")[0];
    assert_eq!(id, &d.id);
    // The page opens scrolled to that section's heading.
    let laid = lay_out(&open, &plain(), &Theme::no_colour(), 78);
    let line = laid.lines[usize::from(open.scroll)].to_string();
    assert!(
        s.heading.starts_with(line.trim()),
        "{line:?} vs {:?}",
        s.heading
    );
}

#[test]
fn scrolling_stops_at_the_end() {
    let mut state = State::new(Page::Digest("why-a-partner-pulls-away".into()));
    for _ in 0..400 {
        press(&mut state, Action::Down);
    }
    let bottom = state.current().unwrap().scroll;
    press(&mut state, Action::Bottom);
    assert_eq!(state.current().unwrap().scroll, bottom);
    assert!(bottom > 50, "a long digest");
    press(&mut state, Action::Top);
    assert_eq!(state.current().unwrap().scroll, 0);
}

#[test]
fn the_learn_index_is_a_menu_of_every_digest_the_toolkit_the_card_and_every_trigger() {
    let c = catalog();
    let open = Open::new(Page::Learn);
    let laid = lay_out(&open, &plain(), &Theme::no_colour(), 78);
    // The digests and the safety page, things to say and try, bids, the card, the triggers.
    assert_eq!(laid.links.len(), c.digests.len() + 3 + c.triggers.len());
    let mut state = State::new(Page::Learn);
    assert_eq!(
        state.current().unwrap().link,
        Some(0),
        "the first entry starts selected"
    );
    press(&mut state, Action::Down);
    press(&mut state, Action::Confirm);
    assert_eq!(
        state.current().unwrap().page,
        Page::Digest(c.digests[1].id.clone())
    );
}

#[test]
fn the_strategy_page_shows_the_journal_history() {
    let c = catalog();
    let prefs = Preferences::default();
    let mut h = BTreeMap::new();
    h.insert(
        "active-listening".to_owned(),
        StrategyHistory {
            planned: 3,
            tried: 2,
            helpfulness_sum: 9,
            rated: 2,
            last_tried: "2026-11-20".parse().ok(),
        },
    );
    let open = Open::new(Page::Strategy("active-listening".into()));
    let laid = lay_out(&open, &ctx(&c, &prefs, &h), &Theme::no_colour(), 200);
    let text: Vec<String> = laid.lines.iter().map(ToString::to_string).collect();
    assert!(
        text.iter().any(|l| l.contains(
            "Planned 3 times · tried 2 times · helpfulness 4.5 of 5 on average · last tried 20 November 2026"
        )),
        "{text:#?}"
    );
}

#[test]
fn library_search_is_typed_and_cleared() {
    let mut state = State::new(Page::Library);
    press(&mut state, Action::StartSearch);
    assert!(state.takes_text());
    type_text(&mut state, "listen", plain);
    assert_eq!(state.library.search, "listen");
    press(&mut state, Action::Confirm);
    assert!(!state.takes_text());
    press(&mut state, Action::Confirm);
    assert!(matches!(state.current().unwrap().page, Page::Strategy(_)));
}

/// Issue 20, item 5: the Learn index moves with g/G and PgUp/PgDn too.
#[test]
fn the_learn_index_has_top_bottom_and_page_keys() {
    let c = catalog();
    let mut state = State::new(Page::Learn);
    press(&mut state, Action::Bottom);
    let last = c.digests.len() + 3 + c.triggers.len() - 1;
    assert_eq!(state.current().unwrap().link, Some(last));
    press(&mut state, Action::Top);
    assert_eq!(state.current().unwrap().link, Some(0));
    press(&mut state, Action::PageDown);
    assert!(state.current().unwrap().link.unwrap() > 1);
    assert!(
        super::keys(&state)
            .iter()
            .any(|b| b.action == Action::Bottom)
    );
}

/// Issue 20, item 5: the Learn index can be searched, and a found item opened.
#[test]
fn the_learn_index_can_be_searched() {
    let c = catalog();
    let mut state = State::new(Page::Learn);
    assert!(
        super::keys(&state)
            .iter()
            .any(|b| b.action == Action::StartSearch)
    );
    press(&mut state, Action::StartSearch);
    assert!(state.takes_text());
    type_text(&mut state, "abandon", plain);
    let open = state.current().unwrap().clone();
    assert_eq!(open.search, "abandon");
    let laid = lay_out(&open, &plain(), &Theme::no_colour(), 78);
    let every = c.digests.len() + c.triggers.len();
    assert!(
        !laid.links.is_empty() && laid.links.len() < every,
        "{} of {every}",
        laid.links.len()
    );
    assert!(
        laid.links
            .iter()
            .any(|(l, _)| *l == Link::Trigger("fear-of-abandonment".into()))
    );
    // Enter keeps the search, Enter again opens what is selected.
    press(&mut state, Action::Confirm);
    assert!(!state.takes_text());
    assert_eq!(state.current().unwrap().search, "abandon");
    press(&mut state, Action::Confirm);
    assert_ne!(state.current().unwrap().page, Page::Learn);
    // Back on the index, Esc clears the search before it leaves.
    press(&mut state, Action::Back);
    assert_eq!(state.current().unwrap().page, Page::Learn);
    press(&mut state, Action::Back);
    assert_eq!(state.current().unwrap().search, "");
    assert_eq!(state.stack.len(), 1);
    // Nothing found is said.
    press(&mut state, Action::StartSearch);
    update_drawn(&mut state, Msg::Paste("zzqqxx".into()), plain());
    let open = state.current().unwrap().clone();
    let laid = lay_out(&open, &plain(), &Theme::no_colour(), 78);
    assert!(laid.links.is_empty());
    let text: String = laid.lines.iter().map(|l| format!("{l}\n")).collect();
    assert!(text.contains("Nothing in Learn matches"), "{text}");
}

/// A session of default preferences (a partner who pulls away) whose journal logged "I'm afraid
/// of my partner" yesterday.
fn frightened(perspective: Option<Perspective>) -> Session {
    let mut session = plain();
    session.prefs.perspective = perspective.map(Into::into);
    let mut entries = crate::tui::test_support::twelve_entries();
    if let Some(last) = entries.last_mut() {
        last.triggers.push(crate::journal::TriggerLog {
            trigger: crate::journal::TriggerRef::Id(
                crate::journal::Name::try_from("control-or-fear").unwrap(),
            ),
            intensity: None,
            note: String::new(),
            extra: Default::default(),
        });
    }
    session.journal = Some(Journal {
        entries: Arc::new(entries),
        ..Journal::default()
    });
    session
}

/// The text of a page laid out at 200 columns (so nothing wraps), and its links.
fn page_text(page: Page, session: &Session) -> (String, Vec<Link>) {
    let laid = lay_out(&Open::new(page), session, &Theme::no_colour(), 200);
    let text: Vec<String> = laid.lines.iter().map(ToString::to_string).collect();
    (
        text.join("\n"),
        laid.links.into_iter().map(|(l, _)| l).collect(),
    )
}

/// Issue 34: repairs by purpose, the question bank by tier, the checklist before a hard talk,
/// the weekly "state of us" and a link to the bids card, for each perspective.
#[test]
fn the_toolkit_shows_repairs_by_purpose_questions_by_tier_and_the_talks() {
    let c = catalog();
    for p in Perspective::ALL {
        let mut session = plain();
        session.prefs.perspective = Some(p.into());
        let (text, links) = page_text(Page::Toolkit, &session);
        for purpose in crate::content::Purpose::ALL {
            assert!(text.contains(&format!("  {}", purpose.label())), "{text}");
        }
        for tier in crate::content::Tier::ALL {
            assert!(
                text.contains(&format!("  {}\n  {}", tier.label(), tier.note())),
                "{text}"
            );
        }
        for q in c
            .toolkit
            .questions
            .iter()
            .filter(|q| q.perspectives.contains(&p))
        {
            assert!(text.contains(&q.text), "{}", q.id);
        }
        for r in c
            .toolkit
            .repairs
            .iter()
            .filter(|r| r.perspectives.contains(&p))
        {
            assert!(text.contains(&r.text), "{}", r.id);
        }
        let t = &c.turning;
        assert!(text.contains(&t.hard_talk.title));
        for item in &t.hard_talk.items {
            assert!(text.contains(&format!("  [ ] {item}")), "{item}");
        }
        assert!(text.contains(&t.state_of_us.title));
        for (i, step) in t.state_of_us.steps.iter().enumerate() {
            assert!(text.contains(&format!(
                "  {}. {}\n     {}",
                i + 1,
                step.heading,
                step.prompt
            )));
        }
        assert!(text.contains("For a relationship that is safe"));
        assert!(links.contains(&Link::Bids));
    }
    // The bids card's link opens it.
    let mut state = State::new(Page::Toolkit);
    press(&mut state, Action::Next);
    press(&mut state, Action::Confirm);
    assert_eq!(state.current().unwrap().page, Page::Bids);
}

/// Nothing may script talking with a partner after a Safety trigger: the Toolkit page shows no
/// line to say to the partner (not even an everyday question), no checklist, no "state of us" and no ritual, and one calm pointer to the
/// safety page in their place.
#[test]
fn after_a_safety_trigger_the_toolkit_scripts_no_talk_with_the_partner() {
    let c = catalog();
    for p in [
        None,
        Some(Perspective::IPullAway),
        Some(Perspective::PartnerPullsAway),
    ] {
        let session = frightened(p);
        assert!(
            c.safety_logged_recently(session.recent_entries(), session.today),
            "the fixture logs a Safety trigger"
        );
        let (text, links) = page_text(Page::Toolkit, &session);
        let k = &c.toolkit;
        for phrase in k.openers.iter().chain(&k.repairs).chain(&k.questions) {
            // Not even an everyday question: each starts a talk with the partner.
            assert!(!text.contains(&phrase.text), "{}: {text}", phrase.id);
        }
        let t = &c.turning;
        for hidden in [&t.hard_talk.title, &t.state_of_us.title]
            .into_iter()
            .chain(&t.hard_talk.items)
            .chain(t.state_of_us.steps.iter().map(|s| &s.prompt))
            .chain(k.rituals.iter().map(|r| &r.text))
        {
            assert!(!text.contains(hidden.as_str()), "{hidden}: {text}");
        }
        for gone in [
            "Ways to start",
            "Ways to repair",
            "Deeper",
            "For a relationship",
        ] {
            assert!(!text.contains(gone), "{gone}: {text}");
        }
        assert_eq!(text.matches("For now, your safety comes first").count(), 1);
        let safety = Link::Digest(crate::content::validate::SAFETY_PAGE.into(), 0);
        assert_eq!(
            links.iter().filter(|l| **l == safety).count(),
            1,
            "{links:?}"
        );
        // What does not start a talk stays: the traps and the cards.
        assert!(text.contains("Thinking traps") && !text.contains("Questions to ask"));
        assert!(links.iter().any(|l| matches!(l, Link::Card(_))));
    }
}

/// The bids card: what a bid is, three ways to answer, the examples for the person's side
/// (every one for both), and after a Safety trigger a pointer to the safety page first.
#[test]
fn the_bids_card_shows_the_examples_for_the_persons_side() {
    let c = catalog();
    let w = &c.turning.bids;
    for p in [
        None,
        Some(Perspective::IPullAway),
        Some(Perspective::PartnerPullsAway),
    ] {
        let mut session = plain();
        session.prefs.perspective = p.map(Into::into);
        let (text, links) = page_text(Page::Bids, &session);
        for line in [&w.title, &w.toward, &w.away, &w.against] {
            assert!(text.contains(line.as_str()), "{line}");
        }
        for e in &w.examples {
            assert_eq!(
                text.contains(&e.text),
                crate::content::fits(&e.perspectives, p),
                "{}",
                e.text
            );
        }
        assert!(!text.contains("If you are afraid of your partner"));
        assert!(links.contains(&Link::Toolkit));
        let (text, links) = page_text(Page::Bids, &frightened(p));
        assert!(text.contains("If you are afraid of your partner"), "{text}");
        assert!(links.contains(&Link::Digest(
            crate::content::validate::SAFETY_PAGE.into(),
            0
        )));
    }
}

/// Learn's search finds the bids card by "bid" and "turn toward", and Learn lists it.
#[test]
fn learn_finds_the_bids_card() {
    for q in ["bid", "turn toward"] {
        let mut open = Open::new(Page::Learn);
        open.search = q.into();
        let laid = lay_out(&open, &plain(), &Theme::no_colour(), 78);
        assert!(
            laid.links.iter().any(|(l, _)| *l == Link::Bids),
            "{q}: {:?}",
            laid.links
        );
    }
    let (_, links) = page_text(Page::Learn, &plain());
    assert!(links.contains(&Link::Bids));
}
