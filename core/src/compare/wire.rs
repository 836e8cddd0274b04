//! Wire copy and rewrites: which outlets carry (nearly) the same text.
//!
//! Several outlets running one agency's story, or quoting one statement in
//! full, repeat each other; they do not confirm each other independently. A
//! reader is told so, per fact ("3 outlets carry the same text (A, B, C); 2
//! rewrote it (D, E)") and per story ("Outlets that carry the same wire text:
//! A, B, C").
//!
//! **Same text.** Two sentences are the same text when, after folding case,
//! punctuation and quote marks ([`words`]), their longest common word
//! subsequence covers at least [`SAME_TEXT`] of the shorter sentence's words
//! and [`KEPT`] of the longer's (wire copy is trimmed: a clause dropped, a
//! word changed), and the shorter has at least [`MIN_WORDS`] words (two "He
//! said." are not wire copy). Word order counts: two independent sentences
//! that share names and numbers but are written differently fall below the
//! threshold.
//!
//! **Per fact.** The fact's claims (at most [`MAX_COMPARED`], the bound the
//! aligner uses for differences) are grouped in article order: a claim joins
//! every group holding a sentence it is the same text as (among the group's
//! first [`GROUP_PROBES`]), merging them, else starts one (copies edited in
//! different places still meet through the original).
//! The largest group of two or more articles is the common text; every other
//! outlet rewrote it, and is described against the common text word by word
//! (the LCS of [`super::facts`]'s word diff): "“bn” for “billion”; adds …;
//! leaves out …".
//!
//! **Per story.** An outlet carries another's wire text when at least
//! [`WIRE_SHARE_PERCENT`] of its sentences are the same text as a sentence
//! of the other in some fact. Outlets linked so, directly or through each other,
//! form a wire group.
//!
//! Cost: per fact at most `MAX_COMPARED × groups × GROUP_PROBES` sentence
//! comparisons (words hashed; the LCS runs only when the lengths and the
//! shared words allow a match) and at most [`MAX_DESCRIBED`] outlets
//! described word by word; per story one pass over the facts' groups. No
//! comparison across facts. (1,000 generated articles, native release: about
//! 0.1 s of a 1.3 s view build.)

use crate::model::{Fnv, HashMap, HashSet};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::hash::Hasher as _;

use crate::align::differences::MAX_COMPARED;

use super::facts::{FactView, lcs_marks, normal, tokens};
pub use super::facts::{RewriteView, WireView};
use super::{ArticleView, shorten};

/// Share of the shorter sentence's words that must be in the common word
/// subsequence, in the same order, for two sentences to be the same text.
pub const SAME_TEXT: f64 = 0.85;
/// Share of the longer sentence's words the common subsequence must cover:
/// wire copy is often trimmed (a clause dropped), never mostly cut.
pub const KEPT: f64 = 0.5;
/// Fewest words a sentence needs to count as the same text as another.
pub const MIN_WORDS: usize = 6;
/// Share of an outlet's sentences that must be the same text as another
/// outlet's for the two to carry the same wire copy.
pub const WIRE_SHARE_PERCENT: usize = 60;
/// Members of a group a sentence is compared with (the first ones): keeps a
/// fact's cost at claims × groups × this many comparisons.
pub const GROUP_PROBES: usize = 4;
/// Most outlets whose wording is described word by word per fact.
pub const MAX_DESCRIBED: usize = 8;
/// Most rewritten passages described per outlet.
const MAX_CHANGES: usize = 3;

/// Which outlets carry the same wire text across the story.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WireStoryView {
    /// Groups of outlets carrying the same wire text, in article order.
    pub groups: Vec<Vec<String>>,
    /// For people: "Outlets that carry the same wire text: A, B, C." (one per group).
    pub lines: Vec<String>,
    /// Per outlet in a group: "14 of 16 sentences are the same text as Nordwire's".
    pub notes: Vec<(String, String)>,
}

/// A sentence's words, folded: lowercase, letters and digits only; words of
/// punctuation alone ("—", "“") dropped. Keeps each word's text as written.
fn words(text: &str) -> Vec<(String, &str)> {
    tokens(text)
        .into_iter()
        .map(|(s, e)| (normal(&text[s..e]), &text[s..e]))
        .filter(|(n, _)| !n.is_empty())
        .collect()
}

/// A sentence's folded words as hashes (FNV-1a of each word's [`normal`]
/// form, made without building it): comparing sentences then compares
/// integers, not strings.
fn hashed(text: &str) -> Vec<u64> {
    let mut buf = [0u8; 4];
    tokens(text)
        .into_iter()
        .filter_map(|(s, e)| {
            let mut hash = Fnv::default();
            let mut empty = true;
            let word = &text[s..e];
            if word.is_ascii() {
                for b in word.bytes().filter(u8::is_ascii_alphanumeric) {
                    empty = false;
                    hash.write_u8(b.to_ascii_lowercase());
                }
            } else {
                for c in word.chars().filter(|c| c.is_alphanumeric()) {
                    for lower in c.to_lowercase() {
                        empty = false;
                        hash.write(lower.encode_utf8(&mut buf).as_bytes());
                    }
                }
            }
            (!empty).then(|| hash.finish())
        })
        .collect()
}

/// Length of the longest common subsequence of two word sequences (one
/// row of the table at a time).
fn lcs_len(a: &[u64], b: &[u64]) -> usize {
    let mut row = vec![0u32; b.len() + 1];
    for &x in a {
        let mut diagonal = 0;
        for (j, &y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()] as usize
}

/// Words two sorted word lists share (with repeats): an upper bound of the
/// common subsequence, in linear time.
fn shared_words(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

fn sorted(words: &[u64]) -> Vec<u64> {
    let mut out = words.to_vec();
    crate::model::sort(&mut out);
    out
}

/// Whether a common subsequence of `common` words is enough (see the module doc).
fn enough(common: usize, shorter: usize, longer: usize) -> bool {
    let common = common as f64;
    common >= SAME_TEXT * shorter as f64 && common >= KEPT * longer as f64
}

/// Whether two folded sentences are the same text (see the module doc).
pub fn same_text(a: &[u64], b: &[u64]) -> bool {
    same_text_bounded(a, &sorted(a), b, &sorted(b))
}

/// [`same_text`] with each sentence's words also sorted: the LCS runs only
/// when the lengths and the shared words allow a match.
fn same_text_bounded(a: &[u64], sa: &[u64], b: &[u64], sb: &[u64]) -> bool {
    let (shorter, longer) = (a.len().min(b.len()), a.len().max(b.len()));
    if shorter < MIN_WORDS
        || !enough(shorter, shorter, longer)
        || !enough(shared_words(sa, sb), shorter, longer)
    {
        return false;
    }
    enough(lcs_len(a, b), shorter, longer)
}

/// Whether two sentences are the same text, from their raw text.
pub fn same_text_str(a: &str, b: &str) -> bool {
    same_text(&hashed(a), &hashed(b))
}

/// Words of `a` and `b` in their longest common word subsequence, and
/// their word counts (folded as for [`same_text`]).
pub fn overlap_str(a: &str, b: &str) -> (usize, usize, usize) {
    let (a, b) = (hashed(a), hashed(b));
    (lcs_len(&a, &b), a.len(), b.len())
}

/// How `other` differs from `common`, in plain words.
pub fn describe_rewrite(common: &str, other: &str) -> String {
    let a = words(common);
    let b = words(other);
    let an: Vec<String> = a.iter().map(|(n, _)| n.clone()).collect();
    let bn: Vec<String> = b.iter().map(|(n, _)| n.clone()).collect();
    let (in_a, in_b) = lcs_marks(&an, &bn);
    let kept = in_a.iter().filter(|&&m| m).count();
    // Walk both: between matched words, a gap on both sides is a
    // replacement, on one side an addition or an omission.
    let mut changes: Vec<String> = Vec::new();
    let (mut i, mut j) = (0, 0);
    let phrase = |ws: &[(String, &str)]| {
        let joined: Vec<&str> = ws.iter().map(|(_, w)| *w).collect();
        let text = joined.join(" ");
        let text = text.trim_matches(|c: char| !c.is_alphanumeric());
        shorten(text, 50)
    };
    loop {
        let gi = (i..a.len()).find(|&k| in_a[k]).unwrap_or(a.len());
        let gj = (j..b.len()).find(|&k| in_b[k]).unwrap_or(b.len());
        let (ga, gb) = (&a[i..gi], &b[j..gj]);
        match (ga.is_empty(), gb.is_empty()) {
            (false, false) => changes.push(format!("“{}” for “{}”", phrase(gb), phrase(ga))),
            (true, false) => changes.push(format!("adds “{}”", phrase(gb))),
            (false, true) => changes.push(format!("leaves out “{}”", phrase(ga))),
            (true, true) => {}
        }
        if gi >= a.len() && gj >= b.len() {
            break;
        }
        i = gi + 1;
        j = gj + 1;
    }
    let head = format!("keeps {kept} of {} words of the common text", a.len());
    if changes.is_empty() {
        return "the same words, punctuated differently".to_string();
    }
    if changes.len() > MAX_CHANGES || kept * 2 < a.len() {
        return format!("its own wording ({head})");
    }
    format!("{head}; {}", changes.join("; "))
}

/// Groups of same-text claims of one fact: indices into `fact.claims`,
/// each group in claim order.
fn groups(fact: &FactView) -> Vec<Vec<usize>> {
    let folded: Vec<(Vec<u64>, Vec<u64>)> = fact
        .claims
        .iter()
        .take(MAX_COMPARED)
        .map(|c| {
            let words = hashed(&c.text);
            let sorted = sorted(&words);
            (words, sorted)
        })
        .collect();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (k, w) in folded.iter().enumerate() {
        // Every group this sentence is the same text as becomes one.
        let matching: Vec<usize> = (0..groups.len())
            .filter(|&g| {
                groups[g].iter().take(GROUP_PROBES).any(|&m| {
                    let (a, sa) = &folded[m];
                    a == &w.0 || same_text_bounded(a, sa, &w.0, &w.1)
                })
            })
            .collect();
        match matching.split_first() {
            None => groups.push(vec![k]),
            Some((&first, rest)) => {
                for &g in rest.iter().rev() {
                    let moved = groups.remove(g);
                    groups[first].extend(moved);
                }
                groups[first].push(k);
                crate::model::sort(&mut groups[first]);
            }
        }
    }
    groups
}

// Built by inserting, not `collect`: a B-tree's `FromIterator` sorts with
// the standard library's sort, kilobytes of wasm per key type (see
// `model::sort_by`).
fn articles_of(fact: &FactView, group: &[usize]) -> BTreeSet<usize> {
    let mut out = BTreeSet::new();
    out.extend(group.iter().map(|&k| fact.claims[k].article));
    out
}

/// Distinct outlets of `claims`, in order.
fn outlets(fact: &FactView, claims: impl Iterator<Item = usize>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for k in claims {
        let outlet = &fact.claims[k].outlet;
        if !out.contains(outlet) {
            out.push(outlet.clone());
        }
    }
    out
}

/// The fact's wire view, when two or more articles carry the same text.
fn fact_wire(fact: &FactView, groups: &[Vec<usize>]) -> Option<WireView> {
    let main = groups
        .iter()
        .filter(|g| articles_of(fact, g).len() >= 2)
        .max_by_key(|g| (articles_of(fact, g).len(), std::cmp::Reverse(g[0])))?;
    let same = outlets(fact, main.iter().copied());
    let common = &fact.claims[main[0]].text;
    let others: Vec<usize> = (0..fact.claims.len().min(MAX_COMPARED))
        .filter(|k| !main.contains(k))
        .collect();
    let common_words = hashed(common);
    let edited: Vec<RewriteView> = main[1..]
        .iter()
        .map(|&k| &fact.claims[k])
        .filter(|c| c.text != *common && hashed(&c.text) != common_words)
        .take(MAX_DESCRIBED)
        .map(|c| RewriteView {
            outlet: c.outlet.clone(),
            detail: describe_rewrite(common, &c.text),
        })
        .collect();
    let mut rewrote: Vec<RewriteView> = Vec::new();
    for outlet in outlets(fact, others.iter().copied()) {
        if same.contains(&outlet) {
            continue;
        }
        let Some(&k) = others.iter().find(|&&k| fact.claims[k].outlet == outlet) else {
            continue;
        };
        let detail = if rewrote.len() < MAX_DESCRIBED {
            describe_rewrite(common, &fact.claims[k].text)
        } else {
            format!("not compared word by word (more than {MAX_DESCRIBED} outlets)")
        };
        rewrote.push(RewriteView { detail, outlet });
    }
    let count = |n: usize| {
        if n == 1 {
            "1 outlet carries".to_string()
        } else {
            format!("{n} outlets carry")
        }
    };
    let mut note = format!("{} the same text ({})", count(same.len()), same.join(", "));
    if !rewrote.is_empty() {
        let names: Vec<&str> = rewrote.iter().map(|r| r.outlet.as_str()).collect();
        note.push_str(&format!(
            "; {} rewrote it ({})",
            rewrote.len(),
            names.join(", ")
        ));
    }
    Some(WireView {
        tag: format!("same text ×{}", same.len()),
        same,
        common: common.clone(),
        edited,
        rewrote,
        note,
    })
}

/// Gives every fact its [`WireView`] and works out the story's wire groups.
/// `articles` are the story's articles (their sentence counts are their
/// claim counts).
pub fn build_wire(facts: &mut [FactView], articles: &[ArticleView]) -> WireStoryView {
    let groups: Vec<Vec<Vec<usize>>> = facts.iter().map(groups).collect();
    // How many same-text groups each sentence (article, sentence) sits in:
    // only a sentence in two facts can meet the same article twice.
    let mut seen: HashMap<(usize, usize), u32> = HashMap::default();
    for (fact, groups) in facts.iter().zip(&groups) {
        for &k in groups.iter().filter(|g| g.len() >= 2).flatten() {
            let c = &fact.claims[k];
            *seen.entry((c.article, c.sentence)).or_default() += 1;
        }
    }
    // Per (article, other article): sentences of `article` that are the same
    // text as one of `other`.
    let mut counts: HashMap<(usize, usize), usize> = HashMap::default();
    let mut repeated: HashSet<(usize, usize, usize)> = HashSet::default();
    for (fact, groups) in facts.iter_mut().zip(&groups) {
        for group in groups.iter().filter(|g| g.len() >= 2) {
            for &x in group {
                let cx = &fact.claims[x];
                let once = seen.get(&(cx.article, cx.sentence)) == Some(&1);
                for &y in group {
                    let cy = &fact.claims[y];
                    if cx.article != cy.article
                        && (once || repeated.insert((cx.article, cx.sentence, cy.article)))
                    {
                        *counts.entry((cx.article, cy.article)).or_default() += 1;
                    }
                }
            }
        }
        fact.wire = fact_wire(fact, groups);
    }
    let mut sorted_counts: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    sorted_counts.extend(counts);
    let counts = sorted_counts;
    // Links between articles, and union-find over them.
    let mut parent: Vec<usize> = (0..articles.len()).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for (&(a, b), &n) in &counts {
        let Some(total) = articles.get(a).map(|x| x.sentence_count) else {
            continue;
        };
        if b >= articles.len() || total == 0 || n * 100 < WIRE_SHARE_PERCENT * total {
            continue;
        }
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        parent[ra.max(rb)] = ra.min(rb);
    }
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for a in 0..articles.len() {
        let r = root(&mut parent, a);
        members.entry(r).or_default().push(a);
    }
    let mut view = WireStoryView::default();
    for group in members.values().filter(|g| g.len() >= 2) {
        let mut names: Vec<String> = Vec::new();
        for &a in group {
            if !names.contains(&articles[a].outlet) {
                names.push(articles[a].outlet.clone());
            }
        }
        if names.len() < 2 {
            continue;
        }
        view.lines.push(format!(
            "Outlets that carry the same wire text: {}.",
            names.join(", ")
        ));
        view.groups.push(names);
        for &a in group {
            let partner = group
                .iter()
                .filter(|&&b| b != a)
                .map(|&b| (counts.get(&(a, b)).copied().unwrap_or(0), b))
                .max_by_key(|&(n, b)| (n, std::cmp::Reverse(b)));
            if let Some((n, b)) = partner {
                view.notes.push((
                    articles[a].outlet.clone(),
                    format!(
                        "{n} of {} sentences are the same text as {}’s",
                        articles[a].sentence_count, articles[b].outlet
                    ),
                ));
            }
        }
    }
    view
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        /// The byte-at-a-time hash of an ASCII word is the char-at-a-time
        /// one (its ASCII letters are a non-ASCII word's, hashed alike).
        #[test]
        fn ascii_words_hash_as_any_words(word in "[a-zA-Z0-9.,'-]{1,12}") {
            let (ascii, any) = (super::hashed(&word), super::hashed(&format!("{word}é")));
            // Going on from the ASCII word's hash with "é" gives the hash the
            // char-by-char path made of the whole word.
            let mut hash = ascii.first().copied().unwrap_or(0xcbf2_9ce4_8422_2325);
            for b in "é".bytes() {
                hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
            }
            proptest::prop_assert_eq!(any, vec![hash]);
            proptest::prop_assert_eq!(ascii.len(), usize::from(word.bytes().any(|b| b.is_ascii_alphanumeric())));
        }
    }

    use super::*;

    #[test]
    fn rewrites_are_described_against_the_common_text() {
        assert_eq!(
            describe_rewrite(
                "The dairy was sold for $4.2 billion on Monday, the company said.",
                "The dairy was sold for $4.2bn on Monday, the company said."
            ),
            "keeps 10 of 12 words of the common text; “4.2bn” for “4.2 billion”"
        );
        assert_eq!(
            describe_rewrite("One two three four.", "One two “three” four!"),
            "the same words, punctuated differently"
        );
    }
}
