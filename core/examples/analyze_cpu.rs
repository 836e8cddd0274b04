//! CPU time (not wall time: the machine may be shared) of `analyze` on the
//! synthetic story, best of a few runs. Linux only (reads /proc).
//! `cargo run --release -p parallax-core --example analyze_cpu [MB] [RUNS]`

use parallax_core::synthetic::synthetic_article;

/// This thread's user + system CPU time so far, in seconds.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    // Fields after the command name (which ends with ')').
    let rest = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of the line, 12 and 13 here.
    (ticks(11) + ticks(12)) / 100.0
}

fn main() {
    let mut args = std::env::args().skip(1);
    let megabytes: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10);
    let runs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(5);
    let text = synthetic_article(megabytes * 1024 * 1024, 42);
    let mb = text.len() as f64 / (1024.0 * 1024.0);
    let mut times = Vec::new();
    for _ in 0..runs {
        let start = cpu_seconds();
        let analysis = parallax_core::analyze(&text);
        times.push(cpu_seconds() - start);
        std::hint::black_box(analysis);
    }
    times.sort_by(f64::total_cmp);
    let best = times.first().copied().unwrap_or(f64::NAN);
    let median = times.get(times.len() / 2).copied().unwrap_or(f64::NAN);
    println!(
        "analyze {mb:.1} MB: CPU best {:.0} ms ({:.1} MB/s), median {:.0} ms",
        best * 1000.0,
        mb / best,
        median * 1000.0
    );
}
