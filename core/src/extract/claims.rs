//! Claims: the unit the comparison works on. A claim is a sentence of story
//! text carrying the items earlier stages found in it (entities, quantities,
//! times, quotes, attributions), its certainty with the cues that decided
//! it, a content-derived id and a text-quote selector for re-anchoring.
//!
//! Captions, bios and furniture give no claims: only story sentences do.

use crate::model::HashMap;

use crate::anchor::{TextQuoteSelector, content_id};
use crate::extract::Analysis;
use crate::extract::certainty::{Certainty, CertaintyCue, assess_sentences, assess_sentences_with};
use crate::model::{Span, SpanIndex};

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
    claims_with(text, analysis, certainty)
}

/// [`build_claims`] given each sentence's lexical certainty cues, found
/// while the attribution stage had the sentence's tokens.
pub(crate) fn build_claims_with_cues(
    text: &str,
    analysis: &Analysis,
    lexical: Vec<Vec<CertaintyCue>>,
) -> Vec<Claim> {
    let certainty = assess_sentences_with(&analysis.sentences, lexical, &analysis.attributions);
    claims_with(text, analysis, certainty)
}

fn claims_with(
    text: &str,
    analysis: &Analysis,
    certainty: Vec<(Certainty, Vec<CertaintyCue>)>,
) -> Vec<Claim> {
    let entities = SpanIndex::new(analysis.entities.iter().map(|e| e.span));
    let quantities = SpanIndex::new(analysis.quantities.iter().map(|q| q.span));
    let times = SpanIndex::new(analysis.times.iter().map(|t| t.span));
    let quotes = SpanIndex::new(analysis.quotes.iter().map(|q| q.span));
    let attributions = SpanIndex::new(analysis.attributions.iter().map(|a| a.span));
    let mut seen: HashMap<String, usize> = HashMap::default();
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
