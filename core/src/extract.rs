//! The extraction pipeline: `analyze(raw text) -> Analysis`.
//!
//! Stages, one module each, run in order and only add items; none rewrites
//! the spans of an earlier stage:
//! - [`document`]: headline, date line, metadata, captions, paragraphs, furniture;
//! - [`segment`]: sentences inside story paragraphs;
//! - [`entities`]: people, organisations, places, groups and works in those sentences.

pub mod dateline;
pub mod document;
pub mod entities;
pub mod lexicon;
pub mod segment;

use crate::model::{DateTime, Diagnostic, Span};
pub use document::{Document, Metadata, Part, PartKind};
pub use entities::{Entity, EntityKind};

/// A sentence of story text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Index into [`Document::parts`] of the paragraph holding it.
    pub part: usize,
}

/// Everything the pipeline found in one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Analysis {
    pub document: Document,
    /// Sentences of story paragraphs, in text order.
    pub sentences: Vec<Sentence>,
    /// Named entities in the sentences, in text order, keys merged within the article.
    pub entities: Vec<Entity>,
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
    Analysis {
        document,
        sentences,
        entities,
        diagnostics,
    }
}
