//! Pasted text: line endings made `\n`, then split into articles at
//! separator lines (`---`, `===`, `***`, `___`, `###`: three or more of one
//! of these characters alone on a line). Each article keeps its bytes as
//! pasted, without the blank lines at its edges.

use std::borrow::Cow;

use crate::model::Span;

/// `text` with CRLF and lone CR line endings turned into LF; nothing else changes.
pub fn normalize_line_endings(text: &str) -> Cow<'_, str> {
    if !text.contains('\r') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(cr) = rest.find('\r') {
        out.push_str(&rest[..cr]);
        out.push('\n');
        rest = &rest[cr + 1..];
        if let Some(after) = rest.strip_prefix('\n') {
            rest = after;
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The articles in pasted `text`, line endings normalised; empty pieces are dropped.
pub fn split_articles(text: &str) -> Vec<String> {
    let text = normalize_line_endings(text);
    article_spans(&text)
        .into_iter()
        .map(|span| span.text(&text).to_string())
        .collect()
}

/// The articles of `text` (line endings already `\n`) as spans: from the
/// first non-blank line to the end of the last one, separators left out.
pub fn article_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut piece: Option<Span> = None;
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        let content = line.trim_end_matches('\n');
        if is_separator(content) {
            spans.extend(piece.take());
        } else if !content.trim().is_empty() {
            let content_end = start + content.len();
            match &mut piece {
                Some(span) => span.end = content_end,
                None => piece = Some(Span::new(start, content_end)),
            }
        }
        start = end;
    }
    spans.extend(piece);
    spans
}

/// Three or more of one of `-`, `=`, `*`, `_`, `#`, with optional spaces around.
pub fn is_separator(line: &str) -> bool {
    let run = line.trim_matches([' ', '\t']);
    let mut chars = run.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    matches!(first, '-' | '=' | '*' | '_' | '#') && run.len() >= 3 && chars.all(|c| c == first)
}
