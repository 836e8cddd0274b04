//! Tokens of one sentence: words, numbers and punctuation with absolute
//! offsets, capitalisation and possessives (`Korea’s`, `Pictures’`) noted,
//! abbreviations such as `U.S.` kept in one word.

use crate::extract::text::{char_at, is_alnum, is_numeric, is_space, is_upper};
use crate::model::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TokenKind {
    Word,
    Number,
    Punct(char),
}

/// A word, number or punctuation mark of one sentence, with absolute offsets.
#[derive(Clone, Copy, Debug)]
pub(super) struct Token<'t> {
    /// The text of `start..end`.
    pub(super) text: &'t str,
    pub(super) start: usize,
    /// End of the name part: a possessive `’s` is not included.
    pub(super) end: usize,
    pub(super) kind: TokenKind,
    /// First character is uppercase.
    pub(super) capitalised: bool,
    /// At least two letters, all uppercase (`GOP`, `U.S.`).
    pub(super) all_caps: bool,
    /// Followed by a possessive `’s` or a plural possessive `’`.
    pub(super) possessive: bool,
    /// First word of the sentence or after an opening quote or bracket
    /// (for words); an opening quote or bracket (for punctuation).
    pub(super) initial: bool,
}

pub(super) fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// A surname opening with a lowercase Arabic article and a hyphen
/// ("al-Rashid", "el-Sayed", "ash-Shami"): a capitalised name word.
fn article_prefixed(word: &str) -> bool {
    word.split_once('-').is_some_and(|(article, rest)| {
        matches!(
            article,
            "al" | "el" | "ad" | "ar" | "as" | "ash" | "az" | "ul"
        ) && rest.starts_with(|c: char| c.is_uppercase())
    })
}

/// Tokenises the sentence `span` of `text` into `out` (cleared first).
pub(super) fn tokenize<'t>(text: &'t str, span: Span, out: &mut Vec<Token<'t>>) {
    out.clear();
    let Some(s) = text.get(span.start..span.end) else {
        return;
    };
    let base = span.start;
    let mut pos = 0;
    let mut seen_word = false;
    while let Some(c) = char_at(s, pos) {
        if is_space(c) {
            pos += c.len_utf8();
            continue;
        }
        if is_alnum(c) {
            let (end, name_end, possessive) = scan_word(s, pos);
            let word = s.get(pos..name_end).unwrap_or("");
            let number = is_numeric(c);
            let after_opening = out
                .last()
                .is_some_and(|t| t.initial && !matches!(t.kind, TokenKind::Word));
            let (mut letter_count, mut upper) = (0, true);
            if word.bytes().all(|b| b < 0x80) {
                for b in word.bytes().filter(u8::is_ascii_alphabetic) {
                    letter_count += 1;
                    upper &= b.is_ascii_uppercase();
                }
            } else {
                for letter in word.chars().filter(|c| c.is_alphabetic()) {
                    letter_count += 1;
                    upper &= letter.is_uppercase();
                }
            }
            out.push(Token {
                text: word,
                start: base + pos,
                end: base + name_end,
                kind: if number {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                },
                capitalised: !number && (is_upper(c) || article_prefixed(word)),
                all_caps: !number && letter_count >= 2 && upper,
                possessive,
                initial: !number && (!seen_word || after_opening),
            });
            seen_word = true;
            pos = end.max(pos + c.len_utf8());
            continue;
        }
        let before = if pos == 0 {
            text.get(..base).and_then(|t| t.chars().next_back())
        } else {
            s.get(..pos).and_then(|t| t.chars().next_back())
        };
        let opening = match c {
            '\u{2018}' | '\u{201c}' | '(' | '[' => true,
            '\'' | '"' => before.is_none_or(|b| {
                is_space(b) || matches!(b, '(' | '[' | ':' | '\u{2014}' | '\u{2013}')
            }),
            _ => false,
        };
        out.push(Token {
            text: s.get(pos..pos + c.len_utf8()).unwrap_or(""),
            start: base + pos,
            end: base + pos + c.len_utf8(),
            kind: TokenKind::Punct(c),
            capitalised: false,
            all_caps: false,
            possessive: false,
            initial: opening,
        });
        pos += c.len_utf8();
    }
}

/// Scans a word or number starting at `start`: returns its end, the end of
/// its name part (without a possessive `’s`) and whether it is possessive.
fn scan_word(s: &str, start: usize) -> (usize, usize, bool) {
    let Some(first) = char_at(s, start) else {
        return (start, start, false);
    };
    let number = is_numeric(first);
    let mut pos = start + first.len_utf8();
    let mut segment = 1; // letters since the last joiner, for `U.S.`
    let mut dotted = false;
    let mut prev = first;
    while let Some(c) = char_at(s, pos) {
        let width = c.len_utf8();
        if is_alnum(c) {
            pos += width;
            segment += 1;
            prev = c;
            // The rest of an ASCII run at once.
            while let Some(&b) = s.as_bytes().get(pos)
                && b.is_ascii_alphanumeric()
            {
                pos += 1;
                segment += 1;
                prev = b as char;
            }
            continue;
        }
        let next = char_at(s, pos + width);
        let next_alnum = next.is_some_and(is_alnum);
        let joins = if number {
            matches!(c, ',' | '.') && next.is_some_and(|n| n.is_ascii_digit())
        } else if is_hyphen(c) || is_apostrophe(c) {
            next_alnum
        } else if c == '&' {
            prev.is_uppercase() && next.is_some_and(char::is_uppercase)
        } else if c == '.' {
            // `U.S.`: single letters separated by dots, the last dot included.
            if segment == 1 && prev.is_uppercase() && next.is_some_and(char::is_uppercase) {
                dotted = true;
                true
            } else {
                if dotted && segment == 1 && !next_alnum {
                    pos += width;
                }
                break;
            }
        } else {
            false
        };
        if !joins {
            break;
        }
        pos += width;
        segment = 0;
        prev = c;
    }
    if number {
        return (pos, pos, false);
    }
    let word = s.as_bytes().get(start..pos).unwrap_or_default();
    // `Korea’s` → name `Korea`, possessive.
    if let [.., before, b's' | b'S'] = word {
        let apostrophe = match (
            before,
            word.len().checked_sub(4).and_then(|k| word.get(k..k + 3)),
        ) {
            (b'\'', _) => 1,
            (_, Some([0xe2, 0x80, 0x99])) => 3, // ’
            _ => 0,
        };
        if apostrophe > 0 && word.len() > 1 + apostrophe {
            return (pos, pos - 1 - apostrophe, true);
        }
    }
    // `Pictures’ IT` → plural possessive (the apostrophe stays punctuation;
    // an apostrophe followed by a letter was joined above).
    let plural = (prev == 's' || prev == 'S') && char_at(s, pos).is_some_and(is_apostrophe);
    (pos, pos, plural)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, bool)> {
        let mut tokens = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut tokens);
        tokens
            .iter()
            .map(|t| (Span::new(t.start, t.end).text(text), t.possessive))
            .collect()
    }

    #[test]
    fn tokens_split_possessives_and_keep_abbreviations() {
        assert_eq!(
            words("North Korea’s U.S. Pictures’ IT Jong-Un,we 47,000"),
            [
                ("North", false),
                ("Korea", true),
                ("U.S.", false),
                ("Pictures", true),
                ("’", false),
                ("IT", false),
                ("Jong-Un", false),
                (",", false),
                ("we", false),
                ("47,000", false),
            ]
        );
    }
}
