//! Synthetic stories for benchmarks and the engine worker's warm-up: the seed story's paragraphs repeated and
//! shuffled (deterministically) into articles of a requested size. Pure and
//! seedable, so native and in-browser benchmarks measure the same text.

use std::borrow::Cow;

use crate::corpus::{Article, BUNDLED_FILES, Story};
use crate::extract::{PartKind, analyze};
use crate::import::story_file::{StoryFile, StoryFileArticle};

/// An article of about `target_bytes`: a headline, a date line and story
/// paragraphs drawn from the bundled seeds in a shuffled order.
pub fn synthetic_article(target_bytes: usize, seed: u64) -> String {
    let paragraphs = seed_paragraphs();
    let mut rng = XorShift(seed.max(1));
    let mut out = String::with_capacity(target_bytes + 4096);
    out.push_str("Synthetic story built from the seed paragraphs\n\nDecember 18, 2014 | 09:27\n\n");
    if paragraphs.is_empty() {
        return out;
    }
    while out.len() < target_bytes {
        let pick = paragraphs[rng.below(paragraphs.len())];
        out.push_str(pick);
        out.push_str("\n\n");
    }
    out
}

/// A story of `articles` articles of about `bytes_each`: each a different
/// shuffled draw of the seed paragraphs, so articles share some sentences
/// (facts several outlets carry) and not others.
pub fn synthetic_story(articles: usize, bytes_each: usize, seed: u64) -> Vec<String> {
    (0..articles as u64)
        .map(|i| synthetic_article(bytes_each, seed.wrapping_mul(1_000_003).wrapping_add(i + 1)))
        .collect()
}

/// [`synthetic_story`] as a [`Story`]: article `i` is `a{i}`, published by
/// `Outlet {i}`.
pub fn synthetic_story_of(articles: usize, bytes_each: usize, seed: u64) -> Story {
    Story {
        slug: "synthetic".into(),
        title: "Synthetic".into(),
        articles: synthetic_story(articles, bytes_each, seed)
            .into_iter()
            .enumerate()
            .map(|(i, text)| Article {
                id: format!("a{i}"),
                file: format!("a{i}.txt"),
                outlet: format!("Outlet {i}"),
                outlet_note: None,
                url: None,
                published: None,
                raw: Cow::Owned(text),
            })
            .collect(),
    }
}

/// [`synthetic_story`] as a story file (what "Export story" writes), titled
/// "A synthetic story of N articles": article `i` (from 1) is `a{i}`, by
/// `Outlet {i}`.
pub fn synthetic_story_file(articles: usize, bytes_each: usize, seed: u64) -> StoryFile {
    StoryFile::new(
        format!("A synthetic story of {articles} articles"),
        synthetic_story(articles, bytes_each, seed)
            .into_iter()
            .enumerate()
            .map(|(i, text)| StoryFileArticle {
                id: format!("a{}", i + 1),
                outlet: format!("Outlet {}", i + 1),
                outlet_note: None,
                url: None,
                published: None,
                text,
            })
            .collect(),
    )
}

/// The story paragraphs of every bundled article, as the pipeline finds them.
fn seed_paragraphs() -> Vec<&'static str> {
    BUNDLED_FILES
        .iter()
        .filter(|f| f.path.ends_with(".txt") && !f.path.ends_with("manifest.txt"))
        .flat_map(|f| {
            let text = f.contents;
            analyze(text)
                .document
                .parts
                .into_iter()
                .filter(|p| p.kind == PartKind::Paragraph)
                .map(move |p| p.span.text(text))
        })
        .collect()
}

/// A small xorshift generator: deterministic, no dependencies.
struct XorShift(u64);

impl XorShift {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_deterministic_articles_of_the_requested_size() {
        let a = synthetic_article(100_000, 7);
        assert!(a.len() >= 100_000 && a.len() < 110_000);
        assert_eq!(a, synthetic_article(100_000, 7));
        assert_ne!(a, synthetic_article(100_000, 8));
        assert!(analyze(&a).sentences.len() > 300);
    }
}
