//! The candidate pairs the aligner scored, best first, for tuning and for
//! answering "why were these (not) matched?".
//! `cargo run -p parallax-core --example align_pairs -- FILE... [--min SCORE]`

use parallax_core::align::{ArticleInput, candidates, features::StoryFeatures};
use parallax_core::extract::analyze_story;

fn main() {
    let mut files = Vec::new();
    let mut min = 0.15f32;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--min" {
            min = args.next().and_then(|m| m.parse().ok()).unwrap_or(min);
        } else {
            files.push(arg);
        }
    }
    let texts: Vec<String> = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap_or_default())
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let analyses = analyze_story(&refs);
    let ids: Vec<String> = (1..=files.len()).map(|n| format!("a{n}")).collect();
    let articles = ArticleInput::each_own_outlet(&ids, &refs, &analyses);
    let story = StoryFeatures::build(&articles);
    if let Ok(pair) = std::env::var("PAIR") {
        // PAIR=1.2,2.6: article 1 claim 2 against article 2 claim 6 (1-based).
        let n: Vec<usize> = pair
            .split([',', '.'])
            .filter_map(|x| x.parse().ok())
            .collect();
        if let [a, c, b, d] = n[..] {
            for (side, (x, y)) in [(a, c), (b, d)].into_iter().enumerate() {
                if let Some(f) = story.claim(x - 1, y - 1) {
                    let keys: Vec<String> = f
                        .features
                        .iter()
                        .map(|w| format!("{}:{:.1}", story.info(w.id).key, w.weight))
                        .collect();
                    println!("side {side}: norm {:.2}: {}", f.norm, keys.join(" "));
                }
            }
        }
    }
    for link in candidates::scored_links(&story) {
        if link.score < min {
            continue;
        }
        let shared: Vec<String> = link
            .shared_by_contribution()
            .into_iter()
            .take(6)
            .map(|(id, w)| format!("{}:{:.2}", story.info(id).key, w))
            .collect();
        println!(
            "{:.2} (content {:.2})  a{}#{} ~ a{}#{}  {}",
            link.score,
            link.content_score(),
            link.a.article + 1,
            link.a.claim + 1,
            link.b.article + 1,
            link.b.claim + 1,
            shared.join(" ")
        );
    }
}
