//! The coverage matrix's filters and sort, and their form in a link's query
//! (`coverage=all&diff=number&kind=quote&q=cinema&sort=differences`), so a
//! link restores the view.

use crate::align::{Coverage, DifferenceKind};

use super::StoryView;
use super::facts::{FactItem, FactView, Lowercase};
use super::links::{percent_decode, percent_encode};

/// How the matrix is sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum FactSort {
    /// Reading order of the first article reporting each fact.
    #[default]
    Story,
    /// Most kinds of difference first.
    Differences,
    /// Facts all outlets carry first, then some, then one.
    Coverage,
}

impl FactSort {
    pub const ALL: [FactSort; 3] = [FactSort::Story, FactSort::Differences, FactSort::Coverage];

    pub fn name(self) -> &'static str {
        match self {
            FactSort::Story => "story",
            FactSort::Differences => "differences",
            FactSort::Coverage => "coverage",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            FactSort::Story => "Story order",
            FactSort::Differences => "Most differences first",
            FactSort::Coverage => "Widest coverage first",
        }
    }
}

/// What the matrix shows. The default shows every fact in story order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct FactFilter {
    pub coverage: Option<Coverage>,
    pub difference: Option<DifferenceKind>,
    pub item: Option<FactItem>,
    /// Case-insensitive text search in the claims.
    pub query: String,
    pub sort: FactSort,
}

/// Coverage by its link name.
pub fn coverage_from_name(name: &str) -> Option<Coverage> {
    [Coverage::All, Coverage::Some, Coverage::One]
        .into_iter()
        .find(|c| c.name() == name)
}

/// A coverage for people: "shared by all outlets".
pub fn coverage_text(coverage: Coverage) -> &'static str {
    match coverage {
        Coverage::All => "shared by all outlets",
        Coverage::Some => "shared by some outlets",
        Coverage::One => "reported by one outlet",
    }
}

/// A difference kind by its link name.
pub fn difference_from_name(name: &str) -> Option<DifferenceKind> {
    DifferenceKind::ALL.into_iter().find(|k| k.name() == name)
}

impl FactFilter {
    /// Reads a link's query (after `?`); unknown keys and values are ignored.
    pub fn from_query(query: &str) -> FactFilter {
        let mut filter = FactFilter::default();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode(value);
            match key {
                "coverage" => filter.coverage = coverage_from_name(&value),
                "diff" => filter.difference = difference_from_name(&value),
                "kind" => filter.item = FactItem::from_name(&value),
                "q" => filter.query = value.trim().chars().take(200).collect(),
                "sort" => {
                    filter.sort = FactSort::ALL
                        .into_iter()
                        .find(|s| s.name() == value)
                        .unwrap_or_default()
                }
                _ => {}
            }
        }
        filter
    }

    /// The query for a link, without `?`; empty for the default view.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(c) = self.coverage {
            parts.push(format!("coverage={}", c.name()));
        }
        if let Some(d) = self.difference {
            parts.push(format!("diff={}", d.name()));
        }
        if let Some(k) = self.item {
            parts.push(format!("kind={}", k.name()));
        }
        if !self.query.trim().is_empty() {
            parts.push(format!("q={}", percent_encode(self.query.trim())));
        }
        if self.sort != FactSort::Story {
            parts.push(format!("sort={}", self.sort.name()));
        }
        parts.join("&")
    }

    pub fn is_default(&self) -> bool {
        *self == FactFilter::default()
    }

    /// Whether `fact` passes, its search text (made by `lower`, see
    /// [`Lowercase`]) holding every word of the lowercased query.
    fn keeps(&self, fact: &FactView, words: &[&str], lower: Lowercase) -> bool {
        self.coverage.is_none_or(|c| fact.coverage == c)
            && self
                .difference
                .is_none_or(|d| fact.difference_kinds.contains(&d))
            && self.item.is_none_or(|k| fact.items.contains(&k))
            && (words.is_empty()
                || words
                    .iter()
                    .all(|word| fact.search_text(lower).contains(word)))
    }
}

impl StoryView {
    /// Indices into [`StoryView::facts`] that `filter` keeps, sorted as it says.
    pub fn filter_facts(&self, filter: &FactFilter) -> Vec<usize> {
        self.filter_facts_with(filter, str::to_lowercase)
    }

    /// [`StoryView::filter_facts`], with the search's lowercasing given.
    pub fn filter_facts_with(&self, filter: &FactFilter, lower: Lowercase) -> Vec<usize> {
        // The query is lowercased once, not once a fact.
        let query = lower(filter.query.trim());
        let words: Vec<&str> = query.split_whitespace().collect();
        let mut kept: Vec<usize> = self
            .facts
            .iter()
            .enumerate()
            .filter(|(_, f)| filter.keeps(f, &words, lower))
            .map(|(i, _)| i)
            .collect();
        match filter.sort {
            FactSort::Story => {}
            FactSort::Differences => crate::model::sort_by_key(&mut kept, |&i| {
                let f = &self.facts[i];
                (
                    std::cmp::Reverse(f.difference_kinds.len()),
                    std::cmp::Reverse(f.differences.len()),
                    i,
                )
            }),
            FactSort::Coverage => {
                crate::model::sort_by_key(&mut kept, |&i| (self.facts[i].coverage, i))
            }
        }
        kept
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_round_trip() {
        let filter = FactFilter {
            coverage: Some(Coverage::All),
            difference: Some(DifferenceKind::Number),
            item: Some(FactItem::Quote),
            query: "cinema & “chains”".into(),
            sort: FactSort::Differences,
        };
        let query = filter.to_query();
        assert_eq!(
            query,
            "coverage=all&diff=number&kind=quote&q=cinema%20%26%20%E2%80%9Cchains%E2%80%9D&sort=differences"
        );
        assert_eq!(FactFilter::from_query(&query), filter);
        assert_eq!(FactFilter::default().to_query(), "");
        assert_eq!(
            FactFilter::from_query("coverage=bogus&x=1&q=a+b"),
            FactFilter {
                query: "a b".into(),
                ..FactFilter::default()
            }
        );
    }
}
