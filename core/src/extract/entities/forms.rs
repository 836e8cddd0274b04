//! Whether two keys can be forms of one name: a word-wise prefix (one typo
//! allowed after the first word) or suffix, a short given name, a surname
//! respelt by a letter or two, an acronym's initials; and names of
//! institutions that are usually named after a place.

use super::acronyms::{initials_fit, is_connector};
use super::keys::last_word;
use crate::extract::lexicon::{GIVEN_NAMES, WordSet, contains};

/// Whether `a` and `b` differ by at most one edit (for words of 5+ bytes).
fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if a.len() < 5 || b.len() < 5 || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    prefix + suffix + 1 >= a.len().max(b.len())
}

/// One or two edits apart (two only for words of six letters or more),
/// the longer of five letters or more; case ignored.
pub(crate) fn near_spelling(x: &str, y: &str) -> bool {
    let (x, y): (Vec<char>, Vec<char>) = (
        x.chars().flat_map(char::to_lowercase).collect(),
        y.chars().flat_map(char::to_lowercase).collect(),
    );
    let (short, long) = if x.len() <= y.len() {
        (&x, &y)
    } else {
        (&y, &x)
    };
    if long.len() < 5 || long.len() - short.len() > 2 || x == y || x.first() != y.first() {
        return false;
    }
    let limit = if short.len() >= 6 { 2 } else { 1 };
    // Levenshtein distance, one row.
    let mut row: Vec<usize> = (0..=long.len()).collect();
    for (i, c) in short.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, d) in long.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(c != d));
            diagonal = above;
        }
    }
    row[long.len()] <= limit
}

/// The same words but the last, which is spelt one or two letters apart:
/// `henrik-alto` and `henrik-aalto`.
pub(super) fn is_respelt_surname(a: &str, b: &str) -> bool {
    let (Some((a_rest, a_last)), Some((b_rest, b_last))) = (a.rsplit_once('-'), b.rsplit_once('-'))
    else {
        return false;
    };
    a_rest == b_rest && near_spelling(a_last, b_last)
}

/// `short` is a word-wise prefix of `long` (first word exact, later words up to one typo).
pub(super) fn is_prefix_form(short: &str, long: &str) -> bool {
    let mut long_words = long.split('-');
    short.split('-').enumerate().all(|(index, word)| {
        long_words.next().is_some_and(|other| {
            if index == 0 {
                word == other
            } else {
                same_word(word, other)
            }
        })
    })
}

/// `dani-okonkwo` of `daniel-okonkwo`: the same words but the first, which
/// is a shorter prefix (three letters or more) of the other's first word and
/// not a listed given name itself (`Daniel` is not a short `Danielle`).
pub(super) fn is_short_given_name_form(short: &str, long: &str) -> bool {
    let (Some((short_first, short_rest)), Some((long_first, long_rest))) =
        (short.split_once('-'), long.split_once('-'))
    else {
        return false;
    };
    short_rest == long_rest
        && short_first.len() >= 3
        && short_first.len() < long_first.len()
        && long_first.starts_with(short_first)
        && !contains(&GIVEN_NAMES, short_first)
}

/// `short` is a word-wise suffix of `long`.
pub(super) fn is_suffix_form(short: &str, long: &str) -> bool {
    let mut long_words = long.rsplit('-');
    short
        .rsplit('-')
        .all(|word| long_words.next().is_some_and(|other| word == other))
}

/// Whether the letters of the acronym key `acronym` are the initials of `key`.
pub(super) fn key_initials_match(acronym: &str, key: &str) -> bool {
    let letters: Vec<char> = acronym
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .collect();
    let words: Vec<(char, bool)> = key
        .split('-')
        .filter_map(|word| {
            let first = word.chars().next()?.to_uppercase().next()?;
            Some((first, is_connector(word)))
        })
        .collect();
    initials_fit(&letters, &words)
}

/// Institutions usually named after the place they serve: `Cedar Falls`
/// is not the short form of `Cedar Falls High School`, nor `Westmere` of
/// `Westmere Hospital`. Sorted.
static PLACE_NAMED_INSTITUTIONS: WordSet =
    WordSet::new("center|centre|church|council|hospital|museum|police|school|station");

/// Does the key end in a word of [`PLACE_NAMED_INSTITUTIONS`]?
pub(super) fn named_after_a_place(key: &str) -> bool {
    PLACE_NAMED_INSTITUTIONS.has_exact(last_word(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_named_institutions_are_sorted() {
        assert!(PLACE_NAMED_INSTITUTIONS.is_sorted());
    }

    #[test]
    fn one_typo_is_tolerated_in_long_words_only() {
        assert!(same_word("pictures", "pictured"));
        assert!(same_word("security", "seucurity"));
        assert!(!same_word("korea", "koreas-x"));
        assert!(!same_word("un", "il"));
        assert!(is_prefix_form(
            "sony-pictures",
            "sony-pictured-entertainment"
        ));
        assert!(!is_prefix_form("sonny", "sony-pictures"));
    }
}
