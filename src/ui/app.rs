//! The app shell: header, the story's title, the view tabs, the route
//! signal fed by `hashchange`, and the page for the current view. The
//! view-model is built once here; pages only read it.

use std::sync::Arc;

use leptos::prelude::*;
use parallax_core::compare::StoryView;
use parallax_core::corpus::bundled_stories;

use crate::route::{Route, View};
use crate::ui::components::link_notice::LinkNotice;
use crate::ui::components::nav::ViewNav;
use crate::ui::components::offline_copy::OfflineCopy;
use crate::ui::components::update_notice::UpdateNotice;
use crate::ui::offline::register_service_worker;
use crate::ui::pages::entities::EntitiesPage;
use crate::ui::pages::fact::FactPage;
use crate::ui::pages::overview::OverviewPage;
use crate::ui::pages::quotes::QuotesPage;
use crate::ui::pages::story::StoryPage;
use crate::ui::pages::timeline::TimelinePage;

/// The current `location.hash`, or `""` outside a browser.
pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Shows `route` without a new history entry (filters typed letter by letter).
pub fn replace_route(route: &Route) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace(&route.href());
    }
}

/// The page's address without its fragment, for absolute share links.
pub fn page_base() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// Moves keyboard focus to an element by id (pages' headings have `tabindex=-1`).
pub fn focus_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
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

    let content = match stories.into_iter().next() {
        Some(story) => {
            // The title and tabs paint at once; the analysis and alignment
            // run in the next task, so the first paint is not held up and no
            // task blocks the page for their whole length.
            let ready = RwSignal::new(None::<Arc<StoryView>>);
            let title = story.title.clone();
            let outlets = story.articles.len();
            set_timeout(
                move || ready.set(Some(Arc::new(StoryView::build(&story)))),
                std::time::Duration::ZERO,
            );
            shell(title, outlets, ready, route).into_any()
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
            focus_id("main");
        }>"Skip to the content"</a>
        <header class="topbar">
            <a class="brand" href="#/" aria-label="Parallax, back to the coverage matrix">
                <span class="brand-mark" aria-hidden="true">"◐"</span>
                "Parallax"
            </a>
            <span class="tagline">"How different outlets reported the same facts"</span>
            <OfflineCopy />
        </header>
        <UpdateNotice ready=update_ready />
        <main id="main" tabindex="-1">{content}</main>
    }
}

fn shell(
    title: String,
    outlets: usize,
    ready: RwSignal<Option<Arc<StoryView>>>,
    route: RwSignal<Route>,
) -> impl IntoView {
    let view_kind = Memo::new(move |_| route.with(Route::view));
    // After following a link to another view, focus its heading so keyboard
    // and screen-reader users land on the new content (not on first load).
    Effect::new(move |previous: Option<View>| {
        let current = view_kind.get();
        if previous.is_some_and(|p| p != current) {
            request_animation_frame(|| focus_id("page-title"));
        }
        current
    });
    let page = move || {
        let Some(story) = ready.get() else {
            return view! {
                <p class="preparing" role="status">"Comparing the outlets…"</p>
            }
            .into_any();
        };
        let page = match view_kind.get() {
            View::Facts => view! { <OverviewPage story=story.clone() route /> }.into_any(),
            View::Fact => view! { <FactPage story=story.clone() route /> }.into_any(),
            View::Read => view! { <StoryPage story=story.clone() route /> }.into_any(),
            View::Quotes => view! { <QuotesPage story=story.clone() route /> }.into_any(),
            View::Timeline => view! { <TimelinePage story=story.clone() route /> }.into_any(),
            View::Entities => view! { <EntitiesPage story=story.clone() route /> }.into_any(),
        };
        view! {
            <LinkNotice story route />
            {page}
        }
        .into_any()
    };
    let facts = move || {
        ready.with(|s| {
            s.as_ref()
                .map(|s| format!(" · {} facts", s.facts.len()))
                .unwrap_or_default()
        })
    };
    view! {
        <div class="story" data-testid="story">
            <div class="story-head">
                <p class="eyebrow">"Story · " {outlets} " outlets" {facts}</p>
                <h1 id="story-title" data-testid="story-title">{title}</h1>
            </div>
            <ViewNav route />
            {page}
        </div>
    }
}
