//! Canonical keys: a name lowercased, ASCII-folded and its words joined by
//! `-` (`Kim Jong-Un` → `kim-jong-un`), and the word-wise helpers on keys.

use super::tokens::is_apostrophe;
use crate::extract::text::{char_at, is_alnum};

/// Appends `c` lowercased and ASCII-folded (`é` → `e`, `ß` → `ss`).
fn push_folded(key: &mut String, c: char) {
    if c.is_ascii() {
        key.push(c.to_ascii_lowercase());
        return;
    }
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å'
        | 'Ā' => "a",
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "c",
        'ď' | 'đ' | 'Ď' | 'Đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ě' => {
            "e"
        }
        'ğ' | 'Ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'İ' => "i",
        'ł' | 'Ł' => "l",
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō'
        | 'Ő' => "o",
        'ř' | 'Ř' => "r",
        'ś' | 'š' | 'ş' | 'Ś' | 'Š' | 'Ş' => "s",
        'ť' | 'ţ' | 'Ť' | 'Ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' => {
            "u"
        }
        'ý' | 'ÿ' | 'Ý' => "y",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
        'ß' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'þ' | 'Þ' => "th",
        _ => {
            key.extend(c.to_lowercase());
            return;
        }
    };
    key.push_str(folded);
}

/// Appends the key words of `part` to `key`: alphanumerics folded,
/// apostrophes and dots dropped (`O’Brien` → `obrien`, `U.S.` → `us`),
/// anything else separates words with `-`.
pub(super) fn push_key_words(key: &mut String, part: &str) {
    let mut separate = !key.is_empty();
    let mut pos = 0;
    while let Some(c) = char_at(part, pos) {
        pos += c.len_utf8();
        if is_alnum(c) {
            if separate && !key.is_empty() && key.as_bytes().last() != Some(&b'-') {
                key.push('-');
            }
            separate = false;
            push_folded(key, c);
        } else if !is_apostrophe(c) && c != '.' {
            separate = true;
        }
    }
}

/// The canonical spelling of a name: `Kim Jong-Un` → `kim-jong-un`.
pub fn name_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    push_key_words(&mut key, name);
    key
}

pub(super) fn first_word(key: &str) -> &str {
    key.split('-').next().unwrap_or(key)
}

pub(super) fn last_word(key: &str) -> &str {
    key.rsplit('-').next().unwrap_or(key)
}

pub(super) fn word_count(key: &str) -> usize {
    key.split('-').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_case_hyphens_accents_and_dots() {
        assert_eq!(name_key("Kim Jong-Un"), "kim-jong-un");
        assert_eq!(name_key("Kim Jong Un"), "kim-jong-un");
        assert_eq!(name_key("U.S."), "us");
        assert_eq!(name_key("O’Brien"), "obrien");
        assert_eq!(name_key("Société Générale"), "societe-generale");
        assert_eq!(name_key("AT&T"), "at-t");
    }
}
