//! Speakers found around a quote with no cue of its own: chants, nested quotes,
//! a later sentence naming the source, the sentence before, a colon.

use super::{
    CHANT_VERBS, Context, EntityKind, Event, Gender, HONORIFICS, MAX_MENTIONS_BACK, Mention,
    NAME_PARTICLES, Quote, QuoteKind, Resolution, SPEECH_VERBS, Span, Speaker, WordSet, contains,
    crowd_subject, gender_of_word, word_before, words,
};

/// Verbs that, inside a quote, introduce the words someone said besides
/// [`SPEECH_VERBS`]: the progressive and the raised voice of one's own
/// telling (`Dad kept asking me, '…'`, `she was screaming, '…'`).
static NESTED_VERBS: WordSet =
    WordSet::new("asking|saying|screamed|screaming|telling|whispered|yelled|yelling");

/// Relatives a speaker names as the subject of a nested quote's verb
/// (`my husband said, '…'`); the gender is [`gender_of_word`]'s.
static KIN_NOUNS: WordSet = WordSet::new(
    "brother|daughter|father|grandfather|grandmother|husband|mother|sister|son|uncle|aunt|wife",
);

/// Most words between a speech verb inside a quote and the nested quote it
/// introduces ("told them at half-time, '…'").
const MAX_NESTED_VERB_GAP: usize = 4;

impl<'a> Context<'a> {
    /// A chant of a crowd: `members of the Bus Users Group gathered …,
    /// chanting "Save the 41"` → the organisation or group named before the
    /// verb in its sentence (a crowd is named by who organised it). With
    /// none, a crowd that is the verb's subject (`Protesters chanted "…"`,
    /// `the Rovers fans sang "…"`: news names a chanting crowd by a crowd
    /// noun) is the speaker, as a [`Crowd`]; a name that only modifies
    /// the crowd noun ("The Marlow crowd") is the crowd's, not the speaker.
    pub(super) fn chanted_by(&self, quote: &Quote) -> Option<Speaker> {
        let text = self.text;
        let verb = word_before(text, quote.span.start)?;
        if !contains(&CHANT_VERBS, verb.text(text)) {
            return None;
        }
        // "strikers sang "Solidarity Forever"": a song's title, written
        // capitalised like one (two words or more), not the words sung.
        let mut sung: Vec<&str> = words(text, quote.content).map(|w| w.text(text)).collect();
        sung.dedup();
        if matches!(verb.text(text), "sang" | "singing")
            && sung.len() >= 2
            && sung.iter().all(|w| w.starts_with(char::is_uppercase))
        {
            return Some(Speaker::none(None));
        }
        let sentence = self.sentences.get(self.sentence_of(verb.start)?)?;
        let crowd = crowd_subject(text, Span::new(sentence.span.start, verb.start));
        // "…, where the crowd chanted "…"": a crowd right before the verb
        // is its subject, whoever organised the march named earlier.
        if let Some(c) = crowd.as_ref()
            && text
                .get(c.span.end..verb.start)
                .is_some_and(|gap| gap.trim().is_empty())
        {
            return Some(Speaker {
                resolution: Resolution::Crowd,
                crowd: crowd.clone(),
                ..Speaker::none(None)
            });
        }
        let named = self
            .mentions_in(sentence.span.start, verb.start)
            .iter()
            .find(|m| {
                matches!(
                    self.kind(m.entity),
                    Some(EntityKind::Organisation | EntityKind::Group)
                ) && crowd
                    .as_ref()
                    .is_none_or(|c| !(c.span.start..c.span.end).contains(&m.at))
            });
        if let Some(m) = named {
            return Some(Speaker::resolved(m.entity, Resolution::NamedInSentence));
        }
        Some(Speaker {
            resolution: Resolution::Crowd,
            crowd: Some(crowd?),
            ..Speaker::none(None)
        })
    }

    /// A quote inside a quote, after a speech verb of the outer speaker's
    /// own sentence: `"Andrei Lupu once told me, 'Lobbyists are …,'" she
    /// said` → the one named before the verb in that sentence.
    pub(super) fn nested_speaker(
        &self,
        quote: &Quote,
        before: &[Quote],
        resolved: &[Speaker],
    ) -> Option<Speaker> {
        let text = self.text;
        let (index, outer) = before
            .iter()
            .enumerate()
            .rev()
            .take(8)
            .find(|(_, q)| q.content.contains(quote.span) && q.span != quote.span)?;
        let start = outer.content.start.min(quote.span.start);
        let prefix = text.get(start..quote.span.start)?;
        let clause = prefix
            .rfind(['.', '?', '!', ';'])
            .map_or(start, |i| start + i + 1);
        let ws: Vec<Span> = words(text, Span::new(clause, quote.span.start)).collect();
        // The speech verb ends the clause, or stands a few words before the
        // mark: an object and a time or place ("I told them at half-time,
        // '…'", "she said to me on the phone, '…'").
        let last = ws
            .iter()
            .enumerate()
            .rev()
            .take(MAX_NESTED_VERB_GAP + 1)
            .find(|(_, w)| {
                contains(&SPEECH_VERBS, w.text(text)) || contains(&NESTED_VERBS, w.text(text))
            })
            .map(|(i, _)| i)?;
        let verb = ws.get(last)?;
        // "Mr Lusk will tell you that Gavin Stott … said, '…'": the verb's
        // subject is named in the reported clause, after its "that".
        let reported = ws
            .get(..last)?
            .iter()
            .rev()
            .find(|w| w.text(text) == "that")
            .and_then(|that| self.named_in(Span::new(that.end, verb.start)));
        let Some(entity) = reported.or_else(|| self.named_in(Span::new(clause, verb.start))) else {
            let subject = ws.get(..last)?;
            // "I told them, '…'": the outer quote's speaker.
            let first_person = subject
                .iter()
                .any(|w| matches!(w.text(text), "I" | "we" | "We"));
            if !first_person {
                return self.nested_third_person(subject, outer, resolved.get(index));
            }
            let outer = resolved
                .get(index)
                .filter(|s| s.entity.is_some() && s.resolution != Resolution::Unresolved)?;
            return Some(Speaker {
                written: None,
                role: None,
                resolution: Resolution::Continuation,
                candidates: Vec::new(),
                ..outer.clone()
            });
        };
        Some(Speaker {
            written: self.entities.get(entity).map(|e| e.span),
            ..Speaker::resolved(entity, Resolution::NamedInSentence)
        })
    }

    /// A nested quote whose verb's subject, in the outer speaker's own
    /// words, is a third person: `he` / `she`, or a relative of the
    /// speaker (`my husband`, `Dad`, `Mum`) — `"He came home and said,
    /// '…'," she said`, `"Dad kept asking me, '…'"`. Such a subject is
    /// someone the article has just written about: the latest person of
    /// that gender named before the outer quote (this paragraph or the
    /// one before) who is not its speaker. A role noun (`"The skipper came
    /// on the tannoy and said, '…'"`) is the one such person whose mention
    /// carries it ("The ferry's skipper, Ewan Rusk,"); two give none. The subject must open the
    /// clause (or follow its last comma) and no relative word may stand
    /// between it and the verb ("he pointed to the sign that said '…'").
    fn nested_third_person(
        &self,
        subject: &[Span],
        outer: &Quote,
        outer_speaker: Option<&Speaker>,
    ) -> Option<Speaker> {
        let text = self.text;
        let after_comma = subject
            .iter()
            .enumerate()
            .skip(1)
            .rev()
            .find(|(i, w)| {
                subject
                    .get(i - 1)
                    .and_then(|p| text.get(p.end..w.start))
                    .is_some_and(|g| g.contains(','))
            })
            .map_or(0, |(i, _)| i);
        let relative_after = |i: usize| {
            subject
                .get(i + 1..)
                .unwrap_or(&[])
                .iter()
                .any(|w| matches!(w.text(text), "that" | "which" | "who" | "whose"))
        };
        let speaker_key = outer_speaker.and_then(|s| s.entity).map(|e| self.key(e));
        let here = self.paragraph_at(outer.span.start);
        let before = || {
            self.mentions_in(0, outer.span.start)
                .iter()
                .rev()
                .take(MAX_MENTIONS_BACK)
                .take_while(move |m| m.paragraph + 1 >= here)
                .filter(move |m| {
                    self.kind(m.entity) == Some(EntityKind::Person)
                        && Some(self.key(m.entity)) != speaker_key
                })
        };
        // "The skipper came on the tannoy and said, '…'": the one person
        // named before whose mention carries the role noun.
        let role = [0, after_comma].into_iter().find_map(|i| {
            let the = subject.get(i)?.text(text);
            let noun = subject.get(i + 1)?.text(text);
            (the.eq_ignore_ascii_case("the")
                && noun.starts_with(char::is_lowercase)
                && !relative_after(i + 1))
            .then_some(noun)
        });
        if let Some(noun) = role {
            let mut carriers = before().filter(|m| self.carries_role(m.entity, noun));
            let first = carriers.next()?;
            if carriers.any(|m| self.key(m.entity) != self.key(first.entity)) {
                return None;
            }
            return Some(Speaker::resolved(first.entity, Resolution::Role));
        }
        let gender = [0, after_comma].into_iter().find_map(|i| {
            let w = subject.get(i)?.text(text);
            if relative_after(i) {
                return None;
            }
            match w {
                "he" | "He" => Some(Gender::Male),
                "she" | "She" => Some(Gender::Female),
                "Dad" | "Daddy" | "Grandad" => Some(Gender::Male),
                "Mum" | "Mom" | "Mam" | "Mummy" | "Gran" | "Nan" => Some(Gender::Female),
                "my" | "My" | "our" | "Our" => {
                    let kin = subject.get(i + 1)?.text(text);
                    contains(&KIN_NOUNS, kin)
                        .then(|| gender_of_word(kin))
                        .filter(|&g| g != Gender::Unknown)
                }
                _ => None,
            }
        })?;
        let m = before().find(|m| self.gender(m.entity) == gender)?;
        Some(Speaker::resolved(m.entity, Resolution::Pronoun))
    }

    /// A quote standing as its own sentence, whose speaker is named only in
    /// the next sentence of the paragraph, which points back at it: `"…."
    /// That was how X put it` / `That warning came from X` / `So said X` /
    /// `The words came from X`.
    pub(super) fn later_sentence(&self, quote: &Quote) -> Option<Speaker> {
        let text = self.text;
        if quote.kind != QuoteKind::Direct {
            return None;
        }
        let content = quote.content.text(text).trim_end();
        // `"…" — those were the words of …`: a dash in place of the full stop.
        let dash = text
            .get(quote.span.end..)
            .map(|r| r.trim_start_matches([' ', '\t']))
            .is_some_and(|r| r.starts_with(['—', '–']));
        if !content.ends_with(['.', '!', '?']) && !dash {
            return None;
        }
        // The quote opens its paragraph or follows a finished sentence.
        let here = self.paragraph_at(quote.span.start);
        let lead = text.get(..quote.span.start)?.trim_end_matches([' ', '\t']);
        if !(lead.is_empty() || lead.ends_with(['\n', '.', '!', '?', '"', '”'])) {
            return None;
        }
        // The next words, in the same paragraph.
        let next: Vec<Span> = words(text, Span::new(quote.span.end, text.len()))
            .take(3)
            .filter(|w| !matches!(w.text(text), "—" | "–"))
            .take(2)
            .collect();
        let first = next.first()?;
        if !text
            .get(quote.span.end..first.start)
            .is_some_and(|g| g.trim().is_empty() || (dash && matches!(g.trim(), "—" | "–")))
        {
            return None;
        }
        let speech_noun = next.get(1).is_some_and(|w| {
            matches!(
                w.text(text),
                "words"
                    | "remark"
                    | "remarks"
                    | "comment"
                    | "comments"
                    | "warning"
                    | "verdict"
                    | "statement"
                    | "message"
                    | "question"
                    | "plea"
                    | "appeal"
                    | "answer"
                    | "reply"
                    | "response"
                    | "reaction"
                    | "assessment"
                    | "admission"
                    | "promise"
                    | "advice"
            )
        });
        let demonstrative = matches!(
            first.text(text),
            "That" | "This" | "Those" | "These" | "So" | "Such"
        ) || (dash
            && matches!(
                first.text(text),
                "that" | "this" | "those" | "these" | "so" | "such"
            ));
        let pointer = demonstrative || (first.text(text) == "The" && speech_noun);
        // No pointer, but the quote opens its paragraph with no cue and the
        // next sentence opens with a person's name, its subject: `"It
        // sounded like a bomb." Amira Haddad, 34, had just …` — the lede
        // that quotes first and names the speaker after.
        if !pointer
            && quote.speaker.is_none()
            && quote.cue.is_none()
            && (lead.is_empty() || lead.ends_with('\n'))
            && self.paragraph_at(first.start) == here
        {
            let i = self.mentions.partition_point(|m| m.at < first.start);
            let m = self.mentions.get(i).filter(|m| {
                m.at == first.start
                    && self.kind(m.entity) == Some(EntityKind::Person)
                    && !self.possessive(m.entity)
            })?;
            return Some(Speaker::resolved(m.entity, Resolution::LaterSentence));
        }
        // The pointer may open the next paragraph only when it names the
        // words ("That statement came from …", after a long statement).
        let last = self
            .paragraph_at(quote.span.end.saturating_sub(1))
            .max(here);
        let same = self.paragraph_at(first.start) == last;
        let next_paragraph = self.paragraph_at(first.start) == last + 1
            && speech_noun
            && text
                .get(quote.span.end..first.start)
                .is_some_and(|g| g.contains('\n'));
        if !pointer || !(same || next_paragraph) {
            return None;
        }
        let end = self
            .sentences
            .get(self.sentence_of(first.start)?)
            .map_or(text.len(), |s| s.span.end)
            .max(first.end);
        let sentence = Span::new(first.start, end);
        // It must speak of speech or a source: a speech verb, "came from",
        // "was how", "the reaction of".
        let speechy = words(text, sentence).any(|w| {
            let t = w.text(text);
            contains(&SPEECH_VERBS, t) || matches!(t, "from" | "how" | "of")
        });
        if !speechy {
            return None;
        }
        // "the words of Ellen's daughter, Rachel Marsh": a possessive name
        // is whose the speaker is, not the speaker.
        let owner = |m: &&Mention| {
            self.entities
                .get(m.entity)
                .and_then(|e| text.get(e.span.end..))
                .is_some_and(|r| r.starts_with("'s") || r.starts_with("’s"))
        };
        // Bounded, so a run-on sentence keeps the stage linear.
        let inside = self.mentions_in(sentence.start, sentence.end);
        let inside = inside.get(..inside.len().min(MAX_MENTIONS_BACK))?;
        let entity = inside
            .iter()
            .filter(|m| !owner(m))
            .find(|m| self.kind(m.entity) == Some(EntityKind::Person))
            .or_else(|| inside.iter().find(|m| !owner(m)))
            .map(|m| m.entity)?;
        Some(Speaker::resolved(entity, Resolution::LaterSentence))
    }

    /// The speaker-kind mention in subject position of sentence `s`: the
    /// first one, with at most four words before it, not a possessive. An
    /// opening phrase closed by a comma ("In a statement on Monday, the
    /// club's owner, Rell Holdings, said") is skipped.
    pub(super) fn subject_of(&self, s: usize) -> Option<usize> {
        let text = self.text;
        let sentence = self.sentences.get(s)?;
        let start = self.sentence_lead(s);
        let from = self.mentions.partition_point(|m| m.at < start);
        let m = self.mentions.get(from)?;
        if m.at >= sentence.span.end {
            return None;
        }
        if words(text, Span::new(start, m.at)).nth(4).is_some() {
            // "The sector's governing body, the Charity Standards Council,
            // said …": a name in commas after a noun phrase that opens the
            // sentence is its subject, in apposition.
            return self.apposed_to_opening(start, m).then_some(m.entity);
        }
        if self.possessive(m.entity) {
            let next = self.mentions.get(from + 1)?;
            // "Veltrin's Justice Ministry said": the owner's body.
            if self.owns_next(m.entity).is_some_and(|n| n.start == next.at) {
                return Some(next.entity);
            }
            // "Leo's consultant, Dr Anil Kapoor, said": the one in
            // apposition to the possessive's noun.
            return (next.at < sentence.span.end && self.apposed_gap(m.entity, next.entity))
                .then_some(next.entity);
        }
        // "Halas and Sorin were once allies": two people are the subject,
        // neither of them alone.
        if let Some(next) = self.mentions.get(from + 1)
            && next.at < sentence.span.end
            && text.get(m.at..next.at).is_some_and(|gap| {
                gap.strip_suffix(" and ").is_some_and(|name| {
                    name.split(' ')
                        .all(|w| w.starts_with(|c: char| c.is_uppercase()))
                })
            })
        {
            return None;
        }
        Some(m.entity)
    }

    /// Is mention `m` a name in commas right after the noun phrase that
    /// opens its sentence at `start` (a determiner or a possessive first,
    /// at most ten words, no verb of speech, no other comma): "The
    /// sector's governing body, the Charity Standards Council, said"?
    fn apposed_to_opening(&self, start: usize, m: &Mention) -> bool {
        let text = self.text;
        let Some(e) = self.entities.get(m.entity) else {
            return false;
        };
        // Bounded: a noun phrase of ten words is short.
        let Some(gap) = text.get(start..m.at).filter(|g| g.len() <= 160) else {
            return false;
        };
        let phrase = gap
            .strip_suffix(", the ")
            .or_else(|| gap.strip_suffix(", "))
            .unwrap_or("");
        let mut ws = phrase.split_whitespace();
        let opens = ws.next().is_some_and(|w| {
            matches!(w, "The" | "A" | "An" | "Its" | "Their" | "His" | "Her")
                || w.ends_with("'s")
                || w.ends_with("’s")
        });
        opens
            && phrase.split_whitespace().count() <= 10
            && !phrase.contains([',', '.', ';', ':', '"', '“', '”'])
            && !phrase
                .split_whitespace()
                .any(|w| contains(&SPEECH_VERBS, w) || matches!(w, "who" | "which" | "that"))
            && text
                .get(e.span.end..)
                .is_some_and(|r| r.starts_with(", ") || r.starts_with(" ("))
    }

    /// A speaker right after the closing mark that the quote stage did not
    /// take: `…,'" Marsh told the court`, `…," the 71-year-old said`.
    pub(super) fn after_quote(&self, quote: &Quote, events: &[Event]) -> Option<Speaker> {
        let text = self.text;
        let sentence = self.sentence_of(quote.span.end.saturating_sub(1))?;
        let mut limit = self.sentences.get(sentence)?.span.end;
        if limit <= quote.span.end {
            // The quote ends its sentence: the speaker may open the next one
            // in the same paragraph ("…?" Marsh asked.) — not taken.
            limit = quote.span.end;
        }
        let tail = text.get(quote.span.end..limit)?;
        let skip = tail.len()
            - tail
                .trim_start_matches([',', ' ', '’', '\'', '"', '”', '‘', '“'])
                .len();
        if skip == 0 && !tail.is_empty() {
            return None;
        }
        let p = quote.span.end + skip;
        let ws: Vec<Span> = words(text, Span::new(p, limit)).take(8).collect();
        let joined = |a: &Span, b: &Span| {
            text.get(a.end..b.start)
                .is_some_and(|g| g.trim().is_empty())
        };
        let is_verb = |w: &Span| contains(&SPEECH_VERBS, w.text(text));
        let mention_at = |at: usize| {
            let i = self.entities.partition_point(|e| e.span.start < at);
            self.entities
                .get(i)
                .filter(|e| e.span.start == at && Self::is_speaker_kind(e.kind))
                .map(|_| i)
        };
        let named = |entity: usize| Speaker {
            written: self.entities.get(entity).map(|e| e.span),
            ..Speaker::resolved(entity, Resolution::NamedInSentence)
        };
        let first = ws.first()?;
        // "…," Ms Barnes said / de Wolf said: a title or particle before the name.
        let lead = |w: &Span| {
            let t = w.text(text);
            (contains(&HONORIFICS, t) && t.starts_with(char::is_uppercase))
                || NAME_PARTICLES.has_exact(t)
        };
        // A chain of particles: "van der Berg said", "de la Cruz said".
        let mut skip = 1;
        while skip < 3
            && ws
                .get(skip)
                .is_some_and(|w| NAME_PARTICLES.has_exact(w.text(text)))
        {
            skip += 1;
        }
        let led = lead(first)
            .then(|| ws.get(skip))
            .flatten()
            .filter(|n| {
                text.get(first.end..n.start).is_some_and(|g| {
                    g.split_whitespace()
                        .map(|p| p.trim_matches('.'))
                        .all(|p| p.is_empty() || NAME_PARTICLES.has_exact(p))
                        && !g.contains([',', ';', ':'])
                })
            })
            .and_then(|n| mention_at(n.start));
        if let Some(m) = mention_at(first.start).or(led) {
            let end = self.entities.get(m)?.span.end;
            // "…," Sarvania's foreign minister, Dariusz Wojcik-Halas, told
            // reporters: the person in apposition to the possessive's role.
            if text
                .get(end..)
                .is_some_and(|r| r.starts_with("'s ") || r.starts_with("’s "))
                && let Some(apposed) = self.apposed_to_owner(end, &ws, &is_verb)
            {
                let mut speaker = named(apposed);
                speaker.resolution = Resolution::Apposition;
                return Some(speaker);
            }
            // "…," Farah Qureshi, the chief executive, said / Tom Hardy,
            // 54, said: a short apposition between the name and its verb.
            if let Some(found) = self.apposition_then_verb(end) {
                let mut speaker = named(m);
                if !found.text(text).starts_with(|c: char| c.is_ascii_digit()) {
                    speaker.role = Some(found);
                }
                return Some(speaker);
            }
            let verb = ws.iter().find(|w| w.start >= end)?;
            return (is_verb(verb) && text.get(end..verb.start)?.trim().is_empty())
                .then(|| named(m));
        }
        let det = |w: &Span| matches!(w.text(text), "the" | "a" | "an" | "one" | "another");
        let nominal = |from: usize| {
            let start = ws.get(from)?;
            let mut end = from;
            while end + 1 < ws.len().min(from + 6)
                && ws
                    .get(end + 1)
                    .is_some_and(|n| !is_verb(n) && ws.get(end).is_some_and(|e| joined(e, n)))
            {
                end += 1;
            }
            Some((Span::new(start.start, ws.get(end)?.end), end + 1))
        };
        if is_verb(first) {
            let next = ws.get(1)?;
            if let Some(m) = mention_at(next.start) {
                return Some(named(m));
            }
            // "said regional organiser Ida Strang", "said lifelong Brightwell
            // supporter Olek Marr": role words, then the name (a person
            // before an organisation), all in one unbroken phrase.
            let mut found: Option<usize> = None;
            for (i, w) in ws.iter().enumerate().skip(1).take(5) {
                if i > 1 && !ws.get(i - 1).is_some_and(|p| joined(p, w)) {
                    break;
                }
                if det(w) || is_verb(w) {
                    break;
                }
                if let Some(m) = mention_at(w.start) {
                    if self.kind(m) == Some(EntityKind::Person) {
                        found = Some(m);
                        break;
                    }
                    found = found.or(Some(m));
                }
            }
            if let Some(m) = found
                && ws
                    .get(1)
                    .is_some_and(|w| w.text(text).starts_with(char::is_lowercase))
            {
                return Some(named(m));
            }
            if det(next) {
                let (span, _) = nominal(1)?;
                return Some(self.resolve_written(span, quote.span.end, events, None));
            }
            // "said its chair, Ama Boateng" / "said her lawyer, Ned Quill":
            // a possessive role, then the person in apposition.
            if matches!(next.text(text), "its" | "his" | "her" | "their") {
                let (span, after) = nominal(1)?;
                let name = ws.get(after)?;
                let m = mention_at(name.start)?;
                let apposed = text
                    .get(span.end..name.start)
                    .is_some_and(|g| g.trim() == ",");
                if apposed && self.kind(m) == Some(EntityKind::Person) {
                    let mut speaker = named(m);
                    speaker.role = Some(span);
                    return Some(speaker);
                }
            }
            return None;
        }
        // "…," according to Sarah Kimble / according to the Dunvale Weather
        // Service / according to the agency: the source named after the
        // quote, a "the" before an organisation's name skipped, a nominal
        // resolved as written.
        if first.text(text) == "according" && ws.get(1).is_some_and(|w| w.text(text) == "to") {
            let source = ws.get(2)?;
            let name = if source.text(text) == "the" {
                ws.get(3)
            } else {
                Some(source)
            };
            if let Some(m) = name.and_then(|w| mention_at(w.start)) {
                return Some(named(m));
            }
            if det(source) {
                let (span, _) = nominal(2)?;
                return Some(self.resolve_written(span, quote.span.end, events, None));
            }
            return None;
        }
        let possessive = |w: &Span| matches!(w.text(text), "its" | "his" | "her" | "their");
        if det(first) || possessive(first) {
            let (span, after) = nominal(0)?;
            let verb = ws.get(after)?;
            if is_verb(verb) && det(first) {
                return Some(self.resolve_written(span, quote.span.end, events, None));
            }
            // "…," its chair, Janet Ober, said: the person in apposition
            // (after a title: "its chief executive, Dr Farah Qureshi,").
            let m = mention_at(verb.start).or_else(|| {
                let title = verb.text(text);
                let next = ws.get(after + 1)?;
                (contains(&HONORIFICS, title)
                    && text
                        .get(verb.end..next.start)
                        .is_some_and(|g| g.trim_matches(['.', ' ']).is_empty()))
                .then(|| mention_at(next.start))
                .flatten()
            })?;
            let name_end = self.entities.get(m)?.span.end;
            let apposed = text
                .get(span.end..verb.start)
                .is_some_and(|g| g.trim() == ",");
            let said = ws.iter().find(|w| w.start >= name_end).is_some_and(|w| {
                is_verb(w)
                    && text
                        .get(name_end..w.start)
                        .is_some_and(|g| g.trim_matches([',', ' ']).is_empty())
            });
            if apposed && said && self.kind(m) == Some(EntityKind::Person) {
                let mut speaker = named(m);
                speaker.role = Some(span);
                return Some(speaker);
            }
        }
        None
    }

    /// The apposition in `, <words>, <speech verb>` right after byte `end`
    /// (the end of a name after a quote): up to eight words, no verb of
    /// speech and no sentence or quote mark among them, opening with a
    /// lowercase word or a number ("the chief executive", "54").
    fn apposition_then_verb(&self, end: usize) -> Option<Span> {
        let text = self.text;
        let rest = text.get(end..)?.strip_prefix(", ")?;
        let start = end + 2;
        // Bounded (on a character boundary), so the stage stays linear.
        let mut cap = rest.len().min(80);
        while !rest.is_char_boundary(cap) {
            cap -= 1;
        }
        let window = rest.get(..cap).unwrap_or("");
        let comma = window.find(',')?;
        let inner = window.get(..comma)?;
        if inner.is_empty()
            || inner.contains(['.', ';', ':', '"', '“', '”', '(', ')'])
            || !inner.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
            || inner.split_whitespace().count() > 8
            || inner.split_whitespace().any(|w| contains(&SPEECH_VERBS, w))
        {
            return None;
        }
        let after = start + comma + 1;
        let verb = words(text, Span::new(after, text.len().min(after + 24))).next()?;
        (contains(&SPEECH_VERBS, verb.text(text)) && text.get(after..verb.start)?.trim().is_empty())
            .then(|| Span::new(start, start + inner.trim_end().len()))
    }

    /// The quote's sentence up to the quote's opening mark.
    pub(super) fn before_in_sentence(&self, quote: &Quote) -> Option<Span> {
        let sentence = self.sentences.get(self.sentence_of(quote.span.start)?)?;
        Some(Span::new(
            sentence.span.start,
            quote.span.start.max(sentence.span.start),
        ))
    }

    /// The subject of the quote's sentence, when a speech verb stands
    /// between it and the quote: `Justice Minister Elena Markovic, who
    /// introduced it, called the result "…"`.
    pub(super) fn sentence_subject(&self, quote: &Quote) -> Option<usize> {
        let text = self.text;
        let prefix = self.before_in_sentence(quote)?;
        let body = prefix.text(text);
        if body.contains([';', '"', '“', '”']) {
            return None;
        }
        let verb = words(text, prefix)
            .filter(|w| {
                contains(&SPEECH_VERBS, w.text(text)) || matches!(w.text(text), "say" | "saying")
            })
            .last()?;
        // A court report's frame opens the sentence: "The tribunal heard
        // that <Name> had emailed … to say that …".
        let start = self.hearing_frame(prefix).unwrap_or(prefix.start);
        let subject = self.named_in_first(Span::new(start, verb.start))?;
        let at = self.entities.get(subject)?.span.start;
        // In subject position: at most a few words before it, or before
        // it and after an opening phrase closed by a comma that names no
        // one ("One of them, the collector Henk de Wit, told …").
        let from = text
            .get(start..at)
            .and_then(|t| t.rfind(", "))
            .map(|c| start + c + 2)
            .filter(|&f| self.named_in_first(Span::new(start, f)).is_none())
            .unwrap_or(start);
        let lead = words(text, Span::new(from, at)).count();
        (lead <= 4).then_some(subject)
    }

    /// The end of a court report's frame opening `span`: "The court (or
    /// tribunal, jury, inquest, hearing, trial, inquiry) heard (that)", "…
    /// was told (that)".
    pub(super) fn hearing_frame(&self, span: Span) -> Option<usize> {
        let text = self.text;
        let mut ws = words(text, span);
        let the = ws.next()?;
        let noun = ws.next()?;
        if !matches!(the.text(text), "The" | "the")
            || !matches!(
                noun.text(text),
                "court" | "tribunal" | "jury" | "inquest" | "hearing" | "trial" | "inquiry"
            )
        {
            return None;
        }
        let verb = ws.next()?;
        let end = match verb.text(text) {
            "heard" => verb.end,
            "was" | "were" => ws.next().filter(|w| w.text(text) == "told")?.end,
            _ => return None,
        };
        let next = words(text, Span::new(end, span.end)).next();
        Some(
            next.filter(|w| w.text(text) == "that")
                .map_or(end, |w| w.end),
        )
    }

    /// The sentence holding the colon right before a quote's opening mark
    /// (its index) and that sentence up to the colon.
    fn colon_sentence(&self, quote: &Quote) -> Option<(usize, Span)> {
        let before_mark = self.text.get(..quote.span.start)?.trim_end();
        let colon = before_mark.strip_suffix(':')?.len();
        let index = self.sentence_of(colon)?;
        let s = self.sentences.get(index)?;
        Some((index, Span::new(s.span.start, colon.max(s.span.start))))
    }

    /// The subject of the speech verb before a quote's colon, as written,
    /// when it is no pronoun ("One head teacher" of "One head teacher,
    /// who asked not to be named, said:").
    pub(super) fn colon_subject_of(&self, quote: &Quote) -> Option<Span> {
        let (_, span) = self.colon_sentence(quote)?;
        let subject = self.colon_subject(span)?;
        let pronoun = matches!(
            subject.text(self.text).to_lowercase().as_str(),
            "he" | "she" | "it" | "they" | "we" | "i"
        );
        (!pronoun).then_some(subject)
    }

    /// A quote after a colon (before its opening mark, or ending the
    /// paragraph before): the first name of the colon's sentence, else the
    /// subject of its speech verb as written, resolved as any written
    /// speaker ("In a statement, the authority said:").
    pub(super) fn colon_speaker(&self, quote: &Quote, events: &[Event]) -> Option<Speaker> {
        let text = self.text;
        let (index, span) = self.colon_sentence(quote)?;
        let colon = span.end;
        // "<Org>, which backed Amadi, said on social media:": the subject,
        // not the name inside its relative clause.
        if let Some(subject) = self.subject_of(index)
            && let Some(e) = self.entities.get(subject)
            && e.span.end < colon
            && text
                .get(e.span.end..)
                .is_some_and(|r| r.starts_with(", which ") || r.starts_with(", who "))
        {
            return Some(Speaker::resolved(subject, Resolution::Colon));
        }
        if let Some(entity) = self.named_in_first(span) {
            return Some(Speaker::resolved(entity, Resolution::Colon));
        }
        // "In a statement, the authority said:" — the speech verb's
        // subject as written, resolved as any written speaker.
        let subject = self.colon_subject(span)?;
        let mut found = self.resolve_written(subject, subject.end, events, None);
        if found.entity.is_some() && found.resolution != Resolution::Unresolved {
            found.written = None;
            found.resolution = Resolution::Colon;
            return Some(found);
        }
        None
    }
}

impl Context<'_> {
    /// The first and last sentence of paragraph `p` (`paragraph_of` runs
    /// in text order, so a binary search finds them).
    fn paragraph_sentences(&self, p: usize) -> Option<(usize, usize)> {
        let first = self.paragraph_of.partition_point(|&q| q < p);
        let end = self.paragraph_of.partition_point(|&q| q <= p);
        (first < end).then(|| (first, end - 1))
    }

    /// The text of paragraph `p`, from its first sentence to its last.
    fn paragraph_text(&self, p: usize) -> Option<&str> {
        let (first, last) = self.paragraph_sentences(p)?;
        let span = Span::new(
            self.sentences.get(first)?.span.start,
            self.sentences.get(last)?.span.end,
        );
        self.text.get(span.start..span.end)
    }

    /// Is paragraph `p` a question in the writer's own voice, as a
    /// question-and-answer write-up sets one ("Was money a factor?"): it
    /// ends with a question mark and quotes nothing.
    fn is_question_paragraph(&self, p: usize) -> bool {
        self.paragraph_text(p).is_some_and(|t| {
            let t = t.trim();
            t.ends_with('?') && !t.contains(['"', '“', '”'])
        })
    }

    /// Does the quote open its paragraph, right after a question paragraph?
    fn answers_question(&self, quote: &Quote) -> bool {
        let here = self.paragraph_at(quote.span.start);
        let opens = self
            .sentence_of(quote.span.start)
            .and_then(|s| self.sentences.get(s))
            .is_some_and(|s| {
                self.paragraph_sentences(here)
                    .and_then(|(f, _)| self.sentences.get(f))
                    .is_some_and(|f| f.span.start == s.span.start)
                    && self
                        .text
                        .get(s.span.start..quote.span.start)
                        .is_some_and(|lead| lead.trim().is_empty())
            });
        opens && here > 0 && self.is_question_paragraph(here - 1)
    }

    /// A question-and-answer write-up: a quote opening the paragraph
    /// right after a question in the writer's voice ("Was money a
    /// factor?" then `"Of course. …"`) is the interviewee's answer — the
    /// speaker of the last answer to such a question, else the person
    /// named last before the first question (the one the piece
    /// introduces as sitting down with the writer), however many
    /// paragraphs (another person's quote, a description) came between.
    pub(super) fn interview_answer(
        &self,
        quote: &Quote,
        before: &[Quote],
        resolved: &[Speaker],
        events: &[Event],
    ) -> Option<Speaker> {
        if !self.answers_question(quote) {
            return None;
        }
        for (q, s) in before.iter().zip(resolved).rev() {
            if self.answers_question(q)
                && let Some(e) = s.entity
                && self.kind(e) == Some(EntityKind::Person)
            {
                return Some(Speaker::resolved(e, Resolution::Continuation));
            }
        }
        let here = self.paragraph_at(quote.span.start);
        let first_question = self
            .paragraph_sentences(here.checked_sub(1)?)
            .and_then(|(f, _)| self.sentences.get(f))?
            .span
            .start;
        let mut out = Speaker::none(None);
        self.person_back(
            first_question,
            super::Wanted {
                gender: super::Gender::Unknown,
                role: None,
                exclude: None,
            },
            events,
            Resolution::EarlierSentence,
            &mut out,
        );
        (out.resolution == Resolution::EarlierSentence).then_some(out)
    }
}
