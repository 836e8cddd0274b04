//! Claims as weighted features, the alignment's raw material.
//!
//! A claim's features are what extraction found in it — entity keys
//! (story-wide), number values, normalised dates — plus its content words:
//! lowercased, ASCII-folded, mapped onto one concept when general lexical
//! data groups them ("movie" and "film", "cancel" and "cancellation"; see
//! [`super::lexical`]) and stemmed by a few suffix rules. Function words,
//! hedges and reporting verbs are
//! dropped: they say how something is reported, not what. Each feature is
//! weighted by its rarity within the story (inverse document frequency over
//! claims), so words every claim shares decide nothing.

use crate::model::HashMap;
use std::cell::RefCell;
use std::rc::Rc;

use super::ArticleInput;
pub use super::lexical::{fold, stem};
use crate::extract::text::char_at;
use crate::extract::{Analysis, Granularity};
use crate::model::Span;

/// What a feature is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FeatureKind {
    /// A named entity, by its story-wide key.
    Entity,
    /// A content word, by its stem or concept.
    Word,
    /// The value of a quantity.
    Number,
    /// A normalised date (day, week, month or year).
    Date,
    /// A run of [`QUOTED_RUN`] words inside quotation marks, function
    /// words included: outlets that quote the same words report the same
    /// thing, however little else their sentences share.
    Quoted,
}

impl FeatureKind {
    pub fn name(self) -> &'static str {
        match self {
            FeatureKind::Entity => "entity",
            FeatureKind::Word => "word",
            FeatureKind::Number => "number",
            FeatureKind::Date => "date",
            FeatureKind::Quoted => "quoted words",
        }
    }

    /// How much a shared feature of this kind counts, before rarity.
    fn factor(self) -> f32 {
        match self {
            FeatureKind::Entity => 1.0,
            FeatureKind::Word => 1.0,
            FeatureKind::Number => 1.2,
            FeatureKind::Date => 0.8,
            FeatureKind::Quoted => 1.0,
        }
    }
}

/// How much of its weight a feature found in one claim only keeps in the
/// claim's length (norm).
const UNIQUE_FEATURE_SHARE: f32 = 0.35;

/// Counts of things below this are matched with their noun (see
/// `claim_features`): the numbers a story repeats by chance.
const SMALL_COUNT: f64 = 20.0;

/// Words in a quoted run ([`FeatureKind::Quoted`]): four words the same,
/// in order and inside quotation marks, are seldom chance.
const QUOTED_RUN: usize = 4;

/// One claim's features, sorted by id, each with its weight and where the
/// claim writes it.
#[derive(Clone, Debug, Default)]
pub struct ClaimFeatures {
    pub features: Vec<Weighted>,
    /// Euclidean norm of the weights.
    pub norm: f32,
    /// The claim's dated events ("when:attack" features) with the first and
    /// last day (epoch days) its date allows.
    pub dated_events: Vec<(u32, i64, i64)>,
}

#[derive(Clone, Copy, Debug)]
pub struct Weighted {
    pub id: u32,
    pub weight: f32,
    /// The claim's first occurrence of the feature.
    pub span: Span,
}

/// A feature of the story: its kind and canonical form.
#[derive(Clone, Debug)]
pub struct FeatureInfo {
    pub kind: FeatureKind,
    pub key: String,
    /// Number of claims (across the story) that have it.
    pub claims: u32,
}

/// Every claim's features and the story-wide feature table.
#[derive(Debug, Default)]
pub struct StoryFeatures {
    /// Per article, per claim.
    pub claims: Vec<Vec<ClaimFeatures>>,
    pub table: Vec<FeatureInfo>,
    pub total_claims: usize,
    /// The articles in the story's canonical order (by text, then outlet,
    /// then id): later stages visit claims in this order and break ties by
    /// it, so that the facts do not depend on the order the articles come
    /// in. Feature ids are given in this order too.
    pub order: Vec<usize>,
    /// The word lexicon, with the concepts of every word seen so far.
    pub lexicon: Lexicon,
}

impl StoryFeatures {
    pub fn build(articles: &[ArticleInput<'_>]) -> StoryFeatures {
        let lexicon = Lexicon::new();
        let mut ids: HashMap<(FeatureKind, Rc<str>), u32> = HashMap::default();
        let mut table: Vec<FeatureInfo> = Vec::new();
        type Found = (Vec<(u32, Span)>, Vec<(u32, i64, i64)>);
        let mut order: Vec<usize> = (0..articles.len()).collect();
        crate::model::sort_by(&mut order, |&x, &y| {
            let (x, y) = (&articles[x], &articles[y]);
            (x.text, x.outlet, x.id).cmp(&(y.text, y.outlet, y.id))
        });
        let mut claims: Vec<Vec<Found>> = vec![Vec::new(); articles.len()];
        let mut raw: Vec<(FeatureKind, Rc<str>, Span)> = Vec::new();
        for &index in &order {
            let article = &articles[index];
            let mut per_claim = Vec::with_capacity(article.analysis.claims.len());
            for claim in 0..article.analysis.claims.len() {
                raw.clear();
                claim_features(article.text, article.analysis, claim, &lexicon, &mut raw);
                let mut found: Vec<(u32, Span)> = Vec::with_capacity(raw.len());
                for (kind, key, span) in raw.drain(..) {
                    let next = table.len() as u32;
                    let id = *ids.entry((kind, key)).or_insert_with_key(|(kind, key)| {
                        table.push(FeatureInfo {
                            kind: *kind,
                            key: key.to_string(),
                            claims: 0,
                        });
                        next
                    });
                    if !found.iter().any(|(f, _)| *f == id) {
                        found.push((id, span));
                        table[id as usize].claims += 1;
                    }
                }
                crate::model::sort_by_key(&mut found, |(id, _)| *id);
                let interval = article.analysis.claims[claim]
                    .times
                    .first()
                    .and_then(|&t| article.analysis.times.get(t))
                    .and_then(super::measures::interval);
                let dated: Vec<(u32, i64, i64)> = match interval {
                    Some((first, last)) => found
                        .iter()
                        .filter(|(id, _)| table[*id as usize].key.starts_with("when:"))
                        .map(|&(id, _)| (id, first, last))
                        .collect(),
                    None => Vec::new(),
                };
                per_claim.push((found, dated));
            }
            claims[index] = per_claim;
        }
        let total_claims: usize = claims.iter().map(Vec::len).sum();
        let n = total_claims as f32;
        let claims = claims
            .into_iter()
            .map(|article| {
                article
                    .into_iter()
                    .map(|(found, dated_events)| {
                        let features: Vec<Weighted> = found
                            .into_iter()
                            .map(|(id, span)| {
                                let info = &table[id as usize];
                                let idf = ((n + 1.0) / (info.claims as f32 + 0.5)).ln().max(0.0);
                                Weighted {
                                    id,
                                    weight: idf * info.kind.factor(),
                                    span,
                                }
                            })
                            .collect();
                        // A feature no other claim has cannot be shared: it
                        // counts for little in the claim's length, or long
                        // sentences could never match anything.
                        // A quoted run no other claim has is the
                        // claim's wording, not a thing it reports: it
                        // counts for nothing.
                        let norm = features
                            .iter()
                            .map(|f| {
                                let info = &table[f.id as usize];
                                let w = if info.claims > 1 {
                                    f.weight
                                } else if info.kind == FeatureKind::Quoted {
                                    0.0
                                } else {
                                    f.weight * UNIQUE_FEATURE_SHARE
                                };
                                w * w
                            })
                            .sum::<f32>()
                            .sqrt();
                        ClaimFeatures {
                            features,
                            norm,
                            dated_events,
                        }
                    })
                    .collect()
            })
            .collect();
        StoryFeatures {
            claims,
            table,
            total_claims,
            order,
            lexicon,
        }
    }

    /// Every claim of the story in canonical order (see
    /// [`StoryFeatures::order`]), then text order.
    pub fn canonical_refs(&self) -> Vec<super::ClaimRef> {
        self.order
            .iter()
            .flat_map(|&article| {
                let claims = self.claims.get(article).map_or(0, Vec::len);
                (0..claims).map(move |claim| super::ClaimRef { article, claim })
            })
            .collect()
    }

    /// Every claim of the story, in article order then text order (the
    /// dense claim index of the later stages).
    pub fn refs(&self) -> Vec<super::ClaimRef> {
        self.claims
            .iter()
            .enumerate()
            .flat_map(|(article, claims)| {
                (0..claims.len()).map(move |claim| super::ClaimRef { article, claim })
            })
            .collect()
    }

    pub fn claim(&self, article: usize, claim: usize) -> Option<&ClaimFeatures> {
        self.claims.get(article)?.get(claim)
    }

    #[inline]
    pub fn info(&self, id: u32) -> &FeatureInfo {
        // Slice indexing is built in; `Vec`'s is a call at opt-level "z".
        &self.table.as_slice()[id as usize]
    }
}

/// Collects the raw features of one claim: (kind, canonical key, where).
fn claim_features(
    text: &str,
    analysis: &Analysis,
    claim: usize,
    lexicon: &Lexicon,
    out: &mut Vec<(FeatureKind, Rc<str>, Span)>,
) {
    let Some(claim) = analysis.claims.get(claim) else {
        return;
    };
    let mut skip: Vec<Span> = Vec::new();
    for &e in &claim.entities {
        if let Some(entity) = analysis.entities.get(e) {
            out.push((FeatureKind::Entity, entity.key.as_str().into(), entity.span));
            skip.push(entity.span);
            if entity.kind == crate::extract::EntityKind::Person {
                skip.extend(descriptors(text, claim.span, entity.span, lexicon));
            }
        }
    }
    for &q in &claim.quantities {
        if let Some(quantity) = analysis.quantities.get(q)
            && !quantity.vague
            && quantity.value.is_finite()
        {
            // A measurement in any unit is the same number: "12 km" and
            // "7.5 miles", "12,000 hectares" and "29,000 acres" (to two
            // significant figures, in the dimension's base unit).
            // A small count of things is the number of that thing: "five
            // wins" and "five times", "7 points" and "seven rounds" share
            // no number, for any story has several small counts. Counts of
            // people ("nine injured", "nine people") and larger counts
            // ("9,000 homes", "9,000 households") share their number
            // whatever the noun: another noun for one count is common,
            // the same large figure by chance is not.
            let head = |w: &str| lexicon.concept_cached(w).map(|c| c.to_string());
            let key = match super::measures::in_base_unit(&quantity.unit, quantity.value) {
                Some((dimension, base)) => format!("{dimension}:{}", two_figures(base)),
                None => match super::measures::counted_thing(quantity, &head) {
                    Some(thing) if quantity.value.abs() < SMALL_COUNT => {
                        format!("{}:{thing}", number_key(quantity.value))
                    }
                    _ => number_key(quantity.value),
                },
            };
            out.push((FeatureKind::Number, key.into(), quantity.span));
            // What happened to counted people is what the count measures:
            // "112 people were hurt" and "about 90 people were injured"
            // count one thing, whatever their figures. A fate word the
            // lexicon groups already ("killed", "died") is matched as a
            // word, and not counted twice.
            if super::measures::counts_people(&quantity.unit)
                && let Some((fate, word)) = super::fates::fate_word(text, quantity.span)
                && super::lexical::head(&word.to_lowercase()).is_none()
            {
                // A space: no word of a text is the key.
                let key = format!("people {}", fate.name());
                out.push((FeatureKind::Word, key.into(), quantity.span));
            }
        }
    }
    for &t in &claim.times {
        if let Some(time) = analysis.times.get(t) {
            out.push((FeatureKind::Date, time.value.as_str().into(), time.span));
            if time.granularity == Granularity::Day
                && let Some(month) = time.value.get(..7)
            {
                out.push((FeatureKind::Date, month.into(), time.span));
            }
            // A part of a year ("2027-10/2027-12") is in its year too.
            if time.value.contains('/')
                && let Some(year) = time.value.get(..4)
            {
                out.push((FeatureKind::Date, year.into(), time.span));
            }
            skip.push(time.span);
        }
    }
    crate::model::sort_by_key(&mut skip, |s| s.start);
    let first_time = claim
        .times
        .first()
        .and_then(|&t| analysis.times.get(t))
        .map(|t| t.span);
    let kept: Vec<Span> = words(text, claim.span)
        .filter(|word| {
            !skip
                .iter()
                .any(|s| s.start <= word.start && word.end <= s.end)
        })
        .collect();
    // A run of two or more capitalised words mid-sentence that the entity
    // stage did not take ("Costa Rican growers", "the Kessel Ridge
    // route") is one name, a proper adjective or an unlisted name, not so
    // many content words: two sentences that both say "Costa Rican" share
    // one thing, not two.
    let capital = |w: &Span| {
        w.start > claim.span.start && w.text(text).starts_with(|c: char| c.is_uppercase())
    };
    let mut in_name = vec![false; kept.len()];
    let mut i = 0;
    while i < kept.len() {
        let mut j = i;
        while j < kept.len()
            && capital(&kept[j])
            && (j == i || text.get(kept[j - 1].end..kept[j].start) == Some(" "))
        {
            j += 1;
        }
        if j - i >= 2 {
            let key: Vec<String> = kept[i..j]
                .iter()
                .map(|w| w.text(text).to_lowercase())
                .collect();
            out.push((
                FeatureKind::Entity,
                key.join("-").into(),
                Span::new(kept[i].start, kept[j - 1].end),
            ));
            in_name[i..j].iter_mut().for_each(|n| *n = true);
        }
        i = j.max(i + 1);
    }
    for (word, _) in kept.iter().zip(&in_name).filter(|(_, named)| !**named) {
        let word = *word;
        if let Some(concept) = lexicon.concept_cached(word.text(text)) {
            // "When" an event happened: a dated claim about an attack, a
            // release, a fire … links to another dated claim about it, even
            // when the two date it differently.
            if let Some(time) = first_time
                && lexicon
                    .events
                    .binary_search_by(|e| e.as_str().cmp(&concept))
                    .is_ok()
            {
                out.push((FeatureKind::Date, format!("when:{concept}").into(), time));
            }
            out.push((FeatureKind::Word, concept, word));
        }
    }
    for &q in &claim.quotes {
        if let Some(quote) = analysis.quotes.get(q) {
            let inside = Span::new(
                quote.content.start.max(claim.span.start),
                quote.content.end.min(claim.span.end),
            );
            quoted_runs(text, inside, lexicon, out);
            // The opening words of one person's remark: outlets that change
            // a quote keep its start and its speaker ("This is a vigorous
            // eruption …" / "This is a violent eruption …", both said by
            // Ingrid Sollvang).
            if quote.kind == crate::extract::QuoteKind::Direct
                && let Some(speaker) = analysis.speaker_key(q)
            {
                let opening: Vec<Span> = words(text, inside).take(QUOTE_OPENING).collect();
                if opening.len() == QUOTE_OPENING {
                    let key = format!("{speaker}: {}", folded(text, &opening));
                    let span = Span::new(opening[0].start, opening[QUOTE_OPENING - 1].end);
                    out.push((FeatureKind::Quoted, key.into(), span));
                }
            }
        }
    }
}

/// `words` of `text` folded and lowercased, one space apart: the key of a
/// run of quoted words.
fn folded(text: &str, words: &[Span]) -> String {
    let mut key = String::new();
    for w in words {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&fold(w.text(text)).to_lowercase());
    }
    key
}

/// Words at the start of a quote that, with its speaker, make a feature.
const QUOTE_OPENING: usize = 3;

/// The runs of [`QUOTED_RUN`] words of a quote (lowercased and folded)
/// that open with a content word: "take weeks not days" from `"That could
/// take weeks, not days"`. Anchored on words, not positions, two outlets
/// quoting the same words meet wherever their sentences start, with about
/// half the runs of every window.
fn quoted_runs(
    text: &str,
    inside: Span,
    lexicon: &Lexicon,
    out: &mut Vec<(FeatureKind, Rc<str>, Span)>,
) {
    if inside.start >= inside.end {
        return;
    }
    let words: Vec<Span> = words(text, inside).collect();
    for run in words.windows(QUOTED_RUN) {
        if lexicon.concept_cached(run[0].text(text)).is_none() {
            continue;
        }
        let span = Span::new(run[0].start, run[QUOTED_RUN - 1].end);
        out.push((FeatureKind::Quoted, folded(text, run).into(), span));
    }
}

/// What a claim's figures measure, whatever their values: a count of
/// trains, a percentage, a sum in one currency, a match minute, a
/// magnitude, the time of day something happened (the dimensions of
/// `measures`). It is no feature (a
/// magnitude or a count of people in common says little about whether two
/// sentences report the same thing), but a lede that reports two things
/// ("More than 1,400 trains were cancelled on Thursday as a 24-hour strike
/// brought the railways to a standstill") is known to report the one
/// another outlet gives a figure for ("Ostrail cancelled 1,200 trains, the
/// operator said"), whatever the two figures (see `facts::group`). A count
/// is of the noun that counts it: "300 residents" and "2,000 volunteers"
/// are not one thing. A part of a larger amount ("48 of the 50") is
/// measured; the whole it is taken from is not (it is what the part is
/// compared with).
///
/// Each figure that may be set against another's, as what it measures and
/// its value in the dimension's base unit, in the order written.
pub(crate) fn measured_amounts(
    article: &ArticleInput<'_>,
    claim: usize,
    lexicon: &Lexicon,
) -> Vec<(String, f64)> {
    let analysis = article.analysis;
    let Some(claim) = analysis.claims.get(claim) else {
        return Vec::new();
    };
    let figures = claim
        .quantities
        .iter()
        .filter_map(|&q| analysis.quantities.get(q))
        .filter(|q| !q.vague && q.value.is_finite());
    let head = |w: &str| lexicon.concept_cached(w).map(|c| c.to_string());
    let mut found = super::measures::amounts(article.text, figures, &head);
    // Ages as news writes them ("Tomas Reinholt, 23,", "a 43-year-old"):
    // an age is a measured thing too.
    let names = claim
        .entities
        .iter()
        .filter_map(|&e| analysis.entities.get(e))
        .filter(|e| {
            matches!(
                e.kind,
                crate::extract::EntityKind::Person | crate::extract::EntityKind::Organisation
            )
        })
        .map(|e| e.span);
    found.extend(super::measures::ages(article.text, claim.span, names));
    // A toll with no noun after its number ("the death toll has risen to
    // 12"): a count of the people killed.
    found.extend(super::measures::tolls(article.text, claim.span));
    // A figure the noun before it names ("a rating of 2598").
    found.extend(super::measures::named_figures(article.text, claim.span));
    // A count of people with no noun ("and 31 were injured").
    let elided = super::measures::elided_people_counts(article.text, claim.span, &found);
    found.extend(elided);
    // A time of day an event happened ("at 5.40am").
    found.extend(super::measures::clock_times(article.text, claim.span));
    found
        .into_iter()
        .filter(|amount| amount.candidate)
        .map(|amount| match amount.fate {
            // "people killed" and "people injured" are two things.
            Some(fate) => (
                format!("{} {}", amount.dimension, fate.name()),
                amount.value,
            ),
            None => (amount.dimension, amount.value),
        })
        .collect()
}

/// Kinds of event whose date outlets report, as words: a claim with one of
/// their concepts and a date gets a "when:" feature.
const EVENTS: &str = "attack arrest cancel cancellation crash death die earthquake elect election \
     evacuate evacuation explosion fire flood injure injury kill launch meet meeting protest raid \
     release resign resignation sign storm strike trial verdict vote";

/// Words that describe a named person rather than say anything about the
/// fact: a title right before the name ("Finance minister Tomas Rehak",
/// "council leader Paul Okafor") and an appositive right after it
/// ("Paul Okafor, the leader of Brenton council,"). Two outlets naming the
/// same minister share those words whatever the minister did.
fn descriptors(text: &str, sentence: Span, name: Span, lexicon: &Lexicon) -> Vec<Span> {
    const MAX_TITLE_WORDS: usize = 3;
    const MAX_APPOSITIVE_WORDS: usize = 7;
    let mut out = Vec::new();
    let before: Vec<Span> = words(text, Span::new(sentence.start, name.start)).collect();
    let mut end = name.start;
    for word in before.iter().rev().take(MAX_TITLE_WORDS) {
        let gap = text.get(word.end..end).unwrap_or("");
        let w = word.text(text);
        // A verb ends the title: "a comedy starring Seth Rogen".
        let verb = w.len() > 4 && (w.ends_with("ing") || w.ends_with("ed"));
        if !gap.chars().all(|c| c == ' ') || verb || lexicon.concept(w).is_none() {
            break;
        }
        out.push(*word);
        end = word.start;
    }
    let rest = Span::new(name.end.min(sentence.end), sentence.end);
    let after = rest.text(text);
    let article = ["the ", "a ", "an ", "its ", "his ", "her ", "their "];
    if let Some(tail) = after.strip_prefix(", ")
        && article.iter().any(|a| tail.to_lowercase().starts_with(a))
    {
        let stop = tail
            .find([',', '.', ';', ':', '(', ')'])
            .unwrap_or(tail.len());
        let start = rest.start + 2;
        let appositive: Vec<Span> = words(text, Span::new(start, start + stop)).collect();
        if appositive.len() <= MAX_APPOSITIVE_WORDS {
            out.extend(appositive);
        }
    }
    out
}

/// A positive number to two significant figures, as "12e3" (12,000).
fn two_figures(value: f64) -> String {
    if !(value.is_finite() && value > 0.0) {
        return "0".into();
    }
    let mut exponent = value.log10().floor() as i32 - 1;
    let mut mantissa = (value / 10f64.powi(exponent)).round() as i64;
    if mantissa >= 100 {
        mantissa /= 10;
        exponent += 1;
    }
    format!("{mantissa}e{exponent}")
}

/// A number's canonical key: an integer, or two decimals.
pub fn number_key(value: f64) -> String {
    let hundredths = (value * 100.0).round() as i64;
    if hundredths % 100 == 0 {
        (hundredths / 100).to_string()
    } else {
        format!("{}.{:02}", hundredths / 100, (hundredths % 100).abs())
    }
}

/// The words of `span`: maximal runs of letters and digits (apostrophes and
/// hyphens split words).
pub fn words(text: &str, span: Span) -> Words<'_> {
    Words {
        body: span.text(text),
        base: span.start,
        at: 0,
    }
}

/// The iterator of [`words`]: one pass over the bytes, chars decoded only
/// outside ASCII.
pub struct Words<'t> {
    body: &'t str,
    /// Where `body` starts in the text.
    base: usize,
    /// The next byte to look at, in `body`.
    at: usize,
}

impl Words<'_> {
    /// Whether the char at `self.at` is a letter or digit, and its length.
    #[inline(always)]
    fn class(&self) -> Option<(bool, usize)> {
        let bytes = self.body.as_bytes();
        if self.at >= bytes.len() {
            return None;
        }
        let b = bytes[self.at];
        if b < 0x80 {
            return Some((matches!(b, b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z'), 1));
        }
        let c = char_at(self.body, self.at)?;
        Some((c.is_alphanumeric(), c.len_utf8()))
    }
}

impl Iterator for Words<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        let start = loop {
            let (word, len) = self.class()?;
            self.at += len;
            if word {
                break self.at - len;
            }
        };
        while let Some((true, len)) = self.class() {
            self.at += len;
        }
        Some(Span::new(self.base + start, self.base + self.at))
    }
}

/// Words that say how something is reported rather than what: function
/// words, hedges, reporting verbs, number words.
const STOPWORDS: &str = "a about above according across after afterwards again against all almost alone along already also although always am among an and another any anyone anything are around as at be became because become been before being below beside besides between beyond both but by can cannot could did do does doing done down during each either else enough even ever every few for former from further had has have having he her here hers herself him himself his how however i if in indeed into is it its itself just last least less like likely made make many may me meanwhile might mine more moreover most mostly much must my myself neither never nevertheless next no nobody none nor not nothing now of off often on once one only onto or other others otherwise our ours ourselves out over own per perhaps please quite rather really regardless same seem seemed seemingly seems several she should since so some somehow something still such than that the their theirs them themselves then there thereby therefore these they this those though through throughout thus to together too toward towards under until up upon us very via was we well were what whatever when whenever where whether which while who whoever whole whom whose why will with within without would yet you your yours yourself apparently allegedly reportedly purportedly purported alleged possibly probably clearly officially confirmed claimed claim claims said say says saying told tell tells telling stated states stating statement announced announces announcing reported reporting reports according argues argued arguing added adds adding described describes describing believed thought expected appears appeared suggested suggest two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred hundreds thousand thousands million millions billion billions dozen dozens numerous various number first second third mr mrs ms dr s t ll re ve d today tonight yesterday tomorrow day days week weeks weekend month months year years season seasons summer winter spring autumn term morning people afternoon evening night time times ago later earlier recently";

/// Stopwords and concepts, ready to look up.
#[derive(Debug)]
pub struct Lexicon {
    stopwords: Vec<&'static str>,
    /// The concepts of [`EVENTS`], sorted.
    events: Vec<String>,
    /// Words as written → their concept; a story repeats its words a lot.
    cache: RefCell<HashMap<String, Option<Rc<str>>>>,
}

impl Lexicon {
    pub fn new() -> Lexicon {
        let mut stopwords: Vec<&'static str> = STOPWORDS.split(' ').collect();
        crate::model::sort(&mut stopwords);
        let mut lexicon = Lexicon {
            stopwords,
            events: Vec::new(),
            cache: RefCell::default(),
        };
        let mut events: Vec<String> = EVENTS
            .split_whitespace()
            .filter_map(|w| lexicon.concept(w))
            .collect();
        crate::model::sort(&mut events);
        events.dedup();
        lexicon.events = events;
        lexicon
    }

    /// [`Lexicon::concept`], remembered.
    pub fn concept_cached(&self, word: &str) -> Option<Rc<str>> {
        if let Some(known) = self.cache.borrow().get(word) {
            return known.clone();
        }
        let concept: Option<Rc<str>> = self.concept(word).map(Into::into);
        self.cache
            .borrow_mut()
            .insert(word.to_string(), concept.clone());
        concept
    }

    /// The concept a word stands for, or `None` for a stopword, a number or
    /// a one-letter word.
    pub fn concept(&self, word: &str) -> Option<String> {
        let folded = fold(word);
        // Numbers count through quantities ("£48m" is 48000000), not as words.
        if folded.chars().count() < 2
            || folded.starts_with(|c: char| c.is_ascii_digit())
            || self.stopwords.binary_search(&folded.as_str()).is_ok()
        {
            return None;
        }
        // "cyberattack" and "cyber-attack" alike: the part after "cyber".
        let folded = match folded.strip_prefix("cyber") {
            Some(rest) if rest.len() > 3 => rest.to_string(),
            _ => folded,
        };
        // A grouped word stands for its group's head; either way the stem
        // meets the word's inflections ("films", "movies" → "film").
        Some(stem(super::lexical::head(&folded).unwrap_or(&folded)))
    }
}

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon::new()
    }
}

#[cfg(test)]
mod tests {
    use super::{Lexicon, Span, words};

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        let text = "«Théâtre-goers» can't: 47,000 ½ Ωmega—x2 ";
        let span = Span::new(2, text.len() - 1);
        let found: Vec<&str> = words(text, span).map(|w| w.text(text)).collect();
        // The same runs, found char by char.
        let mut slow = Vec::new();
        let mut start = None;
        for (at, c) in span.text(text).char_indices().chain([(span.len(), ' ')]) {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(at),
                (false, Some(from)) => {
                    slow.push(&span.text(text)[from..at]);
                    start = None;
                }
                _ => {}
            }
        }
        assert_eq!(found, slow);
        assert_eq!(found[..3], ["Théâtre", "goers", "can"]);
        assert_eq!(words(text, Span::new(0, 0)).count(), 0);
    }

    #[test]
    fn paraphrases_meet_and_function_words_go() {
        let lexicon = Lexicon::new();
        let concept = |w: &str| lexicon.concept(w);
        assert_eq!(concept("movies"), concept("film"));
        assert_eq!(concept("cancellation"), concept("cancelled"));
        assert_eq!(concept("evacuated"), concept("evacuation"));
        assert_eq!(concept("investigating"), concept("investigation"));
        assert_eq!(concept("cyberattack"), concept("attack"));
        assert_ne!(concept("employer"), concept("employee"));
        assert_eq!(concept("the"), None);
        assert_eq!(concept("likely"), None);
        assert_eq!(concept("said"), None);
        assert_eq!(concept("2014"), None);
        assert_eq!(concept("x"), None);
    }
}
