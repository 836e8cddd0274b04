//! Time and peak memory of extraction and alignment of generated stories,
//! 10 → 100 → 1,000 articles of ~5 KB: the growth table for the alignment
//! benchmark. `cargo run --release -p parallax-core --example story_scale [ARTICLES...]`

mod common;

use std::time::Instant;

use parallax_core::align::{ArticleInput, align};
use parallax_core::extract::analyze_story;
use parallax_core::synthetic::synthetic_story;

/// Peak resident memory of this process, from /proc (Linux), in MB.
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let sizes = common::story_sizes();
    println!("articles      MB   claims  extract ms  align ms  total ms  facts  shared  peak MB");
    for articles in sizes {
        let texts = synthetic_story(articles, 5 * 1024, 7);
        let bytes: usize = texts.iter().map(String::len).sum();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let ids: Vec<String> = (0..articles).map(|i| format!("a{i}")).collect();
        let start = Instant::now();
        let analyses = analyze_story(&refs);
        let extracted = start.elapsed();
        let inputs = ArticleInput::each_own_outlet(&ids, &refs, &analyses);
        if std::env::var("STAGES").is_ok() {
            use parallax_core::align::{candidates, facts, features};
            let t = Instant::now();
            let story = features::StoryFeatures::build(&inputs);
            let t1 = t.elapsed();
            let links = candidates::scored_links(&story);
            let t2 = t.elapsed();
            let count = links.len();
            let groups = facts::group(&story, &inputs, links);
            let t3 = t.elapsed();
            let n = groups.len();
            let outlets: Vec<String> = ids.clone();
            let built: Vec<_> = groups
                .into_iter()
                .map(|g| facts::build_fact(&inputs, &story, &outlets, g))
                .collect();
            let t4 = t.elapsed();
            eprintln!(
                "  features {t1:?}, candidates {:?} ({count} links), group {:?} ({n} groups), build {:?} ({} facts)",
                t2 - t1,
                t3 - t2,
                t4 - t3,
                built.len()
            );
        }
        let start = Instant::now();
        let alignment = align(&inputs);
        let aligned = start.elapsed();
        let claims: usize = analyses.iter().map(|a| a.claims.len()).sum();
        let shared = alignment
            .facts
            .iter()
            .filter(|f| f.outlets.len() > 1)
            .count();
        println!(
            "{articles:>8} {:>7.2} {claims:>8} {:>11.0} {:>9.0} {:>9.0} {:>6} {shared:>7} {:>8.0}",
            bytes as f64 / 1e6,
            extracted.as_secs_f64() * 1000.0,
            aligned.as_secs_f64() * 1000.0,
            (extracted + aligned).as_secs_f64() * 1000.0,
            alignment.facts.len(),
            peak_mb().unwrap_or(f64::NAN),
        );
    }
}
