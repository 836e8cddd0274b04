//! The release build has two wasm binaries: the page's (the UI, no engine)
//! and the engine's (analysis and alignment, run in a worker), so that the
//! first download carries no engine. Checked on the built files: data only
//! the engine uses is in the engine's wasm and not in the page's, and the
//! page preloads only its own wasm. The page's own code is split further
//! (views, decoders, button work): each chunk loads when first used, and
//! one that cannot load is said in words, never a blank or broken page.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::fs;
use std::path::{Path, PathBuf};

use support::{
    Browser, ChromeDriver, StaticServer, click, copy_of_dist, dist_dir, find, js, matrix_fact_ids,
    wait_until, with_browser,
};

/// A run of the given-name list (core/data/), which only speaker
/// resolution — an extraction stage — reads.
const ENGINE_ONLY: &[u8] = b"aaliyah|abagail|abbey|abbie";

/// The names of the files in `dir`.
fn file_names(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn the_page_wasm_carries_no_engine() {
    let dir = dist_dir();
    let names = file_names(&dir);
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
    let names = file_names(&dir);
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

/// A copy of the release build without the chunks of the split points
/// named (`split_<name>-<hash>.wasm`), as when they cannot be fetched.
fn build_without(name: &str, missing: &[&str]) -> PathBuf {
    let copy = copy_of_dist(name);
    let mut removed = 0;
    for file in file_names(&copy) {
        if missing
            .iter()
            .any(|m| file.starts_with(&format!("parallax-split_{m}-")) && file.ends_with(".wasm"))
        {
            fs::remove_file(copy.join(&file)).unwrap();
            removed += 1;
        }
    }
    assert_eq!(
        removed,
        missing.len(),
        "the chunks {missing:?} are in the build"
    );
    copy
}

/// The code behind a button is a chunk of its own: pressing "Duplicate to
/// edit" on the bundled story loads it and opens the copy in the editor.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_button_loads_its_code_when_pressed() {
    let server = StaticServer::start(dist_dir());
    let driver = ChromeDriver::start();
    let base = server.url("/");
    with_browser(&driver, Browser::default(), move |client| async move {
        client.goto(&format!("{base}#/")).await.unwrap();
        matrix_fact_ids(&client).await;
        click(&client, "[data-testid=duplicate-story]").await;
        find(&client, "[data-testid=new-story-page]").await;
        let title = js(
            &client,
            "return document.querySelector('[data-testid=story-title-input]').value",
        )
        .await;
        assert!(
            title.as_str().is_some_and(|t| !t.is_empty()),
            "the copy keeps the story's title: {title}"
        );
    })
    .await;
}

/// A view's chunk or a button's code that cannot be fetched (offline
/// before the service worker had cached this build) gets a message that
/// says so; the rest of the page keeps working.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_chunk_that_cannot_load_is_said_in_words() {
    let build = build_without("split-missing-chunks", &["fact", "story_tasks"]);
    let server = StaticServer::start(build.clone());
    let driver = ChromeDriver::start();
    let base = server.url("/");
    with_browser(&driver, Browser::default(), move |client| async move {
        client.goto(&format!("{base}#/")).await.unwrap();
        let facts = matrix_fact_ids(&client).await;
        client
            .goto(&format!("{base}#/fact/{}", facts[0]))
            .await
            .unwrap();
        let notice = find(&client, "[data-testid=view-unavailable]").await;
        assert!(notice.text().await.unwrap().contains("could not be loaded"));
        // The tabs still lead to views whose chunks are there.
        client.goto(&format!("{base}#/quotes")).await.unwrap();
        find(&client, "[data-testid=quotes]").await;

        client.goto(&format!("{base}#/")).await.unwrap();
        matrix_fact_ids(&client).await;
        click(&client, "[data-testid=duplicate-story]").await;
        wait_until(
            &client,
            "return document.querySelector('[data-testid=story-status]').textContent.includes('could not be loaded')",
        )
        .await;
    })
    .await;
    let _ = fs::remove_dir_all(build);
}

/// Without the view-model's decoders the story cannot be shown: the page
/// says why instead of an empty matrix.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_story_whose_decoder_cannot_load_is_not_shown_half_read() {
    let build = build_without("split-missing-decoder", &["decoder"]);
    let server = StaticServer::start(build.clone());
    let driver = ChromeDriver::start();
    let base = server.url("/");
    with_browser(&driver, Browser::default(), move |client| async move {
        client.goto(&format!("{base}#/")).await.unwrap();
        let missing = find(&client, "[data-testid=story-missing]").await;
        let text = missing.text().await.unwrap();
        assert!(text.contains("could not be loaded"), "{text}");
        assert!(
            client
                .find(fantoccini::Locator::Css("[data-testid=fact-row]"))
                .await
                .is_err()
        );
    })
    .await;
    let _ = fs::remove_dir_all(build);
}
