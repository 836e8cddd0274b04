//! The JSON shape of `analyze`'s output. Field names are a stable contract:
//! add fields freely, never rename or remove them.

use parallax_core::analyze;
use parallax_core::extract::entities::merge_story_keys;
use parallax_core::extract::{Analysis, Bound, Certainty, Granularity, PartKind, QuoteKind};
use parallax_core::model::Span;
use serde_json::{Value, json};

/// One input file.
pub struct Input {
    pub file: String,
    pub outlet: Option<String>,
    pub text: String,
}

/// The whole output: the story's articles and its facts.
pub fn story(title: Option<&str>, inputs: &[Input]) -> Value {
    let mut analyses: Vec<Analysis> = inputs.iter().map(|input| analyze(&input.text)).collect();
    // One key per entity across the whole story, not just per article.
    let mut keyed: Vec<(&str, &mut Vec<_>)> = inputs
        .iter()
        .zip(analyses.iter_mut())
        .map(|(input, analysis)| (input.text.as_str(), &mut analysis.entities))
        .collect();
    merge_story_keys(&mut keyed);
    let articles: Vec<Value> = inputs
        .iter()
        .zip(&analyses)
        .enumerate()
        .map(|(index, (input, analysis))| article(index, input, analysis))
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
        "entities": analysis.entities.iter().map(|e| json!({
            "start": e.span.start, "end": e.span.end, "text": e.span.text(text),
            "kind": e.kind.label(), "key": e.key, "rule": e.rule,
        })).collect::<Vec<_>>(),
        "quantities": analysis.quantities.iter().map(|q| json!({
            "start": q.span.start, "end": q.span.end, "text": q.span.text(text),
            "value": q.value, "unit": q.unit, "qualifier": q.qualifier, "vague": q.vague, "rule": q.rule,
        })).collect::<Vec<_>>(),
        "dates": analysis.times.iter().map(|t| json!({
            "start": t.span.start, "end": t.span.end, "text": t.span.text(text),
            "value": t.value, "granularity": granularity(t.granularity), "bound": bound(t.bound), "rule": t.rule,
        })).collect::<Vec<_>>(),
        "quotes": analysis.quotes.iter().map(|q| json!({
            "start": q.span.start, "end": q.span.end, "text": q.span.text(text),
            "content": span_fields(q.content.start, q.content.end, text),
            "kind": match q.kind { QuoteKind::Direct => "direct", QuoteKind::ScareQuote => "scare" },
            "speaker": q.speaker.map(|s| s.text(text)),
            "speaker_key": q.speaker.and_then(|s| entity_key(analysis, s)),
            "cue": q.cue.map(|c| c.text(text)),
            "rule": q.rule,
        })).collect::<Vec<_>>(),
        "attributions": analysis.attributions.iter().map(|a| json!({
            "start": a.span.start, "end": a.span.end, "text": a.span.text(text),
            "source": a.source.map(|s| s.text(text)),
            "source_key": a.source.and_then(|s| entity_key(analysis, s)),
            "anonymous": a.anonymous,
            "cue": a.cue.text(text),
            "rule": a.rule,
        })).collect::<Vec<_>>(),
        "claims": analysis.claims.iter().map(|c| json!({
            "id": c.id, "start": c.span.start, "end": c.span.end, "text": c.span.text(text),
            "certainty": certainty(c.certainty),
            "cues": c.cues.iter().map(|cue| json!({
                "text": cue.span.text(text), "start": cue.span.start, "end": cue.span.end,
                "certainty": certainty(cue.certainty), "rule": cue.rule,
            })).collect::<Vec<_>>(),
            "source": c.source.map(|s| s.text(text)),
            "entities": c.entities.iter().map(|&i| &analysis.entities[i].key).collect::<Vec<_>>(),
            "quantities": c.quantities, "dates": c.times, "quotes": c.quotes, "attributions": c.attributions,
            "selector": {
                "exact": c.selector.exact.text(text),
                "prefix": c.selector.prefix.text(text),
                "suffix": c.selector.suffix.text(text),
            },
        })).collect::<Vec<_>>(),
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

/// The key of the entity that best covers `span` (the longest one inside it).
fn entity_key(analysis: &Analysis, span: Span) -> Option<String> {
    analysis
        .entities
        .iter()
        .filter(|e| span.contains(e.span))
        .max_by_key(|e| e.span.len())
        .map(|e| e.key.clone())
}

fn certainty(certainty: Certainty) -> &'static str {
    match certainty {
        Certainty::Asserted => "asserted",
        Certainty::Attributed => "attributed",
        Certainty::Hedged => "hedged",
        Certainty::Disputed => "disputed",
    }
}

fn granularity(granularity: Granularity) -> &'static str {
    match granularity {
        Granularity::Day => "day",
        Granularity::Week => "week",
        Granularity::Month => "month",
        Granularity::Year => "year",
    }
}

fn bound(bound: Bound) -> &'static str {
    match bound {
        Bound::Exact => "exact",
        Bound::Approximate => "approximate",
        Bound::OnOrBefore => "on_or_before",
        Bound::OnOrAfter => "on_or_after",
    }
}
