//! Writes a synthetic story file (the format "Export story" writes) of N
//! articles of ~5 KB each to stdout, to try the app or profile it on a big
//! story: `cargo run -q --release -p parallax-core --example
//! synthetic_story_file 1000 > story.parallax.json`, then "Import" it.

use parallax_core::import::story_file::to_json;
use parallax_core::synthetic::synthetic_story_file;

fn main() {
    let articles: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(100);
    println!("{}", to_json(&synthetic_story_file(articles, 5 * 1024, 7)));
}
