//! The lock: quick hide, an encrypted journal, auto-lock and a check-in written locked.

use super::*;

fn lock_state(app: &App) -> &crate::tui::screens::lock::State {
    on_top!(app.top(), Screen::Lock)
}

#[test]
fn quick_hide_works_while_typing_keeps_the_words_and_blanks_the_screen() {
    let mut app = app_at_home();
    press_settled(&mut app, "c");
    press(&mut app, "3 Tab");
    assert_ne!(app.typing(), Typing::No, "keys type here");
    typed(&mut app, "ten");
    let before = screen_text(&mut app, 80, 24);
    assert!(before.contains("closer"), "{before}");
    let out = press(&mut app, "Ctrl-q");
    // The check-in is written first, as on Ctrl-Z.
    assert!(
        effects(&out)
            .iter()
            .any(|e| matches!(e, Effect::SaveDraft(_))),
        "{out:?}"
    );
    settle(&mut app, out);
    let hidden = screen_text(&mut app, 80, 24);
    assert!(
        hidden.chars().all(|c| c == ' ' || c == '\n' || c == '"'),
        "not blank:\n{hidden}"
    );
    // A plain journal: any key comes back, the words as they were.
    press(&mut app, "x");
    assert!(matches!(app.top(), Screen::CheckIn(_)));
    let kept = app.unsaved().unwrap();
    assert_eq!(
        kept.mood,
        Some(crate::journal::Mood::try_from(3i64).unwrap())
    );
    assert!(screen_text(&mut app, 80, 24).contains("ten"));
    // Ctrl-Q twice leaves closer.
    press(&mut app, "Ctrl-q");
    press_settled(&mut app, "Ctrl-q");
    assert!(app.quit);
}

#[test]
fn an_encrypted_journal_hides_and_comes_back_only_with_the_passphrase() {
    let mut app = app_at_home();
    app.session.encrypted = true;
    let out = press(&mut app, "Ctrl-q");
    assert!(effects(&out).contains(&&Effect::Forget), "{out:?}");
    assert!(app.session.locked);
    // A key shows the prompt, not the journal.
    press(&mut app, "x");
    assert_eq!(
        lock_state(&app).kind,
        crate::tui::screens::lock::Kind::Passphrase
    );
    typed(&mut app, "wrong one");
    let text = screen_text(&mut app, 80, 24);
    assert!(!text.contains("wrong one"), "the passphrase is never drawn");
    assert!(text.contains("(typed; not shown)"), "{text}");
    let out = press(&mut app, "Enter");
    assert!(matches!(effects(&out)[..], [Effect::Unlock(_)]), "{out:?}");
    let more = app.done(
        out[0].from,
        Done::UnlockFailed("That is not the passphrase.".into()),
    );
    assert!(more.is_empty());
    assert!(screen_text(&mut app, 80, 24).contains("That is not the passphrase."));
    assert!(app.is_locked());
    typed(&mut app, "right one");
    let out = press(&mut app, "Enter");
    app.done(out[0].from, Done::Unlocked);
    assert!(is_home(&app) && !app.session.locked);
    assert!(app.take_unlocked() && !app.take_unlocked());
}

#[test]
fn auto_lock_keeps_the_check_in_and_asks_for_the_passphrase() {
    let mut app = app_at_home();
    app.session.encrypted = true;
    press_settled(&mut app, "c");
    typed(&mut app, "4");
    let out = app.lock(crate::tui::screens::lock::Why::Idle);
    assert!(
        effects(&out)
            .iter()
            .any(|e| matches!(e, Effect::SaveDraft(_)))
    );
    settle(&mut app, out);
    assert_eq!(
        lock_state(&app).kind,
        crate::tui::screens::lock::Kind::Passphrase
    );
    assert!(screen_text(&mut app, 80, 24).contains("locked itself"));
    // Locking again while locked does nothing.
    assert!(app.lock(crate::tui::screens::lock::Why::Idle).is_empty());
    typed(&mut app, "pass");
    let out = press(&mut app, "Enter");
    app.done(out[0].from, Done::Unlocked);
    assert!(matches!(app.top(), Screen::CheckIn(_)));
}

#[test]
fn a_check_in_written_locked_returns_to_the_prompt_never_to_the_journal() {
    let mut app = app_at_home();
    app.session.encrypted = true;
    app.open_locked(true);
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("Ctrl-N"), "{text}");
    press(&mut app, "Ctrl-n");
    assert!(matches!(app.top(), Screen::CheckIn(_)));
    typed(&mut app, "2");
    press_settled(&mut app, "Ctrl-s");
    // However the check-in ends, beneath it is the prompt.
    while matches!(app.top(), Screen::CheckIn(_)) {
        press_settled(&mut app, "Esc");
    }
    assert!(app.is_locked(), "{:?}", app.top());
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("Your check-in is saved"), "{text}");
}

/// Issue 16: in an encrypted journal the report screen asks before writing a plain file; no
/// writes nothing, yes writes it.
#[test]
fn an_encrypted_journal_asks_before_writing_a_plain_report() {
    let mut app = app_at_home();
    read_journal(&mut app, twelve_entries());
    app.session.encrypted = true;
    app.update(Msg::Key(Action::OpenReview));
    press(&mut app, "R");
    assert!(matches!(app.top(), Screen::Report(_)), "{:?}", app.top());
    let out = press(&mut app, "Enter");
    assert!(out.is_empty(), "nothing written before the answer: {out:?}");
    assert_eq!(question(&app), Some(Question::WritePlain));
    assert!(screen_text(&mut app, 80, 24).contains("not encrypted"));
    let out = press(&mut app, "n");
    assert!(out.is_empty(), "{out:?}");
    assert!(matches!(app.top(), Screen::Report(_)));
    press(&mut app, "Enter");
    let out = press(&mut app, "y");
    assert!(
        matches!(effects(&out)[..], [Effect::WriteReport { .. }]),
        "{out:?}"
    );
}

/// The lock is on top, and nothing of the journal shows (no home saying "Entries 0").
fn back_at_the_prompt(app: &mut App) -> String {
    assert!(app.is_locked(), "{:?}", app.top());
    let text = screen_text(app, 80, 24);
    for journal in ["Entries", "Streak", "home"] {
        assert!(!text.contains(journal), "{journal}: {text}");
    }
    text
}

/// Issue "Private means private", item 5: a check-in written without unlocking comes back to
/// the prompt however it ends (kept as a draft, discarded, left empty), and the draft kept
/// there is resumed or discarded from the prompt as from home (the answer to "An unfinished
/// check-in" did nothing on the lock).
#[test]
fn a_locked_check_in_kept_resumed_or_discarded_comes_back_to_the_prompt() {
    let mut app = app_opened_locked();
    // Left with nothing in it.
    press(&mut app, "Ctrl-n");
    assert!(matches!(app.top(), Screen::CheckIn(_)));
    press_settled(&mut app, "Esc");
    back_at_the_prompt(&mut app);

    // Kept as a draft: the prompt says so, and Ctrl-N goes on with it.
    press(&mut app, "Ctrl-n 2 Esc");
    assert_eq!(question(&app), Some(Question::LeaveCheckIn));
    press_settled(&mut app, "s");
    let text = back_at_the_prompt(&mut app);
    assert!(text.contains("kept as a draft"), "{text}");
    assert!(text.contains("Ctrl-N to go on with it"), "{text}");
    press(&mut app, "Ctrl-n");
    assert_eq!(question(&app), Some(Question::ResumeDraft));
    press(&mut app, "r");
    assert_eq!(
        checkin(&app).draft.mood,
        Some(crate::journal::Mood::try_from(2i64).unwrap()),
        "resumed"
    );

    // Discarded from the check-in.
    press(&mut app, "Esc d");
    assert_eq!(question(&app), Some(Question::DiscardCheckIn));
    let out = press(&mut app, "y");
    assert!(effects(&out).contains(&&Effect::DiscardDraft), "{out:?}");
    settle(&mut app, out);
    let text = back_at_the_prompt(&mut app);
    assert!(text.contains("write today's check-in"), "{text}");
    assert!(app.session.pending_draft.is_none());

    // Kept again, then discarded from the prompt's offer.
    press(&mut app, "Ctrl-n");
    typed(&mut app, "3");
    press_settled(&mut app, "Esc s");
    press(&mut app, "Ctrl-n");
    press(&mut app, "d");
    assert_eq!(question(&app), Some(Question::DiscardDraft));
    let out = press(&mut app, "y");
    assert_eq!(effects(&out), [&Effect::DiscardDraft]);
    settle(&mut app, out);
    back_at_the_prompt(&mut app);
    assert!(app.session.pending_draft.is_none());

    // Saved: the prompt, saying so, and no other check-in offered.
    press(&mut app, "Ctrl-n");
    typed(&mut app, "4");
    press_settled(&mut app, "Ctrl-s");
    let text = back_at_the_prompt(&mut app);
    assert!(text.contains("Your check-in is saved, encrypted"), "{text}");
    assert!(!text.contains("Ctrl-N"), "{text}");
}

/// Issue "Private means private", item 5: nothing of the journal is read or taken in while it
/// is locked (a read without the key finds no entry: a home saying "Entries 0" after the
/// unlock); it is read once unlocked.
#[test]
fn the_journal_is_not_read_while_locked() {
    let mut app = app_opened_locked();
    let tomorrow = app.session.now + chrono::Days::new(1);
    let out = app.tick(tomorrow);
    assert!(!effects(&out).contains(&&Effect::LoadJournal), "{out:?}");
    // A read that ends while locked (begun before an auto-lock, say) is not taken in.
    let empty = crate::tui::session::Summary::of(Arc::new(Vec::new()), app.session.today, 0);
    app.loaded(empty.clone());
    assert!(app.session.journal.is_none());
    press(&mut app, "Ctrl-n");
    typed(&mut app, "3");
    press_settled(&mut app, "Ctrl-s");
    back_at_the_prompt(&mut app);

    typed(&mut app, "a long passphrase");
    let out = press(&mut app, "Enter");
    app.done(out[0].from, Done::Unlocked);
    assert!(is_home(&app));
    read_journal(&mut app, twelve_entries());
    assert_eq!(app.session.entries().len(), 12);
}

/// Issue "Private means private", item 5: mistakes in config.toml (or the person's prompts and
/// strategies) are shown on an encrypted journal too, once it is unlocked: the lock hides the
/// status line, and typing the passphrase used to clear them before anyone saw them.
#[test]
fn settings_mistakes_show_once_an_encrypted_journal_is_unlocked() {
    let mut app = app_unread();
    let mistake = "/home/you/.config/closer/config.toml, line 2: theme = \"purple\" is not a \
                   theme; use \"default\", \"high-contrast\" or \"no-colour\". closer started \
                   with the other settings.";
    app.status = Some(Status::Error(mistake.into()));
    app.session.encrypted = true;
    app.open_locked(false);
    let text = screen_text(&mut app, 80, 24);
    assert!(
        !text.contains("purple"),
        "the lock shows no status line: {text}"
    );
    typed(&mut app, "a long passphrase");
    let out = press(&mut app, "Enter");
    app.done(out[0].from, Done::Unlocked);
    assert!(is_home(&app));
    assert_eq!(app.status, Some(Status::Error(mistake.into())));
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("purple"), "{text}");
}

/// Issue "Private means private", item 5: the locked check-in says why the person's own
/// feelings and triggers are not offered (they are sealed in state.json); unlocked, it does
/// not.
#[test]
fn a_locked_check_in_says_why_your_own_words_are_not_offered() {
    let mut app = app_opened_locked();
    press(&mut app, "Ctrl-n Tab");
    let text = screen_text(&mut app, 80, 24);
    assert!(
        text.contains("Feelings of your own show after unlocking"),
        "{text}"
    );
    press(&mut app, "Tab");
    let text = screen_text(&mut app, 80, 24);
    assert!(
        text.contains("Triggers of your own show after unlocking"),
        "{text}"
    );
    press(&mut app, "Tab");
    let text = screen_text(&mut app, 80, 24);
    assert!(!text.contains("after unlocking"), "{text}");

    let mut app = app_at_home();
    app.session.prefs.custom_triggers = vec!["the dishes".into()];
    press(&mut app, "c Tab");
    assert!(!screen_text(&mut app, 80, 24).contains("after unlocking"));
    press(&mut app, "Tab");
    let text = screen_text(&mut app, 80, 24);
    assert!(!text.contains("after unlocking"), "{text}");
}

/// A locked check-in whose draft could not be written is left in memory: the prompt says so
/// rather than "kept as a draft", and Ctrl-N goes on with it.
#[test]
fn a_locked_check_in_left_in_memory_is_not_called_kept() {
    let mut app = app_opened_locked();
    press(&mut app, "Ctrl-n 2");
    press_on_full_disk(&mut app, "Esc s");
    assert_eq!(question(&app), Some(Question::LeaveUnsaved));
    press_on_full_disk(&mut app, "l");
    let text = back_at_the_prompt(&mut app);
    assert!(text.contains("only in memory"), "{text}");
    assert!(!text.contains("kept as a draft"), "{text}");
    press(&mut app, "Ctrl-n r");
    assert_eq!(
        checkin(&app).draft.mood,
        Some(crate::journal::Mood::try_from(2i64).unwrap())
    );
}

/// Issue 37, item 16: the passphrase prompt says what a forgotten passphrase means, and where
/// a check-in can be written without it.
#[test]
fn the_lock_says_what_a_forgotten_passphrase_means_and_names_closer_checkin() {
    let mut app = app_opened_locked();
    let text = back_at_the_prompt(&mut app);
    assert!(text.contains("Forgotten the passphrase?"), "{text}");
    let mut app = app_at_home();
    app.session.encrypted = true;
    app.lock(crate::tui::screen::LockWhy::Idle);
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("closer checkin"), "{text}");
    assert!(text.contains("Forgotten the passphrase?"), "{text}");
}
