//! In-browser throughput of the full pipeline (wasm built with the Cargo
//! profile `engine`, as the engine's worker ships, in headless Chromium) on
//! the same ~10 MB synthetic story as the native benchmark.
//! A measurement, not a check: ignored by the test run, run by
//! `./run.sh bench`, which prints the numbers.
#![cfg(target_arch = "wasm32")]

use parallax_core::align::{ArticleInput, align};
use parallax_core::analyze;
use parallax_core::extract::analyze_story;
use parallax_core::synthetic::{synthetic_article, synthetic_story};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Gives the event loop a turn, so the test runner's WebDriver polling is
/// answered between runs (a blocked page times it out).
async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
#[ignore = "a benchmark: ./run.sh bench"]
async fn pipeline_throughput_in_the_browser() {
    let performance = web_sys::window().unwrap().performance().unwrap();
    let text = synthetic_article(10 * 1024 * 1024, 42);
    let megabytes = text.len() as f64 / (1024.0 * 1024.0);
    // Each block of work gets its own turn, so a loaded machine does not
    // hit the driver's 30 s renderer timeout.
    yield_to_browser().await;
    let _warm_up = analyze(&text);
    let mut runs = Vec::new();
    for _ in 0..3 {
        yield_to_browser().await;
        let start = performance.now();
        let analysis = analyze(&text);
        runs.push(performance.now() - start);
        assert!(!analysis.sentences.is_empty());
    }
    runs.sort_by(f64::total_cmp);
    let median = runs[runs.len() / 2];
    console_log!(
        "browser: analyze {megabytes:.1} MB: median {median:.0} ms = {:.1} MB/s (best {:.0} ms, worst {:.0} ms)",
        megabytes / (median / 1000.0),
        runs[0],
        runs[runs.len() - 1]
    );
}

#[wasm_bindgen_test]
#[ignore = "a benchmark: ./run.sh bench"]
async fn story_alignment_in_the_browser() {
    let performance = web_sys::window().unwrap().performance().unwrap();
    for articles in [10, 100, 1000] {
        let texts = synthetic_story(articles, 5 * 1024, 7);
        let megabytes = texts.iter().map(String::len).sum::<usize>() as f64 / 1e6;
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let ids: Vec<String> = (0..articles).map(|i| format!("a{i}")).collect();
        yield_to_browser().await;
        let start = performance.now();
        let analyses = analyze_story(&refs);
        let extracted = performance.now();
        let inputs = ArticleInput::each_own_outlet(&ids, &refs, &analyses);
        let alignment = align(&inputs);
        let end = performance.now();
        assert!(!alignment.facts.is_empty());
        // Linear memory only grows: its size now is the peak so far.
        let memory = wasm_bindgen::memory()
            .dyn_into::<js_sys::WebAssembly::Memory>()
            .unwrap()
            .buffer()
            .dyn_into::<js_sys::ArrayBuffer>()
            .unwrap()
            .byte_length() as f64
            / 1e6;
        console_log!(
            "browser: story of {articles} articles ({megabytes:.2} MB): extract {:.0} ms + align {:.0} ms = {:.0} ms; {} facts; wasm memory {memory:.0} MB",
            extracted - start,
            end - extracted,
            end - start,
            alignment.facts.len()
        );
    }
}
