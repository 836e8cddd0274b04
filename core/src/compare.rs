//! The view-model: what the UI renders, built from the corpus and the
//! pipeline's output. This is the core's only face to the UI; the UI adds no
//! logic of its own beyond layout and the current selection.

use crate::corpus::{Article, Story};
use crate::extract::{Analysis, EntityKind, PartKind, analyze};
use crate::model::{Severity, Span, SpanIndex};

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
    /// The sentence cut where extracted items start and end; concatenated,
    /// the segments' texts are exactly `text`.
    pub segments: Vec<Segment>,
}

/// What kind of extracted item marks a piece of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    /// Kinds of the items covering this piece, innermost last.
    pub kinds: Vec<ItemKind>,
    /// One line per covering item: what it is and the rule that found it.
    pub notes: Vec<String>,
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
        let marks = marked_items(raw, analysis);
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
                                segments: segments(raw, s.span, &marks),
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
        let note = format!(
            "quantity: {qualifier}{} {} ({})",
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
