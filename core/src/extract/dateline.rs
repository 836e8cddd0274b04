//! Date lines: a line that is nothing but a publication date, optionally with
//! a label, a weekday, a time and separators ("December 18, 2014 | 09:27",
//! "18 Dec 2014", "Thursday, 18 December 2014 at 9.27", "2014-12-18 09:27",
//! "Published: 2023-03-14T09:30Z", "14/03/2023", "14.03.2023"). How an
//! all-numeric date's day and month are told apart is documented on
//! [`parse_dateline_in`] and named in the rule it returns.

use crate::model::{DateTime, MONTH_NAMES, WEEKDAY_NAMES};

/// The date (and time) a line states, if the whole line is a date line.
/// All-numeric dates whose day and month could be swapped are read day-first
/// (see [`parse_dateline_in`] for the rule that looks at the text).
pub fn parse_dateline(line: &str) -> Option<DateTime> {
    parse_dateline_in(line, "").map(|(date, _)| date)
}

/// Rules for the forms of a date line, for people.
const RULE_NAMED_MONTH: &str = "a line that is only a date";
const RULE_ISO: &str = "a line that is only a date (ISO 8601 year-month-day)";
const RULE_DAY_OVER_12: &str = "a line that is only a numeric date; the number over 12 is the day";
const RULE_DOTTED: &str = "a line that is only a numeric date with dots or hyphens \
     (day.month.year, the only order written so)";
const RULE_DAY_FIRST: &str = "a line that is only a numeric date, ambiguous; read day/month/year \
     because the text writes no US month-first dates (\"March 14\")";
const RULE_MONTH_FIRST: &str = "a line that is only a numeric date, ambiguous; read month/day/year \
     because the text writes US month-first dates (\"March 14\")";

/// The date (and time) a line states, if the whole line is a date line, with
/// the rule that read it. `text` (the whole article, or "") decides an
/// ambiguous all-numeric date such as `03/04/2023`:
/// - a number over 12 is the day (`14/03/2023`, `03/14/2023`);
/// - with dots (`14.03.2023`) or hyphens (`14-03-2023`) it is day-first, the
///   only order those forms are written in;
/// - with slashes it is month-first only when the text itself writes more
///   month-first dates ("March 14") than day-first ones ("14 March"), as US
///   outlets do; otherwise day-first, the order of most of the world.
pub fn parse_dateline_in(line: &str, text: &str) -> Option<(DateTime, &'static str)> {
    let tokens = tokenize(line)?;
    let mut rest: &[Token] = &tokens;
    // Optional label ("Published", "Last updated", "First published on")
    // and weekday.
    if let [Token::Word(w), tail @ ..] = rest
        && (w.eq_ignore_ascii_case("last") || w.eq_ignore_ascii_case("first"))
        && let [Token::Word(next), ..] = tail
        && is_label(next)
    {
        rest = tail;
    }
    if let [Token::Word(w), tail @ ..] = rest
        && (is_label(w) || w.eq_ignore_ascii_case("on"))
    {
        rest = match skip_separators(tail) {
            [Token::Sep(':'), tail @ ..] => tail,
            tail => tail,
        };
        if let [Token::Word(on), tail @ ..] = rest
            && on.eq_ignore_ascii_case("on")
        {
            rest = tail;
        }
    }
    if let [Token::Word(w), tail @ ..] = rest
        && weekday(w)
    {
        rest = skip_separators(tail);
    }
    let (year, month, day, tail, rule) = match rest {
        [Token::Word(m), Token::Number(d, _), tail @ ..] if month_number(m).is_some() => {
            let tail = skip_separators(tail);
            let [Token::Number(y, 4), tail @ ..] = tail else {
                return None;
            };
            (*y, month_number(m)?, *d, tail, RULE_NAMED_MONTH)
        }
        [
            Token::Number(d, _),
            Token::Word(m),
            Token::Number(y, 4),
            tail @ ..,
        ] => (*y, month_number(m)?, *d, tail, RULE_NAMED_MONTH),
        // "2014-12-18", "2014/12/18", "2023-03-14T09:30Z"
        [
            Token::Number(y, 4),
            Token::Sep(s1 @ ('-' | '/' | '.')),
            Token::Number(m, 1..=2),
            Token::Sep(s2),
            Token::Number(d, 1..=2),
            tail @ ..,
        ] if s1 == s2 => {
            let tail = match tail {
                [Token::Word("T"), tail @ ..] => tail,
                tail => tail,
            };
            (*y, u8::try_from(*m).ok()?, *d, tail, RULE_ISO)
        }
        // "14/03/2023", "03/14/2023", "14.03.2023", "14-03-2023"
        [
            Token::Number(a, 1..=2),
            Token::Sep(s1 @ ('-' | '/' | '.')),
            Token::Number(b, 1..=2),
            Token::Sep(s2),
            Token::Number(y, 4),
            tail @ ..,
        ] if s1 == s2 => {
            let (a, b) = (u8::try_from(*a).ok()?, u8::try_from(*b).ok()?);
            let (month, day, rule) = if a > 12 {
                (b, a, RULE_DAY_OVER_12)
            } else if b > 12 {
                (a, b, RULE_DAY_OVER_12)
            } else if *s1 != '/' {
                (b, a, RULE_DOTTED)
            } else if writes_month_first(text) {
                (a, b, RULE_MONTH_FIRST)
            } else {
                (b, a, RULE_DAY_FIRST)
            };
            (*y, month, u32::from(day), tail, rule)
        }
        _ => return None,
    };
    let tail = skip_separators(tail);
    let (time, tail) = match tail {
        [
            Token::Number(h, _),
            Token::Sep(':' | '.'),
            Token::Number(m, 2),
            tail @ ..,
        ] => {
            // Seconds are read and dropped: the model keeps minutes.
            let tail = match tail {
                [Token::Sep(':'), Token::Number(s, 2), tail @ ..] if *s < 60 => tail,
                tail => tail,
            };
            let (h, tail) = match tail {
                [Token::Word(ampm), rest @ ..] if is_meridiem(ampm) => {
                    (apply_meridiem(*h, ampm)?, rest)
                }
                _ => (*h, tail),
            };
            (Some((u8::try_from(h).ok()?, u8::try_from(*m).ok()?)), tail)
        }
        _ => (None, tail),
    };
    // A UTC offset ("+01:00", "-0500") is allowed and ignored, like a zone.
    let tail = match tail {
        [
            Token::Sep('+' | '-'),
            Token::Number(_, 2),
            Token::Sep(':'),
            Token::Number(_, 2),
            tail @ ..,
        ]
        | [Token::Sep('+' | '-'), Token::Number(_, 2 | 4), tail @ ..] => tail,
        tail => tail,
    };
    // Trailing time-zone words ("GMT", "UTC", "ET", "Z") are allowed; nothing else.
    let tail_ok = tail
        .iter()
        .all(|t| matches!(t, Token::Word(w) if w.len() <= 4 && w.chars().all(|c| c.is_ascii_uppercase())));
    if !tail_ok {
        return None;
    }
    let date = DateTime::new(
        i32::try_from(year).ok()?,
        month,
        u8::try_from(day).ok()?,
        time,
    )?;
    Some((date, rule))
}

/// Does `text` write more US month-first dates ("March 14", "Dec. 5") than
/// day-first ones ("14 March")? One pass over its words.
pub(crate) fn writes_month_first(text: &str) -> bool {
    let mut balance: i32 = 0;
    let mut prev_small_number = false;
    let mut prev_month = false;
    for word in text.split_whitespace() {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        let small_number =
            (1..=2).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit());
        let is_month = word.len() >= 3
            && word.len() <= 9
            && word.starts_with(|c: char| c.is_ascii_uppercase())
            && is_month_name(word);
        if is_month && prev_small_number {
            balance -= 1;
        } else if small_number && prev_month {
            balance += 1;
        }
        prev_small_number = small_number;
        prev_month = is_month;
    }
    balance > 0
}

/// `January`, `Jan`, `Sept` (any case), without allocating.
fn is_month_name(word: &str) -> bool {
    word.eq_ignore_ascii_case("sept")
        || MONTH_NAMES.iter().any(|name| {
            name.eq_ignore_ascii_case(word)
                || (word.len() == 3 && name.get(..3).is_some_and(|p| p.eq_ignore_ascii_case(word)))
        })
}

/// `January`/`Jan`/`Sept` → 1-based month number.
pub fn month_number(word: &str) -> Option<u8> {
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    if lower.len() < 3 {
        return None;
    }
    if lower == "sept" {
        return Some(9);
    }
    MONTH_NAMES
        .iter()
        .position(|name| {
            let name = name.to_ascii_lowercase();
            name == lower || (lower.len() == 3 && name.starts_with(&lower))
        })
        .and_then(|i| u8::try_from(i + 1).ok())
}

/// "Published", "Updated", "Posted".
fn is_label(word: &str) -> bool {
    ["published", "updated", "posted"]
        .iter()
        .any(|l| l.eq_ignore_ascii_case(word))
}

fn weekday(word: &str) -> bool {
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    WEEKDAY_NAMES
        .iter()
        .any(|d| *d == lower || (lower.len() == 3 && d.starts_with(&lower)))
}

fn is_meridiem(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "am" | "pm" | "a.m." | "p.m." | "a.m" | "p.m"
    )
}

fn apply_meridiem(hour: u32, word: &str) -> Option<u32> {
    match word.to_ascii_lowercase().replace('.', "").as_str() {
        "am" if (1..=12).contains(&hour) => Some(hour % 12),
        "pm" if (1..=12).contains(&hour) => Some(hour % 12 + 12),
        _ => None,
    }
}

#[derive(Debug, PartialEq)]
enum Token<'a> {
    Word(&'a str),
    /// Value and number of digits.
    Number(u32, usize),
    Sep(char),
}

fn skip_separators<'t, 'a>(mut tokens: &'t [Token<'a>]) -> &'t [Token<'a>] {
    while let [
        Token::Sep(',' | '|' | '-' | '–' | '—' | '•' | '·' | '/'),
        rest @ ..,
    ]
    | [Token::Word("at"), rest @ ..] = tokens
    {
        tokens = rest;
    }
    tokens
}

/// Words, numbers and separator characters; `None` for anything a date line
/// would not contain (or an overlong line).
fn tokenize(line: &str) -> Option<Vec<Token<'_>>> {
    const MAX_DATELINE_BYTES: usize = 80;
    if line.len() > MAX_DATELINE_BYTES {
        return None;
    }
    let mut tokens = Vec::new();
    let mut chars = line.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let run_end =
            |pred: fn(char) -> bool, chars: &mut std::iter::Peekable<std::str::CharIndices>| {
                let mut end = start + c.len_utf8();
                while let Some(&(i, next)) = chars.peek() {
                    if !pred(next) {
                        break;
                    }
                    end = i + next.len_utf8();
                    chars.next();
                }
                end
            };
        if c.is_ascii_digit() {
            let end = run_end(|c| c.is_ascii_digit(), &mut chars);
            let digits = &line[start..end];
            if digits.len() > 4 {
                return None;
            }
            tokens.push(Token::Number(digits.parse().ok()?, digits.len()));
        } else if c.is_alphabetic() {
            let end = run_end(|c| c.is_alphabetic() || c == '.', &mut chars);
            tokens.push(Token::Word(&line[start..end]));
        } else if ",|-–—•·/:.+".contains(c) {
            tokens.push(Token::Sep(c));
        } else {
            return None;
        }
    }
    Some(tokens)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(line: &str) -> Option<String> {
        parse_dateline(line).map(|d| d.iso())
    }

    #[test]
    fn parses_news_date_lines() {
        assert_eq!(
            iso("December 18, 2014 | 09:27").as_deref(),
            Some("2014-12-18T09:27")
        );
        assert_eq!(iso("18 Dec 2014").as_deref(), Some("2014-12-18"));
        assert_eq!(
            iso("October 14 2021 | 15:04").as_deref(),
            Some("2021-10-14T15:04")
        );
        assert_eq!(
            iso("Thursday, 18 December 2014 at 9.27").as_deref(),
            Some("2014-12-18T09:27")
        );
        assert_eq!(
            iso("Published: Sept 1, 2014, 3:05 pm GMT").as_deref(),
            Some("2014-09-01T15:05")
        );
        assert_eq!(iso("2014-12-18 09:27").as_deref(), Some("2014-12-18T09:27"));
    }

    fn read(line: &str, text: &str) -> Option<(String, &'static str)> {
        parse_dateline_in(line, text).map(|(d, rule)| (d.iso(), rule))
    }

    #[test]
    fn parses_numeric_and_iso_date_lines() {
        assert_eq!(iso("2023-03-14").as_deref(), Some("2023-03-14"));
        assert_eq!(iso("2023/03/14").as_deref(), Some("2023-03-14"));
        assert_eq!(
            iso("Published: 2023-03-14T09:30Z").as_deref(),
            Some("2023-03-14T09:30")
        );
        assert_eq!(
            iso("Updated 2023-03-14T09:30:15+01:00").as_deref(),
            Some("2023-03-14T09:30")
        );
        assert_eq!(
            iso("2023-03-14 09:30 -0500").as_deref(),
            Some("2023-03-14T09:30")
        );
        assert_eq!(iso("14/03/2023").as_deref(), Some("2023-03-14"));
        assert_eq!(iso("03/14/2023").as_deref(), Some("2023-03-14"));
        assert_eq!(
            iso("14.03.2023 | 09:30").as_deref(),
            Some("2023-03-14T09:30")
        );
        assert_eq!(iso("Tuesday 14-03-2023").as_deref(), Some("2023-03-14"));
        assert_eq!(
            iso("Last updated: 14/03/2023 10:05").as_deref(),
            Some("2023-03-14T10:05")
        );
        assert_eq!(
            iso("First published on Tuesday 14 March 2023").as_deref(),
            Some("2023-03-14")
        );
        assert_eq!(iso("Last 14/03/2023"), None);
        assert_eq!(
            iso("18 Dec 2014 09:27 GMT").as_deref(),
            Some("2014-12-18T09:27")
        );
    }

    #[test]
    fn ambiguous_numeric_dates_follow_the_documented_rule() {
        // A number over 12 decides, whatever the text writes.
        assert_eq!(
            read("03/14/2023", "It happened on 3 March."),
            Some(("2023-03-14".into(), RULE_DAY_OVER_12))
        );
        // Both 12 or under: day-first, unless the text writes US dates.
        assert_eq!(
            read("04/03/2023", "Talks resumed on 2 March."),
            Some(("2023-03-04".into(), RULE_DAY_FIRST))
        );
        assert_eq!(read("04/03/2023", "").map(|r| r.1), Some(RULE_DAY_FIRST));
        assert_eq!(
            read(
                "04/03/2023",
                "04/03/2023\n\nTalks resumed on March 2, and end on Dec. 9."
            ),
            Some(("2023-04-03".into(), RULE_MONTH_FIRST))
        );
        // Dots and hyphens are only ever day-first.
        assert_eq!(
            read("04.03.2023", "Talks resumed on March 2."),
            Some(("2023-03-04".into(), RULE_DOTTED))
        );
    }

    #[test]
    fn rejects_impossible_numeric_dates() {
        assert_eq!(iso("13/13/2023"), None);
        assert_eq!(iso("31/02/2023"), None);
        assert_eq!(iso("2023-02-30"), None);
        assert_eq!(iso("14/03-2023"), None);
        assert_eq!(iso("2023-03-14T25:00Z"), None);
        assert_eq!(iso("14/03/2023 and more"), None);
        assert_eq!(iso("1.5 + 2.5"), None);
    }

    #[test]
    fn rejects_lines_that_are_more_than_a_date() {
        assert_eq!(iso("December 18, 2014 was a Thursday"), None);
        assert_eq!(iso("18 Dec"), None);
        assert_eq!(iso("31 February 2014"), None);
        assert_eq!(iso("December 18, 2014 | 29:27"), None);
        assert_eq!(iso("Mayday 18 2014"), None);
        assert_eq!(iso(""), None);
    }
}
