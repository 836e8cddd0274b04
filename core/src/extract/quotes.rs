//! Quotations in story text: direct quotes and scare quotes (quoted terms),
//! with their speaker and speech verb where the text gives them.
//!
//! Marks: straight and curly, single and double, and guillemets; quotes
//! nest. An apostrophe inside a word (`you’d`, `company's`) is never a mark,
//! nor is a possessive after a plural (`Pictures’ IT`) unless a quote of
//! that mark is open and nothing later in the paragraph could close it.
//! A quote still open at the end of a paragraph continues when the next
//! paragraph opens with the same mark (news convention); otherwise it ends
//! with its paragraph. A statement continued so is given as one quote per
//! paragraph, each with the statement's kind, speaker and cue (the later
//! ones with [`RULE_LATER_PARAGRAPH`]): a paragraph is the unit news
//! writing, claims and the reading view work in, and the speaker stage
//! keeps one speaker for all of them.
//!
//! The headline is read too ([`headline_quotes`]): a quote there is a
//! direct quote in the usual headline forms (a label `'…': …`, `Mayor:
//! "…"`, `"…," says mayor`, and words of three or more ending it after a
//! headline verb or "as": `Minister defends rise as "…"`; two or more after
//! a headline verb and "of": `leader warns of "impossible choices"`), with the speaker
//! the headline writes, if any; other quoted words there are left out, unless
//! the body quotes the same words (`Councillors reject 'monstrous' flats`
//! over `called the design "monstrous"`): the headline echoes someone's
//! word. Headline quotes come first.
//!
//! Speakers, in order of preference: the speaker and verb right after the
//! closing mark (`…,' the message read`), right before the opening mark
//! (`Sony said: “…`), a speech verb earlier in the same clause (`argues that
//! evidence for this is 'flimsy.'`), or, for a direct quote without one, the
//! speaker of the quote just before it.

use crate::extract::Sentence;
use crate::extract::document::Document;
use crate::extract::lexicon::{STOP_WORDS, contains};
use crate::extract::speech::{CueHit, HitKind, SentenceCues, Tokens};
use crate::extract::text::{char_at, is_space};
use crate::model::{Span, key, sort_by_numbers};

/// What a quotation is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteKind {
    /// Somebody's words, reported verbatim.
    Direct,
    /// A short quoted term inside the writer's own sentence ('flimsy').
    ScareQuote,
}

/// One quotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// From the opening mark to the closing mark, both included (to the end
    /// of its last paragraph when it never closes).
    pub span: Span,
    /// The quoted words, inside the marks.
    pub content: Span,
    pub kind: QuoteKind,
    /// Who the words are attributed to: a name or a nominal ("the message").
    pub speaker: Option<Span>,
    /// The verb that introduces the quote ("read", "said", "argues").
    pub cue: Option<Span>,
    pub rule: &'static str,
}

impl Quote {
    /// Whether the quote is someone's words to compare across outlets: a
    /// direct quote, or a phrase of at least [`PHRASE_WORDS`] words someone
    /// is given as saying ("called the collapse "a black day for
    /// Askary""); not a one- or two-word term ("flimsy").
    pub fn reports_words(&self, text: &str) -> bool {
        self.kind == QuoteKind::Direct
            || self.speaker.is_some()
                && self
                    .content
                    .text(text)
                    .split_whitespace()
                    .nth(PHRASE_WORDS - 1)
                    .is_some()
    }
}

/// Fewest words of a short quoted phrase that [`Quote::reports_words`].
const PHRASE_WORDS: usize = 3;

/// Deepest nesting of open quotes that is tracked.
const MAX_DEPTH: usize = 8;
/// Quotes of at most this many words may close on a possessive-like mark.
const SHORT_QUOTE_WORDS: usize = 5;
/// Quotes of at least this many words are direct quotes.
const DIRECT_QUOTE_WORDS: usize = 7;
/// Most tokens between a speech verb and the opening mark it governs.
const MAX_CUE_DISTANCE: usize = 16;
/// Most tokens between "said" and a colon before an opening mark.
const MAX_PRE_CUE_DISTANCE: usize = 7;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    Double,
    /// Single marks; `straight` ones only pair with straight ones.
    Single {
        straight: bool,
    },
    Guillemet,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pairing {
    Closed,
    /// Continued across paragraphs (closed or not).
    Continued,
    /// Left open at the end of its paragraph.
    LeftOpen,
}

#[derive(Clone, Copy, Debug)]
struct Open {
    /// Byte offset of the first opening mark.
    at: usize,
    content_start: usize,
    style: Style,
    continued: bool,
}

#[derive(Clone, Copy, Debug)]
struct Found {
    span: Span,
    content: Span,
    pairing: Pairing,
    /// The closing mark, when there is one.
    closer: Option<Span>,
}

/// Finds the quotations of the story text (the paragraphs holding `sentences`).
pub fn find_quotes(text: &str, document: &Document, sentences: &[Sentence]) -> Vec<Quote> {
    find_quotes_keeping_cues(text, document, sentences).0
}

/// [`find_quotes`], also handing back the tokens and cue hits of the
/// sentences it looked at, so that the attribution stage need not tokenize
/// them again.
pub(crate) fn find_quotes_keeping_cues<'a>(
    text: &'a str,
    document: &Document,
    sentences: &'a [Sentence],
) -> (Vec<Quote>, SentenceCues<'a>) {
    let paragraphs = story_paragraphs(text, document, sentences);
    let found = find_marks(text, &paragraphs, sentences);
    let mut cues = SentenceCues::new(text, sentences);
    let (mut quotes, terms) = headline_quotes(text, document);
    let body = attribute(text, sentences, &paragraphs, &found, &mut cues);
    // A quoted term of the headline that the body quotes too (`Councillors
    // reject 'monstrous' flats` over `…, called the design "monstrous"`):
    // the headline echoes someone's word, whose speaker the body gives.
    for term in terms {
        let words = quoted_words(text, term.content);
        if !words.is_empty() && body.iter().any(|b| quoted_words(text, b.content) == words) {
            quotes.push(term);
        }
    }
    quotes.sort_by_key(|q| q.span.start);
    quotes.extend(body);
    (quotes, cues)
}

/// Speech verbs of headline style ("'…,' says mayor", "Mayor vows: …").
const HEADLINE_VERBS: &[&str] = &[
    "admits", "claims", "declares", "insists", "pledges", "promises", "said", "say", "says",
    "tells", "urges", "vows", "warns",
];

/// Fewest words of a quote ending a headline after "as" or a headline verb
/// for it to be someone's words rather than a quoted term.
const HEADLINE_TERM_WORDS: usize = 3;

/// Fewest words of a quote ending a headline after a headline verb and
/// "of" (`warns of "impossible choices"`).
const HEADLINE_OF_WORDS: usize = 2;

/// Most words of a speaker written in a headline ("Tidewell mayor").
const HEADLINE_SPEAKER_WORDS: usize = 6;

fn is_headline_verb(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    HEADLINE_VERBS
        .iter()
        .any(|verb| word.eq_ignore_ascii_case(verb))
}

/// The words of `span` (trimmed of spaces and punctuation at both ends) as
/// a speaker, when they are a short name or noun phrase.
fn headline_speaker(text: &str, span: Span) -> Option<Span> {
    let raw = span.text(text);
    let trim = |c: char| is_space(c) || matches!(c, ',' | ':' | ';' | '—' | '–' | '-' | '|');
    let start = span.start + (raw.len() - raw.trim_start_matches(trim).len());
    let mut end = span.start + raw.trim_end_matches(trim).len();
    // The speaker ends before a function word after its first word:
    // "says Okafor after Marlow win" → "Okafor".
    if let Some(cut) = words_of(text, Span::new(start, end.max(start)))
        .skip(1)
        .find(|w| {
            let word = w.text(text);
            !matches!(word, "the" | "a" | "an") && contains(&STOP_WORDS, word)
        })
    {
        end = text
            .get(start..cut.start)
            .map_or(cut.start, |lead| start + lead.trim_end().len());
    }
    let words = text.get(start..end)?.split_whitespace().count();
    (start < end && (1..=HEADLINE_SPEAKER_WORDS).contains(&words)).then(|| Span::new(start, end))
}

/// Quotes in the headline, in its usual forms: a label (`'We were robbed':
/// coach's fury at …`, or with a dash: `'Not one more pound' – union chief
/// vows …`), a speaker and a colon (`Mayor: "We will rebuild"`),
/// or a headline speech verb (`"We will rebuild," says mayor`, `'We will
/// rebuild' says mayor` opening the headline, `Mayor
/// says "…"`). Those are direct quotes, with the speaker as written where
/// the headline gives one; other quoted words there (a quoted term) are
/// left out.
/// Returns the headline's quotes, and apart its quoted terms (as quotes
/// with no speaker), which count only when the body quotes them too.
fn headline_quotes(text: &str, document: &Document) -> (Vec<Quote>, Vec<Quote>) {
    let Some(headline) = document
        .headline
        .filter(|h| text.get(h.start..h.end).is_some())
    else {
        return (Vec::new(), Vec::new());
    };
    let mut terms = Vec::new();
    let mut found = Vec::new();
    scan_paragraph(text, headline, None, None, &[], &mut found);
    sort_by_numbers(&mut found, |f| {
        [key(f.span.start), u64::MAX - key(f.span.end), 0]
    });
    let mut quotes: Vec<Quote> = Vec::with_capacity(found.len());
    for f in &found {
        let nested = quotes.iter().any(|q| q.span.contains(f.span));
        let before = Span::new(headline.start, f.span.start);
        let after = Span::new(f.span.end, headline.end.max(f.span.end));
        let lead = before.text(text).trim_end();
        let rest = after.text(text).trim_start();
        let content = f.content.text(text).trim_end();
        let mut direct = false;
        let (mut speaker, mut cue) = (None, None);
        // `"…," says Tidewell mayor` / `"…," mayor says`; a quote opening
        // the headline may go without the comma (`'I thought we would
        // die' says survivor`) when the verb follows it at once.
        let rest_words: Vec<Span> = words_of(text, after).collect();
        let verb_next = rest_words
            .first()
            .is_some_and(|w| is_headline_verb(w.text(text)));
        let open_ended = content.ends_with([',', '!', '?'])
            || rest.starts_with(',')
            || (lead.is_empty() && verb_next);
        if !nested && open_ended {
            if let Some(&verb) = rest_words
                .first()
                .filter(|w| is_headline_verb(w.text(text)))
            {
                direct = true;
                cue = Some(verb);
                let upto = rest_words
                    .iter()
                    .find(|w| w.text(text).ends_with([':', ';', '—']) && w.start > verb.start)
                    .map_or(after.end, |w| w.end);
                speaker = headline_speaker(text, Span::new(verb.end, upto));
            } else if let Some(verb) = rest_words
                .iter()
                .take(HEADLINE_SPEAKER_WORDS + 1)
                .skip(1)
                .find(|w| is_headline_verb(w.text(text)))
            {
                direct = true;
                cue = Some(*verb);
                speaker = headline_speaker(text, Span::new(after.start, verb.start));
            }
        }
        if !nested && !direct {
            if rest.starts_with(':') && lead.is_empty() {
                // A label: the quote opens the headline and a colon follows.
                direct = true;
            } else if lead.is_empty() && rest.starts_with(['–', '—', '-']) {
                // A label and a dash: `'Not one more pound' – union chief
                // vows …`, `'We will rebuild' — mayor`. The words after the
                // dash, up to a headline verb, are the speaker as written
                // (all of them when they are few).
                direct = true;
                let tail = Span::new(after.end - rest.len(), after.end);
                let tail_words: Vec<Span> = words_of(text, tail).collect();
                match tail_words
                    .iter()
                    .take(HEADLINE_SPEAKER_WORDS + 2)
                    .find(|w| is_headline_verb(w.text(text)))
                {
                    Some(&verb) => {
                        cue = Some(verb);
                        speaker = headline_speaker(text, Span::new(tail.start, verb.start));
                    }
                    None => speaker = headline_speaker(text, tail),
                }
            } else if let Some(head) = lead.strip_suffix(':') {
                // `Mayor: "…"`, `Mayor vows: "…"`.
                direct = true;
                let head_span = Span::new(headline.start, headline.start + head.len());
                let head_words: Vec<Span> = words_of(text, head_span).collect();
                match head_words.last() {
                    Some(&verb) if is_headline_verb(verb.text(text)) => {
                        cue = Some(verb);
                        speaker = headline_speaker(text, Span::new(headline.start, verb.start));
                    }
                    _ => speaker = headline_speaker(text, head_span),
                }
            } else if lead.is_empty() && rest.is_empty() {
                direct = true;
            } else if rest
                .trim_matches(|c: char| c.is_ascii_punctuation())
                .is_empty()
                && content.split_whitespace().count() >= HEADLINE_OF_WORDS
                && let lead_words = words_of(text, before).collect::<Vec<Span>>()
                && let [.., verb, of] = lead_words.as_slice()
                && of.text(text) == "of"
                && is_headline_verb(verb.text(text))
            {
                // `… as leader warns of "impossible choices"`: a headline
                // verb and "of" make even two words someone's.
                direct = true;
                cue = Some(*verb);
                // The speaker is written after "as", if the headline has it.
                let from = lead_words
                    .iter()
                    .rev()
                    .find(|w| w.text(text) == "as")
                    .map_or(headline.start, |w| w.end);
                speaker = headline_speaker(text, Span::new(from, verb.start));
            } else if content.split_whitespace().count() >= HEADLINE_TERM_WORDS
                && let lead_words = words_of(text, before).collect::<Vec<Span>>()
                && let Some(&verb) = lead_words.last()
                && is_headline_verb(verb.text(text))
            {
                // Words of three or more right after a headline verb, at
                // the end or mid-headline: `Survivor says '…' after crash`.
                direct = true;
                cue = Some(verb);
                speaker = headline_speaker(text, Span::new(headline.start, verb.start));
            } else if rest
                .trim_matches(|c: char| c.is_ascii_punctuation())
                .is_empty()
                && content.split_whitespace().count() >= HEADLINE_TERM_WORDS
            {
                // Words of three or more ending the headline after a
                // headline verb or "as": `Mayor vows "…"`, `Minister
                // defends rise as "…"` (the words are someone's, resolved
                // from the body; a shorter quoted term stays out).
                let lead_words: Vec<Span> = words_of(text, before).collect();
                match lead_words.last() {
                    Some(&verb) if is_headline_verb(verb.text(text)) => {
                        direct = true;
                        cue = Some(verb);
                        speaker = headline_speaker(text, Span::new(headline.start, verb.start));
                    }
                    Some(w) if w.text(text) == "as" => direct = true,
                    _ => {}
                }
            }
        }
        if !direct {
            // A quoted term in a headline ("Council 'scraps' plan") is no
            // statement anyone made; its words are not story text, unless
            // the body quotes them (see `find_quotes_keeping_cues`).
            if !nested {
                terms.push(Quote {
                    span: f.span,
                    content: f.content,
                    kind: QuoteKind::Direct,
                    speaker: None,
                    cue: None,
                    rule: RULE_HEADLINE_ECHO,
                });
            }
            continue;
        }
        quotes.push(Quote {
            span: f.span,
            content: f.content,
            kind: QuoteKind::Direct,
            speaker,
            cue,
            rule: "a quote in the headline (a label, a colon or a headline speech verb)",
        });
    }
    (quotes, terms)
}

/// A quote's words as compared with another quote's: lowercase, without
/// the punctuation around them ("Monstrous," and "monstrous" are one).
pub(crate) fn quoted_words(text: &str, content: Span) -> String {
    content
        .text(text)
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// The rule of a quoted term of the headline that the body quotes too.
pub const RULE_HEADLINE_ECHO: &str =
    "a quoted term in the headline that the body quotes too; the body's speaker of it";

/// The words of `span` separated by spaces, as byte spans.
fn words_of(text: &str, span: Span) -> impl Iterator<Item = Span> + '_ {
    let body = text.get(span.start..span.end).unwrap_or("");
    body.split(is_space)
        .filter(|w| !w.is_empty())
        .map(move |w| {
            let start = span.start + (w.as_ptr() as usize - body.as_ptr() as usize);
            Span::new(start, start + w.len())
        })
}

/// Quote marks paired into quotes, in text order (outer before inner).
fn find_marks(text: &str, paragraphs: &[(usize, Span)], sentences: &[Sentence]) -> Vec<Found> {
    let sentence_starts: Vec<usize> = sentences.iter().map(|s| s.span.start).collect();
    let mut found = Vec::new();
    let mut carried: Option<Open> = None;
    for (index, &(part, paragraph)) in paragraphs.iter().enumerate() {
        let next = paragraphs
            .get(index + 1)
            .filter(|(next_part, _)| *next_part == part + 1)
            .map(|&(_, span)| span);
        carried = scan_paragraph(text, paragraph, next, carried, &sentence_starts, &mut found);
    }
    // Outer before inner: by start, longest first.
    sort_by_numbers(&mut found, |f| {
        [key(f.span.start), u64::MAX - key(f.span.end), 0]
    });
    found
}

/// Story paragraphs in text order: `(part index, span)`.
fn story_paragraphs(text: &str, document: &Document, sentences: &[Sentence]) -> Vec<(usize, Span)> {
    let mut paragraphs: Vec<(usize, Span)> = Vec::new();
    for sentence in sentences {
        match paragraphs.last_mut() {
            Some((part, span)) if *part == sentence.part => {
                if !span.contains(sentence.span) {
                    span.end = span.end.max(sentence.span.end);
                }
            }
            _ => {
                let span = document
                    .parts
                    .get(sentence.part)
                    .map(|p| p.span)
                    .filter(|s| s.contains(sentence.span) && text.get(s.start..s.end).is_some())
                    .unwrap_or(sentence.span);
                paragraphs.push((sentence.part, span));
            }
        }
    }
    paragraphs
}

fn is_open_context(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘' | '"' | '\'' | '«'
    )
}

/// Words like 'em, 'tis, '90s, rock 'n' roll: an apostrophe, not a quote.
fn is_elision(after: &str) -> bool {
    let word_len = after
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(after.len());
    let word = after.get(..word_len).unwrap_or("");
    let digits = word.len() >= 2 && word.bytes().take(2).all(|b| b.is_ascii_digit());
    digits
        || ["em", "tis", "twas", "til", "cause", "n"]
            .iter()
            .any(|elided| word.eq_ignore_ascii_case(elided))
}

/// Scans one paragraph, pairing marks; returns the quote carried into the
/// next paragraph, if any.
fn scan_paragraph(
    text: &str,
    paragraph: Span,
    next_paragraph: Option<Span>,
    carried: Option<Open>,
    sentence_starts: &[usize],
    found: &mut Vec<Found>,
) -> Option<Open> {
    let body = paragraph.text(text);
    let char_before = |at: usize| body.get(..at).and_then(|s| s.chars().next_back());
    let rest_after = |at: usize, c: char| body.get(at + c.len_utf8()..).unwrap_or("");
    let mut stack: Vec<Open> = carried.into_iter().collect();
    // A continued quote repeats its opening mark at the paragraph start.
    let skip_first = !stack.is_empty();
    let in_closing_position = |at: usize, c: char| {
        let next = rest_after(at, c).chars().next();
        char_before(at).is_some_and(|p| !is_space(p)) && next.is_none_or(|n| !n.is_alphanumeric())
    };
    // The last possible closing position of each single mark.
    let last_closing = |mark: char| {
        body.rmatch_indices(mark)
            .map(|(at, _)| at)
            .find(|&at| in_closing_position(at, mark))
    };
    let last_straight = last_closing('\'');
    let last_curly = last_closing('’');

    // Every mark is `"`, `'` or starts with byte 0xC2 (« ») or 0xE2 (“ ” ‘ ’),
    // and those bytes only ever start a char: skip everything else bytewise.
    for (at, &byte) in body.as_bytes().iter().enumerate() {
        if !matches!(byte, b'"' | b'\'' | 0xC2 | 0xE2) {
            continue;
        }
        let Some(c) = char_at(body, at) else {
            continue;
        };
        let is_mark = matches!(c, '"' | '“' | '”' | '\'' | '‘' | '’' | '«' | '»');
        if !is_mark || (at == 0 && skip_first) {
            continue;
        }
        let prev = char_before(at);
        let rest = rest_after(at, c);
        let mut following = rest.chars();
        let next = following.next();
        let after_next = following.next();
        let inside_word =
            prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
        let opening = prev.is_none_or(|p| is_space(p) || is_open_context(p))
            && next.is_some_and(|n| !is_space(n));
        let closing = in_closing_position(at, c);
        let position = paragraph.start + at;
        let mark = Span::new(position, position + c.len_utf8());
        let is_open = |style: Style| stack.iter().any(|o| o.style == style);
        // Closing on a plural possessive (`Pictures' IT`) only for a short
        // quote that nothing later in the paragraph could close.
        let weak_close_ok = |last: Option<usize>, style: Style| {
            let possessive_like = prev.is_some_and(|p| p == 's' || p == 'S')
                && next.is_some_and(is_space)
                && after_next.is_some_and(char::is_alphanumeric);
            if !possessive_like {
                return true;
            }
            let Some(open) = stack.iter().rev().find(|o| o.style == style) else {
                return false;
            };
            if last != Some(at) || open.continued {
                return false;
            }
            // Counted at most once per mark and paragraph: still linear.
            text.get(open.content_start..position)
                .is_some_and(|s| s.split_whitespace().nth(SHORT_QUOTE_WORDS).is_none())
        };
        let action = match c {
            '“' => Some((Style::Double, true)),
            '«' => Some((Style::Guillemet, true)),
            '»' => Some((Style::Guillemet, false)),
            '”' => {
                if is_open(Style::Double) {
                    Some((Style::Double, false))
                } else if opening {
                    Some((Style::Double, true))
                } else {
                    None
                }
            }
            '"' => {
                let double_open = is_open(Style::Double);
                if opening && !closing {
                    Some((Style::Double, true))
                } else if closing && !opening {
                    double_open.then_some((Style::Double, false))
                } else if double_open {
                    Some((Style::Double, false))
                } else {
                    next.is_some_and(|n| !is_space(n))
                        .then_some((Style::Double, true))
                }
            }
            '‘' | '\'' | '’' => {
                let straight = c == '\'';
                let style = Style::Single { straight };
                let last = if straight { last_straight } else { last_curly };
                let opens = c == '‘' || (c == '\'' && opening && !closing);
                if inside_word {
                    None
                } else if opens {
                    (!is_elision(rest)).then_some((style, true))
                } else if closing && is_open(style) && weak_close_ok(last, style) {
                    Some((style, false))
                } else {
                    None
                }
            }
            _ => None,
        };
        match action {
            Some((style, true)) if stack.len() < MAX_DEPTH => {
                stack.push(Open {
                    at: position,
                    content_start: mark.end,
                    style,
                    continued: false,
                });
            }
            Some((style, false)) => {
                if let Some(depth) = stack.iter().rposition(|o| o.style == style) {
                    stack.truncate(depth + 1);
                    if let Some(open) = stack.pop() {
                        found.push(Found {
                            span: Span::new(open.at, mark.end),
                            content: Span::new(open.content_start, mark.start),
                            pairing: if open.continued {
                                Pairing::Continued
                            } else {
                                Pairing::Closed
                            },
                            closer: Some(mark),
                        });
                    }
                }
            }
            _ => {}
        }
    }

    // Still open at the paragraph end: continue or end here.
    let outermost = stack.first().copied()?;
    let reopens = next_paragraph
        .and_then(|next| next.text(text).chars().next())
        .is_some_and(|first| match outermost.style {
            Style::Double => matches!(first, '“' | '"'),
            Style::Single { straight: true } => first == '\'',
            Style::Single { straight: false } => first == '‘',
            Style::Guillemet => first == '«',
        });
    if reopens {
        return Some(Open {
            continued: true,
            ..outermost
        });
    }
    let starts_sentence =
        sentence_starts.binary_search(&outermost.at).is_ok() || outermost.at == paragraph.start;
    let keep = outermost.continued
        || starts_sentence
        || matches!(outermost.style, Style::Double | Style::Guillemet);
    let content = Span::new(outermost.content_start, paragraph.end);
    if keep && !content.trim(text).is_empty() {
        found.push(Found {
            span: Span::new(outermost.at, paragraph.end),
            content,
            pairing: if outermost.continued {
                Pairing::Continued
            } else {
                Pairing::LeftOpen
            },
            closer: None,
        });
    }
    None
}

/// How a quote's speaker was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SpeakerFrom {
    AfterQuote,
    BeforeQuote,
    InClause,
    Previous,
    None,
}

/// `RULES[pairing][speaker]`: what produced a quote, in words.
const RULES: [[&str; 5]; 3] = [
    [
        "quote marks paired in one paragraph; speaker and verb after the closing mark",
        "quote marks paired in one paragraph; speaker and verb before the opening mark",
        "quote marks paired in one paragraph; inside the words of a speech verb earlier in the clause",
        "quote marks paired in one paragraph; continues the speaker of the quote before",
        "quote marks paired in one paragraph; no speaker given",
    ],
    [
        "a quote continued across paragraphs (opening mark repeated, closing mark only at the end); speaker and verb after the closing mark",
        "a quote continued across paragraphs (opening mark repeated, closing mark only at the end); speaker and verb before the opening mark",
        "a quote continued across paragraphs (opening mark repeated, closing mark only at the end); inside the words of a speech verb earlier in the clause",
        "a quote continued across paragraphs (opening mark repeated, closing mark only at the end); continues the speaker of the quote before",
        "a quote continued across paragraphs (opening mark repeated, closing mark only at the end); no speaker given",
    ],
    [
        "an opening mark never closed, ending with its paragraph; speaker and verb after the closing mark",
        "an opening mark never closed, ending with its paragraph; speaker and verb before the opening mark",
        "an opening mark never closed, ending with its paragraph; inside the words of a speech verb earlier in the clause",
        "an opening mark never closed, ending with its paragraph; continues the speaker of the quote before",
        "an opening mark never closed, ending with its paragraph; no speaker given",
    ],
];

fn rule_for(pairing: Pairing, speaker: SpeakerFrom) -> &'static str {
    let row = match pairing {
        Pairing::Closed => 0,
        Pairing::Continued => 1,
        Pairing::LeftOpen => 2,
    };
    let column = match speaker {
        SpeakerFrom::AfterQuote => 0,
        SpeakerFrom::BeforeQuote => 1,
        SpeakerFrom::InClause => 2,
        SpeakerFrom::Previous => 3,
        SpeakerFrom::None => 4,
    };
    RULES[row][column]
}

/// Index of the token starting at byte `at`.
fn token_at(tokens: &Tokens<'_>, at: usize) -> Option<usize> {
    let index = tokens.tokens.partition_point(|t| t.span.start < at);
    (tokens.span(index).start == at && index < tokens.len()).then_some(index)
}

/// Speaker and cue right after the closing mark: `…,' the message read`.
fn speaker_after(cues: &mut SentenceCues<'_>, text: &str, f: &Found) -> Option<CueHit> {
    let closer = f.closer?;
    let content = f.content.text(text).trim_end();
    let comma_after = text
        .get(closer.end..)
        .is_some_and(|rest| rest.trim_start().starts_with(','));
    let open_ended = content.ends_with([',', '!', '?', '…', '—', '–']) || comma_after;
    if !open_ended {
        return None;
    }
    let index = cues.index_of(closer.start)?;
    let (tokens, hits) = cues.get(index)?;
    let mark = token_at(tokens, closer.start)?;
    let first = if tokens.is_punct(mark + 1, &[',']) {
        mark + 2
    } else {
        mark + 1
    };
    let from = hits.partition_point(|h| h.cue_tokens.0 < first);
    hits.get(from..)?
        .iter()
        .take(2)
        .find(|h| {
            h.kind == HitKind::AfterQuote
                && (h.cue_tokens.0 == first
                    || h.source_tokens.is_some_and(|(s, _)| s == first)
                    // "…," the chief executive of Calvert Insurance, Naomi
                    // Feld, said: the speaker in an apposition after the
                    // words that open right at the mark.
                    || !(first..h.cue_tokens.0).any(|k| tokens.is_closing_mark(k)))
        })
        .copied()
}

/// Speaker and cue right before the opening mark: `Sony said: “…`.
fn speaker_before(cues: &mut SentenceCues<'_>, f: &Found) -> Option<CueHit> {
    let index = cues.index_of(f.span.start)?;
    let (tokens, hits) = cues.get(index)?;
    let mark = token_at(tokens, f.span.start)?;
    let introduced = mark > 0 && tokens.is_punct(mark - 1, &[':', ',']);
    let upto = hits.partition_point(|h| h.cue_tokens.1 <= mark);
    hits.get(..upto)?
        .iter()
        .rev()
        .take_while(|h| mark - h.cue_tokens.1 <= MAX_PRE_CUE_DISTANCE)
        .find(|h| {
            let adjacent = h.cue_tokens.1 == mark;
            let before_colon = introduced
                && h.cue_tokens.1 < mark
                && mark - h.cue_tokens.1 <= MAX_PRE_CUE_DISTANCE;
            (adjacent || before_colon) && matches!(h.kind, HitKind::Active)
        })
        .copied()
}

/// A speech verb earlier in the same clause: `argues that evidence for this is 'flimsy.'`.
fn speaker_in_clause(cues: &mut SentenceCues<'_>, f: &Found) -> Option<CueHit> {
    let index = cues.index_of(f.span.start)?;
    let (tokens, hits) = cues.get(index)?;
    let mark = token_at(tokens, f.span.start)?;
    let upto = hits.partition_point(|h| h.cue_tokens.1 <= mark);
    let hit = hits
        .get(upto.checked_sub(1)?)
        .filter(|h| mark - h.cue_tokens.1 <= MAX_CUE_DISTANCE)?;
    let interrupted = (hit.cue_tokens.1..mark).any(|k| {
        tokens.is_punct(k, &[';'])
            || tokens.is_dash(k)
            || matches!(tokens.lower(k), "although" | "though" | "whereas")
    });
    let usable = !matches!(hit.kind, HitKind::PassiveAgent | HitKind::AccordingTo);
    (!interrupted && usable).then_some(*hit)
}

/// The rule of each paragraph after the first of a quote continued across
/// paragraphs: it is a quote of its own, with the statement's speaker.
pub const RULE_LATER_PARAGRAPH: &str = "a later paragraph of a quote continued across paragraphs (opening mark repeated); the speaker of the whole statement";

/// A quote continued across paragraphs, one quote per paragraph (the
/// news convention: each paragraph reopens the mark), all with the
/// statement's kind, speaker and cue; the first keeps `quote.rule`, the
/// others [`RULE_LATER_PARAGRAPH`]. Any other quote is pushed as it is.
fn push_per_paragraph(
    text: &str,
    paragraphs: &[(usize, Span)],
    quote: Quote,
    out: &mut Vec<Quote>,
) {
    let first = paragraphs.partition_point(|(_, p)| p.end <= quote.span.start);
    let spans = paragraphs
        .get(first..)
        .unwrap_or(&[])
        .iter()
        .map(|&(_, p)| p)
        .take_while(|p| p.start < quote.span.end);
    let pieces_before = out.len();
    for (i, p) in spans.enumerate() {
        let start = p.start.max(quote.span.start);
        let end = p.end.min(quote.span.end);
        let body = text.get(start..end).unwrap_or("");
        let end = start + body.trim_end().len();
        let content_start = if i == 0 {
            quote.content.start
        } else {
            // Past the reopening mark.
            start
                + body
                    .chars()
                    .next()
                    .filter(|c| matches!(c, '"' | '“' | '\'' | '‘' | '«'))
                    .map_or(0, char::len_utf8)
        };
        let content_end = quote.content.end.min(end).max(content_start);
        if start >= end || content_start >= content_end {
            continue;
        }
        out.push(Quote {
            span: Span::new(start, end),
            content: Span::new(content_start, content_end),
            rule: if i == 0 {
                quote.rule
            } else {
                RULE_LATER_PARAGRAPH
            },
            ..quote.clone()
        });
    }
    if out.len() == pieces_before {
        out.push(quote);
    }
}

/// Resolves kinds and speakers, in text order.
fn attribute(
    text: &str,
    sentences: &[Sentence],
    paragraphs: &[(usize, Span)],
    found: &[Found],
    cues: &mut SentenceCues<'_>,
) -> Vec<Quote> {
    let mut quotes: Vec<Quote> = Vec::with_capacity(found.len());
    // The last direct quote with a speaker, and the sentence its words end in.
    let mut previous: Option<(usize, Option<Span>, Span)> = None;
    for f in found {
        let content = f.content.text(text);
        // Counting stops at the threshold: a long quote costs no more.
        let long = content
            .split_whitespace()
            .nth(DIRECT_QUOTE_WORDS.saturating_sub(1))
            .is_some();
        let after = speaker_after(cues, text, f);
        let before = if after.is_none() {
            speaker_before(cues, f)
        } else {
            None
        };
        let whole_sentence = cues.index_of(f.span.start).is_some_and(|index| {
            sentences.get(index).is_some_and(|s| {
                s.span.start == f.span.start && f.span.end >= s.span.end.saturating_sub(1)
            })
        });
        let direct = after.is_some()
            || before.is_some()
            || f.pairing == Pairing::Continued
            || long
            || whole_sentence
            || has_inner_sentence_break(content);
        let (hit, mut from) = match (after, before) {
            (Some(hit), _) => (Some(hit), SpeakerFrom::AfterQuote),
            (None, Some(hit)) => (Some(hit), SpeakerFrom::BeforeQuote),
            _ => match speaker_in_clause(cues, f) {
                Some(hit) => (Some(hit), SpeakerFrom::InClause),
                None => (None, SpeakerFrom::None),
            },
        };
        let mut speaker = hit.and_then(|h| h.source);
        let mut cue = hit.map(|h| h.cue);
        let opening_sentence = cues.index_of(f.span.start);
        // A direct quote with no cue of its own continues the last speaker,
        // if that speaker's words ended in this sentence or the one before.
        // Not a quote its own sentence introduces with a colon ("A sign
        // taped to the shelter reads: …"): whoever or whatever that lead
        // names, it is not the last speaker carrying on.
        let introduced = opening_sentence
            .and_then(|index| sentences.get(index))
            .and_then(|s| text.get(s.span.start..f.span.start))
            .is_some_and(|lead| {
                lead.trim_end().ends_with(':') && lead.split_whitespace().count() >= 3
            });
        if direct
            && hit.is_none()
            && !introduced
            && let (Some((sentence, prev_speaker, prev_cue)), Some(here)) =
                (previous, opening_sentence)
            && (here == sentence || here == sentence + 1)
        {
            speaker = prev_speaker;
            cue = Some(prev_cue);
            from = SpeakerFrom::Previous;
        }
        let nested = quotes
            .iter()
            .rev()
            .take(MAX_DEPTH)
            .any(|q| q.span.contains(f.span));
        if direct
            && !nested
            && speaker.is_some()
            && let Some(cue_span) = cue
        {
            let last = f.span.end.max(cue_span.end).saturating_sub(1);
            previous = cues
                .index_of(last)
                .map(|sentence| (sentence, speaker, cue_span));
        }
        let quote = Quote {
            span: f.span,
            content: f.content,
            kind: if direct {
                QuoteKind::Direct
            } else {
                QuoteKind::ScareQuote
            },
            speaker,
            cue,
            rule: rule_for(f.pairing, from),
        };
        if f.pairing == Pairing::Continued && !nested {
            push_per_paragraph(text, paragraphs, quote, &mut quotes);
        } else {
            quotes.push(quote);
        }
    }
    // A statement's later paragraphs before the quotes nested in them.
    sort_by_numbers(&mut quotes, |q| {
        [key(q.span.start), u64::MAX - key(q.span.end), 0]
    });
    quotes
}

/// Does the quoted text hold a sentence end followed by more words?
fn has_inner_sentence_break(content: &str) -> bool {
    let trimmed = content.trim_end();
    trimmed.char_indices().any(|(at, c)| {
        matches!(c, '.' | '!' | '?')
            && trimmed.get(at + 1..).is_some_and(|rest| {
                rest.starts_with(is_space) && rest.trim_start().starts_with(char::is_uppercase)
            })
    })
}
