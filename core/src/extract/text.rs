//! Byte-level helpers shared by the stage tokenizers: decoding the char at a
//! byte offset with an ASCII fast path, and sorted-lexicon look-ups that
//! compare bytes inline instead of calling `memcmp` per probe.

use std::cmp::Ordering;

/// The char starting at byte `at` of `s` (`None` past the end or off a char
/// boundary). Same result as `s.get(at..)?.chars().next()`, faster on ASCII.
#[inline(always)]
pub(crate) fn char_at(s: &str, at: usize) -> Option<char> {
    match s.as_bytes().get(at) {
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => s.get(at..).and_then(|rest| rest.chars().next()),
        None => None,
    }
}

/// Where the last clause of `s` starts: after its last comma or semicolon
/// followed by a space (not the comma of "4,000"), else 0.
pub(crate) fn last_clause_start(s: &str) -> usize {
    s.match_indices([',', ';'])
        .rev()
        .find(|(k, _)| s[k + 1..].starts_with(' '))
        .map_or(0, |(k, _)| k + 1)
}

/// `char::is_alphanumeric`, without a call for ASCII.
#[inline(always)]
pub(crate) fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// `char::is_whitespace`, without a call for ASCII.
#[inline(always)]
pub(crate) fn is_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, ' ' | '\t'..='\r')
    } else {
        c.is_whitespace()
    }
}

/// `char::is_numeric`, without a call for ASCII.
#[inline(always)]
pub(crate) fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        c.is_numeric()
    }
}

/// `char::is_uppercase`, without a call for ASCII.
#[inline(always)]
pub(crate) fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        c.is_uppercase()
    }
}

/// Byte-wise comparison, the order of `str`'s `Ord` (one loop, no calls,
/// so it stays fast even when the build optimises for size).
#[inline(always)]
fn cmp_bytes(a: &[u8], b: &[u8]) -> Ordering {
    let mut k = 0;
    while let (Some(x), Some(y)) = (a.get(k), b.get(k)) {
        if x != y {
            return if x < y {
                Ordering::Less
            } else {
                Ordering::Greater
            };
        }
        k += 1;
    }
    a.len().cmp(&b.len())
}

/// Whether the bytewise-sorted `list` holds `word` (exact bytes).
pub(crate) fn in_sorted(list: &[&str], word: &str) -> bool {
    let word = word.as_bytes();
    let (mut lo, mut hi) = (0, list.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let Some(probe) = list.get(mid) else {
            return false;
        };
        match cmp_bytes(probe.as_bytes(), word) {
            Ordering::Less => lo = mid + 1,
            Ordering::Greater => hi = mid,
            Ordering::Equal => return true,
        }
    }
    false
}

/// Lowercases `token` onto `out`: ASCII in place, anything else by
/// `char::to_lowercase` (so the result equals `token.to_lowercase()` char by char).
#[inline]
pub(crate) fn push_lowercase(out: &mut String, token: &str) {
    if token.is_ascii() {
        let from = out.len();
        out.push_str(token);
        if let Some(pushed) = out.get_mut(from..) {
            pushed.make_ascii_lowercase();
        }
    } else {
        out.extend(token.chars().flat_map(char::to_lowercase));
    }
}

/// `s.to_ascii_lowercase()`, eight bytes at a time: the sentence-level
/// lowercasing of the tokenizers runs over every byte of the text.
pub(crate) fn ascii_lowercase(s: &str) -> String {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut bytes = s.as_bytes().to_vec();
    let mut chunks = bytes.chunks_exact_mut(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        // Per byte: high bit set where the byte is ASCII and in 'A'..='Z'.
        let low7 = w & !HIGH;
        let at_least_a = low7 + ONES * (0x80 - u64::from(b'A'));
        let above_z = low7 + ONES * (0x80 - u64::from(b'Z') - 1);
        let upper = at_least_a & !above_z & !w & HIGH;
        chunk.copy_from_slice(&(w | (upper >> 2)).to_le_bytes());
    }
    chunks.into_remainder().make_ascii_lowercase();
    // Only ASCII uppercase bytes changed, so the bytes are still UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|_| s.to_ascii_lowercase())
}

/// Does `s` start with an uppercase letter? (`char::is_uppercase` of its
/// first char, without decoding it when it is ASCII.)
#[inline]
pub(crate) fn starts_uppercase(s: &str) -> bool {
    char_at(s, 0).is_some_and(is_upper)
}

/// A fixed set of lowercase words, each with a `u32` payload (flags, or a
/// value), found with one hashed probe: for hot per-token look-ups where a
/// binary search per list would cost a dozen comparisons each.
pub(crate) struct WordTable {
    /// Open addressing with linear probing; `""` marks an empty slot. The
    /// length is a power of two at least four times the number of words, so
    /// probes stay short and every probe sequence reaches an empty slot.
    slots: Vec<(&'static str, u32)>,
}

impl WordTable {
    /// The table of `entries`; a word listed twice gets its payloads OR-ed.
    pub(crate) fn new(entries: &[(&'static str, u32)]) -> WordTable {
        let size = (entries.len() * 4).next_power_of_two().max(16);
        let mut slots = vec![("", 0); size];
        for &(word, payload) in entries.iter().filter(|(w, _)| !w.is_empty()) {
            let mut at = hash(word.as_bytes());
            for _ in 0..size {
                match slots.get_mut(at & (size - 1)) {
                    Some(slot) if slot.0.is_empty() || slot.0 == word => {
                        *slot = (word, slot.1 | payload);
                        break;
                    }
                    _ => at += 1,
                }
            }
        }
        WordTable { slots }
    }

    /// The payload of `word` (exact bytes), 0 when it is not in the table.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> u32 {
        self.get_bytes(word.as_bytes())
    }

    /// [`WordTable::get`] of `word` in ASCII lowercase, without lowercasing
    /// a copy (the table's words are lowercase).
    pub(crate) fn get_ignoring_ascii_case(&self, word: &[u8]) -> u32 {
        self.probe(hash_lowercase(word), |key| {
            key.len() == word.len() && key.as_bytes().eq_ignore_ascii_case(word)
        })
    }

    /// [`WordTable::get`] for a word given as bytes.
    pub(crate) fn get_bytes(&self, word: &[u8]) -> u32 {
        self.probe(hash(word), |key| {
            key.len() == word.len() && key.as_bytes() == word
        })
    }

    /// The payload of the first key from slot `at` on that `is_word`
    /// accepts, 0 at an empty slot.
    #[inline(always)]
    fn probe(&self, mut at: usize, is_word: impl Fn(&str) -> bool) -> u32 {
        let mask = self.slots.len().wrapping_sub(1);
        for _ in 0..self.slots.len() {
            match self.slots.get(at & mask) {
                Some((key, payload)) if !key.is_empty() => {
                    if is_word(key) {
                        return *payload;
                    }
                    at += 1;
                }
                _ => return 0,
            }
        }
        0
    }
}

/// [`hash`] of the word in ASCII lowercase.
#[inline(always)]
fn hash_lowercase(word: &[u8]) -> usize {
    fnv1a(word, |b| b.to_ascii_lowercase())
}

/// FNV-1a of the word's bytes.
#[inline(always)]
pub(crate) fn hash(word: &[u8]) -> usize {
    fnv1a(word, |b| b)
}

/// FNV-1a of the word's bytes, each passed through `fold` first.
#[inline(always)]
fn fnv1a(word: &[u8], fold: impl Fn(u8) -> u8) -> usize {
    let mut hash: u32 = 0x811c_9dc5;
    for &b in word {
        hash ^= u32::from(fold(b));
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_at_matches_the_slow_form() {
        let s = "aé’ b";
        for at in 0..=s.len() + 1 {
            assert_eq!(
                char_at(s, at),
                s.get(at..).and_then(|r| r.chars().next()),
                "{at}"
            );
        }
    }

    #[test]
    fn ascii_classes_match_std() {
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_space(c), c.is_whitespace(), "{c:?}");
            assert_eq!(is_numeric(c), c.is_numeric(), "{c:?}");
            assert_eq!(is_upper(c), c.is_uppercase(), "{c:?}");
        }
    }

    #[test]
    fn sorted_lookup_matches_binary_search() {
        let list = ["a", "an", "and", "as", "at", "b", "ba"];
        for word in [
            "", "a", "an", "and", "ana", "as", "at", "az", "b", "ba", "bb", "c",
        ] {
            assert_eq!(in_sorted(&list, word), list.binary_search(&word).is_ok());
        }
    }

    #[test]
    fn word_table_finds_exactly_its_words() {
        let table = WordTable::new(&[("one", 1), ("two", 2), ("one", 4), ("", 8)]);
        assert_eq!(table.get("one"), 5);
        assert_eq!(table.get("two"), 2);
        for absent in ["", "on", "ones", "three", "One"] {
            assert_eq!(table.get(absent), 0, "{absent}");
        }
        let many: Vec<(&'static str, u32)> = STOPS.iter().map(|w| (*w, 1)).collect();
        let table = WordTable::new(&many);
        assert!(STOPS.iter().all(|w| table.get(w) == 1));
        for (word, found) in [("THE", 1), ("The", 1), ("tHe", 1), ("thee", 0), ("", 0)] {
            assert_eq!(
                table.get_ignoring_ascii_case(word.as_bytes()),
                found,
                "{word}"
            );
        }
    }

    const STOPS: &[&str] = &[
        "a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to",
    ];

    #[test]
    fn ascii_lowercase_matches_std() {
        let samples = [
            "",
            "A",
            "Hello, WORLD! @[`{ AZaz09",
            "Cisco’s ÉTÉ İstanbul — THE Interview (GOP) said: \"ZZZ\" @@@@@@@@[[[[[[[[",
            "\u{7f}\u{80}ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~",
        ];
        for sample in samples {
            for start in 0..sample.len() {
                if let Some(s) = sample.get(start..) {
                    assert_eq!(ascii_lowercase(s), s.to_ascii_lowercase(), "{s:?}");
                }
            }
        }
        let every_byte: String = (0..=0x7fu8).map(char::from).chain("éÉ’".chars()).collect();
        assert_eq!(
            ascii_lowercase(&every_byte),
            every_byte.to_ascii_lowercase()
        );
    }

    #[test]
    fn starts_uppercase_matches_std() {
        for s in ["", "a", "A", "É", "é", "’", "1", "İx"] {
            assert_eq!(
                starts_uppercase(s),
                s.chars().next().is_some_and(char::is_uppercase),
                "{s}"
            );
        }
    }

    #[test]
    fn lowercases_like_std() {
        for token in ["ABC", "Cisco’s", "İstanbul", "ÉTÉ", "x"] {
            let mut out = String::new();
            push_lowercase(&mut out, token);
            let slow: String = token.chars().flat_map(char::to_lowercase).collect();
            assert_eq!(out, slow);
        }
    }

    #[test]
    fn the_last_clause_starts_after_a_comma_and_a_space() {
        assert_eq!(last_clause_start("no break here"), 0);
        assert_eq!(last_clause_start("it said, the 4,000 staff"), 8);
        assert_eq!(last_clause_start("a; b, 1,200"), 5);
        assert_eq!(last_clause_start("4,000 and 1,200"), 0);
    }
}
