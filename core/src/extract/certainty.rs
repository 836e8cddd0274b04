//! Certainty: how firmly a sentence (or clause) states what it states.
//!
//! [`assess`] finds the cue words in a span and returns the strongest
//! certainty they call for, in the order asserted < attributed < hedged <
//! disputed:
//! - hedged: "likely", "may have", "could", "apparently", "purported",
//!   "said to have", "described as", "at the very least", ", if not …",
//!   "to some extent", "claimed", "suggests", "points to", a forecast
//!   ("expected to"), a claim on a condition ("if …, it would …") …;
//! - disputed: "denied", "has yet to", evidence called "flimsy", a contrary
//!   view ("although X argues");
//! - attributed: an [`Attribution`] whose cue lies in the span, or whose
//!   attributed words overlap it;
//! - asserted: none of these.

use crate::extract::Sentence;
use crate::extract::attribution::{self, Attribution};
use crate::extract::speech::{self, SentenceCues, Tokens};
use crate::extract::text::WordTable;
use crate::model::{Span, key, sort_by_numbers};

/// How firmly a claim is made. Ordered: a stronger qualification wins.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Certainty {
    /// Stated as fact, in the outlet's own voice.
    Asserted,
    /// Attributed to a source, without a hedge.
    Attributed,
    /// Qualified: likely, may, apparently, said to …
    Hedged,
    /// Denied, contested or not yet confirmed.
    Disputed,
}

/// One word or phrase that decided a certainty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CertaintyCue {
    pub span: Span,
    pub certainty: Certainty,
    pub rule: &'static str,
}

/// A cue phrase: lowercase words matched token by token.
struct Phrase {
    words: &'static [&'static str],
    certainty: Certainty,
    rule: &'static str,
}

const MODAL: &str = "a modal verb of possibility (may, might, could)";
const PROBABILITY: &str = "a word of probability (likely, probably, perhaps)";
const DISTANCING: &str = "a distancing word (purported, apparently, claimed, reportedly)";
const UNSOURCED: &str = "reported without a source (said to have, believed to)";
const SECOND_HAND: &str = "a characterisation at second hand (described as)";
const BELIEF: &str = "a belief, not a finding (believe, think, suspect)";
const QUALIFIER: &str =
    "a qualifier that leaves the extent open (at the very least, if not, to some extent, arguably)";
const DENIAL: &str = "a denial or dispute (denied, disputed, rejected)";
const DOUBT: &str = "doubt about the evidence (flimsy, no evidence)";
const NOT_YET: &str = "not yet confirmed (has yet to)";
const CONTRARY: &str = "a contrary view (although … argues)";
const EVIDENCE: &str = "a reading of evidence, not a finding (suggests, points to, indicates)";
const CONDITION: &str = "stated on a condition (if …, it would …)";
const FORECAST: &str = "a forecast, not a fact (expected to, forecast to)";

macro_rules! phrases {
    ($certainty:ident, $rule:ident: $([$($word:literal),+]),+ $(,)?) => {
        &[$(Phrase { words: &[$($word),+], certainty: Certainty::$certainty, rule: $rule }),+]
    };
}

const HEDGES: &[&[Phrase]] = &[
    phrases!(Hedged, MODAL:
        ["may"], ["may", "have"], ["might"], ["might", "have"], ["could"], ["could", "have"]),
    phrases!(Hedged, PROBABILITY:
        ["likely"], ["unlikely"], ["probably"], ["possibly"], ["perhaps"], ["presumably"]),
    phrases!(Hedged, DISTANCING:
        ["purported"], ["purportedly"], ["seemingly"], ["apparently"], ["alleged"],
        ["allegedly"], ["reportedly"], ["supposedly"], ["claimed"], ["rumoured"],
        ["rumored"], ["rumours"], ["rumors"], ["unconfirmed"], ["suspected"]),
    phrases!(Hedged, UNSOURCED:
        ["said", "to", "have"], ["said", "to", "be"], ["believed", "to"], ["thought", "to"],
        ["understood", "to"], ["appears", "to"], ["appeared", "to"], ["seems", "to"],
        ["seemed", "to"]),
    phrases!(Hedged, SECOND_HAND: ["described", "as"]),
    phrases!(Hedged, FORECAST:
        ["expected", "to"], ["forecast", "to"], ["projected", "to"], ["predicted", "to"]),
    phrases!(Hedged, EVIDENCE:
        ["suggest"], ["suggests"], ["point", "to"], ["points", "to"], ["pointed", "to"],
        ["indicate"], ["indicates"]),
    phrases!(Hedged, BELIEF:
        ["believe"], ["believes"], ["think"], ["thinks"], ["suspect"], ["suspects"]),
    // "if not" only as an aside (", if not …"): see `lexical_cues`.
    phrases!(Hedged, QUALIFIER:
        ["at", "the", "very", "least"], ["at", "the", "least"], ["if", "not"], ["arguably"],
        ["ostensibly"], ["to", "some", "extent"], ["to", "some", "degree"],
        ["to", "a", "degree"]),
    phrases!(Disputed, DENIAL:
        ["denied"], ["denies"], ["deny"], ["denying"], ["disputed"], ["disputes"],
        ["rejected"], ["rejects"], ["refuted"], ["refutes"], ["rebutted"], ["contested"],
        ["contests"], ["contradicted"], ["contradicts"]),
    phrases!(Disputed, DOUBT:
        ["flimsy"], ["unsubstantiated"], ["baseless"], ["doubt"], ["doubts"], ["doubted"],
        ["sceptical"], ["skeptical"], ["no", "evidence"], ["little", "evidence"]),
    phrases!(Disputed, NOT_YET: ["has", "yet", "to"], ["have", "yet", "to"], ["had", "yet", "to"]),
];

/// Most tokens between "although" and its verb ("although Wired's Kim Zetter argues").
const MAX_CONTRAST_GAP: usize = 7;

/// The cue words in one sentence (or clause) span, and the resulting certainty.
pub fn assess(
    text: &str,
    span: Span,
    attributions: &[Attribution],
) -> (Certainty, Vec<CertaintyCue>) {
    let attributions: Vec<&Attribution> = attributions.iter().collect();
    let attributions = attributions.as_slice();
    let tokens = speech::tokenize(text, span);
    assess_with(span, lexical_cues(&tokens), attributions)
}

/// [`assess`] given the span's lexical cues (from [`lexical_cues`] on its tokens).
fn assess_with(
    span: Span,
    mut cues: Vec<CertaintyCue>,
    attributions: &[&Attribution],
) -> (Certainty, Vec<CertaintyCue>) {
    let mut attributed: Vec<CertaintyCue> = attributions
        .iter()
        .filter(|a| span.contains(a.cue) || (a.span.start < span.end && span.start < a.span.end))
        .map(|a| CertaintyCue {
            span: a.cue,
            certainty: Certainty::Attributed,
            rule: if a.anonymous {
                "attributed to an unnamed source"
            } else {
                "attributed to a named source"
            },
        })
        .collect();
    // One cue per cue span: a named source wins over an unnamed one.
    sort_by_numbers(&mut attributed, |c| {
        let unnamed = c.rule != "attributed to a named source";
        [key(c.span.start), key(c.span.end), u64::from(unnamed)]
    });
    attributed.dedup_by_key(|c| c.span);
    cues.extend(attributed);
    sort_by_numbers(&mut cues, |c| {
        [key(c.span.start), key(c.span.end), c.certainty as u64]
    });
    let certainty = cues
        .iter()
        .map(|c| c.certainty)
        .max()
        .unwrap_or(Certainty::Asserted);
    (certainty, cues)
}

/// [`assess`] for every sentence, each with the attributions that touch it.
/// Linear in the number of sentences and attributions (an attribution spans
/// few sentences).
pub fn assess_sentences(
    text: &str,
    sentences: &[Sentence],
    attributions: &[Attribution],
) -> Vec<(Certainty, Vec<CertaintyCue>)> {
    let lexical = sentences
        .iter()
        .map(|s| lexical_cues(&speech::tokenize(text, s.span)))
        .collect();
    assess_sentences_with(sentences, lexical, attributions)
}

/// [`assess_sentences`] given each sentence's lexical cues (as
/// [`crate::extract::attribution`] collects them while it has the tokens).
pub(crate) fn assess_sentences_with(
    sentences: &[Sentence],
    lexical: Vec<Vec<CertaintyCue>>,
    attributions: &[Attribution],
) -> Vec<(Certainty, Vec<CertaintyCue>)> {
    let mut touching: Vec<Vec<usize>> = vec![Vec::new(); sentences.len()];
    let first_at_or_after = |at: usize| sentences.partition_point(|s| s.span.end <= at);
    for (index, attribution) in attributions.iter().enumerate() {
        let from = first_at_or_after(attribution.span.start);
        let to = sentences.partition_point(|s| s.span.start < attribution.span.end);
        let cue = first_at_or_after(attribution.cue.start);
        for sentence in (from..to).chain(std::iter::once(cue)) {
            if let Some(list) = touching.get_mut(sentence)
                && list.last() != Some(&index)
            {
                list.push(index);
            }
        }
    }
    let mut relevant: Vec<&Attribution> = Vec::new();
    sentences
        .iter()
        .zip(touching)
        .zip(lexical)
        .map(|((sentence, indices), cues)| {
            relevant.clear();
            relevant.extend(indices.iter().filter_map(|&i| attributions.get(i)));
            assess_with(sentence.span, cues, &relevant)
        })
        .collect()
}

/// Hedge and dispute words of the span, longest phrase first.
/// The phrases of [`HEDGES`] whose first word is `first`, in list order:
/// one hashed look-up of the first word.
fn phrases_starting_with(first: &str) -> &'static [&'static Phrase] {
    type Index = (WordTable, Vec<Vec<&'static Phrase>>);
    static INDEX: std::sync::OnceLock<Index> = std::sync::OnceLock::new();
    let (table, groups) = INDEX.get_or_init(|| {
        let mut groups: Vec<(&'static str, Vec<&'static Phrase>)> = Vec::new();
        for phrase in HEDGES.iter().flat_map(|group| group.iter()) {
            let word = phrase.words.first().copied().unwrap_or("");
            match groups.iter_mut().find(|(w, _)| *w == word) {
                Some((_, group)) => group.push(phrase),
                None => groups.push((word, vec![phrase])),
            }
        }
        let entries: Vec<(&'static str, u32)> = groups
            .iter()
            .enumerate()
            .map(|(i, (word, _))| (*word, i as u32 + 1))
            .collect();
        let groups = groups.into_iter().map(|(_, group)| group).collect();
        (WordTable::new(&entries), groups)
    });
    table
        .get(first)
        .checked_sub(1)
        .and_then(|i| groups.get(i as usize))
        .map_or(&[], Vec::as_slice)
}

pub(crate) fn lexical_cues(t: &Tokens<'_>) -> Vec<CertaintyCue> {
    let mut cues = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if !t.is_word(i) {
            i += 1;
            continue;
        }
        let candidates = match t.has(i, speech::HEDGE_FIRST) {
            true => phrases_starting_with(t.lower(i)),
            false => &[],
        };
        let best = candidates
            .iter()
            .filter(|p| {
                p.words
                    .iter()
                    .enumerate()
                    .all(|(k, word)| t.lower(i + k) == *word)
            })
            // "May" is a month; the modal is lowercase.
            .filter(|p| p.words.first() != Some(&"may") || t.raw(i) == "may")
            // "if not" qualifies only as an aside after a comma, before a
            // word ("delayed, if not cancelled"), not as a condition ("if
            // not, …", "if not for …").
            .filter(|p| {
                p.words != ["if", "not"]
                    || (i > 0
                        && t.raw(i - 1) == ","
                        && i + 2 < t.len()
                        && t.is_word(i + 2)
                        && t.lower(i + 2) != "for")
            })
            .max_by_key(|p| p.words.len());
        if let Some(phrase) = best {
            let len = phrase.words.len();
            cues.push(CertaintyCue {
                span: t.range(i, i + len),
                certainty: phrase.certainty,
                rule: phrase.rule,
            });
            i += len;
            continue;
        }
        // "If the dating is confirmed, it would be the oldest": a claim
        // on a condition, from an "if" opening the sentence or a clause.
        if t.lower(i) == "if"
            && (i == 0 || !t.is_word(i - 1))
            && let Some(would) = (i + 1..t.len()).find(|&k| t.lower(k) == "would")
        {
            cues.push(CertaintyCue {
                span: t.span(would),
                certainty: Certainty::Hedged,
                rule: CONDITION,
            });
            i = would + 1;
            continue;
        }
        if t.has(i, speech::CONTRAST) {
            let limit = t.len().min(i + 1 + MAX_CONTRAST_GAP);
            if let Some(verb) = (i + 1..limit).find(|&k| t.has(k, speech::COUNTER_VERB)) {
                cues.push(CertaintyCue {
                    span: t.span(verb),
                    certainty: Certainty::Disputed,
                    rule: CONTRARY,
                });
            }
        }
        i += 1;
    }
    cues
}

/// [`attribution::find_attributions`], plus each sentence's lexical certainty cues
/// ([`lexical_cues`]) from the same tokens, so that
/// [`crate::analyze`] tokenizes every sentence once for both.
/// The tokens and cue hits come from `speech`, which keeps those the quote
/// stage already computed.
pub(crate) fn find_attributions_and_cues(
    sentences: &[Sentence],
    mut speech: SentenceCues<'_>,
) -> (Vec<Attribution>, Vec<Vec<CertaintyCue>>) {
    let mut out = Vec::new();
    let mut cues = Vec::with_capacity(sentences.len());
    for (index, sentence) in sentences.iter().enumerate() {
        let Some((tokens, hits)) = speech.take(index) else {
            cues.push(Vec::new());
            continue;
        };
        attribution::attributions_of_hits(&tokens, &hits, sentence.span, &mut out);
        cues.push(lexical_cues(&tokens));
    }
    (out, cues)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexicon::{CONTRASTS, COUNTER_VERBS, HEDGE_FIRST_WORDS};

    #[test]
    fn every_phrase_starts_with_a_listed_first_word() {
        for phrase in HEDGES.iter().flat_map(|group| group.iter()) {
            let first = phrase.words.first().copied().unwrap_or("");
            assert!(speech::in_list(HEDGE_FIRST_WORDS, first), "{first}");
        }
    }

    #[test]
    fn lexicons_are_sorted() {
        for list in [HEDGE_FIRST_WORDS, CONTRASTS, COUNTER_VERBS] {
            let words: Vec<&str> = list.entries().collect();
            for pair in words.windows(2) {
                assert!(pair[0] < pair[1], "{} !< {}", pair[0], pair[1]);
            }
        }
    }
}
