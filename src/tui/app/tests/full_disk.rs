//! Words that cannot be written (a full disk): closer stays and asks until they are somewhere.

use super::*;

/// A check-in with `words` typed in Reflect.
fn words_in_reflect(words: &str) -> App {
    let mut app = app_at_home();
    press(&mut app, "c Tab Tab Tab Tab");
    typed(&mut app, words);
    app
}

/// Case r01: Ctrl-C on a full disk used to quit at once (status 0) with the words in no file.
/// Now closer stays and asks: try again, a file, or quit without them after a second question.
#[test]
fn quitting_with_words_that_cannot_be_written_asks_first() {
    let mut app = words_in_reflect("words on a full disk");
    press_on_full_disk(&mut app, "Ctrl-c");
    assert!(!app.quit, "not while the words are only in memory");
    assert_eq!(question(&app), Some(Question::QuitUnsaved));
    // Try again, still full: asked again.
    press_on_full_disk(&mut app, "r");
    assert!(!app.quit);
    assert_eq!(question(&app), Some(Question::QuitUnsaved));
    // Quit anyway asks a second time; n goes back to the choice.
    press(&mut app, "l");
    assert_eq!(question(&app), Some(Question::QuitWithout));
    press(&mut app, "n");
    assert_eq!(question(&app), Some(Question::QuitUnsaved));
    press(&mut app, "l y");
    assert!(app.quit);
}

#[test]
fn words_that_cannot_be_kept_can_go_to_a_file_and_then_closer_quits() {
    let mut app = app_at_home();
    app.session.home = Some("/home/you".into());
    press(&mut app, "c Tab Tab Tab Tab");
    typed(&mut app, "into a file");
    press_on_full_disk(&mut app, "Ctrl-c");
    press(&mut app, "f");
    assert!(matches!(app.top(), Screen::SaveText(_)));
    for _ in 0..80 {
        press(&mut app, "Backspace");
    }
    typed(&mut app, "/mnt/usb/words.txt");
    let out = press(&mut app, "Enter");
    let [Effect::WriteText(path, text)] = effects(&out)[..] else {
        panic!("{out:?}");
    };
    assert_eq!(path, std::path::Path::new("/mnt/usb/words.txt"));
    assert!(text.contains("into a file"), "{text}");
    // Writing there fails: closer stays, says why, the words still here.
    app.done(out[0].from, Done::Failed("no such folder".into()));
    assert!(!app.quit);
    assert!(matches!(app.top(), Screen::SaveText(_)));
    press_on_full_disk(&mut app, "Enter");
    assert!(app.quit, "quits once the words are in the file");
}

#[test]
fn leaving_a_check_in_on_a_full_disk_stays_until_the_words_are_somewhere() {
    let mut app = app_at_home();
    press(&mut app, "c 2 Esc");
    press_on_full_disk(&mut app, "s");
    assert_eq!(question(&app), Some(Question::LeaveUnsaved));
    press_on_full_disk(&mut app, "r");
    assert_eq!(question(&app), Some(Question::LeaveUnsaved), "still full");
    press_settled(&mut app, "r");
    assert!(is_home(&app), "written at last: the check-in is left");
    assert!(app.session.unsaved.is_none());
    // Leaving with the words in memory only: closer asks before it quits.
    press(&mut app, "c");
    press(&mut app, "r Esc");
    press_on_full_disk(&mut app, "s");
    press(&mut app, "l");
    assert!(is_home(&app));
    assert!(app.session.unsaved.is_some());
    press(&mut app, "q");
    assert!(!app.quit);
    assert_eq!(question(&app), Some(Question::QuitUnsaved));
}

/// Case r06: a failed save used to give way within a second to the draft's retry message.
#[test]
fn a_failure_stays_until_the_person_acts() {
    let mut app = after_a_failed_save();
    let now = app.session.now;
    let out = app.tick(now);
    settle_with(&mut app, out, true);
    assert_eq!(
        app.status,
        Some(Status::Error(
            "The check-in could not be saved: the disk is full.".into()
        ))
    );
}

/// A setting that could not be written is written again after the next write that works.
#[test]
fn a_setting_that_could_not_be_written_is_retried_after_the_next_good_write() {
    let mut app = app_at_home();
    press(&mut app, "o l");
    let from = 0;
    app.done(from, Done::PreferencesFailed("the disk is full.".into()));
    assert!(app.session.prefs_unsaved);
    press(&mut app, "Esc c 3");
    let out = press(&mut app, "Tab");
    let (from, d) = draft_write(&out);
    let more = app.done(from, Done::DraftSaved(d.clone()));
    assert!(
        matches!(&effects(&more)[..], [Effect::SavePreferences(p)] if *p == app.session.prefs),
        "{more:?}"
    );
    assert!(!app.session.prefs_unsaved);
}

#[test]
fn ctrl_c_over_the_question_asks_once_and_l_y_still_quits() {
    let mut app = words_in_reflect("words");
    press_on_full_disk(&mut app, "Ctrl-c");
    press_on_full_disk(&mut app, "Ctrl-c");
    assert_eq!(question(&app), Some(Question::QuitUnsaved));
    press(&mut app, "Esc");
    assert_eq!(question(&app), None, "one question, not two stacked");
    press_on_full_disk(&mut app, "Ctrl-c");
    press(&mut app, "l y");
    assert!(app.quit);
}
