//! The search index: for each entry, which letters and which pairs of letters its folded text
//! holds, in 40 bytes, so a keystroke looks at the text only of entries that may match.
//!
//! Written by hand: it is a Bloom filter of one word (letters) and four (pairs) per entry,
//! answered with a few AND operations; a general full-text index (tantivy and the like) keeps
//! far more than the journal's memory budget allows (1.3 × the journal on disk, `benches/README.md`) and
//! does not fold case as [`super::fold`] does.

use super::{Entry, each_text, fold_into};

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
        let mut folded = String::new();
        each_text(entry, |text| {
            if text.is_ascii() {
                sig.add(text.as_bytes());
            } else {
                sig.add_mixed(text, &mut folded);
            }
            false
        });
        sig
    }

    /// Adds folded text (ASCII upper case is lowered here). Pairs with white space in them are
    /// left out: a searched word has none.
    fn add(&mut self, text: &[u8]) {
        self.add_after(0, text);
    }

    /// [`Signature::add`], going on from the byte `before` (lowered; 0 for none or white
    /// space); gives the last byte, for what follows.
    fn add_after(&mut self, mut before: u8, text: &[u8]) -> u8 {
        let mut letters = self.letters;
        // The four words of pairs in registers, each byte's bit set in the one it falls in
        // without a branch or a store: indexing an array in memory made each byte wait for
        // the store of the byte before (a third of building the index, `perf`).
        let [mut p0, mut p1, mut p2, mut p3] = self.pairs;
        for &b in text {
            letters |= LETTER[usize::from(b)];
            let b = PAIRED[usize::from(b)];
            // 0 when either byte is white space (a pair a searched word cannot hold).
            let kept = u64::from(before != 0 && b != 0);
            let bit = pair(before, b);
            let one = kept << (bit % 64);
            let word = bit / 64;
            p0 |= one & u64::from(word == 0).wrapping_neg();
            p1 |= one & u64::from(word == 1).wrapping_neg();
            p2 |= one & u64::from(word == 2).wrapping_neg();
            p3 |= one & u64::from(word == 3).wrapping_neg();
            before = b;
        }
        (self.letters, self.pairs) = (letters, [p0, p1, p2, p3]);
        before
    }

    /// Adds text that holds characters outside ASCII, as `add(fold(text))` would, folding
    /// only those characters: most such text is ASCII but for a ’ or an é, and folding it
    /// whole a character at a time took a third of building the index (issue 38, `perf`).
    /// Folding leaves ASCII as it is but for its case, which `add` lowers; it drops a
    /// combining dot above after an `i`, so an `i` or `I` just before other characters is
    /// folded with them.
    fn add_mixed(&mut self, text: &str, folded: &mut String) {
        let bytes = text.as_bytes();
        let mut before = 0u8;
        let mut at = 0;
        while at < bytes.len() {
            let mut other = bytes[at..]
                .iter()
                .position(|b| !b.is_ascii())
                .map_or(bytes.len(), |i| at + i);
            if other < bytes.len() && other > at && matches!(bytes[other - 1], b'i' | b'I') {
                other -= 1;
            }
            before = self.add_after(before, &bytes[at..other]);
            if other == bytes.len() {
                break;
            }
            // The characters outside ASCII from there (with the `i`), to the next ASCII
            // character after them: a boundary between characters.
            let first_other = other + usize::from(bytes[other].is_ascii());
            let end = bytes[first_other..]
                .iter()
                .position(u8::is_ascii)
                .map_or(bytes.len(), |i| first_other + i);
            folded.clear();
            fold_into(&text[other..end], folded, None);
            before = self.add_after(before, folded.as_bytes());
            at = end;
        }
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
        s.add(crate::journal::query::fold(text).as_bytes());
        s
    }

    proptest::proptest! {
        /// Folding only the characters outside ASCII gives the signature of the text folded
        /// whole, whatever the mix (an `i` before a combining dot above, İ, ß, ’, é, Σ).
        #[test]
        fn folding_only_what_is_not_ascii_gives_the_signature_of_the_text_folded_whole(
            text in "[aiIzZ' \u{0307}\u{0130}\u{00DF}\u{2019}\u{00E9}\u{03A3}\u{212A}\u{FB01}]{0,24}"
        ) {
            let mut mixed = Signature::default();
            mixed.add_mixed(&text, &mut String::new());
            proptest::prop_assert_eq!(mixed, sig(&text));
        }

        /// The bits set without branches are the bits of each letter and each pair of
        /// neighbouring bytes, as a plain loop sets them.
        #[test]
        fn the_bits_are_those_of_each_letter_and_each_pair(text in "[a-zA-Z0-9 '\n\u{00E9}]{0,64}") {
            let mut naive = Signature::default();
            let bytes = text.as_bytes();
            for (i, &b) in bytes.iter().enumerate() {
                naive.letters |= LETTER[usize::from(b)];
                if i > 0 {
                    let (a, b) = (PAIRED[usize::from(bytes[i - 1])], PAIRED[usize::from(b)]);
                    if a != 0 && b != 0 {
                        let bit = pair(a, b);
                        naive.pairs[bit / 64] |= 1 << (bit % 64);
                    }
                }
            }
            let mut sig = Signature::default();
            sig.add(bytes);
            proptest::prop_assert_eq!(sig, naive);
        }
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
