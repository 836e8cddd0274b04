//! Speaker resolution (`extract/speakers.rs`): one focused test per rule,
//! and snapshots that render each quote's resolved speaker inline.

use expect_test::{Expect, expect};
use parallax_core::analyze;
use parallax_core::corpus::bundled_stories;
use parallax_core::extract::{Analysis, Resolution};

fn story(paragraphs: &str) -> String {
    format!("Headline of the story\n\nDecember 18, 2014\n\n{paragraphs}\n")
}

/// Per quote: the first words, the speaker as written, then `→ key (rule,
/// role, from "mention")`.
fn render(text: &str, a: &Analysis) -> String {
    let mut out = String::new();
    for (i, q) in a.quotes.iter().enumerate() {
        let words: String = q.content.text(text).chars().take(32).collect();
        let written = q.speaker.map_or("-", |s| s.text(text));
        let s = a.speaker(i).expect("one speaker per quote");
        let key = a.speaker_key(i).unwrap_or("-");
        let role = s
            .role
            .map_or(String::new(), |r| format!(", role “{}”", r.text(text)));
        let from = a
            .speaker_mention(i)
            .map_or(String::new(), |m| format!(", from “{}”", m.text(text)));
        let candidates: Vec<&str> = s
            .candidates
            .iter()
            .filter_map(|&c| a.entities.get(c).map(|e| e.key.as_str()))
            .collect();
        let candidates = if candidates.is_empty() {
            String::new()
        } else {
            format!(", candidates {}", candidates.join(" / "))
        };
        out.push_str(&format!(
            "⟦{words}⟧ {written} → {key} ({}{role}{from}{candidates})\n",
            s.resolution.name()
        ));
    }
    out
}

fn check(paragraphs: &str, expect: Expect) {
    let text = story(paragraphs);
    expect.assert_eq(&render(&text, &analyze(&text)));
}

fn resolved(paragraphs: &str) -> Vec<(Option<String>, Resolution)> {
    let text = story(paragraphs);
    let a = analyze(&text);
    (0..a.quotes.len())
        .map(|i| {
            (
                a.speaker_key(i).map(str::to_string),
                a.speaker(i).map_or(Resolution::None, |s| s.resolution),
            )
        })
        .collect()
}

#[test]
fn one_speaker_per_quote() {
    let (stories, _) = bundled_stories();
    for article in &stories[0].articles {
        let a = analyze(&article.raw);
        assert_eq!(a.speakers.len(), a.quotes.len());
    }
}

#[test]
fn named_in_sentence_with_role_in_apposition() {
    check(
        "“We have too many branches,” said Dana Whitfield, chief executive of Northgate Bank, on a call with analysts.",
        expect![[r#"
            ⟦We have too many branches,⟧ Dana Whitfield → dana-whitfield (named-in-sentence, role “chief executive of Northgate Bank”, from “Dana Whitfield”)
        "#]],
    );
}

#[test]
fn pronoun_takes_the_person_named_before() {
    let got = resolved(
        "Mr Doyle has worked at the plant for 31 years.\n\n\"My dad worked here, my grandad worked here,\" he said.",
    );
    assert_eq!(got, [(Some("doyle".to_string()), Resolution::Pronoun)]);
}

#[test]
fn pronoun_with_two_people_of_unknown_gender_is_unresolved() {
    check(
        "Judge Alex Morgan sentenced Sam Carter on Friday.\n\n\"It was a mistake,\" they said.\n\n\"I am sorry,\" he said.",
        expect![[r#"
            ⟦It was a mistake,⟧ they → - (none)
            ⟦I am sorry,⟧ he → - (unresolved, candidates sam-carter / alex-morgan)
        "#]],
    );
}

#[test]
fn pronoun_gender_from_titles_picks_one() {
    let got = resolved("Ms Ruth Adler met Mr Tom Baines on Friday.\n\n\"I am sorry,\" he said.");
    assert_eq!(got, [(Some("tom-baines".to_string()), Resolution::Pronoun)]);
}

#[test]
fn quote_only_paragraph_continues_the_speaker() {
    let got = resolved(
        "\"The real problem is the loan book,\" Rohan Mehta said.\n\n\"Closing branches does not fix that.\"",
    );
    assert_eq!(
        got,
        [
            (Some("rohan-mehta".to_string()), Resolution::NamedInSentence),
            (Some("rohan-mehta".to_string()), Resolution::Continuation),
        ]
    );
}

#[test]
fn a_new_person_stops_a_continuation() {
    let got = resolved(
        "\"The real problem is the loan book,\" Rohan Mehta said.\n\nJulia Stone, an economist, disagreed with him on the radio.\n\n\"Closing branches does not fix that.\"",
    );
    assert_eq!(got.get(1).map(|g| g.1), Some(Resolution::EarlierSentence));
    assert_eq!(
        got.get(1).and_then(|g| g.0.clone()).as_deref(),
        Some("julia-stone")
    );
}

#[test]
fn nominal_organisation_and_spokeswoman() {
    check(
        "Northgate Bank will cut 600 jobs.\n\n\"No branch will close without notice,\" the bank said.\n\n\"We met union officials on Monday,\" a Northgate spokeswoman said.",
        expect![[r#"
            ⟦No branch will close without not⟧ the bank → northgate-bank (nominal, from “Northgate Bank”)
            ⟦We met union officials on Monday⟧ a Northgate spokeswoman → northgate-bank (named-in-sentence, role “spokeswoman”, from “Northgate”)
        "#]],
    );
}

#[test]
fn role_noun_and_age() {
    let got = resolved(
        "Owen Pryce, 71, has lived on the street all his life.\n\n“I have never seen it this high,” the 71-year-old said.",
    );
    assert_eq!(got, [(Some("owen-pryce".to_string()), Resolution::Role)]);
}

#[test]
fn colon_at_the_end_of_a_paragraph() {
    let got = resolved(
        "In a statement, Robert Vale wrote:\n\n\"Every morning our youngest asks when Mummy is coming home.\"",
    );
    assert_eq!(
        got.first().and_then(|g| g.0.clone()).as_deref(),
        Some("robert-vale")
    );
}

#[test]
fn titles_and_nicknames_get_no_speaker() {
    let got = resolved(
        "Finch urged residents to read the guide \"What To Do If Your Home Floods\" before the winter.\n\nThe prop Danny \"Tank\" Osei scored twice.",
    );
    assert!(got.iter().all(|(key, _)| key.is_none()), "{got:?}");
}

#[test]
fn seed_speakers_resolved() {
    let (stories, _) = bundled_stories();
    let raw = stories[0].articles[0].raw.to_string();
    let a = analyze(&raw);
    expect![[r#"
        ⟦malicious criminal acts⟧ the company → sony-pictures (nominal, from “Sony Pictures”)
        ⟦The world will be full of fear. ⟧ the message → - (none)
        ⟦We recommend you to keep yoursel⟧ the message → - (none)
        ⟦In light of the decision by the ⟧ the company → sony-pictures (nominal, from “Sony Pictures”)
        ⟦We respect and understand our pa⟧ the company → sony-pictures (continuation, from “Sony Pictures”)
        ⟦flimsy.⟧ Wired's Kim Zetter → kim-zetter (named-in-sentence, from “Kim Zetter”)
    "#]].assert_eq(&render(&raw, &a));
}
