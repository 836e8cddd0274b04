//! Quantities in story sentences: a value, what it counts and how the text
//! hedges it.
//!
//! [`find_quantities`] reads, sentence by sentence and left to right:
//! - counts: a number in digits or words and the noun it counts, past up to
//!   two modifiers ("more than 47,000 records", "five movies", "a claimed
//!   hundred terabytes", "17 years", "five of the films");
//! - money: "$100m", "US$2.5bn", "£2.5 billion", "100 dollars";
//! - percentages: "12%", "12 per cent", "twelve percent", "3 percentage points";
//!   "25 basis points" and "a quarter of a percentage point" both as 0.25
//!   percentage points, "half a point" as 0.5 points;
//! - vote tallies and scores, both numbers ([`Quantity::versus`]): "voted
//!   7-2", "a 6-3 majority", "won 2-1" (without such a word "10-15" is a
//!   range and left alone);
//! - amounts with a unit abbreviation: "100TB", "5 km";
//! - one period something lasts: "for a fortnight", "within a month";
//! - a change by a fraction in words, as a percentage: "cut by nearly a
//!   quarter", "rose by half";
//! - vague amounts ([`Quantity::vague`]): "millions of people", "several
//!   unreleased films", "a number of reports", "dozens of".
//!
//! A qualifier before the number ("more than", "about", "at least", "up to",
//! "an estimated", "a claimed") is kept in [`Quantity::qualifier`] and in the
//! span.
//!
//! Numbers that are not amounts are left alone: dates and other time
//! expressions (found with [`super::dates`], so "25 December", "the 11th of
//! September 2001", "three days ago" and bare years stay out), times of day
//! ("09:27", "3 pm"), ordinals ("11th"), names and codes ("Unit 21", "100R",
//! "MH17", "Windows 8"), ranges and compounds ("10-15", "five-year"), and
//! numbers that count nothing the scanner can name ("one of them").

use super::Sentence;
use super::dates;
use super::dates::TimeExpr;
use super::numbers::{
    CALENDAR_NAME, Kind, NumberOptions, NumberPhrase, STARTS_QUANTITY, Token, adjacent,
    cardinal_word, is_function_word, is_plural_noun, lowercase, number_at, ordinal_at, scale_word,
    starts_sentence, tokenize,
};

use crate::extract::lexicon::WordSet;
use crate::model::{DateTime, Span};

/// An amount the story states.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    /// From the qualifier (if any) to the counted noun, currency or percent sign.
    pub span: Span,
    /// The amount: 47000 for "47,000", 1e8 for "$100m", 12 for "12%". For a
    /// [`vague`](Quantity::vague) amount, the order of magnitude its word
    /// names: "millions of" 1e6, "thousands of" 1e3, "hundreds of" 100,
    /// "scores of" 20, "dozens of" 12, "several"/"numerous"/"multiple"/"a
    /// few"/"a number of"/"a handful of" 3, "a couple of" 2.
    pub value: f64,
    /// What is counted: the noun as written ("records", "terabytes",
    /// "movies", "people"), a unit ("terabytes" for "TB"), an ISO 4217 code
    /// for money ("USD", "GBP", "EUR") or "percent".
    pub unit: String,
    /// How the text hedges the amount: "more than", "about", "at least",
    /// "claimed", "estimated"; for vague amounts the amount word itself
    /// ("millions of", "several").
    pub qualifier: Option<String>,
    /// The text gives no number, only an amount word ("several", "millions
    /// of"): `value` is an order of magnitude, not a figure to compare exactly.
    pub vague: bool,
    /// The second number of a score or vote tally ("voted 7-2": `value` 7,
    /// `versus` 2); `None` for every other amount.
    pub versus: Option<f64>,
    pub rule: &'static str,
}

/// The quantities of `sentences` (spans into `text`), in text order.
pub fn find_quantities(text: &str, sentences: &[Sentence]) -> Vec<Quantity> {
    find_quantities_and_times(text, sentences, None).0
}

/// [`find_quantities`] and [`dates::find_times`] in one pass over the
/// sentences (each is tokenized and scanned for time expressions once), as
/// [`crate::analyze`] needs both.
pub fn find_quantities_and_times(
    text: &str,
    sentences: &[Sentence],
    published: Option<DateTime>,
) -> (Vec<Quantity>, Vec<TimeExpr>) {
    let mut quantities = Vec::new();
    let mut times = Vec::new();
    let mut order = dates::NumericOrder::default();
    for sentence in sentences {
        let lowered = lowercase(text, sentence.span);
        let tokens = tokenize(text, sentence.span, &lowered);
        let candidates = dates::scan(&tokens);
        let spans: Vec<Span> = candidates.iter().map(|c| c.span).collect();
        Scanner {
            text,
            tokens: &tokens,
            times: &spans,
        }
        .run(&mut quantities);
        times.extend(
            candidates
                .iter()
                .filter_map(|&c| order.settle(c, text).resolve(published)),
        );
    }
    (quantities, times)
}

const RULE_COUNT: &str = "number and the noun it counts";
const RULE_COUNT_WORDS: &str = "number in words and the noun it counts";
const RULE_VAGUE: &str = "amount word and the noun it counts";
const RULE_MONEY_SIGN: &str = "currency sign and amount";
const RULE_MONEY_NAME: &str = "amount and currency name";
const RULE_PERCENT: &str = "percentage";
const RULE_UNIT: &str = "amount and unit abbreviation";
const RULE_HYPHENATED_UNIT: &str = "amount and unit joined by a hyphen before a noun";

/// Units news joins to a number by a hyphen before a noun ("a 30-mile
/// diversion"), singular as written there, with the plural name a
/// quantity of them takes.
const HYPHENATED_UNITS: &[(&str, &str)] = &[
    ("acre", "acres"),
    ("day", "days"),
    ("foot", "feet"),
    ("gallon", "gallons"),
    ("hectare", "hectares"),
    ("hour", "hours"),
    ("inch", "inches"),
    ("kilometre", "kilometres"),
    ("kilometer", "kilometres"),
    ("km", "kilometres"),
    ("litre", "litres"),
    ("metre", "metres"),
    ("meter", "metres"),
    ("mile", "miles"),
    ("minute", "minutes"),
    ("month", "months"),
    ("second", "seconds"),
    ("ton", "tons"),
    ("tonne", "tonnes"),
    ("week", "weeks"),
    ("year", "years"),
];
const RULE_BASIS_POINTS: &str =
    "basis points, as percentage points (25 basis points = 0.25 percentage points)";
const RULE_FRACTION_OF_POINT: &str =
    "a fraction of a point in words (a quarter of a percentage point = 0.25)";
const RULE_FRACTION_CHANGE: &str =
    "a change by a fraction in words, as a percentage (cut by a quarter = 25%)";
const RULE_VOTE_TALLY: &str = "vote tally, both numbers (voted 7-2)";
const RULE_SCORE: &str = "score, both numbers (won 2-1)";
/// The minute of a match or an event, as an ordinal ("the 52nd minute").
pub const RULE_MINUTE_MARK: &str = "minute of a match, as an ordinal (the 52nd minute)";
/// The rank of an occurrence, written in digits, before the noun it
/// counts ("the 14th rescue on the mountain this winter", "its 12th
/// strike this year"): how many there have been, a count of that noun.
pub const RULE_ORDINAL_COUNT: &str = "ordinal count of occurrences (the 14th rescue)";
const RULE_MAGNITUDE: &str = "earthquake magnitude (magnitude 6.4, a 6.4-magnitude quake)";

/// Fractions in words before "of a …" or "a …" ("a quarter of a percentage
/// point", "half a point"), as (words, value), longest first.
const FRACTIONS: &[(&[&str], f64)] = &[
    (&["three", "quarters", "of"], 0.75),
    (&["two", "thirds", "of"], 2.0 / 3.0),
    (&["a", "quarter", "of"], 0.25),
    (&["one", "quarter", "of"], 0.25),
    (&["a", "third", "of"], 1.0 / 3.0),
    (&["one", "third", "of"], 1.0 / 3.0),
    (&["a", "half"], 0.5),
    (&["half", "of"], 0.5),
    (&["half"], 0.5),
];

/// Fractions in words a change is by ("cut by a quarter", "fell by nearly
/// a third", "rose by half"), as (words, percent), longest first.
const FRACTION_CHANGES: &[(&[&str], f64)] = &[
    (&["three", "quarters"], 75.0),
    (&["two", "thirds"], 200.0 / 3.0),
    (&["a", "quarter"], 25.0),
    (&["one", "quarter"], 25.0),
    (&["a", "third"], 100.0 / 3.0),
    (&["one", "third"], 100.0 / 3.0),
    (&["a", "fifth"], 20.0),
    (&["one", "fifth"], 20.0),
    (&["a", "tenth"], 10.0),
    (&["one", "tenth"], 10.0),
    (&["half"], 50.0),
];

/// Words right before a tally that make it a vote or a score ("voted 7-2",
/// "won 2-1", "by a 6-3 majority" has its noun after). Sorted.
static TALLY_WORDS_BEFORE: WordSet = WordSet::new(
    "beat|beating|defeated|drew|lead|leading|led|lost|majority|margin|ruled|trailed|\
     trailing|vote|voted|votes|win|winning|won",
);

/// Nouns right after a tally that make it a vote or a score ("a 6-3
/// decision", "a 2-1 win"). Sorted.
static TALLY_NOUNS_AFTER: WordSet = WordSet::new(
    "decision|defeat|draw|lead|loss|majority|margin|ruling|scoreline|verdict|victory|\
     vote|win",
);

/// Of the tally words, those that make it a vote rather than a game's score. Sorted.
static VOTE_WORDS: WordSet =
    WordSet::new("decision|favor|favour|majority|ruled|ruling|verdict|vote|voted|votes");

/// Qualifiers before a number, longest first, as (words, label).
const QUALIFIERS: &[(&[&str], &str)] = &[
    (&["no", "fewer", "than"], "no fewer than"),
    (&["no", "more", "than"], "no more than"),
    (&["no", "less", "than"], "no less than"),
    (&["as", "many", "as"], "as many as"),
    (&["as", "much", "as"], "as much as"),
    (&["as", "few", "as"], "as few as"),
    (&["in", "excess", "of"], "in excess of"),
    (&["more", "than"], "more than"),
    (&["less", "than"], "less than"),
    (&["fewer", "than"], "fewer than"),
    (&["at", "least"], "at least"),
    (&["at", "most"], "at most"),
    (&["up", "to"], "up to"),
    (&["close", "to"], "close to"),
    (&["upwards", "of"], "upwards of"),
    (&["just", "over"], "just over"),
    (&["just", "under"], "just under"),
    (&["well", "over"], "well over"),
    (&["about"], "about"),
    (&["almost"], "almost"),
    (&["approximately"], "approximately"),
    (&["around"], "around"),
    (&["exactly"], "exactly"),
    (&["just"], "just"),
    (&["nearly"], "nearly"),
    (&["only"], "only"),
    (&["over"], "over"),
    (&["precisely"], "precisely"),
    (&["roughly"], "roughly"),
    (&["some"], "some"),
    (&["under"], "under"),
];

/// Adjectives that hedge a number between "a"/"an" and it: "a claimed
/// hundred terabytes", "an estimated 500 people".
const HEDGING_ADJECTIVES: &[&str] = &[
    "additional",
    "alleged",
    "claimed",
    "estimated",
    "extra",
    "further",
    "mere",
    "record",
    "reported",
    "staggering",
    "whopping",
];

/// Amount words without a number, longest first, with their order of magnitude.
const VAGUE_AMOUNTS: &[(&[&str], f64)] = &[
    (&["hundreds", "of", "thousands", "of"], 1e5),
    (&["hundreds", "of", "millions", "of"], 1e8),
    (&["tens", "of", "thousands", "of"], 1e4),
    (&["tens", "of", "millions", "of"], 1e7),
    (&["a", "handful", "of"], 3.0),
    (&["a", "number", "of"], 3.0),
    (&["a", "couple", "of"], 2.0),
    (&["a", "few"], 3.0),
    (&["billions", "of"], 1e9),
    (&["dozens", "of"], 12.0),
    (&["hundreds", "of"], 100.0),
    (&["millions", "of"], 1e6),
    (&["scores", "of"], 20.0),
    (&["thousands", "of"], 1e3),
    (&["multiple"], 3.0),
    (&["numerous"], 3.0),
    (&["several"], 3.0),
];

/// Nouns that label the number after them ("page 5", "flight 17"): the
/// number names something, it counts nothing. Sorted.
static LABEL_NOUNS: WordSet = WordSet::new(
    "article|category|channel|chapter|class|code|day|episode|figure|flight|gate|grade|\
     level|line|model|no|number|page|part|phase|platform|room|round|route|season|section|\
     series|stage|step|table|tier|type|unit|version|week",
);

/// Words after "one" that make it a pronoun or an idiom, not a count:
/// "one of them", "one another", "one day", "one thing".
const ONE_IDIOMS: &[&str] = &[
    "and", "another", "day", "hand", "of", "or", "point", "reason", "side", "thing", "time", "way",
];

/// Words after a number that make it a time of day.
const CLOCK_WORDS: &[&str] = &[
    "am", "bst", "cet", "est", "et", "gmt", "pm", "pst", "pt", "utc",
];

const RULE_PERIOD: &str = "one period something lasts ('for a fortnight')";

/// Unit abbreviations (case as written) and the unit they stand for.
const UNIT_ABBREVIATIONS: &[(&str, &str)] = &[
    ("GB", "gigabytes"),
    ("GW", "gigawatts"),
    ("GWh", "gigawatt-hours"),
    ("KB", "kilobytes"),
    ("MB", "megabytes"),
    ("MW", "megawatts"),
    ("MWh", "megawatt-hours"),
    ("PB", "petabytes"),
    ("TB", "terabytes"),
    ("cm", "centimetres"),
    ("ha", "hectares"),
    ("kB", "kilobytes"),
    ("kW", "kilowatts"),
    ("kWh", "kilowatt-hours"),
    ("kg", "kilograms"),
    ("km", "kilometres"),
    ("kmh", "kilometres per hour"),
    ("kph", "kilometres per hour"),
    ("mm", "millimetres"),
    ("mph", "miles per hour"),
];

/// Can a quantity begin at this token? A cheap filter that keeps the scan
/// fast on ordinary words.
fn can_start(token: &Token) -> bool {
    match token.kind {
        Kind::Number(_) => true,
        Kind::Word => token.is_class(STARTS_QUANTITY) || cardinal_word(token).is_some(),
        Kind::Punct(c) => matches!(c, '$' | '£' | '€' | '¥'),
    }
}

/// A quantity over tokens `start..end`.
struct Match {
    start: usize,
    end: usize,
    value: f64,
    unit: String,
    qualifier: Option<String>,
    vague: bool,
    versus: Option<f64>,
    rule: &'static str,
}

/// What follows a number: the unit, the index after it and the rule.
struct Unit {
    name: String,
    end: usize,
    rule: Option<&'static str>,
}

struct Scanner<'a, 't> {
    text: &'a str,
    tokens: &'a [Token<'t>],
    /// Spans of time expressions in this sentence, in order, non-overlapping.
    times: &'a [Span],
}

impl Scanner<'_, '_> {
    fn run(&self, out: &mut Vec<Quantity>) {
        let mut i = 0;
        // Index of the first token after the previous quantity: qualifiers
        // never reach back into it.
        let mut floor = 0;
        while i < self.tokens.len() {
            let (found, next) = self.match_at(i, floor);
            if let Some(m) = found
                && let (Some(first), Some(last)) =
                    (self.tokens.get(m.start), self.tokens.get(m.end - 1))
            {
                let span = Span::new(first.span.start, last.span.end);
                if !self.overlaps_time(span) {
                    out.push(Quantity {
                        span,
                        value: m.value,
                        unit: m.unit,
                        qualifier: m.qualifier,
                        vague: m.vague,
                        versus: m.versus,
                        rule: m.rule,
                    });
                    floor = m.end;
                }
            }
            i = next.max(i + 1);
        }
    }

    fn token(&self, index: usize) -> Option<&Token<'_>> {
        self.tokens.get(index)
    }

    fn prev(&self, index: usize) -> Option<&Token<'_>> {
        index.checked_sub(1).and_then(|p| self.tokens.get(p))
    }

    /// Does `span` overlap a time expression? (Binary search: linear overall.)
    fn overlaps_time(&self, span: Span) -> bool {
        let first_ending_after = self.times.partition_point(|t| t.end <= span.start);
        self.times
            .get(first_ending_after)
            .is_some_and(|t| t.start < span.end)
    }

    /// The quantity starting at (or qualified just before) token `i`, and
    /// where to continue.
    fn match_at(&self, i: usize, floor: usize) -> (Option<Match>, usize) {
        let Some(token) = self.token(i) else {
            return (None, i + 1);
        };
        // Before the time check: "the 12th minute" is no day of the month.
        if let Some(m) = self
            .minute_mark_at(i)
            .or_else(|| self.period_at(i))
            .or_else(|| self.magnitude_at(i))
            .or_else(|| self.ordinal_count_at(i))
        {
            let end = m.end;
            return (Some(m), end);
        }
        if !can_start(token) || self.overlaps_time(token.span) {
            return (None, i + 1);
        }
        if let Some(m) = self.vague_at(i) {
            let end = m.end;
            return (Some(m), end);
        }
        if let Some(m) = self.money_at(i, floor) {
            let end = m.end;
            return (Some(m), end);
        }
        if let Some(m) = self
            .fraction_of_point_at(i, floor)
            .or_else(|| self.fraction_change_at(i, floor))
        {
            let end = m.end;
            return (Some(m), end);
        }
        if let Some(m) = self.tally_at(i) {
            let end = m.end;
            return (Some(m), end);
        }
        // "a claimed hundred terabytes": the article, a hedging adjective, a bare scale.
        if token.is_any_word(&["a", "an"])
            && let Some(adjective) = self.token(i + 1)
            && adjective.is_any_word(HEDGING_ADJECTIVES)
            && self.token(i + 2).is_some_and(|t| scale_word(t).is_some())
        {
            let options = NumberOptions {
                bare_scale: true,
                ..NumberOptions::default()
            };
            if let Some(phrase) = number_at(self.tokens, i + 2, options) {
                let qualifier = adjective.lower().map(str::to_string);
                return match self.count(i + 2, phrase, i, qualifier) {
                    Some(m) => {
                        let end = m.end;
                        (Some(m), end)
                    }
                    None => (None, phrase.end),
                };
            }
        }
        let Some(mut phrase) = number_at(self.tokens, i, NumberOptions::default()) else {
            return (None, i + 1);
        };
        // "1.5m people": a glued "m" is a million before a counted noun (but
        // metres in "a 50m pool").
        let mut noun_only = false;
        if let (Some(last), Some(next)) = (
            phrase.end.checked_sub(1).and_then(|k| self.token(k)),
            self.token(phrase.end),
        ) && adjacent(last, next)
            && next.text == "m"
            && let Some(millions) = number_at(
                self.tokens,
                i,
                NumberOptions {
                    money: true,
                    ..NumberOptions::default()
                },
            )
        {
            phrase = millions;
            noun_only = true;
        }
        if !self.is_amount(i, phrase) {
            return (None, phrase.end);
        }
        let (start, qualifier) = match self.qualifier_before(i, floor) {
            Some((start, label)) => (start, Some(label)),
            None => (i, None),
        };
        match self.count(i, phrase, start, qualifier) {
            Some(m) if !noun_only || m.rule == RULE_COUNT => {
                let end = m.end;
                (Some(m), end)
            }
            _ => (None, phrase.end),
        }
    }

    /// The number phrase at `i` with the unit after it.
    fn count(
        &self,
        i: usize,
        phrase: NumberPhrase,
        start: usize,
        qualifier: Option<String>,
    ) -> Option<Match> {
        let year_like = self.token(i).and_then(Token::numeral).is_some_and(|n| {
            n.int_digits == 4 && !n.grouped && !n.fraction && (1000.0..3000.0).contains(&n.value)
        });
        // A year-like number counts only a noun right after it ("2000 people").
        let modifiers = if year_like { 0 } else { 2 };
        if let Some((name, end)) = self.hyphenated_unit(phrase.end) {
            return Some(Match {
                start,
                end,
                value: phrase.value,
                unit: name.to_string(),
                qualifier,
                vague: false,
                versus: None,
                rule: RULE_HYPHENATED_UNIT,
            });
        }
        let unit = self.unit_after(phrase.end, phrase.value, modifiers)?;
        let rule = unit.rule.unwrap_or(if phrase.spelled {
            RULE_COUNT_WORDS
        } else {
            RULE_COUNT
        });
        let value = if rule == RULE_BASIS_POINTS {
            phrase.value / 100.0
        } else {
            phrase.value
        };
        Some(Match {
            start,
            end: unit.end,
            value,
            unit: unit.name,
            qualifier,
            vague: false,
            versus: None,
            rule,
        })
    }

    /// Is the number phrase at `i` an amount, not a name, code, time or range?
    fn is_amount(&self, i: usize, phrase: NumberPhrase) -> bool {
        let Some(first) = self.token(i) else {
            return false;
        };
        let prev = self.prev(i);
        let next = self.token(phrase.end);
        let last = phrase.end.checked_sub(1).and_then(|k| self.token(k));
        let touches_next = match (last, next) {
            (Some(last), Some(next)) => adjacent(last, next),
            _ => false,
        };
        // Joined to the token before: "MH17", "F-35", "#1", "10-15", "1/2".
        if let Some(prev) = prev
            && adjacent(prev, first)
            && !matches!(
                prev.kind,
                Kind::Punct('(' | '[' | '"' | '“' | '\'' | '‘' | '~')
            )
        {
            return false;
        }
        if let Some(next) = next
            && touches_next
        {
            // "100R", "11th", "3pm": letters glued on that are no unit.
            if next.is_word_kind() && !UNIT_ABBREVIATIONS.iter().any(|(a, _)| *a == next.text) {
                return false;
            }
            // "09:27", "10-15", "1/2" (but "a 30-mile diversion", "a
            // five-year deal": a unit joined by a hyphen).
            if matches!(next.kind, Kind::Punct(':' | '-' | '–' | '/'))
                && self
                    .token(phrase.end + 1)
                    .is_some_and(|after| adjacent(next, after))
                && self.hyphenated_unit(phrase.end).is_none()
            {
                return false;
            }
        }
        // "3 pm", "9 a.m.", "10 GMT".
        if let Some(next) = next
            && (next.is_any_word(CLOCK_WORDS)
                || (next.is_any_word(&["a", "p"])
                    && self.token(phrase.end + 1).is_some_and(|t| t.is_punct('.'))
                    && self.token(phrase.end + 2).is_some_and(|t| t.is_word("m")))
                || next.is_word("o"))
        {
            return false;
        }
        // Names: "Unit 21", "Windows 8", "iPhone 6", "Apollo Eleven"; labels: "page 5".
        if let Some(prev) = prev {
            let prev_index = i - 1;
            let qualifier = QUALIFIERS
                .iter()
                .any(|(words, _)| words.len() == 1 && prev.is_word(words[0]));
            let name_like = prev.is_capitalised() || prev.text.chars().any(char::is_uppercase);
            if name_like && !starts_sentence(self.tokens, prev_index) && !qualifier {
                return false;
            }
            // "No. 1", "no. 5".
            if prev.is_punct('.')
                && let Some(before) = prev_index.checked_sub(1).and_then(|k| self.token(k))
                && before.lower().is_some_and(|w| LABEL_NOUNS.has_exact(w))
            {
                return false;
            }
            if prev.lower().is_some_and(|w| LABEL_NOUNS.has_exact(w)) {
                return false;
            }
        }
        if phrase.spelled {
            if first.is_capitalised() && !starts_sentence(self.tokens, i) {
                return false;
            }
            // "no one", "the one", "one of them", "one another".
            if phrase.value == 1.0
                && phrase.end == i + 1
                && (prev.is_some_and(|p| {
                    p.is_any_word(&[
                        "no", "any", "every", "each", "the", "this", "that", "which", "some",
                    ])
                }) || next.is_some_and(|n| n.is_any_word(ONE_IDIOMS)))
            {
                return false;
            }
        }
        true
    }

    /// A qualifier ending right before token `start`, not reaching below `floor`.
    fn qualifier_before(&self, start: usize, floor: usize) -> Option<(usize, String)> {
        if start >= floor + 2
            && let (Some(article), Some(adjective)) = (self.token(start - 2), self.token(start - 1))
            && article.is_any_word(&["a", "an"])
            && adjective.is_any_word(HEDGING_ADJECTIVES)
        {
            return Some((start - 2, adjective.lower()?.to_string()));
        }
        for (words, label) in QUALIFIERS {
            let n = words.len();
            if start < floor + n {
                continue;
            }
            let Some(before) = self.tokens.get(start - n..start) else {
                continue;
            };
            if before.iter().zip(words.iter()).all(|(t, w)| t.is_word(w)) {
                let span = Span::new(before.first()?.span.start, before.last()?.span.end);
                if self.overlaps_time(span) {
                    return None;
                }
                return Some((start - n, (*label).to_string()));
            }
        }
        None
    }

    /// The entry of `table` whose words the tokens from `i` spell, first
    /// match (tables list longer phrases first).
    fn phrase_at<'p>(
        &self,
        table: &'p [(&'p [&'p str], f64)],
        i: usize,
    ) -> Option<&'p (&'p [&'p str], f64)> {
        table.iter().find(|(words, _)| {
            self.tokens
                .get(i..i + words.len())
                .is_some_and(|ts| ts.iter().zip(words.iter()).all(|(t, w)| t.is_word(w)))
        })
    }

    /// "a quarter of a percentage point", "half a point", "three quarters of
    /// a point": a fraction in words of one point or percentage point.
    fn fraction_of_point_at(&self, i: usize, floor: usize) -> Option<Match> {
        let (words, value) = self.phrase_at(FRACTIONS, i)?;
        let mut k = i + words.len();
        // "half a point", "a quarter of a point"; only "a half point" has
        // its article in front.
        if self.token(k).is_some_and(|t| t.is_any_word(&["a", "an"])) {
            k += 1;
        } else if *words != ["a", "half"] {
            return None;
        }
        let (unit, end) = match self.token(k).and_then(Token::lower) {
            Some("percentage") if self.token(k + 1).is_some_and(|t| t.is_word("point")) => {
                ("percentage points", k + 2)
            }
            Some("point") => ("points", k + 1),
            _ => return None,
        };
        let (start, qualifier) = match self.qualifier_before(i, floor) {
            Some((start, label)) => (start, Some(label)),
            None => (i, None),
        };
        Some(Match {
            start,
            end,
            value: *value,
            unit: unit.to_string(),
            qualifier,
            vague: false,
            versus: None,
            rule: RULE_FRACTION_OF_POINT,
        })
    }

    /// "cut by a quarter", "fell by nearly a third": a change by a fraction,
    /// as a percentage; "by" right before it or before its qualifier, and
    /// nothing the fraction is of after it ("by a quarter of a point" is a
    /// fraction of a point, [`Self::fraction_of_point_at`]).
    fn fraction_change_at(&self, i: usize, floor: usize) -> Option<Match> {
        let (words, value) = self.phrase_at(FRACTION_CHANGES, i)?;
        let end = i + words.len();
        if self
            .token(end)
            .is_some_and(|t| t.is_any_word(&["of", "a", "an", "point", "percentage"]))
        {
            return None;
        }
        let (start, qualifier) = match self.qualifier_before(i, floor) {
            Some((start, label)) => (start, Some(label)),
            None => (i, None),
        };
        if !self.token(start.checked_sub(1)?)?.is_word("by") {
            return None;
        }
        Some(Match {
            start,
            end,
            value: *value,
            unit: "percent".to_string(),
            qualifier,
            vague: false,
            versus: None,
            rule: RULE_FRACTION_CHANGE,
        })
    }

    /// "for a fortnight", "within a month": one period for which something
    /// lasts, after "for" or "within" (not a rate, "twice a week", nor a
    /// time ago, "a week ago").
    fn period_at(&self, i: usize) -> Option<Match> {
        const PERIODS: &[&str] = &["day", "decade", "fortnight", "month", "week", "year"];
        let article = self.token(i)?;
        if !article.is_any_word(&["a", "an"])
            || !self
                .token(i.checked_sub(1)?)
                .is_some_and(|t| t.is_any_word(&["for", "within"]))
        {
            return None;
        }
        let period = self.token(i + 1)?;
        let unit = PERIODS.iter().find(|p| period.is_word(p))?;
        if self.overlaps_time(period.span) || self.token(i + 2).is_some_and(|t| t.is_word("ago")) {
            return None;
        }
        Some(Match {
            start: i,
            end: i + 2,
            value: 1.0,
            unit: (*unit).to_string(),
            qualifier: None,
            vague: false,
            versus: None,
            rule: RULE_PERIOD,
        })
    }

    /// "the 52nd minute", "an 88th-minute winner": the minute of a match.
    fn minute_mark_at(&self, i: usize) -> Option<Match> {
        let (n, k) = ordinal_at(self.tokens, i)?;
        let k = match self.token(k) {
            Some(h) if h.is_punct('-') && self.token(k + 1).is_some_and(|t| adjacent(h, t)) => {
                k + 1
            }
            _ => k,
        };
        self.token(k)?.is_word("minute").then(|| Match {
            start: i,
            end: k + 1,
            value: f64::from(n),
            unit: "minute".to_string(),
            qualifier: None,
            vague: false,
            versus: None,
            rule: RULE_MINUTE_MARK,
        })
    }

    /// "the 14th rescue", "its 12th strike": an ordinal in digits (news
    /// writes ranks from the 10th in digits, the first nine in words, which
    /// are also "second" of time and "first" of order, so those are left)
    /// after "the" or a possessive and before a lowercase noun that is no
    /// unit of time or place in an order ("the 21st century", "the 14th
    /// floor", "the 16th-century church" are no counts of occurrences).
    fn ordinal_count_at(&self, i: usize) -> Option<Match> {
        const NOT_OCCURRENCES: &[&str] = &[
            "anniversary",
            "birthday",
            "century",
            "day",
            "edition",
            "floor",
            "hole",
            "hour",
            "lap",
            "minute",
            "month",
            "place",
            "round",
            "row",
            "seed",
            "week",
            "year",
        ];
        const DETERMINERS: &[&str] = &["the", "its", "their", "his", "her", "our"];
        let first = self.token(i)?;
        first.plain_integer(3)?;
        let mut before = self.prev(i)?;
        // "a record 14th title", "his record 12th win".
        if before.is_word("record")
            && let Some(det) = i.checked_sub(2).and_then(|p| self.token(p))
            && (det.is_word("a") || det.is_any_word(DETERMINERS))
        {
            before = det;
        } else if !before.is_any_word(DETERMINERS) {
            return None;
        }
        let (n, k) = ordinal_at(self.tokens, i)?;
        // "The deadline is the 14th of May": a day of the month.
        if n < 10 || self.overlaps_time(first.span) {
            return None;
        }
        let after = self.token(k);
        let content =
            |t: &&Token| t.is_lowercase_word() && t.lower().is_some_and(|w| !is_function_word(w));
        let noun_after = after
            .filter(|noun| content(noun) && self.token(k - 1).is_some_and(|p| !adjacent(p, noun)));
        // "the 14th major title on Sunday": the first word is the noun's
        // adjective when a second content word follows it and ends the
        // phrase (not a verb in the past: "the 10th victim died").
        let ends_phrase = |t: Option<&Token>| t.is_none_or(|t| !content(&t));
        let noun_after = noun_after.map(|noun| match self.token(k + 1).filter(content) {
            Some(next)
                if !adjacent(noun, next)
                    && !next.lower().is_some_and(|w| w.ends_with("ed"))
                    && ends_phrase(self.token(k + 2)) =>
            {
                (next, k + 2)
            }
            _ => (noun, k + 1),
        });
        // "The callout was the 16th on the mountain": no noun after the
        // rank, the subject's noun is what it counts.
        let (noun, end) = match noun_after {
            Some(found) => found,
            None => {
                let verb = self.token(i.checked_sub(2)?)?;
                let subject = self.token(i.checked_sub(3)?)?;
                let article = self.token(i.checked_sub(4)?)?;
                let ends = after
                    .is_none_or(|t| !t.is_word_kind() || t.lower().is_some_and(is_function_word));
                if !(before.is_word("the")
                    && verb.is_any_word(&["was", "is", "were", "are"])
                    && subject.is_lowercase_word()
                    && article.is_any_word(&["the", "this", "that", "its"])
                    && ends)
                {
                    return None;
                }
                (subject, k)
            }
        };
        let lower = noun.lower()?;
        if NOT_OCCURRENCES.contains(&lower.strip_suffix('s').unwrap_or(lower)) {
            return None;
        }
        Some(Match {
            start: i,
            end,
            value: f64::from(n),
            unit: lower.to_string(),
            qualifier: None,
            vague: false,
            versus: None,
            rule: RULE_ORDINAL_COUNT,
        })
    }

    /// "magnitude 6.4", "a magnitude of 6.4", "put the magnitude at 6.2",
    /// "a 6.4-magnitude quake"; and the reading of a quake written with a
    /// verb of measuring ("the quake, which the institute measured at 6.4",
    /// "a tremor measuring 5.1"), in a sentence about one.
    fn magnitude_at(&self, i: usize) -> Option<Match> {
        let token = self.token(i)?;
        let measuring = token.is_any_word(&["measured", "measuring", "registered", "registering"])
            && self.tokens.iter().any(|t| {
                t.is_any_word(&[
                    "aftershock",
                    "aftershocks",
                    "earthquake",
                    "earthquakes",
                    "quake",
                    "quakes",
                    "tremor",
                    "tremors",
                ])
            });
        let (number, end) = if measuring {
            let k = match self.token(i + 1) {
                Some(t) if t.is_word("at") => i + 2,
                _ => i + 1,
            };
            // A reading has a decimal ("6.4"), and no unit after it.
            let numeral = self.token(k)?.numeral()?;
            if !numeral.fraction || self.unit_after(k + 1, numeral.value, 0).is_some() {
                return None;
            }
            (k, k + 1)
        } else if token.is_word("magnitude") {
            let k = match self.token(i + 1) {
                Some(t) if t.is_any_word(&["of", "at"]) => i + 2,
                _ => i + 1,
            };
            (k, k + 1)
        } else {
            let (hyphen, word) = (self.token(i + 1)?, self.token(i + 2)?);
            if !(hyphen.is_punct('-')
                && adjacent(token, hyphen)
                && adjacent(hyphen, word)
                && word.is_word("magnitude"))
            {
                return None;
            }
            (i, i + 3)
        };
        let numeral = self.token(number)?.numeral()?;
        (numeral.value < 10.0).then(|| Match {
            start: i,
            end,
            value: numeral.value,
            unit: "magnitude".to_string(),
            qualifier: None,
            vague: false,
            versus: None,
            rule: RULE_MAGNITUDE,
        })
    }

    /// "voted 7-2", "won 2-1", "a 6-3 decision", "voted 6-3 in favour": two
    /// whole numbers joined by a hyphen or dash, with a vote or score word
    /// right before or a result noun right after (otherwise "10-15" is a
    /// range and left alone).
    fn tally_at(&self, i: usize) -> Option<Match> {
        let (first, dash, second) = (self.token(i)?, self.token(i + 1)?, self.token(i + 2)?);
        let (a, b) = (first.plain_integer(3)?, second.plain_integer(3)?);
        if !(dash.is_punct('-') || dash.is_punct('–'))
            || !adjacent(first, dash)
            || !adjacent(dash, second)
        {
            return None;
        }
        // Not part of a longer code ("4-4-2", "F-16-3", "14-03-2023") or a
        // compound ("6-3-win" is no tally, "2-1's").
        if self.prev(i).is_some_and(|p| adjacent(p, first))
            || self.token(i + 3).is_some_and(|n| adjacent(second, n))
        {
            return None;
        }
        // "voted 7-2", "won by 2-1", "a 6-3 majority".
        let mut before = i.checked_sub(1);
        while let Some(k) = before
            && self
                .token(k)
                .is_some_and(|t| t.is_any_word(&["a", "an", "by", "the"]))
        {
            before = k.checked_sub(1);
        }
        let word_before = before.and_then(|k| self.token(k)).and_then(Token::lower);
        let word_after = self.token(i + 3).and_then(Token::lower);
        let cue_before = word_before.is_some_and(|w| TALLY_WORDS_BEFORE.has_exact(w));
        let cue_after = word_after.is_some_and(|w| TALLY_NOUNS_AFTER.has_exact(w));
        let in_favour = word_after == Some("in")
            && self
                .token(i + 4)
                .is_some_and(|t| t.is_any_word(&["favour", "favor"]));
        if !(cue_before || cue_after || in_favour) {
            return None;
        }
        let vote = in_favour
            || word_before.is_some_and(|w| VOTE_WORDS.has_exact(w))
            || word_after.is_some_and(|w| VOTE_WORDS.has_exact(w));
        let (unit, rule) = if vote {
            ("votes", RULE_VOTE_TALLY)
        } else {
            ("score", RULE_SCORE)
        };
        Some(Match {
            start: i,
            end: i + 3,
            value: f64::from(a),
            unit: unit.to_string(),
            qualifier: None,
            vague: false,
            versus: Some(f64::from(b)),
            rule,
        })
    }

    /// "millions of people", "several unreleased films".
    fn vague_at(&self, i: usize) -> Option<Match> {
        let (words, magnitude) = self.phrase_at(VAGUE_AMOUNTS, i)?;
        let end = i + words.len();
        let unit = self
            .unit_after(end, *magnitude, 2)
            .filter(|u| u.rule.is_none())?;
        Some(Match {
            start: i,
            end: unit.end,
            value: *magnitude,
            unit: unit.name,
            qualifier: Some(words.join(" ")),
            vague: true,
            versus: None,
            rule: RULE_VAGUE,
        })
    }

    /// "$100m", "US$2.5bn", "£2.5 billion", "€5".
    fn money_at(&self, i: usize, floor: usize) -> Option<Match> {
        let first = self.token(i)?;
        let (prefix, sign_index) = match (first.text, self.token(i + 1)) {
            ("US" | "A" | "AU" | "C" | "CA" | "HK" | "NZ" | "S", Some(sign))
                if adjacent(first, sign) =>
            {
                let code = match first.text {
                    "US" => "USD",
                    "A" | "AU" => "AUD",
                    "C" | "CA" => "CAD",
                    "HK" => "HKD",
                    "NZ" => "NZD",
                    _ => "SGD",
                };
                (Some(code), i + 1)
            }
            _ => (None, i),
        };
        let sign = self.token(sign_index)?;
        let code = match sign.kind {
            Kind::Punct('$') => prefix.unwrap_or("USD"),
            Kind::Punct('£') if prefix.is_none() => "GBP",
            Kind::Punct('€') if prefix.is_none() => "EUR",
            Kind::Punct('¥') if prefix.is_none() => "JPY",
            _ => return None,
        };
        let number = self.token(sign_index + 1)?;
        // "$ 5" at most one space apart.
        if number.numeral().is_none() || number.span.start > sign.span.end + 1 {
            return None;
        }
        let options = NumberOptions {
            money: true,
            ..NumberOptions::default()
        };
        let phrase = number_at(self.tokens, sign_index + 1, options)?;
        let last = self.token(phrase.end - 1)?;
        if self
            .token(phrase.end)
            .is_some_and(|next| adjacent(last, next) && next.is_word_kind())
        {
            return None;
        }
        let (start, qualifier) = match self.qualifier_before(i, floor) {
            Some((start, label)) => (start, Some(label)),
            None => (i, None),
        };
        Some(Match {
            start,
            end: phrase.end,
            value: phrase.value,
            unit: code.to_string(),
            qualifier,
            vague: false,
            versus: None,
            rule: RULE_MONEY_SIGN,
        })
    }

    /// A unit joined to the number before token `k` by a hyphen, as news
    /// writes a measure before a noun ("a 30-mile diversion", "a 24-hour
    /// strike", "a five-year deal"): the unit's plural name and the token
    /// after it. Not an age ("a 52-year-old", read apart).
    fn hyphenated_unit(&self, k: usize) -> Option<(&'static str, usize)> {
        let (hyphen, word) = (self.token(k)?, self.token(k + 1)?);
        let before = self.token(k.checked_sub(1)?)?;
        if !(hyphen.is_punct('-') && adjacent(before, hyphen) && adjacent(hyphen, word)) {
            return None;
        }
        let lower = word.lower()?;
        let &(_, name) = HYPHENATED_UNITS.iter().find(|(w, _)| *w == lower)?;
        let age = self.token(k + 2).is_some_and(|t| t.is_punct('-'))
            && self.token(k + 3).is_some_and(|t| t.is_word("old"));
        (!age).then_some((name, k + 2))
    }

    /// What the number before token `k` counts: percent, a currency, a unit
    /// abbreviation or a noun past at most `max_modifiers` modifiers. A
    /// singular noun counts only after 1.
    fn unit_after(&self, k: usize, value: f64, max_modifiers: usize) -> Option<Unit> {
        let token = self.token(k)?;
        let unit = |name: &str, len: usize, rule: &'static str| {
            Some(Unit {
                name: name.to_string(),
                end: k + len,
                rule: Some(rule),
            })
        };
        if token.is_punct('%') {
            return unit("percent", 1, RULE_PERCENT);
        }
        let lower = token.lower()?;
        let next = self.token(k + 1);
        let next_is = |w: &str| next.is_some_and(|t| t.is_word(w));
        match lower {
            "percent" | "pct" => return unit("percent", 1, RULE_PERCENT),
            "per" if next_is("cent") => return unit("percent", 2, RULE_PERCENT),
            "percentage" if next_is("points") || next_is("point") => {
                return unit("percentage points", 2, RULE_PERCENT);
            }
            "basis" if next_is("points") || next_is("point") => {
                return unit("percentage points", 2, RULE_BASIS_POINTS);
            }
            "dollars" | "dollar" => return unit("USD", 1, RULE_MONEY_NAME),
            "us" if token.text == "US" && (next_is("dollars") || next_is("dollar")) => {
                return unit("USD", 2, RULE_MONEY_NAME);
            }
            "pounds" | "pound" if !next_is("of") => return unit("GBP", 1, RULE_MONEY_NAME),
            "sterling" => return unit("GBP", 1, RULE_MONEY_NAME),
            "euros" | "euro" => return unit("EUR", 1, RULE_MONEY_NAME),
            "yen" => return unit("JPY", 1, RULE_MONEY_NAME),
            "yuan" => return unit("CNY", 1, RULE_MONEY_NAME),
            "rupees" | "rupee" => return unit("INR", 1, RULE_MONEY_NAME),
            "krona" | "kronor" => return unit("SEK", 1, RULE_MONEY_NAME),
            // Danish or Norwegian: one measured thing per name.
            "krone" | "kroner" => return unit("krone", 1, RULE_MONEY_NAME),
            "francs" | "franc" => return unit("franc", 1, RULE_MONEY_NAME),
            "roubles" | "rouble" | "rubles" | "ruble" => return unit("RUB", 1, RULE_MONEY_NAME),
            "zloty" | "zlotys" => return unit("PLN", 1, RULE_MONEY_NAME),
            "forint" | "forints" => return unit("HUF", 1, RULE_MONEY_NAME),
            "lira" | "liras" => return unit("TRY", 1, RULE_MONEY_NAME),
            "pesos" | "peso" => return unit("peso", 1, RULE_MONEY_NAME),
            "shekels" | "shekel" => return unit("ILS", 1, RULE_MONEY_NAME),
            "baht" => return unit("THB", 1, RULE_MONEY_NAME),
            _ => {}
        }
        if let Some(code) = [
            "USD", "GBP", "EUR", "JPY", "CNY", "SEK", "NOK", "DKK", "CHF", "AUD", "CAD", "INR",
        ]
        .iter()
        .find(|c| **c == token.text)
        {
            return unit(code, 1, RULE_MONEY_NAME);
        }
        // "120 kilometres per hour", "70 miles an hour": a speed.
        if matches!(lower, "kilometres" | "kilometers" | "miles")
            && (next_is("per") || next_is("an"))
            && self.token(k + 2).is_some_and(|t| t.is_word("hour"))
        {
            let name = if lower == "miles" {
                "miles per hour"
            } else {
                "kilometres per hour"
            };
            return unit(name, 3, RULE_UNIT);
        }
        // "178 km/h": a speed, not a length.
        if token.text == "km"
            && next.is_some_and(|t| t.is_punct('/') && adjacent(token, t))
            && self
                .token(k + 2)
                .is_some_and(|t| t.is_word("h") && next.is_some_and(|slash| adjacent(slash, t)))
        {
            return unit("kilometres per hour", 3, RULE_UNIT);
        }
        if let Some((_, name)) = UNIT_ABBREVIATIONS.iter().find(|(a, _)| *a == token.text) {
            return unit(name, 1, RULE_UNIT);
        }
        // Partitive: "five of the movies", "14 of his recent games", "14
        // of Rebane's games": a determiner or a possessive name, and one
        // word that may modify the noun.
        if lower == "of" {
            let mut j = k + 1;
            if self.token(j).is_some_and(|t| {
                t.is_any_word(&[
                    "the", "its", "their", "these", "those", "our", "his", "her", "your", "my",
                ])
            }) {
                j += 1;
            } else if self.token(j).is_some_and(Token::is_capitalised)
                && self
                    .token(j + 1)
                    .is_some_and(|t| t.is_punct('\'') || t.is_punct('’'))
                && self.token(j + 2).is_some_and(|t| t.is_word("s"))
            {
                j += 3;
            }
            let (end, last) = self.noun_at(j)?;
            if is_plural_noun(last) {
                return Some(self.noun_unit(j, end));
            }
            let head = end;
            let (end, last) = self.noun_at(head)?;
            return is_plural_noun(last).then(|| self.noun_unit(head, end));
        }
        let mut j = k;
        // Where the nouns modifying the head begin ("cinema chains"); adjectives
        // ("unreleased films", "other films") are not part of the unit.
        let mut nouns_from = None;
        for modifiers in 0..=max_modifiers {
            // A name modifying the noun ("2.1 million Tellgard customers",
            // "300 Boeing jets"): a modifier, not part of what is counted.
            // Not a calendar name ("5 March"), and only before a noun.
            if modifiers < max_modifiers
                && let Some(name) = self.token(j)
                && name.is_capitalised()
                && !name.is_class(CALENDAR_NAME)
                && name.text.chars().skip(1).all(|c| c.is_ascii_lowercase())
                && self.token(j + 1).is_some_and(Token::is_lowercase_word)
            {
                nouns_from = None;
                j += 1;
                continue;
            }
            let (end, last) = self.noun_at(j)?;
            let singular_ok = value == 1.0 && !is_adjective(last);
            if is_plural_noun(last) || singular_ok {
                return Some(self.noun_unit(nouns_from.unwrap_or(j), end));
            }
            if modifiers == max_modifiers {
                break;
            }
            nouns_from = match nouns_from {
                _ if is_adjective(last) => None,
                None => Some(j),
                from => from,
            };
            j = end;
        }
        None
    }

    /// A lowercase content word at `j`, joined with hyphenated parts
    /// ("theatre-goers"): the index after it and its last part in lowercase.
    fn noun_at(&self, j: usize) -> Option<(usize, &str)> {
        let word = self.token(j)?;
        if !word.is_lowercase_word() {
            return None;
        }
        let lower = word.lower()?;
        if is_function_word(lower) {
            return None;
        }
        let mut end = j + 1;
        let mut last = lower;
        // At most two more parts: "state-of-the-art" stops, "cyber-attacks" joins.
        for _ in 0..2 {
            let (Some(prev), Some(hyphen), Some(part)) =
                (self.token(end - 1), self.token(end), self.token(end + 1))
            else {
                break;
            };
            if hyphen.is_punct('-')
                && adjacent(prev, hyphen)
                && adjacent(hyphen, part)
                && part.is_lowercase_word()
            {
                last = part.lower()?;
                end += 2;
            } else {
                break;
            }
        }
        Some((end, last))
    }

    fn noun_unit(&self, start: usize, end: usize) -> Unit {
        let span = match (
            self.token(start),
            end.checked_sub(1).and_then(|e| self.token(e)),
        ) {
            (Some(first), Some(last)) => Span::new(first.span.start, last.span.end),
            _ => Span::default(),
        };
        Unit {
            name: span.text(self.text).to_string(),
            end,
            rule: None,
        }
    }
}

/// Common adjectives before counted nouns ("five new films"). Sorted.
static ADJECTIVES: WordSet = WordSet::new(
    "bad|big|current|different|extra|few|first|former|good|great|high|key|large|last|\
     latest|long|low|main|major|many|more|new|next|old|other|own|recent|same|senior|\
     separate|short|single|small|top|young",
);

/// Is the lowercase word an adjective or participle ("unreleased", "new",
/// "personal"), a modifier rather than a counted noun? A heuristic: a short
/// list plus adjectival endings.
fn is_adjective(lower: &str) -> bool {
    ADJECTIVES.has_exact(lower)
        || [
            "ed", "ing", "al", "ous", "ive", "ful", "less", "able", "ible", "ic", "ary",
        ]
        .iter()
        .any(|e| lower.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexicon::QUANTITY_STARTERS;

    #[test]
    fn lexicons_are_sorted() {
        assert!(LABEL_NOUNS.is_sorted());
        assert!(HEDGING_ADJECTIVES.windows(2).all(|w| w[0] < w[1]));
        assert!(CLOCK_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(ADJECTIVES.is_sorted());
        assert!(QUANTITY_STARTERS.is_sorted());
        assert!(ONE_IDIOMS.windows(2).all(|w| w[0] < w[1]));
        assert!(TALLY_WORDS_BEFORE.is_sorted());
        assert!(TALLY_NOUNS_AFTER.is_sorted());
        assert!(VOTE_WORDS.is_sorted());
    }

    #[test]
    fn longer_phrases_come_first() {
        for (list, name) in [
            (
                QUALIFIERS.iter().map(|(w, _)| w.len()).collect::<Vec<_>>(),
                "qualifiers",
            ),
            (
                VAGUE_AMOUNTS.iter().map(|(w, _)| w.len()).collect(),
                "vague amounts",
            ),
            (
                FRACTIONS.iter().map(|(w, _)| w.len()).collect(),
                "fractions",
            ),
        ] {
            assert!(list.windows(2).all(|w| w[0] >= w[1]), "{name}");
        }
    }
}
