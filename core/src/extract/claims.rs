//! Claims: the unit the comparison works on. A claim is a sentence of story
//! text carrying the items earlier stages found in it (entities, quantities,
//! times, quotes, attributions), its certainty with the cues that decided
//! it, a content-derived id and a text-quote selector for re-anchoring.
//!
//! Captions, bios and furniture give no claims: only story sentences do.

use std::collections::HashMap;

use crate::anchor::{TextQuoteSelector, content_id};
use crate::extract::Analysis;
use crate::extract::certainty::{Certainty, CertaintyCue, assess_sentences};
use crate::model::Span;

/// One claim of one article. Item lists are indices into the matching
/// [`Analysis`] vectors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    /// Stable, content-derived; unique within the article (a repeated
    /// sentence gets `-2`, `-3`, … in text order).
    pub id: String,
    pub span: Span,
    /// Index into [`Analysis::sentences`].
    pub sentence: usize,
    pub entities: Vec<usize>,
    pub quantities: Vec<usize>,
    pub times: Vec<usize>,
    /// Quotes overlapping the claim (a quote may run over several claims).
    pub quotes: Vec<usize>,
    pub attributions: Vec<usize>,
    pub certainty: Certainty,
    pub cues: Vec<CertaintyCue>,
    /// Who the claim is attributed to, when the text names someone.
    pub source: Option<Span>,
    pub selector: TextQuoteSelector,
    pub rule: &'static str,
}

/// Builds one claim per story sentence from the other stages' output.
pub fn build_claims(text: &str, analysis: &Analysis) -> Vec<Claim> {
    let certainty = assess_sentences(text, &analysis.sentences, &analysis.attributions);
    let entities = Sweep::new(analysis.entities.iter().map(|e| e.span));
    let quantities = Sweep::new(analysis.quantities.iter().map(|q| q.span));
    let times = Sweep::new(analysis.times.iter().map(|t| t.span));
    let quotes = Sweep::new(analysis.quotes.iter().map(|q| q.span));
    let attributions = Sweep::new(analysis.attributions.iter().map(|a| a.span));
    let mut seen: HashMap<String, usize> = HashMap::new();
    analysis
        .sentences
        .iter()
        .zip(certainty)
        .enumerate()
        .map(|(index, (sentence, (certainty, cues)))| {
            let span = sentence.span;
            let base = content_id(span.text(text));
            let count = seen.entry(base.clone()).or_insert(0);
            *count += 1;
            let id = if *count == 1 {
                base
            } else {
                format!("{base}-{count}")
            };
            let attributions = attributions.overlapping(span);
            let source = attributions.iter().find_map(|&a| {
                analysis.attributions[a]
                    .source
                    .filter(|_| !analysis.attributions[a].anonymous)
            });
            Claim {
                id,
                span,
                sentence: index,
                entities: entities.inside(span),
                quantities: quantities.inside(span),
                times: times.inside(span),
                quotes: quotes.overlapping(span),
                attributions,
                certainty,
                cues,
                source,
                selector: TextQuoteSelector::new(text, span),
                rule: "a sentence of story text",
            }
        })
        .collect()
}

/// Items sorted by start, for finding those inside or overlapping a span.
struct Sweep {
    spans: Vec<(Span, usize)>,
    /// The longest item: an item overlapping a span starts at most this far before it.
    longest: usize,
}

impl Sweep {
    fn new(spans: impl Iterator<Item = Span>) -> Sweep {
        let mut spans: Vec<(Span, usize)> = spans.enumerate().map(|(i, s)| (s, i)).collect();
        spans.sort_by_key(|(s, i)| (s.start, *i));
        let longest = spans.iter().map(|(s, _)| s.len()).max().unwrap_or(0);
        Sweep { spans, longest }
    }

    /// Indices of items wholly inside `span`, in text order.
    fn inside(&self, span: Span) -> Vec<usize> {
        let from = self.spans.partition_point(|(s, _)| s.start < span.start);
        self.spans[from..]
            .iter()
            .take_while(|(s, _)| s.start < span.end)
            .filter(|(s, _)| span.contains(*s))
            .map(|&(_, i)| i)
            .collect()
    }

    /// Indices of items sharing at least one byte with `span`, in text order.
    fn overlapping(&self, span: Span) -> Vec<usize> {
        let earliest = span.start.saturating_sub(self.longest);
        let from = self.spans.partition_point(|(s, _)| s.start < earliest);
        let to = self.spans.partition_point(|(s, _)| s.start < span.end);
        self.spans[from..to.max(from)]
            .iter()
            .filter(|(s, _)| s.end > span.start)
            .map(|&(_, i)| i)
            .collect()
    }
}
