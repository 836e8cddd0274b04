//! A speaker as the quote stage wrote it (a name, a role, a nominal, a pronoun)
//! resolved to an entity: the named-in-sentence, apposition and role rules.

use super::{
    BUSINESS_NOUNS, Context, Entity, EntityKind, Event, Gender, HONORIFICS, KNOWN_ORGS,
    MAX_APPOSITION_BYTES, MAX_MENTIONS_BACK, NAME_PARTICLES, ORG_NOUNS, PERSON_NOUNS, Quote,
    ROLE_WORDS, Resolution, SPEECH_VERBS, SPOKES_NOUNS, STOP_WORDS, Span, Speaker, Wanted, WordSet,
    base_word, contains, gender_of_word, words,
};

/// How many paragraphs after the lede its role-noun speaker may be named
/// in ([`Context::lede_role`]).
const LEDE_ROLE_PARAGRAPHS: usize = 3;

/// Most words of a spokesperson subject before its speech verb, an
/// organisation's name and a short apposition to it included.
const MAX_SPOKES_SUBJECT_WORDS: usize = 14;

/// Institutions news names by one word after "the" ("The Treasury
/// said", "the Palace said"): never a descriptor of a person, as "the
/// Dane" or "the Democrat" is.
static ONE_WORD_INSTITUTIONS: WordSet = WordSet::new(
    "admiralty|cabinet|commons|kremlin|palace|pentagon|senate|treasury|vatican|whitehall",
);

impl<'a> Context<'a> {
    /// The name written right after entity `owner`'s possessive
    /// (`Veltrin's Justice Ministry`, `Kestovia's Energy Agency`): news
    /// names a country's or a company's body so, and the body is the one
    /// meant. Gives its span.
    pub(super) fn owns_next(&self, owner: usize) -> Option<Span> {
        let o = self.entities.get(owner)?;
        let next = self.entities.get(owner + 1)?;
        let gap = self.text.get(o.span.end..next.span.start)?;
        (matches!(gap, "'s " | "’s ") && Self::is_speaker_kind(next.kind)).then_some(next.span)
    }

    /// Resolves a speaker as written, at byte `at` (its cue).
    pub(super) fn resolve_written(
        &self,
        written: Span,
        at: usize,
        events: &[Event],
        exclude: Option<&str>,
    ) -> Speaker {
        let text = self.text;
        let mut speaker = Speaker::none(Some(written));
        // "said council leader Ann Roe", "said Brightwell's finance
        // director, Ann Roe": the name after the role words written.
        if let Some((entity, role)) = self.name_after(written) {
            speaker.entity = Some(entity);
            speaker.resolution = Resolution::NamedInSentence;
            speaker.role = Some(role);
            return speaker;
        }
        // "a spokeswoman for Quill's department" speaks for the
        // department, not for Quill.
        let spokes_for_owner = |entity: usize| {
            self.possessive(entity)
                && words(text, written).any(|w| contains(&SPOKES_NOUNS, w.text(text)))
        };
        // "the Democrat said" after "<Name>, a Democrat from …": "the" and
        // one capitalised word the entity stage took for a name is a
        // descriptor (a party, a nationality) when the text gave it to a
        // person before, as "the judge" is for "Judge <Name>" (a person's
        // name takes no article).
        let ws2: Vec<Span> = words(text, written).collect();
        if let [the, word] = ws2.as_slice()
            && matches!(the.text(text), "the" | "The")
            && word.text(text).starts_with(char::is_uppercase)
            && !contains(&ONE_WORD_INSTITUTIONS, word.text(text))
            && let Some(entity) = self.named_in(written)
            && self.kind(entity) != Some(EntityKind::Person)
            && !self.key(entity).contains('-')
        {
            self.person_back(
                at,
                Wanted {
                    gender: Gender::Unknown,
                    role: Some(word.text(text)),
                    exclude: None,
                },
                events,
                Resolution::Role,
                &mut speaker,
            );
            // "the Dane said", written once and never named otherwise: a
            // nationality or party noun for the person in view (an
            // organisation is named before news calls it "the …").
            let once = self
                .entities
                .iter()
                .skip(entity.saturating_sub(MAX_MENTIONS_BACK * 4))
                .take(MAX_MENTIONS_BACK * 8)
                .filter(|e| e.key == self.key(entity))
                .count()
                == 1
                && !contains(&KNOWN_ORGS, word.text(text));
            if speaker
                .entity
                .is_some_and(|e| once || self.carries_role(e, word.text(text)))
            {
                speaker.role = Some(*word);
                return speaker;
            }
            speaker = Speaker::none(Some(written));
        }
        if let Some(entity) = self.named_in(written).filter(|&e| !spokes_for_owner(e)) {
            // "the Brightwell boss": a person's role, by the organisation's
            // name; the person who carries it, else the organisation.
            if self.kind(entity) != Some(EntityKind::Person)
                && let Some(found) = self.org_role(written, at, events)
            {
                return found;
            }
            if let Some(both) = self.shared.get(&entity) {
                speaker.resolution = Resolution::Unresolved;
                speaker.candidates = both.clone();
                return speaker;
            }
            speaker.entity = Some(entity);
            speaker.resolution = Resolution::NamedInSentence;
            speaker.role = self.role_of(written, entity);
            return speaker;
        }
        let lower = written.text(text).trim().to_ascii_lowercase();
        let all: Vec<Span> = words(text, written).collect();
        let head = all.last().map_or("", |w| base_word(w.text(text)));
        match lower.as_str() {
            "he" | "she" => {
                let gender = if lower == "he" {
                    Gender::Male
                } else {
                    Gender::Female
                };
                // "A council spokeswoman said …. "…," she said": the
                // spokeswoman, for her organisation.
                if let Some(nominal) = self.spokes_subject(written, at, gender) {
                    let mut found = self.resolve_written(nominal, at, events, None);
                    if found.entity.is_some() {
                        found.written = Some(written);
                        return found;
                    }
                }
                // "Ms MacLeod, she said, had been "…"": the name before a
                // parenthetical "she said" is the reported clause's subject,
                // not the speaker.
                let exclude = exclude.or_else(|| self.parenthetical_subject(written));
                self.person_back(
                    at,
                    Wanted {
                        gender,
                        role: None,
                        exclude,
                    },
                    events,
                    Resolution::Pronoun,
                    &mut speaker,
                );
                return speaker;
            }
            "it" | "they" => {
                if lower == "they"
                    && let Some(person) = self.singular_they(at)
                {
                    speaker.entity = Some(person);
                    speaker.resolution = Resolution::Pronoun;
                    return speaker;
                }
                speaker.entity = self.org_back(at, None, events);
                if speaker.entity.is_some() {
                    speaker.resolution = Resolution::Nominal;
                }
                return speaker;
            }
            _ => {}
        }
        // A name the entity stage did not take ("de Wolf"): the person
        // named before whose name ends with it.
        if let Some(entity) = self.surname_back(written, at) {
            speaker.entity = Some(entity);
            speaker.resolution = Resolution::NamedInSentence;
            return speaker;
        }
        // Named further on in the clause: "a barber who gave only his first name, Tomas".
        if let Some(entity) = self.apposed_person(written) {
            speaker.entity = Some(entity);
            speaker.resolution = Resolution::Apposition;
            return speaker;
        }
        if contains(&SPOKES_NOUNS, head)
            || all.iter().any(|w| contains(&SPOKES_NOUNS, w.text(text)))
        {
            // "a union spokesman", "a spokeswoman for the club".
            let noun = all
                .iter()
                .find(|w| contains(&SPOKES_NOUNS, w.text(text)))
                .copied();
            speaker.role = noun;
            if let Some((org, _)) = self.relative_org(written.end) {
                speaker.entity = Some(org);
                speaker.resolution = Resolution::Nominal;
                return speaker;
            }
            let hint = all
                .iter()
                .map(|w| base_word(w.text(text)))
                .find(|w| contains(&ORG_NOUNS, w))
                .or_else(|| {
                    all.iter()
                        .map(|w| base_word(w.text(text)))
                        // "A coastguard spokeswoman" opening its sentence
                        // is hinted like "a coastguard spokeswoman".
                        .find(|w| {
                            !matches!(
                                w.to_ascii_lowercase().as_str(),
                                "a" | "an" | "the" | "its" | "their"
                            )
                        })
                        .filter(|w| !contains(&SPOKES_NOUNS, w))
                });
            speaker.entity = self.org_back(at, hint, events);
            if speaker.entity.is_some() {
                speaker.resolution = Resolution::Nominal;
            }
            return speaker;
        }
        if contains(&ORG_NOUNS, head) {
            speaker.entity = self.org_back(at, Some(head), events);
            if speaker.entity.is_some() {
                speaker.resolution = Resolution::Nominal;
            }
            return speaker;
        }
        // "the judge", "the 40-year-old", "the woman"; "the mother of
        // three" is headed by the noun before "of".
        let (head, all) = match all.iter().position(|w| w.text(text) == "of") {
            Some(i) if i >= 2 => (
                all.get(i - 1).map_or(head, |w| base_word(w.text(text))),
                all.get(..i).unwrap_or(&all).to_vec(),
            ),
            _ => (head, all),
        };
        let determined = all
            .first()
            .is_some_and(|w| matches!(w.text(text), "the" | "The"));
        // A title used as a role noun: "the bishop", "the senator".
        let person_noun = listed_role_head(head) || gender_of_word(head) != Gender::Unknown;
        // "the Portuguese national said: "I have fished …"": a nominal whose
        // head is no organisation's, with a quote in the first person
        // singular next to it, is a person, read like a role noun.
        let personal =
            !person_noun && unlisted_person_head(head) && self.first_person_quote_by(written);
        // A role noun no list holds that the text itself gives a person
        // named before ("Senior forecaster Tom Hale" … "the forecaster
        // warned"): the article's own use of the noun as a person's role.
        let carried = !person_noun && !personal && self.role_given_before(head, at);
        if determined && all.len() <= 3 && (person_noun || personal || carried) {
            let gender = gender_of_word(head);
            self.person_back(
                at,
                Wanted {
                    gender,
                    role: Some(head),
                    exclude: None,
                },
                events,
                Resolution::Role,
                &mut speaker,
            );
            if speaker.entity.is_some() {
                speaker.role = all
                    .get(1..)
                    .and_then(|r| Some(Span::new(r.first()?.start, r.last()?.end)));
            }
        }
        speaker
    }

    /// "the Brightwell boss said": a written speaker opening with "the" and
    /// ending in a person's role noun (not a spokesperson) after an
    /// organisation's name, resolved as that role noun alone.
    pub(super) fn org_role(&self, written: Span, at: usize, events: &[Event]) -> Option<Speaker> {
        let text = self.text;
        let all: Vec<Span> = words(text, written).collect();
        let head = base_word(all.last()?.text(text));
        let opens = all
            .first()
            .is_some_and(|w| matches!(w.text(text), "the" | "The"));
        let role = (contains(&ROLE_WORDS, head) || contains(&PERSON_NOUNS, head))
            && !contains(&SPOKES_NOUNS, head)
            && head.starts_with(char::is_lowercase);
        if !(opens && role && all.len() <= 4) {
            return None;
        }
        let mut speaker = Speaker::none(Some(written));
        self.person_back(
            at,
            Wanted {
                gender: gender_of_word(head),
                role: Some(head),
                exclude: None,
            },
            events,
            Resolution::Role,
            &mut speaker,
        );
        speaker.entity.is_some().then(|| {
            speaker.role = all.last().copied();
            speaker
        })
    }

    /// A person named right after role words written as the speaker (the
    /// quote stage stopped before the name): "council" in "said council
    /// leader Ann Roe", "Brightwell's" in "said Brightwell's finance
    /// director, Ann Roe". The words between are lowercase, hold a role
    /// or person noun, and only a comma may stand before the name. Gives
    /// the person and the role words.
    pub(super) fn name_after(&self, written: Span) -> Option<(usize, Span)> {
        let text = self.text;
        let raw = written.text(text).trim_end();
        let possessive = raw.ends_with("'s") || raw.ends_with("’s");
        let lower = words(text, written).all(|w| {
            let t = w.text(text);
            t.starts_with(char::is_lowercase) && !matches!(t, "he" | "she" | "it" | "they")
        });
        // "said Brindle Freight managing director Keith Morrow": the
        // written speaker is the organisation's name alone.
        let organisation = || {
            let i = self
                .entities
                .partition_point(|e| e.span.start < written.start);
            self.entities.get(i).is_some_and(|e| {
                e.span.start == written.start
                    && e.span.end == written.start + raw.len()
                    && self.kind(i) == Some(EntityKind::Organisation)
            })
        };
        if !(possessive || lower || organisation()) {
            return None;
        }
        let sentence = self.sentences.get(self.sentence_of(written.start)?)?;
        let limit = sentence.span.end.min(written.end + MAX_APPOSITION_BYTES);
        let (mut role_start, mut role_end) = (None, written.end);
        let mut role_seen = false;
        let mut prev = written.end;
        for w in words(text, Span::new(written.end, limit.max(written.end))).take(6) {
            let gap = text.get(prev..w.start)?.trim();
            let i = self.entities.partition_point(|e| e.span.start < w.start);
            if let Some(e) = self.entities.get(i).filter(|e| e.span.start == w.start) {
                let person = self.kind(i) == Some(EntityKind::Person);
                return (person && role_seen && (gap.is_empty() || gap == ","))
                    .then(|| (i, Span::new(role_start.unwrap_or(e.span.start), role_end)));
            }
            let t = w.text(text);
            if !gap.is_empty()
                || !t.starts_with(char::is_lowercase)
                || contains(&STOP_WORDS, t)
                || contains(&SPEECH_VERBS, t)
            {
                return None;
            }
            let b = base_word(t);
            role_seen |= contains(&ROLE_WORDS, b) || contains(&PERSON_NOUNS, b);
            role_start = role_start.or(Some(w.start));
            role_end = w.end;
            prev = w.end;
        }
        None
    }

    /// A nominal spokesperson that a he/she at byte `at` stands for: the
    /// subject of the sentence before, in the same paragraph, when the
    /// pronoun's quote opens its sentence ("A council spokeswoman said the
    /// report was late. "…," she said.") or the pronoun does. Gives the
    /// nominal ("A council spokeswoman"). The subject may carry its
    /// organisation's apposition before the verb ("A spokesman for
    /// Healthwatch Penbury, the local patients' watchdog, said …"): the
    /// verb is looked for within [`MAX_SPOKES_SUBJECT_WORDS`] words.
    pub(super) fn spokes_subject(&self, written: Span, at: usize, gender: Gender) -> Option<Span> {
        let text = self.text;
        let anchor = self.quote_before_cue(at);
        let s = self.sentence_of(anchor)?;
        let sentence = self.sentences.get(s)?;
        let lead = text.get(sentence.span.start..anchor)?.trim_start();
        let opens = (anchor != at && lead.is_empty())
            || lead.starts_with(['"', '“', '\'', '‘'])
            || text
                .get(sentence.span.start..written.start)
                .is_some_and(|l| l.trim().is_empty());
        let prev = s.checked_sub(1)?;
        if !opens || self.paragraph_of.get(prev) != self.paragraph_of.get(s) {
            return None;
        }
        let before = self.sentences.get(prev)?;
        let mut ws: Vec<Span> = words(text, before.span)
            .take(MAX_SPOKES_SUBJECT_WORDS)
            .collect();
        // A verb after a relative word is the clause's, not the subject's.
        let verb = match ws
            .iter()
            .take_while(|w| !matches!(w.text(text), "which" | "who" | "whose"))
            .position(|w| contains(&SPEECH_VERBS, w.text(text)))
        {
            Some(verb) => verb,
            // "A spokeswoman for the inquiry, which is run by <Org>, said
            // …": the subject before a relative clause.
            None => {
                let clause = self.clause_before_verb(before.span)?;
                ws = words(text, Span::new(before.span.start, clause))
                    .take(MAX_SPOKES_SUBJECT_WORDS)
                    .collect();
                ws.len()
            }
        };
        let subject = ws.get(..verb)?;
        let noun = subject.iter().find_map(|w| {
            let t = w.text(text).to_ascii_lowercase();
            (contains(&SPOKES_NOUNS, &t) && t != "statement").then_some(t)
        })?;
        let fits = match gender_of_word(&noun) {
            Gender::Unknown => true,
            g => g == gender,
        };
        let span = Span::new(subject.first()?.start, subject.last()?.end);
        let named = self
            .named_in(span)
            .is_some_and(|e| self.kind(e) == Some(EntityKind::Person) && !self.possessive(e));
        (fits && !named).then_some(span)
    }

    /// The role words of a named speaker: the words before the name inside
    /// the written span ("chief executive", "spokeswoman"), or an apposition
    /// after it ("Dana Whitfield, chief executive of Northgate Bank,").
    pub(super) fn role_of(&self, written: Span, entity: usize) -> Option<Span> {
        let text = self.text;
        let name = self.entities.get(entity)?.span;
        let before: Vec<Span> = words(text, Span::new(written.start, name.start))
            .filter(|w| {
                let t = w.text(text);
                !matches!(t, "a" | "an" | "the" | "The" | "A" | "An")
                    && !t.starts_with(char::is_uppercase)
            })
            .collect();
        if let (Some(first), Some(last)) = (before.first(), before.last()) {
            return Some(Span::new(first.start, last.end));
        }
        // "a Northgate spokeswoman": the words after the name in the span
        // (not the "s" of a possessive: "Achterberg's campaign").
        let inside: Vec<Span> = words(text, Span::new(name.end, written.end.max(name.end)))
            .filter(|w| w.text(text).starts_with(char::is_lowercase))
            .filter(|w| {
                !(w.text(text) == "s"
                    && text
                        .get(..w.start)
                        .is_some_and(|b| b.ends_with(['\'', '’'])))
            })
            .collect();
        if let (Some(first), Some(last)) = (inside.first(), inside.last())
            && !text
                .get(name.end..first.start)
                .is_some_and(|g| g.contains(','))
        {
            return Some(Span::new(first.start, last.end));
        }
        let inner = text.get(name.end..written.end.max(name.end))?;
        let from = if inner.trim().is_empty() {
            written.end.max(name.end)
        } else {
            name.end
        };
        let rest = text.get(from..)?.strip_prefix(',')?;
        let skipped = rest.len() - rest.trim_start().len();
        let rest = rest.trim_start();
        let len = rest
            .find([',', '.', ';', '"', '“', '”', '—', '('])
            .unwrap_or(rest.len());
        let phrase = rest.get(..len)?.trim_end();
        let first = phrase.split_whitespace().next()?;
        let numeric = first.starts_with(|c: char| c.is_ascii_digit());
        if numeric
            || phrase.len() > 70
            || matches!(
                first,
                "who" | "which" | "said" | "told" | "added" | "when" | "as" | "on" | "in" | "at"
            )
        {
            return None;
        }
        let start = from + 1 + skipped;
        Some(Span::new(start, start + phrase.len()))
    }

    /// A written speaker that is a name no entity covers ("de Wolf",
    /// "Van der Berg"): the person mentioned before `at` (bounded) whose
    /// key is it or ends with it.
    pub(super) fn surname_back(&self, written: Span, at: usize) -> Option<usize> {
        let text = self.text;
        let ws: Vec<&str> = words(text, written).map(|w| w.text(text)).collect();
        let capital = |w: &str| w.starts_with(char::is_uppercase);
        let namelike = !ws.is_empty()
            && ws.len() <= 4
            && ws.iter().any(|w| capital(w))
            && ws.iter().all(|w| capital(w) || NAME_PARTICLES.has_exact(w))
            && !ws.iter().any(|w| contains(&STOP_WORDS, w));
        if !namelike {
            return None;
        }
        let key = ws.join("-").to_lowercase();
        self.mentions_in(0, at)
            .iter()
            .rev()
            .take(MAX_MENTIONS_BACK * 2)
            .find(|m| {
                let k = self.key(m.entity);
                self.kind(m.entity) == Some(EntityKind::Person)
                    && (k == key
                        || k.strip_suffix(key.as_str())
                            .is_some_and(|head| head.ends_with('-')))
            })
            .map(|m| m.entity)
    }

    /// The key of the person named right before a parenthetical pronoun
    /// and speech verb ("Ms MacLeod, she said, had been …").
    pub(super) fn parenthetical_subject(&self, pronoun: Span) -> Option<&'a str> {
        let text = self.text;
        let lead = text.get(..pronoun.start)?.strip_suffix(", ")?;
        let rest = text.get(pronoun.end..)?;
        let verb = rest.strip_prefix(' ')?.split([',', ' ']).next()?;
        if !contains(&SPEECH_VERBS, verb) || !rest.get(1 + verb.len()..)?.starts_with(',') {
            return None;
        }
        let i = self.entities.partition_point(|e| e.span.end < lead.len());
        self.entities.get(i).filter(|e| e.span.end == lead.len())?;
        (self.kind(i) == Some(EntityKind::Person)).then(|| self.key(i))
    }

    /// A nominal speaker named in apposition after it, in its sentence.
    pub(super) fn apposed_person(&self, written: Span) -> Option<usize> {
        let text = self.text;
        let sentence = self.sentences.get(self.sentence_of(written.start)?)?;
        let limit = sentence.span.end.min(written.end + MAX_APPOSITION_BYTES);
        let between_ok = |e: &Entity| {
            text.get(written.end..e.span.start)
                .is_some_and(|gap| gap.contains(',') && !gap.contains(['"', '“', '”', ';']))
        };
        let from = self
            .entities
            .partition_point(|e| e.span.start < written.end);
        let (i, e) = self
            .entities
            .get(from..)?
            .iter()
            .enumerate()
            .take_while(|(_, e)| e.span.start < limit)
            .find(|(_, e)| Self::is_speaker_kind(e.kind))?;
        let lead = written.text(text).trim_start();
        let right_after = text
            .get(written.end..e.span.start)
            .is_some_and(|gap| gap.trim() == ",");
        let nominal_person = lead.starts_with("a ") || lead.starts_with("an ") || right_after;
        (self.kind(from + i) == Some(EntityKind::Person) && nominal_person && between_ok(e))
            .then_some(from + i)
    }

    /// Does mention `entity` carry the role word `role` (a title before it,
    /// or the word or age in the clause after it)?
    /// A lede that introduces its speaker by a role noun with an
    /// indefinite article and names them later ("A coroner has criticised
    /// a hospital for "missed chances" …" … "Senior coroner Helen Achebe
    /// told the inquest …"): a quote in the article's first paragraph,
    /// whose sentence opens with `A`/`An` and a role noun (within its first
    /// three words, before the quote, no other speaker written), goes to
    /// the first person after it, within [`LEDE_ROLE_PARAGRAPHS`]
    /// paragraphs, who carries that role.
    pub(super) fn lede_role(&self, quote: &Quote) -> Option<Speaker> {
        let text = self.text;
        let first = self.sentences.first()?;
        let s = self.sentence_of(quote.span.start)?;
        let sentence = self.sentences.get(s)?;
        let lede = self.paragraph_at(first.span.start);
        if self.paragraph_at(quote.span.start) != lede {
            return None;
        }
        let mut ws = words(text, Span::new(sentence.span.start, quote.span.start));
        let article = ws.next()?;
        if !matches!(article.text(text), "A" | "An") {
            return None;
        }
        let role = ws.take(2).find(|w| {
            let t = w.text(text);
            t.bytes().all(|b| b.is_ascii_lowercase())
                && (contains(&PERSON_NOUNS, t) || contains(&ROLE_WORDS, t))
        })?;
        if quote
            .speaker
            .is_some_and(|w| w.start != article.start || w.end < role.end)
        {
            return None;
        }
        let found = self
            .mentions_in(quote.span.end, usize::MAX)
            .iter()
            .take(MAX_MENTIONS_BACK)
            .take_while(|m| m.paragraph <= lede + LEDE_ROLE_PARAGRAPHS)
            .find(|m| {
                self.kind(m.entity) == Some(EntityKind::Person)
                    && self.carries_role(m.entity, role.text(text))
            })?;
        let mut speaker = Speaker::resolved(found.entity, Resolution::Role);
        speaker.written = quote.speaker;
        speaker.role = Some(role);
        Some(speaker)
    }

    /// Whether `head`, a lowercase noun no list holds as an organisation's,
    /// is the role of a person named before `at`, as the text itself gives
    /// it ("Senior forecaster Tom Hale", "Tom Hale, the forecaster").
    pub(super) fn role_given_before(&self, head: &str, at: usize) -> bool {
        unlisted_person_head(head)
            && self
                .mentions_in(0, at)
                .iter()
                .rev()
                .take(MAX_MENTIONS_BACK)
                .any(|m| {
                    self.kind(m.entity) == Some(EntityKind::Person)
                        && self.carries_role(m.entity, head)
                })
    }

    /// Whether `head` names a person by role: a role or person noun, a
    /// title used as one ("the bishop"), an age ("the 40-year-old"), or a
    /// noun the text gives a person named before `at` as their role.
    pub(super) fn person_role_head(&self, head: &str, at: usize) -> bool {
        listed_role_head(head) || self.role_given_before(head, at)
    }

    pub(super) fn carries_role(&self, entity: usize, role: &str) -> bool {
        let text = self.text;
        let Some(e) = self.entities.get(entity) else {
            return false;
        };
        let age = role
            .strip_suffix("-year-old")
            .filter(|n| n.bytes().all(|b| b.is_ascii_digit()) && !n.is_empty());
        let before = text
            .get(e.span.start.saturating_sub(40)..e.span.start)
            .or_else(|| text.get(..e.span.start))
            .unwrap_or("");
        let after = text.get(e.span.end..).unwrap_or("");
        let after = after.get(..after.len().min(60)).unwrap_or("");
        let after = after.split(['.', ';']).next().unwrap_or("");
        // "The Otters' captain, Ann Roe": the role after a possessive is
        // the one the owner has, not the owner's.
        let owner = after.starts_with(['\'', '’']);
        if let Some(n) = age {
            let apposed = after.strip_prefix(", ").is_some_and(|r| {
                r.starts_with(n) && r.get(n.len()..).is_some_and(|t| t.starts_with(','))
            });
            return apposed || before.trim_end().ends_with(role);
        }
        let word_in = |hay: &str| {
            hay.split(|c: char| !c.is_alphanumeric() && c != '-')
                .any(|w| w.eq_ignore_ascii_case(role))
        };
        // "met his Kestovian counterpart, Radek Moravec": news names the
        // second of two officials of one rank by the word "counterpart",
        // who holds the same post, so carries the role noun too (and two
        // who carry it are told apart as for a pronoun).
        let counterpart = before
            .trim_end_matches(", ")
            .split_whitespace()
            .next_back()
            .is_some_and(|w| w.eq_ignore_ascii_case("counterpart"));
        if counterpart {
            return true;
        }
        // "a porter who gave his name only as Ned", "a nurse named Ida":
        // the role noun earlier in the clause that ends with the name.
        let clause = before
            .rsplit(['.', ';', '"', '“', '”'])
            .next()
            .unwrap_or("")
            .trim_end();
        let introduced =
            clause.ends_with(" as") || clause.ends_with(" named") || clause.ends_with(" called");
        if introduced
            && clause
                .rsplit(',')
                .next()
                .is_some_and(|c| c.split_whitespace().any(|w| w.eq_ignore_ascii_case(role)))
        {
            return true;
        }
        // The title run right before the name: "Detective Sergeant Ann
        // Roe" carries "detective" and "sergeant".
        // "the top seed, Lena Vasquez": the role in apposition before.
        // A title between the comma and the name is no part of either:
        // "the Speaker, Dame Frances Okon" carries "speaker".
        let untitled = before
            .trim_end()
            .rsplit_once(' ')
            .filter(|(_, w)| contains(&HONORIFICS, &w.trim_end_matches('.').to_ascii_lowercase()))
            .map_or(before, |(b, _)| b)
            .trim_end();
        let before_name = if untitled.len() < before.trim_end().len() {
            format!("{untitled} ")
        } else {
            before.to_string()
        };
        let apposed_before = before_name
            .strip_suffix(", ")
            .and_then(|b| b.split_whitespace().next_back())
            .is_some_and(|w| w.eq_ignore_ascii_case(role))
            && !before_name.trim_end_matches(", ").ends_with(['\'', '’']);
        if apposed_before {
            return true;
        }
        let run = before
            .split_whitespace()
            .rev()
            .take(3)
            .take_while(|w| w.chars().all(|c| c.is_alphanumeric() || c == '-'))
            .enumerate()
            .take_while(|(i, w)| *i == 0 || w.starts_with(char::is_uppercase))
            .any(|(_, w)| word_in(w));
        // After the name, only up to its verb: in "Dermot Ferris said his
        // striker had been …" the striker is another's ("Ann Roe, its
        // captain, said" carries "captain").
        let mut cut = after.len();
        let mut offset = 0;
        for w in after.split_inclusive(|c: char| !c.is_alphanumeric() && c != '-') {
            let bare = w.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '-');
            if contains(&SPEECH_VERBS, bare) {
                cut = offset;
                break;
            }
            offset += w.len();
        }
        let after = after.get(..cut).unwrap_or(after);
        run || !owner
            && word_in(
                after
                    .split(',')
                    .take(2)
                    .collect::<Vec<_>>()
                    .join(",")
                    .as_str(),
            )
    }
}

/// Whether `head` is a person's role by the lists: an age ("the
/// 40-year-old"), a role or person noun, or a title used as one ("the
/// bishop").
fn listed_role_head(head: &str) -> bool {
    head.ends_with("-year-old")
        || contains(&ROLE_WORDS, head)
        || (contains(&HONORIFICS, head) && head.len() > 3)
        || contains(&PERSON_NOUNS, head)
}

/// Whether `head`, a noun no list gives a person, may still be one: a
/// lowercase word that is no organisation's, spokesperson's or stop word.
fn unlisted_person_head(head: &str) -> bool {
    head.starts_with(char::is_lowercase)
        && !contains(&ORG_NOUNS, head)
        && !contains(&BUSINESS_NOUNS, head)
        && !contains(&SPOKES_NOUNS, head)
        && !contains(&STOP_WORDS, head)
}
