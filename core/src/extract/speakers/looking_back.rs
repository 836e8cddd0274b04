//! Walks back from a quote to the person or organisation a pronoun, role or
//! nominal stands for.

use super::{
    BUSINESS_NOUNS, Context, EntityKind, Event, Fnv, Gender, INSTITUTION_NOUNS, KIND_NOUNS,
    MAX_APPOSITION_BYTES, MAX_MENTIONS_BACK, MAX_PARAGRAPHS_BACK, Mention, ORG_NOUNS, OrgFacts,
    Resolution, SPEECH_VERBS, Span, Speaker, Wanted, WordSet, contains, words,
};

/// Prepositions: a name right after one is no subject of its sentence for
/// [`Context::org_back`].
static PREPOSITIONS: WordSet =
    WordSet::new("about|across|against|at|by|for|from|in|into|near|of|on|over|to|with|without");

/// Nouns for an organisation that is no business and no public body
/// either: "the company" or "the firm" never takes one whose name holds
/// one of these ("Aircrew and Travel Union"), as it never takes an
/// institution ([`INSTITUTION_NOUNS`]).
static NOT_BUSINESS_NOUNS: WordSet =
    WordSet::new("action|association|campaign|charity|federation|league|party|union");

/// Whether an organisation's key names no business: it holds an
/// institution's noun or one of [`NOT_BUSINESS_NOUNS`].
fn no_business(key: &str) -> bool {
    key.split('-')
        .any(|w| contains(&INSTITUTION_NOUNS, w) || contains(&NOT_BUSINESS_NOUNS, w))
}

/// Words an organisation's name carries for its trade, by the noun news
/// calls such an organisation ("Corvane Air … the airline", "Halbrook
/// Motors … the carmaker", "Brightmoor Insurance … the insurer"): a name
/// holding one is named with that noun as if it held the noun itself.
const TRADE_NAME_WORDS: &[(&str, &str)] = &[
    ("airline", "air|airlines|airways"),
    ("automaker", "auto|automotive|cars|motor|motors"),
    ("bank", "bancorp|banking"),
    ("brewer", "breweries|brewery|brewing"),
    ("broadcaster", "broadcasting|radio|television|tv"),
    ("carmaker", "auto|automotive|cars|motor|motors"),
    ("carrier", "air|airlines|airways|shipping"),
    ("drugmaker", "pharma|pharmaceuticals|therapeutics"),
    ("insurer", "assurance|insurance"),
    ("lender", "bank|banking|bancorp"),
    ("publisher", "books|publishing"),
    ("studio", "films|pictures|studios"),
    ("supermarket", "stores|supermarkets"),
];

/// Does the organisation `key` name itself as a `noun`: a word of it is the
/// noun (plural too: "Penbury and District Hospitals NHS Trust" for "the
/// hospital"), or a word of the noun's trade ([`TRADE_NAME_WORDS`]) when
/// the name is no public body's ("Air Safety Authority" is no airline)?
fn names_as(noun: &str, key: &str) -> bool {
    let public = key.split('-').any(|w| contains(&INSTITUTION_NOUNS, w));
    key.split('-').any(|word| {
        word.eq_ignore_ascii_case(noun)
            || word
                .strip_suffix('s')
                .is_some_and(|w| w.eq_ignore_ascii_case(noun))
            || (!public
                && TRADE_NAME_WORDS.iter().any(|&(n, ws)| {
                    n.eq_ignore_ascii_case(noun)
                        && ws.split('|').any(|w| w.eq_ignore_ascii_case(word))
                }))
    })
}

/// Every name word of [`TRADE_NAME_WORDS`], for one hashed look-up (a test
/// keeps the two in step): [`is_trade_word`] runs for every organisation
/// mention a nominal looks back over.
static TRADE_WORDS: WordSet = WordSet::new(
    "air|airlines|airways|assurance|auto|automotive|bancorp|bank|banking|books|breweries|\
     brewery|brewing|broadcasting|cars|films|insurance|motor|motors|pharma|pharmaceuticals|\
     pictures|publishing|radio|shipping|stores|studios|supermarkets|television|therapeutics|tv",
);

/// Is `word` a name word of some trade ([`TRADE_NAME_WORDS`])?
fn is_trade_word(word: &str) -> bool {
    contains(&TRADE_WORDS, word)
}

/// Legal forms in a company's name ("Marl Holdings", "Dunmore plc").
static COMPANY_FORMS: WordSet =
    WordSet::new("co|corp|corporation|holdings|inc|limited|llc|ltd|plc");

/// The word filter's bits of a noun and of its trade's name words.
fn noun_bits(noun: &str) -> u64 {
    TRADE_NAME_WORDS
        .iter()
        .filter(|&&(n, _)| n.eq_ignore_ascii_case(noun))
        .flat_map(|&(_, ws)| ws.split('|'))
        .fold(word_bit(noun) | word_bit(&format!("{noun}s")), |bits, w| {
            bits | word_bit(w)
        })
}

/// Words that make a name one kind of organisation, besides
/// [`KIND_NOUNS`]: "the club" or "the airline" never takes a name holding
/// one ("National Football Association", "Rovers Supporters' Trust").
static OTHER_KIND_WORDS: WordSet = WordSet::new(
    "agency|association|authority|commission|department|federation|inspectorate|ombudsman|\
     party|trust",
);

/// Nouns for bodies that news names by their kind ("Harwell District
/// Council", "Ministry of Health", "High Court"): "the council" is one
/// whose name is an institution's.
pub(super) static NAMED_BY_KIND: WordSet =
    WordSet::new("council|court|embassy|ministry|parliament|university");

/// Words that name a sports league without the word "league".
static LEAGUE_NAME_WORDS: WordSet = WordSet::new("championship|conference|division|premiership");

/// A word's bit in a 64-bit filter of words (ASCII case ignored): words
/// equal but for case have the same bit.
fn word_bit(word: &str) -> u64 {
    use std::hash::Hasher as _;
    let mut hash = Fnv::default();
    for b in word.bytes() {
        hash.write_u8(b.to_ascii_lowercase());
    }
    1 << (hash.finish() >> 58)
}

/// Verbs of a reply to a question ([`Context::reply_to_question`]).
static REPLY_VERBS: WordSet = WordSet::new("answered|replied|responded|retorted");

/// Verbs of asking a question.
static ASK_VERBS: WordSet = WordSet::new("ask|asked|asking|pressed|quizzed|questioned");
/// Words that open the question an ask verb puts ("asked her whether …").
static QUESTION_WORDS: WordSet = WordSet::new("about|how|if|what|when|where|whether|which|who|why");

/// Most words of a sentence read for the verb that puts a question to
/// someone ([`Context::unnamed_subject`]).
const MAX_ASK_WORDS: usize = 24;

impl<'a> Context<'a> {
    /// A person for a pronoun or role noun at byte `at`.
    pub(super) fn person_back(
        &self,
        at: usize,
        want: Wanted<'_>,
        events: &[Event],
        rule: Resolution,
        out: &mut Speaker,
    ) {
        let Wanted {
            gender,
            role,
            exclude,
        } = want;
        let text = self.text;
        let here = self.paragraph_at(at);
        let end = self.mentions.partition_point(|m| m.at < at);
        // "the 19-year-old" is not the person the text says is 28.
        let age = role.and_then(|r| r.strip_suffix("-year-old"));
        let compatible = |entity: usize| {
            self.kind(entity) == Some(EntityKind::Person)
                && exclude != Some(self.key(entity))
                && age.is_none_or(|n| self.ages.get(self.key(entity)).is_none_or(|a| *a == n))
                && (gender == Gender::Unknown
                    || matches!(self.gender(entity), Gender::Unknown)
                    || self.gender(entity) == gender)
        };
        // A role word: the person whose mention carries it.
        if let Some(role) = role {
            let mut found: Option<usize> = None;
            let mut clash = false;
            for m in self
                .mentions
                .get(..end)
                .unwrap_or(&[])
                .iter()
                .rev()
                .take(MAX_MENTIONS_BACK * 2)
            {
                if compatible(m.entity) && self.carries_role(m.entity, role) {
                    match found {
                        Some(f) if self.key(f) != self.key(m.entity) => clash = true,
                        None => found = Some(m.entity),
                        _ => {}
                    }
                }
            }
            if let (Some(entity), false) = (found, clash) {
                out.entity = Some(entity);
                out.resolution = rule;
                return;
            }
        }
        let mut candidates: Vec<usize> = Vec::new();
        let mut paragraph = here;
        let mut k = end;
        let mut e = events.len();
        loop {
            // Mentions and events of `paragraph` before `at`.
            while k > 0 && end - k < MAX_MENTIONS_BACK {
                let Some(m) = self.mentions.get(k - 1) else {
                    break;
                };
                if m.paragraph != paragraph {
                    break;
                }
                k -= 1;
                if compatible(m.entity)
                    && !candidates
                        .iter()
                        .any(|&c| self.key(c) == self.key(m.entity))
                {
                    candidates.push(m.entity);
                }
            }
            while e > 0 {
                let Some(ev) = events.get(e - 1) else {
                    break;
                };
                if ev.paragraph < paragraph {
                    break;
                }
                e -= 1;
                if ev.paragraph == paragraph
                    && ev.at < at
                    && compatible(ev.entity)
                    && !candidates
                        .iter()
                        .any(|&c| self.key(c) == self.key(ev.entity))
                {
                    candidates.push(ev.entity);
                }
            }
            // No person in the pronoun's own paragraph: a name there that
            // was only guessed an organisation and reads like a person's
            // (two or three plain words) is the one "he" or "she" stands
            // for, when it is the only such name: `Senior forecaster Aksel
            // Brinn said …. "…," he said.` An organisation is never "he".
            if candidates.is_empty() && paragraph == here && gender != Gender::Unknown {
                let mut guessed = self
                    .mentions
                    .get(..end)
                    .unwrap_or(&[])
                    .iter()
                    .rev()
                    .take_while(|m| m.paragraph == here)
                    .filter(|m| self.reads_like_a_person(m.entity));
                if let Some(first) = guessed.next()
                    && guessed.all(|m| self.key(m.entity) == self.key(first.entity))
                {
                    candidates.push(first.entity);
                }
            }
            if !candidates.is_empty() || paragraph == 0 || here - paragraph >= MAX_PARAGRAPHS_BACK {
                break;
            }
            paragraph -= 1;
        }
        match candidates.len() {
            0 => {}
            1 => {
                out.entity = candidates.first().copied();
                out.resolution = rule;
            }
            _ => {
                // The subject of the sentence just before, in the same
                // paragraph, when the cue's sentence opens with the quote:
                // `Stroud defended the officials. "…," he said.` (the quote
                // may hold several sentences: the one it opens counts).
                let anchor = self.quote_before_cue(at);
                let pronoun = match gender {
                    Gender::Male => "he",
                    Gender::Female => "she",
                    Gender::Unknown => "",
                };
                let mut opened = None;
                let subject = self.sentence_of(anchor).and_then(|s| {
                    let sentence = self.sentences.get(s)?;
                    let lead = text.get(sentence.span.start..anchor)?.trim_start();
                    // Or the pronoun is its sentence's subject, after an
                    // opening phrase at most: `Asked what she would buy,
                    // she replied: "…"`.
                    let mut subject = words(text, Span::new(self.sentence_lead(s), at));
                    let subject_pronoun = anchor == at
                        && !pronoun.is_empty()
                        && subject
                            .next()
                            .is_some_and(|w| w.text(text).eq_ignore_ascii_case(pronoun))
                        && subject.next().is_none();
                    // Or it closes a sentence of reported speech: `Sorby
                    // rejected that. Trask had been invited twice, she
                    // said.` (a name inside what is reported is what is
                    // spoken about, not who speaks).
                    let trailing = anchor == at
                        && !pronoun.is_empty()
                        && text.get(sentence.span.start..at).is_some_and(|before| {
                            let before = before.trim_end();
                            let cut = before.len().saturating_sub(pronoun.len());
                            before
                                .get(cut..)
                                .is_some_and(|p| p.eq_ignore_ascii_case(pronoun))
                                && before.get(..cut).is_some_and(|clause| {
                                    clause.trim_end().ends_with(',')
                                        && !clause.trim_start().starts_with(['"', '“', '\'', '‘'])
                                })
                        });
                    let opens = (anchor != at && lead.is_empty())
                        || lead.starts_with(['"', '“', '\'', '‘'])
                        || subject_pronoun
                        || trailing;
                    let prev = s.checked_sub(1)?;
                    let same = self.paragraph_of.get(prev) == self.paragraph_of.get(s);
                    if opens && same {
                        opened = Some(s);
                    }
                    (opens && same).then(|| self.subject_of(prev)).flatten()
                });
                if let Some(subject) = subject
                    && candidates.iter().any(|&c| self.key(c) == self.key(subject))
                {
                    // "Arslan interrupted her to ask whether …. "…," she
                    // replied": in an exchange news writes so, the reply
                    // is the one asked's, not the asker's.
                    let others: Vec<usize> = candidates
                        .iter()
                        .copied()
                        .filter(|&c| self.key(c) != self.key(subject))
                        .collect();
                    // "Corless asked Tarbet whether she had read the
                    // notes. "I had not," she said": the one a question
                    // was put to answers it.
                    let questioned = opened
                        .and_then(|s| s.checked_sub(1))
                        .and_then(|prev| self.questioned_in(prev))
                        .filter(|&q| others.iter().any(|&c| self.key(c) == self.key(q)));
                    out.entity = match others.as_slice() {
                        [other] if self.reply_to_question(anchor, at) => Some(*other),
                        _ => questioned.or(Some(subject)),
                    };
                    out.resolution = rule;
                    return;
                }
                if subject.is_none()
                    && let Some(found) =
                        opened.and_then(|s| self.unnamed_subject(s, pronoun, &candidates))
                {
                    out.entity = Some(found);
                    out.resolution = rule;
                    return;
                }
                // The last speaker of this paragraph, when no other
                // candidate is named after it: `"…," Roe said. "…," she
                // added.`
                let last = events
                    .iter()
                    .rev()
                    .take(8)
                    .find(|ev| ev.at < at && ev.paragraph == paragraph);
                if let Some(ev) = last
                    && candidates
                        .iter()
                        .any(|&c| self.key(c) == self.key(ev.entity))
                {
                    let other = self
                        .mentions_in(ev.at.saturating_add(1), at)
                        .iter()
                        .any(|m| {
                            self.key(m.entity) != self.key(ev.entity)
                                && candidates
                                    .iter()
                                    .any(|&c| self.key(c) == self.key(m.entity))
                        });
                    if !other {
                        out.entity = Some(ev.entity);
                        out.resolution = rule;
                        return;
                    }
                }
                // Exactly one candidate who spoke in this or the paragraph before.
                let spoke: Vec<usize> = candidates
                    .iter()
                    .copied()
                    .filter(|&c| {
                        events.iter().rev().take(8).any(|ev| {
                            ev.at < at
                                && ev.paragraph + 1 >= paragraph
                                && self.key(ev.entity) == self.key(c)
                        })
                    })
                    .collect();
                if spoke.len() == 1 {
                    out.entity = spoke.first().copied();
                    out.resolution = rule;
                } else {
                    out.resolution = Resolution::Unresolved;
                    out.candidates = candidates;
                }
            }
        }
    }

    /// The person a he/she opening sentence `s` (its quote opens it, or
    /// the pronoun is its subject) stands for when the sentence before,
    /// in the paragraph, has no name for its subject ([`Context::subject_of`]
    /// found none) and several `candidates` of that gender are in reach:
    ///
    /// - that sentence opens with `The <role noun>` exactly one candidate
    ///   carries: `The judge granted the request. "…," he told Treadwell.`
    ///   (the judge, not the barrister named in between);
    /// - that sentence, or the one before it when it opens with the same
    ///   pronoun, puts a question to a candidate named right after the
    ///   ask verb: `Lennard asked Ainsworth whether …. She said they had
    ///   no choice. "…," she said.` — in news writing the one asked answers.
    fn unnamed_subject(&self, s: usize, pronoun: &str, candidates: &[usize]) -> Option<usize> {
        let text = self.text;
        let here = self.paragraph_of.get(s)?;
        let prev = s.checked_sub(1)?;
        let before = self.sentences.get(prev)?;
        let mut lead = words(text, Span::new(self.sentence_lead(prev), before.span.end));
        let (first, second) = (lead.next()?, lead.next());
        if first.text(text).eq_ignore_ascii_case("the")
            && let Some(noun) = second.map(|w| w.text(text))
            && noun.starts_with(|c: char| c.is_lowercase())
        {
            let mut carriers = candidates.iter().filter(|&&c| self.carries_role(c, noun));
            if let (Some(&one), None) = (carriers.next(), carriers.next()) {
                return Some(one);
            }
            return None;
        }
        // The question: this sentence, or the one before a sentence that
        // carries the answer on with the same pronoun.
        let asking = if !pronoun.is_empty() && first.text(text).eq_ignore_ascii_case(pronoun) {
            let p = prev.checked_sub(1)?;
            (self.paragraph_of.get(p) == Some(here)).then_some(p)?
        } else {
            prev
        };
        let asked = self.asked_in(asking)?;
        candidates
            .iter()
            .any(|&c| self.key(c) == self.key(asked))
            .then_some(asked)
    }

    /// The person sentence `s` asks something of: named right after an
    /// active ask verb ("Lennard asked Ainsworth …").
    fn asked_in(&self, s: usize) -> Option<usize> {
        let text = self.text;
        let sentence = self.sentences.get(s)?;
        // Bounded, so a run-on sentence keeps the stage linear.
        let verb = active_ask_verb(text, sentence.span, MAX_ASK_WORDS)?;
        let asked = self.mentions_in(verb.end, sentence.span.end).first()?;
        let gap = text.get(verb.end..asked.at)?;
        gap.trim().is_empty().then_some(asked.entity)
    }

    /// The person sentence `s` puts a question to: named right after an
    /// active ask verb and followed by a question word ("asked Tarbet
    /// whether …", "asked Rennick why …"), not a request ("asked the jury
    /// to …").
    fn questioned_in(&self, s: usize) -> Option<usize> {
        let text = self.text;
        let asked = self.asked_in(s)?;
        let end = self.entities.get(asked)?.span.end;
        let sentence = self.sentences.get(s)?;
        let after = words(text, Span::new(end, sentence.span.end)).next()?;
        contains(&QUESTION_WORDS, after.text(text)).then_some(asked)
    }

    /// Is the cue at byte `at` a reply verb ("she replied"), after a
    /// sentence before the one opening at `anchor` (in its paragraph)
    /// whose subject asked something ("Arslan interrupted her to ask …")?
    pub(super) fn reply_to_question(&self, anchor: usize, at: usize) -> bool {
        let text = self.text;
        let Some(s) = self.sentence_of(at) else {
            return false;
        };
        let end = self.sentences.get(s).map_or(at, |x| x.span.end.max(at));
        let replies = words(text, Span::new(at, end))
            .next()
            .is_some_and(|w| contains(&REPLY_VERBS, w.text(text)));
        // Active: "<Name> was asked …" and "Asked …, <Name> said" make
        // the subject the one asked.
        let asked = self
            .sentence_of(anchor)
            .and_then(|a| a.checked_sub(1))
            .and_then(|p| self.sentences.get(p))
            .is_some_and(|p| active_ask_verb(text, p.span, usize::MAX).is_some());
        replies && asked
    }

    /// The start of the quote a cue at byte `at` closes off (`"… . …," he
    /// said`: the quote ends open, with only its speaker before the cue),
    /// else `at`.
    pub(super) fn quote_before_cue(&self, at: usize) -> usize {
        let i = self.quoted.partition_point(|(q, _)| q.end <= at);
        let Some(&(span, content)) = i.checked_sub(1).and_then(|i| self.quoted.get(i)) else {
            return at;
        };
        let gap = self.text.get(span.end..at).unwrap_or(".");
        let open_ended = content
            .text(self.text)
            .trim_end()
            .ends_with([',', '!', '?', '…', '—', '–'])
            || gap.trim_start().starts_with(',');
        if open_ended
            && gap.len() <= MAX_APPOSITION_BYTES
            && !gap.contains(['.', '!', '?', '"', '“', '”'])
        {
            span.start
        } else {
            at
        }
    }

    /// [`Context::org_facts`]: per entity, read once rather than for every
    /// mention [`Context::org_back`] looks back over.
    pub(super) fn collect_org_facts(&mut self) {
        let text = self.text;
        let headline_words: Vec<&str> = self
            .headline
            .split(|c: char| !c.is_alphanumeric())
            .collect();
        let facts = (0..self.entities.len())
            .map(|entity| {
                if !matches!(
                    self.kind(entity),
                    Some(EntityKind::Organisation | EntityKind::Group)
                ) {
                    return OrgFacts::default();
                }
                let key = self.key(entity);
                let first = key.split('-').next().unwrap_or("");
                let end = self.entities.get(entity).map_or(0, |e| e.span.end);
                let apposition = text
                    .get(end..)
                    .and_then(|after| after.strip_prefix(", "))
                    .map(|rest| {
                        let start = text.len() - rest.len();
                        let stop = rest
                            .bytes()
                            .position(|b| matches!(b, b',' | b'.' | b';'))
                            .unwrap_or(rest.len());
                        Span::new(start, start + stop)
                    })
                    .filter(|clause| clause.text(text).starts_with(|c: char| c.is_lowercase()))
                    // "… who founded the club Orva Open Water, said the
                    // ministry had …": a verb opens the main clause, not an
                    // apposition.
                    .filter(|clause| {
                        clause.text(text).split_whitespace().next().is_none_or(|w| {
                            !contains(&SPEECH_VERBS, w)
                                && !matches!(
                                    w,
                                    "has" | "had" | "have" | "is" | "was" | "were" | "will"
                                )
                        })
                    })
                    .unwrap_or_default();
                OrgFacts {
                    org: true,
                    // In its name, or in apposition ("the Food Standards
                    // Office, the government regulator,").
                    institution: no_business(key)
                        || apposition
                            .text(text)
                            .split_whitespace()
                            .take(6)
                            .any(|w| contains(&INSTITUTION_NOUNS, w)),
                    in_headline: first.len() > 2 && headline_words.contains(&first),
                    apposition,
                    words: key
                        .split('-')
                        .chain(apposition.text(text).split_whitespace().take(6))
                        .fold(0, |bits, w| bits | word_bit(w)),
                }
            })
            .collect::<Vec<_>>();
        self.org_facts = facts;
        // The organisation named only in the headline, at its stand-in index.
        if let Some(org) = &self.headline_org {
            self.org_facts.push(OrgFacts {
                org: true,
                institution: no_business(&org.key),
                in_headline: true,
                apposition: Span::default(),
                words: org.key.split('-').fold(0, |bits, w| bits | word_bit(w)),
            });
        }
    }

    /// An organisation's key, the headline's organisation's at its stand-in
    /// index ([`Context::headline_org`]).
    fn org_key(&self, entity: usize) -> &str {
        match &self.headline_org {
            Some(org) if entity == self.entities.len() => &org.key,
            _ => self.key(entity),
        }
    }

    /// An organisation for a nominal or "it" at byte `at`: named with the
    /// noun `hint`, else the nearer of the one that spoke last and the
    /// subject of a recent sentence (a "The <noun>" subject naming one:
    /// [`Context::nominal_subject_org`]; one after a preposition only when
    /// there is neither), else one named in the headline and in the body,
    /// else the organisation named only in the headline
    /// (`headline_org` in `mod.rs`), else the one named last. A business
    /// noun never takes an institution (by name or apposition), a noun of
    /// [`KIND_NOUNS`] never an organisation of another kind.
    pub(super) fn org_back(
        &self,
        at: usize,
        hint: Option<&str>,
        events: &[Event],
    ) -> Option<usize> {
        let end = self.mentions.partition_point(|m| m.at < at);
        let facts = |entity: usize| self.org_facts.get(entity).copied().unwrap_or_default();
        // "The company" is no university, council or ministry.
        let business = hint.is_some_and(|h| contains(&BUSINESS_NOUNS, h));
        // "The club" is no league, "the airline" no union: a noun for a
        // kind of organisation never takes one whose name holds another
        // kind and not its own.
        let kind = hint
            .map(str::to_ascii_lowercase)
            .filter(|h| contains(&KIND_NOUNS, h));
        // An association, authority or trust is no club or school either.
        // A name holding the noun, plural too ("Penbury and District
        // Hospitals NHS Trust" for "the hospital"), is of its kind.
        let clash = |entity: usize| {
            kind.as_deref().is_some_and(|h| {
                let key = self.org_key(entity);
                !key.split('-')
                    .any(|w| w == h || w.strip_suffix('s') == Some(h))
                    && key
                        .split('-')
                        .any(|w| contains(&KIND_NOUNS, w) || contains(&OTHER_KIND_WORDS, w))
            })
        };
        // "The regulator" is no airline and no union: a noun for a public
        // body never takes a name that carries a trade, a company's legal
        // form or a noun of a body that is neither business nor public.
        let public = hint.is_some_and(|h| contains(&INSTITUTION_NOUNS, h));
        // A name that holds the noun itself is one ("Charity Commission",
        // "Insurance Ombudsman Service").
        // A trade word in a public body's own name ("Air Safety
        // Authority") makes no business of it.
        let trading = |entity: usize| {
            let mut ws = self.org_key(entity).split('-');
            let public_name = ws.clone().any(|w| contains(&INSTITUTION_NOUNS, w));
            !ws.clone()
                .any(|w| hint.is_some_and(|h| w.eq_ignore_ascii_case(h)))
                && ws.any(|w| {
                    (is_trade_word(w) && !public_name)
                        || contains(&COMPANY_FORMS, w)
                        || contains(&NOT_BUSINESS_NOUNS, w)
                })
        };
        // "The council", "the ministry", "the court": bodies news names by
        // that kind ("Harwell District Council", "Ministry of Health"), so
        // one takes only an organisation whose name is an institution's,
        // never a festival or a firm that happens to be nearer.
        let named_kind = hint.is_some_and(|h| contains(&NAMED_BY_KIND, &h.to_ascii_lowercase()));
        let institutional = |entity: usize| {
            self.org_key(entity)
                .split('-')
                .any(|w| contains(&INSTITUTION_NOUNS, w))
        };
        let fits = |entity: usize| {
            (!business || !facts(entity).institution)
                && !clash(entity)
                && (!public || !trading(entity))
                && (!named_kind || institutional(entity))
        };
        let orgs = || {
            self.mentions
                .get(..end)
                .unwrap_or(&[])
                .iter()
                .rev()
                // Bounded, so the stage stays linear in the text's length.
                .take(MAX_MENTIONS_BACK * 4)
                .filter(|m| facts(m.entity).org && fits(m.entity))
        };
        if let Some(hint) = hint {
            let hint = hint.to_ascii_lowercase();
            // The noun in its name, or in apposition to it ("Westshire
            // Highways, the county's roads agency,").
            let apposed = |m: &Mention| {
                facts(m.entity)
                    .apposition
                    .text(self.text)
                    .split_whitespace()
                    .take(6)
                    .any(|w| w.eq_ignore_ascii_case(&hint))
            };
            // A sports league is as often named for its tier ("Eastern
            // Premiership", "Coastal Conference"): "a league spokesman".
            let league = hint == "league";
            let holds = |key: &str| {
                names_as(&hint, key)
                    || (league && key.split('-').any(|w| contains(&LEAGUE_NAME_WORDS, w)))
            };
            // The agent of the noun's verb: "the MV Lorne Venture, operated
            // by Skerrin Sound Ferries," names the operator ("owned by",
            // "organised by", "developed by" alike).
            let stem = hint
                .strip_suffix("or")
                .or_else(|| hint.strip_suffix("er"))
                .filter(|stem| stem.len() >= 4);
            let agent = |m: &Mention| {
                stem.is_some_and(|stem| {
                    let before = self.text.get(..m.at).unwrap_or("").trim_end();
                    let before = before.strip_suffix("the").unwrap_or(before).trim_end();
                    before
                        .strip_suffix(" by")
                        .and_then(|b| b.rsplit(' ').next())
                        .is_some_and(|verb| {
                            let verb = verb.to_ascii_lowercase();
                            verb.starts_with(stem) && verb.ends_with("ed")
                        })
                })
            };
            // The word filter only rules out names without the noun itself.
            let bit = noun_bits(&hint);
            let named = orgs().find(|m| {
                ((league || facts(m.entity).words & bit != 0)
                    && (holds(self.key(m.entity)) || apposed(m)))
                    || agent(m)
            });
            if let Some(m) = named {
                return Some(m.entity);
            }
        }
        // The organisation that spoke last or that is the subject of a
        // recent sentence, whichever is nearer.
        let spoke = events
            .iter()
            .rev()
            .take(MAX_MENTIONS_BACK * 4)
            .find(|ev| ev.at < at && facts(ev.entity).org && fits(ev.entity));
        // An organisation after a preposition ("About 300 flights from
        // Carnbridge Airport are expected …") is a subject only when no
        // organisation spoke and none is a subject otherwise.
        let subject = |strict: bool| {
            self.sentence_of(at).and_then(|s| {
                (s.saturating_sub(6)..=s).rev().find_map(|i| {
                    let e = match self.subjects.get(i) {
                        Some(cell) => *cell.get_or_init(|| self.subject_of(i)),
                        None => self.subject_of(i),
                    };
                    let (e, start) = match e {
                        Some(e) => {
                            let start = self.entities.get(e)?.span.start;
                            let lead = self.sentence_lead(i).min(start);
                            if strict
                                && words(self.text, Span::new(lead, start))
                                    .last()
                                    .is_some_and(|w| contains(&PREPOSITIONS, w.text(self.text)))
                            {
                                return None;
                            }
                            (e, start)
                        }
                        None => self.nominal_subject_org(i)?,
                    };
                    (start < at && facts(e).org && fits(e)).then_some((e, start))
                })
            })
        };
        match (spoke, subject(true)) {
            (Some(ev), Some((e, start))) => return Some(if start > ev.at { e } else { ev.entity }),
            (Some(ev), None) => return Some(ev.entity),
            (None, Some((e, _))) => return Some(e),
            (None, None) => {
                // The story's organisation, named in the headline and the
                // body, before one after a preposition ("… against Ellerby
                // Town, the association said").
                if let Some(m) = orgs().find(|m| facts(m.entity).in_headline) {
                    return Some(m.entity);
                }
                if let Some((e, _)) = subject(false) {
                    return Some(e);
                }
            }
        }
        // The organisation named only in the headline (its stand-in index).
        let headline = self.entities.len();
        if self.headline_org.is_some() && fits(headline) {
            return Some(headline);
        }
        orgs().next().map(|m| m.entity)
    }

    /// **nominal subject**: a sentence opening "The <noun>" (up to two
    /// lowercase words before the noun, one of [`ORG_NOUNS`]: "The safety
    /// board said …") whose noun an organisation named before it holds in
    /// its name ("National Rail Safety Board", also inside a quote): that organisation, as the
    /// sentence's subject, at the noun phrase's start. So "the regulator
    /// said" after "The safety board said …" is the board, not an
    /// organisation that spoke a paragraph before.
    fn nominal_subject_org(&self, s: usize) -> Option<(usize, usize)> {
        let text = self.text;
        let start = self.sentence_lead(s);
        let sentence = self.sentences.get(s)?;
        let mut ws = words(text, Span::new(start, sentence.span.end));
        let the = ws.next()?;
        if !matches!(the.text(text), "The" | "the") {
            return None;
        }
        let noun = ws
            .take(3)
            .take_while(|w| w.text(text).starts_with(|c: char| c.is_ascii_lowercase()))
            .find(|w| contains(&ORG_NOUNS, w.text(text)))?;
        let noun = noun.text(text);
        let bit = noun_bits(noun);
        let facts = |entity: usize| self.org_facts.get(entity).copied().unwrap_or_default();
        // Any entity named before, a quote's too ("asked the National Rail
        // Safety Board to inspect …").
        let end = self.entities.partition_point(|e| e.span.start < the.start);
        let found = (0..end)
            .rev()
            .take(MAX_MENTIONS_BACK)
            .find(|&e| facts(e).org && facts(e).words & bit != 0 && names_as(noun, self.key(e)))?;
        Some((found, the.start))
    }
}

/// The first asking verb in the active voice among the first `limit` words
/// of `span` ("Arslan asked …", not "Arslan was asked …"; not a sentence's
/// first word, "Asked about …, she said").
fn active_ask_verb(text: &str, span: Span, limit: usize) -> Option<Span> {
    let mut last = "";
    words(text, span).take(limit).find(|w| {
        let t = w.text(text);
        let active = contains(&ASK_VERBS, t)
            && !last.is_empty()
            && !matches!(
                last,
                "was" | "were" | "been" | "being" | "is" | "are" | "be"
            );
        last = t;
        active
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trade_words_are_every_name_word_of_every_trade() {
        let mut all: Vec<&str> = TRADE_NAME_WORDS
            .iter()
            .flat_map(|&(_, ws)| ws.split('|'))
            .collect();
        all.sort_unstable();
        all.dedup();
        let listed: Vec<&str> = TRADE_WORDS.entries().collect();
        assert_eq!(listed, all);
    }
}
