//! The named-entity stage: focused hard cases, invariants on any input,
//! snapshots of both seed articles and key merging across a story.

use expect_test::{Expect, expect};
use parallax_core::analyze;
use parallax_core::annotate::annotate_sentences;
use parallax_core::corpus::bundled_stories;
use parallax_core::extract::entities::{Entity, EntityKind, merge_story_keys};
use proptest::prelude::*;

/// `(text, kind label, key)` of every entity of `text` analysed as an article.
fn found(text: &str) -> Vec<(String, &'static str, String)> {
    let analysis = analyze(text);
    analysis
        .entities
        .iter()
        .map(|e| (e.span.text(text).to_string(), e.kind.label(), e.key.clone()))
        .collect()
}

fn entity<'a>(text: &str, entities: &'a [Entity], name: &str) -> &'a Entity {
    entities
        .iter()
        .find(|e| e.span.text(text) == name)
        .unwrap_or_else(|| panic!("no entity {name:?} in {entities:#?}"))
}

fn has(found: &[(String, &'static str, String)], text: &str, kind: &str, key: &str) -> bool {
    found
        .iter()
        .any(|(t, k, y)| t == text && *k == kind && y == key)
}

fn texts<'a>(found: &'a [(String, &'static str, String)]) -> Vec<&'a str> {
    found.iter().map(|(t, _, _)| t.as_str()).collect()
}

// --- hard cases -------------------------------------------------------------

#[test]
fn possessives_are_left_out_of_the_span() {
    let text = "Officials blamed Unit 21 of North Korea’s General Bureau of Reconnaissance. \
                Sony Pictures’ IT systems failed. Wired's Kim Zetter disagreed.";
    let got = found(text);
    assert!(has(&got, "North Korea", "place", "north-korea"), "{got:?}");
    assert!(has(&got, "Unit 21", "org", "unit-21"), "{got:?}");
    assert!(
        has(
            &got,
            "General Bureau of Reconnaissance",
            "org",
            "general-bureau-of-reconnaissance"
        ),
        "{got:?}"
    );
    assert!(
        has(&got, "Sony Pictures", "org", "sony-pictures"),
        "{got:?}"
    );
    assert!(has(&got, "Kim Zetter", "person", "kim-zetter"), "{got:?}");
    assert!(has(&got, "Wired", "org", "wired"), "{got:?}");
    assert!(!texts(&got).contains(&"IT"), "{got:?}");
}

#[test]
fn possessor_of_an_organisation_is_an_organisation() {
    let text = "Researchers at Cisco’s Talos Security Intelligence and Research Group said so.";
    let analysis = analyze(text);
    let cisco = entity(text, &analysis.entities, "Cisco");
    assert_eq!(cisco.kind, EntityKind::Organisation);
    assert_eq!(cisco.rule, "owner of a named organisation or work (X’s …)");
    let talos = entity(
        text,
        &analysis.entities,
        "Talos Security Intelligence and Research Group",
    );
    assert_eq!(talos.kind, EntityKind::Organisation);
    assert_eq!(talos.key, "talos-security-intelligence-and-research-group");
}

#[test]
fn possessor_named_in_full_before_is_the_person() {
    // "Falk's Conservatives" after "Premier Jonas Falk": a leader's party,
    // and the lone surname after it is the premier too.
    let text = "The vote ended 12 years of rule by Premier Jonas Falk.\n\nFalk's Conservatives fell to 22 seats.\n\nFalk conceded defeat early on Monday.";
    let got = found(text);
    assert!(!has(&got, "Falk", "org", "falk"), "{got:?}");
    assert!(has(&got, "Falk", "person", "jonas-falk"), "{got:?}");
}

#[test]
fn hyphen_space_and_case_variants_share_a_key() {
    let text =
        "The despot Kim Jong-Un spoke. Later Kim Jong Un left. Analysts watched KIM JONG-UN.";
    let got = found(text);
    let keys: Vec<&str> = got.iter().map(|(_, _, k)| k.as_str()).collect();
    assert_eq!(keys, ["kim-jong-un"; 3], "{got:?}");
    assert!(got.iter().all(|(_, kind, _)| *kind == "person"), "{got:?}");
}

#[test]
fn acronyms_defined_in_the_text_share_a_key() {
    let before =
        "A group calling itself GOP or Guardians of Peace struck. Later GOP threatened cinemas.";
    let got = found(before);
    assert_eq!(
        got,
        [
            ("GOP".into(), "group", "guardians-of-peace".into()),
            (
                "Guardians of Peace".into(),
                "group",
                "guardians-of-peace".into()
            ),
            ("GOP".into(), "group", "guardians-of-peace".into()),
        ]
    );
    let after =
        "Hackers from the Guardians of Peace (GOP) struck. The GOP then threatened cinemas.";
    let got = found(after);
    assert_eq!(
        got,
        [
            (
                "Guardians of Peace".into(),
                "org",
                "guardians-of-peace".into()
            ),
            ("GOP".into(), "org", "guardians-of-peace".into()),
            ("GOP".into(), "org", "guardians-of-peace".into()),
        ]
    );
}

#[test]
fn longer_and_shorter_forms_share_a_key() {
    let text = "Sony Pictures Entertainment declined. A statement from Sony Pictures followed. \
                Shares in Sony fell.";
    let got = found(text);
    assert!(
        got.iter()
            .all(|(_, kind, key)| *kind == "org" && key == "sony-pictures-entertainment"),
        "{got:?}"
    );
    assert_eq!(
        texts(&got),
        ["Sony Pictures Entertainment", "Sony Pictures", "Sony"]
    );
}

#[test]
fn a_one_letter_typo_after_the_first_word_still_merges() {
    let text = "Sony Pictures cancelled it. In a statement Sony Pictured Entertainment said no. \
                Sony Pictures has been attacked.";
    let got = found(text);
    assert!(
        got.iter().all(|(_, _, key)| key == "sony-pictures"),
        "{got:?}"
    );
}

#[test]
fn titles_are_not_part_of_a_persons_name() {
    let text = "Mr. Smith declined to comment. Smith later left. President Obama said nothing.";
    let analysis = analyze(text);
    let got = found(text);
    assert_eq!(
        got,
        [
            ("Smith".into(), "person", "smith".into()),
            ("Smith".into(), "person", "smith".into()),
            ("Obama".into(), "person", "obama".into()),
        ]
    );
    assert_eq!(
        analysis.entities[0].rule,
        "name after a title (Mr., President, Reporter …)"
    );
}

#[test]
fn police_and_council_ranks_are_titles_not_names() {
    let text = "Det Insp Kate Lowe of Tamsey Police said officers were investigating. \
                Ch Supt Alan Reid agreed. Cllr Jane Hart was not convinced. PC Dan Moss was hurt.";
    let got = found(text);
    for (name, key) in [
        ("Kate Lowe", "kate-lowe"),
        ("Alan Reid", "alan-reid"),
        ("Jane Hart", "jane-hart"),
        ("Dan Moss", "dan-moss"),
    ] {
        assert!(has(&got, name, "person", key), "{name}: {got:?}");
    }
}

#[test]
fn a_surname_with_a_hyphenated_article_is_a_name() {
    let text = "Ahmed al-Rashid, who runs a cafe on Mill Lane, said trade had fallen. \
                Later al-Rashid closed early.";
    let got = found(text);
    assert!(
        has(&got, "Ahmed al-Rashid", "person", "ahmed-al-rashid"),
        "{got:?}"
    );
    assert!(
        has(&got, "al-Rashid", "person", "ahmed-al-rashid"),
        "{got:?}"
    );
}

#[test]
fn titles_after_a_nationality_and_roles_before_names() {
    let text = "In Paris, French President Emmanuel Macron met German Chancellor Angela Merkel. \
                Director James Comey agreed. Star Wars fans cheered.";
    let got = found(text);
    assert!(
        has(&got, "Emmanuel Macron", "person", "emmanuel-macron"),
        "{got:?}"
    );
    assert!(
        has(&got, "Angela Merkel", "person", "angela-merkel"),
        "{got:?}"
    );
    assert!(has(&got, "James Comey", "person", "james-comey"), "{got:?}");
    let people: Vec<&str> = got
        .iter()
        .filter(|(_, kind, _)| *kind == "person")
        .map(|(t, _, _)| t.as_str())
        .collect();
    assert_eq!(people, ["Emmanuel Macron", "Angela Merkel", "James Comey"]);
    assert!(!texts(&got).contains(&"Wars"), "{got:?}");
}

#[test]
fn holidays_and_appositive_titles() {
    let text = "The movie was due out on Christmas Day. \
                Hackers leaked scripts for the next Bond film, Spectre. \
                Theaters including AMC and Regal dropped it.";
    let got = found(text);
    assert!(
        !texts(&got).iter().any(|t| t.contains("Christmas")),
        "{got:?}"
    );
    assert!(has(&got, "Spectre", "work", "spectre"), "{got:?}");
    assert!(has(&got, "AMC", "org", "amc"), "{got:?}");
    assert!(has(&got, "Regal", "org", "regal"), "{got:?}");
    let analysis = analyze(text);
    let regal = entity(text, &analysis.entities, "Regal");
    assert_eq!(
        regal.rule,
        "name in a list of organisations (“… including X”)"
    );
}

#[test]
fn surnames_join_the_full_name() {
    let text = "The comedy stars actor Seth Rogen. Critics said Rogen was funny.";
    let got = found(text);
    assert_eq!(
        got,
        [
            ("Seth Rogen".into(), "person", "seth-rogen".into()),
            ("Rogen".into(), "person", "seth-rogen".into()),
        ]
    );
}

#[test]
fn sentence_initial_capitals_are_not_entities() {
    let text = "Rumours circulated. Meanwhile, nothing happened. Regardless, it went on. \
                Facing those threats, cinemas closed. While officials spoke, nothing changed. \
                The attack grew. Yesterday the film was pulled. Unnamed officials spoke. \
                Last week it rained. In a statement the studio apologised. Remember the day. \
                Those who attacked us left. ‘Please leave,’ they said. (If your house is near, go.)";
    assert_eq!(found(text), []);
}

#[test]
fn sentence_initial_names_count_when_known_or_recurring() {
    let text = "Sony was hacked. Analysts blamed Sony. Hollywood reacted. \
                Facing North Korea, studios folded. Yesterday Sony Pictures cancelled it.";
    let got = found(text);
    assert_eq!(
        texts(&got),
        ["Sony", "Sony", "Hollywood", "North Korea", "Sony Pictures"],
        "{got:?}"
    );
    assert!(has(&got, "Sony", "org", "sony-pictures"));
    assert!(has(&got, "Hollywood", "place", "hollywood"));
}

#[test]
fn nickname_links_to_the_place() {
    let text = "The comedy portrays a visit to the dysfunctional Hermit Kingdom. \
                North Korea denied it.";
    let analysis = analyze(text);
    let hermit = entity(text, &analysis.entities, "Hermit Kingdom");
    assert_eq!(hermit.kind, EntityKind::Place);
    assert_eq!(hermit.key, "north-korea");
    assert_eq!(hermit.rule, "nickname of a known place");
}

#[test]
fn names_ending_in_a_place_word_are_places() {
    let text = "Crews blocked the Harbour Street warehouse on Tuesday. \
                Traffic on Kings Road stopped, and the Bridge Street Council met.";
    let got = found(text);
    assert!(
        has(&got, "Harbour Street", "place", "harbour-street"),
        "{got:?}"
    );
    assert!(has(&got, "Kings Road", "place", "kings-road"), "{got:?}");
    // An organisation word still decides first.
    assert!(
        has(
            &got,
            "Bridge Street Council",
            "org",
            "bridge-street-council"
        ),
        "{got:?}"
    );
}

#[test]
fn film_titles_from_cues() {
    let text = "Five movies scheduled for release – including Fury and Annie – leaked. \
                They cancelled the release of The Interview. \
                Exhibitors would not show the film The Interview. \
                It was an upcoming film from the company: The Interview, a comedy. \
                The Interview was pulled.";
    let got = found(text);
    assert!(has(&got, "Fury", "work", "fury"), "{got:?}");
    assert!(has(&got, "Annie", "work", "annie"), "{got:?}");
    let interviews = got.iter().filter(|(t, _, _)| t == "The Interview");
    assert_eq!(
        interviews
            .filter(|(_, kind, key)| *kind == "work" && key == "the-interview")
            .count(),
        4,
        "{got:?}"
    );
}

#[test]
fn people_from_roles_and_cast_lists() {
    let text = "It satirises North Korean despot Kim Jong-Un. \
                The comedy is starring Seth Rogen and James Franco.";
    let got = found(text);
    assert!(has(&got, "Kim Jong-Un", "person", "kim-jong-un"), "{got:?}");
    assert!(has(&got, "Seth Rogen", "person", "seth-rogen"), "{got:?}");
    assert!(
        has(&got, "James Franco", "person", "james-franco"),
        "{got:?}"
    );
    assert!(
        !texts(&got).contains(&"North Korean"),
        "demonyms are not entities"
    );
}

#[test]
fn organisation_words_beat_places() {
    let text = "Reports in the New York Times and the Los Angeles Times differ. \
                A formal White House statement is due, says the Obama administration.";
    let got = found(text);
    assert_eq!(
        got,
        [
            ("New York Times".into(), "org", "new-york-times".into()),
            (
                "Los Angeles Times".into(),
                "org",
                "los-angeles-times".into()
            ),
            ("White House".into(), "org", "white-house".into()),
            (
                "Obama administration".into(),
                "org",
                "obama-administration".into()
            ),
        ]
    );
}

#[test]
fn group_cues() {
    let text = "A cyber-attack by a group calling itself Guardians of Peace hit. \
                The hacker group Lizard Squad claimed it.";
    let got = found(text);
    assert!(has(
        &got,
        "Guardians of Peace",
        "group",
        "guardians-of-peace"
    ));
    assert!(has(&got, "Lizard Squad", "group", "lizard-squad"));
}

#[test]
fn places_fold_to_one_key() {
    let text = "Officials in the US and the U.S. and the United States agreed.";
    let got = found(text);
    assert_eq!(texts(&got), ["US", "U.S.", "United States"]);
    assert!(
        got.iter()
            .all(|(_, kind, key)| *kind == "place" && key == "united-states")
    );
}

#[test]
fn common_capitals_are_not_names() {
    let text = "In a plot worthy of a B movie, the “Destroyer” malware hit IT systems \
                and shocked the American public. I think so.";
    assert_eq!(found(text), []);
}

#[test]
fn only_story_sentences_give_entities() {
    let (stories, _) = bundled_stories();
    let text = &stories[0].articles[1].raw;
    let analysis = analyze(text);
    for e in &analysis.entities {
        assert!(
            analysis.sentences.iter().any(|s| s.span.contains(e.span)),
            "{e:?} outside the story sentences"
        );
    }
    // The caption names the actors, the author bio names the outlet: neither counts.
    let got = found(text);
    assert_eq!(
        got.iter().filter(|(t, _, _)| t == "James Franco").count(),
        1,
        "only the body mention"
    );
    assert!(!got.iter().any(|(t, _, _)| t.contains("Silicon Republic")));
    assert!(!got.iter().any(|(t, _, _)| t.contains("John Kennedy")));
}

// --- invariants ---------------------------------------------------------------

fn assert_well_formed(text: &str) {
    let analysis = analyze(text);
    let mut previous_end = 0;
    for e in &analysis.entities {
        assert!(!e.span.is_empty(), "empty span {e:?}");
        assert!(e.span.start >= previous_end, "overlap or disorder at {e:?}");
        assert!(
            text.get(e.span.start..e.span.end).is_some(),
            "not on char boundaries: {e:?}"
        );
        assert!(analysis.sentences.iter().any(|s| s.span.contains(e.span)));
        assert!(!e.key.is_empty() && !e.key.starts_with('-') && !e.key.ends_with('-'));
        assert!(!e.key.contains("--"), "{e:?}");
        assert!(!e.rule.is_empty());
        previous_end = e.span.end;
    }
}

#[test]
fn edge_cases_are_well_formed() {
    for text in [
        "",
        "A",
        "The The The. The.",
        "Mr. . Mr.",
        "’s ’s Sony’s’s ’",
        "GOP (GOP) or GOP or (",
        "Unit 21 of of of the the Bureau of",
        "A and B and C and D and E Group.",
        "Société Générale and İstanbul Ünïversity bought ÆON.",
        "\u{feff}Über Café’s Straße GmbH said “Ok.” (Z) [Y] {X}",
        "A B C D E F G H I J K L M N O P Q R S T U V W X Y Z (ABCDEFGHIJKLMNOPQRSTUVWXYZ).",
    ] {
        assert_well_formed(text);
    }
}

#[test]
fn long_chains_stay_fast() {
    // Quadratic look-ahead would take minutes here.
    let chain = "Alpha and Beta of Gamma (AB) or ".repeat(10_000);
    assert_well_formed(&chain);
    let caps = "Alpha Beta Gamma Delta ".repeat(25_000);
    assert_well_formed(&caps);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn any_text_gives_well_formed_entities(text in any::<String>()) {
        assert_well_formed(&text);
    }

    #[test]
    fn news_like_text_gives_well_formed_entities(
        text in "([A-Z][a-z]{0,6}|[A-Z]{2,4}|[a-z]{1,6}|of|and|the|The|Mr|[0-9]{1,3}|[.,:;'\"“”‘’()–—-]|’s| |\n\n){0,120}"
    ) {
        assert_well_formed(&text);
    }
}

// --- snapshots ----------------------------------------------------------------

/// Every sentence with an entity, entities marked `⟦…⟧kind:key`.
fn render(text: &str) -> String {
    let analysis = analyze(text);
    let sentences: Vec<_> = analysis.sentences.iter().map(|s| s.span).collect();
    let items: Vec<_> = analysis
        .entities
        .iter()
        .map(|e| (e.span, format!("{}:{}", e.kind.label(), e.key)))
        .collect();
    annotate_sentences(text, &sentences, &items)
}

/// One line per distinct (text, key, rule), in first-seen order.
fn render_rules(text: &str) -> String {
    let analysis = analyze(text);
    let mut lines: Vec<String> = Vec::new();
    for e in &analysis.entities {
        let line = format!("{} → {} | {}", e.span.text(text), e.key, e.rule);
        if !lines.contains(&line) {
            lines.push(line);
        }
    }
    lines.join("\n") + "\n"
}

fn seed(index: usize) -> String {
    let (stories, _) = bundled_stories();
    stories[0].articles[index].raw.to_string()
}

fn check(actual: String, expect: Expect) {
    expect.assert_eq(&actual);
}

#[test]
fn first_seed_entities() {
    check(
        render(&seed(0)),
        expect![[r#"
        ⟦Sony Pictures⟧org:sony-pictures has caved to the demands of its blackmailers and cancelled the impending launch of the film ⟦The Interview⟧work:the-interview, as ⟦US⟧place:united-states officials name ⟦North Korea⟧place:north-korea as the likely source of the attack on the company's servers.
        Rumours circulated that the attackers, a group calling itself ⟦GOP⟧group:guardians-of-peace or ⟦Guardians of Peace⟧group:guardians-of-peace, were to be named by ⟦Sony Pictures⟧org:sony-pictures as North Korean in origin - a claim the company denied while stating it was working with federal law enforcement to investigate the 'malicious criminal acts' of the group.
        While ⟦Sony Pictures⟧org:sony-pictures worked to keep the demands of the group private, it has been claimed that the attack was in protest of an upcoming film from the company: ⟦The Interview⟧work:the-interview, a parody comedy based on a fictional assassination attempt of North Korean despot ⟦Kim Jong-Un⟧person:kim-jong-un.
        Facing those threats, numerous cinema chains in the ⟦US⟧place:united-states pulled out of showing the film, and now ⟦Sony Pictures⟧org:sony-pictures itself has at the very least delayed, if not outright cancelled, its release.
        'In light of the decision by the majority of our exhibitors not to show the film ⟦The Interview⟧work:the-interview, we have decided not to move forward with the planned December 25 theatrical release,' the company announced in a statement to press late yesterday.
        '⟦Sony Pictures⟧org:sony-pictures has been the victim of an unprecedented criminal assault against our employees, our customers, and our business.
        Meanwhile, the ⟦New York Times⟧org:new-york-times has claimed that the ⟦US⟧place:united-states government has officially concluded that the attack did indeed originate in ⟦North Korea⟧place:north-korea and was likely state-sponsored, although ⟦Wired⟧org:wired's ⟦Kim Zetter⟧person:kim-zetter argues that evidence for this is 'flimsy.'
        Regardless, ⟦Sony Pictures⟧org:sony-pictures is clearly still suffering the aftermath of the attach, with a claimed hundred terabytes of data still held by the attackers and the ⟦Los Angeles Times⟧org:los-angeles-times reporting that a class-action lawsuit has been brought against the company by current and former staff whose personal information was leaked as a result of the breach.
    "#]],
    );
}

#[test]
fn first_seed_rules() {
    check(
        render_rules(&seed(0)),
        expect![[r#"
        Sony Pictures → sony-pictures | name with an organisation word (Pictures, Times, House …)
        The Interview → the-interview | title after a film or book word (the film …)
        US → united-states | known place
        North Korea → north-korea | known place
        GOP → guardians-of-peace | name after a group cue (calling itself …)
        Guardians of Peace → guardians-of-peace | name defined with an acronym
        The Interview → the-interview | title with a capitalised The
        Kim Jong-Un → kim-jong-un | name after a role (despot, actor …)
        New York Times → new-york-times | name with an organisation word (Pictures, Times, House …)
        Wired → wired | employer of a named person (X’s …)
        Kim Zetter → kim-zetter | given name and surname
        Los Angeles Times → los-angeles-times | name with an organisation word (Pictures, Times, House …)
    "#]],
    );
}

#[test]
fn second_seed_entities() {
    check(
        render(&seed(1)),
        expect![[r#"
        In a plot worthy of a B movie, ⟦The Interview⟧work:the-interview has been withdrawn from cinemas in the ⟦US⟧place:united-states just as ⟦US⟧place:united-states government officials named ⟦North Korea⟧place:north-korea as the source of the cyberattack against ⟦Sony⟧org:sony-pictures.
        Unnamed officials in a number of reports have laid blame for the attack on ⟦Unit 21⟧org:unit-21 of ⟦North Korea⟧place:north-korea’s ⟦General Bureau of Reconnaissance⟧org:general-bureau-of-reconnaissance.
        The attack has been described as “state sponsored” and rather than being a sophisticated exploit researchers at ⟦Cisco⟧org:cisco’s ⟦Talos Seucurity Intelligence and Research Group⟧org:talos-seucurity-intelligence-and-research-group said that the “Destroyer” malware attack was full of bugs.
        Yesterday ⟦Sony Pictures⟧org:sony-pictures cancelled the 25 December theatrical release of ⟦The Interview⟧work:the-interview – a spoof comedy starring ⟦Seth Rogen⟧person:seth-rogen and ⟦James Franco⟧person:james-franco portraying visit to the dysfunctional ⟦Hermit Kingdom⟧place:north-korea – because of threats that were made to cinemas that were scheduled to show the movie.
        The whole saga kicked off over a fortnight ago when ⟦Sony Pictures⟧org:sony-pictures’ IT systems were shut down following a cyber-attack by a group calling itself ⟦Guardians of Peace⟧group:guardians-of-peace.
        The seriousness of the attack grew as five movies scheduled for release – including ⟦Fury⟧work:fury and ⟦Annie⟧work:annie – were distributed online to pirate sites, more than 47,000 records of employees were published online and emails by senior ⟦Sony⟧org:sony-pictures and ⟦Hollywood⟧place:hollywood executives were also published online.
        In a statement ⟦Sony Pictured Entertainment⟧org:sony-pictures said: “In light of the decision by the majority of our exhibitors not to show the film ⟦The Interview⟧work:the-interview,we have decided not to move forward with the planned December 25 theatrical release.
        “⟦Sony Pictures⟧org:sony-pictures has been the victim of an unprecedented criminal assault against our employees, our customers, and our business.
        Last week ⟦North Korea⟧place:north-korea denied it had any involvement in the attack but hailed it as a “righteous deed.”
        While ⟦US⟧place:united-states government officials have been cited by various media organisations, including the ⟦New York Times⟧org:new-york-times, as confirming ⟦North Korea⟧place:north-korea is the culprit, a formal ⟦White House⟧org:white-house statement has yet to be made on the matter.
        A key matter for concern for the ⟦Obama administration⟧org:obama-administration is how much evidence it is prepared to make to the public without revealing how the ⟦US⟧place:united-states itself was able to penetrate North Korean networks to trace the source of the cyber-attack.
        In a strange twist ⟦North Korea⟧place:north-korea and its hacker army may have elevated ⟦The Interview⟧work:the-interview from what could have been at best a moderate box office success into a movie with potential cult status and a collector’s item.
        Now millions of people who would have happily given ⟦The Interview⟧work:the-interview a miss are curious to see what all the fuss was about.
    "#]],
    );
}

#[test]
fn second_seed_rules() {
    check(
        render_rules(&seed(1)),
        expect![[r#"
        The Interview → the-interview | title with a capitalised The
        US → united-states | known place
        North Korea → north-korea | known place
        Sony → sony-pictures | short form of a name given in full
        Unit 21 → unit-21 | name with an organisation word (Pictures, Times, House …)
        General Bureau of Reconnaissance → general-bureau-of-reconnaissance | name with an organisation word (Pictures, Times, House …)
        Cisco → cisco | owner of a named organisation or work (X’s …)
        Talos Seucurity Intelligence and Research Group → talos-seucurity-intelligence-and-research-group | name with an organisation word (Pictures, Times, House …)
        Sony Pictures → sony-pictures | name with an organisation word (Pictures, Times, House …)
        Seth Rogen → seth-rogen | cast list after “starring”
        James Franco → james-franco | cast list after “starring”
        Hermit Kingdom → north-korea | nickname of a known place
        Guardians of Peace → guardians-of-peace | name after a group cue (calling itself …)
        Fury → fury | title in a list of films or books (“… including X and Y”)
        Annie → annie | title in a list of films or books (“… including X and Y”)
        Hollywood → hollywood | known place
        Sony Pictured Entertainment → sony-pictures | name with an organisation word (Pictures, Times, House …)
        The Interview → the-interview | title after a film or book word (the film …)
        New York Times → new-york-times | name with an organisation word (Pictures, Times, House …)
        White House → white-house | name with an organisation word (Pictures, Times, House …)
        Obama administration → obama-administration | administration named after its leader
    "#]],
    );
}

// --- merging across a story ---------------------------------------------------

fn keys(entities: &[Entity], text: &str) -> Vec<String> {
    entities
        .iter()
        .map(|e| format!("{}={}", e.span.text(text), e.key))
        .collect()
}

#[test]
fn merging_the_seeds_keeps_one_key_per_entity() {
    let (first, second) = (seed(0), seed(1));
    let mut a = analyze(&first).entities;
    let mut b = analyze(&second).entities;
    let spans_before: Vec<_> = a.iter().chain(&b).map(|e| (e.span, e.kind)).collect();
    merge_story_keys(&mut [(first.as_str(), &mut a), (second.as_str(), &mut b)]);
    let spans_after: Vec<_> = a.iter().chain(&b).map(|e| (e.span, e.kind)).collect();
    assert_eq!(spans_before, spans_after, "merging rewrites keys only");
    let mut shared: Vec<&str> = a
        .iter()
        .map(|e| e.key.as_str())
        .filter(|k| b.iter().any(|e| e.key == *k))
        .collect();
    shared.sort_unstable();
    shared.dedup();
    assert_eq!(
        shared,
        [
            "guardians-of-peace",
            "new-york-times",
            "north-korea",
            "sony-pictures",
            "the-interview",
            "united-states",
        ]
    );
    // Seed 002's typo `Sony Pictured Entertainment` joined `sony-pictures` already.
    let typo = entity(&second, &b, "Sony Pictured Entertainment");
    assert_eq!(typo.key, "sony-pictures");
}

#[test]
fn merging_joins_long_and_short_forms_and_undefined_acronyms() {
    let first =
        "Sony Pictures Entertainment was hacked by a group calling itself Guardians of Peace.";
    let second = "Sony Pictures blamed hackers. Analysts say GOP is a front. Sony shares fell.";
    let mut a = analyze(first).entities;
    let mut b = analyze(second).entities;
    assert_eq!(
        keys(&b, second),
        [
            "Sony Pictures=sony-pictures",
            "GOP=gop",
            "Sony=sony-pictures"
        ]
    );
    merge_story_keys(&mut [(first, &mut a), (second, &mut b)]);
    // The canonical key is the form with most mentions in the story (then the longest).
    assert_eq!(
        keys(&a, first),
        [
            "Sony Pictures Entertainment=sony-pictures",
            "Guardians of Peace=guardians-of-peace",
        ]
    );
    assert_eq!(
        keys(&b, second),
        [
            "Sony Pictures=sony-pictures",
            "GOP=guardians-of-peace",
            "Sony=sony-pictures",
        ]
    );
}

#[test]
fn merging_keeps_different_people_apart() {
    let first = "The despot Kim Jong-Un was mocked. Reporter Kim Zetter doubted it.";
    let second = "Critics said Kim was angry.";
    let mut a = analyze(first).entities;
    let mut b = analyze(second).entities;
    merge_story_keys(&mut [(first, &mut a), (second, &mut b)]);
    assert_eq!(
        keys(&a, first),
        ["Kim Jong-Un=kim-jong-un", "Kim Zetter=kim-zetter"]
    );
    assert_eq!(keys(&b, second), ["Kim=kim"], "ambiguous: stays apart");
}

#[test]
fn titles_of_several_words_are_not_part_of_a_persons_name() {
    let text = "\"It was hard,\" said Chief Fire Officer Diane Marsh. \
                Group Manager Tom Reddy led the response. \
                Governor Anna Kral spoke first. \
                The Chief Executive Officer resigned.";
    let got = found(text);
    assert!(has(&got, "Diane Marsh", "person", "diane-marsh"), "{got:?}");
    assert!(has(&got, "Tom Reddy", "person", "tom-reddy"), "{got:?}");
    assert!(has(&got, "Anna Kral", "person", "anna-kral"), "{got:?}");
    // Titles all the way are no person.
    assert!(
        !got.iter()
            .any(|(t, kind, _)| *kind == "person" && t.contains("Officer")),
        "{got:?}"
    );
    let analysis = analyze(text);
    assert_eq!(
        entity(text, &analysis.entities, "Diane Marsh").rule,
        "name after a title of several words (Chief Fire Officer, Group Manager …)"
    );
}

/// A town named after "in"/"residents of" is a place, and a place is never
/// taken for the short form of an organisation that starts with its name.
#[test]
fn places_are_not_short_forms_of_organisations_named_after_them() {
    let text = "Residents of Ashford were told to stay indoors. \
                The fire in Ashford on Monday closed Ashford High School. \
                Ashford United cancelled training. Fans posted in Twitter posts.";
    let got = found(text);
    assert!(has(&got, "Ashford", "place", "ashford"), "{got:?}");
    assert!(
        has(&got, "Ashford High School", "org", "ashford-high-school"),
        "{got:?}"
    );
    assert!(
        has(&got, "Ashford United", "org", "ashford-united"),
        "{got:?}"
    );
    assert!(!has(&got, "Twitter", "place", "twitter"), "{got:?}");
    let analysis = analyze(text);
    let town = analysis
        .entities
        .iter()
        .find(|e| e.span.text(text) == "Ashford")
        .expect("the town");
    assert_eq!(
        town.rule,
        "name after a place word (in, near, residents of …)"
    );
    // With no place word at all, a town is still not the short form of the
    // school named after it.
    let text = "Some 3,500 people were evacuated from Cedar Falls yesterday. \
                A centre opened at Cedar Falls High School.";
    let got = found(text);
    assert!(has(&got, "Cedar Falls", "org", "cedar-falls"), "{got:?}");
}

/// Organisation names with "and" or a possessive inside stay whole.
#[test]
fn organisation_names_with_and_or_a_possessive_stay_whole() {
    let text = "The Health and Safety Executive opened an inquiry. \
                The Information Commissioner's Office said it had been told. \
                Patients at St Aldric's Hospital waited, and at St. Aldric's Hospital too. \
                Wired's Kim Zetter disagreed.";
    let got = found(text);
    assert!(
        has(
            &got,
            "Health and Safety Executive",
            "org",
            "health-and-safety-executive"
        ),
        "{got:?}"
    );
    assert!(
        has(
            &got,
            "Information Commissioner's Office",
            "org",
            "information-commissioners-office"
        ),
        "{got:?}"
    );
    assert!(
        has(&got, "St Aldric's Hospital", "org", "st-aldrics-hospital"),
        "{got:?}"
    );
    assert!(
        has(&got, "St. Aldric's Hospital", "org", "st-aldrics-hospital"),
        "{got:?}"
    );
    assert!(has(&got, "Kim Zetter", "person", "kim-zetter"), "{got:?}");
}

/// The owner before a possessive (`Caldria` of `Caldria's Ministry of
/// Culture`) is no short form of the organisation, in its article or across
/// the story.
#[test]
fn an_owner_is_no_short_form_of_the_body_it_owns() {
    let a = "Caldria's Ministry of Culture announced the find on Tuesday.";
    let b = "Divers found the wreck off the coast of Caldria in April.";
    let story = parallax_core::extract::analyze_story(&[a, b]);
    let key = entity(b, &story[1].entities, "Caldria").key.clone();
    assert_ne!(
        key,
        entity(a, &story[0].entities, "Caldria's Ministry of Culture").key
    );
}

/// A short form of a given name joins the full name across a story.
#[test]
fn short_given_names_join_the_full_name() {
    let a = "Ashford United have signed striker Daniel Okonkwo from Vitória Alvor.";
    let b = "Dani Okonkwo has joined Ashford United. Okonkwo scored twice.";
    let c = "Daniel Okonkwo's cousin Danielle Okonkwo was not involved.";
    let key_of = |text: &str, analysis: &parallax_core::extract::Analysis, name: &str| {
        entity(text, &analysis.entities, name).key.clone()
    };
    let story = parallax_core::extract::analyze_story(&[a, b]);
    assert_eq!(key_of(b, &story[1], "Dani Okonkwo"), "daniel-okonkwo");
    // A full given name is no short form of a longer one; and with both a
    // Daniel and a Danielle in the story, "Dani" could be either: it joins
    // neither.
    let story = parallax_core::extract::analyze_story(&[a, b, c]);
    assert_eq!(key_of(c, &story[2], "Danielle Okonkwo"), "danielle-okonkwo");
    assert_eq!(key_of(b, &story[1], "Dani Okonkwo"), "dani-okonkwo");
}

/// A name followed by a role in apposition is a person.
#[test]
fn names_before_a_role_in_apposition_are_people() {
    let text = "\"It was hard,\" said Diane Marsh, the county's chief fire officer. \
                Kestrel Plastics, the family-owned firm, said little. \
                Holm Varga, its new manager, arrived.";
    let got = found(text);
    assert!(has(&got, "Diane Marsh", "person", "diane-marsh"), "{got:?}");
    assert!(has(&got, "Holm Varga", "person", "holm-varga"), "{got:?}");
    assert!(
        has(&got, "Kestrel Plastics", "org", "kestrel-plastics"),
        "{got:?}"
    );
}

#[test]
fn a_guess_takes_the_kind_another_article_gives_the_name() {
    use parallax_core::extract::analyze_story;
    let texts = [
        "Bridge closed\n4 March 2026\n\nDiversions add 25 minutes to journeys between Westmere and the port.\n",
        "Bridge shut\n4 March 2026\n\nEngineers have closed the Halvard Bridge in Westmere after finding a crack.\n",
    ];
    let analyses = analyze_story(&texts);
    let kinds: Vec<EntityKind> = analyses
        .iter()
        .zip(texts)
        .flat_map(|(a, text)| {
            a.entities
                .iter()
                .filter(move |e| e.span.text(text) == "Westmere")
                .map(|e| e.kind)
        })
        .collect();
    assert_eq!(kinds, [EntityKind::Place, EntityKind::Place]);
}

/// `said Aitor Lekuona, who runs a bakery`: a relative `who` after a name
/// of two or three words makes it a person, whatever the given name; an
/// organisation takes `which`.
#[test]
fn names_before_a_who_clause_are_people() {
    let text = "\"Half my customers come from the other side,\" said Aitor Lekuona, who runs a bakery near the ramp. \
                Tarnow Haulage, which runs the depot, said nothing.";
    let got = found(text);
    assert!(
        has(&got, "Aitor Lekuona", "person", "aitor-lekuona"),
        "{got:?}"
    );
    assert!(
        has(&got, "Tarnow Haulage", "org", "tarnow-haulage"),
        "{got:?}"
    );
}

/// `the race leader, Piet Dremmel`: a name of two or three words in
/// apposition after a role word and a comma is the person holding it,
/// whatever the given name; without a determiner or possessive opening the
/// role's phrase there is no apposition (`a leader, Varn Holdings …` is a
/// list).
#[test]
fn a_name_after_a_role_and_a_comma_is_the_person() {
    let text = "He is now 12 seconds behind the race leader, Piet Dremmel. \
                The bank's chief executive, Oyvind Tarrasek, resigned. \
                The referee, Janusz Wiklund, was booed off. \
                Analysts named a leader, Varn Holdings, and two others.";
    let got = found(text);
    assert!(
        has(&got, "Piet Dremmel", "person", "piet-dremmel"),
        "{got:?}"
    );
    assert!(
        has(&got, "Oyvind Tarrasek", "person", "oyvind-tarrasek"),
        "{got:?}"
    );
    assert!(
        has(&got, "Janusz Wiklund", "person", "janusz-wiklund"),
        "{got:?}"
    );
    assert!(
        !has(&got, "Varn Holdings", "person", "varn-holdings"),
        "{got:?}"
    );
}

/// `said farmer Edvin Kask, 52, who …`: a name of two or three words
/// followed by an age between commas is a person, whatever the given name;
/// a four-digit year is no age.
#[test]
fn a_name_before_an_age_is_a_person() {
    let text = "\"The roof came in,\" said Dragan Holub, 67, a retired teacher. \
                Edvin Kask, 52, lives nearby. \
                Tarrow Mills, 1998, was sold.";
    let got = found(text);
    assert!(
        has(&got, "Dragan Holub", "person", "dragan-holub"),
        "{got:?}"
    );
    assert!(has(&got, "Edvin Kask", "person", "edvin-kask"), "{got:?}");
    assert!(
        !has(&got, "Tarrow Mills", "person", "tarrow-mills"),
        "{got:?}"
    );
}

/// `I'd`, `I'm`, `It's` opening a sentence are a pronoun and a verb, not a
/// name.
#[test]
fn contractions_of_pronouns_are_no_names() {
    let text = "I'd go again, said Ann Lee. It's over. I'm told Sony won.";
    let got = found(text);
    assert!(!got.iter().any(|(t, _, _)| t.contains('\'')), "{got:?}");
    assert!(has(&got, "Ann Lee", "person", "ann-lee"), "{got:?}");
}

/// `said paramedic Jorun Vell`, `Fisherman Oddvar Ruud said`: a person
/// noun right before a name of two or three words, or opening the sentence
/// as a title, makes it a person, whatever the given name; nouns news uses
/// for firms too (`investor`, `champions`) do not.
#[test]
fn a_person_noun_before_a_name_makes_it_a_person() {
    let text = "\"We saw the roof lift off,\" said paramedic Jorun Vell. \
                Fisherman Oddvar Ruud said his boat had sunk. \
                The fund sold its stake to investor Brenner Holt on Monday.";
    let got = found(text);
    assert!(has(&got, "Jorun Vell", "person", "jorun-vell"), "{got:?}");
    assert!(has(&got, "Oddvar Ruud", "person", "oddvar-ruud"), "{got:?}");
    assert!(
        !has(&got, "Brenner Holt", "person", "brenner-holt"),
        "{got:?}"
    );
}

/// `Conservative Joan Pritchard`, `Substitute Samir Haddad`: a capitalised
/// word that is no given name before a given name and a surname is a
/// modifier; the person is the given name and the surname.
#[test]
fn a_modifier_before_a_given_name_is_left_out_of_the_person() {
    let text = "Conservative Joan Pritchard visited the block. \
                Substitute Samir Haddad scored late on.";
    let got = found(text);
    assert!(
        has(&got, "Joan Pritchard", "person", "joan-pritchard"),
        "{got:?}"
    );
    assert!(
        has(&got, "Samir Haddad", "person", "samir-haddad"),
        "{got:?}"
    );
}

/// `the island of Skerrin`, `the province of Kessary`: a place noun and
/// "of" before a name make it a place.
#[test]
fn a_name_after_a_place_noun_and_of_is_a_place() {
    let text = "A ferry ran aground off the island of Skerrin on Thursday. \
                Floods hit the province of Kessary.";
    let got = found(text);
    assert!(has(&got, "Skerrin", "place", "skerrin"), "{got:?}");
    assert!(has(&got, "Kessary", "place", "kessary"), "{got:?}");
}

/// `Harlow play Dunmore Town in the final`: `play` or `show` right after a
/// name that no determiner opens is the sentence's verb, not a work noun;
/// `the BBC show Silver Tide` keeps its title.
#[test]
fn a_work_noun_used_as_a_verb_names_no_title() {
    let text = "Harlow play Dunmore Town in the final next month. \
                Viewers loved the BBC show Silver Tide.";
    let got = found(text);
    assert!(
        !got.iter()
            .any(|(t, k, _)| t == "Dunmore Town" && *k == "work"),
        "{got:?}"
    );
    assert!(has(&got, "Silver Tide", "work", "silver-tide"), "{got:?}");
}

/// `the river Vessa`: a lowercase `river` before a name is a place cue.
#[test]
fn a_name_after_a_lowercase_river_is_a_place() {
    let text = "The bridge over the river Vessa was closed on Tuesday.";
    let got = found(text);
    assert!(has(&got, "Vessa", "place", "vessa"), "{got:?}");
}

/// A city of the generated gazetteer with no cue is a place (a guess that
/// any cue beats); a surname that is also a city stays the person's.
#[test]
fn gazetteer_cities_are_places_and_surnames_stay_people() {
    let text = "The striker, who joined from Hamburg last summer, scored twice. \
                Fans travelled from Lyon and Osaka. \
                Laura Hamilton, the coach, praised the side. Hamilton said the win mattered.";
    let got = found(text);
    assert!(has(&got, "Hamburg", "place", "hamburg"), "{got:?}");
    assert!(has(&got, "Lyon", "place", "lyon"), "{got:?}");
    assert!(has(&got, "Osaka", "place", "osaka"), "{got:?}");
    assert!(has(&got, "Hamilton", "person", "laura-hamilton"), "{got:?}");
}

/// `Dunmore Stadium`: a stadium is a place, like a street or a bridge;
/// `Park` is a surname too (`Helen Park` is a person).
#[test]
fn stadiums_are_places_and_a_park_may_be_a_person() {
    let text = "The final will be played at Dunmore Stadium in May. \
                \"It was close,\" said Helen Park, the club's chair.";
    let got = found(text);
    assert!(
        has(&got, "Dunmore Stadium", "place", "dunmore-stadium"),
        "{got:?}"
    );
    assert!(has(&got, "Helen Park", "person", "helen-park"), "{got:?}");
}

/// `the Teachers' Federation`, `General Workers' Union`: a plural possessive
/// before an organisation word is part of the organisation's name, not its
/// owner (and `General` there is no title).
#[test]
fn a_plural_possessive_before_an_organisation_word_is_one_name() {
    let text = "The General Workers' Union said its members would strike. \
                A spokesman for the Teachers' Federation said talks had failed.";
    let got = found(text);
    assert!(
        has(
            &got,
            "General Workers' Union",
            "org",
            "general-workers-union"
        ),
        "{got:?}"
    );
    assert!(
        has(&got, "Teachers' Federation", "org", "teachers-federation"),
        "{got:?}"
    );
}

#[test]
fn a_lone_organisation_word_before_and_opens_one_name() {
    // "University" alone names no organisation: with "and" it opens the
    // name the right side ends ("the University and College Union"). Two
    // names that each end in an organisation word stay two.
    let got = found("Members of the University and College Union will vote in May.");
    assert!(
        has(
            &got,
            "University and College Union",
            "org",
            "university-and-college-union"
        ),
        "{got:?}"
    );
    let got = found("Harwell University and the Kestrel Foundation signed the deal.");
    assert!(
        has(&got, "Harwell University", "org", "harwell-university"),
        "{got:?}"
    );
    let got = found("Officials of Northgate Bank and Halvorsen Group met on Monday.");
    assert!(
        has(&got, "Northgate Bank", "org", "northgate-bank"),
        "{got:?}"
    );
    assert!(
        has(&got, "Halvorsen Group", "org", "halvorsen-group"),
        "{got:?}"
    );
}

#[test]
fn a_plural_person_noun_opening_the_sentence_is_no_part_of_the_name() {
    // "Organisers" is capitalised only because it opens the sentence.
    let got = found("Organisers Saltry Events Ltd posted a statement on Wednesday.");
    assert!(
        has(&got, "Saltry Events Ltd", "org", "saltry-events-ltd"),
        "{got:?}"
    );
    // An organisation word right after it is the name's own.
    let got = found("Farmers Union officials met the minister on Monday.");
    assert!(
        has(&got, "Farmers Union", "org", "farmers-union"),
        "{got:?}"
    );
}

#[test]
fn a_business_noun_or_rival_opening_the_sentence_is_no_part_of_the_name() {
    // "Carmaker" and "Rival" are capitalised only because they open the
    // sentence; the firm is the rest.
    let got = found("Carmaker Varnholt Automotive is recalling 148,000 cars.");
    assert!(
        has(&got, "Varnholt Automotive", "org", "varnholt-automotive"),
        "{got:?}"
    );
    let got = found("Rival Altrada Pumps last week reported a rise in revenue.");
    assert!(
        has(&got, "Altrada Pumps", "org", "altrada-pumps"),
        "{got:?}"
    );
    // An organisation word right after it is the name's own.
    let got = found("Supermarket Workers Union members voted to strike on Monday.");
    assert!(
        got.iter().any(|e| e.0.starts_with("Supermarket Workers")),
        "{got:?}"
    );
}
