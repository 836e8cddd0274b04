//! Screenshots of the release build for the README and for looking at the UI:
//! desktop and phone widths, light and dark. Not a check; run it with
//! `./run.sh screenshots` (it is ignored by the normal test run).
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::{Path, PathBuf};

use parallax_core::import::story_file::{StoryFile, StoryFileArticle, to_json};
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
    let fact = "#/fact/febd370acefd8";
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
        ("phone-entities-dark", 360, 780, true, "#/entities"),
        (
            "unknown-link",
            1360,
            700,
            false,
            "#/claim/5cdbf99d/000000000000?q=The%20records%20were%20never%20published",
        ),
        ("stories-light", 1360, 900, false, "#/stories"),
        ("stories-phone-dark", 360, 780, true, "#/stories"),
        ("new-story-dark", 1360, 900, true, "#/new"),
        ("new-story-phone-light", 360, 780, false, "#/new"),
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
            find(&client, "[data-testid=story-title], [data-testid=stories-page], [data-testid=new-story-page]").await;
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
            shoot(&client, &path).await;
        })
        .await;
    }

    // A six-outlet story of one's own, imported from a story file: its matrix.
    let file = story_file("tuning/football-final-aldermoor", "The Aldermoor cup final");
    let shots = [
        ("six-outlets-light", 1360, 900, false),
        ("six-outlets-phone-dark", 360, 780, true),
    ];
    imported_story_shots(&driver, &server, &out, &file, shots, |client, path, dark| async move {
        shoot(&client, &path).await;
        // The first fact several outlets carry as the same wire text.
        if !dark {
            open_fact_of_row(&client, "[data-testid=wire-tag]").await;
            find(&client, "[data-testid=wire-note]").await;
            js(&client, "document.querySelector('[data-testid=wire-note]').scrollIntoView(); return true").await;
            shoot(&client, &path.with_file_name("wire-fact-light.png")).await;
        }
    })
    .await;

    // A story whose outlets give different times for one event (the
    // in-sample ninth folder's eruption, 11.40pm / 11.52pm): the fact view
    // with its "times differ" difference.
    let file = story_file(
        "set-aside-ninth/volcano-morvatn-ash-flights",
        "Morvatn eruption",
    );
    let shots = [
        ("time-difference-light", 1360, 900, false),
        ("time-difference-phone-dark", 360, 780, true),
    ];
    imported_story_shots(&driver, &server, &out, &file, shots, |client, path, _| async move {
        open_fact_of_row(&client, ".diff-time").await;
        find(&client, "[data-testid=fact-view] .diff-time").await;
        js(
            &client,
            "document.querySelector('[data-testid=fact-view] .diff-time').scrollIntoView({block: 'center'}); return true",
        )
        .await;
        shoot(&client, &path).await;
    })
    .await;

    // A story whose dates run over two years (job cuts "by the end of
    // 2027"): its timeline's axis labels.
    let file = story_file("tuning/results-kestmark-job-cuts", "Kestmark job cuts");
    let shots = [
        ("timeline-years-light", 1360, 900, false),
        ("timeline-years-phone-dark", 360, 780, true),
    ];
    imported_story_shots(
        &driver,
        &server,
        &out,
        &file,
        shots,
        |client, path, _| async move {
            js(
                &client,
                "document.querySelector('[data-testid=tab-timeline]').click(); return true",
            )
            .await;
            find(&client, "[data-testid=time-entry]").await;
            shoot(&client, &path).await;
        },
    )
    .await;
}

/// For each of `shots` (name, width, height, dark): a browser of that size
/// and scheme imports the story file `file` on the stories page, then
/// `journey` takes the screenshots (given the client, the shot's path in
/// `out` and whether it is dark).
async fn imported_story_shots<F, Fut>(
    driver: &ChromeDriver,
    server: &StaticServer,
    out: &Path,
    file: &Path,
    shots: [(&str, u32, u32, bool); 2],
    journey: F,
) where
    F: Fn(fantoccini::Client, PathBuf, bool) -> Fut + Clone + Send + 'static,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    for (name, width, height, dark) in shots {
        let url = format!("{}#/stories", server.url("/"));
        let path = out.join(format!("{name}.png"));
        let file = file.to_path_buf();
        let journey = journey.clone();
        let browser = Browser {
            width,
            height,
            dark,
        };
        with_browser(driver, browser, move |client| async move {
            import_story(&client, &url, &file).await;
            journey(client, path, dark).await;
        })
        .await;
    }
}

/// Opens the stories page at `url`, imports the story file `file` with the
/// import button and waits for its fact matrix.
async fn import_story(client: &fantoccini::Client, url: &str, file: &Path) {
    client.goto(url).await.unwrap();
    find(client, "[data-testid=stories-page]").await;
    let input = client
        .find(fantoccini::Locator::Css("[data-testid=import-story]"))
        .await
        .unwrap();
    input.send_keys(&file.display().to_string()).await.unwrap();
    find(client, "[data-testid=fact-row]").await;
}

/// Opens the fact view of the first matrix row holding `selector`.
async fn open_fact_of_row(client: &fantoccini::Client, selector: &str) {
    let link = js(
        client,
        &format!(
            "return document.querySelector('{selector}').closest('tr').querySelector('[data-testid=fact-link]').getAttribute('href')"
        ),
    )
    .await;
    let hash = link.as_str().unwrap_or_default().to_string();
    js(client, &format!("location.hash = '{hash}'; return true")).await;
}

/// A story file of a multi-outlet test story (`core/tests/multi_outlet/<folder>`, in-sample only),
/// one article per outlet, written to a temporary file for the import button.
fn story_file(folder: &str, title: &str) -> PathBuf {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("core/tests/multi_outlet")
        .join(folder);
    let mut names: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt") && !p.ends_with("truth.txt"))
        .collect();
    names.sort();
    let articles = names
        .iter()
        .enumerate()
        .map(|(i, path)| StoryFileArticle {
            id: format!("a{}", i + 1),
            outlet: outlet_label(path),
            outlet_note: None,
            url: None,
            published: None,
            text: std::fs::read_to_string(path).unwrap(),
        })
        .collect();
    let file = std::env::temp_dir().join(format!(
        "parallax-shots-{}-{}.json",
        std::process::id(),
        folder.file_name().unwrap().to_string_lossy()
    ));
    std::fs::write(&file, to_json(&StoryFile::new(title, articles))).unwrap();
    file
}

/// Lets the page settle (fonts, scrolling), then writes its screenshot to `path`.
async fn shoot(client: &fantoccini::Client, path: &Path) {
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    let png = client.screenshot().await.unwrap();
    std::fs::write(path, png).unwrap();
    println!("wrote {}", path.display());
}

/// "castlemere-echo.txt" → "Castlemere Echo".
fn outlet_label(path: &Path) -> String {
    let stem = path.file_stem().unwrap().to_string_lossy();
    stem.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}
