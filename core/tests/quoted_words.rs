//! Outlets that quote the same words report the same thing, however little
//! else their sentences share: a short quote whose words are mostly
//! function words ("That could take weeks, not days") still makes one
//! fact, and a sentence sharing only a reporting verb with it does not
//! join it.

use parallax_core::align::{ArticleInput, align};
use parallax_core::extract::analyze_story;

#[test]
fn the_same_short_quote_in_two_outlets_is_one_fact() {
    let texts = [
        "Bridge closed after crack found\n4 March 2026\n\n\
         Diversions add up to 25 minutes to journeys between Westmere and the port, the authority said.\n\n\
         \"That could take weeks, not days.\"\n",
        "Bridge shut indefinitely\n5 March 2026\n\n\
         \"That could take weeks, not days,\" the authority's chief engineer, Lena Moravec, told reporters, adding that divers would inspect the piers on Thursday.\n",
    ];
    let ids = ["outlet0".to_string(), "outlet1".to_string()];
    let analyses = analyze_story(&texts);
    let inputs = ArticleInput::each_own_outlet(&ids, &texts, &analyses);
    let alignment = align(&inputs);
    let claim_of = |article: usize, words: &str| {
        analyses[article]
            .claims
            .iter()
            .position(|c| c.span.text(texts[article]).contains(words))
            .expect("the sentence is a claim")
    };
    let (quote, diversions, told) = (
        claim_of(0, "weeks, not days."),
        claim_of(0, "Diversions"),
        claim_of(1, "weeks, not days,"),
    );
    let fact = alignment
        .facts
        .iter()
        .find(|f| f.claims.iter().any(|c| c.article == 1 && c.claim == told))
        .expect("the told sentence is in a fact");
    let claims: Vec<(usize, usize)> = fact.claims.iter().map(|c| (c.article, c.claim)).collect();
    assert!(claims.contains(&(0, quote)), "{claims:?}");
    assert!(!claims.contains(&(0, diversions)), "{claims:?}");
}
