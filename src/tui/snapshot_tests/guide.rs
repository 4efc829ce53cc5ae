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
        assert_drawn!(format!("guide_{name}_80x24"), &mut app, 80, 24);
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
    app.session.prefs.perspective = Some(PerspectiveChoice::from(Perspective::PartnerPullsAway));
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
    assert_drawn!("guide_card_80x24", &mut app, 80, 24);
    // The other side of the pull has its own card.
    let mut app = app_at_home();
    app.session.prefs.perspective = Some(PerspectiveChoice::from(Perspective::PartnerPullsAway));
    press(&mut app, "p");
    let text = draw(&mut app, 80, 24).backend().to_string();
    assert!(
        text.contains("They've gone quiet and I'm spiralling"),
        "{text}"
    );
    assert!(!text.contains("I want to pull away"), "{text}");
    assert_drawn!("guide_card_partner_80x24", &mut app, 80, 24);
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
    assert_drawn!("guide_toolkit_i_pull_away_80x24", &mut app, 80, 24);
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
    app.session.prefs.perspective = Some(PerspectiveChoice::from(Perspective::PartnerPullsAway));
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
            assert_drawn!(format!("guide_{name}_{w}x{h}"), &mut app, w, h);
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
    assert_drawn!("guide_library_by_trigger_80x24", &mut app, 80, 24);
}

/// Scrolls the page open in `app`, drawn at `width`×`height`, a line at a time until `heading`
/// is at the top below the page's title, or the page's end is in view with `heading` on it.
fn scroll_to(app: &mut App, width: u16, height: u16, heading: &str) {
    let mut before = String::new();
    for _ in 0..400 {
        let text = draw(app, width, height).backend().to_string();
        let top: Vec<&str> = text.lines().skip(1).take(3).collect();
        if top.iter().any(|l| l.contains(heading)) {
            return;
        }
        if text == before {
            assert!(
                text.contains(heading),
                "{heading} is not on the page: {text}"
            );
            return;
        }
        before = text;
        press(app, "Down");
    }
    panic!("{heading} is never at the top");
}

/// An app on home whose journal logged "I'm afraid of my partner" yesterday.
fn frightened() -> App {
    use crate::journal::{Name, TriggerLog, TriggerRef};
    let mut app = app_at_home();
    let mut entries = crate::tui::test_support::twelve_entries();
    if let Some(last) = entries.last_mut() {
        last.triggers.push(TriggerLog {
            trigger: TriggerRef::Id(Name::try_from("control-or-fear").unwrap()),
            intensity: None,
            note: String::new(),
            extra: Default::default(),
        });
    }
    crate::tui::test_support::load(&mut app, entries, false, 3);
    app
}

/// Issue 34: the Toolkit's repairs by purpose, its question bank by tier, the checklist before
/// a hard talk and the weekly "state of us"; the page after a Safety trigger; the bids card.
#[test]
fn turning_toward_on_the_toolkit_page_on_a_safety_day_and_the_bids_card() {
    for (w, h) in [(80, 24), (160, 48)] {
        for (name, heading) in [
            ("repairs", "Ways to repair"),
            ("questions", "Questions to ask your partner"),
            ("talks", "Before a hard talk"),
        ] {
            let mut app = open(Page::Toolkit);
            scroll_to(&mut app, w, h, heading);
            assert_drawn!(format!("guide_toolkit_{name}_{w}x{h}"), &mut app, w, h);
        }
        let mut app = frightened();
        app.open_for_test(Screen::Guide(crate::tui::screens::guide::State::new(
            Page::Toolkit,
        )));
        let text = drawn_with(&mut app, w, h, &["For now, your safety comes first"]);
        assert!(!text.contains("Ways to start"), "{text}");
        assert_drawn!(format!("guide_toolkit_safety_{w}x{h}"), &mut app, w, h);
        let mut app = open(Page::Bids);
        drawn_with(&mut app, w, h, &["Bids for connection", "Turning toward"]);
        assert_drawn!(format!("guide_bids_{w}x{h}"), &mut app, w, h);
    }
}
