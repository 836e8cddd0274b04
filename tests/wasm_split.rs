//! The release build has two wasm binaries: the page's (the UI, no engine)
//! and the engine's (analysis and alignment, run in a worker), so that the
//! first download carries no engine. Checked on the built files: data only
//! the engine uses is in the engine's wasm and not in the page's, and the
//! page preloads only its own wasm.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::fs;

use support::dist_dir;

/// A run of the given-name list (core/data/), which only speaker
/// resolution — an extraction stage — reads.
const ENGINE_ONLY: &[u8] = b"aaliyah|abagail|abbey|abbie";

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn the_page_wasm_carries_no_engine() {
    let dir = dist_dir();
    let names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let wasm = |engine: bool| {
        let name = names
            .iter()
            .find(|n| n.ends_with("_bg.wasm") && n.starts_with("parallax-engine") == engine)
            .unwrap_or_else(|| {
                panic!(
                    "no {} wasm in {names:?}",
                    if engine { "engine" } else { "page" }
                )
            });
        (name.clone(), fs::read(dir.join(name)).unwrap())
    };
    let (page_name, page) = wasm(false);
    let (engine_name, engine) = wasm(true);
    assert!(
        contains(&engine, ENGINE_ONLY),
        "{engine_name} holds the engine's data"
    );
    assert!(
        !contains(&page, ENGINE_ONLY),
        "{page_name} must not hold the engine"
    );

    let index = fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(
        index.contains(&format!("href=\"./{page_name}\"")),
        "the page preloads its wasm"
    );
    assert!(
        !index.contains(&format!("href=\"./{engine_name}\"")),
        "the engine is never preloaded by the page: it is fetched when needed"
    );
    let worker = fs::read_to_string(dir.join("engine-worker.js")).unwrap();
    assert!(
        worker.contains(&engine_name),
        "the worker loads the engine's wasm"
    );
    assert!(!worker.contains(&page_name), "and not the page's");
}

/// The page's wasm is split too (postbuild/page.mjs): the views that are
/// not the first are chunks that the page neither preloads nor loads at
/// start, that the chunk loader names, and that the service worker
/// precaches, so they open offline.
#[test]
fn the_later_views_are_chunks_fetched_when_shown() {
    let dir = dist_dir();
    let names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let chunks: Vec<&String> = names
        .iter()
        .filter(|n| n.ends_with(".wasm") && !n.ends_with("_bg.wasm"))
        .collect();
    // One chunk per split point of src/ui/pages/later.rs, at least.
    assert!(chunks.len() >= 6, "the views' chunks: {names:?}");
    let link = names
        .iter()
        .find(|n| n.starts_with("parallax-split-") && n.ends_with(".js"))
        .unwrap_or_else(|| panic!("no chunk loader in {names:?}"));
    let link = fs::read_to_string(dir.join(link)).unwrap();
    let index = fs::read_to_string(dir.join("index.html")).unwrap();
    let sw = fs::read_to_string(dir.join("sw.js")).unwrap();
    for chunk in chunks {
        assert!(link.contains(chunk.as_str()), "the loader fetches {chunk}");
        assert!(
            !index.contains(chunk.as_str()),
            "the page does not preload {chunk}"
        );
        assert!(
            sw.contains(&format!("\"{chunk}\"")),
            "the service worker precaches {chunk}"
        );
    }
}
