//! Quotes that are no one's words: scare quotes, quoted terms, inscriptions and
//! titles.

use super::{
    Context, Quote, QuoteKind, SPEECH_VERBS, STOP_WORDS, Span, WordSet, contains, word_before,
    words,
};

/// Nouns before a quoted title: the quote names a document, not speech.
static DOCUMENT_NOUNS: WordSet = WordSet::new(
    "app|article|banner|billboard|blog|book|booklet|brochure|called|campaign|column|\
     document|entitled|essay|film|guide|handbook|headline|leaflet|motto|named|notice|\
     pamphlet|paper|placard|plan|podcast|poster|programme|program|report|review|scheme|\
     sign|slogan|strategy|study|title|titled|website",
);

/// Things that carry written words and are said to "read" or "say" them
/// ("A sign at the entrance still read "…"", "the placards said "…""):
/// the words are an inscription, nobody's speech.
static INSCRIPTION_NOUNS: WordSet = WordSet::new(
    "banner|billboard|graffiti|inscription|label|note|notice|placard|plaque|poster|sign|\
     signpost|slogan|sticker|t-shirt|tattoo",
);

/// Verbs an inscription governs its words with.
static INSCRIPTION_VERBS: WordSet =
    WordSet::new("declared|declares|proclaimed|proclaims|read|reads|said|says|warned|warns");

/// Written findings, decisions and other documents whose words news
/// quotes as the text's own ("The report said …", "The ruling states:
/// …", "The petition reads: …"): no one speaks. Not the texts a sender
/// writes (letter, statement, email), whose words are the sender's.
static FINDING_NOUNS: WordSet = WordSet::new(
    "agreement|audit|bill|complaint|contract|decision|document|documents|filing|findings|\
     guidance|indictment|judgment|judgement|law|lawsuit|manifesto|memo|minutes|motion|\
     order|papers|petition|policy|proposal|regulations|report|review|ruling|rules|study|\
     survey|warrant",
);

/// Texts a sender writes ("A letter from the council said: …", "The
/// email, sent to every tenant, said: …"): the words are the sender's
/// when the text names one, else nobody's.
static SENT_NOUNS: WordSet = WordSet::new("email|letter|message|note|statement");

/// Verbs a written finding takes for what it says.
static FINDING_VERBS: WordSet = WordSet::new(
    "add|added|adds|allege|alleged|alleges|blamed|blames|call|called|calls|conclude|\
     concluded|concludes|criticised|criticises|describe|described|describes|find|found|\
     finds|note|noted|notes|read|reads|recommend|recommended|recommends|record|recorded|\
     records|said|say|says|show|showed|shows|state|stated|states|urge|urged|urges|warn|\
     warned|warns",
);

/// Nouns that gloss a quoted expression as one: `"silent" cover, the
/// term the industry uses for …`, `"the Hook", the nickname fans gave …`.
static GLOSS_NOUNS: WordSet =
    WordSet::new("expression|jargon|label|name|nickname|phrase|term|word");

/// Most words between a quoted expression and the comma of its gloss (the
/// noun it modifies: `"silent" cover, the term …`).
const GLOSS_GAP_WORDS: usize = 2;

/// Most characters after a quote read for its gloss: two words, a comma,
/// "the" and the gloss noun fit many times over.
const GLOSS_REACH_CHARS: usize = 200;

/// Whether what follows a quote's closing mark glosses it as an expression:
/// at most [`GLOSS_GAP_WORDS`] words, a comma, then "the" or "a" and one of
/// [`GLOSS_NOUNS`] (`"silent" cover, the term the industry uses for …`).
fn glossed_as_a_term(after: &str) -> bool {
    let Some((gap, rest)) = after.split_once(',') else {
        return false;
    };
    if gap.split_whitespace().count() > GLOSS_GAP_WORDS || gap.contains(['.', ';', ':', '!', '?']) {
        return false;
    }
    let mut words = rest.split_whitespace();
    matches!(
        words.next().map(str::to_ascii_lowercase).as_deref(),
        Some("the" | "a")
    ) && words.next().is_some_and(|w| {
        contains(
            &GLOSS_NOUNS,
            &w.trim_end_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase(),
        )
    })
}

/// A written text a quote's sentence has for its subject
/// ([`Context::written_text`]).
pub(super) enum WrittenText {
    /// A finding or decision ([`FINDING_NOUNS`]): its words are no one's.
    Finding,
    /// A text a sender writes ([`SENT_NOUNS`]): its noun and the subject
    /// phrase, where the sender may be named.
    Sent { noun: Span, phrase: Span },
}

impl<'a> Context<'a> {
    /// The written text the quote's sentence has for its subject
    /// ([`Context::document_subject`]): a finding whose verb, before the
    /// quote, says what it says ("The report said some patients had been
    /// left …", "The CAA's report, published on Monday, found …", "The
    /// ruling states: "…""), whose words are the document's (no speaker,
    /// not a continuation of whoever spoke before); or a text a sender
    /// writes ("A letter from the council said: "…"", "The email, sent to
    /// every tenant, said: "…""), with its noun and subject phrase.
    pub(super) fn written_text(&self, quote: &Quote) -> Option<WrittenText> {
        let (noun, phrase) = self.document_subject(quote)?;
        let word = noun.text(self.text);
        if contains(&FINDING_NOUNS, word) {
            Some(WrittenText::Finding)
        } else if contains(&SENT_NOUNS, word) {
            Some(WrittenText::Sent { noun, phrase })
        } else {
            None
        }
    }

    /// The subject of the quote's sentence when it is a written text (a
    /// noun of [`FINDING_NOUNS`] or [`SENT_NOUNS`]) whose verb, before the
    /// quote, says what the text says: the noun and the subject phrase (up
    /// to the verb). A determiner, up to two modifiers and the noun open
    /// the subject; a comma-closed insertion (", published on Monday,"),
    /// "also" or an auxiliary may come before the verb. Not when the quote
    /// has a cue of its own after it ("…," the report said), read as a
    /// speaker is.
    fn document_subject(&self, quote: &Quote) -> Option<(Span, Span)> {
        let text = self.text;
        if quote.cue.is_some_and(|c| c.start >= quote.span.end) {
            return None;
        }
        let s = self.sentence_of(quote.span.start)?;
        let start = self.sentence_lead(s);
        if start >= quote.span.start {
            return None;
        }
        let prefix = Span::new(start, quote.span.start);
        let ws: Vec<Span> = words(text, prefix).take(24).collect();
        let t = |i: usize| ws.get(i).map_or("", |w| w.text(text));
        if !matches!(
            t(0).to_ascii_lowercase().as_str(),
            "the" | "a" | "an" | "its" | "their" | "this" | "that" | "his" | "her"
        ) {
            return None;
        }
        let noun =
            (1..=3).find(|&i| contains(&FINDING_NOUNS, t(i)) || contains(&SENT_NOUNS, t(i)))?;
        // The words between the determiner and the noun are modifiers.
        if (1..noun).any(|i| t(i).is_empty() || contains(&STOP_WORDS, t(i))) {
            return None;
        }
        let mut i = noun + 1;
        // ", published on Monday," between the subject and its verb.
        let after_noun = ws.get(noun).map_or(prefix.end, |w| w.end);
        if text.get(after_noun..).is_some_and(|r| r.starts_with(',')) {
            let close = ws.iter().enumerate().skip(i).find_map(|(k, w)| {
                text.get(w.end..)
                    .is_some_and(|r| r.starts_with(','))
                    .then_some(k + 1)
            })?;
            if close > i + 8 {
                return None;
            }
            i = close;
        } else {
            // "A letter signed by 300 residents and sent to the council
            // said": a participle phrase, up to fourteen words.
            let participle = t(i).ends_with("ed") && !contains(&FINDING_VERBS, t(i));
            let from = matches!(t(i), "from" | "by");
            if participle || from {
                i = (i + 1..ws.len().min(i + 15)).find(|&k| contains(&FINDING_VERBS, t(k)))?;
            }
        }
        while matches!(t(i), "also" | "further" | "has" | "had" | "have" | "then") {
            i += 1;
        }
        if !contains(&FINDING_VERBS, t(i)) {
            return None;
        }
        let first = ws.first()?;
        let verb = ws.get(i)?;
        Some((*ws.get(noun)?, Span::new(first.start, verb.start)))
    }

    /// A quoted term used as a modifier inside a noun phrase: after a
    /// determiner or possessive and before a noun (`the council's "open
    /// door" policy`, `its "fair share" rule`), or after "so-called": a
    /// scare quote, whatever speech verb stands before it.
    pub(super) fn is_modifier_term(&self, quote: &Quote) -> bool {
        if quote.kind != QuoteKind::ScareQuote {
            return false;
        }
        let text = self.text;
        let lead = text.get(..quote.span.start).unwrap_or("");
        // "the so-called "fair share" rule": a term, whoever used it.
        if word_before(text, quote.span.start)
            .is_some_and(|w| w.text(text).eq_ignore_ascii_case("so-called"))
        {
            return true;
        }
        // Read only as far as a gloss can reach, so that a text with no
        // comma costs no more per quote.
        let after = text.get(quote.span.end..).unwrap_or("");
        let reach = after
            .char_indices()
            .nth(GLOSS_REACH_CHARS)
            .map_or(after.len(), |(i, _)| i);
        if glossed_as_a_term(&after[..reach]) {
            return true;
        }
        let determiner = |w: Span| {
            matches!(
                w.text(text).to_ascii_lowercase().as_str(),
                "the"
                    | "a"
                    | "an"
                    | "its"
                    | "his"
                    | "her"
                    | "their"
                    | "our"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
            )
        };
        // "its own "quiet lanes" scheme", "the party's own "fair deal"
        // pledge": news writes a body's own label for its scheme after a
        // possessive and "own"; the term is a modifier all the same.
        let own = |w: Span| {
            let before = text.get(..w.start).unwrap_or("").trim_end();
            w.text(text).eq_ignore_ascii_case("own")
                && (before.ends_with("'s")
                    || before.ends_with("’s")
                    || word_before(text, w.start).is_some_and(determiner))
        };
        let determined = lead.ends_with(' ')
            && (lead.trim_end().ends_with("'s")
                || lead.trim_end().ends_with("’s")
                || word_before(text, quote.span.start).is_some_and(|w| determiner(w) || own(w)));
        let noun = text
            .get(quote.span.end..)
            .and_then(|r| r.strip_prefix(' '))
            .and_then(|r| {
                let word = r.split(|c: char| !c.is_alphanumeric() && c != '-').next()?;
                Some(word)
            })
            .is_some_and(|w| {
                w.starts_with(char::is_lowercase)
                    && !contains(&STOP_WORDS, w)
                    && !contains(&SPEECH_VERBS, w)
            });
        determined && noun
    }

    /// A short term after "what <common nouns> call(s) (a)": `what his
    /// caucus calls a "commuter tax"`, `what critics have called the
    /// "ghost fleet"` — a label an unnamed group uses, no one's words to
    /// quote (`what Okafor called "…"` names its speaker, and is left to
    /// the other rules).
    pub(super) fn is_unnamed_callers_term(&self, quote: &Quote) -> bool {
        if quote.kind != QuoteKind::ScareQuote {
            return false;
        }
        let text = self.text;
        let start = quote.span.start;
        let mut from = start.saturating_sub(80);
        while from < start && !text.is_char_boundary(from) {
            from += 1;
        }
        let Some(lead) = text.get(from..start) else {
            return false;
        };
        let ws: Vec<&str> = lead.split_whitespace().collect();
        let mut end = ws.len();
        if end > 0
            && ws
                .get(end - 1)
                .is_some_and(|w| matches!(*w, "a" | "an" | "the"))
        {
            end -= 1;
        }
        if end == 0
            || !ws
                .get(end - 1)
                .is_some_and(|w| matches!(*w, "call" | "calls" | "called"))
        {
            return false;
        }
        let verb = end - 1;
        let Some(what) = (verb.saturating_sub(6)..verb)
            .rev()
            .find(|&i| ws.get(i).is_some_and(|w| w.eq_ignore_ascii_case("what")))
        else {
            return false;
        };
        let callers = ws.get(what + 1..verb).unwrap_or(&[]);
        !callers.is_empty()
            && callers.len() <= 4
            && callers.iter().all(|w| {
                w.starts_with(char::is_lowercase) && !w.contains([',', '.', ';', '"', '“', '”'])
            })
            && !callers
                .iter()
                .any(|w| matches!(*w, "he" | "she" | "it" | "i" | "we" | "they" | "you"))
    }

    /// The words an inscription carries: the quote's sentence opens with a
    /// determiner and a noun of [`INSCRIPTION_NOUNS`] (one modifier may come
    /// between: "A hand-painted sign", plural too: "The signs put up by
    /// the board"; or it opens with a bare plural: "Signs at the station"),
    /// and the word right before the opening mark is a verb of
    /// [`INSCRIPTION_VERBS`] ("read", "said").
    pub(super) fn is_inscription(&self, quote: &Quote) -> bool {
        let text = self.text;
        let Some(prefix) = self.before_in_sentence(quote) else {
            return false;
        };
        let before_mark = prefix.text(text).trim_end_matches([' ', ',', ':']);
        if !word_before(text, prefix.start + before_mark.len())
            .is_some_and(|w| contains(&INSCRIPTION_VERBS, w.text(text)))
        {
            return false;
        }
        let mut ws = words(text, prefix).peekable();
        // A live blog's entry opens with its time ("11:02 A sign …").
        let clock = |t: &str| {
            t.split_once(':').is_some_and(|(h, m)| {
                !h.is_empty()
                    && h.len() <= 2
                    && m.len() == 2
                    && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
            })
        };
        let lead = prefix.text(text).trim_start();
        if let Some(first) = lead.split_whitespace().next()
            && clock(first)
        {
            let past = prefix.start + (prefix.text(text).len() - lead.len()) + first.len();
            while ws.peek().is_some_and(|w| w.start < past) {
                ws.next();
            }
        }
        let Some(first) = ws.next() else {
            return false;
        };
        let determiner = matches!(
            first.text(text),
            "A" | "An" | "The" | "One" | "Another" | "Its" | "Their" | "His" | "Her"
        );
        let plural = |w: Span| {
            w.text(text)
                .to_ascii_lowercase()
                .strip_suffix('s')
                .is_some_and(|one| contains(&INSCRIPTION_NOUNS, one))
        };
        let noun =
            |w: Span| contains(&INSCRIPTION_NOUNS, &w.text(text).to_ascii_lowercase()) || plural(w);
        // A bare plural opens the sentence too: "Signs at the station read
        // "…"".
        (determiner && ws.take(2).any(noun)) || plural(first)
    }

    /// A quoted title, document, sign or banner: a scare quote after a
    /// document noun, or one whose every word is capitalised.
    pub(super) fn is_title(&self, quote: &Quote) -> bool {
        let direct = quote.kind == QuoteKind::Direct;
        if quote.kind != QuoteKind::ScareQuote && !direct {
            return false;
        }
        let text = self.text;
        let content = quote.content.text(text);
        // Every word capitalised but small function words; a long title may
        // hold one lowercase word ("… in Bombus terrestris").
        let (mut count, mut lower) = (0, 0);
        for w in content.split_whitespace() {
            count += 1;
            let w = w.trim_start_matches(|c: char| !c.is_alphanumeric());
            let capital = w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || matches!(
                    w,
                    "a" | "an" | "and" | "of" | "the" | "to" | "in" | "for" | "on" | "if"
                );
            if !capital {
                lower += 1;
                // Two lowercase words: not a title, whatever follows.
                if lower >= 2 {
                    break;
                }
            }
        }
        let all_caps = count >= 2 && (lower == 0 || (count >= 6 && lower == 1));
        // A document noun right before the mark ("the guide, “…”"), or a
        // naming word after one ("a leaflet headed “…”").
        let before_mark = text
            .get(..quote.span.start)
            .unwrap_or("")
            .trim_end_matches([' ', ',']);
        let after_noun = word_before(text, before_mark.len()).is_some_and(|w| {
            let t = w.text(text);
            let naming = matches!(t, "headed" | "reading" | "read" | "marked" | "says");
            contains(&DOCUMENT_NOUNS, t)
                || (naming && all_caps)
                || (naming
                    && word_before(text, w.start)
                        .is_some_and(|n| contains(&DOCUMENT_NOUNS, n.text(text))))
        });
        if direct {
            // A full title quoted as a sentence-like span: every word
            // capitalised and a document noun before it.
            return all_caps && after_noun;
        }
        // A nickname inside a name: Danny "Tank" Osei.
        let next_upper = text
            .get(quote.span.end..)
            .and_then(|r| r.strip_prefix(' '))
            .is_some_and(|r| r.starts_with(char::is_uppercase));
        let prev_upper = word_before(text, quote.span.start)
            .is_some_and(|w| w.text(text).starts_with(char::is_uppercase));
        // A title opens with a capital or a figure: "the paper "with great
        // interest"" is a remark about the paper, not its title.
        let opens_capital = content
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        (next_upper && prev_upper) || all_caps || (after_noun && opens_capital)
    }
}
