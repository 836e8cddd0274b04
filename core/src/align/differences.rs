//! Typed differences between the claims of one fact.
//!
//! Each later claim is compared with the fact's first claim (so the work is
//! linear in the fact's size), and every difference names the exact spans
//! involved on both sides and says in plain words what differs.

pub use super::MAX_COMPARED;
use super::features::{Lexicon, words};
use super::measures::{Amount, amounts, bare_numbers, interval, pair};
use super::quote_diff::QuoteFidelity;
use super::{ArticleInput, ArticleSpan, ClaimRef};
use crate::extract::entities::near_spelling;
use crate::extract::{Analysis, Bound, Certainty, Claim, EntityKind, TimeExpr};
use crate::model::{Span, squash};

/// What kind of difference.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
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
    /// Different names in the same place ("Battalion 7" and "Battalion 17").
    Name,
    /// The same quoted words, changed.
    Quote,
    /// The same name spelt differently ("Aalto" and "Alto"): wording.
    Spelling,
}

impl DifferenceKind {
    pub const ALL: [DifferenceKind; 8] = [
        DifferenceKind::Number,
        DifferenceKind::Specificity,
        DifferenceKind::Certainty,
        DifferenceKind::Attribution,
        DifferenceKind::Date,
        DifferenceKind::Name,
        DifferenceKind::Quote,
        DifferenceKind::Spelling,
    ];

    /// Whether the outlets tell the reader different things (a number, a
    /// name, a date, how sure, on whose word), rather than word it
    /// differently (spelling, quote wording, more or less detail).
    pub fn is_substantive(self) -> bool {
        matches!(
            self,
            DifferenceKind::Number
                | DifferenceKind::Name
                | DifferenceKind::Date
                | DifferenceKind::Certainty
                | DifferenceKind::Attribution
        )
    }

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
            DifferenceKind::Spelling => "spelling",
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
            DifferenceKind::Name => "different names",
            DifferenceKind::Quote => "quote wording changed",
            DifferenceKind::Spelling => "name spelt differently",
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

impl Difference {
    /// See [`DifferenceKind::is_substantive`].
    pub fn substantive(&self) -> bool {
        self.kind.is_substantive()
    }
}

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
    let Some(a) = Side::new(articles, first) else {
        return out;
    };
    let mut tally = Tally::new(lexicon, &a);
    for &other in rest.iter().take(MAX_COMPARED) {
        if other.article == first.article {
            continue;
        }
        let Some(b) = Side::new(articles, other) else {
            continue;
        };
        tally.add(lexicon, &b);
        out.extend(between(lexicon, &a, &b));
        if let Some(fidelity) = quotes.iter().find(|q| q.a == first && q.b == other) {
            out.extend(quote_difference(&a, &b, fidelity));
        }
    }
    let mut sides = vec![a];
    sides.extend(
        rest.iter()
            .take(MAX_COMPARED)
            .filter_map(|&c| Side::new(articles, c)),
    );
    let mut found = tally.differences(&sides[0]);
    found.append(&mut out);
    found.extend(spellings(&sides));
    found
}

/// A word of a name, the outlets and spans where it is written, and the
/// claims (by index) that write it.
type Written<'s> = (&'s str, Vec<(&'s str, ArticleSpan)>, Vec<usize>);

/// The outlets of a list of places.
fn outlets_of<'s>(places: &[(&'s str, ArticleSpan)]) -> Vec<&'s str> {
    places.iter().map(|(o, _)| *o).collect()
}

/// The first claim's amounts and, per amount, the outlets that state it too
/// and those that give another figure for it.
struct Tally<'a> {
    amounts: Vec<Amount>,
    numbers: Vec<f64>,
    agreeing: Vec<Vec<&'a str>>,
    /// Per amount: (outlet, the other figure as written, its span).
    others: Vec<Vec<(&'a str, String, ArticleSpan)>>,
}

impl<'a> Tally<'a> {
    fn new(lexicon: &Lexicon, a: &Side<'a>) -> Tally<'a> {
        let amounts = a.amounts(lexicon);
        Tally {
            numbers: bare_numbers(a.text, a.claim.span),
            agreeing: vec![Vec::new(); amounts.len()],
            others: vec![Vec::new(); amounts.len()],
            amounts,
        }
    }

    fn add(&mut self, lexicon: &Lexicon, b: &Side<'a>) {
        if self.amounts.is_empty() {
            return;
        }
        let theirs = b.amounts(lexicon);
        let numbers = bare_numbers(b.text, b.claim.span);
        let pairing = pair(&self.amounts, &theirs, &self.numbers, &numbers);
        for (i, agreed) in pairing.a_agreed.iter().enumerate() {
            if *agreed && let Some(list) = self.agreeing.get_mut(i) {
                list.push(b.outlet);
            }
        }
        for (i, j) in pairing.conflicts {
            if let (Some(list), Some(y)) = (self.others.get_mut(i), theirs.get(j)) {
                list.push((b.outlet, b.show(y.span), b.at(y.span)));
            }
        }
    }

    /// One number difference per amount of the first claim that others
    /// give differently, naming the outlets on each side.
    fn differences(&self, a: &Side<'_>) -> Vec<Difference> {
        let mut out = Vec::new();
        for (i, others) in self.others.iter().enumerate() {
            let Some(x) = self.amounts.get(i) else {
                continue;
            };
            if others.is_empty() {
                continue;
            }
            let mut ours = vec![a.outlet];
            ours.extend(self.agreeing.get(i).into_iter().flatten().copied());
            ours.dedup();
            let mut sides = vec![say(&ours, &a.show(x.span))];
            let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
            for (outlet, shown, _) in others {
                match groups.iter_mut().find(|(s, _)| *s == shown.as_str()) {
                    Some((_, outlets)) => outlets.push(outlet),
                    None => groups.push((shown, vec![outlet])),
                }
            }
            sides.extend(groups.iter().map(|(shown, outlets)| say(outlets, shown)));
            let mut spans = vec![a.at(x.span)];
            spans.extend(others.iter().map(|(_, _, span)| *span));
            out.push(Difference {
                kind: DifferenceKind::Number,
                detail: format!(
                    "Different figures for the same thing: {}.",
                    sides.join("; ")
                ),
                spans,
            });
        }
        out
    }
}

/// "a and b say “9”", "c says “12”".
fn say(outlets: &[&str], shown: &str) -> String {
    match outlets {
        [one] => format!("{one} says {shown}"),
        [init @ .., last] => format!("{} and {last} say {shown}", init.join(", ")),
        [] => shown.to_string(),
    }
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

    /// The claim's amounts, compared by meaning (see `measures`).
    fn amounts(&self, lexicon: &Lexicon) -> Vec<Amount> {
        amounts(self.text, self.quantities(), &|word| lexicon.concept(word))
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
    let (a_amounts, b_amounts) = (a.amounts(lexicon), b.amounts(lexicon));
    for (x, y, y_amounts) in [(a, b, &b_amounts), (b, a, &a_amounts)] {
        for q in x.quantities() {
            let Some(unit) = unit_concept(lexicon, &q.unit) else {
                continue;
            };
            // The other side measures it too ("12 minutes", "the 12th
            // minute"): a number difference, if any, is the tally's.
            if y_amounts
                .iter()
                .any(|r| r.span.contains(q.span) || r.span == q.span)
                || amounts(x.text, std::iter::once(q), &|w| lexicon.concept(w))
                    .iter()
                    .any(|m| y_amounts.iter().any(|r| m.comparable(r)))
            {
                if !q.vague
                    && let Some(r) = y.quantities().find(|r| {
                        r.vague && unit_concept(lexicon, &r.unit).as_deref() == Some(&unit)
                    })
                {
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
            let same_unit = y
                .quantities()
                .find(|r| unit_concept(lexicon, &r.unit).as_deref() == Some(unit.as_str()));
            if let Some(r) = same_unit {
                if !q.vague && r.vague {
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
    // Numbers inside names: "Battalion 7" and "Battalion 17" are different
    // names in the same place, unless the other name is in the claim too.
    let numbered = |side: &Side<'_>| -> Vec<(String, Span)> {
        side.entities()
            .filter_map(|e| {
                let name = numbered_name(side.text, e.span)?;
                Some((without_digits(name.text(side.text)), name))
            })
            .collect()
    };
    let (ours, theirs) = (numbered(a), numbered(b));
    for (x, e) in &ours {
        let written = e.text(a.text);
        if theirs.iter().any(|(_, f)| f.text(b.text) == written) {
            continue;
        }
        let Some((_, f)) = theirs
            .iter()
            .find(|(y, f)| y == x && !ours.iter().any(|(_, g)| g.text(a.text) == f.text(b.text)))
        else {
            continue;
        };
        out.push(Difference {
            kind: DifferenceKind::Name,
            detail: format!(
                "{} names {}; {} names {}: different names in the same place.",
                a.outlet,
                a.show(*e),
                b.outlet,
                b.show(*f)
            ),
            spans: vec![a.at(*e), b.at(*f)],
        });
    }
}

/// A name with a number in or right after it ("Unit 21", "Battalion 7").
fn numbered_name(text: &str, name: Span) -> Option<Span> {
    if name.text(text).contains(|c: char| c.is_ascii_digit()) {
        return Some(name);
    }
    let after = text.get(name.end..)?.strip_prefix(' ')?;
    let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    (digits > 0 && !after[digits..].starts_with(|c: char| c.is_alphanumeric()))
        .then(|| Span::new(name.start, name.end + 1 + digits))
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

/// Names spelt two ways across the fact's claims ("Henrik Aalto", "Henrik
/// Alto"; "Mallory", "Malory"): one spelling difference per pair of
/// variants, naming the outlets on each side. Wording, not a different
/// name; shorter and longer forms of one name are no difference at all.
fn spellings(sides: &[Side<'_>]) -> Vec<Difference> {
    // Each distinct word of a name, with where it is written.
    let mut written: Vec<Written<'_>> = Vec::new();
    for (index, side) in sides.iter().enumerate() {
        for e in side.entities() {
            for word in e.span.text(side.text).split(|c: char| !c.is_alphanumeric()) {
                if word.chars().count() < 4 || !word.starts_with(char::is_uppercase) {
                    continue;
                }
                let at = (side.outlet, side.at(e.span));
                match written.iter_mut().find(|(w, _, _)| *w == word) {
                    Some((_, places, claims)) => {
                        if !places.iter().any(|(o, _)| *o == side.outlet) {
                            places.push(at);
                        }
                        claims.push(index);
                    }
                    None => written.push((word, vec![at], vec![index])),
                }
            }
        }
    }
    let mut out = Vec::new();
    for (i, (x, xs, x_claims)) in written.iter().enumerate() {
        for (y, ys, y_claims) in written.iter().skip(i + 1) {
            // Two people of one claim are two people.
            if !near_spelling(x, y) || x_claims.iter().any(|c| y_claims.contains(c)) {
                continue;
            }
            let ((x, xs), (y, ys)) = if ys.len() > xs.len() {
                ((y, ys), (x, xs))
            } else {
                ((x, xs), (y, ys))
            };
            out.push(Difference {
                kind: DifferenceKind::Spelling,
                detail: format!(
                    "A name spelt two ways: {}; {}. The same name, one or two letters apart.",
                    say(&outlets_of(xs), &format!("“{x}”")),
                    say(&outlets_of(ys), &format!("“{y}”"))
                ),
                spans: xs.iter().chain(ys.iter()).map(|(_, s)| *s).collect(),
            });
        }
    }
    out
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
    if same_resolved_speaker(a, b) {
        return;
    }
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

/// Do both claims quote a speaker resolved to the same entity of the story
/// ("the company" and "Northgate Bank")? Then the written
/// sources differ in words only, not in who is quoted.
fn same_resolved_speaker(a: &Side<'_>, b: &Side<'_>) -> bool {
    fn key<'a>(side: &Side<'a>) -> Option<&'a str> {
        let analysis = side.analysis;
        side.claim
            .quotes
            .iter()
            .find_map(|&q| analysis.speaker_key(q))
    }
    matches!((key(a), key(b)), (Some(x), Some(y)) if x == y)
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
