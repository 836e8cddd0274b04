//! Time to build the whole view-model (`StoryView::build`: extraction,
//! alignment and every view) of generated stories, beside extraction plus
//! alignment alone, to see what the views cost.
//! `cargo run --release -p parallax-core --example view_scale [ARTICLES...]`

mod common;

use std::time::Instant;

use parallax_core::compare::StoryView;
use parallax_core::synthetic::synthetic_story_of;

fn main() {
    let sizes = common::story_sizes();
    println!("articles  view ms  facts");
    for articles in sizes {
        let story = synthetic_story_of(articles, 5 * 1024, 7);
        let start = Instant::now();
        let view = StoryView::build(&story);
        println!(
            "{articles:8}  {:7}  {:5}",
            start.elapsed().as_millis(),
            view.facts.len()
        );
    }
}
