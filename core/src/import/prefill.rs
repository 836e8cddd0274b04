//! Suggested fields for one imported article: the headline and date the
//! document stage finds, the outlet only where the page's metadata or the
//! text itself names it (never guessed), and the page's URL.

use crate::extract::document::{Document, PartKind, parse_document};
use crate::import::html::HtmlArticle;
use crate::import::parse_iso_datetime;
use crate::model::{DateTime, squash};

/// What the import form can be prefilled with; every field may be empty.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Suggestion {
    pub headline: Option<String>,
    pub outlet: Option<String>,
    /// Where the outlet name was found, for the article's outlet note.
    pub outlet_note: Option<String>,
    pub published: Option<DateTime>,
    pub url: Option<String>,
    /// What the reader should check or fill in.
    pub notes: Vec<String>,
}

pub const NO_DATE_NOTE: &str =
    "No publication date found: set one, relative dates ('yesterday') depend on it.";

/// Lines at either end of the text searched for a URL, a copyright or an
/// author line.
const EDGE_LINES: usize = 5;
/// Longest outlet name taken from the text, in words.
const MAX_OUTLET_WORDS: usize = 6;

/// Suggestions for `text`; `html` is what the page's markup said, when the
/// text came from HTML.
pub fn suggest(text: &str, html: Option<&HtmlArticle>) -> Suggestion {
    let mut diagnostics = Vec::new();
    let doc = parse_document(text, &mut diagnostics);
    let mut notes = Vec::new();

    let headline = doc
        .headline
        .map(|span| squash(span.text(text)))
        .filter(|h| !h.is_empty());
    if headline.is_none() && !text.trim().is_empty() {
        notes.push("No headline found: the first line reads as a sentence.".to_string());
    }

    let published = doc.published.or_else(|| {
        html.and_then(|h| h.published.as_deref())
            .and_then(parse_iso_datetime)
    });
    if published.is_none() {
        notes.push(NO_DATE_NOTE.to_string());
    }

    let url = html
        .and_then(|h| h.canonical_url.clone())
        .or_else(|| url_line(text));

    let (outlet, outlet_note) = match outlet(text, &doc, html) {
        Some((name, note)) => (Some(name), Some(note.to_string())),
        None => {
            notes.push("The text does not name its outlet: set one.".to_string());
            (None, None)
        }
    };

    Suggestion {
        headline,
        outlet,
        outlet_note,
        published,
        url,
        notes,
    }
}

/// The outlet the page or the text names, with where it was found.
fn outlet(
    text: &str,
    doc: &Document,
    html: Option<&HtmlArticle>,
) -> Option<(String, &'static str)> {
    if let Some(site) = html
        .and_then(|h| h.site_name.as_deref())
        .map(squash)
        .filter(|s| !s.is_empty())
    {
        return Some((
            site,
            "The page's site name (its og:site_name or application-name).",
        ));
    }
    let author_line = "Named in the article's closing author line.";
    if let Some(span) = doc.outlet_named {
        let name = clean_name(span.text(text));
        if !name.is_empty() {
            return Some((name, author_line));
        }
    }
    let closing: Vec<&str> = doc
        .parts
        .iter()
        .rev()
        .take(EDGE_LINES)
        .map(|p| p.span.text(text))
        .collect();
    if let Some(name) = closing.iter().find_map(|line| author_outlet(line)) {
        return Some((name, author_line));
    }
    let first_paragraph = doc
        .parts
        .iter()
        .find(|p| p.kind == PartKind::Paragraph)
        .map(|p| p.span.text(text));
    if let Some(name) = first_paragraph.and_then(wire_tag) {
        return Some((
            name,
            "Named in the wire tag at the start of the story (e.g. \"(Reuters) -\").",
        ));
    }
    closing
        .iter()
        .find_map(|line| copyright(line))
        .map(|name| (name, "Named in the article's copyright line."))
}

/// Phrases after which a closing author line names the outlet.
const AUTHOR_CUES: &[&str] = &[
    "columnist at ",
    "columnist for ",
    "contributor to ",
    "contributor at ",
    "correspondent at ",
    "correspondent for ",
    "editor at ",
    "editor for ",
    "editor of ",
    "journalist at ",
    "journalist for ",
    "journalist with ",
    "reporter at ",
    "reporter for ",
    "reporter with ",
    "reporting for ",
    "reports for ",
    "writer at ",
    "writer for ",
    "writes for ",
];

/// "Jane Doe is a reporter at The Example Times" → "The Example Times".
fn author_outlet(line: &str) -> Option<String> {
    if line.split_whitespace().count() > 40 {
        return None;
    }
    let lower = line.to_lowercase();
    if lower.len() != line.len() {
        return None; // lowercasing changed byte offsets; not worth the risk
    }
    AUTHOR_CUES.iter().find_map(|cue| {
        let at = lower.find(cue)? + cue.len();
        capitalised_run(line.get(at..)?)
    })
}

/// "LONDON (Reuters) - …" / "Washington (AP) — …" → "Reuters" / "AP".
fn wire_tag(paragraph: &str) -> Option<String> {
    let mut end = paragraph.len().min(80);
    while !paragraph.is_char_boundary(end) {
        end -= 1;
    }
    let head = &paragraph[..end];
    let open = head.find('(')?;
    let close = open + head[open..].find(')')?;
    let place = &head[..open];
    let place_ok = place
        .split_whitespace()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let after = head[close + 1..].trim_start();
    let dash_ok = after.starts_with(['-', '–', '—']);
    let name = head[open + 1..close].trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let name_ok = (1..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '&')
        });
    (place_ok && dash_ok && name_ok).then(|| words.join(" "))
}

/// "© 2024 The Example Times. All rights reserved." → "The Example Times".
fn copyright(line: &str) -> Option<String> {
    let line = line.trim();
    let lower = line.to_ascii_lowercase();
    let rest = if let Some(rest) = line.strip_prefix('©') {
        rest
    } else if lower.starts_with("(c)") {
        &line[3..]
    } else if lower.starts_with("copyright") {
        line[9..].trim_start().trim_start_matches('©')
    } else {
        return None;
    };
    let rest = rest.trim_start_matches(|c: char| {
        c.is_ascii_digit() || c.is_whitespace() || matches!(c, '-' | '–' | ',')
    });
    let name = rest
        .split(['.', ',', ';', '|'])
        .next()
        .unwrap_or("")
        .split(" All rights")
        .next()
        .unwrap_or("");
    let name = clean_name(name);
    let words = name.split_whitespace().count();
    let ok = (1..=MAX_OUTLET_WORDS).contains(&words)
        && name.chars().next().is_some_and(char::is_uppercase);
    ok.then_some(name)
}

/// The capitalised words at the start of `s` ("The Example Times for 17
/// years" → "The Example Times"); "of", "and" and "&" may join them.
fn capitalised_run(s: &str) -> Option<String> {
    let mut words: Vec<&str> = Vec::new();
    let mut tokens = s.split_whitespace().peekable();
    if tokens.peek() == Some(&"the") {
        tokens.next();
    }
    while let Some(word) = tokens.next() {
        let bare = word.trim_end_matches(['.', ',', ';', ':', ')', '!']);
        let capital = bare.chars().next().is_some_and(char::is_uppercase);
        let joiner = matches!(bare, "of" | "and" | "&")
            && !words.is_empty()
            && tokens
                .peek()
                .is_some_and(|next| next.chars().next().is_some_and(char::is_uppercase));
        if !(capital || joiner) || words.len() >= MAX_OUTLET_WORDS {
            break;
        }
        words.push(bare);
        if bare.len() != word.len() {
            break; // punctuation ends the name
        }
    }
    let name = clean_name(&words.join(" "));
    (!name.is_empty()).then_some(name)
}

fn clean_name(s: &str) -> String {
    squash(s.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':')))
}

/// A line near either end of the text that is nothing but an http(s) URL.
fn url_line(text: &str) -> Option<String> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let edge = lines
        .iter()
        .take(EDGE_LINES)
        .chain(lines.iter().rev().take(EDGE_LINES));
    edge.copied()
        .find(|l| {
            (l.starts_with("https://") || l.starts_with("http://"))
                && l.len() > 10
                && !l.contains(char::is_whitespace)
        })
        .map(str::to_string)
}
