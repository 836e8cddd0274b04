//! The certainty stage: snapshots of both seeds (every sentence with its
//! certainty and the cue words that decided it, `⟦…⟧hedged`) and focused
//! tests of the hard cases.

use expect_test::{Expect, expect};
use parallax_core::analyze;
use parallax_core::annotate::annotate;
use parallax_core::corpus::bundled_stories;
use parallax_core::extract::certainty::assess;
use parallax_core::extract::{Certainty, CertaintyCue};
use parallax_core::model::Span;

fn seed(index: usize) -> String {
    let (stories, _) = bundled_stories();
    stories[0].articles[index].raw.to_string()
}

fn label(certainty: Certainty) -> String {
    format!("{certainty:?}").to_lowercase()
}

/// `certainty | sentence` with its cues marked; cues outside the sentence
/// (a quote's speaker in an earlier sentence) are listed after it.
fn render_one(text: &str, sentence: Span, certainty: Certainty, cues: &[CertaintyCue]) -> String {
    let inside: Vec<(Span, String)> = cues
        .iter()
        .filter(|c| sentence.contains(c.span))
        .map(|c| {
            (
                Span::new(c.span.start - sentence.start, c.span.end - sentence.start),
                label(c.certainty),
            )
        })
        .collect();
    let outside: Vec<String> = cues
        .iter()
        .filter(|c| !sentence.contains(c.span))
        .map(|c| format!(" (+ {} ‘{}’)", label(c.certainty), c.span.text(text)))
        .collect();
    format!(
        "{:<10} | {}{}\n",
        label(certainty),
        annotate(sentence.text(text), &inside),
        outside.concat()
    )
}

fn render(text: &str) -> String {
    let analysis = analyze(text);
    analysis
        .sentences
        .iter()
        .zip(&analysis.claims)
        .map(|(s, claim)| render_one(text, s.span, claim.certainty, &claim.cues))
        .collect()
}

fn check(text: &str, expect: Expect) {
    expect.assert_eq(&render(text));
}

#[test]
fn first_seed_certainty() {
    check(
        &seed(0),
        expect![[r#"
        hedged     | Sony Pictures has caved to the demands of its blackmailers and cancelled the impending launch of the film The Interview, as US officials ⟦name⟧attributed North Korea as the ⟦likely⟧hedged source of the attack on the company's servers.
        hedged     | The November attack on the company's internal network was ⟦⟦said⟧attributed to have⟧hedged paralysed the company and directly led to the leaking of several unreleased films and passwords, certificates and personnel files.
        disputed   | ⟦⟦Rumours⟧hedged circulated⟧attributed that the attackers, a group calling itself GOP or Guardians of Peace, were to be named by Sony Pictures as North Korean in origin - a claim the company ⟦⟦denied⟧attributed⟧disputed while ⟦stating⟧attributed it was working with federal law enforcement to investigate the 'malicious criminal acts' of the group.
        hedged     | While Sony Pictures worked to keep the demands of the group private, it has been ⟦⟦claimed⟧attributed⟧hedged that the attack was in protest of an upcoming film from the company: The Interview, a parody comedy based on a fictional assassination attempt of North Korean despot Kim Jong-Un.
        hedged     | This was ⟦seemingly⟧hedged confirmed when a message ⟦purported⟧hedged to be from the original attackers threatened acts of terror against cinemas showing the film.
        attributed | 'The world will be full of fear. (+ attributed ‘read’)
        attributed | Remember the 11th of September 2001,' the message ⟦read⟧attributed.
        attributed | 'We recommend you to keep yourself distant from the places at that time. (+ attributed ‘read’)
        attributed | (If your house is nearby, you’d better leave.)' (+ attributed ‘read’)
        hedged     | Facing those threats, numerous cinema chains in the US pulled out of showing the film, and now Sony Pictures itself has ⟦at the very least⟧hedged delayed, ⟦if not⟧hedged outright cancelled, its release.
        attributed | 'In light of the decision by the majority of our exhibitors not to show the film The Interview, we have decided not to move forward with the planned December 25 theatrical release,' the company ⟦announced⟧attributed in a statement to press late yesterday.
        attributed | 'We respect and understand our partners’ decision and, of course, completely share their paramount interest in the safety of employees and theatre-goers. (+ attributed ‘announced’)
        attributed | 'Sony Pictures has been the victim of an unprecedented criminal assault against our employees, our customers, and our business. (+ attributed ‘announced’)
        hedged     | Those who attacked us stole our intellectual property, private emails, and sensitive and proprietary material, and sought to destroy our spirit and our morale – all ⟦apparently⟧hedged to thwart the release of a movie they did not like. (+ attributed ‘announced’)
        attributed | We are deeply saddened at this brazen effort to suppress the distribution of a movie, and in the process do damage to our company, our employees, and the American public. (+ attributed ‘announced’)
        attributed | We stand by our filmmakers and their right to free expression and are extremely disappointed by this outcome. (+ attributed ‘announced’)
        disputed   | Meanwhile, the New York Times has ⟦⟦claimed⟧attributed⟧hedged that the US government has officially ⟦concluded⟧attributed that the attack did indeed originate in North Korea and was ⟦likely⟧hedged state-sponsored, although Wired's Kim Zetter ⟦⟦argues⟧attributed⟧disputed that evidence for this is '⟦flimsy⟧disputed.'
        hedged     | Regardless, Sony Pictures is clearly still suffering the aftermath of the attach, with a ⟦claimed⟧hedged hundred terabytes of data still held by the attackers and the Los Angeles Times ⟦reporting⟧attributed that a class-action lawsuit has been brought against the company by current and former staff whose personal information was leaked as a result of the breach.
    "#]],
    );
}

#[test]
fn second_seed_certainty() {
    check(
        &seed(1),
        expect![[r#"
        attributed | In a plot worthy of a B movie, The Interview has been withdrawn from cinemas in the US just as US government officials ⟦named⟧attributed North Korea as the source of the cyberattack against Sony.
        attributed | Unnamed officials in a number of reports have ⟦laid blame⟧attributed for the attack on Unit 21 of North Korea’s General Bureau of Reconnaissance.
        hedged     | The attack has been ⟦described as⟧hedged “state sponsored” and rather than being a sophisticated exploit researchers at Cisco’s Talos Seucurity Intelligence and Research Group ⟦said⟧attributed that the “Destroyer” malware attack was full of bugs.
        asserted   | Yesterday Sony Pictures cancelled the 25 December theatrical release of The Interview – a spoof comedy starring Seth Rogen and James Franco portraying visit to the dysfunctional Hermit Kingdom – because of threats that were made to cinemas that were scheduled to show the movie.
        asserted   | The whole saga kicked off over a fortnight ago when Sony Pictures’ IT systems were shut down following a cyber-attack by a group calling itself Guardians of Peace.
        asserted   | The seriousness of the attack grew as five movies scheduled for release – including Fury and Annie – were distributed online to pirate sites, more than 47,000 records of employees were published online and emails by senior Sony and Hollywood executives were also published online.
        asserted   | This is an unprecedented situation where a movie has had to be cancelled because of safety fears caused by hacker threats to cinemas and moviegoers.
        attributed | In a statement Sony Pictured Entertainment ⟦said⟧attributed: “In light of the decision by the majority of our exhibitors not to show the film The Interview,we have decided not to move forward with the planned December 25 theatrical release.
        attributed | We respect and understand our partners’ decision and, of course, completely share their paramount interest in the safety of employees and theater-goers. (+ attributed ‘said’)
        attributed | “Sony Pictures has been the victim of an unprecedented criminal assault against our employees, our customers, and our business. (+ attributed ‘said’)
        hedged     | Those who attacked us stole our intellectual property, private emails, and sensitive and proprietary material, and sought to destroy our spirit and our morale — all ⟦apparently⟧hedged to thwart the release of a movie they did not like. (+ attributed ‘said’)
        attributed | We are deeply saddened at this brazen effort to suppress the distribution of a movie, and in the process do damage to our company, our employees, and the American public. (+ attributed ‘said’)
        attributed | We stand by our filmmakers and their right to free expression and are extremely disappointed by this outcome.” (+ attributed ‘said’)
        disputed   | Last week North Korea ⟦⟦denied⟧attributed⟧disputed it had any involvement in the attack but hailed it as a “righteous deed.”
        disputed   | While US government officials have been ⟦cited⟧attributed by various media organisations, including the New York Times, as confirming North Korea is the culprit, a formal White House statement ⟦has yet to⟧disputed be made on the matter.
        asserted   | A key matter for concern for the Obama administration is how much evidence it is prepared to make to the public without revealing how the US itself was able to penetrate North Korean networks to trace the source of the cyber-attack.
        hedged     | In a strange twist North Korea and its hacker army ⟦may have⟧hedged elevated The Interview from what ⟦could have⟧hedged been at best a moderate box office success into a movie with potential cult status and a collector’s item.
        asserted   | You couldn’t buy that kind of publicity.
        asserted   | Now millions of people who would have happily given The Interview a miss are curious to see what all the fuss was about.
    "#]],
    );
}

/// Assesses the single story sentence of `body` with its attributions:
/// the certainty and the cues as `text:certainty`.
fn assess_body(body: &str) -> (Certainty, Vec<String>) {
    let text = format!("Headline of the story\n\nDecember 18, 2014\n\n{body}\n");
    let analysis = analyze(&text);
    let sentence = analysis.sentences[0].span;
    let (certainty, cues) = assess(&text, sentence, &analysis.attributions);
    let shown = cues
        .iter()
        .map(|c| format!("{}:{}", c.span.text(&text), label(c.certainty)))
        .collect();
    (certainty, shown)
}

#[test]
fn likely_hedges_an_attributed_claim() {
    assert_eq!(
        assess_body(
            "Sony cancelled the film, as US officials name North Korea as the likely source."
        ),
        (
            Certainty::Hedged,
            vec!["name:attributed".into(), "likely:hedged".into()]
        )
    );
}

#[test]
fn naming_without_a_hedge_is_attributed() {
    assert_eq!(
        assess_body("US government officials named North Korea as the source of the cyberattack."),
        (Certainty::Attributed, vec!["named:attributed".into()])
    );
}

#[test]
fn a_contrary_view_disputes() {
    assert_eq!(
        assess_body(
            "The attack was likely state-sponsored, although Wired's Kim Zetter argues that \
             evidence for this is 'flimsy.'"
        ),
        (
            Certainty::Disputed,
            vec![
                "likely:hedged".into(),
                "argues:attributed".into(),
                "argues:disputed".into(),
                "flimsy:disputed".into()
            ]
        )
    );
}

#[test]
fn described_as_hedges() {
    let (certainty, cues) = assess_body("The attack has been described as “state sponsored”.");
    assert_eq!(certainty, Certainty::Hedged);
    assert_eq!(cues, ["described as:hedged"]);
}

#[test]
fn hedge_phrases() {
    for (body, cue) in [
        (
            "The attack was said to have paralysed the company.",
            "said to have",
        ),
        (
            "A message purported to be from the attackers arrived.",
            "purported",
        ),
        ("This was seemingly confirmed.", "seemingly"),
        (
            "Sony has at the very least delayed the release.",
            "at the very least",
        ),
        (
            "Sony has delayed, if not outright cancelled, its release.",
            "if not",
        ),
        // The same qualifiers in other words and other stories.
        (
            "Sales have stalled, if not collapsed, since March.",
            "if not",
        ),
        ("The plan was at the least premature.", "at the least"),
        ("The ban has to some extent worked.", "to some extent"),
        ("It was arguably the worst flood in decades.", "arguably"),
        ("North Korea may have elevated the film.", "may have"),
        ("It could have been a success.", "could have"),
        ("All apparently to thwart the release.", "apparently"),
        ("A claimed hundred terabytes were stolen.", "claimed"),
        // A reading of evidence, and a claim on a condition.
        (
            "Early tests point to copper from the mines of Korvath.",
            "point to",
        ),
        ("The figures suggest a slowdown in hiring.", "suggest"),
        (
            "If the dating is confirmed, it would be the oldest wreck in Caldrian waters.",
            "would",
        ),
        ("The bridge, if approved, would open in 2029.", "would"),
        // A forecast.
        (
            "Schools are expected to return to normal timetables on Monday.",
            "expected to",
        ),
        (
            "Inflation is forecast to fall below 3% next year.",
            "forecast to",
        ),
    ] {
        let (certainty, cues) = assess_body(body);
        assert_eq!(certainty, Certainty::Hedged, "{body}");
        assert!(cues.contains(&format!("{cue}:hedged")), "{body}: {cues:?}");
    }
}

#[test]
fn dispute_phrases() {
    for (body, cue) in [
        ("North Korea denied it had any involvement.", "denied"),
        (
            "A formal statement has yet to be made on the matter.",
            "has yet to",
        ),
        ("There is no evidence for this.", "no evidence"),
    ] {
        let (certainty, cues) = assess_body(body);
        assert_eq!(certainty, Certainty::Disputed, "{body}");
        assert!(
            cues.contains(&format!("{cue}:disputed")),
            "{body}: {cues:?}"
        );
    }
}

#[test]
fn plain_statements_are_asserted() {
    for body in [
        "Yesterday Sony Pictures cancelled the release.",
        "You couldn’t buy that kind of publicity.",
        "The film opens on May 5 in New York.",
        "The May release was cancelled.",
        // "if not" as a condition is no qualifier.
        "If not, the deal lapses in June.",
        "The club would have gone under, if not for the loan.",
        "The club will pay and, if not, the state will.",
    ] {
        assert_eq!(assess_body(body), (Certainty::Asserted, vec![]), "{body}");
    }
}

#[test]
fn a_sentence_inside_a_quote_is_attributed_to_its_speaker() {
    let text = seed(0);
    let analysis = analyze(&text);
    let index = analysis
        .sentences
        .iter()
        .position(|s| s.span.text(&text).starts_with("We stand by our filmmakers"))
        .expect("the sentence");
    let (certainty, cues) = (
        analysis.claims[index].certainty,
        &analysis.claims[index].cues,
    );
    assert_eq!(certainty, Certainty::Attributed);
    assert_eq!(cues[0].span.text(&text), "announced");
}

#[test]
fn certainties_are_ordered() {
    assert!(Certainty::Asserted < Certainty::Attributed);
    assert!(Certainty::Attributed < Certainty::Hedged);
    assert!(Certainty::Hedged < Certainty::Disputed);
}

#[test]
fn a_belief_hedges_what_a_finding_states() {
    // "believe" gives a view, "have concluded" a finding: a reader should
    // see the one hedged and the other attributed.
    let claim = |body: &str| {
        let text = format!("Headline of the story\n\nDecember 18, 2014\n\n{body}\n");
        let analysis = analyze(&text);
        let claim = analysis.claims.first().expect("a claim");
        let cues: Vec<String> = claim
            .cues
            .iter()
            .map(|c| format!("{}:{}", c.span.text(&text), label(c.certainty)))
            .collect();
        (claim.certainty, cues)
    };
    let (certainty, cues) =
        claim("Engineers believe the crack was caused by metal fatigue, the council said.");
    assert_eq!(certainty, Certainty::Hedged, "{cues:?}");
    assert!(cues.contains(&"believe:hedged".to_string()), "{cues:?}");
    let (certainty, cues) = claim(
        "The crack was caused by metal fatigue, engineers at the county council have concluded.",
    );
    assert_eq!(certainty, Certainty::Attributed, "{cues:?}");
}
