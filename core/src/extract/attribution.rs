//! Attributions: who a claim is attributed to, and by which words.
//!
//! A speech or reporting verb ("said", "has claimed", "argues", "announced",
//! "denied", "reporting"), a phrase ("according to", "laid blame", "name …
//! as", "cited … as confirming", an estimate "put the toll at 12") or an
//! impersonal construction ("it has been
//! claimed that", "was said to have", "Rumours circulated that") marks the
//! attributed clause. The source is the noun phrase next to the verb (its
//! subject, or the speaker after a closing quote mark); a source that names
//! nobody ("Unnamed officials") or no source at all makes the attribution
//! anonymous.
//!
//! The attributed span is the verb's clause ("that …" up to ", although",
//! "but", `;` or the sentence end); after a closing quote mark it is the
//! quoted part of the sentence; for "X said." with nothing after it, the
//! clause before the source.

use crate::extract::Sentence;
use crate::extract::quotes::{Quote, QuoteKind};
use crate::extract::speech::{self, CueClass, CueHit, HitKind, SourceFrom, Tokens};
use crate::model::Span;

/// One attributed claim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// The attributed clause (or sentence, or quote).
    pub span: Span,
    /// Who it is attributed to; `None` when the text names no source.
    pub source: Option<Span>,
    /// No source, or one that names nobody ("Unnamed officials").
    pub anonymous: bool,
    /// The words that attribute it: "has claimed", "according to", "laid blame".
    pub cue: Span,
    pub rule: &'static str,
}

/// Most tokens between a source and a boundary before it ("…, officials said").
const MAX_TAIL_TOKENS: usize = 4;

/// The attributions of the story sentences, in text order.
pub fn find_attributions(text: &str, sentences: &[Sentence]) -> Vec<Attribution> {
    let mut out = Vec::new();
    for sentence in sentences {
        let tokens = speech::tokenize(text, sentence.span);
        attributions_in(&tokens, sentence.span, &mut out);
    }
    out
}

fn attributions_in(tokens: &Tokens<'_>, sentence: Span, out: &mut Vec<Attribution>) {
    attributions_of_hits(tokens, &speech::cue_hits(tokens), sentence, out);
}

pub(crate) fn attributions_of_hits(
    tokens: &Tokens<'_>,
    hits: &[CueHit],
    sentence: Span,
    out: &mut Vec<Attribution>,
) {
    for hit in hits {
        if let Some(attribution) = attribution_of(tokens, sentence, hit) {
            out.push(attribution);
        }
    }
}

/// One attribution per direct quote whose speaker is known: the quoted
/// words are attributed to the speaker.
pub fn quote_attributions(text: &str, quotes: &[Quote]) -> Vec<Attribution> {
    quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .filter_map(|q| {
            let (speaker, cue) = (q.speaker?, q.cue?);
            let name = speaker.text(text).to_lowercase();
            let anonymous = ["unnamed", "anonymous", "unidentified"]
                .iter()
                .any(|marker| name.contains(marker));
            Some(Attribution {
                span: q.content,
                source: Some(speaker),
                anonymous,
                cue,
                rule: "a direct quote, attributed to its speaker",
            })
        })
        .collect()
}

fn rule_of(hit: &CueHit) -> &'static str {
    match (hit.kind, hit.class, hit.source_from) {
        (HitKind::AfterQuote, _, _) => {
            "speaker and verb after a closing quote mark (…,' the message read)"
        }
        (HitKind::Inverted, _, _) => {
            "speech verb and speaker after the reported clause (…, said the bank's economist)"
        }
        (HitKind::AccordingTo, _, _) => "‘according to’ a source",
        (HitKind::PassiveTo, _, _) => "a passive ‘said to’ that names no source",
        (HitKind::Impersonal, _, _) => {
            "an impersonal passive that names no source (it has been claimed that …)"
        }
        (HitKind::Rumour, _, _) => "rumours, with no source named",
        (HitKind::PassiveAgent, _, _) => "a passive speech verb with its agent (… by X)",
        (_, CueClass::NameAs, _) => "‘name … as’: the subject names who is responsible",
        (_, CueClass::Blame, _) => "‘laid blame’ / ‘blamed’: the subject blames someone",
        (_, CueClass::Cited, _) => "‘cited … as’: others report the subject as saying it",
        (_, _, SourceFrom::Previous) => {
            "a speech verb sharing the subject of the verb before (X denied … while stating …)"
        }
        (_, _, SourceFrom::ClauseSubject) => {
            "a speech verb with the subject at the start of its clause"
        }
        _ => "a speech verb with its subject (X said that …)",
    }
}

fn attribution_of(t: &Tokens<'_>, sentence: Span, hit: &CueHit) -> Option<Attribution> {
    let whole = t.clause_span(0, t.len());
    let span = match hit.kind {
        HitKind::Passive => return None,
        HitKind::Active if hit.class == CueClass::QuoteOnly => return None,
        HitKind::AfterQuote | HitKind::Inverted => {
            // The quoted (or reported) part of the sentence, up to the
            // closing mark or comma.
            let first = hit
                .source_tokens
                .map_or(hit.cue_tokens.0, |(s, _)| s.min(hit.cue_tokens.0));
            let mut end = first;
            if end > 0 && t.is_punct(end - 1, &[',']) {
                end -= 1;
            }
            Span::new(sentence.start, t.span(end.checked_sub(1)?).end)
        }
        HitKind::AccordingTo => according_to_span(t, hit)?,
        HitKind::PassiveTo | HitKind::PassiveAgent => whole,
        HitKind::Active | HitKind::Impersonal | HitKind::Rumour => {
            let at_first_comma = t.in_leading_subordinate(hit.cue_tokens.0);
            let end = t.clause_end(hit.complement, at_first_comma);
            let complement = t.clause_span(hit.complement, end);
            let source_start = hit.source_tokens.map_or(hit.cue_tokens.0, |(s, _)| s);
            if complement.trim(t.text).is_empty() {
                clause_before(t, source_start).unwrap_or(whole)
            } else if adjunct_only(t, hit.complement, end)
                || participle_after(t, hit.complement, end)
            {
                // "…, police said on Monday." / "…, the company said in a
                // statement.": what was said is the clause before.
                clause_before(t, source_start).unwrap_or(complement)
            } else {
                complement
            }
        }
    };
    Some(Attribution {
        span: span.trim(t.text),
        source: hit.source,
        anonymous: hit.anonymous || hit.source.is_none(),
        cue: hit.cue,
        rule: rule_of(hit),
    })
}

/// Words that open a phrase saying when, where or how something was said,
/// not what: "said on Monday", "said in a statement", "said late on
/// Tuesday", "told reporters at a news conference" (general news usage).
const ADJUNCT_OPENERS: &[&str] = &[
    "at",
    "during",
    "early",
    "earlier",
    "in",
    "last",
    "late",
    "later",
    "on",
    "overnight",
    "this",
    "today",
    "tonight",
    "via",
    "yesterday",
];

/// Most tokens of a trailing adjunct after a speech verb.
const MAX_ADJUNCT_TOKENS: usize = 8;

/// Whether the tokens `from..end` after a speech verb are only an adjunct
/// (see [`ADJUNCT_OPENERS`]) — no "that", no second clause — so that the
/// verb reports the clause before its source.
fn adjunct_only(t: &Tokens<'_>, from: usize, end: usize) -> bool {
    let words: Vec<usize> = (from..end.min(t.len())).filter(|&k| t.is_word(k)).collect();
    let Some(&first) = words.first() else {
        return false;
    };
    words.len() <= MAX_ADJUNCT_TOKENS
        && ADJUNCT_OPENERS.contains(&t.lower(first))
        && !words.iter().any(|&k| t.lower_is(k, "that"))
        && !(from..end.min(t.len())).any(|k| t.is_punct(k, &[',', ';', ':']))
}

/// Whether the tokens `from..end` after a speech verb are, after at most
/// an adjunct ("on Monday"), a comma and a participle clause: "…, the
/// commission said on Monday, ending 12 years of rule" — the participle
/// goes on about the clause before the source, which is what was said.
fn participle_after(t: &Tokens<'_>, from: usize, end: usize) -> bool {
    let end = end.min(t.len());
    let comma = if from > 0 && t.is_punct(from - 1, &[',']) {
        // "…, the commission said, ending …": the clause starts after it.
        Some(from - 1)
    } else {
        (from..end).find(|&k| t.is_punct(k, &[',']))
    };
    let Some(comma) = comma else {
        return false;
    };
    let adjunct = comma + 1 >= from || adjunct_only(t, from, comma);
    let next = (comma + 1..end).find(|&k| t.is_word(k));
    adjunct
        && next.is_some_and(|k| {
            let word = t.lower(k);
            word.len() > 5 && word.ends_with("ing") && word != "according"
        })
}

/// "According to X, Y." → Y; "Y, according to X." → Y.
fn according_to_span(t: &Tokens<'_>, hit: &CueHit) -> Option<Span> {
    let (cue_start, _) = hit.cue_tokens;
    if t.clause_start(cue_start) == cue_start && !t.is_punct(cue_start.wrapping_sub(1), &[',']) {
        let mut from = hit.complement;
        while t.is_punct(from, &[',']) {
            from += 1;
        }
        let end = t.clause_end(from, false);
        Some(t.clause_span(from, end)).filter(|s| !s.is_empty())
    } else {
        clause_before(t, cue_start)
    }
}

/// The clause that ends right before a source: "The attack was large,
/// officials said" → "The attack was large"; "… in origin - a claim the
/// company denied" → "… in origin".
fn clause_before(t: &Tokens<'_>, source_start: usize) -> Option<Span> {
    let is_boundary = |k: usize| t.is_punct(k, &[',', ';']) || t.is_dash(k);
    let floor = source_start.saturating_sub(MAX_TAIL_TOKENS + 1);
    let boundary = (floor..source_start).rev().find(|&k| is_boundary(k))?;
    let limit = boundary.saturating_sub(speech::MAX_CLAUSE_TOKENS);
    let start = (limit..boundary)
        .rev()
        .find(|&k| t.is_punct(k, &[';']) || t.is_dash(k))
        .map_or(0, |k| k + 1);
    (boundary > start).then(|| t.clause_span(start, boundary))
}

#[cfg(test)]
mod tests {
    /// (sentence, source, attributed words): trailing attributions of
    /// general news usage, with invented names.
    #[test]
    fn trailing_attributions_report_the_clause_before() {
        let cases = [
            (
                "Flights to Orvane were suspended until Friday, the airline said.",
                "the airline",
                "Flights to Orvane were suspended until Friday",
            ),
            (
                "Three men were arrested on Sunday, police said on Monday.",
                "police",
                "Three men were arrested on Sunday",
            ),
            (
                "The fire started in a kitchen, the fire service said in a statement.",
                "the fire service",
                "The fire started in a kitchen",
            ),
            (
                "Talks will resume next week, the union said late on Tuesday.",
                "the union",
                "Talks will resume next week",
            ),
            (
                "About 300 homes lost power, said the utility.",
                "the utility",
                "About 300 homes lost power",
            ),
            (
                "Two ministers resigned, state television reported.",
                "state television",
                "Two ministers resigned",
            ),
            (
                "The minister said in March that he would resign.",
                "The minister",
                "he would resign",
            ),
            (
                "In March, the minister said he would resign.",
                "the minister",
                "he would resign",
            ),
        ];
        for (sentence, source, said) in cases {
            let text = format!("Headline\n\n{sentence}\n");
            let analysis = crate::extract::analyze(&text);
            let found: Vec<(Option<&str>, &str)> = analysis
                .attributions
                .iter()
                .map(|a| (a.source.map(|s| s.text(&text)), a.span.text(&text)))
                .collect();
            assert_eq!(found, [(Some(source), said)], "{sentence}");
        }
    }
}
