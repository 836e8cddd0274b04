//! What happened to the people a count counts: "nine people were killed",
//! "injuring 80 people", "2,400 people had been moved into shelters".
//!
//! News reports of a disaster, a crash or a raid keep a few counts of people
//! apart: the dead, the hurt, the missing, the displaced, the rescued, the
//! arrested and the trapped, and the people aboard ("carrying 180 people",
//! "200 people were on board"). "People" alone says none of that, so two counts
//! of people are one measured thing only when their clauses give them one
//! fate, and two counts with different fates are never set against each
//! other. The fate is read from the count's own clause: the words after it up
//! to a clause break, or the few words before it ("killing at least nine
//! people"). The word list is the general vocabulary of casualty reporting,
//! not any story's.

use crate::model::Span;

/// What happened to counted people (see the module doc).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fate {
    Dead,
    Hurt,
    Missing,
    Displaced,
    Rescued,
    Arrested,
    Trapped,
    /// On board a vehicle: "carrying 50 people", "180 people were on board".
    Aboard,
}

impl Fate {
    /// A word for the fate, added to a count's measured thing.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Fate::Dead => "dead",
            Fate::Hurt => "hurt",
            Fate::Missing => "missing",
            Fate::Displaced => "displaced",
            Fate::Rescued => "rescued",
            Fate::Arrested => "arrested",
            Fate::Trapped => "trapped",
            Fate::Aboard => "aboard",
        }
    }
}

/// Words that give a fate, sorted for binary search.
const WORDS: &[(&str, Fate)] = &[
    ("aboard", Fate::Aboard),
    ("airlifted", Fate::Rescued),
    ("arrested", Fate::Arrested),
    ("arresting", Fate::Arrested),
    ("arrests", Fate::Arrested),
    ("bodies", Fate::Dead),
    ("carrying", Fate::Aboard),
    ("custody", Fate::Arrested),
    ("dead", Fate::Dead),
    ("death", Fate::Dead),
    ("deaths", Fate::Dead),
    ("detained", Fate::Arrested),
    ("die", Fate::Dead),
    ("died", Fate::Dead),
    ("displaced", Fate::Displaced),
    ("drowned", Fate::Dead),
    ("drowning", Fate::Dead),
    ("dying", Fate::Dead),
    ("evacuated", Fate::Displaced),
    ("evacuating", Fate::Displaced),
    ("evacuation", Fate::Displaced),
    ("evacuees", Fate::Displaced),
    ("fatalities", Fate::Dead),
    ("fled", Fate::Displaced),
    ("freed", Fate::Rescued),
    ("homeless", Fate::Displaced),
    ("hospitalised", Fate::Hurt),
    ("hospitalized", Fate::Hurt),
    ("hurt", Fate::Hurt),
    ("injured", Fate::Hurt),
    ("injuries", Fate::Hurt),
    ("injuring", Fate::Hurt),
    ("killed", Fate::Dead),
    ("killing", Fate::Dead),
    ("lives", Fate::Dead),
    ("missing", Fate::Missing),
    ("perished", Fate::Dead),
    ("relocated", Fate::Displaced),
    ("rescued", Fate::Rescued),
    ("rescuing", Fate::Rescued),
    ("shelter", Fate::Displaced),
    ("shelters", Fate::Displaced),
    ("stranded", Fate::Trapped),
    ("trapped", Fate::Trapped),
    ("unaccounted", Fate::Missing),
    ("wounded", Fate::Hurt),
    ("wounding", Fate::Hurt),
];

/// Words that open another clause: a fate after one is another clause's
/// ("2,400 people were moved after the quake killed nine"). Sorted.
const CLAUSE_OPENERS: &[&str] = &[
    "after",
    "and",
    "as",
    "because",
    "before",
    "but",
    "including",
    "since",
    "though",
    "when",
    "where",
    "whereas",
    "while",
];

/// How many words after the count are read, and how many before it.
const WORDS_AFTER: usize = 7;
const WORDS_BEFORE: usize = 3;

/// The fate a word gives, after the word before it: "in hospital" and "to
/// hospital" (taken, treated, admitted) are the hurt, not a hospital's
/// patients or staff ("120,000 patients at St Aldric's Hospital").
fn fate_after(previous: &str, word: &str) -> Option<Fate> {
    if word == "hospital" && matches!(previous, "in" | "to") {
        return Some(Fate::Hurt);
    }
    if word == "board" && previous == "on" {
        return Some(Fate::Aboard);
    }
    fate_of_word(word)
}

/// The fate a word gives. Capitalised words are names ("Missing Persons
/// Unit"), not fates.
fn fate_of_word(word: &str) -> Option<Fate> {
    if word.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    WORDS
        .binary_search_by(|(w, _)| (*w).cmp(lower.as_str()))
        .ok()
        .map(|k| WORDS[k].1)
}

/// Whether `c` ends a clause.
fn breaks(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | '.' | ':' | '(' | ')' | '"' | '“' | '”' | '—' | '–' | '!' | '?'
    )
}

/// The fate of the people counted by the amount at `span` of `text`: the
/// first fate word in the rest of its clause, else one of the few words
/// before it in the same clause.
pub(crate) fn fate_of(text: &str, span: Span) -> Option<Fate> {
    fate_word(text, span).map(|(fate, _)| fate)
}

/// [`fate_of`], with the word that gives the fate.
pub(crate) fn fate_word(text: &str, span: Span) -> Option<(Fate, &str)> {
    let after = text.get(span.end..).unwrap_or("");
    let clause = after.split(breaks).next().unwrap_or("");
    let mut previous = "";
    // Aboard is what the people were, not what happened to them: a fate
    // later in the clause wins ("the 50 people on board were killed").
    let mut aboard = None;
    for word in clause.split_whitespace().take(WORDS_AFTER) {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        if CLAUSE_OPENERS
            .binary_search(&word.to_ascii_lowercase().as_str())
            .is_ok()
        {
            break;
        }
        match fate_after(previous, word) {
            Some(Fate::Aboard) => aboard = aboard.or(Some((Fate::Aboard, word))),
            Some(fate) => return Some((fate, word)),
            None => {}
        }
        previous = word;
    }
    if aboard.is_some() {
        return aboard;
    }
    let before = text.get(..span.start).unwrap_or("");
    let clause = before.rsplit(breaks).next().unwrap_or("");
    clause
        .split_whitespace()
        .rev()
        .take(WORDS_BEFORE)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .find_map(|w| Some((fate_of_word(w)?, w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fate(text: &str, counted: &str) -> Option<&'static str> {
        let start = text.find(counted).expect("counted words in the text");
        fate_of(text, Span::new(start, start + counted.len())).map(Fate::name)
    }

    #[test]
    fn word_lists_are_sorted() {
        assert!(WORDS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(CLAUSE_OPENERS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn people_on_board_are_aboard() {
        assert_eq!(
            fate(
                "More than 200 people were on board.",
                "More than 200 people"
            ),
            Some("aboard")
        );
        assert_eq!(
            fate("A turboprop carrying 50 people crashed.", "50 people"),
            Some("aboard")
        );
        assert_eq!(fate("Nine people sat on the board.", "Nine people"), None);
        // What happened to them wins.
        assert_eq!(
            fate(
                "Forty-eight of the 50 people on board were killed.",
                "50 people"
            ),
            Some("dead")
        );
    }

    #[test]
    fn the_clause_gives_the_fate() {
        assert_eq!(
            fate("About 80 people were injured.", "About 80 people"),
            Some("hurt")
        );
        assert_eq!(
            fate(
                "The quake struck, killing at least nine people.",
                "at least nine people"
            ),
            Some("dead")
        );
        assert_eq!(
            fate(
                "The governor said 2,400 people had been moved into temporary shelters.",
                "2,400 people"
            ),
            Some("displaced")
        );
        assert_eq!(
            fate(
                "More than 100 people were treated in hospital.",
                "More than 100 people"
            ),
            Some("hurt")
        );
    }

    #[test]
    fn another_clause_does_not() {
        assert_eq!(
            fate(
                "Some 300 people gathered in the square, where two died.",
                "300 people"
            ),
            None
        );
        assert_eq!(
            fate(
                "About 2,000 people were moved after the fire killed two.",
                "2,000 people"
            ),
            None
        );
        assert_eq!(
            fate(
                "Around 2,000 people spent the night in tents.",
                "2,000 people"
            ),
            None
        );
        assert_eq!(
            fate(
                "The data of 120,000 patients at St Aldric's Hospital leaked.",
                "120,000 patients"
            ),
            None
        );
        assert_eq!(
            fate("Staff told 300 patients at the hospital.", "300 patients"),
            None
        );
    }
}
