//! Candidate claim pairs and their scores.
//!
//! Pairs come from an inverted index: feature → the claims that have it.
//! Each claim looks only through its rarest features, and in a long posting
//! list only at its neighbours in the story's canonical order (the "sorted
//! neighbourhood" of record linkage), so the work per claim is bounded and
//! the whole step grows linearly with the story. The postings give an
//! approximate score; the most promising candidates are then scored
//! exactly (the weighted cosine of the two claims' features) and each claim
//! keeps its best few — of a set of claims with identical features (wire
//! copy that fifty outlets run) only two, so that a fact many outlets word
//! differently still links across its wordings. Claims are visited in
//! canonical order ([`StoryFeatures::order`]), so the pairs do not depend
//! on the order of the articles.

use super::ClaimRef;
use super::features::{ClaimFeatures, FeatureKind, StoryFeatures};

/// How many of a claim's rarest features are looked up.
const LOOKUP_FEATURES: usize = 12;
/// How many postings on each side of a claim are read in a long list.
const NEIGHBOURHOOD: usize = 24;
/// How many best partners each claim keeps. A fact many articles report
/// still comes together: its claims link in a chain.
const PARTNERS: usize = 8;
/// How many claims with exactly the same features a claim keeps among its
/// candidates: two, so that a set of identical claims is still linked
/// together (each to the first two of them) when it is larger than
/// [`PARTNERS`].
const SAME_FEATURES_KEPT: usize = 2;
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
    /// Shared features: (feature id, contribution to the score), in
    /// feature-id order; [`ScoredLink::shared_by_contribution`] ranks them.
    pub shared: Vec<(u32, f32)>,
}

impl ScoredLink {
    /// The part of the score that is not about who is named: words,
    /// numbers, dates.
    pub fn content_score(&self) -> f32 {
        self.score - self.entity_score
    }

    /// The shared features, the largest contribution first (ties by
    /// feature id). Ranked on demand: most links are never shown or summed.
    pub fn shared_by_contribution(&self) -> Vec<(u32, f32)> {
        let mut shared = self.shared.clone();
        crate::model::sort_by(&mut shared, |x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        shared
    }
}

/// The best-scoring partners of every claim (at most [`PARTNERS`] each,
/// scoring at least [`MIN_SCORE`]), best first, ties in the story's
/// canonical order ([`StoryFeatures::order`]).
pub fn scored_links(story: &StoryFeatures) -> Vec<ScoredLink> {
    // Claims get one dense index, in the story's canonical order (so that
    // neighbourhoods and ties do not depend on the order of the articles);
    // postings hold (index, weight).
    let refs: Vec<ClaimRef> = story.canonical_refs();
    let claims: Vec<&ClaimFeatures> = refs
        .iter()
        .filter_map(|c| story.claim(c.article, c.claim))
        .collect();
    // Claims with the same features (wire copy run by many outlets) score
    // the same against everything: a claim keeps only a few of them as
    // candidates and reaches the rest through them, so that its other
    // places go to other wordings of its fact.
    let signature: Vec<u64> = claims.iter().map(|f| signature(f)).collect();
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); story.table.len()];
    for (i, features) in claims.iter().enumerate() {
        for f in &features.features {
            if let Some(list) = postings.get_mut(f.id as usize) {
                list.push((i as u32, f.weight));
            }
        }
    }
    // Exactly scored pairs of claim indexes (see `pair_key`), compared in
    // full after the loop.
    let mut pairs: Vec<u128> = Vec::new();
    let mut exact: Vec<u64> = Vec::with_capacity(PARTNERS + 1);
    // Approximate dot products, dense over claims, reset after each claim.
    let mut dot = vec![0.0f32; refs.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut rarest: Vec<(u32, u32, f32)> = Vec::new();
    // Per feature: how many claims before the current one have it.
    let mut before: Vec<u32> = vec![0; story.table.len()];
    // (rank key, signature), best first.
    let mut promising: Vec<(u64, u64)> = Vec::with_capacity(PARTNERS * 2 + 1);
    for (me, features) in claims.iter().enumerate() {
        let my_article = refs.get(me).map_or(usize::MAX, |r| r.article);
        rarest.clear();
        rarest.extend(
            features
                .features
                .iter()
                .map(|f| (story.info(f.id).claims, f.id, f.weight))
                // A feature of this claim alone finds nothing.
                .filter(|&(claims, _, _)| claims > 1),
        );
        crate::model::sort_by(&mut rarest, |x, y| x.0.cmp(&y.0).then(x.1.cmp(&y.1)));
        for &(_, id, weight) in rarest.iter().take(LOOKUP_FEATURES) {
            let list = postings.get(id as usize).map_or(&[][..], Vec::as_slice);
            // Where this claim is in the list: after the earlier claims
            // with the feature (counted as the loop goes, no search).
            let at = before.get(id as usize).map_or(0, |&n| n as usize);
            let from = at.saturating_sub(NEIGHBOURHOOD);
            let to = (at + NEIGHBOURHOOD + 1).min(list.len());
            for &(other, other_weight) in list.get(from..to).unwrap_or(&[]) {
                let o = other as usize;
                if refs.get(o).is_none_or(|r| r.article == my_article) {
                    continue;
                }
                if let Some(d) = dot.get_mut(o) {
                    if *d == 0.0 {
                        touched.push(other);
                    }
                    *d += weight * other_weight;
                }
            }
        }
        for f in &features.features {
            if let Some(n) = before.get_mut(f.id as usize) {
                *n += 1;
            }
        }
        // The most promising candidates by the approximate score (best
        // first, ties by canonical order), then scored exactly.
        promising.clear();
        for &o in &touched {
            let norm = claims
                .get(o as usize)
                .map_or(1.0, |f| f.norm.max(f32::MIN_POSITIVE));
            let Some(d) = dot.get_mut(o as usize) else {
                continue;
            };
            let candidate = rank_key(*d / norm, o);
            *d = 0.0;
            if promising.len() >= PARTNERS * 2
                && promising.last().is_some_and(|&(last, _)| candidate <= last)
            {
                continue;
            }
            // At most `SAME_FEATURES_KEPT` of one set of identical claims:
            // the worst of them makes way for a better one.
            let sig = signature.get(o as usize).copied().unwrap_or_default();
            let (mut same, mut worst) = (0, 0);
            for (at, p) in promising.iter().enumerate() {
                if p.1 == sig {
                    same += 1;
                    worst = at;
                }
            }
            if same >= SAME_FEATURES_KEPT {
                if candidate <= promising[worst].0 {
                    continue;
                }
                promising.remove(worst);
            }
            let at = promising.iter().take_while(|p| p.0 > candidate).count();
            promising.insert(at, (candidate, sig));
            promising.truncate(PARTNERS * 2);
        }
        touched.clear();
        exact.clear();
        for &(key, _) in &promising {
            let (_, o) = unrank(key);
            if let Some(other) = claims.get(o as usize) {
                let score = cosine_of(features, other);
                if score >= MIN_SCORE {
                    keep_best(&mut exact, rank_key(score, o), PARTNERS);
                }
            }
        }
        let me = me as u32;
        pairs.extend(exact.iter().map(|&key| {
            let (score, other) = unrank(key);
            pair_key(score, me.min(other), me.max(other))
        }));
    }
    // Best first. Neighbourhoods are not symmetric: a pair may be found from
    // both ends (with the same score: the cosine is symmetric), so it is
    // compared in full only once.
    crate::model::sort(&mut pairs);
    pairs.dedup();
    pairs
        .into_iter()
        .filter_map(|key| {
            let (a, b) = (key >> 32 & 0xffff_ffff, key & 0xffff_ffff);
            let (a, b) = (*refs.get(a as usize)?, *refs.get(b as usize)?);
            compare(story, a.min(b), a.max(b))
        })
        .collect()
}

/// A hash of a claim's feature ids: claims with the same features (and so
/// the same weights) have the same signature.
pub fn signature(features: &ClaimFeatures) -> u64 {
    features
        .features
        .iter()
        .fold(0xcbf2_9ce4_8422_2325u64, |h, w| {
            (h ^ u64::from(w.id)).wrapping_mul(0x0100_0000_01b3)
        })
}

/// A pair's sort key: the higher score first (scores are positive, so
/// their bits order like them), then the claims' indexes in canonical order.
fn pair_key(score: f32, a: u32, b: u32) -> u128 {
    u128::from(!score.to_bits()) << 64 | u128::from(a) << 32 | u128::from(b)
}

/// A candidate's rank key: the higher score, then the lower claim index,
/// gives the larger key (scores in `f32::total_cmp` order).
#[inline]
fn rank_key(score: f32, index: u32) -> u64 {
    let bits = score.to_bits();
    // `total_cmp`'s order as an unsigned number: negatives flipped.
    let ordered = if bits >> 31 == 1 {
        !bits
    } else {
        bits | 1 << 31
    };
    u64::from(ordered) << 32 | u64::from(u32::MAX - index)
}

/// The score and claim index of a [`rank_key`].
fn unrank(key: u64) -> (f32, u32) {
    let ordered = (key >> 32) as u32;
    let bits = if ordered >> 31 == 1 {
        ordered & !(1 << 31)
    } else {
        !ordered
    };
    (f32::from_bits(bits), u32::MAX - (key & 0xffff_ffff) as u32)
}

/// Inserts `key` into `best` (at most `keep` long, largest first) if it is
/// among the `keep` largest. A bounded insertion: most candidates are
/// rejected by one comparison with the last.
#[inline]
fn keep_best(best: &mut Vec<u64>, key: u64, keep: usize) {
    if best.len() >= keep && best.last().is_none_or(|&last| key <= last) {
        return;
    }
    let at = best.iter().take_while(|&&b| b > key).count();
    best.insert(at, key);
    best.truncate(keep);
}

/// The weighted cosine of two claims' features (0 for an unknown claim).
pub fn cosine(story: &StoryFeatures, a: ClaimRef, b: ClaimRef) -> f32 {
    match (
        story.claim(a.article, a.claim),
        story.claim(b.article, b.claim),
    ) {
        (Some(fa), Some(fb)) => cosine_of(fa, fb),
        _ => 0.0,
    }
}

/// The weighted cosine of two claims' features.
fn cosine_of(fa: &ClaimFeatures, fb: &ClaimFeatures) -> f32 {
    if fa.norm <= 0.0 || fb.norm <= 0.0 {
        return 0.0;
    }
    let (xs, ys) = (fa.features.as_slice(), fb.features.as_slice());
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < xs.len() && j < ys.len() {
        let (x, y) = (&xs[i], &ys[j]);
        match x.id.cmp(&y.id) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += x.weight * y.weight;
                i += 1;
                j += 1;
            }
        }
    }
    dot / (fa.norm * fb.norm)
}

/// The weighted cosine of two claims, with what they share.
pub fn compare(story: &StoryFeatures, a: ClaimRef, b: ClaimRef) -> Option<ScoredLink> {
    let fa = story.claim(a.article, a.claim)?;
    let fb = story.claim(b.article, b.claim)?;
    if fa.norm <= 0.0 || fb.norm <= 0.0 {
        return None;
    }
    let (xs, ys) = (fa.features.as_slice(), fb.features.as_slice());
    let (mut i, mut j) = (0, 0);
    let mut shared = Vec::with_capacity(xs.len().min(ys.len()));
    let mut dot = 0.0;
    let mut entity_dot = 0.0;
    while i < xs.len() && j < ys.len() {
        let (x, y) = (&xs[i], &ys[j]);
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
    Some(ScoredLink {
        a,
        b,
        score,
        entity_score: entity_dot / denominator,
        shared,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keep_best_keeps_what_a_full_sort_would() {
        // Many equal scores, so the index often decides.
        let all: Vec<(f32, u32)> = (0..200u32)
            .map(|i| (((i * 37) % 11) as f32 / 10.0, i))
            .collect();
        for keep in [0, 1, 5, 16, 300] {
            let mut best = Vec::new();
            for &(score, index) in &all {
                keep_best(&mut best, rank_key(score, index), keep);
            }
            let best: Vec<(f32, u32)> = best.into_iter().map(unrank).collect();
            let mut sorted = all.clone();
            sorted.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
            sorted.truncate(keep);
            assert_eq!(best, sorted, "keep {keep}");
        }
    }

    #[test]
    fn rank_keys_order_like_total_cmp() {
        let scores = [
            f32::NEG_INFINITY,
            -2.5,
            -0.0,
            0.0,
            1e-30,
            0.12,
            0.5,
            1.0,
            f32::INFINITY,
        ];
        for x in scores {
            for y in scores {
                for (i, j) in [(0, 0), (1, 2), (7, 3)] {
                    let expected = y.total_cmp(&x).then(i.cmp(&j)).reverse();
                    assert_eq!(
                        rank_key(x, i).cmp(&rank_key(y, j)),
                        expected,
                        "{x} {i} / {y} {j}"
                    );
                }
                assert_eq!(unrank(rank_key(x, 9)).0.to_bits(), x.to_bits());
            }
        }
    }
}
