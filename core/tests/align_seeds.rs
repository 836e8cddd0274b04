//! Gold tests of the alignment on the seed story (two outlets): the facts
//! both report, how they differ, and the facts only one reports staying
//! alone. Sentence numbers below are 1-based claim numbers per outlet:
//! `T` is the unnamed tech site (985eb20a), `S` is Silicon Republic (5cdbf99d).

use std::collections::BTreeSet;

use expect_test::expect;
use parallax_core::align::{
    ArticleInput, DifferenceKind, Fact, LinkResolution, StoryAlignment, WordOp, align,
    resolve_claim,
};
use parallax_core::corpus::{Story, bundled_stories};
use parallax_core::extract::{Analysis, analyze_story};

struct Seeds {
    story: Story,
    analyses: Vec<Analysis>,
}

fn seeds() -> Seeds {
    let (stories, _) = bundled_stories();
    let story = stories.into_iter().next().unwrap();
    let texts: Vec<&str> = story.articles.iter().map(|a| &*a.raw).collect();
    let analyses = analyze_story(&texts);
    Seeds { story, analyses }
}

impl Seeds {
    fn inputs(&self) -> Vec<ArticleInput<'_>> {
        self.story
            .articles
            .iter()
            .zip(&self.analyses)
            .map(|(a, analysis)| ArticleInput {
                id: &a.id,
                outlet: &a.outlet,
                text: &a.raw,
                analysis,
            })
            .collect()
    }

    fn align(&self) -> StoryAlignment {
        align(&self.inputs())
    }
}

/// (T sentence, S sentence) pairs the aligner put in one fact.
fn pairs(alignment: &StoryAlignment) -> BTreeSet<(usize, usize)> {
    let mut out = BTreeSet::new();
    for fact in &alignment.facts {
        for x in fact.claims.iter().filter(|c| c.article == 0) {
            for y in fact.claims.iter().filter(|c| c.article == 1) {
                out.insert((x.claim + 1, y.claim + 1));
            }
        }
    }
    out
}

fn fact_of(alignment: &StoryAlignment, t: usize, s: usize) -> &Fact {
    alignment
        .facts
        .iter()
        .find(|f| {
            f.claims.iter().any(|c| c.article == 0 && c.claim + 1 == t)
                && f.claims.iter().any(|c| c.article == 1 && c.claim + 1 == s)
        })
        .unwrap_or_else(|| panic!("no fact pairs T{t} with S{s}"))
}

fn kinds(fact: &Fact) -> Vec<DifferenceKind> {
    fact.differences.iter().map(|d| d.kind).collect()
}

fn details(fact: &Fact, kind: DifferenceKind) -> String {
    fact.differences
        .iter()
        .filter(|d| d.kind == kind)
        .map(|d| d.detail.as_str())
        .collect::<Vec<_>>()
        .join(" / ")
}

#[test]
fn facts_both_outlets_report_are_shared_and_their_differences_typed() {
    let seeds = seeds();
    let alignment = seeds.align();
    let found = pairs(&alignment);
    // (what, T, S)
    let required = [
        ("US officials name North Korea; the film is pulled", 1, 1),
        (
            "the cancelled 25 December release, cinema chains pulling out",
            10,
            4,
        ),
        ("the Guardians of Peace group", 3, 5),
        ("the threats to cinemas", 5, 7),
        ("Sony's statement, first quote", 11, 8),
        ("Sony's statement, second quote", 12, 9),
        ("state sponsorship", 17, 3),
        ("the New York Times report", 17, 15),
        ("when the attack happened", 2, 5),
    ];
    for (what, t, s) in required {
        assert!(
            found.contains(&(t, s)),
            "{what}: T{t} ~ S{s} not matched; found {found:?}"
        );
    }
    // KNOWN FAILURE (issue 16): T2 ~ S6 (the leaked films and staff data)
    // and T4 ~ S4 (the film's premise: "parody comedy" / "spoof comedy")
    // should be matched. With general lexical data only, "files" and
    // "records" meet (WordNet: a file is a kind of record) but "personnel"
    // and "employees" are not one concept, and "spoof" is too rare a word
    // for the table, so the pairs share too little; they were matched while
    // the table held hand-picked pairs (personnel→employee, parody→spoof).
    assert!(!found.contains(&(2, 6)), "fixed? restore T2 ~ S6 above");
    assert!(!found.contains(&(4, 4)), "fixed? restore T4 ~ S4 above");
    let officials = fact_of(&alignment, 1, 1);
    assert!(details(officials, DifferenceKind::Certainty).contains("“likely”"));

    let release = fact_of(&alignment, 10, 4);
    assert!(kinds(release).contains(&DifferenceKind::Certainty));
    assert!(details(release, DifferenceKind::Specificity).contains("“25 December”"));

    // The differences of T2 ~ S6 ("five movies" / "several unreleased
    // films", "more than 47,000 records" / "personnel files", Fury, Annie)
    // are not checked while that pair is a known failure (above).

    // "November" and "over a fortnight ago" are compatible times, one
    // more precise: a specificity difference, not a date conflict.
    let when = fact_of(&alignment, 2, 5);
    assert!(details(when, DifferenceKind::Date).is_empty());
    let date = details(when, DifferenceKind::Specificity);
    assert!(
        date.contains("“November”") && date.contains("“over a fortnight ago”"),
        "{date}"
    );

    let state = fact_of(&alignment, 17, 3);
    assert!(kinds(state).contains(&DifferenceKind::Certainty));
    assert!(kinds(state).contains(&DifferenceKind::Attribution));

    let nyt = fact_of(&alignment, 17, 15);
    assert!(
        nyt.evidence.links[0]
            .shared
            .iter()
            .any(|f| f.a == "New York Times")
    );

    for fact in [officials, release, when, state, nyt] {
        assert_eq!(fact.coverage.name(), "all");
        assert_eq!(fact.outlets, ["Unnamed tech site", "Silicon Republic"]);
    }
}

#[test]
fn quote_fidelity_shows_spelling_and_spacing() {
    let seeds = seeds();
    let alignment = seeds.align();
    let texts: Vec<&str> = seeds.story.articles.iter().map(|a| &*a.raw).collect();
    let first = fact_of(&alignment, 11, 8);
    let spacing: Vec<String> = first.quotes[0]
        .words
        .iter()
        .filter(|op| matches!(op, WordOp::Spacing { .. }))
        .map(|op| op.describe(texts[0], texts[1]))
        .collect();
    assert_eq!(spacing, ["“Interview, we” → “Interview,we” (spacing)"]);
    let second = fact_of(&alignment, 12, 9);
    let spelling: Vec<String> = second.quotes[0]
        .changes()
        .iter()
        .map(|op| op.describe(texts[0], texts[1]))
        .collect();
    assert_eq!(spelling, ["“theatre-goers.” → “theater-goers.” (spelling)"]);
    // Different speakers named for the same words.
    let speakers = |f: &Fact| {
        let q = &f.quotes[0];
        (
            q.speaker_a.map(|s| s.text(texts[0])),
            q.speaker_b.map(|s| s.text(texts[1])),
        )
    };
    assert_eq!(
        speakers(first),
        (Some("the company"), Some("Sony Pictured Entertainment"))
    );
    assert!(details(first, DifferenceKind::Quote).contains("spacing"));
    // …but both resolve to the same organisation: no attribution difference.
    assert!(!details(first, DifferenceKind::Attribution).contains("Sony Pictured Entertainment"));
}

#[test]
fn facts_only_one_outlet_reports_stay_alone() {
    let seeds = seeds();
    let alignment = seeds.align();
    let found = pairs(&alignment);
    // Sentences with facts only one outlet reports, and the only partners
    // they may have (for another fact the same sentence also reports).
    type Alone<'a> = (&'a str, Option<usize>, Option<usize>, &'a [(usize, usize)]);
    let alone: [Alone<'_>; 6] = [
        ("Unit 21", None, Some(2), &[]),
        (
            "the hundred terabytes and the class-action lawsuit",
            Some(18),
            None,
            &[],
        ),
        ("North Korea's “righteous deed” denial", None, Some(14), &[]),
        (
            "Cisco Talos and the “Destroyer” malware (same sentence as “state sponsored”)",
            None,
            Some(3),
            &[(17, 3)],
        ),
        (
            "Wired's “flimsy” (same sentence as the NYT report)",
            Some(17),
            None,
            &[(17, 3), (17, 15)],
        ),
        (
            "the White House statement (same sentence as the NYT report)",
            None,
            Some(15),
            &[(17, 15)],
        ),
    ];
    for (what, t, s, allowed) in alone {
        for &(x, y) in &found {
            if Some(x) == t || Some(y) == s {
                assert!(allowed.contains(&(x, y)), "{what}: glued T{x} ~ S{y}");
            }
        }
    }
    // Every pair the aligner makes is one a reader would agree with.
    let agreeable: BTreeSet<(usize, usize)> = [
        (1, 1),
        (10, 4),
        (3, 5),
        (5, 7),
        (11, 8),
        (12, 9),
        (13, 10),
        (14, 11),
        (15, 12),
        (16, 13),
        (2, 6),
        (17, 3),
        (17, 15),
        (4, 4),
        (2, 5),
    ]
    .into_iter()
    .collect();
    let unexpected: Vec<_> = found.difference(&agreeable).collect();
    // T3 ~ S16 (Sony's rumoured naming of North Korea, "North Korean in
    // origin", and the US tracing "the source of the cyber-attack" through
    // "North Korean networks") were once paired through "North", "Korean"
    // and origin/source; "North Korean" is one name, and one name and one
    // word are too little in common. T3 is paired with S5 only.
    assert!(unexpected.is_empty(), "unexpected pairs {unexpected:?}");
}

#[test]
fn every_claim_is_in_a_fact_and_ids_are_stable() {
    let seeds = seeds();
    let alignment = seeds.align();
    for (article, analysis) in seeds.analyses.iter().enumerate() {
        for claim in 0..analysis.claims.len() {
            let c = parallax_core::align::ClaimRef { article, claim };
            assert!(!alignment.facts_of(c).is_empty(), "claim {c:?} in no fact");
        }
    }
    let again = seeds.align();
    assert_eq!(alignment, again, "alignment is deterministic");
    let ids: BTreeSet<&str> = alignment.facts.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids.len(), alignment.facts.len(), "fact ids are unique");
    // Each outlet omits exactly the facts only the other carries.
    let omitted: Vec<usize> = alignment.omitted_by("Silicon Republic").collect();
    assert!(
        omitted
            .iter()
            .all(|&f| alignment.facts[f].outlets == ["Unnamed tech site"])
    );
    assert!(!omitted.is_empty());
}

#[test]
fn links_reanchor_after_edits_and_report_orphans() {
    let seeds = seeds();
    let inputs = seeds.inputs();
    let claim = &seeds.analyses[1].claims[5];
    let text = claim.span.text(&seeds.story.articles[1].raw);
    // The id still exists.
    assert!(matches!(
        resolve_claim(&inputs, "5cdbf99d", &claim.id, text),
        LinkResolution::Found(c) if c.article == 1 && c.claim == 5
    ));
    // An old id, the quote edited a little: re-anchored by the words.
    let edited = text
        .replace("five movies", "five films")
        .replace("senior", "top");
    match resolve_claim(&inputs, "5cdbf99d", "000000000000", &edited) {
        LinkResolution::Reanchored { claim, similarity } => {
            assert_eq!((claim.article, claim.claim), (1, 5));
            assert!(similarity >= 800, "{similarity}");
        }
        other => panic!("not re-anchored: {other:?}"),
    }
    // The quote verbatim, but the article id changed: found in any article.
    assert!(matches!(
        resolve_claim(&inputs, "gone", "000000000000", text),
        LinkResolution::Reanchored {
            similarity: 1000,
            ..
        }
    ));
    // Nothing like it: an orphan, with the nearest candidates.
    match resolve_claim(
        &inputs,
        "5cdbf99d",
        "000000000000",
        "The records of employees were never published anywhere.",
    ) {
        LinkResolution::Orphan { nearest } => {
            assert!(!nearest.is_empty() && nearest.len() <= 3);
            assert_eq!(
                (nearest[0].0.article, nearest[0].0.claim),
                (1, 5),
                "{nearest:?}"
            );
        }
        other => panic!("expected an orphan: {other:?}"),
    }
    assert!(matches!(
        resolve_claim(&inputs, "5cdbf99d", "000000000000", ""),
        LinkResolution::Orphan { .. }
    ));
}

/// The shared facts with their differences, as a reader would see them.
#[test]
fn shared_facts_snapshot() {
    let seeds = seeds();
    let alignment = seeds.align();
    let mut out = String::new();
    for fact in alignment.facts.iter().filter(|f| f.claims.len() > 1) {
        let numbers: Vec<String> = fact
            .claims
            .iter()
            .map(|c| format!("{}{}", ["T", "S"][c.article], c.claim + 1))
            .collect();
        out.push_str(&format!(
            "{} [{}] score {}: {}\n",
            numbers.join("~"),
            fact.coverage.name(),
            fact.evidence.score,
            fact.label
        ));
        let why: Vec<String> = fact.evidence.links[0]
            .shared
            .iter()
            .take(5)
            .map(|f| {
                if f.a == f.b {
                    f.a.clone()
                } else {
                    format!("{}/{}", f.a, f.b)
                }
            })
            .collect();
        out.push_str(&format!("  why: {}\n", why.join(", ")));
        for d in &fact.differences {
            out.push_str(&format!("  {}: {}\n", d.kind.name(), d.detail));
        }
    }
    // KNOWN FAILURE (issue 16): T2~S6 and T4~S4 are missing (see the
    // tests above).
    expect![[r#"
        T1~S1 [all] score 588: In a plot worthy of a B movie, The Interview has been withdrawn from cinemas in the US…
          why: officials, name/named, source, US, The Interview
          certainty: Unnamed tech site hedges it (“likely”); Silicon Republic attributes it to a source (“named”).
        T2~S5 [all] score 107: The whole saga kicked off over a fortnight ago when Sony Pictures’ IT systems were shut…
          why: November/over a fortnight ago, attack
          specificity: Unnamed tech site dates it “November” (2014-11); Silicon Republic “over a fortnight ago” (2014-12-04 or before): compatible, but not equally precise.
          certainty: Unnamed tech site hedges it (“said to have”); Silicon Republic states it as fact.
        T3~S5 [all] score 369: The whole saga kicked off over a fortnight ago when Sony Pictures’ IT systems were shut…
          why: GOP/Guardians of Peace, group, calling, Sony Pictures, attackers/attack
          specificity: Silicon Republic gives a date: “over a fortnight ago” (2014-12-04 or before); Unnamed tech site gives none.
          certainty: Unnamed tech site reports it as disputed (“denied”); Silicon Republic states it as fact.
        T5~S7 [all] score 252: This was seemingly confirmed when a message purported to be from the original attackers…
          why: threatened/threats, cinemas, film/movie
          certainty: Unnamed tech site hedges it (“seemingly”, “purported”); Silicon Republic states it as fact.
        T10~S4 [all] score 454: Facing those threats, numerous cinema chains in the US pulled out of showing the film…
          why: cancelled, threats, cinema/cinemas, showing/show, release
          specificity: Silicon Republic names The Interview, Seth Rogen, James Franco; Unnamed tech site does not.
          specificity: Silicon Republic gives a date: “Yesterday” (2014-12-17); Unnamed tech site gives none.
          specificity: Silicon Republic gives a date: “25 December” (2014-12-25); Unnamed tech site gives none.
          certainty: Unnamed tech site hedges it (“at the very least”, “if not”); Silicon Republic states it as fact.
        T11~S8 [all] score 973: In a statement Sony Pictured Entertainment said: “In light of the decision by the…
          why: light, majority, exhibitors, move, forward
          quote: The quoted words differ between Unnamed tech site and Silicon Republic: “Interview, we” → “Interview,we” (spacing).
        T12~S9 [all] score 1000: We respect and understand our partners’ decision and, of course, completely share their…
          why: respect, understand, partners, course, completely
          quote: The quoted words differ between Unnamed tech site and Silicon Republic: “theatre-goers.” → “theater-goers.” (spelling).
        T13~S10 [all] score 1000: 'Sony Pictures has been the victim of an unprecedented criminal assault against our…
          why: victim, assault, customers, business, Sony Pictures has been
        T14~S11 [all] score 1000: Those who attacked us stole our intellectual property, private emails, and sensitive and…
          why: stole, intellectual, property, sensitive, proprietary
        T15~S12 [all] score 1000: We are deeply saddened at this brazen effort to suppress the distribution of a movie, and…
          why: deeply, saddened, brazen, suppress, distribution
        T16~S13 [all] score 1000: We stand by our filmmakers and their right to free expression and are extremely…
          why: stand, filmmakers, right, free, expression
        T17~S3 [all] score 366: The attack has been described as “state sponsored” and rather than being a…
          why: state, sponsored, attack
          certainty: Unnamed tech site reports it as disputed (“argues”, “flimsy”); Silicon Republic hedges it (“described as”).
          attribution: Unnamed tech site attributes it to the New York Times; Silicon Republic attributes it to researchers at Cisco’s Talos Seucurity Intelligence and Research Group.
        T17~S15 [all] score 390: While US government officials have been cited by various media organisations, including…
          why: New York Times, government, US, North Korea
          attribution: Unnamed tech site attributes it to the New York Times; Silicon Republic attributes it to US government officials.
    "#]].assert_eq(&out);
}
