use crate::journal::entry::thin_vec;
use chrono::{DateTime, FixedOffset};
use proptest::prelude::*;

use super::*;
use crate::journal::test_support::{prediction, response};
use crate::journal::{Closeness, EntryId, Mood, Name, Response, TriggerLog};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn entry(day: &str, hour: u32, n: u32) -> Entry {
    let at: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339(&format!("{day}T{hour:02}:00:00+01:00")).unwrap();
    Entry::new(EntryId::generate(at, n), at)
}

fn id(s: &str) -> TriggerRef {
    TriggerRef::Id(Name::try_from(s).unwrap())
}

fn custom(s: &str) -> TriggerRef {
    TriggerRef::Custom(Name::try_from(s).unwrap())
}

fn journal() -> Vec<Entry> {
    let mut a = entry("2026-11-20", 9, 1);
    a.mood = Some(Mood::try_from(2u8).unwrap());
    a.closeness = Some(Closeness::try_from(1u8).unwrap());
    a.perspective = Some(Perspective::IPullAway);
    a.triggers.push(TriggerLog {
        trigger: id("anxiety"),
        intensity: None,
        note: "after the call".into(),
        extra: Default::default(),
    });
    a.responses.push(Response {
        prompt_id: None,
        prompt: "Q?".into(),
        answer: "I Went QUIET at dinner".into(),
        extra: Default::default(),
    });
    a.tags = thin_vec!["Work".into()];
    let mut b = entry("2026-11-21", 21, 2);
    b.mood = Some(Mood::try_from(4u8).unwrap());
    b.perspective = Some(Perspective::PartnerPullsAway);
    b.triggers.push(TriggerLog {
        trigger: custom("my sister"),
        intensity: None,
        note: String::new(),
        extra: Default::default(),
    });
    b.notes = "A calmer day; we didn’t argue.".into();
    b.emotions = thin_vec!["hopeful".into()];
    let mut c = entry("2026-10-31", 8, 3);
    c.notes = "quiet month end".into();
    c.tags = thin_vec!["weekend".into(), "work".into()];
    vec![c, a, b]
}

fn run(f: &Filter) -> Vec<usize> {
    let j = journal();
    apply(&j, f, d("2026-11-22"), None)
}

fn with(conditions: Vec<Condition>) -> Filter {
    Filter {
        text: String::new(),
        conditions,
    }
}

#[test]
fn no_filter_lists_everything_newest_first() {
    assert_eq!(run(&Filter::default()), vec![2, 1, 0]);
}

#[test]
fn search_covers_answers_notes_emotions_custom_triggers_notes_and_tags() {
    for (q, expected) in [
        ("quiet", vec![1, 0]),
        ("QUIET dinner", vec![1]),
        ("didn't", vec![2]),
        ("hopeful", vec![2]),
        ("sister", vec![2]),
        ("after the call", vec![1]),
        ("weekend", vec![0]),
        ("nothing-like-this", vec![]),
    ] {
        let f = Filter {
            text: q.into(),
            conditions: vec![],
        };
        assert_eq!(run(&f), expected, "{q}");
    }
    // Prompts themselves are not searched, only what was written.
    assert_eq!(
        run(&Filter {
            text: "Q?".into(),
            conditions: vec![]
        }),
        Vec::<usize>::new()
    );
}

#[test]
fn each_condition() {
    assert_eq!(run(&with(vec![Condition::Trigger(id("anxiety"))])), vec![1]);
    assert_eq!(
        run(&with(vec![Condition::Trigger(custom("my sister"))])),
        vec![2]
    );
    assert_eq!(
        run(&with(vec![Condition::Perspective(
            Perspective::PartnerPullsAway
        )])),
        vec![2]
    );
    assert_eq!(
        run(&with(vec![Condition::Scale(Scale::Mood, 1, 2)])),
        vec![1]
    );
    assert_eq!(
        run(&with(vec![Condition::Scale(Scale::Mood, 1, 5)])),
        vec![2, 1],
        "no mood never matches"
    );
    assert_eq!(
        run(&with(vec![Condition::Scale(Scale::Closeness, 1, 1)])),
        vec![1]
    );
    assert_eq!(run(&with(vec![Condition::Tag("WORK".into())])), vec![1, 0]);
    assert_eq!(
        run(&with(vec![Condition::Dates(DateSpan::Day(d(
            "2026-11-21"
        )))])),
        vec![2]
    );
    assert_eq!(
        run(&with(vec![Condition::Dates(DateSpan::Month(d(
            "2026-10-05"
        )))])),
        vec![0]
    );
    assert_eq!(
        run(&with(vec![Condition::Dates(DateSpan::LastDays(2))])),
        vec![2]
    );
    assert_eq!(
        run(&with(vec![Condition::Dates(DateSpan::LastDays(30))])),
        vec![2, 1, 0]
    );
    assert_eq!(
        run(&with(vec![Condition::Dates(DateSpan::Between(
            d("2026-11-21"),
            d("2026-10-31")
        ))])),
        vec![2, 1, 0],
        "from–to in either order"
    );
}

#[test]
fn conditions_combine() {
    let f = Filter {
        text: "quiet".into(),
        conditions: vec![
            Condition::Tag("work".into()),
            Condition::Dates(DateSpan::Month(d("2026-11-01"))),
        ],
    };
    assert_eq!(run(&f), vec![1]);
    let none = with(vec![
        Condition::Scale(Scale::Mood, 4, 5),
        Condition::Tag("work".into()),
    ]);
    assert!(run(&none).is_empty());
}

#[test]
fn adding_replaces_single_valued_kinds_and_keeps_lists() {
    let mut f = Filter::default();
    f.add(Condition::Scale(Scale::Mood, 1, 2));
    f.add(Condition::Scale(Scale::Mood, 4, 5));
    f.add(Condition::Scale(Scale::Closeness, 2, 2));
    f.add(Condition::Tag("a".into()));
    f.add(Condition::Tag("b".into()));
    f.add(Condition::Tag("a".into()));
    assert_eq!(
        f.conditions,
        vec![
            Condition::Scale(Scale::Mood, 4, 5),
            Condition::Scale(Scale::Closeness, 2, 2),
            Condition::Tag("b".into()),
            Condition::Tag("a".into())
        ]
    );
    assert!(!f.is_empty());
    assert!(Filter::default().is_empty());
}

#[test]
fn narrowing_within_an_earlier_result_gives_the_same_answer() {
    let j = journal();
    let today = d("2026-11-22");
    let wide = apply(
        &j,
        &Filter {
            text: "qu".into(),
            conditions: vec![],
        },
        today,
        None,
    );
    let f = Filter {
        text: "quiet din".into(),
        conditions: vec![],
    };
    assert_eq!(
        apply(&j, &f, today, Some(&wide)),
        apply(&j, &f, today, None)
    );
}

#[test]
fn date_spans_parse_as_typed() {
    assert_eq!(
        DateSpan::parse("2026-11-20"),
        Some(DateSpan::Day(d("2026-11-20")))
    );
    assert_eq!(
        DateSpan::parse(" 2026-02 "),
        Some(DateSpan::Month(d("2026-02-01")))
    );
    assert_eq!(DateSpan::parse("30"), Some(DateSpan::LastDays(30)));
    assert_eq!(DateSpan::parse("7d"), Some(DateSpan::LastDays(7)));
    assert_eq!(DateSpan::parse(" All "), Some(DateSpan::All));
    for between in [
        "2026-01-01..2026-02-15",
        "2026-01-01 2026-02-15",
        "2026-01-01 to 2026-02-15",
    ] {
        assert_eq!(
            DateSpan::parse(between),
            Some(DateSpan::Between(d("2026-01-01"), d("2026-02-15"))),
            "{between}"
        );
    }
    for bad in ["", "yesterday", "2026-13-01", "0", "2026-02-30"] {
        assert_eq!(DateSpan::parse(bad), None, "{bad}");
    }
}

#[test]
fn month_ranges_end_on_the_right_day() {
    let today = d("2026-11-22");
    assert_eq!(
        DateSpan::Month(d("2024-02-10")).range(today),
        d("2024-02-01")..=d("2024-02-29")
    );
    assert_eq!(
        DateSpan::Month(d("2026-12-31")).range(today),
        d("2026-12-01")..=d("2026-12-31")
    );
    assert_eq!(DateSpan::LastDays(1).range(today), today..=today);
    assert_eq!(DateSpan::LastDays(30).to_string(), "last 30 days");
}

#[test]
fn match_ranges_find_words_case_insensitively() {
    let words = super::words("quiet CALL");
    let text = "I went Quiet after the call; quiet.";
    let r = match_ranges(text, &words);
    let found: Vec<&str> = r.iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(found, ["Quiet", "call", "quiet"]);
    // Non-ASCII text keeps char boundaries.
    let text = "Ünïcode ÜNÏ and don’t";
    let r = match_ranges(text, &super::words("ünï don't"));
    let found: Vec<&str> = r.iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(found, ["Ünï", "ÜNÏ", "don’t"]);
    assert!(match_ranges("abc", &[]).is_empty());
}

fn arb_entry() -> impl Strategy<Value = Entry> {
    (
        0u32..60,
        0u32..24,
        proptest::option::of(1u8..=5),
        proptest::option::of(1u8..=5),
        proptest::option::of(prop_oneof![
            Just(Perspective::IPullAway),
            Just(Perspective::PartnerPullsAway)
        ]),
        proptest::collection::vec(
            prop_oneof![Just("anxiety"), Just("past-hurt"), Just("unmet-needs")],
            0..3,
        ),
        proptest::collection::vec(prop_oneof![Just("work"), Just("home"), Just("Work")], 0..3),
        "[a-c ]{0,12}",
        0u32..1000,
    )
        .prop_map(
            |(day, hour, mood, close, persp, triggers, tags, notes, n)| {
                let date = d("2026-01-01") + Days::new(u64::from(day));
                let mut e = entry(&date.to_string(), hour, n);
                e.mood = mood.map(|m| Mood::try_from(m).unwrap());
                e.closeness = close.map(|c| Closeness::try_from(c).unwrap());
                e.perspective = persp;
                e.triggers = triggers
                    .into_iter()
                    .map(|t| TriggerLog {
                        trigger: id(t),
                        intensity: None,
                        note: String::new(),
                        extra: Default::default(),
                    })
                    .collect();
                e.tags = tags.into_iter().map(str::to_owned).collect();
                e.notes = notes;
                e
            },
        )
}

fn arb_condition() -> impl Strategy<Value = Condition> {
    prop_oneof![
        prop_oneof![Just("anxiety"), Just("past-hurt")].prop_map(|t| Condition::Trigger(id(t))),
        prop_oneof![
            Just(Perspective::IPullAway),
            Just(Perspective::PartnerPullsAway)
        ]
        .prop_map(Condition::Perspective),
        (1u8..=5, 1u8..=5).prop_map(|(a, b)| Condition::Scale(Scale::Mood, a.min(b), a.max(b))),
        (1u8..=5, 1u8..=5).prop_map(|(a, b)| Condition::Scale(
            Scale::Closeness,
            a.min(b),
            a.max(b)
        )),
        prop_oneof![Just("work"), Just("home")].prop_map(|t| Condition::Tag(t.to_owned())),
        (0u32..60, 0u32..60).prop_map(|(a, b)| Condition::Dates(DateSpan::Between(
            d("2026-01-01") + Days::new(u64::from(a)),
            d("2026-01-01") + Days::new(u64::from(b))
        ))),
        (1u32..70).prop_map(|n| Condition::Dates(DateSpan::LastDays(n))),
        Just(Condition::Dates(DateSpan::All)),
    ]
}

/// The reference: the plainest possible reading of each rule.
fn naive(entries: &[Entry], f: &Filter, today: NaiveDate) -> Vec<usize> {
    let mut out: Vec<usize> = (0..entries.len())
        .filter(|&i| {
            let e = &entries[i];
            let text_ok = f
                .text
                .split_whitespace()
                .all(|w| e.notes.to_lowercase().contains(&w.to_lowercase()));
            let cond_ok = f.conditions.iter().all(|c| match c {
                Condition::Trigger(t) => e.triggers.iter().any(|l| l.trigger == *t),
                Condition::Perspective(p) => e.perspective == Some(*p),
                Condition::Scale(Scale::Mood, a, b) => {
                    matches!(e.mood, Some(m) if *a <= m.get() && m.get() <= *b)
                }
                Condition::Scale(Scale::Closeness, a, b) => {
                    matches!(e.closeness, Some(m) if *a <= m.get() && m.get() <= *b)
                }
                Condition::Tag(t) => e.tags.iter().any(|x| x.to_lowercase() == t.to_lowercase()),
                Condition::Dates(span) => {
                    let (lo, hi) = match span {
                        DateSpan::Between(a, b) => (*a.min(b), *a.max(b)),
                        DateSpan::LastDays(n) => (today - Days::new(u64::from(*n) - 1), today),
                        DateSpan::Day(x) => (*x, *x),
                        DateSpan::Month(x) => unreachable!("{x}"),
                        DateSpan::All => (NaiveDate::MIN, NaiveDate::MAX),
                    };
                    lo <= e.date && e.date <= hi
                }
                Condition::HasEpisode => e.episodes.iter().any(|x| *x != Default::default()),
                Condition::TwoVersions => !e.two_versions.is_empty(),
                Condition::Predictions(state) => e.predictions.iter().any(|p| {
                    use crate::journal::PredictionResult as R;
                    let result = p.outcome.as_ref().map(|o| o.result);
                    match state {
                        crate::journal::query::PredictionState::Open => result.is_none(),
                        crate::journal::query::PredictionState::CameTrue => {
                            matches!(result, Some(R::Yes | R::Partly))
                        }
                        crate::journal::query::PredictionState::DidNot => result == Some(R::No),
                    }
                }),
            });
            text_ok && cond_ok
        })
        .collect();
    // Newest first; two entries alike in date, time and id (only a damaged journal has them)
    // come in reverse file order, as `apply` gives them.
    out.sort_by(|&a, &b| {
        (entries[b].date, entries[b].created_at, &entries[b].id, b).cmp(&(
            entries[a].date,
            entries[a].created_at,
            &entries[a].id,
            a,
        ))
    });
    out
}

proptest! {
    #[test]
    fn apply_equals_the_naive_reference(
        entries in proptest::collection::vec(arb_entry(), 0..40),
        conditions in proptest::collection::vec(arb_condition(), 0..4),
        text in "[a-c]{0,2}",
    ) {
        let today = d("2026-02-20");
        let f = Filter { text, conditions };
        prop_assert_eq!(apply(&entries, &f, today, None), naive(&entries, &f, today));
    }
}

proptest! {
    /// The search index changes no answer: entries with text in several fields, letters that
    /// fold into others (ß, Σ, İ, the Kelvin sign, ’), searched with one or more words of any
    /// length, with and without conditions, whole or narrowing an earlier result.
    #[test]
    fn the_index_changes_no_answer(
        base in proptest::collection::vec(arb_entry(), 0..30),
        texts in proptest::collection::vec(
            ("[a-cA-C ßẞΣσςİıi\u{307}Kk\u{212A}’'é1\u{a0}]{0,16}", "[a-c ßσK\u{212A}’]{0,8}", "[a-cß]{0,4}"),
            30,
        ),
        conditions in proptest::collection::vec(arb_condition(), 0..2),
        text in "[a-cA-C ßσςiİKk\u{212A}'’é1]{0,6}",
        narrow in any::<bool>(),
    ) {
        let entries: Vec<Entry> = base
            .into_iter()
            .zip(texts)
            .map(|(mut e, (notes, answer, tag))| {
                e.notes = notes;
                e.responses.push(Response {
                    prompt_id: None,
                    prompt: "A question".into(),
                    answer,
                    extra: Default::default(),
                });
                e.tags.push(tag);
                e
            })
            .collect();
        let today = d("2026-02-20");
        let index = signature::index(&entries);
        let f = Filter { text: text.clone(), conditions };
        let within = narrow.then(|| {
            let shorter = Filter { text: text.chars().take(1).collect(), ..f.clone() };
            apply(&entries, &shorter, today, None)
        });
        prop_assert_eq!(
            apply_indexed(&entries, &index, false, &f, today, within.as_deref()),
            apply(&entries, &f, today, within.as_deref())
        );
    }
}

proptest! {
    /// The fast path for plain words agrees with folding the whole text, for any text.
    #[test]
    fn contains_folded_equals_folding_everything(
        hay in "[a-zA-Z ßẞΣσςİıi\u{307}Kk’'é]{0,24}",
        needle in "[a-zA-Z ßσςi'é]{1,4}",
    ) {
        let needle = fold(&needle);
        prop_assert_eq!(contains_folded(&hay, &needle), fold(&hay).contains(&needle));
    }

    /// Plain ASCII folds to its lower case, byte for byte, and highlights map back inside the text.
    #[test]
    fn ascii_folds_to_lower_case_and_ranges_stay_in_the_text(text in "[ -~]{0,40}", word in "[a-z]{1,3}") {
        prop_assert_eq!(fold(&text), text.to_ascii_lowercase());
        for r in match_ranges(&text, std::slice::from_ref(&word)) {
            prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            // Touching matches are merged into one range.
            prop_assert!(text[r].to_ascii_lowercase().starts_with(&word));
        }
    }
}

#[test]
fn folding_is_unicode_case_folding() {
    assert_eq!(fold("ΟΔΥΣΣΕΑΣ"), fold("οδυσσεας"));
    assert_eq!(fold("İYİ"), "iyi");
    assert_eq!(fold("I\u{307}"), "i", "I and a combining dot above");
    assert_eq!(fold("Straße"), "strasse");
    assert_eq!(fold("don’t"), "don't");
    // Highlights cover the characters as written, even where folding changed the length.
    let text = "Tea on the Straße, then home.";
    let r = match_ranges(text, &words("strasse"));
    assert_eq!(&text[r[0].clone()], "Straße");
    let text = "ΟΔΥΣΣΕΑΣ called";
    let r = match_ranges(text, &words("οδυσσεας"));
    assert_eq!(&text[r[0].clone()], "ΟΔΥΣΣΕΑΣ");
}

#[test]
fn the_best_field_is_the_one_holding_the_most_words() {
    let mut e = Entry::new(
        crate::journal::EntryId::try_from("b".to_owned()).unwrap(),
        chrono::DateTime::parse_from_rfc3339("2026-11-20T21:30:00+01:00").unwrap(),
    );
    e.responses
        .push(response("What happened?", "A quiet walk."));
    e.notes = "Dinner, then a walk by the river.".into();
    e.predictions.push(prediction(
        "They will forget the river trip",
        "2026-11-27".parse().unwrap(),
    ));
    let best = |q: &str| best_field(&e, &words(q)).map(|(f, t, n)| (f, t.to_owned(), n));
    assert_eq!(
        best("walk"),
        Some((Field::Answer, "A quiet walk.".into(), 1))
    );
    assert_eq!(best("walk river"), Some((Field::Notes, e.notes.clone(), 2)));
    assert_eq!(
        best("forget"),
        Some((
            Field::Prediction,
            "They will forget the river trip".into(),
            1
        ))
    );
    assert_eq!(best("nowhere"), None);
    assert_eq!(best(""), None);
}
