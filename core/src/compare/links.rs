//! Shareable links: percent-encoding, the short exact quote a claim link
//! carries so it can be re-anchored, text fragments (`#:~:text=`) for the
//! outlet's original page, and resolving an old claim link.

use crate::align::{LinkArticle, LinkResolution, resolve_claim_in};
use serde::{Deserialize, Serialize};

use super::{SentenceView, StoryView, shorten};

/// Percent-encodes everything but ASCII letters, digits and `-._~`.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 15)]));
        }
    }
    out
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// Decodes `%XX` escapes (and `+` as a space); malformed escapes stay as
/// they are, invalid UTF-8 becomes U+FFFD.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                match (hex_value(bytes[i + 1]), hex_value(bytes[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push(h << 4 | l);
                        i += 3;
                        continue;
                    }
                    _ => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_value(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'a'..=b'f' => Some(byte - b'a' + 10),
        b'A'..=b'F' => Some(byte - b'A' + 10),
        _ => None,
    }
}

/// The exact quote a claim link carries: the claim's first words, about 60
/// bytes, cut at a word (long enough to be found verbatim again).
pub fn link_quote(claim_text: &str) -> String {
    let squashed = crate::model::squash(claim_text);
    if squashed.len() <= 60 {
        return squashed;
    }
    let mut cut = 60;
    while !squashed.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &squashed[..cut];
    head.rfind(' ')
        .filter(|&at| at >= 24)
        .map(|at| head[..at].to_string())
        .unwrap_or_else(|| head.to_string())
}

/// The outlet's page at `url`, scrolled to `exact` by a text fragment:
/// `url#:~:text=start,end` (first and last words for long text).
pub fn text_fragment_url(url: &str, exact: &str) -> String {
    let words: Vec<&str> = exact.split_whitespace().collect();
    // Text directives need `-`, `,` and `&` escaped besides the usual.
    let encode = |part: &[&str]| percent_encode(&part.join(" ")).replace('-', "%2D");
    let directive = if words.len() > 10 {
        format!(
            "{},{}",
            encode(&words[..5]),
            encode(&words[words.len() - 5..])
        )
    } else {
        encode(&words)
    };
    let joiner = if url.contains('#') { ":~:" } else { "#:~:" };
    format!("{url}{joiner}text={directive}")
}

/// What a claim link opens.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ClaimLinkView {
    /// The claim is there: article index and 1-based sentence number.
    Found { article: usize, sentence: usize },
    /// The id is gone, the quoted text was found again.
    Reanchored {
        article: usize,
        sentence: usize,
        /// Similarity in percent.
        similarity: u16,
    },
    /// Nothing close enough: the nearest claims, best first.
    Orphan { nearest: Vec<Candidate> },
}

/// A claim an orphaned link may have meant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    pub article: usize,
    pub article_id: String,
    pub outlet: String,
    pub sentence: usize,
    pub claim_id: String,
    pub short: String,
    pub similarity: u16,
}

impl StoryView {
    /// Resolves a claim link (`article`, `claim` id, the quote it carries)
    /// with [`resolve_claim_in`], over the sentences of the view-model (one
    /// claim per story sentence), so it needs no analysis.
    pub fn resolve_claim_link(&self, article: &str, claim: &str, quote: &str) -> ClaimLinkView {
        let sentences: Vec<Vec<&SentenceView>> = self
            .articles
            .iter()
            .map(|a| a.sentences().collect())
            .collect();
        let targets: Vec<LinkArticle<'_>> = self
            .articles
            .iter()
            .zip(&sentences)
            .map(|(a, sentences)| LinkArticle {
                id: &a.id,
                claims: sentences
                    .iter()
                    .map(|s| (s.claim_id.as_str(), s.text.as_str()))
                    .collect(),
            })
            .collect();
        match resolve_claim_in(&targets, article, claim, quote) {
            LinkResolution::Found(c) => ClaimLinkView::Found {
                article: c.article,
                sentence: c.claim + 1,
            },
            LinkResolution::Reanchored { claim, similarity } => ClaimLinkView::Reanchored {
                article: claim.article,
                sentence: claim.claim + 1,
                similarity: similarity.div_ceil(10).min(100),
            },
            LinkResolution::Orphan { nearest } => ClaimLinkView::Orphan {
                nearest: nearest
                    .into_iter()
                    .filter_map(|(c, similarity)| {
                        let article = self.articles.get(c.article)?;
                        let sentence = sentences.get(c.article)?.get(c.claim)?;
                        Some(Candidate {
                            article: c.article,
                            article_id: article.id.clone(),
                            outlet: article.outlet.clone(),
                            sentence: c.claim + 1,
                            claim_id: sentence.claim_id.clone(),
                            short: shorten(&sentence.text, 110),
                            similarity: similarity.div_ceil(10).min(100),
                        })
                    })
                    .collect(),
            },
        }
    }

    /// The claim id and link quote of sentence `sentence` (1-based) of an article.
    pub fn claim_of_sentence(&self, article: usize, sentence: usize) -> Option<(String, String)> {
        let found = self
            .articles
            .get(article)?
            .sentences()
            .nth(sentence.checked_sub(1)?)?;
        Some((found.claim_id.clone(), link_quote(&found.text)))
    }

    /// The 1-based sentence number of a claim id in an article.
    pub fn sentence_of_claim(&self, article: &str, claim: &str) -> Option<(usize, usize)> {
        let index = self.articles.iter().position(|a| a.id == article)?;
        let number = self.articles[index]
            .sentences()
            .position(|s| s.claim_id == claim)?;
        Some((index, number + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_encoding_round_trips() {
        let text = "Sony’s “movie”, 25 & more-ish + 100%";
        let encoded = percent_encode(text);
        assert!(
            encoded
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b))
        );
        assert_eq!(percent_decode(&encoded), text);
        assert_eq!(percent_decode("a%2"), "a%2");
        assert_eq!(percent_decode("%zz%41"), "%zzA");
        assert_eq!(percent_decode("%FF"), "\u{fffd}");
    }

    #[test]
    fn quotes_are_short_and_cut_at_words() {
        let quote = link_quote(
            "In a plot worthy of a B movie, The Interview has been withdrawn from cinemas in the US",
        );
        assert_eq!(
            quote,
            "In a plot worthy of a B movie, The Interview has been"
        );
        assert_eq!(link_quote(" Short  one. "), "Short one.");
    }

    #[test]
    fn text_fragments_use_first_and_last_words() {
        assert_eq!(
            text_fragment_url("https://example.org/a", "Sony pulled the film."),
            "https://example.org/a#:~:text=Sony%20pulled%20the%20film."
        );
        assert_eq!(
            text_fragment_url(
                "https://example.org/a#top",
                "one two three four five six seven eight nine ten-eleven twelve"
            ),
            "https://example.org/a#top:~:text=one%20two%20three%20four%20five,seven%20eight%20nine%20ten%2Deleven%20twelve"
        );
    }
}
