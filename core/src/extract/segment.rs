//! Sentence segmentation for English (news) text.
//!
//! [`sentence_spans`] makes one forward pass over the text. Candidate terminators (`.`, `!`,
//! `?`, `…`, runs of them and spaced ellipses such as `. . .`) are grouped into a cluster
//! together with the closing quotes and brackets that follow it. Whether a cluster ends a
//! sentence is decided from a bounded window: the token before it (abbreviation, initial,
//! `a.m.`, acronym, …) and the token after it (lowercase, digit, capitalised sentence
//! starter, …). Line breaks, bullets (`•`, `⁃`) and consecutive list markers (`1.`, `2)`,
//! `b.`) also start a new sentence.
//!
//! Every look-behind and look-ahead is bounded, so the pass is linear in the input length; all
//! slicing happens on `char` boundaries and the only allocation is the returned `Vec`.

use super::text::{char_at, is_space};
use crate::extract::lexicon::WordSet;
use std::ops::Range;

/// Splits `text` into sentences. Returns byte ranges into `text`, in order, non-overlapping,
/// each non-empty and trimmed of surrounding whitespace (Unicode whitespace incl. U+00A0).
pub fn sentence_spans(text: &str) -> Vec<Range<usize>> {
    let mut scanner = Scanner {
        text,
        spans: Vec::new(),
        start: 0,
        words: 0,
        last_marker: None,
        marker_end: 0,
    };
    scanner.run();
    scanner.spans
}

/// Longest token (in bytes) examined behind a period; longer tokens count as ordinary words.
const MAX_TOKEN_BYTES: usize = 40;
/// Most whitespace characters skipped when looking for the token after a terminator.
const MAX_GAP_CHARS: usize = 64;
/// Most opening quotes/brackets skipped before the next token's first character.
const MAX_OPENERS: usize = 4;
/// Longest word (in chars) that is compared against [`SENTENCE_STARTERS`].
const MAX_STARTER_CHARS: usize = 12;
/// Most whitespace characters allowed between a list marker and its item.
const MAX_MARKER_GAP_CHARS: usize = 4;

/// How an abbreviation behaves before the next token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Abbrev {
    /// Precedes a name (`Mr.`, `Mt.`): never ends a sentence before a capital.
    Title,
    /// Precedes a number (`p.`, `No.`, `Dec.`): protected only before a digit.
    Numeric,
    /// May end a sentence (`Co.`, `Inc.`, `Jr.`): ends one only before a common sentence starter.
    General,
}

/// Lowercase abbreviations without their final period, sorted bytewise for binary search.
const ABBREVIATIONS: &[(&str, Abbrev)] = &[
    ("adm", Abbrev::Title),
    ("al", Abbrev::General),
    ("approx", Abbrev::General),
    ("apr", Abbrev::Numeric),
    ("art", Abbrev::Numeric),
    ("assn", Abbrev::General),
    ("aug", Abbrev::Numeric),
    ("ave", Abbrev::General),
    ("blvd", Abbrev::General),
    ("bros", Abbrev::General),
    ("capt", Abbrev::Title),
    ("cf", Abbrev::General),
    ("ch", Abbrev::Numeric),
    ("cmdr", Abbrev::Title),
    ("co", Abbrev::General),
    ("col", Abbrev::Title),
    ("corp", Abbrev::General),
    ("dec", Abbrev::Numeric),
    ("dept", Abbrev::General),
    ("det", Abbrev::Title),
    ("dr", Abbrev::Title),
    ("feb", Abbrev::Numeric),
    ("fig", Abbrev::Numeric),
    ("fr", Abbrev::Title),
    ("ft", Abbrev::General),
    ("gen", Abbrev::Title),
    ("gov", Abbrev::Title),
    ("govt", Abbrev::General),
    ("hon", Abbrev::Title),
    ("inc", Abbrev::General),
    ("jan", Abbrev::Numeric),
    ("jr", Abbrev::General),
    ("jul", Abbrev::Numeric),
    ("jun", Abbrev::Numeric),
    ("lt", Abbrev::Title),
    ("ltd", Abbrev::General),
    ("maj", Abbrev::Title),
    ("mar", Abbrev::Numeric),
    ("messrs", Abbrev::Title),
    ("mme", Abbrev::Title),
    ("mr", Abbrev::Title),
    ("mrs", Abbrev::Title),
    ("ms", Abbrev::Title),
    ("mt", Abbrev::Title),
    ("no", Abbrev::Numeric),
    ("nos", Abbrev::Numeric),
    ("nov", Abbrev::Numeric),
    ("n°", Abbrev::Numeric),
    ("nº", Abbrev::Numeric),
    ("oct", Abbrev::Numeric),
    ("p", Abbrev::Numeric),
    ("pp", Abbrev::Numeric),
    ("pres", Abbrev::Title),
    ("prof", Abbrev::Title),
    ("rep", Abbrev::Title),
    ("rev", Abbrev::Title),
    ("sec", Abbrev::Numeric),
    ("sen", Abbrev::Title),
    ("sep", Abbrev::Numeric),
    ("sept", Abbrev::Numeric),
    ("sgt", Abbrev::Title),
    ("sr", Abbrev::General),
    ("st", Abbrev::General),
    ("supt", Abbrev::Title),
    ("vol", Abbrev::Numeric),
    ("vols", Abbrev::Numeric),
    ("vs", Abbrev::General),
];

/// Capitalised words that almost always begin a new sentence, sorted bytewise. After an
/// ambiguous abbreviation (`Co.`, `U.S.`) or an initial, only these trigger a split.
static SENTENCE_STARTERS: WordSet = WordSet::new(
    "A|After|Also|An|And|As|At|Being|But|Did|For|He|Her|His|How|However|I|If|In|It|Its|\
     Meanwhile|Millions|More|Now|She|So|That|The|Their|Then|There|These|They|This|Those|\
     We|What|When|Where|While|Who|Why|Yet|You",
);

/// Characters that always end the current sentence (and are whitespace themselves).
fn is_hard_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Strong terminators: they end a sentence unless a lowercase word follows.
fn is_strong_terminator(c: char) -> bool {
    matches!(c, '!' | '?' | '‼' | '⁇' | '⁈' | '⁉')
}

/// Characters that can start a terminator cluster.
fn is_terminator(c: char) -> bool {
    c == '.' || c == '…' || is_strong_terminator(c)
}

/// Bullet characters; a bullet at a word start opens a new sentence.
fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '‣' | '⁃' | '◦' | '▪' | '●')
}

/// Opening quotes and brackets skipped before the token after a terminator.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '(' | '[' | '{' | '«' | '‹' | '¿' | '¡'
    )
}

/// Characters (besides whitespace) that separate the token before a period from what precedes it.
fn is_token_delimiter(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '’' | '(' | '[' | '{' | '«' | '‹' | '—' | '–'
    )
}

/// Looks up a lowercase abbreviation (without its period).
fn lookup_abbreviation(word: &str) -> Option<Abbrev> {
    ABBREVIATIONS
        .binary_search_by(|(entry, _)| entry.cmp(&word))
        .ok()
        .map(|index| ABBREVIATIONS[index].1)
}

/// Whether `word` begins with a word from [`SENTENCE_STARTERS`].
fn starts_with_sentence_starter(word: &str) -> bool {
    let mut end = 0;
    for (count, c) in word.chars().enumerate() {
        if !c.is_alphabetic() {
            break;
        }
        if count == MAX_STARTER_CHARS {
            return false;
        }
        end += c.len_utf8();
    }
    SENTENCE_STARTERS.has_exact(word.get(..end).unwrap_or(""))
}

/// A list-item marker such as `3.`, `3)`, `3.)` or `c.`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ListMarker {
    Number(u32),
    Letter(u8),
}

impl ListMarker {
    /// The marker expected for the following item.
    fn successor(self) -> Self {
        match self {
            ListMarker::Number(n) => ListMarker::Number(n + 1),
            ListMarker::Letter(b) => ListMarker::Letter(b + 1),
        }
    }

    /// Parses a marker at `pos` (1–3 digits or one lowercase letter, then `.`, `)` or `.)`,
    /// then whitespace and a capital). Returns the marker and the byte offset after its
    /// punctuation.
    fn parse(text: &str, pos: usize) -> Option<(Self, usize)> {
        let bytes = text.as_bytes();
        let mut i = pos;
        let marker = match *bytes.get(i)? {
            b'0'..=b'9' => {
                let mut value = 0u32;
                while let Some(&digit @ b'0'..=b'9') = bytes.get(i) {
                    if i - pos == 3 {
                        return None;
                    }
                    value = value * 10 + u32::from(digit - b'0');
                    i += 1;
                }
                ListMarker::Number(value)
            }
            letter @ b'a'..=b'z' => {
                i += 1;
                ListMarker::Letter(letter)
            }
            _ => return None,
        };
        match bytes.get(i..i + 2) {
            Some(b".)") => i += 2,
            _ if matches!(bytes.get(i), Some(b'.' | b')')) => i += 1,
            _ => return None,
        }
        let mut rest = text[i..].chars();
        let mut gap = 0;
        for c in rest.by_ref() {
            if !is_space(c) {
                return (gap > 0 && c.is_uppercase()).then_some((marker, i));
            }
            gap += 1;
            if is_hard_break(c) || gap > MAX_MARKER_GAP_CHARS {
                return None;
            }
        }
        None
    }
}

/// A run of terminators starting at some position.
struct Cluster {
    /// Byte offset just after the run.
    end: usize,
    /// Byte length of the run's first character.
    first_len: usize,
    /// Number of periods (`…` counts as three).
    dots: usize,
    /// Whether the run contains `!` or `?`.
    strong: bool,
    /// Whether the periods are separated by single spaces (`. . .`).
    spaced: bool,
}

impl Cluster {
    fn scan(text: &str, pos: usize) -> Self {
        let bytes = text.as_bytes();
        let mut cluster = Cluster {
            end: pos,
            first_len: 0,
            dots: 0,
            strong: false,
            spaced: false,
        };
        while let Some(c) = char_at(text, cluster.end) {
            match c {
                '.' => cluster.dots += 1,
                '…' => cluster.dots += 3,
                _ if is_strong_terminator(c) => cluster.strong = true,
                ' ' if !cluster.strong
                    && cluster.dots > 0
                    && bytes.get(cluster.end + 1) == Some(&b'.')
                    && !bytes
                        .get(cluster.end + 2)
                        .is_some_and(|b| b.is_ascii_alphanumeric()) =>
                {
                    cluster.spaced = true
                }
                _ => break,
            }
            if cluster.first_len == 0 {
                cluster.first_len = c.len_utf8();
            }
            cluster.end += c.len_utf8();
        }
        cluster
    }
}

/// Skips closing quotes and brackets at `pos`. A `'`/`’` directly followed by a letter or digit
/// is an apostrophe (`Jr.'s`) and is not skipped.
fn skip_closers(text: &str, mut pos: usize) -> usize {
    while let Some(c) = char_at(text, pos) {
        let after = pos + c.len_utf8();
        match c {
            '"' | '”' | '»' | '›' | ')' | ']' | '}' => {}
            '\'' | '’' if !text[after..].starts_with(char::is_alphanumeric) => {}
            _ => break,
        }
        pos = after;
    }
    pos
}

/// Start of the token that ends at `end`, or `None` if it is longer than [`MAX_TOKEN_BYTES`].
fn token_start_before(text: &str, end: usize) -> Option<usize> {
    let mut start = end;
    for (i, c) in text[..end].char_indices().rev() {
        if is_space(c) || is_token_delimiter(c) {
            break;
        }
        if end - i > MAX_TOKEN_BYTES {
            return None;
        }
        start = i;
    }
    Some(start)
}

/// Whether the word before the token starting at `token_start` begins with a lowercase letter.
fn previous_word_is_lowercase(text: &str, token_start: usize) -> bool {
    let mut word_end = None;
    for (count, (i, c)) in text[..token_start].char_indices().rev().enumerate() {
        if count > MAX_GAP_CHARS || is_hard_break(c) {
            return false;
        }
        if !is_space(c) {
            word_end = Some(i + c.len_utf8());
            break;
        }
    }
    word_end
        .and_then(|end| token_start_before(text, end).map(|start| &text[start..end]))
        .is_some_and(|word| word.starts_with(char::is_lowercase))
}

/// Classification of the token directly before a single period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PrevKind {
    /// An ordinary word, number, URL, …
    Word,
    /// A known abbreviation.
    Abbrev(Abbrev),
    /// Dotted letters such as `U.S`, `E.U`, `e.g`, `Ph.D`.
    Acronym,
    /// `a.m` / `p.m` in either case.
    TimeOfDay,
    /// A single capital letter (`E` in `Jonas E. Smith`, or the pronoun `I`).
    Initial(char),
}

impl PrevKind {
    fn classify(token: &str) -> Self {
        let mut chars = token.chars();
        if let (Some(c), None) = (chars.next(), chars.next())
            && c.is_uppercase()
        {
            return PrevKind::Initial(c);
        }
        let mut buffer = [0u8; 16];
        if token.is_empty() || token.len() > buffer.len() {
            return PrevKind::Word;
        }
        let lower = &mut buffer[..token.len()];
        lower.copy_from_slice(token.as_bytes());
        lower.make_ascii_lowercase();
        let Ok(lower) = std::str::from_utf8(lower) else {
            return PrevKind::Word;
        };
        if !lower.contains('.') {
            return lookup_abbreviation(lower).map_or(PrevKind::Word, PrevKind::Abbrev);
        }
        if lower == "a.m" || lower == "p.m" {
            return PrevKind::TimeOfDay;
        }
        let is_acronym = lower.split('.').all(|part| {
            (1..=2).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphabetic())
        });
        if is_acronym {
            PrevKind::Acronym
        } else {
            PrevKind::Word
        }
    }
}

/// Shape of the first character of the token after a terminator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NextKind {
    End,
    Lower,
    Upper,
    Digit,
    /// Punctuation, symbols, uncased scripts, or a very long gap.
    Other,
}

/// The token after a terminator, seen through whitespace and opening quotes/brackets.
#[derive(Clone, Copy, Debug)]
struct NextToken {
    kind: NextKind,
    /// Whether it is a capitalised word from [`SENTENCE_STARTERS`].
    starter: bool,
}

impl NextToken {
    fn read(text: &str, from: usize) -> Self {
        let rest = &text[from..];
        let mut offset = 0;
        let mut gap = 0;
        let mut openers = 0;
        for c in rest.chars() {
            if is_space(c) && openers == 0 {
                gap += 1;
                if gap > MAX_GAP_CHARS {
                    return NextToken {
                        kind: NextKind::Other,
                        starter: false,
                    };
                }
            } else if is_opener(c) && openers < MAX_OPENERS {
                openers += 1;
            } else {
                break;
            }
            offset += c.len_utf8();
        }
        let word = &rest[offset..];
        let kind = match word.chars().next() {
            None => NextKind::End,
            Some(c) if c.is_lowercase() => NextKind::Lower,
            Some(c) if c.is_uppercase() => NextKind::Upper,
            Some(c) if c.is_numeric() => NextKind::Digit,
            Some(_) => NextKind::Other,
        };
        NextToken {
            kind,
            starter: kind == NextKind::Upper && starts_with_sentence_starter(word),
        }
    }
}

/// Forward scanner state.
struct Scanner<'a> {
    text: &'a str,
    spans: Vec<Range<usize>>,
    /// Untrimmed start of the sentence being built.
    start: usize,
    /// Words begun since `start`.
    words: usize,
    /// The most recent list marker, used to recognise the next one mid-sentence.
    last_marker: Option<ListMarker>,
    /// Terminators before this offset belong to a list marker (the `.` of `1.`).
    marker_end: usize,
}

impl Scanner<'_> {
    fn run(&mut self) {
        let text = self.text;
        let mut pos = 0;
        let mut prev: Option<char> = None;
        let bytes = text.as_bytes();
        while let Some(c) = char_at(text, pos) {
            // Inside a word, ASCII letters and digits change nothing: skip
            // the run in one go (most of the text).
            if c.is_ascii_alphanumeric() && prev.is_some_and(|p| !is_space(p) && !is_bullet(p)) {
                let mut end = pos + 1;
                while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
                    end += 1;
                }
                prev = bytes.get(end - 1).map(|&b| char::from(b));
                pos = end;
                continue;
            }
            // The two commonest other cases, decided without the char tests
            // below: a space, and an ASCII letter or digit starting a word
            // (the branch above took every other one).
            if c == ' ' {
                prev = Some(c);
                pos += 1;
                continue;
            }
            if c.is_ascii_alphanumeric() {
                self.begin_word(pos);
                prev = Some(c);
                pos += 1;
                continue;
            }
            let len = c.len_utf8();
            if is_hard_break(c) {
                self.push(pos);
            } else if !is_space(c) {
                let word_start = prev.is_none_or(|p| is_space(p) || is_bullet(p));
                if word_start && is_bullet(c) {
                    if self.words > 0 {
                        self.push(pos);
                    }
                } else {
                    if word_start {
                        self.begin_word(pos);
                    }
                    if is_terminator(c) && pos >= self.marker_end {
                        pos = self.terminator(pos);
                        prev = text[..pos].chars().next_back();
                        continue;
                    }
                }
            }
            prev = Some(c);
            pos += len;
        }
        self.push(text.len());
    }

    /// Ends the current sentence at `end` (exclusive) and starts a new one there.
    fn push(&mut self, end: usize) {
        let trimmed = self.text[self.start..end].trim_start();
        let begin = end - trimmed.len();
        let finish = begin + trimmed.trim_end().len();
        if begin < finish {
            self.spans.push(begin..finish);
        }
        self.start = end;
        self.words = 0;
    }

    /// Counts a word starting at `pos` and handles a list marker there.
    fn begin_word(&mut self, pos: usize) {
        if let Some((marker, end)) = ListMarker::parse(self.text, pos) {
            let continues_list = self.last_marker.map(ListMarker::successor) == Some(marker);
            if self.words == 0 || continues_list {
                if self.words > 0 {
                    self.push(pos);
                }
                self.last_marker = Some(marker);
                self.marker_end = end;
            }
        }
        self.words += 1;
    }

    /// Handles the terminator cluster starting at `pos`; returns where scanning resumes.
    fn terminator(&mut self, pos: usize) -> usize {
        let text = self.text;
        let cluster = Cluster::scan(text, pos);
        let after = skip_closers(text, cluster.end);
        if !text[after..].starts_with(is_space) {
            // Glued to what follows (`3.14`, `Jr.'s`, `...see`) or at the end of the text.
            return after;
        }
        let next = NextToken::read(text, after);
        if let Some(boundary) = self.cluster_boundary(pos, &cluster, after, next) {
            self.push(boundary);
        }
        after
    }

    /// Where the cluster at `pos` ends a sentence, if it does.
    fn cluster_boundary(
        &self,
        pos: usize,
        cluster: &Cluster,
        after: usize,
        next: NextToken,
    ) -> Option<usize> {
        if next.kind == NextKind::End {
            return None;
        }
        if cluster.strong {
            return (next.kind != NextKind::Lower).then_some(after);
        }
        if cluster.dots == 1 {
            return self.period_ends_sentence(pos, next).then_some(after);
        }
        // An ellipsis. `[...]` marks an omission; otherwise only a capital can follow an end.
        let before = self.text[..pos].chars().next_back();
        if matches!(before, Some('[' | '(')) || next.kind != NextKind::Upper {
            return None;
        }
        let attached = before.is_some_and(|c| !is_space(c));
        match (attached, cluster.spaced, cluster.dots >= 4) {
            // `word. . . . Next`: the sentence ends at the first period; `. . .` opens the next.
            (true, true, true) => Some(pos + cluster.first_len),
            // `word... Next`, `word . . . . Next`.
            (true, _, _) | (false, _, true) => Some(after),
            // A free-standing three-dot ellipsis marks an omission: `is . . . I didn't`.
            (false, _, false) => None,
        }
    }

    /// Decides whether the single period at `pos` ends a sentence.
    fn period_ends_sentence(&self, pos: usize, next: NextToken) -> bool {
        if matches!(next.kind, NextKind::End | NextKind::Lower) {
            return false;
        }
        let text = self.text;
        let token_start = token_start_before(text, pos);
        let prev = token_start.map_or(PrevKind::Word, |start| {
            PrevKind::classify(&text[start..pos])
        });
        match next.kind {
            NextKind::End | NextKind::Lower => false,
            NextKind::Digit => prev == PrevKind::Word,
            NextKind::Upper | NextKind::Other => match prev {
                PrevKind::Word | PrevKind::Abbrev(Abbrev::Numeric) => true,
                PrevKind::Abbrev(Abbrev::Title) => false,
                PrevKind::Abbrev(Abbrev::General) | PrevKind::Acronym => next.starter,
                // `At 5 a.m. Mr. Smith …` is an introductory phrase, `… at 6 P.M. Mr. …` is not.
                PrevKind::TimeOfDay => self.words > 3,
                // `Albert I. Jones` keeps going; `you and I. Did you …` ends.
                PrevKind::Initial(letter) => {
                    next.starter
                        || (letter == 'I'
                            && next.kind == NextKind::Upper
                            && token_start.is_some_and(|s| previous_word_is_lowercase(text, s)))
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_are_sorted_and_lowercase() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(
            ABBREVIATIONS
                .iter()
                .all(|(a, _)| !a.bytes().any(|b| b.is_ascii_uppercase()))
        );
        assert!(SENTENCE_STARTERS.is_sorted());
    }

    #[test]
    fn classifies_previous_tokens() {
        assert_eq!(PrevKind::classify("Mr"), PrevKind::Abbrev(Abbrev::Title));
        assert_eq!(PrevKind::classify("N°"), PrevKind::Abbrev(Abbrev::Numeric));
        assert_eq!(PrevKind::classify("U.S.A"), PrevKind::Acronym);
        assert_eq!(PrevKind::classify("P.M"), PrevKind::TimeOfDay);
        assert_eq!(PrevKind::classify("E"), PrevKind::Initial('E'));
        assert_eq!(PrevKind::classify("example.com"), PrevKind::Word);
    }

    #[test]
    fn parses_list_markers() {
        assert_eq!(
            ListMarker::parse("12.) Item", 0),
            Some((ListMarker::Number(12), 4))
        );
        assert_eq!(
            ListMarker::parse("b) Item", 0),
            Some((ListMarker::Letter(b'b'), 2))
        );
        assert_eq!(ListMarker::parse("2014. The", 0), None);
        assert_eq!(ListMarker::parse("1. the", 0), None);
    }
}
