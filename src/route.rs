//! Links: what is selected lives in the URL's fragment, so links need no
//! server support and work on any static host, under any sub-path and from a
//! `file://` copy (where only fragment changes are allowed).
//!
//! Formats (the fragment after `#`):
//! - `` (empty) or `/`: the story;
//! - `/sentence/<article-id>/<n>`: sentence `n` (1-based) of an article.
//!
//! Anything else is [`Route::Unknown`], shown as a clear message. This module
//! is plain Rust (no DOM) so it is tested natively.

/// What the URL selects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Story,
    Sentence {
        article: String,
        number: usize,
    },
    /// A fragment Parallax does not understand, kept for the message.
    Unknown(String),
}

impl Route {
    /// Parses a `location.hash` value, with or without its leading `#`.
    pub fn parse(hash: &str) -> Route {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        let path = path.trim_end_matches('/');
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => Route::Story,
            ["sentence", article, number] if is_id(article) => match number.parse() {
                Ok(number) if number > 0 => Route::Sentence {
                    article: (*article).to_string(),
                    number,
                },
                _ => Route::Unknown(path.to_string()),
            },
            _ => Route::Unknown(path.to_string()),
        }
    }

    /// The fragment for this route, with its leading `#`.
    pub fn href(&self) -> String {
        match self {
            Route::Story => "#/".to_string(),
            Route::Sentence { article, number } => format!("#/sentence/{article}/{number}"),
            Route::Unknown(path) => format!("#{path}"),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_every_route() {
        for route in [
            Route::Story,
            Route::Sentence {
                article: "5cdbf99d".into(),
                number: 7,
            },
        ] {
            assert_eq!(Route::parse(&route.href()), route);
        }
        assert_eq!(Route::parse(""), Route::Story);
        assert_eq!(Route::parse("#"), Route::Story);
        assert_eq!(Route::parse("#/"), Route::Story);
        assert_eq!(
            Route::parse("#/sentence/5cdbf99d/7/"),
            Route::Sentence {
                article: "5cdbf99d".into(),
                number: 7
            }
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
            "#%E2%9C%93",
        ] {
            assert!(matches!(Route::parse(hash), Route::Unknown(_)), "{hash}");
        }
    }
}
