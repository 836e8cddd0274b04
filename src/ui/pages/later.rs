//! The pages a visit does not open with: one fact, the reading view, the
//! quotes, the timeline, the entities, and the new-story page (with the
//! import readers only it uses). The first paint needs none of them.
//!
//! With the `split` feature (the page's build, `postbuild/page.mjs`) each is
//! a split point: `wasm_split_helpers` marks it, the build step moves its
//! code (and what only it uses) into a wasm chunk of its own, and the first
//! call fetches that chunk. Without the feature (tests, `cargo check`) the
//! same functions are called directly, so every build renders the same views.

use std::sync::Arc;

use leptos::prelude::*;
use parallax_core::compare::StoryView;

use crate::route::{Route, View};
use crate::ui::components::link_notice::LinkNotice;
use crate::ui::pages::entities::EntitiesPage;
use crate::ui::pages::fact::FactPage;
use crate::ui::pages::new_story::NewStoryPage;
use crate::ui::pages::overview::OverviewPage;
use crate::ui::pages::quotes::QuotesPage;
use crate::ui::pages::story::StoryPage;
use crate::ui::pages::timeline::TimelinePage;

/// A view's chunk could not be fetched (e.g. offline before the service
/// worker had cached this build).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unavailable;

#[cfg(feature = "split")]
impl From<wasm_split_helpers::SplitLoaderError> for Unavailable {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        Unavailable
    }
}

/// One split point: `later!(chunk, fn name(args) { view })`. Split, the
/// function is `async` and loads `chunk` first; unsplit, it is a plain call.
macro_rules! later {
    ($chunk:ident, fn $name:ident($($arg:ident: $ty:ty),*) $body:block) => {
        #[cfg(feature = "split")]
        #[wasm_split_helpers::wasm_split($chunk, fallible)]
        fn $name($($arg: $ty),*) -> Result<AnyView, Unavailable> {
            Ok($body)
        }

        #[cfg(not(feature = "split"))]
        fn $name($($arg: $ty),*) -> Result<AnyView, Unavailable> {
            Ok($body)
        }
    };
}

later!(
    fact,
    fn fact_page(story: Arc<StoryView>, route: RwSignal<Route>) {
        view! { <FactPage story route /> }.into_any()
    }
);
later!(
    reading,
    fn reading_page(story: Arc<StoryView>, route: RwSignal<Route>) {
        view! {
            <LinkNotice story=story.clone() route />
            <StoryPage story route />
        }
        .into_any()
    }
);
later!(
    quotes,
    fn quotes_page(story: Arc<StoryView>, route: RwSignal<Route>) {
        view! { <QuotesPage story route /> }.into_any()
    }
);
later!(
    timeline,
    fn timeline_page(story: Arc<StoryView>, route: RwSignal<Route>) {
        view! { <TimelinePage story route /> }.into_any()
    }
);
later!(
    entities,
    fn entities_page(story: Arc<StoryView>, route: RwSignal<Route>) {
        view! { <EntitiesPage story route /> }.into_any()
    }
);
later!(
    new_story,
    fn new_story_page(editing: Option<String>) {
        view! { <NewStoryPage editing /> }.into_any()
    }
);

/// Shows a split page: with the `split` feature once its chunk is in
/// (nothing before: the chunk is a few kilobytes away), else at once.
macro_rules! show {
    ($call:expr) => {{
        #[cfg(feature = "split")]
        let shown = view! { {Suspend::new(async move { shown($call.await) })} }.into_any();
        #[cfg(not(feature = "split"))]
        let shown = shown($call);
        shown
    }};
}

fn shown(page: Result<AnyView, Unavailable>) -> AnyView {
    match page {
        Ok(page) => page,
        Err(Unavailable) => view! {
            <div class="notice notice-missing" role="alert" data-testid="view-unavailable">
                <p>"This view could not be loaded. Check the connection and reload the page."</p>
            </div>
        }
        .into_any(),
    }
}

/// The page of one view of a story.
pub fn story_page(view: View, story: Arc<StoryView>, route: RwSignal<Route>) -> AnyView {
    match view {
        View::Facts => view! { <OverviewPage story route /> }.into_any(),
        View::Fact => show!(fact_page(story, route)),
        View::Read => show!(reading_page(story, route)),
        View::Quotes => show!(quotes_page(story, route)),
        View::Timeline => show!(timeline_page(story, route)),
        View::Entities => show!(entities_page(story, route)),
    }
}

/// The new-story page, or the editor of a story on this device.
pub fn new_story(editing: Option<String>) -> AnyView {
    show!(new_story_page(editing))
}
