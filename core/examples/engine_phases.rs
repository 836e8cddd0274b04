//! Where the engine's time goes for one story, phase by phase, as the
//! worker runs them: extraction of every article (`StoryBuild::step`),
//! then `finish` (entity merge, alignment and every view), then writing
//! the view-model out as parts (`each_part`), and the page's side: reading
//! the parts back (`ViewAssembler`). Best of five runs, so that other work
//! on the machine counts less.
//! `cargo run --release -p parallax-core --example engine_phases [ARTICLES]`

use std::time::{Duration, Instant};

use parallax_core::compare::StoryBuild;
use parallax_core::compare::parts::{ViewAssembler, each_part};
use parallax_core::synthetic::synthetic_story_of;

fn main() {
    let articles: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100);
    let story = synthetic_story_of(articles, 5 * 1024, 7);
    let mut best = [Duration::MAX; 4];
    let mut bytes = 0;
    for _ in 0..5 {
        let mut times = [Duration::ZERO; 4];
        let start = Instant::now();
        let mut build = StoryBuild::new(story.clone());
        while build.step() {}
        times[0] = start.elapsed();
        let start = Instant::now();
        let view = build.finish();
        times[1] = start.elapsed();
        let start = Instant::now();
        let mut parts = Vec::new();
        each_part(&view, 64 * 1024, |part| parts.push(part));
        times[2] = start.elapsed();
        bytes = parts.iter().map(String::len).sum();
        let start = Instant::now();
        let mut assembler = ViewAssembler::new();
        for part in &parts {
            assembler.add(part).expect("parts read back");
        }
        let _ = assembler.finish();
        times[3] = start.elapsed();
        for (b, t) in best.iter_mut().zip(times) {
            *b = (*b).min(t);
        }
    }
    let names = ["extract", "finish", "write parts", "read parts"];
    for (name, time) in names.iter().zip(best) {
        println!("{name:<12} {:>8.1} ms", time.as_secs_f64() * 1000.0);
    }
    println!("parts: {:.2} MB of JSON", bytes as f64 / 1048576.0);
}
