//! The view-model crosses from the engine's worker to the page, and into
//! the page's cache, as JSON: what arrives must render and resolve links
//! exactly as the view-model that was built.

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
