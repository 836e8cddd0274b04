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
