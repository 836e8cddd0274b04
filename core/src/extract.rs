//! The extraction pipeline: `analyze(raw text) -> Analysis`.
//!
//! Stages, one module each, run in order and only add items; none rewrites
//! the spans of an earlier stage:
//! - [`document`]: headline, date line, metadata, captions, paragraphs, furniture;
//! - [`segment`]: sentences inside story paragraphs;
//! - [`entities`]: people, organisations, places, groups and works in those sentences;
//! - [`dates`]: time expressions, normalised against the publication date;
//! - [`quantities`]: amounts, what they count and how they are hedged.

pub mod dateline;
pub mod dates;
pub mod document;
pub mod entities;
pub mod lexicon;
mod numbers;
pub mod quantities;
pub mod segment;

use crate::model::{DateTime, Diagnostic, Span};
pub use dates::{Bound, Granularity, TimeExpr};
pub use document::{Document, Metadata, Part, PartKind};
pub use entities::{Entity, EntityKind};
pub use quantities::Quantity;

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
    pub diagnostics: Vec<Diagnostic>,
}

impl Analysis {
    pub fn published(&self) -> Option<DateTime> {
        self.document.published
    }
}

/// Runs every stage on one article's raw text. Never panics, for any input.
pub fn analyze(text: &str) -> Analysis {
    let mut diagnostics = Vec::new();
    let document = document::parse_document(text, &mut diagnostics);
    let sentences = document
        .parts
        .iter()
        .enumerate()
        .filter(|(_, part)| part.kind.is_story_text())
        .flat_map(|(index, part)| {
            segment::sentence_spans(part.span.text(text))
                .into_iter()
                .map(move |range| Sentence {
                    span: part.span.within(range),
                    part: index,
                })
        })
        .collect::<Vec<_>>();
    let entities = entities::find_entities(text, &sentences);
    let (quantities, times) =
        quantities::find_quantities_and_times(text, &sentences, document.published);
    Analysis {
        document,
        sentences,
        entities,
        quantities,
        times,
        diagnostics,
    }
}
