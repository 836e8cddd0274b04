//! A claim in a second fact: a sentence that reports two things may sit in
//! the fact of each (and a rewrite's sentence stating the part its lede
//! leaves out makes that fact with it), but a speaker's quoted remark that echoes part of a
//! claim its own article already reports is not a second report of it, and
//! claims reporting one part each never make one fact, nor do claims that
//! share only a day.

use parallax_core::align::{ArticleInput, StoryAlignment, align};
use parallax_core::extract::{Analysis, analyze_story};

/// The analyses and the alignment of a story of one outlet per text.
fn aligned(texts: &[&str]) -> (Vec<Analysis>, StoryAlignment) {
    let ids: Vec<String> = (0..texts.len()).map(|i| format!("outlet{i}")).collect();
    let analyses = analyze_story(texts);
    let alignment = align(&ArticleInput::each_own_outlet(&ids, texts, &analyses));
    (analyses, alignment)
}

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
    let (analyses, alignment) = aligned(&texts);
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

/// The facts holding claim `claim` of article `article`.
fn facts_of(
    alignment: &parallax_core::align::StoryAlignment,
    article: usize,
    claim: usize,
) -> Vec<&parallax_core::align::Fact> {
    alignment
        .facts
        .iter()
        .filter(|f| {
            f.claims
                .iter()
                .any(|c| c.article == article && c.claim == claim)
        })
        .collect()
}

#[test]
fn the_two_parts_of_a_two_figure_sentence_stay_apart() {
    let texts = [
        "Carmaker recalls vans\n10 March 2026\n\n\
         The fault has been linked to 37 crashes and nine injuries, none of them fatal, the company said.\n",
        "Van recall\n10 March 2026\n\n\
         The fault has been linked to 37 crashes across Europe.\n",
        "Van recall: the injured\n11 March 2026\n\n\
         The fault has been linked to nine injuries, the authority said.\n",
        "Check your van\n11 March 2026\n\n\
         The carmaker said nine people had been injured in crashes linked to the fault.\n",
    ];
    let (analyses, alignment) = aligned(&texts);
    let last = |article: usize| analyses[article].claims.len() - 1;
    let crashes = facts_of(&alignment, 1, last(1));
    let injuries = facts_of(&alignment, 2, last(2));
    // Neither injuries-only claim sits with the crashes-only claim.
    assert!(
        crashes
            .iter()
            .all(|f| !f.claims.iter().any(|c| c.article == 2 || c.article == 3)),
        "a crashes-only claim and an injuries-only claim were put in one fact"
    );
    // The sentence stating both is in the fact of each part.
    for facts in [&crashes, &injuries] {
        assert!(
            facts
                .iter()
                .any(|f| f.claims.iter().any(|c| c.article == 0)),
            "the two-figure sentence is missing from a part's fact"
        );
    }
}

#[test]
fn a_count_and_a_sum_a_sentence_gives_together_stay_apart_in_rewrites() {
    // The wire sentence gives a count ("31 aircraft") and a sum; one
    // rewrite counts the fleet by another noun ("28 of its jets"), another
    // gives only the sum: they report different things.
    let texts = [
        "Airline grounds fleet\n11 March 2026\n\n\
         Skyra Air, which grounded its entire fleet of 31 aircraft, estimates that each day without flying costs it 4.2 million euros.\n",
        "Ash cloud chaos\n11 March 2026\n\n\
         National airline Skyra Air has grounded all 28 of its jets.\n\n\
         Airport sources said 710 flights were axed on Wednesday.\n",
        "Flights cancelled\n11 March 2026\n\n\
         Skyra Air, the national carrier, said each day of grounding would cost it about €4.2 million.\n\n\
         Aerolink Nord said 640 flights had been cancelled on Wednesday.\n",
        "Flights cancelled\n11 March 2026\n\n\
         Skyra Air, the national carrier, said each day of grounding would cost it about €4.2m.\n",
    ];
    let (_, alignment) = aligned(&texts);
    let jets = facts_of(&alignment, 1, 0);
    assert!(
        jets.iter()
            .all(|f| !f.claims.iter().any(|c| c.article == 2 || c.article == 3)),
        "the fleet count and the daily cost were put in one fact"
    );
}

#[test]
fn a_day_in_common_and_nothing_else_is_no_fact() {
    let texts = [
        "Volcano erupts\n11 March 2026\n\n\
         Lindholm Airport will stay shut until Friday, officials said.\n\n\
         The Morvatn volcano erupted late on Tuesday.\n\n\
         About 300 residents of three villages were evacuated overnight.\n",
        "Evacuees wait\n11 March 2026\n\n\
         Civil protection chief Maren Tofte said residents would not be allowed home before Friday at the earliest.\n\n\
         The Morvatn volcano began erupting late on Tuesday.\n\n\
         Some 412 people were moved from four villages.\n",
    ];
    let (_, alignment) = aligned(&texts);
    assert!(
        facts_of(&alignment, 0, 0)
            .iter()
            .all(|f| f.claims.len() == 1),
        "two sentences sharing only a day were put in one fact"
    );
}

#[test]
fn a_small_count_of_other_things_is_no_number_in_common() {
    // "five wins" and "five times" count different things: a story has
    // many small counts, and the same small number is chance.
    let texts = [
        "Chess: Rebane out\n18 October 2026\n\n\
         Rebane's rating of 2598 made him the event's second seed, and he had five wins from his first six games.\n\n\
         The federation has widened its review to 14 of Rebane's games.\n\n\
         Ilya Korsgaard won the Brenholt International Open on Sunday.\n",
        "Chess cheat shame\n18 October 2026\n\n\
         Rebane was hauled out of his game against tournament leader Ilya Korsgard after sneaking off to the loo five times.\n\n\
         But chess bosses have launched a probe into dozens of his games.\n\n\
         Korsgard went on to win the tournament on Sunday.\n",
    ];
    let (_, alignment) = aligned(&texts);
    assert!(
        facts_of(&alignment, 0, 0)
            .iter()
            .all(|f| f.claims.len() == 1),
        "five wins and five toilet visits were put in one fact"
    );
}

#[test]
fn sentences_about_different_people_are_no_fact() {
    // Each opens on a different person as its subject, and neither names
    // the other: one day and one word in common are not one fact.
    let texts = [
        "Korsgaard wins\n19 October 2026\n\n\
         Anders Korsgaard won the Brenholt International Open on Sunday with 8 points from nine rounds.\n\n\
         Tomas Rebane had led the field after two rounds.\n\n\
         \"I am delighted,\" Korsgaard said, adding that he would defend his title next year.\n",
        "Rebane out\n19 October 2026\n\n\
         Tomas Rebane was disqualified on Sunday morning, before the final round, according to two players.\n\n\
         His father said he had been unwell all week.\n",
    ];
    let (_, alignment) = aligned(&texts);
    assert!(
        facts_of(&alignment, 0, 0)
            .iter()
            .all(|f| f.claims.len() == 1),
        "a win and another player's disqualification were put in one fact"
    );
    // A full name and its surname alone are one person, even where the
    // surname is two people's (Tomas and Andres Rebane).
    let texts = [
        "Rebane out\n19 October 2026\n\n\
         Tomas Rebane was disqualified on Sunday morning before the final round, the organisers said.\n",
        "Rebane out\n19 October 2026\n\n\
         Grandmaster Tomas Rebane has been the pride of Selvik for years.\n\n\
         Rebane was disqualified on Sunday morning before the final round, according to two players.\n\n\
         His father, Andres Rebane, said his son had been unwell all week.\n",
    ];
    let (_, alignment) = aligned(&texts);
    assert!(
        facts_of(&alignment, 0, 0)
            .iter()
            .any(|f| f.claims.len() == 2),
        "a full name and its surname were taken for two people"
    );
    // Two sources of one statement are one fact with an attribution
    // difference, whoever they are.
    let texts = [
        "Port closed\n14 March 2023\n\n\
         Lena Okafor said the port of Dunmere would stay closed until Friday.\n",
        "Port closed\n14 March 2023\n\n\
         Piet Vanterpool said the port of Dunmere would stay closed until Friday.\n",
    ];
    let (_, alignment) = aligned(&texts);
    assert!(
        facts_of(&alignment, 0, 0)
            .iter()
            .any(|f| f.claims.len() == 2),
        "two sources of one statement were kept apart"
    );
}

#[test]
fn a_figure_and_its_unit_are_one_thing_in_common() {
    // "5 km" and the word "km" in both: one figure in common, not a figure
    // and a word; a slick's width is not an exclusion zone's.
    let texts = [
        "Tanker aground\n4 November 2026\n\n\
         From the harbour wall the slick looked about 5 km wide, fishermen said.\n\n\
         The tanker ran aground on the Harrow Teeth on Tuesday.\n\n\
         Volunteers cleaned birds on the sands.\n",
        "Slick spreads\n4 November 2026\n\n\
         The coastguard has imposed a 5 km exclusion zone around the ship.\n\n\
         The tanker ran aground on the Harrow Teeth rocks on Tuesday.\n\n\
         Oil washed up along the coast.\n",
    ];
    let (_, alignment) = aligned(&texts);
    assert!(
        facts_of(&alignment, 0, 0)
            .iter()
            .all(|f| f.claims.len() == 1),
        "a slick's width and an exclusion zone were put in one fact"
    );
}

#[test]
fn a_claim_dated_years_apart_joins_no_second_fact() {
    // The title won years ago is another win than Sunday's, however many
    // words they share: no second fact for the lede of the third outlet.
    let texts = [
        "Varenne wins\n15 June 2026\n\n\
         Luca Varenne won a record 14th major title at Sallow Park on Sunday.\n\n\
         Rain stopped play for 47 minutes in the third set.\n",
        "Record for Varenne\n15 June 2026\n\n\
         Luca Varenne won a record 14th major title at Sallow Park on Sunday.\n\n\
         Rain stopped play for 47 minutes in the third set.\n",
        "Elmquist beaten\n15 June 2026\n\n\
         He won the last of his nine major titles at Sallow Park in 2022.\n\n\
         Rain stopped play for 47 minutes in the third set.\n",
        "Elmquist's last title\n15 June 2026\n\n\
         He won the last of his nine major titles at Sallow Park in 2022.\n\n\
         Rain stopped play for 47 minutes in the third set.\n",
    ];
    let (_, alignment) = aligned(&texts);
    assert!(
        facts_of(&alignment, 0, 0)
            .iter()
            .all(|f| f.claims.iter().all(|c| c.article < 2)),
        "a title won in 2022 joined the title won on Sunday"
    );
}

#[test]
fn the_verb_giving_a_figure_is_nothing_in_common() {
    // Two sources "put" two different things at figures on one day: the
    // verb and the day are all they share.
    let texts = [
        "Spill grows\n5 November 2026\n\n\
         Ostravel put the spill at 2,600 tonnes in a statement to insurers on Wednesday.\n\n\
         The tanker ran aground on the Harrow Teeth on Tuesday.\n",
        "Birds oiled\n5 November 2026\n\n\
         The Varnholm Wildlife Trust put the number of oiled seabirds at 1,140 by Wednesday evening.\n\n\
         The tanker ran aground on the Harrow Teeth rocks on Tuesday.\n",
    ];
    let (_, alignment) = aligned(&texts);
    assert!(
        facts_of(&alignment, 0, 0)
            .iter()
            .all(|f| f.claims.len() == 1),
        "a spill's size and a count of birds were put in one fact"
    );
}

#[test]
fn a_claim_stating_the_part_its_article_s_lede_leaves_out_makes_a_second_fact() {
    // The wire sentence gives the rise and how many teachers it covers; a
    // rewrite gives the rise in its lede and the count in a sentence of its
    // own, which states that part of the wire sentence.
    let texts = [
        "Teachers win pay rise\n14 March 2023\n\n\
         Teachers in Velmark will get a 9.5% pay rise over three years under a deal agreed on Monday.\n\n\
         Around 112,000 teachers are covered by the agreement, according to the teachers' federation.\n\n\
         Schools in Brennick were closed for two days during last month's strike.\n\n\
         The head of Lindgate school said parents had been patient.\n",
        "Teachers' pay deal agreed\n14 March 2023\n\n\
         The agreement gives some 112,000 state school teachers a rise of 9.5% over three years, the ministry said on Monday.\n\n\
         The opposition said the deal came too late for pupils who lost weeks of lessons.\n\n\
         Union leaders will put the offer to a ballot of members next week.\n",
        "Pay deal for teachers\n14 March 2023\n\n\
         The agreement gives about 112,000 state school teachers a rise of 9.5 per cent over three years, the ministry said on Monday.\n\n\
         The finance ministry had warned that a larger rise would mean cuts elsewhere.\n\n\
         Class sizes will be capped at 28 pupils by 2028.\n",
    ];
    let (analyses, alignment) = aligned(&texts);
    let covered = analyses[0]
        .claims
        .iter()
        .position(|c| c.span.text(texts[0]).contains("covered"))
        .expect("the count is a claim");
    let facts = facts_of(&alignment, 0, covered);
    assert!(
        facts
            .iter()
            .any(|f| f.claims.iter().any(|c| c.article != 0)),
        "the count stands alone: {:?}",
        alignment
            .facts
            .iter()
            .map(|f| (&f.label, f.claims.len()))
            .collect::<Vec<_>>()
    );
}
