//! Quantities: snapshots of both seed articles and the hard cases one by one.

use expect_test::expect;
use parallax_core::analyze;
use parallax_core::annotate::annotate_sentences;
use parallax_core::corpus::bundled_stories;
use parallax_core::extract::Sentence;
use parallax_core::extract::quantities::{Quantity, find_quantities};
use parallax_core::model::Span;
use proptest::prelude::*;

fn seed(index: usize) -> String {
    let (stories, _) = bundled_stories();
    stories[0].articles[index].raw.to_string()
}

/// `value unit [qualifier] (vague)` for a quantity.
fn label(q: &Quantity) -> String {
    let mut out = match q.versus {
        Some(versus) => format!("{}-{versus} {}", q.value, q.unit),
        None => format!("{} {}", q.value, q.unit),
    };
    if let Some(qualifier) = &q.qualifier {
        out.push_str(&format!(" [{qualifier}]"));
    }
    if q.vague {
        out.push_str(" (vague)");
    }
    out
}

/// The story sentences holding quantities, each marked `⟦…⟧value unit [qualifier]`.
fn render(text: &str) -> String {
    let analysis = analyze(text);
    let sentences: Vec<Span> = analysis.sentences.iter().map(|s| s.span).collect();
    let items: Vec<(Span, String)> = analysis
        .quantities
        .iter()
        .map(|q| (q.span, label(q)))
        .collect();
    annotate_sentences(text, &sentences, &items)
}

/// The quantities of `text` taken as one sentence, as `text => label`.
fn quantities(text: &str) -> Vec<String> {
    let sentence = Sentence {
        span: Span::new(0, text.len()),
        part: 0,
    };
    find_quantities(text, &[sentence])
        .iter()
        .map(|q| format!("{} => {}", q.span.text(text), label(q)))
        .collect()
}

#[test]
fn first_seed() {
    expect![[r#"
        The November attack on the company's internal network was said to have paralysed the company and directly led to the leaking of ⟦several unreleased films⟧3 films [several] (vague) and passwords, certificates and personnel files.
        Facing those threats, ⟦numerous cinema chains⟧3 cinema chains [numerous] (vague) in the US pulled out of showing the film, and now Sony Pictures itself has at the very least delayed, if not outright cancelled, its release.
        Regardless, Sony Pictures is clearly still suffering the aftermath of the attach, with ⟦a claimed hundred terabytes⟧100 terabytes [claimed] of data still held by the attackers and the Los Angeles Times reporting that a class-action lawsuit has been brought against the company by current and former staff whose personal information was leaked as a result of the breach.
    "#]].assert_eq(&render(&seed(0)));
}

#[test]
fn second_seed() {
    expect![[r#"
        Unnamed officials in ⟦a number of reports⟧3 reports [a number of] (vague) have laid blame for the attack on Unit 21 of North Korea’s General Bureau of Reconnaissance.
        The seriousness of the attack grew as ⟦five movies⟧5 movies scheduled for release – including Fury and Annie – were distributed online to pirate sites, ⟦more than 47,000 records⟧47000 records [more than] of employees were published online and emails by senior Sony and Hollywood executives were also published online.
        Now ⟦millions of people⟧1000000 people [millions of] (vague) who would have happily given The Interview a miss are curious to see what all the fuss was about.
    "#]].assert_eq(&render(&seed(1)));
}

/// Asserts the quantities of each text, one sentence at a time.
fn check(cases: &[(&str, &[&str])]) {
    for (text, expected) in cases {
        assert_eq!(quantities(text), *expected, "in {text:?}");
    }
}

#[test]
fn counts_with_qualifiers() {
    check(&[
        (
            "more than 47,000 records of employees were published",
            &["more than 47,000 records => 47000 records [more than]"],
        ),
        (
            "with a claimed hundred terabytes of data",
            &["a claimed hundred terabytes => 100 terabytes [claimed]"],
        ),
        (
            "as five movies scheduled for release",
            &["five movies => 5 movies"],
        ),
        ("he served for 17 years", &["17 years => 17 years"]),
        (
            "an estimated 2.5 million people",
            &["an estimated 2.5 million people => 2500000 people [estimated]"],
        ),
        (
            "at least twenty-one people and about one hundred and five cars",
            &[
                "at least twenty-one people => 21 people [at least]",
                "about one hundred and five cars => 105 cars [about]",
            ],
        ),
        (
            "up to a hundred theatre-goers",
            &["up to a hundred theatre-goers => 100 theatre-goers [up to]"],
        ),
        ("two dozen eggs", &["two dozen eggs => 24 eggs"]),
        (
            "five of the films leaked",
            &["five of the films => 5 films"],
        ),
        (
            "will examine 14 of his recent games",
            &["14 of his recent games => 14 games"],
        ),
        (
            "widened its review to 14 of Rebane's games",
            &["14 of Rebane's games => 14 games"],
        ),
        ("one unreleased film", &["one unreleased film => 1 film"]),
        ("Five people died", &["Five people => 5 people"]),
        ("2000 people marched", &["2000 people => 2000 people"]),
        ("1.5m people fled", &["1.5m people => 1500000 people"]),
        (
            "half a million users",
            &["half a million users => 500000 users"],
        ),
        // A name modifying the counted noun.
        (
            "the data of 2.1 million Tellgard customers was stolen",
            &["2.1 million Tellgard customers => 2100000 customers"],
        ),
        (
            "as many as 300 Boeing jets",
            &["as many as 300 Boeing jets => 300 jets [as many as]"],
        ),
        // The reading of a quake, with a verb of measuring.
        (
            "The quake, which the institute measured at 6.4, struck at dawn.",
            &["measured at 6.4 => 6.4 magnitude"],
        ),
        (
            "A tremor measuring 5.1 shook the town.",
            &["measuring 5.1 => 5.1 magnitude"],
        ),
        (
            "The river measured at 4.5 metres deep.",
            &["4.5 metres => 4.5 metres"],
        ),
        // … but not a month, nor a name that ends the phrase.
        ("on 3 March hospitals said", &[]),
        ("seats 12 Tellgard said", &[]),
    ]);
}

#[test]
fn vague_amounts() {
    check(&[
        (
            "millions of people",
            &["millions of people => 1000000 people [millions of] (vague)"],
        ),
        (
            "the leaking of several unreleased films",
            &["several unreleased films => 3 films [several] (vague)"],
        ),
        (
            "numerous cinema chains in the US",
            &["numerous cinema chains => 3 cinema chains [numerous] (vague)"],
        ),
        (
            "tens of thousands of emails",
            &["tens of thousands of emails => 10000 emails [tens of thousands of] (vague)"],
        ),
        (
            "dozens of staff",
            &["dozens of staff => 12 staff [dozens of] (vague)"],
        ),
        ("several of them", &[]),
        ("the number of records", &[]),
    ]);
}

#[test]
fn a_change_by_a_fraction_in_words_is_a_percentage() {
    check(&[
        (
            "Track maintenance spending had been cut by nearly a quarter since 2023.",
            &["nearly a quarter => 25 percent [nearly]"],
        ),
        (
            "Sales fell by a third.",
            &["a third => 33.333333333333336 percent"],
        ),
        ("Prices rose by half.", &["half => 50 percent"]),
        // A fraction of something else, or no change: no percentage.
        ("A quarter of the homes lost power.", &[]),
        ("They waited a quarter of an hour.", &[]),
    ]);
}

#[test]
fn one_period_for_which_something_lasts() {
    check(&[
        (
            "Contacts are banned from class for a fortnight.",
            &["a fortnight => 1 fortnight"],
        ),
        (
            "The bridge will stay shut for a month.",
            &["a month => 1 month"],
        ),
        // Not a duration: a rate, or a time ago.
        ("The ferry sails twice a week.", &[]),
        ("The plant closed a fortnight ago.", &[]),
    ]);
}

#[test]
fn money_and_percentages() {
    check(&[
        ("a $100m lawsuit", &["$100m => 100000000 USD"]),
        (
            "£2.5 billion in damages",
            &["£2.5 billion => 2500000000 GBP"],
        ),
        (
            "more than US$2.5bn",
            &["more than US$2.5bn => 2500000000 USD [more than]"],
        ),
        (
            "costing it £3.6million a day",
            &["£3.6million => 3600000 GBP"],
        ),
        ("it cost 100 dollars", &["100 dollars => 100 USD"]),
        ("€5 and ¥300", &["€5 => 5 EUR", "¥300 => 300 JPY"]),
        ("a 12% rise", &["12% => 12 percent"]),
        (
            "nearly 12 per cent of",
            &["nearly 12 per cent => 12 percent [nearly]"],
        ),
        ("twelve percent", &["twelve percent => 12 percent"]),
        (
            "3 percentage points",
            &["3 percentage points => 3 percentage points"],
        ),
        ("100TB of data", &["100TB => 100 terabytes"]),
        ("100 pounds of cocaine", &["100 pounds => 100 pounds"]),
    ]);
}

#[test]
fn units_of_measure_written_short() {
    check(&[
        (
            "Up to 310 mm of rain fell",
            &["Up to 310 mm => 310 millimetres [up to]"],
        ),
        ("a 12 cm crack", &["12 cm => 12 centimetres"]),
        ("burned 4,200 ha of forest", &["4,200 ha => 4200 hectares"]),
        ("a 450 MW plant", &["450 MW => 450 megawatts"]),
        ("used 18 GWh", &["18 GWh => 18 gigawatt-hours"]),
        // A speed, not a length.
        (
            "gusts of up to 178 km/h",
            &["up to 178 km/h => 178 kilometres per hour [up to]"],
        ),
        ("winds of 120 kph", &["120 kph => 120 kilometres per hour"]),
        (
            "winds of 120 kilometres per hour",
            &["120 kilometres per hour => 120 kilometres per hour"],
        ),
        (
            "gusts of nearly 70 miles an hour",
            &["nearly 70 miles an hour => 70 miles per hour [nearly]"],
        ),
        ("a 40 km drive", &["40 km => 40 kilometres"]),
    ]);
}

#[test]
fn points_basis_points_and_fractions_of_a_point() {
    check(&[
        (
            "raised rates by a quarter of a percentage point to 4.5%",
            &[
                "a quarter of a percentage point => 0.25 percentage points",
                "4.5% => 4.5 percent",
            ],
        ),
        (
            "by 25 basis points",
            &["25 basis points => 0.25 percentage points"],
        ),
        ("a cut of half a point", &["half a point => 0.5 points"]),
        (
            "almost three quarters of a percentage point",
            &["almost three quarters of a percentage point => 0.75 percentage points [almost]"],
        ),
        ("a half point cut", &["a half point => 0.5 points"]),
        ("half the members", &[]),
        ("a quarter of the staff", &[]),
    ]);
}

#[test]
fn scores_and_vote_tallies_keep_both_numbers() {
    check(&[
        ("The committee voted 6-3 in favour", &["6-3 => 6-3 votes"]),
        ("the court ruled 7-2", &["7-2 => 7-2 votes"]),
        ("a 5-4 majority", &["5-4 => 5-4 votes"]),
        ("Ashford won 2-1 at home", &["2-1 => 2-1 score"]),
        ("a 3–0 win", &["3–0 => 3-0 score"]),
        ("They lost by 6-3", &["6-3 => 6-3 score"]),
        // Ranges, formations and dates stay out.
        ("10-15 people", &[]),
        ("they played 4-4-2", &[]),
        ("won on 14-03-2023", &[]),
    ]);
}

#[test]
fn numbers_that_are_not_quantities() {
    check(&[
        ("It happened in 2014.", &[]),
        (
            "Remember the 11th of September 2001, the message read.",
            &[],
        ),
        ("the planned December 25 theatrical release", &[]),
        ("cancelled the 25 December theatrical release", &[]),
        ("December 18, 2014 | 09:27", &[]),
        ("at 3 pm and at 9 a.m. and 10:30", &[]),
        ("the MSI MPG Velox 100R Chassis", &[]),
        ("the attack on Unit 21 of North Korea", &[]),
        ("In a plot worthy of a B movie", &[]),
        ("the Windows 8 users", &[]),
        ("flight MH17 passengers", &[]),
        ("three days ago and 17 years ago", &[]),
        ("the 52-year-old driver", &[]),
        ("10-15 people", &[]),
        ("no one knows; one of them said", &[]),
        ("One day he said it was one thing", &[]),
        ("a 50m pool", &[]),
        ("the 1990s films", &[]),
        ("see page 5 records", &[]),
        ("the iPhone 6 buyers and the No. 1 hits", &[]),
    ]);
}

#[test]
fn spans_are_in_the_raw_text() {
    let text = "Headline\n\n18 Dec 2014\n\nMore than 47,000 records leaked. About €5m was paid.\n";
    let analysis = analyze(text);
    let found: Vec<(&str, f64, &str)> = analysis
        .quantities
        .iter()
        .map(|q| (q.span.text(text), q.value, q.unit.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("More than 47,000 records", 47_000.0, "records"),
            ("About €5m", 5e6, "EUR"),
        ]
    );
    assert!(analysis.quantities.iter().all(|q| !q.rule.is_empty()));
}

#[test]
fn analyze_agrees_with_find_quantities() {
    for index in [0, 1] {
        let text = seed(index);
        let analysis = analyze(&text);
        assert_eq!(
            analysis.quantities,
            find_quantities(&text, &analysis.sentences)
        );
    }
}

#[test]
fn author_bio_is_not_story_text() {
    let text = seed(1);
    let bio = text.find("for 17 years").expect("the bio");
    assert!(analyze(&text).quantities.iter().all(|q| q.span.start < bio));
}

/// Every quantity lies inside its sentence, on char boundaries, in order.
fn assert_well_formed(text: &str) {
    let sentence = Sentence {
        span: Span::new(0, text.len()),
        part: 0,
    };
    let mut cursor = 0;
    for q in find_quantities(text, &[sentence]) {
        assert!(q.span.start >= cursor && q.span.start < q.span.end);
        assert!(q.span.end <= text.len());
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        assert!(!q.unit.is_empty() && !q.value.is_nan());
        cursor = q.span.end;
    }
}

#[test]
fn long_runs_stay_fast_and_flat() {
    for text in [
        "a hundred and ".repeat(100_000),
        "more than ".repeat(100_000) + "5 people",
        "9".repeat(1_000_000) + " people",
        "1,000,".repeat(100_000),
        "$".repeat(100_000) + "5m",
        "twenty-".repeat(100_000),
    ] {
        assert_well_formed(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn any_text(text in any::<String>()) {
        assert_well_formed(&text);
    }

    #[test]
    fn number_like_text(text in "(a|an|claimed|hundred|more|than|of|millions|several|five|twenty|one|people|records|per|cent|%|\\$|£|US|m|bn|47,000|2\\.5|12|2014|-|:|,| ){0,40}") {
        assert_well_formed(&text);
    }
}

#[test]
fn a_unit_joined_by_a_hyphen_before_a_noun() {
    // News writes a measure before its noun with a hyphen: the amount is
    // the unit's, whatever noun follows; an age is read apart.
    check(&[
        ("a 30-mile diversion", &["30-mile => 30 miles"]),
        ("a five-year sentence", &["five-year => 5 years"]),
        ("a 24-hour strike began", &["24-hour => 24 hours"]),
        ("the 52-year-old driver", &[]),
        ("10-15 people", &[]),
    ]);
}
