//! Where the pipeline's time goes: each stage timed alone on a synthetic
//! story. `cargo run --release -p parallax-core --example stage_timing [MB]`.

use std::time::Instant;

use parallax_core::extract::{
    attribution, claims, document, entities, quantities, quotes, segment,
};
use parallax_core::synthetic::synthetic_article;

fn main() {
    let megabytes: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(2);
    let text = synthetic_article(megabytes * 1024 * 1024, 42);
    let mb = text.len() as f64 / (1024.0 * 1024.0);
    let time = |name: &str, run: &mut dyn FnMut()| {
        let start = Instant::now();
        run();
        let seconds = start.elapsed().as_secs_f64();
        println!(
            "{name:<12} {:>8.1} ms  {:>8.1} MB/s",
            seconds * 1000.0,
            mb / seconds
        );
    };
    let mut diagnostics = Vec::new();
    let mut doc = Default::default();
    time("document", &mut || {
        doc = document::parse_document(&text, &mut diagnostics)
    });
    let analysis = parallax_core::analyze(&text);
    let sentences = analysis.sentences.clone();
    time("segment", &mut || {
        for part in &analysis.document.parts {
            std::hint::black_box(segment::sentence_spans(part.span.text(&text)));
        }
    });
    time("entities", &mut || {
        std::hint::black_box(entities::find_entities(&text, &sentences));
    });
    time("numbers", &mut || {
        std::hint::black_box(quantities::find_quantities_and_times(
            &text,
            &sentences,
            analysis.document.published,
        ));
    });
    time("quotes", &mut || {
        std::hint::black_box(quotes::find_quotes(&text, &doc, &sentences));
    });
    time("attribution", &mut || {
        std::hint::black_box(attribution::find_attributions(&text, &sentences));
    });
    time("claims", &mut || {
        std::hint::black_box(claims::build_claims(&text, &analysis));
    });
    time("analyze", &mut || {
        std::hint::black_box(parallax_core::analyze(&text));
    });
}
