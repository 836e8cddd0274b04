//! The explorer's view-model on the seed story: the coverage matrix, a fact's
//! detail, filters, quotes, the timeline, entities, exports and links.

use expect_test::expect;
use parallax_core::align::{Coverage, DifferenceKind};
use parallax_core::compare::{ClaimLinkView, FactFilter, FactItem, FactSort, StoryView};
use parallax_core::corpus::bundled_stories;

fn story() -> StoryView {
    let (stories, _) = bundled_stories();
    StoryView::build(&stories[0])
}

#[test]
fn the_matrix_has_a_row_per_fact_and_a_cell_per_article() {
    let story = story();
    let mut out = String::new();
    for fact in &story.facts {
        let cells: Vec<String> = fact
            .cells(story.articles.len())
            .iter()
            .map(|c| match c {
                Some(c) => format!("S{}", c.sentence),
                None => "—".to_string(),
            })
            .collect();
        let kinds: Vec<&str> = fact.difference_kinds.iter().map(|k| k.name()).collect();
        let items: Vec<&str> = fact.items.iter().map(|k| k.name()).collect();
        out.push_str(&format!(
            "{:>2} {} [{}] {} | diff: {} | items: {}\n",
            fact.number,
            cells.join(" "),
            fact.coverage.name(),
            fact.coverage_label,
            kinds.join(","),
            items.join(",")
        ));
    }
    expect![[r#"
         1 S1 S1 [all] All 2 outlets | diff: certainty | items: people
         2 S2 S5 [all] All 2 outlets | diff: certainty,specificity | items: number,date,people
         3 S3 S5 [all] All 2 outlets | diff: certainty,specificity | items: date,people
         4 S4 — [one] Only Unnamed tech site | diff:  | items: people
         5 S5 S7 [all] All 2 outlets | diff: certainty | items: 
         6 S6 — [one] Only Unnamed tech site | diff:  | items: quote
         7 S7 — [one] Only Unnamed tech site | diff:  | items: quote,date
         8 S8 — [one] Only Unnamed tech site | diff:  | items: quote
         9 S9 — [one] Only Unnamed tech site | diff:  | items: quote
        10 S10 S4 [all] All 2 outlets | diff: certainty,specificity | items: number,date,people
        11 S11 S8 [all] All 2 outlets | diff: quote | items: quote,date,people
        12 S12 S9 [all] All 2 outlets | diff: quote | items: quote
        13 S13 S10 [all] All 2 outlets | diff:  | items: quote,people
        14 S14 S11 [all] All 2 outlets | diff:  | items: quote
        15 S15 S12 [all] All 2 outlets | diff:  | items: quote
        16 S16 S13 [all] All 2 outlets | diff:  | items: quote
        17 S17 S3 [all] All 2 outlets | diff: certainty,attribution | items: people
        18 S17 S15 [all] All 2 outlets | diff: attribution | items: people
        19 S18 — [one] Only Unnamed tech site | diff:  | items: number,people
        20 — S2 [one] Only Silicon Republic | diff:  | items: number,people
        21 — S6 [one] Only Silicon Republic | diff:  | items: number,people
        22 — S14 [one] Only Silicon Republic | diff:  | items: date
        23 — S16 [one] Only Silicon Republic | diff:  | items: people
        24 — S17 [one] Only Silicon Republic | diff:  | items: 
        25 — S18 [one] Only Silicon Republic | diff:  | items: 
        26 — S19 [one] Only Silicon Republic | diff:  | items: number
    "#]]
    .assert_eq(&out);
    for fact in &story.facts {
        let cells = fact.cells(story.articles.len());
        assert_eq!(cells.len(), story.articles.len());
        assert_eq!(
            cells.iter().flatten().count(),
            fact.claims.len(),
            "one claim per article per fact"
        );
    }
}

#[test]
fn a_fact_in_detail() {
    let story = story();
    let fact = story
        .facts
        .iter()
        .find(|f| {
            f.difference_kinds.contains(&DifferenceKind::Specificity)
                && f.claims.len() == 2
                && f.differences.len() >= 4
        })
        .expect("the leaked films fact");
    let mut out = format!("{} — {}\n", fact.id, fact.label);
    for claim in &fact.claims {
        let diff: String = claim
            .diff()
            .iter()
            .map(|p| {
                if p.changed {
                    format!("[{}]", p.text)
                } else {
                    p.text.clone()
                }
            })
            .collect();
        assert_eq!(
            claim
                .diff()
                .iter()
                .map(|p| p.text.as_str())
                .collect::<String>(),
            claim.text
        );
        out.push_str(&format!(
            "{} S{} ({}; {}): {}\n  link quote: {}\n",
            claim.outlet,
            claim.sentence,
            claim.certainty_label,
            claim.attribution,
            diff,
            claim.quote()
        ));
    }
    for d in &fact.differences {
        out.push_str(&format!("{}: {}\n", d.kind.label(), d.detail));
    }
    let link = &fact.evidence.links[0];
    out.push_str(&format!(
        "evidence {} ({} ~ {} at {}):",
        fact.evidence.score, link.a_outlet, link.b_outlet, link.score
    ));
    for s in &link.shared {
        out.push_str(&format!(" {}:{}/{}={}", s.kind, s.a, s.b, s.weight));
    }
    out.push('\n');
    expect![[r#"
        febd370acefd8 — Facing those threats, numerous cinema chains in the US pulled out of showing the film…
        Unnamed tech site S10 (hedged (“at the very least”, “if not”); in the outlet's own voice): [Facing those threats, numerous cinema chains in the US pulled out of showing the film, and now Sony Pictures itself has at the very least delayed, if not outright cancelled, its release.]
          link quote: Facing those threats, numerous cinema chains in the US
        Silicon Republic S4 (stated as fact; in the outlet's own voice): [Yesterday Sony Pictures cancelled the 25 December theatrical release] of The [Interview – a spoof comedy starring Seth Rogen and James Franco portraying visit to the dysfunctional Hermit Kingdom – because of threats that were made to cinemas that were scheduled to show the movie.]
          link quote: Yesterday Sony Pictures cancelled the 25 December
        certainty differs: Unnamed tech site hedges it (“at the very least”, “if not”); Silicon Republic states it as fact.
        more or less specific: Silicon Republic names The Interview, Seth Rogen, James Franco; Unnamed tech site does not.
        more or less specific: Silicon Republic gives a date: “Yesterday” (2014-12-17); Unnamed tech site gives none.
        more or less specific: Silicon Republic gives a date: “25 December” (2014-12-25); Unnamed tech site gives none.
        evidence 454 (Unnamed tech site ~ Silicon Republic at 454): word:cancelled/cancelled=98 word:threats/threats=98 word:cinema/cinemas=80 word:showing/show=80 word:release/release=57 entity:Sony Pictures/Sony Pictures=27 word:film/movie=15
    "#]].assert_eq(&out);
}

#[test]
fn filters_select_and_sort_facts() {
    let story = story();
    let all = story.filter_facts(&FactFilter::default());
    assert_eq!(all, (0..story.facts.len()).collect::<Vec<_>>());
    let shared = story.filter_facts(&FactFilter {
        coverage: Some(Coverage::All),
        ..FactFilter::default()
    });
    assert!(
        shared
            .iter()
            .all(|&i| story.facts[i].coverage == Coverage::All)
    );
    assert!(!shared.is_empty() && shared.len() < all.len());
    let quotes = story.filter_facts(&FactFilter {
        item: Some(FactItem::Quote),
        ..FactFilter::default()
    });
    assert!(quotes.len() >= 6, "{quotes:?}");
    let cinema = story.filter_facts(&FactFilter::from_query("q=cinema%20chains"));
    assert!(!cinema.is_empty());
    for &i in &cinema {
        assert!(
            story.facts[i]
                .search_text(str::to_lowercase)
                .contains("cinema")
        );
    }
    let sorted = story.filter_facts(&FactFilter {
        sort: FactSort::Differences,
        ..FactFilter::default()
    });
    let counts: Vec<usize> = sorted
        .iter()
        .map(|&i| story.facts[i].difference_kinds.len())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    let by_coverage = story.filter_facts(&FactFilter {
        sort: FactSort::Coverage,
        ..FactFilter::default()
    });
    assert_eq!(story.facts[by_coverage[0]].coverage, Coverage::All);
    // Each outlet omits facts only others carry.
    for omission in &story.omissions {
        assert!(!omission.facts.is_empty());
        for &f in &omission.facts {
            assert!(
                story.facts[f]
                    .claims
                    .iter()
                    .all(|c| c.outlet != omission.outlet)
            );
        }
    }
}

#[test]
fn quotes_show_speakers_and_fidelity() {
    let story = story();
    let mut out = String::new();
    for quote in &story.quotes {
        for side in &quote.sides {
            out.push_str(&format!(
                "{} S{} speaker {:?} cue {:?}: {}\n",
                side.outlet,
                side.sentence,
                side.speaker,
                side.cue,
                parallax_core::compare::shorten(&side.words, 60)
            ));
        }
        for f in &quote.fidelity {
            out.push_str(&format!(
                "  {}% alike, speakers differ: {}; {}\n",
                f.agreement,
                f.speakers_differ,
                f.changes.join("; ")
            ));
        }
    }
    expect![[r#"
        Unnamed tech site S3 speaker Some("the company") cue Some("stating"): malicious criminal acts
        Unnamed tech site S6 speaker Some("the message") cue Some("read"): The world will be full of fear.
        Unnamed tech site S7 speaker Some("the message") cue Some("read"): Remember the 11th of September 2001,
        Unnamed tech site S8 speaker Some("the message") cue Some("read"): We recommend you to keep yourself distant from the places…
        Unnamed tech site S9 speaker Some("the message") cue Some("read"): (If your house is nearby, you’d better leave.)
        Unnamed tech site S11 speaker Some("the company") cue Some("announced"): In light of the decision by the majority of our exhibitors…
        Silicon Republic S8 speaker Some("Sony Pictured Entertainment") cue Some("said"): In light of the decision by the majority of our exhibitors…
          96% alike, speakers differ: false; “Interview, we” → “Interview,we” (spacing)
        Unnamed tech site S12 speaker Some("the company") cue Some("announced"): We respect and understand our partners’ decision and, of…
        Silicon Republic S9 speaker Some("Sony Pictured Entertainment") cue Some("said"): We respect and understand our partners’ decision and, of…
          95% alike, speakers differ: false; “theatre-goers.” → “theater-goers.” (spelling)
        Unnamed tech site S13 speaker Some("the company") cue Some("announced"): Sony Pictures has been the victim of an unprecedented…
        Silicon Republic S10 speaker Some("Sony Pictured Entertainment") cue Some("said"): Sony Pictures has been the victim of an unprecedented…
          100% alike, speakers differ: false; 
        Unnamed tech site S14 speaker Some("the company") cue Some("announced"): Those who attacked us stole our intellectual property…
        Silicon Republic S11 speaker Some("Sony Pictured Entertainment") cue Some("said"): Those who attacked us stole our intellectual property…
          100% alike, speakers differ: false; 
        Unnamed tech site S15 speaker Some("the company") cue Some("announced"): We are deeply saddened at this brazen effort to suppress…
        Silicon Republic S12 speaker Some("Sony Pictured Entertainment") cue Some("said"): We are deeply saddened at this brazen effort to suppress…
          100% alike, speakers differ: false; 
        Unnamed tech site S16 speaker Some("the company") cue Some("announced"): We stand by our filmmakers and their right to free…
        Silicon Republic S13 speaker Some("Sony Pictured Entertainment") cue Some("said"): We stand by our filmmakers and their right to free…
          100% alike, speakers differ: false; 
    "#]].assert_eq(&out);
}

#[test]
fn the_timeline_places_the_story_dates() {
    let story = story();
    let mut out = String::new();
    for entry in &story.timeline.entries {
        let mentions: Vec<String> = entry
            .mentions
            .iter()
            .map(|m| format!("{} S{} “{}” {}", m.outlet, m.sentence, m.text, m.bound))
            .collect();
        out.push_str(&format!(
            "{} {} ({}) at {}+{}, {} facts: {}\n",
            entry.value,
            entry.label,
            entry.granularity,
            entry.left,
            entry.width,
            entry.facts.len(),
            mentions.join("; ")
        ));
    }
    let ticks: Vec<String> = story
        .timeline
        .ticks
        .iter()
        .map(|t| format!("{}@{}", t.label, t.left))
        .collect();
    out.push_str(&format!(
        "ticks: {}\nbreaks: {:?}\n",
        ticks.join(" "),
        story.timeline.breaks
    ));
    expect![[r#"
        2001-09-11 11 September 2001 (day) at 0+3, 1 facts: Unnamed tech site S7 “the 11th of September 2001” 
        2014-11 November 2014 (month) at 25+41, 1 facts: Unnamed tech site S2 “November” 
        2014-12-04 4 December 2014 (day) at 69+2, 2 facts: Silicon Republic S5 “over a fortnight ago” on or before
        2014-W50 week of 8 December 2014 (week) at 74+11, 1 facts: Silicon Republic S14 “Last week” 
        2014-12-17 17 December 2014 (day) at 86+3, 2 facts: Unnamed tech site S11 “late yesterday” ; Silicon Republic S4 “Yesterday” 
        2014-12-25 25 December 2014 (day) at 97+2, 2 facts: Unnamed tech site S11 “December 25” ; Silicon Republic S4 “25 December” ; Silicon Republic S8 “December 25” 
        ticks: 2001@0 Nov 2014@25 Dec@65
        breaks: [21]
    "#]].assert_eq(&out);
    let values: Vec<&str> = story
        .timeline
        .entries
        .iter()
        .map(|e| e.value.as_str())
        .collect();
    for wanted in [
        "2001-09-11",
        "2014-11",
        "2014-W50",
        "2014-12-17",
        "2014-12-25",
    ] {
        assert!(values.contains(&wanted), "{wanted} not in {values:?}");
    }
    for e in &story.timeline.entries {
        assert!(e.left < 100 && e.width >= 1 && u16::from(e.left) + u16::from(e.width) <= 100);
    }
}

#[test]
fn entities_with_their_namings() {
    let story = story();
    let mut out = String::new();
    for entity in story.entities.iter().take(12) {
        let namings: Vec<String> = entity
            .namings
            .iter()
            .map(|n| {
                let names: Vec<String> = n
                    .names
                    .iter()
                    .map(|(name, c)| format!("{name}×{c}"))
                    .collect();
                format!(
                    "{}: {}",
                    n.outlet,
                    if names.is_empty() {
                        "—".to_string()
                    } else {
                        names.join(", ")
                    }
                )
            })
            .collect();
        out.push_str(&format!(
            "{} ({}, {}) {} mentions, {} facts | {}\n",
            entity.name,
            entity.key,
            entity.kind_name,
            entity.mentions,
            entity.facts.len(),
            namings.join(" | ")
        ));
    }
    expect![[r#"
        Sony Pictures (sony-pictures, organisation) 12 mentions, 9 facts | Unnamed tech site: Sony Pictures×6 | Silicon Republic: Sony Pictures×3, Sony×2, Sony Pictured Entertainment×1
        North Korea (north-korea, place) 8 mentions, 7 facts | Unnamed tech site: North Korea×2 | Silicon Republic: North Korea×5, Hermit Kingdom×1
        The Interview (the-interview, work) 8 mentions, 6 facts | Unnamed tech site: The Interview×3 | Silicon Republic: The Interview×5
        US (united-states, place) 7 mentions, 5 facts | Unnamed tech site: US×3 | Silicon Republic: US×4
        Guardians of Peace (guardians-of-peace, group) 3 mentions, 2 facts | Unnamed tech site: GOP×1, Guardians of Peace×1 | Silicon Republic: Guardians of Peace×1
        New York Times (new-york-times, organisation) 2 mentions, 2 facts | Unnamed tech site: New York Times×1 | Silicon Republic: New York Times×1
        Annie (annie, work) 1 mentions, 1 facts | Unnamed tech site: — | Silicon Republic: Annie×1
        Cisco (cisco, organisation) 1 mentions, 1 facts | Unnamed tech site: — | Silicon Republic: Cisco×1
        Fury (fury, work) 1 mentions, 1 facts | Unnamed tech site: — | Silicon Republic: Fury×1
        General Bureau of Reconnaissance (general-bureau-of-reconnaissance, organisation) 1 mentions, 1 facts | Unnamed tech site: — | Silicon Republic: General Bureau of Reconnaissance×1
        Hollywood (hollywood, place) 1 mentions, 1 facts | Unnamed tech site: — | Silicon Republic: Hollywood×1
        James Franco (james-franco, person) 1 mentions, 1 facts | Unnamed tech site: — | Silicon Republic: James Franco×1
    "#]].assert_eq(&out);
}

#[test]
fn exports_csv_and_web_annotations() {
    let story = story();
    let csv = story.matrix_csv(&story.filter_facts(&FactFilter::default()));
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines[0],
        "fact,label,coverage,outlets,differences,Unnamed tech site,Silicon Republic"
    );
    assert_eq!(lines.len(), story.facts.len() + 1);
    let json: serde_json::Value =
        serde_json::from_str(&story.web_annotations().expect("built here")).expect("valid JSON");
    assert_eq!(json["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(json["type"], "AnnotationCollection");
    let items = json["first"]["items"].as_array().unwrap();
    let claims: usize = story.articles.iter().map(|a| a.sentence_count).sum();
    assert_eq!(items.len(), claims);
    assert_eq!(json["total"], claims);
    // Position selectors count code points and point at the quote's exact text.
    let (stories, _) = bundled_stories();
    for item in items {
        let target = &item["target"];
        let source = target["source"].as_str().unwrap();
        let article_id = source.rsplit(':').next().unwrap();
        let raw = &stories[0]
            .articles
            .iter()
            .find(|a| a.id == article_id)
            .unwrap()
            .raw;
        let selectors = target["selector"].as_array().unwrap();
        assert_eq!(selectors[0]["type"], "TextQuoteSelector");
        assert_eq!(selectors[1]["type"], "TextPositionSelector");
        let (start, end) = (
            selectors[1]["start"].as_u64().unwrap() as usize,
            selectors[1]["end"].as_u64().unwrap() as usize,
        );
        let exact: String = raw.chars().skip(start).take(end - start).collect();
        assert_eq!(exact, selectors[0]["exact"].as_str().unwrap());
    }
    expect![[r#"
        {
          "body": [
            {
              "purpose": "tagging",
              "type": "TextualBody",
              "value": "fact:f52c2c3848a17 (all)"
            },
            {
              "purpose": "describing",
              "type": "TextualBody",
              "value": "hedged; attributed to US officials"
            }
          ],
          "creator": {
            "name": "Parallax",
            "type": "Software"
          },
          "id": "urn:parallax:sony-interview-2014:985eb20a:f47b92ac4f47",
          "motivation": "describing",
          "target": {
            "selector": [
              {
                "exact": "Sony Pictures has caved to the demands of its blackmailers and cancelled the impending launch of the film The Interview, as US officials name North Korea as the likely source of the attack on the company's servers.",
                "prefix": "ompanies: #sony #sony-pictures\n\n",
                "suffix": "\n\nThe November attack on the com",
                "type": "TextQuoteSelector"
              },
              {
                "end": 449,
                "start": 235,
                "type": "TextPositionSelector"
              }
            ],
            "source": "urn:parallax:sony-interview-2014:985eb20a"
          },
          "type": "Annotation"
        }"#]].assert_eq(&serde_json::to_string_pretty(&items[0]).unwrap());
}

#[test]
fn claim_links_resolve_reanchor_or_orphan() {
    let story = story();
    let sentence = story.sentence("5cdbf99d", 6).unwrap();
    let (id, quote) = story.claim_of_sentence(1, 6).unwrap();
    assert_eq!(id, sentence.claim_id);
    assert_eq!(
        story.resolve_claim_link("5cdbf99d", &id, &quote),
        ClaimLinkView::Found {
            article: 1,
            sentence: 6
        }
    );
    assert_eq!(story.sentence_of_claim("5cdbf99d", &id), Some((1, 6)));
    assert_eq!(
        story.resolve_claim_link("5cdbf99d", "000000000000", &quote),
        ClaimLinkView::Reanchored {
            article: 1,
            sentence: 6,
            similarity: 100
        }
    );
    match story.resolve_claim_link(
        "5cdbf99d",
        "000000000000",
        "The records of employees were never published anywhere.",
    ) {
        ClaimLinkView::Orphan { nearest } => {
            assert!(!nearest.is_empty());
            assert_eq!(
                (nearest[0].article_id.as_str(), nearest[0].sentence),
                ("5cdbf99d", 6)
            );
        }
        other => panic!("{other:?}"),
    }
    // Every sentence knows its facts and the counterparts in the other article.
    let first = story.sentence("5cdbf99d", 1).unwrap();
    assert!(!first.facts.is_empty());
    let a = story
        .articles
        .iter()
        .position(|a| a.id == "5cdbf99d")
        .unwrap();
    let counterparts = story.counterparts(a, 1);
    assert!(counterparts.contains(&("985eb20a".to_string(), 1)));
    assert_eq!(first.counterpart_count, counterparts.len());
}

#[test]
fn text_fragment_links_when_the_manifest_has_a_url() {
    let (mut stories, _) = bundled_stories();
    stories[0].articles[1].url = Some("https://www.siliconrepublic.com/example".into());
    let story = StoryView::build(&stories[0]);
    let claim = story
        .facts
        .iter()
        .flat_map(|f| &f.claims)
        .find(|c| c.article == 1)
        .unwrap();
    let url = claim.source_url.as_deref().unwrap();
    assert!(
        url.starts_with("https://www.siliconrepublic.com/example#:~:text="),
        "{url}"
    );
    assert!(
        story
            .facts
            .iter()
            .flat_map(|f| &f.claims)
            .filter(|c| c.article == 0)
            .all(|c| c.source_url.is_none())
    );
}
