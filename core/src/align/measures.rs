//! Amounts compared by meaning, not by the digits written.
//!
//! Each quantity of a claim becomes an [`Amount`]: what it measures (a
//! length, a sum of money in one currency, a percentage, a count of some
//! noun…), and the interval of values its words allow, in one base unit per
//! dimension (metres, kilograms, litres, seconds, degrees Celsius). Two
//! amounts are the same when one figure, as written, lies in the interval
//! the other's words allow (two loose figures whose intervals merely meet,
//! "an estimated 400,000" and "about 350,000", are two estimates), so that
//! - other units are the same amount: "40 km" and "about 25 miles";
//! - a rounding is the same amount: "$4.23 billion", "$4.2bn" and "more than
//!   $4 billion". A figure is as precise as it is written: a decimal to its
//!   last digit, a figure with a scale word ("£2 million") to a unit of that
//!   scale, a round count ("2,000") to its trailing zeros. "About" allows
//!   5 %, a rounding at most 10 % (a bound at most 25 %), so "around 2,000"
//!   is not 2,400;
//! - a count of people is exact: "at least 40 people" is not 48 (an early
//!   toll is news, not a rounding).
//!
//! Conflicts are only claimed between amounts that measure the same thing
//! and that nothing else in the other sentence accounts for; a part ("the
//! final seven kilometres", "48 of the 50") and the whole it is part of are
//! never set against each other, nor a sum against its parts; the second
//! number of a proportion ("nine in ten trains") counts nothing.
//!
//! A time expression likewise allows an interval of days ([`interval`]).

use super::fates::{Fate, fate_of, fate_word};
use crate::extract::quantities::RULE_MINUTE_MARK;
use crate::extract::text::last_clause_start;
use crate::extract::{Bound, Granularity, Quantity, TimeExpr};
use crate::model::{DateTime, Span};

/// Units and their size in the dimension's base unit. General conversion
/// factors (length in metres, mass in kilograms, volume in litres, time in
/// seconds, power in watts, energy in joules).
const UNITS: &[(&str, &str, f64)] = &[
    ("kilometre", "length", 1000.0),
    ("kilometer", "length", 1000.0),
    ("km", "length", 1000.0),
    ("metre", "length", 1.0),
    ("meter", "length", 1.0),
    ("m", "length", 1.0),
    ("centimetre", "length", 0.01),
    ("centimeter", "length", 0.01),
    ("cm", "length", 0.01),
    ("millimetre", "length", 0.001),
    ("mm", "length", 0.001),
    ("mile", "length", 1609.344),
    ("yard", "length", 0.9144),
    ("foot", "length", 0.3048),
    ("feet", "length", 0.3048),
    ("ft", "length", 0.3048),
    ("inch", "length", 0.0254),
    ("kilogram", "mass", 1.0),
    ("kg", "mass", 1.0),
    ("gram", "mass", 0.001),
    ("tonne", "mass", 1000.0),
    ("ton", "mass", 907.185),
    ("lb", "mass", 0.453_592),
    ("ounce", "mass", 0.028_349_5),
    ("stone", "mass", 6.350_29),
    ("litre", "volume", 1.0),
    ("liter", "volume", 1.0),
    ("gallon", "volume", 3.785_41),
    ("barrel", "volume", 158.987),
    ("second", "duration", 1.0),
    ("minute", "duration", 60.0),
    ("hour", "duration", 3600.0),
    ("day", "duration", 86400.0),
    ("week", "duration", 604_800.0),
    ("fortnight", "duration", 1_209_600.0),
    ("month", "duration", 2_629_746.0),
    ("year", "duration", 31_556_952.0),
    ("decade", "duration", 315_569_520.0),
    ("hectare", "area", 10_000.0),
    ("acre", "area", 4046.86),
    ("mph", "speed", 0.44704),
    ("miles per hour", "speed", 0.44704),
    ("kilometres per hour", "speed", 1.0 / 3.6),
    ("kilometers per hour", "speed", 1.0 / 3.6),
    ("knot", "speed", 0.514_444),
    ("watt", "power", 1.0),
    ("kilowatt", "power", 1e3),
    ("kw", "power", 1e3),
    ("megawatt", "power", 1e6),
    ("mw", "power", 1e6),
    ("gigawatt", "power", 1e9),
    ("gw", "power", 1e9),
    ("kilowatt-hour", "energy", 3.6e6),
    ("kwh", "energy", 3.6e6),
    ("megawatt-hour", "energy", 3.6e9),
    ("mwh", "energy", 3.6e9),
    ("gigawatt-hour", "energy", 3.6e12),
    ("gwh", "energy", 3.6e12),
];

/// Nouns that count people; "people" and "persons" are the generic ones and
/// stand for any of them. A count of deaths or fatalities counts the people
/// who died ("11 deaths" against "killing at least seven people"). Sorted.
const PEOPLE: &[&str] = &[
    "adult",
    "casualty",
    "child",
    "children",
    "civilian",
    "death",
    "employee",
    "fatality",
    "individual",
    "injury",
    "inmate",
    "migrant",
    "occupant",
    "passenger",
    "patient",
    "people",
    "person",
    "personnel",
    "persons",
    "resident",
    "soldier",
    "staff",
    "student",
    "tourist",
    "victim",
    "volunteer",
    "worker",
];

/// Words before an amount that make it a part of a larger one ("the final
/// seven kilometres", "another 20 people"). Sorted.
const PART_BEFORE: &[&str] = &[
    "additional",
    "another",
    "closing",
    "extra",
    "final",
    "first",
    "further",
    "last",
    "opening",
    "other",
    "remaining",
];

/// Words after an amount that make it a part or a span counted from
/// something else ("20 more", "19 minutes to go", "two hours later"). Sorted.
const PART_AFTER: &[&str] = &[
    "after",
    "ago",
    "before",
    "earlier",
    "from",
    "into",
    "later",
    "left",
    "more",
    "remaining",
    "to",
];

/// Number words up to nineteen, then the tens.
const SMALL: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// A number in digits or words below a hundred ("48", "Forty-eight").
fn read_number(word: &str) -> Option<f64> {
    if let Some((value, _, _)) = written_number(word) {
        return word
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            .then_some(value);
    }
    let lower = word.to_lowercase();
    let position = |list: &[&str], w: &str| list.iter().position(|x| *x == w);
    let (tens, unit) = lower.split_once('-').unwrap_or((&lower, ""));
    match (position(&SMALL, tens), position(&TENS, tens), unit) {
        (Some(n), _, "") => Some(n as f64),
        (_, Some(t), "") => Some((t as f64 + 2.0) * 10.0),
        (_, Some(t), u) => {
            let n = position(&SMALL[1..10], u)? + 1;
            Some((t as f64 + 2.0) * 10.0 + n as f64)
        }
        _ => None,
    }
}

/// "48 of the 50 people": the part's number and span, before the whole `whole`.
fn part_before(text: &str, whole: Span) -> Option<(f64, Span)> {
    let before = text.get(..whole.start)?.strip_suffix(" of the ")?;
    let word = before.rsplit(char::is_whitespace).next()?;
    let value = read_number(word)?;
    let start = before.len() - word.len();
    Some((value, Span::new(start, before.len())))
}

/// "carrying 50 people …, killing 48 of them": the part's number and span,
/// later in the clause of the whole `whole` (a count of `value`).
fn part_after(text: &str, whole: Span, value: f64) -> Option<(f64, Span)> {
    let rest = text.get(whole.end..)?;
    let clause = &rest[..rest.find(['.', ';', ':']).unwrap_or(rest.len())];
    let lower = clause.to_lowercase();
    let at = [" of them", " of those", " of whom"]
        .iter()
        .filter_map(|p| Some((lower.find(p)?, p.len())))
        .min()?;
    let before = clause.get(..at.0)?;
    let word = before.rsplit(char::is_whitespace).next()?;
    let part = read_number(word)?;
    (part < value).then(|| {
        let start = whole.end + at.0 - word.len();
        (part, Span::new(start, whole.end + at.0 + at.1))
    })
}

/// What an amount measures and the values its words allow.
#[derive(Clone, Debug)]
pub(crate) struct Amount {
    /// "length", "money USD", "percent", "minute mark", "count occupant"…
    pub dimension: String,
    /// A count of people by a generic noun ("people"): comparable with any
    /// count of people.
    pub generic_people: bool,
    /// The value in the base unit, and the interval its words allow.
    pub value: f64,
    pub low: f64,
    pub high: f64,
    /// The second number of a score or tally.
    pub versus: Option<f64>,
    /// The amount as written, for evidence.
    pub span: Span,
    /// The number as written, without its scale ("4.23" of "$4.23bn").
    pub written: f64,
    /// May be set against another amount: not a part of a larger amount nor
    /// the whole that a part is taken from.
    pub candidate: bool,
    /// The whole a later part is taken from ("Fourteen children …, two of
    /// them …"): not a candidate, but set against another whole of a part.
    pub whole_of_part: bool,
    /// A count (of people or things), not a measurement.
    pub count: bool,
    /// How a duration is written: a bare whole number of one unit ("seven
    /// years", no qualifier), or a compound of a larger and a smaller unit
    /// ("seven years and four months").
    pub duration_form: DurationForm,
    /// For a count of people, what happened to them ("killed", "injured"),
    /// where its clause says.
    pub fate: Option<Fate>,
    /// The period the figure is for, written right after it ("4% this
    /// year", "3% in 2027"), lowercased: of several figures of one kind,
    /// the one for the same period is the one to compare.
    pub period: Option<String>,
}

/// How a duration is written (see [`Amount::duration_form`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) enum DurationForm {
    /// Not a duration, or one with a qualifier or a fraction.
    #[default]
    Other,
    /// "seven years": a whole number of one unit, no qualifier.
    Bare,
    /// "seven years and four months".
    Compound,
}

impl Amount {
    /// An exact figure as written, no range, no fate: an age, a toll or a
    /// figure a noun names ([`ages`], [`tolls`], [`named_figures`]); not a
    /// count unless set after.
    fn exact(dimension: impl Into<String>, value: f64, span: Span) -> Amount {
        Amount {
            dimension: dimension.into(),
            generic_people: false,
            value,
            low: value,
            high: value,
            versus: None,
            span,
            written: value,
            candidate: true,
            whole_of_part: false,
            count: false,
            duration_form: DurationForm::Other,
            fate: None,
            period: None,
        }
    }

    /// Whether the two measure the same kind of thing.
    pub fn comparable(&self, other: &Amount) -> bool {
        let fates_differ = matches!((self.fate, other.fate), (Some(a), Some(b)) if a != b);
        !fates_differ
            && (self.dimension == other.dimension
                || (self.dimension.starts_with("count person")
                    && other.dimension.starts_with("count person")
                    && (self.generic_people || other.generic_people)))
    }

    /// Whether the two can be the same amount: one figure, as written, is
    /// a value the other's wording allows ("$4.23bn" within "more than $4
    /// billion", 12.07 km within "12 km"). Two loose figures whose
    /// allowances merely meet are not one amount: "an estimated 400,000"
    /// (a round figure, 360,000 to 440,000) and "about 350,000" (332,500
    /// to 367,500) are two estimates, and a reader should see both.
    pub fn agrees(&self, other: &Amount) -> bool {
        let slack = 1e-3 * self.high.abs().max(other.high.abs());
        let within = |x: &Amount, y: &Amount| y.low - slack <= x.value && x.value <= y.high + slack;
        let values = within(self, other) || within(other, self);
        // A term stated to a smaller unit ("seven years and four months")
        // against the same term in whole larger units with no qualifier
        // ("seven years"): news writing that rounds a duration says so
        // ("more than seven years", "about"), so the bare figure leaves the
        // months out and is another figure, not a rounding.
        let values = values
            && !matches!(
                (self.duration_form, other.duration_form),
                (DurationForm::Bare, DurationForm::Compound)
                    | (DurationForm::Compound, DurationForm::Bare)
            )
            || (self.value - other.value).abs() <= slack;
        let versus = match (self.versus, other.versus) {
            (Some(a), Some(b)) => a == b,
            (None, None) => true,
            _ => false,
        };
        // A score read either way round: "won 3-1", "lost 1-3".
        let swapped = match (self.versus, other.versus) {
            (Some(a), Some(b)) => a == other.value && b == self.value,
            _ => false,
        };
        (values && versus) || swapped
    }
}

/// A measurement's dimension and value in the dimension's base unit
/// ("12 km" and "7.5 miles": length, about 12,000 metres), for a unit of
/// [`UNITS`]; `None` for counts, money, percentages and units not listed.
pub(crate) fn in_base_unit(unit: &str, value: f64) -> Option<(&'static str, f64)> {
    let unit = unit.to_ascii_lowercase();
    let singular = unit.strip_suffix('s').unwrap_or(&unit);
    let singular = if singular == "inche" {
        "inch"
    } else {
        singular
    };
    UNITS
        .iter()
        .find(|(u, _, _)| *u == singular || *u == unit)
        .map(|(_, dimension, size)| (*dimension, value * size))
}

/// The thing a count of things other than people counts ("five wins",
/// "five times": "count win", "count time"); `None` for a count of people
/// ("nine injured", "nine people", one count whatever the noun), a sum, a
/// share or a measurement.
pub(crate) fn counted_thing(q: &Quantity, head: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    let (dimension, _, count, _) = dimension_of(q, head);
    (count && !dimension.starts_with("count person")).then_some(dimension)
}

/// The dimension, base size and whether it is a count, of a quantity's unit;
/// `head` gives the concept of a counted noun.
fn dimension_of(q: &Quantity, head: &dyn Fn(&str) -> Option<String>) -> (String, f64, bool, bool) {
    let unit = q.unit.to_lowercase();
    if q.rule == RULE_MINUTE_MARK {
        return ("minute mark".into(), 1.0, false, false);
    }
    if q.versus.is_some() {
        return (unit, 1.0, false, false);
    }
    if unit == "percent" || unit == "percentage points" || unit == "magnitude" {
        return (unit, 1.0, false, false);
    }
    // A basis point is a hundredth of a percentage point ("25 basis
    // points" is "0.25 percentage points").
    if unit == "basis points" || unit == "basis point" || unit == "bps" || unit == "bp" {
        return ("percentage points".into(), 0.01, false, false);
    }
    if unit.len() == 3 && q.unit.chars().all(|c| c.is_ascii_uppercase()) {
        return (format!("money {}", q.unit), 1.0, false, false);
    }
    let whole = singular(&unit);
    let last = unit.rsplit(' ').next().unwrap_or(&unit);
    let last_singular = singular(last);
    for name in [whole.as_str(), last_singular.as_str(), last] {
        if let Some((_, dimension, size)) = UNITS.iter().find(|(u, _, _)| *u == name) {
            return ((*dimension).into(), *size, false, false);
        }
    }
    if counts_people(&unit) {
        let generic = matches!(last, "people" | "persons" | "person");
        return (format!("count person {last_singular}"), 1.0, true, generic);
    }
    let concept = head(last).unwrap_or(last_singular);
    (format!("count {concept}"), 1.0, true, false)
}

/// A unit's singular, by the regular plural endings ("fatalities",
/// "inches", "passengers").
fn singular(w: &str) -> String {
    if let Some(stem) = w.strip_suffix("ies").filter(|s| s.len() > 2) {
        return format!("{stem}y");
    }
    let w = w
        .strip_suffix("es")
        .filter(|s| s.ends_with("inch"))
        .unwrap_or(w);
    w.strip_suffix('s').unwrap_or(w).to_string()
}

/// Whether a quantity's unit counts people ("people", "passengers",
/// "fatalities"): its last word, or that word's singular, is one of
/// [`PEOPLE`].
pub(crate) fn counts_people(unit: &str) -> bool {
    let unit = unit.to_lowercase();
    let last = unit.rsplit(' ').next().unwrap_or(&unit);
    PEOPLE.binary_search(&last).is_ok() || PEOPLE.binary_search(&singular(last).as_str()).is_ok()
}

/// The number as written in `text` (digits with separators, decimals) and
/// its number of decimals and trailing zeros; `None` for numbers in words.
fn written_number(text: &str) -> Option<(f64, u32, u32)> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let rest = &text[start..];
    let end = rest
        .char_indices()
        .find(|&(i, c)| {
            !(c.is_ascii_digit()
                || ((c == ',' || c == '.')
                    && rest[i + 1..].starts_with(|d: char| d.is_ascii_digit())))
        })
        .map_or(rest.len(), |(i, _)| i);
    let digits: String = rest[..end].chars().filter(|&c| c != ',').collect();
    let value: f64 = digits.parse().ok()?;
    let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len() as u32);
    let trailing = if decimals > 0 {
        0
    } else {
        digits.len() as u32 - digits.trim_end_matches('0').len() as u32
    };
    Some((value, decimals, trailing))
}

/// The largest step of the form 10^k or 5·10^k (k ≥ 0) that a whole
/// number is a multiple of: 50 for 350, 100 for 3,200, 5 for 25; 1 for
/// a fraction or a number ending in another digit.
fn rounding_step(value: f64) -> f64 {
    if value.fract() != 0.0 || !(5.0..=1e15).contains(&value) {
        return 1.0;
    }
    let n = value as u64;
    // 5, 10, 50, 100, …: alternately times five and times two.
    let (mut step, mut next, mut by_five) = (1u64, 5u64, false);
    while n.is_multiple_of(next) {
        step = next;
        next *= if by_five { 5 } else { 2 };
        by_five = !by_five;
    }
    step as f64
}

/// The word right before `at` and the word right after `end` in `text`.
fn neighbours(text: &str, span: Span) -> (String, String, String) {
    let before = text.get(..span.start).unwrap_or("");
    let after = text.get(span.end..).unwrap_or("");
    let mut words_before = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let prev = words_before.next().unwrap_or("").to_lowercase();
    let prev2 = words_before.next().unwrap_or("").to_lowercase();
    let next = after
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    (prev2, prev, next)
}

/// The amounts of a claim's quantities (spans into `text`), with
/// compound durations joined ("seven years and four months").
pub(crate) fn amounts<'q>(
    text: &str,
    quantities: impl Iterator<Item = &'q Quantity>,
    head: &dyn Fn(&str) -> Option<String>,
) -> Vec<Amount> {
    let mut out: Vec<Amount> = Vec::new();
    for q in quantities {
        if q.vague {
            continue;
        }
        let Some(mut amount) = amount(text, q, head) else {
            continue;
        };
        // "seven years and four months": one duration.
        if let Some(last) = out.last_mut()
            && last.dimension == "duration"
            && amount.dimension == "duration"
            && text
                .get(last.span.end..amount.span.start)
                .is_some_and(|between| matches!(between.trim(), "and" | "," | ", and" | ""))
            && amount.high < last.low
        {
            // Stated to the smaller unit: the larger part is exact.
            last.low = last.value + amount.low;
            last.high = last.value + amount.high;
            last.value += amount.value;
            last.duration_form = DurationForm::Compound;
            last.span = Span::new(last.span.start, amount.span.end);
            continue;
        }
        // A part after its whole has its own clause's fate ("carrying 50
        // people …, killing 48 of them"); one before it shares the whole's
        // ("Forty-eight of the 50 people on board were killed").
        let part_fate =
            |span: Span| fate_of(text, span).or(amount.fate.filter(|f| *f != Fate::Aboard));
        if let Some((value, span)) = part_before(text, q.span) {
            let size = amount.value / q.value.max(f64::MIN_POSITIVE);
            out.push(Amount {
                value: value * size,
                low: value * size,
                high: value * size,
                span,
                written: value,
                candidate: true,
                whole_of_part: false,
                ..amount.clone()
            });
        }
        if amount.count
            && let Some((value, span)) = part_after(text, q.span, q.value)
        {
            // The whole is what the part is taken from: not set against
            // another outlet's figure for the part.
            let fate = part_fate(span);
            amount.candidate = false;
            amount.whole_of_part = true;
            out.push(Amount {
                value,
                low: value,
                high: value,
                span,
                written: value,
                candidate: true,
                whole_of_part: false,
                fate,
                ..amount.clone()
            });
        }
        if amount.dimension == "duration" {
            // "on 54 minutes", "after 12 minutes": the minute of a match.
            let (_, prev, next) = neighbours(text, q.span);
            if matches!(prev.as_str(), "on" | "after")
                && q.unit.starts_with("minute")
                && PART_AFTER.binary_search(&next.as_str()).is_err()
                && next != "of"
            {
                amount.dimension = "minute mark".into();
                amount.value /= 60.0;
                amount.low /= 60.0;
                amount.high /= 60.0;
            }
        }
        out.push(amount);
    }
    out
}

fn amount(text: &str, q: &Quantity, head: &dyn Fn(&str) -> Option<String>) -> Option<Amount> {
    let (dimension, size, count, generic_people) = dimension_of(q, head);
    let shown = q.span.text(text);
    // A "metric ton" is a tonne (a ton alone is taken as a short ton).
    let size = if dimension == "mass" && shown.to_ascii_lowercase().contains("metric ton") {
        1000.0
    } else {
        size
    };
    let (written, decimals, trailing) = written_number(shown).unwrap_or((q.value, 0, 0));
    let scale = if written > 0.0 {
        q.value / written
    } else {
        1.0
    };
    let scaled = scale > 1.5;
    // The unit of the last digit written.
    let unit = if decimals > 0 {
        10f64.powi(-(decimals as i32)) * scale
    } else if scaled {
        10f64.powi(trailing as i32) * scale
    } else if trailing >= if count { 2 } else { 1 } {
        10f64.powi(trailing as i32)
    } else {
        1.0
    };
    let v = q.value;
    let whole_count = count && v.fract() == 0.0 && v >= 1.0;
    let (low, high) = match q.qualifier.as_deref().unwrap_or("") {
        // "More than" rounds down to the step its figure is a multiple of
        // ("more than 50" for 58, at most a quarter more); "at least" is
        // a floor counted so far ("at least 40 people were killed" is
        // another toll than 48). A count is whole: "more than two" allows
        // three, "fewer than three" two (a strict bound).
        "more than" | "over" | "upwards of" | "in excess of" | "just over" | "well over" => {
            let high = v + unit.max(rounding_step(v)).min(v / 4.0);
            (v, if whole_count { high.max(v + 1.0) } else { high })
        }
        // An inclusive floor: "at least four killed" is another toll than
        // five, however small the count.
        "at least" | "no fewer than" | "no less than" => (v, v + (unit / 2.0).min(v / 4.0)),
        "less than" | "fewer than" | "under" | "up to" | "just under" | "nearly" | "almost"
        | "no more than" | "at most" | "as many as" | "as much as" | "close to" => {
            let low = v - (unit / 2.0).min(v / 4.0);
            (if whole_count { low.min(v - 1.0) } else { low }, v)
        }
        "about" | "around" | "roughly" | "approximately" | "some" | "estimated" => {
            // A rounding to the last digit written, or to the half of it a
            // figure ending in 5 or 50 is a multiple of ("about 350" for
            // 340), at most a tenth and at least a fortieth either way
            // ("about 3,200" is not 3,350).
            let unit = unit.max(rounding_step(q.value));
            let h = (unit / 2.0).min(v / 10.0).max(v / 40.0);
            (v - h, v + h)
        }
        _ => {
            let h = (unit / 2.0).min(v / 10.0);
            (v - h, v + h)
        }
    };
    let (prev2, prev, next) = neighbours(text, q.span);
    let part = PART_BEFORE.binary_search(&prev.as_str()).is_ok()
        || PART_BEFORE.binary_search(&prev2.as_str()).is_ok() && prev == "the"
        || matches!(
            next.as_str(),
            "more" | "remaining" | "left" | "later" | "earlier" | "ago"
        );
    // "nine in ten passenger trains", "one out of five adults": a
    // proportion, whose second number counts nothing.
    let proportion = read_number(&prev2).is_some() && prev == "in"
        || text
            .get(..q.span.start)
            .and_then(|before| before.trim_end().strip_suffix(" out of"))
            .and_then(|before| before.rsplit(char::is_whitespace).next())
            .is_some_and(|w| read_number(w).is_some());
    // "48 of the 50 people": the 50 is the whole a part is taken from.
    let whole = proportion
        || part_before(text, q.span).is_some()
        || text
            .get(..q.span.start)
            .and_then(|before| before.trim_end().strip_suffix(" of the"))
            .and_then(|before| before.rsplit(char::is_whitespace).next())
            .is_some_and(|w| matches!(w.to_lowercase().as_str(), "all" | "most" | "half" | "many"));
    // "the worst since 2008, when 63 people died": a figure of the past
    // event a comparison reaches back to, not of what the claim reports.
    let whole = whole || of_past_event(text, q.span) || baseline(text, q.span);
    // "9 degrees Celsius", "48 degrees Fahrenheit": one temperature, in
    // degrees Celsius (the scale word follows the quantity).
    if q.unit.to_lowercase().starts_with("degree")
        && let Some(to_celsius) = temperature_scale(&next)
    {
        return Some(Amount {
            dimension: "temperature".into(),
            generic_people: false,
            value: to_celsius(v),
            low: to_celsius(low),
            high: to_celsius(high),
            versus: None,
            span: Span::new(q.span.start, word_end_after(text, q.span.end)),
            written,
            candidate: !part && !whole,
            whole_of_part: false,
            count: false,
            duration_form: DurationForm::Other,
            fate: None,
            period: None,
        });
    }
    let fate = (count && dimension.starts_with("count person"))
        .then(|| fate_of(text, q.span))
        .flatten();
    let duration_form = if dimension == "duration" && q.qualifier.is_none() && decimals == 0 {
        DurationForm::Bare
    } else {
        DurationForm::Other
    };
    Some(Amount {
        dimension,
        generic_people,
        value: v * size,
        low: low * size,
        high: high * size,
        versus: q.versus,
        span: q.span,
        written,
        candidate: !part && !whole,
        whole_of_part: false,
        count,
        duration_form,
        fate,
        period: period_after(text, q.span.end),
    })
}

/// The period written right after a figure: "this year", "last month",
/// "next week", "a year", "in 2027" (see [`Amount::period`]).
fn period_after(text: &str, end: usize) -> Option<String> {
    let rest = text.get(end..)?.trim_start();
    let mut words = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(2)
        .map(str::to_lowercase);
    let (first, second) = (words.next()?, words.next()?);
    let period =
        matches!(
            first.as_str(),
            "this" | "last" | "next" | "a" | "per" | "each"
        ) && matches!(
            second.as_str(),
            "year" | "month" | "week" | "day" | "quarter"
        ) || first == "in" && second.len() == 4 && second.chars().all(|c| c.is_ascii_digit());
    period.then(|| format!("{first} {second}"))
}

/// The end of the word right after byte `end` of `text` (after spaces),
/// or `end` when none follows.
fn word_end_after(text: &str, end: usize) -> usize {
    let Some(after) = text.get(end..) else {
        return end;
    };
    let spaces = after.len() - after.trim_start().len();
    let word = after[spaces..]
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(after.len() - spaces);
    if word == 0 { end } else { end + spaces + word }
}

/// The conversion to degrees Celsius of a temperature scale word written
/// after "degrees" ("Celsius", "C", "Fahrenheit", "F").
fn temperature_scale(word: &str) -> Option<fn(f64) -> f64> {
    match word {
        "celsius" | "c" | "centigrade" => Some(|v| v),
        "fahrenheit" | "f" => Some(|v| (v - 32.0) * 5.0 / 9.0),
        _ => None,
    }
}

/// Whether the amount at `at` is the earlier value a change is measured
/// from ("took 28.4%, up from 19.0% in 2021", "fell to 22 seats, from 30",
/// "compared with 66.5% four years ago"): a figure of another time, not set
/// against another outlet's figure for now.
pub(crate) fn baseline(text: &str, at: Span) -> bool {
    let before = text
        .get(..at.start)
        .unwrap_or("")
        .trim_end()
        .to_ascii_lowercase();
    let ends_with_word = |s: &str, w: &str| {
        s.strip_suffix(w)
            .is_some_and(|rest| rest.is_empty() || rest.ends_with(|c: char| !c.is_alphanumeric()))
    };
    if let Some(rest) = before.strip_suffix("from")
        && (rest.is_empty() || rest.ends_with(|c: char| !c.is_alphanumeric()))
    {
        let rest = rest.trim_end();
        return rest.ends_with(',') || ends_with_word(rest, "up") || ends_with_word(rest, "down");
    }
    ["compared with", "compared to", "against"]
        .iter()
        .any(|cue| {
            before
                .strip_suffix(cue)
                .is_some_and(|rest| rest.trim_end().ends_with(','))
        })
}

/// Durations written as a clock, hours to seconds ("2:06:47", a race
/// time), in `span` of `text`: exact to the second written.
pub(crate) fn clock_durations(text: &str, span: Span) -> Vec<Amount> {
    let mut out = Vec::new();
    let Some(body) = text.get(span.start..span.end) else {
        return out;
    };
    let bytes = body.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let starts_number =
            bytes[at].is_ascii_digit() && (at == 0 || !bytes[at - 1].is_ascii_digit());
        if !starts_number {
            at += 1;
            continue;
        }
        let end = body[at..]
            .find(|c: char| !(c.is_ascii_digit() || c == ':'))
            .map_or(body.len(), |e| at + e);
        let parts: Vec<&str> = body[at..end].split(':').collect();
        let clock = parts.len() == 3
            && parts[0].len() <= 2
            && parts[1..].iter().all(|p| p.len() == 2)
            && parts.iter().all(|p| !p.is_empty());
        if clock {
            let number = |p: &str| p.parse::<f64>().unwrap_or(0.0);
            let (h, m, sec) = (number(parts[0]), number(parts[1]), number(parts[2]));
            if m < 60.0 && sec < 60.0 {
                let value = h * 3600.0 + m * 60.0 + sec;
                out.push(Amount {
                    dimension: "duration".into(),
                    generic_people: false,
                    value,
                    low: value - 0.5,
                    high: value + 0.5,
                    versus: None,
                    span: Span::new(span.start + at, span.start + end),
                    written: value,
                    candidate: true,
                    whole_of_part: false,
                    count: false,
                    duration_form: DurationForm::Other,
                    fate: None,
                    period: None,
                });
            }
        }
        at = end.max(at + 1);
    }
    out
}

/// The length of a span of years written as a range ("between 2014 and
/// 2021", "from 2014 to 2021", "2014-2021"), as a duration: a range of
/// whole years may run from late in the first to early in the last, or
/// from the start of the first to the end of the last, so it allows one
/// year less to one year more than the difference of the years ("between
/// 2014 and 2021": 6 to 8 years, against "over nine years" another
/// figure). Years from 1800 to 2199, the second later, at most a century.
pub(crate) fn year_ranges(text: &str, span: Span) -> Vec<Amount> {
    let mut out = Vec::new();
    let Some(body) = text.get(span.start..span.end) else {
        return out;
    };
    let year = |w: &str| -> Option<i64> {
        let w = w.trim_matches(|c: char| !c.is_ascii_digit());
        (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse::<i64>().ok())
            .flatten()
            .filter(|y| (1800..2200).contains(y))
    };
    // Words with their byte offsets in `body`.
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut start = None;
    for (i, c) in body.char_indices() {
        let part = c.is_alphanumeric() || c == '-' || c == '\u{2013}';
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, &body[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, &body[s..]));
    }
    let mut push = |first: i64, last: i64, from: usize, to: usize| {
        if last <= first || last - first > 100 {
            return;
        }
        let years = (last - first) as f64;
        let size = 31_556_952.0;
        out.push(Amount {
            dimension: "duration".into(),
            generic_people: false,
            value: years * size,
            low: (years - 1.0) * size,
            high: (years + 1.0) * size,
            versus: None,
            span: Span::new(span.start + from, span.start + to),
            written: years,
            candidate: true,
            whole_of_part: false,
            count: false,
            duration_form: DurationForm::Other,
            fate: None,
            period: None,
        });
    };
    for (k, &(at, word)) in words.iter().enumerate() {
        // "2014-2021", "2014–2021".
        if let Some((x, y)) = word.split_once(['-', '\u{2013}'])
            && let (Some(first), Some(last)) = (year(x), year(y))
        {
            push(first, last, at, at + word.len());
            continue;
        }
        let lower = word.to_ascii_lowercase();
        let joiner = match lower.as_str() {
            "between" => "and",
            "from" => "to",
            _ => continue,
        };
        if let (Some(&(_, x)), Some(&(_, j)), Some(&(end_at, y))) =
            (words.get(k + 1), words.get(k + 2), words.get(k + 3))
            && j.eq_ignore_ascii_case(joiner)
            && let (Some(first), Some(last)) = (year(x), year(y))
        {
            push(first, last, at, end_at + y.len());
        }
    }
    out
}

/// Times of day in `span` of `text` ("at 3:17 a.m.", "3.42pm", "18:42
/// local time", "at 6 p.m."), as minutes after midnight: the time an event
/// happened, so two outlets giving 3.42pm and 4.12pm for one event differ.
/// A time to the minute is exact; an hour alone ("6 p.m.") allows half an
/// hour either way; "about", "around", "shortly after" and the like widen
/// it by twenty minutes (so "about 6:40 p.m." is "18:42"). Not a time a
/// figure was read at or a bound ("as of 6 p.m.", "by 9 a.m.", "until",
/// "from … to"): that says when, not what happened. A time with a dot
/// ("3.42") needs "am" or "pm" (else it is a decimal); one with a colon
/// and no "am"/"pm" is read on a 24-hour clock; a race time with seconds
/// ("2:06:47") is a duration ([`clock_durations`]).
pub(crate) fn clock_times(text: &str, span: Span) -> Vec<Amount> {
    const LOOSE: &[&str] = &[
        "about",
        "around",
        "approximately",
        "roughly",
        "nearly",
        "almost",
        "shortly after",
        "shortly before",
        "just after",
        "just before",
        "soon after",
    ];
    const NOT_EVENT: &[&str] = &[
        "as of", "as at", "by", "until", "till", "from", "between", "to", "and", "since",
    ];
    let mut out = Vec::new();
    let Some(body) = text.get(span.start..span.end) else {
        return out;
    };
    let bytes = body.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let starts_number =
            bytes[at].is_ascii_digit() && (at == 0 || !bytes[at - 1].is_ascii_alphanumeric());
        if !starts_number || (at > 0 && matches!(bytes[at - 1], b'.' | b':' | b',')) {
            at += 1;
            continue;
        }
        let digits = |from: usize| {
            body[from..]
                .find(|c: char| !c.is_ascii_digit())
                .map_or(body.len(), |e| from + e)
        };
        let hour_end = digits(at);
        let hour: u32 = body[at..hour_end].parse().unwrap_or(99);
        let mut end = hour_end;
        let mut minute: Option<u32> = None;
        let mut separator = None;
        if let Some(&sep) = bytes.get(hour_end)
            && (sep == b':' || sep == b'.')
        {
            let minute_end = digits(hour_end + 1);
            if minute_end == hour_end + 3 {
                minute = body[hour_end + 1..minute_end].parse().ok();
                separator = Some(sep);
                end = minute_end;
            }
        }
        // A third part ("2:06:47") or more digits: not a time of day.
        if matches!(bytes.get(end), Some(b':'))
            && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
        {
            at = end.max(at + 1);
            continue;
        }
        let after = body[end..].trim_start().to_ascii_lowercase();
        let meridiem = ["a.m.", "p.m.", "am", "pm", "a.m", "p.m"]
            .iter()
            .find(|m| {
                after.starts_with(**m)
                    && !after[m.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
            })
            .map(|m| m.starts_with('p'));
        let clock = match (meridiem, minute, separator) {
            (Some(pm), _, _) if (1..=12).contains(&hour) => {
                let h = hour % 12 + if pm { 12 } else { 0 };
                Some((h * 60 + minute.unwrap_or(0), minute.is_some()))
            }
            (None, Some(m), Some(b':')) if hour <= 23 && m < 60 => Some((hour * 60 + m, true)),
            _ => None,
        };
        let Some((value, to_minute)) = clock else {
            at = end.max(at + 1);
            continue;
        };
        if minute.is_some_and(|m| m >= 60) {
            at = end.max(at + 1);
            continue;
        }
        let before = body[..at].trim_end().to_ascii_lowercase();
        let preceded = |cue: &str| {
            before.strip_suffix(cue).is_some_and(|rest| {
                rest.is_empty() || rest.ends_with(|c: char| !c.is_alphanumeric())
            })
        };
        if NOT_EVENT.iter().any(|cue| preceded(cue)) {
            at = end.max(at + 1);
            continue;
        }
        let loose = LOOSE.iter().any(|cue| {
            preceded(cue) || preceded(&format!("{cue} at")) || preceded(&format!("at {cue}"))
        });
        let value = f64::from(value);
        let mut spread = if to_minute { 0.0 } else { 30.0 };
        if loose {
            spread += 20.0;
        }
        let shown_end = match meridiem {
            Some(_) => {
                let skipped = body[end..].len() - body[end..].trim_start().len();
                let word = ["a.m.", "p.m.", "am", "pm", "a.m", "p.m"]
                    .iter()
                    .find(|m| after.starts_with(**m))
                    .map_or(0, |m| m.len());
                end + skipped + word
            }
            None => end,
        };
        out.push(Amount {
            dimension: "time of day".into(),
            generic_people: false,
            value,
            low: value - spread,
            high: value + spread,
            versus: None,
            span: Span::new(span.start + at, span.start + shown_end),
            written: value,
            candidate: true,
            whole_of_part: false,
            count: false,
            duration_form: DurationForm::Other,
            fate: None,
            period: None,
        });
        at = shown_end.max(at + 1);
    }
    out
}

/// Parts of the day in `span` of `text` ("on Tuesday morning", "late on
/// Tuesday afternoon", "that evening"), as times of day spanning the part:
/// morning 05:00–12:00, afternoon 12:00–18:00, evening 17:00–23:00; "early"
/// or "late" before it keeps the first or the second half. So "at 9am" and
/// "in the afternoon" differ, and "3.42pm" agrees with "Monday afternoon".
/// Not a bound ("by Tuesday evening", "until", "as of", "since").
pub(crate) fn parts_of_day(text: &str, span: Span) -> Vec<Amount> {
    const PARTS: &[(&str, f64, f64)] = &[
        ("morning", 300.0, 720.0),
        ("afternoon", 720.0, 1080.0),
        ("evening", 1020.0, 1380.0),
    ];
    const NOT_EVENT: &[&str] = &["as of", "as at", "by", "until", "till", "since"];
    let mut out = Vec::new();
    for (start, word) in spaced_words(text.get(span.start..span.end).unwrap_or("")) {
        let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        let Some(&(_, first, last)) = PARTS.iter().find(|(p, ..)| bare.eq_ignore_ascii_case(p))
        else {
            continue;
        };
        let before: Vec<String> = text
            .get(span.start..span.start + start)
            .unwrap_or("")
            .split_whitespace()
            .rev()
            .take(3)
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_ascii_lowercase()
            })
            .collect();
        let bounded = before.iter().enumerate().any(|(k, w)| {
            NOT_EVENT.contains(&w.as_str())
                || k + 1 < before.len()
                    && NOT_EVENT.contains(&format!("{} {w}", before[k + 1]).as_str())
        });
        if bounded {
            continue;
        }
        let half = (last - first) / 2.0;
        let (low, high) = if before.iter().any(|w| w == "early") {
            (first, first + half)
        } else if before.iter().any(|w| w == "late") {
            (last - half, last)
        } else {
            (first, last)
        };
        let at = span.start + start;
        out.push(Amount {
            dimension: "time of day".into(),
            generic_people: false,
            value: (low + high) / 2.0,
            low,
            high,
            versus: None,
            span: Span::new(at, at + bare.len()),
            written: (low + high) / 2.0,
            candidate: true,
            whole_of_part: false,
            count: false,
            duration_form: DurationForm::Other,
            fate: None,
            period: None,
        });
    }
    out
}

/// Ages of people in `span` of `text`, as news writes them: "the
/// 24-year-old", and a number in apposition right after a name ("Tomas
/// Reinholt, 23, died", "Reinholt (23)"); `names` are the spans of the
/// claim's names of people or organisations (a misread person). Exact: an
/// age is a whole number of years.
pub(crate) fn ages(text: &str, span: Span, names: impl Iterator<Item = Span>) -> Vec<Amount> {
    let age = |value: f64, at: Span| Amount::exact("age", value, at);
    let mut out = Vec::new();
    let Some(body) = text.get(span.start..span.end) else {
        return out;
    };
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let plausible = |n: &str| {
        n.parse::<f64>()
            .ok()
            .filter(|v| (1..=3).contains(&n.len()) && (1.0..=120.0).contains(v))
    };
    // "24-year-old" (also "24-year old").
    let mut from = 0;
    while let Some(at) = body.get(from..).and_then(|rest| rest.find("-year")) {
        let end = from + at;
        from = end + "-year".len();
        let rest = &body[from..];
        if !(rest.starts_with("-old") || rest.starts_with(" old")) {
            continue;
        }
        let start = body[..end]
            .bytes()
            .rev()
            .take_while(u8::is_ascii_digit)
            .count();
        let number = &body[end - start..end];
        let word_start = end - start == 0
            || !body[..end - start].ends_with(|c: char| c.is_alphanumeric() || c == '.');
        if let (Some(value), true) = (plausible(number), word_start) {
            let at = Span::new(span.start + end - start, span.start + from + 4);
            out.push(age(value, at));
        }
    }
    // "Name, 23," and "Name (23)".
    for name in names {
        let Some(after) = text.get(name.end..span.end) else {
            continue;
        };
        let (open, close): (&str, &[char]) = if after.starts_with(", ") {
            (", ", &[',', ';'])
        } else if after.starts_with(" (") {
            (" (", &[')'])
        } else {
            continue;
        };
        let rest = &after[open.len()..];
        let n = digits(rest);
        if rest[n..].starts_with(close)
            && let Some(value) = plausible(&rest[..n])
        {
            let start = name.end + open.len();
            out.push(age(value, Span::new(start, start + n)));
        }
    }
    out
}

/// The words of `body` split at spaces, each with its byte offset.
fn spaced_words(body: &str) -> Vec<(usize, &str)> {
    let mut offset = 0;
    body.split(' ')
        .map(|w| {
            let at = offset;
            offset += w.len() + 1;
            (at, w)
        })
        .collect()
}

/// Words after which a toll's number counts no noun ("has risen to 12 on
/// Monday").
const AFTER_A_TOLL: &[&str] = &[
    "",
    "according",
    "after",
    "and",
    "as",
    "by",
    "from",
    "in",
    "on",
    "since",
    "with",
];

/// Words after which a named figure counts no noun ("a rating of 2598,
/// which …"): those of [`AFTER_A_TOLL`] and a few more.
const AFTER_A_NAMED_FIGURE: &[&str] = &[
    "",
    "according",
    "after",
    "and",
    "as",
    "at",
    "before",
    "by",
    "for",
    "from",
    "in",
    "on",
    "since",
    "to",
    "when",
    "which",
    "who",
    "with",
];

/// Whether no noun follows the number `word` (word `k` of `words`, written
/// `raw` with its punctuation): it ends its clause, or a word of `after`
/// comes next.
fn no_noun_after(words: &[(usize, &str)], k: usize, raw: &str, word: &str, after: &[&str]) -> bool {
    let next = words
        .get(k + 1)
        .map(|&(_, w)| w.trim_end_matches(['.', ',', ';', ':']).to_lowercase())
        .unwrap_or_default();
    raw.len() != word.len() || after.contains(&next.as_str())
}

/// Tolls with no noun after the number, as news writes them: "the death
/// toll … has risen to 12", "the toll stood at 15", "a death toll of 9".
/// The number counts the people killed: a count of people, comparable
/// with "nine people" of another outlet. Only a number written in digits
/// or as a word right after "to", "at" or "of" whose clause (back to the
/// last comma or semicolon) names a toll, and that no noun follows.
pub(crate) fn tolls(text: &str, span: Span) -> Vec<Amount> {
    let mut out = Vec::new();
    let Some(body) = text.get(span.start..span.end) else {
        return out;
    };
    let lower = body.to_lowercase();
    if !lower.contains("toll") {
        return out;
    }
    let words = spaced_words(body);
    for (k, &(at, raw)) in words.iter().enumerate() {
        let word = raw.trim_end_matches(['.', ',', ';', ':']);
        let Some(value) = read_number(word).or_else(|| {
            let digits: String = word.chars().filter(|&c| c != ',').collect();
            (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()))
                .then(|| digits.parse().ok())
                .flatten()
        }) else {
            continue;
        };
        let Some(&(_, prev)) = k.checked_sub(1).and_then(|p| words.get(p)) else {
            continue;
        };
        if !matches!(prev.to_lowercase().as_str(), "to" | "at" | "of") {
            continue;
        }
        // No noun follows: the number ends its clause or a preposition,
        // a conjunction or a verb comes next.
        if !no_noun_after(&words, k, raw, word, AFTER_A_TOLL) {
            continue;
        }
        let clause_start = last_clause_start(&body[..at]);
        let clause = lower[clause_start..at].to_string();
        let names_toll = clause
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "toll");
        if !names_toll {
            continue;
        }
        let at = Span::new(span.start + at, span.start + at + word.len());
        out.push(Amount {
            generic_people: true,
            count: true,
            ..Amount::exact("count person people", value, at)
        });
    }
    out
}

/// Qualifiers a count of people with no noun may follow ("more than 30
/// were hurt"), longest first.
const ELIDED_QUALIFIERS: &[&str] = &[
    "as many as",
    "more than",
    "at least",
    "fewer than",
    "up to",
    "about",
    "around",
    "nearly",
    "almost",
    "some",
    "over",
    "roughly",
];

/// Counts of people whose noun the sentence leaves out, as news writes the
/// second of two counts or a count of its subject: "four people were
/// killed and 31 were injured", "two died and 31 injured", "more than 30
/// were hurt". A number (in digits, or in words below a hundred) with no
/// noun after it, followed by a word of fate ([`super::fates`]) right away
/// or after "were", "was", "have been" or "had been". The number counts
/// people with that fate, like "31 people were injured" of another outlet.
/// A number an amount of `taken` already covers is left to it.
pub(crate) fn elided_people_counts(text: &str, span: Span, taken: &[Amount]) -> Vec<Amount> {
    let mut out = Vec::new();
    let Some(body) = text.get(span.start..span.end) else {
        return out;
    };
    let words = spaced_words(body);
    let lower = |k: usize| {
        words
            .get(k)
            .map(|&(_, w)| w.to_lowercase())
            .unwrap_or_default()
    };
    // What may follow such a number, checked before anything costlier:
    // a verb of being, or a word that may give a fate ("injured", "hurt",
    // "dead", "missing").
    let may_follow = |k: usize| {
        words.get(k).is_some_and(|&(_, w)| {
            let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
            ["were", "was", "have", "had", "hurt", "dead", "missing"]
                .iter()
                .any(|x| w.eq_ignore_ascii_case(x))
                || w.ends_with("ed")
        })
    };
    for (k, &(at, raw)) in words.iter().enumerate() {
        // The number ends no clause and has no noun or mark after it.
        if !may_follow(k + 1) || raw.ends_with(|c: char| !c.is_alphanumeric()) {
            continue;
        }
        let Some(value) = read_number(raw) else {
            continue;
        };
        let year = (1900.0..=2099.0).contains(&value) && !raw.contains(',');
        if year || value < 1.0 || value.fract() != 0.0 {
            continue;
        }
        let mut fate_at = match lower(k + 1).as_str() {
            "were" | "was" => k + 2,
            "have" | "had" if lower(k + 2) == "been" => k + 3,
            _ => k + 1,
        };
        // "were seriously injured".
        if fate_at > k + 1 && lower(fate_at).ends_with("ly") {
            fate_at += 1;
        }
        let number = Span::new(span.start + at, span.start + at + raw.len());
        let Some((_, word)) = fate_word(text, number) else {
            continue;
        };
        let fate_here = words
            .get(fate_at)
            .is_some_and(|&(_, w)| w.trim_end_matches(|c: char| !c.is_alphanumeric()) == word);
        if !fate_here {
            continue;
        }
        let before = body[..at].trim_end();
        let qualifier = ELIDED_QUALIFIERS.iter().find(|q| {
            let cut = before.len().checked_sub(q.len());
            cut.and_then(|c| Some((before.get(..c)?, before.get(c..)?)))
                .is_some_and(|(rest, last)| {
                    last.eq_ignore_ascii_case(q) && (rest.is_empty() || rest.ends_with(' '))
                })
        });
        let start = qualifier.map_or(number.start, |q| span.start + before.len() - q.len());
        let at = Span::new(start, number.end);
        if taken.iter().any(|a| a.span.overlaps(at)) {
            continue;
        }
        let quantity = Quantity {
            span: at,
            value,
            unit: "people".into(),
            qualifier: qualifier.map(|q| q.to_string()),
            vague: false,
            versus: None,
            rule: "count of people with no noun",
        };
        out.extend(amount(text, &quantity, &|_| None));
    }
    out
}

/// Figures named by the noun before them, as news writes a measure with no
/// unit: "a rating of 2598", "a population of 40,000", "its capacity of
/// 30,000", "a score of 87". The figure measures that noun (two ratings
/// compare, a rating and a capacity do not). Only a number written in
/// digits right after "<a|an|the|its|his|her|their> <noun> of", that no
/// noun follows, that is no year (a year of the story's century: "the
/// summer of 2019") and whose noun is no toll ([`tolls`]).
pub(crate) fn named_figures(text: &str, span: Span) -> Vec<Amount> {
    const DETERMINERS: &[&str] = &["a", "an", "the", "its", "his", "her", "their", "our"];
    let mut out = Vec::new();
    let Some(body) = text.get(span.start..span.end) else {
        return out;
    };
    if !body.contains(" of ") {
        return out;
    }
    let words = spaced_words(body);
    for (k, &(at, raw)) in words.iter().enumerate().skip(3) {
        let word = raw.trim_end_matches(['.', ',', ';', ':']);
        let all_digits = word
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.');
        if !all_digits || !word.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let Some((value, _, _)) = written_number(word) else {
            continue;
        };
        let year =
            value.fract() == 0.0 && (1900.0..=2099.0).contains(&value) && !word.contains(',');
        let (of, noun, det) = (words[k - 1].1, words[k - 2].1, words[k - 3].1);
        let plain_noun =
            noun.len() > 2 && noun.chars().all(|c| c.is_ascii_lowercase()) && noun != "toll";
        if year || of != "of" || !plain_noun || !DETERMINERS.contains(&det.to_lowercase().as_str())
        {
            continue;
        }
        if !no_noun_after(&words, k, raw, word, AFTER_A_NAMED_FIGURE) {
            continue;
        }
        let at = Span::new(span.start + at, span.start + at + word.len());
        out.push(Amount::exact(format!("figure {noun}"), value, at));
    }
    out
}

/// The numbers written in digits in `span` of `text` ("9", "2,400", "4.23").
pub(crate) fn bare_numbers(text: &str, span: Span) -> Vec<f64> {
    let body = span.text(text);
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(start) = body[at..].find(|c: char| c.is_ascii_digit()) {
        let from = at + start;
        let Some((value, _, _)) = written_number(&body[from..]) else {
            break;
        };
        out.push(value);
        at = from
            + body[from..]
                .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
                .unwrap_or(body.len() - from);
    }
    out
}

/// How amounts of two claims pair up: per amount, whether the other claim
/// states it too, and the conflicts (index in `a`, index in `b`).
pub(crate) struct Pairing {
    pub a_agreed: Vec<bool>,
    pub b_agreed: Vec<bool>,
    pub conflicts: Vec<(usize, usize)>,
}

/// Pairs the amounts of two claims. An amount is agreed when the other
/// claim has a comparable amount that agrees, or writes its number at all
/// ("9 among vaccinated participants"). A conflict is claimed only between
/// candidates left unagreed on both sides, when the choice is unambiguous
/// (one comparable amount, one counting the very same noun, or one for the
/// same period) and neither
/// is the sum of the other side's counts.
pub(crate) fn pair(a: &[Amount], b: &[Amount], a_numbers: &[f64], b_numbers: &[f64]) -> Pairing {
    let mut a_agreed = vec![false; a.len()];
    let mut b_agreed = vec![false; b.len()];
    for (i, x) in a.iter().enumerate() {
        for (j, y) in b.iter().enumerate() {
            if x.comparable(y) && x.agrees(y) {
                a_agreed[i] = true;
                b_agreed[j] = true;
            }
        }
    }
    let written_in = |x: &Amount, numbers: &[f64]| {
        x.count && numbers.iter().any(|&n| n == x.written || n == x.value)
    };
    for (i, x) in a.iter().enumerate() {
        a_agreed[i] |= written_in(x, b_numbers);
    }
    for (j, y) in b.iter().enumerate() {
        b_agreed[j] |= written_in(y, a_numbers);
    }
    let sum = |side: &[Amount]| -> f64 { side.iter().filter(|x| x.count).map(|x| x.value).sum() };
    let (a_sum, b_sum) = (sum(a), sum(b));
    let mut conflicts = Vec::new();
    let mut used = vec![false; b.len()];
    // A whole of a part is set only against another whole of a part.
    let open_to = |x: &Amount, y: &Amount| {
        (y.candidate && x.candidate || y.whole_of_part && x.whole_of_part) && x.comparable(y)
    };
    for (i, x) in a.iter().enumerate() {
        if a_agreed[i] || !(x.candidate || x.whole_of_part) {
            continue;
        }
        let open: Vec<usize> = (0..b.len())
            .filter(|&j| !b_agreed[j] && !used[j] && open_to(x, &b[j]))
            .collect();
        let chosen = match open[..] {
            [one] => Some(one),
            _ => {
                let same: Vec<usize> = open
                    .iter()
                    .copied()
                    .filter(|&j| b[j].dimension == x.dimension)
                    .collect();
                // Of several, the one for the same period ("4% this year,
                // 3% in 2027" / "4.5% this year and a further 5% …").
                let period: Vec<usize> = open
                    .iter()
                    .copied()
                    .filter(|&j| x.period.is_some() && b[j].period == x.period)
                    .collect();
                match (&same[..], &period[..]) {
                    ([one], _) | (_, [one]) => Some(*one),
                    _ => None,
                }
            }
        };
        let Some(j) = chosen else { continue };
        let y = &b[j];
        let is_sum = x.count && ((y.value - a_sum).abs() < 0.5 || (x.value - b_sum).abs() < 0.5);
        if is_sum || far_apart(x, y) {
            continue;
        }
        used[j] = true;
        conflicts.push((i, j));
    }
    Pairing {
        a_agreed,
        b_agreed,
        conflicts,
    }
}

/// Two figures this many times apart or more are not one figure reported
/// differently ([`far_apart`]).
const FAR_APART: f64 = 10.0;

/// Whether two amounts are too far apart to be two reports of one figure:
/// "847 prisoners" (the jail's population) and "14 prisoners" (last
/// year's escapes), "one sealed jar" and "about 30 storage jars", "three
/// years" and "a two-month transition" measure different things of one
/// kind. Outlets that disagree on a figure disagree by a little; a clock
/// time or a match minute is no magnitude, and is left alone.
fn far_apart(x: &Amount, y: &Amount) -> bool {
    let clock = matches!(x.dimension.as_str(), "time of day" | "minute mark");
    !clock && x.value != 0.0 && y.value != 0.0 && figure_ratio(x.value, y.value) >= FAR_APART
}

/// How far apart two figures are: the larger over the smaller (infinite
/// when one is zero).
pub(crate) fn figure_ratio(p: f64, q: f64) -> f64 {
    let (low, high) = if p.abs() < q.abs() { (p, q) } else { (q, p) };
    if low == 0.0 {
        f64::INFINITY
    } else {
        (high / low).abs()
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
            // A month, or an interval of months ("2027-10/2027-12").
            let (y, m) = (num(0..4)?, num(5..7)?);
            let (last_y, last_m) = if v.get(7..8) == Some("/") {
                (num(8..12)?, num(13..15)?)
            } else {
                (y, m)
            };
            let first = day(y, m, 1)?;
            let next = if last_m == 12 {
                day(last_y + 1, 1, 1)?
            } else {
                day(last_y, last_m + 1, 1)?
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

/// Whether a figure stands in a clause on a past year's event: "<year>,
/// when …" with no other clause break before the figure ("since 2008,
/// when 63 people died in a crash").
fn of_past_event(text: &str, at: Span) -> bool {
    let before = text.get(..at.start).unwrap_or("");
    let Some(when) = before.rfind(", when ") else {
        return false;
    };
    let clause = &before[when + ", when ".len()..];
    if clause.contains([',', '.', ';', '!', '?']) {
        return false;
    }
    let year = before[..when]
        .rsplit(|c: char| !c.is_ascii_digit())
        .next()
        .unwrap_or("");
    year.len() == 4 && (year.starts_with("19") || year.starts_with("20"))
}
