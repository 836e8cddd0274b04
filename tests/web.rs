//! wasm-bindgen tests, run in headless Chromium: the core pipeline gives the
//! same answers in the browser as natively, and the mounted app follows the
//! URL fragment (with the engine on the page, as where no worker runs: the
//! test's page has no worker script).
#![cfg(target_arch = "wasm32")]

use parallax_core::compare::StoryView;
use parallax_core::corpus::bundled_stories;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Gives the page the engine's loader that `postbuild` writes into the
/// built app (`window.parallaxEngine`), here backed by the engine's host
/// linked into this test, and asks the app to use it.
fn provide_the_engine_on_the_page() {
    let window = web_sys::window().unwrap();
    let load = Closure::<dyn FnMut(js_sys::Function) -> js_sys::Promise>::new(
        |reply: js_sys::Function| {
            let post: wasm_bindgen::JsValue = parallax::engine::host::serve_page(reply).into();
            js_sys::Promise::resolve(&post)
        },
    );
    js_sys::Reflect::set(&window, &"parallaxEngine".into(), load.as_ref()).unwrap();
    load.forget();
    window
        .local_storage()
        .unwrap()
        .unwrap()
        .set_item("parallax-engine", "page")
        .unwrap();
}

/// Lets the browser run pending tasks (hashchange, effects, animation frames).
async fn settle() {
    for _ in 0..3 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }
}

#[wasm_bindgen_test]
fn the_pipeline_parses_the_seeds_in_the_browser() {
    let (stories, diagnostics) = bundled_stories();
    assert!(diagnostics.is_empty());
    let story = StoryView::build(&stories[0]);
    let published: Vec<_> = story
        .articles
        .iter()
        .map(|a| a.published.as_ref().map(|p| p.iso.clone()))
        .collect();
    assert_eq!(
        published,
        [
            Some("2014-12-18T09:27".to_string()),
            Some("2014-12-18".to_string())
        ]
    );
    assert_eq!(story.articles[0].apart.len(), 4, "four furniture lines");
    assert_eq!(story.articles[1].apart[0].label, "Author bio");
    assert_eq!(
        story.sentence("985eb20a", 1).map(|s| s.span),
        Some(parallax_core::Span::new(235, 449))
    );
}

#[wasm_bindgen_test]
async fn the_app_follows_the_url_fragment() {
    let window = web_sys::window().unwrap();
    window.location().set_hash("#/sentence/5cdbf99d/2").unwrap();
    provide_the_engine_on_the_page();
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let host: web_sys::HtmlElement = host.dyn_into().unwrap();
    leptos::mount::mount_to(host.clone(), parallax::ui::App).forget();
    // The view-model is built in the task after mounting.
    for _ in 0..200 {
        settle().await;
        if host.query_selector(".preparing").unwrap().is_none() {
            break;
        }
    }
    settle().await;

    assert_eq!(
        host.query_selector_all("[data-testid=article]")
            .unwrap()
            .length(),
        2
    );
    let selected = host
        .query_selector(".sentence.selected")
        .unwrap()
        .expect("a selected sentence");
    assert_eq!(selected.id(), "s-5cdbf99d-2");
    assert_eq!(
        selected.get_attribute("aria-current").as_deref(),
        Some("true")
    );

    // A new fragment moves the selection; nothing else is needed.
    window.location().set_hash("#/sentence/985eb20a/4").unwrap();
    settle().await;
    let selected = host.query_selector_all(".sentence.selected").unwrap();
    assert_eq!(selected.length(), 1);
    let selected: web_sys::Element = selected.get(0).unwrap().dyn_into().unwrap();
    assert_eq!(selected.id(), "s-985eb20a-4");

    // An unknown fragment shows the message and the coverage matrix.
    window.location().set_hash("#/nothing/here").unwrap();
    settle().await;
    let message = host
        .query_selector("[data-testid=link-error]")
        .unwrap()
        .expect("a message");
    assert!(
        message
            .text_content()
            .unwrap()
            .contains("does not point to anything")
    );
    assert!(host.query_selector(".sentence.selected").unwrap().is_none());
    assert!(
        host.query_selector_all("[data-testid=fact-row]")
            .unwrap()
            .length()
            > 10
    );

    // A fact link shows that fact's sentences side by side.
    window.location().set_hash("#/fact/febd370acefd8").unwrap();
    settle().await;
    assert_eq!(
        host.query_selector_all("[data-testid=fact-claim]")
            .unwrap()
            .length(),
        2
    );
    window.location().set_hash("").unwrap();
}

/// The page's search lowercases with the browser (`ui::text`), the native
/// engine with Rust: both give the same text, so a search finds the same
/// facts wherever it runs.
#[wasm_bindgen_test]
fn the_browser_lowercases_as_rust_does() {
    for text in [
        "Cinema Chains",
        "ÉCOLE Ærøskøbing ÀÎÕÜ",
        "ΟΔΥΣΣΕΥΣ ΣΑΣ",
        "İstanbul KIRIKKALE",
        "STRASSE ẞ ǅ ǈ",
        "ДОНЕЦЬК Київ",
        "",
    ] {
        assert_eq!(
            parallax::ui::text::lowercase(text),
            text.to_lowercase(),
            "{text}"
        );
    }
}
