//! Robustness: no panics, span invariants on junk input, and linear running time.

mod common;

use common::assert_span_invariants;

/// Tiny deterministic xorshift64 generator.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Fragments mixing punctuation, quotes, multibyte and RTL text, NULs and line breaks.
const FRAGMENTS: &[&str] = &[
    "a",
    "Z",
    "I",
    "e",
    "1",
    "42",
    "Mr",
    "U.S",
    "a.m",
    "co",
    "The",
    "word",
    ".",
    ". ",
    "!",
    "?",
    "…",
    "...",
    ". . .",
    "'",
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "(",
    ")",
    "[",
    "]",
    " ",
    "  ",
    "\u{a0}",
    "\n",
    "\r\n",
    "\n\n",
    "\0",
    "•",
    "⁃",
    "1.)",
    "2)",
    "b.",
    "é",
    "漢字",
    "🙂",
    "👩‍👩‍👧",
    "שלום",
    "\u{200f}",
    "مرحبا",
    "\u{fffd}",
    "—",
    "–",
    "$",
    "@",
    "\t",
    "N°",
    "\u{2028}",
];

fn random_text(rng: &mut XorShift) -> String {
    let mut text = String::new();
    if rng.below(4) == 0 {
        // Raw bytes decoded lossily.
        let bytes: Vec<u8> = (0..rng.below(300)).map(|_| rng.next() as u8).collect();
        text.push_str(&String::from_utf8_lossy(&bytes));
    } else {
        for _ in 0..rng.below(120) {
            text.push_str(FRAGMENTS[rng.below(FRAGMENTS.len())]);
        }
    }
    text
}

#[test]
fn random_inputs_keep_invariants() {
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    for _ in 0..5000 {
        let text = random_text(&mut rng);
        let spans = parallax_core::extract::segment::sentence_spans(&text);
        assert_span_invariants(&text, &spans);
    }
}

#[test]
fn edge_inputs_keep_invariants() {
    for text in [
        "", " ", "\n", ".", "...", "'", "\0", "a", "1.", "a.", "•", "…", ". . . .", "'.'",
    ] {
        let spans = parallax_core::extract::segment::sentence_spans(text);
        assert_span_invariants(text, &spans);
    }
    assert!(parallax_core::extract::segment::sentence_spans("").is_empty());
    assert!(parallax_core::extract::segment::sentence_spans(" \u{a0}\n\t").is_empty());
}

/// Segments `text`, checks invariants and returns the sentence count.
/// (Speed is measured by the benchmark, never asserted in a test.)
fn segment_checked(text: &str) -> usize {
    let spans = parallax_core::extract::segment::sentence_spans(text);
    assert_span_invariants(text, &spans);
    spans.len()
}

const FIVE_MB: usize = 5 * 1024 * 1024;

#[test]
fn five_megabytes_without_punctuation_keeps_invariants() {
    let text = "lorem ipsum dolor sit amet ".repeat(FIVE_MB / 27);
    let count = segment_checked(&text);
    assert_eq!(count, 1);
}

#[test]
fn five_megabytes_of_dots_spaces_and_quotes_keeps_invariants() {
    let mut rng = XorShift(12345);
    let text: String = (0..FIVE_MB)
        .map(|_| ['.', ' ', '\''][rng.below(3)])
        .collect();
    segment_checked(&text);
}

#[test]
fn one_megabyte_adversarial_patterns_keep_invariants() {
    const ONE_MB: usize = 1024 * 1024;
    for pattern in [
        ". ",
        " .",
        "'. ",
        "a.",
        ". . . . ",
        "I. ",
        "1. A ",
        "Mr. ",
        "U.S. How ",
    ] {
        let text = pattern.repeat(ONE_MB / pattern.len());
        segment_checked(&text);
    }
}

#[test]
fn one_long_token_and_long_whitespace_keep_invariants() {
    for text in [
        "x".repeat(FIVE_MB / 2) + ". Next",
        format!("End.{}Next", " ".repeat(FIVE_MB / 2)),
        format!(
            "{}.{}",
            "a.".repeat(FIVE_MB / 8),
            "\u{a0}".repeat(FIVE_MB / 8)
        ),
    ] {
        segment_checked(&text);
    }
}
