//! Behaviour on the two seed news articles, segmented one paragraph at a time as the app does.

mod common;

use common::sentences;

const ARTICLE_000: &str = include_str!("../../corpus/sony-interview-2014/000_985eb20a576cc668.txt");
const ARTICLE_002: &str = include_str!("../../corpus/sony-interview-2014/002_5cdbf99de85581e7.txt");

/// Splits an article into paragraphs on blank lines.
fn paragraphs(text: &str) -> Vec<&str> {
    text.split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .collect()
}

/// Sentences of the 1-based paragraph `number`.
fn paragraph_sentences(article: &str, number: usize) -> Vec<&str> {
    sentences(paragraphs(article)[number - 1])
}

#[test]
fn every_paragraph_and_whole_article_keeps_invariants() {
    for article in [ARTICLE_000, ARTICLE_002] {
        for paragraph in paragraphs(article) {
            assert!(!sentences(paragraph).is_empty());
        }
        sentences(article);
    }
}

#[test]
fn straight_single_quotes_and_parenthesised_sentence() {
    assert_eq!(
        paragraph_sentences(ARTICLE_000, 7),
        [
            "While Sony Pictures worked to keep the demands of the group private, it has been claimed that the attack was in protest of an upcoming film from the company: The Interview, a parody comedy based on a fictional assassination attempt of North Korean despot Kim Jong-Un.",
            "This was seemingly confirmed when a message purported to be from the original attackers threatened acts of terror against cinemas showing the film.",
            "'The world will be full of fear.",
            "Remember the 11th of September 2001,' the message read.",
            "'We recommend you to keep yourself distant from the places at that time.",
            "(If your house is nearby, you’d better leave.)'",
        ]
    );
}

#[test]
fn quote_after_comma_and_curly_apostrophe() {
    let got = paragraph_sentences(ARTICLE_000, 8);
    assert_eq!(got.len(), 3, "{got:#?}");
    assert!(got[1].starts_with("'In light of the decision"));
    assert!(
        got[1].ends_with("release,' the company announced in a statement to press late yesterday.")
    );
    assert!(got[2].starts_with("'We respect and understand our partners’ decision and,"));
}

#[test]
fn closing_quote_after_period_then_capital_splits_and_lines_split() {
    let got = paragraph_sentences(ARTICLE_000, 10);
    assert_eq!(got.len(), 5, "{got:#?}");
    assert!(got[0].starts_with("Meanwhile, the New York Times"));
    assert!(
        got[0].ends_with("although Wired's Kim Zetter argues that evidence for this is 'flimsy.'")
    );
    assert!(got[1].starts_with("Regardless, Sony Pictures is clearly still suffering"));
    assert_eq!(
        &got[2..],
        [
            "Discuss this in the forums",
            "YouTube logo",
            "MSI MPG Velox 100R Chassis Review"
        ]
    );
}

#[test]
fn dashes_do_not_split() {
    let got = paragraph_sentences(ARTICLE_000, 9);
    assert_eq!(got.len(), 4, "{got:#?}");
    assert!(got[1].contains("our morale – all apparently"));
    let got = paragraph_sentences(ARTICLE_002, 13);
    assert_eq!(got.len(), 4, "{got:#?}");
    assert!(got[0].starts_with("“Sony Pictures has been the victim"));
    assert!(got[1].contains("our morale — all apparently"));
    assert!(got[3].ends_with("disappointed by this outcome.”"));
}

#[test]
fn headlines_and_short_paragraphs_stay_whole() {
    assert_eq!(
        paragraph_sentences(ARTICLE_000, 1),
        ["Sony pulls film as the US blames North Korea for attack"]
    );
    assert_eq!(
        paragraph_sentences(ARTICLE_000, 2),
        ["December 18, 2014 | 09:27"]
    );
    assert_eq!(
        paragraph_sentences(ARTICLE_000, 4),
        ["Companies: #sony #sony-pictures"]
    );
    assert_eq!(paragraph_sentences(ARTICLE_002, 2), ["18 Dec 2014"]);
}

#[test]
fn ellipsis_character_and_non_breaking_space() {
    assert_eq!(
        paragraph_sentences(ARTICLE_002, 10),
        ["The hackers\u{a0}win … for now"]
    );
}

#[test]
fn curly_quotes_apostrophes_and_names() {
    assert_eq!(
        paragraph_sentences(ARTICLE_002, 4),
        [
            "In a plot worthy of a B movie, The Interview has been withdrawn from cinemas in the US just as US government officials named North Korea as the source of the cyberattack against Sony."
        ]
    );
    assert_eq!(
        paragraph_sentences(ARTICLE_002, 5),
        [
            "Unnamed officials in a number of reports have laid blame for the attack on Unit 21 of North Korea’s General Bureau of Reconnaissance."
        ]
    );
    assert_eq!(paragraph_sentences(ARTICLE_002, 6).len(), 1);
    assert_eq!(
        paragraph_sentences(ARTICLE_002, 14),
        [
            "Last week North Korea denied it had any involvement in the attack but hailed it as a “righteous deed.”"
        ]
    );
    let got = paragraph_sentences(ARTICLE_002, 17);
    assert_eq!(got.len(), 2, "{got:#?}");
    assert!(got[0].ends_with("a collector’s item."));
    assert_eq!(got[1], "You couldn’t buy that kind of publicity.");
}

#[test]
fn news_style_snippets() {
    let cases: &[(&str, &[&str])] = &[
        (
            "It was 'flimsy.' Regardless, it held.",
            &["It was 'flimsy.'", "Regardless, it held."],
        ),
        (
            "He said “no.” she said “yes.”",
            &["He said “no.” she said “yes.”"],
        ),
        (
            "He said “No.” Then he left.",
            &["He said “No.”", "Then he left."],
        ),
        (
            "Apple Inc. Chief Executive Tim Cook spoke.",
            &["Apple Inc. Chief Executive Tim Cook spoke."],
        ),
        (
            "He works for Apple Inc. The company is big.",
            &["He works for Apple Inc.", "The company is big."],
        ),
        ("The U.S. The end.", &["The U.S.", "The end."]),
        (
            "U.S. officials agreed. Sen. Smith did not.",
            &["U.S. officials agreed.", "Sen. Smith did not."],
        ),
        (
            "It ranked No. 1 in Dec. 2014. Sales fell.",
            &["It ranked No. 1 in Dec. 2014.", "Sales fell."],
        ),
        (
            "The meeting ended at 6 p.m. Officials left.",
            &["The meeting ended at 6 p.m.", "Officials left."],
        ),
        ("Wait… Nothing happened.", &["Wait…", "Nothing happened."]),
        (
            "Headline line\nBody text here. More.",
            &["Headline line", "Body text here.", "More."],
        ),
        ("  \u{a0}Padded sentence.\u{a0}  ", &["Padded sentence."]),
    ];
    for (text, expected) in cases {
        assert_eq!(sentences(text), *expected, "input: {text:?}");
    }
}
