//! Time expressions in story sentences, normalised to ISO 8601 against the
//! article's publication date.
//!
//! [`find_times`] finds, sentence by sentence and left to right:
//! - absolute dates: "December 25", "25 December", "18 Dec 2014", "December
//!   25, 2014", "the 11th of September 2001", "2014-12-18", "14/03/2023",
//!   "14.03.2023" (day and month told apart as on date lines: a number over
//!   12 is the day, dots and hyphens are day-first, slashes follow the
//!   text's other dates); a date without a year gets
//!   the year that puts it nearest to publication;
//! - months and years: "September 2001", "The November attack" (the most
//!   recent November on or before publication), "last/next/this November",
//!   "in 2014", "early December" (approximate); never a year centuries
//!   ahead ("a rating of 2598");
//! - weekdays: "on Tuesday" (the most recent Tuesday on or before
//!   publication; in a future-tense clause, "will meet on Tuesday", "is due
//!   to … on Friday", "is expected to visit on Monday", "is likely to …",
//!   "hope to begin … on Thursday", "would have a scan on Tuesday",
//!   a schedule's verb in the present, "The race ends on Sunday", the
//!   first one on or after publication), "last/next/this Tuesday";
//! - relative expressions: "today", "tonight", "this morning", "yesterday",
//!   "late yesterday", "last night", "tomorrow", "last/this/next
//!   week/month/year", "earlier this month" (approximate), "three days ago",
//!   "over a fortnight ago" (on or before), "almost a year ago" (on or after).
//!
//! Prepositions that bound a date ("since", "after", "before", "until") are
//! part of the expression and set its [`Bound`].
//!
//! Without a publication date only expressions that name their full year
//! ("18 Dec 2014", "September 2001", "in 2014") can be resolved; the others
//! are left out. The date arithmetic (epoch days ⇄ calendar dates, ISO weeks)
//! is written out here: [`date_from_days`], [`iso_weekday`], [`iso_week`].

use super::Sentence;
use super::numbers::{
    CALENDAR_NAME, Kind, NumberOptions, STARTS_ONLY_BEFORE_AGO, STARTS_TIME, Token, adjacent,
    cardinal_word, is_plural_noun, lowercase, number_at, ordinal_at, ordinal_word, starts_sentence,
    tokenize,
};

use crate::extract::lexicon::WordSet;
use crate::model::{DateTime, Span, WEEKDAY_NAMES};

/// How precise a time expression is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Granularity {
    Day,
    /// An ISO 8601 week (Monday to Sunday).
    Week,
    Month,
    Year,
}

/// How the text relates the event to the normalised value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    /// At that day, week, month or year.
    Exact,
    /// Around it ("early December", "earlier this month", "about a week ago").
    Approximate,
    /// Then or earlier ("over a fortnight ago", "before December 25").
    OnOrBefore,
    /// Then or later ("almost a year ago", "since November").
    OnOrAfter,
}

/// A time expression of story text, normalised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeExpr {
    pub span: Span,
    /// ISO 8601 at the expression's granularity: `2014-12-17`, `2014-W50`,
    /// `2014-11`, `2014`, or an interval of months for a part of a year
    /// (`2027-10/2027-12`, granularity month).
    pub value: String,
    pub granularity: Granularity,
    pub bound: Bound,
    /// The rule that found and resolved it, for people.
    pub rule: &'static str,
}

/// The time expressions of `sentences` (spans into `text`), in text order,
/// resolved against `published` when they are relative to it.
pub fn find_times(
    text: &str,
    sentences: &[Sentence],
    published: Option<DateTime>,
) -> Vec<TimeExpr> {
    let mut times = Vec::new();
    let mut order = NumericOrder::default();
    for sentence in sentences {
        let lowered = lowercase(text, sentence.span);
        let tokens = tokenize(text, sentence.span, &lowered);
        for candidate in scan(&tokens) {
            let candidate = order.settle(candidate, text);
            if let Some(time) = candidate.resolve(published) {
                times.push(time);
            }
        }
    }
    times
}

/// How an article writes all-numeric dates whose day and month could be
/// swapped ("04/03/2023"), decided once, on the first such date, by
/// [`crate::extract::dateline::writes_month_first`]: the rule of the date
/// line, applied to the story text.
#[derive(Default)]
pub(crate) struct NumericOrder {
    month_first: Option<bool>,
}

impl NumericOrder {
    /// `candidate` with an ambiguous slashed date read in the article's order.
    pub(crate) fn settle(&mut self, mut candidate: Candidate, text: &str) -> Candidate {
        if candidate.rule != RULE_NUMERIC_AMBIGUOUS {
            return candidate;
        }
        let month_first = *self
            .month_first
            .get_or_insert_with(|| super::dateline::writes_month_first(text));
        if month_first && let When::Date { year, month, day } = candidate.when {
            candidate.when = When::Date {
                year,
                month: day,
                day: month,
            };
            candidate.rule = RULE_NUMERIC_MONTH_FIRST;
        }
        candidate
    }
}

/// The calendar date `days` days after 1970-01-01 (before it when negative):
/// the inverse of [`DateTime::days_from_epoch`]. `None` when the year does
/// not fit an `i32`.
pub fn date_from_days(days: i64) -> Option<DateTime> {
    let (year, month, day) = civil_from_days(days)?;
    DateTime::new(i32::try_from(year).ok()?, month, day, None)
}

/// The ISO weekday of the date `days` after 1970-01-01: 1 = Monday … 7 = Sunday.
pub fn iso_weekday(days: i64) -> u8 {
    // 1970-01-01 was a Thursday (4).
    let from_monday = (days.rem_euclid(7) + 3) % 7;
    u8::try_from(from_monday + 1).unwrap_or(1)
}

/// The ISO 8601 week-numbering year and week (1–53) of the date `days` after
/// 1970-01-01: the week belongs to the year holding its Thursday.
pub fn iso_week(days: i64) -> Option<(i32, u8)> {
    let thursday = days
        .checked_sub(i64::from(iso_weekday(days)))?
        .checked_add(4)?;
    let (year, _, _) = civil_from_days(thursday)?;
    let january_first = DateTime::new(i32::try_from(year).ok()?, 1, 1, None)?.days_from_epoch();
    let week = (thursday - january_first) / 7 + 1;
    Some((i32::try_from(year).ok()?, u8::try_from(week).ok()?))
}

/// Howard Hinnant's `civil_from_days`: (year, month, day) of an epoch day.
fn civil_from_days(days: i64) -> Option<(i64, u8, u8)> {
    // Far beyond any i32 year: refuse rather than overflow.
    const LIMIT: i64 = 1 << 40;
    if !(-LIMIT..=LIMIT).contains(&days) {
        return None;
    }
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Some((year, u8::try_from(month).ok()?, u8::try_from(day).ok()?))
}

/// Which occurrence of a named month or weekday is meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pick {
    /// The most recent one on or before publication (plain past-tense use).
    Latest,
    /// The one before the current one ("last Tuesday", "last November").
    Previous,
    /// The one after the current one ("next Tuesday").
    Next,
    /// The first one on or after publication (future tense: "will … on Friday").
    Upcoming,
    /// The one of the current week or year ("this Tuesday", "this November").
    Current,
}

/// What a candidate expression denotes, before resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum When {
    /// A calendar day; without a year, the year nearest to publication.
    Date {
        year: Option<i32>,
        month: u8,
        day: u8,
    },
    MonthOfYear {
        year: i32,
        month: u8,
    },
    Year(i32),
    /// Months `first..=last` of a year ("the end of 2027", "mid-2027").
    PartOfYear {
        year: i32,
        first: u8,
        last: u8,
    },
    MonthName {
        month: u8,
        pick: Pick,
    },
    /// A season of the northern year, three months from `first` ("next
    /// spring", "last summer").
    Season {
        first: u8,
        pick: Pick,
    },
    /// ISO weekday 1 = Monday … 7 = Sunday.
    Weekday {
        weekday: u8,
        pick: Pick,
    },
    /// Days from publication (-1 = yesterday).
    Days(i64),
    /// ISO weeks from publication's week.
    Weeks(i64),
    Months(i64),
    Years(i64),
}

/// A time expression found in the tokens, not yet resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub span: Span,
    when: When,
    bound: Bound,
    rule: &'static str,
}

/// A match over tokens `start..end`.
struct Found {
    start: usize,
    end: usize,
    when: When,
    bound: Bound,
    rule: &'static str,
}

/// Every time expression in one sentence's tokens, in order, non-overlapping,
/// whether or not it can be resolved. The quantity stage uses the spans to
/// leave dates and durations such as "three days ago" alone.
pub(crate) fn scan(tokens: &[Token]) -> Vec<Candidate> {
    let mut out = Vec::new();
    // "… ago" forms are tried only in sentences that have the word at all.
    let has_ago = tokens.iter().any(|t| t.is_word("ago"));
    let mut i = 0;
    while i < tokens.len() {
        match match_at(tokens, i, has_ago) {
            Some(found) if found.end > i => {
                if let (Some(first), Some(last)) =
                    (tokens.get(found.start), tokens.get(found.end - 1))
                {
                    out.push(Candidate {
                        span: Span::new(first.span.start, last.span.end),
                        when: found.when,
                        bound: found.bound,
                        rule: found.rule,
                    });
                }
                i = found.end;
            }
            _ => i += 1,
        }
    }
    out
}

const RULE_NEAREST: &str = "day and month; the year that puts it nearest to publication";
const RULE_NUMERIC_DAY_OVER_12: &str = "numeric date; the number over 12 is the day";
const RULE_NUMERIC_DOTTED: &str =
    "numeric date with dots or hyphens (day.month.year, the only order written so)";
/// Resolved by [`NumericOrder::settle`] to this or [`RULE_NUMERIC_MONTH_FIRST`].
const RULE_NUMERIC_AMBIGUOUS: &str = "numeric date, ambiguous; read day/month/year \
     because the text writes no US month-first dates (\"March 14\")";
const RULE_NUMERIC_MONTH_FIRST: &str = "numeric date, ambiguous; read month/day/year \
     because the text writes US month-first dates (\"March 14\")";

/// Can a time expression begin at this token? A cheap filter that keeps the
/// scan fast on ordinary words.
fn can_start(token: &Token) -> bool {
    match token.kind {
        Kind::Number(_) => true,
        Kind::Word => {
            token.is_class(STARTS_TIME)
                || (token.is_class(CALENDAR_NAME) && token.is_capitalised())
                || cardinal_word(token).is_some()
                || ordinal_word(token).is_some()
        }
        Kind::Punct(_) => false,
    }
}

fn match_at(tokens: &[Token], i: usize, has_ago: bool) -> Option<Found> {
    let first = tokens.get(i)?;
    if !can_start(first) {
        return None;
    }
    if has_ago && let Some(found) = ago_at(tokens, i) {
        return Some(found);
    }
    if first.is_class(STARTS_ONLY_BEFORE_AGO) {
        return None;
    }
    if let Some(found) = part_of_year_at(tokens, i).or_else(|| season_at(tokens, i)) {
        return Some(found);
    }
    // "the" starts only "the 11th of …", "the day before/after …" and a
    // part of a year.
    if first.is_word("the")
        && !tokens.get(i + 1).is_some_and(|t| t.is_word("day"))
        && !matches!(day_at(tokens, i + 1), Some((_, _, true)))
    {
        return None;
    }
    let prefix_bound = if first.is_any_word(&["since", "after"]) {
        Some(Bound::OnOrAfter)
    } else if first.is_any_word(&["before", "until", "till"]) {
        // "will not restart before Monday", "won't reopen until June": then
        // or later.
        Some(if negated_verb_before(tokens, i) {
            Bound::OnOrAfter
        } else {
            Bound::OnOrBefore
        })
    } else {
        None
    };
    if let Some(bound) = prefix_bound {
        // "until at least Sunday": an end no earlier than Sunday, stated
        // as the end (an outlet giving "until 20 March" states another).
        let at_least = first.is_any_word(&["until", "till"])
            && tokens.get(i + 1).is_some_and(|t| t.is_word("at"))
            && tokens.get(i + 2).is_some_and(|t| t.is_word("least"));
        let from = if at_least { i + 3 } else { i + 1 };
        let mut found = part_of_year_at(tokens, from)
            .or_else(|| season_at(tokens, from))
            .or_else(|| core_at(tokens, from))?;
        found.start = i;
        if found.bound == Bound::Exact {
            found.bound = bound;
        }
        return Some(found);
    }
    core_at(tokens, i)
}

/// Words before a bounding preposition searched for a negation.
const NEGATION_WINDOW: usize = 4;

/// Whether the verb the bound at token `i` follows is negated: "not",
/// "never" or a contraction ("won't", "isn't") among the few words before,
/// in the same clause ("will not restart before Monday").
fn negated_verb_before(tokens: &[Token], i: usize) -> bool {
    let mut words = 0;
    for t in tokens[..i.min(tokens.len())].iter().rev() {
        if let Some(w) = t.lower() {
            if matches!(w, "not" | "never" | "cannot" | "t") || w.ends_with("n't") {
                return true;
            }
            words += 1;
            if words == NEGATION_WINDOW {
                break;
            }
        } else if !(t.is_punct('\'') || t.is_punct('\u{2019}')) {
            break;
        }
    }
    false
}

/// Every form but "… ago" and a bounding preposition: a plain form,
/// optionally after "early"/"mid"/"late" or "earlier"/"later" (one level only,
/// so "early early …" cannot recurse).
fn core_at(tokens: &[Token], i: usize) -> Option<Found> {
    let first = tokens.get(i)?;
    // "early December", "mid-2014", "late yesterday".
    if first.is_any_word(&["early", "mid", "late"]) {
        let mut next = i + 1;
        if let Some(hyphen) = tokens.get(next)
            && hyphen.is_punct('-')
            && adjacent(first, hyphen)
        {
            next += 1;
        }
        // "early 2026", "mid-2027", "late 2025": a part of the year.
        if let Some(year) = four_digit_year(tokens, next) {
            let (first_month, last) = if first.is_word("early") {
                (1, 4)
            } else if first.is_word("mid") {
                (5, 8)
            } else {
                (9, 12)
            };
            return Some(Found {
                start: i,
                end: next + 1,
                when: When::PartOfYear {
                    year,
                    first: first_month,
                    last,
                },
                bound: Bound::Exact,
                rule: RULE_PART_OF_YEAR,
            });
        }
        if let Some(mut found) = plain_at(tokens, next) {
            let day_level = matches!(
                found.when,
                When::Days(_) | When::Date { .. } | When::Weekday { .. }
            );
            if !day_level && found.bound == Bound::Exact {
                found.bound = Bound::Approximate;
            }
            found.start = i;
            return Some(found);
        }
    }
    // "earlier this month", "later today".
    if first.is_any_word(&["earlier", "later"])
        && let Some(mut found) = relative_at(tokens, i + 1)
    {
        if !matches!(found.when, When::Days(_)) {
            found.bound = Bound::Approximate;
        }
        found.start = i;
        return Some(found);
    }
    plain_at(tokens, i)
}

/// Every form without a modifier in front.
fn plain_at(tokens: &[Token], i: usize) -> Option<Found> {
    let first = tokens.get(i)?;
    // "Thursday, December 18": the weekday belongs to the date.
    if weekday_of(first).is_some() {
        let mut next = i + 1;
        if tokens.get(next).is_some_and(|t| t.is_punct(',')) {
            next += 1;
        }
        if let Some(mut found) = absolute_at(tokens, next) {
            found.start = i;
            return Some(found);
        }
    }
    absolute_at(tokens, i)
        .or_else(|| year_at(tokens, i))
        .or_else(|| relative_at(tokens, i))
        .or_else(|| month_alone_at(tokens, i))
        .or_else(|| weekday_alone_at(tokens, i))
}

/// 1–12 for a capitalised month name or abbreviation ("Dec", "Dec.", "Sept"),
/// with the index after it and whether it was abbreviated.
fn month_at(tokens: &[Token], i: usize) -> Option<(u8, usize, bool)> {
    let token = tokens.get(i)?;
    if !token.is_capitalised() {
        return None;
    }
    let lower = token.lower()?;
    let full = crate::model::MONTH_NAMES
        .iter()
        .position(|name| name.eq_ignore_ascii_case(lower));
    if let Some(index) = full {
        return Some((u8::try_from(index + 1).ok()?, i + 1, false));
    }
    let month = match lower {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" | "sept" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    let end = match tokens.get(i + 1) {
        Some(dot) if dot.is_punct('.') && adjacent(token, dot) => i + 2,
        _ => i + 1,
    };
    Some((month, end, true))
}

/// ISO weekday of a capitalised weekday name.
fn weekday_of(token: &Token) -> Option<u8> {
    if !token.is_capitalised() {
        return None;
    }
    let index = WEEKDAY_NAMES.iter().position(|d| token.is_word(d))?;
    u8::try_from(index + 1).ok()
}

/// A day of the month: "25", "25th", "eleventh"; with whether it is ordinal.
fn day_at(tokens: &[Token], i: usize) -> Option<(u8, usize, bool)> {
    let (day, end, ordinal) = match ordinal_at(tokens, i) {
        Some((day, end)) => (day, end, true),
        None => {
            let token = tokens.get(i)?;
            let day = token.plain_integer(2)?;
            // Not a time ("18:30") or a code ("25m", "25-year").
            if let Some(next) = tokens.get(i + 1)
                && adjacent(token, next)
                && !next.is_punct(',')
                && !next.is_punct('.')
            {
                return None;
            }
            (day, i + 1, false)
        }
    };
    let day = u8::try_from(day).ok().filter(|d| (1..=31).contains(d))?;
    Some((day, end, ordinal))
}

/// A four-digit year 1000–2999 that is not part of a code ("2014-15", "2014a").
fn four_digit_year(tokens: &[Token], i: usize) -> Option<i32> {
    let token = tokens.get(i)?;
    let numeral = token.numeral()?;
    if numeral.int_digits != 4 {
        return None;
    }
    let year = token.plain_integer(4)?;
    if !(1000..=2999).contains(&year) {
        return None;
    }
    if let Some(next) = tokens.get(i + 1)
        && adjacent(token, next)
        && (next.is_word_kind() || next.is_punct('-') || next.is_punct('%') || next.is_punct('/'))
    {
        return None;
    }
    i32::try_from(year).ok()
}

/// An optional comma and a year after a day and month.
fn year_after(tokens: &[Token], i: usize) -> Option<(i32, usize)> {
    let at = if tokens.get(i).is_some_and(|t| t.is_punct(',')) {
        i + 1
    } else {
        i
    };
    four_digit_year(tokens, at).map(|y| (y, at + 1))
}

/// A day and month over tokens `start..end`, with the year (and the index
/// after it) if one follows. `rules`: with a year, without one.
fn date(
    start: usize,
    end: usize,
    (month, day): (u8, u8),
    year: Option<(i32, usize)>,
    [with_year, without_year]: [&'static str; 2],
) -> Found {
    let (year, end, rule) = match year {
        Some((year, end)) => (Some(year), end, with_year),
        None => (None, end, without_year),
    };
    Found {
        start,
        end,
        when: When::Date { year, month, day },
        bound: Bound::Exact,
        rule,
    }
}

/// "the 11th of September 2001", "25 December", "18 Dec 2014", "December
/// 25, 2014", "Dec. 25", "September 2001", "2014-12-18".
fn absolute_at(tokens: &[Token], i: usize) -> Option<Found> {
    let first = tokens.get(i)?;
    // "the 11th of September [2001]"
    if first.is_word("the")
        && let Some((day, end, true)) = day_at(tokens, i + 1)
        && tokens.get(end).is_some_and(|t| t.is_word("of"))
        && let Some((month, end, _)) = month_at(tokens, end + 1)
    {
        let year = year_after(tokens, end);
        return Some(date(
            i,
            end,
            (month, day),
            year,
            [
                "ordinal day of a month and year",
                "ordinal day of a month; the year that puts it nearest to publication",
            ],
        ));
    }
    // "25 December [2014]", "25th of December"
    if let Some((day, end, ordinal)) = day_at(tokens, i) {
        let month_index = if ordinal && tokens.get(end).is_some_and(|t| t.is_word("of")) {
            end + 1
        } else {
            end
        };
        if let Some((month, end, _)) = month_at(tokens, month_index) {
            let year = year_after(tokens, end);
            return Some(date(
                i,
                end,
                (month, day),
                year,
                ["day, month and year", RULE_NEAREST],
            ));
        }
    }
    // "December 25[, 2014]", "December 2014"
    if let Some((month, end, _)) = month_at(tokens, i) {
        if let Some((day, end, _)) = day_at(tokens, end) {
            let year = year_after(tokens, end);
            return Some(date(
                i,
                end,
                (month, day),
                year,
                ["month, day and year", RULE_NEAREST],
            ));
        }
        if let Some((year, end)) = year_after(tokens, end) {
            return Some(Found {
                start: i,
                end,
                when: When::MonthOfYear { year, month },
                bound: Bound::Exact,
                rule: "month and year",
            });
        }
    }
    // "2014-12-18"
    if let Some(year) = first
        .plain_integer(4)
        .filter(|_| first.numeral().is_some_and(|n| n.int_digits == 4))
        && let [d1, m, d2, d] = tokens.get(i + 1..i + 5)?
        && d1.is_punct('-')
        && d2.is_punct('-')
        && adjacent(first, d1)
        && adjacent(d1, m)
        && adjacent(m, d2)
        && adjacent(d2, d)
        && let (Some(month), Some(day)) = (m.plain_integer(2), d.plain_integer(2))
    {
        return Some(Found {
            start: i,
            end: i + 5,
            when: When::Date {
                year: i32::try_from(year).ok(),
                month: u8::try_from(month).ok()?,
                day: u8::try_from(day).ok()?,
            },
            bound: Bound::Exact,
            rule: "ISO 8601 date",
        });
    }
    numeric_date_at(tokens, i)
}

/// "14/03/2023", "03/14/2023", "14-03-2023", "14.03.2023": day, month and
/// four-digit year in digits. A number over 12 is the day; dots and hyphens
/// are day-first; an ambiguous slashed date is left to [`NumericOrder`].
fn numeric_date_at(tokens: &[Token], i: usize) -> Option<Found> {
    let first = tokens.get(i)?;
    if i.checked_sub(1)
        .and_then(|p| tokens.get(p))
        .is_some_and(|p| adjacent(p, first) && !p.is_punct('('))
    {
        return None;
    }
    let small = |t: &Token| t.numeral().is_some_and(|n| n.int_digits <= 2);
    // "14.03" reads as one decimal number; split it back.
    let (a, b, sep, year_at) = if first.numeral().is_some_and(|n| n.fraction) {
        let (a, b) = first.text.split_once('.')?;
        if a.len() > 2 || b.len() != 2 {
            return None;
        }
        let [dot, _] = tokens.get(i + 1..i + 3)? else {
            return None;
        };
        if !dot.is_punct('.') || !adjacent(first, dot) {
            return None;
        }
        (a.parse::<u8>().ok()?, b.parse::<u8>().ok()?, '.', i + 2)
    } else {
        let [s1, m, s2, _] = tokens.get(i + 1..i + 5)? else {
            return None;
        };
        let sep = match s1.kind {
            Kind::Punct(c @ ('/' | '-')) => c,
            _ => return None,
        };
        if !s2.is_punct(sep)
            || !small(first)
            || !small(m)
            || !adjacent(first, s1)
            || !adjacent(s1, m)
            || !adjacent(m, s2)
        {
            return None;
        }
        let a = u8::try_from(first.plain_integer(2)?).ok()?;
        let b = u8::try_from(m.plain_integer(2)?).ok()?;
        (a, b, sep, i + 4)
    };
    let year_token = tokens.get(year_at)?;
    let before_year = tokens.get(year_at - 1)?;
    if !adjacent(before_year, year_token) || year_token.numeral()?.int_digits != 4 {
        return None;
    }
    let year = i32::try_from(year_token.plain_integer(4)?).ok()?;
    // Not part of a longer code ("14/03/2023/5").
    if let Some(next) = tokens.get(year_at + 1)
        && adjacent(year_token, next)
        && (next.is_word_kind() || matches!(next.kind, Kind::Punct('/' | '-')))
    {
        return None;
    }
    let (month, day, rule) = if a > 12 {
        (b, a, RULE_NUMERIC_DAY_OVER_12)
    } else if b > 12 {
        (a, b, RULE_NUMERIC_DAY_OVER_12)
    } else if sep != '/' {
        (b, a, RULE_NUMERIC_DOTTED)
    } else {
        (b, a, RULE_NUMERIC_AMBIGUOUS)
    };
    DateTime::new(year, month, day, None)?;
    Some(Found {
        start: i,
        end: year_at + 1,
        when: When::Date {
            year: Some(year),
            month,
            day,
        },
        bound: Bound::Exact,
        rule,
    })
}

/// Words after which a bare year or an ambiguous month name ("May",
/// "March") is a date.
const DATE_PREPOSITIONS: &[&str] = &[
    "after",
    "and",
    "around",
    "before",
    "between",
    "by",
    "during",
    "early",
    "from",
    "in",
    "late",
    "mid",
    "of",
    "on",
    "since",
    "through",
    "throughout",
    "till",
    "until",
];

/// Is the word before `i` a capitalised word inside the sentence (a name such
/// as "Windows 2000", "Black Friday"), not one of `allowed`?
fn after_name(tokens: &[Token], i: usize, allowed: &[&str]) -> bool {
    let Some(prev_index) = i.checked_sub(1) else {
        return false;
    };
    let Some(prev) = tokens.get(prev_index) else {
        return false;
    };
    prev.is_capitalised()
        && !starts_sentence(tokens, prev_index)
        && !prev.is_any_word(allowed)
        && month_at(tokens, prev_index).is_none()
}

/// "in 2014", "2001": a year on its own, not a count ("2000 people") or part
/// of a name ("Windows 2000").
const RULE_PART_OF_YEAR: &str =
    "part of a year (the end of 2027, mid-2027, the first half of 2026), as its months";

/// "(the) end/middle/start/beginning of <year>", "(the) first/second half
/// of <year>", "(the) first … fourth quarter of <year>": the months that
/// part of the year spans (the end: October to December; the middle: May
/// to August; the start: January to March).
fn part_of_year_at(tokens: &[Token], i: usize) -> Option<Found> {
    let at = if tokens.get(i)?.is_word("the") {
        i + 1
    } else {
        i
    };
    let word = tokens.get(at)?;
    let (months, of) = if word.is_any_word(&["end", "close"]) {
        ((10, 12), at + 1)
    } else if word.is_word("middle") {
        ((5, 8), at + 1)
    } else if word.is_any_word(&["start", "beginning"]) {
        ((1, 3), at + 1)
    } else if let Some(part) = tokens
        .get(at + 1)
        .filter(|t| t.is_any_word(&["half", "quarter"]))
    {
        // The n-th of a year's halves or quarters; "final" and "last" are
        // the last one.
        let parts: u32 = if part.is_word("half") { 2 } else { 4 };
        let n =
            ordinal_word(word).or_else(|| word.is_any_word(&["final", "last"]).then_some(parts))?;
        if !(1..=parts).contains(&n) {
            return None;
        }
        let size = u8::try_from(12 / parts).ok()?;
        let n = u8::try_from(n).ok()?;
        ((size * (n - 1) + 1, size * n), at + 2)
    } else {
        return None;
    };
    if !tokens.get(of)?.is_word("of") {
        return None;
    }
    let year = four_digit_year(tokens, of + 1)?;
    Some(Found {
        start: i,
        end: of + 2,
        when: When::PartOfYear {
            year,
            first: months.0,
            last: months.1,
        },
        bound: Bound::Exact,
        rule: RULE_PART_OF_YEAR,
    })
}

/// The first month of a season of the northern year (spring from March).
fn season_of(token: &Token) -> Option<u8> {
    match token.lower()? {
        "spring" => Some(3),
        "summer" => Some(6),
        "autumn" | "fall" => Some(9),
        "winter" => Some(12),
        _ => None,
    }
}

/// A season with "last"/"next"/"this" ("next spring") or with its year
/// ("the summer of 2011", "autumn 2016"); a season word alone is no date
/// ("the spring was dry").
fn season_at(tokens: &[Token], i: usize) -> Option<Found> {
    let first = tokens.get(i)?;
    if let Some(pick) = pick_word(first).filter(|p| !matches!(p, Pick::Latest | Pick::Upcoming)) {
        let season = season_of(tokens.get(i + 1)?)?;
        return Some(Found {
            start: i,
            end: i + 2,
            when: When::Season {
                first: season,
                pick,
            },
            bound: Bound::Exact,
            rule: RULE_SEASON,
        });
    }
    let at = if first.is_word("the") { i + 1 } else { i };
    let season = season_of(tokens.get(at)?)?;
    let of = tokens.get(at + 1).is_some_and(|t| t.is_word("of"));
    let year_at = if of { at + 2 } else { at + 1 };
    if at > i && !of {
        return None;
    }
    let year = four_digit_year(tokens, year_at)?;
    Some(Found {
        start: i,
        end: year_at + 1,
        when: When::PartOfYear {
            year,
            first: season,
            last: season + 2,
        },
        bound: Bound::Exact,
        rule: RULE_SEASON,
    })
}

const RULE_SEASON: &str = "a season of the northern year, three months (spring from March)";

/// The latest bare year read as a date: news dates plans a century or two
/// ahead at most.
const LATEST_YEAR: i32 = 2200;

fn year_at(tokens: &[Token], i: usize) -> Option<Found> {
    let year = four_digit_year(tokens, i)?;
    let token = tokens.get(i)?;
    let prev = i.checked_sub(1).and_then(|p| tokens.get(p));
    if prev.is_some_and(|p| {
        adjacent(p, token) && !matches!(p.kind, Kind::Punct('(' | '\'' | '‘' | '"' | '“'))
    }) {
        return None;
    }
    // "2000 people" counts; "the 2014 elections", "Sony's 2014 results" date.
    let determined = prev.is_some_and(|p| {
        p.is_any_word(&[
            "the", "its", "their", "his", "her", "our", "this", "that", "s",
        ])
    });
    if !determined
        && tokens
            .get(i + 1)
            .and_then(Token::lower)
            .is_some_and(is_plural_noun)
    {
        return None;
    }
    if after_name(tokens, i, DATE_PREPOSITIONS) {
        return None;
    }
    // After a preposition, a year of history too ("in 1066"); never one
    // centuries ahead ("a rating of 2598" is a figure).
    let after_preposition = prev.is_some_and(|p| p.is_any_word(DATE_PREPOSITIONS));
    let dated = (1900..=2099).contains(&year) || (after_preposition && year <= LATEST_YEAR);
    if !dated {
        return None;
    }
    Some(Found {
        start: i,
        end: i + 1,
        when: When::Year(year),
        bound: Bound::Exact,
        rule: "year",
    })
}

/// "last/this/next" before a month or weekday name: which one.
fn pick_word(token: &Token) -> Option<Pick> {
    if token.is_word("last") {
        Some(Pick::Previous)
    } else if token.is_word("next") {
        Some(Pick::Next)
    } else if token.is_word("this") {
        Some(Pick::Current)
    } else {
        None
    }
}

/// Month names that are also common words or first names.
const AMBIGUOUS_MONTHS: &[u8] = &[3, 4, 5, 6, 8];

/// "The November attack", "in May", "last November": a full month name
/// without day or year.
fn month_alone_at(tokens: &[Token], i: usize) -> Option<Found> {
    let (pick, at) = match tokens.get(i).and_then(pick_word) {
        Some(pick) => (Some(pick), i + 1),
        None => (None, i),
    };
    let (month, end, abbreviated) = month_at(tokens, at)?;
    if abbreviated {
        return None;
    }
    // The tense is looked at only once a month name is there (it scans back).
    let pick = pick.unwrap_or_else(|| {
        if future_tense(tokens, i) {
            Pick::Upcoming
        } else {
            Pick::Latest
        }
    });
    if matches!(pick, Pick::Latest | Pick::Upcoming) {
        let prev = i.checked_sub(1).and_then(|p| tokens.get(p));
        let after_preposition = prev.is_some_and(|p| p.is_any_word(DATE_PREPOSITIONS));
        if AMBIGUOUS_MONTHS.contains(&month) && !after_preposition {
            return None;
        }
        if after_name(tokens, i, DATE_PREPOSITIONS) {
            return None;
        }
    }
    let rule = match pick {
        Pick::Latest => "month name; the most recent one on or before publication",
        Pick::Upcoming => {
            "month name in future tense ('will', 'is due to', 'is expected to'); the first one on or after publication's month"
        }
        Pick::Previous => "'last' and a month name; the one before publication's month",
        Pick::Next => "'next' and a month name; the one after publication's month",
        Pick::Current => "'this' and a month name; in publication's year",
    };
    Some(Found {
        start: i,
        end,
        when: When::MonthName { month, pick },
        bound: Bound::Exact,
        rule,
    })
}

/// Most tokens looked back for a future-tense cue before a weekday or month.
const TENSE_WINDOW: usize = 12;

/// Words that put what follows in the future on their own. Sorted.
static FUTURE_AUXILIARIES: WordSet = WordSet::new("ll|shall|will|would");

/// Words that put what follows in the future when "to" follows them ("is due
/// to", "is expected to", "plans to") and "was"/"were" does not come before
/// them. Sorted.
static FUTURE_BEFORE_TO: WordSet = WordSet::new(
    "aim|aims|due|expect|expected|expects|going|hope|hopes|intend|intends|likely|plan|planned|plans|poised|scheduled|set|unlikely",
);

/// Words after "would have" that make it a verb with an object ("would
/// have a scan on Tuesday"), not a perfect tense ("would have opened").
/// Sorted.
static OBJECT_AFTER_HAVE: WordSet =
    WordSet::new("a|an|another|further|her|his|its|more|no|our|some|the|their|to|two");

/// Verbs of a schedule in the present tense, which news uses for what is
/// to come ("The race ends in Carrow on Sunday", "the trial opens on
/// Monday"). Sorted.
static SCHEDULED_PRESENT: WordSet =
    WordSet::new("begins|closes|concludes|ends|finishes|opens|reopens|restarts|resumes|starts");

/// Finite past-tense verbs that end the look-back: "… will rise, he said on
/// Tuesday" dates the saying, not the rise. Sorted.
static PAST_STOPS: WordSet =
    WordSet::new("added|announced|confirmed|did|had|met|said|says|stated|told|was|were");

/// Is token `at` (a bare weekday or month name) in a future-tense clause?
/// Looks back at most [`TENSE_WINDOW`] tokens, nearest first, for "will",
/// "shall", "'ll", "would", "could", "might", "may" (not before "have" and
/// a participle), a schedule's verb in the
/// present ("ends", "opens"), or "due"/"expected"/
/// "scheduled"/"set"/"plans"/… followed by "to", or by "for" right before
/// the date ("is planned for October") (not after "was"/"were");
/// a past-tense verb such as "said" or "was" met first ends the search.
fn future_tense(tokens: &[Token], at: usize) -> bool {
    let from = at.saturating_sub(TENSE_WINDOW);
    for k in (from..at).rev() {
        let Some(word) = tokens.get(k).and_then(Token::lower) else {
            continue;
        };
        if SCHEDULED_PRESENT.has_exact(word) {
            return true;
        }
        // "could begin in September", "may reopen in March": a possibility
        // to come (lowercase "may" only: "May" is a month).
        let modal = matches!(word, "could" | "might")
            || word == "may" && tokens.get(k).is_some_and(|t| t.text == "may");
        if FUTURE_AUXILIARIES.has_exact(word) || modal {
            let perfect = matches!(word, "would" | "could" | "might" | "may")
                && tokens.get(k + 1).is_some_and(|t| t.is_word("have"))
                && !tokens
                    .get(k + 2)
                    .and_then(Token::lower)
                    .is_some_and(|w| OBJECT_AFTER_HAVE.has_exact(w));
            return !perfect;
        }
        // "is due to", "is expected to"; and "is scheduled for Friday",
        // "is planned for October": the date right after "for".
        let to_or_for = tokens
            .get(k + 1)
            .is_some_and(|t| t.is_word("to") || (t.is_word("for") && k + 2 == at));
        if FUTURE_BEFORE_TO.has_exact(word) && to_or_for {
            let past = k
                .checked_sub(1)
                .and_then(|p| tokens.get(p))
                .is_some_and(|t| t.is_any_word(&["was", "were"]));
            return !past;
        }
        if PAST_STOPS.has_exact(word) {
            return false;
        }
    }
    false
}

/// Is token `at` (a bare weekday) the end of a state that still holds:
/// "until" or "till" right before it, and no past-tense verb (such as "was",
/// "said") in the [`TENSE_WINDOW`] before ("Schools remain closed until
/// Wednesday", not "The road was shut until Wednesday")?
fn runs_until(tokens: &[Token], at: usize) -> bool {
    let Some(before) = at.checked_sub(1) else {
        return false;
    };
    if !tokens
        .get(before)
        .is_some_and(|t| t.is_any_word(&["until", "till"]))
    {
        return false;
    }
    let from = at.saturating_sub(TENSE_WINDOW);
    !(from..before).any(|k| {
        tokens
            .get(k)
            .and_then(Token::lower)
            .is_some_and(|w| PAST_STOPS.has_exact(w) || w == "remained" || w == "stayed")
    })
}

/// "on Tuesday", "last Tuesday", "Tuesday night".
fn weekday_alone_at(tokens: &[Token], i: usize) -> Option<Found> {
    let (pick, at) = match tokens.get(i).and_then(pick_word) {
        Some(pick) => (Some(pick), i + 1),
        None => (None, i),
    };
    let weekday = weekday_of(tokens.get(at)?)?;
    if pick.is_none() && after_name(tokens, i, &["on", "by", "since", "until", "from"]) {
        return None;
    }
    let future = future_tense(tokens, at);
    let until = pick.is_none() && !future && runs_until(tokens, at);
    let pick = pick.unwrap_or(if until || future {
        Pick::Upcoming
    } else {
        Pick::Latest
    });
    let mut end = at + 1;
    if tokens
        .get(end)
        .is_some_and(|t| t.is_any_word(&["morning", "afternoon", "evening", "night"]))
    {
        end += 1;
    }
    let rule = match pick {
        Pick::Upcoming if until => {
            "'until' a weekday in a clause not in the past tense; the first one on or after publication"
        }
        Pick::Latest => "weekday; the most recent one on or before publication",
        Pick::Upcoming => {
            "weekday in future tense ('will', 'is due to', 'is expected to'); the first one on or after publication"
        }
        Pick::Previous => "'last' and a weekday; the one before publication",
        Pick::Next => "'next' and a weekday; the one after publication",
        Pick::Current => "'this' and a weekday; in publication's week",
    };
    Some(Found {
        start: i,
        end,
        when: When::Weekday { weekday, pick },
        bound: Bound::Exact,
        rule,
    })
}

/// "yesterday", "today", "last week", "this month", "next year", …
fn relative_at(tokens: &[Token], i: usize) -> Option<Found> {
    let first = tokens.get(i)?;
    let word = |k: usize| tokens.get(i + k).and_then(Token::lower);
    let part_of_day = |k: usize| {
        tokens
            .get(i + k)
            .is_some_and(|t| t.is_any_word(&["morning", "afternoon", "evening", "night"]))
    };
    let found = |len: usize, when: When, rule: &'static str| Found {
        start: i,
        end: i + len,
        when,
        bound: Bound::Exact,
        rule,
    };
    let w0 = first.lower()?;
    let w1 = word(1);
    let w2 = word(2);
    let w3 = word(3);
    let day = match (w0, w1, w2, w3) {
        ("the", Some("day"), Some("before"), Some("yesterday")) => Some(found(
            4,
            When::Days(-2),
            "'the day before yesterday': two days before publication",
        )),
        ("the", Some("day"), Some("after"), Some("tomorrow")) => Some(found(
            4,
            When::Days(2),
            "'the day after tomorrow': two days after publication",
        )),
        ("yesterday", ..) => Some(found(
            1,
            When::Days(-1),
            "'yesterday': the day before publication",
        )),
        ("today", ..) => Some(found(1, When::Days(0), "'today': the day of publication")),
        ("tonight", ..) => Some(found(
            1,
            When::Days(0),
            "'tonight': the evening of publication day",
        )),
        ("tomorrow", ..) => Some(found(
            1,
            When::Days(1),
            "'tomorrow': the day after publication",
        )),
        ("last", Some("night"), ..) => Some(found(
            2,
            When::Days(-1),
            "'last night': the day before publication",
        )),
        ("this", Some("morning" | "afternoon" | "evening"), ..) => Some(found(
            2,
            When::Days(0),
            "'this morning': the day of publication",
        )),
        _ => None,
    };
    if let Some(mut day) = day {
        // "yesterday morning", "today's" stay one expression.
        if matches!(w0, "yesterday" | "today" | "tomorrow") && part_of_day(1) {
            day.end += 1;
        }
        return Some(day);
    }
    // "last week", "this month", "next year" – but not "the last year" or
    // "over the next week" (durations).
    let offset = match w0 {
        "last" => -1,
        "this" => 0,
        "next" => 1,
        _ => return None,
    };
    if i.checked_sub(1)
        .and_then(|p| tokens.get(p))
        .is_some_and(|p| p.is_word("the"))
    {
        return None;
    }
    let (when, rule) = match w1? {
        "week" => (
            When::Weeks(offset),
            [
                "'last week': the week before publication's",
                "'this week': publication's week",
                "'next week': the week after publication's",
            ],
        ),
        "month" => (
            When::Months(offset),
            [
                "'last month': the month before publication's",
                "'this month': publication's month",
                "'next month': the month after publication's",
            ],
        ),
        "year" => (
            When::Years(offset),
            [
                "'last year': the year before publication's",
                "'this year': publication's year",
                "'next year': the year after publication's",
            ],
        ),
        _ => return None,
    };
    let rule = match offset {
        -1 => rule[0],
        0 => rule[1],
        _ => rule[2],
    };
    Some(found(2, when, rule))
}

/// "three days ago", "over a fortnight ago", "almost a year ago".
fn ago_at(tokens: &[Token], i: usize) -> Option<Found> {
    // Cheap exit: "ago" must follow within a few tokens.
    const MAX_AGO_TOKENS: usize = 18;
    let window = tokens.get(i..tokens.len().min(i + MAX_AGO_TOKENS))?;
    if !window.iter().any(|t| t.is_word("ago")) {
        return None;
    }
    let (bound, at) = ago_qualifier(tokens, i);
    let first = tokens.get(at)?;
    let (count, approximate, unit_index) = if let Some(phrase) =
        number_at(tokens, at, NumberOptions::default())
    {
        (phrase.value, false, phrase.end)
    } else if first.is_any_word(&["a", "an"]) {
        match (tokens.get(at + 1), tokens.get(at + 2)) {
            (Some(w), Some(of)) if w.is_word("couple") && of.is_word("of") => (2.0, true, at + 3),
            (Some(w), _) if w.is_word("few") => (3.0, true, at + 2),
            _ => (1.0, false, at + 1),
        }
    } else if first.is_word("several") {
        (3.0, true, at + 1)
    } else {
        return None;
    };
    if !(0.0..=100_000.0).contains(&count) || count.fract() != 0.0 {
        return None;
    }
    // Checked above: a whole number in range.
    let count = count as i64;
    let unit = tokens.get(unit_index)?.lower()?;
    if !tokens.get(unit_index + 1).is_some_and(|t| t.is_word("ago")) {
        return None;
    }
    let (when, rule) = match unit {
        "day" | "days" => (
            When::Days(-count),
            "'… days ago': counted back from publication",
        ),
        "week" | "weeks" => (
            When::Days(-7 * count),
            "'… weeks ago': counted back from publication",
        ),
        "fortnight" | "fortnights" => (
            When::Days(-14 * count),
            "'… a fortnight ago': 14 days back from publication",
        ),
        "month" | "months" => (
            When::Months(-count),
            "'… months ago': counted back from publication's month",
        ),
        "year" | "years" => (
            When::Years(-count),
            "'… years ago': counted back from publication's year",
        ),
        "decade" | "decades" => (
            When::Years(-10 * count),
            "'… decades ago': counted back from publication's year",
        ),
        _ => return None,
    };
    let bound = match bound {
        Bound::Exact if approximate => Bound::Approximate,
        bound => bound,
    };
    Some(Found {
        start: i,
        end: unit_index + 2,
        when,
        bound,
        rule,
    })
}

/// A qualifier before "… ago" and how it bounds the date: "over a fortnight
/// ago" is on or before the date 14 days back; "almost a year ago" on or after.
fn ago_qualifier(tokens: &[Token], i: usize) -> (Bound, usize) {
    let word = |k: usize| tokens.get(i + k).and_then(Token::lower);
    match (word(0), word(1)) {
        (Some("more" | "over"), Some("than")) => (Bound::OnOrBefore, i + 2),
        (Some("less" | "under"), Some("than")) => (Bound::OnOrAfter, i + 2),
        (Some("just" | "well"), Some("over")) => (Bound::OnOrBefore, i + 2),
        (Some("just"), Some("under")) => (Bound::OnOrAfter, i + 2),
        (Some("over" | "upwards"), _) => (Bound::OnOrBefore, i + 1),
        (Some("almost" | "nearly" | "under" | "barely"), _) => (Bound::OnOrAfter, i + 1),
        (Some("about" | "around" | "some" | "roughly" | "approximately"), _) => {
            (Bound::Approximate, i + 1)
        }
        (Some("only" | "just" | "exactly"), _) => (Bound::Exact, i + 1),
        _ => (Bound::Exact, i),
    }
}

/// Days since the epoch of the first day of month index `months` (year × 12 + month − 1).
fn month_index(year: i32, month: u8) -> i64 {
    i64::from(year) * 12 + i64::from(month) - 1
}

fn format_month(index: i64) -> String {
    format!(
        "{:04}-{:02}",
        index.div_euclid(12),
        index.rem_euclid(12) + 1
    )
}

impl Candidate {
    /// The normalised expression, or `None` when it needs a publication date
    /// that is missing or names a day that does not exist.
    pub(crate) fn resolve(&self, published: Option<DateTime>) -> Option<TimeExpr> {
        let (value, granularity) = match self.when {
            When::Date {
                year: Some(year),
                month,
                day,
            } => (
                DateTime::new(year, month, day, None)?.iso(),
                Granularity::Day,
            ),
            When::MonthOfYear { year, month } => {
                (format_month(month_index(year, month)), Granularity::Month)
            }
            When::Year(year) => (format!("{year:04}"), Granularity::Year),
            // An ISO 8601 interval of months: "2027-10/2027-12".
            // Winter runs into the next year ("winter 2016": 2016-12/2017-02).
            When::PartOfYear { year, first, last } => (
                format!(
                    "{}/{}",
                    format_month(month_index(year, first)),
                    format_month(month_index(year, first) + i64::from(last) - i64::from(first))
                ),
                Granularity::Month,
            ),
            when => return self.resolve_relative(when, published?),
        };
        Some(self.expr(value, granularity))
    }

    fn resolve_relative(&self, when: When, published: DateTime) -> Option<TimeExpr> {
        let today = published.days_from_epoch();
        let this_month = month_index(published.year, published.month);
        let year = i64::from(published.year);
        let day = |days: i64| Some((date_from_days(days)?.iso(), Granularity::Day));
        let (value, granularity) = match when {
            When::Date { month, day, .. } => {
                let nearest = (-1..=1)
                    .filter_map(|k: i32| {
                        let date = DateTime::new(published.year.checked_add(k)?, month, day, None)?;
                        Some(date.days_from_epoch())
                    })
                    .min_by_key(|days| (days - today).abs())?;
                (date_from_days(nearest)?.iso(), Granularity::Day)
            }
            When::MonthName { month, pick } => {
                let current = month == published.month;
                let before = month < published.month;
                let in_year = match pick {
                    Pick::Latest => year - i64::from(!(before || current)),
                    Pick::Previous => year - i64::from(!before),
                    Pick::Next => year + i64::from(before || current),
                    Pick::Upcoming => year + i64::from(before),
                    Pick::Current => year,
                };
                (
                    format_month(in_year * 12 + i64::from(month) - 1),
                    Granularity::Month,
                )
            }
            When::Weekday { weekday, pick } => {
                let now = i64::from(iso_weekday(today));
                let target = i64::from(weekday);
                let back = (now - target).rem_euclid(7);
                let ahead = (target - now).rem_euclid(7);
                let days = match pick {
                    Pick::Latest => today - back,
                    Pick::Previous => today - if back == 0 { 7 } else { back },
                    Pick::Next => today + if ahead == 0 { 7 } else { ahead },
                    Pick::Upcoming => today + ahead,
                    Pick::Current => today - now + target,
                };
                day(days)?
            }
            When::Season { first, pick } => {
                // The season's start in each year near publication; "next"
                // is the first to start after this month, "last" the latest
                // to end before it, "this" the one under way or the next.
                let starts = (year - 1..=year + 1).map(|y| y * 12 + i64::from(first) - 1);
                let start = match pick {
                    Pick::Next => starts.clone().find(|&s| s > this_month),
                    Pick::Previous => starts.clone().rev().find(|&s| s + 2 < this_month),
                    _ => starts.clone().find(|&s| s + 2 >= this_month),
                }?;
                (
                    format!("{}/{}", format_month(start), format_month(start + 2)),
                    Granularity::Month,
                )
            }
            When::Days(n) => day(today.checked_add(n)?)?,
            When::Weeks(n) => {
                let (week_year, week) = iso_week(today.checked_add(n.checked_mul(7)?)?)?;
                (format!("{week_year:04}-W{week:02}"), Granularity::Week)
            }
            When::Months(n) => (format_month(this_month.checked_add(n)?), Granularity::Month),
            When::Years(n) => (format!("{:04}", year.checked_add(n)?), Granularity::Year),
            When::MonthOfYear { .. } | When::Year(_) | When::PartOfYear { .. } => return None,
        };
        Some(self.expr(value, granularity))
    }

    fn expr(&self, value: String, granularity: Granularity) -> TimeExpr {
        TimeExpr {
            span: self.span,
            value,
            granularity,
            bound: self.bound,
            rule: self.rule,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexicon::{AGO_STARTERS, CALENDAR_NAMES, TIME_STARTERS};

    fn days(year: i32, month: u8, day: u8) -> i64 {
        DateTime::new(year, month, day, None)
            .map(|d| d.days_from_epoch())
            .unwrap_or(i64::MIN)
    }

    #[test]
    fn starters_are_sorted() {
        assert!(TIME_STARTERS.is_sorted());
        assert!(AGO_STARTERS.is_sorted());
        assert!(CALENDAR_NAMES.is_sorted());
        for list in [
            &FUTURE_AUXILIARIES,
            &FUTURE_BEFORE_TO,
            &PAST_STOPS,
            &OBJECT_AFTER_HAVE,
        ] {
            assert!(list.is_sorted(), "{:?}", list.entries().collect::<Vec<_>>());
        }
    }

    /// Runs `check` on the tokens of `text`.
    fn with_tokens(text: &str, check: impl FnOnce(&[Token])) {
        let lowered = text.to_ascii_lowercase();
        check(&tokenize(text, Span::new(0, text.len()), &lowered));
    }

    #[test]
    fn ago_starters_start_nothing_but_ago_forms() {
        for word in AGO_STARTERS.entries() {
            for rest in [
                "December 25, 2014",
                "25 December",
                "the 11th of September 2001",
                "2014",
                "last week",
                "yesterday",
                "Tuesday",
                "November",
            ] {
                let text = format!("{word} {rest}");
                with_tokens(&text, |tokens| {
                    assert!(
                        tokens
                            .first()
                            .is_some_and(|t| t.is_class(STARTS_ONLY_BEFORE_AGO)),
                        "{text}"
                    );
                    assert!(core_at(tokens, 0).is_none(), "{text}");
                    assert!(match_at(tokens, 0, false).is_none(), "{text}");
                    assert!(match_at(tokens, 1, false).is_some(), "{text}");
                });
            }
        }
        // "the" before anything but an ordinal day or "day" starts nothing.
        for rest in [
            "December 25, 2014",
            "25 December",
            "2014",
            "last week",
            "yesterday",
            "Tuesday",
            "November attack",
            "day",
        ] {
            let text = format!("the {rest}");
            with_tokens(&text, |tokens| {
                assert!(core_at(tokens, 0).is_none(), "{text}")
            });
        }
    }

    #[test]
    fn every_month_and_weekday_name_can_start_a_time() {
        for month in crate::model::MONTH_NAMES {
            let lower = month.to_ascii_lowercase();
            assert!(CALENDAR_NAMES.entries().any(|n| n == lower), "{month}");
            assert!(
                CALENDAR_NAMES.entries().any(|n| n == &lower[..3]),
                "{month}"
            );
        }
        for weekday in WEEKDAY_NAMES {
            assert!(CALENDAR_NAMES.entries().any(|n| n == weekday), "{weekday}");
        }
    }

    #[test]
    fn date_from_days_inverts_days_from_epoch() {
        for (y, m, d) in [
            (1970, 1, 1),
            (1969, 12, 31),
            (2000, 2, 29),
            (1900, 2, 28),
            (1900, 3, 1),
            (2014, 12, 18),
            (2016, 2, 29),
            (2100, 3, 1),
            (1, 1, 1),
            (-1, 12, 31),
        ] {
            let date = DateTime::new(y, m, d, None).unwrap_or_else(|| panic!("{y}-{m}-{d}"));
            assert_eq!(date_from_days(date.days_from_epoch()), Some(date));
        }
        assert_eq!(days(1970, 1, 1), 0);
        assert_eq!(
            date_from_days(days(2014, 12, 31) + 1)
                .map(|d| d.iso())
                .as_deref(),
            Some("2015-01-01")
        );
        assert_eq!(
            date_from_days(days(2016, 2, 28) + 1)
                .map(|d| d.iso())
                .as_deref(),
            Some("2016-02-29")
        );
        assert_eq!(
            date_from_days(days(2015, 2, 28) + 1)
                .map(|d| d.iso())
                .as_deref(),
            Some("2015-03-01")
        );
        assert_eq!(date_from_days(i64::MAX), None);
        assert_eq!(date_from_days(i64::MIN), None);
    }

    #[test]
    fn round_trips_every_day_for_centuries() {
        let start = days(1890, 1, 1);
        let end = days(2110, 12, 31);
        let mut expected = DateTime::new(1890, 1, 1, None);
        for n in start..=end {
            let date = date_from_days(n);
            assert_eq!(date, expected);
            let date = date.unwrap_or_else(|| panic!("{n}"));
            assert_eq!(date.days_from_epoch(), n);
            expected = DateTime::new(date.year, date.month, date.day + 1, None)
                .or_else(|| DateTime::new(date.year, date.month + 1, 1, None))
                .or_else(|| DateTime::new(date.year + 1, 1, 1, None));
        }
    }

    #[test]
    fn weekdays() {
        assert_eq!(iso_weekday(0), 4, "1970-01-01 was a Thursday");
        assert_eq!(iso_weekday(days(2014, 12, 18)), 4);
        assert_eq!(iso_weekday(days(2014, 12, 15)), 1);
        assert_eq!(iso_weekday(days(2014, 12, 21)), 7);
        assert_eq!(iso_weekday(days(1969, 12, 29)), 1);
        assert_eq!(iso_weekday(i64::MIN), iso_weekday(i64::MIN + 7));
    }

    #[test]
    fn iso_weeks_across_year_boundaries() {
        let week = |y, m, d| iso_week(days(y, m, d));
        assert_eq!(week(2014, 12, 18), Some((2014, 51)));
        assert_eq!(week(2014, 12, 11), Some((2014, 50)));
        // 2014-12-29 (Monday) starts week 1 of 2015.
        assert_eq!(week(2014, 12, 28), Some((2014, 52)));
        assert_eq!(week(2014, 12, 29), Some((2015, 1)));
        assert_eq!(week(2015, 1, 1), Some((2015, 1)));
        // 2015 has 53 weeks; 2016-01-03 (Sunday) is still in 2015-W53.
        assert_eq!(week(2015, 12, 31), Some((2015, 53)));
        assert_eq!(week(2016, 1, 3), Some((2015, 53)));
        assert_eq!(week(2016, 1, 4), Some((2016, 1)));
        // Leap years: 2020-12-31 (Thursday) is 2020-W53; 2008-12-29 is 2009-W01.
        assert_eq!(week(2020, 12, 31), Some((2020, 53)));
        assert_eq!(week(2021, 1, 1), Some((2020, 53)));
        assert_eq!(week(2008, 12, 29), Some((2009, 1)));
        assert_eq!(week(2016, 2, 29), Some((2016, 9)));
        assert_eq!(week(2000, 1, 1), Some((1999, 52)));
        assert_eq!(iso_week(i64::MAX), None);
    }
}
