//! The entities view-model: the people, organisations, places, groups and
//! works of the story, how each outlet names them, what each outlet quotes
//! them as saying and which facts involve them. Keys come from
//! [`crate::extract::analyze_story`], so one entity has one key across
//! outlets. A quote counts under its *resolved* speaker
//! ([`crate::extract::speakers`]): "…," he said counts for the person "he"
//! was resolved to, "the company said" for the company; an unresolved
//! speaker counts for nobody.

use crate::align::{ClaimRef, StoryAlignment};
use crate::extract::{EntityKind, QuoteKind};
use crate::model::{HashMap, squash};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

use super::Source;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityView {
    /// Story-wide key (`sony-pictures`), used in links.
    pub key: String,
    /// The most frequent way the story writes it.
    pub name: String,
    pub kind: EntityKind,
    /// For people: "person", "organisation", "place", "group", "work".
    pub kind_name: Cow<'static, str>,
    /// Mentions across the story.
    pub mentions: usize,
    /// One per article of the story: how it names the entity.
    pub namings: Vec<Naming>,
    /// Direct quotes across the story whose resolved speaker is this entity.
    #[serde(default)]
    pub quoted: usize,
    /// Indices into [`super::StoryView::facts`], in story order.
    pub facts: Vec<usize>,
}

impl EntityView {
    /// "quoted 3 times", "quoted once", or `None` when never quoted.
    pub fn quoted_label(&self) -> Option<String> {
        match self.quoted {
            0 => None,
            1 => Some("quoted once".to_string()),
            n => Some(format!("quoted {n} times")),
        }
    }
}

/// How one article names an entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Naming {
    pub article: usize,
    /// The article's outlet: not sent; a view-model read from JSON fills it in.
    #[serde(default, skip_serializing)]
    pub outlet: String,
    /// Distinct spellings with their counts, most frequent first; empty
    /// when the article does not mention it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<(String, usize)>,
    /// The words the article quotes the entity as saying (its direct quotes
    /// resolved to it), in text order, whitespace squashed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<String>,
}

pub fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Organisation => "organisation",
        EntityKind::Place => "place",
        EntityKind::Group => "group",
        EntityKind::Work => "work",
    }
}

pub(super) fn build_entities(source: &Source, alignment: &StoryAlignment) -> Vec<EntityView> {
    let mut out: Vec<EntityView> = Vec::new();
    // Each key's place in `out` (a linear search was quadratic in a story's entities).
    let mut places: HashMap<&str, usize> = HashMap::default();
    for (a, article) in source.articles.iter().enumerate() {
        let analysis = &article.analysis;
        for (e, entity) in analysis.entities.iter().enumerate() {
            let index = match places.get(entity.key.as_str()) {
                Some(&i) => i,
                None => {
                    places.insert(&entity.key, out.len());
                    out.push(EntityView {
                        key: entity.key.clone(),
                        name: String::new(),
                        kind: entity.kind,
                        kind_name: kind_name(entity.kind).into(),
                        mentions: 0,
                        namings: source
                            .articles
                            .iter()
                            .enumerate()
                            .map(|(i, x)| Naming {
                                article: i,
                                outlet: x.outlet.clone(),
                                names: Vec::new(),
                                quotes: Vec::new(),
                            })
                            .collect(),
                        quoted: 0,
                        facts: Vec::new(),
                    });
                    out.len() - 1
                }
            };
            let view = &mut out[index];
            view.mentions += 1;
            let written = entity
                .span
                .text(&article.text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let names = &mut view.namings[a].names;
            match names.iter_mut().find(|(n, _)| *n == written) {
                Some((_, count)) => *count += 1,
                None => names.push((written, 1)),
            }
            for (c, claim) in analysis.claims.iter().enumerate() {
                if claim.entities.contains(&e) {
                    for &f in alignment.facts_of(ClaimRef {
                        article: a,
                        claim: c,
                    }) {
                        // Deduplicated once sorted, below.
                        view.facts.push(f);
                    }
                }
            }
        }
    }
    // Quotes under their resolved speaker (keys are story-wide).
    for (a, article) in source.articles.iter().enumerate() {
        let analysis = &article.analysis;
        for (q, quote) in analysis.quotes.iter().enumerate() {
            if quote.kind != QuoteKind::Direct {
                continue;
            }
            let Some(key) = analysis.speaker_key(q) else {
                continue;
            };
            let Some(view) = places.get(key).and_then(|&i| out.get_mut(i)) else {
                continue;
            };
            view.quoted += 1;
            if let Some(naming) = view.namings.get_mut(a) {
                naming
                    .quotes
                    .push(squash(quote.content.text(&article.text)));
            }
        }
    }
    for view in &mut out {
        let mut totals: Vec<(String, usize)> = Vec::new();
        for naming in &mut view.namings {
            crate::model::sort_by(&mut naming.names, |x, y| {
                y.1.cmp(&x.1).then(x.0.len().cmp(&y.0.len()))
            });
            for (name, count) in &naming.names {
                match totals.iter_mut().find(|(n, _)| n == name) {
                    Some((_, c)) => *c += count,
                    None => totals.push((name.clone(), *count)),
                }
            }
        }
        crate::model::sort_by(&mut totals, |x, y| {
            y.1.cmp(&x.1).then(y.0.len().cmp(&x.0.len()))
        });
        view.name = totals.first().map(|(n, _)| n.clone()).unwrap_or_default();
        crate::model::sort(&mut view.facts);
        view.facts.dedup();
    }
    crate::model::sort_by(&mut out, |x, y| {
        y.mentions
            .cmp(&x.mentions)
            .then(x.name.to_lowercase().cmp(&y.name.to_lowercase()))
    });
    out
}
