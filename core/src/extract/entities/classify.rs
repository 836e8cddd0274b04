//! Classification: each run of name words gets a kind and a rule from the
//! lexicons and the cues before and after it, and is recorded as a mention
//! (with acronym definitions and possessive owners noted).

use super::EntityKind;
use super::keys::push_key_words;
use super::rules::*;
use super::scanner::{Local, Mention, Scanner};
use super::tokens::{Token, TokenKind, is_apostrophe};
use crate::extract::lexicon::{
    BUSINESS_NOUNS, COMMON_ACRONYMS, DEMONYMS, FEMALE_GIVEN_NAMES, GAZETTEER, GIVEN_NAME_WORDS,
    GIVEN_NAMES, GROUP_NOUNS, HONORIFICS, KNOWN_GROUPS, KNOWN_ORGS, MALE_GIVEN_NAMES, NICKNAMES,
    ORG_NOUNS, ORG_NOUNS_PLURAL, ORG_WORDS, PERSON_NOUNS, PLACES, ROLE_WORDS, STOP_WORDS,
    TITLE_MODIFIERS, WORK_NOUNS, WORK_NOUNS_PLURAL, WordSet, contains, lookup,
};
use crate::extract::text::in_sorted;
use crate::model::Span;

/// Lowercase words that may follow a place name after `in`/`near` (`in
/// Brenton on Monday`): function words, not nouns (`in Twitter posts`). Sorted.
static PLACE_FOLLOWERS: WordSet = WordSet::new(
    "after|and|as|at|before|but|by|during|earlier|for|from|had|has|have|in|is|last|later|\
     on|or|over|since|that|this|to|today|until|was|were|when|where|which|while|who|with|\
     yesterday",
);

/// Last words that make a capitalised name a place: streets, squares,
/// bridges, rivers, valleys, stadiums, and named structures on a coast
/// (`Skerrow Light`, `Brixham Lighthouse`, `Southwold Pier`). Checked after
/// the organisation words, so `Bridge Street Council` stays an
/// organisation. Not `park`: it is a surname too (`Helen Park`).
static PLACE_WORDS: WordSet = WordSet::new(
    "avenue|boulevard|bridge|canal|crescent|estuary|highway|island|islands|lane|light|\
     lighthouse|mountains|peninsula|pier|plaza|quay|river|road|square|stadium|street|\
     valley",
);

/// Most words of a title before a name, plus one (`Chief Fire Officer`).
const MAX_TITLE_WORDS: usize = 5;

/// A kind decision for a run.
#[derive(Clone, Copy, Debug)]
struct Decision {
    kind: EntityKind,
    rule: &'static str,
    list: bool,
}

fn decided(kind: EntityKind, rule: &'static str) -> Option<Decision> {
    Some(Decision {
        kind,
        rule,
        list: false,
    })
}

impl Scanner<'_> {
    /// Finds the names in sentence `index` (tokenized by [`Self::collect_hints`]).
    pub(super) fn scan_sentence(&mut self, index: usize) {
        self.tokens.clear();
        if let Some(&(from, to)) = self.sentence_tokens.get(index)
            && let Some(tokens) = self.all_tokens.get(from..to)
        {
            self.tokens.extend_from_slice(tokens);
        }
        self.locals.clear();
        let mut index = 0;
        while index < self.tokens.len() {
            if !self.is_name_word(index) {
                index += 1;
                continue;
            }
            let end = self.run_end(index);
            let next = self.handle_run(index, end);
            index = next.max(index + 1);
        }
        self.resolve_possessives();
    }

    // --- classification ---------------------------------------------------

    /// Classifies the run `start..end` and records a mention; returns where scanning continues.
    fn handle_run(&mut self, start: usize, end: usize) -> usize {
        let Some(first) = self.token(start) else {
            return end;
        };
        let mut a = start;
        let mut initial = first.initial && !first.all_caps;
        let mut title = false;
        if self.word(a) == "The" && end - a >= 2 {
            if !initial || in_sorted(&self.title_heads, self.word(a + 1)) {
                title = true;
            } else {
                a += 1;
            }
            initial = false;
        } else {
            while a < end && (self.is_stop(a) || self.is_compound_adjective(a)) {
                a += 1;
                initial = false;
            }
        }
        if a >= end {
            return end;
        }
        let single = end - a == 1;
        if single && !self.single_word_can_name(a) {
            return end;
        }
        if initial {
            let word = self.word(a);
            // `Wired's Kim Zetter`: a possessive right before a name is a name.
            let owner = first.possessive && self.is_name_word(end);
            let vouched = owner
                || self.org_appositive(end)
                || self.recurs(word)
                || self.known_single(word)
                || contains(&GIVEN_NAMES, word)
                || contains(&HONORIFICS, word);
            if single && !vouched {
                return end;
            }
            if !single && !vouched {
                let verb_like = ["ing", "ed", "ly"].iter().any(|suffix| {
                    word.len() > suffix.len()
                        && word
                            .get(word.len() - suffix.len()..)
                            .is_some_and(|end| end.eq_ignore_ascii_case(suffix))
                });
                if verb_like {
                    // `Facing Northgate …`, `Unnamed US officials`: a verb or
                    // adverb only starts the sentence.
                    return self.handle_run(a + 1, end);
                }
            }
        }
        let Some((decision, span_first, span_end)) = self.classify(a, end, title, initial) else {
            return end;
        };
        self.record(decision, span_first, span_end, end);
        span_end.max(end)
    }

    fn is_stop(&self, index: usize) -> bool {
        self.token(index)
            .is_some_and(|t| matches!(t.kind, TokenKind::Word) && !t.all_caps)
            && is_stop_word(self.word(index))
    }

    /// Filters single-word runs that are never names (`B`, `IT`, `Mr`).
    fn single_word_can_name(&self, index: usize) -> bool {
        let Some(token) = self.token(index) else {
            return false;
        };
        let word = self.word(index);
        if word.chars().count() < 2 || !matches!(token.kind, TokenKind::Word) {
            return false;
        }
        if token.all_caps {
            return !contains(&COMMON_ACRONYMS, word);
        }
        !is_stop_word(word) && !contains(&HONORIFICS, word)
    }

    /// `Lisbon-based`, `British-born`, `Nasdaq-listed`: a capitalised
    /// word joined by a hyphen to a participle describes a name (where a
    /// firm is based, who owns it) and is none itself.
    fn is_compound_adjective(&self, index: usize) -> bool {
        let word = self.word(index);
        word.rsplit_once(['-', '\u{2010}', '\u{2011}'])
            .is_some_and(|(head, tail)| {
                !head.is_empty()
                    && matches!(
                        tail,
                        "based"
                            | "born"
                            | "owned"
                            | "listed"
                            | "led"
                            | "backed"
                            | "funded"
                            | "made"
                    )
            })
    }

    fn known_single(&self, word: &str) -> bool {
        (lookup(&PLACES, word).is_some() && word.len() > 3)
            || contains(&KNOWN_ORGS, word)
            || contains(&KNOWN_GROUPS, word)
    }

    /// The key of the tokens `a..b` (punctuation inside, such as `Mr.`'s dot, is skipped).
    fn key_of(&self, a: usize, b: usize) -> String {
        let bytes = match (
            self.token(a),
            b.checked_sub(1).and_then(|last| self.token(last)),
        ) {
            (Some(first), Some(last)) => last.end.saturating_sub(first.start),
            _ => 0,
        };
        let mut key = String::with_capacity(bytes);
        for index in a..b {
            if self
                .token(index)
                .is_some_and(|t| !matches!(t.kind, TokenKind::Punct('.')))
            {
                push_key_words(&mut key, self.word(index));
                // A singular possessive inside a name keeps its `s`
                // (`Caldria's Ministry of Culture` → `caldrias-ministry-…`),
                // so the owner alone (`Caldria`) is no short form of it.
                let singular_possessive = self.token(index).is_some_and(|t| t.possessive)
                    && !self
                        .token(index + 1)
                        .is_some_and(|t| matches!(t.kind, TokenKind::Punct(_)));
                if singular_possessive && index + 1 < b {
                    key.push('s');
                }
            }
        }
        key
    }

    /// Decides the kind of the run `a..end` (after stop words); returns the
    /// decision and the span's token range.
    fn classify(
        &self,
        a: usize,
        end: usize,
        title: bool,
        initial: bool,
    ) -> Option<(Decision, usize, usize)> {
        let key = self.key_of(a, end);
        let bare = key.strip_prefix("the-").unwrap_or(&key);
        let single = end - a == 1;
        let caps_single = single && self.token(a).is_some_and(|t| t.all_caps);
        let whole = |decision: Option<Decision>| decision.map(|d| (d, a, end));
        use EntityKind::*;

        if lookup(&NICKNAMES, bare).is_some() {
            let span_first = if title { a + 1 } else { a };
            return decided(Place, RULE_NICKNAME).map(|d| (d, span_first, end));
        }
        if lookup(&PLACES, bare).is_some() && (bare.len() > 3 || caps_single) {
            return whole(decided(Place, RULE_PLACE));
        }
        if self.is_lower_word(end, &["administration", "regime"]) {
            return decided(Organisation, RULE_ADMINISTRATION).map(|d| (d, a, end + 1));
        }
        if contains(&KNOWN_ORGS, bare) {
            return whole(decided(Organisation, RULE_KNOWN_ORG));
        }
        if contains(&KNOWN_GROUPS, bare) {
            return whole(decided(Group, RULE_KNOWN_GROUP));
        }
        if !single && let Some(name) = self.name_after_title_chain(a, end) {
            return decided(Person, RULE_TITLE_CHAIN).map(|d| (d, name, end));
        }
        // `Organisers Saltry Events Ltd said`, `Campaigners Save Our Parks`:
        // a plural person noun opening the sentence before a name of two
        // words or more is the name's description, capitalised only by its
        // place; the name is the rest (`Farmers Union` stays: an
        // organisation word right after it is the name's own).
        let plural_person_noun = |i: usize| {
            let word = self.word(i).to_lowercase();
            word.strip_suffix('s').is_some_and(|one| {
                contains(&PERSON_NOUNS, one) && !contains(&FIRM_PERSON_NOUNS, one)
            })
        };
        if end >= a + 3
            && self.token(a).is_some_and(|t| t.initial && !t.all_caps)
            && plural_person_noun(a)
            && self.is_name_word(a + 1)
            && !contains(&ORG_WORDS, self.word(a + 1))
            && !contains(&HONORIFICS, self.word(a + 1))
        {
            return self.classify(a + 1, end, false, false);
        }
        // `Carmaker Varnholt Automotive is recalling`, `Rival Altrada Pumps
        // reported`: a noun for a kind of business, or "rival", opening the
        // sentence before a name describes the firm, capitalised only by
        // its place; the name is the rest.
        let describes_firm = |i: usize| {
            let word = self.word(i).to_lowercase();
            word == "rival" || contains(&BUSINESS_NOUNS, &word)
        };
        // (`Supermarket Workers Union` stays: a person noun or an
        // organisation word right after it is the name's own.)
        let person_noun = |i: usize| {
            let word = self.word(i).to_lowercase();
            contains(&PERSON_NOUNS, &word)
                || word
                    .strip_suffix('s')
                    .is_some_and(|one| contains(&PERSON_NOUNS, one))
        };
        if end >= a + 2
            && self.token(a).is_some_and(|t| t.initial && !t.all_caps)
            && describes_firm(a)
            && self.is_name_word(a + 1)
            && !contains(&ORG_WORDS, self.word(a + 1))
            && !person_noun(a + 1)
        {
            return self.classify(a + 1, end, false, false);
        }
        let words = (a..end).filter(|&i| {
            self.token(i)
                .is_some_and(|t| !matches!(t.kind, TokenKind::Punct('.')))
        });
        if !single && words.clone().any(|i| contains(&ORG_WORDS, self.word(i))) {
            return whole(decided(Organisation, RULE_ORG_WORD));
        }
        // `Harbour Street`, `Kings Road`, `River Thames` is not one (the
        // place word must end the name).
        if !single && contains(&PLACE_WORDS, self.word(end - 1)) {
            return whole(decided(Place, RULE_PLACE_WORD));
        }
        if contains(&DEMONYMS, bare) {
            return None;
        }
        // `French President Emmanuel Macron`: a nationality before a title.
        // A role is a title only before what looks like a name (not `Star Wars`).
        // A person noun opening the sentence before a name of two or more
        // words is written as a title (`Fisherman Oddvar Ruud said`).
        let is_title = |i: usize| {
            contains(&HONORIFICS, self.word(i))
                || (contains(&ROLE_WORDS, self.word(i))
                    && (end >= i + 3 || contains(&GIVEN_NAMES, self.word(i + 1))))
                || (i == a
                    && end >= i + 3
                    && self.token(i).is_some_and(|t| t.initial)
                    && contains(&PERSON_NOUNS, self.word(i)))
        };
        let title_at = (a..end.min(a + 3)).find(|&i| is_title(i)).filter(|&i| {
            i == a
                || contains(&DEMONYMS, &self.key_of(a, i))
                || (i == a + 1 && contains(&TITLE_MODIFIERS, self.word(a)))
        });
        if !single && let Some(title_at) = title_at {
            let name = if self.is_punct(title_at + 1, '.') {
                title_at + 2
            } else {
                title_at + 1
            };
            // `Chief Executive Officer`: titles all the way, no name.
            let names_a_title =
                contains(&HONORIFICS, self.word(name)) || contains(&ROLE_WORDS, self.word(name));
            if name < end && !names_a_title {
                return decided(Person, RULE_HONORIFIC).map(|d| (d, name, end));
            }
        }
        if let Some(decision) = self.cue_before(a, title) {
            return whole(Some(decision));
        }
        if title {
            return whole(decided(Work, RULE_THE_TITLE));
        }
        let count = words.count();
        if (2..=4).contains(&count) && is_given_name(self.word(a)) {
            return whole(decided(Person, RULE_GIVEN_NAME));
        }
        // `Conservative Joan Pritchard`, `Dunmore's` without the `'s`
        // (`Dunmore Tomas Verhaar`): one capitalised word that is no given
        // name before a given name and a surname is a modifier (a party, a
        // team, a place); the person's name starts at the given name.
        if (3..=4).contains(&count)
            && end - a == count
            && !is_given_name(self.word(a))
            && is_given_name(self.word(a + 1))
            && !self.token(a).is_some_and(|t| t.all_caps || t.possessive)
        {
            return decided(Person, RULE_GIVEN_NAME).map(|d| (d, a + 1, end));
        }
        if (2..=3).contains(&count) && self.role_appositive(end) {
            return whole(decided(Person, RULE_ROLE_APPOSITIVE));
        }
        if (2..=3).contains(&count) && self.role_before_comma(a) {
            return whole(decided(Person, RULE_ROLE_BEFORE_COMMA));
        }
        if (2..=3).contains(&count)
            && !contains(&HONORIFICS, self.word(a))
            && !contains(&ROLE_WORDS, self.word(a))
            && self.age_appositive(end)
        {
            return whole(decided(Person, RULE_AGE_APPOSITIVE));
        }
        // `said Aitor Lekuona, who runs a bakery`: organisations take
        // `which`. A title first (`Inspector Rao, who …`) is left to the
        // rules that take the title off the name.
        if (2..=3).contains(&count)
            && !contains(&HONORIFICS, self.word(a))
            && !contains(&ROLE_WORDS, self.word(a))
            && self.is_punct(end, ',')
            && self.is_lower_word(end + 1, &["who"])
        {
            return whole(decided(Person, RULE_WHO_CLAUSE));
        }
        if count <= 3 && self.org_appositive(end) {
            return whole(decided(Organisation, RULE_ORG_APPOSITIVE));
        }
        // `joined from Hamburg`: a city of the gazetteer, when no cue says
        // otherwise, is a place (a guess: `Hamilton` after `Mira Hamilton`
        // still joins her).
        if !caps_single && count <= 4 && contains(&GAZETTEER, bare) {
            return whole(decided(Place, RULE_GAZETTEER));
        }
        if caps_single {
            return whole(decided(Organisation, RULE_GUESS_ACRONYM));
        }
        if initial {
            return whole(decided(Organisation, RULE_GUESS_INITIAL));
        }
        whole(decided(Organisation, RULE_GUESS_NAME))
    }

    /// `Tarvio, the Lisbon-based firm`, `Aerlo, a low-cost carrier`: a
    /// comma after the run at `end`, then the/a/an and at most four more
    /// words before an organisation noun (`firm`, `insurer`, `club` …),
    /// none of them a role or a possessive (`the club's physio` is a
    /// person's). News introduces a one-word company this way.
    pub(super) fn org_appositive(&self, end: usize) -> bool {
        if !self.is_punct(end, ',') || !self.is_lower_word(end + 1, &["the", "a", "an"]) {
            return false;
        }
        for k in end + 2..end + 7 {
            let Some(token) = self.token(k) else {
                return false;
            };
            if !matches!(token.kind, TokenKind::Word)
                || token.possessive
                || self.is_lower_in(k, &ROLE_WORDS)
            {
                return false;
            }
            if self.is_lower_in(k, &ORG_NOUNS) {
                // The head noun, not a modifier (`the club captain`).
                return !(self.is_lower_in(k + 1, &ROLE_WORDS)
                    || self.is_lower_in(k + 1, &ORG_NOUNS));
            }
        }
        false
    }

    /// `Diane Marsh, the county's chief fire officer`: a comma after the
    /// run at `end`, then a determiner or possessive and at most four more
    /// lowercase words, one of them a role (`officer`, `minister` …).
    fn role_appositive(&self, end: usize) -> bool {
        if !self.is_punct(end, ',') {
            return false;
        }
        let opens = self.is_lower_word(end + 1, &["the", "a", "an", "its", "his", "her", "their"])
            || self.token(end + 1).is_some_and(|t| t.possessive);
        if !opens {
            return false;
        }
        let mut k = end + 2;
        while k < end + 6
            && self
                .token(k)
                .is_some_and(|t| matches!(t.kind, TokenKind::Word))
        {
            if self.is_lower_in(k, &ROLE_WORDS) {
                return true;
            }
            k += 1;
        }
        false
    }

    /// `Edvin Kask, 52, who …`, `Dragan Holub, 67, a retired teacher`:
    /// a comma, a whole number of one to three digits no greater than 120
    /// and another comma (or the sentence's end) right after the run at
    /// `end`. News gives a person's age so; an organisation's founding year
    /// has four digits.
    fn age_appositive(&self, end: usize) -> bool {
        let age = |t: &Token<'_>| {
            matches!(t.kind, TokenKind::Number)
                && t.text.len() <= 3
                && t.text.parse::<u32>().is_ok_and(|n| (1..=120).contains(&n))
        };
        self.is_punct(end, ',')
            && self.token(end + 1).is_some_and(|t| age(&t))
            && (self.is_punct(end + 2, ',') || self.is_punct(end + 2, '.'))
    }

    /// How many capitalised name words run from token `a` (at most four).
    fn run_words(&self, a: usize) -> usize {
        (a..a + 4).take_while(|&i| self.is_name_word(i)).count()
    }

    /// `the race leader, Piet Dremmel`, `its chief executive, Dana
    /// Whitfield`, `the referee, Janusz Wiklund`: a lowercase role word or
    /// person noun (not one news uses for firms too) and a comma right
    /// before the run
    /// at `a`, the role's phrase opened by a determiner or a possessive at
    /// most three words back (`said the leader, Labour …` is no apposition
    /// without one). A name in apposition to a role is the person who
    /// holds it.
    fn role_before_comma(&self, a: usize) -> bool {
        let Some(role) = a.checked_sub(2) else {
            return false;
        };
        let person_noun =
            self.is_lower_in(role, &PERSON_NOUNS) && !self.is_lower_in(role, &FIRM_PERSON_NOUNS);
        if !self.is_punct(a - 1, ',') || !(self.is_lower_in(role, &ROLE_WORDS) || person_noun) {
            return false;
        }
        // The determiner may open the sentence (`The referee, …`).
        (role.saturating_sub(3)..role).rev().any(|k| {
            self.token(k).is_some_and(|t| {
                t.possessive
                    || (matches!(t.kind, TokenKind::Word)
                        && ["the", "its", "his", "her", "their"]
                            .iter()
                            .any(|d| t.text.eq_ignore_ascii_case(d)))
            })
        })
    }

    /// `Chief Fire Officer Diane Marsh`, `Group Manager Tom Reddy`, `Bank
    /// of England Governor Andrew Bailey`: a title of two to four words
    /// (its last word a title or role) before a personal name of one to
    /// three words. Returns where the name starts. A one-word title
    /// (`President Obama`) is left to the plain title rule.
    fn name_after_title_chain(&self, a: usize, end: usize) -> Option<usize> {
        let is_title =
            |i: usize| contains(&HONORIFICS, self.word(i)) || contains(&ROLE_WORDS, self.word(i));
        let last_title = (a + 1..end.min(a + MAX_TITLE_WORDS))
            .rev()
            .find(|&i| self.is_name_word(i) && is_title(i))?;
        let name = if self.is_punct(last_title + 1, '.') {
            last_title + 2
        } else {
            last_title + 1
        };
        let name_words = end.checked_sub(name)?;
        let plain_name = (name..end).all(|i| {
            self.is_name_word(i)
                && !is_title(i)
                && !contains(&ORG_WORDS, self.word(i))
                && !self.token(i).is_some_and(|t| t.all_caps)
        });
        let personal = name_words >= 2 || contains(&GIVEN_NAMES, self.word(name));
        ((1..=3).contains(&name_words) && plain_name && personal).then_some(name)
    }

    /// Kind cues in the words right before the run starting at `a`
    /// (`title`: the run starts with a capitalised `The`).
    fn cue_before(&self, a: usize, title: bool) -> Option<Decision> {
        use EntityKind::*;
        let prev = a.checked_sub(1)?;
        if self.is_lower_in(prev, &ROLE_WORDS) {
            return decided(Person, RULE_ROLE);
        }
        // `said paramedic Jorun Vell`: a person noun right before a name of
        // two or three words, unless the noun describes firms and teams as
        // often as people (`investor Brenner Holt`, `champions Harwick
        // Rovers`).
        let words = self.run_words(a);
        if (2..=3).contains(&words)
            && self.is_lower_in(prev, &PERSON_NOUNS)
            && !self.is_lower_in(prev, &FIRM_PERSON_NOUNS)
        {
            return decided(Person, RULE_ROLE);
        }
        if self.is_lower_word(prev, &["starring", "co-starring", "stars"]) {
            return Some(Decision {
                kind: Person,
                rule: RULE_STARRING,
                list: true,
            });
        }
        if let Some(decision) = self.list_cue(prev) {
            return Some(decision);
        }
        if let Some(decision) = self.list_continues(prev) {
            return Some(decision);
        }
        // `the film The Long Tide`, `the band's new album, Low Country`.
        let appositive = !title
            && (self.is_punct(prev, ',') || self.is_punct(prev, ':'))
            && prev
                .checked_sub(1)
                .is_some_and(|noun| self.is_lower_in(noun, &WORK_NOUNS));
        if (self.is_lower_in(prev, &WORK_NOUNS) && !self.is_verb_after_subject(prev)) || appositive
        {
            return decided(Work, RULE_WORK_NOUN);
        }
        if let Some(rule) = self.naming_cue(a) {
            return decided(Group, rule);
        }
        if self.place_cue(a) {
            return decided(Place, RULE_PLACE_CUE);
        }
        if self.is_lower_in(prev, &GROUP_NOUNS) {
            return decided(Group, RULE_GROUP_NOUN);
        }
        None
    }

    /// `Harlow play Dunmore Town`, `Polls show Labour ahead`: `play` or
    /// `show` at `index` right after a name that no determiner or
    /// possessive opens is the sentence's verb, not a work noun (`the BBC
    /// show Silver Tide`, `Netflix's show …` are nouns).
    fn is_verb_after_subject(&self, index: usize) -> bool {
        if !self.is_lower_word(index, &["play", "show"]) {
            return false;
        }
        let mut k = index;
        while k > 0 && self.is_name_word(k - 1) && !self.token(k - 1).is_some_and(|t| t.possessive)
        {
            k -= 1;
        }
        if k == index {
            return false;
        }
        let determiner = |i: usize| {
            [
                "the", "a", "an", "this", "that", "its", "his", "her", "their", "our", "my",
            ]
            .iter()
            .any(|w| w.eq_ignore_ascii_case(self.word(i)))
        };
        let opened = determiner(k)
            || k.checked_sub(1).is_some_and(|before| {
                determiner(before) || self.token(before).is_some_and(|t| t.possessive)
            });
        !opened
    }

    /// `in Brenton on Monday`, `residents of Cedar Falls`, `the island of
    /// Skerrin`, `the river Vessa`: a place word
    /// right before the run starting at `a`, and the run ends the phrase
    /// (punctuation or a function word after it, not a noun: `in Twitter
    /// posts` is no place; not possessive: `in Northgate's statement`). Runs with
    /// an organisation word never get here.
    fn place_cue(&self, a: usize) -> bool {
        let Some(prev) = a.checked_sub(1) else {
            return false;
        };
        let cue = self.is_lower_word(prev, &["in", "near", "outside", "river"])
            || (self.is_lower_word(prev, &["of"])
                && prev.checked_sub(1).is_some_and(|k| {
                    // Capitalised too: "Residents of Cedar Falls were …".
                    contains(&PLACE_OF_NOUNS, self.word(k))
                }));
        if !cue || contains(&GIVEN_NAMES, self.word(a)) {
            return false;
        }
        let mut end = a;
        while self.is_name_word(end) {
            end += 1;
        }
        if end == a || self.token(end - 1).is_some_and(|t| t.possessive) {
            return false;
        }
        match self.token(end) {
            None => true,
            Some(t) => match t.kind {
                TokenKind::Punct(c) => !is_apostrophe(c),
                TokenKind::Number => false,
                TokenKind::Word => !t.capitalised && contains(&PLACE_FOLLOWERS, self.word(end)),
            },
        }
    }

    /// `movies … including X`, `companies such as X`.
    fn list_cue(&self, prev: usize) -> Option<Decision> {
        let mut cue = prev;
        if self.is_lower_word(cue, &["the"]) {
            cue = cue.checked_sub(1)?;
        }
        let after_including = self.is_lower_word(cue, &["including", "like"]);
        let after_such_as = self.is_lower_word(cue, &["as"])
            && cue
                .checked_sub(1)
                .is_some_and(|i| self.is_lower_word(i, &["such"]));
        if !after_including && !after_such_as {
            return None;
        }
        let window = cue.saturating_sub(10)..cue;
        for index in window.rev() {
            // Capitalised too: `Theaters including AMC and Regal`.
            let is_word = self
                .token(index)
                .is_some_and(|t| matches!(t.kind, TokenKind::Word));
            if is_word && contains(&WORK_NOUNS_PLURAL, self.word(index)) {
                return Some(Decision {
                    kind: EntityKind::Work,
                    rule: RULE_WORK_LIST,
                    list: true,
                });
            }
            if is_word && contains(&ORG_NOUNS_PLURAL, self.word(index)) {
                return Some(Decision {
                    kind: EntityKind::Organisation,
                    rule: RULE_ORG_LIST,
                    list: true,
                });
            }
        }
        None
    }

    /// `… Seth Rogen and James Franco`: a list found by a cue continues.
    fn list_continues(&self, prev: usize) -> Option<Decision> {
        let separator = self.is_lower_word(prev, &["and", "or"]) || self.is_punct(prev, ',');
        if !separator {
            return None;
        }
        let before = if self.is_punct(prev.checked_sub(1)?, ',') {
            prev - 1
        } else {
            prev
        };
        let local = self.locals.last()?;
        if !local.list || (local.end != prev && local.end != before) {
            return None;
        }
        let mention = self.mentions.get(local.mention)?;
        Some(Decision {
            kind: mention.kind,
            rule: mention.rule,
            list: true,
        })
    }

    /// Records a mention for the tokens `first..end` (`run_end`: the end of the run).
    fn record(&mut self, decision: Decision, first: usize, end: usize, run_end: usize) {
        let last = end.checked_sub(1).and_then(|last| self.token(last));
        let (Some(first_token), Some(last_token)) = (self.token(first), last) else {
            return;
        };
        let span = Span::new(first_token.start, last_token.end);
        let mut decision = decision;
        let key = match decision.rule {
            RULE_NICKNAME | RULE_PLACE => {
                let bare_key = self.key_of(first, end);
                let bare = bare_key.strip_prefix("the-").unwrap_or(&bare_key);
                lookup(&NICKNAMES, bare)
                    .or_else(|| lookup(&PLACES, bare))
                    .map_or_else(|| bare.to_string(), str::to_string)
            }
            _ => {
                let key = self.key_of(first, end);
                match key.strip_prefix("the-") {
                    Some(bare) if decision.kind != EntityKind::Work => bare.to_string(),
                    _ => key,
                }
            }
        };
        if key.is_empty() {
            return;
        }
        let acronym = end - first == 1 && first_token.all_caps;
        let index = self.mentions.len();
        // Acronym definitions: `FOH or Friends of the Harbour`, `Friends of the Harbour (FOH)`.
        if let Some(previous) = self.locals.last().copied() {
            let defines = if acronym {
                self.is_punct(first.wrapping_sub(1), '(')
                    && previous.end + 1 == first
                    && self.initials_match(self.word(first), previous.first, previous.end)
            } else {
                previous.end + 1 == first
                    && (self.is_lower_word(previous.end, &["or", "aka"])
                        || self.is_punct(previous.end, '('))
                    && self
                        .mentions
                        .get(previous.mention)
                        .is_some_and(|m| m.acronym)
                    && self.initials_match(self.word(previous.first), first, end)
            };
            if defines && let Some(other) = self.mentions.get(previous.mention) {
                if is_guess(decision.rule) {
                    decision.kind = other.kind;
                }
                decision.rule = if acronym {
                    RULE_ACRONYM_DEFINED
                } else {
                    RULE_EXPANSION
                };
                self.links.push((previous.mention, index));
            }
        }
        self.mentions.push(Mention {
            span,
            kind: decision.kind,
            rule: decision.rule,
            key,
            acronym,
        });
        let possessive = self.token(run_end - 1).is_some_and(|t| t.possessive) && end == run_end;
        self.locals.push(Local {
            first,
            end: end.max(run_end),
            mention: index,
            list: decision.list,
            possessive,
        });
    }

    /// `Ardent’s Threat … Group`, `Ledger's Mara Quist`: the possessor of a
    /// named organisation, work or person is an organisation — unless it is
    /// the surname of a person the article named in full before ("Premier
    /// Jonas Falk …" then "Falk's Conservatives": a leader's party).
    /// Adds the surnames of the cue'd people among the mentions before
    /// `upto` to [`Scanner::person_surnames`] (each mention is read once).
    fn note_person_surnames(&mut self, upto: usize) {
        let from = self.surnames_upto;
        if upto <= from {
            return;
        }
        for p in self.mentions.get(from..upto).unwrap_or_default() {
            if p.kind == EntityKind::Person
                && !is_guess(p.rule)
                && let Some((_, last)) = p.key.rsplit_once('-')
            {
                self.person_surnames.insert(last.to_string());
            }
        }
        self.surnames_upto = upto;
    }

    fn resolve_possessives(&mut self) {
        for second in 1..self.locals.len() {
            let (Some(&owner), Some(&owned)) =
                (self.locals.get(second - 1), self.locals.get(second))
            else {
                continue;
            };
            let adjacent = owned.first == owner.end
                || (owned.first == owner.end + 1
                    && self.token(owner.end).is_some_and(
                        |t| matches!(t.kind, TokenKind::Punct(c) if is_apostrophe(c)),
                    ));
            if !owner.possessive || !adjacent {
                continue;
            }
            let Some(owned_kind) = self.mentions.get(owned.mention).map(|m| m.kind) else {
                continue;
            };
            self.note_person_surnames(owner.mention);
            let surname_of_person = self
                .mentions
                .get(owner.mention)
                .is_some_and(|m| !m.key.contains('-') && self.person_surnames.contains(&m.key));
            let Some(mention) = self.mentions.get_mut(owner.mention) else {
                continue;
            };
            if !is_guess(mention.rule) || surname_of_person {
                continue;
            }
            mention.kind = EntityKind::Organisation;
            mention.rule = match owned_kind {
                EntityKind::Person => RULE_EMPLOYER,
                _ => RULE_OWNER,
            };
        }
    }
}

/// A given name that makes a capitalised run a person's name: one of the
/// short hand list, or of the name lists built from public birth records
/// (`scripts/names/`) unless it is as common as a word ("Star Wars",
/// "Grace Church").
fn is_given_name(word: &str) -> bool {
    contains(&GIVEN_NAMES, word)
        || ((contains(&FEMALE_GIVEN_NAMES, word) || contains(&MALE_GIVEN_NAMES, word))
            && !contains(&GIVEN_NAME_WORDS, word))
}

/// Nouns before "of" and a place's name (`the island of Skerrin`,
/// `residents of Cedar Falls`).
static PLACE_OF_NOUNS: WordSet = WordSet::new(
    "capital|cities|city|county|district|island|islands|outskirts|port|province|region|\
     residents|suburb|town|towns|village|villages",
);

/// Person nouns that news also uses for firms, clubs and teams ("investor
/// Brenner Holt", "champions Harwick Rovers"): no cue that a name after one
/// is a person's.
static FIRM_PERSON_NOUNS: WordSet = WordSet::new(
    "builder|champion|grower|investor|member|official|owner|parent|partner|principal|\
     trader|winner",
);

/// A stop word, or a stop word's contraction (`I'd`, `We're`, `It's`,
/// `That'll`): "I'd see another one" opens with no name.
fn is_stop_word(word: &str) -> bool {
    if contains(&STOP_WORDS, word) {
        return true;
    }
    let Some((stem, tail)) = word.split_once(is_apostrophe) else {
        return false;
    };
    matches!(
        tail.to_ascii_lowercase().as_str(),
        "d" | "ll" | "m" | "re" | "s" | "ve"
    ) && contains(&STOP_WORDS, stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_followers_are_sorted() {
        assert!(PLACE_FOLLOWERS.is_sorted());
        assert!(FIRM_PERSON_NOUNS.is_sorted());
        assert!(PLACE_OF_NOUNS.is_sorted());
    }
}
