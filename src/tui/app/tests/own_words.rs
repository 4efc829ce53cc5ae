//! The person's own feelings and triggers, and config values kept out of the stored preferences.

use super::*;
use crate::journal::entry::thin_vec;

/// `y` to the question on top asks for the trigger `from` to be renamed `to` in the entries:
/// the work asked for.
fn yes_renames(app: &mut App, from: &str, to: &str) -> Vec<Request> {
    let out = press(app, "y");
    assert!(
        effects(&out).contains(&&Effect::RenameTrigger(from.into(), to.into())),
        "{out:?}"
    );
    out
}

#[test]
fn own_feelings_are_remembered_offered_renamed_and_removed_and_entries_keep_their_words() {
    let mut app = app_at_home();
    press(&mut app, "c Tab");
    typed(&mut app, "wistful");
    press(&mut app, "Enter");
    assert!(checkin(&app).draft.emotions.contains(&"wistful".to_owned()));
    press_settled(&mut app, "Ctrl-s");
    assert!(is_home(&app));
    assert_eq!(app.session.prefs.custom_feelings, ["wistful"]);

    // The next check-in offers it without typing.
    press(&mut app, "c");
    assert!(
        checkin(&app)
            .list(Step::Emotions)
            .unwrap()
            .rows
            .iter()
            .any(|r| r.key == "wistful")
    );
    press(&mut app, "Esc");
    assert!(is_home(&app));

    // Settings: the last row lists them; r renames, d removes.
    press(&mut app, "o End Enter");
    press(&mut app, "r");
    for _ in 0.."wistful".len() {
        press(&mut app, "Backspace");
    }
    typed(&mut app, "homesick");
    press(&mut app, "Enter");
    assert_eq!(app.session.prefs.custom_feelings, ["homesick"]);
    assert!(matches!(&app.status, Some(Status::Info(t)) if t.contains("keep")));
    press(&mut app, "a");
    typed(&mut app, "Homesick");
    press(&mut app, "Enter");
    assert_eq!(
        app.session.prefs.custom_feelings,
        ["homesick"],
        "no second spelling"
    );
    press(&mut app, "d");
    assert!(app.session.prefs.custom_feelings.is_empty());
    let saved = app.session.entries().last().unwrap();
    assert_eq!(saved.emotions, ["wistful"], "the entry keeps its word");
    press(&mut app, "Esc Esc");
    assert!(is_home(&app));
}

/// Issue 20, item 14: what config.toml sets does not leak into state.json when the person
/// changes another setting on screen; what they change on screen is kept.
#[test]
fn config_values_stay_out_of_the_stored_preferences() {
    use crate::journal::ThemeChoice;
    let mut app = app_at_home();
    let own = app.session.prefs.clone();
    let config = crate::config::Config {
        theme: Some(ThemeChoice::HighContrast),
        ..crate::config::Config::default()
    };
    let mut effective = own.clone();
    config.apply(&mut effective);
    app.session.config = Arc::new(config);
    app.session.set_prefs(effective);
    app.session.stored_prefs = own.clone();
    // Settings: down to mood labels, change them.
    let out = press(&mut app, "o Down Down Right");
    let [Effect::SavePreferences(written)] = effects(&out)[..] else {
        panic!("{out:?}");
    };
    assert_eq!(written.theme, own.theme, "config's theme is not written");
    assert_eq!(app.session.stored_prefs.theme, own.theme);
    assert_ne!(
        app.session.stored_prefs.mood_labels, own.mood_labels,
        "the change made on screen is stored"
    );
    assert_eq!(
        app.session.prefs.theme,
        ThemeChoice::HighContrast,
        "still in use"
    );
}

/// Issue 37, item 9: renaming one of your own triggers that entries name asks whether to
/// rename it there too (a merge asks twice); Ctrl-W deletes a word; a removal is undone by u.
#[test]
fn renaming_an_own_trigger_offers_to_rename_it_in_entries_and_removal_undoes() {
    let mut app = app_at_home();
    app.session.prefs.custom_triggers = vec!["money talk".into(), "the dishes".into()];
    press(&mut app, "c 3 Tab Tab");
    typed(&mut app, "money talk");
    press(&mut app, "Enter");
    press_settled(&mut app, "Ctrl-s");
    assert!(is_home(&app));

    press(&mut app, "o End Up Enter");
    press(&mut app, "r");
    press(&mut app, "Ctrl-w");
    typed(&mut app, "rows");
    press_settled(&mut app, "Enter");
    assert_eq!(
        app.session.prefs.custom_triggers[0], "money rows",
        "Ctrl-W took a word"
    );
    assert_eq!(question(&app), Some(Question::RenameInEntries));
    let out = yes_renames(&mut app, "money talk", "money rows");
    let from = out[0].from;
    app.done(from, Done::TriggerRenamed(1));
    assert!(
        matches!(&app.status, Some(Status::Info(t)) if t.contains("1 entry") && t.contains("rename it back")),
        "{:?}",
        app.status
    );

    // Renaming to another of one's own merges them: asked twice.
    app.session.prefs.custom_triggers = vec!["money talk".into(), "the dishes".into()];
    press(&mut app, "Home r");
    for _ in 0.."money talk".len() {
        press(&mut app, "Backspace");
    }
    typed(&mut app, "The Dishes");
    press(&mut app, "Enter");
    assert_eq!(question(&app), Some(Question::RenameInEntries));
    let out = press(&mut app, "y");
    assert!(out.is_empty(), "{out:?}");
    assert_eq!(question(&app), Some(Question::ReallyMerge));
    yes_renames(&mut app, "money talk", "The Dishes");

    // Removing one is undone by u, in its place.
    app.session.prefs.custom_triggers = vec!["a".into(), "b".into(), "c".into()];
    press(&mut app, "Home Down d");
    assert_eq!(app.session.prefs.custom_triggers, ["a", "c"]);
    press(&mut app, "u");
    assert_eq!(app.session.prefs.custom_triggers, ["a", "b", "c"]);
}

/// Issue 37, item 9: the store renames a trigger of the person's own in every entry at once,
/// merging it where an entry names the new name too; other entries and triggers are left.
#[test]
fn the_store_renames_an_own_trigger_in_every_entry() {
    use crate::journal::{Name, TriggerLog};
    let dir = tempfile::tempdir().unwrap();
    let store = crate::store::Store::open(dir.path().join("j")).unwrap();
    let custom = |n: &str, note: &str| TriggerLog {
        trigger: TriggerRef::Custom(Name::try_from(n).unwrap()),
        intensity: None,
        note: note.into(),
        extra: Default::default(),
    };
    let mut entries = twelve_entries();
    entries[0].triggers = thin_vec![custom("Money talk", "rent")];
    entries[1].triggers = thin_vec![custom("money talk", "a"), custom("the dishes", "b")];
    entries[2].triggers = thin_vec![custom("the dishes", "")];
    for e in &entries {
        store.save_entry(e).unwrap();
    }
    assert_eq!(
        store
            .rename_custom_trigger("money talk", "the dishes")
            .unwrap(),
        2
    );
    let mut read: Vec<Entry> = Vec::new();
    for e in &entries[..3] {
        read.extend(
            store
                .day(e.date)
                .unwrap()
                .into_iter()
                .filter(|x| x.id == e.id),
        );
    }
    assert_eq!(read[0].triggers, vec![custom("the dishes", "rent")]);
    assert_eq!(read[1].triggers, vec![custom("the dishes", "a\nb")]);
    assert_eq!(read[2].triggers, vec![custom("the dishes", "")]);
    assert_eq!(read[0].updated_at, entries[0].updated_at);
}
