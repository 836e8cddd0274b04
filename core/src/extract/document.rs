//! Document structure: finds the headline, the date line, metadata lines
//! (`Tags:`, `Companies:`), photo captions, body paragraphs, sub-headings, an
//! author bio and trailing site furniture in an article's raw text.
//!
//! Every non-blank line ends up in exactly one [`Part`]; what lies between
//! parts is whitespace only, so the structure is lossless.

use crate::extract::dateline::{parse_dateline, parse_dateline_in};
use crate::model::{DateTime, Diagnostic, Span};

/// What a part of the raw text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PartKind {
    Headline,
    DateLine,
    /// A `Key: values` line such as `Tags: #sony #gop`.
    Metadata,
    /// A photo caption: shown, but never story text.
    Caption,
    /// Story text.
    Paragraph,
    Subheading,
    /// A line about the author ("… is a journalist who …").
    AuthorBio,
    /// Site furniture: forum links, logos, unrelated links and their dates.
    Furniture,
}

impl PartKind {
    /// Is this part the story itself (the text claims are taken from)?
    pub fn is_story_text(self) -> bool {
        matches!(self, PartKind::Paragraph)
    }
}

/// One classified region of the raw text, with the rule that classified it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    pub span: Span,
    pub kind: PartKind,
    /// Why the part has this kind, in words a reader understands.
    pub rule: &'static str,
}

/// A `Key: value value` metadata line, split into its key and values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Metadata {
    pub span: Span,
    pub key: Span,
    pub values: Vec<Span>,
}

/// The structure of one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    /// Every part, in text order, non-overlapping.
    pub parts: Vec<Part>,
    pub headline: Option<Span>,
    pub dateline: Option<Span>,
    pub published: Option<DateTime>,
    pub metadata: Vec<Metadata>,
    /// An outlet name the text itself gives (e.g. "editor of Silicon Republic").
    pub outlet_named: Option<Span>,
}

/// Lines longer than this are never headlines, captions or furniture.
const SHORT_LINE_WORDS: usize = 12;
/// Captions are descriptive sentences without a full stop; at least this long.
const CAPTION_MIN_WORDS: usize = 6;
/// A date more than this many days from publication belongs to something else.
const UNRELATED_DATE_DAYS: i64 = 62;

/// Lines that are site furniture wherever they appear (compared lowercase,
/// without trailing punctuation).
const FURNITURE_PHRASES: &[&str] = &[
    "advertisement",
    "comments",
    "follow us",
    "read more",
    "related",
    "related articles",
    "share",
    "share this",
    "share this article",
];

/// Words that open a call to the reader on a site's pages ("Discuss this in
/// the forums", "Sign up for our newsletter", "Click here to …"): a short
/// line starting with one of them is furniture. Sorted.
const CALLS_TO_ACTION: &[&str] = &[
    "click",
    "comment",
    "discuss",
    "download",
    "follow",
    "join",
    "share",
    "sign",
    "subscribe",
];
/// Most words of a call to the reader or a logo's caption.
const CALL_MAX_WORDS: usize = 8;

const BIO_ROLES: &[&str] = &[
    "columnist",
    "contributor",
    "correspondent",
    "editor",
    "journalist",
    "reporter",
    "writer",
];

/// Finds the structure of `text`. Never fails: oddities become diagnostics.
pub fn parse_document(text: &str, diagnostics: &mut Vec<Diagnostic>) -> Document {
    let lines = merge_wrapped_lines(text, non_blank_lines(text));
    let mut doc = Document::default();
    let mut kinds: Vec<(PartKind, &'static str)> = Vec::with_capacity(lines.len());

    // Front matter: headline, then date line, metadata and captions until the
    // first line that reads as story text.
    let mut body_start = lines.len();
    for (i, &line) in lines.iter().enumerate() {
        let s = line.text(text);
        if i == 0 && !ends_sentence(s) && word_count(s) <= 3 * SHORT_LINE_WORDS {
            kinds.push((PartKind::Headline, "first line of the text"));
            doc.headline = Some(line);
        } else if doc.dateline.is_none()
            && i <= 3
            && let Some((date, rule)) = parse_dateline_in(s, text)
        {
            kinds.push((PartKind::DateLine, rule));
            doc.dateline = Some(line);
            doc.published = Some(date);
        } else if let Some(meta) = metadata(text, line) {
            kinds.push((PartKind::Metadata, "a `Key: values` line before the story"));
            doc.metadata.push(meta);
        } else if i > 0
            && !ends_sentence(s)
            && word_count(s) >= CAPTION_MIN_WORDS
            && i + 1 < lines.len()
        {
            kinds.push((
                PartKind::Caption,
                "an unpunctuated line before the story text (a photo caption)",
            ));
        } else {
            body_start = i;
            break;
        }
    }

    // Back matter, from the end: an author bio, then a run of short
    // unpunctuated lines (site furniture) before it.
    let mut body_end = lines.len();
    let mut back: Vec<(PartKind, &'static str)> = Vec::new();
    if body_end > body_start {
        let last = lines[body_end - 1];
        if let Some(outlet) = author_bio(text, last) {
            back.push((PartKind::AuthorBio, "a closing line describing the author"));
            doc.outlet_named = outlet;
            body_end -= 1;
        }
    }
    let mut furniture_start = body_end;
    while furniture_start > body_start + 1
        && is_furniture_like(lines[furniture_start - 1].text(text))
    {
        furniture_start -= 1;
    }
    // A trailing run only counts as furniture if it holds a known furniture
    // phrase or a date far from publication; otherwise it is story text.
    let run = &lines[furniture_start..body_end];
    let has_marker = run
        .iter()
        .any(|l| known_furniture(l.text(text)) || unrelated_date(l.text(text), doc.published));
    if !has_marker {
        furniture_start = body_end;
    }
    let furniture: Vec<(PartKind, &'static str)> = lines[furniture_start..body_end]
        .iter()
        .map(|l| {
            let s = l.text(text);
            let rule = if known_furniture(s) {
                "site furniture: a known phrase, a call to the reader or a logo"
            } else if parse_dateline(s).is_some() {
                "a date far from the publication date, in the site furniture"
            } else {
                "a short unpunctuated line among the site furniture (a link to other content)"
            };
            (PartKind::Furniture, rule)
        })
        .collect();

    for &line in &lines[body_start..furniture_start] {
        let s = line.text(text);
        kinds.push(if ends_sentence(s) || word_count(s) > SHORT_LINE_WORDS {
            (PartKind::Paragraph, "story text")
        } else {
            (
                PartKind::Subheading,
                "a short unpunctuated line inside the story",
            )
        });
    }
    kinds.extend(furniture);
    kinds.extend(back);

    doc.parts = lines
        .iter()
        .zip(kinds)
        .map(|(&span, (kind, rule))| Part { span, kind, rule })
        .collect();

    if text.trim().is_empty() {
        diagnostics.push(Diagnostic::warning("the text is empty", None));
    } else {
        if doc.headline.is_none() {
            diagnostics.push(Diagnostic::warning(
                "no headline found: the first line reads as a sentence",
                None,
            ));
        }
        if doc.dateline.is_none() {
            diagnostics.push(Diagnostic::warning(
                "no date line found near the top: relative dates cannot be resolved",
                None,
            ));
        }
        if !doc.parts.iter().any(|p| p.kind.is_story_text()) {
            diagnostics.push(Diagnostic::warning("no story paragraphs found", None));
        }
    }
    if let Some(nul) = text.find('\0') {
        diagnostics.push(Diagnostic::warning(
            "the text contains NUL bytes (binary data?)",
            Some(Span::new(nul, nul + 1)),
        ));
    }
    doc
}

/// Trimmed spans of the non-blank lines of `text`.
fn non_blank_lines(text: &str) -> Vec<Span> {
    let mut lines = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let span = Span::new(start, start + piece.len()).trim(text);
        if !span.is_empty() {
            lines.push(span);
        }
        start += piece.len();
    }
    lines
}

/// Joins hard-wrapped lines (a line without closing punctuation followed
/// directly by one starting in lowercase) into one paragraph span.
fn merge_wrapped_lines(text: &str, lines: Vec<Span>) -> Vec<Span> {
    let mut merged: Vec<Span> = Vec::with_capacity(lines.len());
    for line in lines {
        if let Some(previous) = merged.last_mut() {
            let gap = &text[previous.end..line.start];
            let single_break = gap.matches('\n').count() == 1;
            let continues = line
                .text(text)
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
            if single_break && continues && !ends_sentence(previous.text(text)) {
                previous.end = line.end;
                continue;
            }
        }
        merged.push(line);
    }
    merged
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Does the line end like a sentence (after closing quotes and brackets)?
pub fn ends_sentence(s: &str) -> bool {
    let trimmed = s.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '\'' | '"' | '’' | '”' | ')' | ']' | '»')
    });
    trimmed.ends_with(['.', '!', '?', '…', ':'])
}

fn normalised(s: &str) -> String {
    s.trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace())
        .to_lowercase()
}

/// A known furniture phrase, a short call to the reader, or the caption of
/// a logo image ("YouTube logo").
fn known_furniture(s: &str) -> bool {
    let line = normalised(s);
    if FURNITURE_PHRASES.binary_search(&line.as_str()).is_ok() {
        return true;
    }
    let words = word_count(&line);
    if words == 0 || words > CALL_MAX_WORDS {
        return false;
    }
    let first = line.split_whitespace().next().unwrap_or("");
    CALLS_TO_ACTION.binary_search(&first).is_ok() || (words <= 4 && line.ends_with(" logo"))
}

fn is_furniture_like(s: &str) -> bool {
    !ends_sentence(s) && word_count(s) <= SHORT_LINE_WORDS
}

fn unrelated_date(s: &str, published: Option<DateTime>) -> bool {
    match (parse_dateline(s), published) {
        (Some(date), Some(published)) => {
            (date.days_from_epoch() - published.days_from_epoch()).abs() > UNRELATED_DATE_DAYS
        }
        _ => false,
    }
}

/// `Tags: #a #b` → key `Tags`, values `#a`, `#b`. Keys are one or two
/// capitalised words; the line must not read as a sentence.
fn metadata(text: &str, line: Span) -> Option<Metadata> {
    let s = line.text(text);
    let (key, rest) = s.split_once(':')?;
    let key_ok = !key.is_empty()
        && key.split(' ').count() <= 2
        && key.chars().next().is_some_and(char::is_uppercase)
        && key.chars().all(|c| c.is_alphabetic() || c == ' ');
    let values_ok = rest.split_whitespace().all(|v| v.starts_with('#'))
        || (rest.contains(',') && !ends_sentence(rest));
    if !key_ok || !values_ok || rest.trim().is_empty() {
        return None;
    }
    let key_span = Span::new(line.start, line.start + key.len());
    let mut values = Vec::new();
    let mut offset = line.start + key.len() + 1;
    for piece in rest.split_inclusive([' ', ',']) {
        let value = Span::new(offset, offset + piece.len()).trim(text);
        let value = Span::new(
            value.start,
            value.start + value.text(text).trim_end_matches(',').len(),
        );
        if !value.is_empty() {
            values.push(value);
        }
        offset += piece.len();
    }
    Some(Metadata {
        span: line,
        key: key_span,
        values,
    })
}

/// Recognises "John Kennedy is a journalist who served as editor of Silicon
/// Republic for 17 years". Returns the outlet the line names, if any.
fn author_bio(text: &str, line: Span) -> Option<Option<Span>> {
    let s = line.text(text);
    let starts_with_name = s
        .split_whitespace()
        .take(2)
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let position = [" is a ", " is an ", " is the ", " was a "]
        .iter()
        .filter_map(|verb| s.find(verb))
        .min()?;
    let after = &s[position..];
    let has_role = after
        .split(|c: char| !c.is_alphabetic())
        .any(|w| BIO_ROLES.contains(&w.to_lowercase().as_str()));
    if !starts_with_name || !has_role || position > 40 || word_count(s) > 40 {
        return None;
    }
    // "editor of Silicon Republic": the capitalised words after "of".
    let outlet = BIO_ROLES.iter().find_map(|role| {
        let at = after.find(&format!("{role} of "))? + role.len() + 4;
        let name_len: usize = after[at..]
            .split_inclusive(' ')
            .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
            .map(str::len)
            .sum();
        let start = line.start + position + at;
        (name_len > 0).then(|| Span::new(start, start + name_len).trim(text))
    });
    Some(outlet)
}
