//! The view-model crosses from the engine's worker to the page, and into
//! the page's cache, as JSON: what arrives must render and resolve links
//! exactly as the view-model that was built.

use parallax_core::compare::parts::{ViewAssembler, articles_part, to_parts};
use parallax_core::compare::{ClaimLinkView, StoryView};
use parallax_core::corpus::{Story, bundled_stories};
use parallax_core::synthetic::synthetic_story_of;

fn round_trip(view: &StoryView) -> StoryView {
    let json = serde_json::to_string(view).expect("a view-model serialises");
    serde_json::from_str(&json).expect("and reads back")
}

fn bundled() -> StoryView {
    StoryView::build(&bundled_stories().0.remove(0))
}

#[test]
fn a_view_model_survives_json_unchanged() {
    let built = bundled();
    let arrived = round_trip(&built);
    assert_eq!(arrived.articles, built.articles);
    assert_eq!(arrived.facts, built.facts);
    assert_eq!(arrived.omissions, built.omissions);
    assert_eq!(arrived.quotes, built.quotes);
    assert_eq!(arrived.timeline, built.timeline);
    assert_eq!(arrived.entities, built.entities);
    assert_eq!(arrived.wire, built.wire);
    let all: Vec<usize> = (0..built.facts.len()).collect();
    assert_eq!(
        serde_json::to_string(&arrived).unwrap(),
        serde_json::to_string(&built).unwrap()
    );
    assert_eq!(arrived.matrix_csv(&all), built.matrix_csv(&all));
}

#[test]
fn only_the_built_view_model_exports_web_annotations() {
    let built = bundled();
    assert!(built.web_annotations().is_some());
    assert_eq!(round_trip(&built).web_annotations(), None);
}

#[test]
fn claim_links_resolve_the_same_after_the_trip() {
    let built = bundled();
    let arrived = round_trip(&built);
    let mut checked = 0;
    for (a, article) in built.articles.iter().enumerate() {
        for sentence in article.sentences() {
            let (claim, quote) = built.claim_of_sentence(a, sentence.number).unwrap();
            assert_eq!(
                arrived.claim_of_sentence(a, sentence.number),
                Some((claim.clone(), quote.clone()))
            );
            assert_eq!(
                built.resolve_claim_link(&article.id, &claim, &quote),
                ClaimLinkView::Found {
                    article: a,
                    sentence: sentence.number
                }
            );
            assert_eq!(
                arrived.sentence_of_claim(&article.id, &claim),
                Some((a, sentence.number))
            );
            // A changed claim id is found again by its quote, or reported
            // as an orphan, the same way on both sides.
            assert_eq!(
                arrived.resolve_claim_link(&article.id, "000000000000", &quote),
                built.resolve_claim_link(&article.id, "000000000000", &quote)
            );
            checked += 1;
        }
    }
    assert!(checked > 20, "the bundled story has many sentences");
}

#[test]
fn a_many_outlet_story_survives_json() {
    let story = synthetic_story_of(12, 3 * 1024, 7);
    let built = StoryView::build(&story);
    let arrived = round_trip(&built);
    assert_eq!(arrived.facts, built.facts);
    assert_eq!(arrived.articles, built.articles);
}

fn synthetic(articles: usize) -> Story {
    synthetic_story_of(articles, 3 * 1024, 7)
}

/// A sentence's counterparts are listed on demand; the count each sentence
/// carries (for its tooltip) is their number, after the trip as before.
#[test]
fn counterparts_on_demand_match_their_count() {
    let built = StoryView::build(&synthetic(12));
    let arrived = round_trip(&built);
    let mut linked = 0;
    for (a, article) in built.articles.iter().enumerate() {
        for sentence in article.sentences() {
            let listed = built.counterparts(a, sentence.number);
            assert_eq!(
                listed.len(),
                sentence.counterpart_count,
                "{}",
                sentence.text
            );
            assert_eq!(arrived.counterparts(a, sentence.number), listed);
            assert!(listed.iter().all(|(id, _)| *id != article.id));
            linked += usize::from(!listed.is_empty());
        }
    }
    assert!(linked > 50, "only {linked} sentences have counterparts");
}

/// The JSON grows with the story, not with its outlets squared: twice the
/// articles, at most about twice the bytes.
#[test]
fn the_json_grows_linearly() {
    let size = |n: usize| {
        serde_json::to_string(&StoryView::build(&synthetic(n)))
            .unwrap()
            .len()
    };
    let (small, large) = (size(20), size(40));
    assert!(large * 10 <= small * 23, "{small} → {large} bytes");
}

/// The view-model cut into parts and put together again, part by part.
fn via_parts(view: &StoryView, part_bytes: usize) -> (usize, StoryView) {
    let parts = to_parts(view, part_bytes);
    let mut assembler = ViewAssembler::new();
    for part in &parts {
        assembler.add(part).expect("each part reads");
    }
    (parts.len(), assembler.finish().expect("all parts arrived"))
}

#[test]
fn a_view_model_survives_being_cut_into_parts() {
    let built = bundled();
    let whole = serde_json::to_string(&built).unwrap();
    for part_bytes in [1, 4 * 1024, 64 * 1024, usize::MAX] {
        let (count, arrived) = via_parts(&built, part_bytes);
        assert_eq!(
            serde_json::to_string(&arrived).unwrap(),
            whole,
            "{part_bytes}"
        );
        assert_eq!(arrived, round_trip(&built));
        if part_bytes == 1 {
            // One item a part: the head, then every item of every list.
            let items = built.articles.len()
                + built.facts.len()
                + built.omissions.len()
                + built.quotes.len()
                + built.entities.len();
            assert_eq!(count, 1 + items);
        }
        if part_bytes == usize::MAX {
            assert!(count <= 6, "one part per list: {count}");
        }
    }
}

#[test]
fn parts_stay_near_their_size() {
    let story = synthetic_story_of(40, 4 * 1024, 3);
    let built = StoryView::build(&story);
    let part_bytes = 64 * 1024;
    let parts = to_parts(&built, part_bytes);
    let largest_item = built
        .articles
        .iter()
        .map(|a| serde_json::to_string(a).unwrap().len())
        .max()
        .unwrap();
    assert!(parts.len() > 3, "{}", parts.len());
    for part in &parts {
        assert!(
            part.len() <= part_bytes + largest_item + 64,
            "{}",
            part.len()
        );
    }
}

#[test]
fn missing_extra_or_shuffled_parts_are_errors() {
    let built = bundled();
    let parts = to_parts(&built, 2 * 1024);
    assert!(parts.len() > 4);
    // A part left out.
    for skip in 0..parts.len() {
        let mut assembler = ViewAssembler::new();
        let mut failed = false;
        for (i, part) in parts.iter().enumerate() {
            if i != skip {
                failed |= assembler.add(part).is_err();
            }
        }
        assert!(failed || assembler.finish().is_err(), "without part {skip}");
    }
    // A part twice, or two swapped.
    let mut twice = parts.clone();
    twice.insert(2, parts[1].clone());
    let mut swapped = parts.clone();
    let last = swapped.len() - 1;
    swapped.swap(1, last);
    for shape in [twice, swapped] {
        let mut assembler = ViewAssembler::new();
        let failed = shape.iter().any(|part| assembler.add(part).is_err());
        assert!(failed || assembler.finish().is_err());
    }
    // Garbage.
    for text in ["", "{", "[]", r#"{"articles":[]}"#, r#"{"head":4}"#] {
        assert!(ViewAssembler::new().add(text).is_err(), "{text}");
    }
    assert!(ViewAssembler::new().finish().is_err());
}

#[test]
fn parts_are_what_serde_writes() {
    let built = bundled();
    let parts = to_parts(&built, usize::MAX);
    assert_eq!(parts[1], articles_part(&built), "one run of every article");
}
