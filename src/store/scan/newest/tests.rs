use super::*;
use crate::store::Store;

/// A journal of `days` days from 1 March 2024 (over a year's end), one entry a day and two on
/// every third, each saved through the store; their ids in order.
fn journal(store: &Store, days: u32) -> Vec<EntryId> {
    let first = chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
    let mut ids = Vec::new();
    for n in 0..days {
        let day = first + chrono::Days::new(u64::from(n));
        for (k, time) in ["08:00", "20:00"].iter().enumerate() {
            if k == 1 && n % 3 != 0 {
                continue;
            }
            let at =
                chrono::DateTime::parse_from_rfc3339(&format!("{day}T{time}:00+01:00")).unwrap();
            let mut e = Entry::new(EntryId::generate(at, n * 2 + k as u32), at);
            e.notes = format!("day {n}, quiet {k}");
            store.save_entry(&e).unwrap();
            ids.push(e.id);
        }
    }
    ids
}

/// Issue 38: the newest days come first, whole, and enough of them: the last entries of the
/// journal as a whole read gives them, in the same order, from the newest year folder back.
#[test]
fn the_newest_read_gives_the_newest_days_whole() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let ids = journal(&store, 400);
    let whole = load(store.layout()).entries;
    assert_eq!(whole.len(), ids.len());
    for at_least in [1, 7, 100, 300] {
        let newest = load_newest(store.layout(), at_least).entries;
        assert!(newest.len() >= at_least, "{at_least}: {}", newest.len());
        // Whole days: no more than a day's two entries past what was asked.
        assert!(newest.len() <= at_least + 1, "{at_least}: {}", newest.len());
        assert_eq!(newest, whole[whole.len() - newest.len()..], "{at_least}");
    }
    // The newest of 300 go back past the year's start: two year folders were read.
    let newest = load_newest(store.layout(), 300).entries;
    assert!(newest.first().unwrap().date.year() < newest.last().unwrap().date.year());
    // A journal with fewer entries than asked for: all of it.
    assert_eq!(load_newest(store.layout(), 10_000).entries, whole);
    // No journal at all: nothing, and no problem.
    let none = tempfile::tempdir().unwrap();
    let read = load_newest(&Layout::new(none.path().join("not-there")), 10);
    assert!(read.entries.is_empty() && read.problems.is_empty() && !read.exists);
}

/// Issue 38: the interface's read counts the day files first, then each one it takes in, and
/// makes the search index as it reads: the index of the entries as a whole read gives them.
#[test]
fn the_interface_read_counts_its_days_and_indexes_its_entries() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    // More days than a reader's batch, so that several threads read them.
    journal(&store, (READ_BATCH * 3 + 17) as u32);
    // A file in a year folder that is not a day file is not counted.
    std::fs::write(
        store.layout().entries_dir().join("2024").join("notes.txt"),
        "x",
    )
    .unwrap();
    let progress = Progress::default();
    let read = load_indexed(store.layout(), &progress);
    let whole = load(store.layout());
    assert_eq!(read.entries, whole.entries);
    assert_eq!(progress.days(), READ_BATCH * 3 + 17);
    assert_eq!(progress.days_read(), progress.days());
    assert_eq!(read.index, signature::index(&read.entries));
    assert!(
        load(store.layout()).index.is_empty(),
        "a plain load makes none"
    );
}

/// The entries and their signatures sorted together keep each entry with its own signature.
#[test]
fn sorting_with_the_index_keeps_each_entry_with_its_signature() {
    let base = chrono::DateTime::parse_from_rfc3339("2026-01-01T08:00:00+01:00").unwrap();
    // Hours from `base`, the same every run (a linear congruential generator).
    let mut seed = 38u64;
    let mut hours = move || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % 2_000
    };
    for len in [0usize, 1, 2, 5, 31, 200] {
        let mut entries: Vec<Entry> = (0..len)
            .map(|n| {
                let at = base + chrono::Duration::hours(hours() as i64);
                let mut e = Entry::new(EntryId::generate(at, n as u32), at);
                e.notes = format!("{n} {}", ["quiet", "walk", "zebra", "Straße"][n % 4]);
                e
            })
            .collect();
        let mut index: Vec<Signature> = entries.iter().map(Signature::of).collect();
        sort_together(&mut entries, &mut index);
        assert!(
            entries.is_sorted_by(|a, b| Entry::order(a, b).is_le()),
            "{len}"
        );
        assert_eq!(index, signature::index(&entries), "{len}");
    }
}

/// Issue 38: an encrypted journal, once unlocked, is read newest first too: its newest day
/// files opened with the key, the entries the whole read (through its cache) ends with; locked,
/// nothing is read.
#[test]
fn an_unlocked_encrypted_journal_is_read_newest_first_too() {
    use crate::store::crypto;
    let dir = tempfile::tempdir().unwrap();
    let layout = Layout::new(dir.path());
    let passphrase = age::secrecy::SecretString::from("correct horse".to_owned());
    crypto::create(&layout, &passphrase).unwrap();
    let store = Store::open(dir.path()).unwrap();
    let ids = journal(&store, 40);
    let newest_day = std::fs::read(layout.day_file(store_day(39))).unwrap();
    assert!(crypto::is_sealed(&newest_day), "the day files are sealed");
    let whole = load(&layout).entries;
    assert_eq!(whole.len(), ids.len());
    let newest = load_newest(&layout, 7).entries;
    assert!(newest.len() >= 7);
    assert_eq!(newest, whole[whole.len() - newest.len()..]);
    crypto::lock(&layout);
    assert!(load_newest(&layout, 7).entries.is_empty(), "locked");
}

/// The day `n` days after the first of [`journal`].
fn store_day(n: u64) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap() + chrono::Days::new(n)
}
