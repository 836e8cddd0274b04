//! Stable ids and text-quote selectors: how a claim is named in a link and
//! found again when the text or the extractor changes.
//!
//! An id is derived from content, not position: the FNV-1a hash of the
//! claim's text with case, whitespace and quote/dash styles folded, so the
//! same sentence keeps its id when paragraphs move or typography changes.

use crate::extract::text::char_at;
use crate::model::Span;

/// Bytes of context kept on each side of a selector's exact text.
pub const CONTEXT_BYTES: usize = 32;

/// A W3C-style TextQuoteSelector, as spans of the article's raw text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextQuoteSelector {
    pub exact: Span,
    /// Up to [`CONTEXT_BYTES`] before `exact` (fewer to stay on a char boundary).
    pub prefix: Span,
    /// Up to [`CONTEXT_BYTES`] after `exact`.
    pub suffix: Span,
}

impl TextQuoteSelector {
    pub fn new(text: &str, exact: Span) -> TextQuoteSelector {
        let mut start = exact.start.saturating_sub(CONTEXT_BYTES);
        while start < exact.start && !text.is_char_boundary(start) {
            start += 1;
        }
        let mut end = (exact.end + CONTEXT_BYTES).min(text.len());
        while end > exact.end && !text.is_char_boundary(end) {
            end -= 1;
        }
        TextQuoteSelector {
            exact,
            prefix: Span::new(start, exact.start),
            suffix: Span::new(exact.end, end.max(exact.end)),
        }
    }
}

/// A short id for `text` (12 lowercase hex digits), stable under changes of
/// case, whitespace, quote and dash styles.
pub fn content_id(text: &str) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    let mut previous_space = true;
    let mut pos = 0;
    while let Some(c) = char_at(text, pos) {
        pos += c.len_utf8();
        let folded = match c {
            '‘' | '’' | '‚' | '′' => '\'',
            '“' | '”' | '„' | '″' => '"',
            '–' | '—' | '‐' | '‑' => '-',
            c if c.is_ascii_graphic() => c,
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if folded == ' ' {
            if previous_space {
                continue;
            }
            previous_space = true;
        } else {
            previous_space = false;
        }
        if folded.is_ascii() {
            hash ^= u64::from(folded.to_ascii_lowercase() as u8);
            hash = hash.wrapping_mul(PRIME);
            continue;
        }
        for lower in folded.to_lowercase() {
            let mut buffer = [0u8; 4];
            for byte in lower.encode_utf8(&mut buffer).bytes() {
                hash ^= u64::from(byte);
                hash = hash.wrapping_mul(PRIME);
            }
        }
    }
    // Twelve lowercase hex digits (what `format!("{:012x}", hash >> 16)` gives).
    let digits = hash >> 16;
    (0..12)
        .rev()
        .map(|k| char::from(b"0123456789abcdef"[((digits >> (4 * k)) & 0xf) as usize]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_ignore_typography_but_not_words() {
        let a = content_id("We respect and understand our partners’ decision.");
        assert_eq!(
            a,
            content_id("We  respect and understand our PARTNERS' decision.")
        );
        assert_ne!(
            a,
            content_id("We respect and understand our partners’ decisions.")
        );
        assert_eq!(a.len(), 12);
        assert_eq!(content_id("a – b"), content_id("a - b"));
        assert_eq!(
            content_id(""),
            format!("{:012x}", 0xcbf2_9ce4_8422_2325u64 >> 16)
        );
    }

    #[test]
    fn selectors_keep_context_on_char_boundaries() {
        let text = "ééééééééééééééééééééé Sony said so. ééééééééééééééééééééé";
        let start = text.find("Sony").unwrap();
        let exact = Span::new(start, start + "Sony said so.".len());
        let selector = TextQuoteSelector::new(text, exact);
        assert!(
            selector.prefix.len() <= CONTEXT_BYTES && selector.prefix.len() >= CONTEXT_BYTES - 1
        );
        assert_eq!(selector.prefix.end, exact.start);
        assert!(
            text.get(selector.prefix.start..selector.suffix.end)
                .is_some()
        );
        let at_edges = TextQuoteSelector::new("abc", Span::new(0, 3));
        assert!(at_edges.prefix.is_empty() && at_edges.suffix.is_empty());
    }
}
