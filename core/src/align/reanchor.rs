//! Finding a linked claim again.
//!
//! A link names a claim by its content id, plus the claim's exact text when
//! the link was made (a text-quote selector). When the id is gone — the
//! text was edited or the extractor now cuts sentences differently — the
//! exact text is searched for verbatim, then fuzzily (word overlap, so
//! small edits and changed sentence boundaries still match). When nothing
//! is close enough the link is an orphan, reported with its nearest
//! candidates so the reader can choose.

use super::{ArticleInput, ClaimRef};
use crate::anchor::content_id;
use crate::model::Span;

/// Fuzzy matches from this similarity (thousandths) up re-anchor a link.
const REANCHOR_SIMILARITY: u16 = 600;
/// How many nearest candidates an orphan reports.
const NEAREST: usize = 3;

/// What a claim link resolves to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkResolution {
    /// The id still names a claim.
    Found(ClaimRef),
    /// The id is gone; the quoted text was found again (similarity in
    /// thousandths, 1000 for a verbatim match).
    Reanchored { claim: ClaimRef, similarity: u16 },
    /// Nothing close enough: the nearest claims, best first.
    Orphan { nearest: Vec<(ClaimRef, u16)> },
}

/// One article as a link sees it: its id and its claims' ids and texts.
#[derive(Clone, Debug)]
pub struct LinkArticle<'a> {
    pub id: &'a str,
    /// (claim id, claim text), in text order.
    pub claims: Vec<(&'a str, &'a str)>,
}

impl<'a> LinkArticle<'a> {
    /// An analysed article's claims.
    pub fn of_input(input: &ArticleInput<'a>) -> LinkArticle<'a> {
        LinkArticle {
            id: input.id,
            claims: input
                .analysis
                .claims
                .iter()
                .map(|c| (c.id.as_str(), c.span.text(input.text)))
                .collect(),
        }
    }
}

/// Resolves a link to claim `claim_id` of article `article_id`, carrying the
/// claim's exact text when it was made (`quote`, possibly empty).
pub fn resolve_claim(
    articles: &[ArticleInput<'_>],
    article_id: &str,
    claim_id: &str,
    quote: &str,
) -> LinkResolution {
    let articles: Vec<LinkArticle<'_>> = articles.iter().map(LinkArticle::of_input).collect();
    resolve_claim_in(&articles, article_id, claim_id, quote)
}

/// [`resolve_claim`] over articles given by their claims' ids and texts.
pub fn resolve_claim_in(
    articles: &[LinkArticle<'_>],
    article_id: &str,
    claim_id: &str,
    quote: &str,
) -> LinkResolution {
    let article = articles.iter().position(|a| a.id == article_id);
    if let Some(index) = article
        && let Some(claim) = articles[index]
            .claims
            .iter()
            .position(|(id, _)| *id == claim_id)
    {
        return LinkResolution::Found(ClaimRef {
            article: index,
            claim,
        });
    }
    // The named article first, then the others.
    let order: Vec<usize> = article
        .into_iter()
        .chain((0..articles.len()).filter(|&i| Some(i) != article))
        .collect();
    let quote = quote.trim();
    if quote.is_empty() {
        return LinkResolution::Orphan {
            nearest: Vec::new(),
        };
    }
    // Verbatim, in the named article first.
    let wanted = content_id(quote);
    for &i in &order {
        for (c, &(_, text)) in articles[i].claims.iter().enumerate() {
            if content_id(text) == wanted || (quote.len() >= 24 && text.contains(quote)) {
                return LinkResolution::Reanchored {
                    claim: ClaimRef {
                        article: i,
                        claim: c,
                    },
                    similarity: 1000,
                };
            }
        }
    }
    let lexicon = super::features::Lexicon::new();
    let wanted_words = word_set(&lexicon, quote);
    let mut scored: Vec<(ClaimRef, u16)> = Vec::new();
    for &i in &order {
        for (c, &(_, text)) in articles[i].claims.iter().enumerate() {
            let similarity = dice(&wanted_words, &word_set(&lexicon, text));
            // The named article wins ties.
            scored.push((
                ClaimRef {
                    article: i,
                    claim: c,
                },
                similarity,
            ));
        }
    }
    crate::model::sort_by(&mut scored, |x, y| {
        y.1.cmp(&x.1)
            .then((Some(x.0.article) != article).cmp(&(Some(y.0.article) != article)))
            .then(x.0.cmp(&y.0))
    });
    match scored.first() {
        Some(&(claim, similarity)) if similarity >= REANCHOR_SIMILARITY => {
            LinkResolution::Reanchored { claim, similarity }
        }
        _ => LinkResolution::Orphan {
            nearest: scored
                .into_iter()
                .filter(|(_, s)| *s > 0)
                .take(NEAREST)
                .collect(),
        },
    }
}

/// The sorted content words of `text`, stemmed (function words left out:
/// they match anything).
fn word_set(lexicon: &super::features::Lexicon, text: &str) -> Vec<String> {
    let mut words: Vec<String> = super::features::words(text, Span::new(0, text.len()))
        .filter_map(|w| lexicon.concept(w.text(text)))
        .collect();
    crate::model::sort(&mut words);
    words
}

/// Dice coefficient of two sorted word multisets, in thousandths.
fn dice(a: &[String], b: &[String]) -> u16 {
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (2000 * common / (a.len() + b.len())) as u16
}

#[cfg(test)]
mod tests {
    use super::{dice, word_set};
    use crate::align::features::Lexicon;

    #[test]
    fn dice_counts_shared_words() {
        let lexicon = Lexicon::new();
        let words = |text| word_set(&lexicon, text);
        let a = words("the black cat sat on the mat");
        assert_eq!(dice(&a, &a), 1000);
        assert_eq!(dice(&a, &words("a dog ran")), 0);
        let edited = words("the black cats sat on a mat");
        assert!(dice(&a, &edited) >= 800);
    }
}
