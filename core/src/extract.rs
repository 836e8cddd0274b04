//! The extraction pipeline: `analyze(raw text) -> Analysis`.
//!
//! Stages, one module each, run in order and only add items; none rewrites
//! the spans of an earlier stage:
//! - [`document`]: headline, date line, metadata, captions, paragraphs, furniture;
//! - [`segment`]: sentences inside story paragraphs;
//! - [`entities`]: people, organisations, places, groups and works in those sentences;
//! - [`dates`]: time expressions, normalised against the publication date;
//! - [`quantities`]: amounts, what they count and how they are hedged;
//! - [`quotes`]: direct quotes and scare quotes, with speaker and verb;
//! - [`attribution`]: who each claim is attributed to, and how;
//! - [`speakers`]: each quote's speaker resolved to an entity (pronouns,
//!   continuations, roles, organisations by common noun; an unnamed crowd
//!   that chants or sings is its own speaker, [`crowds`]);
//! - [`certainty`]: asserted / attributed / hedged / disputed, with cue words;
//! - [`claims`]: one claim per story sentence, carrying all of the above.

pub mod attribution;
pub mod certainty;
pub mod claims;
pub mod crowds;
pub mod dateline;
pub mod dates;
pub mod document;
pub mod entities;
pub mod lexicon;
mod numbers;
pub mod quantities;
pub mod quotes;
pub mod segment;
pub mod speakers;
mod speech;
pub(crate) mod text;

use crate::model::{DateTime, Diagnostic, Span, key, sort_by_numbers};
pub use attribution::Attribution;
pub use certainty::{Certainty, CertaintyCue};
pub use claims::Claim;
pub use dates::{Bound, Granularity, TimeExpr};
pub use document::{Document, Metadata, Part, PartKind};
pub use entities::{Entity, EntityKind};
pub use quantities::Quantity;
pub use quotes::{Quote, QuoteKind};
pub use speakers::{Resolution, Speaker};

/// A sentence of story text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Index into [`Document::parts`] of the paragraph holding it.
    pub part: usize,
}

/// Everything the pipeline found in one article. (Not `Eq`: quantities hold `f64`.)
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    pub document: Document,
    /// Sentences of story paragraphs, in text order.
    pub sentences: Vec<Sentence>,
    /// Named entities in the sentences, in text order, keys merged within the article.
    pub entities: Vec<Entity>,
    /// Amounts in the story text, in text order.
    pub quantities: Vec<Quantity>,
    /// Time expressions in the story text, in text order, normalised against
    /// [`Analysis::published`].
    pub times: Vec<TimeExpr>,
    /// Quotations in story text, in text order (outer before inner).
    pub quotes: Vec<Quote>,
    /// Attributed claims, in text order: those found by
    /// [`attribution::find_attributions`], plus one per direct quote with a
    /// known speaker ([`attribution::quote_attributions`]).
    pub attributions: Vec<Attribution>,
    /// The resolved speaker of each quote (same order and length as
    /// `quotes`): see [`speakers`].
    pub speakers: Vec<Speaker>,
    /// One claim per story sentence (same order as `sentences`).
    pub claims: Vec<Claim>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Analysis {
    /// Gives back what its lists grew beyond their length: a story's
    /// analyses are all kept until its view-model is built, and a vector
    /// that grew by doubling holds up to twice what it needs.
    fn shrink_to_fit(&mut self) {
        self.document.parts.shrink_to_fit();
        self.document.metadata.shrink_to_fit();
        self.sentences.shrink_to_fit();
        self.entities.shrink_to_fit();
        self.quantities.shrink_to_fit();
        self.times.shrink_to_fit();
        self.quotes.shrink_to_fit();
        self.attributions.shrink_to_fit();
        self.speakers.shrink_to_fit();
        self.claims.shrink_to_fit();
        for claim in &mut self.claims {
            claim.entities.shrink_to_fit();
            claim.quantities.shrink_to_fit();
            claim.times.shrink_to_fit();
            claim.quotes.shrink_to_fit();
            claim.attributions.shrink_to_fit();
            claim.cues.shrink_to_fit();
        }
        self.diagnostics.shrink_to_fit();
    }

    pub fn published(&self) -> Option<DateTime> {
        self.document.published
    }

    /// How many bytes of claim `claim`'s text its direct quotes hold:
    /// someone's own words (the claim is theirs when these make half of it
    /// or more; a quoted term inside a reporter's sentence does not).
    pub fn direct_quote_len(&self, claim: &Claim) -> usize {
        claim
            .quotes
            .iter()
            .filter_map(|&q| self.quotes.get(q))
            .filter(|q| q.kind == QuoteKind::Direct)
            .map(|q| q.content.len())
            .sum()
    }

    /// The resolved speaker of quote `quote` ([`Analysis::quotes`] index).
    pub fn speaker(&self, quote: usize) -> Option<&Speaker> {
        self.speakers.get(quote)
    }

    /// The entity key of quote `quote`'s resolved speaker (story-wide after
    /// [`analyze_story`]).
    /// An unnamed crowd's key is its own ([`crowds::Crowd::key`]).
    pub fn speaker_key(&self, quote: usize) -> Option<&str> {
        let speaker = self.speakers.get(quote)?;
        match speaker.entity {
            Some(entity) => self.entities.get(entity).map(|e| e.key.as_str()),
            None => speaker.crowd.as_ref().map(|c| c.key.as_str()),
        }
    }

    /// The span of the mention quote `quote`'s speaker was resolved to (an
    /// unnamed crowd's as written).
    pub fn speaker_mention(&self, quote: usize) -> Option<Span> {
        let speaker = self.speakers.get(quote)?;
        match speaker.entity {
            Some(entity) => self.entities.get(entity).map(|e| e.span),
            None => speaker.crowd.as_ref().map(|c| c.span),
        }
    }
}

/// Runs every stage on one article's raw text. Never panics, for any input.
pub fn analyze(text: &str) -> Analysis {
    analyze_dated(text, None)
}

/// [`analyze`], with a publication date to use when the text has no date
/// line (one the reader gave). A date line in the text always wins.
pub fn analyze_dated(text: &str, given: Option<DateTime>) -> Analysis {
    let mut diagnostics = Vec::new();
    let mut document = document::parse_document(text, &mut diagnostics);
    if document.published.is_none() && given.is_some() {
        document.published = given;
        diagnostics.push(Diagnostic::info(
            "The text has no date line: dates are read against the publication date given with the article.",
            None,
        ));
    }
    let mut sentences = Vec::new();
    for (index, part) in document.parts.iter().enumerate() {
        if part.kind.is_story_text() {
            for range in segment::sentence_spans(part.span.text(text)) {
                sentences.push(Sentence {
                    span: part.span.within(range),
                    part: index,
                });
            }
        }
    }
    let entities = entities::find_entities(text, &sentences);
    let (quantities, times) =
        quantities::find_quantities_and_times(text, &sentences, document.published);
    let (quotes, speech) = quotes::find_quotes_keeping_cues(text, &document, &sentences);
    let (mut attributions, lexical_cues) =
        certainty::find_attributions_and_cues(&sentences, speech);
    attributions.extend(attribution::quote_attributions(text, &quotes));
    sort_by_numbers(&mut attributions, |a| {
        [key(a.span.start), key(a.cue.start), key(a.span.end)]
    });
    attributions.dedup();
    let speakers = speakers::resolve_speakers(
        text,
        &document,
        &sentences,
        &entities,
        &quotes,
        &attributions,
    );
    let mut analysis = Analysis {
        document,
        sentences,
        entities,
        quantities,
        times,
        quotes,
        attributions,
        speakers,
        claims: Vec::new(),
        diagnostics,
    };
    analysis.claims = claims::build_claims_with_cues(text, &analysis, lexical_cues);
    analysis.shrink_to_fit();
    analysis
}

/// Runs [`analyze`] on every article of one story, then gives each entity
/// one key across the whole story ([`entities::merge_story_keys`]), so the
/// alignment can compare entities between outlets.
pub fn analyze_story(texts: &[&str]) -> Vec<Analysis> {
    let dated: Vec<(&str, Option<DateTime>)> = texts.iter().map(|t| (*t, None)).collect();
    analyze_story_dated(&dated)
}

/// [`analyze_story`] with each article's given publication date ([`analyze_dated`]).
pub fn analyze_story_dated(articles: &[(&str, Option<DateTime>)]) -> Vec<Analysis> {
    let texts: Vec<&str> = articles.iter().map(|(text, _)| *text).collect();
    let mut analyses: Vec<Analysis> = articles
        .iter()
        .map(|(text, given)| analyze_dated(text, *given))
        .collect();
    merge_story_entities(&texts, &mut analyses);
    analyses
}

/// Gives each entity of a story's analyses one key across the whole story
/// ([`entities::merge_story_keys`]); `texts[i]` is the text of `analyses[i]`.
///
/// Where the story changed what kind of thing an article's name is (`Verhaar`,
/// guessed an organisation in one article, is the person `Tomas Verhaar` of
/// another), the article's speakers are resolved again with the story's
/// kinds: a pronoun looks back for people, and the article alone did not
/// know that name for one.
pub fn merge_story_entities(texts: &[&str], analyses: &mut [Analysis]) {
    let kinds_before: Vec<Vec<EntityKind>> = analyses
        .iter()
        .map(|a| a.entities.iter().map(|e| e.kind).collect())
        .collect();
    let mut keyed: Vec<(&str, &mut Vec<Entity>)> = texts
        .iter()
        .zip(analyses.iter_mut())
        .map(|(text, analysis)| (*text, &mut analysis.entities))
        .collect();
    entities::merge_story_keys(&mut keyed);
    for ((text, analysis), before) in texts.iter().zip(analyses.iter_mut()).zip(&kinds_before) {
        let changed = analysis
            .entities
            .iter()
            .zip(before)
            .any(|(entity, kind)| entity.kind != *kind);
        if changed && !analysis.quotes.is_empty() {
            analysis.speakers = speakers::resolve_speakers(
                text,
                &analysis.document,
                &analysis.sentences,
                &analysis.entities,
                &analysis.quotes,
                &analysis.attributions,
            );
        }
    }
}
