//! The facts view-model: the coverage matrix (facts as rows, articles as
//! columns), each fact's detail (every outlet's sentence with a word-level
//! diff, typed differences in plain words, certainty, attribution, the
//! evidence for the match) and what each outlet omits.

use crate::align::{Coverage, DifferenceKind, Fact, StoryAlignment};
use crate::extract::{Analysis, Certainty, EntityKind, QuoteKind};
use crate::model::HashMap;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

use super::links::{link_quote, text_fragment_url};
use super::{Source, shorten};

/// What kinds of items a fact's claims carry, for the item-kind filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum FactItem {
    Quote,
    Number,
    Date,
    /// People and organisations.
    People,
}

impl FactItem {
    pub const ALL: [FactItem; 4] = [
        FactItem::Quote,
        FactItem::Number,
        FactItem::Date,
        FactItem::People,
    ];

    /// Stable machine name, as in links.
    pub fn name(self) -> &'static str {
        match self {
            FactItem::Quote => "quote",
            FactItem::Number => "number",
            FactItem::Date => "date",
            FactItem::People => "people",
        }
    }

    /// For people: "quotes".
    pub fn label(self) -> &'static str {
        match self {
            FactItem::Quote => "quotes",
            FactItem::Number => "numbers",
            FactItem::Date => "dates",
            FactItem::People => "people and organisations",
        }
    }

    pub fn from_name(name: &str) -> Option<FactItem> {
        FactItem::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// One fact: a row of the matrix and the whole of the fact view.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactView {
    pub id: String,
    /// 1-based position in reading order.
    pub number: usize,
    pub label: String,
    pub coverage: Coverage,
    /// For people: "All 2 outlets", "Only Silicon Republic", "2 of 3 outlets".
    pub coverage_label: String,
    /// The fact's claims, in article order (the matrix's cells are made
    /// from them: [`FactView::cells`]).
    pub claims: Vec<FactClaimView>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub differences: Vec<DifferenceView>,
    /// The distinct kinds of difference: the substantive ones first (see
    /// [`DifferenceKind::is_substantive`]), each group in
    /// [`DifferenceKind::ALL`] order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub difference_kinds: Vec<DifferenceKind>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<FactItem>,
    pub evidence: EvidenceView,
    /// Story-wide keys of the entities the claims mention.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<String>,
    /// Which outlets carry the same text and who rewrote it (see
    /// [`super::wire`]); `None` unless two articles carry the same text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wire: Option<WireView>,
    /// The search text, made on the first search ([`FactView::search_text`]).
    #[serde(skip)]
    search: SearchText,
}

/// How the search lowercases text: natively `str::to_lowercase`; the page
/// passes the browser's `toLowerCase` (the same Unicode case mapping), so
/// that Unicode's case tables stay out of its first download.
pub type Lowercase = fn(&str) -> String;

/// A fact's search text once made: not sent (it repeats the claims), and
/// not part of the fact's value (equal facts may have made it or not).
#[derive(Clone, Debug, Default)]
struct SearchText(std::sync::OnceLock<String>);

impl PartialEq for SearchText {
    fn eq(&self, _: &SearchText) -> bool {
        true
    }
}

impl Eq for SearchText {}

/// How many characters of its sentence a matrix cell shows.
pub const CELL_CHARS: usize = 110;

impl FactView {
    /// One cell per article of a story of `articles` articles, `None` where
    /// the fact has no claim of it (the first claim of an article, should
    /// there be two).
    pub fn cells(&self, articles: usize) -> Vec<Option<CellView>> {
        let mut cells: Vec<Option<CellView>> = vec![None; articles];
        for claim in &self.claims {
            if let Some(slot) = cells.get_mut(claim.article)
                && slot.is_none()
            {
                *slot = Some(CellView {
                    article: claim.article,
                    claim_id: claim.claim_id.clone(),
                    sentence: claim.sentence,
                    short: shorten(&claim.text, CELL_CHARS),
                    certainty: claim.certainty,
                });
            }
        }
        cells
    }

    /// Lowercase text the search box matches: label, claims, outlets. Made
    /// on first use (by `lower`) and kept.
    pub fn search_text(&self, lower: Lowercase) -> &str {
        self.search.0.get_or_init(|| {
            let mut search_text = self.label.clone();
            for claim in &self.claims {
                search_text.push('\n');
                search_text.push_str(&claim.text);
                search_text.push('\n');
                search_text.push_str(&claim.outlet);
            }
            lower(&search_text)
        })
    }
}

/// A matrix cell: one article's short wording of a fact ([`FactView::cells`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellView {
    pub article: usize,
    pub claim_id: String,
    /// 1-based sentence number in the article.
    pub sentence: usize,
    /// The claim, shortened at a word.
    pub short: String,
    pub certainty: Certainty,
}

/// One outlet's sentence for a fact, with everything the fact view says about it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
///
/// The article's id and outlet and the sentence's text repeat what
/// [`super::StoryView::articles`] has: they are not sent, and a view-model
/// read from JSON fills them in from its articles.
pub struct FactClaimView {
    pub article: usize,
    #[serde(default, skip_serializing)]
    pub article_id: String,
    #[serde(default, skip_serializing)]
    pub outlet: String,
    pub claim_id: String,
    /// 1-based sentence number in the article.
    pub sentence: usize,
    /// The sentence's text.
    #[serde(default, skip_serializing)]
    pub text: String,
    /// Byte ranges of `text` the other sentence(s) do not have, in order
    /// and apart ([`FactClaimView::diff`] cuts the text at them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changed: Vec<(u32, u32)>,
    pub certainty: Certainty,
    /// For people: "hedged (“likely”)".
    pub certainty_label: String,
    /// For people: "attributed to US officials", "in the outlet's own voice".
    #[serde(default = "own_voice", skip_serializing_if = "is_own_voice")]
    pub attribution: String,
    /// The outlet's page with a text fragment, when the manifest has a URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
}

impl FactClaimView {
    /// The text cut into pieces; concatenated they are exactly `text`.
    /// A piece is `changed` when the other sentence(s) do not have the word.
    pub fn diff(&self) -> Vec<DiffPiece> {
        let mut out = Vec::new();
        let mut push = |from: usize, to: usize, changed: bool| {
            if let Some(text) = self.text.get(from..to)
                && !text.is_empty()
            {
                out.push(DiffPiece {
                    text: text.to_string(),
                    changed,
                });
            }
        };
        let mut at = 0;
        for &(start, end) in &self.changed {
            let (start, end) = (start as usize, end as usize);
            push(at, start, false);
            push(start, end, true);
            at = end;
        }
        push(at, self.text.len(), false);
        out
    }

    /// A short exact quote of the claim for links that must re-anchor.
    pub fn quote(&self) -> String {
        link_quote(&self.text)
    }
}

/// A piece of a sentence in the word diff.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffPiece {
    pub text: String,
    pub changed: bool,
}

/// A typed difference, in plain words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DifferenceView {
    pub kind: DifferenceKind,
    pub detail: String,
}

impl DifferenceView {
    /// The outlets tell different things (number, name, date, certainty,
    /// source), not merely word them differently (spelling, quote wording,
    /// more or less detail): shown first.
    pub fn substantive(&self) -> bool {
        self.kind.is_substantive()
    }
}

/// Why the claims were matched.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceView {
    /// The weakest accepted link's score, in thousandths.
    pub score: u16,
    pub links: Vec<LinkView>,
}

/// One accepted pair of claims and what they share.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkView {
    pub a_outlet: String,
    pub b_outlet: String,
    pub score: u16,
    pub shared: Vec<SharedView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedView {
    /// "entity", "word", "number", "date".
    pub kind: Cow<'static, str>,
    pub a: String,
    pub b: String,
    /// Share of the link's score, in thousandths.
    pub weight: u16,
}

/// A fact's same-text group and its rewrites.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WireView {
    /// Outlets whose sentences are the same text, in article order.
    pub same: Vec<String>,
    /// The common text (the group's first sentence).
    pub common: String,
    /// Outlets of the same text whose copy is edited (a clause dropped, a
    /// word changed), each with how (the first [`super::wire::MAX_DESCRIBED`]).
    pub edited: Vec<RewriteView>,
    /// The other outlets, each with how its wording differs.
    pub rewrote: Vec<RewriteView>,
    /// For people: "3 outlets carry the same text (A, B, C); 1 rewrote it (D)".
    pub note: String,
    /// For the matrix: "same text ×3".
    pub tag: String,
}

/// One outlet's wording against the common text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RewriteView {
    pub outlet: String,
    /// For people: "keeps 9 of 20 words of the common text; “bn” for “billion”".
    pub detail: String,
}

/// What one outlet leaves out that others carry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OmissionView {
    pub outlet: String,
    /// Indices into [`super::StoryView::facts`].
    pub facts: Vec<usize>,
}

/// Thousandths as a two-decimal score: 673 → "0.67".
pub fn score_text(thousandths: u16) -> String {
    let hundredths = (u32::from(thousandths) + 5) / 10;
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

/// For people: "stated as fact", "hedged".
pub fn certainty_name(certainty: Certainty) -> &'static str {
    match certainty {
        Certainty::Asserted => "stated as fact",
        Certainty::Attributed => "attributed",
        Certainty::Hedged => "hedged",
        Certainty::Disputed => "disputed",
    }
}

/// A CSS-safe name: "asserted", "attributed", "hedged", "disputed".
pub fn certainty_class(certainty: Certainty) -> &'static str {
    match certainty {
        Certainty::Asserted => "asserted",
        Certainty::Attributed => "attributed",
        Certainty::Hedged => "hedged",
        Certainty::Disputed => "disputed",
    }
}

pub(super) fn build_facts(source: &Source, alignment: &StoryAlignment) -> Vec<FactView> {
    let outlets_total = alignment.outlets.len();
    alignment
        .facts
        .iter()
        .enumerate()
        .map(|(index, fact)| build_fact(source, fact, index + 1, outlets_total))
        .collect()
}

fn build_fact(source: &Source, fact: &Fact, number: usize, outlets_total: usize) -> FactView {
    let mut claims = Vec::new();
    let mut items = Vec::new();
    let mut entities: Vec<String> = Vec::new();
    let texts: Vec<&str> = fact
        .claims
        .iter()
        .filter_map(|c| source.claim_text(c.article, c.claim))
        .collect();
    let diffs = changed_words(&texts);
    for (position, c) in fact.claims.iter().enumerate() {
        let Some(article) = source.articles.get(c.article) else {
            continue;
        };
        let analysis = &article.analysis;
        let Some(claim) = analysis.claims.get(c.claim) else {
            continue;
        };
        let text = claim.span.text(&article.text);
        collect_items(analysis, claim, &mut items, &mut entities);
        let cues: Vec<String> = claim
            .cues
            .iter()
            .map(|cue| format!("“{}”", cue.span.text(&article.text)))
            .collect();
        let certainty_label = if cues.is_empty() {
            certainty_name(claim.certainty).to_string()
        } else {
            format!("{} ({})", certainty_name(claim.certainty), cues.join(", "))
        };
        claims.push(FactClaimView {
            article: c.article,
            article_id: article.id.clone(),
            outlet: article.outlet.clone(),
            claim_id: claim.id.clone(),
            sentence: c.claim + 1,
            text: text.to_string(),
            changed: diffs.get(position).cloned().unwrap_or_default(),
            certainty: claim.certainty,
            certainty_label,
            attribution: attribution_text(&article.text, analysis, claim),
            source_url: article
                .url
                .as_deref()
                .map(|url| text_fragment_url(url, text)),
        });
    }
    crate::model::sort(&mut items);
    items.dedup();
    let mut difference_kinds: Vec<DifferenceKind> =
        fact.differences.iter().map(|d| d.kind).collect();
    crate::model::sort_by_key(&mut difference_kinds, |k| (!k.is_substantive(), *k));
    difference_kinds.dedup();
    let outlet_of = |article: usize| {
        source
            .articles
            .get(article)
            .map(|a| a.outlet.clone())
            .unwrap_or_default()
    };
    let evidence = EvidenceView {
        score: fact.evidence.score,
        links: fact
            .evidence
            .links
            .iter()
            .map(|link| LinkView {
                a_outlet: outlet_of(link.a.article),
                b_outlet: outlet_of(link.b.article),
                score: link.score,
                shared: link
                    .shared
                    .iter()
                    .map(|s| SharedView {
                        kind: s.kind.name().into(),
                        a: s.a.clone(),
                        b: s.b.clone(),
                        weight: s.weight,
                    })
                    .collect(),
            })
            .collect(),
    };
    let coverage_label = match fact.coverage {
        Coverage::All => format!("All {outlets_total} outlets"),
        Coverage::One => format!("Only {}", fact.outlets.join(", ")),
        Coverage::Some => format!("{} of {outlets_total} outlets", fact.outlets.len()),
    };
    FactView {
        id: fact.id.clone(),
        number,
        label: fact.label.clone(),
        coverage: fact.coverage,
        coverage_label,
        claims,
        differences: {
            // Substantive differences first, wording after; otherwise as found.
            let mut views: Vec<DifferenceView> = fact
                .differences
                .iter()
                .map(|d| DifferenceView {
                    kind: d.kind,
                    detail: d.detail.clone(),
                })
                .collect();
            crate::model::sort_by_key(&mut views, |d| !d.substantive());
            views
        },
        difference_kinds,
        items,
        evidence,
        entities,
        wire: None,
        search: SearchText::default(),
    }
}

fn collect_items(
    analysis: &Analysis,
    claim: &crate::extract::Claim,
    items: &mut Vec<FactItem>,
    entities: &mut Vec<String>,
) {
    if claim
        .quotes
        .iter()
        .filter_map(|&q| analysis.quotes.get(q))
        .any(|q| q.kind == QuoteKind::Direct)
    {
        items.push(FactItem::Quote);
    }
    if !claim.quantities.is_empty() {
        items.push(FactItem::Number);
    }
    if !claim.times.is_empty() {
        items.push(FactItem::Date);
    }
    for entity in claim
        .entities
        .iter()
        .filter_map(|&e| analysis.entities.get(e))
    {
        if matches!(entity.kind, EntityKind::Person | EntityKind::Organisation) {
            items.push(FactItem::People);
        }
        if !entities.contains(&entity.key) {
            entities.push(entity.key.clone());
        }
    }
}

/// A claim in the outlet's own voice, for people.
pub const OWN_VOICE: &str = "in the outlet's own voice";

fn own_voice() -> String {
    OWN_VOICE.to_string()
}

fn is_own_voice(attribution: &str) -> bool {
    attribution == OWN_VOICE
}

/// Who a claim is attributed to, in plain words.
pub(super) fn attribution_text(
    text: &str,
    analysis: &Analysis,
    claim: &crate::extract::Claim,
) -> String {
    if let Some(source) = claim.source {
        return format!(
            "attributed to {}",
            source
                .text(text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        );
    }
    let anonymous = claim
        .attributions
        .iter()
        .filter_map(|&a| analysis.attributions.get(a))
        .any(|a| a.anonymous);
    if anonymous {
        "attributed to an unnamed source".to_string()
    } else {
        own_voice()
    }
}

/// A word's comparable form: lowercase, letters and digits only.
pub(super) fn normal(word: &str) -> String {
    let mut out = String::new();
    normal_into(word, &mut out);
    out
}

/// [`normal`] into `out` (cleared first).
fn normal_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.extend(
            word.bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
    } else {
        out.extend(
            word.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase),
        );
    }
}

/// Words (runs of non-space) with their byte ranges.
pub(super) fn tokens(text: &str) -> Vec<(usize, usize)> {
    if text.is_ascii() {
        // A byte at a time: `char::is_whitespace` on ASCII is these six.
        let spaces = text
            .bytes()
            .enumerate()
            .map(|(i, b)| (i, matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')));
        return runs(spaces, text.len());
    }
    tokens_of_any(text)
}

/// [`tokens`] for any text (char by char).
fn tokens_of_any(text: &str) -> Vec<(usize, usize)> {
    runs(
        text.char_indices().map(|(i, c)| (i, c.is_whitespace())),
        text.len(),
    )
}

/// The byte ranges of the runs of non-space in a text of `len` bytes,
/// from its characters' offsets and whether each is a space.
fn runs(spaces: impl Iterator<Item = (usize, bool)>, len: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, space) in spaces.chain(std::iter::once((len, true))) {
        match (space, start) {
            (true, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    out
}

/// Longest longest-common-subsequence words sentences are compared over.
const DIFF_WORDS: usize = 300;

/// Which words of `a` and `b` are in their longest common subsequence.
/// A common head is matched word for word first, as the walk through the
/// table would match it, so the table covers only the rest.
pub(super) fn lcs_marks<T: PartialEq>(a: &[T], b: &[T]) -> (Vec<bool>, Vec<bool>) {
    let (mut in_a, mut in_b) = (vec![false; a.len()], vec![false; b.len()]);
    let (a_all, b_all) = (&a[..a.len().min(DIFF_WORDS)], &b[..b.len().min(DIFF_WORDS)]);
    let head = a_all.iter().zip(b_all).take_while(|(x, y)| x == y).count();
    in_a[..head].fill(true);
    in_b[..head].fill(true);
    let (a, b) = (&a_all[head..], &b_all[head..]);
    let (n, m) = (a.len(), b.len());
    let mut table = vec![0u16; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[at(i, j)] = if a[i] == b[j] {
                table[at(i + 1, j + 1)] + 1
            } else {
                table[at(i + 1, j)].max(table[at(i, j + 1)])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a[i] == b[j] {
            in_a[head + i] = true;
            in_b[head + j] = true;
            i += 1;
            j += 1;
        } else if table[at(i + 1, j)] >= table[at(i, j + 1)] {
            i += 1;
        } else {
            j += 1;
        }
    }
    (in_a, in_b)
}

/// Word-level diff of a fact's sentences: each later sentence against the
/// first; a word of the first is changed when some other sentence lacks it.
///
/// Words are compared as numbers (each distinct folded word of the fact
/// numbered once), and a wording met before (wire copy) reuses its result:
/// linear in the fact's sentences.
pub fn word_diff(texts: &[&str]) -> Vec<Vec<DiffPiece>> {
    texts
        .iter()
        .zip(changed_words(texts))
        .map(|(text, changed)| {
            let mut at = 0;
            let mut out = Vec::new();
            for (start, end) in changed {
                let (start, end) = (start as usize, end as usize);
                if at < start {
                    out.push(DiffPiece {
                        text: text[at..start].to_string(),
                        changed: false,
                    });
                }
                out.push(DiffPiece {
                    text: text[start..end].to_string(),
                    changed: true,
                });
                at = end;
            }
            if at < text.len() {
                out.push(DiffPiece {
                    text: text[at..].to_string(),
                    changed: false,
                });
            }
            out
        })
        .collect()
}

/// [`word_diff`] as the byte ranges of each text's changed pieces.
fn changed_words(texts: &[&str]) -> Vec<Vec<(u32, u32)>> {
    let toks: Vec<Vec<(usize, usize)>> = texts.iter().map(|t| tokens(t)).collect();
    let mut numbers: HashMap<String, u32> = HashMap::default();
    let mut word = String::new();
    let mut short: Vec<Vec<bool>> = Vec::with_capacity(texts.len());
    let words: Vec<Vec<u32>> = texts
        .iter()
        .zip(&toks)
        .map(|(t, ts)| {
            let mut lengths = Vec::with_capacity(ts.len());
            let ids = ts
                .iter()
                .map(|&(s, e)| {
                    normal_into(&t[s..e], &mut word);
                    lengths.push(word.chars().count() <= 3);
                    match numbers.get(word.as_str()) {
                        Some(&n) => n,
                        None => {
                            let n = numbers.len() as u32;
                            numbers.insert(word.clone(), n);
                            n
                        }
                    }
                })
                .collect();
            short.push(lengths);
            ids
        })
        .collect();
    let mut kept: Vec<Vec<bool>> = words.iter().map(|w| vec![true; w.len()]).collect();
    if texts.len() > 1 {
        let mut seen: HashMap<&[u32], (Vec<bool>, Vec<bool>)> = HashMap::default();
        for other in 1..texts.len() {
            let (in_first, in_other) = seen
                .entry(words[other].as_slice())
                .or_insert_with(|| lcs_marks(&words[0], &words[other]));
            for (k, keep) in kept[0].iter_mut().zip(in_first.iter()) {
                *k &= *keep;
            }
            kept[other] = in_other.clone();
        }
    }
    // A short word (the, of, to) alone between changed words is part of the
    // change: the diff shows phrases, not confetti.
    for (kept, short) in kept.iter_mut().zip(&short) {
        let before = kept.clone();
        for i in 1..kept.len().saturating_sub(1) {
            if before[i] && !before[i - 1] && !before[i + 1] && short[i] {
                kept[i] = false;
            }
        }
    }
    toks.iter()
        .zip(&kept)
        .map(|(toks, kept)| changed_ranges(toks, kept))
        .collect()
}

/// The byte ranges of the changed runs of `text`: a run of changed words
/// with the space between them (a piece of [`word_diff`]).
fn changed_ranges(toks: &[(usize, usize)], kept: &[bool]) -> Vec<(u32, u32)> {
    let mut out: Vec<(u32, u32)> = Vec::new();
    for (index, &(start, end)) in toks.iter().enumerate() {
        if kept.get(index).copied().unwrap_or(true) || start >= end {
            continue;
        }
        // Space between two changed words belongs to the changed run.
        let joins = index > 0 && !kept.get(index - 1).copied().unwrap_or(true);
        match out.last_mut() {
            Some(last) if joins || last.1 as usize == start => last.1 = end as u32,
            _ => out.push((start as u32, end as u32)),
        }
    }
    out
}

/// Facts other outlets carry and each outlet does not (as
/// [`StoryAlignment::omitted_by`], in one pass over the facts' outlets).
pub(super) fn build_omissions(alignment: &StoryAlignment) -> Vec<OmissionView> {
    let mut names: HashMap<&str, usize> = HashMap::default();
    for outlet in &alignment.outlets {
        let next = names.len();
        names.entry(outlet.as_str()).or_insert(next);
    }
    // Per distinct outlet, the facts it carries, ascending.
    let mut carried: Vec<Vec<usize>> = vec![Vec::new(); names.len()];
    for (f, fact) in alignment.facts.iter().enumerate() {
        for outlet in &fact.outlets {
            if let Some(&n) = names.get(outlet.as_str())
                && carried[n].last() != Some(&f)
            {
                carried[n].push(f);
            }
        }
    }
    alignment
        .outlets
        .iter()
        .map(|outlet| {
            let own = names
                .get(outlet.as_str())
                .map_or(&[][..], |&n| carried[n].as_slice());
            let mut own = own.iter().peekable();
            let facts = (0..alignment.facts.len())
                .filter(|&f| {
                    if own.peek() == Some(&&f) {
                        own.next();
                        false
                    } else {
                        true
                    }
                })
                .collect();
            OmissionView {
                outlet: outlet.clone(),
                facts,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        #[test]
        fn tokens_of_ascii_are_those_of_any_text(text in "[ a-z\t\n\r\x0b\x0c.,A-Z0-9]{0,60}") {
            proptest::prop_assert_eq!(super::tokens(&text), super::tokens_of_any(&text));
        }
    }

    use super::*;

    fn render(pieces: &[DiffPiece]) -> String {
        pieces
            .iter()
            .map(|p| {
                if p.changed {
                    format!("[{}]", p.text)
                } else {
                    p.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn word_diff_marks_words_the_other_lacks() {
        let diff = word_diff(&[
            "Four chains pulled the film.",
            "Five big chains pulled the film!",
        ]);
        assert_eq!(render(&diff[0]), "[Four] chains pulled the film.");
        assert_eq!(render(&diff[1]), "[Five big] chains pulled the film!");
        let single = word_diff(&["Alone here."]);
        assert_eq!(render(&single[0]), "Alone here.");
    }

    #[test]
    fn scores_read_as_decimals() {
        assert_eq!(score_text(673), "0.67");
        assert_eq!(score_text(1000), "1.00");
        assert_eq!(score_text(96), "0.10");
        assert_eq!(score_text(0), "0.00");
    }
}
