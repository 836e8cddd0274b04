//! The attribution stage: snapshots of both seeds (one line per attribution:
//! its sentence with `⟦…⟧claim`, `⟦…⟧source` / `⟦…⟧anonymous source` and
//! `⟦…⟧cue` marked) and focused tests of the hard cases.

use expect_test::{Expect, expect};
use parallax_core::analyze;
use parallax_core::annotate::annotate_sentences;
use parallax_core::corpus::bundled_stories;
use parallax_core::extract::Attribution;
use parallax_core::extract::attribution::find_attributions;
use parallax_core::model::Span;
use proptest::prelude::*;

fn seed(index: usize) -> String {
    let (stories, _) = bundled_stories();
    stories[0].articles[index].raw.to_string()
}

/// One attribution per line, annotated inside the sentence holding its cue,
/// then its rule.
fn render(text: &str, sentences: &[Span], attributions: &[Attribution]) -> String {
    let mut out = String::new();
    for a in attributions {
        let Some(&sentence) = sentences.iter().find(|s| s.contains(a.cue)) else {
            out.push_str(&format!("(cue outside every sentence: {})\n", a.cue));
            continue;
        };
        let mut items = vec![(a.span, "claim".to_string()), (a.cue, "cue".to_string())];
        match a.source {
            Some(source) if a.anonymous => items.push((source, "anonymous source".to_string())),
            Some(source) => items.push((source, "source".to_string())),
            None => {}
        }
        let shown = annotate_sentences(text, &[sentence], &items);
        let missing = if shown.is_empty() {
            " (claim outside the cue's sentence)"
        } else {
            ""
        };
        let anonymous = if a.anonymous && a.source.is_none() {
            " [anonymous: no source]"
        } else {
            ""
        };
        out.push_str(&format!(
            "{}  rule: {}{anonymous}{missing}\n",
            shown, a.rule
        ));
    }
    out
}

fn check(text: &str, expect: Expect) {
    let analysis = analyze(text);
    let sentences: Vec<Span> = analysis.sentences.iter().map(|s| s.span).collect();
    let found = find_attributions(text, &analysis.sentences);
    expect.assert_eq(&render(text, &sentences, &found));
}

fn story(paragraphs: &str) -> String {
    format!("Headline of the story\n\nDecember 18, 2014\n\n{paragraphs}\n")
}

#[test]
fn first_seed_attributions() {
    check(
        &seed(0),
        expect![[r#"
        Sony Pictures has caved to the demands of its blackmailers and cancelled the impending launch of the film The Interview, as ⟦US officials⟧source ⟦name⟧cue ⟦North Korea as the likely source of the attack on the company's servers⟧claim.
          rule: ‘name … as’: the subject names who is responsible
        ⟦The November attack on the company's internal network was ⟦said⟧cue to have paralysed the company and directly led to the leaking of several unreleased films and passwords, certificates and personnel files⟧claim.
          rule: a passive ‘said to’ that names no source [anonymous: no source]
        ⟦Rumours circulated⟧cue that ⟦the attackers, a group calling itself GOP or Guardians of Peace, were to be named by Sony Pictures as North Korean in origin⟧claim - a claim the company denied while stating it was working with federal law enforcement to investigate the 'malicious criminal acts' of the group.
          rule: rumours, with no source named [anonymous: no source]
        ⟦Rumours circulated that the attackers, a group calling itself GOP or Guardians of Peace, were to be named by Sony Pictures as North Korean in origin⟧claim - a claim ⟦the company⟧source ⟦denied⟧cue while stating it was working with federal law enforcement to investigate the 'malicious criminal acts' of the group.
          rule: a speech verb with its subject (X said that …)
        Rumours circulated that the attackers, a group calling itself GOP or Guardians of Peace, were to be named by Sony Pictures as North Korean in origin - a claim ⟦the company⟧source denied while ⟦stating⟧cue ⟦it was working with federal law enforcement to investigate the 'malicious criminal acts' of the group⟧claim.
          rule: a speech verb sharing the subject of the verb before (X denied … while stating …)
        While Sony Pictures worked to keep the demands of the group private, it has been ⟦claimed⟧cue that ⟦the attack was in protest of an upcoming film from the company: The Interview, a parody comedy based on a fictional assassination attempt of North Korean despot Kim Jong-Un⟧claim.
          rule: an impersonal passive that names no source (it has been claimed that …) [anonymous: no source]
        ⟦Remember the 11th of September 2001,'⟧claim ⟦the message⟧source ⟦read⟧cue.
          rule: speaker and verb after a closing quote mark (…,' the message read)
        ⟦'In light of the decision by the majority of our exhibitors not to show the film The Interview, we have decided not to move forward with the planned December 25 theatrical release,'⟧claim ⟦the company⟧source ⟦announced⟧cue in a statement to press late yesterday.
          rule: speaker and verb after a closing quote mark (…,' the message read)
        Meanwhile, ⟦the New York Times⟧source has ⟦claimed⟧cue that ⟦the US government has officially concluded that the attack did indeed originate in North Korea and was likely state-sponsored⟧claim, although Wired's Kim Zetter argues that evidence for this is 'flimsy.'
          rule: a speech verb with its subject (X said that …)
        Meanwhile, the New York Times has claimed that ⟦the US government⟧source has officially ⟦concluded⟧cue that ⟦the attack did indeed originate in North Korea and was likely state-sponsored⟧claim, although Wired's Kim Zetter argues that evidence for this is 'flimsy.'
          rule: a speech verb with its subject (X said that …)
        Meanwhile, the New York Times has claimed that the US government has officially concluded that the attack did indeed originate in North Korea and was likely state-sponsored, although ⟦Wired's Kim Zetter⟧source ⟦argues⟧cue that ⟦evidence for this is 'flimsy.'⟧claim
          rule: a speech verb with its subject (X said that …)
        Regardless, Sony Pictures is clearly still suffering the aftermath of the attach, with a claimed hundred terabytes of data still held by the attackers and ⟦the Los Angeles Times⟧source ⟦reporting⟧cue that ⟦a class-action lawsuit has been brought against the company by current and former staff whose personal information was leaked as a result of the breach⟧claim.
          rule: a speech verb with its subject (X said that …)
    "#]],
    );
}

#[test]
fn second_seed_attributions() {
    check(
        &seed(1),
        expect![[r#"
        In a plot worthy of a B movie, The Interview has been withdrawn from cinemas in the US just as ⟦US government officials⟧source ⟦named⟧cue ⟦North Korea as the source of the cyberattack against Sony⟧claim.
          rule: ‘name … as’: the subject names who is responsible
        ⟦Unnamed officials⟧anonymous source in a number of reports have ⟦laid blame⟧cue ⟦for the attack on Unit 21 of North Korea’s General Bureau of Reconnaissance⟧claim.
          rule: ‘laid blame’ / ‘blamed’: the subject blames someone
        The attack has been described as “state sponsored” and rather than being a sophisticated exploit ⟦researchers at Cisco’s Talos Seucurity Intelligence and Research Group⟧source ⟦said⟧cue that ⟦the “Destroyer” malware attack was full of bugs⟧claim.
          rule: a speech verb with its subject (X said that …)
        In a statement ⟦Sony Pictured Entertainment⟧source ⟦said⟧cue: ⟦“In light of the decision by the majority of our exhibitors not to show the film The Interview,we have decided not to move forward with the planned December 25 theatrical release⟧claim.
          rule: a speech verb with its subject (X said that …)
        Last week ⟦North Korea⟧source ⟦denied⟧cue ⟦it had any involvement in the attack⟧claim but hailed it as a “righteous deed.”
          rule: a speech verb with its subject (X said that …)
        While ⟦US government officials⟧source have been ⟦cited⟧cue by various media organisations, including the New York Times, as confirming ⟦North Korea is the culprit⟧claim, a formal White House statement has yet to be made on the matter.
          rule: ‘cited … as’: others report the subject as saying it
    "#]],
    );
}

/// The attributions of a focused example as `(claim, source, cue, anonymous)`.
fn brief(text: &str) -> Vec<(String, String, String, bool)> {
    let analysis = analyze(text);
    find_attributions(text, &analysis.sentences)
        .iter()
        .map(|a| {
            (
                a.span.text(text).to_string(),
                a.source.map_or(String::new(), |s| s.text(text).to_string()),
                a.cue.text(text).to_string(),
                a.anonymous,
            )
        })
        .collect()
}

fn row(claim: &str, source: &str, cue: &str, anonymous: bool) -> (String, String, String, bool) {
    (claim.into(), source.into(), cue.into(), anonymous)
}

#[test]
fn a_subject_and_its_speech_verb() {
    let text = story(
        "Meanwhile, the New York Times has claimed that the attack came from North Korea, \
         although Wired's Kim Zetter argues that evidence for this is 'flimsy.'",
    );
    assert_eq!(
        brief(&text),
        [
            row(
                "the attack came from North Korea",
                "the New York Times",
                "claimed",
                false
            ),
            row(
                "evidence for this is 'flimsy.'",
                "Wired's Kim Zetter",
                "argues",
                false
            ),
        ]
    );
}

#[test]
fn name_as_and_laid_blame() {
    let text = story(
        "Sony pulled the film as US officials name North Korea as the likely source. \
         Unnamed officials in a number of reports have laid blame for the attack on Unit 21.",
    );
    assert_eq!(
        brief(&text),
        [
            row(
                "North Korea as the likely source",
                "US officials",
                "name",
                false
            ),
            row(
                "for the attack on Unit 21",
                "Unnamed officials",
                "laid blame",
                true
            ),
        ]
    );
}

#[test]
fn sources_that_name_nobody() {
    let text = story(
        "The attack was said to have paralysed the company. \
         Rumours circulated that the attackers were North Korean - a claim nobody confirmed. \
         While the studio worked on, it has been claimed that the attack was a protest.",
    );
    assert_eq!(
        brief(&text),
        [
            row(
                "The attack was said to have paralysed the company",
                "",
                "said",
                true
            ),
            row(
                "the attackers were North Korean",
                "",
                "Rumours circulated",
                true
            ),
            row("the attack was a protest", "", "claimed", true),
        ]
    );
}

#[test]
fn adjectives_nouns_and_hypotheticals_are_no_cues() {
    let text = story(
        "Sony suffers, with a claimed hundred terabytes of data stolen. \
         The attackers were to be named by Sony Pictures as North Korean. \
         The report was long and its claims were many.",
    );
    assert_eq!(brief(&text), []);
}

#[test]
fn a_name_set_off_after_an_inverted_source_is_part_of_it() {
    let text = story(
        "Oskerfeld General Hospital treated 19 of the injured, said its medical director, Bertil Kaas.",
    );
    let found = brief(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "its medical director, Bertil Kaas");
}

#[test]
fn an_instruction_given_is_no_source() {
    // "told to", "asked to": what someone was told to do, not what they said.
    let text = story(
        "Hollin Lane Primary was among nine city schools told to close on Tuesday. \
         Residents were asked to stay indoors and keep their windows shut.",
    );
    assert_eq!(brief(&text), []);
    // Told with an addressee still reports words.
    let text = story("Mr Ames told parents that the school would stay shut.");
    assert_eq!(brief(&text).len(), 1, "{:?}", brief(&text));
}

#[test]
fn a_second_verb_shares_the_subject_of_the_first() {
    let text = story(
        "Rumours spread - a claim the company denied while stating it was working with the FBI.",
    );
    let rows = brief(&text);
    assert_eq!(rows.len(), 3);
    assert_eq!(
        rows[1],
        row("Rumours spread", "the company", "denied", false)
    );
    assert_eq!(
        rows[2],
        row(
            "it was working with the FBI",
            "the company",
            "stating",
            false
        )
    );
}

#[test]
fn cited_as_confirming_inside_a_leading_while_clause() {
    let text = story(
        "While US government officials have been cited by various media organisations, \
         including the New York Times, as confirming North Korea is the culprit, a formal \
         White House statement has yet to be made.",
    );
    assert_eq!(
        brief(&text),
        [row(
            "North Korea is the culprit",
            "US government officials",
            "cited",
            false
        )]
    );
}

#[test]
fn reporting_and_according_to() {
    let text = story(
        "Sony suffers, with the Los Angeles Times reporting that a lawsuit has been brought. \
         According to the FBI, the malware was crude. \
         The malware was crude, according to researchers at Cisco.",
    );
    assert_eq!(
        brief(&text),
        [
            row(
                "a lawsuit has been brought",
                "the Los Angeles Times",
                "reporting",
                false
            ),
            row("the malware was crude", "the FBI", "According to", false),
            row(
                "The malware was crude",
                "researchers at Cisco",
                "according to",
                false
            ),
        ]
    );
}

#[test]
fn speakers_after_a_closing_mark_and_before_an_opening_one() {
    let text = story(
        "'We have decided to stop,' the company announced in a statement to press late yesterday. \
         “We will not back down,” said the studio's lawyer. \
         In a statement Sony said: “We regret it.” \
         The attack was large, officials told reporters.",
    );
    assert_eq!(
        brief(&text),
        [
            row(
                "'We have decided to stop,'",
                "the company",
                "announced",
                false
            ),
            row(
                "“We will not back down,”",
                "the studio's lawyer",
                "said",
                false
            ),
            row("“We regret it.”", "Sony", "said", false),
            row("The attack was large", "officials", "told", false),
        ]
    );
}

#[test]
fn direct_quotes_become_attributions_of_their_speaker() {
    let text = seed(0);
    let analysis = analyze(&text);
    let from_quotes: Vec<String> = analysis
        .attributions
        .iter()
        .filter(|a| a.rule.contains("direct quote"))
        .map(|a| {
            format!(
                "{} ({}): {}…",
                a.source.map_or("-", |s| s.text(&text)),
                a.cue.text(&text),
                a.span.text(&text).chars().take(40).collect::<String>()
            )
        })
        .collect();
    expect![[r#"
        [
            "the message (read): The world will be full of fear. Remember…",
            "the message (read): We recommend you to keep yourself distan…",
            "the company (announced): In light of the decision by the majority…",
            "the company (announced): We respect and understand our partners’ …",
            "the company (announced): Sony Pictures has been the victim of an …",
        ]
    "#]]
    .assert_debug_eq(&from_quotes);
}

fn assert_attributions_well_formed(text: &str) {
    let analysis = analyze(text);
    for a in &analysis.attributions {
        for span in [Some(a.span), Some(a.cue), a.source].into_iter().flatten() {
            assert!(text.get(span.start..span.end).is_some());
        }
        assert!(a.source.is_some() || a.anonymous);
        assert!(!a.rule.is_empty());
    }
    assert_eq!(analysis.claims.len(), analysis.sentences.len());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn attributions_are_well_formed(
        body in "([A-Z][a-z]{0,8}|[a-z]{1,8}|said|says|told|claimed|named|name|as|that|cited|laid blame|according to|it|has|been|was|to|the|Rumours circulated|[.,:;!?'\"“”‘’()–—-]| |\n\n){0,120}"
    ) {
        assert_attributions_well_formed(&story(&body));
    }
}

/// Inputs dense in cues and marks, in one endless sentence: every scan is
/// bounded, so these finish quickly (a quadratic pass would take minutes).
#[test]
fn cue_dense_inputs_stay_linear() {
    for unit in [
        "He said: 'the company said ",
        "\"a 'b “c ‘d ",
        "although officials argue that it may have been denied, ",
        "according to the New York Times ",
    ] {
        let text = story(&unit.repeat(200_000 / unit.len()));
        assert_attributions_well_formed(&text);
    }
}

/// Sources named by a noun phrase or a lowercase title rather than a name.
#[test]
fn nominal_sources_and_job_titles() {
    let text = story(
        "Rates will rise again, said the bank's chief economist. \
         The central bank said inflation had peaked. \
         The bank said in a statement that two members dissented. \
         “We are deeply sorry,” a hospital spokeswoman said. \
         The club's manager told reporters that the deal was done. \
         “Get out now,” said incident commander Rosa Delgado-Ruiz. \
         Fees will rise, according to the consumer group HomeFirst. \
         The fire was sparked by lightning, the state forestry department said. \
         Hackers stole 210,000 records, according to a report in the Daily Ledger.",
    );
    assert_eq!(
        brief(&text),
        [
            row(
                "Rates will rise again",
                "the bank's chief economist",
                "said",
                false
            ),
            row("inflation had peaked", "The central bank", "said", false),
            row("two members dissented", "The bank", "said", false),
            row(
                "“We are deeply sorry,”",
                "a hospital spokeswoman",
                "said",
                false
            ),
            row("the deal was done", "The club's manager", "told", false),
            row(
                "“Get out now,”",
                "incident commander Rosa Delgado-Ruiz",
                "said",
                false
            ),
            row(
                "Fees will rise",
                "the consumer group HomeFirst",
                "according to",
                false
            ),
            row(
                "The fire was sparked by lightning",
                "the state forestry department",
                "said",
                false
            ),
            row(
                "Hackers stole 210,000 records",
                "a report in the Daily Ledger",
                "according to",
                false
            ),
        ]
    );
}

/// A title before a name stays with the name, and the speaker's entity key
/// is the person's.
#[test]
fn titles_before_names_link_to_the_person() {
    let text = story(
        "Manager Stefan Holm said the striker was fit. \
         “It was a tough call,” said chief executive Dr Priya Natarajan.",
    );
    let analysis = analyze(&text);
    let sources: Vec<(String, Option<String>)> = analysis
        .attributions
        .iter()
        .filter_map(|a| a.source)
        .map(|s| {
            let key = analysis
                .entities
                .iter()
                .filter(|e| s.contains(e.span))
                .max_by_key(|e| e.span.len())
                .map(|e| e.key.clone());
            (s.text(&text).to_string(), key)
        })
        .collect();
    assert_eq!(
        sources,
        [
            (
                "Manager Stefan Holm".to_string(),
                Some("stefan-holm".to_string())
            ),
            (
                "chief executive Dr Priya Natarajan".to_string(),
                Some("priya-natarajan".to_string())
            ),
            (
                "chief executive Dr Priya Natarajan".to_string(),
                Some("priya-natarajan".to_string())
            ),
        ]
    );
}

/// An abbreviated title with its dot stays with the speaker's name.
#[test]
fn abbreviated_titles_before_a_speaker() {
    let text = story(
        "“We are deeply sorry,” Dr. Natarajan said in a video statement. \
         “We will recover,” said Dr. Priya Natarajan.",
    );
    assert_eq!(
        brief(&text),
        [
            row("“We are deeply sorry,”", "Dr. Natarajan", "said", false),
            row("“We will recover,”", "Dr. Priya Natarajan", "said", false),
        ]
    );
}

#[test]
fn an_organisation_by_its_noun_then_a_participle_clause() {
    // A common noun for an organisation names a source ("the electoral
    // commission said"), and a participle clause after the verb ("…,
    // ending …") goes on about the clause before: that is what was said.
    let text = story(
        "The Green Centre won 31 of the 79 seats, the provincial electoral commission said \
         on Monday, ending 12 years of Conservative rule.",
    );
    assert_eq!(
        brief(&text),
        [row(
            "The Green Centre won 31 of the 79 seats",
            "the provincial electoral commission",
            "said",
            false
        )]
    );
}

#[test]
fn putting_a_figure_at_a_value_attributes_an_estimate() {
    let text = story(
        "The national weather office put the peak gust at 178 km/h on Monday. \
         The union puts turnout at about 64%, higher than in any earlier ballot. \
         Rescuers put the tents at the edge of the village.",
    );
    let found = brief(&text);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(
        (found[0].1.as_str(), found[0].2.as_str()),
        ("The national weather office", "put")
    );
    assert_eq!(
        (found[1].1.as_str(), found[1].2.as_str()),
        ("The union", "puts")
    );
}

#[test]
fn an_apposition_between_subject_and_verb_leaves_the_subject_the_source() {
    let text = story(
        "Kestmark Group, the industrial pump maker, said on Thursday it would cut 1,200 jobs. \
         Priya Raman, 39, said the queue had not moved for an hour. \
         The region's governor, Anna Lind, said the roads would reopen. \
         The plan, critics said, would cost more than it saves.",
    );
    let found = brief(&text);
    let sources: Vec<&str> = found.iter().map(|f| f.1.as_str()).collect();
    assert_eq!(
        sources,
        ["Kestmark Group", "Priya Raman", "Anna Lind", "critics"],
        "{found:?}"
    );
}

#[test]
fn a_role_naming_an_organisation_or_a_relative_clause_set_off_leaves_the_name_the_source() {
    // A role set off after the name, with a capitalised organisation in it
    // or a plural possessive ("Owners'"), and a relative clause before the
    // verb: the person named spoke.
    let text = story(
        "Elsbeth Varga, president of the Landlords Federation, said the vote was a blow. \
         Mira Tolvan, head of the Property Owners' Federation, said owners would appeal. \
         Ole Brandt, who runs the yard, said the order book was full. \
         Anna Lind, director of the Tenants Union, which says it speaks for 60,000 renters, said rents would fall.",
    );
    let found = brief(&text);
    let sources: Vec<&str> = found.iter().map(|f| f.1.as_str()).collect();
    assert_eq!(
        sources,
        ["Elsbeth Varga", "Mira Tolvan", "Ole Brandt", "Anna Lind"],
        "{found:?}"
    );
}

#[test]
fn what_a_court_heard_is_attributed_to_it() {
    let text = story(
        "The court heard that internal emails showed senior staff knew of the risk. \
         Neighbours heard that the shop would close.",
    );
    let found = brief(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].1.as_str(), found[0].2.as_str()),
        ("The court", "heard")
    );
}

#[test]
fn people_named_by_a_plural_common_noun_are_a_source() {
    // "fishermen", "residents": people as a group, a source like "analysts".
    let text = story(
        "From the harbour wall the slick looked about 5 km wide, fishermen said. \
         The water had turned black by noon, residents said.",
    );
    assert_eq!(
        brief(&text),
        [
            row(
                "From the harbour wall the slick looked about 5 km wide",
                "fishermen",
                "said",
                false
            ),
            row(
                "The water had turned black by noon",
                "residents",
                "said",
                false
            ),
        ]
    );
}
