//! A view-model cut into parts of about a given size of JSON, and put
//! together again part by part, so that the page can read a large story's
//! view-model one part per task instead of in one long task (the engine's
//! worker sends parts; the page's cache keeps them).
//!
//! The first part is the head (title, timeline, wire copy, notes, and how
//! many of each list follow); then the lists — articles, facts, omissions,
//! quotes, entities — in order, each cut into runs. Every part is a JSON
//! object with one key naming what it holds. [`ViewAssembler`] checks that
//! the parts arrive whole and in order: anything else is an error, never a
//! wrong view-model.

use serde::{Deserialize, Serialize};

use super::{
    EntityView, FactView, OmissionView, QuoteView, StoryView, StoryViewData, TimelineView,
    WireStoryView,
};
use crate::compare::ArticleView;

/// What the head says of the parts after it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Counts {
    articles: usize,
    facts: usize,
    omissions: usize,
    quotes: usize,
    entities: usize,
}

#[derive(Serialize)]
struct HeadOut<'a> {
    slug: &'a str,
    title: &'a str,
    timeline: &'a TimelineView,
    wire: &'a WireStoryView,
    notes: &'a [String],
    counts: Counts,
}

#[derive(Deserialize)]
struct HeadIn {
    slug: String,
    title: String,
    timeline: TimelineView,
    wire: WireStoryView,
    notes: Vec<String>,
    counts: Counts,
}

/// The parts as serde would write them (the lists are written by [`cut`],
/// the same way, an item at a time).
#[derive(Serialize)]
#[serde(rename_all = "lowercase")]
enum PartOut<'a> {
    Head(HeadOut<'a>),
    Articles(&'a [ArticleView]),
}

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum PartIn {
    Head(Box<HeadIn>),
    Articles(Vec<ArticleView>),
    Facts(Vec<FactView>),
    Omissions(Vec<OmissionView>),
    Quotes(Vec<QuoteView>),
    Entities(Vec<EntityView>),
}

/// `view` as JSON parts of about `part_bytes` each (a single item larger
/// than that is a part of its own).
pub fn to_parts(view: &StoryView, part_bytes: usize) -> Vec<String> {
    let mut parts = Vec::new();
    each_part(view, part_bytes, |part| parts.push(part));
    parts
}

/// [`to_parts`], handing each part to `take` as soon as it is written, so
/// that no more than one part is held at a time (the engine copies each
/// out of its memory).
pub fn each_part(view: &StoryView, part_bytes: usize, mut take: impl FnMut(String)) {
    let counts = Counts {
        articles: view.articles.len(),
        facts: view.facts.len(),
        omissions: view.omissions.len(),
        quotes: view.quotes.len(),
        entities: view.entities.len(),
    };
    take(json(&PartOut::Head(HeadOut {
        slug: &view.slug,
        title: &view.title,
        timeline: &view.timeline,
        wire: &view.wire,
        notes: &view.notes,
        counts,
    })));
    cut(&view.articles, part_bytes, "articles", &mut take);
    cut(&view.facts, part_bytes, "facts", &mut take);
    cut(&view.omissions, part_bytes, "omissions", &mut take);
    cut(&view.quotes, part_bytes, "quotes", &mut take);
    cut(&view.entities, part_bytes, "entities", &mut take);
}

/// One run as serde writes it (for the test that `cut` writes the same).
#[doc(hidden)]
pub fn articles_part(view: &StoryView) -> String {
    json(&PartOut::Articles(&view.articles))
}

fn json(part: &PartOut<'_>) -> String {
    // The view types serialise without maps keyed by non-strings: this
    // cannot fail.
    serde_json::to_string(part).unwrap_or_default()
}

/// Runs of `items` of about `part_bytes` of JSON each, each item written
/// once: a run is `{"<key>":[item,item,…]}`, exactly what serde writes for
/// the run as a [`PartOut`] variant (`parts_are_what_serde_writes` checks).
fn cut<T: Serialize>(items: &[T], part_bytes: usize, key: &str, take: &mut impl FnMut(String)) {
    let open = format!("{{\"{key}\":[");
    let mut part = open.clone();
    let mut count = 0;
    for item in items {
        // The view types serialise without maps keyed by non-strings: this
        // cannot fail.
        let json = serde_json::to_string(item).unwrap_or_default();
        if count > 0 && part.len() + json.len() > part_bytes {
            part.push_str("]}");
            take(std::mem::replace(&mut part, open.clone()));
            count = 0;
        }
        if count > 0 {
            part.push(',');
        }
        part.push_str(&json);
        count += 1;
    }
    if count > 0 {
        part.push_str("]}");
        take(part);
    }
}

/// Puts a view-model together from its parts, one [`ViewAssembler::add`]
/// at a time.
#[derive(Default)]
pub struct ViewAssembler {
    head: Option<HeadIn>,
    articles: Vec<ArticleView>,
    facts: Vec<FactView>,
    omissions: Vec<OmissionView>,
    quotes: Vec<QuoteView>,
    entities: Vec<EntityView>,
}

impl ViewAssembler {
    pub fn new() -> ViewAssembler {
        ViewAssembler::default()
    }

    /// Reads the next part.
    pub fn add(&mut self, part: &str) -> Result<(), String> {
        let part: PartIn = serde_json::from_str(part)
            .map_err(|e| format!("a part of the view-model does not read: {e}"))?;
        let Some(head) = &self.head else {
            return match part {
                PartIn::Head(head) => {
                    self.head = Some(*head);
                    Ok(())
                }
                _ => Err("the view-model's parts do not start with its head".to_string()),
            };
        };
        let counts = head.counts;
        // Each list in order, none longer than the head says.
        let order_ok = match &part {
            PartIn::Head(_) => false,
            PartIn::Articles(_) => self.facts.is_empty() && self.omissions.is_empty(),
            PartIn::Facts(_) => self.articles.len() == counts.articles && self.omissions.is_empty(),
            PartIn::Omissions(_) => self.facts.len() == counts.facts && self.quotes.is_empty(),
            PartIn::Quotes(_) => {
                self.omissions.len() == counts.omissions && self.entities.is_empty()
            }
            PartIn::Entities(_) => self.quotes.len() == counts.quotes,
        };
        if !order_ok {
            return Err("the view-model's parts are out of order".to_string());
        }
        fn extend<T>(list: &mut Vec<T>, more: Vec<T>, limit: usize) -> Result<(), String> {
            if list.len() + more.len() > limit {
                return Err("a part of the view-model holds more than its head says".to_string());
            }
            list.extend(more);
            Ok(())
        }
        match part {
            PartIn::Head(_) => Ok(()),
            PartIn::Articles(more) => extend(&mut self.articles, more, counts.articles),
            PartIn::Facts(more) => extend(&mut self.facts, more, counts.facts),
            PartIn::Omissions(more) => extend(&mut self.omissions, more, counts.omissions),
            PartIn::Quotes(more) => extend(&mut self.quotes, more, counts.quotes),
            PartIn::Entities(more) => extend(&mut self.entities, more, counts.entities),
        }
    }

    /// The view-model, once every part has been added.
    pub fn finish(self) -> Result<StoryView, String> {
        let Some(head) = self.head else {
            return Err("the view-model has no parts".to_string());
        };
        let counts = head.counts;
        let complete = self.articles.len() == counts.articles
            && self.facts.len() == counts.facts
            && self.omissions.len() == counts.omissions
            && self.quotes.len() == counts.quotes
            && self.entities.len() == counts.entities;
        if !complete {
            return Err("parts of the view-model are missing".to_string());
        }
        Ok(StoryView::from(StoryViewData {
            slug: head.slug,
            title: head.title,
            articles: self.articles,
            facts: self.facts,
            omissions: self.omissions,
            quotes: self.quotes,
            timeline: head.timeline,
            entities: self.entities,
            wire: head.wire,
            notes: head.notes,
        }))
    }
}
