//! Snapshot and gold tests of the document stage on the seed story.

use expect_test::{Expect, expect};
use parallax_core::analyze;
use parallax_core::corpus::bundled_stories;

/// Renders each part as `kind  | text` (long texts shortened), then the date.
fn render_parts(text: &str) -> String {
    let analysis = analyze(text);
    let mut out = String::new();
    for part in &analysis.document.parts {
        let s = part.span.text(text);
        let shown: String = if s.chars().count() > 60 {
            format!("{}…", s.chars().take(59).collect::<String>())
        } else {
            s.to_string()
        };
        out.push_str(&format!("{:<10} | {shown}\n", format!("{:?}", part.kind)));
    }
    if let Some(date) = analysis.document.published {
        out.push_str(&format!("published: {}\n", date.iso()));
    }
    for meta in &analysis.document.metadata {
        let values: Vec<&str> = meta.values.iter().map(|v| v.text(text)).collect();
        out.push_str(&format!(
            "meta {}: {}\n",
            meta.key.text(text),
            values.join(" ")
        ));
    }
    if let Some(outlet) = analysis.document.outlet_named {
        out.push_str(&format!("outlet named: {}\n", outlet.text(text)));
    }
    for d in &analysis.diagnostics {
        out.push_str(&format!("diagnostic: {}\n", d.message));
    }
    out
}

fn seed(index: usize) -> String {
    let (stories, _) = bundled_stories();
    stories[0].articles[index].raw.to_string()
}

fn check(text: &str, expect: Expect) {
    expect.assert_eq(&render_parts(text));
}

#[test]
fn first_seed_structure() {
    check(
        &seed(0),
        expect![[r#"
        Headline   | Sony pulls film as the US blames North Korea for attack
        DateLine   | December 18, 2014 | 09:27
        Metadata   | Tags: #attack #breach #crack #cracker #gop #guardians-of-pe…
        Metadata   | Companies: #sony #sony-pictures
        Paragraph  | Sony Pictures has caved to the demands of its blackmailers …
        Paragraph  | The November attack on the company's internal network was s…
        Paragraph  | While Sony Pictures worked to keep the demands of the group…
        Paragraph  | Facing those threats, numerous cinema chains in the US pull…
        Paragraph  | 'Sony Pictures has been the victim of an unprecedented crim…
        Paragraph  | Meanwhile, the New York Times has claimed that the US gover…
        Furniture  | Discuss this in the forums
        Furniture  | YouTube logo
        Furniture  | MSI MPG Velox 100R Chassis Review
        Furniture  | October 14 2021 | 15:04
        published: 2014-12-18T09:27
        meta Tags: #attack #breach #crack #cracker #gop #guardians-of-peace #insecurity #north-korea #security #terror #terrorist
        meta Companies: #sony #sony-pictures
    "#]],
    );
}

#[test]
fn second_seed_structure() {
    check(
        &seed(1),
        expect![[r#"
        Headline   | The Interview gets cancelled as US blames North Korea for c…
        DateLine   | 18 Dec 2014
        Caption    | James Franco and Seth Rogen in the spoof comedy The Intervi…
        Paragraph  | In a plot worthy of a B movie, The Interview has been withd…
        Paragraph  | Unnamed officials in a number of reports have laid blame fo…
        Paragraph  | The attack has been described as “state sponsored” and rath…
        Paragraph  | Yesterday Sony Pictures cancelled the 25 December theatrica…
        Paragraph  | The whole saga kicked off over a fortnight ago when Sony Pi…
        Paragraph  | The seriousness of the attack grew as five movies scheduled…
        Subheading | The hackers win … for now
        Paragraph  | This is an unprecedented situation where a movie has had to…
        Paragraph  | In a statement Sony Pictured Entertainment said: “In light …
        Paragraph  | “Sony Pictures has been the victim of an unprecedented crim…
        Paragraph  | Last week North Korea denied it had any involvement in the …
        Paragraph  | While US government officials have been cited by various me…
        Paragraph  | A key matter for concern for the Obama administration is ho…
        Paragraph  | In a strange twist North Korea and its hacker army may have…
        Paragraph  | Now millions of people who would have happily given The Int…
        AuthorBio  | John Kennedy is a journalist who served as editor of Silico…
        published: 2014-12-18
        outlet named: Silicon Republic
    "#]],
    );
}

/// Renders every sentence of the story text as `⟦sentence⟧`, paragraph by
/// paragraph, so a snapshot shows exactly where the boundaries fall.
fn render_sentences(text: &str) -> String {
    let analysis = analyze(text);
    let mut out = String::new();
    let mut part = usize::MAX;
    for sentence in &analysis.sentences {
        if sentence.part != part {
            if part != usize::MAX {
                out.push('\n');
            }
            part = sentence.part;
            out.push_str(&format!("¶ {}\n", analysis.document.parts[part].span));
        }
        out.push_str(&format!("  ⟦{}⟧\n", sentence.span.text(text)));
    }
    out
}

#[test]
fn first_seed_sentences() {
    expect![[r#"
        ¶ 235..449
          ⟦Sony Pictures has caved to the demands of its blackmailers and cancelled the impending launch of the film The Interview, as US officials name North Korea as the likely source of the attack on the company's servers.⟧

        ¶ 451..947
          ⟦The November attack on the company's internal network was said to have paralysed the company and directly led to the leaking of several unreleased films and passwords, certificates and personnel files.⟧
          ⟦Rumours circulated that the attackers, a group calling itself GOP or Guardians of Peace, were to be named by Sony Pictures as North Korean in origin - a claim the company denied while stating it was working with federal law enforcement to investigate the 'malicious criminal acts' of the group.⟧

        ¶ 949..1576
          ⟦While Sony Pictures worked to keep the demands of the group private, it has been claimed that the attack was in protest of an upcoming film from the company: The Interview, a parody comedy based on a fictional assassination attempt of North Korean despot Kim Jong-Un.⟧
          ⟦This was seemingly confirmed when a message purported to be from the original attackers threatened acts of terror against cinemas showing the film.⟧
          ⟦'The world will be full of fear.⟧
          ⟦Remember the 11th of September 2001,' the message read.⟧
          ⟦'We recommend you to keep yourself distant from the places at that time.⟧
          ⟦(If your house is nearby, you’d better leave.)'⟧

        ¶ 1578..2164
          ⟦Facing those threats, numerous cinema chains in the US pulled out of showing the film, and now Sony Pictures itself has at the very least delayed, if not outright cancelled, its release.⟧
          ⟦'In light of the decision by the majority of our exhibitors not to show the film The Interview, we have decided not to move forward with the planned December 25 theatrical release,' the company announced in a statement to press late yesterday.⟧
          ⟦'We respect and understand our partners’ decision and, of course, completely share their paramount interest in the safety of employees and theatre-goers.⟧

        ¶ 2166..2804
          ⟦'Sony Pictures has been the victim of an unprecedented criminal assault against our employees, our customers, and our business.⟧
          ⟦Those who attacked us stole our intellectual property, private emails, and sensitive and proprietary material, and sought to destroy our spirit and our morale – all apparently to thwart the release of a movie they did not like.⟧
          ⟦We are deeply saddened at this brazen effort to suppress the distribution of a movie, and in the process do damage to our company, our employees, and the American public.⟧
          ⟦We stand by our filmmakers and their right to free expression and are extremely disappointed by this outcome.⟧

        ¶ 2806..3395
          ⟦Meanwhile, the New York Times has claimed that the US government has officially concluded that the attack did indeed originate in North Korea and was likely state-sponsored, although Wired's Kim Zetter argues that evidence for this is 'flimsy.'⟧
          ⟦Regardless, Sony Pictures is clearly still suffering the aftermath of the attach, with a claimed hundred terabytes of data still held by the attackers and the Los Angeles Times reporting that a class-action lawsuit has been brought against the company by current and former staff whose personal information was leaked as a result of the breach.⟧
    "#]].assert_eq(&render_sentences(&seed(0)));
}

#[test]
fn second_seed_sentences() {
    expect![[r#"
        ¶ 238..421
          ⟦In a plot worthy of a B movie, The Interview has been withdrawn from cinemas in the US just as US government officials named North Korea as the source of the cyberattack against Sony.⟧

        ¶ 423..558
          ⟦Unnamed officials in a number of reports have laid blame for the attack on Unit 21 of North Korea’s General Bureau of Reconnaissance.⟧

        ¶ 560..796
          ⟦The attack has been described as “state sponsored” and rather than being a sophisticated exploit researchers at Cisco’s Talos Seucurity Intelligence and Research Group said that the “Destroyer” malware attack was full of bugs.⟧

        ¶ 798..1080
          ⟦Yesterday Sony Pictures cancelled the 25 December theatrical release of The Interview – a spoof comedy starring Seth Rogen and James Franco portraying visit to the dysfunctional Hermit Kingdom – because of threats that were made to cinemas that were scheduled to show the movie.⟧

        ¶ 1082..1247
          ⟦The whole saga kicked off over a fortnight ago when Sony Pictures’ IT systems were shut down following a cyber-attack by a group calling itself Guardians of Peace.⟧

        ¶ 1249..1533
          ⟦The seriousness of the attack grew as five movies scheduled for release – including Fury and Annie – were distributed online to pirate sites, more than 47,000 records of employees were published online and emails by senior Sony and Hollywood executives were also published online.⟧

        ¶ 1565..1713
          ⟦This is an unprecedented situation where a movie has had to be cancelled because of safety fears caused by hacker threats to cinemas and moviegoers.⟧

        ¶ 1715..2100
          ⟦In a statement Sony Pictured Entertainment said: “In light of the decision by the majority of our exhibitors not to show the film The Interview,we have decided not to move forward with the planned December 25 theatrical release.⟧
          ⟦We respect and understand our partners’ decision and, of course, completely share their paramount interest in the safety of employees and theater-goers.⟧

        ¶ 2102..2745
          ⟦“Sony Pictures has been the victim of an unprecedented criminal assault against our employees, our customers, and our business.⟧
          ⟦Those who attacked us stole our intellectual property, private emails, and sensitive and proprietary material, and sought to destroy our spirit and our morale — all apparently to thwart the release of a movie they did not like.⟧
          ⟦We are deeply saddened at this brazen effort to suppress the distribution of a movie, and in the process do damage to our company, our employees, and the American public.⟧
          ⟦We stand by our filmmakers and their right to free expression and are extremely disappointed by this outcome.”⟧

        ¶ 2747..2853
          ⟦Last week North Korea denied it had any involvement in the attack but hailed it as a “righteous deed.”⟧

        ¶ 2855..3069
          ⟦While US government officials have been cited by various media organisations, including the New York Times, as confirming North Korea is the culprit, a formal White House statement has yet to be made on the matter.⟧

        ¶ 3071..3303
          ⟦A key matter for concern for the Obama administration is how much evidence it is prepared to make to the public without revealing how the US itself was able to penetrate North Korean networks to trace the source of the cyber-attack.⟧

        ¶ 3305..3560
          ⟦In a strange twist North Korea and its hacker army may have elevated The Interview from what could have been at best a moderate box office success into a movie with potential cult status and a collector’s item.⟧
          ⟦You couldn’t buy that kind of publicity.⟧

        ¶ 3562..3682
          ⟦Now millions of people who would have happily given The Interview a miss are curious to see what all the fuss was about.⟧
    "#]].assert_eq(&render_sentences(&seed(1)));
}

/// A numeric date line anchors the story, and its part says how it was read.
#[test]
fn numeric_date_lines_are_date_lines() {
    let cases = [
        ("14/03/2023", "2023-03-14", "the number over 12 is the day"),
        (
            "Published: 2023-03-14T09:30Z",
            "2023-03-14T09:30",
            "ISO 8601",
        ),
        ("04.03.2023", "2023-03-04", "dots or hyphens"),
        ("04/03/2023", "2023-03-04", "read day/month/year"),
    ];
    for (line, iso, rule) in cases {
        let text = format!(
            "Talks collapse\n\n{line}\n\nThe talks collapsed on Tuesday, officials said.\n"
        );
        let analysis = analyze(&text);
        assert_eq!(
            analysis.document.published.map(|d| d.iso()).as_deref(),
            Some(iso),
            "{line}"
        );
        let part = analysis.document.parts.get(1).expect("a date line part");
        assert!(part.rule.contains(rule), "{line}: {}", part.rule);
    }
    // The same ambiguous line in a text that writes US dates is month-first.
    let text =
        "Talks collapse\n\n04/03/2023\n\nThe talks, which began on March 1, collapsed on Monday.\n";
    assert_eq!(
        analyze(text).document.published.map(|d| d.iso()).as_deref(),
        Some("2023-04-03")
    );
}

#[test]
fn furniture_is_found_by_general_patterns_not_by_seed_lines() {
    // Calls to the reader and logo captions closing an article, none of
    // them a seed's line.
    let text = "Council approves new bridge\n\
                March 3, 2022\n\
                The council approved the bridge on Tuesday.\n\
                Work starts in the spring.\n\
                Join the conversation on our forum\n\
                Subscribe to the morning briefing\n\
                Instagram logo\n";
    let mut diagnostics = Vec::new();
    let doc = parallax_core::extract::document::parse_document(text, &mut diagnostics);
    let kinds: Vec<String> = doc
        .parts
        .iter()
        .map(|p| format!("{:?} {}", p.kind, p.span.text(text)))
        .collect();
    assert_eq!(
        kinds[4..],
        [
            "Furniture Join the conversation on our forum",
            "Furniture Subscribe to the morning briefing",
            "Furniture Instagram logo",
        ]
    );
    assert!(kinds[3].starts_with("Paragraph"), "{kinds:?}");
}
