//! Date lines: a line that is nothing but a publication date, optionally with
//! a weekday, a time and separators ("December 18, 2014 | 09:27",
//! "18 Dec 2014", "Thursday, 18 December 2014 at 9.27", "2014-12-18 09:27").

use crate::model::{DateTime, MONTH_NAMES, WEEKDAY_NAMES};

/// The date (and time) a line states, if the whole line is a date line.
pub fn parse_dateline(line: &str) -> Option<DateTime> {
    let tokens = tokenize(line)?;
    let mut rest: &[Token] = &tokens;
    // Optional "Published"/"Updated" label and weekday.
    if let [Token::Word(w), tail @ ..] = rest
        && matches!(
            w.to_ascii_lowercase().as_str(),
            "published" | "updated" | "posted" | "on"
        )
    {
        rest = match skip_separators(tail) {
            [Token::Sep(':'), tail @ ..] => tail,
            tail => tail,
        };
    }
    if let [Token::Word(w), tail @ ..] = rest
        && weekday(w)
    {
        rest = skip_separators(tail);
    }
    let (year, month, day, tail) = match rest {
        [Token::Word(m), Token::Number(d, _), tail @ ..] if month_number(m).is_some() => {
            let tail = skip_separators(tail);
            let [Token::Number(y, 4), tail @ ..] = tail else {
                return None;
            };
            (*y, month_number(m)?, *d, tail)
        }
        [
            Token::Number(d, _),
            Token::Word(m),
            Token::Number(y, 4),
            tail @ ..,
        ] => (*y, month_number(m)?, *d, tail),
        [
            Token::Number(y, 4),
            Token::Sep('-'),
            Token::Number(m, _),
            Token::Sep('-'),
            Token::Number(d, _),
            tail @ ..,
        ] => (*y, u8::try_from(*m).ok()?, *d, tail),
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
            let (h, tail) = match tail {
                [Token::Word(ampm), tail @ ..] => (apply_meridiem(*h, ampm)?, tail),
                _ => (*h, tail),
            };
            (Some((u8::try_from(h).ok()?, u8::try_from(*m).ok()?)), tail)
        }
        _ => (None, tail),
    };
    // Trailing time-zone words ("GMT", "UTC", "ET") are allowed; nothing else.
    let tail_ok = tail
        .iter()
        .all(|t| matches!(t, Token::Word(w) if w.len() <= 4 && w.chars().all(|c| c.is_ascii_uppercase())));
    if !tail_ok {
        return None;
    }
    DateTime::new(
        i32::try_from(year).ok()?,
        month,
        u8::try_from(day).ok()?,
        time,
    )
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

fn weekday(word: &str) -> bool {
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    WEEKDAY_NAMES
        .iter()
        .any(|d| *d == lower || (lower.len() == 3 && d.starts_with(&lower)))
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
        } else if ",|-–—•·/:.".contains(c) {
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
