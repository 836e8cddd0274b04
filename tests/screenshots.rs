//! Screenshots of the release build for the README and for looking at the UI:
//! desktop and phone widths, light and dark. Not a check; run it with
//! `./run.sh screenshots` (it is ignored by the normal test run).
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::Path;

use support::{Browser, ChromeDriver, StaticServer, dist_dir, find, js, with_browser};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "writes docs/screenshots/*.png; run by ./run.sh screenshots"]
async fn take_screenshots() {
    let server = StaticServer::start(dist_dir());
    let driver = ChromeDriver::start();
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/screenshots");
    std::fs::create_dir_all(&out).unwrap();
    // The quoted statement with a spelling change, and the leaked-films fact
    // (many typed differences), by their ids in the bundled story.
    let quote_fact = "#/fact/f8d5ba3e72028";
    let fact = "#/fact/f9075d0313620";
    for (name, width, height, dark, hash) in [
        ("desktop-light", 1360, 900, false, "#/"),
        ("desktop-dark", 1360, 900, true, quote_fact),
        ("phone-light", 360, 780, false, "#/"),
        ("phone-dark", 360, 780, true, fact),
        ("reading-light", 1360, 900, false, "#/sentence/985eb20a/2"),
        ("quotes-dark", 1360, 900, true, "#/quotes/f8d5ba3e72028"),
        ("timeline-light", 1360, 900, false, "#/timeline/2014-12-17"),
        (
            "entities-light",
            1360,
            900,
            false,
            "#/entities/sony-pictures",
        ),
        ("phone-timeline-dark", 360, 780, true, "#/timeline/2014-W50"),
        (
            "unknown-link",
            1360,
            700,
            false,
            "#/claim/5cdbf99d/000000000000?q=The%20records%20were%20never%20published",
        ),
    ] {
        let url = format!("{}{hash}", server.url("/"));
        let path = out.join(format!("{name}.png"));
        let browser = Browser {
            width,
            height,
            dark,
        };
        with_browser(&driver, browser, move |client| async move {
            client.goto(&url).await.unwrap();
            find(&client, "[data-testid=story-title]").await;
            let scheme = js(
                &client,
                "return matchMedia('(prefers-color-scheme: dark)').matches",
            )
            .await;
            assert_eq!(
                scheme,
                serde_json::Value::Bool(dark),
                "colour scheme of {url}"
            );
            tokio::time::sleep(std::time::Duration::from_millis(600)).await;
            let png = client.screenshot().await.unwrap();
            std::fs::write(&path, png).unwrap();
            println!("wrote {}", path.display());
        })
        .await;
    }
}
