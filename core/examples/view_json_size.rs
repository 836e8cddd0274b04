//! JSON size of the view-model, part by part, and its build time, for
//! generated stories. `cargo run --release -p parallax-core --example view_json_size [ARTICLES...]`

mod common;
use std::time::Instant;

use parallax_core::align::{ArticleInput, align};
use parallax_core::compare::StoryView;
use parallax_core::extract::analyze_story;
use parallax_core::synthetic::synthetic_story_of;
use serde::Serialize;

fn kb<T: Serialize + ?Sized>(v: &T) -> usize {
    serde_json::to_string(v).map_or(0, |s| s.len()) / 1024
}

fn main() {
    let sizes = common::story_sizes();
    for articles in sizes {
        let story = synthetic_story_of(articles, 5 * 1024, 7);
        let text_kb: usize = story.articles.iter().map(|a| a.raw.len()).sum::<usize>() / 1024;
        let refs: Vec<&str> = story.articles.iter().map(|a| &*a.raw).collect();
        let ids: Vec<String> = (0..articles).map(|i| format!("a{i}")).collect();
        let t = Instant::now();
        let analyses = analyze_story(&refs);
        let inputs = ArticleInput::each_own_outlet(&ids, &refs, &analyses);
        let alignment = align(&inputs);
        let pipeline = t.elapsed().as_millis();
        drop(alignment);
        let t = Instant::now();
        let view = StoryView::build(&story);
        let build = t.elapsed().as_millis();
        let t = Instant::now();
        let json = serde_json::to_string(&view).unwrap();
        let ser = t.elapsed().as_millis();
        let t = Instant::now();
        let back: StoryView = serde_json::from_str(&json).unwrap();
        let de = t.elapsed().as_millis();
        assert!(back.facts.len() == view.facts.len());
        println!(
            "{articles} articles, text {text_kb} KB: json {} KB ({:.1}x), build {build} ms vs extract+align {pipeline} ms ({:.2}x), ser {ser} ms, de {de} ms",
            json.len() / 1024,
            json.len() as f64 / 1024.0 / text_kb as f64,
            build as f64 / pipeline as f64
        );
        println!(
            "  articles {} facts {} omissions {} quotes {} timeline {} entities {} wire {}",
            kb(&view.articles),
            kb(&view.facts),
            kb(&view.omissions),
            kb(&view.quotes),
            kb(&view.timeline),
            kb(&view.entities),
            kb(&view.wire)
        );
        let sentences: Vec<_> = view.articles.iter().flat_map(|a| a.sentences()).collect();
        let marks: Vec<_> = sentences.iter().flat_map(|s| &s.marks).collect();
        println!(
            "  sentences {}: text {} marks {} ({}; notes {}) claim_id {} facts {} counts {}",
            sentences.len(),
            kb(&sentences.iter().map(|s| &s.text).collect::<Vec<_>>()),
            kb(&marks),
            marks.len(),
            kb(&view.notes),
            kb(&sentences.iter().map(|s| &s.claim_id).collect::<Vec<_>>()),
            kb(&sentences.iter().map(|s| &s.facts).collect::<Vec<_>>()),
            kb(&sentences
                .iter()
                .map(|s| s.counterpart_count)
                .collect::<Vec<_>>()),
        );
        let f = &view.facts;
        let claims: Vec<_> = f.iter().flat_map(|f| &f.claims).collect();
        println!(
            "  facts {}: claims {} (changed {} labels {}) differences {} evidence {} wire {} entities {} ids/labels {}",
            f.len(),
            kb(&claims),
            kb(&claims.iter().map(|c| &c.changed).collect::<Vec<_>>()),
            kb(&claims
                .iter()
                .map(|c| (&c.certainty_label, &c.attribution))
                .collect::<Vec<_>>()),
            kb(&f.iter().map(|f| &f.differences).collect::<Vec<_>>()),
            kb(&f.iter().map(|f| &f.evidence).collect::<Vec<_>>()),
            kb(&f.iter().map(|f| &f.wire).collect::<Vec<_>>()),
            kb(&f.iter().map(|f| &f.entities).collect::<Vec<_>>()),
            kb(&f
                .iter()
                .map(|f| (&f.id, &f.label, &f.coverage_label))
                .collect::<Vec<_>>()),
        );
        let q = &view.quotes;
        println!(
            "  quotes: sides {} fidelity {}; entities: namings {}",
            kb(&q.iter().map(|q| &q.sides).collect::<Vec<_>>()),
            kb(&q.iter().map(|q| &q.fidelity).collect::<Vec<_>>()),
            kb(&view.entities.iter().map(|e| &e.namings).collect::<Vec<_>>()),
        );
    }
}
