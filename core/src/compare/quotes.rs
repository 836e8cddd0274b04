//! The quotes view-model: every quoted statement, who each outlet says said
//! it, and how faithfully the outlets quote the same words.

use crate::align::{StoryAlignment, WordOp};
use crate::extract::QuoteKind;
use crate::model::{Span, squash};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

use super::Source;

/// One quoted statement: the facts whose claims quote someone directly.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteView {
    /// Index into [`super::StoryView::facts`].
    pub fact: usize,
    pub fact_id: String,
    /// One per claim quoting, in article order.
    pub sides: Vec<QuoteSide>,
    /// Each later side's words against the first side's.
    pub fidelity: Vec<FidelityView>,
}

/// How one outlet quotes the statement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteSide {
    pub article: usize,
    /// The article's outlet: not sent; a view-model read from JSON fills it in.
    #[serde(default, skip_serializing)]
    pub outlet: String,
    pub claim_id: String,
    pub sentence: usize,
    /// The quoted words inside this claim.
    pub words: String,
    /// Who the outlet says spoke, as it writes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// The verb introducing the quote ("said", "announced").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// Who spoke, resolved to a person or organisation of the story: the
    /// name as first given ("Ada Okafor" for "she"), when resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved: Option<String>,
    /// The story-wide entity key of the resolved speaker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_key: Option<String>,
    /// How it was resolved (`pronoun`, `nominal`, …: [`crate::extract::Resolution::name`]).
    pub resolution: Cow<'static, str>,
}

/// Two outlets' quoted words, aligned word by word.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FidelityView {
    pub a_outlet: String,
    pub b_outlet: String,
    /// Share of words quoted alike, in percent.
    pub agreement: u16,
    pub ops: Vec<QuoteOp>,
    /// The changes in plain words ("“theatre-goers.” → “theater-goers.” (spelling)").
    pub changes: Vec<String>,
    /// The outlets name different speakers (or one names none).
    pub speakers_differ: bool,
}

/// One step of the word alignment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteOp {
    pub kind: QuoteOpKind,
    /// The first outlet's words (empty when only the second has them).
    pub a: String,
    /// The second outlet's words (empty when only the first has them).
    pub b: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuoteOpKind {
    Same,
    Spelling,
    Spacing,
    Changed,
    OnlyA,
    OnlyB,
}

impl QuoteOpKind {
    /// A CSS-safe name.
    pub fn name(self) -> &'static str {
        match self {
            QuoteOpKind::Same => "same",
            QuoteOpKind::Spelling => "spelling",
            QuoteOpKind::Spacing => "spacing",
            QuoteOpKind::Changed => "changed",
            QuoteOpKind::OnlyA => "only-a",
            QuoteOpKind::OnlyB => "only-b",
        }
    }

    /// What a screen reader says before the words (empty for the same words).
    pub fn label(self) -> &'static str {
        match self {
            QuoteOpKind::Same => "",
            QuoteOpKind::Spelling => "spelt differently",
            QuoteOpKind::Spacing => "spaced differently",
            QuoteOpKind::Changed => "changed",
            QuoteOpKind::OnlyA => "left out",
            QuoteOpKind::OnlyB => "added",
        }
    }
}

/// The quoted words without the quote marks at their edges: a quote that
/// runs over paragraphs re-opens each one with a mark ("“Sony Pictures
/// has…"), and the view sets its own marks around the words. A closing
/// apostrophe stays when it ends a word (partners’).
fn without_marks(words: &str) -> &str {
    let words = words
        .trim_start_matches(|c: char| matches!(c, '\'' | '"' | '‘' | '“') || c.is_whitespace());
    let mut end = words.trim_end().len();
    loop {
        let head = words.get(..end).unwrap_or("");
        let Some(last) = head.chars().next_back() else {
            break;
        };
        let before = head
            .get(..head.len() - last.len_utf8())
            .and_then(|h| h.chars().next_back());
        // A closing mark whose opening mark is inside the words stays.
        let count = |mark: char| head.matches(mark).count();
        let closing = match last {
            '”' => count('“') < count('”'),
            '"' => count('"') % 2 == 1,
            '’' => before.is_none_or(|b| !b.is_alphanumeric()) && count('‘') == 0,
            '\'' => before.is_none_or(|b| !b.is_alphanumeric()) && count('\'') % 2 == 1,
            _ => false,
        };
        if !closing {
            break;
        }
        end -= last.len_utf8();
    }
    words.get(..end).unwrap_or(words).trim_end()
}

pub(super) fn build_quotes(source: &Source, alignment: &StoryAlignment) -> Vec<QuoteView> {
    let mut out = Vec::new();
    for (index, fact) in alignment.facts.iter().enumerate() {
        let mut sides = Vec::new();
        for c in &fact.claims {
            let Some(article) = source.articles.get(c.article) else {
                continue;
            };
            let analysis = &article.analysis;
            let Some(claim) = analysis.claims.get(c.claim) else {
                continue;
            };
            let text = &*article.text;
            let mut words: Vec<&str> = Vec::new();
            let (mut speaker, mut cue, mut first) = (None, None, None);
            for (q, quote) in claim
                .quotes
                .iter()
                .filter_map(|&q| Some((q, analysis.quotes.get(q)?)))
            {
                // The quotes the alignment compares.
                if !quote.reports_words(&article.text) {
                    continue;
                }
                let start = quote.content.start.max(claim.span.start);
                let end = quote.content.end.min(claim.span.end);
                if start < end {
                    words.push(without_marks(Span::new(start, end).text(text)));
                    speaker = speaker.or(quote.speaker);
                    cue = cue.or(quote.cue);
                    if first.is_none()
                        || analysis.speaker_key(q).is_some()
                            && speaker_key_of(analysis, first).is_none()
                    {
                        first = Some(q);
                    }
                }
            }
            let resolved = first.and_then(|q| analysis.speaker(q));
            if words.is_empty() {
                continue;
            }
            sides.push(QuoteSide {
                article: c.article,
                outlet: article.outlet.clone(),
                claim_id: claim.id.clone(),
                sentence: c.claim + 1,
                words: squash(&words.join(" … ")),
                speaker: speaker.map(|s| squash(s.text(text))),
                cue: cue.map(|s| s.text(text).to_string()),
                resolved: first
                    .and_then(|q| analysis.speaker_mention(q))
                    .map(|s| squash(s.text(text))),
                speaker_key: speaker_key_of(analysis, first).map(str::to_string),
                resolution: resolved.map_or("none", |r| r.resolution.name()).into(),
            });
        }
        if sides.is_empty() {
            continue;
        }
        let fidelity = fact
            .quotes
            .iter()
            .filter_map(|q| {
                let a = source.articles.get(q.a.article)?;
                let b = source.articles.get(q.b.article)?;
                let (ta, tb) = (&*a.text, &*b.text);
                let speaker_a = q.speaker_a.map(|s| squash(s.text(ta)).to_lowercase());
                let speaker_b = q.speaker_b.map(|s| squash(s.text(tb)).to_lowercase());
                let key_a = fidelity_key(&a.analysis, q.a.claim, q.speaker_a);
                let key_b = fidelity_key(&b.analysis, q.b.claim, q.speaker_b);
                Some(FidelityView {
                    a_outlet: a.outlet.clone(),
                    b_outlet: b.outlet.clone(),
                    agreement: q.agreement() / 10,
                    ops: merge_ops(q.words.iter().map(|op| quote_op(op, ta, tb))),
                    changes: q.changes().iter().map(|op| op.describe(ta, tb)).collect(),
                    // Resolved speakers when both sides have one: "the
                    // company" and "Northgate Bank" are one source.
                    speakers_differ: match (key_a, key_b) {
                        (Some(x), Some(y)) => x != y,
                        _ => speaker_a != speaker_b,
                    },
                })
            })
            .collect();
        out.push(QuoteView {
            fact: index,
            fact_id: fact.id.clone(),
            sides,
            fidelity,
        });
    }
    out
}

/// The resolved speaker key of quote `quote`, if any.
fn speaker_key_of(analysis: &crate::extract::Analysis, quote: Option<usize>) -> Option<&str> {
    analysis.speaker_key(quote?)
}

/// The resolved speaker key of the direct quote in claim `claim` whose
/// written speaker is `speaker` (or its first resolved one).
fn fidelity_key(
    analysis: &crate::extract::Analysis,
    claim: usize,
    speaker: Option<Span>,
) -> Option<&str> {
    let claim = analysis.claims.get(claim)?;
    let direct = || {
        claim.quotes.iter().copied().filter(|&q| {
            analysis
                .quotes
                .get(q)
                .is_some_and(|x| x.kind == QuoteKind::Direct)
        })
    };
    direct()
        .find(|&q| {
            speaker.is_some() && analysis.quotes.get(q).is_some_and(|x| x.speaker == speaker)
        })
        .or_else(|| direct().find(|&q| analysis.speaker_key(q).is_some()))
        .and_then(|q| analysis.speaker_key(q))
}

fn quote_op(op: &WordOp, a: &str, b: &str) -> QuoteOp {
    let (kind, x, y) = match *op {
        WordOp::Same { a: x, b: y } => (QuoteOpKind::Same, x.text(a), y.text(b)),
        WordOp::Spelling { a: x, b: y } => (QuoteOpKind::Spelling, x.text(a), y.text(b)),
        WordOp::Spacing { a: x, b: y } => (QuoteOpKind::Spacing, x.text(a), y.text(b)),
        WordOp::Changed { a: x, b: y } => (QuoteOpKind::Changed, x.text(a), y.text(b)),
        WordOp::OnlyA(x) => (QuoteOpKind::OnlyA, x.text(a), ""),
        WordOp::OnlyB(y) => (QuoteOpKind::OnlyB, "", y.text(b)),
    };
    QuoteOp {
        kind,
        a: x.to_string(),
        b: y.to_string(),
    }
}

/// Runs of the same words joined into one step, so the view stays small.
fn merge_ops(ops: impl Iterator<Item = QuoteOp>) -> Vec<QuoteOp> {
    let mut out: Vec<QuoteOp> = Vec::new();
    for op in ops {
        match out.last_mut() {
            Some(last) if last.kind == op.kind && op.kind == QuoteOpKind::Same => {
                last.a.push(' ');
                last.a.push_str(&op.a);
                last.b.push(' ');
                last.b.push_str(&op.b);
            }
            _ => out.push(op),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::without_marks;

    #[test]
    fn quote_marks_at_the_edges_go_apostrophes_in_words_stay() {
        for (quoted, bare) in [
            ("“Sony Pictures has been", "Sony Pictures has been"),
            ("'Sony Pictures has been", "Sony Pictures has been"),
            (
                "employees and theatre-goers.’",
                "employees and theatre-goers.",
            ),
            ("our partners’", "our partners’"),
            ("a “righteous deed.”", "a “righteous deed.”"),
            ("it was “flimsy.”.”", "it was “flimsy.”."),
            ("called it 'flimsy.'", "called it 'flimsy.'"),
            ("plain words", "plain words"),
            ("“”", ""),
            ("", ""),
        ] {
            assert_eq!(without_marks(quoted), bare, "{quoted}");
        }
    }
}
