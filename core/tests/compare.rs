//! The view-model: sentences cut into marked segments that reassemble the
//! exact sentence text, each mark explained.

use expect_test::expect;
use parallax_core::compare::StoryView;
use parallax_core::corpus::bundled_stories;

fn story() -> StoryView {
    let (stories, _) = bundled_stories();
    StoryView::build(&stories[0])
}

/// The view-model of a story of one article, by the outlet "Courier".
fn one_article(text: &'static str) -> StoryView {
    use parallax_core::corpus::{Article, Story};
    let story = Story {
        slug: "one".into(),
        title: "One".into(),
        articles: vec![Article {
            id: "a".into(),
            file: "a.txt".into(),
            outlet: "Courier".into(),
            outlet_note: None,
            url: None,
            published: None,
            raw: std::borrow::Cow::Borrowed(text),
        }],
    };
    StoryView::build(&story)
}

#[test]
fn segments_reassemble_every_sentence() {
    let story = story();
    let mut marked = 0;
    for article in &story.articles {
        for sentence in article.sentences() {
            let segments = story.segments(sentence);
            let joined: String = segments.iter().map(|s| s.text.as_str()).collect();
            assert_eq!(joined, sentence.text);
            for segment in &segments {
                assert_eq!(segment.kinds.len(), segment.notes.len());
                marked += usize::from(!segment.kinds.is_empty());
            }
        }
    }
    assert!(marked > 50, "only {marked} marked segments");
}

#[test]
fn marks_in_a_sentence_of_each_outlet() {
    let story = story();
    let render = |article: &str, number: usize| -> String {
        story
            .segments(story.sentence(article, number).unwrap())
            .iter()
            .map(|s| {
                if s.kinds.is_empty() {
                    s.text.clone()
                } else {
                    let kinds: Vec<&str> = s.kinds.iter().map(|k| k.name()).collect();
                    format!("⟦{}⟧{}", s.text, kinds.join("+"))
                }
            })
            .collect()
    };
    expect!["The seriousness of the attack grew as ⟦five movies⟧quantity scheduled for release – including ⟦Fury⟧work and ⟦Annie⟧work – were distributed online to pirate sites, ⟦more than 47,000 records⟧quantity of employees were published online and emails by senior ⟦Sony⟧organisation and ⟦Hollywood⟧place executives were also published online."].assert_eq(&render("5cdbf99d", 6));
    expect!["⟦'In light of the decision by the majority of our exhibitors not to show the film ⟧quote⟦The Interview⟧quote+work⟦, we have decided not to move forward with the planned ⟧quote⟦December 25⟧quote+date⟦ theatrical release,'⟧quote the company announced in a statement to press ⟦late yesterday⟧date."].assert_eq(&render("985eb20a", 11));
}

/// A quote's note names the speaker it was resolved to, with what the text
/// wrote and the rule when they differ.
#[test]
fn quote_notes_name_the_resolved_speaker() {
    let text = "Bank keeps its branches\n\nMarch 4, 2024\n\n\
                Dana Whitfield, chief executive of Northgate Bank, spoke to reporters on Monday.\n\n\
                \u{201c}We will not close a single branch this year,\u{201d} she said.\n";
    let view = one_article(text);
    let notes: Vec<String> = view.articles[0]
        .sentences()
        .flat_map(|s| view.segments(s))
        .flat_map(|segment| segment.notes)
        .filter(|note| note.starts_with("quote"))
        .collect();
    assert!(
        notes
            .iter()
            .any(|n| n.contains("speaker: Dana Whitfield (written “she”, pronoun)")),
        "{notes:?}"
    );
}

/// The entities view counts quotes under the resolved speaker: "he said"
/// and "the company said" count for the person and the company they refer
/// to, across outlets, with the quoted words per outlet.
#[test]
fn entities_count_quotes_under_the_resolved_speaker() {
    use std::borrow::Cow;

    use parallax_core::corpus::{Article, Story};

    let a = "Bakery turns down takeover\n\nJune 3, 2025\n\n\
             Daniel Adeyemi, the bakery's managing director, told staff on Monday.\n\n\
             \"Our bread will stay in Harwick,\" he said. \"The demand is there.\"\n\n\
             Fenwick Foods had offered about 18 million pounds. \"We made a fair offer,\" the company said.\n";
    let b = "Family keeps its bakery\n\nJune 3, 2025\n\n\
             \"Our bread will stay in Harwick,\" said Daniel Adeyemi, who runs the bakery.\n";
    let article = |id: &str, outlet: &str, raw: &'static str| Article {
        id: id.into(),
        file: format!("{id}.txt"),
        outlet: outlet.into(),
        outlet_note: None,
        url: None,
        published: None,
        raw: Cow::Borrowed(raw),
    };
    let story = Story {
        slug: "bakery".into(),
        title: "Bakery".into(),
        articles: vec![article("a", "Courier", a), article("b", "Post", b)],
    };
    let view = StoryView::build(&story);
    let entity = |key: &str| {
        view.entities
            .iter()
            .find(|e| e.key == key)
            .unwrap_or_else(|| panic!("no entity {key}"))
    };
    let daniel = entity("daniel-adeyemi");
    assert_eq!(daniel.quoted, 3);
    assert_eq!(daniel.quoted_label().as_deref(), Some("quoted 3 times"));
    let per_outlet: Vec<usize> = daniel.namings.iter().map(|n| n.quotes.len()).collect();
    assert_eq!(per_outlet, [2, 1]);
    assert_eq!(
        daniel.namings[0].quotes,
        ["Our bread will stay in Harwick,", "The demand is there."]
    );
    let fenwick = entity("fenwick-foods");
    assert_eq!(fenwick.quoted, 1);
    assert_eq!(fenwick.quoted_label().as_deref(), Some("quoted once"));
    // The view-model still round-trips through JSON.
    let json = serde_json::to_string(&view).expect("serialises");
    let back: StoryView = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back.entities, view.entities);
}

#[test]
fn a_timeline_of_years_labels_its_axis_without_crowding() {
    // Dates a few weeks apart over two years: one stretch of the axis, far
    // too many months to label each; labels keep their room at a phone's
    // width, and an interval of months reads as "months".
    let text = "Plant to close by the end of 2027\n\nMarch 4, 2026\n\n\
                The plant opened in January 2026 and hired its first staff in February 2026.\n\n\
                Output rose in March 2026, April 2026, May 2026 and June 2026.\n\n\
                Orders fell in July 2026, August 2026, September 2026 and October 2026.\n\n\
                The board met in November 2026, December 2026, January 2027 and February 2027.\n\n\
                Staff were told in March 2027, April 2027, May 2027 and June 2027.\n\n\
                The last line stops in July 2027, and the plant will close by the end of 2027.\n";
    let view = one_article(text);
    let ticks: Vec<String> = view
        .timeline
        .ticks
        .iter()
        .map(|t| format!("{}@{}", t.label, t.left))
        .collect();
    // Each label leaves the next the room it takes at a phone's width: 2%
    // of the axis a character, and 3% for the mark.
    assert!(
        view.timeline.ticks.windows(2).all(|w| {
            i64::from(w[1].left) - i64::from(w[0].left) >= 2 * w[0].label.chars().count() as i64 + 3
        }),
        "{ticks:?}"
    );
    // None runs past the axis's end.
    assert!(
        view.timeline
            .ticks
            .iter()
            .all(|t| i64::from(t.left) + 2 * t.label.chars().count() as i64 + 3 <= 103),
        "{ticks:?}"
    );
    // Quarters, each where the label before leaves room; the first label
    // of each year and of each stretch names the year.
    assert_eq!(
        ticks,
        [
            "Jan 2026@0",
            "Jul@22",
            "Oct@34",
            "Jan 2027@45",
            "Jul@68",
            "Oct 2027@78"
        ],
    );
    let interval = view
        .timeline
        .entries
        .iter()
        .find(|e| e.value.contains('/'))
        .expect("the end of 2027");
    assert_eq!(interval.granularity, "months");
    assert_eq!(interval.label, "October–December 2027");
}
