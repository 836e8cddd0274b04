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

#[derive(Serialize)]
#[serde(rename_all = "lowercase")]
enum PartOut<'a> {
    Head(HeadOut<'a>),
    Articles(&'a [ArticleView]),
    Facts(&'a [FactView]),
    Omissions(&'a [OmissionView]),
    Quotes(&'a [QuoteView]),
    Entities(&'a [EntityView]),
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
    let counts = Counts {
        articles: view.articles.len(),
        facts: view.facts.len(),
        omissions: view.omissions.len(),
        quotes: view.quotes.len(),
        entities: view.entities.len(),
    };
    let mut parts = vec![json(&PartOut::Head(HeadOut {
        slug: &view.slug,
        title: &view.title,
        timeline: &view.timeline,
        wire: &view.wire,
        notes: &view.notes,
        counts,
    }))];
    cut(&view.articles, part_bytes, PartOut::Articles, &mut parts);
    cut(&view.facts, part_bytes, PartOut::Facts, &mut parts);
    cut(&view.omissions, part_bytes, PartOut::Omissions, &mut parts);
    cut(&view.quotes, part_bytes, PartOut::Quotes, &mut parts);
    cut(&view.entities, part_bytes, PartOut::Entities, &mut parts);
    parts
}

fn json(part: &PartOut<'_>) -> String {
    // The view types serialise without maps keyed by non-strings: this
    // cannot fail.
    serde_json::to_string(part).unwrap_or_default()
}

/// Runs of `items` of about `part_bytes` of JSON each. Each item is sized
/// once, by writing it alone.
fn cut<'a, T: Serialize>(
    items: &'a [T],
    part_bytes: usize,
    wrap: fn(&'a [T]) -> PartOut<'a>,
    parts: &mut Vec<String>,
) {
    let mut start = 0;
    let mut bytes = 0;
    for (i, item) in items.iter().enumerate() {
        let size = serde_json::to_string(item).map_or(0, |s| s.len());
        if i > start && bytes + size > part_bytes {
            parts.push(json(&wrap(&items[start..i])));
            start = i;
            bytes = 0;
        }
        bytes += size;
    }
    if start < items.len() {
        parts.push(json(&wrap(&items[start..])));
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
