//! Offline and anywhere, end to end in headless Chromium against the release
//! build: the service worker keeps the app and its deep links working with
//! the server gone, a rebuild is announced ("Reload to update") rather than
//! served silently, the one-file copy works from `file://`, and no request
//! leaves the page's origin under the Content-Security-Policy.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::Path;
use std::process::Command;

use fantoccini::Client;
use serde_json::{Value, json};
use support::{
    Browser, ChromeDriver, DEEP_SUB_PATH, StaticServer, click, console_messages, copy_of_dist,
    dist_dir, find, hard_reload, js, network_requests, wait_until, with_browser,
};

/// The build id stamped into a built `index.html`.
fn build_id(dir: &Path) -> String {
    let html = std::fs::read_to_string(dir.join("index.html")).unwrap();
    let key = r#"name="parallax-build" content=""#;
    let at = html.find(key).expect("build id meta") + key.len();
    html[at..at + html[at..].find('"').unwrap()].to_string()
}

/// The precache list of a built `sw.js`.
fn precache_list(dir: &Path) -> Vec<String> {
    let sw = std::fs::read_to_string(dir.join("sw.js")).unwrap();
    let start = sw.find("const PRECACHE = ").expect("PRECACHE in sw.js") + 17;
    let end = start + sw[start..].find(";\n").unwrap();
    serde_json::from_str(&sw[start..end]).expect("PRECACHE is a JSON list")
}

async fn page_build_id(client: &Client) -> Value {
    js(
        client,
        "return document.querySelector('meta[name=parallax-build]').content",
    )
    .await
}

/// Waits until a service worker controls the page and returns the names of
/// the Cache Storage caches and the URLs in the controlling one.
async fn wait_for_offline_cache(client: &Client) -> Value {
    let started = std::time::Instant::now();
    while js(client, "return navigator.serviceWorker.controller !== null").await != json!(true) {
        if started.elapsed() > std::time::Duration::from_secs(20) {
            let state = client
                .execute_async(
                    "const done = arguments[arguments.length - 1];
                     navigator.serviceWorker.getRegistration().then(r => done(r ? {
                       scope: r.scope, installing: r.installing?.state, waiting: r.waiting?.state,
                       active: r.active?.state } : 'no registration'), e => done(String(e)));",
                    vec![],
                )
                .await;
            let probe = client
                .execute_async(
                    "const done = arguments[arguments.length - 1];
                     const t0 = performance.now();
                     (async () => {
                       const out = [];
                       const list = await (await fetch('sw.js')).text();
                       const pre = JSON.parse(list.slice(list.indexOf('const PRECACHE = ') + 17, list.indexOf('];') + 1));
                       await Promise.all(pre.map(async u => { const r = await fetch(new Request(u, {cache: 'no-cache'})); out.push(u + ' ' + r.status + ' ' + (performance.now() - t0)); }));
                       const c = await caches.open(await caches.keys().then(k => k[0]));
                       out.push('cached ' + (await c.keys()).length);
                       done(out);
                     })().catch(e => done(String(e)));
                     setTimeout(() => done('probe timeout'), 10000);",
                    vec![],
                )
                .await;
            eprintln!("probe: {probe:?}");
            let console = console_messages(client).await;
            panic!("no service worker controls the page: {state:?}; console: {console:?}");
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             (async () => {
               const names = await caches.keys();
               const mine = names.filter(n => n.startsWith('parallax '));
               const cache = await caches.open(mine[mine.length - 1]);
               const urls = (await cache.keys()).map(r => r.url);
               done({ names: mine, urls });
             })().catch(e => done({ error: String(e) }));",
            vec![],
        )
        .await
        .expect("read Cache Storage")
}

/// Is the sentence `id` the selected one?
async fn assert_selected(client: &Client, id: &str) {
    wait_until(
        client,
        &format!(
            "const e = document.getElementById('{id}'); \
             return !!e && e.classList.contains('selected') && e.getAttribute('aria-current') === 'true' \
               && document.querySelectorAll('.sentence.selected').length === 1;"
        ),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn offline_journeys() {
    let driver = ChromeDriver::start();

    // 1. After one visit, the app and its deep links work with the server gone.
    let dist = dist_dir();
    let expected: Vec<String> = precache_list(&dist);
    let mut server = StaticServer::start(dist.clone());
    let root = std::env::var("PB_ROOT").unwrap_or(server.url("/"));
    let offline_dist = dist.clone();
    let driver_port = driver.port;
    with_browser(&driver, Browser::default(), move |client| async move {
        client.goto(&format!("{root}#/")).await.unwrap();
        find(&client, "[data-testid=story-title]").await;
        let cache = wait_for_offline_cache(&client).await;
        let mut cached: Vec<String> = cache["urls"]
            .as_array()
            .unwrap_or_else(|| panic!("{cache}"))
            .iter()
            .map(|u| u.as_str().unwrap().trim_start_matches(&root).to_string())
            .collect();
        cached.sort();
        let mut want: Vec<String> = expected
            .iter()
            .map(|p| if p == "./" { String::new() } else { p.clone() })
            .collect();
        want.sort();
        assert_eq!(cached, want, "the cache holds exactly the build's files");
        assert!(want.iter().any(|p| p.ends_with(".wasm")));
        assert!(want.iter().any(|p| p == "parallax-offline.html"));
        assert!(want.iter().any(|p| p == "engine-worker.js"), "the engine's worker is precached");

        // A page loaded past the worker (a hard reload, or a reload while
        // the worker was activating) asks it to take control.
        hard_reload(driver_port, &client).await;
        find(&client, "[data-testid=story-title]").await;
        wait_for_offline_cache(&client).await;

        server.stop();
        client.refresh().await.unwrap();
        find(&client, "[data-testid=story-title]").await;
        // A deep link opened as a new navigation, not just a hash change.
        client
            .goto(&format!("{root}index.html#/sentence/985eb20a/3"))
            .await
            .unwrap();
        find(&client, "[data-testid=story-title]").await;
        assert_selected(&client, "s-985eb20a-3").await;
        client
            .goto(&format!("{root}?utm=x#/sentence/5cdbf99d/12"))
            .await
            .unwrap();
        client.refresh().await.unwrap();
        find(&client, "[data-testid=story-title]").await;
        assert_selected(&client, "s-5cdbf99d-12").await;
        // The server is really gone: only the worker answers.
        let direct = std::net::TcpStream::connect(("127.0.0.1", server.port));
        assert!(direct.is_err(), "server still up");
        // The engine's worker starts from the cache too (forced here: the
        // bundled story is small enough to be built on the page).
        js(
            &client,
            "localStorage.setItem('parallax-engine', 'worker');
             return new Promise(ok => { const d = indexedDB.deleteDatabase('parallax-cache'); d.onsuccess = d.onerror = () => ok(true); })",
        )
        .await;
        client.goto(&format!("{root}#/")).await.unwrap();
        client.refresh().await.unwrap();
        find(&client, "[data-testid=fact-row]").await;
        let marks = js(&client, "return performance.getEntriesByType('mark').map(m => m.name)").await;
        assert!(
            marks.as_array().unwrap().iter().any(|m| m == "parallax-build-worker"),
            "{marks}"
        );
        js(&client, "localStorage.removeItem('parallax-engine'); return true").await;
        // "Download offline copy" works offline too.
        let size = client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 fetch(document.querySelector('[data-testid=offline-copy]').href)
                   .then(r => r.text()).then(t => done(t.length), e => done(String(e)));",
                vec![],
            )
            .await
            .unwrap();
        let on_disk = std::fs::read_to_string(offline_dist.join("parallax-offline.html"))
            .unwrap()
            .encode_utf16()
            .count();
        assert_eq!(
            size,
            json!(on_disk),
            "the offline copy comes from the cache"
        );
    })
    .await;

    // 2. A rebuild with a change: the page says so, and the new version runs
    // after "Reload to update"; until then the old one keeps running.
    let build = copy_of_dist("update");
    let server = StaticServer::start(build.clone());
    let root = server.url("/");
    let old_id = build_id(&build);
    let rebuilt = build.clone();
    with_browser(&driver, Browser::default(), move |client| async move {
        client.goto(&format!("{root}#/")).await.unwrap();
        find(&client, "[data-testid=story-title]").await;
        wait_for_offline_cache(&client).await;
        assert_eq!(page_build_id(&client).await, json!(old_id));

        // Rebuild: a changed page, then the post-build step as Trunk runs it.
        let index = rebuilt.join("index.html");
        let html = std::fs::read_to_string(&index).unwrap();
        std::fs::write(
            &index,
            html.replace("Loading the story…", "Loading the story (rebuilt)…"),
        )
        .unwrap();
        let status = Command::new("node")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("postbuild/postbuild.mjs"))
            .arg(&rebuilt)
            .status()
            .expect("run node postbuild/postbuild.mjs");
        assert!(status.success());
        let new_id = build_id(&rebuilt);
        assert_ne!(new_id, old_id, "the rebuild has a new build id");

        client.refresh().await.unwrap();
        let notice = find(&client, "[data-testid=update-notice]").await;
        assert_eq!(
            notice.attr("role").await.unwrap().as_deref(),
            Some("status")
        );
        assert!(
            notice
                .text()
                .await
                .unwrap()
                .contains("A new version of Parallax is ready")
        );
        // Not silently swapped: this page still runs the old build.
        assert_eq!(page_build_id(&client).await, json!(old_id));

        click(&client, "[data-testid=update-reload]").await;
        wait_until(
            &client,
            &format!(
                "return document.querySelector('meta[name=parallax-build]')?.content === '{new_id}'"
            ),
        )
        .await;
        find(&client, "[data-testid=story-title]").await;
        let cache = wait_for_offline_cache(&client).await;
        let names = cache["names"].as_array().unwrap();
        assert_eq!(names.len(), 1, "old caches are deleted: {names:?}");
        assert!(names[0].as_str().unwrap().ends_with(&new_id), "{names:?}");
        let notices = js(
            &client,
            "return document.querySelectorAll('[data-testid=update-notice]').length",
        )
        .await;
        assert_eq!(notices, json!(0));
    })
    .await;
    let _ = std::fs::remove_dir_all(&build);

    // 3. The one-file copy, alone in a folder, opened from file:// with a
    // deep link: the story, the sentence, no request for anything.
    let alone = std::env::temp_dir().join(format!("parallax-one-file-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&alone);
    std::fs::create_dir_all(&alone).unwrap();
    std::fs::copy(
        dist.join("parallax-offline.html"),
        alone.join("parallax-offline.html"),
    )
    .unwrap();
    let file_url = format!("file://{}/parallax-offline.html", alone.display());
    with_browser(&driver, Browser::default(), move |client| async move {
        client
            .goto(&format!("{file_url}#/sentence/5cdbf99d/12"))
            .await
            .unwrap();
        let title = find(&client, "[data-testid=story-title]")
            .await
            .text()
            .await
            .unwrap();
        assert_eq!(
            title,
            "The Sony Pictures hack and the cancelled release of The Interview"
        );
        assert_selected(&client, "s-5cdbf99d-12").await;
        assert_eq!(
            js(
                &client,
                "return document.querySelectorAll('[data-testid=article]').length"
            )
            .await,
            json!(2)
        );
        // Links work in the file too: a sentence opens the fact it reports,
        // and a sentence link selects it.
        click(&client, "#s-985eb20a-3").await;
        wait_until(&client, "return location.hash.startsWith('#/fact/')").await;
        find(&client, "[data-testid=fact-claim]").await;
        js(&client, "location.hash = '#/sentence/985eb20a/3'").await;
        wait_until(&client, "return location.hash === '#/sentence/985eb20a/3'").await;
        assert_selected(&client, "s-985eb20a-3").await;
        // It says what it is, and offers no download of itself.
        find(&client, "[data-testid=offline-label]").await;
        assert_eq!(
            js(
                &client,
                "return document.querySelector('[data-testid=offline-copy]')"
            )
            .await,
            Value::Null
        );
        let requests = network_requests(&client).await;
        assert!(
            requests
                .iter()
                .all(|u| u.starts_with(&file_url) || u.starts_with("data:")),
            "the one-file copy loads nothing else: {requests:?}"
        );
        let console = console_messages(&client).await;
        assert!(
            console.is_empty(),
            "console of the one-file copy: {console:?}"
        );
    })
    .await;
    let _ = std::fs::remove_dir_all(&alone);

    // 4. Under a deep sub-path of a plain static server: a whole journey
    // without a request off the origin, and the policy is there and enforced.
    let server = StaticServer::start(dist.clone());
    let base = server.url(DEEP_SUB_PATH);
    let origin = server.url("/");
    with_browser(&driver, Browser::default(), move |client| async move {
        client.goto("about:blank").await.unwrap();
        network_requests(&client).await;
        client.goto(&format!("{base}#/sentence/985eb20a/2")).await.unwrap();
        find(&client, "[data-testid=story-title]").await;
        assert_selected(&client, "s-985eb20a-2").await;
        // A sentence opens its fact; the overview, back to the text.
        click(&client, "#s-5cdbf99d-6").await;
        wait_until(&client, "return location.hash.startsWith('#/fact/')").await;
        find(&client, "[data-testid=fact-claim]").await;
        js(&client, "location.hash = '#/facts'").await;
        find(&client, "[data-testid=fact-row]").await;
        js(&client, "location.hash = '#/sentence/5cdbf99d/6'").await;
        assert_selected(&client, "s-5cdbf99d-6").await;
        client.refresh().await.unwrap();
        assert_selected(&client, "s-5cdbf99d-6").await;
        let cache = wait_for_offline_cache(&client).await;
        let scope = client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 navigator.serviceWorker.getRegistration().then(r => done(r.scope));",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(scope, json!(base), "the worker's scope is the sub-path");
        assert!(cache["urls"].as_array().unwrap().iter().all(|u| u.as_str().unwrap().starts_with(&base)));
        // The manifest and its icons load from the sub-path.
        let manifest = client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 (async () => {
                   const href = document.querySelector('link[rel=manifest]').href;
                   const m = await (await fetch(href)).json();
                   const icons = await Promise.all(m.icons.map(i => fetch(new URL(i.src, href)).then(r => r.status)));
                   done({ href, start: m.start_url, scope: m.scope, icons });
                 })().catch(e => done(String(e)));",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(
            manifest,
            json!({ "href": format!("{base}manifest.webmanifest"), "start": "./", "scope": "./", "icons": [200, 200] })
        );
        let failed = js(&client, "return performance.getEntriesByType('resource').filter(r => r.responseStatus >= 400).map(r => r.name)").await;
        assert_eq!(failed, json!([]), "every asset loads under {base}");

        let requests = network_requests(&client).await;
        assert!(requests.iter().any(|u| u.ends_with(".wasm")), "the network log records requests: {requests:?}");
        let off_origin: Vec<&String> = requests
            .iter()
            .filter(|u| !u.starts_with(&origin) && !u.starts_with("data:"))
            .collect();
        assert!(off_origin.is_empty(), "requests off the page's origin: {off_origin:?}");
        // Errors and policy violations; Chromium warns that it ignores the
        // integrity of Trunk's wasm preload, which is harmless.
        let console = console_messages(&client).await;
        let bad: Vec<&String> = console
            .iter()
            .filter(|m| m.starts_with("SEVERE") || m.contains("Content Security Policy") || m.contains("Refused"))
            .collect();
        assert!(bad.is_empty(), "console errors or policy violations: {bad:?}");

        // The policy: only this origin, the loader by hash, no unsafe-inline.
        let policy = js(&client, "return document.querySelector('meta[http-equiv=Content-Security-Policy]').content").await;
        let policy = policy.as_str().unwrap().to_string();
        for directive in [
            "default-src 'self'",
            "style-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
        ] {
            assert!(policy.contains(directive), "{directive} in {policy}");
        }
        assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"), "{policy}");
        assert!(!policy.contains("unsafe-inline") && !policy.contains("*"), "{policy}");
        // ...and it is enforced: an injected inline script does not run.
        let ran = client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 document.addEventListener('securitypolicyviolation', e => done([window.injected === true, e.violatedDirective]));
                 const s = document.createElement('script');
                 s.textContent = 'window.injected = true';
                 document.head.append(s);",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(ran, json!([false, "script-src-elem"]));
    })
    .await;
}
