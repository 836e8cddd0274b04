//! Renders items inline in their text, for snapshot tests and the CLI's
//! human output: `⟦Sony Pictures⟧org` marks the exact bytes of an item.
//! Nested items nest; the output is deterministic.

use crate::model::Span;

/// `text` with every `(span, label)` marked as `⟦…⟧label`. Items that do not
/// fit the text (out of range, not on char boundaries) are listed after it.
pub fn annotate(text: &str, items: &[(Span, String)]) -> String {
    let mut valid: Vec<&(Span, String)> = Vec::new();
    let mut invalid = Vec::new();
    for item in items {
        let fits = text.get(item.0.start..item.0.end).is_some();
        if fits {
            valid.push(item)
        } else {
            invalid.push(item)
        }
    }
    // Opening markers: by start, longer first. Closing: by end, shorter first.
    let mut events: Vec<(usize, u8, usize, usize)> = Vec::new();
    for (index, (span, _)) in valid.iter().enumerate() {
        events.push((span.start, 1, usize::MAX - span.end, index));
        events.push((span.end, 0, span.start.wrapping_neg(), index));
    }
    crate::model::sort(&mut events);
    let mut out = String::with_capacity(text.len() + items.len() * 8);
    let mut cursor = 0;
    for (at, open, _, index) in events {
        out.push_str(&text[cursor..at]);
        cursor = at;
        if open == 1 {
            out.push('⟦');
        } else {
            out.push('⟧');
            out.push_str(&valid[index].1);
        }
    }
    out.push_str(&text[cursor..]);
    for (span, label) in invalid {
        out.push_str(&format!("\n(does not fit the text: {span} {label})"));
    }
    out
}

/// Like [`annotate`], but only the given sentences, one per line, and only
/// those holding at least one item: compact snapshots of a stage.
pub fn annotate_sentences(text: &str, sentences: &[Span], items: &[(Span, String)]) -> String {
    let mut out = String::new();
    for &sentence in sentences {
        let inside: Vec<(Span, String)> = items
            .iter()
            .filter(|(span, _)| sentence.contains(*span))
            .map(|(span, label)| {
                (
                    Span::new(span.start - sentence.start, span.end - sentence.start),
                    label.clone(),
                )
            })
            .collect();
        if !inside.is_empty() {
            out.push_str(&annotate(sentence.text(text), &inside));
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_nested_and_adjacent_items() {
        let text = "Sony Pictures Entertainment said no.";
        let items = vec![
            (Span::new(0, 27), "org".to_string()),
            (Span::new(0, 4), "alias".to_string()),
            (Span::new(28, 32), "cue".to_string()),
            (Span::new(99, 100), "bad".to_string()),
        ];
        assert_eq!(
            annotate(text, &items),
            "⟦⟦Sony⟧alias Pictures Entertainment⟧org ⟦said⟧cue no.\n(does not fit the text: 99..100 bad)"
        );
    }
}
