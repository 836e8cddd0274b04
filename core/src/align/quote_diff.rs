//! Quote fidelity: the same quoted statement in two outlets, word by word.
//!
//! The quoted words of each claim (its overlap with direct quotes) are cut
//! at white space, aligned by their longest common subsequence of
//! normalised words (case, quote and dash styles folded), and the gaps are
//! classified: a spelling change ("theatre-goers"/"theater-goers"), a
//! missing or extra space ("The Interview,we"), other changed words, and
//! words only one side has (a truncation shows as a run of those at an end).

use super::{ArticleInput, ArticleSpan, ClaimRef};
use crate::extract::{Analysis, Claim};
use crate::model::{Fnv, Span};
use std::hash::Hasher;

/// Longest quoted part compared, in words per side (beyond it: left out).
const MAX_WORDS: usize = 400;

/// One step of the word alignment; spans are in each side's own text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordOp {
    Same {
        a: Span,
        b: Span,
    },
    /// The same word spelt differently.
    Spelling {
        a: Span,
        b: Span,
    },
    /// The same words with a space more or less.
    Spacing {
        a: Span,
        b: Span,
    },
    /// Different words.
    Changed {
        a: Span,
        b: Span,
    },
    /// Words only the first side quotes.
    OnlyA(Span),
    /// Words only the second side quotes.
    OnlyB(Span),
}

impl WordOp {
    pub fn is_same(&self) -> bool {
        matches!(self, WordOp::Same { .. })
    }

    /// The spans it covers, as story spans.
    pub fn spans(&self, article_a: usize, article_b: usize) -> Vec<ArticleSpan> {
        let a = |span| ArticleSpan {
            article: article_a,
            span,
        };
        let b = |span| ArticleSpan {
            article: article_b,
            span,
        };
        match *self {
            WordOp::Same { a: x, b: y }
            | WordOp::Spelling { a: x, b: y }
            | WordOp::Spacing { a: x, b: y }
            | WordOp::Changed { a: x, b: y } => vec![a(x), b(y)],
            WordOp::OnlyA(x) => vec![a(x)],
            WordOp::OnlyB(y) => vec![b(y)],
        }
    }

    /// For people: "“theatre-goers” → “theater-goers” (spelling)".
    pub fn describe(&self, a_text: &str, b_text: &str) -> String {
        let (x, y) = (|s: Span| s.text(a_text), |s: Span| s.text(b_text));
        match *self {
            WordOp::Same { a, .. } => format!("“{}”", x(a)),
            WordOp::Spelling { a, b } => format!("“{}” → “{}” (spelling)", x(a), y(b)),
            WordOp::Spacing { a, b } => format!("“{}” → “{}” (spacing)", x(a), y(b)),
            WordOp::Changed { a, b } => format!("“{}” → “{}”", x(a), y(b)),
            WordOp::OnlyA(a) => format!("“{}” left out", x(a)),
            WordOp::OnlyB(b) => format!("“{}” added", y(b)),
        }
    }
}

/// Two claims' quoted words, aligned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteFidelity {
    pub a: ClaimRef,
    pub b: ClaimRef,
    /// Who each side says spoke (a name or a nominal such as "the company").
    pub speaker_a: Option<Span>,
    pub speaker_b: Option<Span>,
    pub words: Vec<WordOp>,
}

impl QuoteFidelity {
    /// The steps that are not the same word.
    pub fn changes(&self) -> Vec<WordOp> {
        self.words
            .iter()
            .copied()
            .filter(|op| !op.is_same())
            .collect()
    }

    /// Share of words quoted alike, in thousandths.
    pub fn agreement(&self) -> u16 {
        let same = self.words.iter().filter(|op| op.is_same()).count();
        if self.words.is_empty() {
            return 0;
        }
        (same * 1000 / self.words.len()) as u16
    }
}

/// Quote fidelity of each later claim of a fact that quotes words (of the
/// first 64 after the first) against the first claim that does: a fact
/// whose first claim reports in its own words still shows how the
/// outlets that quote differ.
pub fn of_fact(articles: &[ArticleInput<'_>], claims: &[ClaimRef]) -> Vec<QuoteFidelity> {
    let mut quoted = claims
        .iter()
        .take(super::MAX_COMPARED + 1)
        .filter_map(|&c| Quoted::of(articles, c));
    let Some(a) = quoted.next() else {
        return Vec::new();
    };
    quoted
        .filter(|b| b.at.article != a.at.article)
        .filter_map(|b| align_words(&a, &b))
        .collect()
}

/// A claim's quoted words, ready to align.
struct Quoted {
    at: ClaimRef,
    speaker: Option<Span>,
    words: Vec<Span>,
    normal: Vec<String>,
    /// A hash of each normal form: the alignment compares these first.
    hashes: Vec<u64>,
}

impl Quoted {
    fn of(articles: &[ArticleInput<'_>], at: ClaimRef) -> Option<Quoted> {
        let input = articles.get(at.article)?;
        let claim = input.analysis.claims.get(at.claim)?;
        Quoted::new(at, input.text, input.analysis, claim)
    }

    fn new(at: ClaimRef, text: &str, analysis: &Analysis, claim: &Claim) -> Option<Quoted> {
        let (parts, speaker) = quoted_parts(text, analysis, claim);
        let words = tokens(text, &parts);
        if words.is_empty() {
            return None;
        }
        let normal: Vec<String> = words.iter().map(|s| normal(s.text(text))).collect();
        let hashes = normal
            .iter()
            .map(|w| {
                let mut hasher = Fnv::default();
                hasher.write(w.as_bytes());
                hasher.finish()
            })
            .collect();
        Some(Quoted {
            at,
            speaker,
            words,
            normal,
            hashes,
        })
    }
}

/// The quoted parts of a claim: its overlap with direct quotes' contents.
fn quoted_parts(text: &str, analysis: &Analysis, claim: &Claim) -> (Vec<Span>, Option<Span>) {
    let mut parts = Vec::new();
    let mut speaker = None;
    for quote in claim.quotes.iter().filter_map(|&q| analysis.quotes.get(q)) {
        if !quote.reports_words(text) {
            continue;
        }
        let start = quote.content.start.max(claim.span.start);
        let end = quote.content.end.min(claim.span.end);
        if start < end {
            parts.push(Span::new(start, end));
            speaker = speaker.or(quote.speaker);
        }
    }
    (parts, speaker)
}

/// White-space separated words of `parts`.
fn tokens(text: &str, parts: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    for part in parts {
        let body = part.text(text);
        let mut start = None;
        for (i, c) in body
            .char_indices()
            .chain(std::iter::once((body.len(), ' ')))
        {
            match (c.is_whitespace(), start) {
                (true, Some(s)) => {
                    out.push(Span::new(part.start + s, part.start + i));
                    start = None;
                }
                (false, None) => start = Some(i),
                _ => {}
            }
            if out.len() >= MAX_WORDS {
                return out;
            }
        }
    }
    out
}

/// A word's comparable form: lowercase, typographic quotes and dashes
/// folded, surrounding punctuation dropped.
fn normal(word: &str) -> String {
    let folded: String = word
        .chars()
        .map(|c| match c {
            '‘' | '’' | '‚' => '\'',
            '“' | '”' | '„' => '"',
            '–' | '—' | '‐' | '‑' => '-',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    let trimmed = folded.trim_matches(|c: char| !c.is_alphanumeric());
    if trimmed.is_empty() {
        folded
    } else {
        trimmed.to_string()
    }
}

fn letters(words: &[String]) -> String {
    words
        .iter()
        .flat_map(|w| w.chars())
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Levenshtein distance, for short words.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &x) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &y) in b.iter().enumerate() {
            let next = (diagonal + usize::from(x != y))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// The longest-common-subsequence alignment of two claims' quoted words.
fn align_words(a: &Quoted, b: &Quoted) -> Option<QuoteFidelity> {
    let (words_a, norm_a, words_b, norm_b) = (&a.words, &a.normal, &b.words, &b.normal);
    let (hash_a, hash_b) = (a.hashes.as_slice(), b.hashes.as_slice());
    let same = |i: usize, j: usize| hash_a[i] == hash_b[j] && norm_a[i] == norm_b[j];
    // Longest common subsequence, table from the end.
    let (n, m) = (norm_a.len(), norm_b.len());
    let mut table = vec![0u16; (n + 1) * (m + 1)];
    let table = table.as_mut_slice();
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[i * (m + 1) + j] = if same(i, j) {
                table[(i + 1) * (m + 1) + j + 1] + 1
            } else {
                table[(i + 1) * (m + 1) + j].max(table[i * (m + 1) + j + 1])
            };
        }
    }
    // Too little in common: not the same statement.
    let common = table[0] as usize;
    if common * 3 < n.min(m) {
        return None;
    }
    let mut ops = Vec::new();
    let (mut i, mut j) = (0, 0);
    let (mut gap_a, mut gap_b) = (i, j);
    while i < n || j < m {
        if i < n && j < m && same(i, j) {
            gap(
                &mut ops,
                (words_a, norm_a, gap_a, i),
                (words_b, norm_b, gap_b, j),
            );
            ops.push(WordOp::Same {
                a: words_a[i],
                b: words_b[j],
            });
            i += 1;
            j += 1;
            gap_a = i;
            gap_b = j;
        } else if j >= m || (i < n && table[(i + 1) * (m + 1) + j] >= table[i * (m + 1) + j + 1]) {
            i += 1;
        } else {
            j += 1;
        }
    }
    gap(
        &mut ops,
        (words_a, norm_a, gap_a, n),
        (words_b, norm_b, gap_b, m),
    );
    Some(QuoteFidelity {
        a: a.at,
        b: b.at,
        speaker_a: a.speaker,
        speaker_b: b.speaker,
        words: ops,
    })
}

/// Classifies the unmatched words between two matches.
fn gap(
    ops: &mut Vec<WordOp>,
    (words_a, norm_a, from_a, to_a): (&[Span], &[String], usize, usize),
    (words_b, norm_b, from_b, to_b): (&[Span], &[String], usize, usize),
) {
    let span =
        |words: &[Span], from: usize, to: usize| Span::new(words[from].start, words[to - 1].end);
    match (from_a < to_a, from_b < to_b) {
        (false, false) => {}
        (true, false) => ops.push(WordOp::OnlyA(span(words_a, from_a, to_a))),
        (false, true) => ops.push(WordOp::OnlyB(span(words_b, from_b, to_b))),
        (true, true) => {
            let (a, b) = (span(words_a, from_a, to_a), span(words_b, from_b, to_b));
            let (x, y) = (
                letters(&norm_a[from_a..to_a]),
                letters(&norm_b[from_b..to_b]),
            );
            let op = if x == y && to_a - from_a != to_b - from_b {
                WordOp::Spacing { a, b }
            } else if to_a - from_a == 1
                && to_b - from_b == 1
                && edit_distance(&x, &y) <= 2.max(x.len().min(y.len()) / 5)
            {
                WordOp::Spelling { a, b }
            } else {
                WordOp::Changed { a, b }
            };
            ops.push(op);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{edit_distance, normal};

    #[test]
    fn words_compare_without_typography() {
        assert_eq!(normal("“Sony"), "sony");
        assert_eq!(normal("release,"), "release");
        assert_eq!(normal("–"), "-");
        assert_eq!(normal("—"), "-");
        assert_eq!(edit_distance("theatregoers", "theatergoers"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
