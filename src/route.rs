//! Links: what is shown and selected lives in the URL's fragment, so links
//! need no server support and work on any static host, under any sub-path
//! and from a `file://` copy (where only fragment changes are allowed).
//!
//! Formats (the fragment after `#`):
//! - `` (empty), `/` or `/facts[?filters]`: the coverage matrix; filters are
//!   `coverage=all|some|one`, `diff=<kind>`, `kind=quote|number|date|people`,
//!   `q=<text>`, `sort=story|differences|coverage`;
//! - `/fact/<fact-id>`: one fact, every outlet's sentence side by side;
//! - `/read` and `/read/<article-id>/<claim-id>`: the full texts side by side;
//! - `/sentence/<article-id>/<n>`: sentence `n` (1-based) of an article, in the reading view;
//! - `/claim/<article-id>/<claim-id>?q=<quote>`: a claim, re-anchored by its
//!   quote when the id no longer exists;
//! - `/quotes[/<fact-id>]`, `/timeline[/<iso-date>]`, `/entities[/<key>]`.
//!
//! Anything else is [`Route::Unknown`], shown as a clear message. This module
//! is plain Rust (no DOM) so it is tested natively.

use parallax_core::compare::FactFilter;
use parallax_core::compare::links::{percent_decode, percent_encode};

/// What the URL shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The coverage matrix, filtered.
    Facts(FactFilter),
    Fact(String),
    /// The reading view, optionally with a claim selected.
    Read(Option<(String, String)>),
    Sentence {
        article: String,
        number: usize,
    },
    /// A shared claim link.
    Claim {
        article: String,
        claim: String,
        quote: String,
    },
    Quotes(Option<String>),
    Timeline(Option<String>),
    Entities(Option<String>),
    /// A fragment Parallax does not understand, kept for the message.
    Unknown(String),
}

/// The views, one per tab.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum View {
    Facts,
    Fact,
    Read,
    Quotes,
    Timeline,
    Entities,
}

impl Route {
    /// The coverage matrix with no filter: the default view.
    pub fn home() -> Route {
        Route::Facts(FactFilter::default())
    }

    /// Parses a `location.hash` value, with or without its leading `#`.
    pub fn parse(hash: &str) -> Route {
        let raw = hash.strip_prefix('#').unwrap_or(hash);
        let (path, query) = raw.split_once('?').unwrap_or((raw, ""));
        let path = path.trim_end_matches('/');
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let unknown = || Route::Unknown(raw.to_string());
        let id = |s: &&str| is_id(s).then(|| (*s).to_string());
        match segments.as_slice() {
            [] => Route::home(),
            ["facts"] => Route::Facts(FactFilter::from_query(query)),
            ["fact", fact] => id(fact).map_or_else(unknown, Route::Fact),
            ["read"] => Route::Read(None),
            ["read", article, claim] if is_id(article) && is_id(claim) => {
                Route::Read(Some(((*article).to_string(), (*claim).to_string())))
            }
            ["sentence", article, number] if is_id(article) => match number.parse() {
                Ok(number) if number > 0 => Route::Sentence {
                    article: (*article).to_string(),
                    number,
                },
                _ => unknown(),
            },
            ["claim", article, claim] if is_id(article) && is_id(claim) => Route::Claim {
                article: (*article).to_string(),
                claim: (*claim).to_string(),
                quote: query
                    .split('&')
                    .find_map(|p| p.strip_prefix("q="))
                    .map(percent_decode)
                    .unwrap_or_default(),
            },
            ["quotes"] => Route::Quotes(None),
            ["quotes", fact] => id(fact).map_or_else(unknown, |f| Route::Quotes(Some(f))),
            ["timeline"] => Route::Timeline(None),
            ["timeline", value] => id(value).map_or_else(unknown, |v| Route::Timeline(Some(v))),
            ["entities"] => Route::Entities(None),
            ["entities", key] => id(key).map_or_else(unknown, |k| Route::Entities(Some(k))),
            _ => unknown(),
        }
    }

    /// The fragment for this route, with its leading `#`.
    pub fn href(&self) -> String {
        match self {
            Route::Facts(filter) if filter.is_default() => "#/".to_string(),
            Route::Facts(filter) => format!("#/facts?{}", filter.to_query()),
            Route::Fact(id) => format!("#/fact/{id}"),
            Route::Read(None) => "#/read".to_string(),
            Route::Read(Some((article, claim))) => format!("#/read/{article}/{claim}"),
            Route::Sentence { article, number } => format!("#/sentence/{article}/{number}"),
            Route::Claim {
                article,
                claim,
                quote,
            } if quote.is_empty() => format!("#/claim/{article}/{claim}"),
            Route::Claim {
                article,
                claim,
                quote,
            } => format!("#/claim/{article}/{claim}?q={}", percent_encode(quote)),
            Route::Quotes(None) => "#/quotes".to_string(),
            Route::Quotes(Some(fact)) => format!("#/quotes/{fact}"),
            Route::Timeline(None) => "#/timeline".to_string(),
            Route::Timeline(Some(value)) => format!("#/timeline/{value}"),
            Route::Entities(None) => "#/entities".to_string(),
            Route::Entities(Some(key)) => format!("#/entities/{key}"),
            Route::Unknown(path) => format!("#{path}"),
        }
    }

    /// Which view (tab) shows this route. Unknown links show the matrix.
    pub fn view(&self) -> View {
        match self {
            Route::Facts(_) | Route::Unknown(_) => View::Facts,
            Route::Fact(_) => View::Fact,
            Route::Read(_) | Route::Sentence { .. } | Route::Claim { .. } => View::Read,
            Route::Quotes(_) => View::Quotes,
            Route::Timeline(_) => View::Timeline,
            Route::Entities(_) => View::Entities,
        }
    }
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The DOM id of a sentence element, for scrolling and tests.
pub fn sentence_dom_id(article: &str, number: usize) -> String {
    format!("s-{article}-{number}")
}

/// The DOM id of a matrix row.
pub fn fact_dom_id(fact: &str) -> String {
    format!("row-{fact}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::align::{Coverage, DifferenceKind};

    #[test]
    fn parses_and_prints_every_route() {
        for route in [
            Route::home(),
            Route::Facts(FactFilter {
                coverage: Some(Coverage::Some),
                difference: Some(DifferenceKind::Quote),
                query: "cinema chains".into(),
                ..FactFilter::default()
            }),
            Route::Fact("f9075d0313620".into()),
            Route::Read(None),
            Route::Read(Some(("5cdbf99d".into(), "f47b92ac4f47".into()))),
            Route::Sentence {
                article: "5cdbf99d".into(),
                number: 7,
            },
            Route::Claim {
                article: "5cdbf99d".into(),
                claim: "f47b92ac4f47".into(),
                quote: "Sony’s “movie”, & more".into(),
            },
            Route::Claim {
                article: "5cdbf99d".into(),
                claim: "f47b92ac4f47".into(),
                quote: String::new(),
            },
            Route::Quotes(None),
            Route::Quotes(Some("f9075d0313620".into())),
            Route::Timeline(None),
            Route::Timeline(Some("2014-W50".into())),
            Route::Entities(None),
            Route::Entities(Some("sony-pictures".into())),
        ] {
            assert_eq!(Route::parse(&route.href()), route, "{}", route.href());
        }
        assert_eq!(Route::parse(""), Route::home());
        assert_eq!(Route::parse("#"), Route::home());
        assert_eq!(Route::parse("#/"), Route::home());
        assert_eq!(Route::parse("#/facts"), Route::home());
        assert_eq!(Route::home().href(), "#/");
        assert_eq!(
            Route::parse("#/sentence/5cdbf99d/7/"),
            Route::Sentence {
                article: "5cdbf99d".into(),
                number: 7
            }
        );
        assert_eq!(
            Route::parse("#/facts?coverage=all&diff=number&q=cinema").href(),
            "#/facts?coverage=all&diff=number&q=cinema"
        );
    }

    #[test]
    fn malformed_links_are_unknown_not_errors() {
        for hash in [
            "#/sentence/5cdbf99d/0",
            "#/sentence/5cdbf99d/-1",
            "#/sentence/5cdbf99d/x",
            "#/sentence/<script>/1",
            "#/sentence/5cdbf99d",
            "#/claim/42",
            "#/fact/<b>",
            "#/read/5cdbf99d",
            "#/entities/a/b",
            "#%E2%9C%93",
        ] {
            assert!(matches!(Route::parse(hash), Route::Unknown(_)), "{hash}");
        }
    }
}
