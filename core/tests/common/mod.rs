//! Helpers shared by the integration tests.

use std::ops::Range;

/// Asserts the documented span invariants: ordered, non-overlapping, non-empty, on char
/// boundaries, trimmed, and only whitespace between (and around) the spans.
pub fn assert_span_invariants(text: &str, spans: &[Range<usize>]) {
    let mut cursor = 0;
    for span in spans {
        assert!(span.start < span.end, "empty span {span:?}");
        assert!(
            span.start >= cursor,
            "span {span:?} overlaps or is out of order"
        );
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        let sentence = &text[span.clone()];
        assert_eq!(sentence, sentence.trim(), "span {span:?} is not trimmed");
        assert!(
            text[cursor..span.start].chars().all(char::is_whitespace),
            "non-whitespace dropped before {span:?}"
        );
        cursor = span.end;
    }
    assert!(
        text[cursor..].chars().all(char::is_whitespace),
        "non-whitespace dropped at the end"
    );
}

/// Runs the segmenter, checks the invariants and returns the sentences as slices.
#[allow(dead_code)] // not every test crate uses it
pub fn sentences(text: &str) -> Vec<&str> {
    let spans = parallax_core::extract::segment::sentence_spans(text);
    assert_span_invariants(text, &spans);
    spans.into_iter().map(|r| &text[r]).collect()
}
