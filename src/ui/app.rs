//! The app shell: header, the route signal fed by `hashchange`, and the
//! page for the current route.

use std::sync::Arc;

use leptos::prelude::*;
use parallax_core::compare::StoryView;
use parallax_core::corpus::bundled_stories;

use crate::route::Route;
use crate::ui::components::offline_copy::OfflineCopy;
use crate::ui::components::update_notice::UpdateNotice;
use crate::ui::offline::register_service_worker;
use crate::ui::pages::story::StoryPage;

/// The current `location.hash`, or `""` outside a browser.
pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

#[component]
pub fn App() -> impl IntoView {
    let (stories, diagnostics) = bundled_stories();
    let route = RwSignal::new(Route::parse(&current_hash()));
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(Route::parse(&current_hash()));
    });
    on_cleanup(move || listener.remove());
    let update_ready = RwSignal::new(false);
    register_service_worker(update_ready);

    let page = match stories.first() {
        Some(story) => {
            let story = Arc::new(StoryView::build(story));
            view! { <StoryPage story route /> }.into_any()
        }
        None => view! {
            <p class="notice" role="alert" data-testid="corpus-error">
                "The bundled corpus holds no story. "
                {diagnostics.iter().map(|d| d.message.clone()).collect::<Vec<_>>().join(" ")}
            </p>
        }
        .into_any(),
    };

    view! {
        <a class="skip-link" href="#main" on:click=|ev| {
            ev.prevent_default();
            focus_main();
        }>"Skip to the story"</a>
        <header class="topbar">
            <a class="brand" href="#/" aria-label="Parallax, back to the story">
                <span class="brand-mark" aria-hidden="true">"◐"</span>
                "Parallax"
            </a>
            <span class="tagline">"How different outlets reported the same facts"</span>
            <OfflineCopy />
        </header>
        <UpdateNotice ready=update_ready />
        <main id="main" tabindex="-1">{page}</main>
    }
}

fn focus_main() {
    use wasm_bindgen::JsCast;
    if let Some(main) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
    }
}
