//! The bundled content keeps its promises: it parses, every rule of `content::validate` holds,
//! and no run of ten words is copied from the source articles.
//!
//! The articles themselves are not part of this repository; `tests/data/source-fingerprints.txt`
//! holds a hash of every ten-word run in them. When `../shared/sources/` is present (on the
//! developers' machines) a test checks that file is up to date; `CLOSER_WRITE_FINGERPRINTS=1`
//! rewrites it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use closer::content::validate::validate;
use closer::content::{Catalog, Source};

const RUN: usize = 10;

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
    }
    for s in &c.signs {
        add(format!("sign {}", s.id), &s.label);
    }
    for s in &c.strategies {
        add(format!("strategy {} title", s.id), &s.title);
        add(format!("strategy {} why", s.id), &s.why);
        add(format!("strategy {} try_today", s.id), &s.try_today);
        s.steps
            .iter()
            .for_each(|a| add(format!("strategy {} step", s.id), a));
    }
    for p in &c.prompts {
        add(format!("prompt {} text", p.id), &p.text);
        add(format!("prompt {} idea", p.id), &p.idea);
    }
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
        let d = c.digests.iter().find(|d| d.source == source).unwrap();
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
        let d = c.digests.iter().find(|d| d.source == with_faq).unwrap();
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
fn no_ten_word_run_is_copied_from_the_articles() {
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
            "# FNV-1a 64 of every run of 10 words in ../shared/sources/*.txt (see tests/content_bundled.rs)\n",
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
