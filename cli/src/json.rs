//! The JSON shape of `analyze`'s output. Field names are a stable contract:
//! add fields freely, never rename or remove them.

use parallax_core::analyze;
use parallax_core::extract::{Analysis, PartKind};
use serde_json::{Value, json};

/// One input file.
pub struct Input {
    pub file: String,
    pub outlet: Option<String>,
    pub text: String,
}

/// The whole output: the story's articles and its facts.
pub fn story(title: Option<&str>, inputs: &[Input]) -> Value {
    let articles: Vec<Value> = inputs
        .iter()
        .enumerate()
        .map(|(index, input)| article(index, input, &analyze(&input.text)))
        .collect();
    json!({
        "story_title": title,
        "articles": articles,
        "facts": [],
    })
}

fn span_fields(start: usize, end: usize, text: &str) -> Value {
    json!({ "start": start, "end": end, "text": text.get(start..end).unwrap_or("") })
}

fn article(index: usize, input: &Input, analysis: &Analysis) -> Value {
    let text = input.text.as_str();
    let doc = &analysis.document;
    let part = |p: &parallax_core::extract::Part| {
        json!({
            "start": p.span.start,
            "end": p.span.end,
            "kind": part_kind(p.kind),
            "rule": p.rule,
        })
    };
    // Everything that is neither story text nor its headline or date line.
    let furniture: Vec<Value> = doc
        .parts
        .iter()
        .filter(|p| {
            matches!(
                p.kind,
                PartKind::Metadata | PartKind::Caption | PartKind::AuthorBio | PartKind::Furniture
            )
        })
        .map(part)
        .collect();
    let parts: Vec<Value> = doc.parts.iter().map(part).collect();
    json!({
        "id": format!("a{}", index + 1),
        "file": input.file,
        "outlet": input.outlet.clone().unwrap_or_else(|| "Unnamed outlet".into()),
        "headline": doc.headline.map(|s| s.text(text)),
        "published": doc.published.map(|d| d.iso()),
        "sentences": analysis.sentences.iter().map(|s| json!({"start": s.span.start, "end": s.span.end})).collect::<Vec<_>>(),
        "furniture": furniture,
        "parts": parts,
        "diagnostics": analysis.diagnostics.iter().map(|d| json!({
            "message": d.message,
            "span": d.span.map(|s| span_fields(s.start, s.end, text)),
        })).collect::<Vec<_>>(),
    })
}

fn part_kind(kind: PartKind) -> &'static str {
    match kind {
        PartKind::Headline => "headline",
        PartKind::DateLine => "dateline",
        PartKind::Metadata => "metadata",
        PartKind::Caption => "caption",
        PartKind::Paragraph => "paragraph",
        PartKind::Subheading => "subheading",
        PartKind::AuthorBio => "author_bio",
        PartKind::Furniture => "furniture",
    }
}
