//! End-to-end journeys through the comparison explorer, in headless
//! Chromium against the release build: overview → filter → fact → copy
//! link → the link in a fresh session; reading-view hover sync; timeline;
//! quote fidelity; unknown and orphaned links; keyboard only; and axe-core
//! (0 violations) on every view in light and dark.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::time::Duration;

use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use parallax_core::align::Coverage;
use parallax_core::compare::{FactFilter, StoryView};
use serde_json::json;
use support::{
    Browser, ChromeDriver, StaticServer, axe_violations, capture_downloads, click, dist_dir,
    downloaded, find, js, wait_until, with_browser,
};

fn native_story() -> StoryView {
    let (stories, _) = parallax_core::corpus::bundled_stories();
    StoryView::build(&stories[0])
}

async fn count(client: &Client, css: &str) -> usize {
    client.find_all(Locator::Css(css)).await.unwrap().len()
}

async fn hash(client: &Client) -> String {
    js(client, "return location.hash")
        .await
        .as_str()
        .unwrap_or("")
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn explorer_journeys() {
    let server = StaticServer::start(dist_dir());
    let driver = ChromeDriver::start();
    let root = server.url("/");
    let story = native_story();

    // 1. Overview → filter → fact view → copy link.
    let all_shared = story
        .filter_facts(&FactFilter {
            coverage: Some(Coverage::All),
            ..FactFilter::default()
        })
        .len();
    let cinema = story.filter_facts(&FactFilter::from_query("coverage=all&q=cinema"));
    let csv_expected = story.matrix_csv(&cinema);
    let first_cinema = story.facts[cinema[0]].id.clone();
    let base = root.clone();
    let (link, fact_id) = {
        let (tx, rx) = std::sync::mpsc::channel();
        with_browser(&driver, Browser::default(), move |client| async move {
            client.goto(&format!("{base}#/")).await.unwrap();
            find(&client, "[data-testid=matrix] tbody tr").await;
            let painted = js(
                &client,
                "const m = performance.getEntriesByName('parallax-matrix')[0]; return m ? m.startTime : null",
            )
            .await;
            println!("time from navigation start to the matrix in the DOM: {painted} ms");
            assert!(painted.as_f64().is_some_and(|t| t < 5000.0), "{painted}");
            // Rows are drawn a batch a task.
            wait_until(&client, "return !document.querySelector('[data-testid=matrix][aria-busy]')").await;
            assert_eq!(count(&client, "[data-testid=fact-row]").await, 26);
            assert_eq!(count(&client, "[data-testid=matrix] thead th").await, 4);

            find(&client, "[data-testid=filter-coverage]").await.select_by_value("all").await.unwrap();
            wait_until(&client, "return location.hash === '#/facts?coverage=all'").await;
            wait_until(&client, &format!("return document.querySelectorAll('[data-testid=fact-row]').length === {all_shared}")).await;
            find(&client, "[data-testid=filter-q]").await.send_keys("cinema").await.unwrap();
            wait_until(&client, "return location.hash === '#/facts?coverage=all&q=cinema'").await;
            wait_until(&client, &format!("return document.querySelectorAll('[data-testid=fact-row]').length === {}", cinema.len())).await;
            let status = find(&client, "[data-testid=fact-count]").await.text().await.unwrap();
            assert!(status.contains(&format!("Showing {} of 26", cinema.len())), "{status}");
            // The filtered view survives a reload (the filters are in the link).
            client.refresh().await.unwrap();
            wait_until(&client, &format!("return document.querySelectorAll('[data-testid=fact-row]').length === {}", cinema.len())).await;
            assert_eq!(
                js(&client, "return document.getElementById('filter-q').value").await,
                json!("cinema")
            );
            // The CSV export holds the rows shown, made when asked for.
            capture_downloads(&client).await;
            click(&client, "[data-testid=export-csv]").await;
            let (name, csv) = downloaded(&client).await;
            assert!(name.ends_with("-matrix.csv"), "{name}");
            assert_eq!(csv, csv_expected);

            click(&client, "[data-testid=fact-link]").await;
            wait_until(&client, &format!("return location.hash === '#/fact/{first_cinema}'")).await;
            let view = find(&client, "[data-testid=fact-view]").await;
            assert_eq!(view.attr("data-fact").await.unwrap().as_deref(), Some(first_cinema.as_str()));
            assert_eq!(count(&client, "[data-testid=fact-claim]").await, 2);
            assert!(count(&client, "[data-testid=diff-changed]").await > 0);
            assert!(count(&client, "[data-testid=differences] li").await > 0);
            assert!(count(&client, "[data-testid=evidence] tbody tr").await > 0);
            let certainty = find(&client, "[data-testid=certainty]").await.text().await.unwrap();
            assert!(!certainty.is_empty());

            click(&client, ".section-head [data-testid=copy-link] button").await;
            wait_until(
                &client,
                "const s = document.querySelector('.section-head [data-testid=copy-status]'); \
                 return !!s && (s.textContent.includes('Link copied') || !!s.querySelector('input'));",
            )
            .await;
            let href = js(&client, "return document.querySelector('.section-head [data-testid=copy-link] button').dataset.href").await;
            tx.send((href.as_str().unwrap().to_string(), first_cinema.clone())).unwrap();

            // Previous / next fact.
            click(&client, "[data-testid=next-fact]").await;
            wait_until(&client, &format!("return location.hash.startsWith('#/fact/') && location.hash !== '#/fact/{first_cinema}'")).await;
            client.back().await.unwrap();
            wait_until(&client, &format!("return location.hash === '#/fact/{first_cinema}'")).await;
        })
        .await;
        rx.recv().unwrap()
    };
    assert_eq!(link, format!("#/fact/{fact_id}"));

    // 2. The copied link in a fresh session selects the same fact.
    let url = format!("{root}{link}");
    let id = fact_id.clone();
    with_browser(&driver, Browser::default(), move |client| async move {
        client.goto(&url).await.unwrap();
        let view = find(&client, "[data-testid=fact-view]").await;
        assert_eq!(
            view.attr("data-fact").await.unwrap().as_deref(),
            Some(id.as_str())
        );
        assert_eq!(hash(&client).await, format!("#/fact/{id}"));
    })
    .await;

    // 3. Reading view: hovering a sentence marks and reveals its counterparts.
    let base = root.clone();
    with_browser(&driver, Browser::default(), move |client| async move {
        client.goto(&format!("{base}#/read")).await.unwrap();
        let sentence = find(&client, "#s-985eb20a-17").await;
        let arg = serde_json::to_value(&sentence).unwrap();
        client
            .execute("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", vec![arg])
            .await
            .unwrap();
        let mouse = MouseActions::new("mouse".into()).then(PointerAction::MoveToElement {
            element: sentence.clone(),
            duration: Some(Duration::from_millis(50)),
            x: 0.0,
            y: 0.0,
        });
        client.perform_actions(mouse).await.unwrap();
        // The counterparts are listed when the sentence is pointed at.
        wait_until(&client, "return !!document.getElementById('s-985eb20a-17').dataset.counterparts").await;
        let counterparts = sentence.attr("data-counterparts").await.unwrap().unwrap_or_default();
        assert!(counterparts.contains("s-5cdbf99d-15"), "{counterparts}");
        wait_until(
            &client,
            "const e = document.getElementById('s-5cdbf99d-15'); const col = document.getElementById('col-5cdbf99d'); \
             if (!e || !e.classList.contains('linked')) return false; \
             const r = e.getBoundingClientRect(), c = col.getBoundingClientRect(); \
             return r.top >= c.top - 1 && r.bottom <= c.bottom + 1 && r.top >= 0 && r.bottom <= innerHeight;",
        )
        .await;
        assert!(count(&client, ".sentence.linked").await >= 2);
        // Clicking the sentence opens its fact.
        sentence.click().await.unwrap();
        wait_until(&client, "return location.hash.startsWith('#/fact/')").await;
        // The fact view renders after the route changes: wait for its claims.
        wait_until(
            &client,
            "return document.querySelectorAll('[data-testid=fact-claim]').length >= 2",
        )
        .await;
        assert_eq!(count(&client, "[data-testid=fact-claim]").await, 2);
    })
    .await;

    // 4. Timeline: a date lists its mentions, which lead to the claims.
    let base = root.clone();
    with_browser(&driver, Browser::default(), move |client| async move {
        client.goto(&format!("{base}#/timeline")).await.unwrap();
        find(&client, "[data-testid=time-entry]").await;
        let values = js(&client, "return [...document.querySelectorAll('[data-testid=time-entry]')].map(e => e.dataset.value)").await;
        for wanted in ["2001-09-11", "2014-11", "2014-W50", "2014-12-17", "2014-12-25"] {
            assert!(values.as_array().unwrap().iter().any(|v| v == wanted), "{wanted}: {values}");
        }
        let label = find(&client, "[data-value='2014-W50'] .time-label").await.text().await.unwrap();
        assert_eq!(label, "week of 8 December 2014");
        click(&client, "[data-value='2014-12-17'] .time-link").await;
        wait_until(&client, "return location.hash === '#/timeline/2014-12-17'").await;
        wait_until(&client, "const d = document.querySelector(\"[data-value='2014-12-17'] [data-testid=time-detail]\"); return !!d && !d.hidden;").await;
        assert_eq!(count(&client, "[data-value='2014-12-17'] [data-testid=time-mention]").await, 2);
        assert!(count(&client, "[data-value='2014-12-17'] [data-testid=fact-ref]").await >= 1);
        click(&client, "[data-value='2014-12-17'] [data-testid=time-claim]").await;
        wait_until(&client, "return location.hash.startsWith('#/read/')").await;
        find(&client, "[data-testid=selection-notice]").await;
        wait_until(&client, "return document.querySelectorAll('.sentence.selected').length === 1").await;
    })
    .await;

    // 5. Quotes: who said it per outlet, and the fidelity diff.
    let base = root.clone();
    with_browser(&driver, Browser::default(), move |client| async move {
        client.goto(&format!("{base}#/quotes")).await.unwrap();
        find(&client, "[data-testid=quote-card]").await;
        let summaries = js(&client, "return [...document.querySelectorAll('[data-testid=fidelity-summary]')].map(s => s.textContent)").await;
        let summaries = summaries.as_array().unwrap();
        assert!(summaries.iter().any(|s| s.as_str().unwrap().contains("“theatre-goers.” → “theater-goers.” (spelling)")), "{summaries:?}");
        assert!(summaries.iter().any(|s| s.as_str().unwrap().contains("(spacing)")), "{summaries:?}");
        let changes = js(&client, "return [...document.querySelectorAll('[data-testid=quote-change]')].map(s => s.textContent)").await;
        assert!(changes.as_array().unwrap().iter().any(|c| c.as_str().unwrap().contains("theater-goers") && c.as_str().unwrap().contains("spelt differently")), "{changes}");
        let speakers = js(&client, "return [...document.querySelectorAll('[data-testid=speaker]')].map(s => s.textContent)").await;
        let speakers = speakers.to_string();
        assert!(speakers.contains("the company") && speakers.contains("Sony Pictured Entertainment"), "{speakers}");
        // A quote link selects its card.
        let fact = js(&client, "return [...document.querySelectorAll('[data-testid=quote-card]')].find(c => c.textContent.includes('theater-goers')).dataset.fact").await;
        let fact = fact.as_str().unwrap().to_string();
        client.goto(&format!("{base}#/quotes/{fact}")).await.unwrap();
        client.refresh().await.unwrap();
        wait_until(&client, &format!("const c = document.getElementById('quote-{fact}'); return !!c && c.classList.contains('selected')")).await;
    })
    .await;

    // 6. Unknown, orphaned and re-anchored links.
    let (_, quote) = story.claim_of_sentence(1, 6).unwrap();
    let quote = parallax_core::compare::links::percent_encode(&quote);
    let base = root.clone();
    with_browser(&driver, Browser::default(), move |client| async move {
        client.goto(&format!("{base}#/claim/5cdbf99d/000000000000?q=The%20records%20of%20employees%20were%20never%20published%20anywhere.")).await.unwrap();
        let message = find(&client, "[data-testid=link-error]").await.text().await.unwrap();
        assert!(message.contains("no longer in the story"), "{message}");
        assert!(count(&client, "[data-testid=orphan-candidate]").await >= 1);
        click(&client, "[data-testid=orphan-candidate]").await;
        wait_until(&client, "return location.hash.startsWith('#/read/5cdbf99d/')").await;
        wait_until(&client, "return document.querySelectorAll('.sentence.selected').length === 1").await;

        client.goto(&format!("{base}#/claim/5cdbf99d/000000000000?q={quote}")).await.unwrap();
        client.refresh().await.unwrap();
        let note = find(&client, "[data-testid=reanchored]").await.text().await.unwrap();
        assert!(note.contains("closest match"), "{note}");
        wait_until(&client, "const e = document.getElementById('s-5cdbf99d-6'); return !!e && e.classList.contains('selected')").await;

        for (hash, expected) in [
            ("#/fact/fnothing", "not in this story"),
            ("#/entities/nobody-at-all", "does not mention"),
            ("#/timeline/1999-01-01", "does not mention"),
            ("#/quotes/fnothing", "not in this story"),
            ("#/nowhere", "does not point to anything"),
        ] {
            client.goto(&format!("{base}{hash}")).await.unwrap();
            client.refresh().await.unwrap();
            let message = find(&client, "[data-testid=link-error]").await.text().await.unwrap();
            assert!(message.contains(expected), "{hash}: {message}");
        }
    })
    .await;

    // 7. Keyboard only: overview → first fact → next fact.
    let base = root.clone();
    with_browser(&driver, Browser::default(), move |client| async move {
        client.goto(&format!("{base}#/")).await.unwrap();
        find(&client, "[data-testid=fact-row]").await;
        let tab: String = char::from(Key::Tab).to_string();
        let mut reached = false;
        let mut stops = Vec::new();
        for _ in 0..40 {
            client.active_element().await.unwrap().send_keys(&tab).await.unwrap();
            let active = js(&client, "const a = document.activeElement; return [a.dataset.testid || a.id || a.tagName, getComputedStyle(a).outlineStyle]").await;
            stops.push(active[0].to_string());
            if active[0] == "fact-link" {
                assert_ne!(active[1], "none", "focus is visible");
                reached = true;
                break;
            }
        }
        assert!(reached, "Tab never reached a fact: {stops:?}");
        // The filters come before the matrix in the tab order.
        assert!(stops.iter().any(|s| s.contains("filter-q")), "{stops:?}");
        let enter: String = char::from(Key::Enter).to_string();
        client.active_element().await.unwrap().send_keys(&enter).await.unwrap();
        wait_until(&client, "return location.hash.startsWith('#/fact/')").await;
        wait_until(&client, "return document.activeElement && document.activeElement.id === 'page-title'").await;
        let mut next = false;
        for _ in 0..10 {
            client.active_element().await.unwrap().send_keys(&tab).await.unwrap();
            if js(&client, "return document.activeElement.dataset.testid").await == "next-fact" {
                next = true;
                break;
            }
        }
        // The heading comes after the nav; go back once with Shift+Tab if needed.
        if !next {
            let shift_tab = format!("{}{}", char::from(Key::Shift), tab);
            for _ in 0..12 {
                client.active_element().await.unwrap().send_keys(&shift_tab).await.unwrap();
                if js(&client, "return document.activeElement.dataset.testid").await == "next-fact" {
                    next = true;
                    break;
                }
            }
        }
        assert!(next, "Next fact is reachable by keyboard");
        let before = hash(&client).await;
        client.active_element().await.unwrap().send_keys(&enter).await.unwrap();
        wait_until(&client, &format!("return location.hash.startsWith('#/fact/') && location.hash !== '{before}'")).await;
    })
    .await;

    // 8. axe-core: no violations on any view, light and dark.
    let found = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    for dark in [false, true] {
        let found = found.clone();
        let base = root.clone();
        let fact = fact_id.clone();
        let browser = Browser {
            dark,
            ..Browser::default()
        };
        with_browser(&driver, browser, move |client| async move {
            for (hash, ready) in [
                ("#/", "[data-testid=fact-row]"),
                (&*format!("#/fact/{fact}"), "[data-testid=fact-view]"),
                ("#/read", "[data-testid=article]"),
                ("#/sentence/5cdbf99d/6", "[data-testid=selection-notice]"),
                ("#/quotes", "[data-testid=quote-card]"),
                ("#/timeline/2014-12-17", "[data-testid=time-entry]"),
                ("#/entities/sony-pictures", "[data-testid=entity-detail]"),
                ("#/stories", "[data-testid=stories-page]"),
                ("#/new", "[data-testid=new-story-page]"),
            ] {
                client.goto(&format!("{base}{hash}")).await.unwrap();
                client.refresh().await.unwrap();
                find(&client, ready).await;
                tokio::time::sleep(Duration::from_millis(400)).await;
                let violations = axe_violations(&client).await;
                println!(
                    "axe {} {hash}: {} violations",
                    if dark { "dark" } else { "light" },
                    violations.as_array().map_or(0, Vec::len)
                );
                if violations != json!([]) {
                    found
                        .lock()
                        .unwrap()
                        .push(format!("{hash} (dark: {dark}): {violations:#}"));
                }
            }
        })
        .await;
    }
    let found = found.lock().unwrap();
    assert!(
        found.is_empty(),
        "axe-core violations:\n{}",
        found.join("\n")
    );
}
