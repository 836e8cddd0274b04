//! Cross-outlet alignment: which claims of different articles state the same
//! fact, and how exactly they differ.
//!
//! Stages, one module each, run in order on a story's analysed articles:
//! - [`features`]: each claim as weighted features — entity keys, stemmed
//!   content words (grouped by general lexical data, see `lexical`), numbers, dates —
//!   weighted by rarity within the story (what happened to counted people,
//!   `fates`, is one too);
//! - [`candidates`]: scored claim pairs from an inverted index over the rare
//!   features (never all pairs), each with the shared features as evidence;
//! - [`facts`]: claims grouped into facts by average-link agglomerative
//!   clustering over the pairs (at most one claim per article per fact, the
//!   same facts whatever the order of the articles); a claim that reports
//!   two things may join two facts;
//! - [`differences`]: typed differences with the exact spans involved;
//! - [`quote_diff`]: word-by-word alignment of the same quoted statement;
//! - [`reanchor`]: finding a linked claim again when its id is gone.
//!
//! Everything is deterministic: same input, same facts, same ids.

pub mod candidates;
pub mod differences;
pub mod facts;
mod fates;
pub mod features;
mod lexical;
mod measures;
pub mod quote_diff;
pub mod reanchor;

use crate::extract::Analysis;
use crate::model::Span;
pub use differences::{Difference, DifferenceKind};
pub use features::FeatureKind;
pub use quote_diff::{QuoteFidelity, WordOp};
pub use reanchor::{LinkArticle, LinkResolution, resolve_claim, resolve_claim_in};

/// Most claims of one fact compared with its first: a fact dozens of
/// outlets carry is read outlet by outlet, not all at once.
pub const MAX_COMPARED: usize = 64;

/// One analysed article of the story to align.
#[derive(Clone, Copy, Debug)]
pub struct ArticleInput<'a> {
    /// Short id, unique within the story.
    pub id: &'a str,
    /// The outlet's label; several articles may share one outlet.
    pub outlet: &'a str,
    pub text: &'a str,
    /// From [`crate::extract::analyze_story`], so entity keys agree across articles.
    pub analysis: &'a Analysis,
}

impl<'a> ArticleInput<'a> {
    /// One input per text, each article its own outlet named by its id (for
    /// tools, benchmarks and tests that have no manifest).
    pub fn each_own_outlet<S: AsRef<str>>(
        ids: &'a [S],
        texts: &[&'a str],
        analyses: &'a [Analysis],
    ) -> Vec<ArticleInput<'a>> {
        ids.iter()
            .zip(texts)
            .zip(analyses)
            .map(|((id, text), analysis)| ArticleInput {
                id: id.as_ref(),
                outlet: id.as_ref(),
                text,
                analysis,
            })
            .collect()
    }
}

/// A claim of the story: the article's index and the claim's index in
/// that article's [`Analysis::claims`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClaimRef {
    pub article: usize,
    pub claim: usize,
}

/// A span in one article of the story.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ArticleSpan {
    pub article: usize,
    pub span: Span,
}

/// How many of the story's outlets carry a fact.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Coverage {
    All,
    Some,
    One,
}

impl Coverage {
    pub fn name(self) -> &'static str {
        match self {
            Coverage::All => "all",
            Coverage::Some => "some",
            Coverage::One => "one",
        }
    }
}

/// One fact: claims of different articles that report the same thing (or
/// a single claim no other article matches).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fact {
    /// Derived from the member claims' ids: stable while they are.
    pub id: String,
    /// A short wording for people: the shortest member claim, shortened.
    pub label: String,
    /// In article order, then text order.
    pub claims: Vec<ClaimRef>,
    /// Distinct outlet labels, in article order.
    pub outlets: Vec<String>,
    pub coverage: Coverage,
    /// Only for facts of two or more articles: each later claim compared
    /// with the fact's first claim.
    pub differences: Vec<Difference>,
    /// Why these claims were matched.
    pub evidence: Evidence,
    /// The same quoted statement, word by word, when the claims quote it.
    pub quotes: Vec<QuoteFidelity>,
}

/// Why claims were put together: the accepted links between them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Evidence {
    /// The weakest accepted link's score, in thousandths (0 for one claim).
    pub score: u16,
    /// The strongest accepted links (at most 16), strongest first.
    pub links: Vec<Link>,
}

/// An accepted pair of claims and what they share.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub a: ClaimRef,
    pub b: ClaimRef,
    /// Weighted cosine similarity of the two claims' features, in thousandths.
    pub score: u16,
    /// The shared features, heaviest first (at most 10).
    pub shared: Vec<SharedFeature>,
}

/// A feature both claims of a link have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedFeature {
    pub kind: FeatureKind,
    /// How claim `a` writes it.
    pub a: String,
    /// How claim `b` writes it.
    pub b: String,
    /// Its share of the link's score, in thousandths.
    pub weight: u16,
}

/// The alignment of one story.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StoryAlignment {
    /// In reading order of the first article that reports each fact.
    pub facts: Vec<Fact>,
    /// Per article, per claim: indices into `facts` of the facts it belongs to.
    pub claim_facts: Vec<Vec<Vec<usize>>>,
    /// Distinct outlet labels, in article order.
    pub outlets: Vec<String>,
}

impl StoryAlignment {
    /// Facts that other outlets carry and `outlet` does not.
    pub fn omitted_by<'s>(&'s self, outlet: &'s str) -> impl Iterator<Item = usize> + 's {
        self.facts
            .iter()
            .enumerate()
            .filter(move |(_, fact)| !fact.outlets.iter().any(|o| o == outlet))
            .map(|(index, _)| index)
    }

    /// The facts a claim belongs to.
    pub fn facts_of(&self, claim: ClaimRef) -> &[usize] {
        self.claim_facts
            .get(claim.article)
            .and_then(|claims| claims.get(claim.claim))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    pub fn fact(&self, id: &str) -> Option<(usize, &Fact)> {
        self.facts.iter().enumerate().find(|(_, f)| f.id == id)
    }
}

/// Aligns the claims of a story's articles. Never panics; linear-ish in the
/// number of claims (candidates come from an index on rare features).
pub fn align(articles: &[ArticleInput<'_>]) -> StoryAlignment {
    let story = features::StoryFeatures::build(articles);
    let links = candidates::scored_links(&story);
    let groups = facts::group(&story, articles, links);
    let mut outlets: Vec<String> = Vec::new();
    for article in articles {
        if !outlets.iter().any(|o| o == article.outlet) {
            outlets.push(article.outlet.to_string());
        }
    }
    let mut facts: Vec<Fact> = groups
        .into_iter()
        .map(|group| facts::build_fact(articles, &story, &outlets, group))
        .collect();
    crate::model::sort_by(&mut facts, |a, b| {
        a.claims
            .first()
            .cmp(&b.claims.first())
            .then(a.id.cmp(&b.id))
    });
    let mut claim_facts: Vec<Vec<Vec<usize>>> = articles
        .iter()
        .map(|a| vec![Vec::new(); a.analysis.claims.len()])
        .collect();
    for (index, fact) in facts.iter().enumerate() {
        for claim in &fact.claims {
            if let Some(slot) = claim_facts
                .get_mut(claim.article)
                .and_then(|claims| claims.get_mut(claim.claim))
            {
                slot.push(index);
            }
        }
    }
    StoryAlignment {
        facts,
        claim_facts,
        outlets,
    }
}
