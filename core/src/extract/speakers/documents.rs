//! Written texts as speakers ("the statement said", "it said" of a letter),
//! "according to", and possessives in apposition.

use super::looking_back::NAMED_BY_KIND;
use super::{
    Context, EntityKind, Event, HONORIFICS, MAX_MENTIONS_BACK, Mention, ORG_NOUNS, Quote,
    ROLE_WORDS, Resolution, SPEECH_VERBS, Span, Speaker, TEXT_NOUNS, WordSet, contains,
    word_before, words,
};

/// Prepositions that give where or through what something was said ("on
/// LinkedIn", "to the BBC", "in Parliament"): the name they govern is no
/// speaker ("for", "from" and "by" may give one: "a spokesman for the
/// union", "a statement from the club").
static MEDIUM_PREPOSITIONS: WordSet = WordSet::new("at|in|into|on|to|via|with");

impl<'a> Context<'a> {
    /// `"…," it said` after a sentence that opens with "The letter" (or
    /// statement, message, email, note, post): "it" is the text, and the
    /// speaker is who the sentences before say wrote it ("<Name> said in a
    /// letter to parents that …. The letter, headed "…", was read out."):
    /// the latest speech source before that sentence, in its paragraph or
    /// the one before, whose own sentence names a text of the same noun.
    pub(super) fn document_it(&self, quote: &Quote, events: &[Event]) -> Option<Speaker> {
        let text = self.text;
        let written = quote.speaker?;
        let text_noun = |w: Span| TEXT_NOUNS.has_exact(w.text(text));
        // `"…," the letter said` after "In a letter sent to parents, the
        // school said …": news names a written text's sender once and then
        // lets the text speak. As for "it" after "The letter …".
        let mut own = words(text, written);
        if let (Some(the), Some(noun), None) = (own.next(), own.next(), own.next())
            && the.text(text).eq_ignore_ascii_case("the")
            && text_noun(noun)
        {
            let here = self.paragraph_at(quote.span.start);
            return self.document_writer(noun.text(text), quote.span.start, here, events, written);
        }
        if !written.text(text).eq_ignore_ascii_case("it") {
            return None;
        }
        let s = self.sentence_of(quote.span.start)?;
        let prev = self.sentences.get(s.checked_sub(1)?)?;
        let mut ws = words(text, prev.span);
        let (the, noun) = (ws.next()?, ws.next()?);
        if the.text(text) != "The" || !text_noun(noun) {
            return None;
        }
        let here = self.paragraph_at(prev.span.start);
        self.document_writer(noun.text(text), prev.span.start, here, events, written)
    }

    /// The writer of a text (`noun`: "letter", "statement") named before
    /// byte `before`: the latest sentence naming "a/the <noun>", in
    /// paragraph `here` or the one before, gives it: the person named last
    /// before the noun in that sentence, else the source of its speech
    /// verb. A sentence that introduces the text ("a statement", "its
    /// letter") with no speech source the stage knows gives the first name
    /// before the noun ("Kestrel Bank issued a statement"), or no one ("The
    /// local council said in a statement that …": a sender no entity
    /// names), never an earlier text's sender; one that only refers back to
    /// it ("The statement was posted at 9pm") is passed over.
    pub(super) fn document_writer(
        &self,
        noun: &str,
        before: usize,
        here: usize,
        events: &[Event],
        written: Span,
    ) -> Option<Speaker> {
        let text = self.text;
        // Where a sentence (up to `before`) names the text, and whether it
        // introduces it.
        let names_text = |span: Span| {
            let mut last = "";
            words(text, span)
                .find(|w| {
                    let t = w.text(text);
                    let hit = t == noun
                        && matches!(last, "a" | "an" | "the" | "her" | "his" | "its" | "their");
                    last = t;
                    hit
                })
                .map(|w| (w.start, last != "the"))
        };
        let here_sentence = self.sentence_of(before)?;
        for i in (here_sentence.saturating_sub(MAX_MENTIONS_BACK)..=here_sentence).rev() {
            let sentence = self.sentences.get(i)?;
            if self.paragraph_of.get(i).copied().unwrap_or(0) + 1 < here {
                return None;
            }
            let end = sentence.span.end.min(before);
            if end <= sentence.span.start {
                continue;
            }
            let Some((at, introduces)) = names_text(Span::new(sentence.span.start, end)) else {
                continue;
            };
            let source = events
                .iter()
                .rev()
                .filter(|ev| ev.at < end)
                .take(4)
                .find(|ev| ev.at >= sentence.span.start)
                .map(|ev| ev.entity);
            if source.is_none() && !introduces {
                continue;
            }
            // "The headteacher of Larkfield, Simon Achterberg, said in a
            // letter": the person named last before the text is its writer.
            let before_noun = self.mentions_in(sentence.span.start, at);
            let writer = before_noun
                .iter()
                .rev()
                .take(MAX_MENTIONS_BACK)
                .find(|m| {
                    self.kind(m.entity) == Some(EntityKind::Person) && !self.possessive(m.entity)
                })
                .map(|m| m.entity)
                .or(source)
                .or_else(|| self.named_in_first(Span::new(sentence.span.start, at)));
            let writer = match writer {
                Some(writer) => writer,
                // "The local council said in a statement": a body news
                // names by its kind that no organisation of the text is has
                // sent it, and the text has no speaker the stage knows;
                // other senders are left to the rules after this one.
                None => match self.opening_org_noun(sentence.span.start, at) {
                    Some(noun)
                        if contains(&NAMED_BY_KIND, noun)
                            && self
                                .org_back(sentence.span.start, Some(noun), events)
                                .is_none() =>
                    {
                        return Some(Speaker::none(Some(written)));
                    }
                    _ => return None,
                },
            };
            let mut speaker = Speaker::resolved(writer, Resolution::EarlierSentence);
            speaker.written = Some(written);
            return Some(speaker);
        }
        None
    }

    /// The organisation noun of a sentence opening "The" and at most two
    /// lowercase words before it ("The company", "The local council"),
    /// before byte `end`.
    fn opening_org_noun(&self, start: usize, end: usize) -> Option<&'a str> {
        let text = self.text;
        let mut ws = words(text, Span::new(start, end));
        if !ws.next()?.text(text).eq_ignore_ascii_case("the") {
            return None;
        }
        ws.take(3)
            .take_while(|w| w.text(text).starts_with(char::is_lowercase))
            .map(|w| w.text(text))
            .find(|w| contains(&ORG_NOUNS, w))
    }

    /// `"…," the statement went on`: a speaker written as "the" and a noun
    /// for a written text ("statement", "letter", "message") continues the
    /// speaker of the quote just before (in this paragraph or the one
    /// before) when that quote's sentence, or the sentence before it, names
    /// the same text ("In a statement read to the court, her husband,
    /// Robert, wrote: "…"").
    pub(super) fn same_document(
        &self,
        quote: &Quote,
        before: &[Quote],
        resolved: &[Speaker],
    ) -> Option<Speaker> {
        let text = self.text;
        // As the quote stage wrote it, else right after the closing mark
        // ("the statement went on", "the letter continued").
        let written = match quote.speaker {
            Some(written) => written,
            None => {
                let end = text.len().min(quote.span.end + 48);
                let next: Vec<Span> = words(text, Span::new(quote.span.end, end))
                    .take(3)
                    .collect();
                let (the, verb) = (next.first()?, next.get(2)?);
                if !text
                    .get(quote.span.end..the.start)
                    .is_some_and(|g| g.trim().is_empty())
                    || !(contains(&SPEECH_VERBS, verb.text(text))
                        || matches!(verb.text(text), "went" | "continued" | "concluded" | "read"))
                {
                    return None;
                }
                Span::new(the.start, next.get(1)?.end)
            }
        };
        let mut ws = words(text, written);
        let (the, noun) = (ws.next()?, ws.next()?);
        if ws.next().is_some()
            || !the.text(text).eq_ignore_ascii_case("the")
            || !TEXT_NOUNS.has_exact(noun.text(text))
        {
            return None;
        }
        let (prev, speaker) = before
            .iter()
            .zip(resolved)
            .rev()
            .take(8)
            .find(|(q, _)| !q.span.contains(quote.span) && q.span.end <= quote.span.start)?;
        if speaker.entity.is_none()
            || speaker.resolution == Resolution::Unresolved
            || self.paragraph_at(prev.span.start) + 1 < self.paragraph_at(quote.span.start)
        {
            return None;
        }
        let s = self.sentence_of(prev.span.start)?;
        let start = self
            .sentences
            .get(s.saturating_sub(1))
            .filter(|p| p.part == self.sentences.get(s).map_or(usize::MAX, |x| x.part))
            .or_else(|| self.sentences.get(s))?
            .span
            .start;
        let end = self.sentences.get(s)?.span.end;
        let named = words(text, Span::new(start, end))
            .take(MAX_MENTIONS_BACK * 4)
            .any(|w| w.text(text).eq_ignore_ascii_case(noun.text(text)));
        named.then(|| Speaker {
            written: Some(written),
            resolution: Resolution::Continuation,
            candidates: Vec::new(),
            ..speaker.clone()
        })
    }

    /// An organisation by common noun, or a person by role ("The chief
    /// constable said the roads were "…""), as the subject of the quote's
    /// sentence, with a speech verb of its own before the quote ("that",
    /// "who" or "which" before the verb makes it another's) and no person
    /// named before the quote: `The force appealed for …, and said it was
    /// "…"`, `The league said in a statement that … "…"`, `The airline,
    /// which is owned by …, said it had offered "…"` (a relative clause in
    /// commas after the noun is passed over) → the noun → the
    /// organisation, resolved as any written nominal.
    pub(super) fn nominal_subject(&self, quote: &Quote, events: &[Event]) -> Option<Speaker> {
        let text = self.text;
        let prefix = self.before_in_sentence(quote)?;
        if prefix.text(text).contains([';', '"', '“', '”']) {
            return None;
        }
        let s = self.sentence_of(quote.span.start)?;
        let lead = Span::new(self.sentence_lead(s).max(prefix.start), prefix.end);
        let mut ws = words(text, lead).peekable();
        let the = ws.next()?;
        if !matches!(the.text(text), "The" | "the") {
            return None;
        }
        // The noun: the last of at most three lowercase words before the
        // verb or a comma ("The force", "The chief constable", "The
        // forecaster"), an organisation's or a person's role.
        let head_noun = |w: Span| {
            contains(&ORG_NOUNS, w.text(text))
                || self.person_role_head(w.text(text), quote.span.start)
        };
        let mut noun = ws.next()?;
        for _ in 1..3 {
            let lower = |w: Span| w.text(text).starts_with(char::is_lowercase);
            if !lower(noun) || text.get(noun.end..).is_some_and(|r| r.starts_with(',')) {
                break;
            }
            // A head noun ends the phrase unless another follows ("The
            // force appealed"; "The chief constable").
            match ws.peek().copied() {
                Some(next)
                    if lower(next)
                        && (!head_noun(noun) || head_noun(next))
                        && !contains(&SPEECH_VERBS, next.text(text))
                        && !matches!(next.text(text), "who" | "which" | "that") =>
                {
                    noun = next;
                    ws.next();
                }
                _ => break,
            }
        }
        if !noun.text(text).starts_with(char::is_lowercase)
            || !head_noun(noun)
            || !text
                .get(noun.end..)
                .is_some_and(|r| r.starts_with([' ', ',']))
        {
            return None;
        }
        // A relative clause in commas after the noun ("The airline, which
        // is owned by …, said") is passed over.
        let after_noun = text.get(noun.end..).unwrap_or("");
        let skip_to = if after_noun.starts_with(", which ") || after_noun.starts_with(", who ") {
            let clause = after_noun.get(2..).unwrap_or("");
            let close = clause
                .find(',')
                .filter(|&c| !clause.get(..c).unwrap_or("").contains(['.', '"', '“']))?;
            noun.end + 2 + close + 1
        } else if after_noun.starts_with(' ') {
            noun.end
        } else {
            return None;
        };
        // Its own speech verb, with no "that", "who" or "which" before it
        // (the verb would be another's), and no person named between the
        // subject and the quote (the words would be theirs).
        let verb = ws
            .skip_while(|w| w.start < skip_to)
            .take(MAX_MENTIONS_BACK)
            .find_map(|w| match w.text(text) {
                "that" | "who" | "which" => Some(None),
                t if contains(&SPEECH_VERBS, t) => Some(Some(w)),
                _ => None,
            })??;
        if self
            .mentions_in(noun.end, quote.span.start)
            .iter()
            .take(MAX_MENTIONS_BACK)
            .any(|m| self.kind(m.entity) == Some(EntityKind::Person))
        {
            return None;
        }
        let written = Span::new(the.start, noun.end);
        let mut found = self.resolve_written(written, verb.start, events, None);
        if found.entity.is_none() || found.resolution == Resolution::Unresolved {
            return None;
        }
        found.written = None;
        Some(found)
    }

    /// The source of a sentence opening "According to <name>," before the
    /// quote: `According to union organiser Ned Quill, "…"`.
    pub(super) fn according_to(&self, quote: &Quote) -> Option<usize> {
        let text = self.text;
        let prefix = self.before_in_sentence(quote)?;
        let body = prefix.text(text);
        let rest = body
            .strip_prefix("According to ")
            .or_else(|| body.strip_prefix("according to "))?;
        let comma = rest.find(',')?;
        // "According to Dr Ravi Menon, who chairs the committee, …": a
        // relative clause about the source, closed by its comma.
        let tail = match rest.get(comma + 1..) {
            Some(r) if r.starts_with(" who ") => comma + 1 + r.find(',')? + 1,
            _ => comma + 1,
        };
        if rest
            .get(tail..)
            .is_some_and(|r| r.contains(['"', '“', '”', ';', ',']))
        {
            return None;
        }
        let start = prefix.start + (body.len() - rest.len());
        self.named_in_first(Span::new(start, start + comma))
    }

    /// The first person in `span`, else its first organisation or group;
    /// a possessive name gives way to one that is not ("Dunstan's lawyer,
    /// Omar Bick, said": Bick).
    pub(super) fn named_in_first(&self, span: Span) -> Option<usize> {
        let inside = self.mentions_in(span.start, span.end);
        let person = |m: &&Mention| self.kind(m.entity) == Some(EntityKind::Person);
        inside
            .iter()
            .filter(person)
            .find(|m| !self.possessive(m.entity))
            .or_else(|| {
                inside
                    .iter()
                    .take(MAX_MENTIONS_BACK)
                    .zip(inside.iter().skip(1))
                    .find(|(owner, m)| self.apposed_to_possessive(owner, m))
                    .map(|(_, m)| m)
            })
            .or_else(|| inside.iter().find(person))
            // Not a name a preposition governs: "he posted on LinkedIn:",
            // "Speaking to the BBC, …:" name where, not who.
            .or_else(|| inside.iter().find(|m| !self.after_preposition(m.at)))
            .map(|m| m.entity)
    }

    /// Does a preposition govern the name at byte `at` ("on LinkedIn",
    /// "to the BBC")?
    fn after_preposition(&self, at: usize) -> bool {
        let text = self.text;
        let Some(mut before) = word_before(text, at) else {
            return false;
        };
        if before.text(text).eq_ignore_ascii_case("the")
            && let Some(earlier) = word_before(text, before.start)
        {
            before = earlier;
        }
        contains(&MEDIUM_PREPOSITIONS, &before.text(text).to_lowercase())
    }

    /// Is `m` an organisation or group in apposition to a possessive
    /// person's noun right before it ("Moss's union, the General Workers
    /// Union,": the union, not Moss)?
    pub(super) fn apposed_to_possessive(&self, owner: &Mention, m: &Mention) -> bool {
        self.kind(owner.entity) == Some(EntityKind::Person)
            && self.possessive(owner.entity)
            && self.kind(m.entity) != Some(EntityKind::Person)
            && !self.possessive(m.entity)
            && self.apposed_gap(owner.entity, m.entity)
    }

    /// Is mention `m` in apposition to the noun after possessive mention
    /// `owner`: `'s`, one to three lowercase words, a comma, then nothing,
    /// "the" or title words ("Leo's consultant, Dr Anil Kapoor")?
    pub(super) fn apposed_gap(&self, owner: usize, m: usize) -> bool {
        let text = self.text;
        let (Some(o), Some(e)) = (self.entities.get(owner), self.entities.get(m)) else {
            return false;
        };
        let Some(gap) = text.get(o.span.end..e.span.start) else {
            return false;
        };
        let Some(rest) = gap.strip_prefix("'s ").or_else(|| gap.strip_prefix("’s ")) else {
            return false;
        };
        let Some((noun, after)) = rest.split_once(',') else {
            return false;
        };
        let nouns = noun.split_whitespace().count();
        (1..=3).contains(&nouns)
            && noun
                .split_whitespace()
                .all(|w| w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
            && after.split_whitespace().count() <= 3
            && after.split_whitespace().all(|w| {
                let w = w.trim_end_matches('.');
                w == "the"
                    || contains(&HONORIFICS, &w.to_ascii_lowercase())
                    || contains(&ROLE_WORDS, &w.to_ascii_lowercase())
            })
    }

    /// Is mention `entity` written as a possessive ("Dunstan's")?
    pub(super) fn possessive(&self, entity: usize) -> bool {
        self.entities.get(entity).is_some_and(|e| {
            self.text
                .get(e.span.end..)
                .is_some_and(|r| r.starts_with("'s") || r.starts_with("’s"))
        })
    }
}
