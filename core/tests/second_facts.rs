//! A claim in a second fact: a sentence that reports two things may sit in
//! the fact of each, but a speaker's quoted remark that echoes part of a
//! claim its own article already reports is not a second report of it.

use parallax_core::align::{ArticleInput, align};
use parallax_core::extract::analyze_story;

#[test]
fn a_quote_echoing_a_claim_its_article_reports_is_no_second_fact() {
    let texts = [
        "Water company warns of scam calls\n14 March 2023\n\n\
         Dunmore Water said on Monday that hackers had stolen the addresses of 40,000 customers.\n\n\
         Customers should be wary of calls claiming to come from Dunmore Water, police said.\n\n\
         \"Never give your bank details to anyone who calls you,\" consumer adviser Mara Lind said.\n",
        "Dunmore Water customers warned\n14 March 2023\n\n\
         Hackers stole the addresses of 40,000 Dunmore Water customers, the company said on Monday.\n\n\
         Customers should be wary of calls that claim to come from Dunmore Water and ask for bank details, police warned.\n",
    ];
    let ids = ["outlet0".to_string(), "outlet1".to_string()];
    let analyses = analyze_story(&texts);
    let inputs = ArticleInput::each_own_outlet(&ids, &texts, &analyses);
    let alignment = align(&inputs);
    let quote = analyses[0]
        .claims
        .iter()
        .position(|c| !c.quotes.is_empty())
        .expect("the quote is a claim");
    let facts: Vec<_> = alignment
        .facts
        .iter()
        .filter(|f| f.claims.iter().any(|c| c.article == 0 && c.claim == quote))
        .collect();
    assert!(
        facts.iter().all(|f| f.claims.len() == 1),
        "the quote joined {:?}",
        facts.iter().map(|f| &f.label).collect::<Vec<_>>()
    );
}
