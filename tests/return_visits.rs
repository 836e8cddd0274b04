//! End-to-end: a story's view-model is kept on the device (IndexedDB
//! `parallax-cache`), so a return visit shows the matrix without analysing
//! the story again; a changed article or a damaged record means a fresh
//! build, never a wrong or broken page. The Performance marks say which
//! path a visit took (`parallax-view-cached`, `parallax-build-page`,
//! `parallax-build-worker`).
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::Client;
use parallax_core::import::story_file::to_json;
use serde_json::Value;
use support::{
    Browser, ChromeDriver, StaticServer, choose_files, dist_dir, find, js, marks, matrix_fact_ids,
    synthetic_story_file, temp_dir, wait_until, with_browser,
};

/// Runs `body` (JS, with `views` the object store, in a read-write
/// transaction) against the cache and returns what it hands to `done`.
async fn with_cache(client: &Client, body: &str) -> Value {
    let script = format!(
        "const done = arguments[arguments.length - 1];
         const open = indexedDB.open('parallax-cache', 1);
         open.onupgradeneeded = () => open.result.createObjectStore('views');
         open.onsuccess = () => {{
           const views = open.result.transaction('views', 'readwrite').objectStore('views');
           {body}
         }};
         open.onerror = () => done('error');"
    );
    client.execute_async(&script, vec![]).await.unwrap()
}

/// The cached record of `slot` (null when there is none).
async fn record(client: &Client, slot: &str) -> Value {
    with_cache(
        client,
        &format!(
            "const get = views.get('{slot}'); get.onsuccess = () => done(get.result ?? null);"
        ),
    )
    .await
}

/// Reloads the page and waits for its matrix.
async fn reload(client: &Client) -> Vec<String> {
    client.refresh().await.unwrap();
    matrix_fact_ids(client).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn return_visits_use_the_kept_view_model() {
    let server = StaticServer::start(dist_dir());
    let driver = ChromeDriver::start();
    let base = server.url("/");
    with_browser(&driver, Browser::default(), move |client| async move {
        // First visit: built, then kept.
        client.goto(&format!("{base}#/")).await.unwrap();
        let first = matrix_fact_ids(&client).await;
        assert!(marks(&client).await.contains(&"parallax-build-worker".to_string()));
        wait_until(
            &client,
            "return new Promise(ok => { const o = indexedDB.open('parallax-cache', 1);
               o.onupgradeneeded = () => o.result.createObjectStore('views');
               o.onsuccess = () => { const g = o.result.transaction('views').objectStore('views').get('bundled');
                 g.onsuccess = () => ok(!!g.result); g.onerror = () => ok(false); };
               o.onerror = () => ok(false); })",
        )
        .await;
        let kept = record(&client, "bundled").await;
        let stamp = kept["stamp"].as_str().unwrap().to_string();
        let build = js(&client, "return document.querySelector('meta[name=parallax-build]').content").await;
        assert!(stamp.starts_with(&format!("{}:", build.as_str().unwrap())), "{stamp}");

        // Return visit: from the cache, the same matrix.
        assert_eq!(reload(&client).await, first);
        let seen = marks(&client).await;
        assert!(seen.contains(&"parallax-view-cached".to_string()), "{seen:?}");
        assert!(
            !seen.iter().any(|m| m == "parallax-build-worker" || m == "parallax-build-page"),
            "{seen:?}"
        );

        // A record for other articles (another stamp) is not used.
        with_cache(
            &client,
            "const get = views.get('bundled');
             get.onsuccess = () => { const r = get.result; r.stamp = r.stamp + '-other';
               views.put(r, 'bundled').onsuccess = () => done(true); };",
        )
        .await;
        assert_eq!(reload(&client).await, first);
        let seen = marks(&client).await;
        assert!(seen.contains(&"parallax-build-worker".to_string()), "{seen:?}");
        assert!(!seen.contains(&"parallax-view-cached".to_string()), "{seen:?}");

        // A damaged part under the right stamp is ignored and rebuilt (each
        // part is a record of its own, `<slot>\0<index>`, under a head
        // record `{ stamp, count }` written last).
        wait_until(
            &client,
            &format!(
                "return new Promise(ok => {{ const o = indexedDB.open('parallax-cache', 1);
                   o.onsuccess = () => {{ const g = o.result.transaction('views').objectStore('views').get('bundled');
                     g.onsuccess = () => ok(!!g.result && g.result.stamp === '{stamp}'); }}; }})"
            ),
        )
        .await;
        let part = record(&client, "bundled\\u000000000000").await;
        assert!(part.as_str().is_some_and(|p| p.starts_with('{')), "the first part is kept: {part}");
        assert!(record(&client, "bundled").await["count"].as_u64() >= Some(1));
        with_cache(
            &client,
            "views.put('{\"head\": 4', 'bundled\\u000000000000').onsuccess = () => done(true);",
        )
        .await;
        assert_eq!(reload(&client).await, first);
        let seen = marks(&client).await;
        assert!(seen.contains(&"parallax-build-worker".to_string()), "{seen:?}");
        assert_eq!(
            js(&client, "return document.querySelectorAll('[data-testid=story-missing]').length").await,
            Value::from(0)
        );
    })
    .await;

    // A saved story whose article changed is analysed again.
    let dir = temp_dir("return");
    let path = dir.join("two.parallax.json");
    let file = synthetic_story_file(2, 3 * 1024, 11);
    std::fs::write(&path, to_json(&file)).unwrap();
    let base = server.url("/");
    with_browser(&driver, Browser::default(), move |client| async move {
        client.goto(&format!("{base}#/stories")).await.unwrap();
        find(&client, "[data-testid=stories-page]").await;
        choose_files(&client, "[data-testid=import-story]", std::slice::from_ref(&path)).await;
        let first = matrix_fact_ids(&client).await;
        let hash = js(&client, "return location.hash").await;
        let slot = format!("saved:{}", hash.as_str().unwrap().split('/').nth(2).unwrap());
        wait_until(
            &client,
            &format!(
                "return new Promise(ok => {{ const o = indexedDB.open('parallax-cache', 1);
                   o.onsuccess = () => {{ const g = o.result.transaction('views').objectStore('views').get('{slot}');
                     g.onsuccess = () => ok(!!g.result); g.onerror = () => ok(false); }}; o.onerror = () => ok(false); }})"
            ),
        )
        .await;
        assert_eq!(reload(&client).await, first);
        assert!(marks(&client).await.contains(&"parallax-view-cached".to_string()));

        // The stored story changes (as an edit saves it): one more sentence.
        client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 const open = indexedDB.open('parallax', 1);
                 open.onsuccess = () => {
                   const stories = open.result.transaction('stories', 'readwrite').objectStore('stories');
                   const all = stories.getAll();
                   all.onsuccess = () => {
                     const record = all.result[0];
                     const story = JSON.parse(record.story);
                     story.articles[0].text += '\\n\\nThe harbour authority said the ferry service would resume on Monday.\\n';
                     record.story = JSON.stringify(story);
                     stories.put(record, record.id).onsuccess = () => done(true);
                   };
                 };",
                vec![],
            )
            .await
            .unwrap();
        let changed = reload(&client).await;
        let seen = marks(&client).await;
        assert!(seen.contains(&"parallax-build-worker".to_string()), "{seen:?}");
        assert!(!seen.contains(&"parallax-view-cached".to_string()), "{seen:?}");
        assert_ne!(changed, first, "the new sentence is a fact of its own");
    })
    .await;
}

/// Not a check: navigation start → matrix in the DOM on a first visit, and
/// DOMContentLoaded → matrix on return visits (served from the kept
/// view-model), for the bundled story and a 100-article story of one's
/// own; the longest main-thread task during each load. Run by
/// `./run.sh bench`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a benchmark: ./run.sh bench"]
async fn return_visit_benchmark() {
    let server = StaticServer::start(dist_dir());
    let driver = ChromeDriver::start();
    let dir = temp_dir("return-bench");
    let path = dir.join("hundred.parallax.json");
    let file = synthetic_story_file(100, 5 * 1024, 7);
    std::fs::write(&path, to_json(&file)).unwrap();
    let base = server.url("/");
    with_browser(&driver, Browser::default(), move |client| async move {
        // Long tasks from the very start of each load (buffered entries).
        let timings = "const nav = performance.getEntriesByType('navigation')[0];
             const at = n => { const m = performance.getEntriesByName(n); return m.length ? m[m.length - 1].startTime : NaN; };
             const longest = window.__longest;
             const path = ['parallax-view-cached', 'parallax-build-worker', 'parallax-build-page'].find(n => !isNaN(at(n)));
             return [at('parallax-matrix'), at('parallax-matrix') - nav.domContentLoadedEventStart, longest, path]";
        client.goto(&format!("{base}#/stories")).await.unwrap();
        find(&client, "[data-testid=stories-page]").await;
        choose_files(&client, "[data-testid=import-story]", std::slice::from_ref(&path)).await;
        find(&client, "[data-testid=fact-row]").await;
        let own = js(&client, "return location.hash").await.as_str().unwrap().to_string();
        for (name, hash) in [("bundled story", "#/".to_string()), ("100-article story", own)] {
            for visit in ["first visit", "return visit", "return visit"] {
                if visit == "first visit" {
                    js(&client, "return new Promise(ok => { const d = indexedDB.deleteDatabase('parallax-cache'); d.onsuccess = d.onerror = () => ok(true); })").await;
                }
                client.goto(&format!("{base}{hash}")).await.unwrap();
                client.refresh().await.unwrap();
                find(&client, "[data-testid=fact-row]").await;
                // Long tasks since navigation start (buffered entries).
                js(
                    &client,
                    "return new Promise(ok => {
                       window.__longest = 0;
                       new PerformanceObserver(list => {
                         window.__longest = Math.max(window.__longest, ...list.getEntries().map(t => t.duration));
                       }).observe({ type: 'longtask', buffered: true });
                       setTimeout(() => ok(true), 300);
                     })",
                )
                .await;
                let t = js(&client, timings).await;
                println!(
                    "{name}, {visit} ({}): navigation → matrix {:.0} ms, DOMContentLoaded → matrix {:.0} ms, longest main-thread task {:.0} ms",
                    t[3].as_str().unwrap_or("?"),
                    t[0].as_f64().unwrap_or(f64::NAN),
                    t[1].as_f64().unwrap_or(f64::NAN),
                    t[2].as_f64().unwrap_or(f64::NAN)
                );
                // Let the kept view-model be written before the next visit.
                tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
            }
        }
    })
    .await;
}
