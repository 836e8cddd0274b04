//! People among the guessed names, their genders and the surnames they share:
//! what the rules later read a he/she or a lone surname by.

use super::{
    BUSINESS_NOUNS, Context, Entity, EntityKind, Gender, HONORIFICS, HashMap, MAX_APPOSITION_BYTES,
    MAX_MENTIONS_BACK, MAX_PARAGRAPHS_BACK, NAME_PARTICLES, ORG_NOUNS, ORG_WORDS, PERSON_NOUNS,
    Quote, QuoteKind, ROLE_WORDS, SPEECH_VERBS, Span, WordSet, base_word, contains, gender_of_word,
    given_name_gender, name_key, word_before, words,
};

/// Most people sharing one surname that are told apart (the latest ones).
const MAX_SHARED_SURNAME: usize = 8;

/// Words that end a sports club's name and no person's ("Kingsford
/// Rovers", "Harrowby Athletic"): a guessed name holding one is no person,
/// however its last word is used alone ("Rovers said in a statement").
static TEAM_WORDS: WordSet = WordSet::new("albion|athletic|rangers|rovers|united|wanderers");

/// Roles an organisation holds as often as a person ("the site's owner,
/// Marl Holdings,"): a name in apposition to one is not thereby a person.
static ORG_HELD_ROLES: WordSet = WordSet::new(
    "buyer|investor|landlord|lender|owner|partner|seller|shareholder|sponsor|supplier|tenant|\
     trader",
);

/// A name the entity stage only guessed to be an organisation.
fn guessed(e: &Entity) -> bool {
    e.kind == EntityKind::Organisation && e.rule.ends_with("(guessed organisation)")
}

/// A key that reads like a person's name: two or three words (particles do
/// not count: "Emilio Ferreira da Costa"), none an organisation word or
/// noun or a word ending a club's name.
fn plain_name(key: &str) -> bool {
    let n = key
        .split('-')
        .filter(|w| !NAME_PARTICLES.has_exact(w))
        .count();
    (2..=3).contains(&n)
        && key.split('-').all(|w| {
            !contains(&ORG_WORDS, w) && !contains(&ORG_NOUNS, w) && !contains(&TEAM_WORDS, w)
        })
}

impl<'a> Context<'a> {
    /// A name the entity stage only guessed to be an organisation that
    /// reads like a person's ([`plain_name`]) and is no person by any other
    /// rule.
    pub(super) fn reads_like_a_person(&self, entity: usize) -> bool {
        self.entities.get(entity).is_some_and(|e| {
            self.kind(entity) == Some(EntityKind::Organisation) && guessed(e) && plain_name(&e.key)
        })
    }

    /// People among guessed names: a name of two or three words with no
    /// organisation word is a person when the text treats it as one — its
    /// last word used alone later (news calls people by surname,
    /// organisations by their first word), an age in apposition ("Priya
    /// Raman, 39,"), or a title, role word or lowercase person noun next
    /// to it ("Conservative member Alistair Mabey"). A lone surname
    /// then stands for the full name.
    pub(super) fn collect_people(&mut self) {
        let text = self.text;
        let entities = self.entities;
        let mut person: Vec<bool> = entities
            .iter()
            .map(|e| e.kind == EntityKind::Person)
            .collect();
        // Last words of full names, to their first mention.
        let mut surnames: HashMap<&str, usize> = HashMap::default();
        for (i, e) in entities.iter().enumerate() {
            let key = e.key.as_str();
            if !(person.get(i).copied().unwrap_or(false) || (guessed(e) && plain_name(key))) {
                continue;
            }
            if key.contains('-')
                && let Some(last) = key.rsplit('-').next()
            {
                surnames.entry(last).or_insert(i);
                // "Ingrid Solheim-Bakke", then "Solheim-Bakke": a
                // hyphenated surname is one word as written.
                let parts = e
                    .span
                    .text(text)
                    .split_whitespace()
                    .next_back()
                    .map_or(1, |w| w.split('-').count());
                if parts > 1
                    && let Some(cut) = key.rmatch_indices('-').nth(parts - 1).map(|(c, _)| c)
                    && let Some(surname) = key.get(cut + 1..)
                {
                    surnames.entry(surname).or_insert(i);
                }
            }
        }
        // Given names of people named in full, to their first mention
        // (`None` when two people share one): news calls a relative or a
        // child by the given name alone ("Ann Roe and her son, Luke Roe, …
        // Luke said").
        let mut given: HashMap<&str, Option<usize>> = HashMap::default();
        for (i, e) in entities.iter().enumerate() {
            let key = e.key.as_str();
            if e.kind != EntityKind::Person || given_name_gender(key) == Gender::Unknown {
                continue;
            }
            if let Some((first, _)) = key.split_once('-') {
                let slot = given.entry(first).or_insert(Some(i));
                if slot.is_some_and(|f| entities.get(f).is_none_or(|x| x.key != e.key)) {
                    *slot = None;
                }
            }
        }
        let mut marked: HashMap<&str, bool> = HashMap::default();
        for (i, e) in entities.iter().enumerate() {
            let key = e.key.as_str();
            // `Johan "The Hammer" Veldt`: a given name, a quoted nickname
            // and a surname are one person, called by the surname.
            if let Some(j) = self.nicknamed(i) {
                if let Some(slot) = self.alias.get_mut(i) {
                    *slot = j;
                }
                marked.insert(key, true);
                if let Some(surname) = entities.get(j) {
                    marked.insert(surname.key.as_str(), true);
                }
                continue;
            }
            // "said Ford" after "Graham Ford" and "Ford Haulage": a lone
            // word the entity stage took for the short form of an
            // organisation that opens with it is the surname of a person
            // named in full before (a family firm carries the family's
            // name; news calls the person by it).
            let word = name_key(e.span.text(text));
            if guessed(e)
                && !word.contains('-')
                && key
                    .strip_prefix(word.as_str())
                    .is_some_and(|r| r.starts_with('-'))
                && let Some(&full) = surnames.get(word.as_str())
                && full < i
                && !word_before(text, e.span.start)
                    .is_some_and(|w| w.text(text).eq_ignore_ascii_case("the"))
            {
                if let Some(slot) = self.alias.get_mut(i) {
                    *slot = full;
                }
                if let Some(full_key) = entities.get(full).map(|f| f.key.as_str()) {
                    marked.insert(full_key, true);
                }
                continue;
            }
            // "Canon Hollis" after "the Rev Canon Miriam Hollis": a guessed
            // name whose words are all words of a person's full name,
            // ending in its surname, is that person.
            if guessed(e)
                && let Some((_, last)) = key.rsplit_once('-')
                && let Some(&full) = surnames.get(last)
                && full < i
                && let Some(full_key) = entities.get(full).map(|f| f.key.as_str())
                && full_key != key
                && key.split('-').all(|w| full_key.split('-').any(|f| f == w))
            {
                if let Some(slot) = self.alias.get_mut(i) {
                    *slot = full;
                }
                marked.insert(full_key, true);
                continue;
            }
            // "de la Cruz said" after "Carlos de la Cruz Morales": a name
            // after a chain of particles is the person whose full name
            // holds the chain and the name in a row.
            if !key.contains('-') && e.kind != EntityKind::Place {
                let mut form = key.to_string();
                let mut cursor = e.span.start;
                while let Some(w) = word_before(text, cursor)
                    .filter(|w| NAME_PARTICLES.has_exact(w.text(text)) && form.len() < 60)
                {
                    form = format!("{}-{form}", w.text(text));
                    cursor = w.start;
                }
                if cursor < e.span.start
                    && let Some(full) = (0..i).rev().take(MAX_MENTIONS_BACK * 4).find(|&j| {
                        entities.get(j).is_some_and(|f| {
                            f.key != form
                                && (f.key.ends_with(&format!("-{form}"))
                                    || f.key.contains(&format!("-{form}-")))
                        })
                    })
                {
                    if let Some(slot) = self.alias.get_mut(i) {
                        *slot = full;
                    }
                    if let Some(full_key) = entities.get(full).map(|f| f.key.as_str()) {
                        marked.insert(full_key, true);
                    }
                    continue;
                }
            }
            if !key.contains('-')
                && guessed(e)
                && !surnames.contains_key(key)
                && let Some(&Some(full)) = given.get(key)
                && full < i
            {
                if let Some(slot) = self.alias.get_mut(i) {
                    *slot = full;
                }
                continue;
            }
            // "Mr Pugh" is not Sandra Pugh: a gendered title that clashes
            // with the full name's given name.
            let clash = |full: usize| {
                let title = word_before(text, e.span.start).map_or(Gender::Unknown, |w| {
                    gender_of_word(w.text(text).trim_end_matches('.'))
                });
                let named = self.local_gender(full);
                title != Gender::Unknown && named != Gender::Unknown && title != named
            };
            let one_word = !e.span.text(text).contains(char::is_whitespace);
            if let Some(&full) = surnames.get(key)
                && full < i
                && (!key.contains('-') || one_word)
                && (guessed(e) || e.kind == EntityKind::Person)
                && !clash(full)
            {
                if let Some(slot) = self.alias.get_mut(i) {
                    *slot = full;
                }
                // Used alone the way news uses a surname: opening a
                // sentence, before a speech verb, or as a possessive (a team
                // is also called by its last word: "led Rovers to …").
                let rest = text.get(e.span.end..).unwrap_or("");
                let next = words(text, Span::new(e.span.end, text.len().min(e.span.end + 40)))
                    .next()
                    .map_or("", |w| w.text(text));
                let opens = self
                    .sentence_of(e.span.start)
                    .and_then(|s| self.sentences.get(s))
                    .and_then(|s| text.get(s.span.start..e.span.start))
                    .is_some_and(|lead| lead.trim().is_empty());
                // "The Otters said": a surname takes no article; a team
                // called by its last word does.
                let article = word_before(text, e.span.start)
                    .is_some_and(|w| w.text(text).eq_ignore_ascii_case("the"));
                let surname_like = e.kind == EntityKind::Person
                    || (!article
                        && (opens
                            || rest.starts_with("'s")
                            || rest.starts_with("’s")
                            || (rest.starts_with(' ') && contains(&SPEECH_VERBS, next))));
                if surname_like && let Some(full_key) = entities.get(full).map(|f| f.key.as_str()) {
                    marked.insert(full_key, true);
                }
                continue;
            }
            // "Pollard's wife, Maureen, said": a kin word in apposition.
            let kin = text
                .get(..e.span.start)
                .and_then(|t| t.strip_suffix(", "))
                .and_then(|t| word_before(text, t.len()))
                .map(|w| w.text(text))
                .filter(|t| t.starts_with(char::is_lowercase));
            let kin_word = kin.is_some_and(|t| gender_of_word(t) != Gender::Unknown);
            // "its owner, Marl Holdings": some roles an organisation holds.
            let role_word = kin.is_some_and(|t| {
                (contains(&ROLE_WORDS, t) || contains(&PERSON_NOUNS, t) || kin_word)
                    && !contains(&ORG_HELD_ROLES, t)
            });
            // "his brother Sean": a kin word right before a lone name.
            let kin_before = word_before(text, e.span.start).is_some_and(|w| {
                gender_of_word(w.text(text)) != Gender::Unknown
                    && w.text(text).starts_with(char::is_lowercase)
                    && word_before(text, w.start).is_some_and(|p| {
                        matches!(
                            p.text(text),
                            "his" | "His" | "her" | "Her" | "their" | "Their"
                        )
                    })
            });
            // "a porter who gave his name only as Ned", "a man identified
            // only as Ned", "… who gave only his first name, Ned".
            let gave_name = word_before(text, e.span.start).is_some_and(|w| {
                w.text(text) == "as"
                    && text
                        .get(w.start.saturating_sub(30)..w.start)
                        .is_some_and(|t| t.contains("name") || t.contains("identified"))
            }) || text.get(..e.span.start).is_some_and(|t| {
                t.trim_end_matches([' ', ',', ':']).ends_with(" name")
                    && t.trim_end().ends_with([',', ':'])
            });
            if guessed(e)
                && (((kin_word || kin_before || gave_name) && !key.contains('-'))
                    || ((role_word || self.after_possessive_role(e.span)) && plain_name(key)))
            {
                marked.insert(key, true);
                continue;
            }
            if !(guessed(e) && plain_name(key)) {
                continue;
            }
            let after = text.get(e.span.end..).unwrap_or("");
            let after = after.get(..after.len().min(40)).unwrap_or("");
            let age = after.strip_prefix(", ").is_some_and(|r| {
                let digits = r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                (1..=3).contains(&digits) && r.get(digits..).is_some_and(|t| t.starts_with(','))
            });
            // A given name the name lists hold for one sex: "Curtis Fong",
            // "Supervisor Teresa Villanueva".
            let given = given_name_gender(key) != Gender::Unknown;
            // "Ann Roe, the club's physio," (not "Roe Rescue, a volunteer
            // group,").
            let role_after = after.strip_prefix(", ").is_some_and(|r| {
                let clause = r.split([',', '.']).next().unwrap_or("");
                let ws = || clause.split_whitespace().take(4);
                ws().any(|w| {
                    contains(&ROLE_WORDS, base_word(w))
                        || contains(&PERSON_NOUNS, base_word(w))
                        || gender_of_word(w) != Gender::Unknown
                }) && !ws().any(|w| contains(&ORG_NOUNS, base_word(w)))
            });
            let described = after.strip_prefix(", ").is_some_and(|r| {
                let clause = r.split([',', '.']).next().unwrap_or("");
                let mut ws = clause.split_whitespace();
                matches!(ws.next(), Some("a" | "an"))
                    && ws.next().is_some_and(|w| w.starts_with(char::is_lowercase))
                    && !clause
                        .split_whitespace()
                        .any(|w| contains(&ORG_NOUNS, base_word(w)))
            });
            let titled = word_before(text, e.span.start).is_some_and(|w| {
                let t = w.text(text);
                // "His colleague Sharon Pike", "her neighbour Joe Pritchard".
                let kin = t.starts_with(char::is_lowercase)
                    && !contains(&ORG_NOUNS, t)
                    && word_before(text, w.start).is_some_and(|p| {
                        matches!(
                            p.text(text),
                            "his" | "His" | "her" | "Her" | "their" | "Their"
                        )
                    });
                // "a farmer named Owen Pryce".
                let named = matches!(t, "named" | "called")
                    && word_before(text, w.start).is_some_and(|p| {
                        let p = p.text(text);
                        contains(&PERSON_NOUNS, p)
                            || contains(&ROLE_WORDS, p)
                            || gender_of_word(p) != Gender::Unknown
                    });
                // "Conservative member Alistair Mabey", "striker Lewis
                // Kane": a person noun written as a title before the name.
                let noun = t.starts_with(char::is_lowercase) && contains(&PERSON_NOUNS, t);
                contains(&HONORIFICS, t)
                    || contains(&ROLE_WORDS, t)
                    || noun
                    || kin
                    || named
                    || t.ends_with("-year-old")
            });
            // A possessive name is not its sentence's subject: in "Brightwell
            // Gas's chief executive, Ann Roe, said …. She …", "she" is Roe.
            let owner = after.starts_with("'s") || after.starts_with("’s");
            // Nor is a name before role words and a person ("Rotherby
            // manager Claire Dunning said her side …. She …": the person).
            let modifier = entities.get(i + 1).is_some_and(|n| {
                n.kind == EntityKind::Person
                    && text.get(e.span.end..n.span.start).is_some_and(|gap| {
                        let words = gap.split_whitespace();
                        (1..=3).contains(&words.clone().count())
                            && words.clone().all(|w| {
                                w.chars().all(|c| c.is_alphabetic() || c == '-')
                                    && w.starts_with(char::is_lowercase)
                            })
                    })
            });
            let owner = owner || modifier;
            // "Edna Walsh has caught the 41 for 22 years. She does not drive."
            let next_pronoun = !owner
                && self.sentence_of(e.span.start).is_some_and(|s| {
                    let opens = self
                        .sentences
                        .get(s)
                        .and_then(|x| text.get(x.span.start..e.span.start))
                        .is_some_and(|lead| lead.trim().is_empty());
                    opens
                        && self.sentences.get(s + 1).is_some_and(|n| {
                            n.part == self.sentences.get(s).map_or(usize::MAX, |x| x.part)
                                && matches!(
                                    words(text, n.span).next().map(|w| w.text(text)),
                                    Some("He" | "She")
                                )
                        })
                });
            // "Amira Haddad waited with her son": his/her soon after a name
            // that opens its sentence (its subject).
            let opens = self
                .sentence_of(e.span.start)
                .and_then(|s| self.sentences.get(s))
                .and_then(|s| text.get(s.span.start..e.span.start))
                .is_some_and(|lead| lead.trim().is_empty());
            let possessive = opens
                && !owner
                && words(text, Span::new(e.span.end, e.span.end + after.len()))
                    .take(4)
                    .any(|w| matches!(w.text(text), "his" | "her"));
            // A role word opening the name itself, as a sentence-initial
            // title: "Goalkeeper Ned Quill saved twice".
            let inner_title = key.split('-').count() == 3
                && key.split('-').next().is_some_and(|w| {
                    contains(&ROLE_WORDS, w)
                        || contains(&PERSON_NOUNS, w)
                        || contains(&HONORIFICS, w)
                });
            // "Tobias Wren, who runs a bakery, said …": organisations take
            // "which"; news keeps "who" for people.
            let who = after.starts_with(", who ");
            // "Its owner, Ann Roe, said she had …": the subject of a speech
            // verb whose reported clause opens with he/she (an
            // organisation's would open with "it").
            let reports_self = self.says_he_or_she(e.span);
            if age
                || who
                || reports_self
                || role_after
                || titled
                || described
                || possessive
                || next_pronoun
                || given
                || inner_title
                || (self.first_person_quote_by(e.span) && self.speaks_alone(e.span))
            {
                marked.insert(key, true);
            }
        }
        // "Marwick Citylink, which runs 43 routes, said": news keeps
        // "which" for organisations, so a guessed name that opens its
        // sentence with a "which" clause is none of the people, whatever
        // its lone last word does later (not "a podcast with Ann Roe,
        // which was broadcast …", where the clause is the podcast's).
        for e in entities {
            let which = e.kind != EntityKind::Person
                && text
                    .get(e.span.end..)
                    .is_some_and(|after| after.starts_with(", which "));
            let opens = || {
                self.sentence_of(e.span.start)
                    .and_then(|s| self.sentences.get(s))
                    .and_then(|s| text.get(s.span.start..e.span.start))
                    .is_some_and(|lead| lead.trim().is_empty())
            };
            if which && opens() {
                marked.remove(e.key.as_str());
            }
        }
        for (i, e) in entities.iter().enumerate() {
            if marked.contains_key(e.key.as_str())
                && let Some(slot) = person.get_mut(i)
            {
                *slot = true;
            }
        }
        for i in 0..entities.len() {
            let target = self.alias.get(i).copied().unwrap_or(i);
            if target != i
                && person.get(target).copied().unwrap_or(false)
                && let Some(slot) = person.get_mut(i)
            {
                *slot = true;
            }
        }
        self.person = person;
        self.split_shared_surnames();
    }

    /// The gender of a full-name mention read where it stands: its given
    /// name on the name lists, else a gendered word right before it ("his
    /// mother, Giulia Roe", "Mrs Ann Roe").
    pub(super) fn local_gender(&self, m: usize) -> Gender {
        let text = self.text;
        let Some(e) = self.entities.get(m) else {
            return Gender::Unknown;
        };
        match given_name_gender(&e.key) {
            Gender::Unknown => {}
            g => return g,
        }
        let lead = text.get(..e.span.start).unwrap_or("");
        let lead = lead.strip_suffix(", ").unwrap_or(lead);
        word_before(text, lead.len()).map_or(Gender::Unknown, |w| {
            gender_of_word(w.text(text).trim_end_matches('.'))
        })
    }

    /// The surname mention after mention `i` when `i` is a one-word name
    /// followed by a quoted nickname of one to three capitalised words and
    /// a one-word name (`Johan "The Hammer" Veldt`).
    pub(super) fn nicknamed(&self, i: usize) -> Option<usize> {
        let text = self.text;
        let e = self.entities.get(i)?;
        if e.key.contains('-') {
            return None;
        }
        let rest = text.get(e.span.end..)?.strip_prefix(' ')?;
        let (open, close) = if rest.starts_with('"') {
            ('"', '"')
        } else if rest.starts_with('“') {
            ('“', '”')
        } else {
            return None;
        };
        let inner = rest.get(open.len_utf8()..)?;
        let end = inner.find(close)?;
        let nick = inner.get(..end)?;
        let count = nick.split_whitespace().count();
        if !(1..=3).contains(&count)
            || !nick
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase))
        {
            return None;
        }
        let after = inner.get(end + close.len_utf8()..)?.strip_prefix(' ')?;
        let at = text.len() - after.len();
        let j = (i + 1..self.entities.len().min(i + 5))
            .find(|&j| self.entities.get(j).is_some_and(|x| x.span.start == at))?;
        let surname = self.entities.get(j)?;
        (!surname.key.contains('-') && surname.kind != EntityKind::Place).then_some(j)
    }

    /// Is the name at `name` a person by what it reports of itself: the
    /// subject of a speech verb whose reported clause opens with he or she,
    /// in one of two shapes news keeps for people — the name with a "who"
    /// clause ("Tobias Wren, who runs a bakery, said he had …") or the name in
    /// apposition to a role before it ("Its owner, Ann Roe, said she …").
    /// A bare "Ashgrove Rovers said he would miss …" (a team speaking of a
    /// player) marks nobody. Reads only to the end of the name's sentence.
    pub(super) fn says_he_or_she(&self, name: Span) -> bool {
        let text = self.text;
        let end = name.end;
        let stop = self
            .sentence_of(name.start)
            .and_then(|s| self.sentences.get(s))
            .map_or(end, |s| s.span.end)
            .min(end + MAX_APPOSITION_BYTES + 40);
        let Some(rest) = text.get(end..stop) else {
            return false;
        };
        let apposed = text
            .get(..name.start)
            .and_then(|t| t.strip_suffix(", "))
            .and_then(|t| word_before(text, t.len()))
            .is_some_and(|w| w.text(text).starts_with(char::is_lowercase));
        let rest = if let Some(clause) = rest.strip_prefix(", who ") {
            match clause.find(", ") {
                Some(comma) if comma <= MAX_APPOSITION_BYTES => &clause[comma + 2..],
                _ => return false,
            }
        } else if apposed && let Some(r) = rest.strip_prefix(", ") {
            r
        } else {
            return false;
        };
        let mut ws = rest
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty());
        if !ws.next().is_some_and(|w| contains(&SPEECH_VERBS, w)) {
            return false;
        }
        let mut next = ws.next();
        if next == Some("that") {
            next = ws.next();
        }
        matches!(next, Some("he" | "she"))
    }

    /// "Ndala's ambassador in Haverdam, Folake Adeyemi-Brandt, said", "His
    /// Kethrani counterpart, Hamid Al-Nouri, said": a name in apposition
    /// (closed by a comma) to a possessive's noun phrase that holds no
    /// organisation noun is a person (`its parent company, Marl Holdings,`
    /// is not).
    pub(super) fn after_possessive_role(&self, name: Span) -> bool {
        let text = self.text;
        let Some(lead) = text.get(..name.start).and_then(|t| t.strip_suffix(", ")) else {
            return false;
        };
        if !text.get(name.end..).is_some_and(|r| r.starts_with(',')) {
            return false;
        }
        let from = lead
            .rfind([',', ';', '.', '"', '“', '”', '(', '\n'])
            .map_or(0, |i| i + 1);
        let phrase: Vec<&str> = lead.get(from..).unwrap_or("").split_whitespace().collect();
        if phrase.len() < 2 || phrase.len() > 6 {
            return false;
        }
        let possessive = phrase.iter().take(2).any(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "his" | "her" | "their" | "its"
            ) || w.ends_with("'s")
                || w.ends_with("’s")
        });
        let owner = phrase
            .iter()
            .position(|w| {
                matches!(
                    w.to_ascii_lowercase().as_str(),
                    "his" | "her" | "their" | "its"
                ) || w.ends_with("'s")
                    || w.ends_with("’s")
            })
            .unwrap_or(0);
        let org = phrase.iter().skip(owner + 1).any(|w| {
            let w = base_word(w);
            contains(&ORG_NOUNS, w)
                || contains(&ORG_WORDS, w)
                || contains(&ORG_HELD_ROLES, w)
                || contains(&BUSINESS_NOUNS, w)
        });
        let last = phrase.last().copied().unwrap_or("");
        let plain = !text.get(name.start..name.end).unwrap_or("&").contains('&');
        possessive && plain && !org && !last.ends_with("'s") && !last.ends_with("’s")
    }

    /// Is `name` the whole subject of a speech verb: right before it
    /// ("Okafor said"), or right after it and closing the clause ("said
    /// Okafor.")? ("said Greyhaven Rovers coach Stefan Ilic" is not.)
    pub(super) fn speaks_alone(&self, name: Span) -> bool {
        let text = self.text;
        let next = words(text, Span::new(name.end, text.len().min(name.end + 40))).next();
        let verb_after = next.is_some_and(|w| {
            contains(&SPEECH_VERBS, w.text(text))
                && text
                    .get(name.end..w.start)
                    .is_some_and(|g| g.trim().is_empty())
        });
        let verb_before = word_before(text, name.start).is_some_and(|w| {
            contains(&SPEECH_VERBS, w.text(text))
                && text
                    .get(w.end..name.start)
                    .is_some_and(|g| g.trim().is_empty())
        }) && text
            .get(name.end..)
            .is_some_and(|r| r.starts_with(['.', ',', ':']));
        verb_after || verb_before
    }

    /// Is a quote next to `written` (after it, or just before it, with at
    /// most a few words between) in the first person singular ("I", "my",
    /// "me")?
    pub(super) fn first_person_quote_by(&self, written: Span) -> bool {
        let text = self.text;
        let i = self
            .quoted
            .partition_point(|(q, _)| q.start < written.start);
        let near = |(q, _): &&(Span, Span)| {
            if q.start < written.end && q.end > written.start {
                return false;
            }
            let gap = if q.start >= written.end {
                text.get(written.end..q.start)
            } else {
                text.get(q.end..written.start.max(q.end))
            };
            gap.is_some_and(|g| g.len() <= 24 && !g.contains(['.', '"', '“', '”']))
        };
        let singular = |(_, c): &&(Span, Span)| {
            c.text(text)
                .split(|ch: char| !ch.is_alphanumeric() && ch != '\'' && ch != '’')
                .any(|w| matches!(w, "I" | "my" | "My" | "me" | "I'm" | "I’m"))
        };
        [i.checked_sub(1), Some(i)]
            .into_iter()
            .flatten()
            .filter_map(|k| self.quoted.get(k))
            .any(|q| near(&q) && singular(&q))
    }

    /// The person named in apposition after a possessive's role words that
    /// end at byte `end` ("Sarvania's foreign minister, Dariusz
    /// Wojcik-Halas, told"): a comma within a few words, a person's name,
    /// a comma, a speech verb.
    pub(super) fn apposed_to_owner(
        &self,
        end: usize,
        ws: &[Span],
        is_verb: &dyn Fn(&Span) -> bool,
    ) -> Option<usize> {
        let text = self.text;
        let rest = text.get(end..end.saturating_add(60).min(text.len()))?;
        let comma = rest.find(", ")?;
        let role = rest.get(..comma)?;
        if role.contains(['"', '“', '”', '.', ';'])
            || role.split_whitespace().count() > 5
            || role
                .split_whitespace()
                .any(|w| contains(&ORG_NOUNS, base_word(w)) || contains(&ORG_WORDS, w))
        {
            return None;
        }
        let at = end + comma + 2;
        let i = self.entities.partition_point(|e| e.span.start < at);
        let e = self.entities.get(i).filter(|e| e.span.start == at)?;
        if self.kind(i) != Some(EntityKind::Person) || !text.get(e.span.end..)?.starts_with(", ") {
            return None;
        }
        let verb = ws.iter().find(|w| w.start > e.span.end)?;
        let gap = text.get(e.span.end..verb.start)?;
        (is_verb(verb) && gap.trim_matches([',', ' ']).is_empty()).then_some(i)
    }

    /// "<Name>, whose …, said they had waited …. "…," they said": the
    /// latest person of the paragraph before byte `at`, when the text itself
    /// speaks of them as "they" (their own reported clause opens with it);
    /// a person the text gives no pronoun stays unresolved.
    pub(super) fn singular_they(&self, at: usize) -> Option<usize> {
        let text = self.text;
        let here = self.paragraph_at(at);
        let m = self
            .mentions_in(0, at)
            .iter()
            .rev()
            .take(MAX_MENTIONS_BACK)
            .take_while(|m| m.paragraph == here)
            .find(|m| self.kind(m.entity) == Some(EntityKind::Person))?;
        let name = self.entities.get(m.entity)?.span;
        let sentence = self.sentences.get(self.sentence_of(name.start)?)?;
        let rest = text.get(name.end..sentence.span.end.min(at).max(name.end))?;
        if rest.contains(['"', '“', '”']) {
            return None;
        }
        let ws: Vec<&str> = rest
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .take(30)
            .collect();
        let verb = ws.iter().position(|w| contains(&SPEECH_VERBS, w))?;
        let next = match ws.get(verb + 1) {
            Some(&"that") => ws.get(verb + 2),
            other => other,
        };
        (next == Some(&"they")).then_some(m.entity)
    }

    /// A surname two people of the article share ("Kevin Marsh" and "Leah
    /// Marsh"): each lone use of it stands for the one a title before it
    /// names ("Dr Voss" when only one was given as Dr), else the one whose
    /// full name came last, when that was in the last
    /// [`MAX_PARAGRAPHS_BACK`] paragraphs and the other's was not in the
    /// same sentence; otherwise for neither ([`Context::shared`] keeps both,
    /// and a speaker written so is unresolved).
    pub(super) fn split_shared_surnames(&mut self) {
        let text = self.text;
        let entities = self.entities;
        // Per surname: the latest full-name mention of each person, in text order.
        let mut latest: HashMap<&str, Vec<usize>> = HashMap::default();
        for (i, e) in entities.iter().enumerate() {
            if !self.person.get(i).copied().unwrap_or(false) {
                continue;
            }
            let key = e.key.as_str();
            let written = base_word(e.span.text(text).trim());
            // A given name whose key took the family name ("Ray" of "Ray
            // and Sandra Pugh", keyed `ray-pugh`) is a full name too.
            let given_only = key
                .split_once('-')
                .is_some_and(|(first, _)| first.eq_ignore_ascii_case(written));
            if written.contains(char::is_whitespace) || given_only {
                if let Some(last) = key.rsplit('-').next().filter(|_| key.contains('-')) {
                    let list = latest.entry(last).or_default();
                    list.retain(|&m| entities.get(m).is_none_or(|x| x.key != e.key));
                    list.push(i);
                    // Bounded, so the stage stays linear on any input.
                    if list.len() > MAX_SHARED_SURNAME {
                        list.remove(0);
                    }
                }
                continue;
            }
            let lone = written.to_lowercase();
            let Some(list) = latest.get(lone.as_str()).filter(|l| l.len() >= 2) else {
                continue;
            };
            let title = word_before(text, e.span.start)
                .map(|w| w.text(text).trim_end_matches('.').to_ascii_lowercase())
                .filter(|t| contains(&HONORIFICS, t) || contains(&ROLE_WORDS, t));
            let titled: Vec<usize> = match &title {
                Some(t) => list
                    .iter()
                    .copied()
                    .filter(|&m| {
                        self.carries_role(m, t)
                            || match gender_of_word(t) {
                                Gender::Unknown => false,
                                g => self.local_gender(m) == g,
                            }
                    })
                    .collect(),
                None => Vec::new(),
            };
            let here = self.paragraph_at(e.span.start);
            // Among those the title fits ("Mr" → the men), else all.
            let pool: &[usize] = if titled.is_empty() { list } else { &titled };
            let chosen = if let [one] = pool {
                Some(*one)
            } else {
                pool.last().copied().filter(|&last| {
                    let at = entities.get(last).map_or(0, |x| x.span.start);
                    let sentence = self.sentence_of(at);
                    self.paragraph_at(at) + MAX_PARAGRAPHS_BACK >= here
                        && pool.iter().rev().skip(1).all(|&other| {
                            entities.get(other).map(|x| self.sentence_of(x.span.start))
                                != Some(sentence)
                        })
                })
            };
            let candidates = list.clone();
            match chosen {
                Some(full) => {
                    if let Some(slot) = self.alias.get_mut(i) {
                        *slot = full;
                    }
                }
                None => {
                    if let Some(slot) = self.alias.get_mut(i) {
                        *slot = i;
                    }
                    self.shared.insert(i, candidates);
                }
            }
        }
    }

    /// Gender per person key, from titles, gendered words in apposition and
    /// paragraphs naming one person with one set of pronouns.
    pub(super) fn collect_genders(&mut self, quotes: &[Quote]) {
        let text = self.text;
        let mut genders: HashMap<&'a str, Gender> = HashMap::default();
        let mut ages: HashMap<&'a str, &'a str> = HashMap::default();
        let mut set = |key: &'a str, g: Gender| {
            if g != Gender::Unknown {
                genders.entry(key).or_insert(g);
            }
        };
        for m in &self.mentions {
            let Some(e) = self.entities.get(m.entity) else {
                continue;
            };
            if self.kind(m.entity) != Some(EntityKind::Person) {
                continue;
            }
            let key = self.key(m.entity);
            if let Some(w) = word_before(text, e.span.start) {
                set(key, gender_of_word(w.text(text)));
            }
            // "Pollard's wife, Maureen,".
            if let Some(w) = text
                .get(..e.span.start)
                .and_then(|t| t.strip_suffix(", "))
                .and_then(|t| word_before(text, t.len()))
                .filter(|w| w.text(text).starts_with(char::is_lowercase))
            {
                set(key, gender_of_word(w.text(text)));
            }
            // ", a mother of two," / ", the club's spokeswoman,".
            let after = text.get(e.span.end..).unwrap_or("");
            if let Some(rest) = after.strip_prefix(", ") {
                let digits =
                    rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                if (1..=3).contains(&digits)
                    && rest.get(digits..).is_some_and(|t| t.starts_with(','))
                    && let Some(n) = rest.get(..digits)
                {
                    ages.entry(key).or_insert(n);
                }
                // After a possessive, a gendered word is someone else's:
                // ", whose son is serving a sentence," says nothing of her;
                // ", who lost his wife," says "his" and no more.
                let clause = rest.split([',', '.', ';']).next().unwrap_or("");
                for w in clause.split_whitespace().take(5) {
                    let w = base_word(w);
                    if w == "whose" {
                        break;
                    }
                    set(key, gender_of_word(w));
                    if matches!(w, "his" | "her" | "their" | "its") {
                        break;
                    }
                }
            }
        }
        // Paragraphs naming exactly one person: their he/she, outside quotes.
        let mut inside: Vec<Span> = quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Direct)
            .map(|q| q.span)
            .collect();
        inside.dedup_by(|b, a| a.contains(*b));
        let mut m = 0;
        let mut q = 0;
        let mut s = 0;
        while s < self.sentences.len() {
            let paragraph = self.paragraph_of.get(s).copied().unwrap_or(0);
            let mut end = s;
            while self.paragraph_of.get(end) == Some(&paragraph) {
                end += 1;
            }
            let (Some(first), Some(last)) = (self.sentences.get(s), self.sentences.get(end - 1))
            else {
                break;
            };
            let span = Span::new(first.span.start, last.span.end);
            let mut person: Option<&'a str> = None;
            let mut several = false;
            let mut named: Vec<Span> = Vec::new();
            while let Some(mention) = self.mentions.get(m) {
                if mention.at >= span.end {
                    break;
                }
                m += 1;
                if self.kind(mention.entity) == Some(EntityKind::Person) {
                    let key = self.key(mention.entity);
                    match person {
                        Some(p) if p != key => several = true,
                        _ => person = Some(key),
                    }
                    if let Some(e) = self.entities.get(mention.entity)
                        && named.len() < 16
                    {
                        named.push(e.span);
                    }
                }
            }
            // Not the person's own: "His challenger, <Name>," (a possessive
            // opening a role in apposition to the name is its owner's), and
            // "him" in a sentence naming the person ("<Name> accused him":
            // the person would be "himself").
            let someone_elses = |w: Span| match w.text(text) {
                "his" | "His" | "her" | "Her" => named.iter().any(|n| {
                    n.start > w.end
                        && text.get(w.end..n.start).is_some_and(|g| {
                            g.len() <= 40
                                && g.ends_with(", ")
                                && g.matches(',').count() == 1
                                && !g.contains(['.', '"', '“', '”'])
                        })
                }),
                "him" => named
                    .iter()
                    .any(|n| self.sentence_of(n.start) == self.sentence_of(w.start)),
                _ => false,
            };
            if let (Some(key), false) = (person, several) {
                let (mut male, mut female) = (false, false);
                for w in words(text, span) {
                    while inside.get(q).is_some_and(|x| x.end <= w.start) {
                        q += 1;
                    }
                    if inside.get(q).is_some_and(|x| x.start <= w.start) || someone_elses(w) {
                        continue;
                    }
                    match w.text(text) {
                        "he" | "He" | "his" | "His" | "him" => male = true,
                        "she" | "She" | "her" | "Her" => female = true,
                        _ => {}
                    }
                }
                if male != female {
                    set(key, if male { Gender::Male } else { Gender::Female });
                }
            }
            s = end;
        }
        self.genders = genders;
        self.ages = ages;
    }
}
