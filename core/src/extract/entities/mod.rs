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
//!    possessives end a run and are left out of the span (`North Korea’s`)
//!    unless an organisation word follows (`Caldria's Ministry of Culture`,
//!    whose key keeps the possessive's `s`: `caldrias-ministry-of-culture`,
//!    so the owner alone is no short form of it),
//!    and so are place adjectives (`Lisbon-based`, `British-born`).
//! 3. Each run gets a kind from small lexicons ([`super::lexicon`]) and cues
//!    in the words before it: known places and nicknames (`the Hermit
//!    Kingdom` is linked to `north-korea`), organisation words (`Pictures`,
//!    `Times`, `House`), titles and roles (`Mr.`, `despot`; after a
//!    qualifier that is no part of the name: `Local MP Ann Roe`), cast lists
//!    (`starring`), titles (`the film X`, a capitalised `The` mid-sentence,
//!    `movies … including X and Y`), group cues (`calling itself`), given
//!    names, an organisation noun in apposition (`Tarvio, the
//!    Lisbon-based firm,` — which also vouches for a one-word name at the
//!    start of a sentence). Everything else is a capitalised name guessed
//!    to be an organisation; its `rule` says so.
//! 4. Aliases are merged into one canonical key per article: same key after
//!    folding case, hyphens and accents (`Kim Jong Un` = `Kim Jong-Un`),
//!    acronyms defined in the text (`FOH or Friends of the Harbour`, `Friends
//!    of the Harbour (FOH)`), shorter forms of organisations (`Northgate`,
//!    `Northgate Bank`, `Northgate Bank Holdings`, tolerating a one-letter typo
//!    after the first word; not a longer name written only after another
//!    name ending in the word: `the Otters` after `Lowmoor Otters` is not
//!    `Otters Supporters Trust`), surnames of people named in full. The canonical
//!    key is the cluster's form that is not an acronym, has several words and
//!    most mentions (then most words, then comes first): `northgate-bank`, not
//!    the once-written typo `northgate-bamk-holdings`.
//! 5. A relative named by given name after a possessive name and a kin word
//!    (`Varga's daughter, Ilse,`) takes the family name in its key
//!    (`ilse-varga`), and so does one after `Her`/`His` opening a sentence
//!    when the person named just before has a given name of that gender
//!    (`… said Bernadette Quayle. Her daughter, Niamh,` → `niamh-quayle`);
//!    so does the first of two given names sharing one
//!    family name (`Ray and Sandra Pugh` → `ray-pugh`, `sandra-pugh`).
//!
//! Deliberate omissions: adjectives of nationality (`North Korean`) are not
//! entities; a single capitalised word in quotes that never recurs
//! (`the “Destroyer” malware`) is treated like a sentence-initial word and
//! left out (a malware name is none of the five kinds); common all-caps nouns
//! (`IT`, `TV`) and single letters (`B movie`) are not names.
//!
//! Everything is linear in the text: look-behind and look-ahead are bounded,
//! lexicon look-ups are hashed probes, and a key is built once per entity.
//!
//! One file per job: `tokens.rs` (a sentence's tokens), `keys.rs`
//! (canonical keys), `acronyms.rs`, `scanner.rs` (the pre-pass and where a
//! run of name words ends), `classify.rs` (a kind and a rule for each run),
//! `rules.rs` (the rules in words), `forms.rs` (which keys can be forms of
//! one name) and `aliases.rs` (merging them within an article and across a
//! story).

mod acronyms;
mod aliases;
mod classify;
mod forms;
mod keys;
mod rules;
mod scanner;
mod tokens;

use super::Sentence;
use crate::model::Span;
use aliases::resolve_article;
use scanner::Scanner;

pub use aliases::merge_story_keys;
pub(crate) use forms::near_spelling;
pub use keys::name_key;

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
    let mut entities = resolve_article(mentions, &links);
    family_names(text, &mut entities);
    couple_names(text, &mut entities);
    entities
}

/// `Ray and Sandra Pugh`: news names two people who share a family name by
/// their given names joined with `and` (or `&`), the family name written
/// once, after the second. The first given name takes the family name in
/// its key (`ray-pugh`), in every mention of it, so a later `Mr Pugh` can
/// be told from Sandra. Only a lone given name of the name lists, right
/// before ` and ` and a name of two words whose first word is also a
/// given name (each a person, or a name only guessed to be an
/// organisation).
fn couple_names(text: &str, entities: &mut [Entity]) {
    use super::lexicon::{FEMALE_GIVEN_NAMES, GIVEN_NAMES, MALE_GIVEN_NAMES, contains};
    let given = |w: &str| {
        contains(&GIVEN_NAMES, w)
            || contains(&FEMALE_GIVEN_NAMES, w)
            || contains(&MALE_GIVEN_NAMES, w)
    };
    let mut renames: Vec<(String, String)> = Vec::new();
    for pair in entities.windows(2) {
        let [e, next] = pair else {
            continue;
        };
        // Either may still be a guessed organisation here (`Judith
        // Tarrant`): the given-name lists decide.
        let named = |x: &Entity| {
            x.kind == EntityKind::Person
                || (x.kind == EntityKind::Organisation
                    && x.rule.ends_with("(guessed organisation)"))
        };
        if e.key.contains('-') || !named(e) || !named(next) || !given(&e.key) {
            continue;
        }
        let between = text.get(e.span.end..next.span.start).unwrap_or("");
        if !matches!(between, " and " | " & ") {
            continue;
        }
        let written: Vec<&str> = next.span.text(text).split_whitespace().collect();
        let [first, family] = written.as_slice() else {
            continue;
        };
        let family_key = name_key(family);
        if !given(&first.to_lowercase())
            || family_key.is_empty()
            || family_key.contains('-')
            || !next.key.ends_with(&format!("-{family_key}"))
            || renames.iter().any(|(from, _)| *from == e.key)
        {
            continue;
        }
        renames.push((e.key.clone(), format!("{}-{family_key}", e.key)));
    }
    for (from, to) in &renames {
        for e in entities.iter_mut().filter(|e| e.key == *from) {
            e.key.clone_from(to);
        }
    }
}

/// Kin words that introduce a relative by given name alone.
const KIN_WORDS: &[&str] = &[
    "brother", "daughter", "father", "husband", "mother", "sister", "son", "widow", "widower",
    "wife",
];

/// Most bytes between the person a "Her"/"His" opening a sentence stands
/// for and the pronoun ([`pronoun_owner_family`]).
const MAX_PRONOUN_OWNER_BYTES: usize = 400;

/// `"…," said Bernadette Quayle, a ward sister. Her daughter, Niamh, …`:
/// news names a relative after "Her"/"His" opening a sentence, the person
/// it stands for named just before. `lead` is the text before the kin
/// word; `before` the entities before the relative's name. The family
/// name (last word of the key) of the nearest name of two words or more
/// within [`MAX_PRONOUN_OWNER_BYTES`], when its given name is on the
/// pronoun's gender list and no other such name stands between.
fn pronoun_owner_family(text: &str, lead: &str, before: &[Entity]) -> Option<String> {
    use super::lexicon::{FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, contains};
    let trimmed = lead.trim_end();
    let pronoun_at = trimmed.rfind([' ', '\n']).map_or(0, |i| i + 1);
    let pronoun = trimmed.get(pronoun_at..)?;
    let list = match pronoun {
        "Her" => &FEMALE_GIVEN_NAMES,
        "His" => &MALE_GIVEN_NAMES,
        _ => return None,
    };
    // "Her" opens its sentence.
    let opens = text
        .get(..pronoun_at)?
        .trim_end()
        .ends_with(['.', '"', '”', '\n'])
        || pronoun_at == 0;
    if !opens {
        return None;
    }
    let owner = before
        .iter()
        .rev()
        .take(8)
        .take_while(|o| o.span.end + MAX_PRONOUN_OWNER_BYTES >= pronoun_at)
        .find(|o| o.key.contains('-') && !matches!(o.kind, EntityKind::Place | EntityKind::Work))?;
    let given = owner.key.split('-').next()?;
    if !contains(list, given) {
        return None;
    }
    owner.key.rsplit('-').next().map(str::to_string)
}

/// `Pollard's wife, Maureen, said`: news names a relative of someone
/// already named by the given name alone, the family name understood. The
/// lone name takes the family name as its key (`maureen-pollard`), in
/// every mention of it. Only a possessive name right before the kin word
/// counts, and only a one-word name closed by a comma or full stop. A
/// surname of several words the text writes alone (`Ferreira da Costa's
/// daughter, Ana`, after `Emilio Ferreira da Costa`) is the family name as
/// written (`ana-ferreira-da-costa`).
fn family_names(text: &str, entities: &mut [Entity]) {
    let mut renames: Vec<(String, String)> = Vec::new();
    for (i, e) in entities.iter().enumerate() {
        if e.key.contains('-') || matches!(e.kind, EntityKind::Place | EntityKind::Work) {
            continue;
        }
        let closed = text
            .get(e.span.end..)
            .is_some_and(|r| r.starts_with([',', '.']));
        let Some(lead) = text.get(..e.span.start).and_then(|t| t.strip_suffix(", ")) else {
            continue;
        };
        let Some(kin_at) = lead.rfind(' ') else {
            continue;
        };
        let kin = lead.get(kin_at + 1..).unwrap_or("");
        if !closed || !KIN_WORDS.contains(&kin) {
            continue;
        }
        let owner = lead.get(..kin_at).unwrap_or("");
        let Some(owner) = owner
            .strip_suffix("'s")
            .or_else(|| owner.strip_suffix("’s"))
        else {
            // "…," said Bernadette Quayle. Her daughter, Niamh, …": the
            // possessive pronoun's person, named just before.
            let before = entities.get(..i).unwrap_or_default();
            if let Some(family) = pronoun_owner_family(text, owner, before)
                && family != e.key
                && !renames.iter().any(|(from, _)| *from == e.key)
            {
                renames.push((e.key.clone(), format!("{}-{family}", e.key)));
            }
            continue;
        };
        let Some(family) = entities
            .get(..i)
            .unwrap_or_default()
            .iter()
            .rev()
            .take(4)
            .find(|o| o.span.end == owner.len() && o.kind != EntityKind::Place)
            .and_then(|o| {
                // "Ferreira da Costa's daughter, Ana": the surname as the
                // text writes it, when it is the end of the full name.
                let written = o.span.text(text);
                let written = name_key(written);
                let suffix = format!("-{written}");
                let whole = written.contains('-')
                    && entities
                        .get(..i)
                        .unwrap_or_default()
                        .iter()
                        .rev()
                        .take(64)
                        .any(|f| f.key.ends_with(suffix.as_str()));
                if whole {
                    o.key.get(o.key.len() - written.len()..)
                } else {
                    o.key.rsplit('-').next()
                }
            })
        else {
            continue;
        };
        if family != e.key && !renames.iter().any(|(from, _)| *from == e.key) {
            renames.push((e.key.clone(), format!("{}-{family}", e.key)));
        }
    }
    for (from, to) in &renames {
        for e in entities.iter_mut().filter(|e| e.key == *from) {
            e.key.clone_from(to);
        }
    }
}
