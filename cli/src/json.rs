//! The JSON shape of `analyze`'s output. Field names are a stable contract:
//! add fields freely, never rename or remove them.

use parallax_core::align::{self, ArticleInput, ArticleSpan, ClaimRef, StoryAlignment, WordOp};
use parallax_core::extract::{
    Analysis, Bound, Certainty, Granularity, PartKind, QuoteKind, analyze_story,
};
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
    let texts: Vec<&str> = inputs.iter().map(|input| input.text.as_str()).collect();
    // One key per entity across the whole story, not just per article.
    let analyses: Vec<Analysis> = analyze_story(&texts);
    let ids: Vec<String> = (1..=inputs.len()).map(|n| format!("a{n}")).collect();
    let outlets: Vec<String> = inputs.iter().map(outlet_label).collect();
    let story: Vec<ArticleInput<'_>> = inputs
        .iter()
        .zip(&analyses)
        .enumerate()
        .map(|(index, (input, analysis))| ArticleInput {
            id: &ids[index],
            outlet: &outlets[index],
            text: &input.text,
            analysis,
        })
        .collect();
    let alignment = align::align(&story);
    let articles: Vec<Value> = inputs
        .iter()
        .zip(&analyses)
        .enumerate()
        .map(|(index, (input, analysis))| article(index, input, analysis))
        .collect();
    json!({
        "story_title": title,
        "articles": articles,
        "facts": facts(&story, &alignment),
        "outlets": alignment.outlets,
    })
}

/// The label of an input's outlet: given with `--outlet`, or else
/// "Unnamed outlet" and the file, so two unnamed outlets stay apart.
fn outlet_label(input: &Input) -> String {
    input
        .outlet
        .clone()
        .unwrap_or_else(|| format!("Unnamed outlet ({})", input.file))
}

fn facts(story: &[ArticleInput<'_>], alignment: &StoryAlignment) -> Vec<Value> {
    let claim_id = |c: &ClaimRef| -> String {
        story
            .get(c.article)
            .and_then(|a| Some(format!("{}/{}", a.id, a.analysis.claims.get(c.claim)?.id)))
            .unwrap_or_default()
    };
    let article_id = |article: usize| story.get(article).map(|a| a.id).unwrap_or_default();
    let span = |s: &ArticleSpan| {
        let text = story.get(s.article).map(|a| a.text).unwrap_or_default();
        json!({
            "article": article_id(s.article),
            "start": s.span.start,
            "end": s.span.end,
            "text": s.span.text(text),
        })
    };
    alignment
        .facts
        .iter()
        .map(|fact| {
            json!({
                "id": fact.id,
                "label": fact.label,
                "claims": fact.claims.iter().map(claim_id).collect::<Vec<_>>(),
                "outlets": fact.outlets,
                "coverage": fact.coverage.name(),
                "differences": fact.differences.iter().map(|d| json!({
                    "kind": d.kind.name(),
                    "detail": d.detail,
                    "spans": d.spans.iter().map(span).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
                "evidence": {
                    "score": f64::from(fact.evidence.score) / 1000.0,
                    "links": fact.evidence.links.iter().map(|l| json!({
                        "a": claim_id(&l.a),
                        "b": claim_id(&l.b),
                        "score": f64::from(l.score) / 1000.0,
                        "shared": l.shared.iter().map(|f| json!({
                            "kind": f.kind.name(), "a": f.a, "b": f.b,
                            "weight": f64::from(f.weight) / 1000.0,
                        })).collect::<Vec<_>>(),
                    })).collect::<Vec<_>>(),
                },
                "quotes": fact.quotes.iter().map(|q| {
                    let (ta, tb) = (
                        story.get(q.a.article).map(|a| a.text).unwrap_or_default(),
                        story.get(q.b.article).map(|a| a.text).unwrap_or_default(),
                    );
                    json!({
                        "a": claim_id(&q.a),
                        "b": claim_id(&q.b),
                        "speaker_a": q.speaker_a.map(|s| s.text(ta)),
                        "speaker_b": q.speaker_b.map(|s| s.text(tb)),
                        "agreement": f64::from(q.agreement()) / 1000.0,
                        "words": q.words.iter().map(|op| word_op(op, ta, tb)).collect::<Vec<_>>(),
                    })
                }).collect::<Vec<_>>(),
            })
        })
        .collect()
}

fn word_op(op: &WordOp, a: &str, b: &str) -> Value {
    let (kind, x, y) = match *op {
        WordOp::Same { a, b } => ("same", Some(a), Some(b)),
        WordOp::Spelling { a, b } => ("spelling", Some(a), Some(b)),
        WordOp::Spacing { a, b } => ("spacing", Some(a), Some(b)),
        WordOp::Changed { a, b } => ("changed", Some(a), Some(b)),
        WordOp::OnlyA(a) => ("only_a", Some(a), None),
        WordOp::OnlyB(b) => ("only_b", None, Some(b)),
    };
    json!({ "op": kind, "a": x.map(|s| s.text(a)), "b": y.map(|s| s.text(b)) })
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
        "outlet": outlet_label(input),
        "headline": doc.headline.map(|s| s.text(text)),
        "published": doc.published.map(|d| d.iso()),
        "sentences": analysis.sentences.iter().map(|s| json!({"start": s.span.start, "end": s.span.end})).collect::<Vec<_>>(),
        "entities": analysis.entities.iter().map(|e| json!({
            "start": e.span.start, "end": e.span.end, "text": e.span.text(text),
            "kind": e.kind.label(), "key": e.key, "rule": e.rule,
        })).collect::<Vec<_>>(),
        "quantities": analysis.quantities.iter().map(|q| json!({
            "start": q.span.start, "end": q.span.end, "text": q.span.text(text),
            "value": q.value, "unit": q.unit, "qualifier": q.qualifier, "vague": q.vague, "versus": q.versus, "rule": q.rule,
        })).collect::<Vec<_>>(),
        "dates": analysis.times.iter().map(|t| json!({
            "start": t.span.start, "end": t.span.end, "text": t.span.text(text),
            "value": t.value, "granularity": granularity(t.granularity), "bound": bound(t.bound), "rule": t.rule,
        })).collect::<Vec<_>>(),
        "quotes": analysis.quotes.iter().enumerate().map(|(i, q)| {
            let resolved = analysis.speaker(i);
            json!({
                "start": q.span.start, "end": q.span.end, "text": q.span.text(text),
                "content": span_fields(q.content.start, q.content.end, text),
                "kind": match q.kind { QuoteKind::Direct => "direct", QuoteKind::ScareQuote => "scare" },
                // As written; `speaker_key` is the resolved speaker.
                "speaker": q.speaker.map(|s| s.text(text)),
                "speaker_key": analysis.speaker_key(i),
                "speaker_role": resolved.and_then(|r| r.role).map(|s| s.text(text)),
                "speaker_resolution": resolved.map_or("none", |r| r.resolution.name()),
                "speaker_from": analysis.speaker_mention(i).map(|s| span_fields(s.start, s.end, text)),
                "speaker_candidates": resolved.map(|r| r.candidates.iter()
                    .filter_map(|&c| analysis.entities.get(c).map(|e| e.key.as_str()))
                    .collect::<Vec<_>>()).unwrap_or_default(),
                "cue": q.cue.map(|c| c.text(text)),
                "rule": q.rule,
            })
        }).collect::<Vec<_>>(),
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
