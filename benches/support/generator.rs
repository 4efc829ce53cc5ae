//! The journal generator shared by `examples/generate.rs` and the benchmarks: realistic
//! journals of N entries, deterministic from a seed, written through the real store.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::{DateTime, Days, FixedOffset, Local, NaiveDate};
use closer::content::Catalog;
use closer::journal::{
    Badness, Closeness, Debrief, Ending, Entry, EntryId, Episode, Helpfulness, Intensity,
    Likelihood, Mood, Name, Perspective, Prediction, PredictionOutcome, PredictionResult, Repair,
    Response, StrategyUse, ThoughtCheck, TriggerLog, TriggerRef,
};
use closer::store::Store;

/// A small, fast, deterministic random source (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[usize::try_from(self.below(items.len() as u64)).unwrap_or(0)]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const WORDS: &[&str] = &[
    "I",
    "felt",
    "quiet",
    "today",
    "after",
    "dinner",
    "we",
    "talked",
    "about",
    "the",
    "weekend",
    "and",
    "it",
    "was",
    "hard",
    "to",
    "say",
    "what",
    "I",
    "needed",
    "he",
    "she",
    "they",
    "seemed",
    "far",
    "away",
    "so",
    "went",
    "for",
    "a",
    "walk",
    "instead",
    "of",
    "asking",
    "work",
    "has",
    "been",
    "heavy",
    "this",
    "week",
    "my",
    "sister",
    "called",
    "again",
    "worried",
    "that",
    "if",
    "open",
    "up",
    "will",
    "pull",
    "back",
    "later",
    "we",
    "laughed",
    "at",
    "something",
    "small",
    "which",
    "helped",
    "more",
    "than",
    "expected",
    "tired",
    "but",
    "hopeful",
    "lonely",
    "in",
    "evening",
    "when",
    "phone",
    "buzzed",
    "kept",
    "my",
    "thoughts",
    "to",
    "myself",
    "tomorrow",
    "try",
    "saying",
    "one",
    "true",
    "thing",
    "first",
    "café",
    "naïve",
    "over-thinking",
    "again,",
    "really",
    "slowly",
    "because",
    "maybe",
    "trust",
    "feels",
    "fragile",
    "after",
    "last",
    "year",
];

const EMOTIONS: &[&str] = &[
    "lonely", "anxious", "hurt", "tired", "hopeful", "calm", "close", "grateful",
];
const CUSTOM: &[&str] = &[
    "my sister's visits",
    "the night shift",
    "money talk",
    "his phone",
];
const TAGS: &[&str] = &["work", "weekend", "family", "health", "holiday", "home"];

fn sentence(rng: &mut Rng, words: u64) -> String {
    let mut out = String::new();
    for i in 0..words {
        if i > 0 {
            out.push(' ');
        }
        let word: &&str = rng.pick(WORDS);
        out.push_str(word);
        if rng.chance(6) {
            out.push('.');
        }
    }
    out.push('.');
    out
}

fn entry(
    rng: &mut Rng,
    catalog: &Catalog,
    at: DateTime<FixedOffset>,
    n: u32,
    end: NaiveDate,
) -> Entry {
    let mut e = Entry::new(EntryId::generate(at, n), at);
    let perspective = if rng.chance(70) {
        Perspective::IPullAway
    } else {
        Perspective::PartnerPullsAway
    };
    e.perspective = Some(perspective);
    e.mood = Mood::try_from(1 + rng.below(5) as u8)
        .ok()
        .filter(|_| rng.chance(95));
    e.closeness = Closeness::try_from(1 + rng.below(5) as u8)
        .ok()
        .filter(|_| rng.chance(90));
    for _ in 0..rng.below(3) {
        let w = rng.pick(EMOTIONS).to_string();
        if !e.emotions.contains(&w) {
            e.emotions.push(w);
        }
    }
    for _ in 0..rng.below(3) {
        let trigger = if rng.chance(85) {
            TriggerRef::Id(
                Name::try_from(rng.pick(&catalog.triggers).id.as_str())
                    .unwrap_or_else(|_| unreachable_name()),
            )
        } else {
            TriggerRef::Custom(
                Name::try_from(*rng.pick(CUSTOM)).unwrap_or_else(|_| unreachable_name()),
            )
        };
        e.triggers.push(TriggerLog {
            trigger,
            intensity: Intensity::try_from(1 + rng.below(5) as u8).ok(),
            note: if rng.chance(30) {
                sentence(rng, 6)
            } else {
                String::new()
            },
            extra: Default::default(),
        });
    }
    for _ in 0..rng.below(3) {
        if let Ok(id) = Name::try_from(rng.pick(&catalog.signs).id.as_str()) {
            e.behaviours.push(id);
        }
    }
    // Mostly one answer, sometimes two; 20–300 words, most of them short (about 1 KB an entry
    // in all, the "ordinary length" of DESIGN §8).
    for _ in 0..(if rng.chance(20) { 2 } else { 1 }) {
        let mut p = rng.pick(&catalog.prompts);
        while !p.kind.stands_alone() {
            p = rng.pick(&catalog.prompts);
        }
        let r = rng.below(1000);
        let words = 20 + r * r * 280 / 1_000_000;
        e.responses.push(Response {
            prompt_id: Name::try_from(p.id.as_str()).ok(),
            prompt: p.text.as_str().into(),
            answer: sentence(rng, words),
            extra: Default::default(),
        });
    }
    if rng.chance(60) {
        let s = rng.pick(&catalog.strategies);
        let tried = rng.chance(50);
        if let Ok(id) = Name::try_from(s.id.as_str()) {
            e.strategies.push(StrategyUse {
                id,
                planned: !tried,
                tried: tried.then_some(true),
                helpfulness: if tried {
                    Helpfulness::try_from(1 + rng.below(5) as u8).ok()
                } else {
                    None
                },
                extra: Default::default(),
            });
        }
    }
    if rng.chance(40) {
        let words = 10 + rng.below(40);
        e.notes = sentence(rng, words);
    }
    for _ in 0..rng.below(3) {
        let t = rng.pick(TAGS).to_string();
        if !e.tags.contains(&t) {
            e.tags.push(t);
        }
    }
    moments(rng, catalog, &mut e, end);
    aftermath(rng, catalog, &mut e);
    turning(rng, &mut e, end);
    e
}

/// About one entry in three logs a bid or an appreciation (bids from the partner turned
/// toward most often); about one in twenty-five a time-out, most answered; about one in a
/// hundred and fifty writes a ladder, with a prediction for its first step.
fn turning(rng: &mut Rng, e: &mut Entry, end: NaiveDate) {
    use closer::journal::{
        Bid, BidKind, BreakOutcome, BreakSide, Ladder, Rung, StepOf, TimeOut, Turn, WentBack,
    };
    if rng.chance(33) {
        for _ in 0..1 + rng.below(2) {
            let kind = *rng.pick(BidKind::ALL);
            let turn = kind.is_bid().then(|| match rng.below(10) {
                0..=5 => Turn::Toward,
                6..=8 => Turn::Away,
                _ => Turn::Against,
            });
            let n = 3 + rng.below(8);
            e.bids.push(Bid {
                kind,
                turn,
                text: sentence(rng, n),
                extra: Default::default(),
            });
        }
    }
    if rng.chance(4) {
        let minutes = i64::from(*rng.pick(&[20u16, 30, 60, 120, 240]));
        let side = *rng.pick(BreakSide::ALL);
        let mut t = TimeOut::new(side, e.created_at, minutes);
        t.until_then = sentence(rng, 5);
        if t.back_at.date_naive() < end && rng.chance(85) {
            let went = *rng.pick(WentBack::ALL);
            t.back = Some(BreakOutcome {
                went,
                on: t.back_at,
                note: sentence(rng, 6),
                extra: Default::default(),
            });
        }
        e.time_outs.push(t);
    }
    if rng.chance(1) {
        let id = format!("l-{}", e.id);
        let steps: Vec<Rung> = (0..4 + rng.below(3))
            .map(|i| Rung {
                text: sentence(rng, 5),
                scary: Likelihood::try_from(15 * (i as i64 + 1)).ok(),
                extra: Default::default(),
            })
            .collect();
        e.predictions.push(Prediction {
            fear: sentence(rng, 7),
            likelihood: Likelihood::try_from(60).ok(),
            badness: Badness::try_from(3u8).ok(),
            look_back: e.date + Days::new(3),
            outcome: None,
            step: Some(StepOf {
                ladder: id.clone(),
                step: steps[0].text.clone(),
                extra: Default::default(),
            }),
            extra: Default::default(),
        });
        e.ladders.push(Ladder {
            id,
            fear: sentence(rng, 4),
            starter: None,
            steps,
            put_away: false,
            extra: Default::default(),
        });
    }
}

/// About one moment in four is debriefed; about one entry in twelve checks a thought, most
/// with both beliefs rated (the second on the whole lower).
fn aftermath(rng: &mut Rng, catalog: &Catalog, e: &mut Entry) {
    let moment = e.episodes.first().map(|ep| ep.triggers.clone());
    if let Some(triggers) = moment.filter(|_| rng.chance(25)) {
        let text = |rng: &mut Rng, percent| {
            if rng.chance(percent) {
                let n = 4 + rng.below(10);
                sentence(rng, n)
            } else {
                String::new()
            }
        };
        let repair = catalog.toolkit.repairs.get(rng.below(8) as usize);
        e.debriefs.push(Debrief {
            felt: vec![rng.pick(closer::journal::vocabulary::EMOTIONS).to_string()],
            my_side: text(rng, 90),
            their_side: text(rng, 50),
            triggers,
            before: text(rng, 40),
            my_part: text(rng, 50),
            next_time: text(rng, 70),
            repair_id: repair.and_then(|r| Name::try_from(r.id.as_str()).ok()),
            repair: repair.map(|r| r.text.clone()).unwrap_or_default(),
            extra: Default::default(),
        });
    }
    if rng.chance(8) && !catalog.toolkit.traps.is_empty() {
        let belief = 40 + 10 * rng.below(6);
        let trap = rng.pick(&catalog.toolkit.traps).id.as_str();
        e.thoughts.push(ThoughtCheck {
            thought: {
                let n = 4 + rng.below(6);
                sentence(rng, n)
            },
            belief: Likelihood::try_from(belief as i64).ok(),
            traps: Name::try_from(trap).ok().into_iter().collect(),
            fits: sentence(rng, 6),
            does_not_fit: sentence(rng, 8),
            kinder: sentence(rng, 8),
            belief_after: rng
                .chance(85)
                .then(|| Likelihood::try_from((belief - 10 * rng.below(5)) as i64).ok())
                .flatten(),
            extra: Default::default(),
        });
    }
}

/// About a third of the entries with a trigger trace a moment; about one in eight makes a
/// prediction, answered when its day has come by `end` (most of the time; some are dropped,
/// a few left open), the real badness on the whole milder than the feared.
fn moments(rng: &mut Rng, catalog: &Catalog, e: &mut Entry, end: NaiveDate) {
    let urges = catalog.urges_for(e.perspective);
    if !e.triggers.is_empty() && !urges.is_empty() && rng.chance(35) {
        for _ in 0..(if rng.chance(10) { 2 } else { 1 }) {
            let mut ep = Episode {
                what: {
                    let n = 4 + rng.below(6);
                    sentence(rng, n)
                },
                triggers: vec![rng.pick(&e.triggers).trigger.clone()],
                ..Episode::default()
            };
            for _ in 0..1 + rng.below(2) {
                let u = rng.pick(&urges).id.clone();
                if !ep.urges.contains(&u) {
                    ep.urges.push(u);
                }
            }
            for _ in 0..rng.below(3) {
                ep.did.push(rng.pick(&catalog.signs).id.clone());
            }
            if rng.chance(60) {
                ep.next = {
                    let n = 3 + rng.below(6);
                    sentence(rng, n)
                };
            }
            ep.repair = match rng.below(20) {
                0..=8 => Name::try_from(rng.pick(&catalog.strategies).id.as_str())
                    .ok()
                    .map(Repair::Strategy),
                9..=12 => Some(Repair::Own(sentence(rng, 5))),
                13..=18 => Some(Repair::NotYet),
                _ => None,
            };
            let repaired = ep.repaired();
            ep.ended = match (repaired, rng.below(10)) {
                (_, 9) => None,
                (true, 0..=4) | (false, 0..=1) => Some(Ending::Closer),
                (true, 5..=6) | (false, 2..=5) => Some(Ending::Same),
                _ => Some(Ending::FurtherApart),
            };
            e.episodes.push(ep);
        }
    }
    if rng.chance(12) {
        let look_back = e.date + Days::new(*rng.pick(&[1u64, 1, 3, 3, 7, 10]));
        let feared = 2 + rng.below(4) as u8;
        let outcome = (look_back <= end && rng.chance(92)).then(|| {
            let result = match rng.below(20) {
                0..=4 => PredictionResult::Yes,
                5..=9 => PredictionResult::Partly,
                10..=18 => PredictionResult::No,
                _ => PredictionResult::Dropped,
            };
            let real = feared.saturating_sub(rng.below(3) as u8).max(1);
            PredictionOutcome {
                on: look_back + Days::new(rng.below(2)),
                result,
                badness: (result != PredictionResult::Dropped && result != PredictionResult::No)
                    .then(|| Badness::try_from(real).ok())
                    .flatten(),
                instead: if rng.chance(50) {
                    sentence(rng, 6)
                } else {
                    String::new()
                },
                extra: Default::default(),
            }
        });
        e.predictions.push(Prediction {
            fear: {
                let n = 5 + rng.below(8);
                sentence(rng, n)
            },
            likelihood: Likelihood::try_from(10 * (1 + rng.below(9)) as i64).ok(),
            badness: Badness::try_from(feared).ok(),
            look_back,
            outcome,
            step: None,
            extra: Default::default(),
        });
    }
}

fn unreachable_name() -> Name {
    // Every generated name is non-empty; this is never used.
    Name::try_from("x").unwrap_or_else(|_| std::process::exit(2))
}

/// Generates `count` entries from `seed`, ending yesterday.
pub fn generate(count: usize, seed: u64, catalog: &Catalog) -> Vec<Entry> {
    let mut rng = Rng(seed);
    let offset = *Local::now().fixed_offset().offset();
    let yesterday = Local::now().date_naive() - Days::new(1);
    let mut out = Vec::with_capacity(count);
    let mut back = 0u64;
    while out.len() < count {
        let day: NaiveDate = yesterday - Days::new(back);
        back += 1;
        let per_day = 1 + rng.below(3);
        for k in 0..per_day {
            if out.len() == count {
                break;
            }
            let hour = 7 + k * 6 + rng.below(3);
            let minute = rng.below(60);
            let Some(naive) = day.and_hms_opt(hour as u32, minute as u32, 0) else {
                continue;
            };
            let Some(at) = naive.and_local_timezone(offset).single() else {
                continue;
            };
            let n = u32::try_from(out.len()).unwrap_or(u32::MAX);
            out.push(entry(&mut rng, catalog, at, n, yesterday));
        }
    }
    out
}

/// A generated journal of `count` entries in `target/bench-data/<count>`, made once and kept
/// (a marker file says it is complete). Returns its folder.
pub fn ensure(count: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/bench-data")
        .join(count.to_string());
    let done = dir.join(".complete");
    if done.exists() {
        return dir;
    }
    let _ = std::fs::remove_dir_all(&dir);
    let catalog = Catalog::bundled().unwrap_or_default();
    let store = Store::open(&dir).unwrap_or_else(|e| panic!("{e}"));
    store
        .add_entries(generate(count, 7, &catalog))
        .unwrap_or_else(|p| panic!("{}", p.error));
    std::fs::write(
        dir.join("state.json"),
        "{\"schema\": 1, \"perspective\": \"i-pull-away\"}\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    drop(store);
    std::fs::write(&done, "").unwrap_or_else(|e| panic!("{e}"));
    dir
}

/// The passphrase of the encrypted bench journals.
pub const PASS: &str = "bench passphrase, not secret";

/// The journal of [`ensure`], copied into `target/bench-data/<count>-encrypted` and encrypted
/// with [`PASS`] (`closer encrypt`'s own conversion), made once and kept; locked on return.
pub fn ensure_encrypted(count: usize) -> PathBuf {
    let plain = ensure(count);
    let dir = plain.with_file_name(format!("{count}-encrypted"));
    let done = dir.join(".complete");
    if done.exists() {
        return dir;
    }
    let _ = std::fs::remove_dir_all(&dir);
    let copied = std::process::Command::new("cp")
        .args(["-r"])
        .arg(&plain)
        .arg(&dir)
        .status()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(copied.success());
    let store = Store::open(&dir).unwrap_or_else(|e| panic!("{e}"));
    closer::store::convert::encrypt(
        &store,
        &age::secrecy::SecretString::from(PASS.to_owned()),
        |_, _| {},
    )
    .unwrap_or_else(|e| panic!("{e}"));
    drop(store);
    closer::store::crypto::lock(&closer::store::Layout::new(&dir));
    std::fs::write(&done, "").unwrap_or_else(|e| panic!("{e}"));
    dir
}

/// The bytes of the journal's files (what "the journal's size on disk" means in DESIGN §8).
pub fn journal_bytes(dir: &Path) -> u64 {
    let mut total = 0;
    let mut stack = vec![dir.join("entries")];
    while let Some(d) = stack.pop() {
        let Ok(read) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in read.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(m) = e.metadata() {
                total += m.len();
            }
        }
    }
    total
}
