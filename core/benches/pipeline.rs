//! Throughput of the full extraction pipeline on a ~10 MB synthetic story
//! (the seed paragraphs repeated and shuffled). Run: `./run.sh bench`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use parallax_core::analyze;
use parallax_core::synthetic::synthetic_article;

fn pipeline(c: &mut Criterion) {
    let mut group = c.benchmark_group("analyze");
    group.sample_size(10);
    for (name, bytes) in [("seed-sized 4 KB", 4 * 1024), ("10 MB", 10 * 1024 * 1024)] {
        let text = synthetic_article(bytes, 42);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| b.iter(|| analyze(black_box(&text))));
    }
    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
