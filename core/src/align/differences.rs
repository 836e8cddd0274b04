//! Typed differences between the claims of one fact.
//!
//! Each later claim is compared with the fact's first claim (so the work is
//! linear in the fact's size), and every difference names the exact spans
//! involved on both sides and says in plain words what differs.

use super::features::{Lexicon, number_key, words};
use super::quote_diff::QuoteFidelity;
use super::{ArticleInput, ArticleSpan, ClaimRef};
use crate::extract::{Analysis, Bound, Certainty, Claim, EntityKind, Granularity, TimeExpr};
use crate::model::{DateTime, Span, squash};

/// What kind of difference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DifferenceKind {
    /// Different numbers for the same thing ("four" vs "five theatre chains").
    Number,
    /// One is more precise: a number, a date or names where the other has none.
    Specificity,
    /// Stated as fact in one, hedged, attributed or disputed in the other.
    Certainty,
    /// Attributed to different sources, or to one and not the other.
    Attribution,
    /// Different dates for the same event.
    Date,
    /// The same entity written differently.
    Name,
    /// The same quoted words, changed.
    Quote,
}

impl DifferenceKind {
    pub const ALL: [DifferenceKind; 7] = [
        DifferenceKind::Number,
        DifferenceKind::Specificity,
        DifferenceKind::Certainty,
        DifferenceKind::Attribution,
        DifferenceKind::Date,
        DifferenceKind::Name,
        DifferenceKind::Quote,
    ];

    /// Stable machine name, as in the JSON output.
    pub fn name(self) -> &'static str {
        match self {
            DifferenceKind::Number => "number",
            DifferenceKind::Specificity => "specificity",
            DifferenceKind::Certainty => "certainty",
            DifferenceKind::Attribution => "attribution",
            DifferenceKind::Date => "date",
            DifferenceKind::Name => "name",
            DifferenceKind::Quote => "quote",
        }
    }

    /// For people: "numbers differ".
    pub fn label(self) -> &'static str {
        match self {
            DifferenceKind::Number => "numbers differ",
            DifferenceKind::Specificity => "more or less specific",
            DifferenceKind::Certainty => "certainty differs",
            DifferenceKind::Attribution => "attributed differently",
            DifferenceKind::Date => "dates differ",
            DifferenceKind::Name => "names written differently",
            DifferenceKind::Quote => "quote wording changed",
        }
    }
}

/// One difference, with the spans on each side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    pub kind: DifferenceKind,
    /// In plain words, naming the outlets.
    pub detail: String,
    pub spans: Vec<ArticleSpan>,
}

/// Most claims of one fact compared with its first: a fact dozens of
/// outlets carry is read outlet by outlet, not all at once.
pub const MAX_COMPARED: usize = 64;

/// The differences of a fact's claims: each later claim (up to
/// [`MAX_COMPARED`]) against the first.
pub fn of_fact(
    articles: &[ArticleInput<'_>],
    lexicon: &Lexicon,
    claims: &[ClaimRef],
    quotes: &[QuoteFidelity],
) -> Vec<Difference> {
    let mut out: Vec<Difference> = Vec::new();
    let Some((&first, rest)) = claims.split_first() else {
        return out;
    };
    for &other in rest.iter().take(MAX_COMPARED) {
        if other.article == first.article {
            continue;
        }
        let (Some(a), Some(b)) = (Side::new(articles, first), Side::new(articles, other)) else {
            continue;
        };
        out.extend(between(lexicon, &a, &b));
        if let Some(fidelity) = quotes.iter().find(|q| q.a == first && q.b == other) {
            out.extend(quote_difference(&a, &b, fidelity));
        }
    }
    out
}

/// One claim with what it needs to be compared.
struct Side<'a> {
    article: usize,
    outlet: &'a str,
    text: &'a str,
    analysis: &'a Analysis,
    claim: &'a Claim,
}

impl<'a> Side<'a> {
    fn new(articles: &[ArticleInput<'a>], at: ClaimRef) -> Option<Side<'a>> {
        let input = articles.get(at.article)?;
        Some(Side {
            article: at.article,
            outlet: input.outlet,
            text: input.text,
            analysis: input.analysis,
            claim: input.analysis.claims.get(at.claim)?,
        })
    }

    fn at(&self, span: Span) -> ArticleSpan {
        ArticleSpan {
            article: self.article,
            span,
        }
    }

    fn show(&self, span: Span) -> String {
        format!("“{}”", squash(span.text(self.text)))
    }

    fn quantities(&self) -> impl Iterator<Item = &'a crate::extract::Quantity> + '_ {
        self.claim
            .quantities
            .iter()
            .filter_map(|&q| self.analysis.quantities.get(q))
    }

    fn times(&self) -> impl Iterator<Item = &'a TimeExpr> + '_ {
        self.claim
            .times
            .iter()
            .filter_map(|&t| self.analysis.times.get(t))
    }

    fn entities(&self) -> impl Iterator<Item = &'a crate::extract::Entity> + '_ {
        self.claim
            .entities
            .iter()
            .filter_map(|&e| self.analysis.entities.get(e))
    }

    /// Who the claim is attributed to: a named source, "unnamed sources",
    /// or `None` for the outlet's own voice. With the cue's span.
    fn attribution(&self) -> Option<(String, Option<String>, Span)> {
        let attributions: Vec<_> = self
            .claim
            .attributions
            .iter()
            .filter_map(|&a| self.analysis.attributions.get(a))
            .collect();
        if let Some(named) = attributions
            .iter()
            .find(|a| !a.anonymous && a.source.is_some())
        {
            let source = named.source?;
            let key = self
                .entities()
                .find(|e| source.contains(e.span))
                .map(|e| e.key.clone());
            return Some((squash(source.text(self.text)), key, source));
        }
        attributions
            .iter()
            .find(|a| a.anonymous)
            .map(|a| ("an unnamed source".to_string(), None, a.cue))
    }
}

fn between(lexicon: &Lexicon, a: &Side<'_>, b: &Side<'_>) -> Vec<Difference> {
    let mut out = Vec::new();
    numbers(lexicon, a, b, &mut out);
    names(a, b, &mut out);
    dates(a, b, &mut out);
    certainty(a, b, &mut out);
    attribution(a, b, &mut out);
    out
}

/// The concept a quantity counts: its unit's last word ("cinema chains" → chain).
fn unit_concept(lexicon: &Lexicon, unit: &str) -> Option<String> {
    unit.split_whitespace()
        .rev()
        .find_map(|word| lexicon.concept(word))
}

fn numbers(lexicon: &Lexicon, a: &Side<'_>, b: &Side<'_>, out: &mut Vec<Difference>) {
    for (x, y) in [(a, b), (b, a)] {
        for q in x.quantities() {
            let Some(unit) = unit_concept(lexicon, &q.unit) else {
                continue;
            };
            let same_unit: Vec<_> = y
                .quantities()
                .filter(|r| unit_concept(lexicon, &r.unit).as_deref() == Some(unit.as_str()))
                .collect();
            if let Some(r) = same_unit.first() {
                // Reported once, from the first side, for a pair of numbers.
                if std::ptr::eq(x, a)
                    && !q.vague
                    && !r.vague
                    && number_key(q.value) != number_key(r.value)
                {
                    out.push(Difference {
                        kind: DifferenceKind::Number,
                        detail: format!(
                            "{} says {}; {} says {}.",
                            x.outlet,
                            x.show(q.span),
                            y.outlet,
                            y.show(r.span)
                        ),
                        spans: vec![x.at(q.span), y.at(r.span)],
                    });
                } else if !q.vague && r.vague {
                    out.push(Difference {
                        kind: DifferenceKind::Specificity,
                        detail: format!(
                            "{} gives an exact number: {}; {} says {}.",
                            x.outlet,
                            x.show(q.span),
                            y.outlet,
                            y.show(r.span)
                        ),
                        spans: vec![x.at(q.span), y.at(r.span)],
                    });
                }
                continue;
            }
            if q.vague {
                continue;
            }
            // No number for it on the other side: the words that name the
            // same thing, if any ("personnel files" for "47,000 records").
            let word = words(y.text, y.claim.span)
                .find(|w| lexicon.concept(w.text(y.text)).as_deref() == Some(unit.as_str()));
            let (detail, mut spans) = match word {
                Some(word) => {
                    let phrase = with_modifier(lexicon, y, word);
                    (
                        format!(
                            "{} gives a number: {}; {} says {} without one.",
                            x.outlet,
                            x.show(q.span),
                            y.outlet,
                            y.show(phrase)
                        ),
                        vec![x.at(q.span), y.at(phrase)],
                    )
                }
                None => continue,
            };
            spans.sort();
            out.push(Difference {
                kind: DifferenceKind::Specificity,
                detail,
                spans,
            });
        }
        // Names given where the other side counts or says nothing of them.
        let named: Vec<_> = x
            .entities()
            .filter(|e| matches!(e.kind, EntityKind::Work | EntityKind::Person))
            .filter(|e| !y.entities().any(|f| f.key == e.key))
            .filter(|e| {
                !x.claim.quotes.iter().any(|&q| {
                    x.analysis
                        .quotes
                        .get(q)
                        .is_some_and(|q| q.content.contains(e.span))
                })
            })
            .collect();
        let counted = x.quantities().next().is_some() || y.quantities().next().is_some();
        if counted && !named.is_empty() {
            let mut names: Vec<String> = Vec::new();
            for e in &named {
                let name = squash(e.span.text(x.text));
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            out.push(Difference {
                kind: DifferenceKind::Specificity,
                detail: format!(
                    "{} names {}; {} does not.",
                    x.outlet,
                    names.join(", "),
                    y.outlet
                ),
                spans: named.iter().map(|e| x.at(e.span)).collect(),
            });
        }
        // A date on one side only.
        if y.times().next().is_none() {
            for t in x.times() {
                out.push(Difference {
                    kind: DifferenceKind::Specificity,
                    detail: format!(
                        "{} gives a date: {} ({}); {} gives none.",
                        x.outlet,
                        x.show(t.span),
                        describe_time(t),
                        y.outlet
                    ),
                    spans: vec![x.at(t.span)],
                });
            }
        }
    }
    // Numbers inside names: "Unit 21" and "Unit 121".
    for e in a.entities() {
        for f in b.entities() {
            let (x, y) = (e.span.text(a.text), f.span.text(b.text));
            if x != y
                && x.chars().any(|c| c.is_ascii_digit())
                && without_digits(x) == without_digits(y)
            {
                out.push(Difference {
                    kind: DifferenceKind::Number,
                    detail: format!(
                        "{} says {}; {} says {}.",
                        a.outlet,
                        a.show(e.span),
                        b.outlet,
                        b.show(f.span)
                    ),
                    spans: vec![a.at(e.span), b.at(f.span)],
                });
            }
        }
    }
}

/// `word` with the content word right before it ("personnel files").
fn with_modifier(lexicon: &Lexicon, side: &Side<'_>, word: Span) -> Span {
    let before = words(side.text, Span::new(side.claim.span.start, word.start)).last();
    match before {
        Some(w)
            if side.text[w.end..word.start].trim().is_empty()
                && lexicon.concept(w.text(side.text)).is_some() =>
        {
            Span::new(w.start, word.end)
        }
        _ => word,
    }
}

fn without_digits(s: &str) -> String {
    s.chars().filter(|c| !c.is_ascii_digit()).collect()
}

fn names(a: &Side<'_>, b: &Side<'_>, out: &mut Vec<Difference>) {
    let mut seen: Vec<&str> = Vec::new();
    for e in a.entities() {
        if seen.contains(&e.key.as_str()) {
            continue;
        }
        let ours = e.span.text(a.text);
        let Some(f) = b.entities().find(|f| f.key == e.key) else {
            continue;
        };
        // Written alike somewhere in both claims: no difference.
        if b.entities()
            .any(|f| f.key == e.key && f.span.text(b.text) == ours)
            || a.entities()
                .any(|g| g.key == e.key && g.span.text(a.text) == f.span.text(b.text))
        {
            continue;
        }
        seen.push(&e.key);
        out.push(Difference {
            kind: DifferenceKind::Name,
            detail: format!(
                "{} writes {}; {} writes {}.",
                a.outlet,
                a.show(e.span),
                b.outlet,
                b.show(f.span)
            ),
            spans: vec![a.at(e.span), b.at(f.span)],
        });
    }
}

/// First and last day (epoch days) a time expression allows.
pub(super) fn interval(t: &TimeExpr) -> Option<(i64, i64)> {
    let v = t.value.as_str();
    let num = |r: std::ops::Range<usize>| v.get(r)?.parse::<i64>().ok();
    let day = |y: i64, m: i64, d: i64| {
        Some(DateTime::new(y as i32, m as u8, d as u8, None)?.days_from_epoch())
    };
    let (start, end) = match t.granularity {
        Granularity::Day => {
            let d = day(num(0..4)?, num(5..7)?, num(8..10)?)?;
            (d, d)
        }
        Granularity::Month => {
            let (y, m) = (num(0..4)?, num(5..7)?);
            let first = day(y, m, 1)?;
            let next = if m == 12 {
                day(y + 1, 1, 1)?
            } else {
                day(y, m + 1, 1)?
            };
            (first, next - 1)
        }
        Granularity::Year => {
            let y = num(0..4)?;
            (day(y, 1, 1)?, day(y + 1, 1, 1)? - 1)
        }
        Granularity::Week => {
            let (y, w) = (num(0..4)?, num(6..8)?);
            // ISO week 1 holds 4 January.
            let jan4 = day(y, 1, 4)?;
            let monday = jan4 - (jan4 + 3).rem_euclid(7) + (w - 1) * 7;
            (monday, monday + 6)
        }
    };
    Some(match t.bound {
        Bound::Exact => (start, end),
        Bound::Approximate => (start - 3, end + 3),
        Bound::OnOrBefore => (i64::MIN / 4, end),
        Bound::OnOrAfter => (start, i64::MAX / 4),
    })
}

/// "2014-12-04, or before", for people.
fn describe_time(t: &TimeExpr) -> String {
    match t.bound {
        Bound::Exact => t.value.clone(),
        Bound::Approximate => format!("about {}", t.value),
        Bound::OnOrBefore => format!("{} or before", t.value),
        Bound::OnOrAfter => format!("{} or after", t.value),
    }
}

fn dates(a: &Side<'_>, b: &Side<'_>, out: &mut Vec<Difference>) {
    let theirs: Vec<&TimeExpr> = b.times().collect();
    for t in a.times() {
        if theirs.is_empty() || theirs.iter().any(|u| u.value == t.value) {
            continue;
        }
        // The other side's date nearest to this one.
        let Some(mine) = interval(t) else { continue };
        let nearest = theirs
            .iter()
            .filter(|u| !a.times().any(|v| v.value == u.value))
            .filter_map(|u| Some((*u, interval(u)?)))
            .min_by_key(|(_, (s, e))| {
                if *e < mine.0 {
                    mine.0 - e
                } else if mine.1 < *s {
                    s - mine.1
                } else {
                    0
                }
            });
        let Some((u, theirs_interval)) = nearest else {
            continue;
        };
        let fits = theirs_interval.0 <= mine.1 && mine.0 <= theirs_interval.1;
        let verdict = if fits {
            "compatible, but not equally precise"
        } else {
            "these disagree"
        };
        out.push(Difference {
            kind: DifferenceKind::Date,
            detail: format!(
                "{} dates it {} ({}); {} {} ({}): {verdict}.",
                a.outlet,
                a.show(t.span),
                describe_time(t),
                b.outlet,
                b.show(u.span),
                describe_time(u)
            ),
            spans: vec![a.at(t.span), b.at(u.span)],
        });
    }
}

fn certainty_words(c: Certainty) -> &'static str {
    match c {
        Certainty::Asserted => "states it as fact",
        Certainty::Attributed => "attributes it to a source",
        Certainty::Hedged => "hedges it",
        Certainty::Disputed => "reports it as disputed",
    }
}

fn certainty(a: &Side<'_>, b: &Side<'_>, out: &mut Vec<Difference>) {
    if a.claim.certainty == b.claim.certainty {
        return;
    }
    let cues = |s: &Side<'_>| -> String {
        let shown: Vec<String> = s
            .claim
            .cues
            .iter()
            .filter(|c| c.certainty == s.claim.certainty)
            .map(|c| s.show(c.span))
            .collect();
        if shown.is_empty() {
            String::new()
        } else {
            format!(" ({})", shown.join(", "))
        }
    };
    let mut spans: Vec<ArticleSpan> = Vec::new();
    for s in [a, b] {
        spans.extend(
            s.claim
                .cues
                .iter()
                .filter(|c| c.certainty == s.claim.certainty)
                .map(|c| s.at(c.span)),
        );
    }
    out.push(Difference {
        kind: DifferenceKind::Certainty,
        detail: format!(
            "{} {}{}; {} {}{}.",
            a.outlet,
            certainty_words(a.claim.certainty),
            cues(a),
            b.outlet,
            certainty_words(b.claim.certainty),
            cues(b)
        ),
        spans,
    });
}

fn attribution(a: &Side<'_>, b: &Side<'_>, out: &mut Vec<Difference>) {
    let (x, y) = (a.attribution(), b.attribution());
    let detail = match (&x, &y) {
        (None, None) => return,
        (Some((source, key, _)), Some((other, other_key, _))) => {
            let same = match (key, other_key) {
                (Some(k), Some(l)) => k == l,
                _ => source.to_lowercase() == other.to_lowercase(),
            };
            if same {
                return;
            }
            format!(
                "{} attributes it to {source}; {} to {other}.",
                a.outlet, b.outlet
            )
        }
        (Some((source, _, _)), None) => {
            format!(
                "{} attributes it to {source}; {} says it in its own voice.",
                a.outlet, b.outlet
            )
        }
        (None, Some((other, _, _))) => {
            format!(
                "{} says it in its own voice; {} attributes it to {other}.",
                a.outlet, b.outlet
            )
        }
    };
    let mut spans = Vec::new();
    if let Some((_, _, span)) = x {
        spans.push(a.at(span));
    }
    if let Some((_, _, span)) = y {
        spans.push(b.at(span));
    }
    out.push(Difference {
        kind: DifferenceKind::Attribution,
        detail,
        spans,
    });
}

/// The quote wording changes between two claims, from their fidelity.
fn quote_difference(a: &Side<'_>, b: &Side<'_>, fidelity: &QuoteFidelity) -> Option<Difference> {
    let changes = fidelity.changes();
    if changes.is_empty() {
        return None;
    }
    let described: Vec<String> = changes
        .iter()
        .take(4)
        .map(|op| op.describe(a.text, b.text))
        .collect();
    let more = if changes.len() > 4 {
        format!(" and {} more", changes.len() - 4)
    } else {
        String::new()
    };
    Some(Difference {
        kind: DifferenceKind::Quote,
        detail: format!(
            "The quoted words differ between {} and {}: {}{more}.",
            a.outlet,
            b.outlet,
            described.join("; ")
        ),
        spans: changes
            .iter()
            .flat_map(|op| op.spans(a.article, b.article))
            .collect(),
    })
}
