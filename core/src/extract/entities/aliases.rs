//! Aliases: the forms of a name merged into one canonical key and one kind,
//! within an article ([`resolve_article`]) and across a story
//! ([`merge_story_keys`]).

use super::acronyms::is_acronym_text;
use super::forms::{
    is_prefix_form, is_respelt_surname, is_short_given_name_form, is_suffix_form,
    key_initials_match, named_after_a_place,
};
use super::keys::{first_word, last_word, word_count};
use super::rules::*;
use super::scanner::Mention;
use super::{Entity, EntityKind};
use crate::model::{HashMap, key, sort_by_numbers};

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
        // `Northgate` / `Northgate Bank` → `Northgate Bank Holdings`.
        // Known places and named people are never short forms of an organisation.
        let settled = form.strong && matches!(form.kind, Place | Person);
        // `the Otters` after `Lowmoor Otters`: news calls a team or body
        // by the last word of a name it gave in full before. Then the word
        // is no short form of a longer name written only later that starts
        // with it (`Otters Supporters Trust`).
        let team_of = |long: &FormInfo<'_>| {
            words == 1
                && !form.strong
                && !form.acronym
                && matches!(long.kind, Organisation | Group)
                && !long.acronym
                && (2..=3).contains(&word_count(long.key))
                && long.first < form.first
                && compatible(form, long)
                && is_suffix_form(form.key, long.key)
        };
        let by_team = by_last
            .get(last_word(form.key))
            .into_iter()
            .flatten()
            .take(BUCKET_LIMIT)
            .any(|&other| other != index && forms.get(other).is_some_and(team_of));
        // `Adeyemi` after `Daniel Adeyemi` and `Grace Adeyemi`: a surname
        // people of the article carry is theirs, never a short form of the
        // family firm (`Adeyemi & Son`), even when it cannot tell them apart.
        let surname_of_person = words == 1
            && !form.acronym
            && by_last
                .get(last_word(form.key))
                .into_iter()
                .flatten()
                .take(BUCKET_LIMIT)
                .any(|&other| {
                    forms.get(other).is_some_and(|long| {
                        long.kind == Person
                            && word_count(long.key) > 1
                            && compatible(form, long)
                            && is_suffix_form(form.key, long.key)
                    })
                });
        if !(settled || form.acronym || surname_of_person) {
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
                        && !(by_team && long.first > form.first)
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
        // One of the two may be a guess of another kind (`Chief engineer
        // Lena Moravek said` with no cue of a person) when the other is a
        // person.
        let person_or_guess = |f: &FormInfo<'_>| f.kind == Person || !f.strong;
        if person_or_guess(form) && words >= 2 {
            join_unique(
                &mut sets,
                index,
                by_first.get(first_word(form.key)),
                &|other| {
                    person_or_guess(other)
                        && (form.kind == Person || other.kind == Person)
                        && compatible(form, other)
                        && is_respelt_surname(form.key, other.key)
                },
            );
        }
        // An acronym not defined here → `friends-of-the-harbour` when the initials fit.
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
    // A person's canonical form is the fullest name given ("Emilio Ferreira
    // da Costa", not the "Ferreira da Costa" the story repeats): news gives
    // a person's full name once, then the surname.
    let rank = |f: &FormInfo<'_>| {
        let person_words = if f.kind == EntityKind::Person {
            word_count(f.key)
        } else {
            0
        };
        (
            !f.acronym,
            word_count(f.key) > 1,
            person_words,
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
pub(super) fn resolve_article(mut mentions: Vec<Mention>, links: &[(usize, usize)]) -> Vec<Entity> {
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

/// Merges keys across the articles of one story (`northgate-bank-holdings`
/// in one and `northgate-bank` in another get one key, an undefined `FOH`
/// joins `friends-of-the-harbour`). Rewrites only `key` fields, never spans.
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
    // Per form: the canonical key, and the kind a guess takes when the
    // canonical form was named with a cue somewhere in the story (`Lena
    // Moravek`, guessed an organisation, is the person `Lena Moravec`;
    // `Westmere`, guessed in one article, is the place another wrote "in
    // Westmere").
    let keys: HashMap<String, (String, Option<EntityKind>)> = forms
        .iter()
        .zip(&canonical)
        .filter_map(|(form, &target)| {
            let target = forms.get(target)?;
            let kind = target.strong.then_some(target.kind);
            (target.key != form.key || kind.is_some())
                .then(|| (form.key.to_string(), (target.key.to_string(), kind)))
        })
        .collect();
    for (_, entities) in articles.iter_mut() {
        for entity in entities.iter_mut() {
            if let Some((key, kind)) = keys.get(&entity.key) {
                if *key != entity.key {
                    entity.key.clone_from(key);
                }
                if let Some(kind) = kind
                    && *kind != entity.kind
                    && is_guess(entity.rule)
                {
                    entity.kind = *kind;
                    entity.rule = RULE_STORY_REPEAT;
                }
            }
        }
    }
}
