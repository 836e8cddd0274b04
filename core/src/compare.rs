//! The view-model: what the UI renders, built from the corpus and the
//! pipeline's output. This is the core's only face to the UI; the UI adds no
//! logic of its own beyond layout and the current selection.

use crate::corpus::{Article, Story};
use crate::extract::{Analysis, PartKind, analyze};
use crate::model::{Severity, Span};

/// A story ready to render: its articles side by side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoryView {
    pub slug: String,
    pub title: String,
    pub articles: Vec<ArticleView>,
}

/// One outlet's article, split into what is story and what is not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleView {
    pub id: String,
    pub outlet: String,
    pub outlet_note: Option<String>,
    pub headline: Option<String>,
    pub published: Option<PublishedView>,
    pub metadata: Vec<MetadataView>,
    /// The story, in text order: captions, sub-headings and paragraphs.
    pub blocks: Vec<BlockView>,
    /// What the pipeline set apart from the story: author bio, site furniture.
    pub apart: Vec<ApartView>,
    /// Warnings about this article's text, for the reader.
    pub warnings: Vec<String>,
    pub sentence_count: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublishedView {
    /// ISO 8601, for `<time datetime>`.
    pub iso: String,
    /// For people: "18 December 2014, 09:27".
    pub human: String,
    /// The date line exactly as the source has it.
    pub source: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MetadataView {
    pub key: String,
    pub values: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BlockView {
    Caption { text: String, rule: &'static str },
    Subheading { text: String },
    Paragraph { sentences: Vec<SentenceView> },
}

/// A sentence with its stable address in the story.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentenceView {
    /// 1-based number of the sentence within its article.
    pub number: usize,
    pub span: Span,
    pub text: String,
}

/// A part set apart from the story, with the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApartView {
    pub label: &'static str,
    pub text: String,
    pub rule: &'static str,
}

impl StoryView {
    /// Analyses every article of `story` and builds the view-model.
    pub fn build(story: &Story) -> StoryView {
        StoryView {
            slug: story.slug.clone(),
            title: story.title.clone(),
            articles: story
                .articles
                .iter()
                .map(|article| ArticleView::build(article, &analyze(&article.raw)))
                .collect(),
        }
    }

    pub fn article(&self, id: &str) -> Option<&ArticleView> {
        self.articles.iter().find(|a| a.id == id)
    }

    /// The sentence a link names, if it exists.
    pub fn sentence(&self, article: &str, number: usize) -> Option<&SentenceView> {
        self.article(article)?
            .sentences()
            .find(|s| s.number == number)
    }
}

impl ArticleView {
    pub fn build(article: &Article, analysis: &Analysis) -> ArticleView {
        let raw: &str = &article.raw;
        let doc = &analysis.document;
        let text = |span: Span| span.text(raw).to_string();
        let mut blocks = Vec::new();
        let mut apart = Vec::new();
        let mut number = 0;
        for (index, part) in doc.parts.iter().enumerate() {
            match part.kind {
                PartKind::Headline | PartKind::DateLine | PartKind::Metadata => {}
                PartKind::Caption => blocks.push(BlockView::Caption {
                    text: text(part.span),
                    rule: part.rule,
                }),
                PartKind::Subheading => blocks.push(BlockView::Subheading {
                    text: text(part.span),
                }),
                PartKind::Paragraph => blocks.push(BlockView::Paragraph {
                    sentences: analysis
                        .sentences
                        .iter()
                        .filter(|s| s.part == index)
                        .map(|s| {
                            number += 1;
                            SentenceView {
                                number,
                                span: s.span,
                                text: text(s.span),
                            }
                        })
                        .collect(),
                }),
                PartKind::AuthorBio => apart.push(ApartView {
                    label: "Author bio",
                    text: text(part.span),
                    rule: part.rule,
                }),
                PartKind::Furniture => apart.push(ApartView {
                    label: "Site furniture",
                    text: text(part.span),
                    rule: part.rule,
                }),
            }
        }
        let outlet_note = match (&article.outlet_note, doc.outlet_named) {
            (Some(note), _) => Some(note.clone()),
            (None, Some(named)) => Some(format!("The text names “{}”.", text(named))),
            (None, None) => None,
        };
        ArticleView {
            id: article.id.clone(),
            outlet: article.outlet.clone(),
            outlet_note,
            headline: doc.headline.map(text),
            published: doc
                .published
                .zip(doc.dateline)
                .map(|(date, line)| PublishedView {
                    iso: date.iso(),
                    human: date.human(),
                    source: text(line),
                }),
            metadata: doc
                .metadata
                .iter()
                .map(|m| MetadataView {
                    key: text(m.key),
                    values: m.values.iter().map(|&v| text(v)).collect(),
                })
                .collect(),
            blocks,
            apart,
            warnings: analysis
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Warning)
                .map(|d| d.message.clone())
                .collect(),
            sentence_count: number,
        }
    }

    pub fn sentences(&self) -> impl Iterator<Item = &SentenceView> {
        self.blocks.iter().flat_map(|block| match block {
            BlockView::Paragraph { sentences } => sentences.as_slice(),
            _ => &[],
        })
    }
}
