//! Unnamed crowds as speakers.
//!
//! News writes the words a crowd chants or sings with the crowd itself as
//! the subject and no name for it: `Protesters chanted "…"`, `the home
//! crowd sang "…"`, `the Rovers fans behind the goal sang "…"`. No entity
//! names such a crowd, so the speaker stage gives it a [`Crowd`]: the noun
//! phrase as written and a key made from it (`rovers-fans`): a crowd noun
//! ("protesters", "fans", "the crowd"), else a lowercase plural right
//! before the verb ("volunteers chanted"). Only the subject of a chant
//! verb right before the quote is read, so a scare quote or a title never
//! gets a crowd.

use crate::model::Span;

use super::entities::name_key;
use super::lexicon::{WordSet, contains};

/// An unnamed crowd that chanted or sang a quote's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Crowd {
    /// The crowd as written, from its first capitalised or crowd modifier
    /// to its noun ("Rovers fans", "Protesters", "home crowd").
    pub span: Span,
    /// Its key, like an entity's (`rovers-fans`).
    pub key: String,
}

/// Verbs a crowd speaks its words with, right before the opening mark.
pub static CHANT_VERBS: WordSet = WordSet::new("chanted|chanting|sang|shouted|shouting|singing");

/// Nouns for a crowd of people that news makes the subject of a chant.
static CROWD_NOUNS: WordSet = WordSet::new(
    "activists|audience|campaigners|congregation|crowd|crowds|demonstrators|fans|farmers|\
     locals|marchers|mourners|nurses|onlookers|parents|picketers|pickets|protesters|\
     protestors|residents|spectators|strikers|students|supporters|teachers|tenants|\
     villagers|voters|workers",
);

/// Lowercase words that tell one crowd from another at a match ("the home
/// crowd", "the travelling fans").
static CROWD_MODIFIERS: WordSet = WordSet::new("away|home|rival|travelling|visiting");

/// A crowd noun, or a compound whose last part is one or "goers"
/// ("festival-goers", "concert-goers", "anti-war protesters").
fn is_crowd_noun(word: &str) -> bool {
    let head = word.rsplit('-').next().unwrap_or(word);
    contains(&CROWD_NOUNS, word)
        || (word.contains('-') && (head == "goers" || contains(&CROWD_NOUNS, head)))
}

/// Most words looked back from the verb for the crowd noun: its subject
/// may be held apart by a place ("behind the goal") or a relative clause
/// ("The Marlow crowd, which had been behind her all week, sang").
const MAX_WORDS_BACK: usize = 16;

/// The crowd that is the subject of the chant verb at `verb`, looked for
/// in `lead` (the verb's sentence up to the verb): the nearest crowd noun
/// before the verb, with the capitalised or crowd modifiers right before it
/// ("the Rovers fans", "the home crowd"; not "The" opening the sentence).
pub fn crowd_subject(text: &str, lead: Span) -> Option<Crowd> {
    let lead_text = text.get(lead.start..lead.end)?;
    // Words with their spans, punctuation trimmed off both ends.
    let mut words: Vec<(Span, &str, bool)> = Vec::new();
    let mut at = 0;
    for raw in lead_text.split(' ') {
        let start = at;
        at += raw.len() + 1;
        let trimmed = raw.trim_start_matches(|c: char| !c.is_alphanumeric());
        let lead_cut = raw.len() - trimmed.len();
        let word = trimmed.trim_end_matches(|c: char| !c.is_alphanumeric());
        if word.is_empty() {
            continue;
        }
        // A word followed by a comma or another mark closes a phrase.
        let closed = word.len() < trimmed.len();
        let s = lead.start + start + lead_cut;
        words.push((Span::new(s, s + word.len()), word, closed));
    }
    // A crowd noun, else a lowercase plural noun right before the verb
    // ("volunteers chanted", "the nurses sang"): whoever chants is a crowd.
    let adjacent_plural = words.last().is_some_and(|&(span, w, closed)| {
        !closed
            && span.end == lead.end.saturating_sub(1)
            && w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && w.bytes().all(|b| b.is_ascii_lowercase())
    });
    // A capitalised crowd noun past the sentence's first word is part of a
    // name ("the Kirkby Tenants Association").
    let first_word = words.first().map(|w| w.0);
    let noun = match words
        .iter()
        .rev()
        .take(MAX_WORDS_BACK)
        .position(|&(span, w, _)| {
            is_crowd_noun(w) && (Some(span) == first_word || !w.starts_with(char::is_uppercase))
        }) {
        Some(back) => words.len() - 1 - back,
        None if adjacent_plural => words.len() - 1,
        None => return None,
    };
    let (noun_span, _, _) = *words.get(noun)?;
    let mut first = noun_span.start;
    for i in (0..noun).rev() {
        let Some(&(span, word, closed)) = words.get(i) else {
            break;
        };
        let capitalised = word.chars().next().is_some_and(char::is_uppercase)
            && i > 0
            && !matches!(word, "The" | "A" | "An");
        if closed || !(capitalised || contains(&CROWD_MODIFIERS, word)) {
            break;
        }
        first = span.start;
    }
    let span = Span::new(first, noun_span.end);
    let key = name_key(span.text(text));
    (!key.is_empty()).then_some(Crowd { span, key })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The crowd of a sentence that ends with its chant verb.
    fn crowd(sentence: &str) -> Option<String> {
        let verb = sentence.rfind(' ').map_or(0, |i| i + 1);
        crowd_subject(sentence, Span::new(0, verb)).map(|c| c.key)
    }

    #[test]
    fn lists_are_sorted() {
        assert!(CHANT_VERBS.is_sorted());
        assert!(CROWD_NOUNS.is_sorted());
        assert!(CROWD_MODIFIERS.is_sorted());
    }

    #[test]
    fn the_crowd_noun_and_its_modifiers() {
        assert_eq!(crowd("Protesters chanted").as_deref(), Some("protesters"));
        assert_eq!(
            crowd("As the goal went in, the Rovers fans behind the goal sang").as_deref(),
            Some("rovers-fans")
        );
        assert_eq!(
            crowd("Sections of the home crowd chanted").as_deref(),
            Some("home-crowd")
        );
        assert_eq!(
            crowd("The Marlow crowd, which had backed her all week, sang").as_deref(),
            Some("marlow-crowd")
        );
        assert_eq!(crowd("The minister shouted"), None);
        assert_eq!(
            crowd("When she spoke, volunteers chanted").as_deref(),
            Some("volunteers")
        );
        assert_eq!(crowd("Jones sang"), None);
        assert_eq!(
            crowd("Thousands of festival-goers queued, and some of them chanted").as_deref(),
            Some("festival-goers")
        );
    }
}
