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
//! - [`parts`]: the view-model cut into JSON parts and put together again;
//! - [`wire`]: outlets carrying the same (wire) text, and who rewrote it.

pub mod entities;
pub mod export;
pub mod facts;
pub mod filter;
pub mod links;
pub mod parts;
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
pub use facts::{FactItem, FactView, Lowercase, OmissionView};
pub use filter::{FactFilter, FactSort};
pub use links::ClaimLinkView;
pub use quotes::QuoteView;
pub use timeline::TimelineView;
pub use wire::{WireStoryView, WireView};

/// A story ready to render: its articles side by side, its facts, quotes,
/// dates and entities. Serialisable (serde), so the engine's worker can
/// send it to the page and the page can cache it. (Not `Eq`: the analyses
/// it keeps hold `f64`.)
///
/// What the JSON leaves out because the articles have it (a fact's
/// sentences' texts, article ids and outlets) is filled in on reading.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(from = "StoryViewData")]
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
    /// The explanations of the items marked in the texts, each once
    /// ([`MarkView::note`] indexes them).
    pub notes: Vec<String>,
    /// The analyses and the alignment the views were derived from, for the
    /// W3C Web Annotation export. Built here, never serialised: a view-model
    /// sent from the engine's worker arrives without them.
    #[serde(skip)]
    analysed: Option<Arc<Analysed>>,
}

/// A [`StoryView`] as read from JSON, before what it leaves out is filled in.
#[derive(Deserialize)]
struct StoryViewData {
    slug: String,
    title: String,
    articles: Vec<ArticleView>,
    facts: Vec<FactView>,
    omissions: Vec<OmissionView>,
    quotes: Vec<QuoteView>,
    timeline: TimelineView,
    entities: Vec<EntityView>,
    wire: WireStoryView,
    notes: Vec<String>,
}

impl From<StoryViewData> for StoryView {
    fn from(data: StoryViewData) -> StoryView {
        let mut view = StoryView {
            slug: data.slug,
            title: data.title,
            articles: data.articles,
            facts: data.facts,
            omissions: data.omissions,
            quotes: data.quotes,
            timeline: data.timeline,
            entities: data.entities,
            wire: data.wire,
            notes: data.notes,
            analysed: None,
        };
        view.fill_in();
        view
    }
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet_note: Option<String>,
    /// The original page, when the manifest has it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<PublishedView>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub metadata: Vec<MetadataView>,
    /// The story, in text order: captions, sub-headings and paragraphs.
    pub blocks: Vec<BlockView>,
    /// What the pipeline set apart from the story: author bio, site furniture.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub apart: Vec<ApartView>,
    /// Warnings about this article's text, for the reader.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
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
///
/// Sized for the trip from the engine's worker to the page: the sentence's
/// items are kept once each ([`SentenceView::marks`]) and cut into segments
/// on demand ([`SentenceView::segments`]); its counterparts in other
/// articles are counted here and listed on demand
/// ([`StoryView::counterparts`]): listed per sentence they grew with the
/// square of a fact's outlets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceView {
    /// 1-based number of the sentence within its article.
    pub number: usize,
    pub span: Span,
    pub text: String,
    /// The extracted items overlapping the sentence, sorted by start (outer
    /// first), each cut to the sentence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub marks: Vec<MarkView>,
    /// The id of the claim this sentence is (one claim per story sentence).
    pub claim_id: String,
    /// Ids of the facts the claim belongs to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<String>,
    /// How many sentences of other articles report the same facts (each
    /// once): the length of [`StoryView::counterparts`].
    #[serde(default, skip_serializing_if = "is_zero")]
    pub counterpart_count: usize,
}

/// An extracted item in a sentence: where, what kind, and its explanation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarkView {
    /// Byte range in the sentence's text.
    pub start: u32,
    pub end: u32,
    pub kind: ItemKind,
    /// What it is and the rule that found it: an index into
    /// [`StoryView::notes`] (one item is explained alike in every article
    /// that has it, and the rules' explanations are long).
    pub note: u32,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl SentenceView {
    /// The sentence cut where its items start and end; concatenated, the
    /// segments' texts are exactly [`SentenceView::text`]. `notes` are the
    /// story's ([`StoryView::notes`]).
    pub fn segments(&self, notes: &[String]) -> Vec<Segment> {
        let len = self.text.len() as u32;
        let mut cuts = vec![0, len];
        for mark in &self.marks {
            cuts.push(mark.start.min(len));
            cuts.push(mark.end.min(len));
        }
        crate::model::sort(&mut cuts);
        cuts.dedup();
        cuts.windows(2)
            .filter_map(|w| {
                let text = self.text.get(w[0] as usize..w[1] as usize)?;
                if text.is_empty() {
                    return None;
                }
                let over: Vec<&MarkView> = self
                    .marks
                    .iter()
                    .filter(|m| m.start <= w[0] && w[1] <= m.end)
                    .collect();
                Some(Segment {
                    text: text.to_string(),
                    kinds: over.iter().map(|m| m.kind).collect(),
                    notes: over.iter().map(|m| note(notes, m).to_string()).collect(),
                })
            })
            .collect()
    }

    /// Every distinct explanation of the items marked in the sentence, in
    /// order. `notes` are the story's ([`StoryView::notes`]).
    pub fn notes(&self, notes: &[String]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for mark in &self.marks {
            let text = note(notes, mark);
            if !out.iter().any(|n| n == text) {
                out.push(text.to_string());
            }
        }
        out
    }
}

fn note<'n>(notes: &'n [String], mark: &MarkView) -> &'n str {
    notes.get(mark.note as usize).map_or("", String::as_str)
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

/// A piece of a sentence and the items that cover it, each explained
/// (made by [`SentenceView::segments`], not sent).
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
        StoryView::from_analyses(self.story, self.analyses)
    }
}

impl StoryView {
    /// Analyses every article of `story` and builds the view-model.
    pub fn build(story: &Story) -> StoryView {
        StoryBuild::new(story.clone()).finish()
    }

    /// The view-model of `story` from its articles' analyses (in order,
    /// entity keys merged across the story). Takes the story, so that its
    /// texts move into the analysed source instead of being copied (a
    /// large story's texts are megabytes).
    fn from_analyses(story: Story, analyses: Vec<Analysis>) -> StoryView {
        let mut notes = NoteTable::default();
        let mut articles: Vec<ArticleView> = story
            .articles
            .iter()
            .zip(&analyses)
            .map(|(article, analysis)| ArticleView::build(article, analysis, &mut notes))
            .collect();
        let notes = notes.list;
        let source = Source {
            articles: story
                .articles
                .into_iter()
                .zip(analyses)
                .map(|(a, analysis)| SourceArticle {
                    id: a.id,
                    outlet: a.outlet,
                    url: a.url,
                    text: a.raw.into_owned(),
                    analysis,
                })
                .collect(),
        };
        let alignment = align(&source.inputs());
        link_sentences(&mut articles, &source, &alignment);
        let mut facts = facts::build_facts(&source, &alignment);
        let wire = wire::build_wire(&mut facts, &articles);
        let omissions = facts::build_omissions(&alignment);
        let quotes = quotes::build_quotes(&source, &alignment);
        let timeline = timeline::build_timeline(&source, &alignment);
        let entities = entities::build_entities(&source, &alignment);
        StoryView {
            slug: story.slug,
            title: story.title,
            notes,
            facts,
            wire,
            omissions,
            quotes,
            timeline,
            entities,
            articles,
            analysed: Some(Arc::new(Analysed { source, alignment })),
        }
    }

    /// Fills in what the JSON leaves out because the articles have it: a
    /// fact's claims' article ids, outlets and sentence texts, and the
    /// outlet of each quote side, date mention and entity naming.
    fn fill_in(&mut self) {
        let outlet = |article: usize| {
            self.articles
                .get(article)
                .map(|a| a.outlet.clone())
                .unwrap_or_default()
        };
        for side in self.quotes.iter_mut().flat_map(|q| &mut q.sides) {
            side.outlet = outlet(side.article);
        }
        for mention in self
            .timeline
            .entries
            .iter_mut()
            .flat_map(|e| &mut e.mentions)
        {
            mention.outlet = outlet(mention.article);
        }
        for naming in self.entities.iter_mut().flat_map(|e| &mut e.namings) {
            naming.outlet = outlet(naming.article);
        }
        let texts: Vec<Vec<&str>> = self
            .articles
            .iter()
            .map(|a| {
                let mut texts = vec![""; a.sentence_count];
                for s in a.sentences() {
                    if let Some(slot) = s.number.checked_sub(1).and_then(|i| texts.get_mut(i)) {
                        *slot = &s.text;
                    }
                }
                texts
            })
            .collect();
        for claim in self.facts.iter_mut().flat_map(|f| &mut f.claims) {
            if let Some(article) = self.articles.get(claim.article) {
                claim.article_id.clone_from(&article.id);
                claim.outlet.clone_from(&article.outlet);
            }
            if let Some(text) = texts
                .get(claim.article)
                .and_then(|t| t.get(claim.sentence.checked_sub(1)?))
            {
                claim.text = (*text).to_string();
            }
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

    /// The sentences of other articles that report the same facts as
    /// sentence `number` of article `article` (an index into
    /// [`StoryView::articles`]), each once: (article id, sentence number),
    /// fact by fact in article order. Worked out from the facts on demand
    /// (for the sentence pointed at), not stored per sentence.
    pub fn counterparts(&self, article: usize, number: usize) -> Vec<(String, usize)> {
        let Some(sentence) = self
            .articles
            .get(article)
            .and_then(|a| a.sentences().find(|s| s.number == number))
        else {
            return Vec::new();
        };
        let mut seen: crate::model::HashSet<(usize, usize)> = Default::default();
        let mut out = Vec::new();
        for id in &sentence.facts {
            let Some((_, fact)) = self.fact(id) else {
                continue;
            };
            for c in fact.claims.iter().filter(|c| c.article != article) {
                if seen.insert((c.article, c.sentence)) {
                    out.push((c.article_id.clone(), c.sentence));
                }
            }
        }
        out
    }

    /// [`SentenceView::segments`] with this story's notes.
    pub fn segments(&self, sentence: &SentenceView) -> Vec<Segment> {
        sentence.segments(&self.notes)
    }

    /// [`SentenceView::notes`] with this story's notes.
    pub fn sentence_notes(&self, sentence: &SentenceView) -> Vec<String> {
        sentence.notes(&self.notes)
    }

    /// The sentence a link names, if it exists.
    pub fn sentence(&self, article: &str, number: usize) -> Option<&SentenceView> {
        self.article(article)?
            .sentences()
            .find(|s| s.number == number)
    }
}

impl ArticleView {
    /// The view of one article; its marks' notes go in the story's `notes`.
    fn build(article: &Article, analysis: &Analysis, notes: &mut NoteTable) -> ArticleView {
        let raw: &str = &article.raw;
        let doc = &analysis.document;
        let text = |span: Span| span.text(raw).to_string();
        let mut blocks = Vec::new();
        let mut apart = Vec::new();
        let marks = marked_items(raw, analysis, notes);
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
                                marks: sentence_marks(s.span, &marks),
                                claim_id: String::new(),
                                facts: Vec::new(),
                                counterpart_count: 0,
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

/// Gives each sentence its claim id, facts and the count of its
/// counterparts (claims are one per story sentence, in the same order).
///
/// A sentence's counterparts are the claims of other articles in any of its
/// facts, each once. Counted by inclusion–exclusion over the sentence's
/// facts (a claim is in one fact, rarely two), from how many claims are in
/// every fact of each set of facts some claim is in, story-wide and per
/// article: linear in claims, where listing them was quadratic in a fact's
/// outlets.
fn link_sentences(articles: &mut [ArticleView], source: &Source, alignment: &StoryAlignment) {
    use crate::align::ClaimRef;
    use crate::model::HashMap;
    // Fact sets larger than this are counted claim by claim (never seen).
    const MAX_SET: usize = 6;
    let facts_of = |a: usize, c: usize| -> Vec<usize> {
        let mut facts = alignment
            .facts_of(ClaimRef {
                article: a,
                claim: c,
            })
            .to_vec();
        crate::model::sort(&mut facts);
        facts.dedup();
        facts
    };
    // Claims (story-wide, and per article) whose facts include each set.
    let mut story_wide: HashMap<Vec<usize>, usize> = HashMap::default();
    let mut per_article: HashMap<(usize, Vec<usize>), usize> = HashMap::default();
    for (a, input) in source.articles.iter().enumerate() {
        for c in 0..input.analysis.claims.len() {
            let facts = facts_of(a, c);
            if facts.len() > MAX_SET {
                continue;
            }
            for subset in subsets(&facts) {
                *per_article.entry((a, subset.clone())).or_default() += 1;
                *story_wide.entry(subset).or_default() += 1;
            }
        }
    }
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
                sentence.facts = alignment
                    .facts_of(ClaimRef {
                        article: a,
                        claim: index,
                    })
                    .iter()
                    .map(|&f| alignment.facts[f].id.clone())
                    .collect();
                let facts = facts_of(a, index);
                sentence.counterpart_count = if facts.len() > MAX_SET {
                    let mut seen: crate::model::HashSet<(usize, usize)> = Default::default();
                    for &f in &facts {
                        for c in alignment.facts[f].claims.iter().filter(|c| c.article != a) {
                            seen.insert((c.article, c.claim));
                        }
                    }
                    seen.len()
                } else {
                    let mut count: isize = 0;
                    for subset in subsets(&facts) {
                        let sign = if subset.len() % 2 == 1 { 1 } else { -1 };
                        let all = story_wide.get(&subset).copied().unwrap_or(0);
                        let own = per_article.get(&(a, subset)).copied().unwrap_or(0);
                        count += sign * (all as isize - own as isize);
                    }
                    count.max(0) as usize
                };
            }
        }
    }
}

/// Every non-empty subset of `set`, each in `set`'s order.
fn subsets(set: &[usize]) -> Vec<Vec<usize>> {
    (1..1usize << set.len())
        .map(|bits| {
            set.iter()
                .enumerate()
                .filter(|(i, _)| bits & (1 << i) != 0)
                .map(|(_, &f)| f)
                .collect()
        })
        .collect()
}

/// Distinct notes, each numbered once.
#[derive(Default)]
struct NoteTable {
    list: Vec<String>,
    numbers: crate::model::HashMap<String, u32>,
}

impl NoteTable {
    fn number(&mut self, note: String) -> u32 {
        if let Some(&n) = self.numbers.get(&note) {
            return n;
        }
        let n = self.list.len() as u32;
        self.list.push(note.clone());
        self.numbers.insert(note, n);
        n
    }
}

/// Every item worth marking in the text, sorted by start (outer first),
/// and an index over their spans.
struct Marks {
    /// Span, kind and note (numbered in the story's [`NoteTable`]).
    items: Vec<(Span, ItemKind, u32)>,
    index: SpanIndex,
}

fn marked_items(raw: &str, analysis: &Analysis, notes: &mut NoteTable) -> Marks {
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
    for (i, q) in analysis.quotes.iter().enumerate() {
        let speaker = speaker_note(analysis, raw, i, q.speaker);
        let note = format!("quote{speaker} ({})", q.rule);
        items.push((q.span, ItemKind::Quote, note));
    }
    crate::model::sort_by_key(&mut items, |(span, kind, _)| {
        (span.start, std::cmp::Reverse(span.end), *kind)
    });
    let index = SpanIndex::new(items.iter().map(|(span, _, _)| *span));
    let items = items
        .into_iter()
        .map(|(span, kind, note)| (span, kind, notes.number(note)))
        .collect();
    Marks { items, index }
}

/// Who speaks in quote `quote`, for its note: the person or organisation it
/// was resolved to, with what was written and the rule when they differ
/// ("speaker: Dana Whitfield (written “she”, pronoun)"), both candidates
/// when it stays unresolved, else what was written, if anything.
fn speaker_note(analysis: &Analysis, raw: &str, quote: usize, written: Option<Span>) -> String {
    let written = written.map(|s| crate::model::squash(s.text(raw)));
    let resolved = analysis
        .speaker_mention(quote)
        .map(|s| crate::model::squash(s.text(raw)));
    let speaker = analysis.speaker(quote);
    match (resolved, written) {
        (Some(who), Some(w)) if who == w => format!(", speaker: {who}"),
        (Some(who), written) => {
            let rule = speaker.map_or("", |s| s.resolution.name());
            match written {
                Some(w) => format!(", speaker: {who} (written “{w}”, {rule})"),
                None => format!(", speaker: {who} ({rule})"),
            }
        }
        (None, written) => {
            let candidates: Vec<String> = speaker
                .filter(|s| s.resolution == crate::extract::speakers::Resolution::Unresolved)
                .map(|s| {
                    s.candidates
                        .iter()
                        .filter_map(|&e| analysis.entities.get(e))
                        .map(|e| crate::model::squash(e.span.text(raw)))
                        .collect()
                })
                .unwrap_or_default();
            match (written, candidates.len()) {
                (w, 2..) => format!(
                    ", speaker unresolved{}: {}",
                    w.map(|w| format!(" (written “{w}”)")).unwrap_or_default(),
                    candidates.join(" or ")
                ),
                (Some(w), _) => format!(", speaker: {w}"),
                (None, _) => String::new(),
            }
        }
    }
}

/// The items overlapping `sentence`, cut to it, in marking order.
fn sentence_marks(sentence: Span, marks: &Marks) -> Vec<MarkView> {
    let mut found = marks.index.overlapping(sentence);
    crate::model::sort(&mut found);
    found
        .into_iter()
        .filter_map(|i| {
            let (span, kind, note) = &marks.items[i];
            let start = span.start.clamp(sentence.start, sentence.end);
            let end = span.end.clamp(sentence.start, sentence.end);
            (start < end).then(|| MarkView {
                start: (start - sentence.start) as u32,
                end: (end - sentence.start) as u32,
                kind: *kind,
                note: *note,
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
