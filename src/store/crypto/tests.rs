use super::*;

fn pass(s: &str) -> SecretString {
    SecretString::from(s.to_owned())
}

/// A journal in a folder of its own, encrypted with `passphrase` and unlocked (the folder
/// goes when the first is dropped).
fn encrypted(passphrase: &str) -> (tempfile::TempDir, Layout) {
    let dir = tempfile::tempdir().unwrap();
    let layout = Layout::new(dir.path());
    create(&layout, &pass(passphrase)).unwrap();
    (dir, layout)
}

#[test]
fn a_file_sealed_for_the_journal_opens_only_when_it_is_unlocked() {
    let dir = tempfile::tempdir().unwrap();
    let layout = Layout::new(dir.path());
    assert!(!is_encrypted(&layout));
    let p = layout.day_file(chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    assert_eq!(seal(&layout, &p, b"plain".to_vec()).unwrap(), b"plain");
    create(&layout, &pass("correct horse")).unwrap();
    assert!(is_encrypted(&layout) && is_unlocked(&layout));
    let sealed = seal(&layout, &p, b"{\"x\": 1}".to_vec()).unwrap();
    assert!(is_sealed(&sealed));
    assert!(!sealed.windows(6).any(|w| w == b"\"x\": 1"));
    assert_eq!(open(&layout, &p, sealed.clone()).unwrap(), b"{\"x\": 1}");
    assert_eq!(open(&layout, &p, b"{}".to_vec()).unwrap(), b"{}");
    lock(&layout);
    assert!(!is_unlocked(&layout));
    assert!(matches!(
        open(&layout, &p, sealed.clone()),
        Err(StoreError::Locked { .. })
    ));
    // Writing needs only the recipient.
    let more = seal(&layout, &p, b"new".to_vec()).unwrap();
    assert!(matches!(
        unlock(&layout, &pass("wrong")),
        Err(StoreError::WrongPassphrase)
    ));
    assert!(!is_unlocked(&layout));
    unlock(&layout, &pass("correct horse")).unwrap();
    assert_eq!(open(&layout, &p, more).unwrap(), b"new");
    // The identity decrypts with the age crate's own API, as the README says.
    let bytes = std::fs::read(layout.identity_file()).unwrap();
    let text = age::decrypt(&age::scrypt::Identity::new(pass("correct horse")), &bytes).unwrap();
    let line = String::from_utf8(text).unwrap();
    let id: age::x25519::Identity = line
        .lines()
        .find(|l| l.starts_with("AGE-SECRET-KEY-"))
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(age::decrypt(&id, &sealed).unwrap(), b"{\"x\": 1}");
    lock(&layout);
}

#[test]
fn a_passphrase_change_rewraps_the_identity_only() {
    let (_dir, layout) = encrypted("one");
    let p = layout.state_file();
    let sealed = seal(&layout, &p, b"words".to_vec()).unwrap();
    assert!(matches!(
        change_passphrase(&layout, &pass("nope"), &pass("two")),
        Err(StoreError::WrongPassphrase)
    ));
    change_passphrase(&layout, &pass("one"), &pass("two")).unwrap();
    lock(&layout);
    assert!(matches!(
        unlock(&layout, &pass("one")),
        Err(StoreError::WrongPassphrase)
    ));
    unlock(&layout, &pass("two")).unwrap();
    assert_eq!(open(&layout, &p, sealed).unwrap(), b"words");
    let text = seal_text(&layout, b"[\"his drinking\"]").unwrap().unwrap();
    assert!(text.starts_with("-----BEGIN AGE ENCRYPTED FILE-----"));
    assert_eq!(
        open_text(&layout, &text).unwrap().unwrap(),
        b"[\"his drinking\"]"
    );
    lock(&layout);
    assert_eq!(open_text(&layout, &text).unwrap(), None);
    assert!(matches!(
        create(&layout, &pass("x")),
        Err(StoreError::AlreadyEncrypted { .. })
    ));
}

#[test]
fn a_journal_that_lost_its_key_files_is_never_written_at_all() {
    let (dir, layout) = encrypted("a long passphrase");
    lock(&layout);
    let p = layout.state_file();
    // identity.age gone: nothing is written (it could never be read), not even sealed.
    std::fs::rename(layout.identity_file(), dir.path().join("id.bak")).unwrap();
    assert!(is_encrypted(&layout) && key_missing(&layout));
    assert!(matches!(
        seal(&layout, &p, b"words".to_vec()),
        Err(StoreError::KeyMissing { .. })
    ));
    assert!(matches!(
        unlock(&layout, &pass("a long passphrase")),
        Err(StoreError::KeyMissing { .. })
    ));
    // Both gone (rl-02): still encrypted, by this computer's record; never plain.
    std::fs::remove_file(layout.recipient_file()).unwrap();
    assert!(is_encrypted(&layout) && key_missing(&layout));
    assert!(seal(&layout, &p, b"words".to_vec()).is_err());
    // And with no record either (another computer), a sealed file gives it away.
    known::forget(&layout).unwrap();
    std::fs::create_dir_all(layout.drafts_dir()).unwrap();
    let other = age::x25519::Identity::generate().to_public();
    std::fs::write(
        layout.draft_file(),
        seal_to(&other, &layout.draft_file(), b"{}").unwrap(),
    )
    .unwrap();
    assert!(is_encrypted(&layout) && key_missing(&layout));
    assert!(seal(&layout, &p, b"words".to_vec()).is_err());
    // The key back: written again, sealed.
    std::fs::rename(dir.path().join("id.bak"), layout.identity_file()).unwrap();
    unlock(&layout, &pass("a long passphrase")).unwrap();
    assert!(is_sealed(&seal(&layout, &p, b"words".to_vec()).unwrap()));
    assert!(
        layout.recipient_file().exists(),
        "a missing recipient.txt is written again"
    );
    lock(&layout);
}

#[test]
fn a_swapped_recipient_never_receives_a_locked_write_and_is_kept_as_evidence() {
    let (_dir, layout) = encrypted("a long passphrase");
    let mine = std::fs::read_to_string(layout.recipient_file()).unwrap();
    let theirs = age::x25519::Identity::generate();
    let forged = theirs.to_public().to_string();
    lock(&layout);
    std::fs::write(layout.recipient_file(), &forged).unwrap();
    assert_eq!(foreign_recipient(&layout).as_deref(), Some(forged.as_str()));
    // A locked write: sealed to the journal's own key, never to theirs.
    let p = layout.draft_file();
    let sealed = seal(&layout, &p, b"a locked check-in".to_vec()).unwrap();
    assert!(
        age::decrypt(&theirs, &sealed).is_err(),
        "the other key reads it"
    );
    unlock(&layout, &pass("a long passphrase")).unwrap();
    assert_eq!(open(&layout, &p, sealed).unwrap(), b"a locked check-in");
    // The unlock leaves the forged file for `closer doctor` to show.
    assert_eq!(
        std::fs::read_to_string(layout.recipient_file()).unwrap(),
        forged
    );
    assert_eq!(foreign_recipient(&layout).as_deref(), Some(forged.as_str()));
    std::fs::write(layout.recipient_file(), &mine).unwrap();
    assert_eq!(foreign_recipient(&layout), None);
    lock(&layout);
}

#[test]
fn a_computer_that_never_saw_the_journal_unlocked_asks_to_unlock_once() {
    let (_dir, layout) = encrypted("a long passphrase");
    lock(&layout);
    known::forget(&layout).unwrap();
    let p = layout.draft_file();
    assert!(matches!(
        seal(&layout, &p, b"x".to_vec()),
        Err(StoreError::UnlockOnce { .. })
    ));
    unlock(&layout, &pass("a long passphrase")).unwrap();
    lock(&layout);
    assert!(is_sealed(&seal(&layout, &p, b"x".to_vec()).unwrap()));
}

#[test]
fn a_passphrase_in_another_normal_form_unlocks() {
    // "é" as one character, then as "e" and a combining accent.
    let (_dir, layout) = encrypted("caf\u{e9} au lait");
    lock(&layout);
    unlock(&layout, &pass("cafe\u{301} au lait")).unwrap();
    lock(&layout);
    unlock(&layout, &pass("caf\u{e9} au lait")).unwrap();
    lock(&layout);
}

#[test]
fn a_journal_encrypted_with_an_unnormalised_passphrase_still_opens_and_is_rewrapped() {
    let dir = tempfile::tempdir().unwrap();
    let layout = Layout::new(dir.path());
    let decomposed = pass("cafe\u{301} au lait");
    create(&layout, &pass("placeholder passphrase")).unwrap();
    // identity.age as closer wrote it before passphrases were normalised.
    let identity = unlocked_identity(&layout).unwrap();
    let mut r = age::scrypt::Recipient::new(decomposed.clone());
    r.set_work_factor(WORK_FACTOR);
    let text = format!("{}\n", identity.to_string().expose_secret());
    std::fs::write(
        layout.identity_file(),
        age::encrypt(&r, text.as_bytes()).unwrap(),
    )
    .unwrap();
    lock(&layout);
    assert!(matches!(
        read_identity_as_given(&layout, &normalised(&decomposed)),
        Err(StoreError::WrongPassphrase)
    ));
    unlock(&layout, &decomposed).unwrap();
    lock(&layout);
    // Wrapped again with the normal form: one scrypt from now on, and any form opens it.
    assert!(read_identity_as_given(&layout, &normalised(&decomposed)).is_ok());
    unlock(&layout, &pass("caf\u{e9} au lait")).unwrap();
    lock(&layout);
}

#[test]
fn one_rule_for_a_new_passphrase() {
    for (p, ok) in [
        ("", false),
        ("a", false),
        ("        ", false),
        ("\t \u{a0}  \u{3000}   ", false),
        ("seven!!", false),
        ("eight!!!", true),
        ("e\u{301}e\u{301}e\u{301}e\u{301}", false),
        ("a long walk by the river", true),
    ] {
        assert_eq!(passphrase_problem(&pass(p)).is_none(), ok, "{p:?}");
    }
}
