//! Claims on the seed story: one per story sentence, carrying its items,
//! certainty and selector; ids derived from content.

use expect_test::expect;
use parallax_core::analyze;
use parallax_core::corpus::bundled_stories;
use parallax_core::extract::Certainty;

fn seed(index: usize) -> String {
    let (stories, _) = bundled_stories();
    stories[0].articles[index].raw.to_string()
}

/// One line per claim: certainty, the count of each item kind, and the text.
fn render(text: &str) -> String {
    let analysis = analyze(text);
    analysis
        .claims
        .iter()
        .map(|c| {
            let certainty = format!("{:?}", c.certainty).to_lowercase();
            let source = c
                .source
                .map(|s| format!(" source=“{}”", s.text(text)))
                .unwrap_or_default();
            let words: String = c
                .span
                .text(text)
                .split_whitespace()
                .take(8)
                .collect::<Vec<_>>()
                .join(" ");
            format!(
                "{:<10} e{} q{} t{} quo{} att{}{source} | {words}…\n",
                certainty,
                c.entities.len(),
                c.quantities.len(),
                c.times.len(),
                c.quotes.len(),
                c.attributions.len(),
            )
        })
        .collect()
}

#[test]
fn first_seed_claims() {
    expect![[r#"
        hedged     e4 q0 t0 quo0 att1 source=“US officials” | Sony Pictures has caved to the demands of…
        hedged     e0 q1 t1 quo0 att1 | The November attack on the company's internal network…
        disputed   e3 q0 t0 quo1 att3 source=“the company” | Rumours circulated that the attackers, a group calling…
        hedged     e3 q0 t0 quo0 att1 | While Sony Pictures worked to keep the demands…
        hedged     e0 q0 t0 quo0 att0 | This was seemingly confirmed when a message purported…
        attributed e0 q0 t0 quo1 att1 source=“the message” | 'The world will be full of fear.…
        attributed e0 q0 t1 quo1 att2 source=“the message” | Remember the 11th of September 2001,' the message…
        attributed e0 q0 t0 quo1 att1 source=“the message” | 'We recommend you to keep yourself distant from…
        attributed e0 q0 t0 quo1 att1 source=“the message” | (If your house is nearby, you’d better leave.)'…
        hedged     e2 q1 t0 quo0 att0 | Facing those threats, numerous cinema chains in the…
        attributed e1 q0 t2 quo1 att2 source=“the company” | 'In light of the decision by the majority…
        attributed e0 q0 t0 quo1 att1 source=“the company” | 'We respect and understand our partners’ decision and,…
        attributed e1 q0 t0 quo1 att1 source=“the company” | 'Sony Pictures has been the victim of an…
        hedged     e0 q0 t0 quo1 att1 source=“the company” | Those who attacked us stole our intellectual property,…
        attributed e0 q0 t0 quo1 att1 source=“the company” | We are deeply saddened at this brazen effort…
        attributed e0 q0 t0 quo1 att1 source=“the company” | We stand by our filmmakers and their right…
        disputed   e5 q0 t0 quo1 att3 source=“the New York Times” | Meanwhile, the New York Times has claimed that…
        hedged     e2 q1 t0 quo0 att1 source=“the Los Angeles Times” | Regardless, Sony Pictures is clearly still suffering the…
    "#]].assert_eq(&render(&seed(0)));
}

#[test]
fn second_seed_claims() {
    expect![[r#"
        attributed e5 q0 t0 quo0 att1 source=“US government officials” | In a plot worthy of a B movie,…
        attributed e3 q1 t0 quo0 att1 | Unnamed officials in a number of reports have…
        hedged     e2 q0 t0 quo2 att1 source=“researchers at Cisco’s Talos Seucurity Intelligence and Research Group” | The attack has been described as “state sponsored”…
        asserted   e5 q0 t2 quo0 att0 | Yesterday Sony Pictures cancelled the 25 December theatrical…
        asserted   e2 q0 t1 quo0 att0 | The whole saga kicked off over a fortnight…
        asserted   e4 q2 t0 quo0 att0 | The seriousness of the attack grew as five…
        asserted   e0 q0 t0 quo0 att0 | This is an unprecedented situation where a movie…
        attributed e2 q0 t1 quo1 att2 source=“Sony Pictured Entertainment” | In a statement Sony Pictured Entertainment said: “In…
        attributed e0 q0 t0 quo1 att1 source=“Sony Pictured Entertainment” | We respect and understand our partners’ decision and,…
        attributed e1 q0 t0 quo1 att1 source=“Sony Pictured Entertainment” | “Sony Pictures has been the victim of an…
        hedged     e0 q0 t0 quo1 att1 source=“Sony Pictured Entertainment” | Those who attacked us stole our intellectual property,…
        attributed e0 q0 t0 quo1 att1 source=“Sony Pictured Entertainment” | We are deeply saddened at this brazen effort…
        attributed e0 q0 t0 quo1 att1 source=“Sony Pictured Entertainment” | We stand by our filmmakers and their right…
        disputed   e1 q0 t1 quo1 att1 source=“North Korea” | Last week North Korea denied it had any…
        disputed   e4 q0 t0 quo0 att1 source=“US government officials” | While US government officials have been cited by…
        asserted   e2 q0 t0 quo0 att0 | A key matter for concern for the Obama…
        hedged     e2 q0 t0 quo0 att0 | In a strange twist North Korea and its…
        asserted   e0 q0 t0 quo0 att0 | You couldn’t buy that kind of publicity.…
        asserted   e1 q1 t0 quo0 att0 | Now millions of people who would have happily…
    "#]].assert_eq(&render(&seed(1)));
}

#[test]
fn every_story_sentence_is_one_claim_and_nothing_else_is() {
    for index in 0..2 {
        let text = seed(index);
        let analysis = analyze(&text);
        assert_eq!(analysis.claims.len(), analysis.sentences.len());
        for (claim, sentence) in analysis.claims.iter().zip(&analysis.sentences) {
            assert_eq!(claim.span, sentence.span);
            assert_eq!(claim.selector.exact, claim.span);
            assert_eq!(claim.selector.prefix.end, claim.span.start);
            assert_eq!(claim.selector.suffix.start, claim.span.end);
            for &e in &claim.entities {
                assert!(claim.span.contains(analysis.entities[e].span));
            }
        }
        let ids: std::collections::HashSet<_> = analysis.claims.iter().map(|c| &c.id).collect();
        assert_eq!(ids.len(), analysis.claims.len(), "ids are unique");
        // Nothing from furniture, captions or bios.
        for claim in &analysis.claims {
            let claim_text = claim.span.text(&text);
            for not_story in [
                "Discuss this",
                "YouTube logo",
                "John Kennedy",
                "James Franco and Seth Rogen in the spoof",
            ] {
                assert!(!claim_text.contains(not_story), "{claim_text}");
            }
        }
    }
}

#[test]
fn ids_depend_on_content_not_position() {
    let text = seed(1);
    let moved = format!(
        "Headline\n\n18 Dec 2014\n\nA new first paragraph.\n\n{}",
        &text[text.find("In a plot").unwrap()..]
    );
    let ids = |t: &str| {
        analyze(t)
            .claims
            .into_iter()
            .map(|c| c.id)
            .collect::<Vec<_>>()
    };
    let original = ids(&text);
    let shifted = ids(&moved);
    assert_eq!(
        original[0], shifted[1],
        "same sentence, same id, wherever it stands"
    );
    let repeated = analyze("Title\n\nSame words here.\n\nSame words here.");
    assert_eq!(
        repeated.claims[1].id,
        format!("{}-2", repeated.claims[0].id)
    );
}

#[test]
fn certainty_on_the_lead_sentences() {
    let first = analyze(&seed(0));
    assert_eq!(
        first.claims[0].certainty,
        Certainty::Hedged,
        "“the likely source”"
    );
    let second = analyze(&seed(1));
    assert_eq!(
        second.claims[0].certainty,
        Certainty::Attributed,
        "“named North Korea as the source”"
    );
}
