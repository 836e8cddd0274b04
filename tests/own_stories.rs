//! End-to-end: the reader's own stories, in headless Chromium against the
//! release build. Paste two articles → the matrix, with the same facts the
//! native pipeline finds; reload → still there; files (a saved page with a
//! script in it, text, Markdown) → three outlets, nothing executed; import a
//! story file in a fresh profile → the same facts; delete → undo; bad input
//! → a message, and nothing stored changes.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::{Path, PathBuf};

use fantoccini::Client;
use parallax_core::compare::StoryView;
use parallax_core::import::story_file::{StoryFile, StoryFileArticle, embed_in_html, to_json};
use serde_json::{Value, json};
use support::{
    Browser, ChromeDriver, StaticServer, axe_violations, capture_downloads, choose_files, click,
    dist_dir, downloaded, find, js, marks, matrix_fact_ids, synthetic_story_file, temp_dir,
    wait_until, with_browser,
};

fn story_text(story: &str, outlet: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("core/tests/stories")
            .join(story)
            .join(format!("{outlet}.txt")),
    )
    .unwrap()
}

/// The fact ids the native pipeline finds for a story file.
fn native_fact_ids(file: &StoryFile) -> Vec<String> {
    let story = file.clone().into_story("native");
    let mut ids: Vec<String> = StoryView::build(&story)
        .facts
        .iter()
        .map(|f| f.id.clone())
        .collect();
    ids.sort();
    ids
}

/// The fact ids in the matrix on screen, sorted (to compare with the
/// native pipeline's).
async fn fact_ids(client: &Client) -> Vec<String> {
    let mut ids = matrix_fact_ids(client).await;
    ids.sort();
    ids
}

/// Sets a field's value as typing would, so the app's input handler runs.
async fn fill(client: &Client, css: &str, index: usize, value: &str) {
    find(client, css).await;
    let args = vec![json!(css), json!(index), json!(value)];
    client
        .execute(
            "const [css, i, v] = arguments; const e = document.querySelectorAll(css)[i]; \
             e.value = v; e.dispatchEvent(new Event('input', { bubbles: true })); \
             e.dispatchEvent(new Event('change', { bubbles: true }));",
            args,
        )
        .await
        .unwrap();
}

/// The text of the first element matching `css` (waiting for it).
async fn text_of(client: &Client, css: &str) -> String {
    find(client, css).await.text().await.unwrap()
}

async fn fragment(client: &Client) -> String {
    js(client, "return location.hash")
        .await
        .as_str()
        .unwrap_or("")
        .to_string()
}

/// Every story record in the browser's store, as `[id, story JSON]` pairs.
async fn stored(client: &Client) -> Value {
    client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const open = indexedDB.open('parallax', 1);
             open.onupgradeneeded = () => open.result.createObjectStore('stories');
             open.onsuccess = () => {
               const get = open.result.transaction('stories').objectStore('stories').getAll();
               get.onsuccess = () => { done(get.result.map(r => [r.id, r.story]).sort()); open.result.close(); };
               get.onerror = () => done('error');
             };
             open.onerror = () => done('error');",
            vec![],
        )
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn own_story_journeys() {
    let server = StaticServer::start(dist_dir());
    let driver = ChromeDriver::start();
    let root = server.url("/");

    // 1. Paste two articles → the matrix, with the native pipeline's facts;
    // reload → still there; delete → undo.
    let a = story_text("wildfire-cedar-falls", "a");
    let b = story_text("wildfire-cedar-falls", "b");
    let expected = StoryFile::new(
        "Wildfire at Cedar Falls".to_string(),
        vec![
            StoryFileArticle {
                id: "a1".into(),
                outlet: "Valley Courier".into(),
                outlet_note: None,
                url: None,
                published: Some("2023-08-13".into()),
                text: a.clone(),
            },
            StoryFileArticle {
                id: "a2".into(),
                outlet: "Ridge Daily".into(),
                outlet_note: None,
                url: None,
                published: Some("2023-08-14".into()),
                text: b.clone(),
            },
        ],
    );
    let native = native_fact_ids(&expected);
    let base = root.clone();
    let (first, second) = (a.clone(), b.clone());
    let expected_ids = native.clone();
    let exported = {
        let (tx, rx) = std::sync::mpsc::channel();
        with_browser(&driver, Browser::default(), move |client| async move {
            // The start page is the story list, the bundled story on it.
            client.goto(&base).await.unwrap();
            find(&client, "[data-testid=stories-page]").await;
            find(&client, "[data-testid=no-saved-stories]").await;
            assert_eq!(
                js(&client, "return document.querySelectorAll('[data-testid=story-card]').length").await,
                json!(1)
            );
            click(&client, "[data-testid=new-story]").await;
            find(&client, "[data-testid=new-story-page]").await;
            fill(&client, "[data-testid=article-text]", 0, &first).await;
            click(&client, "[data-testid=add-article]").await;
            wait_until(&client, "return document.querySelectorAll('[data-testid=article-text]').length === 2").await;
            fill(&client, "[data-testid=article-text]", 1, &second).await;
            // The date line prefills the date; the outlet is not invented.
            wait_until(&client, "return document.querySelectorAll('[data-testid=article-date]')[1].value === '2023-08-14' && document.querySelectorAll('[data-testid=article-date]')[0].value === '2023-08-13'").await;
            assert_eq!(
                js(&client, "return document.querySelectorAll('[data-testid=article-outlet]')[0].value").await,
                json!("")
            );
            fill(&client, "[data-testid=article-outlet]", 0, "Valley Courier").await;
            fill(&client, "[data-testid=article-outlet]", 1, "Ridge Daily").await;
            fill(&client, "[data-testid=story-title-input]", 0, "Wildfire at Cedar Falls").await;
            // A reload before saving keeps the draft.
            client.refresh().await.unwrap();
            find(&client, "[data-testid=new-story-page]").await;
            wait_until(&client, "return document.querySelectorAll('[data-testid=article-text]').length === 2 && document.querySelectorAll('[data-testid=article-outlet]')[1].value === 'Ridge Daily'").await;
            click(&client, "[data-testid=save-story]").await;
            wait_until(&client, "return location.hash.startsWith('#/s/st-')").await;
            let title = text_of(&client, "[data-testid=story-title]").await;
            assert_eq!(title, "Wildfire at Cedar Falls");
            assert_eq!(fact_ids(&client).await, expected_ids, "the browser finds the native facts");
            let hash = fragment(&client).await;

            // A fact link inside the story names the story.
            let link = js(&client, "return document.querySelector('[data-testid=fact-link]').getAttribute('href')").await;
            let story_prefix = hash.trim_end_matches('/').to_string();
            assert!(link.as_str().unwrap().starts_with(&format!("{story_prefix}/fact/")), "{link}");
            click(&client, "[data-testid=fact-link]").await;
            find(&client, "[data-testid=fact-claim]").await;
            assert!(fragment(&client).await.starts_with(&format!("{story_prefix}/fact/")));

            // Reload: the story is still there, and the draft is gone.
            client.refresh().await.unwrap();
            find(&client, "[data-testid=fact-claim]").await;
            client.goto(&format!("{base}#/new")).await.unwrap();
            find(&client, "[data-testid=new-story-page]").await;
            assert_eq!(
                js(&client, "return document.querySelectorAll('[data-testid=article-text]').length").await,
                json!(1)
            );
            let records = stored(&client).await;
            assert_eq!(records.as_array().unwrap().len(), 1, "{records}");

            // Delete → undo on the story list.
            client.goto(&format!("{base}#/stories")).await.unwrap();
            find(&client, "[data-testid=saved-stories] [data-testid=story-card]").await;
            click(&client, "[data-testid=saved-stories] [data-testid=delete-story]").await;
            find(&client, "[data-testid=undo-delete]").await;
            wait_until(&client, "return document.querySelectorAll('[data-testid=saved-stories] [data-testid=story-card]').length === 0").await;
            click(&client, "[data-testid=undo-delete]").await;
            find(&client, "[data-testid=saved-stories] [data-testid=story-card]").await;
            assert_eq!(stored(&client).await, records, "undo restores the record as it was");
            let json = records[0][1].as_str().unwrap().to_string();

            // Edit: rename an outlet; the story keeps its id and shows the new name.
            click(&client, "[data-testid=saved-stories] [data-testid=edit-story]").await;
            wait_until(&client, "return document.querySelectorAll('[data-testid=article-outlet]').length === 2 && document.querySelectorAll('[data-testid=article-outlet]')[0].value === 'Valley Courier'").await;
            fill(&client, "[data-testid=article-outlet]", 0, "Valley Courier Online").await;
            click(&client, "[data-testid=save-story]").await;
            wait_until(&client, &format!("return location.hash === '{hash}'")).await;
            wait_until(&client, "return [...document.querySelectorAll('[data-testid=matrix] thead th.outlet-col')].some(th => th.textContent === 'Valley Courier Online')").await;
            assert_eq!(stored(&client).await.as_array().unwrap().len(), 1, "edited in place");
            tx.send(json).unwrap();
        })
        .await;
        rx.recv().unwrap()
    };

    // 2. The exported story file, imported in a fresh profile: the same facts.
    let dir = temp_dir("import");
    let story_path = dir.join("wildfire.parallax.json");
    std::fs::write(&story_path, &exported).unwrap();
    let broken_path = dir.join("broken.json");
    std::fs::write(&broken_path, &exported[..exported.len() / 2]).unwrap();
    let base = root.clone();
    let expected_ids = native.clone();
    let (tx, rx) = std::sync::mpsc::channel();
    with_browser(&driver, Browser::default(), move |client| async move {
        client.goto(&format!("{base}#/stories")).await.unwrap();
        find(&client, "[data-testid=no-saved-stories]").await;
        // A truncated file: a message, and nothing is stored.
        choose_files(&client, "[data-testid=import-story]", &[broken_path]).await;
        wait_until(
            &client,
            "return document.querySelector('[data-testid=import-message]').textContent.length > 0",
        )
        .await;
        assert_eq!(stored(&client).await, json!([]));
        choose_files(&client, "[data-testid=import-story]", &[story_path]).await;
        wait_until(&client, "return location.hash.startsWith('#/s/st-')").await;
        assert_eq!(fact_ids(&client).await, expected_ids, "the imported story has the same facts");
        // Copy story link (the clipboard stubbed, to read what was copied).
        js(&client, "navigator.clipboard.writeText = t => { window.__copied = t; return Promise.resolve(); }; return true").await;
        click(&client, "[data-testid=copy-story-link]").await;
        wait_until(&client, "return typeof window.__copied === 'string'").await;
        let link = js(&client, "return window.__copied").await.as_str().unwrap().to_string();
        let status = text_of(&client, "[data-testid=story-status]").await;
        assert!(status.contains("Story link copied"), "{status}");
        tx.send(link).unwrap();
        // A story this device does not have: said plainly.
        client
            .goto(&format!("{base}#/s/st-unknown/fact/f123"))
            .await
            .unwrap();
        let missing = text_of(&client, "[data-testid=story-missing]").await;
        assert!(missing.contains("not saved on this device"), "{missing}");
    })
    .await;

    let link = rx.recv().unwrap();

    // 3. The story link in a fresh profile: the same facts, a deep link to
    // one of them, "Save to my stories"; a cut-off link gets a message.
    assert!(link.contains("#/l/"), "{link}");
    let expected_ids = native.clone();
    with_browser(&driver, Browser::default(), move |client| async move {
        client.goto(&link).await.unwrap();
        find(&client, "[data-testid=shared-story]").await;
        assert_eq!(
            fact_ids(&client).await,
            expected_ids,
            "the linked story has the same facts"
        );
        let fact = &expected_ids[0];
        client.goto(&format!("{link}fact/{fact}")).await.unwrap();
        find(&client, "[data-testid=fact-claim]").await;
        assert_eq!(stored(&client).await, json!([]), "not saved until asked");
        click(&client, "[data-testid=save-shared]").await;
        wait_until(&client, "return location.hash.startsWith('#/s/st-')").await;
        assert!(fragment(&client).await.ends_with(&format!("/fact/{fact}")));
        find(&client, "[data-testid=fact-claim]").await;
        assert_eq!(stored(&client).await.as_array().unwrap().len(), 1);
        let cut = &link[..link.len() - link.len() / 3];
        client.goto(cut).await.unwrap();
        let missing = text_of(&client, "[data-testid=story-missing]").await;
        assert!(missing.contains("damaged or was cut off"), "{missing}");
    })
    .await;

    // 4. Files: a saved page with a script, a text file, a Markdown file →
    // three outlets; nothing in the page runs; bad files get a message.
    let dir = temp_dir("files");
    let page = dir.join("courier.html");
    std::fs::write(
        &page,
        format!(
            "<!doctype html><html><head><meta property=\"og:site_name\" content=\"Valley Courier\">\
             <script>window.__pwned = 'head'</script></head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\
             <article><h1>Thousands flee as wildfire closes in on Cedar Falls</h1><p>August 13, 2023</p>{}\
             <img src=x onerror=\"window.__pwned = 'img'\"><script>window.__pwned = 'body'</script>\
             <iframe src=\"javascript:parent.__pwned='frame'\"></iframe></article>\
             <footer>Subscribe to our newsletter</footer></body></html>",
            a.split("\n\n")
                .skip(2)
                .map(|p| format!("<p>{p}</p>"))
                .collect::<String>()
        ),
    )
    .unwrap();
    let text = dir.join("ridge.txt");
    std::fs::write(&text, &b).unwrap();
    let markdown = dir.join("third.md");
    std::fs::write(&markdown, story_text("wildfire-cedar-falls", "c")).unwrap();
    let image = dir.join("photo.png");
    std::fs::write(&image, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let base = root.clone();
    with_browser(&driver, Browser::default(), move |client| async move {
        client.goto(&format!("{base}#/new")).await.unwrap();
        find(&client, "[data-testid=new-story-page]").await;
        choose_files(&client, "[data-testid=add-files]", &[page, text, markdown, image]).await;
        wait_until(&client, "return document.querySelectorAll('[data-testid=article-text]').length === 3").await;
        let messages = text_of(&client, "[data-testid=new-story-messages]").await;
        assert!(messages.contains("photo.png") && messages.contains("PNG"), "{messages}");
        let first = js(&client, "return document.querySelectorAll('[data-testid=article-text]')[0].value").await;
        let first = first.as_str().unwrap();
        assert!(first.starts_with("Thousands flee as wildfire closes in on Cedar Falls"), "{first}");
        for furniture in ["__pwned", "Home", "Subscribe", "<p>", "<script"] {
            assert!(!first.contains(furniture), "{furniture} in {first}");
        }
        assert_eq!(
            js(&client, "return document.querySelectorAll('[data-testid=article-outlet]')[0].value").await,
            json!("Valley Courier"),
            "og:site_name names the outlet"
        );
        click(&client, "[data-testid=save-story]").await;
        wait_until(&client, "return location.hash.startsWith('#/s/st-')").await;
        find(&client, "[data-testid=fact-row]").await;
        assert_eq!(
            js(&client, "return document.querySelectorAll('[data-testid=matrix] thead th.outlet-col').length").await,
            json!(3),
            "three outlets"
        );
        assert_eq!(js(&client, "return window.__pwned === undefined").await, json!(true));
    })
    .await;

    // 5. Bad input gets a clear message and loses nothing: an empty story, a
    // Windows-1252 file (read, with a notice), a 50 MB file (refused and
    // named), the same article twice (asked; declined), a story file from a
    // newer version, and damaged records in the store (the list still opens,
    // says what it could not read, and changes nothing).
    let dir = temp_dir("bad");
    let latin = dir.join("latin.txt");
    std::fs::write(
        &latin,
        b"Caf\xe9 owners \x93welcome\x94 the new street plan\n\n12 March 2024\n\nThe caf\xe9 owners' association said on Tuesday that the plan would bring more visitors.\n",
    )
    .unwrap();
    let huge = dir.join("huge.txt");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(50 * 1024 * 1024)
        .unwrap();
    let once = dir.join("once.txt");
    std::fs::write(&once, &b).unwrap();
    let again = dir.join("again.txt");
    std::fs::write(&again, &b).unwrap();
    let newer = dir.join("newer.json");
    std::fs::write(
        &newer,
        r#"{"format": "parallax-story", "version": 99, "title": "From the future", "articles": []}"#,
    )
    .unwrap();
    let base = root.clone();
    with_browser(&driver, Browser::default(), move |client| async move {
        client.goto(&format!("{base}#/new")).await.unwrap();
        find(&client, "[data-testid=new-story-page]").await;
        click(&client, "[data-testid=save-story]").await;
        wait_until(&client, "return document.querySelector('[data-testid=new-story-messages]').textContent.includes('There is no article yet')").await;
        assert_eq!(fragment(&client).await, "#/new", "nothing saved");

        choose_files(&client, "[data-testid=add-files]", &[latin, huge]).await;
        wait_until(&client, "return document.querySelector('[data-testid=new-story-messages]').textContent.includes('huge.txt')").await;
        let messages = text_of(&client, "[data-testid=new-story-messages]").await;
        assert!(messages.contains("50 MB") && messages.contains("2 MB"), "{messages}");
        let text = js(&client, "return document.querySelectorAll('[data-testid=article-text]')[0].value").await;
        assert!(text.as_str().unwrap().starts_with("Café owners “welcome” the new street plan"), "{text}");
        let notes = text_of(&client, ".draft-notes").await;
        assert!(notes.contains("Windows-1252"), "{notes}");

        choose_files(&client, "[data-testid=add-files]", &[once]).await;
        wait_until(&client, "return document.querySelectorAll('[data-testid=article-text]').length === 2").await;
        choose_files(&client, "[data-testid=add-files]", &[again]).await;
        let started = std::time::Instant::now();
        let question = loop {
            if let Ok(text) = client.get_alert_text().await {
                break text;
            }
            assert!(started.elapsed().as_secs() < 15, "no question about the duplicate");
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        };
        assert!(question.contains("same text as article 2"), "{question}");
        client.dismiss_alert().await.unwrap();
        wait_until(&client, "return document.querySelector('[data-testid=new-story-messages]').textContent.includes('was not added again')").await;
        assert_eq!(
            js(&client, "return document.querySelectorAll('[data-testid=article-text]').length").await,
            json!(2)
        );

        // Pasting from a web page: the clipboard's HTML is read as an article.
        click(&client, "[data-testid=add-article]").await;
        wait_until(&client, "return document.querySelectorAll('[data-testid=article-text]').length === 3").await;
        js(
            &client,
            "const box = document.querySelectorAll('[data-testid=article-text]')[2];
             const data = new DataTransfer();
             data.setData('text/plain', 'plain');
             data.setData('text/html', '<meta property=\"og:site_name\" content=\"Harbour Herald\"><nav>Menu</nav><h1>Ferry service resumes</h1><p>4 June 2024</p><p>The ferry returned on Monday.</p><script>window.__pasted = 1</script><button>Share</button>');
             box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
             return true",
        )
        .await;
        wait_until(&client, "return document.querySelectorAll('[data-testid=article-text]')[2].value.startsWith('Ferry service resumes')").await;
        let pasted = js(&client, "return document.querySelectorAll('[data-testid=article-text]')[2].value").await;
        let pasted = pasted.as_str().unwrap();
        assert!(pasted.contains("The ferry returned on Monday."), "{pasted}");
        for furniture in ["Menu", "Share", "__pasted", "plain"] {
            assert!(!pasted.contains(furniture), "{furniture} in {pasted}");
        }
        assert_eq!(
            js(&client, "return document.querySelectorAll('[data-testid=article-outlet]')[2].value").await,
            json!("Harbour Herald")
        );
        assert_eq!(
            js(&client, "return document.querySelectorAll('[data-testid=article-date]')[2].value").await,
            json!("2024-06-04")
        );

        client.goto(&format!("{base}#/stories")).await.unwrap();
        find(&client, "[data-testid=no-saved-stories]").await;
        choose_files(&client, "[data-testid=import-story]", &[newer]).await;
        wait_until(&client, "return document.querySelector('[data-testid=import-message]').textContent.includes('newer Parallax')").await;

        // Damaged records, written straight into the store.
        client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 const open = indexedDB.open('parallax', 1);
                 open.onupgradeneeded = () => open.result.createObjectStore('stories');
                 open.onsuccess = () => {
                   const tx = open.result.transaction('stories', 'readwrite');
                   tx.objectStore('stories').put({ id: 'st-cut', updated: 1, story: '{\"format\": \"parallax-story\", \"version\": 1, \"tit' }, 'st-cut');
                   tx.objectStore('stories').put('not a record at all', 'st-odd');
                   tx.oncomplete = () => { open.result.close(); done(true); };
                 };",
                vec![],
            )
            .await
            .unwrap();
        let before = stored(&client).await;
        client.refresh().await.unwrap();
        find(&client, "[data-testid=stories-page]").await;
        wait_until(&client, "return document.querySelectorAll('[data-testid=store-problem]').length === 2").await;
        let problems = text_of(&client, "[data-testid=store-problem]").await;
        assert!(problems.contains("could not be read") || problems.contains("not a story"), "{problems}");
        assert_eq!(
            js(&client, "return document.querySelectorAll('[data-testid=download-unreadable]').length").await,
            json!(2),
            "what was stored can be downloaded"
        );
        assert_eq!(stored(&client).await, before, "nothing stored changed");
        // The bundled story still opens.
        click(&client, "[data-testid=story-card] a").await;
        find(&client, "[data-testid=fact-row]").await;
    })
    .await;

    // 6. The new pages on a 360 px phone, light and dark: no axe-core
    // violations (desktop widths are checked in tests/explorer.rs).
    for dark in [false, true] {
        let base = root.clone();
        let browser = Browser {
            width: 360,
            height: 780,
            dark,
        };
        with_browser(&driver, browser, move |client| async move {
            for (hash, ready) in [
                ("#/stories", "[data-testid=stories-page]"),
                ("#/new", "[data-testid=new-story-page]"),
            ] {
                client.goto(&format!("{base}{hash}")).await.unwrap();
                find(&client, ready).await;
                tokio::time::sleep(std::time::Duration::from_millis(300)).await;
                let violations = axe_violations(&client).await;
                assert_eq!(violations, json!([]), "{hash}, dark: {dark}");
            }
        })
        .await;
    }

    // 7. Twelve outlets: the compact matrix says who reports each fact and
    // names who does not. A large story shows its progress and can be
    // cancelled.
    let dir = temp_dir("large");
    let twelve = dir.join("twelve.parallax.json");
    std::fs::write(&twelve, to_json(&synthetic_story_file(12, 5 * 1024, 7))).unwrap();
    // (Synthetic stories repeat the seed's sentences, which now group into
    // few facts: this one has 80 different things in each of two
    // articles.)
    let hundred = dir.join("many-facts.parallax.json");
    let hundred_file = many_facts_story(80);
    let hundred_facts = StoryView::build(&hundred_file.clone().into_story("x"))
        .facts
        .len();
    assert!(
        hundred_facts > 150,
        "the story needs more facts than the first page shows: {hundred_facts}"
    );
    std::fs::write(&hundred, to_json(&hundred_file)).unwrap();
    let large = dir.join("large.parallax.json");
    std::fs::write(&large, to_json(&synthetic_story_file(3000, 5 * 1024, 7))).unwrap();
    let base = root.clone();
    with_browser(&driver, Browser::default(), move |client| async move {
        open_story_file(&client, &base, &twelve).await;
        assert_eq!(
            js(&client, "return document.querySelectorAll('[data-testid=matrix] thead th.outlet-col').length").await,
            json!(1),
            "one 'reported by' column instead of twelve"
        );
        let cells = js(&client, "return [...document.querySelectorAll('[data-testid=fact-row] .cell')].map(c => c.textContent)").await;
        let cells: Vec<String> = serde_json::from_value(cells).unwrap();
        assert!(cells.iter().all(|c| c.contains(" of 12 outlets.")), "{cells:?}");
        assert!(
            cells.iter().any(|c| c.contains("Not reported by Outlet ")),
            "missing outlets are named: {cells:?}"
        );
        // More facts than one page: the first 150, then "Show more".
        open_story_file(&client, &base, &hundred).await;
        find(&client, "[data-testid=show-more-facts]").await;
        // Drawn a batch a task, up to the first 150.
        wait_until(&client, "return !document.querySelector('[data-testid=matrix][aria-busy]')").await;
        assert_eq!(
            js(&client, "return document.querySelectorAll('[data-testid=fact-row]').length").await,
            json!(150)
        );
        click(&client, "[data-testid=show-more-facts]").await;
        wait_until(&client, &format!("return document.querySelectorAll('[data-testid=fact-row]').length === {hundred_facts}")).await;
        client.goto(&format!("{base}#/stories")).await.unwrap();
        find(&client, "[data-testid=stories-page]").await;
        choose_files(&client, "[data-testid=import-story]", &[large]).await;
        wait_until(&client, "const p = document.querySelector('[data-testid=build-progress]'); return !!p && p.textContent.includes('Reading the articles')").await;
        click(&client, "[data-testid=cancel-build]").await;
        let message = text_of(&client, "[data-testid=story-missing]").await;
        assert!(message.contains("cancelled"), "{message}");
        assert_eq!(stored(&client).await.as_array().unwrap().len(), 3, "the stories themselves are kept");
        // The cancelled build's worker was stopped; the next build in a
        // worker starts a new one.
        let in_worker = |marks: Vec<String>| marks.iter().filter(|m| *m == "parallax-build-worker").count();
        let before = in_worker(marks(&client).await);
        assert!(before >= 2, "the many-fact and the cancelled story");
        client.goto(&format!("{base}#/stories")).await.unwrap();
        find(&client, "[data-testid=stories-page]").await;
        // (Nothing kept on the device either, so it is built.)
        js(&client, "return new Promise(ok => { const d = indexedDB.deleteDatabase('parallax-cache'); d.onsuccess = d.onerror = () => ok(true); })").await;
        // The list is read from the device after the page shows.
        wait_until(&client, "return [...document.querySelectorAll('[data-testid=open-story]')].some(a => a.textContent.includes('of 12 articles'))").await;
        js(&client, "localStorage.setItem('parallax-engine', 'worker');
                     [...document.querySelectorAll('[data-testid=open-story]')].find(a => a.textContent.includes('of 12 articles')).click();
                     return true").await;
        find(&client, "[data-testid=fact-row]").await;
        assert_eq!(in_worker(marks(&client).await), before + 1);
    })
    .await;

    // 8. The one-file copy with a story in it ("Offline copy with this
    // story" embeds it the same way) opens that story from file://.
    let dir = temp_dir("one-file");
    let page = std::fs::read_to_string(dist_dir().join("parallax-offline.html")).unwrap();
    let one_file = dir.join("wildfire.html");
    std::fs::write(&one_file, embed_in_html(&page, &expected).unwrap()).unwrap();
    let url = format!("file://{}", one_file.display());
    let expected_ids = native.clone();
    with_browser(&driver, Browser::default(), move |client| async move {
        client.goto(&url).await.unwrap();
        let title = text_of(&client, "[data-testid=story-title]").await;
        assert_eq!(title, "Wildfire at Cedar Falls");
        assert_eq!(
            fact_ids(&client).await,
            expected_ids,
            "the embedded story has the native facts"
        );
        assert!(fragment(&client).await.starts_with("#/e/"));
        let fact = &expected_ids[0];
        client.goto(&format!("{url}#/e/fact/{fact}")).await.unwrap();
        find(&client, "[data-testid=fact-claim]").await;
    })
    .await;

    // 9. Wire copy: three outlets of a six-outlet story carry one agency's
    // text; the overview says so, and a fact says who carries the same text.
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("core/tests/multi_outlet/tuning/football-final-aldermoor");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let dir = temp_dir("wire");
    let six = dir.join("six.parallax.json");
    let articles = files
        .iter()
        .enumerate()
        .map(|(i, path)| StoryFileArticle {
            id: format!("a{}", i + 1),
            outlet: path.file_stem().unwrap().to_string_lossy().into_owned(),
            outlet_note: None,
            url: None,
            published: None,
            text: std::fs::read_to_string(path).unwrap(),
        })
        .collect();
    std::fs::write(&six, to_json(&StoryFile::new("Cup final", articles))).unwrap();
    let base = root.clone();
    with_browser(&driver, Browser::default(), move |client| async move {
        client.goto(&format!("{base}#/stories")).await.unwrap();
        find(&client, "[data-testid=stories-page]").await;
        choose_files(&client, "[data-testid=import-story]", &[six]).await;
        let wire = text_of(&client, "[data-testid=wire-outlets]").await;
        for outlet in ["continental-press", "daily-ledger", "tribune-online"] {
            assert!(wire.contains(outlet), "{outlet} not in {wire}");
        }
        for outlet in ["castlemere-echo", "harwick-gazette", "sportsline"] {
            assert!(!wire.contains(outlet), "{outlet} in {wire}");
        }
        find(&client, "[data-testid=wire-tag]").await;
        let row_link = js(&client, "return document.querySelector('[data-testid=wire-tag]').closest('tr').querySelector('[data-testid=fact-link]').getAttribute('href')").await;
        client.goto(&format!("{base}{}", row_link.as_str().unwrap())).await.unwrap();
        let note = text_of(&client, "[data-testid=wire-note]").await;
        assert!(note.contains("same text"), "{note}");
    })
    .await;
}

/// Two outlets' reports of `count` different things each: at least `count`
/// facts, whatever the aligner pairs (each fact has at most one sentence
/// of each article).
fn many_facts_story(count: usize) -> StoryFile {
    const SYLLABLES: [&str; 12] = [
        "ka", "lo", "mer", "vin", "dus", "tal", "bre", "sho", "pan", "quil", "ro", "zet",
    ];
    let word = |n: usize| {
        let (a, b, c) = (n % 12, (n / 12) % 12, (n / 144) % 12);
        let text = format!("{}{}{}", SYLLABLES[a], SYLLABLES[b], SYLLABLES[c]);
        let mut chars = text.chars();
        chars
            .next()
            .map_or(String::new(), |f| f.to_uppercase().chain(chars).collect())
    };
    let article = |first: usize, outlet: &str| StoryFileArticle {
        id: outlet.to_lowercase().replace(' ', "-"),
        outlet: outlet.to_string(),
        outlet_note: None,
        url: None,
        published: Some("2026-03-02".to_string()),
        text: format!(
            "Inspectors publish their yearly list\n\n{}\n",
            (first..first + count)
                .map(|n| format!(
                    "{} of {} said {} workers had moved to {} by {} o'clock.",
                    word(3 * n),
                    word(3 * n + 1),
                    n + 2,
                    word(3 * n + 2),
                    n % 12 + 1
                ))
                .collect::<Vec<_>>()
                .join("\n\n")
        ),
    };
    StoryFile::new(
        "A story of many facts".to_string(),
        vec![article(0, "Outlet One"), article(count, "Outlet Two")],
    )
}

/// Downloads the open story's web annotations (its overview's export) and
/// checks that they are a W3C annotation collection.
async fn export_annotations(client: &Client) -> Value {
    capture_downloads(client).await;
    click(client, "[data-testid=export-annotations]").await;
    let (name, text) = downloaded(client).await;
    assert!(name.ends_with("-claims.jsonld"), "{name}");
    let annotations: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(annotations["type"], "AnnotationCollection");
    annotations
}

/// Chooses `file` in the story list's import and waits for its matrix.
async fn open_story_file(client: &Client, base: &str, path: &Path) {
    client.goto(&format!("{base}#/stories")).await.unwrap();
    find(client, "[data-testid=stories-page]").await;
    choose_files(client, "[data-testid=import-story]", &[path.to_path_buf()]).await;
    find(client, "[data-testid=fact-row]").await;
}

/// A story is built by the engine in its worker, shows the same facts as
/// the native pipeline, and its web annotations come from the worker; in a
/// browser where no worker starts, the engine is loaded onto the page and
/// does both there.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stories_are_built_in_the_worker_or_on_the_page() {
    let server = StaticServer::start(dist_dir());
    let driver = ChromeDriver::start();
    let dir = temp_dir("worker");
    let file = synthetic_story_file(16, 5 * 1024, 7);
    let expected = native_fact_ids(&file);
    let path = dir.join("big.parallax.json");
    std::fs::write(&path, to_json(&file)).unwrap();

    let base = server.url("/");
    let (big, wanted) = (path.clone(), expected.clone());
    with_browser(&driver, Browser::default(), move |client| async move {
        open_story_file(&client, &base, &big).await;
        let seen = marks(&client).await;
        assert!(
            seen.iter().any(|m| m == "parallax-build-worker"),
            "{seen:?}"
        );
        assert!(!seen.iter().any(|m| m == "parallax-build-page"), "{seen:?}");
        assert_eq!(fact_ids(&client).await, wanted);

        // The export is made by the worker, which kept the analyses.
        let annotations = export_annotations(&client).await;
        let sentences = js(
            &client,
            "return document.querySelectorAll('[data-testid=fact-row]').length",
        )
        .await;
        assert!(annotations["total"].as_u64().unwrap() >= sentences.as_u64().unwrap());
    })
    .await;

    // The engine on the page (as where no worker can start: the one-file
    // copy from disk, tested in `own_story_journeys`): the same story is
    // built there. (The app starts its worker right after the first paint,
    // so the page is told before it loads, and no worker may start.)
    let base = server.url("/");
    with_browser(&driver, Browser::default(), move |client| async move {
        client.goto(&format!("{base}#/stories")).await.unwrap();
        find(&client, "[data-testid=stories-page]").await;
        js(
            &client,
            "localStorage.setItem('parallax-engine', 'page'); return true",
        )
        .await;
        client.refresh().await.unwrap();
        find(&client, "[data-testid=stories-page]").await;
        js(
            &client,
            "window.Worker = function () { throw new Error('no workers here'); }; return true",
        )
        .await;
        choose_files(&client, "[data-testid=import-story]", &[path]).await;
        find(&client, "[data-testid=fact-row]").await;
        let seen = marks(&client).await;
        assert!(seen.iter().any(|m| m == "parallax-build-page"), "{seen:?}");
        assert!(
            !seen.iter().any(|m| m == "parallax-build-worker"),
            "{seen:?}"
        );
        assert_eq!(fact_ids(&client).await, expected);
        assert_eq!(
            js(&client, "return typeof window.parallaxEngine").await,
            Value::from("function"),
            "the page's engine loader"
        );

        // The export is made by the engine on the page.
        export_annotations(&client).await;
    })
    .await;
}

/// Files dropped on the new-story page become articles; when the device
/// will not keep the story (its storage quota is full), saving says so,
/// the draft stays, and the story can be downloaded as a story file.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dropped_files_survive_a_full_quota() {
    let server = StaticServer::start(dist_dir());
    let driver = ChromeDriver::start();
    let base = server.url("/");
    let (a, b) = (
        story_text("wildfire-cedar-falls", "a"),
        story_text("wildfire-cedar-falls", "b"),
    );
    with_browser(&driver, Browser::default(), move |client| async move {
        client.goto(&format!("{base}#/new")).await.unwrap();
        find(&client, "[data-testid=drop-zone]").await;
        client
            .execute(
                "const [a, b] = arguments; const data = new DataTransfer();
                 data.items.add(new File([a], 'courier.txt', { type: 'text/plain' }));
                 data.items.add(new File([b], 'ridge.md', { type: 'text/markdown' }));
                 document.querySelector('[data-testid=drop-zone]').dispatchEvent(
                   new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));",
                vec![json!(a), json!(b)],
            )
            .await
            .unwrap();
        wait_until(
            &client,
            "const boxes = [...document.querySelectorAll('[data-testid=article-text]')];
             return boxes.length === 2 && boxes.every(b => b.value.length > 500)",
        )
        .await;

        js(
            &client,
            "IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
             return true",
        )
        .await;
        capture_downloads(&client).await;
        click(&client, "[data-testid=save-story]").await;
        wait_until(
            &client,
            "return document.querySelector('[data-testid=new-story-messages]').textContent.includes('storage for the page is full')",
        )
        .await;
        assert!(fragment(&client).await.starts_with("#/new"), "still on the draft");
        assert_eq!(
            js(&client, "return document.querySelectorAll('[data-testid=article-text]').length").await,
            json!(2)
        );
        click(&client, "[data-testid=download-draft]").await;
        let (_, text) = downloaded(&client).await;
        let file = parallax_core::import::story_file::parse_story_file(&text).unwrap();
        assert_eq!(file.articles.len(), 2);
        assert_eq!(file.articles[1].text.trim(), story_text("wildfire-cedar-falls", "b").trim());
    })
    .await;
}

/// Not a check: time from choosing a story file of 10, 100 and 1,000
/// articles to its matrix in the DOM, the longest main-thread task meanwhile
/// (Long Tasks API), the page's JS heap and the page's and the engine's
/// wasm memory (marks' details). Run by `./run.sh bench`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a benchmark: ./run.sh bench"]
async fn own_story_benchmark() {
    let server = StaticServer::start(dist_dir());
    let driver = ChromeDriver::start();
    let dir = temp_dir("bench");
    for articles in bench_sizes() {
        let path = dir.join(format!("story-{articles}.parallax.json"));
        std::fs::write(&path, to_json(&synthetic_story_file(articles, 5 * 1024, 7))).unwrap();
        let base = server.url("/");
        with_browser(&driver, Browser::default(), move |client| async move {
            client.goto(&format!("{base}#/stories")).await.unwrap();
            find(&client, "[data-testid=stories-page]").await;
            js(
                &client,
                "window.__longest = 0; window.__matrixAt = null;
                 new PerformanceObserver(l => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); })
                   .observe({ type: 'longtask' });
                 new MutationObserver(() => { if (!window.__matrixAt && document.querySelector('[data-testid=fact-row]')) window.__matrixAt = performance.now(); })
                   .observe(document.body, { childList: true, subtree: true });
                 window.__chosenAt = performance.now(); return true",
            )
            .await;
            // A reader takes longer than this to choose a file: the
            // engine's worker, started after the first paint, is ready.
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            js(&client, "window.__longest = 0; window.__chosenAt = performance.now(); return true").await;
            choose_files(&client, "[data-testid=import-story]", &[path]).await;
            wait_until(&client, "return window.__matrixAt !== null").await;
            let result = js(
                &client,
                "const last = n => { const m = performance.getEntriesByName(n); return m.length ? m[m.length - 1] : null; };
                 const at = n => last(n) ? last(n).startTime : NaN;
                 const detail = n => last(n) && typeof last(n).detail === 'number' ? last(n).detail / 1e6 : NaN;
                 return [window.__matrixAt - window.__chosenAt, window.__longest, performance.memory ? performance.memory.usedJSHeapSize / 1e6 : null,
                   at('parallax-build-start') - window.__chosenAt, at('parallax-engine-answered') - at('parallax-build-start'),
                   at('parallax-built') - at('parallax-engine-answered'), window.__matrixAt - at('parallax-built'),
                   detail('parallax-engine-answered'), detail('parallax-built'),
                   at('parallax-built') - at('parallax-parts-read'),
                   at('parallax-saved') - window.__chosenAt, at('parallax-story-loaded') - at('parallax-saved'), at('parallax-file-read') - window.__chosenAt]",
            )
            .await;
            let number = |i: usize| result[i].as_f64().unwrap_or(f64::NAN);
            println!(
                "own story, {articles} articles: file chosen → matrix {:.0} ms (read, save and load {:.0} ms [read {:.0}, saved {:.0}, opened {:.0}]; engine: analysis, alignment and sending {:.0} ms; reading its parts {:.0} ms, of which putting them together {:.0} ms; rendering {:.0} ms), longest main-thread task {:.0} ms; memory: page JS heap {:.0} MB, page wasm {:.0} MB, engine wasm {:.0} MB",
                number(0),
                number(3),
                number(12),
                number(10) - number(12),
                number(11),
                number(4),
                number(5),
                number(9),
                number(6),
                number(1),
                number(2),
                number(8),
                number(7)
            );
        })
        .await;
    }
}

/// The story sizes the benchmark runs (`PARALLAX_BENCH_ARTICLES=10,100`
/// picks others).
fn bench_sizes() -> Vec<usize> {
    std::env::var("PARALLAX_BENCH_ARTICLES")
        .ok()
        .map(|v| v.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10, 100, 1000])
}
