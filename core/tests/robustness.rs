//! `analyze` accepts any text: it never panics, and what it returns is
//! lossless and well-formed (every non-blank byte in exactly one part, spans
//! on char boundaries, sentences inside story paragraphs).

use parallax_core::analyze;
use parallax_core::extract::Analysis;
use proptest::prelude::*;

fn assert_well_formed(text: &str, analysis: &Analysis) {
    let parts = &analysis.document.parts;
    let mut cursor = 0;
    for part in parts {
        assert!(
            part.span.start >= cursor,
            "parts overlap or are out of order"
        );
        assert!(!part.span.is_empty(), "empty part");
        assert!(text.is_char_boundary(part.span.start) && text.is_char_boundary(part.span.end));
        assert!(
            text[cursor..part.span.start]
                .chars()
                .all(char::is_whitespace),
            "non-blank text outside every part before {}",
            part.span
        );
        cursor = part.span.end;
    }
    assert!(
        text[cursor..].chars().all(char::is_whitespace),
        "text lost at the end"
    );
    for sentence in &analysis.sentences {
        let paragraph = &parts[sentence.part];
        assert!(paragraph.kind.is_story_text());
        assert!(
            paragraph.span.contains(sentence.span),
            "sentence outside its paragraph"
        );
        assert!(!sentence.span.text(text).is_empty());
    }
}

/// Analyses and aligns `texts` as one story, checking that every claim is
/// in a fact and every span is inside its article.
fn align_story(texts: &[&str]) {
    use parallax_core::align::{ArticleInput, align};
    let analyses = parallax_core::extract::analyze_story(texts);
    let ids: Vec<String> = (0..texts.len()).map(|i| format!("a{i}")).collect();
    let inputs = ArticleInput::each_own_outlet(&ids, texts, &analyses);
    let alignment = align(&inputs);
    for (article, analysis) in analyses.iter().enumerate() {
        for claim in 0..analysis.claims.len() {
            let c = parallax_core::align::ClaimRef { article, claim };
            assert!(!alignment.facts_of(c).is_empty());
        }
    }
    for fact in &alignment.facts {
        for d in &fact.differences {
            for s in &d.spans {
                assert!(texts[s.article].get(s.span.start..s.span.end).is_some());
            }
        }
    }
}

#[test]
fn aligns_edge_case_stories() {
    align_story(&[]);
    align_story(&[""]);
    align_story(&["", "\0\0", "“unclosed ‘quotes"]);
    let seed = parallax_core::synthetic::synthetic_article(20_000, 3);
    align_story(&[&seed, &seed, &seed]);
    align_story(&[
        &seed,
        "no punctuation at all just words and words",
        "12 12 12 12 12",
    ]);
}

fn check(text: &str) {
    assert_well_formed(text, &analyze(text));
}

#[test]
fn edge_cases() {
    for text in [
        "",
        " ",
        "\n\n\n",
        "\0\0\0",
        "a",
        "Headline",
        "Headline\n\nDecember 18, 2014 | 09:27",
        "Tags: #a\nCompanies: #b",
        "Discuss this in the forums",
        "John Kennedy is a journalist",
        "'“‘unbalanced quotes ” ( [ {",
        "שלום עולם. هذا نص عربي. 😀🎉 emoji. \u{202e}reversed",
        "no punctuation at all just words and words and words",
        "\u{feff}BOM first line\r\n\r\nCRLF body text. More.\r\n",
    ] {
        check(text);
    }
}

#[test]
fn large_inputs() {
    let seeds: String = parallax_core::corpus::BUNDLED_FILES
        .iter()
        .map(|f| f.contents)
        .collect();
    let big = seeds.repeat(10 * 1024 * 1024 / seeds.len());
    check(&big);
    check(&"word ".repeat(2 * 1024 * 1024));
    check(&"\n".repeat(1024 * 1024));
    check(&". ".repeat(1024 * 1024));
    let junk: Vec<u8> = (0..1_000_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    check(&String::from_utf8_lossy(&junk));
}

proptest! {
    // PROPTEST_CASES=N runs longer (a fuzzing session); 2000 by default.
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(2000)
    ))]

    #[test]
    fn any_string(text in any::<String>()) {
        check(&text);
    }

    /// Alignment never panics either, on any pair of texts.
    #[test]
    fn any_story(a in any::<String>(), b in "([A-Z][a-z]{0,8}|[a-z]{1,8}|[0-9]{1,4}|[.,:;'\"“”()–]| |\n\n){0,120}") {
        align_story(&[&a, &b, &a]);
    }

    #[test]
    fn news_like_text(text in "([A-Z][a-z]{0,8}|[a-z]{1,8}|[0-9]{1,4}|[.,:;!?'\"“”‘’()…–—#|-]|\u{a0}| |\n|\n\n){0,200}") {
        check(&text);
    }
}
