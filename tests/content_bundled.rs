//! The bundled content keeps its promises: it parses, every rule of `content::validate` holds,
//! and no run of eight words is copied from the source articles.
//!
//! The articles themselves are not part of this repository; `tests/data/source-fingerprints.txt`
//! holds a hash of every eight-word run in them. When `../shared/sources/` is present (on the
//! developers' machines) a test checks that file is up to date; `CLOSER_WRITE_FINGERPRINTS=1`
//! rewrites it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use closer::content::validate::validate;
use closer::content::{Catalog, Source};

const RUN: usize = 8;

fn fingerprint_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/source-fingerprints.txt")
}

fn sources_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/sources")
}

/// Words as the check sees them: lower case, letters, digits and apostrophes.
fn words(text: &str) -> Vec<String> {
    let folded: String = text
        .chars()
        .map(|c| {
            if c == '\u{2019}' || c == '\u{2018}' {
                '\''
            } else {
                c
            }
        })
        .flat_map(char::to_lowercase)
        .collect();
    folded
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// FNV-1a, 64 bits: small, stable across platforms and Rust versions.
fn fnv(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn runs(text: &str) -> Vec<(u64, String)> {
    let w = words(text);
    w.windows(RUN)
        .map(|run| {
            let joined = run.join(" ");
            (fnv(&joined), joined)
        })
        .collect()
}

fn source_fingerprints(dir: &Path) -> BTreeSet<u64> {
    let mut set = BTreeSet::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = fs::read_to_string(&path).unwrap();
            set.extend(runs(&text).into_iter().map(|(h, _)| h));
        }
    }
    set
}

fn committed_fingerprints() -> BTreeSet<u64> {
    fs::read_to_string(fingerprint_file())
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| u64::from_str_radix(l, 16).unwrap())
        .collect()
}

/// Every piece of prose in the catalog, with where it is.
fn texts(c: &Catalog) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut add = |at: String, text: &str| out.push((at, text.to_owned()));
    for t in &c.triggers {
        add(format!("trigger {} name", t.id), &t.name);
        add(format!("trigger {} summary", t.id), &t.summary);
        t.aspects
            .iter()
            .for_each(|a| add(format!("trigger {} aspect", t.id), a));
        t.looks_like
            .iter()
            .for_each(|a| add(format!("trigger {} looks_like", t.id), a));
        for (field, text) in [
            ("partner_summary", &t.partner_summary),
            ("partner_note", &t.partner_note),
        ] {
            if let Some(text) = text {
                add(format!("trigger {} {field}", t.id), text);
            }
        }
    }
    for s in &c.signs {
        add(format!("sign {}", s.id), &s.label);
    }
    for s in &c.strategies {
        add(format!("strategy {} title", s.id), &s.title);
        add(format!("strategy {} why", s.id), &s.why);
        add(format!("strategy {} try_today", s.id), &s.try_today);
        if let Some(caveat) = &s.caveat {
            add(format!("strategy {} caveat", s.id), caveat);
        }
        s.steps
            .iter()
            .for_each(|a| add(format!("strategy {} step", s.id), a));
    }
    for p in &c.prompts {
        add(format!("prompt {} text", p.id), &p.text);
        add(format!("prompt {} idea", p.id), &p.idea);
    }
    let k = &c.toolkit;
    for p in k.openers.iter().chain(&k.repairs).chain(&k.questions) {
        add(format!("toolkit {}", p.id), &p.text);
    }
    for t in &k.traps {
        add(format!("toolkit {} name", t.id), &t.name);
        add(format!("toolkit {} sounds_like", t.id), &t.sounds_like);
        add(format!("toolkit {} check", t.id), &t.check);
    }
    for r in &k.rituals {
        add(format!("toolkit {} name", r.id), &r.name);
        add(format!("toolkit {} text", r.id), &r.text);
    }
    add("episode_intro".into(), &c.episodes.episode_intro);
    add("prediction_why".into(), &c.episodes.prediction_why);
    for u in &c.episodes.urges {
        add(format!("urge {}", u.id), &u.label);
    }
    add("card intro".into(), &k.card.intro);
    k.card.steps.iter().for_each(|s| add("card step".into(), s));
    add("card instead".into(), &k.card.instead);
    add("card safety".into(), &k.card.safety);
    for d in &c.digests {
        add(format!("digest {} title", d.id), &d.title);
        add(format!("digest {} summary", d.id), &d.summary);
        for s in &d.sections {
            add(
                format!("digest {} section {:?}", d.id, s.heading),
                &s.heading,
            );
            add(format!("digest {} section {:?}", d.id, s.heading), &s.body);
        }
        for f in &d.faqs {
            add(format!("digest {} faq {:?}", d.id, f.question), &f.question);
            add(format!("digest {} faq {:?}", d.id, f.question), &f.answer);
        }
    }
    out
}

#[test]
fn bundled_content_keeps_every_rule() {
    let c = Catalog::bundled().unwrap();
    let findings = validate(&c);
    let text: Vec<String> = findings.iter().map(ToString::to_string).collect();
    assert!(
        findings.is_empty(),
        "content rules broken:\n{}",
        text.join("\n")
    );
}

#[test]
fn every_article_has_a_digest_and_both_faqs_are_there() {
    let c = Catalog::bundled().unwrap();
    for source in Source::ALL {
        let d = c.digests.iter().find(|d| d.source == Some(source)).unwrap();
        assert!(
            d.sections.len() >= 5,
            "{}: {} sections",
            d.id,
            d.sections.len()
        );
    }
    for with_faq in [
        Source::HealingEmotionalDistance,
        Source::WhyAPartnerPullsAway,
    ] {
        let d = c
            .digests
            .iter()
            .find(|d| d.source == Some(with_faq))
            .unwrap();
        assert!(d.faqs.len() >= 3, "{}", d.id);
    }
}

#[test]
fn the_validator_catches_what_it_should() {
    // Guard against a validator that passes everything.
    let mut c = Catalog::bundled().unwrap();
    c.prompts
        .retain(|p| !p.triggers.iter().any(|t| t == "anxiety"));
    c.strategies[0].triggers.push("no-such-trigger".into());
    c.prompts[0].text = "word ".repeat(60);
    c.signs[0].label = " ".into();
    let text: Vec<String> = validate(&c).iter().map(ToString::to_string).collect();
    for expected in [
        "trigger anxiety: has 0 prompts; needs at least 3",
        "refers to trigger \"no-such-trigger\"",
        "lines at 76 columns",
        "label is empty",
    ] {
        assert!(
            text.iter().any(|t| t.contains(expected)),
            "{expected}: {text:#?}"
        );
    }
}

#[test]
fn no_eight_word_run_is_copied_from_the_articles() {
    let fingerprints = committed_fingerprints();
    assert!(
        fingerprints.len() > 5000,
        "the fingerprint file looks empty"
    );
    let c = Catalog::bundled().unwrap();
    let mut copied = Vec::new();
    for (at, text) in texts(&c) {
        for (hash, run) in runs(&text) {
            if fingerprints.contains(&hash) {
                copied.push(format!("{at}: \"{run}\""));
            }
        }
    }
    assert!(
        copied.is_empty(),
        "copied from a source article:\n{}",
        copied.join("\n")
    );
}

#[test]
fn the_check_would_see_a_copied_run() {
    let fingerprints = committed_fingerprints();
    // The opening words of "Breaking the Walls", as published, with different case and commas.
    let copied =
        "ANXIETY can be a significant obstacle in relationships, often, causing individuals";
    assert!(runs(copied).iter().any(|(h, _)| fingerprints.contains(h)));
}

#[test]
fn the_fingerprints_match_the_articles() {
    let dir = sources_dir();
    if !dir.is_dir() {
        eprintln!(
            "{} is not here; the committed fingerprints are used as they are",
            dir.display()
        );
        return;
    }
    let fresh = source_fingerprints(&dir);
    if std::env::var_os("CLOSER_WRITE_FINGERPRINTS").is_some() {
        let mut text = String::from(
            "# FNV-1a 64 of every run of 8 words in ../shared/sources/*.txt (see tests/content_bundled.rs)\n",
        );
        for h in &fresh {
            text.push_str(&format!("{h:016x}\n"));
        }
        fs::write(fingerprint_file(), text).unwrap();
    }
    assert_eq!(
        committed_fingerprints(),
        fresh,
        "run with CLOSER_WRITE_FINGERPRINTS=1 to update"
    );
}

/// A Flesch–Kincaid grade estimate: 0.39 × words per sentence + 11.8 × syllables per word −
/// 15.59 (Kincaid et al., 1975). Sentences end at `.`, `!`, `?` (a closing quote may follow)
/// or a line break, so each list item is one; a line ending in ":" ends one too. Syllables are
/// vowel groups, with a silent final "e" (and "-es", "-ed" after a consonant) dropped, at
/// least one a word. Rough, but the same rules give the same ranking every time, which is what
/// a ceiling needs; `None` for text without words.
fn grade(text: &str) -> Option<f64> {
    fn words(s: &str) -> Vec<&str> {
        s.split(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
            .filter(|w| w.chars().any(|c| c.is_ascii_alphanumeric()))
            .collect()
    }
    fn syllables(word: &str) -> usize {
        let w = word.to_lowercase();
        let w = w.trim_matches('\'');
        if w.chars().all(|c| c.is_ascii_digit()) {
            return w.len().max(1);
        }
        let mut w: Vec<char> = w.strip_suffix("'s").unwrap_or(w).chars().collect();
        if w.len() <= 3 {
            return 1;
        }
        let soft = |c: char| "laeiouy".contains(c);
        let n = w.len();
        if (w.ends_with(&['e', 's']) || w.ends_with(&['e', 'd'])) && !soft(w[n - 3]) {
            w.truncate(n - 3);
        } else if w[n - 1] == 'e' && !soft(w[n - 2]) {
            w.truncate(n - 2);
        }
        if w.first() == Some(&'y') {
            w.remove(0);
        }
        let vowel = |c: &char| "aeiouy".contains(*c);
        let groups = w
            .iter()
            .enumerate()
            .filter(|(i, c)| vowel(c) && (*i == 0 || !vowel(&w[i - 1])))
            .count();
        groups.max(1)
    }
    let mut sentences = 0usize;
    let mut all_words = Vec::new();
    for line in text.lines() {
        let line = line.trim().trim_start_matches('-').trim();
        let mut start = 0;
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        for (k, &(i, c)) in chars.iter().enumerate() {
            let next = chars.get(k + 1).map(|x| x.1);
            let after_quote = matches!(next, Some('"' | '\'' | '”' | ')'))
                && chars.get(k + 2).is_none_or(|x| x.1.is_whitespace());
            let ends = matches!(c, '.' | '!' | '?')
                && (next.is_none_or(char::is_whitespace) || after_quote);
            if ends || (c == ':' && k + 1 == chars.len()) {
                let piece = &line[start..i + c.len_utf8()];
                if !words(piece).is_empty() {
                    sentences += 1;
                    all_words.extend(words(piece));
                }
                start = i + c.len_utf8();
            }
        }
        let rest = &line[start..];
        if !words(rest).is_empty() {
            sentences += 1;
            all_words.extend(words(rest));
        }
    }
    if all_words.is_empty() {
        return None;
    }
    let syllables: usize = all_words.iter().map(|w| syllables(w)).sum();
    let (w, s) = (all_words.len() as f64, sentences as f64);
    Some(0.39 * (w / s) + 11.8 * (syllables as f64 / w) - 15.59)
}

/// The most a digest section or an FAQ answer may read at (issue 15: plain language).
const MAX_GRADE: f64 = 8.0;

#[test]
fn the_grade_estimate_tells_plain_from_dense() {
    let plain = "You pulled away today. That is okay. Take a breath and try one small step.";
    let dense = "Relationship distancing frequently originates from unresolved attachment \
                 insecurities, manifesting as defensive withdrawal behaviours that \
                 systematically undermine emotional intimacy and communication.";
    assert!(grade(plain).unwrap() < 3.0, "{:?}", grade(plain));
    assert!(grade(dense).unwrap() > 14.0, "{:?}", grade(dense));
    assert_eq!(grade("  - \n"), None);
}

#[test]
fn every_digest_section_and_faq_answer_reads_at_grade_8_or_below() {
    let c = Catalog::bundled().unwrap();
    let mut hard = Vec::new();
    for d in &c.digests {
        let texts = d
            .sections
            .iter()
            .map(|s| (format!("section \"{}\"", s.heading), &s.body))
            .chain(
                d.faqs
                    .iter()
                    .map(|f| (format!("answer to \"{}\"", f.question), &f.answer)),
            );
        for (what, text) in texts {
            if let Some(g) = grade(text)
                && g > MAX_GRADE
            {
                hard.push(format!("{} {what}: grade {g:.1}", d.id));
            }
        }
    }
    assert!(
        hard.is_empty(),
        "above grade {MAX_GRADE}: split long sentences, prefer short words:\n{}",
        hard.join("\n")
    );
}
