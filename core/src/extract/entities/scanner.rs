//! The scanner's state for one article: every sentence tokenized once, the
//! pre-pass hints (capitalised words that recur mid-sentence, words after a
//! mid-sentence `The`), token look-ups, and where a run of name words ends
//! (over initials and titles such as `Mr.`, through `of`/`and` only where a
//! cue allows).

use super::EntityKind;
use super::acronyms::{initials_fit, is_connector};
use super::rules::RULE_NAMING_CUE;
use super::tokens::{Token, TokenKind, is_apostrophe, tokenize};
use crate::extract::Sentence;
use crate::extract::lexicon::{
    GROUP_NOUNS, HONORIFICS, NAME_PARTICLES, NUMBERED_HEADS, OF_HEAD_WORDS, ORG_WORDS, WordSet,
    contains,
};
use crate::extract::text::hash;
use crate::model::{HashSet, Span};

/// How far a run joined through every connector may reach (bounds look-ahead).
const FORCED_RUN_LIMIT: usize = 16;

/// A mention before aliases are merged.
#[derive(Debug)]
pub(super) struct Mention {
    pub(super) span: Span,
    pub(super) kind: EntityKind,
    pub(super) rule: &'static str,
    /// Key of this form of the name (not yet canonical).
    pub(super) key: String,
    /// A single all-caps word.
    pub(super) acronym: bool,
}

/// A mention of the current sentence, with its token range.
#[derive(Clone, Copy, Debug)]
pub(super) struct Local {
    pub(super) first: usize,
    pub(super) end: usize,
    pub(super) mention: usize,
    /// Found by a list cue: a following `and X` continues the list.
    pub(super) list: bool,
    pub(super) possessive: bool,
}

pub(super) struct Scanner<'t> {
    pub(super) text: &'t str,
    /// The tokens of the sentence being scanned.
    pub(super) tokens: Vec<Token<'t>>,
    /// The tokens of every sentence, from the pre-pass, and where each
    /// sentence's tokens are in it: each sentence is tokenized once.
    pub(super) all_tokens: Vec<Token<'t>>,
    pub(super) sentence_tokens: Vec<(usize, usize)>,
    pub(super) locals: Vec<Local>,
    /// Capitalised words seen mid-sentence with their [`hash`], sorted by
    /// hash (numbers sort faster than words).
    pub(super) recurring: Vec<(usize, &'t str)>,
    /// Words after a mid-sentence capitalised `The`, sorted.
    pub(super) title_heads: Vec<&'t str>,
    pub(super) mentions: Vec<Mention>,
    /// Pairs of mentions that are an acronym and its definition.
    pub(super) links: Vec<(usize, usize)>,
    /// Last words of the keys of the cue'd (not guessed) people among the
    /// first [`Self::surnames_upto`] mentions: a possessive surname
    /// (`Falk's Conservatives`) is looked up here, not by a walk back over
    /// every mention, so an article of any length scans in linear time.
    pub(super) person_surnames: HashSet<String>,
    pub(super) surnames_upto: usize,
}

impl<'t> Scanner<'t> {
    pub(super) fn new(text: &'t str) -> Scanner<'t> {
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
            person_surnames: HashSet::default(),
            surnames_upto: 0,
        }
    }

    #[inline]
    pub(super) fn word(&self, index: usize) -> &'t str {
        self.tokens.get(index).map_or("", |t| t.text)
    }

    #[inline]
    pub(super) fn token(&self, index: usize) -> Option<Token<'t>> {
        self.tokens.get(index).copied()
    }

    /// A capitalised word: may be (part of) a name.
    #[inline]
    pub(super) fn is_name_word(&self, index: usize) -> bool {
        self.token(index)
            .is_some_and(|t| matches!(t.kind, TokenKind::Word) && t.capitalised)
    }

    /// A lowercase word equal to one of `words` (ASCII case ignored).
    pub(super) fn is_lower_word(&self, index: usize, words: &[&str]) -> bool {
        self.token(index)
            .is_some_and(|t| matches!(t.kind, TokenKind::Word) && !t.capitalised)
            && {
                let word = self.word(index);
                words
                    .iter()
                    .any(|w| w.len() == word.len() && w.eq_ignore_ascii_case(word))
            }
    }

    pub(super) fn is_lower_in(&self, index: usize, list: &WordSet) -> bool {
        self.token(index)
            .is_some_and(|t| matches!(t.kind, TokenKind::Word) && !t.capitalised)
            && contains(list, self.word(index))
    }

    #[inline]
    pub(super) fn is_punct(&self, index: usize, c: char) -> bool {
        self.token(index)
            .is_some_and(|t| matches!(t.kind, TokenKind::Punct(p) if p == c))
    }

    pub(super) fn recurs(&self, word: &str) -> bool {
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
    pub(super) fn collect_hints(&mut self, sentences: &[Sentence]) {
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
        crate::model::sort_by_key(&mut self.recurring, |&(h, _)| h);
        self.recurring.dedup();
        crate::model::sort(&mut self.title_heads);
        self.title_heads.dedup();
    }

    // --- runs -------------------------------------------------------------

    /// Where the run of name words starting at `start` ends (exclusive).
    pub(super) fn run_end(&self, start: usize) -> usize {
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
                // `Teachers' Federation`, `General Workers' Union`: a plural
                // possessive's apostrophe is a token of its own.
                if self.plural_possessive_org_word(end) {
                    end += 2;
                    break;
                }
                // `Information Commissioner's Office`, `St Aldric's Hospital`:
                // one organisation word after the possessive ends the name.
                if self.owned_org_word(end) {
                    end += 1;
                    // `Vietnam's Ministry of Health`: the organisation's
                    // own "of" name goes on.
                    if self.is_lower_word(end, &["of"])
                        && let Some(next) = self.connector_join(start, end, false)
                    {
                        end = next;
                        continue;
                    }
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
            match self.connector_join(start, end, force) {
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

    /// Is token `at` a plural possessive's apostrophe (a token of its own)
    /// followed by an organisation word that ends the name ([`Self::owned_org_word`]):
    /// `Teachers' Federation`, `General Workers' Union`?
    fn plural_possessive_org_word(&self, at: usize) -> bool {
        self.token(at)
            .is_some_and(|t| matches!(t.kind, TokenKind::Punct(c) if is_apostrophe(c)))
            && self.owned_org_word(at + 1)
    }

    /// If a connector at `at` continues the run from `start` ending there,
    /// the new end.
    fn connector_join(&self, start: usize, at: usize, force: bool) -> Option<usize> {
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
        // `van der Berg`, `de la Vega`: a chain of two or three particles.
        let mut next = at;
        while next < at + 3 && self.is_lower_in(next, &NAME_PARTICLES) {
            next += 1;
        }
        if next >= at + 2 && self.is_name_word(next) {
            return Some(next + 1);
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
            // `Bus and Coach Workers' Union`: a plural possessive before an
            // organisation word is part of the name, as in [`Self::extend`].
            if self.token(last).is_some_and(|t| t.possessive)
                && self.plural_possessive_org_word(last + 1)
            {
                last += 2;
            }
            // An organisation word alone before "and" is no name of its own
            // (`the University and College Union`, `Port and Harbour
            // Authority`): it opens the one name the right side ends.
            let lone_org_word = contains(&ORG_WORDS, before)
                && (start..at - 1)
                    .all(|i| self.is_lower_word(i, &["the"]) || self.word(i) == "The");
            let joins = contains(&ORG_WORDS, self.word(last))
                && (!contains(&ORG_WORDS, before) || lone_org_word);
            return joins.then_some(at + 2);
        }
        None
    }

    /// `calling itself X`, `group known as X`: the kind-giving cue before `start`.
    pub(super) fn naming_cue(&self, start: usize) -> Option<&'static str> {
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

    /// `FOH or Friends …`, `FOH (Friends …`: the run defines an acronym.
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
    pub(super) fn initials_match(&self, acronym: &str, start: usize, end: usize) -> bool {
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
}
