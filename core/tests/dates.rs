//! Time expressions: snapshots of both seed articles and the hard cases one by one.

use expect_test::expect;
use parallax_core::analyze;
use parallax_core::annotate::annotate_sentences;
use parallax_core::corpus::bundled_stories;
use parallax_core::extract::Sentence;
use parallax_core::extract::dates::{TimeExpr, find_times};
use parallax_core::model::{DateTime, Span};
use proptest::prelude::*;

fn seed(index: usize) -> String {
    let (stories, _) = bundled_stories();
    stories[0].articles[index].raw.to_string()
}

/// `value granularity bound` for a time expression.
fn label(t: &TimeExpr) -> String {
    format!("{} {:?} {:?}", t.value, t.granularity, t.bound)
}

/// The story sentences holding time expressions, each marked `⟦…⟧value granularity bound`.
fn render(text: &str) -> String {
    let analysis = analyze(text);
    let sentences: Vec<Span> = analysis.sentences.iter().map(|s| s.span).collect();
    let items: Vec<(Span, String)> = analysis.times.iter().map(|t| (t.span, label(t))).collect();
    annotate_sentences(text, &sentences, &items)
}

#[test]
fn first_seed() {
    expect![[r#"
        The ⟦November⟧2014-11 Month Exact attack on the company's internal network was said to have paralysed the company and directly led to the leaking of several unreleased films and passwords, certificates and personnel files.
        Remember ⟦the 11th of September 2001⟧2001-09-11 Day Exact,' the message read.
        'In light of the decision by the majority of our exhibitors not to show the film The Interview, we have decided not to move forward with the planned ⟦December 25⟧2014-12-25 Day Exact theatrical release,' the company announced in a statement to press ⟦late yesterday⟧2014-12-17 Day Exact.
    "#]].assert_eq(&render(&seed(0)));
}

#[test]
fn second_seed() {
    expect![[r#"
        ⟦Yesterday⟧2014-12-17 Day Exact Sony Pictures cancelled the ⟦25 December⟧2014-12-25 Day Exact theatrical release of The Interview – a spoof comedy starring Seth Rogen and James Franco portraying visit to the dysfunctional Hermit Kingdom – because of threats that were made to cinemas that were scheduled to show the movie.
        The whole saga kicked off ⟦over a fortnight ago⟧2014-12-04 Day OnOrBefore when Sony Pictures’ IT systems were shut down following a cyber-attack by a group calling itself Guardians of Peace.
        In a statement Sony Pictured Entertainment said: “In light of the decision by the majority of our exhibitors not to show the film The Interview,we have decided not to move forward with the planned ⟦December 25⟧2014-12-25 Day Exact theatrical release.
        ⟦Last week⟧2014-W50 Week Exact North Korea denied it had any involvement in the attack but hailed it as a “righteous deed.”
    "#]].assert_eq(&render(&seed(1)));
}

/// Thursday 18 December 2014, the seeds' publication date.
fn published() -> Option<DateTime> {
    DateTime::new(2014, 12, 18, Some((9, 27)))
}

/// The time expressions of `text` taken as one sentence, as `text => label`.
fn times_at(text: &str, published: Option<DateTime>) -> Vec<String> {
    let sentence = Sentence {
        span: Span::new(0, text.len()),
        part: 0,
    };
    find_times(text, &[sentence], published)
        .iter()
        .map(|t| format!("{} => {}", t.span.text(text), label(t)))
        .collect()
}

/// Asserts the time expressions of each text, published 2014-12-18.
fn check(cases: &[(&str, &[&str])]) {
    check_at(published(), cases);
}

fn check_at(published: Option<DateTime>, cases: &[(&str, &[&str])]) {
    for (text, expected) in cases {
        assert_eq!(times_at(text, published), *expected, "in {text:?}");
    }
}

#[test]
fn absolute_dates() {
    check(&[
        (
            "the planned December 25 theatrical release",
            &["December 25 => 2014-12-25 Day Exact"],
        ),
        (
            "cancelled the 25 December release",
            &["25 December => 2014-12-25 Day Exact"],
        ),
        (
            "on 18 Dec 2014 at noon",
            &["18 Dec 2014 => 2014-12-18 Day Exact"],
        ),
        ("by Dec. 20", &["Dec. 20 => 2014-12-20 Day Exact"]),
        (
            "Remember the 11th of September 2001, the message read.",
            &["the 11th of September 2001 => 2001-09-11 Day Exact"],
        ),
        (
            "December 25, 2013",
            &["December 25, 2013 => 2013-12-25 Day Exact"],
        ),
        (
            "on Thursday, December 18",
            &["Thursday, December 18 => 2014-12-18 Day Exact"],
        ),
        (
            "the eleventh of September",
            &["the eleventh of September => 2014-09-11 Day Exact"],
        ),
        ("it opens January 3", &["January 3 => 2015-01-03 Day Exact"]),
        (
            "stamped 2014-12-18",
            &["2014-12-18 => 2014-12-18 Day Exact"],
        ),
        (
            "in September 2001",
            &["September 2001 => 2001-09 Month Exact"],
        ),
        (
            "in 2014 and in 1066",
            &["2014 => 2014 Year Exact", "1066 => 1066 Year Exact"],
        ),
        ("December 32", &["December => 2014-12 Month Exact"]),
        ("February 30", &[]),
    ]);
}

#[test]
fn month_names() {
    check(&[
        (
            "The November attack on the company",
            &["November => 2014-11 Month Exact"],
        ),
        ("in January", &["January => 2014-01 Month Exact"]),
        ("earlier in December", &["December => 2014-12 Month Exact"]),
        // "last": the most recent one before publication's month.
        ("last November", &["last November => 2014-11 Month Exact"]),
        ("last December", &["last December => 2013-12 Month Exact"]),
        ("next March", &["next March => 2015-03 Month Exact"]),
        (
            "since November",
            &["since November => 2014-11 Month OnOrAfter"],
        ),
        (
            "early December",
            &["early December => 2014-12 Month Approximate"],
        ),
        ("in May", &["May => 2014-05 Month Exact"]),
        (
            "the film will open in January",
            &["January => 2015-01 Month Exact"],
        ),
        ("May I say", &[]),
        // A modal of possibility looks forward, as "will" does.
        ("They may march in March", &["March => 2015-03 Month Exact"]),
        (
            "Excavation could begin in September, she said",
            &["September => 2015-09 Month Exact"],
        ),
        (
            "The dig could have begun in September",
            &["September => 2014-09 Month Exact"],
        ),
    ]);
}

#[test]
fn relative_days() {
    check(&[
        (
            "Yesterday Sony Pictures cancelled",
            &["Yesterday => 2014-12-17 Day Exact"],
        ),
        (
            "announced in a statement to press late yesterday.",
            &["late yesterday => 2014-12-17 Day Exact"],
        ),
        (
            "yesterday morning",
            &["yesterday morning => 2014-12-17 Day Exact"],
        ),
        ("last night", &["last night => 2014-12-17 Day Exact"]),
        ("today", &["today => 2014-12-18 Day Exact"]),
        ("tonight", &["tonight => 2014-12-18 Day Exact"]),
        ("this morning", &["this morning => 2014-12-18 Day Exact"]),
        ("tomorrow", &["tomorrow => 2014-12-19 Day Exact"]),
        (
            "the day before yesterday",
            &["the day before yesterday => 2014-12-16 Day Exact"],
        ),
        (
            "three days ago",
            &["three days ago => 2014-12-15 Day Exact"],
        ),
        (
            "The whole saga kicked off over a fortnight ago when",
            &["over a fortnight ago => 2014-12-04 Day OnOrBefore"],
        ),
        (
            "almost a year ago",
            &["almost a year ago => 2013 Year OnOrAfter"],
        ),
        (
            "about two weeks ago",
            &["about two weeks ago => 2014-12-04 Day Approximate"],
        ),
        (
            "a few days ago",
            &["a few days ago => 2014-12-15 Day Approximate"],
        ),
        ("17 years ago", &["17 years ago => 1997 Year Exact"]),
        (
            "A hundred years ago",
            &["A hundred years ago => 1914 Year Exact"],
        ),
        ("two months ago", &["two months ago => 2014-10 Month Exact"]),
    ]);
}

#[test]
fn weekdays() {
    check(&[
        ("said on Tuesday", &["Tuesday => 2014-12-16 Day Exact"]),
        ("said on Thursday", &["Thursday => 2014-12-18 Day Exact"]),
        ("said on Friday", &["Friday => 2014-12-12 Day Exact"]),
        ("last Thursday", &["last Thursday => 2014-12-11 Day Exact"]),
        ("next Monday", &["next Monday => 2014-12-22 Day Exact"]),
        ("this Monday", &["this Monday => 2014-12-15 Day Exact"]),
        (
            "the film will open on Friday",
            &["Friday => 2014-12-19 Day Exact"],
        ),
        ("Tuesday night", &["Tuesday night => 2014-12-16 Day Exact"]),
        ("the Black Friday sales", &[]),
    ]);
}

/// All-numeric dates in story text: a number over 12 is the day, dots and
/// hyphens are day-first, an ambiguous slashed date follows how the text
/// writes its other dates.
#[test]
fn numeric_dates_in_the_text() {
    check(&[
        (
            "the fire on 14/03/2014",
            &["14/03/2014 => 2014-03-14 Day Exact"],
        ),
        (
            "the fire on 03/14/2014",
            &["03/14/2014 => 2014-03-14 Day Exact"],
        ),
        (
            "the fire on 14.03.2014.",
            &["14.03.2014 => 2014-03-14 Day Exact"],
        ),
        (
            "the fire on 04-03-2014",
            &["04-03-2014 => 2014-03-04 Day Exact"],
        ),
        (
            "the fire on 04/03/2014",
            &["04/03/2014 => 2014-03-04 Day Exact"],
        ),
        ("ref 31/02/2014 and 4/3/2014/7", &[]),
    ]);
    let us = "The fire on 04/03/2014 followed the blaze of March 1.";
    assert_eq!(
        times_at(us, published()),
        [
            "04/03/2014 => 2014-04-03 Day Exact",
            "March 1 => 2015-03-01 Day Exact"
        ]
    );
    let rule = |text: &str| {
        let sentence = Sentence {
            span: Span::new(0, text.len()),
            part: 0,
        };
        find_times(text, &[sentence], published())
            .first()
            .map(|t| t.rule)
    };
    assert!(rule(us).is_some_and(|r| r.contains("month/day/year")));
    assert!(rule("on 04/03/2014").is_some_and(|r| r.contains("day/month/year")));
}

/// A weekday in a future-tense clause is the first one on or after
/// publication (Thursday 18 December 2014); a past-tense verb between the cue
/// and the weekday keeps it in the past.
#[test]
fn weekdays_in_future_tense() {
    check(&[
        (
            "The committee will meet on Tuesday",
            &["Tuesday => 2014-12-23 Day Exact"],
        ),
        (
            "The report is due to be published on Friday",
            &["Friday => 2014-12-19 Day Exact"],
        ),
        (
            "The governor is expected to visit the centre on Monday",
            &["Monday => 2014-12-22 Day Exact"],
        ),
        (
            "The vote is scheduled to take place on Wednesday",
            &["Wednesday => 2014-12-24 Day Exact"],
        ),
        (
            "He said he would not be available for Saturday's opener",
            &["Saturday => 2014-12-20 Day Exact"],
        ),
        (
            "They will meet on Thursday",
            &["Thursday => 2014-12-18 Day Exact"],
        ),
        (
            "The vote is scheduled for Wednesday",
            &["Wednesday => 2014-12-24 Day Exact"],
        ),
        ("next Tuesday", &["next Tuesday => 2014-12-23 Day Exact"]),
        // A cue further back, past a clock time.
        (
            "The airport will remain closed until at least 6pm on Monday",
            &["Monday => 2014-12-22 Day Exact"],
        ),
        // A schedule's verb in the present; "likely to".
        (
            "The race ends in Carrow on Sunday",
            &["Sunday => 2014-12-21 Day Exact"],
        ),
        (
            "The time trial is likely to settle the title before Sunday's final stage",
            &["before Sunday => 2014-12-21 Day OnOrBefore"],
        ),
        // An intention ("hope to", "plan to"); "would have" with an object
        // is no perfect tense.
        (
            "Salvage crews hope to begin pumping the oil on Wednesday",
            &["Wednesday => 2014-12-24 Day Exact"],
        ),
        (
            "The two sides plan to meet again on Monday",
            &["Monday => 2014-12-22 Day Exact"],
        ),
        (
            "The doctor said he would have a scan on Tuesday",
            &["Tuesday => 2014-12-23 Day Exact"],
        ),
        // Past: no cue, a cue in the past, a reporting verb after the cue.
        (
            "The committee met on Tuesday",
            &["Tuesday => 2014-12-16 Day Exact"],
        ),
        (
            "The vote was due to take place on Wednesday",
            &["Wednesday => 2014-12-17 Day Exact"],
        ),
        (
            "Rates will rise, the governor said on Tuesday",
            &["Tuesday => 2014-12-16 Day Exact"],
        ),
        (
            "It would have opened on Monday",
            &["Monday => 2014-12-15 Day Exact"],
        ),
        (
            "The set was damaged on Monday",
            &["Monday => 2014-12-15 Day Exact"],
        ),
    ]);
}

#[test]
fn weeks_months_and_years() {
    check(&[
        (
            "Last week North Korea denied it",
            &["Last week => 2014-W50 Week Exact"],
        ),
        ("this week", &["this week => 2014-W51 Week Exact"]),
        ("next week", &["next week => 2014-W52 Week Exact"]),
        (
            "earlier this week",
            &["earlier this week => 2014-W51 Week Approximate"],
        ),
        (
            "earlier this month",
            &["earlier this month => 2014-12 Month Approximate"],
        ),
        ("last month", &["last month => 2014-11 Month Exact"]),
        (
            "later this month",
            &["later this month => 2014-12 Month Approximate"],
        ),
        ("last year", &["last year => 2013 Year Exact"]),
        ("this year", &["this year => 2014 Year Exact"]),
        ("next year", &["next year => 2015 Year Exact"]),
        ("over the last week", &[]),
        ("for the last year", &[]),
        (
            "scheduled for next week",
            &["next week => 2014-W52 Week Exact"],
        ),
        (
            "since last week",
            &["since last week => 2014-W50 Week OnOrAfter"],
        ),
    ]);
}

#[test]
fn seasons() {
    // Published on 18 December 2014 (winter): a season of the northern
    // year, three months.
    check(&[
        (
            "Excavation is expected to start next spring.",
            &["next spring => 2015-03/2015-05 Month Exact"],
        ),
        (
            "Last summer the same pair found a wartime fighter plane.",
            &["Last summer => 2014-06/2014-08 Month Exact"],
        ),
        (
            "The pair found a fighter plane in the summer of 2011.",
            &["the summer of 2011 => 2011-06/2011-08 Month Exact"],
        ),
        (
            "The station will close in autumn 2016.",
            &["autumn 2016 => 2016-09/2016-11 Month Exact"],
        ),
        // This winter: the one under way.
        (
            "Prices rose this winter.",
            &["this winter => 2014-12/2015-02 Month Exact"],
        ),
        (
            "since last winter",
            &["since last winter => 2013-12/2014-02 Month OnOrAfter"],
        ),
        // Not a date: a season word alone, a spring of water, "fall".
        ("The spring was dry and prices fall.", &[]),
    ]);
}

#[test]
fn parts_of_a_year() {
    check(&[
        (
            "The cuts are to be completed by the end of 2027.",
            &["the end of 2027 => 2027-10/2027-12 Month Exact"],
        ),
        (
            "The cuts are to be made by the middle of 2027.",
            &["the middle of 2027 => 2027-05/2027-08 Month Exact"],
        ),
        (
            "work starts at the beginning of 2026",
            &["the beginning of 2026 => 2026-01/2026-03 Month Exact"],
        ),
        (
            "in the second half of 2025",
            &["the second half of 2025 => 2025-07/2025-12 Month Exact"],
        ),
        (
            "in the first quarter of 2026",
            &["the first quarter of 2026 => 2026-01/2026-03 Month Exact"],
        ),
        ("by mid-2027", &["mid-2027 => 2027-05/2027-08 Month Exact"]),
        ("early 2026", &["early 2026 => 2026-01/2026-04 Month Exact"]),
        (
            "in late 2025",
            &["late 2025 => 2025-09/2025-12 Month Exact"],
        ),
        (
            "until the end of 2026",
            &["until the end of 2026 => 2026-10/2026-12 Month OnOrBefore"],
        ),
        // Not a date: the end of something else.
        ("the end of the season", &[]),
        ("at the end of 2,000 metres", &[]),
    ]);
}

#[test]
fn across_year_boundaries_and_leap_days() {
    // Friday 2 January 2015: its week is 2015-W01, which began on 29 December.
    check_at(
        DateTime::new(2015, 1, 2, None),
        &[
            ("last week", &["last week => 2014-W52 Week Exact"]),
            ("this week", &["this week => 2015-W01 Week Exact"]),
            ("on Monday", &["Monday => 2014-12-29 Day Exact"]),
            ("last month", &["last month => 2014-12 Month Exact"]),
            ("December 30", &["December 30 => 2014-12-30 Day Exact"]),
            ("The November attack", &["November => 2014-11 Month Exact"]),
            ("yesterday", &["yesterday => 2015-01-01 Day Exact"]),
            ("two days ago", &["two days ago => 2014-12-31 Day Exact"]),
        ],
    );
    // Tuesday 1 March 2016, a leap year.
    check_at(
        DateTime::new(2016, 3, 1, None),
        &[
            ("yesterday", &["yesterday => 2016-02-29 Day Exact"]),
            ("February 29", &["February 29 => 2016-02-29 Day Exact"]),
            ("a week ago", &["a week ago => 2016-02-23 Day Exact"]),
            ("next week", &["next week => 2016-W10 Week Exact"]),
        ],
    );
    // Wednesday 1 March 2017: 29 February falls in 2016, the nearest leap year.
    check_at(
        DateTime::new(2017, 3, 1, None),
        &[("February 29", &["February 29 => 2016-02-29 Day Exact"])],
    );
}

#[test]
fn without_publication_date_only_full_dates() {
    check_at(
        None,
        &[
            (
                "Remember the 11th of September 2001, yesterday and December 25.",
                &["the 11th of September 2001 => 2001-09-11 Day Exact"],
            ),
            (
                "on 18 Dec 2014 and last week",
                &["18 Dec 2014 => 2014-12-18 Day Exact"],
            ),
            (
                "in September 2001 and in 2014",
                &[
                    "September 2001 => 2001-09 Month Exact",
                    "2014 => 2014 Year Exact",
                ],
            ),
            ("The November attack on Tuesday", &[]),
        ],
    );
}

#[test]
fn numbers_that_are_not_times() {
    check(&[
        ("2000 people marched", &[]),
        ("the 2014 elections", &["2014 => 2014 Year Exact"]),
        ("early early early late mid", &[]),
        ("the Windows 2000 machines", &[]),
        ("the attack on Unit 21 of North Korea", &[]),
        ("more than 47,000 records", &[]),
        // Centuries ahead: a figure, not a year.
        ("with a rating of 2598", &[]),
        ("built in 1066", &["1066 => 1066 Year Exact"]),
        (
            "a five-year plan for 5 December-born",
            &["5 December => 2014-12-05 Day Exact"],
        ),
    ]);
}

#[test]
fn seed_publication_dates_resolve_relative_times() {
    for index in [0, 1] {
        let analysis = analyze(&seed(index));
        assert_eq!(
            analysis
                .published()
                .map(|d| d.iso()[..10].to_string())
                .as_deref(),
            Some("2014-12-18")
        );
        assert!(analysis.times.iter().all(|t| !t.rule.is_empty()));
        let text = seed(index);
        assert_eq!(
            analysis.times,
            find_times(&text, &analysis.sentences, analysis.published()),
            "analyze and find_times agree"
        );
    }
}

/// Every expression lies inside its sentence, on char boundaries, in order.
fn assert_well_formed(text: &str, published: Option<DateTime>) {
    let sentence = Sentence {
        span: Span::new(0, text.len()),
        part: 0,
    };
    let mut cursor = 0;
    for time in find_times(text, &[sentence], published) {
        assert!(time.span.start >= cursor && time.span.start < time.span.end);
        assert!(time.span.end <= text.len());
        assert!(text.is_char_boundary(time.span.start) && text.is_char_boundary(time.span.end));
        cursor = time.span.end;
    }
}

#[test]
fn long_runs_stay_fast_and_flat() {
    for text in [
        "early ".repeat(200_000),
        "the ".repeat(200_000),
        "over a ".repeat(100_000) + "day ago",
        "December 25 ".repeat(50_000),
        "(".repeat(200_000) + "yesterday",
    ] {
        assert_well_formed(&text, published());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn any_text(text in any::<String>()) {
        assert_well_formed(&text, published());
        assert_well_formed(&text, None);
    }

    #[test]
    fn date_like_text(text in "(the|of|ago|a|over|last|next|this|week|year|days|early|mid|late|since|on|Tuesday|December|Dec|May|11th|25|2014|2001|three|twenty|-|,|\\.|'| ){0,40}") {
        assert_well_formed(&text, published());
        assert_well_formed(&text, DateTime::new(i32::MAX, 12, 31, None));
        assert_well_formed(&text, DateTime::new(i32::MIN, 1, 1, None));
    }
}

#[test]
fn until_a_weekday_in_a_state_that_still_holds_looks_forward() {
    // Published on Tuesday 15 September 2026: schools that "remain closed
    // until Wednesday" open the next day; a road that "was shut until
    // Monday" opened the day before.
    expect![[r#"
        Schools remain closed ⟦until Wednesday⟧2026-09-16 Day OnOrBefore.
        The road was shut ⟦until Monday⟧2026-09-14 Day OnOrBefore.
    "#]]
    .assert_eq(&render(
        "Storm latest\n\nTuesday 15 September 2026\n\nSchools remain closed until Wednesday. The road was shut until Monday.\n",
    ));
}

#[test]
fn until_at_least_a_day_is_an_end_stated() {
    // "until at least Sunday" states an end as "until 20 March" does.
    expect![[r#"
        The line will stay closed ⟦until at least Sunday⟧2026-09-20 Day OnOrBefore.
        The road will remain shut ⟦until 25 September⟧2026-09-25 Day OnOrBefore.
    "#]]
    .assert_eq(&render(
        "Rail latest\n\nTuesday 15 September 2026\n\nThe line will stay closed until at least Sunday. The road will remain shut until 25 September.\n",
    ));
}

#[test]
fn a_negated_bound_runs_the_other_way() {
    // "will not restart before Monday": on Monday or later; "won't reopen
    // until 25 September" likewise. Not negated, "before" and "until" stay ends.
    expect![[r#"
        The line will not restart ⟦before Monday⟧2026-09-21 Day OnOrAfter.
        The pool won't reopen ⟦until 25 September⟧2026-09-25 Day OnOrAfter.
        The line will restart ⟦before Monday⟧2026-09-21 Day OnOrBefore.
    "#]]
    .assert_eq(&render(
        "Rail latest\n\nTuesday 15 September 2026\n\nThe line will not restart before Monday. The pool won't reopen until 25 September. The line will restart before Monday.\n",
    ));
}
