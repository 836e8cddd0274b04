//! Candidate claim pairs and their scores.
//!
//! Pairs come from an inverted index: feature → the claims that have it.
//! Each claim looks only through its rarest features, and in a long posting
//! list only at its neighbours in story order (the "sorted neighbourhood"
//! of record linkage), so the work per claim is bounded and the whole step
//! grows linearly with the story. Each candidate is then scored exactly:
//! the weighted cosine of the two claims' features.

use std::collections::HashMap;

use super::ClaimRef;
use super::features::{FeatureKind, StoryFeatures};

/// How many of a claim's rarest features are looked up.
const LOOKUP_FEATURES: usize = 8;
/// How many postings on each side of a claim are read in a long list.
const NEIGHBOURHOOD: usize = 24;
/// Below this, a pair is not worth keeping.
const MIN_SCORE: f32 = 0.12;

/// A scored pair of claims from different articles (`a < b`).
#[derive(Clone, Debug)]
pub struct ScoredLink {
    pub a: ClaimRef,
    pub b: ClaimRef,
    /// Weighted cosine of the features, 0..=1.
    pub score: f32,
    /// The part of `score` that shared entities contribute.
    pub entity_score: f32,
    /// Shared features: (feature id, contribution to the score).
    pub shared: Vec<(u32, f32)>,
}

impl ScoredLink {
    /// The part of the score that is not about who is named: words,
    /// numbers, dates.
    pub fn content_score(&self) -> f32 {
        self.score - self.entity_score
    }
}

/// Every candidate pair scoring at least [`MIN_SCORE`], best first.
pub fn scored_links(story: &StoryFeatures) -> Vec<ScoredLink> {
    let mut postings: Vec<Vec<ClaimRef>> = vec![Vec::new(); story.table.len()];
    for (article, claims) in story.claims.iter().enumerate() {
        for (claim, features) in claims.iter().enumerate() {
            for f in &features.features {
                postings[f.id as usize].push(ClaimRef { article, claim });
            }
        }
    }
    let mut links = Vec::new();
    let mut candidates: Vec<ClaimRef> = Vec::new();
    let mut rarest: Vec<(u32, u32)> = Vec::new();
    for (article, claims) in story.claims.iter().enumerate() {
        for (claim, features) in claims.iter().enumerate() {
            let me = ClaimRef { article, claim };
            rarest.clear();
            rarest.extend(
                features
                    .features
                    .iter()
                    .map(|f| (story.info(f.id).claims, f.id))
                    // A feature of this claim alone finds nothing.
                    .filter(|&(claims, _)| claims > 1),
            );
            rarest.sort_unstable();
            candidates.clear();
            for &(_, id) in rarest.iter().take(LOOKUP_FEATURES) {
                let list = &postings[id as usize];
                let at = list.binary_search(&me).unwrap_or_else(|i| i);
                let from = at.saturating_sub(NEIGHBOURHOOD);
                let to = (at + NEIGHBOURHOOD + 1).min(list.len());
                candidates.extend(list[from..to].iter().filter(|c| c.article != article));
            }
            candidates.sort_unstable();
            candidates.dedup();
            for &other in &candidates {
                // Neighbourhoods are not symmetric: a pair may be found from
                // both ends; the duplicates go after sorting.
                if let Some(link) = score(story, me.min(other), me.max(other)) {
                    links.push(link);
                }
            }
        }
    }
    links.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    });
    links.dedup_by(|x, y| x.a == y.a && x.b == y.b);
    links
}

/// The weighted cosine of two claims, with what they share, when it is at
/// least [`MIN_SCORE`].
pub fn score(story: &StoryFeatures, a: ClaimRef, b: ClaimRef) -> Option<ScoredLink> {
    compare(story, a, b).filter(|link| link.score >= MIN_SCORE)
}

/// The weighted cosine of two claims, with what they share.
pub fn compare(story: &StoryFeatures, a: ClaimRef, b: ClaimRef) -> Option<ScoredLink> {
    let fa = story.claim(a.article, a.claim)?;
    let fb = story.claim(b.article, b.claim)?;
    if fa.norm <= 0.0 || fb.norm <= 0.0 {
        return None;
    }
    let (mut i, mut j) = (0, 0);
    let mut shared = Vec::new();
    let mut dot = 0.0;
    let mut entity_dot = 0.0;
    while i < fa.features.len() && j < fb.features.len() {
        let (x, y) = (&fa.features[i], &fb.features[j]);
        match x.id.cmp(&y.id) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let part = x.weight * y.weight;
                dot += part;
                if story.info(x.id).kind == FeatureKind::Entity {
                    entity_dot += part;
                }
                shared.push((x.id, part));
                i += 1;
                j += 1;
            }
        }
    }
    let denominator = fa.norm * fb.norm;
    let score = dot / denominator;
    for s in &mut shared {
        s.1 /= denominator;
    }
    shared.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    Some(ScoredLink {
        a,
        b,
        score,
        entity_score: entity_dot / denominator,
        shared,
    })
}

/// Scores of the best partner of each claim in each other article — for
/// tests and diagnostics.
pub fn best_partners(links: &[ScoredLink]) -> HashMap<(ClaimRef, usize), (ClaimRef, f32)> {
    let mut best: HashMap<(ClaimRef, usize), (ClaimRef, f32)> = HashMap::new();
    for link in links {
        for (me, other) in [(link.a, link.b), (link.b, link.a)] {
            let slot = best
                .entry((me, other.article))
                .or_insert((other, link.score));
            if link.score > slot.1 {
                *slot = (other, link.score);
            }
        }
    }
    best
}
