use super::*;
use crate::journal::ThemeChoice;

#[test]
fn the_settings_screen_80x24() {
    let mut app = app_at_home();
    app.update(Msg::Key(Action::OpenSettings));
    assert_drawn!("settings_80x24", &mut app, 80, 24);
    app.update(Msg::Key(Action::Down));
    app.update(Msg::Key(Action::Right));
    assert_eq!(app.session.prefs.theme, ThemeChoice::HighContrast);
    assert_eq!(
        app.session.theme,
        Theme::high_contrast(),
        "a change applies at once"
    );
    assert_drawn!("settings_high_contrast_80x24", &mut app, 80, 24);
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
    assert_drawn!("settings_own_row_80x24", &mut app, 80, 24);
    press(&mut app, "Enter Down Down");
    assert_drawn!("settings_own_triggers_80x24", &mut app, 80, 24);
    press(&mut app, "Up r");
    typed(&mut app, " again");
    assert_drawn!("settings_own_trigger_renamed_80x24", &mut app, 80, 24);
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
    assert_drawn!("settings_forbidden_config_80x24", &mut app, 80, 24);
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
