//! One quote's speaker: the rules tried in order, and the sentence subjects and
//! colons they read.

use super::terms::WrittenText;
use super::{
    Context, EntityKind, Event, Gender, MAX_MENTIONS_BACK, Mention, Quote, QuoteKind, Resolution,
    SPEECH_VERBS, Span, Speaker, Wanted, WordSet, contains, word_before, words,
};

/// Words opening a sentence with a phrase that a comma closes before its
/// subject ("In a statement, …", "Speaking on Monday, …").
static OPENING_PREPOSITIONS: WordSet =
    WordSet::new("after|asked|at|before|during|earlier|in|later|on|speaking|writing");

/// How long the noun phrase a sender's name is in apposition to may be
/// ("from the haulage firm that employed him, Brindle Freight,").
const MAX_SENDER_NOUN_BYTES: usize = 60;

impl<'a> Context<'a> {
    /// Resolves one quote, given the quotes and speakers before it.
    pub(super) fn resolve_quote(
        &self,
        quote: &Quote,
        before: &[Quote],
        resolved: &[Speaker],
        events: &[Event],
    ) -> Speaker {
        let text = self.text;
        if let Some(found) = self.chanted_by(quote) {
            return found;
        }
        if let Some(found) = self.second_half(quote, before, resolved) {
            return found;
        }
        if self.is_title(quote) {
            return Speaker::none(None);
        }
        if let Some(found) = self.lede_role(quote) {
            return found;
        }
        let written_text = self.written_text(quote);
        if self.is_modifier_term(quote)
            || self.is_inscription(quote)
            || matches!(written_text, Some(WrittenText::Finding))
            || self.is_unnamed_callers_term(quote)
        {
            return Speaker::none(None);
        }
        // "A letter from <Org> said: "…"": the sender named in the subject,
        // else the sender a sentence before names with the text ("In a
        // letter to parents, the school said …"), else nobody — not
        // whoever spoke last.
        if let Some(WrittenText::Sent { noun, phrase }) = written_text {
            if let Some(m) = self
                .mentions_in(phrase.start, phrase.end)
                .iter()
                .take(MAX_MENTIONS_BACK)
                .find(|m| {
                    // The sender, after "from" or "by" ("the" between);
                    // not a recipient ("sent to Harlow Council").
                    let mut at = m.at;
                    if let Some(w) = word_before(text, at).filter(|w| w.text(text) == "the") {
                        at = w.start;
                    }
                    // Or its name in apposition to the sender's noun: "from
                    // the haulage firm that employed him, Brindle Freight,".
                    let apposed = || {
                        let before = text.get(phrase.start..m.at).unwrap_or("");
                        let Some(cut) = before.rfind(" from ").or_else(|| before.rfind(" by "))
                        else {
                            return false;
                        };
                        let noun = before[cut..].trim_start();
                        let noun = noun.split_once(' ').map_or("", |(_, n)| n);
                        (noun.starts_with("the ") || noun.starts_with("a "))
                            && noun.trim_end().ends_with(',')
                            && noun.matches(',').count() == 1
                            && noun.len() <= MAX_SENDER_NOUN_BYTES
                    };
                    !self.possessive(m.entity)
                        && (word_before(text, at)
                            .is_some_and(|w| matches!(w.text(text), "from" | "by"))
                            || apposed())
                })
            {
                let mut speaker = Speaker::resolved(m.entity, Resolution::NamedInSentence);
                speaker.written = self.entities.get(m.entity).map(|e| e.span);
                return speaker;
            }
            // "Her statement said: "…"": the owner is the sender, read as
            // the pronoun is.
            let owner = words(text, phrase).next().map(|w| w.text(text));
            if let Some(owner @ ("His" | "Her" | "his" | "her" | "Its" | "its")) = owner {
                let mut speaker = Speaker::none(None);
                if owner.eq_ignore_ascii_case("its") {
                    speaker.entity = self.org_back(phrase.start, None, events);
                    speaker.resolution = Resolution::Nominal;
                } else {
                    let gender = if owner.eq_ignore_ascii_case("his") {
                        Gender::Male
                    } else {
                        Gender::Female
                    };
                    self.person_back(
                        phrase.start,
                        Wanted {
                            gender,
                            role: None,
                            exclude: None,
                        },
                        events,
                        Resolution::Pronoun,
                        &mut speaker,
                    );
                }
                if speaker.entity.is_some() {
                    return speaker;
                }
                return Speaker::none(None);
            }
            let here = self.paragraph_at(quote.span.start);
            if let Some(found) =
                self.document_writer(noun.text(text), phrase.start, here, events, phrase)
            {
                return found;
            }
            return Speaker::none(None);
        }
        if let Some(found) = self.later_sentence(quote) {
            return found;
        }
        if let Some(found) = self.nested_speaker(quote, before, resolved) {
            return found;
        }
        if let Some(entity) = self.person_before_colon(quote) {
            return Speaker::resolved(entity, Resolution::Colon);
        }
        if let Some(found) = self.spokes_before_clause(quote) {
            return found;
        }
        // The quote stage's continuation: the same cue as the quote before,
        // unless another person is named between the two ("Owen Price
        // called the decision "…"" after Kowalczyk's quote).
        let mut interrupted = false;
        if let Some(cue) = quote.cue
            && let Some(prev) = before.last()
            && prev.cue == Some(cue)
            && prev.speaker == quote.speaker
        {
            // A speech verb and a colon of its own right before the mark,
            // after the quote before ("A statement from <Org> said: "…""):
            // no continuation, whatever the quote stage carried over.
            let before_mark = text.get(..quote.span.start).unwrap_or("").trim_end();
            if let Some(colon) = before_mark.strip_suffix(':')
                && word_before(text, colon.len()).is_some_and(|w| {
                    w.start >= prev.span.end && contains(&SPEECH_VERBS, w.text(text))
                })
            {
                interrupted = true;
            }
        }
        if let Some(cue) = quote.cue
            && !interrupted
            && let Some((prev, speaker)) = before.iter().zip(resolved).next_back()
            && prev.cue == Some(cue)
            && prev.speaker == quote.speaker
        {
            interrupted = prev.span.end <= quote.span.start
                && self
                    .mentions_in(prev.span.end, quote.span.start)
                    .iter()
                    .take(MAX_MENTIONS_BACK)
                    .any(|m| {
                        self.kind(m.entity) == Some(EntityKind::Person)
                            && speaker
                                .entity
                                .is_none_or(|e| self.key(e) != self.key(m.entity))
                    });
            // A speaker after its own closing mark that the quote stage
            // did not read ("…," said a porter who gave only his first
            // name, Ned) is no continuation.
            if !interrupted
                && let Some(found) = self.after_quote(quote, events)
                && found.entity.is_some()
                && found.resolution != Resolution::Unresolved
            {
                return found;
            }
            if !interrupted {
                let mut speaker = speaker.clone();
                if speaker.entity.is_some() && speaker.resolution != Resolution::Unresolved {
                    speaker.resolution = Resolution::Continuation;
                }
                return speaker;
            }
        }
        // A statement's cue the quote stage carried over a person named in
        // between ("…," the statement added. Ashbourne's manager, <Name>,
        // said his side had "…") is not this quote's, nor its text's.
        if !interrupted && let Some(found) = self.same_document(quote, before, resolved) {
            return found;
        }
        if !interrupted && let Some(found) = self.document_it(quote, events) {
            return found;
        }
        let at = quote.cue.map_or(quote.span.start, |c| c.start);
        if let Some(written) = quote.speaker.filter(|_| !interrupted) {
            // Inside another quote, "he" is not the one quoting it.
            let exclude = before
                .iter()
                .zip(resolved)
                .rev()
                .take(8)
                .find(|(q, _)| q.content.contains(quote.span))
                .and_then(|(_, s)| s.entity)
                .map(|e| self.key(e));
            let found = self.resolve_written(written, at, events, exclude);
            // "…," he said, answering a question of a question-and-answer
            // write-up when the pronoun finds nobody near enough.
            if found.entity.is_none()
                && matches!(written.text(text), "he" | "she" | "He" | "She")
                && let Some(answer) = self.interview_answer(quote, before, resolved, events)
                && answer.entity.is_some_and(|e| {
                    let want = if written.text(text).eq_ignore_ascii_case("he") {
                        Gender::Male
                    } else {
                        Gender::Female
                    };
                    matches!(self.gender(e), Gender::Unknown) || self.gender(e) == want
                })
            {
                return answer;
            }
            return found;
        }
        if let Some(found) = self.after_quote(quote, events) {
            return found;
        }
        if let Some(entity) = self
            .sentence_subject(quote)
            .or_else(|| self.according_to(quote))
        {
            return Speaker::resolved(entity, Resolution::NamedInSentence);
        }
        if let Some(found) = self.nominal_subject(quote, events) {
            return found;
        }
        // A speech verb of the quote's own sentence right before a colon at
        // the mark ("In a statement, the tournament said: "…"") names the
        // speaker before any continuation does, a short quote's too ("said
        // on social media: "We did it."").
        let own_colon = {
            let before_mark = text.get(..quote.span.start).unwrap_or("").trim_end();
            before_mark.strip_suffix(':').is_some_and(|lead| {
                let sentence = self.sentence_of(quote.span.start);
                let ws: Vec<Span> =
                    words(text, Span::new(lead.len().saturating_sub(64), lead.len())).collect();
                ws.iter().rev().take(4).any(|w| {
                    contains(&SPEECH_VERBS, w.text(text)) && self.sentence_of(w.start) == sentence
                })
            })
        };
        if own_colon {
            if let Some(found) = self.colon_speaker(quote, events) {
                return found;
            }
            // A subject of the colon's speech verb that names nobody ("One
            // head teacher, who asked not to be named, said:"): that
            // speaker, unnamed, not the last one continued.
            if let Some(subject) = self.colon_subject_of(quote) {
                return Speaker::none(Some(subject));
            }
        }
        if quote.kind != QuoteKind::Direct {
            return Speaker::none(None);
        }
        if let Some(found) = self.interview_answer(quote, before, resolved, events) {
            return found;
        }
        // Continuation of the last speaker in this or the paragraph before.
        let here = self.paragraph_at(quote.span.start);
        if let Some(ev) = events.last()
            && ev.at < quote.span.start
            && ev.paragraph + 1 >= here
        {
            let intervening = self
                .mentions_in(ev.at.saturating_add(1), quote.span.start)
                .iter()
                .take(MAX_MENTIONS_BACK)
                .any(|m| {
                    self.kind(m.entity) == Some(EntityKind::Person)
                        && self.key(m.entity) != self.key(ev.entity)
                        && !self.reported_by(m, ev)
                });
            if !intervening {
                return Speaker::resolved(ev.entity, Resolution::Continuation);
            }
        }
        // A colon before the opening mark, or ending the paragraph before.
        if !own_colon && let Some(found) = self.colon_speaker(quote, events) {
            return found;
        }
        // The one person named in the sentence before (or its he/she
        // subject), when the quote opens its own sentence.
        let sentence = self.sentence_of(quote.span.start);
        let opens_sentence = sentence
            .and_then(|s| self.sentences.get(s))
            .and_then(|s| text.get(s.span.start..quote.span.start.max(s.span.start)))
            .is_some_and(|lead| lead.trim().is_empty());
        if opens_sentence
            && let Some(s) = sentence
            && let Some(prev) = s.checked_sub(1).and_then(|p| self.sentences.get(p))
            && self.paragraph_of.get(s - 1).copied().unwrap_or(0) + 1 >= here
        {
            let people: Vec<usize> = self
                .mentions_in(prev.span.start, prev.span.end)
                .iter()
                .filter(|m| self.kind(m.entity) == Some(EntityKind::Person))
                .map(|m| m.entity)
                .collect();
            if let Some(&first) = people.first()
                && people.iter().all(|&p| self.key(p) == self.key(first))
            {
                return Speaker::resolved(first, Resolution::EarlierSentence);
            }
            // "She has been a radiologist for 15 years." then the quote
            // (also after an opening phrase: "Speaking later, he …").
            let lead = Span::new(
                self.sentence_lead(s - 1).max(prev.span.start),
                prev.span.end,
            );
            let gender = match words(text, lead).next().map(|w| w.text(text)) {
                Some("He" | "he") => Gender::Male,
                Some("She" | "she") => Gender::Female,
                _ => Gender::Unknown,
            };
            if people.is_empty() && gender != Gender::Unknown {
                let mut out = Speaker::none(None);
                self.person_back(
                    prev.span.start,
                    Wanted {
                        gender,
                        role: None,
                        exclude: None,
                    },
                    events,
                    Resolution::EarlierSentence,
                    &mut out,
                );
                if out.resolution == Resolution::EarlierSentence {
                    return out;
                }
            }
        }
        Speaker::none(None)
    }

    /// A sentence interrupted by its attribution (`"Ask me," he said, "in
    /// April."`): the quote right after the cue, whose first half ends
    /// in a comma inside its marks and whose cue (a speech verb, a few
    /// words) ends in a comma, is the rest of the first half's sentence,
    /// however short: the same speaker, never a quoted term.
    fn second_half(
        &self,
        quote: &Quote,
        before: &[Quote],
        resolved: &[Speaker],
    ) -> Option<Speaker> {
        let text = self.text;
        let (prev, speaker) = before.iter().zip(resolved).next_back()?;
        let entity = speaker.entity?;
        if speaker.resolution == Resolution::Unresolved
            || !text
                .get(prev.content.start..prev.content.end)?
                .trim_end()
                .ends_with(',')
        {
            return None;
        }
        let gap = text.get(prev.span.end..quote.span.start)?;
        let cue = gap.trim().strip_suffix(',')?;
        let ws: Vec<&str> = cue.split_whitespace().collect();
        if ws.is_empty()
            || ws.len() > 5
            || gap.contains(['.', '\n'])
            || !ws.iter().any(|w| contains(&SPEECH_VERBS, w))
            || (self.sentence_of(prev.span.start) != self.sentence_of(quote.span.start)
                && self.paragraph_at(prev.span.start) != self.paragraph_at(quote.span.start))
        {
            return None;
        }
        let mut out = speaker.clone();
        out.entity = Some(entity);
        out.resolution = Resolution::Continuation;
        Some(out)
    }

    /// Where the subject part of sentence `s` starts: after an opening
    /// phrase closed by a comma ("In a statement, …", "Speaking from his
    /// bed, he …"), else at the sentence start.
    pub(super) fn sentence_lead(&self, s: usize) -> usize {
        let text = self.text;
        let Some(sentence) = self.sentences.get(s) else {
            return 0;
        };
        let body = sentence.span.text(text);
        let opener = words(text, sentence.span)
            .next()
            .is_some_and(|w| contains(&OPENING_PREPOSITIONS, w.text(text)));
        match body.find(", ") {
            Some(comma)
                if opener
                    && !body
                        .get(..comma)
                        .is_some_and(|h| h.contains(['"', '“', '”'])) =>
            {
                sentence.span.start + comma + 2
            }
            _ => sentence.span.start,
        }
    }

    /// The speech verb of sentence `s` after its subject, before any quote
    /// mark, with the subject's span: `(verb start, subject)`.
    pub(super) fn subject_speech(&self, s: usize) -> Option<(usize, Span)> {
        let text = self.text;
        let sentence = self.sentences.get(s)?;
        let subject = self.entities.get(self.subject_of(s)?)?.span;
        let rest = Span::new(subject.end, sentence.span.end.max(subject.end));
        let verb = words(text, rest)
            .take(16)
            .take_while(|w| !w.text(text).contains(['"', '“', '”']))
            .find(|w| contains(&SPEECH_VERBS, w.text(text)))?;
        text.get(subject.end..verb.start)
            .is_some_and(|g| !g.contains(['"', '“', '”', ';']))
            .then_some((verb.start, subject))
    }

    /// Is mention `m` (after the speech event `ev`) only part of what the
    /// speaker said or did, so that it does not interrupt the speaker: a
    /// possessive ("Pike's figures"), a name in the event's own sentence
    /// after its cue ("Roe said Pike was wrong"), or a name in a later
    /// sentence whose subject is the speaker or a he/she of the speaker's
    /// gender ("She also criticised the mayor, Ned Quill, …").
    pub(super) fn reported_by(&self, m: &Mention, ev: &Event) -> bool {
        if self.possessive(m.entity) {
            return true;
        }
        let Some(s) = self.sentence_of(m.at) else {
            return false;
        };
        if self.sentence_of(ev.at) == Some(s) && m.at > ev.at {
            return true;
        }
        let Some(sentence) = self.sentences.get(s) else {
            return false;
        };
        let lead = Span::new(
            self.sentence_lead(s).max(sentence.span.start),
            sentence.span.end,
        );
        let pronoun = match words(self.text, lead).next().map(|w| w.text(self.text)) {
            Some("He" | "he") => Gender::Male,
            Some("She" | "she") => Gender::Female,
            _ => Gender::Unknown,
        };
        if pronoun != Gender::Unknown {
            let g = self.gender(ev.entity);
            return g == pronoun || g == Gender::Unknown;
        }
        self.subject_of(s)
            .is_some_and(|subject| self.key(subject) == self.key(ev.entity) && subject != m.entity)
    }

    /// The subject of the last speech verb of `span` (a sentence up to its
    /// colon), as written: the words between the comma or sentence start
    /// before the verb and the verb ("the authority" in "In a statement,
    /// the authority said"), at most four.
    pub(super) fn colon_subject(&self, span: Span) -> Option<Span> {
        let text = self.text;
        let all: Vec<Span> = words(text, span).collect();
        let verb = all
            .iter()
            .rposition(|w| contains(&SPEECH_VERBS, w.text(text)))?;
        // "Afterwards he posted on LinkedIn:": a pronoun right before the
        // verb is the whole subject, whatever opens the sentence.
        if let Some(pronoun) = verb.checked_sub(1).and_then(|p| all.get(p))
            && matches!(
                pronoun.text(text).to_lowercase().as_str(),
                "he" | "she" | "it" | "they"
            )
        {
            return Some(*pronoun);
        }
        // "One head teacher, who asked not to be named, said:": the
        // subject ends before its relative clause.
        let mut last = verb;
        if let Some(prev) = verb.checked_sub(1).and_then(|p| all.get(p))
            && text.get(prev.end..prev.end + 1) == Some(",")
            && let Some(opens) = all[..verb].iter().rposition(|w| {
                matches!(w.text(text), "who" | "which")
                    && text
                        .get(..w.start)
                        .is_some_and(|b| b.trim_end().ends_with(','))
            })
        {
            last = opens;
        }
        let mut first = last;
        while first > 0 && last - first < 4 {
            let prev = all.get(first - 1)?;
            if text.get(prev.end..prev.end + 1) == Some(",") && first < last {
                break;
            }
            first -= 1;
        }
        let start = all.get(first)?.start;
        let end = all.get(last.checked_sub(1)?)?.end;
        (first < last && start < end).then(|| Span::new(start, end))
    }

    /// `In a statement read to the court, her husband, Ned Roe, wrote: "…"`:
    /// a person named right before the speech verb that ends with a colon
    /// at the opening mark (a comma of apposition between them) is the
    /// speaker, whatever other cue or nominal ("a statement") the
    /// sentence holds earlier. News writes "X wrote:" / "X said:" for X's
    /// own words.
    pub(super) fn person_before_colon(&self, quote: &Quote) -> Option<usize> {
        let text = self.text;
        let before_mark = text.get(..quote.span.start)?.trim_end();
        let colon = before_mark.strip_suffix(':')?;
        let verb = word_before(text, colon.len())?;
        if !contains(&SPEECH_VERBS, verb.text(text)) {
            return None;
        }
        let i = self.mentions.partition_point(|m| m.at < verb.start);
        let m = self.mentions.get(i.checked_sub(1)?)?;
        let e = self.entities.get(m.entity)?;
        let gap = text.get(e.span.end..verb.start)?;
        (gap.trim_matches([',', ' ']).is_empty()
            && self.sentence_of(e.span.start) == self.sentence_of(verb.start)
            && self.kind(m.entity) == Some(EntityKind::Person))
        .then_some(m.entity)
    }
}
