//! The search index: for each entry, which letters and which pairs of letters its folded text
//! holds, in 40 bytes, so a keystroke looks at the text only of entries that may match.
//!
//! Written by hand: it is a Bloom filter of one word (letters) and four (pairs) per entry,
//! answered with a few AND operations; a general full-text index (tantivy and the like) keeps
//! far more than the journal's memory budget allows (1.3 × the journal on disk, `benches/README.md`) and
//! does not fold case as [`super::fold`] does.

use super::{Entry, each_text, fold};

/// Which letters and pairs of letters an entry's searched text holds, after folding: one bit
/// per ASCII letter and digit (exact), bits shared by other characters, and 256 bits for pairs
/// of neighbouring bytes (hashed, so shared). A word can be in the entry only if each of its
/// bytes and each of its pairs has its bit set; a word of one letter or digit is there exactly
/// when its bit is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Signature {
    letters: u64,
    pairs: [u64; 4],
}

/// The bit of each byte in [`Signature::letters`]: `a`–`z` 0–25 (upper case too: text is
/// folded), `0`–`9` 26–35, `'` 36, `"` 37, other ASCII 38–47, bytes of other characters 48–63.
const LETTER: [u64; 256] = {
    let mut table = [0u64; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        let bit = match byte {
            b'a'..=b'z' => byte - b'a',
            b'A'..=b'Z' => byte - b'A',
            b'0'..=b'9' => 26 + byte - b'0',
            b'\'' => 36,
            b'"' => 37,
            0..=127 => 38 + byte % 10,
            _ => 48 + byte % 16,
        };
        table[b] = 1 << bit;
        b += 1;
    }
    table
};

/// Each byte as it goes into a pair: ASCII lowered, white space (and NUL) 0, for none.
const PAIRED: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_whitespace() {
            0
        } else {
            byte.to_ascii_lowercase()
        };
        b += 1;
    }
    table
};

/// The bit of a pair of bytes (already folded) in [`Signature::pairs`], 0–255.
fn pair(a: u8, b: u8) -> usize {
    ((u32::from(a) << 8 | u32::from(b)).wrapping_mul(0x9E37_79B1) >> 24) as usize
}

impl Signature {
    /// The signature of an entry's searched text (the fields [`super::entry_contains_all`]
    /// looks in), folded as a search folds it.
    pub fn of(entry: &Entry) -> Signature {
        let mut sig = Signature::default();
        each_text(entry, |text| {
            if text.is_ascii() {
                sig.add(text.as_bytes());
            } else {
                sig.add(fold(text).as_bytes());
            }
            false
        });
        sig
    }

    /// Adds folded text (ASCII upper case is lowered here). Pairs with white space in them are
    /// left out: a searched word has none.
    fn add(&mut self, text: &[u8]) {
        let (mut letters, mut pairs) = (self.letters, self.pairs);
        // The byte before, lowered; 0 after white space (and at the start).
        let mut before = 0u8;
        for &b in text {
            letters |= LETTER[usize::from(b)];
            let b = PAIRED[usize::from(b)];
            if before != 0 && b != 0 {
                let bit = pair(before, b);
                pairs[bit / 64] |= 1 << (bit % 64);
            }
            before = b;
        }
        (self.letters, self.pairs) = (letters, pairs);
    }

    /// The signature a text must hold to contain `word` (folded, no white space).
    fn wanted(word: &str) -> Signature {
        let mut sig = Signature::default();
        sig.add(word.as_bytes());
        sig
    }

    /// Whether an entry of this signature may contain every word of `wanted` (each made by
    /// [`Signature::wanted`], merged): `false` means it cannot.
    fn may_hold(&self, wanted: &Signature) -> bool {
        self.letters & wanted.letters == wanted.letters
            && self
                .pairs
                .iter()
                .zip(&wanted.pairs)
                .all(|(have, want)| have & want == *want)
    }
}

/// What a search asks of the index: the bits every word needs, and whether the index answers
/// it alone (each word one ASCII letter or digit, whose bit is exact).
#[derive(Debug, Clone, Copy)]
pub struct Wanted {
    sig: Signature,
    exact: bool,
}

impl Wanted {
    /// For the words of a search (folded).
    pub fn of(words: &[String]) -> Wanted {
        let mut sig = Signature::default();
        for w in words {
            let one = Signature::wanted(w);
            sig.letters |= one.letters;
            for (to, from) in sig.pairs.iter_mut().zip(one.pairs) {
                *to |= from;
            }
        }
        let exact = words
            .iter()
            .all(|w| w.len() == 1 && w.as_bytes()[0].is_ascii_alphanumeric());
        Wanted { sig, exact }
    }

    /// Whether an entry of signature `sig` may match: `Some(true)` when it does for certain,
    /// `Some(false)` when it cannot, `None` when its text must be looked at.
    pub fn check(&self, sig: &Signature) -> Option<bool> {
        if !sig.may_hold(&self.sig) {
            Some(false)
        } else if self.exact {
            Some(true)
        } else {
            None
        }
    }
}

/// Journals larger than this are indexed on two threads.
const PARALLEL_FROM: usize = 20_000;

/// The signature of each entry, in the same order.
pub fn index(entries: &[Entry]) -> Vec<Signature> {
    let mut out = vec![Signature::default(); entries.len()];
    if entries.len() < PARALLEL_FROM {
        for (to, e) in out.iter_mut().zip(entries) {
            *to = Signature::of(e);
        }
        return out;
    }
    let half = entries.len() / 2;
    let (first, second) = entries.split_at(half);
    let (to_first, to_second) = out.split_at_mut(half);
    std::thread::scope(|s| {
        s.spawn(|| {
            for (to, e) in to_first.iter_mut().zip(first) {
                *to = Signature::of(e);
            }
        });
        for (to, e) in to_second.iter_mut().zip(second) {
            *to = Signature::of(e);
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::query::{contains_folded, words};

    fn sig(text: &str) -> Signature {
        let mut s = Signature::default();
        s.add(fold(text).as_bytes());
        s
    }

    #[test]
    fn a_word_that_is_there_always_passes() {
        for (text, query) in [
            ("I felt Distant today", "distant"),
            ("Straße", "strasse"),
            ("ΣΊΣΥΦΟΣ", "σίσυφος"),
            ("don’t", "don't"),
            ("İstanbul", "istanbul"),
            ("the \u{212A}elvin sign", "kelvin"),
            ("42 days", "42"),
            ("x", "x"),
        ] {
            let w = words(query);
            assert!(contains_folded(text, &w[0]), "{text} / {query}");
            assert_ne!(
                Wanted::of(&w).check(&sig(text)),
                Some(false),
                "{text} / {query}"
            );
        }
    }

    #[test]
    fn a_letter_is_answered_by_the_index_alone() {
        let s = sig("Quiet evening");
        assert_eq!(Wanted::of(&words("q")).check(&s), Some(true));
        assert_eq!(Wanted::of(&words("z")).check(&s), Some(false));
        assert_eq!(Wanted::of(&words("q e")).check(&s), Some(true));
        // Two letters: their pair is hashed, so the text is looked at.
        assert_eq!(Wanted::of(&words("qu")).check(&s), None);
        assert_eq!(Wanted::of(&words("é")).check(&s), Some(false));
    }

    #[test]
    fn pairs_across_a_space_or_a_field_are_not_kept() {
        let s = sig("ab cd");
        assert!(!s.may_hold(&Signature::wanted("bc")));
        assert!(s.may_hold(&Signature::wanted("cd")));
    }
}
