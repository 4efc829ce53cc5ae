//! The guide's browsing, searching and navigation.

use super::*;
use crate::tui::test_support::catalog;

fn ctx<'a>(
    catalog: &'a Catalog,
    prefs: &'a Preferences,
    histories: &'a BTreeMap<String, StrategyHistory>,
) -> Ctx<'a> {
    Ctx {
        catalog,
        prefs,
        perspective: Some(Perspective::PartnerPullsAway),
        histories,
        size: (80, 24),
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
    let prefs = Preferences::default();
    let h = BTreeMap::new();
    let mut state = State::new(Page::Strategy("active-listening".into()));
    let out = update(
        &mut state,
        Msg::Action(Action::Favourite),
        ctx(&c, &prefs, &h),
    );
    let Outcome::SavePreferences(saved, text) = out else {
        panic!("{out:?}")
    };
    assert_eq!(saved.favourites, ["active-listening"]);
    assert!(text.contains("favourites"));
    let out = update(
        &mut state,
        Msg::Action(Action::Favourite),
        ctx(&c, &saved, &h),
    );
    assert!(matches!(out, Outcome::SavePreferences(p, _) if p.favourites.is_empty()));
    let out = update(
        &mut state,
        Msg::Action(Action::PlanNext),
        ctx(&c, &prefs, &h),
    );
    assert!(
        matches!(out, Outcome::SavePreferences(p, _) if p.planned_next == ["active-listening"])
    );
}

#[test]
fn links_are_selected_with_tab_followed_with_enter_and_esc_comes_back() {
    let c = catalog();
    let prefs = Preferences::default();
    let h = BTreeMap::new();
    let mut state = State::new(Page::Strategy("active-listening".into()));
    let out = update(
        &mut state,
        Msg::Action(Action::Confirm),
        ctx(&c, &prefs, &h),
    );
    assert!(matches!(out, Outcome::Notice(_)), "no link selected yet");
    update(&mut state, Msg::Action(Action::Next), ctx(&c, &prefs, &h));
    assert_eq!(state.current().unwrap().link, Some(0));
    update(
        &mut state,
        Msg::Action(Action::Confirm),
        ctx(&c, &prefs, &h),
    );
    let first_trigger = c.strategy("active-listening").unwrap().triggers[0].clone();
    assert_eq!(state.current().unwrap().page, Page::Trigger(first_trigger));
    assert_eq!(
        update(&mut state, Msg::Action(Action::Back), ctx(&c, &prefs, &h)),
        Outcome::Stay
    );
    assert_eq!(
        state.current().unwrap().page,
        Page::Strategy("active-listening".into())
    );
    assert_eq!(
        update(&mut state, Msg::Action(Action::Back), ctx(&c, &prefs, &h)),
        Outcome::Close
    );
}

#[test]
fn a_trigger_links_to_its_digest_sections_opened_at_the_section() {
    let c = catalog();
    let prefs = Preferences::default();
    let h = BTreeMap::new();
    let mut state = State::new(Page::Trigger("anxiety".into()));
    update(&mut state, Msg::Action(Action::Next), ctx(&c, &prefs, &h));
    update(
        &mut state,
        Msg::Action(Action::Confirm),
        ctx(&c, &prefs, &h),
    );
    let open = state.current().unwrap().clone();
    let Page::Digest(id) = &open.page else {
        panic!("{open:?}")
    };
    let (d, s) = c.sections_for_trigger("anxiety")[0];
    assert_eq!(id, &d.id);
    // The page opens scrolled to that section's heading.
    let laid = lay_out(&open, ctx(&c, &prefs, &h), &Theme::no_color(), 78);
    let line = laid.lines[usize::from(open.scroll)].to_string();
    assert!(
        s.heading.starts_with(line.trim()),
        "{line:?} vs {:?}",
        s.heading
    );
}

#[test]
fn scrolling_stops_at_the_end() {
    let c = catalog();
    let prefs = Preferences::default();
    let h = BTreeMap::new();
    let mut state = State::new(Page::Digest("why-a-partner-pulls-away".into()));
    for _ in 0..400 {
        update(&mut state, Msg::Action(Action::Down), ctx(&c, &prefs, &h));
    }
    let bottom = state.current().unwrap().scroll;
    update(&mut state, Msg::Action(Action::Bottom), ctx(&c, &prefs, &h));
    assert_eq!(state.current().unwrap().scroll, bottom);
    assert!(bottom > 50, "a long digest");
    update(&mut state, Msg::Action(Action::Top), ctx(&c, &prefs, &h));
    assert_eq!(state.current().unwrap().scroll, 0);
}

#[test]
fn the_learn_index_is_a_menu_of_every_digest_and_trigger() {
    let c = catalog();
    let prefs = Preferences::default();
    let h = BTreeMap::new();
    let open = Open::new(Page::Learn);
    let laid = lay_out(&open, ctx(&c, &prefs, &h), &Theme::no_color(), 78);
    assert_eq!(laid.links.len(), c.digests.len() + c.triggers.len());
    let mut state = State::new(Page::Learn);
    assert_eq!(
        state.current().unwrap().link,
        Some(0),
        "the first entry starts selected"
    );
    update(&mut state, Msg::Action(Action::Down), ctx(&c, &prefs, &h));
    update(
        &mut state,
        Msg::Action(Action::Confirm),
        ctx(&c, &prefs, &h),
    );
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
    let laid = lay_out(&open, ctx(&c, &prefs, &h), &Theme::no_color(), 200);
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
    let c = catalog();
    let prefs = Preferences::default();
    let h = BTreeMap::new();
    let mut state = State::new(Page::Library);
    update(
        &mut state,
        Msg::Action(Action::StartSearch),
        ctx(&c, &prefs, &h),
    );
    assert!(state.takes_text());
    for ch in "listen".chars() {
        update(
            &mut state,
            Msg::Input(Input {
                key: TextKey::Char(ch),
                ..Input::default()
            }),
            ctx(&c, &prefs, &h),
        );
    }
    assert_eq!(state.library.search, "listen");
    update(
        &mut state,
        Msg::Action(Action::Confirm),
        ctx(&c, &prefs, &h),
    );
    assert!(!state.takes_text());
    update(
        &mut state,
        Msg::Action(Action::Confirm),
        ctx(&c, &prefs, &h),
    );
    assert!(matches!(state.current().unwrap().page, Page::Strategy(_)));
}
