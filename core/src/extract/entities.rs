//! Named entities in story sentences: people, organisations, places, groups
//! and works (film titles).
//!
//! How it works, per article:
//! 1. A pre-pass tokenises every sentence and remembers which capitalised
//!    words also occur *mid-sentence* (so a sentence-initial `Sony` counts,
//!    a sentence-initial `Rumours` does not) and which words follow a
//!    mid-sentence capitalised `The` (titles such as `The Interview`).
//! 2. The main pass builds runs of capitalised tokens (`Sony Pictures`,
//!    `Kim Jong-Un`, `Unit 21`), joined through `of`/`and` only where a cue
//!    allows it (`General Bureau of Reconnaissance`, `… Intelligence and
//!    Research Group`, `a group calling itself Guardians of Peace`). Leading
//!    function words and sentence adverbs are dropped (`While`, `Yesterday`),
//!    possessives end a run and are left out of the span (`North Korea’s`).
//! 3. Each run gets a kind from small lexicons ([`super::lexicon`]) and cues
//!    in the words before it: known places and nicknames (`the Hermit
//!    Kingdom` is linked to `north-korea`), organisation words (`Pictures`,
//!    `Times`, `House`), titles and roles (`Mr.`, `despot`), cast lists
//!    (`starring`), titles (`the film X`, a capitalised `The` mid-sentence,
//!    `movies … including X and Y`), group cues (`calling itself`), given
//!    names. Everything else is a capitalised name guessed to be an
//!    organisation; its `rule` says so.
//! 4. Aliases are merged into one canonical key per article: same key after
//!    folding case, hyphens and accents (`Kim Jong Un` = `Kim Jong-Un`),
//!    acronyms defined in the text (`GOP or Guardians of Peace`, `Guardians
//!    of Peace (GOP)`), shorter forms of organisations (`Sony`, `Sony
//!    Pictures`, `Sony Pictures Entertainment`, tolerating a one-letter typo
//!    after the first word), surnames of people named in full. The canonical
//!    key is the cluster's form that is not an acronym, has several words and
//!    most mentions (then most words, then comes first): `sony-pictures`, not
//!    the once-written typo `sony-pictured-entertainment`.
//!
//! Deliberate omissions: adjectives of nationality (`North Korean`) are not
//! entities; a single capitalised word in quotes that never recurs
//! (`the “Destroyer” malware`) is treated like a sentence-initial word and
//! left out (a malware name is none of the five kinds); common all-caps nouns
//! (`IT`, `TV`) and single letters (`B movie`) are not names.
//!
//! Everything is linear in the text: look-behind and look-ahead are bounded,
//! lexicon look-ups are hashed probes, and a key is built once per entity.

use crate::model::HashMap;

use super::Sentence;
use super::lexicon::{
    COMMON_ACRONYMS, DEMONYMS, GIVEN_NAMES, GROUP_NOUNS, HONORIFICS, KNOWN_GROUPS, KNOWN_ORGS,
    NICKNAMES, NUMBERED_HEADS, OF_HEAD_WORDS, ORG_NOUNS_PLURAL, ORG_WORDS, PLACES, ROLE_WORDS,
    STOP_WORDS, WORK_NOUNS, WORK_NOUNS_PLURAL, WordSet, contains, lookup,
};
use super::text::{char_at, hash, in_sorted, is_alnum, is_numeric, is_space, is_upper};
use crate::model::{Span, key, sort_by_numbers};

/// What an entity is.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum EntityKind {
    Person,
    Organisation,
    Place,
    Group,
    Work,
}

impl EntityKind {
    /// A short lowercase label: `person`, `org`, `place`, `group`, `work`.
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organisation => "org",
            EntityKind::Place => "place",
            EntityKind::Group => "group",
            EntityKind::Work => "work",
        }
    }
}

/// One mention of a named entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// The name as written, without a possessive `’s` at its end and without
    /// titles such as `Mr.`.
    pub span: Span,
    pub kind: EntityKind,
    /// Canonical key shared by every alias of the entity: lowercase,
    /// ASCII-folded words joined by `-` (`kim-jong-un`, `sony-pictures`).
    pub key: String,
    /// The rule that found the mention, in words.
    pub rule: &'static str,
}

// Rules, in the words a reader sees.
const RULE_NICKNAME: &str = "nickname of a known place";
const RULE_PLACE: &str = "known place";
const RULE_KNOWN_ORG: &str = "known organisation";
const RULE_KNOWN_GROUP: &str = "known group";
const RULE_ORG_WORD: &str = "name with an organisation word (Pictures, Times, House …)";
const RULE_PLACE_WORD: &str = "name ending in a place word (Street, Road, River …)";
const RULE_ADMINISTRATION: &str = "administration named after its leader";
const RULE_HONORIFIC: &str = "name after a title (Mr., President, Reporter …)";
const RULE_ROLE: &str = "name after a role (despot, actor …)";
const RULE_ROLE_APPOSITIVE: &str = "name before a role in apposition (X, the chief fire officer)";
const RULE_TITLE_CHAIN: &str =
    "name after a title of several words (Chief Fire Officer, Group Manager …)";
const RULE_STARRING: &str = "cast list after “starring”";
const RULE_WORK_LIST: &str = "title in a list of films or books (“… including X and Y”)";
const RULE_ORG_LIST: &str = "name in a list of organisations (“… including X”)";
const RULE_WORK_NOUN: &str = "title after a film or book word (the film …)";
const RULE_PLACE_CUE: &str = "name after a place word (in, near, residents of …)";
const RULE_NAMING_CUE: &str = "name after a group cue (calling itself …)";
const RULE_GROUP_NOUN: &str = "name after a group word (hacker group …)";
const RULE_THE_TITLE: &str = "title with a capitalised The";
const RULE_GIVEN_NAME: &str = "given name and surname";
const RULE_ACRONYM_DEFINED: &str = "acronym defined in the text";
const RULE_EXPANSION: &str = "name defined with an acronym";
const RULE_OWNER: &str = "owner of a named organisation or work (X’s …)";
const RULE_EMPLOYER: &str = "employer of a named person (X’s …)";
const RULE_GUESS_ACRONYM: &str = "acronym (guessed organisation)";
const RULE_GUESS_INITIAL: &str =
    "sentence-initial word that recurs as a name (guessed organisation)";
const RULE_GUESS_NAME: &str = "capitalised name (guessed organisation)";
const RULE_SHORT_FORM: &str = "short form of a name given in full";
const RULE_SURNAME: &str = "surname of a person named in full";
const RULE_ACRONYM_OF: &str = "acronym of a name given in full";
const RULE_REPEAT: &str = "repeats a name classified elsewhere";

/// Rules that only guess the kind: any cue-based rule beats them.
fn is_guess(rule: &str) -> bool {
    [RULE_GUESS_ACRONYM, RULE_GUESS_INITIAL, RULE_GUESS_NAME].contains(&rule)
}

/// Entities in the story sentences of one article, in text order; `key` is
/// the canonical key, with aliases merged within the article.
pub fn find_entities(text: &str, sentences: &[Sentence]) -> Vec<Entity> {
    let mut scanner = Scanner::new(text);
    scanner.collect_hints(sentences);
    for index in 0..sentences.len() {
        scanner.scan_sentence(index);
    }
    let Scanner {
        mentions, links, ..
    } = scanner;
    resolve_article(mentions, &links)
}

/// Merges keys across the articles of one story (`sony-pictures-entertainment`
/// in one and `sony-pictures` in another get one key, an undefined `GOP`
/// joins `guardians-of-peace`). Rewrites only `key` fields, never spans.
pub fn merge_story_keys(articles: &mut [(&str, &mut Vec<Entity>)]) {
    let mut forms: Vec<FormInfo<'_>> = Vec::new();
    let mut votes: Vec<[usize; 5]> = Vec::new();
    let mut strong_votes: Vec<[usize; 5]> = Vec::new();
    {
        let mut index: HashMap<&str, usize> = HashMap::default();
        let mut order = 0;
        for (text, entities) in articles.iter() {
            for entity in entities.iter() {
                let form = *index.entry(entity.key.as_str()).or_insert_with(|| {
                    forms.push(FormInfo {
                        key: entity.key.as_str(),
                        kind: entity.kind,
                        strong: false,
                        count: 0,
                        first: order,
                        acronym: true,
                    });
                    votes.push([0; 5]);
                    strong_votes.push([0; 5]);
                    forms.len() - 1
                });
                order += 1;
                if let (Some(info), Some(vote), Some(strong_vote)) = (
                    forms.get_mut(form),
                    votes.get_mut(form),
                    strong_votes.get_mut(form),
                ) {
                    info.count += 1;
                    info.acronym &= is_acronym_text(entity.span.text(text));
                    if let Some(slot) = vote.get_mut(kind_index(entity.kind)) {
                        *slot += 1;
                    }
                    if !is_guess(entity.rule) {
                        info.strong = true;
                        if let Some(slot) = strong_vote.get_mut(kind_index(entity.kind)) {
                            *slot += 1;
                        }
                    }
                }
            }
        }
        for ((info, vote), strong_vote) in forms.iter_mut().zip(&votes).zip(&strong_votes) {
            info.kind = majority_kind(if info.strong { strong_vote } else { vote });
        }
    }
    let canonical = cluster(&forms, &[]);
    let keys: HashMap<String, String> = forms
        .iter()
        .zip(&canonical)
        .filter_map(|(form, &target)| {
            let target = forms.get(target)?;
            (target.key != form.key).then(|| (form.key.to_string(), target.key.to_string()))
        })
        .collect();
    for (_, entities) in articles.iter_mut() {
        for entity in entities.iter_mut() {
            if let Some(key) = keys.get(&entity.key) {
                entity.key.clone_from(key);
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TokenKind {
    Word,
    Number,
    Punct(char),
}

/// A word, number or punctuation mark of one sentence, with absolute offsets.
#[derive(Clone, Copy, Debug)]
struct Token<'t> {
    /// The text of `start..end`.
    text: &'t str,
    start: usize,
    /// End of the name part: a possessive `’s` is not included.
    end: usize,
    kind: TokenKind,
    /// First character is uppercase.
    capitalised: bool,
    /// At least two letters, all uppercase (`GOP`, `U.S.`).
    all_caps: bool,
    /// Followed by a possessive `’s` or a plural possessive `’`.
    possessive: bool,
    /// First word of the sentence or after an opening quote or bracket
    /// (for words); an opening quote or bracket (for punctuation).
    initial: bool,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Tokenises the sentence `span` of `text` into `out` (cleared first).
fn tokenize<'t>(text: &'t str, span: Span, out: &mut Vec<Token<'t>>) {
    out.clear();
    let Some(s) = text.get(span.start..span.end) else {
        return;
    };
    let base = span.start;
    let mut pos = 0;
    let mut seen_word = false;
    while let Some(c) = char_at(s, pos) {
        if is_space(c) {
            pos += c.len_utf8();
            continue;
        }
        if is_alnum(c) {
            let (end, name_end, possessive) = scan_word(s, pos);
            let word = s.get(pos..name_end).unwrap_or("");
            let number = is_numeric(c);
            let after_opening = out
                .last()
                .is_some_and(|t| t.initial && !matches!(t.kind, TokenKind::Word));
            let (mut letter_count, mut upper) = (0, true);
            if word.bytes().all(|b| b < 0x80) {
                for b in word.bytes().filter(u8::is_ascii_alphabetic) {
                    letter_count += 1;
                    upper &= b.is_ascii_uppercase();
                }
            } else {
                for letter in word.chars().filter(|c| c.is_alphabetic()) {
                    letter_count += 1;
                    upper &= letter.is_uppercase();
                }
            }
            out.push(Token {
                text: word,
                start: base + pos,
                end: base + name_end,
                kind: if number {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                },
                capitalised: !number && is_upper(c),
                all_caps: !number && letter_count >= 2 && upper,
                possessive,
                initial: !number && (!seen_word || after_opening),
            });
            seen_word = true;
            pos = end.max(pos + c.len_utf8());
            continue;
        }
        let before = if pos == 0 {
            text.get(..base).and_then(|t| t.chars().next_back())
        } else {
            s.get(..pos).and_then(|t| t.chars().next_back())
        };
        let opening = match c {
            '\u{2018}' | '\u{201c}' | '(' | '[' => true,
            '\'' | '"' => before.is_none_or(|b| {
                is_space(b) || matches!(b, '(' | '[' | ':' | '\u{2014}' | '\u{2013}')
            }),
            _ => false,
        };
        out.push(Token {
            text: s.get(pos..pos + c.len_utf8()).unwrap_or(""),
            start: base + pos,
            end: base + pos + c.len_utf8(),
            kind: TokenKind::Punct(c),
            capitalised: false,
            all_caps: false,
            possessive: false,
            initial: opening,
        });
        pos += c.len_utf8();
    }
}

/// Scans a word or number starting at `start`: returns its end, the end of
/// its name part (without a possessive `’s`) and whether it is possessive.
fn scan_word(s: &str, start: usize) -> (usize, usize, bool) {
    let Some(first) = char_at(s, start) else {
        return (start, start, false);
    };
    let number = is_numeric(first);
    let mut pos = start + first.len_utf8();
    let mut segment = 1; // letters since the last joiner, for `U.S.`
    let mut dotted = false;
    let mut prev = first;
    while let Some(c) = char_at(s, pos) {
        let width = c.len_utf8();
        if is_alnum(c) {
            pos += width;
            segment += 1;
            prev = c;
            // The rest of an ASCII run at once.
            while let Some(&b) = s.as_bytes().get(pos)
                && b.is_ascii_alphanumeric()
            {
                pos += 1;
                segment += 1;
                prev = b as char;
            }
            continue;
        }
        let next = char_at(s, pos + width);
        let next_alnum = next.is_some_and(is_alnum);
        let joins = if number {
            matches!(c, ',' | '.') && next.is_some_and(|n| n.is_ascii_digit())
        } else if is_hyphen(c) || is_apostrophe(c) {
            next_alnum
        } else if c == '&' {
            prev.is_uppercase() && next.is_some_and(char::is_uppercase)
        } else if c == '.' {
            // `U.S.`: single letters separated by dots, the last dot included.
            if segment == 1 && prev.is_uppercase() && next.is_some_and(char::is_uppercase) {
                dotted = true;
                true
            } else {
                if dotted && segment == 1 && !next_alnum {
                    pos += width;
                }
                break;
            }
        } else {
            false
        };
        if !joins {
            break;
        }
        pos += width;
        segment = 0;
        prev = c;
    }
    if number {
        return (pos, pos, false);
    }
    let word = s.as_bytes().get(start..pos).unwrap_or_default();
    // `Korea’s` → name `Korea`, possessive.
    if let [.., before, b's' | b'S'] = word {
        let apostrophe = match (
            before,
            word.len().checked_sub(4).and_then(|k| word.get(k..k + 3)),
        ) {
            (b'\'', _) => 1,
            (_, Some([0xe2, 0x80, 0x99])) => 3, // ’
            _ => 0,
        };
        if apostrophe > 0 && word.len() > 1 + apostrophe {
            return (pos, pos - 1 - apostrophe, true);
        }
    }
    // `Pictures’ IT` → plural possessive (the apostrophe stays punctuation;
    // an apostrophe followed by a letter was joined above).
    let plural = (prev == 's' || prev == 'S') && char_at(s, pos).is_some_and(is_apostrophe);
    (pos, pos, plural)
}

// ---------------------------------------------------------------------------
// Keys
// ---------------------------------------------------------------------------

/// Appends `c` lowercased and ASCII-folded (`é` → `e`, `ß` → `ss`).
fn push_folded(key: &mut String, c: char) {
    if c.is_ascii() {
        key.push(c.to_ascii_lowercase());
        return;
    }
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å'
        | 'Ā' => "a",
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "c",
        'ď' | 'đ' | 'Ď' | 'Đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ě' => {
            "e"
        }
        'ğ' | 'Ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'İ' => "i",
        'ł' | 'Ł' => "l",
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō'
        | 'Ő' => "o",
        'ř' | 'Ř' => "r",
        'ś' | 'š' | 'ş' | 'Ś' | 'Š' | 'Ş' => "s",
        'ť' | 'ţ' | 'Ť' | 'Ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' => {
            "u"
        }
        'ý' | 'ÿ' | 'Ý' => "y",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
        'ß' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'þ' | 'Þ' => "th",
        _ => {
            key.extend(c.to_lowercase());
            return;
        }
    };
    key.push_str(folded);
}

/// Appends the key words of `part` to `key`: alphanumerics folded,
/// apostrophes and dots dropped (`O’Brien` → `obrien`, `U.S.` → `us`),
/// anything else separates words with `-`.
fn push_key_words(key: &mut String, part: &str) {
    let mut separate = !key.is_empty();
    let mut pos = 0;
    while let Some(c) = char_at(part, pos) {
        pos += c.len_utf8();
        if is_alnum(c) {
            if separate && !key.is_empty() && key.as_bytes().last() != Some(&b'-') {
                key.push('-');
            }
            separate = false;
            push_folded(key, c);
        } else if !is_apostrophe(c) && c != '.' {
            separate = true;
        }
    }
}

/// The canonical spelling of a name: `Kim Jong-Un` → `kim-jong-un`.
pub fn name_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    push_key_words(&mut key, name);
    key
}

fn first_word(key: &str) -> &str {
    key.split('-').next().unwrap_or(key)
}

fn last_word(key: &str) -> &str {
    key.rsplit('-').next().unwrap_or(key)
}

fn word_count(key: &str) -> usize {
    key.split('-').count()
}

/// `GOP`, `U.S.`: a single word written in capitals.
fn is_acronym_text(text: &str) -> bool {
    let mut letters = 0;
    for c in text.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        } else if !(c.is_ascii_digit() || c == '.' || c == '&') {
            return false;
        }
    }
    letters >= 2
}

// ---------------------------------------------------------------------------
// Scanning
// ---------------------------------------------------------------------------

/// Lowercase words that may follow a place name after `in`/`near` (`in
/// Brenton on Monday`): function words, not nouns (`in Twitter posts`). Sorted.
static PLACE_FOLLOWERS: WordSet = WordSet::new(
    "after|and|as|at|before|but|by|during|earlier|for|from|had|has|have|in|is|last|later|\
     on|or|over|since|that|this|to|today|until|was|were|when|where|which|while|who|with|\
     yesterday",
);

/// Last words that make a capitalised name a place: streets, squares,
/// bridges, rivers, valleys. Checked after the organisation words, so
/// `Bridge Street Council` stays an organisation.
static PLACE_WORDS: WordSet = WordSet::new(
    "avenue|boulevard|bridge|canal|crescent|estuary|highway|island|islands|lane|mountains|\
     peninsula|plaza|quay|river|road|square|street|valley",
);

/// Most words of a title before a name, plus one (`Chief Fire Officer`).
const MAX_TITLE_WORDS: usize = 5;

/// How far a run joined through every connector may reach (bounds look-ahead).
const FORCED_RUN_LIMIT: usize = 16;

/// A mention before aliases are merged.
#[derive(Debug)]
struct Mention {
    span: Span,
    kind: EntityKind,
    rule: &'static str,
    /// Key of this form of the name (not yet canonical).
    key: String,
    /// A single all-caps word.
    acronym: bool,
}

/// A mention of the current sentence, with its token range.
#[derive(Clone, Copy, Debug)]
struct Local {
    first: usize,
    end: usize,
    mention: usize,
    /// Found by a list cue: a following `and X` continues the list.
    list: bool,
    possessive: bool,
}

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

struct Scanner<'t> {
    text: &'t str,
    /// The tokens of the sentence being scanned.
    tokens: Vec<Token<'t>>,
    /// The tokens of every sentence, from the pre-pass, and where each
    /// sentence's tokens are in it: each sentence is tokenized once.
    all_tokens: Vec<Token<'t>>,
    sentence_tokens: Vec<(usize, usize)>,
    locals: Vec<Local>,
    /// Capitalised words seen mid-sentence with their [`hash`], sorted by
    /// hash (numbers sort faster than words).
    recurring: Vec<(usize, &'t str)>,
    /// Words after a mid-sentence capitalised `The`, sorted.
    title_heads: Vec<&'t str>,
    mentions: Vec<Mention>,
    /// Pairs of mentions that are an acronym and its definition.
    links: Vec<(usize, usize)>,
}

impl<'t> Scanner<'t> {
    fn new(text: &'t str) -> Scanner<'t> {
        Scanner {
            text,
            tokens: Vec::new(),
            all_tokens: Vec::new(),
            sentence_tokens: Vec::new(),
            locals: Vec::new(),
            recurring: Vec::new(),
            title_heads: Vec::new(),
            mentions: Vec::new(),
            links: Vec::new(),
        }
    }

    #[inline]
    fn word(&self, index: usize) -> &'t str {
        self.tokens.get(index).map_or("", |t| t.text)
    }

    #[inline]
    fn token(&self, index: usize) -> Option<Token<'t>> {
        self.tokens.get(index).copied()
    }

    /// A capitalised word: may be (part of) a name.
    #[inline]
    fn is_name_word(&self, index: usize) -> bool {
        self.token(index)
            .is_some_and(|t| matches!(t.kind, TokenKind::Word) && t.capitalised)
    }

    /// A lowercase word equal to one of `words` (ASCII case ignored).
    fn is_lower_word(&self, index: usize, words: &[&str]) -> bool {
        self.token(index)
            .is_some_and(|t| matches!(t.kind, TokenKind::Word) && !t.capitalised)
            && {
                let word = self.word(index);
                words
                    .iter()
                    .any(|w| w.len() == word.len() && w.eq_ignore_ascii_case(word))
            }
    }

    fn is_lower_in(&self, index: usize, list: &WordSet) -> bool {
        self.token(index)
            .is_some_and(|t| matches!(t.kind, TokenKind::Word) && !t.capitalised)
            && contains(list, self.word(index))
    }

    #[inline]
    fn is_punct(&self, index: usize, c: char) -> bool {
        self.token(index)
            .is_some_and(|t| matches!(t.kind, TokenKind::Punct(p) if p == c))
    }

    fn recurs(&self, word: &str) -> bool {
        let key = hash(word.as_bytes());
        let from = self.recurring.partition_point(|&(h, _)| h < key);
        self.recurring
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&(h, _)| h == key)
            .any(|&(_, w)| w == word)
    }

    /// Pre-pass: which capitalised words occur mid-sentence, which follow a
    /// mid-sentence capitalised `The`.
    fn collect_hints(&mut self, sentences: &[Sentence]) {
        let mut tokens = std::mem::take(&mut self.tokens);
        for sentence in sentences {
            tokenize(self.text, sentence.span, &mut tokens);
            let from = self.all_tokens.len();
            self.all_tokens.extend_from_slice(&tokens);
            self.sentence_tokens.push((from, self.all_tokens.len()));
            for (index, token) in tokens.iter().enumerate() {
                if !matches!(token.kind, TokenKind::Word) || !token.capitalised {
                    continue;
                }
                let word = token.text;
                let next = tokens.get(index + 1).filter(|next| {
                    matches!(next.kind, TokenKind::Word) && next.capitalised && !token.possessive
                });
                // `Sony Pictures …` at the start of a sentence still vouches for `Sony`.
                let heads_org = next.is_some_and(|next| contains(&ORG_WORDS, next.text));
                if token.initial && !heads_org {
                    continue;
                }
                if !token.all_caps {
                    self.recurring.push((hash(word.as_bytes()), word));
                }
                if word == "The"
                    && let Some(next) = tokens.get(index + 1)
                    && matches!(next.kind, TokenKind::Word)
                    && next.capitalised
                {
                    self.title_heads.push(next.text);
                }
            }
        }
        self.tokens = tokens;
        self.recurring.sort_unstable_by_key(|&(h, _)| h);
        self.recurring.dedup();
        self.title_heads.sort_unstable();
        self.title_heads.dedup();
    }

    /// Finds the names in sentence `index` (tokenized by [`Self::collect_hints`]).
    fn scan_sentence(&mut self, index: usize) {
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

    // --- runs -------------------------------------------------------------

    /// Where the run of name words starting at `start` ends (exclusive).
    fn run_end(&self, start: usize) -> usize {
        if self.naming_cue(start).is_some() || self.after_acronym_or(start) {
            return self.extend(start, true, FORCED_RUN_LIMIT);
        }
        let maximal = self.extend(start, true, FORCED_RUN_LIMIT);
        if self.acronym_follows(start, maximal) {
            return maximal;
        }
        self.extend(start, false, usize::MAX)
    }

    /// Extends a run over adjacent name words, `Unit 21`, `Mr. Smith`,
    /// `John F. Kennedy` and connectors; `force` joins every `of`/`and`,
    /// but only up to `limit` tokens (it is also a look-ahead).
    fn extend(&self, start: usize, force: bool, limit: usize) -> usize {
        let mut end = start + 1;
        while end - start < limit {
            let Some(last) = self.token(end - 1) else {
                break;
            };
            if last.possessive {
                // `Information Commissioner's Office`, `St Aldric's Hospital`:
                // one organisation word after the possessive ends the name.
                if self.owned_org_word(end) {
                    end += 1;
                }
                break;
            }
            if self.is_name_word(end) {
                end += 1;
                continue;
            }
            let last_word = self.word(end - 1);
            if self
                .token(end)
                .is_some_and(|t| matches!(t.kind, TokenKind::Number))
                && matches!(last.kind, TokenKind::Word)
                && contains(&NUMBERED_HEADS, last_word)
            {
                end += 1;
                continue;
            }
            let initial_letter = last_word.chars().count() == 1 && last.capitalised;
            // `Mr. Smith`, `John F. Kennedy`, `St. Aldric's Hospital`.
            if self.is_punct(end, '.')
                && (initial_letter || contains(&HONORIFICS, last_word) || last_word == "St")
                && self.is_name_word(end + 1)
            {
                end += 2;
                continue;
            }
            match self.connector_join(end, force) {
                Some(next) => end = next,
                None => break,
            }
        }
        end
    }

    /// Is token `at` a capitalised organisation word that ends the run
    /// (`Office` in `the Information Commissioner's Office said`), after a
    /// possessive word? A singular possessive only: `Pictures’ IT` is not.
    fn owned_org_word(&self, at: usize) -> bool {
        self.is_name_word(at)
            && contains(&ORG_WORDS, self.word(at))
            && !self.is_name_word(at + 1)
            && !self.token(at).is_some_and(|t| t.possessive || t.all_caps)
    }

    /// If a connector at `at` continues the run ending there, the new end.
    fn connector_join(&self, at: usize, force: bool) -> Option<usize> {
        const PARTICLES: &[&str] = &[
            "al", "bin", "da", "de", "del", "der", "di", "du", "ibn", "van", "von",
        ];
        let before = self.word(at.checked_sub(1)?);
        if self.is_punct(at, '&') && self.is_name_word(at + 1) {
            return Some(at + 2);
        }
        if self.is_lower_word(at, PARTICLES) && self.is_name_word(at + 1) {
            return Some(at + 2);
        }
        if self.is_lower_word(at, &["of", "for"]) {
            let name = if self.is_lower_word(at + 1, &["the"]) {
                at + 2
            } else {
                at + 1
            };
            let head = contains(&ORG_WORDS, before) || contains(&OF_HEAD_WORDS, before);
            let head = head
                && self
                    .token(at - 1)
                    .is_some_and(|t| matches!(t.kind, TokenKind::Word));
            return (self.is_name_word(name) && (force || head)).then_some(name + 1);
        }
        if self.is_lower_word(at, &["and"]) && self.is_name_word(at + 1) {
            if force {
                return Some(at + 2);
            }
            // `… Intelligence and Research Group`: the right side names the organisation.
            let mut last = at + 1;
            while self.is_name_word(last + 1) && !self.token(last).is_some_and(|t| t.possessive) {
                last += 1;
            }
            let joins = contains(&ORG_WORDS, self.word(last)) && !contains(&ORG_WORDS, before);
            return joins.then_some(at + 2);
        }
        None
    }

    /// `calling itself X`, `group known as X`: the kind-giving cue before `start`.
    fn naming_cue(&self, start: usize) -> Option<&'static str> {
        let first = start.checked_sub(2)?;
        if self.is_lower_word(first, &["calling", "calls", "call", "called"])
            && self.is_lower_word(first + 1, &["itself", "themselves"])
        {
            return Some(RULE_NAMING_CUE);
        }
        let cue = if self.is_lower_word(start - 1, &["dubbed", "named", "nicknamed"]) {
            start - 1
        } else if self.is_lower_word(first, &["known"]) && self.is_lower_word(first + 1, &["as"]) {
            first
        } else {
            return None;
        };
        let window = cue.saturating_sub(3)..cue;
        window
            .into_iter()
            .any(|i| self.is_lower_in(i, &GROUP_NOUNS))
            .then_some(RULE_NAMING_CUE)
    }

    /// `GOP or Guardians …`, `GOP (Guardians …`: the run defines an acronym.
    fn after_acronym_or(&self, start: usize) -> bool {
        start >= 2
            && (self.is_lower_word(start - 1, &["or", "aka"]) || self.is_punct(start - 1, '('))
            && self
                .token(start - 2)
                .is_some_and(|t| matches!(t.kind, TokenKind::Word) && t.all_caps)
    }

    /// `Guardians of Peace (GOP)`: the run is followed by its acronym.
    fn acronym_follows(&self, start: usize, end: usize) -> bool {
        self.is_punct(end, '(')
            && self.is_punct(end + 2, ')')
            && self
                .token(end + 1)
                .is_some_and(|t| matches!(t.kind, TokenKind::Word) && t.all_caps)
            && self.initials_match(self.word(end + 1), start, end)
    }

    /// Whether the letters of `acronym` are the initials of the words in
    /// `start..end`, where connectors (`of`, `and` …) may be skipped.
    fn initials_match(&self, acronym: &str, start: usize, end: usize) -> bool {
        if end.saturating_sub(start) > 2 * FORCED_RUN_LIMIT {
            return false;
        }
        let letters: Vec<char> = acronym
            .chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_uppercase)
            .collect();
        let words: Vec<(char, bool)> = (start..end)
            .filter(|&i| {
                self.token(i)
                    .is_some_and(|t| !matches!(t.kind, TokenKind::Punct('.')))
            })
            .filter_map(|i| {
                let word = self.word(i);
                let first = word.chars().next()?.to_uppercase().next()?;
                Some((first, is_connector(word)))
            })
            .collect();
        initials_fit(&letters, &words)
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
            while a < end && self.is_stop(a) {
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
                    // `Facing North Korea …`, `Unnamed US officials`: a verb or
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
            && contains(&STOP_WORDS, self.word(index))
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
        !contains(&STOP_WORDS, word) && !contains(&HONORIFICS, word)
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
        let is_title = |i: usize| {
            contains(&HONORIFICS, self.word(i))
                || (contains(&ROLE_WORDS, self.word(i))
                    && (end >= i + 3 || contains(&GIVEN_NAMES, self.word(i + 1))))
        };
        let title_at = (a..end.min(a + 3))
            .find(|&i| is_title(i))
            .filter(|&i| i == a || contains(&DEMONYMS, &self.key_of(a, i)));
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
        if (2..=4).contains(&count) && contains(&GIVEN_NAMES, self.word(a)) {
            return whole(decided(Person, RULE_GIVEN_NAME));
        }
        if (2..=3).contains(&count) && self.role_appositive(end) {
            return whole(decided(Person, RULE_ROLE_APPOSITIVE));
        }
        if caps_single {
            return whole(decided(Organisation, RULE_GUESS_ACRONYM));
        }
        if initial {
            return whole(decided(Organisation, RULE_GUESS_INITIAL));
        }
        whole(decided(Organisation, RULE_GUESS_NAME))
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
        // `the film The Interview`, `the next Bond film, Spectre`.
        let appositive = !title
            && (self.is_punct(prev, ',') || self.is_punct(prev, ':'))
            && prev
                .checked_sub(1)
                .is_some_and(|noun| self.is_lower_in(noun, &WORK_NOUNS));
        if self.is_lower_in(prev, &WORK_NOUNS) || appositive {
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

    /// `in Brenton on Monday`, `residents of Cedar Falls`: a place word
    /// right before the run starting at `a`, and the run ends the phrase
    /// (punctuation or a function word after it, not a noun: `in Twitter
    /// posts` is no place; not possessive: `in Sony's statement`). Runs with
    /// an organisation word never get here.
    fn place_cue(&self, a: usize) -> bool {
        let Some(prev) = a.checked_sub(1) else {
            return false;
        };
        let cue = self.is_lower_word(prev, &["in", "near", "outside"])
            || (self.is_lower_word(prev, &["of"])
                && prev.checked_sub(1).is_some_and(|k| {
                    // Capitalised too: "Residents of Cedar Falls were …".
                    ["outskirts", "residents", "town", "city", "village"]
                        .iter()
                        .any(|w| w.eq_ignore_ascii_case(self.word(k)))
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
        // Acronym definitions: `GOP or Guardians of Peace`, `Guardians of Peace (GOP)`.
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

    /// `Cisco’s Talos … Group`, `Wired's Kim Zetter`: the possessor of a
    /// named organisation, work or person is an organisation.
    fn resolve_possessives(&mut self) {
        for pair in self.locals.windows(2) {
            let [owner, owned] = pair else { continue };
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
            let Some(mention) = self.mentions.get_mut(owner.mention) else {
                continue;
            };
            if !is_guess(mention.rule) {
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

fn is_connector(word: &str) -> bool {
    ["of", "and", "the", "for", "&"]
        .iter()
        .any(|c| c.eq_ignore_ascii_case(word))
}

/// Whether `letters` are the initials of `words` (first letter, is-connector),
/// connectors being optional. Bounded: long phrases never match.
fn initials_fit(letters: &[char], words: &[(char, bool)]) -> bool {
    if letters.len() < 2 || letters.len() > 10 || words.len() > 12 {
        return false;
    }
    fn fit(letters: &[char], words: &[(char, bool)]) -> bool {
        match (letters.split_first(), words.split_first()) {
            (None, _) => words.iter().all(|w| w.1),
            (Some(_), None) => false,
            (Some((&letter, rest_letters)), Some((&(initial, connector), rest_words))) => {
                (initial == letter && fit(rest_letters, rest_words))
                    || (connector && fit(letters, rest_words))
            }
        }
    }
    fit(letters, words)
}

// ---------------------------------------------------------------------------
// Aliases
// ---------------------------------------------------------------------------

/// One distinct key (a form of a name) and what is known about it.
#[derive(Clone, Debug)]
struct FormInfo<'a> {
    key: &'a str,
    kind: EntityKind,
    /// Some mention has a cue-based (not guessed) kind.
    strong: bool,
    count: usize,
    /// Order of the first mention.
    first: usize,
    /// Only ever written as a single all-caps word.
    acronym: bool,
}

fn kind_index(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Organisation => 1,
        EntityKind::Place => 2,
        EntityKind::Group => 3,
        EntityKind::Work => 4,
    }
}

const KINDS: [EntityKind; 5] = [
    EntityKind::Person,
    EntityKind::Organisation,
    EntityKind::Place,
    EntityKind::Group,
    EntityKind::Work,
];

/// The kind with most votes (ties: the earlier kind in [`KINDS`]).
fn majority_kind(votes: &[usize; 5]) -> EntityKind {
    let mut best = (0, EntityKind::Organisation);
    for (&count, kind) in votes.iter().zip(KINDS) {
        if count > best.0 {
            best = (count, kind);
        }
    }
    best.1
}

struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(size: usize) -> UnionFind {
        UnionFind {
            parent: (0..size).collect(),
        }
    }

    fn find(&mut self, mut node: usize) -> usize {
        let mut root = node;
        while let Some(&parent) = self.parent.get(root) {
            if parent == root {
                break;
            }
            root = parent;
        }
        while let Some(parent) = self.parent.get_mut(node) {
            if *parent == root {
                break;
            }
            node = std::mem::replace(parent, root);
        }
        root
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b
            && let Some(parent) = self.parent.get_mut(a.max(b))
        {
            *parent = a.min(b);
        }
    }
}

/// At most this many candidates are compared per bucket: keeps merging linear.
const BUCKET_LIMIT: usize = 64;

/// Whether `a` and `b` differ by at most one edit (for words of 5+ bytes).
fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if a.len() < 5 || b.len() < 5 || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    prefix + suffix + 1 >= a.len().max(b.len())
}

/// One or two edits apart (two only for words of six letters or more),
/// the longer of five letters or more; case ignored.
pub(crate) fn near_spelling(x: &str, y: &str) -> bool {
    let (x, y): (Vec<char>, Vec<char>) = (
        x.chars().flat_map(char::to_lowercase).collect(),
        y.chars().flat_map(char::to_lowercase).collect(),
    );
    let (short, long) = if x.len() <= y.len() {
        (&x, &y)
    } else {
        (&y, &x)
    };
    if long.len() < 5 || long.len() - short.len() > 2 || x == y || x.first() != y.first() {
        return false;
    }
    let limit = if short.len() >= 6 { 2 } else { 1 };
    // Levenshtein distance, one row.
    let mut row: Vec<usize> = (0..=long.len()).collect();
    for (i, c) in short.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, d) in long.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(c != d));
            diagonal = above;
        }
    }
    row[long.len()] <= limit
}

/// The same words but the last, which is spelt one or two letters apart:
/// `henrik-alto` and `henrik-aalto`.
fn is_respelt_surname(a: &str, b: &str) -> bool {
    let (Some((a_rest, a_last)), Some((b_rest, b_last))) = (a.rsplit_once('-'), b.rsplit_once('-'))
    else {
        return false;
    };
    a_rest == b_rest && near_spelling(a_last, b_last)
}

/// `short` is a word-wise prefix of `long` (first word exact, later words up to one typo).
fn is_prefix_form(short: &str, long: &str) -> bool {
    let mut long_words = long.split('-');
    short.split('-').enumerate().all(|(index, word)| {
        long_words.next().is_some_and(|other| {
            if index == 0 {
                word == other
            } else {
                same_word(word, other)
            }
        })
    })
}

/// `dani-okonkwo` of `daniel-okonkwo`: the same words but the first, which
/// is a shorter prefix (three letters or more) of the other's first word and
/// not a listed given name itself (`Daniel` is not a short `Danielle`).
fn is_short_given_name_form(short: &str, long: &str) -> bool {
    let (Some((short_first, short_rest)), Some((long_first, long_rest))) =
        (short.split_once('-'), long.split_once('-'))
    else {
        return false;
    };
    short_rest == long_rest
        && short_first.len() >= 3
        && short_first.len() < long_first.len()
        && long_first.starts_with(short_first)
        && !contains(&GIVEN_NAMES, short_first)
}

/// `short` is a word-wise suffix of `long`.
fn is_suffix_form(short: &str, long: &str) -> bool {
    let mut long_words = long.rsplit('-');
    short
        .rsplit('-')
        .all(|word| long_words.next().is_some_and(|other| word == other))
}

/// Whether the letters of the acronym key `acronym` are the initials of `key`.
fn key_initials_match(acronym: &str, key: &str) -> bool {
    let letters: Vec<char> = acronym
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .collect();
    let words: Vec<(char, bool)> = key
        .split('-')
        .filter_map(|word| {
            let first = word.chars().next()?.to_uppercase().next()?;
            Some((first, is_connector(word)))
        })
        .collect();
    initials_fit(&letters, &words)
}

/// Institutions usually named after the place they serve: `Cedar Falls`
/// is not the short form of `Cedar Falls High School`, nor `Westmere` of
/// `Westmere Hospital`. Sorted.
static PLACE_NAMED_INSTITUTIONS: WordSet =
    WordSet::new("center|centre|church|council|hospital|museum|police|school|station");

/// Does the key end in a word of [`PLACE_NAMED_INSTITUTIONS`]?
fn named_after_a_place(key: &str) -> bool {
    PLACE_NAMED_INSTITUTIONS.has_exact(last_word(key))
}

/// The first char of `key`, as a string.
fn first_char(key: &str) -> Option<&str> {
    key.get(..key.chars().next()?.len_utf8())
}

/// Groups forms that name the same entity; returns, per form, the index of
/// its cluster's canonical form. `links` are known pairs (acronym definitions).
fn cluster(forms: &[FormInfo<'_>], links: &[(usize, usize)]) -> Vec<usize> {
    use EntityKind::*;
    let mut sets = UnionFind::new(forms.len());
    for &(a, b) in links {
        sets.union(a, b);
    }
    let mut by_first: HashMap<&str, Vec<usize>> = HashMap::default();
    let mut by_last: HashMap<&str, Vec<usize>> = HashMap::default();
    // By first char, as a string: one map type fewer in the wasm.
    let mut by_initial: HashMap<&str, Vec<usize>> = HashMap::default();
    for (index, form) in forms.iter().enumerate() {
        by_first
            .entry(first_word(form.key))
            .or_default()
            .push(index);
        by_last.entry(last_word(form.key)).or_default().push(index);
        if let Some(initial) = first_char(form.key) {
            by_initial.entry(initial).or_default().push(index);
        }
    }
    let mut order: Vec<usize> = (0..forms.len()).collect();
    // Longest names first, then in order of appearance.
    sort_by_numbers(&mut order, |&i| {
        forms.get(i).map_or([0; 3], |f| {
            [u64::MAX - key(word_count(f.key)), key(f.first), 0]
        })
    });
    let compatible =
        |a: &FormInfo<'_>, b: &FormInfo<'_>| !(a.strong && b.strong && a.kind != b.kind);

    // Joins `index` to the one cluster among `candidates` that `accept`s it.
    let join_unique = |sets: &mut UnionFind,
                       index: usize,
                       candidates: Option<&Vec<usize>>,
                       accept: &dyn Fn(&FormInfo<'_>) -> bool| {
        let mut target = None;
        for &other in candidates.into_iter().flatten().take(BUCKET_LIMIT) {
            let Some(form) = forms.get(other) else {
                continue;
            };
            if other == index || !accept(form) {
                continue;
            }
            let root = sets.find(other);
            match target {
                None => target = Some(root),
                Some(existing) if existing == root => {}
                Some(_) => return,
            }
        }
        if let Some(root) = target {
            sets.union(index, root);
        }
    };

    for &index in &order {
        let Some(form) = forms.get(index) else {
            continue;
        };
        let words = word_count(form.key);
        // `Sony` / `Sony Pictures` → `Sony Pictures Entertainment`.
        // Known places and named people are never short forms of an organisation.
        let settled = form.strong && matches!(form.kind, Place | Person);
        if !(settled || form.acronym) {
            join_unique(
                &mut sets,
                index,
                by_first.get(first_word(form.key)),
                &|long| {
                    matches!(long.kind, Organisation | Group | Work)
                        && !long.acronym
                        && word_count(long.key) >= words
                        && compatible(form, long)
                        && is_prefix_form(form.key, long.key)
                        && !(word_count(long.key) > words && named_after_a_place(long.key))
                },
            );
        }
        // `Rogen` → `Seth Rogen`.
        if (!form.strong || form.kind == Person) && !form.acronym {
            join_unique(
                &mut sets,
                index,
                by_last.get(last_word(form.key)),
                &|long| {
                    long.kind == Person
                        && word_count(long.key) > words
                        && compatible(form, long)
                        && is_suffix_form(form.key, long.key)
                },
            );
        }
        // `Dani Okonkwo` → `Daniel Okonkwo`: a short form of the given name
        // (a prefix of three letters or more), the rest the same.
        if (!form.strong || form.kind == Person) && !form.acronym && words >= 2 {
            join_unique(
                &mut sets,
                index,
                by_last.get(last_word(form.key)),
                &|long| {
                    long.kind == Person
                        && long.key != form.key
                        && compatible(form, long)
                        && is_short_given_name_form(form.key, long.key)
                },
            );
        }
        // `Henrik Alto` → `Henrik Aalto`: the same given name, the surname
        // spelt one or two letters apart (a typo or another transliteration).
        if form.kind == Person && words >= 2 {
            join_unique(
                &mut sets,
                index,
                by_first.get(first_word(form.key)),
                &|other| {
                    other.kind == Person
                        && compatible(form, other)
                        && is_respelt_surname(form.key, other.key)
                },
            );
        }
        // An acronym not defined here → `guardians-of-peace` when the initials fit.
        if form.acronym && form.kind != Place {
            join_unique(
                &mut sets,
                index,
                first_char(form.key).and_then(|initial| by_initial.get(initial)),
                &|long| {
                    matches!(long.kind, Organisation | Group)
                        && !long.acronym
                        && compatible(form, long)
                        && word_count(long.key) >= 2
                        && key_initials_match(form.key, long.key)
                },
            );
        }
    }

    // The canonical form: not an acronym, several words, most mentions,
    // most words, earliest.
    // Per root (a form index): the best form so far.
    let mut best: Vec<Option<usize>> = vec![None; forms.len()];
    let rank = |f: &FormInfo<'_>| {
        (
            !f.acronym,
            word_count(f.key) > 1,
            f.count,
            word_count(f.key),
            std::cmp::Reverse(f.first),
        )
    };
    for (index, form) in forms.iter().enumerate() {
        let root = sets.find(index);
        let Some(slot) = best.get_mut(root) else {
            continue;
        };
        let entry = slot.get_or_insert(index);
        if forms
            .get(*entry)
            .is_some_and(|current| rank(form) > rank(current))
        {
            *entry = index;
        }
    }
    (0..forms.len())
        .map(|index| {
            let root = sets.find(index);
            best.get(root).copied().flatten().unwrap_or(index)
        })
        .collect()
}

/// Merges the aliases of one article: canonical keys, one kind per entity,
/// and a rule that says why a guessed mention joined a named one.
fn resolve_article(mut mentions: Vec<Mention>, links: &[(usize, usize)]) -> Vec<Entity> {
    let mut form_of: Vec<usize> = Vec::with_capacity(mentions.len());
    let mut forms: Vec<FormInfo<'_>> = Vec::new();
    let mut votes: Vec<([usize; 5], [usize; 5])> = Vec::new();
    {
        let mut index: HashMap<&str, usize> = HashMap::default();
        for (order, mention) in mentions.iter().enumerate() {
            let form = *index.entry(mention.key.as_str()).or_insert_with(|| {
                forms.push(FormInfo {
                    key: mention.key.as_str(),
                    kind: mention.kind,
                    strong: false,
                    count: 0,
                    first: order,
                    acronym: true,
                });
                votes.push(([0; 5], [0; 5]));
                forms.len() - 1
            });
            form_of.push(form);
            let strong = !is_guess(mention.rule);
            if let (Some(info), Some((all, strong_votes))) =
                (forms.get_mut(form), votes.get_mut(form))
            {
                info.count += 1;
                info.acronym &= mention.acronym;
                info.strong |= strong;
                if let Some(slot) = all.get_mut(kind_index(mention.kind)) {
                    *slot += 1;
                }
                if strong && let Some(slot) = strong_votes.get_mut(kind_index(mention.kind)) {
                    *slot += 1;
                }
            }
        }
    }
    for (info, (all, strong_votes)) in forms.iter_mut().zip(&votes) {
        info.kind = majority_kind(if info.strong { strong_votes } else { all });
    }
    let form_links: Vec<(usize, usize)> = links
        .iter()
        .filter_map(|&(a, b)| Some((*form_of.get(a)?, *form_of.get(b)?)))
        .collect();
    let canonical = cluster(&forms, &form_links);

    // One kind per cluster: the strong forms' votes, else all votes.
    // Per canonical form (a form index).
    let mut cluster_votes: Vec<Option<([usize; 5], [usize; 5])>> = vec![None; canonical.len()];
    for (form, &target) in canonical.iter().enumerate() {
        if let Some((all, strong_votes)) = votes.get(form)
            && let Some(slot) = cluster_votes.get_mut(target)
        {
            let entry = slot.get_or_insert(([0; 5], [0; 5]));
            for (sum, vote) in entry.0.iter_mut().zip(all) {
                *sum += vote;
            }
            for (sum, vote) in entry.1.iter_mut().zip(strong_votes) {
                *sum += vote;
            }
        }
    }
    let cluster_kind = |target: usize| {
        cluster_votes
            .get(target)
            .and_then(Option::as_ref)
            .map(|(all, strong_votes)| {
                if strong_votes.iter().any(|&v| v > 0) {
                    (majority_kind(strong_votes), true)
                } else {
                    (majority_kind(all), false)
                }
            })
    };
    let keys: Vec<String> = canonical
        .iter()
        .map(|&target| {
            forms
                .get(target)
                .map(|f| f.key.to_string())
                .unwrap_or_default()
        })
        .collect();
    let updates: Vec<(EntityKind, Option<&'static str>)> = mentions
        .iter()
        .zip(&form_of)
        .map(|(mention, &form)| {
            let target = canonical.get(form).copied().unwrap_or(form);
            let Some((kind, strong)) = cluster_kind(target) else {
                return (mention.kind, None);
            };
            let rule = (is_guess(mention.rule) && strong).then(|| {
                if target == form {
                    RULE_REPEAT
                } else if mention.acronym {
                    RULE_ACRONYM_OF
                } else if kind == EntityKind::Person {
                    RULE_SURNAME
                } else {
                    RULE_SHORT_FORM
                }
            });
            (kind, rule)
        })
        .collect();
    for ((mention, &form), (kind, rule)) in mentions.iter_mut().zip(&form_of).zip(updates) {
        mention.kind = kind;
        if let Some(rule) = rule {
            mention.rule = rule;
        }
        if let Some(key) = keys.get(form) {
            mention.key.clone_from(key);
        }
    }
    let mut entities: Vec<Entity> = mentions
        .into_iter()
        .map(|m| Entity {
            span: m.span,
            kind: m.kind,
            key: m.key,
            rule: m.rule,
        })
        .collect();
    sort_by_numbers(&mut entities, |e| [key(e.span.start), key(e.span.end), 0]);
    entities
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, bool)> {
        let mut tokens = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut tokens);
        tokens
            .iter()
            .map(|t| (Span::new(t.start, t.end).text(text), t.possessive))
            .collect()
    }

    #[test]
    fn place_followers_are_sorted() {
        assert!(PLACE_FOLLOWERS.is_sorted());
        assert!(PLACE_NAMED_INSTITUTIONS.is_sorted());
    }

    #[test]
    fn tokens_split_possessives_and_keep_abbreviations() {
        assert_eq!(
            words("North Korea’s U.S. Pictures’ IT Jong-Un,we 47,000"),
            [
                ("North", false),
                ("Korea", true),
                ("U.S.", false),
                ("Pictures", true),
                ("’", false),
                ("IT", false),
                ("Jong-Un", false),
                (",", false),
                ("we", false),
                ("47,000", false),
            ]
        );
    }

    #[test]
    fn keys_fold_case_hyphens_accents_and_dots() {
        assert_eq!(name_key("Kim Jong-Un"), "kim-jong-un");
        assert_eq!(name_key("Kim Jong Un"), "kim-jong-un");
        assert_eq!(name_key("U.S."), "us");
        assert_eq!(name_key("O’Brien"), "obrien");
        assert_eq!(name_key("Société Générale"), "societe-generale");
        assert_eq!(name_key("AT&T"), "at-t");
    }

    #[test]
    fn one_typo_is_tolerated_in_long_words_only() {
        assert!(same_word("pictures", "pictured"));
        assert!(same_word("security", "seucurity"));
        assert!(!same_word("korea", "koreas-x"));
        assert!(!same_word("un", "il"));
        assert!(is_prefix_form(
            "sony-pictures",
            "sony-pictured-entertainment"
        ));
        assert!(!is_prefix_form("sonny", "sony-pictures"));
    }

    #[test]
    fn initials_may_skip_connectors() {
        let words = |s: &str| -> Vec<(char, bool)> {
            s.split(' ')
                .filter_map(|w| Some((w.chars().next()?.to_ascii_uppercase(), is_connector(w))))
                .collect()
        };
        assert!(initials_fit(&['G', 'O', 'P'], &words("Guardians of Peace")));
        assert!(initials_fit(&['G', 'P'], &words("Guardians of Peace")));
        assert!(!initials_fit(&['G', 'O', 'P'], &words("Guardians Peace")));
        assert!(!initials_fit(&['I', 'T'], &words("Sony")));
    }
}
