//! Grouping scored pairs into facts.
//!
//! Greedy, best pair first: a pair joins its two claims' groups when the
//! pair is strong enough, says more than who is named, and the two groups
//! have no article in common (a fact holds at most one claim per article).
//! A sentence often reports two things ("the November attack … led to the
//! leaking of several unreleased films"): a strong pair refused only
//! because its claims are already taken may still form a second fact, when
//! what it shares is mostly new — features that did not link either claim
//! to its first fact. Every claim left over is a fact of its own.

use super::candidates::ScoredLink;
use super::features::StoryFeatures;
use super::{
    ArticleInput, ClaimRef, Coverage, Evidence, Fact, Link, SharedFeature, differences, quote_diff,
};
use crate::anchor::content_id;
use crate::model::{HashMap, shorten};

/// A pair links two claims from this score up.
const LINK_SCORE: f32 = 0.2;
/// … and only if words, numbers or dates (not just names) give this much.
const CONTENT_SCORE: f32 = 0.1;
/// A claim's second fact needs a stronger pair …
const SECOND_SCORE: f32 = 0.25;
/// … sharing at most this share of its weight with the claims' first facts.
const SECOND_OVERLAP: f32 = 0.4;

/// Whether the sets of claims `a` and `b` would make one fact: on average
/// their claims must match each other (not just through the one pair that
/// links them), or chains of half-similar sentences would drift from one
/// fact to another. Large sets are sampled.
fn coheres(
    story: &StoryFeatures,
    clusters: &mut Clusters,
    refs: &[ClaimRef],
    a: usize,
    b: usize,
) -> bool {
    const SAMPLE: usize = 3;
    let (ra, rb) = (clusters.root(a), clusters.root(b));
    if ra == rb || (clusters.size[ra] == 1 && clusters.size[rb] == 1) {
        return true;
    }
    let members = |clusters: &Clusters, root: usize, own: usize| -> Vec<usize> {
        let mut out = vec![own];
        out.extend(
            clusters.members[root]
                .iter()
                .copied()
                .filter(|&m| m != own)
                .take(SAMPLE - 1),
        );
        out
    };
    let (xs, ys) = (members(clusters, ra, a), members(clusters, rb, b));
    let mut total = 0.0;
    for &x in &xs {
        for &y in &ys {
            total += super::candidates::cosine(story, refs[x], refs[y]);
        }
    }
    total / (xs.len() * ys.len()) as f32 >= COHERENCE
}

/// The least average score between the claims of two sets that join.
const COHERENCE: f32 = 0.15;

/// Whether a pair shares enough distinct things: two words, numbers or
/// dates, or one of them and two names, or three names. One shared word
/// ("fear") is a coincidence, and one or two names say who, not what.
fn enough_in_common(story: &StoryFeatures, link: &ScoredLink) -> bool {
    let (mut content, mut names) = (0, 0);
    for &(id, weight) in &link.shared {
        if weight < MEANINGFUL_SHARE {
            continue;
        }
        if story.info(id).kind == super::FeatureKind::Entity {
            names += 1;
        } else {
            content += 1;
        }
    }
    content >= 2 || (content == 1 && names >= 2) || names >= 3
}

fn names_shared(story: &StoryFeatures, link: &ScoredLink) -> usize {
    link.shared
        .iter()
        .filter(|&&(id, weight)| {
            weight >= MEANINGFUL_SHARE && story.info(id).kind == super::FeatureKind::Entity
        })
        .count()
}

/// A shared feature counts as a thing in common from this share of the score.
const MEANINGFUL_SHARE: f32 = 0.02;

/// Claims that state the same fact, with the pairs that put them together.
#[derive(Clone, Debug, Default)]
pub struct Group {
    pub claims: Vec<ClaimRef>,
    pub links: Vec<usize>,
}

/// Groups claims into facts by the accepted links. Every claim ends up in
/// at least one group.
pub fn group(story: &StoryFeatures, mut links: Vec<ScoredLink>) -> Vec<(Group, Vec<ScoredLink>)> {
    let offsets: Vec<usize> = story
        .claims
        .iter()
        .scan(0, |total, claims| {
            let start = *total;
            *total += claims.len();
            Some(start)
        })
        .collect();
    let index = |c: ClaimRef| offsets[c.article] + c.claim;
    let total = story.total_claims;
    let article_of: Vec<usize> = story
        .claims
        .iter()
        .enumerate()
        .flat_map(|(article, claims)| std::iter::repeat_n(article, claims.len()))
        .collect();
    let acceptable = |l: &ScoredLink| {
        l.score >= LINK_SCORE
            && (l.content_score() >= CONTENT_SCORE || names_shared(story, l) >= 3)
            && enough_in_common(story, l)
    };

    let refs: Vec<ClaimRef> = story.refs();
    // First facts.
    let mut first = Clusters::new(&article_of);
    let mut refused = Vec::new();
    for (n, link) in links.iter().enumerate() {
        if !acceptable(link) {
            continue;
        }
        let (a, b) = (index(link.a), index(link.b));
        // Two facts of several claims each that share an article never
        // join, and such a refused pair can never start a second fact
        // either (see below): skip the coherence check.
        if first.both_large_and_clash(a, b) {
            continue;
        }
        if !coheres(story, &mut first, &refs, a, b) {
            continue;
        }
        if !first.join(a, b, n) {
            refused.push(n);
        }
    }
    // The links that put each claim in its first fact: what linked it
    // there is what they share.
    let mut linked_by: Vec<Vec<usize>> = vec![Vec::new(); total];
    for &n in first.links.iter().flatten() {
        let link = &links[n];
        linked_by[index(link.a)].push(n);
        linked_by[index(link.b)].push(n);
    }
    let used = |claim: usize, id: u32| {
        linked_by[claim].iter().any(|&n| {
            // `shared` is in feature-id order.
            links[n].shared.binary_search_by_key(&id, |s| s.0).is_ok()
        })
    };
    // Second facts, from strong refused pairs that share something new.
    let mut second = Clusters::new(&article_of);
    for n in refused {
        let link = &links[n];
        let (a, b) = (index(link.a), index(link.b));
        // A second fact pairs a taken claim with one that has no fact yet;
        // a strong pair between two facts' claims is cross-talk.
        let (root_a, root_b) = (first.root(a), first.root(b));
        if link.score < SECOND_SCORE
            || root_a == root_b
            || (first.size[root_a] > 1 && first.size[root_b] > 1)
        {
            continue;
        }
        // Summed in rank order, so the sums do not depend on feature ids.
        let shared = link.shared_by_contribution();
        let weight: f32 = shared.iter().map(|s| s.1).sum();
        let old: f32 = shared
            .iter()
            .filter(|&&(id, _)| used(a, id) || used(b, id))
            .map(|s| s.1)
            .sum();
        if weight > 0.0 && old / weight <= SECOND_OVERLAP {
            second.join(a, b, n);
        }
    }
    dated_events(story, &index, &mut second, &mut first, &mut links);
    let mut groups = first.groups(&refs);
    let second_groups = second.groups(&refs);
    let mut in_second = vec![false; total];
    for group in &second_groups {
        for c in &group.claims {
            in_second[index(*c)] = true;
        }
    }
    groups.extend(second_groups);
    // Claims in no group so far stand alone.
    for (i, claim) in refs.iter().enumerate() {
        let root = first.root(i);
        if first.size[root] == 1 && !in_second[i] {
            groups.push(Group {
                claims: vec![*claim],
                links: Vec::new(),
            });
        }
    }
    // Each link belongs to one group: move it there.
    let mut slots: Vec<Option<ScoredLink>> = links.into_iter().map(Some).collect();
    groups
        .into_iter()
        .map(|group| {
            let own = group
                .links
                .iter()
                .filter_map(|&n| slots[n].take())
                .collect();
            (group, own)
        })
        .collect()
}

/// Facts about when an event happened: in each article the one claim that
/// dates an event ("the November attack"), linked to the other articles'
/// one claim dating it at a time that fits ("over a fortnight ago … a
/// cyber-attack"). Where several claims of an article fit, which is meant
/// would be a guess: that article is left out.
fn dated_events(
    story: &StoryFeatures,
    index: &dyn Fn(ClaimRef) -> usize,
    second: &mut Clusters,
    first: &mut Clusters,
    links: &mut Vec<ScoredLink>,
) {
    use std::collections::BTreeMap;
    // event feature → article → the claims dating it there.
    type Dated = Vec<(ClaimRef, i64, i64)>;
    let mut by_event: BTreeMap<u32, BTreeMap<usize, Dated>> = BTreeMap::new();
    for (article, claims) in story.claims.iter().enumerate() {
        for (claim, features) in claims.iter().enumerate() {
            for &(event, start, end) in &features.dated_events {
                by_event
                    .entry(event)
                    .or_default()
                    .entry(article)
                    .or_default()
                    .push((ClaimRef { article, claim }, start, end));
            }
        }
    }
    for articles in by_event.values() {
        let Some(&(anchor, start, end)) = articles
            .values()
            .find(|claims| claims.len() == 1)
            .map(|claims| &claims[0])
        else {
            continue;
        };
        for claims in articles.values() {
            let mut fitting = claims
                .iter()
                .filter(|&&(c, s, e)| c.article != anchor.article && s <= end && start <= e);
            let (Some(&(other, _, _)), None) = (fitting.next(), fitting.next()) else {
                continue;
            };
            let (a, b) = (index(anchor), index(other));
            if first.root(a) == first.root(b) {
                continue;
            }
            if let Some(link) =
                super::candidates::compare(story, anchor.min(other), anchor.max(other))
            {
                links.push(link);
                second.join(a, b, links.len() - 1);
            }
        }
    }
}

/// Union-find over claims where a set holds at most one claim per article.
struct Clusters {
    parent: Vec<usize>,
    size: Vec<usize>,
    /// Per root: the articles of its claims, sorted.
    articles: Vec<Vec<usize>>,
    /// Per root: the accepted links (indices into the link list).
    links: Vec<Vec<usize>>,
    /// Per root: its claims.
    members: Vec<Vec<usize>>,
}

impl Clusters {
    /// One set per claim; `article_of[i]` is claim `i`'s article.
    fn new(article_of: &[usize]) -> Clusters {
        let n = article_of.len();
        Clusters {
            parent: (0..n).collect(),
            size: vec![1; n],
            articles: article_of.iter().map(|&a| vec![a]).collect(),
            links: vec![Vec::new(); n],
            members: (0..n).map(|i| vec![i]).collect(),
        }
    }

    /// The sets of two or more claims, in order of their first claim.
    fn groups(&mut self, refs: &[ClaimRef]) -> Vec<Group> {
        let mut members: std::collections::BTreeMap<usize, Group> = Default::default();
        for (i, claim) in refs.iter().enumerate() {
            let root = self.root(i);
            if self.size[root] > 1 {
                members.entry(root).or_default().claims.push(*claim);
            }
        }
        members
            .into_iter()
            .map(|(root, mut group)| {
                group.links = self.links[root].clone();
                group
            })
            .collect()
    }

    fn root(&mut self, mut i: usize) -> usize {
        let parent = self.parent.as_mut_slice();
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }

    /// Are `a` and `b` in different sets of more than one claim each that
    /// share an article (so that [`Clusters::join`] would refuse them)?
    fn both_large_and_clash(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.root(a), self.root(b));
        ra != rb && self.size[ra] > 1 && self.size[rb] > 1 && self.clash(ra, rb)
    }

    /// Do the sets with roots `ra` and `rb` hold claims of one article?
    fn clash(&self, ra: usize, rb: usize) -> bool {
        let (small, large) = if self.size[ra] < self.size[rb] {
            (ra, rb)
        } else {
            (rb, ra)
        };
        self.articles[small]
            .iter()
            .any(|x| self.articles[large].binary_search(x).is_ok())
    }

    /// Joins the sets of claims `a` and `b`, unless they
    /// share an article. Returns whether the link is now inside one set.
    fn join(&mut self, a: usize, b: usize, link: usize) -> bool {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra == rb {
            self.links[ra].push(link);
            return true;
        }
        if self.clash(ra, rb) {
            return false;
        }
        let (small, large) = if self.size[ra] < self.size[rb] {
            (ra, rb)
        } else {
            (rb, ra)
        };
        let moved = std::mem::take(&mut self.articles[small]);
        for x in moved {
            let at = self.articles[large].binary_search(&x).unwrap_or_else(|i| i);
            self.articles[large].insert(at, x);
        }
        let moved = std::mem::take(&mut self.members[small]);
        self.members[large].extend(moved);
        let moved = std::mem::take(&mut self.links[small]);
        self.links[large].extend(moved);
        self.links[large].push(link);
        self.parent[small] = large;
        self.size[large] += self.size[small];
        true
    }
}

/// A fact's label is at most about this long.
const LABEL_BYTES: usize = 90;

/// Links kept as a fact's evidence, strongest first.
const MAX_EVIDENCE_LINKS: usize = 16;
/// Shared features kept per link, heaviest first.
const MAX_SHARED_SHOWN: usize = 10;

/// The fact a group of claims makes.
pub fn build_fact(
    articles: &[ArticleInput<'_>],
    story: &StoryFeatures,
    outlets: &[String],
    (mut group, links): (Group, Vec<ScoredLink>),
) -> Fact {
    group.claims.sort();
    group.claims.dedup();
    let claim = |c: &ClaimRef| {
        articles
            .get(c.article)
            .and_then(|a| a.analysis.claims.get(c.claim))
    };
    let mut ids = String::new();
    for c in &group.claims {
        if let (Some(article), Some(claim)) = (articles.get(c.article), claim(c)) {
            ids.push_str(article.id);
            ids.push('/');
            ids.push_str(&claim.id);
            ids.push(' ');
        }
    }
    // The outlets in order of first appearance. `listed` is a set: its
    // value (the outlet's place in the list) is not read, but this map type
    // is already in the wasm and a set type would add code.
    let mut fact_outlets: Vec<String> = Vec::new();
    let mut listed: HashMap<&str, usize> = HashMap::default();
    for c in &group.claims {
        if let Some(article) = articles.get(c.article)
            && !listed.contains_key(article.outlet)
        {
            listed.insert(article.outlet, fact_outlets.len());
            fact_outlets.push(article.outlet.to_string());
        }
    }
    let coverage = if fact_outlets.len() <= 1 && outlets.len() > 1 {
        Coverage::One
    } else if fact_outlets.len() >= outlets.len() {
        Coverage::All
    } else {
        Coverage::Some
    };
    let label = group
        .claims
        .iter()
        .filter_map(|c| Some(claim(c)?.span.text(articles[c.article].text)))
        .min_by_key(|text| text.len())
        .map(|text| shorten(text, LABEL_BYTES))
        .unwrap_or_default();
    // The weakest link holds the fact together; the strongest explain it.
    let weakest = links
        .iter()
        .map(|l| thousandths(l.score))
        .min()
        .unwrap_or(0);
    let mut strongest: Vec<&ScoredLink> = links.iter().collect();
    let by_strength = |x: &&ScoredLink, y: &&ScoredLink| {
        y.score
            .total_cmp(&x.score)
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    };
    // The strongest few, without sorting them all (the order is total).
    if strongest.len() > MAX_EVIDENCE_LINKS {
        strongest.select_nth_unstable_by(MAX_EVIDENCE_LINKS, by_strength);
        strongest.truncate(MAX_EVIDENCE_LINKS);
    }
    strongest.sort_unstable_by(by_strength);
    let evidence_links: Vec<Link> = strongest
        .into_iter()
        .map(|link| Link {
            a: link.a,
            b: link.b,
            score: thousandths(link.score),
            shared: link
                .shared_by_contribution()
                .into_iter()
                .take(MAX_SHARED_SHOWN)
                .map(|(id, weight)| {
                    let surface = |c: ClaimRef| {
                        story
                            .claim(c.article, c.claim)
                            .and_then(|f| f.features.iter().find(|f| f.id == id))
                            .map(|f| f.span.text(articles[c.article].text).to_string())
                            .unwrap_or_default()
                    };
                    SharedFeature {
                        kind: story.info(id).kind,
                        a: surface(link.a),
                        b: surface(link.b),
                        weight: thousandths(weight),
                    }
                })
                .collect(),
        })
        .collect();
    let evidence = Evidence {
        score: weakest,
        links: evidence_links,
    };
    let quotes = quote_diff::of_fact(articles, &group.claims);
    let differences = differences::of_fact(articles, &story.lexicon, &group.claims, &quotes);
    Fact {
        id: format!("f{}", content_id(&ids)),
        label,
        claims: group.claims,
        outlets: fact_outlets,
        coverage,
        differences,
        evidence,
        quotes,
    }
}

/// 0..=1 as thousandths.
pub fn thousandths(x: f32) -> u16 {
    (x.clamp(0.0, 1.0) * 1000.0).round() as u16
}

#[cfg(test)]
mod tests {
    use super::{LABEL_BYTES, shorten};

    #[test]
    fn labels_are_short_and_cut_at_words() {
        assert_eq!(shorten("Short.", LABEL_BYTES), "Short.");
        let long = "Sony Pictures has caved to the demands of its blackmailers and cancelled the impending launch of the film";
        let short = shorten(long, LABEL_BYTES);
        assert!(short.len() <= 95 && short.ends_with('…'), "{short}");
        assert!(short.starts_with("Sony Pictures has caved"));
    }
}
