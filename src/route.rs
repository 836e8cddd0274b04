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
//! Anything else is [`Route::Unknown`], shown as a clear message.
//!
//! Those routes are *inside* a story. [`Place`] adds which story, and the
//! pages outside any story:
//! - `` (no fragment) and `/stories`: the story list (the start page);
//! - `/new`: a new story; `/s/<story-id>/edit`: edit a saved story;
//! - `/s/<story-id>/<route>`: a route inside a story saved on this device;
//! - `/e/<route>`: a route inside the story embedded in a one-file offline
//!   copy;
//! - `/l/<payload>/<route>`: a route inside a story carried by the link
//!   itself (its compressed story file, base64url; see
//!   `parallax_core::import::link`);
//! - every other fragment: a route inside the bundled story, so the links
//!   made before user stories existed (`#/`, `#/fact/…`, …) keep working.
//!
//! This module is plain Rust (no DOM) so it is tested natively.

use parallax_core::compare::FactFilter;
use parallax_core::compare::links::{percent_decode, percent_encode};
use parallax_core::import::link::is_payload;

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

/// Which story a route is in.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum StoryRef {
    /// The story bundled with the app (its links carry no story prefix).
    Bundled,
    /// A story saved on this device, by its id.
    Saved(String),
    /// A story carried in the link: its compressed story file, base64url.
    Link(String),
    /// The story embedded in the one-file offline copy that is open.
    Embedded,
}

impl StoryRef {
    /// The story a `location.hash` value is in (`#/s/<id>/…` or the bundled one).
    pub fn of_hash(hash: &str) -> StoryRef {
        match Place::parse(hash) {
            Place::Story(story, _) => story,
            Place::Edit(id) => StoryRef::Saved(id),
            Place::Stories | Place::NewStory => StoryRef::Bundled,
        }
    }

    /// The fragment of `route` inside this story, with its leading `#`.
    pub fn href(&self, route: &Route) -> String {
        match self {
            StoryRef::Bundled => route.href(),
            StoryRef::Saved(id) => format!("#/s/{id}/{}", inner(route)),
            StoryRef::Link(payload) => format!("#/l/{payload}/{}", inner(route)),
            StoryRef::Embedded => format!("#/e/{}", inner(route)),
        }
    }
}

/// A route's fragment without `#/`, to follow a story prefix.
fn inner(route: &Route) -> String {
    let href = route.href();
    href.trim_start_matches('#')
        .trim_start_matches('/')
        .to_string()
}

/// A whole page: the story list, a new story, or a route inside a story.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// The list of stories on this device, bundled story included.
    Stories,
    /// A new story: paste or drop articles.
    NewStory,
    /// Edit a saved story: its title and articles.
    Edit(String),
    Story(StoryRef, Route),
}

impl Place {
    /// Parses a `location.hash` value, with or without its leading `#`.
    pub fn parse(hash: &str) -> Place {
        let raw = hash.strip_prefix('#').unwrap_or(hash);
        let path = raw
            .split('?')
            .next()
            .unwrap_or_default()
            .trim_end_matches('/');
        match path {
            "" if raw.is_empty() => return Place::Stories,
            "/stories" => return Place::Stories,
            "/new" => return Place::NewStory,
            _ => {}
        }
        if let Some(rest) = raw.strip_prefix("/e/").or((raw == "/e").then_some("")) {
            return Place::Story(StoryRef::Embedded, Route::parse(&format!("/{rest}")));
        }
        if let Some(rest) = raw.strip_prefix("/l/") {
            let (payload, inner) = rest.split_once('/').unwrap_or((rest, ""));
            if !is_payload(payload) {
                return Place::Story(StoryRef::Bundled, Route::Unknown(raw.to_string()));
            }
            return Place::Story(
                StoryRef::Link(payload.to_string()),
                Route::parse(&format!("/{inner}")),
            );
        }
        if let Some(rest) = raw.strip_prefix("/s/") {
            let (id, inner) = rest.split_once(['/', '?']).unwrap_or((rest, ""));
            if !is_id(id) {
                return Place::Story(StoryRef::Bundled, Route::Unknown(raw.to_string()));
            }
            if inner.trim_end_matches('/') == "edit" {
                return Place::Edit(id.to_string());
            }
            // Keep a query that directly follows the id (`/s/x?coverage=…`).
            let separator = &rest[id.len()..rest.len().min(id.len() + 1)];
            let inner = if separator == "?" {
                format!("/facts?{inner}")
            } else {
                format!("/{inner}")
            };
            return Place::Story(StoryRef::Saved(id.to_string()), Route::parse(&inner));
        }
        Place::Story(StoryRef::Bundled, Route::parse(raw))
    }

    /// The fragment for this page, with its leading `#`.
    pub fn href(&self) -> String {
        match self {
            Place::Stories => "#/stories".to_string(),
            Place::NewStory => "#/new".to_string(),
            Place::Edit(id) => format!("#/s/{id}/edit"),
            Place::Story(story, route) => story.href(route),
        }
    }
}

/// Whether `s` can be an id in a link (a story's, an article's, a fact's).
pub fn is_id(s: &str) -> bool {
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
    fn places_parse_and_print() {
        let saved = StoryRef::Saved("st-1a2b".into());
        for place in [
            Place::Stories,
            Place::NewStory,
            Place::Edit("st-1a2b".into()),
            Place::Story(StoryRef::Bundled, Route::Fact("f9075d0313620".into())),
            Place::Story(saved.clone(), Route::home()),
            Place::Story(saved.clone(), Route::Fact("f9075d0313620".into())),
            Place::Story(saved.clone(), Route::Read(Some(("a1".into(), "c2".into())))),
            Place::Story(
                saved.clone(),
                Route::Claim {
                    article: "a1".into(),
                    claim: "c2".into(),
                    quote: "the “words”".into(),
                },
            ),
            Place::Story(saved.clone(), Route::parse("#/facts?coverage=all&q=fire")),
            Place::Story(StoryRef::Link("eJzT0yMAAGTvBe8".into()), Route::home()),
            Place::Story(StoryRef::Embedded, Route::home()),
            Place::Story(StoryRef::Embedded, Route::Fact("f1".into())),
            Place::Story(
                StoryRef::Link("eJzT0yMAAGTvBe8".into()),
                Route::Quotes(Some("f1".into())),
            ),
        ] {
            assert_eq!(Place::parse(&place.href()), place, "{}", place.href());
        }
        // The start page is the story list; the old links open the bundled story.
        assert_eq!(Place::parse(""), Place::Stories);
        assert_eq!(Place::parse("#"), Place::Stories);
        assert_eq!(Place::parse("#/stories/"), Place::Stories);
        assert_eq!(
            Place::parse("#/"),
            Place::Story(StoryRef::Bundled, Route::home())
        );
        assert_eq!(
            Place::parse("#/sentence/5cdbf99d/7"),
            Place::Story(
                StoryRef::Bundled,
                Route::Sentence {
                    article: "5cdbf99d".into(),
                    number: 7
                }
            )
        );
        assert_eq!(saved.href(&Route::home()), "#/s/st-1a2b/");
        assert_eq!(
            Place::parse("#/s/st-1a2b"),
            Place::Story(saved.clone(), Route::home())
        );
        assert_eq!(
            Place::parse("#/s/st-1a2b?coverage=all"),
            Place::Story(saved.clone(), Route::parse("#/facts?coverage=all"))
        );
        // A bad story id or a bad route inside a story is an unknown link.
        for hash in [
            "#/s/<x>/fact/f1",
            "#/s//fact/f1",
            "#/s/st-1/fact/<b>",
            "#/l/not%20base64/fact/f1",
            "#/l//",
        ] {
            assert!(
                matches!(Place::parse(hash), Place::Story(_, Route::Unknown(_))),
                "{hash}"
            );
        }
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
