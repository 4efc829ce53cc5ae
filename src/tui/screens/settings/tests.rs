use super::*;

fn act(state: &mut State, prefs: &Preferences, action: Action) -> Change {
    change(state, Msg::Key(action), prefs, &Config::default())
}

#[test]
fn every_choice_cycles_both_ways() {
    let prefs = Preferences::default();
    let mut s = State::default();
    for (i, row) in Row::ALL.iter().enumerate().take(4) {
        s.cursor = i;
        let mut p = prefs.clone();
        let mut seen = Vec::new();
        for _ in 0..choices(*row).len() {
            seen.push(row.value(&p));
            let Some((next, _)) = act(&mut s, &p, Action::Right) else {
                panic!()
            };
            p = next;
        }
        assert_eq!(row.value(&p), row.value(&prefs), "{row:?} comes round");
        let Some((back, _)) = act(&mut s, &p, Action::Left) else {
            panic!()
        };
        assert_eq!(row.value(&back), *seen.last().unwrap());
    }
}

#[test]
fn the_editor_is_typed_and_emptying_it_means_the_environment() {
    let prefs = Preferences::default();
    let mut s = State {
        cursor: Row::ALL.iter().position(|r| *r == Row::Editor).unwrap(),
        editing: None,
        own: None,
    };
    assert_eq!(act(&mut s, &prefs, Action::Confirm), None);
    assert!(s.takes_text());
    for c in "nano".chars() {
        change(
            &mut s,
            Msg::Input(Input {
                key: TextKey::Char(c),
                ..Input::default()
            }),
            &prefs,
            &Config::default(),
        );
    }
    let Some((p, text)) = act(&mut s, &prefs, Action::Confirm) else {
        panic!()
    };
    assert_eq!(p.editor.as_deref(), Some("nano"));
    assert!(text.contains("nano"));
    let mut s = State {
        cursor: Row::ALL.iter().position(|r| *r == Row::Editor).unwrap(),
        editing: Some(String::new()),
        own: None,
    };
    let Some((p, _)) = act(&mut s, &p, Action::Confirm) else {
        panic!()
    };
    assert_eq!(p.editor, None);
}

#[test]
fn a_setting_the_config_file_fixes_says_so() {
    let config = Config {
        path: Some("/c/config.toml".into()),
        theme: Some(ThemeChoice::HighContrast),
        ..Config::default()
    };
    let mut s = State {
        cursor: 1,
        editing: None,
        own: None,
    };
    let out = change(
        &mut s,
        Msg::Key(Action::Right),
        &Preferences::default(),
        &config,
    );
    let Some((_, text)) = out else { panic!() };
    assert!(text.contains("/c/config.toml sets it too"), "{text}");
}
