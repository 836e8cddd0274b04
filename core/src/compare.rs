//! The view-model: what the UI renders, built from the corpus and the
//! pipeline's output. This is the core's only face to the UI; the UI adds no
//! logic of its own beyond layout and the current selection.
//!
//! [`StoryView::build`] (or [`StoryBuild`], step by step) analyses the story
//! once (as [`crate::extract::analyze_story`] does), aligns
//! it once ([`align`]) and derives every view from that, one module each:
//! - [`facts`]: the coverage matrix, fact details with word diffs, omissions;
//! - [`filter`]: the matrix's filters and sort, as a link's query;
//! - [`quotes`]: quoted statements, speakers and quote fidelity;
//! - [`timeline`]: normalised dates on a broken time axis;
//! - [`entities`]: entities, how each outlet names them, their facts;
//! - [`export`]: CSV and W3C Web Annotation JSON;
//! - [`links`]: percent-encoding, claim-link quotes, text fragments, resolving old links;
//! - [`wire`]: outlets carrying the same (wire) text, and who rewrote it.

pub mod entities;
pub mod export;
pub mod facts;
pub mod filter;
pub mod links;
pub mod quotes;
pub mod timeline;
pub mod wire;

use crate::align::{ArticleInput, StoryAlignment, align};
use crate::corpus::{Article, Story};
use crate::extract::{Analysis, EntityKind, PartKind, analyze_dated, merge_story_entities};
pub use crate::model::shorten;
use crate::model::{Severity, Span, SpanIndex};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::sync::Arc;

pub use entities::EntityView;
pub use facts::{FactItem, FactView, OmissionView};
pub use filter::{FactFilter, FactSort};
pub use links::ClaimLinkView;
pub use quotes::QuoteView;
pub use timeline::TimelineView;
pub use wire::{WireStoryView, WireView};

/// A story ready to render: its articles side by side, its facts, quotes,
/// dates and entities. Serialisable (serde), so the engine's worker can
/// send it to the page and the page can cache it. (Not `Eq`: the analyses
/// it keeps hold `f64`.)
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoryView {
    pub slug: String,
    pub title: String,
    pub articles: Vec<ArticleView>,
    /// The coverage matrix's rows, in story order.
    pub facts: Vec<FactView>,
    /// Per outlet, what it leaves out that others carry.
    pub omissions: Vec<OmissionView>,
    pub quotes: Vec<QuoteView>,
    pub timeline: TimelineView,
    /// Most mentioned first.
    pub entities: Vec<EntityView>,
    /// Outlets that carry the same wire text.
    pub wire: WireStoryView,
    /// The analyses and the alignment the views were derived from, for the
    /// W3C Web Annotation export. Built here, never serialised: a view-model
    /// sent from the engine's worker arrives without them.
    #[serde(skip)]
    analysed: Option<Arc<Analysed>>,
}

/// What a view-model was derived from.
#[derive(Debug, PartialEq)]
struct Analysed {
    source: Source,
    alignment: StoryAlignment,
}

/// The analysed articles, kept for link resolution and exports.
#[derive(Clone, Debug, PartialEq)]
struct Source {
    articles: Vec<SourceArticle>,
}

#[derive(Clone, Debug, PartialEq)]
struct SourceArticle {
    id: String,
    outlet: String,
    url: Option<String>,
    text: String,
    analysis: Analysis,
}

impl Source {
    fn inputs(&self) -> Vec<ArticleInput<'_>> {
        self.articles
            .iter()
            .map(|a| ArticleInput {
                id: &a.id,
                outlet: &a.outlet,
                text: &a.text,
                analysis: &a.analysis,
            })
            .collect()
    }

    fn claim_text(&self, article: usize, claim: usize) -> Option<&str> {
        let a = self.articles.get(article)?;
        Some(a.analysis.claims.get(claim)?.span.text(&a.text))
    }
}

/// One outlet's article, split into what is story and what is not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleView {
    pub id: String,
    pub outlet: String,
    pub outlet_note: Option<String>,
    /// The original page, when the manifest has it.
    pub url: Option<String>,
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

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedView {
    /// ISO 8601, for `<time datetime>`.
    pub iso: String,
    /// For people: "18 December 2014, 09:27".
    pub human: String,
    /// The date line exactly as the source has it.
    pub source: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetadataView {
    pub key: String,
    pub values: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BlockView {
    Caption {
        text: String,
        rule: Cow<'static, str>,
    },
    Subheading {
        text: String,
    },
    Paragraph {
        sentences: Vec<SentenceView>,
    },
}

/// A sentence with its stable address in the story.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceView {
    /// 1-based number of the sentence within its article.
    pub number: usize,
    pub span: Span,
    pub text: String,
    /// The sentence cut where extracted items start and end; concatenated,
    /// the segments' texts are exactly `text`.
    pub segments: Vec<Segment>,
    /// The id of the claim this sentence is (one claim per story sentence).
    pub claim_id: String,
    /// Ids of the facts the claim belongs to.
    pub facts: Vec<String>,
    /// The same facts' sentences in other articles: (article id, number).
    pub counterparts: Vec<(String, usize)>,
}

/// What kind of extracted item marks a piece of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ItemKind {
    Person,
    Organisation,
    Place,
    Group,
    Work,
    Quantity,
    Date,
    Quote,
}

impl ItemKind {
    pub const ALL: [ItemKind; 8] = [
        ItemKind::Person,
        ItemKind::Organisation,
        ItemKind::Place,
        ItemKind::Group,
        ItemKind::Work,
        ItemKind::Quantity,
        ItemKind::Date,
        ItemKind::Quote,
    ];

    /// A CSS-safe name: `person`, `organisation`, …
    pub fn name(self) -> &'static str {
        match self {
            ItemKind::Person => "person",
            ItemKind::Organisation => "organisation",
            ItemKind::Place => "place",
            ItemKind::Group => "group",
            ItemKind::Work => "work",
            ItemKind::Quantity => "quantity",
            ItemKind::Date => "date",
            ItemKind::Quote => "quote",
        }
    }

    fn of_entity(kind: EntityKind) -> ItemKind {
        match kind {
            EntityKind::Person => ItemKind::Person,
            EntityKind::Organisation => ItemKind::Organisation,
            EntityKind::Place => ItemKind::Place,
            EntityKind::Group => ItemKind::Group,
            EntityKind::Work => ItemKind::Work,
        }
    }
}

/// A piece of a sentence and the items that cover it, each explained.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub text: String,
    /// Kinds of the items covering this piece, innermost last.
    pub kinds: Vec<ItemKind>,
    /// One line per covering item: what it is and the rule that found it.
    pub notes: Vec<String>,
}

/// A part set apart from the story, with the reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApartView {
    pub label: Cow<'static, str>,
    pub text: String,
    pub rule: Cow<'static, str>,
}

/// A story's view-model built one step at a time: each [`StoryBuild::step`]
/// analyses one article, and [`StoryBuild::finish`] merges entities across
/// the story, aligns it and derives the views. An app can show progress and
/// stay responsive between steps, or drop the build to cancel it.
pub struct StoryBuild {
    story: Story,
    analyses: Vec<Analysis>,
}

impl StoryBuild {
    pub fn new(story: Story) -> StoryBuild {
        StoryBuild {
            analyses: Vec::with_capacity(story.articles.len()),
            story,
        }
    }

    /// Articles analysed so far, of [`StoryBuild::total`].
    pub fn done(&self) -> usize {
        self.analyses.len()
    }

    pub fn total(&self) -> usize {
        self.story.articles.len()
    }

    /// Analyses the next article; false once every article is analysed.
    pub fn step(&mut self) -> bool {
        match self.story.articles.get(self.analyses.len()) {
            Some(article) => {
                self.analyses
                    .push(analyze_dated(&article.raw, article.published));
                true
            }
            None => false,
        }
    }

    /// Analyses what is left, then aligns the story and builds its views.
    pub fn finish(mut self) -> StoryView {
        while self.step() {}
        let texts: Vec<&str> = self.story.articles.iter().map(|a| &*a.raw).collect();
        merge_story_entities(&texts, &mut self.analyses);
        StoryView::from_analyses(&self.story, self.analyses)
    }
}

impl StoryView {
    /// Analyses every article of `story` and builds the view-model.
    pub fn build(story: &Story) -> StoryView {
        StoryBuild::new(story.clone()).finish()
    }

    /// The view-model of `story` from its articles' analyses (in order,
    /// entity keys merged across the story).
    fn from_analyses(story: &Story, analyses: Vec<Analysis>) -> StoryView {
        let mut articles: Vec<ArticleView> = story
            .articles
            .iter()
            .zip(&analyses)
            .map(|(article, analysis)| ArticleView::build(article, analysis))
            .collect();
        let source = Source {
            articles: story
                .articles
                .iter()
                .zip(analyses)
                .map(|(a, analysis)| SourceArticle {
                    id: a.id.clone(),
                    outlet: a.outlet.clone(),
                    url: a.url.clone(),
                    text: a.raw.to_string(),
                    analysis,
                })
                .collect(),
        };
        let alignment = align(&source.inputs());
        link_sentences(&mut articles, &source, &alignment);
        let mut facts = facts::build_facts(&source, &alignment);
        let wire = wire::build_wire(&mut facts, &articles);
        StoryView {
            slug: story.slug.clone(),
            title: story.title.clone(),
            facts,
            wire,
            omissions: facts::build_omissions(&alignment),
            quotes: quotes::build_quotes(&source, &alignment),
            timeline: timeline::build_timeline(&source, &alignment),
            entities: entities::build_entities(&source, &alignment),
            articles,
            analysed: Some(Arc::new(Analysed { source, alignment })),
        }
    }

    /// A fact by id, with its index.
    pub fn fact(&self, id: &str) -> Option<(usize, &FactView)> {
        self.facts.iter().enumerate().find(|(_, f)| f.id == id)
    }

    pub fn entity(&self, key: &str) -> Option<&EntityView> {
        self.entities.iter().find(|e| e.key == key)
    }

    /// The quoted statement of a fact.
    pub fn quote(&self, fact_id: &str) -> Option<&QuoteView> {
        self.quotes.iter().find(|q| q.fact_id == fact_id)
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
        let marks = marked_items(raw, analysis);
        let mut number = 0;
        for (index, part) in doc.parts.iter().enumerate() {
            match part.kind {
                PartKind::Headline | PartKind::DateLine | PartKind::Metadata => {}
                PartKind::Caption => blocks.push(BlockView::Caption {
                    text: text(part.span),
                    rule: part.rule.into(),
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
                                segments: segments(raw, s.span, &marks),
                                claim_id: String::new(),
                                facts: Vec::new(),
                                counterparts: Vec::new(),
                            }
                        })
                        .collect(),
                }),
                PartKind::AuthorBio => apart.push(ApartView {
                    label: "Author bio".into(),
                    text: text(part.span),
                    rule: part.rule.into(),
                }),
                PartKind::Furniture => apart.push(ApartView {
                    label: "Site furniture".into(),
                    text: text(part.span),
                    rule: part.rule.into(),
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
            url: article.url.clone(),
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

/// Gives each sentence its claim id, facts and counterparts (claims are
/// one per story sentence, in the same order).
fn link_sentences(articles: &mut [ArticleView], source: &Source, alignment: &StoryAlignment) {
    for (a, article) in articles.iter_mut().enumerate() {
        let Some(input) = source.articles.get(a) else {
            continue;
        };
        for block in &mut article.blocks {
            let BlockView::Paragraph { sentences } = block else {
                continue;
            };
            for sentence in sentences {
                let index = sentence.number - 1;
                let Some(claim) = input.analysis.claims.get(index) else {
                    continue;
                };
                sentence.claim_id = claim.id.clone();
                // A claim in two of the sentence's facts is one counterpart
                // (a set, not a search of the list: facts of many outlets).
                let mut seen: crate::model::HashSet<(usize, usize)> = Default::default();
                for &f in alignment.facts_of(crate::align::ClaimRef {
                    article: a,
                    claim: index,
                }) {
                    let fact = &alignment.facts[f];
                    sentence.facts.push(fact.id.clone());
                    for c in fact.claims.iter().filter(|c| c.article != a) {
                        if let Some(other) = source.articles.get(c.article)
                            && seen.insert((c.article, c.claim))
                        {
                            sentence.counterparts.push((other.id.clone(), c.claim + 1));
                        }
                    }
                }
            }
        }
    }
}

/// Every item worth marking in the text, sorted by start (outer first),
/// and an index over their spans.
struct Marks {
    items: Vec<(Span, ItemKind, String)>,
    index: SpanIndex,
}

fn marked_items(raw: &str, analysis: &Analysis) -> Marks {
    let mut items: Vec<(Span, ItemKind, String)> = Vec::new();
    for e in &analysis.entities {
        let kind = ItemKind::of_entity(e.kind);
        let note = format!("{}: {} ({})", kind.name(), e.span.text(raw), e.rule);
        items.push((e.span, kind, note));
    }
    for q in &analysis.quantities {
        let qualifier = q
            .qualifier
            .as_deref()
            .map(|q| format!("{q} "))
            .unwrap_or_default();
        let versus = q
            .versus
            .map(|v| format!("–{}", number_text(v)))
            .unwrap_or_default();
        let note = format!(
            "quantity: {qualifier}{}{versus} {} ({})",
            number_text(q.value),
            q.unit,
            q.rule
        );
        items.push((q.span, ItemKind::Quantity, note));
    }
    for t in &analysis.times {
        let note = format!("date: {} ({})", t.value, t.rule);
        items.push((t.span, ItemKind::Date, note));
    }
    for q in &analysis.quotes {
        let speaker = q
            .speaker
            .map(|s| format!(", speaker: {}", s.text(raw)))
            .unwrap_or_default();
        let note = format!("quote{speaker} ({})", q.rule);
        items.push((q.span, ItemKind::Quote, note));
    }
    items.sort_by_key(|(span, kind, _)| (span.start, std::cmp::Reverse(span.end), *kind));
    let index = SpanIndex::new(items.iter().map(|(span, _, _)| *span));
    Marks { items, index }
}

/// Cuts `sentence` at every start and end of the items overlapping it.
fn segments(raw: &str, sentence: Span, marks: &Marks) -> Vec<Segment> {
    let covering: Vec<&(Span, ItemKind, String)> = marks
        .index
        .overlapping(sentence)
        .into_iter()
        .map(|i| &marks.items[i])
        .collect();
    let mut cuts = vec![sentence.start, sentence.end];
    for (span, _, _) in &covering {
        cuts.push(span.start.clamp(sentence.start, sentence.end));
        cuts.push(span.end.clamp(sentence.start, sentence.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .filter_map(|w| {
            let piece = Span::new(w[0], w[1]);
            let text = piece.text(raw);
            if text.is_empty() {
                return None;
            }
            let over: Vec<_> = covering
                .iter()
                .filter(|(span, _, _)| span.contains(piece))
                .collect();
            Some(Segment {
                text: text.to_string(),
                kinds: over.iter().map(|(_, kind, _)| *kind).collect(),
                notes: over.iter().map(|(_, _, note)| note.clone()).collect(),
            })
        })
        .collect()
}

/// A quantity's value for people, to two decimals at most ("47000", "2.5").
/// Integer arithmetic: float formatting would cost kilobytes of wasm.
fn number_text(value: f64) -> String {
    if !value.is_finite() || value.abs() >= 1e15 {
        return "?".to_string();
    }
    let hundredths = (value * 100.0).round() as i64;
    let (whole, fraction) = (hundredths / 100, (hundredths % 100).abs());
    let sign = if hundredths < 0 && whole == 0 {
        "-"
    } else {
        ""
    };
    match fraction {
        0 => format!("{sign}{whole}"),
        f if f % 10 == 0 => format!("{sign}{whole}.{}", f / 10),
        f => format!("{sign}{whole}.{f:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::number_text;

    #[test]
    fn numbers_read_like_numbers() {
        assert_eq!(number_text(47_000.0), "47000");
        assert_eq!(number_text(2.5), "2.5");
        assert_eq!(number_text(0.25), "0.25");
        assert_eq!(number_text(-0.5), "-0.5");
        assert_eq!(number_text(1e6), "1000000");
        assert_eq!(number_text(f64::NAN), "?");
    }
}
