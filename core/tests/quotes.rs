//! The quotes stage: snapshots of both seeds (every quote with its full
//! text, since quotes run over sentences and paragraphs) and focused tests
//! of the hard cases: apostrophes, plural possessives, nesting, quotes
//! continued across paragraphs, speakers before, after and around a quote.

use expect_test::{Expect, expect};
use parallax_core::analyze;
use parallax_core::annotate::annotate;
use parallax_core::corpus::bundled_stories;
use parallax_core::extract::{Quote, QuoteKind};
use parallax_core::model::Span;
use proptest::prelude::*;

fn seed(index: usize) -> String {
    let (stories, _) = bundled_stories();
    stories[0].articles[index].raw.to_string()
}

/// One quote: kind, speaker, cue, rule, then its text with the content
/// marked `⟦…⟧content` and paragraph breaks shown as `¶`.
fn render(text: &str, quotes: &[Quote]) -> String {
    let mut out = String::new();
    for q in quotes {
        let speaker = q.speaker.map_or("-", |s| s.text(text));
        let cue = q.cue.map_or("-", |s| s.text(text));
        let inner = Span::new(q.content.start - q.span.start, q.content.end - q.span.start);
        let shown = annotate(q.span.text(text), &[(inner, "content".to_string())]);
        out.push_str(&format!(
            "{:?} | speaker: {speaker} | cue: {cue}\n  rule: {}\n  {}\n",
            q.kind,
            q.rule,
            shown.replace("\n\n", " ¶ ").replace('\n', " ¶ ")
        ));
    }
    out
}

fn quotes_of(text: &str) -> Vec<Quote> {
    analyze(text).quotes
}

fn check(text: &str, expect: Expect) {
    expect.assert_eq(&render(text, &quotes_of(text)));
}

/// Story text for the focused tests: a headline and a date line first, so
/// that the paragraphs below are story paragraphs.
fn story(paragraphs: &str) -> String {
    format!("Headline of the story\n\nDecember 18, 2014\n\n{paragraphs}\n")
}

#[test]
fn first_seed_quotes() {
    check(
        &seed(0),
        expect![[r#"
            ScareQuote | speaker: the company | cue: stating
              rule: quote marks paired in one paragraph; inside the words of a speech verb earlier in the clause
              '⟦malicious criminal acts⟧content'
            Direct | speaker: the message | cue: read
              rule: quote marks paired in one paragraph; speaker and verb after the closing mark
              '⟦The world will be full of fear. Remember the 11th of September 2001,⟧content'
            Direct | speaker: the message | cue: read
              rule: quote marks paired in one paragraph; continues the speaker of the quote before
              '⟦We recommend you to keep yourself distant from the places at that time. (If your house is nearby, you’d better leave.)⟧content'
            Direct | speaker: the company | cue: announced
              rule: quote marks paired in one paragraph; speaker and verb after the closing mark
              '⟦In light of the decision by the majority of our exhibitors not to show the film The Interview, we have decided not to move forward with the planned December 25 theatrical release,⟧content'
            Direct | speaker: the company | cue: announced
              rule: a quote continued across paragraphs (opening mark repeated, closing mark only at the end); continues the speaker of the quote before
              '⟦We respect and understand our partners’ decision and, of course, completely share their paramount interest in the safety of employees and theatre-goers.⟧content
            Direct | speaker: the company | cue: announced
              rule: a later paragraph of a quote continued across paragraphs (opening mark repeated); the speaker of the whole statement
              '⟦Sony Pictures has been the victim of an unprecedented criminal assault against our employees, our customers, and our business. Those who attacked us stole our intellectual property, private emails, and sensitive and proprietary material, and sought to destroy our spirit and our morale – all apparently to thwart the release of a movie they did not like. We are deeply saddened at this brazen effort to suppress the distribution of a movie, and in the process do damage to our company, our employees, and the American public. We stand by our filmmakers and their right to free expression and are extremely disappointed by this outcome.⟧content
            ScareQuote | speaker: Wired's Kim Zetter | cue: argues
              rule: quote marks paired in one paragraph; inside the words of a speech verb earlier in the clause
              '⟦flimsy.⟧content'
        "#]],
    );
}

#[test]
fn second_seed_quotes() {
    check(
        &seed(1),
        expect![[r#"
            ScareQuote | speaker: - | cue: described as
              rule: quote marks paired in one paragraph; inside the words of a speech verb earlier in the clause
              “⟦state sponsored⟧content”
            ScareQuote | speaker: researchers at Cisco’s Talos Seucurity Intelligence and Research Group | cue: said
              rule: quote marks paired in one paragraph; inside the words of a speech verb earlier in the clause
              “⟦Destroyer⟧content”
            Direct | speaker: Sony Pictured Entertainment | cue: said
              rule: a quote continued across paragraphs (opening mark repeated, closing mark only at the end); speaker and verb before the opening mark
              “⟦In light of the decision by the majority of our exhibitors not to show the film The Interview,we have decided not to move forward with the planned December 25 theatrical release. We respect and understand our partners’ decision and, of course, completely share their paramount interest in the safety of employees and theater-goers.⟧content
            Direct | speaker: Sony Pictured Entertainment | cue: said
              rule: a later paragraph of a quote continued across paragraphs (opening mark repeated); the speaker of the whole statement
              “⟦Sony Pictures has been the victim of an unprecedented criminal assault against our employees, our customers, and our business. Those who attacked us stole our intellectual property, private emails, and sensitive and proprietary material, and sought to destroy our spirit and our morale — all apparently to thwart the release of a movie they did not like. We are deeply saddened at this brazen effort to suppress the distribution of a movie, and in the process do damage to our company, our employees, and the American public. We stand by our filmmakers and their right to free expression and are extremely disappointed by this outcome.⟧content”
            ScareQuote | speaker: North Korea | cue: hailed
              rule: quote marks paired in one paragraph; inside the words of a speech verb earlier in the clause
              “⟦righteous deed.⟧content”
        "#]],
    );
}

/// The quotes of a focused example as `(kind, content, speaker, cue)`.
fn brief(text: &str) -> Vec<(QuoteKind, &str, &str, &str)> {
    let quotes = quotes_of(text);
    let owned: Vec<(QuoteKind, Span, Option<Span>, Option<Span>)> = quotes
        .iter()
        .map(|q| (q.kind, q.content, q.speaker, q.cue))
        .collect();
    owned
        .into_iter()
        .map(|(kind, content, speaker, cue)| {
            (
                kind,
                content.text(text),
                speaker.map_or("", |s| s.text(text)),
                cue.map_or("", |s| s.text(text)),
            )
        })
        .collect()
}

#[test]
fn apostrophes_inside_and_after_words_are_not_quote_marks() {
    let text = story(
        "We respect our partners’ decision, you’d agree, and the company's servers were hit. \
         Cisco’s team said Sony Pictures’ IT systems failed and Sony Pictures' staff couldn’t \
         work, so the film became a collector’s item. Wired's reporter agreed. \
         It was rock 'n' roll in the '90s and 'em too.",
    );
    assert_eq!(brief(&text), []);
}

#[test]
fn straight_and_curly_marks_nest() {
    let text = story(
        "He said: \"They called it 'Destroyer' in the memo, and we agreed.\" \
         Later she added: “They called it ‘Wiper’ in the memo, we were told.”",
    );
    assert_eq!(
        brief(&text),
        [
            (
                QuoteKind::Direct,
                "They called it 'Destroyer' in the memo, and we agreed.",
                "He",
                "said"
            ),
            (QuoteKind::ScareQuote, "Destroyer", "They", "called"),
            (
                QuoteKind::Direct,
                "They called it ‘Wiper’ in the memo, we were told.",
                "she",
                "added"
            ),
            (QuoteKind::ScareQuote, "Wiper", "They", "called"),
        ]
    );
}

#[test]
fn a_quote_continues_into_a_paragraph_that_reopens_it_and_may_never_close() {
    // Seed 000's convention: the opening mark is repeated at the start of the
    // next paragraph, and here the last paragraph of the quote never closes.
    // Each paragraph is a quote of its own, with the statement's speaker.
    let text = story(
        "'We have decided to stop,' the company announced. 'We respect our partners’ decision.\n\n\
         'We stand by our filmmakers. We are disappointed.\n\n\
         Meanwhile, the shares fell.",
    );
    let quotes = quotes_of(&text);
    assert_eq!(quotes.len(), 3);
    let (first, later) = (&quotes[1], &quotes[2]);
    assert_eq!(
        first.content.text(&text),
        "We respect our partners’ decision."
    );
    assert_eq!(
        first.span.text(&text),
        "'We respect our partners’ decision."
    );
    assert!(first.rule.contains("continued across paragraphs"));
    assert_eq!(
        later.content.text(&text),
        "We stand by our filmmakers. We are disappointed."
    );
    assert_eq!(later.span.text(&text).chars().next(), Some('\''));
    assert_eq!(
        later.rule,
        parallax_core::extract::quotes::RULE_LATER_PARAGRAPH
    );
    for continued in [first, later] {
        assert_eq!(continued.kind, QuoteKind::Direct);
        assert_eq!(
            continued.speaker.map(|s| s.text(&text)),
            Some("the company")
        );
        assert_eq!(continued.cue.map(|s| s.text(&text)), Some("announced"));
    }
}

#[test]
fn a_curly_quote_continues_and_closes_in_a_later_paragraph() {
    let text = story(
        "In a statement Sony said: “We have decided to stop. We respect the decision.\n\n\
         “We stand by our filmmakers.\n\n\
         “We are disappointed by this outcome.”\n\n\
         Last week North Korea denied it.",
    );
    let quotes = quotes_of(&text);
    let contents: Vec<&str> = quotes.iter().map(|q| q.content.text(&text)).collect();
    assert_eq!(
        contents,
        [
            "We have decided to stop. We respect the decision.",
            "We stand by our filmmakers.",
            "We are disappointed by this outcome."
        ]
    );
    assert!(quotes[0].span.text(&text).starts_with('“'));
    assert!(
        quotes[2].span.text(&text).starts_with('“') && quotes[2].span.text(&text).ends_with('”')
    );
    for q in &quotes {
        assert_eq!(q.kind, QuoteKind::Direct);
        assert_eq!(q.speaker.map(|s| s.text(&text)), Some("Sony"));
        assert_eq!(q.cue.map(|s| s.text(&text)), Some("said"));
    }
}

#[test]
fn a_quote_open_at_paragraph_end_stops_there_without_a_reopening_mark() {
    let text = story("'We will fight this,' he said. 'We never give up.\n\nThe shares fell.");
    let quotes = quotes_of(&text);
    assert_eq!(quotes.len(), 2);
    assert_eq!(quotes[1].content.text(&text), "We never give up.");
    assert!(quotes[1].rule.contains("never closed"));
    assert_eq!(quotes[1].speaker.map(|s| s.text(&text)), Some("he"));
}

#[test]
fn an_unclosed_single_mark_inside_a_sentence_is_no_quote() {
    let text = story("The band played their 'greatest hits all night.");
    assert_eq!(brief(&text), []);
}

#[test]
fn a_plural_possessive_inside_a_quote_does_not_close_it() {
    let text = story("'The Smiths' house was big,' he said.");
    assert_eq!(
        brief(&text),
        [(
            QuoteKind::Direct,
            "The Smiths' house was big,",
            "he",
            "said"
        )]
    );
}

#[test]
fn a_short_quote_may_close_on_a_final_s() {
    let text = story(
        "A claim the company denied while stating it was working with federal law \
         enforcement to investigate the 'malicious criminal acts' of the group.",
    );
    assert_eq!(
        brief(&text),
        [(
            QuoteKind::ScareQuote,
            "malicious criminal acts",
            "the company",
            "stating"
        )]
    );
}

#[test]
fn speaker_and_verb_after_the_closing_mark() {
    let text = story(
        "'The world will be full of fear. Remember the 11th of September 2001,' the message read. \
         “We will not back down,” said the studio's lawyer.",
    );
    assert_eq!(
        brief(&text),
        [
            (
                QuoteKind::Direct,
                "The world will be full of fear. Remember the 11th of September 2001,",
                "the message",
                "read"
            ),
            (
                QuoteKind::Direct,
                "We will not back down,",
                "the studio's lawyer",
                "said"
            ),
        ]
    );
}

#[test]
fn a_following_direct_quote_continues_the_speaker() {
    let text = story(
        "'Remember the 11th of September 2001,' the message read. \
         'We recommend you to keep yourself distant from the places at that time.'",
    );
    let quotes = quotes_of(&text);
    assert_eq!(quotes.len(), 2);
    assert_eq!(
        quotes[1].speaker.map(|s| s.text(&text)),
        Some("the message")
    );
    assert!(quotes[1].rule.contains("continues the speaker"));
}

#[test]
fn a_direct_quote_far_from_the_last_speaker_has_none() {
    let text = story(
        "'We will fight,' the company said. The shares fell sharply. Analysts were calm. \
         'Nobody expected the attack to go this far.'",
    );
    let quotes = quotes_of(&text);
    assert_eq!(quotes.len(), 2);
    assert_eq!(quotes[1].speaker, None);
    assert_eq!(quotes[1].kind, QuoteKind::Direct);
}

#[test]
fn speaker_and_verb_before_the_opening_mark() {
    let text = story(
        "In a statement Sony Pictured Entertainment said: “In light of the decision we have \
         decided not to move forward.”",
    );
    assert_eq!(
        brief(&text),
        [(
            QuoteKind::Direct,
            "In light of the decision we have decided not to move forward.",
            "Sony Pictured Entertainment",
            "said"
        )]
    );
}

#[test]
fn scare_quotes_take_the_speaker_of_the_clause() {
    let text = story(
        "The US has concluded that the attack was state-sponsored, although Wired's Kim Zetter \
         argues that evidence for this is 'flimsy.' \
         Last week North Korea denied it had any involvement in the attack but hailed it as a \
         “righteous deed.” \
         The attack has been described as “state sponsored” and researchers at Cisco’s Talos \
         Group said that the “Destroyer” malware attack was full of bugs.",
    );
    assert_eq!(
        brief(&text),
        [
            (
                QuoteKind::ScareQuote,
                "flimsy.",
                "Wired's Kim Zetter",
                "argues"
            ),
            (
                QuoteKind::ScareQuote,
                "righteous deed.",
                "North Korea",
                "hailed"
            ),
            (QuoteKind::ScareQuote, "state sponsored", "", "described as"),
            (
                QuoteKind::ScareQuote,
                "Destroyer",
                "researchers at Cisco’s Talos Group",
                "said"
            ),
        ]
    );
}

#[test]
fn a_scare_quote_without_any_speech_verb() {
    let text = story("The so-called \"Guardians of Peace\" struck again.");
    assert_eq!(
        brief(&text),
        [(QuoteKind::ScareQuote, "Guardians of Peace", "", "")]
    );
}

#[test]
fn headline_terms_and_captions_give_no_quotes() {
    let text = "Sony \u{2018}cancels\u{2019} the \"film\"\n\n18 Dec 2014\n\n\
                James Franco in the spoof comedy \u{201c}The Interview\u{201d} at the premiere\n\n\
                The film was pulled.\n";
    assert_eq!(brief(text), []);
}

#[test]
fn headline_quotes_in_the_usual_forms_are_direct() {
    for (headline, words, speaker) in [
        (
            "'We were robbed': Kelso fury at late try",
            "We were robbed",
            "",
        ),
        ("Mayor: \"We will rebuild\"", "We will rebuild", "Mayor"),
        (
            "\"We will rebuild,\" says Tidewell mayor",
            "We will rebuild,",
            "Tidewell mayor",
        ),
        (
            "\"We will rebuild,\" mayor says after storm",
            "We will rebuild,",
            "mayor",
        ),
        ("Okafor vows: 'I will be back'", "I will be back", "Okafor"),
    ] {
        let text = format!("{headline}\n\n18 Dec 2014\n\nThe storm hit the town.\n");
        let got = brief(&text);
        assert_eq!(got.len(), 1, "{headline}");
        assert_eq!(got[0].0, QuoteKind::Direct, "{headline}");
        assert_eq!(got[0].1, words, "{headline}");
        assert_eq!(got[0].2, speaker, "{headline}");
    }
}

#[test]
fn a_subheading_between_paragraphs_stops_a_continuation() {
    let text =
        story("'We will fight this all the way to the end.\n\nThe hackers win\n\n'Another start.'");
    let quotes = quotes_of(&text);
    assert_eq!(quotes.len(), 2);
    assert_eq!(
        quotes[0].content.text(&text),
        "We will fight this all the way to the end."
    );
    assert!(quotes[0].rule.contains("never closed"));
}

#[test]
fn stray_and_unbalanced_marks_do_not_panic_or_pair_wrongly() {
    for body in [
        "”Odd” start and ’odd’ end.",
        "'“‘unbalanced quotes ” ( [ {.",
        "\"\"\"\"\"\"\".",
        "'''''''.",
        "“ ” ‘ ’ « » ' \".",
        "He said \"yes\" and \"no\" and \"maybe.",
    ] {
        let text = story(body);
        for q in quotes_of(&text) {
            assert!(q.span.contains(q.content), "{body}");
            assert!(text.get(q.span.start..q.span.end).is_some(), "{body}");
        }
    }
    let text = story("He said \"yes\" and \"no\" today.");
    let contents: Vec<&str> = brief(&text).iter().map(|q| q.1).collect();
    assert_eq!(contents, ["yes", "no"]);
}

fn assert_quotes_well_formed(text: &str) {
    let analysis = analyze(text);
    let story_parts: Vec<Span> = analysis
        .document
        .parts
        .iter()
        .filter(|p| p.kind.is_story_text())
        .map(|p| p.span)
        .collect();
    for q in &analysis.quotes {
        assert!(text.get(q.span.start..q.span.end).is_some());
        assert!(text.get(q.content.start..q.content.end).is_some());
        assert!(q.span.contains(q.content));
        let at = Span::new(q.span.start, q.span.start);
        assert!(
            story_parts.iter().any(|p| p.contains(at))
                || analysis
                    .document
                    .headline
                    .is_some_and(|h| h.contains(q.span))
        );
        for extra in [q.speaker, q.cue].into_iter().flatten() {
            assert!(text.get(extra.start..extra.end).is_some());
        }
        assert!(!q.rule.is_empty());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn quotes_are_well_formed_on_news_like_text(
        body in "([A-Z][a-z]{0,8}|[a-z]{1,8}|said|told|argues|according to|the|'s|s'|[.,:;!?'\"“”‘’«»()…–—-]| |\n\n){0,120}"
    ) {
        assert_quotes_well_formed(&story(&body));
    }

    #[test]
    fn quotes_are_well_formed_on_any_text(text in any::<String>()) {
        assert_quotes_well_formed(&text);
    }
}
