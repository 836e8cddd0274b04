//! Differences compared by meaning: the same amount in other units or
//! rounded is no difference, different values for one measured thing are a
//! number conflict naming the outlets on each side, a misspelt name is a
//! spelling difference (wording), and substantive differences are told apart
//! from wording. Each test is a tiny story of two to four outlets whose
//! sentences state one fact.

use parallax_core::align::{
    ArticleInput, ClaimRef, Difference, DifferenceKind, Fact, StoryAlignment, align,
};
use parallax_core::extract::{Analysis, analyze_story};

/// The analyses and the alignment of a story of one outlet per text.
fn aligned(texts: &[String]) -> (Vec<Analysis>, StoryAlignment) {
    let ids: Vec<String> = (0..texts.len()).map(|i| format!("outlet{i}")).collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let analyses = analyze_story(&refs);
    let alignment = align(&ArticleInput::each_own_outlet(&ids, &refs, &analyses));
    (analyses, alignment)
}

/// The differences of the fact holding every outlet's first sentence.
fn differences(sentences: &[&str]) -> Vec<Difference> {
    let texts: Vec<String> = sentences
        .iter()
        .map(|s| format!("Headline\n14 March 2023\n\n{s}\n"))
        .collect();
    let (_, alignment) = aligned(&texts);
    let fact = alignment
        .facts
        .iter()
        .find(|f| f.claims.len() == sentences.len())
        .unwrap_or_else(|| {
            panic!(
                "not one fact: {:?}",
                alignment
                    .facts
                    .iter()
                    .map(|f| f.claims.len())
                    .collect::<Vec<_>>()
            )
        });
    fact.differences.clone()
}

/// The fact `pick` chooses of a story of one outlet per body (each body a
/// paragraph of sentences).
fn fact_of(bodies: &[&str], pick: impl Fn(&Fact) -> bool) -> Fact {
    let texts: Vec<String> = bodies
        .iter()
        .map(|s| format!("Headline\n14 March 2023\n\n{s}\n"))
        .collect();
    let (_, alignment) = aligned(&texts);
    let labels: Vec<(String, usize)> = alignment
        .facts
        .iter()
        .map(|f| (f.label.clone(), f.claims.len()))
        .collect();
    alignment
        .facts
        .into_iter()
        .find(|f| pick(f))
        .unwrap_or_else(|| panic!("no such fact: {labels:?}"))
}

/// The claims of the fact that holds the first body's first claim.
fn fact_of_first(bodies: &[&str]) -> Vec<ClaimRef> {
    fact_of(bodies, |f| f.claims.iter().any(|c| c.article == 0)).claims
}

/// The first body's first claim shares no fact with body `other`.
fn assert_apart(bodies: &[&str], other: usize) {
    let claims = fact_of_first(bodies);
    assert!(claims.iter().all(|c| c.article != other), "{claims:?}");
}

/// The first body's first claim shares a fact with body `other`.
fn assert_together(bodies: &[&str], other: usize) {
    let claims = fact_of_first(bodies);
    assert!(claims.iter().any(|c| c.article == other), "{claims:?}");
}

fn of_kind(diffs: &[Difference], kind: DifferenceKind) -> Vec<String> {
    diffs
        .iter()
        .filter(|d| d.kind == kind)
        .map(|d| d.detail.clone())
        .collect()
}

fn numbers(sentences: &[&str]) -> Vec<String> {
    of_kind(&differences(sentences), DifferenceKind::Number)
}

#[test]
fn the_same_distance_in_other_units_is_no_difference() {
    let found = numbers(&[
        "The epicentre was 40 km north of Marrenfeld, the institute said on Monday.",
        "The epicentre was about 25 miles north of Marrenfeld, the institute said on Monday.",
    ]);
    assert!(found.is_empty(), "{found:?}");
    let found = numbers(&[
        "The plane came down around 12 km from the runway of Port Halden airport.",
        "The plane came down roughly 7.5 miles from the runway of Port Halden airport.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_metric_ton_is_a_tonne() {
    // "Metric tons" are tonnes; a ton alone may be a short ton.
    let found = numbers(&[
        "The ship was carrying 86,000 tonnes of crude from the Sarn terminal to the refinery.",
        "The ship was carrying 86,000 metric tons of crude from the Sarn terminal to the refinery.",
    ]);
    assert!(found.is_empty(), "{found:?}");
    let found = numbers(&[
        "The ship was carrying 86,000 tonnes of crude from the Sarn terminal to the refinery.",
        "The ship was carrying 95,000 metric tons of crude from the Sarn terminal to the refinery.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn speeds_and_rainfall_compare_by_value_in_any_unit() {
    // 80 km/h is about 50 mph: the same gusts.
    let found = numbers(&[
        "Gusts of up to 50 mph drove the fire across the Karsholt river on Monday.",
        "Gusts of up to 80 km/h drove the fire across the Karsholt river on Monday.",
    ]);
    assert!(found.is_empty(), "{found:?}");
    // 178 km/h is not 190 km/h, nor about 110 mph.
    let found = numbers(&[
        "The peak gust reached 178 km/h at the harbour mouth shortly before midnight.",
        "The peak gust reached 190 km/h at the harbour mouth shortly before midnight.",
        "The peak gust reached about 110 miles an hour at the harbour mouth shortly before midnight.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("178 km/h"), "{found:?}");
    // Millimetres of rain: 310 against nearly 340 is a conflict; 12.2
    // inches is 310 mm.
    let found = numbers(&[
        "Up to 310 mm of rain fell in the hills above Saltmere on Monday.",
        "Nearly 340 mm of rain fell in the hills above Saltmere on Monday.",
        "Rainfall reached 12.2 inches in the hills above Saltmere on Monday.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("340 mm"), "{found:?}");
    assert!(
        !found[0].contains("12.2") || found[0].contains("310"),
        "{found:?}"
    );
}

#[test]
fn a_rewrite_with_another_figure_joins_the_fact_it_disputes() {
    // Two outlets run the wire sentence; the third says only "closed 6.8%
    // lower", sharing little else with it: its figure for the shares'
    // fall is the difference, not a reason to leave it out.
    let found = numbers(&[
        "Tellgard shares fell 7.2% after the company disclosed a cyberattack. \
         The attackers had demanded a ransom. The regulator said it would investigate.",
        "Tellgard shares fell 7.2% after the company disclosed a cyberattack. \
         Police in Varnholm have opened an inquiry.",
        "Shares in Tellgard closed 6.8% lower in Varnholm. \
         The chief executive apologised to customers in a video message.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("6.8%") && found[0].contains("7.2%"),
        "{found:?}"
    );
}

#[test]
fn a_figure_far_from_the_facts_is_another_thing() {
    // An intraday low "as much as 11%" is not the close reported at 7.2%:
    // figures that far apart stay two facts.
    let sentences = [
        "Tellgard shares fell 7.2% after the company disclosed a cyberattack. \
         The attackers had demanded a ransom. The regulator said it would investigate.",
        "Tellgard shares fell 7.2% after the company disclosed a cyberattack. \
         Police in Varnholm have opened an inquiry.",
        "Shares in Tellgard had dropped as much as 11% in Varnholm. \
         The chief executive apologised to customers in a video message.",
    ];
    let texts: Vec<String> = sentences
        .iter()
        .map(|s| format!("Headline\n14 March 2023\n\n{s}\n"))
        .collect();
    let ids: Vec<String> = (0..texts.len()).map(|i| format!("outlet{i}")).collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let analyses = analyze_story(&refs);
    let inputs = ArticleInput::each_own_outlet(&ids, &refs, &analyses);
    let alignment = align(&inputs);
    assert!(
        !alignment
            .facts
            .iter()
            .any(|f| f.claims.iter().any(|c| c.article == 2 && c.claim == 0)
                && f.claims.iter().any(|c| c.article == 0)),
        "{:?}",
        alignment
            .facts
            .iter()
            .map(|f| &f.claims)
            .collect::<Vec<_>>()
    );
}

#[test]
fn the_end_and_the_middle_of_a_year_are_different_dates() {
    let diffs = differences(&[
        "The cuts at the Fellmoor plant are to be completed by the end of 2027, the company said.",
        "The cuts at the Fellmoor plant are to be made by the middle of 2027, the company said.",
    ]);
    let dates = of_kind(&diffs, DifferenceKind::Date);
    assert_eq!(dates.len(), 1, "{diffs:?}");
    // The end of the year and its last months agree.
    let diffs = differences(&[
        "The cuts at the Fellmoor plant are to be completed by the end of 2027, the company said.",
        "The cuts at the Fellmoor plant are to be completed in late 2027, the company said.",
    ]);
    assert!(
        of_kind(&diffs, DifferenceKind::Date).is_empty(),
        "{diffs:?}"
    );
}

#[test]
fn a_deadline_after_a_figure_with_a_thousands_comma_is_still_a_deadline() {
    // "will … 4,000 … by 2029": the comma of the figure ends no clause.
    let diffs = differences(&[
        "The ministry said it would hire 3,500 teachers and cap primary classes at 28 pupils by 2028.",
        "The ministry will hire 4,000 teachers and cap primary classes at 28 pupils by 2029.",
    ]);
    assert_eq!(of_kind(&diffs, DifferenceKind::Date).len(), 1, "{diffs:?}");
}

#[test]
fn another_figure_beside_an_agreeing_one_is_for_something_else() {
    // The third outlet gives the company's figure and, in another
    // sentence, the analysts' higher one: the analysts' estimate is not
    // the outlet's version of the company's figure.
    let diffs = differences(&[
        "Varnholt expects the recall to cost about 210 million euros, which it will book in the first quarter. \
         The recall covers vehicles built since 2022.",
        "Varnholt expects the recall to cost about 210 million euros, which it will book in the first quarter. \
         Dealers will contact owners by letter.",
        "Varnholt expects the recall to cost about €210m, which it will book in the first quarter. \
         Analysts at Brauer Bank put the total cost at as much as 260 million euros once lost sales are counted.",
    ]);
    assert!(
        of_kind(&diffs, DifferenceKind::Number).is_empty(),
        "{diffs:?}"
    );
}

#[test]
fn a_rounded_amount_is_no_difference() {
    let found = numbers(&[
        "Meridian Foods agreed to buy Halvorsen Dairy for $4.23 billion in cash on Monday.",
        "Meridian Foods agreed to buy Halvorsen Dairy for more than $4 billion in cash on Monday.",
        "Meridian Foods agreed to buy Halvorsen Dairy for $4.2bn in cash on Monday.",
    ]);
    assert!(found.is_empty(), "{found:?}");
    let found = numbers(&[
        "The treasurer stole £2.3 million from Brackwell council over nine years.",
        "The treasurer stole more than £2 million from Brackwell council over nine years.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn different_counts_of_one_thing_conflict_naming_the_outlets() {
    let found = numbers(&[
        "The earthquake in Upper Dellan province killed at least nine people, officials said.",
        "The earthquake in Upper Dellan province killed at least nine people, officials said.",
        "The earthquake in Upper Dellan province killed 15 people, officials said.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("outlet0")
            && found[0].contains("outlet1")
            && found[0].contains("outlet2"),
        "{found:?}"
    );
    assert!(found[0].contains("15"), "{found:?}");
}

#[test]
fn an_early_lower_bound_differs_from_the_count() {
    let found = numbers(&[
        "At least 40 people were killed when the Kestra Air plane crashed near Port Halden.",
        "Forty-eight of the 50 people on board were killed when the Kestra Air plane crashed near Port Halden.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("40") && found[0].contains("Forty-eight"),
        "{found:?}"
    );
}

#[test]
fn more_than_a_round_figure_allows_what_it_rounds_down() {
    // "More than 50" is how a writer rounds 58 down; "at least 40" is a
    // floor counted so far (above).
    let found = numbers(&[
        "More than 50 planned operations have been called off at Harrowmere General.",
        "Harrowmere General has called off 58 planned operations.",
    ]);
    assert!(found.is_empty(), "{found:?}");
    let found = numbers(&[
        "More than 50 planned operations have been called off at Harrowmere General.",
        "Harrowmere General has called off 75 planned operations.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn about_a_round_figure_differs_from_a_distant_one() {
    let found = numbers(&[
        "Around 2,000 people spent the night in tents in Marrenfeld after the earthquake.",
        "Some 2,400 people spent the night in tents in Marrenfeld after the earthquake.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn about_a_figure_allows_its_rounding_not_a_neighbouring_figure() {
    // "about 3,200" rounds to the hundred: 3,350 is another figure.
    let found = numbers(&[
        "The wreck off Ilvos is believed to be about 3,200 years old, archaeologists said.",
        "The wreck off Ilvos is around 3,350 years old, radiocarbon dates suggest.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    // A figure "about" rounds is no difference.
    let found = numbers(&[
        "The wreck off Ilvos is believed to be about 3,200 years old, archaeologists said.",
        "The wreck off Ilvos is 3,180 years old, radiocarbon dates suggest.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn about_a_figure_ending_in_fifty_allows_a_rounding_to_fifty() {
    // A writer rounding 340 says "about 350": no difference.
    let found = numbers(&[
        "The Kessler mill employs about 350 staff, most of them from nearby villages.",
        "The Kessler mill employs 340 people, most of them from nearby villages.",
    ]);
    assert!(found.is_empty(), "{found:?}");
    // Beyond the half step it is another figure.
    let found = numbers(&[
        "The Kessler mill employs about 350 staff, most of them from nearby villages.",
        "The Kessler mill employs 320 people, most of them from nearby villages.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn a_bound_on_a_whole_count_allows_the_next_whole_number() {
    // "fewer than three properties" is one or two.
    let found = numbers(&[
        "Landlords who own fewer than three properties will be able to claim compensation from the fund.",
        "Owners of one or two properties will be able to claim compensation from the fund.",
    ]);
    assert!(found.is_empty(), "{found:?}");
    let found = numbers(&[
        "More than two ferries were cancelled at Kessel harbour on Sunday.",
        "Three ferries were cancelled at Kessel harbour on Sunday.",
    ]);
    assert!(found.is_empty(), "{found:?}");
    // Beyond it, another figure.
    let found = numbers(&[
        "Landlords who own fewer than three properties will be able to claim compensation from the fund.",
        "Owners of four properties will be able to claim compensation from the fund.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn of_several_figures_the_one_for_the_same_period_is_compared() {
    let found = numbers(&[
        "Nurses in Velmark will receive 4% this year, 3% in 2027 and 2.5% in 2028 under the pay deal.",
        "Nurses in Velmark will get 4.5% this year and a further 5% spread over 2027 and 2028 under the pay deal.",
    ]);
    assert!(
        found
            .iter()
            .any(|d| d.contains("“4%”") && d.contains("“4.5%”")),
        "{found:?}"
    );
}

#[test]
fn a_workforce_counted_as_staff_or_workers_is_one_count() {
    let found = numbers(&[
        "A total of 41 workers were on the night shift when the roof of the Kessler mill fell in, the company said.",
        "The company said on Sunday that 44 staff had been working the night shift when the roof of the Kessler mill fell in.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("41") && found[0].contains("44"),
        "{found:?}"
    );
}

#[test]
fn percentages_and_magnitudes_compare_by_value() {
    let found = numbers(&[
        "Halvorsen Dairy shares rose 27 per cent in morning trade in Oslo.",
        "Halvorsen Dairy shares rose 27% in morning trade in Oslo.",
    ]);
    assert!(found.is_empty(), "{found:?}");
    let found = numbers(&[
        "A magnitude 6.4 earthquake struck Upper Dellan province before dawn on Monday.",
        "A 6.2-magnitude earthquake struck Upper Dellan province before dawn on Monday.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn number_words_read_as_numbers() {
    let found = numbers(&[
        "Eleven miners were rescued from the flooded Tarrow colliery on Sunday.",
        "11 miners were rescued from the flooded Tarrow colliery on Sunday.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn minutes_of_a_match_conflict_and_scores_read_alike() {
    let found = numbers(&[
        "Luka Brandt put Harwick Rovers ahead in the 52nd minute at Kingsgate Stadium.",
        "Luka Brandt put Harwick Rovers ahead in the 54th minute at Kingsgate Stadium.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    let found = numbers(&[
        "Luka Brandt put Harwick Rovers ahead after 12 minutes at Kingsgate Stadium.",
        "Luka Brandt put Harwick Rovers ahead in the 12th minute at Kingsgate Stadium.",
    ]);
    assert!(found.is_empty(), "{found:?}");
    let found = numbers(&[
        "Harwick Rovers won 3-1 against Castlemere United in the Aldermoor Cup final.",
        "Harwick Rovers won 3–1 against Castlemere United in the Aldermoor Cup final.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_part_is_not_compared_with_the_whole() {
    // The complement: the last kilometres are not the distance run.
    let found = numbers(&[
        "Kiprono Mutai pulled away from the leading group of the Halden marathon after 35 km.",
        "Kiprono Mutai pulled away from the leading group of the Halden marathon in the final seven kilometres.",
    ]);
    assert!(found.is_empty(), "{found:?}");
    // A sum and its parts.
    let found = numbers(&[
        "The Kestra Air flight to Vessby was carrying 50 people, including four crew.",
        "The Kestra Air flight to Vessby was carrying 46 passengers and four crew.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn wholes_with_parts_on_both_sides_are_compared() {
    // Each sentence gives a whole and a part of it ("two of them"): the
    // parts agree, the wholes are two figures for one thing.
    let found = numbers(&[
        "Fourteen children are now in hospital with measles in Tarrow, two of them in intensive care.",
        "Eleven children are in hospital with measles in Tarrow, two of them in intensive care.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("Fourteen") && found[0].contains("Eleven"),
        "{found:?}"
    );
    // A whole is still not set against the other side's part.
    let found = numbers(&[
        "Fourteen children are now in hospital with measles in Tarrow, two of them in intensive care.",
        "Three children are in intensive care with measles in Tarrow.",
    ]);
    assert!(found.iter().all(|f| !f.contains("Fourteen")), "{found:?}");
}

#[test]
fn a_misspelt_name_is_a_spelling_difference_not_a_name_conflict() {
    let diffs = differences(&[
        "Kestra Air chief executive Henrik Aalto called the crash the darkest day for the airline.",
        "Kestra Air chief executive Henrik Alto called the crash the darkest day for the airline.",
    ]);
    let spelling = of_kind(&diffs, DifferenceKind::Spelling);
    assert_eq!(spelling.len(), 1, "{diffs:?}");
    assert!(spelling[0].contains("Aalto") && spelling[0].contains("Alto"));
    assert!(
        of_kind(&diffs, DifferenceKind::Name).is_empty(),
        "{diffs:?}"
    );
    assert!(!DifferenceKind::Spelling.is_substantive());
}

#[test]
fn a_slip_in_one_mention_is_a_spelling_difference_though_the_article_spells_it_right_later() {
    // The second outlet misspells the rider once and spells him right
    // after: one person (one entity key), so still a spelling difference,
    // not two people whose names are close.
    let diffs = differences(&[
        "Tomas Verhaar of Kestrel-Norvane won the seventh stage of the Tour of Arvenne on Wednesday. \
         Verhaar now trails the overall leader by 40 seconds.",
        "Dunmore rider Tomas Verhar won the seventh stage of the Tour of Arvenne on Wednesday. \
         His team manager said Verhaar had earned the win.",
    ]);
    let spelling = of_kind(&diffs, DifferenceKind::Spelling);
    assert_eq!(spelling.len(), 1, "{diffs:?}");
    assert!(spelling[0].contains("Verhaar") && spelling[0].contains("Verhar"));
}

#[test]
fn a_misspelt_source_is_one_source() {
    // The second outlet names her with no cue of a person (a guess of
    // another kind): the story-wide merge still makes her one source.
    let diffs = differences(&[
        "\"We will not reopen the bridge until we are certain it is safe,\" said Lena Moravec, the authority's chief engineer.",
        "Chief engineer Lena Moravek said the bridge would stay shut \"until we are certain it is safe\".",
    ]);
    assert_eq!(
        of_kind(&diffs, DifferenceKind::Spelling).len(),
        1,
        "{diffs:?}"
    );
    assert!(
        of_kind(&diffs, DifferenceKind::Attribution).is_empty(),
        "{diffs:?}"
    );
}

#[test]
fn a_speaker_known_only_by_age_is_no_other_source() {
    // "said the 29-year-old" with no one the age resolves to: who, the
    // claim does not say, as with an unresolved "he said".
    let diffs = differences(&[
        "\"I have waited my whole career for a final,\" Keller said.",
        "\"I have waited my whole career for a final,\" said the 29-year-old, who joined from Hamburg last summer.",
    ]);
    assert!(
        of_kind(&diffs, DifferenceKind::Attribution).is_empty(),
        "{diffs:?}"
    );
}

#[test]
fn a_shorter_form_of_the_same_name_is_no_difference() {
    let diffs = differences(&[
        "Valtera Biologics said it would apply for approval of the RSV vaccine later this year.",
        "Valtera said it would apply for approval of the RSV vaccine later this year.",
    ]);
    assert!(
        of_kind(&diffs, DifferenceKind::Name).is_empty(),
        "{diffs:?}"
    );
    assert!(
        of_kind(&diffs, DifferenceKind::Spelling).is_empty(),
        "{diffs:?}"
    );
}

#[test]
fn different_numbers_in_a_name_are_a_name_conflict() {
    let diffs = differences(&[
        "Investigators blamed Battalion 7 for the shelling of the Tarrow bridge on Sunday.",
        "Investigators blamed Battalion 17 for the shelling of the Tarrow bridge on Sunday.",
    ]);
    let names = of_kind(&diffs, DifferenceKind::Name);
    assert_eq!(names.len(), 1, "{diffs:?}");
    assert!(names[0].contains("Battalion 7") && names[0].contains("Battalion 17"));
}

#[test]
fn substantive_kinds_are_told_apart_from_wording() {
    use DifferenceKind::*;
    for kind in [Number, Name, Date, Certainty, Attribution] {
        assert!(kind.is_substantive(), "{kind:?}");
    }
    for kind in [Spelling, Quote, Specificity] {
        assert!(!kind.is_substantive(), "{kind:?}");
    }
}

#[test]
fn figures_are_compared_across_all_outlets_not_only_with_the_first() {
    // The first outlet gives no toll; the second and third disagree.
    let found = numbers(&[
        "The Orvane ferry capsized off the coast of Tessaly late on Friday, the coastguard said.",
        "At least 30 people died when the Orvane ferry capsized off the coast of Tessaly on Friday.",
        "The Orvane ferry carrying 60 people capsized off the coast of Tessaly on Friday, drowning 41 of them.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    // The part ("41 of them") is set against the toll, not the whole (60).
    assert!(
        found[0].contains("At least 30") && found[0].contains("41 of them"),
        "{found:?}"
    );
    assert!(!found[0].contains("60"), "{found:?}");
}

#[test]
fn a_figure_already_in_conflict_gathers_its_outlets() {
    let found = numbers(&[
        "The wildfire near Bressan has destroyed 120 homes, the fire service said.",
        "The wildfire near Bressan has destroyed 150 homes, the fire service said.",
        "The wildfire near Bressan has destroyed 150 homes, the fire service said.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("outlet1 and outlet2 say “150 homes”"),
        "{found:?}"
    );
}

#[test]
fn a_conflict_says_as_of_when_the_sentences_give_times() {
    let found = numbers(&[
        "The flooding in the Carrow valley had killed at least 11 people by Monday, officials said.",
        "The flooding in the Carrow valley had killed at least 17 people by Wednesday evening, officials said.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("as of “Monday”") && found[0].contains("as of “Wednesday evening”"),
        "{found:?}"
    );
}

fn attributions(sentences: &[&str]) -> Vec<String> {
    of_kind(&differences(sentences), DifferenceKind::Attribution)
}

#[test]
fn its_officer_speaks_for_the_body_the_claim_is_about() {
    // "its secretary general Jonas Pell": the federation's, one source
    // with "the federation".
    let found = attributions(&[
        "The federation has widened its review to 14 of the grandmaster's games, the federation said on Monday.",
        "The federation will now examine 14 of the grandmaster's games, its secretary general Jonas Pell said on Monday.",
    ]);
    assert!(found.is_empty(), "{found:?}");
    // Without "its", a person is another source than a body.
    let found = attributions(&[
        "The federation has widened its review to 14 of the grandmaster's games, the federation said on Monday.",
        "The federation will now examine 14 of the grandmaster's games, coach Jonas Pell said on Monday.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn a_person_speaks_for_the_body_named_in_the_title_after_the_name() {
    // "Ilse Varnholt, the University of Vantora archaeologist leading the
    // survey": one source with "archaeologists from the University of
    // Vantora".
    let found = attributions(&[
        "The Ilvos wreck sank around 1200 BC, archaeologists from the University of Vantora said.",
        "The Ilvos wreck sank around 1200 BC, said Ilse Varnholt, the University of Vantora archaeologist leading the survey.",
    ]);
    assert!(found.is_empty(), "{found:?}");
    // Another body's officer is another source.
    let found = attributions(&[
        "The Ilvos wreck sank around 1200 BC, archaeologists from the University of Vantora said.",
        "The Ilvos wreck sank around 1200 BC, said Aurel Densing, a professor at the Marrovic Institute.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn a_written_text_is_no_source_set_against_others() {
    let found = attributions(&[
        "The grandmaster denied that he had cheated, the federation said.",
        "The grandmaster denied that he had cheated, in a short statement.",
        "The grandmaster has posted a short statement denying that he had cheated.",
    ]);
    assert!(found.iter().all(|d| !d.contains("statement")), "{found:?}");
}

#[test]
fn sources_are_compared_by_who_they_name() {
    // Different sources: an attribution difference, once, naming both.
    let found = attributions(&[
        "Engineers said the Tarnel dam was built in 1964 and has never been inspected.",
        "The water ministry said the Tarnel dam was built in 1964 and has never been inspected.",
        "The water ministry said the Tarnel dam was built in 1964 and has never been inspected.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("Engineers") && found[0].contains("outlet1 and outlet2"),
        "{found:?}"
    );
    // One source in fewer or more words: no difference.
    let found = attributions(&[
        "The ministry said the Tarnel dam was built in 1964 and has never been inspected.",
        "The water ministry said the Tarnel dam was built in 1964 and has never been inspected.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_person_whose_title_names_the_body_speaks_for_it() {
    // "the council" and "council leader Gareth Ince": one source.
    let found = attributions(&[
        "A ferry for pedestrians will run across the Tamm from Monday, the council said.",
        "A ferry for pedestrians will run across the Tamm from Monday, council leader Gareth Ince confirmed.",
    ]);
    assert!(found.is_empty(), "{found:?}");
    // Another body's officer is another source.
    let found = attributions(&[
        "A ferry for pedestrians will run across the Tamm from Monday, the council said.",
        "A ferry for pedestrians will run across the Tamm from Monday, union leader Gareth Ince confirmed.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn a_body_named_in_either_word_order_is_one_source() {
    // "the Ministry of Culture" / "the culture ministry": one source.
    let found = attributions(&[
        "Two divers found the wreck of a Bronze Age ship off Ilvos, Caldria's Ministry of Culture said on Tuesday.",
        "Two divers found the wreck of a Bronze Age ship off Ilvos, Caldria's culture ministry said on Tuesday.",
    ]);
    assert!(found.is_empty(), "{found:?}");
    // Other bodies stay other sources.
    let found = attributions(&[
        "Two divers found the wreck of a Bronze Age ship off Ilvos, Caldria's Ministry of Culture said on Tuesday.",
        "Two divers found the wreck of a Bronze Age ship off Ilvos, Caldria's tourism ministry said on Tuesday.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn own_voice_against_a_named_source_is_certainty_not_attribution() {
    let diffs = differences(&[
        "The Tarnel dam was built in 1964 and has never been inspected.",
        "The water ministry said the Tarnel dam was built in 1964 and has never been inspected.",
    ]);
    assert!(
        of_kind(&diffs, DifferenceKind::Attribution).is_empty(),
        "{diffs:?}"
    );
    assert!(
        !of_kind(&diffs, DifferenceKind::Certainty).is_empty(),
        "{diffs:?}"
    );
    // A source that names no one is worth showing.
    let found = attributions(&[
        "The Tarnel dam was built in 1964 and has never been inspected.",
        "The Tarnel dam was built in 1964 and has never been inspected, according to a source familiar with the matter.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn one_surname_with_two_first_names_is_a_name_conflict() {
    let diffs = differences(&[
        "Ostrava Athletic manager Petra Lindahl was sent off in the second half at Marle Park.",
        "Ostrava Athletic manager Karin Lindahl was sent off in the second half at Marle Park.",
    ]);
    let names = of_kind(&diffs, DifferenceKind::Name);
    assert_eq!(names.len(), 1, "{diffs:?}");
    assert!(names[0].contains("Petra Lindahl") && names[0].contains("Karin Lindahl"));
    // An initial, a short form or a misspelling is not another person.
    for other in ["P. Lindahl", "Pet Lindahl", "Petra Lindhal"] {
        let diffs = differences(&[
            "Ostrava Athletic manager Petra Lindahl was sent off in the second half at Marle Park.",
            &format!(
                "Ostrava Athletic manager {other} was sent off in the second half at Marle Park."
            ),
        ]);
        assert!(
            of_kind(&diffs, DifferenceKind::Name).is_empty(),
            "{other}: {diffs:?}"
        );
    }
}

#[test]
fn dates_of_two_events_are_no_date_difference() {
    let diffs = differences(&[
        "Dorran Mace pleaded guilty to arson at Ansby Crown Court in January.",
        "Dorran Mace was sentenced to four years at Ansby Crown Court on 3 March after pleading guilty to arson.",
    ]);
    assert!(
        of_kind(&diffs, DifferenceKind::Date).is_empty(),
        "{diffs:?}"
    );
    // The same event dated two ways still is one.
    let diffs = differences(&[
        "Dorran Mace was sentenced to four years for arson at Ansby Crown Court on 3 March.",
        "Dorran Mace was sentenced to four years for arson at Ansby Crown Court on 5 March.",
    ]);
    assert_eq!(of_kind(&diffs, DifferenceKind::Date).len(), 1, "{diffs:?}");
}

#[test]
fn a_temperature_in_another_scale_is_no_difference() {
    let found = numbers(&[
        "Temperatures in the Wexham valley fell to 9 degrees Celsius overnight, forecasters said.",
        "Temperatures in the Wexham valley fell to 48 degrees Fahrenheit overnight, forecasters said.",
    ]);
    assert!(found.is_empty(), "{found:?}");
    let found = numbers(&[
        "Temperatures in the Wexham valley fell to 9 degrees Celsius overnight, forecasters said.",
        "Temperatures in the Wexham valley fell to 2 degrees Celsius overnight, forecasters said.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("“9 degrees Celsius”"), "{found:?}");
}

#[test]
fn race_times_compare_as_durations() {
    let found = numbers(&[
        "Jonah Kiprop won the Velmar marathon in 2:06:47 on Sunday, ahead of Ewan Laski.",
        "Jonah Kiprop won the Velmar marathon in 2:07:12 on Sunday, ahead of Ewan Laski.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("2:06:47") && found[0].contains("2:07:12"));
    let found = numbers(&[
        "Jonah Kiprop won the Velmar marathon in 2:06:47 on Sunday, ahead of Ewan Laski.",
        "Jonah Kiprop won the Velmar marathon in two hours, six minutes and 47 seconds on Sunday, ahead of Ewan Laski.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn numbered_names_conflict_across_all_outlets() {
    // The first outlet names no unit; the second and third differ.
    let diffs = differences(&[
        "Investigators blamed an army unit for the shelling of the Tarrow bridge on Sunday.",
        "Investigators blamed Battalion 7 for the shelling of the Tarrow bridge on Sunday.",
        "Investigators blamed Battalion 17 for the shelling of the Tarrow bridge on Sunday.",
    ]);
    let names = of_kind(&diffs, DifferenceKind::Name);
    assert_eq!(names.len(), 1, "{diffs:?}");
    assert!(names[0].contains("Battalion 7") && names[0].contains("Battalion 17"));
}

#[test]
fn a_named_source_and_its_title_are_one_source() {
    let found = attributions(&[
        "Mayor Lena Ostrova said the Tarnel dam was built in 1964 and has never been inspected.",
        "The city's mayor said the Tarnel dam was built in 1964 and has never been inspected.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_conflict_says_as_of_which_hour_when_the_sentences_give_one() {
    let found = numbers(&[
        "At least 11 people had died in the Carrow valley floods as of 6 p.m., officials said.",
        "At least 17 people had died in the Carrow valley floods by 9 p.m., officials said.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("as of “6 p.m.”") && found[0].contains("as of “9 p.m.”"),
        "{found:?}"
    );
}

#[test]
fn an_instruction_reported_is_no_source() {
    let found = attributions(&[
        "Residents of Tarnel were told to boil their drinking water until further notice.",
        "Residents of Tarnel were told to boil their drinking water until further notice, the water ministry said.",
        "The water ministry said residents of Tarnel were told to boil their drinking water until further notice.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn an_organisation_called_by_what_it_is_is_the_same_source() {
    // "the company" after the article named Dunmore Water: one source.
    let found = attributions(&[
        "Repairs to the Tarnel pipeline will take three weeks, Dunmore Water said on Monday.",
        "Dunmore Water runs the Tarnel pipeline. Repairs to the Tarnel pipeline will take three weeks, the company said on Monday.",
    ]);
    assert!(found.is_empty(), "{found:?}");
    // A public body's noun is not the company named before it.
    let found = attributions(&[
        "Repairs to the Tarnel pipeline will take three weeks, Dunmore Water said on Monday.",
        "Dunmore Water and the Ostland Water Authority met on Friday. Repairs to the Tarnel pipeline will take three weeks, the regulator said on Monday.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    // An organisation the claim names is the one "the company" stands for,
    // but not the one "the university" does: that names another kind.
    let found = attributions(&[
        "The Ilvos survey was paid for by a €250,000 grant from the Halvard Foundation, the university said.",
        "A spokesman for the Halvard Foundation said its grant for the Ilvos survey had been €250,000.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    let found = attributions(&[
        "Dunmore Water will ban hosepipe use from Friday, the company said.",
        "A spokesman for Dunmore Water said it will ban hosepipe use from Friday.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_day_dated_as_a_day_after_the_event_is_no_date_difference() {
    // "on Monday, a day after …": Monday dates the waking, the win is the
    // day before; no date difference with "won … on Sunday".
    let diffs = differences(&[
        "Luca Varenne won a record 14th major title at Sallow Park on Sunday, beating Jonah Elmquist in five sets.",
        "Luca Varenne woke up alone in the record books on Monday, a day after winning a record 14th major title at Sallow Park against Jonah Elmquist.",
    ]);
    assert!(
        of_kind(&diffs, DifferenceKind::Date).is_empty(),
        "{diffs:?}"
    );
    // Without the relation, two days disagree.
    let diffs = differences(&[
        "Luca Varenne won a record 14th major title at Sallow Park on Sunday, beating Jonah Elmquist in five sets.",
        "Luca Varenne won a record 14th major title at Sallow Park on Monday, beating Jonah Elmquist in five sets.",
    ]);
    assert_eq!(of_kind(&diffs, DifferenceKind::Date).len(), 1, "{diffs:?}");
}

#[test]
fn figures_read_at_two_times_are_no_date_difference() {
    let diffs = differences(&[
        "The Tarnel fire was 20% contained by Tuesday evening, the fire service said.",
        "The Tarnel fire was 30% contained by Wednesday morning, the fire service said.",
    ]);
    assert!(
        of_kind(&diffs, DifferenceKind::Date).is_empty(),
        "{diffs:?}"
    );
    assert_eq!(
        of_kind(&diffs, DifferenceKind::Number).len(),
        1,
        "{diffs:?}"
    );
    // A state seen to hold ("were still missing on …") is read then too.
    let diffs = differences(&[
        "Four workers were still missing at the Lumen works on Friday, and rescue teams were searching the rubble.",
        "Two workers were still missing at the Lumen works on Saturday, and rescue teams were searching the rubble.",
    ]);
    assert!(
        of_kind(&diffs, DifferenceKind::Date).is_empty(),
        "{diffs:?}"
    );
    // Remembering something of a year is no state held then.
    let diffs = differences(&[
        "Many parents in Ravensholm still remember the 2018 outbreak, when 212 people were infected.",
        "Many parents in Ravensholm still remember the 2019 outbreak, when 212 people were infected.",
    ]);
    assert_eq!(of_kind(&diffs, DifferenceKind::Date).len(), 1, "{diffs:?}");
}

#[test]
fn ages_written_two_ways_compare() {
    let found = numbers(&[
        "A volunteer firefighter, Tomas Reinholt, 23, died on Monday near Ostrum.",
        "The 24-year-old volunteer firefighter Tomas Reinholt died on Monday near Ostrum.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    let found = numbers(&[
        "A volunteer firefighter, Tomas Reinholt, 23, died on Monday near Ostrum.",
        "Volunteer firefighter Tomas Reinholt (23) died on Monday near Ostrum.",
        "The 23-year-old volunteer firefighter Tomas Reinholt died on Monday near Ostrum.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn the_day_a_source_spoke_is_no_date_difference() {
    let diffs = differences(&[
        "The Tarnel fire has destroyed 86 homes in Brannvik, the fire service said on Tuesday.",
        "The Tarnel fire has destroyed 86 homes in Brannvik, the fire service said on Wednesday.",
    ]);
    assert!(
        of_kind(&diffs, DifferenceKind::Date).is_empty(),
        "{diffs:?}"
    );
}

#[test]
fn an_organisation_and_a_person_speaking_for_it_are_one_source() {
    // The organisation named within the words of a quote's speaker.
    let found = attributions(&[
        "Repairs to the Tarnel pipeline will take three weeks, Dunmore Water said on Monday.",
        "\"Repairs to the Tarnel pipeline will take three weeks,\" Dunmore Water chief executive Helga Brandt said on Monday.",
    ]);
    assert!(found.is_empty(), "{found:?}");
    // A person of another organisation is another source.
    let found = attributions(&[
        "Dunmore Water said repairs to the Tarnel pipeline will take three weeks.",
        "Ostland Water Authority director Helga Brandt said repairs to the Tarnel pipeline will take three weeks.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn the_year_a_comparison_reaches_back_to_is_no_event_date() {
    let found = of_kind(
        &differences(&[
            "The Morrow crash was the worst air disaster in the country since 2008, the aviation authority said.",
            "The Morrow crash on Thursday was the worst air disaster in the country in years, the aviation authority said.",
        ]),
        DifferenceKind::Date,
    );
    assert!(found.is_empty(), "{found:?}");
    // Two years compared back to are a date difference.
    let found = of_kind(
        &differences(&[
            "The Morrow crash was the worst air disaster in the country since 2008, the aviation authority said.",
            "The Morrow crash was the worst air disaster in the country since 2011, the aviation authority said.",
        ]),
        DifferenceKind::Date,
    );
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn a_figure_of_the_past_event_compared_with_is_no_conflict() {
    let found = numbers(&[
        "The crash at Morrow was the worst in the country since 2008, when 63 people died near Halden.",
        "Forty-eight people died in the crash at Morrow, the worst in the country since 2008.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn the_earlier_value_a_change_is_measured_from_is_no_conflict() {
    // "up from 19.0 per cent in 2021": the figure of another time; the
    // figure for now is set against the other outlet's.
    let found = numbers(&[
        "The Green Centre took 28.4 per cent of the vote, up from 19.0 per cent in 2021.",
        "The Green Centre's share of the vote came in at 27.9 per cent.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("27.9") && found[0].contains("28.4"),
        "{found:?}"
    );
    assert!(!found[0].contains("19.0"), "{found:?}");
    // Its time is no date of the event either.
    let found = of_kind(
        &differences(&[
            "Turnout was 61.2%, down from 66.5% in 2021.",
            "Turnout was 61.2% on Sunday.",
        ]),
        DifferenceKind::Date,
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn one_count_each_by_other_nouns_is_one_thing() {
    // Each sentence counts one thing, in its own words: the same thing.
    let found = numbers(&[
        "The Skarv launch from Kallmark came after two delays caused by high winds.",
        "The Skarv launch from Kallmark came after three earlier attempts had been scrubbed because of high winds.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    // A sentence naming the other's counted thing without a number counts
    // something else ("firefighters from four stations").
    let found = numbers(&[
        "Firefighters from four stations brought the blaze at the Solvane plant under control.",
        "More than 80 firefighters brought the blaze at the Solvane plant under control.",
    ]);
    assert!(found.is_empty(), "{found:?}");
    // Counts of very different size count different things.
    let found = numbers(&[
        "The Landlords Federation, which represents some 60,000 landlords, called the rent cap a dark day.",
        "Owners who had put their savings into two flats called the rent cap a dark day.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn the_passive_of_hearsay_is_no_source() {
    let diffs = differences(&[
        "The three survivors of the Harnfell climb are in a stable condition in hospital in Kolmar.",
        "The three survivors of the Harnfell climb are said to be in a stable condition in hospital in Kolmar.",
    ]);
    assert!(
        of_kind(&diffs, DifferenceKind::Attribution).is_empty(),
        "{diffs:?}"
    );
    assert!(
        !of_kind(&diffs, DifferenceKind::Certainty).is_empty(),
        "{diffs:?}"
    );
}

#[test]
fn a_bare_term_against_one_stated_to_a_smaller_unit_is_a_number_difference() {
    // "seven years" leaves out the months of "seven years and four months":
    // another figure, not a rounding.
    let found = numbers(&[
        "Former treasurer Owen Malory was jailed for seven years and four months on Friday for fraud.",
        "Former treasurer Owen Malory was jailed for seven years on Friday for fraud.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    // A qualifier says the figure is rounded: no difference.
    let found = numbers(&[
        "Former treasurer Owen Malory was jailed for seven years and four months on Friday for fraud.",
        "Former treasurer Owen Malory was jailed for more than seven years on Friday for fraud.",
    ]);
    assert!(found.is_empty(), "{found:?}");
    // The same term in another unit: no difference.
    let found = numbers(&[
        "The bridge was closed for two years and six months while engineers repaired it.",
        "The bridge was closed for 30 months while engineers repaired it.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_death_toll_without_a_noun_counts_the_dead() {
    // "The death toll … has risen to 12": the number after a toll counts
    // the people killed, though no noun follows it.
    let found = numbers(&[
        "The earthquake struck Upper Dellan province on Monday, killing at least nine people, officials said.",
        "The death toll from the earthquake that struck Upper Dellan province on Monday has risen to 12, officials said.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn a_number_after_a_toll_followed_by_a_noun_is_no_count_of_the_dead() {
    // "The toll … rose to 4 euros": a noun follows, the number is a price.
    let found = numbers(&[
        "The bridge toll on the Harnvik crossing rose to 4 euros on Monday, the operator said.",
        "The bridge toll on the Harnvik crossing rose to 4 euros on Monday, a week after nine people protested at the gate, the operator said.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn ranks_of_one_occurrence_are_a_count_of_it() {
    // "the 14th rescue" / "the callout was the 16th": how many there have
    // been, so two ranks for one occurrence are a number difference.
    let found = numbers(&[
        "It was the 14th rescue on the Harnfell this winter, according to the mountain rescue service.",
        "The rescue was the 16th on the Harnfell this winter, the mountain rescue service said.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    let found = numbers(&[
        "It was the 14th rescue on the Harnfell this winter, according to the mountain rescue service.",
        "It was the 16th rescue on the Harnfell this winter, according to the mountain rescue service.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    // "a record 14th major title": a word of record before the rank, an
    // adjective before the noun.
    let found = numbers(&[
        "Luca Varenne won a record 14th major title on Sunday, beating an injured Jonah Elmquist.",
        "Luca Varenne landed a record 15th major title on Sunday, beating an injured Jonah Elmquist.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("15th major title"), "{found:?}");
    // A rank in an order of places or times is no count of occurrences.
    let found = numbers(&[
        "The chapel on the Harnfell dates from the 14th century, the mountain rescue service said.",
        "The chapel on the Harnfell dates from the 16th century, the mountain rescue service said.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_day_of_the_month_is_no_rank_of_an_occurrence() {
    // "the 14th of March" is a date, not the 14th of anything counted: two
    // days are a date difference, not two counts of hearings.
    let found = numbers(&[
        "After the Harnfell rescue the hearing was the 14th of March, the mountain rescue service said.",
        "After the Harnfell rescue the hearing was the 16th of March, the mountain rescue service said.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn power_in_other_units_is_no_difference() {
    let found = numbers(&[
        "Electricity demand in Orsland peaked at 2.1 gigawatts on Monday, the grid operator said.",
        "Electricity demand in Orsland peaked at 2,100 megawatts on Monday, the grid operator said.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_span_of_years_is_set_against_a_duration() {
    let found = numbers(&[
        "The clerk embezzled the school's funds between 2010 and 2018, prosecutors told the court.",
        "The clerk embezzled the school's funds over three years, prosecutors told the court.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("“between 2010 and 2018”"), "{found:?}");
    let found = numbers(&[
        "The clerk embezzled the school's funds between 2010 and 2018, prosecutors told the court.",
        "The clerk embezzled the school's funds over eight years, prosecutors told the court.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_figure_set_against_the_agreed_one_is_a_number_difference() {
    let found = numbers(&[
        "The council expects the merger to save €40 million a year, its leader said on Monday.",
        "The council expects the merger to save €40 million a year, but auditors estimated that only €25 million was likely.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("€25 million"), "{found:?}");
}

#[test]
fn two_people_with_one_title_are_a_name_conflict() {
    let diffs = differences(&[
        "Harbour master Lena Okafor said the port of Dunmere would stay closed until Friday.",
        "Harbour master Piet Vanterpool said the port of Dunmere would stay closed until Friday.",
    ]);
    assert!(
        of_kind(&diffs, DifferenceKind::Attribution).is_empty(),
        "{diffs:?}"
    );
    let names = of_kind(&diffs, DifferenceKind::Name);
    assert!(
        names.iter().any(|d| d.contains("harbour master")),
        "{diffs:?}"
    );
}

#[test]
fn two_people_with_one_title_set_off_before_the_name_are_a_name_conflict() {
    let diffs = differences(&[
        "His coach, Teodor Brask, said the hamstring had first tightened late in the fourth set.",
        "His coach, Eskil Marstrand, said the hamstring had first tightened late in the fourth set.",
    ]);
    assert!(
        of_kind(&diffs, DifferenceKind::Name)
            .iter()
            .any(|d| d.contains("Teodor Brask") && d.contains("named as coach")),
        "{diffs:?}"
    );
    assert!(
        of_kind(&diffs, DifferenceKind::Attribution).is_empty(),
        "{diffs:?}"
    );
}

#[test]
fn arguing_with_someone_or_warning_them_for_something_reports_nothing() {
    // "argued with the umpire", "warned Elmquist for …": what was done,
    // not a statement reported; the umpire is named in one role by both.
    let diffs = differences(&[
        "Elmquist argued with chair umpire Paulina Ferrand and was warned for unsportsmanlike conduct.",
        "Umpire Anouk Bessel warned Elmquist for unsportsmanlike conduct after he refused to play.",
    ]);
    assert!(
        of_kind(&diffs, DifferenceKind::Attribution).is_empty(),
        "{diffs:?}"
    );
    assert!(
        of_kind(&diffs, DifferenceKind::Name)
            .iter()
            .any(|d| d.contains("Paulina Ferrand") && d.contains("Anouk Bessel")),
        "{diffs:?}"
    );
    // "told Reuters over the weekend" still reports a statement.
    let diffs = differences(&[
        "The final would go ahead on Sunday, Paulina Ferrand told Reuters over the weekend.",
        "The final would go ahead on Sunday, Anouk Bessel said.",
    ]);
    assert!(
        !of_kind(&diffs, DifferenceKind::Attribution).is_empty(),
        "{diffs:?}"
    );
    // "said with a smile" still reports a statement: two sources.
    let diffs = differences(&[
        "The final would go ahead on Sunday, Paulina Ferrand said with a smile.",
        "The final would go ahead on Sunday, Anouk Bessel said.",
    ]);
    assert!(
        !of_kind(&diffs, DifferenceKind::Attribution).is_empty(),
        "{diffs:?}"
    );
}

#[test]
fn a_title_and_the_same_title_with_its_body_are_one_title() {
    // "Coastguard commander" and "Commander …": one title, one naming the
    // body it is held in; "police commander" and "fire commander" are two.
    let diffs = differences(&[
        "Coastguard commander Paul Hessing said the priority was to keep the oil out of the marsh.",
        "The priority was to keep the oil out of the marsh, said Commander Ruth Ellander.",
    ]);
    assert!(
        of_kind(&diffs, DifferenceKind::Name)
            .iter()
            .any(|d| d.contains("Paul Hessing") && d.contains("Ruth Ellander")),
        "{diffs:?}"
    );
    assert!(
        of_kind(&diffs, DifferenceKind::Attribution).is_empty(),
        "{diffs:?}"
    );
    let diffs = differences(&[
        "Police commander Paul Hessing said the priority was to keep the crowds out of the marsh.",
        "Fire commander Ruth Ellander said the priority was to keep the crowds out of the marsh.",
    ]);
    assert!(
        of_kind(&diffs, DifferenceKind::Name).is_empty(),
        "{diffs:?}"
    );
    let diffs = differences(&[
        "Vice president Paul Hessing said the priority was to keep the crowds out of the marsh.",
        "President Ruth Ellander said the priority was to keep the crowds out of the marsh.",
    ]);
    assert!(
        of_kind(&diffs, DifferenceKind::Name).is_empty(),
        "{diffs:?}"
    );
}

#[test]
fn two_people_with_one_title_set_off_after_the_name_are_a_name_conflict() {
    // A name conflict naming the title, not two sources.
    let conflict = |a: &str, b: &str, title: &str| {
        let diffs = differences(&[a, b]);
        assert!(
            of_kind(&diffs, DifferenceKind::Attribution).is_empty(),
            "{diffs:?}"
        );
        let names = of_kind(&diffs, DifferenceKind::Name);
        assert!(names.iter().any(|d| d.contains(title)), "{diffs:?}");
    };
    conflict(
        "Lena Okafor, director of the port authority, said the port of Dunmere would stay closed until Friday.",
        "The port of Dunmere would stay closed until Friday, said Piet Vanterpool, director of the port authority.",
        "director of the port authority",
    );
    // A role set off before an honorific and a name, and one after the
    // verb with the name set off after it.
    conflict(
        "Oskerfeld General Hospital treated 19 of the injured, its medical director, Dr Amara Feld, said.",
        "Oskerfeld General Hospital treated 19 of the injured, said its medical director, Bertil Kaas.",
        "named as medical director",
    );
    // A title with a possessive, led by a word of rank with "of".
    conflict(
        "Tomas Verlaine, head of the city's education office, said pupils at the closed schools would be set work online.",
        "Paula Lindqvist, head of the city's education office, said pupils at the closed schools would be set work online.",
        "named as head of the city's education office",
    );
    // The title with the body after "of" and the body's possessive
    // before it, a plural possessive in the name of the body.
    conflict(
        "Grete Obermann, president of the Association of School Heads, said schools would need the money in full and on time.",
        "The association's president, Margit Olberg, said schools would need the money in full and on time.",
        "named as president",
    );
    conflict(
        "Elsbeth Varga, president of the Property Owners' Federation, said the rent cap vote was a dark day for landlords.",
        "The Property Owners' Federation's president, Piet Lorne, said the rent cap vote was a dark day for landlords.",
        "named as president",
    );
    // A title after the body whose post it is, with a hyphenated word.
    conflict(
        "Dr Helena Marsh, the Health Protection Agency's head of healthcare-associated infections, said a team of six had been sent to the hospital.",
        "Dr Samir Oduya, the agency's head of healthcare-associated infections, said a team of six had been sent to the hospital.",
        "named as head of healthcare-associated infections",
    );
    // A relative clause after the name is no title.
    let diffs = differences(&[
        "Lena Okafor, who runs the port, said the port of Dunmere would stay closed until Friday.",
        "The port of Dunmere would stay closed until Friday, said Piet Vanterpool, who runs the port.",
    ]);
    assert!(
        of_kind(&diffs, DifferenceKind::Name).is_empty(),
        "{diffs:?}"
    );
}

#[test]
fn a_source_named_with_a_role_earlier_is_compared_by_that_role() {
    // News writing gives a source's role once and the surname after: two
    // spokespeople of one company are one post filled by two names, a
    // spokesman and a spokeswoman alike.
    let fact = fact_of(
        &[
            "Forty miners were brought to the surface, a company spokesman, Lukas Brandt, said. Brandt said the company had no record of any complaint from the union about the roof supports.",
            "The company's spokeswoman, Katrin Moll, said it had found no record of any complaint from the union about the roof supports.",
        ],
        |f| f.claims.iter().any(|c| c.article == 1) && f.claims.len() == 2,
    );
    let names = of_kind(&fact.differences, DifferenceKind::Name);
    assert!(
        names.iter().any(|d| d.contains("Katrin Moll")
            && d.contains("Brandt")
            && d.contains("named as spokesperson")),
        "{:?}",
        fact.differences
    );
    assert!(
        of_kind(&fact.differences, DifferenceKind::Attribution).is_empty(),
        "{:?}",
        fact.differences
    );
}

#[test]
fn two_people_in_one_role_are_a_name_conflict() {
    // Not sources: the people who did what the fact reports, their role
    // written before the name, set off before it or after it; a word of
    // rank ("chief", "principal") is no other role.
    let diffs = differences(&[
        "Chief arbiter Helena Marsk removed the 22-year-old from the playing hall during his seventh-round game.",
        "The tournament's principal arbiter, Paul Ostrander, removed the 22-year-old from the playing hall during his seventh-round game.",
    ]);
    let names = of_kind(&diffs, DifferenceKind::Name);
    assert!(
        names.iter().any(|d| d.contains("Helena Marsk")
            && d.contains("Paul Ostrander")
            && d.contains("named as arbiter")),
        "{diffs:?}"
    );
    // Other roles: no conflict.
    let diffs = differences(&[
        "Chief arbiter Helena Marsk removed the 22-year-old from the playing hall during his seventh-round game.",
        "Tournament director Paul Ostrander removed the 22-year-old from the playing hall during his seventh-round game.",
    ]);
    assert!(
        of_kind(&diffs, DifferenceKind::Name).is_empty(),
        "{diffs:?}"
    );
}

#[test]
fn a_maximum_stated_as_the_figure_is_a_certainty_difference() {
    let diffs = differences(&[
        "Under federation rules, a player found guilty faces a ban of up to three years.",
        "Under federation rules, a player found guilty faces a three-year ban.",
    ]);
    let found = of_kind(&diffs, DifferenceKind::Certainty);
    assert!(
        found.iter().any(|d| d.contains("as a maximum")),
        "{diffs:?}"
    );
    assert!(
        of_kind(&diffs, DifferenceKind::Number).is_empty(),
        "{diffs:?}"
    );
    // Both bounded, or another figure: no such difference.
    let diffs = differences(&[
        "Under federation rules, a player found guilty faces a ban of up to three years.",
        "Under federation rules, a player found guilty faces a ban of up to three years.",
    ]);
    assert!(
        of_kind(&diffs, DifferenceKind::Certainty).is_empty(),
        "{diffs:?}"
    );
}

#[test]
fn a_quote_changed_after_its_opening_words_is_one_remark() {
    // The same speaker, the same first words, the rest changed: one fact
    // (`differences` panics otherwise) with a quote difference.
    let mut wire = vec![
        "\"This is a vigorous eruption, but so far it is behaving as we would expect,\" said Ingrid Sollvang, a volcanologist at the institute.",
    ];
    let tabloid = "\"This is a violent eruption and nobody knows what it will do next,\" said volcano expert Ingrid Sollvang.";
    wire.push(tabloid);
    let diffs = differences(&wire);
    assert!(
        !of_kind(&diffs, DifferenceKind::Quote).is_empty(),
        "{diffs:?}"
    );
}

#[test]
fn quotes_differ_though_the_first_outlet_quotes_nothing() {
    // The first claim reports in its own words; the two that quote the
    // governor, one a short phrase he "called" it, are compared.
    let diffs = differences(&[
        "Governor Pavel Dreska has declared Friday a day of mourning for the miners of Askary.",
        "Governor Pavel Dreska, who has declared Friday a day of mourning for the miners of Askary, called the collapse \"a dark day for the whole of Askary\".",
        "Governor Pavel Dreska called the collapse \"a black day for Askary\" and declared Friday a day of mourning for the miners of Askary.",
    ]);
    let found = of_kind(&diffs, DifferenceKind::Quote);
    assert!(
        found.iter().any(|d| d.contains("“dark” → “black”")),
        "{diffs:?}"
    );
}

#[test]
fn words_quoted_by_one_outlet_and_reported_by_another_are_a_quote_difference() {
    let diffs = differences(&[
        "\"This is a victory for every family that was told it was their own fault,\" said Petra Lund, a lawyer for the claimants.",
        "Their lawyer, Petra Lund, said the judgment was a victory for every family that was told it was their own fault.",
    ]);
    let found = of_kind(&diffs, DifferenceKind::Quote);
    assert!(
        found
            .iter()
            .any(|d| d.contains("outlet0 quotes the words; outlet1 gives them in other words")),
        "{diffs:?}"
    );
}

#[test]
fn two_ends_of_one_period_are_a_date_difference() {
    let diffs = differences(&[
        "A flood warning for the Arle valley remains in force until 9 April, the agency said.",
        "A flood warning for the Arle valley remains in force until 11 April, the agency said.",
    ]);
    let dates = of_kind(&diffs, DifferenceKind::Date);
    assert!(dates.iter().any(|d| d.contains("disagree")), "{diffs:?}");
}

#[test]
fn times_of_unequal_precision_are_no_date_difference() {
    let diffs = differences(&[
        "The bridge over the Arle was opened in 1998, the council said.",
        "The bridge over the Arle was opened in May 1998, the council said.",
    ]);
    assert!(
        of_kind(&diffs, DifferenceKind::Date).is_empty(),
        "{diffs:?}"
    );
}

#[test]
fn the_company_is_the_organisation_its_claim_names() {
    let found = attributions(&[
        "Brightwell Foods will close its Dunmere bakery in June, the company said.",
        "Brightwell Foods will close its Dunmere bakery in June, Brightwell Foods said.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_second_thing_after_but_is_no_number_difference() {
    let found = numbers(&[
        "Dunmere Brewing said its profit rose to $5 million last year, and the shares rose.",
        "Dunmere Brewing said its profit rose to $5 million last year, but revenue fell to $40 million.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn two_people_with_one_title_both_named_by_an_outlet_are_two_sources() {
    let diffs = differences(&[
        "Foreign minister Anna Kowal said the border talks in Dunmere would resume on Monday. Foreign minister Piet Vanterpool also spoke.",
        "Foreign minister Piet Vanterpool said the border talks in Dunmere would resume on Monday.",
    ]);
    assert!(
        of_kind(&diffs, DifferenceKind::Name).is_empty(),
        "{diffs:?}"
    );
}

#[test]
fn times_of_day_conflict_and_agree_by_meaning() {
    // A time of day is when, not how many: a difference of its own kind.
    let diffs = differences(&[
        "The earthquake struck the Arle valley at 3.42pm on Monday, the institute said.",
        "The earthquake struck the Arle valley at 4.12pm on Monday, the institute said.",
    ]);
    assert!(
        of_kind(&diffs, DifferenceKind::Number).is_empty(),
        "{diffs:?}"
    );
    let found = of_kind(&diffs, DifferenceKind::Time);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("Different times"), "{found:?}");
    assert!(
        found[0].contains("“3.42pm”") && found[0].contains("“4.12pm”"),
        "{found:?}"
    );
    assert!(!found[0].contains("as of"), "{found:?}");
    let diffs = differences(&[
        "The earthquake struck the Arle valley at 15:42 on Monday, the institute said.",
        "The earthquake struck the Arle valley at about 3:40 p.m. on Monday, the institute said.",
        "The earthquake struck the Arle valley at 3.42pm on Monday, the institute said.",
    ]);
    assert!(
        of_kind(&diffs, DifferenceKind::Time).is_empty()
            && of_kind(&diffs, DifferenceKind::Number).is_empty(),
        "{diffs:?}"
    );
}

#[test]
fn a_part_of_the_day_is_a_time_of_day() {
    // "at 9am" is not "late on Tuesday afternoon"; morning is not afternoon.
    for (a, b) in [
        (
            "Dr Ines Varga announced the closures at a briefing at 9am on Tuesday.",
            "Dr Ines Varga announced the closures at a news conference late on Tuesday afternoon.",
        ),
        (
            "The ministry revealed the find at a news conference on Tuesday morning.",
            "The ministry revealed the find at a news conference on Tuesday afternoon.",
        ),
    ] {
        let diffs = differences(&[a, b]);
        assert_eq!(of_kind(&diffs, DifferenceKind::Time).len(), 1, "{diffs:?}");
    }
    // A time within the part of the day agrees with it.
    let diffs = differences(&[
        "The earthquake struck the Arle valley at 3.42pm on Monday, the institute said.",
        "The earthquake struck the Arle valley on Monday afternoon, the institute said.",
    ]);
    assert!(
        of_kind(&diffs, DifferenceKind::Time).is_empty(),
        "{diffs:?}"
    );
}

#[test]
fn a_figure_the_noun_before_it_names_conflicts_with_another() {
    // "a rating of 2598": no unit, no year; two ratings compare.
    let found = numbers(&[
        "Rebane, who is ranked fourth in Ardenia with a rating of 2598, had won five games.",
        "Rebane, who is ranked fourth in Ardenia with a rating of 2615, had won five games.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("“2598”") && found[0].contains("“2615”"),
        "{found:?}"
    );
    let found = numbers(&[
        "The town, with a population of 40,000, lost power.",
        "The town, with a population of 40,000, lost power on Monday.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn basis_points_are_hundredths_of_a_percentage_point() {
    let found = numbers(&[
        "The Orsland central bank raised its main rate by 25 basis points on Thursday.",
        "The Orsland central bank raised its main rate by 0.25 percentage points on Thursday.",
    ]);
    assert!(found.is_empty(), "{found:?}");
    let found = numbers(&[
        "The Orsland central bank raised its main rate by 25 basis points on Thursday.",
        "The Orsland central bank raised its main rate by 0.5 percentage points on Thursday.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn a_count_of_deaths_is_a_count_of_people() {
    // "11 deaths" counts the people who died: against "killing at least
    // seven people" it is another toll; "three fatalities" and "three
    // people" are one.
    let found = numbers(&[
        "The storm hit the coast of Kessary province late on Sunday, killing at least seven people, officials said.",
        "The storm that hit the coast of Kessary province late on Sunday caused 11 deaths, officials said.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    let found = numbers(&[
        "The crash on the Orvane bypass on Friday night killed three people, police said.",
        "The crash on the Orvane bypass on Friday night caused three fatalities, police said.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn the_time_a_count_was_confirmed_is_no_date_difference() {
    // "confirmed 11 deaths … on Monday evening" dates the count: against
    // the storm's Sunday it is an update, shown as the number difference,
    // not a date the outlets disagree on.
    let diffs = differences(&[
        "Hurricane Ilsabet made landfall near Saltmere late on Sunday, killing at least seven people, officials said.",
        "The interior ministry confirmed 11 deaths from Hurricane Ilsabet near Saltmere on Monday evening.",
    ]);
    assert!(
        of_kind(&diffs, DifferenceKind::Date).is_empty(),
        "{diffs:?}"
    );
    assert_eq!(
        of_kind(&diffs, DifferenceKind::Number).len(),
        1,
        "{diffs:?}"
    );
}

/// The number differences of the fact holding the first sentence of every
/// outlet, in a story whose outlets also report other things (`rest`, one
/// list per outlet): what all the outlets' sentences share is then not rare.
fn numbers_among(first: &[&str], rest: &[&[&str]]) -> Vec<String> {
    let texts: Vec<String> = first
        .iter()
        .zip(rest)
        .map(|(s, more)| format!("Headline\n14 March 2023\n\n{s}\n\n{}\n", more.join("\n\n")))
        .collect();
    let (_, alignment) = aligned(&texts);
    let fact = alignment
        .facts
        .iter()
        .find(|f| (0..first.len()).all(|a| f.claims.iter().any(|c| c.article == a && c.claim == 0)))
        .unwrap_or_else(|| {
            panic!(
                "the first sentences are not one fact: {:#?}",
                alignment.facts.iter().map(|f| &f.label).collect::<Vec<_>>()
            )
        });
    of_kind(&fact.differences, DifferenceKind::Number)
}

#[test]
fn counts_of_people_with_one_fate_are_one_measured_thing() {
    // "hurt" and "injured" are one fate of the counted people, whatever the
    // word: the outlet with its own figure joins the fact, and the figures
    // are a number difference.
    let wire: &[&str] = &[
        "The storm came ashore near Saltmere at about 11pm on Sunday.",
        "Schools across the province will stay closed until Wednesday.",
        "The grid operator said power had been restored to most homes.",
    ];
    let found = numbers_among(
        &[
            "About 90 people were injured, most of them by flying debris and falling trees.",
            "About 90 people were injured, most of them by flying debris and falling trees.",
            "Across the province, 112 people were hurt, according to the provincial health department.",
        ],
        &[
            wire,
            wire,
            &[
                "Ilsabet hit the coast close to Saltmere late on Sunday.",
                "The ferry to the islands will not sail before Tuesday.",
                "Fishermen in the harbour said they had never seen waves so high.",
            ],
        ],
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("112 people"), "{found:?}");
}

#[test]
fn two_claims_alone_with_close_figures_for_one_thing_are_one_fact() {
    // Two outlets of an in-sample story (`tests/multi_outlet/tuning`):
    // neither claim joins a fact of several; their pair clears the bar of
    // any link, and "treated in hospital" and "injured" count the hurt, so
    // they make one fact, with the figures as its difference.
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/multi_outlet/tuning/earthquake-upper-dellan"
    );
    let texts: Vec<String> = ["dellan-voice", "northern-times"]
        .iter()
        .map(|o| std::fs::read_to_string(format!("{dir}/{o}.txt")).expect("story file"))
        .collect();
    let (analyses, alignment) = aligned(&texts);
    let claim_of = |article: usize, words: &str| {
        analyses[article]
            .claims
            .iter()
            .position(|c| c.span.text(&texts[article]).contains(words))
            .expect("the sentence is a claim")
    };
    let (treated, injured) = (
        claim_of(0, "More than 100 people were treated"),
        claim_of(1, "About 80 people were injured"),
    );
    let fact = alignment
        .facts
        .iter()
        .find(|f| {
            f.claims
                .iter()
                .any(|c| c.article == 0 && c.claim == treated)
                && f.claims
                    .iter()
                    .any(|c| c.article == 1 && c.claim == injured)
        })
        .expect("one fact holds both claims");
    let found = of_kind(&fact.differences, DifferenceKind::Number);
    assert_eq!(found.len(), 1, "{found:?}");
}

/// The outlets' texts of an in-sample story of `tests/multi_outlet/tuning`,
/// in file-name order.
fn tuning_story(name: &str) -> Vec<String> {
    let dir = format!(
        "{}/tests/multi_outlet/tuning/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("story folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.file_name().is_some_and(|n| n != "truth.txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("story file"))
        .collect()
}

#[test]
fn a_figure_worded_apart_joins_the_fact_whose_figure_it_disputes() {
    // An in-sample story (`tests/multi_outlet/tuning`): one outlet gives
    // another agency's magnitude in a sentence that shares too little with
    // the others' for any pair to link it ("The Continental Seismic Centre
    // put the magnitude at 6.2 and said the quake was shallow …"). Its
    // figure for the one measured thing, near theirs (6.4) and nearer than
    // the aftershock's (5.1), makes it a report of their fact, with the
    // figures as the difference.
    let outlets = tuning_story("earthquake-upper-dellan");
    let (analyses, alignment) = aligned(&outlets);
    let at = |words: &str| {
        outlets.iter().enumerate().find_map(|(article, text)| {
            let claim = analyses[article]
                .claims
                .iter()
                .position(|c| c.span.text(text).contains(words))?;
            Some((article, claim))
        })
    };
    let disputed = at("put the magnitude at 6.2").expect("the sentence is a claim");
    let fact = alignment
        .facts
        .iter()
        .find(|f| f.claims.iter().any(|c| (c.article, c.claim) == disputed))
        .expect("a fact holds the claim");
    assert!(fact.claims.len() >= 4, "{}", fact.label);
    let found = of_kind(&fact.differences, DifferenceKind::Number);
    assert!(
        found.iter().any(|d| d.contains("6.4") && d.contains("6.2")),
        "{found:?}"
    );
}

#[test]
fn sums_in_currencies_named_by_a_word_are_compared() {
    // Krona, francs, zloty …: a sum in a currency news names by its word
    // is a figure like one in euros.
    let found = numbers(&[
        "The High Court ordered the drug maker to pay 2.1 billion krona to patients and their families.",
        "The court ordered the company to pay 1.8bn krona in damages to patients and their families.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("2.1 billion krona"), "{found:?}");
    let found = numbers(&[
        "The club paid 40 million zloty for the striker on Friday, its chairman said.",
        "The club paid about 40m zloty for the striker on Friday, its chairman said.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_past_event_years_before_is_no_part_of_the_fact() {
    // The local paper recalls an earlier closure of the same bridge; its
    // sentence shares the bridge, the closure and the supports with the
    // wire's lede, but it is dated decades before: another event.
    let wire = "Headline\n2 December 2026\n\nThe Ostry Bridge over the River Calle was closed to all traffic on Tuesday after engineers found a crack in one of its steel supports, the county council said.\n\nAbout 30,000 vehicles cross it every day.\n";
    let local = "Headline\n2 December 2026\n\nDrivers faced long queues on Wednesday morning.\n\nIn 1994 the Ostry Bridge was closed for five weeks after a barge struck one of its steel supports.\n\nThe council said the crack had been found during a routine inspection.\n";
    let texts = vec![wire.to_string(), wire.to_string(), local.to_string()];
    let (analyses, alignment) = aligned(&texts);
    let past = analyses[2]
        .claims
        .iter()
        .position(|c| c.span.text(&texts[2]).contains("In 1994"))
        .expect("the sentence is a claim");
    for fact in &alignment.facts {
        let holds_past = fact
            .claims
            .iter()
            .any(|c| c.article == 2 && c.claim == past);
        let holds_lede = fact.claims.iter().any(|c| c.article < 2 && c.claim == 0);
        assert!(!(holds_past && holds_lede), "{}", fact.label);
    }
}

#[test]
fn a_speakers_words_and_a_reporters_account_are_two_facts() {
    // An in-sample story (`tests/multi_outlet/tuning`): the winner's remark
    // ("I knew the last climb suited me, so I waited until the steepest
    // part") and a paper's own account of the attack ("attacked on the
    // steepest part of the final climb and won by 36 seconds") share the
    // climb and its steepest part, not what they state.
    let texts = tuning_story("cycling-stage-arvenne");
    let (analyses, alignment) = aligned(&texts);
    let claims_with = |words: &str| -> Vec<(usize, usize)> {
        texts
            .iter()
            .enumerate()
            .flat_map(|(article, text)| {
                analyses[article]
                    .claims
                    .iter()
                    .enumerate()
                    .filter(move |(_, c)| c.span.text(text).contains(words))
                    .map(move |(claim, _)| (article, claim))
            })
            .collect()
    };
    let remark = claims_with("I knew the last climb suited me");
    let account = claims_with("attacked on the steepest part of the final climb");
    assert!(!remark.is_empty() && !account.is_empty());
    for fact in &alignment.facts {
        let holds = |set: &[(usize, usize)]| {
            fact.claims
                .iter()
                .any(|c| set.contains(&(c.article, c.claim)))
        };
        assert!(!(holds(&remark) && holds(&account)), "{}", fact.label);
    }
}

#[test]
fn a_description_standing_for_one_body_is_not_another_of_its_kind() {
    // "the ministry" stands for the Education Ministry its article named:
    // the Finance Ministry is another source.
    let fact = fact_of(
        &[
            "The unions signed the pay deal with the Education Ministry on Thursday. The deal will cost 2.4bn crowns over three years, the ministry said in a statement.",
            "The unions signed the pay deal on Thursday. The deal will cost 2.4bn crowns over three years, according to Finance Ministry estimates.",
        ],
        |f| f.claims.len() == 2 && f.label.contains("cost"),
    );
    let found = of_kind(&fact.differences, DifferenceKind::Attribution);
    assert_eq!(found.len(), 1, "{:?}", fact.differences);
}

#[test]
fn a_count_of_people_with_no_noun_counts_people_with_its_fate() {
    // "four people were killed and 31 were injured": the second count's
    // noun is left out; it counts the injured all the same.
    let found = numbers(&[
        "At least four people were killed and 31 were injured when a train derailed near Osk on Monday, police said.",
        "At least four people were killed and 40 people were injured when a train derailed near Osk on Monday, police said.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("31") && found[0].contains("40"),
        "{found:?}"
    );
}

#[test]
fn a_count_of_people_with_no_noun_keeps_its_qualifier_and_fate() {
    // "more than 30 were hurt" allows 31 hurt; the dead are another count.
    let found = numbers(&[
        "Four people died and more than 30 were hurt when a train derailed near Osk on Monday, police said.",
        "Four people were killed and 31 people were injured when a train derailed near Osk on Monday, police said.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_rewrite_with_another_time_of_day_joins_the_fact_it_disputes() {
    // Two outlets run the wire sentence; the third gives the lorry's
    // departure half an hour later in other words: the time is the
    // difference, not a reason to leave it out.
    let found = of_kind(
        &fact_of(
            &[
                "The lorry left the depot at 5.40am, according to police. \
                 The driver was questioned later.",
                "The lorry left the depot at 5.40am, according to police. \
                 Roads were closed for an hour.",
                "A worker said the lorry pulled out of the gates at 6.10am. \
                 The company declined to comment.",
            ],
            |f| f.claims.len() == 3,
        )
        .differences,
        DifferenceKind::Time,
    );
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn a_time_of_day_over_an_hour_away_is_no_disputed_time() {
    // 7.15am against 5.40am: by the clock, not by their ratio (1.28, close
    // for two counts), the times of two things that happened that morning.
    assert_apart(
        &[
            "The lorry left the depot at 5.40am, according to police. \
             The driver was questioned later.",
            "The lorry left the depot at 5.40am, according to police. \
             Roads were closed for an hour.",
            "A worker said the lorry pulled out of the gates at 7.15am. \
             The company declined to comment.",
        ],
        2,
    );
}

#[test]
fn background_opening_on_a_past_period_is_another_event() {
    // "Last winter, …" sets a paragraph about an earlier crash: however
    // alike its words, it is not the news of Tuesday's.
    assert_apart(
        &[
            "At least three people were killed when 60 vehicles crashed in fog on the A9 on Tuesday, police said.",
            "At least three people were killed when 60 vehicles crashed in fog on the A9 on Tuesday, police said.",
            "Last winter, three people were killed when vehicles crashed in fog on the A9.",
        ],
        2,
    );
}

#[test]
fn two_outlets_dating_one_past_event_differently_still_meet() {
    // Both sentences are about the 2019 pile-up; one opens on its date,
    // the other dates it later in the sentence: one fact, a date
    // difference.
    let dates = of_kind(
        &fact_of(
            &[
                "In February 2019, a 40-vehicle pile-up on the A9 near Brenholt killed two people.",
                "A 40-vehicle pile-up on the A9 near Brenholt killed two people in March 2019.",
            ],
            |f| f.claims.len() == 2,
        )
        .differences,
        DifferenceKind::Date,
    );
    assert_eq!(dates.len(), 1, "{dates:?}");
}

#[test]
fn a_bound_on_a_day_is_no_other_day() {
    // "before Monday" limits the restart's day, it gives none: against
    // "on Friday" the two sentences report one plan, not two days.
    let fact = fact_of(
        &[
            "Nordvale hopes to restart the pipeline on Friday. The company gave no reason.",
            "Nordvale hopes to restart the pipeline on Friday. Oil prices rose.",
            "The company now says the pipeline will not restart before Monday. Shares fell.",
        ],
        |f| f.claims.iter().any(|c| c.article == 0),
    );
    assert!(
        fact.claims.iter().any(|c| c.article == 2),
        "{:?}",
        fact.claims
    );
    // "not before Monday" is Monday or later: Friday is not in it.
    let dates = of_kind(&fact.differences, DifferenceKind::Date);
    assert_eq!(dates.len(), 1, "{dates:?}");
}

#[test]
fn background_after_a_colon_is_another_event() {
    // "It is not the first scare: in 2022 it shut …": the part after the
    // colon opens on last year, background to Tuesday's closure.
    assert_apart(
        &[
            "The hospital shut its intensive care unit to new admissions on Tuesday, the trust said.",
            "The hospital shut its intensive care unit to new admissions on Tuesday, the trust said.",
            "It is not the first scare at the hospital: in 2022 it shut its intensive care unit to new admissions.",
        ],
        2,
    );
}

#[test]
fn figures_ten_times_apart_are_different_things() {
    // The jail's population and last year's escapes are both counts of
    // prisoners; no outlet misreports 847 as 14.
    let found = numbers(&[
        "Brackwater holds 847 prisoners, according to the Prison Service.",
        "Brackwater holds 14 prisoners who escaped before, according to the Prison Service.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_slip_in_one_full_name_is_a_spelling_even_beside_a_namesake() {
    // The third outlet writes the minister "Sigrun Alvik" and, elsewhere,
    // quotes a canoe hirer "Gunnar Aalvik": two people in its article, but
    // the minister's full name is the others' with a slip.
    let diffs = differences(&[
        "Environment Minister Sigrun Aalvik said Nordvale would be held fully accountable.",
        "Environment Minister Sigrun Aalvik said Nordvale would be held fully accountable.",
        "Environment Minister Sigrun Alvik said Nordvale would be held fully accountable. \
         Gunnar Aalvik, who hires out canoes, said he had cancelled every booking.",
    ]);
    let found = of_kind(&diffs, DifferenceKind::Spelling);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("Alvik"), "{found:?}");
}

#[test]
fn two_people_saying_different_words_are_two_remarks() {
    // Both "called the spill" something, in their own words: a mayor's
    // remark and an agency director's, not one remark reported twice.
    assert_apart(
        &[
            "Mayor Oskar Fjeld called the spill \"a disaster for our river and our town\".",
            "Agency director Ansgar Mollby called the spill \"the worst this river has seen in a generation\".",
        ],
        1,
    );
}

#[test]
fn one_remark_given_to_two_people_stays_one_fact() {
    // The same words, two speakers: an attribution difference to show.
    let diffs = differences(&[
        "Mayor Oskar Fjeld called the spill \"a disaster for our river and our town\".",
        "Agency director Ansgar Mollby called the spill \"a disaster for our river and our town\".",
    ]);
    assert_eq!(
        of_kind(&diffs, DifferenceKind::Attribution).len(),
        1,
        "{diffs:?}"
    );
}

#[test]
fn a_reworded_remark_given_to_another_person_stays_one_fact() {
    // Most of the shorter quote's words are the other's: one remark, its
    // speaker and wording differences to show.
    assert_together(
        &[
            "\"This was an extremely difficult and dangerous fire, and our crews worked through the night,\" said Diane Marsh, the chief fire officer.",
            "\"This was an extremely dangerous fire,\" said Group Manager Tom Reddy.",
        ],
        1,
    );
}

#[test]
fn figures_of_different_dimensions_only_are_different_facts() {
    // The cost of the new pipework and how long the unit stays shut: both
    // about replacing the drains, but one gives a sum of money and the
    // other a duration, and neither measures what the other does.
    assert_apart(
        &[
            "The repairs to the hospital's drains and pipework will cost £1.5 million, the trust said. \
             Visiting is limited to one person per patient. Three patients have died.",
            "The repairs to the hospital's drains and pipework will cost £1.5 million, the trust said. \
             Staff are being screened every week. The agency ordered a review.",
            "The repairs to the hospital's drains and pipework will take 14 days, the trust said. \
             Samples were confirmed by a laboratory. The minister called it worrying.",
        ],
        2,
    );
}

#[test]
fn at_least_a_small_count_differs_from_the_next_count() {
    // "at least four" is a floor counted so far, inclusive: five is another
    // toll, as 48 is to "at least 40".
    let found = numbers(&[
        "At least four people were killed when fog caused a pile-up on the A9 on Tuesday, police said.",
        "Five people were killed when fog caused a pile-up on the A9 on Tuesday, police said.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
}
