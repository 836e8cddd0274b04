//! Byte-level helpers shared by the stage tokenizers: decoding the char at a
//! byte offset with an ASCII fast path, and sorted-lexicon look-ups that
//! compare bytes inline instead of calling `memcmp` per probe.

use std::cmp::Ordering;

/// The char starting at byte `at` of `s` (`None` past the end or off a char
/// boundary). Same result as `s.get(at..)?.chars().next()`, faster on ASCII.
#[inline]
pub(crate) fn char_at(s: &str, at: usize) -> Option<char> {
    match s.as_bytes().get(at) {
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => s.get(at..).and_then(|rest| rest.chars().next()),
        None => None,
    }
}

/// Byte-wise comparison, the order of `str`'s `Ord`.
#[inline]
fn cmp_bytes(a: &[u8], b: &[u8]) -> Ordering {
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

/// Whether the bytewise-sorted `list` holds `word` (exact bytes).
#[inline]
pub(crate) fn in_sorted(list: &[&str], word: &str) -> bool {
    let word = word.as_bytes();
    list.binary_search_by(|probe| cmp_bytes(probe.as_bytes(), word))
        .is_ok()
}

/// Lowercases `token` onto `out`: ASCII in place, anything else by
/// `char::to_lowercase` (so the result equals `token.to_lowercase()` char by char).
#[inline]
pub(crate) fn push_lowercase(out: &mut String, token: &str) {
    if token.is_ascii() {
        for b in token.bytes() {
            out.push(b.to_ascii_lowercase() as char);
        }
    } else {
        out.extend(token.chars().flat_map(char::to_lowercase));
    }
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
    fn sorted_lookup_matches_binary_search() {
        let list = ["a", "an", "and", "as", "at", "b", "ba"];
        for word in [
            "", "a", "an", "and", "ana", "as", "at", "az", "b", "ba", "bb", "c",
        ] {
            assert_eq!(in_sorted(&list, word), list.binary_search(&word).is_ok());
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
}
