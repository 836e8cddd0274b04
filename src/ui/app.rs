//! The app shell: the header, the place signal fed by `hashchange`, and the
//! page for the current place: the story list, a new or edited story, or a
//! story (its title, the view tabs and the page for the current view). A
//! story's view-model is built once per story and kept while it is open;
//! pages only read it.

use std::sync::Arc;

use leptos::prelude::*;
use parallax_core::compare::StoryView;
use parallax_core::corpus::{Story, bundled_stories};

use crate::route::{Place, Route, StoryRef, View};
use crate::ui::building::{Building, Progress, build};
use crate::ui::components::build_progress::BuildProgress;
use crate::ui::components::link_notice::UnknownLinkNotice;
use crate::ui::components::nav::ViewNav;
use crate::ui::components::offline_copy::OfflineCopy;
use crate::ui::components::story_actions::StoryActions;
use crate::ui::components::update_notice::UpdateNotice;
use crate::ui::offline::register_service_worker;
use crate::ui::pages::later::{new_story, story_page};
use crate::ui::pages::stories::StoriesPage;
use crate::ui::saved;

/// The current `location.hash`, or `""` outside a browser.
pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// A route's link inside the story the page shows now (the URL says which).
pub trait Link {
    fn link(&self) -> String;
}

impl Link for Route {
    fn link(&self) -> String {
        StoryRef::of_hash(&current_hash()).href(self)
    }
}

/// Shows `route` without a new history entry (filters typed letter by letter).
pub fn replace_route(route: &Route) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace(&route.link());
    }
}

/// Goes to `place` (a new history entry).
pub fn go(place: &Place) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(&place.href());
    }
}

/// The page's address without its fragment, for absolute share links.
pub fn page_base() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// Moves keyboard focus to an element by id (pages' headings have
/// `tabindex=-1`); false if there is no such element.
pub fn focus_id(id: &str) -> bool {
    use wasm_bindgen::JsCast;
    match web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        Some(element) => element.focus().is_ok(),
        None => false,
    }
}

/// Focuses an element by id at the next animation frame, or at a later one
/// once it is in the document: a view split off the page's wasm
/// (`pages/later.rs`) draws its heading only when its chunk is in. Gives up
/// after `frames` frames (the view then shows its own notice).
fn focus_when_drawn(id: &'static str, frames: u32) {
    request_animation_frame(move || {
        if !focus_id(id) && frames > 0 {
            focus_when_drawn(id, frames - 1);
        }
    });
}

/// Which page is shown, without the route inside a story: the page is
/// rebuilt only when this changes.
#[derive(Clone, Debug, PartialEq, Eq)]
enum PageKey {
    Stories,
    NewStory,
    Edit(String),
    Story(StoryRef),
}

#[component]
pub fn App() -> impl IntoView {
    // A one-file copy made with a story opens on that story.
    if let Some(window) = web_sys::window()
        && current_hash().is_empty()
        && saved::embedded_story().is_some()
    {
        let _ = window
            .location()
            .replace(&Place::Story(StoryRef::Embedded, Route::home()).href());
    }
    let initial = Place::parse(&current_hash());
    let route = RwSignal::new(match &initial {
        Place::Story(_, route) => route.clone(),
        _ => Route::home(),
    });
    let place = RwSignal::new(initial);
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let next = Place::parse(&current_hash());
        // The route first: a story page being rebuilt reads it.
        if let Place::Story(_, inner) = &next {
            route.set(inner.clone());
        }
        place.set(next);
    });
    on_cleanup(move || listener.remove());
    let update_ready = RwSignal::new(false);
    register_service_worker(update_ready);

    let key = Memo::new(move |_| match place.get() {
        Place::Stories => PageKey::Stories,
        Place::NewStory => PageKey::NewStory,
        Place::Edit(id) => PageKey::Edit(id),
        Place::Story(story, _) => PageKey::Story(story),
    });
    let content = move || match key.get() {
        PageKey::Stories => view! { <StoriesPage /> }.into_any(),
        PageKey::NewStory => new_story(None),
        PageKey::Edit(id) => new_story(Some(id)),
        PageKey::Story(story) => view! { <StoryShell story route /> }.into_any(),
    };

    view! {
        <a class="skip-link" href="#main" on:click=|ev| {
            ev.prevent_default();
            focus_id("main");
        }>"Skip to the content"</a>
        <header class="topbar">
            <a class="brand" href="#/stories" aria-label="Parallax, to the list of stories">
                <span class="brand-mark" aria-hidden="true">"◐"</span>
                "Parallax"
            </a>
            <span class="tagline">"How different outlets reported the same facts"</span>
            <nav class="topnav" aria-label="Stories">
                <a href="#/stories" data-testid="nav-stories">"Stories"</a>
                <a href="#/new" data-testid="nav-new">"New story"</a>
            </nav>
            <OfflineCopy />
        </header>
        <UpdateNotice ready=update_ready />
        <main id="main" tabindex="-1">{content}</main>
    }
}

/// What a story page shows before its view-model is ready, or instead of it.
#[derive(Clone, Debug, PartialEq)]
enum Loaded {
    Loading,
    Ready(Arc<StoryView>),
    Missing(String),
}

/// One story: loads it (bundled, or from this device), builds its
/// view-model after the first paint, and shows its title, tabs and page.
#[component]
fn StoryShell(story: StoryRef, route: RwSignal<Route>) -> impl IntoView {
    let story_for_view = story.clone();
    let loaded = RwSignal::new(Loaded::Loading);
    let head = RwSignal::new((String::new(), 0usize));
    // The title and tabs paint at once; the analysis and alignment run in
    // a later task, so the first paint is not held up.
    let progress = RwSignal::new(None::<Progress>);
    // The running build (the page's own thread only).
    let running = StoredValue::new_local(None::<Building>);
    let cancel = move || {
        running.try_update_value(|r| {
            if let Some(building) = r.take() {
                building.cancel();
            }
        });
    };
    // Leaving the story stops its build.
    on_cleanup(cancel);
    let finish = move |reference: StoryRef, found: Story| {
        head.set((found.title.clone(), found.articles.len()));
        let building = build(reference, found, progress, move |view| match view {
            Ok(view) => loaded.set(Loaded::Ready(view)),
            Err(message) => loaded.set(Loaded::Missing(message)),
        });
        running.set_value(Some(building));
    };
    match story.clone() {
        StoryRef::Bundled => {
            let (stories, diagnostics) = bundled_stories();
            match stories.into_iter().next() {
                Some(found) => finish(StoryRef::Bundled, found),
                None => loaded.set(Loaded::Missing(format!(
                    "The bundled corpus holds no story. {}",
                    diagnostics
                        .iter()
                        .map(|d| d.message.clone())
                        .collect::<Vec<_>>()
                        .join(" ")
                ))),
            }
        }
        StoryRef::Saved(_) | StoryRef::Link(_) | StoryRef::Embedded => {
            let reference = story.clone();
            leptos::task::spawn_local(async move {
                match saved::story_file(&reference).await {
                    Ok(file) => {
                        crate::ui::tasks::mark("parallax-story-loaded");
                        let slug = match &reference {
                            StoryRef::Saved(id) => id.clone(),
                            _ => "shared".to_string(),
                        };
                        finish(reference, file.into_story(slug));
                    }
                    Err(message) => loaded.set(Loaded::Missing(message)),
                }
            });
        }
    }
    let from_link = matches!(story, StoryRef::Link(_)).then(|| {
        let reference = story.clone();
        view! { <SaveSharedStory story=reference route /> }
    });

    let view_kind = Memo::new(move |_| route.with(Route::view));
    // After following a link to another view, focus its heading so keyboard
    // and screen-reader users land on the new content (not on first load).
    Effect::new(move |previous: Option<View>| {
        let current = view_kind.get();
        if previous.is_some_and(|p| p != current) {
            // About five seconds at 60 frames a second.
            focus_when_drawn("page-title", 300);
        }
        current
    });
    let page = move || {
        let story = match loaded.get() {
            Loaded::Loading => {
                return view! {
                    <BuildProgress progress cancel=move || {
                        cancel();
                        progress.set(None);
                        loaded.set(Loaded::Missing("The analysis was cancelled; nothing was changed.".to_string()));
                    } />
                }
                .into_any();
            }
            Loaded::Missing(message) => {
                return view! {
                    <div class="notice notice-missing" role="alert" data-testid="story-missing">
                        <p>{message}</p>
                        <p><a href="#/stories">"See the stories on this device"</a></p>
                    </div>
                }
                .into_any();
            }
            Loaded::Ready(story) => story,
        };
        let single = (story.articles.len() == 1).then(|| view! {
            <p class="notice" data-testid="single-outlet">
                "This story has one article, so there is nothing to compare yet: its extraction is shown below. Add an article from another outlet to compare them."
            </p>
        });
        let page = story_page(view_kind.get(), story.clone(), route);
        view! {
            {single}
            <UnknownLinkNotice route />
            {page}
        }
        .into_any()
    };
    let facts = move || match loaded.get() {
        Loaded::Ready(s) => format!(" · {} facts", s.facts.len()),
        _ => String::new(),
    };
    let outlets = move || {
        let count = head.with(|h| h.1);
        format!("{count} outlet{}", if count == 1 { "" } else { "s" })
    };
    let story = StoryRef::clone(&story_for_view);
    view! {
        <div class="story" data-testid="story">
            <div class="story-head">
                <p class="eyebrow">"Story · " {outlets} {facts}</p>
                <h1 id="story-title" data-testid="story-title">{move || head.with(|h| h.0.clone())}</h1>
                <StoryActions story=story.clone() />
            </div>
            {from_link}
            <ViewNav route />
            {page}
        </div>
    }
}

/// The banner over a story opened from a story link: it is not on this
/// device until the reader saves it.
#[component]
fn SaveSharedStory(story: StoryRef, route: RwSignal<Route>) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let save = move |_| {
        let story = story.clone();
        leptos::task::spawn_local(async move {
            let saved = match saved::story_file(&story).await {
                Ok(file) => saved::save_new(&file).await,
                Err(message) => Err(message),
            };
            match saved {
                Ok(id) => go(&Place::Story(StoryRef::Saved(id), route.get_untracked())),
                Err(message) => status.set(message),
            }
        });
    };
    view! {
        <div class="notice" role="status" data-testid="shared-story">
            <p>
                "This story came in a link: it is not saved on this device. "
                <button type="button" class="button button-primary" on:click=save data-testid="save-shared">
                    "Save to my stories"
                </button>
            </p>
            <p>{move || status.get()}</p>
        </div>
    }
}
