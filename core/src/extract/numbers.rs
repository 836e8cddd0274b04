//! Word-level tokens of one sentence and the numbers in them, shared by the
//! quantity stage ([`super::quantities`]) and the time stage ([`super::dates`]).
//!
//! [`tokenize`] splits a sentence into words (runs of letters), numbers (ASCII
//! digits with thousands separators and a decimal part: "47,000", "2.5") and
//! single punctuation characters, each with its span in the raw article text.
//! Whitespace separates tokens but is not kept; whether two tokens touch is
//! [`adjacent`]. On top of the tokens, [`number_at`] reads a number phrase
//! ("47,000", "2.5 million", "$100m" after the sign, "five", "twenty-one",
//! "a hundred", "two million") and [`ordinal_at`] an ordinal ("11th",
//! "eleventh", "twenty-first").
//!
//! Everything here looks at a bounded number of tokens from a given index, so
//! callers that try each index once stay linear in the sentence length.

use super::text::{WordTable, ascii_lowercase, char_at, is_space, starts_uppercase};
use crate::extract::lexicon::{
    AGO_STARTERS, CALENDAR_NAMES, QUANTITY_STARTERS, TIME_STARTERS, WordSet,
};
use crate::model::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Kind {
    /// A run of letters (Unicode alphabetic characters).
    Word,
    /// A run of ASCII digits, with thousands separators and a decimal part.
    Number(Numeral),
    /// Any other visible character.
    Punct(char),
}

/// A number written in digits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Numeral {
    pub value: f64,
    /// Digits before the decimal point, separators not counted.
    pub int_digits: usize,
    /// Written with thousands separators ("47,000").
    pub grouped: bool,
    /// Written with a decimal part ("2.5").
    pub fraction: bool,
}

/// One token of a sentence, with its span in the raw article text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Token<'a> {
    pub text: &'a str,
    pub span: Span,
    pub kind: Kind,
    /// The token in ASCII lowercase (a slice of the lowercased sentence, so
    /// lexicon look-ups never allocate).
    lowered: &'a str,
    /// The value of a number word, looked up once when tokenizing.
    value: WordValue,
    /// [`STARTS_TIME`], [`STARTS_QUANTITY`], [`CALENDAR_NAME`] (words only).
    classes: u32,
}

/// What a number word is worth ([`cardinal_word`], [`ordinal_word`], [`scale_word`]).
#[derive(Clone, Copy, Debug, PartialEq)]
enum WordValue {
    None,
    Cardinal(u32),
    Ordinal(u32),
    Scale(f64),
}

/// Word classes other stages test on every token, found with the token's
/// value in one hashed look-up ([`lookup_word`]).
pub(crate) const STARTS_TIME: u32 = 1 << 8;
pub(crate) const STARTS_QUANTITY: u32 = 1 << 9;
pub(crate) const CALENDAR_NAME: u32 = 1 << 10;
/// Words that start a time expression only before "ago" ([`AGO_STARTERS`]).
pub(crate) const STARTS_ONLY_BEFORE_AGO: u32 = 1 << 11;
/// The low byte of a payload: 1 + the index into [`NUMBER_WORDS`], or 0.
const NUMBER_WORD_INDEX: u32 = 0xff;

/// The value and classes of a lowercase word.
fn lookup_word(lower: &str) -> (WordValue, u32) {
    static TABLE: std::sync::OnceLock<WordTable> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let numbers = NUMBER_WORDS
            .iter()
            .enumerate()
            .map(|(i, (word, _))| (*word, i as u32 + 1));
        let classed = [
            (TIME_STARTERS, STARTS_TIME),
            (AGO_STARTERS, STARTS_TIME | STARTS_ONLY_BEFORE_AGO),
            (CALENDAR_NAMES, CALENDAR_NAME),
            (QUANTITY_STARTERS, STARTS_QUANTITY),
        ];
        let classes = classed
            .iter()
            .flat_map(|&(list, class)| list.entries().map(move |word| (word, class)));
        let entries: Vec<(&'static str, u32)> = numbers.chain(classes).collect();
        WordTable::new(&entries)
    });
    let payload = table.get(lower);
    let value = (payload & NUMBER_WORD_INDEX)
        .checked_sub(1)
        .and_then(|i| NUMBER_WORDS.get(i as usize))
        .map_or(WordValue::None, |w| w.1);
    (value, payload & !NUMBER_WORD_INDEX)
}

/// Every number word and its value: cardinals `zero` … `nineteen`,
/// `twenty` … `ninety`; ordinals `first` … `nineteenth`, `twentieth`,
/// `thirtieth`; scales `dozen` … `trillion`.
const NUMBER_WORDS: &[(&str, WordValue)] = &[
    ("zero", WordValue::Cardinal(0)),
    ("one", WordValue::Cardinal(1)),
    ("two", WordValue::Cardinal(2)),
    ("three", WordValue::Cardinal(3)),
    ("four", WordValue::Cardinal(4)),
    ("five", WordValue::Cardinal(5)),
    ("six", WordValue::Cardinal(6)),
    ("seven", WordValue::Cardinal(7)),
    ("eight", WordValue::Cardinal(8)),
    ("nine", WordValue::Cardinal(9)),
    ("ten", WordValue::Cardinal(10)),
    ("eleven", WordValue::Cardinal(11)),
    ("twelve", WordValue::Cardinal(12)),
    ("thirteen", WordValue::Cardinal(13)),
    ("fourteen", WordValue::Cardinal(14)),
    ("fifteen", WordValue::Cardinal(15)),
    ("sixteen", WordValue::Cardinal(16)),
    ("seventeen", WordValue::Cardinal(17)),
    ("eighteen", WordValue::Cardinal(18)),
    ("nineteen", WordValue::Cardinal(19)),
    ("twenty", WordValue::Cardinal(20)),
    ("thirty", WordValue::Cardinal(30)),
    ("forty", WordValue::Cardinal(40)),
    ("fifty", WordValue::Cardinal(50)),
    ("sixty", WordValue::Cardinal(60)),
    ("seventy", WordValue::Cardinal(70)),
    ("eighty", WordValue::Cardinal(80)),
    ("ninety", WordValue::Cardinal(90)),
    ("first", WordValue::Ordinal(1)),
    ("second", WordValue::Ordinal(2)),
    ("third", WordValue::Ordinal(3)),
    ("fourth", WordValue::Ordinal(4)),
    ("fifth", WordValue::Ordinal(5)),
    ("sixth", WordValue::Ordinal(6)),
    ("seventh", WordValue::Ordinal(7)),
    ("eighth", WordValue::Ordinal(8)),
    ("ninth", WordValue::Ordinal(9)),
    ("tenth", WordValue::Ordinal(10)),
    ("eleventh", WordValue::Ordinal(11)),
    ("twelfth", WordValue::Ordinal(12)),
    ("thirteenth", WordValue::Ordinal(13)),
    ("fourteenth", WordValue::Ordinal(14)),
    ("fifteenth", WordValue::Ordinal(15)),
    ("sixteenth", WordValue::Ordinal(16)),
    ("seventeenth", WordValue::Ordinal(17)),
    ("eighteenth", WordValue::Ordinal(18)),
    ("nineteenth", WordValue::Ordinal(19)),
    ("twentieth", WordValue::Ordinal(20)),
    ("thirtieth", WordValue::Ordinal(30)),
    ("dozen", WordValue::Scale(12.0)),
    ("hundred", WordValue::Scale(1e2)),
    ("thousand", WordValue::Scale(1e3)),
    ("million", WordValue::Scale(1e6)),
    ("billion", WordValue::Scale(1e9)),
    ("trillion", WordValue::Scale(1e12)),
];

impl Token<'_> {
    /// Is this the word `lower` (given in lowercase), in any ASCII case?
    #[inline]
    pub fn is_word(&self, lower: &str) -> bool {
        matches!(self.kind, Kind::Word)
            && self.lowered.len() == lower.len()
            && self.lowered.as_bytes() == lower.as_bytes()
    }

    /// Is this a word among `lowers` (given in lowercase)?
    pub fn is_any_word(&self, lowers: &[&str]) -> bool {
        lowers.iter().any(|w| self.is_word(w))
    }

    #[inline]
    pub fn is_punct(&self, c: char) -> bool {
        matches!(self.kind, Kind::Punct(p) if p == c)
    }

    #[inline]
    pub fn is_word_kind(&self) -> bool {
        matches!(self.kind, Kind::Word)
    }

    /// A word starting with an uppercase letter.
    pub fn is_capitalised(&self) -> bool {
        matches!(self.kind, Kind::Word) && starts_uppercase(self.text)
    }

    /// A word starting with a lowercase letter.
    pub fn is_lowercase_word(&self) -> bool {
        matches!(self.kind, Kind::Word) && self.text.chars().next().is_some_and(char::is_lowercase)
    }

    pub fn numeral(&self) -> Option<Numeral> {
        match self.kind {
            Kind::Number(n) => Some(n),
            _ => None,
        }
    }

    /// A whole number written with at most `max_digits` digits and no
    /// separators or decimal part ("25", "2014").
    pub fn plain_integer(&self, max_digits: usize) -> Option<u32> {
        let n = self.numeral()?;
        let plain = !n.grouped && !n.fraction && n.int_digits <= max_digits.min(9);
        plain.then(|| self.text.parse().ok()).flatten()
    }

    /// Is this a word of `class` ([`STARTS_TIME`], [`STARTS_QUANTITY`], [`CALENDAR_NAME`])?
    #[inline]
    pub fn is_class(&self, class: u32) -> bool {
        self.classes & class != 0
    }

    /// The word in ASCII lowercase, for matching against lexicons (`None` for
    /// non-words).
    #[inline]
    pub fn lower(&self) -> Option<&str> {
        (matches!(self.kind, Kind::Word)).then_some(self.lowered)
    }
}

/// Most tokens one spelled-out number may take ("one hundred and twenty-five thousand").
const MAX_NUMBER_TOKENS: usize = 12;

/// Do `a` and `b` touch, with no whitespace between them?
pub(crate) fn adjacent(a: &Token, b: &Token) -> bool {
    a.span.end == b.span.start
}

/// Are all tokens before `index` punctuation (opening quotes, brackets)?
/// Then the token at `index` starts its sentence. Only a few leading tokens are looked at, so the check is constant time.
pub(crate) fn starts_sentence(tokens: &[Token], index: usize) -> bool {
    const MAX_OPENERS: usize = 4;
    index <= MAX_OPENERS
        && tokens
            .get(..index)
            .is_some_and(|before| before.iter().all(|t| matches!(t.kind, Kind::Punct(_))))
}

/// The tokens of `span` of `text` (usually one sentence), given the span's
/// text in ASCII lowercase as `lowered` (see [`lowercase`]). Empty when the
/// span does not fit the text.
pub(crate) fn tokenize<'a>(text: &'a str, span: Span, lowered: &'a str) -> Vec<Token<'a>> {
    let Some(source) = text.get(span.start..span.end) else {
        return Vec::new();
    };
    let bytes = source.as_bytes();
    // The char starting at byte `i` (on a char boundary by construction).
    let char_at = |i: usize| char_at(source, i);
    let mut tokens = Vec::with_capacity(bytes.len() / 5);
    let mut start = 0;
    while let Some(&byte) = bytes.get(start) {
        let (end, kind) = if byte.is_ascii_digit() {
            number_end(source, start)
        } else if byte.is_ascii_alphabetic()
            || (!byte.is_ascii() && char_at(start).is_some_and(char::is_alphabetic))
        {
            let mut end = start;
            while let Some(&b) = bytes.get(end) {
                if b.is_ascii_alphabetic() {
                    end += 1;
                } else if !b.is_ascii()
                    && let Some(c) = char_at(end).filter(|c| c.is_alphabetic())
                {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
            (end, Kind::Word)
        } else {
            let Some(c) = char_at(start) else { break };
            let end = start + c.len_utf8();
            if is_space(c) {
                start = end;
                continue;
            }
            (end, Kind::Punct(c))
        };
        if let Some(token_text) = source.get(start..end) {
            // ASCII lowercasing keeps every byte offset.
            let lowered = lowered.get(start..end).unwrap_or("");
            let (value, classes) = match kind {
                Kind::Word => lookup_word(lowered),
                _ => (WordValue::None, 0),
            };
            tokens.push(Token {
                text: token_text,
                span: span.within(start..end),
                kind,
                lowered,
                value,
                classes,
            });
        }
        start = end.max(start + 1);
    }
    tokens
}

/// The end and value of the number starting at byte `start` of `source`:
/// digits, thousands separators ("47,000": a first group of 1-3 digits, then
/// groups of exactly three) and a decimal part ("2.5").
fn number_end(source: &str, start: usize) -> (usize, Kind) {
    let bytes = source.as_bytes();
    let digit_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let mut end = start + 1;
    while digit_at(end) {
        end += 1;
    }
    let mut int_digits = end - start;
    let mut grouped = false;
    if int_digits <= 3 {
        while bytes.get(end) == Some(&b',')
            && (1..=3).all(|k| digit_at(end + k))
            && !digit_at(end + 4)
        {
            end += 4;
            int_digits += 3;
            grouped = true;
        }
    }
    let mut fraction = false;
    if bytes.get(end) == Some(&b'.') && digit_at(end + 1) {
        end += 1;
        while digit_at(end) {
            end += 1;
        }
        fraction = true;
    }
    let written = source.get(start..end).unwrap_or("");
    let numeral = Numeral {
        value: decimal_value(written),
        int_digits,
        grouped,
        fraction,
    };
    (end, Kind::Number(numeral))
}

/// The text of `span` in ASCII lowercase, for [`tokenize`].
pub(crate) fn lowercase(text: &str, span: Span) -> String {
    ascii_lowercase(span.text(text))
}

/// Whether `lower` (lowercase) is a cardinal (`one` … `ninety`) or a scale
/// word (`dozen`, `hundred` … `trillion`), plural too ("hundreds").
pub(crate) fn is_amount_word(lower: &str) -> bool {
    let amount = |w: &str| {
        matches!(
            lookup_word(w).0,
            WordValue::Cardinal(_) | WordValue::Scale(_)
        )
    };
    amount(lower) || lower.strip_suffix('s').is_some_and(amount)
}

/// `one` … `nineteen`, `twenty` … `ninety` (and `zero`).
pub(crate) fn cardinal_word(token: &Token) -> Option<u32> {
    match token.value {
        WordValue::Cardinal(v) => Some(v),
        _ => None,
    }
}

/// `hundred`, `thousand`, `million`, `billion`, `trillion` and `dozen`.
pub(crate) fn scale_word(token: &Token) -> Option<f64> {
    match token.value {
        WordValue::Scale(v) => Some(v),
        _ => None,
    }
}

/// Short scales written right after digits: "100m", "2.5bn", "40k". A bare
/// `m` or `b` counts only in money ("$100m"); elsewhere it may be metres.
fn suffix_scale(suffix: &str, money: bool) -> Option<f64> {
    match suffix {
        "k" | "K" => Some(1e3),
        "mn" | "mln" => Some(1e6),
        "bn" | "Bn" | "BN" => Some(1e9),
        "tn" | "trn" => Some(1e12),
        "m" | "M" if money => Some(1e6),
        "b" | "B" if money => Some(1e9),
        _ => None,
    }
}

/// `first` … `nineteenth`, `twentieth`, `thirtieth`.
pub(crate) fn ordinal_word(token: &Token) -> Option<u32> {
    match token.value {
        WordValue::Ordinal(v) => Some(v),
        _ => None,
    }
}

/// `st`, `nd`, `rd`, `th` in any case.
pub(crate) fn is_ordinal_suffix(word: &str) -> bool {
    ["st", "nd", "rd", "th"]
        .iter()
        .any(|s| word.eq_ignore_ascii_case(s))
}

/// A number phrase read by [`number_at`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct NumberPhrase {
    pub value: f64,
    /// Index of the first token after the phrase.
    pub end: usize,
    /// Spelled out in words ("five", "a hundred") rather than digits.
    pub spelled: bool,
}

/// How [`number_at`] reads.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct NumberOptions {
    /// After a currency sign: "m" and "b" right after digits are scales.
    pub money: bool,
    /// May start at a bare scale word ("hundred"), because the caller saw the
    /// article before it ("a claimed hundred").
    pub bare_scale: bool,
}

/// The number phrase starting at token `index`, if any: digits with an
/// optional scale ("47,000", "2.5 million", "100m" in money, "40k") or number
/// words ("five", "twenty-one", "twenty one", "a hundred", "one hundred and
/// five", "two dozen", "three million").
pub(crate) fn number_at(
    tokens: &[Token],
    index: usize,
    options: NumberOptions,
) -> Option<NumberPhrase> {
    let first = tokens.get(index)?;
    if let Some(numeral) = first.numeral() {
        let mut value = numeral.value;
        let mut end = index + 1;
        if let Some(next) = tokens.get(end)
            && next.is_word_kind()
        {
            let scale = if adjacent(first, next) {
                // "100m", or a scale word run on ("£3.6million").
                suffix_scale(next.text, options.money)
                    .or_else(|| scale_word(next).filter(|&s| s > 12.0))
            } else {
                scale_word(next).filter(|&s| s > 12.0)
            };
            if let Some(scale) = scale {
                value *= scale;
                end += 1;
            }
        }
        return value.is_finite().then_some(NumberPhrase {
            value,
            end,
            spelled: false,
        });
    }
    spelled_number_at(tokens, index, options)
}

/// What the previous word of a spelled-out number was.
#[derive(Clone, Copy, PartialEq)]
enum Last {
    Nothing,
    /// `one` … `nine`, `ten` … `nineteen`.
    Small,
    /// `twenty` … `ninety`.
    Tens,
    /// `hundred`, `thousand`, … or `a` before one of them.
    Scale,
    And,
}

fn spelled_number_at(
    tokens: &[Token],
    index: usize,
    options: NumberOptions,
) -> Option<NumberPhrase> {
    let first = tokens.get(index)?;
    let mut total = 0.0;
    let mut current = 0.0;
    let mut last = Last::Nothing;
    let mut j = index;
    if first.is_any_word(&["a", "an"]) {
        // "a hundred", "a dozen", "a million": never "a" alone.
        tokens.get(index + 1).and_then(|t| scale_word(t))?;
        current = 1.0;
        last = Last::Scale;
        j += 1;
    } else if first.is_word("half") {
        // "half a million"
        let article = tokens.get(index + 1)?;
        (article.is_any_word(&["a", "an"])
            && tokens
                .get(index + 2)
                .and_then(|t| scale_word(t))
                .is_some_and(|s| s >= 100.0))
        .then_some(())?;
        current = 0.5;
        last = Last::Scale;
        j += 2;
    } else if scale_word(first).is_some() && !options.bare_scale {
        return None;
    }
    let limit = index.saturating_add(MAX_NUMBER_TOKENS);
    let mut seen = false;
    while j < limit {
        let Some(token) = tokens.get(j) else { break };
        if token.is_punct('-')
            && last == Last::Tens
            && let (Some(prev), Some(next)) = (
                j.checked_sub(1).and_then(|p| tokens.get(p)),
                tokens.get(j + 1),
            )
            && adjacent(prev, token)
            && adjacent(token, next)
            && cardinal_word(next).is_some_and(|v| (1..=9).contains(&v))
        {
            j += 1;
            continue;
        }
        if !token.is_word_kind() {
            break;
        }
        if let Some(v) = cardinal_word(token) {
            let fits = match last {
                Last::Nothing | Last::Scale | Last::And => true,
                Last::Tens => (1..=9).contains(&v),
                Last::Small => false,
            };
            if !fits {
                break;
            }
            current += f64::from(v);
            last = if v >= 20 { Last::Tens } else { Last::Small };
        } else if let Some(scale) = scale_word(token) {
            // "hundred" alone (after "a" or a bare scale) is one hundred.
            let multiplier = if current == 0.0 { 1.0 } else { current };
            if scale < 1e3 {
                current = multiplier * scale;
            } else {
                total += multiplier * scale;
                current = 0.0;
            }
            last = Last::Scale;
        } else if token.is_word("and")
            && last == Last::Scale
            && seen
            && tokens
                .get(j + 1)
                .is_some_and(|t| cardinal_word(t).is_some())
        {
            last = Last::And;
        } else {
            break;
        }
        seen = true;
        j += 1;
    }
    (seen && j > index).then_some(NumberPhrase {
        value: total + current,
        end: j,
        spelled: true,
    })
}

/// The ordinal starting at token `index`: "11th", "eleventh", "twenty-first",
/// "twenty first". Returns its value and the index after it.
pub(crate) fn ordinal_at(tokens: &[Token], index: usize) -> Option<(u32, usize)> {
    let first = tokens.get(index)?;
    if let Some(n) = first.plain_integer(2) {
        let suffix = tokens.get(index + 1)?;
        return (adjacent(first, suffix) && is_ordinal_suffix(suffix.text))
            .then_some((n, index + 2));
    }
    if let Some(n) = ordinal_word(first) {
        return Some((n, index + 1));
    }
    let tens = cardinal_word(first).filter(|v| *v >= 20 && v % 10 == 0)?;
    let (unit_index, joined) = match tokens.get(index + 1) {
        Some(hyphen) if hyphen.is_punct('-') && adjacent(first, hyphen) => {
            (index + 2, Some(hyphen))
        }
        _ => (index + 1, None),
    };
    let unit = tokens.get(unit_index)?;
    if joined.is_some_and(|h| !adjacent(h, unit)) {
        return None;
    }
    let n = ordinal_word(unit).filter(|n| (1..=9).contains(n))?;
    Some((tens + n, unit_index + 1))
}

/// Words that are never the noun a number counts: articles, pronouns,
/// prepositions, conjunctions, auxiliaries and common adverbs. Sorted.
static FUNCTION_WORDS: WordSet = WordSet::new(
    "a|about|above|after|afterwards|again|against|ago|all|also|although|always|am|among|\
     an|and|another|any|are|as|at|be|because|been|before|being|below|besides|between|\
     both|but|by|can|could|did|do|does|down|during|each|either|even|ever|every|few|for|\
     from|goes|had|has|have|he|her|here|hers|him|his|how|however|i|if|in|into|is|it|its|\
     just|least|less|many|may|me|might|more|most|much|must|my|neither|nevertheless|no|\
     nor|not|now|of|off|on|once|only|or|our|out|over|per|perhaps|said|says|shall|she|\
     should|since|so|some|sometimes|such|than|that|the|their|them|then|there|these|they|\
     this|those|though|through|thus|to|too|towards|under|unless|until|up|upon|us|very|\
     was|we|were|what|when|where|whereas|whether|which|while|who|whom|whose|why|will|\
     with|would|yet|you|your",
);

/// Plural nouns that do not end in "s". Sorted.
static IRREGULAR_PLURALS: WordSet = WordSet::new(
    "aircraft|cattle|children|crew|data|feet|geese|men|mice|people|personnel|police|\
     sheep|staff|teeth|women",
);

/// A word that is never a counted noun (`lower` in lowercase).
pub(crate) fn is_function_word(lower: &str) -> bool {
    FUNCTION_WORDS.has_exact(lower)
}

/// Does the lowercase word look like a plural noun ("records", "movies",
/// "people")? A heuristic: irregular plurals, or an "-s" ending that is not
/// "-ss", "-us" or "-is", on a word that is not a function word.
pub(crate) fn is_plural_noun(lower: &str) -> bool {
    if IRREGULAR_PLURALS.has_exact(lower) {
        return true;
    }
    lower.len() >= 3
        && lower.ends_with('s')
        && !["ss", "us", "is"].iter().any(|e| lower.ends_with(e))
        && !is_function_word(lower)
        && lower.chars().all(|c| c.is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tokens of a test string (the lowercased copy is leaked: tests only).
    fn tokens(text: &'static str) -> Vec<Token<'static>> {
        let lowered: &'static str = Box::leak(text.to_ascii_lowercase().into_boxed_str());
        tokenize(text, Span::new(0, text.len()), lowered)
    }

    fn number(text: &'static str) -> Option<f64> {
        let toks = tokens(text);
        number_at(&toks, 0, NumberOptions::default())
            .filter(|p| p.end == toks.len())
            .map(|p| p.value)
    }

    #[test]
    fn lexicons_are_sorted() {
        assert!(FUNCTION_WORDS.is_sorted());
        assert!(IRREGULAR_PLURALS.is_sorted());
    }

    #[test]
    fn tokenizes_numbers_words_and_punctuation() {
        let text = "more than 47,000 records, 2.5bn, 09:27 and 100R’s 1,2";
        let kinds: Vec<(&str, bool)> = tokens(text)
            .iter()
            .map(|t| (t.text, t.numeral().is_some()))
            .collect();
        assert_eq!(
            kinds,
            [
                ("more", false),
                ("than", false),
                ("47,000", true),
                ("records", false),
                (",", false),
                ("2.5", true),
                ("bn", false),
                (",", false),
                ("09", true),
                (":", false),
                ("27", true),
                ("and", false),
                ("100", true),
                ("R", false),
                ("’", false),
                ("s", false),
                ("1", true),
                (",", false),
                ("2", true),
            ]
        );
        let toks = tokens(text);
        assert_eq!(toks[2].numeral().map(|n| n.value), Some(47_000.0));
        assert_eq!(toks[2].span, Span::new(10, 16));
    }

    #[test]
    fn spans_are_offsets_into_the_whole_text() {
        let text = "Héllo. Five movies";
        let span = Span::new(8, text.len());
        let lowered = lowercase(text, span);
        let toks = tokenize(text, span, &lowered);
        assert_eq!(toks[0].text, "Five");
        assert_eq!(toks[0].span.text(text), "Five");
        assert!(
            tokenize(text, Span::new(2, 3), "").is_empty(),
            "not a char boundary"
        );
    }

    #[test]
    fn reads_number_phrases() {
        assert_eq!(number("47,000"), Some(47_000.0));
        assert_eq!(number("2.5 million"), Some(2_500_000.0));
        assert_eq!(number("2.5bn"), Some(2.5e9));
        assert_eq!(number("five"), Some(5.0));
        assert_eq!(number("twenty-one"), Some(21.0));
        assert_eq!(number("twenty one"), Some(21.0));
        assert_eq!(number("a hundred"), Some(100.0));
        assert_eq!(number("one hundred and five"), Some(105.0));
        assert_eq!(number("two dozen"), Some(24.0));
        assert_eq!(number("three million"), Some(3e6));
        assert_eq!(number("a hundred thousand"), Some(1e5));
        assert_eq!(number("half a million"), Some(5e5));
        assert_eq!(number("half"), None);
        assert_eq!(number("two million five hundred thousand"), Some(2.5e6));
        assert_eq!(number("a"), None);
        assert_eq!(number("hundred"), None);
        assert_eq!(number("five six"), None);
        let toks = tokens("100m");
        assert_eq!(
            number_at(&toks, 0, NumberOptions::default()).map(|p| p.end),
            Some(1)
        );
        let money = NumberOptions {
            money: true,
            ..NumberOptions::default()
        };
        assert_eq!(number_at(&toks, 0, money).map(|p| p.value), Some(1e8));
    }

    #[test]
    fn reads_ordinals() {
        for (text, value) in [
            ("11th", 11),
            ("eleventh", 11),
            ("twenty-first", 21),
            ("twenty first", 21),
            ("3rd", 3),
        ] {
            let toks = tokens(text);
            assert_eq!(ordinal_at(&toks, 0), Some((value, toks.len())), "{text}");
        }
        assert_eq!(ordinal_at(&tokens("11 th"), 0), None);
        assert_eq!(ordinal_at(&tokens("twenty"), 0), None);
    }

    #[test]
    fn recognises_plural_nouns() {
        for word in ["records", "movies", "people", "terabytes", "years", "staff"] {
            assert!(is_plural_noun(word), "{word}");
        }
        for word in ["this", "was", "business", "status", "its", "always", "film"] {
            assert!(!is_plural_noun(word), "{word}");
        }
    }
}

/// The value of digits with optional `,` grouping and one `.` fraction
/// ("47,000", "2.5"). Hand-written: `str::parse::<f64>` costs kilobytes of
/// wasm and these numerals need no exponent or rounding subtleties.
fn decimal_value(written: &str) -> f64 {
    let mut value = 0.0;
    let mut scale = 1.0;
    let mut in_fraction = false;
    for b in written.bytes() {
        match b {
            b'0'..=b'9' if in_fraction => {
                scale /= 10.0;
                value += f64::from(b - b'0') * scale;
            }
            b'0'..=b'9' => value = value * 10.0 + f64::from(b - b'0'),
            b'.' => in_fraction = true,
            _ => {}
        }
    }
    value
}

#[cfg(test)]
mod decimal_tests {
    use super::decimal_value;

    #[test]
    fn reads_grouped_and_decimal_numerals() {
        assert_eq!(decimal_value("47,000"), 47_000.0);
        assert_eq!(decimal_value("2.5"), 2.5);
        assert_eq!(decimal_value("100.00"), 100.0);
        assert_eq!(decimal_value("1,234,567.25"), 1_234_567.25);
        assert_eq!(decimal_value("0"), 0.0);
    }
}
