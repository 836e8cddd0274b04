//! Exports, written by hand (the core has no dependencies): the coverage
//! matrix as CSV (RFC 4180) and every claim of the story as a W3C Web
//! Annotation collection (JSON-LD) with a `TextQuoteSelector` and a
//! `TextPositionSelector` (positions in Unicode code points of the article
//! text, as the model specifies) per claim.

use crate::align::{ClaimRef, StoryAlignment};

use super::facts::{FactView, attribution_text, certainty_name};
use super::{Source, StoryView};

/// One CSV field, quoted when it must be.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// A JSON string literal.
pub fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl StoryView {
    /// The matrix rows `facts` (indices into [`StoryView::facts`]) as CSV:
    /// fact id, label, coverage, differences, then one column per article
    /// with its full sentence (empty where it does not report the fact).
    pub fn matrix_csv(&self, facts: &[usize]) -> String {
        let mut out = String::new();
        let mut header = vec![
            "fact".to_string(),
            "label".to_string(),
            "coverage".to_string(),
            "outlets".to_string(),
            "differences".to_string(),
        ];
        header.extend(self.articles.iter().map(|a| a.outlet.clone()));
        push_row(&mut out, &header);
        for fact in facts.iter().filter_map(|&i| self.facts.get(i)) {
            push_row(&mut out, &csv_row(self, fact));
        }
        out
    }

    /// Every claim of the story as a W3C Web Annotation collection; `None`
    /// for a view-model that arrived without its analyses (from the
    /// engine's worker or a cache): ask the engine that built it.
    pub fn web_annotations(&self) -> Option<String> {
        let analysed = self.analysed.as_ref()?;
        Some(web_annotations(self, &analysed.source, &analysed.alignment))
    }
}

fn push_row(out: &mut String, fields: &[String]) {
    let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
    out.push_str(&row.join(","));
    out.push_str("\r\n");
}

fn csv_row(story: &StoryView, fact: &FactView) -> Vec<String> {
    let kinds: Vec<&str> = fact.difference_kinds.iter().map(|k| k.name()).collect();
    let outlets: Vec<&str> = fact.claims.iter().map(|c| c.outlet.as_str()).collect();
    let mut row = vec![
        fact.id.clone(),
        fact.label.clone(),
        fact.coverage.name().to_string(),
        outlets.join("; "),
        kinds.join("; "),
    ];
    for (a, _) in story.articles.iter().enumerate() {
        row.push(
            fact.claims
                .iter()
                .find(|c| c.article == a)
                .map(|c| crate::model::squash(&c.text))
                .unwrap_or_default(),
        );
    }
    row
}

/// Code points before byte offset `at` of `text`.
fn chars_before(text: &str, at: usize) -> usize {
    text.get(..at).map_or(0, |head| head.chars().count())
}

fn web_annotations(story: &StoryView, source: &Source, alignment: &StoryAlignment) -> String {
    let base = format!("urn:parallax:{}", story.slug);
    let mut items = Vec::new();
    for (a, article) in source.articles.iter().enumerate() {
        let text = &*article.text;
        let target_source = article
            .url
            .clone()
            .unwrap_or_else(|| format!("{base}:{}", article.id));
        for (c, claim) in article.analysis.claims.iter().enumerate() {
            let selector = claim.selector;
            let mut bodies = Vec::new();
            for &f in alignment.facts_of(ClaimRef {
                article: a,
                claim: c,
            }) {
                if let Some(fact) = story.facts.get(f) {
                    bodies.push(format!(
                        "{{\"type\":\"TextualBody\",\"purpose\":\"tagging\",\"value\":{}}}",
                        json_string(&format!("fact:{} ({})", fact.id, fact.coverage.name()))
                    ));
                }
            }
            bodies.push(format!(
                "{{\"type\":\"TextualBody\",\"purpose\":\"describing\",\"value\":{}}}",
                json_string(&format!(
                    "{}; {}",
                    certainty_name(claim.certainty),
                    attribution_text(text, &article.analysis, claim)
                ))
            ));
            items.push(format!(
                concat!(
                    "{{\"id\":{id},\"type\":\"Annotation\",\"motivation\":\"describing\",",
                    "\"creator\":{{\"type\":\"Software\",\"name\":\"Parallax\"}},",
                    "\"body\":[{bodies}],",
                    "\"target\":{{\"source\":{source},\"selector\":[",
                    "{{\"type\":\"TextQuoteSelector\",\"exact\":{exact},\"prefix\":{prefix},\"suffix\":{suffix}}},",
                    "{{\"type\":\"TextPositionSelector\",\"start\":{start},\"end\":{end}}}]}}}}"
                ),
                id = json_string(&format!("{base}:{}:{}", article.id, claim.id)),
                bodies = bodies.join(","),
                source = json_string(&target_source),
                exact = json_string(selector.exact.text(text)),
                prefix = json_string(selector.prefix.text(text)),
                suffix = json_string(selector.suffix.text(text)),
                start = chars_before(text, claim.span.start),
                end = chars_before(text, claim.span.end),
            ));
        }
    }
    format!(
        concat!(
            "{{\"@context\":\"http://www.w3.org/ns/anno.jsonld\",\"id\":{id},",
            "\"type\":\"AnnotationCollection\",\"label\":{label},\"total\":{total},",
            "\"first\":{{\"type\":\"AnnotationPage\",\"startIndex\":0,\"items\":[\n{items}\n]}}}}\n"
        ),
        id = json_string(&format!("{base}:claims")),
        label = json_string(&story.title),
        total = items.len(),
        items = items.join(",\n"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn json_strings_escape_controls() {
        assert_eq!(
            json_string("a\"b\\c\nd\u{1}é"),
            "\"a\\\"b\\\\c\\nd\\u0001é\""
        );
        assert_eq!(chars_before("éa", 2), 1);
    }
}
