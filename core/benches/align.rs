//! Extraction plus alignment of generated stories of 10, 100 and 1,000
//! articles (~5 KB each, drawn from the seed paragraphs): the growth must be
//! near-linear. Run: `./run.sh bench`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use parallax_core::align::{ArticleInput, align};
use parallax_core::extract::analyze_story;
use parallax_core::synthetic::synthetic_story;

fn story(c: &mut Criterion) {
    let mut group = c.benchmark_group("story");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    for articles in [10, 100, 1000] {
        let texts = synthetic_story(articles, 5 * 1024, 7);
        let bytes: usize = texts.iter().map(String::len).sum();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let ids: Vec<String> = (0..articles).map(|i| format!("a{i}")).collect();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(format!("analyze+align {articles} articles"), |b| {
            b.iter(|| {
                let analyses = analyze_story(black_box(&refs));
                let inputs = ArticleInput::each_own_outlet(&ids, &refs, &analyses);
                align(&inputs)
            })
        });
        let analyses = analyze_story(&refs);
        let inputs = ArticleInput::each_own_outlet(&ids, &refs, &analyses);
        group.bench_function(format!("align only {articles} articles"), |b| {
            b.iter(|| align(black_box(&inputs)))
        });
    }
    group.finish();
}

criterion_group!(benches, story);
criterion_main!(benches);
