//! End-to-end: the release build served on 127.0.0.1 by a plain static
//! server, driven in headless Chromium through the foundation's journeys.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::{Client, Locator};
use serde_json::Value;
use support::{
    Browser, ChromeDriver, StaticServer, click, dist_dir, find, js, wait_until, with_browser,
};

/// The DOM ids of every sentence, as the native pipeline computes them.
fn native_sentence_ids() -> Vec<String> {
    let (stories, _) = parallax_core::corpus::bundled_stories();
    let story = parallax_core::compare::StoryView::build(&stories[0]);
    story
        .articles
        .iter()
        .flat_map(|a| {
            a.sentences()
                .map(|s| parallax::route::sentence_dom_id(&a.id, s.number))
        })
        .collect()
}

/// Texts of all elements matching `css`.
async fn texts(client: &Client, css: &str) -> Vec<String> {
    let mut out = Vec::new();
    for element in client.find_all(Locator::Css(css)).await.unwrap() {
        out.push(element.text().await.unwrap());
    }
    out
}

async fn fragment(client: &Client) -> String {
    client
        .current_url()
        .await
        .unwrap()
        .fragment()
        .unwrap_or("")
        .to_string()
}

/// Is the selected sentence `id` highlighted, marked current and on screen?
async fn assert_selected(client: &Client, id: &str) {
    let script = format!(
        "const e = document.getElementById('{id}'); if (!e) return false; \
         const r = e.getBoundingClientRect(); \
         return e.classList.contains('selected') && e.getAttribute('aria-current') === 'true' \
           && r.top >= 0 && r.bottom <= window.innerHeight;"
    );
    wait_until(client, &script).await;
    let selected = js(
        client,
        "return document.querySelectorAll('.sentence.selected').length",
    )
    .await;
    assert_eq!(selected, Value::from(1), "exactly one sentence is selected");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn foundation_journeys() {
    let server = StaticServer::start(dist_dir());
    let driver = ChromeDriver::start();
    let root = server.url("/");

    // 1. The story's texts load with both outlets, parsed in the browser.
    let base = root.clone();
    with_browser(&driver, Browser::default(), move |client| async move {
        client.goto(&format!("{base}#/read")).await.unwrap();
        let title = find(&client, "[data-testid=story-title]").await.text().await.unwrap();
        assert_eq!(title, "The Sony Pictures hack and the cancelled release of The Interview");
        // The title paints at once; the articles once the engine is done.
        find(&client, "[data-testid=outlet]").await;
        assert_eq!(texts(&client, "[data-testid=outlet]").await, ["UNNAMED TECH SITE", "SILICON REPUBLIC"]);
        assert_eq!(
            texts(&client, "[data-testid=headline]").await,
            [
                "Sony pulls film as the US blames North Korea for attack",
                "The Interview gets cancelled as US blames North Korea for cyberattack on Sony"
            ]
        );
        assert_eq!(
            texts(&client, "[data-testid=published]").await,
            ["18 December 2014, 09:27", "18 December 2014"]
        );
        let datetimes = js(&client, "return [...document.querySelectorAll('time')].map(t => t.dateTime)").await;
        assert_eq!(datetimes, serde_json::json!(["2014-12-18T09:27", "2014-12-18"]));

        // Furniture, captions, bios and metadata are recognised and kept apart.
        let bodies = texts(&client, "[data-testid=body]").await;
        let aparts = texts(&client, "[data-testid=apart]").await;
        for furniture in ["Discuss this in the forums", "YouTube logo", "MSI MPG Velox 100R Chassis Review", "October 14 2021 | 15:04"] {
            assert!(!bodies[0].contains(furniture), "{furniture} shown as story text");
            assert!(aparts[0].contains(furniture), "{furniture} not shown apart");
        }
        assert!(!bodies[1].contains("John Kennedy is a journalist"));
        assert!(aparts[1].contains("John Kennedy is a journalist"));
        let metadata = texts(&client, "[data-testid=metadata]").await;
        assert!(metadata[0].contains("Tags") && metadata[0].contains("#guardians-of-peace"));
        assert!(metadata[0].contains("Companies") && metadata[0].contains("#sony-pictures"));
        assert!(!bodies[0].contains("#sony"));
        let captions = texts(&client, "[data-testid=caption]").await;
        assert_eq!(captions.len(), 1);
        assert!(captions[0].contains("James Franco and Seth Rogen in the spoof comedy"));
        let sentence_ids = js(&client, "return [...document.querySelectorAll('[data-testid=sentence]')].map(s => s.id)").await;
        // The browser's pipeline finds exactly the sentences the native one does.
        assert_eq!(sentence_ids, serde_json::json!(native_sentence_ids()));
        // Sentences, not paragraphs: the Sony quote is split into its sentences.
        let sentence = find(&client, "#s-5cdbf99d-1").await.text().await.unwrap();
        assert_eq!(
            sentence,
            "In a plot worthy of a B movie, The Interview has been withdrawn from cinemas in the US just as US government officials named North Korea as the source of the cyberattack against Sony."
        );

        // Extracted items are marked and explained.
        let marks = js(&client, "return [...document.querySelectorAll('#s-5cdbf99d-6 [data-testid=mark]')].map(m => [m.textContent, m.className, m.title])").await;
        let marks = marks.as_array().unwrap();
        let find_mark = |text: &str| marks.iter().find(|m| m[0] == text).unwrap_or_else(|| panic!("no mark {text}: {marks:?}"));
        assert!(find_mark("more than 47,000 records")[1].as_str().unwrap().contains("mark-quantity"));
        assert!(find_mark("more than 47,000 records")[2].as_str().unwrap().contains("quantity: more than 47000 records"));
        assert!(find_mark("Fury")[1].as_str().unwrap().contains("mark-work"));
        assert_eq!(texts(&client, "[data-testid=legend] li").await.len(), 8);

        // 2. Clicking a sentence opens the fact it reports.
        click(&client, "#s-5cdbf99d-12").await;
        wait_until(&client, "return location.hash.startsWith('#/fact/')").await;
        // The fact view is drawn once its wasm chunk is in (the first time).
        find(&client, "[data-testid=fact-claim]").await;
        let claims = texts(&client, "[data-testid=fact-claim]").await;
        assert!(claims.iter().any(|c| c.contains("We are deeply saddened")), "{claims:?}");
        client.back().await.unwrap();
        wait_until(&client, "return location.hash === '#/read'").await;

        // A sentence link selects, highlights and scrolls to the sentence.
        js(&client, "location.hash = '#/sentence/5cdbf99d/12'").await;
        wait_until(&client, "return location.hash === '#/sentence/5cdbf99d/12'").await;
        assert_selected(&client, "s-5cdbf99d-12").await;
        let notice = find(&client, "[data-testid=selection-notice]").await.text().await.unwrap();
        assert!(notice.contains("sentence 12") && notice.contains("Silicon Republic"), "{notice}");
        let extracted = js(&client, "return [...document.querySelectorAll('[data-testid=extracted] li')].map(li => li.textContent)").await;
        assert!(
            extracted.as_array().unwrap().iter().any(|n| n.as_str().unwrap().starts_with("quote, speaker: Sony Pictured Entertainment")),
            "{extracted:?}"
        );

        js(&client, "location.hash = '#/sentence/985eb20a/3'").await;
        wait_until(&client, "return location.hash === '#/sentence/985eb20a/3'").await;
        assert_selected(&client, "s-985eb20a-3").await;

        // Back and forward move between the selections.
        client.back().await.unwrap();
        wait_until(&client, "return location.hash === '#/sentence/5cdbf99d/12'").await;
        assert_selected(&client, "s-5cdbf99d-12").await;
        client.forward().await.unwrap();
        wait_until(&client, "return location.hash === '#/sentence/985eb20a/3'").await;
        assert_selected(&client, "s-985eb20a-3").await;

        // Reload keeps the selection.
        client.refresh().await.unwrap();
        find(&client, "[data-testid=story-title]").await;
        assert_selected(&client, "s-985eb20a-3").await;
    })
    .await;

    // 3. The deep link in a fresh browser selects the same sentence.
    let link = format!("{root}#/sentence/5cdbf99d/12");
    with_browser(&driver, Browser::default(), move |client| async move {
        client.goto(&link).await.unwrap();
        find(&client, "[data-testid=story-title]").await;
        assert_selected(&client, "s-5cdbf99d-12").await;
        assert_eq!(fragment(&client).await, "/sentence/5cdbf99d/12");
    })
    .await;

    // 4. Links to nothing show a clear message, and the story stays usable.
    let base = root.clone();
    with_browser(&driver, Browser::default(), move |client| async move {
        for (hash, expected, shown) in [
            (
                "#/claim/42",
                "does not point to anything Parallax knows",
                "[data-testid=fact-row]",
            ),
            (
                "#/sentence/5cdbf99d/999",
                "but that article has",
                "[data-testid=article]",
            ),
            (
                "#/sentence/nope/1",
                "not in this story",
                "[data-testid=article]",
            ),
        ] {
            client.goto(&format!("{base}{hash}")).await.unwrap();
            client.refresh().await.unwrap();
            let message = find(&client, "[data-testid=link-error]")
                .await
                .text()
                .await
                .unwrap();
            assert!(message.contains(expected), "{hash}: {message}");
            assert!(
                texts(&client, shown).await.len() >= 2,
                "{hash}: the matrix or the texts still shown"
            );
        }
        // Following the message's way out clears it.
        click(&client, "[data-testid=link-error] a").await;
        wait_until(
            &client,
            "return document.querySelector('[data-testid=link-error]') === null",
        )
        .await;
    })
    .await;

    // 5. Under sub-paths of a plain static server, deep links work too.
    for sub_path in [support::SUB_PATH, support::DEEP_SUB_PATH] {
        let link = format!("{}#/sentence/985eb20a/2", server.url(sub_path));
        with_browser(&driver, Browser::default(), move |client| async move {
            client.goto(&link).await.unwrap();
            find(&client, "[data-testid=story-title]").await;
            assert_selected(&client, "s-985eb20a-2").await;
            let failed = js(
                &client,
                "return performance.getEntriesByType('resource').filter(r => r.responseStatus >= 400).map(r => r.name)",
            )
            .await;
            assert_eq!(failed, serde_json::json!([]), "every asset loads under the sub-path");
        })
        .await;
    }
}
