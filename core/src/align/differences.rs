//! Typed differences between the claims of one fact.
//!
//! Each later claim is compared with the fact's first claim (so the work is
//! linear in the fact's size); figures and sources are compared across all
//! the claims (each claim's amounts against those stated before it, each
//! source against the sources seen so far). Every difference names the
//! exact spans involved on both sides and says in plain words what differs.

pub use super::MAX_COMPARED;
use super::features::{Lexicon, words};
use super::measures::{
    Amount, ages, amounts, bare_numbers, baseline, clock_durations, clock_times,
    elided_people_counts, figure_ratio, interval, named_figures, pair, parts_of_day, tolls,
    year_ranges,
};
use super::quote_diff::QuoteFidelity;
use super::{ArticleInput, ArticleSpan, ClaimRef};
use crate::extract::entities::near_spelling;
use crate::extract::lexicon::{BUSINESS_NOUNS, INSTITUTION_NOUNS, ORG_NOUNS, TEXT_NOUNS, contains};
use crate::extract::text::last_clause_start;
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
    /// Different times of day for the same event ("11.40pm" / "11.52pm").
    Time,
    /// Different names in the same place ("Battalion 7" and "Battalion 17").
    Name,
    /// The same quoted words, changed.
    Quote,
    /// The same name spelt differently ("Aalto" and "Alto"): wording.
    Spelling,
}

impl DifferenceKind {
    pub const ALL: [DifferenceKind; 9] = [
        DifferenceKind::Number,
        DifferenceKind::Specificity,
        DifferenceKind::Certainty,
        DifferenceKind::Attribution,
        DifferenceKind::Date,
        DifferenceKind::Time,
        DifferenceKind::Name,
        DifferenceKind::Quote,
        DifferenceKind::Spelling,
    ];

    /// Whether the outlets tell the reader different things (a number, a
    /// name, a date or time, how sure, on whose word), rather than word it
    /// differently (spelling, quote wording, more or less detail).
    pub fn is_substantive(self) -> bool {
        matches!(
            self,
            DifferenceKind::Number
                | DifferenceKind::Name
                | DifferenceKind::Date
                | DifferenceKind::Time
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
            DifferenceKind::Time => "time",
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
            DifferenceKind::Time => "times differ",
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
/// [`MAX_COMPARED`]) against the first, and, across all of them, the
/// figures given for one thing and the sources the claims are told on.
pub fn of_fact(
    articles: &[ArticleInput<'_>],
    lexicon: &Lexicon,
    claims: &[ClaimRef],
    quotes: &[QuoteFidelity],
) -> Vec<Difference> {
    let mut out: Vec<Difference> = Vec::new();
    let Some(&first) = claims.first() else {
        return out;
    };
    if Side::new(articles, first).is_none() {
        return out;
    }
    // Every claim compared, the first claim first.
    let sides: Vec<Side<'_>> = claims
        .iter()
        .take(MAX_COMPARED + 1)
        .filter_map(|&c| Side::new(articles, c))
        .collect();
    // The first claim and the later claims of other articles.
    let compared: Vec<Side<'_>> = claims
        .iter()
        .take(MAX_COMPARED + 1)
        .filter(|c| **c == first || c.article != first.article)
        .filter_map(|&c| Side::new(articles, c))
        .collect();
    let mut tally = Tally::default();
    for b in &compared {
        tally.add(lexicon, b);
    }
    if let Some((a, others)) = compared.split_first() {
        for b in others {
            out.extend(between(lexicon, a, b));
        }
    }
    // Each quote against the fact's first quote of the words.
    for fidelity in quotes {
        let side = |at: ClaimRef| compared.iter().find(|s| s.at_claim == at);
        if let (Some(a), Some(b)) = (side(fidelity.a), side(fidelity.b)) {
            out.extend(quote_difference(a, b, fidelity));
        }
    }
    out.extend(later_dates(lexicon, &compared, &out));
    let mut found = tally.differences(&compared);
    found.append(&mut out);
    found.extend(attribution(&compared));
    found.extend(first_names(&compared));
    found.extend(role_holders(&compared, &found));
    found.extend(quoted_and_reported(&compared));
    found.extend(numbered_names(&compared));
    found.extend(spellings(&sides));
    found
}

/// Dates on which two later claims disagree, the first claim giving none
/// or another ("shortly before midnight on Sunday" / "early on Monday"
/// when the first claim dates nothing): each pair of claims of different
/// articles after the first is compared as the first is with the rest,
/// and only disagreements are kept, each pair of dates as written told
/// once (with the earlier ones in `told`).
fn later_dates(lexicon: &Lexicon, sides: &[Side<'_>], told: &[Difference]) -> Vec<Difference> {
    let key = |d: &Difference| -> Option<(String, String)> {
        let shown = |k: usize| -> Option<String> {
            let at = d.spans.get(k)?;
            let side = sides.iter().find(|s| s.article == at.article)?;
            Some(squash(at.span.text(side.text)).to_lowercase())
        };
        let (x, y) = (shown(0)?, shown(1)?);
        Some(if x <= y { (x, y) } else { (y, x) })
    };
    let mut seen: Vec<(String, String)> = told
        .iter()
        .filter(|d| d.kind == DifferenceKind::Date)
        .filter_map(key)
        .collect();
    let mut out = Vec::new();
    for (i, a) in sides.iter().enumerate().skip(1) {
        for b in sides.iter().skip(i + 1) {
            if a.article == b.article {
                continue;
            }
            let mut found = Vec::new();
            dates(lexicon, a, b, &mut found);
            for d in found {
                if d.kind != DifferenceKind::Date {
                    continue;
                }
                let Some(k) = key(&d) else { continue };
                if !seen.contains(&k) {
                    seen.push(k);
                    out.push(d);
                }
            }
        }
    }
    out
}

/// A word of a name, the outlets and spans where it is written, and the
/// claims (by index) that write it.
type Written<'s> = (&'s str, Vec<(&'s str, ArticleSpan)>, Vec<usize>);

/// The outlets of a list of places.
fn outlets_of<'s>(places: &[(&'s str, ArticleSpan)]) -> Vec<&'s str> {
    places.iter().map(|(o, _)| *o).collect()
}

/// The amounts the fact's claims state, each with the claims that state it
/// too and those that give another figure for the same thing. Each claim
/// is paired with the amounts of the claims before it, so an early toll in
/// the third outlet is set against a later one in the fifth, not only
/// against the first outlet's figures; an amount no earlier claim states
/// or contradicts is added for the claims after it.
/// At most how many times larger one figure may be than the other for two
/// counts of other nouns to be read as one count ([`Tally::other_nouns`]).
const OTHER_NOUNS_RATIO: f64 = 5.0;

#[derive(Default)]
struct Tally {
    amounts: Vec<Amount>,
    /// Per amount: the claim (index among the compared) that gave it first.
    origin: Vec<usize>,
    /// Per amount: the claims that state it too.
    agreeing: Vec<Vec<usize>>,
    /// Per amount: the claims giving another figure, with that figure.
    others: Vec<Vec<(usize, Amount)>>,
    /// The numbers written in the claims so far.
    numbers: Vec<f64>,
    /// The concepts of the words of the claims so far.
    concepts: Vec<String>,
    /// How many claims were added.
    count: usize,
}

impl Tally {
    fn add(&mut self, lexicon: &Lexicon, b: &Side<'_>) {
        let index = self.count;
        self.count += 1;
        let mut theirs = b.amounts(lexicon);
        let mut numbers = bare_numbers(b.text, b.claim.span);
        // A figure an earlier claim already set against an amount: this
        // claim sides with it.
        theirs.retain(|y| {
            let joined = self.others.iter_mut().find_map(|list| {
                list.iter()
                    .any(|(_, z)| y.candidate && z.comparable(y) && z.agrees(y))
                    .then_some(list)
            });
            match joined {
                Some(list) => {
                    list.push((index, y.clone()));
                    numbers.retain(|&n| n != y.written && n != y.value);
                    false
                }
                None => true,
            }
        });
        let mut taken = vec![false; theirs.len()];
        let concepts: Vec<String> = words(b.text, b.claim.span)
            .filter_map(|w| lexicon.concept(w.text(b.text)))
            .collect();
        if !self.amounts.is_empty() && !theirs.is_empty() {
            let mut pairing = pair(&self.amounts, &theirs, &self.numbers, &numbers);
            if pairing.conflicts.is_empty()
                && let Some(conflict) = self.other_nouns(&theirs, &pairing, &concepts)
            {
                pairing.conflicts.push(conflict);
            }
            if pairing.conflicts.is_empty()
                && let Some(conflict) = self.contested(b, &theirs, &pairing)
            {
                pairing.conflicts.push(conflict);
            }
            for (i, agreed) in pairing.a_agreed.iter().enumerate() {
                if *agreed && let Some(list) = self.agreeing.get_mut(i) {
                    list.push(index);
                }
            }
            for (j, agreed) in pairing.b_agreed.iter().enumerate() {
                if let Some(t) = taken.get_mut(j) {
                    *t |= *agreed;
                }
            }
            for (i, j) in pairing.conflicts {
                if let (Some(list), Some(y)) = (self.others.get_mut(i), theirs.get(j)) {
                    list.push((index, y.clone()));
                    // Not a number later claims agree with by writing it.
                    numbers.retain(|&n| n != y.written && n != y.value);
                }
                if let Some(t) = taken.get_mut(j) {
                    *t = true;
                }
            }
        }
        for (y, taken) in theirs.into_iter().zip(taken) {
            if !taken && (y.candidate || y.whole_of_part) {
                self.amounts.push(y);
                self.origin.push(index);
                self.agreeing.push(Vec::new());
                self.others.push(Vec::new());
            }
        }
        self.numbers.extend(numbers);
        self.concepts.extend(concepts);
    }

    /// One count on each side, of other nouns ("after two delays" / "after
    /// three earlier attempts had been scrubbed"): in claims that state one
    /// fact, a sentence that counts one thing and another that counts one
    /// thing count the same thing in their own words, and different figures
    /// are the difference. Both count people or both count things, neither
    /// claim names the other's counted thing without a number ("firefighters
    /// from four stations" counts stations, not the "80 firefighters"), and
    /// a count either side writes the other's number of is settled already.
    fn other_nouns(
        &self,
        theirs: &[Amount],
        pairing: &super::measures::Pairing,
        concepts: &[String],
    ) -> Option<(usize, usize)> {
        let counts = |side: &[Amount]| -> Vec<usize> {
            (0..side.len()).filter(|&k| side[k].count).collect()
        };
        let ([i], [j]) = (&counts(&self.amounts)[..], &counts(theirs)[..]) else {
            return None;
        };
        let (x, y) = (&self.amounts[*i], &theirs[*j]);
        let people = |z: &Amount| z.dimension.starts_with("count person");
        let noun = |z: &Amount| z.dimension.rsplit(' ').next().unwrap_or("").to_string();
        // Two reports of one count are of one size: "some 60,000 landlords"
        // and "two flats" count other things.
        let near =
            x.value > 0.0 && y.value > 0.0 && figure_ratio(x.value, y.value) <= OTHER_NOUNS_RATIO;
        let fits = near
            && x.candidate
            && y.candidate
            && !pairing.a_agreed[*i]
            && !pairing.b_agreed[*j]
            && !x.comparable(y)
            && people(x) == people(y)
            && !x.agrees(y)
            && !concepts.contains(&noun(x))
            && !self.concepts.contains(&noun(y));
        fits.then_some((*i, *j))
    }

    /// A figure a claim sets against the one it agrees on ("savings of $300
    /// million, but analysts estimated that only about $250 million was
    /// realistic"): after an amount that agrees with an earlier claim's, a
    /// contrast ("but", "while", "although", "whereas", "however"), a verb
    /// of saying or estimating ("estimated", "put", "said", "according
    /// to"), then another figure of the same thing that agrees with none,
    /// in the same sentence ("profit rose to $5m, but revenue fell to
    /// $40m" gives two things, not two figures for one). That figure is
    /// another one given for the thing, and the claim is on both sides of
    /// the difference.
    fn contested(
        &self,
        b: &Side<'_>,
        theirs: &[Amount],
        pairing: &super::measures::Pairing,
    ) -> Option<(usize, usize)> {
        const CONTRAST: &[&str] = &["but", "while", "although", "whereas", "however", "yet"];
        const ESTIMATE: &[&str] = &[
            "according",
            "believe",
            "believes",
            "calculate",
            "calculated",
            "claim",
            "claimed",
            "claims",
            "estimate",
            "estimated",
            "estimates",
            "forecast",
            "put",
            "puts",
            "reckon",
            "reckoned",
            "said",
            "say",
            "says",
            "think",
            "thinks",
        ];
        for (k, agreed) in theirs.iter().enumerate() {
            if !pairing.b_agreed.get(k).copied().unwrap_or(false) {
                continue;
            }
            let Some(i) = self
                .amounts
                .iter()
                .position(|x| x.candidate && x.comparable(agreed) && x.agrees(agreed))
            else {
                continue;
            };
            let x = &self.amounts[i];
            for (j, y) in theirs.iter().enumerate() {
                if j == k
                    || y.span.start <= agreed.span.end
                    || !y.candidate
                    || pairing.b_agreed.get(j).copied().unwrap_or(true)
                    || !x.comparable(y)
                    || x.agrees(y)
                {
                    continue;
                }
                let between = b.text.get(agreed.span.end..y.span.start).unwrap_or("");
                if between.contains(['.', ';', '?', '!']) {
                    continue;
                }
                let said: Vec<String> = between
                    .split(|c: char| !c.is_alphanumeric())
                    .map(str::to_lowercase)
                    .collect();
                let contrast = said.iter().any(|w| CONTRAST.contains(&w.as_str()));
                let estimate = said.iter().any(|w| ESTIMATE.contains(&w.as_str()));
                if contrast && estimate {
                    return Some((i, j));
                }
            }
        }
        None
    }

    /// One number difference per amount that others give differently,
    /// naming the outlets on each side and, where their sentences say when
    /// the figure held and the times differ, as of when.
    fn differences(&self, sides: &[Side<'_>]) -> Vec<Difference> {
        let mut out = Vec::new();
        for (i, others) in self.others.iter().enumerate() {
            let (Some(x), Some(&origin)) = (self.amounts.get(i), self.origin.get(i)) else {
                continue;
            };
            let Some(a) = sides.get(origin) else { continue };
            if others.is_empty() {
                continue;
            }
            // Each side: the figure as written, and the claims giving it.
            let mut ours = vec![origin];
            ours.extend(self.agreeing.get(i).into_iter().flatten().copied());
            let mut groups: Vec<(&Amount, usize, Vec<usize>)> = vec![(x, origin, ours)];
            for (side, y) in others {
                match groups
                    .iter_mut()
                    .skip(1)
                    .find(|(z, _, _)| z.comparable(y) && z.agrees(y))
                {
                    Some((_, _, list)) => list.push(*side),
                    None => groups.push((y, *side, vec![*side])),
                }
            }
            let times: Vec<Option<(i64, String)>> = groups
                .iter()
                .map(|(_, _, list)| {
                    list.iter()
                        .filter_map(|&s| sides.get(s)?.latest_time())
                        .max_by_key(|(day, _)| *day)
                })
                .collect();
            // A time of day is itself the when: no "as of" for it.
            let dated = x.dimension != "time of day"
                && times.iter().flatten().count() >= 2
                && times.iter().flatten().any(|(day, when)| {
                    times
                        .iter()
                        .flatten()
                        .any(|(other, said)| other != day || said != when)
                });
            let described: Vec<String> = groups
                .iter()
                .zip(&times)
                .filter_map(|((amount, by, list), time)| {
                    let shown = sides.get(*by)?.show(amount.span);
                    let mut outlets: Vec<&str> = list
                        .iter()
                        .filter_map(|&s| Some(sides.get(s)?.outlet))
                        .collect();
                    outlets.dedup();
                    let mut said = say(&outlets, &shown);
                    if dated && let Some((_, when)) = time {
                        said.push_str(&format!(" (as of “{when}”)"));
                    }
                    Some(said)
                })
                .collect();
            let mut spans = vec![a.at(x.span)];
            spans.extend(
                others
                    .iter()
                    .filter_map(|(s, y)| Some(sides.get(*s)?.at(y.span))),
            );
            // A time of day is when, not how many: its own kind.
            let (kind, what) = if x.dimension == "time of day" {
                (DifferenceKind::Time, "times")
            } else {
                (DifferenceKind::Number, "figures")
            };
            out.push(Difference {
                kind,
                detail: format!(
                    "Different {what} for the same thing: {}.",
                    described.join("; ")
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
    at_claim: ClaimRef,
    article: usize,
    outlet: &'a str,
    text: &'a str,
    analysis: &'a Analysis,
    claim: &'a Claim,
    /// [`Side::told`], worked out once: several rules ask, some for each
    /// pair of the fact's claims.
    told: std::cell::OnceCell<Option<Told>>,
}

impl<'a> Side<'a> {
    fn new(articles: &[ArticleInput<'a>], at: ClaimRef) -> Option<Side<'a>> {
        let input = articles.get(at.article)?;
        Some(Side {
            at_claim: at,
            article: at.article,
            outlet: input.outlet,
            text: input.text,
            analysis: input.analysis,
            claim: input.analysis.claims.get(at.claim)?,
            told: std::cell::OnceCell::new(),
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
        let mut found = amounts(self.text, self.quantities(), &|word| lexicon.concept(word));
        found.extend(clock_durations(self.text, self.claim.span));
        found.extend(year_ranges(self.text, self.claim.span));
        found.extend(clock_times(self.text, self.claim.span));
        found.extend(parts_of_day(self.text, self.claim.span));
        found.extend(tolls(self.text, self.claim.span));
        found.extend(named_figures(self.text, self.claim.span));
        let elided = elided_people_counts(self.text, self.claim.span, &found);
        found.extend(elided);
        let names = self
            .entities()
            .filter(|e| matches!(e.kind, EntityKind::Person | EntityKind::Organisation))
            .map(|e| e.span);
        found.extend(ages(self.text, self.claim.span, names));
        found
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

    /// The latest day a time of the claim allows to start, with the time
    /// as written: when the claim says its figure held ("by Tuesday
    /// evening", "on Monday").
    fn latest_time(&self) -> Option<(i64, String)> {
        let day = self
            .times()
            .filter_map(|t| Some((interval(t)?.0, squash(t.span.text(self.text)))))
            .max_by_key(|(day, _)| *day);
        // "as of 6 p.m.", "by 9 a.m. on Tuesday": the hour the figure held,
        // which the dates do not give.
        let hour = self.clock_time();
        match (day, hour) {
            (Some((day, written)), Some(hour))
                if !written.contains(&hour) && !hour.contains(&written) =>
            {
                Some((day, format!("{hour}, {written}")))
            }
            (Some((day, written)), Some(hour)) => Some((
                day,
                if hour.len() > written.len() {
                    hour
                } else {
                    written
                },
            )),
            (Some(day), None) => Some(day),
            (None, Some(hour)) => Some((i64::MIN, hour)),
            (None, None) => None,
        }
    }

    /// A time of day the claim gives its figure at: "as of …" up to a
    /// comma, or "by"/"at" and a clock time ("by 6 p.m.", "at 18:00").
    fn clock_time(&self) -> Option<String> {
        let body = self.claim.span.text(self.text);
        let lower = body.to_lowercase();
        let phrase = |from: usize| -> String {
            let rest = body.get(from..).unwrap_or("");
            let end = rest
                .char_indices()
                .find(|&(i, c)| {
                    c == ',' || c == ';' || (c == '.' && !rest[..i].ends_with(['a', 'p', 'm']))
                })
                .map_or(rest.len(), |(i, _)| i);
            squash(&rest[..end])
        };
        if let Some(at) = lower.find("as of ") {
            let found = phrase(at + "as of ".len());
            if !found.is_empty() && found.split(' ').count() <= 5 {
                return Some(found);
            }
        }
        for cue in ["by ", "at "] {
            let mut from = 0;
            while let Some(at) = lower.get(from..).and_then(|rest| rest.find(cue)) {
                let start = from + at + cue.len();
                from = start;
                let word_start = from == cue.len()
                    || lower[..start - cue.len()].ends_with(|c: char| !c.is_alphanumeric());
                let found = phrase(start);
                let clock = found.starts_with(|c: char| c.is_ascii_digit())
                    && (found.contains("a.m") || found.contains("p.m") || found.contains(':'));
                if word_start && clock && found.split(' ').count() <= 5 {
                    return Some(found);
                }
            }
        }
        None
    }

    /// On whose word the claim is told; `None` for the outlet's own voice.
    fn told(&self) -> Option<&Told> {
        self.told.get_or_init(|| self.find_told()).as_ref()
    }

    fn find_told(&self) -> Option<Told> {
        let attributions: Vec<_> = self
            .claim
            .attributions
            .iter()
            .filter_map(|&a| self.analysis.attributions.get(a))
            .filter(|a| !in_relative_clause(self.text, self.claim.span, a))
            .filter(|a| !hearsay(self.text, a) && !names_a_topic(self.text, a))
            .collect();
        // The resolved speaker of a quote in the claim, else a name in the
        // source's words.
        let speaker = self
            .claim
            .quotes
            .iter()
            .find_map(|&q| self.analysis.speaker_key(q))
            .map(str::to_string);
        if let Some(named) = attributions
            .iter()
            .find(|a| !a.anonymous && a.source.is_some())
            && let Some(source) = named.source
        {
            // A name followed by a possessive is whose the source is, not
            // the source ("Caldria's culture ministry").
            let owner = |e: &&crate::extract::Entity| {
                self.text
                    .get(e.span.end..source.end)
                    .is_some_and(|rest| rest.starts_with("'s ") || rest.starts_with("’s "))
            };
            let key = speaker.or_else(|| {
                self.entities()
                    .find(|e| source.contains(e.span) && !owner(e))
                    .map(|e| e.key.clone())
            });
            let mut told = Told::new(
                squash(source.text(self.text)),
                key,
                false,
                source,
                named.cue,
            );
            if told.key.is_none() {
                told.described = self.organisations_described(source);
                told.describes = describes_organisation(source.text(self.text));
            } else {
                // The person's role, read before the name whether or not
                // the source's words take it in ("Coastguard commander
                // Paul Hessing", "His coach, Teodor Brask,"), or after it.
                let person = self
                    .entities()
                    .find(|e| e.kind == EntityKind::Person && source.contains(e.span))
                    .map_or(source, |e| e.span);
                told.title = role_of(self.text, self.claim.span, person)
                    .or_else(|| title_after(self.text, self.claim.span, source));
                if told.title.is_none() {
                    told.role_elsewhere =
                        told.key.as_deref().and_then(|key| self.role_elsewhere(key));
                }
            }
            let (its, head) = self.its_organisation(source);
            told.affiliations = self.affiliations(source, told.key.as_deref(), its);
            if let (Some(head), Some(_)) = (head, &told.key) {
                // "the federation" and "its secretary general Jonas Pell"
                // are one source.
                told.words.push(head);
            }
            return Some(told);
        }
        // ("Residents were told to keep their windows closed" reports an
        // instruction: the attribution stage finds no source in it.)
        let anonymous = attributions.iter().find(|a| a.anonymous)?;
        if let Some(source) = anonymous.source {
            return Some(Told::new(
                squash(source.text(self.text)),
                None,
                true,
                source,
                anonymous.cue,
            ));
        }
        // "according to …" with words the attribution stage took for no
        // source ("the organisers", "results of a trial"): those words.
        let cue = anonymous.cue;
        let after = self
            .text
            .get(cue.end..self.claim.span.end)
            .unwrap_or("")
            .split([',', ';', '.', '(', '—', '–'])
            .next()
            .unwrap_or("");
        let words = squash(after);
        let according = squash(cue.text(self.text)).to_lowercase() == "according to";
        if !according || words.is_empty() {
            return Some(Told::new("an unnamed source".into(), None, true, cue, cue));
        }
        let start = cue.end + (after.len() - after.trim_start().len());
        let span = Span::new(start, start + after.trim().len());
        let unnamed = !words
            .split(' ')
            .skip(1)
            .any(|w| w.starts_with(char::is_uppercase))
            && words
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| UNNAMED.contains(&w.to_lowercase().as_str()));
        Some(Told::new(words, None, unnamed, span, cue))
    }
}

impl Side<'_> {
    /// The role the article gives a person in another sentence: news
    /// writing names a source with a role once ("a company spokesman, Lukas
    /// Brandt, said") and by surname after ("Brandt said …"). The first
    /// mention of `key` outside the claim that [`role_of`] reads a role
    /// around.
    fn role_elsewhere(&self, key: &str) -> Option<String> {
        self.analysis
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person && e.key == key)
            .filter(|e| !self.claim.span.contains(e.span))
            .find_map(|e| {
                // Sentences are in text order: the last one starting at or
                // before the mention.
                let sentences = &self.analysis.sentences;
                let at = sentences.partition_point(|s| s.span.start <= e.span.start);
                let sentence = sentences.get(at.checked_sub(1)?)?;
                sentence
                    .span
                    .contains(e.span)
                    .then(|| role_of(self.text, sentence.span, e.span))
                    .flatten()
            })
    }

    /// The organisations a named source speaks for, as its words name them
    /// ("Kestra Air chief executive Henrik Aalto"). General news usage: an
    /// organisation and the person who speaks for it are one source.
    fn affiliations(&self, source: Span, key: Option<&str>, its: Vec<String>) -> Vec<String> {
        // The source's words, and a title set off after them ("said Ilse
        // Varnholt, the University of Vantora archaeologist leading the
        // survey"), up to the next comma or the claim's end.
        let end = self
            .text
            .get(source.end..self.claim.span.end)
            .and_then(|rest| rest.strip_prefix(", "))
            .map_or(source.end, |title| {
                source.end
                    + 2
                    + title
                        .find([',', ';', '.', '"', '“', '”'])
                        .unwrap_or(title.len())
            });
        let mut found: Vec<String> = self
            .entities()
            .filter(|e| e.kind == EntityKind::Organisation && Some(e.key.as_str()) != key)
            .filter(|e| source.start <= e.span.start && e.span.end <= end)
            .map(|e| e.key.clone())
            .collect();
        found.extend(its);
        crate::model::sort(&mut found);
        found.dedup();
        found
    }

    /// For a source introduced as "its …" ("…, its secretary general Jonas
    /// Pell said"): the organisation the claim is about, as the keys of
    /// those named in it before the source, else as those its opening
    /// description may stand for ("The federation will now examine …"),
    /// with that description's head word ("federation").
    fn its_organisation(&self, source: Span) -> (Vec<String>, Option<String>) {
        let before = self
            .text
            .get(self.claim.span.start..source.start)
            .unwrap_or("");
        let clause = before.rsplit(',').next().unwrap_or("").trim_start();
        let own = format!("{clause}{}", source.text(self.text)).to_lowercase();
        if !own.starts_with("its ") {
            return (Vec::new(), None);
        }
        let named: Vec<String> = self
            .entities()
            .filter(|e| e.kind == EntityKind::Organisation && e.span.end <= source.start)
            .map(|e| e.key.clone())
            .collect();
        if !named.is_empty() {
            return (named, None);
        }
        let mut words = before.split(' ');
        let (Some("The"), Some(head)) = (words.next(), words.next()) else {
            return (Vec::new(), None);
        };
        let head = head.trim_end_matches(|c: char| !c.is_alphanumeric());
        let start = self.claim.span.start;
        let opening = Span::new(start, start + "The ".len() + head.len());
        if !describes_organisation(opening.text(self.text)) {
            return (Vec::new(), None);
        }
        (
            self.organisations_described(opening),
            Some(head.to_lowercase()),
        )
    }

    /// The organisations a source written as a description of one may
    /// stand for ("the company", "the regulator", "the operator"): general
    /// news usage names an organisation and then calls it by what it is.
    /// Those named earlier in the article whose name holds the noun ("the
    /// ministry" after "the Transport Ministry"), else, for a business noun,
    /// every organisation named before that is not a public body, and for a
    /// public body's noun every one that is. Empty when the source is not
    /// such a description.
    fn organisations_described(&self, source: Span) -> Vec<String> {
        if !describes_organisation(source.text(self.text)) {
            return Vec::new();
        }
        let head = head_noun(source.text(self.text));
        let business = contains(&BUSINESS_NOUNS, &head);
        let public = contains(&INSTITUTION_NOUNS, &head);
        let before = || {
            self.analysis
                .entities
                .iter()
                .take_while(|e| e.span.start < source.start)
                .filter(|e| e.kind == EntityKind::Organisation)
        };
        let mut found: Vec<String> = before()
            .filter(|e| key_has_word(&e.key, &head))
            .map(|e| e.key.clone())
            .collect();
        if found.is_empty() {
            found = before()
                .filter(|e| {
                    if business {
                        !names_institution(&e.key)
                    } else {
                        public && names_institution(&e.key)
                    }
                })
                .map(|e| e.key.clone())
                .collect();
        }
        crate::model::sort(&mut found);
        found.dedup();
        found
    }
}

/// The last word of a source's words, lowercase: the noun a description
/// ends in ("the company" → "company").
fn head_noun(source: &str) -> String {
    source
        .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Whether an entity key names a public institution (a word of it is an
/// institution noun: `vellmark-fire-service`).
fn names_institution(key: &str) -> bool {
    key.split('-').any(|w| contains(&INSTITUTION_NOUNS, w))
}

/// Whether `word` is a word of an entity key (`ministry` of
/// `finance-ministry`).
fn key_has_word(key: &str, word: &str) -> bool {
    key.split('-').any(|w| w == word)
}

/// Whether a source's words describe an organisation rather than name
/// it: "the" and at most two lowercase words ending in an organisation
/// noun ("the company", "the regional utility").
fn describes_organisation(source: &str) -> bool {
    let words: Vec<&str> = source
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let (Some(first), Some(head)) = (words.first(), words.last()) else {
        return false;
    };
    first.eq_ignore_ascii_case("the")
        && words.len() <= 3
        && !words[1..].iter().any(|w| w.starts_with(char::is_uppercase))
        && contains(&ORG_NOUNS, &head.to_ascii_lowercase())
}

/// The title written right before a named source, within its claim:
/// up to three words back from the name, stopping at punctuation, a
/// function word or a speech verb ("Chief forecaster Mats Dahlgren said"
/// → "chief forecaster"). Lowercased; `None` when no word precedes.
fn title_before(text: &str, claim: Span, source: Span) -> Option<String> {
    const STOP: &[&str] = &[
        "a", "an", "and", "as", "by", "but", "for", "from", "in", "of", "on", "or", "said", "says",
        "that", "the", "to", "told", "with",
    ];
    let before = text.get(claim.start.min(source.start)..source.start)?;
    let mut title: Vec<String> = Vec::new();
    for word in before.split(' ').rev() {
        if word.is_empty() {
            if title.is_empty() {
                continue;
            }
            break;
        }
        let lower = word.to_lowercase();
        if title.len() == 3
            || !word.chars().all(char::is_alphabetic)
            || STOP.contains(&lower.as_str())
        {
            break;
        }
        title.push(lower);
    }
    title.reverse();
    (!title.is_empty()).then(|| title.join(" "))
}

/// The title set off after a named source ("Bjorn Tallak, director general
/// of the Civil Aviation Authority, said" / "said Kari Osvold, director
/// general of the Civil Aviation Authority"): the apposition up to the next
/// comma or the sentence's end, lowercased, without a leading article; at
/// most eight words, all letters, the first in lower case (a role, not a
/// place or a name) and not a relative pronoun or a conjunction.
fn title_after(text: &str, claim: Span, source: Span) -> Option<String> {
    const MAX_WORDS: usize = 8;
    let after = text.get(source.end..claim.end)?.strip_prefix(", ")?;
    let end = after
        .find([',', ';', '.', '"', '“', '”', '('])
        .unwrap_or(after.len());
    let mut words: Vec<&str> = after[..end].split_whitespace().collect();
    if matches!(words.first(), Some(&("a" | "an" | "the"))) {
        words.remove(0);
    }
    // The body whose post it is, named before the role ("the Health
    // Protection Agency's head of …"): the role is what follows.
    if let Some(k) = words
        .iter()
        .take(MAX_WORDS)
        .position(|w| w.ends_with("'s") || w.ends_with("’s"))
        && words[..=k]
            .iter()
            .all(|w| w.starts_with(char::is_uppercase))
    {
        words.drain(..=k);
    }
    let first = words.first()?;
    let clause = [
        "who", "whose", "whom", "which", "where", "when", "and", "but",
    ]
    .contains(first);
    let plain = words.len() <= MAX_WORDS
        && !clause
        && first.starts_with(|c: char| c.is_lowercase())
        && words.iter().all(|w| {
            // A possessive is part of a title ("head of the city's
            // education office", "president of the Property Owners'
            // Federation").
            let bare = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .or_else(|| w.strip_suffix("s'").or_else(|| w.strip_suffix("s’")))
                .unwrap_or(w);
            // A hyphenated word too ("healthcare-associated").
            !bare.is_empty() && bare.chars().all(|c| c.is_alphabetic() || c == '-')
        });
    plain.then(|| words.join(" ").to_lowercase())
}

/// Whether an attribution reports only a relative clause of the claim:
/// "The company has offered 4%, which the union says falls short of
/// inflation" is the outlet's own report of the offer; only the comment on
/// it is the union's (general news usage: ", which X says …", ", who
/// police say …").
fn in_relative_clause(text: &str, claim: Span, a: &crate::extract::Attribution) -> bool {
    let Some(source) = a.source else {
        return false;
    };
    let before = text
        .get(claim.start.min(source.start)..source.start)
        .unwrap_or("")
        .trim_end()
        .as_bytes();
    [", which", ", who", ", whom"].iter().any(|opener| {
        before
            .len()
            .checked_sub(opener.len())
            .is_some_and(|at| before[at..].eq_ignore_ascii_case(opener.as_bytes()))
    })
}

/// Words that make an "according to" source one that names nobody
/// ("a source familiar with the investigation", "unconfirmed reports").
const UNNAMED: &[&str] = &[
    "anonymous",
    "familiar",
    "insider",
    "insiders",
    "reports",
    "rumours",
    "rumors",
    "source",
    "sources",
    "speculation",
    "unconfirmed",
    "unidentified",
    "unnamed",
];

/// Sources that are pronouns.
const PRONOUNS: &[&str] = &["he", "she", "it", "they", "we"];

/// Words of a source that do not tell sources apart.
const SOURCE_FILLER: &[&str] = &["a", "an", "the", "of", "its", "his", "her", "their", "s"];

/// On whose word a claim is told: a source as written, its entity key
/// when known, its words, and whether it names nobody.
#[derive(Clone)]
struct Told {
    shown: String,
    /// The words that attribute it ("said", "according to").
    cue: Span,
    key: Option<String>,
    /// For a source that describes an organisation ("the company"), the
    /// keys of the organisations its article named that it may stand for.
    described: Vec<String>,
    /// For a named source, the keys of the organisations its words say it
    /// speaks for ("Kestra Air chief executive Henrik Aalto").
    affiliations: Vec<String>,
    words: Vec<String>,
    unnamed: bool,
    span: Span,
    /// The source is a description of an organisation ("the company").
    describes: bool,
    /// The lowercase title written right before a named source ("chief
    /// forecaster" in "Chief forecaster Mats Dahlgren said"), if any.
    title: Option<String>,
    /// For a named person without a title in the claim, the role another
    /// sentence of the article gives them ("a company spokesman, Lukas
    /// Brandt, said" before "Brandt said …").
    role_elsewhere: Option<String>,
}

impl Told {
    fn new(shown: String, key: Option<String>, unnamed: bool, span: Span, cue: Span) -> Told {
        let words = shown
            .split(|c: char| !c.is_alphanumeric())
            .map(str::to_lowercase)
            .filter(|w| !w.is_empty() && !SOURCE_FILLER.contains(&w.as_str()))
            .collect();
        Told {
            shown,
            cue,
            key,
            described: Vec::new(),
            affiliations: Vec::new(),
            words,
            unnamed,
            span,
            describes: false,
            title: None,
            role_elsewhere: None,
        }
    }

    /// One source: both unnamed, the same entity, or the words of one
    /// within the other's ("police" and "police spokesman Jonas Weller";
    /// "the organisers" and "the competition's organisers"), but not
    /// "US officials" and "Chinese officials".
    fn same(&self, other: &Told) -> bool {
        if self.unnamed || other.unnamed {
            return self.unnamed && other.unnamed;
        }
        // "Kestra Air" and "Kestra Air chief executive Henrik Aalto".
        let speaks_for =
            |x: &Told, y: &Told| x.key.as_ref().is_some_and(|k| y.affiliations.contains(k));
        if speaks_for(self, other) || speaks_for(other, self) {
            return true;
        }
        if let (Some(k), Some(l)) = (&self.key, &other.key) {
            return k == l;
        }
        // "the company" and the company its article named, or a person the
        // claim says speaks for it.
        let stands_for = |x: &Told, y: &Told| {
            y.key.as_ref().is_some_and(|k| x.described.contains(k))
                || y.affiliations.iter().any(|k| x.described.contains(k))
        };
        if stands_for(self, other) || stands_for(other, self) {
            return true;
        }
        // "the ministry", standing for the education ministry its article
        // named, is not the Finance Ministry another outlet names: another
        // body of the same kind.
        let stands_for_another = |x: &Told, y: &Told| {
            let head = x.words.last();
            x.describes
                && !x.described.is_empty()
                && y.key.as_ref().is_some_and(|k| {
                    !x.described.contains(k) && head.is_some_and(|h| key_has_word(k, h))
                })
        };
        if stands_for_another(self, other) || stands_for_another(other, self) {
            return false;
        }
        let within =
            |x: &Told, y: &Told| !x.words.is_empty() && x.words.iter().all(|w| y.words.contains(w));
        // "the city's mayor" and "Mayor Lena Ostrova", "the council" and
        // "council leader Gareth Ince": a description whose head is a word
        // of the named source's title.
        let described = |x: &Told, y: &Told| {
            x.key.is_none()
                && y.key.is_some()
                && x.words.last().is_some_and(|head| {
                    y.title
                        .as_deref()
                        .is_some_and(|t| t.split(' ').any(|w| w == head))
                })
        };
        within(self, other)
            || within(other, self)
            || described(self, other)
            || described(other, self)
    }
}

fn between(lexicon: &Lexicon, a: &Side<'_>, b: &Side<'_>) -> Vec<Difference> {
    let mut out = Vec::new();
    numbers(lexicon, a, b, &mut out);
    dates(lexicon, a, b, &mut out);
    certainty(a, b, &mut out);
    upper_bounds(a, b, &mut out);
    out
}

/// One person's words quoted by some outlets and put in the outlet's own
/// words by others ("\"This is a victory for every family …,\" said Petra
/// Lund" / "Their lawyer, Petra Lund, said the judgment was a win for
/// families …"): a quote difference (wording), naming both sides. A claim
/// is quoted when direct quotes make half of it or more, and reported when
/// they make less and its source is the quoted speaker.
fn quoted_and_reported(sides: &[Side<'_>]) -> Option<Difference> {
    let mut quoting: Vec<(&Side<'_>, String)> = Vec::new();
    let mut reporting: Vec<(&Side<'_>, String)> = Vec::new();
    for side in sides {
        let quoted = side
            .claim
            .quotes
            .iter()
            .find_map(|&q| side.analysis.speaker_key(q))
            .map(str::to_string);
        if quoted.is_some()
            && side.analysis.direct_quote_len(side.claim) * 2 >= side.claim.span.len()
        {
            quoting.extend(quoted.map(|key| (side, key)));
        } else if let Some(key) = side.told().and_then(|t| t.key.clone())
            && quoted.as_ref().is_none_or(|q| *q == key)
        {
            reporting.push((side, key));
        }
    }
    if quoting.is_empty() || reporting.is_empty() {
        return None;
    }
    let (_, key) = quoting
        .iter()
        .find(|(_, k)| reporting.iter().any(|(_, r)| r == k))?;
    let mut spans = Vec::new();
    let mut quoted: Vec<&str> = Vec::new();
    let mut reported: Vec<&str> = Vec::new();
    for (list, names) in [(&quoting, &mut quoted), (&reporting, &mut reported)] {
        for (side, _) in list.iter().filter(|(_, k)| k == key) {
            if !names.contains(&side.outlet) {
                names.push(side.outlet);
            }
            spans.push(side.at(side.claim.span));
        }
    }
    Some(Difference {
        kind: DifferenceKind::Quote,
        detail: format!(
            "{} {} the words; {} {} them in other words.",
            say_list(&quoted),
            if quoted.len() == 1 { "quotes" } else { "quote" },
            say_list(&reported),
            if reported.len() == 1 { "gives" } else { "give" }
        ),
        spans,
    })
}

/// Qualifiers that make a figure a maximum: "a ban of up to three years".
const UPPER_BOUNDS: &[&str] = &["as many as", "as much as", "up to"];

/// A maximum on one side given as the figure on the other ("faces a ban of
/// up to three years" / "faces a three-year ban"): the same value of the
/// same thing, hedged by a bound in one and stated in the other, is a
/// certainty difference.
fn upper_bounds(a: &Side<'_>, b: &Side<'_>, out: &mut Vec<Difference>) {
    let base = |q: &crate::extract::Quantity| match super::measures::in_base_unit(&q.unit, q.value)
    {
        Some((dimension, value)) => (dimension.to_string(), value),
        None => (q.unit.to_lowercase(), q.value),
    };
    for (x, y) in [(a, b), (b, a)] {
        for q in x.quantities().filter(|q| !q.vague) {
            let bounded = q
                .qualifier
                .as_deref()
                .is_some_and(|w| UPPER_BOUNDS.contains(&w.to_lowercase().as_str()));
            if !bounded {
                continue;
            }
            let (unit, value) = base(q);
            let stated = y.quantities().find(|r| {
                let (other_unit, other) = base(r);
                !r.vague && r.qualifier.is_none() && other_unit == unit && other == value
            });
            if let Some(r) = stated {
                out.push(Difference {
                    kind: DifferenceKind::Certainty,
                    detail: format!(
                        "{} gives {} as a maximum; {} states {} as the figure.",
                        x.outlet,
                        x.show(q.span),
                        y.outlet,
                        y.show(r.span)
                    ),
                    spans: vec![x.at(q.span), y.at(r.span)],
                });
                return;
            }
        }
    }
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
            crate::model::sort(&mut spans);
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
}

/// Numbers inside names across the fact's claims: "Battalion 7" and
/// "Battalion 17" are different names in the same place, one difference
/// naming the outlets of each, unless one claim writes both (two units).
fn numbered_names(sides: &[Side<'_>]) -> Vec<Difference> {
    // Per name without its digits: each way it is written, with the
    // outlets and spans writing it.
    type Variants<'s> = Vec<(String, Vec<&'s str>, Vec<ArticleSpan>)>;
    let mut patterns: Vec<(String, Variants<'_>)> = Vec::new();
    let mut two_in_one: Vec<String> = Vec::new();
    for side in sides {
        let mut own: Vec<(String, String)> = Vec::new();
        for e in side.entities() {
            let Some(name) = numbered_name(side.text, e.span) else {
                continue;
            };
            let written = squash(name.text(side.text));
            let pattern = without_digits(&written);
            if own.iter().any(|(p, w)| *p == pattern && *w != written) {
                two_in_one.push(pattern.clone());
            }
            own.push((pattern.clone(), written.clone()));
            let index = match patterns.iter().position(|(p, _)| *p == pattern) {
                Some(i) => i,
                None => {
                    patterns.push((pattern, Vec::new()));
                    patterns.len() - 1
                }
            };
            let variants = &mut patterns[index].1;
            match variants.iter_mut().find(|(w, _, _)| *w == written) {
                Some((_, outlets, spans)) => {
                    if !outlets.contains(&side.outlet) {
                        outlets.push(side.outlet);
                    }
                    spans.push(side.at(name));
                }
                None => variants.push((written, vec![side.outlet], vec![side.at(name)])),
            }
        }
    }
    patterns
        .into_iter()
        .filter(|(pattern, variants)| variants.len() >= 2 && !two_in_one.contains(pattern))
        .map(|(_, variants)| {
            let described: Vec<String> = variants
                .iter()
                .map(|(written, outlets, _)| say_names(outlets, &format!("“{written}”")))
                .collect();
            Difference {
                kind: DifferenceKind::Name,
                detail: format!(
                    "{}: different names in the same place.",
                    described.join("; ")
                ),
                spans: variants
                    .into_iter()
                    .flat_map(|(_, _, spans)| spans)
                    .collect(),
            }
        })
        .collect()
}

/// Words of a title that say how senior, not what the role is ("chief
/// arbiter", "principal arbiter": the arbiter). Sorted.
const RANKS: &[&str] = &["chief", "head", "lead", "principal", "senior", "top"];

/// The role a person is named with in a claim: a title right before the
/// name ("Chief arbiter Helena Marsk"), one set off before it ("The
/// tournament's principal arbiter, Paul Ostrander,") or after it ("Bjorn
/// Tallak, director general of the Civil Aviation Authority"), without
/// words of rank ([`RANKS`]) other than one heading an "of" ("head of
/// the education office").
fn role_of(text: &str, claim: Span, name: Span) -> Option<String> {
    // An honorific before the name is no role ("its medical director, Dr
    // Amara Feld").
    const HONORIFICS: &[&str] = &[
        "Dr", "Dr.", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Prof", "Prof.",
    ];
    let mut name = name;
    if let Some(before) = text.get(claim.start..name.start)
        && let Some(rest) = before.strip_suffix(' ')
        && let Some(word) = rest.rsplit(' ').next()
        && HONORIFICS.contains(&word)
    {
        name = Span::new(name.start - 1 - word.len(), name.end);
    }
    let before = text.get(claim.start..name.start)?;
    let set_off = before.strip_suffix(", ").map(|rest| {
        let mut words: Vec<&str> = rest
            .rsplit(' ')
            .take_while(|w| {
                !w.is_empty()
                    && w.chars().all(char::is_alphabetic)
                    && w.starts_with(|c: char| c.is_lowercase())
            })
            .take(3)
            .collect();
        words.reverse();
        // "its medical director", "the tournament's arbiter": the role
        // without the word saying whose.
        if words
            .first()
            .is_some_and(|w| matches!(*w, "its" | "his" | "her" | "their" | "the" | "a" | "an"))
        {
            words.remove(0);
        }
        words.join(" ")
    });
    let found = title_before(text, claim, name)
        .or(set_off.filter(|t| !t.is_empty()))
        .or_else(|| title_after(text, claim, name))?;
    // A word of rank is dropped, unless the role is what it heads ("head
    // of the education office").
    let words: Vec<&str> = found.split(' ').collect();
    let role: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|&(k, w)| RANKS.binary_search(w).is_err() || words.get(k + 1) == Some(&"of"))
        .map(|(_, w)| *w)
        .collect();
    (!role.is_empty()).then(|| role.join(" "))
}

/// Different people named in one role across the fact's outlets ("Chief
/// arbiter Helena Marsk" / "the tournament's principal arbiter, Paul
/// Ostrander"): a name conflict, unless an outlet names both (two people
/// in that role), the surnames are one, or one spelt two ways (see
/// [`first_names`] and `spellings`), or a difference
/// already `found` names them (two sources with one title).
fn role_holders(sides: &[Side<'_>], found: &[Difference]) -> Vec<Difference> {
    // (role, person key, written name, outlet, span)
    let mut named: Vec<(String, &str, String, &str, ArticleSpan)> = Vec::new();
    for side in sides {
        for e in side.entities().filter(|e| e.kind == EntityKind::Person) {
            if let Some(role) = role_of(side.text, side.claim.span, e.span) {
                let written = squash(e.span.text(side.text));
                named.push((role, e.key.as_str(), written, side.outlet, side.at(e.span)));
            }
        }
    }
    let names_key = |outlet: &str, key: &str| {
        sides
            .iter()
            .filter(|s| s.outlet == outlet)
            .any(|s| s.analysis.entities.iter().any(|e| e.key == key))
    };
    let surname = |w: &str| w.rsplit(' ').next().unwrap_or("").to_lowercase();
    let mut out: Vec<Difference> = Vec::new();
    for (i, x) in named.iter().enumerate() {
        for y in named.iter().skip(i + 1) {
            let already = |d: &Difference| {
                d.kind == DifferenceKind::Name && d.detail.contains(&x.2) && d.detail.contains(&y.2)
            };
            let Some(title) = one_title(&x.0, &y.0) else {
                continue;
            };
            if x.1 == y.1
                || x.3 == y.3
                || surname(&x.2) == surname(&y.2)
                || near_spelling(&surname(&x.2), &surname(&y.2))
                || names_key(x.3, y.1)
                || names_key(y.3, x.1)
                || found.iter().chain(&out).any(already)
            {
                continue;
            }
            // Every outlet naming each of the two in the role.
            let holders = |key: &str| -> (Vec<&str>, Vec<ArticleSpan>) {
                let mut outlets: Vec<&str> = Vec::new();
                let mut spans = Vec::new();
                for n in named
                    .iter()
                    .filter(|n| one_title(&n.0, &x.0).is_some() && n.1 == key)
                {
                    if !outlets.contains(&n.3) {
                        outlets.push(n.3);
                    }
                    spans.push(n.4);
                }
                (outlets, spans)
            };
            let ((xs, mut spans), (ys, y_spans)) = (holders(x.1), holders(y.1));
            spans.extend(y_spans);
            out.push(Difference {
                kind: DifferenceKind::Name,
                detail: format!(
                    "{}; {}: different people named as {}.",
                    say_names(&xs, &format!("“{}”", x.2)),
                    say_names(&ys, &format!("“{}”", y.2)),
                    title
                ),
                spans,
            });
        }
    }
    out
}

/// One surname with different first names across the fact's outlets
/// ("Elena Voss", "Marta Voss"): a name conflict, unless an outlet names
/// both people (two people of one family), one first name is an initial
/// or the start of the other ("J. Voss", "Dan"/"Daniel"), or they are one
/// name spelt two ways (a spelling difference).
fn first_names(sides: &[Side<'_>]) -> Vec<Difference> {
    // (surname, first name, key, outlet, span), for people named in full.
    let mut named: Vec<(String, String, &str, &str, ArticleSpan)> = Vec::new();
    for side in sides {
        for e in side.entities().filter(|e| e.kind == EntityKind::Person) {
            let written = e.span.text(side.text);
            let words: Vec<&str> = written.split_whitespace().collect();
            let (Some(first), Some(last)) = (words.first(), words.last()) else {
                continue;
            };
            if words.len() < 2 || first.chars().count() < 2 || first.ends_with('.') {
                continue;
            }
            named.push((
                last.to_lowercase(),
                first.to_lowercase(),
                e.key.as_str(),
                side.outlet,
                side.at(e.span),
            ));
        }
    }
    let names_key = |outlet: &str, key: &str| {
        sides
            .iter()
            .filter(|s| s.outlet == outlet)
            .any(|s| s.analysis.entities.iter().any(|e| e.key == key))
    };
    let mut out: Vec<Difference> = Vec::new();
    let mut seen: Vec<(&str, &str)> = Vec::new();
    for (i, x) in named.iter().enumerate() {
        for y in named.iter().skip(i + 1) {
            let (first_x, first_y) = (x.1.as_str(), y.1.as_str());
            if x.0 != y.0
                || x.3 == y.3
                || x.2 == y.2
                || first_x == first_y
                || first_x.starts_with(first_y)
                || first_y.starts_with(first_x)
                || near_spelling(first_x, first_y)
                || seen.contains(&(x.2, y.2))
                || names_key(x.3, y.2)
                || names_key(y.3, x.2)
            {
                continue;
            }
            seen.push((x.2, y.2));
            seen.push((y.2, x.2));
            let side_of = |key: &str| -> (Vec<&str>, Vec<ArticleSpan>) {
                let mut outlets: Vec<&str> = Vec::new();
                let mut spans = Vec::new();
                for n in named.iter().filter(|n| n.2 == key) {
                    if !outlets.contains(&n.3) {
                        outlets.push(n.3);
                    }
                    spans.push(n.4);
                }
                (outlets, spans)
            };
            let ((xs, mut spans), (ys, more)) = (side_of(x.2), side_of(y.2));
            spans.extend(more);
            let shown = |n: &(String, String, &str, &str, ArticleSpan)| {
                sides
                    .iter()
                    .find(|s| s.article == n.4.article)
                    .map(|s| s.show(n.4.span))
                    .unwrap_or_default()
            };
            out.push(Difference {
                kind: DifferenceKind::Name,
                detail: format!(
                    "{}; {}: different first names for one surname.",
                    say_names(&xs, &shown(x)),
                    say_names(&ys, &shown(y))
                ),
                spans,
            });
        }
    }
    out
}

/// "a and b name “Elena Voss”".
fn say_names(outlets: &[&str], shown: &str) -> String {
    let verb = if outlets.len() == 1 { "names" } else { "name" };
    format!("{} {verb} {shown}", say_list(outlets))
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
            // Two people of one claim are two people; so are two names an
            // outlet writes both of anywhere in its article.
            if !near_spelling(x, y)
                || x_claims.iter().any(|c| y_claims.contains(c))
                || (sides.iter().any(|s| writes_both(s, x, y)) && !one_full_name(sides, x, y))
            {
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

/// Whether the claims write one full name both ways, the rest of it the
/// same ("Sigrun Aalvik" / "Sigrun Alvik"): one person, with a slip, even
/// where an article names another person with the other spelling
/// elsewhere ("Gunnar Aalvik", who hires out canoes).
fn one_full_name(sides: &[Side<'_>], x: &str, y: &str) -> bool {
    let names = |word: &str| -> Vec<String> {
        sides
            .iter()
            .flat_map(|side| side.entities().map(|e| e.span.text(side.text)))
            .filter(|name| name.split(' ').count() >= 2 && name.split(' ').any(|w| w == word))
            .map(|name| {
                name.split(' ')
                    .map(|w| if w == word { "\u{0}" } else { w })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    };
    let (xs, ys) = (names(x), names(y));
    xs.iter().any(|n| ys.contains(n))
}

/// Whether the side's article writes both words in the names of two
/// entities: two people ("Piotr Henning", "Oskar Hening"). Both words in
/// names of one entity (the story's entity stage keyed "Tomas Verhar" and
/// "Tomas Verhaar" as one) are one name with a slip, which is the
/// spelling difference itself.
fn writes_both(side: &Side<'_>, x: &str, y: &str) -> bool {
    let keys = |word: &str| -> Vec<&str> {
        side.analysis
            .entities
            .iter()
            .filter(|e| {
                e.span
                    .text(side.text)
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == word)
            })
            .map(|e| e.key.as_str())
            .collect()
    };
    let (xs, ys) = (keys(x), keys(y));
    xs.iter().any(|kx| ys.iter().any(|ky| kx != ky))
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

fn dates(lexicon: &Lexicon, a: &Side<'_>, b: &Side<'_>, out: &mut Vec<Difference>) {
    let theirs: Vec<&TimeExpr> = b.times().filter(|t| !statement_time(b, t.span)).collect();
    // "in June" and "in June": the same words, whatever year each outlet's
    // date and tense made of them (a year the text does not write is a
    // guess, not a statement).
    let written = |side: &Side<'_>, t: &TimeExpr| squash(t.span.text(side.text)).to_lowercase();
    let same_words = |t: &TimeExpr, u: &TimeExpr| {
        let (x, y) = (written(a, t), written(b, u));
        x == y
            && !x.contains(|c: char| c.is_ascii_digit())
            && t.value.get(4..).is_some()
            && t.value.get(4..) == u.value.get(4..)
    };
    for t in a.times() {
        if statement_time(a, t.span) {
            continue;
        }
        if theirs.is_empty()
            || theirs
                .iter()
                .any(|u| u.value == t.value || same_words(t, u))
        {
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
        if dates_another_event(lexicon, (a, t), (b, u))
            || reading_time(a, t.span)
            || reading_time(b, u.span)
            || relative_anchor(a, t.span)
            || relative_anchor(b, u.span)
            || reference_time(a, t.span) != reference_time(b, u.span)
        {
            continue;
        }
        // Two bounds the same way ("until 18 July" / "until 20 July",
        // "since Sunday" / "since Monday") state different ends of one
        // period: they disagree, though their open intervals meet.
        let same_bound = t.bound == u.bound
            && matches!(t.bound, Bound::OnOrBefore | Bound::OnOrAfter)
            && t.value != u.value;
        let fits = theirs_interval.0 <= mine.1 && mine.0 <= theirs_interval.1 && !same_bound;
        // Compatible times ("2019" and "July 2019") differ in precision,
        // not in what they say: a specificity difference, not a date one.
        let (kind, verdict) = if fits {
            (
                DifferenceKind::Specificity,
                "compatible, but not equally precise",
            )
        } else {
            (DifferenceKind::Date, "these disagree")
        };
        out.push(Difference {
            kind,
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

/// Whether a time dates the statement, not what it reports: right after
/// the words that attribute the claim ("…, officials said on Tuesday",
/// "Tellgard said on Tuesday that …"). Outlets quoting one source on
/// different days disagree on nothing.
fn statement_time(side: &Side<'_>, time: Span) -> bool {
    side.claim
        .attributions
        .iter()
        .filter_map(|&a| side.analysis.attributions.get(a))
        .any(|a| {
            a.cue.end <= time.start
                && side.text.get(a.cue.end..time.start).is_some_and(|between| {
                    matches!(
                        between.trim(),
                        "" | "on" | "in" | "late on" | "early on" | "last" | "this"
                    )
                })
        })
}

/// Whether a time is when a state or a figure was read ("20% contained by
/// Tuesday evening", "as of Monday", "were still missing on Friday"), not
/// when something happened: a
/// reading against another time is an update (the figures' difference says
/// as of when), not a date the outlets disagree on.
/// A "by" after a future or an obligation ("are to be completed by the
/// end of 2027", "will close by Friday") is a deadline, a date outlets may
/// disagree on, not a reading.
fn reading_time(side: &Side<'_>, time: Span) -> bool {
    let before = side
        .text
        .get(side.claim.span.start.min(time.start)..time.start)
        .unwrap_or("")
        .trim_end()
        .to_ascii_lowercase();
    let deadline = |rest: &str| {
        // The clause: after the last comma or semicolon that ends one (not
        // the comma of "4,000").
        let clause = &rest[last_clause_start(rest)..];
        let clause = format!(" {clause} ");
        DEADLINE_CUES.iter().any(|cue| clause.contains(cue))
    };
    // "Four workers were still missing on Friday afternoon": when the
    // state was seen to hold.
    let clause = &before[last_clause_start(&before)..];
    let clause = format!(" {clause} ");
    let still = [" is still ", " are still ", " was still ", " were still "]
        .iter()
        .any(|state| clause.contains(state));
    ["by", "as of", "as at"].iter().any(|cue| {
        before.strip_suffix(cue).is_some_and(|rest| {
            (rest.is_empty() || rest.ends_with(|c: char| !c.is_alphanumeric()))
                && !(*cue == "by" && deadline(rest))
        })
    }) || still
        || counted_time(side, time)
}

/// Words before a "by" that make its time a deadline ([`reading_time`]).
const DEADLINE_CUES: [&str; 10] = [
    " will ",
    " would ",
    " to be ",
    " is to ",
    " are to ",
    " due ",
    " must ",
    " should ",
    " expected to ",
    " plans to ",
];

/// Verbs that give a count as it stood when someone counted: "The ministry
/// confirmed 11 deaths … on Monday evening" dates the count, not the
/// deaths.
const COUNT_VERBS: [&str; 5] = ["confirmed", "counted", "recorded", "registered", "reported"];

/// Whether a time dates a count: the clause before it has one of
/// [`COUNT_VERBS`] and then a figure, with no clause break in between.
fn counted_time(side: &Side<'_>, time: Span) -> bool {
    let from = side.claim.span.start.min(time.start);
    let Some(before) = side.text.get(from..time.start) else {
        return false;
    };
    let clause_start = from + last_clause_start(before);
    let Some(verb) = words(side.text, Span::new(clause_start, time.start)).find(|w| {
        let word = w.text(side.text);
        COUNT_VERBS.iter().any(|v| word.eq_ignore_ascii_case(v))
    }) else {
        return false;
    };
    side.quantities()
        .any(|q| q.span.start >= verb.end && q.span.end <= time.start)
}

/// Whether a time is the point a comparison reaches back to ("the worst
/// since 2008", "the first time since 1998"), not a date of what the claim
/// reports: set against an event's date it is a date of something else.
fn since_time(side: &Side<'_>, time: Span) -> bool {
    let written = time.text(side.text).trim_start().to_ascii_lowercase();
    if written.starts_with("since ") {
        return true;
    }
    side.text
        .get(side.claim.span.start.min(time.start)..time.start)
        .unwrap_or("")
        .trim_end()
        .to_ascii_lowercase()
        .strip_suffix("since")
        .is_some_and(|rest| rest.is_empty() || rest.ends_with(|c: char| !c.is_alphanumeric()))
}

/// Whether a time dates something the claim sets a span of days or weeks
/// from what it reports ("woke up in the record books on Monday, a day
/// after winning …", "on Friday, two days before the vote"): the day is
/// not the reported event's, so it is no date to compare.
fn relative_anchor(side: &Side<'_>, time: Span) -> bool {
    let Some(after) = side.text.get(time.end..side.claim.span.end.max(time.end)) else {
        return false;
    };
    let words: Vec<String> = after
        .trim_start_matches([',', ' '])
        .split_whitespace()
        .take(3)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
        .collect();
    let [count, unit, relation] = &words[..] else {
        return false;
    };
    let counted = matches!(
        count.as_str(),
        "a" | "the" | "one" | "two" | "three" | "four"
    ) || count.parse::<u32>().is_ok();
    counted
        && matches!(unit.as_str(), "day" | "days" | "week" | "weeks")
        && matches!(relation.as_str(), "after" | "before")
}

/// Whether a time is a point a comparison reaches back to: "since 2008",
/// or the time of the earlier value a change is measured from ("up from
/// 19.0% in 2021", "down from 66.5% four years ago").
fn reference_time(side: &Side<'_>, time: Span) -> bool {
    since_time(side, time)
        || side.quantities().any(|q| {
            q.span.end <= time.start
                && baseline(side.text, q.span)
                && side
                    .text
                    .get(q.span.end..time.start)
                    .is_some_and(|between| matches!(between.trim(), "" | "in" | "on" | "at"))
        })
}

/// The event a time is the date of: the last past-tense or participle
/// word before it in the claim ("sentenced … on 24 February"), by concept.
fn event_before(lexicon: &Lexicon, side: &Side<'_>, time: Span) -> Option<(Span, String)> {
    let start = side.claim.span.start.min(time.start);
    words(side.text, Span::new(start, time.start))
        .filter(|w| {
            let word = w.text(side.text);
            word.len() >= 5 && word.ends_with("ed") && word.starts_with(char::is_lowercase)
        })
        .last()
        .and_then(|w| Some((w, lexicon.concept(w.text(side.text))?)))
}

/// Whether the two times date different events of the claims: "pleaded
/// guilty … in November" and "was sentenced on 24 February after pleading
/// guilty" — the second claim names the first one's event apart from the
/// one it dates.
fn dates_another_event(
    lexicon: &Lexicon,
    (a, t): (&Side<'_>, &TimeExpr),
    (b, u): (&Side<'_>, &TimeExpr),
) -> bool {
    let (Some((at_a, event_a)), Some((at_b, event_b))) = (
        event_before(lexicon, a, t.span),
        event_before(lexicon, b, u.span),
    ) else {
        return false;
    };
    if event_a == event_b {
        return false;
    }
    let names = |side: &Side<'_>, skip: Span, event: &str| {
        words(side.text, side.claim.span)
            .filter(|w| *w != skip)
            .any(|w| lexicon.concept(w.text(side.text)).as_deref() == Some(event))
    };
    names(b, at_b, &event_a) || names(a, at_a, &event_b)
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

/// Who the fact's claims are told by, across all of them: one difference
/// when they name different sources ("police" and "officials"), or when
/// one outlet has it from a source that names nobody and another states
/// it itself. An outlet stating in its own voice what another attributes
/// to a named source is a certainty difference, not one of sources.
fn attribution(sides: &[Side<'_>]) -> Option<Difference> {
    let mut groups: Vec<(Told, Vec<&str>, Vec<ArticleSpan>)> = Vec::new();
    let mut own: Vec<&str> = Vec::new();
    for side in sides {
        let Some(told) = side.told() else {
            if !own.contains(&side.outlet) {
                own.push(side.outlet);
            }
            continue;
        };
        // "he said", "said the 29-year-old": who, the claim does not say
        // (a pronoun, or a person by age alone); unless resolved, it is not
        // set against other sources.
        let shown = told.shown.to_lowercase();
        let by_age = shown
            .strip_prefix("the ")
            .is_some_and(|rest| rest.ends_with("-year-old") && !rest.contains(' '));
        // "a short statement", "the letter": the text someone put it in,
        // not who; not set against other sources either.
        let text_noun = shown
            .rsplit(' ')
            .next()
            .is_some_and(|head| TEXT_NOUNS.has_exact(head));
        if told.key.is_none() && (PRONOUNS.contains(&shown.as_str()) || by_age || text_noun) {
            continue;
        }
        let mut told = told.clone();
        if told.describes {
            // "Ostvatten will ban hosepipe use …, the company said": the
            // organisation its own claim names is the one it describes.
            told.described
                .extend(named_in_claim(side, sides, &told.shown));
        }
        let at = side.at(told.span);
        match groups.iter_mut().find(|(t, _, _)| t.same(&told)) {
            Some((_, outlets, spans)) => {
                if !outlets.contains(&side.outlet) {
                    outlets.push(side.outlet);
                }
                spans.push(at);
            }
            None => groups.push((told, vec![side.outlet], vec![at])),
        }
    }
    let differ = groups.len() >= 2 || (!own.is_empty() && groups.iter().any(|g| g.0.unnamed));
    if !differ {
        return None;
    }
    if let Some(conflict) = one_role_two_names(&groups, &own, sides) {
        return Some(conflict);
    }
    let mut parts: Vec<String> = groups
        .iter()
        .map(|(told, outlets, _)| {
            let verb = if outlets.len() == 1 {
                "attributes"
            } else {
                "attribute"
            };
            let source = if told.unnamed && told.span != told.cue {
                format!("{} (no one named)", told.shown)
            } else if told.key.is_none() && PRONOUNS.contains(&told.shown.to_lowercase().as_str()) {
                // "She said …": the pronoun as a reader would write it mid-sentence.
                format!("“{}”", told.shown.to_lowercase())
            } else {
                told.shown.clone()
            };
            format!("{} {verb} it to {source}", say_list(outlets))
        })
        .collect();
    if !own.is_empty() {
        let verb = if own.len() == 1 { "says" } else { "say" };
        let voice = if own.len() == 1 { "its" } else { "their" };
        parts.push(format!("{} {verb} it in {voice} own voice", say_list(&own)));
    }
    Some(Difference {
        kind: DifferenceKind::Attribution,
        detail: format!("{}.", parts.join("; ")),
        spans: groups.into_iter().flat_map(|(_, _, spans)| spans).collect(),
    })
}

/// The keys of the named sources of the fact's other claims that this
/// claim's own words name ("Ostvatten" in "Ostvatten will ban hosepipe
/// use …, the company said"), for a source that describes an organisation
/// (`description`) the name fits: one with the description's noun in it
/// ("the foundation", "Halvard Foundation"), or a business for a business
/// noun ("the company"); "the university" is not the foundation its claim
/// names.
fn named_in_claim(side: &Side<'_>, sides: &[Side<'_>], description: &str) -> Vec<String> {
    let head = head_noun(description);
    let business = contains(&BUSINESS_NOUNS, &head);
    let fits = |key: &str| key_has_word(key, &head) || business && !names_institution(key);
    let written: Vec<String> = words(side.text, side.claim.span)
        .map(|w| w.text(side.text).to_lowercase())
        .collect();
    let mut keys: Vec<String> = Vec::new();
    for other in sides.iter().filter(|o| o.article != side.article) {
        let Some(key) = other.told().and_then(|t| t.key.as_deref()) else {
            continue;
        };
        let parts: Vec<&str> = key.split('-').collect();
        let found = !parts.is_empty()
            && fits(key)
            && written
                .windows(parts.len())
                .any(|w| w.iter().zip(&parts).all(|(x, y)| x == y));
        if found && !keys.iter().any(|k| k == key) {
            keys.push(key.to_string());
        }
    }
    keys
}

/// Two named sources with one title ("Chief forecaster Mats Dahlgren" /
/// "Chief forecaster Erik Lindqvist"), every outlet naming a source: the
/// same role filled by different people, a name conflict rather than two
/// sources; unless an article of the fact names both people (two people
/// who hold that title, such as two countries' foreign ministers).
fn one_role_two_names(
    groups: &[(Told, Vec<&str>, Vec<ArticleSpan>)],
    own: &[&str],
    sides: &[Side<'_>],
) -> Option<Difference> {
    let [(x, xs, x_spans), (y, ys, y_spans)] = groups else {
        return None;
    };
    let names_both = |k: &str, l: &str| {
        sides.iter().any(|s| {
            s.analysis.entities.iter().any(|e| e.key == k)
                && s.analysis.entities.iter().any(|e| e.key == l)
        })
    };
    if let (Some(k), Some(l)) = (&x.key, &y.key)
        && names_both(k, l)
    {
        return None;
    }
    let role = |t: &Told| t.title.clone().or_else(|| t.role_elsewhere.clone());
    let (Some(tx), Some(ty)) = (role(x), role(y)) else {
        return None;
    };
    if !own.is_empty() || x.key.is_none() || y.key.is_none() {
        return None;
    }
    let title = one_title(&tx, &ty)?;
    let mut spans = x_spans.clone();
    spans.extend(y_spans.iter().copied());
    Some(Difference {
        kind: DifferenceKind::Name,
        detail: format!(
            "{}; {}: different people named as {title}.",
            say_names(xs, &format!("“{}”", x.shown)),
            say_names(ys, &format!("“{}”", y.shown))
        ),
        spans,
    })
}

/// The title two titles share, when they are one: the same words, or one
/// the other's last words with the body it is held in before them
/// ("commander" / "coastguard commander": "commander") or after it with
/// "of" ("president" / "president of the federation"), a possessive and
/// a gendered form making no other post ("the company's spokeswoman" /
/// "company spokesman": "spokesperson"). "Police commander" and "fire
/// commander" are two, and so are "president" and "vice president".
fn one_title(x: &str, y: &str) -> Option<String> {
    // Words that make another post of the title ("vice president",
    // "deputy minister", "assistant coach", "former president").
    const OTHER_POST: &[&str] = &[
        "acting",
        "assistant",
        "associate",
        "deputy",
        "ex",
        "former",
        "interim",
        "junior",
        "vice",
    ];
    let (x, y) = (neutral_title(x), neutral_title(y));
    let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    let bare = |t: &str| t.replace("'s ", " ").replace("’s ", " ");
    let (short_bare, long_bare) = (bare(&short), bare(&long));
    let one = short_bare == long_bare
        || long_bare.strip_suffix(&short_bare).is_some_and(|body| {
            body.ends_with(' ') && !body.split_whitespace().any(|w| OTHER_POST.contains(&w))
        })
        // "president of the Association of School Heads" / "the
        // association's president": the body after the title.
        || long_bare
            .strip_prefix(&short_bare)
            .is_some_and(|rest| rest.starts_with(" of "));
    one.then_some(short)
}

/// A title with its gendered forms made one ("spokeswoman", "spokesman"
/// → "spokesperson"; "chairwoman" → "chairperson"): the same post,
/// whoever holds it.
fn neutral_title(title: &str) -> String {
    title
        .split(' ')
        .map(
            |w| match w.strip_suffix("woman").or_else(|| w.strip_suffix("man")) {
                Some(stem)
                    if ["spokes", "chair", "council", "congress", "fore"].contains(&stem) =>
                {
                    format!("{stem}person")
                }
                _ => w.to_string(),
            },
        )
        .collect::<Vec<_>>()
        .join(" ")
}

/// "The survivors are said to be stable", "he was reported to have fled":
/// the passive of hearsay, a hedge that names no one (certainty shows it),
/// not a source set against the others'.
fn hearsay(text: &str, a: &crate::extract::Attribution) -> bool {
    const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];
    let cue = a.cue.text(text).to_lowercase();
    let passive = cue.ends_with("said") || cue.ends_with("reported");
    let before = text
        .get(..a.cue.start)
        .unwrap_or("")
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .to_lowercase();
    a.source.is_none()
        && passive
        && (BE.contains(&before.as_str()) || BE.iter().any(|b| cue.starts_with(b)))
        && text
            .get(a.cue.end..)
            .is_some_and(|rest| rest.starts_with(" to "))
}

/// "Forecasters had warned of the storm", "officials spoke about the
/// damage", "he argued with the umpire", "the umpire warned Elmquist for
/// unsportsmanlike conduct": a verb of saying with the thing spoken of,
/// the person spoken with, or the person it was said to and what for as
/// its object, not a statement reported; its subject is who the claim is
/// about, not a source the claim rests on.
fn names_a_topic(text: &str, a: &crate::extract::Attribution) -> bool {
    const ADDRESSED: &[&str] = &["her", "him", "them", "us"];
    // Verbs whose "with" names who was spoken with, not how ("said with a
    // smile" still reports a statement).
    const WITH_SOMEONE: &[&str] = &["argue", "argued", "argues", "clashed", "spoke", "talked"];
    // Verbs whose person and "for" or "over" say whom they judged and why
    // ("warned Elmquist for unsportsmanlike conduct"), unlike "told
    // Reuters over the weekend".
    const JUDGING: &[&str] = &[
        "blamed",
        "criticised",
        "criticized",
        "praised",
        "rebuked",
        "reprimanded",
        "thanked",
        "warned",
    ];
    let Some(rest) = text.get(a.cue.end..) else {
        return false;
    };
    let cue = a.cue.text(text).to_lowercase();
    let verb = cue.rsplit(' ').next().unwrap_or("");
    let mut words = rest.split_whitespace();
    let object = words.next().unwrap_or("");
    let named = object.starts_with(char::is_uppercase) || ADDRESSED.contains(&object);
    a.source.is_some()
        && (rest.starts_with(" of ")
            || rest.starts_with(" about ")
            || (rest.starts_with(" with ") && WITH_SOMEONE.contains(&verb))
            || (named && JUDGING.contains(&verb) && matches!(words.next(), Some("for" | "over"))))
}

/// "a", "a and b", "a, b and c".
fn say_list(outlets: &[&str]) -> String {
    match outlets {
        [init @ .., last] if !init.is_empty() => format!("{} and {last}", init.join(", ")),
        [one] => (*one).to_string(),
        _ => String::new(),
    }
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
