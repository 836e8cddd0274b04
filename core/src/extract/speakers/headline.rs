//! A headline quote's speaker, found among the body's people and quotes.

use super::{
    Context, EntityKind, MAX_MENTIONS_BACK, PERSON_NOUNS, Quote, QuoteKind, ROLE_WORDS, Resolution,
    STOP_WORDS, Speaker, contains,
};

/// Stems of the content words of `text` (lowercase, at least four letters,
/// cut to five: "robbed" and "robbery" share one).
fn stems(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(|w| w.to_lowercase().chars().take(5).collect::<String>())
        .filter(|w| !contains(&STOP_WORDS, w))
        .collect();
    crate::model::sort(&mut out);
    out.dedup();
    out
}

impl<'a> Context<'a> {
    /// The speaker of a headline quote (see [`Resolution::Headline`]): a
    /// name or role the headline writes ("Okafor", "mayor") found among
    /// the body's people (a surname, or a role word the mention carries)
    /// or organisations; else the one person of the body the headline
    /// names; else the body's speaker of the quote sharing the most content
    /// words with it (at least two, or all of a short one); else the first
    /// speaker the body quotes. News headlines quote the story's lead voice.
    pub(super) fn headline_quote(
        &self,
        quote: &Quote,
        quotes: &[Quote],
        resolved: &[Speaker],
    ) -> Speaker {
        let text = self.text;
        let mut out = Speaker::none(quote.speaker);
        let found = |entity: usize| Speaker {
            written: quote.speaker,
            entity: Some(entity),
            role: None,
            resolution: Resolution::Headline,
            candidates: Vec::new(),
            crowd: None,
        };
        let people_by = |test: &dyn Fn(usize) -> bool| -> Vec<usize> {
            let mut keys: Vec<&str> = Vec::new();
            let mut out: Vec<usize> = Vec::new();
            for m in self.mentions.iter().take(MAX_MENTIONS_BACK * 4) {
                let e = self.canonical(m.entity);
                if self.kind(m.entity) == Some(EntityKind::Person)
                    && test(m.entity)
                    && !keys.contains(&self.key(e))
                {
                    keys.push(self.key(e));
                    out.push(e);
                }
            }
            out
        };
        let surname_is = |entity: usize, word: &str| {
            self.key(entity)
                .rsplit('-')
                .next()
                .is_some_and(|last| last.eq_ignore_ascii_case(word))
        };
        if let Some(written) = quote.speaker {
            let written_words: Vec<&str> = written
                .text(text)
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .filter(|w| !w.is_empty())
                .collect();
            let full = written_words.join("-").to_lowercase();
            if written_words.len() >= 2 {
                let people = people_by(&|e| {
                    let k = self.key(e);
                    k == full
                        || k.strip_suffix(full.as_str())
                            .is_some_and(|h| h.ends_with('-'))
                });
                if let [one] = people.as_slice() {
                    return found(*one);
                }
            }
            for word in written_words.iter().rev() {
                let lower = word.to_lowercase();
                let capital = word.chars().next().is_some_and(char::is_uppercase);
                let mut people = if capital {
                    people_by(&|e| surname_is(e, word))
                } else {
                    Vec::new()
                };
                // A role is a role noun ("Mayor: …", "says mayor"); any
                // other capitalised word is a name, not a role ("Orrin
                // boss" is no one who merely mentions Orrin).
                let role_noun =
                    !capital || contains(&ROLE_WORDS, &lower) || contains(&PERSON_NOUNS, &lower);
                if people.is_empty() && role_noun && !contains(&STOP_WORDS, &lower) {
                    people = people_by(&|e| self.carries_role(e, &lower));
                }
                match people.as_slice() {
                    [one] => return found(*one),
                    [_, _, ..] => {
                        // Two leaders: the one whose quote in the body
                        // shares the headline's words ("impossible choices"
                        // → "an impossible choice").
                        if let Some(one) = self.same_words_speaker(quote, quotes, resolved, &people)
                        {
                            return found(one);
                        }
                        out.resolution = Resolution::Unresolved;
                        out.candidates = people;
                        return out;
                    }
                    [] => {}
                }
            }
            // An organisation by a word of its name ("Northgate: …"), not
            // one of its people by role ("Orrin boss": the body decides).
            let person_role = written_words.iter().any(|w| {
                let lower = w.to_lowercase();
                contains(&ROLE_WORDS, &lower) || contains(&PERSON_NOUNS, &lower)
            });
            let org = self.mentions.iter().take(MAX_MENTIONS_BACK * 4).find(|m| {
                !person_role
                    && self.kind(m.entity) == Some(EntityKind::Organisation)
                    && written_words.iter().any(|w| {
                        w.chars().next().is_some_and(char::is_uppercase)
                            && self
                                .key(m.entity)
                                .split('-')
                                .any(|k| k.eq_ignore_ascii_case(w))
                    })
            });
            if let Some(m) = org {
                return found(m.entity);
            }
        }
        // The one person of the body the headline names by surname.
        let headline: Vec<&str> = self
            .headline_text
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .filter(|w| !quote.content.text(text).contains(*w))
            .collect();
        let named = people_by(&|e| headline.iter().any(|w| surname_is(e, w)));
        if let [one] = named.as_slice() {
            return found(*one);
        }
        // The body's speaker of the same words, else its first speaker.
        let mine = stems(quote.content.text(text));
        let mut best: Option<(usize, usize)> = None;
        let mut first: Option<usize> = None;
        for (q, speaker) in quotes.iter().zip(resolved) {
            let Some(entity) = speaker.entity else {
                continue;
            };
            if q.kind != QuoteKind::Direct || speaker.resolution == Resolution::Headline {
                continue;
            }
            first = first.or(Some(entity));
            let theirs = stems(q.content.text(text));
            let shared = mine
                .iter()
                .filter(|w| theirs.binary_search(w).is_ok())
                .count();
            let enough = shared >= 2 || (shared >= 1 && shared == mine.len());
            if enough && best.is_none_or(|(_, n)| shared > n) {
                best = Some((entity, shared));
            }
        }
        match best.map(|(e, _)| e).or(first) {
            Some(entity) => found(entity),
            None => out,
        }
    }

    /// Among `people`, the one speaker of body quotes that share at least
    /// two word stems with the headline quote (or all of a shorter one's),
    /// when exactly one of them does.
    pub(super) fn same_words_speaker(
        &self,
        quote: &Quote,
        quotes: &[Quote],
        resolved: &[Speaker],
        people: &[usize],
    ) -> Option<usize> {
        let text = self.text;
        let mine = stems(quote.content.text(text));
        let mut hit: Option<usize> = None;
        for (q, speaker) in quotes.iter().zip(resolved) {
            let Some(entity) = speaker.entity else {
                continue;
            };
            if q.kind != QuoteKind::Direct
                || speaker.resolution == Resolution::Headline
                || !people.iter().any(|&p| self.key(p) == self.key(entity))
            {
                continue;
            }
            let theirs = stems(q.content.text(text));
            let shared = mine
                .iter()
                .filter(|w| theirs.binary_search(w).is_ok())
                .count();
            if shared >= 2 || (shared >= 1 && shared == mine.len()) {
                match hit {
                    Some(h) if self.key(h) != self.key(entity) => return None,
                    _ => hit = Some(entity),
                }
            }
        }
        hit
    }
}
