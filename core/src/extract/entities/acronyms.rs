//! Acronyms: a word written in capitals (`NTSB`, `U.S.`), and whether its
//! letters are the initials of a phrase, connectors optional (`Friends of
//! the Harbour`).

/// `NTSB`, `U.S.`: a single word written in capitals.
pub(super) fn is_acronym_text(text: &str) -> bool {
    let mut letters = 0;
    for c in text.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        } else if !(c.is_ascii_digit() || c == '.' || c == '&') {
            return false;
        }
    }
    letters >= 2
}

pub(super) fn is_connector(word: &str) -> bool {
    ["of", "and", "the", "for", "&"]
        .iter()
        .any(|c| c.eq_ignore_ascii_case(word))
}

/// Whether `letters` are the initials of `words` (first letter, is-connector),
/// connectors being optional. Bounded: long phrases never match.
pub(super) fn initials_fit(letters: &[char], words: &[(char, bool)]) -> bool {
    if letters.len() < 2 || letters.len() > 10 || words.len() > 12 {
        return false;
    }
    fn fit(letters: &[char], words: &[(char, bool)]) -> bool {
        match (letters.split_first(), words.split_first()) {
            (None, _) => words.iter().all(|w| w.1),
            (Some(_), None) => false,
            (Some((&letter, rest_letters)), Some((&(initial, connector), rest_words))) => {
                (initial == letter && fit(rest_letters, rest_words))
                    || (connector && fit(letters, rest_words))
            }
        }
    }
    fit(letters, words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_may_skip_connectors() {
        let words = |s: &str| -> Vec<(char, bool)> {
            s.split(' ')
                .filter_map(|w| Some((w.chars().next()?.to_ascii_uppercase(), is_connector(w))))
                .collect()
        };
        assert!(initials_fit(&['G', 'O', 'P'], &words("Guardians of Peace")));
        assert!(initials_fit(&['G', 'P'], &words("Guardians of Peace")));
        assert!(!initials_fit(&['G', 'O', 'P'], &words("Guardians Peace")));
        assert!(!initials_fit(&['I', 'T'], &words("Sony")));
    }
}
